"""One ingest pass, shared by `feedsvc scan` and the scheduled job: scan, re-render the feeds, record health."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from feedsvc import feeds, metrics
from feedsvc.locks import ScanLock
from feedsvc.models import ScanReport
from feedsvc.scanner import Scanner
from feedsvc.settings import Settings
from feedsvc.store import BASE_URL_KEY, Store, StoredDocument

log = logging.getLogger(__name__)

OTHER_SCAN_RETRY = 1.0  # seconds: a scheduled pass that met another process's scan tries again this soon
SCANNER_KEY = "scanned_by"

REPORTED_ACTIONS = ("added", "revised", "moved", "missing", "removed", "held", "published", "rejected", "pending",
                    "error")


class ScanBusy(RuntimeError):
    """Another process is scanning this database (its pid is the message)."""


class Ingest:
    """Scanner + feed rendering over one store; `run()` is the job the scheduler and the CLI both call."""

    def __init__(self, settings: Settings, store: Store | None = None):
        self.settings = settings
        self.store = store or Store(settings.database)
        self.scanner = Scanner(settings, self.store)
        self._rendered_once = False
        self._token = f"{os.getpid()}-{uuid.uuid4().hex}"  # this scanner, in the store's "last scanned by"
        self.on_feeds_changed: list = []  # callables(keys: list[str]) run after new documents are stored
        self._render_seconds: list[float] = []  # front-page renders of this pass, for /metrics

    def run(self, now: datetime | None = None, stop: threading.Event | None = None,
            wait: float | None = None) -> ScanReport:
        """One pass; a failure is recorded for /healthz (and cleared by the next good pass), then raised.

        Passes never overlap across processes (ScanLock). With `wait` None (the scheduler) a pass that finds
        another process scanning is put off for a second; otherwise it waits up to `wait` seconds, then raises
        ScanBusy."""
        lock = ScanLock(self.store.path)
        if not lock.acquire():
            if wait is None:
                log.info("another process (pid %s) is scanning %s; scanning after it", lock.holder(), self.store.path)
                return ScanReport(started=now or datetime.now(UTC), next_check=OTHER_SCAN_RETRY)
            log.warning("another process (pid %s) is scanning %s; waiting up to %gs for it to finish",
                        lock.holder(), self.store.path, wait)
            if not lock.acquire(wait):
                raise ScanBusy(lock.holder())
        try:
            self._follow_other_scans()
            started = time.monotonic()
            try:
                report = self._run(now or datetime.now(UTC), stop)
            except Exception as e:
                self.store.set_meta("last_error", f"{datetime.now(UTC).isoformat(timespec='seconds')} "
                                                  f"{type(e).__name__}: {e}")
                self._record_metrics(time.monotonic() - started, [], failed=True)
                raise
            self._record_metrics(report.seconds, [o.action for o in report.outcomes],
                                 failed=any(o.action == "error" for o in report.outcomes))
            if self.store.get_meta("last_error"):
                self.store.set_meta("last_error", "")
            return report
        finally:
            lock.release()

    def _record_metrics(self, seconds: float, actions: list[str], failed: bool) -> None:
        renders, self._render_seconds = self._render_seconds, []
        try:
            metrics.record_scan(self.store, seconds, actions, failed, renders)
        except Exception:  # counting never stops a scan
            log.exception("recording scan metrics failed")

    def _follow_other_scans(self) -> None:
        """If another process scanned since this one did, its cached file stamps are out of date."""
        if self.store.get_meta(SCANNER_KEY) != self._token:
            self.scanner.forget_cache()
            self.store.set_meta(SCANNER_KEY, self._token)

    def _run(self, now: datetime, stop: threading.Event | None) -> ScanReport:
        started = time.monotonic()
        changed_so_far: set[str] = set()

        def publish_so_far() -> None:
            # Readers polling meanwhile see the releases stored so far; hubs are pinged once, after the pass.
            changed_so_far.update(self.render(now + timedelta(seconds=time.monotonic() - started)))
            log.info("scan in progress: feeds updated with the releases stored so far")

        report = self.scanner.scan(now, stop, progress=publish_so_far)
        if report.changed or not self._rendered_once:
            changed_keys = sorted(changed_so_far.union(self.render(now)))
            report.rendered = True
            for callback in self.on_feeds_changed:
                try:
                    callback(changed_keys)
                except Exception:
                    log.exception("feed-change callback failed")
        report.next_release = self.store.next_release_time(now)
        self.store.set_meta("last_scan", json.dumps(summarize(report)))
        counts = Counter(o.action for o in report.outcomes)
        log.info("scan done in %.2fs: %s", report.seconds,
                 ", ".join(f"{counts[a]} {a}" for a in REPORTED_ACTIONS if counts[a]) or "no changes")
        return report

    def render(self, now: datetime) -> list[str]:
        """Rebuild the front feed documents; returns the keys whose bytes changed."""
        if self.store.get_meta(BASE_URL_KEY) != self.settings.base_url:
            self.store.set_meta(BASE_URL_KEY, self.settings.base_url)
        before = {d.key: d for d in self.store.documents()}
        started = time.perf_counter()
        rendered = feeds.render_front_pages(self.store, self.settings, now)
        self._render_seconds.append(time.perf_counter() - started)
        documents = [_advance_last_modified(d, before.get(d.key), now) for d in rendered]
        self.store.replace_documents(documents)
        self._rendered_once = True
        return [d.key for d in documents if d.key not in before or before[d.key].etag != d.etag]


def _advance_last_modified(document: StoredDocument, previous: StoredDocument | None,
                           now: datetime) -> StoredDocument:
    """New bytes always get a later Last-Modified (an expired tombstone changes a feed with no entry changing),
    so If-Modified-Since never answers 304 for content the client has not seen."""
    if previous is None or previous.etag == document.etag or document.last_modified > previous.last_modified:
        return document
    return replace(document, last_modified=max(now, previous.last_modified + timedelta(seconds=1))
                   .replace(microsecond=0))


def summarize(report: ScanReport) -> dict:
    """The last scan as /healthz shows it."""
    counts = Counter(o.action for o in report.outcomes)
    return {
        "when": report.started.isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 3),
        "changes": {a: counts[a] for a in ("added", "revised", "moved", "removed", "held", "published")},
        "missing": counts["missing"],
        "rejected": counts["rejected"],
        "pending": counts["pending"],
        "errors": [o.reason for o in report.outcomes if o.action == "error"],
    }
