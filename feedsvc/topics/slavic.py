"""Russian and Ukrainian names back in the nominative: "Сергея Лаврова" → "Сергей Лавров", "Марии Захаровой" →
"Мария Захарова", "С.В.Лаврову" → "С.В. Лавров".

A name's case comes from its given name, looked up among the inflected forms of the given names of the language's
table (`[people]` in data/ru.toml, data/uk.toml), or, where only initials are given, from the office title before it
("министра" is genitive, "министром" instrumental). Surnames then lose the ending of that case by the regular
declension of Slavic surnames (-ов/-ев/-ин, -ский/-цкий, -а, the feminine -ова/-ская); names that do not decline
(-ко, -их, -ово, most foreign ones ending in a vowel) stay as they are.
"""

from __future__ import annotations

import functools

from feedsvc.topics.tables import vocabulary
from feedsvc.words import fold, stem

NOM, GEN, DAT, ACC, INS, PREP = "nom", "gen", "dat", "acc", "ins", "prep"
_CONSONANT_GIVEN = {GEN: "а", DAT: "у", ACC: "а", INS: "ом", PREP: "е"}
_SOFT_GIVEN = {GEN: "я", DAT: "ю", ACC: "я", INS: "ем", PREP: "е"}
_UK_CONSONANT_GIVEN = {GEN: "а", DAT: "у", ACC: "а", INS: "ом", PREP: "і"}


@functools.cache
def _given_forms(language: str) -> dict[str, list[tuple[str, str, str]]]:
    """Every inflected form of the table's given names: form → [(nominative, gender, case)]."""
    table = vocabulary(language).get("people", {})
    forms: dict[str, list[tuple[str, str, str]]] = {}

    def put(form: str, name: str, gender: str, case: str) -> None:
        forms.setdefault(fold(form), []).append((name, gender, case))

    for name in table.get("masculine", ()):
        put(name, name, "m", NOM)
        last = name[-1]
        if last in "ао" and language == "uk":  # Дмитро, Микола
            for case, ending in {GEN: "а", DAT: "у", ACC: "а", INS: "ом", PREP: "і"}.items():
                put(name[:-1] + (ending if last == "о" else {GEN: "и", DAT: "і", ACC: "у", INS: "ою",
                                                            PREP: "і"}[case]), name, "m", case)
        elif last in "ая":  # Илья, Никита
            for case, ending in _feminine_endings(name).items():
                put(name[:-1] + ending, name, "m", case)
        elif last in "йь":
            stem_ = name[:-1]
            for case, ending in _SOFT_GIVEN.items():
                if case == PREP and name.endswith("ий"):
                    ending = "и"
                put(stem_ + ending, name, "m", case)
        else:
            for case, ending in (_UK_CONSONANT_GIVEN if language == "uk" else _CONSONANT_GIVEN).items():
                put(name + ending, name, "m", case)
    for name in table.get("feminine", ()):
        put(name, name, "f", NOM)
        if name[-1] in "ая":
            for case, ending in _feminine_endings(name).items():
                put(name[:-1] + ending, name, "f", case)
    return forms


def _feminine_endings(name: str) -> dict[str, str]:
    if name.endswith("ия"):
        return {GEN: "и", DAT: "и", ACC: "ю", INS: "ей", PREP: "и"}
    if name.endswith("я"):
        return {GEN: "и", DAT: "е", ACC: "ю", INS: "ей", PREP: "е"}
    hard = "и" if name[-2:-1] in "гкхжшчщ" else "ы"
    return {GEN: hard, DAT: "е", ACC: "у", INS: "ой", PREP: "е"}


_ADJECTIVE = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ій", "а я")


def noun_forms(word: str, language: str) -> list[str]:
    """The singular case forms of a place name (and the plural ones of a plural name), so that names whose stems
    vary by case are found in every case: "Беларусь" → "Беларуси", "Беларусью"; "Китай" → "Китая", ...
    Adjectives ("Южная") and words that do not decline ("Марокко") give none."""
    lower = word.lower()
    if len(lower) < 3 or lower.endswith(_ADJECTIVE[:-1]) or not lower[-1].isalpha():
        return []
    if language == "uk":
        endings = {"ія": ("ії", "ію", "ією"), "я": ("і", "ю", "ею"), "а": ("и", "і", "у", "ою"), "ь": ("і", "ю", "ем"),
                   "й": ("ю", "я", "єм", "ї"), "и": ("ів", "ам", "ами", "ах")}
        consonant = ("у", "а", "ом", "і", "ові", "еві")
    else:
        endings = {"ия": ("ии", "ию", "ией"), "я": ("и", "е", "ю", "ей"), "а": ("ы", "и", "е", "у", "ой"),
                   "ь": ("и", "ью", "я", "ю", "ем", "е"), "й": ("я", "ю", "ем", "е"), "ы": ("ов", "ам", "ами", "ах"),
                   "и": ("ов", "ам", "ами", "ах")}
        consonant = ("а", "у", "ом", "ем", "е")
    for ending, replacements in endings.items():
        if lower.endswith(ending):
            return [word[: -len(ending)] + r for r in replacements]
    if lower[-1] in "оеиуюэі":
        return []
    return [word + r for r in consonant]


