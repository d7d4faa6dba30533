"""Feed documents held in memory per web worker, with their response headers built once per store change."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import parse_qsl

from feedsvc import feeds, metrics
from feedsvc.settings import Settings
from feedsvc.store import Store, StoredDocument

DEEP_PAGE_CACHE = 256  # archive pages kept per worker, least recently used dropped first...
DEEP_CACHE_BYTES = 8 * 1024 * 1024  # ...and no more than this many bytes of them (body plus gzip body)
# How often a worker looks at the generation file: well inside the one-second freshness target, and it keeps
# the stat out of nearly every request.
CHECK_INTERVAL = 0.2
_UNSEEN = object()


@dataclass(frozen=True)
class ServedDocument:
    """A feed document ready to answer: bytes, gzip bytes, all header lists and the response bodies, built once."""

    key: str
    etag: str  # of the identity body; the gzip body has its own (RFC 9110: one strong ETag per representation)
    last_modified: datetime
    body: bytes
    gzip_body: bytes
    headers: list[tuple[str, str]]
    gzip_headers: list[tuple[str, str]]
    not_modified_headers: list[tuple[str, str]]
    gzip_etag: str = ""
    gzip_not_modified_headers: list[tuple[str, str]] = field(default_factory=list)
    last_modified_http: str = ""  # the Last-Modified value as sent, so an echoed If-Modified-Since is a string compare
    last_modified_ts: float = 0.0
    # WSGI bodies as lists: granian hands a one-item list to its bytes response without copying.
    body_iter: list[bytes] = field(default_factory=list, repr=False)
    gzip_iter: list[bytes] = field(default_factory=list, repr=False)


def gzip_etag(etag: str) -> str:
    """The strong ETag of a document's gzip body: its identity ETag, marked, so the two never match each other."""
    return etag[:-1] + '-gzip"'


def prepare(document: StoredDocument, settings: Settings) -> ServedDocument:
    last_modified_http = format_datetime(document.last_modified.astimezone(UTC), usegmt=True)
    common = [
        ("Last-Modified", last_modified_http),
        ("Cache-Control", f"public, max-age={max(int(settings.scan_interval), 1)}"),
        ("Vary", "Accept-Encoding"),
        ("Access-Control-Allow-Origin", "*"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    self_url = settings.base_url + document.key
    common.append(("Link", f'<{self_url}>; rel="self"'))
    common += [("Link", f'<{hub}>; rel="hub"') for hub in settings.websub_hubs]
    content = [("Content-Type", document.content_type)]
    identity = [("ETag", document.etag), *common]
    compressed = [("ETag", gzip_etag(document.etag)), *common]
    return ServedDocument(
        key=document.key,
        etag=document.etag,
        last_modified=document.last_modified,
        body=document.body,
        gzip_body=document.gzip_body,
        headers=content + identity + [("Content-Length", str(len(document.body)))],
        gzip_headers=content + compressed + [("Content-Encoding", "gzip"),
                                             ("Content-Length", str(len(document.gzip_body)))],
        not_modified_headers=identity,
        gzip_etag=gzip_etag(document.etag),
        gzip_not_modified_headers=compressed,
        last_modified_http=last_modified_http,
        last_modified_ts=document.last_modified.timestamp(),
        body_iter=[document.body],
        gzip_iter=[document.gzip_body],
    )


class DocumentCache:
    """Answers `get(key)` from memory; reloads when the scanner signals a new generation.

    The generation file is looked at no more than once every `check_interval` seconds per worker (0 means on
    every call), so a new scan reaches every worker within that interval.
    """

    def __init__(self, settings: Settings, store: Store, check_interval: float = CHECK_INTERVAL):
        self.settings = settings
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._stamp: object = _UNSEEN
        self._next_check = 0.0
        self._front: dict[str, ServedDocument] = {}
        self._languages: frozenset[str] = frozenset()
        self._deep: OrderedDict[str, ServedDocument | None] = OrderedDict()
        self._deep_bytes = 0

    def _current_stamp(self) -> str | None:
        """The generation's random token: inode numbers are reused and mtimes can tie, a fresh token cannot."""
        try:
            with open(self.store.generation_file, "rb") as f:
                return f.read(64).decode("ascii", "replace")
        except FileNotFoundError:
            return None

    def refresh(self) -> None:
        """Pick up newly rendered documents if the generation file changed."""
        stamp = self._current_stamp()
        if stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            self._front = {d.key: prepare(d, self.settings) for d in self.store.documents()}
            # the scanner renders a front document for every language with a live release: those are the ones
            self._languages = frozenset(value for key in self._front
                                        for name, value in parse_qsl(key.partition("?")[2]) if name == "lang")
            self._deep.clear()
            self._deep_bytes = 0
            self._stamp = stamp

    def front(self) -> dict[str, ServedDocument]:
        """The front documents by key (path plus canonical query), refreshed at most every check_interval."""
        now = time.monotonic()
        if now >= self._next_check or self._stamp is _UNSEEN:
            # until the first load is done, every request waits for it: an empty _front would send a poller to a
            # live render that is newer than the stored feed the next poll gets (the feed would seem to shrink)
            self._next_check = now + self.check_interval
            self.refresh()
            metrics.maybe_flush()  # this process's request counts, for /metrics in any worker
        return self._front

    def languages(self) -> frozenset[str]:
        """The languages that have published releases (and so feeds)."""
        self.front()
        return self._languages

    def get(self, key: str) -> ServedDocument | None:
        return self.front().get(key)

    def get_or_render(self, variant: feeds.Variant) -> ServedDocument | None:
        """Archive pages and rare variants: rendered on first request, then kept until the store changes."""
        key = variant.key
        document = self.front().get(key)
        if document is not None:
            return document
        with self._lock:
            if key in self._deep:
                self._deep.move_to_end(key)
                return self._deep[key]
            started = time.perf_counter()
            rendered = feeds.render(self.store, self.settings, variant, datetime.now(UTC))
            metrics.observe_archive_render(time.perf_counter() - started)
            document = prepare(rendered, self.settings) if rendered else None
            self._deep[key] = document
            self._deep_bytes += _size(document)
            while len(self._deep) > 1 and (len(self._deep) > DEEP_PAGE_CACHE or self._deep_bytes > DEEP_CACHE_BYTES):
                self._deep_bytes -= _size(self._deep.popitem(last=False)[1])
            return document


def _size(document: ServedDocument | None) -> int:
    return len(document.body) + len(document.gzip_body) if document else 0
