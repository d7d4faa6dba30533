#!/usr/bin/env python3
"""Build the dev-spring batch of the feedsvc evaluation corpus (publishers not used elsewhere in the corpus: Spain's
Ministry of Health, the Port Authority of New York and New Jersey, the Magyar Nemzeti Bank, the Polizeipräsidien
Rostock and Schwaben Süd/West, the Bundespolizeidirektion München, the Dutch Politie, Poland's KPRM, Brazil's
Polícia Federal and two Brazilian municipal health departments).

Made from dev-winter/make.py: same machinery, new sources and publisher styles. Run with
/work/corpus-venv/bin/python make.py (from anywhere). sources.json beside this script holds every release as
published (title, date line, blocks of text) with its source and truth; this script lays each one out as the
publisher's press office would drop it (shapes a-f) and writes truth.json. Letterheads, page chrome, footers and
contact blocks are built here in each publisher's style; the release text comes only from sources.json.

Reproducible: PDF dates come from SOURCE_DATE_EPOCH (publication day, 09:15 UTC), docx core properties and zip entry
times are fixed. Shape a files are the output of the real pdftotext (poppler) on a PDF built here and thrown away.
"""
import calendar
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from html import escape as hesc
from xml.sax.saxutils import escape as xesc

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor, Cm

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))
BY = {s["id"]: s for s in SRC}
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"

FD = "/usr/share/fonts/truetype/dejavu"
FL = "/usr/share/fonts/truetype/liberation"
for name, path in [("DVSans", f"{FD}/DejaVuSans.ttf"), ("DVSans-B", f"{FD}/DejaVuSans-Bold.ttf"),
                   ("DVSans-I", f"{FD}/DejaVuSans-Oblique.ttf"), ("DVSerif", f"{FD}/DejaVuSerif.ttf"),
                   ("DVSerif-B", f"{FD}/DejaVuSerif-Bold.ttf"), ("DVSerif-I", f"{FD}/DejaVuSerif-Italic.ttf"),
                   ("DVCond", f"{FD}/DejaVuSansCondensed.ttf"), ("DVCond-B", f"{FD}/DejaVuSansCondensed-Bold.ttf"),
                   ("LSans", f"{FL}/LiberationSans-Regular.ttf"), ("LSans-B", f"{FL}/LiberationSans-Bold.ttf"),
                   ("LSans-I", f"{FL}/LiberationSans-Italic.ttf"), ("LSerif", f"{FL}/LiberationSerif-Regular.ttf"),
                   ("LSerif-B", f"{FL}/LiberationSerif-Bold.ttf"), ("LSerif-I", f"{FL}/LiberationSerif-Italic.ttf")]:
    pdfmetrics.registerFont(TTFont(name, path))

FAM = {"sans": ("DVSans", "DVSans-B", "DVSans-I"), "serif": ("DVSerif", "DVSerif-B", "DVSerif-I"),
       "cond": ("DVCond", "DVCond-B", "DVSans-I"), "lsans": ("LSans", "LSans-B", "LSans-I"),
       "lserif": ("LSerif", "LSerif-B", "LSerif-I")}


def out(name):
    return os.path.join(HERE, name)


def pubday(s):
    return dt.date.fromisoformat(s["truth"]["published"])


def epoch(d, hh=9, mi=15):
    return calendar.timegm((d.year, d.month, d.day, hh, mi, 0))


def blocks(s, *kinds):
    return [t for k, t in s["blocks"] if not kinds or k in kinds]


# ---------------------------------------------------------------- PDF machinery
class PagedCanvas(rl_canvas.Canvas):
    """Canvas that knows the page count (for 'Page 1 of 2' footers) and draws page decorations."""
    deco = None

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for st_ in self._pages:
            self.__dict__.update(st_)
            if self.deco:
                self.deco(self, self._pageNumber, total)
            super().showPage()
        super().save()


def ptext(text):
    return xesc(text).replace("\n", "<br/>")


def st(name, font, size, lead=1.3, after=0, before=0, align=TA_LEFT, color=colors.black, left=0, right=0, first=0):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead, spaceAfter=after,
                          spaceBefore=before, alignment=align, textColor=color, leftIndent=left, rightIndent=right,
                          firstLineIndent=first)


