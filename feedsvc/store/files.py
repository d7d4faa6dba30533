"""The file stamp cache: what the last scan saw of each file, the rejected ones and the missing ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from feedsvc.models import FileStamp
from feedsvc.store.connection import Database
from feedsvc.store.rows import from_text, to_text


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


class Files(Database):
    """Stamps, rejections and missing marks of the files in the folder, so a rescan reads only what changed."""

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

    def copies_of(self, content_hash: str) -> list[str]:
        """Files refused as copies of a published release (same content), oldest name first."""
        rows = self._connection().execute(
            "SELECT path FROM files WHERE content_hash=? AND status='rejected' ORDER BY path", (content_hash,))
        return [r[0] for r in rows]

    def file_outcomes(self) -> dict[str, FileOutcomeRow]:
        """What the store made of every file it knows, by path: cheap columns only (no text), for the status page
        to match against the folder."""
        rows = self._connection().execute(
            "SELECT f.path, f.size, f.mtime_ns, f.status, f.reason, f.missing_since, e.id, e.warnings <> '[]',"
            " e.available, e.withdrawn FROM files f LEFT JOIN entries e ON e.id = f.entry_id")
        return {r[0]: FileOutcomeRow(r[0], r[1], r[2], r[3], r[4], from_text(r[5]), r[6], bool(r[7]),
                                     from_text(r[8]), from_text(r[9])) for r in rows}
