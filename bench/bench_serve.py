"""Requests/s and p99 of cached feeds under `feedsvc serve`, beside nginx and a bare Flask app with the same bytes.

    .venv/bin/python bench/bench_serve.py [--rounds 3] [--seconds 5] [--workers N] [--variants]

Each round runs every target once, in turn, so the servers see the same machine conditions; the table gives the
median over rounds. The ratio column is feedsvc over nginx for the same kind of request. `--variants` also
measures `feedsvc serve` with other granian settings (bench/_serve_with.py, bench only).
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import urllib.request
from email.message import Message
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    PYTHON,
    Process,
    feedsvc_env,
    fill_store,
    free_port,
    machine,
    need_tool,
    render_front_pages,
    run_wrk,
    table,
)

TARGET_RATIO = 0.7
HERE = Path(__file__).resolve().parent
# feedsvc serve with other workers or granian server settings (bench/_serve_with.py): what cli.py/webserver.py
# could use. (label, key=value settings for the granian server, web workers or None for the default)
GRANIAN_VARIANTS = [
    ("serve --workers 2 (processes)", [], 2),
    ("serve blocking_threads=1", ["blocking_threads=1"], None),
    ("serve blocking_threads=2", ["blocking_threads=2"], None),
    ("serve runtime_threads=2", ["runtime_threads=2"], None),
    ("serve runtime_mode=st", ["runtime_mode=st"], None),
    ("serve backpressure=64", ["backpressure=64"], None),
]

NGINX_MAIN = """\
worker_processes {workers};
pid {home}/nginx.pid;
error_log {home}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
{http}
}}
"""

# nginx serving the feed files itself: the reference.
STATIC_HTTP = """\
    {logging}
    sendfile on;
    tcp_nopush on;
    {keepalive}
    etag on;
    gzip_static on;
    open_file_cache max=64 inactive=60s;  # as the feedsvc cache recipe has: the same tuning on both sides
    open_file_cache_valid 1s;
    types {{ application/atom+xml atom; application/rss+xml rss; }}
    server {{
        listen 127.0.0.1:{port};
        root {root}/www;
        add_header Vary Accept-Encoding;
        add_header Access-Control-Allow-Origin *;
    }}"""

# The shipped recipe (config/nginx-feedsvc.conf) in front of feedsvc.
PROXY_HTTP = """\
    access_log off;
    keepalive_requests 1000000;
    include {site};"""


def nginx_conf(home: Path, workers: int, http: str) -> str:
    return NGINX_MAIN.format(workers=workers, home=home, http=http)


BARE_APPS = '''\
"""Reference apps serving the same bytes: a Flask view, and a plain WSGI callable with pre-built headers."""

from pathlib import Path

from flask import Flask, Response

BODY = Path(__file__).with_name("www").joinpath("feed.atom").read_bytes()
HEADERS = [("Content-Type", "application/atom+xml; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def flask_app():
    app = Flask(__name__)

    @app.get("/feed.atom")
    def feed():
        return Response(BODY, content_type="application/atom+xml; charset=utf-8")

    return app


def wsgi_app():
    def app(environ, start_response):
        start_response("200 OK", HEADERS)
        return [BODY]

    return app
'''


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, Message, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, b""


def check(name: str, url: str, headers: dict[str, str], status: int, body: bytes | None,
          encoding: str | None = None) -> None:
    """Every target must answer what the row claims before it is timed."""
    got_status, got_headers, got_body = fetch(url, headers)
    problems = []
    if got_status != status:
        problems.append(f"status {got_status}, expected {status}")
    if body is not None and got_body != body:
        problems.append(f"{len(got_body)} bytes, expected the same {len(body)} bytes")
    if got_headers.get("Content-Encoding") != encoding:
        problems.append(f"Content-Encoding {got_headers.get('Content-Encoding')}, expected {encoding}")
    if problems:
        raise SystemExit(f"{name}: {'; '.join(problems)}")


def granian(target: str, port: int, workers: int, cwd: Path, env: dict, log: Path, *extra: str) -> Process:
    args = [PYTHON, "-m", "granian", "--interface", "wsgi", "--factory", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--no-access-log", "--log-level", "warning", *extra, target]
    return Process(args, env=env, cwd=cwd, log=log)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=None,
                        help="feedsvc web workers (default: feedsvc's own default, one in the main process)")
    parser.add_argument("--nginx-workers", type=int, default=os.cpu_count() or 1,
                        help="nginx worker_processes (default: one per CPU, as `worker_processes auto`)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--releases", type=int, default=500, help="releases in the store")
    parser.add_argument("--paragraphs", type=int, default=1, help="paragraphs per release (sets the feed size)")
    parser.add_argument("--variants", action="store_true", help="also try other granian settings (bench only)")
    parser.add_argument("--no-install", action="store_true", help="skip instead of apt-get installing wrk/nginx")
    args = parser.parse_args()

    if not need_tool("wrk", install=not args.no_install):
        print("SUMMARY serve: SKIPPED (wrk missing)")
        return 0
    nginx = need_tool("nginx", install=not args.no_install)

    with tempfile.TemporaryDirectory(prefix="feedsvc-bench-serve-") as tmp:
        root = Path(tmp)
        root.chmod(0o755)  # nginx workers run as nobody
        database = root / "var" / "feedsvc.sqlite3"
        releases = root / "releases"
        releases.mkdir()
        port = free_port()
        env = feedsvc_env(root, releases, database, port, scan_interval=60, watch="false")
        fill_store(database, args.releases, paragraphs=args.paragraphs)
        render_front_pages(env)

        processes: list[Process] = []
        try:
            workers = ["--workers", str(args.workers)] if args.workers else []
            service = Process([PYTHON, "-m", "feedsvc", "serve", "--no-scheduler", "--host", "127.0.0.1",
                               "--port", str(port), *workers],
                              env=env, cwd=root, log=root / "serve.log")
            processes.append(service)
            base = f"http://127.0.0.1:{port}"
            service.wait_http(base + "/feed.atom", ok=lambda s, b: s == 200)
            _, atom_headers, atom = fetch(base + "/feed.atom")
            _, _, rss = fetch(base + "/feed.rss")
            _, _, atom_gz = fetch(base + "/feed.atom", {"Accept-Encoding": "gzip"})
            assert gzip.decompress(atom_gz) == atom
            etag = atom_headers["ETag"]

            www = root / "www"
            www.mkdir()
            (www / "feed.atom").write_bytes(atom)
            (www / "feed.rss").write_bytes(rss)
            (www / "feed.atom.gz").write_bytes(atom_gz)
            (root / "bare_apps.py").write_text(BARE_APPS)

            targets: list[tuple[str, str, str, dict[str, str]]] = []  # (server, kind, url, headers)
            plain = {"Accept-Encoding": "identity"}
            gz = {"Accept-Encoding": "gzip"}
            targets += [("feedsvc", "atom", base + "/feed.atom", plain),
                        ("feedsvc", "rss", base + "/feed.rss", plain),
                        ("feedsvc", "304", base + "/feed.atom", {**plain, "If-None-Match": etag}),
                        ("feedsvc", "gzip", base + "/feed.atom", gz)]
            check("feedsvc atom", base + "/feed.atom", plain, 200, atom)
            check("feedsvc rss", base + "/feed.rss", plain, 200, rss)
            check("feedsvc 304", base + "/feed.atom", {"If-None-Match": etag}, 304, None)
            check("feedsvc gzip", base + "/feed.atom", gz, 200, atom_gz, "gzip")

            if nginx:
                nport = free_port()
                (root / "nginx.conf").write_text(nginx_conf(root, args.nginx_workers, STATIC_HTTP.format(
                    root=root, port=nport, logging="access_log off;", keepalive="keepalive_requests 1000000;")))
                processes.append(Process([nginx, "-c", str(root / "nginx.conf"), "-p", str(root)],
                                         cwd=root, log=root / "nginx.log"))
                nbase = f"http://127.0.0.1:{nport}"
                processes[-1].wait_http(nbase + "/feed.atom")
                nginx_etag = fetch(nbase + "/feed.atom", plain)[1]["ETag"]
                check("nginx atom", nbase + "/feed.atom", plain, 200, atom)
                check("nginx 304", nbase + "/feed.atom", {"If-None-Match": nginx_etag}, 304, None)
                check("nginx gzip", nbase + "/feed.atom", gz, 200, atom_gz, "gzip")
                targets += [("nginx", "atom", nbase + "/feed.atom", plain),
                            ("nginx", "rss", nbase + "/feed.rss", plain),
                            ("nginx", "304", nbase + "/feed.atom", {**plain, "If-None-Match": nginx_etag}),
                            ("nginx", "gzip", nbase + "/feed.atom", gz)]
                # The same nginx as shipped: an access log and the default keep-alive limit (1000 requests).
                sport = free_port()
                stock = root / "stock"
                stock.mkdir()
                (stock / "nginx.conf").write_text(nginx_conf(stock, args.nginx_workers, STATIC_HTTP.format(
                    root=root, port=sport, logging=f"access_log {stock}/access.log;", keepalive="")))
                processes.append(Process([nginx, "-c", str(stock / "nginx.conf"), "-p", str(stock)],
                                         cwd=stock, log=stock / "nginx.log"))
                sbase = f"http://127.0.0.1:{sport}"
                processes[-1].wait_http(sbase + "/feed.atom")
                check("nginx stock atom", sbase + "/feed.atom", plain, 200, atom)
                targets.append(("nginx, access log on", "atom", sbase + "/feed.atom", plain))
                # feedsvc behind nginx with the shipped proxy_cache recipe.
                pport = free_port()
                proxy = root / "proxy"
                proxy.mkdir()
                site = (HERE.parent / "config" / "nginx-feedsvc.conf").read_text()
                for placeholder, value in (("{listen}", f"127.0.0.1:{pport}"), ("{upstream}", f"127.0.0.1:{port}"),
                                           ("{cache_dir}", str(proxy / "cache"))):
                    site = site.replace(placeholder, value)
                (proxy / "site.conf").write_text(site)
                (proxy / "nginx.conf").write_text(nginx_conf(proxy, args.nginx_workers,
                                                             PROXY_HTTP.format(site=proxy / "site.conf")))
                processes.append(Process([nginx, "-c", str(proxy / "nginx.conf"), "-p", str(proxy)],
                                         cwd=proxy, log=proxy / "nginx.log"))
                pbase = f"http://127.0.0.1:{pport}"
                processes[-1].wait_http(pbase + "/feed.atom")
                check("proxy atom", pbase + "/feed.atom", plain, 200, atom)
                check("proxy rss", pbase + "/feed.rss", plain, 200, rss)
                check("proxy 304", pbase + "/feed.atom", {"If-None-Match": etag}, 304, None)
                check("proxy gzip", pbase + "/feed.atom", gz, 200, atom_gz, "gzip")
                check("proxy gzip refused", pbase + "/feed.atom", {"Accept-Encoding": "gzip;q=0, br"}, 200, atom)
                label = "nginx cache -> feedsvc"
                targets += [(label, "atom", pbase + "/feed.atom", plain),
                            (label, "rss", pbase + "/feed.rss", plain),
                            (label, "304", pbase + "/feed.atom", {**plain, "If-None-Match": etag}),
                            (label, "gzip", pbase + "/feed.atom", gz)]

            bare_env = {k: v for k, v in env.items() if not k.startswith("FEEDSVC_")}
            for name, factory in (("flask view", "bare_apps:flask_app"), ("plain wsgi", "bare_apps:wsgi_app")):
                bport = free_port()
                processes.append(granian(factory, bport, args.workers or 1, root, bare_env, root / f"{bport}.log"))
                url = f"http://127.0.0.1:{bport}/feed.atom"
                processes[-1].wait_http(url)
                check(name, url, plain, 200, atom)
                targets.append((name, "atom", url, plain))

            if args.variants:
                for label, extra, variant_workers in GRANIAN_VARIANTS:
                    vport = free_port()
                    venv = {**env, "FEEDSVC_BASE_URL": f"http://127.0.0.1:{vport}"}
                    variant_args = ["--workers", str(variant_workers or args.workers or 1)]
                    processes.append(Process([PYTHON, str(HERE / "_serve_with.py"), *extra, "--", "serve",
                                              "--no-scheduler", "--host", "127.0.0.1", "--port", str(vport),
                                              *variant_args],
                                             env=venv, cwd=root, log=root / f"{vport}.log"))
                    url = f"http://127.0.0.1:{vport}/feed.atom"
                    processes[-1].wait_http(url)
                    check(label, url, plain, 200, atom)
                    targets += [(label, "atom", url, plain),
                                (label, "304", url, {**plain, "If-None-Match": etag})]

            print(f"machine: {machine()}")
            print(f"store: {args.releases} releases; /feed.atom {len(atom)} bytes ({len(atom_gz)} gzipped), "
                  f"/feed.rss {len(rss)} bytes")
            print(f"load: wrk -t2 -c{args.connections} -d{args.seconds:g}s --latency, {args.rounds} rounds, "
                  f"targets interleaved; feedsvc: {args.workers or 'default (1, in the main process)'} web workers; "
                  f"bare apps: {args.workers or 1} granian worker processes; nginx: {args.nginx_workers} workers")
            results: dict[tuple[str, str], list[dict]] = {}
            for r in range(args.rounds):
                for server, kind, url, headers in targets:
                    result = run_wrk(url, headers, seconds=args.seconds, connections=args.connections)
                    results.setdefault((server, kind), []).append(result)
                    print(f"  round {r + 1}: {server:<28} {kind:<5} {result['rps']:>9.0f} req/s  "
                          f"p99 {result['p99']:.2f} ms", flush=True)
        finally:
            for process in reversed(processes):
                process.stop()

    print()
    rows, ratios = [], {}
    for (server, kind), runs in results.items():
        rps = statistics.median(r["rps"] for r in runs)
        p99 = statistics.median(r["p99"] for r in runs)
        bad = sum(r["bad"] + r["errors"] for r in runs)
        ref = results.get(("nginx", kind))
        ratio = ""
        if ref:
            value = rps / statistics.median(r["rps"] for r in ref)
            ratio = f"{value:.2f}"
            if server == "feedsvc":
                ratios[kind] = value
        rows.append([server, kind, f"{rps:.0f}", f"{min(r['rps'] for r in runs):.0f}",
                     f"{max(r['rps'] for r in runs):.0f}", f"{p99:.2f}", ratio, bad])
    print(table(rows, ["server", "request", "req/s (median)", "min", "max", "p99 ms", "x nginx", "errors"]))
    print()
    if not ratios:
        print("SUMMARY serve: nginx unavailable, no ratios (feedsvc figures above)")
        return 0
    verdict = all(v >= TARGET_RATIO for v in ratios.values())
    stock = results.get(("nginx, access log on", "atom"))
    against_stock = ""
    if stock:
        value = statistics.median(r["rps"] for r in results[("feedsvc", "atom")]) / statistics.median(
            r["rps"] for r in stock)
        against_stock = f"; atom against nginx with its access log on: {value:.2f}x"
    behind = {kind: statistics.median(r["rps"] for r in runs) / statistics.median(
        r["rps"] for r in results[("nginx", kind)]) for (server, kind), runs in results.items()
        if server == "nginx cache -> feedsvc" and ("nginx", kind) in results}
    behind_text = ("; behind the shipped nginx cache recipe: " + ", ".join(f"{k} {v:.2f}x" for k, v in behind.items())
                   + (": PASS" if all(v >= TARGET_RATIO for v in behind.values()) else ": MISS")
                   if behind else "")
    print("SUMMARY serve: feedsvc/nginx " + ", ".join(f"{k} {v:.2f}x" for k, v in ratios.items())
          + f" (target >= {TARGET_RATIO}x): " + ("PASS" if verdict else "MISS") + against_stock + behind_text)
    return 0




if __name__ == "__main__":
    sys.exit(main())
