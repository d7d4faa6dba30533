"""Hostile release files, made on the spot: each one small, each once able to freeze or starve the service."""

from __future__ import annotations

import zlib


def billion_laughs_markdown() -> bytes:
    """Front matter whose date is nine levels of nine aliases ("billion laughs"): 400 bytes, 9**9 strings."""
    lines = ["---", "title: Laughs", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += [f"date: *{previous}", "---", "", "Body text of the release."]
    return ("\n".join(lines) + "\n").encode()


def shared_stream_pdf(pages: int = 40, operators: int = 20_000) -> bytes:
    """A PDF of `pages` pages that all draw the same compressed content stream of `operators` text lines: about
    60 KB, and every page makes the text extractor walk the whole stream again."""
    stream = ("BT /F1 11 Tf 14 TL 72 760 Td "
              + " ".join(f"(Line {i} of the text) Tj T*" for i in range(operators)) + " ET").encode()
    packed = zlib.compress(stream, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages)).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>")
    content, font = 3 + pages, 4 + pages
    for _ in range(pages):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content} 0 R "
                       f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode())
    objects.append(b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode >>\nstream\n" + packed
                   + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _page(junk: bytes) -> bytes:
    """A real page with a heading and text, then the junk (so the junk reaches every step of the reader)."""
    return (b"<html><head><title>Statement</title></head><body><h1>Statement on the talks</h1>"
            b"<p>Moscow, 3 March 2024. The ministers discussed trade and culture.</p>" + junk + b"</body></html>")


# name -> bytes: the files of issue 11, each 200 KB of its pattern where the issue gives no size.
HOSTILE = {
    "laughs.md": billion_laughs_markdown,
    "angles.html": lambda: b"<" * 200_000,
    "angles-in-page.html": lambda: _page(b"<" * 200_000),
    "comments.html": lambda: b"<!--" * 50_000,
    "comments-in-page.html": lambda: _page(b"<!--" * 50_000),
    "doctype.html": lambda: b"<!DOCTYPE [" * 18_000,
    "brackets.md": lambda: b"[" * 2_000_000,
    "stars.md": lambda: b"*a " * 1_000_000,
    "shared-stream.pdf": shared_stream_pdf,
}

# The ones no regular expression fix makes cheap: they cost their full budget (libraries' own worst cases).
SLOW = ("brackets.md", "stars.md", "shared-stream.pdf")


def pathological(size: int = 200_000) -> dict[str, str]:
    """Texts that break backtracking regular expressions: repeated openers with no closer, and the like."""
    units = ["<", "<!--", "<!DOCTYPE [", "[", "*a ", "<a ", "&#", "\n \n", " \t", "---\n", "<meta ", "](",
             "`", "<!", "<?xml ", "]]>", "-", "1.", "http://", "&amp", "\\", "**", "__", "#", "| ", "=",
             "- - ", "> ", "    ", "\r\n", "<p>", "</", "<<!--", "<![CDATA[", "--", "©"]
    return {unit: (unit * (size // len(unit) + 1))[:size] for unit in units}
