"""Finding release dates in text: datelines, document numbers, leads, embargo lines, and inferring a missing year.

Dates are found with regular expressions over month names in English, Russian, French, Spanish, German,
Portuguese, Italian and Arabic (and numeric and ISO forms). This is deliberate instead of dateparser: a
release dateline is a small, known shape, the regexes never invent a year or a day (dateparser's search does,
PITFALLS 4.5) and they cost microseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

_MONTH_NAMES: dict[int, str] = {
    1: "january jan janvier janv enero ene januar jänner janeiro gennaio "
       "январь января январе янв يناير كانون_الثاني",
    2: "february feb febr février fevrier févr fevr febrero februar fevereiro fev febbraio "
       "февраль февраля феврале фев февр فبراير شباط",
    3: "march mar mars marzo märz maerz mär março marco "
       "март марта марте мар مارس آذار",
    4: "april apr avril avr abril aprile "
       "апрель апреля апреле апр أبريل ابريل إبريل نيسان",
    5: "may mai mayo maio maggio "
       "май мая мае مايو أيار ايار",
    6: "june jun juin junio juni junho giugno "
       "июнь июня июне июн يونيو يونيه حزيران",
    7: "july jul juillet juil julio juli julho luglio "
       "июль июля июле июл يوليو يوليه تموز",
    8: "august aug août aout agosto "
       "август августа августе авг أغسطس اغسطس آب",
    9: "september sep sept septembre septiembre setiembre setembro settembre "
       "сентябрь сентября сентябре сен сент سبتمبر أيلول ايلول",
    10: "october oct octobre octubre oktober okt outubro out ottobre "
        "октябрь октября октябре окт أكتوبر اكتوبر تشرين_الأول",
    11: "november nov novembre noviembre novembro "
        "ноябрь ноября ноябре ноя нояб نوفمبر تشرين_الثاني",
    12: "december dec décembre decembre déc diciembre dezember dez dezembro dicembre "
        "декабрь декабря декабре дек ديسمبر كانون_الأول",
}
MONTHS: dict[str, int] = {
    name.replace("_", " "): n for n, names in _MONTH_NAMES.items() for name in names.split()
}
_MONTH = "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in sorted(MONTHS, key=len, reverse=True))
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"

_DMY = re.compile(
    rf"(?<![\w.])(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|ème|eme|º|°|-?го|-?е)?\.?\s*(?:de\s+)?"
    rf"(?P<m>{_MONTH}){_NOT_LETTER_AFTER}\.?"
    r"(?:(?:\s*,\s*|\s+|\s*\.\s*)(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_MDY = re.compile(
    rf"{_NOT_LETTER_BEFORE}(?P<m>{_MONTH}){_NOT_LETTER_AFTER}\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    r"(?:\s*,?\s*(?P<y>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\d.\-/])(?P<d>[0-3]?\d)(?P<s>[./-])(?P<m>[01]?\d)(?P=s)(?P<y>(?:19|20)\d\d)(?![\d])")
_ISO = re.compile(
    r"(?<![\d.\-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?\s*(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\d])"
)
_CJK = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日")
_TIME = re.compile(
    r"(?<![\d:.])(?P<H>[01]?\d|2[0-3])\s?(?:[:h]|\.(?=\d\d(?!\.\d)))(?P<M>[0-5]\d)(?![\d])"
    r"(?:\s*(?P<ampm>[ap]\.?\s?m\.?)(?!\w))?"
    r"(?:\s*\(?\s*(?P<zone>UTC|GMT|Z|MSK|МСК|CET|CEST|EET|EEST|BST|WET|WEST)(?!\w)"
    r"\s*(?P<off>[+\-−]\s*\d{1,2}(?::?\d{2})?)?\s*\)?)?"
    r"(?:\s*(?P<moscow>\(?(?:по\s+)?московскому\s+времени\)?|\(?moscow\s+time\)?|\(?heure\s+de\s+moscou\)?))?",
    re.IGNORECASE,
)
_OFFSET = re.compile(r"(?:UTC|GMT)\s*(?P<off>[+\-−]\s*\d{1,2}(?::?\d{2})?)", re.IGNORECASE)
_DOC_NUMBER = re.compile(
    r"^\s*(?:№|No\.?|N|Nr\.?|Ref\.?)?\s*(?P<n>\d{1,6})[-/](?P<d>[0-3]\d)-(?P<m>[01]\d)-(?P<y>(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

EMBARGO_LINE = re.compile(
    r"^\W*(?:strictly\s+)?(?:embargo(?:ed)?|under\s+embargo|hold\s+for\s+release|"
    r"not\s+for\s+(?:publication|release|distribution|broadcast)|sperrfrist|sous\s+embargo|"
    r"эмбарго|не\s+для\s+(?:публикации|распространения|печати)|не\s+публиковать)(?![^\W\d_])(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text; `year` is None when the text gives only day and month."""

    start: int
    end: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    tz: tzinfo | None = None

    def valid(self) -> bool:
        try:
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True


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


