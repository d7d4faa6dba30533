"""The scan lock: one ingest pass at a time on a database, across processes (a serving scheduler and `feedsvc scan`).

flock is released by the kernel when its process dies, even by SIGKILL, so a crash never leaves it stale; like
SQLite's WAL mode it holds on one host only.
"""

from __future__ import annotations

import fcntl
import os
import time


class ScanLock:
    """Held for the length of one pass; the file beside the database names the process holding it."""

    def __init__(self, database: str | os.PathLike):
        self.path = f"{os.fspath(database)}.scan.lock"
        self._file = None

    def acquire(self, wait: float = 0.0, poll: float = 0.1) -> bool:
        """Take the lock, waiting up to `wait` seconds; False when another process still holds it."""
        deadline = time.monotonic() + wait
        file = open(self.path, "a+")
        while True:
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    file.close()
                    return False
                time.sleep(min(poll, max(deadline - time.monotonic(), 0.0)))
        file.seek(0)
        file.truncate()
        file.write(f"{os.getpid()}\n")
        file.flush()
        self._file = file
        return True

    def holder(self) -> str:
        try:
            with open(self.path) as f:
                return f.read().strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
