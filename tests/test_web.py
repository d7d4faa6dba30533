"""HTML pages and /healthz through the Flask app: autodiscovery, release pages, 410 for withdrawn, no live markup."""

from __future__ import annotations

import html5lib
import pytest
from lxml import html as lxml_html

from conftest import drop

XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def published(releases, ingest):
    for name in ("press-release-lavrov-bourita.txt", "telefonnyj-razgovor-marokko.txt",
                 "embargoed-consulate-opening.txt"):
        drop(releases, name)
    ingest.run()
    return ingest


def valid_html5(body: bytes) -> None:
    """Parse strictly with html5lib: any parse error (unclosed tags, stray markup) fails the test."""
    html5lib.HTMLParser(strict=True).parse(body)


def test_index_lists_releases_newest_first_with_autodiscovery_for_every_feed(client, published):
    response = client.get("/")
    assert response.status_code == 200
    valid_html5(response.data)
    page = lxml_html.fromstring(response.data)
    titles = [a.text_content() for a in page.cssselect("ol.releases h2 a")]
    assert titles[0].startswith("Пресс-релиз")  # 2021 before 2020
    assert titles[1].startswith("Press release on Foreign Minister Sergey Lavrov")
    feeds = {(ln.get("type"), ln.get("href")) for ln in page.cssselect('link[rel="alternate"]')}
    for fmt, mime in (("atom", "application/atom+xml"), ("rss", "application/rss+xml"),
                      ("json", "application/feed+json")):
        for query in ("", "?lang=en", "?lang=ru"):
            assert (mime, f"http://127.0.0.1:8080/feed.{fmt}{query}") in feeds


def test_release_page_shows_title_date_and_full_text_in_its_language(client, published):
    entry = published.store.entry_for_file("telefonnyj-razgovor-marokko.txt")
    response = client.get(f"/releases/{entry.slug}")
    assert response.status_code == 200
    valid_html5(response.data)
    page = lxml_html.fromstring(response.data)
    assert page.get("lang") == "ru"
    assert page.cssselect("h1")[0].text_content() == entry.title
    time = page.cssselect("article time")[0]
    # the date it gives, in the release's language (CLDR's long date, with its narrow no-break space)
    assert time.get("datetime") == "2021-12-03" and time.text_content() == "3 декабря 2021\u202fг."
    assert len(page.cssselect("article p")) >= 3


def test_embargoed_release_has_no_page_and_is_not_listed(client, published):
    entry = published.store.entry_for_file("embargoed-consulate-opening.txt")
    assert client.get(f"/releases/{entry.slug}").status_code == 404
    assert b"Consulate General" not in client.get("/").data
    assert b"Consulate General" not in client.get("/feed.atom").data


def test_withdrawn_release_page_answers_410_gone(client, published, releases):
    entry = published.store.entry_for_file("press-release-lavrov-bourita.txt")
    (releases / "press-release-lavrov-bourita.txt").unlink()
    published.run()
    assert client.get(f"/releases/{entry.slug}").status_code == 410


def test_unknown_release_and_pages_past_the_end_are_404(client, published):
    assert client.get("/releases/no-such-thing").status_code == 404
    assert client.get("/?page=99").status_code == 404
    assert client.get("/?lang=xx").status_code == 404


def test_markup_from_a_release_file_is_never_live(client, releases, ingest):
    drop(releases, "control-characters.txt")
    drop(releases, "hostile-markup.html")
    ingest.run()
    index = client.get("/")
    assert b"<script>" not in index.data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in index.data
    for path in ("control-characters.txt", "hostile-markup.html"):
        entry = ingest.store.entry_for_file(path)
        assert entry is not None, path
        page = client.get(f"/releases/{entry.slug}")
        tree = lxml_html.fromstring(page.data)
        assert not tree.xpath("//script")
        assert not tree.xpath("//@*[starts-with(name(), 'on')]")
        assert not [a for a in tree.xpath("//a/@href") if a.strip().lower().startswith("javascript:")]
        assert "script-src" not in page.headers["Content-Security-Policy"]  # default-src 'none' covers scripts


def test_healthz_reports_counts_last_scan_and_rejections_with_reasons(client, releases, ingest):
    drop(releases, "press-release-lavrov-bourita.txt")
    drop(releases, "embargoed-consulate-opening.txt")
    drop(releases, "empty.txt")
    ingest.run()
    health = client.get("/healthz").get_json()
    assert health["status"] == "ok"
    assert health["published"] == 1
    assert health["held"] == 1
    assert health["rejected"] == [{"file": "empty.txt", "reason": health["rejected"][0]["reason"]}]
    assert "empty" in health["rejected"][0]["reason"]
    assert health["last_scan"]["changes"]["added"] == 1
    assert health["last_scan"]["changes"]["held"] == 1
    assert "when" in health["last_scan"] and "seconds" in health["last_scan"]


def test_healthz_says_starting_before_the_first_scan(client):
    assert client.get("/healthz").get_json()["status"] == "starting"


def test_a_failed_scan_shows_in_healthz_until_a_scan_succeeds(client, ingest, monkeypatch):
    ingest.run()
    real_scan = ingest.scanner.scan

    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(ingest.scanner, "scan", broken)
    report = ingest.run()  # never raises: the failure is reported
    assert [o.action for o in report.outcomes] == ["error"]
    response = client.get("/healthz")
    health = response.get_json()
    assert response.status_code == 503 and health["status"] == "failing"
    assert "disk I/O error" in health["reason"] and "disk I/O error" in health["last_error"]
    monkeypatch.setattr(ingest.scanner, "scan", real_scan)
    ingest.run()
    response = client.get("/healthz")
    health = response.get_json()
    assert response.status_code == 200
    assert health["status"] == "ok" and not health["last_error"] and "reason" not in health


def test_an_embargoed_release_withdrawn_before_its_time_leaves_no_trace(client, releases, ingest):
    drop(releases, "embargoed-consulate-opening.txt")
    drop(releases, "412-09-06-2022.txt")
    ingest.run()
    entry = ingest.store.entry_for_file("embargoed-consulate-opening.txt")
    before = client.get("/feed.atom").data
    (releases / "embargoed-consulate-opening.txt").unlink()
    ingest.run()
    assert client.get(f"/releases/{entry.slug}").status_code == 404  # not 410: it was never public
    assert entry.id.encode() not in client.get("/feed.atom").data  # no tombstone
    assert client.get("/feed.atom").data == before
