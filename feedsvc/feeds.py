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
from feedsvc.originals import OriginalInfo
from feedsvc.settings import Settings
from feedsvc.store import Entry, Store, StoredDocument

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

# Everything XML 1.0 cannot carry; the readers already remove it, this is the second line of defence.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Variant:
    """One feed document: a format, an optional language and a page (1 = newest)."""

    fmt: str
    language: str | None = None
    page: int = 1

    @property
    def query(self) -> str:
        params = []
        if self.language:
            params.append(("lang", self.language))
        if self.page > 1:
            params.append(("page", str(self.page)))
        return urlencode(params)

    @property
    def key(self) -> str:
        """The canonical path and query this document is served at."""
        path = FORMATS[self.fmt][0]
        return f"{path}?{self.query}" if self.query else path

    def at_page(self, page: int) -> Variant:
        return Variant(self.fmt, self.language, page)


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
    kept = store.originals_info([entry.id for entry in entries])
    enclosures = {entry.id: _enclosure(settings, entry, kept[entry.id]) for entry in entries if entry.id in kept}
    if variant.fmt == "json":
        body = _json_feed(settings, variant, entries, links, language, failed, enclosures)
    else:
        body = _xml_feed(settings, variant, entries, tombstones, links, changed, language, failed, enclosures)
    return make_document(variant.key, FORMATS[variant.fmt][1], body, changed)


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


def make_document(key: str, content_type: str, body: bytes, last_modified: datetime) -> StoredDocument:
    """Bytes plus what conditional and compressed responses need, computed once."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return StoredDocument(key, content_type, body, gzip.compress(body, compresslevel=9, mtime=0), etag,
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


def _feed_title(settings: Settings, variant: Variant) -> str:
    """The feed's title in its language (a language's feed) or the site's: "Пресс-релизы – русский, страница 2"."""
    speaker = i18n.speaker(variant.language or settings.site_language)
    title = speaker.feed_title(settings.feed_title)
    if variant.language:
        title += f" – {speaker.language_name(variant.language)}"
    if variant.page > 1:
        title = speaker.text(N_("%(title)s, page %(page)s"), title=title, page=variant.page)
    return title


def _enclosure(settings: Settings, entry: Entry, info: OriginalInfo) -> dict:
    """The original Word or PDF file of a release, as feeds carry it (RSS enclosure, Atom rel=enclosure link,
    JSON Feed attachment)."""
    return {"url": settings.base_url + originals.path(entry.slug, info), "type": info.content_type,
            "length": str(info.size)}


def _xml_feed(settings: Settings, variant: Variant, entries: list[Entry], tombstones: list[Entry],
              links: dict[str, str], changed: datetime, language: str | None,
              failed: dict[str, str] | None = None, enclosures: dict[str, dict] | None = None) -> bytes:
    # Imported here: web workers use this module's routing table on every request but render only
    # archive pages, so most of them never pay the memory for feedgen and lxml.
    from feedgen.feed import FeedGenerator

    fmt = variant.fmt
    fg = FeedGenerator()
    fg.id(settings.base_url + FORMATS[fmt][0] + (f"?lang={variant.language}" if variant.language else ""))
    fg.title(clean(_feed_title(settings, variant)))
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
        except Exception as e:  # one entry, never the whole document
            if failed is None:
                raise
            fg.remove_entry(fe)
            failed[f"entry:{entry.id}"] = f"{entry.source or entry.id}: {type(e).__name__}: {e}"
            continue
        rendered.append(entry)
    body = fg.atom_str(pretty=True) if fmt == "atom" else fg.rss_str(pretty=True)
    return _complete(body, fmt, links, settings.websub_hubs, tombstones,
                     [entry.language if entry.language != language else None for entry in rendered],
                     [(enclosures or {}).get(entry.id) for entry in rendered])


def _complete(body: bytes, fmt: str, links: dict[str, str], hubs: tuple[str, ...], tombstones: list[Entry],
              entry_languages: list[str | None], enclosures: list[dict | None]) -> bytes:
    """What feedgen cannot write: paging and hub links (also in RSS), Atom deleted-entry tombstones, the
    language of each Atom entry that differs from the feed's, and enclosures (feedgen would make an Atom
    enclosure a second alternate link)."""
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
        for element, entry_language in zip(root.iter(f"{{{ATOM_NS}}}entry"), entry_languages, strict=True):
            if entry_language:
                element.set("{http://www.w3.org/XML/1998/namespace}lang", entry_language)
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
               language: str | None, failed: dict[str, str] | None = None,
               enclosures: dict[str, dict] | None = None) -> bytes:
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""
    feed: dict[str, object] = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _feed_title(settings, variant),
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
