"""The head of plain text, read in its own measure: a title set in larger type wraps sooner than the text below it,
a letterhead or a title is centred, a letterhead and a date stand side by side in two columns."""

from __future__ import annotations

import re
from collections.abc import Callable

from feedsvc.readers import rules
from feedsvc.readers.encoding import normalise_space
from feedsvc.readers.lines import (
    TERMINAL,
    caps_change,
    continued,
    first_word,
    indent,
    is_hyphen_end,
    join_lines,
    open_endings,
    starts_lower,
)

HEAD_LINES = 16  # the head (letterhead, labels, datelines, title) is read in this many lines at the top


NARROW = 0.85  # a head line is narrower than this share of the text's width; the text's first line is not


WIDER = 1.1  # the line below a title runs at least this much wider than the title's widest line


CENTRED = 4  # lines whose middles lie this close (in characters), set in from the margin, are centred together


TITLE_RUN_LINES = 8


TITLE_RUN_CHARS = 300


MEASURE = 1.3  # a line this much wider than the run above it is set in another measure: the run has ended


SHORT = 0.6  # in double-spaced text, a head line this short (of the width) followed by a blank stands alone


_CLOSED = re.compile(r"[.:;][\"'»”’)\]]*$")  # closes a sentence or announces what follows: not a title line


def split_head(items: list[tuple[str, str]], width: int, alone: Callable[[str], bool],
                double_spaced: bool) -> tuple[list[str], list[tuple[str, str]]]:
    """Read the head of a text, where lines are set in their own measure: a title in larger type wraps sooner
    than the text below it (three lines of 45 characters above lines of 85), and a letterhead or title is centred.

    Top down, until the first line of text (wide, or a sentence): a group of centred lines is one paragraph; a
    run of narrow lines without closing punctuation is one paragraph (a title set over several lines), provided
    its end is clear: a blank line, a page break, a line that stands alone, or a line clearly wider than the
    run. Returns the head's paragraphs and the items left to the paragraph rules; where the head's shape is not
    clear, those rules get it all.
    """
    items = _head_columns(items, width)
    paragraphs: list[str] = []
    i = seen = 0
    while i < len(items) and seen < HEAD_LINES:
        kind, line = items[i]
        if kind != "line":
            i += 1
            continue
        s = line.strip()
        nxt = items[i + 1][1].strip() if i + 1 < len(items) and items[i + 1][0] == "line" else ""
        if alone(s) and not _centred_run(items, i) and not (nxt and continued(s, nxt)):
            paragraphs.append(normalise_space(s))
            i, seen = i + 1, seen + 1
            continue
        if _is_text_line(s, width) and not _centred_run(items, i):
            if not _single_head_line(items, i, s, double_spaced, alone):
                break
            paragraphs.append(normalise_space(s))  # a wide line alone, unpunctuated: a page title, a heading
            i, seen = i + 1, seen + 1
            continue
        run = _centred_run(items, i) or _title_run(items, i, width, alone, double_spaced)
        if not run:
            break
        lines = [items[k][1] for k in run]
        paragraphs.extend(_head_paragraphs(lines, alone))
        i, seen = run[-1] + 1, seen + len(run)
    return paragraphs, items[i:]


_LETTER = re.compile(r"[^\W\d_]")


COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")  # a wide run of spaces inside a line divides two columns


