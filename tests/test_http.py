"""What the running service tells whom: unknown languages, redirects that never take the request's host, /healthz
details for the office only, log lines no file name can forge, hard links refused."""

from __future__ import annotations

import os
import socket

import requests

from conftest import drop, feedsvc_cli

TEXT = "Statement on the consular agreement\n\n2 June 2025\n\nThe two ministries signed the agreement today.\n"


def raw_get(port: int, target: str, host: str) -> tuple[int, dict[str, str], bytes]:
    """One HTTP/1.1 request as written, with its own Host header (requests would normalise the path)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, body


def published(svc) -> int:
    return requests.get(svc.url + "/healthz", timeout=5).json()["published"]


def test_an_unknown_language_is_404_on_every_feed_and_the_index_and_is_never_echoed(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "a.txt", TEXT)
    svc.wait_for(lambda: published(svc) == 1)
    assert requests.get(svc.url + "/feed.atom?lang=en", timeout=5).status_code == 200
    long_tag = "zz-" + "-".join(["abcdefgh"] * 60)
    not_found_page = requests.get(svc.url + "/no-such-page", timeout=5).text  # the site's 404 page
    for tag in ("zz", "ru", "ZZ", "en-zzzz", long_tag):
        for path in ("/feed.atom", "/feed.rss", "/feed.json", "/"):
            response = requests.get(f"{svc.url}{path}?lang={tag}", timeout=5, allow_redirects=False)
            # a feed asked for what is not a language tag at all (60 subtags) calls it a bad request
            expected = 400 if tag == long_tag and path != "/" else 404
            assert response.status_code == expected, (path, tag, response.status_code)
            if path == "/":  # the same page whatever was asked for: nothing of the request in it
                assert response.text == not_found_page
            else:
                assert tag.lower() not in response.text.lower()
            assert tag.lower() not in str(response.headers).lower()
            if path != "/":
                assert response.headers["Cache-Control"] == "no-store"
    upper = requests.get(svc.url + "/feed.atom?lang=EN", timeout=5, allow_redirects=False)
    assert upper.status_code == 301 and upper.headers["Location"] == svc.url + "/feed.atom?lang=en"


def test_no_redirect_takes_its_host_from_the_request(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "a.txt", TEXT)
    svc.wait_for(lambda: published(svc) == 1)
    (svc.releases / "a.txt").rename(svc.releases / "renamed.txt")
    svc.wait_for(lambda: "moved" in svc.log())
    for target in ("//releases//a", "//releases/a", "/releases//a", "//feed.atom", "//", "/feed.atom?page=1",
                   "/feed.atom?lang=EN", "/releases/renamed", "//releases/renamed"):
        status, headers, _ = raw_get(svc.port, target, "evil.example")
        location = headers.get("location", "")
        assert "evil.example" not in location, (target, status, location)
        if 300 <= status < 400:
            assert location.startswith(svc.url + "/"), (target, location)
    status, headers, _ = raw_get(svc.port, "/releases/renamed", "evil.example")
    assert status == 301 and headers["location"] == svc.url + "/releases/a"


def test_healthz_shows_names_and_reasons_only_to_loopback_and_the_offices_networks(service_factory):
    svc = service_factory(office_networks="10.20.0.0/16").start()
    drop(svc.releases, "secret-merger.txt", "")  # rejected: empty
    drop(svc.releases, "a.txt", TEXT)
    svc.wait_for(lambda: published(svc) == 1 and requests.get(svc.url + "/healthz", timeout=5).json()["rejected"])

    local = requests.get(svc.url + "/healthz", timeout=5).json()
    assert local["rejected"] == [{"file": "secret-merger.txt", "reason": local["rejected"][0]["reason"]}]
    office = requests.get(svc.url + "/healthz", headers={"X-Forwarded-For": "10.20.4.7"}, timeout=5).json()
    assert office["rejected"][0]["file"] == "secret-merger.txt"
    for headers in ({"X-Forwarded-For": "203.0.113.9"}, {"X-Forwarded-For": "127.0.0.1"},
                    {"X-Forwarded-For": "10.20.4.7, 203.0.113.9"}, {"Forwarded": "for=203.0.113.9"},
                    {"X-Real-IP": "198.51.100.1"}, {"X-Forwarded-For": "10.20.4.7", "X-Real-IP": "203.0.113.9"}):
        public = requests.get(svc.url + "/healthz", headers=headers, timeout=5)
        body = public.json()
        assert body["rejected"] == 1 and body["published"] == 1 and body["held"] == 0, headers
        assert isinstance(body["last_scan"]["errors"], int)
        assert "secret-merger" not in public.text and str(svc.root) not in public.text


def test_a_file_name_with_a_newline_cannot_forge_a_log_line_or_a_scan_line(service_factory, tmp_path):
    forged = "2026-01-01 00:00:00,000 WARNING feedsvc.scanner: all releases deleted"
    name = f"evil\n{forged}.txt"
    svc = service_factory().start()
    drop(svc.releases, name, "")  # rejected (empty), so its name is logged with the reason
    drop(svc.releases, "copy.txt\n" + forged + ".txt", TEXT)
    svc.wait_for(lambda: "evil" in svc.log() and "copy.txt" in svc.log())
    lines = svc.log().splitlines()
    assert not any(line.startswith(forged) for line in lines)
    assert any('"evil\\n2026-01-01' in line for line in lines)

    env = {k: v for k, v in svc.env.items() if k.startswith("FEEDSVC_")}
    svc.stop()
    drop(svc.releases, "same.txt", TEXT)  # a duplicate: its reason names the other file
    result = feedsvc_cli("scan", cwd=tmp_path, env=env)
    assert not any(line.startswith(forged) for line in (result.stdout + result.stderr).splitlines())
    assert '"evil\\n2026-01-01' in result.stdout


def test_a_hard_link_to_a_file_outside_the_folder_is_refused_with_a_reason_until_allowed(tmp_path):
    releases = tmp_path / "releases"
    releases.mkdir()
    private = tmp_path / "private" / "board-minutes.txt"
    private.parent.mkdir()
    private.write_text("Minutes of the board\n\n2 June 2025\n\nConfidential: the merger is agreed.\n")
    os.link(private, releases / "minutes.txt")
    env = {"FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(tmp_path / "db.sqlite3"),
           "FEEDSVC_SETTLE_SECONDS": "0"}

    refused = feedsvc_cli("scan", cwd=tmp_path, env=env)
    assert "Rejected: 1" in refused.stdout and "minutes.txt: This file is a hard link" in refused.stdout
    assert "outside the releases folder" in refused.stdout and "Added" not in refused.stdout

    allowed = feedsvc_cli("scan", cwd=tmp_path, env={**env, "FEEDSVC_ALLOW_HARD_LINKS": "true"})
    assert "Added: 1" in allowed.stdout


def test_a_file_that_stops_being_a_hard_link_is_read_on_the_next_scan(tmp_path):
    releases = tmp_path / "releases"
    releases.mkdir()
    drop(releases, "a.txt", TEXT)
    os.link(releases / "a.txt", tmp_path / "backup.txt")
    env = {"FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(tmp_path / "db.sqlite3"),
           "FEEDSVC_SETTLE_SECONDS": "0"}
    assert "hard link" in feedsvc_cli("scan", cwd=tmp_path, env=env).stdout
    (tmp_path / "backup.txt").unlink()
    assert "Added: 1" in feedsvc_cli("scan", cwd=tmp_path, env=env).stdout
