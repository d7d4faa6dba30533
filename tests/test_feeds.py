"""Feeds built from the store: valid Atom, RSS and JSON Feed, newest first, stable bytes, paging, tombstones."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from lxml import etree

from conftest import drop
from feedsvc import feedrows, feeds
from feedsvc.routes import FORMATS, Variant

ATOM = "{http://www.w3.org/2005/Atom}"
SAMPLES_WITH_DATES = {
    "press-release-lavrov-bourita.txt": "2020-12-03",
    "statement_security_conference.txt": "2021-03-14",
    "telefonnyj-razgovor-marokko.txt": "2021-12-03",
    "joint-statement-commission.txt": "2022-04-05",
    "412-09-06-2022.txt": "2022-06-09",
    "kommentarij-dip-15-07.txt": "2022-07-15",
}


@pytest.fixture
def filled(releases, ingest):
    for name in SAMPLES_WITH_DATES:
        drop(releases, name)
    ingest.run()
    return ingest


@dataclass(frozen=True)
class Rendered:
    body: bytes
    last_modified: datetime


def render(ingest, fmt, language=None, page=1, now=None, settings=None) -> Rendered | None:
    """One feed document as a web worker renders it: its page's rows from the store, then its bytes."""
    settings = settings or ingest.settings
    variant = Variant(fmt, language, page)
    rows = feedrows.read_page(ingest.store, settings, variant, now or datetime.now(UTC))
    return None if rows is None else Rendered(feeds.render(settings, variant, rows), rows.changed)


def test_atom_lists_entries_newest_first_up_to_feed_size(filled):
    doc = etree.fromstring(render(filled, "atom").body)
    published = [e.findtext(f"{ATOM}published") for e in doc.iter(f"{ATOM}entry")]
    assert len(published) == 5  # feed_size in the test settings
    assert published == sorted(published, reverse=True)
    assert published[0].startswith("2022-07-15T12:00:00")  # 15 July 2022, a date only: noon UTC


def test_rss_and_atom_carry_the_same_entries_in_the_same_order(filled):
    atom = feedparser.parse(render(filled, "atom").body)
    rss = feedparser.parse(render(filled, "rss").body)
    assert not atom.bozo and not rss.bozo
    assert [e.id for e in atom.entries] == [e.id for e in rss.entries]
    assert [e.title for e in atom.entries] == [e.title for e in rss.entries]


def test_every_entry_has_id_title_dates_summary_content_and_a_link(filled):
    parsed = feedparser.parse(render(filled, "atom").body)
    for entry in parsed.entries:
        assert entry.id.startswith("urn:uuid:")
        assert entry.title and entry.summary
        assert entry.published_parsed and entry.updated_parsed
        assert entry.content[0].type == "text/html"
        assert entry.link.startswith("http://127.0.0.1:8080/releases/")


def test_the_same_store_always_gives_the_same_bytes(filled):
    first = render(filled, "atom").body
    later = render(filled, "atom", now=datetime.now(UTC) + timedelta(minutes=5)).body
    assert first == later
    assert render(filled, "rss").body == render(filled, "rss").body


def test_self_link_is_first_and_the_rss_channel_links_to_the_site(filled):
    atom = etree.fromstring(render(filled, "atom").body)
    links = atom.findall(f"{ATOM}link")
    assert links[0].get("rel") == "self"
    assert links[0].get("href") == "http://127.0.0.1:8080/feed.atom"
    rss = etree.fromstring(render(filled, "rss").body)
    channel = rss.find("channel")
    assert channel.findtext("link") == "http://127.0.0.1:8080/"
    self_links = [ln for ln in channel.findall(f"{ATOM}link") if ln.get("rel") == "self"]
    assert [ln.get("href") for ln in self_links] == ["http://127.0.0.1:8080/feed.rss"]


def test_feeds_have_an_author_and_rss_items_have_guids(filled):
    atom = etree.fromstring(render(filled, "atom").body)
    assert atom.find(f"{ATOM}author/{ATOM}name").text
    rss = etree.fromstring(render(filled, "rss").body)
    for item in rss.iter("item"):
        assert item.find("guid").get("isPermaLink") == "false"
        assert item.findtext("pubDate")


def test_paging_links_walk_the_whole_history(filled):
    seen, page, visited = [], 1, 0
    while page and visited < 10:
        doc = etree.fromstring(render(filled, "atom", page=page).body)
        seen += [e.findtext(f"{ATOM}id") for e in doc.iter(f"{ATOM}entry")]
        rels = {ln.get("rel"): ln.get("href") for ln in doc.findall(f"{ATOM}link")}
        page = int(rels["next"].rsplit("page=", 1)[1]) if "next" in rels else None
        visited += 1
    assert len(seen) == len(set(seen)) == len(SAMPLES_WITH_DATES)
    assert render(filled, "atom", page=3) is None


def test_language_variant_holds_only_that_language_and_says_so(filled):
    doc = render(filled, "rss", language="ru")
    parsed = feedparser.parse(doc.body)
    assert len(parsed.entries) == 2
    assert parsed.feed.language == "ru"
    assert etree.fromstring(render(filled, "atom", language="ru").body).findall(f"{ATOM}link")[0].get(
        "href") == "http://127.0.0.1:8080/feed.atom?lang=ru"


def test_json_feed_has_the_same_entries(filled):
    doc = json.loads(render(filled, "json").body)
    assert doc["version"] == "https://jsonfeed.org/version/1.1"
    atom = feedparser.parse(render(filled, "atom").body)
    assert [i["id"] for i in doc["items"]] == [e.id for e in atom.entries]
    assert doc["next_url"].endswith("/feed.json?page=2")


