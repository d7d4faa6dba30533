#!/usr/bin/env python3
"""Build the dev-regions batch of the feedsvc evaluation corpus (regional governments, police press offices,
national defence ministry, an EU agency).

Run with /work/corpus-venv/bin/python make.py (from anywhere). sources.json beside this script holds every release
as published (title, date line, blocks of text) with its source and truth; this script lays each one out as a
press office would drop it (shapes a-f), then writes truth.json. Letterheads, page chrome, footers and contact
blocks are built here in each publisher's house style; the release text comes only from sources.json.

Reproducible: PDF dates come from SOURCE_DATE_EPOCH (the publication day, 09:15 UTC), docx core properties and
zip entry times are fixed. Shape a files are the output of the real pdftotext (poppler) on a PDF built here and then
thrown away.
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
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
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
for name, fn in [("DVSans", "DejaVuSans.ttf"), ("DVSans-B", "DejaVuSans-Bold.ttf"), ("DVSans-I", "DejaVuSans-Oblique.ttf"),
                 ("DVSerif", "DejaVuSerif.ttf"), ("DVSerif-B", "DejaVuSerif-Bold.ttf"), ("DVSerif-I", "DejaVuSerif-Italic.ttf"),
                 ("DVCond", "DejaVuSansCondensed.ttf"), ("DVCond-B", "DejaVuSansCondensed-Bold.ttf"),
                 ("DVSerifC", "DejaVuSerifCondensed.ttf"), ("DVSerifC-B", "DejaVuSerifCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FD, fn)))

FAM = {"helv": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
       "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
       "sans": ("DVSans", "DVSans-B", "DVSans-I"),
       "serif": ("DVSerif", "DVSerif-B", "DVSerif-I"),
       "cond": ("DVCond", "DVCond-B", "DVSans-I"),
       "serifc": ("DVSerifC", "DVSerifC-B", "DVSerif-I")}


def out(name):
    return os.path.join(HERE, name)


def pubday(s):
    return dt.date.fromisoformat(s["truth"]["published"])


def epoch(d, hh=9, mi=15):
    return calendar.timegm((d.year, d.month, d.day, hh, mi, 0))


def paras(s, kinds=("p",)):
    return [t for k, t in s["blocks"] if k in kinds]


# PDF machinery
class PagedCanvas(rl_canvas.Canvas):
    """Canvas that knows the page count (for 'Page 1 of 2' footers) and draws a first-page letterhead."""
    deco = None

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._pages = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for st in self._pages:
            self.__dict__.update(st)
            if self.deco:
                self.deco(self, self._pageNumber, total)
            super().showPage()
        super().save()


def ptext(text):
    return xesc(text).replace("\n", "<br/>")


def build_pdf(path, s, page, margins, flow, deco, meta_title="", author="", creator=""):
    W, H = page
    lm, rm, tm, bm = margins

    class C(PagedCanvas):
        pass
    C.deco = staticmethod(lambda c, n, t: deco(c, n, t, W, H)) if deco else None
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(pubday(s)))
    doc = SimpleDocTemplate(path, pagesize=page, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
                            title=meta_title, author=author, creator=creator, subject="")
    doc.build(flow, canvasmaker=C)
    del os.environ["SOURCE_DATE_EPOCH"]


def st(name, font, size, lead=1.3, after=0, before=0, align=TA_LEFT, color=colors.black, left=0, first=0):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead, spaceAfter=after,
                          spaceBefore=before, alignment=align, textColor=color, leftIndent=left, firstLineIndent=first)


def body_flow(s, fam, size, after=None, lead=1.38, contact_size=None, kinds=None):
    reg, bold, ital = FAM[fam]
    after = size * 0.8 if after is None else after
    fl = []
    for k, t in s["blocks"]:
        if kinds and k not in kinds:
            continue
        if k == "p":
            fl.append(Paragraph(ptext(t), st("b", reg, size, lead, after)))
        elif k in ("line", "sub"):
            fl.append(Paragraph(ptext(t), st("l", reg, size, lead, size * 0.35)))
        elif k == "end":
            fl.append(Paragraph(ptext(t), st("e", reg, size, lead, 0, size, TA_CENTER)))
        elif k == "bullet":
            fl.append(Paragraph(ptext(t), ParagraphStyle("u", fontName=reg, fontSize=size, leading=size * lead,
                                                          leftIndent=14, bulletIndent=3, spaceAfter=2),
                                bulletText="\u2013"))
        elif k == "contact":
            cs = contact_size or size - 1.5
            fl.append(Paragraph(ptext(t), st("c", reg, cs, 1.3, 6, 8)))
    return fl


def run_pdftotext(pdf, txt, layout):
    cmd = [PDFTOTEXT, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


def pdf_pages(path):
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type /Page[^s]", f.read()))


# publisher PDF layouts
def pdf_brandenburg(path, s, variant):
    """Staatskanzlei Brandenburg house press release (as in its 2016 PDFs)."""
    reg, bold, ital = FAM["helv"]
    d = pubday(s)

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            y = H - 22 * mm
            if variant == "muenchen":
                c.setFont(bold, 7)
                c.drawString(22 * mm, y + 8 * mm, "LAND BRANDENBURG")
            c.setFont(bold, 14)
            c.drawString(22 * mm, y, "Staatskanzlei")
            c.setFont(reg, 10)
            c.drawString(22 * mm, y - 5 * mm, "Der Regierungssprecher")
            x = 148 * mm
            c.setFont(reg, 7.5)
            lines = ["Heinrich-Mann-Allee 107", "14473 Potsdam", "", "Chef vom Dienst",
                     "Hausruf: (03 31) 8 66 \u2013 12 51", "(03 31) 8 66 \u2013 13 56", "(03 31) 8 66 \u2013 13 59",
                     "Fax:", "(03 31) 8 66 \u2013 14 16", "Internet: www.brandenburg.de", "presseamt@stk.brandenburg.de"]
            for i, ln in enumerate(lines):
                c.drawString(x, y - i * 3.4 * mm, ln)
        c.setLineWidth(0.5)
        c.line(22 * mm, 24 * mm, W - 22 * mm, 24 * mm)
        c.setFont(reg, 7)
        c.drawString(22 * mm, 20 * mm, "Staatskanzlei des Landes Brandenburg, Pressestelle, Heinrich-Mann-Allee 107, 14473 Potsdam")
        if variant == "muenchen":
            c.drawString(22 * mm, 16.5 * mm, "V.i.S.d.P.: Regierungssprecher; Telefon 0331-866-1208; Fax 0331-866-1415; presseamt@stk.brandenburg.de")
        else:
            c.drawString(22 * mm, 16.5 * mm, "V.i.S.d.P. Florian Engels, Telefon 0331-866-1208; Fax 0331-866-1415; presseamt@stk.brandenburg.de")
        if t > 1:
            c.drawRightString(W - 22 * mm, 12 * mm, f"Seite {n} von {t}")
        c.restoreState()

    fl = [Spacer(1, 38 * mm),
          Paragraph(ptext(s["date_line"]), st("d", reg, 10.5, 1.3, 10)),
          Paragraph("P r e s s e m i t t e i l u n g", st("lab", bold, 12, 1.3, 12)),
          Paragraph(ptext(s["title"]), st("t", bold, 19 if variant == "muenchen" else 14.5, 1.25, 14))]
    fl += body_flow(s, "helv", 11, after=9, lead=1.45)
    build_pdf(path, s, A4, (22 * mm, 50 * mm, 15 * mm, 30 * mm), fl, deco,
              meta_title="Pressemitteilung", author="Staatskanzlei Brandenburg", creator="Microsoft Word")


def pdf_ca_print(path, s):
    """gov.ca.gov statement printed from the browser (print header with short US date, URL footer)."""
    reg, bold, ital = FAM["helv"]
    d = pubday(s)
    short = f"{d.month}/{d.day}/{d.year % 100:02d}"
    tab = f"{s['title']} | Governor of California"

    def deco(c, n, t, W, H):
        c.saveState()
        c.setFont(reg, 7.5)
        c.drawString(12 * mm, H - 8 * mm, short + ", 10:42 AM")
        c.drawCentredString(W / 2, H - 8 * mm, tab[:95] + ("\u2026" if len(tab) > 95 else ""))
        c.drawString(12 * mm, 8 * mm, "https://www.gov.ca.gov/newsroom/")
        c.drawRightString(W - 12 * mm, 8 * mm, f"{n}/{t}")
        if n == 1:
            c.setFont(bold, 9)
            c.drawString(25 * mm, H - 20 * mm, "GOVERNOR GAVIN NEWSOM")
            c.setFont(reg, 7.5)
            c.drawRightString(W - 25 * mm, H - 20 * mm, "Newsroom   Appointments   Proclamations   Contact")
            c.setLineWidth(0.4)
            c.line(25 * mm, H - 23 * mm, W - 25 * mm, H - 23 * mm)
        c.restoreState()

    fl = [Spacer(1, 14 * mm),
          Paragraph("NEWS", st("k", bold, 8, 1.2, 4, 0, TA_LEFT, colors.HexColor("#1f5a8c"))),
          Paragraph(ptext(s["title"]), st("t", bold, 21, 1.18, 8)),
          Paragraph(ptext(s["date_line"]), st("d", reg, 9.5, 1.3, 14, 0, TA_LEFT, colors.HexColor("#555555")))]
    fl += body_flow(s, "helv", 10.5, after=8)
    build_pdf(path, s, LETTER, (25 * mm, 25 * mm, 22 * mm, 18 * mm), fl, deco,
              meta_title=tab, creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome")


def pdf_ca_office(path, s):
    """Governor's press office PDF release (letterhead, numeric US date, ### end)."""
    reg, bold, ital = FAM["times"]
    d = pubday(s)
    blue = colors.HexColor("#002a5c")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(blue)
            c.setFont("Times-Bold", 11)
            c.drawCentredString(W / 2, H - 20 * mm, "OFFICE OF GOVERNOR GAVIN NEWSOM")
            c.setFont("Times-Roman", 8)
            c.drawCentredString(W / 2, H - 24.5 * mm, "State Capitol \u00b7 Sacramento, California 95814 \u00b7 (916) 445-4571")
            c.setStrokeColor(blue)
            c.setLineWidth(1.2)
            c.line(25 * mm, H - 27 * mm, W - 25 * mm, H - 27 * mm)
        c.setFillColor(colors.black)
        c.setFont("Times-Roman", 8)
        c.drawCentredString(W / 2, 12 * mm, f"{n}")
        c.restoreState()

    fl = [Spacer(1, 16 * mm),
          Table([[Paragraph(f"FOR IMMEDIATE RELEASE: {d.month:02d}/{d.day:02d}/{d.year}", st("f", bold, 10)),
                  Paragraph("Contact: Governor\u2019s Press Office<br/>(916) 445-4571", st("cn", reg, 10, 1.2, 0, 0, TA_RIGHT))]],
                colWidths=[85 * mm, 80 * mm], style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                                                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)])),
          Spacer(1, 8 * mm),
          Paragraph(ptext(s["title"]), st("t", bold, 18, 1.2, 12, 0, TA_CENTER))]
    fl += body_flow(s, "times", 12, after=9, lead=1.35)
    fl.append(Paragraph("###", st("e", reg, 12, 1.3, 0, 10, TA_CENTER)))
    build_pdf(path, s, LETTER, (25 * mm, 25 * mm, 20 * mm, 22 * mm), fl, deco,
              meta_title="Statement", author="Governor's Press Office", creator="Microsoft Word")


