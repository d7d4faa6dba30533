"""Time zones in an embargo notice: abbreviations, UTC offsets and "X time" phrases, read through zoneinfo."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from feedsvc.readers.embargo.unreadable import Unreadable


@dataclass(frozen=True)
class ZoneReading:
    """What a zone word or offset in a notice can mean: each (zone, fixed offset) is one reading."""

    text: str
    readings: tuple[tuple[str | None, timedelta | None], ...]  # (IANA zone or None, literal UTC offset or None)
    local: bool = False  # "local time", "heure locale": the deployment's zone


def _h(hours: float) -> timedelta:
    return timedelta(hours=hours)


# Abbreviation -> readings: (IANA zone, the offset the abbreviation itself names, or None for a generic name like
# "ET" that follows daylight saving time). Several regions for one abbreviation are alternatives.
ABBREVIATIONS: dict[str, tuple[tuple[str | None, timedelta | None], ...]] = {
    "UTC": ((None, _h(0)),), "UT": ((None, _h(0)),), "Z": ((None, _h(0)),), "GMT": (("Europe/London", _h(0)),),
    "BST": (("Europe/London", _h(1)), ("Asia/Dhaka", _h(6))),
    "IST": (("Asia/Kolkata", _h(5.5)), ("Europe/Dublin", _h(1)), ("Asia/Jerusalem", _h(2))),
    "WET": (("Europe/Lisbon", _h(0)),), "WEST": (("Europe/Lisbon", _h(1)),),
    "CET": (("Europe/Brussels", _h(1)),), "CEST": (("Europe/Brussels", _h(2)),),
    "MEZ": (("Europe/Berlin", _h(1)),), "MESZ": (("Europe/Berlin", _h(2)),),
    "EET": (("Europe/Athens", _h(2)),), "EEST": (("Europe/Athens", _h(3)),),
    "MSK": (("Europe/Moscow", _h(3)),), "МСК": (("Europe/Moscow", _h(3)),),
    "EST": (("America/New_York", _h(-5)),), "EDT": (("America/New_York", _h(-4)),), "ET": (("America/New_York", None),),
    "CST": (("America/Chicago", _h(-6)), ("Asia/Shanghai", _h(8)), ("America/Havana", _h(-5))),
    "CDT": (("America/Chicago", _h(-5)),), "CT": (("America/Chicago", None),),
    "MST": (("America/Denver", _h(-7)),), "MDT": (("America/Denver", _h(-6)),), "MT": (("America/Denver", None),),
    "PST": (("America/Los_Angeles", _h(-8)),), "PDT": (("America/Los_Angeles", _h(-7)),),
    "PT": (("America/Los_Angeles", None),),
    "AKST": (("America/Anchorage", _h(-9)),), "AKDT": (("America/Anchorage", _h(-8)),),
    "HST": (("Pacific/Honolulu", _h(-10)),),
    "AST": (("America/Halifax", _h(-4)), ("Asia/Riyadh", _h(3))), "ADT": (("America/Halifax", _h(-3)),),
    "NST": (("America/St_Johns", _h(-3.5)),), "NDT": (("America/St_Johns", _h(-2.5)),),
    "BRT": (("America/Sao_Paulo", _h(-3)),), "ART": (("America/Argentina/Buenos_Aires", _h(-3)),),
    "WAT": (("Africa/Lagos", _h(1)),), "CAT": (("Africa/Maputo", _h(2)),), "SAST": (("Africa/Johannesburg", _h(2)),),
    "EAT": (("Africa/Nairobi", _h(3)),), "GST": (("Asia/Dubai", _h(4)),), "PKT": (("Asia/Karachi", _h(5)),),
    "ICT": (("Asia/Bangkok", _h(7)),), "WIB": (("Asia/Jakarta", _h(7)),),
    "SGT": (("Asia/Singapore", _h(8)),), "HKT": (("Asia/Hong_Kong", _h(8)),), "PHT": (("Asia/Manila", _h(8)),),
    "MYT": (("Asia/Kuala_Lumpur", _h(8)),), "AWST": (("Australia/Perth", _h(8)),),
    "JST": (("Asia/Tokyo", _h(9)),), "KST": (("Asia/Seoul", _h(9)),),
    "ACST": (("Australia/Adelaide", _h(9.5)),), "ACDT": (("Australia/Adelaide", _h(10.5)),),
    "AEST": (("Australia/Sydney", _h(10)),), "AEDT": (("Australia/Sydney", _h(11)),),
    "NZST": (("Pacific/Auckland", _h(12)),), "NZDT": (("Pacific/Auckland", _h(13)),),
}


# Places and names in "X time" phrases, by the word used for them (lower case), in the languages read here.
PLACES: dict[str, str] = {
    "moscow": "Europe/Moscow", "london": "Europe/London", "uk": "Europe/London", "british": "Europe/London",
    "brussels": "Europe/Brussels", "paris": "Europe/Paris", "berlin": "Europe/Berlin", "geneva": "Europe/Zurich",
    "bern": "Europe/Zurich", "vienna": "Europe/Vienna", "rome": "Europe/Rome", "madrid": "Europe/Madrid",
    "lisbon": "Europe/Lisbon", "dublin": "Europe/Dublin", "irish": "Europe/Dublin", "amsterdam": "Europe/Amsterdam",
    "the hague": "Europe/Amsterdam", "luxembourg": "Europe/Luxembourg", "strasbourg": "Europe/Paris",
    "stockholm": "Europe/Stockholm", "oslo": "Europe/Oslo", "copenhagen": "Europe/Copenhagen",
    "helsinki": "Europe/Helsinki", "warsaw": "Europe/Warsaw", "prague": "Europe/Prague",
    "budapest": "Europe/Budapest", "athens": "Europe/Athens", "kyiv": "Europe/Kyiv", "kiev": "Europe/Kyiv",
    "minsk": "Europe/Minsk", "istanbul": "Europe/Istanbul", "ankara": "Europe/Istanbul",
    "washington": "America/New_York", "washington dc": "America/New_York", "new york": "America/New_York",
    "ottawa": "America/Toronto", "toronto": "America/Toronto", "chicago": "America/Chicago",
    "denver": "America/Denver", "los angeles": "America/Los_Angeles", "san francisco": "America/Los_Angeles",
    "mexico city": "America/Mexico_City", "brasilia": "America/Sao_Paulo", "brasília": "America/Sao_Paulo",
    "buenos aires": "America/Argentina/Buenos_Aires", "beijing": "Asia/Shanghai", "tokyo": "Asia/Tokyo",
    "seoul": "Asia/Seoul", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "india": "Asia/Kolkata",
    "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong", "dubai": "Asia/Dubai", "abu dhabi": "Asia/Dubai",
    "riyadh": "Asia/Riyadh", "tehran": "Asia/Tehran", "jerusalem": "Asia/Jerusalem", "israel": "Asia/Jerusalem",
    "cairo": "Africa/Cairo", "nairobi": "Africa/Nairobi", "johannesburg": "Africa/Johannesburg",
    "pretoria": "Africa/Johannesburg", "sydney": "Australia/Sydney", "canberra": "Australia/Sydney",
    "melbourne": "Australia/Melbourne", "wellington": "Pacific/Auckland", "astana": "Asia/Almaty",
    "almaty": "Asia/Almaty", "tashkent": "Asia/Tashkent", "baku": "Asia/Baku", "tbilisi": "Asia/Tbilisi",
    "yerevan": "Asia/Yerevan",
    # "Eastern time", "Central European time"...: regions named like places
    "eastern": "America/New_York", "us eastern": "America/New_York", "central": "America/Chicago",
    "us central": "America/Chicago", "mountain": "America/Denver", "pacific": "America/Los_Angeles",
    "us pacific": "America/Los_Angeles", "central european": "Europe/Brussels",
    "eastern european": "Europe/Athens", "western european": "Europe/Lisbon", "greenwich mean": "Europe/London",
    # French, Spanish, German, Russian names
    "bruxelles": "Europe/Brussels", "genève": "Europe/Zurich", "geneve": "Europe/Zurich", "moscou": "Europe/Moscow",
    "londres": "Europe/London", "pékin": "Asia/Shanghai", "montréal": "America/Toronto", "québec": "America/Toronto",
    "bruselas": "Europe/Brussels", "moscú": "Europe/Moscow", "nueva york": "America/New_York",
    "ciudad de méxico": "America/Mexico_City", "bogotá": "America/Bogota", "lima": "America/Lima",
    "santiago": "America/Santiago",
    "moskauer": "Europe/Moscow", "berliner": "Europe/Berlin", "brüsseler": "Europe/Brussels",
    "wiener": "Europe/Vienna", "deutscher": "Europe/Berlin", "mitteleuropäischer": "Europe/Berlin",
    "московскому": "Europe/Moscow", "московского": "Europe/Moscow", "москве": "Europe/Moscow",
    "киевскому": "Europe/Kyiv", "минскому": "Europe/Minsk", "брюссельскому": "Europe/Brussels",
    "лондонскому": "Europe/London", "вашингтонскому": "America/New_York", "пекинскому": "Asia/Shanghai",
    "japan": "Asia/Tokyo", "china": "Asia/Shanghai",
}


_NAMED_STANDARD = {  # "<name> Standard Time" / "Daylight Time" / "Summer Time": the offset the name states
    ("eastern", "standard"): _h(-5), ("eastern", "daylight"): _h(-4), ("central", "standard"): _h(-6),
    ("central", "daylight"): _h(-5), ("mountain", "standard"): _h(-7), ("mountain", "daylight"): _h(-6),
    ("pacific", "standard"): _h(-8), ("pacific", "daylight"): _h(-7), ("british", "summer"): _h(1),
    ("central european", "summer"): _h(2), ("central european", "standard"): _h(1),
    ("eastern european", "summer"): _h(3), ("india", "standard"): _h(5.5), ("japan", "standard"): _h(9),
    ("china", "standard"): _h(8), ("moscow", "standard"): _h(3),
}


_LOCAL = re.compile(r"\(?\s*(?:local\s+time|heure\s+locale|hora\s+local|ortszeit|по\s+местному\s+времени|"
                    r"местного\s+времени)\s*\)?", re.IGNORECASE)


_PLACE = r"(?P<place>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}?)"


# "X time" phrases, each with whether the place comes before the zone word (then words before the place are not
# part of the phrase, see `_place`).
_PHRASES = (
    (re.compile(rf"\(?\s*(?:{_PLACE})\s+(?:(?P<kind>standard|daylight|summer)\s+)?time\s*\)?", re.IGNORECASE), True),
    (re.compile(rf"\(?\s*(?:heure|hora)\s+(?:de\s+|d[’']\s*)?{_PLACE}\s*\)?", re.IGNORECASE), False),
    (re.compile(rf"\(?\s*{_PLACE}\s+zeit\s*\)?", re.IGNORECASE), True),
    (re.compile(rf"\(?\s*{_PLACE}\s+времени\s*\)?", re.IGNORECASE), True),
    (re.compile(r"\(?\s*по\s+(?P<place>москве)\s*\)?", re.IGNORECASE), False),
)


_OFFSET = re.compile(
    r"\(?\s*(?:(?P<base>UTC|GMT|UT)\s*(?P<sign>[+-])\s*(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?"
    r"|(?<![\w])(?P<sign2>[+-])(?P<hh2>[01]\d):?(?P<mm2>[0-5]\d))(?!\d)\s*\)?"
)


_ABBREVIATION = re.compile(r"\(?\s*(?<![^\W\d_])(?P<abbr>[A-ZА-Я]{1,5})(?![^\W\d_])\s*\)?")


_DEFINITE = re.compile(r"^(?:the|la|le|el|der|die|das)\s+", re.IGNORECASE)


def take_zones(text: str) -> tuple[list[ZoneReading] | Unreadable, str]:
    """Every zone in `text` (offsets, "X time" phrases, abbreviations), in order, and the text without them."""
    found: list[tuple[int, int, ZoneReading]] = []

    def free(m: re.Match) -> bool:
        return not any(s < m.end() and m.start() < e for s, e, _ in found)

    for m in _OFFSET.finditer(text):
        sign, hh, mm = (m.group("sign"), m.group("hh"), m.group("mm")) if m.group("base") else (
            m.group("sign2"), m.group("hh2"), m.group("mm2"))
        offset = timedelta(hours=int(hh), minutes=int(mm or 0))
        if offset > timedelta(hours=14):
            return Unreadable(f"“{m.group(0).strip()}” is not a UTC offset."), text
        offset = -offset if sign == "-" else offset
        found.append((m.start(), m.end(), ZoneReading(m.group(0).strip(), ((None, offset),))))
    for m in _LOCAL.finditer(text):
        if free(m):
            found.append((m.start(), m.end(), ZoneReading(m.group(0).strip(), ((None, None),), local=True)))
    for rx, place_first in _PHRASES:
        for m in rx.finditer(text):
            if not free(m):
                continue
            found_place = _place(m)
            if found_place is None:
                words = [w for w in m.group(0).strip(" ()").split() if w.lower() not in FILLER]
                return Unreadable(f"“{' '.join(words)}” is not a time zone feedsvc knows; give the offset, e.g. "
                                  "10:00 UTC+03:00, or a city: 10:00 Moscow time."), text
            start, place = found_place
            if not place_first or text[m.start():start].lstrip().startswith("("):
                start = m.start()  # "heure de Paris", "(Brussels time)": the whole phrase goes
            kind = (m.groupdict().get("kind") or "").lower()
            fixed = _NAMED_STANDARD.get((place, kind)) if kind else None
            found.append((start, m.end(), ZoneReading(text[start:m.end()].strip(), ((PLACES[place], fixed),))))
    for m in _ABBREVIATION.finditer(text):
        abbr = m.group("abbr")
        if free(m) and abbr in ABBREVIATIONS:
            found.append((m.start(), m.end(), ZoneReading(abbr, ABBREVIATIONS[abbr])))
    found.sort(key=lambda f: f[0])
    for start, end, _ in reversed(found):
        text = text[:start] + " " + text[end:]
    return [z for _, _, z in found], text


def _place(m: re.Match) -> tuple[int, str] | None:
    """Where the place of an "X time" phrase starts and its name in PLACES: the longest known run of its last
    words ("on 2 June Brussels time" -> "brussels"), so no word before it is swallowed unread."""
    words = list(re.finditer(r"\S+", m.group("place")))
    for i in range(len(words)):
        name = _DEFINITE.sub("", " ".join(w.group(0) for w in words[i:]).lower())
        if name in PLACES:
            return m.start("place") + words[i].start(), name
    return None


def possible_zones(reading: ZoneReading | None, zone: tzinfo) -> list[tzinfo]:
    """The time zones a notice's zone can mean; the deployment's zone picks among regions when it is one."""
    if reading is None or reading.local:
        return [zone]
    options = reading.readings
    if len(options) > 1:
        own = [o for o in options if o[0] is not None and o[0] == getattr(zone, "key", None)]
        options = tuple(own) or options
    result: list[tzinfo] = []
    for name, offset in options:
        if offset is not None:
            result.append(UTC if not offset else timezone(offset))
        if name is not None:
            result.append(ZoneInfo(name))
    return result


def latest_moment(local: datetime, tz: tzinfo) -> datetime:
    """`local` wall-clock time in `tz`; where daylight saving time makes it ambiguous or skips it, the later."""
    return max(local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1),
               key=lambda m: m.astimezone(UTC)).astimezone(UTC)


# Words a notice may hold besides its date, time and zone (lower case).
FILLER = frozenset(
    "until till til up to at on the of before after not no earlier than from by and hrs hr hours hour h o'clock "
    "oclock o’clock release publication broadcast distribution for strictly embargo embargoed a.m p.m "
    "bis um am zum ab frei nicht vor uhr den dem "
    "jusqu jusqu'au jusqu’au jusqu'à jusqu’à au à le pas avant heures heure du de des "
    "hasta las la a el del horas hs desde antes "
    "até ate às as fino alle ore "
    "до в по года год г час часов ч мин минут не ранее чем с на".split()
)
