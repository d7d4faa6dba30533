"""People a release names with their office: "Foreign Minister Sergey Lavrov", "министр иностранных дел России
С.В.Лавров", "Bundeskanzlerin Angela Merkel".

An office title from the language's table (`[offices]` in data/<lang>.toml) is followed, past the office's country,
organisation or portfolio ("Foreign Minister of the Kingdom of Morocco"), by two to four capitalised words, or
initials and a surname. A Russian or Ukrainian name after an office in another case than the nominative ("встреча
министра Сергея Лаврова") is brought back to the nominative (slavic.py), so that every form gives one person. Two
mentions are one person when their keys (names.py) agree.

Not read as names: words in capitals ("JOSEP BORRELL" in a shouted heading), words the release also writes in lower
case (the heading "Secretary-General Condemns Attack" beside "the Commonwealth condemns"), and names of bodies
("Kennan Institute", the table's `not-names`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from feedsvc.models import Topic
from feedsvc.topics.gazetteer import Match, PhraseIndex, slugify
from feedsvc.topics.names import latin, person_key
from feedsvc.topics.tables import vocabulary
from feedsvc.words import Token, base_language, fold, stem

MAX_GAP = 14  # words between an office title and the name (its country, organisation or portfolio)
MAX_NAME = 4  # words of a name
TITLE_CASE_SHARE = 0.75  # a title with this share of its longer plain words capitalised is in title case
SHOUTED_SHARE = 0.8  # a line with this share of its letters in capitals is a shouted heading
PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "al", "el", "bin", "ibn", "bint", "la", "le", "du", "dos"}
# Words that end a run of capitalised words as the name of a body, not of a person.
BODIES = {
    "institute", "district", "service", "services", "group", "groups", "relations", "trust", "programme", "program",
    "hall", "centre", "center", "council", "committee", "foundation", "university", "school", "forum", "fund",
    "office", "agency", "department", "bank", "party", "church", "company", "association", "society", "union",
    "federation", "alliance", "coalition", "partnership", "initiative", "campaign", "network", "project", "day",
    "week", "conference", "summit", "meeting", "statement", "declaration", "report", "plan", "act", "bill", "law",
    "strategy", "attack", "attacks", "communications", "affairs", "ministry", "embassy", "government", "kreuz",
    "palace", "house", "square", "street", "avenue", "airport", "station", "hospital", "museum", "region", "province",
    "casa",
}
_SENTENCE_END = re.compile(r"[.!?;:]\s|[()\[\]«»\"“”]|\n")


@dataclass(frozen=True)
class _Tables:
    offices: PhraseIndex
    between: frozenset[str]  # words that may stand between an office and the name
    not_names: frozenset[str]  # capitalised words that are never part of a name
    places: frozenset[str]  # prepositions before a place that may stand between ("in Minsk", "в Москве")


@functools.cache
def _tables(language: str) -> _Tables | None:
    table = vocabulary(language).get("offices")
    if not table:
        return None
    index = PhraseIndex(language)
    for title in table.get("titles", ()):
        forms = title.split("|")  # "посол|посла": a title whose stem changes with its case
        for form in forms:
            index.add(form, forms[0])
    index.sort()
    return _Tables(index, frozenset(fold(w) for w in table.get("between", ())),
                   frozenset(fold(w) for w in table.get("not-names", ())),
                   frozenset(fold(w) for w in table.get("places", ())))


def find_people(text: str, words: list[Token], names: list[Match], language: str) -> list[tuple[Topic, int]]:
    """Each person named after an office title in `text` (whose words are `words` and whose country and
    organisation names are `names`), with the index of the word where the name starts."""
    lang = base_language(language)
    tables = _tables(lang)
    if tables is None:
        return []
    covered = [False] * len(words)
    offices = tables.offices.find(words)
    for m in (*names, *offices):
        for i in range(m.first, m.last):
            covered[i] = True
    common = {stem(w.text, lang) for w in words if w.text.islower()}
    title_end = text.find("\n")
    # Only English writes titles in title case; a German title capitalises its nouns, a Russian one its names.
    title_is_heading = lang == "en" and _title_case(words, covered, title_end if title_end >= 0 else len(text))
    out: list[tuple[Topic, int]] = []
    for office in offices:
        if _shouted(text, words[office.first]):
            continue
        start = _skip_to_name(text, words, office.last, covered, tables)
        if start is None:
            continue
        name = _name_at(text, words, start, covered, tables.not_names, lang)
        if name is None or any(len(w.text) > 1 and w.capital and fold(w.text) not in PARTICLES
                               and stem(w.text, lang) in common for w in name):
            continue  # "Secretary-General Condemns Attack": the release writes "condemns" in lower case
        if title_is_heading and name[0].start < title_end and not _confirmed(text, words, name, title_end):
            continue  # "Premier Ford Shares Christmas Greetings": a title in title case, and no "Shares" below
        person = _person(words, office, name, lang)
        if person is not None:
            out.append((person, start))
    return out


def _confirmed(text: str, words: list[Token], name: list[Token], title_end: int) -> bool:
    """True when a name in a title in title case is surely a name: every word of it comes again below the title,
    or it ends at a possessive or a bracket ("Spokesperson Hong Lei's Remarks", "(... Yasuhisa Kawamura)")."""
    after = text[name[-1].end:name[-1].end + 2]
    if after[:1] in ")]" or after in ("'s", "’s"):
        return True
    below = {w.text for w in words if w.start > title_end}
    return all(w.text in below for w in name if fold(w.text) not in PARTICLES)


def _title_case(words: list[Token], covered: list[bool], end: int) -> bool:
    """True when the title (the text up to `end`) is written in title case: most of its longer words that are no
    office, country or organisation have a capital ("Premier Ford Shares Christmas Greetings")."""
    longer = [w for i, w in enumerate(words) if w.end <= end and not covered[i] and len(w.text) >= 4]
    if len(longer) < 3:
        return False
    return sum(1 for w in longer if w.capital) >= TITLE_CASE_SHARE * len(longer)


def _shouted(text: str, word: Token) -> bool:
    """True when the line holding `word` is in capitals: a heading, whose words say nothing of case."""
    start = text.rfind("\n", 0, word.start) + 1
    end = text.find("\n", word.end)
    line = text[start:end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 10 and sum(c.isupper() for c in letters) > SHOUTED_SHARE * len(letters)


def _skip_to_name(text: str, words: list[Token], at: int, covered: list[bool], tables: _Tables) -> int | None:
    """The index of the first word of the name after an office title ending at `at`, or None."""
    end = min(len(words), at + MAX_GAP)
    i = at
    after_place = False
    while i < end:
        if _broken(text, words[i - 1], words[i]):
            return None
        word = words[i]
        folded = fold(word.text)
        if _initial(word) and i + 1 < len(words) and words[i + 1].capital and \
                (len(words[i + 1].text) > 1 or _initial(words[i + 1])) and text[word.end:words[i + 1].start] == ".":
            return i  # "Г.Б.Карасин": initials, though "г" alone is a word to pass over ("г. Кабул")
        if covered[i] or folded in tables.between or not word.text[:1].isalpha() or word.upper:
            after_place = folded in tables.places
            i += 1
            continue
        if not word.capital or folded in tables.not_names:
            return None
        if after_place and i + 1 < len(words) and words[i + 1].capital and not _broken(text, word, words[i + 1]):
            after_place = False  # "Ambassador of Ukraine in Minsk Ihor Kyzym": the place, then the name
            if i + 2 < len(words) and (words[i + 2].capital or words[i + 1].dot):
                i += 1
                continue
        return i
    return None


def _initial(word: Token) -> bool:
    """An initial: one capital, or a capital and a small letter ("Th.", "Yu."), and a full stop."""
    text = word.text
    return word.dot and (len(text) == 1 and text.isupper() or len(text) == 2 and text[0].isupper() and text[1].islower()
                         and text[1] not in "aeiouаеиоуыэюя")


def _broken(text: str, previous: Token, word: Token) -> bool:
    """True when a sentence end, a line end or a bracket lies between two words (a comma does not)."""
    gap = text[previous.end:word.start]
    if previous.dot and len(previous.text) == 1 and gap.strip() == ".":
        return False  # an initial: "С.В.Лавров"
    return bool(_SENTENCE_END.search(gap + " "))


def _name_at(text: str, words: list[Token], start: int, covered: list[bool], not_names: frozenset[str],
             language: str) -> list[Token] | None:
    """The words of the name starting at `start`: capitalised words, initials and particles, up to MAX_NAME."""
    out: list[Token] = []
    i = start
    while i < len(words) and len(out) < MAX_NAME:
        word = words[i]
        initial = _initial(word) and i + 1 < len(words) and text[word.end:words[i + 1].start] == "."
        if covered[i] or (fold(word.text) in not_names and not initial) or (word.upper and not initial):
            break
        if word.capital or initial:
            out.append(word)
        elif out and out[-1].hyphen and word.start == out[-1].end + 1:
            out.append(word)  # "Kang Kyung-wha"
        elif fold(word.text) in PARTICLES and out:
            out.append(word)
        else:
            break
        if i + 1 < len(words) and _ends_name(text, word, words[i + 1]):
            break
        i += 1
    while out and fold(out[-1].text) in PARTICLES:
        out.pop()
    if language in ("ru", "uk"):
        first_initial = next((k for k, w in enumerate(out) if _initial(w)), 0)
        out = out[first_initial:]  # "Послом Сирии в Москве Р.Хаддадом": a Russian name starts at its initials
    full = [w for w in out if not _initial(w)]
    if not full or len(out) < 2 or any(fold(w.text) in BODIES for w in full):
        return None
    return out


def _ends_name(text: str, word: Token, following: Token) -> bool:
    """True when anything but a space, a hyphen or an initial's full stop lies between two words of a name."""
    gap = text[word.end:following.start]
    if _initial(word):
        return gap.strip() not in (".", "")
    return gap not in (" ", "-", "\u00a0")


