"""Stored bytes: the rendered feed documents the web workers serve, and the original files of releases."""

from __future__ import annotations

import hashlib
from datetime import datetime

from feedsvc.models import StoredDocument
from feedsvc.originals import OriginalInfo
from feedsvc.store.connection import Database
from feedsvc.store.rows import from_text, to_text


class Documents(Database):
    """Feed documents, swapped in whole after each render, and the Word or PDF files releases were read from."""

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
