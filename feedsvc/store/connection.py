"""Opening the database: one connection per thread, the one write path, a replaced file, meta values, and the
generation file that tells web workers the documents changed."""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from feedsvc.store.schema import SCHEMA

BASE_URL_KEY = "base_url"  # meta: the URL the stored feeds were built with


class Database:
    """SQLite in WAL mode; one connection per thread, opened lazily (never across a fork).

    The parts of `Store` build on it: they read through `_connection` and write only through `_write`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._local = threading.local()
        self._pid = os.getpid()
        self._epoch = 0  # bumped by reopen(): every thread's connection is then opened again
        self._file: tuple[int, int] | None = None  # (device, inode) of the database file the connections use
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._connection(create=True).executescript(SCHEMA)  # idempotent DDL; manages its own transaction

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
        return True

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


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def lookup_entry_id(database: str | Path, source: str) -> str | None:
    """The id a file already has, read without creating or changing anything (for `feedsvc parse`)."""
    return _read_one(database, "SELECT id FROM entries WHERE source=? AND withdrawn IS NULL", (source,))


def recorded_base_url(database: str | Path) -> str | None:
    """The URL the stored feeds were last built with (read-only), for a command or app without a base_url."""
    return _read_one(database, "SELECT value FROM meta WHERE key=?", (BASE_URL_KEY,))


def _read_one(database: str | Path, query: str, args: tuple) -> str | None:
    """One value read from a database that may not exist yet, opened read-only so nothing is created or locked."""
    if not Path(database).is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{Path(database).resolve()}?mode=ro", uri=True)
        try:
            row = db.execute(query, args).fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
