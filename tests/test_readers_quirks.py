"""Release files in shapes the samples do not cover, each read as a press officer would read it.

`data/readers/expected.json` says, per file (the test id is the file's quirk), what `expectations.py` checks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import expectations
import pytest

from feedsvc.readers import ReaderOptions, read_release

FOLDER = Path(__file__).parent / "data" / "readers"
CASES = expectations.load(FOLDER)
OPTIONS = ReaderOptions(zone=ZoneInfo("Europe/Moscow"))


def test_every_file_in_the_folder_has_an_expectation_and_the_reverse():
    files = {p.name for p in FOLDER.iterdir() if p.name != "expected.json"}
    assert files == {c["file"] for c in CASES}
    assert len({c["quirk"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["quirk"])
def test_release_shape_is_read_as_a_press_officer_would(case):
    path = FOLDER / case["file"]
    now = datetime.now(UTC)
    result = read_release(path.name, path.read_bytes(), expectations.modified(case, now), OPTIONS)
    expectations.check(result, case, now, OPTIONS.summary_length)
