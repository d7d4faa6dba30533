"""`feedsvc export DIR`: the public site as files, for any web server, object store or CDN.

The layout maps every public URL to one file (a query string becomes part of the name, before the extension, so
that type-by-extension still works):

    /feed.atom                  feed.atom          (+ feed.atom.gz: the gzip body served, byte for byte)
    /feed.rss?lang=ru&page=2    feed.lang-ru.page-2.rss
    /                           index.html
    /?lang=ru&page=2            index.lang-ru.page-2.html
    /releases/<slug>            releases/<slug>    (HTML with no extension: the permanent link has none)
    /originals/<slug>.<ext>     originals/<slug>.<ext>
    the 404 page                404.html
    withdrawn paths (410)       gone.txt (one path a line), and gone/<path>: the 410 page of each

Feeds are the bytes `serve` sends: the front documents the scanner stored, and archive pages rendered by the same
function the web workers use. Pages are rendered by the same views. Every file is written to a temporary file in
its folder and renamed into place, so a reader never sees half a feed; a file whose bytes did not change is left
alone (its modification time too), and files the last export wrote that are no longer part of the site are
removed. Files in DIR that feedsvc did not write are never touched (`.feedsvc-export.json` lists its own).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qsl

from feedsvc import feeds, originals, routes
from feedsvc.feedrows import GenerationView, read_page
from feedsvc.feeds import FeedPage
from feedsvc.settings import Settings
from feedsvc.store import Store
from feedsvc.web.responses import packed

log = logging.getLogger(__name__)

MANIFEST = ".feedsvc-export.json"
ENTRY_BATCH = 500
_SAFE_SEGMENT = re.compile(r"^[^/\x00]+$")


def file_for(key: str) -> str:
    """The file of a URL path with its canonical query: `/feed.rss?lang=ru&page=2` -> `feed.lang-ru.page-2.rss`."""
    path, _, query = key.partition("?")
    path = path.lstrip("/") or "index.html"
    if not query:
        return path
    stem, dot, extension = path.rpartition(".")
    suffix = "".join(f".{name}-{value}" for name, value in parse_qsl(query))
    return f"{stem}{suffix}{dot}{extension}"


@dataclass
class ExportReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    bytes: int = 0  # size of the whole site
    files: int = 0
    seconds: float = 0.0


class ArchiveView(GenerationView):
    """The store as the feed renderer and the index pages ask it while an export walks every page in order: the
    web workers' view of one generation (counts, languages, withdrawals asked once, the last change of every page
    from one pass), plus: the next page continues from the last entry of the one before (no OFFSET that grows
    with the page number). Answers are the store's own, so the documents are the ones `serve` sends."""

    def __init__(self, store: Store):
        super().__init__(store)
        self._cursor: dict[tuple, tuple[int, tuple[datetime, str]]] = {}

    def withdrawn_since(self, since: datetime, *, language: str | None = None) -> list:
        return self._once(("withdrawn", since, language), lambda: self.store.withdrawn_since(since, language=language))

    def entries(self, now: datetime, *, language: str | None = None, limit: int = 50, offset: int = 0, **kwargs):
        walk = (language, limit, tuple(sorted(kwargs.items())))
        cursor = self._cursor.get(walk)
        if offset and cursor is not None and cursor[0] == offset:
            rows = self.store.entries(now, language=language, limit=limit, after=cursor[1], **kwargs)
        else:
            rows = self.store.entries(now, language=language, limit=limit, offset=offset, **kwargs)
        if rows:
            self._cursor[walk] = (offset + len(rows), (rows[-1].published, rows[-1].id))
        return rows


