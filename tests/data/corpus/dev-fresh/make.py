#!/usr/bin/env python3
"""Build the dev-fresh batch of the feedsvc evaluation corpus (publishers not used elsewhere in the corpus:
Australian foreign minister/DFAT, Norwegian, Latvian and Estonian foreign ministries, the Geneva cantonal government,
the Bavarian State Chancellery, the City of Vienna's Rathauskorrespondenz, two Spanish and two Brazilian municipal
bodies, the Angolan foreign ministry, the Armenian foreign ministry as relayed by Armenian media, two Ukrainian city
councils).

Run with /work/corpus-venv/bin/python make.py (from anywhere). sources.json beside this script holds every release
as published (title, date line, blocks of text) with its source and truth; this script lays each one out as the
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
def pdf_au_minister(path, s):
    """Australian foreign minister's media release (foreignminister.gov.au PDF)."""
    reg, bold, ital = FAM["lsans"]
    navy = colors.HexColor("#1b365d")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 8)
            c.setFillColor(navy)
            c.drawString(22 * mm, H - 16 * mm, "Australian Government")
            c.setFont(reg, 7)
            c.drawString(22 * mm, H - 19.5 * mm, "Department of Foreign Affairs and Trade")
            c.setFont(bold, 9)
            c.drawRightString(W - 22 * mm, H - 16 * mm, "THE HON JULIE BISHOP MP")
            c.setFont(reg, 7.5)
            c.drawRightString(W - 22 * mm, H - 19.5 * mm, "MINISTER FOR FOREIGN AFFAIRS")
            c.setStrokeColor(navy)
            c.setLineWidth(1.5)
            c.line(22 * mm, H - 23 * mm, W - 22 * mm, H - 23 * mm)
        c.setFillColor(colors.black)
        c.setFont(reg, 7)
        c.drawString(22 * mm, 12 * mm, "foreignminister.gov.au")
        c.drawRightString(W - 22 * mm, 12 * mm, f"Page {n} of {t}")
        c.restoreState()

    fl = [Spacer(1, 12 * mm),
          Paragraph("MEDIA RELEASE", st("lab", bold, 9, 1.2, 2, 0, TA_LEFT, navy)),
          Paragraph(ptext(s["date_line"]), st("d", reg, 9.5, 1.3, 10)),
          Paragraph(ptext(s["title"]), st("t", bold, 22, 1.15, 12))]
    for t in blocks(s, "p"):
        fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 8)))
    fl += [Spacer(1, 8 * mm),
           Paragraph("Media enquiries", st("mh", bold, 8.5, 1.3, 1)),
           Paragraph("Minister\u2019s office: (02) 6277 7500", st("m1", reg, 8.5, 1.3)),
           Paragraph("DFAT Media Liaison: (02) 6261 1555", st("m2", reg, 8.5, 1.3))]
    build_pdf(path, s, fl, deco, title="Kabul attack", author="Office of the Minister for Foreign Affairs",
              creator="Microsoft Word")


def pdf_ee_review(path, s):
    """One item of the Estonian MFA's weekly 'Estonian Review', printed from the embassy site."""
    reg, bold, ital = FAM["lserif"]
    blue = colors.HexColor("#0b4f9c")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(blue)
            c.setFont("LSerif-B", 20)
            c.drawString(22 * mm, H - 22 * mm, "Estonian Review")
            c.setFont("LSans", 7.5)
            c.setFillColor(colors.HexColor("#555555"))
            c.drawString(22 * mm, H - 27 * mm, "Ministry of Foreign Affairs of Estonia \u00b7 Press and Information Department")
            c.drawRightString(W - 22 * mm, H - 22 * mm, "Embassy of Estonia in Stockholm")
            c.setStrokeColor(blue)
            c.line(22 * mm, H - 29.5 * mm, W - 22 * mm, H - 29.5 * mm)
        c.setFillColor(colors.black)
        c.setFont("LSans", 7)
        c.drawString(22 * mm, 12 * mm, "www.estemb.se/estonian_review")
        c.drawRightString(W - 22 * mm, 12 * mm, f"{n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 16 * mm),
          Paragraph(ptext(s["review"]), st("rv", "LSans-B", 10, 1.3, 10)),
          Paragraph(ptext(s["title"]), st("t", bold, 19, 1.2, 8))]
    for k, t in s["blocks"]:
        if k == "dateline":
            fl.append(Paragraph(ptext(t), st("dl", "LSans-B", 9, 1.3, 1)))
        else:
            fl.append(Paragraph(ptext(t), st("b", reg, 11, 1.45, 8)))
    build_pdf(path, s, fl, deco, title=s["review"], creator="Mozilla Firefox")


