"""Finding release dates in text: datelines, document numbers, leads, and inferring a missing year (embargo lines
are read in `embargo.py`, with these date shapes).

The work is split in two, following PITFALLS §4:

- **Regular expressions only locate candidates.** They know date-like *shapes*, not month names: a number and
  a word with an optional year ("5 April 2022", "3 декабря", "5 de abril de 2022"), a word and a number with an
  optional year ("August 10, 2018"), numeric D.M.Y ("15.07.2022"), ISO Y-M-D and CJK Y年M月D日, each with an
  optional clock time and UTC offset ("14 March 2021, 16:05 GMT"). They also pull the dateline, the document
  number and the embargo line out of their lines, so dateparser only ever sees the candidate itself (4.4).
- **dateparser interprets each candidate.** It decides whether the word is a month, in the languages of the
  word's script (Latin: en fr es de pt it; Cyrillic: ru uk bg sr; Arabic: ar, then the Levantine names of
  ar-SY such as "كانون الثاني"; CJK: zh ja), with the release's language first when it is known; `languages`
  is always given (4.1). Numeric dates are day first (`DATE_ORDER='DMY'`, 4.2: "03/04/2022" is 3 April, as a
  European ministry writes it), except a date that can only be month first ("04/15/2022"). `REQUIRE_PARTS` makes
  dateparser refuse instead of filling in a part (4.3): day, month and year for a candidate with a year, day and
  month for one without, which is then a date without a year (`year` None) whose year `infer_year` chooses (4.6).
  Only the absolute-date parser runs (no "5 days", "today", timestamps), and `search_dates` is never used on
  running text, which invents dates (4.5). A time with an offset comes back aware with that offset; a time
  without one stays naive and `to_datetime` puts it in the deployment's zone (4.7). The parsers are built
  once per language set and every interpretation is cached, so a repeated candidate costs microseconds.

A result is kept only when dateparser's day (and year, when the text gives one) agree with the located text,
and in an English release a month name must be capitalised ("Article 5 may apply" has no date in it).

Still hand-written, because dateparser does not cover them: clock times with zone words or phrases
("10:00 МСК", "по московскому времени", "18.40") in `find_time`; the document-number shape "412-09-06-2022"
(located here, its date interpreted by dateparser); the year inference.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser

log = logging.getLogger(__name__)

_YEAR_SHAPE = r"(?:19|20)\d\d(?!\d)"
# A clock time glued to a date, with at most an offset dateparser reads exactly (Z, UTC, GMT, +03:00). When a
# zone word or phrase follows ("16:05 MSK", "16:05 (Moscow time)", "16:05 GMT+3") the time is left out of the
# candidate, and `find_time` reads it with its zone from the rest of the line.
_TIME_TAIL = (
    r"(?P<time>(?:T|\s*,?\s*)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?"
    r"(?:\s*(?:Z|UTC|GMT|[+-][0-2]\d:?[0-5]\d))?(?!\s*(?:[+\-−]\s*\d|\(|[^\W\d_]))(?![\d:]))?"
)
# A word that may be a month: three letters or more (no month is shorter in the languages read here), or two
# Arabic letters ("آب"); an optional second Arabic word for the Levantine two-word names ("كانون الثاني").
_WORD = r"(?P<m>(?:[^\W\d_]{3,}|[\u0600-\u06ff]{2})(?![^\W\d_])\.?)(?P<m2>\s+[\u0600-\u06ff]{2,}(?![^\W\d_]))?"
_DAY_SUFFIX = r"(?:st|nd|rd|th|er|ème|eme|º|°|-?го|-?е)?"

_NUMBER_WORD = re.compile(
    rf"(?<![\w.])(?P<d>[0-3]?\d){_DAY_SUFFIX}(?:\.?\s+|\.)(?:de\s+|of\s+)?{_WORD}"
    rf"(?:(?:\s*,\s*|\s+|\s*\.\s*)(?:de\s+|del\s+)?(?P<y>{_YEAR_SHAPE}))?{_TIME_TAIL}",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    rf"(?<![^\W\d_])(?P<m>[^\W\d_]{{3,}}(?![^\W\d_])\.?)(?P<m2>)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:\s*,?\s*(?P<y>{_YEAR_SHAPE}))?{_TIME_TAIL}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"(?<![\d.\-/])(?P<d>[0-3]?\d)(?P<s>[./-])(?P<mn>[0-3]?\d)(?P=s)(?P<y>{_YEAR_SHAPE}){_TIME_TAIL}"
)
_ISO = re.compile(rf"(?<![\d.\-])(?P<y>{_YEAR_SHAPE})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d){_TIME_TAIL}")
_CJK = re.compile(rf"(?P<y>{_YEAR_SHAPE})\s*年\s*(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日{_TIME_TAIL}")

# Languages dateparser tries for a candidate, by the script of its month word, in this order. Arabic needs two
# passes: dateparser refuses two regions of one language in one parser, and only ar-SY (like ar-LB, ar-IQ...)
# knows the Levantine month names.
_LATIN = ("en", "fr", "es", "de", "pt", "it")
_CYRILLIC = ("ru", "uk", "bg", "sr")
_CHAINS: dict[str, tuple[tuple[str, ...], ...]] = {
    "latin": (_LATIN,),
    "cyrillic": (_CYRILLIC,),
    "arabic": (("ar",), ("ar-SY",)),
    "cjk": (("zh", "ja"),),
    "digits": (("en",),),
}
_SETTINGS = {
    "PARSERS": ["absolute-time"],  # no relative dates ("5 days" ago), timestamps or free-form formats
    "DATE_ORDER": "DMY",  # 03.04.2024 is 3 April (PITFALLS 4.2); word dates do not depend on it
    "PREFER_DAY_OF_MONTH": "first",  # never today's day for a missing day (4.3); REQUIRE_PARTS rejects those anyway
    # A leap year as the base, so "29 февраля" without a year is a valid day; that year is never used.
    "RELATIVE_BASE": datetime(2000, 1, 1),
    # RETURN_AS_TIMEZONE_AWARE and TIMEZONE keep dateparser's defaults on purpose: an offset in the text comes
    # back as written, a time without one stays naive and `to_datetime` puts it in the deployment's zone
    # (options.zone). Setting TIMEZONE would convert offsets; RETURN_AS_TIMEZONE_AWARE=False would drop them.
}
_FULL = ("day", "month", "year")
_NO_YEAR = ("day", "month")


@lru_cache(maxsize=32)
def _parser(names: tuple[str, ...], parts: tuple[str, ...]) -> DateDataParser:
    """One dateparser parser per language set and required parts, built once (building one costs milliseconds)."""
    settings = {**_SETTINGS, "REQUIRE_PARTS": list(parts)}
    if any("-" in n for n in names):
        return DateDataParser(locales=list(names), settings=settings, use_given_order=True)
    return DateDataParser(languages=list(names), settings=settings, use_given_order=True)


@lru_cache(maxsize=8192)
def _interpret(text: str, chain: tuple[tuple[str, ...], ...], parts: tuple[str, ...]) -> tuple[datetime, str] | None:
    """dateparser's reading of one located candidate: (datetime, language) or None when it is not a date."""
    for names in chain:
        try:
            data = _parser(names, parts).get_date_data(text)
        except Exception:  # a dateparser bug on an odd string must not cost the release: the string is no date
            log.debug("dateparser failed on %r", text, exc_info=True)
            continue
        if data.date_obj is not None:
            return data.date_obj, data.locale or names[0]
    return None


