#!/usr/bin/env python3
"""Build the en-ministries batch of the feedsvc evaluation corpus from sources.json.

Run with /work/corpus-venv/bin/python make.py (from any directory).  Every release file of the batch is
(re)built here from the texts kept in sources.json (as published; see truth.json for the pages they come from):
  a  reportlab PDF in the publisher's layout, then the real poppler pdftotext (with or without -layout)
  b  plain text as a press officer types it (CRLF, BOM, UTF-16, Windows-1252 variants)
  c  a saved web page with the site's chrome
  d  Markdown with or without YAML front matter
  e  a Word document (python-docx)
  f  a reportlab PDF
Output is deterministic: PDFs use SOURCE_DATE_EPOCH for their dates and IDs, .docx zips get fixed
timestamps.  The letterheads, chrome and footers are reconstructions in each publisher's style; the
release texts are not edited.
"""
import calendar, datetime, html, io, json, os, re, subprocess, sys, tempfile, textwrap, time, zipfile

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = {r["id"]: r for r in json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))}
FONTDIR = "/usr/share/fonts/truetype/dejavu"
for name, fn in [("DejaVuSans", "DejaVuSans.ttf"), ("DejaVuSans-Bold", "DejaVuSans-Bold.ttf"),
                 ("DejaVuSans-Oblique", "DejaVuSans-Oblique.ttf"), ("DejaVuSerif", "DejaVuSerif.ttf"),
                 ("DejaVuSerif-Bold", "DejaVuSerif-Bold.ttf"), ("DejaVuSerif-Italic", "DejaVuSerif-Italic.ttf"),
                 ("DejaVuSansCondensed", "DejaVuSansCondensed.ttf"),
                 ("DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FONTDIR, fn)))

TITLE_LINES = {}   # id -> number of lines the title wrapped to in the PDF (reported for shape a)


def out(name):
    return os.path.join(HERE, name)


def esc(s):
    return html.escape(s, quote=False)


def epoch(iso):
    return calendar.timegm(time.strptime(iso, "%Y-%m-%dT%H:%M:%S"))


# PDF
class NumberedCanvas(rl_canvas.Canvas):
    """Canvas that knows the page count, for "Page 1 of 2" footers."""
    footer = None  # callable(canvas, page, pages)

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        n = len(self._saved)
        for i, state in enumerate(self._saved, 1):
            self.__dict__.update(state)
            if self.footer:
                self.footer(self, i, n)
            super().showPage()
        super().save()


def build_pdf(path, rid, flow, footer, created, pagesize=A4, margins=(25 * mm, 25 * mm, 22 * mm, 25 * mm),
              title_para=None, meta_title="", author=""):
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch(created))
    left, right, top, bottom = margins
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                            bottomMargin=bottom, title=meta_title, author=author, creator="Microsoft\u00ae Word 2016",
                            invariant=1)
    cls = type("C_" + rid, (NumberedCanvas,), {"footer": staticmethod(footer) if footer else None})
    doc.build(flow, canvasmaker=cls)
    del os.environ["SOURCE_DATE_EPOCH"]
    if title_para is not None:
        TITLE_LINES[rid] = len(title_para.blPara.lines)


def pdftotext(pdf, txt, layout):
    cmd = ["/usr/bin/pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


def S(name, font, size, lead=None, align=TA_LEFT, before=0, after=0, **kw):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead or size * 1.25, alignment=align,
                          spaceBefore=before, spaceAfter=after, **kw)


def P(text, style):
    return Paragraph(esc(text).replace("  ", "&nbsp; "), style)


def footer_simple(left_text, right_fmt="Page {p} of {n}", font="DejaVuSans", size=7.5, center=None):
    def f(c, p, n):
        w, h = c._pagesize
        c.setFont(font, size)
        if left_text:
            c.drawString(25 * mm, 12 * mm, left_text)
        if right_fmt:
            c.drawRightString(w - 25 * mm, 12 * mm, right_fmt.format(p=p, n=n))
        if center:
            c.drawCentredString(w / 2, 12 * mm, center.format(p=p, n=n))
    return f


def pdf_us(rid, path):
    r = SRC[rid]
    lh1 = S("lh1", "DejaVuSans-Bold", 8, align=TA_LEFT)
    lh2 = S("lh2", "DejaVuSans-Oblique", 7, align=TA_LEFT, after=14)
    tt = S("tt", "DejaVuSerif-Bold", 19, 23, after=8)
    lab = S("lab", "DejaVuSans-Bold", 9, 12, before=2)
    meta = S("meta", "DejaVuSans", 9, 11.5)
    body = S("body", "DejaVuSerif", 11, 15, align=TA_LEFT, after=9)
    title = P(r["title"], tt)
    flow = [P("U.S. DEPARTMENT OF STATE", lh1), P("Diplomacy in Action", lh2), title, P(r["label"], lab)]
    flow += [P(x, meta) for x in r["byline"] + [r["place"], r["date_text"]]]
    flow.append(Spacer(1, 12))
    flow += [P(x, body) for x in r["paragraphs"]]
    created = r["published"] + "T21:40:00"
    build_pdf(path, rid, flow, footer_simple("www.state.gov"), created, pagesize=LETTER, title_para=title,
              meta_title=r["title"], author="U.S. Department of State")


