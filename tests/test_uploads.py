"""Half-written uploads: where inotify reports closes (Linux), a file still open for writing is not read until it is
closed, however long the writer pauses; elsewhere the settle time decides."""

from __future__ import annotations

import os
import threading
import time

import feedparser
import requests

from conftest import drop
from feedsvc.watcher import ReleaseWatcher

HEAD = "Statement on the upload that pauses\n\n2 June 2025\n\nThe first part of the text arrived.\n\n"
TAIL = "The last part of the text arrived much later. END-OF-RELEASE\n"


def atom(svc):
    return feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=5).content)


def test_an_upload_that_pauses_longer_than_the_settle_time_is_read_only_once_closed(service_factory):
    svc = service_factory(settle_seconds=0.3, scan_interval=0.5).start()
    assert "watching" in svc.log()
    with open(svc.releases / "paused.txt", "w", encoding="utf-8") as upload:
        upload.write(HEAD)
        upload.flush()
        os.fsync(upload.fileno())
        time.sleep(2.0)  # more than six times settle_seconds, with scans every half second
        assert atom(svc).entries == []
        pending = requests.get(svc.url + "/healthz", timeout=5).json()["last_scan"]["pending"]
        assert pending == 1
        upload.write(TAIL)
    entries = svc.wait_for(lambda: atom(svc).entries, timeout=10)
    assert len(entries) == 1 and "END-OF-RELEASE" in entries[0].content[0].value


def test_without_file_events_the_settle_time_still_guards_a_slow_upload(service_factory):
    svc = service_factory(settle_seconds=1.5, scan_interval=0.3, watch="false").start()
    with open(svc.releases / "slow.txt", "w", encoding="utf-8") as upload:
        upload.write(HEAD)
        upload.flush()
        time.sleep(0.8)  # a pause shorter than the settle time
        assert atom(svc).entries == []
        upload.write(TAIL)
    entries = svc.wait_for(lambda: atom(svc).entries, timeout=10)
    assert "END-OF-RELEASE" in entries[0].content[0].value


def test_a_hard_link_or_a_file_renamed_in_is_never_taken_for_one_still_being_written(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text(HEAD + TAIL)
    watcher = ReleaseWatcher(folder, lambda: None)
    watcher.start()
    try:
        with open(folder / "open.txt", "w") as f:
            f.write(HEAD)
            f.flush()
            assert wait_for(lambda: watcher.write_status("open.txt") == "writing")
        assert wait_for(lambda: watcher.write_status("open.txt") == "closed")
        (tmp_path / "staged.txt").write_text(HEAD)
        os.rename(tmp_path / "staged.txt", folder / "renamed-in.txt")
        os.link(outside, folder / "linked.txt")
        with open(folder / "linked.txt") as f:  # a reader (the scan) opens it: still not a writer
            f.read()
        time.sleep(0.3)
        assert watcher.write_status("renamed-in.txt") is None
        assert watcher.write_status("linked.txt") is None
        os.rename(folder / "open.txt", folder / "sub-renamed.txt")
        assert wait_for(lambda: watcher.write_status("sub-renamed.txt") == "closed")
    finally:
        watcher.stop()
    assert watcher.write_status("sub-renamed.txt") is None  # no watch, no close events: the settle rule


def test_a_close_brings_a_scan_at_once_and_a_change_one_after_the_settle_time(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    calls: list[str] = []
    closed = threading.Event()
    watcher = ReleaseWatcher(folder, lambda: calls.append("change"),
                             closed=lambda: (calls.append("closed"), closed.set()))
    watcher.start()
    try:
        drop(folder, "a.txt", HEAD)
        assert closed.wait(5)
        assert "closed" in calls and calls.index("change") < calls.index("closed")  # created, written, closed
    finally:
        watcher.stop()


def wait_for(predicate, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False
