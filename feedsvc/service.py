"""One ingest pass, shared by `feedsvc scan` and the scheduled job: scan, re-render the feeds, record health."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from feedsvc import feedrows, feeds, metrics
from feedsvc.healthstate import IngestHealth
from feedsvc.locks import ScanLock
from feedsvc.lognames import quote
from feedsvc.models import Action, FileOutcome, ScanReport, StoredDocument
from feedsvc.routes import FORMATS, Variant
from feedsvc.scanner import Scanner
from feedsvc.settings import Settings
from feedsvc.store import BASE_URL_KEY, Store
from feedsvc.web.responses import packed

log = logging.getLogger(__name__)

OTHER_SCAN_RETRY = 1.0  # seconds: a scheduled pass that met another process's scan tries again this soon
SCANNER_KEY = "scanned_by"
# What a pass logs (once: a file still missing or rejected on the next pass is not logged again); "pending" files
# are only waiting to settle.
LOGGED_ACTIONS = (Action.ADDED, Action.REVISED, Action.MOVED, Action.MISSING, Action.REMOVED, Action.HELD,
                  Action.PUBLISHED, Action.REJECTED, Action.ERROR)


class ScanBusy(RuntimeError):
    """Another process is scanning this database (its pid is the message)."""


class Ingest:
    """Scanner + feed rendering over one store; `run()` is the job the scheduler and the CLI both call."""

    def __init__(self, settings: Settings, store: Store | None = None):
        self.settings = settings
        self.store = store or Store(settings.database)
        self.scanner = Scanner(settings, self.store)
        self._token = f"{os.getpid()}-{uuid.uuid4().hex}"  # this scanner, in the store's "last scanned by"
        self.health = IngestHealth(settings.database)
        self._render_due = True  # the feed documents do not show the store yet: render at the next pass
        self._unannounced: set[str] = set()  # documents changed by a render whose pass has not finished
        self.on_feeds_changed: list = []  # callables(keys: list[str]) run after new documents are stored
        self.on_read_done = self.scanner.on_read_done  # callables() when a slow read finished after its pass
        self._render_seconds: list[float] = []  # front-page renders of this pass, for /metrics

    def run(self, now: datetime | None = None, stop: threading.Event | None = None,
            wait: float | None = None, wait_for_reads: bool = True) -> ScanReport:
        """One pass. Passes never overlap across processes (ScanLock): with `wait` None (the scheduler) a pass
        that finds another process scanning is put off for a second; otherwise it waits up to `wait` seconds,
        then raises ScanBusy.

        A failure never escapes: it is reported in the pass, logged once, shown by /healthz (503) until a pass
        succeeds, and whatever it left undone (a render, a write) is tried again by the next pass."""
        now = now or datetime.now(UTC)
        lock = ScanLock(self.store.path)
        if not lock.acquire():
            if wait is None:
                log.info("another process (pid %s) is scanning %s; scanning after it", lock.holder(), self.store.path)
                return ScanReport(started=now, next_check=OTHER_SCAN_RETRY)
            log.warning("another process (pid %s) is scanning %s; waiting up to %gs for it to finish",
                        lock.holder(), self.store.path, wait)
            if not lock.acquire(wait):
                raise ScanBusy(lock.holder())
        started = time.monotonic()
        try:
            try:
                self._follow_other_scans()
                report = self._run(now, stop, wait_for_reads)
            except Exception as e:
                self._failed(e)
                report = ScanReport(started=now)
                report.outcomes.append(FileOutcome(str(self.settings.releases_dir), Action.ERROR, _scan_failure(e)))
                self._record_metrics(time.monotonic() - started, report, failed=True)
                return report
            self._record_metrics(report.seconds, report,
                                 failed=any(o.action == Action.ERROR for o in report.outcomes))
        finally:
            lock.release()
        self.health.resolved("scan", "scans work again")
        try:
            if self.store.get_meta("last_error"):
                self.store.set_meta("last_error", "")
        except Exception as e:  # a store that failed just now: the next pass says so
            log.debug("cannot clear last_error: %s", e)
        return report

    def _record_metrics(self, seconds: float, report: ScanReport, failed: bool) -> None:
        """Count the pass for /metrics (files by what it did with them; a file still rejected from an earlier
        pass is not counted again)."""
        renders, self._render_seconds = self._render_seconds, []
        try:
            metrics.record_scan(self.store, seconds, [o.action for o in report.outcomes if not o.repeated],
                                failed, renders)
        except Exception as e:  # counting never stops a scan (a store that fails is reported by the pass)
            log.debug("cannot record scan metrics: %s", e)

    def _follow_other_scans(self) -> None:
        """If another process scanned since this one did, its cached file stamps are out of date."""
        if self.store.get_meta(SCANNER_KEY) != self._token:
            self.scanner.forget_cache()
            self.store.set_meta(SCANNER_KEY, self._token)

    def _failed(self, error: Exception) -> None:
        reason = _scan_failure(error)
        self.health.problem("scan", reason, error)
        if isinstance(error, sqlite3.Error):
            self.health.problem("store", _store_failure(error))
        try:
            self.store.set_meta("last_error", f"{datetime.now(UTC).isoformat(timespec='seconds')} {reason}")
        except Exception:
            pass  # the store is what failed: the status file says it

    def _run(self, now: datetime, stop: threading.Event | None, wait_for_reads: bool) -> ScanReport:
        started = time.monotonic()
        self._check_database()

        def publish_so_far() -> None:
            # Readers polling meanwhile see the releases stored so far; hubs are pinged once, after the pass.
            try:
                self.render(now + timedelta(seconds=time.monotonic() - started))
            except Exception:
                return  # recorded by render(); the end of the pass tries again
            log.debug("scan in progress: feeds updated with the releases stored so far")

        report = self.scanner.scan(now, stop, progress=publish_so_far, wait_for_reads=wait_for_reads)
        self._note_store_errors(report)
        self._note_folder(report)
        self._render_due |= report.changed
        if self._render_due:
            self.render(now)
            report.rendered = not self._render_due
        if not self._render_due and self._unannounced:
            changed_keys, self._unannounced = sorted(self._unannounced), set()
            for callback in self.on_feeds_changed:
                try:
                    callback(changed_keys)
                except Exception:
                    log.exception("feed-change callback failed")
        report.next_release = self.store.next_release_time(now)
        self.store.set_meta("last_scan", json.dumps(summarize(report)))
        self.health.publish()
        line = describe(report)
        if line:
            log.info("scan: %s in %.2fs", line, report.seconds)
        return report

    def render(self, now: datetime) -> list[str]:
        """Rebuild the front feed documents; returns the keys whose bytes changed. A document that fails keeps
        its last version, and the render is due again at the next pass until all of them succeed."""
        if self.store.get_meta(BASE_URL_KEY) != self.settings.base_url:
            self.store.set_meta(BASE_URL_KEY, self.settings.base_url)
        before = {d.key: d for d in self.store.documents()}
        failed: dict[str, str] = {}
        try:
            started = time.perf_counter()
            rendered_now = self._render_front_pages(now, failed)
            self._render_seconds.append(time.perf_counter() - started)
            documents = [_advance_last_modified(d, before.get(d.key), now) for d in rendered_now]
            rendered = {d.key for d in documents}
            documents += [d for key, d in before.items() if key in failed and key not in rendered]
            changed = [d.key for d in documents if d.key not in before or before[d.key].etag != d.etag]
            self._unannounced.update(changed)  # announced once a pass has stored them all
            self.store.replace_documents(documents)
        except Exception as e:
            self._render_due = True
            self.health.problem("render", f"The feeds could not be updated ({_error_text(e)}); they show the "
                                          "releases as they were before, and the next scan tries again.", e)
            raise
        self._render_due = bool(failed)
        if failed:
            entries = sorted(v for k, v in failed.items() if k.startswith("entry:"))
            documents_failed = sorted(k for k in failed if not k.startswith("entry:"))
            parts = []
            if documents_failed:
                parts.append(f"{len(documents_failed)} feed documents could not be rendered and show the releases "
                             f"as they were before ({'; '.join(f'{k}: {failed[k]}' for k in documents_failed[:3])})")
            if entries:
                parts.append(f"{len(entries)} releases could not be put in the feeds ({'; '.join(entries[:3])})")
            self.health.problem("render", "; ".join(parts) + ". The next scan tries again.")
        else:
            self.health.resolved("render", "the feeds are up to date again")
        return changed

    def _render_front_pages(self, now: datetime, failed: dict[str, str]) -> list[StoredDocument]:
        """The first page of every format, for all releases and for the main languages (what pollers fetch),
        packed for HTTP; each page is read from the store once for its three formats.

        A document that cannot be rendered is left out, with its key and the reason in `failed`; an entry that
        cannot be put in a document is left out of it, under the entry's key (`entry:<id>`)."""
        counts = self.store.language_counts(now)
        documents = []
        for language in feedrows.front_languages(counts):
            variants = [Variant(fmt, language) for fmt in FORMATS]
            try:
                page = feedrows.front_page(self.store, self.settings, language, now, counts)
            except Exception as e:  # one page, never all of them
                failed.update((variant.key, _error_text(e)) for variant in variants)
                continue
            for variant in variants:
                try:
                    body = feeds.render(self.settings, variant, page, failed)
                except Exception as e:  # one document, never all of them
                    failed[variant.key] = _error_text(e)
                    continue
                documents.append(packed(variant.key, variant.content_type, body, page.changed))
        return documents

    def _check_database(self) -> None:
        """A database file deleted (or replaced) under the running service: start on the file now at the path,
        or a new one, and read every release again."""
        if not self.store.replaced():
            return
        created = not self.store.path.exists()
        self.store.reopen(create=True)
        self.scanner.forget_cache()
        self._render_due = True
        log.warning("the database %s %s; every release is read again", self.store.path,
                    "was deleted: a new one was started" if created else "was replaced by another file")

    def _note_store_errors(self, report: ScanReport) -> None:
        """A release that could not be stored makes the store unwritable as far as /healthz is concerned, until
        a pass stores everything it read."""
        if self.scanner.store_error is not None:
            self.health.problem("store", _store_failure(self.scanner.store_error))
        else:
            self.health.resolved("store", "the database can be written again")

    def _note_folder(self, report: ScanReport) -> None:
        """The releases folder missing or unreadable: nothing can be published (and nothing is withdrawn)."""
        root = str(self.settings.releases_dir)
        problem = next((o.reason for o in report.outcomes if o.action == Action.ERROR and o.path == root), None)
        if problem:
            self.health.problem("folder", problem + " No release can be added or changed until it is back.")
        else:
            self.health.resolved("folder", f"the releases folder {root} can be read again")


