"""Finds the countries and international organisations a text names, in any grammatical form, per language.

The names are data: CLDR's territory names in each language (through Babel), and for each language a table
(`data/<lang>.toml`) of the other names, adjectives and peoples of countries ("Moroccan", "марокканский",
"USA"), the names of organisations ("NATO", "Vereinte Nationen", "ООН"), and phrases that name none although they
hold a name ("New Mexico", "Indian Ocean"). A name matches a run of words by their stems, so "России", "Россией"
and "Российской Федерации" all find Russia; the longest name wins where names overlap.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from feedsvc.topics.slavic import noun_forms
from feedsvc.topics.tables import data, languages, vocabulary
from feedsvc.words import LANGUAGE_SCRIPT, SCRIPT_LANGUAGE, Token, base_language, fold, script, stem, tokens

SHOUT_RUN = 3  # words in capitals around an acronym that make it a shouted line ("WHO WILL LEAD"), not an acronym
SAFE_ACRONYM = 4  # acronyms this long are no common word, even in a shouted line ("NATO", "OSCE")
MAX_ENDING = 2  # letters at the end of a name that an inflection may change ("Германия" → "Германией")...
ACRONYM_LENGTH = 5  # a word in capitals this short is an acronym, unless its line is in capitals too
SHORT_NAME = 7  # ...but one letter in a shorter name ("Россия" → "России", "Куба" → "Кубой")


@dataclass(frozen=True, slots=True)
class Entry:
    """One name as the matcher sees it."""

    keys: tuple[frozenset[str], ...]  # per word: its stems (one per case form), or its folded form for an exact name
    exact: bool  # matches word forms, not stems ("=Americas", acronyms, other languages' names)
    topic: str | None  # "country:MA", "organisation:nato"; None for a phrase that names nothing
    acronym: bool  # every word written in capitals ("US", "ООН"): matches only in capitals
    cased: bool  # its first word matches only with a capital ("Turkey", not "turkey")
    hyphen: bool  # matches only before a hyphen ("Sino-", "российско-")
    requires: str | None = None  # counts only when the release names this topic too
    forms: tuple[frozenset[str], ...] = ()  # the name's words, folded, as written and in their case forms


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in a text: its topic and the words it covers."""

    topic: str | None
    first: int  # index of its first word
    last: int  # index after its last word
    requires: str | None = None


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    slug: str


@dataclass(frozen=True)
class Organisation:
    slug: str
    name: str
    part_of: tuple[str, ...]


def slugify(name: str) -> str:
    """A URL slug from an English name: "St. Kitts & Nevis" → "st-kitts-and-nevis"."""
    text = fold(name.replace("&", " and "))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@functools.cache
def countries() -> dict[str, Country]:
    """Every country and territory topic by ISO 3166-1 code, with its English short name and slug."""
    table = data("countries.toml")
    english = Locale("en").territories
    out = {}
    for code in table["codes"].split():
        name = table.get("names", {}).get(code) or english[code]
        out[code] = Country(code, name, slugify(name))
    return out


@functools.cache
def organisations() -> dict[str, Organisation]:
    """Every international organisation topic by slug, with its English short name and what it is part of."""
    out = {}
    for slug, row in data("organisations.toml").items():
        part_of = row.get("part_of", ())
        out[slug] = Organisation(slug, row["name"], (part_of,) if isinstance(part_of, str) else tuple(part_of))
    return out


