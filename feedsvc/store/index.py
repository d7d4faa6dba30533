"""The search, topic and translation index: filled inside a release's save, walked newest first by the
search and topic feeds and pages."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from feedsvc.models import Entry, Release
from feedsvc.store.connection import Database
from feedsvc.store.rows import entry_from_row, from_text, to_text

SEARCH_KEY_SPAN = 1_000_000  # search keys per second of publication time


@dataclass(frozen=True)
class TopicRow:
    """A topic as the store keeps it: its slug is fixed at its first mention."""

    id: int
    kind: str
    key: str
    name: str
    slug: str


def index_release(db: sqlite3.Connection, entry_id: str, release: Release, reindex: bool) -> None:
    """Index a saved release, in the transaction that saves it: its text for search, its topics, its
    fingerprint, and the translation pairs of its day. An unchanged release that is indexed already is left as it
    is."""
    old = db.execute("SELECT search_key, day FROM entry_index WHERE entry_id=?", (entry_id,)).fetchone()
    if old is not None and not reindex:
        return
    if release.index is None:  # a release not read by the readers (tests, benchmarks): index it here
        from feedsvc.topics import with_topics

        release = dataclasses.replace(with_topics(release), topics=release.topics)
    index = release.index
    key = _free_search_key(db, release.published)
    day = index.fingerprint["day"]
    db.execute("INSERT OR REPLACE INTO entry_index(entry_id, search_key, day, fingerprint) VALUES (?,?,?,?)",
               (entry_id, key, day, json.dumps(index.fingerprint, ensure_ascii=False)))
    db.execute("DELETE FROM entry_topics WHERE entry_id=?", (entry_id,))
    topic_ids = []
    for topic in release.topics:
        topic_ids.append(_topic_id(db, topic))
        db.execute("INSERT OR IGNORE INTO entry_topics(topic_id, entry_id, search_key, language)"
                   " VALUES (?,?,?,?)", (topic_ids[-1], entry_id, key, release.language))
    db.execute("INSERT INTO search(rowid, terms, language, topics) VALUES (?,?,?,?)",
               (key, index.terms, _language_token(release.language), " ".join(f"t{i}" for i in topic_ids)))
    db.execute("INSERT OR IGNORE INTO index_languages(language) VALUES (?)", (release.language,))
    for changed_day in {day, old[1] if old else day}:
        _pair_day(db, changed_day)


def _free_search_key(db: sqlite3.Connection, published: datetime) -> int:
    """A new search key for a release published at `published`: later releases have larger keys."""
    base = int(published.timestamp()) * SEARCH_KEY_SPAN
    row = db.execute("SELECT max(search_key) FROM entry_index WHERE search_key >= ? AND search_key < ?",
                     (base, base + SEARCH_KEY_SPAN)).fetchone()
    orphan = db.execute("SELECT max(rowid) FROM search WHERE rowid >= ? AND rowid < ?",
                        (base, base + SEARCH_KEY_SPAN)).fetchone()
    taken = max(row[0] if row[0] is not None else base - 1, orphan[0] if orphan[0] is not None else base - 1)
    if taken + 1 >= base + SEARCH_KEY_SPAN:
        raise ValueError("more than a million releases published in one second")
    return taken + 1


def _topic_id(db: sqlite3.Connection, topic) -> int:
    """The id of a topic, added on its first mention with a slug of its own."""
    row = db.execute("SELECT id FROM topics WHERE kind=? AND key=?", (topic.kind, topic.key)).fetchone()
    if row is not None:
        return row[0]
    slug, n = topic.slug, 1
    while db.execute("SELECT 1 FROM topics WHERE slug=?", (slug,)).fetchone():
        n += 1
        slug = f"{topic.slug}-{n}"
    return db.execute("INSERT INTO topics(kind, key, name, slug) VALUES (?,?,?,?)",
                      (topic.kind, topic.key, topic.name, slug)).lastrowid


def _pair_day(db: sqlite3.Connection, day: str) -> None:
    """Pair the translations among the releases of one day (feedsvc.translations)."""
    from feedsvc.translations import Fingerprint, pairs

    rows = db.execute(
        "SELECT x.entry_id, x.fingerprint FROM entry_index x JOIN entries e ON e.id = x.entry_id"
        " WHERE x.day=? AND e.withdrawn IS NULL", (day,)).fetchall()
    ids = [r[0] for r in rows]
    db.executemany("DELETE FROM translations WHERE entry_id=?", [(i,) for i in ids])
    if len(rows) < 2:
        return
    found = pairs({r[0]: Fingerprint.from_json(json.loads(r[1])) for r in rows})
    db.executemany("INSERT OR IGNORE INTO translations(entry_id, other_id) VALUES (?,?)",
                   [p for a, b in found for p in ((a, b), (b, a))])


def _language_token(language: str) -> str:
    """The token a release's language is indexed as: its primary subtag, letters only ("en-GB" → "en")."""
    return re.sub(r"[^a-z]", "", language.split("-")[0].lower()) or "und"


