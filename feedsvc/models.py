"""Plain data that flows from the readers through the store to the feeds and pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


@dataclass(frozen=True)
class Topic:
    """Something a release is about, found in its text: a country, an international organisation, a person, or
    one of its front-matter tags."""

    kind: str  # country, organisation, person, tag
    key: str  # what makes two mentions the same topic: ISO code, organisation slug, person key, folded tag
    name: str  # English short name for countries and organisations; the name as written for people and tags
    slug: str  # the topic's URL: /topics/<slug>


@dataclass(frozen=True)
class ReleaseIndex:
    """What search and translation pairing keep of a release, computed where it is read (in the readers'
    processes), so that storing it costs the ingest only its writes."""

    terms: str  # the stems of its title and text, space-separated (feedsvc.words.search_terms)
    fingerprint: dict  # feedsvc.translations.Fingerprint.to_json()


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
    topics: tuple[Topic, ...] = ()  # found by feedsvc.topics once the release is read
    day: date | None = None  # its calendar day in the deployment's zone: translations are of one day
    index: ReleaseIndex | None = None  # set with the topics; the store computes it when it is missing

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


class Action(StrEnum):
    """What a scan did with a file: the words of `feedsvc scan`, the log, /healthz and /metrics."""

    ADDED = "added"  # a new release, published
    REVISED = "revised"  # its file changed: the same entry, revised
    MOVED = "moved"  # renamed or moved: the same entry under the new name
    MISSING = "missing"  # its file is gone: still published until withdraw_grace_seconds pass
    REMOVED = "removed"  # its file is gone: the entry is withdrawn
    HELD = "held"  # stored, embargoed or dated in the future
    PUBLISHED = "published"  # a held release whose time has come
    REJECTED = "rejected"  # not published, with the reason
    PENDING = "pending"  # still being written or read: looked at again soon
    ERROR = "error"  # the store, the folder or a bug: the pass went on without it
    UNCHANGED = "unchanged"  # read again, nothing to do


PUBLISHING = frozenset((Action.ADDED, Action.REVISED, Action.REMOVED, Action.PUBLISHED))  # what changes the feeds


@dataclass(frozen=True)
class FileOutcome:
    """What one scan did with one file."""

    path: str  # relative to releases_dir, with forward slashes
    action: Action
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

    @property
    def changed(self) -> bool:
        return any(o.action in PUBLISHING for o in self.outcomes)


@dataclass(frozen=True)
class FileStamp:
    """What the last scan saw of one file, so unchanged files are never read again."""

    path: str
    size: int
    mtime_ns: int
    content_hash: str
    status: str  # published, held, rejected
    reason: str
    entry_id: str | None


@dataclass(frozen=True)
class Entry:
    """A stored release as the feeds and pages show it."""

    id: str
    slug: str
    source: str | None
    title: str
    summary: str
    body: str
    body_html: str
    language: str
    tags: tuple[str, ...]
    warnings: tuple[str, ...]
    published: datetime
    embargo: datetime | None
    available: datetime
    updated: datetime
    first_seen: datetime
    withdrawn: datetime | None
    has_time: bool = True  # False: the release gives only its date (published is 12:00 UTC of that day)



@dataclass(frozen=True)
class StoredDocument:
    """Rendered feed bytes, ready to serve."""

    key: str
    content_type: str
    body: bytes
    gzip_body: bytes
    etag: str
    last_modified: datetime
