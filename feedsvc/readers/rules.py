"""Named rules that say what one block of a release is: a letterhead, a label, a byline, a lead-in, a contact...

Each rule is one function over a block's text, with an example in its docstring and its thresholds named beside
it; the vocabulary it relies on lives in `vocabulary/` (one table per language). `structure.py` runs them in order
over a release's blocks.
"""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import dates, vocabulary

_WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'»”’)\]]*$")  # not "…": a title cut short ends so
_QUOTES_OPEN = "\"“„«‘'‹"
_QUOTES_CLOSE = "\"”“»’'›"


def words_of(text: str) -> list[str]:
    """The words of `text`, lower case, with apostrophes and inner hyphens and dots kept ("gov.uk", "people's")."""
    return [w.lower().rstrip(".-") for w in _WORD.findall(text)]


def ends_sentence(text: str) -> bool:
    """The text closes with a full stop, a question or an exclamation mark (quotes and brackets after it allowed)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def _function_words() -> frozenset[str]:
    return vocabulary.words("open_endings")


def content_words(text: str) -> list[str]:
    """Words that carry meaning: prepositions, articles and conjunctions of every language left out."""
    function = _function_words()
    return [w for w in words_of(text) if w not in function and len(w) > 1]


# --- labels ---------------------------------------------------------------------------------------------------

_NUMBER_MARK = r"(?:no|nr|n[°º]|№|#|núm|número|nummer|ref|réf)\.?\s*[:.]?\s*"
_NUMBER = r"[(\[]?[\w/.\-]*\d[\w/.\-()\]]*(?:\s+\d[\w/.\-]*)?"  # "123", "SG/SM/19144", "(2015) 019", "JS-4151"


@cache
def _label_line() -> re.Pattern:
    labels = vocabulary.phrase_pattern("labels")
    return re.compile(
        rf"^\W*(?:(?:{labels})(?:\s*[-–—:,.]?\s*(?:{_NUMBER_MARK})?{_NUMBER})?(?:\s*[-–—:,]\s*(?:{labels}))?"
        rf"|{_NUMBER_MARK}{_NUMBER})\W*$",
        re.IGNORECASE,
    )


_REFERENCE = re.compile(r"^\W*[A-ZА-Я]{1,6}[-/ ]?\d[\w/.\-]*\W*$")  # "JS-4151", "SG/SM/19144", "MAA0001"


def is_label(text: str) -> bool:
    """A line that names the kind of document, maybe with its number: "PRESS RELEASE", "Nota à imprensa nº 112",
    "COMUNICADO 299", "No: 226", "For immediate release"; or a bare reference number ("JS-4151")."""
    return len(text) <= 80 and bool(_label_line().match(plain_quotes(text)) or _REFERENCE.match(text))


def plain_quotes(text: str) -> str:
    """Typographic apostrophes as the vocabulary writes them ("d’information" as "d'information")."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")


@cache
def _label_phrases() -> re.Pattern:
    return re.compile(vocabulary.phrase_pattern("labels"), re.IGNORECASE)


def without_labels(text: str) -> str:
    """The line with its label words taken out: "For Immediate Release August 19, 2011" gives "August 19, 2011"."""
    if not set(words_of(plain_quotes(text))) & vocabulary.first_words("labels"):
        return text
    return _label_phrases().sub(" ", plain_quotes(text)).strip(" -–—:|,")


def is_document_name(text: str) -> bool:
    """A label that names the document itself and may head it when it has no other title ("Заявление",
    "Joint statement", "Communiqué"), unlike a notice about its release ("Press release", "For immediate
    release")."""
    return is_label(text) and not _NOTICE.search(text) and not re.search(r"\d", text)


_NOTICE = re.compile(r"releas|relea|релиз|реліз|immediate|advisory|mitteilung|presse|prensa|imprensa|stampa|news|"
                     r"новост|новин|для\s+сми|translation|перевод|переклад", re.IGNORECASE)


