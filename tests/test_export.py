"""`feedsvc export DIR` through the real command beside the real service: the feeds byte for byte as served, pages,
the 410 list, atomic writes of only what changed, and the export kept up to date after each scan."""

from __future__ import annotations

import gzip
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import requests
from lxml import etree
from lxml import html as lxml_html

from conftest import drop, feedsvc_cli
from feedsvc.export import MANIFEST, file_for


def export(svc, target: Path) -> str:
    result = feedsvc_cli("export", str(target), cwd=svc.root, env=svc.env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def feed_urls(svc) -> list[str]:
    """Every feed document the service serves: each format, all releases and each language, every page."""
    urls = []
    languages = {e.get("language") for e in requests.get(svc.url + "/feed.json", timeout=5).json()["items"]}
    page = 1
    while True:
        response = requests.get(f"{svc.url}/feed.json?page={page}", timeout=5)
        if response.status_code != 200:
            break
        languages |= {e["language"] for e in response.json()["items"]}
        page += 1
    for fmt in ("atom", "rss", "json"):
        for language in [None, *sorted(languages)]:
            url = f"{svc.url}/feed.{fmt}" + (f"?lang={language}" if language else "")
            while url:
                urls.append(url)
                if fmt == "json":
                    url = requests.get(url, timeout=5).json().get("next_url")
                else:
                    parsed = feedparser.parse(requests.get(url, timeout=5).content)
                    url = next((ln.href for ln in parsed.feed.get("links", []) if ln.rel == "next"), None)
    return urls


def key_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def releases_for(svc) -> None:
    for name in ("press-release-lavrov-bourita.txt", "telefonnyj-razgovor-marokko.txt", "412-09-06-2022.txt",
                 "briefing-2023-02-22.md", "statement_security_conference.txt", "kommentarij-dip-15-07.txt"):
        drop(svc.releases, name)
    svc.wait_for(lambda: len(requests.get(svc.url + "/feed.json?page=3", timeout=5).json().get("items", [])) == 2
                 if requests.get(svc.url + "/feed.json?page=3", timeout=5).status_code == 200 else False)


def assert_export_is_what_serve_sends(svc, site: Path) -> None:
    urls = feed_urls(svc)
    assert len(urls) >= 3 * 4 and any("page=3" in u for u in urls) and any("lang=ru" in u for u in urls)
    for url in urls:
        served = requests.get(url, headers={"Accept-Encoding": "identity"}, timeout=5)
        exported = (site / file_for(key_of(url))).read_bytes()
        assert exported == served.content, url
        compressed = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=5, stream=True).raw.read()
        assert (site / (file_for(key_of(url)) + ".gz")).read_bytes() == compressed, url
        assert gzip.decompress(compressed) == served.content
    # the index pages and every release page, as served
    pages = [svc.url + "/", svc.url + "/?page=2", svc.url + "/?page=3", svc.url + "/?lang=ru"]
    for url in urls:
        if url.endswith("/feed.json") or "feed.json?page=" in url:
            pages += [item["url"] for item in requests.get(url, timeout=5).json()["items"]]
    assert sum("/releases/" in p for p in pages) == 6
    for url in pages:
        served = requests.get(url, timeout=5)
        name = urlsplit(url).path.lstrip("/") if "/releases/" in url else file_for("/index.html" + (
            f"?{urlsplit(url).query}" if urlsplit(url).query else ""))
        assert (site / name).read_bytes() == served.content, url


def test_the_exported_feeds_and_pages_are_byte_for_byte_what_serve_sends(service_factory, tmp_path):
    svc = service_factory(feed_size=2).start()
    releases_for(svc)
    site = tmp_path / "site"
    out = export(svc, site)
    assert "written" in out
    assert_export_is_what_serve_sends(svc, site)
    not_found = lxml_html.fromstring((site / "404.html").read_bytes())
    assert not_found.cssselect("h1")[0].text_content() == "Page not found"
    assert (site / "gone.txt").read_text() == ""
    # a release revised deep in the archive: its page and the archive pages that carry it are rewritten
    old = (site / "feed.page-3.atom").read_bytes()
    source = svc.releases / "press-release-lavrov-bourita.txt"
    source.write_text(source.read_text().replace("Sergey Lavrov", "S. Lavrov"))
    svc.wait_for(lambda: b"S. Lavrov" in requests.get(svc.url + "/feed.atom?page=3", timeout=5).content)
    export(svc, site)
    assert (site / "feed.page-3.atom").read_bytes() != old
    assert b"S. Lavrov" in (site / "releases" / "press-release-lavrov-bourita").read_bytes()
    assert_export_is_what_serve_sends(svc, site)


