"""Saved web pages (.html/.htm): the article's heading, date and text, without the site's navigation and chrome.

Markdown releases are rendered to HTML and come through `read_tree` too.
"""

from __future__ import annotations

import json
import re
from copy import deepcopy
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3
from lxml import etree

from feedsvc.models import Rejection, Release
from feedsvc.readers import clock, dates, rules
from feedsvc.readers.blocks import Block, Document, Meta
from feedsvc.readers.encoding import NotText, clean, decode, normalise_space
from feedsvc.readers.engine import build_release
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.options import Context
from feedsvc.readers.roles import is_meta_line

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "a", "h2", "h3", "h4", "blockquote"}
URL_SCHEMES = {"http", "https", "mailto"}

BLOCK = frozenset(
    "p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li blockquote pre table thead "
    "tbody tfoot tr td th dl dt dd figure figcaption address hr center form fieldset details summary body "
    "html".split()
)
_JUNK_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "form",
              "button", "select", "input", "textarea", "nav", "aside", "footer", "header", "menu", "dialog", "map")
_JUNK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:breadcrumbs?|share|sharing|social|menu|navbar|navigation|nav|footer|cookies?|banner|"
    r"sidebar|related|print|subscribe|advert|ads|tags|comments?|pagination|pager|toolbar|skip|hidden|"
    r"visually-hidden|sr-only)(?:$|[\s_-])",
    re.IGNORECASE,
)
_CONTENT_XPATHS = (
    "//*[@itemprop='articleBody']",
    "//article",
    "//main",
    "//*[@role='main']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' article-body ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' article__body ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' entry-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' post-content ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' news-text ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' text ')]",
    "//*[@id='content' or @id='main' or @id='article']",
)
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
              "dcterms.created", "dcterms.issued", "pubdate", "publishdate", "publish-date", "publication_date",
              "sailthru.date", "parsely-pub-date", "article.published", "citation_publication_date")
_MAX_DEPTH = 200


def decode_html(data: bytes) -> str:
    """Decode a web page: byte-order mark, then a declared charset, then the text rules."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", data[:4096], re.IGNORECASE)
        if m:
            try:
                return data.decode(m.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode(data)[0]


class NestedTooDeeply(ValueError):
    """libxml2 stopped at its nesting limit (255 levels): the rest of the page is not in the tree."""


_DOCTYPE_SUBSET = re.compile(r"\s*(<!DOCTYPE[^\[>]*\[)", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse a page safely: no network, no huge trees (libxml2 caps nesting), comments and PIs dropped.

    Raises NestedTooDeeply when the page goes deeper than libxml2 reads, rather than return part of it."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    # A form feed is white space in HTML, and lxml refuses it in text it is given back (the one control
    # character clean() keeps, for the plain-text paragraph builder).
    text = text.replace("\f", "\n")
    # An internal DTD subset (entity definitions, as in "billion laughs") is never expanded; drop it whole
    # so its tail does not leak into the text. Only where a DOCTYPE stands, at the top: one match, one search.
    subset = _DOCTYPE_SUBSET.match(text)
    end = _SUBSET_END.search(text, subset.end()) if subset else None
    if end:
        text = text[:subset.start(1)] + text[end.end():]
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, recover=True,
        default_doctype=False,
    )
    root = lxml.html.document_fromstring(text, parser=parser)
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise NestedTooDeeply(text)
    return root


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


def _text(el) -> str:
    """The element's text in one line; a line break inside it is a space ("Attack<br>(Statement ...)")."""
    if el.find(".//br") is None:
        return normalise_space(el.text_content())
    copy = deepcopy(el)
    for br in copy.iter("br"):
        br.tail = " " + (br.tail or "")
    return normalise_space(copy.text_content())


def _depth(root) -> int:
    deepest = depth = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def block_paragraphs(root) -> list[str]:
    """The visible text of `root` as paragraphs: one per block element, double <br> splits, single <br> joins."""
    return [text for text, _ in block_texts(root)]


_BOLD = frozenset(("b", "strong"))


