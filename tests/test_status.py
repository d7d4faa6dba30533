"""/status through the real service: every file in the folder and what it became, for the press office only."""

from __future__ import annotations

import os
import time

import requests
from lxml import html as lxml_html

from conftest import drop


def status_page(svc, query: str = "", **headers):
    response = requests.get(svc.url + "/status" + query, headers=headers, timeout=10)
    return response, lxml_html.fromstring(response.content)


def files(page) -> dict[str, object]:
    return {li.cssselect("h2")[0].text_content(): li for li in page.cssselect("li.file")}


def text(element) -> str:
    return " ".join(element.text_content().split())


def test_the_status_page_shows_every_file_and_what_it_became(service_factory):
    svc = service_factory(feed_author="Ministry of Foreign Affairs").start()
    drop(svc.releases, "press-release-lavrov-bourita.txt", age=300)
    drop(svc.releases, "embargoed-consulate-opening.txt", age=200)
    drop(svc.releases, "no-date.txt", age=100)
    drop(svc.releases, "empty.txt", age=50)
    svc.wait_for(lambda: not status_page(svc)[1].cssselect('li.file[data-state="waiting"]'))
    response, page = status_page(svc)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    by_name = files(page)
    # newest first
    assert list(by_name) == ["empty.txt", "no-date.txt", "embargoed-consulate-opening.txt",
                             "press-release-lavrov-bourita.txt"]
    states = {name: li.get("data-state") for name, li in by_name.items()}
    assert states == {"empty.txt": "rejected", "no-date.txt": "published", "embargoed-consulate-opening.txt": "held",
                      "press-release-lavrov-bourita.txt": "published"}
    assert "empty" in text(by_name["empty.txt"].cssselect(".reason")[0]).lower()  # the reason
    # what was read: title, date (alone: the release gave no time), language, summary, and its page
    lavrov = by_name["press-release-lavrov-bourita.txt"]
    read = dict(zip([text(dt) for dt in lavrov.cssselect("dt")], [text(dd) for dd in lavrov.cssselect("dd")],
                    strict=True))
    assert read["Title"].startswith("Press release on Foreign Minister Sergey Lavrov")
    assert read["Date"] == "3 December 2020 (no time of day given)"
    assert read["Language"] == "English (en)"
    assert read["Summary"].startswith("On December 3, Foreign Minister Sergey Lavrov spoke by phone")
    link = lavrov.cssselect("a")[0].get("href")
    assert requests.get(link, timeout=5).status_code == 200
    entry = lavrov.cssselect("details .entry")[0]  # its feed entry, as readers get it
    assert link in text(entry) and "urn:uuid:" in text(entry)
    # held until a given time, with no page yet
    held = by_name["embargoed-consulate-opening.txt"]
    assert "Held until" in text(held) and held.cssselect(".reason time")
    assert not [a for a in held.cssselect("a") if "/releases/" in (a.get("href") or "")]
    assert "as it will appear" in text(held.cssselect("details summary")[0])
    # the warnings the reader gave
    warnings = [text(li) for li in by_name["no-date.txt"].cssselect("ul.warnings li")]
    assert any("modification time" in w for w in warnings), warnings


def test_the_problems_filter_shows_only_rejected_and_warned_files(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "412-09-06-2022.txt")  # read without a warning
    drop(svc.releases, "press-release-lavrov-bourita.txt")  # "The year 2020 was inferred from the text, ..."
    drop(svc.releases, "no-date.txt")
    drop(svc.releases, "empty.txt")
    svc.wait_for(lambda: not status_page(svc)[1].cssselect('li.file[data-state="waiting"]'))
    _, page = status_page(svc, "?show=problems")
    assert set(files(page)) == {"press-release-lavrov-bourita.txt", "no-date.txt", "empty.txt"}
    assert "inferred from the text" in text(files(page)["press-release-lavrov-bourita.txt"])
    assert "Problems only (3)" in text(page.cssselect("nav.filters")[0])


def test_a_file_still_waiting_is_listed_and_the_page_refreshes_until_it_is_read(service_factory):
    svc = service_factory(settle_seconds=3, watch="false").start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    response, page = status_page(svc)
    assert files(page)["press-release-lavrov-bourita.txt"].get("data-state") == "waiting"
    assert response.headers["Refresh"] == "5"
    assert "Stop refreshing" in text(page.cssselect(".notice")[0])
    stopped, _ = status_page(svc, "?refresh=off")
    assert "Refresh" not in stopped.headers
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        response, page = status_page(svc)
        if files(page)["press-release-lavrov-bourita.txt"].get("data-state") == "published":
            break
        time.sleep(0.3)
    assert files(page)["press-release-lavrov-bourita.txt"].get("data-state") == "published"
    assert "Refresh" not in response.headers


def test_the_status_page_is_for_loopback_and_the_office_networks_only(service_factory):
    svc = service_factory(office_networks="10.20.0.0/16").start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    outside, page = status_page(svc, **{"X-Forwarded-For": "203.0.113.9"})
    assert outside.status_code == 403
    assert "press-release-lavrov-bourita" not in outside.text and not page.cssselect("li.file")
    office, _ = status_page(svc, **{"X-Forwarded-For": "10.20.4.7"})
    assert office.status_code == 200
    assert status_page(svc)[0].status_code == 200  # the machine itself


def test_a_file_that_left_the_folder_shows_until_its_release_is_withdrawn(service_factory):
    svc = service_factory(withdraw_grace_seconds=600).start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["published"])
    os.unlink(svc.releases / "press-release-lavrov-bourita.txt")
    name = "press-release-lavrov-bourita.txt"

    def state() -> str | None:
        li = files(status_page(svc)[1]).get(name)
        return None if li is None else li.get("data-state")

    svc.wait_for(lambda: state() == "missing")
    li = files(status_page(svc)[1])[name]
    assert "no longer in the folder" in text(li)
    assert li.cssselect(".reason time")  # when it will be withdrawn


def test_a_file_name_that_is_not_utf8_is_shown_escaped(service_factory):
    svc = service_factory().start()
    (svc.releases / "press.txt").write_text("Statement\n\n3 March 2021\n\nText of it.\n")
    with open(os.fsencode(str(svc.releases)) + b"/caf\xe9 note.txt", "wb") as f:
        f.write(b"Note\n\n4 March 2021\n\nText of the note.\n")
    response, page = status_page(svc)
    assert response.status_code == 200
    assert "caf\\xe9 note.txt" in files(page)
