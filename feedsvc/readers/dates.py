"""Dates in text: where they are (regular expressions) and what they mean (dateparser). Embargo lines are read in
`embargo/`, with these date shapes.

The work is split in two, because dateparser alone finds dates in running text that are not there:

- **Regular expressions only locate candidates.** They know date-like *shapes*, not month names: a number and
  a word with an optional year ("5 April 2022", "3 декабря", "5 de abril de 2022"), a word and a number with an
  optional year ("August 10, 2018"), numeric D.M.Y ("15.07.2022"), ISO Y-M-D and CJK Y年M月D日, each with an
  optional clock time and UTC offset ("14 March 2021, 16:05 GMT"). They also pull the dateline, the document
  number and the embargo line out of their lines, so dateparser only ever sees the candidate itself.
- **dateparser interprets each candidate.** It decides whether the word is a month, in the languages of the
  word's script (Latin: en fr es de pt it; Cyrillic: ru uk bg sr; Arabic: ar, then the Levantine names of
  ar-SY such as "كانون الثاني"; CJK: zh ja), with the release's language first when it is known; `languages`
  is always given. Numeric dates are day first (`DATE_ORDER='DMY'`: "03/04/2022" is 3 April, as a
  European ministry writes it), except a date that can only be month first ("04/15/2022"). `REQUIRE_PARTS` makes
  dateparser refuse instead of filling in a part: day, month and year for a candidate with a year, day and
  month for one without, which is then a date without a year (`year` None) whose year `years.infer_year` chooses.
  Only the absolute-date parser runs (no "5 days", "today", timestamps), and `search_dates` is never used on
  running text, which invents dates. A time with an offset comes back aware with that offset; a time
  without one stays naive and `to_datetime` puts it in the deployment's zone. The parsers are built
  once per language set and every interpretation is cached, so a repeated candidate costs microseconds.

A result is kept only when dateparser's day (and year, when the text gives one) agree with the located text,
and in an English release a month name must be capitalised ("Article 5 may apply" has no date in it).

Around it: `clock.py` reads clock times and zones (hand-written: dateparser reads neither "МСК" nor "18.40"),
`datelines.py` finds where a release states its date, and `years.py` chooses the year of a date without one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from dateparser.date import DateDataParser

from feedsvc.readers.clock import WESTERN_DIGITS

log = logging.getLogger(__name__)

YEAR_SHAPE = r"(?:19|20)\d\d(?!\d)"
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
    rf"(?:(?:\s*,\s*|\s+|\s*\.\s*)(?:de\s+|del\s+)?(?P<y>{YEAR_SHAPE}))?{_TIME_TAIL}",
    re.IGNORECASE,
)
_WORD_NUMBER = re.compile(
    rf"(?<![^\W\d_])(?P<m>[^\W\d_]{{3,}}(?![^\W\d_])\.?)(?P<m2>)\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    rf"(?:\s*,?\s*(?P<y>{YEAR_SHAPE}))?{_TIME_TAIL}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"(?<![\d.\-/])(?P<d>[0-3]?\d)(?P<s>[./-])(?P<mn>[0-3]?\d)(?P=s)(?P<y>{YEAR_SHAPE}){_TIME_TAIL}"
)
_ISO = re.compile(rf"(?<![\d.\-])(?P<y>{YEAR_SHAPE})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d){_TIME_TAIL}")
_CJK = re.compile(rf"(?P<y>{YEAR_SHAPE})\s*年\s*(?P<mn>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*日{_TIME_TAIL}")

# Languages dateparser tries for a candidate, by the script of its month word, in this order. Arabic needs two
# passes: dateparser refuses two regions of one language in one parser, and only ar-SY (like ar-LB, ar-IQ...)
# knows the Levantine month names.
_LATIN = ("en", "fr", "es", "de", "pt", "it", "nl", "pl")
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
    "DATE_ORDER": "DMY",  # 03.04.2024 is 3 April; word dates do not depend on it
    "PREFER_DAY_OF_MONTH": "first",  # never today's day for a missing day; REQUIRE_PARTS rejects those anyway
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

    def month_first(self) -> DateMatch:
        """The other reading of an ambiguous date ("08/07/2011" as 7 August), no longer ambiguous."""
        return DateMatch(self.start, self.end, self.year, self.day, self.month, self.hour, self.minute, self.tz)

    def valid(self) -> bool:
        try:
            date(self.year or 2000, self.month, self.day)
        except ValueError:
            return False
        return True


@dataclass(frozen=True)
class Candidate:
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


def locate(text: str, years_only: bool = False) -> list[Candidate]:
    """Every date-like string in `text` (not yet known to be a date), by position, longer first."""
    found: list[Candidate] = []
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
                found.append(Candidate(m.start(), m.end(), f"{day} {word} {second}{tail}", script, day,
                                        int(y) if y else None, word=word, has_time=bool(m.group("time"))))
                if years_only:
                    continue
                # the second word may not belong to the month ("15 آذار في"): the one-word month, without year
                end = m.start("m2")
                found.append(Candidate(m.start(), end, f"{day} {word}", script, day, None, word=word))
                continue
            found.append(Candidate(m.start(), m.end(), f"{day} {word}{tail}", script, day,
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
            found.append(Candidate(m.start(), m.end(), body, script, d, y, month=mn, has_time=bool(m.group("time"))))
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    return found


def _to_tz(dt: datetime) -> tzinfo | None:
    offset = dt.utcoffset()
    if offset is None or abs(offset) > timedelta(hours=14):
        return None
    return UTC if not offset else timezone(offset)


def read(c: Candidate, language: str | None) -> DateMatch | None:
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
    for c in locate(text, years_only):
        if last_start is not None and c.start > last_start:
            break
        if prev is not None:
            if c.start < prev.end:
                if prev.year is None and c.year is not None and c.end > prev.end:
                    replacement = read(c, language)
                    if replacement is not None:
                        prev = replacement
                continue
            yield prev
            prev = None
        prev = read(c, language)
    if prev is not None:
        yield prev


def find_dates(text: str, language: str | None = None, years_only: bool = False,
               last_start: int | None = None) -> list[DateMatch]:
    """Every calendar date in `text`, in order of appearance, overlapping matches resolved.

    `language` (the release's, when known) is tried first; `years_only` skips dates given without a year;
    `last_start` stops at dates that start after it (the rest of the text is not read).
    """
    return list(_dates(text.translate(WESTERN_DIGITS), _hint(language), years_only, last_start))


def read_numeric(day: int, month: int, year: int) -> DateMatch | None:
    """A date given as three numbers (a document number's, a file name's), checked by dateparser."""
    return read(Candidate(0, 0, f"{day:02d}.{month:02d}.{year:04d}", "digits", day, year, month=month), None)

def full_date_spans(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of every full date (day, month and year) in `text`: the years inside them are that date's."""
    return [(d.start, d.end) for d in _dates(text.translate(WESTERN_DIGITS), _hint(language), years_only=True)]


def month_number(word: str, language: str | None = None) -> int | None:
    """The month a word names ("October", "mars", "октября"), read by dateparser; None when it names none."""
    script = _script(word)
    if script is None:
        return None
    result = _interpret(f"1 {word} 2000", _chain(script, _hint(language)), _FULL)
    return result[0].month if result is not None and result[0].year == 2000 and result[0].day == 1 else None



def named_reading(found: DateMatch, text: str, language: str | None = None) -> DateMatch:
    """A date in digits that reads either way ("08/07/2011", taken day first) read month first instead, when the
    text names that other date in words ("August 7, 2011") and not the first."""
    if not found.ambiguous:
        return found
    named = [d for d in find_dates(text, language) if not d.ambiguous and d.year in (None, found.year)]
    as_read = any((d.month, d.day) == (found.month, found.day) for d in named)
    swapped = any((d.month, d.day) == (found.day, found.month) for d in named)
    if swapped and not as_read:
        return found.month_first()
    return found


def to_datetime(d: DateMatch, year: int, zone: tzinfo) -> datetime:
    """An aware datetime for a found date: its own offset, else `zone`; date-only means 00:00 local time (the
    readers stamp date-only releases with `decide.date_only` instead)."""
    tz = d.tz or zone
    return datetime(year, d.month, d.day, d.hour or 0, d.minute or 0, tzinfo=tz)
