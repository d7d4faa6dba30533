"""A thin WSGI layer that answers feed requests straight from memory; everything else goes to Flask."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl

from feedsvc import feeds
from feedsvc.web.documents import DocumentCache, ServedDocument

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
ALLOWED = "GET, HEAD, OPTIONS"


class FeedResponder:
    """Serves /feed.atom, /feed.rss and /feed.json (every variant) with ETag, Last-Modified, gzip and HEAD."""

    def __init__(self, app: Callable, documents: DocumentCache):
        self.app = app
        self.documents = documents

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        fmt = feeds.PATH_FORMATS.get(path)
        if fmt is None:
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            if method == "OPTIONS":
                start_response("204 No Content", [("Allow", ALLOWED), ("Access-Control-Allow-Origin", "*"),
                                                  ("Access-Control-Allow-Methods", ALLOWED)])
                return [b""]
            start_response("405 Method Not Allowed", [("Allow", ALLOWED), ("Content-Length", "0")])
            return [b""]
        query = environ.get("QUERY_STRING", "")
        document = self.documents.get(f"{path}?{query}" if query else path)
        if document is None:
            variant = parse_variant(fmt, query)
            if variant is None:
                return _plain(start_response, "400 Bad Request",
                              b"Unknown feed parameters: use lang=<language> and page=<number>.\n")
            if variant.key != (f"{path}?{query}" if query else path):
                location = self.documents.settings.base_url + variant.key
                start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
                return [b""]
            document = self.documents.get_or_render(variant)
            if document is None:
                return _plain(start_response, "404 Not Found", b"No such feed page.\n")
        return respond(document, environ, start_response, head=method == "HEAD")


def respond(document: ServedDocument, environ: dict, start_response: Callable, head: bool) -> Iterable[bytes]:
    if not_modified(document, environ):
        start_response("304 Not Modified", document.not_modified_headers)
        return [b""]
    if "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "") and _accepts_gzip(environ["HTTP_ACCEPT_ENCODING"]):
        start_response("200 OK", document.gzip_headers)
        return [b""] if head else [document.gzip_body]
    start_response("200 OK", document.headers)
    return [b""] if head else [document.body]


def not_modified(document: ServedDocument, environ: dict) -> bool:
    """RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since at one-second resolution."""
    inm = environ.get("HTTP_IF_NONE_MATCH")
    if inm is not None:
        if inm == document.etag:
            return True
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or any(t.removeprefix("W/") == document.etag for t in tags)
    ims = environ.get("HTTP_IF_MODIFIED_SINCE")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            return False
        return document.last_modified.timestamp() <= since.timestamp()
    return False


def parse_variant(fmt: str, query: str) -> feeds.Variant | None:
    """lang and page from the query string; None when anything else is there or a value is malformed."""
    language, page = None, 1
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "lang" and LANGUAGE_TAG.match(value):
            language = value.lower()
        elif name == "page" and value.isascii() and value.isdigit() and 0 < int(value) < 10**6:
            page = int(value)
        else:
            return None
    return feeds.Variant(fmt, language, page)


def _accepts_gzip(header: str) -> bool:
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip().lower() in ("gzip", "x-gzip"):
            q = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
            try:
                return float(q) > 0
            except ValueError:
                return True
    return False


def _plain(start_response: Callable, status: str, body: bytes) -> Iterable[bytes]:
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]
