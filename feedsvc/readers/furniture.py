"""A document's furniture: page numbers, running headers and footers that repeat on every page."""

from __future__ import annotations

import re
from collections import Counter

from feedsvc.readers.encoding import normalise_space
from feedsvc.readers.lines import TERMINAL

_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|стр\.?|страница|seite|página|pagina)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|из|von|de|sur)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)


_PAGE_MARK = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|стр\.?|страница|seite|página|pagina)\s*\d{1,4}"
    r"(?:\s*(?:/|of|из|von|de|sur)\s*\d{1,4})?|\d{1,4}\s*(?:/|of|из|von|sur)\s*\d{1,4})\s*$",
    re.IGNORECASE,
)


def page_breaks_at_page_numbers(text: str) -> str:
    """Text extracted from a PDF without form feeds still shows where pages ended: a page-number line
    ("- 2 -", "Page 2 of 3", "стр. 2") ends a page. Each becomes a page break, so running headers and footers
    can be recognised and a sentence cut by the page is re-joined."""
    lines = text.split("\n")
    if not any(_PAGE_MARK.match(ln) for ln in lines):
        return text
    out = []
    for ln in lines:
        if _PAGE_MARK.match(ln):
            out.append(ln + "\n\f")
        else:
            out.append(ln + "\n")
    return "".join(out).rstrip("\f\n") + "\n"


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", normalise_space(line)).lower()


def running_line_flags(pages: list[str]) -> list[list[bool]]:
    """For each page, for each of its lines (split on newlines): is it a running header or footer, a page number?

    A line is furniture when, with digits ignored, it appears among the first or last three lines of at least
    half of the pages (and of two or more); bare page numbers ("- 2 -", "Page 2 of 5", "стр. 2") are furniture
    in multi-page text. Without page breaks, a short line repeated three or more times with a page number
    in it is furniture as well, and so is a page mark ("Page 1 of 1", "- 1 -") among the first or last three
    lines of the text.
    """
    split = [page.split("\n") for page in pages]
    if len(pages) < 2:
        lines = split[0] if split else []
        keys = Counter(_furniture_key(ln) for ln in lines if ln.strip())
        repeated = {
            k for k, n in keys.items()
            if n >= 3 and len(k) <= 100 and "#" in k and not TERMINAL.search(k) and len(k.split()) <= 12
        }
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(filled[:3] + filled[-3:])
        return [[
            bool(ln.strip()) and (_furniture_key(ln) in repeated or (i in edge and bool(_PAGE_MARK.match(ln))))
            for i, ln in enumerate(lines)
        ]] if split else []
    edges: Counter[str] = Counter()
    for lines in split:
        filled = [ln for ln in lines if ln.strip()]
        for key in {_furniture_key(ln) for ln in filled[:3] + filled[-3:]}:
            edges[key] += 1
    need = max(2, (len(pages) + 1) // 2)
    furniture = {k for k, n in edges.items() if n >= need and len(k) <= 150}
    return [
        [bool(ln.strip()) and (_furniture_key(ln) in furniture or bool(_PAGE_NUMBER.match(ln))) for ln in lines]
        for lines in split
    ]


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers and page numbers (see `running_line_flags`)."""
    flags = running_line_flags(pages)
    return [
        "\n".join(ln for ln, drop in zip(page.split("\n"), page_flags, strict=True) if not drop)
        for page, page_flags in zip(pages, flags, strict=True)
    ]