def test_withdrawn_release_leaves_a_tombstone_in_atom_only(filled, releases):
    victim = filled.store.entry_for_file("412-09-06-2022.txt")
    (releases / "412-09-06-2022.txt").unlink()
    filled.run()
    atom = etree.fromstring(render(filled, "atom").body)
    tombstones = atom.findall("{http://purl.org/atompub/tombstones/1.0}deleted-entry")
    assert [t.get("ref") for t in tombstones] == [victim.id]
    assert victim.id not in [e.findtext(f"{ATOM}id") for e in atom.iter(f"{ATOM}entry")]
    assert not feedparser.parse(render(filled, "atom").body).bozo
    rss_ids = [e.id for e in feedparser.parse(render(filled, "rss").body).entries]
    assert victim.id not in rss_ids


def test_hub_links_appear_in_atom_and_rss(filled):
    settings = filled.settings.__class__.from_mapping({**filled.settings.as_dict(),
                                                       "websub_hubs": ["https://hub.example.org/"]})
    for fmt in ("atom", "rss"):
        doc = render(filled, fmt, settings=settings)
        root = etree.fromstring(doc.body)
        hubs = [ln.get("href") for ln in root.iter(f"{ATOM}link") if ln.get("rel") == "hub"]
        assert hubs == ["https://hub.example.org/"]


def test_xml_illegal_characters_never_reach_the_feed(releases, ingest):
    drop(releases, "control-characters.txt")
    ingest.run()
    for fmt in ("atom", "rss"):
        body = render(ingest, fmt).body
        etree.fromstring(body)  # raises on anything malformed
        assert b"\x1b" not in body and b"\x00" not in body
    title = feedparser.parse(render(ingest, "atom").body).entries[0].title
    assert "<script>" in title  # text, escaped in the XML, never markup


def test_an_empty_store_gives_valid_empty_feeds(ingest):
    ingest.run()
    for fmt in ("atom", "rss"):
        parsed = feedparser.parse(render(ingest, fmt).body)
        assert not parsed.bozo
        assert parsed.entries == []


def _last_modified(ingest, page=1, now=None):
    return render(ingest, "atom", page=page, now=now).last_modified


def test_a_new_release_at_the_top_moves_the_last_modified_of_every_later_page(filled, releases):
    before = _last_modified(filled, page=2)
    drop(releases, "newest.txt", "Statement on a new agreement\n\n1 October 2022\n\nThe agreement was signed.\n")
    filled.run(now=datetime.now(UTC) + timedelta(seconds=5))
    assert _last_modified(filled, page=2, now=datetime.now(UTC) + timedelta(seconds=5)) > before


def test_an_old_release_added_lower_down_changes_its_page_but_not_the_pages_above(filled, releases):
    later = datetime.now(UTC) + timedelta(seconds=5)
    page1_before, page2_before = render(filled, "atom"), _last_modified(filled, page=2)
    drop(releases, "old.txt", "Statement of long ago\n\n2 February 2001\n\nAn old statement, found late.\n")
    filled.run(now=later)
    page1_after = render(filled, "atom", now=later)
    assert page1_after.body == page1_before.body and page1_after.last_modified == page1_before.last_modified
    assert _last_modified(filled, page=2, now=later) > page2_before


def test_changed_bytes_always_advance_last_modified_even_when_a_tombstone_just_expires(filled, releases):
    (releases / "412-09-06-2022.txt").unlink()
    filled.run()
    before = {d.key: d for d in filled.store.documents()}["/feed.atom"]
    much_later = datetime.now(UTC) + timedelta(days=filled.settings.tombstone_days + 1)
    filled.render(much_later)  # the tombstone has expired: the Atom bytes change, no entry did
    after = {d.key: d for d in filled.store.documents()}["/feed.atom"]
    assert after.etag != before.etag
    assert after.last_modified > before.last_modified


def test_a_mixed_language_feed_tags_each_atom_entry_with_its_language(filled):
    atom = etree.fromstring(render(filled, "atom").body)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") is None
    langs = {e.findtext(f"{ATOM}title")[:6]: e.get("{http://www.w3.org/XML/1998/namespace}lang")
             for e in atom.iter(f"{ATOM}entry")}
    assert langs["Коммен"] == "ru" and langs["Press "] == "en"
    first = feedparser.parse(render(filled, "atom").body).entries[0]
    assert first.title_detail.language == "ru"  # readers see it too


def test_a_feed_whose_releases_share_one_language_declares_it(releases, ingest):
    drop(releases, "press-release-lavrov-bourita.txt")
    drop(releases, "joint-statement-commission.txt")
    ingest.run()
    assert feedparser.parse(render(ingest, "rss").body).feed.language == "en"
    atom = etree.fromstring(render(ingest, "atom").body)
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert all(e.get("{http://www.w3.org/XML/1998/namespace}lang") is None for e in atom.iter(f"{ATOM}entry"))


def test_the_feed_renderer_turns_rows_into_bytes_without_the_store():
    probe = "import sys, feedsvc.feeds; print('feedsvc.store' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "False"


def test_a_render_pass_reads_each_front_page_once_for_all_its_formats(filled, monkeypatch):
    now = datetime.now(UTC)
    pages, languages = [], []
    entries, languages_of = filled.store.entries, filled.store.languages
    monkeypatch.setattr(filled.store, "entries", lambda *a, **k: pages.append(k.get("language")) or entries(*a, **k))
    monkeypatch.setattr(filled.store, "languages", lambda *a: languages.append(a) or languages_of(*a))
    filled.render(now)
    assert sorted(pages, key=str) == sorted([None, "en", "ru"], key=str)
    assert languages == []  # the pass's one count by language names them
    assert {d.key for d in filled.store.documents()} >= {Variant(fmt, lang).key for fmt in FORMATS
                                                          for lang in (None, "en", "ru")}
