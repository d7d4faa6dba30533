#!/usr/bin/env python3
"""Build the dev-winter batch of the feedsvc evaluation corpus (publishers not used elsewhere in the corpus:
St Helena Government, the City of Wilmington (Delaware), Akron City Council, the City of Spokane, the Staatskanzlei
and three ministries of Sachsen-Anhalt, the Government of the Canary Islands, the Junta de Andalucía, the Conference
of Italian Regions, the Canton of Vaud's Conseil d'État, two Brazilian municipalities, Kamianske city council and the
Orenburg directorate of Russia's EMERCOM).

Made from dev-fresh/make.py: same machinery, new sources and publisher styles. Run with
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
def pdf_letterhead(path, s, left, right, label, date_first=False, head_line=None, font="lsans", color="#000000",
                   footer="", author="", date_right=False):
    """Generic administration letterhead: two-line crest text left, office right, label, date, title, body."""
    reg, bold, ital = FAM[font]
    col = colors.HexColor(color)

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(col)
            c.setFont(bold, 13)
            c.drawString(22 * mm, H - 18 * mm, left[0])
            c.setFont(reg, 8.5)
            for i, l in enumerate(left[1:]):
                c.drawString(22 * mm, H - (22.5 + 4 * i) * mm, l)
            c.setFillColor(colors.black)
            c.setFont(reg, 8.5)
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
        fl.append(Paragraph(ptext(label), st("lab", bold, 10, 1.2, 4, 0, TA_LEFT, col)))
    dl = Paragraph(ptext(s["date_line"]), st("d", reg, 10, 1.3, 8, 0, TA_RIGHT if date_right else TA_LEFT))
    if date_first:
        fl.append(dl)
    if head_line:
        fl.append(Paragraph(ptext(head_line), st("h", reg, 10, 1.3, 6)))
    if not date_first:
        fl.append(dl)
    fl.append(Paragraph(ptext(s["title"]), st("t", bold, 15, 1.25, 10)))
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 8, 0, TA_JUSTIFY)))
        elif k == "li":
            fl.append(Paragraph("\u2022 " + ptext(t), st("li", reg, 10.5, 1.4, 2, 0, TA_LEFT, colors.black, 8 * mm)))
        elif k in ("rh",):
            fl.append(Paragraph(ptext(t), st("rh", bold, 9.5, 1.3, 2, 8)))
        elif k in ("tags",):
            fl.append(Paragraph(ptext(t), st("tg", ital, 9, 1.3, 6, 6)))
        else:
            fl.append(Paragraph(ptext(t), st("x", reg, 9, 1.3, 1)))
    build_pdf(path, s, fl, deco, title="", author=author, creator="Microsoft Word")


def pdf_SH2_nodate(path, s):
    """SHG release: the date appears only in the sign-off (no date line under the label)."""
    reg, bold, ital = FAM["lsans"]
    col = colors.HexColor("#003a70")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(col)
            c.setFont(bold, 13)
            c.drawString(22 * mm, H - 18 * mm, "St Helena Government")
            c.setFont(reg, 8.5)
            c.drawString(22 * mm, H - 22.5 * mm, "Communications Hub \u00b7 The Castle, Jamestown")
            c.setFillColor(colors.black)
            c.drawRightString(W - 22 * mm, H - 18 * mm, "Telephone: 22470")
            c.drawRightString(W - 22 * mm, H - 22 * mm, "communications@sainthelena.gov.sh")
            c.setStrokeColor(col)
            c.line(22 * mm, H - 27 * mm, W - 22 * mm, H - 27 * mm)
        c.setFont(reg, 7)
        c.drawString(22 * mm, 12 * mm, "www.sainthelena.gov.sh")
        c.drawRightString(W - 22 * mm, 12 * mm, f"{n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 12 * mm), Paragraph("PRESS RELEASE", st("lab", bold, 10, 1.2, 8, 0, TA_LEFT, col)),
          Paragraph(ptext(s["title"]), st("t", bold, 15, 1.25, 10))]
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 8)))
        elif k == "li":
            fl.append(Paragraph("\u2022 " + ptext(t), st("li", reg, 10.5, 1.4, 2, 0, TA_LEFT, colors.black, 8 * mm)))
        elif k == "tags":
            fl.append(Paragraph(ptext(t), st("tg", ital, 9, 1.3, 6, 6)))
        elif k == "sig":
            fl.append(Paragraph(ptext(t), st("sg", bold, 10, 1.3, 1)))
    build_pdf(path, s, fl, deco, author="SHG Communications", creator="Microsoft Word")


def pdf_VD(path, s):
    pdf_letterhead(path, s, ["CANTON DE VAUD", "Bureau d'information et de communication", "Rue de la Barre 2, 1014 Lausanne"],
                   ["Communiqué \u2013 décisions du Conseil d'Etat"], None, date_first=True, font="lsans",
                   color="#00843d", footer="www.vd.ch/actualites", author="BIC Vaud", date_right=True)


def pdf_ST1(path, s):
    pdf_letterhead(path, s, ["Sachsen-Anhalt", "Staatskanzlei", "Pressestelle"], [s["head"], s["date_line"]], None,
                   font="sans", color="#1f4e8c", footer=blocks(s, "contact")[0], author="Staatskanzlei")


def pdf_MI1(path, s):
    """Crisis-staff release of the interior ministry: date first, release number, title, body, Impressum."""
    reg, bold, ital = FAM["sans"]
    fl = [Paragraph(ptext(s["date_line"]), st("d", reg, 10, 1.3, 10)),
          Paragraph(ptext(s["head"]), st("h", bold, 10, 1.3, 4)),
          Paragraph(ptext(s["title"]), st("t", bold, 14, 1.25, 10))]
    for t in blocks(s, "p"):
        fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 10)))
    fl.append(Paragraph(ptext("".join(blocks(s, "imp")[:1])), st("ih", bold, 8, 1.3, 1, 10)))
    fl.append(Paragraph(ptext("\n".join(blocks(s, "imp")[1:])), st("im", reg, 8, 1.3)))

    def deco(c, n, t, W, H):
        c.saveState()
        c.setFont(bold, 11)
        c.drawString(22 * mm, H - 14 * mm, "Ministerium für Inneres und Sport")
        c.setFont(reg, 8)
        c.drawString(22 * mm, H - 18 * mm, "Krisenstab der Landesregierung Sachsen-Anhalt")
        c.restoreState()
    build_pdf(path, s, fl, deco, margins=(22 * mm, 22 * mm, 26 * mm, 22 * mm), author="Pressestelle MI")


def pdf_AND1(path, s):
    pdf_letterhead(path, s, ["Junta de Andalucía", "Consejería de Economía, Hacienda y Fondos Europeos"],
                   ["Gabinete de Comunicación"], "NOTA DE PRENSA", font="lsans", color="#007a33",
                   footer="Palacio de San Telmo. Paseo de Roma, s/n, 41071, Sevilla · www.juntadeandalucia.es/noticias",
                   author="Junta de Andalucía")


PDF_F = {"SH2": pdf_SH2_nodate, "VD1": pdf_VD}
PDF_A = {"ST1": (pdf_ST1, True), "MI1": (pdf_MI1, False), "VD2": (pdf_VD, True), "AND1": (pdf_AND1, False)}
PDF_FONT = {"ST1": "DejaVuSans", "MI1": "DejaVuSans", "VD2": "LiberationSans", "AND1": "LiberationSans"}

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


def docx_ZJ1(path, s):
    doc, sec = new_doc("Arial", 11)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Ministerium für Justiz und Gleichstellung \u2013 Pressestelle")
    r.bold, r.font.size = True, Pt(10)
    sec.header.add_paragraph().add_run("Sachsen-Anhalt #moderndenken").font.size = Pt(8)
    P(doc, "Pressemitteilung", size=10, bold=True, after=2)
    P(doc, s["date_line"], size=10, align="r", after=12)
    doc.add_paragraph(s["title"], style="Heading 1")
    for t in blocks(s, "p"):
        P(doc, t, after=8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Ministerium für Justiz und Gleichstellung \u00b7 Domplatz 2-4 \u00b7 39104 Magdeburg").font.size = Pt(7.5)
    save_docx(doc, path, s, "Pressestelle MJ")


def docx_REG1(path, s):
    doc, sec = new_doc("Times New Roman", 12)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = hp.add_run("Conferenza delle Regioni e delle Province autonome \u2013 Ufficio stampa")
    r.font.size = Pt(9)
    P(doc, s["title"], size=14, bold=True, after=8)
    P(doc, s["date_line"], italic=True, size=11, after=8)
    for t in blocks(s, "p"):
        P(doc, t, align="j", after=8)
    fp = sec.footer.paragraphs[0]
    fp.add_run("www.regioni.it").font.size = Pt(8)
    save_docx(doc, path, s, "Ufficio stampa Conferenza")


def docx_VD3(path, s):
    doc, sec = new_doc("Arial", 10.5)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Canton de Vaud \u2013 Bureau d'information et de communication")
    r.font.size = Pt(9)
    r.font.color.rgb = RGBColor.from_string("00843D")
    P(doc, s["date_line"], size=10, after=10)
    P(doc, s["title"], size=13, bold=True, after=8)
    for k, t in s["blocks"]:
        if k == "p":
            P(doc, t, align="j", after=8)
        elif k == "rh":
            P(doc, t, bold=True, size=9.5, before=6, after=2)
        else:
            P(doc, t, size=9.5)
    save_docx(doc, path, s, "BIC")


DOCX = {"ZJ1": docx_ZJ1, "REG1": docx_REG1, "VD3": docx_VD3}


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




def text_AKR1(s):
    return "\n\n".join([s["title"] + "\n" + s["date_line"]] + [wrap(t) for t in blocks(s, "p")]) + "\n"


def text_GDM1(s):
    parts = [s["title"], s["date_line"], s["title"]] + blocks(s, "p") + ["\n".join(blocks(s, "sig"))]
    return "\n\n".join(parts) + "\n"


def text_LGS1(s):
    return "\n\n".join([s["title"], s["date_line"]] + blocks(s, "p")) + "\n"


def text_ORB1(s):
    head = "Новости МЧС России\n\nГлавная » Приволжский федеральный округ » Оренбургская область"
    return "\n\n".join([head, s["title"], s["date_line"]] + blocks(s, "p") + ["\n".join(blocks(s, "link"))]) + "\n"


TEXT = {"AKR1": (text_AKR1, "utf-8", "\n"), "GDM1": (text_GDM1, "cp1252", "\r\n"),
        "LGS1": (text_LGS1, "latin-1", "\r\n"), "ORB1": (text_ORB1, "cp1251", "\r\n")}


# ---------------------------------------------------------------- shape c (saved web pages)
def page(lang, head, body):
    return f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def ps(s, kinds=("p",), cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{hesc(t)}</p>" for k, t in s["blocks"] if k in kinds)




def html_SH1(s):
    t = hesc(s["title"])
    head = f"""<meta charset="UTF-8">
