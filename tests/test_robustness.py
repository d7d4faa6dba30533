"""Ingestion you can trust: whatever lands in releases/, the real service never publishes half a file, never
crashes, never loses or duplicates a release, never reaches outside its folder, and reports what it refused."""

from __future__ import annotations

import gzip
import io
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import feedparser
import lxml.html
import pytest
import requests
from lxml import etree

from conftest import RunningService, drop

XML_ILLEGAL = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
LIVE_TAGS = {"script", "style", "iframe", "object", "embed", "form", "base", "meta", "link", "svg", "math"}
ATOM = "{http://www.w3.org/2005/Atom}"


def release_text(n: int, words: str = "") -> str:
    return (f"Statement number {n} on cooperation\n\nMoscow, {1 + n % 28} March 2024\n\n"
            f"The ministry published statement {n} about trade and culture. {words}\n")


def launch(svc: RunningService) -> RunningService:
    """Start `feedsvc serve` like RunningService.start, without waiting for the first scan to finish."""
    svc.log_path = svc.root / f"serve-{time.monotonic_ns()}.log"
    with svc.log_path.open("wb") as log:
        svc.process = subprocess.Popen(
            [sys.executable, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(svc.port), *svc.args],
            cwd=svc.root, env=svc.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return svc


def query(svc: RunningService, sql: str, *args) -> list[tuple]:
    """Read the service's database the way an operator would: read-only, beside the running service."""
    if not svc.database.exists():
        return []
    db = sqlite3.connect(f"file:{svc.database}?mode=ro", uri=True, timeout=5)
    try:
        return db.execute(sql, args).fetchall()
    except sqlite3.OperationalError:
        return []  # the schema is not there yet
    finally:
        db.close()


def health(svc: RunningService) -> dict:
    response = requests.get(svc.url + "/healthz", timeout=5)
    assert response.status_code == 200
    return response.json()


def rejected(svc: RunningService) -> dict[str, str]:
    return {r["file"]: r["reason"] for r in health(svc)["rejected"]}


def assert_no_live_markup(fragment: str) -> None:
    if not fragment or not fragment.strip():
        return
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag.lower() not in LIVE_TAGS, lxml.html.tostring(el)[:200]
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (name, value)
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                assert not re.match(r"\s*(javascript|vbscript|data):", value, re.I), value


def fetch_feed(svc: RunningService, path: str, session: requests.Session | None = None) -> etree._Element:
    """A feed document that is complete, well-formed XML with no illegal characters and no live markup."""
    response = (session or requests).get(svc.url + path, timeout=10, stream=True)
    assert response.status_code == 200, (path, response.status_code)
    raw = response.raw.read(decode_content=False)
    assert len(raw) == int(response.headers["Content-Length"]), "a truncated document"
    body = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
    root = etree.fromstring(body)
    assert not XML_ILLEGAL.search(body.decode("utf-8"))
    if path.startswith("/feed.atom"):
        assert root.tag == ATOM + "feed"
        for node in root.iter(ATOM + "content", ATOM + "summary"):
            if node.get("type") == "html":
                assert_no_live_markup(node.text or "")
    else:
        assert root.tag == "rss" and root.find("channel") is not None
        for item in root.iter("item"):
            for node in item:
                if node.tag in ("description", "{http://purl.org/rss/1.0/modules/content/}encoded"):
                    assert_no_live_markup(node.text or "")
    return root


def atom_entries(svc: RunningService) -> dict[str, str]:
    """Entry id -> content text of the Atom feed."""
    root = fetch_feed(svc, "/feed.atom")
    parsed = feedparser.parse(etree.tostring(root))
    assert not parsed.bozo, parsed.bozo_exception
    return {e.id: e.get("content", [{"value": ""}])[0]["value"] for e in parsed.entries}


def live_entries(svc: RunningService) -> dict[str, str]:
    """Source file -> entry id, straight from the database."""
    return dict(query(svc, "SELECT source, id FROM entries WHERE withdrawn IS NULL"))


def test_slowly_written_file_is_never_published_half_written(service_factory):
    svc = service_factory(settle_seconds=1.0).start()
    target = svc.releases / "slow.txt"
    text = release_text(1, " ".join(f"Paragraph part {n}." for n in range(40)) + " END-OF-RELEASE")
    data = text.encode()
    seen_partial: list[str] = []
    with target.open("wb") as f:
        for start in range(0, len(data), len(data) // 8 + 1):
            f.write(data[start:start + len(data) // 8 + 1])
            f.flush()
            for body in atom_entries(svc).values():
                if "Paragraph part" in body and "END-OF-RELEASE" not in body:
                    seen_partial.append(body)
            time.sleep(0.2)  # pauses shorter than settle_seconds, as a slow share delivers a file
    svc.wait_for(lambda: any("END-OF-RELEASE" in b for b in atom_entries(svc).values()), timeout=20)
    assert seen_partial == []
    assert list(live_entries(svc)) == ["slow.txt"]


def test_file_written_elsewhere_and_renamed_in_is_picked_up_and_leftovers_are_ignored(service_factory):
    svc = service_factory(scan_interval=3600).start()
    leftovers = [".~lock.release.docx#", "~$release.docx", "release.tmp", "release.txt.part", "report.pdf.crdownload",
                 ".release.txt.swp", ".hidden.txt", ".hidden-folder/inside.txt", "release.txt~"]
    for n, name in enumerate(leftovers):
        drop(svc.releases, name, release_text(100 + n))
    partial = drop(svc.releases, "incoming.txt.part", release_text(1))
    partial.rename(svc.releases / "incoming.txt")
    svc.wait_for(lambda: len(atom_entries(svc)) == 1, timeout=20)
    assert list(live_entries(svc)) == ["incoming.txt"]
    assert rejected(svc) == {}
    assert [path for (path,) in query(svc, "SELECT path FROM files")] == ["incoming.txt"]


def test_file_events_trigger_a_scan_soon_after_a_file_settles(service_factory):
    svc = service_factory(scan_interval=3600, settle_seconds=0.5).start()
    assert "watching" in svc.log()
    drop(svc.releases, "instant.txt", release_text(1))
    # No periodic scan for an hour: only the file-system event can bring it in.
    svc.wait_for(lambda: len(atom_entries(svc)) == 1, timeout=15)
    assert list(live_entries(svc)) == ["instant.txt"]


def test_a_releases_folder_created_after_start_is_watched_and_published(service_factory):
    svc = service_factory(scan_interval=1, settle_seconds=0.2)
    svc.releases.rmdir()
    svc.start()
    svc.wait_for(lambda: "is not a folder; relying on the periodic scan" in svc.log(), timeout=10)
    svc.releases.mkdir()
    svc.wait_for(lambda: f"watching {svc.releases}" in svc.log(), timeout=10)
    drop(svc.releases, "late.txt", release_text(1))
    svc.wait_for(lambda: len(atom_entries(svc)) == 1, timeout=15)
    assert svc.log().count("is not a folder; relying on the periodic scan") == 1  # said once, not on every scan
    assert svc.log().count("does not exist or is not a folder") == 1  # by the scans, once too


def test_the_watch_setting_switches_file_events_off(service_factory):
    svc = service_factory(scan_interval=3600, settle_seconds=0.2, watch="false").start()
    drop(svc.releases, "quiet.txt", release_text(1))
    time.sleep(2.0)  # well past settle_seconds plus the debounce an event would cause
    assert live_entries(svc) == {}
    assert "watching" not in svc.log()


def zip_bomb(uncompressed: int = 120 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml inflates from a few hundred kilobytes to `uncompressed` bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                                          'package/2006/content-types"/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                    b'2006/main"><w:body><w:p><w:r><w:t>')
            chunk = b"A" * (1 << 20)
            for _ in range(uncompressed >> 20):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def docx(document_xml: str) -> bytes:
    """A real Word package (made by python-docx) whose document.xml is replaced by `document_xml`."""
    import docx as python_docx

    blank = io.BytesIO()
    python_docx.Document().save(blank)
    buf = io.BytesIO()
    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = document_xml.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info.filename, data)
    return buf.getvalue()


LAUGHS = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
BILLION_LAUGHS_DTD = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{LAUGHS}]>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def hostile_files(releases: Path, outside: Path) -> tuple[set[str], set[str]]:
    """Drop every kind of hostile input; returns (must be rejected, may be rejected or published cleanly)."""
    drop(releases, "control-characters.txt", source="control-characters.txt")
    drop(releases, "hostile-markup.html", source="hostile-markup.html")
    controls = ("Control \x00characters\x07 in\x1b the \ufffe title\n\n3 March 2024\n\n"
                "Body\x0c with a form feed,\x0b a vertical tab and a lone \udcff surrogate.\n")
    drop(releases, "controls-generated.txt", controls.encode("utf-8", "surrogatepass"))
    drop(releases, "invalid-utf8.txt", b"Invalid bytes \xff\xfe\xc3\x28 here\n\n3 March 2024\n\nBody \x80\x81 text.\n")
    drop(releases, "mixed-encodings.txt", "Заявление МИД\n\n3 марта 2024 года\n\n".encode()
         + "Текст в другой кодировке.".encode("cp1251") + b"\n")
    drop(releases, "oversized.txt", release_text(7, "padding " * 60_000))
    drop(releases, "zip-bomb.docx", zip_bomb())
    drop(releases, "laughs.docx", docx(f'<?xml version="1.0"?>{BILLION_LAUGHS_DTD}<w:document {W}><w:body><w:p>'
                                       f'<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'))
    drop(releases, "nested.docx", docx(f'<?xml version="1.0"?><w:document {W}><w:body>' + "<w:p>" * 30_000
                                       + "</w:p>" * 30_000 + "</w:body></w:document>"))
    drop(releases, "nested.html", "<html><body>" + "<div>" * 25_000 + "deep" + "</div>" * 25_000
         + "</body></html>")
    drop(releases, "laughs.html", f'<?xml version="1.0"?>{BILLION_LAUGHS_DTD}<html><head><title>Laughs</title>'
                                  f'</head><body><h1>Laughs &lol9;</h1><p>3 March 2024. &lol9;</p></body></html>')
    secret = drop(outside, "secret.txt", release_text(9, "SECRET-OUTSIDE"))
    (releases / "linked.txt").symlink_to(secret)
    (releases / "linked-folder").symlink_to(outside, target_is_directory=True)
    os.mkfifo(releases / "pipe.txt")
    must_reject = {"oversized.txt", "zip-bomb.docx", "linked.txt", "linked-folder", "pipe.txt"}
    either = {"control-characters.txt", "hostile-markup.html", "controls-generated.txt", "invalid-utf8.txt",
              "mixed-encodings.txt", "laughs.docx", "nested.docx", "nested.html", "laughs.html"}
    return must_reject, either


def test_hostile_input_is_rejected_or_cleaned_and_the_service_keeps_serving(service_factory, tmp_path):
    svc = service_factory(max_file_size=300_000).start()
    drop(svc.releases, "good.txt", release_text(1))
    must_reject, either = hostile_files(svc.releases, tmp_path / "outside")
    everything = must_reject | either | {"good.txt"}
    svc.wait_for(lambda: {p for (p,) in query(svc, "SELECT path FROM files")} >= everything, timeout=60)
    reasons = rejected(svc)
    assert must_reject <= set(reasons)
    assert all(len(reasons[name]) > 20 for name in reasons)
    assert "symbolic link" in reasons["linked.txt"] and "symbolic link" in reasons["linked-folder"]
    assert "named pipe" in reasons["pipe.txt"]
    assert "good.txt" in live_entries(svc)
    assert svc.process.poll() is None
    assert health(svc)["status"] == "ok"  # rejected files are the office's to fix, not a fault of the service
    for path in ("/feed.atom", "/feed.rss"):
        body = etree.tostring(fetch_feed(svc, path))
        assert b"SECRET-OUTSIDE" not in body
        assert b"lollollollollol" not in body
        assert len(body) < 5_000_000
    for body in atom_entries(svc).values():
        assert "AAAAAAAAAAAAAAAAAAAAAAAA" not in body
    assert requests.get(svc.url + "/", timeout=10).status_code == 200
    assert "Traceback" not in svc.log() or "reader" in svc.log()  # reader bugs are logged, never fatal


def test_files_that_change_or_vanish_while_read_never_publish_a_torn_version(service_factory):
    svc = service_factory(settle_seconds=0.1).start()
    stop = threading.Event()
    versions: set[str] = set()

    def churn() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            version = f"VERSION-{n}-END"
            versions.add(version)
            drop(svc.releases, "churn.txt", release_text(1, "word " * 2000 + version))
            drop(svc.releases, "blink.txt", release_text(2, version))
            time.sleep(0.03)
            (svc.releases / "blink.txt").unlink()
            time.sleep(0.05)

    worker = threading.Thread(target=churn)
    worker.start()
    try:
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            for body in atom_entries(svc).values():
                if "word word" in body:
                    assert re.search(r"VERSION-\d+-END", body), "a torn version was published"
            time.sleep(0.1)
    finally:
        stop.set()
        worker.join(5)
    final = drop(svc.releases, "churn.txt", release_text(1, "FINAL-VERSION"))
    svc.wait_for(lambda: any("FINAL-VERSION" in b for b in atom_entries(svc).values()), timeout=15)
    assert final.exists() and svc.process.poll() is None
    assert "blink.txt" not in live_entries(svc)
    assert rejected(svc) == {}


def test_rejected_files_are_reported_in_scan_output_healthz_and_log_and_leave_once_fixed(service_factory):
    svc = service_factory().start()
    drop(svc.releases, "empty.txt", b"")
    drop(svc.releases, "notes.xyz", b"not a release")
    svc.wait_for(lambda: {"empty.txt", "notes.xyz"} <= set(rejected(svc)), timeout=15)
    reasons = rejected(svc)
    assert reasons["empty.txt"] and ".xyz" in reasons["notes.xyz"]
    assert 'rejected "empty.txt"' in svc.log()  # names are quoted in the log
    scan = subprocess.run([sys.executable, "-m", "feedsvc", "scan"], cwd=svc.root, env=svc.env,
                          capture_output=True, text=True, timeout=60)
    assert "Rejected: 2" in scan.stdout
    assert f"  empty.txt: {reasons['empty.txt']}" in scan.stdout
    drop(svc.releases, "empty.txt", release_text(1))
    (svc.releases / "notes.xyz").unlink()
    svc.wait_for(lambda: rejected(svc) == {} and len(atom_entries(svc)) == 1, timeout=15)
    assert list(live_entries(svc)) == ["empty.txt"]


def test_sigkill_in_the_middle_of_a_scan_loses_nothing_and_duplicates_nothing(service_factory):
    total = 2000
    svc = service_factory(scan_interval=3600, settle_seconds=0.2)
    for n in range(total):
        drop(svc.releases, f"batch/{n // 200:02}/release-{n:05}.txt", release_text(n, f"Unique {n}."))
    time.sleep(0.3)  # every file settled before the first scan
    launch(svc)
    before = svc.wait_for(lambda: (lambda e: e if 50 <= len(e) < total else None)(live_entries(svc)),
                          timeout=60, interval=0.02)
    svc.stop(signal.SIGKILL)
    assert svc.process.returncode == -signal.SIGKILL
    svc.start(timeout=90)
    svc.wait_for(lambda: len(live_entries(svc)) == total, timeout=90)
    after = live_entries(svc)
    assert all(after[source] == entry_id for source, entry_id in before.items())
    rows = query(svc, "SELECT source, count(*) FROM entries GROUP BY source HAVING count(*) > 1")
    assert rows == []
    assert query(svc, "SELECT count(*), count(DISTINCT id) FROM entries") == [(total, total)]
    assert query(svc, "SELECT count(*) FROM files WHERE status='published'") == [(total,)]
    assert len(atom_entries(svc)) > 0


def test_pollers_get_complete_feeds_while_thousands_of_files_are_ingested(service_factory):
    total, pollers = 2000, 50
    svc = service_factory(settle_seconds=0.2, feed_size=20).start()
    for n in range(total):
        drop(svc.releases, f"load/{n // 250}/release-{n:05}.txt", release_text(n, f"Unique {n}."))
    stop = threading.Event()
    problems: list[str] = []
    counts = {"requests": 0}
    lock = threading.Lock()

    def poll(k: int) -> None:
        with requests.Session() as session:
            path = "/feed.atom" if k % 2 else "/feed.rss"
            tag = ATOM + "entry" if k % 2 else "item"
            most = 0
            while not stop.is_set():
                try:
                    n = len(fetch_feed(svc, path, session).findall(f".//{tag}"))
                except Exception as e:  # any failure is a finding, not a crash of the poller
                    problems.append(f"{path}: {type(e).__name__}: {e}"[:300])
                    continue
                if n < most:
                    problems.append(f"{path}: {n} entries after {most}")
                most = max(most, n)
                with lock:
                    counts["requests"] += 1

    threads = [threading.Thread(target=poll, args=(k,)) for k in range(pollers)]
    for t in threads:
        t.start()
    try:
        svc.wait_for(lambda: health(svc)["published"] == total, timeout=120, interval=0.5)
    finally:
        stop.set()
        for t in threads:
            t.join(15)
    assert problems == []
    assert counts["requests"] > pollers
    assert len(live_entries(svc)) == total


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the worker processes")
def test_one_web_worker_serves_from_the_main_process_beside_the_scheduler(service_factory):
    svc = service_factory(scan_interval=3600, args=["--workers", "1"]).start()
    assert "one web worker in this process" in svc.log()
    assert "free-threaded" not in svc.log()  # granian's warning for its thread workers does not apply here
    drop(svc.releases, "fresh.txt", release_text(1))
    svc.wait_for(lambda: "Statement number 1" in requests.get(svc.url + "/feed.atom", timeout=10).text, timeout=20)
    feed = feedparser.parse(requests.get(svc.url + "/feed.atom", timeout=10).content)
    assert not feed.bozo and len(feed.entries) == 1
    assert requests.get(feed.entries[0].link, timeout=10).status_code == 200
    assert requests.get(svc.url + "/healthz", timeout=10).json()["published"] == 1
    # No web worker process, no multiprocessing helper: one interpreter serves, beside the reader it started.
    assert all(b"serve_reads" in Path(f"/proc/{pid}/cmdline").read_bytes() for pid in _children(svc.process.pid))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the worker processes")
def test_several_web_workers_share_one_scheduler_and_serve_the_same_fresh_feeds(service_factory):
    svc = service_factory(scan_interval=3600, args=["--workers", "3"]).start()
    svc.wait_for(lambda: svc.log().count("Spawning worker") >= 3, timeout=30)
    for _ in range(30):
        fetch_feed(svc, "/feed.atom")
    assert svc.log().count("scheduler started") == 1
    assert " scan: " not in svc.log()  # the first scan found nothing to change, so it logged nothing
    drop(svc.releases, "fresh.txt", release_text(1))

    def all_workers_fresh() -> bool:
        etags = set()
        for _ in range(30):  # a new connection each time, so the requests spread over the workers
            response = requests.get(svc.url + "/feed.atom", headers={"Connection": "close"}, timeout=10)
            if "Statement number 1" not in response.text:
                return False
            etags.add(response.headers["ETag"])
        return len(etags) == 1

    svc.wait_for(all_workers_fresh, timeout=20)
    assert svc.log().count("scheduler started") == 1
    assert svc.log().count(" scan: ") == 1  # one scan stored it: never one per worker
    assert svc.log().count('1 added ("fresh.txt")') == 1
    workers = [pid for pid in _children(svc.process.pid)
               if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert len(workers) == 3  # fresh interpreters: no SQLite connection, lock or thread crossed a fork
