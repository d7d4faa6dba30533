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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from feedsvc.readers import clock, dates

NOTICE_LENGTH = 200  # a longer paragraph is running text, whatever its first word

_KEYWORD = re.compile(
    r"^[\W_]*(?:(?:strictly|streng|strictement)\s+)?(?P<kw>"
    r"embargo(?:ed)?(?:\s+for\s+(?:release|publication|broadcast|distribution))?|"
    r"under\s+(?:strict\s+)?embargo|hold\s+for\s+release|"
    r"not\s+for\s+(?:publication|release|distribution|broadcast)|(?P<for_release>for\s+release)|"
    r"sperrfrist|sperrvermerk|sous\s+embargo|embargado|bajo\s+embargo|"
    r"эмбарго|не\s+для\s+(?:публикации|распространения|печати)|не\s+публиковать|публикация\s+не\s+ранее"
    r")(?![^\W\d_])(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# What may follow a keyword in a notice (and never in a sentence such as "Embargo measures were extended").
_NOTICE_TAIL = re.compile(
    r"^\s*(?:$|[:：\-–—=|]|[\d(]|"
    r"(?:until|till|til|up\s+to|not\s+before|before|no\s+earlier\s+than|bis|jusqu|hasta|até|ate|fino|"
    r"до|не\s+ранее|ранее)(?![^\W\d_])|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?(?![^\W\d_]))",
    re.IGNORECASE,
)
_FOR_RELEASE_TAIL = re.compile(r"^\s*(?:[:：\-–—]|at\s|on\s|after\s|\d)", re.IGNORECASE)
_FURTHER_NOTICE = re.compile(
    r"further\s+notice|notified|announced|nouvel\s+ordre|weiteres|nuevo\s+aviso|особого\s+распоряжения|"
    r"дальнейшего|уведомлени|delivery|délivrance",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ZoneReading:
    """What a zone word or offset in a notice can mean: each (zone, fixed offset) is one reading."""

    text: str
    readings: tuple[tuple[str | None, timedelta | None], ...]  # (IANA zone or None, literal UTC offset or None)
    local: bool = False  # "local time", "heure locale": the deployment's zone


@dataclass(frozen=True)
class Notice:
    """An embargo notice as read; `year` is None when the line gives none (the reader then chooses it)."""

    line: str
    year: int | None
    month: int
    day: int
    hour: int | None  # None: the notice gives a date only, and the embargo lifts at the start of that day
    minute: int = 0
    second: int = 0
    zone: ZoneReading | None = None  # None: the deployment's zone
    fixed: datetime | None = None  # an ISO 8601 moment with its offset, read exactly as written

    def moment(self, year: int, zone: tzinfo) -> tuple[datetime, list[str]]:
        """The embargo's end, in the given year, with warnings for the press officer.

        Raises ValueError for a date that is not in the calendar."""
        if self.fixed is not None:
            return self.fixed, []
        local = datetime(year, self.month, self.day, self.hour or 0, self.minute, self.second)
        warnings: list[str] = []
        readings = _readings(self.zone, zone)
        moments = sorted({_latest(local, tz) for tz in readings})
        chosen = moments[-1]
        if len(moments) > 1:
            other = ", ".join(m.astimezone(UTC).strftime("%H:%M:%S UTC") for m in moments[:-1])
            warnings.append(
                f"The embargo line “{_short(self.line)}” can mean more than one moment ({other} or "
                f"{chosen.astimezone(UTC).strftime('%H:%M:%S UTC')}); the latest was used so that the release is "
                "never published early. Give the offset (e.g. UTC+01:00) to be exact.")
        return chosen, warnings


@dataclass(frozen=True)
class Unreadable:
    """A notice that cannot be read exactly: the release is held (rejected) with this reason."""

    reason: str


def is_notice(line: str) -> bool:
    """True for an embargo notice ("EMBARGOED UNTIL 10:00 EST, 2 December 2026", "Embargo: …", a bare
    "EMBARGOED"); False for text that only starts with the word ("Embargo measures were extended today")."""
    if len(line) > NOTICE_LENGTH:
        return False
    m = _KEYWORD.match(line.strip())
    if not m:
        return False
    rest = m.group("rest")
    if m.group("for_release"):
        return bool(_FOR_RELEASE_TAIL.match(rest)) and bool(re.search(r"\d", rest))
    return bool(_NOTICE_TAIL.match(rest))


def read_notice(line: str) -> Notice | Unreadable:
    """Read a notice (one for which `is_notice` is true) exactly, or say why it cannot be."""
    m = _KEYWORD.match(line.strip())
    if not m:
        return Unreadable(f"“{_short(line)}” is not an embargo line.")
    return read_moment(m.group("rest"), line)


def read_moment(text: str, line: str | None = None) -> Notice | Unreadable:
    """Read the moment in `text` (a notice without its keyword, or a front-matter value)."""
    line = line or text
    text = text.translate(clock.WESTERN_DIGITS).replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<![^\W\d_])мск(?![^\W\d_])", "МСК", text, flags=re.IGNORECASE)
    if _FURTHER_NOTICE.search(text):
        return Unreadable(f"The embargo line “{_short(line)}” gives no moment (until further notice, or on an "
                          "event): feedsvc holds the release. Write the date and time it may be published, like "
                          "“EMBARGOED UNTIL 10:00 UTC, 2 June 2031”, when it is known.")
    if re.search(r"\bmidnight\b|\bполночь|\bminuit\b|\bmitternacht|\bmedianoche\b", text, re.IGNORECASE):
        return Unreadable(f"The embargo line “{_short(line)}” says midnight, which can mean the start or the end of "
                          "the day. Write 00:01 or 23:59 with the date.")
    fixed = _ISO_MOMENT.search(text)
    if fixed:
        return _read_iso(fixed, text, line)
    times, text = _take_times(text)
    if isinstance(times, Unreadable):
        return _with_line(times, line)
    zones, text = _take_zones(text)
    if isinstance(zones, Unreadable):
        return _with_line(zones, line)
    found = dates.find_dates(text)
    if not found:
        what = "a time but no date" if times else "no date"
        return Unreadable(f"The embargo line “{_short(line)}” gives {what} that feedsvc can read. Write it like "
                          "“EMBARGOED UNTIL 10:00 UTC, 2 June 2031”.")
    if len({(d.year, d.month, d.day) for d in found}) > 1:
        return Unreadable(f"The embargo line “{_short(line)}” gives more than one date. Give one date and time.")
    d = found[0]
    if "/" in text[d.start:d.end] and d.day <= 12 and d.month <= 12 and d.day != d.month:
        return Unreadable(f"The embargo line “{_short(line)}” gives the date {text[d.start:d.end].strip()}, which "
                          f"can mean {d.day} {_MONTHS[d.month - 1]} or {d.month} {_MONTHS[d.day - 1]}. Write the "
                          "month in words.")
    text = text[:d.start] + " " + text[d.end:]
    problem = _check_weekdays(text, d)
    if problem:
        return Unreadable(f"The embargo line “{_short(line)}”: {problem}")
    text = _WEEKDAYS.sub(" ", text)
    leftover = _leftover(text)
    if leftover:
        return _unplaced(line, leftover)
    if len(zones) > max(len(times), 1):
        return Unreadable(f"The embargo line “{_short(line)}” names more zones than times.")
    if not times:
        return Notice(line, d.year, d.month, d.day, None, zone=zones[0] if zones else None)
    if len(times) > 1 and len(zones) != len(times):
        return Unreadable(f"The embargo line “{_short(line)}” gives more than one time; give one, or give each "
                          "its zone.")
    notices = [Notice(line, d.year, d.month, d.day, h, mi, s, zones[i] if zones else None)
               for i, (h, mi, s) in enumerate(times)]
    if len(notices) > 1:
        year = d.year or 2000
        moments = {n.moment(year, UTC)[0] for n in notices}
        if len(moments) > 1:
            return Unreadable(f"The embargo line “{_short(line)}” gives times that disagree ("
                              + ", ".join(sorted(m.astimezone(UTC).strftime("%H:%M UTC") for m in moments)) + ").")
    return notices[0]


def read_value(value: object, zone: tzinfo) -> tuple[datetime, list[str]] | Unreadable:
    """A declared embargo (front matter): a YAML date or datetime, or text read like a notice."""
    try:
        if isinstance(value, datetime):
            return (value if value.tzinfo else _latest(value, zone)), []
        if isinstance(value, date):
            return _latest(datetime(value.year, value.month, value.day), zone), []
    except OverflowError:
        return Unreadable(f"The embargo {value} is not a date a release can have.")
    notice = read_moment(str(value))
    if isinstance(notice, Unreadable):
        return notice
    if notice.year is None:
        return Unreadable(f"The embargo “{_short(str(value))}” has no year. Write it like 2031-06-02T10:00:00+00:00 "
                          "or “10:00 UTC, 2 June 2031”.")
    try:
        return notice.moment(notice.year, zone)
    except (ValueError, OverflowError):
        return Unreadable(f"The embargo “{_short(str(value))}” is not a date in the calendar.")


# -- clock times -------------------------------------------------------------------------------------------------

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


def _take_times(text: str) -> tuple[list[tuple[int, int, int]] | Unreadable, str]:
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


# -- zones ---------------------------------------------------------------------------------------------------------

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


def _take_zones(text: str) -> tuple[list[ZoneReading] | Unreadable, str]:
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
                words = [w for w in m.group(0).strip(" ()").split() if w.lower() not in _FILLER]
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


def _readings(reading: ZoneReading | None, zone: tzinfo) -> list[tzinfo]:
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


def _latest(local: datetime, tz: tzinfo) -> datetime:
    """`local` wall-clock time in `tz`; where daylight saving time makes it ambiguous or skips it, the later."""
    return max(local.replace(tzinfo=tz, fold=0), local.replace(tzinfo=tz, fold=1),
               key=lambda m: m.astimezone(UTC)).astimezone(UTC)


# -- ISO moments, weekdays, filler ---------------------------------------------------------------------------------

_ISO_MOMENT = re.compile(
    r"(?<![\d.\-])(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d)?)"
    r"(?P<offset>Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"
)


def _read_iso(m: re.Match, text: str, line: str) -> Notice | Unreadable:
    """"2031-06-02T10:00:00Z": exact with its offset; without one, a wall-clock time in a zone given beside it."""
    rest = text[:m.start()] + " " + text[m.end():]
    zones, rest = _take_zones(rest)
    if isinstance(zones, Unreadable):
        return _with_line(zones, line)
    leftover = _leftover(_WEEKDAYS.sub(" ", rest))
    if leftover:
        return _unplaced(line, leftover)
    try:
        value = datetime.fromisoformat(m.group(0).replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return Unreadable(f"The embargo line “{_short(line)}” gives a date or time that does not exist.")
    if value.tzinfo is not None:
        if zones:
            return Unreadable(f"The embargo line “{_short(line)}” gives both an offset and a zone.")
        return Notice(line, value.year, value.month, value.day, value.hour, value.minute, value.second,
                      fixed=value)
    if len(zones) > 1:
        return Unreadable(f"The embargo line “{_short(line)}” names more than one zone.")
    return Notice(line, value.year, value.month, value.day, value.hour, value.minute, value.second,
                  zones[0] if zones else None)


# Weekday names (lower case, by number: Monday = 0) in the languages read here, with common abbreviations.
_WEEKDAY_NAMES: dict[str, int] = {}
for _n, _names in enumerate((
    "monday mon montag lundi lunes lunedì lunedi segunda понедельник понедельника",
    "tuesday tue tues dienstag mardi martes martedì martedi terça вторник вторника",
    "wednesday wed mittwoch mercredi miércoles miercoles mercoledì mercoledi quarta среда среду среды",
    "thursday thu thur thurs donnerstag jeudi jueves giovedì giovedi quinta четверг четверга",
    "friday fri freitag vendredi viernes venerdì venerdi sexta пятница пятницу пятницы",
    "saturday sat samstag sonnabend samedi sábado sabado sabato суббота субботу субботы",
    "sunday sun sonntag dimanche domingo domenica воскресенье воскресенья",
)):
    for _name in _names.split():
        _WEEKDAY_NAMES[_name] = _n
_WEEKDAYS = re.compile(r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, _WEEKDAY_NAMES), key=len,
                                                                reverse=True)) + r")\.?(?![^\W\d_])", re.IGNORECASE)