def pdf_ontario(path, s, lang):
    """Ontario Newsroom print view (Statement / Déclaration)."""
    reg, bold, ital = FAM["sans"]
    d = pubday(s)
    fr = lang == "fr"

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 13)
            c.drawString(20 * mm, H - 18 * mm, "Ontario")
            c.setFont(reg, 7.5)
            c.drawString(20 * mm, H - 22.5 * mm, "Cabinet du premier ministre" if fr else "Office of the Premier")
            c.drawRightString(W - 20 * mm, H - 18 * mm, "Centre de nouvelles" if fr else "Newsroom")
            c.setLineWidth(0.3)
            c.line(20 * mm, H - 25 * mm, W - 20 * mm, H - 25 * mm)
        c.setFont(reg, 7)
        c.drawString(20 * mm, 10 * mm, "news.ontario.ca/fr" if fr else "news.ontario.ca/opo/en")
        c.drawRightString(W - 20 * mm, 10 * mm, (f"{n}/{t}" if fr else f"Page {n} of {t}"))
        c.restoreState()

    label = "Déclaration" if fr else "STATEMENT"
    who = "Cabinet du premier ministre" if fr else "Office of the Premier"
    fl = [Spacer(1, 10 * mm),
          Paragraph(label, st("lab", bold, 9, 1.2, 5, 0, TA_LEFT, colors.HexColor("#1a5a96"))),
          Paragraph(ptext(s["title"]), st("t", bold, 20 if fr else 22, 1.2, 8)),
          Paragraph(ptext(s["date_line"]) + ("" if fr else ""), st("d", reg, 9, 1.3, 2)),
          Paragraph(who, st("w", reg, 9, 1.3, 12, 0, TA_LEFT, colors.HexColor("#444444")))]
    fl += body_flow(s, "sans", 10, after=8, lead=1.4)
    build_pdf(path, s, LETTER, (20 * mm, 20 * mm, 18 * mm, 18 * mm), fl, deco,
              meta_title=s["title"], creator="Ontario Newsroom")


