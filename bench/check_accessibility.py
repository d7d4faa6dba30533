"""Check the pages in a real browser: axe-core (WCAG 2.2 A and AA, and best practice), console errors, reflow at a
phone's width, and the keyboard alone.

Usage: python bench/check_accessibility.py [--no-install] [--keep]

It starts `feedsvc serve` on a loopback port with releases in several languages (Russian, English, German, Arabic
written right to left), a Word and a PDF release, a withdrawn one and a rejected file, then opens in headless
Chromium: the index, a language's index and an archive page, a search and one that finds nothing, the topics
and a topic, release pages, the 404 and 410 pages and /status.
For each page it prints the axe-core violations, console errors, whether the text fits 320 CSS pixels (WCAG 1.4.10)
and what the Tab key reaches. The last line is `SUMMARY: ...`; the exit status is 1 on any finding.

Needs Debian's chromium and chromium-driver (installed with apt-get unless --no-install), selenium (the dev extra)
and axe-core from the npm registry (installed into ~/.cache/feedsvc-axe with npm). Not a test: CI machines have no
browser, and a test must not depend on one being installed by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
AXE_VERSION = "4.14"
AXE_DIR = Path.home() / ".cache" / "feedsvc-axe"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE_WIDTH = 320  # CSS pixels: WCAG 2.2 reflow (1.4.10) asks for no horizontal scrolling at this width
TAB_LIMIT = 200  # Tab presses per page at most


def ensure_tools(install: bool) -> Path:
    """chromium, chromedriver and axe.min.js, installed when missing (apt-get, npm) unless told not to."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        if not install:
            sys.exit("chromium and chromedriver are missing: apt-get install chromium chromium-driver")
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)
    axe = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        if not install:
            sys.exit(f"axe-core is missing: npm install --prefix {AXE_DIR} axe-core@{AXE_VERSION}")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_DIR),
                        f"axe-core@{AXE_VERSION}"], check=True)
    return axe


