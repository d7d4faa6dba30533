"""Rules for the head of a release: labels ("PRESS RELEASE No 12"), letterheads, mastheads, addresses, URLs."""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import dates, vocabulary
from feedsvc.readers.rules.frame import frame_words
from feedsvc.readers.rules.tail import EMAIL_OR_PHONE
from feedsvc.readers.rules.words import LETTERS, content_words, ends_sentence, plain_quotes, words_of

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


_NOTICE = re.compile(
    r"releas|relea|релиз|реліз|immediate|advisory|mitteilung|presse|prensa|imprensa|stampa|news|"
    r"новост|новин|для\s+сми|translation|перевод|переклад",
    re.IGNORECASE,
)


PUBLISHER_LABEL_MAX_WORDS = 10

_SPACED_DASH = re.compile(r"\s+[-–—]\s+")

_ACRONYM = re.compile(r"\b[A-ZА-ЯЁІЇЄ]{2,6}\b")


def is_publisher_label(text: str) -> bool:
    """A label beside the publisher it comes from, on one line: "Staatskanzlei - Pressemitteilung Nr.: 584/02",
    "Communiqué – décisions du Conseil d'Etat", or a notice run into the name: "Новости МЧС России", "Press
    release Ministry of Defence". The publisher must be an organisation, not only a place: "Syrie – Communiqué"
    stays a title."""
    s = plain_quotes(text.strip())
    if not s or ends_sentence(s) or len(words_of(s)) > PUBLISHER_LABEL_MAX_WORDS:
        return False
    parts = _SPACED_DASH.split(s)
    if len(parts) == 2:
        first, second = parts
        return (is_label(first) and _names_publisher(second)) or (is_label(second) and _names_publisher(first))
    notice = _label_phrases().match(s)
    rest = s[notice.end():].strip(" -–—:|,") if notice else ""
    return bool(notice and rest[:1].isupper() and _NOTICE.search(notice.group()) and is_letterhead(rest)
                and _names_publisher(rest))  # "Press release on the opening of ...": a title


def _names_publisher(text: str) -> bool:
    """Text that could head a letterhead and names an organisation: a word organisations are named with, or an
    acronym ("Staatskanzlei", "Conseil d'Etat", "МЧС России"), not a country alone."""
    return may_be_letterhead(text) and (
        any(w in vocabulary.words("organisations") for w in content_words(text)) or bool(_ACRONYM.search(text)))


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
    "indian ocean british french american dutch virgin heard mcdonald sandwich".split()
)


@cache
def _label_words() -> frozenset[str]:
    """Words that name a kind of document ("statement", "заявление") and never an organisation."""
    return (
        frozenset(w for label in vocabulary.words("labels") for w in words_of(label))
        - vocabulary.words("organisations")
        - vocabulary.words("open_endings")
    )


def is_domain(text: str) -> bool:
    """A bare web address standing as a line: "GOV.UK", "www.mfa.gov.tr", "mid.ru"."""
    return bool(_DOMAIN.match(text.strip())) and not text.strip()[-1:].isdigit()


ADDRESS_MAX_WORDS = 8


_POSTCODE = re.compile(
    r"(?<![\w.,])(?:[A-Z]{1,2}-?\d{4,5}|\d{4,6}|\d{3}\s\d{2}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})(?![\w.,])"
)


@cache
def _street_words() -> re.Pattern:
    return re.compile(
        r"(?:straße|strasse|str\.|platz|allee|gasse|street|avenue|road|square|place|rue|boulevard|"
        r"calle|avenida|plaza|rua|praça|via|piazza|viale|ул\.|улица|пл\.|площадь|проспект|пер\.|"
        r"вул\.|вулиця)",
        re.IGNORECASE,
    )


