"""Paragraphs rebuilt from text that may be hard-wrapped, double-spaced or paginated (PDF-extracted text)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from feedsvc.readers.furniture import drop_running_lines, page_breaks_at_page_numbers
from feedsvc.readers.lines import (
    BULLET,
    caps_change,
    continued,
    ends_open,
    ends_with_open_word,
    first_word,
    indent,
    is_hyphen_end,
    join_hyphenated,
    join_lines,
    starts_lower,
)
from feedsvc.readers.texthead import split_head


def _title_line(line: str, alone: Callable[[str], bool]) -> bool:
    s = line.strip()
    return ends_open(s) and not s.endswith(",") and not alone(s) and not BULLET.match(s)


def text_to_paragraphs(text: str, alone: Callable[[str], bool] | None = None, marked: bool = False) -> list[str]:
    """Rebuild paragraphs from text that may be hard-wrapped, double-spaced or paginated.

    - Pages (form feeds) lose their running headers/footers; a page break is a paragraph break unless it
      falls mid-sentence (the text before it has no terminal punctuation and the next page starts lowercase).
    - Blank lines separate paragraphs, unless the text puts a blank line after every wrapped line
      ("double-spaced": most blank-separated blocks are single lines and some sentences continue across a
      blank line in lowercase); then blank lines are ignored and only the wrap rule below breaks paragraphs.
    - Wrapped text (some line continues a sentence on the next line) is joined line by line. A line ends a
      paragraph when the next line is indented more than usual, starts a list item, or when the next line's
      first word would clearly have fitted on it (so the break was deliberate): with terminal punctuation the
      line plus that word must stay within the wrap width (the widest lines) minus a small slack; without
      punctuation the line must be short (within 60 % of the width).
    - Text that is not wrapped keeps each line as its own paragraph, except a title broken over two to four
      lines at the top (lines without terminal punctuation or comma), which is joined.
    - Lines for which `alone(line)` is true (datelines, document numbers, embargo lines) stay paragraphs of
      their own whatever the mode.
    - `marked` says the layout already marks every paragraph (a PDF whose paragraphs start with an indent or
      after extra space, which its reader turned into leading spaces and blank lines): a line of wrapped text
      with closing punctuation then ends a paragraph only before an indented line, a list item or a line that
      stands alone, never because the next word would have fitted (justified text and proportional fonts make
      line lengths a poor guide); a short line without it (a table row) still ends one.
    """
    alone = alone or (lambda _line: False)
    if "\f" not in text:
        text = page_breaks_at_page_numbers(text)
    pages = drop_running_lines(text.split("\f"))
    items: list[tuple[str, str]] = []  # ("line", text) / ("blank", "") / ("page", "")
    for i, page in enumerate(pages):
        if i:
            items.append(("page", ""))
        for line in page.split("\n"):
            items.append(("line", line.rstrip()) if line.strip() else ("blank", ""))
    lines = [t for kind, t in items if kind == "line"]
    if not lines:
        return []

    blocks, gaps = _blocks(items)
    continuations = sum(
        1 for a, b, g in zip(blocks, blocks[1:], gaps, strict=False)
        if g == "blank" and ((ends_open(a[-1]) and (starts_lower(b[0]) or ends_with_open_word(a[-1])))
                             or is_hyphen_end(a[-1]))
    )
    lengths = sorted(len(ln.strip()) for ln in lines if len(ln.split()) >= 2) or [max(len(ln) for ln in lines)]
    width = lengths[-1]
    # Double spacing shows in the text's wide lines, each alone between blank lines; the short lines of a head
    # (a letterhead, labels, a date) stand alone in any text.
    wide_blocks = [b for b in blocks if len(b[0].strip()) >= 0.5 * width] or blocks
    single = sum(1 for b in wide_blocks if len(b) == 1) / len(wide_blocks)
    double_spaced = continuations >= 1 and single >= 0.6 and len(blocks) >= 3
    if width > 1.3 * lengths[int(0.9 * (len(lengths) - 1))]:
        width = lengths[int(0.9 * (len(lengths) - 1))]  # one overlong line (a URL, a table row) is not the column
    # A wrap is a line filled to about the column width that continues on the next; a short line continued in
    # lowercase ("ЗАЯВЛЕНИЕ МИД РОССИИ" / "о ситуации...") is a title set over two lines, not wrapping.
    inner_wraps = sum(
        1 for b in blocks for x, y in zip(b, b[1:], strict=False)
        if ((ends_open(x) and (starts_lower(y) or ends_with_open_word(x))) or is_hyphen_end(x))
        and len(x.strip()) >= 0.5 * width
    )
    wrapped = double_spaced or inner_wraps >= 1
    indents = Counter(indent(ln) for ln in lines)
    base_indent = indents.most_common(1)[0][0]
    head, items = split_head(items, width, alone, double_spaced)
    blocks, gaps = _blocks(items)

    def breaks(a: str, b: str) -> bool:
        if (alone(a.strip()) or alone(b.strip())) and not continued(a, b.strip()):
            return True
        if is_hyphen_end(a):
            return False
        bs = b.strip()
        if BULLET.match(bs):
            return True
        if indent(b) > base_indent and not bs[0].islower():
            return True
        if bs[0].islower():
            return False
        if caps_change(a, bs):
            return True
        room = len(a.strip()) + 1 + len(first_word(bs))
        if width > 160:  # lines this long are unwrapped paragraphs, not a narrow column
            return not ends_open(a) and not marked
        if not ends_open(a):
            return not marked and room <= width - max(1, width // 40)
        return room <= 0.6 * width

    paragraphs: list[str] = []

    def add(buf: list[str]) -> None:
        joined = join_lines(buf, text)
        if joined:
            paragraphs.append(joined)

    if double_spaced:
        stream: list[tuple[str, str]] = []
        for i, block in enumerate(blocks):
            if i and gaps[i - 1] == "page":
                stream.append(("page", ""))
            stream.extend(("line", ln) for ln in block)
        buf: list[str] = []
        for kind, t in stream:
            if kind == "page":
                if buf:
                    add(buf)
                    buf = []
                continue
            if buf and breaks(buf[-1], t):
                add(buf)
                buf = []
            buf.append(t)
        if buf:
            add(buf)
    else:
        for n, block in enumerate(blocks):
            if not wrapped:
                run = 0
                while (n == 0 and run < min(4, len(block)) and _title_line(block[run], alone)
                       and not (run and caps_change(block[run - 1], block[run]))):
                    run += 1
                if run >= 2:
                    add(block[:run])
                    block = block[run:]
                for ln in block:
                    add([ln])
                continue
            buf = []
            for ln in block:
                if buf and breaks(buf[-1], ln):
                    add(buf)
                    buf = []
                buf.append(ln)
            add(buf)

    return _merge_page_splits(head + paragraphs, text)


def _blocks(items: list[tuple[str, str]]) -> tuple[list[list[str]], list[str]]:
    """Runs of consecutive lines, and what separated each from the next: "blank" or "page"."""
    blocks: list[list[str]] = []
    gaps: list[str] = []
    current: list[str] = []
    gap = ""
    for kind, t in items:
        if kind == "line":
            if not current and blocks:
                gaps.append(gap or "blank")
            current.append(t)
            gap = ""
        else:
            if current:
                blocks.append(current)
                current = []
            gap = "page" if kind == "page" or gap == "page" else "blank"
    if current:
        blocks.append(current)
    return blocks, gaps


def _merge_page_splits(paragraphs: list[str], text: str) -> list[str]:
    """Re-join a sentence that a page break cut in two (only where a page break actually occurred)."""
    if "\f" not in text:
        return paragraphs
    out: list[str] = []
    for p in paragraphs:
        if out and ends_open(out[-1]) and p[:1].islower():
            if is_hyphen_end(out[-1]):
                out[-1] = join_hyphenated(out[-1], p, text)
            else:
                out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out
