#!/usr/bin/env python3
"""Build the intl-orgs batch of the feedsvc evaluation corpus.

Run with /work/corpus-venv/bin/python make.py  (needs reportlab, python-docx, and poppler's pdftotext).
The release texts (titles, datelines, paragraphs exactly as published) are in sources.json beside this
script; this file only holds the layouts (letterheads, page chrome, footers in each publisher's style)
and the truth records. Running it again rebuilds the same files and truth.json.
"""
import html, io, json, os, re, shutil, subprocess, sys, tempfile, textwrap, zipfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = {s["id"]: s for s in json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))}

# PDF
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_LEFT, TA_CENTER, TA_RIGHT, TA_JUSTIFY
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTDIR = "/usr/share/fonts/truetype/dejavu"
for fam, base in (("DejaVuSans", "DejaVuSans"), ("DejaVuSerif", "DejaVuSerif")):
    pdfmetrics.registerFont(TTFont(fam, f"{FONTDIR}/{base}.ttf"))
    pdfmetrics.registerFont(TTFont(fam + "-Bold", f"{FONTDIR}/{base}-Bold.ttf"))
    ital = "Oblique" if fam == "DejaVuSans" else "Italic"
    pdfmetrics.registerFont(TTFont(fam + "-Italic", f"{FONTDIR}/{base}-{ital}.ttf"))
    pdfmetrics.registerFontFamily(fam, normal=fam, bold=fam + "-Bold", italic=fam + "-Italic", boldItalic=fam + "-Bold")

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def esc(s):
    return html.escape(s, quote=False)


def epoch(iso):
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def build_pdf(path, spec):
    """spec: font, blocks [(kind, text, size, opts)], footer_left, footer_right ('page'|'pageof'|None),
    created (ISO UTC), meta {title, author, subject, creator}, pagesize, margins."""
    font = spec["font"]
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(spec["created"]))

    def story():
        out = []
        for b in spec["blocks"]:
            kind = b[0]
            if kind == "space":
                out.append(Spacer(1, b[1]))
                continue
            text, size = b[1], b[2]
            o = b[3] if len(b) > 3 else {}
            fn = font + ("-Bold" if o.get("bold") else "-Italic" if o.get("italic") else "")
            st = ParagraphStyle(kind, fontName=fn, fontSize=size, leading=o.get("leading", size * 1.3),
                                alignment=ALIGN[o.get("align", "left")], spaceAfter=o.get("after", 0),
                                spaceBefore=o.get("before", 0), firstLineIndent=o.get("indent", 0),
                                textColor=o.get("color", "#000000"))
            out.append(Paragraph(esc(text), st))
        return out

    total = [1]

    def onpage(canv, doc):
        canv.saveState()
        canv.setFont(font, spec.get("footer_size", 7.5))
        w, h = spec.get("pagesize", A4)
        y = spec.get("footer_y", 12 * mm)
        fl = spec.get("footer_left")
        if fl:
            for k, line in enumerate([fl] if isinstance(fl, str) else fl):
                canv.drawString(spec.get("margins", (20 * mm,) * 4)[0], y + (len(fl) - 1 - k) * 8 if not isinstance(fl, str) else y, line)
        if spec.get("footer_center"):
            canv.drawCentredString(w / 2, y, spec["footer_center"])
        fr = spec.get("footer_right")
        if fr:
            n = canv.getPageNumber()
            txt = {"pageof": f"Page {n} of {total[0]}", "page": f"{n}", "slash": f"{n} / {total[0]}",
                   "pagesur": f"Page {n} sur {total[0]}"}.get(fr, fr)
            canv.drawRightString(w - spec.get("margins", (20 * mm,) * 4)[1], y, txt)
        if spec.get("header_right"):
            canv.drawRightString(w - spec.get("margins", (20 * mm,) * 4)[1], h - 10 * mm, spec["header_right"])
        canv.restoreState()

    for _ in range(2):
        m = spec.get("margins", (20 * mm, 20 * mm, 18 * mm, 22 * mm))
        meta = spec.get("meta", {})
        doc = SimpleDocTemplate(path, pagesize=spec.get("pagesize", A4), leftMargin=m[0], rightMargin=m[1],
                                topMargin=m[2], bottomMargin=m[3], invariant=1,
                                title=meta.get("title", ""), author=meta.get("author", ""),
                                subject=meta.get("subject", ""), creator=meta.get("creator", ""),
                                producer=meta.get("producer", "ReportLab PDF Library - (opensource)"))
        doc.build(story(), onFirstPage=onpage, onLaterPages=onpage)
        total[0] = doc.page
    return total[0]


def pdftotext(pdf, txt, layout):
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


# DOCX
import docx
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH


