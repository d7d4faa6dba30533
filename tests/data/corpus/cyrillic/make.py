#!/usr/bin/env python3
"""Build the `cyrillic` batch of the evaluation corpus from sources.json.

Run with /work/corpus-venv/bin/python make.py (from any directory). The release texts (title, date line,
paragraphs) are taken from sources.json exactly as published; letterheads, page chrome, footers and file
layouts are added here in each publisher's style. Shapes:
  a  reportlab PDF -> `pdftotext` (with or without -layout), text kept as written (the PDF is not kept)
  b  plain text in various encodings / line endings
  c  saved web page
  d  Markdown
  e  python-docx Word document
  f  reportlab PDF
Every file is rebuilt byte for byte on each run (PDFs in invariant mode with a fixed date, docx zips with
fixed member times).
"""
import html
import io
import json
import os
import subprocess
import tempfile
import zipfile
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = {r["id"]: r for r in json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))}
FONTDIR = "/usr/share/fonts/truetype/dejavu"
for name, fn in [("Sans", "DejaVuSans.ttf"), ("Sans-Bold", "DejaVuSans-Bold.ttf"), ("Sans-Oblique", "DejaVuSans-Oblique.ttf"),
                 ("Serif", "DejaVuSerif.ttf"), ("Serif-Bold", "DejaVuSerif-Bold.ttf"), ("Serif-Italic", "DejaVuSerif-Italic.ttf"),
                 ("Cond", "DejaVuSansCondensed.ttf"), ("Cond-Bold", "DejaVuSansCondensed-Bold.ttf"),
                 ("SerifCond", "DejaVuSerifCondensed.ttf"), ("SerifCond-Bold", "DejaVuSerifCondensed-Bold.ttf")]:
    pdfmetrics.registerFont(TTFont(name, os.path.join(FONTDIR, fn)))


def out(name):
    return os.path.join(HERE, name)


def esc(s):
    return html.escape(s, quote=False)


# PDF helpers
def make_canvas(created, creator):
    """A canvas class with a fixed CreationDate/ModDate and creator, in invariant mode (stable bytes)."""
    stamp = created.strftime("D:%Y%m%d%H%M%S+00'00'")

    class C(Canvas):
        def __init__(self, *a, **k):
            k["invariant"] = 1
            super().__init__(*a, **k)
            self.setDateFormatter(lambda *args: stamp)
            self.setCreator(creator)
    return C


def build_pdf(path, story, pagesize=A4, margins=(20 * mm, 20 * mm, 22 * mm, 22 * mm), on_page=None,
              created=datetime(2000, 1, 1, 10, 30), creator="Microsoft® Word 2013", title=""):
    left, right, top, bottom = margins
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=left, rightMargin=right, topMargin=top,
                            bottomMargin=bottom, title=title, author="", subject="", creator=creator)
    cb = on_page or (lambda c, d: None)
    doc.build(story, onFirstPage=cb, onLaterPages=cb, canvasmaker=make_canvas(created, creator))


def pdftotext(pdf, txt, layout):
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, txt]
    subprocess.run(cmd, check=True)


def S(name, font="Sans", size=10, leading=None, align=TA_LEFT, before=0, after=0, color=colors.black, indent=0):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading or size * 1.25, alignment=align,
                          spaceBefore=before, spaceAfter=after, textColor=color, firstLineIndent=indent)


def P(text, style):
    return Paragraph(esc(text), style)