# --- letterheads --------------------------------------------------------------------------------------------------

LETTERHEAD_MAX_WORDS = 8  # content words (prepositions and articles not counted)
LETTERHEAD_MAX_CHARS = 110
LETTERHEAD_SHARE = 0.5  # of its content words, at least this share name an organisation or a country...
LETTERHEAD_SHARE_LONG = 0.75  # ...or this share, when it has more than LETTERHEAD_SHORT content words
LETTERHEAD_SHORT = 4
CAPS_MASTHEAD_WORDS = 3  # an ALL-CAPS line of at most this many words is a masthead ("HELLENIC REPUBLIC", "БЕЛТА")
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?$", re.IGNORECASE)


@cache
def _country_words() -> frozenset[str]:
    """The words of every country and territory name in the languages read here (CLDR, through Babel)."""
    from babel import Locale

    found: set[str] = set()
    for code in (*vocabulary.tables(), "tr", "el"):
        try:
            names = Locale.parse(code).territories.values()
        except (ValueError, LookupError):
            continue
        for name in names:
            found.update(w for w in words_of(name) if len(w) > 2)
    return frozenset(found - _GENERIC_PLACE_WORDS)


# Words of multi-word country names that say nothing about a country on their own ("New" of New Zealand).
_GENERIC_PLACE_WORDS = frozenset(
    "new old north south east west northern southern eastern western central upper lower great little united "
    "states state islands island isles outlying minor saint san santa sint and the former federated occupied "
    "territory territories democratic republic people's peoples sar region world unknown pacific atlantic "
    "indian ocean british french american dutch virgin heard mcdonald sandwich".split())


@cache
def _label_words() -> frozenset[str]:
    """Words that name a kind of document ("statement", "заявление") and never an organisation."""
    return frozenset(w for label in vocabulary.words("labels") for w in words_of(label)) - vocabulary.words(
        "organisations") - vocabulary.words("open_endings")


def is_domain(text: str) -> bool:
    """A bare web address standing as a line: "GOV.UK", "www.mfa.gov.tr", "mid.ru"."""
    return bool(_DOMAIN.match(text.strip())) and not text.strip()[-1:].isdigit()


ADDRESS_MAX_WORDS = 8
_POSTCODE = re.compile(
    r"(?<![\w.,])(?:[A-Z]{1,2}-?\d{4,5}|\d{4,6}|\d{3}\s\d{2}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\w.,])")


@cache
def _street_words() -> re.Pattern:
    return re.compile(r"(?:straße|strasse|str\.|platz|allee|gasse|street|avenue|road|square|place|rue|boulevard|"
                      r"calle|avenida|plaza|rua|praça|via|piazza|viale|ул\.|улица|пл\.|площадь|проспект|пер\.|"
                      r"вул\.|вулиця)", re.IGNORECASE)


def is_address(text: str) -> bool:
    """A postal address line of a letterhead: "Dorotheenstraße 84, 10117 Berlin", "Minoritenplatz 8, A-1014
    Wien", "NEW YORK, NY 10007", "Смоленская-Сенная пл., 32/34"."""
    s = text.strip()
    if ends_sentence(s) and not s.endswith(".") or len(words_of(s)) > ADDRESS_MAX_WORDS or not re.search(r"\d", s):
        return False
    for found in reversed(dates.find_dates(s)):  # "5 April 2022": a year is no postcode
        s = s[:found.start] + " " + s[found.end:]
    return any(_is_postcode(s, m) for m in _POSTCODE.finditer(s)) or bool(_street_words().search(s))


def _is_postcode(line: str, m: re.Match) -> bool:
    """A postcode where addresses put one: before a town ("10117 Berlin", "A-1014 Wien"), after a state ("NY
    10007"), or a British one; never a year ("NHS in Scotland 2016") or a reference number ("221230-1")."""
    code = m.group(0)
    if re.fullmatch(r"(?:19|20)\d\d", code) or line[m.end():m.end() + 1] in ("-", "/"):
        return False
    after, before = line[m.end():].lstrip(), line[:m.start()].rstrip()
    return (not code.isdigit() and " " in code) or after[:1].isupper() or bool(re.search(r"\b[A-Z]{2}$", before))


