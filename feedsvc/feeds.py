"""The only module that imports feedgen: the rows of one feed page -> Atom, RSS or JSON Feed bytes.

The caller reads the rows from the store (feedsvc.feedrows) and packs the bytes for HTTP (feedsvc.web.responses);
nothing here queries or compresses."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import quote

from feedsvc import i18n, originals
from feedsvc.i18n import N_
from feedsvc.routes import FORMATS, Variant, entry_link, paging_links
from feedsvc.settings import Settings

if TYPE_CHECKING:
    from feedsvc.models import Entry
    from feedsvc.originals import OriginalInfo

ATOM_NS = "http://www.w3.org/2005/Atom"
TOMBSTONE_NS = "http://purl.org/atompub/tombstones/1.0"

# What one release may put into a feed document: its text up to ENTRY_TEXT characters, then a link to its page
# (which shows all of it), and its first ENTRY_TAGS tags. A feed document stays a few megabytes whatever the files.
ENTRY_TEXT = 64 * 1024
ENTRY_TAGS = 20

# Everything XML 1.0 cannot carry; the readers already remove it, this is the second line of defence.
_XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class FeedPage:
    """What one page of a feed shows, the same in every format: read from the store by the caller, so rendering
    asks nothing more."""

    entries: list[Entry]
    changed: datetime  # the page's last change: its updated date and its Last-Modified
    more: bool  # a later page exists
    last_page: int | None = None  # None for a search or topic feed, which counts no matches
    language: str | None = None  # the feed's: the variant's, or the one language of everything it covers
    tombstones: list[Entry] = field(default_factory=list)  # withdrawn releases, announced on an Atom first page
    topics: dict[str, list] = field(default_factory=dict)  # by entry id, shown as categories
    translations: dict[str, list[Entry]] = field(default_factory=dict)  # by entry id
    originals: dict[str, OriginalInfo] = field(default_factory=dict)  # the original files, by entry id
    topic_name: str | None = None  # a topic feed's topic, named in its title


def clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)


def entry_updated(entry: Entry) -> datetime:
    """Readers see an entry as updated when it was revised, or when it went live after an embargo."""
    return max(entry.updated, entry.available)


def render(settings: Settings, variant: Variant, page: FeedPage, failed: dict[str, str] | None = None) -> bytes:
    """The bytes of one feed document; entries that cannot be rendered are left out and named in `failed`."""
    links = paging_links(settings.base_url, variant, page.more, page.last_page)
    title = None
    if variant.filtered:
        title = settings.feed_title + (f": {page.topic_name}" if page.topic_name else "") + \
            (f": search for “{variant.search}”" if variant.search is not None else "")
    if variant.fmt == "json":
        return _json_feed(settings, variant, page, links, failed, title)
    return _xml_feed(settings, variant, page, links, failed, title)


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


def _enclosures(settings: Settings, page: FeedPage) -> dict[str, dict]:
    """The original files of the entries that have one, by entry id."""
    return {entry.id: _enclosure(settings, entry, page.originals[entry.id])
            for entry in page.entries if entry.id in page.originals}


def _enclosure(settings: Settings, entry: Entry, info: OriginalInfo) -> dict:
    """The original Word or PDF file of a release, as feeds carry it (RSS enclosure, Atom rel=enclosure link,
    JSON Feed attachment)."""
    return {"url": settings.base_url + originals.path(entry.slug, info), "type": info.content_type,
            "length": str(info.size)}


def _xml_feed(settings: Settings, variant: Variant, page: FeedPage, links: dict[str, str],
              failed: dict[str, str] | None = None, title: str | None = None) -> bytes:
    # Imported here: web workers render only archive pages, so most of them never pay the memory for feedgen
    # and lxml.
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
    if page.language:
        fg.language(page.language)
    fg.updated(page.changed)
    fg.lastBuildDate(page.changed)
    fg.generator("feedsvc")
    rendered = []
    for entry in page.entries:
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
            for topic in page.topics.get(entry.id, [])[:ENTRY_TAGS]:
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
    alternates = [[(t.language, entry_link(settings, t)) for t in page.translations.get(entry.id, ())]
                  for entry in rendered]
    enclosures = _enclosures(settings, page)
    return _complete(body, fmt, links, settings.websub_hubs, page.tombstones,
                     [entry.language if entry.language != page.language else None for entry in rendered],
                     alternates, [enclosures.get(entry.id) for entry in rendered])


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


def _json_feed(settings: Settings, variant: Variant, page: FeedPage, links: dict[str, str],
               failed: dict[str, str] | None = None, title: str | None = None) -> bytes:
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
    if page.language:
        feed["language"] = page.language
    if "next" in links:
        feed["next_url"] = links["next"]
    items = []
    enclosures = _enclosures(settings, page)
    for entry in page.entries:
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
                **_json_extras(settings, entry, page),
            }
            enclosure = enclosures.get(entry.id)
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


def _json_extras(settings: Settings, entry: Entry, page: FeedPage) -> dict:
    topics = page.topics.get(entry.id, [])
    translations = page.translations.get(entry.id, [])
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
