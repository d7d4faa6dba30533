"""No fault leaves the feeds silently stale: while the store cannot be written, a scan fails or the feeds are behind
the store, /healthz answers 503 with the reason; once the fault is over the real service catches up by itself,
without a restart. And no release, however large or broken, stops the feeds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
import requests
from lxml import etree

from conftest import RunningService, drop
from tests.faults import StateFolder

ATOM = "{http://www.w3.org/2005/Atom}"


def release_text(n: int, extra: str = "") -> str:
    return (f"Statement number {n} on cooperation\n\nMoscow, {1 + n % 28} March 2024\n\n"
            f"The ministry published statement {n} about trade and culture.\n{extra}")


def health(svc: RunningService) -> tuple[int, dict]:
    response = requests.get(svc.url + "/healthz", timeout=10)
    return response.status_code, response.json()


def failing(svc: RunningService) -> str | None:
    """The reason /healthz gives with its 503, or None while it answers 200."""
    status, body = health(svc)
    if status == 503:
        assert body["status"] == "failing" and body["reason"] and body["problems"]
        return body["reason"]
    assert status == 200 and "reason" not in body
    return None


def titles(svc: RunningService, path: str = "/feed.atom") -> list[str]:
    if path.startswith("/feed.json"):
        return [item["title"] for item in requests.get(svc.url + path, timeout=10).json()["items"]]
    feed = feedparser.parse(requests.get(svc.url + path, timeout=10).content)
    assert not feed.bozo, feed.bozo_exception
    return [e.title for e in feed.entries]


def number(n: int) -> str:
    return f"Statement number {n} on cooperation"


def all_feeds_show(svc: RunningService, *ns: int) -> bool:
    return all(all(number(n) in titles(svc, path) for n in ns) for path in ("/feed.atom", "/feed.rss", "/feed.json"))


@pytest.fixture
def state(tmp_path):
    folder = StateFolder(tmp_path / "var", tmp_path)
    yield folder
    folder.close()


def start_on(state: StateFolder, service_factory, **settings) -> RunningService:
    svc = service_factory(scan_interval=1, **settings)
    svc.env.update(state.environment())
    return svc.start()


def test_a_full_disk_shows_in_healthz_and_the_feeds_catch_up_once_space_returns(state, service_factory):
    svc = start_on(state, service_factory)
    drop(svc.releases, "one.txt", release_text(1))
    svc.wait_for(lambda: all_feeds_show(svc, 1))
    state.fill()
    drop(svc.releases, "two.txt", release_text(2, "A long paragraph about trade. " * 10_000))  # 300 KB to store
    reason = svc.wait_for(lambda: failing(svc), timeout=20)
    assert "full" in reason or "No space" in reason, (state.how, reason)
    assert number(2) not in titles(svc) and number(1) in titles(svc)  # the feeds still answer, as they were
    time.sleep(3)  # more scans meet the same full disk
    assert failing(svc) and svc.log().count("scanning two.txt failed") == 1  # logged once, not on every scan
    state.free()
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2), timeout=20)
    svc.wait_for(lambda: failing(svc) is None, timeout=10)
    assert health(svc)[1]["status"] == "ok" and health(svc)[1]["published"] == 2
    assert "Traceback" not in svc.log()


def test_a_read_only_state_folder_shows_in_healthz_and_heals_when_writable_again(state, service_factory):
    svc = start_on(state, service_factory)
    drop(svc.releases, "one.txt", release_text(1))
    svc.wait_for(lambda: all_feeds_show(svc, 1))
    state.read_only()
    drop(svc.releases, "two.txt", release_text(2))
    reason = svc.wait_for(lambda: failing(svc), timeout=20)
    assert "read-only" in reason.lower() or "readonly" in reason.lower(), (state.how, reason)
    state.writable()
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2), timeout=20)
    svc.wait_for(lambda: failing(svc) is None, timeout=10)


def test_a_deleted_database_is_noticed_and_rebuilt_from_the_folder_without_a_restart(service_factory):
    svc = service_factory(scan_interval=3).start()
    drop(svc.releases, "one.txt", release_text(1))
    drop(svc.releases, "two.txt", release_text(2))
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2))
    ids = {e.id for e in feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content).entries}
    svc.database.unlink()
    reason = svc.wait_for(lambda: failing(svc), timeout=10)
    assert "missing" in reason
    drop(svc.releases, "three.txt", release_text(3))
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2, 3), timeout=20)
    svc.wait_for(lambda: failing(svc) is None, timeout=10)
    assert svc.database.exists() and health(svc)[1]["published"] == 3
    entries = feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content).entries
    assert ids <= {e.id for e in entries}  # the same permanent ids as before
    assert requests.get(entries[0].link, timeout=10).status_code == 200
    assert "was deleted: a new one was started" in svc.log()


def test_a_missing_releases_folder_fails_the_scans_until_it_is_back(service_factory):
    svc = service_factory(scan_interval=1).start()
    drop(svc.releases, "one.txt", release_text(1))
    svc.wait_for(lambda: all_feeds_show(svc, 1))
    (svc.releases / "one.txt").rename(svc.root / "one.txt")
    svc.releases.rmdir()
    reason = svc.wait_for(lambda: failing(svc), timeout=10)
    assert "does not exist" in reason
    assert number(1) in titles(svc)  # an unmounted share withdraws nothing
    svc.releases.mkdir()
    (svc.root / "one.txt").rename(svc.releases / "one.txt")
    drop(svc.releases, "two.txt", release_text(2))
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2), timeout=15)
    svc.wait_for(lambda: failing(svc) is None, timeout=10)
    assert svc.log().count("does not exist or is not a folder") == 1  # logged once, not on every scan


def test_a_release_with_megabytes_of_text_reaches_every_feed_cut_with_a_link_to_its_page(service_factory):
    svc = service_factory(max_file_size=20 * 1024 * 1024).start()
    paragraph = "The delegations discussed trade, energy and culture at length in the joint commission. " * 12
    huge = release_text(1, "\n\n".join(paragraph for _ in range(9_000)))  # about 9.5 MB of text
    drop(svc.releases, "huge.txt", huge)
    russian = ("Заявление министерства о переговорах\n\nМосква, 3 марта 2024 года\n\n"
               + "\n\n".join("Министры обсудили торговлю, энергетику и культурные связи двух стран. " * 8
                             for _ in range(8_000)))
    drop(svc.releases, "transcript.txt", russian.encode("cp1251"))  # about 4.5 MB in one byte a letter
    svc.wait_for(lambda: len(titles(svc)) == 2, timeout=60)
    drop(svc.releases, "after.txt", release_text(2))
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2), timeout=20)
    assert failing(svc) is None
    for path in ("/feed.atom", "/feed.rss", "/feed.json"):
        body = requests.get(svc.url + path, timeout=10).content
        assert len(body) < 1_000_000, (path, len(body))
    root = etree.fromstring(requests.get(svc.url + "/feed.atom", timeout=10).content)
    contents = {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}content") for e in root.iter(f"{ATOM}entry")}
    big = contents[number(1)]
    assert 30_000 < len(big) < 70_000 and "Read the full release" in big
    page = root.find(f"{ATOM}entry[{ATOM}title='{number(1)}']/{ATOM}link").get("href")
    assert page in big
    full = requests.get(page, timeout=30)
    assert full.status_code == 200 and full.text.count("discussed trade, energy") > 100_000  # the page has all
    assert "Read the full release" not in contents[number(2)]


def corrupt(svc: RunningService, sql: str, *args) -> None:
    """Change a stored row behind the service's back, as a bad restore or a hand edit would."""
    db = sqlite3.connect(svc.database, timeout=10)
    try:
        db.execute(sql, args)
        db.commit()
    finally:
        db.close()


