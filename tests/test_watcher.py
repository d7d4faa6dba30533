"""The file watcher: events nudge a scan, and the watch follows the releases folder as it comes and goes."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from feedsvc.watcher import ReleaseWatcher


class Nudges:
    def __init__(self) -> None:
        self.event = threading.Event()

    def __call__(self) -> None:
        self.event.set()

    def after(self, action) -> bool:
        """True when `action` brings a nudge within five seconds."""
        self.event.clear()
        action()
        return self.event.wait(5)


def test_a_dropped_file_nudges_the_scheduler(tmp_path):
    nudges = Nudges()
    watcher = ReleaseWatcher(tmp_path, nudges)
    watcher.start()
    try:
        assert watcher.watching
        assert nudges.after(lambda: (tmp_path / "release.txt").write_text("Title\n\nBody.\n"))
    finally:
        watcher.stop()


def test_a_folder_that_appears_after_start_is_watched_from_the_next_scan(tmp_path, caplog):
    folder = tmp_path / "releases"
    nudges = Nudges()
    watcher = ReleaseWatcher(folder, nudges)
    with caplog.at_level(logging.WARNING, logger="feedsvc.watcher"):
        watcher.start()
        watcher.ensure()  # a scan with the folder still missing: no second warning
    try:
        assert not watcher.watching
        assert [r.getMessage() for r in caplog.records] == [
            f"not watching: {folder} is not a folder; relying on the periodic scan"]
        folder.mkdir()
        assert nudges.after(watcher.ensure)  # files may have come with the folder: scan again now
        assert watcher.watching
        assert nudges.after(lambda: (folder / "release.txt").write_text("Title\n\nBody.\n"))
    finally:
        watcher.stop()


def test_a_replaced_folder_is_watched_again(tmp_path):
    folder = tmp_path / "releases"
    folder.mkdir()
    nudges = Nudges()
    watcher = ReleaseWatcher(folder, nudges)
    watcher.start()
    try:
        folder.rename(tmp_path / "old")
        folder.mkdir()  # e.g. a share remounted, or the folder restored from a backup
        watcher.ensure()
        time.sleep(0.2)
        assert nudges.after(lambda: (folder / "release.txt").write_text("Title\n\nBody.\n"))
    finally:
        watcher.stop()


def test_nothing_is_watched_after_stop(tmp_path):
    watcher = ReleaseWatcher(Path(tmp_path), Nudges())
    watcher.start()
    watcher.stop()
    watcher.ensure()  # a scan that was still running when the service stopped
    assert not watcher.watching
