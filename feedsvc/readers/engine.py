"""From a format's blocks to a Release: the one path every reader's output takes, whatever the format was."""

from __future__ import annotations

import html
from datetime import date

from feedsvc.models import Rejection, Release
from feedsvc.readers import dates, rules
from feedsvc.readers.blocks import Block, Document
from feedsvc.readers.decide import choose_date, choose_language, choose_summary, choose_title
from feedsvc.readers.language import detect_language
from feedsvc.readers.options import Context
from feedsvc.readers.structure import read_structure
from feedsvc.readers.text import normalise_space, xml_safe


def build_release(ctx: Context, document: Document) -> Release | Rejection:
    """Sort the blocks into the release's parts, decide title, language, date and summary, and make the Release."""
    meta = document.meta
    options = ctx.options
    zone = ctx.zone
    warnings = list(meta.warnings)
    blocks = [Block(normalise_space(xml_safe(b.text)), b.size, b.bold, b.heading, b.page) for b in document.blocks]
    blocks = [b for b in blocks if b.text]
    declared = normalise_space(xml_safe(meta.title)) if meta.title else None
    if declared and not rules.has_letters(declared):
        declared = None
    hint = meta.language or detect_language(" ".join(b.text for b in blocks[:8]))
    parts = read_structure(blocks, declared, hint)
    if parts.unreadable_embargo:
        return Rejection(f"The embargo line could not be read: “{parts.unreadable_embargo[:80]}”. Write it like "
                         "“EMBARGOED UNTIL 10:00 UTC, 2 June 2031”.")
    if not parts.title or not rules.has_letters(parts.title, 2):
        if parts.title is None and parts.removed and not parts.body:
            return Rejection("No title found: the file holds only a date or a document number, no heading or text.")
        if not blocks:
            return Rejection("The file is empty: it has no text.")
        return Rejection("No title found: the first line of text has no words (only numbers or punctuation).")

    title, body, title_warnings = choose_title(parts, declared is not None, options.title_length)
    warnings += title_warnings
    language, language_warnings = choose_language(meta, title, body)
    warnings += language_warnings
    lead = " ".join(body[parts.lead:parts.lead + 2]) if body else ""
    published, date_warnings = choose_date(parts, body, title, meta, language, lead, ctx.name, ctx.modified,
                                           ctx.now, zone)
    warnings += date_warnings

    embargo = meta.embargo
    if embargo is None and parts.embargo is not None:
        year = parts.embargo.year
        if year is None:
            # an embargo lies ahead of the drop: the first such day not before the file's modification day
            ref = ctx.modified.astimezone(zone).date()
            year = ref.year
            try:
                if date(year, parts.embargo.month, parts.embargo.day) < ref:
                    year += 1
            except ValueError:
                year += 1
            warnings.append(f"The embargo date has no year: {year} was assumed.")
        try:
            embargo = dates.to_datetime(parts.embargo, year, zone)
        except ValueError:
            return Rejection("The embargo date does not exist in the calendar.")
    if embargo is not None:
        if embargo.tzinfo is None:
            embargo = embargo.replace(tzinfo=zone)
        same_day = (published.astimezone(embargo.tzinfo).date() == embargo.date()
                    or published.astimezone(zone).date() == embargo.astimezone(zone).date())
        local = published.astimezone(zone)
        if published < embargo and same_day and (local.hour, local.minute, local.second) == (0, 0, 0):
            published = embargo  # a date-only release dated the embargo day comes out when the embargo lifts

    summary = choose_summary(parts, body, meta, options.summary_length)
    if not body:
        warnings.append("The release has no text below its title.")
    if document.body_html is not None:
        html_text = document.body_html(body, set(parts.removed))
    else:
        html_text = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)

    return Release(
        title=xml_safe(title),
        published=published,
        summary=xml_safe(summary),
        body=xml_safe("\n\n".join(body)),
        body_html=xml_safe(html_text),
        language=language,
        tags=tuple(xml_safe(t) for t in meta.tags if xml_safe(t).strip()),
        embargo=embargo,
        warnings=tuple(xml_safe(w) for w in warnings),
    )
