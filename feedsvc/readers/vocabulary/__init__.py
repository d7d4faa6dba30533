"""The words the readers recognise, kept as data: one TOML table per language (en.toml, ru.toml, ...).

Adding a language means adding a file with the same keys; no pattern elsewhere changes. Every table has:

- `labels`: lines that name the kind of document ("Press release", "Nota à imprensa"), never a release's title;
- `organisations`: words letterheads are made of ("Ministry", "Auswärtiges Amt", "Пресс-служба");
- `closings`: marks that end the release text ("ENDS", "-30-");
- `notes`: headings of what follows the release ("Notes to editors");
- `contact_labels`: labels of press contacts ("Media enquiries", "Контакты");
- `bylines`: words that open a byline or a source line ("From:", "Published", "Опубликовано");
- `lead_ins`: phrases of a sentence that only announces a statement ("issued the following statement:");
- `open_endings`: words a title line cannot end with: prepositions, articles, conjunctions ("of", "и", "der");
- `abbreviations`: words a full stop follows without ending the sentence ("Mr", "г", "Nr");
- `chrome`: words of a web page's frame ("Share", "Print", "Главная");
- `hyphen_prefixes`, `hyphen_suffixes`: parts of hyphenated compounds, so a hyphen at a line end is kept after
  or before them ("пресс-" + "релиз", "ice-" + "based"); `vowel_prefixes` keep it only before a vowel
  ("pre-" + "election", but "pre" + "vious");
- `dateline_fillers`: words a dateline carries besides its date ("Published", "года");
- `attributions`: how a heading that names a document's author starts ("Statement by", "Déclaration de",
  "Заявление"): above a longer headline it is the author's line, not the title;
- `subtitle_marks`: what opens a subtitle line that says it is one ("Utl.:", "Subtitle:"), never a title.

`language_names.txt` lists every language by its own name (the words of a language switcher), written from CLDR
by `autonyms.py`.

Matching is by language-independent union: a file's language is often unknown when its head is read, and the words
of different languages do not collide in ways that matter here.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent
KINDS = ("labels", "organisations", "closings", "notes", "contact_labels", "bylines", "lead_ins", "open_endings",
         "abbreviations", "chrome", "hyphen_prefixes", "vowel_prefixes", "hyphen_suffixes", "dateline_fillers",
         "attributions", "subtitle_marks")


@cache
def tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """Every language's table, by language code."""
    found = {}
    for path in sorted(FOLDER.glob("*.toml")):
        with path.open("rb") as f:
            table = tomllib.load(f)
        unknown = set(table) - set(KINDS)
        if unknown:
            raise ValueError(f"{path.name}: unknown vocabulary kinds {sorted(unknown)}")
        found[path.stem] = {kind: tuple(str(w).lower() for w in table.get(kind, ())) for kind in KINDS}
    return found


@cache
def words(kind: str) -> frozenset[str]:
    """All entries of one kind, in every language."""
    return frozenset(w for table in tables().values() for w in table[kind])


@cache
def first_words(kind: str) -> frozenset[str]:
    """The first word of every entry of one kind: a cheap test before a text is matched against all of them."""
    return frozenset(entry.split()[0] for entry in words(kind) if entry.split())


@cache
def phrase_pattern(kind: str) -> str:
    """A regular-expression alternation of one kind's entries, longest first, each bounded as whole words."""
    entries = sorted(words(kind), key=len, reverse=True)
    return "|".join(bounded(e) for e in entries)


def bounded(entry: str) -> str:
    """A regular expression for `entry` as whole words, its spaces matching any white space."""
    body = r"\s+".join(re.escape(part) for part in entry.split())
    left = r"(?<![^\W_])" if entry[:1].isalnum() else ""
    right = r"(?![^\W_])" if entry[-1:].isalnum() else ""
    return left + body + right


@cache
def language_names() -> frozenset[str]:
    """Every language's name in that language, lower case ("english", "русский"), as `autonyms.py` wrote them."""
    lines = (FOLDER / "language_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
