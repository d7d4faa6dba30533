"""The only module that imports watchdog: file-system events nudge the scheduler to scan soon."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

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
    """Watches the releases folder recursively; a missing folder just means no events (the periodic scan stays)."""

    def __init__(self, folder: Path, nudge: Callable[[], None]):
        self.folder = Path(folder)
        self.observer = Observer()
        self.observer.daemon = True
        self.handler = _Nudger(self.folder, nudge)

    def start(self) -> None:
        if not self.folder.is_dir():
            log.warning("not watching %s: not a folder; relying on the periodic scan", self.folder)
            return
        try:
            self.observer.schedule(self.handler, str(self.folder), recursive=True)
            self.observer.start()
            log.info("watching %s for changes", self.folder)
        except OSError as e:
            log.warning("file events unavailable (%s); relying on the periodic scan", e)

    def stop(self) -> None:
        if self.observer.is_alive():
            self.observer.stop()
            self.observer.join(timeout=2)
