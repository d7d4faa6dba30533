"""Readers turn one release file's bytes into a Release or a Rejection, chosen by file extension."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from feedsvc.models import Rejection, Release


@dataclass(frozen=True)
class ReaderOptions:
    """What a reader needs to know about the deployment."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    summary_length: int = 300
    title_length: int = 200
    max_file_size: int = 10 * 1024 * 1024
    now: datetime | None = None  # the moment of reading; None means the real now


SUPPORTED_EXTENSIONS: frozenset[str] = frozenset({".txt"})


def is_release_file(name: str) -> bool:
    """True if `name` has an extension some reader handles."""
    dot = name.rfind(".")
    return dot > 0 and name[dot:].lower() in SUPPORTED_EXTENSIONS


def read_release(name: str, data: bytes, modified: datetime, options: ReaderOptions) -> Release | Rejection:
    """Parse `data` (the bytes of file `name`, last modified at `modified`); never raises for bad input."""
    raise NotImplementedError  # the real dispatch lands with the readers
