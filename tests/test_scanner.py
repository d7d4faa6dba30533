"""The scanner: walks subfolders, reads only new and changed settled files, keeps ids, withdraws what is gone."""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from conftest import drop
from feedsvc import intake, scanner
from feedsvc.folder import is_ignored
from feedsvc.service import Ingest
from tests.hostile import shared_stream_pdf


def release_text(n: int, words: str = "") -> str:
    """A small valid plain-text release; `n` makes the title, date and content unique."""
    day = datetime(2024, 1, 1) + timedelta(days=n % 700)
    return (f"Statement number {n} on cooperation\n\nMoscow, {day:%d %B %Y}\n\n"
            f"The ministry published statement {n} about trade and culture. {words}\n")


def with_action(report, action: str) -> list:
    return [o for o in report.outcomes if o.action == action]


def actions(report) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for o in report.outcomes:
        found.setdefault(o.action, []).append(o.path)
    return {k: sorted(v) for k, v in found.items()}


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every file the scanner actually opens and reads, by path."""
    seen: list[str] = []
    real = intake.read_settled

    def counting(full, st, *args):
        seen.append(full)
        return real(full, st, *args)

    monkeypatch.setattr(intake, "read_settled", counting)
    return seen


def with_settings(ingest: Ingest, **changes) -> Ingest:
    return Ingest(dataclasses.replace(ingest.settings, **changes), ingest.store)


def test_subfolders_are_walked(releases, ingest):
    drop(releases, "a.txt", release_text(1))
    drop(releases, "2024/march/b.txt", release_text(2))
    report = ingest.run()
    assert actions(report)["added"] == ["2024/march/b.txt", "a.txt"]


def test_unchanged_files_are_not_read_again(releases, ingest, reads):
    for n in range(20):
        drop(releases, f"r{n:02}.txt", release_text(n))
    ingest.run()
    assert len(reads) == 20
    reads.clear()
    report = ingest.run()
    assert reads == []
    assert actions(report) == {}


def test_a_rescan_runs_no_sql_per_unchanged_file(releases, ingest):
    for n in range(40):
        drop(releases, f"r{n:02}.txt", release_text(n))
    ingest.scanner.scan()
    with ingest.store.traced() as statements:
        ingest.scanner.scan()
    assert len(statements) < 10, statements


def test_only_the_new_and_changed_files_are_read(releases, ingest, reads):
    drop(releases, "a.txt", release_text(1))
    drop(releases, "b.txt", release_text(2))
    ingest.run()
    reads.clear()
    drop(releases, "b.txt", release_text(2, "A sentence added later."))
    drop(releases, "c.txt", release_text(3))
    report = ingest.run()
    assert sorted(os.path.basename(p) for p in reads) == ["b.txt", "c.txt"]
    assert actions(report) == {"added": ["c.txt"], "revised": ["b.txt"]}


def test_an_edited_file_keeps_its_entry_id(releases, ingest):
    drop(releases, "a.txt", release_text(1))
    first = with_action(ingest.run(), "added")[0].entry_id
    drop(releases, "a.txt", release_text(1, "Corrected figures."))
    revised = with_action(ingest.run(), "revised")
    assert [o.entry_id for o in revised] == [first]
    assert ingest.store.entry_for_file("a.txt").body.endswith("Corrected figures.")


def test_a_touched_file_with_the_same_content_is_not_revised(releases, ingest):
    path = drop(releases, "a.txt", release_text(1))
    ingest.run()
    t = time.time() + 5
    os.utime(path, (t, t))
    report = ingest.scanner.scan(now=datetime.fromtimestamp(t + 1, UTC))
    assert actions(report) == {}


def test_a_deleted_file_withdraws_its_entry(releases, ingest):
    drop(releases, "a.txt", release_text(1))
    drop(releases, "b.txt", release_text(2))
    ingest.run()
    entry_id = ingest.store.entry_for_file("a.txt").id
    (releases / "a.txt").unlink()
    report = ingest.run()
    assert actions(report) == {"removed": ["a.txt"]}
    assert ingest.store.entry_for_file("a.txt") is None
    assert ingest.store.entry_by_id(entry_id).withdrawn is not None


def test_a_missing_releases_folder_withdraws_nothing(releases, ingest, tmp_path):
    drop(releases, "a.txt", release_text(1))
    ingest.run()
    releases.rename(tmp_path / "elsewhere")
    report = ingest.run()
    assert [o.action for o in report.outcomes] == ["error"]
    assert ingest.store.entry_for_file("a.txt") is not None


def test_a_share_that_drops_off_its_mount_point_withdraws_nothing(releases, ingest, monkeypatch):
    mounted = {"now": True}
    real = os.path.ismount
    monkeypatch.setattr(scanner.os.path, "ismount",
                        lambda p: mounted["now"] if os.fspath(p) == str(releases) else real(p))
    drop(releases, "a.txt", release_text(1))
    ingest.run()
    ingest.run()
    (releases / "a.txt").unlink()
    mounted["now"] = False  # what an unmounted share looks like: an empty folder that is no mount point
    report = ingest.run()
    assert [o.action for o in report.outcomes] == ["error"]
    assert ingest.store.entry_for_file("a.txt") is not None
    drop(releases, "b.txt", release_text(2))  # a folder with files in it is the folder people use now
    report = ingest.run()
    assert actions(report) == {"added": ["b.txt"], "removed": ["a.txt"]}


def test_a_folder_that_cannot_be_listed_withdraws_nothing_inside_it(releases, ingest, monkeypatch):
    drop(releases, "a.txt", release_text(1))
    drop(releases, "sub/b.txt", release_text(2))
    ingest.run()
    real_open = os.open

    def failing(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("/sub"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(scanner.os, "open", failing)
    report = ingest.run()
    assert [(o.action, o.path) for o in report.outcomes] == [("error", "sub/")]
    assert ingest.store.entry_for_file("sub/b.txt") is not None


def test_files_are_read_only_after_settle_seconds(releases, ingest, reads, monkeypatch):
    slow = with_settings(ingest, settle_seconds=30)
    drop(releases, "fresh.txt", release_text(1))
    report = slow.run()
    assert actions(report) == {"pending": ["fresh.txt"]}
    assert 29 < report.next_check <= 30
    assert reads == []
    real_time = time.time
    monkeypatch.setattr(scanner.time, "time", lambda: real_time() + 31)
    assert actions(slow.run()) == {"added": ["fresh.txt"]}
    assert [os.path.basename(p) for p in reads] == ["fresh.txt"]


def test_a_file_renamed_into_the_folder_waits_for_its_change_time_to_settle(releases, ingest, tmp_path):
    slow = with_settings(ingest, settle_seconds=30)
    outside = drop(tmp_path, "staging.txt", release_text(1), age=3600)  # old mtime, renamed in just now
    outside.rename(releases / "moved.txt")
    assert actions(slow.run()) == {"pending": ["moved.txt"]}
    assert actions(ingest.run()) == {"added": ["moved.txt"]}


def test_a_file_dated_in_the_future_is_read_once_it_stays_unchanged(releases, ingest):
    slow = with_settings(ingest, settle_seconds=0.2)
    drop(releases, "skewed.txt", release_text(1), mtime=datetime.now(UTC) + timedelta(hours=2))
    assert actions(slow.run()) == {"pending": ["skewed.txt"]}
    time.sleep(0.3)
    assert actions(slow.run()) == {"added": ["skewed.txt"]}


def test_a_file_changed_between_the_walk_and_the_read_waits_for_the_next_scan(releases, ingest, monkeypatch):
    path = drop(releases, "a.txt", release_text(1))
    real_walk = scanner.walk

    def walk_then_write(root, sigs):
        found = real_walk(root, sigs)
        with path.open("a") as f:
            f.write("More text arriving late.\n")
        return found

    monkeypatch.setattr(scanner, "walk", walk_then_write)
    report = ingest.run()
    assert actions(report) == {"pending": ["a.txt"]}
    assert report.next_check is not None
    monkeypatch.setattr(scanner, "walk", real_walk)
    ingest.run()
    assert ingest.store.entry_for_file("a.txt").body.endswith("More text arriving late.")


def test_a_file_that_vanishes_before_it_is_read_is_not_rejected(releases, ingest, monkeypatch):
    path = drop(releases, "a.txt", release_text(1))
    real_walk = scanner.walk

    def walk_then_delete(root, sigs):
        found = real_walk(root, sigs)
        path.unlink()
        return found

    monkeypatch.setattr(scanner, "walk", walk_then_delete)
    report = ingest.run()
    assert "rejected" not in actions(report)
    assert ingest.store.rejections() == []


def test_one_file_a_reader_cannot_finish_never_stops_a_scan(releases, settings):
    # 5 s: a minute short for the PDF, and ample for a text file on a loaded machine (readers run at low priority)
    ingest = Ingest(dataclasses.replace(settings, read_timeout=5))
    drop(releases, "a.txt", release_text(1))
    drop(releases, "b.pdf", shared_stream_pdf())  # a minute of work for the PDF reader
    drop(releases, "c.txt", release_text(2))
    report = ingest.run()
    assert actions(report) == {"added": ["a.txt", "c.txt"], "rejected": ["b.pdf"]}
    assert "longer than 5 seconds" in with_action(report, "rejected")[0].reason


def test_a_file_rejected_for_a_reader_crash_is_read_again_by_a_new_process(releases, settings):
    ingest = Ingest(dataclasses.replace(settings, read_timeout=2))
    drop(releases, "a.pdf", shared_stream_pdf())
    scanning = threading.Thread(target=ingest.run)
    scanning.start()
    deadline = time.monotonic() + 20
    while not ingest.scanner.pool.processes and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(ingest.scanner.pool.processes[0], signal.SIGKILL)  # a crash of the reader process, mid-read
    scanning.join(timeout=30)
    assert rejections(ingest) == {"a.pdf": "internal error"}
    assert actions(ingest.run()) == {"rejected": ["a.pdf"]}  # the same service does not read it again...
    fresh = Ingest(ingest.settings)  # ...but a new one does (the reader may have been fixed meanwhile)
    fresh.run()
    assert rejections(fresh) == {"a.pdf": "longer than 2 seconds"}


def rejections(ingest: Ingest) -> dict[str, str]:
    """File -> the part of its stored reason these tests look for."""
    found = {}
    for path, reason in ingest.store.rejections():
        found[path] = next((k for k in ("internal error", "longer than 2 seconds") if k in reason), reason)
    return found


def test_a_store_error_on_one_file_is_reported_and_the_scan_goes_on(releases, ingest, monkeypatch):
    real = ingest.store.save_release

    def failing(path, *args):
        if path == "b.txt":
            raise OSError("disk I/O error")
        return real(path, *args)

    monkeypatch.setattr(ingest.store, "save_release", failing)
    for n, name in enumerate(("a.txt", "b.txt", "c.txt")):
        drop(releases, name, release_text(n))
    assert actions(ingest.run()) == {"added": ["a.txt", "c.txt"], "error": ["b.txt"]}
    monkeypatch.setattr(ingest.store, "save_release", real)
    assert actions(ingest.run()) == {"added": ["b.txt"]}


@pytest.mark.parametrize("name", [
    ".~lock.release.docx#", "~$release.docx", "release.tmp", "release.TMP", "release.docx.part",
    "release.pdf.crdownload", ".release.txt.swp", "release.txt~", "#release.txt#", ".hidden.txt", "Thumbs.db",
    "desktop.ini", ".DS_Store", "release.txt.filepart",
])
def test_editor_and_transfer_leftovers_are_ignored(releases, ingest, name):
    assert is_ignored(name)
    drop(releases, name, release_text(1))
    report = ingest.run()
    assert report.outcomes == []
    assert ingest.store.file_signatures() == ({}, {}, {})


@pytest.mark.parametrize("name", ["release.txt", "Press release 3.docx", "a.part.txt", "2024#1.txt", "x.tmp.md"])
def test_ordinary_names_are_not_ignored(name):
    assert not is_ignored(name)


def test_hidden_folders_are_not_walked(releases, ingest, reads):
    drop(releases, ".git/notes.txt", release_text(1))
    drop(releases, ".Trash-1000/files/old.txt", release_text(2))
    assert ingest.run().outcomes == []
    assert reads == []


def test_a_rejected_file_is_reported_on_every_scan_until_it_is_fixed(releases, ingest):
    drop(releases, "empty.txt", b"")
    assert actions(ingest.run()) == {"rejected": ["empty.txt"]}
    assert actions(ingest.run()) == {"rejected": ["empty.txt"]}
    assert [p for p, _ in ingest.store.rejections()] == ["empty.txt"]
    drop(releases, "empty.txt", release_text(1))
    assert actions(ingest.run()) == {"added": ["empty.txt"]}
    assert ingest.store.rejections() == []


def test_a_file_over_the_size_limit_is_rejected_without_being_read_whole(releases, ingest):
    small = with_settings(ingest, max_file_size=1000)
    drop(releases, "big.txt", release_text(1, "word " * 400))
    report = small.run()
    assert actions(report) == {"rejected": ["big.txt"]}
    assert "limit" in with_action(report, "rejected")[0].reason
    drop(releases, "big.txt", release_text(1))
    assert actions(small.run()) == {"added": ["big.txt"]}


def test_an_unsupported_file_type_is_rejected_with_the_supported_ones_named(releases, ingest):
    drop(releases, "photo.jpeg", b"\xff\xd8\xff\xe0 not really")
    (reason,) = [o.reason for o in ingest.run().outcomes]
    assert ".jpeg" in reason and ".txt" in reason


def test_a_symbolic_link_is_refused_and_never_followed(releases, ingest, tmp_path, reads):
    secret = drop(tmp_path, "outside/secret.txt", release_text(1, "Top secret."))
    (releases / "link.txt").symlink_to(secret)
    (releases / "linked-folder").symlink_to(secret.parent, target_is_directory=True)
    report = ingest.run()
    assert actions(report) == {"rejected": ["link.txt", "linked-folder"]}
    assert all("symbolic link" in o.reason for o in report.outcomes)
    assert reads == []
    assert sorted(p for p, _ in ingest.store.rejections()) == ["link.txt", "linked-folder"]
    (releases / "link.txt").unlink()
    assert actions(ingest.run()) == {"rejected": ["linked-folder"]}


def test_a_folder_swapped_for_a_link_between_listing_and_entering_is_not_entered(releases, ingest, tmp_path,
                                                                                   monkeypatch, reads):
    drop(tmp_path, "outside/secret.txt", release_text(1, "Top secret."))
    (releases / "sub").mkdir()
    real_open = os.open

    def swap_then_open(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("/sub") and not os.path.islink(path):
            (releases / "sub").rmdir()
            (releases / "sub").symlink_to(tmp_path / "outside", target_is_directory=True)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(scanner.os, "open", swap_then_open)
    report = ingest.run()
    assert [(o.action, o.path) for o in report.outcomes] == [("error", "sub/")]
    assert "replaced by a symbolic link" in report.outcomes[0].reason
    assert reads == []
    assert ingest.store.entries(datetime.now(UTC)) == []
    monkeypatch.setattr(scanner.os, "open", real_open)
    assert actions(ingest.run()) == {"rejected": ["sub"]}


def test_a_named_pipe_is_rejected_without_blocking_the_scan(releases, ingest):
    os.mkfifo(releases / "pipe.txt")
    drop(releases, "a.txt", release_text(1))
    report = ingest.run()
    assert actions(report) == {"added": ["a.txt"], "rejected": ["pipe.txt"]}
    assert "named pipe" in with_action(report, "rejected")[0].reason


def test_an_unreadable_file_is_rejected_and_picked_up_once_readable(releases, ingest, monkeypatch):
    # Tests run as root, for whom chmod 000 changes nothing: refuse the open the way the kernel would.
    path = drop(releases, "locked.txt", release_text(1))
    real_open = os.open
    locked = {"on": True}

    def guarded(p, flags, *args, **kwargs):
        if locked["on"] and os.fspath(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, flags, *args, **kwargs)

    monkeypatch.setattr(scanner.os, "open", guarded)
    report = ingest.run()
    assert actions(report) == {"rejected": ["locked.txt"]}
    assert "permission" in report.outcomes[0].reason.lower()
    assert [p for p, _ in ingest.store.rejections()] == ["locked.txt"]
    locked["on"] = False  # chmod 644: the mtime does not change, the next scan still tries again
    assert actions(ingest.run()) == {"added": ["locked.txt"]}
    assert ingest.store.rejections() == []


def test_a_file_with_the_content_of_another_release_is_rejected_as_a_duplicate(releases, ingest):
    drop(releases, "a.txt", release_text(1))
    ingest.run()
    drop(releases, "copy of a.txt", release_text(1))
    report = ingest.run()
    assert actions(report) == {"rejected": ["copy of a.txt"]}
    assert "a.txt" in report.outcomes[0].reason


def test_a_long_scan_publishes_the_releases_stored_so_far_as_it_goes(releases, ingest, monkeypatch):
    for n in range(1, 5):
        drop(releases, f"r{n:02}.txt", release_text(n), age=60)
    monkeypatch.setattr(scanner, "PROGRESS_SECONDS", 0.0)  # every stored release counts as a long while
    served: list[int] = []
    render = ingest.render

    def render_and_count(now):
        keys = render(now)
        atom = {d.key: d for d in ingest.store.documents()}["/feed.atom"]
        served.append(len(feedparser.parse(atom.body).entries))
        return keys

    monkeypatch.setattr(ingest, "render", render_and_count)
    pinged: list[list[str]] = []
    ingest.on_feeds_changed.append(pinged.append)
    ingest.run()
    assert served == [1, 2, 3, 4, 4]  # readers polling during the scan see it fill up; then the final render
    assert len(pinged) == 1 and "/feed.atom" in pinged[0]  # hubs hear once, when the pass is done


def test_a_short_scan_renders_the_feeds_once(releases, ingest, monkeypatch):
    for n in range(1, 4):
        drop(releases, f"r{n:02}.txt", release_text(n), age=60)
    renders = []
    render = ingest.render
    monkeypatch.setattr(ingest, "render", lambda now: renders.append(now) or render(now))
    ingest.run()
    assert len(renders) == 1