class SiteWriter:
    """Writes files under `root` atomically and only when their bytes changed; removes what it wrote before and
    no longer writes."""

    def __init__(self, root: Path):
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        try:
            manifest = json.loads((root / MANIFEST).read_text())
            self.previous: dict[str, str] = manifest["files"]
            self.previous_inputs: dict[str, str] = manifest["inputs"]
        except (OSError, ValueError, KeyError, TypeError):
            self.previous, self.previous_inputs = {}, {}
        self.current: dict[str, str] = {}
        self.inputs: dict[str, str] = {}
        self.report = ExportReport()

    def put(self, rel: str, data: bytes) -> None:
        parts = PurePosixPath(rel).parts
        if not parts or any(p in (".", "..") or p.startswith(".") or not _SAFE_SEGMENT.match(p) for p in parts):
            raise ValueError(f"unsafe export path {rel!r}")
        digest = hashlib.sha256(data).hexdigest()
        self.current[rel] = digest
        self.report.files += 1
        self.report.bytes += len(data)
        target = self.root.joinpath(*parts)
        if self.previous.get(rel) == digest:
            try:
                if target.stat().st_size == len(data):
                    self.report.unchanged += 1
                    return
            except OSError:
                pass
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        # No fsync per file: the rename alone makes readers see the old file or the new one, never a part; after a
        # crash the next export rewrites whatever the disk lost (and an fsync per file tripled the export's time).
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
        self.report.written.append(rel)

    def keep(self, *rels: str, fingerprint: str) -> bool:
        """Keep files the last export wrote from the same inputs (`fingerprint`) without rendering them again:
        all of them, or none (False)."""
        sizes = []
        for rel in rels:
            if self.previous_inputs.get(rel) != fingerprint or rel not in self.previous:
                return False
            try:
                sizes.append(self.root.joinpath(*PurePosixPath(rel).parts).stat().st_size)
            except OSError:
                return False
        for rel, size in zip(rels, sizes, strict=True):
            self.current[rel] = self.previous[rel]
            self.inputs[rel] = fingerprint
            self.report.files += 1
            self.report.bytes += size
            self.report.unchanged += 1
        return True

    def put_from(self, rel: str, data: bytes, fingerprint: str) -> None:
        """`put`, remembering what the file was made from (see `keep`)."""
        self.put(rel, data)
        self.inputs[rel] = fingerprint

    def finish(self) -> ExportReport:
        """Remove the files the last export wrote and this one did not, then record what this one wrote."""
        for rel in sorted(set(self.previous) - set(self.current)):
            try:
                self.root.joinpath(*PurePosixPath(rel).parts).unlink()
                self.report.removed.append(rel)
            except FileNotFoundError:
                pass
        tmp = self.root / f".{MANIFEST}.{os.getpid()}.tmp"
        tmp.write_text(json.dumps({"files": self.current, "inputs": self.inputs}, sort_keys=True, indent=0))
        os.replace(tmp, self.root / MANIFEST)
        return self.report


def export_site(settings: Settings, target: Path, store: Store | None = None,
                now: datetime | None = None) -> ExportReport:
    """Write the whole public site under `target` (see the module's docstring)."""
    from feedsvc.web import create_app
    from feedsvc.web import pages as page_views

    started = time.monotonic()
    now = now or datetime.now(UTC)
    store = store or Store(settings.database)
    app = create_app(settings)
    view = ArchiveView(store)
    writer = SiteWriter(target)
    languages = view.languages(now)
    stored = {d.key: d for d in store.documents()}
    gone: list[str] = []
    with app.test_request_context("/"):
        frame = _frame_fingerprint(settings, languages)
        for language in [None, *languages]:
            last_page = routes.last_page(view.count_entries(now, language=language), settings.feed_size)
            for number in range(1, last_page + 1):
                page: FeedPage | None = None  # read once for the formats not stored, if any
                for fmt in routes.FORMATS:
                    variant = routes.Variant(fmt, language, number)
                    name = file_for(variant.key)
                    document = stored.get(variant.key)
                    if document is not None:  # a front document: the stored bytes, as served
                        writer.put(name, document.body)
                        writer.put(name + ".gz", document.gzip_body)
                        continue
                    page = page or read_page(view, settings, variant, now)
                    if page is None:
                        break
                    inputs = _feed_inputs(frame, variant, page)
                    if writer.keep(name, name + ".gz", fingerprint=inputs):
                        continue
                    document = packed(variant.key, variant.content_type, feeds.render(settings, variant, page),
                                      page.changed)
                    writer.put_from(name, document.body, inputs)
                    writer.put_from(name + ".gz", document.gzip_body, inputs)
        size = settings.feed_size
        for language in [None, *languages]:
            last_page = routes.last_page(view.count_entries(now, language=language), size)
            for page in range(1, last_page + 1):
                entries = view.entries(now, language=language, limit=size, offset=routes.page_bounds(page, size)[0])
                html, _ = page_views.index_page(settings, entries, page, last_page, language, languages)
                query = "&".join(p for p in (f"lang={language}" if language else "",
                                             f"page={page}" if page > 1 else "") if p)
                writer.put(file_for("/index.html" + (f"?{query}" if query else "")), html.encode("utf-8"))
        for entry in _public_entries(view, now):
            original = page_views.original_of(store, entry)
            extras = page_views.release_extras(store, now, entry)
            # A release page changes only with its entry, its original, its topics and translations, or the frame
            # every page shares.
            inputs = hashlib.sha256(repr((frame, entry, original, extras)).encode()).hexdigest()  # every field
            rel = f"releases/{entry.slug}"
            kept_files = [rel] + ([f"originals/{original['filename']}"] if original else [])
            if entry.withdrawn is None and writer.keep(*kept_files, fingerprint=inputs):
                continue
            html, status = page_views.release_page(settings, entry, languages, original, **extras)
            writer.put_from(rel, html.encode("utf-8"), inputs)
            if status == 410:
                # the 410 page again under gone/, where a web server looks to answer 410 (config/nginx-export.conf)
                writer.put(f"gone/releases/{entry.slug}", html.encode("utf-8"))
                gone.append(f"/releases/{entry.slug}")
                if original:
                    gone.append("/originals/" + original["filename"])
                    writer.put(f"gone/originals/{original['filename']}", html.encode("utf-8"))
            elif original:
                kept = store.original(entry.id)
                if kept is not None:
                    writer.put_from(f"originals/{originals.filename(entry.slug, kept[0])}", kept[1], inputs)
        html, _ = page_views.not_found_page(settings, languages)
        writer.put("404.html", html.encode("utf-8"))
    writer.put("gone.txt", "".join(f"{path}\n" for path in gone).encode("utf-8"))
    report = writer.finish()
    report.seconds = time.monotonic() - started
    return report


