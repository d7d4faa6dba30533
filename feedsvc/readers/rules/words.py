"""Words of a block: splitting, content words (function words left out), sentence ends, quotes."""

from __future__ import annotations

import re
from functools import lru_cache

from feedsvc.readers import vocabulary

WORD = re.compile(r"[^\W\d_][\w'’.\-]*", re.UNICODE)


LETTERS = re.compile(r"[^\W\d_]")


_SENTENCE_END = re.compile(r"[.!?。！？][\"'»”’)\]]*$")  # not "…": a title cut short ends so


QUOTES_OPEN = "\"“„«‘'‹"


QUOTES_CLOSE = "\"”“»’'›"


@lru_cache(maxsize=8192)
def words_of(text: str) -> tuple[str, ...]:
    """The words of `text`, lower case, with apostrophes and inner hyphens and dots kept ("gov.uk", "people's").
    Cached: the rules ask for the words of the same head blocks many times over."""
    return tuple(w.lower().rstrip(".-") for w in WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """The text closes with a full stop, a question or an exclamation mark (quotes and brackets after it allowed)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


def function_words() -> frozenset[str]:
    return vocabulary.words("open_endings")


@lru_cache(maxsize=8192)
def content_words(text: str) -> tuple[str, ...]:
    """Words that carry meaning: prepositions, articles and conjunctions of every language left out."""
    function = function_words()
    return tuple(w for w in words_of(text) if w not in function and len(w) > 1)


def plain_quotes(text: str) -> str:
    """Typographic apostrophes as the vocabulary writes them ("d’information" as "d'information")."""
    return text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")


def has_letters(text: str, at_least: int = 1) -> bool:
    return len(LETTERS.findall(text)) >= at_least
