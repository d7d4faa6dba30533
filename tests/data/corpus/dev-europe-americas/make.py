#!/usr/bin/env python3
"""Build the dev-europe-americas batch of the feedsvc evaluation corpus.

Run with /work/corpus-venv/bin/python make.py (from any directory). The release texts (title, date line,
paragraphs as published, with the URL they were taken from) are in sources.json beside this script. Everything
around them (letterheads, page chrome, labels, footers, front matter) is built here in each publisher's style.
Rebuilding gives the same bytes: PDFs get a fixed CreationDate (SOURCE_DATE_EPOCH + reportlab invariant mode,
fpdf2 set_creation_date), .docx packages get fixed core properties and zip member timestamps.

Shapes: a = text pdftotext (poppler) extracted from a reportlab PDF, b = plain text, c = saved web page,
d = Markdown, e = Word document (python-docx), f = PDF (reportlab; one with fpdf2).
"""
import calendar
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from html import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = {s["id"]: s for s in json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))}
FONTDIR = "/usr/share/fonts/truetype/dejavu"


def S(i):
    return SRC[i]


def out(name):
    return os.path.join(HERE, name)


def h(s):
    return escape(s, quote=False)


def epoch(iso):
    return calendar.timegm(dt.datetime.fromisoformat(iso).timetuple())


# plain text

def write_bytes(name, data):
    with open(out(name), "wb") as f:
        f.write(data)


def write_text(name, text, encoding="utf-8", newline="\n", bom=False):
    text = text.replace("\r\n", "\n").replace("\n", newline)
    if encoding == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
    write_bytes(name, data)


def wrap(par, width=72):
    return "\n".join(textwrap.wrap(par, width=width, break_long_words=False, break_on_hyphens=False))


# reportlab

_fonts = False


def fonts():
    global _fonts
    if _fonts:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.lib.fonts import addMapping
    for fam, it in (("DejaVuSans", "Oblique"), ("DejaVuSerif", "Italic"), ("DejaVuSansCondensed", "Oblique")):
        pdfmetrics.registerFont(TTFont(fam, f"{FONTDIR}/{fam}.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-Bold", f"{FONTDIR}/{fam}-Bold.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-Italic", f"{FONTDIR}/{fam}-{it}.ttf"))
        addMapping(fam, 0, 0, fam)
        addMapping(fam, 1, 0, fam + "-Bold")
        addMapping(fam, 0, 1, fam + "-Italic")
        addMapping(fam, 1, 1, fam + "-Bold")
    _fonts = True


def ps(name, font, size, lead=None, align="left", before=0, after=0, color=None, indent=0, first=0):
    fonts()
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib import colors
    al = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}[align]
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead or size * 1.3, alignment=al,
                          spaceBefore=before, spaceAfter=after, leftIndent=indent, firstLineIndent=first,
                          textColor=color or colors.black)


def P(text, style):
    from reportlab.platypus import Paragraph
    return Paragraph(h(text), style)


def build_pdf(path, story, created, footer, meta, margins=(25, 25, 22, 25), pages=None):
    """margins in mm: left, right, top, bottom. footer(canvas, doc, n) draws page furniture."""
    fonts()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(created))
    try:
        doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=margins[0] * mm, rightMargin=margins[1] * mm,
                                topMargin=margins[2] * mm, bottomMargin=margins[3] * mm, invariant=1,
                                title=meta.get("title", ""), author=meta.get("author", ""),
                                creator=meta.get("creator", ""), producer=meta.get("producer", "ReportLab PDF Library - www.reportlab.com"),
                                subject="")
        n = pages or 1

        def deco(canvas, d):
            canvas.saveState()
            footer(canvas, d, n)
            canvas.restoreState()

        doc.build(story, onFirstPage=deco, onLaterPages=deco)
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]


def pdftotext(pdf, txt, layout):
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


# PDFs

def pdf_cz_mfa_2014(path):
    r = S("cz-mfa-2014-zaoralek")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, HRFlowable
    grey = colors.HexColor("#555555")
    st = [
        P("MINISTRY OF FOREIGN AFFAIRS OF THE CZECH REPUBLIC", ps("lh1", "DejaVuSerif-Bold", 8.5, color=grey)),
        P("Loretánské náměstí 5, 118 00 Praha 1 · www.mzv.cz", ps("lh2", "DejaVuSerif", 7.5, color=grey)),
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=0.6, color=colors.HexColor("#1f3b73")),
        Spacer(1, 9 * mm),
        P("Issues and Press · 02.03.2014", ps("lab", "DejaVuSerif", 9, after=6, color=grey)),
        P(r["title"], ps("t", "DejaVuSerif-Bold", 19, lead=24, after=14)),
    ]
    st += [P(p, ps("b", "DejaVuSerif", 10.5, lead=15, after=8, align="justify")) for p in r["paragraphs"]]

    def foot(c, d, n):
        c.setFont("DejaVuSerif", 7.5)
        c.setFillColor(grey)
        c.drawCentredString(105 * mm, 12 * mm, "www.mzv.cz")
        c.drawRightString(185 * mm, 12 * mm, f"{d.page}/{n}")

    build_pdf(path, st, "2014-03-02T15:40:00", foot,
              {"title": r["title"], "author": "MZV ČR", "creator": "Microsoft® Word 2010"})


