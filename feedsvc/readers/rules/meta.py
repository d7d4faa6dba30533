"""Rules for the metadata under a title: bylines, name lines, datelines, "Posted on" segments, fields, captions."""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import clock, datelines, dates, vocabulary
from feedsvc.readers.rules.head import is_label, is_letterhead, may_be_letterhead
from feedsvc.readers.rules.words import WORD, content_words, ends_sentence, function_words, words_of

BYLINE_MAX_WORDS = 15


@cache
def _byline_start() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('bylines')})\s*(?::|\s+(?=[\w«\"“(]))", re.IGNORECASE)


def is_byline(text: str) -> bool:
    """A byline or a source line under a title: "From: Foreign, Commonwealth & Development Office",
    "By the Office of the Spokesperson", "Источник: МИД России", "Published 14 September 2024"."""
    s = text.strip()
    if len(s) > 200 or len(words_of(s)) > BYLINE_MAX_WORDS:
        return False
    m = _byline_start().match(s)
    if not m:
        return False
    rest = s[m.end() :]
    return not ends_sentence(rest) or len(words_of(rest)) <= 8


NAME_LINE_MAX_WORDS = 6


def is_name_line(text: str) -> bool:
    """A short line of names, as a byline sets them under a title: "John Kerry", "Secretary of State",
    "Washington, DC": every word capitalised (prepositions and articles aside), no sentence."""
    s = text.strip()
    found = WORD.findall(s)
    if not found or len(found) > NAME_LINE_MAX_WORDS or ends_sentence(s) or s.endswith(":"):
        return False
    return all(w[0].isupper() or w.lower() in function_words() for w in found)


def is_byline_line(text: str) -> bool:
    """A byline that can only stand on a line of its own: capitalised, its first word followed by a colon
    ("From: HM Treasury", "Published: 27 October 2016"); running text never looks so."""
    s = text.strip()
    return s[:1].isupper() and ":" in s[:24] and bool(re.match(r"^\W*[^\W\d_][\w\s]{0,20}?:", s)) and is_byline(s)


_SEGMENT = re.compile(r"\s+[—–|·•]\s+|\s*\|\s*")


def dateline_in(text: str) -> dates.DateMatch | None:
    """A dateline that a letterhead or byline line carries as one of its parts: "Ministry of Foreign Affairs Press
    Office — Warsaw, 14 November 2017", "Press release · Home Office · 8 January 2026"."""
    for segment in _SEGMENT.split(text):
        if re.search(r"\d", segment):
            found = datelines.parse_dateline(segment)
            if found is not None and found.year is not None:
                return found
    if is_byline(text) or is_source_line(text) or re.search(_POSTED, text, re.IGNORECASE):
        # "Ministry of Foreign Affairs of Ukraine, posted 09 October 2022 08:53"
        found = next((d for d in dates.find_dates(text) if d.year is not None), None)
        if found is not None:
            hm = clock.find_time(text[found.end :])
            return dates.DateMatch(
                found.start, found.end, found.year, found.month, found.day, *(hm if hm else (None, None, None))
            )
    return None


_POSTED = r"\b(?:posted|published|updated|publié|publicado|veröffentlicht|опубликовано|опубліковано)\b"


_META_SEGMENT = re.compile(r"\s+[·•|]\s+")


SEGMENT_MAX_WORDS = 8


def is_segmented_meta(text: str) -> bool:
    """A line of metadata in parts set apart by dots or bars: "Press release · Home Office · 8 January 2026",
    "Département de l'information • Service des informations • New York": every part short, none a sentence,
    and one a date or a label, or all of them what a letterhead is made of (with bars, one surely a letterhead)."""
    parts = _META_SEGMENT.split(text.strip())
    if len(parts) < 2 or any(not p or ends_sentence(p) or len(words_of(p)) > SEGMENT_MAX_WORDS for p in parts):
        return False
    if any(is_label(p) or datelines.parse_dateline(p) for p in parts):
        return True
    if not all(may_be_letterhead(p) for p in parts):
        return False
    # A bar also joins a headline to its section or site ("Kriminalitätsstatistik 2021 | Das Polizeipräsidium lädt
    # ein"): such a line is metadata only when a part surely names the publisher. Dots and bullets set metadata.
    return "|" not in text or any(is_letterhead(p) for p in parts)


NAME_STACK_MAX_WORDS = 12


def is_name_stack(text: str) -> bool:
    """Lines of names run together, as a byline above the text comes out of a layout: "Hillary Rodham Clinton
    Secretary of State Washington, DC": every word capitalised, no sentence, no colon."""
    s = text.strip()
    found = WORD.findall(s)
    if not found or len(found) > NAME_STACK_MAX_WORDS or ends_sentence(s) or ":" in s:
        return False
    return sum(1 for w in found if w.lower() not in function_words()) >= 2 and all(
        w[0].isupper() or w.lower() in function_words() for w in found
    )


FIELD_NAME_WORDS = 3


FIELD_VALUE_WORDS = 8


_FIELD = re.compile(r"^\W*([^\W\d_][^:]{0,30}?):\s*(\S.*)$")


def is_field_line(text: str) -> bool:
    """A "name: value" line of a page's metadata, the value short, with a number or a date in it: "Last updated:
    07 Dec. 2010 15:33", "Laufende Nr.: 280", "Zeit: 31.12.2023, ab 18:00 Uhr; Ort: Hamburger Stadtgebiet."; never
    a speaker's words ("Mayor: Good afternoon.")."""
    m = _FIELD.match(text.strip())
    if not m or len(words_of(m.group(1))) > FIELD_NAME_WORDS:
        return False
    value = m.group(2)
    return len(value.split()) <= FIELD_VALUE_WORDS and bool(re.search(r"\d", value))


CAPTION_WORDS = 3  # content words


def is_caption(text: str) -> bool:
    """A few words without any punctuation at the top of the text: a rubric, a field's name, a caption
    ("Conference programme", "Date of the Document"); never the lead, which is a sentence, nor a topic heading
    of a briefing, which names its topic in more words."""
    s = text.strip()
    return 0 < len(content_words(s)) <= CAPTION_WORDS and not re.search(r"[.!?…:;,–—][\"'»”’)\]]*$", s)


SOURCE_LINE_MAX_WORDS = 10


RUBRIC_WORDS = 3


def is_source_line(text: str, language: str | None = None) -> bool:
    """A publisher's name with a date, under a title: "Türkiye Cumhuriyeti Dışişleri Bakanlığı 22.03.2019",
    "Ministry of Foreign Affairs, 5 April 2022 10:15". Not a sentence: no closing full stop, few words, each
    starting with a capital letter."""
    s = text.strip()
    if ends_sentence(s) or len(s) > 160:
        return False
    found = dates.find_dates(s, language)
    if not found:
        return False
    rest = s[: found[0].start] + " " + s[found[0].end :]
    rest = clock.strip_times(rest)
    names = [w for w in WORD.findall(rest) if w.lower() not in function_words()]
    if len(names) > SOURCE_LINE_MAX_WORDS:
        return False
    if len(names) <= RUBRIC_WORDS and found[0].year is not None:
        return True  # a rubric with its date: "Пленарное заседание (25.06.2024)"
    return all(w[0].isupper() or w.lower() in vocabulary.words("dateline_fillers") for w in names)


@cache
def _subtitle_mark() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('subtitle_marks')})\.?\s*:\s*(?=\S)", re.IGNORECASE)


def is_marked_subtitle(text: str) -> bool:
    """A subtitle that says it is one: "Utl.: Auch Österreicher unter den Opfern" (an OTS wire's Untertitel),
    "Subtitle: Ministers agree on the next steps". It is text below a title, never the title."""
    return _subtitle_mark().match(text) is not None