def find_dates(text: str) -> list[DateMatch]:
    """Every valid calendar date in `text`, in order of appearance, overlapping matches resolved."""
    text = text.translate(_ARABIC_DIGITS)
    found: list[DateMatch] = []
    for rx in (_ISO, _CJK, _NUMERIC, _DMY, _MDY):
        for m in rx.finditer(text):
            g = m.groupdict()
            month = g["m"]
            month_n = int(month) if month.isdigit() else MONTHS.get(re.sub(r"\s+", " ", month.lower()))
            if not month_n or not 1 <= month_n <= 12:
                continue
            year = int(g["y"]) if g.get("y") else None
            hour = int(g["H"]) if g.get("H") else None
            minute = int(g["M"]) if g.get("M") else None
            tz = None
            if g.get("tz"):
                tz = UTC if g["tz"] == "Z" else _offset(g["tz"])
            dm = DateMatch(m.start(), m.end(), year, month_n, int(g["d"]), hour, minute, tz)
            if dm.valid():
                found.append(dm)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMatch] = []
    for d in found:
        if out and d.start < out[-1].end:
            prev = out[-1]
            if prev.year is None and d.year is not None and d.end > prev.end:
                out[-1] = d
            continue
        out.append(d)
    return out


def find_time(text: str) -> tuple[int, int, tzinfo | None] | None:
    """The first clock time in `text` ("16:05", "10:00 UTC", "18.40", "5 pm" is not matched), with its zone."""
    text = text.translate(_ARABIC_DIGITS)
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


_DATELINE_FILLER = re.compile(
    r"\b(?:года?|г\.|updated|published|date|дата|опубликовано|обновлено|le|el|am|em|on|the|of|at|à|a|"
    r"в|года,|time|heure|hora|uhr|ч\.?)\b",
    re.IGNORECASE,
)


def parse_dateline(line: str) -> DateMatch | None:
    """The date (and time) of a dateline such as "14 March 2021 16:05" or "Moscow, 5 April 2022", else None.

    A dateline is a short line whose date is its main content: besides the date and time at most three
    words remain (a place name, "года", a weekday, "Published:").
    """
    s = line.strip().translate(_ARABIC_DIGITS)
    if not s or len(s) > 100:
        return None
    dates = find_dates(s)
    if not dates:
        return None
    d = dates[0]
    rest = s[:d.start] + " " + s[d.end:]
    hm = find_time(rest)
    if hm is None and d.hour is not None:
        hm = (d.hour, d.minute or 0, d.tz)
    if hm is not None:
        rest = _TIME.sub(" ", rest)
    rest = _DATELINE_FILLER.sub(" ", rest)
    words = re.findall(r"[^\W\d_]{2,}", rest)
    if len(words) > 3 or (len(words) > 1 and re.search(r"[.!?;]\s*$", s)):
        return None
    if hm is None:
        return d
    return DateMatch(d.start, d.end, d.year, d.month, d.day, hm[0], hm[1], hm[2] or d.tz)


