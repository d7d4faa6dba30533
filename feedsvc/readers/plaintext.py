"""Plain-text releases (.txt): clean text and text extracted from PDFs, hard-wrapped or not."""

from __future__ import annotations

from feedsvc.models import Rejection, Release
from feedsvc.readers.blocks import Block, Document, Meta
from feedsvc.readers.encoding import NotText, clean, decode
from feedsvc.readers.engine import build_release
from feedsvc.readers.options import Context
from feedsvc.readers.paragraphs import text_to_paragraphs
from feedsvc.readers.roles import is_meta_line


def text_document(text: str, meta: Meta | None = None, head: list[Block] | None = None,
                  marked: bool = False) -> Document:
    """Blocks from decoded text, one per rebuilt paragraph (after `head`, blocks a layout already set apart)."""
    paragraphs = text_to_paragraphs(clean(text), is_meta_line, marked=marked)
    return Document([*(head or []), *(Block(p) for p in paragraphs)], meta or Meta())


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a .txt release."""
    if not data:
        return Rejection("The file is empty.")
    try:
        text, _encoding = decode(data)
    except NotText as e:
        return Rejection(str(e))
    if not clean(text).replace("\f", "").strip():
        return Rejection("The file is empty: it contains only blank space.")
    return build_release(ctx, text_document(text))
