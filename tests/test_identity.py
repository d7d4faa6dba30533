"""A release keeps its id and link when its file is renamed, moved or copied and deleted, within one scan or across
several: no tombstone, no 410. Through real scans (`feedsvc scan`) and a running service."""

from __future__ import annotations

import os
import shutil
import time

import feedparser
import requests
from lxml import etree

from conftest import drop, feedsvc_cli
from feedsvc.store import Store

TOMBSTONE = "{http://purl.org/atompub/tombstones/1.0}deleted-entry"
TEXT = "Statement on the consular agreement\n\n2 June 2025\n\nThe two ministries signed the agreement today.\n"
OTHER = "Comment on the border crossing\n\n3 June 2025\n\nThe crossing reopened this morning after repairs.\n"


class Folder:
    """A releases folder and its store, scanned by the real `feedsvc scan`."""

    def __init__(self, tmp_path, grace: float = 60):
        self.root = tmp_path
        self.releases = tmp_path / "releases"
        self.releases.mkdir(exist_ok=True)
        self.database = tmp_path / "var" / "db.sqlite3"
        self.env = {"FEEDSVC_RELEASES_DIR": str(self.releases), "FEEDSVC_DATABASE": str(self.database),
                    "FEEDSVC_SETTLE_SECONDS": "0", "FEEDSVC_TIMEZONE": "Europe/Moscow",
                    "FEEDSVC_BASE_URL": "https://press.example.org", "FEEDSVC_WITHDRAW_GRACE_SECONDS": str(grace)}

    def scan(self) -> str:
        result = feedsvc_cli("scan", cwd=self.root, env=self.env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    @property
    def store(self) -> Store:
        return Store(self.database)

    def live(self) -> dict[str, str]:
        """source path -> entry id of every live entry."""
        db = self.store._connection()
        return dict(db.execute("SELECT source, id FROM entries WHERE withdrawn IS NULL").fetchall())

    def atom(self):
        return etree.fromstring({d.key: d for d in self.store.documents()}["/feed.atom"].body)


def test_a_rename_in_one_scan_keeps_the_entry_with_no_tombstone(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry = folder.store.entry_for_file("a.txt")

    (folder.releases / "a.txt").rename(folder.releases / "statement-final.txt")
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "statement-final.txt" in out
    assert "Removed" not in out and "Added" not in out
    assert folder.live() == {"statement-final.txt": entry.id}
    moved = folder.store.entry_for_file("statement-final.txt")
    assert (moved.slug, moved.updated, moved.published) == (entry.slug, entry.updated, entry.published)
    assert folder.atom().find(TOMBSTONE) is None


def test_a_move_into_a_subfolder_keeps_the_entry(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "a.txt", TEXT)
    drop(folder.releases, "b.txt", OTHER)
    folder.scan()
    before = folder.live()

    (folder.releases / "archive-2026").mkdir()
    (folder.releases / "a.txt").rename(folder.releases / "archive-2026" / "a.txt")
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "Removed" not in out
    assert folder.live() == {"archive-2026/a.txt": before["a.txt"], "b.txt": before["b.txt"]}
    assert folder.atom().find(TOMBSTONE) is None


def test_a_renamed_file_still_settling_keeps_the_entry_even_without_a_grace_period(tmp_path):
    folder = Folder(tmp_path, grace=0)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry_id = folder.live()["a.txt"]
    folder.env["FEEDSVC_SETTLE_SECONDS"] = "1"

    (folder.releases / "a.txt").rename(folder.releases / "b.txt")  # a rename changes ctime: b settles first
    out = folder.scan()
    assert "Waiting (still being written): 1" in out and "Missing" in out and "Removed" not in out
    time.sleep(1.1)
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "Removed" not in out
    assert folder.live() == {"b.txt": entry_id}


def test_a_copy_then_delete_in_one_scan_keeps_the_entry(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry_id = folder.live()["a.txt"]

    shutil.copy(folder.releases / "a.txt", folder.releases / "copy.txt")
    (folder.releases / "a.txt").unlink()
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "Rejected" not in out
    assert folder.live() == {"copy.txt": entry_id}


def test_a_copy_refused_as_a_duplicate_takes_over_when_the_original_is_deleted_later(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry_id = folder.live()["a.txt"]
    shutil.copy(folder.releases / "a.txt", folder.releases / "copy.txt")
    out = folder.scan()
    assert "Rejected: 1" in out and "same content as a.txt" in out and "delete a.txt" in out

    (folder.releases / "a.txt").unlink()
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "copy.txt" in out
    assert "Rejected" not in out and "Removed" not in out
    assert folder.live() == {"copy.txt": entry_id}
    assert folder.store.rejections() == []


def test_a_file_deleted_first_and_copied_back_later_under_another_name_keeps_the_entry(tmp_path):
    folder = Folder(tmp_path, grace=60)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry_id = folder.live()["a.txt"]
    saved = (folder.releases / "a.txt").read_bytes()

    (folder.releases / "a.txt").unlink()  # a sync tool deletes first...
    out = folder.scan()
    assert "Missing (still published" in out and "a.txt" in out
    assert folder.live() == {"a.txt": entry_id}  # still published, within the grace period

    drop(folder.releases, "2025/a-renamed.txt", saved)  # ...and writes the file under its new name later
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "Removed" not in out
    assert folder.live() == {"2025/a-renamed.txt": entry_id}
    assert folder.atom().find(TOMBSTONE) is None


def test_a_deleted_file_is_withdrawn_once_the_grace_period_is_over(tmp_path):
    folder = Folder(tmp_path, grace=1)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    entry_id = folder.live()["a.txt"]

    (folder.releases / "a.txt").unlink()
    assert "Missing" in folder.scan()
    time.sleep(1.2)
    out = folder.scan()

    assert "Removed (withdrawn from the feeds): 1" in out
    assert folder.live() == {}
    assert folder.atom().find(TOMBSTONE).get("ref") == entry_id


def test_a_file_that_comes_back_within_the_grace_period_is_as_it_was(tmp_path):
    folder = Folder(tmp_path, grace=60)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    before = folder.store.entry_for_file("a.txt")
    (folder.releases / "a.txt").rename(tmp_path / "a.txt")
    assert "Missing" in folder.scan()

    (tmp_path / "a.txt").rename(folder.releases / "a.txt")
    out = folder.scan()

    assert "Missing" not in out and "Removed" not in out
    after = folder.store.entry_for_file("a.txt")
    assert (after.id, after.updated) == (before.id, before.updated)
    assert folder.store.file_signatures()[2] == {}


def test_a_renamed_and_edited_file_with_the_same_title_is_revised_under_the_same_entry(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "draft.txt", TEXT)
    folder.scan()
    entry = folder.store.entry_for_file("draft.txt")

    (folder.releases / "draft.txt").unlink()
    drop(folder.releases, "final.txt", TEXT.replace("today.", "today in Moscow."))
    out = folder.scan()

    assert "Revised: 1" in out and "renamed from draft.txt and edited" in out and "Added" not in out
    revised = folder.store.entry_for_file("final.txt")
    assert (revised.id, revised.slug) == (entry.id, entry.slug) and "in Moscow" in revised.body
    assert folder.live() == {"final.txt": entry.id}


def test_a_renamed_file_with_a_new_title_is_a_new_release_and_the_old_one_is_withdrawn_after_the_grace(tmp_path):
    folder = Folder(tmp_path, grace=0)
    drop(folder.releases, "a.txt", TEXT)
    folder.scan()
    old_id = folder.live()["a.txt"]

    (folder.releases / "a.txt").unlink()
    drop(folder.releases, "b.txt", TEXT.replace("Statement on the consular agreement", "A different statement"))
    out = folder.scan()

    assert "Added: 1" in out and "Removed (withdrawn from the feeds): 1" in out
    assert old_id not in folder.live().values()


def test_a_rename_over_another_release_withdraws_the_overwritten_one(tmp_path):
    folder = Folder(tmp_path)
    drop(folder.releases, "a.txt", TEXT)
    drop(folder.releases, "b.txt", OTHER)
    folder.scan()
    before = folder.live()

    os.replace(folder.releases / "b.txt", folder.releases / "a.txt")
    out = folder.scan()

    assert "Moved or renamed (same entry, same link): 1" in out and "Removed (withdrawn from the feeds): 1" in out
    assert folder.live() == {"a.txt": before["b.txt"]}
    assert folder.atom().find(TOMBSTONE).get("ref") == before["a.txt"]


def entries(svc):
    return feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=5).content).entries


def test_the_running_service_keeps_link_and_id_through_a_rename_that_settles_and_redirects_the_new_name(
        service_factory):
    svc = service_factory(withdraw_grace_seconds=0).start()  # even without a grace period
    drop(svc.releases, "a.txt", TEXT)
    entry = svc.wait_for(lambda: entries(svc))[0]
    old_link = entry.link

    (svc.releases / "a.txt").rename(svc.releases / "Statement Final.txt")  # new ctime: settles for 0.3 s first
    svc.wait_for(lambda: "moved \"a.txt\" to \"Statement Final.txt\"" in svc.log())

    after = entries(svc)
    assert [(e.id, e.link) for e in after] == [(entry.id, old_link)]
    atom = etree.fromstring(requests.get(svc.url + "/feed.atom", timeout=5).content)
    assert atom.find(TOMBSTONE) is None
    page = requests.get(old_link, timeout=5)
    assert page.status_code == 200 and "Statement on the consular agreement" in page.text
    renamed = requests.get(svc.url + "/releases/statement-final", allow_redirects=False, timeout=5)
    assert renamed.status_code == 301 and renamed.headers["Location"] == old_link
    assert "removed" not in svc.log() and "withdrawn" not in svc.log().replace("withdrawn in", "")
