"""The real service against worker deaths, silent connections, nonsense headers, odd file names, archive crawlers,
many languages; and logs that say what changed, once."""

from __future__ import annotations

import os
import random
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import feedparser
import requests
from lxml import etree

from conftest import RunningService, drop

NONSENSE_DATE = "Sat, 01 Jan 10000000000 00:00:00 GMT"


def release_text(n: int) -> str:
    return (f"Statement number {n} on cooperation\n\nMoscow, {1 + n % 28} March 2024\n\n"
            f"The ministry published statement {n} about trade and culture.\n")


def titles(svc: RunningService, path: str = "/feed.atom") -> list[str]:
    feed = feedparser.parse(requests.get(svc.url + path, timeout=10).content)
    assert not feed.bozo, feed.bozo_exception
    return [e.title for e in feed.entries]


def web_workers(pid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            cmdline = Path(entry.path, "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
            found.append(int(entry.name))
    return sorted(found)


def answers(svc: RunningService) -> bool:
    try:
        return requests.get(svc.url + "/feed.atom", timeout=2).status_code == 200
    except requests.RequestException:
        return False


def test_a_web_worker_process_that_dies_is_replaced(service_factory):
    svc = service_factory(args=["--workers", "2"]).start()
    workers = svc.wait_for(lambda: len(web_workers(svc.process.pid)) == 2 and web_workers(svc.process.pid))
    os.kill(workers[0], signal.SIGKILL)
    replaced = svc.wait_for(lambda: (len(web_workers(svc.process.pid)) == 2 and workers[0] not in
                                     web_workers(svc.process.pid) and web_workers(svc.process.pid)), timeout=20)
    assert workers[1] in replaced and svc.process.poll() is None
    drop(svc.releases, "one.txt", release_text(1))
    for _ in range(20):  # new connections, spread over both workers
        svc.wait_for(lambda: "Statement number 1 on cooperation" in titles(svc), timeout=15)


def test_web_worker_processes_stop_serving_when_the_main_process_is_killed(service_factory):
    svc = service_factory(args=["--workers", "2"]).start()
    workers = svc.wait_for(lambda: len(web_workers(svc.process.pid)) == 2 and web_workers(svc.process.pid))
    os.kill(svc.process.pid, signal.SIGKILL)  # the main process alone, as the OOM killer would
    svc.process.wait(10)
    deadline = time.monotonic() + 15
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    assert not answers(svc)  # nobody serves stale feeds on the port; a new `serve` can take it


def test_connections_that_send_nothing_are_closed_so_descriptors_never_run_out(service_factory):
    svc = service_factory()
    svc.log_path = svc.root / "serve.log"
    limit = 128
    with svc.log_path.open("wb") as log:
        svc.process = subprocess.Popen(
            [sys.executable, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(svc.port)],
            cwd=svc.root, env=svc.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit)))
    svc.wait_for(lambda: answers(svc), timeout=30)
    silent = [socket.create_connection(("127.0.0.1", svc.port), timeout=5) for _ in range(limit + 20)]
    for sock in silent:
        sock.setblocking(False)
    closed: set[int] = set()
    deadline = time.monotonic() + 60
    while len(closed) < len(silent) and time.monotonic() < deadline:
        for i, sock in enumerate(silent):
            if i not in closed:
                try:
                    if sock.recv(16) == b"":
                        closed.add(i)
                except BlockingIOError:
                    pass
                except OSError:
                    closed.add(i)
        time.sleep(0.2)
    for sock in silent:
        sock.close()
    assert len(closed) == len(silent)  # the service closed every one: more than its whole descriptor limit
    drop(svc.releases, "after.txt", release_text(2))
    svc.wait_for(lambda: "Statement number 2 on cooperation" in titles(svc), timeout=20)  # serves and scans again
    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=5).status_code == 200, timeout=10)


def test_a_nonsense_if_modified_since_is_ignored_everywhere(service_factory):
    svc = service_factory(feed_size=1).start()
    for n in (1, 2):
        drop(svc.releases, f"{n}.txt", release_text(n))
    svc.wait_for(lambda: requests.get(svc.url + "/feed.atom?page=2", timeout=10).status_code == 200)
    slug = feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content).entries[0].link
    for url in ["/feed.atom", "/feed.rss", "/feed.json", "/feed.atom?page=2", "/", "/healthz", slug]:
        url = url if url.startswith("http") else svc.url + url
        for date in (NONSENSE_DATE, "Mon, 99 Foo 99999999999999999999999 99:99:99 GMT", "yesterday"):
            for method in ("GET", "HEAD"):
                response = requests.request(method, url, headers={"If-Modified-Since": date}, timeout=10)
                assert response.status_code == 200, (url, date, method, response.status_code)
                if method == "GET":
                    assert response.content and b"Traceback" not in response.content
    assert "Traceback" not in svc.log()


