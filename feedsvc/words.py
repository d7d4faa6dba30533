"""Words as search and topic matching see them: a tokenizer, folding, and a stemmer per language.

This is the only module that imports PyStemmer (Snowball's stemmers, in C). Ukrainian, which Snowball lacks, gets
a light suffix stripper here. A word is stemmed by its release's language when it is written in that language's
script, else by the usual language of its own script (Latin: English, Cyrillic: Russian, Arabic: Arabic), so a
Latin acronym in a Russian release and a Russian quote in an English one are both stemmed sensibly.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import Stemmer

SNOWBALL = {
    "en": "english", "ru": "russian", "de": "german", "fr": "french", "es": "spanish", "pt": "portuguese",
    "it": "italian", "ar": "arabic", "sr": "serbian", "el": "greek", "nl": "dutch", "sv": "swedish", "da": "danish",
    "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian",
    "tr": "turkish", "ca": "catalan", "pl": "polish", "cs": "czech", "lt": "lithuanian", "hy": "armenian",
    "hi": "hindi", "id": "indonesian", "ga": "irish", "et": "estonian", "fa": "persian", "eu": "basque",
    "ta": "tamil", "ne": "nepali", "eo": "esperanto",
}
STEMMED_LANGUAGES = frozenset(SNOWBALL) | {"uk"}
SCRIPT_LANGUAGE = {"latin": "en", "cyrillic": "ru", "arabic": "ar", "greek": "el"}
CACHE_SIZE = 100_000  # stems kept per language: a big archive's vocabulary, some 10 MB

_APOSTROPHES = "'’ʼ`"
_WORD = re.compile(r"[^\W_]+(?:[" + _APOSTROPHES + r"][^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class Token:
    """One word of a text: as written, where it is, and what follows it. (A plain class: texts have hundreds of
    words, and a frozen dataclass is slow to build.)"""

    __slots__ = ("text", "start", "end", "dot", "hyphen", "colon")

    def __init__(self, text: str, start: int, end: int, dot: bool, hyphen: bool, colon: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.dot = dot  # a full stop follows at once ("С.", "Mr.")
        self.hyphen = hyphen  # a hyphen joins it to the next word ("Russian-US", "Kyung-wha")
        self.colon = colon  # a colon follows at once ("WHO:", a label in a media advisory)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"

    @property
    def upper(self) -> bool:
        return len(self.text) > 1 and self.text.isupper()

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str) -> list[Token]:
    """The words of `text`. An apostrophe inside a Cyrillic word is a letter (Ukrainian "об’єкт"); elsewhere it
    splits ("l'Algérie" → "l", "Algérie"; "Lavrov’s" → "Lavrov", "s")."""
    out: list[Token] = []
    size = len(text)
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        if ("'" in word or "’" in word or "ʼ" in word or "`" in word) and not _all_cyrillic(word):
            for part in re.finditer(r"[^\W_]+", word):
                out.append(_token(text, size, part.group(), start + part.start()))
        else:
            out.append(_token(text, size, word, start))
    return out


def _token(text: str, size: int, word: str, start: int) -> Token:
    end = start + len(word)
    after = text[end] if end < size else ""
    hyphen = after in "-\u2010\u2011" and end + 1 < size and (text[end + 1].isalnum())
    return Token(word, start, end, after == ".", hyphen, after == ":")


def _all_cyrillic(word: str) -> bool:
    return all(_CYRILLIC.match(c) or c in _APOSTROPHES for c in word)


def script(word: str) -> str:
    """The script of a word's first letter: latin, cyrillic, arabic, greek or other."""
    for c in word:
        if c.isalpha():
            code = ord(c)
            if code < 0x250:
                return "latin"
            if 0x400 <= code < 0x530:
                return "cyrillic"
            if 0x600 <= code < 0x700 or 0x750 <= code < 0x780:
                return "arabic"
            if 0x370 <= code < 0x400:
                return "greek"
            return "other"
    return "other"


LANGUAGE_SCRIPT = {lang: "latin" for lang in SNOWBALL} | {
    "ru": "cyrillic", "uk": "cyrillic", "sr": "cyrillic", "be": "cyrillic", "bg": "cyrillic", "ar": "arabic",
    "fa": "arabic", "el": "greek", "hy": "other", "hi": "other", "ta": "other", "ne": "other",
}