def build_pdf(path, s, flow, deco, margins=(22 * mm, 22 * mm, 20 * mm, 22 * mm), title="", author="", creator=""):
    W, H = A4
    lm, rm, tm, bm = margins

    class C(PagedCanvas):
        pass
    C.deco = staticmethod(lambda c, n, t: deco(c, n, t, W, H)) if deco else None
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(pubday(s)))
    try:
        doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
                                title=title, author=author, creator=creator, subject="")
        doc.build(flow, canvasmaker=C)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def run_pdftotext(pdf, txt, layout):
    subprocess.run([PDFTOTEXT, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt], check=True)


# ---------------------------------------------------------------- shape f / a layouts
def pdf_generic(path, s, left, right, label, font="lsans", color="#000000", footer="", author="", date_right=False,
                date_first=True, title_size=14):
    """Administration letterhead: crest text left, office right, label, date line (if any), title, blocks."""
    reg, bold, ital = FAM[font]
    col = colors.HexColor(color)

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(col)
            c.setFont(bold, 12.5)
            c.drawString(22 * mm, H - 18 * mm, left[0])
            c.setFont(reg, 8.5)
            for i, l in enumerate(left[1:]):
                c.drawString(22 * mm, H - (22.5 + 4 * i) * mm, l)
            c.setFillColor(colors.black)
            for i, l in enumerate(right):
                c.drawRightString(W - 22 * mm, H - (18 + 4 * i) * mm, l)
            c.setStrokeColor(col)
            c.line(22 * mm, H - 31 * mm, W - 22 * mm, H - 31 * mm)
        c.setFont(reg, 7)
        if footer:
            c.drawString(22 * mm, 12 * mm, footer)
        c.drawRightString(W - 22 * mm, 12 * mm, f"{n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 16 * mm)]
    if label:
        fl.append(Paragraph(ptext(label), st("lab", bold, 10, 1.2, 6, 0, TA_LEFT, col)))
    dl = Paragraph(ptext(s["date_line"]), st("d", reg, 10, 1.3, 8, 0, TA_RIGHT if date_right else TA_LEFT))
    if s["date_line"] and date_first:
        fl.append(dl)
    fl.append(Paragraph(ptext(s["title"]), st("t", bold, title_size, 1.25, 8)))
    if s["date_line"] and not date_first:
        fl.append(dl)
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 8, 0, TA_JUSTIFY)))
        elif k == "li":
            fl.append(Paragraph("\u2022 " + ptext(t), st("li", reg, 10.5, 1.4, 6, 0, TA_JUSTIFY, colors.black, 8 * mm)))
        elif k == "sub":
            fl.append(Paragraph("\u2022 " + ptext(t) if s["id"] == "SAN1" else ptext(t), st("sb", bold, 11, 1.3, 8)))
        elif k == "rh":
            fl.append(Paragraph(ptext(t), st("rh", bold, 10, 1.3, 1, 6)))
        elif k == "num":
            fl.append(Paragraph(ptext(t), st("nm", reg, 10, 1.3, 8)))
        elif k == "boiler":
            fl.append(Paragraph(ptext(t), st("bo", ital, 8.5, 1.3, 4, 8)))
        elif k == "sig":
            fl.append(Paragraph(ptext(t), st("sg", bold, 10, 1.3, 4, 6)))
        else:
            fl.append(Paragraph(ptext(t), st("x", reg, 9.5, 1.3, 2)))
    build_pdf(path, s, fl, deco, author=author, creator="Microsoft Word")


def pdf_SAN1(path, s):
    pdf_generic(path, s, ["GOBIERNO DE ESPAÑA", "MINISTERIO DE SANIDAD"], ["Gabinete de Prensa", "prensa@mscbs.es"],
                "NOTAS DE PRENSA", font="lsans", color="#b8860b", footer="Paseo del Prado, 18-20 · 28014 Madrid · www.mscbs.gob.es",
                author="Gabinete de Prensa", date_first=False)


def pdf_SWS1(path, s):
    pdf_generic(path, s, ["Polizeipräsidium Schwaben Süd/West", "Pressestelle", "Auf der Breite 17 · 87439 Kempten (Allgäu)"],
                ["Telefon 0831 9909-1012/-1013", "pp-sws.presse@polizei.bayern.de"], "Pressemitteilung", font="sans",
                color="#1f4e8c", footer="Bayerische Polizei · www.polizei.bayern.de/schwaben_sw", author="PP SWS",
                date_right=True)


def pdf_PA(path, s):
    pdf_generic(path, s, ["THE PORT AUTHORITY OF NY & NJ", "Media Relations", "225 Park Avenue South, New York, NY 10003"],
                ["(212) 435-7000", "www.panynj.gov"], "Press Release Article", font="lserif", color="#1b365d",
                footer="© The Port Authority of New York and New Jersey. All Rights Reserved.", author="PANYNJ Media Relations",
                date_first=False, title_size=13)


