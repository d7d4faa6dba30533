"""Front-feed latency while crawlers page through the archive: do archive renders hold up the front feeds?

    .venv/bin/python bench/bench_archive.py [--releases 20000] [--crawlers 32] [--seconds 20] [--before REF]

A store of 20,000 releases (filled straight through Store.save_release) is served by `feedsvc serve` with its
default settings (without its scheduler: nothing changes). 32 crawlers (threads of a separate process, so they do
not share the bench's interpreter lock) fetch random archive pages of the three formats over keep-alive
connections, as fast as they are answered: every page is rendered on its first request, then kept. Meanwhile one
poller fetches /feed.atom every 20 ms and records each answer's latency. With --before REF the same runs against
the code of that commit, which rendered archive pages under one lock per web worker, without the
per-generation answers that make archive renders cheap or the limit of renders at once (beyond it: 503).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    BEFORE,
    PYTHON,
    Process,
    code_at,
    env_for_code,
    feedsvc_env,
    fill_store,
    free_port,
    machine,
    render_front_pages,
    table,
)

TARGET_P99_MS = 100.0


def crawl(port: int, seconds: float, crawlers: int, pages: int) -> None:
    """The crawler process: print one JSON line with the archive pages fetched, the 503 answers (come back
    later: crawlers here ask again at once) and the errors."""
    done, busy, errors = [0], [0], []
    stop = time.monotonic() + seconds

    def one(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while time.monotonic() < stop:
            path = f"/feed.{rng.choice(['atom', 'rss', 'json'])}?page={rng.randint(2, pages)}"
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status == 503:
                    busy[0] += 1
                elif response.status != 200:
                    errors.append(response.status)
                else:
                    done[0] += 1
            except (OSError, http.client.HTTPException) as e:
                errors.append(repr(e))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

    threads = [threading.Thread(target=one, args=(n,)) for n in range(crawlers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({"pages": done[0], "busy": busy[0], "errors": len(errors),
                      "first_errors": [str(e) for e in errors[:3]]}))


def measure(label: str, database: Path, root: Path, tree: Path | None, args: argparse.Namespace) -> dict:
    port = free_port()
    releases = root / "releases"
    env = env_for_code(feedsvc_env(root, releases, database, port, scan_interval=3600, watch="false"), tree)
    render_front_pages(env)
    # No scheduler: the store was filled without files, which a scan would withdraw.
    service = Process([PYTHON, "-m", "feedsvc", "serve", "--no-scheduler", "--host", "127.0.0.1", "--port", str(port)],
                      env=env, cwd=root, log=root / f"serve-{port}.log")
    latencies: list[float] = []
    try:
        service.wait_http(f"http://127.0.0.1:{port}/feed.atom", ok=lambda s, b: s == 200, timeout=120)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for _ in range(50):  # warm
            conn.request("GET", "/feed.atom")
            conn.getresponse().read()
        crawler = subprocess.Popen([PYTHON, __file__, "--crawl", str(port), str(args.seconds), str(args.crawlers),
                                    str(args.releases // 50)], stdout=subprocess.PIPE, text=True)
        time.sleep(0.5)
        stop = time.monotonic() + args.seconds - 1.0
        while time.monotonic() < stop:
            started = time.monotonic()
            conn.request("GET", "/feed.atom")
            response = conn.getresponse()
            response.read()
            assert response.status == 200
            latencies.append(time.monotonic() - started)
            time.sleep(0.02)
        out, _ = crawler.communicate(timeout=args.seconds + 120)
        crawled = json.loads(out.strip().splitlines()[-1])
    finally:
        service.stop()
    ordered = sorted(latencies)
    return {"label": label, "polls": len(ordered), "p50": 1000 * statistics.median(ordered),
            "p95": 1000 * ordered[int(0.95 * (len(ordered) - 1))],
            "p99": 1000 * ordered[int(0.99 * (len(ordered) - 1))],
            "max": 1000 * ordered[-1], "pages": crawled["pages"], "busy": crawled["busy"], "errors": crawled["errors"],
            "first_errors": crawled["first_errors"]}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--crawl":
        crawl(int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=20_000)
    parser.add_argument("--crawlers", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--before", default=BEFORE, help=f"git commit to compare with (default {BEFORE})")
    parser.add_argument("--no-before", action="store_true", help="measure this checkout only")
    args = parser.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-archive-") as tmp:
        root = Path(tmp)
        (root / "releases").mkdir()
        database = root / "var" / "feedsvc.sqlite3"
        filled = fill_store(database, args.releases)
        print(f"store: {args.releases} releases in {filled:.1f}s ({args.releases // 50} archive pages per format)")
        runs = [measure("this checkout", database, root, None, args)]
        if not args.no_before:
            runs.append(measure(f"before ({args.before})", database, root, code_at(args.before, root / "before"),
                                args))
    print(f"{args.crawlers} crawlers fetching random archive pages for {args.seconds:g}s; one poller of /feed.atom "
          "every 20 ms")
    print()
    print(table([[r["label"], r["polls"], f"{r['p50']:.1f}", f"{r['p95']:.1f}", f"{r['p99']:.1f}", f"{r['max']:.0f}",
                  r["pages"], f"{r['pages'] / args.seconds:.0f}", r["busy"], r["errors"]] for r in runs],
                ["archive renders", "polls", "p50 ms", "p95 ms", "p99 ms", "max ms", "archive pages",
                 "pages/s", "503 (busy)", "errors"]))
    print("  archive pages: answered with the page (200); 503: 'try again in a second' (Retry-After: 1), asked again "
          "at once here")
    for r in runs:
        if r["errors"]:
            print(f"  {r['label']}: first errors {r['first_errors']}")
    first = runs[0]
    print()
    print(f"SUMMARY archive: /feed.atom p50 {first['p50']:.1f} ms, p99 {first['p99']:.1f} ms, worst {first['max']:.0f} "
          f"ms while {args.crawlers} crawlers paged the archive at {args.releases} releases"
          + (f" (before: p50 {runs[1]['p50']:.1f} ms, p99 {runs[1]['p99']:.1f} ms)" if len(runs) > 1 else "")
          + f" (target p99 <= {TARGET_P99_MS:.0f} ms): " + ("PASS" if first["p99"] <= TARGET_P99_MS else "MISS"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
