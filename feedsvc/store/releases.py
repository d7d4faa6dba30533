"""Keeping releases as entries: ids and slugs minted once, revisions, moves with their aliases, withdrawals."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import unicodedata
import uuid
from datetime import datetime
from pathlib import Path

from feedsvc.lognames import quote
from feedsvc.models import Action, Release
from feedsvc.store.connection import Database
from feedsvc.store.index import index_release
from feedsvc.store.rows import from_text, to_text

log = logging.getLogger(__name__)

ID_NAMESPACE = uuid.UUID("6f0e9d2e-5c1a-4f0e-9a57-2f3c1b7d8e41")


def mint_id(path: str, content_hash: str) -> str:
    """The permanent id a release gets when it is first seen (predictable, so `parse` can show it)."""
    return "urn:uuid:" + str(uuid.uuid5(ID_NAMESPACE, path + "\n" + content_hash))


def slugify(path: str) -> str:
    """A readable URL segment from a file name: `Press Release 3.txt` -> `press-release-3`."""
    stem = Path(path).stem
    text = unicodedata.normalize("NFKC", stem).lower()
    text = re.sub(r"[^\w]+", "-", text).strip("-_")
    return text[:80].strip("-_") or "release"


class Releases(Database):
    """The ingest's writes to entries: a release saved (added, revised or revived), a file moved, a file gone."""

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
            index_release(db, entry_id, release, reindex=action != Action.UNCHANGED)
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
