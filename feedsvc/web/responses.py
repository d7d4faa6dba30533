"""A feed document as HTTP sends it: its gzip body and one strong ETag per encoding, computed once when the bytes
are rendered, and every header list, built once per worker and generation."""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from feedsvc.models import StoredDocument
from feedsvc.settings import Settings

FILTERED_GZIP_LEVEL = 6  # a search or topic document is compressed on its request: quicker, a few % larger


def packed(key: str, content_type: str, body: bytes, last_modified: datetime, gzip_level: int = 9) -> StoredDocument:
    """Rendered bytes with their gzip body and ETag: what the store keeps of a front document (the scanner packs it
    once; every worker reads it back), and what a worker packs of a page it renders itself."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return StoredDocument(key, content_type, body, gzip.compress(body, compresslevel=gzip_level, mtime=0), etag,
                          last_modified.replace(microsecond=0))


def gzip_etag(etag: str) -> str:
    """The strong ETag of a document's gzip body: its identity ETag, marked, so the two never match each other."""
    return etag[:-1] + '-gzip"'


@dataclass(frozen=True)
class ServedDocument:
    """A packed document ready to answer with: both bodies and all header lists, built once."""

    etag: str  # of the identity body; the gzip body has its own (RFC 9110: one strong ETag per representation)
    gzip_etag: str
    headers: list[tuple[str, str]]
    gzip_headers: list[tuple[str, str]]
    not_modified_headers: list[tuple[str, str]]
    gzip_not_modified_headers: list[tuple[str, str]]
    last_modified_http: str  # the Last-Modified value as sent, so an echoed If-Modified-Since is a string compare
    last_modified_ts: float
    # WSGI bodies as lists: granian hands a one-item list to its bytes response without copying.
    body_iter: list[bytes]
    gzip_iter: list[bytes]

    @property
    def size(self) -> int:
        """Bytes held in memory (both bodies)."""
        return len(self.body_iter[0]) + len(self.gzip_iter[0])


def served(document: StoredDocument, settings: Settings) -> ServedDocument:
    """The response a packed document is answered with."""
    last_modified_http = format_datetime(document.last_modified.astimezone(UTC), usegmt=True)
    common = [
        ("Last-Modified", last_modified_http),
        ("Cache-Control", f"public, max-age={max(int(settings.scan_interval), 1)}"),
        ("Vary", "Accept-Encoding"),
        ("Access-Control-Allow-Origin", "*"),
        ("X-Content-Type-Options", "nosniff"),
        ("Link", f'<{settings.base_url + document.key}>; rel="self"'),
        *(("Link", f'<{hub}>; rel="hub"') for hub in settings.websub_hubs),
    ]
    content = [("Content-Type", document.content_type)]
    identity = [("ETag", document.etag), *common]
    compressed = [("ETag", gzip_etag(document.etag)), *common]
    return ServedDocument(
        etag=document.etag,
        gzip_etag=gzip_etag(document.etag),
        headers=content + identity + [("Content-Length", str(len(document.body)))],
        gzip_headers=content + compressed + [("Content-Encoding", "gzip"),
                                             ("Content-Length", str(len(document.gzip_body)))],
        not_modified_headers=identity,
        gzip_not_modified_headers=compressed,
        last_modified_http=last_modified_http,
        last_modified_ts=document.last_modified.timestamp(),
        body_iter=[document.body],
        gzip_iter=[document.gzip_body],
    )