def test_a_file_name_that_is_not_utf8_is_read_and_healthz_stays_up(service_factory):
    svc = service_factory(scan_interval=0.5).start()
    folder = os.fsencode(svc.releases)
    with open(os.path.join(folder, b"caf\xe9 statement.txt"), "wb") as f:  # Latin-1 bytes, from an old archive
        f.write(release_text(1).encode())
    with open(os.path.join(folder, b"notes \xff.xyz"), "wb") as f:
        f.write(b"not a release")
    svc.wait_for(lambda: "Statement number 1 on cooperation" in titles(svc))
    health = requests.get(svc.url + "/healthz", timeout=10)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert [r["file"] for r in health.json()["rejected"]] == ["notes \\xff.xyz"]
    link = feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content).entries[0].link
    assert requests.get(link, timeout=10).status_code == 200
    time.sleep(2)  # more scans: the file is known, not read again, nothing logged again
    assert svc.log().count("statement.txt") == 1 and "Traceback" not in svc.log()
    os.unlink(os.path.join(folder, b"caf\xe9 statement.txt"))
    svc.wait_for(lambda: titles(svc) == [])
    assert requests.get(link, timeout=10).status_code == 410


def test_archive_pages_render_side_by_side_while_the_front_feed_keeps_answering(service_factory):
    svc = service_factory(feed_size=5).start()
    for n in range(300):
        drop(svc.releases, f"r{n:03d}.txt", release_text(n))
    svc.wait_until_settled(300)
    assert len(titles(svc, "/feed.atom?page=60")) == 5
    front, pages, busy, errors, stop = [], [], [], [], threading.Event()

    def crawl(seed: int) -> None:
        rng = random.Random(seed)
        with requests.Session() as session:
            while not stop.is_set():
                page = rng.randint(2, 60)
                fmt = rng.choice(["atom", "rss"])
                response = session.get(f"{svc.url}/feed.{fmt}?page={page}", timeout=30)
                try:
                    if response.status_code == 503:  # as many pages rendering as may be: come back in a second
                        assert response.headers["Retry-After"] == "1"
                        busy.append(page)
                        continue
                    assert response.status_code == 200
                    root = etree.fromstring(response.content)
                    assert len(root.findall(".//{*}entry") + root.findall(".//item")) == 5
                    pages.append(page)
                except (AssertionError, etree.XMLSyntaxError) as e:
                    errors.append((page, fmt, repr(e)))

    def poll() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                response = session.get(svc.url + "/feed.atom", timeout=30)
                front.append((response.status_code, response.headers.get("ETag")))

    threads = [threading.Thread(target=crawl, args=(n,)) for n in range(16)] + [threading.Thread(target=poll)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and len(set(pages)) == 59  # every archive page was served, whole
    assert len(front) > 10 and {status for status, _ in front} == {200} and len({tag for _, tag in front}) == 1


def test_a_change_renders_the_main_languages_at_once_and_the_others_on_request(service_factory):
    svc = service_factory(feed_size=50).start()
    languages = ["en", "fr", "de", "es", "it", "pt", "ru", "uk", "pl", "nl", "sv", "fi"]
    n = 0
    for rank, language in enumerate(languages):
        for _ in range(len(languages) - rank):  # en has the most releases, fi the fewest
            n += 1
            drop(svc.releases, f"{language}-{n}.md",
                 f"---\ntitle: Release {n} in {language}\ndate: 2024-03-0{1 + n % 9}\nlanguage: {language}\n---\n\n"
                 f"Text of release {n}.\n")

    def documents() -> set[str]:
        db = sqlite3.connect(f"file:{svc.database}?mode=ro", uri=True)
        try:
            return {row[0] for row in db.execute("SELECT key FROM documents")}
        finally:
            db.close()

    def eager() -> set[str]:
        return {key.partition("lang=")[2] for key in documents() if "lang=" in key}

    svc.wait_for(lambda: requests.get(svc.url + "/healthz", timeout=10).json()["published"] == n, timeout=60)
    svc.wait_for(lambda: eager() == set(languages[:8]), timeout=20)  # once the scan that stored them renders
    keys = documents()
    assert {"/feed.atom", "/feed.rss", "/feed.json"} <= keys and len(keys) == 3 * 9
    for language in languages[8:]:  # rendered on their first request, all the same
        assert len(titles(svc, f"/feed.atom?lang={language}")) == len(languages) - languages.index(language)
        assert requests.get(svc.url + f"/feed.json?lang={language}", timeout=10).json()["language"] == language


def test_logs_say_what_changed_once_and_nothing_for_scans_that_change_nothing(service_factory):
    svc = service_factory(scan_interval=0.3).start()
    time.sleep(2)  # several scans of an empty folder
    assert " scan: " not in svc.log()
    drop(svc.releases, "one.txt", release_text(1))
    drop(svc.releases, "empty.txt", "")
    svc.wait_for(lambda: "Statement number 1 on cooperation" in titles(svc))
    time.sleep(2)  # more scans, nothing new: the rejection is not logged again
    lines = [line for line in svc.log().splitlines() if " scan: " in line]
    # one line per scan that changed something: the two files may land in one scan or in two (a file event each)
    said = "\n".join(lines)
    assert said.count('added ("one.txt")') == 1 and said.count('rejected ("empty.txt")') == 1 and len(lines) <= 2
    assert svc.log().count('rejected "empty.txt":') == 1
    assert "Traceback" not in svc.log()