class PhraseIndex:
    """Phrases indexed by the stem (or form) of their first word, found left to right, the longest at each place."""

    def __init__(self, language: str, cased: set[str] | None = None) -> None:
        self.language = language
        self.cased = cased or set()
        self.by_stem: dict[str, list[Entry]] = {}
        self.by_form: dict[str, list[Entry]] = {}
        self.names_cased = False  # CLDR's country names match only with a capital (all but English)

    def sort(self) -> None:
        """Longest phrases first in each bucket; call once all are added."""
        for entries in (*self.by_stem.values(), *self.by_form.values()):
            entries.sort(key=lambda e: -len(e.keys))

    def add(self, name: str, topic: str | None, requires: str | None = None, cldr: bool = False) -> None:
        """Add one phrase (see the table format in data/en.toml)."""
        exact = name.startswith("=")
        hyphen = name.endswith("-")
        text = name.strip("=-").strip()
        words = [t.text for t in tokens(text)]
        if not words:
            return
        acronym = _is_acronym(text)
        exact = exact or acronym
        variants = [[w, *([] if exact else _case_forms(w, self.language))] for w in words]
        forms = tuple(frozenset(fold(v) for v in vs) for vs in variants)
        keys = forms if exact else tuple(frozenset(stem(v, self.language) for v in vs) for vs in variants)
        cased = fold(text) in self.cased or (self.names_cased and cldr)
        entry = Entry(keys, exact, topic, acronym, cased, hyphen, requires, forms)
        index = self.by_form if exact else self.by_stem
        for first in keys[0]:
            bucket = index.setdefault(first, [])
            if entry not in bucket:
                bucket.append(entry)

    def find(self, words: list[Token], first: int = 0, last: int | None = None) -> list[Match]:
        """The names in `words[first:last]`, left to right, the longest at each place."""
        last = len(words) if last is None else last
        stems = [stem(w.text, self.language) for w in words[first:last]]
        forms = [fold(w.text) for w in words[first:last]]
        found: list[Match] = []
        i = 0
        n = last - first
        while i < n:
            best: Entry | None = None
            for entry in (*self.by_form.get(forms[i], ()), *self.by_stem.get(stems[i], ())):
                size = len(entry.keys)
                if size > n - i or (best is not None and (size < len(best.keys) or (
                        size == len(best.keys) and entry.topic is not None))):
                    continue  # the longest wins, and a phrase that names nothing wins a tie
                if size > 1 and (forms if entry.exact else stems)[i + 1] not in entry.keys[1]:
                    continue
                if self._fits(entry, words, first + i, stems, forms, i):
                    best = entry
            if best is None:
                i += 1
                continue
            found.append(Match(best.topic, first + i, first + i + len(best.keys), best.requires))
            i += len(best.keys)
        return found

    @staticmethod
    def _fits(entry: Entry, words: list[Token], at: int, stems: list[str], forms: list[str], i: int) -> bool:
        keys = forms if entry.exact else stems
        size = len(entry.keys)
        for key, allowed in zip(keys[i:i + size], entry.keys, strict=True):
            if key not in allowed:
                return False
        if not entry.exact:
            for form, key, name_forms in zip(forms[i:i + size], stems[i:i + size], entry.forms, strict=True):
                if form in name_forms:
                    continue
                if len(form) <= len(key) or not any(_shared(form, f) >= len(f) - _ending(f) for f in name_forms):
                    return False  # "gran" is not "Granada", "POL" not "Polen", "Hollande" not "holländisch"
            if size == 1 and words[at].upper and len(words[at].text) <= ACRONYM_LENGTH \
                    and not _shouted(words, at, at + 1):
                return False  # a short word in capitals amid ordinary text is an acronym ("DANA"), not a name
        if entry.cased and not words[at].capital:
            return False
        if entry.hyphen and not words[at + size - 1].hyphen:
            return False
        if entry.acronym:
            if not all(w.text.isupper() for w in words[at:at + size]):
                return False
            if len(entry.keys[0]) < SAFE_ACRONYM and (_shouted(words, at, at + size) or words[at + size - 1].colon):
                return False  # "WHO WILL LEAD", "WHO: the Governor and ..." are no organisation
        return True


class Gazetteer(PhraseIndex):
    """The country and organisation names of one language."""

    def __init__(self, language: str) -> None:
        table = vocabulary(language)
        super().__init__(language, {fold(n) for n in table.get("cased", ())})
        self.names_cased = bool(table.get("names-cased", language != "en"))
        for code, name in _cldr_names(language):
            self.add(name, f"country:{code}", cldr=True)
        for code, names in table.get("countries", {}).items():
            if code not in countries():
                raise ValueError(f"{language}.toml names an unknown country code {code}")
            for name in names:
                self.add(name, f"country:{code}")
        for slug, names in table.get("organisations", {}).items():
            if slug not in organisations():
                raise ValueError(f"{language}.toml names an unknown organisation {slug}")
            for name in names:
                self.add(name, f"organisation:{slug}")
        for slug, rule in table.get("in-context", {}).items():
            for name in rule["names"]:
                self.add(name, f"organisation:{slug}", requires=rule["with"])
        for name in table.get("not-topics", {}).get("phrases", ()):
            self.add(name, None)
        if language != "en" and LANGUAGE_SCRIPT.get(language) == "latin":
            # Organisations are often named in English in other languages' releases ("the OSCE", "NATO").
            for slug, names in vocabulary("en").get("organisations", {}).items():
                for name in names:
                    self.add(name if name.startswith("=") or _is_acronym(name) else "=" + name,
                             f"organisation:{slug}")
        self.sort()


