"""Settings and deployment through the real command: --config anywhere, base_url from the served address, dangerous
settings refused at start."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time

import feedparser
import pytest
import requests

from conftest import drop, feedsvc_cli
from feedsvc.store import Store


def entries(service):
    return feedparser.parse(requests.get(service.url + "/feed.atom", timeout=5).content).entries


def write_config(path, releases, database, **extra) -> str:
    lines = [f'releases_dir = "{releases}"', f'database = "{database}"', "settle_seconds = 0", "watch = false"]
    lines += [f"{key} = {value}" for key, value in extra.items()]
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_config_given_before_the_command_is_the_one_used(tmp_path):
    wanted, default = tmp_path / "wanted", tmp_path / "default"
    wanted.mkdir()
    default.mkdir()
    drop(wanted, "press-release-lavrov-bourita.txt")
    (tmp_path / "config").mkdir()
    write_config(tmp_path / "config" / "feedsvc.toml", default, tmp_path / "default.sqlite3")  # cwd's default
    other = write_config(tmp_path / "other.toml", wanted, tmp_path / "wanted.sqlite3")

    result = feedsvc_cli("--config", other, "scan", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "Added: 1" in result.stdout and "press-release-lavrov-bourita.txt" in result.stdout
    assert (tmp_path / "wanted.sqlite3").exists() and not (tmp_path / "default.sqlite3").exists()


def test_config_after_the_command_still_wins_over_one_before_it(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    drop(second, "412-09-06-2022.txt")
    one = write_config(tmp_path / "one.toml", first, tmp_path / "one.sqlite3")
    two = write_config(tmp_path / "two.toml", second, tmp_path / "two.sqlite3")

    result = feedsvc_cli("--config", one, "scan", "--config", two, cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "412-09-06-2022.txt" in result.stdout


@pytest.mark.parametrize("setting, value, message", [
    ("releases_dir", '"/"', "root of the file system"),
    ("scan_interval", "nan", "scan_interval must be a finite number"),
    ("settle_seconds", "inf", "settle_seconds must be a finite number"),
    ("settle_seconds", "-inf", "settle_seconds must be a finite number"),
    ("tombstone_days", "1e12", "tombstone_days must be at most 3650"),
    ("withdraw_grace_seconds", "nan", "withdraw_grace_seconds must be a finite number"),
    ("feed_size", "10000000", "feed_size must be at most 1000"),
    ("base_url", '"https://user:secret@press.example.org"', "user name or password"),
    ("base_url", '"https://press.example.org/a b"', "spaces, quotes"),
    ("base_url", '"https://press.example.org/\\"><script>"', "spaces, quotes"),
    ("base_url", '"https://press.example.org:99999"', "port"),
    ("office_networks", '["the office"]', "office_networks"),
])
def test_a_dangerous_setting_is_refused_at_start_with_a_clear_message(tmp_path, setting, value, message):
    releases = tmp_path / "releases"
    releases.mkdir()
    config = tmp_path / "c.toml"
    write_config(config, releases, tmp_path / "var" / "db.sqlite3")
    text = "\n".join(line for line in config.read_text().splitlines() if not line.startswith(setting + " "))
    config.write_text(text + f"\n{setting} = {value}\n")

    result = feedsvc_cli("scan", "--config", str(config), cwd=tmp_path)

    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "var").exists()  # nothing ran


def test_a_database_inside_the_releases_folder_is_refused_by_serve_and_scan(tmp_path):
    releases = tmp_path / "releases"
    releases.mkdir()
    config = write_config(tmp_path / "c.toml", releases, releases / "state" / "feedsvc.sqlite3")
    for command in (["scan"], ["serve", "--port", "1"]):
        result = feedsvc_cli(*command, "--config", config, cwd=tmp_path)
        assert result.returncode == 2
        assert "is inside releases_dir" in result.stderr and "own files" in result.stderr
    assert not (releases / "state").exists()


def test_the_environment_is_checked_like_the_file(tmp_path):
    result = feedsvc_cli("scan", cwd=tmp_path, env={"FEEDSVC_RELEASES_DIR": "/", "FEEDSVC_DATABASE": "db"})
    assert result.returncode == 2 and "root of the file system" in result.stderr


def test_without_base_url_links_follow_the_served_port_and_a_warning_says_to_set_it(service_factory):
    service = service_factory()
    del service.env["FEEDSVC_BASE_URL"]
    drop(service.releases, "press-release-lavrov-bourita.txt", age=60)
    service.start()
    service.wait_for(lambda: entries(service))

    feed = feedparser.parse(requests.get(service.url + "/feed.atom", timeout=5).content)
    assert feed.feed.links[0].href == f"http://127.0.0.1:{service.port}/feed.atom"
    assert feed.entries[0].link.startswith(f"http://127.0.0.1:{service.port}/releases/")
    page = requests.get(service.url + "/", timeout=5).text
    assert f'href="http://127.0.0.1:{service.port}/feed.rss"' in page
    assert "base_url is not set" in service.log() and "In production set base_url" in service.log()


def test_a_scan_beside_a_service_without_base_url_keeps_the_links_it_serves(service_factory, tmp_path):
    service = service_factory()
    del service.env["FEEDSVC_BASE_URL"]
    drop(service.releases, "press-release-lavrov-bourita.txt", age=60)
    service.start()
    service.wait_for(lambda: entries(service))
    service.stop()
    drop(service.releases, "412-09-06-2022.txt", age=60)

    env = {k: v for k, v in service.env.items() if k.startswith("FEEDSVC_")}
    result = feedsvc_cli("scan", cwd=tmp_path, env={**env, "FEEDSVC_SETTLE_SECONDS": "0"})
    assert result.returncode == 0, result.stderr
    assert "Added: 1" in result.stdout

    # the feeds this scan stored (served as they are until the next scan) link to where the service listens
    atom = {d.key: d for d in Store(service.database).documents()}["/feed.atom"]
    feed = feedparser.parse(atom.body)
    assert len(feed.entries) == 2 and service.port != 8080
    assert all(e.link.startswith(f"http://127.0.0.1:{service.port}/releases/") for e in feed.entries)


def test_a_configured_base_url_is_used_whatever_the_port(service_factory):
    service = service_factory(base_url="https://press.example.org/ministry")
    drop(service.releases, "press-release-lavrov-bourita.txt", age=60)
    service.start()
    service.wait_for(lambda: entries(service))
    feed = feedparser.parse(requests.get(service.url + "/feed.atom", timeout=5).content)
    assert feed.feed.links[0].href == "https://press.example.org/ministry/feed.atom"
    assert "base_url is not set" not in service.log()


def test_the_worker_refuses_to_start_without_base_url(tmp_path):
    releases = tmp_path / "releases"
    releases.mkdir()
    config = write_config(tmp_path / "c.toml", releases, tmp_path / "db.sqlite3")
    result = feedsvc_cli("worker", "--config", config, cwd=tmp_path, timeout=30)
    assert result.returncode == 2 and "base_url must be set" in result.stderr


class HeldScanLock:
    """The scan lock held by this test process, as a long `feedsvc scan` would hold it."""

    def __init__(self, database):
        self.file = open(f"{database}.scan.lock", "a+")
        fcntl.flock(self.file, fcntl.LOCK_EX)
        self.file.seek(0)
        self.file.truncate()
        self.file.write(f"{os.getpid()}\n")
        self.file.flush()

    def release(self):
        self.file.close()


def test_feedsvc_scan_waits_for_a_running_scan_then_runs_or_gives_up_with_a_clear_message(tmp_path):
    releases = tmp_path / "releases"
    releases.mkdir()
    drop(releases, "press-release-lavrov-bourita.txt")
    config = write_config(tmp_path / "c.toml", releases, tmp_path / "db.sqlite3")
    held = HeldScanLock(tmp_path / "db.sqlite3")
    try:
        given_up = feedsvc_cli("scan", "--config", config, "--wait", "0.5", cwd=tmp_path)
        assert given_up.returncode == 3
        assert f"another process (pid {os.getpid()})" in given_up.stderr and "nothing was done" in given_up.stderr
        assert "Added" not in given_up.stdout

        later = subprocess.Popen([sys.executable, "-m", "feedsvc", "scan", "--config", config, "--wait", "30"],
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)
        assert later.poll() is None  # still waiting its turn
    finally:
        held.release()
    out, err = later.communicate(timeout=60)
    assert later.returncode == 0 and "Added: 1" in out
    assert "waiting up to 30s" in err


def test_a_serving_scheduler_takes_turns_with_feedsvc_scan_and_neither_undoes_the_other(service_factory, tmp_path):
    svc = service_factory(scan_interval=0.5).start()
    held = HeldScanLock(svc.database)
    try:
        drop(svc.releases, "a.txt", "Statement on the talks\n\n2 June 2025\n\nThe talks went well.\n")
        time.sleep(2.0)  # several scheduled passes, each put off while another process scans
        assert requests.get(svc.url + "/healthz", timeout=5).json()["published"] == 0
        assert "is scanning" in svc.log() and "scanning after it" in svc.log()
    finally:
        held.release()
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["published"] == 1)

    drop(svc.releases, "b.txt", "Comment on the border\n\n3 June 2025\n\nThe crossing reopened.\n")
    env = {k: v for k, v in svc.env.items() if k.startswith("FEEDSVC_")}
    result = feedsvc_cli("scan", cwd=tmp_path, env={**env, "FEEDSVC_SETTLE_SECONDS": "0"})
    assert result.returncode == 0, result.stderr
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).json()["published"] == 2)
    time.sleep(1.0)  # more passes of the service, after the other process's scan
    log = svc.log()
    assert log.count('1 added ("a.txt")') == 1
    assert log.count('1 added ("b.txt")') + ("Added: 1" in result.stdout) == 1  # whichever scanned first, once
    assert "revised" not in log and "removed" not in log