def parse_doc_number(line: str) -> DateMatch | None:
    """A document number line like "412-09-06-2022" (number, then DD-MM-YYYY), as its date."""
    m = _DOC_NUMBER.match(line.translate(_ARABIC_DIGITS))
    if not m:
        return None
    d = DateMatch(0, len(line), int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return d if d.valid() else None


def parse_embargo(line: str) -> DateMatch | None | bool:
    """For an embargo line: its date; False when the line is not an embargo line; None when unreadable."""
    m = EMBARGO_LINE.match(line.strip())
    if not m:
        return False
    rest = m.group("rest")
    dates = find_dates(rest)
    if not dates:
        return None
    d = dates[0]
    hm = find_time(rest[:d.start] + " " + rest[d.end:])
    if hm is None and d.hour is not None:
        hm = (d.hour, d.minute or 0, d.tz)
    if hm is None:
        return d
    return DateMatch(d.start, d.end, d.year, d.month, d.day, hm[0], hm[1], hm[2] or d.tz)


_LEAD_BLOCKERS = frozenset(
    "of from since until till before after dated to by between and from от с до после со по du de des depuis "
    "desde hasta vom seit bis desde até".split()
)


def lead_date(paragraph: str) -> DateMatch | None:
    """A date that opens the lead ("On December 3, ...", "3 декабря ...", "Moscow, 5 April - ..."), else None.

    Only a date within the first 60 characters counts, and not one that names another event
    ("the Geneva Communique of June 30, 2012").
    """
    for d in find_dates(paragraph[:120]):
        if d.start > 60:
            return None
        before = paragraph[:d.start].split()
        if before and before[-1].lower().strip(",") in _LEAD_BLOCKERS:
            continue
        return d
    return None


_YEAR = re.compile(r"(?<![\w.,/\-№#])((?:19|20)\d\d)(?![\w/]|[.,\-]\d)")
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:resolution|resolutions|no\.?|nos\.?|№|number|n°|nº|decree|order|law|article|art\.|paragraph|"
    r"резолюци\w*|указ\w*|приказ\w*|закон\w*|стать\w*|пункт\w*|résolution|resolución|resolução|"
    r"doc\.?|document|code|page|p\.|стр\.?|tel\.?|phone|fax|room|flight|рейс\w*)\s*$",
    re.IGNORECASE,
)


def years_in_text(text: str, latest: int) -> list[int]:
    """Years (2000..latest) the text mentions on their own; numbers after "Resolution", "No." etc. are not
    years, and years inside a full date ("June 30, 2012") belong to that other event and are left out."""
    text = text.translate(_ARABIC_DIGITS)
    full_dates = [(d.start, d.end) for d in find_dates(text) if d.year is not None]
    years = []
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if not 2000 <= y <= latest:
            continue
        if _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if any(s <= m.start() < e for s, e in full_dates):
            continue
        years.append(y)
    return years


def latest_on_or_before(month: int, day: int, ref: date) -> date:
    """The latest `month`-`day` not after `ref` (29 February looks back to a leap year)."""
    for year in range(ref.year, ref.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= ref:
            return candidate
    return date(ref.year, month, min(day, 28))


def infer_year(month: int, day: int, text_years: list[int], modified: date, today: date) -> tuple[int, str]:
    """Choose the year of a date given without one; return it with a warning for the press officer.

    Rule: let R be the earlier of the file's modification day and today, and Y_m the year of the latest such
    day not after R (the release was dropped soon after it was published). Let Y_t be the latest year the
    text mentions on its own (see `years_in_text`) that does not put the date after R. If the text mentions
    no such year, or Y_t >= Y_m - 1 (the text agrees with a recent drop: it talks of this year or of last
    year), Y_m wins. Otherwise the file was evidently copied long after publication (an old release with a
    fresh mtime) and Y_t wins.
    """
    ref = min(modified, today)
    y_m = latest_on_or_before(month, day, ref).year
    candidates = []
    for y in set(text_years):
        try:
            if date(y, month, day) <= ref:
                candidates.append(y)
        except ValueError:
            continue
    if candidates and max(candidates) < y_m - 1:
        y_t = max(candidates)
        return y_t, f"The year {y_t} was inferred from the text (the date has no year)."
    return y_m, f"The year {y_m} was inferred from the file's modification time (the date has no year)."


def to_datetime(d: DateMatch, year: int, zone: tzinfo) -> datetime:
    """An aware datetime for a found date: its own offset, else `zone`; date-only means 00:00 local time."""
    tz = d.tz or zone
    return datetime(year, d.month, d.day, d.hour or 0, d.minute or 0, tzinfo=tz)


def date_from_name(name: str) -> DateMatch | None:
    """A full date in the file name ("briefing-2023-02-22.md", "2022_06_09 statement.txt", "20220609.pdf")."""
    stem = re.split(r"[\\/]", name)[-1]
    stem = stem.rsplit(".", 1)[0]
    m = re.search(r"(?<!\d)((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)", stem)
    if m:
        d = DateMatch(0, 0, int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d.valid():
            return d
    m = re.search(r"(?<!\d)([0-3]\d)[-_.]([01]\d)[-_.]((?:19|20)\d\d)(?!\d)", stem)
    if m:
        d = DateMatch(0, 0, int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d.valid():
            return d
    return None
