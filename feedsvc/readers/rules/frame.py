"""Rules for a web page's frame around the release: breadcrumbs, menus, share buttons, language switches."""

from __future__ import annotations

import re
from functools import cache

from feedsvc.readers import vocabulary
from feedsvc.readers.rules.words import ends_sentence, words_of

CHROME_SHARE = 0.6


def _language_names() -> frozenset[str]:
    """Languages by their own names ("English", "Русский", "Català"): the words of a language switcher."""
    return vocabulary.language_names()


BREADCRUMB_PARTS = (2, 6)


_CRUMB_SEPARATOR = re.compile(r"\s+(?:[>/|»›→—–]|::)\s+")


_KEYWORD_PATH = re.compile(r"^[^\W\d_][\w\-]*(?:/[^\W\d_][\w\-]*){2,}$")  # "Außenpolitik/Terrorismus/Russland"


def is_breadcrumb(text: str) -> bool:
    """A trail of short page names: "Home > News > Statements", "Country files — Egypt — Events",
    "Außenpolitik/Terrorismus/Russland"."""
    if _KEYWORD_PATH.match(text.strip()):
        return True
    parts = _CRUMB_SEPARATOR.split(text.strip())
    low, high = BREADCRUMB_PARTS
    return low <= len(parts) <= high and all(0 < len(words_of(p)) <= 4 and not ends_sentence(p) for p in parts)


@cache
def frame_words() -> frozenset[str]:
    """Single-word entries of the frame vocabulary, and language names."""
    return frozenset(w for w in vocabulary.words("chrome") if " " not in w) | _language_names()


@cache
def _frame_phrase_starts() -> frozenset[str]:
    return frozenset(w.split()[0] for w in vocabulary.words("chrome") if " " in w)


@cache
def _frame_phrases() -> re.Pattern:
    """Multi-word entries of the frame vocabulary ("decrease font size", "back to top"), matched whole."""
    phrases = sorted((w for w in vocabulary.words("chrome") if " " in w), key=len, reverse=True)
    return re.compile("|".join(vocabulary.bounded(p) for p in phrases), re.IGNORECASE)


def is_chrome(text: str) -> bool:
    """A line of a web page's frame: "Home / News / Statements", "Share: Facebook X LinkedIn",
    "Español English Français Català": mostly the words of navigation, sharing and language switchers."""
    s = text.strip()
    if is_breadcrumb(s) and (len(_CRUMB_SEPARATOR.findall(s)) >= 2 or _KEYWORD_PATH.match(s)):
        return True
    all_words = words_of(s)
    if not all_words or len(all_words) > 15 or ends_sentence(s) and len(all_words) > 3:
        return False
    rest = _frame_phrases().sub(" ", s) if set(all_words) & _frame_phrase_starts() else s
    known = len(all_words) - len(words_of(rest)) + sum(1 for w in words_of(rest) if w in frame_words())
    return known / len(all_words) >= CHROME_SHARE
