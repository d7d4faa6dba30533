"""HTML pages for people: the index of releases and one page per release."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, redirect, render_template, request

from feedsvc import feeds
from feedsvc.search import QueryError, match_expression, normalise, parse
from feedsvc.words import base_language

bp = Blueprint("pages", __name__)


def _context():
    return current_app.config["FEEDSVC"], current_app.extensions["feedsvc.store"], datetime.now(UTC)


def feed_links(settings, languages: list[str]) -> list[dict]:
    """Autodiscovery links for every feed variant (all releases and each language)."""
    links = []
    for language in [None, *languages]:
        for fmt, (_, content_type) in feeds.FORMATS.items():
            variant = feeds.Variant(fmt, language)
            label = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}[fmt]
            links.append({
                "href": settings.base_url + variant.key,
                "type": content_type.split(";")[0],
                "title": f"{settings.feed_title} ({label}{', ' + language if language else ''})",
                "label": label,
                "language": language,
            })
    return links


def search_feed_links(settings, search: str, language: str | None) -> list[dict]:
    """Autodiscovery links for the feeds of one search."""
    links = []
    for fmt, (_, content_type) in feeds.FORMATS.items():
        variant = feeds.Variant(fmt, language, search=search)
        label = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}[fmt]
        links.append({"href": settings.base_url + variant.key, "type": content_type.split(";")[0],
                      "title": f"{settings.feed_title}: {search} ({label})", "label": label, "language": language})
    return links


@bp.get("/")
def index():
    settings, store, now = _context()
    language = request.args.get("lang") or None
    if language is not None and language not in store.languages(now):
        abort(404)
    try:
        page = int(request.args.get("page", "1"))
    except ValueError:
        abort(404)
    search = normalise(request.args.get("q", "")) or None
    if search is not None:
        return _search(settings, store, now, search, language, page)
    total = store.count_entries(now, language=language)
    last_page = max(1, -(-total // settings.feed_size))
    if not 1 <= page <= last_page:
        abort(404)
    entries = store.entries(now, language=language, limit=settings.feed_size,
                            offset=(page - 1) * settings.feed_size)
    languages = store.languages(now)
    return render_template(
        "index.html", settings=settings, entries=entries, page=page, last_page=last_page,
        language=language, languages=languages, feed_links=feed_links(settings, languages),
        page_lang=language or (entries[0].language if entries and len(languages) == 1 else "en"),
    )


def _search(settings, store, now, search: str, language: str | None, page: int):
    """The index page of a search: the newest matching releases, page by page, with the search's feeds."""
    languages = store.languages(now)
    try:
        query = parse(search)
    except QueryError as e:
        return render_template("index.html", settings=settings, entries=[], page=1, last_page=1, more=False,
                               language=language, languages=languages, search=search, error=str(e),
                               feed_links=feed_links(settings, languages), page_lang="en"), 400
    if not 1 <= page <= feeds.MAX_PAGE:
        abort(404)
    size = settings.feed_size
    wanted = {base_language(language)} if language else {base_language(lang) for lang in store.index_languages()}
    window = store.search_window(now, match_expression(query, wanted), language=language, limit=page * size + 1)
    entries = store.entries_by_id([entry_id for entry_id, _ in window[(page - 1) * size:page * size]])
    if page > 1 and not entries:
        abort(404)
    return render_template(
        "index.html", settings=settings, entries=entries, page=page, last_page=None, more=len(window) > page * size,
        language=language, languages=languages, search=search,
        feed_links=search_feed_links(settings, search, language), page_lang="en")


@bp.get("/releases/<slug>")
def release(slug: str):
    settings, store, now = _context()
    entry = store.entry_by_slug(slug)
    if entry is None:
        # a renamed or moved file's new name: its entry kept its permanent link, which this leads to
        alias = store.entry_by_alias(slug)
        if alias is not None and alias.available <= min(now, alias.withdrawn or now):
            return redirect(feeds.entry_link(settings, alias), 301)
    never_public = entry is not None and entry.available > min(now, entry.withdrawn or now)
    if entry is None or never_public:
        abort(404)  # an embargoed release does not exist yet (or ever, if withdrawn in time), as far as anyone knows
    if entry.withdrawn is not None:
        return render_template("gone.html", settings=settings, entry=entry), 410
    languages = store.languages(now)
    return render_template("release.html", settings=settings, entry=entry, page_lang=entry.language,
                           feed_links=feed_links(settings, languages),
                           topics=store.topics_for([entry.id]).get(entry.id, []),
                           translations=store.translations_of(now, [entry.id]).get(entry.id, []))


@bp.app_template_filter("local")
def local_time(moment: datetime, fmt: str) -> str:
    """A stored UTC time shown in the deployment's time zone (in UTC at the ends of the calendar, where the
    zone's offset would overflow it)."""
    try:
        return moment.astimezone(current_app.config["FEEDSVC"].zone).strftime(fmt)
    except OverflowError:
        return moment.astimezone(UTC).strftime(fmt)


@bp.app_template_filter("release_date")
def release_date(entry) -> str:
    """The release's calendar day: a date-only release's own day (its UTC day, see Release.has_time), or the day
    of its time in the deployment's zone."""
    if entry.has_time:
        return local_time(entry.published, "%-d %B %Y")
    return entry.published.astimezone(UTC).strftime("%-d %B %Y")


@bp.app_template_filter("release_datetime")
def release_datetime(entry) -> str:
    """The <time datetime> value: the moment, or the date alone for a release that gives no time."""
    if entry.has_time:
        return entry.published.isoformat()
    return entry.published.astimezone(UTC).date().isoformat()


@bp.app_template_filter("language_name")
def language_name(tag: str) -> str:
    """A language's name in that language: "ru" → "Русский"."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(tag.replace("-", "_")).get_display_name(tag.replace("-", "_")) or tag
    except (UnknownLocaleError, ValueError):
        return tag
    return name[:1].upper() + name[1:]


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
