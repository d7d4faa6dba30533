"""The topic tables shipped in `data/`: countries, organisations, and one table of names per language."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources


def data(name: str) -> dict:
    """One TOML file of `data/`, parsed."""
    return tomllib.loads(resources.files("feedsvc.topics").joinpath("data", name).read_text(encoding="utf-8"))


@functools.cache
def vocabulary(language: str) -> dict:
    """The table of one language, or an empty one."""
    try:
        return data(f"{language}.toml")
    except FileNotFoundError:
        return {}


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages that have a table."""
    folder = resources.files("feedsvc.topics").joinpath("data")
    return tuple(sorted(p.name[:-5] for p in folder.iterdir()
                        if p.name.endswith(".toml") and p.name[:-5] not in ("countries", "organisations")))
