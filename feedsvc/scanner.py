"""Walks the releases folder, reads new and changed files once they have settled, and writes the store."""

from __future__ import annotations

import fnmatch
import hashlib
import logging
import os
import stat
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from feedsvc.models import FileOutcome, Rejection, ScanReport
from feedsvc.readers import SUPPORTED_EXTENSIONS, ReaderOptions, is_release_file, read_release
from feedsvc.settings import Settings
from feedsvc.store import Store

log = logging.getLogger(__name__)

# Editor, office and transfer leftovers: never releases, never reported.
IGNORED_PATTERNS = (
    ".*", "~*", "*~", "#*#", "*.tmp", "*.temp", "*.part", "*.partial", "*.crdownload", "*.download",
    "*.swp", "*.swx", "*.bak", "*.filepart", "Thumbs.db", "desktop.ini", "Icon\r",
)


def is_ignored(name: str) -> bool:
    """True for hidden files and the temporary files editors and transfers leave behind."""
    lowered = name.lower()
    return any(fnmatch.fnmatchcase(lowered, p.lower()) for p in IGNORED_PATTERNS)


@dataclass(frozen=True)
class SeenFile:
    """A regular file found by the walk, with the lstat taken then."""

    path: str  # relative, forward slashes
    full: str
    st: os.stat_result


def walk(root: Path) -> tuple[list[SeenFile], list[tuple[str, str]]]:
    """All candidate files under `root`, never following symbolic links; plus (path, reason) for links."""
    files: list[SeenFile] = []
    refused: list[tuple[str, str]] = []
    stack = [(str(root), "")]
    while stack:
        directory, prefix = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError as e:
            log.warning("cannot list folder %s: %s", directory, e.strerror or e)
            continue
        for entry in entries:
            if is_ignored(entry.name):
                continue
            rel = prefix + entry.name
            if entry.is_symlink():
                refused.append((rel, "This is a symbolic link; feedsvc reads only real files inside the releases "
                                     "folder. Copy the file itself into the folder."))
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel + "/"))
            elif entry.is_file(follow_symlinks=False):
                try:
                    files.append(SeenFile(rel, entry.path, entry.stat(follow_symlinks=False)))
                except FileNotFoundError:
                    continue
    return files, refused


