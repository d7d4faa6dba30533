"""What a reader knows besides the file's bytes: the deployment's options and the file's name and time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class ReaderOptions:
    """What a reader needs to know about the deployment."""

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("UTC"))
    summary_length: int = 300
    title_length: int = 300
    max_file_size: int = 10 * 1024 * 1024
    now: datetime | None = None  # the moment of reading; None means the real now


@dataclass(frozen=True)
class Context:
    """One reading: the file's name, its modification time and the deployment's options."""

    name: str
    modified: datetime
    options: ReaderOptions

    @property
    def now(self) -> datetime:
        return self.options.now if self.options.now is not None else datetime.now(UTC)

    @property
    def zone(self) -> ZoneInfo:
        return self.options.zone
