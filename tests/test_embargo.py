"""Embargo notices through `feedsvc parse --json` and a real service: read exactly, or the release is held back
with a reason; never published early. A sentence that starts with the word "Embargo" is text."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import feedparser
import pytest
import requests

from conftest import drop, feedsvc_cli

# (notice line, the moment it means in UTC) -- the deployment's zone is Europe/Moscow in these tests.
READ = [
    ("EMBARGOED UNTIL 10:00 EST, 2 December 2031", "2031-12-02T15:00:00"),
    ("EMBARGOED UNTIL 10:00 a.m. EST, 2 December 2031", "2031-12-02T15:00:00"),
    ("EMBARGOED UNTIL 10:00 EDT, 2 June 2031", "2031-06-02T14:00:00"),
    ("EMBARGOED UNTIL 10:00 PST, 2 December 2031", "2031-12-02T18:00:00"),
    ("Embargoed until 10 AM ET, December 2, 2031", "2031-12-02T15:00:00"),
    ("Embargoed until 10 AM ET, June 2, 2031", "2031-06-02T14:00:00"),  # ET follows daylight saving time
    ("EMBARGOED UNTIL 10:00 CT, 2 December 2031", "2031-12-02T16:00:00"),
    ("EMBARGOED UNTIL 10:00 MST, 2 December 2031", "2031-12-02T17:00:00"),
    ("Embargoed until 3pm, 2 December 2031", "2031-12-02T12:00:00"),  # the deployment's zone, Moscow
    ("Embargoed until 10 AM, 2 December 2031", "2031-12-02T07:00:00"),
    ("Embargo: 14:49:13 UTC, 2 December 2031", "2031-12-02T14:49:13"),
    ("EMBARGOED UNTIL 10:00 GMT, 2 December 2031", "2031-12-02T10:00:00"),
    ("EMBARGOED UNTIL 00:01 BST on Monday 2 June 2031", "2031-06-01T23:01:00"),
    ("EMBARGOED UNTIL 00.01 hrs GMT Tuesday 2 December 2031", "2031-12-02T00:01:00"),
    ("EMBARGOED UNTIL 0001 hrs UTC 2 December 2031", "2031-12-02T00:01:00"),
    ("EMBARGOED UNTIL 10:00 CET, 2 December 2031", "2031-12-02T09:00:00"),
    ("EMBARGOED UNTIL 10:00 CEST, 2 June 2031", "2031-06-02T08:00:00"),
    ("EMBARGOED UNTIL 10:00 EET, 2 December 2031", "2031-12-02T08:00:00"),
    ("EMBARGOED UNTIL 10:00 MSK, 2 December 2031", "2031-12-02T07:00:00"),
    ("EMBARGOED UNTIL 10:00 AEDT, 2 December 2031", "2031-12-01T23:00:00"),
    ("EMBARGOED UNTIL 10:00 AEST, 2 June 2031", "2031-06-02T00:00:00"),
    ("EMBARGOED UNTIL 10:00 JST, 2 June 2031", "2031-06-02T01:00:00"),
    ("EMBARGOED UNTIL 10:00 SGT, 2 June 2031", "2031-06-02T02:00:00"),
    ("EMBARGOED UNTIL 10:00 HKT, 2 June 2031", "2031-06-02T02:00:00"),
    ("Embargo: 10:00 Brussels time, 2 June 2031", "2031-06-02T08:00:00"),
    ("Embargo: 10:00 Brussels time, 2 December 2031", "2031-12-02T09:00:00"),
    ("EMBARGOED UNTIL 10:00 (Moscow time) on 2 June 2031", "2031-06-02T07:00:00"),
    ("EMBARGOED UNTIL 10:00 London time, 2 June 2031", "2031-06-02T09:00:00"),
    ("Under embargo until 9am Washington time, Monday 2 June 2031", "2031-06-02T13:00:00"),
    ("EMBARGOED UNTIL 10:00 Eastern Time, 2 June 2031", "2031-06-02T14:00:00"),
    ("EMBARGOED UNTIL 10:00 local time, 2 June 2031", "2031-06-02T07:00:00"),
    ("Sous embargo jusqu'au 2 juin 2031 à 10 h, heure de Paris", "2031-06-02T08:00:00"),
    ("Embargo hasta el 2 de junio de 2031 a las 10:00, hora de Madrid", "2031-06-02T08:00:00"),
    ("Sperrfrist: 2. Juni 2031, 10:00 Uhr MESZ", "2031-06-02T08:00:00"),
    ("Sperrfrist: Montag, 2. Juni 2031, 10 Uhr", "2031-06-02T07:00:00"),
    ("ЭМБАРГО ДО 10:00 МСК 2 июня 2031 года", "2031-06-02T07:00:00"),
    ("Эмбарго до 10:00 по московскому времени 2 июня 2031 года", "2031-06-02T07:00:00"),
    ("НЕ ДЛЯ ПУБЛИКАЦИИ ДО 10:00 мск 2 июня 2031 года", "2031-06-02T07:00:00"),
    ("Embargo: 2031-06-02T10:00:00Z", "2031-06-02T10:00:00"),
    ("Embargo: 10:00 (UTC+1), 2 June 2031", "2031-06-02T09:00:00"),
    ("EMBARGOED UNTIL 10:00 GMT+3, 2 June 2031", "2031-06-02T07:00:00"),
    ("For release: 9 a.m. ET, Monday, June 2, 2031", "2031-06-02T13:00:00"),
    ("Embargoed until 12 noon JST, 2 June 2031", "2031-06-02T03:00:00"),
    ("EMBARGOED UNTIL 10:00 GMT (11:00 CET), 2 December 2031", "2031-12-02T10:00:00"),  # two times that agree
    ("EMBARGOED UNTIL 2 June 2031", "2031-06-01T21:00:00"),  # a date only: the start of that day, Moscow
    # a notice that can mean two moments: the later one (a warning says so)
    ("EMBARGOED UNTIL 10:00 EST, 2 June 2031", "2031-06-02T15:00:00"),  # EST is not in force in June
    ("EMBARGOED UNTIL 10:00 GMT, 2 June 2031", "2031-06-02T10:00:00"),  # London is on BST in June
    ("EMBARGOED UNTIL 10:00 IST, 2 June 2031", "2031-06-02T09:00:00"),  # India, Ireland or Israel
    ("EMBARGOED UNTIL 02:30 CET, 30 March 2031", "2031-03-30T01:30:00"),  # Brussels skips 02:00-03:00 that day
]
WARNED = {"EMBARGOED UNTIL 10:00 EST, 2 June 2031", "EMBARGOED UNTIL 10:00 GMT, 2 June 2031",
          "EMBARGOED UNTIL 10:00 IST, 2 June 2031",
          "EMBARGOED UNTIL 00:01 BST on Monday 2 June 2031"}  # British Summer or Bangladesh Standard Time

# (notice line, what the reason must say): held back, never guessed
REFUSED = [
    ("EMBARGOED UNTIL FURTHER NOTICE", "gives no moment"),
    ("EMBARGOED", "no date"),
    ("EMBARGOED UNTIL 10:00 UTC", "a time but no date"),
    ("EMBARGOED UNTIL 10:00 XYZ, 2 June 2031", "“XYZ”, which is not a time zone"),
    ("EMBARGOED UNTIL 10:00 Atlantis time, 2 June 2031", "“Atlantis time” is not a time zone"),
    ("Embargoed until midnight, 2 June 2031", "midnight"),
    ("EMBARGOED UNTIL 24:00, 2 June 2031", "24:00"),
    ("EMBARGOED UNTIL 13 pm, 2 June 2031", "13 pm"),
    ("Embargoed until 10:00 on Tuesday, 2 June 2031", "it says Tuesday, but 2 June 2031 is a Monday"),
    ("EMBARGOED UNTIL 10:00 UTC, 12/02/2031", "12 February or 2 December"),
    ("EMBARGOED UNTIL 10:00 after the minister speaks, 2 June 2031", "“minister speaks”"),
    ("EMBARGOED UNTIL 10:00 GMT (12:00 CET), 2 December 2031", "times that disagree"),
    ("EMBARGOED UNTIL 10:00 UTC, 2 June 2031 or 3 June 2031", "more than one date"),
    ("Embargo: on delivery of the speech", "gives no moment"),
    ("EMBARGOED UNTIL 10:00 UTC, 31 June 2031", "no date"),
]


def parse_many(tmp_path, files: dict[str, str], zone: str = "Europe/Moscow") -> dict[str, dict]:
    """Write the files and run the real `feedsvc parse --json` on all of them at once."""
    folder = tmp_path / "parse"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = feedsvc_cli("parse", "--json", *sorted(files), cwd=folder, timeout=120,
                         env={"FEEDSVC_TIMEZONE": zone, "FEEDSVC_DATABASE": str(tmp_path / "db")})
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == (1 if any(o["status"] == "rejected" for o in out) else 0), result.stderr
    return {o["file"]: o for o in out}


def release_with(notice: str) -> str:
    return f"{notice}\n\nStatement on the consular agreement\n\nThe two ministries signed the agreement today.\n"


def test_every_notice_in_the_table_is_read_to_the_second(tmp_path):
    files = {f"read-{i:02d}.txt": release_with(line) for i, (line, _) in enumerate(READ)}
    results = parse_many(tmp_path, files)
    wrong = []
    for i, (line, expected) in enumerate(READ):
        got = results[f"read-{i:02d}.txt"]
        if got["status"] != "held" or "embargo" not in got:
            wrong.append((line, got.get("status"), got.get("reason")))
            continue
        moment = datetime.fromisoformat(got["embargo"]).astimezone(UTC).replace(tzinfo=None).isoformat()
        if moment != expected:
            wrong.append((line, moment, expected))
        warned = any("more than one moment" in w for w in got["warnings"])
        if warned != (line in WARNED):
            wrong.append((line, "warning" if warned else "no warning", got["warnings"]))
        if got["title"] != "Statement on the consular agreement" or line in got["body"]:
            wrong.append((line, "notice not taken off the top", got["title"]))
    assert wrong == []


def test_every_notice_that_cannot_be_read_exactly_holds_the_release_with_its_reason(tmp_path):
    files = {f"refused-{i:02d}.txt": release_with(line) for i, (line, _) in enumerate(REFUSED)}
    results = parse_many(tmp_path, files)
    wrong = []
    for i, (line, says) in enumerate(REFUSED):
        got = results[f"refused-{i:02d}.txt"]
        if got["status"] != "rejected" or says not in got["reason"]:
            wrong.append((line, got["status"], got.get("reason")))
    assert wrong == []


@pytest.mark.parametrize("zone, line, expected", [
    ("Asia/Kolkata", "EMBARGOED UNTIL 10:00 IST, 2 June 2031", datetime(2031, 6, 2, 4, 30, tzinfo=UTC)),
    ("Asia/Jerusalem", "EMBARGOED UNTIL 10:00 IST, 2 December 2031", datetime(2031, 12, 2, 8, tzinfo=UTC)),
    ("Asia/Shanghai", "EMBARGOED UNTIL 10:00 CST, 2 June 2031", datetime(2031, 6, 2, 2, tzinfo=UTC)),
])
def test_the_deployments_zone_decides_what_an_abbreviation_of_several_regions_means(tmp_path, zone, line,
                                                                                      expected):
    got = parse_many(tmp_path, {"r.txt": release_with(line)}, zone=zone)["r.txt"]
    assert datetime.fromisoformat(got["embargo"]) == expected
    assert not any("more than one moment" in w for w in got["warnings"])


@pytest.mark.parametrize("title, text", [
    ("Comment on the arms embargo", "Embargo measures were extended today by the Council for another year."),
    ("Embargo measures were extended today", "The Council extended the measures for another year."),
    ("EMBARGO ON ARMS EXPORTS LIFTED", "The Council lifted the measures today."),
    ("Заявление МИД", "Эмбарго продлено ещё на год, сообщил представитель министерства."),
    ("Statement", "Not for publication in the usual channels, the report was nevertheless read widely."),
])
def test_a_line_that_only_starts_with_the_word_embargo_is_text(tmp_path, title, text):
    got = parse_many(tmp_path, {"r.txt": f"{title}\n\n{text}\n"})["r.txt"]
    assert got["status"] == "published", got.get("reason")
    assert "embargo" not in got
    assert (got["title"], got["body"]) == (title, text)


@pytest.mark.parametrize("name, text", [
    ("title-says-embargo.txt", "Comment on the arms embargo\n\nEmbargo: 10:00 UTC, 2 June 2031\n\n"
                               "The Council extended the embargo today.\n"),
    ("notice-below-dateline.txt", "Comment on the arms embargo\n\n1 June 2031\n\nUnder embargo until 10:00 UTC, "
                                  "2 June 2031\n\nThe Council extended the embargo today.\n"),
    ("notice-as-title.md", "---\ntitle: 'EMBARGOED UNTIL 10:00 UTC, 2 June 2031'\n---\n# Comment on the arms "
                           "embargo\n\nThe Council extended the embargo today.\n"),
    ("notice-as-heading.html", "<html><body><main><h1>EMBARGOED UNTIL 10:00 UTC, 2 June 2031</h1><h2>Comment on "
                               "the arms embargo</h2><p>The Council extended the embargo today.</p></main></body>"
                               "</html>"),
    ("front-matter.md", "---\ntitle: Comment on the arms embargo\nembargo: 10:00 UTC, 2 June 2031\n---\n"
                        "The Council extended the embargo today.\n"),
])
def test_a_real_notice_holds_the_release_whatever_the_title_says(tmp_path, name, text):
    got = parse_many(tmp_path, {name: text})[name]
    assert got["status"] == "held", got.get("reason")
    assert datetime.fromisoformat(got["embargo"]) == datetime(2031, 6, 2, 10, tzinfo=UTC)
    assert "EMBARGOED" not in got["title"] and "Embargo:" not in got["body"]


def test_the_running_service_holds_an_embargoed_release_and_rejects_an_unreadable_one(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "us.txt", release_with("EMBARGOED UNTIL 10:00 EST, 2 December 2031"))
    drop(svc.releases, "vague.txt", release_with("EMBARGOED UNTIL 10:00 XYZ, 2 December 2031"))
    drop(svc.releases, "prose.txt", "Comment on the arms embargo\n\nEmbargo measures were extended today.\n")

    def settled():
        health = requests.get(svc.url + "/healthz", timeout=5).json()
        return health if health["held"] == 1 and health["published"] == 1 and health["rejected"] else None

    health = svc.wait_for(settled)
    assert [r["file"] for r in health["rejected"]] == ["vague.txt"]
    assert "XYZ" in health["rejected"][0]["reason"]
    # the store counts first; the feeds follow it within a moment (rendered at the end of the pass)
    titles = svc.wait_for(lambda: [e.title for e in feedparser.parse(
        requests.get(svc.url + "/feed.atom", timeout=5).content).entries])
    assert titles == ["Comment on the arms embargo"]