# shape a
def shape_a():
    tmp = tempfile.mkdtemp(prefix="cyr-a-")

    # a1: mid.ru PDF as in the seed release: no letterhead, no date line, title a little larger, every body line
    # far apart (pdftotext then leaves a blank line after each wrapped line), raw pdftotext.
    r = SRC["M1"]
    story = [P(r["title"], S("t", "Sans", 11.5, 14)), Spacer(1, 6)]
    body = S("b", "Sans", 10, 38)
    story += [P(p, body) for p in r["paragraphs"]]
    pdf = os.path.join(tmp, "a1.pdf")
    build_pdf(pdf, story, margins=(16 * mm, 14 * mm, 16 * mm, 16 * mm), created=datetime(2017, 5, 5, 17, 40))
    pdftotext(pdf, out(r["file"]), layout=False)

    # a2: the same family on US Letter, larger title over three lines, -layout.
    r = SRC["M6"]
    story = [P(r["title"], S("t", "Sans-Bold", 14, 18)), Spacer(1, 10)]
    body = S("b", "Sans", 10.5, 40, align=TA_JUSTIFY)
    story += [P(p, body) for p in r["paragraphs"]]
    pdf = os.path.join(tmp, "a2.pdf")
    build_pdf(pdf, story, pagesize=LETTER, margins=(22 * mm, 22 * mm, 20 * mm, 20 * mm), created=datetime(2017, 9, 28, 15, 10))
    pdftotext(pdf, out(r["file"]), layout=True)

    # a3: mid.ru printout with a small letterhead, the site's date/time line above the title, single spacing.
    r = SRC["M4"]

    def page_a3(c, d):
        c.saveState()
        c.setFont("Sans", 7)
        c.drawCentredString(A4[0] / 2, A4[1] - 14 * mm, "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ")
        c.drawCentredString(A4[0] / 2, A4[1] - 17.5 * mm, "THE MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION")
        c.setLineWidth(0.4)
        c.line(20 * mm, A4[1] - 19.5 * mm, A4[0] - 20 * mm, A4[1] - 19.5 * mm)
        c.setFont("Sans", 7.5)
        c.drawString(20 * mm, 12 * mm, "www.mid.ru")
        c.drawRightString(A4[0] - 20 * mm, 12 * mm, "1")
        c.restoreState()
    story = [P(r["date_line"], S("d", "Sans", 8.5, 11, color=colors.HexColor("#555555"), after=6)),
             P(r["title"], S("t", "Serif-Bold", 16, 20, after=10))]
    story += [P(p, S("b", "Serif", 10.5, 14.5, after=7, align=TA_JUSTIFY)) for p in r["paragraphs"]]
    pdf = os.path.join(tmp, "a3.pdf")
    build_pdf(pdf, story, margins=(20 * mm, 20 * mm, 28 * mm, 22 * mm), on_page=page_a3, created=datetime(2017, 2, 9, 10, 5))
    pdftotext(pdf, out(r["file"]), layout=False)

    # a4: seed family again, -layout, the date printed only at the end (right-aligned) as on the old mid.ru pages.
    r = SRC["M3"]

    def page_a4(c, d):
        c.saveState()
        c.setFont("Sans", 8)
        c.drawCentredString(A4[0] / 2, 12 * mm, "1")
        c.restoreState()
    story = [P(r["title"], S("t", "Sans-Bold", 15, 19)), Spacer(1, 12)]
    body = S("b", "Sans", 10, 38, align=TA_JUSTIFY)
    story += [P(p, body) for p in r["paragraphs"]]
    story += [Spacer(1, 6), P(r["end_line"], S("e", "Sans", 10, 14, align=TA_RIGHT))]
    pdf = os.path.join(tmp, "a4.pdf")
    build_pdf(pdf, story, margins=(25 * mm, 20 * mm, 20 * mm, 20 * mm), on_page=page_a4, created=datetime(2015, 8, 13, 17, 30))
    pdftotext(pdf, out(r["file"]), layout=True)

    # a5: archive.government.ru news item printed to PDF (Russian), -layout.
    r = SRC["G1"]

    def page_a5(c, d):
        c.saveState()
        c.setFont("Serif-Bold", 8)
        c.drawCentredString(A4[0] / 2, A4[1] - 15 * mm, "ПРАВИТЕЛЬСТВО РОССИЙСКОЙ ФЕДЕРАЦИИ")
        c.setFont("Serif", 7)
        c.drawCentredString(A4[0] / 2, A4[1] - 19 * mm, "Председатель Правительства Российской Федерации В.В.Путин")
        c.setFont("Sans", 7)
        c.drawString(20 * mm, 12 * mm, "http://archive.government.ru/docs/12422/")
        c.drawRightString(A4[0] - 20 * mm, 12 * mm, "Страница 1 из 1")
        c.restoreState()
    story = [P("Новости", S("l", "Sans-Bold", 8, 10, color=colors.HexColor("#8a1c1c"), after=4)),
             P(r["date_line"], S("d", "Sans", 9, 12, after=8)),
             P(r["title"], S("t", "Serif-Bold", 17, 21, after=12))]
    story += [P(p, S("b", "Serif", 11, 15, align=TA_JUSTIFY, indent=8 * mm)) for p in r["paragraphs"]]
    pdf = os.path.join(tmp, "a5.pdf")
    build_pdf(pdf, story, margins=(20 * mm, 20 * mm, 30 * mm, 22 * mm), on_page=page_a5, created=datetime(2010, 10, 4, 14, 0))
    pdftotext(pdf, out(r["file"]), layout=True)

    # a6: BelTA news page saved as PDF (Russian), raw pdftotext.
    r = SRC["B3"]

    def page_a6(c, d):
        c.saveState()
        c.setFillColor(colors.HexColor("#0b5394"))
        c.setFont("Cond-Bold", 9)
        c.drawString(18 * mm, A4[1] - 14 * mm, "БЕЛТА")
        c.setFont("Cond", 7)
        c.drawString(33 * mm, A4[1] - 14 * mm, "Белорусское телеграфное агентство  ·  belta.by")
        c.setFillColor(colors.black)
        c.setFont("Cond", 7)
        c.drawString(18 * mm, 10 * mm, "© БЕЛТА. При использовании материалов гиперссылка на belta.by обязательна.")
        c.drawRightString(A4[0] - 18 * mm, 10 * mm, "1/1")
        c.restoreState()
    story = [P("Общество", S("l", "Cond-Bold", 8, 10, color=colors.HexColor("#0b5394"), after=2)),
             P(r["date_line"], S("d", "Cond", 8, 10, after=8)),
             P(r["title"], S("t", "Sans-Bold", 19, 23, after=12))]
    story += [P(p, S("b", "Sans", 10, 14, after=8)) for p in r["paragraphs"]]
    pdf = os.path.join(tmp, "a6.pdf")
    build_pdf(pdf, story, margins=(18 * mm, 18 * mm, 24 * mm, 20 * mm), on_page=page_a6, created=datetime(2024, 3, 22, 19, 5),
              creator="Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/122.0")
    pdftotext(pdf, out(r["file"]), layout=False)


