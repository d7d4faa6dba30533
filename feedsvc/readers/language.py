"""A light language guess (BCP 47) from the letters' scripts and a few function words; no models, no numpy."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, str] = {
    "en": "the of and to in is on with for that by was were this as at from be has have which an are its it his her "
          "their will during",
    "fr": "le la les l des du de et est en une un pour dans sur avec que qui au aux par ont été ce cette ses son sa "
          "leur entre lors",
    "es": "el la los las a de del y en que por con para una un se ha su sus al como fue sobre entre este esta durante "
          "según",
    "de": "der die das und ist den dem des zu mit von im in auf für sich nicht ein eine einer eines wurde zur zum über "
          "bei",
    "pt": "o a os as do da dos das em que para com uma um no na nos nas ao foi pelo pela não são também sobre entre "
          "seu sua",
    "it": "il lo la l gli le a di della del dei delle è che per con una un in nel nella alla alle sono ha anche sulla "
          "sul tra",
    "nl": "de het een en van in is op te dat die voor met zijn niet aan er om ook als bij door naar werd worden wordt "
          "heeft hebben uit over tot",
    "pl": "i w z się że nie jest od przez dla po jak oraz został została zostały które który która ze są był była "
          "także jego jej",  # not "o", "do", "na": Portuguese writes them far more often
}
# A word used by k of the languages is 1/k of a vote for each, so "de" or "la" cannot outvote "der" or "sulla".
_WORD_VOTES: dict[str, dict[str, float]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words.split():
        _WORD_VOTES.setdefault(_w, {})[_lang] = 1.0
for _votes in _WORD_VOTES.values():
    for _lang in _votes:
        _votes[_lang] = 1.0 / len(_votes)
# Letters and word endings only one of these languages writes: a vote each time they occur.
_LETTER_VOTES = {"ñ": "es", "¿": "es", "¡": "es", "ã": "pt", "õ": "pt", "ß": "de", "ä": "de", "ö": "de", "ü": "de",
                 "œ": "fr", "ê": "fr", "î": "fr", "û": "fr", "ë": "fr", "ì": "it", "ò": "it", "ą": "pl", "ę": "pl",
                 "ł": "pl", "ś": "pl", "ź": "pl", "ż": "pl", "ć": "pl", "ń": "pl"}
_ENDING_VOTES = (("ción", "es"), ("ciones", "es"), ("ção", "pt"), ("ções", "pt"), ("zione", "it"), ("zioni", "it"),
                 ("ung", "de"), ("ungen", "de"), ("heid", "nl"), ("lijk", "nl"), ("ości", "pl"), ("owie", "pl"))
_ENDINGS = tuple(ending for ending, _ in _ENDING_VOTES)
_WORD = re.compile(r"[^\W\d_]+")


_SCRIPTS = tuple((name, re.compile(f"[{ranges}]")) for name, ranges in (
    ("latin", "A-Za-z\u00c0-\u024f"),
    ("cyrillic", "\u0400-\u04ff"),
    ("arabic", "\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff"),
    ("greek", "\u0370-\u03ff"),
    ("hebrew", "\u0590-\u05ff"),
    ("kana", "\u3040-\u30ff"),
    ("han", "\u4e00-\u9fff"),
    ("hangul", "\uac00-\ud7af"),
))
_LETTER = re.compile(r"[^\W\d_]")
SAMPLE_CHARS = 2000  # enough text to tell the language; more only costs time
SURE_MARGIN = 2.0  # the leading language has at least twice the votes of the next one
SURE_VOTES = 6.0


def detect_language(text: str, default: str = "en") -> str:
    """Guess the language of `text`: by script for Cyrillic/Arabic/Greek/Hebrew/CJK, by function words for
    Latin-script languages (en, fr, es, de, pt, it, nl, pl); `default` when there is too little to tell."""
    return guess_language(text, default)[0]


def guess_language(text: str, default: str = "en") -> tuple[str, bool]:
    """The guess of `detect_language`, and whether it is sure: a script only one language here writes, or one
    Latin-script language clearly ahead of the others."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # only Latin letters can be in it: no need to count the other scripts
        return _latin_language(sample.lower(), default) if re.search("[A-Za-z]", sample) else (default, False)
    letters = len(_LETTER.findall(sample))
    scripts: Counter[str] = Counter()
    for name, rx in _SCRIPTS:  # most common first: a script with most of the letters ends the count
        scripts[name] = len(rx.findall(sample))
        if scripts[name] * 2 > letters:
            break
    scripts = +scripts
    if not scripts:
        return default, False
    script, _ = scripts.most_common(1)[0]
    if script == "cyrillic":
        low = sample.lower()
        if sum(low.count(c) for c in "їєґ") + low.count("і") > 0.01 * scripts["cyrillic"]:
            return "uk", True
        if sum(low.count(c) for c in "ђћџљњ") > 0.005 * scripts["cyrillic"]:
            return "sr", True
        return "ru", True
    if script in ("arabic", "greek", "hebrew", "hangul"):
        return {"arabic": "ar", "greek": "el", "hebrew": "he", "hangul": "ko"}[script], True
    if script in ("kana", "han"):
        return ("ja" if scripts["kana"] > 0.05 * (scripts["han"] + scripts["kana"]) else "zh"), True
    return _latin_language(sample.lower(), default)


def _latin_language(text: str, default: str) -> tuple[str, bool]:
    """Votes from function words, letters and word endings; `default` unless one language clearly leads."""
    votes: Counter[str] = Counter()
    for word, count in Counter(_WORD.findall(text)).items():
        for lang, vote in _WORD_VOTES.get(word, {}).items():
            votes[lang] += vote * count
        if word.endswith(_ENDINGS) and len(word) > 6:
            votes[next(lang for ending, lang in _ENDING_VOTES if word.endswith(ending))] += count
    for letter, lang in _LETTER_VOTES.items():
        votes[lang] += text.count(letter)
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 1.5:
        return default, False
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if ranked[0][1] < 1.25 * second:
        return default, False
    return ranked[0][0], ranked[0][1] >= SURE_VOTES and ranked[0][1] >= SURE_MARGIN * second


def normalise_tag(value: str) -> str | None:
    """A BCP 47 tag from what a file declares ("en-GB", "ru_RU", "English"), or None when unusable."""
    value = value.strip().replace("_", "-")
    names = {"english": "en", "russian": "ru", "русский": "ru", "french": "fr", "français": "fr",
             "spanish": "es", "español": "es", "german": "de", "deutsch": "de", "portuguese": "pt",
             "português": "pt", "arabic": "ar", "العربية": "ar", "italian": "it", "chinese": "zh"}
    if value.lower() in names:
        return names[value.lower()]
    m = re.fullmatch(r"([A-Za-z]{2,3})(?:-([A-Za-z]{4}))?(?:-([A-Za-z]{2}|\d{3}))?(?:-[A-Za-z0-9]{1,8})*", value)
    if not m:
        return None
    tag = m.group(1).lower()
    if m.group(2):
        tag += "-" + m.group(2).title()
    if m.group(3):
        tag += "-" + m.group(3).upper()
    return tag
