"""Embargo notices: telling a notice from a sentence, and reading the moment exactly, or refusing to guess.

A release with an embargo must never appear early, so this module reads a notice only when every part of it is
accounted for: the date, the clock time (with seconds, a.m./p.m., "10h30", "10 Uhr"), the zone (an abbreviation,
an offset, or "X time" in several languages), weekday names (checked against the date) and filler words. Anything
else left over, two times that disagree, an unknown zone or a time without a date makes the notice unreadable, and
the reader rejects the release with the reason, so it is held back until the press officer fixes the line.

Zones go through zoneinfo, so daylight saving time is right for the date. Where a notice can mean two moments,
the later one is used, with a warning, because late is safe and early is not:
- a standard or daylight abbreviation that is not in force on that date ("10:00 EST" in July: New York is on EDT);
- an abbreviation several regions use (IST: India, Ireland, Israel; CST: US Central, China, Cuba; BST; AST),
  unless the deployment's own zone is one of them, which then decides;
- a local time that a daylight-saving change makes ambiguous or skips.

Notices: "EMBARGOED UNTIL …", "Embargo: …", "Under embargo until …", "Strictly embargoed …", "Hold for release
until …", "Not for publication before …", "For release: 9 a.m. ET …", "Sperrfrist: …", "Sous embargo jusqu'au …",
"Embargo hasta …", "ЭМБАРГО ДО …", "Не для публикации до …". A line that merely starts with the word ("Embargo
measures were extended today") is a sentence: a notice has a separator, an "until" word, a time or date, or nothing
at all after its keyword.

The parts: `notice` (keywords, the reading, weekdays and filler), `times`, `zones`, `unreadable`.
"""

from feedsvc.readers.embargo.notice import NOTICE_LENGTH, Notice, is_notice, read_moment, read_notice, read_value
from feedsvc.readers.embargo.unreadable import Unreadable
from feedsvc.readers.embargo.zones import ABBREVIATIONS, PLACES, ZoneReading

__all__ = [
    "ABBREVIATIONS",
    "NOTICE_LENGTH",
    "PLACES",
    "Notice",
    "Unreadable",
    "ZoneReading",
    "is_notice",
    "read_moment",
    "read_notice",
    "read_value",
]
