"""`feedsvc serve` with extra granian server settings, for benchmarks only.

    python bench/_serve_with.py blocking_threads=4 backpressure=64 -- serve --port 8080

Everything after `--` goes to `feedsvc`; each key=value before it is added to the granian server that
feedsvc.webserver.serve builds (in-process or worker processes), so a figure measured here is what the same
change in feedsvc/webserver.py would give.
"""

from __future__ import annotations

import sys


def parse(value: str) -> object:
    from granian.constants import RuntimeModes

    if value in {m.value for m in RuntimeModes}:
        return RuntimeModes(value)
    if value in ("true", "false"):
        return value == "true"
    return int(value)


def with_settings(server_class: type, extra: dict) -> type:
    return type(server_class.__name__, (server_class,),
                {"__init__": lambda self, *a, **kw: server_class.__init__(self, *a, **{**kw, **extra})})


def main() -> int:
    split = sys.argv.index("--")
    extra = {key: parse(value) for key, _, value in (a.partition("=") for a in sys.argv[1:split])}

    from feedsvc import webserver

    webserver.InProcessServer = with_settings(webserver.InProcessServer, extra)
    webserver.ProcessServer = with_settings(webserver.ProcessServer, extra)
    from feedsvc.cli import main as feedsvc_main

    return feedsvc_main(sys.argv[split + 1:])


if __name__ == "__main__":
    sys.exit(main())
