"""/healthz: what operators and monitors look at."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, jsonify

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    settings = current_app.config["FEEDSVC"]
    store = current_app.extensions["feedsvc.store"]
    now = datetime.now(UTC)
    last_scan = json.loads(store.get_meta("last_scan") or "null")
    last_error = store.get_meta("last_error")
    status = "ok"
    if last_scan is None:
        status = "starting"
    else:
        age = now - datetime.fromisoformat(last_scan["when"])
        if age > timedelta(seconds=3 * settings.scan_interval + 60) or last_scan["errors"]:
            status = "degraded"
    if last_error:
        status = "degraded"
    body = {
        "status": status,
        "last_scan": last_scan,
        "last_error": last_error,
        "published": store.count_entries(now),
        "held": store.count_held(now),
        "rejected": [{"file": path, "reason": reason} for path, reason in store.rejections()],
    }
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response
