"""/metrics: the Prometheus text format of feedsvc.metrics (scans, releases, requests, renders, scan age)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from feedsvc import metrics

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def show():
    store = current_app.extensions["feedsvc.store"]
    body = metrics.exposition(store, current_app.config["FEEDSVC"])
    return Response(body, content_type=metrics.CONTENT_TYPE, headers={"Cache-Control": "no-store"})


@bp.after_app_request
def count_request(response):
    """Every answer of the Flask side, by route family and status (the feed fast path counts its own)."""
    from flask import request

    metrics.count(metrics.family_of(request.endpoint), response.status_code)
    metrics.maybe_flush()
    return response
