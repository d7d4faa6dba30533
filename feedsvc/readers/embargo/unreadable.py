"""A notice that cannot be read exactly, and how the press officer is told why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unreadable:
    """A notice that cannot be read exactly: the release is held (rejected) with this reason."""

    reason: str


def short(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= 100 else line[:99] + "…"


def with_line(problem: Unreadable, line: str) -> Unreadable:
    return Unreadable(f"The embargo line “{short(line)}” cannot be read exactly: {problem.reason}")
