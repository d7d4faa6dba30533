"""What the scanner keeps in memory between passes about the files the store knows, so that a rescan of an
unchanged folder runs no SQL per file: (size, mtime_ns) per path, the rejected paths' reasons, the missing paths'
since when, and, during a pass, the known paths its walk did not find."""

from __future__ import annotations

import time
from datetime import datetime

from feedsvc.models import FileStamp
from feedsvc.readwire import INTERNAL_ERROR
from feedsvc.store import Store

# Refreshing the stamp cache from the store now and then heals any drift (another process scanning the same store).
STAMP_CACHE_SECONDS = 300.0


# Sentinel mtime for rejections that do not depend on the content (unreadable, vanished): retried every scan.
RETRY = -1


class StampCache:
    """Only (size, mtime_ns) per path stays in memory (about 200 bytes a file); the rest of a stamp is read from the
    store for the few files that changed."""

    def __init__(self, store: Store):
        self.store = store
        self._sigs: dict[str, tuple[int, int]] | None = None
        self._loaded = 0.0
        self.rejected: dict[str, str] = {}  # path -> reason
        self.missing: dict[str, datetime] = {}  # path -> since when its file has been gone (within the grace)
        self.gone: set[str] = set()  # during a scan: known paths the walk did not find

    def forget(self) -> None:
        """Make the next `known` reload every file stamp from the store."""
        self._sigs = None

    def known(self) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) of every file the store knows."""
        if self._sigs is None or time.monotonic() - self._loaded > STAMP_CACHE_SECONDS:
            self._sigs, self.rejected, self.missing = self.store.file_signatures()
            for path, reason in self.rejected.items():
                if reason.startswith(INTERNAL_ERROR):
                    self._sigs[path] = (-1, RETRY)  # a reader bug may be fixed since: read these once more
            self._loaded = time.monotonic()
        return self._sigs

    def holds(self, path: str) -> bool:
        """True if `path` is a file the store knows, as of the last load (no reload)."""
        return self._sigs is not None and path in self._sigs

    def remember(self, stamp: FileStamp | None, path: str) -> None:
        """Note what the store now holds for `path` (None: nothing, the file is forgotten)."""
        assert self._sigs is not None
        self.missing.pop(path, None)
        self.gone.discard(path)
        if stamp is None:
            self._sigs.pop(path, None)
            self.rejected.pop(path, None)
        else:
            self._sigs[path] = (stamp.size, stamp.mtime_ns)
            if stamp.status == "rejected":
                self.rejected[path] = stamp.reason
            else:
                self.rejected.pop(path, None)
