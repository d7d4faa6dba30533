"""The four decisions of a release, each made in one place: its title, its publication date, its summary and its
language, from the parts `structure.py` sorted out and what the format declared."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from feedsvc.readers import datelines, dates, rules, vocabulary, years
from feedsvc.readers.blocks import Meta
from feedsvc.readers.encoding import normalise_space
from feedsvc.readers.language import guess_language
from feedsvc.readers.roles import Parts

_FIRST_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ0-9«\"“])")


_SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”’)\]]*(?=\s)")


def _sentence_ends(text: str, limit: int) -> list[int]:
    ends = []
    for m in _SENTENCE_END.finditer(text, 0, limit + 1):
        end = m.end()
        if end > limit:
            break
        before = text[:m.start() + 1].split()[-1] if text[:m.start() + 1].split() else ""
        word = before.rstrip(".").lower().lstrip("(«\"'“")
        abbreviated = word in vocabulary.words("abbreviations") or (len(word) == 1 and word.isalpha())
        if text[m.start()] == "." and abbreviated:
            continue
        nxt = text[end:].lstrip()[:1]
        if nxt and (nxt.islower()):
            continue
        ends.append(end)
    return ends


def cut_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with "…" when shortened."""
    if len(text) <= limit:
        return text
    room = max(1, limit - 1)
    cut = text[:room + 1]
    space = cut.rfind(" ")
    if space <= 0:
        return text[:room].rstrip() + "…"
    return text[:space].rstrip(" ,;:–—-") + "…"


def cut_summary(text: str, limit: int) -> str:
    """At most `limit` characters: the longest run of whole sentences that fits, when it fills at least half of
    them (a greeting before a long sentence is not a summary), else whole words and "…"."""
    text = normalise_space(text)
    if len(text) <= limit:
        return text
    ends = _sentence_ends(text, limit)
    if ends and ends[-1] >= limit // 2:
        return text[:ends[-1]].rstrip()
    return cut_words(text, limit)


def choose_title(parts: Parts, declared: bool, limit: int) -> tuple[str, list[str], list[str]]:
    """The title, the body and warnings. A "title" longer than `limit` that the format did not declare is the
    text's first paragraph: its first sentence is the title and the paragraph stays in the body."""
    title, body, warnings = parts.title or "", list(parts.body), []
    if parts.title_from_text or (len(title) > limit and not declared):
        if not parts.title_from_text:
            body = [title, *body]
            parts.lead = 0
            parts.lead_skip = 0
        title = _FIRST_SENTENCE.split(title, maxsplit=1)[0]
        warnings.append("The text has no separate title line: its first sentence was used as the title.")
    return cut_words(title, limit), body, warnings


PAGE_LANGUAGE_MIN_WORDS = 30  # a page's <html lang> is overruled only by this much text in another language


def choose_language(meta: Meta, title: str, body: list[str]) -> tuple[str, list[str]]:
    """What the author declared (front matter, document properties) wins; a web page's declared language wins
    unless its text is clearly in another one (a page of a site's French section with a Spanish release in it);
    else the guess from the title and the first paragraphs."""
    sample = " ".join([title, *body[:5]])
    if meta.language and meta.language_declared_by != "page":
        return meta.language, []
    guess, sure = guess_language(sample)
    if meta.language:
        declared = meta.language.split("-")[0]
        if sure and guess != declared and len(rules.words_of(sample)) >= PAGE_LANGUAGE_MIN_WORDS:
            return guess, [f"The page says its language is “{meta.language}”, but its text is in “{guess}”."]
        return meta.language, []
    return guess, []


def choose_summary(parts: Parts, body: list[str], meta: Meta, limit: int) -> str:
    """What the format declares as the summary, else the lead: the first paragraph of the text (from where the
    structure says it starts), joined with the next ones while it is too slight to stand alone (a place line, a
    one-line introduction)."""
    if meta.summary:
        return cut_summary(meta.summary, limit)
    if not body:
        return ""
    start = min(parts.lead, len(body) - 1)
    paragraphs = [body[start][parts.lead_skip:].lstrip(), *body[start + 1:start + 4]]
    lead = ""
    for p in paragraphs:
        if lead:
            lead += (" " if re.search(r"[.!?…:;,–—][\"'»”’)\]]*$", lead) else ". ") + p
        else:
            lead = p
        if not rules.is_thin(p):
            break
    return cut_summary(lead, limit)


ANNOUNCE_WINDOW = timedelta(days=62)
_TITLE_DATE_TAIL = re.compile(r"^\W*(?:года?|г\.|de\s+\d{4})?\W*$", re.IGNORECASE)


