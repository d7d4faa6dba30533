"""Feeds under load while a big drop is ingested: 50 pollers against /feed.atom and /feed.rss of a real service.

Starts `feedsvc serve` on a loopback port over an empty releases folder, drops N generated releases, and polls
with C threads (one requests.Session each) until every release is published; every response must be a complete,
well-formed feed. Prints a table and a one-line summary.

    python bench/bench_load.py [--releases 3000] [--pollers 50] [--workers N]
"""

from __future__ import annotations

import argparse
import gzip
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def release_text(n: int) -> str:
    return (f"Statement number {n} on cooperation\n\nMoscow, {1 + n % 28} March 2024\n\n"
            f"The ministry published statement {n} about trade, culture and the exchange of students. "
            f"Both sides agreed to meet again next year. Reference {n:06}.\n")


class Poller(threading.Thread):
    """Polls one feed path until told to stop; records latency and every problem."""

    def __init__(self, url: str, path: str, stop: threading.Event, gzip_ok: bool):
        super().__init__(daemon=True)
        self.url, self.path, self.stop, self.gzip_ok = url, path, stop, gzip_ok
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.invalid: list[str] = []
        self.most = 0

    def run(self) -> None:
        session = requests.Session()
        session.headers["Accept-Encoding"] = "gzip" if self.gzip_ok else "identity"
        tag = ATOM + "entry" if self.path.endswith(".atom") else "item"
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                response = session.get(self.url + self.path, timeout=30, stream=True)
                raw = response.raw.read(decode_content=False)
            except requests.RequestException as e:
                self.errors.append(f"{type(e).__name__}: {e}")
                continue
            self.latencies.append(time.perf_counter() - started)
            if response.status_code != 200:
                self.errors.append(f"HTTP {response.status_code}")
                continue
            problem = self.check(response, raw, tag)
            if problem:
                self.invalid.append(problem)

    def check(self, response: requests.Response, raw: bytes, tag: str) -> str | None:
        if len(raw) != int(response.headers.get("Content-Length", -1)):
            return f"truncated: {len(raw)} of {response.headers.get('Content-Length')} bytes"
        try:
            body = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
            root = etree.fromstring(body)
        except (OSError, EOFError, etree.XMLSyntaxError) as e:
            return f"not well-formed: {e}"
        if root.tag not in (ATOM + "feed", "rss"):
            return f"unexpected root {root.tag}"
        entries = len(root.findall(f".//{tag}"))
        if entries < self.most:
            return f"{entries} entries after {self.most}"  # a torn or stale document
        self.most = entries
        return None


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def published(url: str) -> int:
    try:
        return requests.get(url + "/healthz", timeout=5).json()["published"]
    except (requests.RequestException, ValueError, KeyError):
        return -1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=3000)
    parser.add_argument("--pollers", type=int, default=50)
    parser.add_argument("--workers", type=int, default=None, help="web workers of feedsvc serve (default: its default)")
    parser.add_argument("--threads", type=int, default=None, help="request threads per worker (default: its default)")
    parser.add_argument("--timeout", type=float, default=300, help="give up after this many seconds of ingest")
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="feedsvc-bench-load-"))
    releases = root / "releases"
    releases.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
    env.update({
        "FEEDSVC_CONFIG": str(root / "feedsvc.toml"), "FEEDSVC_RELEASES_DIR": str(releases),
        "FEEDSVC_DATABASE": str(root / "var" / "feedsvc.sqlite3"), "FEEDSVC_BASE_URL": url,
        "FEEDSVC_SCAN_INTERVAL": "5", "FEEDSVC_SETTLE_SECONDS": "0.5", "FEEDSVC_LOG_LEVEL": "WARNING",
    })
    if args.threads:
        env["FEEDSVC_THREADS"] = str(args.threads)
    (root / "feedsvc.toml").write_text("# bench config: everything comes from the environment\n")
    log = (root / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(port),
         *(["--workers", str(args.workers)] if args.workers else [])],
        cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while published(url) != 0:
            if server.poll() is not None or time.monotonic() > deadline:
                print((root / "serve.log").read_text(), file=sys.stderr)
                raise SystemExit("feedsvc serve did not come up")
            time.sleep(0.1)

        stop = threading.Event()
        pollers = [Poller(url, "/feed.atom" if k % 2 else "/feed.rss", stop, gzip_ok=k % 4 < 2)
                   for k in range(args.pollers)]
        polling = time.perf_counter()
        for p in pollers:
            p.start()
        time.sleep(1.0)  # pollers warm, then the drop lands

        dropped = time.perf_counter()
        for n in range(args.releases):
            folder = releases / f"{n // 500:02}"
            folder.mkdir(exist_ok=True)
            (folder / f"release-{n:05}.txt").write_text(release_text(n), encoding="utf-8")
        written = time.perf_counter() - dropped
        done = None
        while time.perf_counter() - dropped < args.timeout:
            if published(url) >= args.releases:
                done = time.perf_counter() - dropped
                break
            time.sleep(0.2)
        time.sleep(1.0)  # a last second of polling over the complete feeds
        stop.set()
        for p in pollers:
            p.join(30)
        polling = time.perf_counter() - polling
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)

    latencies = [x for p in pollers for x in p.latencies]
    errors = [e for p in pollers for e in p.errors]
    invalid = [e for p in pollers for e in p.invalid]
    requests_total = len(latencies) + sum(1 for p in pollers for e in p.errors if not e.startswith("HTTP"))
    rows = [
        ("releases dropped", f"{args.releases} (written in {written:.2f} s)"),
        ("pollers / web workers", f"{args.pollers} / {args.workers or 'default (1, in the main process)'}"),
        ("requests", f"{requests_total}"),
        ("errors", f"{len(errors)}"),
        ("invalid documents", f"{len(invalid)}"),
        ("latency p50", f"{percentile(latencies, 50) * 1000:.1f} ms"),
        ("latency p95", f"{percentile(latencies, 95) * 1000:.1f} ms"),
        ("latency p99", f"{percentile(latencies, 99) * 1000:.1f} ms"),
        ("throughput", f"{len(latencies) / polling:.0f} requests/s over {polling:.1f} s"),
        ("ingest time", f"{done:.2f} s ({args.releases / done:.0f} releases/s)" if done else "did not finish"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    for problem in (errors + invalid)[:5]:
        print(f"  e.g. {problem}")
    ok = done is not None and not errors and not invalid
    ingest = f"ingest {done:.2f} s" if done else "ingest did not finish"
    print(f"SUMMARY {'OK' if ok else 'FAIL'}: {requests_total} requests, {len(errors)} errors, {len(invalid)} invalid, "
          f"p50 {percentile(latencies, 50) * 1000:.1f} ms, p99 {percentile(latencies, 99) * 1000:.1f} ms, {ingest}")
    if not ok:
        print(f"service log: {root / 'serve.log'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
