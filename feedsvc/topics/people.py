"""People a release names with their office: "Foreign Minister Sergey Lavrov", "министр иностранных дел России
С.В.Лавров", "Bundeskanzlerin Angela Merkel".

An office title from the language's table (`[offices]` in data/<lang>.toml) is followed, past the office's country,
organisation or portfolio ("Foreign Minister of the Kingdom of Morocco"), by two to four capitalised words, or
initials and a surname. A Russian or Ukrainian name after an office in another case than the nominative ("встреча
министра Сергея Лаврова") is brought back to the nominative by the declension of Slavic surnames and a table of
given names, so that every form gives one person. Two mentions are one person when their keys (names.py) agree.
"""

from __future__ import annotations

import functools
import re

from feedsvc.models import Topic
from feedsvc.topics.gazetteer import Match, PhraseIndex, slugify, vocabulary
from feedsvc.topics.names import latin, person_key
from feedsvc.words import Token, base_language, fold

MAX_GAP = 14  # words between an office title and the name (its country, organisation or portfolio)
MAX_NAME = 4  # words of a name
PARTICLES = {"de", "da", "di", "del", "der", "van", "von", "al", "el", "bin", "ibn", "bint", "la", "le", "du", "dos"}
_SENTENCE_END = re.compile(r"[.!?;:]\s|[()\[\]«»\"“”]|\n")


@functools.cache
def _offices(language: str) -> tuple[PhraseIndex, frozenset[str], frozenset[str]] | None:
    table = vocabulary(language).get("offices")
    if not table:
        return None
    index = PhraseIndex(language)
    for title in table.get("titles", ()):
        forms = title.split("|")  # "посол|посла": a title whose stem changes with its case
        for form in forms:
            index.add(form, forms[0])
    index.sort()
    between = frozenset(fold(w) for w in table.get("between", ()))
    not_names = frozenset(fold(w) for w in table.get("not-names", ()))
    return index, between, not_names


def find_people(text: str, words: list[Token], names: list[Match], language: str) -> list[tuple[Topic, int]]:
    """Each person named after an office title in `text` (whose words are `words` and whose country and
    organisation names are `names`), with the index of the word where the name starts."""
    lang = base_language(language)
    tables = _offices(lang)
    if tables is None:
        return []
    index, between, not_names = tables
    covered = [False] * len(words)
    for m in names:
        for i in range(m.first, m.last):
            covered[i] = True
    out: list[tuple[Topic, int]] = []
    for office in index.find(words):
        start = _skip_to_name(text, words, office.last, covered, between, not_names)
        if start is None:
            continue
        name = _name_at(text, words, start, covered, not_names)
        if name is None:
            continue
        person = _person(words, office, name, lang)
        if person is not None:
            out.append((person, start))
    return out


def _skip_to_name(text: str, words: list[Token], at: int, covered: list[bool], between: frozenset[str],
                  not_names: frozenset[str]) -> int | None:
    """The index of the first word of the name after an office title ending at `at`, or None."""
    end = min(len(words), at + MAX_GAP)
    i = at
    while i < end:
        if _broken(text, words[i - 1], words[i]):
            return None
        word = words[i]
        if covered[i] or fold(word.text) in between or not word.text[:1].isalpha():
            i += 1
            continue
        if word.capital and fold(word.text) not in not_names:
            return i
        return None
    return None


def _broken(text: str, previous: Token, word: Token) -> bool:
    """True when a sentence end, a line end or a bracket lies between two words (a comma does not)."""
    gap = text[previous.end:word.start]
    if previous.dot and len(previous.text) == 1 and gap.strip() == ".":
        return False  # an initial: "С.В.Лавров"
    return bool(_SENTENCE_END.search(gap + " "))


def _name_at(text: str, words: list[Token], start: int, covered: list[bool],
             not_names: frozenset[str]) -> list[Token] | None:
    """The words of the name starting at `start`: capitalised words, initials and particles, up to MAX_NAME."""
    out: list[Token] = []
    i = start
    while i < len(words) and len(out) < MAX_NAME:
        word = words[i]
        if covered[i] or fold(word.text) in not_names:
            break
        initial = len(word.text) == 1 and word.text.isupper() and word.dot
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
    first_initial = next((k for k, w in enumerate(out) if len(w.text) == 1 and w.dot), 0)
    out = out[first_initial:]  # "Послом Сирии в Москве Р.Хаддадом": the name starts at its initials
    surnames = [w for w in out if not (len(w.text) == 1 and w.dot)]
    if not surnames or len(out) < 2:
        return None
    return out


def _ends_name(text: str, word: Token, following: Token) -> bool:
    """True when anything but a space, a hyphen or an initial's full stop lies between two words of a name."""
    gap = text[word.end:following.start]
    if word.dot and len(word.text) == 1:
        return gap.strip() not in (".", "")
    return gap not in (" ", "-", "\u00a0")


def _person(words: list[Token], office: Match, name: list[Token], language: str) -> Topic | None:
    initials = [w.text for w in name if len(w.text) == 1 and w.dot]
    full = [w for w in name if not (len(w.text) == 1 and w.dot)]
    parts = _join_hyphenated(full)
    if not parts:
        return None
    if language in ("ru", "uk"):
        from feedsvc.topics.slavic import nominative

        head = words[office.first].text
        given, surname, display = nominative(parts, initials, head, office.topic or "", language)
    else:
        given = initials[0] if initials else (parts[0] if len(parts) > 1 else "")
        surname = parts[-1]
        display = " ".join([*(f"{i}." for i in initials), *parts])
    if not given or len(surname) < 2:
        return None
    key = person_key(given, surname, language)
    slug = slugify(latin(display, language))
    return Topic("person", key, display, slug) if slug else None


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
