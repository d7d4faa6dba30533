"""The only module that imports prometheus_client: what /metrics shows, and how it is counted cheaply.

Two kinds of numbers, kept where every deployment shape can read them:
- The scheduler's (scans, their duration, errors, files by outcome, feed renders of a scan) are kept in the store
  (meta key `metrics`), updated once per scan: any web worker, or a web server run apart from `feedsvc worker`,
  reads them at scrape time.
- The web side's (requests by route family and status, archive-page renders) are counted in plain dicts in each
  web process: a dict increment costs tens of nanoseconds, so the feed fast path pays nothing measurable
  (bench/bench_metrics.py). Each process writes its counts, at most once a second and only while it answers
  requests, to a small file in `<database>.metrics/`, so a scrape of any one worker sums them all.

Counters only grow while the service runs; the web-side files are cleared when `feedsvc serve` starts (a restart
is a counter reset, which Prometheus expects).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import CollectorRegistry

# The text format every Prometheus reads (our names need none of 1.0.0's escaping).
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
META_KEY = "metrics"
SCAN_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)
RENDER_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
FLUSH_SECONDS = 1.0
OUTCOMES = ("added", "revised", "moved", "missing", "removed", "held", "published", "rejected", "pending", "error")

# Route families, by Flask endpoint; the feed fast path counts under "feed" itself.
FAMILIES = {
    "pages.index": "page", "pages.release": "page", "status.status": "status", "health.healthz": "health",
    "metrics.show": "metrics", "originals.original": "original",
}


class Histogram:
    """Bucket counts, a sum and a count: observed in one process, added across processes."""

    def __init__(self, buckets: tuple[float, ...], data: dict | None = None):
        self.buckets = buckets
        self.counts = list((data or {}).get("counts") or [0] * (len(buckets) + 1))
        if len(self.counts) != len(buckets) + 1:
            self.counts = [0] * (len(buckets) + 1)
        self.sum = float((data or {}).get("sum", 0.0))

    def observe(self, value: float) -> None:
        index = len(self.buckets)
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                index = i
                break
        self.counts[index] += 1
        self.sum += value

    def add(self, other: Histogram) -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts, strict=True)]
        self.sum += other.sum

    def as_dict(self) -> dict:
        return {"counts": list(self.counts), "sum": self.sum}

    def family(self, name: str, documentation: str, labels: dict[str, str] | None = None,
               family: HistogramMetricFamily | None = None) -> HistogramMetricFamily:
        """As Prometheus wants it: cumulative buckets up to +Inf."""
        family = family or HistogramMetricFamily(name, documentation, labels=list(labels or {}))
        cumulative, running = [], 0
        for bound, count in zip([*map(str, self.buckets), "+Inf"], self.counts, strict=True):
            running += count
            cumulative.append((bound, running))
        family.add_metric(list((labels or {}).values()), cumulative, self.sum)
        return family


# (family, status) -> count, for every answer but the fast path's. Incremented with `COUNTS[key] += 1` only:
# under the GIL no thread switch falls inside that statement (it makes no call), so no count is lost.
COUNTS: dict[tuple[str, str], int] = {}
# The fast path's own answers, a list indexed by a constant: `FAST[FEED_200] += 1` is the cheapest count Python
# has (no hashing), about 20 ns.
FEED_200, FEED_304 = 0, 1
FAST = [0, 0]
_FAST_KEYS = (("feed", "200"), ("feed", "304"))
ARCHIVE_RENDERS = Histogram(RENDER_BUCKETS)
_flush_lock = threading.Lock()
_writer: threading.Thread | None = None
_folder: Path | None = None


def count(family: str, status: int | str) -> None:
    """One answered request (not for the hot path, which increments COUNTS directly)."""
    key = (family, str(status))
    try:
        COUNTS[key] += 1
    except KeyError:
        COUNTS.setdefault(key, 0)
        COUNTS[key] += 1


def family_of(endpoint: str | None) -> str:
    return FAMILIES.get(endpoint or "", "other")


def observe_archive_render(seconds: float) -> None:
    """A feed document rendered in a web worker (an archive page or a rare variant)."""
    with _flush_lock:
        ARCHIVE_RENDERS.observe(seconds)


def folder_for(database: str | os.PathLike) -> Path:
    """Where web processes leave their counts: beside the database."""
    return Path(f"{os.fspath(database)}.metrics")


def use_folder(database: str | os.PathLike) -> None:
    """Web processes of this database share their counts through its metrics folder."""
    global _folder
    _folder = folder_for(database)


def reset_folder(database: str | os.PathLike) -> None:
    """At `feedsvc serve` start: the counts of an earlier run are not this run's."""
    shutil.rmtree(folder_for(database), ignore_errors=True)


def maybe_flush(now: float | None = None) -> None:
    """Make sure this process writes its counts to the metrics folder, once a second while they change.

    Called where the web side already looks at the clock now and then (the document cache's refresh check, and
    the Flask side after each answer), so the fast path pays nothing: the first call starts a small thread that
    wakes once a second and writes the counts when they changed. A process that answers nothing writes nothing.
    """
    global _writer
    if _writer is None and _folder is not None:
        with _flush_lock:
            if _writer is None:
                _writer = threading.Thread(target=_write_while_counting, name="feedsvc-metrics", daemon=True)
                _writer.start()


def _write_while_counting() -> None:
    written = None
    while True:
        time.sleep(FLUSH_SECONDS)
        with _flush_lock:
            state = (sum(COUNTS.values()), sum(FAST), sum(ARCHIVE_RENDERS.counts))
        if state != written:
            flush()
            written = state


