"""Search and topic feeds at 100,000 releases: how fast topics are found in a first scan, how fast an uncached
search or topic feed is answered, and the memory and disk they add.

    .venv/bin/python bench/bench_follow.py [--releases 100000] [--queries 200] [--keep DIR]

Releases are made from the real corpus (tests/data/corpus, read by the readers): each of the 100,000 is one of
its 330 releases in 8 languages with a new date (2000-2025), a number and a sentence of its own, so texts, topics,
languages and the days that translations are paired on look like a real archive's. Three steps:

1. First scan: topics found for every release (feedsvc.topics.with_topics, cold caches as in a new process),
   then the release stored with Store.save_release (search terms, topics, translation pairs of its day).
   Figures: topic extraction in releases per CPU second; stored releases per second.
2. In process: every query rendered as the web worker renders a feed it has not cached (its rows read with
   feedrows.read_page, then feeds.render of an Atom document): single words common and rare, in English, Russian,
   German, French; phrases; a search in one language; a search within a topic; topic feeds of big and small
   topics. p50, p95 and max in milliseconds.
3. Through `feedsvc serve --no-scheduler` on that database: each query fetched once (so never from the cache),
   p50 and p95 over HTTP; then the web process's resident memory after the front feeds and a few archive pages
   (which load the feed renderer, as search and topic feeds do), and after every search and topic feed (its page
   cache holding them), and the database size with and without the new tables.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import PYTHON, Process, feedsvc_env, free_port, machine, render_front_pages, rss_kb  # noqa: E402
from bench_topics import read_all  # noqa: E402

QUERIES = [
    "minister", "conversation", "terrorist attack", "Kabul", "Morocco", "sanctions", "condolences",
    '"foreign minister"', '"security council"', "разговор", "министр иностранных дел", "Außenminister",
    "condamne", "atentado", "Lavrov", "Brexit", "earthquake", "Security Council resolution", "embassy -Kabul",
    "conver*", "Syria OR Libya", "hurricane Matthew", "Bundestag", "zanzibarian",
]


def build(database: Path, count: int) -> tuple[float, float, float]:
    """Fill a store with `count` releases made from the corpus; (topic seconds, store seconds, wall seconds)."""
    from feedsvc.store import Store
    from feedsvc.topics import with_topics

    logging.basicConfig(level=logging.CRITICAL)
    bases = [release for _, _, release in read_all(None)]
    rng = random.Random(14)
    store = Store(database)
    store._connection().execute("PRAGMA synchronous=OFF")  # bench only: the fill is thrown away if it fails
    now = datetime.now(UTC)
    topic_cpu = store_cpu = 0.0
    started = time.monotonic()
    for n in range(count):
        base = bases[n % len(bases)]
        day = datetime(2000, 1, 1, tzinfo=UTC) + timedelta(days=rng.randrange(9490), minutes=rng.randrange(1440))
        words = [w.lower() for w in rng.sample(base.body.split(), min(8, len(base.body.split())))]
        extra = f"Reference {n}: {' '.join(words)}."  # in lower case: no names made up by chance
        release = replace(base, title=f"{base.title} ({n})", body=f"{base.body}\n\n{extra}", published=day,
                          available_from=None, embargo=None, day=day.date(), topics=())
        t0 = time.process_time()
        release = with_topics(release)
        t1 = time.process_time()
        path = f"batch-{n // 1000:04d}/release-{n:06d}.txt"
        store.save_release(path, len(release.body), 0, hashlib.sha256(f"{n}".encode()).hexdigest(), release, now)
        t2 = time.process_time()
        topic_cpu += t1 - t0
        store_cpu += t2 - t1
        if n and n % 10_000 == 0:
            print(f"  {n} releases stored ({time.monotonic() - started:.0f} s)", flush=True)
    store.close()
    return topic_cpu, store_cpu, time.monotonic() - started


def in_process(database: Path, queries: list[str], base_url: str) -> dict[str, list[float]]:
    from feedsvc import feedrows, feeds
    from feedsvc.routes import Variant
    from feedsvc.settings import Settings
    from feedsvc.store import Store

    store = Store(database)
    settings = Settings.from_mapping({"database": str(database), "base_url": base_url})
    now = datetime.now(UTC)
    counts = store.topic_counts(now)
    big = [t.slug for t, _ in counts[:20]]
    small = [t.slug for t, n in counts if n < 50][:20]
    times: dict[str, list[float]] = {"search": [], "search, one language": [], "search in a topic": [],
                                     "topic feed (big topic)": [], "topic feed (small topic)": [],
                                     "topic feed, page 20": []}
    variants = ([("search", Variant("atom", search=q)) for q in queries]
                + [("search, one language", Variant("atom", "en", search=q)) for q in queries[:10]]
                + [("search in a topic", Variant("atom", search=q, topic="russia")) for q in queries[:10]]
                + [("topic feed (big topic)", Variant("atom", topic=s)) for s in big]
                + [("topic feed (small topic)", Variant("atom", topic=s)) for s in small]
                + [("topic feed, page 20", Variant("atom", page=20, topic=s)) for s in big[:10]])
    for label, variant in variants:
        started = time.perf_counter()
        page = feedrows.read_page(store, settings, variant, now)
        if page is not None:
            feeds.render(settings, variant, page)
        times[label].append((time.perf_counter() - started) * 1000)
    return times


def over_http(database: Path, root: Path, queries: list[str]) -> tuple[list[float], list[float], int, int]:
    """(search ms, topic ms, RSS kB after front feeds, RSS kB after every search and topic feed)."""
    from feedsvc.store import Store

    port = free_port()
    releases = root / "releases-unused"
    releases.mkdir(exist_ok=True)
    env = feedsvc_env(root, releases, database, port, watch="false")
    render_front_pages(env)
    service = Process([PYTHON, "-m", "feedsvc", "serve", "--no-scheduler", "--host", "127.0.0.1", "--port",
                       str(port)], env=env, cwd=root, log=root / "serve.log")
    base = f"http://127.0.0.1:{port}"
    try:
        service.wait_http(base + "/feed.atom", timeout=120)
        # The baseline: front feeds, the index, and archive pages (which load the feed renderer, as any
        # search or topic feed does).
        for path in ("/feed.atom", "/feed.rss", "/feed.json", "/", "/feed.atom?page=2", "/feed.rss?page=2",
                     "/feed.json?page=2", "/feed.atom?page=3"):
            urllib.request.urlopen(base + path, timeout=30).read()
        front_rss = rss_kb(service.pid)[0]
        search_ms = []
        variants = [f"{q} {n}" if n else q for n in range(3) for q in queries]  # each query fetched once
        for q in variants:
            search_ms.append(_fetch(base + "/feed.atom?" + urllib.parse.urlencode({"q": q})))
        slugs = [t.slug for t, _ in Store(database).topic_counts(datetime.now(UTC))[:60]]
        topic_ms = [_fetch(f"{base}/topics/{urllib.parse.quote(s)}/feed.atom") for s in slugs]
        after_rss = rss_kb(service.pid)[0]
    finally:
        service.stop()
    return search_ms, topic_ms, front_rss, after_rss


def _fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        assert response.status == 200
    return (time.perf_counter() - started) * 1000


def sizes(database: Path, root: Path) -> tuple[int, int]:
    """(database bytes, bytes without the search, topic and translation tables), both vacuumed."""
    copy = root / "sizes.sqlite3"
    shutil.copyfile(database, copy)
    db = sqlite3.connect(copy)
    db.execute("VACUUM")
    full = copy.stat().st_size
    for table in ("search", "entry_topics", "topics", "translations", "entry_index"):
        db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute("VACUUM")
    db.close()
    without = copy.stat().st_size
    copy.unlink()
    return full, without


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the database in this folder")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="feedsvc-follow-"))
    root.mkdir(parents=True, exist_ok=True)
    database = root / "follow.sqlite3"
    print(machine())
    if database.exists() and args.keep:
        print(f"reusing {database}")
        topic_rate = store_rate = float("nan")
    else:
        print(f"first scan of {args.releases} releases made from the corpus...")
        topic_cpu, store_cpu, wall = build(database, args.releases)
        topic_rate, store_rate = args.releases / topic_cpu, args.releases / store_cpu
        print(f"topics found: {topic_rate:.0f} releases per CPU second; stored (search terms, topics, "
              f"translations): {store_rate:.0f} per CPU second; {wall:.0f} s in all")
    times = in_process(database, QUERIES, "http://127.0.0.1:8080")
    print("\nuncached feed documents rendered in process (ms)")
    print(f"{'':28} {'n':>4} {'p50':>7} {'p95':>7} {'max':>7}")
    for label, values in times.items():
        print(f"{label:28} {len(values):>4} {statistics.median(values):>7.1f} {percentile(values, 95):>7.1f} "
              f"{max(values):>7.1f}")
    search_ms, topic_ms, front_kb, after_kb = over_http(database, root, QUERIES)
    print(f"\nover HTTP, each URL fetched once: search p50 {statistics.median(search_ms):.1f} ms, p95 "
          f"{percentile(search_ms, 95):.1f} ms (n={len(search_ms)}); topic feeds p50 {statistics.median(topic_ms):.1f}"
          f" ms, p95 {percentile(topic_ms, 95):.1f} ms (n={len(topic_ms)})")
    print(f"web process resident memory: {front_kb / 1024:.0f} MB after the front feeds and archive pages, "
          f"{after_kb / 1024:.0f} MB "
          f"after {len(search_ms)} searches and {len(topic_ms)} topic feeds (+{(after_kb - front_kb) / 1024:.0f} MB)")
    full, without = sizes(database, root)
    print(f"database: {full / 2**20:.0f} MB, of which search, topics and translations "
          f"{(full - without) / 2**20:.0f} MB")
    all_search = [v for k, vs in times.items() if k.startswith("search") for v in vs]
    print(f"\nSUMMARY releases={args.releases} topic_extraction={topic_rate:.0f}_per_s store={store_rate:.0f}_per_s "
          f"search_p95_ms={percentile(all_search, 95):.1f} http_search_p95_ms={percentile(search_ms, 95):.1f} "
          f"topic_p95_ms={percentile(times['topic feed (big topic)'], 95):.1f} "
          f"added_rss_mb={(after_kb - front_kb) / 1024:.0f} added_disk_mb={(full - without) / 2**20:.0f}")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
