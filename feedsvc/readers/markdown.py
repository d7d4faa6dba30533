"""Markdown releases (.md/.markdown) with optional YAML front matter, which wins over anything inferred."""

from __future__ import annotations

import re

import frontmatter
import yaml
from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock

from feedsvc.models import Rejection, Release
from feedsvc.readers import embargo as embargoes
from feedsvc.readers.blocks import Meta
from feedsvc.readers.encoding import NotText, clean, decode, normalise_space
from feedsvc.readers.htmlpage import NestedTooDeeply, parse_html, parse_when, read_tree
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.options import Context

# markdown-it drops whatever lies deeper than maxNesting (the commonmark preset's 20 loses a 10-level list);
# 100 is markdown-it's own default, and anything deeper is refused rather than published in part.
_MAX_NESTING = 100
_MD = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False,
                                "maxNesting": _MAX_NESTING}).enable("table")


class _NestingGuard(ParserBlock):
    """markdown-it's block parser, noting in env["too_deep"] when it skips text for being nested too deeply."""

    def tokenize(self, state, startLine: int, endLine: int) -> None:
        line = state.skipEmptyLines(startLine)
        if (state.level >= state.md.options.maxNesting and line < endLine
                and state.sCount[line] >= state.blkIndent):
            state.env["too_deep"] = True  # markdown-it would skip the rest of the block here
        super().tokenize(state, startLine, endLine)


_MD.block.__class__ = _NestingGuard
TOO_DEEP = (f"The Markdown is nested too deeply to read (quotes, lists or emphasis more than {_MAX_NESTING} levels "
            "deep), and feedsvc publishes no half releases. Remove the extra >, * or indentation, or send the text "
            "as a .txt file.")
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
            meta.language_declared_by = "author"
        meta.tags = _tags(_first(metadata, "tags", "keywords", "categories"))
        embargo = _first(metadata, "embargo", "embargoed", "embargo_until")
        if embargo is not None and embargo is not False:
            parsed = embargoes.read_value(embargo, ctx.zone)
            if isinstance(parsed, embargoes.Unreadable):
                return Rejection(f"The front-matter embargo cannot be read. {parsed.reason}")
            meta.embargo, embargo_warnings = parsed
            meta.warnings.extend(embargo_warnings)
    else:
        content = text
    env: dict = {}
    rendered = _MD.render(content, env)
    if env.get("too_deep"):
        return Rejection(TOO_DEEP)
    try:
        root = parse_html(f"<html><body><main>{rendered}</main></body></html>")
    except NestedTooDeeply:
        return Rejection(TOO_DEEP)
    return read_tree(ctx, root, meta)
