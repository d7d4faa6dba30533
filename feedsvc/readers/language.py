"""A light language guess (BCP 47) from the letters' scripts and a few function words; no models, no numpy."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is on with for that by was were this as at from be has have which".split()),
    "fr": frozenset("le la les des du de et est en une un pour dans sur avec que qui au aux par ont été".split()),
    "es": frozenset("el la los las de del y en que por con para una un se ha su al como fue sobre".split()),
    "de": frozenset("der die das und ist den dem des zu mit von im auf für sich nicht ein eine wurde".split()),
    "pt": frozenset("os as do da dos das em que para com uma um no na ao foi pelo pela não são também".split()),
    "it": frozenset("il lo gli di della è che per con una nel alla sono dei ha anche".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str | None:
    o = ord(ch)
    if ch.isascii():
        return "latin" if ch.isalpha() else None
    if 0x0400 <= o <= 0x04FF:
        return "cyrillic"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFEFF:
        return "arabic"
    if 0x00C0 <= o <= 0x024F:
        return "latin"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF:
        return "han"
    if 0xAC00 <= o <= 0xD7AF:
        return "hangul"
    return None


def detect_language(text: str, default: str = "en") -> str:
    """Guess the language of `text`: by script for Cyrillic/Arabic/Greek/Hebrew/CJK, by function words for
    Latin-script languages (en, fr, es, de, pt, it); `default` when there is too little to tell."""
    sample = text[:5000]
    scripts = Counter(s for s in map(_script, sample) if s)
    if not scripts:
        return default
    script, _ = scripts.most_common(1)[0]
    if script == "cyrillic":
        low = sample.lower()
        if sum(low.count(c) for c in "їєґ") + low.count("і") > 0.01 * scripts["cyrillic"]:
            return "uk"
        if sum(low.count(c) for c in "ђћџљњ") > 0.005 * scripts["cyrillic"]:
            return "sr"
        return "ru"
    if script in ("arabic", "greek", "hebrew", "hangul"):
        return {"arabic": "ar", "greek": "el", "hebrew": "he", "hangul": "ko"}[script]
    if script in ("kana", "han"):
        return "ja" if scripts["kana"] > 0.05 * (scripts["han"] + scripts["kana"]) else "zh"
    words = Counter(w.lower() for w in _WORD.findall(sample))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 2:
        return default
    return best


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
