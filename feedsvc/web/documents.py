"""Feed documents held in memory per web worker, with their response headers built once per store change."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from datetime import UTC, datetime

from feedsvc import feeds, metrics
from feedsvc.feedrows import GenerationView, read_page
from feedsvc.routes import Variant
from feedsvc.settings import Settings
from feedsvc.store import Store
from feedsvc.web.responses import FILTERED_GZIP_LEVEL, ServedDocument, packed, served

DEEP_PAGE_CACHE = 256  # archive pages kept per worker, least recently used dropped first...
DEEP_CACHE_BYTES = 8 * 1024 * 1024  # ...and no more than this many bytes of them (body plus gzip body)
# How often a worker looks at the generation file: well inside the one-second freshness target, and it keeps
# the stat out of nearly every request.
CHECK_INTERVAL = 0.2
_UNSEEN = object()
BUSY = object()  # get_or_render's answer when this worker renders as many pages as it may at once


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
            front = {d.key: served(d, self.settings) for d in self.store.documents()}
            view = GenerationView(self.store)
            # the languages with a live release, as of this generation (the scanner renders the main ones ahead,
            # the others on request): a feed for any other language is a 404
            languages = frozenset(view.languages(datetime.now(UTC)))
            with self._deep_lock:
                self._front = front
                self._languages = languages
                self._deep.clear()
                self._deep_bytes = 0
                self._stamp = stamp
                self._view = view

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

    def get_or_render(self, variant: Variant) -> ServedDocument | None | object:
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

    def _render(self, variant: Variant) -> ServedDocument | None:
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
            document = self._rendered(view, variant)
            metrics.observe_archive_render(time.perf_counter() - started)
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

    def _rendered(self, view: GenerationView, variant: Variant) -> ServedDocument | None:
        """One document rendered from this generation's store, packed and ready to serve; None past the end."""
        page = read_page(view, self.settings, variant, datetime.now(UTC))
        if page is None:
            return None
        body = feeds.render(self.settings, variant, page)
        level = FILTERED_GZIP_LEVEL if variant.filtered else 9
        return served(packed(variant.key, variant.content_type, body, page.changed, level), self.settings)


def _size(document: ServedDocument | None) -> int:
    return document.size if document else 0
