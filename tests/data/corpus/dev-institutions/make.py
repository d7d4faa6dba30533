#!/usr/bin/env python3
"""Build the dev-institutions batch of the feedsvc evaluation corpus: central banks (ECB, Bank of England,
Bank of Russia), courts (International Court of Justice) and parliaments (Bundestag, European Parliament,
State Duma, Verkhovna Rada) -- publishers the rest of the corpus does not have.

Run with /work/corpus-venv/bin/python make.py (from anywhere). sources.json beside this script holds every release
as published (title, date line, text blocks, source, truth); this script lays each one out the way the publisher's
press office does (shapes a-f) and writes truth.json. Letterheads, page chrome, footers and contact blocks are built
here in each publisher's style; the release text comes only from sources.json.

Reproducible: PDFs are built with reportlab's invariant mode and SOURCE_DATE_EPOCH = the publication day 09:30 UTC;
docx core properties and zip entry times are fixed; shape-a files are the output of the real pdftotext (poppler)
on a PDF built here and then thrown away.
"""
import calendar
import datetime as dt
import html
import io
import json
import os
import shutil
import subprocess
import tempfile
import textwrap
import zipfile
from xml.sax.saxutils import escape as xesc

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (HRFlowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

import docx
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

rl_config.invariant = 1
HERE = os.path.dirname(os.path.abspath(__file__))
SRC = json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))
BY = {s["id"]: s for s in SRC}
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"

FD = "/usr/share/fonts/truetype/dejavu"
for name, fn in [("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"), ("DV-I", "DejaVuSans-Oblique.ttf"),
                 ("DVS", "DejaVuSerif.ttf"), ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVS-I", "DejaVuSerif-Italic.ttf"),
                 ("DVC", "DejaVuSansCondensed.ttf"), ("DVC-B", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FD, fn)))

GERMAN_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                 "November", "Dezember"]


def out(name):
    return os.path.join(HERE, name)


def pubday(s):
    return dt.date.fromisoformat(s["truth"]["published"])


def blocks(s, *kinds):
    return [t for k, t in s["blocks"] if not kinds or k in kinds]


# PDF machinery
class PagedCanvas(rl_canvas.Canvas):
    """Canvas that knows the page count (for 'Page 1 of 2') and lets a layout draw letterhead/footers."""
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


def build_pdf(path, s, margins, flow, deco, title="", author="", creator="", subject=""):
    W, H = A4
    lm, rm, tm, bm = margins

    class C(PagedCanvas):
        pass
    C.deco = staticmethod(lambda c, n, t: deco(c, n, t, W, H)) if deco else None
    d = pubday(s)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm((d.year, d.month, d.day, 9, 30, 0)))
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
                            title=title, author=author, creator=creator, subject=subject, invariant=1)
    doc.build(flow, canvasmaker=C)
    del os.environ["SOURCE_DATE_EPOCH"]


def st(name, font, size, lead=1.3, after=0, before=0, align=TA_LEFT, color=colors.black, left=0, first=0):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * lead, spaceAfter=after,
                          spaceBefore=before, alignment=align, textColor=color, leftIndent=left,
                          firstLineIndent=first)


def px(t):
    return xesc(t).replace("\n", "<br/>")


def body_flow(s, reg, bold, size, lead=1.4, after=None, align=TA_LEFT, bullet="\u2022", ital=None):
    after = size * 0.75 if after is None else after
    fl = []
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(px(t), st("p", reg, size, lead, after, 0, align)))
        elif k == "h":
            fl.append(Paragraph(px(t), st("h", bold, size, lead, size * 0.4, size * 0.4)))
        elif k == "li":
            fl.append(Paragraph(px(t), ParagraphStyle("li", fontName=reg, fontSize=size, leading=size * lead,
                                                      leftIndent=16, bulletIndent=4, spaceAfter=after * 0.6),
                                bulletText=bullet))
        elif k == "num":
            num, rest = t.split(" ", 1)
            fl.append(Paragraph(px(rest), ParagraphStyle("num", fontName=reg, fontSize=size, leading=size * lead,
                                                         leftIndent=18, bulletIndent=0, spaceAfter=after * 0.6),
                                bulletText=num))
        elif k == "sep":
            fl.append(Paragraph(px(t), st("sep", reg, size, lead, after, size * 0.3, TA_CENTER)))
        elif k == "end":
            fl.append(Paragraph(px(t), st("end", ital or reg, size - 1, lead, 0, size * 0.6)))
        elif k == "line":
            fl.append(Paragraph(px(t), st("line", reg, size, lead, 2)))
    return fl


def run_pdftotext(pdf, txt, layout):
    subprocess.run([PDFTOTEXT, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt], check=True)


# ECB layouts
ECB_BLUE = colors.HexColor("#003299")


