"""Named rules that say what one block of a release is: a letterhead, a label, a byline, a lead-in, a contact...

Each rule is one function over a block's text, with an example in its docstring and its thresholds named beside
it; the vocabulary it relies on lives in `vocabulary/` (one table per language). `structure.py` runs them in order
over a release's blocks. The rules are grouped by where in a release they apply: `words` (shared helpers), `head`,
`meta`, `lead`, `frame` (a web page's chrome) and `tail`.
"""

from feedsvc.readers.rules.frame import (
    is_breadcrumb,
    is_chrome,
)
from feedsvc.readers.rules.head import (
    is_address,
    is_attribution_heading,
    is_document_name,
    is_domain,
    is_label,
    is_letterhead,
    is_masthead,
    is_print_header,
    is_publisher_label,
    is_url,
    may_be_letterhead,
    without_labels,
)
from feedsvc.readers.rules.lead import (
    is_deck,
    is_lead_in,
    is_pull_quote,
    is_thin,
    is_wire_dateline,
    paragraph_number_length,
    wire_dateline_length,
)
from feedsvc.readers.rules.meta import (
    dateline_in,
    is_byline,
    is_byline_line,
    is_caption,
    is_field_line,
    is_marked_subtitle,
    is_name_line,
    is_name_stack,
    is_segmented_meta,
    is_source_line,
)
from feedsvc.readers.rules.tail import (
    is_closing,
    is_contact,
    is_contact_label_row,
    is_end_mark,
)
from feedsvc.readers.rules.words import (
    content_words,
    ends_sentence,
    has_letters,
    plain_quotes,
    words_of,
)

__all__ = [
    "content_words",
    "ends_sentence",
    "has_letters",
    "plain_quotes",
    "words_of",
    "is_address",
    "is_attribution_heading",
    "is_document_name",
    "is_domain",
    "is_label",
    "is_publisher_label",
    "is_letterhead",
    "is_masthead",
    "is_print_header",
    "is_url",
    "may_be_letterhead",
    "without_labels",
    "dateline_in",
    "is_byline",
    "is_byline_line",
    "is_caption",
    "is_field_line",
    "is_marked_subtitle",
    "is_name_line",
    "is_name_stack",
    "is_segmented_meta",
    "is_source_line",
    "is_deck",
    "is_lead_in",
    "is_pull_quote",
    "is_thin",
    "is_wire_dateline",
    "paragraph_number_length",
    "wire_dateline_length",
    "is_breadcrumb",
    "is_chrome",
    "is_closing",
    "is_contact",
    "is_contact_label_row",
    "is_end_mark",
]