def pdf_fi_mfa_2004(path):
    r = S("fi-mfa-2004-moscow")
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, Table, TableStyle
    lh = ps("lh", "Helvetica", 7.5, lead=9)
    head = Table([[[P("ULKOASIAINMINISTERIÖ", lh), P("UTRIKESMINISTERIET", lh)],
                   P("MINISTRY FOR FOREIGN AFFAIRS OF FINLAND", ps("lh2", "Helvetica-Bold", 7.5, align="right"))]],
                 colWidths=[80 * mm, 80 * mm])
    head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    st = [head, Spacer(1, 14 * mm),
          P(r["number"], ps("n", "Helvetica-Bold", 9.5, after=2)),
          P(r["date_line"], ps("d", "Helvetica", 9.5, after=12)),
          P(r["title"], ps("t", "Helvetica-Bold", 17, lead=21, after=12))]
    st += [P(p, ps("b", "Helvetica", 10.5, lead=14.5, after=9)) for p in r["paragraphs"]]

    def foot(c, d, n):
        c.setFont("Helvetica", 7)
        c.drawString(25 * mm, 13 * mm, "Merikasarmi, PO Box 176, 00161 Helsinki, Finland")
        c.drawRightString(185 * mm, 13 * mm, "formin.finland.fi")

    build_pdf(path, st, "2004-02-06T16:25:00", foot, {"title": "Press release 37/2004", "author": "UM/VIE-30"})


def pdf_uy_2017(path):
    r = S("uy-mrree-2017-manchester")
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    st = [P("República Oriental del Uruguay", ps("l1", "Times-Italic", 9, align="center")),
          P("MINISTERIO DE RELACIONES EXTERIORES", ps("l2", "Times-Bold", 10, align="center")),
          P("Dirección de Prensa", ps("l3", "Times-Roman", 8.5, align="center")),
          Spacer(1, 12 * mm),
          P(r["label"], ps("lab", "Times-Bold", 11, align="center", after=8)),
          P(r["title"], ps("t", "Times-Bold", 20, lead=24, align="center", after=16))]
    st += [P(p, ps("b", "Times-Roman", 12, lead=16.5, after=10, align="justify", first=12 * mm)) for p in r["paragraphs"]]
    st += [Spacer(1, 6 * mm), P(r["closing"][0], ps("c", "Times-Roman", 12, align="right"))]

    def foot(c, d, n):
        c.setFont("Times-Roman", 8)
        c.drawCentredString(105 * mm, 12 * mm, "Colonia 1206 - Montevideo, Uruguay  ·  www.mrree.gub.uy")

    build_pdf(path, st, "2017-05-23T12:05:00", foot, {"title": "Comunicado de Prensa 39/17", "author": "Prensa MRREE"},
              margins=(28, 28, 20, 25))


def pdf_lu_fr_2020(path):
    r = S("lu-maee-2020-cisjordanie-fr")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    red = colors.HexColor("#b3272d")
    st = [P("LE GOUVERNEMENT", ps("g1", "DejaVuSans-Bold", 8, lead=9.5)),
          P("DU GRAND-DUCHÉ DE LUXEMBOURG", ps("g2", "DejaVuSans-Bold", 8, lead=9.5)),
          P("Ministère des Affaires étrangères et européennes", ps("g3", "DejaVuSans", 8, lead=10)),
          Spacer(1, 16 * mm),
          P("COMMUNIQUÉ DE PRESSE", ps("lab", "DejaVuSans-Bold", 9, color=red, after=4)),
          P("Luxembourg, le 6 novembre 2020", ps("d", "DejaVuSans", 9, after=14)),
          P(r["title"], ps("t", "DejaVuSans-Bold", 17, lead=21.5, after=14))]
    st += [P(p, ps("b", "DejaVuSans", 10, lead=14, after=8, align="justify")) for p in r["paragraphs"]]
    st += [Spacer(1, 4 * mm), P(r["closing"][0], ps("c", "DejaVuSans-Italic", 9))]

    def foot(c, d, n):
        c.setFont("DejaVuSans", 7)
        c.drawString(25 * mm, 12 * mm, "Ministère des Affaires étrangères et européennes · 9, rue du Palais de Justice · L-1841 Luxembourg")
        c.drawRightString(185 * mm, 12 * mm, f"{d.page}")

    build_pdf(path, st, "2020-11-06T17:02:00", foot, {"title": "Déclaration Cisjordanie", "author": "MAEE"})


def pdf_cz_gov_ostrava(path):
    r = S("cz-gov-2008-ostrava")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    st = [P("GOVERNMENT OF THE CZECH REPUBLIC", ps("g", "DejaVuSansCondensed-Bold", 9, lead=11)),
          P("Office of the Government · Press Department", ps("g2", "DejaVuSansCondensed", 8, lead=10)),
          Spacer(1, 12 * mm),
          P(r["section"], ps("s", "DejaVuSansCondensed-Bold", 9, color=colors.HexColor("#8a1c1c"), after=2)),
          P(r["date_line"], ps("d", "DejaVuSansCondensed", 9, after=10)),
          P(r["title"], ps("t", "DejaVuSansCondensed-Bold", 21, lead=26, after=14))]
    st += [P(p, ps("b", "DejaVuSansCondensed", 11, lead=15, after=9)) for p in r["paragraphs"]]
    st += [Spacer(1, 5 * mm), P(r["closing"][0], ps("c", "DejaVuSansCondensed-Italic", 10.5))]

    def foot(c, d, n):
        c.setFont("DejaVuSansCondensed", 7.5)
        c.drawString(25 * mm, 12 * mm, "Nábřeží Edvarda Beneše 4, 118 01 Praha 1 · www.vlada.cz")
        c.drawRightString(185 * mm, 12 * mm, f"page {d.page}")

    build_pdf(path, st, "2008-04-11T10:25:00", foot, {"title": "Statement by Czech Premier", "author": "tiskový odbor ÚV"})


