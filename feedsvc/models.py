"""Plain data that flows from the readers through the store to the feeds and pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Release:
    """One press release as a reader understood it; every reader returns this same shape."""

    title: str
    published: datetime  # timezone-aware
    summary: str  # plain text
    body: str  # plain text, paragraphs separated by one blank line
    body_html: str  # safe HTML (already sanitised): <p>, <a>, <ul>... never scripts or styles
    language: str  # BCP 47, e.g. "en", "ru"
    tags: tuple[str, ...] = ()
    embargo: datetime | None = None  # timezone-aware; held out of every feed until then
    warnings: tuple[str, ...] = ()
    # False when the release gives only its date: `published` is then 12:00 UTC of that day (the same calendar
    # day in every zone from UTC-11 to UTC+11), pages show the date alone, and `available_from` is the start of
    # that day in the deployment's zone, so the release is not held on its own day.
    has_time: bool = True
    available_from: datetime | None = None

    def available_at(self) -> datetime:
        """The moment the release may appear in feeds: its embargo, or its publication time (for a date-only
        release, the start of its day)."""
        start = self.available_from if self.available_from is not None else self.published
        return max(start, self.embargo) if self.embargo else start

    def is_held(self, now: datetime) -> bool:
        """True while the release is embargoed or dated in the future."""
        return self.available_at() > now


@dataclass(frozen=True)
class Rejection:
    """A file that cannot become a release, with a reason a press officer understands."""

    reason: str


@dataclass(frozen=True)
class FileOutcome:
    """What one scan did with one file."""

    path: str  # relative to releases_dir, with forward slashes
    action: str  # added, revised, removed, held, rejected, unchanged, pending
    reason: str = ""
    entry_id: str = ""
    repeated: bool = False  # only restates what an earlier scan found (not logged again)


@dataclass
class ScanReport:
    """What one scan pass did, for `feedsvc scan`, the log and /healthz."""

    started: datetime
    seconds: float = 0.0
    outcomes: list[FileOutcome] = field(default_factory=list)
    next_check: float | None = None  # seconds until an unsettled file should be looked at again
    next_release: datetime | None = None  # when the next held release goes live
    rendered: bool = False  # the feed documents were rebuilt

    def by_action(self, action: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.action == action]

    @property
    def changed(self) -> bool:
        return any(o.action in ("added", "revised", "removed", "published") for o in self.outcomes)
