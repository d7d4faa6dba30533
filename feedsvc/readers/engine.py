"""From a format's blocks to a Release: the one path every reader's output takes, whatever the format was."""

from __future__ import annotations

import html
from datetime import date

from feedsvc.models import Rejection, Release
from feedsvc.readers import embargo as embargoes
from feedsvc.readers import rules
from feedsvc.readers.blocks import Block, Document
from feedsvc.readers.decide import (
    choose_date,
    choose_language,
    choose_summary,
    choose_title,
    outside_sane_years,
    start_of_day,
)
from feedsvc.readers.encoding import normalise_space, xml_safe
from feedsvc.readers.language import detect_language
from feedsvc.readers.options import Context
from feedsvc.readers.structure import read_structure


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
    if declared and embargoes.is_notice(declared):
        # a notice set as the document's title (a Word title, a page heading) still holds the release
        blocks.insert(0, Block(declared))
        declared = None
    hint = meta.language or detect_language(" ".join(b.text for b in blocks[:8]))
    parts = read_structure(blocks, declared, hint)
    if parts.unreadable_embargo:
        return Rejection(parts.unreadable_embargo)
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
    published, has_time, date_warnings = choose_date(parts, body, title, meta, language, lead, ctx.name,
                                                     ctx.modified, ctx.now, zone)
    warnings += date_warnings
    out_of_range = outside_sane_years(published, ctx.now, "date")
    if out_of_range:
        return Rejection(out_of_range)

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
            embargo, embargo_warnings = parts.embargo.moment(year, zone)
        except (ValueError, OverflowError):
            return Rejection("The embargo date does not exist in the calendar.")
        warnings += embargo_warnings
    if embargo is not None:
        if embargo.tzinfo is None:
            embargo = embargo.replace(tzinfo=zone)
        out_of_range = outside_sane_years(embargo, ctx.now, "embargo date")
        if out_of_range:
            return Rejection(out_of_range)
        if not has_time and published.date() in (embargo.date(), embargo.astimezone(zone).date()):
            # a date-only release dated the embargo day comes out when the embargo lifts, at that time
            published, has_time = embargo, True

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
        has_time=has_time,
        available_from=None if has_time else start_of_day(published.date(), zone),
    )