GE_MEMBERS = ("M. Pierre Maudet, doyen du Conseil d'Etat, M. Antonio Hodgers, conseiller d'Etat, "
              "M. Christophe Genoud, vice-chancelier d'Etat")


def pdf_geneve(path, s, rubric, members=None, font="sans"):
    """Geneva cantonal government item (point presse / communiqué hebdomadaire), printed from ge.ch."""
    reg, bold, ital = FAM[font]
    red = colors.HexColor("#c4161c")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(red)
            c.rect(22 * mm, H - 24 * mm, 4 * mm, 8 * mm, fill=1, stroke=0)
            c.setFillColor(colors.black)
            c.setFont(bold, 8)
            c.drawString(28 * mm, H - 18.5 * mm, "REPUBLIQUE ET CANTON DE GENEVE")
            c.setFont(reg, 7)
            c.drawString(28 * mm, H - 22 * mm, "Post tenebras lux")
            c.drawRightString(W - 22 * mm, H - 18.5 * mm, "ge.ch")
        c.setFont(reg, 7)
        c.drawString(22 * mm, 12 * mm, "Chancellerie d'Etat \u2013 Service de la communication et de l'information")
        c.drawRightString(W - 22 * mm, 12 * mm, f"Page {n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 14 * mm),
          Paragraph(ptext(s["date_line"]), st("h", bold, 13, 1.25, 4))]
    if members:
        fl += [Paragraph("Date de publication", st("dp", bold, 7.5, 1.3, 0, 4, TA_LEFT, colors.HexColor("#555555"))),
               Paragraph(ptext(s["date_line"].rsplit(" du ", 1)[1]), st("dp2", reg, 8, 1.3, 3)),
               Paragraph("Membres présents", st("mp", bold, 7.5, 1.3, 0, 0, TA_LEFT, colors.HexColor("#555555"))),
               Paragraph(ptext(members), st("mp2", reg, 8, 1.3, 8))]
    fl += [HRFlowable(width="100%", thickness=0.4, color=colors.HexColor("#999999"), spaceAfter=6),
           Paragraph(rubric.upper(), st("rb", bold, 8, 1.2, 5, 4, TA_LEFT, red)),
           Paragraph(ptext(s["title"]), st("t", bold, 16, 1.22, 10))]
    for t in blocks(s, "p"):
        fl.append(Paragraph(ptext(t), st("b", reg, 10, 1.45, 8, 0, TA_JUSTIFY)))
    build_pdf(path, s, fl, deco, title=s["date_line"], author="Chancellerie d'Etat", creator="ge.ch")


def pdf_campo_grande(path, s):
    """Act of the board of the Campo Grande city council, PDF as published in the council's Diogrande pages."""
    reg, bold, ital = FAM["lserif"]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 12)
            c.drawCentredString(W / 2, H - 18 * mm, "CÂMARA MUNICIPAL DE CAMPO GRANDE")
            c.setFont(reg, 8.5)
            c.drawCentredString(W / 2, H - 22.5 * mm, "ESTADO DE MATO GROSSO DO SUL")
            c.setLineWidth(0.6)
            c.line(25 * mm, H - 25.5 * mm, W - 25 * mm, H - 25.5 * mm)
        c.setFont(reg, 7)
        c.drawCentredString(W / 2, 11 * mm, "www.camara.ms.gov.br")
        c.restoreState()

    fl = [Spacer(1, 18 * mm), Paragraph(ptext(s["title"]), st("t", bold, 14, 1.25, 14, 0, TA_CENTER))]
    for k, t in s["blocks"]:
        if k == "ementa":
            fl.append(Paragraph(ptext(t), st("em", ital, 10.5, 1.35, 14, 0, TA_JUSTIFY, left=80 * mm)))
        elif k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 11.5, 1.5, 9, 0, TA_JUSTIFY, first=12 * mm)))
        elif k == "date":
            fl.append(Paragraph(ptext(t), st("d", reg, 11.5, 1.4, 22, 12, TA_RIGHT)))
    sigs = [Paragraph(ptext(t), st("sg", bold, 10.5, 1.3, 0, 0, TA_CENTER)) for t in blocks(s, "sig")]
    fl.append(Table([sigs], colWidths=[80 * mm, 80 * mm]))
    build_pdf(path, s, fl, deco, margins=(25 * mm, 25 * mm, 20 * mm, 20 * mm), title="ATO DA MESA DIRETORA",
              author="Secretaria Legislativa", creator="Microsoft Word")