def pdf_europol(path, s):
    reg, bold, ital = FAM["sans"]
    navy = colors.HexColor("#0b3b74")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(navy)
            c.setFont(bold, 15)
            c.drawString(22 * mm, H - 20 * mm, "EUROPOL")
            c.setFont(reg, 7)
            c.drawString(22 * mm, H - 24 * mm, "European Union Agency for Law Enforcement Cooperation")
            c.setFillColor(colors.black)
        c.setFont(reg, 7)
        c.drawString(22 * mm, 11 * mm, "Europol \u00b7 Eisenhowerlaan 73 \u00b7 2517 KK The Hague \u00b7 The Netherlands \u00b7 www.europol.europa.eu")
        c.drawRightString(W - 22 * mm, 11 * mm, f"Page {n} of {t}")
        c.restoreState()

    fl = [Spacer(1, 16 * mm),
          Paragraph("NEWS", st("lab", bold, 8.5, 1.2, 6, 0, TA_LEFT, navy)),
          Paragraph(ptext(s["title"]), st("t", bold, 19, 1.2, 10)),
          Paragraph(ptext(s["date_line"]), st("d", ital, 9.5, 1.3, 10))]
    fl += body_flow(s, "sans", 10.5, after=8, lead=1.45)
    build_pdf(path, s, A4, (22 * mm, 22 * mm, 18 * mm, 22 * mm), fl, deco, meta_title=s["title"],
              author="Europol Corporate Communications")


def pdf_trento(path, s, variant):
    fam = "serif" if variant == "serif" else "helv"
    reg, bold, ital = FAM[fam]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            if variant == "serif":
                c.setFont(reg, 8.5)
                c.drawString(25 * mm, H - 18 * mm, "Provincia autonoma di Trento \u00b7 Ufficio Stampa")
                c.setFont(bold, 8.5)
                c.drawRightString(W - 25 * mm, H - 18 * mm, s["date_line"])
                c.setLineWidth(0.4)
                c.line(25 * mm, H - 20.5 * mm, W - 25 * mm, H - 20.5 * mm)
            else:
                c.setFont(bold, 9.5)
                c.drawString(25 * mm, H - 18 * mm, "PROVINCIA AUTONOMA DI TRENTO")
                c.setFont(reg, 8)
                c.drawString(25 * mm, H - 22 * mm, "Ufficio Stampa")
                c.setFont(reg, 7)
                c.drawString(25 * mm, H - 25.5 * mm, "Piazza Dante, 15 - 38122 Trento \u00b7 tel. 0461 494614")
        c.setFont(reg, 7)
        c.drawString(25 * mm, 11 * mm, "www.ufficiostampa.provincia.tn.it")
        c.drawRightString(W - 25 * mm, 11 * mm, f"pag. {n}/{t}")
        c.restoreState()

    if variant == "serif":
        fl = [Spacer(1, 8 * mm), Paragraph("COMUNICATO", st("lab", bold, 9, 1.2, 8)),
              Paragraph(ptext(s["title"]), st("t", bold, 17, 1.22, 12))]
        fl += body_flow(s, "serif", 10.5, after=8, lead=1.5)
    else:
        fl = [Spacer(1, 14 * mm), Paragraph(ptext(s["date_line"]), st("d", reg, 9, 1.3, 8)),
              Paragraph(ptext(s["title"]), st("t", bold, 18, 1.2, 12))]
        fl += body_flow(s, "helv", 10.5, after=8, lead=1.45)
    build_pdf(path, s, A4, (25 * mm, 25 * mm, 20 * mm, 22 * mm), fl, deco, meta_title=s["title"],
              author="Ufficio Stampa PAT")


def pdf_presseportal(path, s):
    reg, bold, ital = FAM["sans"]
    url = s["url"]

    def deco(c, n, t, W, H):
        c.saveState()
        c.setFont(reg, 7)
        c.drawString(15 * mm, H - 9 * mm, s["date_line"] + ", 14:07")
        c.drawCentredString(W / 2, H - 9 * mm, "Polizei Hamburg | Presseportal")
        c.drawString(15 * mm, 8 * mm, url)
        c.drawRightString(W - 15 * mm, 8 * mm, f"{n}/{t}")
        if n == 1:
            c.setFont(bold, 10)
            c.setFillColor(colors.HexColor("#c8102e"))
            c.drawString(22 * mm, H - 19 * mm, "presseportal")
            c.setFillColor(colors.black)
            c.setFont(reg, 7.5)
            c.drawString(54 * mm, H - 19 * mm, "Blaulicht  \u203a  Hamburg  \u203a  Polizei Hamburg")
        c.restoreState()

    fl = [Spacer(1, 10 * mm),
          Paragraph("Polizei Hamburg", st("pub", bold, 9, 1.3, 0)),
          Paragraph(ptext(s["date_line"]), st("d", reg, 8.5, 1.3, 8, 0, TA_LEFT, colors.HexColor("#555555"))),
          Paragraph(ptext(s["title"]), st("t", bold, 16, 1.25, 10))]
    fl += body_flow(s, "sans", 12, after=10, lead=1.6, contact_size=10.5)
    build_pdf(path, s, A4, (22 * mm, 22 * mm, 16 * mm, 18 * mm), fl, deco,
              meta_title=s["title"], creator="Chromium")