def pdf_sg(rid, path):
    r = SRC[rid]
    lh = S("lh", "DejaVuSans-Bold", 8.5, 10.5, align=TA_CENTER)
    tt = S("tt", "DejaVuSans-Bold", 14.5, 18, align=TA_LEFT, before=18, after=10)
    dl = S("dl", "DejaVuSans", 10, 13, after=10)
    body = S("body", "DejaVuSans", 10.5, 15, align=TA_JUSTIFY, after=10, firstLineIndent=0)
    tail = S("tail", "DejaVuSans", 10, 13, align=TA_CENTER)
    tail_l = S("taill", "DejaVuSans-Bold", 10, 13, align=TA_LEFT)
    title = P(r["title"], tt)
    flow = [P("MINISTRY OF FOREIGN AFFAIRS", lh), P("SINGAPORE", lh), title]
    if rid == "sg6":
        flow.append(P(r["date_text"], dl))
    flow += [P(x, body) for x in r["paragraphs"]]
    flow.append(Spacer(1, 8))
    for i, x in enumerate(r["tail"]):
        flow.append(P(x, tail if i == 0 else tail_l))
    created = r["published"] + "T09:15:00"
    build_pdf(path, rid, flow, footer_simple("www.mfa.gov.sg", "{p}", size=7), created, title_para=title,
              meta_title="MFA Press Statement", author="MFA")


def pdf_za(rid, path):
    r = SRC[rid]
    lh0 = S("lh0", "DejaVuSans", 7, 8.5)
    lh1 = S("lh1", "DejaVuSans-Bold", 8, 10)
    lab = S("lab", "DejaVuSans-Bold", 10.5, 13, before=16)
    dl = S("dl", "DejaVuSans", 10, 13, after=6)
    tt = S("tt", "DejaVuSans-Bold", 16, 20, after=10)
    body = S("body", "DejaVuSans", 10.5, 14.5, align=TA_JUSTIFY, after=9)
    tl = S("tl", "DejaVuSans", 9, 11.5)
    title = P(r["title"], tt)
    flow = [P("international relations & cooperation", lh0), P("Department:", lh0),
            P("International Relations and Cooperation", lh1), P("REPUBLIC OF SOUTH AFRICA", lh1),
            P(r["label"], lab), P(r["date_text"], dl), title]
    flow += [P(x, body) for x in r["paragraphs"]]
    flow.append(Spacer(1, 6))
    flow += [P(x, tl) for x in r["tail"]]
    created = r["published"] + "T10:05:00"
    build_pdf(path, rid, flow, footer_simple("www.dirco.gov.za", None, size=7), created, title_para=title,
              meta_title=r["title"], author="DIRCO")


def pdf_ca(rid, path):
    r = SRC[rid]
    lh = S("lh", "DejaVuSans", 7.5, 9)
    lab = S("lab", "DejaVuSans-Bold", 10, 13, before=14, after=4)
    tt = S("tt", "DejaVuSans-Bold", 22, 26, after=10)
    body = S("body", "DejaVuSerif", 10.5, 14.5, after=9)
    cont = S("cont", "DejaVuSans", 8, 10, before=10)
    title = P(r["title"], tt)
    flow = [P("Foreign Affairs and International Trade Canada", lh),
            P("Affaires \u00e9trang\u00e8res et Commerce international Canada", lh),
            P(r["label"], lab), title]
    flow += [P(x, body) for x in r["paragraphs"]]
    if r["label"] == "News Release":
        flow += [P("- 30 -", S("c30", "DejaVuSerif", 10.5, 14, align=TA_CENTER, before=4)),
                 P("For further information, media representatives may contact:", cont),
                 P("Foreign Affairs Media Relations Office", cont),
                 P("Foreign Affairs and International Trade Canada", cont)]
    created = r["published"] + "T15:30:00"
    build_pdf(path, rid, flow, footer_simple("www.international.gc.ca", "{p}/{n}", size=7), created,
              pagesize=LETTER, title_para=title, meta_title=r["title"], author="DFAIT-MAECI")


def pdf_in(rid, path):
    r = SRC[rid]
    lh1 = S("lh1", "DejaVuSerif-Bold", 9, 11, align=TA_CENTER)
    lh2 = S("lh2", "DejaVuSerif", 8, 10, align=TA_CENTER)
    lab = S("lab", "DejaVuSerif-Bold", 9.5, 12, before=14, after=2)
    tt = S("tt", "DejaVuSerif-Bold", 15.5, 19.5, after=10)
    body = S("body", "DejaVuSerif", 11, 15, align=TA_JUSTIFY, after=9)
    tl = S("tl", "DejaVuSerif", 11, 14)
    title = P(r["title"], tt)
    flow = [P("Government of India", lh2), P("Ministry of External Affairs", lh1), P("Media Center", lh2),
            P("Press Releases", lab), title]
    flow += [P(x, body) for x in r["paragraphs"]]
    flow.append(Spacer(1, 6))
    flow += [P(x, tl) for x in r["tail"]]
    created = r["published"] + "T13:20:00"
    build_pdf(path, rid, flow, footer_simple("www.mea.gov.in", "Page {p} of {n}", size=7), created,
              title_para=title, meta_title=r["title"], author="XP Division")


