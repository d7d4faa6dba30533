"""Drop to feed: seconds from a release file's close to its entry in /feed.atom, file events on and off.

    .venv/bin/python bench/bench_drop.py [--drops 50] [--settle 0.3] [--workers N] [--interval-off 1] [--nginx]
                                         [--before REF | --no-before]

A real `feedsvc serve` (its web worker(s) + the one scheduler in the main process) runs on a loopback port. Each
drop writes one .txt release and closes it; the bench then polls /feed.atom over fresh connections (so any
worker may answer) until the entry is there (drop latency), and keeps polling until ten answers in a row have it
(how long until every worker shows it). The generation file's mtime says when the scan stored the new feeds,
so "stored -> all workers" is the web side's share.

With file events on, a closed file is read at once (inotify's close-write), whatever settle_seconds is; with them
off the settle time and the scan interval decide. --nginx adds a run with the shipped nginx recipe
(config/nginx-feedsvc.conf) in front, polled through nginx, so the cache time the README promises is measured.

The runs with and without file events are made twice in one go: with this checkout (files read in reader
processes) and with the code of git `--before` (default: the last commit before issue 11, which read files in the
scanning process), so the cost of the isolation shows side by side. The first drop of each run also pays for
starting a reader process.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    BEFORE,
    PYTHON,
    Process,
    children,
    code_at,
    env_for_code,
    feedsvc_env,
    free_port,
    machine,
    need_tool,
    release_text,
    table,
)

TARGET_P95 = 1.0
ATOM = "{http://www.w3.org/2005/Atom}"


def titles(port: int) -> set[str]:
    """Entry titles of /feed.atom over a new connection (gzip accepted, as feed readers do)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/feed.atom", headers={"Connection": "close"})
        body = conn.getresponse().read()
    finally:
        conn.close()
    return {e.findtext(f"{ATOM}title") for e in etree.fromstring(body).iter(f"{ATOM}entry")}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def start_nginx(nginx: str, root: Path, upstream: int) -> tuple[Process, int]:
    """nginx with the shipped recipe in front of feedsvc on `upstream`; returns it and its port."""
    from bench_serve import PROXY_HTTP, nginx_conf

    port = free_port()
    root.chmod(0o755)  # nginx workers run as nobody
    home = root / "nginx"
    home.mkdir()
    site = (Path(__file__).resolve().parent.parent / "config" / "nginx-feedsvc.conf").read_text()
    for placeholder, value in (("{listen}", f"127.0.0.1:{port}"), ("{upstream}", f"127.0.0.1:{upstream}"),
                               ("{cache_dir}", str(home / "cache"))):
        site = site.replace(placeholder, value)
    (home / "site.conf").write_text(site)
    (home / "nginx.conf").write_text(nginx_conf(home, 1, PROXY_HTTP.format(site=home / "site.conf")))
    process = Process([nginx, "-c", str(home / "nginx.conf"), "-p", str(home)], cwd=home, log=home / "nginx.log")
    process.wait_http(f"http://127.0.0.1:{port}/feed.atom", ok=lambda s, b: s == 200)
    return process, port


