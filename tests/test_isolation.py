"""Nothing a file does can freeze the service: files are read in reader processes, each within a time and a memory
budget, while the real service keeps answering. Every hostile file here is made by the test."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import feedparser
import pytest
import requests

from conftest import RunningService, drop
from tests.hostile import HOSTILE, SLOW, billion_laughs_markdown, pathological, shared_stream_pdf

ROOT = Path(__file__).parent.parent


def release_text(n: int) -> str:
    return (f"Statement number {n} on cooperation\n\nMoscow, {1 + n % 28} March 2024\n\n"
            f"The ministry published statement {n} about trade and culture.\n")


def healthz(svc: RunningService) -> dict:
    return requests.get(svc.url + "/healthz", timeout=10).json()


def rejected(svc: RunningService) -> dict[str, str]:
    return {r["file"]: r["reason"] for r in healthz(svc)["rejected"]}


def titles(svc: RunningService) -> list[str]:
    feed = feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content)
    assert not feed.bozo, feed.bozo_exception
    return [e.title for e in feed.entries]


def readers_of(pid: int) -> list[int]:
    """The reader processes a feedsvc process has started."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"serve_reads" in cmdline:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def parse(tmp_path: Path, *files: Path, **settings) -> tuple[int, list[dict], str]:
    """`feedsvc parse --json` as a subprocess, with settings from the environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
    env.update({f"FEEDSVC_{k.upper()}": str(v) for k, v in settings.items()})
    env["FEEDSVC_CONFIG"] = str(tmp_path / "empty.toml")
    (tmp_path / "empty.toml").write_text("")
    done = subprocess.run([sys.executable, "-m", "feedsvc", "parse", "--json", *map(str, files)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    return done.returncode, [json.loads(line) for line in done.stdout.splitlines()], done.stderr


def test_the_feeds_answer_while_hostile_files_are_read_and_a_release_dropped_after_them_is_published(
        service_factory):
    svc = service_factory(read_timeout=10).start()
    drop(svc.releases, "before.txt", release_text(1))
    svc.wait_for(lambda: len(titles(svc)) == 1)
    polls, failures, stop = [], [], threading.Event()

    def poll() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                try:
                    response = session.get(svc.url + "/feed.atom", timeout=10)
                    polls.append(response.status_code)
                except requests.RequestException as e:
                    failures.append(repr(e))
                time.sleep(0.05)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for name, make in HOSTILE.items():
            drop(svc.releases, name, make())
        svc.wait_for(lambda: readers_of(svc.process.pid), timeout=10)  # the hostile files are being read
        drop(svc.releases, "after.txt", release_text(2))
        svc.wait_for(lambda: "Statement number 2 on cooperation" in titles(svc), timeout=30)
        # Every hostile file ends with an answer: the slow ones stopped by their budget, the rest read.
        svc.wait_for(lambda: set(SLOW) <= rejected(svc).keys(), timeout=40)
    finally:
        stop.set()
        poller.join()
    assert failures == [] and set(polls) == {200} and len(polls) > 20
    reasons = rejected(svc)
    for name in SLOW:
        assert "the limit for one file" in reasons[name] and "reads it again when the file changes" in reasons[name]
    assert "anchors or aliases" in reasons["laughs.md"]
    assert "Statement on the talks" in titles(svc)  # the pages around junk were read, junk and all
    assert "Traceback" not in svc.log()


def test_a_file_over_its_time_budget_is_read_again_only_when_it_changes(service_factory):
    svc = service_factory(read_timeout=2, scan_interval=0.5, log_level="DEBUG").start()
    drop(svc.releases, "slow.pdf", shared_stream_pdf())
    svc.wait_for(lambda: "slow.pdf" in rejected(svc), timeout=20)
    assert "took longer than 2 seconds" in rejected(svc)["slow.pdf"]
    time.sleep(3)  # six more scans
    assert svc.log().count("reading slow.pdf passed 2s") == 1
    assert svc.log().count('rejected "slow.pdf":') == 1
    with open(svc.releases / "slow.pdf", "ab") as f:
        f.write(b"\n% edited\n")
    svc.wait_for(lambda: svc.log().count("reading slow.pdf passed 2s") == 2, timeout=20)


def test_a_file_needing_more_memory_than_its_budget_is_rejected_and_the_service_stays_small(service_factory):
    svc = service_factory(read_memory=128, read_timeout=60).start()
    drop(svc.releases, "stars.md", HOSTILE["stars.md"]())  # markdown-it needs some 800 MB for this one
    svc.wait_for(lambda: "stars.md" in rejected(svc), timeout=60)
    reason = rejected(svc)["stars.md"]
    assert "needed more than 128 MB of memory" in reason and "reads it again when the file changes" in reason
    status = Path(f"/proc/{svc.process.pid}/status").read_text()
    peak = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")) // 1024
    assert peak < 300, f"the service itself peaked at {peak} MB"
    drop(svc.releases, "after.txt", release_text(3))
    svc.wait_for(lambda: "Statement number 3 on cooperation" in titles(svc))


def test_parse_reads_through_the_same_budgets_as_the_service(tmp_path):
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(shared_stream_pdf())
    ordinary = tmp_path / "ordinary.txt"
    ordinary.write_text(release_text(4))
    laughs = tmp_path / "laughs.md"
    laughs.write_bytes(billion_laughs_markdown())
    status, results, stderr = parse(tmp_path, slow, ordinary, laughs, read_timeout=2)
    assert status == 1
    by_file = {Path(r["file"]).name: r for r in results}
    assert by_file["ordinary.txt"]["status"] == "published"
    assert by_file["slow.pdf"]["status"] == "rejected"
    assert "took longer than 2 seconds" in by_file["slow.pdf"]["reason"]
    assert "anchors or aliases" in by_file["laughs.md"]["reason"]
    assert "Traceback" not in stderr


@pytest.mark.parametrize("unit", ["<", "<!--", "<!DOCTYPE [", " \t", "<<!--", "<a ", "<meta "])
def test_a_two_megabyte_page_of_regular_expression_bait_is_read_within_the_budget(tmp_path, unit):
    """Each of these took hours at this size with a quadratic expression; now seconds."""
    page = tmp_path / "bait.html"
    bait = pathological(2_000_000)[unit]
    page.write_text("<html><body><h1>Statement on the talks</h1><p>Moscow, 3 March 2024. The ministers met."
                    f"</p>{bait}</body></html>")
    bare = tmp_path / "bare.html"
    bare.write_text(bait)
    _, results, stderr = parse(tmp_path, page, bare, read_timeout=30)
    assert len(results) == 2
    for result in results:  # read to the end: published, or rejected for what the page is
        assert "the limit for one file" not in result.get("reason", ""), result
        assert "internal error" not in result.get("reason", ""), result
    assert "Traceback" not in stderr


def test_reader_processes_start_with_work_and_exit_when_idle(service_factory):
    svc = service_factory().start()
    assert readers_of(svc.process.pid) == []  # an idle service starts none
    drop(svc.releases, "one.txt", release_text(5))
    svc.wait_for(lambda: "Statement number 5 on cooperation" in titles(svc))
    assert readers_of(svc.process.pid) != []
    svc.wait_for(lambda: readers_of(svc.process.pid) == [], timeout=40)  # 20 s without work, then gone


def test_a_reader_process_stops_by_itself_when_the_service_is_killed(service_factory):
    svc = service_factory(read_timeout=2).start()
    drop(svc.releases, "slow.pdf", shared_stream_pdf())
    readers = svc.wait_for(lambda: readers_of(svc.process.pid), timeout=10)
    os.kill(svc.process.pid, signal.SIGKILL)  # the service only; its reader is left mid-read
    svc.process.wait(10)
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in readers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(pid) for pid in readers)
