"""/status: the press office's view of the folder, every file and what it became (not for the public)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flask import Blueprint, abort, current_app, request

from feedsvc import i18n, lognames, routes
from feedsvc.folder import walk
from feedsvc.readers import is_release_file
from feedsvc.scanner import RETRY
from feedsvc.web.health import from_the_office
from feedsvc.web.pages import page

bp = Blueprint("status", __name__)

PAGE_SIZE = 100
_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes of a file name that were not UTF-8 (os.fsdecode)
REFRESH_SECONDS = 5
STATES = ("published", "held", "waiting", "rejected", "missing")


@dataclass
class FileState:
    """One file of the folder (or one that left it) and what it became."""

    path: str
    modified: datetime
    size: int
    state: str  # one of STATES
    reason: str = ""
    entry_id: str | None = None
    until: datetime | None = None  # held: when it goes out; missing: when it is withdrawn
    warned: bool = False

    @property
    def problem(self) -> bool:
        return self.state in ("rejected", "missing") or self.warned


def folder_states(settings, store, now: datetime) -> list[FileState]:
    """Every file in the releases folder, matched with what the last scan made of it, newest first; then the
    files that left the folder but whose release is still published (within withdraw_grace_seconds)."""
    outcomes = store.file_outcomes()
    root = Path(settings.releases_dir)
    found = walk(str(root), {}) if root.is_dir() else None
    states = []
    seen = set()
    for rel, _, st in (found.changed if found else []):
        seen.add(rel)
        modified = datetime.fromtimestamp(st.st_mtime, UTC)
        known = outcomes.get(rel)
        current = known is not None and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns)
        if known is not None and known.status == "rejected" and (current or known.mtime_ns == RETRY):
            states.append(FileState(rel, modified, st.st_size, "rejected", known.reason))
        elif current and known.entry_id:
            held = known.available is not None and known.available > now
            states.append(FileState(rel, modified, st.st_size, "held" if held else "published",
                                    entry_id=known.entry_id, until=known.available if held else None,
                                    warned=known.has_warnings))
        else:
            reason = ("Not read yet: it is still being written, or it has just changed and is read once it has "
                      "settled.")
            if not is_release_file(rel):
                reason = "Not read yet. feedsvc reads only release files (.txt, .md, .html, .docx, .pdf)."
            states.append(FileState(rel, modified, st.st_size, "waiting", reason))
    grace = timedelta(seconds=settings.withdraw_grace_seconds)
    for path, known in outcomes.items():
        if path not in seen and known.missing_since is not None and known.entry_id:
            states.append(FileState(path, known.missing_since, known.size, "missing",
                                    "This file is no longer in the folder. Its release stays published until "
                                    "the time shown, in case the file was moved or is being copied again; then it "
                                    "is withdrawn.", known.entry_id, known.missing_since + grace))
    states.sort(key=lambda s: (s.modified, s.path), reverse=True)
    return states


@bp.get("/status")
def status():
    settings = current_app.config["FEEDSVC"]
    store = current_app.extensions["feedsvc.store"]
    speaker = i18n.speaker(i18n.DEFAULT_LANGUAGE)
    if not from_the_office(settings.office_networks):
        body, code = page("forbidden.html", speaker, 403)
        return body, code, {"Cache-Control": "no-store"}
    now = datetime.now(UTC)
    problems_only = request.args.get("show") == "problems"
    refresh = request.args.get("refresh") != "off"
    try:
        page_number = int(request.args.get("page", "1"))
    except ValueError:
        abort(404)
    states = folder_states(settings, store, now)
    counts = {state: sum(s.state == state for s in states) for state in STATES}
    counts["problems"] = sum(s.problem for s in states)
    shown = [s for s in states if s.problem] if problems_only else states
    last_page = max(1, -(-len(shown) // PAGE_SIZE))
    if not 1 <= page_number <= last_page:
        abort(404)
    shown = shown[(page_number - 1) * PAGE_SIZE:page_number * PAGE_SIZE]
    entries = store.entries_by_ids([s.entry_id for s in shown if s.entry_id])
    waiting = counts["waiting"] > 0
    last_scan = json.loads(store.get_meta("last_scan") or "null")
    body, code = page("status.html", speaker, states=shown, entries=entries, counts=counts, page=page_number,
                      last_page=last_page, problems_only=problems_only, refresh=refresh and waiting,
                      refresh_seconds=REFRESH_SECONDS, waiting=waiting, now=now, zone=settings.zone,
                      entry_link=lambda entry: routes.entry_link(settings, entry),
                      last_scan=last_scan, last_scan_when=last_scan and datetime.fromisoformat(last_scan["when"]),
                      feeds=[])
    headers = {"Cache-Control": "no-store"}
    if refresh and waiting:
        # An HTTP refresh, not a <meta>: the page says so and offers to stop it (WCAG 2.2.1)
        headers["Refresh"] = str(REFRESH_SECONDS)
    return body, code, headers


@bp.app_template_filter("one_line")
def one_line(text: str) -> str:
    """A file name or reason as one line of text: undecodable bytes of a name and control characters shown as
    \\xNN (`caf\\xe9.txt`)."""
    return lognames.one_line(_UNDECODED.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", text))


@bp.app_template_filter("office_time")
def office_time(moment: datetime | None) -> str:
    """A moment in the deployment's zone, to the minute: `3 December 2020, 14:05 MSK`."""
    if moment is None:
        return ""
    zone = current_app.config["FEEDSVC"].zone
    try:
        return i18n.speaker("en").moment(moment, zone)
    except OverflowError:
        return moment.isoformat()
