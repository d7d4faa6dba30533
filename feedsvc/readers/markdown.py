"""Markdown releases (.md/.markdown) with optional YAML front matter, which wins over anything inferred."""

from __future__ import annotations

import re

import frontmatter
import yaml
from markdown_it import MarkdownIt

from feedsvc.models import Rejection, Release
from feedsvc.readers.common import Context, Meta
from feedsvc.readers.htmlpage import parse_html, parse_when, read_tree
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.text import NotText, clean, decode, normalise_space

_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MAX_FRONT_MATTER = 64 * 1024


def _first(metadata: dict, *keys: str) -> object:
    for key in keys:
        if key in metadata and metadata[key] not in (None, ""):
            return metadata[key]
    return None


def _tags(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list | tuple):
        items = [v for v in value if isinstance(v, str | int | float)]
    else:
        return ()
    return tuple(dict.fromkeys(normalise_space(str(v)) for v in items if normalise_space(str(v))))


def _has_aliases(front_matter: str) -> bool:
    """True when the YAML uses anchors or aliases (found by the scanner alone: linear, nothing is built)."""
    try:
        return any(isinstance(token, yaml.AnchorToken | yaml.AliasToken) for token in yaml.scan(front_matter))
    except yaml.YAMLError:
        return False  # not valid YAML: loading it says so


def _shown(value: object) -> str:
    """A front-matter value as a rejection quotes it: a scalar's first characters, never a structure whole."""
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} values"
    if isinstance(value, dict):
        return f"a mapping of {len(value)} keys"
    return str(value)[:60]


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a Markdown release."""
    if not data.strip():
        return Rejection("The file is empty.")
    try:
        text = clean(decode(data)[0]).replace("\f", "\n\n")
    except NotText as e:
        return Rejection(str(e))
    if not text.strip():
        return Rejection("The file is empty: it contains only blank space.")
    text = text.lstrip("\n")
    meta = Meta()
    m = _FRONT.match(text)
    if m:
        if len(m.group(1)) > _MAX_FRONT_MATTER:
            return Rejection("The front matter (between the --- lines at the top) is too large.")
        if _has_aliases(m.group(1)):
            # "Billion laughs": a few hundred bytes of aliases that expand to billions of values.
            return Rejection("The front matter (between the --- lines at the top) uses YAML anchors or aliases "
                             "(& and *), which feedsvc does not accept; write each value out in full.")
        try:
            post = frontmatter.loads(text)
        except yaml.YAMLError as e:
            where = getattr(e, "problem_mark", None)
            line = f" (line {where.line + 2})" if where is not None else ""
            return Rejection(f"The front matter (between the --- lines at the top) is not valid YAML{line}.")
        metadata = {str(k).lower(): v for k, v in post.metadata.items()} if isinstance(post.metadata, dict) else {}
        content = post.content
        title = _first(metadata, "title", "headline")
        if isinstance(title, str | int | float) and normalise_space(str(title)):
            meta.title = normalise_space(str(title))
        when = _first(metadata, "date", "published", "pubdate", "publishdate")
        if when is not None:
            parsed = parse_when(when, ctx.zone)
            if parsed is None:
                return Rejection(f"The front-matter date “{_shown(when)}” could not be read; use 2023-02-22 "
                                 "or 2023-02-22T11:00:00+03:00.")
            meta.published, meta.published_has_time = parsed
        summary = _first(metadata, "summary", "description", "lead")
        if isinstance(summary, str) and summary.strip():
            meta.summary = summary
        lang = _first(metadata, "language", "lang", "locale")
        if isinstance(lang, str):
            meta.language = normalise_tag(lang)
        meta.tags = _tags(_first(metadata, "tags", "keywords", "categories"))
        embargo = _first(metadata, "embargo", "embargoed", "embargo_until")
        if embargo is not None and embargo is not False:
            parsed = parse_when(embargo, ctx.zone)
            if parsed is None:
                return Rejection(f"The front-matter embargo “{_shown(embargo)}” could not be read; use "
                                 "2031-06-02T10:00:00+00:00.")
            meta.embargo = parsed[0]
    else:
        content = text
    rendered = _MD.render(content)
    root = parse_html(f"<html><body><main>{rendered}</main></body></html>")
    return read_tree(ctx, root, meta)
