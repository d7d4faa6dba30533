"""Bytes to clean text: telling text from binary, choosing the encoding, undoing mojibake, removing control
characters."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes


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
