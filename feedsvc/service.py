"""One ingest pass, shared by `feedsvc scan` and the scheduled job: scan, re-render the feeds, record health."""

from __future__ import annotations

import json
import logging
import threading
from collections import Counter
from datetime import UTC, datetime

from feedsvc import feeds
from feedsvc.models import ScanReport
from feedsvc.scanner import Scanner
from feedsvc.settings import Settings
from feedsvc.store import Store

log = logging.getLogger(__name__)

REPORTED_ACTIONS = ("added", "revised", "removed", "held", "published", "rejected", "pending", "error")


class Ingest:
    """Scanner + feed rendering over one store; `run()` is the job the scheduler and the CLI both call."""

    def __init__(self, settings: Settings, store: Store | None = None):
        self.settings = settings
        self.store = store or Store(settings.database)
        self.scanner = Scanner(settings, self.store)
        self._rendered_once = False
        self.on_feeds_changed: list = []  # callables(keys: list[str]) run after new documents are stored

    def run(self, now: datetime | None = None, stop: threading.Event | None = None) -> ScanReport:
        now = now or datetime.now(UTC)
        report = self.scanner.scan(now, stop)
        if report.changed or not self._rendered_once:
            changed_keys = self.render(now)
            report.rendered = True
            for callback in self.on_feeds_changed:
                try:
                    callback(changed_keys)
                except Exception:
                    log.exception("feed-change callback failed")
        report.next_release = self.store.next_release_time(now)
        self.store.set_meta("last_scan", json.dumps(summarize(report)))
        counts = Counter(o.action for o in report.outcomes)
        log.info("scan done in %.2fs: %s", report.seconds,
                 ", ".join(f"{counts[a]} {a}" for a in REPORTED_ACTIONS if counts[a]) or "no changes")
        return report

    def render(self, now: datetime) -> list[str]:
        """Rebuild the front feed documents; returns the keys whose bytes changed."""
        before = {d.key: d.etag for d in self.store.documents()}
        documents = feeds.render_front_pages(self.store, self.settings, now)
        self.store.replace_documents(documents)
        self._rendered_once = True
        return [d.key for d in documents if before.get(d.key) != d.etag]


def summarize(report: ScanReport) -> dict:
    """The last scan as /healthz shows it."""
    counts = Counter(o.action for o in report.outcomes)
    return {
        "when": report.started.isoformat(timespec="seconds"),
        "seconds": round(report.seconds, 3),
        "changes": {a: counts[a] for a in ("added", "revised", "removed", "held", "published")},
        "rejected": counts["rejected"],
        "pending": counts["pending"],
        "errors": [o.reason for o in report.outcomes if o.action == "error"],
    }
