"""What a line or block of a release is taken for (its `Role`), the lines that are metadata on their own, and
`Parts`, a release's blocks sorted out by `structure.read_structure`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from feedsvc.readers import datelines, dates, rules
from feedsvc.readers import embargo as embargoes

MAX_EMBARGO_LINE = 200
LABELLED_DATELINE = 80  # a dateline with a label beside it ("For Immediate Release August 19, 2011") is short
_DIGIT = re.compile(r"\d")
_SEPARATED = re.compile(r"[>/|»›→—–:]")  # every breadcrumb has one of these


class Role(StrEnum):
    LETTERHEAD = "letterhead"
    LABEL = "label"
    EMBARGO = "embargo"
    DATELINE = "dateline"
    DOC_NUMBER = "document number"
    TITLE = "title"
    BYLINE = "byline"
    CHROME = "chrome"
    NOISE = "noise"
    BODY = "body"
    CONTACT = "contact"
    END = "end"


@dataclass
class Parts:
    """A release's blocks sorted out: its title, the dates its head gives, its text, and where its lead starts."""

    title: str | None = None
    title_from_text: bool = False  # no title line: `title` is the text's first paragraph, still in `body`
    dateline: dates.DateMatch | None = None
    head_date: dates.DateMatch | None = None  # a date a letterhead or byline carries ("Press Office — Warsaw, 14 Nov")
    doc_number: dates.DateMatch | None = None
    embargo: embargoes.Notice | None = None
    unreadable_embargo: str | None = None  # why an embargo notice could not be read (the release is held back)
    body: list[str] = field(default_factory=list)
    lead: int = 0  # the body paragraph the summary starts with
    lead_skip: int = 0  # characters at its start that are not the summary's (a wire dateline, "1. ")
    removed: list[str] = field(default_factory=list)
    roles: list[tuple[Role, str]] = field(default_factory=list)  # what each set-aside block was taken for

    def set_aside(self, role: Role, text: str) -> None:
        self.removed.append(text)
        self.roles.append((role, text))
        if role in (Role.LETTERHEAD, Role.BYLINE, Role.LABEL) and self.head_date is None:
            self.head_date = rules.dateline_in(text)


@lru_cache(maxsize=4096)
def metadata_role(text: str) -> Role | None:
    """The role of a line that is metadata on its own (an embargo line, a document number, a dateline, a label, an
    end mark, a line without letters), else None."""
    if embargoes.is_notice(text):
        return Role.EMBARGO
    if _DIGIT.search(text):  # every date and document number has one; most lines of text do not
        if datelines.parse_doc_number(text):
            return Role.DOC_NUMBER
        if datelines.parse_dateline(text):
            return Role.DATELINE
        if len(text) <= LABELLED_DATELINE and dates.locate(text):  # a date shape first: label matching is dear
            unlabelled = rules.without_labels(text)
            if unlabelled != text and datelines.parse_dateline(unlabelled):
                return Role.DATELINE
    if rules.is_label(text) or rules.is_publisher_label(text) or rules.is_end_mark(text) or rules.is_closing(text):
        return Role.LABEL
    if not rules.has_letters(text):
        return Role.NOISE
    return None


def is_meta_line(line: str) -> bool:
    """A line that is metadata on its own and must stay a paragraph of its own: an embargo line, a document number,
    a dateline, a capitalised label or a byline with a colon (used by the paragraph builders before any block
    exists)."""
    if len(line) > MAX_EMBARGO_LINE:
        return False
    role = metadata_role(line)
    if role == Role.LABEL:
        return line.lstrip()[:1].isupper() or line.lstrip()[:1].isdigit()
    return (role in (Role.EMBARGO, Role.DOC_NUMBER, Role.DATELINE, Role.NOISE) or rules.is_byline_line(line)
            or rules.is_url(line) or rules.is_print_header(line)
            or (_SEPARATED.search(line) is not None and rules.is_breadcrumb(line)
                                      and rules.is_chrome(line)))
