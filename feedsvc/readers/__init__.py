"""Readers turn one release file's bytes into a Release or a Rejection, chosen by file extension."""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime

from feedsvc.lognames import quote
from feedsvc.models import Rejection, Release
from feedsvc.readers.options import Context, ReaderOptions

__all__ = ["SUPPORTED_EXTENSIONS", "ReaderOptions", "is_release_file", "read_release", "too_large_reason",
           "unsupported_reason"]

log = logging.getLogger(__name__)


# The reader module of each extension, imported when a file of that kind is first read: the service's own
# process never reads (its reader processes do), so it never loads the parsing libraries.
_READERS = {
    ".txt": "plaintext",
    ".text": "plaintext",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "htmlpage",
    ".htm": "htmlpage",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(_READERS)


def _reader(ext: str) -> Callable | None:
    module = _READERS.get(ext)
    return importlib.import_module(f"feedsvc.readers.{module}").read if module else None


_WARM_UP = (
    ("warm-up.txt", "PRESS RELEASE\n\nMinistry of Foreign Affairs\n\nStatement on the talks\n\n3 December 2020\n\n"
                    "On December 3, the ministers held talks in Moscow and agreed to meet again.\n"),
    ("warm-up.md", "# Заявление МИД\n\n3 декабря 2020 года\n\nМинистры провели переговоры в Москве.\n"),
)


def load_all() -> None:
    """Import every reader and read two small releases now, so that the tables, patterns and date parsers the
    rules build on first use are ready: a reader process does this before its budgets start, which are the
    file's, not the libraries'."""
    for ext in _READERS:
        _reader(ext)
    modified = datetime(2020, 12, 4, tzinfo=UTC)
    for name, text in _WARM_UP:
        read_release(name, text.encode("utf-8"), modified, ReaderOptions())


def is_release_file(name: str) -> bool:
    """True if `name` has an extension some reader handles."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in SUPPORTED_EXTENSIONS


def unsupported_reason(name: str) -> str:
    """Why a file of a type no reader takes is refused (the scan, `feedsvc parse` and read_release say it alike)."""
    ext = os.path.splitext(name)[1] or "(no extension)"
    return (f"feedsvc cannot read {ext} files. Save the release as one of: "
            f"{', '.join(sorted(SUPPORTED_EXTENSIONS))}.")


def too_large_reason(limit: int, size: int) -> str:
    """Why a file over the max_file_size setting is refused, naming the limit and the file's size."""
    return f"The file is larger than the {size_text(limit)} limit ({size_text(size)})."


def size_text(n: int) -> str:
    """`10 MB`, `1.5 MB`, `300 KB`, `2.0 KB`, `12 bytes`: a size as a press officer reads it (whole units only when
    exact)."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if n >= unit:
            return f"{n // unit} {name}" if n % unit == 0 else f"{n / unit:.1f} {name}"
    return f"{n} bytes"


def read_release(name: str, data: bytes, modified: datetime, options: ReaderOptions) -> Release | Rejection:
    """Parse `data` (the bytes of file `name`, last modified at `modified`); never raises for bad input."""
    dot = name.rfind(".")
    ext = name[dot:].lower() if dot > 0 else ""
    reader = _reader(ext)
    if reader is None:
        return Rejection(unsupported_reason(name))
    if len(data) > options.max_file_size:
        return Rejection(too_large_reason(options.max_file_size, len(data)))
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=UTC)
    try:
        result = reader(Context(name=name, modified=modified, options=options), bytes(data))
    except (MemoryError, RecursionError) as e:
        # no traceback: it says nothing about the file, and formatting one needs memory there may not be
        log.error("reading %s exhausted %s", quote(name), "memory" if isinstance(e, MemoryError) else "recursion",
                  extra={"out_of_memory": isinstance(e, MemoryError)})
        return Rejection("The file is too complex to read (too deeply nested or too large once unpacked).")
    except Exception:  # one bad file must never stop a scan
        log.exception("reading %s failed", quote(name))
        return Rejection(
            "The file could not be read because of an unexpected problem in the reader; "
            "the details are in the service log."
        )
    return result
