"""HTML pages for people: the index of releases, one page per release, and the site's own 404 and 410 pages."""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from markupsafe import Markup

from feedsvc import i18n, originals, routes
from feedsvc.search import QueryError, match_expression, normalise, parse
from feedsvc.words import base_language

bp = Blueprint("pages", __name__)

FORMAT_LABELS = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
_FIRST_PARAGRAPH = re.compile(r"\A\s*<p>(.*?)</p>\s*", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
LEAD_MATCH = 40  # characters of the summary that must open the first paragraph for it to be the lead


def _context():
    return current_app.config["FEEDSVC"], current_app.extensions["feedsvc.store"], datetime.now(UTC)


@dataclass
class FeedGroup:
    """The three feeds (Atom, RSS, JSON Feed) of all releases or of one language, named in the page's language."""

    language: str | None
    name: str
    links: list[dict] = field(default_factory=list)
    shown: bool = True  # listed in the footer (every group is in the head, for autodiscovery)


def feed_groups(settings, speaker: i18n.Speaker, languages: list[str], shown: set[str | None] | None = None,
                ) -> list[FeedGroup]:
    """Autodiscovery links and footer lists for every feed variant (all releases and each language)."""
    return _feed_groups(settings, speaker.language, tuple(languages), None if shown is None else frozenset(shown))


@functools.lru_cache(maxsize=256)
def _feed_groups(settings, language: str, languages: tuple[str, ...], shown: frozenset | None) -> list[FeedGroup]:
    """The same few lists for every page of a language (templates only read them)."""
    speaker = i18n.speaker(language)
    title = speaker.feed_title(settings.feed_title)
    groups = []
    for language in [None, *languages]:
        name = title if language is None else f"{title} – {speaker.language_name(language)}"
        group = FeedGroup(language, name, shown=shown is None or language in shown)
        for fmt, (_, content_type) in routes.FORMATS.items():
            label = FORMAT_LABELS[fmt]
            group.links.append({
                "href": settings.base_url + routes.Variant(fmt, language).key,
                "type": content_type.split(";")[0],
                "title": f"{name} ({label})",
                "label": label,
            })
        groups.append(group)
    return groups


def page(template: str, speaker: i18n.Speaker, status: int = 200, **context):
    """Render a page in `speaker`'s language: `_` in the templates is its catalogue."""
    settings = current_app.config["FEEDSVC"]
    return render_template(template, settings=settings, speaker=speaker, _=speaker.gettext, **context), status


def site_speaker(settings) -> i18n.Speaker:
    return i18n.speaker(settings.site_language)


def search_feed_group(settings, speaker: i18n.Speaker, search: str, language: str | None) -> FeedGroup:
    """The feeds of one search (for autodiscovery on its page, and its page's footer)."""
    name = f"{speaker.feed_title(settings.feed_title)}: {search}"
    group = FeedGroup(language, name)
    for fmt, (_, content_type) in routes.FORMATS.items():
        label = FORMAT_LABELS[fmt]
        group.links.append({"href": settings.base_url + routes.Variant(fmt, language, search=search).key,
                            "type": content_type.split(";")[0], "title": f"{name} ({label})", "label": label})
    return group


@bp.get("/")
def index():
    settings, store, now = _context()
    language = request.args.get("lang") or None
    languages = store.languages(now)
    if language is not None and language not in languages:
        abort(404)
    try:
        page_number = int(request.args.get("page", "1"))
    except ValueError:
        abort(404)
    search = normalise(request.args.get("q", "")) or None
    if search is not None:
        return _search(settings, store, now, search, language, page_number)
    last_page = routes.last_page(store.count_entries(now, language=language), settings.feed_size)
    if not 1 <= page_number <= last_page:
        abort(404)
    start, _ = routes.page_bounds(page_number, settings.feed_size)
    entries = store.entries(now, language=language, limit=settings.feed_size, offset=start)
    return index_page(settings, entries, page_number, last_page, language, languages)


def index_page(settings, entries, page_number: int, last_page: int, language: str | None, languages: list[str]):
    """One page of the list of releases (for `/` and for `feedsvc export`)."""
    # A language's index speaks that language; the whole list speaks the site's, or the one language of all
    speaker = i18n.speaker(language or (languages[0] if len(languages) == 1 else settings.site_language))
    title = speaker.feed_title(settings.feed_title)
    heading = f"{title} – {speaker.language_name(language)}" if language else title
    return page("index.html", speaker, entries=entries, page=page_number, last_page=last_page, language=language,
                languages=languages, heading=heading,
                feeds=feed_groups(settings, speaker, languages, None if language is None else {None, language}))


def _search(settings, store, now, search: str, language: str | None, page_number: int):
    """The index page of a search: the newest matching releases, page by page, with the search's feeds."""
    languages = store.languages(now)
    speaker = i18n.speaker(language or settings.site_language)
    heading = speaker.feed_title(settings.feed_title)
    groups = [search_feed_group(settings, speaker, search, language)]
    try:
        query = parse(search)
    except QueryError as e:
        return page("index.html", speaker, 400, entries=[], page=1, last_page=1, more=False, language=language,
                    languages=languages, heading=heading, search=search, error=str(e), feeds=groups)
    if not 1 <= page_number <= routes.MAX_PAGE:
        abort(404)
    start, end = routes.page_bounds(page_number, settings.feed_size)
    wanted = {base_language(language)} if language else {base_language(lang) for lang in store.index_languages()}
    window = store.search_window(now, match_expression(query, wanted), language=language, limit=end + 1)
    entries = store.entries_by_id([entry_id for entry_id, _ in window[start:end]])
    if page_number > 1 and not entries:
        abort(404)
    return page("index.html", speaker, entries=entries, page=page_number, last_page=None, more=len(window) > end,
                language=language, languages=languages, heading=heading, search=search, feeds=groups)


@bp.get("/releases/<slug>")
def release(slug: str):
    settings, store, now = _context()
    entry = store.entry_by_slug(slug)
    if entry is None:
        # a renamed or moved file's new name: its entry kept its permanent link, which this leads to
        alias = store.entry_by_alias(slug)
        if alias is not None and alias.available <= min(now, alias.withdrawn or now):
            return redirect(routes.entry_link(settings, alias), 301)
    never_public = entry is not None and entry.available > min(now, entry.withdrawn or now)
    if entry is None or never_public:
        abort(404)  # an embargoed release does not exist yet (or ever, if withdrawn in time), as far as anyone knows
    return release_page(settings, entry, store.languages(now), original_of(store, entry),
                        **release_extras(store, now, entry))


def release_extras(store, now: datetime, entry) -> dict:
    """What a release's page shows beside it: its topics and its translations (for the page and the export)."""
    return {"topics": tuple(store.topics_for([entry.id]).get(entry.id, ())),
            "translations": tuple(store.translations_of(now, [entry.id]).get(entry.id, ()))}


def original_of(store, entry, speaker: i18n.Speaker | None = None) -> dict | None:
    """The link to a release's original file, when it was read from a Word or PDF file (see originals.py)."""
    info = store.originals_info([entry.id]).get(entry.id)
    if info is None:
        return None
    speaker = speaker or i18n.speaker(entry.language)
    return {"href": originals.path(entry.slug, info), "type": info.content_type, "format": info.label,
            "size": speaker.size(info.size), "filename": originals.filename(entry.slug, info)}


def release_page(settings, entry, languages: list[str], original: dict | None, topics: tuple = (),
                 translations: tuple = ()):
    """A release's page, or its 410 page once withdrawn (for /releases/<slug> and for `feedsvc export`)."""
    speaker = i18n.speaker(entry.language)
    groups = feed_groups(settings, speaker, languages, {None, entry.language})
    if entry.withdrawn is not None:
        return gone_page(settings, entry, languages)
    lead, body_html = split_lead(entry.body_html, entry.summary)
    revised = None
    if entry.updated > entry.available:
        day = entry.updated.astimezone(settings.zone).date()
        revised = time_element(entry.updated.isoformat(), speaker.date(day))
    return page("release.html", speaker, entry=entry, feeds=groups, lead=lead, body_html=body_html,
                published=published_element(entry, speaker), revised=revised,
                dir=direction_of(entry.language), original=original, topics=topics_links(topics),
                translations=translations, also_in=translation_links(translations, speaker))


def gone_page(settings, entry, languages: list[str]):
    """The 410 page of a withdrawn release: what it was and when the press office withdrew it."""
    speaker = i18n.speaker(entry.language)
    day = entry.withdrawn.astimezone(settings.zone).date()
    return page("gone.html", speaker, 410, entry=entry,
                feeds=feed_groups(settings, speaker, languages, {None, entry.language}),
                title=Markup('<span lang="{}">{}</span>').format(entry.language, entry.title),
                withdrawn=time_element(day.isoformat(), speaker.date(day)),
                published=published_element(entry, speaker))


def topics_links(topics) -> Markup | None:
    """A release's topics as links to their pages (each name in the language the topic is known by)."""
    if not topics:
        return None
    return Markup(" · ").join(Markup('<a href="{}">{}</a>').format(url_for("topics.topic", slug=t.slug), t.name)
                              for t in topics)


def translation_links(translations, speaker: i18n.Speaker) -> Markup | None:
    """Links to a release's translations, each language named in itself ("Русский")."""
    if not translations:
        return None
    return Markup(" · ").join(
        Markup('<a href="{}" hreflang="{}" lang="{}">{}</a>').format(
            url_for("pages.release", slug=t.slug), t.language, t.language, _capitalised(speaker.own_name(t.language)))
        for t in translations)


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def direction_of(language: str) -> str:
    """rtl for the languages written right to left, whether or not the labels speak them."""
    return "rtl" if i18n.base_language(language) in ("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv") else "ltr"


def time_element(value: str, text: str) -> Markup:
    return Markup('<time datetime="{}">{}</time>').format(value, text)


def published_element(entry, speaker: i18n.Speaker) -> Markup:
    """The release's date, with its time of day only when the release gave one."""
    return time_element(release_datetime(entry), release_date(entry, speaker, with_time=entry.has_time))


def split_lead(body_html: str, summary: str) -> tuple[str | None, Markup]:
    """(the lead, the rest of the body): the first paragraph is the lead when the summary opens it; else the
    summary is shown as the lead above the whole body."""
    match = _FIRST_PARAGRAPH.match(body_html)
    if match:
        text = html.unescape(_TAG.sub("", match.group(1))).strip()
        opening = summary[:LEAD_MATCH].rstrip(" …")
        if opening and text.startswith(opening):
            return text, Markup(body_html[match.end():])
    return (summary or None), Markup(body_html)


@bp.app_errorhandler(404)
def not_found(error):
    """The site's own 404 page, with the feeds, in the site's language (a feed URL's 404 stays plain text)."""
    settings, store, now = _context()
    return not_found_page(settings, store.languages(now))


def not_found_page(settings, languages: list[str]):
    speaker = site_speaker(settings)
    return page("not_found.html", speaker, 404, feeds=feed_groups(settings, speaker, languages, {None}))


def release_date(entry, speaker: i18n.Speaker, with_time: bool = False) -> str:
    """The release's calendar day in the page's language: a date-only release's own day (its UTC day, see
    Release.has_time), or the day of its time in the deployment's zone, with the time when asked."""
    zone = current_app.config["FEEDSVC"].zone
    if not entry.has_time:
        return speaker.date(i18n.utc_day(entry.published))
    try:
        if with_time:
            return speaker.moment(entry.published, zone)
        return speaker.date(entry.published.astimezone(zone).date())
    except OverflowError:  # at the ends of the calendar the zone's offset would overflow it
        return speaker.date(i18n.utc_day(entry.published))


bp.add_app_template_filter(release_date, "release_date")


@bp.app_template_filter("release_datetime")
def release_datetime(entry) -> str:
    """The <time datetime> value: the moment, or the date alone for a release that gives no time."""
    if entry.has_time:
        return entry.published.isoformat()
    return entry.published.astimezone(UTC).date().isoformat()


@bp.after_app_request
def security_headers(response):
    if response.mimetype == "text/html":
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
