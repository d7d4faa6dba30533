"""Release files in shapes the samples do not cover, each read as a press officer would read it.

`data/readers/expected.json` says, per file (the test id is the file's quirk):
`title` (exact), `date` (and `time`, `utc_offset`), `language`, `summary_starts`, `paragraphs` (body paragraphs),
optionally `mtime` (the file's modification time, for dates without a year), `summary_ends`, `body_has` /
`body_lacks` (strings the body must / must not contain), `warning_mentions`, `status` (default published).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from feedsvc.models import Rejection, Release
from feedsvc.readers import ReaderOptions, read_release

FOLDER = Path(__file__).parent / "data" / "readers"
CASES = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))
OPTIONS = ReaderOptions(zone=ZoneInfo("Europe/Moscow"))


def _modified(case: dict) -> datetime:
    if "mtime" in case:
        return datetime.fromisoformat(case["mtime"].replace("Z", "+00:00"))
    return datetime.now(UTC)


def test_every_file_in_the_folder_has_an_expectation_and_the_reverse():
    files = {p.name for p in FOLDER.iterdir() if p.name != "expected.json"}
    assert files == {c["file"] for c in CASES}
    assert len({c["quirk"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["quirk"])
def test_release_shape_is_read_as_a_press_officer_would(case):
    path = FOLDER / case["file"]
    result = read_release(path.name, path.read_bytes(), _modified(case), OPTIONS)
    if case.get("status") == "rejected":
        assert isinstance(result, Rejection)
        assert case["reason_mentions"] in result.reason
        return
    assert isinstance(result, Release), result
    assert result.title == case["title"]
    assert result.published.date().isoformat() == case["date"]
    if "time" in case:
        assert result.published.strftime("%H:%M") == case["time"]
    if "utc_offset" in case:
        assert result.published.isoformat().endswith(case["utc_offset"])
    if "has_time" in case:
        assert result.has_time is case["has_time"]
    assert result.language == case["language"]
    assert result.summary.startswith(case["summary_starts"]), result.summary
    if "summary_ends" in case:
        assert result.summary.endswith(case["summary_ends"]), result.summary
    assert len(result.summary) <= OPTIONS.summary_length
    body = result.body.split("\n\n")
    assert len(body) == case["paragraphs"], body
    for text in case.get("body_has", []):
        assert text in result.body
    for text in case.get("body_lacks", []):
        assert text not in result.body
    if "warning_mentions" in case:
        assert any(case["warning_mentions"] in w for w in result.warnings), result.warnings