def pdf_ie_dfa(rid, path):
    r = SRC[rid]
    lh1 = S("lh1", "DejaVuSerif-Italic", 7.5, 9.5)
    lh2 = S("lh2", "DejaVuSans-Bold", 8.5, 10.5)
    lab = S("lab", "DejaVuSans-Bold", 10, 13, before=16, after=6)
    tt = S("tt", "DejaVuSans-Bold", 16, 20, after=12)
    body = S("body", "DejaVuSans", 10.5, 14.5, after=9)
    ends = S("ends", "DejaVuSans-Bold", 10, 13, align=TA_CENTER, before=8)
    title = P(r["title"], tt)
    flow = [P("An Roinn Gn\u00f3tha\u00ed Eachtracha agus Tr\u00e1d\u00e1la", lh1),
            P("Department of Foreign Affairs and Trade", lh2), P("Press Release", lab), title]
    flow += [P(x, body) for x in r["paragraphs"]]
    flow.append(P("ENDS", ends))
    created = r["published"] + "T11:45:00"
    build_pdf(path, rid, flow, footer_simple("Iveagh House, 80 St Stephen\u2019s Green, Dublin 2  |  www.dfa.ie", None,
                                             size=7), created, title_para=title, meta_title="Press Release", author="DFAT")


def pdf_ie_govie(rid, path):
    r = SRC[rid]
    logo = S("logo", "DejaVuSans-Bold", 13, 16)
    small = S("small", "DejaVuSans", 8, 10, after=14)
    lab = S("lab", "DejaVuSans", 10, 13, after=2)
    tt = S("tt", "DejaVuSans-Bold", 24, 29, after=10)
    meta = S("meta", "DejaVuSans", 9.5, 13)
    body = S("body", "DejaVuSans", 13, 19, after=13)
    title = P(r["title"], tt)
    flow = [P("gov.ie", logo), P("Department of Foreign Affairs", small), P("Press release", lab), title,
            P("From Department of Foreign Affairs", meta), P("Published on: " + r["date_text"], meta),
            P("Last updated on: " + r["updated_text"], meta), Spacer(1, 16)]
    flow += [P(x, body) for x in r["paragraphs"]]
    created = r["published"] + "T16:05:00"
    build_pdf(path, rid, flow, footer_simple("https://www.gov.ie/en/department-of-foreign-affairs/press-releases/",
                                             "{p}/{n}", size=7), created, margins=(30 * mm, 30 * mm, 22 * mm, 25 * mm),
              title_para=title, meta_title=r["title"] + " - gov.ie", author="")


PDF_BUILDERS = {"us": pdf_us, "sg": pdf_sg, "za": pdf_za, "ca": pdf_ca, "in": pdf_in}

# (id, pdftotext -layout?)
SHAPE_A = [("us4", False), ("sg4", True), ("za1", False), ("ca2", True), ("in3", False), ("ie3", True)]
SHAPE_F = ["us5", "us7", "ie2", "ca5", "sg6"]


def make_pdf(rid, path):
    pub = SRC[rid]["publisher"]
    if rid == "ie3":
        pdf_ie_dfa(rid, path)
    elif rid == "ie2":
        pdf_ie_govie(rid, path)
    else:
        PDF_BUILDERS[pub](rid, path)


def build_a():
    for rid, layout in SHAPE_A:
        with tempfile.TemporaryDirectory() as td:
            pdf = os.path.join(td, "release.pdf")
            make_pdf(rid, pdf)
            pdftotext(pdf, out(SRC[rid]["file"]), layout)


def build_f():
    for rid in SHAPE_F:
        make_pdf(rid, out(SRC[rid]["file"]))


# DOCX
def fix_zip(path, when):
    """Rewrite a .docx with fixed member timestamps so that rebuilds are byte-identical."""
    dt = time.strptime(when, "%Y-%m-%dT%H:%M:%S")[:6]
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=dt)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def new_doc(created, author, title):
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)
    cp = d.core_properties
    dt = datetime.datetime.strptime(created, "%Y-%m-%dT%H:%M:%S")
    cp.created = dt
    cp.modified = dt
    cp.author = author
    cp.last_modified_by = author
    cp.title = title
    cp.revision = 2
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    return d


def para(d, text, bold=False, italic=False, size=None, align=None, style=None, space_after=None):
    p = d.add_paragraph(style=style)
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    if size:
        run.font.size = Pt(size)
    if align == "c":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "r":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "j":
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def save_doc(d, rid, created):
    path = out(SRC[rid]["file"])
    d.save(path)
    fix_zip(path, created)


def docx_us1():
    r = SRC["us1"]
    created = "2013-09-21T19:05:00"
    d = new_doc(created, "PA-Press", r["title"])
    para(d, "U.S. DEPARTMENT OF STATE", bold=True, size=9, space_after=0)
    para(d, "Office of the Spokesperson", size=9)
    para(d, r["label"], bold=True, size=10, space_after=0)
    d.add_paragraph(r["title"], style="Title")
    for x in r["byline"] + [r["place"], r["date_text"]]:
        para(d, x, size=10, space_after=0)
    para(d, "")
    for x in r["paragraphs"]:
        para(d, x)
    para(d, "###", align="c")
    save_doc(d, "us1", created)


def docx_sg5():
    r = SRC["sg5"]
    created = "2017-06-03T08:40:00"
    d = new_doc(created, "MFA Media Division", "MFA Press Statement")
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "MINISTRY OF FOREIGN AFFAIRS\nSINGAPORE"
    hdr.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(d, r["title"], bold=True, align="j")
    for x in r["paragraphs"]:
        para(d, x, align="j")
    para(d, r["tail"][0], align="c")
    para(d, "")
    para(d, "")
    para(d, r["tail"][1], bold=True)
    save_doc(d, "sg5", created)


