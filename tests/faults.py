"""Faults of the state folder for tests of the real service: a full disk and a read-only folder.

As root with CAP_SYS_ADMIN (the usual CI container) they are real: the folder is a small tmpfs that a ballast file
fills, or a read-only bind mount laid over it. Elsewhere the service is started with a sitecustomize that makes
SQLite writes and file replacements in the folder fail while a flag file exists, which is what the service sees of
either fault. FEEDSVC_TEST_FAULTS=inject forces the second way.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

SITECUSTOMIZE = '''\
import errno, os, sqlite3
_FLAGS = os.environ["FEEDSVC_TEST_FAULT_FLAGS"]
_MESSAGES = {"full": ("database or disk is full", errno.ENOSPC), "readonly": ("attempt to write a readonly database",
                                                                             errno.EROFS)}
_WRITES = ("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE", "REPLACE")


def _fault():
    for name, fault in _MESSAGES.items():
        if os.path.exists(os.path.join(_FLAGS, name)):
            return fault
    return None


class _Faulty(sqlite3.Connection):
    def execute(self, sql, *args):
        fault = _fault()
        if fault and sql.lstrip().upper().startswith(_WRITES):
            raise sqlite3.OperationalError(fault[0])
        return super().execute(sql, *args)

    def executemany(self, sql, *args):
        fault = _fault()
        if fault and sql.lstrip().upper().startswith(_WRITES):
            raise sqlite3.OperationalError(fault[0])
        return super().executemany(sql, *args)


_connect = sqlite3.connect


def _connect_faulty(*args, **kwargs):
    kwargs.setdefault("factory", _Faulty)
    return _connect(*args, **kwargs)


sqlite3.connect = _connect_faulty
_replace = os.replace


def _replace_faulty(src, dst, *args, **kwargs):
    fault = _fault()
    if fault and os.path.dirname(os.path.abspath(dst)) == os.environ["FEEDSVC_TEST_FAULT_FOLDER"]:
        raise OSError(fault[1], os.strerror(fault[1]), str(dst))
    return _replace(src, dst, *args, **kwargs)


os.replace = _replace_faulty
'''


def can_mount() -> bool:
    if os.environ.get("FEEDSVC_TEST_FAULTS") == "inject" or os.geteuid() != 0:
        return False
    probe = Path(f"/tmp/feedsvc-mount-probe-{uuid.uuid4().hex}")
    probe.mkdir()
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                          capture_output=True).returncode != 0:
            return False
        subprocess.run(["umount", str(probe)], capture_output=True)
        return True
    except OSError:
        return False
    finally:
        probe.rmdir()


class StateFolder:
    """The service's state folder, with faults to switch on and off."""

    def __init__(self, folder: Path, scratch: Path, size_mb: int = 8):
        self.folder = folder
        self.mounted = can_mount()
        self.ballast = folder / "ballast"
        self.flags = scratch / "fault-flags"
        self.flags.mkdir(parents=True, exist_ok=True)
        self.site = scratch / "fault-site"
        folder.mkdir(parents=True, exist_ok=True)
        self.overlaid = False
        if self.mounted:
            _run("mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(folder))
        else:
            self.site.mkdir(exist_ok=True)
            (self.site / "sitecustomize.py").write_text(SITECUSTOMIZE)

    @property
    def how(self) -> str:
        return "a real tmpfs and bind mount" if self.mounted else "SQLite errors injected into the service"

    def environment(self) -> dict[str, str]:
        """What the service's environment needs for the injected faults (nothing for real ones)."""
        if self.mounted:
            return {}
        path = os.pathsep.join(p for p in (str(self.site), os.environ.get("PYTHONPATH", "")) if p)
        return {"PYTHONPATH": path, "FEEDSVC_TEST_FAULT_FLAGS": str(self.flags),
                "FEEDSVC_TEST_FAULT_FOLDER": str(self.folder.resolve())}

    def fill(self) -> None:
        if not self.mounted:
            (self.flags / "full").touch()
            return
        with open(self.ballast, "wb") as f:
            chunk = b"\0" * (1 << 16)
            try:
                while True:
                    f.write(chunk)
                    f.flush()
            except OSError:
                pass

    def free(self) -> None:
        (self.flags / "full").unlink(missing_ok=True)
        self.ballast.unlink(missing_ok=True)

    def read_only(self) -> None:
        if not self.mounted:
            (self.flags / "readonly").touch()
            return
        _run("mount", "--bind", str(self.folder), str(self.folder))
        _run("mount", "-o", "remount,bind,ro", str(self.folder))
        self.overlaid = True

    def writable(self) -> None:
        (self.flags / "readonly").unlink(missing_ok=True)
        if self.overlaid:
            _run("umount", str(self.folder))
            self.overlaid = False

    def close(self) -> None:
        """Undo every fault and mount, whatever state a failed test left them in."""
        (self.flags / "full").unlink(missing_ok=True)
        (self.flags / "readonly").unlink(missing_ok=True)
        if self.mounted:
            for _ in range(3):  # the read-only bind mount, then the tmpfs
                if not os.path.ismount(self.folder):
                    break
                subprocess.run(["umount", "-l", str(self.folder)], capture_output=True)


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)
