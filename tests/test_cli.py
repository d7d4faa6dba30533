"""The command line: parse (dry run, JSON lines), scan (one pass with a report), help for every command."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime

import pytest

from conftest import SAMPLES, drop
from feedsvc.cli import main

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")


def write_config(tmp_path, releases, **extra) -> str:
    config = tmp_path / "feedsvc.toml"
    lines = [f'releases_dir = "{releases}"', f'database = "{tmp_path / "db.sqlite3"}"', "settle_seconds = 0",
             'timezone = "Europe/Moscow"', "withdraw_grace_seconds = 0"]
    lines += [f"{k} = {json.dumps(v)}" for k, v in extra.items()]
    config.write_text("\n".join(lines) + "\n")
    return str(config)


def test_parse_json_prints_one_object_per_file_with_the_interface_keys(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases)
    files = [str(SAMPLES / "releases" / "press-release-lavrov-bourita.txt"),
             str(SAMPLES / "releases" / "embargoed-consulate-opening.txt")]
    assert main(["parse", "--json", "--config", config, *files]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    seed, embargoed = (json.loads(line) for line in lines)
    assert seed["file"] == files[0]
    assert seed["status"] == "published"
    assert seed["published"] == "2020-12-03T12:00:00+00:00" and seed["has_time"] is False  # date only
    assert seed["language"] == "en"
    assert seed["id"].startswith("urn:uuid:")
    assert seed["body"].count("\n\n") == 6
    assert seed["summary"].startswith("On December 3, Foreign Minister Sergey Lavrov spoke by phone")
    assert isinstance(seed["warnings"], list) and seed["warnings"]
    assert embargoed["status"] == "held"
    for obj in (seed, embargoed):
        assert RFC3339.match(obj["published"])
        assert {"file", "status", "title", "published", "summary", "body", "language", "id", "warnings"} <= set(obj)


def test_parse_exits_1_and_gives_a_reason_when_a_file_is_rejected(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases)
    files = [str(SAMPLES / "bad" / "empty.txt"), str(SAMPLES / "releases" / "412-09-06-2022.txt")]
    assert main(["parse", "--json", "--config", config, *files]) == 1
    empty, good = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert empty["status"] == "rejected" and "empty" in empty["reason"].lower()
    assert good["status"] == "published"


def test_parse_never_touches_the_store(tmp_path, releases):
    config = write_config(tmp_path, releases)
    main(["parse", "--config", config, str(SAMPLES / "releases" / "412-09-06-2022.txt")])
    assert not (tmp_path / "db.sqlite3").exists()


def test_parse_shows_the_id_the_feeds_use(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases)
    target = drop(releases, "412-09-06-2022.txt")
    main(["scan", "--config", config])
    capsys.readouterr()
    target.write_bytes(target.read_bytes() + b"\r\nAn added paragraph.\r\n")
    main(["parse", "--json", "--config", config, str(target)])
    parsed = json.loads(capsys.readouterr().out)
    from feedsvc.store import Store

    assert parsed["id"] == Store(tmp_path / "db.sqlite3").entry_for_file("412-09-06-2022.txt").id


@pytest.mark.parametrize(("name", "content", "words"), [
    ("big.txt", "Big news\n\n" + "word " * 400, ["larger than the 1000 bytes limit", "(2.0 KB)"]),
    ("photo.jpeg", b"\xff\xd8\xff\xe0 not really", ["cannot read .jpeg files", ".txt"]),
])
def test_parse_and_scan_refuse_a_file_for_the_same_reason(tmp_path, releases, capsys, name, content, words):
    config = write_config(tmp_path, releases, max_file_size=1000)
    target = drop(releases, name, content)
    assert main(["parse", "--json", "--config", config, str(target)]) == 1
    parsed = json.loads(capsys.readouterr().out)
    main(["scan", "--config", config])
    scanned = capsys.readouterr().out
    assert parsed["status"] == "rejected" and f"{name}: {parsed['reason']}" in scanned
    assert all(w in parsed["reason"] for w in words), parsed["reason"]


def test_parse_names_a_missing_file_without_blaming_its_permissions(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases)
    assert main(["parse", "--json", "--config", config, str(tmp_path / "nowhere.txt")]) == 1
    reason = json.loads(capsys.readouterr().out)["reason"]
    assert reason == "feedsvc cannot open this file (No such file or directory)."


def test_scan_prints_added_held_and_rejected_with_reasons(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases)
    drop(releases, "press-release-lavrov-bourita.txt")
    drop(releases, "embargoed-consulate-opening.txt")
    drop(releases, "scanned-image.txt")
    assert main(["scan", "--config", config]) == 0
    out = capsys.readouterr().out
    assert "Added: 1" in out and "press-release-lavrov-bourita.txt" in out
    assert "Held (embargoed or dated in the future): 1" in out
    assert "Rejected: 1" in out and "scanned-image.txt: " in out and "not text" in out
    (releases / "press-release-lavrov-bourita.txt").unlink()
    main(["scan", "--config", config])
    assert "Removed (withdrawn from the feeds): 1" in capsys.readouterr().out


def test_a_bad_setting_is_reported_and_nothing_runs(tmp_path, releases, capsys):
    config = write_config(tmp_path, releases, feed_size=0)
    assert main(["scan", "--config", config]) == 2
    assert "feed_size" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["serve", "worker", "scan", "parse"])
def test_every_command_explains_itself_and_takes_config(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "--config" in out
    if command == "serve":
        assert "--host" in out and "--port" in out


def test_the_installed_command_runs_as_a_module(tmp_path, releases):
    config = write_config(tmp_path, releases)
    sample = SAMPLES / "releases" / "statement_security_conference.txt"
    result = subprocess.run([sys.executable, "-m", "feedsvc", "parse", "--json", "--config", config, str(sample)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    assert datetime.fromisoformat(parsed["published"]).isoformat() == "2021-03-14T16:05:00+03:00"