_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_PRINT_STAMP = re.compile(r"^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d\d(?:\s*[AP]M)?(?:\s+\S|\s*$)",
                          re.IGNORECASE)


def is_print_header(text: str) -> bool:
    """The line a browser prints above a page: its date and time, then the page's title ("6/7/22, 10:42 AM
    Governor Newsom Statement on ... | Governor…")."""
    return bool(_PRINT_STAMP.match(text))


def is_url(text: str) -> bool:
    """A web address alone on a line, as a browser prints it above a page: "https://www.vlada.cz/en/..."."""
    return bool(_URL.match(text))


def is_letterhead(text: str, small_type: bool = False) -> bool:
    """A line of a letterhead or masthead: who publishes, not what: "REPUBLIC OF TÜRKİYE", "Auswärtiges Amt",
    "Ministério das Relações Exteriores", "Press Office", "GOV.UK", "БЕЛТА".

    Short, with no closing full stop, and either set in smaller type than the text, a web address, an ALL-CAPS
    line of a few words, or made mostly of the words organisations and countries are named with.
    """
    s = text.strip()
    if not s or len(s) > LETTERHEAD_MAX_CHARS * (2 if _EMAIL_OR_PHONE.search(s) else 1) or (
            ends_sentence(s) and not is_domain(s)):
        return False
    all_words = words_of(s)
    if not all_words or len(content_words(s)) > LETTERHEAD_MAX_WORDS and not _EMAIL_OR_PHONE.search(s):
        return False
    if small_type or is_domain(s) or is_address(s):
        return True
    if _EMAIL_OR_PHONE.search(s) and not ends_sentence(s):
        return True  # the press office's telephone or e-mail in the letterhead
    letters = "".join(_LETTERS.findall(s))
    if letters.isupper() and len(all_words) <= CAPS_MASTHEAD_WORDS:
        return True
    meaning = content_words(s)
    if not meaning or any(w in _label_words() for w in meaning):
        return False  # "Заявление МИД", "Statement by the Ministry": what the document is, so a title
    share = sum(1 for w in meaning if _names_organisation(w)) / len(meaning)
    return share >= (LETTERHEAD_SHARE if len(meaning) <= LETTERHEAD_SHORT else LETTERHEAD_SHARE_LONG)


STEM = 7  # words this long or longer match a vocabulary word by their first STEM letters ("auswärtige"/"-s")


@cache
def _organisation_stems() -> frozenset[str]:
    known = vocabulary.words("organisations") | _country_words()
    return frozenset(w[:STEM] for w in known if len(w) >= STEM)


def _names_organisation(word: str) -> bool:
    """The word is one organisations or countries are named with, in any inflection the vocabulary's stem
    covers ("auswärtige", "auswärtigen", "auswärtiges")."""
    if word in vocabulary.words("organisations") or word in _country_words():
        return True
    return len(word) >= STEM and word[:STEM] in _organisation_stems()


MASTHEAD_WORDS = 3  # content words of a masthead line (a name, a service, a motto) above a longer headline


def is_masthead(text: str) -> bool:
    """A short line that may name a site, a service or a motto rather than a release ("Diplomacy in Action",
    "Servizio Stampa e Informazione"): a masthead when a longer headline follows it. A line that names a kind of
    document ("STATEMENT BY THE MINISTRY") is no masthead."""
    s = text.strip()
    meaning = content_words(s)
    if not meaning or ends_sentence(s) or any(w in _label_words() for w in meaning):
        return False
    return len(meaning) <= MASTHEAD_WORDS


ATTRIBUTION_WORDS = 6


