"""Where a release states its date: a dateline ("Moscow, 5 April 2022"), a document number ("412-09-06-2022"),
the opening of the lead ("On December 3, ..."), the file name ("briefing-2023-02-22.md"). What a date is, and
reading it, is `dates.py`'s job."""

from __future__ import annotations

import re
from datetime import tzinfo

from feedsvc.readers import clock, dates

_DOC_NUMBER = re.compile(
    r"^\s*(?:№|No\.?|N|Nr\.?|Ref\.?)?\s*(?P<n>\d{1,6})[-/](?P<d>[0-3]\d)-(?P<m>[01]\d)-(?P<y>(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)

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


def _with_time(d: dates.DateMatch, hm: tuple[int, int, tzinfo | None] | None) -> dates.DateMatch:
    if hm is None and d.hour is not None:
        hm = (d.hour, d.minute or 0, d.tz)
    if hm is None:
        return d
    return dates.DateMatch(d.start, d.end, d.year, d.month, d.day, hm[0], hm[1], hm[2] or d.tz, d.ambiguous)


def parse_dateline(line: str) -> dates.DateMatch | None:
    """The date (and time) of a dateline such as "14 March 2021 16:05" or "Moscow, 5 April 2022", else None.

    A dateline is a short line whose date is its main content: besides the date and time at most three
    words remain (a place name, "года", a weekday, "Published:"). That is checked on the located candidate
    first, so the lines of running text never reach dateparser.
    """
    s = line.strip().translate(clock.WESTERN_DIGITS)
    if not s or len(s) > 100:
        return None
    for c in dates.locate(s):
        rest = s[:c.start] + " " + s[c.end:]
        hm = clock.find_time(rest)
        words = _LETTER_WORDS.findall(_DATELINE_FILLER.sub(" ", clock.strip_times(rest) if hm else rest))
        if len(words) > 3 or (len(words) > 1 and _ENDS_SENTENCE.search(s)):
            continue
        if words and s[:c.start].rstrip().endswith("(") and s[c.end:].lstrip().startswith(")"):
            continue  # "Egypt - Bombing (October 21, 2013)": a title that names its date, not a dateline
        if any(w.lower() in _PHRASE_WORDS for w in words):
            continue  # "April 11, 2008: Statement by Czech ...": the start of a phrase, not a dateline
        d = dates.read(c, None)
        if d is not None:
            return _with_time(d, hm)
    return None


def parse_doc_number(line: str) -> dates.DateMatch | None:
    """A document number line like "412-09-06-2022" (number, then DD-MM-YYYY), as its date."""
    m = _DOC_NUMBER.match(line.translate(clock.WESTERN_DIGITS))
    if not m:
        return None
    d, mn, y = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    found = dates.read_numeric(d, mn, y)
    return dates.DateMatch(0, len(line), found.year, found.month, found.day) if found else None


_LEAD_BLOCKERS = frozenset(
    "of from since until till before after dated to by between and from от с до после со по du de des depuis "
    "desde hasta vom seit bis desde até".split()
)


def lead_date(paragraph: str, language: str | None = None) -> dates.DateMatch | None:
    """A date that opens the lead ("On December 3, ...", "3 декабря ...", "Moscow, 5 April - ..."), else None.

    Only a date within the first 60 characters counts, and not one that names another event
    ("the Geneva Communique of June 30, 2012"). `language` is the release's, when known.
    """
    text = paragraph[:120].translate(clock.WESTERN_DIGITS)
    for d in dates.find_dates(text, language, last_start=60):
        before = text[:d.start].split()
        if before and before[-1].lower().strip(",") in _LEAD_BLOCKERS:
            continue
        return d
    return None


def date_from_name(name: str) -> dates.DateMatch | None:
    """A full date in the file name ("briefing-2023-02-22.md", "2022_06_09 statement.txt", "20220609.pdf")."""
    stem = re.split(r"[\\/]", name)[-1]
    stem = stem.rsplit(".", 1)[0]
    for rx, order in ((_NAME_YMD, (1, 2, 3)), (_NAME_DMY, (3, 2, 1))):
        m = rx.search(stem)
        if m:
            y, mn, d = (int(m.group(i)) for i in order)
            found = dates.read_numeric(d, mn, y)
            if found is not None:
                return found
    return None


_NAME_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)([0-3]\d)[-_.]([01]\d)[-_.]((?:19|20)\d\d)(?!\d)")