PDF_LAYOUT = {
    "BB1": lambda p, s: pdf_brandenburg(p, s, "gedenk"),
    "BB4": lambda p, s: pdf_brandenburg(p, s, "muenchen"),
    "CA3": pdf_ca_print,
    "CA4": pdf_ca_office,
    "ON3": lambda p, s: pdf_ontario(p, s, "fr"),
    "ON4": lambda p, s: pdf_ontario(p, s, "en"),
    "EU3": pdf_europol,
    "TN2": lambda p, s: pdf_trento(p, s, "sans"),
    "TN4": lambda p, s: pdf_trento(p, s, "serif"),
    "HH3": pdf_presseportal,
}
A_LAYOUT_FLAG = {"BB4": True, "CA3": False, "CA4": True, "ON3": True, "TN4": False}


# DOCX machinery
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


def P(doc_or_cell, text, size=None, bold=False, italic=False, align=None, style=None, color=None, after=None,
      font=None, before=None):
    p = doc_or_cell.add_paragraph(style=style) if style else doc_or_cell.add_paragraph()
    if text:
        r = p.add_run(text)
        if size:
            r.font.size = Pt(size)
        r.bold = bold or None
        r.italic = italic or None
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if font:
            r.font.name = font
    if align:
        p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                       "j": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    return p


def save_docx(doc, path, s, author):
    d = pubday(s)
    when = dt.datetime(d.year, d.month, d.day, 9, 15)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 2
    cp.title = ""
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as f:
        f.write(fixed_zip(buf.getvalue(), (d.year, d.month, d.day, 9, 15, 0)))


def set_base(doc, font, size):
    stl = doc.styles["Normal"]
    stl.font.name = font
    stl.font.size = Pt(size)


def docx_body(doc, s, size=None, justify=False, bullets="List Bullet"):
    for k, t in s["blocks"]:
        if k == "p":
            P(doc, t, size=size, align="j" if justify else None, after=8)
        elif k == "line":
            P(doc, t, size=size, after=4)
        elif k == "bullet":
            P(doc, t, size=size, style=bullets, after=0)
        elif k == "end":
            P(doc, t, size=size, align="c", before=8)


def docx_BB3(path, s):
    doc = docx.Document()
    set_base(doc, "Arial", 11)
    sec = doc.sections[0]
    sec.left_margin, sec.right_margin = Cm(2.2), Cm(4.5)
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Staatskanzlei")
    r.bold, r.font.size = True, Pt(14)
    h2 = sec.header.add_paragraph()
    h2.add_run("Der Regierungssprecher").font.size = Pt(10)
    fp = sec.footer.paragraphs[0]
    fp.add_run("Staatskanzlei des Landes Brandenburg, Pressestelle, Heinrich-Mann-Allee 107, 14473 Potsdam").font.size = Pt(7)
    sec.footer.add_paragraph().add_run(
        "V.i.S.d.P. Florian Engels, Telefon 0331-866-1208; Fax 0331-866-1415; presseamt@stk.brandenburg.de").font.size = Pt(7)
    P(doc, s["date_line"], align="r", after=14)
    P(doc, "P r e s s e m i t t e i l u n g", size=12, bold=True, after=14)
    P(doc, s["title"], size=13, bold=True, after=12)
    docx_body(doc, s, justify=False)
    save_docx(doc, path, s, "Presseamt STK")


def docx_CA2(path, s):
    doc = docx.Document()
    set_base(doc, "Times New Roman", 12)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = hp.add_run("OFFICE OF GOVERNOR GAVIN NEWSOM")
    r.bold, r.font.size = True, Pt(12)
    r.font.color.rgb = RGBColor.from_string("002A5C")
    P(doc, "MEDIA ADVISORY", size=11, bold=True, align="c", after=6)
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 0).paragraphs[0].add_run(f"FOR IMMEDIATE RELEASE: {s['date_line']}").bold = True
    c2 = t.cell(0, 1).paragraphs[0]
    c2.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    c2.add_run("Contact: Governor\u2019s Press Office\n(916) 445-4571\ngovpressoffice@gov.ca.gov")
    P(doc, "", after=4)
    doc.add_paragraph(s["title"], style="Title")
    docx_body(doc, s)
    P(doc, "###", align="c", before=10)
    save_docx(doc, path, s, "Governor's Press Office")


def docx_ON2(path, s):
    doc = docx.Document()
    set_base(doc, "Calibri", 11)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Ontario")
    r.bold, r.font.size = True, Pt(16)
    hp.add_run("    Newsroom").font.size = Pt(9)
    P(doc, "Statement", size=10, bold=True, color="1A5A96", after=2)
    doc.add_heading(s["title"], level=1)
    P(doc, s["date_line"], size=10, after=0)
    P(doc, "Office of the Premier", size=10, italic=True, after=12)
    docx_body(doc, s)
    P(doc, "Media Contacts", size=11, bold=True, before=12, after=4)
    t = doc.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Premier\u2019s Office"
    t.cell(0, 1).text = "Media Relations"
    t.cell(1, 0).text = "Available Online"
    t.cell(1, 1).text = "news.ontario.ca/en"
    save_docx(doc, path, s, "Office of the Premier")


def docx_CL1(path, s):
    doc = docx.Document()
    set_base(doc, "Arial", 10.5)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    r = hp.add_run("Junta de\nCastilla y León")
    r.bold, r.font.size = True, Pt(11)
    r.font.color.rgb = RGBColor.from_string("8B1A1A")
    h2 = sec.header.add_paragraph()
    h2.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    h2.add_run("Comunicación").font.size = Pt(8)
    P(doc, s["date_line"], size=9, color="666666", after=6)
    P(doc, s["title"], size=12, bold=True, after=8)
    for k, t in s["blocks"]:
        if k == "line":
            P(doc, t, size=8.5, italic=True, color="8B1A1A", after=10)
        elif k == "p":
            P(doc, t, align="j", after=8)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Servicio de Comunicación \u00b7 Plaza de Castilla y León, 5 \u00b7 47008 Valladolid \u00b7 comunicacion.jcyl.es").font.size = Pt(7)
    save_docx(doc, path, s, "Comunicación JCyL")


