"""PDF releases (.pdf): the text layer through pypdf, then the same rules as PDF-extracted text."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from feedsvc.lognames import quote
from feedsvc.models import Rejection, Release
from feedsvc.readers.blocks import Block, Meta
from feedsvc.readers.encoding import clean, sniff_binary
from feedsvc.readers.engine import build_release
from feedsvc.readers.furniture import running_line_flags
from feedsvc.readers.lines import BULLET, TERMINAL, join_lines
from feedsvc.readers.options import Context
from feedsvc.readers.plaintext import text_document
from feedsvc.readers.roles import is_meta_line

log = logging.getLogger(__name__)

MAX_PAGES = 200
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)]*$")


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
        laid_out = [_page_lines(page) for page in pages]
        info = None
        try:
            info = reader.metadata
        except Exception:
            info = None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            AssertionError, ZeroDivisionError, RecursionError) as e:
        log.info("PDF %s unreadable: %r", quote(ctx.name), e)
        return Rejection("The PDF could not be read (it looks damaged or incomplete); save it again and drop it anew.")
    text = "\f".join("\n".join(ln.text for ln in lines) for lines in laid_out)
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
    if not clean(text).replace("\f", "").strip():
        return Rejection("The file is empty: it contains only blank space.")
    head, text, marked = _lay_out(laid_out)
    return build_release(ctx, text_document(text, meta, head, marked))


@dataclass
class _Line:
    """One line of a page's extracted text, with where its first glyph stands (None when pypdf did not say)."""

    text: str
    x: float | None = None
    y: float | None = None
    size: float | None = None


def _page_lines(page) -> list[_Line]:
    """The page's text as pypdf extracts it, line by line, each line with the position and size of its start."""
    parts: list[tuple[str, list, list, float]] = []

    def visit(text, cm, tm, _font, size) -> None:
        parts.append((text, cm, tm, size))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(p[0] for p in parts) != text:
        return [_Line(ln) for ln in text.split("\n")]
    lines = [_Line("")]
    placed = False  # the current line's start is known (or known to be unknown)
    for chunk, cm, tm, size in parts:
        for k, piece in enumerate(chunk.split("\n")):
            if k:
                lines.append(_Line(""))
                placed = False
            if piece.strip() and not placed:
                placed = True
                if k == 0:
                    _place(lines[-1], cm, tm, size)
            lines[-1].text += piece
    return _without_footer(page, lines)


FOOTER_ZONE = 0.08  # of the page's height, from its bottom edge


def _without_footer(page, lines: list[_Line]) -> list[_Line]:
    """Drop the footer of a page that has its own (a first page with the ministry's address under the text):
    up to three last lines in the bottom strip of the page, set apart from the text above by a wide space.
    Footers repeated on every page are found by repetition later, this one is not."""
    try:
        bottom, height = float(page.mediabox.bottom), float(page.mediabox.height)
    except (AttributeError, KeyError, TypeError, ValueError):
        return lines
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    footer: list[int] = []
    for i in reversed(filled):
        ln = lines[i]
        if len(footer) == 3 or ln.y is None or not ln.size or ln.y - bottom > FOOTER_ZONE * height:
            break
        footer.append(i)
    if not footer:
        return lines
    top = lines[footer[-1]]
    above = [lines[i] for i in filled if i < footer[-1]]
    if above and (above[-1].y is None or above[-1].y - top.y <= 2.5 * top.size):
        return lines
    return [ln for i, ln in enumerate(lines) if i not in set(footer)]


def _place(line: _Line, cm, tm, size) -> None:
    try:
        a, b, c, d = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
                      tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        line.x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        line.y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        line.size = abs(float(size)) * (abs(a * d - b * c) ** 0.5)
    except (TypeError, IndexError, ValueError):
        line.x = line.y = line.size = None


TITLE_SCALE = 1.15  # a title is set at least this much larger than the body text
_TITLE_SEARCH = 8  # lines of page 1 above the title (a letterhead, a label, a dateline) at most
_TITLE_LINES = 6  # a title in large type runs to at most this many lines (a centred one wraps short)


