"""Rules for where the text starts: lead-ins, pull quotes, wire datelines ("MOSCOW, Dec 3 (TASS) -"), numbering."""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import clock, dates, vocabulary
from feedsvc.readers.rules.words import QUOTES_CLOSE, QUOTES_OPEN, ends_sentence, function_words, words_of

LEAD_IN_MAX_WORDS = 16


@cache
def _lead_in() -> re.Pattern:
    return re.compile(rf"(?:{vocabulary.phrase_pattern('lead_ins')})", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """A sentence that only announces what follows, ending in a colon: "The following statement has been issued by
    a Federal Foreign Office spokesperson:". A longer one that says what it is about is the lead itself."""
    s = text.strip()
    return s.endswith(":") and len(words_of(s)) <= LEAD_IN_MAX_WORDS and bool(_lead_in().search(s))


PULL_QUOTE_MAX_WORDS = 60


_ATTRIBUTION = re.compile(r"^\s*[-–—]\s*[^\W\d_][^.!?]{0,80}$")


def is_pull_quote(text: str) -> bool:
    """A quotation set above the text, standing alone: “We will not accept this.” – Foreign Minister Jane Doe.
    The whole block is the quotation, with at most a dash and a name after it."""
    s = text.strip()
    if not s or s[0] not in QUOTES_OPEN or len(words_of(s)) > PULL_QUOTE_MAX_WORDS:
        return False
    close = max(s.rfind(q) for q in QUOTES_CLOSE)
    if close <= 0:
        return False
    return close == len(s) - 1 or bool(_ATTRIBUTION.match(s[close + 1 :]))


WIRE_PREFIX_CHARS = 100


WIRE_PLACE_WORDS = 4


_AGENCY = re.compile(r"[/(]\s*[^/()\s][^/()]{0,58}[/)]")  # "/Корр. БЕЛТА/", "(Reuters)", "/ Kabar /"


_AFTER_AGENCY = re.compile(r"^\s*[.,:]?\s*(?:[-–—]{1,2}\s*)?")


_WIRE_SEPARATOR = re.compile(r"\s+[-–—]{1,2}\s+|\s*[-–—]{2}\s*|[.:]\s+|\s+(?=[a-zа-яё])")


_ABBREVIATED = re.compile(r"(?:^|\s)(?:[^\W\d_]|mr|mrs|ms|dr|st|корр|г|им|nr|no)$", re.IGNORECASE)


def wire_dateline_length(text: str, language: str | None = None) -> int:
    """How much of a lead's start is a wire dateline: "30 ноября, Минск /Корр. БЕЛТА/. Министр ...",
    "WASHINGTON, Dec. 3 (Reuters) – The ...", "Madrid, 23 de julio de 2016. El ...", "ASTANA. KAZINFORM The ...",
    "Ottawa - Foreign Affairs Minister ...": a place and a date, an agency in slashes or brackets, or an ALL-CAPS
    place and agency, closed by a full stop or a dash. 0 when the lead starts with its own words."""
    head = text[:WIRE_PREFIX_CHARS]
    agency = _AGENCY.search(head)
    if agency and _is_place_and_date(head[: agency.start()], language, closed=True):
        end = agency.end() + _AFTER_AGENCY.match(head[agency.end() :]).end()
        return end if end < len(text) and (text[end : end + 1].isalpha() or text[end : end + 1] in "\"“«„'") else 0
    caps = re.match(r"^((?:[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+[.,]?\s+){1,3})(?=[A-ZА-ЯЁ][a-zа-яё])", head)
    if caps and re.search(r"[A-ZА-ЯЁ]{2}[.,]\s+[A-ZА-ЯЁ]{2}", caps.group(1)):
        return caps.end()  # "ASTANA. KAZINFORM Ministry ...": place and agency in capitals
    spans = [(d.start, d.end - head[d.end - 1 : d.end].count(".")) for d in dates.find_dates(head, language)]
    for m in _WIRE_SEPARATOR.finditer(head):
        if m.start() == 0:
            return 0
        if any(start <= m.start() < end for start, end in spans):
            continue  # inside a date ("23 de julio de 2016", "10 марта")
        separator = m.group(0).strip()
        prefix = head[: m.start()]
        if separator == "":
            return 0  # a word in lower case: the sentence began before any separator
        if separator in ".:" and _ABBREVIATED.search(prefix):
            continue
        dash = separator not in ".:"
        if _is_place_and_date(prefix, language, closed=dash):
            return m.end()
        if not _is_place_and_date(prefix, language, closed=True):
            return 0  # not a place: the text itself
    return 0


def is_wire_dateline(text: str, language: str | None = None) -> bool:
    """A paragraph that is a wire dateline and nothing more: "Hamburg (ots)", "МОСКВА /ТАСС/", "30 ноября, Минск"."""
    s = text.strip().rstrip(".:-–— ")
    agency = _AGENCY.search(s)
    if agency and agency.end() == len(s):
        return _is_place_and_date(s[: agency.start()], language, closed=True)
    return (
        len(s) <= WIRE_PREFIX_CHARS
        and bool(dates.find_dates(s, language))
        and _is_place_and_date(s, language, closed=False)
        and not ends_sentence(text.strip()[:-1] or "x")
    )


def _is_place_and_date(prefix: str, language: str | None, closed: bool) -> bool:
    """`prefix` is a place, a date or both ("30 ноября, Минск", "Bishkek, June 9, 2023.", "WASHINGTON, D.C.",
    "Beijing, China"): at most a few capitalised words besides the date. A place alone counts only before a
    dash or an agency (`closed`), or in capitals."""
    rest = prefix.strip().rstrip(".,:")
    if not rest:
        return closed
    found = dates.find_dates(rest, language)
    if found:
        rest = rest[: found[0].start] + " " + rest[found[0].end :]
    rest = clock.strip_times(rest)
    place = [w for w in re.split(r"[\s,./]+", rest) if w]
    if len(place) > WIRE_PLACE_WORDS:
        return False
    if not all(w[0].isupper() and w.lower() not in function_words() for w in place):
        return False
    return bool(found) or closed or (bool(place) and all(w.isupper() for w in place))


_FIRST_NUMBER = re.compile(r"^\s*(?:1[.)]|\(1\)|I\.)\s+(?=[^\W\d_])")


_BULLET_MARK = re.compile(r"^\s*[•▪●◦‣·\-–—*]\s+(?=\S)")


def paragraph_number_length(text: str) -> int:
    """The "1. " that opens a release whose paragraphs are numbered ("1. On February 24, ..."), or the bullet
    of one that opens with a list of highlights ("• Affordable housing starts up ..."), else 0."""
    m = _FIRST_NUMBER.match(text) or _BULLET_MARK.match(text)
    return m.end() if m else 0


THIN_WORDS = 6


HEADING_CHARS = 100


_CLAUSE_CLOSE = re.compile(r"[.!?…:;,–—][\"'»”’)\]]*$")


def is_thin(text: str) -> bool:
    """A paragraph too slight to be a lead alone: a place line ("Москва."), an address ("Ladies and
    gentlemen,"), an introduction ("Из ответов на вопросы СМИ:"), a subtitle or section heading (short and
    unpunctuated: "О ситуации в Сирии")."""
    s = text.rstrip()
    return (
        len(s.split()) < THIN_WORDS
        or s.endswith((":", ",", "–", "—"))
        or (len(s) <= HEADING_CHARS and not _CLAUSE_CLOSE.search(s))
    )


DECK_MAX_CHARS = 160

_BULLET = re.compile(r"^\s*[•▪●◦‣·-]\s+")


def is_deck(text: str) -> bool:
    """A standfirst or a highlight set between the title and the text, not its first paragraph: a line of some
    words without closing punctuation ("Bundespolizei Freilassing stellt Pistole und 500 Patronen sicher"), or a
    bulleted one ("• Tendrá lugar a las 16:30 horas en el Ministerio de Sanidad")."""
    s = text.strip()
    return (THIN_WORDS <= len(s.split()) and len(s) <= DECK_MAX_CHARS
            and (not _CLAUSE_CLOSE.search(s) or bool(_BULLET.match(s))))
