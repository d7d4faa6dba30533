#!/usr/bin/env python3
"""Build the ministries-cities batch of the feedsvc evaluation corpus.

Run with /work/corpus-venv/bin/python make.py (from anywhere). It reads sources.json (the release texts exactly as
published, with where they came from and their truth), writes every release file in the shape named there, and
writes truth.json. Letterheads, page chrome, footers and contact blocks are built here in each publisher's style; the
release text itself (title, date line, paragraphs) comes only from sources.json. Running it again rebuilds the same
bytes: PDF dates come from SOURCE_DATE_EPOCH (the publication day, 10:30 UTC), docx zip entries get a fixed time.
Shape a files are the output of the real pdftotext (poppler) on a PDF built here and then thrown away.
"""
import calendar
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
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
from reportlab.platypus import HRFlowable, Paragraph, SimpleDocTemplate, Spacer

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))
BY = {s["id"]: s for s in SRC}
PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
for name, fn in [("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                 ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"), ("DejaVuSerif", "DejaVuSerif.ttf"),
                 ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"), ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
                 ("DejaVuSansCondensed", "DejaVuSansCondensed.ttf"),
                 ("DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FONT_DIR, fn)))

FAMILIES = {  # regular, bold, italic
    "helv": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
    "dvsans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
    "dvserif": ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"),
    "dvcond": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSans-Oblique"),
}


def out(name):
    return os.path.join(HERE, name)


def day(s):
    return dt.date.fromisoformat(s["truth"]["published"])


def epoch(d, hh=10, mi=30):
    return calendar.timegm((d.year, d.month, d.day, hh, mi, 0))


def blocks(s, kinds=None):
    for kind, text in s["blocks"]:
        if kinds is None or kind in kinds:
            yield kind, text


# PDF
class NumberedCanvas(rl_canvas.Canvas):
    """Canvas that knows the page count, so footers can say 'Page 1 of 2'."""
    footer = None

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            if self.footer:
                self.footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


def P(text, style):
    return Paragraph(xesc(text).replace("\n", "<br/>"), style)


def build_pdf(path, s, spec):
    """spec: dict(page, margins, family, flow=[(kind, text, opts)], footer=fn(c, page, total, W, H), title, author)"""
    reg, bold, ital = FAMILIES[spec.get("family", "helv")]
    page = spec.get("page", A4)
    W, H = page
    lm, rm, tm, bm = spec.get("margins", (22 * mm, 22 * mm, 18 * mm, 20 * mm))
    base = spec.get("body_size", 10.5)
    st = {
        "body": ParagraphStyle("body", fontName=reg, fontSize=base, leading=base * 1.35, spaceAfter=base * 0.75),
        "line": ParagraphStyle("line", fontName=reg, fontSize=base, leading=base * 1.35, spaceAfter=0),
        "bullet": ParagraphStyle("bullet", fontName=reg, fontSize=base, leading=base * 1.35, leftIndent=14,
                                 bulletIndent=3, spaceAfter=base * 0.4, bulletFontName=reg),
        "quote": ParagraphStyle("quote", fontName=reg, fontSize=base, leading=base * 1.35, leftIndent=16,
                                spaceAfter=base * 0.75),
        "contact": ParagraphStyle("contact", fontName=reg, fontSize=base - 1.5, leading=(base - 1.5) * 1.3,
                                  spaceBefore=6, spaceAfter=4),
    }
    flow = []
    for item in spec["flow"]:
        kind, text = item[0], item[1]
        o = item[2] if len(item) > 2 else {}
        if kind == "space":
            flow.append(Spacer(1, text))
        elif kind == "rule":
            flow.append(HRFlowable(width="100%", thickness=o.get("t", 0.6), color=o.get("color", colors.black),
                                   spaceBefore=2, spaceAfter=o.get("after", 6)))
        elif kind in ("text", "title"):
            size = o.get("size", 9)
            font = {"reg": reg, "bold": bold, "ital": ital}[o.get("font", "bold" if kind == "title" else "reg")]
            align = {"l": TA_LEFT, "c": TA_CENTER, "r": TA_RIGHT}[o.get("align", "l")]
            ps = ParagraphStyle(kind + str(len(flow)), fontName=font, fontSize=size, leading=size * o.get("lead", 1.22),
                                alignment=align, spaceAfter=o.get("after", 2), spaceBefore=o.get("before", 0),
                                textColor=o.get("color", colors.black))
            flow.append(P(text, ps))
        elif kind == "bullet":
            flow.append(Paragraph(xesc(text), st["bullet"], bulletText=o.get("mark", "\u2022")))
        else:
            flow.append(P(text, st[kind]))

    footer = spec.get("footer")

    class C(NumberedCanvas):
        pass
    C.footer = staticmethod(lambda c, n, t: footer(c, n, t, W, H)) if footer else None

    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(day(s)))
    doc = SimpleDocTemplate(path, pagesize=page, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
                            title=spec.get("title", ""), author=spec.get("author", ""), creator=spec.get("creator", ""))
    doc.build(flow, canvasmaker=C)
    del os.environ["SOURCE_DATE_EPOCH"]
    with open(path, "rb") as f:
        return len(re.findall(rb"/Type /Page[^s]", f.read()))


def body_flow(s, quote_marks=False):
    fl = []
    for kind, text in blocks(s):
        if kind == "p":
            fl.append(("body", text))
        elif kind == "line":
            fl.append(("line", text))
        elif kind == "bullet":
            fl.append(("bullet", text))
        elif kind == "quote":
            fl.append(("quote", text))
        elif kind == "contact":
            fl.append(("contact", text))
    return fl


def footer_text(left=None, right=None, center=None, font="Helvetica", size=7.5, y=12 * mm, lm=22 * mm, rm=22 * mm,
                rule=False):
    def f(c, n, t, W, H):
        c.saveState()
        c.setFont(font, size)
        if rule:
            c.setLineWidth(0.4)
            c.line(lm, y + size + 3, W - rm, y + size + 3)
        for txt, pos in ((left, "l"), (right, "r"), (center, "c")):
            if not txt:
                continue
            txt = txt.format(n=n, t=t)
            if pos == "l":
                c.drawString(lm, y, txt)
            elif pos == "r":
                c.drawRightString(W - rm, y, txt)
            else:
                c.drawCentredString(W / 2, y, txt)
        c.restoreState()
    return f


def pdftotext(pdf, txt, layout):
    cmd = [PDFTOTEXT, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


# PDF recipes
def nyc_letterhead(date_text):
    return [
        ("text", "THE CITY OF NEW YORK", {"size": 9.5, "font": "bold", "align": "c", "after": 0}),
        ("text", "OFFICE OF THE MAYOR", {"size": 9.5, "font": "bold", "align": "c", "after": 0}),
        ("text", "NEW YORK, NY 10007", {"size": 8.5, "align": "c", "after": 14}),
        ("text", "FOR IMMEDIATE RELEASE: " + date_text, {"size": 10.5, "font": "bold", "after": 1}),
        ("text", "CONTACT: pressoffice@cityhall.nyc.gov, (212) 788-2958", {"size": 10.5, "after": 16}),
    ]


def govuk_print(s, org):
    d = day(s)
    fl = [("text", "GOV.UK", {"size": 13, "font": "bold", "after": 1}),
          ("rule", 0, {"t": 2.2, "color": colors.HexColor("#1d70b8"), "after": 14}),
          ("text", "Press release", {"size": 11, "after": 4, "color": colors.HexColor("#505a5f")}),
          ("title", s["title"], {"size": 23, "lead": 1.12, "after": 10})]
    if s.get("standfirst"):
        fl.append(("text", s["standfirst"], {"size": 13, "lead": 1.3, "after": 10}))
    fl += [("text", "From: " + org, {"size": 9.5, "after": 1}),
           ("text", "Published " + f"{d.day} {d:%B %Y}", {"size": 9.5, "after": 14})]
    return fl + body_flow(s)


def make_pdf_spec(s):
    i = s["id"]
    d = day(s)
    if i == "js4151":
        url = "http://www.treas.gov/press/releases/js4151.htm"
        fl = [("text", "PRESS ROOM", {"size": 12, "font": "bold", "after": 10, "color": colors.HexColor("#1f3a68")}),
              ("rule", 0, {"t": 0.5, "after": 8}),
              ("line", s["date_line"]), ("text", s["number"], {"size": 10.5, "after": 8}),
              ("title", s["title"], {"size": 15, "lead": 1.2, "after": 10})] + body_flow(s)

        def foot(c, n, t, W, H):
            c.saveState()
            c.setFont("Helvetica", 8)
            c.drawRightString(W - 20 * mm, H - 12 * mm, f"Page {n} of {t}")
            c.drawString(20 * mm, 10 * mm, url)
            c.drawRightString(W - 20 * mm, 10 * mm, s["print_date"])
            c.restoreState()
        return dict(page=LETTER, family="helv", flow=fl, footer=foot, margins=(20 * mm, 62 * mm, 22 * mm, 20 * mm),
                    title="Treasury News", body_size=10)
    if i in ("nyc_adams", "nyc_transcript"):
        fl = nyc_letterhead(s["date_line"]) + [("title", s["title"], {"size": 15.5, "align": "c", "lead": 1.18, "after": 14})]
        fl += body_flow(s)
        if i == "nyc_adams":
            fl.append(("text", "###", {"size": 11, "align": "c", "before": 10}))
        return dict(page=LETTER, family="times", flow=fl, body_size=11.5, margins=(25 * mm, 25 * mm, 20 * mm, 20 * mm),
                    footer=footer_text(center="{n}", font="Times-Roman", size=9), author="NYC Mayor's Press Office")
    if i == "paris_ocp":
        fl = [("text", "PARIS", {"size": 22, "font": "bold", "after": 0}),
              ("text", "Ville de Paris \u2013 Service de presse", {"size": 7.5, "after": 16}),
              ("text", "COMMUNIQUÉ DE PRESSE", {"size": 9, "font": "bold", "after": 1}),
              ("text", "Paris, le " + s["date_line"], {"size": 9, "align": "r", "after": 16}),
              ("title", s["title"], {"size": 17, "lead": 1.2, "after": 14})] + body_flow(s)
        return dict(family="dvsans", flow=fl, body_size=11, margins=(25 * mm, 30 * mm, 20 * mm, 20 * mm),
                    footer=footer_text(center="presse.paris.fr", font="DejaVuSans", size=7), author="Ville de Paris")
    if i == "berlin_wuhan":
        fl = [("text", "BERLIN", {"size": 15, "font": "bold", "after": 2}),
              ("text", "Senatsverwaltung für Gesundheit, Pflege und Gleichstellung", {"size": 7.5, "font": "bold", "after": 0}),
              ("text", "Pressestelle \u00b7 Oranienstraße 106 \u00b7 10969 Berlin", {"size": 7, "after": 16}),
              ("text", s["date_line"], {"size": 9, "after": 8}),
              ("title", s["title"], {"size": 16, "lead": 1.2, "after": 12})] + body_flow(s)
        return dict(family="dvsans", flow=fl, body_size=10.5,
                    footer=footer_text(left="www.berlin.de/sen/gpg", right="Seite {n} von {t}", font="DejaVuSans", size=7),
                    author="SenGPG Pressestelle")
    if i == "scot_nhs2016":
        fl = [("text", "gov.scot", {"size": 12, "font": "bold", "after": 0}),
              ("text", "Scottish Government\nRiaghaltas na h-Alba", {"size": 7, "after": 12}),
              ("text", "News", {"size": 9, "after": 3, "color": colors.HexColor("#5e5e5e")}),
              ("title", s["title"], {"size": 24, "lead": 1.1, "after": 8}),
              ("text", s["standfirst"], {"size": 13, "lead": 1.3, "after": 8}),
              ("text", f"Published: {d.day} {d:%B %Y}", {"size": 9, "after": 1}),
              ("text", "Part of: Health and social care", {"size": 9, "after": 14})] + body_flow(s)
        return dict(family="dvsans", flow=fl, body_size=10,
                    footer=footer_text(left="https://www.gov.scot/news/nhs-in-scotland-2016/", right="{n}/{t}",
                                       font="DejaVuSans", size=7))
    if i in ("hmt_metals", "ho_jewish"):
        org = {"hmt_metals": "HM Treasury", "ho_jewish": "Home Office"}[i]
        return dict(family="dvsans", flow=govuk_print(s, org), body_size=10.5,
                    footer=footer_text(right="{n}", font="DejaVuSans", size=8))
    if i == "dhsc_startforlife":
        teal = colors.HexColor("#00ad93")
        fl = [("rule", 0, {"t": 5, "color": teal, "after": 4}),
              ("text", "Department of Health &amp; Social Care".replace("&amp;", "&"), {"size": 10.5, "font": "bold", "after": 0}),
              ("text", "39 Victoria Street, London SW1H 0EU", {"size": 7, "after": 18}),
              ("text", "PRESS RELEASE", {"size": 9, "font": "bold", "after": 2, "color": teal}),
              ("text", f"{d.day} {d:%B %Y}", {"size": 9, "after": 10}),
              ("title", s["title"], {"size": 21, "lead": 1.12, "after": 10}),
              ("text", s["standfirst"], {"size": 12, "lead": 1.3, "font": "bold", "after": 10})] + body_flow(s)
        return dict(family="dvsans", flow=fl, body_size=10.5,
                    footer=footer_text(left="www.gov.uk/dhsc", right="Page {n} of {t}", font="DejaVuSans", size=7,
                                       rule=True), author="DHSC Media Centre")
    if i == "ho_slowwalking":
        fl = [("text", "Home Office", {"size": 16, "font": "bold", "after": 1}),
              ("text", "Press Office \u2022 2 Marsham Street \u2022 London SW1P 4DF", {"size": 7, "after": 18}),
              ("text", "News release", {"size": 9.5, "font": "bold", "after": 2}),
              ("text", f"{d.day} {d:%B %Y}", {"size": 9.5, "after": 12}),
              ("title", s["title"], {"size": 20, "lead": 1.15, "after": 10}),
              ("text", s["standfirst"], {"size": 11.5, "lead": 1.3, "font": "bold", "after": 10})] + body_flow(s)
        return dict(family="helv", flow=fl, body_size=10.5,
                    footer=footer_text(left="www.gov.uk/home-office", right="Page {n} of {t}", size=7),
                    author="Home Office Press Office")
    if i == "es_extremadura":
        fl = [("text", "GOBIERNO DE ESPAÑA", {"size": 8.5, "font": "bold", "after": 0}),
              ("text", "MINISTERIO DE POLÍTICA TERRITORIAL", {"size": 7.5, "after": 0}),
              ("text", "DELEGACIÓN DEL GOBIERNO EN EXTREMADURA", {"size": 7.5, "font": "bold", "align": "r", "after": 0}),
              ("text", "Gabinete de Prensa", {"size": 7, "align": "r", "after": 18}),
              ("text", "Nota de prensa", {"size": 10, "font": "bold", "after": 8, "color": colors.HexColor("#a6192e")}),
              ("title", s["title"], {"size": 17, "lead": 1.2, "after": 12})] + body_flow(s)
        return dict(family="dvsans", flow=fl, body_size=10.5,
                    footer=footer_text(left="mpt.gob.es", right="Página {n} de {t}", font="DejaVuSans", size=7))
    raise KeyError(i)


# DOCX
def fixed_zip(data, when):
    """Rewrite a docx zip with a fixed entry time so the bytes are reproducible."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def para(d, text, size=None, bold=False, italic=False, align=None, style=None, color=None, after=None):
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def docx_body(d, s, quote_italic=True):
    for kind, text in blocks(s):
        if kind == "bullet":
            d.add_paragraph(text, style="List Bullet")
        elif kind == "quote":
            p = para(d, text, italic=quote_italic)
            p.paragraph_format.left_indent = Pt(18)
        else:
            for k, line in enumerate(text.split("\n")):
                para(d, line, after=0 if k < text.count("\n") else None)


def build_docx(path, s):
    i = s["id"]
    d0 = day(s)
    created = {"paris_aimf": (16, 5), "berlin_mitte": (11, 42), "scot_grangemouth": (9, 15), "hmt_barker": (8, 50),
               "ho_acrs": (7, 30), "br_saude": (18, 40)}[i]
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = {"paris_aimf": "Arial", "berlin_mitte": "Arial", "scot_grangemouth": "Arial",
                        "hmt_barker": "Times New Roman", "ho_acrs": "Arial", "br_saude": "Calibri"}[i]
    normal.font.size = Pt(11)
    hdr = doc.sections[0].header
    title_style = "bold"
    if i == "paris_aimf":
        hdr.paragraphs[0].text = "PARIS"
        hdr.paragraphs[0].runs[0].bold = True
        hdr.paragraphs[0].runs[0].font.size = Pt(20)
        para(doc, "Ville de Paris \u2013 Service de presse", size=8)
        para(doc, "COMMUNIQUÉ DE PRESSE", size=10, bold=True)
        para(doc, "Paris, le " + s["date_line"], size=10, align="r", after=18)
        para(doc, s["title"], size=14, bold=True, after=12)
        docx_body(doc, s)
        t = doc.add_table(rows=1, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Contact presse"
        t.cell(0, 1).text = "Service de presse de la Ville de Paris \u2013 presse.paris.fr"
    elif i == "berlin_mitte":
        hdr.paragraphs[0].text = "Bezirksamt Mitte von Berlin"
        hdr.add_paragraph("Pressestelle \u00b7 Karl-Marx-Allee 31 \u00b7 10178 Berlin")
        para(doc, s["date_line"], size=10, after=6)
        doc.add_heading(s["title"], level=1)
        title_style = "Heading 1"
        docx_body(doc, s)
    elif i == "scot_grangemouth":
        hdr.paragraphs[0].text = "Scottish Government \u00b7 Riaghaltas na h-Alba \u00b7 gov.scot"
        para(doc, "NEWS RELEASE", size=9, bold=True, color="0065BD", after=6)
        doc.add_heading(s["title"], level=1)
        title_style = "Heading 1"
        para(doc, s["standfirst"], italic=True, after=12)
        docx_body(doc, s)
    elif i == "hmt_barker":
        hdr.paragraphs[0].text = "HM TREASURY"
        hdr.paragraphs[0].runs[0].bold = True
        para(doc, "PRESS NOTICE", size=10, bold=True, after=8)
        doc.add_paragraph(s["title"], style="Title")
        title_style = "Title"
        para(doc, s["date_line"], after=12)
        docx_body(doc, s)
    elif i == "ho_acrs":
        hdr.paragraphs[0].text = "Home Office"
        hdr.paragraphs[0].runs[0].bold = True
        hdr.add_paragraph("Press Office")
        para(doc, "PRESS RELEASE", size=9, bold=True, after=4)
        doc.add_paragraph(s["title"], style="Title")
        title_style = "Title"
        para(doc, s["date_line"], after=12)
        docx_body(doc, s)
        t = doc.add_table(rows=2, cols=2)
        t.style = "Table Grid"
        t.cell(0, 0).text = "Media enquiries"
        t.cell(0, 1).text = "Home Office Press Office"
        t.cell(1, 0).text = "Web"
        t.cell(1, 1).text = "www.gov.uk/home-office"
    elif i == "br_saude":
        hdr.paragraphs[0].text = "Ministério da Saúde \u2013 Governo Federal"
        para(doc, "Assessoria de Comunicação \u2013 ASCOM", size=8, after=2)
        para(doc, "Notícias", size=9, bold=True, color="1351B4", after=6)
        doc.add_paragraph(s["title"], style="Title")
        title_style = "Title"
        para(doc, s["standfirst"], italic=True, after=8)
        para(doc, s["photo"], size=8, color="555555", after=10)
        docx_body(doc, s)
    cp = doc.core_properties
    when = dt.datetime(d0.year, d0.month, d0.day, *created)
    cp.created = when
    cp.modified = when
    cp.author = {"paris_aimf": "Service de presse", "berlin_mitte": "Pressestelle BA Mitte",
                 "scot_grangemouth": "Scottish Government Communications", "hmt_barker": "HMT Press Office",
                 "ho_acrs": "Home Office Press Office", "br_saude": "ASCOM/MS"}[i]
    cp.last_modified_by = cp.author
    cp.title = ""
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    with open(path, "wb") as f:
        f.write(fixed_zip(buf.getvalue(), (d0.year, d0.month, d0.day, *created, 0)))
    return when.isoformat(), title_style


def docx_text(path):
    d = docx.Document(path)
    parts = []
    for sec in d.sections:
        parts += [p.text for p in sec.header.paragraphs]
    parts += [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


# HTML
def ps(s, cls="", wrap_p=True):
    outl = []
    in_ul = False
    for kind, text in blocks(s):
        if kind == "bullet":
            if not in_ul:
                outl.append("<ul>")
                in_ul = True
            outl.append(f"  <li>{hesc(text, quote=False)}</li>")
            continue
        if in_ul:
            outl.append("</ul>")
            in_ul = False
        t = hesc(text, quote=False).replace("\n", "<br>\n")
        if kind == "quote":
            outl.append(f"<blockquote><p>{t}</p></blockquote>")
        elif kind == "contact":
            outl.append(f'<p class="contact">{t}</p>')
        else:
            outl.append(f"<p>{t}</p>")
    if in_ul:
        outl.append("</ul>")
    return "\n".join(outl)


def html_page(s):
    i = s["id"]
    T = hesc(s["title"], quote=False)
    Tq = hesc(s["title"])
    d = day(s)
    if i == "js2696":
        title_html = "Statement of Treasury Secretary John W. Snow on the<br>\nAugust Employment Report"
        return ("iso-8859-1", f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>JS-2696: {T}</title>
<link rel="stylesheet" type="text/css" href="/css/treas.css">
</head>
<body bgcolor="#ffffff">
<a href="#content" class="skip">Skip to main content</a>
<table width="760" border="0" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="banner"><a href="/"><img src="/images/header_seal.gif" alt="U.S. Department of the Treasury" width="760" height="80" border="0"></a></td></tr>
<tr><td colspan="2" class="topnav"><a href="/">Home</a> | <a href="/about/">About Treasury</a> | <a href="/press/">Press Room</a> | <a href="/offices/">Offices</a> | <a href="/education/">Education</a> | <a href="/bureaus/">Bureaus</a> | <a href="/siteindex/">Site Index</a></td></tr>
<tr>
<td width="160" valign="top" class="leftnav">
<p><b>Press Room</b></p>
<p><a href="/press/releases/">Press Releases</a><br>
<a href="/press/releases/statements.html">Statements</a><br>
<a href="/press/releases/advisories.html">Media Advisories</a><br>
<a href="/press/releases/testimony.html">Testimony</a><br>
<a href="/press/releases/speeches.html">Speeches</a><br>
<a href="/press/photos/">Photos</a><br>
<a href="/press/subscribe.html">E-mail Updates</a></p>
</td>
<td width="600" valign="top"><a name="content"></a>
<p class="breadcrumb"><a href="/">Home</a> &gt; <a href="/press/">Press Room</a> &gt; <a href="/press/releases/">Press Releases</a></p>
<p class="pagetitle">PRESS ROOM</p>
<p align="right"><a href="/press/releases/js2696.htm?print=1">printer-friendly version</a></p>
<p class="date">{s["date_line"]}<br>
{s["number"]}</p>
<p class="headline"><b>{title_html}</b></p>
{ps(s)}
<p align="center">-30-</p>
</td>
</tr>
<tr><td colspan="2" class="footer"><a href="/privacy.html">Privacy Policy</a> | <a href="/foia/">FOIA</a> | <a href="/accessibility.html">Accessibility</a> | <a href="http://www.firstgov.gov">FirstGov.gov</a></td></tr>
</table>
</body>
</html>
""")
    if i == "paris_pop":
        return ("utf-8", f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{T} | Espace presse Ville de Paris</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{Tq}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Espace presse de la Ville de Paris">
<link rel="stylesheet" href="/assets/application.css">
</head>
<body class="press-release">
<header class="site-header">
  <a class="logo" href="/"><img src="/assets/logo-paris.svg" alt="Paris"> <span>Espace presse</span></a>
  <nav class="main-nav"><a href="/press_releases">Communiqués</a> <a href="/press_kits">Dossiers de presse</a> <a href="/agenda">Agenda de la Maire</a> <a href="/photos">Photothèque</a> <a href="/contacts">Contacts presse</a></nav>
  <form class="search" action="/search"><input type="search" name="q" placeholder="Rechercher"></form>
</header>
<nav class="breadcrumb" aria-label="Fil d'Ariane"><a href="/">Accueil</a> › <a href="/press_releases">Communiqués</a> › <span>Polluants organiques persistants</span></nav>
<main>
<article class="press-release-show">
  <span class="tag">Communiqué</span>
  <h1>{T}</h1>
  <p class="date"><time datetime="{d.isoformat()}">{s["date_line"]}</time></p>
  <div class="chapo">
{ps(s)}
  </div>
  <p class="download"><a href="/press_releases/download.pdf">Télécharger le communiqué (PDF)</a></p>
  <div class="share">Partager : <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">E-mail</a></div>
</article>
<aside class="related">
  <h2>Autres communiqués</h2>
  <ul>
    <li><a href="#">Inauguration du quai Valéry Giscard d’Estaing : discours d’Anne Hidalgo</a> <span class="date">9 mai 2023</span></li>
    <li><a href="#">GOUVERNANCE LOCALE, IMPACT GLOBAL RENCONTRES DES MAIRES FRANCOPHONES A PARIS</a> <span class="date">28 avril 2023</span></li>
  </ul>
</aside>
</main>
<footer class="site-footer"><a href="https://www.paris.fr">paris.fr</a> · <a href="/mentions-legales">Mentions légales</a> · <a href="/accessibilite">Accessibilité : partiellement conforme</a> · <a href="/cookies">Gestion des cookies</a></footer>
</body>
</html>
""")
    if i == "berlin_corona":
        return ("utf-8", f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{T} - Berlin.de</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Senatorin Kalayci: Das Coronavirus breitet sich weiter aus.">
<link rel="stylesheet" href="/i9f/r1/css/style.css">
</head>
<body>
<div id="top" class="html5-header">
  <a class="skiplink" href="#layout-grid__area--maincontent">Zum Inhalt springen</a>
  <div class="portal-logo"><a href="/">Berlin.de</a> <span>Das offizielle Hauptstadtportal</span></div>
  <ul class="lang-switch"><li><a href="/sen/gpg/">Deutsch</a></li><li><a href="/sen/gpg/en/">English</a></li><li><a href="/sen/gpg/leichte-sprache/">Leichte Sprache</a></li><li><a href="/sen/gpg/gebaerdensprache/">Gebärdensprache</a></li></ul>
  <div class="institution">Senatsverwaltung für Gesundheit, Pflege und Gleichstellung</div>
  <nav class="mainnav"><a href="/sen/gpg/gesundheit/">Gesundheit</a> <a href="/sen/gpg/pflege/">Pflege</a> <a href="/sen/gpg/gleichstellung/">Gleichstellung</a> <a href="/sen/gpg/service/">Service</a> <a href="/sen/gpg/ueber-uns/">Über uns</a></nav>
</div>
<div class="breadcrumb">Sie sind hier: <a href="/sen/gpg/">Startseite</a> » <a href="/sen/gpg/service/">Service</a> » <a href="/sen/gpg/service/presse/">Presse</a> » <a href="/sen/gpg/service/presse/2020/">Pressemitteilungen 2020</a> » Coronavirus: Gesundheitssenat erwirkt Untersagung von Veranstaltungen</div>
<div class="infobox">
  <h2>Coronavirus in Berlin</h2>
  <p>Zentrale Informationen der Berliner Verwaltung zum Coronavirus finden Sie unter: <a href="/corona/">berlin.de/corona</a></p>
</div>
<div id="layout-grid__area--maincontent">
<article class="article">
  <h1 class="title">{T}</h1>
  <p class="polis-presse-details">{s["date_line"]}</p>
  <div class="textile">
{ps(s)}
  </div>
  <div class="share">Teilen: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">E-Mail</a> <a href="javascript:window.print()">Drucken</a></div>
</article>
<aside class="sidebar">
  <h2>Weitere Pressemitteilungen</h2>
  <ul><li><a href="/sen/archiv/gpg-2016-2021/2020/pressemitteilung.892840.php">Pressestatement zur Ankunft der Rückkehrerinnen und Rückkehrer aus Wuhan in Berlin</a> <span>Pressemitteilung vom 09.02.2020</span></li></ul>
  <p><a href="/sen/gpg/service/presse/2020/">Alle Pressemitteilungen 2020</a></p>
</aside>
</div>
<footer class="html5-footer"><a href="/sen/gpg/impressum/">Impressum</a> | <a href="/sen/gpg/datenschutz/">Datenschutzerklärung</a> | <a href="/sen/gpg/barrierefreiheit/">Erklärung zur Barrierefreiheit</a> | <a href="/sen/gpg/kontakt/">Kontakt</a></footer>
</body>
</html>
""")
    if i == "hhs_minority":
        return ("iso-8859-1", f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>HHS Fact Sheet: Protecting the Health of Minority Communities</title>
<meta name="keywords" content="minority health, health disparities, HHS, fact sheet">
<link rel="stylesheet" href="/css/hhs_main.css" type="text/css">
</head>
<body>
<a href="#content" class="skipnav">Skip Navigation</a>
<div id="header">
  <a href="/"><img src="/images/hhs_logo.gif" alt="United States Department of Health &amp; Human Services" width="300" height="60"></a>
  <div class="toplinks"><a href="/">HHS Home</a> | <a href="/questions/">Questions?</a> | <a href="/contacts/">Contact Us</a> | <a href="/sitemap.html">Site Map</a></div>
  <form action="/search/" class="search"><input type="text" name="q" size="18"> <input type="submit" value="Search"></form>
</div>
<div id="leftnav">
  <p class="navhead">News</p>
  <ul><li><a href="/news/press/">Press Releases</a></li><li><a href="/news/factsheet/">Fact Sheets</a></li><li><a href="/news/speech/">Speeches</a></li><li><a href="/asl/testify/">Testimony</a></li><li><a href="/news/broadcast/">Broadcast News Service</a></li></ul>
</div>
<div id="content">
<p class="breadcrumb"><a href="/">HHS Home</a> &gt; <a href="/news/">News</a> &gt; <a href="/news/factsheet/">Fact Sheets</a></p>
<p class="tools"><a href="javascript:window.print()">Print</a> | <a href="http://www.adobe.com/products/acrobat/readstep2.html">Download Reader</a> | <a href="/news/factsheet/minorityhealth.pdf">PDF</a></p>
<p class="doctype">{s["label"]}</p>
<table width="100%" border="0"><tr>
<td align="left" valign="top"><b>FOR IMMEDIATE RELEASE</b><br>{s["date_line"]}</td>
<td align="right" valign="top">Contact: HHS Press Office<br>(202) 690-6343</td>
</tr></table>
<h1 align="center">{T}</h1>
{ps(s)}
</div>
<div id="footer">
  <p><a href="/">HHS Home</a> | <a href="/questions/">Questions?</a> | <a href="/contacts/">Contact HHS</a> | <a href="/Accessibility.html">Accessibility</a> | <a href="/Privacy.html">Privacy Policy</a> | <a href="/foia/">FOIA</a> | <a href="/Disclaimer.html">Disclaimers</a> | <a href="http://www.firstgov.gov/">FirstGov</a></p>
  <p>U.S. Department of Health &amp; Human Services &middot; 200 Independence Avenue, S.W. &middot; Washington, D.C. 20201</p>
</div>
</body>
</html>
""")
    if i == "dhsc_ivf":
        ld = json.dumps({"@context": "http://schema.org", "@type": "NewsArticle", "headline": s["title"],
                         "description": s["standfirst"], "datePublished": f"{d.isoformat()}T10:15:00+01:00",
                         "dateModified": f"{d.isoformat()}T10:15:00+01:00",
                         "mainEntityOfPage": "https://www.gov.uk/government/news/ivf-law-change-to-benefit-couples-with-fertility-issues",
                         "publisher": {"@type": "Organization", "name": "GOV.UK", "url": "https://www.gov.uk"}},
                        ensure_ascii=False)
        return ("utf-8", f"""<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
<meta charset="utf-8">
<title>{T} - GOV.UK</title>
<meta name="description" content="{hesc(s["standfirst"])}">
<meta property="og:title" content="{Tq}">
<meta property="og:site_name" content="GOV.UK">
<meta name="govuk:format" content="news_article">
<meta name="govuk:primary-publishing-organisation" content="Department of Health and Social Care">
<link rel="canonical" href="https://www.gov.uk/government/news/ivf-law-change-to-benefit-couples-with-fertility-issues">
<script type="application/ld+json">{ld}</script>
</head>
<body class="govuk-template__body">
<div id="global-cookie-message" class="gem-c-cookie-banner"><p>We use some essential cookies to make this website work.</p><button>Accept additional cookies</button> <button>Reject additional cookies</button></div>
<header class="gem-c-layout-header" role="banner">
  <a href="https://www.gov.uk/" class="govuk-header__link--homepage">GOV.UK</a>
  <nav aria-label="Menu"><a href="/browse">Services and information</a> <a href="/government/organisations">Government activity</a></nav>
</header>
<div class="govuk-width-container">
  <nav class="gem-c-breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/health-and-social-care">Health and social care</a></li><li><a href="/health-and-social-care/public-health">Public health</a></li></ol></nav>
  <main id="content" role="main">
    <div class="gem-c-title"><span class="gem-c-title__context">Press release</span>
    <h1 class="gem-c-title__text">{T}</h1></div>
    <p class="gem-c-lead-paragraph">{hesc(s["standfirst"], quote=False)}</p>
    <div class="gem-c-metadata"><dl>
      <dt>From:</dt><dd><a href="/government/organisations/department-of-health-and-social-care">Department of Health and Social Care</a> and <a href="/government/people/maria-caulfield">Maria Caulfield MP</a></dd>
      <dt>Published</dt><dd>{d.day} {d:%B %Y}</dd>
    </dl></div>
    <div class="govuk-govspeak">
{ps(s)}
    </div>
    <div class="gem-c-share-links"><h2>Share this page</h2><a href="#">Facebook</a> <a href="#">Twitter</a></div>
  </main>
  <aside class="gem-c-related-navigation"><h2>Explore the topic</h2><ul><li><a href="/health-and-social-care/public-health">Public health</a></li><li><a href="/health-and-social-care/nhs">National Health Service</a></li></ul></aside>
</div>
<footer class="govuk-footer"><ul><li><a href="/help">Help</a></li><li><a href="/help/privacy-notice">Privacy</a></li><li><a href="/help/cookies">Cookies</a></li><li><a href="/help/accessibility-statement">Accessibility statement</a></li><li><a href="/contact">Contact</a></li></ul>
<p>All content is available under the <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>, except where otherwise stated</p><p>© Crown copyright</p></footer>
</body>
</html>
""")
    if i == "mol_nye":
        stamp = f"{d.isoformat()}T10:00:00+01:00"
        return ("utf-8", f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{T} | London City Hall</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="og:site_name" content="London City Hall">
<meta property="og:type" content="article">
<meta property="og:title" content="{Tq}">
<meta property="article:published_time" content="{stamp}">
<link rel="canonical" href="https://www.london.gov.uk/press-releases/mayoral/new-years-eve-celebrations-return-banks-thames">
</head>
<body class="path-node page-node-type-press-release">
<a href="#main-content" class="visually-hidden focusable">Skip to main content</a>
<header class="site-header">
  <a href="/" class="site-logo"><span>MAYOR OF LONDON</span> <span>LONDON ASSEMBLY</span></a>
  <nav class="main-menu"><a href="/programmes-strategies">What we do</a> <a href="/who-we-are">Who we are</a> <a href="/get-involved">Get involved</a> <a href="/media-centre">Media centre</a> <a href="/search">Search</a></nav>
</header>
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/media-centre">Media centre</a></li><li><a href="/media-centre/mayors-press-releases">Mayor's press releases</a></li></ol></nav>
<main id="main-content">
<article class="press-release">
  <p class="press-release__type">Mayor's Press Release</p>
  <h1 class="page-title">{T}</h1>
  <div class="press-release__date"><time datetime="{stamp}">{s["date_line"]}</time></div>
  <div class="field--name-body">
{ps(s)}
  </div>
  <div class="share-this">Share this page: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
</article>
<aside class="related-content">
  <h2>Related press releases</h2>
  <ul><li><a href="/press-releases/mayoral/affordable-housing-starts-jump">Mayor of London defies economic headwinds to deliver another jump in housing starts</a> <span>13 February 2023</span></li></ul>
</aside>
</main>
<footer class="site-footer"><p>Greater London Authority, City Hall, Kamal Chunchie Way, London E16 1ZE</p><p><a href="/about-us/privacy">Privacy</a> | <a href="/about-us/accessibility">Accessibility</a> | <a href="/about-us/cookies">Cookies</a> | <a href="/about-us/contact-us">Contact us</a></p></footer>
</body>
</html>
""")
    raise KeyError(i)


# text files
def wrap(text, width=70):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    lines.append(cur)
    return "\n".join(lines)


def body_lines(s, bullet="\u2022 ", hard=None):
    res = []
    for kind, text in blocks(s):
        if kind == "bullet":
            res.append(bullet + text)
        else:
            t = text if hard is None else "\n".join(wrap(x, hard) for x in text.split("\n"))
            res.append(t)
    return res


def text_file(s):
    """returns (encoding label, bytes, line endings)"""
    i = s["id"]
    if i == "js2697":
        t = "\n".join(["U.S. DEPARTMENT OF THE TREASURY", "OFFICE OF PUBLIC AFFAIRS", "", s["date_line"], s["number"], "",
                       s["label"], s["title"], "",
                       s["blocks"][0][1], "", s["blocks"][1][1], "", s["blocks"][2][1], s["blocks"][3][1], ""])
        return "ASCII (US-ASCII)", t.replace("\n", "\r\n").encode("ascii"), "CRLF"
    if i == "paris_ase":
        t = "\n".join(["VILLE DE PARIS", "Service de presse", "", "COMMUNIQUÉ DE PRESSE", "Paris, le lundi 17 octobre", "",
                       s["title"], ""] + [x + "\n" for x in body_lines(s)])
        return "UTF-8 with BOM", b"\xef\xbb\xbf" + t.encode("utf-8"), "LF"
    if i == "berlin_pandemieplan":
        lines = ["Senatsverwaltung für Gesundheit, Soziales und Verbraucherschutz", "Pressestelle", "",
                 s["date_line"], "", s["title"], ""]
        for x in body_lines(s):
            lines += [x, ""]
        t = "\n".join(lines)
        return "Windows-1252", t.replace("\n", "\r\n").encode("cp1252"), "CRLF"
    if i == "hmt_1998":
        lines = ["HM TREASURY", "Parliament Street, London SW1P 3AG", "", "NEWS RELEASE", "", s["date_line"], "",
                 s["title"], ""]
        for x in body_lines(s, hard=70):
            lines += [x, ""]
        return "UTF-8", "\n".join(lines).encode("utf-8"), "LF"
    if i == "mol_housing":
        lines = ["MAYOR OF LONDON", "PRESS RELEASE", s["date_line"], "", s["title"], ""]
        bl = body_lines(s)
        nb = sum(1 for k, _ in blocks(s, {"bullet"}))
        lines += bl[:nb] + [""]
        for x in bl[nb:]:
            lines += [x, ""]
        t = "\n".join(lines)
        return "UTF-16 LE with BOM", t.replace("\n", "\r\n").encode("utf-16"), "CRLF"
    if i == "es_madrid_agenda":
        lines = ["DELEGACIÓN DEL GOBIERNO EN MADRID", "Gabinete de Prensa", "", "NOTA DE PRENSA", s["date_line"], "",
                 s["title"], ""]
        for x in body_lines(s):
            lines += [x, ""]
        return "UTF-8", "\n".join(lines).encode("utf-8"), "LF"
    raise KeyError(i)


def md_file(s):
    i = s["id"]
    bl = body_lines(s, bullet="- ")
    body = []
    prev_bullet = False
    for (kind, _), x in zip(blocks(s), bl):
        if kind == "bullet":
            body.append(x)
            prev_bullet = True
        else:
            if prev_bullet:
                body.append("")
            body += [x, ""]
            prev_bullet = False
    if prev_bullet:
        body.append("")
    body_txt = "\n".join(body).rstrip("\n") + "\n"
    if i == "nyc_citibike":
        return (f"**{s['title']}**\n\n*FOR IMMEDIATE RELEASE: {s['date_line']}*\n\n> {s['standfirst']}\n\n" + body_txt)
    if i == "paris_consigne":
        return ("---\n" f"title: \"{s['title']}\"\n" f"date: {day(s).isoformat()}\n" "type: communiqué\n"
                "source: Ville de Paris – Service de presse\n" "---\n\n" + body_txt)
    if i == "scot_nhs2017":
        return ("---\n" f"title: {s['title']}\n" f"date: \"{day(s).isoformat()}T09:30:00+01:00\"\n"
                f"description: {s['standfirst']}\n" "topics: [Health and social care]\n" "publisher: Scottish Government\n"
                "---\n\n" + body_txt)
    if i == "hmt_southafrica":
        return ("---\n" f"title: \"{s['title']}\"\n" f"date: {day(s).isoformat()}T10:30:00+01:00\n"
                f"summary: \"{s['standfirst']}\"\n" "department: HM Treasury\n" "type: Press release\n" "---\n\n" + body_txt)
    if i == "ho_borderforce":
        d = day(s)
        return (f"# {s['title']}\n\n*Press release · Home Office · {d.day} {d:%B %Y}*\n\n{s['standfirst']}\n\n" + body_txt)
    raise KeyError(i)


# helpers
def file_text(path, shape, enc=None):
    if shape == "e":
        return docx_text(path)
    if shape == "f":
        with tempfile.TemporaryDirectory() as td:
            pdftotext(path, os.path.join(td, "x.txt"), False)
            return open(os.path.join(td, "x.txt"), encoding="utf-8").read()
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        return raw.decode("utf-16")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def title_lines(txt, title):
    norm = lambda x: re.sub(r"\s+", " ", x).strip()
    lines = [norm(l) for l in txt.splitlines()]
    want = norm(title)
    for a in range(len(lines)):
        if lines[a] and want.startswith(lines[a]):
            acc = lines[a]
            b = a
            while len(acc) < len(want) and b + 1 < len(lines):
                b += 1
                acc = norm(acc + " " + lines[b])
            if acc == want:
                return b - a + 1
    return None


def filename_hint(name, d):
    pats = [f"{d.year}", f"{d:%d%m%y}", f"{d:%m%d%y}", f"{d:%y%m%d}", f"{d:%d%m%Y}", f"{d:%m%d%Y}", f"{d:%Y%m%d}"]
    return any(p in name for p in pats)


# main
def main():
    truth = []
    tmp = tempfile.mkdtemp(prefix="mc-build-")
    try:
        for s in SRC:
            path = out(s["file"])
            shape = s["shape"]
            t = s["truth"]
            rec = {"file": s["file"], "title": s["title"], "published": t["published"]}
            for k in ("time",):
                if k in t:
                    rec[k] = t[k]
            if "summary_skipped_lead" in t:
                rec["summary_skipped_lead"] = t["summary_skipped_lead"]
            rec["summary_starts"] = t["summary_starts"]
            if "summary_alt_starts" in t:
                rec["summary_alt_starts"] = t["summary_alt_starts"]
            rec.update(language=s["language"], shape=shape, publisher=s["publisher"], url=s["url"])
            extra = {}
            if shape == "a":
                spec = make_pdf_spec(s)
                pdf = os.path.join(tmp, s["id"] + ".pdf")
                build_pdf(pdf, s, spec)
                pdftotext(pdf, path, s.get("layout", False))
                extra["made_with"] = "reportlab PDF, then pdftotext -enc UTF-8" + (" -layout" if s.get("layout") else "") + " <pdf> <txt>"
                extra["pdf_font"] = {"helv": "Helvetica", "times": "Times-Roman", "dvsans": "DejaVuSans"}[spec.get("family", "helv")]
                extra["encoding"] = "UTF-8"
            elif shape == "f":
                spec = make_pdf_spec(s)
                pages = build_pdf(path, s, spec)
                d = day(s)
                extra["made_with"] = "reportlab 5.1.0"
                extra["pdf_creation_date"] = f"{d.isoformat()}T10:30:00Z"
                extra["pdf_font"] = {"helv": "Helvetica", "times": "Times-Roman", "dvsans": "DejaVuSans"}[spec.get("family", "helv")]
                extra["pdf_pages"] = pages
            elif shape == "e":
                created, tstyle = build_docx(path, s)
                extra["made_with"] = "python-docx"
                extra["docx_core_created"] = created
                extra["docx_title_style"] = tstyle
            elif shape == "c":
                enc, html = html_page(s)
                with open(path, "wb") as f:
                    f.write(html.encode(enc))
                extra["made_with"] = "hand-built HTML page in the site's style (make.py)"
                extra["encoding"] = {"utf-8": "UTF-8", "iso-8859-1": "ISO-8859-1"}[enc]
            elif shape == "b":
                enc, data, le = text_file(s)
                with open(path, "wb") as f:
                    f.write(data)
                extra["made_with"] = "plain text written by make.py"
                extra["encoding"] = enc
                extra["line_endings"] = le
            elif shape == "d":
                with open(path, "wb") as f:
                    f.write(md_file(s).encode("utf-8"))
                extra["made_with"] = "Markdown written by make.py"
                extra["encoding"] = "UTF-8"
                extra["line_endings"] = "LF"
            txt = file_text(path, shape)
            year = t["published"][:4]
            yit = year in txt
            if "year_in_text" in t and t["year_in_text"] != yit:
                sys.exit(f"{s['file']}: year_in_text says {t['year_in_text']} but the file text says {yit}")
            if not yit and "mtime" not in t:
                sys.exit(f"{s['file']}: no year in text; truth needs an mtime a few days later")
            rec["mtime"] = t.get("mtime", t["published"] + "T12:00:00Z")
            rec["year_in_text"] = yit
            others = sorted(set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", txt)) - {year})
            if others:
                rec["other_years_in_text"] = others
            if "source_via" in s:
                rec["source_via"] = s["source_via"]
            if "body_note" in s:
                rec["body_note"] = s["body_note"]
            if "date_note" in t:
                rec["date_note"] = t["date_note"]
            rec["notes"] = t["notes"]
            rec["filename_has_date_hint"] = filename_hint(s["file"], day(s))
            rec.update(extra)
            if shape == "a":
                n = title_lines(txt, s["title"])
                if n is None:
                    sys.exit(f"{s['file']}: title not found in pdftotext output")
                rec["title_lines_in_file"] = n
            # the title and the summary opening must be findable in the file as written
            flat = re.sub(r"\s+", " ", txt)
            if re.sub(r"\s+", " ", s["title"]) not in flat and shape not in ("a",) and s["id"] != "js2696":
                sys.exit(f"{s['file']}: title not found verbatim")
            starts = [t["summary_starts"]] + ([t["summary_alt_starts"]] if isinstance(t.get("summary_alt_starts"), str)
                                              else t.get("summary_alt_starts", []))
            if not any(re.sub(r"\s+", " ", x) in flat for x in starts):
                sys.exit(f"{s['file']}: no summary opening found in the file text")
            truth.append(rec)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with open(out("truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"built {len(truth)} files and truth.json")


if __name__ == "__main__":
    main()