def pdf_ecb(path, s, era):
    """ECB press release PDFs: 2003 (E1), 2006 (E2) and 2012 (E3) designs."""
    reg, bold, ital = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
    if era == 2012:
        reg, bold, ital = "DV", "DV-B", "DV-I"
    url = "http://www.ecb.europa.eu" if era == 2012 else "http://www.ecb.int"
    division = {2003: "Directorate General Communications, Press and Information Division",
                2006: "Directorate Communications, Press and Information Division",
                2012: "Directorate General Communications and Language Services, Press and Information Division"}[era]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            if era == 2003:
                c.setFillColor(ECB_BLUE)
                c.setFont(bold, 9)
                c.drawString(25 * mm, H - 18 * mm, "EUROPEAN CENTRAL BANK")
                c.setFont(reg, 6.5)
                c.drawString(25 * mm, H - 21.5 * mm, "EZB  EKT  BCE  EKP")
                c.setFont(bold, 11)
                c.drawRightString(W - 25 * mm, H - 18 * mm, "PRESS RELEASE")
                c.setStrokeColor(ECB_BLUE)
                c.setLineWidth(0.8)
                c.line(25 * mm, H - 24 * mm, W - 25 * mm, H - 24 * mm)
            elif era == 2006:
                c.setFillColor(ECB_BLUE)
                c.setFont(bold, 8.5)
                c.drawString(25 * mm, H - 17 * mm, "EUROPEAN CENTRAL BANK")
                c.setFont(reg, 6.5)
                c.drawString(25 * mm, H - 20.5 * mm, "EUROSYSTEM")
                c.setFont(bold, 9)
                c.drawRightString(W - 25 * mm, H - 17 * mm, "PRESS RELEASE")
            else:
                c.setFillColor(ECB_BLUE)
                c.setFont(bold, 8)
                c.drawString(22 * mm, H - 16 * mm, "EUROPEAN CENTRAL BANK")
                c.setFont(reg, 6.5)
                c.drawString(22 * mm, H - 19.5 * mm, "EUROSYSTEM")
        c.setFillColor(colors.black)
        c.setFont(reg, 6.5)
        y = 20 * mm
        lines = [f"European Central Bank",
                 division,
                 "Kaiserstrasse 29, D-60311 Frankfurt am Main",
                 "Tel.: +49 69 1344 7455, Fax: +49 69 1344 7404",
                 f"Internet: {url}",
                 "Reproduction is permitted provided that the source is acknowledged."]
        if era == 2006:
            lines = [f"European Central Bank, {division}",
                     f"Kaiserstrasse 29, D-60311 Frankfurt am Main, Tel.: +49 69 1344 7455, Fax: +49 69 1344 7404",
                     f"Internet: {url}", "Reproduction is permitted provided that the source is acknowledged."]
        for i, ln in enumerate(lines):
            c.drawString(25 * mm if era != 2012 else 22 * mm, y - i * 2.8 * mm, ln)
        if era == 2012:
            c.drawRightString(W - 22 * mm, 8 * mm, f"{n}")
        c.restoreState()

    d_right = st("d", reg, 10, 1.3, 10, 0, TA_RIGHT)
    if era == 2003:
        fl = [Spacer(1, 14 * mm),
              Paragraph(px(s["date_line"]), st("d", reg, 10.5, 1.3, 12)),
              Paragraph(px(s["title"]), st("t", bold, 18, 1.2, 14, 0, TA_LEFT, ECB_BLUE))]
        fl += body_flow(s, reg, bold, 11, 1.45, 9, TA_JUSTIFY)
    elif era == 2006:
        fl = [Spacer(1, 10 * mm), Paragraph(px(s["date_line"]), d_right),
              Paragraph(px(s["title"]), st("t", bold, 16, 1.2, 12))]
        fl += body_flow(s, reg, bold, 10.5, 1.45, 8, TA_JUSTIFY, bullet="\u2022")
    else:
        fl = [Spacer(1, 8 * mm),
              Paragraph("PRESS RELEASE", st("lab", bold, 9, 1.2, 3, 0, TA_LEFT, ECB_BLUE)),
              Paragraph(px(s["date_line"]), st("d", reg, 9.5, 1.3, 10)),
              Paragraph(px(s["title"]), st("t", bold, 19, 1.18, 12))]
        fl += body_flow(s, reg, bold, 10.5, 1.5, 9)
    margins = (25 * mm, 25 * mm, 30 * mm, 40 * mm) if era != 2012 else (22 * mm, 22 * mm, 26 * mm, 40 * mm)
    build_pdf(path, s, margins, fl, deco, title=s["title"] if era == 2012 else "Press release",
              author="European Central Bank", creator="Microsoft Word" if era != 2012 else "Adobe InDesign CS5")


