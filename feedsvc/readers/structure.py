"""Which block of a release is what: letterhead, label, title, dateline, byline, lead, body, contacts, end.

`read_structure` runs the named rules of `rules/` over a document's blocks in reading order and hands back
`roles.Parts`:

- The title is the block the layout marks (a Title or Heading 1 style, an <h1>, the largest type, a bold line)
  or, in plain text, the first block of the head that is neither metadata nor a letterhead line.
- Everything above the title is the publisher's letterhead or a label, except a date, a document number or an
  embargo line, which are read.
- Right below the title stand datelines, bylines, source lines and labels; they are read or set aside.
- The tail is read bottom up: end marks ("ENDS", "###") and what follows them (notes to editors), contacts, and
  a closing dateline.
- The lead is the first paragraph of the text that is not a lead-in ("The following statement was issued:"), a
  pull quote or page chrome; a wire dateline or a "1." at its start is not part of the summary.
"""

from __future__ import annotations

import re

from feedsvc.readers import datelines, rules
from feedsvc.readers import embargo as embargoes
from feedsvc.readers.blocks import Block
from feedsvc.readers.roles import Parts, Role, metadata_role

HEAD_BLOCKS = 12  # the title is looked for among this many blocks at the top
AFTER_TITLE = 4  # datelines, bylines and labels are looked for this far below the title
EMBARGO_REACH = 6  # an embargo line may stand this far into the text
TITLE_SCALE = 1.15  # type at least this much larger than the body's marks the title
SMALL_TYPE = 0.95  # type at most this size (relative to the body's) above the title is a letterhead
TEXT_WORDS = 20  # a paragraph of this many words that ends in a colon is text, never part of a head...
SENTENCE_WORDS = 8  # ...and so is one of this many that ends a sentence
SUBTITLE_CHARS = 200
CLOSING_DATELINE_CHARS = 60


def is_text(block: Block) -> bool:
    """A paragraph of running text: a sentence of some length, or a long one ending in a colon. No head
    (letterhead, title, byline) looks so."""
    text = block.text
    count = len(rules.words_of(text))
    return (count >= SENTENCE_WORDS and rules.ends_sentence(text)) or (count >= TEXT_WORDS and text.endswith(":"))


def read_structure(blocks: list[Block], declared_title: str | None = None, language: str | None = None) -> Parts:
    """Sort a document's blocks into a release's parts (see the module docstring)."""
    parts = Parts()
    blocks = [b for b in blocks if b.text]
    if declared_title:
        parts.title = declared_title
        start = _below_declared_title(blocks, declared_title, parts)
    else:
        index = find_title(blocks)
        if index is None:
            start = _read_metadata_above(blocks, len(blocks), parts)
            parts.body = [b.text for b in blocks[start:]]
            _read_tail(parts)
            if parts.body:  # no title line: the text's first sentence will name the release
                parts.title, parts.title_from_text = parts.body[0], True
                _find_lead(parts, language)
            return parts
        _read_metadata_above(blocks, index, parts)
        parts.title = blocks[index].text
        start = index + 1
    rest = _read_below_title(blocks, start, parts, language)
    parts.body = rest
    _read_embargo_in_text(parts)
    _read_tail(parts)
    _find_lead(parts, language)
    return parts


def find_title(blocks: list[Block]) -> int | None:
    """The index of the title block: marked by the layout, else found by the text rules, else None."""
    span = _head_span(blocks)
    marked = _title_by_layout(blocks, span)
    if marked is not None:
        return marked
    return _title_by_text(blocks, span)


def _head_span(blocks: list[Block]) -> int:
    """How many blocks at the top may hold the head: up to the first paragraph of running text (a label, or a block
    the layout sets apart in larger or smaller type, is head whatever its punctuation)."""
    for i, block in enumerate(blocks[:HEAD_BLOCKS]):
        if (is_text(block) and block.heading != 1 and not (block.size and not SMALL_TYPE < block.size < TITLE_SCALE)
                and metadata_role(block.text) is None):
            return i
    return min(len(blocks), HEAD_BLOCKS)