def docx_za3():
    r = SRC["za3"]
    created = "2017-05-23T08:55:00"
    d = new_doc(created, "Media Liaison", r["title"])
    para(d, "international relations & cooperation", size=8, space_after=0)
    para(d, "Department:", size=8, space_after=0)
    para(d, "International Relations and Cooperation", bold=True, size=9, space_after=0)
    para(d, "REPUBLIC OF SOUTH AFRICA", bold=True, size=9)
    para(d, r["label"], bold=True, size=12, space_after=0)
    para(d, r["date_text"])
    d.add_paragraph(r["title"], style="Heading 1")
    for x in r["paragraphs"]:
        para(d, x, align="j")
    for i, x in enumerate(r["tail"]):
        para(d, x, bold=(i == 0), size=9, space_after=0)
    save_doc(d, "za3", created)


def docx_ca4():
    r = SRC["ca4"]
    created = "2013-10-16T06:30:00"
    d = new_doc(created, "DFATD-MAECD", r["title"])
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = ("Foreign Affairs, Trade and Development Canada\t\t"
                "Affaires \u00e9trang\u00e8res, Commerce et D\u00e9veloppement Canada")
    para(d, r["label"].upper(), bold=True, size=10)
    d.add_paragraph(r["title"], style="Heading 1")
    for x in r["paragraphs"]:
        para(d, x)
    para(d, "- 30 -", align="c")
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "For further information, media representatives may contact:"
    t.cell(0, 1).text = ""
    t.cell(1, 0).text = "Media Relations Office"
    t.cell(1, 1).text = "Foreign Affairs, Trade and Development Canada"
    save_doc(d, "ca4", created)


def docx_nz3():
    r = SRC["nz3"]
    created = "2018-11-13T01:10:00"
    d = new_doc(created, "Office of the Minister of Foreign Affairs", r["title"])
    for i, x in enumerate(r["header"]):
        para(d, x, bold=(i == 0), size=10, space_after=0)
    para(d, "")
    d.add_paragraph(r["title"], style="Title")
    for x in r["paragraphs"]:
        para(d, x)
    save_doc(d, "nz3", created)


def docx_in4():
    r = SRC["in4"]
    created = "2013-11-25T14:00:00"
    d = new_doc(created, "XP Division", "Press Release")
    para(d, "Ministry of External Affairs", bold=True, size=12, align="c", space_after=0)
    para(d, "Government of India", size=10, align="c")
    para(d, "Press Release", italic=True, size=10)
    para(d, r["title"], bold=True, size=13)
    for x in r["paragraphs"]:
        para(d, x, align="j")
    para(d, r["tail"][0], space_after=0)
    para(d, r["tail"][1])
    save_doc(d, "in4", created)


def build_e():
    docx_us1(); docx_sg5(); docx_za3(); docx_ca4(); docx_nz3(); docx_in4()


# TXT
def wrap(text, width=72):
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def write_bytes(name, data):
    with open(out(name), "wb") as f:
        f.write(data)


def txt_us2():
    r = SRC["us2"]
    L = r["header"] + ["_" * 73,
                       "For Immediate Release".ljust(56) + r["release_line"].split("Release ")[1],
                       r["number"].rjust(72), "", r["label"].center(72).rstrip(), "",
                       r["title"].center(72).rstrip(), ""]
    for x in r["paragraphs"]:
        L += wrap(x) + [""]
    L += ["# # #".center(72).rstrip(), ""]
    write_bytes(r["file"], "\r\n".join(L).encode("utf-8"))


def txt_sg2():
    r = SRC["sg2"]
    L = [r["title"], ""]
    for x in r["paragraphs"]:
        L += [x, ""]
    L += [r["tail"][0], "", r["tail"][1], r["tail"][2], r["tail"][3], ""]
    write_bytes(r["file"], "\r\n".join(L).encode("utf-16"))  # UTF-16 with BOM (little-endian here)


def txt_pk1():
    r = SRC["pk1"]
    L = [r["title"], "", r["dateline"] + " " + r["paragraphs"][0], ""]
    for x in r["paragraphs"][1:]:
        L += [x, ""]
    L += r["tail"] + [""]
    write_bytes(r["file"], ("\ufeff" + "\n".join(L)).encode("utf-8"))


def txt_nz1():
    r = SRC["nz1"]
    L = r["header"] + ["", r["date_text"], r["label"], "", r["title"], ""]
    for x in r["paragraphs"]:
        L += [x, ""]
    L += r["tail"] + [""]
    write_bytes(r["file"], "\r\n".join(L).encode("utf-8"))


def txt_in2():
    r = SRC["in2"]
    L = [r["title"], "", r["standfirst"], "", r["dateline"] + " " + r["paragraphs"][0], "", r["tail"][0], ""]
    write_bytes(r["file"], "\n".join(L).encode("utf-8"))


def txt_za2():
    r = SRC["za2"]
    L = ["Department of International Relations and Cooperation", "Republic of South Africa \u2013 Media Liaison", "",
         "PRESS RELEASE", r["date_text"], "", r["title"], ""]
    for x in r["paragraphs"]:
        L += wrap(x, 76) + [""]
    L += r["tail"] + [""]
    write_bytes(r["file"], "\r\n".join(L).encode("cp1252"))


def build_b():
    txt_us2(); txt_sg2(); txt_pk1(); txt_nz1(); txt_in2(); txt_za2()


