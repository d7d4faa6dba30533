#!/usr/bin/env python3
"""Build the europe-latam batch of the feedsvc evaluation corpus.

Run with /work/corpus-venv/bin/python make.py (from any directory). The release texts (title, date line,
paragraphs exactly as published, with the URL they were taken from) live in sources.json beside this script;
everything around them (letterheads, labels, page chrome, footers, contacts blocks) is built here in each
publisher's style. Running the script again rebuilds the same files: PDFs get a fixed CreationDate
(SOURCE_DATE_EPOCH + reportlab invariant mode), .docx packages get fixed zip timestamps.

Shapes: a = pdftotext output of a reportlab PDF, b = plain text, c = saved web page, d = Markdown,
e = Word document (python-docx), f = PDF (reportlab, one with fpdf2).
"""
import calendar
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from html import escape as h

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = {s["id"]: s for s in json.load(open(os.path.join(HERE, "sources.json"), encoding="utf-8"))}
FONTDIR = "/usr/share/fonts/truetype/dejavu"


def P(i):
    return SRC[i]["paragraphs"]


def out(name):
    return os.path.join(HERE, name)


# writers

def write_text(name, text, encoding="utf-8", newline="\n", bom=False):
    text = text.replace("\r\n", "\n").replace("\n", newline)
    if encoding.lower() in ("utf-16", "utf-16-le"):
        data = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
    with open(out(name), "wb") as f:
        f.write(data)


def wrap(par, width=72, indent=""):
    return "\n".join(textwrap.wrap(par, width=width, initial_indent=indent, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False))


# PDF (reportlab)

_fonts_done = False


def _fonts():
    global _fonts_done
    if _fonts_done:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for fam in ("DejaVuSans", "DejaVuSerif", "DejaVuSansCondensed"):
        pdfmetrics.registerFont(TTFont(fam, f"{FONTDIR}/{fam}.ttf"))
        pdfmetrics.registerFont(TTFont(fam + "-Bold", f"{FONTDIR}/{fam}-Bold.ttf"))
        ital = "Oblique" if "Sans" in fam else "Italic"
        pdfmetrics.registerFont(TTFont(fam + "-Italic", f"{FONTDIR}/{fam}-{ital}.ttf"))
        pdfmetrics.registerFontFamily(fam, normal=fam, bold=fam + "-Bold", italic=fam + "-Italic",
                                      boldItalic=fam + "-Bold")
    _fonts_done = True


def x(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build_pdf(path, spec):
    """spec keys: font, letterhead [(text, size, bold, align)], label, date_before, title, title_size,
    date_after, subtitle, lead, paras, closing [lines], contact [lines], contact_page2, footer_left,
    footer_right (format with {p},{n}), pages, created 'YYYY-MM-DDTHH:MM:SS', creator, author, pdf_title"""
    _fonts()
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    t = dt.datetime.fromisoformat(spec["created"]).replace(tzinfo=dt.timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(t.timetuple()))
    font = spec.get("font", "DejaVuSans")
    al = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
    body = ParagraphStyle("body", fontName=font, fontSize=spec.get("body_size", 10.5),
                          leading=spec.get("body_size", 10.5) * 1.38, spaceAfter=7)
    story = []
    for text, size, bold, align in spec.get("letterhead", []):
        story.append(Paragraph(x(text), ParagraphStyle("lh", fontName=font + ("-Bold" if bold else ""),
                                                      fontSize=size, leading=size * 1.25, alignment=al[align])))
    story.append(Spacer(1, spec.get("gap_after_letterhead", 0.9) * cm))
    if spec.get("label"):
        story.append(Paragraph(x(spec["label"]), ParagraphStyle("label", fontName=font + "-Bold", fontSize=9.5,
                                                                leading=12, spaceAfter=8)))
    if spec.get("date_before"):
        story.append(Paragraph(x(spec["date_before"]), ParagraphStyle("db", fontName=font, fontSize=10,
                                                                      leading=13, spaceAfter=10,
                                                                      alignment=al[spec.get("date_align", "left")])))
    ts = spec.get("title_size", 19)
    story.append(Paragraph(x(spec["title"]), ParagraphStyle("title", fontName=font + "-Bold", fontSize=ts,
                                                            leading=ts * 1.22, spaceAfter=6,
                                                            alignment=al[spec.get("title_align", "left")])))
    if spec.get("subtitle"):
        story.append(Paragraph(x(spec["subtitle"]), ParagraphStyle("sub", fontName=font + "-Italic", fontSize=11.5,
                                                                   leading=15, spaceAfter=6)))
    if spec.get("date_after"):
        story.append(Paragraph(x(spec["date_after"]), ParagraphStyle("da", fontName=font, fontSize=9.5,
                                                                     leading=12, spaceAfter=10)))
    if spec.get("lead"):
        story.append(Paragraph(x(spec["lead"]), ParagraphStyle("lead", parent=body, fontName=font + "-Bold")))
    for p in spec["paras"]:
        story.append(Paragraph(x(p), body))
    for line in spec.get("closing", []):
        story.append(Paragraph(x(line), ParagraphStyle("cl", parent=body, spaceAfter=1,
                                                       alignment=al[spec.get("closing_align", "left")])))
    if spec.get("contact"):
        if spec.get("contact_page2"):
            story.append(PageBreak())
        else:
            story.append(Spacer(1, 0.6 * cm))
        for line in spec["contact"]:
            story.append(Paragraph(x(line), ParagraphStyle("ct", fontName=font, fontSize=8.5, leading=11)))
    n = spec.get("pages", 1)

    def deco(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 7.5)
        if spec.get("footer_left"):
            canvas.drawString(2.5 * cm, 1.4 * cm, spec["footer_left"])
        if spec.get("footer_right"):
            canvas.drawRightString(A4[0] - 2.5 * cm, 1.4 * cm, spec["footer_right"].format(p=doc.page, n=n))
        if spec.get("footer_center"):
            canvas.drawCentredString(A4[0] / 2, 1.4 * cm, spec["footer_center"].format(p=doc.page, n=n))
        canvas.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm,
                            topMargin=spec.get("top", 2.0) * cm, bottomMargin=2.5 * cm,
                            title=spec.get("pdf_title", ""), author=spec.get("author", ""),
                            creator=spec.get("creator", ""), subject="", invariant=1)
    doc.build(story, onFirstPage=deco, onLaterPages=deco)
    del os.environ["SOURCE_DATE_EPOCH"]


