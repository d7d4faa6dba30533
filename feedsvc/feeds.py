"""The only module that imports feedgen: stored entries -> Atom, RSS and JSON Feed documents (bytes)."""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from feedsvc import i18n, originals
from feedsvc.i18n import N_
from feedsvc.models import Entry, StoredDocument
from feedsvc.originals import OriginalInfo
from feedsvc.settings import Settings
from feedsvc.store import Store

ATOM_NS = "http://www.w3.org/2005/Atom"
TOMBSTONE_NS = "http://purl.org/atompub/tombstones/1.0"
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)

FORMATS = {
    "atom": ("/feed.atom", "application/atom+xml; charset=utf-8"),
    "rss": ("/feed.rss", "application/rss+xml; charset=utf-8"),
    "json": ("/feed.json", "application/feed+json; charset=utf-8"),
}
PATH_FORMATS = {path: fmt for fmt, (path, _) in FORMATS.items()}

# What one release may put into a feed document: its text up to ENTRY_TEXT characters, then a link to its page
# (which shows all of it), and its first ENTRY_TAGS tags. A feed document stays a few megabytes whatever the files.
ENTRY_TEXT = 64 * 1024
ENTRY_TAGS = 20
# Front documents built on every change: all releases, plus the languages with the most releases. The others
# are built on their first request (web workers keep them until the next change).
EAGER_LANGUAGES = 8
FILTERED_GZIP_LEVEL = 6  # a search or topic document is compressed on its request: quicker, a few % larger
MAX_PAGE = 1000  # pages of a search or topic feed: each is found by walking its index from the newest entry

# Everything XML 1.0 cannot carry; the readers already remove it, this is the second line of defence.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


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

    def at_page(self, page: int) -> Variant:
        return Variant(self.fmt, self.language, page, self.search, self.topic)


def entry_link(settings: Settings, entry: Entry) -> str:
    """The permanent HTML page of an entry."""
    return f"{settings.base_url}/releases/{quote(entry.slug)}"


def clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def entry_updated(entry: Entry) -> datetime:
    """Readers see an entry as updated when it was revised, or when it went live after an embargo."""
    return max(entry.updated, entry.available)


