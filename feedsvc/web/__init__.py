"""The Flask application: HTML pages and /healthz; feeds are answered by the fast layer in front of it.

Flask is imported by create_app, not here: the scanner packs its feed documents with feedsvc.web.responses and
never loads the web framework."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from feedsvc.lognames import guard_log_lines
from feedsvc.settings import Settings, load_settings
from feedsvc.store import Store, recorded_base_url

if TYPE_CHECKING:
    from flask import Flask


def create_app(settings: Settings | None = None) -> Flask:
    """Wire settings, store and blueprints; starts no threads and does no I/O beyond opening the store."""
    from flask import Flask

    from feedsvc.web.documents import DocumentCache
    from feedsvc.web.fastpath import FeedResponder

    settings = settings or load_settings()
    if not settings.base_url_set:
        settings = settings.with_base_url(recorded_base_url(settings.database) or settings.base_url)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    guard_log_lines()
    app = Flask(__name__)
    # Werkzeug would answer "//releases//x" with a redirect built from the request's Host header; there is no such
    # redirect here (404), and any redirect that does go out is checked against base_url below.
    app.url_map.merge_slashes = False
    app.config["FEEDSVC"] = settings
    app.json.ensure_ascii = False
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    store = Store(settings.database)
    app.extensions["feedsvc.store"] = store
    documents = DocumentCache(settings, store)
    app.extensions["feedsvc.documents"] = documents

    from feedsvc import metrics as counting
    from feedsvc.web import health, metrics, originals, pages, status, topics

    app.register_blueprint(pages.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(topics.bp)
    app.register_blueprint(status.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(originals.bp)
    counting.use_folder(settings.database)
    app.after_request(_redirects_stay_home)
    app.wsgi_app = FeedResponder(app.wsgi_app, documents)  # type: ignore[method-assign]
    return app


def _redirects_stay_home(response):
    """A redirect never takes its host from the request: a Location on another host is rebuilt on base_url."""
    from flask import current_app

    location = response.headers.get("Location")
    if location:
        base = urlsplit(current_app.config["FEEDSVC"].base_url)
        target = urlsplit(location)
        foreign = bool(target.netloc) and (target.scheme, target.netloc) != (base.scheme, base.netloc)
        if foreign or location.startswith("//"):
            query = f"?{target.query}" if target.query else ""
            response.headers["Location"] = base.geturl().rstrip("/") + "/" + target.path.lstrip("/") + query
    return response
