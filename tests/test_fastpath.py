"""The fast feed layer in front of Flask: conditional requests, gzip, HEAD, canonical queries, freshness."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime

import feedparser
import pytest
from lxml import etree

from conftest import drop

ATOM = "{http://www.w3.org/2005/Atom}"


def release(title: str, day: str, text: str = "The minister met the ambassador to discuss trade.") -> str:
    """A plain-text release in the press office's shape: title, dateline, paragraphs."""
    return f"{title}\n\n{day}\n\n{text}\n\nThey agreed to meet again next year.\n"


@pytest.fixture
def published(releases, ingest, app):
    """Three releases stored and rendered; the app checks the generation file on every request."""
    drop(releases, "first.txt", release("Talks with Chile", "14 March 2021"), age=60)
    drop(releases, "second.txt", release("Talks with Peru", "15 March 2021"), age=60)
    drop(releases, "third.txt", release("Talks with Bolivia", "16 March 2021"), age=60)
    report = ingest.run()
    assert [o.action for o in report.outcomes] == ["added"] * 3, report.outcomes
    app.extensions["feedsvc.documents"].check_interval = 0
    return ingest


def entry_titles(body: bytes) -> list[str]:
    root = etree.fromstring(body)
    return [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]


def test_strong_etag_is_stable_across_requests(client, published):
    first = client.get("/feed.atom")
    second = client.get("/feed.atom")
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert second.headers["ETag"] == etag
    assert second.data == first.data


def test_etag_changes_when_the_content_changes(client, published, releases):
    before = client.get("/feed.atom").headers["ETag"]
    drop(releases, "fourth.txt", release("Talks with Chile again", "17 March 2021"), age=60)
    published.run()
    response = client.get("/feed.atom")
    assert response.headers["ETag"] != before
    assert "Talks with Chile again" in entry_titles(response.data)


@pytest.mark.parametrize("header", [
    "{etag}",
    '"nope", {etag}',
    '"nope",{etag} , "other"',
    "W/{etag}",
    '"nope", W/{etag}',
    "*",
])
def test_if_none_match_gives_304(client, published, header):
    etag = client.get("/feed.atom").headers["ETag"]
    response = client.get("/feed.atom", headers={"If-None-Match": header.format(etag=etag)})
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"] == etag
    assert "Content-Type" not in response.headers


def test_if_none_match_mismatch_gives_the_document(client, published):
    response = client.get("/feed.atom", headers={"If-None-Match": '"something-else"'})
    assert response.status_code == 200
    assert entry_titles(response.data)


def test_if_modified_since_same_second_gives_304(client, published):
    last_modified = client.get("/feed.rss").headers["Last-Modified"]
    assert client.get("/feed.rss", headers={"If-Modified-Since": last_modified}).status_code == 304


def test_if_modified_since_later_gives_304(client, published):
    later = format_datetime(datetime.now(UTC), usegmt=True)
    assert client.get("/feed.rss", headers={"If-Modified-Since": later}).status_code == 304


def test_if_modified_since_in_another_zone_is_compared_as_a_date(client, published):
    last_modified = client.get("/feed.atom").headers["Last-Modified"]
    moment = datetime.strptime(last_modified, "%a, %d %b %Y %H:%M:%S GMT").replace(tzinfo=UTC)
    in_moscow = format_datetime(moment.astimezone(timezone(timedelta(hours=3))))
    assert in_moscow.endswith("+0300")
    assert client.get("/feed.atom", headers={"If-Modified-Since": in_moscow}).status_code == 304


def test_if_modified_since_earlier_gives_the_document(client, published):
    earlier = "Mon, 01 Jan 2001 00:00:00 GMT"
    response = client.get("/feed.rss", headers={"If-Modified-Since": earlier})
    assert response.status_code == 200
    assert response.data


def test_if_modified_since_is_ignored_when_if_none_match_mismatches(client, published):
    last_modified = client.get("/feed.atom").headers["Last-Modified"]
    response = client.get("/feed.atom", headers={"If-None-Match": '"stale"', "If-Modified-Since": last_modified})
    assert response.status_code == 200


def test_unparseable_if_modified_since_gives_the_document(client, published):
    assert client.get("/feed.atom", headers={"If-Modified-Since": "yesterday"}).status_code == 200


