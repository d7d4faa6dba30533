"""A minimal PDF writer for tests and benchmarks: real text layers without a PDF library that writes."""

from __future__ import annotations


def make_pdf(pages: list[list[str | tuple[str, float]]]) -> bytes:
    """A minimal PDF with a Helvetica text layer, one line per string; a (text, size) pair sets that line's type
    size (11 points otherwise)."""
    objects: list[bytes] = []
    page_ids = [3 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{i} 0 R" for i in page_ids).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(len(pages)).encode() + b" >>")
    font_id = 3 + 2 * len(pages)
    for i, lines in enumerate(pages):
        shown = []
        for line in lines:
            text, size = line if isinstance(line, tuple) else (line, 11)
            latin = text.encode("latin-1", "replace").decode("latin-1")  # Helvetica is Latin-1
            escaped = latin.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            shown.append(f"/F1 {size:g} Tf {size + 3:g} TL ({escaped}) Tj T*")
        stream = "BT 72 760 Td " + " ".join(shown) + " ET"
        content = stream.encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {page_ids[i] + 1} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
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