def _error_text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _scan_failure(error: BaseException) -> str:
    return f"The last scan failed: {_error_text(error)}."


def _store_failure(error: BaseException) -> str:
    text = str(error)
    return (f"The database cannot be written ({text}): new and changed releases are not stored and the feeds do "
            "not change. Free disk space or make the state folder writable; feedsvc catches up by itself.")


def describe(report: ScanReport) -> str:
    """What a pass changed, in one line ("" when it changed nothing): counts, and a few file names each."""
    groups: dict[str, list[str]] = {}
    for outcome in report.outcomes:
        if outcome.action in LOGGED_ACTIONS and not outcome.repeated:
            groups.setdefault(outcome.action, []).append(outcome.path)
    parts = []
    for action in LOGGED_ACTIONS:
        paths = groups.get(action)
        if paths:
            names = ", ".join(quote(p) for p in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
            parts.append(f"{len(paths)} {action} ({names})")
    return ", ".join(parts)


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
        "changes": {a: counts[a] for a in (Action.ADDED, Action.REVISED, Action.MOVED, Action.REMOVED, Action.HELD,
                                           Action.PUBLISHED)},
        "missing": counts[Action.MISSING],
        "rejected": counts[Action.REJECTED],
        "pending": counts[Action.PENDING],
        "errors": [o.reason for o in report.outcomes if o.action == Action.ERROR],
    }
