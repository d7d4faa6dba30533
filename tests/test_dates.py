"""Date-only releases and impossible dates, through the real service and commands.

The rule: a release that gives a date and no time is stamped 12:00 UTC of that day (the same calendar day for
readers in every zone from UTC-11 to UTC+11), is available from the start of that day in the deployment's zone, and
pages show the date alone.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import feedparser
import requests
from lxml import html as lxml_html

from conftest import drop, feedsvc_cli
from feedsvc.models import Release
from feedsvc.store import Store


def feed(svc, path="/feed.atom"):
    return feedparser.parse(requests.get(svc.url + path, timeout=5).content)


def test_a_date_only_release_is_the_same_day_for_readers_from_utc_minus_11_to_plus_11(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")  # "On December 3," with the year from the text
    entry = svc.wait_for(lambda: feed(svc).entries)[0]
    published = datetime.fromisoformat(entry.published)
    days = {published.astimezone(timezone(timedelta(hours=h))).date() for h in range(-11, 12)}
    assert days == {datetime(2020, 12, 3).date()}
    rss = feed(svc, "/feed.rss").entries[0]
    assert datetime(*rss.published_parsed[:6], tzinfo=UTC) == published
    json_feed = requests.get(svc.url + "/feed.json", timeout=5).json()
    assert datetime.fromisoformat(json_feed["items"][0]["date_published"]) == published


def test_pages_show_the_date_a_release_gives_and_no_time_it_did_not_give(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    drop(svc.releases, "timed.txt", "Statement on the talks\n\n14 March 2021 16:05\n\nThe talks took place.\n")
    entries = svc.wait_for(lambda: len(feed(svc).entries) == 2 and feed(svc).entries)
    by_title = {e.title: e for e in entries}
    date_only = lxml_html.fromstring(requests.get(by_title[entries[1].title].link, timeout=5).content)
    stamp = date_only.cssselect("article time")[0]
    assert stamp.text_content() == "3 December 2020" and stamp.get("datetime") == "2020-12-03"
    timed = lxml_html.fromstring(requests.get(by_title["Statement on the talks"].link, timeout=5).content)
    assert timed.cssselect("article time")[0].text_content() == "14 March 2021, 16:05 MSK"
    index = lxml_html.fromstring(requests.get(svc.url + "/", timeout=5).content)
    assert [t.text_content() for t in index.cssselect("ol.releases time")] == ["14 March 2021", "3 December 2020"]


def test_a_date_only_release_dropped_on_its_own_day_is_published_at_once_in_a_far_ahead_zone(service_factory):
    # In Kiritimati (UTC+14) it is always already "tomorrow" at 12:00 UTC of today's local date: a release dated
    # today there must still not wait for that moment.
    zone = ZoneInfo("Pacific/Kiritimati")
    today = datetime.now(zone).date()
    svc = service_factory(timezone="Pacific/Kiritimati").start()
    drop(svc.releases, "today.txt", f"Statement for today\n\n{today.day} {today:%B} {today.year}\n\nText of it.\n")
    entries = svc.wait_for(lambda: feed(svc).entries, timeout=10)
    assert datetime.fromisoformat(entries[0].published) == datetime(today.year, today.month, today.day, 12,
                                                                     tzinfo=UTC)
    assert requests.get(svc.url + "/healthz", timeout=5).json()["held"] == 0
    index = lxml_html.fromstring(requests.get(svc.url + "/", timeout=5).content)
    assert index.cssselect("ol.releases time")[0].text_content() == f"{today.day} {today:%B} {today.year}"


def test_a_date_only_release_dated_tomorrow_waits_for_the_start_of_that_day_in_the_deployments_zone(tmp_path):
    zone = ZoneInfo("Europe/Moscow")
    tomorrow = datetime.now(zone).date() + timedelta(days=1)
    releases = tmp_path / "releases"
    drop(releases, "tomorrow.txt", f"Statement\n\n{tomorrow.day} {tomorrow:%B} {tomorrow.year}\n\nText.\n")
    env = {"FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(tmp_path / "db.sqlite3"),
           "FEEDSVC_SETTLE_SECONDS": "0", "FEEDSVC_TIMEZONE": "Europe/Moscow"}
    result = feedsvc_cli("scan", cwd=tmp_path, env=env)
    assert "Held (embargoed or dated in the future): 1" in result.stdout, result.stdout + result.stderr
    entry = Store(tmp_path / "db.sqlite3").entry_for_file("tomorrow.txt")
    assert entry.available == datetime(tomorrow.year, tomorrow.month, tomorrow.day, tzinfo=zone)
    assert not entry.has_time


def test_a_database_from_before_date_only_releases_is_migrated_and_each_file_read_again_once(tmp_path):
    releases = tmp_path / "releases"
    drop(releases, "press-release-lavrov-bourita.txt")
    database = tmp_path / "db.sqlite3"
    env = {"FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(database), "FEEDSVC_SETTLE_SECONDS": "0",
           "FEEDSVC_TIMEZONE": "Europe/Moscow"}
    assert feedsvc_cli("scan", cwd=tmp_path, env=env).returncode == 0
    before = Store(database).entry_for_file("press-release-lavrov-bourita.txt")
    # what an older feedsvc stored: no has_time column, the date stamped 00:00 Moscow time
    with sqlite3.connect(database) as db:
        db.execute("ALTER TABLE entries DROP COLUMN has_time")
        db.execute("UPDATE entries SET published='2020-12-02T21:00:00+00:00', available='2020-12-02T21:00:00+00:00'")
    db.close()

    result = feedsvc_cli("scan", cwd=tmp_path, env=env)

    assert result.returncode == 0 and "No changes" in result.stdout, result.stdout + result.stderr
    after = Store(database).entry_for_file("press-release-lavrov-bourita.txt")
    assert after.published == datetime(2020, 12, 3, 12, tzinfo=UTC) and not after.has_time
    assert (after.id, after.slug, after.updated) == (before.id, before.slug, before.updated)
    again = feedsvc_cli("scan", cwd=tmp_path, env=env)
    assert "No changes" in again.stdout


def test_a_front_matter_date_of_year_1_or_9999_is_rejected_clearly_and_nothing_fails(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "year-1.md", "---\ntitle: An ancient release\ndate: 0001-01-01\n---\nText.\n")
    drop(svc.releases, "year-9999.md", "---\ntitle: A release from the far future\ndate: 9999-12-31T23:00:00-05:00"
                                       "\n---\nText.\n")
    drop(svc.releases, "embargo-9999.md", "---\ntitle: Held for ever\nembargo: 9999-12-31\n---\nText.\n")
    drop(svc.releases, "good.txt", "A good release\n\n3 March 2021\n\nText.\n")

    def settled():
        health = requests.get(svc.url + "/healthz", timeout=5).json()
        return health if len(health["rejected"]) == 3 and health["published"] == 1 else None

    health = svc.wait_for(settled)
    reasons = {r["file"]: r["reason"] for r in health["rejected"]}
    assert "0001-01-01 is not a date a release can have" in reasons["year-1.md"]
    assert "9999-12-31 is not a date a release can have" in reasons["year-9999.md"]
    assert "9999" in reasons["embargo-9999.md"]
    for path in ("/", "/feed.atom", "/feed.rss", "/feed.json"):
        assert requests.get(svc.url + path, timeout=5).status_code == 200
    scans = svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["last_scan"])
    assert scans["errors"] == [] and "scanning" not in svc.log() and "Traceback" not in svc.log()


def test_pages_never_fail_on_a_stored_date_at_the_start_of_the_calendar(service_factory):
    # An older feedsvc stored year-1 dates; shown in a zone west of UTC they fell before year 1 (a 500).
    svc = service_factory(timezone="America/New_York")
    far = drop(svc.releases, "far.txt", "An ancient release\n\nText.\n", age=3600)
    st = far.stat()
    store = Store(svc.database)
    release = Release("An ancient release", datetime(1, 1, 1, 1, tzinfo=UTC), "Text.", "Text.", "<p>Text.</p>", "en")
    _, entry_id = store.save_release("far.txt", st.st_size, st.st_mtime_ns, "0" * 64, release,
                                     datetime(2020, 1, 1, tzinfo=UTC))
    svc.start()
    slug = store.entry_by_id(entry_id).slug
    for path in ("/", f"/releases/{slug}", "/feed.atom", "/feed.json"):
        response = requests.get(svc.url + path, timeout=5)
        assert response.status_code == 200, (path, svc.log()[-2000:])
    assert "An ancient release" in requests.get(svc.url + "/", timeout=5).text