# shape b
def write_text(name, text, encoding="utf-8", newline="\n", bom=False):
    data = text.replace("\n", newline)
    raw = data.encode(encoding)
    if bom and encoding == "utf-8":
        raw = b"\xef\xbb\xbf" + raw
    if encoding == "utf-16-le":
        raw = b"\xff\xfe" + raw
    with open(out(name), "wb") as f:
        f.write(raw)


def wrap(text, width):
    words, lines, cur = text.split(" "), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = w if not cur else cur + " " + w
    lines.append(cur)
    return "\n".join(lines)


def shape_b():
    r = SRC["M9"]   # UTF-8, CRLF, one line per paragraph
    t = [r["title"], "", r["date_line"], ""] + sum([[p, ""] for p in r["paragraphs"]], [])
    write_text(r["file"], "\n".join(t), newline="\r\n")

    r = SRC["B1"]   # Windows-1251, CRLF, BelTA style: title, date/time, one paragraph
    t = [r["title"], "", r["date_line"], "", r["paragraphs"][0], ""]
    write_text(r["file"], "\n".join(t), encoding="cp1251", newline="\r\n")

    r = SRC["Z1"]   # UTF-16 LE with BOM, CRLF, no date line (the statement's own text carries the date)
    t = [r["title"], ""] + sum([[p, ""] for p in r["paragraphs"]], [])
    write_text(r["file"], "\n".join(t), encoding="utf-16-le", newline="\r\n")

    r = SRC["U3"]   # UTF-8 with BOM, hard-wrapped at 72
    t = ["Ministry of Foreign Affairs of Ukraine", "", r["title"], r["date_line"], ""]
    t += sum([[wrap(p, 72), ""] for p in r["paragraphs"]], [])
    write_text(r["file"], "\n".join(t), bom=True)

    r = SRC["K5"]   # UTF-8, LF, header line + hard wrap at 78, closing date line as on kremlin.ru
    t = ["PRESIDENT OF RUSSIA", "", r["title"], "", r["date_line"], ""]
    t += sum([[wrap(p, 78), ""] for p in r["paragraphs"]], []) + [r["end_line"], ""]
    write_text(r["file"], "\n".join(t))

    r = SRC["Y2"]   # Windows-1251, LF, hard-wrapped at 66
    t = [r["title"], "", "Общество " + r["date_line"], ""] + sum([[wrap(p, 66), ""] for p in r["paragraphs"]], [])
    write_text(r["file"], "\n".join(t), encoding="cp1251")


# shape c
def paras_html(r, indent="    "):
    return "\n".join(f"{indent}<p>{esc(p)}</p>" for p in r["paragraphs"])


