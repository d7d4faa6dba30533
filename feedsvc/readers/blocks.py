"""What a format adapter hands on: the file's text as blocks, with the layout the format knows, and its metadata.

Every adapter (plain text, Markdown, web page, Word, PDF) turns a file into a `Document`; from there on one engine
decides title, date, summary and language, whatever the format was (see `engine.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Block:
    """One paragraph of the file, with what its format says about how it was set.

    `size` is the type size relative to the body text (1.0 is the body's; None where the format does not say);
    `heading` is 1 for the document's own title mark (a Title or Heading 1 style, an <h1>, the largest type on
    the first page), 2 and more for lower headings, 0 for ordinary text.
    """

    text: str
    size: float | None = None
    bold: bool = False
    heading: int = 0
    page: int = 1


@dataclass
class Meta:
    """What a format declares explicitly (front matter, page metadata, document properties); it wins over anything
    found in the text."""

    title: str | None = None
    published: datetime | None = None
    published_has_time: bool = True
    summary: str | None = None
    language: str | None = None
    language_declared_by: str = ""  # "author" (front matter, Word properties) or "page" (<html lang>): how sure
    tags: tuple[str, ...] = ()
    embargo: datetime | None = None
    fallback_date: datetime | None = None  # a weak clue such as the Word or PDF creation date
    fallback_what: str = ""
    page_dates: list[datetime] = field(default_factory=list)  # dates a web page shows outside its metadata
    warnings: list[str] = field(default_factory=list)


@dataclass
class Document:
    """A file as blocks plus metadata; `body_html(kept, removed)` builds the HTML of formats with markup."""

    blocks: list[Block]
    meta: Meta = field(default_factory=Meta)
    body_html: Callable[[list[str], set[str]], str] | None = None
