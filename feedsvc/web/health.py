"""/healthz: what operators and monitors look at. Counts are public; file names, reasons and paths are shown only
to the machine itself and the office's networks."""

from __future__ import annotations

import ipaddress
import json
from datetime import UTC, datetime, timedelta

from flask import Blueprint, current_app, jsonify, request

bp = Blueprint("health", __name__)

FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


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
    rejections = store.rejections()
    if from_the_office(settings.office_networks):
        rejected: list | int = [{"file": path, "reason": reason} for path, reason in rejections]
    else:
        # the names of files, the reasons (which quote release text) and server paths stay in the office
        rejected = len(rejections)
        if last_scan is not None:
            last_scan = {**last_scan, "errors": len(last_scan["errors"])}
        last_error = "the last scan failed; the reason is shown on the office's networks" if last_error else None
    body = {
        "status": status,
        "last_scan": last_scan,
        "last_error": last_error,
        "published": store.count_entries(now),
        "held": store.count_held(now),
        "rejected": rejected,
    }
    response = jsonify(body)
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
