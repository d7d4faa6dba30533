"""Word releases (.docx): paragraphs and tables in document order, the Title/Heading style as the title."""

from __future__ import annotations

import io
import zipfile

from feedsvc.models import Rejection, Release
from feedsvc.readers.common import Context, Meta, _meta_kind, finish, is_meta_line
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.text import _BULLET, _TERMINAL, clean, join_lines, normalise_space, sniff_binary

MAX_UNPACKED = 100 * 1024 * 1024  # declared uncompressed size of all parts together
MAX_RATIO = 200  # a part that expands more than this (and beyond 1 MB) is a zip bomb
MAX_PARTS = 5000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_package(data: bytes) -> Rejection | None:
    """Refuse ZIP packages that are not Word documents or that would unpack to something huge."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        if data.startswith(b"\xd0\xcf\x11\xe0"):
            return Rejection("This is an old Word 97-2003 .doc file, not .docx: open it in Word and save it as .docx.")
        what = sniff_binary(data)
        if what:
            return Rejection(f"This is not a Word .docx file: it looks like {what}.")
        return Rejection("This is not a Word .docx file (it is not a valid .docx package; is it damaged?).")
    if len(infos) > MAX_PARTS:
        return Rejection("The Word file has too many parts to be read safely.")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        return Rejection(
            f"The Word file would unpack to {total // (1024 * 1024)} MB (a 'zip bomb'?), "
            f"over the {MAX_UNPACKED // (1024 * 1024)} MB safety limit."
        )
    if any(i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(1, i.compress_size) for i in infos):
        return Rejection(
            f"A part of the Word file expands more than {MAX_RATIO} times when unpacked (a 'zip bomb'?); "
            "feedsvc does not open it. Save the document again from Word."
        )
    if "word/document.xml" not in {i.filename for i in infos}:
        return Rejection("This .docx file is not a Word document (it has no word/document.xml).")
    return None


def _paragraph_lines(p) -> list[str]:
    """The paragraph's text; a line break (Shift+Enter) inside it starts a new paragraph only where the line
    before it is closed (".", ":"), or where a list item, a dateline or a document number starts or ends; elsewhere
    it was set to break a sentence or a heading over lines ("... High Commissioner for" / "Refugees. ...")."""
    out: list[str] = []
    for line in clean(p.text).replace("\f", "\n").split("\n"):
        line = normalise_space(line)
        if not line:
            continue
        if (out and not _TERMINAL.search(out[-1]) and not _BULLET.match(line)
                and not is_meta_line(out[-1]) and not is_meta_line(line)):
            out[-1] = join_lines([out[-1], line])
        else:
            out.append(line)
    return out


class _Lists:
    """Marks list paragraphs as the text readers see them: "• " for a bulleted item, "1. " for a numbered one
    (Word keeps the marker in the numbering definitions, not in the text)."""

    def __init__(self, document) -> None:
        self.document = document
        self.counters: dict[tuple[str, str], int] = {}
        try:
            self.numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            self.numbering = None

    def _num_pr(self, paragraph):
        ppr = paragraph.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style_id = paragraph.style
        for _ in range(5):  # a list style may inherit its numbering
            if not style_id:
                return None
            style = self.document.styles.element.get_by_id(style_id)
            if style is None:
                return None
            if style.pPr is not None and style.pPr.numPr is not None:
                return style.pPr.numPr
            style_id = style.basedOn_val
        return None

    def marker(self, paragraph) -> str:
        if self.numbering is None:
            return ""
        try:
            num_pr = self._num_pr(paragraph)
            if num_pr is None or num_pr.numId is None or num_pr.numId.val == 0:
                return ""
            num_id = str(num_pr.numId.val)
            level = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
            num = self.numbering.num_having_numId(int(num_id))
            abstract = num.abstractNumId.val
            formats = self.numbering.xpath(
                f"./w:abstractNum[@w:abstractNumId='{abstract}']/w:lvl[@w:ilvl='{level}']/w:numFmt/@w:val"
            )
        except (KeyError, ValueError, AttributeError, TypeError):
            return ""
        fmt = formats[0] if formats else "bullet"
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "• "
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, 0) + 1
        for (other_id, other_level) in list(self.counters):  # a deeper level restarts under a new item
            if other_id == num_id and other_level > level:
                del self.counters[(other_id, other_level)]
        return f"{self.counters[key]}. " if fmt == "decimal" else "– "


def _is_title_style(document, style_id: str | None) -> bool:
    """The paragraph's style is Title or Heading 1 (by id, or by name for documents saved in other languages)."""
    if not style_id:
        return False
    names = {style_id.lower()}
    try:
        style = document.styles.element.get_by_id(style_id)
        if style is not None and style.name_val:
            names.add(style.name_val.lower())
    except (AttributeError, KeyError, ValueError):
        pass
    return any(n in ("title", "heading1", "heading 1", "заголовок", "заголовок 1", "titre", "título") for n in names)


def read(ctx: Context, data: bytes) -> Release | Rejection:
    """Read a Word release."""
    if not data.strip():
        return Rejection("The file is empty.")
    refused = check_package(data)
    if refused is not None:
        return refused
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds for damaged packages
        return Rejection(f"The Word file could not be opened (it looks damaged): {type(e).__name__}.")
    meta = Meta()
    paragraphs: list[str] = []
    title_found = False
    lists = _Lists(document)
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            p = Paragraph(child, document)
            lines = _paragraph_lines(p)
            if not lines:
                continue
            marker = lists.marker(child)
            if marker:
                lines[0] = marker + lines[0]
                paragraphs.extend(lines)
                continue
            if (not title_found and all(_meta_kind(q) is not None for q in paragraphs)
                    and _is_title_style(document, child.style)):
                # the Title (or Heading 1) paragraph, with at most labels and a dateline above it
                meta.title = " ".join(lines)
                title_found = True
                continue
            paragraphs.extend(lines)
        elif child.tag == _W + "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(" ".join(_paragraph_lines(cp)) for cp in cell.paragraphs).strip()
                    if text and text not in cells:
                        cells.append(text)
                if cells:
                    paragraphs.append(" — ".join(cells))
    try:
        created = document.core_properties.created
    except (ValueError, TypeError, AttributeError):
        created = None
    declared = (document.core_properties.language or "").strip()  # File > Properties; usually empty
    if declared and meta.language is None:
        meta.language = normalise_tag(declared)
    if created is not None:
        meta.fallback_date = created
        meta.fallback_what = "the Word file's creation date"
    if meta.title is None and not paragraphs:
        return Rejection("The file is empty: the Word document has no text.")
    return finish(ctx, paragraphs, meta)
