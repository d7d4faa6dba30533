"""The only module that imports APScheduler: runs the ingest at start, every scan_interval, and when nudged."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.schedulers.background import BackgroundScheduler

from feedsvc.models import ScanReport

log = logging.getLogger(__name__)

JOB_ID = "scan"


class SchedulerLock:
    """An exclusive lock beside the database, so a second scheduler on the same store refuses to start.

    flock is released by the kernel when the process dies (even by SIGKILL), so a crash never leaves it stale.
    It holds on one host only, which is also all SQLite's WAL mode supports.
    """

    def __init__(self, database: str | os.PathLike):
        self.path = f"{os.fspath(database)}.scheduler.lock"
        self._file = None

    def acquire(self) -> bool:
        file = open(self.path, "a+")  # kept open while the lock is held
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            file.close()
            return False
        file.seek(0)
        file.truncate()
        file.write(f"{os.getpid()}\n")
        file.flush()
        self._file = file
        return True

    def holder(self) -> str:
        try:
            with open(self.path) as f:
                return f.read().strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class ScanScheduler:
    """Exactly one of these runs per deployment (in the `feedsvc serve` main process, never in web workers)."""

    def __init__(self, job: Callable[[threading.Event], ScanReport], interval: float):
        self.job = job
        self.interval = interval
        self.stop_event = threading.Event()
        self.last_error: str | None = None
        self._nudge_lock = threading.Lock()
        self._running = False
        self._again: float | None = None  # a nudge that came while a scan was running
        self.scheduler = BackgroundScheduler(
            timezone=UTC,
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self.scheduler.add_listener(self._on_problem, EVENT_JOB_ERROR | EVENT_JOB_MISSED)

    def start(self) -> None:
        self.scheduler.add_job(self._run, "interval", seconds=self.interval, id=JOB_ID, replace_existing=True,
                               next_run_time=datetime.now(UTC))
        self.scheduler.start()
        log.info("scheduler started: a scan now and every %gs", self.interval)

    def shutdown(self) -> None:
        """Stop between files; never wait for a long scan to finish."""
        self.stop_event.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        log.info("scheduler stopped")

    def nudge(self, delay: float = 0.0) -> None:
        """Run the scan after `delay` seconds, unless it is already due sooner."""
        when = datetime.now(UTC) + timedelta(seconds=max(delay, 0.0))
        with self._nudge_lock:
            if self._running:
                # APScheduler would skip a run that overlaps (max_instances=1): remember it for after this one.
                self._again = delay if self._again is None else min(self._again, delay)
                return
            job = self.scheduler.get_job(JOB_ID)
            if job is None or self.stop_event.is_set():
                return
            if job.next_run_time is None or when < job.next_run_time:
                job.modify(next_run_time=when)

    def _run(self) -> None:
        with self._nudge_lock:
            self._running = True
        try:
            report = self.job(self.stop_event)
        finally:
            with self._nudge_lock:
                self._running = False
                again, self._again = self._again, None
        self.last_error = None
        if report.next_check is not None:
            self.nudge(report.next_check + 0.05)
        if report.next_release is not None:
            self.nudge((report.next_release - datetime.now(UTC)).total_seconds() + 0.05)
        if again is not None:
            self.nudge(again)

    def _on_problem(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MISSED:
            log.warning("scan run missed its time (%s)", event.scheduled_run_time)
        else:
            self.last_error = f"{type(event.exception).__name__}: {event.exception}"
            log.error("scan failed: %s", self.last_error, exc_info=event.exception)
