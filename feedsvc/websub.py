"""WebSub publisher pings: tell each hub which feed URLs changed; a failing hub is retried, never blocks a scan."""

from __future__ import annotations

import logging
import queue
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

log = logging.getLogger(__name__)

RETRY_DELAYS = (2.0, 10.0, 60.0, 300.0)  # seconds before the 2nd, 3rd, ... attempt


def ping(hub: str, feed_url: str, timeout: float = 10.0) -> None:
    """One `hub.mode=publish` POST; raises on a network error or a non-2xx answer."""
    data = urlencode({"hub.mode": "publish", "hub.url": feed_url}).encode()
    request = urllib.request.Request(hub, data=data, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "User-Agent": "feedsvc"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if not 200 <= response.status < 300:
                raise urllib.error.HTTPError(hub, response.status, response.reason, response.headers, None)
    except urllib.error.HTTPError as refused:
        refused.close()  # an error answer holds its connection open until closed
        raise


class HubPinger:
    """A background thread that delivers pings in order and retries failures with growing delays."""

    def __init__(self, hubs: tuple[str, ...], timeout: float = 10.0,
                 retry_delays: tuple[float, ...] = RETRY_DELAYS):
        self.hubs = hubs
        self.timeout = timeout
        self.retry_delays = retry_delays
        self._queue: queue.Queue[tuple[float, str, str, int] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    def start(self) -> None:
        if self.hubs and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="websub", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._queue.put(None)

    def notify(self, feed_urls: list[str]) -> None:
        """Queue a ping to every hub for every changed feed URL; returns at once."""
        for hub in self.hubs:
            for url in feed_urls:
                self._queue.put((time.monotonic(), hub, url, 0))

    def _run(self) -> None:
        while not self._stop.is_set():
            item = self._queue.get()
            if item is None:
                return
            due, hub, url, attempt = item
            if (wait := due - time.monotonic()) > 0:
                if self._stop.wait(min(wait, 1.0)):
                    return
                self._queue.put(item)
                continue
            try:
                ping(hub, url, self.timeout)
                log.info("pinged WebSub hub %s for %s", hub, url)
            except (OSError, ValueError) as e:
                if attempt < len(self.retry_delays):
                    delay = self.retry_delays[attempt]
                    log.warning("WebSub hub %s failed for %s (%s); retrying in %gs", hub, url, e, delay)
                    self._queue.put((time.monotonic() + delay, hub, url, attempt + 1))
                else:
                    log.error("WebSub hub %s failed for %s after %d attempts: %s", hub, url, attempt + 1, e)
