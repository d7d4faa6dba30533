"""What one feed page shows, read from the store: the rows feeds.py turns into bytes, asked once per render pass
where they are the same for every document of it (all formats of a page share one read)."""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from feedsvc.feeds import ENTRY_TEXT, FeedPage
from feedsvc.routes import MAX_PAGE, Variant, last_page, page_bounds
from feedsvc.settings import Settings
from feedsvc.store import from_text

if TYPE_CHECKING:
    from feedsvc.models import Entry
    from feedsvc.store import Store

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)  # the last change of a page nothing has changed
# Front documents built on every change: all releases, plus the languages with the most releases. The others
# are built on their first request (web workers keep them until the next change).
EAGER_LANGUAGES = 8


def front_languages(counts: list[tuple[str, int]]) -> list[str | None]:
    """The languages whose first pages the scanner renders ahead (None: all releases), from the store's live
    entries per language, the most first."""
    return [None, *(language for language, _ in counts[:EAGER_LANGUAGES])]


def read_page(source: Store | GenerationView, settings: Settings, variant: Variant, now: datetime) -> FeedPage | None:
    """The rows of a variant's page (its format aside), or None for a page past the end or an unknown topic."""
    if variant.filtered:
        return _filtered_page(source, settings, variant, now)
    languages = [variant.language] if variant.language else source.languages(now)
    return listing_page(source, settings, variant.language, variant.page, now,
                        source.count_entries(now, language=variant.language), languages)


def front_page(store: Store, settings: Settings, language: str | None, now: datetime,
               counts: list[tuple[str, int]]) -> FeedPage | None:
    """The first page of all releases (None) or of one language, given the live releases per language: one query
    a pass gives every front page its count and the languages."""
    total = sum(n for each, n in counts if language in (None, each))
    languages = [language] if language else [each for each, _ in counts]
    return listing_page(store, settings, language, 1, now, total, languages)


def listing_page(source: Store | GenerationView, settings: Settings, language: str | None, number: int,
                 now: datetime, total: int, languages: list[str]) -> FeedPage | None:
    """Page `number` of all releases (None) or of one language, given how many live releases it pages through
    (`total`) and the languages they are in; None past the last page."""
    size = settings.feed_size
    last = last_page(total, size)
    if number > last:
        return None
    start, end = page_bounds(number, size)
    entries = source.entries(now, language=language, limit=size, offset=start, clip=ENTRY_TEXT + 1)
    since = now - timedelta(days=settings.tombstone_days)
    tombstones = source.withdrawn_since(since, language=language) if number == 1 else []
    # A page changes when anything at or above its end changes, or when any entry is withdrawn (which shifts
    # every later page): derived from the store, so the same store gives the same dates after a restart.
    changed = max(source.last_change(now, language=language, upto=end) or EPOCH,
                  source.last_withdrawal(language) or EPOCH)
    return _page(source, entries, now, changed=changed, more=number < last, last_page=last,
                 language=languages[0] if len(languages) == 1 else None, tombstones=tombstones)


def _filtered_page(source: Store | GenerationView, settings: Settings, variant: Variant,
                   now: datetime) -> FeedPage | None:
    """A search or topic feed's page; None for an unknown topic or a page past the end. Its entries come from the
    full-text or topic index walked newest first, down to the end of the page: no count of all matches."""
    from feedsvc.search import match_expression, parse
    from feedsvc.words import base_language

    topic = source.topic_by_slug(variant.topic) if variant.topic else None
    if (variant.topic and topic is None) or variant.page > MAX_PAGE:
        return None
    start, end = page_bounds(variant.page, settings.feed_size)
    # The window: every entry down to this page's end (their ids and changes only), and one more (for `next`).
    if variant.search is not None:
        languages = {base_language(variant.language)} if variant.language else \
            {base_language(lang) for lang in source.index_languages()}
        expression = match_expression(parse(variant.search), languages)
        window = source.search_window(now, expression, language=variant.language,
                                      topic=topic.id if topic else None, limit=end + 1)
    else:
        window = source.topic_window(now, topic.id, language=variant.language, limit=end + 1)
    entries = source.entries_by_id([entry_id for entry_id, _ in window[start:end]], clip=ENTRY_TEXT + 1)
    if variant.page > 1 and not entries:
        return None
    changed = max([*(change for _, change in window[:end]), source.last_withdrawal(variant.language) or EPOCH])
    language = variant.language or (entries[0].language if entries and
                                    all(e.language == entries[0].language for e in entries) else None)
    return _page(source, entries, now, changed=changed, more=len(window) > end, language=language,
                 topic_name=topic.name if topic else None)


def _page(source: Store | GenerationView, entries: list[Entry], now: datetime, **rows: Any) -> FeedPage:
    """A page with what its entries show beside their own text: topics, translations and original files."""
    ids = [entry.id for entry in entries]
    return FeedPage(entries, topics=source.topics_for(ids), translations=source.translations_of(now, ids),
                    originals=source.originals_info(ids), **rows)


class GenerationView:
    """The store as the feed renderer asks it, for one generation of documents: what is the same for every
    archive page of a generation (counts, languages, withdrawals) is queried once, and "the last change among the
    first N entries" comes from one pass over the entries instead of one scan of N rows per page."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._memo: dict[tuple, object] = {}

    def _once(self, key: tuple, query: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._memo:
                return self._memo[key]
        value = query()
        with self._lock:
            return self._memo.setdefault(key, value)

    def count_entries(self, now: datetime, *, language: str | None = None) -> int:
        return self._once(("count", language), lambda: self.store.count_entries(now, language=language))

    def languages(self, now: datetime) -> list[str]:
        return self._once(("languages",), lambda: self.store.languages(now))

    def last_withdrawal(self, language: str | None = None) -> datetime | None:
        return self._once(("withdrawal", language), lambda: self.store.last_withdrawal(language))

    def last_change(self, now: datetime, *, language: str | None = None, upto: int = 50) -> datetime | None:
        records = self._once(("changes", language), lambda: self.store.change_records(now, language=language))
        at = bisect.bisect_left(records, (upto, "")) - 1  # the last record among the first `upto` entries
        return from_text(records[at][1]) if at >= 0 else None

    def entries(self, now: datetime, **kwargs: Any) -> list:
        return self.store.entries(now, **kwargs)

    def withdrawn_since(self, since: datetime, *, language: str | None = None) -> list:
        return self.store.withdrawn_since(since, language=language)

    def __getattr__(self, name: str) -> Any:
        """Everything else (search, topics, translations, originals) straight from the store."""
        return getattr(self.store, name)