@cache
def _attribution() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('attributions')})\s+\S", re.IGNORECASE)


def is_attribution_heading(text: str) -> bool:
    """A short heading that names who speaks rather than what about: "STATEMENT BY SECRETARY CLINTON",
    "Déclaration du porte-parole", "Заявление официального представителя МИД"."""
    s = text.strip()
    return (len(words_of(s)) <= ATTRIBUTION_WORDS and not ends_sentence(s) and not s.endswith(":")
            and bool(_attribution().match(plain_quotes(s))))


WEAK_LETTERHEAD_WORDS = 4
WEAK_LETTERHEAD_SHARE = 0.3


def may_be_letterhead(text: str) -> bool:
    """A line that could be a letterhead where the layout says one stands (above a label or a dateline that a
    title follows): a letterhead, an ALL-CAPS line, or a short or organisation-heavy line that names no kind of
    document ("UNHCR The UN Refugee Agency", "An Roinn Gnóthaí Eachtracha agus Trádála Department of Foreign
    Affairs and Trade"), never a sentence."""
    s = text.strip()
    if is_letterhead(s):
        return True
    meaning = content_words(s)
    if not meaning or ends_sentence(s) or any(w in _label_words() for w in meaning):
        return False
    share = sum(1 for w in meaning if _names_organisation(w)) / len(meaning)
    letters = "".join(_LETTERS.findall(s))
    return (len(meaning) <= WEAK_LETTERHEAD_WORDS or share >= WEAK_LETTERHEAD_SHARE
            or (letters.isupper() and len(meaning) <= LETTERHEAD_MAX_WORDS))


# --- metadata lines -----------------------------------------------------------------------------------------------

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
    rest = s[m.end():]
    return not ends_sentence(rest) or len(words_of(rest)) <= 8


NAME_LINE_MAX_WORDS = 6


def is_name_line(text: str) -> bool:
    """A short line of names, as a byline sets them under a title: "John Kerry", "Secretary of State",
    "Washington, DC": every word capitalised (prepositions and articles aside), no sentence."""
    s = text.strip()
    found = _WORD.findall(s)
    if not found or len(found) > NAME_LINE_MAX_WORDS or ends_sentence(s) or s.endswith(":"):
        return False
    return all(w[0].isupper() or w.lower() in _function_words() for w in found)


def is_byline_line(text: str) -> bool:
    """A byline that can only stand on a line of its own: capitalised, its first word followed by a colon
    ("From: HM Treasury", "Published: 27 October 2016"); running text never looks so."""
    s = text.strip()
    return (s[:1].isupper() and ":" in s[:24] and bool(re.match(r"^\W*[^\W\d_][\w\s]{0,20}?:", s))
            and is_byline(s))


_SEGMENT = re.compile(r"\s+[—–|·•]\s+|\s*\|\s*")


def dateline_in(text: str) -> dates.DateMatch | None:
    """A dateline that a letterhead or byline line carries as one of its parts: "Ministry of Foreign Affairs Press
    Office — Warsaw, 14 November 2017", "Press release · Home Office · 8 January 2026"."""
    for segment in _SEGMENT.split(text):
        if re.search(r"\d", segment):
            found = dates.parse_dateline(segment)
            if found is not None and found.year is not None:
                return found
    if is_byline(text) or is_source_line(text) or re.search(_POSTED, text, re.IGNORECASE):
        # "Ministry of Foreign Affairs of Ukraine, posted 09 October 2022 08:53"
        found = next((d for d in dates.find_dates(text) if d.year is not None), None)
        if found is not None:
            hm = dates.find_time(text[found.end:])
            return dates.DateMatch(found.start, found.end, found.year, found.month, found.day,
                                   *(hm if hm else (None, None, None)))
    return None


_POSTED = r"\b(?:posted|published|updated|publié|publicado|veröffentlicht|опубликовано|опубліковано)\b"


