"""People's names across scripts and spellings: transliteration to Latin, and a key that two spellings share.

"Сергей Лавров" (Russian), "Sergey Lavrov" (English), "Sergej Lawrow" (German) and "Sergueï Lavrov" (French) are
one person. Transliteration turns Cyrillic into the Latin spelling English-language releases use (BGN/PCGN for
Russian, the 2010 national system for Ukrainian), which gives readable slugs. The key is coarser: it folds the
spelling differences of transliteration systems (kh/h/ch, zh/j, y/i/j, w/v, ou/u, doubled letters) so that
"Lavrov"/"Lawrow", "Cavusoglu"/"Chavushoglu" and "Zelensky"/"Zelenskyy" meet, and keeps only the first letter of
the given name, since given names vary most ("Sergei"/"Sergey", "Dmitry"/"Dmitriy").
"""

from __future__ import annotations

import re

from feedsvc.words import base_language, fold

_RU = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
    "ђ": "dj", "џ": "dz",
}
_UK = _RU | {"г": "h", "и": "y", "і": "i", "ї": "yi", "є": "ye", "й": "y", "’": "", "ʼ": "", "'": ""}
_VOWELS = set("аеёиоуыэюяіїє")
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  "a b g d e z i th i k l m n x o p r s s t y f ch ps o a e i i o y o i y i y".split(), strict=True))


def latin(text: str, language: str = "") -> str:
    """`text` in Latin letters: Cyrillic transliterated (Ukrainian's own way for Ukrainian), Greek too, the rest
    as it is. "Сергей Лавров" → "Sergey Lavrov"; "Дмитро Кулеба" (uk) → "Dmytro Kuleba"."""
    table = _UK if base_language(language) == "uk" else _RU
    out = []
    previous = ""
    for char in text:
        lower = char.lower()
        if lower in table or lower in _GREEK:
            latin_char = _GREEK.get(lower) if lower in _GREEK else table[lower]
            if lower == "е" and table is _RU and (not previous.isalpha() or previous.lower() in _VOWELS | {"ъ", "ь"}):
                latin_char = "ye"
            if char.isupper():
                latin_char = latin_char[:1].upper() + latin_char[1:]
            out.append(latin_char)
        else:
            out.append(char)
        previous = char
    result = "".join(out)
    # Russian adjective and name endings as English writes them: "Дмитрий" → "Dmitry", not "Dmitriy".
    return re.sub(r"(?<=[a-z])(iy|yy)\b", "y", result) if table is _RU else result


_GERMAN = (("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("w", "v"), ("j", "y"), ("z", "ts"))
_FRENCH = (("tch", "ch"), ("ch", "sh"), ("ou", "u"), ("gue", "ge"), ("gui", "gi"), ("j", "zh"))
_COMMON = (("shch", "s"), ("sch", "s"), ("dzh", "j"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("kh", "h"), ("ts", "c"),
           ("tz", "c"), ("ou", "u"), ("ph", "f"), ("w", "v"), ("x", "ks"), ("ck", "k"), ("q", "k"), ("ye", "e"),
           ("yu", "iu"), ("ya", "ia"), ("yo", "io"), ("y", "i"), ("j", "i"))


def skeleton(name: str, language: str = "") -> str:
    """A spelling of a Latin or Cyrillic name that transliterations share: "Lawrow" (de) → "lavrov",
    "Chavushoglu" → "cavusoglu", "Çavuşoğlu" → "cavusoglu"."""
    lang = base_language(language)
    text = fold(latin(name, lang))
    text = re.sub(r"[^a-z]", "", text)
    for old, new in (_GERMAN if lang == "de" else _FRENCH if lang == "fr" else ()):
        text = text.replace(old, new)
    for old, new in _COMMON:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


_FEMININE = (("skaia", "ski"), ("ckaia", "cki"), ("aia", "ii"), ("ova", "ov"), ("eva", "ev"), ("ina", "in"))


def person_key(given: str, surname: str, language: str = "") -> str:
    """What makes two mentions one person: the surname's skeleton in its masculine form and the given name's
    initial. "Сергей Лавров" and "Sergey Lavrov" → "lavrov-s"; "Maria Zakharova" → "zaharov-m"."""
    base = skeleton(surname, language)
    for feminine, masculine in _FEMININE:
        if base.endswith(feminine) and len(base) > len(feminine) + 2:
            base = base[: -len(feminine)] + masculine
            break
    if base.endswith("ii"):
        base = base[:-1]
    if len(base) > 4 and base.endswith("a"):
        base = base[:-1]  # "Бурита" undeclined and "Бурит(а)" read as a genitive are one surname
    initial = skeleton(given, language)[:1]
    return f"{base}-{initial}"
