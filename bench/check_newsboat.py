"""Check with a real terminal feed reader: newsboat fetches both feeds from a live `feedsvc serve`.

Usage: python bench/check_newsboat.py   (needs newsboat: apt-get install newsboat)
Prints, for every entry, the title and date newsboat stored beside what feedsvc published, and a last line
`newsboat: N/N entries match` (exit status 1 on any mismatch). The front feeds, a search feed and topic feeds
are read; a release published in Russian and English checks that newsboat keeps an Atom entry's own link, not the
link to its translation.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import requests

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"


TRANSLATED = ("МИД РК Кабул заявление.txt", "kazakh-mfa-kabul-2022.md")
TRANSLATED_DAY = datetime(2022, 9, 5, 12, tzinfo=UTC).timestamp()  # the day both were published


def own_links(document: bytes) -> dict[str, str]:
    """Each Atom entry's own link (the alternate without hreflang), by id: newsboat must store it, not the link to
    a translation."""
    from lxml import etree

    atom = "{http://www.w3.org/2005/Atom}"
    root = etree.fromstring(document)
    return {e.findtext(f"{atom}id"): next(ln.get("href") for ln in e.findall(f"{atom}link")
                                          if ln.get("rel", "alternate") == "alternate" and not ln.get("hreflang"))
            for e in root.iter(f"{atom}entry")}


def main() -> int:
    if shutil.which("newsboat") is None:
        print("newsboat is not installed: apt-get install newsboat")
        return 2
    work = Path(tempfile.mkdtemp(prefix="feedsvc-newsboat-"))
    releases = work / "releases"
    releases.mkdir()
    for folder in ("releases", "bad"):
        for path in (SAMPLES / folder).iterdir():
            if path.suffix != ".json":
                shutil.copyfile(path, releases / f"{folder}-{path.name}")
    for name in TRANSLATED:  # one release in Russian and English: their Atom entries link each other
        shutil.copyfile(ROOT / "tests" / "data" / "corpus" / "cyrillic" / name, releases / name)
        os.utime(releases / name, (TRANSLATED_DAY, TRANSLATED_DAY))
    port = 18000 + os.getpid() % 1000
    env = {**os.environ, "FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(work / "db.sqlite3"),
           "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}", "FEEDSVC_SETTLE_SECONDS": "0",
           "FEEDSVC_WORKERS": "1", "FEEDSVC_TIMEZONE": "Europe/Moscow", "FEEDSVC_CONFIG": str(work / "none.toml")}
    (work / "none.toml").write_text("")
    server = subprocess.Popen([sys.executable, "-m", "feedsvc", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if requests.get(base + "/healthz", timeout=1).json().get("last_scan"):
                    break
            except (requests.RequestException, ValueError):
                time.sleep(0.2)
        urls = [base + "/feed.atom", base + "/feed.rss", base + "/feed.atom?q=minister",
                base + "/feed.rss?q=minister", base + "/topics/kazakhstan/feed.atom",
                base + "/topics/kazakhstan/feed.rss", base + "/topics/morocco/feed.atom"]
        (work / "config").write_text("")
        total = matched = 0
        print(f"{'feed':28} {'newsboat (UTC)':17} {'feedsvc (UTC)':17} title")
        for url in urls:
            # One cache per feed: newsboat merges items with the same guid, and both feeds share the ids.
            (work / "urls").write_text(url + "\n")
            cache = work / f"cache-{url.rsplit('.', 1)[1]}.db"
            subprocess.run(["newsboat", "-u", str(work / "urls"), "-c", str(cache), "-C", str(work / "config"),
                            "-x", "reload"], check=True, timeout=60, env={**os.environ, "HOME": str(work)})
            db = sqlite3.connect(cache)
            published = {e.id: e for e in feedparser.parse(requests.get(url, timeout=5).content).entries}
            rows = db.execute("SELECT guid, title, pubDate, url FROM rss_item WHERE feedurl=?", (url,)).fetchall()
            own = own_links(requests.get(url, timeout=5).content)
            for guid, title, pub, link in rows:
                total += 1
                entry = published.get(guid)
                theirs = datetime.fromtimestamp(pub, UTC).strftime("%Y-%m-%d %H:%M")
                ours = (datetime(*entry.published_parsed[:6], tzinfo=UTC).strftime("%Y-%m-%d %H:%M")
                        if entry else "(missing)")
                ok = entry is not None and title == entry.title and theirs == ours and link == own.get(guid, link)
                matched += ok
                feed = url.removeprefix(base)
                print(f"{feed[:28]:28} {theirs:17} {ours:17} {'' if ok else 'MISMATCH '}{title[:50]}")
            if len(rows) != len(published):
                print(f"{url}: newsboat stored {len(rows)} entries, the feed has {len(published)}")
                total += abs(len(published) - len(rows))
        print(f"newsboat: {matched}/{total} entries match")
        return 0 if matched == total and total else 1
    finally:
        server.terminate()
        server.wait(15)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