def test_a_second_export_rewrites_only_what_changed_and_removes_what_is_gone(service_factory, tmp_path):
    svc = service_factory(feed_size=2).start()
    releases_for(svc)
    site = tmp_path / "site"
    export(svc, site)
    (site / "robots.txt").write_text("User-agent: *\n")  # a file of the site's own: never touched
    before = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in site.rglob("*") if p.is_file()}
    assert "0 written" in export(svc, site)
    after = {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in site.rglob("*") if p.is_file()}
    assert {p: v for p, v in after.items() if p.name != MANIFEST} == {p: v for p, v in before.items()
                                                                      if p.name != MANIFEST}
    # withdraw the two oldest releases (the whole of page 3): their pages become 410 pages, they are in the 410
    # list, and page 3 is gone
    items = requests.get(svc.url + "/feed.json?page=3", timeout=5).json()["items"]
    slugs = sorted(urlsplit(item["url"]).path.rsplit("/", 1)[1] for item in items)
    assert slugs == ["press-release-lavrov-bourita", "statement_security_conference"]
    (svc.releases / "press-release-lavrov-bourita.txt").unlink()
    (svc.releases / "statement_security_conference.txt").unlink()
    for item in items:
        svc.wait_for(lambda url=item["url"]: requests.get(url, timeout=5).status_code == 410)
    out = export(svc, site)
    assert "removed" in out
    gone = sorted((site / "gone.txt").read_text().split())
    assert gone == [f"/releases/{slug}" for slug in slugs]
    for slug in slugs:  # where a web server finds the 410 page to answer with
        assert (site / "gone" / "releases" / slug).read_bytes() == (site / "releases" / slug).read_bytes()
    for item, slug in zip(sorted(items, key=lambda i: i["url"]), slugs, strict=True):
        assert (site / "releases" / slug).read_bytes() == requests.get(item["url"], timeout=5).content
    assert not (site / "feed.page-3.atom").exists() and not (site / "index.page-3.html").exists()
    assert (site / "robots.txt").exists()
    written = {p for p, v in {p: (p.stat().st_mtime_ns, p.stat().st_ino) for p in site.rglob("*")
                              if p.is_file()}.items() if before.get(p) != v}
    assert site / "feed.atom" in written
    assert not [p for p in site.rglob("*") if p.name.endswith(".tmp")]


def test_readers_of_an_export_never_see_a_half_written_feed(service_factory, tmp_path):
    svc = service_factory(feed_size=2).start()
    releases_for(svc)
    site = tmp_path / "site"
    export(svc, site)
    feed = site / "feed.atom"
    stop = threading.Event()
    problems: list[str] = []
    reads = [0]

    def read() -> None:
        while not stop.is_set():
            try:
                etree.fromstring(feed.read_bytes())
                reads[0] += 1
            except (OSError, etree.XMLSyntaxError) as e:
                problems.append(repr(e))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(3):
            drop(svc.releases, f"extra-{n}.md", f"---\ntitle: Extra release {n}\ndate: 2024-01-0{n + 1}\n---\n\n"
                                                 f"Text of extra release {n}.\n")
            svc.wait_for(lambda n=n: any(f"Extra release {n}" == e.title for e in feedparser.parse(
                requests.get(svc.url + "/feed.atom", timeout=5).content).entries))
            export(svc, site)
            assert f"Extra release {n}".encode() in feed.read_bytes()
    finally:
        stop.set()
        reader.join(10)
    assert problems == [] and reads[0] > 0


def test_the_export_dir_setting_keeps_the_export_up_to_date_after_each_scan(service_factory, tmp_path):
    site = tmp_path / "live-site"
    svc = service_factory(export_dir=str(site)).start()
    svc.wait_for(lambda: (site / "feed.atom").exists())
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    svc.wait_for(lambda: (site / "feed.atom").exists() and b"Sergey Lavrov" in (site / "feed.atom").read_bytes())
    svc.wait_for(lambda: (site / "releases" / "press-release-lavrov-bourita").exists())
    svc.wait_for(lambda: (site / "feed.atom").read_bytes() == requests.get(svc.url + "/feed.atom", timeout=5).content)
    assert [p.name for p in (site / "releases").iterdir()] == ["press-release-lavrov-bourita"]


def test_export_without_a_store_says_what_to_do(tmp_path):
    result = feedsvc_cli("export", str(tmp_path / "site"), cwd=tmp_path,
                         env={"FEEDSVC_DATABASE": str(tmp_path / "none.sqlite3"),
                              "FEEDSVC_RELEASES_DIR": str(tmp_path / "releases"), "FEEDSVC_CONFIG": os.devnull})
    assert result.returncode == 2 and "feedsvc scan" in result.stderr


def test_the_exports_view_of_the_store_renders_every_archive_page_as_the_store_does(releases, ingest, settings):
    from datetime import UTC, datetime

    from feedsvc import feedrows, feeds
    from feedsvc.export import ArchiveView
    from feedsvc.routes import FORMATS, Variant

    for n in range(13):
        language = "ru" if n % 3 == 0 else "en"
        drop(releases, f"r{n:02d}.md", f"---\ntitle: Release {n}\ndate: 2021-03-{n + 1:02d}\nlanguage: {language}\n"
                                       f"---\n\nText of release {n}.\n")
    ingest.run()
    (releases / "r04.md").unlink()  # a withdrawal: every page's Last-Modified follows it
    ingest.run()
    now = datetime.now(UTC)
    view = ArchiveView(ingest.store)
    for language in (None, "en", "ru"):
        for page in range(1, 5):  # in order, as the export walks them, and one past the end
            for fmt in FORMATS:
                variant = Variant(fmt, language, page)
                expected = feedrows.read_page(ingest.store, settings, variant, now)
                got = feedrows.read_page(view, settings, variant, now)
                assert got == expected, variant
                if got is not None:
                    assert feeds.render(settings, variant, got) == feeds.render(settings, variant, expected)


def test_the_export_process_gets_exactly_the_services_settings(settings):
    from dataclasses import replace

    from feedsvc.export import settings_environment
    from feedsvc.settings import load_settings

    chosen = replace(settings, office_networks=("10.20.0.0/16",), websub_hubs=("https://hub.example/",),
                     watch=False, site_language="ru")
    assert load_settings(environ=settings_environment(chosen)) == chosen