def test_an_entry_that_cannot_be_rendered_stays_out_and_the_rest_of_the_feeds_update(service_factory):
    svc = service_factory(scan_interval=1).start()
    for n in (1, 2):
        drop(svc.releases, f"{n}.txt", release_text(n))
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2))
    good = requests.get(svc.url + "/feed.atom", timeout=10).content
    corrupt(svc, "UPDATE entries SET updated='2024-03-02T00:00:00' WHERE source='1.txt'")  # no time zone
    drop(svc.releases, "3.txt", release_text(3))
    svc.wait_for(lambda: all_feeds_show(svc, 2, 3), timeout=15)
    assert number(1) not in titles(svc) and number(1) not in titles(svc, "/feed.json")
    reason = svc.wait_for(lambda: failing(svc), timeout=10)
    assert "1.txt" in reason and "could not be put in the feeds" in reason
    corrupt(svc, "UPDATE entries SET updated='2024-03-02T00:00:00+00:00' WHERE source='1.txt'")
    svc.wait_for(lambda: all_feeds_show(svc, 1, 2, 3), timeout=15)  # tried again on every scan until it works
    svc.wait_for(lambda: failing(svc) is None, timeout=10)
    assert good != requests.get(svc.url + "/feed.atom", timeout=10).content


def test_a_document_that_cannot_be_rendered_keeps_its_last_version_and_the_others_update(service_factory):
    svc = service_factory(scan_interval=1).start()
    drop(svc.releases, "en.txt", release_text(1))
    drop(svc.releases, "ru.txt", "Заявление министерства о переговорах\n\nМосква, 3 марта 2024 года\n\n"
                                 "Министры обсудили торговлю и культурные связи двух стран.\n")
    svc.wait_for(lambda: len(titles(svc)) == 2)
    corrupt(svc, "UPDATE entries SET tags='not json' WHERE source='ru.txt'")
    drop(svc.releases, "en2.txt", release_text(2))
    svc.wait_for(lambda: number(2) in titles(svc, "/feed.atom?lang=en"), timeout=15)
    assert number(2) not in titles(svc)  # the document of all languages holds the broken entry: its last version
    reason = svc.wait_for(lambda: failing(svc), timeout=10)
    assert "/feed.atom:" in reason and "could not be rendered" in reason
    corrupt(svc, "UPDATE entries SET tags='[]' WHERE source='ru.txt'")
    svc.wait_for(lambda: number(2) in titles(svc) and len(titles(svc)) == 3, timeout=15)
    svc.wait_for(lambda: failing(svc) is None, timeout=10)


def test_feeds_left_behind_by_a_change_in_the_store_make_healthz_fail_until_they_are_rendered(service_factory):
    svc = service_factory(args=["--no-scheduler"], settle_seconds=0)  # the web alone: only `feedsvc scan` renders
    drop(svc.releases, "one.txt", release_text(1))
    scan = [sys.executable, "-m", "feedsvc", "scan"]
    subprocess.run(scan, cwd=svc.root, env=svc.env, check=True, capture_output=True, timeout=60)
    svc.start()
    assert failing(svc) is None
    long_ago = (datetime.now(UTC) - timedelta(minutes=5)).isoformat(timespec="seconds")
    corrupt(svc, "UPDATE documents SET last_modified='2020-01-01T00:00:00+00:00'")  # rendered long ago...
    corrupt(svc, "UPDATE entries SET first_seen=?, updated=?", long_ago, long_ago)  # ...and changed 5 min ago
    reason = failing(svc)
    assert reason and "behind the store" in reason and "/feed.atom" in reason
    subprocess.run(scan, cwd=svc.root, env=svc.env, check=True, capture_output=True, timeout=60)
    assert failing(svc) is None