# MD
def write_text(name, text):
    with open(out(name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def md_us6():
    r = SRC["us6"]
    fm = ["---", 'title: "%s"' % r["title"], "date: 2018-09-18", "type: Press Statement",
          "author: %s, %s" % tuple(r["byline"]), "location: %s" % r["place"], "---", "", ""]
    write_text(r["file"], "\n".join(fm) + "\n\n".join(r["paragraphs"]) + "\n")


def md_sg3():
    r = SRC["sg3"]
    lt = r["letter"]
    L = ["# " + r["title"], "", "*Ministry of Foreign Affairs Singapore \u2013 Press Statement*", ""]
    for x in r["paragraphs"]:
        L += [x, ""]
    L += [". . . . .", "", "MINISTRY OF FOREIGN AFFAIRS  ", "SINGAPORE  ", r["date_text"], "", "---", "",
          lt["date"], "", lt["salutation"], ""]
    for x in lt["paragraphs"]:
        L += [x, ""]
    L += [lt["close"][0], "", "**" + lt["close"][1] + "**", ""]
    L += [x + "  " for x in lt["addressee"][:-1]] + [lt["addressee"][-1], ""]
    write_text(r["file"], "\n".join(L))


def md_pk2():
    r = SRC["pk2"]
    L = ["**" + r["title"] + "**", "", r["dateline"] + r["paragraphs"][0], ""]
    for x in r["paragraphs"][1:]:
        L += [x, ""]
    L += [x + "  " for x in r["tail"][:-1]] + [r["tail"][-1], ""]
    write_text(r["file"], "\n".join(L))


def md_ca1():
    r = SRC["ca1"]
    fm = ["---", "title: %s" % r["title"], 'date: "%s"' % r["date_text"], "dateline: %s" % r["place"],
          "department: Foreign Affairs and International Trade Canada", "category: Minister's Travel", "---", "",
          "# " + r["title"], "", ""]
    write_text(r["file"], "\n".join(fm) + "\n\n".join(r["paragraphs"]) + "\n")


def md_nz2():
    r = SRC["nz2"]
    fm = ["---", "title: '%s'" % r["title"], "date: 2024-09-30T17:27:00+13:00", "minister: %s" % r["header"][0],
          "portfolio: Foreign Affairs", "source: New Zealand Government", "---", "", ""]
    write_text(r["file"], "\n".join(fm) + "\n\n".join(r["paragraphs"]) + "\n")


def md_ie4():
    r = SRC["ie4"]
    fm = ["---", 'title: "%s"' % r["title"], "date: '%s'" % r["date_text"], 'subtitle: "%s"' % r["standfirst"],
          "department: Department of Foreign Affairs and Trade", "---", "", ""]
    write_text(r["file"], "\n".join(fm) + "\n\n".join(r["paragraphs"]) + "\n")


def build_d():
    md_us6(); md_sg3(); md_pk2(); md_ca1(); md_nz2(); md_ie4()


# HTML
def paras_html(ps, indent="      "):
    return "\n".join("%s<p>%s</p>" % (indent, esc(x)) for x in ps)


def html_us3():
    r = SRC["us3"]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(r["title"])}</title>
<meta name="description" content="On behalf of President Obama and the people of the United States, I congratulate the people of Iceland" />
<link rel="stylesheet" type="text/css" href="/css/main.css" />
</head>
<body>
<div id="skip"><a href="#content">Skip to content</a></div>
<div id="header">
  <a href="/"><img src="/images/logo_dos.gif" alt="U.S. Department of State" /></a>
  <span class="tagline">Diplomacy in Action</span>
  <form id="search" action="/search"><input type="text" name="q" value="Search" /><input type="submit" value="Go" /></form>
</div>
<ul id="nav">
  <li><a href="/secretary/">Secretary Kerry</a></li>
  <li><a href="/travel/">Travel &amp; Business</a></li>
  <li><a href="/countries/">Countries &amp; Regions</a></li>
  <li><a href="/policy/">Policy Issues</a></li>
  <li><a href="/r/pa/prs/">Press</a></li>
  <li><a href="/careers/">Careers</a></li>
  <li><a href="/about/">About State</a></li>
  <li><a href="/video/">Video</a></li>
</ul>
<div id="breadcrumb"><a href="/">Home</a> &raquo; <a href="/r/pa/">Under Secretary for Public Diplomacy and Public Affairs</a> &raquo; <a href="/r/pa/prs/">Bureau of Public Affairs: Press Relations</a> &raquo; <a href="/r/pa/prs/ps/">Press Releases</a> &raquo; <a href="/r/pa/prs/ps/2014/">2014</a> &raquo; <a href="/r/pa/prs/ps/2014/06/">June</a></div>
<div id="content">
  <div id="tier3-landing-content-wide">
    <h1>{esc(r["title"])}</h1>
    <div class="sub-title">{r["label"]}</div>
    <div class="author">{esc(r["byline"][0])}</div>
    <div class="title-author">{esc(r["byline"][1])}</div>
    <div class="location">{esc(r["place"])}</div>
    <div class="date">{r["date_text"]}</div>
    <div class="body-text">
{paras_html(r["paragraphs"])}
    </div>
    <div class="share"><a href="mailto:?subject={esc(r["title"])}">Email</a> | <a href="javascript:window.print()">Print</a> | <a href="/share">Share</a> | <a href="/rss">RSS</a></div>
  </div>
  <div id="sidebar">
    <h3>Related Press Statements</h3>
    <ul>
      <li><span class="date">09/21/2013</span> <a href="/r/pa/prs/ps/2013/09/">Terrorist Attack at Westgate Shopping Mall in Nairobi, Kenya</a></li>
      <li><span class="date">02/11/2013</span> <a href="/r/pa/prs/ps/2013/02/">Resignation of His Holiness Pope Benedict XVI</a></li>
    </ul>
    <h3>Subscribe to Updates</h3>
    <p><a href="/rss">RSS</a> | <a href="/subscribe">E-mail</a></p>
  </div>
</div>
<div id="footer">
  <p><a href="/misc/87529.htm">Privacy Notice</a> | <a href="/misc/415.htm">Copyright Information</a> | <a href="/r/pa/ei/rls/">FOIA</a> | <a href="/misc/60289.htm">Contact Us</a></p>
  <p>The Office of Website Management, Bureau of Public Affairs, manages this site as a portal for information from the U.S. State Department. External links to other Internet sites should not be construed as an endorsement of the views or privacy policies contained therein.</p>
</div>
</body>
</html>
"""
    write_text(r["file"], page)


def html_sg1():
    r = SRC["sg1"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>Ministry of Foreign Affairs Singapore - {esc(r["title"])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="stylesheet" href="/Content/css/mfa.css" />
</head>
<body>
<div class="top-bar"><a href="/">Home</a> | <a href="/Overseas-Mission">Overseas Missions</a> | <a href="/Contact-Us">Contact Us</a> | <a href="/Sitemap">Sitemap</a> | <a href="#">A- A A+</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/mfa-logo.png" alt="Ministry of Foreign Affairs Singapore" /></a>
  <nav class="main-nav"><ul>
    <li><a href="/SINGAPORES-FOREIGN-POLICY">Singapore's Foreign Policy</a></li>
    <li><a href="/Newsroom" class="active">Newsroom</a></li>
    <li><a href="/Consular-Services">Consular Services</a></li>
    <li><a href="/Travel-Page">Travel Page</a></li>
    <li><a href="/About-MFA">About MFA</a></li>
  </ul></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/Newsroom">Newsroom</a> &gt; <a href="/Newsroom/Press-Statements-Transcripts-and-Photos">Press Statements, Transcripts &amp; Photos</a></div>
<main>
  <div class="news-detail">
    <h3 class="news-title">{esc(r["title"])}</h3>
    <p class="news-date">{r["date_text"]}</p>
    <div class="news-body">
{paras_html(r["paragraphs"])}
    </div>
    <div class="share-this">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a> <a href="javascript:window.print()">Print</a></div>
  </div>
  <aside class="related">
    <h4>Related Press Statements</h4>
    <ul>
      <li><a href="/Newsroom/Press-Statements-Transcripts-and-Photos/2011/11/">MFA Press Statement: Visit by Minister Of State for Foreign Affairs and Home Affairs Masagos Zulkifli to Seoul And Busan, the Republic Of Korea</a><br /><span>27 November 2011</span></li>
      <li><a href="/Newsroom/Press-Statements-Transcripts-and-Photos/2010/05/">MFA Spokesman's Comments in response to media queries on reports of fatalities resulting from an Israeli naval interception of a flotilla</a><br /><span>31 May 2010</span></li>
    </ul>
  </aside>
</main>
<footer>
  <p><a href="/Travel-Page">Travel Page</a> | <a href="/Privacy-Statement">Privacy Statement</a> | <a href="/Terms-of-Use">Terms of Use</a> | <a href="https://www.reach.gov.sg">REACH</a></p>
  <p>Copyright &copy; 2014 Ministry of Foreign Affairs, Singapore. All rights reserved.</p>
</footer>
</body>
</html>
"""
    write_text(r["file"], page)


def html_in1():
    r = SRC["in1"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(r["title"])}</title>
<meta name="keywords" content="Ministry of External Affairs, MEA, Press Releases, Sri Lanka">
<link rel="stylesheet" href="/css/mea.css">
</head>
<body>
<div id="topbar"><a href="#maincontent">Skip to main content</a> | <a href="/Screen-Reader-Access.htm">Screen Reader Access</a> | <a href="/hindi/press-releases.htm">&#2361;&#2367;&#2344;&#2381;&#2342;&#2368;</a> | <a href="#">A-</a> <a href="#">A</a> <a href="#">A+</a></div>
<div id="header"><img src="/images/emblem.png" alt="Emblem of India"> <span class="mea">Ministry of External Affairs</span><br><span class="goi">Government of India</span></div>
<ul id="menu">
  <li><a href="/">Home</a></li>
  <li><a href="/about-mea.htm">About MEA</a></li>
  <li><a href="/foreign-relations.htm">Foreign Relations</a></li>
  <li><a href="/media-center.htm" class="selected">Media Center</a></li>
  <li><a href="/consular-services.htm">Consular Services</a></li>
  <li><a href="/indian-missions-abroad.htm">Missions Abroad</a></li>
</ul>
<div id="maincontent">
  <div class="pageTitle">Media Center</div>
  <div class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/media-center.htm">Media Center</a> &raquo; <a href="/press-releases.htm">Press Releases</a></div>
  <div class="innerHead"><h2>{esc(r["title"])}</h2></div>
  <div class="innerDate">{r["date_text"]}</div>
  <div class="innerContent">
{paras_html(r["paragraphs"], "    ")}
    <p>{r["tail"][0]}<br>{r["tail"][1]}</p>
  </div>
  <div class="shareBox">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Google+</a> <a href="javascript:window.print()">Print</a> <a href="#">Email</a></div>
  <div class="commentBox">
    <h4><a href="#">Write a Comment</a> <a href="#">Write a Comment</a></h4>
    <h4>Comments</h4>
    <h4>Post A Comment</h4>
    <form action="#"><ul>
      <li>Name * <input type="text"> E-mail * <input type="text"></li>
      <li>Write Your Comment * <textarea></textarea></li>
      <li>Verification Code * <img src="/captcha.aspx" alt="Verification Code"></li>
    </ul></form>
  </div>
</div>
<div id="rightpanel">
  <h4>Press Releases</h4>
  <ul>
    <li><a href="/press-releases.htm">India strongly condemns the terrorist attack in Mali</a> <span>August 27, 2021</span></li>
    <li><a href="/press-releases.htm">Official Spokesperson's response to the P5 plus 1 agreement with Iran on the Iran Nuclear Issue</a> <span>November 24, 2013</span></li>
  </ul>
</div>
<div id="footer"><a href="/sitemap.htm">Sitemap</a> | <a href="/disclaimer.htm">Disclaimer</a> | <a href="/feedback.htm">Feedback</a> | Content Owned by Ministry of External Affairs, Government of India.</div>
</body>
</html>
"""
    write_text(r["file"], page)


def html_pk3():
    r = SRC["pk3"]
    page = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>{esc(r["title"])} &#8211; Ministry of Foreign Affairs</title>
<link rel='stylesheet' id='avada-stylesheet-css' href='https://mofa.gov.pk/wp-content/themes/Avada/assets/css/style.min.css' type='text/css' media='all' />
<link rel="canonical" href="{r["url"]}" />
</head>
<body class="post-template-default single single-post single-format-standard">
<div id="wrapper">
<header class="fusion-header-wrapper">
  <div class="fusion-secondary-header"><a href="/contact-us/">Contact Us</a> | <a href="/urdu/">&#1575;&#1585;&#1583;&#1608;</a></div>
  <div class="fusion-logo"><a href="/"><img src="/wp-content/uploads/2019/11/logo.png" alt="Ministry of Foreign Affairs - Government of Pakistan" /></a></div>
  <nav class="fusion-main-menu"><ul>
    <li><a href="/">Home</a></li>
    <li><a href="/about-us/">About Us</a></li>
    <li><a href="/foreign-policy/">Foreign Policy</a></li>
    <li><a href="/category/press-releases/">Press Releases</a></li>
    <li><a href="/category/media-briefing/">Media Briefing</a></li>
    <li><a href="/pakistan-missions-abroad/">Missions</a></li>
  </ul></nav>
</header>
<main id="main">
<article id="post-4105" class="post type-post status-publish format-standard hentry category-press-releases">
  <h1 class="entry-title fusion-post-title">{esc(r["title"])}</h1>
  <div class="fusion-meta-info"><div class="fusion-meta-info-wrapper"><span class="updated rich-snippet-hidden">2019-11-19</span><span>{r["date_text"]}</span><span class="fusion-inline-sep">|</span><a href="/category/press-releases/" rel="category tag">Press Releases</a><span class="fusion-inline-sep">|</span></div></div>
  <div class="post-content">
{paras_html(r["paragraphs"], "    ")}
    <p>{r["tail"][0]}<br />
{r["tail"][1]}</p>
  </div>
  <div class="fusion-sharing-box"><h4>Share This Story, Choose Your Platform!</h4><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">WhatsApp</a> <a href="#">Email</a></div>
  <section class="related-posts"><h3>Related Posts</h3><ul>
    <li><a href="/telephone-conversation-between-the-foreign-minister-and-foreign-minister-of-malaysia/">Telephone Conversation between the Foreign Minister and Foreign Minister of Malaysia</a> <span>April 8, 2020</span></li>
    <li><a href="/foreign-minister-receives-telephone-call-from-australian-foreign-minister-marise-payne/">Foreign Minister receives telephone call from Australian Foreign Minister Marise Payne</a> <span>August 24, 2021</span></li>
  </ul></section>
</article>
<p class="last-modified">Last modified: November 19, 2019</p>
</main>
<footer class="fusion-footer">
  <p>Our foreign policy is one of friendliness and goodwill towards all the nations of the world.</p>
  <p>Ministry of Foreign Affairs, Constitution Avenue, Islamabad, Pakistan | &copy; Copyright 2019 Ministry of Foreign Affairs</p>
</footer>
</div>
</body>
</html>
"""
    write_text(r["file"], page)


def html_ca3():
    r = SRC["ca3"]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(r["page_title"])}</title>