def _script(word: str) -> str | None:
    ch = word[:1]
    if not ch:
        return None
    o = ord(ch)
    if o < 0x250:
        return "latin"
    if 0x400 <= o <= 0x4FF:
        return "cyrillic"
    if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    return None


def _chain(script: str, language: str | None) -> tuple[tuple[str, ...], ...]:
    """The language sets for a script, with the release's language moved to the front when it is one of them."""
    chain = _CHAINS[script]
    if language and len(chain) == 1 and language in chain[0] and chain[0][0] != language:
        names = chain[0]
        return ((language, *(n for n in names if n != language)),)
    return chain


def _hint(language: str | None) -> str | None:
    return language.split("-")[0].lower() if language else None


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
    ambiguous: bool = False  # written in digits that read either way ("08/07/2011"); read day first

    def valid(self) -> bool:
        try:
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True


@dataclass(frozen=True)
class _Candidate:
    """A located date-like string: `text` is what dateparser reads; the numbers are there to check its reading."""

    start: int
    end: int
    text: str
    script: str
    day: int
    year: int | None
    month: int | None = None  # given in digits (numeric shapes)
    word: str | None = None  # the month word as written (word shapes)
    has_time: bool = False


def _time_text(m: re.Match) -> str:
    t = m.group("time")
    return " " + t.lstrip(" ,T") if t else ""