# Bundestag layouts
def pdf_bundestag(path, s, era):
    """Bundestag press release PDFs: 2005 (B4, Times-like, Herausgeber footer) and 2017 (B7, sans)."""
    d = pubday(s)
    if era == 2005:
        reg, bold, ital = "Times-Roman", "Times-Bold", "Times-Italic"
    else:
        reg, bold, ital = "DV", "DV-B", "DV-I"

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            if era == 2005:
                c.setFont(bold, 15)
                c.drawRightString(W - 25 * mm, H - 20 * mm, "Deutscher Bundestag")
                c.setFont(reg, 8)
                c.drawRightString(W - 25 * mm, H - 24.5 * mm, "PuK 1 - Referat Presse - Rundfunk - Fernsehen")
                c.setLineWidth(0.6)
                c.line(25 * mm, H - 27 * mm, W - 25 * mm, H - 27 * mm)
            else:
                c.setFont(bold, 13)
                c.drawString(25 * mm, H - 20 * mm, "Deutscher Bundestag")
                c.setFont(reg, 8.5)
                c.drawString(25 * mm, H - 25 * mm, "Pressemitteilung")
                c.setFont(reg, 7.5)
                c.drawRightString(W - 25 * mm, H - 20 * mm, "Referat Presse – Rundfunk – Fernsehen")
                c.drawRightString(W - 25 * mm, H - 23.5 * mm, "Platz der Republik 1, 11011 Berlin")
                c.drawRightString(W - 25 * mm, H - 27 * mm, "Telefon +49 30 227-37171")
                c.drawRightString(W - 25 * mm, H - 30.5 * mm, "pressereferat@bundestag.de")
        c.setFont(reg, 7.5 if era == 2005 else 7)
        if era == 2005:
            c.line(25 * mm, 24 * mm, W - 25 * mm, 24 * mm)
            c.drawString(25 * mm, 20 * mm, "Herausgeber: Deutscher Bundestag, PuK 1 - Referat Presse - Rundfunk - Fernsehen")
            c.drawString(25 * mm, 16.5 * mm, "Dorotheenstraße 100, 11011 Berlin, Tel.: (030) 227-37171, Fax: (030) 227-36192")
        else:
            c.drawString(25 * mm, 14 * mm, "www.bundestag.de/presse")
            c.drawRightString(W - 25 * mm, 14 * mm, f"Seite {n} von {t}")
        c.restoreState()

    if era == 2005:
        fl = [Spacer(1, 14 * mm),
              Paragraph("Pressemitteilung", st("lab", bold, 12, 1.3, 4)),
              Paragraph(f"Berlin, {d.day:02d}.{d.month:02d}.{d.year}", st("d", reg, 11, 1.3, 14)),
              Paragraph(px(s["title"]), st("t", bold, 17, 1.2, 14))]
        fl += body_flow(s, reg, bold, 12, 1.45, 9, TA_JUSTIFY)
        margins = (25 * mm, 25 * mm, 30 * mm, 32 * mm)
        creator = "Microsoft Word - pz_050721.doc"
    else:
        fl = [Spacer(1, 22 * mm),
              Paragraph(f"Berlin, {s['date_line']}", st("d", reg, 10, 1.3, 12)),
              Paragraph(px(s["title"]), st("t", bold, 16.5, 1.22, 14))]
        fl += body_flow(s, reg, bold, 10.5, 1.5, 8)
        margins = (25 * mm, 25 * mm, 22 * mm, 24 * mm)
        creator = "Deutscher Bundestag / Pressereferat"
    build_pdf(path, s, margins, fl, deco, title=s["title"], author="Deutscher Bundestag", creator=creator)


# ICJ layout
def pdf_icj(path, s, year):
    """ICJ 'Press Release / Unofficial' PDF (I1 2013, I3 2010)."""
    reg, bold, ital = "Times-Roman", "Times-Bold", "Times-Italic"
    addr = ["Peace Palace, Carnegieplein 2, 2517 KJ The Hague, Netherlands" if year >= 2010 else
            "Peace Palace, Carnegieplein 2, 2517 KJ The Hague",
            "Tel.: +31 (0)70 302 2323    Fax: +31 (0)70 364 9928",
            "Website: www.icj-cij.org"]

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont(bold, 12)
            c.drawString(22 * mm, H - 20 * mm, "INTERNATIONAL COURT OF JUSTICE")
            c.setFont(reg, 8)
            for i, ln in enumerate(addr):
                c.drawString(22 * mm, H - 24.5 * mm - i * 3.6 * mm, ln)
            c.setFont(bold, 13)
            c.drawRightString(W - 22 * mm, H - 21 * mm, "Press Release")
            c.setFont(ital, 10)
            c.drawRightString(W - 22 * mm, H - 26 * mm, "Unofficial")
            c.setLineWidth(0.5)
            c.line(22 * mm, H - 37 * mm, W - 22 * mm, H - 37 * mm)
        else:
            c.setFont(reg, 11)
            c.drawCentredString(W / 2, H - 18 * mm, f"- {n} -")
        c.restoreState()

    parts = s.get("title_parts") or [s["title"]]
    fl = [Spacer(1, 20 * mm),
          Table([[Paragraph(s["number"], st("no", bold, 11)), Paragraph(s["date_line"], st("dt", reg, 11, 1.3, 0, 0, TA_RIGHT))]],
                colWidths=[83 * mm, 83 * mm], style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                                ("RIGHTPADDING", (0, 0), (-1, -1), 0)])),
          Spacer(1, 9 * mm)]
    for i, ptxt in enumerate(parts):
        fl.append(Paragraph(px(ptxt), st(f"t{i}", bold if i != 1 else "Times-BoldItalic", 15, 1.2,
                                        6 if i < len(parts) - 1 else 6, 0, TA_CENTER)))
    if s.get("subtitle"):
        fl.append(Paragraph(px(s["subtitle"]), st("sub", ital, 11.5, 1.3, 10, 2, TA_CENTER)))
    fl.append(Spacer(1, 6 * mm))
    sched_done = False
    for k, t in s["blocks"]:
        if k == "p":
            fl.append(Paragraph(px(t), st("p", reg, 12, 1.45, 9, 0, TA_JUSTIFY, first=12 * mm)))
        elif k == "num":
            fl.append(Paragraph(px(t), st("n", reg, 12, 1.45, 5, 0, TA_LEFT, left=12 * mm, first=0)))
        elif k == "h":
            fl.append(Paragraph(px(t), st("h", bold if t.isupper() else "Times-BoldItalic", 12, 1.4, 6, 8,
                                          TA_CENTER if t.isupper() else TA_LEFT)))
        elif k == "sep":
            fl.append(Paragraph(t, st("sep", reg, 12, 1.4, 8, 6, TA_CENTER)))
        elif k == "sched" and not sched_done:
            sched_done = True
            rows = [[Paragraph(px(x), st("c", ital if j == 0 else reg, 11, 1.3)) for j, x in enumerate(t2.split("|"))]
                    for k2, t2 in s["blocks"] if k2 == "sched"]
            fl.append(Table(rows, colWidths=[52 * mm, 50 * mm, 64 * mm],
                            style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)])))
    build_pdf(path, s, (22 * mm, 22 * mm, 22 * mm, 22 * mm), fl, deco,
              title=f"Press Release {s['number'].replace('No. ', '')}", author="ICJ-CIJ Registry",
              creator="Microsoft Word")