@pytest.mark.parametrize("accept", ["gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "GZIP"])
def test_gzip_when_accepted_decompresses_to_the_same_bytes(client, published, accept):
    plain = client.get("/feed.atom")
    zipped = client.get("/feed.atom", headers={"Accept-Encoding": accept})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.headers["Vary"] == "Accept-Encoding"
    assert int(zipped.headers["Content-Length"]) == len(zipped.data)
    assert gzip.decompress(zipped.data) == plain.data
    # two representations, two strong ETags (RFC 9110 8.8.3), and each revalidates to 304
    assert zipped.headers["ETag"] != plain.headers["ETag"]
    again = client.get("/feed.atom", headers={"Accept-Encoding": accept, "If-None-Match": zipped.headers["ETag"]})
    assert again.status_code == 304 and again.headers["ETag"] == zipped.headers["ETag"]
    crossed = client.get("/feed.atom", headers={"Accept-Encoding": accept, "If-None-Match": plain.headers["ETag"]})
    assert crossed.status_code == 200 and crossed.headers["Content-Encoding"] == "gzip"


@pytest.mark.parametrize("accept", ["gzip;q=0", "deflate, gzip; q=0", "identity", "br"])
def test_no_gzip_when_refused(client, published, accept):
    response = client.get("/feed.atom", headers={"Accept-Encoding": accept})
    assert "Content-Encoding" not in response.headers
    assert response.headers["Vary"] == "Accept-Encoding"
    assert entry_titles(response.data)


def test_plain_response_has_type_length_vary_and_cache_headers(client, published):
    response = client.get("/feed.atom")
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert int(response.headers["Content-Length"]) == len(response.data)
    assert response.headers["Vary"] == "Accept-Encoding"
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_head_has_the_headers_and_no_body(client, published):
    get = client.get("/feed.rss")
    head = client.head("/feed.rss")
    assert head.status_code == 200
    assert head.data == b""
    for name in ("ETag", "Last-Modified", "Content-Type", "Content-Length", "Vary", "Link"):
        assert head.headers[name] == get.headers[name]


def test_head_with_gzip_announces_the_compressed_length(client, published):
    get = client.get("/feed.atom", headers={"Accept-Encoding": "gzip"})
    head = client.head("/feed.atom", headers={"Accept-Encoding": "gzip"})
    assert head.data == b""
    assert head.headers["Content-Encoding"] == "gzip"
    assert head.headers["Content-Length"] == get.headers["Content-Length"]


def test_head_honours_conditional_requests(client, published):
    etag = client.get("/feed.atom").headers["ETag"]
    assert client.head("/feed.atom", headers={"If-None-Match": etag}).status_code == 304


def test_link_header_names_the_self_url(client, published, settings):
    response = client.get("/feed.atom?lang=en")
    assert response.status_code == 200
    assert f'<{settings.base_url}/feed.atom?lang=en>; rel="self"' in response.headers.getlist("Link")


def test_cors_header_on_feeds_and_preflight(client, published):
    assert client.get("/feed.json").headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/feed.atom", headers={"If-None-Match": "*"}).headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/feed.atom")
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight.headers["Access-Control-Allow-Methods"]


def test_other_methods_are_refused(client, published):
    response = client.post("/feed.atom")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(("asked", "canonical"), [
    ("/feed.atom?page=1", "/feed.atom"),
    ("/feed.rss?page=2&lang=en", "/feed.rss?lang=en&page=2"),
    ("/feed.atom?lang=EN", "/feed.atom?lang=en"),
    ("/feed.json?lang=en&page=1", "/feed.json?lang=en"),
])
def test_non_canonical_queries_redirect_permanently(client, published, settings, asked, canonical):
    response = client.get(asked)
    assert response.status_code == 301
    assert response.headers["Location"] == settings.base_url + canonical


@pytest.mark.parametrize("query", ["?foo=1", "?page=0", "?page=x", "?lang=not a language", "?page=1&utm_source=x"])
def test_unknown_or_malformed_parameters_are_400(client, published, query):
    response = client.get("/feed.atom" + query)
    assert response.status_code == 400
    assert b"lang=" in response.data


def test_page_past_the_last_is_404(client, published):
    assert client.get("/feed.atom?page=2").status_code == 404


def test_archive_page_is_served_with_the_same_headers(client, published, releases):
    for n in range(4):
        drop(releases, f"more-{n}.txt", release(f"Talks number {n}", f"{n + 1} April 2021"), age=60)
    published.run()
    response = client.get("/feed.atom?page=2")
    assert response.status_code == 200
    assert entry_titles(response.data)
    assert client.get("/feed.atom?page=2", headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
    assert client.get("/feed.atom?page=3").status_code == 404


def test_every_format_parses(client, published):
    for path in ("/feed.atom", "/feed.rss"):
        parsed = feedparser.parse(client.get(path).data)
        assert not parsed.bozo, (path, parsed.bozo_exception)
        assert len(parsed.entries) == 3
    assert len(client.get("/feed.json").json["items"]) == 3


def test_a_new_scan_is_visible_on_the_next_request(client, published, releases):
    assert "Talks with Uruguay" not in entry_titles(client.get("/feed.atom").data)
    drop(releases, "uruguay.txt", release("Talks with Uruguay", "20 March 2021"), age=60)
    published.run()
    assert "Talks with Uruguay" in entry_titles(client.get("/feed.atom").data)


def test_a_new_scan_reaches_a_throttled_worker_within_its_check_interval(client, published, releases, app):
    documents = app.extensions["feedsvc.documents"]
    documents.check_interval = 0.2
    client.get("/feed.atom")
    drop(releases, "paraguay.txt", release("Talks with Paraguay", "21 March 2021"), age=60)
    published.run()
    time.sleep(0.25)
    assert "Talks with Paraguay" in entry_titles(client.get("/feed.atom").data)


def test_other_paths_go_to_flask(client, published):
    assert client.get("/healthz").status_code == 200
    assert client.get("/feed.atom/").status_code == 404


def test_archive_page_cache_stays_within_its_byte_budget(client, published, releases, app, monkeypatch):
    from feedsvc.web import documents as documents_module

    for n in range(12):
        drop(releases, f"archive-{n}.txt", release(f"Archive talks {n}", f"{n + 1} May 2020"), age=60)
    published.run()
    monkeypatch.setattr(documents_module, "DEEP_CACHE_BYTES", 1)
    for page in (2, 3):
        assert client.get(f"/feed.atom?page={page}").status_code == 200
    cache = app.extensions["feedsvc.documents"]
    assert list(cache._deep) == ["/feed.atom?page=3"]
    assert client.get("/feed.atom?page=2").status_code == 200
