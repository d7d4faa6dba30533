"""Word releases (.docx): paragraphs and tables in document order, the Title/Heading style as the title."""

from __future__ import annotations

import io
import zipfile
from collections import Counter

from feedsvc.models import Rejection, Release
from feedsvc.readers.blocks import Block, Document, Meta
from feedsvc.readers.encoding import clean, normalise_space, sniff_binary
from feedsvc.readers.engine import build_release
from feedsvc.readers.language import normalise_tag
from feedsvc.readers.lines import BULLET, TERMINAL, join_lines
from feedsvc.readers.options import Context
from feedsvc.readers.roles import is_meta_line

MAX_UNPACKED = 100 * 1024 * 1024  # declared uncompressed size of all parts together
MAX_RATIO = 200  # a part that expands more than this (and beyond 1 MB) is a zip bomb
MAX_PARTS = 5000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED_PARAGRAPHS = 40  # type size and weight are read for this many paragraphs: the head and enough body to
# tell the body's size (the structure looks at the layout of the head only)


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
        if (out and not TERMINAL.search(out[-1]) and not BULLET.match(line)
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
        self.style_numbering: dict[str | None, object] = {}  # a style's numbering, looked up once per style
        try:
            self.numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError, ValueError):
            self.numbering = None

    def _num_pr(self, paragraph):
        ppr = paragraph.pPr
        if ppr is not None and ppr.numPr is not None:
            return ppr.numPr
        style_id = paragraph.style
        if style_id not in self.style_numbering:
            self.style_numbering[style_id] = self._style_num_pr(style_id)
        return self.style_numbering[style_id]

    def _style_num_pr(self, style_id: str | None):
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


def _heading_level(document, style_id: str | None) -> int:
    """1 for the Title and Heading 1 styles (by id, or by name for documents saved in other languages), the level
    for Heading 2..9, else 0."""
    if not style_id:
        return 0
    names = {style_id.lower()}
    try:
        style = document.styles.element.get_by_id(style_id)
        if style is not None and style.name_val:
            names.add(style.name_val.lower())
    except (AttributeError, KeyError, ValueError):
        pass
    for name in names:
        compact = name.replace(" ", "")
        if compact in ("title", "heading1", "заголовок", "заголовок1", "titre", "título", "titel", "titolo"):
            return 1
        for prefix in ("heading", "заголовок", "titre", "überschrift", "título", "titolo"):
            level = compact.removeprefix(prefix)
            if level != compact and level.isdigit():
                return int(level)
    return 0


class _Type:
    """The type size and weight of paragraphs: set on the runs, else inherited from the paragraph's style chain,
    else the document's defaults."""

    def __init__(self, document) -> None:
        self.document = document
        self.styles: dict[str | None, tuple[float | None, bool]] = {}
        try:
            sizes = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
            self.default = int(sizes[0]) / 2 if sizes else 11.0
        except (ValueError, AttributeError):
            self.default = 11.0

    def _style(self, style_id: str | None) -> tuple[float | None, bool]:
        if style_id not in self.styles:
            size, bold = None, False
            current, seen = style_id, 0
            while current and seen < 6:
                style = self.document.styles.element.get_by_id(current)
                if style is None:
                    break
                rpr = style.rPr
                if rpr is not None:
                    if size is None and rpr.sz is not None and rpr.sz.val is not None:
                        size = rpr.sz.val.pt
                    if rpr.b is not None and not bold:
                        bold = rpr.b.val is not False
                current, seen = style.basedOn_val, seen + 1
            self.styles[style_id] = (size, bold)
        return self.styles[style_id]

    def of(self, paragraph, style_id: str | None) -> tuple[float, bool]:
        """(size in points, whether all its text is bold) of a paragraph in the style `style_id`."""
        style_size, style_bold = self._style(style_id)
        sizes: list[tuple[float, int]] = []
        bold = True
        for r in paragraph._p.r_lst:  # the runs' XML: python-docx's Run objects cost more than the reading
            length = sum(len(t.text.strip()) for t in r.t_lst if t.text)
            if not length:
                continue
            rpr = r.rPr
            sz = rpr.sz.val if rpr is not None and rpr.sz is not None else None
            sizes.append((sz.pt if sz is not None else style_size or self.default, length))
            b = rpr.b if rpr is not None else None
            if not (b.val is not False if b is not None else style_bold):
                bold = False
        if not sizes:
            return style_size or self.default, False
        return max(sizes, key=lambda s: s[1])[0], bold


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
    found: list[tuple[str, float | None, bool, int]] = []  # text, size in points, bold, heading level
    lists = _Lists(document)
    types = _Type(document)
    levels: dict[str | None, int] = {}
    typed = 0  # paragraphs whose type was read: the head's layout is all the structure looks at
    for child in document.element.body.iterchildren():
        if child.tag == _W + "p":
            p = Paragraph(child, document)
            lines = _paragraph_lines(p)
            if not lines:
                continue
            marker = lists.marker(child)
            if marker:
                lines[0] = marker + lines[0]
                found.extend((line, None, False, 0) for line in lines)
                continue
            size, bold = types.of(p, child.style) if typed < TYPED_PARAGRAPHS else (None, False)
            typed += 1
            if child.style not in levels:
                levels[child.style] = _heading_level(document, child.style)
            level = levels[child.style]
            if level == 1:
                lines = [" ".join(lines)]  # a title set over several lines is one title
            found.extend((line, size, bold, level) for line in lines)
        elif child.tag == _W + "tbl":
            table = Table(child, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(" ".join(_paragraph_lines(cp)) for cp in cell.paragraphs).strip()
                    if text and text not in cells:
                        cells.append(text)
                if cells:
                    found.append((" — ".join(cells), None, False, 0))
    try:
        created = document.core_properties.created
    except (ValueError, TypeError, AttributeError):
        created = None
    declared = (document.core_properties.language or "").strip()  # File > Properties; usually empty
    if declared:
        meta.language = normalise_tag(declared)
        meta.language_declared_by = "author"
    if created is not None:
        meta.fallback_date = created
        meta.fallback_what = "the Word file's creation date"
    if not found:
        return Rejection("The file is empty: the Word document has no text.")
    return build_release(ctx, Document(_blocks(found), meta))


def _blocks(found: list[tuple[str, float | None, bool, int]]) -> list[Block]:
    """Blocks with their type size relative to the body text's (the size most of the text is set in)."""
    weights: Counter[float] = Counter()
    for text, size, _, level in found:
        if size and not level:
            weights[size] += len(text)
    body = weights.most_common(1)[0][0] if weights else None
    return [Block(text, (size / body) if size and body else None, bold, level) for text, size, bold, level in found]
