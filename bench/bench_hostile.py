"""Hostile files against the real service: front-feed poll latency while they are read, and how soon an ordinary
release dropped after them is published.

    .venv/bin/python bench/bench_hostile.py [--pollers 4] [--before REF]

`feedsvc serve` runs with its default settings (read_timeout 20 s, read_memory 512 MB, read_workers 2; file
events on, settle 0.3 s for speed). Pollers fetch /feed.atom over keep-alive connections all the time. The bench
drops every hostile file of issue 11 (tests/hostile.py: a billion-laughs front matter, 200 KB pages of "<",
"<!--" and "<!DOCTYPE [", 2 MB of "[" and 3 MB of "*a " in Markdown, a PDF whose 40 pages share one content
stream), waits a second, drops an ordinary release and times it to /feed.atom; then it waits until every hostile
file has its outcome in /healthz. With --before REF the same runs against the code of that commit, which read
files in the scanning process (it gives up after --give-up seconds).
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _common import (  # noqa: E402
    PYTHON,
    Process,
    children,
    code_at,
    env_for_code,
    feedsvc_env,
    free_port,
    machine,
    release_text,
    rss_kb,
    table,
)
from hostile import HOSTILE  # noqa: E402

ATOM = "{http://www.w3.org/2005/Atom}"
POLL_TARGET = 1.0  # seconds: every poll answered within
PUBLISH_TARGET = 15.0  # seconds: the ordinary release after the hostile ones


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def scenario(label: str, tree: Path | None, pollers: int, give_up: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-hostile-") as tmp:
        root = Path(tmp)
        releases = root / "releases"
        releases.mkdir()
        database = root / "var" / "feedsvc.sqlite3"
        port = free_port()
        env = env_for_code(feedsvc_env(root, releases, database, port, settle_seconds=0.3, log_level="INFO"), tree)
        service = Process([PYTHON, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(port)],
                          env=env, cwd=root, log=root / "serve.log")
        latencies: list[tuple[float, float]] = []  # (when, seconds)
        errors: list[str] = []
        stop = threading.Event()
        peaks: dict[int, int] = {}

        def poll() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            while not stop.is_set():
                started = time.monotonic()
                try:
                    status, _ = get(conn, "/feed.atom")
                    if status != 200:
                        errors.append(str(status))
                except (OSError, http.client.HTTPException) as e:
                    errors.append(repr(e))
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                latencies.append((started, time.monotonic() - started))
                time.sleep(0.02)

        def watch_memory() -> None:
            while not stop.is_set():
                for pid in [service.pid, *children(service.pid)]:
                    peaks[pid] = max(peaks.get(pid, 0), rss_kb(pid)[1])
                stop.wait(0.2)

        def titles(conn: http.client.HTTPConnection) -> list[str]:
            _, body = get(conn, "/feed.atom")
            return [e.findtext(f"{ATOM}title") for e in etree.fromstring(body).iter(f"{ATOM}entry")]

        try:
            service.wait_http(f"http://127.0.0.1:{port}/feed.atom", ok=lambda s, b: s == 200)
            (releases / "before.txt").write_text(release_text(1))
            check = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            deadline = time.monotonic() + 30
            while not titles(check) and time.monotonic() < deadline:
                time.sleep(0.05)
            threads = [threading.Thread(target=poll) for _ in range(pollers)] + [threading.Thread(target=watch_memory)]
            for thread in threads:
                thread.start()
            time.sleep(1.0)
            hostile_at = time.monotonic()
            for name, make in HOSTILE.items():
                (releases / name).write_bytes(make())
            time.sleep(1.0)
            ordinary = release_text(2)
            title = ordinary.split("\n", 1)[0]
            (releases / "after.txt").write_text(ordinary)
            dropped = time.monotonic()
            published = None
            while time.monotonic() - dropped < give_up:
                try:
                    if title in titles(check):
                        published = time.monotonic() - dropped
                        break
                except (OSError, http.client.HTTPException, etree.XMLSyntaxError):
                    check = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                time.sleep(0.05)
            outcomes: dict[str, tuple[float, str]] = {}
            while len(outcomes) < len(HOSTILE) and time.monotonic() - hostile_at < give_up + 30:
                try:
                    import json

                    _, body = get(check, "/healthz")
                    health = json.loads(body)
                    status, feed = get(check, "/feed.atom")
                except (OSError, http.client.HTTPException, ValueError):
                    check = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                    continue
                for r in health.get("rejected", []):
                    if r["file"] in HOSTILE and r["file"] not in outcomes:
                        outcomes[r["file"]] = (time.monotonic() - hostile_at, "rejected: " + r["reason"][:60])
                for name in HOSTILE:
                    if name not in outcomes and f"/releases/{Path(name).stem}" in feed.decode(errors="replace"):
                        outcomes[name] = (time.monotonic() - hostile_at, "published")
                time.sleep(0.2)
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=130)
            service.stop()
        during = [s for when, s in latencies if when >= hostile_at]
        return {"label": label, "during": during, "errors": errors, "published": published, "outcomes": outcomes,
                "main_peak": peaks.get(service.pid, 0) / 1024,
                "others_peak": max([v for k, v in peaks.items() if k != service.pid], default=0) / 1024,
                "log": (root / "serve.log").read_text(errors="replace")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pollers", type=int, default=4, help="clients polling /feed.atom without pause")
    parser.add_argument("--before", default=None, metavar="REF", help="also run the code of this git commit")
    parser.add_argument("--give-up", type=float, default=60.0, help="seconds to wait for the ordinary release")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-before-") as old:
        runs = [scenario("reader processes", None, args.pollers, args.give_up)]
        if args.before:
            runs.append(scenario(f"in process ({args.before})", code_at(args.before, Path(old)), args.pollers,
                                 args.give_up))
    rows = []
    for r in runs:
        during = sorted(r["during"]) or [0.0]
        published = f"{r['published']:.2f}" if r["published"] is not None else f"> {args.give_up:g}"
        rows.append([r["label"], len(during), f"{1000 * statistics.median(during):.1f}",
                     f"{1000 * during[int(0.99 * (len(during) - 1))]:.1f}", f"{1000 * during[-1]:.0f}",
                     len(r["errors"]), published, f"{r['main_peak']:.0f}", f"{r['others_peak']:.0f}"])
    print(f"{args.pollers} pollers of /feed.atom (keep-alive, 20 ms pause); {len(HOSTILE)} hostile files dropped, "
          "an ordinary release one second later")
    print()
    print(table(rows, ["reading", "polls", "p50 ms", "p99 ms", "worst ms", "errors", "ordinary published s",
                       "main peak MB", "largest other MB"]))
    for r in runs:
        print()
        print(f"{r['label']}: outcome of each hostile file (seconds after the drop)")
        print(table([[name, f"{r['outcomes'][name][0]:.1f}" if name in r["outcomes"] else "-",
                      r["outcomes"].get(name, (0, "no outcome in time"))[1]] for name in HOSTILE],
                    ["file", "s", "outcome"]))
    first = runs[0]
    worst = max(first["during"], default=0.0)
    ok = worst <= POLL_TARGET and first["published"] is not None and first["published"] <= PUBLISH_TARGET \
        and not first["errors"]
    print()
    print(f"SUMMARY hostile: worst /feed.atom poll {1000 * worst:.0f} ms while the hostile files were read "
          f"(target <= {POLL_TARGET * 1000:.0f} ms), ordinary release published in "
          f"{first['published'] if first['published'] is not None else float('inf'):.2f} s (target <= "
          f"{PUBLISH_TARGET:g} s), {len(first['errors'])} errors: " + ("PASS" if ok else "MISS"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