# Endings of adjectives and peoples ("italiano", "marroquí") and the other forms they take, where the stemmers
# do not bring all forms to one stem ("italiano" → "ital" but "italiani" → "italian").
_ADJECTIVE_FORMS = {
    "it": (("o", ("a", "i", "e")), ("e", ("i",))),
    "es": (("o", ("a", "os", "as")), ("í", ("íes", "ís")), ("és", ("esa", "eses", "esas")), ("e", ("es",))),
    "pt": (("o", ("a", "os", "as")), ("ês", ("esa", "eses", "esas")), ("ão", ("ã", "ães", "ãos"))),
    "fr": (("ien", ("ienne", "iens", "iennes")), ("ain", ("aine", "ains", "aines")), ("ais", ("aise", "aises")),
           ("", ("e", "s", "es"))),
    "de": (("isch", ("ische", "ischen", "ischer", "isches", "ischem")),),
}


def _case_forms(word: str, language: str) -> list[str]:
    """A name's other forms where the language's stemmer does not bring them to one stem: the cases of Russian and
    Ukrainian place names, the genders and numbers of Romance adjectives, German adjective endings."""
    if language in ("ru", "uk") and word[:1].isupper():
        return noun_forms(word, language)
    for ending, others in _ADJECTIVE_FORMS.get(language, ()):
        if word.islower() and word.endswith(ending):
            return [word[: len(word) - len(ending)] + other for other in others]
    return []


def _ending(form: str) -> int:
    return MAX_ENDING if len(form) >= SHORT_NAME else 1


def _shared(a: str, b: str) -> int:
    """How many letters two words share at their start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _is_acronym(text: str) -> bool:
    """ "US", "ООН", "G7": capitals (and digits), in one word."""
    chars = [c for c in text if c.isalnum()]
    capitals = all(c.isupper() or c.isdigit() for c in chars) and any(c.isalpha() for c in chars)
    return len(chars) >= 2 and capitals and len(text) <= 12 and " " not in text.strip()


def _shouted(words: list[Token], first: int, last: int) -> bool:
    """True when the words around first..last are in capitals too: a heading, not an acronym."""
    before = words[max(0, first - SHOUT_RUN):first]
    after = words[last:last + SHOUT_RUN]
    around = [w for w in (*before, *after) if len(w.text) > 2 and w.text[0].isalpha()]
    return len(around) >= SHOUT_RUN and all(w.text.isupper() for w in around)


def _cldr_names(language: str) -> list[tuple[str, str]]:
    """CLDR's name of each country in `language`, and the name in brackets where it gives one ("Myanmar (Burma)")."""
    try:
        names = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return []
    conjunction = vocabulary(language).get("and", "")
    out = []
    for code in countries():
        name = names.get(code)
        if not name or re.search(r"\s[-–]\s", name):
            continue  # "Congo - Kinshasa" is a list label, no name anybody writes; the tables give the names
        name = name.split(",")[0]  # "St. Helena, Ascension & Tristan da Cunha"
        bracket = re.search(r"\s*\(([^)]*)\)", name)
        parts = [name]
        if bracket:  # "Myanmar (Burma)": both; "Cocos (Keeling) Islands": with and without the bracket
            outside = (name[:bracket.start()] + " " + name[bracket.end():]).strip()
            parts = [outside, bracket.group(1)] if bracket.end() == len(name) else [outside, name.replace("(", "")
                                                                                     .replace(")", "")]
        for part in parts:
            out.append((code, part))
            if "&" in part and conjunction:
                out.append((code, part.replace("&", conjunction)))
    return out


@functools.cache
def gazetteer(language: str) -> Gazetteer | None:
    """The gazetteer of a language that has a table or CLDR names, built once per process."""
    lang = base_language(language)
    if lang not in languages() and not _cldr_names(lang):
        return None
    return Gazetteer(lang)


def find_names(words: list[Token], language: str) -> list[Match]:
    """The names in `words`: each run of words in the release's script is read in its language, a run in another
    script in that script's usual language (Latin: English, Cyrillic: Russian)."""
    lang = base_language(language)
    home = LANGUAGE_SCRIPT.get(lang, "latin")
    found: list[Match] = []
    i = 0
    while i < len(words):
        run_script = script(words[i].text)
        j = i + 1
        while j < len(words) and script(words[j].text) in (run_script, "other"):
            j += 1
        run_language = lang if run_script == home else SCRIPT_LANGUAGE.get(run_script)
        table = gazetteer(run_language) if run_language else None
        if table is not None:
            found.extend(table.find(words, i, j))
        i = j
    return found