# BoE / CBR layouts
def pdf_boe(path, s):
    """Bank of England 'News Release' PDF (K2)."""
    reg, bold, ital = "DV", "DV-B", "DV-I"
    teal = colors.HexColor("#00797d")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFont("DVS-B", 15)
            c.drawString(22 * mm, H - 20 * mm, "Bank of England")
            c.setFillColor(teal)
            c.setFont(bold, 13)
            c.drawRightString(W - 22 * mm, H - 20 * mm, "News Release")
            c.setFillColor(colors.black)
            c.setFont(reg, 6.8)
            c.drawString(22 * mm, H - 25 * mm, "Press Office  Threadneedle Street  London  EC2R 8AH  "
                                               "T 020 7601 4411  F 020 7601 5460  press@bankofengland.co.uk  "
                                               "www.bankofengland.co.uk")
            c.setStrokeColor(teal)
            c.setLineWidth(1)
            c.line(22 * mm, H - 27.5 * mm, W - 22 * mm, H - 27.5 * mm)
        c.setFont(reg, 7)
        c.drawRightString(W - 22 * mm, 12 * mm, f"{n}")
        c.restoreState()

    d = pubday(s)
    fl = [Spacer(1, 12 * mm), Paragraph(px(s["date_line"]), st("d", reg, 10, 1.3, 10)),
          Paragraph(px(s["title"]), st("t", bold, 17, 1.2, 12))]
    fl += body_flow(s, reg, bold, 10.5, 1.45, 8)
    build_pdf(path, s, (22 * mm, 22 * mm, 26 * mm, 20 * mm), fl, deco, title="News Release",
              author="Bank of England Press Office", creator="Microsoft Word")


def pdf_cbr(path, s):
    """Bank of Russia press release PDF, English version (R1)."""
    reg, bold, ital = "DV", "DV-B", "DV-I"
    green = colors.HexColor("#1b5e3b")

    def deco(c, n, t, W, H):
        c.saveState()
        if n == 1:
            c.setFillColor(green)
            c.setFont(bold, 12)
            c.drawString(22 * mm, H - 19 * mm, "БАНК РОССИИ")
            c.setFont(reg, 9)
            c.drawString(22 * mm, H - 23.5 * mm, "BANK OF RUSSIA")
            c.setFillColor(colors.black)
            c.setFont(reg, 7)
            c.drawRightString(W - 22 * mm, H - 19 * mm, "12 Neglinnaya Street, Moscow, 107016 Russia")
            c.drawRightString(W - 22 * mm, H - 22.5 * mm, "www.cbr.ru")
            c.setStrokeColor(green)
            c.setLineWidth(1.2)
            c.line(22 * mm, H - 27 * mm, W - 22 * mm, H - 27 * mm)
        c.setFont(reg, 6.8)
        c.drawString(22 * mm, 13 * mm, "When using the material, reference to the Bank of Russia Press Service is required.")
        c.drawRightString(W - 22 * mm, 13 * mm, f"{n}/{t}")
        c.restoreState()

    fl = [Spacer(1, 10 * mm),
          Paragraph("PRESS RELEASE", st("lab", bold, 9, 1.2, 4, 0, TA_LEFT, green)),
          Paragraph(px(s["date_line"]) + "  13:25 (Moscow time)", st("d", reg, 9.5, 1.3, 10)),
          Paragraph(px(s["title"]), st("t", bold, 18, 1.2, 12))]
    fl += body_flow(s, reg, bold, 10.5, 1.5, 8, TA_JUSTIFY)
    build_pdf(path, s, (22 * mm, 22 * mm, 24 * mm, 22 * mm), fl, deco, title=s["title"],
              author="Bank of Russia", creator="Microsoft Word")


PDF = {
    "E1": lambda p, s: pdf_ecb(p, s, 2003),
    "E2": lambda p, s: pdf_ecb(p, s, 2006),
    "E3": lambda p, s: pdf_ecb(p, s, 2012),
    "B4": lambda p, s: pdf_bundestag(p, s, 2005),
    "B7": lambda p, s: pdf_bundestag(p, s, 2017),
    "I1": lambda p, s: pdf_icj(p, s, 2013),
    "I3": lambda p, s: pdf_icj(p, s, 2010),
    "K2": pdf_boe,
    "R1": pdf_cbr,
}
A_LAYOUT = {"E2": True, "E3": False, "B4": True, "I1": True, "K2": False}


# shape b (text)
def wrap(t, width):
    return "\n".join(textwrap.fill(line, width) if line else "" for line in t.split("\n"))


def text_I2(s):
    lines = ["Press Release", "", s["number"], s["date_line"], "",
             "Legal Consequences of the Construction of a Wall in the Occupied Palestinian Territory",
             "(Reguest for advisory opinion)", "",
             "Final schedule of public hearings to be held from 23 to 25 February 2004", ""]
    for k, t in s["blocks"]:
        lines += [t, ""]
    return "\n".join(lines)


def text_R2(s):
    lines = [s["title"], "", "ЦЕНТРАЛЬНЫЙ БАНК РОССИЙСКОЙ ФЕДЕРАЦИИ", "", "ИНФОРМАЦИЯ", s["date_line"], ""]
    for t in blocks(s):
        lines += [t, ""]
    return "\n".join(lines)


def text_D1(s):
    return "\n".join([s["title"], "", s["date_line"], ""] + sum(([t, ""] for t in blocks(s)), []))


def text_U1(s):
    lines = [s["date_line"], "", wrap(s["title"], 72), ""]
    for t in blocks(s):
        lines += [wrap(t, 72), ""]
    return "\n".join(lines)