def render(store: Store, settings: Settings, variant: Variant, now: datetime,
           failed: dict[str, str] | None = None) -> StoredDocument | None:
    """Render one feed document, or None when the page is past the end; entries that cannot be rendered are left
    out and named in `failed`."""
    if variant.filtered:
        return render_filtered(store, settings, variant, now, failed)
    size = settings.feed_size
    total = store.count_entries(now, language=variant.language)
    last_page = max(1, -(-total // size))
    if variant.page > last_page:
        return None
    entries = store.entries(now, language=variant.language, limit=size, offset=(variant.page - 1) * size,
                            clip=ENTRY_TEXT + 1)
    since = now - timedelta(days=settings.tombstone_days)
    tombstones = store.withdrawn_since(since, language=variant.language) if variant.page == 1 else []
    # A page changes when anything at or above its end changes, or when any entry is withdrawn (which shifts
    # every later page): derived from the store, so the same store gives the same dates after a restart.
    changed = max(store.last_change(now, language=variant.language, upto=variant.page * size) or EPOCH,
                  store.last_withdrawal(variant.language) or EPOCH)
    links = _paging_links(settings, variant, last_page)
    # The feed's language: the variant's, or the one language every live release is in.
    languages = [variant.language] if variant.language else store.languages(now)
    language = languages[0] if len(languages) == 1 else None
    extras = _extras(store, entries, now)
    enclosures = _enclosures(store, settings, entries)
    if variant.fmt == "json":
        body = _json_feed(settings, variant, entries, links, language, failed, extras, enclosures=enclosures)
    else:
        body = _xml_feed(settings, variant, entries, tombstones, links, changed, language, failed, extras,
                         enclosures=enclosures)
    return make_document(variant.key, FORMATS[variant.fmt][1], body, changed)


def render_filtered(store: Store, settings: Settings, variant: Variant, now: datetime,
                    failed: dict[str, str] | None = None) -> StoredDocument | None:
    """A search or topic feed document; None for an unknown topic or a page past the end. Its entries come from
    the full-text or topic index walked newest first, down to the end of the page: no count of all matches."""
    from feedsvc.search import match_expression, parse
    from feedsvc.words import base_language

    topic = store.topic_by_slug(variant.topic) if variant.topic else None
    if (variant.topic and topic is None) or variant.page > MAX_PAGE:
        return None
    size = settings.feed_size
    upto = variant.page * size
    # The window: every entry down to this page's end (their ids and changes only), and one more (for `next`).
    if variant.search is not None:
        languages = {base_language(variant.language)} if variant.language else \
            {base_language(lang) for lang in store.index_languages()}
        expression = match_expression(parse(variant.search), languages)
        window = store.search_window(now, expression, language=variant.language,
                                     topic=topic.id if topic else None, limit=upto + 1)
    else:
        window = store.topic_window(now, topic.id, language=variant.language, limit=upto + 1)
    entries = store.entries_by_id([entry_id for entry_id, _ in window[upto - size:upto]], clip=ENTRY_TEXT + 1)
    if variant.page > 1 and not entries:
        return None
    changed = max([*(change for _, change in window[:upto]), store.last_withdrawal(variant.language) or EPOCH])
    links = {"self": _self_url(settings, variant), "first": _self_url(settings, variant.at_page(1))}
    if variant.page > 1:
        links["previous"] = _self_url(settings, variant.at_page(variant.page - 1))
    if len(window) > upto:
        links["next"] = _self_url(settings, variant.at_page(variant.page + 1))
    language = variant.language or (entries[0].language if entries and
                                    all(e.language == entries[0].language for e in entries) else None)
    title = settings.feed_title + (f": {topic.name}" if topic else "") + \
        (f": search for “{variant.search}”" if variant.search is not None else "")
    extras = _extras(store, entries, now)
    if variant.fmt == "json":
        body = _json_feed(settings, variant, entries, links, language, failed, extras, title,
                          enclosures=_enclosures(store, settings, entries))
    else:
        body = _xml_feed(settings, variant, entries, [], links, changed, language, failed, extras, title,
                         enclosures=_enclosures(store, settings, entries))
    return make_document(variant.key, FORMATS[variant.fmt][1], body, changed, FILTERED_GZIP_LEVEL)


@dataclass(frozen=True)
class _Extras:
    """What an entry shows beside its own text: its topics (as categories) and its translations."""

    topics: dict[str, list]
    translations: dict[str, list[Entry]]


def _extras(store: Store, entries: list[Entry], now: datetime) -> _Extras:
    ids = [e.id for e in entries]
    return _Extras(store.topics_for(ids), store.translations_of(now, ids))


def render_front_pages(store: Store, settings: Settings, now: datetime,
                       failed: dict[str, str] | None = None) -> list[StoredDocument]:
    """The first page of every format, for all releases and for the main languages: what pollers fetch.

    A document that cannot be rendered is left out, with its key and the reason in `failed`; an entry that
    cannot be put in a document is left out of it, under the entry's key (`entry:<id>`)."""
    languages = [None, *(language for language, _ in store.language_counts(now)[:EAGER_LANGUAGES])]
    documents = []
    for fmt in FORMATS:
        for language in languages:
            variant = Variant(fmt, language)
            try:
                document = render(store, settings, variant, now, failed)
            except Exception as e:  # one document, never all of them
                if failed is None:
                    raise
                failed[variant.key] = f"{type(e).__name__}: {e}"
                continue
            if document is not None:
                documents.append(document)
    return documents


def feed_text(settings: Settings, entry: Entry) -> tuple[str, str]:
    """What a feed carries of a release's text: (html, plain text), cut after ENTRY_TEXT characters at a
    paragraph or word, with a link to the release's page for the rest."""
    if len(entry.body_html) <= ENTRY_TEXT and len(entry.body) <= ENTRY_TEXT:
        return entry.body_html, entry.body
    kept, length = [], 0
    for paragraph in entry.body[:ENTRY_TEXT].split("\n\n"):
        if length + len(paragraph) > ENTRY_TEXT - 2000 and kept:
            break
        kept.append(paragraph)
        length += len(paragraph) + 2
    if length > ENTRY_TEXT - 2000:  # one huge paragraph: cut it at a word
        kept[-1] = kept[-1][:ENTRY_TEXT - 2000].rsplit(" ", 1)[0] + " …"
    link = entry_link(settings, entry)
    text = "\n\n".join(kept) + f"\n\n[…] The full release: {link}"
    markup = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in kept)
    markup += f'<p>[…] <a href="{html.escape(link)}">Read the full release</a></p>'
    return markup, text


def make_document(key: str, content_type: str, body: bytes, last_modified: datetime,
                  gzip_level: int = 9) -> StoredDocument:
    """Bytes plus what conditional and compressed responses need, computed once."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return StoredDocument(key, content_type, body, gzip.compress(body, compresslevel=gzip_level, mtime=0), etag,
                          last_modified.replace(microsecond=0))


def _self_url(settings: Settings, variant: Variant) -> str:
    return settings.base_url + variant.key


def _paging_links(settings: Settings, variant: Variant, last_page: int) -> dict[str, str]:
    """RFC 5005 paged-feed links, plus the canonical self link."""
    links = {"self": _self_url(settings, variant), "first": _self_url(settings, variant.at_page(1))}
    if variant.page > 1:
        links["previous"] = _self_url(settings, variant.at_page(variant.page - 1))
    if variant.page < last_page:
        links["next"] = _self_url(settings, variant.at_page(variant.page + 1))
    links["last"] = _self_url(settings, variant.at_page(last_page))
    return links


def _feed_title(settings: Settings, variant: Variant, title: str | None = None) -> str:
    """The feed's title in its language (a language's feed) or the site's: "Пресс-релизы – русский, страница 2";
    a search's or a topic's feed is named by `title`."""
    speaker = i18n.speaker(variant.language or settings.site_language)
    title = title or speaker.feed_title(settings.feed_title)
    if variant.language:
        title += f" – {speaker.language_name(variant.language)}"
    if variant.page > 1:
        title = speaker.text(N_("%(title)s, page %(page)s"), title=title, page=variant.page)
    return title


def _enclosures(store: Store, settings: Settings, entries: list[Entry]) -> dict[str, dict]:
    """The original files of the entries that have one, by entry id."""
    kept = store.originals_info([entry.id for entry in entries])
    return {entry.id: _enclosure(settings, entry, kept[entry.id]) for entry in entries if entry.id in kept}


def _enclosure(settings: Settings, entry: Entry, info: OriginalInfo) -> dict:
    """The original Word or PDF file of a release, as feeds carry it (RSS enclosure, Atom rel=enclosure link,
    JSON Feed attachment)."""
    return {"url": settings.base_url + originals.path(entry.slug, info), "type": info.content_type,
            "length": str(info.size)}


def _xml_feed(settings: Settings, variant: Variant, entries: list[Entry], tombstones: list[Entry],
              links: dict[str, str], changed: datetime, language: str | None,
              failed: dict[str, str] | None = None, extras: _Extras | None = None, title: str | None = None,
              enclosures: dict[str, dict] | None = None) -> bytes:
    # Imported here: web workers use this module's routing table on every request but render only
    # archive pages, so most of them never pay the memory for feedgen and lxml.
    from feedgen.feed import FeedGenerator

    fmt = variant.fmt
    fg = FeedGenerator()
    if variant.filtered:
        fg.id(settings.base_url + variant.at_page(1).key)
    else:
        fg.id(settings.base_url + FORMATS[fmt][0] + (f"?lang={variant.language}" if variant.language else ""))
    fg.title(clean(_feed_title(settings, variant, title)))
    fg.subtitle(clean(settings.feed_description))
    fg.author({"name": clean(settings.feed_author)})
    # Self first, alternate last: feedgen takes the RSS <link> from the last link added.
    fg.link(href=links["self"], rel="self", type=FORMATS[fmt][1].split(";")[0])
    fg.link(href=settings.base_url + "/", rel="alternate", type="text/html")
    if language:
        fg.language(language)
    fg.updated(changed)
    fg.lastBuildDate(changed)
    fg.generator("feedsvc")
    rendered = []
    for entry in entries:
        fe = fg.add_entry(order="append")
        try:
            fe.id(entry.id)
            fe.guid(entry.id, permalink=False)
            fe.title(clean(entry.title))
            fe.link(href=entry_link(settings, entry), rel="alternate", type="text/html")
            fe.published(entry.published)
            fe.updated(entry_updated(entry))
            fe.content(clean(feed_text(settings, entry)[0]), type="html")
            fe.summary(html.escape(clean(entry.summary), quote=False), type="html")
            for tag in entry.tags[:ENTRY_TAGS]:
                fe.category(term=clean(tag))
            for topic in (extras.topics.get(entry.id, ()) if extras else ())[:ENTRY_TAGS]:
                if topic.kind != "tag":  # tags are categories already
                    fe.category(term=topic.slug, scheme=f"{settings.base_url}/topics/", label=clean(topic.name))
        except Exception as e:  # one entry, never the whole document
            if failed is None:
                raise
            fg.remove_entry(fe)
            failed[f"entry:{entry.id}"] = f"{entry.source or entry.id}: {type(e).__name__}: {e}"
            continue
        rendered.append(entry)
    body = fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)
    alternates = [[(t.language, entry_link(settings, t)) for t in extras.translations.get(entry.id, ())]
                  if extras else [] for entry in rendered]
    return _complete(body, fmt, links, settings.websub_hubs, tombstones,
                     [entry.language if entry.language != language else None for entry in rendered], alternates,
                     [(enclosures or {}).get(entry.id) for entry in rendered])


def _complete(body: bytes, fmt: str, links: dict[str, str], hubs: tuple[str, ...], tombstones: list[Entry],
              entry_languages: list[str | None], alternates: list[list[tuple[str, str]]],
              enclosures: list[dict | None]) -> bytes:
    """What feedgen cannot write: paging and hub links (also in RSS), Atom deleted-entry tombstones, the
    language of each Atom entry that differs from the feed's, the links to each Atom entry's translations
    (rel="alternate" with their hreflang; feedgen would make the last of them the RSS item's link), and
    enclosures (feedgen would make an Atom enclosure a second alternate link)."""
    from lxml import etree

    root = etree.fromstring(body)
    items = root.iter(f"{{{ATOM_NS}}}entry") if fmt == "atom" else root.iter("item")
    for element, enclosure in zip(items, enclosures, strict=True):
        if enclosure is None:
            continue
        if fmt == "atom":
            link = etree.SubElement(element, f"{{{ATOM_NS}}}link", rel="enclosure", href=enclosure["url"],
                                    type=enclosure["type"], length=enclosure["length"])
        else:
            link = etree.SubElement(element, "enclosure", url=enclosure["url"], length=enclosure["length"],
                                    type=enclosure["type"])
        anchor = element.find(f"{{{ATOM_NS}}}link" if fmt == "atom" else "link")
        if anchor is not None:
            anchor.addnext(link)
    if fmt == "atom":
        entries = list(root.iter(f"{{{ATOM_NS}}}entry"))
        for element, entry_language in zip(entries, entry_languages, strict=True):
            if entry_language:
                element.set("{http://www.w3.org/XML/1998/namespace}lang", entry_language)
        for element, others in zip(entries, alternates, strict=True):
            # Before the entry's own link: readers that take the last alternate link as the entry's (feedparser
            # does) still open the release itself.
            anchor = element.find(f"{{{ATOM_NS}}}link")
            position = list(element).index(anchor) if anchor is not None else len(element)
            for hreflang, href in others:
                link = etree.Element(f"{{{ATOM_NS}}}link", href=href, rel="alternate", type="text/html",
                                     hreflang=hreflang)
                element.insert(position, link)
                position += 1
    if fmt == "atom":
        parent, anchor = root, root.find(f"{{{ATOM_NS}}}link")
    else:
        parent = root.find("channel")
        anchor = parent.find(f"{{{ATOM_NS}}}link")
    index = list(parent).index(anchor) + 1 if anchor is not None else 0
    extra = [(rel, href) for rel, href in links.items() if rel != "self"] + [("hub", h) for h in hubs]
    for rel, href in extra:
        link = etree.Element(f"{{{ATOM_NS}}}link", href=href, rel=rel)
        parent.insert(index, link)
        index += 1
    if fmt == "atom" and tombstones:
        root = _with_tombstone_namespace(root)
        first_entry = root.find(f"{{{ATOM_NS}}}entry")
        position = list(root).index(first_entry) if first_entry is not None else len(root)
        for entry in tombstones:  # extension elements go before the entries (RFC 4287 schema)
            node = etree.Element(f"{{{TOMBSTONE_NS}}}deleted-entry", ref=entry.id,
                                 when=entry.withdrawn.astimezone(UTC).isoformat())
            etree.SubElement(node, f"{{{TOMBSTONE_NS}}}comment").text = "Withdrawn by the press office."
            root.insert(position, node)
            position += 1
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _with_tombstone_namespace(root):
    """Re-root the Atom document so the tombstone prefix `at` is declared on <feed>."""
    from lxml import etree

    nsmap = dict(root.nsmap)
    nsmap["at"] = TOMBSTONE_NS
    new_root = etree.Element(root.tag, nsmap=nsmap, attrib=root.attrib)
    new_root.text = root.text
    for child in root:
        new_root.append(child)
    return new_root


def _json_feed(settings: Settings, variant: Variant, entries: list[Entry], links: dict[str, str],
               language: str | None, failed: dict[str, str] | None = None, extras: _Extras | None = None,
               title: str | None = None, enclosures: dict[str, dict] | None = None) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Each item's topics and translations are in its
    `_feedsvc` object (the spec's way to extend an item), its original file in `attachments`."""
    feed: dict[str, object] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _feed_title(settings, variant, title),
        "home_page_url": settings.base_url + "/",
        "feed_url": links["self"],
        "description": settings.feed_description,
        "authors": [{"name": settings.feed_author}],
    }
    if language:
        feed["language"] = language
    if "next" in links:
        feed["next_url"] = links["next"]
    items = []
    for entry in entries:
        try:
            content_html, content_text = feed_text(settings, entry)
            item = {
                "id": entry.id,
                "url": entry_link(settings, entry),
                "title": clean(entry.title),
                "summary": clean(entry.summary),
                "content_html": clean(content_html),
                "content_text": clean(content_text),
                "date_published": entry.published.isoformat(),
                "date_modified": entry_updated(entry).isoformat(),
                "language": entry.language,
                **({"tags": list(entry.tags[:ENTRY_TAGS])} if entry.tags else {}),
                **_json_extras(settings, entry, extras),
            }
            enclosure = (enclosures or {}).get(entry.id)
            if enclosure:
                item["attachments"] = [{"url": enclosure["url"], "mime_type": enclosure["type"],
                                        "size_in_bytes": int(enclosure["length"])}]
            if entry.published.tzinfo is None or entry_updated(entry).tzinfo is None:
                raise ValueError("a date without its time zone")
        except Exception as e:  # one entry, never the whole document
            if failed is None:
                raise
            failed[f"entry:{entry.id}"] = f"{entry.source or entry.id}: {type(e).__name__}: {e}"
            continue
        items.append(item)
    feed["items"] = items
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def _json_extras(settings: Settings, entry: Entry, extras: _Extras | None) -> dict:
    if extras is None:
        return {}
    topics = extras.topics.get(entry.id, [])
    translations = extras.translations.get(entry.id, [])
    if not topics and not translations:
        return {}
    out: dict[str, object] = {}
    if topics:
        out["topics"] = [{"kind": t.kind, "name": t.name, "url": f"{settings.base_url}/topics/{quote(t.slug)}"}
                         for t in topics[:ENTRY_TAGS]]
    if translations:
        out["translations"] = [{"language": t.language, "url": entry_link(settings, t), "title": clean(t.title)}
                               for t in translations]
    return {"_feedsvc": out}