def flush() -> None:
    """Write this process's counts now (atomically: a scrape never reads half a file)."""
    if _folder is None:
        return
    with _flush_lock:
        snapshot = {"requests": [[f, s, n] for (f, s), n in _local_requests().items()],
                    "archive_renders": ARCHIVE_RENDERS.as_dict()}
    try:
        _folder.mkdir(parents=True, exist_ok=True)
        target = _folder / f"web-{os.getpid()}.json"
        tmp = _folder / f".web-{os.getpid()}.tmp"
        tmp.write_text(json.dumps(snapshot))
        os.replace(tmp, target)
    except OSError:
        pass  # metrics never stop the service; the next write tries again


def _local_requests() -> dict[tuple[str, str], int]:
    requests = {key: n for key, n in list(COUNTS.items()) if n}
    for key, n in zip(_FAST_KEYS, list(FAST), strict=True):
        if n:
            requests[key] = requests.get(key, 0) + n
    return requests


def _web_totals() -> tuple[dict[tuple[str, str], int], Histogram]:
    """This process's live counts plus every other web process's last written ones."""
    requests = _local_requests()
    renders = Histogram(RENDER_BUCKETS)
    with _flush_lock:
        renders.add(ARCHIVE_RENDERS)
    if _folder is not None and _folder.is_dir():
        own = f"web-{os.getpid()}.json"
        for path in _folder.glob("web-*.json"):
            if path.name == own:
                continue
            try:
                data = json.loads(path.read_text())
            except (OSError, ValueError):
                continue
            for family, status, n in data.get("requests", []):
                requests[(family, status)] = requests.get((family, status), 0) + int(n)
            renders.add(Histogram(RENDER_BUCKETS, data.get("archive_renders")))
    return requests, renders


def record_scan(store, seconds: float, outcomes: Iterable[str], failed: bool,
                render_seconds: Iterable[float] = ()) -> None:
    """Add one scan to the counts kept in the store (called by the one process that scans, once per pass)."""
    data = json.loads(store.get_meta(META_KEY) or "{}")
    data["scans"] = data.get("scans", 0) + 1
    data["errors"] = data.get("errors", 0) + (1 if failed else 0)
    duration = Histogram(SCAN_BUCKETS, data.get("duration"))
    duration.observe(seconds)
    data["duration"] = duration.as_dict()
    files = data.get("files", {})
    for outcome in outcomes:
        files[outcome] = files.get(outcome, 0) + 1
    data["files"] = files
    renders = Histogram(RENDER_BUCKETS, data.get("renders"))
    for value in render_seconds:
        renders.observe(value)
    data["renders"] = renders.as_dict()
    store.set_meta(META_KEY, json.dumps(data))


class Collector:
    """Everything /metrics shows, read at scrape time."""

    def __init__(self, store, settings):
        self.store = store
        self.settings = settings

    def collect(self):
        now = datetime.now(UTC)
        requests, archive_renders = _web_totals()
        family = CounterMetricFamily("feedsvc_http_requests", "HTTP requests answered, by route family and status",
                                     labels=["family", "status"])
        for (route, status), n in sorted(requests.items()):
            family.add_metric([route, status], n)
        yield family
        not_modified = CounterMetricFamily("feedsvc_http_not_modified", "304 Not Modified answers, by route family",
                                           labels=["family"])
        for (route, status), n in sorted(requests.items()):
            if status == "304":
                not_modified.add_metric([route], n)
        yield not_modified

        data = json.loads(self.store.get_meta(META_KEY) or "{}")
        yield CounterMetricFamily("feedsvc_scans", "Scans of the releases folder", value=data.get("scans", 0))
        yield CounterMetricFamily("feedsvc_scan_errors", "Scans that failed", value=data.get("errors", 0))
        yield Histogram(SCAN_BUCKETS, data.get("duration")).family("feedsvc_scan_duration_seconds",
                                                                   "How long a scan took")
        files = CounterMetricFamily("feedsvc_scan_files", "Files a scan did something with, by outcome",
                                    labels=["outcome"])
        for outcome in OUTCOMES:
            files.add_metric([outcome], data.get("files", {}).get(outcome, 0))
        yield files
        renders = HistogramMetricFamily("feedsvc_feed_render_seconds",
                                        "Feed rendering: where=scan is every front document of a scan together; "
                                        "where=request is one archive document rendered in a web worker",
                                        labels=["where"])
        Histogram(RENDER_BUCKETS, data.get("renders")).family("", "", {"where": "scan"}, renders)
        archive_renders.family("", "", {"where": "request"}, renders)
        yield renders

        releases = GaugeMetricFamily("feedsvc_releases", "Releases in the store, by state", labels=["state"])
        releases.add_metric(["published"], self.store.count_entries(now))
        releases.add_metric(["held"], self.store.count_held(now))
        yield releases
        yield GaugeMetricFamily("feedsvc_files_rejected", "Files in the folder that were rejected (see /status)",
                                value=len(self.store.rejections()))
        last_scan = json.loads(self.store.get_meta("last_scan") or "null")
        if last_scan is not None:
            when = datetime.fromisoformat(last_scan["when"])
            yield GaugeMetricFamily("feedsvc_last_scan_timestamp_seconds", "When the last scan started (Unix time)",
                                    value=when.timestamp())
            yield GaugeMetricFamily("feedsvc_last_scan_age_seconds", "Seconds since the last scan started",
                                    value=max(0.0, (now - when).total_seconds()))


def exposition(store, settings) -> bytes:
    """The Prometheus text format of everything above."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(Collector(store, settings))
    return generate_latest(registry)
