"""Reads release files in worker processes, each file within a wall-clock and a memory budget.

The readers parse untrusted bytes with libraries (lxml, pypdf, markdown-it, PyYAML) whose worst cases take minutes
or gigabytes. Here they run in separate, low-priority processes, so no file can hold the interpreter lock of the
web, exhaust the service's memory or stall the scan:
- a read that runs past `read_timeout` seconds is stopped (its process killed), and one that needs more than
  `read_memory` megabytes fails inside its process (an address-space limit): either way the file is rejected with
  a reason, and it is read again only when it changes (the scanner's stamp);
- a read that has run for SLOW_AFTER seconds steps aside: another process takes the next file, so ordinary
  releases never queue behind a hostile one (at most 2 x `read_workers` reads at once);
- processes start when there is something to read and exit after IDLE_EXIT seconds without work, so an idle
  service holds none.

Inside a worker (feedsvc.readworker), `feedsvc.readers.read_release(name, data, modified, options)` runs exactly
as it would in process; feedsvc.readprocess drives one worker, feedsvc.readwire is what they say to each other.
"""

from __future__ import annotations

import atexit
import logging
import os
import selectors
import subprocess
import threading
import time
from datetime import datetime
from typing import TYPE_CHECKING

from feedsvc.models import Rejection, Release
from feedsvc.readprocess import (
    TOO_LARGE_REASON,
    AnswerTooLarge,
    Budget,
    ProcessGone,
    ReaderProcess,
    Ticket,
    crash_reason,
    how,
    memory_reason,
    reap,
    timeout_reason,
)
from feedsvc.readwire import INTERNAL_ERROR, decode_answer

if TYPE_CHECKING:
    from feedsvc.readers.options import ReaderOptions

log = logging.getLogger(__name__)

SLOW_AFTER = 1.0  # seconds; a longer read no longer holds up the files behind it
IDLE_EXIT = 20.0  # seconds a worker process waits for work before it exits
RECYCLE_AFTER = 10_000  # files one worker reads before it is replaced (bounds slow leaks in the libraries)
RECYCLE_GROWTH = 128 * 1024 * 1024  # ...or once its peak resident memory grew this much over its start


