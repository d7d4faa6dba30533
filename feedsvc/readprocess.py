"""One reader process as the pool (feedsvc.readpool) drives it: started with its budget, fed a request and read
back without ever blocking, stopped or let go, and reaped; the read it is given (a Ticket, within a Budget); and what
a file's rejection says when its process fails it (too slow, out of memory, crashed)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from feedsvc.models import Rejection, Release
from feedsvc.readwire import HEADER, INTERNAL_ERROR, MAX_ANSWER, encode_request, frame

if TYPE_CHECKING:
    from feedsvc.readers.options import ReaderOptions


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
    return f"{INTERNAL_ERROR} (the reader process stopped with {how(returncode)}); the details are in the service log."


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
    options: ReaderOptions
    submitted: float = field(default_factory=time.monotonic)
    started: float | None = None
    result: Release | Rejection | None = None
    cancelled: bool = False
    on_done: Callable[[Ticket], None] | None = None  # run in the pool's thread once the read is finished

    @property
    def done(self) -> bool:
        return self.result is not None or self.cancelled


TOO_LARGE_REASON = ("The text of this file is too large to publish (over 256 MB once read). Split it into "
                    "several releases.")


class ProcessGone(Exception):
    """The process's pipes closed: it died (a crash, or a kill that was not ours)."""


class AnswerTooLarge(Exception):
    """The process announced an answer over MAX_ANSWER bytes."""


@dataclass(eq=False)
class ReaderProcess:
    """A worker process and the one read it is doing (`ticket`, the pool's), with its request and answer so far."""

    process: subprocess.Popen
    ticket: Ticket | None = None
    outbox: bytearray = field(default_factory=bytearray)  # the request not yet written
    inbox: bytearray = field(default_factory=bytearray)  # the answer read so far
    idle_since: float = field(default_factory=time.monotonic)
    files: int = 0

    @classmethod
    def start(cls, budget: Budget, log_level: str) -> ReaderProcess:
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        env["MALLOC_ARENA_MAX"] = "1"  # one malloc arena: the address-space limit is not spent on reserves
        config = json.dumps({"memory_mb": budget.memory_mb, "timeout": budget.timeout, "log_level": log_level})
        process = subprocess.Popen(
            [sys.executable, "-c", "from feedsvc.readworker import serve_reads; serve_reads()", config],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, close_fds=True)
        os.set_blocking(process.stdin.fileno(), False)
        os.set_blocking(process.stdout.fileno(), False)
        return cls(process)

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def requests(self) -> int:
        return self.process.stdin.fileno()

    @property
    def replies(self) -> int:
        return self.process.stdout.fileno()

    def hand(self, ticket: Ticket) -> None:
        """Give the process `ticket` to read; its request is written by `send` as the pipe takes it."""
        self.outbox = bytearray(frame(encode_request(ticket.name, ticket.data, ticket.modified, ticket.options)))
        self.inbox.clear()
        self.ticket = ticket

    def send(self) -> None:
        """Write what the pipe takes of the request."""
        if not self.outbox:
            return
        try:
            written = os.write(self.requests, self.outbox)
        except BlockingIOError:
            return
        except OSError:
            raise ProcessGone from None
        del self.outbox[:written]

    def receive(self) -> bytes | None:
        """Read what the pipe holds: the whole answer once it is in, else None."""
        try:
            chunk = os.read(self.replies, 1 << 20)
        except BlockingIOError:
            return None
        except OSError:
            chunk = b""
        if not chunk:
            raise ProcessGone
        self.inbox += chunk
        if len(self.inbox) < HEADER.size:
            return None
        size = HEADER.unpack_from(self.inbox)[0]
        if size > MAX_ANSWER:
            raise AnswerTooLarge(size)
        if len(self.inbox) < HEADER.size + size:
            return None
        answer = bytes(self.inbox[HEADER.size:HEADER.size + size])
        self.inbox.clear()
        self.ticket = None
        self.idle_since = time.monotonic()
        self.files += 1
        return answer

    def close_pipes(self) -> None:
        """Forget the read; a process whose requests pipe closes exits by itself."""
        self.ticket = None
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def kill(self) -> int | None:
        """Stop the process now; its exit status (None if it would not go)."""
        if self.process.poll() is None:
            try:
                self.process.kill()
            except ProcessLookupError:
                pass
        self.close_pipes()
        return reap(self.process)


def reap(process: subprocess.Popen) -> int | None:
    try:
        return process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        return None


def how(returncode: int | None) -> str:
    """How a process ended, in words for a log line or a reason."""
    if returncode is not None and returncode < 0:
        try:
            return f"signal {signal.Signals(-returncode).name}"
        except ValueError:
            return f"signal {-returncode}"
    return f"exit status {returncode}"