<title>{t} - St Helena Government</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="St Helena Government">"""
    tags = "".join(blocks(s, "tags"))
    sig = "<br>\n".join(hesc(x) for x in blocks(s, "sig"))
    contact = "<br>\n".join(hesc(x) for x in blocks(s, "contact"))
    body = f"""<header class="site-header"><a href="/" class="logo"><img src="/wp-content/themes/shg/logo.png" alt="St Helena Government"></a>
<nav><ul><li><a href="/news/">News</a></li><li><a href="/public-announcements/">Public Announcements</a></li><li><a href="/press-releases/">Press Releases</a></li><li><a href="/portfolios/">Portfolios</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<main><article class="post">
<div class="breadcrumbs"><a href="/">Home</a> &raquo; <a href="/news/">News</a> &raquo; Press Releases</div>
<h1 class="entry-title">{t}</h1>
<div class="entry-content">
{ps(s)}
<p>{hesc(tags)}</p>
<p>{sig}</p>
<p>{contact}</p>
</div>
</article>
<aside class="sidebar"><h3>Latest News</h3><ul><li><a href="#">Ministers Question Time</a></li><li><a href="#">Register of Electors Published</a></li></ul></aside></main>
<footer><p>&copy; St Helena Government. All rights reserved. | <a href="/privacy/">Privacy</a> | <a href="/accessibility/">Accessibility</a></p></footer>"""
    return page("en-GB", head, body)


def html_WIL1(s):
    t = hesc(s["title"])
    head = f"""<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>City of Wilmington, Delaware : News : {t}</title>"""
    body = f"""<table width="100%" id="banner"><tr><td><img src="/images/banner_wilm.jpg" alt="City of Wilmington, Delaware"></td><td class="search"><form action="/search.php"><input type="text" name="q"> <input type="submit" value="Search"></form></td></tr></table>