def pdf_MNB1(path, s):
    pdf_generic(path, s, ["MAGYAR NEMZETI BANK", "Communications Department", "H-1850 Budapest, Szabadság tér 8-9."],
                ["Phone: +36 1 428 2600", "www.mnb.hu"], "PRESS RELEASE", font="serif", color="#7a1f2b",
                footer="MAGYAR NEMZETI BANK · Monetary Council", author="MNB", title_size=14)


def pdf_PDL1(path, s):
    pdf_generic(path, s, ["Prefeitura de Primavera do Leste", "Secretaria Municipal de Saúde", "Estado de Mato Grosso"],
                ["primaveradoleste.mt.gov.br"], "Secretaria de Saúde", font="lsans", color="#0b6e4f",
                footer="Prefeitura Municipal de Primavera do Leste - MT", author="SMS", date_first=False)


PDF_F = {"PA7": pdf_PA}
PDF_A = {"SAN1": (pdf_SAN1, True), "SWS1": (pdf_SWS1, False), "PA1": (pdf_PA, True), "PA5": (pdf_PA, True),
         "MNB1": (pdf_MNB1, True), "PDL1": (pdf_PDL1, False)}
PDF_FONT = {"SAN1": "LiberationSans", "SWS1": "DejaVuSans", "PA1": "LiberationSerif", "PA5": "LiberationSerif",
            "MNB1": "DejaVuSerif", "PDL1": "LiberationSans"}

# ---------------------------------------------------------------- DOCX machinery
def fixed_zip(data, when):
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            z.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def P(doc, text, size=None, bold=False, italic=False, align=None, style=None, color=None, after=None, before=None,
      marked=False):
    """Paragraph; with marked=True, *spans* become bold runs (the asterisks are dropped)."""
    p = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    parts = re.split(r"\*([^*]+)\*", text) if marked else [text]
    for i, part in enumerate(parts):
        if not part:
            continue
        r = p.add_run(part)
        if size:
            r.font.size = Pt(size)
        r.bold = (bold or (marked and i % 2 == 1)) or None
        r.italic = italic or None
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                       "j": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    return p


def save_docx(doc, path, s, author, hh=9, mi=15):
    d = pubday(s)
    when = dt.datetime(d.year, d.month, d.day, hh, mi)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 3
    cp.title = ""
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as f:
        f.write(fixed_zip(buf.getvalue(), (d.year, d.month, d.day, hh, mi, 0)))


def new_doc(font, size):
    doc = docx.Document()
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(size)
    return doc, doc.sections[0]


def docx_PA6(path, s):
    doc, sec = new_doc("Times New Roman", 12)
    r = sec.header.paragraphs[0].add_run("THE PORT AUTHORITY OF NY & NJ \u2013 Media Relations")
    r.bold, r.font.size = True, Pt(10)
    P(doc, s["title"], size=13, bold=True, after=8)
    P(doc, s["date_line"], size=11, after=0)
    for k, t in s["blocks"]:
        if k == "num":
            P(doc, t, size=11, after=10)
        elif k == "sub":
            P(doc, t, italic=True, after=8)
        elif k == "p":
            P(doc, t, after=8)
    sec.footer.paragraphs[0].add_run("225 Park Avenue South, New York, NY 10003 \u00b7 www.panynj.gov").font.size = Pt(8)
    save_docx(doc, path, s, "PANYNJ Media Relations")


def docx_MNB2(path, s):
    doc, sec = new_doc("Times New Roman", 12)
    r = sec.header.paragraphs[0].add_run("MAGYAR NEMZETI BANK")
    r.bold, r.font.size = True, Pt(10)
    P(doc, s["title"], size=14, bold=True, after=6)
    for k, t in s["blocks"]:
        if k == "sub":
            P(doc, t, bold=True, after=10)
        elif k == "p":
            P(doc, t, align="j", after=8)
    save_docx(doc, path, s, "MNB Communications")


DOCX = {"PA6": docx_PA6, "MNB2": docx_MNB2}


# ---------------------------------------------------------------- shape b (plain text)
def wrap(text, width=72):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    return "\n".join(lines)




PA_HEAD = "THE PORT AUTHORITY OF NY & NJ\n\nPress Release Article\n\n"