def docx_AR1(path, s):
    doc = docx.Document()
    set_base(doc, "Marianne", 11)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    r = hp.add_run("MINISTÈRE\nDES ARMÉES")
    r.bold, r.font.size = True, Pt(10)
    h2 = sec.header.add_paragraph()
    r2 = h2.add_run("Liberté\nÉgalité\nFraternité")
    r2.italic, r2.font.size = True, Pt(7)
    P(doc, s["date_line"], align="r", after=18)
    P(doc, "COMMUNIQUÉ DE FLORENCE PARLY, MINISTRE DES ARMÉES", size=10, bold=True, color="000091", after=8)
    doc.add_paragraph(s["title"], style="Title")
    docx_body(doc, s, justify=True)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("Cabinet de la ministre des Armées \u2013 Service de presse \u2013 14, rue Saint-Dominique, 75007 Paris").font.size = Pt(7.5)
    save_docx(doc, path, s, "Cabinet MINARM")


def docx_HH4(path, s):
    doc = docx.Document()
    set_base(doc, "Arial", 10.5)
    sec = doc.sections[0]
    hp = sec.header.paragraphs[0]
    hp.add_run("Polizei Hamburg - Presse- und Öffentlichkeitsarbeit").font.size = Pt(8.5)
    P(doc, s["date_line"], align="r", after=6)
    doc.add_heading(s["title"], level=1)
    contact = None
    for k, t in s["blocks"]:
        if k == "contact":
            contact = t
        elif k == "line":
            P(doc, t, after=4)
        elif k == "p":
            P(doc, t, after=8)
    lines = contact.split("\n")
    P(doc, lines[0], bold=True, before=10, after=4)
    t = doc.add_table(rows=len(lines) - 1, cols=1)
    for i, ln in enumerate(lines[1:]):
        t.cell(i, 0).text = ln
    save_docx(doc, path, s, "PÖA 1")


DOCX_LAYOUT = {"BB3": docx_BB3, "CA2": docx_CA2, "ON2": docx_ON2, "CL1": docx_CL1, "AR1": docx_AR1, "HH4": docx_HH4}


# HTML pages
def hp(text):
    return hesc(text, quote=False)


def html_body(s, cls=""):
    outl = []
    for k, t in s["blocks"]:
        if k == "p":
            outl.append(f"<p{cls}>{hp(t)}</p>")
        elif k == "h":
            outl.append(f"<h3>{hp(t)}</h3>")
        elif k == "line":
            outl.append(f"<p class=\"line\">{hp(t)}</p>")
        elif k == "contact":
            outl.append("<div class=\"contact\">" + "<br>\n".join(hp(x) for x in t.split("\n")) + "</div>")
    return "\n".join(outl)


def html_CA1(s):
    body = []
    for k, t in s["blocks"]:
        if k == "h":
            body.append(f"<p><strong>{hp(t)}</strong></p>")
        elif "may contact" in t:
            body.append(f"<p>{hp(t)} <a href=\"/cdn-cgi/l/email-protection#\" class=\"__cf_email__\" data-cfemail=\"\">[email&#160;protected]</a></p>")
        elif t.startswith("TV stations may contact"):
            body.append("<p>TV stations may contact <a href=\"/cdn-cgi/l/email-protection#\" class=\"__cf_email__\" data-cfemail=\"\">[email&#160;protected]</a> for satellite coordinates.</p>")
        else:
            body.append(f"<p>{hp(t)}</p>")
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{hp(s['title'])} | California Governor</title>
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{hesc(s['title'])} | California Governor">
<meta property="og:url" content="{s['url']}">
<meta property="og:site_name" content="California Governor">
<meta property="article:published_time" content="2020-10-07T16:12:41+00:00">
<meta property="article:modified_time" content="2020-10-07T16:12:41+00:00">
<link rel="stylesheet" href="https://www.gov.ca.gov/wp-content/themes/govca/style.css">
</head>
<body class="post-template-default single single-post">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
 <div class="utility"><a href="https://www.ca.gov">CA.gov</a> | <a href="/translate">Translate</a> | <a href="/search">Search</a></div>
 <div class="branding"><a href="/"><img src="/wp-content/uploads/2019/01/GovSeal.png" alt="Seal of the Governor of the State of California"> Governor Gavin Newsom</a></div>
 <nav class="main-nav"><ul>
  <li><a href="/newsroom/">Newsroom</a></li><li><a href="/appointments/">Appointments</a></li>
  <li><a href="/proclamations/">Proclamations</a></li><li><a href="/about/">About</a></li>
  <li><a href="/first-partner/">First Partner</a></li><li><a href="/contact/">Contact</a></li></ul></nav>
</header>
<main id="main" class="site-main">
 <article class="post type-post status-publish">
  <header class="entry-header">
   <h1 class="entry-title">{hp(s['title'])}</h1>
   <div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="2020-10-07T09:12:41-07:00">{hp(s['date_line'])}</time></span></div>
  </header>
  <div class="entry-content">
{chr(10).join(body)}
  </div>
  <footer class="entry-footer"><div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div></footer>
 </article>
 <aside class="widget-area">
  <h2>Recent News</h2>
  <ul>
   <li><a href="/2020/10/06/">Governor Newsom Announces Update on Wildfire Recovery Efforts</a> <span>Oct 6, 2020</span></li>
   <li><a href="/2020/10/05/">Governor Newsom Signs Legislation to Support Small Businesses</a> <span>Oct 5, 2020</span></li>
   <li><a href="/2020/10/02/">Governor Newsom Proclaims Fire Prevention Week</a> <span>Oct 2, 2020</span></li>
  </ul>
 </aside>
</main>
<footer class="site-footer">
 <a href="#top">Back to Top</a> | <a href="/privacy-policy/">Privacy Policy</a> | <a href="/accessibility/">Accessibility</a>
 <p>Copyright &copy; 2020 State of California</p>
