"""Word documents and PDFs made the way press offices make them, each read as a press officer would read it.

`data/documents/` holds .docx files written with python-docx and PDFs exported from them by LibreOffice
(justified, hyphenated, with letterheads and page-number footers, one in two columns) or written by reportlab and
fpdf2 (ragged right, running headers); `make_documents.py` there regenerates them (it needs those tools, the
tests do not). `expected.json` says, per file (the test id is the document's shape), what `expectations.py`
checks.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import expectations
import pytest

from feedsvc.readers import ReaderOptions, read_release

FOLDER = Path(__file__).parent / "data" / "documents"
CASES = expectations.load(FOLDER)
OPTIONS = ReaderOptions(zone=ZoneInfo("Europe/Moscow"))
MODIFIED = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _param(case: dict):
    return pytest.param(case, id=case["shape"])


def test_every_document_in_the_folder_has_an_expectation_and_the_reverse():
    files = {p.name for p in FOLDER.iterdir() if p.suffix in (".pdf", ".docx")}
    assert files == {c["file"] for c in CASES}
    assert len({c["shape"] for c in CASES}) == len(CASES)
    assert all(p.stat().st_size < 100 * 1024 for p in FOLDER.iterdir())


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_document_is_read_as_a_press_officer_would(case):
    path = FOLDER / case["file"]
    result = read_release(path.name, path.read_bytes(), MODIFIED, OPTIONS)
    expectations.check(result, case, MODIFIED, OPTIONS.summary_length)
