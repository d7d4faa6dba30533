"""The only module that imports Babel: page labels from the message catalogue, dates, sizes and language names in
the language a page speaks.

The catalogue is `feedsvc/locales/<language>/LC_MESSAGES/messages.po`, one file per language, read once per
process (no compiled .mo files to keep in step). A language without a catalogue gets English labels; its dates and
names are English too, so a page never mixes two languages in its frame.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from babel.units import format_unit
from markupsafe import Markup, escape

TRANSLATIONS = Path(__file__).parent / "locales"
DEFAULT_LANGUAGE = "en"


def N_(message: str) -> str:
    """Marks a message for the catalogue where it is defined, not where it is translated."""
    return message


DEFAULT_FEED_TITLE = N_("Press releases")  # the settings' default: translated; a title the office chose is kept
# CLDR's plain "en" is American ("December 3, 2020"); GOV.UK, the model for these pages, writes "3 December 2020".
DATE_LOCALES = {"en": "en_GB"}


def catalogue_languages() -> list[str]:
    """Languages with a message catalogue (besides English, whose labels are the messages themselves)."""
    return sorted(p.name for p in TRANSLATIONS.iterdir() if (p / "LC_MESSAGES" / "messages.po").is_file())


@functools.cache
def _translations(language: str) -> NullTranslations:
    po = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    if not po.is_file():
        return NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def base_language(tag: str | None) -> str:
    """`pt-BR` -> `pt`; None or "" -> the default."""
    return (tag or DEFAULT_LANGUAGE).replace("_", "-").split("-")[0].lower() or DEFAULT_LANGUAGE


@functools.cache
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(DATE_LOCALES.get(language, language))
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DATE_LOCALES[DEFAULT_LANGUAGE])


@dataclass(frozen=True)
class Speaker:
    """Everything a page needs to speak one language: labels, dates, sizes, names and writing direction.

    `language` is the language the labels are in: the requested one when it has a catalogue, else English.
    """

    language: str
    locale: Locale
    translations: NullTranslations

    @property
    def direction(self) -> str:
        return "rtl" if self.locale.text_direction == "rtl" else "ltr"

    def gettext(self, message: str, **values) -> Markup:
        """The message in this language, with `%(name)s` values filled in; safe HTML (values are escaped unless
        they are Markup already, so a <time> element can be passed in)."""
        text = Markup(escape(self.translations.gettext(message)))
        return text % values if values else text

    def text(self, message: str, **values) -> str:
        """The message in this language as plain text (for feeds, which escape for themselves)."""
        text = self.translations.gettext(message)
        return text % values if values else text

    def date(self, day: date) -> str:
        """`3 December 2020`, `3 декабря 2020 г.`: CLDR's long date."""
        return format_date(day, "long", locale=self.locale)

    def time(self, moment: datetime, zone: tzinfo) -> str:
        """`14:00 MSK`: the time of day in `zone`, with the zone's abbreviation."""
        local = moment.astimezone(zone)
        return f"{format_time(local, 'short', locale=self.locale)} {local.strftime('%Z')}".strip()

    def moment(self, moment: datetime, zone: tzinfo) -> str:
        """`14 March 2021, 16:05 MSK`: the day and time of day in `zone`, joined as CLDR joins them."""
        local = moment.astimezone(zone)
        pattern = self.locale.datetime_formats["medium"]
        pattern = getattr(pattern, "pattern", pattern).replace("'", "")
        return pattern.replace("{1}", self.date(local.date())).replace("{0}", self.time(local, zone))

    def size(self, size: int) -> str:
        """`120 kB`, `1.2 MB` (decimal units, as file managers show them)."""
        if size < 1000:
            return format_unit(size, "digital-byte", length="long", locale=self.locale)
        if size < 1_000_000:
            return format_unit(round(size / 1000), "digital-kilobyte", length="short", locale=self.locale)
        return format_unit(round(size / 1_000_000, 1), "digital-megabyte", length="short", locale=self.locale)

    def language_name(self, tag: str) -> str:
        """A language's name as this page's readers call it (`русский` on a Russian page, `Russian` on English)."""
        try:
            name = Locale.parse(tag.replace("-", "_")).get_display_name(self.locale)
        except (UnknownLocaleError, ValueError):
            return tag
        return name or tag

    def own_name(self, tag: str) -> str:
        """A language's name in that language (`русский`), as a language switcher shows it."""
        try:
            name = Locale.parse(tag.replace("-", "_")).get_display_name(tag.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            return tag
        return name or tag

    def feed_title(self, title: str) -> str:
        """The site's feed title: the default one in this language, one the office chose as it is."""
        return self.text(DEFAULT_FEED_TITLE) if title == DEFAULT_FEED_TITLE else title


@functools.cache
def speaker(tag: str | None) -> Speaker:
    """The Speaker for a language tag (`ru`, `pt-BR`, None for the default)."""
    language = base_language(tag)
    has_catalogue = language == DEFAULT_LANGUAGE or (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").is_file()
    label_language = language if has_catalogue else DEFAULT_LANGUAGE
    return Speaker(label_language, _locale(label_language), _translations(label_language))


def utc_day(moment: datetime) -> date:
    """The calendar day of a date-only release (stamped 12:00 UTC: its UTC day is its own day)."""
    return moment.astimezone(UTC).date()
