"""How values are kept in SQLite and read back: datetimes as UTC ISO 8601 text, tuples as JSON, rows as entries."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

from feedsvc.models import Entry


def to_text(dt: datetime | None) -> str | None:
    """Datetimes are stored as UTC ISO 8601 text, which sorts correctly."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        raise ValueError("naive datetime reached the store")
    return dt.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def entry_from_row(row: sqlite3.Row) -> Entry:
    """An `entries` row (all its columns, texts maybe clipped) as the feeds and pages use it."""
    return Entry(
        id=row["id"],
        slug=row["slug"],
        source=row["source"],
        title=row["title"],
        summary=row["summary"],
        body=row["body"],
        body_html=row["body_html"],
        language=row["language"],
        tags=tuple(json.loads(row["tags"])),
        warnings=tuple(json.loads(row["warnings"])),
        published=from_text(row["published"]),
        embargo=from_text(row["embargo"]),
        available=from_text(row["available"]),
        updated=from_text(row["updated"]),
        first_seen=from_text(row["first_seen"]),
        withdrawn=from_text(row["withdrawn"]),
        has_time=bool(row["has_time"]),
    )
