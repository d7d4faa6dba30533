"""Peak resident memory of `feedsvc serve` (main process with the scheduler, and each web worker) with 100,000
releases in the store.

    .venv/bin/python bench/bench_memory.py [--releases 100000] [--workers N] [--seconds 20] [--before REF]

100,000 .txt files are written and stored straight through Store.save_release with their real size and mtime
(no parsing, for speed), so the service's scheduled rescans walk 100,000 unchanged files. Then `feedsvc serve`
runs with a 5 s scan interval while wrk fetches the front feeds and a client walks archive pages (filling each
worker's page cache), release pages, the index and /healthz. VmHWM (peak RSS) is read from /proc per process.
With --before REF the default settings are measured once more with the code of that commit (in the same run).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    PYTHON,
    Process,
    children,
    code_at,
    env_for_code,
    feedsvc_env,
    free_port,
    machine,
    need_tool,
    pss_kb,
    rss_kb,
    settings_for,
    store_files,
    table,
    write_releases,
)

TARGET_MB = 150.0
HERE = Path(__file__).resolve().parent


def describe(pid: int) -> str:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except FileNotFoundError:
        return "gone"
    if "resource_tracker" in cmdline:
        return "multiprocessing resource tracker"
    if "serve_reads" in cmdline:
        return "reader process"
    if "multiprocessing" in cmdline or "spawn_main" in cmdline:
        return "web worker (granian)"
    return cmdline[:60]


def descendants(pid: int) -> list[int]:
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def measure(root: Path, releases: Path, database: Path, args: argparse.Namespace, extra: list[str],
            tree: Path | None = None) -> dict:
    """Run `feedsvc serve` (with extra granian settings if any) under load; peak RSS per process."""
    port = free_port()
    workers = {"workers": args.workers} if args.workers else {}
    env = env_for_code(feedsvc_env(root, releases, database, port, scan_interval=5, watch="true",
                                   settle_seconds=0.3, **workers), tree)
    env.update(item.split("=", 1) for item in extra if item.split("=", 1)[0].isupper())  # e.g. MALLOC_ARENA_MAX=2
    settings = [item for item in extra if not item.split("=", 1)[0].isupper()]
    serve = ["serve", "--host", "127.0.0.1", "--port", str(port)]
    command = ([PYTHON, str(HERE / "_serve_with.py"), *settings, "--", *serve] if settings
               else [PYTHON, "-m", "feedsvc", *serve])
    service = Process(command, env=env, cwd=root, log=root / f"serve-{port}.log")
    base = f"http://127.0.0.1:{port}"
    peaks: dict[int, int] = {}
    pss_peaks: dict[int, int] = {}
    current: dict[int, int] = {}
    idle: dict[int, int] = {}
    roles: dict[int, str] = {}
    threads: dict[int, int] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid in [service.pid, *descendants(service.pid)]:
                rss, hwm = rss_kb(pid)
                if hwm:
                    role = describe(pid)  # a spawned worker shows its own command line a moment after start
                    if role != "gone":
                        roles[pid] = role
                    peaks[pid] = max(peaks.get(pid, 0), hwm)
                    pss_peaks[pid] = max(pss_peaks.get(pid, 0), pss_kb(pid))
                    current[pid] = rss
                    threads[pid] = max(threads.get(pid, 0), thread_count(pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    requests = 0
    try:
        sampler.start()
        service.wait_http(base + "/healthz", timeout=180, ok=lambda s, b: s == 200 and b'"when"' in b)
        time.sleep(1.0)
        idle.update(current)
        deadline = time.monotonic() + args.seconds
        wrk = None
        if need_tool("wrk", install=False):
            wrk = subprocess.Popen(["wrk", "-t1", "-c32", f"-d{args.seconds:g}s", "-H", "Accept-Encoding: gzip",
                                    base + "/feed.atom"], stdout=subprocess.DEVNULL)
        page = 0
        while time.monotonic() < deadline:
            page += 1
            n = page % args.pages + 1
            for url in (f"/feed.atom?page={n}", f"/feed.rss?page={n}", f"/feed.json?lang=en&page={n}",
                        f"/releases/release-{(page * 7919) % args.releases:06d}", "/", "/healthz"):
                try:
                    with urllib.request.urlopen(base + url, timeout=30) as r:
                        r.read()
                except urllib.error.HTTPError:
                    pass
                requests += 1
        if wrk:
            wrk.wait()
        time.sleep(0.5)
    finally:
        stop.set()
        sampler.join()
        service.stop()
    log_text = service.log.read_text(errors="replace")
    if "Traceback" in log_text:
        print("service log has a traceback:\n" + log_text[-2000:])
    rows = []
    spawned = any("worker" in roles.get(pid, "") for pid in peaks if pid != service.pid)
    main_role = ("main: granian supervisor + scheduler + watcher" if spawned
                 else "main: web worker + scheduler + watcher")
    for pid, peak in sorted(peaks.items()):
        role = main_role if pid == service.pid else roles.get(pid, "?")
        rows.append([" ".join(extra) or "defaults", role, threads.get(pid, 0), f"{idle.get(pid, 0) / 1024:.1f}",
                     f"{current.get(pid, 0) / 1024:.1f}", f"{peak / 1024:.1f}"])
    web = [p for pid, p in peaks.items() if pid != service.pid and "worker" in roles.get(pid, "")]
    return {"rows": rows, "requests": requests, "main": peaks.get(service.pid, 0) / 1024,
            "pss_total": sum(pss_peaks.values()) / 1024,
            "workers": sum(web) / 1024, "nworkers": len(web), "total": sum(peaks.values()) / 1024,
            "largest": max(peaks.values()) / 1024}


def thread_count(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("Threads:"):
                return int(line.split()[1])
    except FileNotFoundError:
        pass
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=None, help="web workers (default: feedsvc's default)")
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the load phase")
    parser.add_argument("--pages", type=int, default=300, help="archive pages to request (per format)")
    parser.add_argument("--also", action="append", default=None, metavar="'key=value ...'",
                        help="also measure with these granian server settings and environment variables (UPPER=value); "
                             "default: 'FEEDSVC_WORKERS=2' (two worker processes)")
    parser.add_argument("--before", default=None, metavar="REF",
                        help="also measure the default settings with the code of this git commit")
    args = parser.parse_args()
    also = args.also if args.also is not None else ["FEEDSVC_WORKERS=2"]

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-memory-") as tmp:
        root = Path(tmp)
        releases = root / "releases"
        database = root / "var" / "feedsvc.sqlite3"
        t = time.monotonic()
        paths = write_releases(releases, args.releases, paragraphs=2)
        written = time.monotonic() - t
        stored = store_files(releases, database, paths)
        from feedsvc.service import Ingest

        Ingest(settings_for(root, releases, database)).render(datetime.now(UTC))
        size_mb = database.stat().st_size / 1e6
        print(f"store: {args.releases} releases written in {written:.1f}s and stored in {stored:.1f}s "
              f"(Store.save_release, no parsing); database {size_mb:.0f} MB")
        results = [measure(root, releases, database, args, extra.split()) for extra in ["", *also]]
        if args.before:
            results.append(measure(root, releases, database, args, [], code_at(args.before, root / "before")))
            also = [*also, f"code of {args.before}"]
            results[-1]["rows"] = [[f"defaults, code of {args.before}", *row[1:]] for row in results[-1]["rows"]]

    print(f"load: {args.seconds:g}s of wrk -t1 -c32 (gzip /feed.atom) plus one client walking archive pages "
          f"(up to {args.pages} per format), release pages, / and /healthz ({results[0]['requests']} requests)")
    print()
    print(table([row for r in results for row in r["rows"]],
                ["granian settings", "process", "max threads", "RSS idle MB", "RSS at end MB",
                 "peak RSS (VmHWM) MB"]))
    for label, r in zip(["defaults", *also], results, strict=True):
        print(f"  {label}: sum of peaks {r['total']:.1f} MB = main {r['main']:.1f} + {r['nworkers']} workers "
              f"{r['workers']:.1f} + others {r['total'] - r['main'] - r['workers']:.1f}; sum of peak PSS "
              f"(shared pages counted once) {r['pss_total']:.1f} MB")
    first = results[0]
    print()
    print(f"SUMMARY memory: peak RSS of `feedsvc serve` with {args.releases} releases (default settings): "
          f"main {first['main']:.1f} MB, largest process {first['largest']:.1f} MB, sum over processes "
          f"{first['total']:.1f} MB, sum of peak PSS {first['pss_total']:.1f} MB "
          f"(target <= {TARGET_MB:.0f} MB, compared with the RSS sum): "
          + ("PASS" if first["total"] <= TARGET_MB else "MISS")
          + "".join(f"; with {label}: sum {r['total']:.1f} MB" for label, r in zip(also, results[1:], strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