def office_case(head: str, title: str, language: str) -> str:
    """The case of an office title as written: "министра" (title "министр") is genitive."""
    lemma = fold(title.split()[0])
    surface = fold(head)
    suffix = surface[len(stem(head, language)):]
    if lemma.endswith(("ый", "ий", "ой")):
        table = {"ый": NOM, "ий": NOM, "ой": NOM, "ого": GEN, "его": GEN, "ому": DAT, "ему": DAT, "ым": INS,
                 "им": INS, "ом": PREP, "ем": PREP}
    elif lemma.endswith("а"):
        table = {"а": NOM, "ы": GEN, "и": GEN, "е": DAT, "у": ACC, "ой": INS, "ою": INS}
    elif lemma.endswith("ь"):
        table = {"ь": NOM, "я": GEN, "ю": DAT, "ем": INS, "е": PREP, "ів": GEN, "еві": DAT}
    else:
        table = {"": NOM, "а": GEN, "у": DAT, "ом": INS, "ем": INS, "е": PREP, "ові": DAT, "і": PREP}
    return table.get(suffix, NOM)


# Surname endings by case and gender: (ending as written, ending in the nominative), longest first.
_MASCULINE = {
    GEN: (("ского", "ский"), ("цкого", "цкий"), ("ького", "ький"), ("ого", "ой"), ("ова", "ов"), ("ева", "ев"),
          ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"), ("іна", "ін")),
    DAT: (("скому", "ский"), ("цкому", "цкий"), ("ькому", "ький"), ("ому", "ой"), ("ову", "ов"), ("еву", "ев"),
          ("ину", "ин"), ("ыну", "ын"), ("ову", "ов"), ("ові", "")),
    INS: (("ским", "ский"), ("цким", "цкий"), ("ьким", "ький"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"),
          ("ыным", "ын"), ("овим", "ов"), ("іним", "ін")),
    PREP: (("ском", "ский"), ("цком", "цкий"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ыне", "ын")),
}
_MASCULINE[ACC] = _MASCULINE[GEN]
_FEMININE = {
    GEN: (("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ыной", "ына"),
          ("ської", "ська"), ("ової", "ова")),
    ACC: (("скую", "ская"), ("цкую", "цкая"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("ську", "ська")),
}
_FEMININE[DAT] = _FEMININE[INS] = _FEMININE[PREP] = _FEMININE[GEN]
_A_NOUN = {GEN: ("ы", "и"), DAT: ("е", "і"), ACC: ("у",), INS: ("ой", "ою", "ей"), PREP: ("е", "і")}
_HARD = {GEN: ("а",), DAT: ("у", "ові"), ACC: ("а",), INS: ("ом",), PREP: ("е", "і")}
_SOFT = {GEN: ("я",), DAT: ("ю",), ACC: ("я",), INS: ("ем",)}
_VOWELS = "аеёиоуыэюяіїє"


def surname_nominative(surname: str, case: str, gender: str | None) -> str:
    """The nominative of a surname in `case`; `gender` is m, f or None (unknown: read from the ending)."""
    if case == NOM:
        return surname
    lower = surname.lower()
    if gender is None:
        gender = "f" if lower.endswith(("овой", "евой", "иной", "ской", "цкой", "скую", "ської", "ової")) else "m"
    if gender == "f":
        for ending, nominative in _FEMININE.get(case, ()):
            if lower.endswith(ending):
                return surname[: -len(ending)] + nominative
        return _a_noun(surname, case)
    for ending, nominative in _MASCULINE.get(case, ()):
        if lower.endswith(ending):
            return surname[: -len(ending)] + nominative
    for ending in _HARD.get(case, ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 2 and lower[-len(ending) - 1] not in _VOWELS:
            return surname[: -len(ending)]  # Хаддада → Хаддад
    for ending in _SOFT.get(case, ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 3 and lower[-len(ending) - 1] not in _VOWELS:
            return surname[: -len(ending)] + "ь"  # Мореля → Морель
    return _a_noun(surname, case)


def _a_noun(surname: str, case: str) -> str:
    """A surname that declines like a noun in -а: Кулебы, Бурите, Буритой → Кулеба, Бурита."""
    lower = surname.lower()
    if lower.endswith(("ко", "их", "ых", "ово", "аго")):
        return surname
    for ending in _A_NOUN.get(case, ()):
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            return surname[: -len(ending)] + "а"
    return surname


def title_case(office_words: list[str], title: str, language: str) -> str:
    """The case an office title is written in: that of the first of its words not in the nominative."""
    for word, lemma in zip(office_words, title.replace("-", " ").split(), strict=False):
        case = office_case(word, lemma, language)
        if case != NOM:
            return case
    return NOM


def nominative(parts: list[str], initials: list[str], office_words: list[str], title: str,
               language: str) -> tuple[str, str, str]:
    """(given name or initial, surname, the name to show) in the nominative."""
    forms = _given_forms(language)
    if len(parts) >= 3 and parts[-1].lower().endswith(("вич", "вна", "ична", "ич")):
        parts = [parts[-1 - 2], parts[-2], parts[-1]]  # Лавров Сергей Викторович → surname first
        surname, given_word, patronymic = parts
        rest = [given_word, patronymic]
    else:
        surname = parts[-1]
        rest = parts[:-1]
    given_word = rest[0] if rest else ""
    known = forms.get(fold(given_word), []) if given_word else []
    if known:
        cases = {case for _, _, case in known}
        office = title_case(office_words, title, language)
        case = office if office in cases else next(iter(c for _, _, c in known))
        name, gender, _ = next(k for k in known if k[2] == case)
        given_shown = name
    else:
        case = title_case(office_words, title, language)
        gender = None
        given_shown = given_word
    surname_shown = surname_nominative(surname, case, gender)
    if len(rest) > 1 and known:
        rest_shown = [given_shown, *rest[1:]] if case == NOM else [given_shown]
    else:
        rest_shown = [given_shown] if given_shown else []
    shown_initials = "".join(f"{i}." for i in initials)
    display = " ".join(x for x in ([shown_initials] if shown_initials else []) + rest_shown + [surname_shown] if x)
    given = initials[0] if initials else given_shown
    return given, surname_shown, display
