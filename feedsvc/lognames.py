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