def _lay_out(pages: list[list[_Line]]) -> tuple[list[Block], str, bool]:
    """Use the layout where the text alone is ambiguous: returns (head, text, marked).

    - Running headers, footers and page numbers go first (as in PDF-extracted text).
    - The title is the run of lines in the largest type on page 1, when it is clearly larger than the body
      text and starts within its first lines; it and the lines above it (a letterhead, a label, a dateline) are
      the head: blocks with their type size, the title marked as the heading.
    - A line that starts further right than the column's left edge (a first-line indent) gets leading spaces,
      and extra space above a line becomes a blank line; when these mark the paragraphs of the text
      (`marked`), the text rules trust them instead of guessing from line lengths.
    """
    flags = running_line_flags(["\n".join(ln.text for ln in lines) for lines in pages])
    pages = [[ln for ln, drop in zip(lines, page_flags, strict=True) if not drop and ln.text.strip()]
             for lines, page_flags in zip(pages, flags, strict=True)]
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            if ln.size:
                sizes[round(ln.size, 1)] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else None

    head: list[Block] = []
    if body_size and pages and pages[0]:
        first = pages[0]
        top = max((ln.size or 0 for ln in first[:_TITLE_SEARCH + 1] if _LETTER.search(ln.text)), default=0)
        if top >= TITLE_SCALE * body_size:
            start = next(i for i, ln in enumerate(first) if (ln.size or 0) == top and _LETTER.search(ln.text))
            end = start
            while end < len(first) and end - start < _TITLE_LINES and abs((first[end].size or 0) - top) < 0.2:
                end += 1
            candidate = join_lines([ln.text for ln in first[start:end]])
            above = [ln.text.strip() for ln in first[:start] if not is_meta_line(ln.text.strip())]
            # above a title stand short lines (a letterhead, a label), never text: a larger subheading further
            # down must not take the lead paragraphs away with it
            letterhead = all(len(t) <= 90 and not _SENTENCE_END.search(t) for t in above)
            if (letterhead and len(_LETTER.findall(candidate)) >= 2 and len(candidate.split()) >= 2
                    and end < len(first)):
                head = [Block(clean(ln.text).strip(), (ln.size / body_size) if ln.size else None)
                        for ln in first[:start]]
                head.append(Block(candidate, top / body_size, heading=1))
                pages[0] = first[end:]

    pitches: Counter[float] = Counter()
    for lines in pages:
        for a, b in zip(lines, lines[1:], strict=False):
            if a.y is not None and b.y is not None and a.size and a.size == b.size and a.y > b.y:
                pitches[round(a.y - b.y, 1)] += 1
    pitch = pitches.most_common(1)[0][0] if pitches else None

    out_pages = []
    marks = unmarked = 0
    for lines in pages:
        lefts = Counter(round(ln.x) for ln in lines if ln.x is not None)
        frequent = sorted(x for x, n in lefts.items() if n >= 2)
        out: list[str] = []
        prev: _Line | None = None
        item_x: float | None = None  # where the list item being read starts (its bullet)
        for ln in lines:
            gap = indent = False
            if prev is not None and ln.y is not None and prev.y is not None and pitch and ln.size:
                scale = max(1.0, ln.size / body_size) if body_size else 1.0  # larger type stands further apart
                gap = prev.y - ln.y > pitch * scale + max(2.0, 0.3 * ln.size)
            if gap or ln.x is None or (item_x is not None and ln.x <= item_x + 1):
                item_x = None
            if BULLET.match(clean(ln.text).strip()):
                item_x = ln.x
            elif ln.x is not None and ln.size and item_x is None:
                # a list item's next lines hang under its text: they are no first-line indent
                base = next((x for x in frequent if ln.x - 60 <= x <= ln.x + 1), None)
                indent = base is not None and ln.x - base >= 0.8 * ln.size
            if prev is not None and TERMINAL.search(prev.text.rstrip()):
                if gap or indent:
                    marks += 1
                elif ln.text.lstrip()[:1].isupper():
                    unmarked += 1
            if gap and out:
                out.append("")
            out.append(("    " if indent else "") + ln.text.strip())
            prev = ln
        out_pages.append("\n".join(out))
    marked = marks >= 2 and marks >= unmarked
    return head, "\f".join(out_pages), marked
