"""The `feedsvc` command: serve (web + scheduler), worker (scheduler only), scan (one pass), parse (dry run),
export (the public site as files)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from feedsvc.intake import Refused, entry_id_for, reader_options, source_name, take_named
from feedsvc.lognames import guard_log_lines, one_line, shown
from feedsvc.models import Action, Rejection, Release
from feedsvc.readers import ReaderOptions
from feedsvc.settings import DEFAULT_HOST, DEFAULT_PORT, Settings, SettingsError, load_settings
from feedsvc.store import recorded_base_url

log = logging.getLogger("feedsvc")

ACTION_TITLES = {
    Action.ADDED: "Added", Action.REVISED: "Revised", Action.MOVED: "Moved or renamed (same entry, same link)",
    Action.MISSING: "Missing (still published; withdrawn after withdraw_grace_seconds unless it comes back)",
    Action.REMOVED: "Removed (withdrawn from the feeds)",
    Action.HELD: "Held (embargoed or dated in the future)", Action.PUBLISHED: "Published (embargo passed)",
    Action.REJECTED: "Rejected", Action.PENDING: "Waiting (still being written)", Action.ERROR: "Errors",
}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        settings = load_settings(args.config)
    except SettingsError as e:
        print(f"feedsvc: {e}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)  # it logs every run at INFO; we log the scan
    guard_log_lines()
    return args.handler(args, settings)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="feedsvc", description="Publish press release files as RSS, Atom and JSON feeds and HTML pages.")
    parser.add_argument("--config", metavar="PATH", help="settings file (TOML); default config/feedsvc.toml when "
                                                         "present; also accepted after the command")
    # After the command, --config only overrides when given: a subparser default would overwrite the value given
    # before the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS,
                        help="settings file (TOML); default config/feedsvc.toml when present")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    serve = sub.add_parser("serve", parents=[common], help="run the web service and its scheduler",
                           description="Serve the feeds and pages on a production WSGI server (granian) and run "
                                       "the one scheduler that scans the releases folder, in one command.")
    serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to listen on (default {DEFAULT_PORT})")
    serve.add_argument("--workers", type=int, help="web workers: 1 runs in this process, more are spawned processes "
                                                    "(default: the workers setting)")
    serve.add_argument("--no-scheduler", action="store_true",
                       help="serve only; another process (`feedsvc worker`) scans")
    serve.set_defaults(handler=cmd_serve)

    worker = sub.add_parser("worker", parents=[common], help="run only the scheduler (scans), no web server",
                            description="Scan on a schedule without serving, for deployments where the web side "
                                        "runs elsewhere (e.g. gunicorn -w 4) against the same database.")
    worker.set_defaults(handler=cmd_worker)

    scan = sub.add_parser("scan", parents=[common], help="one ingest pass over the releases folder, then exit",
                          description="Scan the releases folder once and print what was added, revised, removed, "
                                      "held and rejected (with reasons). Safe beside a running service: passes "
                                      "take turns (a lock beside the database).")
    scan.add_argument("--wait", type=float, default=60.0, metavar="SECONDS",
                      help="how long to wait for a scan another process is running (default 60)")
    scan.set_defaults(handler=cmd_scan)

    export = sub.add_parser("export", parents=[common], help="write the public site as files into DIR",
                            description="Write every feed (each format, language and page, byte for byte as "
                                        "`serve` sends it, with its gzip twin), the index pages, every release page, "
                                        "the originals, a 404 page and the list of withdrawn paths (410) into DIR. "
                                        "Files are written atomically and only when they changed. The export_dir "
                                        "setting keeps an export up to date after each scan.")
    export.add_argument("directory", metavar="DIR")
    export.set_defaults(handler=cmd_export)

    parse = sub.add_parser("parse", parents=[common], help="show what files would become, without storing",
                           description="Parse release files and print what each would become, without touching "
                                       "the store. Exit status 1 if any file is rejected.")
    parse.add_argument("--json", action="store_true", help="one JSON object per line")
    parse.add_argument("files", nargs="+", metavar="FILE")
    parse.set_defaults(handler=cmd_parse)
    return parser


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from feedsvc import daemon, webserver

    if args.config:
        os.environ["FEEDSVC_CONFIG"] = str(Path(args.config).resolve())
    if not settings.base_url_set:
        settings = settings.served_at(args.host, args.port)
        os.environ["FEEDSVC_BASE_URL"] = settings.base_url  # the web workers build their links from it too
        log.warning("base_url is not set: links in the feeds and pages are built from the address served, %s. "
                    "In production set base_url to the public URL readers use, or every link points here.",
                    settings.base_url)
    if not args.no_scheduler:
        from feedsvc import metrics

        metrics.reset_folder(settings.database)  # the web processes' counts of an earlier run
    background = None if args.no_scheduler else daemon.start_background(settings)
    workers = args.workers or settings.workers
    log.info("serving %s on http://%s:%d/ (public URL %s) with %s", settings.releases_dir, args.host, args.port,
             settings.base_url, "one web worker in this process" if workers == 1 else f"{workers} worker processes")
    try:
        webserver.serve(args.host, args.port, workers, settings.threads)
    finally:
        if background:
            background()
    return 0


def cmd_worker(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.base_url_set:
        print("feedsvc worker: base_url must be set: the worker builds the feeds, whose links name the web "
              "server's public URL, and it cannot tell where that server listens.", file=sys.stderr)
        return 2
    from feedsvc import daemon

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    shutdown = daemon.start_background(settings)
    if shutdown is None:
        return 1
    try:
        while not stop.wait(3600):
            pass
    finally:
        shutdown()
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from feedsvc.export import export_site

    if not settings.base_url_set:
        settings = settings.with_base_url(recorded_base_url(settings.database) or settings.base_url)
        log.warning("base_url is not set: the exported links point to %s. Set base_url to the address the "
                    "exported site is served at.", settings.base_url)
    if not Path(settings.database).is_file():
        print(f"feedsvc export: there is no store at {settings.database} yet; run `feedsvc scan` or `feedsvc "
              "serve` first.", file=sys.stderr)
        return 2
    try:
        report = export_site(settings, Path(args.directory))
    except OSError as e:
        print(f"feedsvc export: cannot write {args.directory}: {e.strerror or e}", file=sys.stderr)
        return 1
    print(f"Exported {report.files} files ({report.bytes / 1_048_576:.1f} MB) to {args.directory} in "
          f"{report.seconds:.2f}s: {len(report.written)} written, {report.unchanged} unchanged, "
          f"{len(report.removed)} removed.")
    return 0


def cmd_scan(args: argparse.Namespace, settings: Settings) -> int:
    from feedsvc.service import Ingest, ScanBusy

    if not settings.base_url_set:
        # Links as the running service builds them (it records its URL), so this scan does not change them.
        settings = settings.with_base_url(recorded_base_url(settings.database) or settings.base_url)
    ingest = Ingest(settings)
    ingest.on_feeds_changed.append(lambda keys: ping_hubs_once(settings, keys))
    try:
        report = ingest.run(wait=max(args.wait, 0.0))
    except ScanBusy as busy:
        print(f"feedsvc scan: another process (pid {busy}) has been scanning {settings.database} for over "
              f"{args.wait:g} s; nothing was done. Its scan covers the same folder; try again later, or wait longer "
              "with --wait.", file=sys.stderr)
        return 3
    finally:
        ingest.health.close()
    groups: dict[str, list] = {}
    for outcome in report.outcomes:
        groups.setdefault(outcome.action, []).append(outcome)
    if not any(groups.get(a) for a in ACTION_TITLES):
        print(f"No changes in {settings.releases_dir}.")
    for action, title in ACTION_TITLES.items():
        outcomes = groups.get(action, [])
        if not outcomes:
            continue
        print(f"{title}: {len(outcomes)}")
        for o in outcomes:
            print(f"  {shown(o.path)}" + (f": {one_line(o.reason)}" if o.reason else ""))
    print(f"Scan took {report.seconds:.2f}s.")
    return 1 if groups.get(Action.ERROR) else 0


def ping_hubs_once(settings: Settings, keys: list[str]) -> None:
    """`feedsvc scan` exits right away, so it pings each hub once, in the foreground."""
    from feedsvc.websub import ping

    for hub in settings.websub_hubs:
        for key in keys:
            try:
                ping(hub, settings.base_url + key)
            except (OSError, ValueError) as e:
                log.warning("WebSub hub %s failed for %s: %s", hub, key, e)


def cmd_parse(args: argparse.Namespace, settings: Settings) -> int:
    from feedsvc.readpool import Budget, shared_pool

    now = datetime.now(UTC)
    options = reader_options(settings, now)
    pool = shared_pool(Budget.from_settings(settings), settings.log_level)  # the budgets of the service, too
    any_rejected = False
    for name in args.files:
        result = parse_file(name, settings, options, now, pool)
        any_rejected |= result["status"] == "rejected"
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            print_preview(result)
    return 1 if any_rejected else 0


def parse_file(name: str, settings: Settings, options: ReaderOptions, now: datetime, pool) -> dict:
    """What `name` would become, as the `parse --json` object the README documents (read in a reader process)."""
    path = Path(name)
    taken = take_named(path, settings)
    if isinstance(taken, Refused):
        return {"file": name, "status": "rejected", "reason": taken.reason, "warnings": []}
    source = source_name(path, settings.releases_dir)
    release = pool.read(source, taken.data, taken.modified, options)
    if isinstance(release, Rejection):
        return {"file": name, "status": "rejected", "reason": release.reason, "warnings": []}
    identity = entry_id_for(settings.database, source, taken.content_hash)
    return {"file": name, **describe(release, identity, settings, now)}


def describe(release: Release, entry_id: str, settings: Settings, now: datetime) -> dict:
    """The fields of the `parse --json` object that come from the release, in the zone the feeds use."""
    return {
        "status": "held" if release.is_held(now) else "published",
        "title": release.title,
        # a date-only release is stamped 12:00 UTC (see README): shown in UTC, in the zone it would read 15:00
        "published": release.published.astimezone(settings.zone if release.has_time else UTC).isoformat(),
        "has_time": release.has_time,
        "summary": release.summary,
        "body": release.body,
        "language": release.language,
        "id": entry_id,
        "warnings": list(release.warnings),
        "tags": list(release.tags),
        "topics": [{"kind": t.kind, "slug": t.slug, "name": t.name} for t in release.topics],
        **({"embargo": release.embargo.astimezone(settings.zone).isoformat()} if release.embargo else {}),
    }


def print_preview(result: dict) -> None:
    print(f"== {result['file']}: {result['status'].upper()}")
    if result["status"] == "rejected":
        print(f"   reason: {result['reason']}")
        return
    for key in ("title", "published", "language", "id", "summary"):
        print(f"   {key}: {result[key]}")
    if result.get("embargo"):
        print(f"   embargo: {result['embargo']}")
    for warning in result["warnings"]:
        print(f"   warning: {warning}")
    print(f"   body: {result['body'].count(chr(10) * 2) + 1} paragraphs, {len(result['body'])} characters")


if __name__ == "__main__":
    sys.exit(main())
