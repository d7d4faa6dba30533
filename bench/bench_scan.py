"""Scan speed: first scan of 10,000 new releases; rescan of 100,000 unchanged files beside a bare scandir+stat walk.

    .venv/bin/python bench/bench_scan.py [--first 10000] [--rescan 100000] [--rounds 3]

The first scan is `Ingest.run()` (what `feedsvc scan` and the scheduler run: walk, read, parse, store, render) over
freshly written .txt files. For the rescan the 100,000 files are written, then stored straight through
Store.save_release with their real size and mtime (no parsing, for speed), so the timed scan finds every one
unchanged; the bare walk (os.scandir + lstat of every entry) and Scanner.scan alternate over the warm tree.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, settings_for, store_files, table, write_releases  # noqa: E402

FIRST_TARGET = 300.0  # releases per second
RESCAN_TARGET = 1.5  # times the bare walk


def bare_walk(root: str) -> int:
    """The least any rescan must do: list every folder and lstat every entry."""
    count = 0
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    entry.stat(follow_symlinks=False)
                    count += 1
    return count


def top_functions(profile: cProfile.Profile, limit: int = 10) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(limit)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join("    " + line for line in lines[start:start + limit + 1])


def first_scan(base: Path, count: int) -> dict:
    from feedsvc.service import Ingest

    releases, database = base / "releases", base / "var" / "feedsvc.sqlite3"
    t = time.monotonic()
    write_releases(releases, count, paragraphs=3)
    written = time.monotonic() - t
    ingest = Ingest(settings_for(base, releases, database))
    profile = cProfile.Profile()
    t = time.monotonic()
    report = ingest.run()
    total = time.monotonic() - t
    added = sum(o.action == "added" for o in report.outcomes)
    # A second, profiled first scan on a smaller copy tells where the time goes without slowing the timed one.
    small = base / "profiled"
    write_releases(small / "releases", min(count, 1000), paragraphs=3)
    small_ingest = Ingest(settings_for(small, small / "releases", small / "var" / "db.sqlite3"))
    profile.enable()
    small_ingest.run()
    profile.disable()
    return {"files": count, "written": written, "added": added, "scan": report.seconds, "total": total,
            "rejected": sum(o.action == "rejected" for o in report.outcomes), "profile": top_functions(profile)}


def rescan(base: Path, count: int, rounds: int) -> dict:
    from feedsvc.scanner import Scanner
    from feedsvc.store import Store

    releases, database = base / "releases", base / "var" / "feedsvc.sqlite3"
    t = time.monotonic()
    paths = write_releases(releases, count, paragraphs=1)
    written = time.monotonic() - t
    stored = store_files(releases, database, paths)
    settings = settings_for(base, releases, database)
    scanner = Scanner(settings, Store(database))
    now = datetime.now(UTC)
    bare_walk(str(releases))
    scanner.scan(now)  # warm: page cache, the store's pages, imports
    walks, scans = [], []
    for _ in range(rounds):
        t = time.perf_counter()
        seen = bare_walk(str(releases))
        walks.append(time.perf_counter() - t)
        t = time.perf_counter()
        report = scanner.scan(now)
        scans.append(time.perf_counter() - t)
        assert seen == count, seen
        assert not report.changed, report.outcomes[:5]
    profile = cProfile.Profile()
    profile.enable()
    scanner.scan(now)
    profile.disable()
    return {"files": count, "written": written, "stored": stored, "walks": walks, "scans": scans,
            "profile": top_functions(profile)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=int, default=10_000)
    parser.add_argument("--rescan", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dir", help="where to build the trees (default: a temporary folder)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("feedsvc").setLevel(logging.WARNING)

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-scan-", dir=args.dir) as tmp:
        first = first_scan(Path(tmp) / "first", args.first)
        print(f"first scan: wrote {first['files']} files in {first['written']:.1f}s; "
              f"{first['added']} added, {first['rejected']} rejected")
        print("  where a first scan spends its time (cProfile of a 1,000-file first scan, by own time):")
        print(first["profile"])
        again = rescan(Path(tmp) / "rescan", args.rescan, args.rounds)
        print(f"rescan: wrote {again['files']} files in {again['written']:.1f}s, stored them in "
              f"{again['stored']:.1f}s (Store.save_release, no parsing)")
        print("  where an unchanged rescan spends its time (cProfile, by own time):")
        print(again["profile"])

    rate = first["added"] / first["total"]
    walk = statistics.median(again["walks"])
    scan = statistics.median(again["scans"])
    ratio = scan / walk
    rows = [
        [f"first scan, {first['files']} new .txt (Ingest.run)", f"{first['total']:.2f}",
         f"{rate:.0f} releases/s", f">= {FIRST_TARGET:.0f}/s", "PASS" if rate >= FIRST_TARGET else "MISS"],
        [f"  scanner alone (render: {first['total'] - first['scan']:.2f}s)", f"{first['scan']:.2f}",
         f"{first['added'] / first['scan']:.0f} releases/s", "", ""],
        [f"bare walk, {again['files']} files (median of {args.rounds})", f"{walk:.3f}",
         f"{again['files'] / walk:.0f} files/s", "", ""],
        [f"rescan, {again['files']} unchanged (median of {args.rounds})", f"{scan:.3f}",
         f"{ratio:.2f}x the walk", f"<= {RESCAN_TARGET}x", "PASS" if ratio <= RESCAN_TARGET else "MISS"],
    ]
    print()
    print(table(rows, ["measurement", "seconds", "rate", "target", "verdict"]))
    print(f"  walks: {', '.join(f'{w:.3f}' for w in again['walks'])}; "
          f"rescans: {', '.join(f'{s:.3f}' for s in again['scans'])}")
    print()
    print(f"SUMMARY scan: first scan {rate:.0f} releases/s (target >= {FIRST_TARGET:.0f}), "
          f"rescan {ratio:.2f}x bare walk (target <= {RESCAN_TARGET}x): "
          + ("PASS" if rate >= FIRST_TARGET and ratio <= RESCAN_TARGET else "MISS"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