def choose_date(parts: Parts, body: list[str], title: str, meta: Meta, language: str | None, lead: str,
                name: str, modified: datetime, now: datetime, zone) -> tuple[datetime, bool, list[str]]:
    """The publication time, from the first source that gives one, in this order:

    1. what the format declares (front matter, page metadata);
    2. the dateline, then a document number ("412-09-06-2022"), then a date a letterhead or byline carries
       ("Press Office — Warsaw, 14 November 2017");
    3. a full date closing the title ("..., Moscow, March 5, 2021");
    4. a date opening the lead ("On December 3, ..."), unless it lies after the file was saved (an event announced);
    5. a full date in the file name (which also settles a date in digits that reads both ways, "02/07/2021");
    6. a weak clue of the format (a Word or PDF creation date);
    7. the file's modification time, to the second.

    A date without a year gets one from `years.infer_year` (the text's years against the file's time). Returns the
    moment, whether the source gave a time of day (a date alone is stamped with `date_only`), and warnings."""
    if meta.published is not None:
        published = meta.published
        if not meta.published_has_time:
            return date_only(published.date()), False, []
        return (published if published.tzinfo else published.replace(tzinfo=zone)), True, []
    today = now.astimezone(zone).date()
    saved = modified.astimezone(zone).date()
    name_date = datelines.date_from_name(name)
    text_for_years = "\n".join([title, *body])

    # (date, years allowed ahead of now, whether it may lie after the file was saved)
    candidates: list[tuple[dates.DateMatch, int, bool]] = []
    if parts.dateline is not None:
        candidates.append((parts.dateline, 10, True))
    if parts.doc_number is not None:
        candidates.append((parts.doc_number, 1, True))
    if parts.head_date is not None:
        candidates.append((parts.head_date, 1, True))
    in_title = _title_date(title, language)
    if in_title is not None:
        candidates.append((in_title, 1, False))
    if lead:
        found_lead = datelines.lead_date(lead, language)
        if found_lead is not None:
            candidates.append((found_lead, 1, False))
    warnings: list[str] = []
    named_text = "\n".join([title, lead])
    for found, ahead, may_follow in candidates:
        found = dates.named_reading(found, named_text, language)
        if found.ambiguous and name_date is not None and \
                (name_date.year, name_date.month, name_date.day) == (found.year, found.day, found.month):
            found = found.month_first()  # "02/07/2021" in "20210207 statement.txt": the file name settles it
        if not may_follow and _announces(found, saved) and not _old_release(found, text_for_years, now, language,
                                                                               saved, today):
            warnings.append(f"The date {found.day:02d}.{found.month:02d} in the text lies after the file was "
                            "saved: it was taken for an event announced, not the release date.")
            continue
        if found.year is not None:
            if _year_ok(found.year, now, ahead):
                return *_at(found, found.year, zone), warnings
            continue
        if name_date is not None and (name_date.month, name_date.day) == (found.month, found.day):
            return *_at(found, name_date.year, zone), [
                *warnings, f"The year {name_date.year} was taken from the file name (the date has no year)."]
        mentioned = years.years_in_text(text_for_years, now.year + 1, language)
        events = years.month_years(text_for_years, language)
        year, warning = years.infer_year(found.month, found.day, mentioned, saved, today, events)
        try:
            return *_at(found, year, zone), [*warnings, warning]
        except ValueError:
            continue
    if name_date is not None and _year_ok(name_date.year, now, 1):
        return *_at(name_date, name_date.year, zone), [
            *warnings, "No date found in the text: the date in the file name was used."]
    if meta.fallback_date is not None:
        fallback = meta.fallback_date
        if fallback.tzinfo is None:
            fallback = fallback.replace(tzinfo=UTC)
        if _year_ok(fallback.year, now, 0) and fallback <= now:
            return fallback, True, [*warnings, f"No date found in the text: {meta.fallback_what} was used."]
    return modified.replace(microsecond=0), True, [*warnings, "No date found in the text: the file's modification "
                                                              "time was used."]


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


# Dates a release may carry: older ones are typos (year 1, 0202) and later ones overflow time zone arithmetic.
SANE_FIRST_YEAR, SANE_YEARS_AHEAD = 1900, 10


def outside_sane_years(moment: datetime, now: datetime, what: str) -> str | None:
    """A rejection reason for a date no release can have (year 1, 9999...), else None."""
    last = now.year + SANE_YEARS_AHEAD
    if SANE_FIRST_YEAR <= moment.year <= last:
        return None
    return (f"The {what} {moment.date().isoformat()} is not a date a release can have: feedsvc accepts the years "
            f"{SANE_FIRST_YEAR} to {last}. Check the date and save the file again.")


def _at(found: dates.DateMatch, year: int, zone) -> tuple[datetime, bool]:
    """The publication moment of a found date, and whether the text gave its time of day."""
    if found.hour is None:
        return date_only(date(year, found.month, found.day)), False
    return dates.to_datetime(found, year, zone), True


def _year_ok(year: int, now: datetime, ahead: int) -> bool:
    return 2000 <= year <= now.year + ahead


def _title_date(title: str, language: str | None) -> dates.DateMatch | None:
    """A full date closing the title, after a comma ("..., Moscow, March 5, 2021", "..., 10 марта 2021 года")."""
    tail = title[-60:]
    found = dates.find_dates(tail, language, years_only=True)
    if not found:
        return None
    d = found[-1]
    # the title's last clause is the date: ", Moscow, March 5, 2021" (not "... signed on 12 February 2015")
    if not _TITLE_DATE_TAIL.match(tail[d.end:]) or not re.search(r",\s*$", tail[:d.start]):
        return None
    return d


def _old_release(found: dates.DateMatch, text: str, now: datetime, language: str | None, saved: date,
                 today: date) -> bool:
    """A date without a year in a release whose text shows it to be years older than its file (see
    `years.infer_year`): the date is then in the past whatever the file's modification time."""
    if found.year is not None:
        return False
    mentioned = years.years_in_text(text, now.year + 1, language)
    year, _ = years.infer_year(found.month, found.day, mentioned, saved, today, years.month_years(text, language))
    return year < years.latest_on_or_before(found.month, found.day, min(saved, today)).year


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
        if timedelta(days=1) < ahead <= ANNOUNCE_WINDOW:
            return True
    return False