def _person(words: list[Token], office: Match, name: list[Token], language: str) -> Topic | None:
    initials = [w.text for w in name if _initial(w)]
    parts = _join_hyphenated([w for w in name if not _initial(w)])
    if not parts:
        return None
    if language in ("ru", "uk"):
        from feedsvc.topics.slavic import nominative

        office_words = [w.text for w in words[office.first:office.last]]
        given, surname, display = nominative(parts, initials, office_words, office.topic or "", language)
    else:  # "George P. Shultz": the given name first, a middle initial in between
        given = parts[0] if len(parts) > 1 else (initials[0] if initials else "")
        surname = parts[-1]
        display = _shown(name)
    if not given or len(surname) < 2:
        return None
    key = person_key(given, surname, language)
    slug = slugify(latin(display, language))
    return Topic("person", key, display, slug) if slug else None


def _shown(name: list[Token]) -> str:
    """A name as written: "George P. Shultz", "Kang Kyung-wha"."""
    out = ""
    for k, w in enumerate(name):
        glue = "-" if k and name[k - 1].hyphen else (" " if k else "")
        out += glue + (f"{w.text}." if _initial(w) else w.text)
    return out


def _join_hyphenated(words: list[Token]) -> list[str]:
    parts: list[str] = []
    glue = False
    for w in words:
        if glue and parts:
            parts[-1] += "-" + w.text
        else:
            parts.append(w.text)
        glue = w.hyphen
    return parts
