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

Inside a worker, `feedsvc.readers.read_release(name, data, modified, options)` runs exactly as it would in
process. Requests go to the worker pickled (from the trusted side); results come back as JSON, so a worker that a
hostile file took over cannot run code in the service.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import pickle
import resource
import selectors
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from pathlib import Path

from feedsvc.models import Rejection, Release, ReleaseIndex, Topic

log = logging.getLogger(__name__)

SLOW_AFTER = 1.0  # seconds; a longer read no longer holds up the files behind it
IDLE_EXIT = 20.0  # seconds a worker process waits for work before it exits
RECYCLE_AFTER = 10_000  # files one worker reads before it is replaced (bounds slow leaks in the libraries)
RECYCLE_GROWTH = 128 * 1024 * 1024  # ...or once its peak resident memory grew this much over its start
NICE = 10  # reading yields the CPU to the web and the scanner
KILL_GRACE = 5.0  # a worker whose parent is gone stops itself this long after its read's deadline

_HEADER = struct.Struct(">Q")
INTERNAL_ERROR = "feedsvc could not read this file because of an internal error"


def timeout_reason(seconds: float) -> str:
    return (f"Reading this file took longer than {seconds:g} seconds, the limit for one file, so it was stopped. "
            "The file may be damaged or built to be very hard to read (for example a PDF whose pages repeat one "
            "huge drawing, or a page of thousands of nested brackets). Save it again or send the text as a .txt or "
            "Word file; feedsvc reads it again when the file changes.")


def memory_reason(megabytes: int) -> str:
    return (f"Reading this file needed more than {megabytes} MB of memory, the limit for one file, so it was "
            "stopped. The file may be damaged or built to expand enormously when read (for example a front matter "
            "full of repeated references). Save it again or send the text as a .txt or Word file; feedsvc reads it "
            "again when the file changes.")


def crash_reason(returncode: int | None) -> str:
    return f"{INTERNAL_ERROR} (the reader process stopped with {_how(returncode)}); the details are in the service log."


@dataclass(frozen=True)
class Budget:
    """What one file may cost to read, and how many files are read side by side."""

    timeout: float = 20.0
    memory_mb: int = 512
    workers: int = 2

    @classmethod
    def from_settings(cls, settings) -> Budget:
        return cls(settings.read_timeout, settings.read_memory, settings.read_workers)


