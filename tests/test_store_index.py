"""The store's search, topic and translation indexes follow every change of a release: edits, withdrawals,
embargoes and upgrades of the database."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from feedsvc.models import Release
from feedsvc.readers import ReaderOptions, read_release
from feedsvc.search import match_expression, parse
from feedsvc.store import INDEX_VERSION, Store
from feedsvc.topics import indexed

CORPUS = Path(__file__).parent / "data" / "corpus" / "cyrillic"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def read(name: str, text: str | None = None) -> Release:
    data = text.encode() if text is not None else (CORPUS / name).read_bytes()
    release = read_release(name, data, datetime(2022, 9, 5, 12, tzinfo=UTC), ReaderOptions(now=NOW))
    assert isinstance(release, Release)
    return indexed(name, release, ReaderOptions().zone)


def found(store: Store, q: str) -> list[str]:
    return [e.title for e in store.search_entries(NOW, match_expression(parse(q), {"en", "ru"}))]


def save(store: Store, name: str, release: Release, content: str = "") -> str:
    return store.save_release(name, 1, 1, content or name, release, NOW)[1]


def test_an_edited_release_is_found_by_its_new_words_only(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    save(store, "a.md", read("a.md", "---\ntitle: Talks on fisheries\ndate: 2022-09-05\n---\n\nSardines.\n"))
    assert found(store, "sardines") == ["Talks on fisheries"]
    save(store, "a.md", read("a.md", "---\ntitle: Talks on fisheries\ndate: 2022-09-05\n---\n\nAnchovies.\n"),
         "edited")
    assert found(store, "sardines") == []
    assert found(store, "anchovies") == ["Talks on fisheries"]


def test_withdrawn_and_embargoed_releases_are_in_no_search_topic_or_translation(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    russian = read("МИД РК Кабул заявление.txt")
    english = read("kazakh-mfa-kabul-2022.md")
    ru_id, en_id = save(store, "ru.txt", russian), save(store, "en.md", english)
    assert [e.id for e in store.translations_of(NOW, [en_id])[en_id]] == [ru_id]
    afghanistan = store.topic_by_slug("afghanistan")
    assert len(store.topic_entries(NOW, afghanistan.id)) == 2
    store.forget_file("ru.txt", NOW)
    assert store.translations_of(NOW, [en_id]) == {}
    assert [e.id for e in store.topic_entries(NOW, afghanistan.id)] == [en_id]
    assert all("Решительно" not in t for t in found(store, "Кабул OR Kabul"))
    held = dataclasses.replace(read("later.md", "---\ntitle: Kabul embassy reopens\ndate: 2030-01-01\n---\n\n"
                                                "The embassy in Kabul reopens.\n"))
    save(store, "later.md", held)
    assert "Kabul embassy reopens" not in found(store, "Kabul")
    assert "Kabul embassy reopens" in [e.title for e in store.search_entries(
        NOW + timedelta(days=3000), match_expression(parse("Kabul"), {"en"}))]


def test_topic_slugs_stay_and_counts_follow_the_live_releases(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    save(store, "ru.txt", read("МИД РК Кабул заявление.txt"))
    save(store, "en.md", read("kazakh-mfa-kabul-2022.md"))
    counts = {t.slug: n for t, n in store.topic_counts(NOW)}
    assert counts["kazakhstan"] == 2 and counts["afghanistan"] == 2 and counts["mfa"] == 1
    store.forget_file("en.md", NOW)
    counts = {t.slug: n for t, n in store.topic_counts(NOW)}
    assert counts["kazakhstan"] == 1 and "mfa" not in counts
    assert store.topic_by_slug("mfa") is not None  # the topic stays, with its slug, for when it comes back


def test_a_database_indexed_by_an_older_feedsvc_is_read_again_once(tmp_path):
    path = tmp_path / "db.sqlite3"
    store = Store(path)
    save(store, "en.md", read("kazakh-mfa-kabul-2022.md"))
    store.close()
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='0' WHERE key='index_version'")
    db.commit()
    db.close()
    store = Store(path)
    assert store.get_meta("index_version") == INDEX_VERSION
    assert store.file_signatures()[0]["en.md"] == (1, -1)  # read again by the next scan
    assert found(store, "Kabul") == []  # the old index is gone until then
    save(store, "en.md", read("kazakh-mfa-kabul-2022.md"))
    assert found(store, "Kabul") and store.topic_by_slug("kazakhstan") is not None


def test_a_search_in_one_language_or_one_topic_finds_only_those(tmp_path):
    store = Store(tmp_path / "db.sqlite3")
    save(store, "ru.txt", read("МИД РК Кабул заявление.txt"))
    save(store, "en.md", read("kazakh-mfa-kabul-2022.md"))
    save(store, "other.md", read("other.md", "---\ntitle: Embassy in Kabul closes\ndate: 2022-09-06\n---\n\n"
                                             "The embassy in Kabul closes for a day.\n"))
    expression = match_expression(parse("Kabul OR Кабул"), {"en", "ru"})
    assert {e.language for e in store.search_entries(NOW, expression)} == {"en", "ru"}
    assert {e.language for e in store.search_entries(NOW, expression, language="ru")} == {"ru"}
    kazakhstan = store.topic_by_slug("kazakhstan")
    titles = [e.title for e in store.search_entries(NOW, expression, topic=kazakhstan.id)]
    assert len(titles) == 2 and "Embassy in Kabul closes" not in titles
    window = store.search_window(NOW, expression, limit=10)
    assert [i for i, _ in window] == [e.id for e in store.search_entries(NOW, expression, limit=10)]
    assert all(change.tzinfo is not None for _, change in window)