def block_texts(root) -> list[tuple[str, bool]]:
    """`block_paragraphs`, each with whether all of its text is set in bold (<b>, <strong>)."""
    paragraphs: list[tuple[str, bool]] = []
    parts: list[tuple[str, bool]] = []
    bold = 0  # <b>/<strong> elements open around the text being read

    def flush() -> None:
        joined = "".join(text for text, _ in parts)
        all_bold = all(b for text, b in parts if text.strip()) and any(text.strip() for text, _ in parts)
        parts.clear()
        for chunk in re.split(r"\n\s*\n", joined):
            s = normalise_space(chunk)
            if s:
                paragraphs.append((s, all_bold))

    def names_a_value(el) -> bool:  # <dt>Laufende Nr.:</dt><dd>280</dd> is one line: "Laufende Nr.: 280"
        following = el.getnext()
        return el.tag == "dt" and following is not None and following.tag == "dd"

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag == "dd" and el.getprevious() is not None and names_a_value(el.getprevious()):
                pass
            elif tag in BLOCK:
                flush()
            elif tag == "br":
                parts.append(("\n", bool(bold)))
            bold += tag in _BOLD
            if el.text:
                parts.append((el.text.replace("\n", " "), bool(bold)))
        else:
            bold -= tag in _BOLD
            if names_a_value(el):
                name = "".join(text for text, _ in parts).rstrip()
                parts.append((" " if name.endswith(":") else ": ", bool(bold)))
            elif tag in BLOCK:
                flush()
            if el.tail and el is not root:
                parts.append((el.tail.replace("\n", " "), bool(bold)))
    flush()
    return paragraphs


def _remove(el) -> None:
    """Drop an element but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _content_root(root):
    for xp in _CONTENT_XPATHS:
        found = [el for el in root.xpath(xp) if len(_text(el)) >= 20]
        if found:
            return max(found, key=lambda el: len(_text(el))) if xp == "//article" else found[0]
    body = root.find("body")
    return body if body is not None else root


def _strip_junk(root, keep) -> None:
    """Remove scripts, styles, navigation, page chrome and share/breadcrumb boxes, never `keep` or its ancestors."""
    ancestors = [keep, *keep.iterancestors()]  # held, so that their ids are not reused by other elements
    protected = {id(a) for a in ancestors}
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or id(el) in protected:
            continue
        if el.tag in _JUNK_TAGS and not (el.tag == "header" and keep in el.iterancestors()):
            doomed.append(el)
            continue
        marker = f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"
        if marker.strip() and _JUNK_CLASS.search(marker):
            doomed.append(el)
            continue
        if el.get("hidden") is not None or el.get("aria-hidden") == "true":
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            _remove(el)


def _site_suffix(title: str) -> str:
    parts = re.split(r"\s+(?:[-|—–:]{1,2}|::)\s+", title)
    if len(parts) > 1 and len(parts[0].split()) >= 3:
        return parts[0]
    return max(parts, key=len) if parts else title


HEADING_WORDS = 3  # a heading below the page's frame names a release in at least this many words
_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|titulo|titre|titolo|headline|heading|tit)(?:$|[\s_-])",
                          re.IGNORECASE)


def _heading(root, content):
    """The release's heading: the article's own <h1>; else the page's first <h1> unless that is the site's name
    (in the page header, marked as a logo or brand); else the first heading of the page's text (an <h2>-<h4> or
    an element classed as a title) that names something rather than a section ("Press Releases"), found before
    any paragraph of text; else the site's <h1> after all."""
    for h1 in content.iter("h1"):
        if _text(h1) and not _is_chrome(h1) and not rules.is_label(_text(h1)):
            return h1
    outside = next((h1 for h1 in root.iter("h1") if _text(h1)), None)
    if outside is not None and not _is_chrome(outside) and not rules.is_label(_text(outside)):
        return outside
    body = root.find("body")
    for scope in (content, body if body is not None else root):
        found = _first_heading(scope)
        if found is not None:
            return found
    return outside


def _first_heading(scope):
    """The first heading-like element of `scope` outside the page's frame, before any paragraph of text."""
    for el in scope.iter():
        if not isinstance(el.tag, str) or el is scope or _in_junk(el) or _is_chrome(el):
            continue
        text = _text(el)
        if not text:
            continue
        heading = el.tag in ("h1", "h2", "h3", "h4") or (el.tag in ("div", "p", "span", "strong")
                                                          and _TITLE_CLASS.search(el.get("class", "")))
        if heading and len(text.split()) >= HEADING_WORDS and not rules.is_label(text):
            return el
        if el.tag in ("p", "li", "td", "blockquote") and len(text.split()) >= 8 and re.search(r"[.!?]$", text):
            return None  # text before any heading: the article does not open with one
    return None


_CHROME = re.compile(r"(?:^|[\s_-])(?:logo|brand|branding|site|site-name|sitename|masthead|header)(?:$|[\s_-])",
                     re.IGNORECASE)


def _in_junk(el) -> bool:
    """In a sidebar, a related-news box, navigation or a list of items rather than in the page's own header."""
    for node in el.iterancestors():
        if node.tag in ("aside", "nav", "footer", "li", "ul", "ol"):
            return True
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if marker.strip() and _JUNK_CLASS.search(marker):
            return True
    return False


