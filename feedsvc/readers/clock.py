"""Clock times and their zones in text ("16:05", "10:00 UTC", "18.40 МСК", "10 a.m. (Moscow time)").

Hand-written: dateparser reads neither zone words such as "МСК" or "по московскому времени" nor "18.40", and it
maps "MSK" or "CET" to one fixed offset whatever the date; these zones go through zoneinfo instead.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")  # Arabic-Indic and Persian digits as 0-9

_TIME = re.compile(
    r"(?<![\d:.])(?P<H>[01]?\d|2[0-3])\s?(?:[:h]|\.(?=\d\d(?!\.\d)))(?P<M>[0-5]\d)(?![\d])"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?"
    r"(?:\s*\(?\s*(?P<zone>UTC|GMT|Z|MSK|МСК|CET|CEST|EET|EEST|BST|WET|WEST)(?!\w)"
    r"\s*(?P<off>[+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?"
    r"(?:\s*(?P<moscow>\(?(?:по\s+)?московскому\s+времени\)?|\(?moscow\s+time\)?|\(?heure\s+de\s+moscou\)?))?",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?:UTC|GMT)\s*(?P<off>[+\-−]\s*\d{1,2}(?::?\d{2})?)", re.IGNORECASE)


def _offset(text: str) -> tzinfo | None:
    text = text.replace("−", "-").replace(" ", "")
    m = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if not m:
        return None
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if m.group(1) == "-" else delta)


_ZONES = {
    "utc": UTC, "gmt": UTC, "z": UTC, "msk": "Europe/Moscow", "мск": "Europe/Moscow",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "eet": "Europe/Helsinki", "eest": "Europe/Helsinki",
    "bst": "Europe/London", "wet": "Europe/Lisbon", "west": "Europe/Lisbon",
}


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    z = _ZONES.get(name.lower())
    return ZoneInfo(z) if isinstance(z, str) else z


def strip_times(text: str) -> str:
    """`text` without its clock times ("10:15", "18.40 МСК", "16:05 (Moscow time)")."""
    return _TIME.sub(" ", text)


def find_time(text: str) -> tuple[int, int, tzinfo | None] | None:
    """The first clock time in `text` ("16:05", "10:00 UTC", "18.40", "5 pm" is not matched), with its zone.

    Hand-written: dateparser reads neither zone words such as "МСК" or "по московскому времени" nor "18.40",
    and it maps "MSK" or "CET" to one fixed offset whatever the date; these zones go through zoneinfo instead.
    """
    text = text.translate(WESTERN_DIGITS)
    for m in _TIME.finditer(text):
        hour, minute = int(m.group("H")), int(m.group("M"))
        ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        tz = None
        if m.group("off"):
            tz = _offset(m.group("off"))
        elif m.group("zone"):
            tz = _zone(m.group("zone"))
        elif m.group("moscow"):
            tz = ZoneInfo("Europe/Moscow")
        if tz is None:
            off = _OFFSET.search(text)
            if off:
                tz = _offset(off.group("off"))
        return hour, minute, tz
    return None