def _head_columns(items: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """Head lines set in two columns side by side (a letterhead on the right, a number and a date on the left, as
    `pdftotext -layout` writes them) become one line per column, the left column's first; up to the first line
    of text."""
    end = next((k for k, (kind, line) in enumerate(items[:HEAD_LINES * 2])
                if kind == "line" and _is_text_line(line.strip(), width) and not COLUMN_GAP.search(line.strip())),
               min(len(items), HEAD_LINES * 2))
    head, rest = items[:end], items[end:]
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    out: list[tuple[str, str]] = []
    for kind, line in head:
        parts = COLUMN_GAP.split(line.strip()) if kind == "line" else []
        if len(parts) == 2 and all(len(_LETTER.findall(p)) >= 3 for p in parts):
            left.append(("line", parts[0]))
            right.append(("line", parts[1]))
            continue
        if left:
            out += left + [("blank", "")] + right + [("blank", "")]
            left, right = [], []
        out.append((kind, line))
    if left:
        out += left + [("blank", "")] + right + [("blank", "")]
    return out + rest


def _single_head_line(items: list[tuple[str, str]], i: int, s: str, double_spaced: bool,
                      alone: Callable[[str], bool]) -> bool:
    """A wide line that stands alone (between blank lines or lines of their own, such as a date) without closing
    punctuation is a head line, not the first line of the text: a browser's page title, a long heading set on
    one line."""
    if double_spaced or (TERMINAL.search(s) and not s.endswith("…")) or s.endswith(","):
        return False  # a sentence, or a clause going on below; "…" closes a title cut short, not a sentence

    def apart(k: int) -> bool:
        return not (0 <= k < len(items)) or items[k][0] != "line" or alone(items[k][1].strip())

    return apart(i - 1) and apart(i + 1)


def _is_text_line(s: str, width: int) -> bool:
    """A line of running text: about as wide as the column, or a whole sentence of some length."""
    return len(s) >= NARROW * width or (bool(TERMINAL.search(s)) and len(s.split()) >= 12)


def _centred_run(items: list[tuple[str, str]], i: int) -> list[int]:
    """Indexes of two or more consecutive lines set in from the margin around the same middle (a centred
    letterhead or title, as `pdftotext -layout` writes it), else []."""
    def middle(line: str) -> float:
        return indent(line) + len(line.strip()) / 2

    first = items[i][1]
    if indent(first) < 2:
        return []
    run = [i]
    k = i + 1
    while k < len(items) and items[k][0] == "line" and indent(items[k][1]) >= 2 \
            and abs(middle(items[k][1]) - middle(first)) <= CENTRED:
        run.append(k)
        k += 1
    return run if len(run) >= 2 else []


def _title_run(items: list[tuple[str, str]], i: int, width: int, alone: Callable[[str], bool],
               double_spaced: bool) -> list[int]:
    """Indexes of a run of narrow, open lines starting at `i` whose end is clear, else []."""
    run: list[int] = []
    k = i
    while k < len(items) and len(run) < TITLE_RUN_LINES:
        kind, line = items[k]
        s = line.strip()
        if kind == "blank" and run and (double_spaced or starts_lower(_next_line(items, k))) \
                and _continues(items[run[-1]][1], items, k):
            k += 1
            continue
        if kind != "line":
            break
        if run:
            prev = items[run[-1]][1]
            widest = max(len(items[r][1].strip()) for r in run)
            if not continued(prev, s) and (alone(s) or len(s) >= NARROW * width or len(s) >= MEASURE * widest
                                            or _CLOSED.search(s) or _would_have_fitted(prev, s, widest)):
                break  # the text starts (wider, another measure, a sentence, a deliberate break), or a line apart
        run.append(k)
        k += 1
        if TERMINAL.search(s) or sum(len(items[r][1].strip()) for r in run) > TITLE_RUN_CHARS:
            break
    if not run:
        return []
    widest = max(len(items[r][1].strip()) for r in run)
    if k < len(items) and items[k][0] == "line":
        nxt = items[k][1].strip()
    elif not double_spaced or len(run) >= 2 or len(items[run[0]][1].strip()) < SHORT * width:
        return run  # a blank line or a page break ends it (in double-spaced text, a short or a multi-line run)
    else:
        nxt = next((t.strip() for kind, t in items[k:] if kind == "line"), "")
    last = items[run[-1]][1]
    if nxt and (starts_lower(nxt) or is_hyphen_end(last)):
        return []  # the sentence goes on below: not the end of a head line
    if (not nxt or alone(nxt) or len(nxt) >= WIDER * widest or TERMINAL.search(last.strip())
            or (len(run) >= 2 and _would_have_fitted(last, nxt, widest))):
        return run
    return []


FITTED = 0.9  # a head line's next word would have fitted within this share of the run's measure


def _would_have_fitted(prev: str, line: str, widest: int) -> bool:
    """The first word of `line` would have fitted on `prev` within the run's measure: `prev` was ended on purpose
    (a title's short last line above the lead's first)."""
    return len(prev.strip()) + 1 + len(first_word(line.strip())) <= FITTED * widest


def _next_line(items: list[tuple[str, str]], k: int) -> str:
    return next((t for kind, t in items[k:k + 3] if kind == "line"), "")


def _continues(line: str, items: list[tuple[str, str]], k: int) -> bool:
    """In double-spaced text, a head line continues across the blank below it when it ends in a hyphen or in a
    word no line ends with ("of", "и", "der"), or the next line starts in lower case."""
    nxt = next((t for kind, t in items[k:k + 3] if kind == "line"), "")
    last = (line.split() or [""])[-1].lower()
    return is_hyphen_end(line) or last in open_endings() or starts_lower(nxt)


def _head_paragraphs(lines: list[str], alone: Callable[[str], bool]) -> list[str]:
    """A head run as paragraphs: one, except where a letterhead line gives way to a title, the case changes
    (an ALL-CAPS headline over its subtitle), or a line stands alone."""
    out: list[list[str]] = [[lines[0]]]
    stacked = True  # still in a stack of letterhead lines at the top of the run
    for prev, line in zip(lines, lines[1:], strict=False):
        s = line.strip()
        stacked = stacked and _stacked_letterhead(prev, s)
        if (alone(s) and not continued(prev, s)) or caps_change(prev, s) or stacked:
            out.append([line])
        else:
            out[-1].append(line)
    return [join_lines(group) for group in out]


def _stacked_letterhead(prev: str, line: str) -> bool:
    """Two letterhead lines one above the other ("GOBIERNO DE ESPAÑA" / "MINISTERIO DE ASUNTOS EXTERIORES"): each
    its own block. A letterhead-like line above one that is not may open a title, and stays with it."""

    return rules.is_letterhead(prev.strip()) and rules.is_letterhead(line.strip()) and not continued(prev, line)