def pdf_cz_gov_nice(path):
    r = S("cz-gov-2016-nice")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    grey = colors.HexColor("#666666")
    st = [P("Úřad vlády nově přechází na doménu vlada.gov.cz. Více informací", ps("ban", "DejaVuSans", 7, color=grey, after=6)),
          P("Government of the Czech Republic", ps("g", "DejaVuSans-Bold", 11, after=1)),
          P("Members of the Government › Prime Minister › Speeches", ps("bc", "DejaVuSans", 7.5, color=grey, after=14)),
          P(r["date_line"], ps("d", "DejaVuSans", 8.5, color=grey, after=6)),
          P(r["title"], ps("t", "DejaVuSans-Bold", 18, lead=23, after=12))]
    st += [P(p, ps("b", "DejaVuSans", 10, lead=14.5, after=9)) for p in r["paragraphs"]]
    st += [P(r["closing"][0], ps("c", "DejaVuSans-Bold", 10, before=4, after=12)),
           P("print article   email   facebook   twitter", ps("sh", "DejaVuSans", 7.5, color=grey))]

    def foot(c, d, n):
        c.setFont("DejaVuSans", 7)
        c.setFillColor(grey)
        c.drawString(18 * mm, 10 * mm, "https://www.vlada.cz/en/clenove-vlady/premier/speeches/statement-of-prime-minister-bohuslav-sobotka-on-terrorist-attack-in-nice--146879/")
        c.drawRightString(192 * mm, 10 * mm, f"{d.page}/{n}")
        c.drawString(18 * mm, 287 * mm, "15. 7. 2016")
        c.drawRightString(192 * mm, 287 * mm, "Statement of Prime Minister Bohuslav Sobotka on terrorist attack in Nice | Government of the Czech Republic")

    build_pdf(path, st, "2016-07-15T11:02:00", foot, {"title": r["title"], "creator": "Mozilla/5.0 (Windows NT 6.1) Firefox/47.0",
                                                     "producer": "cairo 1.14.6 (http://cairographics.org)"},
              margins=(18, 18, 18, 18))


def pdf_fi_stt_2021(path):
    r = S("fi-mfa-2021-estonia-study")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    blue = colors.HexColor("#002f6c")
    st = [P("Ulkoministeriö", ps("p", "DejaVuSans-Bold", 10, color=blue)),
          P("Utrikesministeriet · Ministry for Foreign Affairs", ps("p2", "DejaVuSans", 8, color=blue, after=18)),
          P(r["title"], ps("t", "DejaVuSans-Bold", 20, lead=25, after=8)),
          P(r["date_line"], ps("d", "DejaVuSans", 8.5, color=colors.HexColor("#555555"), after=14))]
    st += [P(p, ps("b", "DejaVuSans", 10.5, lead=15.5, after=9)) for p in r["paragraphs"]]

    def foot(c, d, n):
        c.setFont("DejaVuSans", 7)
        c.drawString(22 * mm, 12 * mm, "STT Info · www.sttinfo.fi · Tiedote / Pressmeddelande / Press release")
        c.drawRightString(188 * mm, 12 * mm, f"{d.page} ({n})")

    build_pdf(path, st, "2021-03-09T10:05:00", foot, {"title": r["title"], "author": "STT Info"}, margins=(22, 22, 24, 22))


def pdf_lu_en_2020(path):
    r = S("lu-maee-2020-west-bank-en")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer, HRFlowable
    red = colors.HexColor("#b3272d")
    st = [P("THE GOVERNMENT OF THE GRAND DUCHY OF LUXEMBOURG", ps("g", "DejaVuSerif-Bold", 8)),
          P("Ministry of Foreign and European Affairs", ps("g2", "DejaVuSerif", 8, after=4)),
          HRFlowable(width="35%", thickness=1.2, color=red, hAlign="LEFT"),
          Spacer(1, 15 * mm),
          P("Press release", ps("lab", "DejaVuSerif-Italic", 10, after=2)),
          P("6 November 2020", ps("d", "DejaVuSerif", 10, after=16)),
          P(r["title"], ps("t", "DejaVuSerif-Bold", 22, lead=27, after=16))]
    st += [P(p, ps("b", "DejaVuSerif", 11, lead=16, after=9)) for p in r["paragraphs"]]
    st += [Spacer(1, 6 * mm), P(r["closing"][0], ps("c", "DejaVuSerif-Italic", 9.5))]

    def foot(c, d, n):
        c.setFont("DejaVuSerif", 7.5)
        c.drawString(25 * mm, 12 * mm, "maee.gouvernement.lu")
        c.drawRightString(185 * mm, 12 * mm, f"Page {d.page} of {n}")

    build_pdf(path, st, "2020-11-06T17:10:00", foot, {"title": r["title"], "author": "MAEE - Direction des affaires politiques"},
              margins=(25, 25, 22, 25))