class Index(Database):
    """Queries over the index: full-text search, topic feeds and counts, the translations of entries."""

    def index_languages(self) -> set[str]:
        """The languages of the indexed texts (a search's words are stemmed in each)."""
        return {r[0] for r in self._connection().execute("SELECT language FROM index_languages")}

    def search_entries(self, now: datetime, match: str, *, language: str | None = None, topic: int | None = None,
                       limit: int = 50) -> list[Entry]:
        """The newest `limit` live entries whose text matches `match` (an FTS5 expression over the stems, by
        feedsvc.search), maybe in one language or about one topic: the full-text index (which holds each entry's
        language and topics too) is walked newest first and stops at `limit`."""
        return [entry_from_row(r) for r in self._search("e.*", now, match, language, topic, limit)]

    def search_window(self, now: datetime, match: str, *, language: str | None = None, topic: int | None = None,
                      limit: int = 50) -> list[tuple[str, datetime]]:
        """(id, last change) of the entries search_entries would give, without their texts: a page's window."""
        return [(r[0], from_text(r[1])) for r in self._search(
            "e.id, max(e.first_seen, e.updated, e.available)", now, match, language, topic, limit)]

    def _search(self, columns: str, now: datetime, match: str, language: str | None, topic: int | None,
                limit: int) -> list[sqlite3.Row]:
        match = f"terms : ({match})"
        if language:
            match += f' AND language : "{_language_token(language)}"'
        if topic is not None:
            match += f' AND topics : "t{int(topic)}"'
        sql = (f"SELECT {columns} FROM search s JOIN entry_index x ON x.search_key = s.rowid"
               " JOIN entries e ON e.id = x.entry_id"
               " WHERE search MATCH ? AND e.withdrawn IS NULL AND e.available <= ?"
               + (" AND e.language = ?" if language else "") + " ORDER BY s.rowid DESC LIMIT ?")
        return self._connection().execute(sql, [match, to_text(now), *([language] if language else []),
                                                limit]).fetchall()

    def topic_entries(self, now: datetime, topic: int, *, language: str | None = None, limit: int = 50,
                      offset: int = 0) -> list[Entry]:
        """Live entries about one topic, newest first."""
        return [entry_from_row(r) for r in self._topic("e.*", now, topic, language, limit, offset)]

    def topic_window(self, now: datetime, topic: int, *, language: str | None = None,
                     limit: int = 50) -> list[tuple[str, datetime]]:
        """(id, last change) of the entries topic_entries would give, without their texts: a page's window."""
        return [(r[0], from_text(r[1])) for r in self._topic(
            "e.id, max(e.first_seen, e.updated, e.available)", now, topic, language, limit, 0)]

    def _topic(self, columns: str, now: datetime, topic: int, language: str | None, limit: int,
               offset: int) -> list[sqlite3.Row]:
        sql = (f"SELECT {columns} FROM entry_topics t JOIN entries e ON e.id = t.entry_id"
               " WHERE t.topic_id = ? AND e.withdrawn IS NULL AND e.available <= ?"
               + (" AND t.language = ?" if language else "") + " ORDER BY t.search_key DESC LIMIT ? OFFSET ?")
        return self._connection().execute(sql, [topic, to_text(now), *([language] if language else []), limit,
                                                offset]).fetchall()

    def topic_by_slug(self, slug: str) -> TopicRow | None:
        row = self._connection().execute("SELECT id, kind, key, name, slug FROM topics WHERE slug=?",
                                         (slug,)).fetchone()
        return TopicRow(*row) if row else None

    def topic_counts(self, now: datetime) -> list[tuple[TopicRow, int]]:
        """Every topic with live entries, with their number: by kind, the most mentioned first."""
        db = self._connection()
        counts = dict(db.execute(
            "SELECT topic_id, count(*) FROM entry_topics WHERE entry_id IN"
            " (SELECT id FROM entries WHERE withdrawn IS NULL AND available <= ?) GROUP BY topic_id",
            (to_text(now),)).fetchall())
        rows = [(TopicRow(*r), counts[r[0]]) for r in db.execute("SELECT id, kind, key, name, slug FROM topics")
                if r[0] in counts]
        return sorted(rows, key=lambda row: (row[0].kind, -row[1], row[0].name))

    def topics_for(self, entry_ids: list[str]) -> dict[str, list[TopicRow]]:
        """The topics of each of `entry_ids`, countries first, then organisations, people and tags."""
        out: dict[str, list[TopicRow]] = {}
        for chunk in range(0, len(entry_ids), 500):
            ids = entry_ids[chunk:chunk + 500]
            rows = self._connection().execute(
                "SELECT et.entry_id, t.id, t.kind, t.key, t.name, t.slug FROM entry_topics et"
                f" JOIN topics t ON t.id = et.topic_id WHERE et.entry_id IN ({','.join('?' * len(ids))})"
                " ORDER BY t.kind = 'tag', t.kind = 'person', t.kind = 'organisation', t.name", ids)
            for row in rows:
                out.setdefault(row[0], []).append(TopicRow(*row[1:]))
        return out

    def translations_of(self, now: datetime, entry_ids: list[str]) -> dict[str, list[Entry]]:
        """The live translations of each of `entry_ids` (the same release in other languages)."""
        if not entry_ids:
            return {}
        out: dict[str, list[Entry]] = {}
        for chunk in range(0, len(entry_ids), 500):
            ids = entry_ids[chunk:chunk + 500]
            rows = self._connection().execute(
                "SELECT tr.entry_id AS of_id, e.* FROM translations tr JOIN entries e ON e.id = tr.other_id"
                f" WHERE tr.entry_id IN ({','.join('?' * len(ids))}) AND e.withdrawn IS NULL AND e.available <= ?"
                " ORDER BY e.language", (*ids, to_text(now)))
            for row in rows:
                out.setdefault(row["of_id"], []).append(entry_from_row(row))
        return out