def _title_by_layout(blocks: list[Block], span: int) -> int | None:
    """A title style or <h1>, else the largest type (clearly larger than the body's), else a bold line."""
    head = blocks[:span]
    for i, block in enumerate(head):
        if block.heading == 1 and rules.has_letters(block.text, 2):
            return i
    sized = [(b.size, i) for i, b in enumerate(head) if b.size and len(rules.words_of(b.text)) >= 2]
    if sized:
        largest = max(size for size, _ in sized)
        if largest >= TITLE_SCALE:
            return next(i for size, i in sized if size == largest)
    first = _below_first_divider(blocks, span)
    for i, block in enumerate(head):
        if (block.bold and len(rules.words_of(block.text)) >= 3 and not (block.size and block.size <= SMALL_TYPE)
                and metadata_role(block.text) is None and not rules.is_letterhead(block.text)
                and not (i < first and rules.may_be_letterhead(block.text))):
            return i
    return None


HEADLINE_WORDS = 4  # a title below a label or a dateline has at least this many words
HEADLINE_MAX_WORDS = 45


def _title_by_text(blocks: list[Block], span: int) -> int | None:
    """The first block of the head that is neither metadata, page chrome nor a letterhead line.

    A letterhead line is one only while a title can still follow it before the text starts: a line the
    vocabulary knows as a letterhead, a short line above a longer headline, or anything above a label or a
    dateline that a headline follows. When the first block left is already text and a label that names the
    document ("Заявление", "Statement") stands above it, the label is the title."""
    heading_label = None
    first = _below_first_divider(blocks, span)
    for i, block in enumerate(blocks[:max(span, 1)]):
        text = block.text
        role = metadata_role(text)
        if role == Role.LABEL and rules.is_document_name(text):
            heading_label = i
        if (role is not None or (rules.is_chrome(text) and i + 1 < span) or rules.is_url(text)
                or rules.is_print_header(text)
                or rules.is_segmented_meta(text) or (i < first and rules.may_be_letterhead(text))):
            continue
        small = bool(block.size and block.size <= SMALL_TYPE)
        if (rules.is_letterhead(text, small) and _title_may_follow(blocks, i + 1, span)) \
                or ((rules.is_masthead(text) or rules.is_attribution_heading(text))
                    and _title_may_follow(blocks, i + 1, span, longer_than=text)) \
                or (i + 1 < span and _letterhead_around(blocks, i) and _title_may_follow(blocks, i + 2, span)):
            continue
        if heading_label is not None and rules.ends_sentence(text):
            return heading_label
        return _without_site_name(blocks, i, span)
    return heading_label


def _without_site_name(blocks: list[Block], i: int, span: int) -> int:
    """A browser's page title ("<title> | Government of the Czech Republic") above the page's own heading: the
    heading, which repeats it without the site's name, is the title."""
    text = blocks[i].text
    for j in range(i + 1, min(span, len(blocks))):
        other = blocks[j].text
        if len(other) < len(text) and text.startswith(other) and re.match(r"\s*[|–—:-]\s", text[len(other):]):
            return j
    return i


def _letterhead_around(blocks: list[Block], i: int) -> bool:
    """Block `i` stands between two letterhead lines (or first, above two): it belongs to the letterhead too, in
    whatever language ("Confederaziun svizra" among the Swiss confederation's names). So does a line between a
    letterhead line and the segmented line under a letterhead ("ASEAN / ONE VISION ONE IDENTITY ONE COMMUNITY /
    ASEAN Cambodia 2022 • A.C.T.: Addressing Challenges Together")."""
    below = blocks[i + 1].text
    if i == 0:
        return rules.is_letterhead(below) and i + 2 < len(blocks) and rules.is_letterhead(blocks[i + 2].text)
    return rules.is_letterhead(blocks[i - 1].text) and (rules.is_letterhead(below) or rules.is_segmented_meta(below))


def _is_headline(block: Block, words: int = 1) -> bool:
    """A block that could be a title: not metadata, not chrome, not a sentence, with at least `words` words."""
    text = block.text
    count = len(text.split())
    return (metadata_role(text) is None and not rules.is_chrome(text) and not rules.ends_sentence(text)
            and not text.endswith(":") and not rules.is_byline_line(text) and not rules.is_marked_subtitle(text)
            and words <= count <= HEADLINE_MAX_WORDS)