def pdf_cz_gov_osetia(path):
    r = S("cz-gov-2008-south-osetia")
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer
    st = [P("Government of the Czech Republic", ps("g", "DejaVuSerif-Bold", 9)),
          P("Press Releases", ps("s", "DejaVuSerif-Italic", 9, after=22)),
          P(r["date_line"], ps("d", "DejaVuSerif", 10, after=10)),
          P(r["title"], ps("t", "DejaVuSerif-Bold", 24, lead=30, after=20))]
    for b in r["blocks"]:
        st.append(P(b["heading"], ps("hh", "DejaVuSerif-Bold", 12.5, lead=16, before=8, after=8)))
        st += [P(p, ps("b", "DejaVuSerif", 12, lead=18.5, after=10, align="justify")) for p in b["paragraphs"]]
    st.append(P("print article   email   facebook   twitter", ps("sh", "DejaVuSerif", 8, before=14,
                                                                     color=colors.HexColor("#777777"))))

    def foot(c, d, n):
        c.setFont("DejaVuSerif", 7.5)
        c.drawString(30 * mm, 14 * mm, "www.vlada.cz/en/media-centrum/tiskove-zpravy/")
        c.drawRightString(180 * mm, 14 * mm, f"Page {d.page} of {n}")

    build_pdf(path, st, "2008-08-08T13:05:00", foot, {"title": "Aug 8.: Position of Czech Premier", "author": "Press Department"},
              margins=(30, 30, 40, 30), pages=2)