def shape_c():
    r = SRC["M13"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ministry of Foreign Affairs of the Russian Federation: {esc(r['title'])} | Public Now</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<div class="topbar"><a href="/">publicnow</a> <span class="tag">Official communications, as published</span>
  <form action="/search"><input name="q" placeholder="Search"></form></div>
<nav class="main"><a href="/browse/companies">Companies</a> | <a href="/browse/governments">Governments</a> | <a href="/browse/ngo">NGOs</a> | <a href="/browse/latest">Latest</a></nav>
<div class="container">
  <div class="issuer"><a href="/source/mid-ru">Ministry of Foreign Affairs of the Russian Federation</a></div>
  <div class="meta">08/04/2017 | Press release | Archived content</div>
  <h1 class="title">{esc(r['title'])}</h1>
  <div class="content">
{paras_html(r)}
  </div>
  <div class="original">Original document: <a href="http://www.mid.ru/en/foreign_policy/news">mid.ru</a></div>
  <div class="actions"><a href="#">Share</a> · <a href="#">Print</a> · <a href="#">Send by e-mail</a></div>
  <div class="disclaimer">Disclaimer: the content above is the original publication of the issuer, distributed unedited and unaltered on 08/07/2017 17:01:02 (UTC+1).</div>
  <aside class="more">
    <h3>More from Ministry of Foreign Affairs of the Russian Federation</h3>
    <ul>
      <li><span class="d">09/02/2017</span> <a href="#">Press release on summoning the Minister Counselor of the US Embassy to the Russian Foreign Ministry</a></li>
      <li><span class="d">08/09/2017</span> <a href="#">Press release on Deputy Foreign Minister Mikhail Bogdanov’s meeting with Serbian Ambassador to Russia Slavenko Terzic</a></li>
      <li><span class="d">07/28/2017</span> <a href="#">Press release on Deputy Foreign Minister Sergey Ryabkov’s meeting with US Ambassador to Russia John Tefft</a></li>
    </ul>
  </aside>
</div>
<footer>© 2017 Public Now · <a href="/terms">Terms</a> · <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)

    r = SRC["M8"]
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<title>{esc(r['title'])} - The Ministry of Foreign Affairs of the Russian Federation</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{html.escape(r['title'])}">
<meta property="og:site_name" content="The Ministry of Foreign Affairs of the Russian Federation">
<meta property="article:published_time" content="2017-09-02T14:44:00+03:00">
<link rel="canonical" href="{r['url']}">
</head>
<body>
<div id="header">
  <div class="logo"><a href="/en/">The Ministry of Foreign Affairs of the Russian Federation</a></div>
  <ul class="langs"><li><a href="/ru/">Русский</a></li><li class="active">English</li><li><a href="/fr/">Français</a></li><li><a href="/de/">Deutsch</a></li><li><a href="/es/">Español</a></li></ul>
  <ul class="nav"><li><a href="/en/foreign_policy">Foreign policy</a></li><li><a href="/en/press_service">Press service</a></li><li><a href="/en/about">About the Ministry</a></li><li><a href="/en/maps">Countries and regions</a></li></ul>
</div>
<div class="breadcrumbs"><a href="/en/">Home</a> / <a href="/en/foreign_policy">Foreign policy</a> / <a href="/en/foreign_policy/news">News</a></div>
<div id="content">
  <div class="portlet-title">Asset Publisher</div>
  <div class="news-item">
    <div class="date">2 September 2017<span class="time">14:44</span></div>
    <h1>{esc(r['title'])}</h1>
    <ul class="versions"><li>de-DE</li><li>en-GB</li><li>es-ES</li><li>ru-RU</li><li>fr-FR</li></ul>
    <div class="text">
{paras_html(r, '      ')}
    </div>
    <div class="tools"><a href="#">Print</a> <a href="#">Send</a> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
    <div class="advanced">Advanced settings</div>
  </div>
  <div id="sidebar">
    <h3>Latest news</h3>
    <ul>
      <li><span>9 August 2017</span> <a href="/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2834565">Press release on Deputy Foreign Minister Mikhail Bogdanov’s meeting with Serbian Ambassador to Russia Slavenko Terzic</a></li>
      <li><span>5 May 2017</span> <a href="/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2745970">Press release on Foreign Minister Sergey Lavrov’s telephone conversation with US Secretary of State Rex Tillerson</a></li>
    </ul>
  </div>
</div>
<div id="footer">© 2017 The Ministry of Foreign Affairs of the Russian Federation · 32/34 Smolenskaya-Sennaya pl., Moscow</div>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)

    r = SRC["K1"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(r['title'])} • President of Russia</title>
<meta name="viewport" content="width=device-width">
</head>
<body class="special">
<div class="special-settings">View settings
  <div>Font size: <a href="#">A</a> <a href="#">A</a> <a href="#">A</a></div>
  <div>Site colours: <a href="#">C</a> <a href="#">C</a> <a href="#">C</a></div>
  <div>Images <a href="#">on</a> <a href="#">off</a></div>
  <a href="#">Settings</a>
</div>
<header><a href="/" class="logo">Official website of the President of Russia</a>
  <nav><a href="/events/president/news">News</a> <a href="/events/president/transcripts">Transcripts</a> <a href="/acts">Documents</a> <a href="/catalog">Directory</a></nav>
  <div class="lang"><a href="http://special.kremlin.ru/events/president/news/56391">Русский</a></div>