def _check_weekdays(text: str, d: dates.DateMatch) -> str | None:
    """A weekday that does not fall on the date ("Tuesday, 2 December 2026" is a Wednesday) is a typo in either."""
    if d.year is None:
        return None
    day = date(d.year, d.month, d.day)
    for m in _WEEKDAYS.finditer(text):
        named = _WEEKDAY_NAMES[m.group(0).rstrip(".").lower()]
        if named != day.weekday():
            return (f"it says {m.group(0)}, but {day.day} {_MONTHS[day.month - 1]} {day.year} is a "
                    f"{_DAY_NAMES[day.weekday()]}. Correct the day or the date.")
    return None


_MONTHS = "January February March April May June July August September October November December".split()
_DAY_NAMES = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Words a notice may hold besides its date, time and zone (lower case).
_FILLER = frozenset(
    "until till til up to at on the of before after not no earlier than from by and hrs hr hours hour h o'clock "
    "oclock o’clock release publication broadcast distribution for strictly embargo embargoed a.m p.m "
    "bis um am zum ab frei nicht vor uhr den dem "
    "jusqu jusqu'au jusqu’au jusqu'à jusqu’à au à le pas avant heures heure du de des "
    "hasta las la a el del horas hs desde antes "
    "até ate às as fino alle ore "
    "до в по года год г час часов ч мин минут не ранее чем с на".split()
)
_TOKENS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\.?|\d+")


