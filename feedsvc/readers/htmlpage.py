"""Saved web pages (.html/.htm): the article's heading, date and text, without the site's navigation and chrome.

Markdown releases are rendered to HTML and come through `read_tree` too.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from feedsvc.models import Rejection, Release
from feedsvc.readers import clock, dates
from feedsvc.readers.blocks import Block, Document, Meta
from feedsvc.readers.encoding import NotText, clean, normalise_space
from feedsvc.readers.engine import build_release
from feedsvc.readers.htmlclean import escape_text, letter_count, markup_free, sanitise
from feedsvc.readers.htmltree import (
    NestedTooDeeply,
    block_texts,
    content_root,
    decode_html,
    depth,
    in_junk,
    page_heading,
    parse_html,
    strip_junk,
    text_of,
)
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.options import Context
from feedsvc.readers.roles import is_meta_line

_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.issued", "pubdate", "publishdate", "publish-date", "publication_date",
              "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date")


_MAX_DEPTH = 200


def _metas(root) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        value = m.get("content") or m.get("datetime")
        if key and value:
            found.setdefault(key, []).append(value.strip())
    return found


def parse_when(value: object, zone) -> tuple[datetime, bool] | None:
    """A publication time from metadata ("2022-08-30T18:40:00+03:00", "30 August 2022", a datetime/date);
    returns (aware datetime, whether a time of day was given)."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=zone)), True
    if hasattr(value, "year") and hasattr(value, "month") and hasattr(value, "day"):
        return datetime(value.year, value.month, value.day, tzinfo=zone), False
    if not isinstance(value, str) or not value.strip():
        return None
    s = value.strip()
    try:
        dt = datetime.fromisoformat(s.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", s) else s)
        has_time = bool(re.search(r"\d[T ]\d", s))
        return (dt if dt.tzinfo else dt.replace(tzinfo=zone)), has_time
    except ValueError:
        pass
    found = dates.find_dates(s)
    if not found or found[0].year is None:
        return None
    d = found[0]
    hm = clock.find_time(s[:d.start] + " " + s[d.end:])
    if hm:
        d = dates.DateMatch(d.start, d.end, d.year, d.month, d.day, hm[0], hm[1], hm[2] or d.tz)
    try:
        return dates.to_datetime(d, d.year, zone), d.hour is not None
    except ValueError:
        return None


def _json_ld(root) -> dict[str, object]:
    """datePublished, headline, keywords and inLanguage from JSON-LD blocks (bounded walk)."""
    out: dict[str, object] = {}
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads((script.text or "")[:200_000])
        except (ValueError, RecursionError):
            continue
        stack, seen = [data], 0
        while stack and seen < 2000:
            item = stack.pop()
            seen += 1
            if isinstance(item, dict):
                for key in ("datePublished", "headline", "keywords", "inLanguage"):
                    if key in item and key not in out:
                        out[key] = item[key]
                stack.extend(v for v in item.values() if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend(v for v in item if isinstance(v, dict | list))
    return out


def _site_suffix(title: str) -> str:
    parts = re.split(r"\s+(?:[-|—–:]{1,2}|::)\s+", title)
    if len(parts) > 1 and len(parts[0].split()) >= 3:
        return parts[0]
    return max(parts, key=len) if parts else title


def read_tree(ctx: Context, root, meta: Meta, page: str | None = None) -> Release | Rejection:
    """Turn a parsed page (or rendered Markdown) into a release; `meta` holds what was declared explicitly, and
    `page` the markup of a saved web page (not of rendered Markdown), where the article is told from the site's
    frame."""
    metas = _metas(root)
    ld = _json_ld(root)
    zone = ctx.zone

    if meta.language is None:
        lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        lang = lang or (metas.get("content-language") or [None])[0] or (metas.get("og:locale") or [None])[0]
        lang = lang or (ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None)
        meta.language = normalise_tag(lang) if lang else None
        meta.language_declared_by = "page"

    declared_date = None  # the metadata's own words for the date, checked against the page's text below
    if meta.published is None:
        for key in _DATE_META:
            for value in metas.get(key, []):
                when = parse_when(value, zone)
                if when:
                    meta.published, meta.published_has_time = when
                    declared_date = value
                    break
            if meta.published is not None:
                break
    if meta.published is None and isinstance(ld.get("datePublished"), str):
        when = parse_when(ld["datePublished"], zone)
        if when:
            meta.published, meta.published_has_time = when

    if not meta.tags:
        tags: list[str] = []
        for value in metas.get("keywords", []) + metas.get("news_keywords", []):
            tags.extend(t.strip() for t in value.split(","))
        tags.extend(metas.get("article:tag", []))
        if not tags and isinstance(ld.get("keywords"), str):
            tags.extend(t.strip() for t in ld["keywords"].split(","))
        meta.tags = tuple(dict.fromkeys(t for t in tags if t))

    base_url = None  # the page's own address, which its relative links are resolved against
    for candidate in [*(b.get("href") for b in root.iter("base")),
                      *(link.get("href") for link in root.xpath("//link[@rel='canonical']")),
                      *metas.get("og:url", [])]:
        if candidate and urlsplit(candidate).scheme in ("http", "https") and urlsplit(candidate).netloc:
            base_url = candidate
            break

    content = content_root(root)
    heading = page_heading(root, content)
    if meta.title is None:
        if heading is not None:
            meta.title = text_of(heading)
        else:
            for candidate in [*metas.get("og:title", []), ld.get("headline"),
                              *(text_of(t) for t in root.iter("title"))]:
                if isinstance(candidate, str) and normalise_space(candidate):
                    meta.title = _site_suffix(normalise_space(candidate))
                    break

    if meta.published is None:
        # a <time> in the article dates it; one outside counts only when it is the page's only one and not in a
        # list of other items ("Related news", "Latest" with their own dates)
        inside = content.xpath(".//time[@datetime]")
        outside = [t for t in root.xpath("//time[@datetime]") if t not in inside]
        if not inside and len(outside) == 1 and not in_junk(outside[0]):
            inside = outside
        for t in inside:
            when = parse_when(t.get("datetime"), zone)
            if when:
                meta.published, meta.published_has_time = when
                break

    strip_junk(root, content)
    texts = block_texts(content)
    paragraphs = [text for text, _ in texts]
    bold = {text for text, is_bold in texts if is_bold}
    chrome: set[str] = set()
    if page is not None:
        paragraphs, chrome = _without_leading_chrome(paragraphs, page, meta.title)
    if declared_date is not None:
        meta.published = _as_named(meta.published, declared_date, paragraphs, meta.language)
    elif page is not None and meta.fallback_date is None:
        meta.fallback_date = _page_date(page, zone)
        meta.fallback_what = "the page's date as htmldate finds it (its address or markup)"
    too_deep = depth(content) > _MAX_DEPTH

    def body_html(body: list[str], removed: set[str]) -> str:
        if too_deep:
            return "\n".join(f"<p>{escape_text(p)}</p>" for p in body)
        return sanitise(content, removed | chrome, base_url)

    return build_release(ctx, Document([Block(p, bold=p in bold) for p in paragraphs], meta, body_html))


def _as_named(published: datetime, declared: str, paragraphs: list[str], language: str | None) -> datetime:
    """A metadata date in digits that reads both ways ("08/07/2011" on a US site) follows the date the page names
    in words ("August 7, 2011")."""
    m = re.fullmatch(r"\s*(\d{1,2})[./-](\d{1,2})[./-]\d{4}\b.*", declared)
    if not m or int(m.group(1)) > 12 or int(m.group(2)) > 12 or m.group(1) == m.group(2):
        return published  # ISO dates and dates that read one way only: nothing to check
    found = dates.find_dates(declared)
    if not found or not found[0].ambiguous:
        return published
    named = dates.named_reading(found[0], "\n".join(paragraphs[:8]), language)
    if (named.month, named.day) == (found[0].month, found[0].day):
        return published
    return published.replace(month=named.month, day=named.day)


def _page_date(page: str, zone) -> datetime | None:
    """The page's publication date as htmldate, the field's web-page date finder, reads it from the page's address,
    markup and structure: a weak clue, used only when the text itself gives no date (htmldate alone is right less
    often than the page's own metadata and datelines on the corpus)."""
    try:
        import htmldate
    except ImportError:
        return None
    try:
        found = htmldate.find_date(page, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # a library failure on an odd page must not cost the release
        return None
    if not found:
        return None
    day = datetime.fromisoformat(found)
    return datetime(day.year, day.month, day.day, tzinfo=zone)


FRAME_LINES = 6  # a frame shows in short lines among the first paragraphs, or not at all


ARTICLE_PROBE = 60  # characters of a paragraph compared with the start of the article trafilatura finds


def _without_leading_chrome(paragraphs: list[str], page: str, title: str | None) -> tuple[list[str], set[str]]:
    """The paragraphs without the site's frame that stands above the article ("Home | About | Press room",
    "Japanese | Site map", a language switcher), as told by trafilatura, the field's main-text extractor: what
    comes before the first paragraph of its article text goes, except datelines, labels and sentences, which a
    page puts above its text on purpose."""

    wanted = normalise_space(title or "").casefold()
    opening = [p for p in paragraphs[:FRAME_LINES] if not is_meta_line(p) and p.casefold() != wanted]
    if not any(len(p.split()) < 8 and not re.search(r"[.!?…:][\"'»”’)]*$", p) for p in opening[:3]):
        return paragraphs, set()  # the article's text comes first: no short unpunctuated lines of a frame
    start = _article_start(paragraphs, page, title)
    if start <= 0:
        return paragraphs, set()
    kept, dropped = [], set()
    for i, p in enumerate(paragraphs):
        if i < start and not is_meta_line(p) and not re.search(r"[.!?…][\"'»”’)]*$", p):
            dropped.add(p)
        else:
            kept.append(p)
    return kept, dropped


def _article_start(paragraphs: list[str], page: str, title: str | None) -> int:
    """The index of the paragraph trafilatura's article text starts with (past the title), or -1."""
    try:
        import trafilatura
    except ImportError:  # an optional help: without it the page's own structure is all there is
        return -1
    try:
        text = trafilatura.extract(page, fast=True, include_comments=False, include_tables=False) or ""
    except Exception:  # a library failure on an odd page must not cost the release
        return -1
    wanted = normalise_space(title or "").casefold()
    probes = [normalise_space(line).casefold()[:ARTICLE_PROBE] for line in text.split("\n")]
    probes = [p for p in probes if len(p.split()) >= 3 and p != wanted[:ARTICLE_PROBE]]
    if not probes:
        return -1
    for i, p in enumerate(paragraphs):
        if normalise_space(p).casefold()[:ARTICLE_PROBE] == probes[0]:
            return i
    return -1


TOO_DEEP = ("Part of the web page could not be read: its tags are nested too deeply (more than 255 levels) or are "
            "badly broken, and feedsvc publishes no half pages. Save the page again, or send the text as a .txt or "
            "Word file.")


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a saved web page."""
    if not data.strip():
        return Rejection("The file is empty.")
    try:
        text = clean(decode_html(data))
    except NotText as e:
        return Rejection(str(e))
    if not text.strip():
        return Rejection("The file is empty: it contains only blank space.")
    try:
        root = parse_html(text)
    except NestedTooDeeply:
        return Rejection(TOO_DEEP)
    except (etree.ParserError, ValueError) as e:
        return Rejection(f"The web page could not be read as HTML ({e}).")
    if letter_count(root.text_content()) < letter_count(markup_free(text)) / 2:
        # the parser lost much of the text (badly broken markup): say so rather than publish half a page
        return Rejection(TOO_DEEP)
    return read_tree(ctx, root, Meta(), page=text)