<meta name="dcterms.title" content="{esc(r["page_title"])}" />
<meta name="dcterms.creator" title="ISO639-2" content="Government of Canada, Foreign Affairs and International Trade Canada" />
<meta name="dcterms.issued" title="W3CDTF" content="2012-05-03" />
<meta name="dcterms.language" title="ISO639-2" content="eng" />
<meta name="dcterms.subject" title="gccore" content="Foreign affairs; Media" />
<link rel="stylesheet" href="/clf2-nsi2/base.css" type="text/css" />
</head>
<body>
<div class="page"><div class="core">
<div id="cn-head"><div id="cn-head-inner">
  <div id="cn-sig"><img src="/clf2-nsi2/images/sig-eng.gif" alt="Foreign Affairs and International Trade Canada" /></div>
  <div id="cn-wmms"><img src="/clf2-nsi2/images/wmms.gif" alt="Symbol of the Government of Canada" /></div>
  <ul id="cn-cmb">
    <li><a href="/media/aff/photos/2012/05/03a.aspx?view=d&amp;lang=fra" lang="fr" xml:lang="fr">Fran&#231;ais</a></li>
    <li><a href="/index.aspx?lang=eng">Home</a></li>
    <li><a href="/contact-contactez.aspx?lang=eng">Contact Us</a></li>
    <li><a href="/help-aide.aspx?lang=eng">Help</a></li>
    <li><a href="/search-recherche.aspx?lang=eng">Search</a></li>
    <li><a href="http://www.canada.gc.ca/home.html">canada.gc.ca</a></li>
  </ul>
  <div id="cn-bc"><a href="/index.aspx?lang=eng">Home</a> &gt; <a href="/media/index.aspx?lang=eng">Media Room</a> &gt; <a href="/media/aff/photos/index.aspx?lang=eng">Photo Releases</a></div>