def pdf_ee_press(path, s):
    """Estonian MFA press release (no date printed; phone numbers of the press office at the end)."""
    reg, bold, ital = FAM["lsans"]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 8.5)
            c.drawString(22 * mm, H - 17 * mm, "VÄLISMINISTEERIUM")
            c.setFont(reg, 7.5)
            c.drawString(22 * mm, H - 20.5 * mm, "Ministry of Foreign Affairs of Estonia")
            c.drawString(22 * mm, H - 24 * mm, "Press and Information Department")
        c.setFont(reg, 7)
        c.drawString(22 * mm, 12 * mm, "Islandi väljak 1, 15049 Tallinn \u00b7 www.vm.ee")
        c.drawRightString(W - 22 * mm, 12 * mm, f"{n}")
        c.restoreState()

    fl = [Spacer(1, 14 * mm), Paragraph("PRESS RELEASE", st("lab", bold, 8.5, 1.2, 8)),
          Paragraph(ptext(s["title"]), st("t", bold, 17, 1.2, 12))]
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 10.5, 1.4, 8)))
    fl.append(Spacer(1, 4 * mm))
    for t in blocks(s, "contact"):
        fl.append(Paragraph(ptext(t), st("c", reg, 9, 1.25)))
    build_pdf(path, s, fl, deco, title="Press release", author="Pressiosakond", creator="Microsoft Word")


def pdf_vm_topnews(path, s):
    """vm.ee 'Top News' item printed from the ministry site (date without a year)."""
    reg, bold, ital = FAM["sans"]

    def deco(c, n, t, W, H):
        c.saveState()
        c.setFont(reg, 7)
        c.drawString(15 * mm, H - 9 * mm, "Top News | Estonian Ministry of Foreign Affairs")
        c.drawString(15 * mm, 8 * mm, "http://www.vm.ee/?q=en/taxonomy/term/256")
        c.drawRightString(W - 15 * mm, 8 * mm, f"{n}/{t}")
        if n == 1:
            c.setFont(bold, 11)
            c.drawString(22 * mm, H - 20 * mm, "Välisministeerium")
            c.setFont(reg, 8)
            c.drawString(22 * mm, H - 24 * mm, "Ministry of Foreign Affairs")
        c.restoreState()

    fl = [Spacer(1, 12 * mm), Paragraph("Top News", st("tn", bold, 9, 1.2, 8, 0, TA_LEFT, colors.HexColor("#1d5aa8"))),
          Paragraph(ptext(s["title"]), st("t", bold, 15, 1.2, 6)),
          Paragraph(ptext(s["date_line"]), st("d", reg, 8.5, 1.3, 10, 0, TA_LEFT, colors.HexColor("#666666")))]
    for t in blocks(s, "p"):
        fl.append(Paragraph(ptext(t), st("b", reg, 9.5, 1.45, 7)))
    build_pdf(path, s, fl, deco, margins=(22 * mm, 22 * mm, 16 * mm, 18 * mm), title="Top News", creator="Chromium")


PID_CONTACT = ["PID-Rathauskorrespondenz", "Presse- und Informationsdienst der Stadt Wien (MA 53)",
               "Stadtredaktion, Diensthabende/r Redakteur/in", "01 4000-81081", "dr@ma53.wien.gv.at",
               "www.wien.gv.at/presse"]


def pdf_ots(path, s):
    """APA-OTS print view of a Rathauskorrespondenz release."""
    reg, bold, ital = FAM["sans"]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 12)
            c.setFillColor(colors.HexColor("#c8102e"))
            c.drawString(22 * mm, H - 18 * mm, "OTS")
            c.setFillColor(colors.black)
            c.setFont(reg, 7.5)
            c.drawString(33 * mm, H - 18 * mm, "Originaltext-Service")
            c.drawRightString(W - 22 * mm, H - 18 * mm, f"OTS0038 \u00b7 {s['date_line']}")
        c.setFont(reg, 6.5)
        c.drawString(22 * mm, 14 * mm, "OTS-ORIGINALTEXT PRESSEAUSSENDUNG UNTER AUSSCHLIESSLICHER INHALTLICHER "
                                       "VERANTWORTUNG DES AUSSENDERS. www.ots.at")
        c.drawString(22 * mm, 10.5 * mm, "\u00a9 Copyright APA-OTS Originaltext-Service GmbH und der jeweilige Aussender.")
        c.drawRightString(W - 22 * mm, 10.5 * mm, f"{n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 8 * mm), Paragraph(ptext(s["title"]), st("t", bold, 16, 1.2, 10))]
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, 10, 1.45, 8)))
        elif k == "h":
            fl.append(Paragraph(ptext(t), st("h", bold, 10, 1.4, 3, 3)))
    fl.append(Paragraph("Rückfragen &amp; Kontakt:", st("rk", bold, 9, 1.3, 2, 8)))
    for t in PID_CONTACT:
        fl.append(Paragraph(ptext(t), st("rc", reg, 9, 1.3)))
    build_pdf(path, s, fl, deco, title=s["title"], creator="APA-OTS")


