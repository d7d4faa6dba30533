"""PDF releases (.pdf): the text layer through pypdf, then the same rules as PDF-extracted text."""

from __future__ import annotations

import io
import logging
import re

from feedsvc.models import Rejection, Release
from feedsvc.readers.common import Context, Meta
from feedsvc.readers.plaintext import read_text
from feedsvc.readers.text import sniff_binary

log = logging.getLogger(__name__)

MAX_PAGES = 200
_LETTER = re.compile(r"[^\W\d_]")


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a PDF release."""
    if not data.strip():
        return Rejection("The file is empty.")
    if b"%PDF-" not in data[:1024]:
        what = sniff_binary(data)
        return Rejection(f"This is not a PDF file{': it looks like ' + what if what else ''}.")
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return Rejection("The PDF is protected by a password; ask for an unprotected copy.")
            except Exception:
                return Rejection("The PDF is encrypted and cannot be opened; ask for an unprotected copy.")
        pages = reader.pages
        count = len(pages)
        if count > MAX_PAGES:
            return Rejection(f"The PDF has {count} pages, more than the {MAX_PAGES} a release may have.")
        texts = []
        for page in pages:
            texts.append(page.extract_text() or "")
        info = None
        try:
            info = reader.metadata
        except Exception:
            info = None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            AssertionError, ZeroDivisionError, RecursionError) as e:
        log.info("PDF %s unreadable: %r", ctx.name, e)
        return Rejection("The PDF could not be read (it looks damaged or incomplete); save it again and drop it anew.")
    text = "\f".join(texts)
    if len(_LETTER.findall(text)) < 20:
        return Rejection(
            "The PDF has no text layer (it looks like a scanned image); ask for a text PDF or the Word file."
        )
    meta = Meta()
    try:
        created = info.creation_date if info is not None else None
    except Exception:
        created = None
    if created is not None:
        meta.fallback_date = created
        meta.fallback_what = "the PDF's creation date"
    return read_text(ctx, text, meta)