<table width="100%"><tr>
<td id="leftnav" valign="top"><ul><li><a href="/government/mayor.php">Mayor's Office</a></li><li><a href="/government/council.php">City Council</a></li><li><a href="/news/">News</a></li><li><a href="/services/">Services</a></li><li><a href="/residents/">Residents</a></li></ul></td>
<td id="content" valign="top">
<h2>{t}</h2>
<p class="posted">{hesc(s['date_line'])}</p>
{ps(s)}
<p><a href="/news/">&laquo; Back to News</a></p>
</td></tr></table>
<div id="footer">City of Wilmington &middot; Louis L. Redding City/County Building &middot; 800 N. French Street &middot; Wilmington, DE 19801 &middot; (302) 576-2100</div>"""
    return page("en", head, body)


def html_CAN1(s):
    t = hesc(s["title"])
    kick = hesc("".join(blocks(s, "kicker")))
    sub = hesc("".join(blocks(s, "sub")))
    head = f"""<meta charset="UTF-8">
<title>{t} | Gobierno de Canarias</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{t}">
<meta property="og:description" content="{sub}">"""
    body = f"""<header><a href="/noticias/"><img src="/noticias/wp-content/themes/gobcan/logo.svg" alt="Logo del Gobierno de Canarias"></a>
<nav><ul><li><a href="/noticias/category/presidencia/">Presidencia</a></li><li><a href="/noticias/category/consejo-de-gobierno/">Consejo de Gobierno</a></li><li><a href="/noticias/category/consejerias/">Consejerías</a></li><li><a href="/noticias/agenda/">Agenda</a></li></ul></nav></header>
<main><article>
<p class="categoria"><a href="/noticias/category/consejo-de-gobierno/">{kick}</a></p>
<h1>{t}</h1>
<p class="entradilla">{sub}</p>
<p class="fecha">{hesc(s['date_line'])}</p>
<div class="contenido">
{ps(s)}
</div>
</article>
<aside><h3>Últimas noticias</h3><ul><li><a href="#">Sanidad notifica los datos de la jornada</a></li><li><a href="#">Agenda del presidente</a></li></ul></aside></main>
<footer><p>Gobierno de Canarias &middot; Aviso legal &middot; Accesibilidad</p></footer>"""
    return page("es", head, body)


def html_KAM1(s):
    t = hesc(s["title"])
    head = f"""<meta charset="utf-8">
