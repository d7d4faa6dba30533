"""The Flask application: HTML pages and /healthz; feeds are answered by the fast layer in front of it."""

from __future__ import annotations

import logging

from flask import Flask

from feedsvc.settings import Settings, load_settings
from feedsvc.store import Store, recorded_base_url
from feedsvc.web.documents import DocumentCache
from feedsvc.web.fastpath import FeedResponder


def create_app(settings: Settings | None = None) -> Flask:
    """Wire settings, store and blueprints; starts no threads and does no I/O beyond opening the store."""
    settings = settings or load_settings()
    if not settings.base_url_set:
        settings = settings.with_base_url(recorded_base_url(settings.database) or settings.base_url)
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = Flask(__name__)
    app.config["FEEDSVC"] = settings
    app.json.ensure_ascii = False
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    store = Store(settings.database)
    app.extensions["feedsvc.store"] = store
    documents = DocumentCache(settings, store)
    app.extensions["feedsvc.documents"] = documents

    from feedsvc.web import health, pages

    app.register_blueprint(pages.bp)
    app.register_blueprint(health.bp)
    app.wsgi_app = FeedResponder(app.wsgi_app, documents)  # type: ignore[method-assign]
    return app