</header>
<main>
  <div class="breadcrumbs"><a href="/events/president/news">News</a>   /</div>
  <article itemscope itemtype="http://schema.org/NewsArticle">
    <h1 itemprop="headline">{esc(r['title'])}</h1>
    <p class="read__place"><time datetime="2017-12-15" itemprop="datePublished">December 15, 2017</time>, Novo-Ogaryovo, Moscow Region</p>
    <div class="read__content" itemprop="articleBody">
{paras_html(r, '      ')}
    </div>
    <p class="read__bottommeta">{esc(r['end_line'])}</p>
  </article>
  <aside>
    <h2>See also</h2>
    <ul><li><a href="/events/security-council/53132">Meeting with permanent members of the Security Council</a> <span>October 21, 2016</span></li></ul>
  </aside>
</main>
<footer>President of Russia · <a href="http://en.kremlin.ru">Full version</a> · All content on this site is licensed under Creative Commons Attribution 4.0 International</footer>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)

    r = SRC["U1"]
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(r['title'])} | Cabinet of Ministers of Ukraine</title>
<meta name="description" content="{html.escape(r['paragraphs'][0])}">
</head>
<body>
<header class="header">
  <div class="header__logo"><a href="/en">Government portal</a> <span>Official website of the Cabinet of Ministers of Ukraine</span></div>
  <ul class="header__lang"><li><a href="/news/zaiava-mzs-ukrainy-shchodo-cherhovoi-provokatsii-bilorusi">Українською</a></li><li class="active">English</li></ul>
  <nav><a href="/en/news">News</a> <a href="/en/diialnist">Activity</a> <a href="/en/uryad">Government</a> <a href="/en/npas">Documents</a></nav>
</header>
<div class="breadcrumbs"><a href="/en">Main</a> / <a href="/en/news">News</a></div>
<main>
  <h1>{esc(r['title'])}</h1>
  <div class="news-meta">{esc(r['date_line'])}</div>
  <div class="news-body">
{paras_html(r)}
  </div>
  <div class="share">Share: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Telegram</a></div>
</main>
<aside class="related">
  <h2>Related news</h2>
  <ul><li><a href="#">Statement of the Ministry of Foreign Affairs of Ukraine on the Second Anniversary of Illegal Occupation of the Autonomous Republic of Crimea and the City of Sevastopol by the Russian Federation</a> <time>22 February 2016</time></li></ul>
</aside>
<footer>Cabinet of Ministers of Ukraine · 12/2 Hrushevskoho St., Kyiv · All materials on this site are available under Creative Commons Attribution 4.0 International license</footer>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)

    r = SRC["Z3"]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": r["title"],
                     "datePublished": "2018-04-24T14:00:00+06:00", "publisher": {"@type": "Organization", "name": "Kazinform"}},
                    ensure_ascii=False)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(r['title'])} - Kazinform</title>
<script type="application/ld+json">{ld}</script>
</head>
<body>
<div class="top"><a href="/ru/">RU</a> <a href="/kz/">KZ</a> <b>EN</b> <a href="/cn/">中文</a></div>
<header><a class="logo" href="/">KAZINFORM</a> <span class="owner">TV AND RADIO COMPLEX OF THE PRESIDENT OF THE RK</span>
  <nav><a href="/en/politics">Politics</a> <a href="/en/economy">Economy</a> <a href="/en/society">Society</a> <a href="/en/world">World</a></nav></header>
<main>
  <div class="article">
    <div class="article__date">{esc(r['date_line'])}</div>
    <h1>{esc(r['title'])}</h1>
    <div class="article__body">
{paras_html(r, '      ')}
    </div>
    <div class="article__share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
  </div>
  <aside class="latest"><h3>Latest news</h3>
    <ul><li><span>5 September 2022, 20:27</span> <a href="#">Kazakh MFA condemns terrorist attack near Russian Embassy in Kabul</a></li></ul></aside>
</main>
<footer>© 1997-2018 Kazinform International News Agency. Hyperlink to Kazinform is obligatory.</footer>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)

    r = SRC["G2"]
    page = f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>Правительство России</title>
</head>
<body>
<div class="version"><a href="?vision=1">Версия для слабовидящих</a></div>
<div id="header"><a href="/">Правительство Российской Федерации</a>
  <div class="lang"><a href="/eng/">English</a></div>
  <ul class="menu"><li><a href="/docs/">Документы</a></li><li><a href="/news/">Новости</a></li><li><a href="/gov/">Правительство</a></li><li><a href="/special/">Спецпроекты</a></li></ul>
</div>
<div id="content">
  <div class="tabs"><a href="text.html">Текст</a> <b>Фоторепортаж</b> <a href="video.html">Видео</a></div>
  <div class="date">{esc(r['date_line'])}</div>
  <h1>{esc(r['title'])}</h1>
  <div class="lead">
{paras_html(r)}
  </div>
  <div class="photos"><img src="/media/photo/19642/1.jpg" alt=""> <img src="/media/photo/19642/2.jpg" alt=""></div>
  <div id="aside">
    <h3>Все новости</h3>
    <ul><li><span>14 июня 2012</span> <a href="/eng/docs/19276/">Заседание Правительства</a></li>
        <li><span>4 октября 2010</span> <a href="/docs/12422/">В.В.Путин провел рабочую встречу с главой МЧС С.К.Шойгу</a></li></ul>
  </div>