_META_SEGMENT = re.compile(r"\s+[·•|]\s+")
SEGMENT_MAX_WORDS = 8


def is_segmented_meta(text: str) -> bool:
    """A line of metadata in parts set apart by dots or bars: "Press release · Home Office · 8 January 2026",
    "Département de l'information • Service des informations • New York": every part short, none a sentence,
    and one a date or a label, or all of them what a letterhead is made of."""
    parts = _META_SEGMENT.split(text.strip())
    if len(parts) < 2 or any(not p or ends_sentence(p) or len(words_of(p)) > SEGMENT_MAX_WORDS for p in parts):
        return False
    if any(is_label(p) or dates.parse_dateline(p) for p in parts):
        return True
    return all(may_be_letterhead(p) for p in parts)


NAME_STACK_MAX_WORDS = 12


def is_name_stack(text: str) -> bool:
    """Lines of names run together, as a byline above the text comes out of a layout: "Hillary Rodham Clinton
    Secretary of State Washington, DC": every word capitalised, no sentence, no colon."""
    s = text.strip()
    found = _WORD.findall(s)
    if not found or len(found) > NAME_STACK_MAX_WORDS or ends_sentence(s) or ":" in s:
        return False
    return sum(1 for w in found if w.lower() not in _function_words()) >= 2 and all(
        w[0].isupper() or w.lower() in _function_words() for w in found)


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
    rest = s[:found[0].start] + " " + s[found[0].end:]
    rest = dates.strip_times(rest)
    names = [w for w in _WORD.findall(rest) if w.lower() not in _function_words()]
    if len(names) > SOURCE_LINE_MAX_WORDS:
        return False
    if len(names) <= RUBRIC_WORDS and found[0].year is not None:
        return True  # a rubric with its date: "Пленарное заседание (25.06.2024)"
    return all(w[0].isupper() or w.lower() in vocabulary.words("dateline_fillers") for w in names)


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
    if not s or s[0] not in _QUOTES_OPEN or len(words_of(s)) > PULL_QUOTE_MAX_WORDS:
        return False
    close = max(s.rfind(q) for q in _QUOTES_CLOSE)
    if close <= 0:
        return False
    return close == len(s) - 1 or bool(_ATTRIBUTION.match(s[close + 1:]))


# --- the start of the lead ---------------------------------------------------------------------------------------

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
    if agency and _is_place_and_date(head[:agency.start()], language, closed=True):
        end = agency.end() + _AFTER_AGENCY.match(head[agency.end():]).end()
        return end if end < len(text) and (text[end:end + 1].isalpha() or text[end:end + 1] in "\"“«„'") else 0
    caps = re.match(r"^((?:[A-ZА-ЯЁ][A-ZА-ЯЁ\-]+[.,]?\s+){1,3})(?=[A-ZА-ЯЁ][a-zа-яё])", head)
    if caps and re.search(r"[A-ZА-ЯЁ]{2}[.,]\s+[A-ZА-ЯЁ]{2}", caps.group(1)):
        return caps.end()  # "ASTANA. KAZINFORM Ministry ...": place and agency in capitals
    spans = [(d.start, d.end - head[d.end - 1:d.end].count(".")) for d in dates.find_dates(head, language)]
    for m in _WIRE_SEPARATOR.finditer(head):
        if m.start() == 0:
            return 0
        if any(start <= m.start() < end for start, end in spans):
            continue  # inside a date ("23 de julio de 2016", "10 марта")
        separator = m.group(0).strip()
        prefix = head[:m.start()]
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
        return _is_place_and_date(s[:agency.start()], language, closed=True)
    return len(s) <= WIRE_PREFIX_CHARS and bool(dates.find_dates(s, language)) and \
        _is_place_and_date(s, language, closed=False) and not ends_sentence(text.strip()[:-1] or "x")


