"""WebSub: hubs are pinged with hub.mode=publish when a feed changes, failures are retried, scans never wait."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from conftest import drop
from feedsvc.service import Ingest
from feedsvc.settings import Settings
from feedsvc.websub import HubPinger


class Hub:
    """A tiny local WebSub hub that records publish pings; it can fail the first N requests."""

    def __init__(self, fail_first: int = 0):
        self.pings: list[dict] = []
        self.failures_left = fail_first
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if hub.failures_left > 0:
                    hub.failures_left -= 1
                    self.send_response(503)
                else:
                    hub.pings.append(form)
                    self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and len(self.pings) < count:
            time.sleep(0.02)
        return self.pings


@pytest.fixture
def hub():
    h = Hub()
    yield h
    h.close()


def test_the_pinger_posts_publish_for_each_changed_feed(hub):
    pinger = HubPinger((hub.url,))
    pinger.start()
    pinger.notify(["http://127.0.0.1:8080/feed.atom", "http://127.0.0.1:8080/feed.rss"])
    pings = hub.wait_for(2)
    pinger.stop()
    assert sorted(p["hub.url"] for p in pings) == ["http://127.0.0.1:8080/feed.atom",
                                                    "http://127.0.0.1:8080/feed.rss"]
    assert {p["hub.mode"] for p in pings} == {"publish"}


def test_a_failing_hub_is_retried_until_it_answers():
    hub = Hub(fail_first=2)
    pinger = HubPinger((hub.url,), retry_delays=(0.05, 0.05, 0.05))
    pinger.start()
    pinger.notify(["http://127.0.0.1:8080/feed.atom"])
    assert len(hub.wait_for(1)) == 1
    pinger.stop()
    hub.close()


def test_an_unreachable_hub_never_blocks_the_caller():
    pinger = HubPinger(("http://127.0.0.1:9/",), timeout=0.5, retry_delays=(0.05,))
    pinger.start()
    started = time.monotonic()
    pinger.notify(["http://127.0.0.1:8080/feed.atom"] * 50)
    assert time.monotonic() - started < 1.0  # queuing only; the thread does the network work
    pinger.stop()


def test_feeds_changed_callback_fires_on_new_release_and_when_an_embargo_passes(tmp_path, releases):
    settings = Settings.from_mapping({"releases_dir": str(releases), "database": str(tmp_path / "db.sqlite3"),
                                      "settle_seconds": 0, "timezone": "UTC"})
    ingest = Ingest(settings)
    changed: list[list[str]] = []
    ingest.on_feeds_changed.append(changed.append)
    now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
    ingest.run(now=now)
    changed.clear()
    embargo = now + timedelta(hours=1)
    drop(releases, "embargoed.md", (
        "---\ntitle: Held release\ndate: 2026-11-28T13:00:00Z\n"
        f"embargo: {embargo.isoformat().replace('+00:00', 'Z')}\n---\n\nThe text of the held release.\n"))
    report = ingest.run(now=now)
    assert [o.action for o in report.outcomes] == ["held"]
    assert changed == []  # nothing visible changed yet: no hub is pinged
    changed.clear()
    report = ingest.run(now=embargo + timedelta(seconds=1))
    assert [o.action for o in report.outcomes] == ["published"]
    assert "/feed.atom" in changed[0] and "/feed.rss" in changed[0]