def text_PA2(s):
    parts = [s["title"], s["date_line"] + "\n" + "".join(blocks(s, "num"))] + [wrap(t) for t in blocks(s, "p")]
    parts += blocks(s, "contact") + [wrap(t) for t in blocks(s, "boiler")]
    return PA_HEAD + "\n\n".join(parts) + "\n"


def text_ROS1(s):
    parts = ["POL-HRO: " + s["title"], s["date_line"]] + blocks(s, "p") + blocks(s, "contact") + blocks(s, "contact2")
    return "\n\n".join(parts) + "\n"


def text_POL1(s):
    return "Politie | Eenheid Amsterdam\n\n" + "\n\n".join([s["title"], s["date_line"]] + blocks(s, "p")) + "\n"


def text_KPRM2(s):
    head = "KANCELARIA PREZESA RADY MINISTRÓW\nSekretarz Stanu\n\n" + " " * 44 + s["date_line"]
    return "\n\n".join([head, s["title"]] + blocks(s, "p") + ["\n".join(blocks(s, "sig"))]) + "\n"


def text_PF1(s):
    head = "MINISTÉRIO DA JUSTIÇA\nDEPARTAMENTO DE POLÍCIA FEDERAL"
    return "\n\n".join([head, s["title"], s["date_line"]] + blocks(s, "p")) + "\n"


def text_PAL1(s):
    head = "PREFEITURA MUNICIPAL DE PALMEIRA\nSECRETARIA MUNICIPAL DE SAÚDE"
    return "\n\n".join([head, s["title"]] + blocks(s, "p") + blocks(s, "sig") + [s["date_line"]]) + "\n"


TEXT = {"PA2": (text_PA2, "cp1252", "\r\n"), "ROS1": (text_ROS1, "cp1252", "\r\n"), "POL1": (text_POL1, "utf-8-sig", "\n"),
        "KPRM2": (text_KPRM2, "utf-16", "\r\n"), "PF1": (text_PF1, "cp1252", "\r\n"), "PAL1": (text_PAL1, "cp1252", "\r\n")}


