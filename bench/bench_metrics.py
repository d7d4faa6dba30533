"""What counting requests for /metrics costs on the hot feed path, side by side with the same code not counting.

    .venv/bin/python bench/bench_metrics.py [--rounds 5] [--calls 200000] [--seconds 5] [--no-wrk]

1. In process: the feed fast path (FeedResponder, a cached /feed.atom, 200 and 304) called directly, with the
   shipped `respond` and with a copy whose counting lines are taken out, in interleaved rounds; nanoseconds per
   request (median over rounds).
2. Through `feedsvc serve` (one worker, in process) with wrk: the shipped code and the same server with the
   counting taken out, interleaved; requests/s (median over rounds). Needs wrk (apt-get install wrk).

The last line is `SUMMARY: ...`.
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    PYTHON,
    Process,
    feedsvc_env,
    fill_store,
    free_port,
    machine,
    need_tool,
    render_front_pages,
    run_wrk,
    table,
)


def respond_without_counting():
    """The fast path's `respond`, compiled again without its counting lines (the code as it was before /metrics)."""
    from feedsvc.web import fastpath

    source = textwrap.dedent(inspect.getsource(fastpath.respond))
    kept = "\n".join(line for line in source.splitlines() if "FAST[" not in line)
    namespace: dict = {}
    exec(compile(kept, "respond_without_counting", "exec"), vars(fastpath).copy(), namespace)  # noqa: S102
    return namespace["respond"]


def in_process(root: Path, rounds: int, calls: int) -> list[list[object]]:
    import os

    from feedsvc.settings import load_settings
    from feedsvc.web import create_app, fastpath

    env = feedsvc_env(root, root / "releases", root / "db.sqlite3", 8080)
    os.environ.update(env)
    settings = load_settings()
    app = create_app(settings)
    responder = app.wsgi_app
    shipped, stripped = fastpath.respond, respond_without_counting()
    etag = responder.documents.get("/feed.atom").etag
    requests = {
        "200": {"REQUEST_METHOD": "GET", "PATH_INFO": "/feed.atom", "QUERY_STRING": ""},
        "304": {"REQUEST_METHOD": "GET", "PATH_INFO": "/feed.atom", "QUERY_STRING": "", "HTTP_IF_NONE_MATCH": etag},
    }

    def start_response(status, headers):
        return None

    results: dict[tuple[str, str], list[float]] = {}
    for _ in range(rounds):
        for variant, function in (("counting", shipped), ("not counting", stripped)):
            fastpath.respond = function
            for kind, environ in requests.items():
                started = time.perf_counter_ns()
                for _ in range(calls):
                    responder(environ, start_response)
                results.setdefault((kind, variant), []).append((time.perf_counter_ns() - started) / calls)
    fastpath.respond = shipped
    rows = []
    for kind in requests:
        with_counting = statistics.median(results[(kind, "counting")])
        without = statistics.median(results[(kind, "not counting")])
        rows.append([f"fast path, {kind}", f"{with_counting:.0f} ns", f"{without:.0f} ns",
                     f"{with_counting - without:+.0f} ns", f"{(with_counting / without - 1) * 100:+.1f}%"])
    return rows


SERVE_WITHOUT = """
import sys
sys.path.insert(0, {bench!r})
from bench_metrics import respond_without_counting
import feedsvc.web.fastpath as fastpath
fastpath.respond = respond_without_counting()
from feedsvc.cli import main
sys.exit(main(["serve", "--port", {port!r}]))
"""


def through_wrk(root: Path, rounds: int, seconds: float) -> list[list[object]]:
    port = free_port()
    env = feedsvc_env(root, root / "releases", root / "db.sqlite3", port, scan_interval=3600, watch="false")
    bench = str(Path(__file__).resolve().parent)
    commands = {
        "counting": [PYTHON, "-m", "feedsvc", "serve", "--port", str(port)],
        "not counting": [PYTHON, "-c", SERVE_WITHOUT.format(bench=bench, port=str(port))],
    }
    results: dict[str, list[float]] = {}
    for _ in range(rounds):
        for variant, command in commands.items():
            server = Process(command, env=env, cwd=root, log=root / f"serve-{variant}.log")
            try:
                server.wait_http(f"http://127.0.0.1:{port}/feed.atom", ok=lambda status, body: status == 200)
                run_wrk(f"http://127.0.0.1:{port}/feed.atom", {}, seconds=1)  # warm up
                result = run_wrk(f"http://127.0.0.1:{port}/feed.atom", {}, seconds=seconds)
                assert result["bad"] == 0 and result["errors"] == 0, result
                results.setdefault(variant, []).append(result["rps"])
            finally:
                server.stop()
    with_counting, without = statistics.median(results["counting"]), statistics.median(results["not counting"])
    spread = max(statistics.pstdev(results["counting"]), statistics.pstdev(results["not counting"]))
    return [["serve + wrk, /feed.atom 200", f"{with_counting:,.0f} req/s", f"{without:,.0f} req/s",
             f"{with_counting - without:+,.0f} req/s (spread ±{spread:,.0f})",
             f"{(with_counting / without - 1) * 100:+.1f}%"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--no-wrk", action="store_true")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="feedsvc-bench-metrics-"))
    (root / "releases").mkdir()
    fill_store(root / "db.sqlite3", 200)
    render_front_pages(feedsvc_env(root, root / "releases", root / "db.sqlite3", 8080))
    print(machine())
    rows = in_process(root, args.rounds, args.calls)
    if not args.no_wrk and need_tool("wrk"):
        rows += through_wrk(root, args.rounds, args.seconds)
    print(table(rows, ["request", "counting", "not counting", "cost", "relative"]))
    print("SUMMARY: " + "; ".join(f"{r[0]}: {r[3]} ({r[4]})" for r in rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
