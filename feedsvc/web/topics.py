"""HTML pages for topics: the list of what the releases are about, with counts, and one page per topic."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, request

from feedsvc import routes
from feedsvc.web.pages import FORMAT_LABELS, FeedGroup, feed_groups, page, site_speaker

bp = Blueprint("topics", __name__)

KINDS = (("country", "Countries and territories"), ("organisation", "International organisations"),
         ("person", "People"), ("tag", "Tags"))
KIND_LABELS = {"country": "Country or territory", "organisation": "International organisation", "person": "Person",
               "tag": "Tag"}
_counts_lock = threading.Lock()


def _context():
    return (current_app.config["FEEDSVC"], current_app.extensions["feedsvc.store"],
            current_app.extensions["feedsvc.documents"], datetime.now(UTC))


def topic_feed_group(settings, topic, language: str | None = None) -> FeedGroup:
    """One topic's feeds (all its releases, or those in one language), for autodiscovery and the footer."""
    group = FeedGroup(language, f"{settings.feed_title}: {topic.name}")
    for fmt, (_, content_type) in routes.FORMATS.items():
        label = FORMAT_LABELS[fmt]
        group.links.append({"href": settings.base_url + routes.Variant(fmt, language, topic=topic.slug).key,
                            "type": content_type.split(";")[0], "title": f"{group.name} ({label})", "label": label})
    return group


def _counts(store, documents, now):
    """Every topic with its number of published releases, computed once per generation of the store."""
    memo = current_app.extensions.setdefault("feedsvc.topic_counts", {})
    generation = documents.generation()
    with _counts_lock:
        if memo.get("generation") != generation:
            memo["rows"] = store.topic_counts(now)
            memo["generation"] = generation
        return memo["rows"]


@bp.get("/topics/")
def topics():
    settings, store, documents, now = _context()
    rows = _counts(store, documents, now)
    groups = [(kind, label, [r for r in rows if r[0].kind == kind]) for kind, label in KINDS]
    speaker = site_speaker(settings)  # the topic pages are in English for now: names and labels alike
    return page("topics.html", speaker, groups=groups, feeds=feed_groups(settings, speaker, [], {None}))


@bp.get("/topics/<slug>")
def topic(slug: str):
    settings, store, _, now = _context()
    found = store.topic_by_slug(slug)
    if found is None:
        abort(404)
    language = request.args.get("lang") or None
    try:
        page_number = int(request.args.get("page", "1"))
    except ValueError:
        abort(404)
    if not 1 <= page_number <= routes.MAX_PAGE:
        abort(404)
    size = settings.feed_size
    start, _ = routes.page_bounds(page_number, size)
    entries = store.topic_entries(now, found.id, language=language, limit=size + 1, offset=start)
    more = len(entries) > size
    if page_number > 1 and not entries:
        abort(404)
    return page("topic.html", site_speaker(settings), topic=found, kind_label=KIND_LABELS[found.kind],
                entries=entries[:size], page=page_number, more=more, language=language,
                feeds=[topic_feed_group(settings, found, language)])
