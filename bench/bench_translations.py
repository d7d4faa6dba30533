"""How well translations are paired on real releases: the corpus's releases that are one release in two languages
(tests/data/corpus-translations.json) against every pair the rule makes.

Run: python bench/bench_translations.py

Every corpus release is read with the real readers and its topics found, as bench_topics.py does. Two figures:
- by day: the pairs made among each day's releases, against the known pairs (precision and recall);
- one day: every release put on the same day, so that each of the ~50,000 pairs of releases in two languages is a
  candidate, and every pair the rule makes beyond the known ones is a wrong pair. This is far harder than a real
  day, whose releases a press office numbers in tens.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_topics import read_all  # noqa: E402

from feedsvc.translations import agreement, fingerprint, pairs  # noqa: E402

KNOWN = ROOT / "tests" / "data" / "corpus-translations.json"
ONE_DAY = date(2000, 1, 1)


def main() -> int:
    logging.basicConfig(level=logging.CRITICAL)
    known = {tuple(sorted(p)) for p in json.loads(KNOWN.read_text(encoding="utf-8"))["pairs"]}
    releases = read_all(None)
    by_day: dict[date, dict] = {}
    one_day = {}
    for key, _, release in releases:
        day = release.published.date()
        by_day.setdefault(day, {})[key] = fingerprint(release, day)
        one_day[key] = fingerprint(release, ONE_DAY)
    made = {p for group in by_day.values() for p in pairs(group)}
    stress = set(pairs(one_day))
    candidates = sum(1 for a, b in combinations(one_day, 2) if one_day[a].language != one_day[b].language)
    same_day = sum(1 for group in by_day.values() for a, b in combinations(group, 2)
                   if group[a].language != group[b].language)
    right = made & known
    print(f"{len(releases)} releases, {len(known)} known pairs, {same_day} same-day pairs of releases in two "
          f"languages\n")
    for a, b in sorted(known):
        score = agreement(by_day_of(by_day, a), by_day_of(by_day, b))
        print(f"{'paired ' if (a, b) in made else 'MISSED '} {score:.2f}  {a}  |  {b}")
    for a, b in sorted(made - known):
        print(f"WRONG    {a}  |  {b}")
    wrong_stress = stress - known
    print(f"\nall on one day: {candidates} candidate pairs, {len(stress & known)} known pairs made, "
          f"{len(wrong_stress)} wrong pairs")
    for a, b in sorted(wrong_stress):
        print(f"WRONG    {a}  |  {b}")
    print(f"\nSUMMARY pairs_right={len(right)}/{len(known)} wrong_pairs={len(made - known)} "
          f"one_day_wrong_pairs={len(wrong_stress)}/{candidates}")
    return 0


def by_day_of(by_day: dict, key: str):
    return next(group[key] for group in by_day.values() if key in group)


if __name__ == "__main__":
    sys.exit(main())