class ReadPool:
    """Reads files in worker processes; submit() never blocks, results arrive on their tickets.

    One thread (started with the first file, ended when the last worker has exited) runs the workers: it writes
    requests and reads replies without blocking, so no worker, however stuck, can hold up the others or the
    deadlines.
    """

    def __init__(self, budget: Budget, log_level: str = "INFO"):
        self.budget = budget
        self.log_level = log_level
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._queue: list[Ticket] = []
        self._workers: list[ReaderProcess] = []
        self._exiting: list[tuple[subprocess.Popen, float]] = []  # retired workers, reaped once they are gone
        self._finished: list[Ticket] = []  # to announce to on_done, outside the lock
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        os.set_blocking(self._wake_r, False)
        self._closed = False

    def submit(self, key: str, name: str, data: bytes, modified: datetime, options: ReaderOptions) -> Ticket:
        ticket = Ticket(key, name, data, modified, options)
        with self._lock:
            if self._closed:
                raise RuntimeError("the read pool is closed")
            self._queue.append(ticket)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="feedsvc-readpool", daemon=True)
                self._thread.start()
        self._wake()
        return ticket

    def read(self, name: str, data: bytes, modified: datetime, options: ReaderOptions) -> Release | Rejection:
        """Read one file and wait for it (at most the time budget, plus a worker's start)."""
        ticket = self.submit(name, name, data, modified, options)
        self.wait([ticket], everything=True)
        assert ticket.result is not None
        return ticket.result

    def cancel(self, ticket: Ticket) -> None:
        """Forget a read whose file changed or went away (its worker is stopped if it is reading it)."""
        with self._lock:
            if ticket.done:
                return
            ticket.cancelled = True
            ticket.data = b""
            if ticket in self._queue:
                self._queue.remove(ticket)
            for worker in self._workers:
                if worker.ticket is ticket:
                    self._kill(worker)
            self._changed.notify_all()
        self._wake()

    def lagging(self, ticket: Ticket) -> bool:
        """True for a read that the caller need not wait for: it has run past SLOW_AFTER, or it is queued while
        every process is taken by such reads."""
        now = time.monotonic()
        with self._lock:
            if ticket.done:
                return False
            if ticket.started is not None:
                return now - ticket.started >= SLOW_AFTER
            return self._saturated(now) and all(now - (w.ticket.started or now) >= SLOW_AFTER
                                                for w in self._workers if w.ticket is not None)

    def wait(self, tickets: list[Ticket], timeout: float | None = None, everything: bool = False,
             stop: threading.Event | None = None) -> None:
        """Block until one of `tickets` is done (or all, with `everything`), `timeout` passes or `stop` is set."""
        deadline = None if timeout is None else time.monotonic() + timeout
        first_open = 0  # with `everything`: the tickets before this one are done
        with self._changed:
            while True:
                if everything:
                    while first_open < len(tickets) and tickets[first_open].done:
                        first_open += 1
                    if first_open == len(tickets):
                        return
                elif not tickets or any(t.done for t in tickets):
                    return
                if stop is not None and stop.is_set():
                    return
                remaining = 0.5 if deadline is None else min(0.5, deadline - time.monotonic())
                if remaining <= 0:
                    return
                self._changed.wait(remaining)

    def close(self) -> None:
        """Stop every worker process now (at shutdown)."""
        with self._lock:
            self._closed = True
            for ticket in self._queue:
                ticket.cancelled = True
            self._queue.clear()
            for worker in list(self._workers):
                self._kill(worker)
            self._changed.notify_all()
        self._wake()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    @property
    def processes(self) -> list[int]:
        """The pids of the live worker processes."""
        with self._lock:
            return [w.process.pid for w in self._workers]

    def _wake(self) -> None:
        try:
            os.write(self._wake_w, b"x")
        except BlockingIOError:
            pass  # already awake

    def _saturated(self, now: float) -> bool:
        busy = [w for w in self._workers if w.ticket is not None]
        fast = sum(1 for w in busy if now - (w.ticket.started or now) < SLOW_AFTER)
        return fast >= self.budget.workers or len(busy) >= 2 * self.budget.workers

    def _run(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._wake_r, selectors.EVENT_READ)
        try:
            while True:
                with self._lock:
                    now = time.monotonic()
                    self._expire(now)
                    self._dispatch(now)
                    self._reap_exiting(now)
                    finished, self._finished = self._finished, []
                    if not self._workers and not self._queue and not self._exiting and not finished:
                        self._thread = None
                        return
                    interest = [(w.requests, selectors.EVENT_WRITE, w) for w in self._workers if w.outbox]
                    interest += [(w.replies, selectors.EVENT_READ, w) for w in self._workers if w.ticket is not None]
                    timeout = self._next_event(now)
                self._announce(finished)
                registered = []
                for fd, events, worker in interest:
                    try:  # a cancel() from another thread may have closed it meanwhile
                        selector.register(fd, events, worker)
                        registered.append(fd)
                    except (OSError, ValueError, KeyError):
                        pass
                try:
                    ready = selector.select(timeout)
                finally:
                    for fd in registered:
                        selector.unregister(fd)
                for key, events in ready:
                    if key.data is None:
                        try:
                            os.read(self._wake_r, 4096)
                        except BlockingIOError:
                            pass
                        continue
                    with self._lock:
                        if events & selectors.EVENT_WRITE:
                            self._send(key.data)
                        else:
                            self._receive(key.data)
        except Exception:
            log.exception("the read pool stopped")
            with self._lock:
                self._thread = None
                for worker in list(self._workers):
                    self._kill(worker)
                for ticket in self._queue:
                    self._finish(ticket, Rejection(f"{INTERNAL_ERROR} (the reader pool failed)."))
                self._queue.clear()
                finished, self._finished = self._finished, []
            self._announce(finished)
        finally:
            selector.close()

    def _announce(self, finished: list[Ticket]) -> None:
        for ticket in finished:
            if ticket.on_done is not None:
                try:
                    ticket.on_done(ticket)
                except Exception:
                    log.exception("read-done callback failed")

    def _next_event(self, now: float) -> float:
        """Seconds until a deadline, a read turning slow, an idle worker's exit or a retired one's reaping."""
        times = [IDLE_EXIT, *(0.1 for _ in self._exiting)]
        for worker in self._workers:
            if worker.ticket is None:
                times.append(worker.idle_since + IDLE_EXIT - now)
            else:
                started = worker.ticket.started or now
                times.append(started + self.budget.timeout - now)
                if now - started < SLOW_AFTER:
                    times.append(started + SLOW_AFTER - now)
        return max(0.01, min(times))

    def _expire(self, now: float) -> None:
        """Stop reads past their deadline and workers idle too long."""
        for worker in list(self._workers):
            ticket = worker.ticket
            if ticket is not None and now - (ticket.started or now) >= self.budget.timeout:
                log.debug("reading %s passed %gs; stopping reader process %d", ticket.key, self.budget.timeout,
                          worker.process.pid)
                self._kill(worker)
                self._finish(ticket, Rejection(timeout_reason(self.budget.timeout)))
            elif ticket is None and now - worker.idle_since >= IDLE_EXIT:
                self._retire(worker)

    def _dispatch(self, now: float) -> None:
        """Hand queued files to idle workers, starting workers as the rules allow."""
        while self._queue and not self._saturated(now):
            worker = next((w for w in self._workers if w.ticket is None), None)
            if worker is None:
                try:
                    worker = self._spawn()
                except OSError as e:
                    log.error("cannot start a reader process: %s", e)
                    self._finish(self._queue.pop(0),
                                 Rejection(f"{INTERNAL_ERROR} (no reader process could be started: {e})."))
                    continue
            ticket = self._queue.pop(0)
            worker.hand(ticket)
            ticket.started = now
            ticket.data = b""  # the request holds it now
            self._send(worker)

    def _send(self, worker: ReaderProcess) -> None:
        if worker not in self._workers:
            return
        try:
            worker.send()
        except ProcessGone:
            self._lost(worker)

    def _receive(self, worker: ReaderProcess) -> None:
        """Part of an answer, or the end of a worker that stopped (a crash)."""
        ticket = worker.ticket
        if worker not in self._workers or ticket is None:
            return
        try:
            answer = worker.receive()
        except ProcessGone:
            self._lost(worker)
            return
        except AnswerTooLarge as e:
            log.error("reader process %d sent a %d-byte answer for %s", worker.pid, e.args[0], ticket.key)
            self._kill(worker)
            self._finish(ticket, Rejection(TOO_LARGE_REASON))
            return
        if answer is None:
            return
        spent = False  # the process ran out of memory, or answered nonsense: it reads no more
        try:
            result, growth = decode_answer(answer)
            if result is None:
                result, spent = Rejection(memory_reason(self.budget.memory_mb)), True
        except (ValueError, TypeError, KeyError) as e:
            log.error("reader process %d answered nonsense for %s: %s", worker.pid, ticket.key, e)
            result, spent, growth = Rejection(f"{INTERNAL_ERROR} (the reader's answer was unreadable)."), True, 0
        if spent or worker.files >= RECYCLE_AFTER or not isinstance(growth, int) or growth > RECYCLE_GROWTH:
            self._retire(worker)
        self._finish(ticket, result)

    def _lost(self, worker: ReaderProcess) -> None:
        """The worker's pipes closed: it died (a crash, or a kill that was not ours)."""
        ticket = worker.ticket
        self._drop(worker)
        returncode = reap(worker.process)
        if ticket is not None:
            log.error("reader process %d stopped while reading %s (%s)", worker.pid, ticket.key, how(returncode))
            self._finish(ticket, Rejection(crash_reason(returncode)))

    def _finish(self, ticket: Ticket, result: Release | Rejection) -> None:
        if ticket.cancelled:
            return
        ticket.result = result
        ticket.data = b""
        self._finished.append(ticket)
        self._changed.notify_all()

    def _spawn(self) -> ReaderProcess:
        worker = ReaderProcess.start(self.budget, self.log_level)
        self._workers.append(worker)
        log.debug("started reader process %d", worker.pid)
        return worker

    def _kill(self, worker: ReaderProcess) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        worker.kill()

    def _retire(self, worker: ReaderProcess) -> None:
        """Let a worker go: closing its requests pipe makes it exit; it is reaped on a later turn."""
        self._drop(worker)
        self._exiting.append((worker.process, time.monotonic()))

    def _reap_exiting(self, now: float) -> None:
        for process, since in list(self._exiting):
            if process.poll() is None and now - since < 5:
                continue
            if process.poll() is None:
                process.kill()
                reap(process)
            self._exiting.remove((process, since))
            log.debug("reader process %d exited", process.pid)

    def _drop(self, worker: ReaderProcess) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        worker.close_pipes()


_pools: dict[tuple, ReadPool] = {}
_pools_lock = threading.Lock()


def shared_pool(budget: Budget, log_level: str = "INFO") -> ReadPool:
    """The process's pool for `budget`: the scanner and `feedsvc parse` share workers, and so do tests."""
    with _pools_lock:
        pool = _pools.get((budget, log_level))
        if pool is None or pool._closed:
            pool = _pools[(budget, log_level)] = ReadPool(budget, log_level)
        return pool


@atexit.register
def _close_pools() -> None:
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.close()
