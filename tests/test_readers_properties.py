"""Property-based checks: whatever the bytes, a reader returns a Release or a Rejection and never raises."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedsvc.models import Rejection, Release
from feedsvc.readers import SUPPORTED_EXTENSIONS, ReaderOptions, read_release

OPTIONS = ReaderOptions(zone=ZoneInfo("Europe/Moscow"), summary_length=80, title_length=40)
MODIFIED = datetime(2024, 5, 1, 12, tzinfo=UTC)
XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
EXTENSIONS = sorted(SUPPORTED_EXTENSIONS)
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=12)
prose = st.lists(
    st.one_of(words, st.sampled_from(["\n", "\n\n", "\f", ". ", "-\n", "5 April 2022", "3 декабря", "On May 3,",
                                      "# ", "---\n", "<p>", "</p>", "<h1>", "\x1b[31m", "\x00", "EMBARGOED UNTIL"])),
    max_size=60,
).map(" ".join)


def check(result: Release | Rejection) -> None:
    assert isinstance(result, Release | Rejection)
    if isinstance(result, Rejection):
        assert result.reason and result.reason[0].isupper()
        assert "unexpected problem" not in result.reason  # that reason means a reader raised: a bug
        return
    for text in (result.title, result.summary, result.body, result.body_html, *result.tags, *result.warnings):
        assert not XML_ILLEGAL.search(text)
    assert result.title and "\n" not in result.title and len(result.title) <= OPTIONS.title_length
    assert len(result.summary) <= OPTIONS.summary_length
    assert result.published.tzinfo is not None
    lead = result.body.split("\n\n")[0]
    summary = result.summary.removesuffix("…")
    if summary and lead.startswith(summary) and len(lead) > len(summary) and " " in lead[:OPTIONS.summary_length]:
        assert not (summary[-1].isalnum() and lead[len(summary)].isalnum()), (summary, lead)


@FAST
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_never_raise_for_any_extension(data, ext):
    check(read_release("file" + ext, data, MODIFIED, OPTIONS))


@FAST
@given(text=prose, ext=st.sampled_from(EXTENSIONS), encoding=st.sampled_from(["utf-8", "utf-16", "cp1251"]))
def test_arbitrary_text_never_raises_and_gives_clean_fields(text, ext, encoding):
    data = text.encode(encoding, errors="ignore")
    check(read_release("file" + ext, data, MODIFIED, OPTIONS))


@FAST
@given(text=st.text(max_size=3000))
def test_arbitrary_unicode_in_a_text_file_gives_clean_fields(text):
    check(read_release("file.txt", text.encode("utf-8", errors="ignore"), MODIFIED, OPTIONS))


hostile_html = st.lists(
    st.one_of(
        words,
        st.sampled_from([
            "<script>alert(1)</script>", "<SCRIPT SRC=//x.invalid/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
            '<a href="javascript:alert(1)">x</a>', '<a href=" JaVaScRiPt:alert(1)">x</a>',
            '<a href="data:text/html,<script>alert(1)</script>">x</a>', "<iframe src=//x.invalid></iframe>",
            "<style>body{display:none}</style>", '<p style="background:url(javascript:alert(1))">x</p>',
            "<svg onload=alert(1)>", "<object data=x.swf></object>", "<form action=//x.invalid><input></form>",
            '<div onclick="alert(1)">Click</div>', "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
            "<!--<script>alert(1)</script>-->", "<p>", "</p>", "<h1>Title</h1>", "<main>", "</main>",
            '<base href="javascript:alert(1)//">', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        ]),
    ),
    max_size=40,
).map(" ".join)
DANGEROUS_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "base", "meta",
                  "img", "link"}


def live_markup(body_html: str) -> list[str]:
    """Elements and attributes a browser would act on (escaped text such as "&lt;script&gt;" is inert)."""
    if not body_html.strip():
        return []
    found = []
    for element in lxml.html.fragment_fromstring(body_html, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag.lower() in DANGEROUS_TAGS:
            found.append(element.tag)
        for name, value in element.attrib.items():
            value = "".join(value.split()).lower()
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(name)
            if name.lower() in ("href", "src", "action") and value.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{name}={value}")
    return found


@FAST
@given(page=hostile_html, ext=st.sampled_from([".html", ".htm", ".md"]))
def test_no_markup_from_a_hostile_page_survives_into_body_html(page, ext):
    result = read_release("page" + ext, f"<html><body><h1>Notice</h1>{page}</body></html>".encode(), MODIFIED,
                          OPTIONS)
    check(result)
    if isinstance(result, Release):
        assert live_markup(result.body_html) == [], result.body_html
