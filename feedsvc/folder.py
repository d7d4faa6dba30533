"""The releases folder as feedsvc touches it: which names are never releases, a walk that never follows a link,
a read that refuses a file swapped or still changing, and the reasons for refusing what is not a release. The
scanner and the file watcher share it."""

from __future__ import annotations

import errno
import logging
import os
import stat
from dataclasses import dataclass, field

from feedsvc.lognames import quote

log = logging.getLogger(__name__)

# Editor, office and transfer leftovers: never releases, never reported. Names starting with "." (hidden files,
# LibreOffice's .~lock.*#) or "~" (Word's ~$*) are caught by their first character.
IGNORED_SUFFIXES = frozenset((
    ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp", ".swo", ".swx", ".bak", ".filepart",
))


IGNORED_NAMES = frozenset(("thumbs.db", "desktop.ini", "icon\r", ".ds_store"))


O_READ = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


O_FOLDER = os.O_RDONLY | os.O_NOFOLLOW | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0)


SYMLINK_REASON = ("This is a symbolic link; feedsvc reads only real files inside the releases folder. "
                  "Copy the file itself into the folder.")


def hard_link_reason(names: int) -> str:
    return (f"This file is a hard link: the disk knows it under {names} names, so it may be a file from outside "
            "the releases folder (a private document, a system file). feedsvc does not publish such files. Copy the "
            "file into the folder instead of linking it; if your transfer tool makes hard links, the administrator "
            "can set allow_hard_links.")


def is_ignored(name: str) -> bool:
    """True for hidden files and the temporary files editors and transfers leave behind."""
    if not name:
        return True
    first, last = name[0], name[-1]
    if first == "." or first == "~" or last == "~" or (first == "#" and last == "#" and len(name) > 1):
        return True
    dot = name.rfind(".")
    if dot > 0 and name[dot:].lower() in IGNORED_SUFFIXES:
        return True
    return name.lower() in IGNORED_NAMES


def storable(name: str) -> str:
    """A file name as feedsvc stores and shows it. A name that is not UTF-8 (bytes from an old archive or another
    system) keeps its undecodable bytes as \\xNN, so it can be stored, shown and read like any other."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def not_regular_reason(mode: int) -> str:
    what = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISBLK(mode) or stat.S_ISCHR(mode) else "not a regular file")
    return f"This is {what}, not a file with a release in it; feedsvc reads only regular files."


@dataclass
class Walk:
    """What one walk of the folder found."""

    changed: list[tuple[str, str, os.stat_result]] = field(default_factory=list)  # (rel, full, lstat)
    walked: list[str] = field(default_factory=list)  # every file-like path, relative, forward slashes
    failed_folders: list[tuple[str, str]] = field(default_factory=list)  # (rel prefix, reason)
    known_hits: int = 0  # walked paths the stamp cache knows


def walk(root: str, sigs: dict[str, tuple[int, int]]) -> Walk:
    """List `root` without following symbolic links (for files or folders); unchanged files cost one lstat.

    A file whose (size, mtime_ns) matches `sigs` is only counted; everything else lands in `changed`.
    """
    result = Walk()
    walked = result.walked.append
    changed = result.changed.append
    get = sigs.get
    hits = 0
    stack = [(root, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            # Opening with O_NOFOLLOW and listing the descriptor: a folder swapped for a link is never entered.
            # (The releases folder itself may be a link: that is the operator's choice, not a dropped file.)
            fd = os.open(folder, O_FOLDER if prefix else O_FOLDER & ~os.O_NOFOLLOW)
        except OSError as e:
            reason = f"cannot open folder: {e.strerror or e}"
            if e.errno in (errno.ELOOP, errno.ENOTDIR):
                reason = "it was replaced by a symbolic link or a file while it was being scanned"
            result.failed_folders.append((prefix, reason))
            log.debug("cannot list folder %s: %s", quote(folder), reason)
            continue
        try:
            with os.scandir(fd) as it:
                for entry in it:
                    name = entry.name
                    rel = prefix + name
                    if entry.is_dir(follow_symlinks=False):
                        if not is_ignored(name):
                            stack.append((folder + "/" + name, prefix + storable(name) + "/"))
                        continue
                    sig = get(rel)
                    if sig is None and not name.isascii():  # known files are found as they are, at no cost
                        rel = prefix + storable(name)
                        sig = get(rel)
                    if sig is None and is_ignored(name):
                        continue
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except FileNotFoundError:
                        continue
                    walked(rel)
                    if sig is not None:
                        hits += 1
                        if sig == (st.st_size, st.st_mtime_ns):
                            continue
                    changed((rel, folder + "/" + name, st))
        except OSError as e:
            result.failed_folders.append((prefix, f"cannot list folder: {e.strerror or e}"))
            log.debug("cannot list folder %s: %s", quote(folder), e.strerror or e)
        finally:
            os.close(fd)
    result.known_hits = hits
    return result


class FileChanged(Exception):
    """The file changed or was replaced between the walk and the read."""


def read_settled(full: str, seen: os.stat_result, limit: int,
                 hard_links: bool = True) -> tuple[bytes | None, os.stat_result]:
    """Read a file that must still be the one the walk saw; None if it is over `limit` bytes."""
    try:
        fd = os.open(full, O_READ)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise FileChanged("was replaced by a symbolic link") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or (st.st_dev, st.st_ino) != (seen.st_dev, seen.st_ino):
            raise FileChanged("was replaced")
        if (st.st_size, st.st_mtime_ns) != (seen.st_size, seen.st_mtime_ns):
            raise FileChanged("changed since it was found")  # only the version that was seen to settle is read
        if st.st_nlink > 1 and not hard_links:
            raise FileChanged("was given another name (a hard link) since it was found")
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
            raise FileChanged("changed while being read")
        return b"".join(chunks), st
    finally:
        os.close(fd)