def _title_may_follow(blocks: list[Block], start: int, span: int, longer_than: str | None = None) -> bool:
    """Some block between `start` and the text could still be the title (with more words than `longer_than`)."""
    least = len(rules.words_of(longer_than)) + 2 if longer_than else 1
    return any(_is_headline(b, least) for b in blocks[start:span])


def _below_first_divider(blocks: list[Block], span: int) -> int:
    """Below the first label, dateline or document number of the head that a headline follows: above it, what
    may be a letterhead is one ("UNHCR The UN Refugee Agency / Press releases / <title>")."""
    for i in range(span):
        if metadata_role(blocks[i].text) not in (Role.LABEL, Role.DATELINE, Role.DOC_NUMBER):
            continue
        if any(_is_headline(b, HEADLINE_WORDS) for b in blocks[i + 1:span]):
            return i + 1
    return 0


def _read_metadata_above(blocks: list[Block], end: int, parts: Parts) -> int:
    """Read the dates and embargo above the title (or the whole head, when there is none); set the rest aside as
    letterhead and labels. Returns where the text starts when there is no title."""
    for block in blocks[:end]:
        role = metadata_role(block.text)
        if role is None and end == len(blocks):
            return blocks.index(block)
        _take(parts, role or Role.LETTERHEAD, block.text)
    return end


def _take(parts: Parts, role: Role, text: str) -> bool:
    """Record a metadata line; False when it is a second dateline, which belongs to the text."""
    if role == Role.EMBARGO:
        parsed = embargoes.read_notice(text)
        if isinstance(parsed, embargoes.Unreadable):
            parts.unreadable_embargo = parts.unreadable_embargo or parsed.reason
        elif parts.embargo is None:
            parts.embargo = parsed
    elif role == Role.DOC_NUMBER and parts.doc_number is None:
        parts.doc_number = datelines.parse_doc_number(text)
    elif role == Role.DATELINE:
        if parts.dateline is not None:
            return False
        parts.dateline = datelines.parse_dateline(text) or datelines.parse_dateline(rules.without_labels(text))
    parts.set_aside(role, text)
    return True


def _below_declared_title(blocks: list[Block], title: str, parts: Parts) -> int:
    """With a title the format declares, the blocks above its repetition in the text (if any) are head."""
    wanted = title.casefold()
    for i, block in enumerate(blocks[:HEAD_BLOCKS]):
        if block.text.casefold() == wanted:
            _read_metadata_above(blocks, i, parts)
            parts.set_aside(Role.TITLE, block.text)
            return i + 1
        if is_text(block):
            break
    return 0


def _read_below_title(blocks: list[Block], start: int, parts: Parts, language: str | None) -> list[str]:
    """Datelines, document numbers, labels, bylines and source lines right below the title; a standfirst between
    the title and a dateline stays text."""
    subtitle: list[str] = []
    i = start
    while i < len(blocks) and i - start < AFTER_TITLE + len(subtitle):
        text = blocks[i].text
        role = metadata_role(text)
        if role is None and (rules.is_byline(text) or rules.is_source_line(text, language)
                             or rules.is_segmented_meta(text)
                             or (rules.is_name_line(text) and _more_head_below(blocks, i + 1, start))):
            role = Role.BYLINE
        elif role is None and rules.is_chrome(text) and i + 1 < len(blocks):
            role = Role.CHROME
        if role is None:
            nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
            if (not subtitle and len(text) <= SUBTITLE_CHARS and nxt
                    and metadata_role(nxt) in (Role.DATELINE, Role.DOC_NUMBER, Role.EMBARGO)):
                subtitle.append(text)  # a standfirst: text, though the metadata below it still belongs to the head
                i += 1
                continue
            break
        if not _take(parts, role, text):
            break
        i += 1
    return subtitle + [b.text for b in blocks[i:]]


