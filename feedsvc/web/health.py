"""/healthz: what operators and monitors look at. Counts are public; file names, reasons and paths are shown only
to the machine itself and the office's networks."""

from __future__ import annotations

import ipaddress
import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, jsonify, request

from feedsvc.feedrows import EPOCH
from feedsvc.healthstate import read_problems
from feedsvc.routes import FORMATS

bp = Blueprint("health", __name__)

FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")
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
        counts = {"published": store.count_entries(now), "held": store.count_held(now)}
        rejections = store.rejections()
    except sqlite3.Error as e:
        problems.append(f"The database cannot be read ({e}).")
        last_scan, last_error, counts, rejections = None, None, {"published": None, "held": None}, []
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
    office = from_the_office(settings.office_networks)
    if office:
        rejected: list | int = [{"file": path, "reason": reason} for path, reason in rejections]
    else:
        # the names of files, the reasons (which quote release text) and server paths stay in the office
        rejected = len(rejections)
        if last_scan is not None:
            last_scan = {**last_scan, "errors": len(last_scan["errors"])}
        last_error = "the last scan failed; the reason is shown on the office's networks" if last_error else None
    body = {"status": status, "last_scan": last_scan, "last_error": last_error, **counts, "rejected": rejected}
    if problems:
        if office:
            body["reason"] = " ".join(problems)
            body["problems"] = problems
        else:
            body["reason"] = ("The feeds cannot follow the releases folder right now; the reasons are shown on the "
                              "office's networks.")
            body["problems"] = len(problems)
    response = jsonify(body)
    response.status_code = 503 if problems else 200
    response.headers["Cache-Control"] = "no-store"
    return response


def from_the_office(office_networks: tuple[str, ...]) -> bool:
    """True for a request from this machine or the office's networks.

    A request that came through a proxy (it carries X-Forwarded-For, Forwarded or X-Real-IP) counts only when the
    client address the proxy added, the last one, is in the office's networks: a forwarded loopback address proves
    nothing. The proxy must set that header itself, as config/nginx-feedsvc.conf does.
    """
    networks = [ipaddress.ip_network(n) for n in office_networks]
    forwarded = [value for name in FORWARDING_HEADERS if (value := request.headers.get(name))]
    if not forwarded:
        return _address_in(request.remote_addr, networks, loopback=True)
    clients = [_last_client(name, request.headers[name]) for name in FORWARDING_HEADERS if name in request.headers]
    return _address_in(request.remote_addr, networks, loopback=True) and all(
        _address_in(client, networks, loopback=False) for client in clients)


def _last_client(header: str, value: str) -> str | None:
    if header == "Forwarded":
        fors = [part.strip()[4:] for element in value.split(",") for part in element.split(";")
                if part.strip().lower().startswith("for=")]
        if not fors:
            return None
        client = fors[-1].strip('"')
        if client.startswith("["):
            return client[1:].split("]")[0]
        return client.rsplit(":", 1)[0] if client.count(":") == 1 else client
    return value.split(",")[-1].strip()


def _address_in(address: str | None, networks: list, loopback: bool) -> bool:
    try:
        ip = ipaddress.ip_address((address or "").split("%")[0])
    except ValueError:
        return False
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return (loopback and ip.is_loopback) or any(ip in network for network in networks)


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
    newest = max(store.last_change(now, upto=settings.feed_size) or EPOCH,
                 store.last_withdrawal() or EPOCH)
    if now - newest < FEEDS_BEHIND_GRACE:
        return None
    dates = store.document_dates()
    stale = [path for _, (path, _) in FORMATS.items() if dates.get(path, EPOCH) < newest]
    if not stale:
        return None
    return (f"The feeds are behind the store: {', '.join(stale)} do not show the change of "
            f"{newest.isoformat(timespec='seconds')}.")
