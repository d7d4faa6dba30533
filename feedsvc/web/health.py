"""/healthz: what operators and monitors look at."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, jsonify

from feedsvc import feeds
from feedsvc.healthstate import read_problems

bp = Blueprint("health", __name__)

# A change the front feeds do not show yet after this long means they have stopped following the store.
FEEDS_BEHIND_GRACE = timedelta(seconds=30)


@bp.get("/healthz")
def healthz():
    settings = current_app.config["FEEDSVC"]
    store = current_app.extensions["feedsvc.store"]
    now = datetime.now(UTC)
    problems = failing(settings, store, now)
    try:
        last_scan = json.loads(store.get_meta("last_scan") or "null")
        last_error = store.get_meta("last_error")
        body = {
            "published": store.count_entries(now),
            "held": store.count_held(now),
            "rejected": [{"file": path, "reason": reason} for path, reason in store.rejections()],
        }
    except sqlite3.Error as e:
        problems.append(f"The database cannot be read ({e}).")
        last_scan, last_error, body = None, None, {"published": None, "held": None, "rejected": []}
    status = "ok"
    if last_scan is None:
        status = "starting"
    else:
        age = now - datetime.fromisoformat(last_scan["when"])
        if age > timedelta(seconds=3 * settings.scan_interval + 60) or last_scan["errors"]:
            status = "degraded"
    if last_error:
        status = "degraded"
    if problems:
        status = "failing"
    body = {"status": status, "last_scan": last_scan, "last_error": last_error, **body}
    if problems:
        body["reason"] = " ".join(problems)
        body["problems"] = problems
    response = jsonify(body)
    response.status_code = 503 if problems else 200
    response.headers["Cache-Control"] = "no-store"
    return response


def failing(settings, store, now: datetime) -> list[str]:
    """Why the feeds cannot follow the folder right now (each a sentence), or nothing: what the ingest
    published, the state folder as this worker sees it, and the feeds against the store."""
    problems = list(read_problems(settings.database).values())
    database = settings.database
    if not database.exists():
        problems.append(f"The database file {database} is missing; the next scan starts a new one and reads every "
                        "release again.")
        return problems
    if store.replaced():
        store.reopen()  # the file was replaced (the ingest started a new one): read that one from now on
    folder = database.parent
    if not os.access(folder, os.W_OK) or not os.access(database, os.W_OK):
        problems.append(f"The state folder {folder} is read-only: new and changed releases cannot be stored.")
    try:
        behind = feeds_behind(store, settings, now)
    except sqlite3.Error:
        behind = None
    if behind:
        problems.append(behind)
    return list(dict.fromkeys(problems))


def feeds_behind(store, settings, now: datetime) -> str | None:
    """A sentence when a front feed document is older than a change in the store it should show."""
    if store.get_meta("last_scan") is None:
        return None  # the first scan has not finished
    newest = max(store.last_change(now, upto=settings.feed_size) or feeds.EPOCH,
                 store.last_withdrawal() or feeds.EPOCH)
    if now - newest < FEEDS_BEHIND_GRACE:
        return None
    dates = store.document_dates()
    stale = [path for _, (path, _) in feeds.FORMATS.items() if dates.get(path, feeds.EPOCH) < newest]
    if not stale:
        return None
    return (f"The feeds are behind the store: {', '.join(stale)} do not show the change of "
            f"{newest.isoformat(timespec='seconds')}.")
