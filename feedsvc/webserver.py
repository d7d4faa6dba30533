"""The only module that imports granian: runs the WSGI app, in the main process or in spawned worker processes.

One web worker runs as a thread of the main process, beside the scheduler: on a small machine that serves feeds as
fast as two worker processes (bench/bench_serve.py) at half the memory (bench/bench_memory.py). More workers are
separate interpreters, spawned (never forked), so no thread, lock or SQLite connection crosses a fork. A worker
process that dies is started again; one whose main process is gone (even by SIGKILL) exits.

Connections are HTTP/1.1 only: then granian applies its header timeout from the first moment of a connection, so
one that sends nothing, or stays idle between requests, is closed after IDLE_CONNECTION_SECONDS and never holds a
file descriptor for good.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import threading

from granian.constants import HTTPModes, Interfaces
from granian.http import HTTP1Settings
from granian.server.mp import MPServer as ProcessServer
from granian.server.mt import MTServer

log = logging.getLogger(__name__)

APP = "feedsvc.webserver:worker_app"
IDLE_CONNECTION_SECONDS = 10


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
    raise_file_limit()
    options = dict(
        factory=True, interface=Interfaces.WSGI, address=host, port=port, workers=workers,
        blocking_threads=threads,  # granian's default (up to 256 a worker) only costs memory here
        log_access=False,
        http=HTTPModes.http1,
        http1_settings=HTTP1Settings(header_read_timeout=IDLE_CONNECTION_SECONDS * 1000),
    )
    if workers == 1:
        server = InProcessServer(APP, **options)
    else:
        multiprocessing.set_start_method("spawn", force=True)
        server = ProcessServer(APP, respawn_failed_workers=True, **options)
    server.serve()


def worker_app():
    """The app of one web worker; a worker process also watches its parent, and exits when the parent is gone."""
    from feedsvc.web import create_app

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), name="feedsvc-parent-watch", daemon=True).start()
    return create_app()


def _exit_with_parent(parent) -> None:
    """Block on the parent's sentinel (a pipe the kernel closes when the parent dies, however it dies)."""
    from multiprocessing.connection import wait

    wait([parent.sentinel])
    log.warning("the main feedsvc process %s is gone; this web worker (%d) stops serving", parent.pid, os.getpid())
    os._exit(1)


def raise_file_limit() -> None:
    """Use every file descriptor the system allows this process (the soft limit is often 1024 of far more):
    connections, the store and the scan all need them."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft != resource.RLIM_INFINITY and soft < hard:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        except (ValueError, OSError):
            pass
