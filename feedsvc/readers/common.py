"""What every reader shares once it has paragraphs: title, dateline, embargo, date, summary, language → Release."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from feedsvc.models import Rejection, Release
from feedsvc.readers import dates
from feedsvc.readers import embargo as embargoes
from feedsvc.readers.language import detect_language
from feedsvc.readers.text import cut_summary, cut_words, normalise_space, xml_safe


@dataclass(frozen=True)
class Context:
    """One reading: the file's name, modification time and the deployment's options."""

    name: str
    modified: datetime
    options: object  # ReaderOptions (not imported here to avoid a cycle)

    @property
    def now(self) -> datetime:
        now = getattr(self.options, "now", None)
        return now if now is not None else datetime.now(UTC)

    @property
    def zone(self):
        return self.options.zone


@dataclass
class Meta:
    """What a format declares explicitly (front matter, page metadata); it wins over anything inferred."""

    title: str | None = None
    published: datetime | None = None
    published_has_time: bool = True
    summary: str | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    embargo: datetime | None = None
    fallback_date: datetime | None = None  # a weak clue such as the Word/PDF creation date
    fallback_what: str = ""
    warnings: list[str] = field(default_factory=list)


# A label line above the title ("Press release", "FOR IMMEDIATE RELEASE", "Nota à imprensa nº 112"), with an
# optional number: it names the kind of document, never the release.
_LABELS = re.compile(
    r"^\W*(?:press\s+release|news\s+release|media\s+release|press\s+statement|media\s+advisory|"
    r"for\s+immediate\s+release|immediate\s+release|"
    r"пресс-релиз|сообщение\s+для\s+сми|для\s+немедленной\s+публикации|communiqué\s+de\s+presse|communiqué|"
    r"comunicado\s+de\s+prensa|comunicado|pressemitteilung|presseerklärung|nota\s+de\s+prensa|"
    r"nota\s+à\s+imprensa|nota\s+de\s+imprensa|"
    r"unofficial\s+translation|неофициальный\s+перевод|"
    r"بيان\s+صحفي|بيان\s+صحافي|بيان\s+إعلامي|تصريح\s+صحفي|بيان)"
    r"(?:\s*(?:no\.?|nr\.?|n[°ºo]\.?|№|#|número|nummer)?\s*\d[\w/.\-]*)?\W*$",
    re.IGNORECASE,
)
# Marks that may close the text ("###", "***"); "* * *" is also a section break inside long texts, so only
# `_CLOSING` marks end the release where they stand: what follows is notes to editors or a press contact.
_END_MARKS = re.compile(r"^(?:#(?:\s*#){2,}|\*(?:\s*\*){2,}|-30-)$")
_CLOSING = re.compile(
    r"^(?:#(?:\s*#){2,}|[-–—\s]*(?:end|ends|ende|fin|конец|окончание)[-–—\s]*|-30-|notes?\s+(?:to|for)\s+editors\W*|editors?[’']?\s+notes?\W*|"
    r"примечани[ея]\s+для\s+редакци[йи]\W*|note\s+aux\s+rédactions\W*|hinweis\s+für\s+redaktionen\W*|"
    r"nota\s+para\s+(?:los\s+)?editores\W*)$",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")


@dataclass
class Head:
    """The top of a release once its metadata lines are taken away."""

    title: str | None
    body: list[str]
    dateline: dates.DateMatch | None = None
    doc_number: dates.DateMatch | None = None
    embargo: embargoes.Notice | None = None
    removed: list[str] = field(default_factory=list)
    only_meta: bool = False


def _meta_kind(p: str) -> str | None:
    if embargoes.is_notice(p):
        return "embargo"
    if dates.parse_doc_number(p):
        return "doc"
    if dates.parse_dateline(p):
        return "date"
    if _LABELS.match(p) or _END_MARKS.match(p.strip()) or _CLOSING.match(p.strip()):
        return "label"
    if not _LETTERS.search(p):
        return "noise"
    return None


_SUBTITLE_LENGTH = 200
_CONTACT_LABEL = re.compile(
    r"^\W*(?:press\s+contacts?|media\s+contacts?|media\s+enquiries|media\s+inquiries|contacts?|"
    r"for\s+(?:more|further)\s+information|press\s+office|"
    r"контакты|контакт|пресс-служба|для\s+сми|тел\.|телефон|contact\s+presse|contacto\s+de\s+prensa|"
    r"pressekontakt|kontakt|contato|contacto)\s*:",
    re.IGNORECASE,
)
# The same labels without their colon, as the first cell of a contact table ("Press contact | Anna Petrova"):
# contact data only when the row sits right above other contact data and is not a sentence.
_CONTACT_LABEL_BARE = re.compile(
    r"^\W*(?:press\s+contacts?|media\s+contacts?|media\s+enquiries|media\s+inquiries|press\s+office|"
    r"контакты\s+для\s+сми|пресс-служба|contact\s+presse|contacto\s+de\s+prensa|pressekontakt)\b",
    re.IGNORECASE,
)
_EMAIL_OR_PHONE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\+\d[\d\s()\-]{6,}\d")


def _is_contact(p: str) -> bool:
    """A press-contact paragraph at the end ("Press contact: ... +7 495 ...", an e-mail address): not text."""
    if len(p) > 300:
        return False
    if _CONTACT_LABEL.match(p):
        return True
    # contact data with at most a name and a job title around it, not a sentence that gives an address
    if len(p) > 160 or not _EMAIL_OR_PHONE.search(p) or re.search(r"[.!?…][\"'»”’)]*$", p):
        return False
    return len(_LETTER_WORDS.findall(_EMAIL_OR_PHONE.sub(" ", p))) <= 6


_LETTER_WORDS = re.compile(r"[^\W\d_]{2,}")


def _is_contact_label_row(p: str) -> bool:
    return len(p) <= 160 and bool(_CONTACT_LABEL_BARE.match(p)) and not re.search(r"[.!?…][\"'»”’)]*$", p)


def is_meta_line(line: str) -> bool:
    """A line that is metadata on its own: an embargo line, a document number or a dateline."""
    if len(line) > 200:
        return False
    if embargoes.is_notice(line):
        return True
    return bool(_DIGIT.search(line)) and bool(dates.parse_doc_number(line) or dates.parse_dateline(line))


def split_head(paragraphs: list[str], title: str | None = None) -> Head | Rejection:
    """Take the embargo line, document number, dateline and labels off the top (and a dateline off the end),
    and the title when `title` is not already known (the first paragraph that is not metadata)."""
    head = Head(title=title, body=[])
    i = 0
    seen_title = title is not None
    after_title = 0
    rest: list[str] = []
    subtitle: list[str] = []
    while i < len(paragraphs):
        p = paragraphs[i]
        kind = _meta_kind(p) if (not seen_title or after_title < 4) else None
        if kind is None:
            if not seen_title:
                head.title = p
                seen_title = True
                i += 1
                continue
            if (not subtitle and after_title < 4 and len(p) <= _SUBTITLE_LENGTH and i + 1 < len(paragraphs)
                    and _meta_kind(paragraphs[i + 1]) in ("date", "doc", "embargo")):
                # a subtitle (standfirst) between the title and the dateline: text, but the metadata below it
                # still belongs to the head
                subtitle.append(p)
                i += 1
                continue
            rest = paragraphs[i:]
            break
        if kind == "embargo":
            parsed = embargoes.read_notice(p)
            if isinstance(parsed, embargoes.Unreadable):
                return Rejection(parsed.reason)
            if head.embargo is None:
                head.embargo = parsed
        elif kind == "doc" and head.doc_number is None:
            head.doc_number = dates.parse_doc_number(p)
        elif kind == "date" and head.dateline is None:
            head.dateline = dates.parse_dateline(p)
        elif kind == "date":
            rest = paragraphs[i:]
            break
        head.removed.append(p)
        if seen_title:
            after_title += 1
        i += 1
    else:
        rest = []
    # an embargo line further down (a few shapes put it after the dateline) is metadata too
    kept = []
    for j, p in enumerate(rest):
        if j < 6 and embargoes.is_notice(p):
            parsed = embargoes.read_notice(p)
            if isinstance(parsed, embargoes.Unreadable):
                return Rejection(parsed.reason)
            head.embargo = head.embargo or parsed
            head.removed.append(p)
            continue
        kept.append(p)
    kept = subtitle + kept
    # an end mark ("###", "-ENDS-", "-30-") closes the release: notes to editors and contacts below it are not text
    for j, p in enumerate(kept):
        if j and _CLOSING.match(p.strip()):
            head.removed.extend(kept[j:])
            del kept[j:]
            break
    contact_below = False
    while kept and (_END_MARKS.match(kept[-1].strip()) or _CLOSING.match(kept[-1].strip())
                    or not _LETTERS.search(kept[-1])
                    or (len(kept) > 1 and _is_contact(kept[-1]))
                    or (contact_below and len(kept) > 1 and _is_contact_label_row(kept[-1]))):
        contact_below = contact_below or _is_contact(kept[-1])
        head.removed.append(kept.pop())
    if head.dateline is None and len(kept) >= 2 and len(kept[-1]) <= 60:
        closing = dates.parse_dateline(kept[-1])
        if closing is not None:
            head.dateline = closing
            head.removed.append(kept.pop())
    head.body = kept
    if head.title is None:
        head.only_meta = bool(paragraphs)
    return head


def _year_ok(year: int, now: datetime, ahead: int) -> bool:
    return 2000 <= year <= now.year + ahead


def _local_day(dt: datetime, zone) -> date:
    return dt.astimezone(zone).date()


def finish(
    ctx: Context,
    paragraphs: list[str],
    meta: Meta | None = None,
    body_html: Callable[[list[str], set[str]], str] | None = None,
) -> Release | Rejection:
    """Turn a reader's paragraphs (and what the format declared) into a Release, or a Rejection.

    `body_html(body_paragraphs, removed_paragraphs)` builds the HTML for formats with markup; plain formats get
    one escaped <p> per paragraph.
    """
    meta = meta or Meta()
    options = ctx.options
    zone = ctx.zone
    warnings = list(meta.warnings)
    paragraphs = [normalise_space(xml_safe(p)) for p in paragraphs]
    paragraphs = [p for p in paragraphs if p]
    known_title = normalise_space(xml_safe(meta.title)) if meta.title else None
    if known_title and not _LETTERS.search(known_title):
        known_title = None
    if known_title and embargoes.is_notice(known_title):
        # a notice set as the document's title (a Word title, a page heading) still holds the release
        paragraphs.insert(0, known_title)
        known_title = None
    head = split_head(paragraphs, known_title)
    if isinstance(head, Rejection):
        return head
    if known_title and head.body and normalise_space(head.body[0]).casefold() == known_title.casefold():
        head.removed.append(head.body.pop(0))

    title = head.title
    if not title or len(_LETTERS.findall(title)) < 2:
        if head.only_meta and title is None:
            return Rejection("No title found: the file holds only a date or a document number, no heading or text.")
        if not paragraphs and not title:
            return Rejection("The file is empty: it has no text.")
        return Rejection("No title found: the first line of text has no words (only numbers or punctuation).")
    body = head.body
    if len(title) > options.title_length and known_title is None:
        # no separate title line: the first sentence names the release, the paragraph stays in the body
        first = re.split(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ0-9«\"“])", title, maxsplit=1)[0]
        body = [title, *body]
        title = first
        warnings.append("The text has no separate title line: its first sentence was used as the title.")
    title = cut_words(title, options.title_length)

    language = meta.language or detect_language(" ".join([title, *body[:5]]))
    lead = lead_text(body)
    published, has_time, published_warnings = _choose_date(ctx, head, body, title, meta, language, lead)
    warnings.extend(published_warnings)
    out_of_range = _outside_sane_years(published, ctx.now, "date")
    if out_of_range:
        return Rejection(out_of_range)

    embargo = meta.embargo
    if embargo is None and head.embargo is not None:
        year = head.embargo.year
        if year is None:
            # an embargo lies ahead of the drop: the first such day not before the file's modification day
            ref = _local_day(ctx.modified, zone)
            year = ref.year
            try:
                if date(year, head.embargo.month, head.embargo.day) < ref:
                    year += 1
            except ValueError:
                year += 1
            warnings.append(f"The embargo date has no year: {year} was assumed.")
        try:
            embargo, embargo_warnings = head.embargo.moment(year, zone)
        except (ValueError, OverflowError):
            return Rejection("The embargo date does not exist in the calendar.")
        warnings.extend(embargo_warnings)
    if embargo is not None:
        if embargo.tzinfo is None:
            embargo = embargo.replace(tzinfo=zone)
        out_of_range = _outside_sane_years(embargo, ctx.now, "embargo date")
        if out_of_range:
            return Rejection(out_of_range)
        if not has_time and published.date() in (embargo.date(), _local_day(embargo, zone)):
            # a date-only release dated the embargo day comes out when the embargo lifts, at that time
            published, has_time = embargo, True

    summary = normalise_space(xml_safe(meta.summary)) if meta.summary else lead
    summary = cut_summary(summary, options.summary_length)
    if not body:
        warnings.append("The release has no text below its title.")

    if body_html is not None:
        html_text = body_html(body, set(head.removed))
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


_THIN_WORDS = 6


_HEADING_LENGTH = 100
_SENTENCE_CLOSE = re.compile(r"[.!?…:;,–—][\"'»”’)\]]*$")


def _is_thin(p: str) -> bool:
    """A paragraph too slight to be a lead on its own: a place line ("Москва."), an address ("Ladies and
    gentlemen,"), an introduction ("Из ответов на вопросы СМИ:"), a subtitle or section heading (short, no
    closing punctuation: "О ситуации в Сирии")."""
    p = p.rstrip()
    return (len(p.split()) < _THIN_WORDS or p.endswith((":", ",", "–", "—"))
            or (len(p) <= _HEADING_LENGTH and not _SENTENCE_CLOSE.search(p)))


def lead_text(body: list[str]) -> str:
    """The lead: the first paragraph, joined with the next ones while it is too slight to stand alone (a
    heading runs into the text after a full stop, as in "Москва. 15 ноября ...")."""
    lead = ""
    for p in body[:4]:
        if lead:
            lead += (" " if _SENTENCE_CLOSE.search(lead) else ". ") + p
        else:
            lead = p
        if not _is_thin(p):
            break
    return lead


_TITLE_DATE_TAIL = re.compile(r"^\W*(?:года?|г\.|de\s+\d{4})?\W*$", re.IGNORECASE)


def _title_date(title: str, language: str | None) -> dates.DateMatch | None:
    """A full date closing the title, after a comma ("..., Moscow, March 5, 2021", "..., 10 марта 2021 года")."""
    found = dates.find_dates(title[-60:], language, years_only=True)
    if not found:
        return None
    d = found[-1]
    tail = title[-60:]
    # the title's last clause is the date: ", Moscow, March 5, 2021" (not "... signed on 12 February 2015")
    if not _TITLE_DATE_TAIL.match(tail[d.end:]) or not re.search(r",\s*$", tail[:d.start]):
        return None
    return d


# Dates a release may carry: older ones are typos (year 1, 0202) and later ones overflow time zone arithmetic.
SANE_FIRST_YEAR, SANE_YEARS_AHEAD = 1900, 10


def _outside_sane_years(moment: datetime, now: datetime, what: str) -> str | None:
    """A rejection reason for a date no release can have (year 1, 9999...), else None."""
    last = now.year + SANE_YEARS_AHEAD
    if SANE_FIRST_YEAR <= moment.year <= last:
        return None
    return (f"The {what} {moment.date().isoformat()} is not a date a release can have: feedsvc accepts the years "
            f"{SANE_FIRST_YEAR} to {last}. Check the date and save the file again.")


def date_only(day: date) -> datetime:
    """The moment a release that gives only its date is stamped with: 12:00 UTC of that day, which is the same
    calendar day for readers everywhere from UTC-11 to UTC+11. Pages show only the date."""
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def start_of_day(day: date, zone) -> datetime:
    """00:00 of `day` in `zone` (the earlier instant if a clock change makes midnight occur twice or not at all):
    a date-only release is available from then, so it is not held on its own day."""
    midnight = datetime(day.year, day.month, day.day)
    return min(midnight.replace(tzinfo=zone, fold=0), midnight.replace(tzinfo=zone, fold=1),
               key=lambda m: m.astimezone(UTC)).astimezone(UTC)


def _at(found: dates.DateMatch, year: int, zone) -> tuple[datetime, bool]:
    """The publication moment of a found date, and whether the text gave its time of day."""
    if found.hour is None:
        return date_only(date(year, found.month, found.day)), False
    return dates.to_datetime(found, year, zone), True


def _choose_date(
    ctx: Context, head: Head, body: list[str], title: str, meta: Meta, language: str | None = None,
    lead: str | None = None,
) -> tuple[datetime, bool, list[str]]:
    """Publication time by precedence: declared metadata, dateline, document number, a full date closing the
    title ("..., Moscow, March 5, 2021"), a date opening the lead,
    a full date in the file name, a weak format clue (creation date), the file's modification time (to the
    second: a file system's microseconds are noise, and feeds and HTTP dates carry whole seconds).
    Returns the moment, whether the source gave a time of day (see `date_only`), and warnings.

    `language` (the release's) is tried first when dates in the lead and the text are read."""
    now, zone = ctx.now, ctx.zone
    if meta.published is not None:
        published = meta.published
        if not meta.published_has_time:
            return date_only(published.date()), False, []
        if published.tzinfo is None:
            published = published.replace(tzinfo=zone)
        return published, True, []
    today = _local_day(now, zone)
    modified_day = _local_day(ctx.modified, zone)
    name_date = dates.date_from_name(ctx.name)
    text_for_years = "\n".join([title, *body])

    # (date, years allowed ahead of now, whether it may lie after the file was saved)
    candidates: list[tuple[dates.DateMatch, int, bool]] = []
    if head.dateline is not None:
        candidates.append((head.dateline, 10, True))
    if head.doc_number is not None:
        candidates.append((head.doc_number, 1, True))
    in_title = _title_date(title, language)
    if in_title is not None:
        candidates.append((in_title, 1, False))
    lead = lead if lead is not None else (body[0] if body else "")
    if lead:
        found_lead = dates.lead_date(lead, language)
        if found_lead is not None:
            candidates.append((found_lead, 1, False))
    warnings: list[str] = []
    for found, ahead, may_follow in candidates:
        if not may_follow and _announces(found, modified_day) and not _old_release(found, text_for_years, now,
                                                                                   language, modified_day, today):
            # "On 25 April the Minister will..." in a file saved on 18 April: the date of the event announced,
            # not of the release (only a dateline or a document number may date a release ahead of its file)
            warnings.append(f"The date {found.day:02d}.{found.month:02d} in the text lies after the file was "
                            "saved: it was taken for an event announced, not the release date.")
            continue
        if found.year is not None:
            if _year_ok(found.year, now, ahead):
                return *_at(found, found.year, zone), warnings
            continue
        if name_date is not None and (name_date.month, name_date.day) == (found.month, found.day):
            return *_at(found, name_date.year, zone), [*warnings,
                f"The year {name_date.year} was taken from the file name (the date has no year)."
            ]
        years = dates.years_in_text(text_for_years, now.year + 1, language)
        year, warning = dates.infer_year(found.month, found.day, years, modified_day, today)
        try:
            return *_at(found, year, zone), [*warnings, warning]
        except ValueError:
            continue
    if name_date is not None and _year_ok(name_date.year, now, 1):
        return *_at(name_date, name_date.year, zone), [
            *warnings, "No date found in the text: the date in the file name was used."
        ]
    if meta.fallback_date is not None:
        fallback = meta.fallback_date
        if fallback.tzinfo is None:
            fallback = fallback.replace(tzinfo=UTC)
        if _year_ok(fallback.year, now, 0) and fallback <= now:
            return fallback, True, [*warnings, f"No date found in the text: {meta.fallback_what} was used."]
    return ctx.modified.replace(microsecond=0), True, [
        *warnings, "No date found in the text: the file's modification time was used."
    ]


_ANNOUNCE_WINDOW = timedelta(days=62)


def _old_release(found: dates.DateMatch, text: str, now: datetime, language: str | None, saved: date,
                 today: date) -> bool:
    """A date without a year in a release whose text shows it to be years older than its file (see
    `dates.infer_year`): the date is then in the past whatever the file's modification time."""
    if found.year is not None:
        return False
    years = dates.years_in_text(text, now.year + 1, language)
    year, _ = dates.infer_year(found.month, found.day, years, saved, today)
    return year < dates.latest_on_or_before(found.month, found.day, min(saved, today)).year


def _announces(found: dates.DateMatch, saved: date) -> bool:
    """A date in running text that lies after the day the file was saved (for a date without a year: within
    two months after it), so it names something still to come."""
    if found.year is not None:
        try:
            return date(found.year, found.month, found.day) > saved + timedelta(days=1)
        except ValueError:
            return False
    for year in (saved.year, saved.year + 1):
        try:
            ahead = date(year, found.month, found.day) - saved
        except ValueError:
            continue
        if timedelta(days=1) < ahead <= _ANNOUNCE_WINDOW:
            return True
    return False
