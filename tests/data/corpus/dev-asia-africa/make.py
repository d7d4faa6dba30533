#!/usr/bin/env python3
"""Build the dev-asia-africa batch of the feedsvc evaluation corpus (development set: publishers the rest of the
corpus does not have).

Run with /work/corpus-venv/bin/python make.py  (needs reportlab, python-docx, fpdf2 and poppler's pdftotext).
The release texts (titles, datelines, paragraphs exactly as published) are in sources.json beside this script;
this file holds only the layouts (letterheads, page chrome, footers in each publisher's style) and the truth
records. Running it again rebuilds the same files and truth.json.
"""
import html, json, os, subprocess, tempfile, textwrap, zipfile
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
for fam, base in (("DejaVuSans", "DejaVuSans"), ("DejaVuSerif", "DejaVuSerif"),
                  ("DejaVuSansCondensed", "DejaVuSansCondensed"), ("DejaVuSerifCondensed", "DejaVuSerifCondensed")):
    pdfmetrics.registerFont(TTFont(fam, f"{FONTDIR}/{base}.ttf"))
    pdfmetrics.registerFont(TTFont(fam + "-Bold", f"{FONTDIR}/{base}-Bold.ttf"))
    ital = "Oblique" if "Sans" in fam else "Italic"
    pdfmetrics.registerFont(TTFont(fam + "-Italic", f"{FONTDIR}/{base}-{ital}.ttf"))
# the standard Type 1 faces keep their own names: Helvetica(-Bold,-Oblique), Times-Roman(-Bold,-Italic)
FACES = {"Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
         "Times": ("Times-Roman", "Times-Bold", "Times-Italic")}

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def esc(s):
    return html.escape(s, quote=False)


def epoch(iso):
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def face(font, o):
    if font in FACES:
        reg, bold, ital = FACES[font]
    else:
        reg, bold, ital = font, font + "-Bold", font + "-Italic"
    return bold if o.get("bold") else ital if o.get("italic") else reg


def build_pdf(path, spec):
    """spec: font, blocks [(kind, text, size, opts)] or ("space", pts), footer_left/center/right, header_left/right,
    created (ISO UTC), meta, pagesize, margins.  Returns (pages, lines of the block whose kind is 'title')."""
    font = spec["font"]
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(spec["created"]))
    title_paras = []

    def story():
        out = []
        title_paras.clear()
        for b in spec["blocks"]:
            if b[0] == "space":
                out.append(Spacer(1, b[1]))
                continue
            kind, text, size = b[0], b[1], b[2]
            o = b[3] if len(b) > 3 else {}
            st = ParagraphStyle(kind, fontName=face(o.get("font", font), o), fontSize=size,
                                leading=o.get("leading", size * 1.25), alignment=ALIGN[o.get("align", "left")],
                                spaceAfter=o.get("after", 0), spaceBefore=o.get("before", 0),
                                firstLineIndent=o.get("indent", 0), leftIndent=o.get("left", 0),
                                textColor=o.get("color", "#000000"))
            p = Paragraph(esc(text), st)
            if kind == "title":
                title_paras.append(p)
            out.append(p)
        return out

    total = [1]

    def onpage(canv, doc):
        canv.saveState()
        w, h = spec.get("pagesize", A4)
        ml, mr = spec.get("margins", (20 * mm, 20 * mm, 18 * mm, 22 * mm))[:2]
        canv.setFont(face(spec.get("footer_font", font), {}), spec.get("footer_size", 7.5))
        y = spec.get("footer_y", 12 * mm)
        n = canv.getPageNumber()
        fmt = lambda t: {"pageof": f"Page {n} of {total[0]}", "page": f"{n}", "slash": f"{n}/{total[0]}",
                         "dash": f"- {n} -"}.get(t, t)
        if spec.get("footer_left"):
            fl = spec["footer_left"]
            for k, line in enumerate(fl if isinstance(fl, list) else [fl]):
                canv.drawString(ml, y + 9 * (len(fl) - 1 - k if isinstance(fl, list) else 0), fmt(line))
        if spec.get("footer_center"):
            canv.drawCentredString(w / 2, y, fmt(spec["footer_center"]))
        if spec.get("footer_right"):
            canv.drawRightString(w - mr, y, fmt(spec["footer_right"]))
        if spec.get("header_left"):
            canv.drawString(ml, h - 10 * mm, fmt(spec["header_left"]))
        if spec.get("header_right"):
            canv.drawRightString(w - mr, h - 10 * mm, fmt(spec["header_right"]))
        if spec.get("rule_color"):
            canv.setStrokeColor(spec["rule_color"])
            canv.setLineWidth(spec.get("rule_width", 1.2))
            top = h - spec.get("margins", (20 * mm, 20 * mm, 18 * mm, 22 * mm))[2] + 4 * mm
            canv.line(ml, top, w - mr, top)
        canv.restoreState()

    for _ in range(2):
        m = spec.get("margins", (20 * mm, 20 * mm, 18 * mm, 22 * mm))
        meta = spec.get("meta", {})
        doc = SimpleDocTemplate(path, pagesize=spec.get("pagesize", A4), leftMargin=m[0], rightMargin=m[1],
                                topMargin=m[2], bottomMargin=m[3], invariant=1,
                                title=meta.get("title", ""), author=meta.get("author", ""),
                                subject=meta.get("subject", ""), creator=meta.get("creator", ""),
                                producer=meta.get("producer", "ReportLab PDF Library - www.reportlab.com"))
        doc.build(story(), onFirstPage=onpage, onLaterPages=onpage)
        total[0] = doc.page
    lines = sum(len(p.blPara.lines) for p in title_paras if hasattr(p, "blPara"))
    return total[0], lines


def pdftotext(pdf, txt, layout):
    subprocess.run(["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt], check=True)


# DOCX
import docx
from docx.shared import Pt, RGBColor, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH

AL = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
      "left": WD_ALIGN_PARAGRAPH.LEFT}


def fix_zip(path, when):
    """Rewrite the docx zip with fixed entry times so that rebuilding gives the same bytes."""
    dt = datetime.fromisoformat(when).timetuple()[:6]
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=dt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def core(d, author, created, title="", lastmod=None, company=None):
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = lastmod or author
    cp.title = title
    cp.created = datetime.fromisoformat(created)
    cp.modified = datetime.fromisoformat(created)
    cp.revision = 2


def para(d, text, bold=False, size=None, align=None, italic=False, style=None, color=None, after=None, font=None,
         before=None):
    p = d.add_paragraph(style=style) if style else d.add_paragraph()
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)
    if font:
        r.font.name = font
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    if align:
        p.alignment = AL[align]
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    return p


def base_font(d, name, size):
    st = d.styles["Normal"]
    st.font.name = name
    st.font.size = Pt(size)


def save_docx(d, path, when):
    d.save(path)
    fix_zip(path, when)


# helpers
def write_text(path, text, encoding="utf-8", bom=False, crlf=False):
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-16":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)
    open(path, "wb").write(data)


def wrap(p, width, indent=""):
    return "\n".join(textwrap.wrap(p, width=width, break_long_words=False, break_on_hyphens=False,
                                   initial_indent=indent, subsequent_indent=indent))


H = lambda s: html.escape(s, quote=True)

FILES = []   # (file, sid, shape, builder)
TRUTH = {}


def release(file, sid, shape, builder, **truth):
    FILES.append((file, sid, shape, builder))
    TRUTH[file] = dict(truth)


def shape_a(fn, layout):
    def build(path):
        spec = fn()
        with tempfile.TemporaryDirectory() as t:
            pdf = os.path.join(t, "x.pdf")
            pages, lines = build_pdf(pdf, spec)
            pdftotext(pdf, path, layout)
        return {"title_lines_in_file": lines, "pages": pages}
    return build


def shape_f(fn):
    def build(path):
        pages, lines = build_pdf(path, fn())
        return {"title_lines_in_file": lines, "pages": pages}
    return build


def numbered_alt(p, n=12):
    """A numbered paragraph: the summary may keep or drop the '1. ' marker."""
    words = p.split()
    return " ".join(words[:n])


# a
def a_jp_june2015():
    s = SRC["jp-june-2015"]
    blocks = [
        ("lh", "Ministry of Foreign Affairs of Japan", 8, {"bold": True, "color": "#1f3c88"}),
        ("lh", "Home  >  Press Releases", 7, {"after": 16, "color": "#555555"}),
        ("lab", s["label"], 9, {"after": 8}),
        ("title", s["title"], 17, {"bold": True, "leading": 21, "after": 12}),
        ("date", s["dateline"], 9.5, {"align": "right", "after": 14}),
    ] + [("p", p, 10.5, {"after": 9, "leading": 14.5}) for p in s["paragraphs"]] + [
        ("back", s["after"][0], 8.5, {"before": 14, "color": "#1f3c88"})]
    return dict(font="Helvetica", blocks=blocks, created="2015-06-29T01:12:00Z",
                footer_left="https://www.mofa.go.jp/press/release/press4e_000785.html", footer_right="slash",
                meta={"title": "MOFA: " + s["title"], "creator": "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:38.0) Gecko/20100101 Firefox/38.0"})