@dataclass(eq=False)
class Ticket:
    """One file handed to the pool; `result` is set once it has been read (or stopped)."""

    key: str
    name: str
    data: bytes = field(repr=False)
    modified: datetime
    options: object  # feedsvc.readers.ReaderOptions
    submitted: float = field(default_factory=time.monotonic)
    started: float | None = None
    result: Release | Rejection | None = None
    cancelled: bool = False
    on_done: Callable[[Ticket], None] | None = None  # run in the pool's thread once the read is finished

    @property
    def done(self) -> bool:
        return self.result is not None or self.cancelled


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen
    ticket: Ticket | None = None
    outbox: bytearray = field(default_factory=bytearray)  # the request not yet written
    inbox: bytearray = field(default_factory=bytearray)  # the reply read so far
    idle_since: float = field(default_factory=time.monotonic)
    files: int = 0

    @property
    def requests(self) -> int:
        return self.process.stdin.fileno()

    @property
    def replies(self) -> int:
        return self.process.stdout.fileno()


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
        self._workers: list[_Worker] = []
        self._exiting: list[tuple[subprocess.Popen, float]] = []  # retired workers, reaped once they are gone
        self._finished: list[Ticket] = []  # to announce to on_done, outside the lock
        self._thread: threading.Thread | None = None
        self._wake_r, self._wake_w = os.pipe()
        os.set_blocking(self._wake_w, False)
        os.set_blocking(self._wake_r, False)
        self._closed = False

    def submit(self, key: str, name: str, data: bytes, modified: datetime, options) -> Ticket:
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

    def read(self, name: str, data: bytes, modified: datetime, options) -> Release | Rejection:
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
            payload = pickle.dumps((ticket.name, ticket.data, ticket.modified, ticket.options),
                                   protocol=pickle.HIGHEST_PROTOCOL)
            worker.outbox = bytearray(_HEADER.pack(len(payload)) + payload)
            worker.inbox.clear()
            ticket.started = now
            ticket.data = b""  # the request holds it now
            worker.ticket = ticket
            self._send(worker)

    def _send(self, worker: _Worker) -> None:
        if not worker.outbox or worker not in self._workers:
            return
        try:
            written = os.write(worker.requests, worker.outbox)
        except BlockingIOError:
            return
        except OSError:
            self._lost(worker)
            return
        del worker.outbox[:written]

    def _receive(self, worker: _Worker) -> None:
        """Part of a reply, or the end of a worker that stopped (a crash)."""
        if worker not in self._workers or worker.ticket is None:
            return
        try:
            chunk = os.read(worker.replies, 1 << 20)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._lost(worker)
            return
        worker.inbox += chunk
        if len(worker.inbox) < _HEADER.size:
            return
        size = _HEADER.unpack_from(worker.inbox)[0]
        if size > MAX_REPLY:
            log.error("reader process %d sent a %d-byte answer for %s", worker.process.pid, size, worker.ticket.key)
            ticket = worker.ticket
            self._kill(worker)
            self._finish(ticket, Rejection(TOO_LARGE_REASON))
            return
        if len(worker.inbox) < _HEADER.size + size:
            return
        reply = bytes(worker.inbox[_HEADER.size:_HEADER.size + size])
        worker.inbox.clear()
        ticket, worker.ticket = worker.ticket, None
        worker.idle_since = time.monotonic()
        worker.files += 1
        try:
            kind, payload, growth = json.loads(reply)
            result = (_decode_release(payload) if kind == "release"
                      else Rejection(memory_reason(self.budget.memory_mb)) if kind == "memory"
                      else Rejection(str(payload)))
        except (ValueError, TypeError, KeyError) as e:
            log.error("reader process %d answered nonsense for %s: %s", worker.process.pid, ticket.key, e)
            result, kind, growth = Rejection(f"{INTERNAL_ERROR} (the reader's answer was unreadable)."), "", 0
        if kind in ("memory", "") or worker.files >= RECYCLE_AFTER or not isinstance(growth, int) \
                or growth > RECYCLE_GROWTH:
            self._retire(worker)
        self._finish(ticket, result)

    def _lost(self, worker: _Worker) -> None:
        """The worker's pipes closed: it died (a crash, or a kill that was not ours)."""
        ticket = worker.ticket
        self._drop(worker)
        returncode = _reap(worker.process)
        if ticket is not None:
            log.error("reader process %d stopped while reading %s (%s)", worker.process.pid, ticket.key,
                      _how(returncode))
            self._finish(ticket, Rejection(crash_reason(returncode)))

    def _finish(self, ticket: Ticket, result: Release | Rejection) -> None:
        if ticket.cancelled:
            return
        ticket.result = result
        ticket.data = b""
        self._finished.append(ticket)
        self._changed.notify_all()

    def _spawn(self) -> _Worker:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        env["MALLOC_ARENA_MAX"] = "1"  # one malloc arena: the address-space limit is not spent on reserves
        config = json.dumps({"memory_mb": self.budget.memory_mb, "timeout": self.budget.timeout,
                             "log_level": self.log_level})
        process = subprocess.Popen(
            [sys.executable, "-c", "from feedsvc.readpool import serve_reads; serve_reads()", config],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        os.set_blocking(process.stdin.fileno(), False)
        os.set_blocking(process.stdout.fileno(), False)
        worker = _Worker(process)
        self._workers.append(worker)
        log.debug("started reader process %d", process.pid)
        return worker

    def _kill(self, worker: _Worker) -> None:
        if worker.process.poll() is None:
            try:
                worker.process.kill()
            except ProcessLookupError:
                pass
        self._drop(worker)
        _reap(worker.process)

    def _retire(self, worker: _Worker) -> None:
        """Let a worker go: closing its requests pipe makes it exit; it is reaped on a later turn."""
        self._drop(worker)
        self._exiting.append((worker.process, time.monotonic()))

    def _reap_exiting(self, now: float) -> None:
        for process, since in list(self._exiting):
            if process.poll() is None and now - since < 5:
                continue
            if process.poll() is None:
                process.kill()
                _reap(process)
            self._exiting.remove((process, since))
            log.debug("reader process %d exited", process.pid)

    def _drop(self, worker: _Worker) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        worker.ticket = None
        for stream in (worker.process.stdin, worker.process.stdout):
            try:
                stream.close()
            except OSError:
                pass


MAX_REPLY = 256 * 1024 * 1024
TOO_LARGE_REASON = ("The text of this file is too large to publish (over 256 MB once read). Split it into "
                    "several releases.")


def _how(returncode: int | None) -> str:
    if returncode is not None and returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"


def _reap(process: subprocess.Popen) -> int | None:
    try:
        return process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return None


def _read_frame(stream) -> bytes | None:
    """One length-prefixed frame from a blocking stream, or None at its end."""
    header = _read_exactly(stream, _HEADER.size)
    if header is None:
        return None
    return _read_exactly(stream, _HEADER.unpack(header)[0])


def _read_exactly(stream, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = stream.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _encode(value):
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Topic):
        return {"topic": [value.kind, value.key, value.name, value.slug]}
    if isinstance(value, ReleaseIndex):
        return {"index": {"terms": value.terms, "fingerprint": value.fingerprint}}  # the fingerprint is JSON
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"a Release field holds {type(value).__name__}, which the reader processes cannot send")