def _locate(text: str, years_only: bool = False) -> list[_Candidate]:
    """Every date-like string in `text` (not yet known to be a date), by position, longer first."""
    found: list[_Candidate] = []
    for rx in (_NUMBER_WORD, _WORD_NUMBER):
        for m in rx.finditer(text):
            y = m.group("y")
            word, second = m.group("m"), (m.group("m2") or "").strip()
            script = _script(word)
            if script is None or (years_only and not y):
                continue
            day = int(m.group("d"))
            tail = (" " + y if y else "") + _time_text(m)
            if second and script == "arabic":
                found.append(_Candidate(m.start(), m.end(), f"{day} {word} {second}{tail}", script, day,
                                        int(y) if y else None, word=word, has_time=bool(m.group("time"))))
                if years_only:
                    continue
                # the second word may not belong to the month ("15 آذار في"): the one-word month, without year
                end = m.start("m2")
                found.append(_Candidate(m.start(), end, f"{day} {word}", script, day, None, word=word))
                continue
            found.append(_Candidate(m.start(), m.end(), f"{day} {word}{tail}", script, day,
                                    int(y) if y else None, word=word, has_time=bool(m.group("time"))))
    for rx, script in ((_ISO, "digits"), (_NUMERIC, "digits"), (_CJK, "cjk")):
        for m in rx.finditer(text):
            d, mn, y = int(m.group("d")), int(m.group("mn")), int(m.group("y"))
            if rx is _NUMERIC and mn > 12 >= d:
                d, mn = mn, d  # "04/15/2022" can only be month first (US style); ambiguous ones stay day first
            if rx is _CJK:
                body = m.group(0)
            elif rx is _ISO:
                body = f"{y:04d}-{mn:02d}-{d:02d}{_time_text(m)}"
            else:
                body = f"{d:02d}.{mn:02d}.{y:04d}{_time_text(m)}"
            found.append(_Candidate(m.start(), m.end(), body, script, d, y, month=mn, has_time=bool(m.group("time"))))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return found


def _to_tz(dt: datetime) -> tzinfo | None:
    offset = dt.utcoffset()
    if offset is None or abs(offset) > timedelta(hours=14):
        return None
    return UTC if not offset else timezone(offset)


def _read(c: _Candidate, language: str | None) -> DateMatch | None:
    """dateparser's reading of a candidate as a DateMatch, or None when it is not a date."""
    result = _interpret(c.text, _chain(c.script, language), _FULL if c.year is not None else _NO_YEAR)
    if result is None:
        return None
    dt, lang = result
    if dt.day != c.day or (c.year is not None and dt.year != c.year) or (c.month is not None and dt.month != c.month):
        return None  # dateparser read something else than what was located; trust neither
    if language == "en" and lang == "en" and c.word is not None and c.word.islower():
        return None  # English capitalises month names: "5 may", "3 march" in an English release are verbs
    return DateMatch(
        c.start, c.end, c.year, dt.month, dt.day,
        dt.hour if c.has_time else None, dt.minute if c.has_time else None,
        _to_tz(dt) if c.has_time else None,
        ambiguous=c.month is not None and c.script == "digits" and dt.day <= 12 and dt.month <= 12
        and dt.day != dt.month,
    )


def _dates(text: str, language: str | None = None, years_only: bool = False, last_start: int | None = None):
    """Dates in `text` in order, read lazily; of overlapping candidates the first readable one wins, except that
    a date with a year replaces an overlapping one without ("5 May" inside "5 May 2022")."""
    prev: DateMatch | None = None
    for c in _locate(text, years_only):
        if last_start is not None and c.start > last_start:
            break
        if prev is not None:
            if c.start < prev.end:
                if prev.year is None and c.year is not None and c.end > prev.end:
                    replacement = _read(c, language)
                    if replacement is not None:
                        prev = replacement
                continue
            yield prev
            prev = None
        prev = _read(c, language)
    if prev is not None:
        yield prev


