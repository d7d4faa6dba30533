"""Following what one cares about, through the real `feedsvc serve`: search feeds (?q=), topic feeds
(/topics/<slug>/feed.*) and pages, and translations linked in feeds and pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest
import requests
from lxml import etree, html

from conftest import RunningService, drop, free_port

pytestmark = pytest.mark.timeout(120)

ATOM = "{http://www.w3.org/2005/Atom}"
CORPUS = Path(__file__).parent / "data" / "corpus"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "schemas" / "atom.rng")))
NOON = datetime(2022, 9, 5, 12, tzinfo=UTC)


def corpus(svc, batch: str, name: str, when: datetime = NOON) -> None:
    drop(svc.releases, name, (CORPUS / batch / name).read_bytes(), mtime=when)


def get(svc, path: str, **headers) -> requests.Response:
    return requests.get(svc.url + path, headers=headers, timeout=10, allow_redirects=False)


def atom(svc, path: str) -> feedparser.FeedParserDict:
    response = get(svc, path)
    assert response.status_code == 200, (path, response.status_code, response.text[:200])
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    root = etree.fromstring(response.content)
    assert SCHEMA.validate(root), (path, str(SCHEMA.error_log))
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    """One service for the module: samples in English and Russian, a translated statement, and two different
    releases of one day about the same country."""
    root = tmp_path_factory.mktemp("follow")
    service = _service(root)
    drop(service.releases, "press-release-lavrov-bourita.txt")
    drop(service.releases, "telefonnyj-razgovor-marokko.txt")
    drop(service.releases, "deputy-minister-chile-ambassador.txt")
    corpus(service, "cyrillic", "МИД РК Кабул заявление.txt")
    corpus(service, "cyrillic", "kazakh-mfa-kabul-2022.md")
    moscow = datetime(2024, 3, 22, 12, tzinfo=UTC)
    corpus(service, "cyrillic", "МИД Беларуси теракт Москва.txt", moscow)
    corpus(service, "intl-orgs", "sgsm22174.html", moscow)
    drop(service.releases, "tagged.md", "---\ntitle: Consular hours over the holidays\ndate: 2023-12-20\n"
         "tags: [consular affairs, Brexit]\n---\n\nThe consular section is closed from 24 December.\n")
    try:
        service.start()
        service.wait_for(lambda: get(service, "/healthz").json()["published"] == 8, timeout=60)
        yield service
    finally:
        service.stop()


def _service(root: Path):
    import os


    releases = root / "releases"
    releases.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
    env.update({"FEEDSVC_CONFIG": str(root / "feedsvc.toml"), "FEEDSVC_RELEASES_DIR": str(releases),
                "FEEDSVC_DATABASE": str(root / "var" / "feedsvc.sqlite3"),
                "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}", "FEEDSVC_SCAN_INTERVAL": "1",
                "FEEDSVC_SETTLE_SECONDS": "0.3", "FEEDSVC_TIMEZONE": "Europe/Moscow", "FEEDSVC_FEED_SIZE": "2"})
    (root / "feedsvc.toml").write_text("# test config: everything comes from the environment\n")
    return RunningService(root, releases, root / "var" / "feedsvc.sqlite3", port, env)


def titles(parsed) -> list[str]:
    return [e.title for e in parsed.entries]


def test_a_search_finds_other_word_forms_in_english_and_russian(svc):
    english = atom(svc, "/feed.atom?q=conversations")
    assert any("telephone conversation" in t for t in titles(english))
    russian = atom(svc, "/feed.atom?q=%D1%80%D0%B0%D0%B7%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D1%8B")  # разговоры
    assert titles(russian) and all("разговоре" in t for t in titles(russian))


def test_a_quoted_phrase_must_appear_in_its_order(svc):
    assert titles(atom(svc, "/feed.atom?q=%22Sergey+Lavrov%22"))
    assert titles(atom(svc, "/feed.atom?q=%22Lavrov+Sergey%22")) == []


def test_a_search_that_finds_nothing_is_a_valid_empty_feed_in_every_format(svc):
    assert titles(atom(svc, "/feed.atom?q=zanzibarian")) == []
    rss = get(svc, "/feed.rss?q=zanzibarian")
    assert rss.status_code == 200 and not feedparser.parse(rss.content).bozo
    feed = json.loads(get(svc, "/feed.json?q=zanzibarian").content)
    assert feed["items"] == [] and feed["feed_url"].endswith("/feed.json?q=zanzibarian")


@pytest.mark.parametrize(("q", "status"), [
    ("NEAR(Lavrov+Bourita)", 200), ("Lavrov*", 200), ("((Lavrov)", 200), ("title%3ALavrov", 200),
    ("Lavrov+AND+NOT", 200), ("x%22%27%3B--", 200),  # read as words, never as the index's syntax
    ("*", 400), ("%22", 400), ("a" * 1000, 400), ("%5E", 400), ("-Lavrov", 400),  # nothing to search for
])
def test_index_syntax_in_a_search_gets_a_400_or_a_literal_search_never_a_500(svc, q, status):
    response = get(svc, f"/feed.atom?q={q}")
    if response.status_code == 301:
        response = requests.get(response.headers["Location"], timeout=10)
    assert response.status_code == status, (q, response.status_code)
    if status == 400:
        assert response.text.strip() and "search" in response.text.lower()


def test_a_search_feed_has_an_etag_a_last_modified_and_answers_304(svc):
    first = get(svc, "/feed.atom?q=Kabul")
    assert first.status_code == 200 and first.headers["ETag"] and first.headers["Last-Modified"]
    assert get(svc, "/feed.atom?q=Kabul", **{"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert get(svc, "/feed.atom?q=Kabul", **{"If-Modified-Since": first.headers["Last-Modified"]}).status_code == 304


def test_a_search_in_another_form_is_redirected_to_its_canonical_query(svc):
    response = get(svc, "/feed.atom?q=%20Kabul%20%20embassy%20&lang=en")
    assert response.status_code == 301
    assert response.headers["Location"] == svc.url + "/feed.atom?lang=en&q=Kabul+embassy"
    assert get(svc, "/feed.atom?q=").status_code == 301  # an empty search is no search


def test_search_feeds_page_by_rfc_5005_links(svc):
    root = etree.fromstring(get(svc, "/feed.atom?q=the").content)
    links = {link.get("rel"): link.get("href") for link in root.iter(f"{ATOM}link")}
    assert links["self"] == svc.url + "/feed.atom?q=the"
    assert links["next"] == svc.url + "/feed.atom?q=the&page=2"
    second = atom(svc, "/feed.atom?q=the&page=2")
    assert second.entries and set(titles(second)).isdisjoint(titles(atom(svc, "/feed.atom?q=the")))


def test_the_index_page_searches_and_links_the_search_feed_for_autodiscovery(svc):
    page = html.fromstring(get(svc, "/?q=Kabul").content)
    found = [a.text_content() for a in page.cssselect("ol.releases h2 a")]
    assert found and all("Kab" in t or "Кабул" in t for t in found)
    feeds = [link.get("href") for link in page.cssselect('link[rel="alternate"]')]
    assert svc.url + "/feed.atom?q=Kabul" in feeds
    assert get(svc, "/?q=" + "a" * 1000).status_code == 400


def test_the_topics_page_lists_countries_organisations_people_and_tags_with_counts(svc):
    page = html.fromstring(get(svc, "/topics/").content)
    items = {a.text_content(): a.tail.strip() for a in page.cssselect("ul.topics a")}
    assert items["Morocco"] == "(2)"
    assert items["Afghanistan"] == "(2)"
    assert items["United Nations"] == "(2)"
    assert "Sergey Lavrov" in items
    assert items["Brexit"] == "(1)"


def test_a_topic_feed_holds_every_release_about_it_whatever_its_language(svc):
    both = atom(svc, "/topics/morocco/feed.atom")
    assert len(both.entries) == 2
    russian = atom(svc, "/topics/morocco/feed.atom?lang=ru")
    assert [e.title for e in russian.entries] == [t for t in titles(both) if "Марокко" in t]
    rss = get(svc, "/topics/morocco/feed.rss")
    assert rss.status_code == 200 and len(feedparser.parse(rss.content).entries) == 2
    feed = json.loads(get(svc, "/topics/morocco/feed.json").content)
    assert len(feed["items"]) == 2 and "Morocco" in feed["title"]


def test_a_person_named_in_two_scripts_is_one_topic(svc):
    lavrov = atom(svc, "/topics/sergey-lavrov/feed.atom")
    assert any("Lavrov" in t for t in titles(lavrov))


def test_topic_pages_link_their_feeds_and_unknown_topics_are_404(svc):
    page = html.fromstring(get(svc, "/topics/afghanistan").content)
    feeds = [link.get("href") for link in page.cssselect('link[rel="alternate"]')]
    assert svc.url + "/topics/afghanistan/feed.atom" in feeds
    assert len(page.cssselect("ol.releases li")) == 2
    assert get(svc, "/topics/atlantis").status_code == 404
    assert get(svc, "/topics/atlantis/feed.atom").status_code == 404
    assert get(svc, "/topics/afghanistan/feed.atom?page=9").status_code == 404


def test_topic_feeds_page_and_answer_304(svc):
    first = get(svc, "/topics/russia/feed.atom")
    root = etree.fromstring(first.content)
    links = {link.get("rel"): link.get("href") for link in root.iter(f"{ATOM}link")}
    assert links["next"] == svc.url + "/topics/russia/feed.atom?page=2"
    assert get(svc, "/topics/russia/feed.atom", **{"If-None-Match": first.headers["ETag"]}).status_code == 304
    assert get(svc, "/topics/russia/feed.atom?page=1").status_code == 301


def test_a_release_in_two_languages_links_its_translation_in_atom_json_and_its_page(svc):
    parsed = atom(svc, "/topics/kazakhstan/feed.atom")
    by_title = {e.title: e for e in parsed.entries}
    english = next(e for t, e in by_title.items() if t.startswith("Kazakh MFA"))
    russian = next(e for t, e in by_title.items() if t.startswith("Решительно"))
    alternates = {link.get("hreflang"): link["href"] for link in english.links if link.get("rel") == "alternate"}
    assert alternates["ru"] == russian.link
    back = {link.get("hreflang"): link["href"] for link in russian.links if link.get("rel") == "alternate"}
    assert back["en"] == english.link
    items = {i["title"]: i for i in json.loads(get(svc, "/topics/kazakhstan/feed.json").content)["items"]}
    item = next(i for t, i in items.items() if t.startswith("Kazakh MFA"))
    assert item["_feedsvc"]["translations"] == [{"language": "ru", "url": russian.link, "title": russian.title}]
    page = html.fromstring(requests.get(english.link, timeout=10).content)
    assert "Also in: Русский" in page.cssselect("p.translations")[0].text_content()
    assert page.cssselect('head link[rel="alternate"][hreflang="ru"]')[0].get("href") == russian.link


def test_two_different_releases_of_one_day_about_one_country_are_not_linked(svc):
    parsed = atom(svc, "/topics/russia/feed.atom")
    for page in range(2, 6):
        response = get(svc, f"/topics/russia/feed.atom?page={page}")
        if response.status_code != 200:
            break
        parsed.entries.extend(feedparser.parse(response.content).entries)
    moscow = [e for e in parsed.entries if "Москве" in e.title or "Attack in Russian Federation" in e.title]
    assert len(moscow) == 2
    for entry in moscow:
        assert [link for link in entry.links if link.get("hreflang")] == []


def test_front_feeds_carry_the_topics_as_categories(svc):
    root = etree.fromstring(get(svc, "/feed.atom?lang=ru&page=2").content)
    categories = {c.get("term"): c.get("label") for c in root.iter(f"{ATOM}category")}
    assert categories.get("morocco") == "Morocco"
    assert all(c.get("scheme") == svc.url + "/topics/" for c in root.iter(f"{ATOM}category") if c.get("label"))


def test_every_topic_listed_has_a_page_and_a_feed(svc):
    page = html.fromstring(get(svc, "/topics/").content)
    hrefs = [a.get("href") for a in page.cssselect("ul.topics a")]
    for href in hrefs:
        assert get(svc, href).status_code == 200, href
        assert get(svc, href + "/feed.atom").status_code == 200, href


def test_search_and_topic_feeds_follow_the_rules_the_validator_checks(svc):
    """What the W3C Feed Validator checks beyond the schema: the self link is the URL fetched, ids are unique,
    no two alternate links of an entry share their type and hreflang, RSS items have a link and a date."""
    for path in ("/feed.atom?q=Kabul", "/topics/kazakhstan/feed.atom", "/topics/russia/feed.atom?page=2",
                 "/feed.atom?lang=en&q=minister", "/topics/brexit/feed.atom"):
        response = get(svc, path)
        root = etree.fromstring(response.content)
        selfs = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
        assert selfs == [svc.url + path]
        assert root.find(f"{ATOM}author") is not None and root.findtext(f"{ATOM}id")
        ids = [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")]
        assert len(ids) == len(set(ids))
        for entry in root.iter(f"{ATOM}entry"):
            alternates = [(link.get("type"), link.get("hreflang")) for link in entry.findall(f"{ATOM}link")
                          if link.get("rel", "alternate") == "alternate"]
            assert len(alternates) == len(set(alternates))
            assert [hreflang for _, hreflang in alternates].count(None) == 1  # its own page, once
    for path in ("/feed.rss?q=Kabul", "/topics/kazakhstan/feed.rss"):
        response = get(svc, path)
        assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
        channel = etree.fromstring(response.content).find("channel")
        assert all(channel.findtext(tag) for tag in ("title", "link", "description"))
        for item in channel.iter("item"):
            assert item.findtext("link").startswith(svc.url + "/releases/") and item.findtext("pubDate")
    feed = json.loads(get(svc, "/feed.json?q=Kabul").content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1" and feed["feed_url"] == svc.url + "/feed.json?q=Kabul"