</div></div>
<div id="cn-body-inner-3col"><div id="cn-centre-col-gap"><div id="cn-centre-col-inner">
  <h1 id="cn-cont">{esc(r["title"])}</h1>
  <p class="photo"><img src="/media/aff/photos/2012/images/05-03a.jpg" alt="Foreign Affairs Minister John Baird delivers a keynote address" /></p>
{paras_html(r["paragraphs"], "  ")}
  <p><a href="/media/aff/photos/2012/images/05-03a-large.jpg">{r["tail"][0]}</a></p>
</div></div>
<div id="cn-left-col"><div id="cn-left-col-inner"><ul>
  <li><a href="/media/index.aspx?lang=eng">Media Room</a></li>
  <li><a href="/media/aff/news-communiques/index.aspx?lang=eng">News Releases</a></li>
  <li><a href="/media/aff/photos/index.aspx?lang=eng">Photo Releases</a></li>
  <li><a href="/media/aff/speeches-discours/index.aspx?lang=eng">Speeches</a></li>
  <li><a href="/media/aff/advisories-avis/index.aspx?lang=eng">Media Advisories</a></li>
</ul></div></div>
<div id="cn-right-col"><div id="cn-right-col-inner">
  <h2>Related Links</h2><ul>
  <li><a href="/ministers-ministres/baird_china_2011.aspx?lang=eng">Minister of Foreign Affairs Baird Visits China</a></li>
  <li><a href="/media/aff/photos/2011/88.aspx?lang=eng&amp;view=d">Minister Baird Greets His Highness the Aga Khan in Ottawa</a></li>
  </ul>
