"""Which releases are the same release in two languages: the ministry's English and Russian versions of one
statement, published the same day.

Two releases of one day in different languages are paired when they agree on what a translation keeps: the same
countries, organisations and people (topics), the same numbers (dates, resolutions, counts), the same proper names
(compared by their transliteration skeleton, so "Кабул" meets "Kabul"), and about the same length. A pair must be
each one's best match among that day's releases, by a clear margin over the next best: two different releases of the
same day about the same country (two statements on a London attack, by two governments) are never paired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from feedsvc.models import Release
from feedsvc.topics.names import skeleton
from feedsvc.words import Token, base_language, tokens

MIN_SCORE = 0.5  # agreement (0..1) two releases need to be one release in two languages
MIN_MARGIN = 0.15  # by how much the best match must beat the next best, on both sides
LENGTH_RATIO = (0.5, 2.0)  # a translation is at most twice as long (or half as long) as its original
NAME_PREFIX = 5  # letters of a name's skeleton that are compared ("kazah" for Казахстана and Kazakhstan)
MIN_NAME = 4  # letters of a capitalised word to count as a proper name
_NUMBER = re.compile(r"\d[\d.,/:-]*\d|\d")


@dataclass(frozen=True)
class Fingerprint:
    """What a release keeps through translation, kept in the store beside it."""

    language: str
    day: date
    length: int  # characters of the body
    topics: frozenset[str]  # "country:MA", "organisation:nato"
    people: frozenset[str]  # person keys
    numbers: frozenset[str]
    names: frozenset[str]  # skeleton prefixes of the capitalised words

    def to_json(self) -> dict:
        return {"language": self.language, "day": self.day.isoformat(), "length": self.length,
                "topics": sorted(self.topics), "people": sorted(self.people), "numbers": sorted(self.numbers),
                "names": sorted(self.names)}

    @classmethod
    def from_json(cls, data: dict) -> Fingerprint:
        return cls(data["language"], date.fromisoformat(data["day"]), data["length"], frozenset(data["topics"]),
                   frozenset(data["people"]), frozenset(data["numbers"]), frozenset(data["names"]))


def fingerprint(release: Release, day: date | None = None, words: list[Token] | None = None) -> Fingerprint:
    """The fingerprint of a release published on `day` (by default its own day in the deployment's zone);
    `words` are its title's and text's, if they are cut already."""
    day = day or release.day or release.published.date()
    text = f"{release.title}\n\n{release.body}"
    topics = frozenset(f"{t.kind}:{t.key}" for t in release.topics if t.kind in ("country", "organisation"))
    people = frozenset(t.key for t in release.topics if t.kind == "person")
    numbers = frozenset(n.strip(".,:-/") for n in _NUMBER.findall(text) if len(n.strip(".,:-/")) > 1)
    names = frozenset(skeleton(w.text, release.language)[:NAME_PREFIX] for w in (words or tokens(text))
                      if w.capital and not w.upper and len(w.text) >= MIN_NAME)
    return Fingerprint(base_language(release.language), day, len(release.body), topics, people, numbers,
                       frozenset(n for n in names if n))


def agreement(a: Fingerprint, b: Fingerprint) -> float:
    """How much two releases agree on what translation keeps, from 0 to 1; 0 when they cannot be one release
    (same language, another day, lengths too far apart, nothing named in common)."""
    if a.language == b.language or a.day != b.day:
        return 0.0
    low, high = LENGTH_RATIO
    if not a.length or not b.length or not low <= a.length / b.length <= high:
        return 0.0
    signals = [_jaccard(a.topics, b.topics), _jaccard(a.names, b.names)]
    if a.numbers or b.numbers:
        signals.append(_jaccard(a.numbers, b.numbers))
    if a.people or b.people:
        signals.append(_jaccard(a.people, b.people))
    if not a.topics & b.topics and not a.people & b.people:
        return 0.0
    return sum(signals) / len(signals)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def pairs(day: dict[str, Fingerprint]) -> list[tuple[str, str]]:
    """The translation pairs among one day's releases (id → fingerprint). For each release and each other language,
    the release of that language it agrees with best is its translation, if that one agrees best with it too among
    the releases of its language, well enough and by a clear margin over the next best."""
    ids = sorted(day)
    found: dict[tuple[str, str], list[tuple[float, str]]] = {}  # (release, other language) -> [(score, other)]
    for n, a in enumerate(ids):
        for b in ids[n + 1:]:
            score = agreement(day[a], day[b])
            found.setdefault((a, day[b].language), []).append((score, b))
            found.setdefault((b, day[a].language), []).append((score, a))
    best: dict[tuple[str, str], str] = {}
    for (i, language), scores in found.items():
        scores.sort(reverse=True)
        top = scores[0][0]
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        if top >= MIN_SCORE and top - runner_up >= MIN_MARGIN:
            best[(i, language)] = scores[0][1]
    return sorted((a, b) for (a, _), b in best.items()
                  if a < b and best.get((b, day[a].language)) == a)
