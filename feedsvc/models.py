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

    def available_at(self) -> datetime:
        """The moment the release may appear in feeds: its embargo or its publication time."""
        return max(self.published, self.embargo) if self.embargo else self.published

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
