"""The long-running side of `feedsvc serve` and `feedsvc worker`: one scheduler per database (a lock), the file
watcher that nudges it, the WebSub hub pinger and the export follower, wired to one Ingest and stopped together."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from feedsvc.scheduler import ScanScheduler, SchedulerLock
from feedsvc.service import Ingest
from feedsvc.settings import Settings
from feedsvc.websub import HubPinger

log = logging.getLogger("feedsvc")

CLOSED_DEBOUNCE = 0.1  # seconds from a writer's close to the scan that reads the file (a burst of closes: one scan)


def start_background(settings: Settings) -> Callable[[], None] | None:
    """Start the one scheduler (and the file watcher); returns the function that stops them, or None when
    another process already schedules scans for this database."""
    Path(settings.database).parent.mkdir(parents=True, exist_ok=True)
    lock = SchedulerLock(settings.database)
    if not lock.acquire():
        log.error("another feedsvc process (pid %s) already scans for %s; not starting a second scheduler",
                  lock.holder(), settings.database)
        return None
    ingest = Ingest(settings)
    pinger = HubPinger(settings.websub_hubs)
    pinger.start()
    ingest.on_feeds_changed.append(lambda keys: pinger.notify([settings.base_url + key for key in keys]))
    follower = None
    if settings.export_dir:
        from feedsvc.export import ExportFollower

        follower = ExportFollower(settings, Path(settings.export_dir))
        ingest.on_feeds_changed.append(follower.notify)
        follower.start()
    watcher = None
    if settings.watch:
        from feedsvc.watcher import ReleaseWatcher

        watcher = ReleaseWatcher(settings.releases_dir, lambda: scheduler.nudge(settings.settle_seconds + 0.1),
                                 closed=lambda: scheduler.nudge(CLOSED_DEBOUNCE))
        ingest.scanner.write_status = watcher.write_status

    def scan(stop: threading.Event):
        try:
            return ingest.run(stop=stop, wait_for_reads=False)  # a slow read is stored by a later pass
        finally:
            if watcher:
                watcher.ensure()  # the folder may have appeared, or been replaced, since the watch began

    scheduler = ScanScheduler(scan, settings.scan_interval)
    ingest.on_read_done.append(lambda: scheduler.nudge(0.05))  # a slow read finished: store it now
    scheduler.start()
    if watcher:
        watcher.start()

    def shutdown() -> None:
        scheduler.shutdown()
        if watcher:
            watcher.stop()
        pinger.stop()
        if follower:
            follower.stop()
        ingest.health.close()
        lock.release()

    return shutdown
