"""Searches: word forms in every language, phrases, exclusions, alternatives and prefixes, and no search text that
the full-text index could run as its own syntax."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedsvc.search import MAX_LENGTH, QueryError, match_expression, normalise, parse
from feedsvc.words import search_terms, stem, ukrainian_stem

LANGUAGES = {"en", "ru", "uk", "de", "fr", "es", "pt", "it", "ar"}
DOCS = {
    1: ("Foreign Minister Sergey Lavrov held a telephone conversation with the Moroccan minister.", "en"),
    2: ("Министр иностранных дел провёл телефонный разговор с министром Марокко. В разговоре обсуждались.", "ru"),
    3: ("Der Außenminister führte ein Telefongespräch mit dem marokkanischen Außenminister.", "de"),
    4: ("Міністр провів телефонну розмову з міністром України.", "uk"),
    5: ("The conversations about Syria continued; the Russian-US contacts were agreed.", "en"),
    6: ("外務大臣は電話会談を行いました。", "ja"),
}


@pytest.fixture(scope="module")
def index():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0')")
    for rowid, (text, language) in DOCS.items():
        db.execute("INSERT INTO t(rowid, terms) VALUES (?, ?)", (rowid, " ".join(search_terms(text, language))))
    yield db
    db.close()


def found(index, q: str, languages=LANGUAGES) -> set[int]:
    expression = match_expression(parse(q), languages)
    return {row[0] for row in index.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))}


def test_a_word_finds_its_other_forms_in_every_language(index):
    assert found(index, "conversations") == {1, 5}
    assert found(index, "conversation") == {1, 5}
    assert found(index, "разговоры") == {2}
    assert found(index, "марокканские") == set()  # a Russian adjective is not the country's name
    assert found(index, "Марокко") == {2}
    assert found(index, "розмови") == {4}
    assert found(index, "Telefongespräche") == {3}


def test_quoted_phrases_keep_their_order(index):
    assert found(index, '"telephone conversation"') == {1}
    assert found(index, '"conversation telephone"') == set()
    assert found(index, "Russian-US") == {5}


def test_words_to_leave_out_alternatives_and_prefixes(index):
    assert found(index, "conversation -Lavrov") == {5}
    assert found(index, "Syria OR Moroccan") == {1, 5}
    assert found(index, "conver*") == {1, 5}
    assert found(index, "разгов*") == {2}


def test_chinese_and_japanese_are_searched_by_pairs_of_characters(index):
    assert found(index, "電話会談") == {6}
    assert found(index, "会談") == {6}


@pytest.mark.parametrize("q", ['NEAR(a b)', 'title:Lavrov', '"unbalanced', 'a * b', '(((x)))', '^start',
                               'a AND NOT b', '""', "Lavrov' OR 1=1 --", "{col}: x"])
def test_the_index_syntax_in_a_search_is_searched_as_words(index, q):
    try:
        query = parse(q)
    except QueryError:
        return
    index.execute("SELECT rowid FROM t WHERE t MATCH ?", (match_expression(query, LANGUAGES),)).fetchall()


def test_a_search_too_long_or_with_nothing_to_find_is_refused_with_a_reason():
    with pytest.raises(QueryError, match="at most"):
        parse("word " * 300)
    with pytest.raises(QueryError, match="at least one word"):
        parse("-Lavrov")
    with pytest.raises(QueryError, match="at least one word"):
        parse("((( )))")
    with pytest.raises(QueryError, match="letters before"):
        parse("c*")
    assert len(normalise("  a   b  ")) == 3 and MAX_LENGTH >= 100


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_search_is_refused_with_a_reason_or_runs(index, q):
    try:
        query = parse(q)
    except QueryError:
        return
    index.execute("SELECT rowid FROM t WHERE t MATCH ?", (match_expression(query, LANGUAGES),)).fetchall()


def test_stems_fold_accents_and_the_ukrainian_stemmer_finds_one_stem_for_a_noun():
    assert stem("Malí", "es") == stem("Mali", "es")
    assert stem("États", "fr") == stem("Etats", "fr")
    assert {ukrainian_stem(w) for w in ("україна", "україни", "україні", "україну", "україною")} == {"україн"}
