"""Real releases laid out as PDF text extractors lay them out, as a family: the title set in larger type wraps at
its own, narrower width (28 to 90 characters) above text wrapped at 66 to 112, with or without blank lines, with
blank lines after every line (the seed's own shape), centred (pdftotext -layout), under a letterhead. Every layout
must give the release's own title, date and summary."""

from __future__ import annotations

import textwrap
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from feedsvc.models import Release
from feedsvc.readers import ReaderOptions, read_release

SAMPLES = Path(__file__).parent / "data" / "samples" / "releases"
MOSCOW = ZoneInfo("Europe/Moscow")
OPTIONS = ReaderOptions(zone=MOSCOW)
TITLE_WIDTHS = (28, 36, 45, 55, 70, 90)
BODY_WIDTHS = (66, 80, 95, 112)
RELEASES = {
    "seed": ("press-release-lavrov-bourita.txt", datetime(2020, 12, 5, tzinfo=UTC), date(2020, 12, 3)),
    "chile": ("deputy-minister-chile-ambassador.txt", datetime(2021, 4, 20, 9, tzinfo=UTC), date(2021, 4, 14)),
}


def original(key: str) -> Release:
    name, modified, _ = RELEASES[key]
    release = read_release(name, (SAMPLES / name).read_bytes(), modified, OPTIONS)
    assert isinstance(release, Release)
    return release


def layouts(title: str, paragraphs: list[str], title_width: int, body_width: int) -> dict[str, str]:
    """The shapes text extracted from a PDF takes, for one title width and one text width."""
    title_lines = textwrap.wrap(title, title_width)
    wrapped = [textwrap.wrap(p, body_width) for p in paragraphs]
    lines = [line for p in wrapped for line in p]

    def centred(line: str) -> str:
        return " " * max(0, (body_width - len(line)) // 2) + line

    return {
        "no blank lines": "\n".join(title_lines + lines) + "\n",
        "blank lines between paragraphs": "\n".join(title_lines) + "\n\n"
        + "\n\n".join("\n".join(p) for p in wrapped) + "\n",
        "a blank line after every line": "\n".join(title_lines) + "\n\n" + "\n\n".join(lines) + "\n",
        "centred title": "\n".join(centred(line) for line in title_lines) + "\n" + "\n".join(lines) + "\n",
        "letterhead above": centred("MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION") + "\n\n\n"
        + "\n".join(title_lines) + "\n" + "\n".join(lines) + "\n",
    }


CASES = [(key, t, b) for key in RELEASES for t in TITLE_WIDTHS for b in BODY_WIDTHS if t < b]


@pytest.mark.parametrize(("key", "title_width", "body_width"), CASES, ids=lambda v: str(v))
def test_every_layout_of_a_release_gives_its_title_date_and_summary(key, title_width, body_width):
    release = original(key)
    _, modified, day = RELEASES[key]
    for shape, text in layouts(release.title, release.body.split("\n\n"), title_width, body_width).items():
        read = read_release("laid-out.txt", text.encode(), modified, OPTIONS)
        assert isinstance(read, Release), shape
        assert read.title == release.title, shape
        assert read.published.astimezone(MOSCOW).date() == day, shape
        assert read.summary == release.summary, shape
