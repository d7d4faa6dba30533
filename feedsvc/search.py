"""Searches as subscribers write them (`?q=`), read into a query for the store's full-text index.

A search is words, all of which a release must hold in some form ("conversations" finds "conversation",
"разговоры" finds "разговоре"), "quoted phrases", words to leave out (-word), alternatives (word OR word), and a
prefix (conver*). Every other character is punctuation, so the index's own syntax (NEAR, parentheses, column
filters, ^) is searched for as plain words, never run; a search that is too long or has nothing to find gets a
clear error (the web layer answers 400).

Words are stemmed like the index (feedsvc.words): by each language a release may be in, since a search does not
say its language, and as written, for names and languages without a stemmer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from feedsvc.words import LANGUAGE_SCRIPT, STEMMED_LANGUAGES, fold, is_cjk, script, search_terms, stem, tokens

MAX_LENGTH = 200  # characters of a search
MAX_TERMS = 12  # words and phrases of a search
MIN_PREFIX = 3  # letters before a * (a shorter prefix would match most of the archive)
_PIECE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """A search that cannot be run, with the reason a subscriber can act on."""


@dataclass(frozen=True)
class Term:
    """One word or phrase of a search."""

    words: tuple[str, ...]  # as written, without quotes, minus sign or star
    phrase: bool = False
    prefix: bool = False
    exclude: bool = False


@dataclass(frozen=True)
class Query:
    """A search: clauses that must all match (each a word, a phrase, or alternatives joined by OR), and terms that
    must not."""

    text: str  # the search with its spaces normalised: the canonical form of `q`
    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]


def normalise(q: str) -> str:
    """`q` with runs of white space made one space, trimmed: the canonical form of a search in a URL."""
    return " ".join(q.split())


def parse(q: str) -> Query:
    """Read a search; raises QueryError for one that is too long or has nothing to find."""
    text = normalise(q)
    if len(text) > MAX_LENGTH:
        raise QueryError(f"A search can be at most {MAX_LENGTH} characters long.")
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for match in _PIECE.finditer(text):
        minus, quoted, bare = match.groups()
        if bare is not None:
            if bare in ("OR", "|"):
                join_next = bool(clauses)
                continue
            if bare == "AND":
                continue
            exclude = bare.startswith("-") and len(bare) > 1
            raw = bare[1:] if exclude else bare
            prefix = raw.endswith("*")
            words = tuple(t.text for t in tokens(raw))
            if not words:
                continue
            if prefix and len(words) == 1:
                if len(fold(words[0])) < MIN_PREFIX:
                    raise QueryError(f"Write at least {MIN_PREFIX} letters before a *.")
                term = Term(words, prefix=True, exclude=exclude)
            else:
                term = Term(words, phrase=len(words) > 1, exclude=exclude)  # "Russian-US" is a phrase
        else:
            words = tuple(t.text for t in tokens(quoted))
            if not words:
                continue
            term = Term(words, phrase=len(words) > 1, exclude=bool(minus))
        if term.exclude:
            excluded.append(term)
        elif join_next:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        join_next = False
    if len(clauses) + len(excluded) > MAX_TERMS:
        raise QueryError(f"A search can have at most {MAX_TERMS} words and phrases.")
    if not clauses:
        raise QueryError("A search needs at least one word to find (not only words to leave out).")
    return Query(text, tuple(tuple(c) for c in clauses), tuple(excluded))


def match_expression(query: Query, languages: set[str]) -> str:
    """The query in SQLite FTS5's syntax over an index of stems (words.search_terms), trying each word's stem in
    each of `languages` that writes its script. Every stem is quoted, so nothing of the search is FTS5 syntax."""
    must = " AND ".join("(" + " OR ".join(_term(t, languages) for t in clause) + ")" for clause in query.clauses)
    if not query.excluded:
        return must
    return f"({must}) NOT (" + " OR ".join(_term(t, languages) for t in query.excluded) + ")"


def _term(term: Term, languages: set[str]) -> str:
    if term.prefix:
        return f"{_quote(fold(term.words[0]))} *"
    alternatives = []
    for language in _languages(term.words, languages):
        stems = search_terms(" ".join(term.words), language) if language else \
            [s for w in term.words for s in search_terms(w, None)]
        if stems:
            alternatives.append(" ".join(_quote(s) for s in stems) if len(stems) == 1 else
                                _quote(" ".join(stems)))
    unique = list(dict.fromkeys(alternatives))
    return unique[0] if len(unique) == 1 else "(" + " OR ".join(unique) + ")"


def _languages(words: tuple[str, ...], languages: set[str]) -> list[str | None]:
    """The languages whose stems a term is searched by: those of `languages` that write the script of its first
    word (and have a stemmer), and None for the words as written."""
    first = words[0]
    if is_cjk(first):
        return [None]
    word_script = script(first)
    found = sorted(lang for lang in languages
                   if lang in STEMMED_LANGUAGES and LANGUAGE_SCRIPT.get(lang) == word_script)
    return [*found, None]


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def stems_of(word: str, language: str | None) -> str:
    """A word's stem as the index keeps it (for tests and the bench)."""
    return stem(word, language).replace("’", "")