def a_imf_9721():
    s = SRC["imf-pr9721"]
    blocks = [
        ("lh", "INTERNATIONAL MONETARY FUND", 11, {"bold": True, "align": "center"}),
        ("lh", "EXTERNAL RELATIONS DEPARTMENT", 7.5, {"align": "center"}),
        ("lh", "700 19th Street, N.W., Washington, D.C. 20431 USA", 7, {"align": "center", "after": 18}),
        ("lab", "Press Release No. " + s["number"], 10, {"bold": True}),
        ("lab", "FOR IMMEDIATE RELEASE", 9, {}),
        ("lab", s["dateline"], 9, {"after": 16}),
        ("title", s["title"], 15, {"bold": True, "leading": 18.5, "align": "center", "after": 14}),
    ] + [("p", p, 11, {"after": 9, "leading": 15, "left": 18 if p.startswith("(i") else 0})
         for p in s["paragraphs"]] + [("space", 18)] + [
        ("c", line, 8.5, {"font": "Helvetica"}) for line in s["after"]]
    return dict(font="Times", blocks=blocks, created="1997-04-25T18:40:00Z", footer_center="page", footer_size=8,
                meta={"title": "Press Release 97/21", "author": "EXR", "creator": "Microsoft Word 6.0"},
                pagesize=letter, margins=(25 * mm, 25 * mm, 20 * mm, 22 * mm))


def a_cn_paris():
    s = SRC["cn-paris-2015"]
    blocks = [
        ("lh", "Consulate-General of the People's Republic of China in Manchester", 8.5, {"bold": True, "color": "#a40000"}),
        ("lh", "Home  |  About Us  |  Consular Services  |  Topics  |  Education  |  Culture", 6.5, {"after": 6}),
        ("lh", "Home > Topics > Spokesperson's Remarks", 7, {"after": 16}),
        ("title", s["title"], 15, {"bold": True, "leading": 19, "align": "center", "after": 16}),
    ] + [("p", p, 10.5, {"after": 9, "leading": 14.5}) for p in s["paragraphs"]] + [
        ("sug", "<Suggest To A Friend>", 8, {"before": 10}),
        ("date", s["dateline"], 8.5, {"align": "right", "before": 6})]
    return dict(font="DejaVuSerif", blocks=blocks, created="2015-11-16T09:30:00Z",
                footer_left="http://manchester.chineseconsulate.org/eng/zt/fyrth/t1314818.htm", footer_right="slash",
                footer_size=6.5, meta={"title": s["title"], "creator": "Microsoft Internet Explorer"})


def a_asean_ukraine():
    s = SRC["asean-ukraine-2022"]
    blocks = [
        ("lh", "ASEAN", 16, {"bold": True, "align": "center", "color": "#1b3f8b"}),
        ("lh", "ONE VISION  ONE IDENTITY  ONE COMMUNITY", 6.5, {"align": "center", "after": 3}),
        ("lh", "ASEAN Cambodia 2022  \u2022  A.C.T.: Addressing Challenges Together", 6.5, {"align": "center", "after": 22}),
        ("title", s["title"], 13, {"bold": True, "leading": 16.5, "align": "center", "after": 18}),
    ] + [("p", p, 11.5, {"after": 11, "leading": 16, "align": "justify"}) for p in s["paragraphs"]] + [
        ("space", 14), ("date", s["dateline"], 10.5, {"align": "left"})]
    return dict(font="DejaVuSerif", blocks=blocks, created="2022-02-26T12:05:00Z", footer_center="page",
                margins=(28 * mm, 28 * mm, 22 * mm, 25 * mm),
                meta={"title": "ASEAN FMs Statement on Ukraine", "author": "ASEAN Cambodia 2022",
                      "creator": "Microsoft\u00ae Word for Microsoft 365"})


def a_ge_chorchana():
    s = SRC["ge-chorchana-2019"]
    blocks = [
        ("lh", "\u10e1\u10d0\u10e5\u10d0\u10e0\u10d7\u10d5\u10d4\u10da\u10dd\u10e1 \u10e1\u10d0\u10d2\u10d0\u10e0\u10d4\u10dd "
               "\u10e1\u10d0\u10e5\u10db\u10d4\u10d7\u10d0 \u10e1\u10d0\u10db\u10d8\u10dc\u10d8\u10e1\u10e2\u10e0\u10dd",
         7.5, {"align": "center"}),
        ("lh", "MINISTRY OF FOREIGN AFFAIRS OF GEORGIA", 9, {"bold": True, "align": "center", "after": 4}),
        ("lh", "Press and Public Diplomacy Department", 7, {"align": "center", "after": 20}),
        ("lab", "30/08/2019", 9, {"after": 8}),
        ("title", s["title"], 14, {"bold": True, "leading": 18, "after": 14}),
    ] + [("p", p, 10.5, {"after": 8, "leading": 14, "align": "justify"}) for p in s["paragraphs"]]
    return dict(font="DejaVuSans", blocks=blocks, created="2019-08-30T14:20:00Z",
                footer_left=s["after"][0], footer_size=6.5, footer_right="page",
                meta={"title": "Statement of the MFA of Georgia", "creator": "Microsoft\u00ae Word 2016"})


release("MOFA_Japan_statement_Kishida_20150628.txt", "jp-june-2015", "a", shape_a(a_jp_june2015, True),
        summary_starts="We are profoundly shocked and outraged by the large number of deaths",
        summary_alt_starts="1. We are profoundly shocked and outraged by the large number of deaths",
        made_with="reportlab PDF (Helvetica), then pdftotext -enc UTF-8 -layout <pdf> <txt>", pdf_font="Helvetica",
        notes="Browser print of the mofa.go.jp page: breadcrumb, 'Press Releases' label, title with the speaker in "
              "parentheses, right-aligned US-style date, numbered paragraphs, 'Back to Press Releases', URL footer.")
release("pr9721.txt", "imf-pr9721", "a", shape_a(a_imf_9721, False),
        summary_starts="The Executive Board of the International Monetary Fund (IMF) has agreed to",
        made_with="reportlab PDF (Times-Roman, US letter), then pdftotext -enc UTF-8 <pdf> <txt>", pdf_font="Times-Roman",
        notes="1997 IMF press release as typed in Word: centred department letterhead with street address, "
              "'Press Release No. 97/21', 'FOR IMMEDIATE RELEASE', US-style date, centred bold title, contacts block "
              "at the end. The imf.org page prefixes the headline with 'Press Release:' (a label, not part of the title).")
release("Hong Lei remarks Paris attacks.txt", "cn-paris-2015", "a", shape_a(a_cn_paris, True),
        summary_starts="Q: It is reported that following a spate of terrorist attacks in Paris",
        summary_alt_starts=["A: The Chinese side is deeply shocked by the terrorist attacks in Paris",
                            "The Chinese side is deeply shocked by the terrorist attacks in Paris"],
        made_with="reportlab PDF (DejaVuSerif), then pdftotext -enc UTF-8 -layout <pdf> <txt>", pdf_font="DejaVuSerif",
        date_note="The consulate mirror does not show a date; the MFA pages print it as YYYY/MM/DD at the end. "
                  "Hong Lei's remarks were reported on 14 November 2015 (Cairo morning), i.e. issued on 14 November "
                  "Beijing time (the attacks began on 13 November, 04:20 Beijing time on the 14th).",
        notes="Q&A form: the first paragraph is the journalist's question; a reader may start the summary with the answer.")
release("ASEAN FMs Statement Ukraine 26Feb2022.txt", "asean-ukraine-2022", "a", shape_a(a_asean_ukraine, False),
        summary_starts="The ASEAN Foreign Ministers are deeply concerned over the evolving situation and",
        summary_alt_starts="1. The ASEAN Foreign Ministers are deeply concerned over the evolving situation and",
        made_with="reportlab PDF (DejaVuSerif), then pdftotext -enc UTF-8 <pdf> <txt>", pdf_font="DejaVuSerif",
        source_via=SRC["asean-ukraine-2022"]["source_via"],
        notes="ASEAN statement PDF: chair-year masthead, ALL-CAPS centred heading (the title as set in ASEAN statements), "
              "numbered paragraphs, date line at the end only. 'prevent the the situation' as in the reproduced text.")
release("MFA_Georgia_statement_Chorchana_30082019.txt", "ge-chorchana-2019", "a", shape_a(a_ge_chorchana, True),
        summary_starts="The Ministry of Foreign Affairs expresses concern about mobilisation of military equipment",
        made_with="reportlab PDF (DejaVuSans, Georgian letterhead), then pdftotext -enc UTF-8 -layout <pdf> <txt>",
        pdf_font="DejaVuSans", source_via=SRC["ge-chorchana-2019"]["source_via"],
        date_note="Date as given by newsday.ge's reproduction (Friday, 30 August 2019); the statement mentions the "
                  "29 August meeting in Ergneti as past.",
        notes="Bilingual (Georgian/English) ministry letterhead, numeric date 30/08/2019 above a very long title "
              "(~190 characters), mfa.gov.ge link in the footer. 'as wells as' as published.")


