"""Check the nginx recipe for an export (config/nginx-export.conf) against `feedsvc serve` itself.

Usage: python bench/check_export_nginx.py [--no-install]

It starts `feedsvc serve` with releases in two languages, a PDF release and a withdrawn one, runs `feedsvc export`,
serves the folder with nginx and the shipped recipe (root and port changed), then asks both for every feed (each
format, language and page, plain and gzip), the index pages, every release page, the original, the 410 pages and a
404, and compares status, type and bytes. The last line is `SUMMARY: ...`; the exit status is 1 on any difference.
Needs nginx (apt-get install nginx; installed unless --no-install).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from _common import PYTHON, Process, free_port, need_tool  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples" / "releases"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-install", action="store_true")
    args = parser.parse_args()
    nginx = need_tool("nginx", install=not args.no_install)
    if nginx is None:
        return 2
    from pdfgen import make_pdf

    work = Path(tempfile.mkdtemp(prefix="feedsvc-export-nginx-"))
    work.chmod(0o755)  # nginx's workers run as another user
    releases = work / "releases"
    releases.mkdir()
    for name in ("press-release-lavrov-bourita.txt", "telefonnyj-razgovor-marokko.txt", "412-09-06-2022.txt",
                 "briefing-2023-02-22.md", "kommentarij-dip-15-07.txt"):
        shutil.copyfile(SAMPLES / name, releases / name)
    (releases / "talks.pdf").write_bytes(make_pdf([["Statement on the talks", "", "Moscow, 4 June 2021", "",
                                                    "The delegations met in Moscow on 4 June."]]))
    (releases / "to-withdraw.pdf").write_bytes(make_pdf([["Notice to be withdrawn", "", "Moscow, 1 June 2021", "",
                                                          "This notice is withdrawn."]]))
    serve_port, nginx_port = free_port(), free_port()
    env = {**os.environ, "FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(work / "var" / "db.sqlite3"),
           "FEEDSVC_BASE_URL": "http://press.example.org", "FEEDSVC_SETTLE_SECONDS": "0",
           "FEEDSVC_WITHDRAW_GRACE_SECONDS": "0", "FEEDSVC_SCAN_INTERVAL": "1", "FEEDSVC_FEED_SIZE": "2",
           "FEEDSVC_CONFIG": str(work / "none.toml"), "FEEDSVC_LOG_LEVEL": "WARNING"}
    (work / "none.toml").write_text("")
    server = Process([PYTHON, "-m", "feedsvc", "serve", "--port", str(serve_port)], env=env, cwd=work,
                     log=work / "serve.log")
    web = None
    try:
        base = f"http://127.0.0.1:{serve_port}"
        server.wait_http(base + "/healthz", ok=lambda status, body: b'"published": 7' in body or b'"published":7'
                         in body, timeout=60)
        slug = "to-withdraw"
        (releases / "to-withdraw.pdf").unlink()
        deadline = time.monotonic() + 20
        while requests.get(f"{base}/releases/{slug}", timeout=5).status_code != 410:
            if time.monotonic() > deadline:
                raise RuntimeError("the release was not withdrawn")
            time.sleep(0.2)
        site = work / "site"
        subprocess.run([PYTHON, "-m", "feedsvc", "export", str(site)], env=env, cwd=work, check=True)
        recipe = (ROOT / "config" / "nginx-export.conf").read_text()
        recipe = recipe.replace("listen 80;", f"listen 127.0.0.1:{nginx_port};").replace(
            "root /srv/feedsvc-site;", f"root {site};")
        (work / "nginx.conf").write_text(
            f"worker_processes 1; pid {work}/nginx.pid; error_log {work}/nginx-error.log warn; daemon off;\n"
            f"events {{ worker_connections 256; }}\nhttp {{ access_log off; {recipe} }}\n")
        web = Process([nginx, "-c", str(work / "nginx.conf"), "-p", str(work)], log=work / "nginx.log")
        static = f"http://127.0.0.1:{nginx_port}"
        web.wait_http(static + "/feed.atom", ok=lambda status, body: status == 200)
        paths = ["/", "/?page=2", "/?lang=ru", "/?lang=en&page=2", "/no/such/page", "/feed.atom?lang=xx",
                 f"/releases/{slug}", f"/originals/{slug}.pdf", "/originals/talks.pdf", "/releases/no-such"]
        for fmt in ("atom", "rss", "json"):
            for query in ("", "?lang=en", "?lang=ru"):
                page = 1
                while True:
                    sep = "&" if query else "?"
                    path = f"/feed.{fmt}{query}" + (f"{sep}page={page}" if page > 1 else "")
                    if requests.get(base + path, timeout=5).status_code != 200:
                        break
                    paths.append(path)
                    page += 1
        for item in requests.get(base + "/feed.json", timeout=5).json()["items"]:
            paths.append(item["url"].removeprefix("http://press.example.org"))
        for path in re.findall(r'href="(/releases/[^"]+)"', requests.get(base + "/?page=2", timeout=5).text):
            paths.append(path)
        differences = 0
        print(f"{'path':40} {'serve':>6} {'nginx':>6}  same bytes  type")
        for path in dict.fromkeys(paths):
            for encoding in ("identity", "gzip") if path.startswith("/feed.") else ("identity",):
                a = requests.get(base + path, headers={"Accept-Encoding": encoding}, timeout=5, stream=True)
                b = requests.get(static + path, headers={"Accept-Encoding": encoding}, timeout=5, stream=True)
                body_a, body_b = a.raw.read(), b.raw.read()
                type_a = a.headers.get("Content-Type", "").replace(" ", "").lower()
                type_b = b.headers.get("Content-Type", "").replace(" ", "").lower()
                # a 404's body differs (feeds answer 404 in plain text, nginx with the site's page): status only
                same = body_a == body_b or a.status_code == 404
                same_type = type_a == type_b or a.status_code == 404
                ok = a.status_code == b.status_code and same and same_type
                differences += not ok
                label = path + (" (gzip)" if encoding == "gzip" else "")
                print(f"{label[:40]:40} {a.status_code:>6} {b.status_code:>6}  {'yes' if same else 'NO':>10}  "
                      f"{'same' if same_type else f'{type_a} / {type_b}'}")
        print(f"SUMMARY: {len(dict.fromkeys(paths))} paths, {differences} differences between feedsvc serve and "
              "nginx serving the export")
        return 1 if differences else 0
    finally:
        if web:
            web.stop()
        server.stop()
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