def _is_place_and_date(prefix: str, language: str | None, closed: bool) -> bool:
    """`prefix` is a place, a date or both ("30 ноября, Минск", "Bishkek, June 9, 2023.", "WASHINGTON, D.C.",
    "Beijing, China"): at most a few capitalised words besides the date. A place alone counts only before a
    dash or an agency (`closed`), or in capitals."""
    rest = prefix.strip().rstrip(".,:")
    if not rest:
        return closed
    found = dates.find_dates(rest, language)
    if found:
        rest = rest[:found[0].start] + " " + rest[found[0].end:]
    rest = dates.strip_times(rest)
    place = [w for w in re.split(r"[\s,./]+", rest) if w]
    if len(place) > WIRE_PLACE_WORDS:
        return False
    if not all(w[0].isupper() and w.lower() not in _function_words() for w in place):
        return False
    return bool(found) or closed or (bool(place) and all(w.isupper() for w in place))


_FIRST_NUMBER = re.compile(r"^\s*(?:1[.)]|\(1\)|I\.)\s+(?=[^\W\d_])")
_BULLET_MARK = re.compile(r"^\s*[•▪●◦‣·\-–—*]\s+(?=\S)")


def paragraph_number_length(text: str) -> int:
    """The "1. " that opens a release whose paragraphs are numbered ("1. On February 24, ..."), or the bullet
    of one that opens with a list of highlights ("• Affordable housing starts up ..."), else 0."""
    m = _FIRST_NUMBER.match(text) or _BULLET_MARK.match(text)
    return m.end() if m else 0


# --- the page's frame ---------------------------------------------------------------------------------------------

CHROME_SHARE = 0.6


@cache
def _language_names() -> frozenset[str]:
    """Languages by their own names ("English", "Русский", "Català"): the words of a language switcher."""
    from babel import Locale
    from babel.localedata import locale_identifiers

    found = set()
    for code in locale_identifiers():
        if "_" in code:
            continue
        try:
            name = Locale.parse(code).get_display_name(code)
        except (ValueError, LookupError):
            continue
        if name:
            found.add(name.lower())
    return frozenset(found)


BREADCRUMB_PARTS = (2, 6)
_CRUMB_SEPARATOR = re.compile(r"\s+(?:[>/|»›→—–]|::)\s+")


_KEYWORD_PATH = re.compile(r"^[^\W\d_][\w\-]*(?:/[^\W\d_][\w\-]*){2,}$")  # "Außenpolitik/Terrorismus/Russland"


def is_breadcrumb(text: str) -> bool:
    """A trail of short page names: "Home > News > Statements", "Country files — Egypt — Events",
    "Außenpolitik/Terrorismus/Russland"."""
    if _KEYWORD_PATH.match(text.strip()):
        return True
    parts = _CRUMB_SEPARATOR.split(text.strip())
    low, high = BREADCRUMB_PARTS
    return low <= len(parts) <= high and all(0 < len(words_of(p)) <= 4 and not ends_sentence(p) for p in parts)


@cache
def _frame_words() -> frozenset[str]:
    """Single-word entries of the frame vocabulary, and language names."""
    return frozenset(w for w in vocabulary.words("chrome") if " " not in w) | _language_names()


@cache
def _frame_phrase_starts() -> frozenset[str]:
    return frozenset(w.split()[0] for w in vocabulary.words("chrome") if " " in w)


@cache
def _frame_phrases() -> re.Pattern:
    """Multi-word entries of the frame vocabulary ("decrease font size", "back to top"), matched whole."""
    phrases = sorted((w for w in vocabulary.words("chrome") if " " in w), key=len, reverse=True)
    return re.compile("|".join(vocabulary.bounded(p) for p in phrases), re.IGNORECASE)