# ---------------------------------------------------------------- shape c (saved web pages)
def page(lang, head, body):
    return f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def ps(s, kinds=("p",), cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{hesc(t)}</p>" for k, t in s["blocks"] if k in kinds)




def html_PA3(s):
    t = hesc(s["title"])
    head = f"""<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Port Authority of NY &amp; NJ - Press Release</title>"""
    body = f"""<table width="760" id="banner"><tr><td><img src="/images/pa_logo.gif" alt="The Port Authority of NY &amp; NJ"></td></tr></table>
<table width="760"><tr>
<td id="leftnav" valign="top" width="160"><a href="/airports/">Airports</a><br><a href="/bridges-tunnels/">Bridges &amp; Tunnels</a><br><a href="/path/">PATH</a><br><a href="/port/">Port</a><br><a href="/press-room/">Press Room</a></td>
<td valign="top">
<p class="hdr">Press Release Article</p>
<h2>{t}</h2>
<p class="deck">{hesc("".join(blocks(s, "sub")))}</p>
<p>{hesc(s['date_line'])}<br>
{hesc("".join(blocks(s, "num")))}</p>
{ps(s)}
<p><a href="/press-room/">Back to Press Room</a></p>
</td></tr></table>
<div id="footer">&copy; 2001 The Port Authority of New York and New Jersey. All Rights Reserved.</div>"""
    return page("en", head, body)


def html_KPRM1(s):
    t = hesc(s["title"])
    head = f"""<meta charset="utf-8">
<title>{t} | PAP MediaRoom</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="PAP MediaRoom">"""
    body = f"""<header><a href="/"><img src="/themes/pap/logo.svg" alt="PAP MediaRoom"></a> <a href="/newsletter">Newsletter</a>
<nav><a href="/polityka-i-spoleczenstwo">Polityka i społeczeństwo</a> <a href="/biznes-i-finanse">Biznes i finanse</a> <a href="/zdrowie">Zdrowie</a></nav></header>
<main><article>
<p class="category"><a href="/polityka-i-spoleczenstwo">Polityka i społeczeństwo</a></p>
<h1>{t}</h1>
<div class="dates">{hesc(s['date_line'])}aktualizacja: 30.12.2025, 17:12</div>
<div class="download"><a href="#">Pobierz materiał i Publikuj za darmo</a></div>
<div class="lead"><p>{hesc("".join(blocks(s, "lead")))}</p></div>
<div class="body">
{ps(s)}
<p>kom/ ftr/ amac/</p>
</div>
<dl class="meta"><dt>Data publikacji</dt><dd>30.12.2025, 17:11</dd><dt>Źródło informacji</dt><dd>KPRM</dd></dl>
</article></main>
<footer><p>PAP MediaRoom &copy; Polska Agencja Prasowa SA</p></footer>"""
    return page("pl", head, body)


HTML = {"PA3": html_PA3, "KPRM1": html_KPRM1}


# ---------------------------------------------------------------- shape d (Markdown)
def md_PA4(s):
    body = "\n\n".join(blocks(s, "p"))
    return (f"## {s['title']}\n\n**{s['date_line']}**  \n**{''.join(blocks(s, 'num'))}**\n\n{body}\n\n"
            + "  \n".join("".join(blocks(s, "contact")).split("\n")) + "\n")


def md_BPOL1(s):
    body = "\n\n".join(blocks(s, "p"))
    return (f"**Schwarzbach (Bayern):**\n\n# {s['title']}\n\n### {''.join(blocks(s, 'sub'))}\n\n{body}\n\n"
            f"_{''.join(blocks(s, 'sig'))}_\n")


MD = {"PA4": md_PA4, "BPOL1": md_BPOL1}


# ---------------------------------------------------------------- build
def title_lines(txt, title):
    """How many consecutive lines of the extracted text make up the title (0 if not found)."""
    lines = [l.strip() for l in txt.splitlines()]
    norm = lambda x: re.sub(r"\s+", " ", x).strip()
    for i, l in enumerate(lines):
        if l and norm(title).startswith(norm(l)):
            acc = l
            for j in range(i + 1, min(i + 6, len(lines))):
                if norm(acc) == norm(title):
                    return j - i
                acc = acc + " " + lines[j]
            if norm(acc) == norm(title):
                return min(i + 6, len(lines)) - i
    return 0



DATE_IN_NAME = {"MNB1", "MNB2", "PAL1", "KPRM2"}  # file names carrying a (full or partial) date

def made_with(s):
    sid = s["id"]
    if s["shape"] == "a":
        return "reportlab PDF, then pdftotext -enc UTF-8" + (" -layout" if PDF_A[sid][1] else "") + " <pdf> <txt>"
    return {"b": "plain text written by make.py", "c": "HTML page written by make.py",
            "d": "Markdown written by make.py", "e": "python-docx", "f": "reportlab PDF"}[s["shape"]]


def main():
    tmp = tempfile.mkdtemp(prefix="devspring-")
    truth = []
    try:
        for s in SRC:
            sid, shape, path = s["id"], s["shape"], out(s["file"])
            extra = {}
            if shape == "f":
                PDF_F[sid](path, s)
            elif shape == "a":
                fn, layout = PDF_A[sid]
                pdf = os.path.join(tmp, sid + ".pdf")
                fn(pdf, s)
                run_pdftotext(pdf, path, layout)
                extra["title_lines_in_file"] = title_lines(open(path, encoding="utf-8").read(), s["title"])
            elif shape == "e":
                DOCX[sid](path, s)
            elif shape == "b":
                fn, enc, eol = TEXT[sid]
                text = fn(s).replace("\n", eol)
                with open(path, "wb") as f:
                    f.write(text.encode(enc))
            elif shape == "c":
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(HTML[sid](s))
            elif shape == "d":
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(MD[sid](s))
            t = dict(s["truth"])
            rec = {"file": s["file"], "title": s["title"], "published": t.pop("published")}
            for k in ("time", "utc_offset"):
                if k in t:
                    rec[k] = t.pop(k)
            rec["summary_starts"] = t.pop("summary_starts")
            if "summary_alt_starts" in t:
                rec["summary_alt_starts"] = t.pop("summary_alt_starts")
            rec.update({"language": s["language"], "shape": shape, "publisher": s["publisher"], "url": s["url"]})
            yit = t.pop("year_in_text", True)
            rec["mtime"] = t.pop("mtime", rec["published"] + "T12:00:00Z")
            rec["year_in_text"] = yit
            rec["notes"] = t.pop("notes")
            rec["made_with"] = made_with(s)
            rec["filename_has_date_hint"] = sid in DATE_IN_NAME
            rec.update(t)
            rec.update(extra)
            if shape == "a":
                rec["encoding"] = "UTF-8"
                rec["pdf_font"] = PDF_FONT[sid]
            if shape == "e":
                rec["docx_core_created"] = docx.Document(path).core_properties.created.strftime("%Y-%m-%dT%H:%M:%S")
            truth.append(rec)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(out("truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"built {len(truth)} files")


if __name__ == "__main__":
    main()