def _is_chrome(el) -> bool:
    """An element of the site's frame rather than of the article: in <header>/<nav>, or marked logo/brand/site."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("header", "nav"):
            return True
        marker = f"{node.get('class', '')} {node.get('id', '')}"
        if marker.strip() and _CHROME.search(marker):
            return True
    return False


def read_tree(ctx: Context, root, meta: Meta, base_url: str | None = None, first_h1_is_title: bool = True,
              page: str | None = None) -> Release | Rejection:
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

    if base_url is None:
        for candidate in [*(b.get("href") for b in root.iter("base")),
                          *(link.get("href") for link in root.xpath("//link[@rel='canonical']")),
                          *metas.get("og:url", [])]:
            if candidate and urlsplit(candidate).scheme in ("http", "https") and urlsplit(candidate).netloc:
                base_url = candidate
                break

    content = _content_root(root)
    heading = _heading(root, content)
    if meta.title is None:
        if heading is not None and first_h1_is_title:
            meta.title = _text(heading)
        else:
            for candidate in [*metas.get("og:title", []), ld.get("headline"),
                              *(_text(t) for t in root.iter("title"))]:
                if isinstance(candidate, str) and normalise_space(candidate):
                    meta.title = _site_suffix(normalise_space(candidate))
                    break

    if meta.published is None:
        # a <time> in the article dates it; one outside counts only when it is the page's only one and not in a
        # list of other items ("Related news", "Latest" with their own dates)
        inside = content.xpath(".//time[@datetime]")
        outside = [t for t in root.xpath("//time[@datetime]") if t not in inside]
        if not inside and len(outside) == 1 and not _in_junk(outside[0]):
            inside = outside
        for t in inside:
            when = parse_when(t.get("datetime"), zone)
            if when:
                meta.published, meta.published_has_time = when
                break

    _strip_junk(root, content)
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
    too_deep = _depth(content) > _MAX_DEPTH

    def body_html(body: list[str], removed: set[str]) -> str:
        if too_deep:
            return "\n".join(f"<p>{_escape(p)}</p>" for p in body)
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


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def sanitise(content, removed: set[str], base_url: str | None) -> str:
    """Safe HTML for the article: metadata blocks taken out, links absolute (or dropped), then nh3 with an
    explicit allowlist, so no script, style, event handler or `javascript:` link survives."""
    for el in list(content.iter()):
        if not isinstance(el.tag, str) or el is content:
            continue
        if el.tag in BLOCK and removed and _text(el) in removed:
            _remove(el)
    for a in content.iter("a"):
        href = (a.get("href") or "").strip()
        if not href:
            continue
        scheme = urlsplit(href).scheme.lower()
        if scheme in URL_SCHEMES:
            continue
        if scheme or href.startswith("#") or not base_url:
            a.attrib.pop("href", None)
        else:
            a.set("href", urljoin(base_url, href))
    for el in content.iter():
        if not isinstance(el.tag, str) or el is content:
            continue
        if el.tag == "h1":
            el.tag = "h2"
        elif el.tag in ("h5", "h6"):
            el.tag = "h4"
        elif el.tag in ("div", "section", "td", "th", "dd", "dt", "figcaption", "address", "center", "pre",
                        "article", "summary", "caption"):
            if not any(isinstance(c.tag, str) and c.tag in BLOCK for c in el):
                el.tag = "p"
    markup = lxml.html.tostring(content, encoding="unicode", method="html")
    cleaned = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    cleaned = re.sub(r"<p>\s*</p>", "", cleaned)
    return re.sub(r"(?<!\s)\s*\n\s*", "\n", cleaned).strip()  # a match starts only where a white run does


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def _markup_free(text: str) -> str:
    """The page's text by a rough cut: comments, tags and entities removed (to check the parser lost nothing).

    In linear time whatever the page: comments are found with str.find, and a tag cannot contain "<", so a page
    of "<<<<" is not searched again from every "<" to its end."""
    parts, start = [], 0
    while (opening := text.find("<!--", start)) >= 0:
        closing = text.find("-->", opening + 4)
        if closing < 0:
            break
        parts += [text[start:opening], " "]
        start = closing + 3
    parts.append(text[start:])
    return _TAG_OR_ENTITY.sub(" ", "".join(parts))


_TAG_OR_ENTITY = re.compile(r"<[^<>]*>|&#?\w+;")


_LETTER = re.compile(r"[^\W\d_]")
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
    if _letters(root.text_content()) < _letters(_markup_free(text)) / 2:
        # the parser lost much of the text (badly broken markup): say so rather than publish half a page
        return Rejection(TOO_DEEP)
    return read_tree(ctx, root, Meta(), page=text)