</div>
<div id="footer">© Правительство Российской Федерации, 2012</div>
</body>
</html>
"""
    open(out(r["file"]), "w", encoding="utf-8").write(page)


# shape d
def shape_d():
    def body(r):
        return "\n\n".join(r["paragraphs"]) + "\n"

    r = SRC["M10"]
    md = f"""---
title: "{r['title']}"
date: "{r['date_line']}"
source: Embassy of the Russian Federation to the United States of America
category: Press releases
---

{body(r)}"""
    open(out(r["file"]), "w", encoding="utf-8").write(md)

    r = SRC["M11"]
    md = f"**{r['title']}**\n\n*{r['date_line']}*\n\n{body(r)}"
    open(out(r["file"]), "w", encoding="utf-8").write(md)

    r = SRC["K4"]
    md = f"""---
title: {r['title']}
date: 2000-12-28
place: Vladimir
section: News
---

# {r['title']}

{body(r)}
*{r['end_line']}*
"""
    open(out(r["file"]), "w", encoding="utf-8").write(md)

    r = SRC["Z2"]
    md = f"""---
title: "{r['title']}"
date: '2022-09-05T20:27:00+06:00'
agency: Kazinform
tags: [MFA, Afghanistan, Kabul]
---

{body(r)}"""
    open(out(r["file"]), "w", encoding="utf-8").write(md)

    r = SRC["B2"]
    md = f"""---
title: "{r['title']}"
date: {r['date_line']}
rubric: Новости Политики
---

# {r['title']}

