"""What a line of wrapped text says about the next: does it stop mid-sentence, does it end in a hyphen, a word no
sentence ends with, a change of case; and joining lines back, hyphenation undone or kept."""

from __future__ import annotations

import re
from functools import lru_cache

from feedsvc.readers import vocabulary
from feedsvc.readers.encoding import normalise_space

_WORDS = re.compile(r"[^\W\d_]+")
TERMINAL = re.compile(r"[.!?…:;。！？][\"'»”’)\]]*$")


BULLET = re.compile(r"^(?:[-–—•*·▪●◦‣]\s|\d{1,2}[.)]\s|[a-zа-я][)]\s|\(\w\)\s)")


_VOWELS = frozenset("aeiouyаеёиоуыэюя")


_RU_ADJ_END = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ей|ыми|ими)$")


def join_hyphenated(left_line: str, right_line: str, text: str) -> str:
    """Join a line ending in a hyphen with the next; decide whether the hyphen was hyphenation or a compound.

    Rule: before an uppercase letter or a digit the hyphen is kept ("Russian-\\nArab"). Before a lowercase
    letter it is kept when the hyphenated form appears elsewhere in the text, when the left part is a known
    compound prefix ("пресс-", "вице-", "self-"), the right part a known compound tail ("-based", "-то"),
    the pair looks like a Russian compound adjective ("военно-политический"), or the text is long and was
    not set with hyphenation (see `_hyphenates`); otherwise it is hyphenation and the halves are joined
    ("объявля-\\nет" → "объявляет").
    """
    left = left_line.rstrip()[:-1]
    right = right_line.lstrip()
    lword = re.split(r"[\s\-‐]", left)[-1]
    rword = re.match(r"\w*", right).group(0)
    if not right or not right[0].islower():
        return left + "-" + right
    low_l, low_r = lword.lower(), rword.lower()
    keep = False
    if low_l and low_r:
        lower_text = text.lower()
        if f"{low_l}-{low_r}" in lower_text:
            keep = True
        elif f"{low_l}{low_r}" in lower_text:
            keep = False
        elif (low_l in vocabulary.words("hyphen_prefixes") or low_r in vocabulary.words("hyphen_suffixes")
              or (low_l in vocabulary.words("vowel_prefixes") and low_r[:1] in _VOWELS)):
            keep = True
        elif low_l == "по" and re.search(r"(?:ому|ему|ски|цки)$", low_r):
            keep = True
        elif len(low_l) >= 6 and low_l.endswith("о") and len(low_r) >= 5 and _RU_ADJ_END.search(low_r):
            keep = True
        elif not _hyphenates(text):
            keep = True
    return left + ("-" if keep else "") + right


@lru_cache(maxsize=16)
def _hyphenates(text: str) -> bool:
    """Whether the text was set with automatic hyphenation. A long text that was not ends a line with a hyphen
    only where a compound word happened to fall ("ice-" / "resistant"), a few lines in a hundred; hyphenated
    justified text does so every few lines. Short texts give no evidence: they count as hyphenated."""
    long_lines = [ln for ln in text.split("\n") if len(ln.strip()) >= 40]
    if len(long_lines) < 30:
        return True
    return sum(1 for ln in long_lines if is_hyphen_end(ln)) >= 0.03 * len(long_lines)


def first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def starts_lower(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0].islower()


def ends_open(line: str) -> bool:
    """The line stops mid-sentence: no terminal punctuation at its end."""
    return not TERMINAL.search(line.rstrip())


def is_hyphen_end(line: str) -> bool:
    """The line ends in a word broken by a hyphen ("inter-"); a marker such as "-ENDS-" does not."""
    s = line.rstrip()
    if len(s) < 2 or s[-1] not in "-‐¬" or not s[-2].isalnum():
        return False
    word = s.split()[-1]
    return word[0] not in "-‐¬–—" and len(word) >= 3


def caps_change(a: str, b: str) -> bool:
    """An ALL-CAPS line followed by one in ordinary case (or the reverse): a headline and its subtitle, not one
    wrapped sentence."""
    la, lb = _WORDS.findall(a), _WORDS.findall(b)
    if not b.lstrip()[:1].isupper() or len(la) < 2 or len(lb) < 2:
        return False
    return " ".join(la).isupper() != " ".join(lb).isupper()


def join_lines(lines: list[str], text: str = "") -> str:
    """One line from lines broken by a layout (a title set over two lines): hyphenation undone as in paragraphs,
    `text` being the whole text the hyphenated words are looked up in."""
    joined = ""
    for ln in lines:
        if not joined:
            joined = ln.strip()
        elif is_hyphen_end(joined):
            joined = join_hyphenated(joined, ln, text or "\n".join(lines))
        else:
            joined = joined + " " + ln.strip()
    return normalise_space(joined)


def ends_with_open_word(line: str) -> bool:
    """The line stops on a word no sentence ends with ("of", "de", "и"): it was wrapped."""
    words = line.split()
    return bool(words) and words[-1].lower() in open_endings()


def continued(prev: str, line: str) -> bool:
    """`line` carries on from `prev`, whatever it looks like alone: `prev` stops without punctuation on a word no
    line ends with ("of", "и"), on a bare number ("..., 28" / "November – 1 December 2011"), or `line` starts in
    lower case."""
    if is_hyphen_end(prev):
        return True
    if not ends_open(prev):
        return False
    words = prev.split()
    last = words[-1].lower() if words else ""
    return starts_lower(line) or last in open_endings() or (last.isdigit() and len(last) <= 2)


def open_endings() -> frozenset[str]:
    """Words no sentence ends with (prepositions, articles, conjunctions), in every language."""
    return vocabulary.words("open_endings")
