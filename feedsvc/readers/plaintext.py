"""Plain-text releases (.txt): clean text and text extracted from PDFs, hard-wrapped or not."""

from __future__ import annotations

from feedsvc.models import Rejection, Release
from feedsvc.readers.common import Context, Meta, finish, is_meta_line
from feedsvc.readers.text import NotText, clean, decode, text_to_paragraphs


def read_text(ctx: Context, text: str, meta: Meta | None = None) -> Release | Rejection:
    """Build a release from already-decoded text (shared with the PDF reader)."""
    text = clean(text)
    if not text.replace("\f", "").strip():
        return Rejection("The file is empty: it contains only blank space.")
    return finish(ctx, text_to_paragraphs(text, is_meta_line), meta)


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a .txt release."""
    if not data:
        return Rejection("The file is empty.")
    try:
        text, _encoding = decode(data)
    except NotText as e:
        return Rejection(str(e))
    return read_text(ctx, text)