def pdf_chernihiv(path, s):
    """Chernihiv city council news page printed from the browser."""
    reg, bold, ital = FAM["sans"]

    def deco(c, n, t, W, H):
        c.saveState()
        c.setFont(reg, 7)
        c.drawString(15 * mm, 8 * mm, s["url"])
        c.drawRightString(W - 15 * mm, 8 * mm, f"{n}/{t}")
        if n == 1:
            c.setFont(bold, 11)
            c.setFillColor(colors.HexColor("#1f4e8c"))
            c.drawString(22 * mm, H - 18 * mm, "Чернігівська міська рада")
            c.setFont(reg, 7.5)
            c.setFillColor(colors.black)
            c.drawString(22 * mm, H - 22 * mm, "Офіційний веб-сайт")
        c.restoreState()

    fl = [Spacer(1, 12 * mm), Paragraph("back", st("bk", reg, 8, 1.2, 6, 0, TA_LEFT, colors.HexColor("#1f4e8c"))),
          Paragraph(ptext(s["title"]), st("t", bold, 15, 1.25, 5)),
          Paragraph(ptext(s["date_line"]), st("d", reg, 8.5, 1.3, 10, 0, TA_LEFT, colors.HexColor("#666666")))]
    for t in blocks(s, "p"):
        fl.append(Paragraph(ptext(t), st("b", reg, 10, 1.45, 7, 0, TA_JUSTIFY)))
    build_pdf(path, s, fl, deco, margins=(22 * mm, 22 * mm, 16 * mm, 18 * mm), title=s["title"], creator="Chromium")


PDF_F = {"AU1": pdf_au_minister, "EE3": pdf_ee_review, "PT2": pdf_campo_grande,
         "GE3": lambda p, s: pdf_geneve(p, s, "Genève internationale", font="serif")}
PDF_A = {"EE4": (pdf_ee_press, True), "EE5": (pdf_vm_topnews, False), "WI3": (pdf_ots, False),
         "GE1": (lambda p, s: pdf_geneve(p, s, "Genève internationale", members=GE_MEMBERS), True),
         "UA1": (pdf_chernihiv, True)}


PDF_FONT = {"EE4": "LiberationSans", "EE5": "DejaVuSans", "WI3": "DejaVuSans", "GE1": "DejaVuSans", "UA1": "DejaVuSans"}


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


