"""A release file on its way to the readers, taken the same way by `feedsvc scan` and `feedsvc parse`: the refusals
that need no reading (what the file is, its type, its size), the read that refuses a file swapped or still changing,
the content hash, the reader options from the settings, and the id its entry has or would get."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from feedsvc.folder import FileChanged, not_regular_reason, read_settled
from feedsvc.readers import ReaderOptions, is_release_file, too_large_reason, unsupported_reason
from feedsvc.settings import Settings
from feedsvc.store import lookup_entry_id, mint_id

__all__ = ["FileChanged", "Refused", "Taken", "entry_id_for", "reader_options", "source_name", "take",
           "take_named", "unreadable_reason"]


@dataclass(frozen=True)
class Taken:
    """A file's bytes, its stat as read and the bytes' hash (what the store stamps a file with)."""

    data: bytes
    stat: os.stat_result
    content_hash: str

    @property
    def modified(self) -> datetime:
        return datetime.fromtimestamp(self.stat.st_mtime, UTC)


@dataclass(frozen=True)
class Refused:
    """Why a file is not read, and the stat the reason is about; None when the reason is nothing about the content
    (the file cannot be opened), so the file is worth another try as it is."""

    reason: str
    stat: os.stat_result | None


def reader_options(settings: Settings, now: datetime) -> ReaderOptions:
    """What the readers are told about the deployment, for a reading at `now`."""
    return ReaderOptions(zone=settings.zone, summary_length=settings.summary_length,
                         title_length=settings.title_length, max_file_size=settings.max_file_size, now=now)


def unreadable_reason(name: str, mode: int) -> str | None:
    """Why a file is refused before it is opened: it is no regular file, or no reader takes its type."""
    if not stat.S_ISREG(mode):
        return not_regular_reason(mode)
    if not is_release_file(name):
        return unsupported_reason(name)
    return None


def take(full: str, seen: os.stat_result, settings: Settings, hard_links: bool | None = None) -> Taken | Refused:
    """Read the file that was seen as `seen`, within the max_file_size setting. A file that changed, was replaced or
    vanished since raises FileChanged or FileNotFoundError: look again later."""
    allowed = settings.allow_hard_links if hard_links is None else hard_links
    try:
        data, st = read_settled(full, seen, settings.max_file_size, allowed)
    except (FileChanged, FileNotFoundError):
        raise
    except OSError as e:
        return Refused(cannot_open_reason(e), None)
    if data is None:
        return Refused(too_large_reason(settings.max_file_size, st.st_size), st)
    return Taken(data, st, hashlib.sha256(data).hexdigest())


def take_named(path: Path, settings: Settings) -> Taken | Refused:
    """A file named on the command line, taken as a scan would take it (a symbolic link is followed: it was named)."""
    try:
        full = path.resolve(strict=True)
        seen = full.stat()
    except OSError as e:
        return Refused(cannot_open_reason(e), None)
    reason = unreadable_reason(path.name, seen.st_mode)
    if reason:
        return Refused(reason, seen)
    try:
        return take(str(full), seen, settings, hard_links=True)
    except FileNotFoundError as e:
        return Refused(cannot_open_reason(e), None)
    except FileChanged as e:
        return Refused(f"The file {e}; try again once it is written.", None)


def cannot_open_reason(e: OSError) -> str:
    detail = e.strerror or e
    if isinstance(e, FileNotFoundError):
        return f"feedsvc cannot open this file ({detail})."
    return f"feedsvc cannot open this file ({detail}); check its permissions."


def source_name(path: Path, releases_dir: str | Path) -> str:
    """The name the store knows a file by: its path within the releases folder, or its bare name outside it."""
    try:
        return path.resolve().relative_to(Path(releases_dir).resolve()).as_posix()
    except ValueError:
        return path.name


def entry_id_for(database: str | Path, source: str, content_hash: str) -> str:
    """The id the feeds give a file: its entry's, or the one a first scan would mint (read-only)."""
    return lookup_entry_id(database, source) or mint_id(source, content_hash)
