"""A reader process: reads one file at a time for the pool (feedsvc.readpool), under an address-space limit and an
alarm, answering on its stdout; run as `python -c "from feedsvc.readworker import serve_reads; serve_reads()"`."""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import sys

from feedsvc.models import Rejection, Release
from feedsvc.readwire import INTERNAL_ERROR, decode_request, encode_answer, frame, read_frame

NICE = 10  # reading yields the CPU to the web and the scanner
KILL_GRACE = 5.0  # a worker whose parent is gone stops itself this long after its read's deadline


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
        request = read_frame(requests)
        if request is None:
            return  # the service closed the pipe (idle exit, or it has gone)
        # If the service dies mid-read, nobody kills this process: the alarm does (SIGALRM's default action).
        signal.setitimer(signal.ITIMER_REAL, config["timeout"] + KILL_GRACE)
        memory_errors.seen = False
        out_of_memory = False
        try:
            name, data, modified, options = decode_request(request)
            del request
            result = read_release(name, data, modified, options)
            if isinstance(result, Release):
                result = indexed(name, result, options.zone)
            del data
            out_of_memory = memory_errors.seen
            body = encode_answer(None if out_of_memory else result, max(0, _peak_resident() - resting))
        except MemoryError:
            out_of_memory, body = True, None
        except Exception as e:  # not the file's fault: a bug here or in the readers
            logging.getLogger(__name__).exception("reading failed")
            body = encode_answer(Rejection(f"{INTERNAL_ERROR} ({type(e).__name__}); the details are in the "
                                           "service log."), 0)
        if body is None:
            result = data = None  # free what can be freed, then say so in a few bytes
            body = encode_answer(None, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            answer = memoryview(frame(body))
            while answer:
                answer = answer[replies.write(answer):]
        except (OSError, MemoryError):
            return
        if out_of_memory:
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