# b
def b_jp_afghanistan(path):
    s = SRC["jp-afghanistan-2012"]
    lines = ["Ministry of Foreign Affairs of Japan", "", s["title"], "", s["dateline"], ""]
    for p in s["paragraphs"]:
        lines += [p, ""]
    lines += [s["after"][0], ""]
    write_text(path, "\n".join(lines), crlf=True)
    return {"encoding": "UTF-8 (no BOM), CRLF"}


def b_kr_kyrgyz(path):
    s = SRC["kr-kyrgyz-2010"]
    out = ["Ministry of Foreign Affairs and Trade", "Republic of Korea", "", "PRESS RELEASE", "",
           s["title"], "", "Date " + s["dateline"], ""]
    for p in s["paragraphs"]:
        num, rest = p.split(" ", 1)
        out.append(wrap(num + "      " + rest, 100))
        out.append("")
    out += ["", " " * 29 + s["after"][0], "", s["after"][1], ""]
    write_text(path, "\n".join(out), bom=True)
    return {"encoding": "UTF-8 with BOM, LF, hard-wrapped at 100 like the original"}


def b_imf_nb9948(path):
    s = SRC["imf-nb9948"]
    out = ["News Brief No. " + s["number"] + "                          INTERNATIONAL MONETARY FUND",
           "FOR IMMEDIATE RELEASE                       700 19th Street, NW",
           s["dateline"] + "                             Washington, D.C. 20431 USA", "", "",
           s["title"].upper(), ""]
    for p in s["paragraphs"]:
        out += [wrap(p, 72), ""]
    out += ["", "                                 * * * * *", ""] + s["after"] + [""]
    write_text(path, "\n".join(out), encoding="cp1252", crlf=True)
    return {"encoding": "Windows-1252 (ASCII content), CRLF, hard-wrapped at 72"}


def b_cw_abuja(path):
    s = SRC["cw-abuja-2011"]
    out = [s["source_line"], s["dateline"], "", s["label"], "", s["title"], ""]
    for p in s["paragraphs"]:
        out += [p, ""]
    out += ["ENDS", ""]
    write_text(path, "\n".join(out), encoding="utf-16", crlf=True)
    return {"encoding": "UTF-16 LE with BOM, CRLF"}


def b_ge_iran(path):
    s = SRC["ge-iran-airport-2018"]
    out = ["MINISTRY OF FOREIGN AFFAIRS OF GEORGIA", "Press Office", "21.08.2018", "", s["title"], ""]
    for p in s["paragraphs"]:
        out.append(p)
    write_text(path, "\n".join(out) + "\n")
    return {"encoding": "UTF-8, LF, one line per paragraph, no blank lines between paragraphs"}


release("Statement FM Japan Afghanistan attacks 16 April 2012.txt", "jp-afghanistan-2012", "b", b_jp_afghanistan,
        summary_starts="Government of Japan is greatly shocked and indignant at the terrorist attacks",
        summary_alt_starts="1. Government of Japan is greatly shocked and indignant at the terrorist attacks",
        made_with="plain text written by make.py",
        notes="Ministry name, title, US-style date, numbered paragraphs, MOFA's provisional-translation note at the end "
              "(it says the date is that of the Japanese original).")
release("MOFAT_Kyrgyz_statement_100615.txt", "kr-kyrgyz-2010", "b", b_kr_kyrgyz,
        summary_starts="The Government of the Republic of Korea expresses concern over massive loss",
        summary_alt_starts="1. The Government of the Republic of Korea expresses concern over massive loss",
        made_with="plain text written by make.py",
        notes="ISO date after 'Date' as on mofa.go.kr; numbered paragraphs hard-wrapped; right-indented signature "
              "'Spokesperson and Deputy Minister for Public Relations of MOFAT' and '* unofficial translation'. "
              "File name carries a YYMMDD date.")
release("nb9948.txt", "imf-nb9948", "b", b_imf_nb9948, title=SRC["imf-nb9948"]["title"].upper(),
        summary_starts="Michel Camdessus, Managing Director of the International Monetary Fund (IMF), expressed",
        made_with="plain text written by make.py",
        notes="1999 IMF News Brief typed as plain text: two-column header (number, FOR IMMEDIATE RELEASE and date on "
              "the left, IMF address on the right), headline typed in capitals (the truth title is that headline; imf.org has it in title case), "
              "hard-wrapped body, contacts. The page headline is 'News Brief: Camdessus ...' (label + title).")
release("Commonwealth SG statement Abuja UN building.txt", "cw-abuja-2011", "b", b_cw_abuja,
        summary_starts="The Commonwealth condemns those responsible for the fatal bomb attack on the",
        made_with="plain text written by make.py", source_via=SRC["cw-abuja-2011"]["source_via"],
        notes="Agency-style header (service name, date, 'press release') above the title; ENDS.")
release("mfa.gov.ge statement 21.08.2018.txt", "ge-iran-airport-2018", "b", b_ge_iran,
        summary_starts="The Georgian side has been informed through diplomatic channels by the Iranian",
        made_with="plain text written by make.py", source_via=SRC["ge-iran-airport-2018"]["source_via"],
        date_note="Date as given by newsday.ge's reproduction (Tuesday, 21 August 2018 13:45).",
        notes="Generic title 'Statement of the Ministry of Foreign Affairs of Georgia' (the ministry often titles "
              "statements so); numeric date DD.MM.YYYY in the header and in the file name.")


