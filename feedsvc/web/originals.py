"""/originals/<slug>.<ext>: the Word or PDF file a release was read from, from the store's own copy."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, Response, abort, current_app, request

from feedsvc import originals
from feedsvc.web.pages import gone_page

bp = Blueprint("originals", __name__)


@bp.get("/originals/<name>")
def original(name: str):
    settings = current_app.config["FEEDSVC"]
    store = current_app.extensions["feedsvc.store"]
    slug, dot, extension = name.rpartition(".")
    entry = store.entry_by_slug(slug) if dot else None
    now = datetime.now(UTC)
    if entry is None or entry.available > min(now, entry.withdrawn or now):
        abort(404)
    if entry.withdrawn is not None:
        return gone_page(settings, entry, store.languages(now))  # the original went with its release
    kept = store.original(entry.id)
    if kept is None or kept[0].extension != "." + extension:
        abort(404)
    info, data = kept
    etag = f'"{info.sha256[:32]}"'
    headers = {
        "Content-Type": info.content_type,
        "Content-Disposition": originals.content_disposition(originals.filename(entry.slug, info)),
        "ETag": etag,
        "Cache-Control": f"public, max-age={max(int(settings.scan_interval), 1)}",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    if request.headers.get("If-None-Match") == etag:
        return Response(status=304, headers={k: v for k, v in headers.items() if k in ("ETag", "Cache-Control")})
    return Response(data, headers=headers)  # for HEAD, Werkzeug sends the headers alone
