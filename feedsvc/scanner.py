"""Walks the releases folder, reads new and changed files once they have settled, and writes the store. A file is
taken as feedsvc.intake says and read in the reader processes (feedsvc.readpool); files that vanished are settled by
feedsvc.vanished."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from feedsvc.folder import SYMLINK_REASON, FileChanged, hard_link_reason, walk
from feedsvc.intake import Refused, reader_options, take, unreadable_reason
from feedsvc.lognames import quote
from feedsvc.models import PUBLISHING, Action, FileOutcome, FileStamp, Rejection, ScanReport
from feedsvc.originals import kept_type
from feedsvc.readers import ReaderOptions
from feedsvc.readpool import shared_pool
from feedsvc.readprocess import Budget, Ticket
from feedsvc.settings import Settings
from feedsvc.stampcache import RETRY, StampCache
from feedsvc.store import Store
from feedsvc.vanished import VanishedFiles

log = logging.getLogger(__name__)


PROGRESS_SECONDS = 5.0  # a long scan (a first scan of an archive) lets the feeds catch up this often


# How long a pass waits at its end for the reads it started: the rest are stored by the pass their end asks for,
# so a file dropped meanwhile is not kept waiting behind slow ones.
READ_PATIENCE = 1.0


def duplicate_reason(published: str) -> str:
    return (f"This file has the same content as {published}, which is already published. If you meant to rename or "
            f"move it, delete {published}: this file then takes over its entry.")


@dataclass
class Reading:
    """A file handed to the reader processes: stored once its ticket is done, if the file is still this version."""

    ticket: Ticket
    size: int
    mtime_ns: int
    content_hash: str
    stamp: FileStamp | None
    original: bytes | None = None  # a Word or PDF file's bytes, kept with its release (originals.py)


class Scanner:
    """One ingest pass at a time over `settings.releases_dir` into `store`."""

    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.root = Path(settings.releases_dir)
        self._lock = threading.Lock()
        self.stamps = StampCache(store)
        self.vanished = VanishedFiles(settings, store, self.stamps)
        self._future: dict[str, tuple[tuple[int, int, int, int], float]] = {}  # future-dated files under watch
        # Set by the file watcher where inotify tells open-for-writing files apart: "writing", "closed" or None.
        self.write_status: Callable[[str], str | None] | None = None
        self.pool = shared_pool(Budget.from_settings(settings), settings.log_level)
        self._reading: dict[str, Reading] = {}  # kept between scans while a slow read goes on
        self._scanning = False
        self._reading_lock = threading.Lock()
        self.on_read_done: list[Callable[[], None]] = []  # a read finished after its scan ended: scan again
        self.store_error: Exception | None = None  # the first store failure of the last pass
        self._failures: set[str] = set()  # per-file failures of the last pass, logged then and not again
        self._failures_now: set[str] = set()

    def scan(self, now: datetime | None = None, stop: threading.Event | None = None,
             progress: Callable[[], None] | None = None, wait_for_reads: bool = True) -> ScanReport:
        """Add, revise and withdraw entries to match the folder; one bad file never stops the pass.

        `progress` is called every PROGRESS_SECONDS while stored releases change, so that a scan of thousands of
        files publishes as it goes instead of all at the end. Files are read in the reader processes, and the
        pass waits for all of them; without `wait_for_reads` (the scheduled passes of the service) it waits at
        most READ_PATIENCE at its end, and a later pass stores the rest (`on_read_done` asks for it)."""
        with self._lock:
            with self._reading_lock:
                self._scanning = True
            self.store_error, self._failures_now = None, set()
            try:
                return self._scan(now, stop, progress, wait_for_reads)
            finally:
                self._failures = self._failures_now
                with self._reading_lock:
                    self._scanning = False
                    finished = any(r.ticket.done for r in self._reading.values())
                if finished:
                    self._read_done()

    def _read_done(self, ticket: Ticket | None = None) -> None:
        """A read finished (in the pool's thread): a running pass stores it, otherwise the next one must."""
        with self._reading_lock:
            if self._scanning:
                return
        for callback in self.on_read_done:
            callback()

    def forget_cache(self) -> None:
        """Make the next scan reload every file stamp from the store."""
        self.stamps.forget()

    def _scan(self, now: datetime | None, stop: threading.Event | None,
              progress: Callable[[], None] | None, wait_for_reads: bool) -> ScanReport:
        started = time.monotonic()
        now = now or datetime.now(UTC)
        report = ScanReport(started=now)
        root = str(self.root)
        if not self.root.is_dir():
            # An unmounted share must not look like "every release was deleted".
            report.outcomes.append(self._error(root, f"The releases folder {root} does not exist or is not a folder."))
            report.seconds = time.monotonic() - started
            return report
        try:
            known = self.stamps.known()
            found = walk(root, known)
            if found.failed_folders and found.failed_folders[0][0] == "":
                report.outcomes.append(self._error(root, f"The releases folder {root} cannot be read "
                                                         f"({found.failed_folders[0][1]})."))
                report.seconds = time.monotonic() - started
                return report
            for prefix, reason in found.failed_folders:
                report.outcomes.append(self._error(prefix, f"The folder {prefix} was skipped: {reason}. "
                                                           "Its releases stay as they were."))
            self.vanished.find(found, known)
            options = reader_options(self.settings, now)
            wall = time.time()
            future: dict[str, tuple[tuple[int, int, int, int], float]] = {}
            next_progress, unpublished = time.monotonic() + PROGRESS_SECONDS, False
            pending_sizes: set[int] = set()  # sizes of new files not yet read: maybe a vanished one, renamed
            # Files handed to the readers whose results this pass may still store (each tried once a pass).
            outstanding: set[str] = set()

            def note(outcome: FileOutcome | None) -> None:
                nonlocal next_progress, unpublished
                if outcome is not None and outcome.action != Action.UNCHANGED:
                    report.outcomes.append(outcome)
                    unpublished |= outcome.action in PUBLISHING
                if progress is not None and unpublished and time.monotonic() >= next_progress:
                    progress()
                    next_progress, unpublished = time.monotonic() + PROGRESS_SECONDS, False

            def store_finished() -> None:
                for rel in [r for r in outstanding if self._reading[r].ticket.done]:
                    outstanding.discard(rel)
                    note(self._guarded(rel, lambda r=rel: self._store_read(r, now)))

            # Newest first: a file just dropped is read before an archive being copied in, or hostile files
            # dropped earlier.
            for rel, full, st in sorted(found.changed, key=lambda c: c[2].st_mtime_ns, reverse=True):
                if stop is not None and stop.is_set():
                    log.info("scan stopped early at %s", quote(rel))
                    report.seconds = time.monotonic() - started
                    return report  # no withdrawals from an incomplete pass
                reading = self._reading.get(rel)
                if reading is not None and (reading.size, reading.mtime_ns) != (st.st_size, st.st_mtime_ns):
                    self.pool.cancel(reading.ticket)  # the file changed while it was being read
                    del self._reading[rel]
                    reading = None
                if reading is not None and not reading.ticket.done:
                    outstanding.add(rel)  # still being read since an earlier pass
                    continue
                if reading is not None:
                    outcome = self._guarded(rel, lambda r=rel: self._store_read(r, now))
                else:
                    outcome = self._guarded(rel, lambda r=rel, f=full, s=st: self._consider(
                        r, f, s, self.store.file_stamp(r) if r in self.stamps.known() else None, options, now, wall,
                        future, report))
                    if rel in self._reading:
                        outstanding.add(rel)
                waiting = rel in outstanding or (outcome is not None and outcome.action == Action.PENDING)
                if waiting and rel not in known:
                    pending_sizes.add(st.st_size)  # maybe a vanished file under a new name, still settling
                note(outcome)
                store_finished()
                self._wait_for_reads(outstanding, stop, ahead=2 * self.pool.budget.workers)
            waiting, patience = True, time.monotonic() + READ_PATIENCE
            while waiting and (wait_for_reads or time.monotonic() < patience):
                waiting = self._wait_for_reads(outstanding, stop, ahead=0, everything=wait_for_reads)
                store_finished()
            for rel in sorted(outstanding):
                report.outcomes.append(FileOutcome(rel, Action.PENDING, "being read"))
            self.stamps.known()  # reloaded if a failure above made it forget
            self._future = future
            dropped = self.vanished.dropped_share()
            if dropped:
                report.outcomes.append(self._error(root, dropped))
            else:
                wait = self.vanished.settle(found, now, report, pending_sizes, self._cancel_read)
                if wait is not None:
                    _check_again(report, wait)
        except BaseException:
            self.forget_cache()  # whatever the store holds now is the truth
            raise
        # Rejections are listed on every scan, so `feedsvc scan` always shows what is still wrong.
        reported = {o.path for o in report.outcomes}
        rejected = self.stamps.rejected
        for path in sorted(rejected.keys() - reported):
            report.outcomes.append(FileOutcome(path, Action.REJECTED, rejected[path], repeated=True))
        for entry in self.store.released_between(self._last_release_check(), now):
            report.outcomes.append(FileOutcome(entry.source or "", Action.PUBLISHED, "its embargo or date has passed",
                                               entry.id))
        self.store.set_meta("release_check", now.isoformat())
        report.seconds = time.monotonic() - started
        return report

    def _guarded(self, rel: str, step: Callable[[], FileOutcome | None]) -> FileOutcome | None:
        """Run one file's step; the store or a bug is reported and the pass goes on with the next file. The same
        failure is logged once, not on every pass."""
        try:
            return step()
        except Exception as e:
            reason = f"{rel}: {type(e).__name__}: {e}"
            if isinstance(e, sqlite3.Error | OSError):
                self.store_error = self.store_error or e
            repeated = reason in self._failures
            self._failures_now.add(reason)
            if not repeated:
                log.error("scanning %s failed: %s: %s", rel, type(e).__name__, e,
                          exc_info=None if isinstance(e, sqlite3.Error | OSError) else e)
            self.forget_cache()
            self.stamps.known()
            return FileOutcome(rel, Action.ERROR, reason, repeated=repeated)

    def _error(self, path: str, reason: str) -> FileOutcome:
        """A problem of the pass (a folder it cannot read): reported on every pass, logged on the first."""
        repeated = reason in self._failures
        self._failures_now.add(reason)
        return FileOutcome(path, Action.ERROR, reason, repeated=repeated)

    def _wait_for_reads(self, outstanding: set[str], stop: threading.Event | None, ahead: int,
                        everything: bool = False) -> bool:
        """Wait while more than `ahead` reads of this pass are neither done nor slow; False when none is left to
        wait for."""
        waiting = [self._reading[rel].ticket for rel in outstanding]
        waiting = [t for t in waiting if not t.done and (everything or not self.pool.lagging(t))]
        if len(waiting) <= ahead or (stop is not None and stop.is_set()):
            return False
        self.pool.wait(waiting, timeout=0.5, stop=stop)
        return True

    def _consider(self, rel: str, full: str, st: os.stat_result, stamp: FileStamp | None, options: ReaderOptions,
                  now: datetime, wall: float, future: dict, report: ScanReport) -> FileOutcome | None:
        """Decide what to do with one new or changed path found by the walk."""
        mode = st.st_mode
        if stat.S_ISLNK(mode):
            return self._reject(rel, st.st_size, st.st_mtime_ns, "", SYMLINK_REASON, stamp)
        reason = unreadable_reason(rel, mode)
        if reason:
            return self._reject(rel, st.st_size, st.st_mtime_ns, "", reason, stamp)
        if st.st_nlink > 1 and not self.settings.allow_hard_links:
            # looked at again on every scan (no content stamp): the other name may go, as in a link-then-delete move
            return self._reject(rel, st.st_size, RETRY, "", hard_link_reason(st.st_nlink), stamp)
        settle = self.settings.settle_seconds
        writes = self.write_status(rel) if self.write_status is not None else None
        if writes == "writing":
            # inotify saw it written and not yet closed: an upload that pauses, however long (the close nudges a scan)
            return FileOutcome(rel, Action.PENDING, "still open for writing; read once its writer closes it")
        quiet_for = float("inf") if writes == "closed" else wall - max(st.st_mtime, st.st_ctime)
        if quiet_for < settle:
            if quiet_for < -1.0:
                # Dated in the future (a share with a fast clock): settled once we have seen it unchanged for long
                # enough ourselves, or it would wait until its date.
                sig = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
                first = self._future.get(rel)
                since = first[1] if first and first[0] == sig else time.monotonic()
                future[rel] = (sig, since)
                quiet_for = time.monotonic() - since
            if quiet_for < settle:
                _check_again(report, settle - max(quiet_for, 0.0))
                return FileOutcome(rel, Action.PENDING, "still being written")
        outcome = self._ingest(rel, full, st, stamp, options, now, report)
        if outcome is not None and outcome.action == Action.PENDING:
            _check_again(report, settle or 1.0)
        return outcome

    def _reject(self, path: str, size: int, mtime_ns: int, content_hash: str, reason: str,
                stamp: FileStamp | None) -> FileOutcome:
        """Record a rejection (once: an unchanged one is not written or logged again) and report it."""
        if (stamp is None or stamp.status != "rejected" or stamp.reason != reason
                or (stamp.size, stamp.mtime_ns) != (size, mtime_ns)):
            self.store.record_rejection(path, size, mtime_ns, content_hash, reason)
            self.stamps.remember(FileStamp(path, size, mtime_ns, content_hash, "rejected", reason,
                                     stamp.entry_id if stamp else None), path)
            if stamp is None or stamp.reason != reason:
                log.warning("rejected %s: %s", quote(path), reason)
                return FileOutcome(path, Action.REJECTED, reason)
        return FileOutcome(path, Action.REJECTED, reason, repeated=True)

    def _cancel_read(self, path: str) -> None:
        """Forget the read of a file that is gone."""
        reading = self._reading.pop(path, None)
        if reading is not None:
            self.pool.cancel(reading.ticket)

    def _last_release_check(self) -> datetime:
        value = self.store.get_meta("release_check")
        return datetime.fromisoformat(value) if value else datetime.max.replace(tzinfo=UTC)

    def _ingest(self, rel: str, full: str, st0: os.stat_result, stamp: FileStamp | None, options: ReaderOptions,
                now: datetime, report: ScanReport) -> FileOutcome | None:
        """Read one settled file: a rename or move is recognised by its content; anything else is handed to the
        reader processes (None: it is being read)."""
        try:
            taken = take(full, st0, self.settings)
        except FileChanged as e:
            log.debug("%s %s; looking again later", quote(rel), e)
            return FileOutcome(rel, Action.PENDING, str(e))
        except FileNotFoundError:
            log.debug("%s vanished while being read", quote(rel))
            return FileOutcome(rel, Action.PENDING, "vanished while being read")
        if isinstance(taken, Refused) and taken.stat is None:
            # Nothing about the content: retried on every scan, so fixing the permissions is enough.
            return self._reject(rel, st0.st_size, RETRY, "", taken.reason, stamp)
        if isinstance(taken, Refused):
            return self._reject(rel, taken.stat.st_size, taken.stat.st_mtime_ns, "", taken.reason, stamp)
        data, st, content_hash = taken.data, taken.stat, taken.content_hash
        if stamp and stamp.content_hash == content_hash and stamp.status != "rejected":
            self.store.restamp_file(rel, st.st_size, st.st_mtime_ns)
            self.stamps.remember(FileStamp(rel, st.st_size, st.st_mtime_ns, content_hash, stamp.status, stamp.reason,
                                     stamp.entry_id), rel)
            return FileOutcome(rel, Action.UNCHANGED)
        duplicate_of = self.store.live_entry_with_hash(content_hash, other_than=rel)
        if duplicate_of and (duplicate_of in self.stamps.gone or duplicate_of in self.stamps.missing):
            # the same content under a new name while the old name is gone: a rename, a move, a copy and delete
            moved = self.store.move_entry(duplicate_of, rel, st.st_size, st.st_mtime_ns, content_hash, now)
            if moved is not None:
                entry_id, replaced = moved
                if replaced:
                    report.outcomes.append(FileOutcome(rel, Action.REMOVED, "the file was overwritten by a moved one",
                                                       replaced))
                return self.vanished.moved(duplicate_of, rel, entry_id, st.st_size, st.st_mtime_ns, content_hash, now)
        if duplicate_of:
            return self._reject(rel, st.st_size, st.st_mtime_ns, content_hash, duplicate_reason(duplicate_of), stamp)
        ticket = self.pool.submit(rel, rel, data, taken.modified, options)
        self._reading[rel] = Reading(ticket, st.st_size, st.st_mtime_ns, content_hash, stamp,
                                     data if kept_type(rel) else None)
        ticket.on_done = self._read_done
        return None

    def _store_read(self, rel: str, now: datetime) -> FileOutcome:
        """Store what the reader processes made of a file; kept for the next pass if the store fails."""
        reading = self._reading[rel]
        result, stamp, content_hash = reading.ticket.result, reading.stamp, reading.content_hash
        size, mtime_ns = reading.size, reading.mtime_ns
        if isinstance(result, Rejection):
            outcome = self._reject(rel, size, mtime_ns, content_hash, result.reason, stamp)
            del self._reading[rel]
            return outcome
        assert result is not None
        duplicate_of = self.store.live_entry_with_hash(content_hash, other_than=rel)
        if duplicate_of:  # the same content was stored meanwhile, from a file read side by side with this one
            del self._reading[rel]
            return self._reject(rel, size, mtime_ns, content_hash, duplicate_reason(duplicate_of), stamp)
        take_over = None
        if stamp is None and (self.stamps.gone or self.stamps.missing):
            # renamed and edited: a vanished file's entry with the same title continues under the new name
            vanished = (self.stamps.gone | self.stamps.missing.keys()) - {rel}
            take_over = self.store.live_source_titled(result.title, vanished)
        action, entry_id = self.store.save_release(rel, size, mtime_ns, content_hash, result, now, take_over)
        del self._reading[rel]
        if reading.original is not None:
            self.store.keep_original(entry_id, Path(rel).suffix.lower(), kept_type(rel), reading.original)
        elif take_over is not None and kept_type(take_over):
            self.store.drop_original(entry_id)  # continued by a file of another format: the old original goes
        if take_over is not None:
            self.stamps.remember(None, take_over)
            log.info("%s continues %s (same title): entry %s revised, same id and link", quote(rel),
                     quote(take_over), entry_id)
        held = result.is_held(now)
        self.stamps.remember(FileStamp(rel, size, mtime_ns, content_hash, "held" if held else "published",
                                 "", entry_id), rel)
        if action == Action.ADDED and held:
            action = Action.HELD
        if action != Action.UNCHANGED:
            log.debug("%s %s as %s", action, quote(rel), entry_id)
        note = [f"renamed from {take_over} and edited; the entry keeps its id and link"] if take_over else []
        return FileOutcome(rel, action, "; ".join([*note, *result.warnings]), entry_id)


def _check_again(report: ScanReport, seconds: float) -> None:
    report.next_check = seconds if report.next_check is None else min(report.next_check, seconds)
