"""Clock times in an embargo notice: "10:00", "14:49:13", "10h30", "10 a.m.", "1400 hrs", "10 Uhr", "noon"."""

from __future__ import annotations

import re

from feedsvc.readers.embargo.unreadable import Unreadable

_AMPM = r"(?P<ampm>[ap]\.?\s?m\.?)(?![^\W\d_])"


_TIMES = (
    # 10:00, 14:49:13, 10.00 (not the 2.12 of 2.12.2026), 10h00, 10 h 30, each with an optional a.m./p.m.
    re.compile(r"(?<![\d:.,/\-])(?P<h>[01]?\d|2[0-4])\s?(?:[:：](?P<m>[0-5]\d)(?:[:：](?P<s>[0-5]\d))?"
               r"|\.(?P<m2>[0-5]\d)(?![.,]?\d)|\s?h\s?(?P<m3>[0-5]\d))(?!\d)"
               rf"(?:\s*{_AMPM})?", re.IGNORECASE),
    # 10 AM, 3pm, 10 a.m.
    re.compile(rf"(?<![\d:.,/\-])(?P<h>1[0-2]|0?[1-9])\s?{_AMPM}", re.IGNORECASE),
    # 0001 hrs, 1400 hours (a four-digit time only with its unit, never a year)
    re.compile(r"(?<![\d:.,/\-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?:hrs|hours|h)(?![^\W\d_])", re.IGNORECASE),
    # 10 Uhr, 10 h, 10 heures, 10 часов
    re.compile(r"(?<![\d:.,/\-])(?P<h>[01]?\d|2[0-3])\s?(?=(?:uhr|h|heures?|hrs|hours|ч\.?|час(?:ов|а)?)"
               r"(?![^\W\d_]))", re.IGNORECASE),
    # noon, 12 noon, midday
    re.compile(r"(?:(?<![\d:.])12(?::00)?\s+)?(?P<noon>noon|midday|midi|mittag|mediodía|полдень)"
               r"(?![^\W\d_])", re.IGNORECASE),
)


def take_times(text: str) -> tuple[list[tuple[int, int, int]] | Unreadable, str]:
    """Every clock time in `text` as (hour, minute, second), and the text without them."""
    spans: list[tuple[int, int, tuple[int, int, int]]] = []
    for rx in _TIMES:
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in spans):
                continue
            groups = m.groupdict()
            if groups.get("noon"):
                spans.append((m.start(), m.end(), (12, 0, 0)))
                continue
            hour = int(groups["h"])
            minute = int(groups.get("m") or groups.get("m2") or groups.get("m3") or 0)
            second = int(groups.get("s") or 0)
            ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
            if hour == 24:
                return Unreadable("24:00 can mean the end of one day or the start of the next; write 23:59 or "
                                  "00:00 with the date."), text
            if ampm:
                if not 1 <= hour <= 12:
                    return Unreadable(f"“{m.group(0).strip()}” is not a time (a.m. and p.m. go with 1 to 12)."), text
                hour = hour % 12 + (12 if ampm == "pm" else 0)
            spans.append((m.start(), m.end(), (hour, minute, second)))
    spans.sort()
    for start, end, _ in reversed(spans):
        text = text[:start] + " " + text[end:]
    return [t for _, _, t in spans], text