def find_dates(text: str, language: str | None = None, years_only: bool = False) -> list[DateMatch]:
    """Every calendar date in `text`, in order of appearance, overlapping matches resolved.

    `language` (the release's, when known) is tried first; `years_only` skips dates given without a year.
    """
    return list(_dates(text.translate(_ARABIC_DIGITS), _hint(language), years_only))


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
_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")
_ENDS_SENTENCE = re.compile(r"[.!?;]\s*$")
# Words that join a phrase; a dateline's few other words (a place, a weekday, "Published") never include one.
_PHRASE_WORDS = frozenset("by for with and about against between from into through to the an of ".split()
                          + "для против между через под над".split() + "pour avec contre entre sur".split()
                          + "para con contra entre sobre".split() + "mit gegen zwischen über für".split())


def _with_time(d: DateMatch, hm: tuple[int, int, tzinfo | None] | None) -> DateMatch:
    if hm is None and d.hour is not None:
        hm = (d.hour, d.minute or 0, d.tz)
    if hm is None:
        return d
    return DateMatch(d.start, d.end, d.year, d.month, d.day, hm[0], hm[1], hm[2] or d.tz, d.ambiguous)


def parse_dateline(line: str) -> DateMatch | None:
    """The date (and time) of a dateline such as "14 March 2021 16:05" or "Moscow, 5 April 2022", else None.

    A dateline is a short line whose date is its main content: besides the date and time at most three
    words remain (a place name, "года", a weekday, "Published:"). That is checked on the located candidate
    first, so the lines of running text never reach dateparser.
    """
    s = line.strip().translate(_ARABIC_DIGITS)
    if not s or len(s) > 100:
        return None
    for c in _locate(s):
        rest = s[:c.start] + " " + s[c.end:]
        hm = find_time(rest)
        words = _LETTER_WORDS.findall(_DATELINE_FILLER.sub(" ", _TIME.sub(" ", rest) if hm else rest))
        if len(words) > 3 or (len(words) > 1 and _ENDS_SENTENCE.search(s)):
            continue
        if words and s[:c.start].rstrip().endswith("(") and s[c.end:].lstrip().startswith(")"):
            continue  # "Egypt - Bombing (October 21, 2013)": a title that names its date, not a dateline
        if any(w.lower() in _PHRASE_WORDS for w in words):
            continue  # "April 11, 2008: Statement by Czech ...": the start of a phrase, not a dateline
        d = _read(c, None)
        if d is not None:
            return _with_time(d, hm)
    return None


def parse_doc_number(line: str) -> DateMatch | None:
    """A document number line like "412-09-06-2022" (number, then DD-MM-YYYY), as its date."""
    m = _DOC_NUMBER.match(line.translate(_ARABIC_DIGITS))
    if not m:
        return None
    d, mn, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    found = _read(_Candidate(0, len(line), f"{d:02d}.{mn:02d}.{y}", "digits", d, y, month=mn), None)
    return DateMatch(0, len(line), found.year, found.month, found.day) if found else None


_LEAD_BLOCKERS = frozenset(
    "of from since until till before after dated to by between and from от с до после со по du de des depuis "
    "desde hasta vom seit bis desde até".split()
)


def lead_date(paragraph: str, language: str | None = None) -> DateMatch | None:
    """A date that opens the lead ("On December 3, ...", "3 декабря ...", "Moscow, 5 April - ..."), else None.

    Only a date within the first 60 characters counts, and not one that names another event
    ("the Geneva Communique of June 30, 2012"). `language` is the release's, when known.
    """
    text = paragraph[:120].translate(_ARABIC_DIGITS)
    for d in _dates(text, _hint(language), last_start=60):
        before = text[:d.start].split()
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


def years_in_text(text: str, latest: int, language: str | None = None) -> list[int]:
    """Years (2000..latest) the text mentions on their own; numbers after "Resolution", "No." etc. are not
    years, and years inside a full date ("June 30, 2012") belong to that other event and are left out."""
    text = text.translate(_ARABIC_DIGITS)
    years = []
    full_dates: list[tuple[int, int]] | None = None
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if not 2000 <= y <= latest:
            continue
        if _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if full_dates is None:  # read the full dates only when some year needs checking
            full_dates = [(d.start, d.end) for d in _dates(text, _hint(language), years_only=True)]
        if any(s <= m.start() < e for s, e in full_dates):
            continue
        years.append(y)
    return years


