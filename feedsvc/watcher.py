"""The only module that imports watchdog: file-system events nudge the scheduler to scan soon, and on Linux
(inotify) they tell which files are still open for writing, so an upload that pauses is never read half-written.

Which rule applies where:
- inotify (Linux, local disks, and shares this machine exports: Samba, SFTP and FTP servers write locally):
  a file that has been created or written to is read only after its writer closes it (IN_CLOSE_WRITE), however
  long it pauses; once closed it is read at once, without waiting `settle_seconds`.
- no close events (a share mounted from another machine, whose writes raise no local events; macOS, Windows; the
  polling fallback; `feedsvc scan`; a lost event queue): the file must stay unchanged for `settle_seconds`.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from feedsvc.folder import is_ignored
from feedsvc.lognames import quote

log = logging.getLogger(__name__)


# A file marked as being written for this long with no event at all is read by the settle rule again: a lost close
# event (an overflowing queue) must not hold a release for ever.
WRITE_MARK_LIMIT = 3600.0
MARKS_KEPT = 10_000  # marks of closed or merely created files kept (the next scan uses them; oldest dropped first)


class OpenWrites:
    """Which files inotify shows as still being written, and which were closed after their last write.

    A file is being written from its first write, or from its creation when an open follows (open with O_CREAT),
    until IN_CLOSE_WRITE; then it is closed. A hard link or a file renamed in from elsewhere raises no write: it
    has no mark, and the settle time applies (a read-only open of it, such as the scan's own, changes nothing).
    Thread-safe: the observer thread records, the scan thread asks.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # relative path -> (state, when): created, opened (created, then opened: maybe its writer), writing, closed
        self._marks: dict[str, tuple[str, float]] = {}

    def record(self, kind: str, rel: str, dest: str | None = None) -> None:
        now = time.monotonic()
        with self._lock:
            mark = self._marks.get(rel)
            state = mark[0] if mark else None
            if kind == "created":
                self._marks[rel] = ("created", now)
                self._prune()
            elif kind == "opened" and state == "created":
                self._marks[rel] = ("opened", now)
            elif kind == "closed_no_write" and state == "opened":
                self._marks[rel] = ("created", now)  # it was only read (a hard link, a copy renamed in)
            elif kind == "modified":
                self._marks[rel] = ("writing", now)
            elif kind == "closed":
                self._marks[rel] = ("closed", now)
                self._prune()
            elif kind == "deleted":
                self._marks.pop(rel, None)
            elif kind == "moved" and dest is not None:
                if mark is not None:
                    self._marks[dest] = self._marks.pop(rel)
                else:
                    self._marks.pop(dest, None)

    def status(self, rel: str) -> str | None:
        """"writing" (wait for the close), "closed" (complete: read it now) or None (unknown: settle time)."""
        with self._lock:
            mark = self._marks.get(rel)
        if mark is None or mark[0] == "created":
            return None
        if mark[0] == "closed":
            return "closed"
        if time.monotonic() - mark[1] > WRITE_MARK_LIMIT:
            log.warning("%s has been marked as being written for over %g s with no event; reading it once it "
                        "settles (a close event may have been lost)", quote(rel), WRITE_MARK_LIMIT)
            with self._lock:
                self._marks.pop(rel, None)
            return None
        return "writing"

    def forget(self) -> None:
        """Events were lost (the queue overflowed, the watch restarted): every file falls back to the settle rule."""
        with self._lock:
            self._marks.clear()

    def _prune(self) -> None:
        """Past MARKS_KEPT (a drop of 100,000 files), drop the oldest marks of files not being written, down to
        four fifths, so the sort runs once every few thousand events."""
        if len(self._marks) <= MARKS_KEPT:
            return
        idle = sorted((when, rel) for rel, (state, when) in self._marks.items() if state in ("closed", "created"))
        for _, rel in idle[:len(self._marks) - MARKS_KEPT * 4 // 5]:
            del self._marks[rel]


class _Nudger(FileSystemEventHandler):
    """Events say "look soon" (the scan decides what changed: events get lost, reordered, merged), and feed the
    record of files still being written."""

    def __init__(self, folder: Path, nudge: Callable[[], None], closed: Callable[[], None], writes: OpenWrites):
        self.folder = os.fsdecode(os.path.abspath(folder))
        self.nudge = nudge
        self.closed = closed
        self.writes = writes

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if not event.is_directory and paths:
            rels = [self._relative(p) for p in paths]
            self.writes.record(event.event_type, rels[0], rels[1] if len(rels) > 1 else None)
        if event.event_type in ("opened", "closed_no_write"):
            return
        if paths and all(self._ignored(p) for p in paths):
            return
        if event.event_type == "closed":
            self.closed()  # complete: scan as soon as the burst of events is over
        else:
            self.nudge()

    def _relative(self, path: str) -> str:
        return os.path.relpath(path, self.folder).replace(os.sep, "/")

    def _ignored(self, path: str) -> bool:
        """True for leftovers and anything inside a hidden folder: the scan skips those too."""
        rel = os.path.relpath(path, self.folder)
        return rel != "." and any(is_ignored(part) for part in rel.split(os.sep))


class ReleaseWatcher:
    """Watches the releases folder recursively. A missing folder just means no events, and the periodic scan stays;
    ensure() (after every scan) starts watching once the folder is there, and again when it has been replaced."""

    def __init__(self, folder: Path, nudge: Callable[[], None], closed: Callable[[], None] | None = None):
        """`nudge` is called on changes (scan once the settle time has passed), `closed` when a writer closed a
        file (scan now); both only ask for a scan soon."""
        self.folder = Path(folder)
        self.nudge = nudge
        self.writes = OpenWrites()
        self.handler = _Nudger(self.folder, nudge, closed or nudge, self.writes)
        self.observer: BaseObserver | None = None
        self._overflow = _OverflowWatch(self.writes)
        self._watched: tuple[int, int] | None = None  # (device, inode) of the folder being watched
        self._unavailable: str | None = None  # why not watching, logged once
        self._lock = threading.Lock()  # ensure() runs after scans, start() and stop() on the main thread
        self._stopped = False

    @property
    def watching(self) -> bool:
        return self.observer is not None and self.observer.is_alive()

    def write_status(self, rel: str) -> str | None:
        """For the scanner: "writing", "closed", or None where close events are not available (see the module)."""
        observer = self.observer
        if observer is None or type(observer).__name__ != "InotifyObserver" or not observer.is_alive():
            return None
        return self.writes.status(rel)

    def start(self) -> None:
        self.ensure()

    def ensure(self) -> None:
        """Watch the folder that is there now; one stat when nothing changed."""
        with self._lock:
            if not self._stopped:
                self._ensure()

    def _ensure(self) -> None:
        try:
            st = os.stat(self.folder)
            folder = (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None
        except OSError:
            folder = None
        if folder is not None and folder == self._watched and self.watching:
            return
        again = self._watched is not None or self._unavailable is not None
        self._stop_observer()
        if folder is None:
            self._not_watching(f"{self.folder} is not a folder")
            return
        self.writes.forget()  # writes that began before this watch were not seen
        observer = Observer()
        observer.daemon = True
        try:
            observer.schedule(self.handler, str(self.folder), recursive=True)
            observer.start()
        except OSError as e:
            self._not_watching(f"file events unavailable for {self.folder} ({e})")
            return
        self.observer, self._watched, self._unavailable = observer, folder, None
        log.info("watching %s for changes", self.folder)
        if again:
            self.nudge()  # files may have arrived between the last scan and now

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            self._stop_observer()
        self._overflow.close()

    def _not_watching(self, reason: str) -> None:
        if reason != self._unavailable:
            log.warning("not watching: %s; relying on the periodic scan", reason)
        self._unavailable = reason

    def _stop_observer(self) -> None:
        observer, self.observer, self._watched = self.observer, None, None
        if observer is not None and observer.is_alive():
            observer.stop()
            observer.join(timeout=2)


class _OverflowWatch(logging.Handler):
    """watchdog only logs that the kernel's event queue overflowed; then close events may have been lost, and every
    file falls back to the settle rule."""

    LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")

    def __init__(self, writes: OpenWrites):
        super().__init__(logging.WARNING)
        self.writes = writes
        for name in self.LOGGERS:
            logger = logging.getLogger(name)
            if logger.getEffectiveLevel() > logging.WARNING:
                logger.setLevel(logging.WARNING)  # the warning must be made, whatever log_level hides
            logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage().lower():
            self.writes.forget()

    def close(self) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
        super().close()