{body(r)}"""
    open(out(r["file"]), "w", encoding="utf-8").write(md)

    r = SRC["Y1"]
    md = f"# {r['title']}\n\n{body(r)}"
    open(out(r["file"]), "w", encoding="utf-8").write(md)


# shape e
def save_docx(document, name, created, author="Press Service"):
    cp = document.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 1
    buf = io.BytesIO()
    document.save(buf)
    # rewrite the zip with fixed member times so the file is the same on every run
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(out(name), "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(created.year, created.month, created.day, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(zi, src.read(info.filename))


def small(par, size=8, bold=False, color=None, align=None):
    for run in par.runs:
        run.font.size = Pt(size)
        run.bold = bold
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    if align is not None:
        par.alignment = align
    return par


def shape_e():
    # e1 mid.ru: letterhead in the page header, title in Word "Title" style
    r = SRC["M5"]
    d = docx.Document()
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "THE MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION\nInformation and Press Department"
    small(hdr, 7.5, align=WD_ALIGN_PARAGRAPH.CENTER)
    d.add_paragraph(r["title"], style="Title")
    small(d.add_paragraph("9 August 2017"), 10)
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    ft = d.sections[0].footer.paragraphs[0]
    ft.text = "www.mid.ru"
    small(ft, 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    save_docx(d, r["file"], datetime(2017, 8, 9, 15, 10))

    # e2 embassy repost: letterhead paragraphs, bold title (no heading style), date, "###", contacts table
    r = SRC["M12"]
    d = docx.Document()
    small(d.add_paragraph("EMBASSY OF THE RUSSIAN FEDERATION"), 9, True, align=WD_ALIGN_PARAGRAPH.CENTER)
    small(d.add_paragraph("TO THE UNITED STATES OF AMERICA"), 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    small(d.add_paragraph("Press Office"), 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    d.add_paragraph()
    t = d.add_paragraph()
    run = t.add_run(r["title"])
    run.bold = True
    run.font.size = Pt(13)
    d.add_paragraph(r["date_line"])
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    small(d.add_paragraph("###"), 10, align=WD_ALIGN_PARAGRAPH.CENTER)
    tab = d.add_table(rows=2, cols=2)
    tab.cell(0, 0).text = "Press Office"
    tab.cell(0, 1).text = "Embassy of the Russian Federation"
    tab.cell(1, 0).text = "Web"
    tab.cell(1, 1).text = "www.russianembassy.org"
    save_docx(d, r["file"], datetime(2017, 7, 28, 16, 20), author="Embassy Press Office")

    # e3 Kremlin: Heading 1 title, place/date line, body with transcript, closing date line
    r = SRC["K2"]
    d = docx.Document()
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "Official website of the President of Russia · Security Council"
    small(hdr, 7.5)
    d.add_heading(r["title"], level=1)
    small(d.add_paragraph(r["date_line"]), 9, color="666666")
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    small(d.add_paragraph(r["end_line"]), 9, color="666666")
    save_docx(d, r["file"], datetime(2021, 3, 12, 14, 30), author="Presidential Executive Office")

    # e4 Ukraine MFA: letterhead, label, Title style, dd.mm.yyyy date, ENDS
    r = SRC["U2"]
    d = docx.Document()
    small(d.add_paragraph("MINISTRY OF FOREIGN AFFAIRS OF UKRAINE"), 9, True)
    small(d.add_paragraph("Press Service"), 8)
    small(d.add_paragraph("STATEMENT"), 10, True, color="1F4E79")
    d.add_paragraph(r["title"], style="Title")
    d.add_paragraph("22.02.2016")
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    small(d.add_paragraph("ENDS"), 10, True)
    save_docx(d, r["file"], datetime(2016, 2, 22, 8, 35))

    # e5 Government (archive.government.ru English): header, date, Heading 2 title, photo caption
    r = SRC["G3"]
    d = docx.Document()
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "GOVERNMENT OF THE RUSSIAN FEDERATION"
    small(hdr, 8, True)
    small(d.add_paragraph(r["date_line"]), 9)
    d.add_heading(r["title"], level=2)
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    cap = d.add_paragraph()
    run = cap.add_run("Prime Minister Vladimir Putin at a meeting of the Government Presidium")
    run.italic = True
    run.font.size = Pt(8)
    save_docx(d, r["file"], datetime(2010, 12, 29, 13, 0))

    # e6 Kazakhstan MFA: letterhead, PRESS RELEASE label, bold title, dateline inside the lead, contacts, ENDS
    r = SRC["Z4"]
    d = docx.Document()
    small(d.add_paragraph("MINISTRY OF FOREIGN AFFAIRS OF THE REPUBLIC OF KAZAKHSTAN"), 8.5, True, align=WD_ALIGN_PARAGRAPH.CENTER)
    small(d.add_paragraph("Press Service"), 8, align=WD_ALIGN_PARAGRAPH.CENTER)
    small(d.add_paragraph("PRESS RELEASE"), 11, True)
    t = d.add_paragraph()
    run = t.add_run(r["title"])
    run.bold = True
    run.font.size = Pt(14)
    for p in r["paragraphs"]:
        d.add_paragraph(p)
    small(d.add_paragraph("ENDS"), 10, True)
    tab = d.add_table(rows=2, cols=2)
    tab.cell(0, 0).text = "Press Service of the MFA of Kazakhstan"
    tab.cell(0, 1).text = "Astana"
    tab.cell(1, 0).text = "Web"
    tab.cell(1, 1).text = "www.mfa.gov.kz"
    save_docx(d, r["file"], datetime(2018, 11, 30, 11, 45))


# shape f
def shape_f():
    # f1 mid.ru press release on A5, two pages, "Page n of 2" footer
    r = SRC["M7"]

    def page_f1(c, d):
        w, h = A5
        c.saveState()
        c.setFont("Sans", 6.5)
        c.drawCentredString(w / 2, h - 10 * mm, "THE MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION")
        c.line(14 * mm, h - 12 * mm, w - 14 * mm, h - 12 * mm)
        c.setFont("Sans", 7)
        c.drawString(14 * mm, 8 * mm, "www.mid.ru")
        c.drawRightString(w - 14 * mm, 8 * mm, f"Page {d.page} of 2")
        c.restoreState()
    story = [P("29 March 2018", S("d", "Sans", 8.5, 11, after=5)),
             P(r["title"], S("t", "Serif-Bold", 15, 19, after=9))]
    story += [P(p, S("b", "Serif", 10.5, 14.5, after=7, align=TA_JUSTIFY)) for p in r["paragraphs"]]
    build_pdf(out(r["file"]), story, pagesize=A5, margins=(14 * mm, 14 * mm, 17 * mm, 15 * mm), on_page=page_f1,
              created=datetime(2018, 3, 29, 17, 40), title=r["title"])

    # f2 mid.ru with a bilingual letterhead and a PRESS RELEASE label, one page
    r = SRC["M2"]

    def page_f2(c, d):
        w, h = A4
        c.saveState()
        c.setFont("Serif-Bold", 8)
        c.drawString(20 * mm, h - 14 * mm, "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ")
        c.setFont("Serif", 7.5)
        c.drawString(20 * mm, h - 18 * mm, "Ministry of Foreign Affairs of the Russian Federation · Information and Press Department")
        c.setFont("Sans", 7)
        c.drawString(20 * mm, 12 * mm, "http://www.mid.ru/en/foreign_policy/news")
        c.drawRightString(w - 20 * mm, 12 * mm, "Page 1 of 1")
        c.restoreState()
    story = [P("PRESS RELEASE", S("l", "Sans-Bold", 9, 12, color=colors.HexColor("#1f3864"), after=2)),
             P("24 August 2016", S("d", "Sans", 9, 12, after=10)),
             P(r["title"], S("t", "Serif-Bold", 17, 21, after=12))]
    story += [P(p, S("b", "Serif", 11, 15, after=8, align=TA_JUSTIFY)) for p in r["paragraphs"]]
    build_pdf(out(r["file"]), story, margins=(20 * mm, 20 * mm, 28 * mm, 22 * mm), on_page=page_f2,
              created=datetime(2016, 8, 24, 10, 30), title="")

    # f3 Kremlin page printout
    r = SRC["K3"]

    def page_f3(c, d):
        w, h = A4
        c.saveState()
        c.setFont("Sans", 7)
        c.drawString(18 * mm, h - 12 * mm, "Official website of the President of Russia")
        c.drawRightString(w - 18 * mm, h - 12 * mm, "en.kremlin.ru")
        c.drawString(18 * mm, 10 * mm, "http://en.kremlin.ru/events/security-council/53132")
        c.drawRightString(w - 18 * mm, 10 * mm, "1/1")
        c.restoreState()
    story = [P("Security Council   /", S("l", "Sans", 8, 10, color=colors.HexColor("#666666"), after=6)),
             P(r["title"], S("t", "Serif", 20, 24, after=8)),
             P(r["date_line"], S("d", "Sans", 8.5, 11, color=colors.HexColor("#666666"), after=12))]
    story += [P(p, S("b", "Serif", 10.5, 14.5, after=7)) for p in r["paragraphs"]]
    story += [P(r["end_line"], S("e", "Sans", 8.5, 11, color=colors.HexColor("#666666"), before=6))]
    build_pdf(out(r["file"]), story, margins=(18 * mm, 18 * mm, 20 * mm, 18 * mm), on_page=page_f3,
              created=datetime(2016, 10, 21, 13, 0), creator="Mozilla/5.0 (Windows NT 6.1) Chrome/53.0 Safari/537.36")

    # f4 Government (English archive), short quoted title
    r = SRC["G4"]

    def page_f4(c, d):
        w, h = A4
        c.saveState()
        c.setFont("Serif-Bold", 8)
        c.drawCentredString(w / 2, h - 14 * mm, "GOVERNMENT OF THE RUSSIAN FEDERATION")
        c.setFont("Serif", 7)
        c.drawCentredString(w / 2, h - 17.5 * mm, "Prime Minister Vladimir Putin · Official website")
        c.setFont("Sans", 7)
        c.drawString(22 * mm, 12 * mm, "http://archive.government.ru/eng/docs/2638/")
        c.drawRightString(w - 22 * mm, 12 * mm, "Page 1 of 1")
        c.restoreState()
    story = [P(r["date_line"], S("d", "Sans", 9, 12, after=8)),
             P(r["title"], S("t", "Serif-Bold", 22, 27, after=12))]
    story += [P(p, S("b", "Serif", 11, 15, after=8)) for p in r["paragraphs"]]
    build_pdf(out(r["file"]), story, margins=(22 * mm, 22 * mm, 28 * mm, 22 * mm), on_page=page_f4,
              created=datetime(2008, 12, 4, 16, 0))

    # f5 KazTAG item (Russian), no year anywhere in the text
    r = SRC["Z5"]

    def page_f5(c, d):
        w, h = A4
        c.saveState()
        c.setFillColor(colors.HexColor("#9c1c1c"))
        c.setFont("Cond-Bold", 10)
        c.drawString(18 * mm, h - 14 * mm, "КазТАГ")
        c.setFillColor(colors.black)
        c.setFont("Cond", 7)
        c.drawString(34 * mm, h - 14 * mm, "Казахское телеграфное агентство")
        c.drawString(18 * mm, 10 * mm, "zonakz.net")
        c.drawRightString(w - 18 * mm, 10 * mm, "стр. 1")
        c.restoreState()
    story = [P("Политика", S("l", "Cond-Bold", 8, 10, color=colors.HexColor("#9c1c1c"), after=6)),
             P(r["title"], S("t", "Sans-Bold", 18, 22, after=12))]
    story += [P(p, S("b", "Serif", 10.5, 14.5, after=7)) for p in r["paragraphs"]]
    build_pdf(out(r["file"]), story, margins=(18 * mm, 18 * mm, 22 * mm, 18 * mm), on_page=page_f5,
              created=datetime(2018, 1, 28, 9, 15), creator="Microsoft® Word 2010")


if __name__ == "__main__":
    shape_a()
    shape_b()
    shape_c()
    shape_d()
    shape_e()
    shape_f()
    print("built", len(SRC), "files in", HERE)