_MONTH_YEAR = re.compile(rf"(?<![\w.])(?P<m>[^\W\d_]{{3,}})\.?\s+(?:de\s+|del\s+)?(?P<y>{_YEAR_SHAPE})")


def month_years(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(year, month) of every month the text names with a year and no day ("in October 2020", "en mars 2019")."""
    text = text.translate(_ARABIC_DIGITS)
    found = []
    for m in _MONTH_YEAR.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if re.search(r"\d\s*$", before):
            continue  # "3 October 2020": a full date, read elsewhere
        word, year = m.group("m"), int(m.group("y"))
        script = _script(word)
        if script is None:
            continue
        result = _interpret(f"1 {word} {year}", _chain(script, _hint(language)), _FULL)
        if result is not None and result[0].year == year and result[0].day == 1:
            found.append((year, result[0].month))
    return found


def named_reading(found: DateMatch, text: str, language: str | None = None) -> DateMatch:
    """A date in digits that reads either way ("08/07/2011", taken day first) read month first instead, when the
    text names that other date in words ("August 7, 2011") and not the first."""
    if not found.ambiguous:
        return found
    named = [d for d in find_dates(text, language) if not d.ambiguous and d.year in (None, found.year)]
    as_read = any((d.month, d.day) == (found.month, found.day) for d in named)
    swapped = any((d.month, d.day) == (found.day, found.month) for d in named)
    if swapped and not as_read:
        return DateMatch(found.start, found.end, found.year, found.day, found.month, found.hour, found.minute,
                         found.tz)
    return found


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


EVENT_MONTHS = 12  # a release follows the events it dates to a month ("in October 2020") within this many months


def infer_year(month: int, day: int, text_years: list[int], modified: date, today: date,
               events: list[tuple[int, int]] = ()) -> tuple[int, str]:
    """Choose the year of a date given without one; return it with a warning for the press officer.

    Rule: let R be the earlier of the file's modification day and today, and Y_m the year of the latest such
    day not after R (the release was dropped soon after it was published).

    1. When the text dates events to a month ("concluded in September-October 2020", `month_years`) and names no
       year from Y_m on, the release follows its latest such event within EVENT_MONTHS: a year earlier than
       Y_m that puts it there wins (the seed, read from a file saved a year or five later).
    2. Else let Y_t be the latest year the text mentions on its own (see `years_in_text`) that does not put the
       date after R. If the text mentions no such year, or Y_t >= Y_m - 1 (the text agrees with a recent drop:
       it talks of this year or of last year), Y_m wins. Otherwise the file was evidently copied long after
       publication (an old release with a fresh mtime) and Y_t wins.
    """
    ref = min(modified, today)
    y_m = latest_on_or_before(month, day, ref).year
    past = [(y, m) for y, m in events if (y, m) <= (ref.year, ref.month)]
    if past and not any(y >= y_m for y in text_years):
        y_e, m_e = max(past)
        for y in (y_e, y_e + 1):
            try:
                fits = date(y, month, day) <= ref
            except ValueError:
                continue
            if fits and y < y_m and 0 <= (y - y_e) * 12 + month - m_e < EVENT_MONTHS:
                return y, (f"The year {y} was inferred from the text, which dates events to {m_e:02d}.{y_e} "
                           "(the date has no year).")
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
    """An aware datetime for a found date: its own offset, else `zone`; date-only means 00:00 local time (the
    readers stamp date-only releases with `decide.date_only` instead)."""
    tz = d.tz or zone
    return datetime(year, d.month, d.day, d.hour or 0, d.minute or 0, tzinfo=tz)


def date_from_name(name: str) -> DateMatch | None:
    """A full date in the file name ("briefing-2023-02-22.md", "2022_06_09 statement.txt", "20220609.pdf")."""
    stem = re.split(r"[\\/]", name)[-1]
    stem = stem.rsplit(".", 1)[0]
    for rx, order in ((_NAME_YMD, (1, 2, 3)), (_NAME_DMY, (3, 2, 1))):
        m = rx.search(stem)
        if m:
            y, mn, d = (int(m.group(i)) for i in order)
            found = _read(_Candidate(0, 0, f"{y:04d}-{mn:02d}-{d:02d}", "digits", d, y, month=mn), None)
            if found is not None:
                return found
    return None


_NAME_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)([0-3]\d)[-_.]([01]\d)[-_.]((?:19|20)\d\d)(?!\d)")