def _feed_inputs(frame: str, variant: routes.Variant, page: FeedPage) -> str:
    """Everything an archive feed document is made from (its page's rows, its variant and the frame), as a digest:
    a document whose inputs did not change since the last export is kept."""
    return hashlib.sha256(repr((frame, variant, page)).encode()).hexdigest()


def _frame_fingerprint(settings: Settings, languages: list[str]) -> str:
    """What every page shares: the settings, the languages with releases, and the code that renders pages."""
    package = Path(__file__).parent
    digest = hashlib.sha256(repr((sorted(settings.as_dict().items(), key=str), languages)).encode())
    for path in sorted([*package.glob("web/*.py"), *package.glob("web/templates/*.html"), package / "i18n.py",
                        package / "feeds.py", package / "routes.py", package / "originals.py", package / "export.py",
                        *package.glob("locales/*/LC_MESSAGES/*.po")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _public_entries(store: Store | ArchiveView, now: datetime):
    """Every release that has a public page: the live ones, then the withdrawn ones that had been public."""
    offset = 0
    while True:
        batch = store.entries(now, limit=ENTRY_BATCH, offset=offset)
        yield from batch
        if len(batch) < ENTRY_BATCH:
            break
        offset += ENTRY_BATCH
    yield from store.withdrawn_since(datetime(1, 1, 2, tzinfo=UTC))


class ExportFollower:
    """Keeps an export up to date after each scan that changed the feeds.

    Each export runs as a `feedsvc export` child process with these settings, at a lower CPU priority, so it never
    holds the interpreter lock of the process that scans and (with one web worker) answers requests. One export
    runs at a time; scans that come while it runs make one more export, not one each.
    """

    def __init__(self, settings: Settings, target: Path):
        self.settings = settings
        self.target = target
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._child: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._run, name="feedsvc-export", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._wanted.set()  # the site as it is now, at start

    def notify(self, _keys=None) -> None:
        self._wanted.set()

    def stop(self) -> None:
        self._stop.set()
        self._wanted.set()
        child = self._child
        if child is not None and child.poll() is None:
            child.terminate()  # its files are whole: each is renamed into place only once written

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wanted.wait()
            if self._stop.is_set():
                break
            self._wanted.clear()
            started = time.monotonic()
            try:
                self._child = subprocess.Popen(
                    [sys.executable, "-m", "feedsvc", "export", str(self.target)], env=settings_environment(
                        self.settings), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                    preexec_fn=lambda: os.nice(10))
                out, err = self._child.communicate()
            except OSError as e:
                log.error("export to %s could not start: %s", self.target, e)
                continue
            if self._child.returncode == 0:
                log.info("%s", out.strip() or f"exported to {self.target} in {time.monotonic() - started:.2f}s")
            elif not self._stop.is_set():
                log.error("export to %s failed (the next scan tries again): %s", self.target,
                          (err.strip().splitlines() or ["no message"])[-1])


def settings_environment(settings: Settings) -> dict[str, str]:
    """The environment that gives a `feedsvc` command exactly these settings (the config file aside)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
    for name, value in settings.as_dict().items():
        if isinstance(value, tuple | list):
            value = ",".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[f"FEEDSVC_{name.upper()}"] = str(value)
    env["FEEDSVC_BASE_URL"] = settings.base_url  # as this process builds its links, set or not
    env["FEEDSVC_CONFIG"] = os.devnull
    return env
