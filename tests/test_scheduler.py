"""The scheduler: a scan at start, one at a time, sooner when nudged, follow-ups for unsettled files, quick stop."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest

from feedsvc.models import ScanReport
from feedsvc.scheduler import ScanScheduler, SchedulerLock


def wait_until(predicate, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@contextmanager
def running(job, interval: float = 3600):
    """A started scheduler around `job`, always shut down."""
    scheduler = ScanScheduler(job, interval=interval)
    scheduler.start()
    try:
        yield scheduler
    finally:
        scheduler.shutdown()


class Job:
    """A stand-in scan that records when it ran and how many ran at once."""

    def __init__(self, duration=0.0, report=None):
        self.duration = duration
        self.report = report or (lambda: ScanReport(started=datetime.now(UTC)))
        self.runs: list[float] = []
        self.running = 0
        self.most_at_once = 0
        self.lock = threading.Lock()

    def __call__(self, stop: threading.Event) -> ScanReport:
        with self.lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        self.runs.append(time.monotonic())
        stop.wait(self.duration)
        with self.lock:
            self.running -= 1
        return self.report()


def test_a_scan_runs_at_start_without_waiting_for_the_interval():
    job = Job()
    with running(job):
        assert wait_until(lambda: len(job.runs) == 1)


def test_a_nudge_runs_the_scan_soon_and_never_two_at_once():
    job = Job(duration=0.3)
    with running(job) as scheduler:
        assert wait_until(lambda: len(job.runs) >= 1)
        for _ in range(20):
            scheduler.nudge()
            time.sleep(0.02)
        assert wait_until(lambda: len(job.runs) >= 2)
        assert job.most_at_once == 1


@pytest.mark.parametrize("follow_up", [
    {"next_check": 0.2},  # a file was still being written
    {"next_release": "soon"},  # a held release is due
])
def test_the_scheduler_comes_back_when_the_last_scan_asks_for_it(follow_up):
    if follow_up.get("next_release"):
        follow_up = {"next_release": datetime.now(UTC) + timedelta(seconds=0.3)}
    reports = iter([ScanReport(started=datetime.now(UTC), **follow_up)])
    job = Job(report=lambda: next(reports, ScanReport(started=datetime.now(UTC))))
    with running(job):
        assert wait_until(lambda: len(job.runs) >= 2, timeout=5)


def test_a_failing_scan_is_recorded_and_the_next_one_still_runs():
    calls = []

    def job(stop):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("disk on fire")
        return ScanReport(started=datetime.now(UTC))

    with running(job) as scheduler:
        assert wait_until(lambda: scheduler.last_error is not None)
        assert "disk on fire" in scheduler.last_error
        scheduler.nudge()
        assert wait_until(lambda: len(calls) >= 2)


def test_shutdown_signals_a_running_scan_to_stop_and_does_not_wait_for_it():
    job = Job(duration=30)
    scheduler = ScanScheduler(job, interval=3600)
    scheduler.start()
    assert wait_until(lambda: job.running == 1)
    scheduler.shutdown()
    assert scheduler.stop_event.is_set()
    assert wait_until(lambda: job.running == 0, timeout=5)  # the job saw the stop event


def test_a_nudge_during_a_running_scan_gets_a_run_right_after_it():
    job = Job(duration=0.5)
    with running(job) as scheduler:
        assert wait_until(lambda: job.running == 1)
        scheduler.nudge()  # a file event while the first scan is still running
        assert wait_until(lambda: len(job.runs) >= 2, timeout=5)
        assert job.most_at_once == 1


def test_a_second_scheduler_on_the_same_database_is_refused_until_the_first_lets_go(tmp_path):
    first, second = SchedulerLock(tmp_path / "db.sqlite3"), SchedulerLock(tmp_path / "db.sqlite3")
    assert first.acquire()
    assert not second.acquire()
    assert second.holder() == str(os.getpid())
    first.release()
    assert second.acquire()
    second.release()
