"""The only module that speaks SQL: entries, the file stamp cache, rendered feed documents and scan state."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import sqlite3
import threading
import unicodedata
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from feedsvc.lognames import quote
from feedsvc.models import Action, Entry, FileStamp, Release, StoredDocument
from feedsvc.originals import OriginalInfo

log = logging.getLogger(__name__)

BASE_URL_KEY = "base_url"  # meta: the URL the stored feeds were built with
ID_NAMESPACE = uuid.UUID("6f0e9d2e-5c1a-4f0e-9a57-2f3c1b7d8e41")

SCHEMA = """
CREATE TABLE IF NOT EXISTS entries (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    source       TEXT,
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL,
    body         TEXT NOT NULL,
    body_html    TEXT NOT NULL,
    language     TEXT NOT NULL,
    tags         TEXT NOT NULL,
    warnings     TEXT NOT NULL,
    published    TEXT NOT NULL,
    embargo      TEXT,
    available    TEXT NOT NULL,
    updated      TEXT NOT NULL,
    first_seen   TEXT NOT NULL,
    withdrawn    TEXT,
    has_time     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX IF NOT EXISTS entries_source ON entries(source) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_order ON entries(published DESC, id DESC);
-- Feed pages: walking and counting live entries touches the index only, even deep in a large archive.
CREATE INDEX IF NOT EXISTS entries_live ON entries(published DESC, id DESC, available) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_live_language
    ON entries(language, published DESC, id DESC, available) WHERE withdrawn IS NULL;
CREATE INDEX IF NOT EXISTS entries_hash ON entries(content_hash);
-- The last withdrawal (every feed page's Last-Modified, and /healthz) without reading every entry.
CREATE INDEX IF NOT EXISTS entries_withdrawn ON entries(withdrawn) WHERE withdrawn IS NOT NULL;
CREATE TABLE IF NOT EXISTS files (
    path         TEXT PRIMARY KEY,
    size         INTEGER NOT NULL,
    mtime_ns     INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    status       TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    entry_id     TEXT,
    missing_since TEXT  -- the file vanished then; its entry waits withdraw_grace_seconds for a move to show up
);
-- Other slugs that lead to an entry: the name a renamed or moved file has now (/releases/<alias> redirects).
CREATE TABLE IF NOT EXISTS aliases (
    slug     TEXT PRIMARY KEY,
    entry_id TEXT NOT NULL
);
-- A vanished file's copy (refused as a duplicate) is found by its content.
CREATE INDEX IF NOT EXISTS files_hash ON files(content_hash);
CREATE TABLE IF NOT EXISTS documents (
    key           TEXT PRIMARY KEY,
    content_type  TEXT NOT NULL,
    body          BLOB NOT NULL,
    gzip_body     BLOB NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL
);
-- The file as the press office dropped it, for releases read from Word or PDF (served at /originals/<slug>.<ext>);
-- it goes when its release is withdrawn.
CREATE TABLE IF NOT EXISTS originals (
    entry_id     TEXT PRIMARY KEY,
    extension    TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    data         BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- Search, topics and translations (feedsvc.search, feedsvc.topics, feedsvc.translations). Each entry has a search
-- key that orders it as the feeds do (newest first) and that is the rowid of its text in the full-text index, so
-- a search or topic feed walks its index newest first and stops at the end of its page.
CREATE TABLE IF NOT EXISTS entry_index (
    entry_id    TEXT PRIMARY KEY,
    search_key  INTEGER NOT NULL UNIQUE,
    day         TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entry_index_day ON entry_index(day);
-- Stems of each entry's title and text (words.search_terms); the index keeps no copy of them (content=''). A
-- revised entry gets a new search key; its old row is left behind, matched by no entry.
CREATE VIRTUAL TABLE IF NOT EXISTS search
    USING fts5(terms, language, topics, content='', tokenize='unicode61 remove_diacritics 0');
CREATE TABLE IF NOT EXISTS topics (
    id   INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    key  TEXT NOT NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    UNIQUE (kind, key)
);
CREATE TABLE IF NOT EXISTS entry_topics (
    topic_id   INTEGER NOT NULL,
    entry_id   TEXT NOT NULL,
    search_key INTEGER NOT NULL,
    language   TEXT NOT NULL,
    PRIMARY KEY (topic_id, search_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entry_topics_entry ON entry_topics(entry_id);
CREATE INDEX IF NOT EXISTS entry_topics_language ON entry_topics(topic_id, language, search_key);
CREATE TABLE IF NOT EXISTS translations (
    entry_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    PRIMARY KEY (entry_id, other_id)
) WITHOUT ROWID;
-- The languages of the indexed texts: a search's words are stemmed in each of them.
CREATE TABLE IF NOT EXISTS index_languages (
    language TEXT PRIMARY KEY
) WITHOUT ROWID;
"""
INDEX_VERSION = "3"  # meta: bumped when topics or stems are found differently, so every release is indexed again
INDEX_TABLES = ("search", "entry_index", "entry_topics", "translations", "index_languages")  # dropped then (topics
# stay, so their slugs do)
SEARCH_KEY_SPAN = 1_000_000  # search keys per second of publication time


@dataclass(frozen=True)
class TopicRow:
    """A topic as the store keeps it: its slug is fixed at its first mention."""

    id: int
    kind: str
    key: str
    name: str
    slug: str


@dataclass(frozen=True)
class FileOutcomeRow:
    """One known file as the last scan left it, with its entry's state (no text)."""

    path: str
    size: int
    mtime_ns: int
    status: str  # published, held, rejected
    reason: str
    missing_since: datetime | None
    entry_id: str | None
    has_warnings: bool
    available: datetime | None
    withdrawn: datetime | None


def mint_id(path: str, content_hash: str) -> str:
    """The permanent id a release gets when it is first seen (predictable, so `parse` can show it)."""
    return "urn:uuid:" + str(uuid.uuid5(ID_NAMESPACE, path + "\n" + content_hash))


def slugify(path: str) -> str:
    """A readable URL segment from a file name: `Press Release 3.txt` -> `press-release-3`."""
    stem = Path(path).stem
    text = unicodedata.normalize("NFKC", stem).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    return text[:80].strip("-_") or "release"


def to_text(dt: datetime | None) -> str | None:
    """Datetimes are stored as UTC ISO 8601 text, which sorts correctly."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


class Store:
    """SQLite in WAL mode; one connection per thread, opened lazily (never across a fork)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._pid = os.getpid()
        self._epoch = 0  # bumped by reopen(): every thread's connection is then opened again
        self._file: tuple[int, int] | None = None  # (device, inode) of the database file the connections use
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection(create=True).executescript(SCHEMA)  # idempotent DDL; manages its own transaction
        self._migrate()
        self._migrate_index()

    def _migrate(self) -> None:
        """Bring a database made by an older feedsvc up to date (every process may try; one does it)."""
        def columns(db: sqlite3.Connection, table: str) -> set[str]:
            return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}

        db = self._connection()
        if db.execute("SELECT 1 FROM meta WHERE key='originals_kept'").fetchone() is None:
            with self._write() as db:
                # Word and PDF files stored before originals were kept are read once more, to keep theirs.
                db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected' AND"
                           " (lower(path) LIKE '%.pdf' OR lower(path) LIKE '%.docx')")
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('originals_kept', '1')")
        if "has_time" in columns(db, "entries") and "missing_since" in columns(db, "files"):
            return
        with self._write() as db:
            if "missing_since" not in columns(db, "files"):
                db.execute("ALTER TABLE files ADD COLUMN missing_since TEXT")
            if "has_time" in columns(db, "entries"):
                return
            db.execute("ALTER TABLE entries ADD COLUMN has_time INTEGER NOT NULL DEFAULT 1")
            # Releases that give only a date were stamped 00:00 in the deployment's zone: read every file again
            # once (a forgotten stamp and hash make the next scan re-read it; ids, links and `updated` stay).
            db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected'")
        log.info("database %s upgraded: every release file is read again once, for date-only releases", self.path)

    def _migrate_index(self) -> None:
        """A database whose entries were indexed (topics, search, translations) by an older feedsvc, or not at
        all, has every release file read again once; ids, links and `updated` times stay."""
        if self.get_meta("index_version") == INDEX_VERSION:
            return
        with self._write() as db:
            if (db.execute("SELECT value FROM meta WHERE key='index_version'").fetchone() or [None])[0] \
                    == INDEX_VERSION:
                return
            stale = db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
            if stale:
                db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected'")
            for table in INDEX_TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('index_version', ?)", (INDEX_VERSION,))
        self._connection().executescript(SCHEMA)  # the index tables anew
        if stale:
            log.info("database %s: releases are read again once, for their topics, search and translations",
                     self.path)

    @property
    def generation_file(self) -> Path:
        return self.path.with_name(self.path.name + ".generation")

    def _connection(self, create: bool = False) -> sqlite3.Connection:
        """This thread's connection. Only the constructor and reopen(create=True) may create the file: a
        connection opened later fails while the database is missing, rather than start an empty one."""
        db = getattr(self._local, "db", None)
        if db is not None and getattr(self._local, "epoch", 0) != self._epoch and self._pid == os.getpid():
            db.close()  # the database file was replaced: this connection still sees the old one
            db = self._local.db = None
        if db is None or self._pid != os.getpid():
            if self._pid != os.getpid():
                self._local = threading.local()
                self._pid = os.getpid()
            target = self.path if create else self.path.absolute().as_uri() + "?mode=rw"
            db = sqlite3.connect(target, timeout=10, isolation_level=None, check_same_thread=True, uri=not create)
            self._local.epoch = self._epoch
            if self._file is None:
                self._file = _identity(self.path)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA busy_timeout=10000")
            db.execute("PRAGMA cache_size=-1024")  # 1 MB a connection: web workers hold one per thread
            self._local.db = db
        return db

    @contextmanager
    def traced(self) -> Iterator[list[str]]:
        """The SQL statements this thread runs inside the block (for tests and profiling)."""
        statements: list[str] = []
        db = self._connection()
        db.set_trace_callback(statements.append)
        try:
            yield statements
        finally:
            db.set_trace_callback(None)

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """The one write path: BEGIN IMMEDIATE, so a read-then-write never fails with 'database is locked'.

        When SQLite fails (a full disk, a read-only folder), this thread's connection is closed: the next write
        opens a new one, which sees the disk as it is then."""
        db = self._connection()
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error:
            self.close()
            raise
        try:
            yield db
        except BaseException as e:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            if isinstance(e, sqlite3.Error):
                self.close()
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            self.close()
            raise

    def replaced(self) -> bool:
        """True when the database file these connections use is no longer at its path (deleted, or another file
        put there): one stat."""
        return self._file is not None and _identity(self.path) != self._file

    def reopen(self, create: bool = False) -> bool:
        """Open the file now at the path, in every thread of this process (at its next query); False when there
        is none. With `create` (the ingest), a missing database is started anew, and the old one's WAL files,
        which would otherwise be replayed into it, are set aside first."""
        if not self.path.exists():
            if not create:
                return False
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("-wal", "-shm"):
                stale = self.path.with_name(self.path.name + suffix)
                if stale.exists():
                    stale.unlink()
        self._epoch += 1
        self._file = None
        self.close()
        if create:
            self._connection(create=True).executescript(SCHEMA)
            self._migrate()
        return True

    def file_signatures(self) -> tuple[dict[str, tuple[int, int]], dict[str, str], dict[str, datetime]]:
        """(size, mtime_ns) of every known file, the reasons of the rejected ones, and since when the missing ones
        have been gone: what a rescan compares."""
        signatures: dict[str, tuple[int, int]] = {}
        rejected: dict[str, str] = {}
        missing: dict[str, datetime] = {}
        for path, size, mtime_ns, status, reason, missing_since in self._connection().execute(
                "SELECT path, size, mtime_ns, status, reason, missing_since FROM files"):
            signatures[path] = (size, mtime_ns)
            if status == "rejected":
                rejected[path] = reason
            if missing_since:
                missing[path] = from_text(missing_since)
        return signatures, rejected, missing

    def mark_missing(self, path: str, since: datetime) -> None:
        """The file is not in the folder any more; its entry stays until the grace period ends (or a move)."""
        with self._write() as db:
            db.execute("UPDATE files SET missing_since=? WHERE path=? AND missing_since IS NULL",
                       (to_text(since), path))

    def clear_missing(self, path: str) -> None:
        """A missing file is back where it was."""
        with self._write() as db:
            db.execute("UPDATE files SET missing_since=NULL WHERE path=?", (path,))

    def file_stamp(self, path: str) -> FileStamp | None:
        row = self._connection().execute(
            "SELECT path, size, mtime_ns, content_hash, status, reason, entry_id FROM files WHERE path=?",
            (path,)).fetchone()
        return FileStamp(*row) if row else None

    def restamp_file(self, path: str, size: int, mtime_ns: int) -> None:
        """The file was touched but its content is the same."""
        with self._write() as db:
            db.execute("UPDATE files SET size=?, mtime_ns=?, missing_since=NULL WHERE path=?", (size, mtime_ns, path))

    def record_rejection(self, path: str, size: int, mtime_ns: int, content_hash: str, reason: str) -> None:
        """Remember a rejected file; a live entry from an earlier good version stays published."""
        with self._write() as db:
            old = db.execute("SELECT entry_id FROM files WHERE path=?", (path,)).fetchone()
            db.execute(
                "INSERT OR REPLACE INTO files(path, size, mtime_ns, content_hash, status, reason, entry_id)"
                " VALUES (?,?,?,?,?,?,?)",
                (path, size, mtime_ns, content_hash, "rejected", reason, old[0] if old else None))

    def rejections(self) -> list[tuple[str, str]]:
        rows = self._connection().execute(
            "SELECT path, reason FROM files WHERE status='rejected' ORDER BY path")
        return [(r[0], r[1]) for r in rows]

    def save_release(self, path: str, size: int, mtime_ns: int, content_hash: str, release: Release,
                     now: datetime, take_over: str | None = None) -> tuple[Action, str]:
        """Add or revise the entry for `path`; returns (action, entry id). The id is minted once, here.

        `take_over` names a vanished file whose entry this file continues (renamed and edited): the entry keeps
        its id and link, and is revised."""
        available = release.available_at()
        fields = {
            "content_hash": content_hash,
            "title": release.title,
            "summary": release.summary,
            "body": release.body,
            "body_html": release.body_html,
            "language": release.language,
            "tags": json.dumps(list(release.tags), ensure_ascii=False),
            "warnings": json.dumps(list(release.warnings), ensure_ascii=False),
            "published": to_text(release.published),
            "embargo": to_text(release.embargo),
            "available": to_text(available),
            "has_time": int(release.has_time),
        }
        status = "held" if available > now else "published"
        with self._write() as db:
            row = db.execute(
                "SELECT id, content_hash FROM entries WHERE source=? AND withdrawn IS NULL", (path,)).fetchone()
            revived = False
            if row is None and take_over is not None:
                row = db.execute("SELECT id, content_hash FROM entries WHERE source=? AND withdrawn IS NULL",
                                 (take_over,)).fetchone()
                if row is not None:
                    db.execute("DELETE FROM files WHERE path=?", (take_over,))
                    self._add_alias(db, slugify(path), row[0])
            if row is None:
                revived = True
                row = db.execute(
                    "SELECT id, content_hash FROM entries WHERE content_hash=? AND withdrawn IS NOT NULL"
                    " ORDER BY withdrawn DESC LIMIT 1", (content_hash,)).fetchone()
                if row is not None:
                    log.info("%s has the content of a withdrawn release; it comes back as %s", quote(path), row[0])
                    self._add_alias(db, slugify(path), row[0])
            if row is None:
                entry_id = mint_id(path, content_hash)
                if db.execute("SELECT 1 FROM entries WHERE id=?", (entry_id,)).fetchone():
                    entry_id = f"urn:uuid:{uuid.uuid4()}"
                slug = self._free_slug(db, slugify(path))
                db.execute(
                    f"INSERT INTO entries(id, slug, source, updated, first_seen, {', '.join(fields)})"
                    f" VALUES (?,?,?,?,?,{','.join('?' * len(fields))})",
                    (entry_id, slug, path, to_text(available), to_text(now), *fields.values()))
                action = Action.ADDED
            else:
                entry_id = row[0]
                changed = revived or row[1] != content_hash
                assignments = ", ".join(f"{k}=?" for k in fields)
                db.execute(
                    f"UPDATE entries SET source=?, withdrawn=NULL, {assignments}"
                    + (", updated=?" if changed else "") + " WHERE id=?",
                    (path, *fields.values(), *([to_text(now)] if changed else []), entry_id))
                action = Action.ADDED if revived else Action.REVISED if changed else Action.UNCHANGED
            self._index(db, entry_id, release, reindex=action != Action.UNCHANGED)
            db.execute(
                "INSERT OR REPLACE INTO files(path, size, mtime_ns, content_hash, status, reason, entry_id)"
                " VALUES (?,?,?,?,?,?,?)", (path, size, mtime_ns, content_hash, status, "", entry_id))
        return action, entry_id

    @staticmethod
    def _free_slug(db: sqlite3.Connection, slug: str) -> str:
        """`slug`, or `slug-2`, `slug-3`...: one indexed range query, however many files share a name."""
        taken = {r[0] for r in db.execute(
            "SELECT slug FROM entries WHERE slug=? OR (slug>=? AND slug<?)", (slug, slug + "-", slug + "."))}
        candidate, n = slug, 1
        while candidate in taken:
            n += 1
            candidate = f"{slug}-{n}"
        return candidate

    @staticmethod
    def _add_alias(db: sqlite3.Connection, slug: str, entry_id: str) -> None:
        """Let /releases/<slug> lead to the entry, unless that slug already names another entry or alias."""
        if db.execute("SELECT 1 FROM entries WHERE slug=?", (slug,)).fetchone() is None:
            db.execute("INSERT OR IGNORE INTO aliases(slug, entry_id) VALUES (?,?)", (slug, entry_id))

    def live_entry_with_hash(self, content_hash: str, other_than: str) -> str | None:
        """The path of a published file with exactly this content, if another file already has it."""
        row = self._connection().execute(
            "SELECT source FROM entries WHERE content_hash=? AND withdrawn IS NULL AND source<>?",
            (content_hash, other_than)).fetchone()
        return row[0] if row else None

    def live_source_titled(self, title: str, sources: set[str]) -> str | None:
        """The one vanished file among `sources` whose live entry has this title (an edited and renamed file)."""
        rows = self._connection().execute(
            "SELECT source FROM entries WHERE withdrawn IS NULL AND title=?", (title,)).fetchall()
        matches = [r[0] for r in rows if r[0] in sources]
        return matches[0] if len(matches) == 1 else None

    def copies_of(self, content_hash: str) -> list[str]:
        """Files refused as copies of a published release (same content), oldest name first."""
        rows = self._connection().execute(
            "SELECT path FROM files WHERE content_hash=? AND status='rejected' ORDER BY path", (content_hash,))
        return [r[0] for r in rows]

    def move_entry(self, old: str, new: str, size: int, mtime_ns: int, content_hash: str,
                   now: datetime) -> tuple[str, str | None] | None:
        """The file `old` is now `new` (renamed, moved, or copied and deleted): its entry follows, with the same
        id, link and dates. Returns (entry id, id of an entry `new` had and lost by being overwritten)."""
        with self._write() as db:
            row = db.execute("SELECT id, available FROM entries WHERE source=? AND withdrawn IS NULL",
                             (old,)).fetchone()
            if row is None:
                return None
            replaced = db.execute("SELECT id FROM entries WHERE source=? AND withdrawn IS NULL", (new,)).fetchone()
            if replaced is not None:
                db.execute("UPDATE entries SET withdrawn=?, updated=? WHERE id=?",
                           (to_text(now), to_text(now), replaced[0]))
                db.execute("UPDATE originals SET data=X'' WHERE entry_id=?", (replaced[0],))
            db.execute("UPDATE entries SET source=? WHERE id=?", (new, row[0]))
            db.execute("DELETE FROM files WHERE path IN (?, ?)", (old, new))
            status = "held" if from_text(row[1]) > now else "published"
            db.execute(
                "INSERT INTO files(path, size, mtime_ns, content_hash, status, reason, entry_id)"
                " VALUES (?,?,?,?,?,?,?)", (new, size, mtime_ns, content_hash, status, "", row[0]))
            self._add_alias(db, slugify(new), row[0])
        return row[0], replaced[0] if replaced else None

    def forget_file(self, path: str, now: datetime) -> str | None:
        """The file is gone: withdraw its entry (kept as a tombstone) and forget the file; returns the id."""
        with self._write() as db:
            db.execute("DELETE FROM files WHERE path=?", (path,))
            row = db.execute(
                "SELECT id FROM entries WHERE source=? AND withdrawn IS NULL", (path,)).fetchone()
            if row is None:
                return None
            db.execute("UPDATE entries SET withdrawn=?, updated=? WHERE id=?", (to_text(now), to_text(now), row[0]))
            # the original goes with it (what it was stays, so its address can answer 410 in an export too)
            db.execute("UPDATE originals SET data=X'' WHERE entry_id=?", (row[0],))
            return row[0]

    def entries(self, now: datetime, *, language: str | None = None, limit: int = 50,
                offset: int = 0, clip: int | None = None, after: tuple[datetime, str] | None = None) -> list[Entry]:
        """Live entries (not withdrawn, not held at `now`), newest first; with `clip`, texts are read only up to
        that many characters (the feeds show no more); with `after` (published, id), the entries that come after
        that one, which walks a whole archive page by page without an OFFSET that grows with the page."""
        columns = "*"
        args: list[object] = []
        if clip is not None:
            columns = ("id, slug, source, title, summary, substr(body, 1, ?) AS body, substr(body_html, 1, ?) AS"
                       " body_html, language, tags, warnings, published, embargo, available, updated, first_seen,"
                       " withdrawn, has_time")
            args += [clip, clip]
        sql = f"SELECT {columns} FROM entries WHERE withdrawn IS NULL AND available <= ?"
        args.append(to_text(now))
        if language:
            sql += " AND language=?"
            args.append(language)
        if after is not None:
            sql += " AND (published, id) < (?, ?)"
            args += [to_text(after[0]), after[1]]
        sql += " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
        args += [limit, offset]
        return [_entry(r) for r in self._connection().execute(sql, args)]

    def count_entries(self, now: datetime, *, language: str | None = None) -> int:
        sql = "SELECT count(*) FROM entries WHERE withdrawn IS NULL AND available <= ?"
        args: list[object] = [to_text(now)]
        if language:
            sql += " AND language=?"
            args.append(language)
        return self._connection().execute(sql, args).fetchone()[0]

    def languages(self, now: datetime) -> list[str]:
        rows = self._connection().execute(
            "SELECT DISTINCT language FROM entries WHERE withdrawn IS NULL AND available <= ? ORDER BY language",
            (to_text(now),))
        return [r[0] for r in rows]

    def language_counts(self, now: datetime) -> list[tuple[str, int]]:
        """Live entries per language, the most first."""
        rows = self._connection().execute(
            "SELECT language, count(*) FROM entries WHERE withdrawn IS NULL AND available <= ? GROUP BY language"
            " ORDER BY count(*) DESC, language", (to_text(now),))
        return [(r[0], r[1]) for r in rows]

    def count_held(self, now: datetime) -> int:
        return self._connection().execute(
            "SELECT count(*) FROM entries WHERE withdrawn IS NULL AND available > ?", (to_text(now),)).fetchone()[0]

    def next_release_time(self, now: datetime) -> datetime | None:
        """When the next held release becomes available (the scheduler wakes up then)."""
        row = self._connection().execute(
            "SELECT min(available) FROM entries WHERE withdrawn IS NULL AND available > ?",
            (to_text(now),)).fetchone()
        return from_text(row[0])

    def released_between(self, since: datetime, until: datetime) -> list[Entry]:
        """Entries whose embargo or date passed in (since, until]: they go live without a file change."""
        rows = self._connection().execute(
            "SELECT * FROM entries WHERE withdrawn IS NULL AND available > ? AND available <= ?",
            (to_text(since), to_text(until)))
        return [_entry(r) for r in rows]

    def withdrawn_since(self, since: datetime, *, language: str | None = None) -> list[Entry]:
        """Entries withdrawn after `since` that had been public (an embargoed release withdrawn before its time
        never existed as far as readers know)."""
        sql = "SELECT * FROM entries WHERE withdrawn IS NOT NULL AND withdrawn >= ? AND available <= withdrawn"
        args: list[object] = [to_text(since)]
        if language:
            sql += " AND language=?"
            args.append(language)
        return [_entry(r) for r in self._connection().execute(sql + " ORDER BY withdrawn DESC", args)]

    def last_change(self, now: datetime, *, language: str | None = None, upto: int = 50) -> datetime | None:
        """The latest moment any of the `upto` newest live entries was added, revised or went live.

        A feed page shows a window of the newest entries; anything that changed at or above its end moves or
        changes what the page shows, so this is the page's true last modification (withdrawals aside).
        """
        sql = ("SELECT max(first_seen, updated, available) AS changed FROM entries"
               " WHERE withdrawn IS NULL AND available <= ?")
        args: list[object] = [to_text(now)]
        if language:
            sql += " AND language=?"
            args.append(language)
        sql += " ORDER BY published DESC, id DESC LIMIT ?"
        args.append(upto)
        return from_text(self._connection().execute(f"SELECT max(changed) FROM ({sql})", args).fetchone()[0])

    def change_records(self, now: datetime, *, language: str | None = None) -> list[tuple[int, str]]:
        """Where `last_change` grows along the live entries, newest first: (position, change) each time the
        latest change so far is exceeded. A few dozen records answer last_change(upto=N) for every N."""
        sql = ("SELECT max(first_seen, updated, available) FROM entries WHERE withdrawn IS NULL AND available <= ?"
               + (" AND language=?" if language else "") + " ORDER BY published DESC, id DESC")
        args: list[object] = [to_text(now), *([language] if language else [])]
        records: list[tuple[int, str]] = []
        latest = ""
        for position, (changed,) in enumerate(self._connection().execute(sql, args)):
            if changed > latest:
                latest = changed
                records.append((position, changed))
        return records

    def last_withdrawal(self, language: str | None = None) -> datetime | None:
        sql = "SELECT max(withdrawn) FROM entries WHERE withdrawn IS NOT NULL AND available <= withdrawn"
        args: list[object] = []
        if language:
            sql += " AND language=?"
            args.append(language)
        return from_text(self._connection().execute(sql, args).fetchone()[0])

    def entry_by_slug(self, slug: str) -> Entry | None:
        row = self._connection().execute("SELECT * FROM entries WHERE slug=?", (slug,)).fetchone()
        return _entry(row) if row else None

    def entry_by_alias(self, slug: str) -> Entry | None:
        """The entry a renamed file's new name leads to."""
        row = self._connection().execute(
            "SELECT entries.* FROM aliases JOIN entries ON entries.id = aliases.entry_id WHERE aliases.slug=?",
            (slug,)).fetchone()
        return _entry(row) if row else None

    def entry_by_id(self, entry_id: str) -> Entry | None:
        row = self._connection().execute("SELECT * FROM entries WHERE id=?", (entry_id,)).fetchone()
        return _entry(row) if row else None

    def entry_for_file(self, path: str) -> Entry | None:
        row = self._connection().execute(
            "SELECT * FROM entries WHERE source=? AND withdrawn IS NULL", (path,)).fetchone()
        return _entry(row) if row else None

    def _index(self, db: sqlite3.Connection, entry_id: str, release: Release, reindex: bool) -> None:
        """Index a saved release: its text for search, its topics, its fingerprint, and the translation pairs of
        its day. An unchanged release that is indexed already is left as it is."""
        old = db.execute("SELECT search_key, day FROM entry_index WHERE entry_id=?", (entry_id,)).fetchone()
        if old is not None and not reindex:
            return
        if release.index is None:  # a release not read by the readers (tests, benchmarks): index it here
            from feedsvc.topics import with_topics

            release = dataclasses.replace(with_topics(release), topics=release.topics)
        index = release.index
        key = self._free_search_key(db, release.published)
        day = index.fingerprint["day"]
        db.execute("INSERT OR REPLACE INTO entry_index(entry_id, search_key, day, fingerprint) VALUES (?,?,?,?)",
                   (entry_id, key, day, json.dumps(index.fingerprint, ensure_ascii=False)))
        db.execute("DELETE FROM entry_topics WHERE entry_id=?", (entry_id,))
        topic_ids = []
        for topic in release.topics:
            topic_ids.append(self._topic_id(db, topic))
            db.execute("INSERT OR IGNORE INTO entry_topics(topic_id, entry_id, search_key, language)"
                       " VALUES (?,?,?,?)", (topic_ids[-1], entry_id, key, release.language))
        db.execute("INSERT INTO search(rowid, terms, language, topics) VALUES (?,?,?,?)",
                   (key, index.terms, _language_token(release.language), " ".join(f"t{i}" for i in topic_ids)))
        db.execute("INSERT OR IGNORE INTO index_languages(language) VALUES (?)", (release.language,))
        for changed_day in {day, old[1] if old else day}:
            self._pair_day(db, changed_day)

    @staticmethod
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

    @staticmethod
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

    @staticmethod
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

    def index_languages(self) -> set[str]:
        """The languages of the indexed texts (a search's words are stemmed in each)."""
        return {r[0] for r in self._connection().execute("SELECT language FROM index_languages")}

    def search_entries(self, now: datetime, match: str, *, language: str | None = None, topic: int | None = None,
                       limit: int = 50) -> list[Entry]:
        """The newest `limit` live entries whose text matches `match` (an FTS5 expression over the stems, by
        feedsvc.search), maybe in one language or about one topic: the full-text index (which holds each entry's
        language and topics too) is walked newest first and stops at `limit`."""
        return [_entry(r) for r in self._search("e.*", now, match, language, topic, limit)]

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
        return [_entry(r) for r in self._topic("e.*", now, topic, language, limit, offset)]

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

    def entries_by_id(self, entry_ids: list[str], clip: int | None = None) -> list[Entry]:
        """Entries by id, in the order of `entry_ids`; with `clip`, texts are read only up to that many
        characters (as `entries` reads them)."""
        columns, clips = ("*", []) if clip is None else (
            "id, slug, source, title, summary, substr(body, 1, ?) AS body, substr(body_html, 1, ?) AS body_html,"
            " language, tags, warnings, published, embargo, available, updated, first_seen, withdrawn, has_time",
            [clip, clip])
        found: dict[str, Entry] = {}
        for chunk in range(0, len(entry_ids), 500):
            ids = entry_ids[chunk:chunk + 500]
            for row in self._connection().execute(
                    f"SELECT {columns} FROM entries WHERE id IN ({','.join('?' * len(ids))})", (*clips, *ids)):
                found[row["id"]] = _entry(row)
        return [found[i] for i in entry_ids if i in found]

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
                out.setdefault(row["of_id"], []).append(_entry(row))
        return out

    def file_outcomes(self) -> dict[str, FileOutcomeRow]:
        """What the store made of every file it knows, by path: cheap columns only (no text), for the status page
        to match against the folder."""
        rows = self._connection().execute(
            "SELECT f.path, f.size, f.mtime_ns, f.status, f.reason, f.missing_since, e.id, e.warnings <> '[]',"
            " e.available, e.withdrawn FROM files f LEFT JOIN entries e ON e.id = f.entry_id")
        return {r[0]: FileOutcomeRow(r[0], r[1], r[2], r[3], r[4], from_text(r[5]), r[6], bool(r[7]),
                                     from_text(r[8]), from_text(r[9])) for r in rows}

    def keep_original(self, entry_id: str, extension: str, content_type: str, data: bytes) -> None:
        """Keep (or replace) the file a release was read from, for its page and feed enclosures."""
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO originals(entry_id, extension, content_type, size, sha256, data)"
                       " VALUES (?,?,?,?,?,?)",
                       (entry_id, extension, content_type, len(data), hashlib.sha256(data).hexdigest(), data))

    def drop_original(self, entry_id: str) -> None:
        with self._write() as db:
            db.execute("DELETE FROM originals WHERE entry_id=?", (entry_id,))

    def originals_info(self, ids: list[str]) -> dict[str, OriginalInfo]:
        """What is known of the originals of these entries (not their bytes)."""
        found: dict[str, OriginalInfo] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self._connection().execute(
                "SELECT entry_id, extension, content_type, size, sha256 FROM originals"
                f" WHERE entry_id IN ({','.join('?' * len(chunk))})", chunk)
            found.update((r[0], OriginalInfo(*r)) for r in rows)
        return found

    def original(self, entry_id: str) -> tuple[OriginalInfo, bytes] | None:
        row = self._connection().execute(
            "SELECT entry_id, extension, content_type, size, sha256, data FROM originals WHERE entry_id=?",
            (entry_id,)).fetchone()
        return (OriginalInfo(*row[:5]), bytes(row[5])) if row else None

    def entries_by_ids(self, ids: list[str]) -> dict[str, Entry]:
        """Entries by id, for the few a page shows, keyed by id."""
        return {entry.id: entry for entry in self.entries_by_id(ids)}

    def replace_documents(self, documents: list[StoredDocument]) -> None:
        """Swap in a whole new set of rendered feed documents in one transaction."""
        with self._write() as db:
            db.execute("DELETE FROM documents")
            db.executemany(
                "INSERT INTO documents(key, content_type, body, gzip_body, etag, last_modified)"
                " VALUES (?,?,?,?,?,?)",
                [(d.key, d.content_type, d.body, d.gzip_body, d.etag, to_text(d.last_modified)) for d in documents])
        self._bump_generation()

    def document_dates(self) -> dict[str, datetime]:
        """Last-Modified of every stored document, without their bytes (for /healthz)."""
        rows = self._connection().execute("SELECT key, last_modified FROM documents")
        return {r[0]: from_text(r[1]) for r in rows}

    def documents(self) -> list[StoredDocument]:
        rows = self._connection().execute(
            "SELECT key, content_type, body, gzip_body, etag, last_modified FROM documents")
        return [StoredDocument(r[0], r[1], r[2], r[3], r[4], from_text(r[5])) for r in rows]

    def _bump_generation(self) -> None:
        """Tell every web worker, cheaply (one stat per request), that the documents changed."""
        tmp = self.generation_file.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(uuid.uuid4().hex)
        os.replace(tmp, self.generation_file)

    def get_meta(self, key: str) -> str | None:
        row = self._connection().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, value))


def _language_token(language: str) -> str:
    """The token a release's language is indexed as: its primary subtag, letters only ("en-GB" → "en")."""
    return re.sub(r"[^a-z]", "", language.split("-")[0].lower()) or "und"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _entry(row: sqlite3.Row) -> Entry:
    return Entry(
        id=row["id"],
        slug=row["slug"],
        source=row["source"],
        title=row["title"],
        summary=row["summary"],
        body=row["body"],
        body_html=row["body_html"],
        language=row["language"],
        tags=tuple(json.loads(row["tags"])),
        warnings=tuple(json.loads(row["warnings"])),
        published=from_text(row["published"]),
        embargo=from_text(row["embargo"]),
        available=from_text(row["available"]),
        updated=from_text(row["updated"]),
        first_seen=from_text(row["first_seen"]),
        withdrawn=from_text(row["withdrawn"]),
        has_time=bool(row["has_time"]),
    )


def lookup_entry_id(database: str | Path, source: str) -> str | None:
    """The id a file already has, read without creating or changing anything (for `feedsvc parse`)."""
    if not Path(database).is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{Path(database).resolve()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT id FROM entries WHERE source=? AND withdrawn IS NULL", (source,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def recorded_base_url(database: str | Path) -> str | None:
    """The URL the stored feeds were last built with (read-only), for a command or app without a base_url."""
    if not Path(database).is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{Path(database).resolve()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key=?", (BASE_URL_KEY,)).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