</footer>
</body>
</html>
"""


def html_HH2(s):
    lines = [t for k, t in s["blocks"] if k == "line"]
    ps = "\n".join(f"<p>{hp(t)}</p>" for t in paras(s))
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{hp(s['title'])} | Presseportal</title>
<meta name="description" content="{hesc(paras(s)[0][:150])}">
<link rel="canonical" href="{s['url']}">
</head>
<body>
<header id="header">
 <a class="logo" href="https://www.presseportal.de/">presseportal.de</a>
 <nav><a href="/nr/">Wirtschaft</a> <a href="/blaulicht/">Blaulicht</a> <a href="/politik/">Politik</a> <a href="/kultur/">Kultur</a></nav>
 <form action="/suche/"><input type="search" name="q" placeholder="Suche"></form>
 <a class="login" href="/login/">Login</a>
</header>
<div class="breadcrumb"><a href="/">Startseite</a> &rsaquo; <a href="/blaulicht/">Blaulicht</a> &rsaquo; <a href="/blaulicht/l/hamburg">Hamburg</a> &rsaquo; <a href="/blaulicht/nr/6337">Polizei Hamburg</a></div>
<main>
 <article class="story">
  <div class="story-meta"><a class="customer" href="/blaulicht/nr/6337">Polizei Hamburg</a> <span class="date">{hp(s['date_line'])}</span></div>
  <h1>{hp(s['title'])}</h1>
  <p class="dateline">{hp(lines[0])}</p>
  <p>{hp(lines[1])}</p>
{ps}
  <div class="contact">R&uuml;ckfragen bitte an:<br><br>Polizei Hamburg<br>Polizeipressestelle<br>Telefon: 040 4286-56211<br>E-Mail: polizeipressestelle@polizei.hamburg.de<br>www.polizei.hamburg</div>
  <p class="originator">Original-Content von: Polizei Hamburg, &uuml;bermittelt durch news aktuell</p>
  <div class="share"><a href="#">Teilen</a> <a href="#">Drucken</a> <a href="/rss/dienststelle_6337.rss2">RSS</a> <a href="#">Meldung als PDF</a></div>
 </article>
 <aside class="more">
  <h2>Weitere Meldungen: Polizei Hamburg</h2>
  <ul>
   <li><span>09.10.2023</span> <a href="#">POL-HH: 231009-1. Zeugenaufruf nach Verkehrsunfall in Hamburg-Wandsbek</a></li>
   <li><span>08.10.2023</span> <a href="#">POL-HH: 231008-2. Festnahme nach Raub in Hamburg-Harburg</a></li>
   <li><span>06.10.2023</span> <a href="#">POL-HH: 231006-3. Verkehrskontrollen im Stadtgebiet - Bilanz</a></li>
  </ul>
  <a href="/blaulicht/nr/6337">Alle Meldungen</a>
 </aside>
</main>
<footer><a href="/impressum/">Impressum</a> | <a href="/datenschutz/">Datenschutz</a> | &copy; news aktuell GmbH</footer>
</body>
</html>
"""


def html_BB2(s):
    ps = "\n".join(f"<p>{hp(t)}</p>" for t in paras(s))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="de" xml:lang="de">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>Staatskanzlei | Woidke: &bdquo;Bin tief erschüttert&ldquo;</title>
<meta name="keywords" content="Woidke, Anschlag, Weihnachtsmarkt, Berlin" />
</head>
<body>
<div id="kopf">
 <a href="/cms/list.php/stk_start"><img src="/media/bb1.a.3780.de/stk_logo.gif" alt="Land Brandenburg - Staatskanzlei" /></a>
 <ul id="service"><li><a href="/cms/detail.php/bb1.c.278437.de">Leichte Sprache</a></li><li><a href="/cms/detail.php/bb1.c.278440.de">English</a></li><li><a href="/cms/detail.php/bb1.c.278438.de">Polski</a></li><li><a href="/sixcms/search.php">Suche</a></li></ul>
 <ul id="navi"><li><a href="#">Ministerpräsident</a></li><li><a href="#">Landesregierung</a></li><li class="aktiv"><a href="#">Presse</a></li><li><a href="#">Themen</a></li></ul>
</div>
<div id="brotkrumen">Sie sind hier: <a href="/cms/list.php/stk_start">Startseite</a> &gt; <a href="#">Presse</a> &gt; <a href="#">Pressemitteilungen</a></div>
<div id="inhalt">
 <div class="kicker">Staatskanzlei</div>
 <h1>{hp(s['title'])}</h1>
 <p class="datum">{hp(s['date_line'])}</p>
{ps}
 <p class="download"><a href="#">Pressemitteilung als PDF</a> (application/pdf 98.4 KB)</p>
 <p class="funktionen"><a href="javascript:window.print()">Drucken</a> | <a href="#">Seite empfehlen</a> | <a href="#top">nach oben</a></p>
</div>
<div id="rechts">
 <h2>Pressemitteilungen</h2>
 <ul>
  <li>20.12.2016 <a href="#">Ministerpräsident Woidke beim Gedenkgottesdienst in der Berliner Gedächtniskirche</a></li>
  <li>20.12.2016 <a href="#">Trauerbeflaggung an Dienstgebäuden des Landes</a></li>
  <li>19.12.2016 <a href="#">Woidke: Verwaltungsstrukturreform bleibt auf der Tagesordnung</a></li>
 </ul>
</div>
<div id="fuss">&copy; Staatskanzlei des Landes Brandenburg | <a href="#">Impressum</a> | <a href="#">Datenschutz</a> | <a href="#">Kontakt</a></div>
</body>
</html>
"""


def html_TN1(s):
    ps = "\n".join(f"<p>{hp(t)}</p>" for t in paras(s))
    return f"""<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<title>Bandiere a mezz'asta in segno di lutto nella sede della Provincia - Ufficio Stampa</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<div class="header">
 <div class="ente"><a href="https://www.provincia.tn.it">Provincia autonoma di Trento</a></div>
 <div class="testata"><a href="/">Ufficio Stampa</a></div>
 <ul class="menu"><li><a href="/Comunicati">Comunicati</a></li><li><a href="/Conferenze-stampa">Conferenze stampa</a></li><li><a href="/Foto">Foto</a></li><li><a href="/Video">Video</a></li><li><a href="/Agenda">Agenda</a></li><li><a href="/Contatti">Contatti</a></li></ul>
 <div class="lingua"><a href="#">IT</a> | <a href="#">DE</a></div>
</div>
<div class="percorso"><a href="/">Home</a> / <a href="/Comunicati">Comunicati</a></div>
<div class="contenuto">
 <div class="data-comunicato">{hp(s['date_line'])} <span class="numero">Comunicato 670</span></div>
 <h1>{hp(s['title'])}</h1>
{ps}
 <div class="condividi">Condividi: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Stampa</a></div>
</div>
<div class="laterale">
 <h3>Ultimi comunicati</h3>
 <ul>
  <li><span>31/03/2020</span> <a href="#">Coronavirus: il punto della situazione</a></li>
  <li><span>30/03/2020</span> <a href="#">Misure di sostegno alle famiglie: le domande dal 1 aprile</a></li>
  <li><span>29/03/2020</span> <a href="#">Ordinanza del presidente: le nuove disposizioni</a></li>
 </ul>