def _leftover(text: str) -> list[str]:
    """The words and numbers that are neither filler nor punctuation; empty when the whole line was read."""
    left = []
    for token in _TOKENS.findall(text):
        word = token.lower()
        if word in _FILLER or word.rstrip(".") in _FILLER:
            continue
        left.append(token.rstrip("."))
    return left


def _unplaced(line: str, leftover: list[str]) -> Unreadable:
    zone_like = [w for w in leftover if 2 <= len(w) <= 5 and w.isalpha() and w.isupper()]
    if zone_like:
        return Unreadable(f"The embargo line “{_short(line)}” names “{zone_like[0]}”, which is not a time zone "
                          "feedsvc knows. Give the offset, e.g. 10:00 UTC+03:00, or a city: 10:00 Moscow time.")
    return Unreadable(f"The embargo line “{_short(line)}” has words or numbers feedsvc cannot place "
                      f"(“{' '.join(leftover)[:60]}”), so it cannot be read exactly. Write it like “EMBARGOED UNTIL "
                      "10:00 UTC, 2 June 2031”.")


def _short(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= 100 else line[:99] + "…"


def _with_line(problem: Unreadable, line: str) -> Unreadable:
    return Unreadable(f"The embargo line “{_short(line)}” cannot be read exactly: {problem.reason}")
