"""The year of a date given without one ("On December 3"): the years and months a text mentions, and the rule
that weighs them against the file's modification time."""

from __future__ import annotations

import re
from datetime import date

from feedsvc.readers.clock import WESTERN_DIGITS
from feedsvc.readers.dates import YEAR_SHAPE, full_date_spans, month_number

_YEAR = re.compile(r"(?<![\w.,/\-№#])((?:19|20)\d\d)(?![\w/]|[.,\-]\d)")
_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:resolution|resolutions|no\.?|nos\.?|№|number|n°|nº|decree|order|law|article|art\.|paragraph|"
    r"резолюци\w*|указ\w*|приказ\w*|закон\w*|стать\w*|пункт\w*|résolution|resolución|resolução|"
    r"doc\.?|document|code|page|p\.|стр\.?|tel\.?|phone|fax|room|flight|рейс\w*)\s*$",
    re.IGNORECASE,
)


def years_in_text(text: str, latest: int, language: str | None = None) -> list[int]:
    """Years (2000..latest) the text mentions on their own; numbers after "Resolution", "No." etc. are not
    years, and years inside a full date ("June 30, 2012") belong to that other event and are left out."""
    text = text.translate(WESTERN_DIGITS)
    years = []
    full_dates: list[tuple[int, int]] | None = None
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if not 2000 <= y <= latest:
            continue
        if _NOT_A_YEAR_BEFORE.search(text[max(0, m.start() - 20):m.start()]):
            continue
        if full_dates is None:  # read the full dates only when some year needs checking
            full_dates = full_date_spans(text, language)
        if any(s <= m.start() < e for s, e in full_dates):
            continue
        years.append(y)
    return years


_MONTH_YEAR = re.compile(rf"(?<![\w.])(?P<m>[^\W\d_]{{3,}})\.?\s+(?:de\s+|del\s+)?(?P<y>{YEAR_SHAPE})")


def month_years(text: str, language: str | None = None) -> list[tuple[int, int]]:
    """(year, month) of every month the text names with a year and no day ("in October 2020", "en mars 2019")."""
    text = text.translate(WESTERN_DIGITS)
    found = []
    for m in _MONTH_YEAR.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if re.search(r"\d\s*$", before):
            continue  # "3 October 2020": a full date, read elsewhere
        word, year = m.group("m"), int(m.group("y"))
        month = month_number(word, language)
        if month is not None:
            found.append((year, month))
    return found


def latest_on_or_before(month: int, day: int, ref: date) -> date:
    """The latest `month`-`day` not after `ref` (29 February looks back to a leap year)."""
    for year in range(ref.year, ref.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= ref:
            return candidate
    return date(ref.year, month, min(day, 28))


EVENT_MONTHS = 12  # a release follows the events it dates to a month ("in October 2020") within this many months


def infer_year(month: int, day: int, text_years: list[int], modified: date, today: date,
               events: list[tuple[int, int]] = ()) -> tuple[int, str]:
    """Choose the year of a date given without one; return it with a warning for the press officer.

    Rule: let R be the earlier of the file's modification day and today, and Y_m the year of the latest such
    day not after R (the release was dropped soon after it was published).

    1. When the text dates events to a month ("concluded in September-October 2020", `month_years`) and names no
       year from Y_m on, the release follows its latest such event within EVENT_MONTHS: a year earlier than
       Y_m that puts it there wins (the seed, read from a file saved a year or five later).
    2. Else let Y_t be the latest year the text mentions on its own (see `years_in_text`) that does not put the
       date after R. If the text mentions no such year, or Y_t >= Y_m - 1 (the text agrees with a recent drop:
       it talks of this year or of last year), Y_m wins. Otherwise the file was evidently copied long after
       publication (an old release with a fresh mtime) and Y_t wins.
    """
    ref = min(modified, today)
    y_m = latest_on_or_before(month, day, ref).year
    past = [(y, m) for y, m in events if (y, m) <= (ref.year, ref.month)]
    if past and not any(y >= y_m for y in text_years):
        y_e, m_e = max(past)
        for y in (y_e, y_e + 1):
            try:
                fits = date(y, month, day) <= ref
            except ValueError:
                continue
            if fits and y < y_m and 0 <= (y - y_e) * 12 + month - m_e < EVENT_MONTHS:
                return y, (f"The year {y} was inferred from the text, which dates events to {m_e:02d}.{y_e} "
                           "(the date has no year).")
    candidates = []
    for y in set(text_years):
        try:
            if date(y, month, day) <= ref:
                candidates.append(y)
        except ValueError:
            continue
    if candidates and max(candidates) < y_m - 1:
        y_t = max(candidates)
        return y_t, f"The year {y_t} was inferred from the text (the date has no year)."
    return y_m, f"The year {y_m} was inferred from the file's modification time (the date has no year)."
