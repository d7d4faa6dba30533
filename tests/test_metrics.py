"""/metrics through the real service: Prometheus text format with scans, releases, requests, 304s, renders and the
age of the last scan, summed over every web worker."""

from __future__ import annotations

import time

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from conftest import drop


def scrape(url: str) -> dict[tuple[str, tuple], float]:
    response = requests.get(url + "/metrics", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
    samples = {}
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_count_scans_releases_requests_not_modified_and_renders(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    drop(svc.releases, "embargoed-consulate-opening.txt")
    drop(svc.releases, "empty.txt")
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["rejected"] and
                 requests.get(svc.url + "/healthz", timeout=5).json()["held"])
    before = scrape(svc.url)
    first = requests.get(svc.url + "/feed.atom", timeout=5)
    for _ in range(7):
        assert requests.get(svc.url + "/feed.atom", timeout=5).status_code == 200
    for _ in range(4):
        assert requests.get(svc.url + "/feed.atom", headers={"If-None-Match": first.headers["ETag"]},
                            timeout=5).status_code == 304
    assert requests.get(svc.url + "/", timeout=5).status_code == 200
    assert requests.get(svc.url + "/releases/nothing-here", timeout=5).status_code == 404
    assert requests.get(svc.url + "/feed.atom?page=99", timeout=5).status_code == 404
    after = scrape(svc.url)

    def grew(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("feedsvc_http_requests_total", family="feed", status="200") == 8
    assert grew("feedsvc_http_requests_total", family="feed", status="304") == 4
    assert grew("feedsvc_http_not_modified_total", family="feed") == 4
    assert grew("feedsvc_http_requests_total", family="feed", status="404") == 1
    assert grew("feedsvc_http_requests_total", family="page", status="200") == 1
    assert grew("feedsvc_http_requests_total", family="page", status="404") == 1
    assert value(after, "feedsvc_http_requests_total", family="health", status="200") >= 2
    # scans: how many, how long, what they did with the files
    scans = value(after, "feedsvc_scans_total")
    assert scans >= 1
    assert value(after, "feedsvc_scan_duration_seconds_count") == scans
    assert value(after, "feedsvc_scan_duration_seconds_bucket", le="+Inf") == scans
    assert value(after, "feedsvc_scan_errors_total") == 0
    assert value(after, "feedsvc_scan_files_total", outcome="added") == 1
    assert value(after, "feedsvc_scan_files_total", outcome="held") == 1
    assert value(after, "feedsvc_scan_files_total", outcome="rejected") >= 1
    # releases published, held and rejected
    assert value(after, "feedsvc_releases", state="published") == 1
    assert value(after, "feedsvc_releases", state="held") == 1
    assert value(after, "feedsvc_files_rejected") == 1
    # feed render time and the age of the last scan
    assert value(after, "feedsvc_feed_render_seconds_count", where="scan") >= 1
    assert value(after, "feedsvc_feed_render_seconds_count", where="request") >= 0
    assert 0 <= value(after, "feedsvc_last_scan_age_seconds") < 30
    assert value(after, "feedsvc_last_scan_timestamp_seconds") > time.time() - 60


def test_an_archive_page_rendered_on_request_is_timed(service_factory):
    svc = service_factory(feed_size=1).start()
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    drop(svc.releases, "412-09-06-2022.txt")
    svc.wait_for(lambda: requests.get(svc.url + "/feed.atom?page=2", timeout=5).status_code == 200)
    assert value(scrape(svc.url), "feedsvc_feed_render_seconds_count", where="request") >= 1


@pytest.mark.timeout(90)
def test_metrics_sum_the_requests_of_every_web_worker_process(service_factory):
    svc = service_factory(args=["--workers", "2"]).start(timeout=60)
    drop(svc.releases, "press-release-lavrov-bourita.txt")
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["published"])
    start = value(scrape(svc.url), "feedsvc_http_requests_total", family="feed", status="200")
    for _ in range(60):  # new connections: granian spreads them over both workers
        assert requests.get(svc.url + "/feed.rss", timeout=5).status_code == 200
    # each worker writes its counts within a second of answering; then any worker's /metrics sums them all, so
    # scrapes that land on either one (the kernel picks) agree
    def feed_answers() -> float:
        return value(scrape(svc.url), "feedsvc_http_requests_total", family="feed", status="200") - start

    svc.wait_for(lambda: all(feed_answers() == 60 for _ in range(8)), timeout=20)
    samples = scrape(svc.url)
    assert value(samples, "feedsvc_scans_total") >= 1  # the scheduler runs in the main process, not a worker
    folder = svc.database.with_name(svc.database.name + ".metrics")
    assert 1 <= len(list(folder.glob("web-*.json"))) <= 2


def test_a_failed_scan_counts_as_a_scan_error(client, ingest, monkeypatch):
    ingest.run()

    def broken(*args, **kwargs):
        raise OSError("disk I/O error")

    monkeypatch.setattr(ingest.scanner, "scan", broken)
    report = ingest.run()  # a failed pass is reported, never raised
    assert [o.action for o in report.outcomes] == ["error"]
    samples = {}
    for family in text_string_to_metric_families(client.get("/metrics").get_data(as_text=True)):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    assert value(samples, "feedsvc_scans_total") == 2
    assert value(samples, "feedsvc_scan_errors_total") == 1