def pdf_lu_fpdf_2021(path):
    r = S("lu-maee-2021-declaration-commune")
    from fpdf import FPDF
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(dt.datetime(2021, 2, 10, 15, 12, 0, tzinfo=dt.timezone.utc))
    pdf.set_title("Déclaration commune Asselborn Fayot")
    pdf.set_author("MAEE")
    pdf.set_creator("MAEE")
    pdf.add_font("DejaVu", "", f"{FONTDIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONTDIR}/DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", f"{FONTDIR}/DejaVuSans-Oblique.ttf")
    pdf.set_margins(24, 20, 24)
    pdf.set_auto_page_break(True, 22)

    def footer():
        pdf.set_y(-15)
        pdf.set_font("DejaVu", "", 7)
        pdf.cell(0, 5, f"maee.gouvernement.lu  –  page {pdf.page_no()}/{{nb}}", align="C")

    pdf.footer = footer
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 7.5)
    pdf.cell(0, 4, "LE GOUVERNEMENT DU GRAND-DUCHÉ DE LUXEMBOURG", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 7.5)
    pdf.cell(0, 4, "Ministère des Affaires étrangères et européennes", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(14)
    pdf.set_font("DejaVu", "B", 9)
    pdf.set_text_color(179, 39, 45)
    pdf.cell(0, 5, "Communiqué de presse  |  10.02.2021", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(5)
    pdf.set_font("DejaVu", "B", 17)
    pdf.multi_cell(0, 8, r["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 10)
    for p in r["paragraphs"]:
        pdf.multi_cell(0, 5.4, p, align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(4)
    pdf.set_font("DejaVu", "I", 9)
    pdf.multi_cell(0, 5, r["closing"][0], new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)


def build_a():
    tmp = tempfile.mkdtemp()
    for fn, name, layout in ((pdf_cz_mfa_2014, "MZV_Zaoralek_Kiselev_02032014.txt", True),
                             (pdf_fi_mfa_2004, "PR 37-2004 Tuomioja Moscow explosion.txt", False),
                             (pdf_uy_2017, "comunicado_39-17_manchester.txt", True),
                             (pdf_lu_fr_2020, "Declaration_Asselborn_Cisjordanie_061120.txt", False),
                             (pdf_cz_gov_ostrava, "Ostrava tram crash - statement PM.txt", True)):
        pdf = os.path.join(tmp, name[:-4] + ".pdf")
        fn(pdf)
        pdftotext(pdf, out(name), layout)
    shutil.rmtree(tmp, ignore_errors=True)


def build_f():
    pdf_cz_gov_nice(out("Sobotka_Nice_statement.pdf"))
    pdf_fi_stt_2021(out("STT_UM_Finland_Estonia_study.pdf"))
    pdf_lu_en_2020(out("PR_MAEE_West_Bank_06112020.pdf"))
    pdf_cz_gov_osetia(out("Aug 8 Topolanek South Osetia.pdf"))
    pdf_lu_fpdf_2021(out("Declaration commune Asselborn Fayot.pdf"))


# plain text (b)

def build_b():
    # Polish MFA: press office text, CRLF, plain ASCII
    r = S("pl-mfa-2016-turkey-ivory-coast")
    t = "\n".join(["MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF POLAND", "Press Office", "", r["date_line"], "",
                   r["title"], "", r["lead"], "", *sum(([p, ""] for p in r["paragraphs"]), []),
                   "", *r["closing"], ""])
    write_text("MFA_statement_Turkey_IvoryCoast.txt", t, encoding="ascii", newline="\r\n")

    # Cuba: blog post copied to a text file, UTF-8 with BOM, hard-wrapped
    r = S("cu-minrex-2018-trump")
    t = "\n".join([r["title"], "", "Foto: Cubaminrex", "", *sum(([wrap(p, 70), ""] for p in r["paragraphs"]), []),
                   *r["closing"], ""])
    write_text("Declaracion MINREX Trump 12-01-2018.txt", t, bom=True)

    # Czech Government: one line per paragraph, header lines as on the site, LF, UTF-8 without BOM
    r = S("cz-gov-2008-kocka")
    t = "\n".join(["Government of the Czech Republic", r["section"], r["date_line"], "", r["title"], "",
                   *r["paragraphs"], "", *r["closing"], ""])
    write_text("condolences_kocka_family.txt", t)

    # Venezuelan embassy in Berlin: UTF-16 LE with BOM, CRLF
    r = S("ve-mppre-2017-barcelona-de")
    t = "\n".join(["Botschaft der Bolivarischen Republik Venezuela in der Bundesrepublik Deutschland", "",
                   r["title"], "", *sum(([p, ""] for p in r["paragraphs"]), []), *r["closing"], ""])
    write_text("Erklärung Barcelona 17.08.2017.txt", t, encoding="utf-16", newline="\r\n")

    # Finnish Ministry of Defence: title first, then ministry/date/type lines, Windows-1252, hard-wrapped at 76
    r = S("fi-mod-2022-pevkur")
    t = "\n".join([r["title"], "", "Ministry of Defence", r["date_line"], r["label"], "",
                   *sum(([wrap(p, 76), ""] for p in r["paragraphs"]), []), wrap(r["closing"][0], 76), ""])
    write_text("PR_Pevkur_visit_9-8-2022.txt", t, encoding="cp1252")


# web pages (c)

def paras_html(ps_, indent="      ", cls=None):
    c = f' class="{cls}"' if cls else ""
    return "\n".join(f"{indent}<p{c}>{h(p)}</p>" for p in ps_)


def html_cz_mfa_2022():
    r = S("cz-mfa-2022-summons")
    a = S("cz-mfa-2014-zaoralek")
    b = S("cz-mfa-2005-london")
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{h(r['title'])}</title>
<meta name="description" content="Ministry of Foreign Affairs of the Czech Republic" />
<link rel="stylesheet" type="text/css" href="/file/css/jnp_screen.css" media="screen" />
</head>
<body>
<div id="page">
  <div id="header">
    <a href="/jnp/en/index.html" id="logo"><img src="/file/img/logo_en.gif" alt="Ministry of Foreign Affairs of the Czech Republic" /></a>
    <div id="lang"><a href="/jnp/cz/index.html">česky</a> &nbsp; <span class="active">english</span></div>
    <form id="search" action="/jnp/en/search.html"><input type="text" name="q" /> <a href="/jnp/en/search_advanced.html">Advanced search</a></form>
    <a href="#menu" class="skip">Skip to menu</a>
  </div>
  <div id="breadcrumb"><a href="/jnp/en/index.html">Home</a> › <a href="/jnp/en/issues_and_press/index.html">Issues and Press</a> › <a href="/jnp/en/issues_and_press/mfa_statements/index.html">MFA Statements</a></div>
  <div id="content">
    <div class="article">
      <div class="article_photo"><img src="/public/1c/7e/c6/cerninsky_palac.jpg" alt="{h(r['photo_caption'])}" /><br /><span class="photo_author">{h(r['photo_credit'])}</span></div>
      <ul class="article_tools"><li>Article notification</li><li><a href="javascript:print()">Print</a></li><li>Decrease font size</li><li>Increase font size</li></ul>
      <p class="date">23.02.2022</p>
      <h2>{h(r['title'])}</h2>
      <div class="article_body">
{paras_html(r['paragraphs'], '        ')}
      </div>
    </div>
  </div>
  <div id="right">
    <h3>Archive</h3>
    <ul class="archive">
      <li><span class="date">02.03.2014</span> <a href="/jnp/en/issues_and_press/x2014_03_02_minister_zaoralek_protests_to_the_russian_ambassador_on_steps_taken_in_ukraine.html">{h(a['title'])}</a></li>
      <li><span class="date">08.07.2005</span> <a href="/jnp/en/issues_and_press/archive/statements/x2005/statement_of_the_mfa_on_the_terrorist_4.html">{h(b['title'])}</a></li>
    </ul>
  </div>
  <div id="footer" class="clear">
    <p><a href="/jnp/en/contacts.html">Contacts</a> | <a href="/jnp/en/sitemap.html">Site map</a> | <a href="/jnp/en/accessibility.html">Accessibility statement</a></p>
    <p>© 2022 Ministry of Foreign Affairs of the Czech Republic, Loretánské náměstí 5, 118 00 Praha 1</p>
  </div>
</div>
</body>
</html>
"""


def html_lu_afkari_en():
    r = S("lu-maee-2020-afkari-en")
    wb = S("lu-maee-2020-west-bank-en")
    j = S("lu-maee-2021-declaration-commune")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{h(r['title'])} - Ministry of Foreign and European Affairs - Luxembourg</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article">
<meta property="og:title" content="{h(r['title'])}">
<meta property="og:site_name" content="Ministry of Foreign and European Affairs">
<meta property="article:published_time" content="2020-09-15T14:10:31+02:00">
<meta name="DC.language" content="en">
<link rel="canonical" href="https://maee.gouvernement.lu/en/actualites.gouvernement%2Ben%2Bactualites%2Btoutes_actualites%2Bcommuniques%2B2020%2B09-septembre%2B15-asselborn-declaration-iran.html">
</head>
<body class="page-actualite">
<header class="header">
  <a class="logo" href="/en.html"><img src="/dam-assets/logos/maee-en.svg" alt="The Government of the Grand Duchy of Luxembourg - Ministry of Foreign and European Affairs"></a>
  <ul class="lang-switch"><li><a href="/fr.html" lang="fr">FR</a></li><li><a href="/de.html" lang="de">DE</a></li><li class="active"><a href="/en.html" lang="en">EN</a></li></ul>
  <nav class="nav-main"><ul><li><a href="/en/le-ministere.html">The ministry</a></li><li><a href="/en/directions-du-ministere.html">Directorates</a></li><li class="active"><a href="/en/actualites.html">News</a></li><li><a href="/en/services-aux-citoyens.html">Services</a></li></ul></nav>
</header>
<ol class="breadcrumb"><li><a href="/en.html">Home</a></li><li><a href="/en/actualites.html">News</a></li><li>Press releases</li></ol>
<main>
  <article class="article">
    <div class="article-metas"><time datetime="2020-09-15">15.09.2020</time> <span class="article-type">Press release</span></div>
    <h1 class="article-title">{h(r['title'])}</h1>
    <div class="article-content">
{paras_html(r['paragraphs'], '      ')}
      <p class="article-source">{h(r['closing'][0])}</p>
    </div>
    <div class="share">Share this page <a href="https://www.facebook.com/sharer.php?u=">Facebook</a> <a href="https://twitter.com/intent/tweet?url=">Twitter</a> <a href="mailto:?subject=">E-mail</a> <a href="javascript:window.print()">Print</a></div>
    <p class="last-update">Last update <time datetime="2020-09-15">15.09.2020</time></p>
  </article>
  <aside class="related">
    <h2>Latest news</h2>
    <ul>
      <li><time datetime="2021-02-10">10.02.2021</time> <a href="/en/actualites/toutes_actualites/communiques/2021/02-fevrier/10-asselborn-fayot-declaration.html">Joint statement by Ministers Jean Asselborn and Franz Fayot on demolitions in the occupied West Bank</a></li>
      <li><time datetime="2020-11-06">06.11.2020</time> <a href="/en/actualites/toutes_actualites/communiques/2020/11-novembre/06-west-bank.html">{h(wb['title'])}</a></li>
    </ul>
  </aside>
</main>
<footer class="footer">
  <ul><li><a href="/en/support/contact.html">Contact</a></li><li><a href="/en/support/accessibilite.html">Accessibility</a></li><li><a href="/en/support/aspects-legaux.html">Legal notice</a></li></ul>
  <p>© Ministry of Foreign and European Affairs - Luxembourg</p>
</footer>
</body>
</html>
"""


def html_mtl():
    r = S("mtl-2024-parc-eponge")
    p = r["paragraphs"]
    return f"""<!DOCTYPE html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<title>{h(r['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{h(r['title'])}">
<meta property="og:site_name" content="Cision">
<meta name="description" content="{h(p[0][:150])}">
<link rel="canonical" href="{r['url']}">
</head>
<body>
<header class="cision-header">
  <a href="/fr/" class="logo">Cision</a>
  <nav><a href="/fr/news/">Nouvelles</a> <a href="/fr/news/ville-de-montr%C3%A9al/">Ville de Montréal</a> <a href="/news-releases/">English</a></nav>
  <a href="/fr/contactez-nous/" class="cta">Envoyer un communiqué</a>
</header>
<main class="release-body container">
  <header class="release-header">
    <h1>{h(r['title'])}</h1>
    <div class="mm-source">Nouvelles fournies par<br><a href="/fr/news/ville-de-montr%C3%A9al/">Ville de Montréal</a></div>
    <p class="mb-no">22 avr, 2024</p>
    <div class="social-share">Partager cet article <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Courriel</a></div>
  </header>
  <section class="release-text">
    <p><span class="xn-location">MONTRÉAL</span>, le <span class="xn-chron">22 avril 2024</span> /CNW/ - {h(p[0].split('/CNW/ - ', 1)[1])}</p>
    <p>{h(p[1])}<br><br>{h(p[2])}</p>
    <p>{h(p[3]).replace('[email protected]', '<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="5d3e3c3f343c303b322e2e1d2b34313138733031">[email protected]</a>')}</p>
    <p>SOURCE Ville de Montréal</p>
  </section>
  <aside class="more-releases">
    <h3>Autres communiqués de Ville de Montréal</h3>
    <ul>
      <li><span class="date">23 avr, 2024</span> <a href="/fr/news-releases/le-plus-important-parc-eponge-de-montreal-verra-le-jour-dans-l-arrondissement-de-verdun-841893426.html">Le plus important parc éponge de Montréal verra le jour dans l'arrondissement de Verdun</a></li>
    </ul>
  </aside>
</main>
<footer class="cision-footer"><p>© 2024 Cision US Inc.</p><a href="/fr/conditions-d-utilisation/">Conditions d'utilisation</a> <a href="/fr/politique-de-confidentialite/">Politique de confidentialité</a></footer>
</body>
</html>
"""


def html_mx():
    r = S("mx-sre-2010-buenaventura")
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Presidencia de la República de Colombia - SP</title>
<link href="/css/sp.css" rel="stylesheet" type="text/css">
</head>
<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0">
<table width="780" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td colspan="2"><img src="/images/cabezote_sp.jpg" width="780" height="95" alt="Presidencia de la República de Colombia - Sistema Informativo del Gobierno"></td></tr>
  <tr>
    <td width="170" valign="top" class="menu">
      <a href="/sp/index.html">Inicio</a><br>
      <a href="/sp/noticias.html">Noticias</a><br>
      <a href="/sp/discursos.html">Discursos</a><br>
      <a href="/sp/comunicados.html">Comunicados</a><br>
      <a href="/sp/agenda.html">Agenda del Presidente</a><br>
      <a href="/sp/fotos.html">Galería de fotos</a>
    </td>
    <td width="610" valign="top" class="contenido">
      <p class="fecha">{h(r['day_header'])}</p>
      <p>&nbsp;</p>
      <p>&nbsp;</p>
      <h2 class="titulo">{h(r['title'])}</h2>
      <p class="texto">{h(r['lead'])}</p>
{paras_html(r['paragraphs'], '      ', 'texto')}
      <p class="imprimir"><a href="javascript:window.print()">Imprimir</a></p>
    </td>
  </tr>
  <tr><td colspan="2" class="pie">Presidencia de la República de Colombia - Casa de Nariño - Carrera 8 No.7-26 - Bogotá D.C.</td></tr>
</table>
</body>
</html>
"""


def html_ve_italia():
    r = S("ve-mppre-2016-italia")
    lh = "<br>\n        ".join(h(x) for x in r["letterhead"])
    return f"""<!DOCTYPE html>
<html lang="es-es" dir="ltr">
<head>
<meta charset="utf-8">
<base href="http://yaracuy.gob.ve/web/noticias/more/13455-Gobierno-de-Venezuela-expresa-condolencias-a-Italia-por-vctimas-del-terremoto">
<meta name="generator" content="Joomla! - Open Source Content Management">
<title>{h(r['title'])}</title>
</head>
<body class="site com_content view-article">
<div class="header">
  <a href="/web/"><img src="/web/images/banner_gobernacion.png" alt="Gobernación Bolivariana del Estado Yaracuy"></a>
  <ul class="nav menu"><li><a href="/web/">Inicio</a></li><li><a href="/web/gobernacion">Gobernación</a></li><li class="active"><a href="/web/noticias">Noticias</a></li><li><a href="/web/contacto">Contacto</a></li></ul>
</div>
<div class="item-page">
  <div class="page-header"><h2 itemprop="headline">{h(r['title'])}</h2></div>
  <dl class="article-info muted">
    <dd class="category-name">Categoría: <a href="/web/noticias">Noticias</a></dd>
    <dd class="published"><span class="icon-calendar"></span> Publicado: Miércoles, 24 Agosto 2016</dd>
    <dd class="hits">Visto: 312</dd>
  </dl>
  <div itemprop="articleBody">
    <p>{h(r['lead'])}</p>
    <p>&nbsp;</p>
    <p>{h(r['intro'])}</p>
    <p style="text-align: center;"><strong>{lh}</strong></p>
    <p style="text-align: center;"><strong>{h(r['label'])}</strong></p>
{paras_html(r['paragraphs'], '    ')}
    <p style="text-align: right;">{h(r['closing'][0])}</p>
  </div>
  <ul class="pager pagenav"><li class="previous"><a href="/web/noticias/more/13454">&lt; Anterior</a></li><li class="next"><a href="/web/noticias/more/13456">Siguiente &gt;</a></li></ul>
</div>
<div class="footer"><p>&copy; 2016 Gobernación Bolivariana del Estado Yaracuy</p></div>
</body>
</html>
"""


def build_c():
    write_text("x2022_02_23_czech_ministry_of_foreign_affairs.html", html_cz_mfa_2022())
    write_text("15-asselborn-declaration-iran.html", html_lu_afkari_en())
    write_text("avis-aux-medias-futur-parc-eponge-verdun.html", html_mtl())
    write_text("03252010_i.html", html_mx(), encoding="cp1252")
    write_text("13455-Gobierno-de-Venezuela-expresa-condolencias.html", html_ve_italia())


# Markdown (d)

def build_d():
    r = S("uy-mrree-2018-venezuela")
    t = "\n".join(["---", f"title: \"{r['title']}\"", "date: 2018-08-05", "tipo: Comunicado de Prensa", "numero: 61/18",
                   "fuente: Ministerio de Relaciones Exteriores - Dirección de Prensa", "---", "",
                   f"**{r['label']}**", "", *sum(([p, ""] for p in r["paragraphs"]), []), r["closing"][0], ""])
    write_text("comunicado-61-18-venezuela.md", t)

    r = S("lu-maee-2020-afkari-fr")
    t = "\n".join([f"# {r['title']}", "", "*15.09.2020*", "", *sum(([p, ""] for p in r["paragraphs"]), []),
                   f"_{r['closing'][0]}_", ""])
    write_text("declaration-asselborn-navid-afkari.md", t)

    r = S("fi-mfa-2008-mumbai")
    t = "\n".join(["---", f"title: \"{r['title']}\"", "date: \"11/28/2008\"", "category: News",
                   "source: Ministry for Foreign Affairs of Finland", "---", "",
                   *sum(([p, ""] for p in r["paragraphs"]), []), f"*{r['closing'][0]}*", ""])
    write_text("stubb-mumbai-condolences.md", t)

    r = S("cz-mfa-2005-london")
    t = "\n".join([f"**{r['title']}**", "", r["teaser"], "", *sum(([p, ""] for p in r["paragraphs"]), []),
                   f"_{r['closing'][0]}_", ""])
    write_text("Statement MFA London attacks.md", t)

    r = S("qc-msp-2026-melee-de-presse")
    p = r["paragraphs"]
    t = "\n".join(["---", f"title: \"{r['title']}\"", "date: \"2026-03-05\"", "lang: fr-CA",
                   "diffusion: CNW", "---", "", p[0], "", p[1], "", p[2], "", f"**{p[3]}**", "",
                   p[4] + "  ", p[5] + "  ", p[6], "", r["closing"][0], ""])
    write_text("invitation-melee-presse-securite-publique.md", t)


# Word (e)

def fix_zip(path, when):
    stamp = dt.datetime.fromisoformat(when).timetuple()[:6]
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def new_doc(created, author, title, font="Calibri", size=11):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    cp = d.core_properties
    t = dt.datetime.fromisoformat(created)
    cp.created = t
    cp.modified = t
    cp.last_printed = t
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.revision = 1
    return d


def para(d, text, bold=False, italic=False, size=None, align=None, style=None, after=None, color=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor
    p = d.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = {"c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT,
                       "j": WD_ALIGN_PARAGRAPH.JUSTIFY, "l": WD_ALIGN_PARAGRAPH.LEFT}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


def save_doc(d, name, created):
    d.save(out(name))
    fix_zip(out(name), created)


def docx_ve():
    r = S("ve-mppre-2023-uk")
    d = new_doc("2023-01-12T16:40:00", "Despacho MPPRE", "Comunicado", font="Arial", size=12)
    for line in ("REPÚBLICA BOLIVARIANA DE VENEZUELA", "MINISTERIO DEL PODER POPULAR", "PARA RELACIONES EXTERIORES"):
        para(d, line, bold=True, size=10, align="c", after=0)
    para(d, "", after=6)
    para(d, "COMUNICADO", bold=True, size=13, align="c", after=12)
    para(d, r["title"], bold=True, align="c", after=12)
    for p in r["paragraphs"]:
        para(d, p, align="j", after=10)
    para(d, r["closing"][0], align="r", after=0)
    save_doc(d, "Comunicado MPPRE Reino Unido.docx", "2023-01-12T16:40:00")


def docx_lu_gov():
    r = S("lu-gov-2015-charlie-hebdo")
    from docx.shared import Pt
    d = new_doc("2015-01-08T11:20:00", "SIP", r["title"], font="Arial", size=10)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = "LE GOUVERNEMENT DU GRAND-DUCHÉ DE LUXEMBOURG\nService information et presse"
    for run in hp.runs:
        run.font.size = Pt(7.5)
        run.bold = True
    fp = sec.footer.paragraphs[0]
    fp.text = "Service information et presse · 33, boulevard Roosevelt · L-2450 Luxembourg · www.gouvernement.lu"
    for run in fp.runs:
        run.font.size = Pt(7)
    d.add_paragraph(r["title"], style="Title")
    d.add_paragraph(r["standfirst"], style="Subtitle")
    for p in r["paragraphs"]:
        para(d, p, after=8)
    save_doc(d, "Reaction_gouvernement_Charlie_Hebdo.docx", "2015-01-08T11:20:00")


def docx_cz_sinai():
    r = S("cz-gov-2015-sinai")
    d = new_doc("2015-11-02T09:40:00", "Tiskové oddělení", r["title"], font="Times New Roman", size=12)
    para(d, "GOVERNMENT OF THE CZECH REPUBLIC", bold=True, size=9, after=0, color="1F3B73")
    para(d, f"{r['section']}  |  {r['date_line']}", size=9, after=18)
    d.add_paragraph(r["title"], style="Heading 1")
    for p in r["paragraphs"]:
        para(d, p, after=10)
    para(d, r["closing"][0], after=18)
    para(d, r["closing"][1], bold=True, after=0)
    para(d, r["closing"][2], after=0)
    save_doc(d, "PM condolences Sinai crash.docx", "2015-11-02T09:40:00")


def docx_pl():
    r = S("pl-mfa-2017-independence-march")
    from docx.shared import Pt, Cm
    d = new_doc("2017-11-14T13:15:00", "Biuro Rzecznika Prasowego MSZ", r["title"], font="Calibri", size=11)
    tbl = d.add_table(rows=1, cols=2)
    c1, c2 = tbl.rows[0].cells
    c1.text = "Ministry of Foreign Affairs\nof the Republic of Poland\nPress Office"
    c2.text = f"Warsaw, {r['date_line']}"
    for c in (c1, c2):
        for run in c.paragraphs[0].runs:
            run.font.size = Pt(9)
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    c2.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(d, "", after=6)
    d.add_paragraph(r["title"], style="Heading 2")
    for p in r["paragraphs"]:
        para(d, p, align="j", after=8)
    para(d, "", after=4)
    para(d, r["closing"][0], italic=True, after=0)
    save_doc(d, "MFA statement Independence March.docx", "2017-11-14T13:15:00")


def docx_cz_air_france():
    r = S("cz-gov-2009-air-france")
    d = new_doc("2009-06-02T13:30:00", "Press Department", r["title"], font="Verdana", size=10)
    para(d, f"Office of the Government of the Czech Republic · {r['section']}", size=8, after=0, color="555555")
    para(d, r["date_line"], size=8, after=14, color="555555")
    d.add_paragraph(r["title"], style="Title")
    para(d, r["standfirst"], italic=True, after=12)
    for p in r["paragraphs"]:
        para(d, p, after=8)
    para(d, "", after=6)
    for line in r["closing"]:
        para(d, line, after=0, bold=(line == r["closing"][0]))
    save_doc(d, "Fischer_Air_France_wire.docx", "2009-06-02T13:30:00")


def build_e():
    docx_ve()
    docx_lu_gov()
    docx_cz_sinai()
    docx_pl()
    docx_cz_air_france()


if __name__ == "__main__":
    build_a()
    build_b()
    build_c()
    build_d()
    build_e()
    build_f()
    print("built", len([f for f in os.listdir(HERE) if f not in ("make.py", "sources.json", "truth.json")]), "files")
