"""`feedsvc export` of a large archive: time and size of a first export, an export with nothing changed, and one
after a single new release.

    .venv/bin/python bench/bench_export.py [--releases 100000] [--feed-size 50]

The store is filled directly (as bench_memory does: the rows a scan stores, without reading files), the front feeds
are rendered as a scan would, then `feedsvc export DIR` runs as a command three times. The last line is
`SUMMARY: ...`.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PYTHON, feedsvc_env, fill_store, machine, render_front_pages, table  # noqa: E402


def run_export(env: dict, root: Path, site: Path) -> tuple[float, str, int]:
    """(seconds, the command's summary line, peak resident memory in MB)."""
    started = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-f", "%M", PYTHON, "-m", "feedsvc", "export", str(site)], env=env,
                            cwd=root, capture_output=True, text=True, check=True)
    seconds = time.monotonic() - started
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return seconds, result.stdout.strip(), peak_kb // 1024


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--feed-size", type=int, default=50)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="feedsvc-bench-export-"))
    (root / "releases").mkdir()
    database = root / "db.sqlite3"
    print(machine())
    filled = fill_store(database, args.releases)
    print(f"store filled with {args.releases:,} releases in {filled:.1f}s")
    env = {**os.environ, **feedsvc_env(root, root / "releases", database, 8080, feed_size=args.feed_size)}
    render_front_pages(env)
    site = root / "site"
    rows = []
    seconds, line, peak = run_export(env, root, site)
    files, size = folder_size(site)
    rows.append(["first export", f"{seconds:.1f} s", f"{files:,}", f"{size / 1_048_576:,.0f} MB", f"{peak} MB", line])
    seconds, line, peak = run_export(env, root, site)
    rows.append(["again, nothing changed", f"{seconds:.1f} s", "", "", f"{peak} MB", line])
    from datetime import UTC, datetime

    from feedsvc.models import Release
    from feedsvc.store import Store

    store = Store(database)
    now = datetime.now(UTC)
    store.save_release("new/one-more.txt", 10, 0, "f" * 64, Release(
        title="One more release", published=now, summary="A new release.", body="A new release.",
        body_html="<p>A new release.</p>", language="en"), now)
    render_front_pages(env)
    seconds, line, peak = run_export(env, root, site)
    rows.append(["after one new release", f"{seconds:.1f} s", "", "", f"{peak} MB", line])
    print(table(rows, ["export", "time", "files", "size", "peak RSS", "feedsvc export said"]))
    first, again, one = rows
    written = re.search(r"(\d+) written", one[5]).group(1)
    print(f"SUMMARY: {args.releases:,} releases (feed_size {args.feed_size}): first export {first[1]}, "
          f"{first[2]} files, {first[3]}; unchanged {again[1]}; after one new release {one[1]} "
          f"({written} files rewritten)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
