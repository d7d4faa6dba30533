"""The store: ids minted once and kept through edits, restarts, withdrawals and renames."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from feedsvc.models import Release
from feedsvc.store import Store, mint_id, slugify

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def release(title="Title", published=datetime(2021, 3, 14, tzinfo=UTC), body="Body.", **kw) -> Release:
    return Release(title=title, published=published, summary=body, body=body, body_html=f"<p>{body}</p>",
                   language=kw.pop("language", "en"), **kw)


def test_an_id_is_minted_once_and_survives_edits_and_restarts(tmp_path):
    db = tmp_path / "s.sqlite3"
    store = Store(db)
    action, first = store.save_release("a.txt", 10, 1, "h1", release(), NOW)
    assert action == "added"
    action, second = store.save_release("a.txt", 11, 2, "h2", release(body="Edited."), NOW + timedelta(hours=1))
    assert (action, second) == ("revised", first)
    store.close()
    reopened = Store(db)
    entry = reopened.entry_for_file("a.txt")
    assert entry.id == first
    assert entry.body == "Edited."
    assert entry.updated == NOW + timedelta(hours=1)


def test_the_id_is_a_valid_uri_predictable_from_path_and_content():
    assert mint_id("a.txt", "h1") == mint_id("a.txt", "h1")
    assert mint_id("a.txt", "h1") != mint_id("a.txt", "h2") != mint_id("b.txt", "h1")
    assert mint_id("a.txt", "h1").startswith("urn:uuid:")


def test_saving_the_same_content_again_changes_nothing(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    store.save_release("a.txt", 10, 1, "h1", release(), NOW)
    assert store.save_release("a.txt", 10, 5, "h1", release(), NOW + timedelta(days=1))[0] == "unchanged"
    assert store.entry_for_file("a.txt").updated == datetime(2021, 3, 14, tzinfo=UTC)


def test_a_withdrawn_entry_leaves_the_feed_but_keeps_its_page_record(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    _, entry_id = store.save_release("a.txt", 10, 1, "h1", release(), NOW)
    assert store.forget_file("a.txt", NOW) == entry_id
    assert store.entries(NOW) == []
    assert store.entry_by_id(entry_id).withdrawn == NOW
    assert [e.id for e in store.withdrawn_since(NOW - timedelta(days=1))] == [entry_id]


def test_a_renamed_file_keeps_its_id_and_link(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    _, entry_id = store.save_release("old-name.txt", 10, 1, "h1", release(), NOW)
    slug = store.entry_by_id(entry_id).slug
    store.forget_file("old-name.txt", NOW)
    action, again = store.save_release("new-name.txt", 10, 1, "h1", release(), NOW + timedelta(seconds=5))
    assert again == entry_id
    assert store.entry_by_id(entry_id).slug == slug
    assert store.entry_by_id(entry_id).withdrawn is None


def test_slugs_are_readable_and_unique(tmp_path):
    assert slugify("2020/Press Release — Lavrov & Bourita.txt") == "press-release-lavrov-bourita"
    assert slugify("Пресс-релиз.txt") == "пресс-релиз"
    assert slugify("!!!.txt") == "release"
    store = Store(tmp_path / "s.sqlite3")
    store.save_release("2020/note.txt", 1, 1, "h1", release(), NOW)
    store.save_release("2021/note.txt", 1, 1, "h2", release(), NOW)
    slugs = sorted(e.slug for e in store.entries(NOW))
    assert slugs == ["note", "note-2"]


def test_held_entries_are_counted_but_not_listed_until_their_time(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    embargo = NOW + timedelta(days=2)
    store.save_release("e.txt", 1, 1, "h1", release(embargo=embargo, published=NOW + timedelta(days=2)), NOW)
    assert store.entries(NOW) == []
    assert store.count_held(NOW) == 1
    assert store.next_release_time(NOW) == embargo
    later = embargo + timedelta(seconds=1)
    assert [e.title for e in store.entries(later)] == ["Title"]
    assert [e.title for e in store.released_between(NOW, later)] == ["Title"]


def test_entries_come_newest_first_and_filter_by_language(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    for i, lang in enumerate(["en", "ru", "en"]):
        store.save_release(f"{i}.txt", 1, 1, f"h{i}", release(title=f"T{i}", language=lang,
                                                              published=datetime(2021, 1, 1 + i, tzinfo=UTC)), NOW)
    assert [e.title for e in store.entries(NOW)] == ["T2", "T1", "T0"]
    assert [e.title for e in store.entries(NOW, language="en")] == ["T2", "T0"]
    assert store.languages(NOW) == ["en", "ru"]
    assert store.count_entries(NOW, language="ru") == 1
    assert [e.title for e in store.entries(NOW, limit=1, offset=1)] == ["T1"]


def test_rejections_are_listed_and_cleared_when_the_file_is_fixed(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    store.record_rejection("bad.txt", 0, 1, "", "The file is empty.")
    assert store.rejections() == [("bad.txt", "The file is empty.")]
    store.save_release("bad.txt", 10, 2, "h1", release(), NOW)
    assert store.rejections() == []


def test_many_files_with_the_same_name_get_numbered_slugs(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    for i in range(12):
        store.save_release(f"{2000 + i}/release_1.txt", 1, 1, f"h{i}", release(), NOW)
    store.save_release("release_10%.txt", 1, 1, "other", release(), NOW)
    slugs = {e.slug for e in store.entries(NOW, limit=100)}
    assert slugs == {"release_1", *(f"release_1-{n}" for n in range(2, 13)), "release_10"}
