"""The only module that imports granian: runs the WSGI app, in the main process or in spawned worker processes.

One web worker runs as a thread of the main process, beside the scheduler: on a small machine that serves feeds as
fast as two worker processes (bench/bench_serve.py) at half the memory (bench/bench_memory.py). More workers are
separate interpreters, spawned (never forked), so no thread, lock or SQLite connection crosses a fork.
"""

from __future__ import annotations

import multiprocessing

from granian.constants import Interfaces
from granian.server.mp import MPServer as ProcessServer
from granian.server.mt import MTServer

APP = "feedsvc.web:create_app"


class InProcessServer(MTServer):
    """granian's thread-worker server, used with exactly one worker on a GIL build of Python.

    granian offers thread workers only for free-threaded Python, where several can run Python at once. One worker
    thread runs just as it would in a worker process: its Rust runtime handles HTTP without the GIL and takes the
    GIL only to call the app.
    """

    def _check_gil(self) -> None:
        if self.workers != 1:
            raise ValueError("in-process serving takes exactly one worker")

    def serve(self, spawn_target=None, target_loader=None, wrap_loader: bool = True) -> None:
        # MTServer.serve warns that free-threaded Python is experimental, which is not what runs here.
        super(MTServer, self).serve(spawn_target, target_loader, wrap_loader)


def serve(host: str, port: int, workers: int, threads: int) -> None:
    """Serve until SIGINT/SIGTERM; one worker in this process, more as spawned processes."""
    options = dict(
        factory=True, interface=Interfaces.WSGI, address=host, port=port, workers=workers,
        blocking_threads=threads,  # granian's default (up to 256 a worker) only costs memory here
        log_access=False,
    )
    if workers == 1:
        server = InProcessServer(APP, **options)
    else:
        multiprocessing.set_start_method("spawn", force=True)
        server = ProcessServer(APP, **options)
    server.serve()
