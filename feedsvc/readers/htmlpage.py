"""Saved web pages (.html/.htm): the article's heading, date and text, without the site's navigation and chrome.

Markdown releases are rendered to HTML and come through `read_tree` too.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3
from lxml import etree

from feedsvc.models import Rejection, Release
from feedsvc.readers import dates
from feedsvc.readers.common import Context, Meta, finish
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.text import NotText, clean, decode, normalise_space

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


_DOCTYPE_SUBSET = re.compile(r"\s*(<!DOCTYPE[^\[>]*\[)", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")


def parse_html(text: str) -> lxml.html.HtmlElement:
    """Parse a page safely: no network, no huge trees (libxml2 caps nesting), comments and PIs dropped."""
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
    return lxml.html.document_fromstring(text, parser=parser)


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
    hm = dates.find_time(s[:d.start] + " " + s[d.end:])
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
    return normalise_space(el.text_content())


def _depth(root) -> int:
    deepest = depth = 0
    for event, _el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def block_paragraphs(root) -> list[str]:
    """The visible text of `root` as paragraphs: one per block element, double <br> splits, single <br> joins."""
    paragraphs: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        joined = "".join(parts)
        parts.clear()
        for chunk in re.split(r"\n\s*\n", joined):
            s = normalise_space(chunk)
            if s:
                paragraphs.append(s)

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK:
                flush()
            elif tag == "br":
                parts.append("\n")
            if el.text:
                parts.append(el.text.replace("\n", " "))
        else:
            if tag in BLOCK:
                flush()
            if el.tail and el is not root:
                parts.append(el.tail.replace("\n", " "))
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
    protected = {id(keep), *(id(a) for a in keep.iterancestors())}
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


def _heading(root, content):
    """The release's heading: the article's own <h1>; else the page's first <h1> unless that is the site's
    name (in the page header or marked as a logo/brand) and the article opens with an <h2>, which is then the
    heading."""
    for h1 in content.iter("h1"):
        if _text(h1):
            return h1
    outside = next((h1 for h1 in root.iter("h1") if _text(h1)), None)
    if outside is not None and not _is_chrome(outside):
        return outside
    if content.tag != "body":
        for el in content.iter():
            if not isinstance(el.tag, str) or el is content:
                continue
            if el.tag in ("h2", "h3") and _text(el):
                return el
            if el.tag in BLOCK and el.tag not in ("div", "section", "header", "article", "main", "hgroup") \
                    and _text(el):
                break  # text before any heading: the article does not open with one
    return outside


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


def read_tree(ctx: Context, root, meta: Meta, base_url: str | None = None, first_h1_is_title: bool = True
              ) -> Release | Rejection:
    """Turn a parsed page (or rendered Markdown) into a release; `meta` holds what was declared explicitly."""
    metas = _metas(root)
    ld = _json_ld(root)
    zone = ctx.zone

    if meta.language is None:
        lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        lang = lang or (metas.get("content-language") or [None])[0] or (metas.get("og:locale") or [None])[0]
        lang = lang or (ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None)
        meta.language = normalise_tag(lang) if lang else None

    if meta.published is None:
        for key in _DATE_META:
            for value in metas.get(key, []):
                when = parse_when(value, zone)
                if when:
                    meta.published, meta.published_has_time = when
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
    if heading is not None and meta.title and _text(heading).casefold() == normalise_space(meta.title).casefold():
        _remove(heading)

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
    paragraphs = block_paragraphs(content)
    too_deep = _depth(content) > _MAX_DEPTH

    def body_html(body: list[str], removed: set[str]) -> str:
        if too_deep:
            return "\n".join(f"<p>{_escape(p)}</p>" for p in body)
        return sanitise(content, removed, base_url)

    return finish(ctx, paragraphs, meta, body_html)


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
    except (etree.ParserError, ValueError) as e:
        return Rejection(f"The web page could not be read as HTML ({e}).")
    if _letters(root.text_content()) < _letters(_markup_free(text)) / 2:
        # libxml2 stops at pages nested deeper than 255 levels: say so rather than publish half a page.
        return Rejection("Part of the web page could not be read: its tags are nested too deeply (more than 255 "
                         "levels) or are badly broken. Save the page again, or send the text as a .txt or Word file.")
    return read_tree(ctx, root, Meta())