def _decode(value):
    if isinstance(value, dict):
        if "date" in value:
            return date.fromisoformat(value["date"])
        if "topic" in value:
            return Topic(*value["topic"])
        if "index" in value:
            return ReleaseIndex(**value["index"])
        return datetime.fromisoformat(value["datetime"])
    if isinstance(value, list):
        return tuple(_decode(v) for v in value)
    return value


def _encode_release(release: Release) -> dict:
    return {f.name: _encode(getattr(release, f.name)) for f in fields(Release)}


def _decode_release(payload: dict) -> Release:
    return Release(**{name: _decode(value) for name, value in payload.items()})


class _MemoryErrorSeen(logging.Handler):
    """Readers log the exceptions they survive; a MemoryError among them means the budget was reached."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "out_of_memory", False) or (
                record.exc_info and record.exc_info[0] is not None and issubclass(record.exc_info[0], MemoryError)):
            self.seen = True


def serve_reads() -> None:
    """The worker process: read requests on stdin, answer on stdout, until stdin closes."""
    config = json.loads(sys.argv[1])
    requests = os.fdopen(os.dup(0), "rb", buffering=0)
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(2, 1)  # a library that prints must not corrupt the answers
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the service, which then stops its readers
    try:
        os.nice(NICE)
    except OSError:
        pass
    logging.basicConfig(level=config["log_level"], stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    memory_errors = _MemoryErrorSeen()
    logging.getLogger().addHandler(memory_errors)
    from feedsvc.readers import load_all, read_release
    from feedsvc.topics import indexed

    load_all()  # imported before the limit: the readers are the worker's resting size

    _limit_memory(config["memory_mb"] * 1024 * 1024)
    resting = _peak_resident()
    while True:
        frame = _read_frame(requests)
        if frame is None:
            return  # the service closed the pipe (idle exit, or it has gone)
        # If the service dies mid-read, nobody kills this process: the alarm does (SIGALRM's default action).
        signal.setitimer(signal.ITIMER_REAL, config["timeout"] + KILL_GRACE)
        memory_errors.seen = False
        try:
            name, data, modified, options = pickle.loads(frame)
            del frame
            result = read_release(name, data, modified, options)
            if isinstance(result, Release):
                result = indexed(name, result, options.zone)
            del data
            answer = (["memory", None] if memory_errors.seen
                      else ["release", _encode_release(result)] if isinstance(result, Release)
                      else ["rejection", result.reason])
            body = json.dumps([*answer, max(0, _peak_resident() - resting)], ensure_ascii=False).encode("utf-8")
        except MemoryError:
            answer, body = ["memory", None], None
        except Exception as e:  # not the file's fault: a bug here or in the readers
            logging.getLogger(__name__).exception("reading failed")
            answer = ["rejection", f"{INTERNAL_ERROR} ({type(e).__name__}); the details are in the service log."]
            body = json.dumps([*answer, 0]).encode("utf-8")
        if body is None:
            result = data = None  # free what can be freed, then say so in a few bytes
            body = json.dumps(["memory", None, 0]).encode()
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            frame = memoryview(_HEADER.pack(len(body)) + body)
            while frame:
                frame = frame[replies.write(frame):]
        except (OSError, MemoryError):
            return
        if answer[0] == "memory":
            return  # a heap that hit the limit is no good for the next file


def _limit_memory(budget: int) -> None:
    """Cap the address space at what the process holds now plus `budget`: past it, allocations fail."""
    try:
        with open("/proc/self/status") as f:
            size = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        size = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = size + budget
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _peak_resident() -> int:
    """The most memory this process has held so far, in bytes (one system call)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


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
