"""The release's text as safe HTML for feeds and pages: only a few tags, only http(s) and mailto links, made
absolute against the page's address; and a rough count of a page's letters, to tell that the parser lost none."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import nh3

from feedsvc.readers.htmltree import BLOCK, remove_keeping_tail, text_of

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "b", "strong", "i", "em", "a", "h2", "h3", "h4", "blockquote"}


URL_SCHEMES = {"http", "https", "mailto"}


def escape_text(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def sanitise(content, removed: set[str], base_url: str | None) -> str:
    """Safe HTML for the article: metadata blocks taken out, links absolute (or dropped), then nh3 with an
    explicit allowlist, so no script, style, event handler or `javascript:` link survives."""
    for el in list(content.iter()):
        if not isinstance(el.tag, str) or el is content:
            continue
        if el.tag in BLOCK and removed and text_of(el) in removed:
            remove_keeping_tail(el)
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


def letter_count(text: str) -> int:
    return len(_LETTER.findall(text))


def markup_free(text: str) -> str:
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
