"""How a database made by an older feedsvc is brought up to today's schema (every process may try; one does it)."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from feedsvc.store.schema import INDEX_TABLES, INDEX_VERSION, SCHEMA

if TYPE_CHECKING:
    from feedsvc.store.connection import Database

log = logging.getLogger(__name__)


def migrate(store: Database) -> None:
    """Bring a database made by an older feedsvc up to date (every process may try; one does it)."""
    def columns(db: sqlite3.Connection, table: str) -> set[str]:
        return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}

    db = store._connection()
    if db.execute("SELECT 1 FROM meta WHERE key='originals_kept'").fetchone() is None:
        with store._write() as db:
            # Word and PDF files stored before originals were kept are read once more, to keep theirs.
            db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected' AND"
                       " (lower(path) LIKE '%.pdf' OR lower(path) LIKE '%.docx')")
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('originals_kept', '1')")
    if "has_time" in columns(db, "entries") and "missing_since" in columns(db, "files"):
        return
    with store._write() as db:
        if "missing_since" not in columns(db, "files"):
            db.execute("ALTER TABLE files ADD COLUMN missing_since TEXT")
        if "has_time" in columns(db, "entries"):
            return
        db.execute("ALTER TABLE entries ADD COLUMN has_time INTEGER NOT NULL DEFAULT 1")
        # Releases that give only a date were stamped 00:00 in the deployment's zone: read every file again
        # once (a forgotten stamp and hash make the next scan re-read it; ids, links and `updated` stay).
        db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected'")
    log.info("database %s upgraded: every release file is read again once, for date-only releases", store.path)


def migrate_index(store: Database) -> None:
    """A database whose entries were indexed (topics, search, translations) by an older feedsvc, or not at
    all, has every release file read again once; ids, links and `updated` times stay."""
    if store.get_meta("index_version") == INDEX_VERSION:
        return
    with store._write() as db:
        if (db.execute("SELECT value FROM meta WHERE key='index_version'").fetchone() or [None])[0] \
                == INDEX_VERSION:
            return
        stale = db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
        if stale:
            db.execute("UPDATE files SET mtime_ns=-1, content_hash='' WHERE status<>'rejected'")
        for table in INDEX_TABLES:
            db.execute(f"DROP TABLE IF EXISTS {table}")
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('index_version', ?)", (INDEX_VERSION,))
    store._connection().executescript(SCHEMA)  # the index tables anew
    if stale:
        log.info("database %s: releases are read again once, for their topics, search and translations",
                 store.path)