</div></div>
</div>
<div id="cn-foot"><div id="cn-foot-inner">
  <dl id="cn-doc-dates"><dt>Date Modified:</dt><dd><span><time>2012-05-03</time></span></dd></dl>
  <ul id="cn-tctr"><li><a href="/terms-avis/index.aspx?lang=eng">Terms and Conditions</a></li><li><a href="/transparency-transparence.aspx?lang=eng">Transparency</a></li></ul>
  <ul id="cn-fl"><li><a href="/about-a_propos.aspx?lang=eng">About Us</a></li><li><a href="/media/index.aspx?lang=eng">News</a></li><li><a href="/contact-contactez.aspx?lang=eng">Contact Us</a></li></ul>
</div></div>
</div></div>
</body>
</html>
"""
    write_text(r["file"], page)


def html_ie1():
    r = SRC["ie1"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gov.ie - {esc(r["title"])}</title>
<meta property="og:title" content="{esc(r["title"])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="gov.ie">
<link rel="stylesheet" href="/static/css/govie.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="govie-header">
  <a class="govie-header__logo" href="/en/"><img src="/static/img/gov-ie-logo.svg" alt="gov.ie"></a>
  <a class="govie-header__lang" href="/ga/" lang="ga">Gaeilge</a>
  <form class="govie-header__search" action="/en/search/"><label for="q">Search gov.ie</label><input id="q" name="q" type="search"><button>Search</button></form>
</header>
<nav class="govie-breadcrumbs" aria-label="Breadcrumb"><ol>
  <li><a href="/en/">Home</a></li>
  <li><a href="/en/department-of-foreign-affairs/">Department of Foreign Affairs</a></li>
  <li><a href="/en/department-of-foreign-affairs/press-releases/">Press releases</a></li>
</ol></nav>
<main id="main" class="govie-main">
  <span class="govie-caption">Press release</span>
  <h1 class="govie-heading-xl">{esc(r["title"])}</h1>
  <p class="govie-from">From <a href="/en/department-of-foreign-affairs/">Department of Foreign Affairs</a></p>
  <ul class="govie-metadata">
    <li>Published on: <time datetime="2025-06-23">{r["date_text"]}</time></li>
    <li>Last updated on: <time datetime="2025-06-24">{r["updated_text"]}</time></li>
  </ul>
  <div class="govie-body">
{paras_html(r["paragraphs"], "    ")}
  </div>
  <section class="govie-related"><h2>Related</h2><ul>
    <li><a href="/en/department-of-foreign-affairs/press-releases/t%C3%A1naiste-to-attend-meeting-of-eu-foreign-ministers">T&aacute;naiste to attend Meeting of EU Foreign Ministers</a> <span class="date">24 February 2025</span></li>
  </ul></section>
  <div class="govie-feedback">Was this page useful? <button>Yes</button> <button>No</button> <a href="#">Report a problem</a></div>
</main>
<footer class="govie-footer">
  <ul><li><a href="/en/help/">Help</a></li><li><a href="/en/accessibility/">Accessibility</a></li><li><a href="/en/privacy-policy/">Privacy policy</a></li><li><a href="/en/cookies/">Cookies</a></li></ul>
  <p>&copy; Government of Ireland</p>
</footer>
</body>
</html>
"""
    write_text(r["file"], page)


def build_c():
    html_us3(); html_sg1(); html_in1(); html_pk3(); html_ca3(); html_ie1()


# main
if __name__ == "__main__":
    build_a(); build_b(); build_c(); build_d(); build_e(); build_f()
    json.dump(TITLE_LINES, open(os.path.join(tempfile.gettempdir(), "en-ministries-title-lines.json"), "w"), indent=1)
    for rid, n in sorted(TITLE_LINES.items()):
        print("title lines", rid, n)
    print("built", len(SRC), "files")
