"""The only module that imports watchdog: file-system events nudge the scheduler to scan soon."""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from feedsvc.scanner import is_ignored

log = logging.getLogger(__name__)


class _Nudger(FileSystemEventHandler):
    """Events only say "look soon"; the scan decides what changed (events get lost, reordered, merged)."""

    def __init__(self, folder: Path, nudge: Callable[[], None]):
        self.folder = os.fsdecode(os.path.abspath(folder))
        self.nudge = nudge

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [os.fsdecode(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if paths and all(self._ignored(p) for p in paths):
            return
        self.nudge()

    def _ignored(self, path: str) -> bool:
        """True for leftovers and anything inside a hidden folder: the scan skips those too."""
        rel = os.path.relpath(path, self.folder)
        return rel != "." and any(is_ignored(part) for part in rel.split(os.sep))


class ReleaseWatcher:
    """Watches the releases folder recursively. A missing folder just means no events, and the periodic scan stays;
    ensure() (after every scan) starts watching once the folder is there, and again when it has been replaced."""

    def __init__(self, folder: Path, nudge: Callable[[], None]):
        self.folder = Path(folder)
        self.nudge = nudge
        self.handler = _Nudger(self.folder, nudge)
        self.observer: BaseObserver | None = None
        self._watched: tuple[int, int] | None = None  # (device, inode) of the folder being watched
        self._unavailable: str | None = None  # why not watching, logged once
        self._lock = threading.Lock()  # ensure() runs after scans, start() and stop() on the main thread
        self._stopped = False

    @property
    def watching(self) -> bool:
        return self.observer is not None and self.observer.is_alive()

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

    def _not_watching(self, reason: str) -> None:
        if reason != self._unavailable:
            log.warning("not watching: %s; relying on the periodic scan", reason)
        self._unavailable = reason

    def _stop_observer(self) -> None:
        observer, self.observer, self._watched = self.observer, None, None
        if observer is not None and observer.is_alive():
            observer.stop()
            observer.join(timeout=2)