</div>
<div class="piede">Provincia autonoma di Trento - Piazza Dante, 15 - 38122 Trento - P.IVA 00337460224 | <a href="#">Privacy</a> | <a href="#">Note legali</a></div>
</body>
</html>
"""


def html_EU1(s):
    ps = "\n".join(f"<p>{hp(t)}</p>" for t in paras(s))
    contact = [t for k, t in s["blocks"] if k == "contact"][0].split("\n")
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": "2015-06-19", "publisher": {"@type": "Organization", "name": "Europol"}},
                    ensure_ascii=False)
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{hp(s['title'])} | Europol</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<script type="application/ld+json">{ld}</script>
</head>
<body class="page-node-type-news">
<header>
 <div class="logo"><a href="/"><img src="/themes/europol/logo.svg" alt="Europol"></a></div>
 <nav class="lang">EN</nav>
 <ul class="main-menu"><li><a href="/about-europol">About Europol</a></li><li><a href="/crime-areas-and-trends">Crime areas</a></li><li><a href="/activities-services">Activities &amp; services</a></li><li><a href="/partners-agreements">Partners</a></li><li class="active"><a href="/newsroom">Newsroom</a></li><li><a href="/careers-procurement">Careers</a></li></ul>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/newsroom">Newsroom</a> &gt; News</div>
<main>
 <h1 class="page-title">{hp(s['title'])}</h1>
 <div class="news-meta"><span class="date">{hp(s['date_line'])}</span> <span class="type">Press Release</span></div>
 <div class="labels">Press Release/News</div>
 <div class="crime-area">This News/Press release is about Drug Trafficking <a href="/crime-areas-and-trends">View all crime areas</a></div>
 <div class="body">
{ps}
 <div class="contact"><p>{hp(contact[0])}</p><p>{'<br>'.join(hp(x) for x in contact[1:4])}</p><p>{'<br>'.join(hp(x) for x in contact[4:])}</p></div>
 </div>
 <div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">E-mail</a></div>
 <section class="related"><h2>Related news</h2>
  <div><span>17 June 2015</span> <a href="#">Cocaine trafficking network dismantled in Spain and the Netherlands</a></div>
  <div><span>11 June 2015</span> <a href="#">Synthetic drug production sites taken down in Belgium</a></div>
 </section>
</main>
<footer><a href="/contact">Contact us</a> | <a href="/legal">Legal notice</a> | <a href="/privacy">Privacy</a> <p>&copy; Europol 2015</p></footer>
</body>
</html>
"""


def html_CL2(s):
    subs = [t for k, t in s["blocks"] if k == "sub"]
    ps = "\n".join(f"<p>{hp(t)}</p>" for t in paras(s))
    return f"""<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="UTF-8">
<title>{hp(s['title'])} | Comunicación | Junta de Castilla y León</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{hesc(s['title'])}">
<meta property="og:site_name" content="Comunicación - Junta de Castilla y León">
<meta property="article:published_time" content="2025-04-21T13:48:00+02:00">
<meta property="article:section" content="Presidencia">
</head>
<body>
<header class="cabecera">
 <a class="logo" href="https://www.jcyl.es"><img src="/img/logo-junta.svg" alt="Junta de Castilla y León"></a>
 <span class="portal">Comunicación</span>
 <nav><ul><li><a href="#">Noticias</a></li><li><a href="#">Presidencia</a></li><li><a href="#">Consejo de Gobierno</a></li><li><a href="#">Agenda</a></li><li><a href="#">Multimedia</a></li><li><a href="#">Contacto</a></li></ul></nav>
 <div class="idiomas"><a href="#" lang="es">ES</a> <a href="#" lang="en">EN</a></div>
</header>
<div class="migas"><a href="#">Inicio</a> &gt; <a href="#">Noticias</a> &gt; <a href="#">Presidencia</a></div>
<main class="noticia">
 <p class="fecha">{hp(s['date_line'])}</p>
 <p class="seccion">Castilla y León | Presidencia</p>
 <h1>{hp(s['title'])}</h1>
 <ul class="entradilla">
{chr(10).join('  <li>' + hp(t) + '</li>' for t in subs)}
 </ul>
 <div class="cuerpo">
{ps}
 </div>
 <div class="compartir">Compartir: <a href="#">X</a> <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">Imprimir</a></div>
</main>
<aside class="otras">
 <h2>Otras noticias</h2>
 <ul>
  <li><span>17/04/2025</span> <a href="#">La Junta presenta el programa de actividades del Día de la Comunidad</a></li>
  <li><span>16/04/2025</span> <a href="#">El Consejo de Gobierno aprueba ayudas para el sector agrario</a></li>
 </ul>
</aside>
<footer class="pie">Junta de Castilla y León &middot; Todos los derechos reservados &middot; <a href="#">Aviso legal</a> &middot; <a href="#">Accesibilidad</a></footer>
</body>
</html>
"""


HTML_LAYOUT = {"CA1": html_CA1, "HH2": html_HH2, "BB2": html_BB2, "TN1": html_TN1, "EU1": html_EU1, "CL2": html_CL2}


# plain text
def wrap(text, width=72):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return lines


def txt_HH1(s):
    L = ["Polizei Hamburg", s["date_line"], "", s["title"], ""]
    for k, t in s["blocks"]:
        L += [t, ""]
    L += ["Rückfragen bitte an:", "", "Polizei Hamburg", "Polizeipressestelle", "Telefon: 040 4286-56211",
          "E-Mail: polizeipressestelle@polizei.hamburg.de", "www.polizei.hamburg", ""]
    return "\r\n".join(L).encode("utf-8"), "UTF-8, CRLF"


def txt_TN3(s):
    L = ["PROVINCIA AUTONOMA DI TRENTO - Ufficio Stampa", s["date_line"], "", s["title"], ""]
    L += paras(s)
    L += ["", "(ufficio stampa)", ""]
    return ("\ufeff" + "\n".join(L)).encode("utf-8"), "UTF-8 with BOM"


def txt_CA5(s):
    L = ["OFFICE OF GOVERNOR GAVIN NEWSOM", "",
         f"FOR IMMEDIATE RELEASE: {s['date_line']}", "Contact: Governor\u2019s Press Office, (916) 445-4571", "",
         s["title"], ""]
    for k, t in s["blocks"]:
        if k == "end":
            L += ["                                  ###", ""]
        else:
            L += wrap(t, 72) + [""]
    return "\n".join(L).encode("utf-8"), "UTF-8"