def docx_bavaria(path, s):
    doc, sec = new_doc("Arial", 11)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Bayerische Staatskanzlei")
    r.bold, r.font.size = True, Pt(13)
    sec.header.add_paragraph().add_run("Pressestelle").font.size = Pt(9)
    P(doc, "Pressemitteilung", size=10, bold=True, color="0065A3", after=2)
    P(doc, f"München, {s['date_line']}", size=10, after=12)
    doc.add_paragraph(s["title"], style="Title")
    for t in blocks(s, "p"):
        P(doc, t, after=8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Bayerische Staatskanzlei \u00b7 Franz-Josef-Strauß-Ring 1 \u00b7 80539 München \u00b7 www.bayern.de").font.size = Pt(7.5)
    save_docx(doc, path, s, "Pressestelle StK", 12, 40)


def docx_geneve(path, s):
    doc, sec = new_doc("Arial", 10.5)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("REPUBLIQUE ET CANTON DE GENEVE")
    r.bold, r.font.size = True, Pt(9)
    sec.header.add_paragraph().add_run("Chancellerie d'Etat\nService de la communication et de l'information").font.size = Pt(7.5)
    P(doc, "Communiqué de presse du Conseil d'Etat", size=10, bold=True, after=2)
    P(doc, s["date_line"], size=10, align="r", after=12)
    P(doc, "Genève-Confédération", size=8.5, bold=True, color="C4161C", after=4)
    P(doc, s["title"], size=13, bold=True, after=10)
    for t in blocks(s, "p"):
        P(doc, t, align="j", after=8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Chancellerie d'Etat \u2013 Rue de l'Hôtel-de-Ville 2 \u2013 1204 Genève \u2013 www.ge.ch").font.size = Pt(7)
    save_docx(doc, path, s, "CHA-SCI", 16, 5)


def docx_angola(path, s):
    doc, sec = new_doc("Times New Roman", 12)
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = hp.add_run("REPÚBLICA DE ANGOLA")
    r.bold, r.font.size = True, Pt(11)
    h2 = sec.header.add_paragraph()
    h2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h2.add_run("EMBAIXADA EM PORTUGAL").font.size = Pt(9)
    doc.add_paragraph(s["title"], style="Title")
    for t in blocks(s, "p"):
        P(doc, t, align="j", after=8, marked=True)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("www.embaixadadeangola.pt").font.size = Pt(8)
    save_docx(doc, path, s, "Sector de Imprensa", 18, 30)


def docx_porto_ferreira(path, s):
    doc, sec = new_doc("Calibri", 11)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("PREFEITURA MUNICIPAL DE PORTO FERREIRA")
    r.bold, r.font.size = True, Pt(10)
    sec.header.add_paragraph().add_run("Assessoria de Comunicação, Cerimonial e Eventos").font.size = Pt(8)
    doc.add_heading(s["title"], level=1)
    for k, t in s["blocks"]:
        if k == "p":
            P(doc, t, align="j", after=8)
        elif k == "byline":
            P(doc, t, size=9.5, italic=True, before=10)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("www.portoferreira.sp.gov.br").font.size = Pt(8)
    save_docx(doc, path, s, "Cleber Fabbri", 15, 20)


def docx_pereiaslav(path, s):
    doc, sec = new_doc("Times New Roman", 14)
    for line, b in [("ПЕРЕЯСЛАВ-ХМЕЛЬНИЦЬКА МІСЬКА РАДА", True), ("Київської області", False),
                    ("ВИКОНАВЧИЙ КОМІТЕТ", True), ("РОЗПОРЯДЖЕННЯ", True)]:
        P(doc, line, bold=b, align="c", after=2)
    P(doc, "", after=2)
    P(doc, s["date_line"], after=0)
    P(doc, "м. Переяслав-Хмельницький", after=14)
    P(doc, s["title"], bold=True, after=14)
    for k, t in s["blocks"]:
        if k == "p":
            p = P(doc, t, align="j", after=6)
            p.paragraph_format.first_line_indent = Cm(1.25)
        elif k in ("num", "dash"):
            p = P(doc, t, align="j", after=2)
            p.paragraph_format.first_line_indent = Cm(1.25)
        elif k == "sig":
            P(doc, t, before=24, after=18)
        elif k == "line":
            P(doc, t, size=9, after=0)
    save_docx(doc, path, s, "Загальний відділ", 11, 0)


DOCX = {"BY1": docx_bavaria, "GE2": docx_geneve, "PT1": docx_angola, "PT3": docx_porto_ferreira,
        "UA2": docx_pereiaslav}


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


def text_NO2(s):
    head = blocks(s, "head")
    parts = [head[0], "\n".join(head[1:]), s["title"]] + blocks(s, "p")
    return "\n\n".join(parts) + "\n"


def text_EE2(s):
    parts = [s["date_line"], s["title"]] + [wrap(t) for t in blocks(s, "p")] + ["\n".join(blocks(s, "contact"))]
    return "\n\n".join(parts) + "\n"


def text_AM2(s):
    return "\n\n".join([s["title"]] + blocks(s, "p")) + "\n"


def text_ES1(s):
    out_ = [s["title"], s["date_line"], ""]
    prev = None
    for k, t in s["blocks"]:
        if k == "sig" and prev != "sig":
            out_ += ["", ""]
        elif k == "p" or (k == "num" and prev != "num"):
            out_.append("")
        out_.append(t)
        prev = k
    return "\n".join(out_) + "\n"


def text_WI2(s):
    out_ = [s["title"], ""]
    for k, t in s["blocks"]:
        out_ += [t, ""]
    return "\n".join(out_).rstrip("\n") + "\n"


TEXT = {"NO2": (text_NO2, "utf-8", "\r\n"), "EE2": (text_EE2, "utf-8", "\n"), "AM2": (text_AM2, "cp1251", "\r\n"),
        "ES1": (text_ES1, "utf-8-sig", "\n"), "WI2": (text_WI2, "utf-16", "\r\n")}


# ---------------------------------------------------------------- shape c (saved web pages)
def page(lang, head, body):
    return f"<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n"


def ps(s, kinds=("p",), cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"<p{c}>{hesc(t)}</p>" for k, t in s["blocks"] if k in kinds)


def html_NO1(s):
    t = hesc(s["title"])
    head = f"""<meta charset="utf-8">
<title>{t} - regjeringen.no</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Regjeringen.no">
<meta property="og:title" content="{t}">
<link rel="canonical" href="{hesc(s['url'])}">"""
    lead = blocks(s, "lead")[0]
    body = f"""<a class="skip" href="#main">Hopp til innhold</a>
<header class="site-header">
  <a class="logo" href="/no/id4/"><img src="/dist-web/img/regjeringen_logo.svg" alt="Regjeringen.no"></a>
  <nav class="language"><a href="/no/" lang="nb">Norsk</a> <a href="/en/" lang="en">English</a> <a href="/se/" lang="se">Sámegiella</a></nav>
  <nav class="main-menu"><ul><li><a href="/no/tema/id208/">Tema</a></li><li><a href="/no/dokumenter/id2000006/">Dokumenter</a></li><li><a href="/no/aktuelt/id1150/">Aktuelt</a></li><li><a href="/no/dep/id933/">Departementene</a></li></ul></nav>
</header>
<nav class="breadcrumbs"><ol><li><a href="/no/id4/">Forsiden</a></li><li><a href="/no/dokumentarkiv/id115322/">Historisk arkiv</a></li><li><a href="/no/dokumentarkiv/stoltenberg-ii/id2000009/">Regjeringen Stoltenberg II</a></li><li><a href="/no/dokumentarkiv/stoltenberg-ii/ud/id2000043/">Utenriksdepartementet</a></li><li>Nyheter og pressemeldinger</li></ol></nav>
<main id="main">
<div class="archive-banner"><strong>Historisk arkiv</strong></div>
<article class="article">
  <header class="article-header">
    <h1>{t}</h1>
    <div class="archive-info"><strong>Historisk arkiv</strong>
      <p>Publisert under: <a href="/no/dokumentarkiv/stoltenberg-ii/id2000009/">Regjeringen Stoltenberg II</a></p>
      <p>Utgiver: <a href="/no/dokumentarkiv/stoltenberg-ii/ud/id2000043/">Utenriksdepartementet</a></p>
    </div>
    <div class="article-info"><span class="type">Nyhet</span> | <span class="date">Dato: 23.07.2011</span></div>
  </header>
  <div class="article-ingress"><p>{hesc(lead)}</p></div>
  <div class="article-body">
{ps(s)}
  </div>
  <div class="share"><span>Del</span> <a href="https://www.facebook.com/sharer/sharer.php?u={hesc(s['url'])}">Facebook</a> <a href="https://twitter.com/share?url={hesc(s['url'])}">Twitter</a> <a href="mailto:?subject={t}">E-post</a> <a href="javascript:window.print()">Skriv ut</a></div>
</article>
<aside class="related">
  <h2>Se også</h2>
  <ul><li><a href="/no/dokumentarkiv/stoltenberg-ii/ud/Nyheter-og-pressemeldinger/pressemeldinger/2006/norwegian-concern-over-north-korean-miss/id419968/">Norwegian concern over North Korean missile tests</a> <span class="meta">Pressemelding | 05.07.2006</span></li></ul>
</aside>
</main>
<footer class="site-footer">
  <p>Regjeringen.no er et felles nettsted for departementene og Statsministerens kontor.</p>
  <ul><li><a href="/no/om-regjeringen.no/id2359/">Om regjeringen.no</a></li><li><a href="/no/kontakt/id2000080/">Kontakt</a></li><li><a href="/no/personvern/id2000031/">Personvern</a></li></ul>
  <p>Ansvarlig redaktør: Statsministerens kontor</p>
</footer>"""
    return page("nb", head, body)


def html_LV1(s):
    t = hesc(s["title"])
    head = f"""<meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>{t} - Ministry of Foreign Affairs of the Republic of Latvia</title>
<meta name="generator" content="Joomla! 1.5 - Open Source Content Management">
<meta property="article:published_time" content="2014-06-15T16:56:00+03:00">
<link rel="stylesheet" href="/templates/mfa/css/template.css" type="text/css">"""
    body = f"""<div id="top">
  <div class="logo"><a href="/en"><img src="/templates/mfa/images/logo_en.png" alt="Ministry of Foreign Affairs of the Republic of Latvia"></a></div>
  <ul class="lang"><li><a href="/lv/">Latviski</a></li><li class="active"><a href="/en/">English</a></li><li><a href="/ru/">Русский</a></li></ul>
  <form class="search" action="/en/search"><input type="text" name="searchword" value="Search..."></form>
</div>
<div id="menu"><ul><li><a href="/en/news">News</a></li><li><a href="/en/policy">Policy</a></li><li><a href="/en/consular-information">Consular information</a></li><li><a href="/en/ministry">Ministry</a></li><li><a href="/en/missions">Missions</a></li></ul></div>
<div class="pathway"><a href="/en/">Home</a> &raquo; <a href="/en/news">News</a> &raquo; <a href="/en/news/latest-news">Latest news</a></div>
<div id="content">
  <div class="contentpaneopen">
    <h2 class="contentheading">{t}</h2>
    <div class="createdate">15.06.2014. 16:56</div>
    <div class="article-content">
<p><em>{hesc(blocks(s, 'label')[0])}</em></p>
{ps(s)}
    </div>
    <div class="buttons"><a href="/en/news/latest-news/13845?tmpl=component&amp;print=1" title="Print">Print</a> <a href="/en/component/mailto/?link=13845" title="E-mail">E-mail</a></div>
  </div>
</div>
<div id="right">
  <h3>Newsletters</h3>
  <ul class="latestnews">
    <li><a href="/en/news/latest-news/newsletters/10199-fpn-no-71-72-22-june-3-july-2009">[FPN] No. 71/72, 22 June - 3 July 2009</a><span class="small">06.07.2009. 15:48</span></li>
    <li><a href="/en/news/latest-news/newsletters/10181-fpn-no-70-15-19-june-2009">[FPN] No. 70, 15 - 19 June 2009</a><span class="small">19.06.2009. 15:31</span></li>
  </ul>
</div>
<div id="footer">&copy; Ministry of Foreign Affairs of the Republic of Latvia, K.Valdemara street 3, Riga LV-1395. E-mail: mfa.cha@mfa.gov.lv</div>"""
    return page("en", head, body)


def html_WI1(s):
    t = hesc(s["title"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": "2020-09-28", "publisher": {"@type": "Organization", "name": "Stadt Wien"}},
                    ensure_ascii=False)
    head = f"""<meta charset="utf-8">
<title>{t} - Rathauskorrespondenz</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="Presseservice der Stadt Wien">
<meta property="og:type" content="article">
<script type="application/ld+json">{ld}</script>"""
    contact = "<br>\n".join(hesc(x) for x in PID_CONTACT)
    body = f"""<header class="wien-header">
  <a href="https://www.wien.gv.at/" class="logo"><img src="/_assets/img/wien_logo.svg" alt="Stadt Wien"></a>
  <span class="site-title">Presseservice</span>
  <nav><ul><li><a href="/presse/">Rathauskorrespondenz</a></li><li><a href="/presse/termine">Termine</a></li><li><a href="/presse/bilder">Pressefotos</a></li><li><a href="/presse/kontakt">Kontakt</a></li></ul></nav>
</header>
<nav class="breadcrumb"><a href="https://www.wien.gv.at/">wien.gv.at</a> &gt; <a href="/presse/">Presse</a> &gt; <a href="/presse/2020/09/28">28. September 2020</a></nav>
<main>
  <div class="archiv-hinweis"><strong>{hesc(s['date_line'])}</strong><br>{hesc(blocks(s, 'note')[0])}</div>
  <article class="rk-meldung">
    <h1>{t}</h1>
{ps(s)}
    <h2 class="rueckfrage">{hesc(blocks(s, 'contact')[0])}</h2>
    <p class="kontakt">{contact}</p>
  </article>
  <aside class="weitere">
    <h2>Aus dem Archiv</h2>
    <ul>
      <li><span class="datum">23.11.2016</span> <a href="https://www.ots.at/presseaussendung/OTS_20161123_OTS0038/">Vizebürgermeister-Tour: Gudenus beim Pressedienst</a></li>
      <li><span class="datum">02.05.2001</span> <a href="https://www.ots.at/presseaussendung/OTS_20010502_OTS0035/">Mediengespräch am Donnerstag mit Vizebürgermeister Rieder</a></li>
    </ul>
  </aside>
</main>
<footer><a href="https://www.wien.gv.at/info/impressum.html">Impressum</a> | <a href="https://www.wien.gv.at/info/datenschutz/">Datenschutz</a> | <a href="https://www.wien.gv.at/info/barrierefreiheit.html">Barrierefreiheit</a><p>&copy; Stadt Wien &ndash; Presse- und Informationsdienst (MA 53)</p></footer>"""
    return page("de", head, body)


def html_ES2(s):
    t = hesc(s["title"])
    head = f"""<meta charset="utf-8">
<title>Ayuntamiento de Alcalá de Guadaíra - {t}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{hesc(blocks(s, 'lead')[0])}">"""
    rel = "\n".join(f"    <li><p>{hesc(x)}</p><a href=\"#\">Leer más</a></li>" for x in s["related"])
    body = f"""<header id="cabecera">
  <a href="/es/"><img src="/export/sites/alcala/.content/img/escudo.png" alt="Ayuntamiento de Alcalá de Guadaíra"></a>
  <ul class="idiomas"><li class="activo">Español</li><li><a href="/en/">English</a></li></ul>
  <nav><ul><li><a href="/es/ayuntamiento/">Ayuntamiento</a></li><li><a href="/es/ciudad/">Ciudad</a></li><li><a href="/es/sede/">Sede electrónica</a></li><li><a href="/es/noticias/">Noticias</a></li><li><a href="/es/agenda/">Agenda</a></li></ul></nav>
</header>
<div class="migas"><a href="/es/">Inicio</a> / <a href="/es/noticias/">Noticias</a> / {t}</div>
<div id="contenido">
  <article class="noticia">
    <h1>{t}</h1>
    <p class="entradilla">{hesc(blocks(s, 'lead')[0])}</p>
    <p class="fecha">{hesc(s['date_line'])}</p>
    <div class="cuerpo">
{ps(s)}
    </div>
    <div class="compartir">Compartir: <a href="https://www.facebook.com/sharer.php?u={hesc(s['url'])}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={hesc(s['url'])}">Twitter</a> <a href="javascript:print()">Imprimir</a></div>
  </article>
  <aside>
    <h2>Noticias relacionadas</h2>
    <ul>
{rel}
    </ul>
  </aside>
</div>
<footer><p>Ayuntamiento de Alcalá de Guadaíra &middot; Plaza del Duque, 1 &middot; 41500 Alcalá de Guadaíra (Sevilla)</p><p><a href="/es/aviso-legal/">Aviso legal</a> | <a href="/es/accesibilidad/">Accesibilidad</a></p></footer>"""
    return page("es", head, body)


def html_AM1(s):
    t = hesc(s["title"])
    head = f"""<meta charset="UTF-8">
<title>{t} | Aysor.am</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="Aysor.am">"""
    body = f"""<div class="top-bar"><ul class="langs"><li><a href="/am/">Հայ</a></li><li class="active"><a href="/ru/">Рус</a></li><li><a href="/en/">Eng</a></li></ul></div>
<header><a class="logo" href="/ru/"><img src="/images/logo.png" alt="Aysor.am"></a>
<nav><ul><li><a href="/ru/news/politics">Политика</a></li><li><a href="/ru/news/society">Общество</a></li><li><a href="/ru/news/economy">Экономика</a></li><li><a href="/ru/news/world">В мире</a></li><li><a href="/ru/news/sport">Спорт</a></li></ul></nav></header>
<div class="container">
  <div class="news-block">
    <div class="news-date"><span class="date">07/10/2020</span> <span class="time">20:06</span></div>
    <h1 class="news-title">{t}</h1>
    <div class="news-text">
{ps(s)}
    </div>
    <div class="share">Поделиться: <a href="https://www.facebook.com/sharer.php?u={hesc(s['url'])}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={hesc(s['url'])}">Twitter</a> <a href="https://vk.com/share.php?url={hesc(s['url'])}">VK</a></div>
  </div>
  <aside class="lenta">
    <h3>Лента новостей</h3>
    <ul>
      <li><span class="date">04/12/2020</span> <a href="#">Армянская дипломатия была и остается в авангарде защиты Родины – Ара Айвазян</a></li>
      <li><span class="date">21/11/2020</span> <a href="#">Состоялась встреча глав МИД Армении и России</a></li>
    </ul>
  </aside>
</div>
<footer><p>&copy; 2008-2020 Aysor.am. Все права защищены. При использовании материалов ссылка на Aysor.am обязательна.</p></footer>"""
    return page("ru", head, body)


HTML = {"NO1": html_NO1, "LV1": html_LV1, "WI1": html_WI1, "ES2": html_ES2, "AM1": html_AM1}


# ---------------------------------------------------------------- shape d (Markdown)
def md_EE1(s):
    body = "\n\n".join(blocks(s, "p"))
    contact = "  \n".join(blocks(s, "contact"))
    return f"**{s['title']}**\n\n_{s['date_line']}_\n\n{body}\n\n{contact}\n"


def md_GE4(s):
    fm = (f"---\ntitle: \"{s['title']}\"\ndate: \"07.11.2012\"\nsource: Point de presse du Conseil d'Etat\n"
          f"rubrique: Genève internationale\n---\n\n")
    return fm + "\n\n".join(blocks(s, "p")) + "\n"


def md_AM3(s):
    fm = f"---\ntitle: {s['title']}\ndate: 2020-11-21\nsource: 1lurer.am\ntags: [МИД, Армения, Россия]\n---\n\n"
    return fm + f"# {s['title']}\n\n" + "\n\n".join(blocks(s, "p")) + "\n"


def md_AU2(s):
    sig = "  \n".join(blocks(s, "sig"))
    return f"# {s['title']}\n\n{s['date_line']}\n\n" + "\n\n".join(blocks(s, "p")) + f"\n\n{sig}\n"


MD = {"EE1": md_EE1, "GE4": md_GE4, "AM3": md_AM3, "AU2": md_AU2}


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


DATE_IN_NAME = {"AU1", "GE1", "GE3", "WI3", "EE3", "UA1"}  # file names carrying a (full or partial) date


def made_with(s):
    sid = s["id"]
    if s["shape"] == "a":
        return "reportlab PDF, then pdftotext -enc UTF-8" + (" -layout" if PDF_A[sid][1] else "") + " <pdf> <txt>"
    return {"b": "plain text written by make.py", "c": "HTML page written by make.py",
            "d": "Markdown written by make.py", "e": "python-docx", "f": "reportlab PDF"}[s["shape"]]


def main():
    tmp = tempfile.mkdtemp(prefix="devfresh-")
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
