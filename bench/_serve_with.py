"""`feedsvc serve` with extra granian.server.Server settings, for benchmarks only.

    python bench/_serve_with.py blocking_threads=4 backpressure=64 -- serve --port 8080

Everything after `--` goes to `feedsvc`; each key=value before it is added to the Server(...) call that
feedsvc.cli.cmd_serve makes, so a figure measured here is what the same change in cli.py would give.
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


def main() -> int:
    split = sys.argv.index("--")
    extra = {key: parse(value) for key, _, value in (a.partition("=") for a in sys.argv[1:split])}

    import granian.server

    original = granian.server.Server
    if extra.pop("threaded", False):  # workers as threads of the main process (granian's free-threaded server)
        from granian.server.mt import MTServer

        class ThreadedServer(MTServer):
            def _check_gil(self) -> None:
                pass

        original = ThreadedServer

    def server(*args, **kwargs):
        return original(*args, **{**kwargs, **extra})

    granian.server.Server = server
    from feedsvc.cli import main as feedsvc_main

    return feedsvc_main(sys.argv[split + 1:])


if __name__ == "__main__":
    sys.exit(main())