def txt_TU1(s):
    L = ["ПРАВИТЕЛЬСТВО ТУЛЬСКОЙ ОБЛАСТИ", "Пресс-служба", "", s["date_line"], "", s["title"], ""]
    for t in paras(s):
        L += [t, ""]
    return "\r\n".join(L).encode("cp1251"), "Windows-1251, CRLF"


def txt_NP1(s):
    L = ["Головне управління Національної поліції в Дніпропетровській області", "Сектор комунікації", "",
         s["date_line"], "", s["title"], ""]
    for t in paras(s):
        L += [t, ""]
    return "\r\n".join(L).encode("utf-16"), "UTF-16 (LE) with BOM, CRLF"


def txt_BB5(s):
    L = ["STAATSKANZLEI BRANDENBURG | Pressestelle", "", s["date_line"], "", s["title"], ""]
    for t in paras(s):
        L += [t, ""]
    L += ["Staatskanzlei des Landes Brandenburg, Pressestelle, Heinrich-Mann-Allee 107, 14473 Potsdam", ""]
    return "\r\n".join(L).encode("utf-8"), "UTF-8, CRLF"


TXT_LAYOUT = {"HH1": txt_HH1, "TN3": txt_TN3, "CA5": txt_CA5, "TU1": txt_TU1, "NP1": txt_NP1, "BB5": txt_BB5}


# markdown
def md_ON1(s):
    L = ["---", f"title: \"{s['title']}\"", "date: 2023-07-01T09:00:00-04:00", "ministry: Office of the Premier",
         "type: Statement", "lang: en", "---", ""]
    for t in paras(s):
        L += [t, ""]
    return "\n".join(L)


def md_HH5(s):
    L = [f"**{s['title']}**", "", f"*Polizei Hamburg, {s['date_line']}*", ""]
    for k, t in s["blocks"]:
        if k == "contact":
            L += ["> " + x + "  " for x in t.split("\n")]
            L.append("")
        else:
            L += [t, ""]
    return "\n".join(L)


def md_TU2(s):
    L = ["---", f"title: \"{s['title']}\"", f"date: \"{s['date_line']}\"", "source: tularegion.ru",
         "category: Губернатор", "---", ""]
    for k, t in s["blocks"]:
        if k == "sign":
            a, b = t.split("\n")
            L += [f"*{a}*  ", f"*{b}*", ""]
        else:
            L += [t, ""]
    return "\n".join(L)


def md_EU2(s):
    L = [f"# {s['title']}", "", f"*{s['date_line']} \u00b7 News*", ""] + paras(s) + [""]
    return "\n".join(L)


def md_AR2(s):
    L = ["---", f"title: \"{s['title']}\"", "rubrique: Actualités", "tags: [Barkhane, Mali, Gao]",
         "auteur: Ministère des Armées", "---", ""]
    for k, t in s["blocks"]:
        if k == "line":
            L += [f"*{t}*", ""]
        else:
            L += [t, ""]
    return "\n".join(L)


MD_LAYOUT = {"ON1": md_ON1, "HH5": md_HH5, "TU2": md_TU2, "EU2": md_EU2, "AR2": md_AR2}


# main
def title_lines(txt, title):
    norm = lambda x: re.sub(r"\s+", " ", x).strip()
    lines = [norm(l) for l in txt.splitlines()]
    for i, l in enumerate(lines):
        if l and title.startswith(l):
            acc, j = l, i
            while acc != title and j + 1 < len(lines) and lines[j + 1] and title.startswith(acc + " " + lines[j + 1]):
                j += 1
                acc = acc + " " + lines[j]
            if acc == title:
                return j - i + 1
    return None


def main():
    truth = []
    for s in SRC:
        sid, shape, path = s["id"], s["shape"], out(s["file"])
        extra = {}
        if shape in ("a", "f"):
            if shape == "f":
                PDF_LAYOUT[sid](path, s)
                made = f"reportlab PDF ({pdf_pages(path)} page{'s' if pdf_pages(path) > 1 else ''})"
            else:
                layout = A_LAYOUT_FLAG[sid]
                with tempfile.TemporaryDirectory() as tmp:
                    pdf = os.path.join(tmp, "x.pdf")
                    PDF_LAYOUT[sid](pdf, s)
                    run_pdftotext(pdf, path, layout)
                made = "reportlab PDF, then pdftotext -enc UTF-8" + (" -layout" if layout else "") + " <pdf> <txt>"
                txt = open(path, encoding="utf-8").read()
                n = title_lines(txt, s["title"])
                if n is None:
                    raise SystemExit(f"{sid}: title not found as consecutive lines in {s['file']}")
                extra["title_lines_in_file"] = n
                extra["encoding"] = "UTF-8"
        elif shape == "e":
            DOCX_LAYOUT[sid](path, s)
            made = "python-docx"
        elif shape == "c":
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(HTML_LAYOUT[sid](s))
            made = "hand-built HTML page in the site's style"
            extra["encoding"] = "UTF-8"
        elif shape == "b":
            data, enc = TXT_LAYOUT[sid](s)
            with open(path, "wb") as f:
                f.write(data)
            made = "plain text"
            extra["encoding"] = enc
        elif shape == "d":
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(MD_LAYOUT[sid](s))
            made = "Markdown"
            extra["encoding"] = "UTF-8"
        t = s["truth"]
        d = pubday(s)
        yit = t.get("year_in_text", True)
        mtime = (d if yit else d + dt.timedelta(days=2)).isoformat() + "T12:00:00Z"
        rec = {"file": s["file"], "title": s["title"], "published": t["published"],
               "summary_starts": t["summary_starts"]}
        if t.get("summary_alt_starts"):
            rec["summary_alt_starts"] = t["summary_alt_starts"]
        rec.update({"language": s["language"], "shape": shape, "publisher": s["publisher"], "url": s["url"],
                    "mtime": mtime, "year_in_text": yit, "notes": t["notes"], "made_with": made})
        if t.get("date_note"):
            rec["date_note"] = t["date_note"]
        if s.get("source_via"):
            rec["source_via"] = s["source_via"]
        rec.update(extra)
        truth.append(rec)
    with open(out("truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(truth)} files and truth.json")


if __name__ == "__main__":
    main()