def _more_head_below(blocks: list[Block], start: int, title_end: int) -> bool:
    """A dateline, a label or a byline follows within the zone below the title, before any text."""
    for block in blocks[start:title_end + AFTER_TITLE + 2]:
        text = block.text
        if metadata_role(text) in (Role.DATELINE, Role.DOC_NUMBER, Role.LABEL) or rules.is_byline(text):
            return True
        if not rules.is_name_line(text):
            return False
    return False


def _read_embargo_in_text(parts: Parts) -> None:
    """An embargo line further down (some put it after the dateline) is metadata too."""
    kept = []
    for j, text in enumerate(parts.body):
        if j < EMBARGO_REACH and embargoes.is_notice(text):
            _take(parts, Role.EMBARGO, text)
            continue
        kept.append(text)
    parts.body = kept


def _read_tail(parts: Parts) -> None:
    """End marks and what follows them, contacts, and a closing dateline leave the text."""
    body = parts.body
    for j, text in enumerate(body):
        if j and rules.is_closing(text):
            for rest in body[j:]:
                parts.set_aside(Role.END, rest)
            del body[j:]
            break
    contact_below = False
    while body and (rules.is_end_mark(body[-1]) or rules.is_closing(body[-1]) or not rules.has_letters(body[-1])
                    or (len(body) > 1 and rules.is_contact(body[-1]))
                    or (contact_below and len(body) > 1 and rules.is_contact_label_row(body[-1]))):
        contact_below = contact_below or rules.is_contact(body[-1])
        parts.set_aside(Role.CONTACT if contact_below else Role.END, body.pop())
    if parts.dateline is None and len(body) >= 2 and len(body[-1]) <= CLOSING_DATELINE_CHARS:
        closing = datelines.parse_dateline(body[-1])
        if closing is not None:
            parts.dateline = closing
            parts.set_aside(Role.DATELINE, body.pop())


LEAD_SKIP = 12  # at most this many paragraphs at the top of the text are passed over to find the lead
WIRE_PARTS = 3  # a wire dateline is read in at most this many pieces (date, place, agency)


def _before_the_text(text: str) -> bool:
    """A paragraph at the top of the text that is not the release's: page chrome, a byline, a field line
    ("Last updated: 07 Dec. 2010"), a label or a notice ("Check against delivery!"), a contact, a letterhead
    line, a line of names ("John Kerry / Secretary of State"), or no words at all."""
    return (rules.is_chrome(text) or rules.is_byline(text) or rules.is_field_line(text) or rules.is_contact(text)
            or metadata_role(text) is not None or rules.is_letterhead(text) or rules.is_name_stack(text)
            or rules.is_segmented_meta(text) or rules.is_wire_dateline(text) or rules.is_source_line(text)
            or rules.is_caption(text) or rules.is_marked_subtitle(text))


def _find_lead(parts: Parts, language: str | None) -> None:
    """Where the summary starts: past lead-ins, pull quotes and chrome, and past a wire dateline or a "1."."""
    body = parts.body
    lead = 0
    while lead + 1 < len(body) and lead < LEAD_SKIP:
        text = body[lead]
        if _before_the_text(text) or rules.is_lead_in(text):
            if parts.dateline is None and metadata_role(text) == Role.DATELINE:
                # "Date: Jul 17, 2012" between a head the layout hid and the lead still dates the release
                parts.dateline = datelines.parse_dateline(text) or datelines.parse_dateline(rules.without_labels(text))
            lead += 1
        elif lead < 2 and rules.is_pull_quote(text) and not rules.is_pull_quote(body[lead + 1]):
            lead += 1
        elif lead < 2 and rules.is_deck(text) and rules.ends_sentence(body[lead + 1]) \
                and len(body[lead + 1]) > len(text):
            lead += 1
        else:
            break
    parts.lead = lead
    if body:
        text = body[lead]
        skip = 0
        for _ in range(WIRE_PARTS):  # "November 4, 2011 - Ottawa - Foreign Affairs Minister ..."
            more = rules.wire_dateline_length(text[skip:], language) or rules.paragraph_number_length(text[skip:])
            if not more:
                break
            skip += more
        parts.lead_skip = skip if skip < len(text) else 0