class _Folds(dict):
    """Per character: lower case, Latin letters without their accents, ё as е, every apostrophe as ’."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _APOSTROPHES:
            folded = "’"
        elif char in "ёЁ":
            folded = "е"
        elif char == "ß":
            folded = "ss"
        elif code < 0x250 or 0x1e00 <= code < 0x1f00:
            folded = "".join(c for c in unicodedata.normalize("NFKD", char.lower()) if not unicodedata.combining(c))
        else:
            folded = char.lower()
        self[code] = folded
        return folded


_FOLDS = _Folds()


def fold(text: str) -> str:
    """Lower case without accents on Latin letters: "Türkiye" → "turkiye", "Ёлка" → "елка"."""
    return text.translate(_FOLDS)


class _Stemmers(threading.local):
    """Snowball stemmer objects are not safe across threads: one set per thread."""

    def __init__(self) -> None:
        self.by_language: dict[str, Stemmer.Stemmer] = {}

    def get(self, language: str) -> Stemmer.Stemmer:
        stemmer = self.by_language.get(language)
        if stemmer is None:
            stemmer = self.by_language[language] = Stemmer.Stemmer(SNOWBALL[language], 0)
        return stemmer


_STEMMERS = _Stemmers()
_CACHES: dict[str | None, dict[str, str]] = {}  # per language as given: word as written -> stem


def base_language(language: str | None) -> str:
    """The primary subtag of a BCP 47 tag, in lower case: "en-GB" → "en"."""
    return (language or "").split("-")[0].split("_")[0].lower()


def stem_language(word: str, language: str) -> str | None:
    """The language whose stemmer reads `word` in a release of `language`, or None for no stemming."""
    lang = base_language(language)
    word_script = script(word)
    if lang in STEMMED_LANGUAGES and LANGUAGE_SCRIPT.get(lang) == word_script:
        return lang
    return SCRIPT_LANGUAGE.get(word_script)


def stem(word: str, language: str | None) -> str:
    """The folded stem of one word in `language`: "разговоре" → "разговор", "Conversations" → "convers"."""
    cache = _CACHES.get(language)
    if cache is None:
        cache = _CACHES[language] = {}
    found = cache.get(word)
    if found is None:
        lang = stem_language(word, language or "") if language is not None else None
        lower = fold(word)  # before stemming, so that "Malí" and "Mali", "États" and "Etats" stem alike
        if lang is None:
            found = lower
        else:
            found = ukrainian_stem(lower) if lang == "uk" else _STEMMERS.get(lang).stemWord(lower)
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        cache[word] = found
    return found


def stems(words: list[str], language: str) -> list[str]:
    """`stem` for each word."""
    return [stem(w, language) for w in words]


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def search_terms(text: str, language: str | None) -> list[str]:
    """The terms a search index keeps for `text`: each word's folded stem in `language`, and for Chinese, Japanese
    and Korean, which write no spaces, every pair of neighbouring characters."""
    return terms_of(tokens(text), language)


def terms_of(words: list[Token], language: str | None) -> list[str]:
    """search_terms of a text already cut into words."""
    out: list[str] = []
    for token in words:
        word = token.text
        if _CJK.search(word):
            out.extend(_bigrams(fold(word)))
        else:
            out.append(stem(word, language).replace("’", ""))
    return out


def _bigrams(word: str) -> list[str]:
    return [word] if len(word) < 2 else [word[i:i + 2] for i in range(len(word) - 1)]


def is_cjk(word: str) -> bool:
    """True for a word in Chinese, Japanese or Korean script."""
    return bool(_CJK.search(word))


_UK_VOWELS = "аеєиіїоуюя"
_UK_ENDINGS = tuple(sorted((
    # adjectives and participles
    "ими", "іми", "ого", "ому", "ий", "ій", "ої", "ою", "ая", "яя", "ую", "юю", "ем", "им", "ім", "их", "іх", "ими",
    "єю", "ими",
    # verbs
    "ися", "ись", "ться", "тися", "ати", "яти", "ити", "іти", "ути", "ють", "ать", "ять", "ить", "уть", "ємо", "имо",
    "ете", "єте", "ите", "ила", "ало", "ало", "ла", "ло", "ли", "ив", "ав", "ся", "сь",
    # nouns
    "ами", "ями", "ові", "еві", "єві", "ом", "ям", "ах", "ях", "ів", "їв", "ей", "ею", "а", "е", "є", "і", "ї",
    "и", "й", "о", "у", "ю", "я", "ь",
), key=len, reverse=True))
UK_MIN_STEM = 3  # letters kept at least: short words ("мир", "ООН") stay whole


def ukrainian_stem(word: str) -> str:
    """A light Ukrainian stemmer (Snowball has none): the longest inflection ending is cut, leaving at least
    three letters and a vowel. "Україна", "України", "Україною" → "україн"; "українського" → "українськ"."""
    word = word.replace("’", "").replace("'", "").replace("ʼ", "")
    for ending in _UK_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)]
            if len(base) >= UK_MIN_STEM and any(c in _UK_VOWELS for c in base):
                return base
    return word