TEXT = {  # id: (builder, encoding, newline)
    "I2": (text_I2, "utf-8", "\r\n"),
    "R2": (text_R2, "cp1251", "\r\n"),
    "D1": (text_D1, "utf-16", "\r\n"),       # Python's utf-16 codec writes a BOM (little-endian here)
    "U1": (text_U1, "utf-8-sig", "\n"),
}


def write_text(s):
    fn, enc, nl = TEXT[s["id"]]
    t = fn(s).rstrip("\n") + "\n"
    with open(out(s["file"]), "wb") as f:
        f.write(t.replace("\n", nl).encode(enc))


# shape c (HTML)
def h(t):
    return html.escape(t, quote=False)


def html_B5(s):
    rows = "\n".join(f'        <tr><td>{h(a)}</td><td>{h(b)}</td></tr>' for a, b in (t.split("|") for t in blocks(s, "row")))
    ps = blocks(s, "p")
    hint = ps[2].split("\n")
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>Deutscher Bundestag - {h(s['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="date" content="2025-12-18">
<meta name="description" content="{h(ps[0])}">
<link rel="canonical" href="{s['url']}">
<link rel="stylesheet" href="/resource/crblob/1010032/css/bt-main.css">
</head>
<body class="bt-standard">
<header class="bt-header">
  <a class="bt-logo" href="/"><img src="/resource/blob/logo-bundestag.svg" alt="Deutscher Bundestag"></a>
  <ul class="bt-service-nav">
    <li><a href="/leichte_sprache">Leichte Sprache</a></li>
    <li><a href="/gebaerdensprache">Gebärdensprache</a></li>
    <li><a href="/en/" lang="en">English</a></li>
    <li><a href="/fr/" lang="fr">Français</a></li>
  </ul>
  <nav class="bt-main-nav">
    <a href="/abgeordnete">Abgeordnete</a> <a href="/parlament">Parlament</a> <a href="/ausschuesse">Ausschüsse</a>
    <a href="/dokumente">Dokumente</a> <a href="/mediathek">Mediathek</a> <a href="/presse" class="active">Presse</a>
    <a href="/besuche">Besuch</a>
  </nav>
</header>
<nav class="bt-breadcrumbs" aria-label="Brotkrumennavigation">
  <a href="/">Startseite</a> &gt; <a href="/presse">Presse</a> &gt; <a href="/presse/pressemitteilungen">Pressemitteilungen</a>
</nav>
<main class="bt-article">
  <div class="bt-artikel__meta"><span class="bt-date">18. Dezember 2025</span> <span class="bt-dachzeile">Presse</span></div>
  <h1 class="bt-artikel__title">{h(s['title'])}</h1>
  <div class="bt-artikel__text">
    <p>{h(ps[0])}</p>
    <p>{h(ps[1])}</p>
    <table class="bt-table">
      <tbody>
{rows}
      </tbody>
    </table>
    <p><strong>{h(hint[0])}</strong><br>
    {h(hint[1])}<br>
    {h(hint[2])}</p>
  </div>
  <div class="bt-social-share">
    <span>Teilen:</span> <a href="#" class="bt-share-mail">E-Mail</a> <a href="#" class="bt-share-print">Drucken</a>
    <a href="#" class="bt-share-mastodon">Mastodon</a> <a href="#" class="bt-share-linkedin">LinkedIn</a>
  </div>
  <aside class="bt-teaser-box">
    <h2>Weitere Pressemitteilungen</h2>
    <ul>
      <li><span class="bt-date">03.11.2025</span> <a href="/presse/pressemitteilungen/2025/pm-251103-jahresakkreditierung-2026-1118982">Jahresakkreditierung 2026</a></li>
      <li><a href="/presse/pressemitteilungen">Alle Pressemitteilungen</a></li>
    </ul>
    <p class="bt-kontakt">Pressereferat: Telefon +49 30 227-37171, E-Mail: pressereferat@bundestag.de</p>
  </aside>
</main>
<footer class="bt-footer">
  <a href="/services/impressum">Impressum</a> <a href="/services/datenschutz">Datenschutz</a>
  <a href="/services/barrierefreiheit">Barrierefreiheit</a> <a href="/services/kontakt">Kontakt</a>
  <p>© Deutscher Bundestag</p>
</footer>
</body>
</html>
"""


def html_P1(s):
    ps = "\n".join(f"      <p>{h(t)}</p>" for t in blocks(s, "p"))
    langs = " ".join(f'<a href="#" lang="{l}">{l.upper()}</a>' for l in
                     "bg es cs da de et el en fr ga hr it lv lt hu mt nl pl pt ro sk sl fi sv".split())
    return f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<title>{h(s['title'])} | The President</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{h(s['title'])}">
<meta property="og:site_name" content="European Parliament - The President">
<meta property="og:url" content="{s['url']}">
</head>
<body>
<div class="erpl_cookie-policy">We use cookies so that you can make the best possible use of our website. <a href="#">More</a> <button>Continue</button></div>
<header class="erpl_header">
  <div class="erpl_logo"><a href="https://www.europarl.europa.eu/portal/en">European Parliament</a></div>
  <div class="erpl_language-selector">{langs}</div>
  <div class="erpl_site-title"><a href="/the-president/en/">The President</a></div>
  <nav class="erpl_main-nav">
    <a href="/the-president/en/">Home</a> <a href="/the-president/en/newsroom">Newsroom</a>
    <a href="/the-president/en/agenda">Agenda</a> <a href="/the-president/en/the-president">The President</a>
  </nav>
</header>
<div class="erpl_breadcrumb"><a href="/the-president/en/">The President</a> &gt; <a href="/the-president/en/newsroom">Newsroom</a></div>
<main>
  <article class="erpl_article">
    <div class="erpl_article-meta"><span class="erpl_type">Press statement</span> - <span class="erpl_place">Brussels</span> - <span class="erpl_date">{s['date_line']}</span></div>
    <h1>{h(s['title'])}</h1>
    <p class="erpl_chapo"><strong>{h(s['standfirst'])}</strong></p>
    <div class="erpl_article-text">
{ps}
    </div>
    <div class="erpl_share">Share this page: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">E-mail</a></div>
  </article>
  <aside class="erpl_latest">
    <h2>Latest news</h2>
    <ul>
      <li><span class="erpl_date">17-10-2019</span> <a href="#">European Parliament President David Sassoli’s speech to the European Council</a></li>
    </ul>
    <a href="/the-president/en/newsroom">All news</a>
  </aside>
</main>
<footer class="erpl_footer">
  <a href="#">Legal notice</a> <a href="#">Privacy policy</a> <a href="#">Accessibility</a> <a href="#">Contact</a>
</footer>
</body>
</html>
"""


def html_K1(s):
    ps = "\n".join(f"        <p>{h(t)}</p>" for t in blocks(s, "p"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{h(s['title'])} | Bank of England</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="description" content="{h(s['standfirst'])}">
<link rel="stylesheet" href="/assets/css/boe-main.min.css">
</head>
<body>
<div id="cookie-banner" class="cookie-banner">
  <p>We use necessary cookies to make our site work (for example, to manage your session). We’d also like to use some non-essential cookies (including third-party cookies) to help us improve the site.</p>
  <button>Accept recommended settings</button> <button>Set cookie preferences</button>
</div>
<header class="site-header">
  <a class="logo" href="/"><span class="sr-only">Bank of England</span></a>
  <nav class="primary-nav">
    <a href="/about">About</a> <a href="/monetary-policy">Monetary policy</a> <a href="/financial-stability">Financial stability</a>
    <a href="/prudential-regulation">Prudential regulation</a> <a href="/banknotes">Banknotes</a> <a href="/statistics">Statistics</a>
    <a href="/research">Research</a> <a href="/news" class="active">News</a>
  </nav>
  <form class="search" action="/search"><input type="text" name="query" placeholder="Search"></form>
</header>
<div class="breadcrumbs"><a href="/">Home</a> <span>/</span> <a href="/news">News</a></div>
<main id="main-content">
  <div class="container-content">
    <div class="page-section">
      <div class="content-block">
        <div class="published-type">News release</div>
        <h1>{h(s['title'])}</h1>
        <p class="page-description">{h(s['standfirst'])}</p>
        <p class="published-date">Published on  {s['date_line']}</p>
{ps}
      </div>
    </div>
    <div class="page-section">
      <p class="page-updated">This page was last updated {s['date_line']}</p>
    </div>
    <aside class="related-links">
      <h2>Other news</h2>
      <ul>
        <li><a href="/news/2013/august/mpc-august-2013">Bank of England maintains Bank Rate at 0.5% and the size of the Asset Purchase Programme at £375bn</a> <span class="date">01 August 2013</span></li>
      </ul>
    </aside>
    <div class="feedback"><p>Was this page useful?</p><button>Yes</button> <button>No</button></div>
  </div>
</main>
<footer class="site-footer">
  <a href="/legal">Legal</a> <a href="/privacy">Privacy</a> <a href="/accessibility">Accessibility</a> <a href="/cookies">Cookies</a>
  <a href="/contact">Contact</a> <a href="/about/careers">Careers</a>
  <p>©2020 Bank of England</p>
</footer>
</body>
</html>
"""


def html_I4(s):
    body = []
    for k, t in s["blocks"]:
        if k == "p":
            body.append(f"<p>{h(t)}</p>")
        elif k == "h":
            body.append(f"<p><strong>{h(t)}</strong></p>")
        elif k == "line":
            body.append(f"<p>{h(t)}</p>")
        elif k == "sep":
            body.append(f"<p>{h(t)}</p>")
    bodyt = "\n        ".join(body)
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<title>{h(s['title'])} | COUR INTERNATIONALE DE JUSTICE</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="canonical" href="https://www.icj-cij.org/fr/node/203402">
<meta name="Generator" content="Drupal 9 (https://www.drupal.org)">
</head>
<body class="path-node page-node-type-document">
<header class="site-header">
  <a href="/fr" class="site-logo">COUR INTERNATIONALE DE JUSTICE</a>
  <div class="language-switcher"><a href="/node/203402" hreflang="en">English</a> | <span class="is-active">Français</span></div>
  <nav class="main-menu">
    <a href="/fr/la-cour">La Cour</a> <a href="/fr/affaires">Affaires</a> <a href="/fr/presse">Presse</a>
    <a href="/fr/multimedia">Multimédia</a> <a href="/fr/publications">Publications</a>
  </nav>
</header>
<div class="breadcrumb"><a href="/fr">Accueil</a> / <a href="/fr/affaires">Affaires</a> / <a href="/fr/affaire/192">Application de la convention pour la prévention et la répression du crime de génocide dans la bande de Gaza (Afrique du Sud c. Israël)</a></div>
<main>
  <h1 class="page-title">{h(s['title'])}</h1>
  <div class="field field--name-field-document-number"><div class="field__label">Document Number</div><div class="field__item">192-20230110-PRE-01-00-EN</div></div>
  <div class="field field--name-field-document-type"><div class="field__label">Document Type</div><div class="field__item">Incidental Proceedings</div></div>
  <div class="field field--name-field-number"><div class="field__label">Number (Press Release, Order, etc)</div><div class="field__item">2024/2</div></div>
  <div class="field field--name-field-date-of-the-document"><div class="field__label">Date of the Document</div><div class="field__item">10 janvier 2024</div></div>
  <div class="field field--name-field-document-file"><div class="field__label">Document File</div><div class="field__item"><a href="/sites/default/files/case-related/192/192-20240110-pre-01-00-fr.pdf">192-20240110-pre-01-00-fr.pdf</a> (PDF, 158 Ko)</div></div>
  <div class="document-text">
    <p>COUR INTERNATIONALE DE JUSTICE<br>Palais de la Paix, Carnegieplein 2, 2517 KJ La Haye, Pays-Bas<br>Tél : +31 (0)70 302 2323 Télécopie : +31 (0)70 364 9928<br>Site Internet X YouTube LinkedIn</p>
    <p>Communiqué de presse<br>Non officiel</p>
    <p>{h(s['number'])}<br>{h(s['date_line'])}</p>
    <p><strong>{h(s['heading'])}</strong></p>
        {bodyt}
    <p>- 2 -</p>
  </div>
</main>
<footer class="site-footer">
  <p>Cour internationale de Justice, Palais de la Paix, Carnegieplein 2, 2517 KJ La Haye, Pays-Bas</p>
  <a href="/fr/mentions-legales">Mentions légales</a> <a href="/fr/contact">Contact</a> <a href="/fr/emploi">Emploi</a>
</footer>
</body>
</html>
"""


HTML = {"B5": html_B5, "P1": html_P1, "K1": html_K1, "I4": html_I4}


# shape d (Markdown)
def md_E4(s):
    ps = blocks(s)
    return (f"---\ntitle: \"{s['title']}\"\ndate: 2020-10-07\ntype: press release\n"
            f"publisher: European Central Bank\nurl: https://www.ecb.europa.eu/press/pr/date/2020/html/ecb.pr201007~fc118c5927.en.html\n---\n\n"
            f"# {s['title']}\n\n- {ps[0]}\n\n" + "\n\n".join(ps[1:]) + "\n\n"
            "**Media contacts**: Directorate General Communications, Sonnemannstrasse 20, 60314 Frankfurt am Main, "
            "media@ecb.europa.eu\n\n*Reproduction is permitted provided that the source is acknowledged.*\n")


def md_B6(s):
    return (f"# {s['title']}\n\n**Deutscher Bundestag – Pressemitteilung**\n\n_{s['date_line']}_\n\n"
            + "\n\n".join(blocks(s)) + "\n\nQuelle: https://www.bundestag.de/presse/pressemitteilungen\n")


def md_P2(s):
    parts = []
    for k, t in s["blocks"]:
        parts.append(f"## {t}" if k == "h" else t)
    return ("---\n"
            f"title: \"{s['title'].replace('’', chr(39))}\"\n"
            "date: \"2019-10-17T17:40:00+02:00\"\n"
            "author: European Parliament Press Service\n"
            "tags: [President, European Council, Brexit]\n"
            "source: https://www.europarl.europa.eu/news/en/press-room/20191017IPR64557/\n"
            "---\n\n" + "\n\n".join(parts) + "\n")


def md_K3(s):
    return (f"**{s['title']}**\n\nBank of England · News\n\n_Published on {s['date_line']}_\n\n"
            + "\n\n".join(blocks(s)) + "\n")


MD = {"E4": md_E4, "B6": md_B6, "P2": md_P2, "K3": md_K3}


# shape e (docx)
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


def save_docx(doc, path, s, author, title=""):
    d = pubday(s)
    when = dt.datetime(d.year, d.month, d.day, 9, 30)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = when
    cp.modified = when
    cp.revision = 3
    cp.title = title
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as f:
        f.write(fixed_zip(buf.getvalue(), (d.year, d.month, d.day, 9, 30, 0)))


def para(container, text, size=None, bold=False, italic=False, align=None, after=None, before=None, style=None,
         color=None, font=None):
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    if text:
        r = p.add_run(text)
        if size:
            r.font.size = Pt(size)
        if bold:
            r.bold = True
        if italic:
            r.italic = True
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


def base(doc, font, size):
    doc.styles["Normal"].font.name = font
    doc.styles["Normal"].font.size = Pt(size)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)


def docx_B1(path, s):
    doc = docx.Document()
    base(doc, "Arial", 11)
    hd = doc.sections[0].header
    hp = hd.paragraphs[0]
    r = hp.add_run("Deutscher Bundestag")
    r.bold = True
    r.font.size = Pt(14)
    para(hd, "PZ 1 – Referat Presse/Rundfunk/Fernsehen", size=8)
    para(doc, "Pressemitteilung", size=12, bold=True, after=2)
    para(doc, "Berlin, 23.10.2001", size=10, after=14)
    para(doc, s["title"], size=14, bold=True, after=12)
    for k, t in s["blocks"]:
        if k == "p":
            para(doc, t, align="j", after=8)
        elif k == "end":
            para(doc, t, size=9, after=0, before=10)
    ft = doc.sections[0].footer
    ft.paragraphs[0].add_run("Herausgeber: Deutscher Bundestag, PZ 1 - Referat Presse/Rundfunk/Fernsehen, "
                             "Wilhelmstraße 65, 11011 Berlin, Fernruf: (030) 227-37171, Fax: (030) 227-36192").font.size = Pt(7.5)
    save_docx(doc, path, s, "PZ 1")


def docx_B2(path, s):
    doc = docx.Document()
    base(doc, "Times New Roman", 12)
    tb = doc.add_table(rows=1, cols=2)
    tb.alignment = WD_TABLE_ALIGNMENT.CENTER
    c0, c1 = tb.rows[0].cells
    c0.paragraphs[0].add_run("DEUTSCHER BUNDESTAG").bold = True
    para(c0, "Referat Presse/Rundfunk/Fernsehen", size=8)
    r = c1.paragraphs[0].add_run("Pressemitteilung")
    r.bold = True
    c1.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(c1, s["date_line"], size=11, align="r")
    para(doc, "", after=6)
    doc.add_heading(s["title"], level=1)
    for k, t in s["blocks"]:
        if k == "p":
            para(doc, t, after=8)
        elif k == "end":
            para(doc, t, size=10, italic=True, before=8)
    save_docx(doc, path, s, "Pressereferat Bundestag")


def docx_B3(path, s):
    doc = docx.Document()
    base(doc, "Verdana", 10)
    para(doc, "Pressemitteilung", size=13, bold=True, after=0)
    para(doc, s["date_line"], size=9, after=0)
    d = pubday(s)
    para(doc, f"Pressemeldung des Deutschen Bundestages - {d.day:02d}.{d.month:02d}.{d.year}", size=9, after=12)
    para(doc, s["title"], size=12, bold=True, after=10)
    for t in blocks(s, "p"):
        para(doc, t, after=8)
    para(doc, "Herausgeber", size=8, bold=True, before=16, after=0)
    para(doc, "Deutscher Bundestag, PuK 1 - Referat Presse - Rundfunk - Fernsehen\nDorotheenstraße 100, 11011 Berlin\n"
              "Tel.: (030) 227-37171, Fax: (030) 227-36192", size=8)
    save_docx(doc, path, s, "PuK 1")


def docx_P3(path, s):
    doc = docx.Document()
    base(doc, "Calibri", 11)
    hd = doc.sections[0].header
    hp = hd.paragraphs[0]
    r = hp.add_run("European Parliament")
    r.bold = True
    r.font.color.rgb = RGBColor(0x1f, 0x3c, 0x88)
    para(hd, "Press Service · Directorate-General for Communication", size=8)
    para(doc, "Press release", size=10, bold=True, color="1F3C88", after=0)
    para(doc, f"{s['date_line']} - Brussels", size=9, after=10)
    doc.add_heading(s["title"], level=0)
    para(doc, s["standfirst"], italic=True, after=10)
    for k, t in s["blocks"]:
        if k == "p":
            para(doc, t, after=6)
        elif k == "h":
            para(doc, t, bold=True, after=4, before=6)
    para(doc, "Contacts", bold=True, before=14, after=4)
    tb = doc.add_table(rows=2, cols=2)
    tb.style = "Table Grid"
    tb.cell(0, 0).text = "Spokesperson of the President"
    tb.cell(0, 1).text = "(+32) 2 28 31000"
    tb.cell(1, 0).text = "Press Service"
    tb.cell(1, 1).text = "press@europarl.europa.eu"
    save_docx(doc, path, s, "EP Press Service", title=s["title"])


DOCX = {"B1": docx_B1, "B2": docx_B2, "B3": docx_B3, "P3": docx_P3}


# truth
FIELD_ORDER = ["file", "title", "published", "summary_starts", "summary_alt_starts", "language", "shape", "publisher",
               "url", "mtime", "year_in_text", "notes", "made_with", "date_note", "encoding", "title_lines_in_file",
               "source_via"]


def made_with(s):
    sh = s["shape"]
    if sh == "a":
        return "reportlab PDF, then pdftotext -enc UTF-8 " + ("-layout " if A_LAYOUT[s["id"]] else "") + "<pdf> <txt>"
    return {"b": "typed/saved plain text (written by make.py)", "c": "hand-built HTML page in the site's style",
            "d": "Markdown (written by make.py)", "e": "python-docx", "f": "reportlab PDF"}[sh]


def truth_row(s):
    t = s["truth"]
    row = {"file": s["file"], "title": s["title"], "published": t["published"], "summary_starts": t["summary_starts"]}
    if t.get("summary_alt_starts"):
        row["summary_alt_starts"] = t["summary_alt_starts"]
    row.update({"language": s["language"], "shape": s["shape"], "publisher": s["publisher"], "url": s["url"],
                "mtime": t.get("mtime") or t["published"] + "T12:00:00Z",
                "year_in_text": t.get("year_in_text", True), "notes": t["notes"], "made_with": made_with(s)})
    for k in ("date_note", "title_lines_in_file"):
        if t.get(k):
            row[k] = t[k]
    row["encoding"] = t.get("encoding") or ({"a": "UTF-8", "b": "UTF-8", "c": "UTF-8", "d": "UTF-8"}.get(s["shape"]))
    if row["encoding"] is None:
        del row["encoding"]
    if s.get("source_via"):
        row["source_via"] = s["source_via"]
    return {k: row[k] for k in FIELD_ORDER if k in row}


def main():
    tmp = tempfile.mkdtemp(prefix="dev-inst-")
    try:
        for s in SRC:
            sh, path = s["shape"], out(s["file"])
            if sh == "a":
                pdf = os.path.join(tmp, s["id"] + ".pdf")
                PDF[s["id"]](pdf, s)
                run_pdftotext(pdf, path, A_LAYOUT[s["id"]])
            elif sh == "f":
                PDF[s["id"]](path, s)
            elif sh == "b":
                write_text(s)
            elif sh == "c":
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(HTML[s["id"]](s))
            elif sh == "d":
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(MD[s["id"]](s))
            elif sh == "e":
                DOCX[s["id"]](path, s)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rows = [truth_row(s) for s in SRC]
    with open(out("truth.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"built {len(rows)} files")


if __name__ == "__main__":
    main()