def make_releases(folder: Path) -> None:
    """Releases in the shapes the press office drops: several languages, right to left, Word and PDF."""
    from pdfgen import make_pdf  # tests/pdfgen.py: a real PDF with a text layer

    for name in ("telefonnyj-razgovor-marokko.txt", "press-release-lavrov-bourita.txt", "briefing-2023-02-22.md",
                 "comment-border-crossing.html", "412-09-06-2022.txt", "statement_security_conference.txt"):
        shutil.copyfile(SAMPLES / "releases" / name, folder / name)
    (folder / "pressemitteilung.md").write_text(
        "---\ntitle: Gemeinsame Erklärung zu den Konsultationen\ndate: 2021-06-02\nlanguage: de\n---\n\n"
        "Die Delegationen haben am 2. Juni in Berlin Konsultationen abgehalten.\n\n"
        "Sie erörterten die Zusammenarbeit in Handel und Kultur.\n", encoding="utf-8")
    (folder / "bayan.md").write_text(
        "---\ntitle: بيان صحفي حول المحادثات الثنائية\ndate: 2021-06-03\nlanguage: ar\n---\n\n"
        "عقد الوزيران محادثات في موسكو يوم 3 يونيو حول التعاون الثنائي.\n\n"
        "وناقش الجانبان آفاق التعاون في مجالات التجارة والطاقة والثقافة.\n", encoding="utf-8")
    (folder / "statement-on-the-talks.pdf").write_bytes(make_pdf([[
        "Statement on the talks with the delegation", "", "Moscow, 4 June 2021", "",
        "The delegations met in Moscow on 4 June to discuss trade and energy cooperation.", "",
        "They agreed to meet again in the autumn."]]))
    from docx import Document

    document = Document()
    document.add_heading("Joint communiqué on cultural exchange", level=1)
    document.add_paragraph("5 June 2021")
    document.add_paragraph("The parties signed a programme of cultural exchange for the coming three years.")
    document.add_paragraph("Exhibitions and student exchanges are planned.")
    document.save(folder / "communique-culture.docx")
    (folder / "to-withdraw.md").write_text(
        "---\ntitle: Announcement that will be withdrawn\ndate: 2021-06-01\nlanguage: en\n---\n\n"
        "This announcement is published and then withdrawn by the press office.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("")


def start_service(work: Path, port: int) -> subprocess.Popen:
    releases = work / "releases"
    env = {**os.environ, "FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(work / "var" / "db.sqlite3"),
           "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}", "FEEDSVC_SETTLE_SECONDS": "0",
           "FEEDSVC_WITHDRAW_GRACE_SECONDS": "0", "FEEDSVC_SCAN_INTERVAL": "1", "FEEDSVC_FEED_SIZE": "4",
           "FEEDSVC_FEED_AUTHOR": "Ministry of Foreign Affairs", "FEEDSVC_TIMEZONE": "Europe/Moscow",
           "FEEDSVC_CONFIG": str(work / "none.toml"), "FEEDSVC_LOG_LEVEL": "WARNING"}
    (work / "none.toml").write_text("")
    server = subprocess.Popen([sys.executable, "-m", "feedsvc", "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/healthz", timeout=1).json().get("last_scan"):
                return server
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.2)
    server.terminate()
    sys.exit("feedsvc serve did not come up in 60 s")


def pages_to_check(base: str, work: Path) -> list[tuple[str, str]]:
    """(name, URL) of one page of every kind."""
    items = requests.get(base + "/feed.json", timeout=5).json()["items"]
    everything = list(items)
    page = 2
    while True:
        response = requests.get(f"{base}/feed.json?page={page}", timeout=5)
        if response.status_code != 200:
            break
        everything += response.json()["items"]
        page += 1
    by_language: dict[str, str] = {}
    originals = None
    for item in everything:
        by_language.setdefault(item["language"], item["url"])
        if item.get("attachments") and originals is None:
            originals = item["url"]
    withdrawn = next(i["url"] for i in everything if i["title"] == "Announcement that will be withdrawn")
    (work / "releases" / "to-withdraw.md").unlink()
    deadline = time.monotonic() + 20
    while requests.get(withdrawn, timeout=5).status_code != 410 and time.monotonic() < deadline:
        time.sleep(0.2)
    pages = [("index", base + "/"), ("index, page 2", base + "/?page=2"), ("index, Russian", base + "/?lang=ru")]
    pages += [(f"release ({language})", url) for language, url in sorted(by_language.items())]
    if originals:
        pages.append(("release with its original", originals))
    pages += [("search", base + "/?q=Lavrov"), ("search, nothing found", base + "/?q=zanzibarian"),
              ("topics", base + "/topics/")]
    topic = re.search(r'href="(/topics/[a-z0-9-]+)"', requests.get(base + "/topics/", timeout=5).text)
    if topic:
        pages.append(("topic", base + topic.group(1)))
    pages += [("410 withdrawn", withdrawn), ("404", base + "/no/such/page"), ("status", base + "/status")]
    return pages


KEYBOARD_SCRIPT = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const style = getComputedStyle(el);
return {index: Array.prototype.indexOf.call(document.querySelectorAll('*'), el), tag: el.tagName,
        text: (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40),
        href: el.getAttribute('href'), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        shadow: style.boxShadow, background: style.backgroundColor};
"""


def check_page(driver, axe_source: str, name: str, url: str) -> dict:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    driver.set_window_size(1280, 1000)
    driver.get(url)
    driver.get_log("browser")  # start from an empty console log for this page
    driver.refresh()
    driver.execute_script(axe_source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})))).catch(e => done([{id: 'axe-error',"
        " help: String(e), nodes: []}]));", AXE_TAGS)
    # The 404 and 410 pages' own status is logged as a failed load: that is the page, not an error on it.
    console = [entry["message"] for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "ERROR")
               and not entry["message"].startswith(url + " - Failed to load resource: the server responded with a "
                                                         "status of 4")]
    driver.set_window_size(PHONE_WIDTH, 900)
    width = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth];")
    # A viewport narrower than Chromium's smallest window is still the window's: measure against innerWidth.
    fits = width[0] <= width[1]
    driver.set_window_size(1280, 1000)
    driver.get(url)
    focusables = driver.execute_script(
        "return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, "
        "[tabindex]:not([tabindex=\"-1\"])')]"
        ".filter(e => e.offsetParent !== null || e.classList.contains('skip')).length;")
    reached, unseen_focus, first = [], [], None
    for _ in range(TAB_LIMIT):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(KEYBOARD_SCRIPT)
        if focused is None or (reached and focused == reached[0]):
            break
        if focused["index"] in [r["index"] for r in reached]:
            break
        first = first or focused
        reached.append(focused)
        visible = focused["outline"] or focused["shadow"] != "none" or focused["background"] not in (
            "rgba(0, 0, 0, 0)", "transparent")
        if not visible:
            unseen_focus.append(focused["text"] or focused["href"])
    skip_works = False
    if first and first["href"] == "#main":
        driver.get(url)
        ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()
        skip_works = driver.execute_script("return document.activeElement && document.activeElement.id === 'main';")
    return {"name": name, "url": url, "violations": result, "console": console, "fits": fits, "width": width,
            "focusable": focusables, "reached": len(reached), "unseen_focus": unseen_focus, "skip": skip_works}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-install", action="store_true", help="do not apt-get or npm install what is missing")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()
    axe = ensure_tools(not args.no_install)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    work = Path(tempfile.mkdtemp(prefix="feedsvc-a11y-"))
    (work / "releases").mkdir()
    make_releases(work / "releases")
    port = 18500 + os.getpid() % 1000
    server = start_service(work, port)
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={work / 'chromium'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(60)
    findings = 0
    try:
        base = f"http://127.0.0.1:{port}"
        results = [check_page(driver, axe.read_text(), name, url) for name, url in pages_to_check(base, work)]
        print(f"{'page':28} {'axe':>4} {'console':>7} {'320px':>6} {'tab':>9} {'skip':>5}  url")
        for r in results:
            print(f"{r['name'][:28]:28} {len(r['violations']):>4} {len(r['console']):>7} "
                  f"{'fits' if r['fits'] else 'WIDE':>6} {r['reached']:>4}/{r['focusable']:<4} "
                  f"{'yes' if r['skip'] else 'NO':>5}  {r['url'].removeprefix(base)}")
            for v in r["violations"]:
                print(f"    axe {v['impact']}: {v['id']}: {v['help']} at {', '.join(v['nodes'])}")
            for message in r["console"]:
                print(f"    console: {message}")
            if not r["fits"]:
                print(f"    content is {r['width'][0]} px wide in a {r['width'][1]} px viewport")
            for text in r["unseen_focus"]:
                print(f"    focus not visible on {text!r}")
            page_findings = (len(r["violations"]) + len(r["console"]) + (not r["fits"]) + len(r["unseen_focus"])
                             + (r["reached"] < r["focusable"]) + (not r["skip"]))
            findings += page_findings
        violations = sum(len(r["violations"]) for r in results)
        console = sum(len(r["console"]) for r in results)
        wide = sum(not r["fits"] for r in results)
        keyboard = sum((r["reached"] < r["focusable"]) + (not r["skip"]) + len(r["unseen_focus"]) for r in results)
        print(json.dumps({"axe_core": AXE_VERSION, "tags": AXE_TAGS}))
        print(f"SUMMARY: {len(results)} pages, {violations} axe-core violations, {console} console errors, "
              f"{wide} too wide at {PHONE_WIDTH} px, {keyboard} keyboard problems")
    finally:
        driver.quit()
        os.killpg(server.pid, 15)
        server.wait(15)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