# c
def c_jp_pakistan(path):
    s = SRC["jp-pakistan-2016"]
    items = "\n".join(f"    <li>{H(p)}</li>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>MOFA: {H(s['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="/files/000097851.css">
</head>
<body>
<div id="header">
  <p class="logo"><a href="/index.html"><img src="/common/images/logo.png" alt="Ministry of Foreign Affairs of Japan"></a></p>
  <ul class="lang"><li><a href="https://www.mofa.go.jp/mofaj/press/release/press4_003831.html">Japanese</a></li><li><a href="/sitemap.html">Site Map</a></li></ul>
  <form action="/search.html" class="search"><input type="text" name="q"><input type="submit" value="Search"></form>
</div>
<ul id="gnav">
  <li><a href="/policy/index.html">Foreign Policy</a></li>
  <li><a href="/region/index.html">Countries &amp; Regions</a></li>
  <li><a href="/press/index.html">Press Room</a></li>
  <li><a href="/about/index.html">About the Ministry</a></li>
</ul>
<div id="breadcrumb"><a href="/index.html">Home</a> &gt; <a href="/press/index.html">Press Room</a> &gt; <a href="/press/release/index.html">Press Releases</a> &gt; {H(s['title_main'])}</div>
<div id="maincontents">
  <p class="title-sub">Press Releases</p>
  <h1>{H(s['title_main'])}<br><span class="h1-sub">{H(s['subtitle'])}</span></h1>
  <p class="rightalign">{H(s['dateline'])}</p>
  <ul class="list-disc">
{items}
  </ul>
  <p class="pagetop"><a href="/press/release/index.html">Back to Press Releases</a></p>
</div>
<div id="footer">
  <ul><li><a href="/about/hp/index.html">Legal Matters</a></li><li><a href="/about/hp/privacy.html">Privacy Policy</a></li><li><a href="/about/hp/access.html">Accessibility Policy</a></li></ul>
  <p>Ministry of Foreign Affairs of Japan<br>2-2-1 Kasumigaseki, Chiyoda-ku, Tokyo 100-8919 Japan</p>
  <p class="copyright">Copyright &copy; 2016 Ministry of Foreign Affairs of Japan</p>
</div>
</body>
</html>
"""
    write_text(path, page)


def c_kr_charlie(path):
    s = SRC["kr-charlie-hebdo-2015"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Ministry of Foreign Affairs, Republic of Korea</title>
<link rel="stylesheet" type="text/css" href="/css/eng/common.css">
</head>
<body>
<div class="skip"><a href="#contents">바로가기 메뉴</a> <a href="#contents">본문 바로가기</a> <a href="#gnb">주메뉴 바로가기</a></div>
<div id="header">
  <h1 class="logo"><a href="/eng/index.do">Ministry of Foreign Affairs <span>REPUBLIC OF KOREA</span></a></h1>
  <div class="util"><a href="/www/index.do" lang="ko">KOR</a> <button type="button" class="btn_search">검색창 열기</button></div>
  <ul id="gnb">
    <li><a href="/eng/wpge/m_5651/contents.do">Minister</a></li>
    <li><a href="/eng/wpge/m_5668/contents.do">Ministry</a></li>
    <li><a href="/eng/wpge/m_5410/contents.do">Policy Information</a></li>
    <li><a href="/eng/brd/m_5674/list.do" class="on">Press</a></li>
    <li><a href="/eng/wpge/m_5690/contents.do">Countries &amp; Regions</a></li>
  </ul>
</div>
<div id="container">
  <div class="lnb"><h2>Press</h2><ul><li><a href="/eng/brd/m_5674/list.do">News</a></li><li class="on"><a href="/eng/brd/m_5676/list.do">Press Releases</a></li><li><a href="/eng/brd/m_5679/list.do">Press Briefings</a></li><li><a href="/eng/brd/m_5680/list.do">Speeches</a></li></ul></div>
  <div id="contents">
    <div class="location"><a href="/eng/index.do">Home</a> &gt; <a href="/eng/brd/m_5674/list.do">Press</a> &gt; Press Releases</div>
    <h3 class="c_tit">Press Releases</h3>
    <div class="bo_head">
      <h4 class="tit">{H(s['title'])}</h4>
      <dl class="info"><dt>Date</dt><dd>{s['dateline']}</dd><dt>hit</dt><dd>{s['hit']}</dd></dl>
    </div>
    <div class="bo_con">
{body}
<p>&nbsp;</p>
<p style="text-align:right">{H(s['after'][0])}</p>
<p>{H(s['after'][1])}</p>
    </div>
    <div class="bo_btn"><a href="#" onclick="window.print();return false;">print</a> <a href="/eng/brd/m_5676/list.do">list</a></div>
    <ul class="bo_prevnext">
      <li><span>prev</span> <a href="/eng/brd/m_5676/view.do?seq=314863">MOFA Spokesperson’s Commentary on the Terrorist Attacks on Egypt’s Sinai Peninsula</a></li>
      <li><span>next</span> <a href="/eng/brd/m_5676/view.do?seq=316730">MOFA Spokesperson’s Commentary on the Terrorist Attacks in Iraq</a></li>
    </ul>
  </div>
</div>
<div id="footer">
  <ul class="f_menu"><li><a href="/eng/wpge/m_5728/contents.do">Privacy Policy</a></li><li><a href="/eng/wpge/m_5729/contents.do">Copyright Policy</a></li><li><a href="/eng/wpge/m_5730/contents.do">Sitemap</a></li></ul>
  <address>60, Sajik-ro 8-gil, Jongno-gu, Seoul, 03172, Republic of Korea / TEL: +82-2-2100-2114</address>
  <p class="copy">COPYRIGHT &copy; MINISTRY OF FOREIGN AFFAIRS. ALL RIGHTS RESERVED.</p>
</div>
</body>
</html>
"""
    write_text(path, page)


def c_imf_11304(path):
    s = SRC["imf-pr11304"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>Press Release: {H(s['title'])}</title>
<meta name="Title" content="Press Release: {H(s['title'])}">
<meta name="Date" content="08/07/2011">
<meta name="Series" content="Press Release No. 11/304">
<meta name="Description" content="Managing Director Christine Lagarde of the International Monetary Fund (IMF) made the following statement today">
<link rel="stylesheet" href="/external/style/imf.css" type="text/css">
</head>
<body>
<table width="100%" cellpadding="0" cellspacing="0" class="masthead"><tr>
<td><a href="/external/index.htm"><img src="/external/images/imf_seal.gif" alt="International Monetary Fund" border="0"></a></td>
<td align="right"><a href="/external/about.htm">About the IMF</a> | <a href="/external/research/index.htm">Research</a> | <a href="/external/country/index.htm">Country Info</a> | <a href="/external/news/default.aspx">News</a> | <a href="/external/np/vid/default.aspx">Videos</a> | <a href="/external/data.htm">Data</a> | <a href="/external/pubs/pubs/index.htm">Publications</a></td>
</tr><tr><td colspan="2" class="lang"><a href="/external/french/index.htm">Fran&ccedil;ais</a> | <a href="/external/spanish/index.htm">Espa&ntilde;ol</a> | <a href="/external/russian/index.htm">Русский</a> | <a href="/external/arabic/index.htm">عربي</a></td></tr></table>
<div class="breadcrumb"><a href="/external/index.htm">Home</a> &gt; <a href="/external/news/default.aspx">News</a> &gt; <a href="/external/np/sec/pr/2011/pr1101.htm">Press Releases</a></div>
<table width="100%"><tr><td valign="top" width="72%">
<h2>Press Release: {H(s['title'])}</h2>
<p>Press Release No. {s['number']}<br>
{H(s['dateline'])}</p>
{body}
<hr align="left" width="40%" size="1">
<p><strong>{H(s['after'][0])}</strong></p>
<table class="contacts"><tr><td>Public Affairs</td><td>Media Relations</td></tr>
<tr><td>E-mail: <a href="mailto:publicaffairs@imf.org">publicaffairs@imf.org</a></td><td>E-mail: <a href="mailto:media@imf.org">media@imf.org</a></td></tr>
<tr><td>Fax: 202-623-6220</td><td>Phone: 202-623-7100</td></tr></table>
</td>
<td valign="top" class="sidebar">
<h4>Related Press Releases</h4>
<ul>
<li><a href="/external/np/sec/pr/2005/pr05221.htm">Statement by IMF Managing Director Rodrigo de Rato on Earthquake Disaster in Pakistan, North India and the Islamic State of Afghanistan</a> <span class="date">October 8, 2005</span></li>
<li><a href="/external/np/sec/nb/1999/nb9948.htm">Camdessus Expresses Deepest Sympathy With Turkey Following Earthquake</a> <span class="date">August 17, 1999</span></li>
</ul>
<p><a href="/external/cntpst/prfaq.htm">Press Release FAQ</a> | <a href="/external/np/sec/pr/2011/rss.xml">RSS</a></p>
</td></tr></table>
<div class="footer"><a href="/external/np/exr/contacts/contacts.aspx">Contact IMF</a> | <a href="/external/terms.htm">Copyright and Usage</a> | <a href="/external/privacy.htm">Privacy Policy</a><br>
International Monetary Fund, 700 19th Street, N.W., Washington, D.C. 20431</div>
</body>
</html>
"""
    write_text(path, page)


def c_asean_rakhine(path):
    s = SRC["asean-rakhine-2017"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": "2017-09-23T20:15:11+07:00", "dateModified": "2017-09-24T09:02:37+07:00",
                     "publisher": {"@type": "Organization", "name": "ASEAN Main Portal"}}, ensure_ascii=False)
    page = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{H(s['title'])} - ASEAN Main Portal</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{H(s['title'])}">
<meta property="og:url" content="{H(s['url'])}">
<meta property="og:site_name" content="ASEAN Main Portal">
<script type="application/ld+json">{ld}</script>
<link rel="stylesheet" href="/wp-content/themes/asean/style.css">
</head>
<body class="post-template-default single single-post">
<header class="site-header">
  <a class="logo" href="/"><img src="/wp-content/uploads/asean-logo.png" alt="ASEAN"></a>
  <p class="tagline">ONE VISION ONE IDENTITY ONE COMMUNITY</p>
  <nav class="main-nav"><ul>
    <li><a href="/about-asean/">About ASEAN</a></li><li><a href="/our-communities/">Our Communities</a></li>
    <li><a href="/what-we-do/">What We Do</a></li><li><a href="/category/news/">News &amp; Events</a></li><li><a href="/resources/">Resources</a></li>
  </ul></nav>
  <form class="search" action="/"><input type="search" name="s" placeholder="Search"></form>
</header>
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/category/news/">News</a> / <a href="/category/statements/">Statements</a></div>
<main>
<article>
<h1 class="entry-title">{H(s['title'])}</h1>
<div class="entry-content">
{body}
<p><a href="/storage/2017/09/ACS-Rakhine-Final.pdf">{H(s['after'][0])}</a></p>
</div>
<div class="share"><span>Share:</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
</article>
<aside class="related">
<h3>Related Posts</h3>
<ul>
<li><a href="/joint-communique-of-the-50th-asean-foreign-ministers-meeting/">Joint Communiqu&eacute; of the 50th ASEAN Foreign Ministers&#8217; Meeting</a></li>
<li><a href="/asean-foreign-ministers-statement-on-the-korean-peninsula/">ASEAN Foreign Ministers&#8217; Statement on the Korean Peninsula</a></li>
</ul>
</aside>
</main>
<footer class="site-footer">
<div class="about"><h4>ABOUT ASEAN</h4><p>The Association of Southeast Asian Nations, or ASEAN, was established on 8 August 1967 in Bangkok, Thailand, with the signing of the ASEAN Declaration (Bangkok Declaration) by the Founding Fathers of ASEAN: Indonesia, Malaysia, Philippines, Singapore and Thailand.</p></div>
<p>The ASEAN Secretariat, 70A Jl. Sisingamangaraja, Jakarta 12110, Indonesia</p>
<p>&copy; ASEAN Secretariat</p>
</footer>
</body>
</html>
"""
    write_text(path, page)


def c_ge_bershueti(path):
    s = SRC["ge-bershueti-2017"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    page = f"""<!DOCTYPE html>
<html prefix="og: http://ogp.me/ns#" lang="en-gb" dir="ltr">
<head>
<meta http-equiv="content-type" content="text/html; charset=utf-8">
<meta name="generator" content="Joomla! - Open Source Content Management">
<title>Statement</title>
<meta property="og:title" content="Statement">
<meta property="og:type" content="article">
<meta property="og:url" content="{H(s['url'])}">
<link rel="stylesheet" href="/new/templates/newsday/css/template.css">
</head>
<body>
<div id="top"><span class="today">Tbilisi</span> <ul class="lang"><li><a href="/new/index.php/ka/">ქარ</a></li><li class="active"><a href="/new/index.php/en/">ENG</a></li><li><a href="/new/index.php/ru/">РУС</a></li></ul></div>
<div id="logo"><a href="/new/index.php/en/"><img src="/new/images/newsday_logo.png" alt="Newsday.ge"></a></div>
<ul class="menu"><li><a href="/new/index.php/en/politics">Politics</a></li><li><a href="/new/index.php/en/economics">Economics</a></li><li><a href="/new/index.php/en/society">Society</a></li><li class="active"><a href="/new/index.php/en/military">Military</a></li><li><a href="/new/index.php/en/world">World</a></li></ul>
<div id="k2Container" class="itemView">
  <h2 class="itemTitle">{H(s['title'])}</h2>
  <div class="itemCategory"><span>Published in</span> <a href="/new/index.php/en/military">military</a></div>
  <span class="itemDateCreated">Wednesday, 05 July 2017 10:15</span>
  <div class="itemToolbar"><a class="itemPrintLink" href="#" onclick="window.print();return false;">Print</a> | <a class="itemEmailLink" href="#">E-mail</a> | <span>font size</span> <a href="#">-</a> <a href="#">+</a></div>
  <div class="itemFullText">
{body}
  </div>
  <div class="itemHits">Read 1140 times</div>
  <div class="itemSocialSharing"><a href="#">Tweet</a> <a href="#">Facebook</a></div>
  <div class="itemRelated">
    <h3>Related items</h3>
    <ul>
      <li><a href="/new/index.php/en/component/k2/item/34264-statement">Statement by the Ministry of Foreign Affairs of Georgia</a></li>
      <li><a href="/new/index.php/en/component/k2/itemlist/tag/Statement">More statements</a></li>
    </ul>
  </div>
</div>
<div id="footer"><p>&copy; 2017 Newsday.ge. All rights reserved.</p></div>
</body>
</html>
"""
    write_text(path, page)


def c_ae_gaza(path):
    s = SRC["ae-gaza-schools-2023"]
    body = "\n".join(f"<p>{H(p)}</p>" for p in s["paragraphs"])
    rel = "\n".join(f'<div class="card"><h4>{H(t)}</h4><a href="#" class="btn">View Details</a></div>' for t in s["related"])
    page = f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{H(s['title'])}</title>
<meta name="description" content="The Ministry of Foreign Affairs (MoFA) stressed that the immediate priority is to preserve the lives of civilians">
<meta property="og:title" content="{H(s['title'])}">
<meta property="og:site_name" content="Ministry of Foreign Affairs - United Arab Emirates">
<link rel="stylesheet" href="/Assets/css/main.min.css">
</head>
<body>
<header>
  <div class="topbar"><a href="/ar-ae/mediahub/news/2023/11/18/168-11-2023-uae-ghaza-schools" lang="ar">العربية</a> <a href="/en/accessibility">Accessibility</a> <a href="/en/login">Login</a></div>
  <a class="brand" href="/en"><img src="/Assets/images/mofa-logo-en.svg" alt="UAE Ministry of Foreign Affairs"></a>
  <nav><ul>
    <li><a href="/en/the-ministry">The Ministry</a></li><li><a href="/en/the-uae">The UAE</a></li>
    <li><a href="/en/missions">UAE Missions</a></li><li><a href="/en/services">Services</a></li>
    <li class="active"><a href="/en/mediahub">Media Hub</a></li>
  </ul></nav>
</header>
<section class="breadcrumb"><a href="/en">Home</a> <span>/</span> <a href="/en/mediahub">Media Hub</a> <span>/</span> <a href="/en/mediahub/news">News</a></section>
<main class="news-details">
  <div class="news-meta"><span class="category">Statements</span> <span class="date">18 Nov 2023</span></div>
  <h1>{H(s['title'])}</h1>
  <div class="share"><a href="#" aria-label="Share on X">X</a> <a href="#" aria-label="Share on Facebook">f</a> <a href="#" aria-label="Share on LinkedIn">in</a> <a href="#" aria-label="Copy link">Copy link</a></div>
  <div class="news-body">
{body}
  </div>
  <section class="related-news">
  <h3>Related News</h3>
{rel}
  </section>
</main>
<footer>
  <div class="contact">Call Centre: 800 44444 (inside the UAE) | +971 2 4444 4444 (outside the UAE)</div>
  <ul class="footer-links"><li><a href="/en/privacy-policy">Privacy Policy</a></li><li><a href="/en/terms-and-conditions">Terms &amp; Conditions</a></li><li><a href="/en/sitemap">Sitemap</a></li></ul>
  <p>&copy; 2023 Ministry of Foreign Affairs. All Rights Reserved.</p>
</footer>
</body>
</html>
"""
    write_text(path, page)


release("press3e_000069.html", "jp-pakistan-2016", "c", c_jp_pakistan,
        summary_starts="We are deeply shocked by the terrorist attack at a mosque in Mohmand",
        made_with="HTML written by make.py in the mofa.go.jp page style",
        notes="No meta dates: the only date is the visible US-style date 'September 19, 2016' under the h1. The h1 "
              "holds the headline and, on a second line, the speaker in parentheses; the title is both joined. "
              "Body is a bulleted list. Chrome: language link, global nav, breadcrumb, footer with address.")
release("mofa_kr_view_314764.html", "kr-charlie-hebdo-2015", "c", c_kr_charlie,
        summary_starts="The Government of the Republic of Korea cannot but be shocked over the",
        summary_alt_starts="1. The Government of the Republic of Korea cannot but be shocked over the",
        made_with="HTML written by make.py in the mofa.go.kr board style",
        notes="Korean skip-links and UI labels around English content; date only as 'Date 2015-01-08' in a dl next to "
              "a hit counter; prev/next links to neighbouring releases (no dates).")
release("pr11304.html", "imf-pr11304", "c", c_imf_11304,
        title="Press Release: " + SRC["imf-pr11304"]["title"],
        summary_starts="Managing Director Christine Lagarde of the International Monetary Fund (IMF) made the",
        summary_alt_starts=["\u201cI welcome the statements from the European Central Bank, from the leaders",
                            "I welcome the statements from the European Central Bank, from the leaders"],
        made_with="HTML written by make.py in the 2011 imf.org style",
        notes="Old IMF page: <meta name=\"Date\" content=\"08/07/2011\"> in US month-first form; h2 'Press Release: "
              "<title>' (the page's headline, kept whole as the title: IMF's old pages and feeds carry the prefix), visible 'Press Release No. 11/304 / August 7, 2011', "
              "sidebar of related releases with their (older) dates.")
release("asean-chairmans-statement-on-the-humanitarian-situation-in-rakhine-state.html", "asean-rakhine-2017", "c",
        c_asean_rakhine,
        summary_starts="The Foreign Ministers of ASEAN expressed concern over the recent developments in",
        made_with="HTML written by make.py in the asean.org WordPress style",
        date_note="The stored page shows no date. The Chairman's Statement was issued in New York on Saturday 23 "
                  "September 2017 (Malaysia's statement: 'issued on 23 September 2017 in New York'; AP: 'issued "
                  "Saturday in New York'). The JSON-LD datePublished in the file gives that day (+07:00, Jakarta).",
        notes="Date only in JSON-LD (datePublished, with a later dateModified); no visible date. The page text is the "
              "web summary with a link to the full statement PDF.")
release("33951-statement.html", "ge-bershueti-2017", "c", c_ge_bershueti,
        summary_starts="The Ministry of Foreign Affairs of Georgia expresses its deep concern over the",
        made_with="HTML written by make.py in the newsday.ge (Joomla K2) style",
        source_via=SRC["ge-bershueti-2017"]["source_via"],
        date_note="Date as given by newsday.ge ('Wednesday, 05 July 2017 10:15'), which reproduced the statement; "
                  "the ministry may have issued it the evening before.",
        notes="News-site reproduction: generic title, 'Published in military', weekday date with time, print/e-mail "
              "toolbar, hit counter, related items.")
release("168-11-2023-uae-ghaza-schools.html", "ae-gaza-schools-2023", "c", c_ae_gaza,
        summary_starts="The United Arab Emirates has condemned and expressed its denunciation in the strongest",
        summary_alt_starts="The Ministry of Foreign Affairs (MoFA) stressed that the immediate priority is",
        made_with="HTML written by make.py in the mofa.gov.ae media-hub style",
        source_via=SRC["ae-gaza-schools-2023"]["source_via"],
        notes="Visible date '18 Nov 2023' next to a category label; meta description repeats the third paragraph "
              "(where the stored official page begins); Related News cards without dates; Arabic language link.")


# d
def d_jp_uk(path):
    s = SRC["jp-uk-parliament-2017"]
    fm = ["---", f"title: \"{s['title']}\"", "date: 2017-03-23", "category: Press Releases",
          f"source: {s['url']}", "lang: en", "---", ""]
    body = [f"# {s['title']}", "", f"*{s['dateline']}*", ""] + sum(([p, ""] for p in s["paragraphs"]), []) + \
           [f"[{s['after'][0]}](https://www.mofa.go.jp/press/release/index.html)", ""]
    write_text(path, "\n".join(fm + body))


def d_imf_14127(path):
    s = SRC["imf-pr14127-fr"]
    fm = ["---", f"titre: \"{s['title']}\"", 'date: "2014-03-25"', f"numero: \"{s['number']}\"", "langue: fr",
          "---", ""]
    body = [f"**{s['title']}**", "", s["dateline"], "",
            f"Communiqu\u00e9 de presse n\u00b0{s['number']}  ", "Le 25 mars 2014", ""] + \
           sum(([p, ""] for p in s["paragraphs"]), []) + \
           [s["see_also"][0], ""] + [f"- {x}" for x in s["see_also"][1:]] + ["", "---", ""] + \
           [s["after"][0], "", s["after"][1] + "  ", s["after"][2] + "  ", s["after"][3], ""]
    write_text(path, "\n".join(fm + body))


def d_cn_stpete(path):
    s = SRC["cn-st-petersburg-2017"]
    body = [f"# {s['title']}", ""] + sum(([p, ""] for p in s["paragraphs"]), []) + [s["dateline"], ""]
    write_text(path, "\n".join(body))


def d_lk_herat(path):
    s = SRC["lk-herat-2014"]
    body = [f"**{s['title']}**", "", s["paragraphs"][0], "", s["after"][0] + "  ", s["after"][1], ""]
    write_text(path, "\n".join(body))


def d_ae_altabin(path):
    s = SRC["ae-al-tabin-2024"]
    fm = ["---", f"title: \"{s['title']}\"", "date: 2024-08-10T16:41:00+04:00", "source: WAM", "tags: [MoFA, Gaza]",
          "---", ""]
    body = sum(([p, ""] for p in s["paragraphs"]), [])
    write_text(path, "\n".join(fm + body))


def d_dz_djibouti(path):
    s = SRC["dz-djibouti-2022"]
    fm = ["---", f"title: \"{s['title']}\"", "categorie: Communiqu\u00e9s", "langue: fr",
          f"lien: {s['url']}", "---", ""]
    body = ["R\u00e9publique Alg\u00e9rienne D\u00e9mocratique et Populaire  ",
            "Minist\u00e8re des Affaires Etrang\u00e8res et de la Communaut\u00e9 Nationale \u00e0 l'Etranger", "",
            f"# {s['title']}", ""] + sum(([p, ""] for p in s["paragraphs"]), [])
    write_text(path, "\n".join(fm + body))


release("kishida-condolence-uk-parliament.md", "jp-uk-parliament-2017", "d", d_jp_uk,
        summary_starts="On March 23, Mr. Fumio Kishida, Minister for Foreign Affairs, conveyed the",
        summary_alt_starts="I would like to offer my prayers for the victims of the terrorist attack",
        made_with="Markdown written by make.py",
        notes="YAML front matter with an unquoted ISO date; # title, italic US-style date line, 'it\u2019s people' as "
              "published; link back to the list.")
release("pr14127f.md", "imf-pr14127-fr", "d", d_imf_14127,
        summary_starts="Mme Christine Lagarde, Directrice g\u00e9n\u00e9rale du Fonds mon\u00e9taire international (FMI), a fait",
        made_with="Markdown written by make.py",
        notes="French front matter keys (titre, date, numero, langue) with a quoted ISO date; a '## Communiqu\u00e9 de "
              "presse n\u00b014/127' heading above the bold title (the heading is a label, not the title); 'Le 25 mars "
              "2014' date line; '\u00c0 lire \u00e9galement' list and IMF contacts after a rule.")
release("hua-chunying-st-petersburg-metro.md", "cn-st-petersburg-2017", "d", d_cn_stpete,
        summary_starts="Q: 11 people were killed and 45 injured in the terrorist attack in",
        summary_alt_starts=["A: Shocked at the terrorist attack, the Chinese side strongly condemns it.",
                            "Shocked at the terrorist attack, the Chinese side strongly condemns it."],
        made_with="Markdown written by make.py", source_via=SRC["cn-st-petersburg-2017"]["source_via"],
        notes="No front matter: # title, Q/A paragraphs, and the MFA's date line '2017/04/04' at the very end "
              "(the lead mentions 'April 3' without a year: the event date, not the publication date).")
release("sri-lanka-condemns-attack-indian-consulate-herat.md", "lk-herat-2014", "d", d_lk_herat,
        summary_starts="The Government of Sri Lanka unequivocally condemns the terrorist attack today on",
        made_with="Markdown written by make.py", source_via=SRC["lk-herat-2014"]["source_via"],
        notes="No front matter: bold title line, one paragraph, the ministry and the date '23 May 2014' only at "
              "the end (markdown line break after the ministry name).")
release("uae-condemns-al-tabin-school-attack.md", "ae-al-tabin-2024", "d", d_ae_altabin,
        summary_starts="The United Arab Emirates has condemned and denounced in the strongest terms",
        made_with="Markdown written by make.py", source_via=SRC["ae-al-tabin-2024"]["source_via"],
        time="16:41", utc_offset="+04:00",
        notes="Front matter date with time and +04:00 offset (the time the WAM item was posted by Sharjah 24); "
              "no heading in the body. Title as carried by Sharjah 24 (Gulf News headlined the same WAM text "
              "differently).")
release("algerie-condamne-attentat-djibouti.md", "dz-djibouti-2022", "d", d_dz_djibouti, year_in_text=False,
        summary_starts="L'Alg\u00e9rie condamne fermement l'attaque perp\u00e9tr\u00e9e par un groupe terroriste contre des",
        made_with="Markdown written by make.py",
        date_note="Neither the ministry page nor the file carries a date. The communiqu\u00e9 was reported by APS/allAfrica "
                  "and L'Espoir libre on 12 October 2022 and by Agenzia Nova on 13 October ('Lo scorso 8 ottobre' for "
                  "the Djibouti announcement); it was most likely issued on 11 October 2022 (possibly the 12th). "
                  "mtime is noon of 11 October.",
        notes="No date anywhere in the file (as on the ministry page), so mtime (noon of the likely day) is all a "
              "reader has. Front matter without a date (category, language, link); the republic/ministry letterhead lines "
              "before the # title.")


# e
def e_kr_tillerson(path):
    s = SRC["kr-kang-tillerson-2017"]
    d = docx.Document()
    base_font(d, "Malgun Gothic", 10.5)
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "Ministry of Foreign Affairs  |  Republic of Korea"
    sec.header.paragraphs[0].alignment = AL["right"]
    para(d, "PRESS RELEASE", bold=True, size=13, color="1E3C78", after=2)
    para(d, "July 28, 2017", size=10, after=14)
    d.add_heading(s["title"], level=1)
    for p in s["paragraphs"]:
        para(d, p, align="justify", after=8)
    para(d, s["after"][0], italic=True, size=9, before=10)
    sec.footer.paragraphs[0].text = "Spokesperson's Office, Ministry of Foreign Affairs  \u2022  www.mofa.go.kr"
    core(d, "MOFA Spokesperson's Office", "2017-07-28T06:10:00", title="Press Release")
    save_docx(d, path, "2017-07-28T15:10:00")


def e_imf_16449(path):
    s = SRC["imf-pr16449-fr"]
    d = docx.Document()
    base_font(d, "Arial", 10.5)
    para(d, "FONDS MON\u00c9TAIRE INTERNATIONAL", bold=True, size=14, color="004C97", after=0)
    para(d, "Washington, D.C. 20431, \u00c9tats-Unis", size=8, after=12)
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = f"Communiqu\u00e9 de presse n\u00b0 {s['number']}"
    t.cell(1, 0).text = "POUR DIFFUSION IMM\u00c9DIATE"
    t.cell(0, 1).text = s["dateline"]
    t.cell(0, 1).paragraphs[0].alignment = AL["right"]
    para(d, "", after=4)
    d.add_paragraph(s["title"], style="Title")
    for p in s["paragraphs"]:
        para(d, p, after=8, align="justify")
    para(d, "", after=4)
    for i, line in enumerate(s["after"]):
        para(d, line, bold=(i < 2), size=9, after=0)
    core(d, "IMF Communications Department", "2016-10-06T20:05:00", title="Communiqu\u00e9 de presse 16/449")
    save_docx(d, path, "2016-10-07T00:10:00")


def e_cw_finsbury(path):
    s = SRC["cw-finsbury-2017"]
    d = docx.Document()
    base_font(d, "Calibri", 11)
    hp = d.sections[0].header.paragraphs[0]
    hp.text = "Commonwealth Secretariat\tMarlborough House, Pall Mall, London SW1Y 5HX"
    para(d, "NEWS", bold=True, size=10, color="6A1B9A", after=0)
    para(d, s["dateline"], size=10, after=10)
    para(d, s["title"], bold=True, size=16, after=12)
    for p in s["paragraphs"]:
        para(d, p, after=8)
    para(d, "ENDS", bold=True, align="center", before=12, after=12)
    para(d, "Media contact", bold=True, size=9, after=0)
    para(d, "Communications Division, Commonwealth Secretariat  |  thecommonwealth.org", size=9)
    core(d, "Communications Division", "2017-06-19T10:25:00", title=s["title"])
    save_docx(d, path, "2017-06-19T10:40:00")


def e_lk_kabul(path):
    s = SRC["lk-kabul-2008"]
    d = docx.Document()
    base_font(d, "Times New Roman", 12)
    para(d, "MINISTRY OF FOREIGN AFFAIRS", bold=True, size=12, align="center", after=0)
    para(d, "Republic Building, Colombo 01, Sri Lanka", size=9, align="center", after=0)
    para(d, "Media Release", italic=True, size=10, align="center", after=18)
    para(d, s["title"], bold=True, size=13, align="center", after=14)
    for p in s["paragraphs"]:
        para(d, p, align="justify", after=10)
    para(d, "", after=6)
    para(d, s["after"][0], bold=True, after=0)
    para(d, "", after=0)
    para(d, s["after"][1], after=0)
    core(d, "Media Division", "2008-07-08T05:30:00", title="Media Release")
    save_docx(d, path, "2008-07-08T06:00:00")


def e_az_274(path):
    s = SRC["az-274-19"]
    d = docx.Document()
    base_font(d, "Arial", 11)
    para(d, "Ministry of Foreign Affairs of the Republic of Azerbaijan", bold=True, size=10, after=0)
    para(d, "Press Service Department", size=9, after=14)
    para(d, f"{s['label']} {s['dateline']}", size=9, color="666666", after=6)
    d.add_heading(s["title"], level=2)
    for p in s["paragraphs"]:
        para(d, p, align="justify", after=8)
    core(d, "MFA Press Service", "2019-09-24T07:45:00", title=s["title"])
    save_docx(d, path, "2019-09-24T08:00:00")


release("ROK MOFA press release FM Kang Tillerson call 0728.docx", "kr-kang-tillerson-2017", "e", e_kr_tillerson,
        summary_starts="Foreign Minister Kang Kyung-wha talked to Secretary of State Rex Tillerson of the",
        summary_alt_starts="1. Foreign Minister Kang Kyung-wha talked to Secretary of State Rex Tillerson of the",
        made_with="python-docx (Heading 1 title, ministry name in the page header, contents of the mofa.go.kr page)",
        notes="'PRESS RELEASE' label and US-style date above a Heading 1 title; numbered paragraphs; '* unofficial "
              "translation'. File name has MMDD only (no year). The stored page gives 'Date 2017-07-28'.")
release("PR16449_Lagarde_ouragan_Matthew.docx", "imf-pr16449-fr", "e", e_imf_16449,
        summary_starts="Christine Lagarde, Directrice g\u00e9n\u00e9rale du Fonds mon\u00e9taire international (FMI), a prononc\u00e9",
        summary_alt_starts=["\u00ab Je tiens \u00e0 exprimer ma vive pr\u00e9occupation et ma profonde sympathie",
                            "Je tiens \u00e0 exprimer ma vive pr\u00e9occupation et ma profonde sympathie"],
        made_with="python-docx (letterhead paragraphs, number/date table, Title style)",
        notes="French IMF release: number, 'POUR DIFFUSION IMM\u00c9DIATE' and 'le 6 octobre 2016' in a table above "
              "the Title-style headline; guillemets; media contacts at the end.")
release("Commonwealth SG condolences Finsbury Park.docx", "cw-finsbury-2017", "e", e_cw_finsbury,
        summary_starts="Responding to the terrorist attack near Finsbury Park Mosque in London perpetrated early",
        summary_alt_starts="\"On behalf of the Commonwealth, I offer my heartfelt condolences to the",
        made_with="python-docx (address in the header, bold run title, ENDS, media contact)",
        notes="Title just bold (no heading style) under a 'NEWS' label and the date '19 June 2017'; ENDS; contact block.")
release("PR_SL_condemns_Kabul_bombing_08072008.docx", "lk-kabul-2008", "e", e_lk_kabul,
        summary_starts="The Government of Sri Lanka strongly condemns the suicide bomb attack outside the",
        made_with="python-docx (centred letterhead paragraphs, bold centred title, signature and date at the end)",
        source_via=SRC["lk-kabul-2008"]["source_via"],
        notes="Date only at the end ('08 July 2008') after the ministry name; the lead refers to 'yesterday (7th July "
              "2008)', the event date.")
release("No274_19_press_release_MFA_Azerbaijan.docx", "az-274-19", "e", e_az_274,
        summary_starts="The meeting between the two Ministers of Foreign Affairs in New York to",
        made_with="python-docx (letterhead paragraphs, 'Press release 24 September 2019' line, Heading 2 title)",
        notes="The title carries the release number ('No:274/19, ...') and '(En/Ru)'; only the English text is in the "
              "file (the Russian part of the stored page is cut off, so it is not reproduced).")


# f
def f_jp_jakarta():
    s = SRC["jp-jakarta-2004"]
    blocks = [
        ("lh", "MINISTRY OF FOREIGN AFFAIRS OF JAPAN", 8, {"bold": True, "align": "center"}),
        ("lh", "Announcements / Statements", 7, {"align": "center", "after": 26}),
        ("title", s["title"], 21, {"bold": True, "leading": 26, "align": "center", "after": 18}),
        ("date", s["dateline"], 12, {"align": "center", "after": 22}),
        ("intro", s["intro"], 14, {"after": 16, "leading": 22}),
    ] + [("p", p, 14, {"after": 16, "leading": 22, "left": 16}) for p in s["paragraphs"]] + [
        ("back", s["after"][0], 9, {"before": 18, "align": "right"})]
    return dict(font="Times", blocks=blocks, created="2004-09-10T02:20:00Z", footer_right="pageof",
                footer_left="http://www.mofa.go.jp/announce/announce/2004/9/0909.html", footer_size=7,
                margins=(30 * mm, 30 * mm, 28 * mm, 28 * mm),
                meta={"title": "Statement by Ms. Yoriko Kawaguchi", "author": "MOFA", "creator": "Acrobat PDFMaker 6.0 for Word"})


def f_imf_05221():
    s = SRC["imf-pr05221"]
    blocks = [
        ("lh", "International Monetary Fund", 13, {"bold": True, "color": "#00467f"}),
        ("lh", "External Relations Department  \u2022  Washington, D.C. 20431 USA", 7.5, {"after": 16}),
        ("lab", "Press Release No. " + s["number"], 9.5, {"bold": True}),
        ("lab", "FOR IMMEDIATE RELEASE", 9, {}),
        ("lab", s["dateline"], 9, {"after": 18}),
        ("title", s["title"], 16, {"bold": True, "leading": 20, "after": 14}),
    ] + [("p", p, 10.5, {"after": 9, "leading": 14.5}) for p in s["paragraphs"]] + [("space", 22)] + [
        ("c", line, 8, {"bold": i == 0}) for i, line in enumerate(s["after"])]
    return dict(font="Helvetica", blocks=blocks, created="2005-10-08T19:15:00Z", footer_center="page",
                rule_color="#00467f", pagesize=letter, margins=(25 * mm, 25 * mm, 22 * mm, 22 * mm),
                meta={"title": "Press Release No. 05/221", "author": "IMF", "creator": "Microsoft Word 2002"})


def f_cw_nigeria():
    s = SRC["cw-nigeria-2017"]
    blocks = [
        ("lh", "THE COMMONWEALTH", 10, {"bold": True, "color": "#4b2e83"}),
        ("lh", "Newsroom \u203a News", 7, {"after": 18}),
        ("title", s["title"], 19, {"bold": True, "leading": 23, "after": 8}),
        ("date", s["dateline"] + "    |    " + s["label"], 8.5, {"after": 12, "color": "#555555"}),
        ("stand", s["standfirst"], 12, {"bold": True, "leading": 16, "after": 14}),
    ] + [("p", p, 12.5, {"after": 11, "leading": 18}) for p in s["paragraphs"]]
    return dict(font="DejaVuSans", blocks=blocks, created="2017-11-17T16:02:00Z",
                footer_left="http://thecommonwealth.org/media/news/secretary-general-statement-nigerian-suicide-bombing",
                footer_right="slash", footer_size=6.5,
                meta={"title": s["title"] + " | Commonwealth", "creator": "Mozilla/5.0 (Windows NT 10.0) Chrome/62.0 - Save as PDF"})


def f_ae_suez():
    s = SRC["ae-suez-2022"]
    blocks = [
        ("lh", "MINISTRY OF FOREIGN AFFAIRS & INTERNATIONAL COOPERATION", 8, {"bold": True, "align": "right"}),
        ("lh", "UNITED ARAB EMIRATES", 7, {"align": "right", "after": 24}),
        ("lab", "NEWS  \u2022  07 May 2022", 8.5, {"after": 10, "color": "#8a1538"}),
        ("title", s["title"], 18, {"bold": True, "leading": 22, "after": 16}),
    ] + [("p", ("ABU DHABI: " + p) if i == 0 else p, 10.5, {"after": 9, "leading": 15})
         for i, p in enumerate(s["paragraphs"])]
    return dict(font="DejaVuSans", blocks=blocks, created="2022-05-07T17:30:00Z", footer_center="www.mofaic.gov.ae",
                footer_size=7, meta={"title": "MoFAIC News", "creator": "Adobe InDesign 17.1", "producer": "Adobe PDF Library 16.0"})


def f_lk_karachi(path):
    """fpdf2, as some ministry intranets export."""
    from fpdf import FPDF
    s = SRC["lk-karachi-2015"]

    class PF(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("DV", "", 7)
            self.cell(0, 5, "https://mfa.gov.lk/sri-lanka-condemns-the-terrorist-attack-on-a-bus-in-karachi/", align="L")
            self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="R")

    pdf = PF(format="A4")
    pdf.set_creation_date(datetime(2015, 5, 13, 11, 5, tzinfo=timezone.utc))
    pdf.set_title(s["title"])
    pdf.set_author("Ministry of Foreign Affairs, Sri Lanka")
    pdf.set_creator("Print Friendly & PDF")
    pdf.add_font("DV", "", f"{FONTDIR}/DejaVuSans.ttf")
    pdf.add_font("DV", "B", f"{FONTDIR}/DejaVuSans-Bold.ttf")
    pdf.set_margins(22, 20, 22)
    pdf.add_page()
    pdf.set_font("DV", "B", 9)
    pdf.cell(0, 5, "Ministry of Foreign Affairs - Sri Lanka", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DV", "", 7)
    pdf.cell(0, 4, "mfa.gov.lk  |  Media Releases", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("DV", "B", 20)
    pdf.multi_cell(0, 9, s["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DV", "", 11)
    for p in s["paragraphs"]:
        pdf.multi_cell(0, 6, p, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(6)
    for line in s["after"]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font("DV", "", 7)
    pdf.cell(0, 4, "Print Friendly, PDF & Email", new_x="LMARGIN", new_y="NEXT")
    pdf.output(path)
    return {"pages": pdf.pages_count, "title_lines_in_file": 2}


release("Kawaguchi_statement_Jakarta_20040909.pdf", "jp-jakarta-2004", "f", shape_f(f_jp_jakarta),
        summary_starts="Ms. Yoriko Kawaguchi, Minister for Foreign Affairs, issued today the following statement",
        summary_alt_starts=["I am deeply shocked by the huge terrorist bombing attack that occurred",
                            "1. I am deeply shocked by the huge terrorist bombing attack that occurred"],
        made_with="reportlab PDF (Times-Roman, large type: two pages)", pdf_font="Times-Roman",
        notes="Centred title in 21 pt over several lines, centred date, attribution sentence, numbered paragraphs; "
              "'Page n of 2' and URL footer. File name carries YYYYMMDD.")
release("pr05221.pdf", "imf-pr05221", "f", shape_f(f_imf_05221),
        summary_starts="Mr. Rodrigo de Rato, Managing Director of the International Monetary Fund (IMF),",
        summary_alt_starts=["\"On behalf of the International Monetary Fund, I offer my deepest condolences",
                            "On behalf of the International Monetary Fund, I offer my deepest condolences"],
        made_with="reportlab PDF (Helvetica, US letter)", pdf_font="Helvetica",
        notes="Letterhead rule, release number, FOR IMMEDIATE RELEASE and US-style date above a two-line title; "
              "contacts block at the end.")
release("SG statement Nigerian suicide bombing.pdf", "cw-nigeria-2017", "f", shape_f(f_cw_nigeria),
        summary_starts="Commonwealth Secretary-General Patricia Scotland today expressed her concern for the violence",
        made_with="reportlab PDF (DejaVuSans), browser print of the thecommonwealth.org page", pdf_font="DejaVuSans",
        notes="The page has a standfirst that repeats the first paragraph word for word (both kept, as published); "
              "date and 'News' label under the title.")
release("UAE_MoFAIC_Egypt_Suez_attack_0705.pdf", "ae-suez-2022", "f", shape_f(f_ae_suez),
        summary_starts="ABU DHABI: The UAE has strongly condemned the terrorist attack that targeted a",
        summary_alt_starts="The UAE has strongly condemned the terrorist attack that targeted a water lifting",
        made_with="reportlab PDF (DejaVuSans, right-aligned letterhead)", pdf_font="DejaVuSans",
        source_via=SRC["ae-suez-2022"]["source_via"],
        notes="Ministry letterhead, 'NEWS \u2022 07 May 2022' label line, 'ABU DHABI:' dateline run into "
              "the first paragraph (as in the Zawya/WAM copy). File name has DDMM only.")
release("Karachi bus attack - Sri Lanka condemns.pdf", "lk-karachi-2015", "f", f_lk_karachi,
        summary_starts="Sri Lanka denounces in the strongest terms, today\u2019s terrorist attack on a bus",
        made_with="fpdf2 PDF (DejaVuSans), 'Print Friendly & PDF' export of the mfa.gov.lk page", pdf_font="DejaVuSans",
        notes="Title over two lines in 20 pt; the date only in the signature block at the end ('Ministry of Foreign "
              "Affairs / Colombo / 13 May 2015'); the lead says 'today\u2019s'.")


# build
# file names that carry the full publication date (day, month, year); '0728', '0705' and '11-2023' are partial
DATE_IN_NAME = {"MOFA_Japan_statement_Kishida_20150628.txt", "ASEAN FMs Statement Ukraine 26Feb2022.txt",
                "MFA_Georgia_statement_Chorchana_30082019.txt", "Statement FM Japan Afghanistan attacks 16 April 2012.txt",
                "MOFAT_Kyrgyz_statement_100615.txt", "mfa.gov.ge statement 21.08.2018.txt",
                "PR_SL_condemns_Kabul_bombing_08072008.docx", "Kawaguchi_statement_Jakarta_20040909.pdf"}


def main():
    rows = []
    for file, sid, shape, builder in FILES:
        s = SRC[sid]
        path = os.path.join(HERE, file)
        extra = builder(path) or {}
        t = TRUTH[file]
        year_in_text = t.pop("year_in_text", True)
        mtime = t.pop("mtime", f"{s['date']}T12:00:00Z")
        row = {"file": file, "title": t.pop("title", s["title"]), "published": s["date"],
               "summary_starts": t.pop("summary_starts")}
        if "summary_alt_starts" in t:
            row["summary_alt_starts"] = t.pop("summary_alt_starts")
        row.update({"language": s["language"], "shape": shape, "publisher": s["publisher"], "url": s["url"],
                    "mtime": mtime, "year_in_text": year_in_text})
        for k in ("time", "utc_offset"):
            if k in t:
                row[k] = t.pop(k)
        row["notes"] = t.pop("notes", "")
        row["filename_has_date_hint"] = file in DATE_IN_NAME
        row["made_with"] = t.pop("made_with")
        for k in ("date_note", "source_via", "pdf_font"):
            if k in t:
                row[k] = t.pop(k)
        if "encoding" in extra:
            row["encoding"] = extra["encoding"]
        elif shape in ("a", "b", "c", "d"):
            row["encoding"] = "UTF-8"
        if shape == "a":
            row["title_lines_in_file"] = extra["title_lines_in_file"]
        if shape == "f" and extra:
            row["pages"] = extra["pages"]
        assert not t, (file, t)
        rows.append(row)
    json.dump(rows, open(os.path.join(HERE, "truth.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
    open(os.path.join(HERE, "truth.json"), "a").write("\n")
    print(f"{len(rows)} files")


if __name__ == "__main__":
    main()