def is_chrome(text: str) -> bool:
    """A line of a web page's frame: "Home / News / Statements", "Share: Facebook X LinkedIn",
    "Español English Français Català": mostly the words of navigation, sharing and language switchers."""
    s = text.strip()
    if is_breadcrumb(s) and (len(_CRUMB_SEPARATOR.findall(s)) >= 2 or _KEYWORD_PATH.match(s)):
        return True
    all_words = words_of(s)
    if not all_words or len(all_words) > 15 or ends_sentence(s) and len(all_words) > 3:
        return False
    rest = _frame_phrases().sub(" ", s) if set(all_words) & _frame_phrase_starts() else s
    known = len(all_words) - len(words_of(rest)) + sum(1 for w in words_of(rest) if w in _frame_words())
    return known / len(all_words) >= CHROME_SHARE


# --- the end of the text ------------------------------------------------------------------------------------------

_END_MARK = re.compile(r"^(?:#(?:\s*#){2,}|\*(?:\s*\*){2,}|-30-|[-–—]\s*\d+\s*[-–—])$")


@cache
def _closing() -> re.Pattern:
    closings = vocabulary.phrase_pattern("closings")
    notes = vocabulary.phrase_pattern("notes")
    return re.compile(rf"^(?:#(?:\s*#){{2,}}|-30-|[-–—\s]*(?:{closings})[-–—\s.]*|(?:{notes})\W*)$", re.IGNORECASE)


def is_end_mark(text: str) -> bool:
    """A mark that may close a text or break it into sections: "###", "* * *", "-30-"."""
    return bool(_END_MARK.match(text.strip()))


def is_closing(text: str) -> bool:
    """A line after which the release is over: "ENDS", "-30-", "###", "Notes to editors", "Примечание для
    редакций"; what follows is for journalists, not readers."""
    return bool(_closing().match(text.strip()))


CONTACT_MAX_CHARS = 300
CONTACT_DATA_MAX_CHARS = 160
CONTACT_DATA_MAX_WORDS = 6
_EMAIL_OR_PHONE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s()\-]{6,}\d")
_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


@cache
def _contact_label() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('contact_labels')})\s*:", re.IGNORECASE)


@cache
def _contact_label_bare() -> re.Pattern:
    return re.compile(rf"^\W*(?:{vocabulary.phrase_pattern('contact_labels')})\b", re.IGNORECASE)


def is_contact(text: str) -> bool:
    """A press-contact paragraph at the end ("Press contact: Anna Petrova, +7 495 000 00 00", an e-mail address
    with a name): contact data, not text."""
    if len(text) > CONTACT_MAX_CHARS:
        return False
    if _contact_label().match(text):
        return True
    if len(text) > CONTACT_DATA_MAX_CHARS or not _EMAIL_OR_PHONE.search(text) or ends_sentence(text):
        return False
    return len(_LETTER_WORDS.findall(_EMAIL_OR_PHONE.sub(" ", text))) <= CONTACT_DATA_MAX_WORDS


def is_contact_label_row(text: str) -> bool:
    """The label row of a contact table ("Press contact | Anna Petrova"), without a colon: contact data only when
    it stands right above other contact data."""
    return len(text) <= CONTACT_DATA_MAX_CHARS and bool(_contact_label_bare().match(text)) and not ends_sentence(text)


# --- leads ---------------------------------------------------------------------------------------------------------

THIN_WORDS = 6
HEADING_CHARS = 100
_CLAUSE_CLOSE = re.compile(r"[.!?…:;,–—][\"'»”’)\]]*$")


def is_thin(text: str) -> bool:
    """A paragraph too slight to be a lead alone: a place line ("Москва."), an address ("Ladies and
    gentlemen,"), an introduction ("Из ответов на вопросы СМИ:"), a subtitle or section heading (short and
    unpunctuated: "О ситуации в Сирии")."""
    s = text.rstrip()
    return (len(s.split()) < THIN_WORDS or s.endswith((":", ",", "–", "—"))
            or (len(s) <= HEADING_CHARS and not _CLAUSE_CLOSE.search(s)))


def has_letters(text: str, at_least: int = 1) -> bool:
    return len(_LETTERS.findall(text)) >= at_least
