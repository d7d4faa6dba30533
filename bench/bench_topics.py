"""How well topics are found on real releases: precision and recall of countries and organisations against the
hand labels of tests/data/corpus-topics.json, and how fast they are found.

Run: python bench/bench_topics.py [--misses] [--only BATCH] [--repeat N]

Every corpus release (tests/data/corpus/*/ and tests/data/samples) is read with the real readers, as
bench_accuracy.py reads it; its topics are found from the Release the readers return. A country or organisation
the extractor gives and the labels do not is a false positive; one the labels give and the extractor does not is
a miss. People are listed (with --people) but not scored: the labels hold no people. Speed is topic extraction
alone (the readers excluded), releases per second on one core over the corpus read `--repeat` times, with the
caches warm as in a first scan after its first hundred files.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_accuracy import CORPUS, SAMPLES, ZONE, load_cases  # noqa: E402

from feedsvc.models import Release  # noqa: E402
from feedsvc.readers import ReaderOptions, read_release  # noqa: E402
from feedsvc.topics import find_topics  # noqa: E402

LABELS = ROOT / "tests" / "data" / "corpus-topics.json"
KINDS = ("country", "organisation")


def read_all(only: str | None) -> list[tuple[str, str, Release]]:
    folders = [p for p in sorted(CORPUS.iterdir()) if p.is_dir() and (not only or p.name == only)]
    if not only:
        folders.append(SAMPLES)
    options = ReaderOptions(zone=ZONE, now=datetime.now(UTC))
    out = []
    for case in load_cases(folders):
        result = read_release(case.path.name, case.path.read_bytes(), case.modified, options)
        if isinstance(result, Release):
            out.append((f"{case.batch}/{case.path.name}", case.batch, result))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every false positive and miss")
    parser.add_argument("--people", action="store_true", help="list the people found in each release")
    parser.add_argument("--only", help="only this batch of tests/data/corpus")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus for the speed figure")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["releases"]
    releases = read_all(args.only)

    found: dict[str, dict[str, set[str]]] = {}
    people: dict[str, list[str]] = {}
    for key, _, release in releases:
        topics = find_topics(release.title, release.body, release.language)
        found[key] = {kind: {t.key for t in topics if t.kind == kind} for kind in KINDS}
        people[key] = [f"{t.name} [{t.key}]" for t in topics if t.kind == "person"]

    started = time.process_time()
    for _ in range(args.repeat):
        for _, _, release in releases:
            find_topics(release.title, release.body, release.language)
    seconds = time.process_time() - started
    rate = args.repeat * len(releases) / seconds if seconds else float("inf")

    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # (group, kind) -> tp, fp, fn
    misses = []
    unlabelled = 0
    for key, batch, release in releases:
        truth = labels.get(key)
        if truth is None:
            unlabelled += 1
            continue
        lang = release.language.split("-")[0]
        for kind, field in (("country", "countries"), ("organisation", "organisations")):
            want, got = set(truth[field]), found[key][kind]
            for group in ("all", f"language {lang}", f"batch {batch}"):
                cell = counts[(group, kind)]
                cell[0] += len(want & got)
                cell[1] += len(got - want)
                cell[2] += len(want - got)
            for extra in sorted(got - want):
                misses.append(f"false {kind:12} {extra:24} {key}")
            for missed in sorted(want - got):
                misses.append(f"miss  {kind:12} {missed:24} {key}")

    groups = sorted({g for g, _ in counts}, key=lambda g: (g != "all", g))
    print(f"{len(releases)} releases read, {len(releases) - unlabelled} labelled\n")
    print(f"{'':28} {'countries P':>12} {'R':>7} {'organisations P':>16} {'R':>7}")
    for group in groups:
        row = [f"{group:28}"]
        for kind in KINDS:
            tp, fp, fn = counts[(group, kind)]
            row.append(f"{_share(tp, tp + fp):>12}" if kind == "country" else f"{_share(tp, tp + fp):>16}")
            row.append(f"{_share(tp, tp + fn):>7}")
        print(" ".join(row))
    if args.misses:
        print()
        print("\n".join(misses))
    if args.people:
        print()
        for key, names in people.items():
            if names:
                print(f"{key}: {'; '.join(names)}")
    figures = []
    for kind in KINDS:
        tp, fp, fn = counts[("all", kind)]
        figures.append(f"{kind}_precision={_pct(tp, tp + fp)} {kind}_recall={_pct(tp, tp + fn)}")
    print(f"\nSUMMARY {' '.join(figures)} releases={len(releases)} "
          f"extraction={rate:.0f}_releases_per_cpu_second")
    return 0


def _share(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "-"


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}%" if total else "-"


if __name__ == "__main__":
    sys.exit(main())