def run(label: str, drops: int, workers: int | None, poll: float, nginx: str | None = None,
        tree: Path | None = None,
        **settings: object) -> dict:
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-drop-") as tmp:
        root = Path(tmp)
        releases = root / "releases"
        releases.mkdir()
        database = root / "var" / "feedsvc.sqlite3"
        generation = database.with_name(database.name + ".generation")
        port = free_port()
        if workers:
            settings["workers"] = workers
        env = env_for_code(feedsvc_env(root, releases, database, port, log_level="INFO", **settings), tree)
        service = Process([PYTHON, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(port)],
                          env=env, cwd=root, log=root / "serve.log")
        proxy = None
        try:
            service.wait_http(f"http://127.0.0.1:{port}/feed.atom", ok=lambda s, b: s == 200)
            if nginx:
                proxy, polled = start_nginx(nginx, root, port)
            else:
                polled = port
            time.sleep(1.0)
            latencies, spreads, web_share = [], [], []
            for n in range(drops):
                text = release_text(900_000 + n, 2)
                title = text.split("\n", 1)[0]
                with open(releases / f"drop-{n:03d}.txt", "w", encoding="utf-8") as f:
                    f.write(text)
                closed = time.time()
                deadline = closed + 90
                while title not in titles(polled):
                    if time.time() > deadline:
                        raise SystemExit(f"{label}: drop {n} never appeared:\n{service.tail()}")
                    time.sleep(poll)
                seen = time.time()
                in_a_row = 0
                while in_a_row < 10:
                    in_a_row = in_a_row + 1 if title in titles(polled) else 0
                everywhere = time.time()
                stored = os.stat(generation).st_mtime
                latencies.append(seen - closed)
                spreads.append(everywhere - closed)
                web_share.append(max(0.0, seen - stored))
                time.sleep(0.05)
            log = service.tail() if service.log is None else service.log.read_text(errors="replace")
            processes = [service.pid, *children(service.pid)]
            return {"label": label, "code": "before" if tree else "this", "settings": settings,
                    "latencies": latencies, "spreads": spreads,
                    "web": web_share, "schedulers": len(re.findall(r"scheduler started", log)),
                    "watching": bool(re.search(r"watching .* for changes", log)), "processes": len(processes)}
        finally:
            if proxy is not None:
                proxy.stop()
            service.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drops", type=int, default=50)
    parser.add_argument("--settle", type=float, default=0.3, help="settle_seconds for the service")
    parser.add_argument("--workers", type=int, default=None, help="web workers (default: feedsvc's default)")
    parser.add_argument("--interval-on", type=float, default=60.0, help="scan_interval with file events on")
    parser.add_argument("--interval-off", type=float, default=1.0, help="scan_interval with file events off")
    parser.add_argument("--poll", type=float, default=0.01, help="seconds between polls of /feed.atom")
    parser.add_argument("--nginx", action="store_true", help="also measure through the shipped nginx recipe")
    parser.add_argument("--no-install", action="store_true", help="do not apt-get install nginx when missing")
    parser.add_argument("--before", default=BEFORE, help=f"git commit to compare with (default {BEFORE})")
    parser.add_argument("--no-before", action="store_true", help="measure this checkout only")
    args = parser.parse_args()

    print(f"machine: {machine()}")
    nginx = need_tool("nginx", install=not args.no_install) if args.nginx else None
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-before-") as old:
        trees = [None] if args.no_before else [None, code_at(args.before, Path(old))]
        runs = []
        for tree in trees:
            runs += [
                run("events on", args.drops, args.workers, args.poll, tree=tree, watch="true",
                    settle_seconds=args.settle, scan_interval=args.interval_on),
                run("events off", args.drops, args.workers, args.poll, tree=tree, watch="false",
                    settle_seconds=args.settle, scan_interval=args.interval_off),
            ]
        if nginx:
            runs.append(run("events on, via nginx", args.drops, args.workers, args.poll, nginx=nginx, watch="true",
                            settle_seconds=args.settle, scan_interval=args.interval_on))
    rows = []
    for r in runs:
        lat, spread, web = r["latencies"], r["spreads"], r["web"]
        s = r["settings"]
        code = "reader processes" if r["code"] == "this" else f"in process ({args.before})"
        rows.append([code, r["label"], f"settle={s['settle_seconds']} interval={s['scan_interval']}", len(lat),
                     f"{statistics.median(lat):.3f}", f"{percentile(lat, 0.95):.3f}", f"{max(lat):.3f}",
                     f"{percentile(spread, 0.95):.3f}", f"{percentile(web, 0.95):.3f}", r["schedulers"],
                     r["processes"]])
    workers = args.workers or "default (1, in the main process)"
    print(f"{workers} web workers; polls every {args.poll}s over new connections; drops are written and "
          f"closed one at a time")
    print()
    print(table(rows, ["reading", "file events", "settings (s)", "drops", "p50 s", "p95 s", "max s",
                       "p95 all workers s",
                       "p95 stored->seen s", "schedulers", "processes"]))
    print("  p50/p95/max: close -> first answer with the entry; all workers: close -> ten answers in a row have it;"
          " stored->seen: generation file written -> first answer with it")
    on = runs[0]
    p95 = percentile(on["latencies"], 0.95)
    one_scheduler = all(r["schedulers"] == 1 for r in runs)
    print()
    via_nginx = "".join(f", {percentile(r['latencies'], 0.95):.3f}s through the nginx recipe" for r in runs
                        if r["label"].endswith("nginx"))
    before_runs = [r for r in runs if r["code"] == "before"]
    before = "" if not before_runs else (
        f" (before, read in process: p95 {percentile(before_runs[0]['latencies'], 0.95):.3f}s on, "
        f"{percentile(before_runs[1]['latencies'], 0.95):.3f}s off)")
    print(f"SUMMARY drop (settle {args.settle}s): p95 {p95:.3f}s with file events on (target <= {TARGET_P95}s), "
          f"{percentile(runs[1]['latencies'], 0.95):.3f}s with them off (interval {args.interval_off}s){via_nginx}"
          f"{before}; "
          f"one scheduler: {'yes' if one_scheduler else 'NO'}: "
          + ("PASS" if p95 <= TARGET_P95 and one_scheduler and on["watching"] else "MISS"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
