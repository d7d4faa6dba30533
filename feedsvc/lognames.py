"""File names as they go into the log and the command's output: quoted, so that no name can forge a line."""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), the quote and the backslash, Unicode line and paragraph separators, and lone
# surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\\x00-\\x1f\\x7f-\\x9f\"\\\\\u2028\u2029\ud800-\udfff]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def _escape(m: re.Match) -> str:
    ch = m.group(0)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def quote(name: str) -> str:
    """`name` in double quotes with control characters, quotes and backslashes escaped:
    `evil⏎INFO forged` -> `"evil\\nINFO forged"`, one line whatever the name holds."""
    return '"' + _UNSAFE.sub(_escape, name) + '"'


def shown(name: str) -> str:
    """`name` as it is when it is safe to print on a line of its own, else quoted (for `feedsvc scan`'s listing)."""
    return name if not _UNSAFE.search(name.replace('"', "").replace("\\", "")) else quote(name)


def one_line(text: str) -> str:
    """`text` with control characters and line breaks escaped, unquoted (a reason that names a file)."""
    return _CONTROL.sub(_escape, text)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


class OneLineArguments:
    """A logging filter: every string argument of a record is made one line, so nothing a file holds or is
    called (a reason quoting a file name, an exception message) can start a forged log line."""

    def filter(self, record) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(one_line(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {k: one_line(v) if isinstance(v, str) else v for k, v in record.args.items()}
        return True


def guard_log_lines() -> None:
    """Install OneLineArguments on every handler of the root logger (after logging is configured)."""
    import logging

    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, OneLineArguments) for f in handler.filters):
            handler.addFilter(OneLineArguments())
