"""Pages people read: each speaks its release's language (catalogue labels, CLDR dates), the GOV.UK-like frame,
the site's own 404 and 410 pages, and the pager; through the real service where it matters."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import pytest
import requests
from babel.dates import format_date
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from lxml import html as lxml_html

from conftest import drop
from feedsvc import i18n

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("ru", "uk", "de", "fr", "es", "pt", "it", "ar")
# One word of the label "Press release", "Subscribe" and "Published <date>" per language, as the catalogue has them.
LABELS = {
    "ru": ("Пресс-релиз", "Подписаться", "Опубликовано {}"),
    "uk": ("Пресреліз", "Підписатися", "Опубліковано {}"),
    "de": ("Pressemitteilung", "Abonnieren", "Veröffentlicht am {}"),
    "fr": ("Communiqué de presse", "S’abonner", "Publié le {}"),
    "es": ("Comunicado de prensa", "Suscribirse", "Publicado el {}"),
    "pt": ("Comunicado de imprensa", "Subscrever", "Publicado em {}"),
    "it": ("Comunicato stampa", "Iscriviti", "Pubblicato il {}"),
    "ar": ("بيان صحفي", "اشترك", "نُشر في {}"),
    "en": ("Press release", "Subscribe", "Published {}"),
}


def text(element) -> str:
    return re.sub(r"[ \t\r\n]+", " ", element.text_content()).strip()  # CLDR's no-break spaces stay


def page_at(url: str, status: int = 200):
    response = requests.get(url, timeout=10)
    assert response.status_code == status, (url, response.status_code)
    assert response.headers["Content-Type"].startswith("text/html")
    return lxml_html.fromstring(response.content)


def markdown_release(title: str, language: str, day: str = "2021-03-04", body: str = "") -> str:
    body = body or (f"{title} — the lead paragraph of this release, in which the office says what happened.\n\n"
                    "The second paragraph gives the details.\n")
    return f"---\ntitle: {title}\ndate: {day}\nlanguage: {language}\n---\n\n{body}"


def test_every_catalogue_translates_every_label_and_keeps_its_placeholders():
    wanted = {}
    mapping = [("feedsvc/**.py", "python"), ("feedsvc/web/templates/**.html", "jinja2")]
    for _, _, message, _, _ in extract_from_dir(str(ROOT), mapping, keywords={"_": None, "gettext": None, "N_": None}):
        wanted[message] = set(re.findall(r"%\((\w+)\)s", message))
    assert "Published %(date)s" in wanted and "Newer" in wanted and len(wanted) >= 25
    assert sorted(i18n.catalogue_languages()) == sorted(LANGUAGES)
    for language in LANGUAGES:
        with open(ROOT / "feedsvc" / "locales" / language / "LC_MESSAGES" / "messages.po", "rb") as f:
            catalogue = {m.id: m.string for m in read_po(f) if m.id}
        assert set(catalogue) == set(wanted), language  # nothing missing, nothing stale
        for message, names in wanted.items():
            assert catalogue[message], (language, message)
            assert set(re.findall(r"%\((\w+)\)s", catalogue[message])) == names, (language, message)
        # a word or two may be the same in the language ("Pages" in French), not the catalogue left in English
        assert len([m for m in wanted if catalogue[m] == m]) <= 2, language


@pytest.fixture
def site(service_factory):
    return service_factory(feed_size=2, feed_author="Ministry of Foreign Affairs").start()


def test_a_russian_release_page_speaks_russian_labels_dates_and_feed_titles(site):
    drop(site.releases, "telefonnyj-razgovor-marokko.txt")
    drop(site.releases, "press-release-lavrov-bourita.txt")
    link = site.wait_for(lambda: feed_entries(site, "?lang=ru"))[0].link
    page = page_at(link)
    assert page.get("lang") == "ru" and page.get("dir") == "ltr"
    assert text(page.cssselect("article .caption")[0]) == "Пресс-релиз"
    published = page.cssselect(".meta time")[0]
    assert published.get("datetime") == "2021-12-03"
    assert text(page.cssselect(".meta p")[1]) == "Опубликовано " + format_date(date(2021, 12, 3), "long", locale="ru")
    assert text(page.cssselect("footer h2")[0]) == "Подписаться"
    titles = {ln.get("href").removeprefix(site.url): ln.get("title") for ln in page.cssselect('link[rel="alternate"]')}
    assert titles["/feed.atom?lang=ru"] == "Пресс-релизы – русский (Atom)"
    assert titles["/feed.rss"] == "Пресс-релизы (RSS)"
    assert text(page.cssselect(".skip")[0]) == "Перейти к основному содержанию"
    import feedparser

    russian_feed = feedparser.parse(requests.get(site.url + "/feed.atom?lang=ru", timeout=5).content).feed
    assert russian_feed.title == "Пресс-релизы – русский"  # the feed documents too
    assert feedparser.parse(requests.get(site.url + "/feed.rss", timeout=5).content).feed.title == "Press releases"
    archive = requests.get(site.url + "/feed.json?page=2", timeout=5)
    assert archive.status_code == 404 or archive.json()["title"] == "Press releases, page 2"


def feed_entries(svc, query: str = ""):
    import feedparser

    return feedparser.parse(requests.get(svc.url + "/feed.atom" + query, timeout=5).content).entries


@pytest.mark.parametrize("language", ["de", "fr", "es", "pt", "it", "uk", "ar", "en"])
def test_a_release_page_speaks_the_language_of_its_release(client, releases, ingest, language):
    drop(releases, f"release-{language}.md", markdown_release(f"Release in {language}", language))
    ingest.run()
    entry = ingest.store.entry_for_file(f"release-{language}.md")
    page = lxml_html.fromstring(client.get(f"/releases/{entry.slug}").data)
    caption, subscribe, published = LABELS[language]
    assert page.get("lang") == language
    assert page.get("dir") == ("rtl" if language == "ar" else "ltr")
    assert text(page.cssselect("article .caption")[0]) == caption
    assert text(page.cssselect("footer h2")[0]) == subscribe
    day = format_date(date(2021, 3, 4), "long", locale=i18n.DATE_LOCALES.get(language, language))
    assert text(page.cssselect(".meta p")[1]) == published.format(day)


def test_a_language_without_a_catalogue_gets_an_english_frame_around_its_own_text(client, releases, ingest):
    drop(releases, "release-nl.md", markdown_release("Persbericht over het overleg", "nl"))
    ingest.run()
    entry = ingest.store.entry_for_file("release-nl.md")
    page = lxml_html.fromstring(client.get(f"/releases/{entry.slug}").data)
    assert page.get("lang") == "en"  # the labels are English...
    assert page.cssselect("article")[0].get("lang") == "nl"  # ...the release is marked as Dutch
    assert text(page.cssselect(".meta p")[1]) == "Published 4 March 2021"


def test_a_release_page_is_laid_out_like_a_government_press_page(client, releases, ingest, settings):
    drop(releases, "press-release-lavrov-bourita.txt")
    ingest.run()
    entry = ingest.store.entry_for_file("press-release-lavrov-bourita.txt")
    page = lxml_html.fromstring(client.get(f"/releases/{entry.slug}").data)
    assert text(page.cssselect("header.site a")[0]) == settings.feed_author  # the organisation as a header
    assert text(page.cssselect("article .caption")[0]) == "Press release"
    assert text(page.cssselect("h1")[0]) == entry.title
    # "Published 3 December 2020": the date the release gives, and no time of day it did not give
    assert text(page.cssselect(".meta p")[1]) == "Published 3 December 2020"
    assert page.cssselect(".meta time")[0].get("datetime") == "2020-12-03"
    # the lead apart from the body, and not repeated in it
    lead = text(page.cssselect("p.lead")[0])
    assert lead.startswith("On December 3, Foreign Minister Sergey Lavrov spoke by phone")
    body = [text(p) for p in page.cssselect(".body p")]
    assert body and lead not in body and body[0].startswith("The ministers discussed")
    # a footer with the feeds
    footer_links = [a.get("href") for a in page.cssselect("footer.site a")]
    assert "http://127.0.0.1:8080/feed.atom" in footer_links
    assert "http://127.0.0.1:8080/feed.json?lang=en" in footer_links


def test_a_timed_release_shows_its_time_of_day_in_its_language(client, releases, ingest):
    drop(releases, "timed.txt",
         "Заявление о переговорах\n\n14 марта 2021 года, 16:05\n\nПереговоры состоялись в Москве.\n")
    ingest.run()
    entry = ingest.store.entry_for_file("timed.txt")
    assert entry.has_time and entry.language == "ru"
    page = lxml_html.fromstring(client.get(f"/releases/{entry.slug}").data)
    stamp = page.cssselect(".meta time")[0]
    assert text(stamp) == format_date(date(2021, 3, 14), "long", locale="ru") + ", 16:05 MSK"


def test_the_sites_own_404_page_lists_the_feeds_and_a_feed_404_stays_plain(site):
    drop(site.releases, "press-release-lavrov-bourita.txt")
    site.wait_for(lambda: feed_entries(site))
    page = page_at(site.url + "/releases/no-such-release", 404)
    assert text(page.cssselect("h1")[0]) == "Page not found"
    assert site.url + "/feed.atom" in [a.get("href") for a in page.cssselect("footer a")]
    assert page.cssselect("header.site a")[0].get("href") == "/"
    for path in ("/no/such/page", "/?page=99", "/?lang=xx"):
        assert text(page_at(site.url + path, 404).cssselect("h1")[0]) == "Page not found"
    plain = requests.get(site.url + "/feed.atom?page=99", timeout=5)
    assert plain.status_code == 404 and plain.headers["Content-Type"].startswith("text/plain")


def test_a_withdrawn_release_answers_410_with_a_page_naming_it_and_when_it_was_withdrawn(site):
    drop(site.releases, "telefonnyj-razgovor-marokko.txt")
    entry = site.wait_for(lambda: feed_entries(site))[0]
    (site.releases / "telefonnyj-razgovor-marokko.txt").unlink()
    site.wait_for(lambda: not feed_entries(site))
    page = page_at(entry.link, 410)
    assert page.get("lang") == "ru"
    assert text(page.cssselect("h1")[0]) == "Этот пресс-релиз отозван"
    named = page.cssselect("main span[lang=ru]")[0]
    assert text(named) == entry.title
    withdrawn = page.cssselect("main time")[0]
    assert withdrawn.get("datetime") == date.today().isoformat() or withdrawn.get("datetime")[:4] >= "2026"
    assert format_date(date.fromisoformat(withdrawn.get("datetime")), "long", locale="ru") in text(page)


def test_the_pager_reads_newer_page_n_of_m_older(site):
    for n in range(1, 6):
        drop(site.releases, f"release-{n}.md", markdown_release(f"Release number {n}", "en", f"2021-03-0{n}"))
    site.wait_for(lambda: len(requests.get(site.url + "/feed.json?page=3", timeout=5).json().get("items", [])) == 1
                  if requests.get(site.url + "/feed.json?page=3", timeout=5).status_code == 200 else False)
    first = page_at(site.url + "/")
    assert text(first.cssselect("nav.pages")[0]) == "Page 1 of 3 · Older"
    middle = page_at(site.url + "/?page=2")
    assert text(middle.cssselect("nav.pages")[0]) == "Newer · Page 2 of 3 · Older"
    assert [a.get("href") for a in middle.cssselect("nav.pages a")] == ["/", "/?page=3"]
    last = page_at(site.url + "/?page=3")
    assert text(last.cssselect("nav.pages")[0]) == "Newer · Page 3 of 3"



def test_a_languages_index_speaks_that_language_and_the_whole_index_the_sites(client, releases, ingest):
    drop(releases, "press-release-lavrov-bourita.txt")
    drop(releases, "telefonnyj-razgovor-marokko.txt")
    ingest.run()
    russian = lxml_html.fromstring(client.get("/?lang=ru").data)
    assert russian.get("lang") == "ru" and text(russian.cssselect("h1")[0]) == "Пресс-релизы – русский"
    assert text(russian.cssselect("ol.releases .kind")[0]).startswith("Пресс-релиз · ")
    whole = lxml_html.fromstring(client.get("/").data)
    assert whole.get("lang") == "en" and text(whole.cssselect("h1")[0]) == "Press releases"
    switcher = [text(a) for a in whole.cssselect("nav.languages li")]
    assert switcher == ["All languages", "English", "русский"]


def test_every_kind_of_page_has_the_structure_assistive_technology_relies_on(site):
    drop(site.releases, "telefonnyj-razgovor-marokko.txt")
    drop(site.releases, "press-release-lavrov-bourita.txt")
    drop(site.releases, "412-09-06-2022.txt")
    drop(site.releases, "briefing-2023-02-22.md")
    site.wait_for(lambda: requests.get(site.url + "/healthz", timeout=5).json()["published"] == 4)
    entries = site.wait_for(lambda: feed_entries(site))  # the feeds follow the store within a moment
    withdrawn = site.url + "/releases/press-release-lavrov-bourita"
    assert requests.get(withdrawn, timeout=5).status_code == 200
    (site.releases / "press-release-lavrov-bourita.txt").unlink()
    site.wait_for(lambda: requests.get(withdrawn, timeout=5).status_code == 410)
    pages = [(site.url + "/", 200), (site.url + "/?page=2", 200), (site.url + "/?lang=ru", 200),
             (entries[0].link, 200), (withdrawn, 410), (site.url + "/nothing", 404), (site.url + "/status", 200)]
    for url, status in pages:
        page = page_at(url, status)
        assert page.get("lang"), url
        assert len(page.cssselect("h1")) == 1, url
        assert len(page.cssselect("main#main")) == 1 and page.cssselect("header") and page.cssselect("footer"), url
        skip = page.cssselect("body > a")[0]
        assert skip.get("href") == "#main", url
        for nav in page.cssselect("nav"):
            assert nav.get("aria-label"), (url, lxml_html.tostring(nav)[:80])
        for link in page.cssselect("a"):
            assert text(link) and link.get("href"), (url, lxml_html.tostring(link))
        levels = [int(h.tag[1]) for h in page.iter("h1", "h2", "h3", "h4")]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels)), (url, levels)
        assert page.cssselect('meta[name="viewport"]')[0].get("content") == "width=device-width, initial-scale=1"