def is_address(text: str) -> bool:
    """A postal address line of a letterhead: "Dorotheenstraße 84, 10117 Berlin", "Minoritenplatz 8, A-1014
    Wien", "NEW YORK, NY 10007", "Смоленская-Сенная пл., 32/34"."""
    s = text.strip()
    if ends_sentence(s) and not s.endswith(".") or len(words_of(s)) > ADDRESS_MAX_WORDS or not re.search(r"\d", s):
        return False
    for found in reversed(dates.find_dates(s)):  # "5 April 2022": a year is no postcode
        s = s[: found.start] + " " + s[found.end :]
    return any(_is_postcode(s, m) for m in _POSTCODE.finditer(s)) or bool(_street_words().search(s))


def _is_postcode(line: str, m: re.Match) -> bool:
    """A postcode where addresses put one: before a town ("10117 Berlin", "A-1014 Wien"), after a state ("NY
    10007"), or a British one; never a year ("NHS in Scotland 2016") or a reference number ("221230-1")."""
    code = m.group(0)
    if re.fullmatch(r"(?:19|20)\d\d", code) or line[m.end() : m.end() + 1] in ("-", "/"):
        return False
    after, before = line[m.end() :].lstrip(), line[: m.start()].rstrip()
    return (not code.isdigit() and " " in code) or after[:1].isupper() or bool(re.search(r"\b[A-Z]{2}$", before))


_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)


_PRINT_STAMP = re.compile(
    r"^\s*\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+\d{1,2}:\d\d(?:\s*[AP]M)?(?:\s+\S|\s*$)", re.IGNORECASE
)


def is_print_header(text: str) -> bool:
    """The line a browser prints above a page: its date and time, then the page's title ("6/7/22, 10:42 AM
    Governor Newsom Statement on ... | Governor…")."""
    return bool(_PRINT_STAMP.match(text))


def is_url(text: str) -> bool:
    """A web address alone on a line, as a browser prints it above a page: "https://www.vlada.cz/en/..."."""
    return bool(_URL.match(text))


def is_letterhead(text: str, small_type: bool = False) -> bool:
    """A line of a letterhead or masthead: who publishes, not what: "REPUBLIC OF TÜRKİYE", "Auswärtiges Amt",
    "Ministério das Relações Exteriores", "Press Office", "GOV.UK", "БЕЛТА", "Чернігівська міська рада Офіційний
    веб-сайт" (the words of the site's frame are not counted).

    Short, with no closing full stop, and either set in smaller type than the text, a web address, an ALL-CAPS
    line of a few words, or made mostly of the words organisations and countries are named with.
    """
    s = text.strip()
    if (
        not s
        or len(s) > LETTERHEAD_MAX_CHARS * (2 if EMAIL_OR_PHONE.search(s) else 1)
        or (ends_sentence(s) and not is_domain(s))
    ):
        return False
    all_words = words_of(s)
    if not all_words or len(content_words(s)) > LETTERHEAD_MAX_WORDS and not EMAIL_OR_PHONE.search(s):
        return False
    if small_type or is_domain(s) or is_address(s):
        return True
    if EMAIL_OR_PHONE.search(s) and not ends_sentence(s):
        return True  # the press office's telephone or e-mail in the letterhead
    letters = "".join(LETTERS.findall(s))
    if letters.isupper() and len(all_words) <= CAPS_MASTHEAD_WORDS:
        return True
    meaning = content_words(s)
    if not meaning or any(w in _label_words() for w in meaning):
        return False  # "Заявление МИД", "Statement by the Ministry": what the document is, so a title
    named = [w for w in meaning if w not in frame_words()]  # "... Official website | back": the site's frame
    if not named:
        return False
    share = sum(1 for w in named if _names_organisation(w)) / len(named)
    return share >= (LETTERHEAD_SHARE if len(named) <= LETTERHEAD_SHORT else LETTERHEAD_SHARE_LONG)


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
    return (
        len(words_of(s)) <= ATTRIBUTION_WORDS
        and not ends_sentence(s)
        and not s.endswith(":")
        and bool(_attribution().match(plain_quotes(s)))
    )


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
    letters = "".join(LETTERS.findall(s))
    return (
        len(meaning) <= WEAK_LETTERHEAD_WORDS
        or share >= WEAK_LETTERHEAD_SHARE
        or (letters.isupper() and len(meaning) <= LETTERHEAD_MAX_WORDS)
    )
