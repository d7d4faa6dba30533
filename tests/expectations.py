"""One checker for the three `expected.json` suites (`data/samples`, `data/documents`, `data/readers`): every key an
expectation gives is checked, and checked the same way whichever suite it comes from.

Keys: `file`; `status` or `outcome` (`published`, `held` or `rejected`) with `reason_mentions` for a rejection;
`title` (exact); `date` (the day, or words saying the file's modification time stands in) with `time`, `utc_offset`
and `has_time`; `mtime` (the file's modification time, for dates without a year); `language`; `summary_starts`,
`summary_ends`; `paragraphs` (body paragraphs); `body_has` / `body_lacks`; `warning_mentions`; `embargoed`;
`tags`. `notes`, `encoding`, `shape` and `quirk` describe the case and are not checked.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from feedsvc.models import Rejection, Release

CHECKED = {"file", "status", "outcome", "reason_mentions", "title", "date", "time", "utc_offset", "has_time", "mtime",
           "language", "summary_starts", "summary_ends", "paragraphs", "body_has", "body_lacks", "warning_mentions",
           "embargoed", "tags"}
DESCRIPTIVE = {"notes", "encoding", "shape", "quirk"}


def load(folder: Path) -> list[dict]:
    cases = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for case in cases:
        unknown = set(case) - CHECKED - DESCRIPTIVE
        assert not unknown, f"{case['file']}: keys no test checks: {sorted(unknown)}"
    return cases


def modified(case: dict, default: datetime) -> datetime:
    """The modification time the case's file is read with."""
    return datetime.fromisoformat(case["mtime"].replace("Z", "+00:00")) if "mtime" in case else default


def check(result: Release | Rejection, case: dict, read_at: datetime, summary_length: int) -> None:
    """Assert that `result`, read from the case's file at `read_at`, is what the case says."""
    status = case.get("status", case.get("outcome", "published"))
    if status == "rejected":
        assert isinstance(result, Rejection), result
        assert case["reason_mentions"].lower() in result.reason.lower(), result.reason
        return
    assert isinstance(result, Release), result
    assert result.published.tzinfo is not None
    if "title" in case:
        assert result.title == case["title"]
    if "date" in case:
        if case["date"][:1].isdigit():
            assert result.published.date().isoformat() == case["date"]
        else:  # "the file's modification time"
            assert result.published == modified(case, read_at).replace(microsecond=0)
            assert any("modification time" in w for w in result.warnings), result.warnings
    if "time" in case:
        assert result.published.strftime("%H:%M") == case["time"]
    if "utc_offset" in case:
        assert result.published.isoformat().endswith(case["utc_offset"])
    if "has_time" in case:
        assert result.has_time is case["has_time"]
    if "language" in case:
        assert result.language == case["language"]
    if "summary_starts" in case:
        assert result.summary.startswith(case["summary_starts"]), result.summary
        assert len(result.summary) <= summary_length
    if "summary_ends" in case:
        assert result.summary.endswith(case["summary_ends"]), result.summary
    if "paragraphs" in case:
        assert len(result.body.split("\n\n")) == case["paragraphs"], result.body.split("\n\n")
    for text in case.get("body_has", []):
        assert text in result.body
    for text in case.get("body_lacks", []):
        assert text not in result.body
    if "warning_mentions" in case:
        assert any(case["warning_mentions"] in w for w in result.warnings), result.warnings
    if "title" in case or "embargoed" in case:  # a full expectation says whether the release is held
        held = bool(case.get("embargoed")) or status == "held"
        assert (result.embargo is not None and result.is_held(read_at)) is held
    if "tags" in case or "summary_starts" in case:
        assert list(result.tags) == case.get("tags", [])
