"""Feed documents held in memory per web worker, with their response headers built once per store change."""

from __future__ import annotations

import bisect
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from feedsvc import feeds, metrics
from feedsvc.models import StoredDocument
from feedsvc.settings import Settings
from feedsvc.store import Store, from_text

DEEP_PAGE_CACHE = 256  # archive pages kept per worker, least recently used dropped first...
DEEP_CACHE_BYTES = 8 * 1024 * 1024  # ...and no more than this many bytes of them (body plus gzip body)
# How often a worker looks at the generation file: well inside the one-second freshness target, and it keeps
# the stat out of nearly every request.
CHECK_INTERVAL = 0.2
_UNSEEN = object()
BUSY = object()  # get_or_render's answer when this worker renders as many pages as it may at once


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
    every call), so a new scan reaches every worker within that interval. Archive pages are rendered on request,
    each under its own lock: front documents never wait for them, and neither do other archive pages.
    """

    def __init__(self, settings: Settings, store: Store, check_interval: float = CHECK_INTERVAL):
        self.settings = settings
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.Lock()  # taken to load a new generation of front documents
        self._deep_lock = threading.Lock()  # taken for a few dictionary operations, never while rendering
        self._stamp: object = _UNSEEN
        self._next_check = 0.0
        self._front: dict[str, ServedDocument] = {}
        self._languages: frozenset[str] = frozenset()
        self._deep: OrderedDict[str, ServedDocument | None] = OrderedDict()
        self._deep_bytes = 0
        self._rendering: dict[str, threading.Event] = {}  # archive pages being rendered, by key
        self._in_render = 0  # requests rendering an archive page or waiting for one
        # Renders hold the interpreter lock: past this many at once, more would only queue the front feeds behind
        # them, so those requests are told to come back (503, Retry-After) and the request threads stay free.
        self.max_renders = max(1, settings.threads // 2)
        self._view = GenerationView(store)

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
            if self.store.replaced():
                self.store.reopen()  # the ingest started a new database file (the old one was deleted)
            front = {d.key: prepare(d, self.settings) for d in self.store.documents()}
            # the languages with a live release, as of this generation (the scanner renders the main ones ahead,
            # the others on request): a feed for any other language is a 404
            languages = frozenset(self.store.languages(datetime.now(UTC)))
            with self._deep_lock:
                self._front = front
                self._languages = languages
                self._deep.clear()
                self._deep_bytes = 0
                self._stamp = stamp
                self._view = GenerationView(self.store)

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

    def generation(self) -> object:
        """A token that changes whenever the store does (for what pages compute once per change)."""
        self.front()
        return self._stamp

    def languages(self) -> frozenset[str]:
        """The languages that have published releases (and so feeds)."""
        self.front()
        return self._languages

    def get(self, key: str) -> ServedDocument | None:
        return self.front().get(key)

    def get_or_render(self, variant: feeds.Variant) -> ServedDocument | None | object:
        """Archive pages and rare variants: rendered on first request, then kept until the store changes. Two
        requests for the same page render it once; different pages render side by side, up to `max_renders`
        older pages at once (beyond that: BUSY)."""
        key = variant.key
        document = self.front().get(key)
        if document is not None:
            return document
        with self._deep_lock:
            if key in self._deep:
                self._deep.move_to_end(key)
                return self._deep[key]
            if self._in_render >= self.max_renders and (variant.page > 1 or variant.filtered):
                return BUSY  # a front page (a language rendered on request) is always rendered; searches are not
            self._in_render += 1
        try:
            return self._render(variant)
        finally:
            with self._deep_lock:
                self._in_render -= 1

    def _render(self, variant: feeds.Variant) -> ServedDocument | None:
        key = variant.key
        while True:
            with self._deep_lock:
                if key in self._deep:
                    self._deep.move_to_end(key)
                    return self._deep[key]
                stamp, view = self._stamp, self._view
                underway = self._rendering.get(key)
                if underway is None:
                    underway = self._rendering[key] = threading.Event()
                    break
            underway.wait(timeout=30)  # another request renders this page; then it is in the cache
        rendered_ok = False
        try:
            started = time.perf_counter()
            rendered = feeds.render(view, self.settings, variant, datetime.now(UTC))
            metrics.observe_archive_render(time.perf_counter() - started)
            document = prepare(rendered, self.settings) if rendered else None
            rendered_ok = True
        finally:
            with self._deep_lock:
                if rendered_ok and stamp == self._stamp:  # not from a store that has changed meanwhile
                    self._deep[key] = document
                    self._deep_bytes += _size(document)
                    while len(self._deep) > 1 and (len(self._deep) > DEEP_PAGE_CACHE
                                                   or self._deep_bytes > DEEP_CACHE_BYTES):
                        self._deep_bytes -= _size(self._deep.popitem(last=False)[1])
                del self._rendering[key]
                underway.set()
        return document


class GenerationView:
    """The store as the feed renderer asks it, for one generation of documents: what is the same for every
    archive page of a generation (counts, languages, withdrawals) is queried once, and "the last change among the
    first N entries" comes from one pass over the entries instead of one scan of N rows per page."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._memo: dict[tuple, object] = {}

    def _once(self, key: tuple, query):
        with self._lock:
            if key in self._memo:
                return self._memo[key]
        value = query()
        with self._lock:
            return self._memo.setdefault(key, value)

    def count_entries(self, now: datetime, *, language: str | None = None) -> int:
        return self._once(("count", language), lambda: self.store.count_entries(now, language=language))

    def languages(self, now: datetime) -> list[str]:
        return self._once(("languages",), lambda: self.store.languages(now))

    def last_withdrawal(self, language: str | None = None) -> datetime | None:
        return self._once(("withdrawal", language), lambda: self.store.last_withdrawal(language))

    def last_change(self, now: datetime, *, language: str | None = None, upto: int = 50) -> datetime | None:
        records = self._once(("changes", language), lambda: self.store.change_records(now, language=language))
        at = bisect.bisect_left(records, (upto, "")) - 1  # the last record among the first `upto` entries
        return from_text(records[at][1]) if at >= 0 else None

    def entries(self, now: datetime, **kwargs) -> list:
        return self.store.entries(now, **kwargs)

    def withdrawn_since(self, since: datetime, *, language: str | None = None) -> list:
        return self.store.withdrawn_since(since, language=language)

    def __getattr__(self, name: str):
        """Everything else (search, topics, translations, originals) straight from the store."""
        return getattr(self.store, name)


def _size(document: ServedDocument | None) -> int:
    return len(document.body) + len(document.gzip_body) if document else 0
