"""The file as the press office dropped it: a Word or PDF release links its original, served from the store's own
copy with the right type and a safe name, carried by RSS and Atom as an enclosure, and withdrawn with its release."""

from __future__ import annotations

import io
from urllib.parse import unquote, urlsplit

import feedparser
import requests
from docx import Document
from lxml import etree
from lxml import html as lxml_html
from pdfgen import make_pdf

from conftest import drop, feedsvc_cli
from feedsvc import i18n

ATOM = "{http://www.w3.org/2005/Atom}"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def pdf_release() -> bytes:
    return make_pdf([["Statement on the talks with the delegation", "", "Moscow, 4 June 2021", "",
                      "The delegations met in Moscow on 4 June to discuss trade and energy cooperation.", "",
                      "They agreed to meet again in the autumn."]])


def docx_release() -> bytes:
    document = Document()
    document.add_heading("Совместное коммюнике о культурном обмене", level=1)
    document.add_paragraph("5 июня 2021 года")
    document.add_paragraph("Стороны подписали программу культурного обмена на ближайшие три года.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def entries(svc, path="/feed.atom"):
    return feedparser.parse(requests.get(svc.url + path, timeout=5).content).entries


def test_word_and_pdf_releases_link_their_originals_served_from_the_store(service_factory):
    svc = service_factory().start()
    pdf, docx = pdf_release(), docx_release()
    drop(svc.releases, "talks statement (final).pdf", pdf)
    drop(svc.releases, "Коммюнике 5 июня.docx", docx)
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    svc.wait_for(lambda: len(entries(svc)) == 3)
    by_title = {e.title: e for e in entries(svc)}
    for title, data, kind, label in (("Statement on the talks with the delegation", pdf, "application/pdf", "PDF"),
                                     ("Совместное коммюнике о культурном обмене", docx, DOCX_TYPE, "Word")):
        page = lxml_html.fromstring(requests.get(by_title[title].link, timeout=5).content)
        link = page.cssselect(".original a")[0]
        assert link.text_content().split(",")[1].strip() == label
        assert link.get("type") == kind
        original = requests.get(svc.url + link.get("href"), timeout=5)
        assert original.status_code == 200 and original.content == data
        assert original.headers["Content-Type"] == kind
        assert original.headers["X-Content-Type-Options"] == "nosniff"
        head = requests.head(svc.url + link.get("href"), timeout=5)
        assert head.status_code == 200 and head.headers["Content-Length"] == str(len(data)) and not head.content
        disposition = original.headers["Content-Disposition"]
        slug = urlsplit(by_title[title].link).path.rsplit("/", 1)[1]
        name = unquote(slug) + (".pdf" if label == "PDF" else ".docx")
        assert disposition.startswith('attachment; filename="') and disposition.endswith(
            "filename*=UTF-8''" + requests.utils.quote(name, safe=""))
        assert '"' not in disposition.split('filename="')[1].rstrip('"').split('"; ')[0]
        assert requests.get(svc.url + link.get("href"), headers={"If-None-Match": original.headers["ETag"]},
                            timeout=5).status_code == 304
    english = lxml_html.fromstring(requests.get(by_title["Statement on the talks with the delegation"].link,
                                                timeout=5).content)
    assert english.cssselect(".original a")[0].text_content() == f"Download the original, PDF, {len(pdf)} bytes"
    assert i18n.speaker("en").size(123_456) == "123 kB" and i18n.speaker("ru").size(1_234_567) == "1,2 МБ"
    russian = lxml_html.fromstring(requests.get(by_title["Совместное коммюнике о культурном обмене"].link,
                                                timeout=5).content)
    assert russian.cssselect(".original a")[0].text_content().startswith("Скачать оригинал, Word, ")
    text_page = lxml_html.fromstring(requests.get(by_title[next(t for t in by_title if "Lavrov" in t)].link,
                                                  timeout=5).content)
    assert not text_page.cssselect(".original")


def test_rss_atom_and_json_feed_carry_the_original_as_an_enclosure(service_factory):
    svc = service_factory().start()
    pdf = pdf_release()
    drop(svc.releases, "talks.pdf", pdf)
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    svc.wait_for(lambda: len(entries(svc)) == 2)
    atom = etree.fromstring(requests.get(svc.url + "/feed.atom", timeout=5).content)
    with_original = [e for e in atom.iter(f"{ATOM}entry") if e.find(f"{ATOM}link[@rel='enclosure']") is not None]
    assert len(with_original) == 1
    entry = with_original[0]
    enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("type") == "application/pdf" and enclosure.get("length") == str(len(pdf))
    alternates = [ln for ln in entry.findall(f"{ATOM}link") if ln.get("rel", "alternate") == "alternate"]
    assert len(alternates) == 1  # the enclosure is not a second alternate link
    assert requests.get(enclosure.get("href"), timeout=5).content == pdf
    rss = etree.fromstring(requests.get(svc.url + "/feed.rss", timeout=5).content)
    enclosures = rss.findall("channel/item/enclosure")
    assert len(enclosures) == 1
    assert enclosures[0].get("url") == enclosure.get("href") and enclosures[0].get("length") == str(len(pdf))
    assert enclosures[0].get("type") == "application/pdf"
    parsed = feedparser.parse(requests.get(svc.url + "/feed.rss", timeout=5).content)
    assert not parsed.bozo and [len(e.enclosures) for e in parsed.entries].count(1) == 1
    items = requests.get(svc.url + "/feed.json", timeout=5).json()["items"]
    attachments = [i["attachments"] for i in items if "attachments" in i]
    assert attachments == [[{"url": enclosure.get("href"), "mime_type": "application/pdf",
                             "size_in_bytes": len(pdf)}]]


def test_a_withdrawn_releases_original_goes_with_it(service_factory, tmp_path):
    svc = service_factory().start()
    drop(svc.releases, "talks.pdf", pdf_release())
    entry = svc.wait_for(lambda: entries(svc))[0]
    page = lxml_html.fromstring(requests.get(entry.link, timeout=5).content)
    href = svc.url + page.cssselect(".original a")[0].get("href")
    site = tmp_path / "site"
    assert feedsvc_cli("export", str(site), cwd=svc.root, env=svc.env).returncode == 0
    assert (site / "originals" / "talks.pdf").read_bytes() == pdf_release()
    (svc.releases / "talks.pdf").unlink()
    svc.wait_for(lambda: requests.get(href, timeout=5).status_code == 410)
    assert b"%PDF" not in requests.get(href, timeout=5).content
    from feedsvc.store import Store

    store = Store(svc.database)
    kept = store.original(store.entry_by_slug("talks").id)
    assert kept is not None and kept[1] == b""  # the bytes are gone; what it was stays for the 410
    assert feedsvc_cli("export", str(site), cwd=svc.root, env=svc.env).returncode == 0
    assert not (site / "originals" / "talks.pdf").exists()
    assert (site / "gone.txt").read_text().split() == ["/releases/talks", "/originals/talks.pdf"]