def fix_zip(path, when):
    """Rewrite the docx zip with fixed entry times so that rebuilding gives the same bytes."""
    dt = datetime.fromisoformat(when).timetuple()[:6]
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for i, data in items:
            zi = zipfile.ZipInfo(i.filename, date_time=dt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def docx_core(d, author, created, title="", lastmod=None):
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = lastmod or author
    cp.title = title
    cp.created = datetime.fromisoformat(created)
    cp.modified = datetime.fromisoformat(created)
    cp.revision = 1


def para(d, text, bold=False, size=None, align=None, italic=False, style=None, color=None, after=None):
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    return p


# helpers
def write_text(path, text, encoding="utf-8", bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
    open(path, "wb").write(data)


def wrap(p, width):
    return "\n".join(textwrap.wrap(p, width=width, break_long_words=False, break_on_hyphens=False))


def H(s):
    return html.escape(s, quote=True)


# the 37 files
FILES = []          # (file, builder) ; truth records in TRUTH
TRUTH = {}


def release(file, sid, shape, builder, **truth):
    FILES.append((file, sid, shape, builder))
    TRUTH[file] = dict(truth)


# shape a (pdftotext)
def a_un_19144(path):
    s = SRC["un-sgsm19144"]
    blocks = [
        ("lh", "United Nations", 8, {"bold": True}),
        ("lh", "Meetings Coverage and Press Releases", 7.5, {"after": 10}),
        ("lab", "Press Release                                                                        " + s["number"], 8.5, {}),
        ("lab", s["dateline"], 8.5, {"after": 12}),
        ("title", s["title"], 19, {"bold": True, "leading": 23, "after": 12}),
        ("intro", s["intro"], 10.5, {"after": 8, "italic": True}),
    ] + [("p", p, 10.5, {"after": 8, "leading": 14}) for p in s["paragraphs"]] + [
        ("tag", "Syria", 8.5, {"before": 10, "after": 6}),
        ("end", s["after"][0], 8, {"italic": True}),
    ]
    return dict(font="DejaVuSerif", blocks=blocks, created="2018-07-25T21:14:00Z",
                footer_left="https://www.un.org/press/en/2018/sgsm19144.doc.htm", footer_right="pageof",
                meta={"title": s["title"], "creator": "Mozilla Firefox"})


def a_unhcr(path):
    s = SRC["unhcr-grandi"]
    blocks = [
        ("lh", "UNHCR", 11, {"bold": True, "color": "#0072bc"}),
        ("lh", "The UN Refugee Agency", 7.5, {"after": 14}),
        ("lab", s["label"], 8, {"after": 6}),
        ("title", s["title"], 20, {"bold": True, "leading": 24, "after": 10}),
        ("stand", s["standfirst"], 11, {"italic": True, "after": 8, "leading": 15}),
        ("date", s["dateline"] + "      Also available in:", 8, {"after": 14}),
    ] + [("p", p, 10, {"after": 7, "leading": 13.5}) for p in s["paragraphs"]]
    return dict(font="DejaVuSans", blocks=blocks, created="2016-01-04T15:40:00Z",
                footer_left="www.unhcr.org", footer_right="pageof",
                meta={"title": s["title"] + " | UNHCR", "creator": "Microsoft® Word 2013"})


def a_ec_2366(path):
    s = SRC["ec-mex-16-2366"]
    blocks = [
        ("lh", "European Commission - Daily News", 9, {"after": 14}),
        ("lab", s["label"], 9, {"after": 4}),
        ("lab", s["dateline"], 9, {"after": 14}),
        ("title", s["title"], 14, {"bold": True, "leading": 17, "after": 10}),
    ] + [("p", p, 9.5, {"after": 8, "leading": 12.5, "align": "justify"}) for p in s["paragraphs"]] + [
        ("ref", "MEX/16/2366", 8, {"before": 16}),
    ]
    return dict(font="DejaVuSans", blocks=blocks, created="2016-06-30T11:52:00Z", footer_right="slash",
                meta={"title": "European Commission - Daily News", "author": "European Commission",
                      "creator": "PDFCreator"}, margins=(22 * mm, 22 * mm, 20 * mm, 22 * mm))


def a_council_dprk(path):
    s = SRC["council-dprk-2016"]
    blocks = [
        ("lh", "Council of the EU", 9, {"bold": True, "color": "#003399"}),
        ("lab", "PRESS RELEASE", 8, {"after": 2}),
        ("lab", "16/06/2016 15:13", 8, {"after": 16}),
        ("title", s["title"], 13, {"bold": True, "leading": 16.5, "after": 14}),
    ] + [("p", p, 10, {"after": 8, "leading": 13.5}) for p in s["paragraphs"]] + [
        ("space", 10),
    ] + [("fn", f, 7.5, {"after": 3}) for f in s["footnotes"]]
    return dict(font="DejaVuSans", blocks=blocks, created="2016-06-16T13:13:00Z",
                footer_left=["Press office - General Secretariat of the Council", "Rue de la Loi 175 - B-1048 BRUSSELS - Tel.: +32 (0)2 281 6319", "press.office@consilium.europa.eu - www.consilium.europa.eu/press"],
                footer_size=6.5, footer_right="page",
                meta={"title": "Declaration by the High Representative on behalf of the EU - DPRK alignment",
                      "author": "Council of the European Union", "creator": "Acrobat PDFMaker 11 for Word"})


def a_nato_fr(path):
    s = SRC["nato-sg-2015-019-fr"]
    blocks = [
        ("lh", "NATO  OTAN", 12, {"bold": True, "align": "center", "color": "#004990"}),
        ("lh", "Organisation du Traité de l'Atlantique Nord", 7.5, {"align": "center", "after": 18}),
        ("lab", s["number"], 9, {"bold": True}),
        ("lab", "26 janv. 2015", 9, {"after": 16}),
        ("title", s["title"], 17, {"bold": True, "leading": 21, "after": 14}),
    ] + [("p", p, 10.5, {"after": 9, "leading": 14}) for p in s["paragraphs"]]
    return dict(font="DejaVuSerif", blocks=blocks, created="2015-01-26T21:21:00Z",
                footer_center="NATO - Service de presse et des médias - B-1110 Bruxelles - www.nato.int",
                meta={"title": "Communiqué de presse (2015) 019", "author": "NATO PDD", "creator": "Microsoft® Word 2010"})


def a_coe_flanagan(path):
    s = SRC["coe-sg-flanagan-fr"]
    blocks = [
        ("lh", "CONSEIL DE L'EUROPE  COUNCIL OF EUROPE", 8, {"bold": True}),
        ("lh", "Salle de presse", 7.5, {"after": 14}),
        ("lab", "Secrétaire Général   " + s["dateline"] + "   A la une", 8, {"after": 10}),
        ("title", s["title"], 16, {"bold": True, "leading": 20, "after": 6}),
        ("cap", "Charles Flanagan et Thorbjørn Jagland", 7.5, {"italic": True, "after": 12}),
    ] + [("p", p, 10, {"after": 8, "leading": 13.5}) for p in s["paragraphs"]] + [
        ("see", s["see_also"][0], 9, {"before": 8, "bold": True}),
        ("see", s["see_also"][1], 9, {}),
    ]
    return dict(font="DejaVuSans", blocks=blocks, created="2014-10-21T16:05:00Z",
                footer_left="http://hub.coe.int/fr/web/coe-portal/press/newsroom", footer_right="slash",
                meta={"title": "Salle de presse", "creator": "Mozilla/5.0 (Windows NT 6.1) - Print to PDF"})


def shape_a(builder, layout):
    def build(path):
        spec = builder(path)
        with tempfile.TemporaryDirectory() as t:
            pdf = os.path.join(t, "x.pdf")
            build_pdf(pdf, spec)
            pdftotext(pdf, path, layout)
    build.layout = layout
    return build


# shape f (PDF)
def f_un_6143(path):
    s = SRC["un-sgsm6143-fr"]
    blocks = [
        ("lh", "Nations Unies", 9, {"bold": True, "align": "center"}),
        ("lh", "Département de l'information • Service des informations et des accréditations • New York", 7, {"align": "center", "after": 16}),
        ("lab", s["label"] + "                                                                                   " + s["number"], 8.5, {}),
        ("lab", s["dateline"], 8.5, {"after": 18}),
        ("title", s["title"], 15, {"bold": True, "leading": 19, "align": "center", "after": 16}),
    ] + [("p", p, 11, {"after": 9, "leading": 15, "indent": 24}) for p in s["paragraphs"]] + [
        ("end", s["after"][0], 10, {"align": "center", "before": 14, "after": 14}),
    ]
    spec = dict(font="DejaVuSerif", blocks=blocks, created="1997-01-14T09:10:00Z",
                footer_center=s["after"][1], footer_size=7,
                meta={"title": "SG/SM/6143", "author": "DPI", "creator": "WordPerfect 6.1"})
    return build_pdf(path, spec)


def f_who_emro(path):
    s = SRC["who-emro-2015"]
    blocks = [
        ("lh", "World Health Organization", 9, {"bold": True, "color": "#0093d5"}),
        ("lh", "Regional Office for the Eastern Mediterranean", 8, {"after": 6}),
        ("lh", "Media centre | News", 7, {"after": 20}),
        ("title", s["title"], 20, {"bold": True, "leading": 25, "after": 18, "color": "#1a1a6e"}),
    ] + [("p", p, 12.5, {"after": 12, "leading": 19}) for p in s["paragraphs"]]
    return build_pdf(path, dict(font="DejaVuSans", blocks=blocks, created="2015-01-29T11:47:00Z",
                                footer_left="http://www.emro.who.int/media/news/", footer_right="pageof",
                                margins=(25 * mm, 25 * mm, 22 * mm, 28 * mm),
                                meta={"title": "WHO EMRO | News", "creator": "Mozilla Firefox"}))


def f_ec_2021(path):
    s = SRC["ec-dailynews-2021-07-16"]
    blocks = [
        ("lh", "European Commission - Daily News", 9, {"after": 16}),
        ("lab", s["label"], 9, {"after": 4}),
        ("lab", s["dateline"], 9, {"after": 16}),
        ("title", s["title"], 14, {"bold": True, "leading": 17, "after": 10}),
    ] + [("p", p, 9.5, {"after": 8, "leading": 12.5, "align": "justify"}) for p in s["paragraphs"]]
    return build_pdf(path, dict(font="DejaVuSans", blocks=blocks, created="2021-07-16T12:31:00Z",
                                footer_right="slash", margins=(22 * mm, 22 * mm, 20 * mm, 22 * mm),
                                meta={"title": "European Commission - Daily News", "author": "European Commission",
                                      "creator": "Microsoft® Word for Microsoft 365"}))


def f_nato_2001(path):
    s = SRC["nato-nac-2001-122"]
    blocks = [
        ("lh", "NATO", 14, {"bold": True, "color": "#004990"}),
        ("lh", "North Atlantic Treaty Organization", 7.5, {"after": 16}),
        ("lab", "For immediate release", 9, {"italic": True}),
        ("lab", "11 September 2001", 9, {"after": 10}),
        ("lab", "PRESS RELEASE", 11, {"bold": True}),
        ("lab", "(2001)122", 10, {"after": 18}),
        ("title", s["title"], 24, {"bold": True, "leading": 29, "align": "center", "after": 16}),
    ] + [("p", p, 11, {"after": 10, "leading": 15, "align": "justify"}) for p in s["paragraphs"]] + [
        ("end", "-ENDS-", 10, {"align": "center", "before": 8})]
    return build_pdf(path, dict(font="DejaVuSerif", blocks=blocks, created="2001-09-11T21:40:00Z",
                                footer_left="NATO Press and Media Service - 1110 Brussels - Belgium - www.nato.int",
                                footer_right="pageof", meta={"title": "Press Release (2001)122", "creator": "Microsoft Word 97"}))


def f_osce_2004(path):
    s = SRC["osce-sg-russia-2004"]
    blocks = [
        ("lh", "Organization for Security and Co-operation in Europe", 9, {"bold": True}),
        ("lh", "Press and Public Information Section", 7.5, {"after": 4}),
        ("lh", "Kärntner Ring 5-7, A-1010 Vienna, Austria", 7, {"after": 18}),
        ("lab", "PRESS RELEASE", 10, {"bold": True, "after": 12}),
        ("title", s["title"], 18, {"bold": True, "leading": 22, "after": 8}),
        ("lab", s["dateline"], 9, {"after": 14}),
    ] + [("p", p, 10.5, {"after": 8, "leading": 14}) for p in s["paragraphs"]]
    return build_pdf(path, dict(font="DejaVuSans", blocks=blocks, created="2004-09-01T14:20:00Z",
                                footer_left="www.osce.org", footer_right="pageof", pagesize=A4,
                                meta={"title": "OSCE Press Release", "author": "OSCE Secretariat", "creator": "Microsoft Word 2002"}))


def f_coe_ferguson(path):
    s = SRC["coe-sg-ferguson-fr"]
    blocks = [
        ("lh", "CONSEIL DE L'EUROPE  COUNCIL OF EUROPE", 8, {"bold": True}),
        ("lh", "Salle de presse", 7.5, {"after": 14}),
        ("lab", "Secrétaire Général   " + s["dateline"] + "   A la une", 8, {"after": 10}),
        ("title", s["title"], 17, {"bold": True, "leading": 21, "after": 14}),
    ] + [("p", p, 10.5, {"after": 9, "leading": 14.5, "align": "justify"}) for p in s["paragraphs"]] + [
        ("see", s["see_also"][0], 9, {"before": 8, "bold": True}),
        ("see", s["see_also"][1], 9, {}),
    ]
    return build_pdf(path, dict(font="DejaVuSans", blocks=blocks, created="2014-08-20T15:02:00Z",
                                footer_left="www.coe.int", footer_right="pagesur",
                                meta={"title": "Salle de presse", "creator": "Mozilla/5.0 - Print to PDF"}))


# shape e (DOCX)
def e_un_8439(path):
    s = SRC["un-sc8439"]
    d = docx.Document()
    para(d, "United Nations", bold=True, size=12, align="center", after=0)
    para(d, "Department of Public Information • News and Media Division • New York", size=8, align="center")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Security Council"
    t.cell(0, 1).text = "Press Release " + s["number"]
    t.cell(0, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    para(d, "7 July 2005", size=10)
    d.add_heading(s["title"], level=1)
    para(d, s["intro"])
    for p in s["paragraphs"]:
        para(d, p)
    para(d, s["after"][0], align="center")
    d.sections[0].footer.paragraphs[0].text = s["after"][1]
    docx_core(d, "DPI/NMD", "2005-07-07T17:05:00")
    d.save(path)
    fix_zip(path, "2005-07-07T17:05:00")


def e_unicef_uvalde(path):
    s = SRC["unicef-uvalde"]
    d = docx.Document()
    hp = d.sections[0].header.paragraphs[0]
    hp.text = "unicef UK  |  for every child"
    para(d, "MEDIA RELEASE", bold=True, size=9, color="1CABE2")
    para(d, s["title"], bold=True, size=14)
    for p in s["paragraphs"]:
        para(d, p)
    para(d, "ENDS", bold=True, align="center")
    para(d, s["about_heading"], bold=True)
    for p in s["about"]:
        para(d, p, size=9)
    docx_core(d, "UNICEF UK Media", "2022-05-26T11:20:00")
    d.save(path)
    fix_zip(path, "2022-05-26T11:20:00")


def e_ec_465(path):
    s = SRC["ec-mex-16-465"]
    d = docx.Document()
    para(d, "European Commission - Daily News", size=9, color="003399")
    para(d, s["label"], size=9, after=0)
    para(d, s["dateline"], size=9)
    d.add_heading(s["title"], level=2)
    for p in s["paragraphs"]:
        para(d, p, align="justify")
    para(d, s["number"], size=8)
    docx_core(d, "COMM SPP", "2016-03-01T11:48:00", title="Daily News 01 / 03 / 2016")
    d.save(path)
    fix_zip(path, "2016-03-01T11:48:00")


def e_council_gulf(path):
    s = SRC["council-eusr-gulf-2023"]
    d = docx.Document()
    para(d, "Council of the European Union", bold=True, size=11, color="003399", after=0)
    para(d, "Press office - General Secretariat of the Council", size=8)
    para(d, "PRESS RELEASE", bold=True, size=9, after=0)
    para(d, "15 May 2023   13:28", size=9)
    d.add_paragraph(s["title"], style="Title")
    for p in s["paragraphs"]:
        para(d, p)
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Press office - General Secretariat of the Council"
    t.cell(0, 1).text = "Rue de la Loi 175 - B-1048 BRUSSELS"
    t.cell(1, 0).text = "Tel.: +32 (0)2 281 6319"
    t.cell(1, 1).text = "press@consilium.europa.eu - www.consilium.europa.eu/press"
    docx_core(d, "GSC Press Office", "2023-05-15T11:28:00")
    d.save(path)
    fix_zip(path, "2023-05-15T11:28:00")


def e_coe_yunus(path):
    s = SRC["coe-sg-yunus-2014"]
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "COUNCIL OF EUROPE          CONSEIL DE L'EUROPE"
    para(d, "Secretary General", size=9, color="666666")
    para(d, s["title"], bold=True, size=13)
    for p in s["paragraphs"]:
        para(d, p)
    para(d, " ".join(s["see_also"]), size=9, italic=True)
    d.sections[0].footer.paragraphs[0].text = "Council of Europe - Avenue de l'Europe - F-67075 Strasbourg Cedex - www.coe.int"
    docx_core(d, "DC", "2014-08-01T10:15:00")
    d.save(path)
    fix_zip(path, "2014-08-01T10:15:00")


def e_au_kodjo(path):
    s = SRC["au-kodjo-2020-fr"]
    d = docx.Document()
    hp = d.sections[0].header.paragraphs[0]
    hp.text = "AFRICAN UNION          UNION AFRICAINE          UNIÃO AFRICANA          الاتحاد الأفريقي"
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    h2 = d.sections[0].header.add_paragraph("Addis Ababa, ETHIOPIA     P. O. Box 3243     Telephone: +251 11 551 7700     www.au.int")
    h2.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(d, "COMMUNIQUÉ DE PRESSE", bold=True, size=11, align="center")
    d.add_heading(s["title"], level=1)
    para(d, s["dateline"], italic=True)
    for p in s["paragraphs"]:
        para(d, p, align="justify")
    para(d, "###", align="center")
    para(d, "Pour plus d'informations : Direction de l'Information et de la Communication | Commission de l'Union africaine | Site Web : www.au.int | Addis Abeba, Éthiopie", size=8)
    docx_core(d, "DIC", "2020-04-11T15:30:00")
    d.save(path)
    fix_zip(path, "2020-04-11T15:30:00")


# shape b (text)
def b_sc_8215(path):
    s = SRC["un-sc8215"]
    t = "\n".join([s["label"], s["number"], s["dateline"], "", s["title"], "", s["intro"], ""]
                  + sum([[p, ""] for p in s["paragraphs"]], []) + [s["after"][0], "", s["after"][1], ""])
    write_text(path, t, crlf=True)


def b_un_ru_2019(path):
    s = SRC["un-unday-2019-ru"]
    t = "\n".join(["Организация Объединенных Наций", "New York", s["dateline"], "", s["title"], ""]
                  + sum([[p, ""] for p in s["paragraphs"]], []))
    write_text(path, t, encoding="cp1251", crlf=True)


def b_eeas_borrell(path):
    s = SRC["eeas-borrell-eastmed"]
    t = "\n".join(["EUROPEAN UNION", "European External Action Service", "", "Brussels, 09/08/2020", "",
                   s["title"], "", wrap(s["paragraphs"][0], 72), "", "Source: " + s["eeas_url"], ""])
    write_text(path, t, bom=True)


def b_eeas_uk(path):
    s = SRC["eeas-hr-mariupol-uk"]
    t = "\n".join([s["title"], s["dateline"], ""] + sum([[p, ""] for p in s["paragraphs"]], []))
    write_text(path, t, encoding="utf-16", crlf=True)


def b_midex_fr(path):
    s = SRC["ec-midex-2005-12-21-fr"]
    hl = s["header_lines"]
    t = "\n".join(hl[:4] + ["", hl[4], "", s["title"], "", wrap(s["paragraphs"][0], 76), ""])
    write_text(path, t, encoding="cp1252", crlf=True)


def b_osce_1996(path):
    s = SRC["osce-cio-chechnya-1996"]
    t = "\n".join(["OSCE PRESS RELEASE", "", s["title"], "", s["dateline"], ""]
                  + sum([[wrap(p, 70), ""] for p in s["paragraphs"]], []))
    write_text(path, t, encoding="ascii", crlf=True)


def b_au_2019(path):
    s = SRC["au-ethiopia-2019"]
    t = "\n".join(["AFRICAN UNION COMMISSION", "PRESS RELEASE", "", s["title"], s["dateline"], ""]
                  + sum([[p, ""] for p in s["paragraphs"]], []))
    write_text(path, t)


# shape c (HTML)
def c_un_22174(path):
    s = SRC["un-sgsm22174"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{H(s['title'])} | UN Press</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="canonical" href="{H(s['url'])}">
</head>
<body class="path-node page-node-type-press-release">
<a href="#main-content" class="visually-hidden focusable">Skip to main content</a>
<div class="un-banner"><a href="https://www.un.org/en/">Welcome to the United Nations</a></div>
<header role="banner">
  <div class="site-branding"><a href="/en" rel="home"><img src="/themes/custom/un_press/logo.svg" alt="United Nations"><span>Meetings Coverage and Press Releases</span></a></div>
  <nav class="language-switcher" aria-label="Language"><ul><li><a href="/en" hreflang="en" class="is-active">English</a></li><li><a href="/fr" hreflang="fr">Français</a></li></ul></nav>
  <nav class="main-menu" aria-label="Main navigation"><ul>
    <li><a href="/en/content/secretary-general">Secretary-General</a></li><li><a href="/en/content/general-assembly">General Assembly</a></li>
    <li><a href="/en/content/security-council">Security Council</a></li><li><a href="/en/content/economic-and-social-council">Economic and Social Council</a></li>
    <li><a href="/en/content/press-briefings">Press Briefings</a></li><li><a href="/en/content/press-release">Press Releases</a></li></ul></nav>
  <div class="in-progress"><a href="/en/in-progress">In progress at UNHQ</a></div>
</header>
<main id="main-content">
  <nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/en">Home</a></li><li><a href="/en/content/secretary-general">Secretary-General</a></li><li>Statements and Messages</li></ol></nav>
  <article class="press-release">
    <div class="field--name-field-symbol">{H(s['number'])}</div>
    <div class="press-meta"><span class="date">{H(s['dateline'])}</span> <span class="doc-type">{H(s['label'])}</span></div>
    <h1 class="page-title"><span>{H(s['title'])}</span></h1>
    <div class="field--name-body">
<p>{H(s['intro'])}</p>
{body}
    </div>
    <div class="field--name-field-tags"><a href="/en/russian-federation">{H(s['tags'][0])}</a></div>
    <div class="share"><span>Share</span> <a href="https://www.facebook.com/sharer/sharer.php?u={H(s['url'])}">Facebook</a> <a href="https://twitter.com/intent/tweet?url={H(s['url'])}">X</a> <a href="mailto:?subject={H(s['title'])}">Email</a> <a href="javascript:window.print()">Print</a></div>
    <p class="disclaimer">For information media. Not an official record.</p>
  </article>
  <aside class="related">
    <h2>Related</h2>
    <ul>
      <li><span class="date">25 July 2018</span> <a href="/en/2018/sgsm19144.doc.htm">Secretary-General General Strongly Condemns Terrorist Attacks in Syria</a> <span class="symbol">SG/SM/19144</span></li>
      <li><span class="date">7 July 2005</span> <a href="/en/2005/sc8439.doc.htm">Security Council Press Statement on London Terrorist Attack</a> <span class="symbol">SC/8439</span></li>
    </ul>
  </aside>
</main>
<footer role="contentinfo">
  <ul><li><a href="https://www.un.org/en/about-us/copyright">Copyright</a></li><li><a href="https://www.un.org/en/about-us/fraud-alert">Fraud Alert</a></li><li><a href="https://www.un.org/en/about-us/privacy-notice">Privacy Notice</a></li><li><a href="https://www.un.org/en/about-us/terms-of-use">Terms of Use</a></li></ul>
  <p>United Nations</p>
</footer>
</body>
</html>
"""
    write_text(path, page)


def c_unicef_ukraine(path):
    s = SRC["unicef-ukraine-2024"]
    body = "\n".join(f"      <p>{H(p)}</p>" for p in s["paragraphs"])
    contacts = "\n".join("      <div class=\"contact\">" + "<br>".join(H(x) for x in c) + "</div>" for c in s["contacts"])
    page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr" prefix="og: https://ogp.me/ns#">
<head>
<meta charset="utf-8">
<title>{H(s['title'])} | United Nations in Ukraine</title>
<meta property="og:site_name" content="United Nations in Ukraine">
<meta property="og:type" content="article">
<meta property="og:title" content="{H(s['title'])}">
<meta property="og:url" content="{H(s['url'])}">
<meta property="article:published_time" content="2024-07-08T17:42:31+03:00">
<meta property="article:modified_time" content="2024-07-09T10:05:12+03:00">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
</head>
<body class="page-node-type-press-release">
<header class="site-header">
  <a class="logo" href="/en"><img src="/themes/custom/undg/images/un-logo-en.svg" alt="United Nations Ukraine"></a>
  <nav class="lang"><a href="/en" class="active">English</a> <a href="/uk">Українська</a></nav>
  <nav class="main"><ul><li><a href="/en/about/about-the-un">About</a></li><li><a href="/en/sdgs">Our Work</a></li><li><a href="/en/stories">Stories</a></li><li><a href="/en/press-centre">Press Centre</a></li><li><a href="/en/resources">Resources</a></li></ul></nav>
</header>
<main>
  <nav class="breadcrumb"><a href="/en">Home</a> / <a href="/en/press-centre">Press Centre</a> / <span>Press Release</span></nav>
  <article>
    <div class="content-type">Press Release</div>
    <h1>{H(s['title'])}</h1>
    <div class="meta"><span class="entity">UNICEF</span> <time datetime="2024-07-08T12:00:00Z">{H(s['dateline'])}</time></div>
    <div class="body">
{body}
      <p>{H(s['after'][0])}</p>
      <h3>{H(s['contacts_heading'])}</h3>
{contacts}
    </div>
    <div class="share">Share this: <a href="https://www.facebook.com/sharer.php?u={H(s['url'])}">Facebook</a> <a href="https://twitter.com/share?url={H(s['url'])}">Twitter</a> <a href="https://www.linkedin.com/shareArticle?url={H(s['url'])}">LinkedIn</a></div>
  </article>
  <aside class="latest">
    <h2>Latest Press Releases</h2>
    <ul>
      <li><a href="/en/node/273512">UN Resident Coordinator condemns attacks on civilians</a> <span class="date">05 July 2024</span></li>
      <li><a href="/en/node/273377">Humanitarian Coordinator visits frontline communities in Kharkiv region</a> <span class="date">28 June 2024</span></li>
    </ul>
  </aside>
</main>
<footer><p>© United Nations Ukraine</p><a href="/en/contact-us">Contact us</a> <a href="/en/terms-of-use">Terms of use</a></footer>
</body>
</html>
"""
    write_text(path, page)


def c_eeas_fac(path):
    s = SRC["eeas-mogherini-fac"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{H(s['title'])} - EEAS - European External Action Service - European Commission</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
</head>
<body class="node-type-eeas-news">
<div id="header">
  <div class="site-logo"><a href="/headquarters/headquarters-homepage_en"><img src="/sites/all/themes/eeas/logo.png" alt="European Union External Action"></a></div>
  <div class="lang-select"><a href="?page_lang=en" class="active">English (en)</a> | <a href="?page_lang=fr">français (fr)</a></div>
  <ul class="menu"><li><a href="/headquarters/headquarters-homepage/area/geo_en">EU in the World</a></li><li><a href="/headquarters/headquarters-homepage/area/foreign-security-policy_en">Foreign &amp; Security Policy</a></li><li><a href="/headquarters/headquarters-homepage/2_en">Press Material</a></li><li><a href="/headquarters/headquarters-homepage/area/jobs_en">Jobs</a></li></ul>
</div>
<div id="breadcrumb"><a href="/headquarters/headquarters-homepage_en">Home</a> &gt; <a href="/headquarters/headquarters-homepage/2_en">Press Material</a> &gt; Remarks</div>
<div id="content">
  <h1 class="page-header">{H(s['title'])}</h1>
  <div class="node-info">{H(s['dateline'])}</div>
  <div class="field-name-field-eeas-type">Remarks</div>
  <div class="field-name-body">
<p><strong>{H(s['kicker'])}</strong></p>
{body}
  </div>
  <div class="share-tools"><a href="#" class="print">Print</a> <a href="#" class="twitter">Twitter</a> <a href="#" class="facebook">Facebook</a></div>
</div>
<div id="sidebar">
  <h2>Related Links</h2>
  <ul>
    <li><a href="/headquarters/headquarters-homepage/70016_en">Foreign Affairs Council, 11/11/2019</a> <span class="date">08/11/2019</span></li>
    <li><a href="/headquarters/headquarters-homepage/69770_en">Statement by the Spokesperson on the events in Bolivia</a> <span class="date">05/11/2019</span></li>
  </ul>
</div>
<div id="footer">European Union External Action Service | <a href="/headquarters/headquarters-homepage/2130/legal-notice_en">Legal notice</a> | <a href="/headquarters/headquarters-homepage/area/contact_en">Contact</a></div>
</body>
</html>
"""
    write_text(path, page)


def c_council_guinea(path):
    s = SRC["council-guinea-2018"]
    body = "\n".join(f"      <p>{H(p)}</p>" for p in s["paragraphs"])
    fns = "\n".join(f"      <p class=\"footnote\">{H(f)}</p>" for f in s["footnotes"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": "2018-11-20T13:26:00+01:00",
                     "publisher": {"@type": "Organization", "name": "Council of the European Union"}},
                    ensure_ascii=False)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{H(s['title'])} - Consilium</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="application/ld+json">{ld}</script>
</head>
<body>
<header class="gsc-header">
  <a class="gsc-logo" href="/en/"><img src="/images/consilium-logo.svg" alt="European Council - Council of the European Union"></a>
  <nav class="gsc-language"><button>EN</button><ul><li><a href="/bg/press/press-releases/2018/11/20/">български</a></li><li><a href="/de/press/press-releases/2018/11/20/">Deutsch</a></li><li><a href="/fr/press/press-releases/2018/11/20/">français</a></li></ul></nav>
  <nav class="gsc-mainnav"><a href="/en/european-council/">European Council</a> <a href="/en/council-eu/">Council of the EU</a> <a href="/en/policies/">Policies</a> <a href="/en/meetings/">Meetings</a> <a href="/en/press/" class="active">Press</a></nav>
</header>
<nav class="gsc-breadcrumb"><a href="/en/">Home</a> &gt; <a href="/en/press/">Press</a> &gt; <a href="/en/press/press-releases/">Press releases</a></nav>
<main>
  <article class="gsc-press-release">
    <div class="gsc-meta"><span class="gsc-type">Press release</span> <span class="gsc-date">20 November 2018</span> <span class="gsc-time">13:26</span></div>
    <h1>{H(s['title'])}</h1>
    <div class="gsc-body">
{body}
{fns}
    </div>
    <div class="gsc-share">Share: <a href="#">Twitter</a> <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">E-mail</a></div>
    <div class="gsc-contact"><strong>Press office - General Secretariat of the Council</strong><br>Rue de la Loi 175 - B-1048 BRUSSELS - Tel.: +32 (0)2 281 6319<br>press@consilium.europa.eu - www.consilium.europa.eu/press</div>
  </article>
  <aside class="gsc-related">
    <h2>Related content</h2>
    <ul>
      <li><span>25 October 2018</span> <a href="/en/press/press-releases/2018/10/25/">Republic of Guinea: EU extends sanctions for one year</a></li>
      <li><span>16 June 2016</span> <a href="/en/press/press-releases/2016/06/16/">Declaration by the High Representative on behalf of the EU on the alignment of certain countries concerning restrictive measures against the DPRK</a></li>
    </ul>
  </aside>
</main>
<footer class="gsc-footer"><a href="/en/contact/">Contact</a> <a href="/en/about-site/legal-notice/">Legal notice</a> <a href="/en/about-site/cookies/">Cookies</a></footer>
</body>
</html>
"""
    write_text(path, page)


def c_nato_london(path):
    s = SRC["nato-nac-2005-089"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>NATO - Official text: {H(s['title'])}, 08-Jul.-2005</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<div id="header">
  <a href="/cps/en/natohq/index.htm"><img src="/nato_static_fl2014/assets/pictures/logo.png" alt="NATO - North Atlantic Treaty Organization"></a>
  <div class="language-selector"><a href="?selectedLocale=en" class="selected">English</a> <a href="?selectedLocale=fr">Français</a> <a href="?selectedLocale=ru">Русский</a> <a href="?selectedLocale=uk">Українська</a></div>
  <ul class="main-nav"><li><a href="/cps/en/natohq/news.htm">News</a></li><li><a href="/cps/en/natohq/topics.htm">Topics</a></li><li><a href="/cps/en/natohq/official_texts.htm">Official texts</a></li><li><a href="/cps/en/natohq/multimedia.htm">Multimedia</a></li></ul>
</div>
<div id="breadcrumb"><a href="/cps/en/natohq/index.htm">Home</a> &gt; <a href="/cps/en/natohq/official_texts.htm">Official texts</a></div>
<div id="content">
  <h1>{H(s['title'])}</h1>
  <ul class="event-details">
    <li>{H(s['dateline'])}</li>
    <li>|</li>
    <li>{H(s['number'])}</li>
    <li>Issued on {H(s['dateline'])}</li>
    <li>|</li>
    <li>Last updated: {H(s['updated'])}</li>
  </ul>
  <div class="content">
{body}
  </div>
  <div class="share"><a href="#">Print</a> <a href="#">Email</a></div>
</div>
<div id="sidebar">
  <h3>Related news</h3>
  <ul>
    <li><span class="date">07 Jul. 2005</span> <a href="/cps/en/natohq/news_21730.htm">NATO Secretary General condemns London attacks</a></li>
    <li><span class="date">11 Sep. 2001</span> <a href="/cps/en/natohq/official_texts_18863.htm">Statement by the North Atlantic Council</a></li>
  </ul>
</div>
<div id="footer"><a href="/cps/en/natohq/contact.htm">Contact us</a> | <a href="/cps/en/natohq/terms.htm">Terms and conditions</a> | © NATO</div>
</body>
</html>
"""
    write_text(path, page)


def c_au_2023(path):
    s = SRC["au-ethiopia-2023"]
    body = "\n".join(f"      <p>{H(p)}</p>" for p in s["paragraphs"])
    res = "\n".join(f"      <li><span class=\"date\">{H(d)}</span><p>{H(t)}</p></li>" for d, t in s["resources"])
    page = f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8">
<title>{H(s['title'])} | African Union</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
</head>
<body class="page-node-type-press-releases">
<header>
  <div class="au-logo"><a href="/fr"><img src="/sites/default/files/au_logo_fr.png" alt="Union africaine"></a><span class="slogan">Une Afrique Unie et Forte</span></div>
  <nav class="language"><a href="/en/node/43054">English</a> <a href="/fr/node/43054" class="is-active">Français</a> <a href="/ar/node/43054">العربية</a> <a href="/pt/node/43054">Português</a></nav>
  <nav class="menu"><a href="/fr/about/vision">À propos</a> <a href="/fr/organs">Organes</a> <a href="/fr/pressreleases">Communiqués de presse</a> <a href="/fr/documents">Documents</a></nav>
</header>
<section class="top-slides"><h2>Top Slides</h2></section>
<main>
  <article>
    <h1 class="page-header">{H(s['title'])}</h1>
    <div class="social-share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a></div>
    <div class="field-date">{H(s['dateline'])}</div>
    <div class="field-body">
{body}
    </div>
  </article>
  <aside class="resources">
    <h2>Ressources</h2>
    <ul>
{res}
    </ul>
  </aside>
</main>
<footer><p>Copyright © 2023 African Union. All rights reserved.</p><p>Roosevelt Street (Old Airport Area), W21K19, Addis Ababa, Ethiopia</p></footer>
</body>
</html>
"""
    write_text(path, page)


# shape d (Markdown)
def d_un_syria(path):
    s = SRC["un-sg-syria-2003"]
    t = f"""---
title: "{s['title']}"
date: '2003-04-14'
place: {s['place']}
category: Statements
speaker: Spokesperson for the Secretary-General
---

{s['paragraphs'][0]}
"""
    write_text(path, t)


def d_juncker(path):
    s = SRC["ec-juncker-barcelona"]
    t = f"""---
title: {s['title']}
date: "August 17, 2017"
type: statement
author: European Commission
---

# {s['title']}

{s['paragraphs'][0]}
"""
    write_text(path, t)


def d_nato_previews(path):
    s = SRC["nato-sg-previews-2017"]
    t = f"**{s['title']}**\n\n" + "\n\n".join(s["paragraphs"]) + "\n"
    write_text(path, t)


def d_osce_uk(path):
    s = SRC["osce-cio-sg-2022-uk"]
    t = f"""---
title: "{s['title']}"
date: 24.02.2022
lang: uk
organisation: ОБСЄ
---

""" + "\n\n".join(s["paragraphs"]) + "\n"
    write_text(path, t)


def d_au_2020(path):
    s = SRC["au-ethiopia-2020"]
    t = f"""---
title: "{s['title']}"
date: 2020-11-09T16:45:00+03:00
source: African Union (Addis Ababa)
tags: [press release, Ethiopia, Peace and Security]
---

# {s['title']}

""" + "\n\n".join(s["paragraphs"]) + "\n"
    write_text(path, t)


def d_un_ru_2021(path):
    s = SRC["un-unday-2021-ru"]
    t = f"# {s['title']}\n\n*{s['place']}, {s['dateline']}*\n\n{s['byline']}\n\n" + "\n\n".join(s["paragraphs"]) + "\n"
    write_text(path, t)


# plan + truth
FORMULA_ALT = "The following statement was issued today by the Spokesman for UN"

release("SG_SM_19144_Syria.txt", "un-sgsm19144", "a", shape_a(a_un_19144, True),
        summary_starts="The Secretary-General strongly condemns the terrorist attacks in Sweida City, Syria, today.",
        summary_alt_starts=FORMULA_ALT,
        summary_skipped_lead=SRC["un-sgsm19144"]["intro"],
        notes="UN press release printed to PDF: \"Press Release\" label with the SG/SM number, date, title in larger type; the first paragraph is the \"The following statement was issued ...\" formula. The title repeats \"General\" (sic, as published).",
        made_with="reportlab PDF (DejaVuSerif), then pdftotext -enc UTF-8 -layout <pdf> <txt>", pdf_font="DejaVuSerif")
release("UNHCR PR Grandi takes helm 04012016.txt", "unhcr-grandi", "a", shape_a(a_unhcr, False),
        summary_starts="Grandi, a UN official who has worked in refugee and political affairs",
        summary_alt_starts=["GENEVA, Jan 4 (UNHCR) - Filippo Grandi, a UN official who has worked",
                            "Filippo Grandi, a UN official who has worked in refugee and political affairs"],
        notes="UNHCR layout: \"Press releases\" label, title, standfirst (summary), date line with the language links, body with the \"GENEVA, Jan 4 (UNHCR) -\" dateline (no year).",
        made_with="reportlab PDF (DejaVuSans), then pdftotext -enc UTF-8 <pdf> <txt>", pdf_font="DejaVuSans")
release("MEX-16-2366 Bratislava.txt", "ec-mex-16-2366", "a", shape_a(a_ec_2366, True),
        summary_starts="On the occasion of the start of the six-month Slovak Presidency of the",
        notes="European Commission Daily News item: \"Daily News 30 / 06 / 2016\" and \"Brussels, 30 June 2016\" above the title; the MEX reference at the end; the body also names \"Tomorrow, 1 July\".",
        made_with="reportlab PDF (DejaVuSans), then pdftotext -enc UTF-8 -layout <pdf> <txt>", pdf_font="DejaVuSans",
        date_note="the stored URL is the _fr page, but the item text is the English Daily News of 30 June 2016")
release("declaration_HR_alignment_DPRK.txt", "council-dprk-2016", "a", shape_a(a_council_dprk, False),
        summary_starts="On 27 May 2016, the Council adopted Council Decision (CFSP) 2016/849[1] concerning",
        notes="Council of the EU press release PDF: \"PRESS RELEASE\" and \"16/06/2016 15:13\" above a long title; body dates (27 May 2016, 28.5.2016) are earlier than publication; Council press office footer.",
        made_with="reportlab PDF (DejaVuSans), then pdftotext -enc UTF-8 <pdf> <txt>", pdf_font="DejaVuSans",
        source_via="europavarietas.org aggregator of the Council's press feed (item dated Thu, 16/06/2016 - 15:13)")
release("communique_2015_019_accident_Espagne.txt", "nato-sg-2015-019-fr", "a", shape_a(a_nato_fr, True),
        summary_starts="Je suis profondément attristé par le crash d'un avion de chasse grec",
        notes="NATO French press release: letterhead \"NATO OTAN\", number \"Communiqué de presse (2015) 019\", date \"26 janv. 2015\"; no year in the body.",
        made_with="reportlab PDF (DejaVuSerif), then pdftotext -enc UTF-8 -layout <pdf> <txt>", pdf_font="DejaVuSerif")
release("coe_sg_flanagan_21102014.txt", "coe-sg-flanagan-fr", "a", shape_a(a_coe_flanagan, False),
        summary_starts="Strasbourg, 21.10.2014 - Thorbjørn Jagland et le ministre irlandais des Affaires étrangères",
        summary_alt_starts="Thorbjørn Jagland et le ministre irlandais des Affaires étrangères, Charles Flanagan",
        notes="Council of Europe French newsroom page printed to PDF: the headline is in English (as on the French page), the text in French; photo caption under the title; \"Voir aussi\" link at the end.",
        made_with="reportlab PDF (DejaVuSans), then pdftotext -enc UTF-8 <pdf> <txt>", pdf_font="DejaVuSans",
        source_via="hub.coe.int French newsroom listing (\"Salle de presse\"), item of 21/10/2014")

release("SC8215 press statement terrorist attacks.txt", "un-sc8215", "b", b_sc_8215,
        summary_starts="Following is today’s press statement by the Security Council President, Emyr",
        summary_alt_starts="Members of the Security Council strongly condemned recent terrorist attacks in which",
        notes="UN-style header lines (label, SC number, date \"08/10/2004\" day-first as on press.un.org), all-caps headline as on the page; CRLF. Body: \"yesterday's heinous attack in Taba\" (7 October 2004).",
        encoding="UTF-8", line_endings="CRLF",
        date_note="press.un.org prints the date as 08/10/2004 (day/month); the Taba attack of 7 October 2004 is \"yesterday\" in the text")
release("Послание ко Дню ООН 2019.txt", "un-unday-2019-ru", "b", b_un_ru_2019,
        summary_starts="День Организации Объединенных Наций побуждает нас обратиться к неизменно актуальным идеалам",
        notes="Russian; Windows-1251 with CRLF; header lines \"Организация Объединенных Наций\", \"New York\", \"24 октября 2019\" as on the un.org/sg/ru page.",
        encoding="Windows-1251", line_endings="CRLF")
release("HRVP statement East Med.txt", "eeas-borrell-eastmed", "b", b_eeas_borrell,
        summary_starts="Latest naval mobilisations in Eastern Mediterranean are extremely worrying.",
        notes="UTF-8 with BOM; all-caps headline as reproduced by Agenparl; EEAS date style \"Brussels, 09/08/2020\" (day/month); body hard-wrapped at 72 columns; source link at the end.",
        encoding="UTF-8 with BOM", line_endings="LF",
        source_via="agenparl.eu reproduction of the EEAS statement (\"BRUSSELS (BELGIUM), dom 09 agosto 2020\"; Fonte/Source: eeas.europa.eu ... 83911)")
release("Заява ВП ЄС Маріуполь КМЄС.txt", "eeas-hr-mariupol-uk", "b", b_eeas_uk,
        summary_starts="КМЄС отримала достовірну інформацію про те, що приміщення її маріупольського представництва",
        notes="Ukrainian; UTF-16 LE with BOM and CRLF; date line \"Березень 30, 2022\" (month name first, as on the EUAM site).",
        encoding="UTF-16 LE with BOM", line_endings="CRLF",
        source_via="EUAM Ukraine (euam-ukraine.eu) Ukrainian version of the High Representative's statement",
        body_note="the stored page shows two paragraphs; the statement may continue beyond what is visible")
release("midex_05-12-21_autos_propres.txt", "ec-midex-2005-12-21-fr", "b", b_midex_fr,
        summary_starts="Réduire les émissions des nouvelles voitures particulières et des nouveaux véhicules",
        notes="Commission Midday Express digest item (French); Windows-1252 with CRLF; header lines of the digest with the date \"21/12/05\" (two-digit year) and the section line \"[I] Résultats de la Commission de ce jour - Outcome of today's Commission meeting\" above the item title; the body names 2008 (future).",
        encoding="Windows-1252", line_endings="CRLF",
        source_via="athena.hri.org archive of the Commission's Midday Express of 21/12/05 (item [01])")
release("OSCE CiO Chechnya 17-12-96.txt", "osce-cio-chechnya-1996", "b", b_osce_1996,
        summary_starts="BERN, 17 December 1996 - The Chairman-in-Office of the OSCE, Swiss Foreign",
        summary_alt_starts=["The Chairman-in-Office of the OSCE, Swiss Foreign Minister Flavio Cotti, issued",
                            "The Chairman-in-Office of the OSCE was horrified to learn of the atrocious crime"],
        notes="ASCII, CRLF, hard-wrapped at 70 columns; the lead introduces the statement with a colon.",
        encoding="ASCII", line_endings="CRLF")
release("AU_Chairperson_Ethiopia_25062019.txt", "au-ethiopia-2019", "b", b_au_2019,
        summary_starts="25 June 2019, Addis Abeba: The Chairperson of the African Union Commission Moussa",
        summary_alt_starts="The Chairperson of the African Union Commission Moussa Faki Mahamat wishes to express",
        notes="AU date line under the title in US style (\"June 25, 2019\"); the lead repeats the date (\"25 June 2019, Addis Abeba:\"); body mentions Saturday 22 June 2019 (event).",
        encoding="UTF-8", line_endings="LF")

release("sgsm22174.html", "un-sgsm22174", "c", c_un_22174,
        summary_starts="The Secretary-General condemns in the strongest possible terms today’s terrorist attack",
        summary_alt_starts=FORMULA_ALT, summary_skipped_lead=SRC["un-sgsm22174"]["intro"],
        notes="press.un.org layout: symbol and visible date \"22 March 2024\" only (no date meta); sidebar with older releases and their dates.",
        other_years_in_text=["2018", "2005"], encoding="UTF-8")
release("statement-unicef-executive-director-catherine-russell-deadly-strikes-ukraine.html", "unicef-ukraine-2024", "c", c_unicef_ukraine,
        summary_starts="I am horrified by the news out of Ukraine today that at least 150",
        notes="UNICEF statement on the UN Ukraine site: og/article:published_time meta (Kyiv time), <time datetime> with the visible \"08 July 2024\", modified_time the next day; media contacts block.",
        source_via="United Nations in Ukraine (ukraine.un.org) copy of the UNICEF statement", encoding="UTF-8")
release("70207_remarks-hrvp-mogherini-fac.html", "eeas-mogherini-fac", "c", c_eeas_fac,
        summary_starts="We will have two days of Council, today with the Foreign Ministers, tomorrow",
        summary_skipped_lead="Check against delivery!",
        notes="EEAS page: \"Brussels, 11/11/2019 - 10:04, UNIQUE ID: 191111_3\" under the title (day/month); \"Check against delivery!\" before the text; related links with dd/mm/yyyy dates.",
        encoding="UTF-8")
release("council-guinea-alignment.html", "council-guinea-2018", "c", c_council_guinea,
        summary_starts="On 25 October 2018, the Council adopted Decision 2018/1611/CFSP[1].",
        notes="consilium.europa.eu-style page: JSON-LD datePublished plus visible \"20 November 2018\" and time; the body dates (25 October 2018, 27 October 2019, 26.10.2018) are not the publication date.",
        source_via="marketscreener.com copy (\"European Union published this content on 20 November 2018\", stamped 11/20/2018 01:26pm CET); page chrome rebuilt in the Council's style",
        other_years_in_text=["2016", "2019"], encoding="UTF-8")
release("nato_official_texts_21732.html", "nato-nac-2005-089", "c", c_nato_london,
        summary_starts="The North Atlantic Council met this morning in extraordinary session to express its",
        notes="nato.int official text layout: \"08 Jul. 2005 | Press Release (2005) 089 | Issued on 08 Jul. 2005 | Last updated: 07 Dec. 2010 15:33\"; the <title> repeats the date as 08-Jul.-2005; body says \"yesterday in London\".",
        other_years_in_text=["2010", "2001"], encoding="UTF-8")
release("au-statement-ethiopia-amhara.html", "au-ethiopia-2023", "c", c_au_2023,
        summary_starts="16 August 2023, Addis Ababa: The Chairperson of the African Union, H.E Moussa",
        summary_alt_starts="The Chairperson of the African Union, H.E Moussa Faki Mahamat, is following closely",
        notes="English statement on the French-locale au.int page (html lang=\"fr\"): the visible date is \"août 16, 2023\" (French month, month first); \"Ressources\" sidebar with other dates (février 10, 2022; août 09, 2024). The second paragraph lacks its final full stop (as published).",
        other_years_in_text=["2022", "2024"], encoding="UTF-8")

release("sg-statement-syria-2003-04-14.md", "un-sg-syria-2003", "d", d_un_syria,
        summary_starts="The Secretary-General is concerned that recent statements directed at Syria should not",
        notes="YAML front matter with a quoted ISO date; no heading in the body; the date is also in the file name.",
        encoding="UTF-8", line_endings="LF",
        date_note="the date is in the un.org URL (statement/2003-04-14/...)")
release("juncker-statement-barcelona.md", "ec-juncker-barcelona", "d", d_juncker,
        summary_starts="“It is with profound sorrow and anguish that I have learnt of the",
        summary_alt_starts="It is with profound sorrow and anguish that I have learnt of the",
        notes="Front matter date as a quoted US long date (\"August 17, 2017\"); # heading repeats the title; the statement is one quoted paragraph with no date.",
        encoding="UTF-8", line_endings="LF",
        source_via="EU Info Centre Belgrade archive (arhiva.europa.rs) of the Commission statement",
        date_note="the europa.rs archive page shows no date; europediplomatic.com carried the same statement on August 17, 2017, the day of the Barcelona attack")
release("sg-previews-meeting-nato-leaders.md", "nato-sg-previews-2017", "d", d_nato_previews,
        summary_starts="Secretary General Jens Stoltenberg previewed the agenda of this week’s meeting of",
        notes="No front matter; the title is a bold line; the only date is in the lead (\"on Wednesday (24 May 2017)\"), with \"Tomorrow\" for the summit.",
        encoding="UTF-8", line_endings="LF",
        source_via="honvedelem.hu (Hungarian defence ministry) reproduction of the NATO news story, posted 2017. május 25. 8:16",
        date_note="the NATO story reports the press conference of Wednesday 24 May 2017 and says the leaders meet \"tomorrow\" (25 May); it was published on 24 May 2017, the honvedelem.hu copy the next morning")
release("спільна-заява-рау-шмід.md", "osce-cio-sg-2022-uk", "d", d_osce_uk,
        summary_starts="ВАРШАВА/ВІДЕНЬ, 24 лютого 2022 року — Чинний голова ОБСЄ та Міністр закордонних справ",
        summary_alt_starts=["Чинний голова ОБСЄ та Міністр закордонних справ Польщі Збіґгнєв Рау",
                            "«Рішуче засуджуємо військові дії Росії проти України."],
        notes="Ukrainian; front matter with an unquoted DD.MM.YYYY date and lang: uk; no heading; the lead ends with a colon before the quoted statement.",
        encoding="UTF-8", line_endings="LF")
release("au_pr_ethiopia_nov2020.md", "au-ethiopia-2020", "d", d_au_2020,
        summary_starts="9 November 2020, Addis Ababa: The Chairperson of the African Union Commission Moussa",
        summary_alt_starts="The Chairperson of the African Union Commission Moussa Faki Mahamat is following with",
        notes="Front matter timestamp with an Addis Ababa offset; # heading repeats the title.",
        encoding="UTF-8", line_endings="LF",
        source_via="allAfrica.com reproduction of the AU press release (\"9 November 2020 / African Union (Addis Ababa) / press release\")")
release("un-day-message-2021-ru.md", "un-unday-2021-ru", "d", d_un_ru_2021,
        summary_starts="Семьдесят шесть лет назад Организация Объединенных Наций была создана как проводник надежды",
        notes="Russian; no front matter; # heading, italic date line \"*New York, 24 октября 2021*\" and the English byline \"António Guterres, Secretary-General\" as on the un.org/sg/ru page; the text itself has no year (\"Семьдесят шесть лет назад\").",
        encoding="UTF-8", line_endings="LF")

release("SC-8439 London.docx", "un-sc8439", "e", e_un_8439,
        summary_starts="Following is the Security Council press statement on the London bombings delivered",
        summary_alt_starts="I wish first to express the Council’s outrage and indignation at today’s",
        notes="UN letterhead paragraphs, a table with \"Security Council\" / \"Press Release SC/8439\", date \"7 July 2005\", all-caps title in Heading 1; \"bought to justice\" (sic) as published.",
        docx_title_style="Heading 1")
release("UNICEF_statement_Uvalde.docx", "unicef-uvalde", "e", e_unicef_uvalde,
        summary_starts="“Once again, children have been attacked and killed while attending school",
        summary_alt_starts="Once again, children have been attacked and killed while attending school",
        notes="No date anywhere in the text (only \"this Tuesday (24th May)\"), no year; bold title without a style; \"ENDS\" and \"About UNICEF\" notes. Use the file time and the docx core properties.",
        docx_title_style="bold", year_in_text=False, mtime_days_after=2,
        source_via="WiredGov newswire copy of the UNICEF UK release (item stamped 26052022122000)",
        date_note="WiredGov lists the release on 26 May 2022 (URL stamp 26052022122000); the shooting was on Tuesday 24 May 2022")
release("MEX-16-465_transparency_register.docx", "ec-mex-16-465", "e", e_ec_465,
        summary_starts="On 1 March, the Commission is launching a 12-week public consultation to gather",
        notes="Daily News header paragraphs (\"Daily News 01 / 03 / 2016\", \"Brussels, 1 March 2016\"), title in Heading 2, one body paragraph ending with the contacts in parentheses; core property title is the Daily News label.",
        docx_title_style="Heading 2")
release("PR EUSR Gulf Di Maio.docx", "council-eusr-gulf-2023", "e", e_council_gulf,
        summary_starts="Today the Council appointed Luigi di Maio as EU Special Representative (EUSR) for",
        notes="Council letterhead paragraphs, \"PRESS RELEASE\" and \"15 May 2023 13:28\", title in the Word Title style, press office table at the end; body dates 18 May 2022 and 20 June 2022 are earlier documents.",
        docx_title_style="Title",
        source_via="politikinewsaaa.blogspot.com copy of the Council press release (\"15/05/2023 13:28 | Press release |\")")
release("SG statement Leyla Yunus.docx", "coe-sg-yunus-2014", "e", e_coe_yunus,
        summary_starts="Strasbourg, 01.08.2014 - I am deeply concerned about the reports relating to",
        summary_alt_starts="I am deeply concerned about the reports relating to the detention of Leyla Yunus",
        notes="Letterhead in the Word header, \"Secretary General\" label, bold title without a style; the date is only in the lead (\"Strasbourg, 01.08.2014 -\", day.month).",
        docx_title_style="bold", source_via="hub.coe.int newsroom listing, item of 01.08.2014")
release("Communiqué Président CUA décès Edem Kodjo.docx", "au-kodjo-2020-fr", "e", e_au_kodjo,
        summary_starts="Le Président de la Commission de l’Union Africaine M. Moussa Faki Mahamat a appris",
        notes="French; AU letterhead in the Word header (four languages), \"COMMUNIQUÉ DE PRESSE\", title in Heading 1, italic dateline \"Addis Abeba, le 11 avril 2020\", \"###\" and the AU information line. Typos kept as published (\"derniere\", \"il a s’est\").",
        docx_title_style="Heading 1",
        source_via="icilome.com reproduction of the AU communiqué (credited au.int)",
        date_note="au.int's French listing dates this communiqué \"avril 11, 2020\" and opens it with \"Addis Abeba, le 11 avril 2020 :\"; the icilome copy (whose text is used here) has no date line")

release("sgsm6143_lettres_piegees.pdf", "un-sgsm6143-fr", "f", f_un_6143,
        summary_starts="19970113 On trouvera ci-après la transcription de la déclaration concernant les lettres",
        summary_alt_starts=["On trouvera ci-après la transcription de la déclaration concernant les lettres piégées",
                            "\"Je regrette que ce genre d'incident ait eu lieu dans ce bâtiment."],
        notes="French UN press release: \"Communiqué de Presse\", SG/SM/6143, \"13 janvier 1997\"; all-caps title over three lines; the first paragraph starts with the date code \"19970113\" as on press.un.org and introduces the quoted statement.",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSerif")
release("WHO-EMRO_attacks_on_health_care_29Jan2015.pdf", "who-emro-2015", "f", f_who_emro,
        summary_starts="29 January 2015 - The World Health Organization deplores the recent attacks",
        summary_alt_starts="The World Health Organization deplores the recent attacks on health staff and health",
        notes="WHO EMRO news page printed to PDF, two pages; the date opens the first paragraph; typos \"heallth\", \"insde\" as published; other years 2012, 2014.",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSans", other_years_in_text=["2012", "2014"],
        title_note="the stored print page does not show the headline; it is taken from the page address (who-deplores-attacks-on-health-workers-and-health-facilities-in-afghanistan-sudan-and-yemen), with the punctuation of the country list in the first paragraph")
release("Daily News 16-07-2021 Ireland RRP.pdf", "ec-dailynews-2021-07-16", "f", f_ec_2021,
        summary_starts="The European Commission has today adopted a positive assessment of Ireland's recovery",
        notes="Commission Daily News item: \"Daily News 16 / 07 / 2021\" and \"Brussels, 16 July 2021\" above the title; contacts at the end of the paragraph.",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSans",
        source_via="readkong.com copy of the Daily News PDF of 16 July 2021")
release("PR(2001)122.pdf", "nato-nac-2001-122", "f", f_nato_2001,
        summary_starts="The North Atlantic Council met tonight to express its solidarity with the United",
        notes="NATO press release PDF: \"For immediate release\", \"11 September 2001\", \"PRESS RELEASE\", \"(2001)122\"; the short title in large type over two lines; -ENDS-.",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSerif")
release("OSCE_SG_Kubis_Russia_attacks.pdf", "osce-sg-russia-2004", "f", f_osce_2004,
        summary_starts="VIENNA, 1 September 2004 - OSCE Secretary General Jan Kubis strongly condemned",
        summary_alt_starts="OSCE Secretary General Jan Kubis strongly condemned a spate of terrorist attacks",
        notes="OSCE press release PDF: letterhead, \"PRESS RELEASE\", title, \"VIENNA 1 September 2004\"; \"OSCE 's\" (sic).",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSans",
        source_via="shhada.ir mirror of the osce.org newsroom item")
release("CoE_SG_Ferguson_FR.pdf", "coe-sg-ferguson-fr", "f", f_coe_ferguson,
        summary_starts="Strasbourg, 20.08.2014 - Déclaration du Secrétaire Général Jagland au sujet des",
        summary_alt_starts="Déclaration du Secrétaire Général Jagland au sujet des événements de Ferguson",
        notes="French Council of Europe newsroom item printed to PDF: English headline (as on the French page), French text; \"Secrétaire Général 20/08/2014 A la une\" above the title; \"Page 1 sur 1\".",
        made_with="reportlab 5.1.0", pdf_font="DejaVuSans",
        source_via="hub.coe.int French newsroom listing (\"Salle de presse\"), item of 20/08/2014")


SHAPE_ORDER = "abcdef"


def main():
    os.chdir(HERE)
    truth = []
    for file, sid, shape, builder in FILES:
        path = os.path.join(HERE, file)
        pages = builder(path)
        s = SRC[sid]
        t = TRUTH[file]
        year_in_text = t.pop("year_in_text", True)
        days = t.pop("mtime_days_after", 0)
        pub = datetime.fromisoformat(s["date"])
        mt = pub.replace(day=pub.day) if not days else datetime.fromordinal(pub.toordinal() + days)
        rec = {"file": file, "title": s["title"], "published": s["date"],
               "summary_starts": t.pop("summary_starts")}
        if "summary_alt_starts" in t:
            rec["summary_alt_starts"] = t.pop("summary_alt_starts")
        if "summary_skipped_lead" in t:
            rec["summary_skipped_lead"] = t.pop("summary_skipped_lead")
        rec.update({"language": s["language"], "shape": shape, "publisher": s["publisher"], "url": s["url"],
                    "mtime": mt.strftime("%Y-%m-%dT12:00:00Z"), "year_in_text": year_in_text})
        if s.get("body_note"):
            t.setdefault("body_note", s["body_note"])
        made = t.pop("made_with", None)
        if shape == "a":
            lines = open(path, encoding="utf-8").read().split("\n")
            want = s["title"].split()
            norm = [" ".join(l.split()) for l in lines]
            n = None
            for i in range(len(norm)):
                if not norm[i]:
                    continue
                acc = []
                for j in range(i, min(i + 5, len(norm))):
                    if not norm[j]:
                        break
                    acc += norm[j].split()
                    if acc == want:
                        n = j - i + 1
                        break
                    if acc != want[:len(acc)]:
                        break
                if n:
                    break
            if n is None:
                sys.exit(f"{file}: title not found as consecutive lines")
            t["title_lines_in_file"] = n
            t["encoding"] = "UTF-8"
        if shape == "f":
            t["pdf_pages"] = pages
            t["pdf_creation_date"] = None
        rec["notes"] = t.pop("notes")
        rec["made_with"] = made or {"b": "plain text written by make.py", "c": "HTML written by make.py",
                                    "d": "Markdown written by make.py", "e": "python-docx"}[shape]
        rec.update(t)
        if shape == "f":
            import subprocess as sp
            info = sp.run(["pdfinfo", path], capture_output=True, text=True).stdout
            m = re.search(r"CreationDate:\s+(.*)", info)
            rec["pdf_creation_date"] = (datetime.strptime(m.group(1).strip(), "%a %b %d %H:%M:%S %Y %Z")
                                        .strftime("%Y-%m-%dT%H:%M:%SZ") if m else None)
        if shape == "e":
            d = docx.Document(path)
            rec["docx_core_created"] = d.core_properties.created.strftime("%Y-%m-%dT%H:%M:%S")
        truth.append(rec)
    truth.sort(key=lambda r: (SHAPE_ORDER.index(r["shape"]), r["file"]))
    json.dump(truth, open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    open(os.path.join(HERE, "truth.json"), "a", encoding="utf-8").write("\n")
    print(len(truth), "files")


if __name__ == "__main__":
    main()