def pdf_to_text(name, spec, layout):
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "release.pdf")
        build_pdf(pdf, spec)
        cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, out(name)]
        subprocess.run(cmd, check=True)


# DOCX

def fix_zip(path, when):
    """python-docx stamps zip entries with the current time; rewrite them with a fixed one."""
    with open(path, "rb") as f:
        src = zipfile.ZipFile(io.BytesIO(f.read()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def new_doc(font="Arial", size=11):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    return d


def para(d, text, bold=False, italic=False, size=None, style=None, align=None, space_after=None):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    p = d.add_paragraph(style=style)
    r = p.add_run(text)
    r.bold = bold or None
    r.italic = italic or None
    if size:
        r.font.size = Pt(size)
    if align:
        p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    return p


def save_doc(d, name, created, author, last_by=None, title=""):
    when = dt.datetime.fromisoformat(created)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = last_by or author
    cp.created = when
    cp.modified = when
    cp.title = title
    cp.revision = 2
    d.save(out(name))
    fix_zip(out(name), when)


# shape a

EDA_LH = [("Schweizerische Eidgenossenschaft", 7.5, False, "left"), ("Confédération suisse", 7.5, False, "left"),
          ("Confederazione Svizzera", 7.5, False, "left"), ("Confederaziun svizra", 7.5, False, "left")]
ES_LH = [("GOBIERNO DE ESPAÑA", 8, True, "left"), ("MINISTERIO DE ASUNTOS EXTERIORES Y DE COOPERACIÓN", 8, True, "left"),
         ("OFICINA DE INFORMACIÓN DIPLOMÁTICA", 7.5, False, "left")]


def shape_a():
    s = SRC["CH3"]
    pdf_to_text("EDA_MM_Mahabad_24092010.txt", dict(
        letterhead=EDA_LH + [("Eidgenössisches Departement für auswärtige Angelegenheiten EDA", 8, True, "left"),
                             ("Information EDA", 7.5, False, "left")],
        title=s["title"], title_size=20, date_after=s["date_line"], lead=s["lead"], paras=P("CH3"),
        contact=s["contact"], footer_left="www.eda.admin.ch", footer_right="{p}/{n}",
        created="2010-09-24T13:15:00", creator="Microsoft® Office Word 2007", author="Information EDA"), layout=True)

    s = SRC["ES1"]
    pdf_to_text("COMU066 Kabul hospital.txt", dict(
        letterhead=ES_LH, label=s["label"], title=s["title"], title_size=22, date_after="8 de marzo de 2017",
        paras=P("ES1"), footer_left="Plaza de la Provincia, 1 - 28012 Madrid - www.exteriores.gob.es",
        footer_right="Página {p} de {n}", created="2017-03-08T12:05:00", creator="Microsoft® Word 2013",
        author="OID"), layout=False)

    s = SRC["AT4"]
    pdf_to_text("bmaa_presse_iran_botschafter.txt", dict(
        font="DejaVuSerif",
        letterhead=[("REPUBLIK ÖSTERREICH", 8, True, "center"),
                    ("BUNDESMINISTERIUM FÜR AUSWÄRTIGE ANGELEGENHEITEN", 8, True, "center"),
                    ("Presseabteilung", 7.5, False, "center"), ("Minoritenplatz 8, A-1014 Wien", 7, False, "center")],
        label="PRESSEAUSSENDUNG", date_before="Wien, 6. Juli 2005", date_align="right",
        title=s["title"], title_size=17, paras=P("AT4"), contact=s["contact"],
        footer_center="Seite {p} von {n}", created="2005-07-06T11:02:00", creator="Microsoft Word 2003",
        author="Presseabteilung BMaA"), layout=True)

    s = SRC["FR7"]
    pdf_to_text("Egypt bombing statement 21-10-13.txt", dict(
        letterhead=[("FRANCE DIPLOMATIE", 9, True, "left"),
                    ("Ministry of Foreign Affairs", 7.5, False, "left")],
        label="Country files — Egypt — Events", title=s["title"], title_size=21, paras=P("FR7"),
        footer_left="www.diplomatie.gouv.fr", footer_right="{p}/{n}", created="2013-10-21T15:40:00",
        creator="Writer", author=""), layout=False)

    s = SRC["DE2"]
    pdf_to_text("PM 77 BK Telefonat Selensky.txt", dict(
        letterhead=[("Presse- und Informationsamt der Bundesregierung", 8.5, True, "left"),
                    ("Dorotheenstraße 84, 10117 Berlin", 7, False, "left")],
        label="PRESSEMITTEILUNG Nr. 77", date_before="Dienstag, 1. März 2022", title=s["title"], title_size=18,
        paras=P("DE2"), footer_left="www.bundesregierung.de", footer_right="Seite {p} von {n}",
        created="2022-03-01T19:20:00", creator="Microsoft® Word für Microsoft 365", author="BPA"), layout=True)

    s = SRC["IT6"]
    pdf_to_text("Farnesina_Ankara_Terzi.txt", dict(
        font="DejaVuSerif",
        letterhead=[("Ministero degli Affari Esteri", 9, True, "center"),
                    ("Servizio Stampa e Informazione", 7.5, False, "center")],
        label="COMUNICATO STAMPA", date_before="Roma, 1 febbraio 2013", title=s["title"], title_size=18,
        paras=P("IT6"), footer_center="www.esteri.it", created="2013-02-01T17:30:00",
        creator="Microsoft® Office Word 2007", author="Servizio Stampa"), layout=False)


# shape b

def shape_b():
    s = SRC["AT1"]
    body = "\n\n".join(wrap(p, 69) for p in P("AT1"))
    contact = "\n".join("   " + c for c in s["contact"][1:])
    write_text("OTS0250_Anschlag_Moskau.txt",
               "OTS0250 5 AA 0227 MAA0001                           Di, 25.Jän 2011\n\n"
               "Außenpolitik/Terrorismus/Russland/Spindelegger\n\n"
               f"{s['title']}\n\n"
               f"Utl.: {s['subtitle']}\n\n"
               f"{body}\n\n"
               f"Rückfragehinweis:\n{contact}\n\n"
               "*** OTS-ORIGINALTEXT PRESSEAUSSENDUNG UNTER AUSSCHLIESSLICHER INHALTLICHER\n"
               "VERANTWORTUNG DES AUSSENDERS - WWW.OTS.AT ***\n\n"
               "OTS0250    2011-01-25/17:36\n\n"
               "251736 Jän 11\n")

    s = SRC["ES3"]
    write_text("20140916_COMU265.txt",
               f"{s['label']}\n\n{s['title']}\n\nMadrid, 16 de septiembre de 2014\n\n" + "\n\n".join(P("ES3")) + "\n",
               newline="\r\n", bom=True)

    s = SRC["DE5"]
    write_text("Merkel Putin Telefonat.txt",
               "Presse- und Informationsamt der Bundesregierung\nPRESSEMITTEILUNG\n\nDienstag, 3. Juni 2014\n\n"
               f"{s['title']}\n\n" + "\n\n".join(P("DE5")) + f"\n\n{s['signature']}\n",
               encoding="cp1252", newline="\r\n")

    s = SRC["IT4"]
    write_text("comunicato Kunming.txt",
               "Ministero degli Affari Esteri\nComunicato stampa\nRoma, 3 marzo 2014\n\n"
               f"{s['title']}\n\n" + "\n\n".join(P("IT4")) + "\n",
               encoding="utf-16", newline="\r\n")

    s = SRC["FR6"]
    write_text("DDB-2015-06-24 Nigeria.txt",
               "The Daily Press Briefing\nStatements made by the Ministry of Foreign Affairs\n"
               "and International Development\n\nParis - June 24, 2015\n\n"
               f"{s['title']}\n\n" + "\n\n".join(wrap(p, 72) for p in P("FR6")) + "\n\n"
               "France in the United States - Embassy of France in Washington, D.C.\n")

    s = SRC["AR1"]
    write_text("condolencias_bielsa_palacio.txt",
               "Información para la Prensa\n\n" + s["title"] + "\n\n" + "\n".join(s["lines_as_stored"]) + "\n")


# shape c

def page_eda_ch1():
    s = SRC["CH1"]
    body = "\n".join(f"    <p>{h(p)}</p>" for p in P("CH1"))
    contact = "<br>\n".join(h(c) for c in s["contact"][1:7])
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{h(s['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/etc/designs/eda/clientlibs/main.css">
</head>
<body>
<a class="sr-only" href="#content">Zum Inhalt springen</a>
<header id="header">
  <div class="logo"><a href="/countries/democratic-republic-congo/de/home.html"><img src="/etc/designs/eda/media/logo-ch.svg" alt="Schweizerische Eidgenossenschaft - Confédération suisse - Confederazione Svizzera - Confederaziun svizra"></a></div>
  <div class="brand">Eidgenössisches Departement für auswärtige Angelegenheiten EDA</div>
  <ul class="language-switch">
    <li class="active"><a href="#" lang="de">DE</a></li><li><a href="/countries/democratic-republic-congo/fr/home/actualite/nouveautes.html" lang="fr">FR</a></li>
    <li><a href="/countries/democratic-republic-congo/it/home/attualita/novita.html" lang="it">IT</a></li><li><a href="/countries/democratic-republic-congo/en/home/news/news.html" lang="en">EN</a></li>
  </ul>
  <nav class="main-nav"><ul>
    <li><a href="/countries/democratic-republic-congo/de/home/vertretungen.html">Vertretungen</a></li>
    <li><a href="/countries/democratic-republic-congo/de/home/reisehinweise.html">Reisehinweise</a></li>
    <li class="active"><a href="/countries/democratic-republic-congo/de/home/aktuell.html">Aktuell</a></li>
    <li><a href="/countries/democratic-republic-congo/de/home/dienstleistungen.html">Dienstleistungen</a></li>
  </ul></nav>
</header>
<nav class="breadcrumb"><ol>
  <li><a href="/countries/democratic-republic-congo/de/home.html">Startseite</a></li>
  <li><a href="/countries/democratic-republic-congo/de/home/aktuell.html">Aktuell</a></li>
  <li><a href="/countries/democratic-republic-congo/de/home/aktuell/news.html">Newsübersicht</a></li>
  <li>Medienmitteilungen</li>
</ol></nav>
<main id="content">
  <article class="news-detail">
    <h1>{h(s['title'])}</h1>
    <p class="news-meta">{h(s['date_line'])}</p>
{body}
    <div class="contact-box">
      <p><strong>Adresse für Rückfragen:</strong></p>
      <p>{contact}</p>
      <p><strong>Herausgeber:</strong></p>
      <p>Eidgenössisches Departement für auswärtige Angelegenheiten</p>
    </div>
  </article>
  <div class="share"><span>Teilen</span> <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">E-Mail</a> <a href="javascript:window.print()">Drucken</a></div>
  <aside class="related">
    <h2>Weitere Medienmitteilungen</h2>
    <ul>
      <li><span class="date">23.07.2012</span> <a href="/countries/democratic-republic-congo/de/home/aktuell/news.html/content/eda/de/meta/news/2012/7/23/45437">Attentat in Burgas (Bulgarien) - Stellungnahme des EDA</a></li>
      <li><span class="date">03.01.2011</span> <a href="/eda/de/home/das-eda/aktuell/news.html/content/eda/de/meta/news/2011/1/3/37035">Das EDA verurteilt das Attentat in Alexandria</a></li>
      <li><span class="date">24.09.2010</span> <a href="/eda/de/home/das-eda/aktuell/news.html/content/eda/de/meta/news/2010/9/24/35277">Die Schweiz verurteilt den Anschlag in Mahabad</a></li>
    </ul>
  </aside>
</main>
<footer id="footer">
  <p class="last-update">Letzte Aktualisierung 13.01.2023</p>
  <div class="contact"><strong>Kontakt</strong><br>Kommunikation EDA<br>Bundeshaus West<br>3003 Bern</div>
  <ul class="meta"><li><a href="#">Rechtliches</a></li><li><a href="#">Barrierefreiheit</a></li><li><a href="#">Zum Anfang</a></li></ul>
</footer>
</body>
</html>
"""


def page_gov_pt1():
    s = SRC["PT1"]
    body = "\n".join(f"      <p>{h(p)}</p>" for p in P("PT1"))
    return f"""<!DOCTYPE html>
<html lang="pt">
<head>
<meta charset="utf-8">
<title>Comunicado - Plano de paz da Administração norte-americana constitui oportunidade para relançar negociações para resolução do conflito israelo-palestiniano - XXII Governo - República Portuguesa</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:site_name" content="XXII Governo - República Portuguesa">
<meta property="og:title" content="{h(s['title'])}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2020-01-29T14:43:00+00:00">
<link rel="canonical" href="{h(s['url'])}">
</head>
<body>
<a href="#content" class="skip">Saltar para conteúdo</a>
<div class="historico-bar">Histórico XXII Governo - República Portuguesa <a href="/pt/gc23">Voltar para Governo em funções</a></div>
<header class="site-header">
  <a class="brand" href="/pt/gc22"><img src="/Content/img/logo-republica-portuguesa.svg" alt="República Portuguesa"> <span>XXII Governo</span></a>
  <ul class="idiomas"><li class="active"><a href="/pt/gc22">PT</a></li><li><a href="/en/gc22">EN</a></li></ul>
  <nav><ul>
    <li><a href="/pt/gc22/governo">Governo</a></li>
    <li><a href="/pt/gc22/area-de-governo">Áreas de Governo</a></li>
    <li class="active"><a href="/pt/gc22/comunicacao">Comunicação</a></li>
    <li><a href="/pt/gc22/consulta-publica">Consulta Pública</a></li>
  </ul></nav>
</header>
<div class="breadcrumbs"><a href="/pt/gc22">Início</a> &gt; <a href="/pt/gc22/comunicacao">Comunicação</a> &gt; <span>Comunicados</span></div>
<main id="content">
  <p class="section-title">Comunicados</p>
  <article class="comunicado">
    <p class="data">2020-01-29 às 14h43</p>
    <h1>{h(s['title'])}</h1>
    <div class="texto">
{body}
    </div>
  </article>
  <div class="partilhe">Partilhe <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">E-mail</a></div>
  <aside class="mais">
    <h2>Mais comunicados</h2>
    <ul>
      <li><a href="/pt/gc22/comunicacao/comunicados">Ver todos os comunicados</a></li>
      <li><a href="/pt/gc22/area-de-governo/negocios-estrangeiros">Área de Governo: Negócios Estrangeiros</a></li>
    </ul>
  </aside>
</main>
<footer>
  <p>Presidência do Conselho de Ministros · Rua Professor Gomes Teixeira, 1350-265 Lisboa</p>
  <p>© Governo de Portugal 2019</p>
</footer>
</body>
</html>
"""


def page_ambafrance_fr3():
    s = SRC["FR3"]
    body = "\n".join(f"<p>{h(p)}</p>" for p in P("FR3"))
    return f"""<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{h(s['title'])} - La France au Cameroun</title>
<meta name="generator" content="SPIP 3.0.22">
<link rel="alternate" type="application/rss+xml" title="Syndiquer tout le site" href="spip.php?page=backend">
</head>
<body class="page_article">
<div id="bandeau">
  <p class="rf">RÉPUBLIQUE FRANÇAISE</p>
  <a href="http://www.ambafrance-cm.org" class="nom_site">La France au Cameroun</a>
  <p class="slogan">Ambassade de France à Yaoundé</p>
  <ul class="langues"><li class="on">fr</li><li><a href="/en">en</a></li></ul>
</div>
<ul id="menu">
  <li><a href="/L-Ambassade">L'Ambassade</a></li>
  <li><a href="/Services-consulaires">Services consulaires</a></li>
  <li><a href="/Visas">Visas</a></li>
  <li class="on"><a href="/Actualites">Actualités</a></li>
  <li><a href="/Cooperation">Coopération</a></li>
</ul>
<div id="ariane"><a href="/">Accueil</a> &gt; <a href="/Actualites">Actualités</a> &gt; <a href="/Declarations-officielles">Déclarations officielles</a></div>
<div id="contenu">
<h1 class="titre_article">{h(s['title'])}</h1>
<div class="soustitre">{h(s['subtitle'])}</div>
<div class="texte">
{body}
</div>
<div class="outils"><a href="spip.php?page=imprimer&amp;id_article=2417">Imprimer</a> <a href="#">Envoyer</a> <a href="#">Facebook</a> <a href="#">Twitter</a></div>
<p class="maj">{h(s['footer'])}</p>
<p class="haut"><a href="#bandeau">Haut de page</a></p>
</div>
<div id="navigation">
  <h2>Dans la même rubrique</h2>
  <ul>
    <li><a href="/Attaque-de-la-ville-de-Fotokol-4">Attaque de la ville de Fotokol (4 février 2015) - Déclaration du porte parole du Ministère des Affaires étrangères et du développement international</a></li>
  </ul>
</div>
<div id="pied">
  <p>Ambassade de France au Cameroun - Plateau Atémengué, BP 1631 Yaoundé</p>
  <p><a href="/Mentions-legales">Mentions légales</a> | <a href="/Plan-du-site">Plan du site</a></p>
</div>
</body>
</html>
"""


def page_bkin_de1():
    s = SRC["DE1"]
    body = "\n".join(f"      <p>{h(p)}</p>" for p in P("DE1"))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"],
                     "datePublished": "2016-07-23",
                     "publisher": {"@type": "Organization", "name": "Presse- und Informationsamt der Bundesregierung"}},
                    ensure_ascii=False)
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="UTF-8">
<title>Bundeskanzlerin | Aktuelles | {h(s['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="description" content="{h(s['lead'])}">
<script type="application/ld+json">{ld}</script>
</head>
<body>
<div id="navService"><p>Navigation und Service</p><a href="#main">Direkt zum Inhalt</a> <a href="#nav">Zur Navigation</a></div>
<header>
  <a href="/bkin-de" class="logo">Die Bundeskanzlerin</a>
  <ul class="lang"><li class="active">Deutsch</li><li><a href="/bkin-en">English</a></li><li><a href="/bkin-fr">Français</a></li></ul>
  <nav id="nav"><ul>
    <li><a href="/bkin-de/angela-merkel">Angela Merkel</a></li>
    <li class="active"><a href="/bkin-de/aktuelles">Aktuelles</a></li>
    <li><a href="/bkin-de/mediathek">Mediathek</a></li>
    <li><a href="/bkin-de/kanzleramt">Kanzleramt</a></li>
  </ul></nav>
</header>
<div class="breadcrumb"><a href="/bkin-de">Startseite</a> &gt; <a href="/bkin-de/aktuelles">Aktuelles</a> &gt; Pressemitteilung</div>
<main id="main">
  <p class="hidden">Inhalt</p>
  <article>
    <p class="source">Presse- und Informationsamt der Bundesregierung</p>
    <p class="date">Samstag, 23. Juli 2016</p>
    <dl class="pm-meta"><dt>Laufende Nr.:</dt><dd>280</dd><dt>Ausgabejahr:</dt><dd>2016</dd></dl>
    <h1>{h(s['title'])}</h1>
    <p class="teaser">{h(s['lead'])}</p>
    <div class="text">
{body}
    </div>
    <div class="share"><a href="#">Drucken</a> <a href="#">Teilen</a> <a href="#">Twitter</a></div>
  </article>
  <aside>
    <h2>Weitere Informationen</h2>
    <ul>
      <li><a href="/bkin-de/aktuelles/pressemitteilungen">Alle Pressemitteilungen</a></li>
      <li><a href="/bkin-de/aktuelles/termine">Termine der Kanzlerin</a></li>
    </ul>
  </aside>
</main>
<footer><p>© 2016 Presse- und Informationsamt der Bundesregierung</p><p><a href="#">Impressum</a> | <a href="#">Datenschutz</a></p></footer>
</body>
</html>
"""


def page_exteriores_es6():
    s = SRC["ES6"]
    body = "\n\n".join(f"    <p>{h(p)}</p>" for p in P("ES6"))
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{h(s['title'])}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
<div class="cookies">This website uses own and third-party cookies to ensure its proper functioning, manage sessions and customize user experience. For further information, please see our Cookie Policy. <button>Accept</button></div>
<header>
  <a href="/en/Paginas/index.aspx"><img src="/Style%20Library/img/logo-maec.png" alt="Ministry of Foreign Affairs, European Union and Cooperation"></a>
  <ul class="idiomas">
    <li><a href="/es/Comunicacion/Comunicados/Paginas/2017_COMUNICADOS/20170914_COMU213.aspx" lang="es">Español</a></li>
    <li class="active"><a href="/en/Comunicacion/Comunicados/Paginas/2017_COMUNICADOS/20170914_COMU213.aspx" lang="en">English</a></li>
    <li><a href="/fr/Comunicacion/Comunicados/Paginas/2017_COMUNICADOS/20170914_COMU213.aspx" lang="fr">Français</a></li>
  </ul>
  <button class="menu">Menu</button>
</header>
<nav class="migas"><a href="/en">Home</a> / <a href="/en/Comunicacion">Communication</a> / <a href="/en/Comunicacion/Comunicados">Press releases</a></nav>
<main>
  <div class="cabecera-noticia">
    <p class="numero">{h(s['label'])}</p>
    <h1>{h(s['title'])}</h1>
    <p class="fecha">{h(s['date_line'])}</p>
  </div>
  <div class="cuerpo-noticia">
{body}
  </div>
  <div class="compartir"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#" onclick="window.print()">Print</a></div>
  <section class="relacionadas">
    <h2>Related news</h2>
    <ul>
      <li><a href="/en/Comunicacion/Comunicados/Paginas/2018_COMUNICADOS/20180322_COMU036.aspx">COMUNICADO 036</a> <span class="fecha">3/22/2018</span>
        <p>El Gobierno expresa su más absoluta repulsa y condena ante el sangriento atentado terrorista perpetrado ayer en Kabul que ha causado un elevado número de víctimas mortales y de heridos. ...</p></li>
      <li><a href="/en/Comunicacion/Comunicados/Paginas/2016_COMUNICADOS/20160703_COMU189.aspx">COMUNICADO 189</a> <span class="fecha">7/3/2016</span>
        <p>El Gobierno de España condena en los términos más enérgicos el execrable atentado ocurrido la pasada madrugada en Bagdad, que se ha saldado con unas ochenta víctimas mortales y más de un centenar de heridos. ...</p></li>
    </ul>
  </section>
</main>
<footer><p>© Ministerio de Asuntos Exteriores, Unión Europea y Cooperación</p><p>Plaza de la Provincia, 1 - 28012 Madrid</p></footer>
</body>
</html>
"""


def page_esteri_it5():
    s = SRC["IT5"]
    body = "\n".join(f"<p>{h(p)}</p>" for p in P("IT5"))
    return f"""<!DOCTYPE html>
<html lang="it-IT">
<head>
<meta charset="UTF-8">
<title>{h(s['title'])} - Ministero degli Affari Esteri e della Cooperazione Internazionale</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{h(s['title'])}">
<meta property="og:site_name" content="Ministero degli Affari Esteri e della Cooperazione Internazionale">
<meta property="og:type" content="article">
</head>
<body class="single single-post">
<div id="cookie-notice">Questo sito utilizza cookie tecnici, analytics e di terze parti.<br>Proseguendo nella navigazione accetti l'utilizzo dei cookie. <a href="#">Preferenze cookies</a> <button>Accetto</button></div>
<header class="it-header-wrapper">
  <div class="it-header-slim"><a href="https://www.governo.it">Governo Italiano</a>
    <ul class="lingue"><li class="active"><a href="/it/">ITA</a></li><li><a href="/en/">ENG</a></li></ul></div>
  <div class="it-header-center"><a class="brand" href="/it/"><img src="/wp-content/themes/mae/img/logo-stellone.svg" alt=""><span>Ministero degli Affari Esteri<br>e della Cooperazione Internazionale</span></a></div>
  <nav class="it-header-navbar"><ul>
    <li><a href="/it/ministero/">Ministero</a></li><li><a href="/it/politica-estera-e-cooperazione-allo-sviluppo/">Politica estera</a></li>
    <li><a href="/it/servizi-consolari-e-visti/">Servizi consolari e visti</a></li><li class="active"><a href="/it/sala_stampa/">Sala stampa</a></li>
  </ul></nav>
</header>
<nav class="breadcrumb"><a href="/it/">Home</a> / <a href="/it/sala_stampa/">Sala Stampa</a> / <a href="/it/sala_stampa/archivionotizie/">Archivio Notizie</a> / <a href="/it/sala_stampa/archivionotizie/comunicati/">Comunicati</a></nav>
<main>
  <article>
    <span class="categoria">Comunicati</span>
    <h1 class="entry-title">{h(s['title'])}</h1>
    <p class="data"><time datetime="2020-11-11">11 Novembre 2020</time></p>
    <div class="entry-content">
{body}
    </div>
    <div class="condividi">Condividi: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">LinkedIn</a> <a href="#">WhatsApp</a></div>
  </article>
  <aside class="correlati">
    <h2>Potrebbe interessarti</h2>
    <ul>
      <li><span class="data">10 Ottobre 2020</span> <a href="/it/sala_stampa/archivionotizie/comunicati/2020/10/nota-farnesina-nagorno-karabakh/">Nota Farnesina – Nagorno-Karabakh</a></li>
      <li><a href="/it/sala_stampa/archivionotizie/comunicati/">Tutti i comunicati</a></li>
    </ul>
  </aside>
</main>
<footer>
  <p>Ministero degli Affari Esteri e della Cooperazione Internazionale - Piazzale della Farnesina, 1 - 00135 Roma</p>
  <p><a href="#">Note legali</a> · <a href="#">Privacy</a> · <a href="#">Accessibilità</a></p>
</footer>
</body>
</html>
"""


def shape_c():
    write_text("45947.html", page_eda_ch1())
    write_text("comunicado-plano-de-paz.html", page_gov_pt1())
    write_text("Cameroun-Attentats-a-Nguetchewe-10-fevrier-2016.html", page_ambafrance_fr3())
    write_text("bundeskanzlerin-merkel-telefoniert-mit-staatspraesident-francois-hollande-751856.html",
               page_bkin_de1())
    write_text("20170914_COMU213.aspx.html", page_exteriores_es6())
    write_text("nota-farnesina-attentato-a-gedda.html", page_esteri_it5())


# shape d

def shape_d():
    s = SRC["AT2"]
    write_text("kurz-mitgefuehl-frankreich.md",
               f"---\ntitle: \"{s['title']}\"\ndate: 2015-06-26\nressort: Presseaussendungen\nquelle: BMEIA\n---\n\n"
               + "\n\n".join(P("AT2")) + "\n")

    s = SRC["ES4"]
    write_text("comunicado-284-mali.md",
               f"**{s['label']}**\n\n# {s['title']}\n\n*{s['date_line']}*\n\n" + "\n\n".join(P("ES4")) + "\n")

    s = SRC["PT3"]
    write_text("Mogadiscio_comunicado.md",
               f"**{s['title']}**\n\n" + "\n\n".join(P("PT3")) + f"\n\n{s['date_line']}\n")

    s = SRC["IT7"]
    write_text("terzi-tel-aviv.md",
               f"# {s['title']}\n\n{s['date_line']}\n\n" + "\n\n".join(P("IT7")) + "\n")

    s = SRC["CH5"]
    c = s["contact"]
    write_text("cf-attentat-paris.md",
               f"---\ntitle: {s['title']}\ndate: 07.01.2015\ntype: Communiqué de presse\nlieu: Berne\n"
               f"lead: \"{s['lead']}\"\n---\n\n" + "\n\n".join(P("CH5"))
               + f"\n\n**{c[0]}**  \n{c[1]}, {c[2]}, {c[3]}\n\n*{c[4]} {c[5]}, {c[6]}*\n")

    s = SRC["PT2"]
    write_text("expulsao-diplomatas-russos.md",
               f"---\ntitle: \"{s['title']}\"\ndate: 2018-03-26T16:53:00+01:00\ntipo: comunicado\n"
               "governo: XXI Governo Constitucional\n---\n\n" + "\n\n".join(P("PT2")) + "\n")


# shape e

def shape_e():
    from docx.shared import Pt

    s = SRC["CH2"]
    d = new_doc("Arial", 10.5)
    for line in ("Schweizerische Eidgenossenschaft", "Confédération suisse", "Confederazione Svizzera",
                 "Confederaziun svizra"):
        para(d, line, size=7.5, space_after=0)
    para(d, "Eidgenössisches Departement für auswärtige Angelegenheiten EDA", bold=True, size=8.5, space_after=0)
    para(d, "Information EDA", size=8, space_after=12)
    d.add_paragraph(s["title"], style="Title")
    para(d, s["date_line"], italic=True)
    for p in P("CH2"):
        para(d, p)
    t = d.add_table(rows=1, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Adresse für Rückfragen:"
    t.cell(0, 1).text = "\n".join(s["contact"][1:7])
    para(d, "Herausgeber: Eidgenössisches Departement für auswärtige Angelegenheiten", size=8)
    save_doc(d, "MM_EDA_Burgas.docx", "2012-07-23T14:10:00", "Information EDA")

    s = SRC["FR1"]
    d = new_doc("Times New Roman", 12)
    para(d, "EMBASSY OF FRANCE IN THE UNITED STATES", bold=True, size=9, space_after=0)
    para(d, "Press and Communication Office", size=9, space_after=12)
    para(d, s["date_line"], italic=True)
    d.add_heading(s["title"], level=1)
    for p in P("FR1"):
        para(d, p)
    para(d, "###", align="center")
    para(d, "Press Office – Embassy of France in the United States – 4101 Reservoir Road NW, Washington, DC 20007",
         size=8)
    save_doc(d, "MEAE spokesperson 2024-05-07.docx", "2024-05-07T15:45:00", "Press Office")

    s = SRC["PT4"]
    d = new_doc("Calibri", 11)
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "MINISTÉRIO DOS NEGÓCIOS ESTRANGEIROS — Gabinete de Imprensa"
    para(d, s["title"], bold=True, size=13)
    for p in P("PT4"):
        para(d, p)
    para(d, s["date_line"], align="right")
    save_doc(d, "Comunicado Somália 14out2019.docx", "2019-10-14T11:50:00", "GI-MNE")

    s = SRC["AT6"]
    d = new_doc("Arial", 11)
    hdr = d.sections[0].header.paragraphs[0]
    hdr.text = "Bundesministerium für auswärtige Angelegenheiten · Presseabteilung · Minoritenplatz 8 · 1014 Wien"
    d.add_paragraph(s["title"], style="Title")
    d.add_paragraph(s["subtitle"], style="Subtitle")
    para(d, "Wien, 27. Oktober 2005")
    for p in P("AT6"):
        para(d, p)
    para(d, "Rückfragehinweis:", bold=True, size=9, space_after=0)
    for line in ("Bundesministerium für auswärtige Angelegenheiten", "Presseabteilung",
                 "Tel.: (++43-5) 01150-3262", "abti3@bmaa.gv.at"):
        para(d, line, size=9, space_after=0)
    save_doc(d, "Plassnik_Iran_Israel.docx", "2005-10-27T11:05:00", "Presseabteilung")

    s = SRC["BE1"]
    d = new_doc("Verdana", 10)
    para(d, "Royaume de Belgique", size=8, space_after=0)
    para(d, "Service public fédéral Affaires étrangères, Commerce extérieur et Coopération au Développement",
         bold=True, size=8, space_after=12)
    para(d, "COMMUNIQUÉ DE PRESSE", bold=True, size=9)
    para(d, "14/08/2017", size=9)
    para(d, s["title"], bold=True, size=14)
    for p in P("BE1"):
        para(d, p)
    t = d.add_table(rows=2, cols=1)
    t.cell(0, 0).text = "Contact presse"
    t.cell(1, 0).text = "Service Presse et Communication – SPF Affaires étrangères\nRue des Petits Carmes 15, 1000 Bruxelles"
    save_doc(d, "CP_Reynders_Ouagadougou.docx", "2017-08-14T10:20:00", "P&C")

    s = SRC["ES2"]
    d = new_doc("Arial", 11)
    para(d, "MINISTERIO DE ASUNTOS EXTERIORES Y DE COOPERACIÓN", bold=True, size=8, space_after=0)
    para(d, "Oficina de Información Diplomática", size=8, space_after=12)
    para(d, s["label"], bold=True)
    d.add_heading(s["title"], level=1)
    for p in P("ES2"):
        para(d, p)
    save_doc(d, "COMUNICADO 150.docx", "2016-06-02T12:35:00", "OID")


# shape f

def shape_f():
    s = SRC["CH4"]
    build_pdf(out("Alexandria_EDA.pdf"), dict(
        letterhead=EDA_LH + [("Eidgenössisches Departement für auswärtige Angelegenheiten EDA", 8, True, "left"),
                             ("Information EDA", 7.5, False, "left")],
        title=s["title"], title_size=22, date_after=s["date_line"], lead=s["lead"], paras=P("CH4"),
        contact=s["contact"], footer_left="www.eda.admin.ch", footer_right="{p}/{n}",
        created="2011-01-03T09:40:00", creator="Microsoft® Office Word 2007", author="Information EDA",
        pdf_title="Medienmitteilung"))

    s = SRC["AT3"]
    build_pdf(out("Presseaussendung_Kurz_Bruessel.pdf"), dict(
        letterhead=[("BUNDESMINISTERIUM FÜR EUROPA, INTEGRATION UND ÄUSSERES", 8, True, "left"),
                    ("Presse und Information", 7.5, False, "left"), ("Minoritenplatz 8, 1010 Wien", 7, False, "left")],
        label="PRESSEAUSSENDUNG", date_before="Wien, 22. März 2016", title=s["title"], title_size=21,
        subtitle=s["subtitle"], paras=P("AT3"), pages=2, contact_page2=True,
        contact=["Rückfragehinweis:", "Bundesministerium für Europa, Integration und Äußeres", "Presseabteilung",
                 "Tel.: +43 (0) 50 11 50-3262", "abti3@bmeia.gv.at", "www.bmeia.gv.at"],
        footer_left="www.bmeia.gv.at", footer_right="Seite {p} von {n}",
        created="2016-03-22T10:55:00", creator="Microsoft® Word 2013", author="BMEIA Presse"))

    s = SRC["DE4"]
    build_pdf(out("BPA_Merkel_Xi.pdf"), dict(
        letterhead=[("Presse- und Informationsamt der Bundesregierung", 9, True, "left")],
        label="PRESSEMITTEILUNG", title=s["title"], title_size=19, paras=P("DE4"),
        closing=[s["signature"]], footer_left="www.bundesregierung.de", footer_right="Seite {p} von {n}",
        created="2014-03-09T15:20:00", creator="Microsoft® Word 2010", author="BPA"))

    s = SRC["FR4"]
    build_pdf(out("declaration_porte-parole_Kaboul.pdf"), dict(
        font="DejaVuSerif",
        letterhead=[("RÉPUBLIQUE FRANÇAISE", 8, True, "center"), ("Liberté • Égalité • Fraternité", 7, False, "center"),
                    ("AMBASSADE DE FRANCE EN AFGHANISTAN", 8.5, True, "center")],
        label="Déclaration du porte-parole", title=s["title"], title_size=18, paras=P("FR4"),
        closing=[s["date_line"]], footer_left="www.ambafrance-af.org", footer_right="Page {p} sur {n}",
        created="2014-04-03T08:30:00", creator="Writer", author="Ambassade de France à Kaboul"))

    # fpdf2 for variety
    from fpdf import FPDF
    s = SRC["ES5"]
    pdf = FPDF(format="A4")
    pdf.set_creation_date(dt.datetime(2015, 11, 1, 19, 10, tzinfo=dt.timezone.utc))
    pdf.set_creator("Microsoft® Word 2010")
    pdf.set_author("OID")
    pdf.add_font("DejaVu", "", f"{FONTDIR}/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", f"{FONTDIR}/DejaVuSans-Bold.ttf")
    pdf.set_margins(25, 20, 25)
    pdf.set_auto_page_break(True, 25)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 8)
    for line in ("GOBIERNO DE ESPAÑA", "MINISTERIO DE ASUNTOS EXTERIORES Y DE COOPERACIÓN"):
        pdf.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 7.5)
    pdf.cell(0, 4, "OFICINA DE INFORMACIÓN DIPLOMÁTICA", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(10)
    pdf.set_font("DejaVu", "B", 10)
    pdf.cell(0, 6, s["label"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.cell(0, 6, s["date_line"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", 22)
    pdf.multi_cell(0, 10, s["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10.5)
    for p in P("ES5"):
        pdf.multi_cell(0, 5.6, " ".join(p.split()), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
    pdf.set_auto_page_break(False)
    pdf.set_y(-18)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.cell(80, 5, "www.exteriores.gob.es")
    pdf.cell(0, 5, "Página 1 de 1", align="R")
    pdf.output(out("20151101_COMU315.pdf"))


def main():
    shape_a()
    shape_b()
    shape_c()
    shape_d()
    shape_e()
    shape_f()
    print("built", len(SRC), "releases")


if __name__ == "__main__":
    sys.exit(main())
