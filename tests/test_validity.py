"""What the W3C Feed Validator checks, checked here: Atom against the RFC 4287 schema, RSS 2.0 and feed rules."""

from __future__ import annotations

import json
import re
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from conftest import SAMPLES, drop

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "data" / "schemas" / "atom.rng")))
URN_UUID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


@pytest.fixture
def everything(releases, ingest, client):
    """Every sample (good and bad), one of them withdrawn so the Atom feed carries a tombstone."""
    for folder in ("releases", "bad"):
        for path in (SAMPLES / folder).iterdir():
            if path.suffix != ".json":
                drop(releases, f"{folder}-{path.name}", path.read_bytes())
    ingest.run()
    (releases / "releases-412-09-06-2022.txt").unlink()
    ingest.run()
    return client


def feed_urls(client) -> list[str]:
    """Every variant: formats x (all, each language) x every page, found by following rel=next."""
    urls = []
    for fmt in ("atom", "rss", "json"):
        for lang in ("", "en", "ru"):
            url = f"/feed.{fmt}" + (f"?lang={lang}" if lang else "")
            while url and len(urls) < 100:
                urls.append(url)
                body = client.get(url).data
                if fmt == "json":
                    nxt = json.loads(body).get("next_url")
                else:
                    root = etree.fromstring(body)
                    nxt = next((ln.get("href") for ln in root.iter(f"{ATOM}link") if ln.get("rel") == "next"), None)
                url = nxt.removeprefix("http://127.0.0.1:8080") if nxt else None
    return urls


def test_every_atom_document_is_valid_against_the_rfc_4287_schema(everything):
    atom_urls = [u for u in feed_urls(everything) if u.startswith("/feed.atom")]
    assert len(atom_urls) >= 4
    for url in atom_urls:
        root = etree.fromstring(everything.get(url).data)
        assert SCHEMA.validate(root), (url, str(SCHEMA.error_log))


def test_atom_follows_the_rules_the_schema_cannot_express(everything):
    for url in [u for u in feed_urls(everything) if u.startswith("/feed.atom")]:
        root = etree.fromstring(everything.get(url).data)
        selfs = [ln.get("href") for ln in root.findall(f"{ATOM}link") if ln.get("rel") == "self"]
        assert selfs == ["http://127.0.0.1:8080" + url]
        assert root.find(f"{ATOM}author") is not None
        ids = [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")]
        assert len(ids) == len(set(ids)) and all(URN_UUID.match(i) for i in ids)
        for entry in root.iter(f"{ATOM}entry"):
            alternates = [ln for ln in entry.findall(f"{ATOM}link") if ln.get("rel", "alternate") == "alternate"]
            assert len(alternates) == 1
            assert entry.find(f"{ATOM}content").get("type") == "html"
            assert entry.find(f"{ATOM}summary").get("type") == "html"
            for tag in ("published", "updated"):
                assert RFC3339.match(entry.findtext(f"{ATOM}{tag}"))


def test_every_rss_document_follows_rss_2_0(everything):
    rss_urls = [u for u in feed_urls(everything) if u.startswith("/feed.rss")]
    for url in rss_urls:
        response = everything.get(url)
        assert response.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
        root = etree.fromstring(response.data)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for required in ("title", "link", "description"):
            assert channel.findtext(required)
        selfs = [ln.get("href") for ln in channel.findall(f"{ATOM}link") if ln.get("rel") == "self"]
        assert selfs == ["http://127.0.0.1:8080" + url]
        guids = [item.findtext("guid") for item in channel.iter("item")]
        assert len(guids) == len(set(guids))
        for item in channel.iter("item"):
            assert item.findtext("title") and item.findtext("link") and item.findtext("description")
            assert parsedate_to_datetime(item.findtext("pubDate")).tzinfo is not None
        assert parsedate_to_datetime(channel.findtext("lastBuildDate")).tzinfo is not None
        language = channel.findtext("language")
        assert language is None or re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", language)


def test_feedparser_reads_every_document_without_complaint(everything):
    for url in feed_urls(everything):
        if url.startswith("/feed.json"):
            doc = json.loads(everything.get(url).data)
            assert doc["version"] == "https://jsonfeed.org/version/1.1"
            assert all(item["id"] and item["url"] for item in doc["items"])
            continue
        parsed = feedparser.parse(everything.get(url).data)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))


def test_content_types_carry_a_charset(everything):
    for path, mime in (("/feed.atom", "application/atom+xml"), ("/feed.rss", "application/rss+xml"),
                       ("/feed.json", "application/feed+json")):
        assert everything.get(path).headers["Content-Type"] == f"{mime}; charset=utf-8"
