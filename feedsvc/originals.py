"""The file as the press office dropped it: which releases keep their original (Word and PDF), under what name and
type it is served, and where (`/originals/<slug>.<ext>`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

# extension -> (media type, the format's name as pages show it)
KEPT = {
    ".pdf": ("application/pdf", "PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
}


@dataclass(frozen=True)
class OriginalInfo:
    """What pages and feeds say about a release's original (its bytes stay in the store)."""

    entry_id: str
    extension: str  # ".pdf"
    content_type: str
    size: int
    sha256: str

    @property
    def label(self) -> str:
        return KEPT.get(self.extension, (self.content_type, self.extension.lstrip(".").upper()))[1]


def kept_type(path: str) -> str | None:
    """The media type of a file whose original is kept (Word, PDF), or None."""
    kind = KEPT.get(PurePosixPath(path).suffix.lower())
    return kind[0] if kind else None


def filename(slug: str, info: OriginalInfo) -> str:
    """The safe name the original is offered under: the release's permanent slug (letters, digits, - and _) and
    the format's extension; never the name the file had in the folder."""
    return slug + info.extension


def path(slug: str, info: OriginalInfo) -> str:
    return "/originals/" + quote(filename(slug, info))


def content_disposition(name: str) -> str:
    """`attachment` with an ASCII fallback name and the real one in RFC 5987 form (a slug may be Cyrillic)."""
    ascii_name = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in name)
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
