"""Text helpers shared by every reader: decoding bytes, removing control characters, rebuilding paragraphs."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from charset_normalizer import from_bytes

from feedsvc.readers import vocabulary


class NotText(ValueError):
    """The bytes are not text; the message is a sentence for a press officer."""


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document (give the file the .pdf extension)"),
    (b"PK\x03\x04", "a ZIP archive or a Word .docx file (give a Word file the .docx extension)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc); save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx or plain text"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"\x00\x00\x00\x18ftyp", "a video file"),
    (b"\x00\x00\x00\x20ftyp", "a video file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Bytes that never occur in text, apart from the odd stray one (tab, newlines, form feed and ESC are allowed).
_BINARY_BYTES = frozenset(set(range(0x00, 0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B})


def sniff_binary(data: bytes) -> str | None:
    """Name what `data` looks like when it is clearly not text (an image, an archive...), else None."""
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if magic in (b"BM", b"MZ", b"ID3", b"\x1f\x8b") and _binary_share(data[:4096]) < 0.05:
                continue  # short, ambiguous signatures: only trust them on bytes that are not text
            return what
    if head.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file", b"AVI ": "a video file"}[data[8:12]]
    return None


def _binary_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return sum(1 for b in sample if b in _BINARY_BYTES) / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark shows NUL bytes in every other position."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0) / (len(sample) / 2)
    odd = sample[1::2].count(0) / (len(sample) / 2)
    for share, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if share > 0.3 and (odd if codec == "utf-16-be" else even) < 0.05:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


_WORDS = re.compile(r"[^\W\d_]+")
_ODD_CHARS = re.compile(
    r"[\u2500-\u259f\u00a4\u00a6\u00a7\u00b6\u00d7\u00f7\u0402-\u040f\u0452-\u045f\u2320\u2321\u00ac]"
)


def _script_of(ch: str) -> str:
    return "c" if "\u0400" <= ch <= "\u04ff" else ("l" if ch.isascii() or ch <= "\u024f" else "o")


def _plausibility(text: str) -> float:
    """Score a candidate decoding of 8-bit text from -1 to 1: the words with non-ASCII letters should use one
    script and a sane case pattern (lower, Capitalised or UPPER); odd symbols (box drawing, ×) count against."""
    good = bad = 0
    for word in _WORDS.findall(text):
        if word.isascii():
            continue
        scripts = {_script_of(ch) for ch in word}
        cased = word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
        if len(scripts) == 1 and cased:
            good += 2 if word.islower() else 1
        else:
            bad += 2
    high = sum(1 for ch in text if ord(ch) > 127) or 1
    total = good + bad
    if not total:
        return 0.0
    return (good - bad) / total - 3 * len(_ODD_CHARS.findall(text)) / high


def decode(data: bytes) -> tuple[str, str]:
    """Decode release bytes to text, returning (text, encoding); raise NotText for binary data.

    Order: byte-order mark (UTF-8/16/32), UTF-16 without a mark, strict UTF-8, then a plausibility score
    among cp1251, koi8_r and cp1252 (short Russian texts fool general detectors), then charset-normalizer.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError:
                return data[len(bom):].decode(codec, errors="replace"), codec
    what = sniff_binary(data)
    if what:
        raise NotText(f"This is not text: it looks like {what}.")
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if _binary_share(data[:65536]) > 0.05:
        raise NotText("This is not text: it contains binary data (an image, a program or a damaged file?).")
    try:
        return repair_mojibake(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for codec in ("cp1251", "koi8_r", "cp1252"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, text, codec)
    if best is not None and best[0] > 0.3:
        return best[1], best[2]
    match = from_bytes(data[:200_000]).best()
    if match is not None and match.encoding:
        try:
            return data.decode(match.encoding), match.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    if best is not None:
        return best[1], best[2]
    return data.decode("utf-8", errors="replace"), "utf-8"


# What the continuation bytes 0x80-0xBF of UTF-8 become when read as cp1251: Cyrillic letters such as "џ", "ѕ"
# but also "µ", "·", "°", "»", "‚", "™"... "Р" or "С" followed by one of them, three times running, is Russian
# UTF-8 read as cp1251 ("РџСЂРµСЃСЃ" for "Пресс").
_CP1251_TAIL = "".join(sorted(bytes(range(0x80, 0xC0)).decode("cp1251", errors="ignore")))
_MOJIBAKE_HINT = re.compile(
    r"(?:[ÐÑ][\u0080-\u00bf]|Ã[\u0080-\u00bf]|â€|[РС][" + re.escape(_CP1251_TAIL) + r"]){3}"
)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was once read as cp1251/latin-1 and saved again (`РљРѕРјРї` → `Комп`), only when sure."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    fixed = _repair(text)
    if fixed is not None:
        return fixed
    # a file mixing good lines with pasted mojibake ones: repair line by line, each only when sure
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _MOJIBAKE_HINT.search(line):
            lines[i] = _repair(line) or line
    return "\n".join(lines)


def _repair(text: str) -> str | None:
    for codec in ("cp1251", "cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if len(fixed) < len(text):
            return fixed
    return None


_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_ILLEGAL = re.compile("[^\t\n\r\f\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
# Bullets that Word and LibreOffice draw from the Symbol and Wingdings fonts come out of a PDF as private-use
# characters ("\uf0b7" for "•"); they are bullets, not text.
_SYMBOL_BULLETS = str.maketrans({
    "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "•", "\uf076": "•", "\uf0fc": "•", "\uf06e": "▪", "\uf0a8": "▪",
    "\uf0e8": "•", "\uf071": "▪", "\uf0b2": "•", "\uf0be": "–", "\uf02d": "–",
})


def clean(text: str) -> str:
    """Normalise line endings and remove what is not text: ANSI escapes, control characters, soft hyphens.

    Form feeds (page breaks) are kept for the paragraph builder; everything else left is legal in XML 1.0.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\x0b", "\n").replace("\x85", "\n")
    text = _ANSI.sub("", text)
    text = _INVISIBLE.sub("", text).translate(_SYMBOL_BULLETS)
    return _ILLEGAL.sub("", text)


def xml_safe(text: str) -> str:
    """Remove every character XML 1.0 forbids (and C1 controls); the last line of defence."""
    return _XML_ILLEGAL.sub("", text)


def normalise_space(text: str) -> str:
    """One line with single spaces."""
    return " ".join(_SPACES.sub(" ", text).split())


# --- paragraphs -------------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?…:;。！？][\"'»”’)\]]*$")
_BULLET = re.compile(r"^(?:[-–—•*·▪●◦‣]\s|\d{1,2}[.)]\s|[a-zа-я][)]\s|\(\w\)\s)")
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|стр\.?|страница|seite|página|pagina)\s*)?\d{1,4}"
    r"(?:\s*(?:/|of|из|von|de|sur)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)


_PAGE_MARK = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|стр\.?|страница|seite|página|pagina)\s*\d{1,4}"
    r"(?:\s*(?:/|of|из|von|de|sur)\s*\d{1,4})?|\d{1,4}\s*(?:/|of|из|von|sur)\s*\d{1,4})\s*$",
    re.IGNORECASE,
)


def _page_breaks_at_page_numbers(text: str) -> str:
    """Text extracted from a PDF without form feeds still shows where pages ended: a page-number line
    ("- 2 -", "Page 2 of 3", "стр. 2") ends a page. Each becomes a page break, so running headers and footers
    can be recognised and a sentence cut by the page is re-joined."""
    lines = text.split("\n")
    if not any(_PAGE_MARK.match(ln) for ln in lines):
        return text
    out = []
    for ln in lines:
        if _PAGE_MARK.match(ln):
            out.append(ln + "\n\f")
        else:
            out.append(ln + "\n")
    return "".join(out).rstrip("\f\n") + "\n"


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", normalise_space(line)).lower()


def running_line_flags(pages: list[str]) -> list[list[bool]]:
    """For each page, for each of its lines (split on newlines): is it a running header or footer, a page number?

    A line is furniture when, with digits ignored, it appears among the first or last three lines of at least
    half of the pages (and of two or more); bare page numbers ("- 2 -", "Page 2 of 5", "стр. 2") are furniture
    in multi-page text. Without page breaks, a short line repeated three or more times with a page number
    in it is furniture as well, and so is a page mark ("Page 1 of 1", "- 1 -") among the first or last three
    lines of the text.
    """
    split = [page.split("\n") for page in pages]
    if len(pages) < 2:
        lines = split[0] if split else []
        keys = Counter(_furniture_key(ln) for ln in lines if ln.strip())
        repeated = {
            k for k, n in keys.items()
            if n >= 3 and len(k) <= 100 and "#" in k and not _TERMINAL.search(k) and len(k.split()) <= 12
        }
        filled = [i for i, ln in enumerate(lines) if ln.strip()]
        edge = set(filled[:3] + filled[-3:])
        return [[
            bool(ln.strip()) and (_furniture_key(ln) in repeated or (i in edge and bool(_PAGE_MARK.match(ln))))
            for i, ln in enumerate(lines)
        ]] if split else []
    edges: Counter[str] = Counter()
    for lines in split:
        filled = [ln for ln in lines if ln.strip()]
        for key in {_furniture_key(ln) for ln in filled[:3] + filled[-3:]}:
            edges[key] += 1
    need = max(2, (len(pages) + 1) // 2)
    furniture = {k for k, n in edges.items() if n >= need and len(k) <= 150}
    return [
        [bool(ln.strip()) and (_furniture_key(ln) in furniture or bool(_PAGE_NUMBER.match(ln))) for ln in lines]
        for lines in split
    ]


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers and page numbers (see `running_line_flags`)."""
    flags = running_line_flags(pages)
    return [
        "\n".join(ln for ln, drop in zip(page.split("\n"), page_flags, strict=True) if not drop)
        for page, page_flags in zip(pages, flags, strict=True)
    ]


_VOWELS = frozenset("aeiouyаеёиоуыэюя")
_RU_ADJ_END = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ей|ыми|ими)$")


def _join_hyphenated(left_line: str, right_line: str, text: str) -> str:
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
    return sum(1 for ln in long_lines if _is_hyphen_end(ln)) >= 0.03 * len(long_lines)


def _first_word(line: str) -> str:
    parts = line.split(None, 1)
    return parts[0] if parts else ""


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _starts_lower(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0].islower()


def _ends_open(line: str) -> bool:
    """The line stops mid-sentence: no terminal punctuation at its end."""
    return not _TERMINAL.search(line.rstrip())


def _is_hyphen_end(line: str) -> bool:
    """The line ends in a word broken by a hyphen ("inter-"); a marker such as "-ENDS-" does not."""
    s = line.rstrip()
    if len(s) < 2 or s[-1] not in "-‐¬" or not s[-2].isalnum():
        return False
    word = s.split()[-1]
    return word[0] not in "-‐¬–—" and len(word) >= 3


def _caps_change(a: str, b: str) -> bool:
    """An ALL-CAPS line followed by one in ordinary case (or the reverse): a headline and its subtitle, not one
    wrapped sentence."""
    la, lb = _WORDS.findall(a), _WORDS.findall(b)
    if not b.lstrip()[:1].isupper() or len(la) < 2 or len(lb) < 2:
        return False
    return " ".join(la).isupper() != " ".join(lb).isupper()


def _title_line(line: str, alone: Callable[[str], bool]) -> bool:
    s = line.strip()
    return _ends_open(s) and not s.endswith(",") and not alone(s) and not _BULLET.match(s)


def join_lines(lines: list[str], text: str = "") -> str:
    """One line from lines broken by a layout (a title set over two lines): hyphenation undone as in paragraphs,
    `text` being the whole text the hyphenated words are looked up in."""
    joined = ""
    for ln in lines:
        if not joined:
            joined = ln.strip()
        elif _is_hyphen_end(joined):
            joined = _join_hyphenated(joined, ln, text or "\n".join(lines))
        else:
            joined = joined + " " + ln.strip()
    return normalise_space(joined)


def text_to_paragraphs(text: str, alone: Callable[[str], bool] | None = None, marked: bool = False) -> list[str]:
    """Rebuild paragraphs from text that may be hard-wrapped, double-spaced or paginated.

    - Pages (form feeds) lose their running headers/footers; a page break is a paragraph break unless it
      falls mid-sentence (the text before it has no terminal punctuation and the next page starts lowercase).
    - Blank lines separate paragraphs, unless the text puts a blank line after every wrapped line
      ("double-spaced": most blank-separated blocks are single lines and some sentences continue across a
      blank line in lowercase); then blank lines are ignored and only the wrap rule below breaks paragraphs.
    - Wrapped text (some line continues a sentence on the next line) is joined line by line. A line ends a
      paragraph when the next line is indented more than usual, starts a list item, or when the next line's
      first word would clearly have fitted on it (so the break was deliberate): with terminal punctuation the
      line plus that word must stay within the wrap width (the widest lines) minus a small slack; without
      punctuation the line must be short (within 60 % of the width).
    - Text that is not wrapped keeps each line as its own paragraph, except a title broken over two to four
      lines at the top (lines without terminal punctuation or comma), which is joined.
    - Lines for which `alone(line)` is true (datelines, document numbers, embargo lines) stay paragraphs of
      their own whatever the mode.
    - `marked` says the layout already marks every paragraph (a PDF whose paragraphs start with an indent or
      after extra space, which its reader turned into leading spaces and blank lines): a line of wrapped text
      with closing punctuation then ends a paragraph only before an indented line, a list item or a line that
      stands alone, never because the next word would have fitted (justified text and proportional fonts make
      line lengths a poor guide); a short line without it (a table row) still ends one.
    """
    alone = alone or (lambda _line: False)
    if "\f" not in text:
        text = _page_breaks_at_page_numbers(text)
    pages = drop_running_lines(text.split("\f"))
    items: list[tuple[str, str]] = []  # ("line", text) / ("blank", "") / ("page", "")
    for i, page in enumerate(pages):
        if i:
            items.append(("page", ""))
        for line in page.split("\n"):
            items.append(("line", line.rstrip()) if line.strip() else ("blank", ""))
    lines = [t for kind, t in items if kind == "line"]
    if not lines:
        return []

    blocks, gaps = _blocks(items)
    continuations = sum(
        1 for a, b, g in zip(blocks, blocks[1:], gaps, strict=False)
        if g == "blank" and ((_ends_open(a[-1]) and (_starts_lower(b[0]) or _ends_with_open_word(a[-1])))
                             or _is_hyphen_end(a[-1]))
    )
    lengths = sorted(len(ln.strip()) for ln in lines if len(ln.split()) >= 2) or [max(len(ln) for ln in lines)]
    width = lengths[-1]
    # Double spacing shows in the text's wide lines, each alone between blank lines; the short lines of a head
    # (a letterhead, labels, a date) stand alone in any text.
    wide_blocks = [b for b in blocks if len(b[0].strip()) >= 0.5 * width] or blocks
    single = sum(1 for b in wide_blocks if len(b) == 1) / len(wide_blocks)
    double_spaced = continuations >= 1 and single >= 0.6 and len(blocks) >= 3
    if width > 1.3 * lengths[int(0.9 * (len(lengths) - 1))]:
        width = lengths[int(0.9 * (len(lengths) - 1))]  # one overlong line (a URL, a table row) is not the column
    # A wrap is a line filled to about the column width that continues on the next; a short line continued in
    # lowercase ("ЗАЯВЛЕНИЕ МИД РОССИИ" / "о ситуации...") is a title set over two lines, not wrapping.
    inner_wraps = sum(
        1 for b in blocks for x, y in zip(b, b[1:], strict=False)
        if ((_ends_open(x) and (_starts_lower(y) or _ends_with_open_word(x))) or _is_hyphen_end(x))
        and len(x.strip()) >= 0.5 * width
    )
    wrapped = double_spaced or inner_wraps >= 1
    indents = Counter(_indent(ln) for ln in lines)
    base_indent = indents.most_common(1)[0][0]
    head, items = _split_head(items, width, alone, double_spaced)
    blocks, gaps = _blocks(items)

    def breaks(a: str, b: str) -> bool:
        if (alone(a.strip()) or alone(b.strip())) and not _continued(a, b.strip()):
            return True
        if _is_hyphen_end(a):
            return False
        bs = b.strip()
        if _BULLET.match(bs):
            return True
        if _indent(b) > base_indent and not bs[0].islower():
            return True
        if bs[0].islower():
            return False
        if _caps_change(a, bs):
            return True
        room = len(a.strip()) + 1 + len(_first_word(bs))
        if width > 160:  # lines this long are unwrapped paragraphs, not a narrow column
            return not _ends_open(a) and not marked
        if not _ends_open(a):
            return not marked and room <= width - max(1, width // 40)
        return room <= 0.6 * width

    paragraphs: list[str] = []

    def add(buf: list[str]) -> None:
        joined = join_lines(buf, text)
        if joined:
            paragraphs.append(joined)

    if double_spaced:
        stream: list[tuple[str, str]] = []
        for i, block in enumerate(blocks):
            if i and gaps[i - 1] == "page":
                stream.append(("page", ""))
            stream.extend(("line", ln) for ln in block)
        buf: list[str] = []
        for kind, t in stream:
            if kind == "page":
                if buf:
                    add(buf)
                    buf = []
                continue
            if buf and breaks(buf[-1], t):
                add(buf)
                buf = []
            buf.append(t)
        if buf:
            add(buf)
    else:
        for n, block in enumerate(blocks):
            if not wrapped:
                run = 0
                while (n == 0 and run < min(4, len(block)) and _title_line(block[run], alone)
                       and not (run and _caps_change(block[run - 1], block[run]))):
                    run += 1
                if run >= 2:
                    add(block[:run])
                    block = block[run:]
                for ln in block:
                    add([ln])
                continue
            buf = []
            for ln in block:
                if buf and breaks(buf[-1], ln):
                    add(buf)
                    buf = []
                buf.append(ln)
            add(buf)

    return _merge_page_splits(head + paragraphs, text)


def _blocks(items: list[tuple[str, str]]) -> tuple[list[list[str]], list[str]]:
    """Runs of consecutive lines, and what separated each from the next: "blank" or "page"."""
    blocks: list[list[str]] = []
    gaps: list[str] = []
    current: list[str] = []
    gap = ""
    for kind, t in items:
        if kind == "line":
            if not current and blocks:
                gaps.append(gap or "blank")
            current.append(t)
            gap = ""
        else:
            if current:
                blocks.append(current)
                current = []
            gap = "page" if kind == "page" or gap == "page" else "blank"
    if current:
        blocks.append(current)
    return blocks, gaps


HEAD_LINES = 16  # the head (letterhead, labels, datelines, title) is read in this many lines at the top
NARROW = 0.85  # a head line is narrower than this share of the text's width; the text's first line is not
WIDER = 1.1  # the line below a title runs at least this much wider than the title's widest line
CENTRED = 4  # lines whose middles lie this close (in characters), set in from the margin, are centred together
TITLE_RUN_LINES = 8
TITLE_RUN_CHARS = 300
MEASURE = 1.3  # a line this much wider than the run above it is set in another measure: the run has ended
SHORT = 0.6  # in double-spaced text, a head line this short (of the width) followed by a blank stands alone
_CLOSED = re.compile(r"[.:;][\"'»”’)\]]*$")  # closes a sentence or announces what follows: not a title line


def _split_head(items: list[tuple[str, str]], width: int, alone: Callable[[str], bool],
                double_spaced: bool) -> tuple[list[str], list[tuple[str, str]]]:
    """Read the head of a text, where lines are set in their own measure: a title in larger type wraps sooner
    than the text below it (three lines of 45 characters above lines of 85), and a letterhead or title is centred.

    Top down, until the first line of text (wide, or a sentence): a group of centred lines is one paragraph; a
    run of narrow lines without closing punctuation is one paragraph (a title set over several lines), provided
    its end is clear: a blank line, a page break, a line that stands alone, or a line clearly wider than the
    run. Returns the head's paragraphs and the items left to the paragraph rules; where the head's shape is not
    clear, those rules get it all.
    """
    items = _head_columns(items, width)
    paragraphs: list[str] = []
    i = seen = 0
    while i < len(items) and seen < HEAD_LINES:
        kind, line = items[i]
        if kind != "line":
            i += 1
            continue
        s = line.strip()
        nxt = items[i + 1][1].strip() if i + 1 < len(items) and items[i + 1][0] == "line" else ""
        if alone(s) and not _centred_run(items, i) and not (nxt and _continued(s, nxt)):
            paragraphs.append(normalise_space(s))
            i, seen = i + 1, seen + 1
            continue
        if _is_text_line(s, width) and not _centred_run(items, i):
            if not _single_head_line(items, i, s, double_spaced, alone):
                break
            paragraphs.append(normalise_space(s))  # a wide line alone, unpunctuated: a page title, a heading
            i, seen = i + 1, seen + 1
            continue
        run = _centred_run(items, i) or _title_run(items, i, width, alone, double_spaced)
        if not run:
            break
        lines = [items[k][1] for k in run]
        paragraphs.extend(_head_paragraphs(lines, alone))
        i, seen = run[-1] + 1, seen + len(run)
    return paragraphs, items[i:]


_LETTER = re.compile(r"[^\W\d_]")
COLUMN_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")  # a wide run of spaces inside a line divides two columns


def _head_columns(items: list[tuple[str, str]], width: int) -> list[tuple[str, str]]:
    """Head lines set in two columns side by side (a letterhead on the right, a number and a date on the left, as
    `pdftotext -layout` writes them) become one line per column, the left column's first; up to the first line
    of text."""
    end = next((k for k, (kind, line) in enumerate(items[:HEAD_LINES * 2])
                if kind == "line" and _is_text_line(line.strip(), width) and not COLUMN_GAP.search(line.strip())),
               min(len(items), HEAD_LINES * 2))
    head, rest = items[:end], items[end:]
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    out: list[tuple[str, str]] = []
    for kind, line in head:
        parts = COLUMN_GAP.split(line.strip()) if kind == "line" else []
        if len(parts) == 2 and all(len(_LETTER.findall(p)) >= 3 for p in parts):
            left.append(("line", parts[0]))
            right.append(("line", parts[1]))
            continue
        if left:
            out += left + [("blank", "")] + right + [("blank", "")]
            left, right = [], []
        out.append((kind, line))
    if left:
        out += left + [("blank", "")] + right + [("blank", "")]
    return out + rest


def _single_head_line(items: list[tuple[str, str]], i: int, s: str, double_spaced: bool,
                      alone: Callable[[str], bool]) -> bool:
    """A wide line that stands alone (between blank lines or lines of their own, such as a date) without closing
    punctuation is a head line, not the first line of the text: a browser's page title, a long heading set on
    one line."""
    if double_spaced or (_TERMINAL.search(s) and not s.endswith("…")) or s.endswith(","):
        return False  # a sentence, or a clause going on below; "…" closes a title cut short, not a sentence

    def apart(k: int) -> bool:
        return not (0 <= k < len(items)) or items[k][0] != "line" or alone(items[k][1].strip())

    return apart(i - 1) and apart(i + 1)


def _is_text_line(s: str, width: int) -> bool:
    """A line of running text: about as wide as the column, or a whole sentence of some length."""
    return len(s) >= NARROW * width or (bool(_TERMINAL.search(s)) and len(s.split()) >= 12)


def _centred_run(items: list[tuple[str, str]], i: int) -> list[int]:
    """Indexes of two or more consecutive lines set in from the margin around the same middle (a centred
    letterhead or title, as `pdftotext -layout` writes it), else []."""
    def middle(line: str) -> float:
        return _indent(line) + len(line.strip()) / 2

    first = items[i][1]
    if _indent(first) < 2:
        return []
    run = [i]
    k = i + 1
    while k < len(items) and items[k][0] == "line" and _indent(items[k][1]) >= 2 \
            and abs(middle(items[k][1]) - middle(first)) <= CENTRED:
        run.append(k)
        k += 1
    return run if len(run) >= 2 else []


def _title_run(items: list[tuple[str, str]], i: int, width: int, alone: Callable[[str], bool],
               double_spaced: bool) -> list[int]:
    """Indexes of a run of narrow, open lines starting at `i` whose end is clear, else []."""
    run: list[int] = []
    k = i
    while k < len(items) and len(run) < TITLE_RUN_LINES:
        kind, line = items[k]
        s = line.strip()
        if kind == "blank" and run and (double_spaced or _starts_lower(_next_line(items, k))) \
                and _continues(items[run[-1]][1], items, k):
            k += 1
            continue
        if kind != "line":
            break
        if run:
            prev = items[run[-1]][1]
            widest = max(len(items[r][1].strip()) for r in run)
            if not _continued(prev, s) and (alone(s) or len(s) >= NARROW * width or len(s) >= MEASURE * widest
                                            or _CLOSED.search(s) or _would_have_fitted(prev, s, widest)):
                break  # the text starts (wider, another measure, a sentence, a deliberate break), or a line apart
        run.append(k)
        k += 1
        if _TERMINAL.search(s) or sum(len(items[r][1].strip()) for r in run) > TITLE_RUN_CHARS:
            break
    if not run:
        return []
    widest = max(len(items[r][1].strip()) for r in run)
    if k < len(items) and items[k][0] == "line":
        nxt = items[k][1].strip()
    elif not double_spaced or len(run) >= 2 or len(items[run[0]][1].strip()) < SHORT * width:
        return run  # a blank line or a page break ends it (in double-spaced text, a short or a multi-line run)
    else:
        nxt = next((t.strip() for kind, t in items[k:] if kind == "line"), "")
    last = items[run[-1]][1]
    if nxt and (_starts_lower(nxt) or _is_hyphen_end(last)):
        return []  # the sentence goes on below: not the end of a head line
    if (not nxt or alone(nxt) or len(nxt) >= WIDER * widest or _TERMINAL.search(last.strip())
            or (len(run) >= 2 and _would_have_fitted(last, nxt, widest))):
        return run
    return []


FITTED = 0.9  # a head line's next word would have fitted within this share of the run's measure


def _would_have_fitted(prev: str, line: str, widest: int) -> bool:
    """The first word of `line` would have fitted on `prev` within the run's measure: `prev` was ended on purpose
    (a title's short last line above the lead's first)."""
    return len(prev.strip()) + 1 + len(_first_word(line.strip())) <= FITTED * widest


def _next_line(items: list[tuple[str, str]], k: int) -> str:
    return next((t for kind, t in items[k:k + 3] if kind == "line"), "")


def _continues(line: str, items: list[tuple[str, str]], k: int) -> bool:
    """In double-spaced text, a head line continues across the blank below it when it ends in a hyphen or in a
    word no line ends with ("of", "и", "der"), or the next line starts in lower case."""
    nxt = next((t for kind, t in items[k:k + 3] if kind == "line"), "")
    last = (line.split() or [""])[-1].lower()
    return _is_hyphen_end(line) or last in rules_open_endings() or _starts_lower(nxt)


def _head_paragraphs(lines: list[str], alone: Callable[[str], bool]) -> list[str]:
    """A head run as paragraphs: one, except where a letterhead line gives way to a title, the case changes
    (an ALL-CAPS headline over its subtitle), or a line stands alone."""
    out: list[list[str]] = [[lines[0]]]
    stacked = True  # still in a stack of letterhead lines at the top of the run
    for prev, line in zip(lines, lines[1:], strict=False):
        s = line.strip()
        stacked = stacked and _stacked_letterhead(prev, s)
        if (alone(s) and not _continued(prev, s)) or _caps_change(prev, s) or stacked:
            out.append([line])
        else:
            out[-1].append(line)
    return [join_lines(group) for group in out]


def _ends_with_open_word(line: str) -> bool:
    """The line stops on a word no sentence ends with ("of", "de", "и"): it was wrapped."""
    words = line.split()
    return bool(words) and words[-1].lower() in rules_open_endings()


def _stacked_letterhead(prev: str, line: str) -> bool:
    """Two letterhead lines one above the other ("GOBIERNO DE ESPAÑA" / "MINISTERIO DE ASUNTOS EXTERIORES"): each
    its own block. A letterhead-like line above one that is not may open a title, and stays with it."""
    from feedsvc.readers import rules

    return rules.is_letterhead(prev.strip()) and rules.is_letterhead(line.strip()) and not _continued(prev, line)


def _continued(prev: str, line: str) -> bool:
    """`line` carries on from `prev`, whatever it looks like alone: `prev` stops without punctuation on a word no
    line ends with ("of", "и"), on a bare number ("..., 28" / "November – 1 December 2011"), or `line` starts in
    lower case."""
    if _is_hyphen_end(prev):
        return True
    if not _ends_open(prev):
        return False
    words = prev.split()
    last = words[-1].lower() if words else ""
    return _starts_lower(line) or last in rules_open_endings() or (last.isdigit() and len(last) <= 2)


def rules_open_endings() -> frozenset[str]:
    from feedsvc.readers import vocabulary

    return vocabulary.words("open_endings")


def _merge_page_splits(paragraphs: list[str], text: str) -> list[str]:
    """Re-join a sentence that a page break cut in two (only where a page break actually occurred)."""
    if "\f" not in text:
        return paragraphs
    out: list[str] = []
    for p in paragraphs:
        if out and _ends_open(out[-1]) and p[:1].islower():
            if _is_hyphen_end(out[-1]):
                out[-1] = _join_hyphenated(out[-1], p, text)
            else:
                out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return out


# --- cutting ----------------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?…。！？][\"'»”’)\]]*(?=\s)")


def _sentence_ends(text: str, limit: int) -> list[int]:
    ends = []
    for m in _SENTENCE_END.finditer(text, 0, limit + 1):
        end = m.end()
        if end > limit:
            break
        before = text[:m.start() + 1].split()[-1] if text[:m.start() + 1].split() else ""
        word = before.rstrip(".").lower().lstrip("(«\"'“")
        abbreviated = word in vocabulary.words("abbreviations") or (len(word) == 1 and word.isalpha())
        if text[m.start()] == "." and abbreviated:
            continue
        nxt = text[end:].lstrip()[:1]
        if nxt and (nxt.islower()):
            continue
        ends.append(end)
    return ends


def cut_words(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with "…" when shortened."""
    if len(text) <= limit:
        return text
    room = max(1, limit - 1)
    cut = text[:room + 1]
    space = cut.rfind(" ")
    if space <= 0:
        return text[:room].rstrip() + "…"
    return text[:space].rstrip(" ,;:–—-") + "…"


def cut_summary(text: str, limit: int) -> str:
    """At most `limit` characters: the longest run of whole sentences that fits, else whole words and "…"."""
    text = normalise_space(text)
    if len(text) <= limit:
        return text
    ends = _sentence_ends(text, limit)
    if ends and ends[-1] >= min(40, limit // 3):
        return text[:ends[-1]].rstrip()
    return cut_words(text, limit)
