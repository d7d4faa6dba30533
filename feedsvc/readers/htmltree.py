"""A saved page as a tree: parsed safely (no network, no entity expansion, libxml2's nesting cap), its blocks of
text with their weight, the article's root and heading told from the site's frame by the page's own structure."""

from __future__ import annotations

import re
from copy import deepcopy

import lxml.html
from lxml import etree

from feedsvc.readers import rules
from feedsvc.readers.encoding import decode, normalise_space

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


def text_of(el) -> str:
    """The element's text in one line; a line break inside it is a space ("Attack<br>(Statement ...)")."""
    if el.find(".//br") is None:
        return normalise_space(el.text_content())
    copy = deepcopy(el)
    for br in copy.iter("br"):
        br.tail = " " + (br.tail or "")
    return normalise_space(copy.text_content())


def depth(root) -> int:
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


def remove_keeping_tail(el) -> None:
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


def content_root(root):
    for xp in _CONTENT_XPATHS:
        found = [el for el in root.xpath(xp) if len(text_of(el)) >= 20]
        if found:
            return max(found, key=lambda el: len(text_of(el))) if xp == "//article" else found[0]
    body = root.find("body")
    return body if body is not None else root


def strip_junk(root, keep) -> None:
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
            remove_keeping_tail(el)


HEADING_WORDS = 3  # a heading below the page's frame names a release in at least this many words


_TITLE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|titulo|titre|titolo|headline|heading|tit)(?:$|[\s_-])",
                          re.IGNORECASE)


def page_heading(root, content):
    """The release's heading: the article's own <h1>; else the page's first <h1> unless that is the site's name
    (in the page header, marked as a logo or brand); else the first heading of the page's text (an <h2>-<h4> or
    an element classed as a title) that names something rather than a section ("Press Releases"), found before
    any paragraph of text; else the site's <h1> after all."""
    for h1 in content.iter("h1"):
        if text_of(h1) and not _is_chrome(h1) and not rules.is_label(text_of(h1)):
            return h1
    outside = next((h1 for h1 in root.iter("h1") if text_of(h1)), None)
    if outside is not None and not _is_chrome(outside) and not rules.is_label(text_of(outside)):
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
        if not isinstance(el.tag, str) or el is scope or in_junk(el) or _is_chrome(el):
            continue
        text = text_of(el)
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


def in_junk(el) -> bool:
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
