"""A thin WSGI layer that answers feed requests straight from memory; everything else goes to Flask."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl

from feedsvc import routes
from feedsvc.metrics import FAST, FEED_200, FEED_304
from feedsvc.metrics import count as count_request
from feedsvc.search import QueryError, normalise, parse
from feedsvc.web.documents import BUSY, DocumentCache
from feedsvc.web.responses import ServedDocument

LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")  # BCP 47 as releases use it: at most 35 chars
ALLOWED = "GET, HEAD, OPTIONS"
OK = "200 OK"
NOT_MODIFIED = "304 Not Modified"
_EMPTY: list[bytes] = [b""]
_ACCEPT_MEMO_SIZE = 256  # distinct Accept-Encoding values remembered per worker (clients send only a few)


class FeedResponder:
    """Serves /feed.atom, /feed.rss and /feed.json (every variant) with ETag, Last-Modified, gzip and HEAD.

    The common request (a GET of a front document, maybe conditional, maybe gzip) is a few dict lookups and a
    string compare: headers and bodies are prepared once per store change by DocumentCache.
    """

    def __init__(self, app: Callable, documents: DocumentCache):
        self.app = app
        self.documents = documents

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path not in routes.PATH_FORMATS:
            if path.startswith("/topics/") and topic_route(path) is not None:
                return self.slow(path, environ.get("QUERY_STRING") or "", environ, start_response)
            return self.app(environ, start_response)
        query = environ.get("QUERY_STRING")
        document = self.documents.front().get(path + "?" + query if query else path)
        if document is not None and environ.get("REQUEST_METHOD") == "GET":
            return respond(document, environ, start_response, False)
        return self.slow(path, query or "", environ, start_response)

    def slow(self, path: str, query: str, environ: dict, start_response: Callable) -> Iterable[bytes]:
        """Other methods, HEAD, non-canonical queries, archive pages and errors."""
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            count_request("feed", 204 if method == "OPTIONS" else 405)
            if method == "OPTIONS":
                start_response("204 No Content", [("Allow", ALLOWED), ("Access-Control-Allow-Origin", "*"),
                                                  ("Access-Control-Allow-Methods", ALLOWED)])
                return [b""]
            start_response("405 Method Not Allowed", [("Allow", ALLOWED), ("Content-Length", "0")])
            return [b""]
        key = f"{path}?{query}" if query else path
        document = self.documents.get(key)
        if document is None:
            fmt, topic = routes.PATH_FORMATS.get(path), None
            if fmt is None:
                fmt, topic = topic_route(path)
            try:
                variant = parse_variant(fmt, query, topic)
            except QueryError as e:
                return _plain(start_response, "400 Bad Request", f"{e}\n".encode())
            if variant is None:
                return _plain(start_response, "400 Bad Request",
                              b"Unknown feed parameters: use lang=<language>, q=<words> and page=<number>.\n")
            if variant.language is not None and variant.language not in self.documents.languages():
                # never rendered, cached or echoed: only languages with published releases have feeds
                return _plain(start_response, "404 Not Found", b"No releases in that language.\n")
            if variant.query != query:
                location = self.documents.settings.base_url + variant.key
                count_request("feed", 301)
                start_response("301 Moved Permanently", [("Location", location), ("Content-Length", "0")])
                return [b""]
            document = self.documents.get_or_render(variant)
            if document is BUSY:
                return busy(start_response)
            if document is None:
                message = b"No such topic.\n" if topic and variant.page == 1 else b"No such feed page.\n"
                return _plain(start_response, "404 Not Found", message)
        return respond(document, environ, start_response, head=method == "HEAD")


def respond(document: ServedDocument, environ: dict, start_response: Callable, head: bool) -> Iterable[bytes]:
    encoding = environ.get("HTTP_ACCEPT_ENCODING")
    gzip = bool(encoding) and accepts_gzip(encoding)
    if "HTTP_IF_NONE_MATCH" in environ or "HTTP_IF_MODIFIED_SINCE" in environ:
        if not_modified(document.gzip_etag if gzip else document.etag, document, environ):
            FAST[FEED_304] += 1  # a list increment: the whole cost of metrics here (bench/bench_metrics.py)
            start_response(NOT_MODIFIED, document.gzip_not_modified_headers if gzip else document.not_modified_headers)
            return _EMPTY
    FAST[FEED_200] += 1
    if gzip:
        start_response(OK, document.gzip_headers)
        return _EMPTY if head else document.gzip_iter
    start_response(OK, document.headers)
    return _EMPTY if head else document.body_iter


def not_modified(etag: str, document: ServedDocument, environ: dict) -> bool:
    """RFC 9110: If-None-Match (against `etag`, the chosen representation's) decides when present; otherwise
    If-Modified-Since at one-second resolution."""
    inm = environ.get("HTTP_IF_NONE_MATCH")
    if inm is not None:
        if inm == etag:
            return True
        tags = [t.strip() for t in inm.split(",")]
        return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)
    ims = environ.get("HTTP_IF_MODIFIED_SINCE")
    if not ims:
        return False
    if ims == document.last_modified_http:
        return True
    try:
        since = parsedate_to_datetime(ims)
        if since.tzinfo is None:
            return False
        return document.last_modified_ts <= since.timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):  # a nonsense date is no condition at all
        return False


def parse_variant(fmt: str, query: str, topic: str | None = None) -> routes.Variant | None:
    """lang, q and page from the query string; None when anything else is there or a value is malformed. A search
    that cannot be run raises QueryError (a 400 with its reason); an empty one is no search."""
    language, page, search = None, 1, None
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "lang" and LANGUAGE_TAG.match(value):
            language = value.lower()
        elif name == "page" and value.isascii() and value.isdigit() and 0 < int(value) < 10**6:
            page = int(value)
        elif name == "q" and search is None:
            search = normalise(value) or None
            if search is not None:
                parse(search)
        else:
            return None
    return routes.Variant(fmt, language, page, search, topic)


_TOPIC_FEED = re.compile(r"^/topics/([^/]{1,200})(/feed\.(?:atom|rss|json))$")


def topic_route(path: str) -> tuple[str, str] | None:
    """(format, topic slug) of a topic feed path (/topics/<slug>/feed.atom), or None."""
    match = _TOPIC_FEED.match(path)
    if match is None:
        return None
    try:
        slug = match.group(1).encode("latin-1").decode("utf-8")  # WSGI hands the decoded path as Latin-1
    except UnicodeError:
        return None
    return routes.PATH_FORMATS[match.group(2)], slug


_accept_memo: dict[str, bool] = {}


def accepts_gzip(header: str) -> bool:
    """True when Accept-Encoding allows gzip (q > 0); answers are remembered per distinct header value."""
    answer = _accept_memo.get(header)
    if answer is None:
        answer = _accepts_gzip(header)
        if len(_accept_memo) >= _ACCEPT_MEMO_SIZE:
            _accept_memo.clear()
        _accept_memo[header] = answer
    return answer


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


def busy(start_response: Callable) -> Iterable[bytes]:
    """Archive pages are being rendered as fast as this worker can: come back in a second (the front feeds stay
    quick meanwhile)."""
    body = b"Older feed pages are being prepared for other readers; try again in a second.\n"
    count_request("feed", 503)
    start_response("503 Service Unavailable", [("Content-Type", "text/plain; charset=utf-8"), ("Retry-After", "1"),
                                               ("Content-Length", str(len(body)))])
    return [body]


def _plain(start_response: Callable, status: str, body: bytes) -> Iterable[bytes]:
    """An error, never kept by a cache (its URL may hold anything a client made up)."""
    count_request("feed", status[:3])
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))),
                            ("Cache-Control", "no-store")])
    return [body]
