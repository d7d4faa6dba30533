"""The public addresses of feeds and releases, and the arithmetic of feed pages: one table for the feed renderer,
the web workers' routing and the HTML pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

if TYPE_CHECKING:
    from feedsvc.models import Entry
    from feedsvc.settings import Settings

FORMATS = {
    "atom": ("/feed.atom", "application/atom+xml; charset=utf-8"),
    "rss": ("/feed.rss", "application/rss+xml; charset=utf-8"),
    "json": ("/feed.json", "application/feed+json; charset=utf-8"),
}
PATH_FORMATS = {path: fmt for fmt, (path, _) in FORMATS.items()}
MAX_PAGE = 1000  # pages of a search or topic feed: each is found by walking its index from the newest entry


@dataclass(frozen=True)
class Variant:
    """One feed document: a format, an optional language and a page (1 = newest), and for a search or topic feed
    the search (normalised, feedsvc.search) or the topic's slug."""

    fmt: str
    language: str | None = None
    page: int = 1
    search: str | None = None
    topic: str | None = None

    @property
    def filtered(self) -> bool:
        """A search or topic feed: rendered on request, never with every change."""
        return self.search is not None or self.topic is not None

    @property
    def query(self) -> str:
        params = []
        if self.language:
            params.append(("lang", self.language))
        if self.search:
            params.append(("q", self.search))
        if self.page > 1:
            params.append(("page", str(self.page)))
        return urlencode(params)

    @property
    def path(self) -> str:
        feed = FORMATS[self.fmt][0]
        return f"/topics/{quote(self.topic, safe='')}{feed}" if self.topic else feed

    @property
    def key(self) -> str:
        """The canonical path and query this document is served at."""
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def content_type(self) -> str:
        return FORMATS[self.fmt][1]

    def at_page(self, page: int) -> Variant:
        return Variant(self.fmt, self.language, page, self.search, self.topic)


def last_page(total: int, size: int) -> int:
    """The number of pages `total` entries fill at `size` a page; an empty feed still has its first page."""
    return max(1, -(-total // size))


def page_bounds(page: int, size: int) -> tuple[int, int]:
    """(offset of the page's first entry, offset just past its last) among the entries newest first."""
    return (page - 1) * size, page * size


def entry_link(settings: Settings, entry: Entry) -> str:
    """The permanent HTML page of an entry."""
    return f"{settings.base_url}/releases/{quote(entry.slug)}"


def paging_links(base_url: str, variant: Variant, more: bool, last: int | None = None) -> dict[str, str]:
    """RFC 5005 paged-feed links and the canonical self link; `last` is left out for a feed that counts no
    matches (a search or topic feed), `more` says whether a next page exists."""
    links = {"self": base_url + variant.key, "first": base_url + variant.at_page(1).key}
    if variant.page > 1:
        links["previous"] = base_url + variant.at_page(variant.page - 1).key
    if more:
        links["next"] = base_url + variant.at_page(variant.page + 1).key
    if last is not None:
        links["last"] = base_url + variant.at_page(last).key
    return links