class Scanner:
    """One ingest pass at a time over `settings.releases_dir` into `store`."""

    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.root = Path(settings.releases_dir)
        self._lock = threading.Lock()

    def reader_options(self, now: datetime) -> ReaderOptions:
        s = self.settings
        return ReaderOptions(zone=s.zone, summary_length=s.summary_length, title_length=s.title_length,
                             max_file_size=s.max_file_size, now=now)

    def scan(self, now: datetime | None = None, stop: threading.Event | None = None) -> ScanReport:
        """Add, revise and withdraw entries to match the folder; one bad file never stops the pass."""
        with self._lock:
            return self._scan(now, stop)

    def _scan(self, now: datetime | None, stop: threading.Event | None) -> ScanReport:
        started = time.monotonic()
        now = now or datetime.now(UTC)
        report = ScanReport(started=now)
        if not self.root.is_dir():
            # An unmounted share must not look like "every release was deleted".
            report.outcomes.append(FileOutcome(str(self.root), "error",
                                               f"The releases folder {self.root} does not exist or is not a folder."))
            log.error("releases folder %s is missing; nothing withdrawn", self.root)
            report.seconds = time.monotonic() - started
            return report
        files, refused = walk(self.root)
        known = self.store.file_stamps()
        seen: set[str] = set()
        options = self.reader_options(now)
        wall = time.time()
        for path, reason in refused:
            seen.add(path)
            report.outcomes.append(FileOutcome(path, "rejected", reason))
        for f in files:
            if stop is not None and stop.is_set():
                log.info("scan stopped early at %s", f.path)
                report.seconds = time.monotonic() - started
                return report  # no withdrawals from an incomplete walk
            seen.add(f.path)
            stamp = known.get(f.path)
            if stamp and stamp.size == f.st.st_size and stamp.mtime_ns == f.st.st_mtime_ns:
                if stamp.status == "rejected":
                    report.outcomes.append(FileOutcome(f.path, "rejected", stamp.reason))
                continue
            if not is_release_file(f.path):
                if stamp is None or stamp.status != "rejected":
                    reason = unsupported_reason(f.path)
                    self.store.record_rejection(f.path, f.st.st_size, f.st.st_mtime_ns, "", reason)
                report.outcomes.append(FileOutcome(f.path, "rejected", unsupported_reason(f.path)))
                continue
            quiet_for = wall - max(f.st.st_mtime, f.st.st_ctime)
            if quiet_for < self.settings.settle_seconds:
                wait = self.settings.settle_seconds - max(quiet_for, 0.0)
                report.next_check = min(report.next_check or wait, wait)
                report.outcomes.append(FileOutcome(f.path, "pending", "still being written"))
                continue
            outcome = self._ingest(f, stamp, options, now)
            if outcome.action == "pending":
                report.next_check = min(report.next_check or self.settings.settle_seconds,
                                        self.settings.settle_seconds or 1.0)
            if outcome.action != "unchanged":
                report.outcomes.append(outcome)
        for path in sorted(set(known) - seen):
            entry_id = self.store.forget_file(path, now)
            if entry_id:
                report.outcomes.append(FileOutcome(path, "removed", entry_id=entry_id))
        for entry in self.store.released_between(self._last_release_check(), now):
            report.outcomes.append(FileOutcome(entry.source or "", "published", "its embargo or date has passed",
                                               entry.id))
        self.store.set_meta("release_check", now.isoformat())
        report.seconds = time.monotonic() - started
        return report

    def _last_release_check(self) -> datetime:
        value = self.store.get_meta("release_check")
        return datetime.fromisoformat(value) if value else datetime.max.replace(tzinfo=UTC)

    def _ingest(self, f: SeenFile, stamp, options: ReaderOptions, now: datetime) -> FileOutcome:
        """Read, parse and store one settled file."""
        try:
            data, st = read_settled(f, self.settings.max_file_size)
        except FileChanged:
            return FileOutcome(f.path, "pending", "changed while being read")
        except OSError as e:
            reason = f"feedsvc cannot open this file ({e.strerror or e}); check its permissions."
            self.store.record_rejection(f.path, f.st.st_size, f.st.st_mtime_ns, "", reason)
            log.warning("%s: %s", f.path, reason)
            return FileOutcome(f.path, "rejected", reason)
        if data is None:
            reason = (f"The file is larger than the {_megabytes(self.settings.max_file_size)} limit "
                      f"({_megabytes(st.st_size)}).")
            self.store.record_rejection(f.path, st.st_size, st.st_mtime_ns, "", reason)
            return FileOutcome(f.path, "rejected", reason)
        content_hash = hashlib.sha256(data).hexdigest()
        if stamp and stamp.content_hash == content_hash:
            self.store.restamp_file(f.path, st.st_size, st.st_mtime_ns)
            return FileOutcome(f.path, "unchanged")
        duplicate_of = self.store.live_entry_with_hash(content_hash, other_than=f.path)
        if duplicate_of:
            reason = f"This file has the same content as {duplicate_of}, which is already published."
            self.store.record_rejection(f.path, st.st_size, st.st_mtime_ns, content_hash, reason)
            return FileOutcome(f.path, "rejected", reason)
        modified = datetime.fromtimestamp(st.st_mtime, UTC)
        try:
            result = read_release(f.path, data, modified, options)
        except Exception as e:  # a reader bug must not stop the scan
            log.exception("reader failed on %s", f.path)
            result = Rejection(f"feedsvc could not read this file because of an internal error ({type(e).__name__}).")
        if isinstance(result, Rejection):
            self.store.record_rejection(f.path, st.st_size, st.st_mtime_ns, content_hash, result.reason)
            log.warning("rejected %s: %s", f.path, result.reason)
            return FileOutcome(f.path, "rejected", result.reason)
        action, entry_id = self.store.save_release(f.path, st.st_size, st.st_mtime_ns, content_hash, result, now)
        if action == "added" and result.is_held(now):
            action = "held"
        log.info("%s %s as %s", action, f.path, entry_id)
        return FileOutcome(f.path, action, "; ".join(result.warnings), entry_id)


class FileChanged(Exception):
    """The file changed or was replaced between the walk and the read."""


def read_settled(f: SeenFile, limit: int) -> tuple[bytes | None, os.stat_result]:
    """Read a file that must still be the one the walk saw; None if it is over `limit` bytes."""
    fd = os.open(f.full, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (f.st.st_dev, f.st.st_ino):
            raise FileChanged
        if st.st_size > limit:
            return None, st
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                return None, os.fstat(fd)
        after = os.fstat(fd)
        if (after.st_size, after.st_mtime_ns) != (st.st_size, st.st_mtime_ns) or total != st.st_size:
            raise FileChanged
        return b"".join(chunks), st
    finally:
        os.close(fd)


def unsupported_reason(path: str) -> str:
    ext = os.path.splitext(path)[1] or "(no extension)"
    return (f"feedsvc cannot read {ext} files. Save the release as one of: "
            f"{', '.join(sorted(SUPPORTED_EXTENSIONS))}.")


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"
