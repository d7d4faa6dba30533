"""An embargo notice: telling one from a sentence, and reading its moment, every word accounted for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from feedsvc.readers import clock, dates
from feedsvc.readers.embargo.times import take_times
from feedsvc.readers.embargo.unreadable import Unreadable, short, with_line
from feedsvc.readers.embargo.zones import FILLER, ZoneReading, latest_moment, possible_zones, take_zones

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
        readings = possible_zones(self.zone, zone)
        moments = sorted({latest_moment(local, tz) for tz in readings})
        chosen = moments[-1]
        if len(moments) > 1:
            other = ", ".join(m.astimezone(UTC).strftime("%H:%M:%S UTC") for m in moments[:-1])
            warnings.append(
                f"The embargo line “{short(self.line)}” can mean more than one moment ({other} or "
                f"{chosen.astimezone(UTC).strftime('%H:%M:%S UTC')}); the latest was used so that the release is "
                "never published early. Give the offset (e.g. UTC+01:00) to be exact.")
        return chosen, warnings


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
        return Unreadable(f"“{short(line)}” is not an embargo line.")
    return read_moment(m.group("rest"), line)


def read_moment(text: str, line: str | None = None) -> Notice | Unreadable:
    """Read the moment in `text` (a notice without its keyword, or a front-matter value)."""
    line = line or text
    text = text.translate(clock.WESTERN_DIGITS).replace("\u2212", "-").replace("\u00a0", " ").replace("\u202f", " ")
    text = re.sub(r"(?<![^\W\d_])мск(?![^\W\d_])", "МСК", text, flags=re.IGNORECASE)
    if _FURTHER_NOTICE.search(text):
        return Unreadable(f"The embargo line “{short(line)}” gives no moment (until further notice, or on an "
                          "event): feedsvc holds the release. Write the date and time it may be published, like "
                          "“EMBARGOED UNTIL 10:00 UTC, 2 June 2031”, when it is known.")
    if re.search(r"\bmidnight\b|\bполночь|\bminuit\b|\bmitternacht|\bmedianoche\b", text, re.IGNORECASE):
        return Unreadable(f"The embargo line “{short(line)}” says midnight, which can mean the start or the end of "
                          "the day. Write 00:01 or 23:59 with the date.")
    fixed = _ISO_MOMENT.search(text)
    if fixed:
        return _read_iso(fixed, text, line)
    times, text = take_times(text)
    if isinstance(times, Unreadable):
        return with_line(times, line)
    zones, text = take_zones(text)
    if isinstance(zones, Unreadable):
        return with_line(zones, line)
    found = dates.find_dates(text)
    if not found:
        what = "a time but no date" if times else "no date"
        return Unreadable(f"The embargo line “{short(line)}” gives {what} that feedsvc can read. Write it like "
                          "“EMBARGOED UNTIL 10:00 UTC, 2 June 2031”.")
    if len({(d.year, d.month, d.day) for d in found}) > 1:
        return Unreadable(f"The embargo line “{short(line)}” gives more than one date. Give one date and time.")
    d = found[0]
    if "/" in text[d.start:d.end] and d.day <= 12 and d.month <= 12 and d.day != d.month:
        return Unreadable(f"The embargo line “{short(line)}” gives the date {text[d.start:d.end].strip()}, which "
                          f"can mean {d.day} {_MONTHS[d.month - 1]} or {d.month} {_MONTHS[d.day - 1]}. Write the "
                          "month in words.")
    text = text[:d.start] + " " + text[d.end:]
    problem = _check_weekdays(text, d)
    if problem:
        return Unreadable(f"The embargo line “{short(line)}”: {problem}")
    text = _WEEKDAYS.sub(" ", text)
    leftover = _leftover(text)
    if leftover:
        return _unplaced(line, leftover)
    if len(zones) > max(len(times), 1):
        return Unreadable(f"The embargo line “{short(line)}” names more zones than times.")
    if not times:
        return Notice(line, d.year, d.month, d.day, None, zone=zones[0] if zones else None)
    if len(times) > 1 and len(zones) != len(times):
        return Unreadable(f"The embargo line “{short(line)}” gives more than one time; give one, or give each "
                          "its zone.")
    notices = [Notice(line, d.year, d.month, d.day, h, mi, s, zones[i] if zones else None)
               for i, (h, mi, s) in enumerate(times)]
    if len(notices) > 1:
        year = d.year or 2000
        moments = {n.moment(year, UTC)[0] for n in notices}
        if len(moments) > 1:
            return Unreadable(f"The embargo line “{short(line)}” gives times that disagree ("
                              + ", ".join(sorted(m.astimezone(UTC).strftime("%H:%M UTC") for m in moments)) + ").")
    return notices[0]


def read_value(value: object, zone: tzinfo) -> tuple[datetime, list[str]] | Unreadable:
    """A declared embargo (front matter): a YAML date or datetime, or text read like a notice."""
    try:
        if isinstance(value, datetime):
            return (value if value.tzinfo else latest_moment(value, zone)), []
        if isinstance(value, date):
            return latest_moment(datetime(value.year, value.month, value.day), zone), []
    except OverflowError:
        return Unreadable(f"The embargo {value} is not a date a release can have.")
    if not isinstance(value, str | int | float):  # a list or mapping: never read (nor quoted) whole
        return Unreadable(f"The embargo is {'a list' if isinstance(value, list | tuple) else 'a mapping'} of values, "
                          "not a moment. Write it like 2031-06-02T10:00:00+00:00 or “10:00 UTC, 2 June 2031”.")
    notice = read_moment(str(value))
    if isinstance(notice, Unreadable):
        return notice
    if notice.year is None:
        return Unreadable(f"The embargo “{short(str(value))}” has no year. Write it like 2031-06-02T10:00:00+00:00 "
                          "or “10:00 UTC, 2 June 2031”.")
    try:
        return notice.moment(notice.year, zone)
    except (ValueError, OverflowError):
        return Unreadable(f"The embargo “{short(str(value))}” is not a date in the calendar.")


_ISO_MOMENT = re.compile(
    r"(?<![\d.\-])(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)[T ](?P<time>[0-2]\d:[0-5]\d(?::[0-5]\d)?)"
    r"(?P<offset>Z|[+-][01]\d:?[0-5]\d)?(?![\d:])"
)


def _read_iso(m: re.Match, text: str, line: str) -> Notice | Unreadable:
    """"2031-06-02T10:00:00Z": exact with its offset; without one, a wall-clock time in a zone given beside it."""
    rest = text[:m.start()] + " " + text[m.end():]
    zones, rest = take_zones(rest)
    if isinstance(zones, Unreadable):
        return with_line(zones, line)
    leftover = _leftover(_WEEKDAYS.sub(" ", rest))
    if leftover:
        return _unplaced(line, leftover)
    try:
        value = datetime.fromisoformat(m.group(0).replace(" ", "T").replace("Z", "+00:00"))
    except ValueError:
        return Unreadable(f"The embargo line “{short(line)}” gives a date or time that does not exist.")
    if value.tzinfo is not None:
        if zones:
            return Unreadable(f"The embargo line “{short(line)}” gives both an offset and a zone.")
        return Notice(line, value.year, value.month, value.day, value.hour, value.minute, value.second,
                      fixed=value)
    if len(zones) > 1:
        return Unreadable(f"The embargo line “{short(line)}” names more than one zone.")
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


_TOKENS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*\.?|\d+")


def _leftover(text: str) -> list[str]:
    """The words and numbers that are neither filler nor punctuation; empty when the whole line was read."""
    left = []
    for token in _TOKENS.findall(text):
        word = token.lower()
        if word in FILLER or word.rstrip(".") in FILLER:
            continue
        left.append(token.rstrip("."))
    return left


def _unplaced(line: str, leftover: list[str]) -> Unreadable:
    zone_like = [w for w in leftover if 2 <= len(w) <= 5 and w.isalpha() and w.isupper()]
    if zone_like:
        return Unreadable(f"The embargo line “{short(line)}” names “{zone_like[0]}”, which is not a time zone "
                          "feedsvc knows. Give the offset, e.g. 10:00 UTC+03:00, or a city: 10:00 Moscow time.")
    return Unreadable(f"The embargo line “{short(line)}” has words or numbers feedsvc cannot place "
                      f"(“{' '.join(leftover)[:60]}”), so it cannot be read exactly. Write it like “EMBARGOED UNTIL "
                      "10:00 UTC, 2 June 2031”.")