<title>{t} | Кам'янська міська рада</title>
<meta property="og:title" content="{t}">"""
    body = f"""<div class="header"><a href="/ua/"><img src="/images/gerb.png" alt="Герб"> Кам'янська міська рада</a>
<ul class="menu"><li><a href="/ua/news">Новини</a></li><li><a href="/ua/city">Місто</a></li><li><a href="/ua/rada">Міська рада</a></li><li><a href="/ua/vykonkom">Виконком</a></li></ul></div>
<div class="content">
<h1>{t}</h1>
<div class="news-dates">{hesc(s['date_line'])}</div>
<div class="news-body">
{ps(s)}
</div>
<div class="share">Поділитися: <a href="#">Facebook</a> <a href="#">Telegram</a></div>
</div>
<div class="footer">© Кам'янська міська рада, 2023. Усі права захищено.</div>"""
    return page("uk", head, body)


HTML = {"SH1": html_SH1, "WIL1": html_WIL1, "CAN1": html_CAN1, "KAM1": html_KAM1}


# ---------------------------------------------------------------- shape d (Markdown)
def md_SH3(s):
    body = "\n\n".join(("> " + t) if k == "quote" else t for k, t in s["blocks"] if k in ("p", "quote"))
    tail = "\n\n".join(blocks(s, "sig")) + "\n\n" + "  \n".join(blocks(s, "contact"))
    return f"# {s['title']}\n\n{body}\n\n{tail}\n"


def md_SPO1(s):
    fm = (f"---\ntitle: \"{s['title']}\"\ndate: 2022-08-23 08:11\nsource: City of Spokane News Releases\n"
          f"category: City Council\n---\n\n")
    return fm + "\n\n".join(blocks(s, "p")) + "\n"


def md_SPS1(s):
    return f"## {s['title']}\n\n_{s['date_line']}_\n\n" + "\n\n".join(blocks(s, "p")) + "\n"


MD = {"SH3": md_SH3, "SPO1": md_SPO1, "SPS1": md_SPS1}


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



DATE_IN_NAME = {"ST1", "MI1", "REG1", "VD1", "VD2", "CAN1"}  # file names carrying a (full or partial) date

def made_with(s):
    sid = s["id"]
    if s["shape"] == "a":
        return "reportlab PDF, then pdftotext -enc UTF-8" + (" -layout" if PDF_A[sid][1] else "") + " <pdf> <txt>"
    return {"b": "plain text written by make.py", "c": "HTML page written by make.py",
            "d": "Markdown written by make.py", "e": "python-docx", "f": "reportlab PDF"}[s["shape"]]


def main():
    tmp = tempfile.mkdtemp(prefix="devwinter-")
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
