"""What keeps the feeds from following the folder, as the ingest sees it, shared with every web worker.

The scheduler process is the one that knows when a scan fails, when the store refuses a write and when a feed
document cannot be rendered. It cannot say so in the store when the store is what fails, so it writes a small
status file outside the state folder (in /dev/shm when there is one: memory, never full because a disk is), and
/healthz in every web worker reads it. Each problem is logged once when it starts or changes, and once when it is
over.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

RUNTIME_DIRS = ("/dev/shm", "/run/user/{uid}")


def status_path(database: str | os.PathLike) -> Path:
    """Where the status of the ingest for `database` is kept: one name per database, outside its folder when it
    can be."""
    database = Path(database).absolute()
    name = "feedsvc-" + hashlib.sha256(str(database).encode()).hexdigest()[:16] + ".health.json"
    for folder in RUNTIME_DIRS:
        folder = folder.format(uid=os.getuid())
        if os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return Path(folder) / name
    return database.with_name(database.name + ".health.json")


class IngestHealth:
    """The ingest's problems by kind ("scan", "store", "render", ...), each a sentence for an operator."""

    def __init__(self, database: str | os.PathLike):
        self.path = status_path(database)
        self.problems: dict[str, str] = {}
        self._written: str | None = None

    def problem(self, kind: str, reason: str, error: BaseException | None = None) -> None:
        """Record a problem; logged (with the traceback of an unexpected error) only when it is new or changed."""
        if self.problems.get(kind) == reason:
            return
        self.problems[kind] = reason
        unexpected = error is not None and not isinstance(error, OSError | _sqlite_error())
        log.error("%s", reason, exc_info=error if unexpected else None)
        self.publish()

    def resolved(self, kind: str, message: str = "") -> None:
        if self.problems.pop(kind, None) is not None:
            log.info("%s", message or f"{kind}: working again")
            self.publish()

    def publish(self) -> None:
        """Write the status file (when it differs from the last one written, or is missing)."""
        text = json.dumps({"pid": os.getpid(), "problems": self.problems}, ensure_ascii=False, sort_keys=True)
        if text == self._written and _read(self.path) == text:
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            log.debug("cannot write %s: %s", self.path, e)  # /healthz then has only its own checks
            return
        self._written = text


    def close(self) -> None:
        """Remove the status file at exit, if it is this process's."""
        if self._written is not None and _read(self.path) == self._written:
            self.path.unlink(missing_ok=True)


def read_problems(database: str | os.PathLike) -> dict[str, str]:
    """The problems the ingest of `database` last published; none when its process is gone."""
    try:
        status = json.loads(status_path(database).read_text(encoding="utf-8"))
        pid, problems = int(status["pid"]), dict(status["problems"])
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return {}  # a `feedsvc scan` that has exited, or a service that died: its problems are not current
    except PermissionError:
        pass
    return {str(k): str(v) for k, v in problems.items()}


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _sqlite_error() -> type:
    import sqlite3

    return sqlite3.Error
