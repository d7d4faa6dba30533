"""End to end: the real `feedsvc serve` on a loopback port; drop, edit and delete files; read with feedparser."""

from __future__ import annotations

import gzip
import signal
import subprocess
import sys

import feedparser
import pytest
import requests
from lxml import etree

from conftest import drop

pytestmark = pytest.mark.timeout(120)


def entries(svc, path="/feed.atom"):
    response = requests.get(svc.url + path, timeout=5)
    assert response.status_code == 200
    etree.fromstring(response.content)  # well-formed, or this raises
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed.entries


def test_a_dropped_release_appears_in_both_feeds_with_its_date_summary_and_a_working_link(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    atom = svc.wait_for(lambda: entries(svc))
    rss = entries(svc, "/feed.rss")
    assert len(atom) == len(rss) == 1
    entry = atom[0]
    assert entry.title.startswith("Press release on Foreign Minister Sergey Lavrov’s telephone conversation")
    assert entry.published == "2020-12-03T12:00:00+00:00"  # 3 December 2020 (a date only: noon UTC)
    assert entry.summary.startswith("On December 3, Foreign Minister Sergey Lavrov spoke by phone")
    assert rss[0].id == entry.id
    page = requests.get(entry.link, timeout=5)
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "Nasser Bourita" in page.text


def test_edit_revises_delete_withdraws_and_a_restart_keeps_every_id(service_factory):
    svc = service_factory()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    drop(svc.releases, "statement_security_conference.txt")
    drop(svc.releases, "telefonnyj-razgovor-marokko.txt")
    svc.start()
    first = svc.wait_for(lambda: (found := entries(svc)) and len(found) == 3 and found)
    ids = {e.title: e.id for e in first}
    links = {e.id: e.link for e in first}
    assert [e.published for e in first] == sorted((e.published for e in first), reverse=True)

    edited = svc.releases / "statement_security_conference.txt"
    edited.write_text(edited.read_text() + "\nThe Ministry thanks the host country.\n")
    revised = svc.wait_for(lambda: [e for e in entries(svc) if "host country" in e.content[0].value])
    assert len(entries(svc)) == 3  # revised, never duplicated
    assert revised[0].id == ids[revised[0].title]
    assert revised[0].updated > revised[0].published

    (svc.releases / "telefonnyj-razgovor-marokko.txt").unlink()
    gone_id = next(i for t, i in ids.items() if t.startswith("Пресс-релиз"))
    svc.wait_for(lambda: len(entries(svc)) == 2)
    assert requests.get(links[gone_id], timeout=5).status_code == 410
    atom = etree.fromstring(requests.get(svc.url + "/feed.atom", timeout=5).content)
    refs = [t.get("ref") for t in atom.iter("{http://purl.org/atompub/tombstones/1.0}deleted-entry")]
    assert refs == [gone_id]

    assert svc.stop(signal.SIGTERM) == 0
    svc.start()
    after = entries(svc)
    assert {e.id for e in after} == {ids[t] for t in ids if not t.startswith("Пресс-релиз")}
    assert all(links[e.id] == e.link for e in after)


def test_repeat_polls_are_cheap_with_etag_last_modified_and_gzip(service_factory):
    svc = service_factory()
    drop(svc.releases, "joint-statement-commission.txt")
    svc.start()
    svc.wait_for(lambda: entries(svc))
    first = requests.get(svc.url + "/feed.rss", timeout=5, headers={"Accept-Encoding": "identity"})
    assert first.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    identity = {"Accept-Encoding": "identity"}
    again = requests.get(svc.url + "/feed.rss", timeout=5, headers={**identity, "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = requests.get(svc.url + "/feed.rss", timeout=5, headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    zipped = requests.get(svc.url + "/feed.rss", timeout=5, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = zipped.raw.read(decode_content=False)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(raw) == first.content
    assert "Accept-Encoding" in zipped.headers["Vary"]
    assert zipped.headers["ETag"] != etag  # the gzip body is another representation, with its own strong ETag
    zipped_again = requests.get(svc.url + "/feed.rss", timeout=5,
                                headers={"Accept-Encoding": "gzip", "If-None-Match": zipped.headers["ETag"]})
    assert zipped_again.status_code == 304 and zipped_again.headers["ETag"] == zipped.headers["ETag"]
    head = requests.head(svc.url + "/feed.rss", timeout=5, headers=identity)
    assert head.status_code == 200 and head.headers["ETag"] == etag


def test_healthz_lists_a_rejected_file_until_it_is_fixed(service_factory):
    svc = service_factory()
    svc.start()
    drop(svc.releases, "broken.txt", source="empty.txt")
    health = svc.wait_for(lambda: (h := requests.get(svc.url + "/healthz", timeout=5).json())["rejected"] and h)
    assert health["rejected"][0]["file"] == "broken.txt"
    assert "empty" in health["rejected"][0]["reason"].lower()
    drop(svc.releases, "broken.txt", source="412-09-06-2022.txt")
    svc.wait_for(lambda: not requests.get(svc.url + "/healthz", timeout=5).json()["rejected"])
    svc.wait_for(lambda: len(entries(svc)) == 1)  # the feeds follow the store within a pass


def test_a_second_scheduler_for_the_same_database_refuses_to_start(service_factory):
    svc = service_factory().start()
    worker = subprocess.run([sys.executable, "-m", "feedsvc", "worker"], cwd=svc.root, env=svc.env,
                            capture_output=True, text=True, timeout=60)
    assert worker.returncode == 1
    assert "already scans" in worker.stderr
    assert requests.get(svc.url + "/healthz", timeout=5).json()["status"] == "ok"


def test_the_running_service_pings_its_websub_hub_and_advertises_it(service_factory):
    from test_websub import Hub

    hub = Hub()
    try:
        svc = service_factory(websub_hubs=hub.url).start()
        drop(svc.releases, "412-09-06-2022.txt")
        svc.wait_for(lambda: entries(svc))
        pinged = svc.wait_for(lambda: {p["hub.url"] for p in hub.pings} >= {svc.url + "/feed.atom",
                                                                             svc.url + "/feed.rss"})
        assert pinged
        assert all(p["hub.mode"] == "publish" for p in hub.pings)
        response = requests.get(svc.url + "/feed.atom", timeout=5)
        assert f'<{hub.url}>; rel="hub"' in response.headers["Link"]
        hubs = [ln.get("href") for ln in etree.fromstring(response.content).iter("{http://www.w3.org/2005/Atom}link")
                if ln.get("rel") == "hub"]
        assert hubs == [hub.url]
    finally:
        hub.close()
