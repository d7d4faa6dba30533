"""Where the CPU goes when `feedsvc serve` answers a cached /feed.atom, beside a plain WSGI app and nginx.

    .venv/bin/python bench/profile_serve.py [--seconds 8] [--attach] [--no-perf]

bench/bench_serve.py shows feedsvc serving a cached feed at about half nginx's requests/s on a small machine; this
script shows why. It fills a store (500 releases, 1 paragraph: a ~45 KB /feed.atom) and starts three servers with
the same bytes: `feedsvc serve` with default settings (one web worker, a thread of the service process), a plain WSGI
callable with pre-built headers under granian, and nginx serving the file. Each server gets, after a 1 s warm-up:

  1. a clean wrk run (-t2 -c32): req/s; CPU seconds of the server's process tree (/proc/PID/stat utime, stime), of
     wrk (getrusage) and of the whole machine (/proc/stat); per-thread CPU and context switches (/proc/PID/task);
  2. a profiled wrk run: `perf record -a -F 999 -g` (every CPU), whose samples are split by process: the server's
     self time by shared object (python interpreter, granian's Rust, kernel, libc, sqlite, ...) and hottest symbols,
     and the whole machine's samples among server, wrk, idle and the rest.

The microseconds per request come from run 1, the shares from run 2. perf records system-wide by default because
`perf record -p PID` (per-task events, `--attach`) makes every context switch of the server's threads costlier: it
slows granian far more than nginx and shows up as kernel time in finish_task_switch. Without a working perf
(permissions, no perf_event_open in a container; `--no-perf`) only the /proc accounting is printed, and the output
says so. Everything listens on loopback; every process and the temp dir are removed at the end, also on errors.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    PYTHON,
    Process,
    children,
    feedsvc_env,
    fill_store,
    free_port,
    machine,
    need_tool,
    render_front_pages,
    run_wrk,
    table,
)

RELEASES = 500
PARAGRAPHS = 1
THREADS, CONNECTIONS = 2, 32  # wrk -t2 -c32, as bench_serve.py
SAMPLE_HZ = 999
TOP_SYMBOLS = 15
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
GROUPS = ("python", "granian", "kernel", "libc", "sqlite", "nginx", "other")
OWNERS = ("server", "wrk", "perf", "other", "idle")

# As in bench/bench_serve.py: nginx serving the feed file itself, the reference.
NGINX_CONF = """\
worker_processes {workers};
pid {home}/nginx.pid;
error_log {home}/nginx-error.log warn;
daemon off;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    etag on;
    types {{ application/atom+xml atom; }}
    server {{
        listen 127.0.0.1:{port};
        root {home}/www;
        add_header Vary Accept-Encoding;
        add_header Access-Control-Allow-Origin *;
    }}
}}
"""

# The plain WSGI callable of bench/bench_serve.py's BARE_APPS: the same bytes, headers built once.
PLAIN_WSGI_APP = '''\
from pathlib import Path

BODY = Path(__file__).with_name("www").joinpath("feed.atom").read_bytes()
HEADERS = [("Content-Type", "application/atom+xml; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def wsgi_app():
    def app(environ, start_response):
        start_response("200 OK", HEADERS)
        return [BODY]

    return app
'''


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants."""
    pids = [pid]
    for child in children(pid):
        pids += process_tree(child)
    return pids


def _stat(path: str) -> tuple[str, list[str]]:
    """(comm, fields from the state on) of a /proc stat file: field N of proc(5) is fields[N - 3]."""
    text = Path(path).read_text()
    return text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()


def _switches(path: str) -> int:
    """Voluntary + involuntary context switches of one thread, from its status file."""
    return sum(int(line.split()[1]) for line in Path(path).read_text().splitlines() if "ctxt_switches" in line)


@dataclass
class Snapshot:
    """CPU seconds and context switches so far, of a set of processes (and per thread) and of the whole machine."""

    user: float = 0.0
    system: float = 0.0
    switches: int = 0
    threads: dict[int, tuple[str, float]] = field(default_factory=dict)  # tid -> ("pid/name", CPU seconds)
    machine_busy: float = 0.0  # CPU seconds, all CPUs, from /proc/stat
    machine_total: float = 0.0
    wrk: float = 0.0  # CPU seconds of this script's waited-for children (wrk, once it has ended)
    wrk_switches: int = 0

    def __sub__(self, before: Snapshot) -> Snapshot:
        threads = {tid: (name, seconds - before.threads.get(tid, (name, 0.0))[1])
                   for tid, (name, seconds) in self.threads.items()}
        return Snapshot(self.user - before.user, self.system - before.system, self.switches - before.switches,
                        threads, self.machine_busy - before.machine_busy, self.machine_total - before.machine_total,
                        self.wrk - before.wrk, self.wrk_switches - before.wrk_switches)


def snapshot(pids: list[int]) -> Snapshot:
    shot = Snapshot()
    for pid in pids:
        try:
            _, fields = _stat(f"/proc/{pid}/stat")
            shot.user += int(fields[11]) / CLOCK_TICKS
            shot.system += int(fields[12]) / CLOCK_TICKS
            for task in Path(f"/proc/{pid}/task").iterdir():
                name, fields = _stat(f"{task}/stat")
                shot.threads[int(task.name)] = (f"{pid}/{name}", (int(fields[11]) + int(fields[12])) / CLOCK_TICKS)
                shot.switches += _switches(f"{task}/status")
        except (FileNotFoundError, ProcessLookupError):
            continue  # a process or thread that ended meanwhile
    jiffies = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    shot.machine_total = sum(jiffies[:8]) / CLOCK_TICKS  # user nice system idle iowait irq softirq steal
    shot.machine_busy = shot.machine_total - (jiffies[3] + jiffies[4]) / CLOCK_TICKS
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    shot.wrk, shot.wrk_switches = usage.ru_utime + usage.ru_stime, usage.ru_nvcsw + usage.ru_nivcsw
    return shot


@dataclass
class Profile:
    rps: float  # requests/s while perf recorded
    owners: Counter  # samples of every CPU by owner: server, wrk, perf, other, idle
    groups: dict[str, float]  # % of the server's samples by part of the stack
    dsos: list[tuple[float, str]]  # (% of the server's samples, shared object), most first
    symbols: list[tuple[float, str, str]]  # (% of the server's samples, shared object, symbol), most first
    threads: dict[str, Counter]  # "pid/tid name" -> the thread's samples by group

    @property
    def server_samples(self) -> int:
        return self.owners["server"]


def perf_event(perf: str, work: Path) -> tuple[str | None, str]:
    """The event to sample on ('cycles' when the CPU's counters are usable, else 'cpu-clock'), or None and why."""
    paranoid = Path("/proc/sys/kernel/perf_event_paranoid").read_text().strip()
    who = f"uid {os.geteuid()}, kernel.perf_event_paranoid={paranoid}"
    error = ["no data"]
    for event in ("cycles", "cpu-clock"):
        data = work / f"probe-{event}.data"
        try:
            result = subprocess.run([perf, "record", "-q", "-a", "-e", event, "-F", str(SAMPLE_HZ), "-o", str(data),
                                     "--", "sleep", "0.05"], capture_output=True, text=True, timeout=30)
            evlist = subprocess.run([perf, "evlist", "-i", str(data)], capture_output=True, text=True, timeout=30)
        except subprocess.TimeoutExpired:
            return None, f"perf record timed out ({who})"
        # perf falls back from cycles to cpu-clock by itself; evlist says what it really recorded.
        if result.returncode == 0 and evlist.stdout.split()[:1] == [event]:  # -a adds a dummy event
            return event, who
        error = (result.stderr or evlist.stderr).strip().splitlines()[-1:] or error
    return None, f"perf record failed ({who}): {error[0]}"


def start_perf(perf: str, event: str, pids: list[int] | None, data: Path) -> Process:
    """perf record on every CPU, or attached to `pids` only (per-task events) when given."""
    scope = ["-p", ",".join(map(str, pids))] if pids else ["-a"]
    return Process([perf, "record", "-e", event, "-F", str(SAMPLE_HZ), "-g", "-o", str(data), *scope],
                   log=data.with_suffix(".log"))


def stop_perf(recorder: Process, timeout: float = 60.0) -> None:
    """SIGINT, as Ctrl-C: perf finishes writing its data file, then exits."""
    if recorder.popen.poll() is None:
        os.kill(recorder.pid, signal.SIGINT)
        try:
            recorder.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            recorder.stop()


def perf_samples(perf: str, data: Path) -> list[tuple[str, int, int, str, str]]:
    """Every sample as (thread name, pid, tid, symbol, shared object) of the function it was taken in: self time.

    `perf report --pid` would drop the kernel samples of the process, hence perf script and our own counting.
    """
    out = subprocess.run([perf, "script", "-i", str(data), "-F", "comm,pid,tid,ip,sym,dso", "-G"],
                         capture_output=True, text=True, timeout=300).stdout
    samples = []
    for line in out.splitlines():
        head, _, dso = line.rstrip().rstrip(")").rpartition(" (")
        parts = head.split(None, 3)  # name (no spaces, else we skip the line) pid/tid ip symbol
        pid, _, tid = parts[1].partition("/") if len(parts) == 4 else ("", "", "")
        if pid.isdigit() and tid.isdigit():
            samples.append((parts[0], int(pid), int(tid), parts[3], dso))
    return samples


def group_of(dso: str) -> str:
    """The part of the stack a shared object belongs to."""
    name = Path(dso).name
    if name.startswith(("libpython", "python")):
        return "python"
    if name.startswith("_granian"):
        return "granian"
    if dso.startswith("[kernel") or dso == "[vdso]":
        return "kernel"
    if name.startswith(("libc.so", "libc-", "libpthread", "ld-linux", "libm.so")):
        return "libc"
    if "sqlite" in name:
        return "sqlite"
    if name == "nginx":
        return "nginx"
    return "other"


def owner_of(comm: str, pid: int, server: set[int], perf_pid: int) -> str:
    if pid in server:
        return "server"
    if pid == 0:
        return "idle"
    if pid == perf_pid:
        return "perf"
    return "wrk" if comm == "wrk" else "other"


def read_profile(perf: str, data: Path, server: list[int], perf_pid: int, rps: float) -> Profile:
    owners: Counter = Counter()
    dsos: Counter = Counter()
    symbols: Counter = Counter()
    threads: dict[str, Counter] = {}
    server_pids = set(server)
    for name, pid, tid, symbol, dso in perf_samples(perf, data):
        owner = owner_of(name, pid, server_pids, perf_pid)
        owners[owner] += 1
        if owner == "server":
            dsos[dso] += 1
            symbols[(dso, symbol)] += 1
            threads.setdefault(f"{pid}/{tid} {name}", Counter())[group_of(dso)] += 1
    total = owners["server"] or 1
    groups = dict.fromkeys(GROUPS, 0.0)
    for dso, count in dsos.items():
        groups[group_of(dso)] += count * 100 / total
    return Profile(rps, owners, groups, [(n * 100 / total, dso) for dso, n in dsos.most_common()],
                   [(n * 100 / total, dso, sym) for (dso, sym), n in symbols.most_common(TOP_SYMBOLS)], threads)


@dataclass
class Run:
    name: str
    rps: float
    requests: float
    wall: float  # seconds of the clean wrk run
    used: Snapshot  # what the clean run used (a difference of snapshots)
    errors: int
    profile: Profile | None = None
    perf_note: str = ""

    def per_request(self, amount: float, scale: float = 1e6) -> float:
        return amount / self.requests * scale if self.requests else 0.0

    @property
    def server_us(self) -> float:
        return self.per_request(self.used.user + self.used.system)


def measure(name: str, url: str, pids: list[int], seconds: float, perf: str | None, event: str | None,
            attach: bool, work: Path) -> Run:
    """Warm up; a clean wrk run with /proc accounting; then, when perf works, a wrk run under perf."""
    run_wrk(url, {}, seconds=1, threads=THREADS, connections=CONNECTIONS)
    before, started = snapshot(pids), time.monotonic()
    result = run_wrk(url, {}, seconds=seconds, threads=THREADS, connections=CONNECTIONS)
    wall = time.monotonic() - started
    run = Run(name, result["rps"], result["rps"] * seconds, wall, snapshot(pids) - before,
              result["bad"] + result["errors"])
    if perf and event:
        run.profile, run.perf_note = profile(name, url, pids, seconds, perf, event, attach, work)
    return run


def profile(name: str, url: str, pids: list[int], seconds: float, perf: str, event: str, attach: bool,
            work: Path) -> tuple[Profile | None, str]:
    data = work / f"{name.replace(' ', '-')}.perf.data"
    recorder = start_perf(perf, event, pids if attach else None, data)
    try:
        time.sleep(1.0)  # perf starts up (and attaches to every thread); nothing is measured meanwhile
        result = run_wrk(url, {}, seconds=seconds, threads=THREADS, connections=CONNECTIONS)
    finally:
        stop_perf(recorder)
    if not data.exists():
        return None, f"perf recorded nothing: {recorder.tail().strip()[-300:]}"
    found = read_profile(perf, data, pids, recorder.pid, result["rps"])
    return (found, "") if found.server_samples else (None, "perf took no sample of the server")


def start_feedsvc(root: Path, processes: list[Process]) -> tuple[str, bytes]:
    """`feedsvc serve` with default settings over a filled store: (feed URL, the feed's bytes)."""
    database, releases, port = root / "var" / "feedsvc.sqlite3", root / "releases", free_port()
    releases.mkdir()
    env = feedsvc_env(root, releases, database, port, scan_interval=60, watch="false")
    fill_store(database, RELEASES, paragraphs=PARAGRAPHS)
    render_front_pages(env)
    service = Process([PYTHON, "-m", "feedsvc", "serve", "--no-scheduler", "--host", "127.0.0.1", "--port", str(port)],
                      env=env, cwd=root, log=root / "serve.log")
    processes.append(service)
    url = f"http://127.0.0.1:{port}/feed.atom"
    service.wait_http(url, ok=lambda status, body: status == 200)
    with urllib.request.urlopen(url, timeout=5) as response:
        return url, response.read()


def start_plain_wsgi(root: Path, workers: int, processes: list[Process]) -> str:
    """granian running the plain WSGI callable (as bench_serve.py's granian()), with feedsvc's 4 request threads."""
    (root / "plain_wsgi.py").write_text(PLAIN_WSGI_APP)
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR") if k in os.environ}
    port = free_port()
    process = Process([PYTHON, "-m", "granian", "--interface", "wsgi", "--factory", "--host", "127.0.0.1",
                       "--port", str(port), "--workers", str(workers), "--blocking-threads", "4", "--no-access-log",
                       "--log-level", "warning", "plain_wsgi:wsgi_app"], env=env, cwd=root, log=root / "granian.log")
    processes.append(process)
    url = f"http://127.0.0.1:{port}/feed.atom"
    process.wait_http(url, ok=lambda status, body: status == 200)
    return url


def start_nginx(nginx: str, root: Path, processes: list[Process]) -> str:
    home, port = root / "nginx", free_port()
    home.mkdir()
    (home / "www").symlink_to(root / "www")
    (home / "nginx.conf").write_text(NGINX_CONF.format(workers=os.cpu_count(), home=home, port=port))
    process = Process([nginx, "-c", str(home / "nginx.conf"), "-p", str(home)], cwd=home, log=home / "nginx.log")
    processes.append(process)
    url = f"http://127.0.0.1:{port}/feed.atom"
    process.wait_http(url, ok=lambda status, body: status == 200)
    return url


def check_same_bytes(name: str, url: str, body: bytes) -> None:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}), timeout=5) as r:
        got = r.read()
    if got != body:
        raise SystemExit(f"{name}: {len(got)} bytes, expected the same {len(body)} bytes as feedsvc")


def cpu_table(runs: list[Run]) -> str:
    rows = []
    for run in runs:
        used = run.used
        busy = used.machine_busy / used.machine_total * 100 if used.machine_total else 0
        rows.append([run.name, f"{run.rps:.0f}", f"{run.server_us:.1f}", f"{run.per_request(used.user):.1f}",
                     f"{run.per_request(used.system):.1f}", f"{(used.user + used.system) / run.wall:.2f}",
                     f"{run.per_request(used.switches, 1):.1f}", f"{run.per_request(used.wrk):.1f}",
                     f"{run.per_request(used.wrk_switches, 1):.1f}", f"{run.per_request(used.machine_busy):.1f}",
                     f"{busy:.0f}%", run.errors])
    return table(rows, ["server", "req/s", "server µs/req", "user", "system", "server cores", "switches/req",
                        "wrk µs/req", "wrk switches/req", "machine µs/req", "machine busy", "errors"])


def owner_table(runs: list[Run], attach: bool) -> str:
    """req/s under perf, and how every CPU's samples split among server, wrk, ... (only the server's if attached)."""
    owners = [] if attach else list(OWNERS)
    rows = []
    for run in runs:
        if run.profile:
            counts = run.profile.owners
            total = sum(counts.values()) or 1
            rows.append([run.name, f"{run.profile.rps:.0f}", f"{run.profile.rps / run.rps * 100:.0f}%", total]
                        + [f"{counts[o] * 100 / total:.1f}%" for o in owners])
    return table(rows, ["server", "req/s under perf", "of clean", "samples"] + owners)


def group_table(runs: list[Run]) -> str:
    shown = [g for g in GROUPS if any(r.profile and r.profile.groups[g] >= 0.05 for r in runs)]
    rows = [[run.name, run.profile.server_samples]
            + [f"{run.profile.groups[g]:.1f}%  {run.server_us * run.profile.groups[g] / 100:.1f}" for g in shown]
            for run in runs if run.profile]
    return table(rows, ["server", "samples"] + [f"{g}: %  µs/req" for g in shown])


def print_details(run: Run) -> None:
    threads = sorted((t for t in run.used.threads.values() if t[1] / run.wall >= 0.02), key=lambda t: -t[1])
    print(f"\n{run.name}: threads using >= 2% of a core (pid/name: % of one core), clean run")
    print("  " + ", ".join(f"{name} {seconds / run.wall * 100:.0f}%" for name, seconds in threads))
    if not run.profile:
        return
    print("  shared objects: " + ", ".join(f"{Path(dso).name} {p:.1f}%" for p, dso in run.profile.dsos[:8]))
    print(thread_table(run))
    print(table([[f"{p:.2f}%", f"{run.server_us * p / 100:.2f}", Path(dso).name, symbol]
                 for p, dso, symbol in run.profile.symbols], ["self", "µs/req", "shared object", "symbol"]))


def thread_table(run: Run) -> str:
    """The server's threads with >= 2% of its samples, and what each runs (profiled run)."""
    total = run.profile.server_samples
    shown = [g for g in GROUPS if run.profile.groups[g] >= 0.05]
    rows = []
    for thread, groups in sorted(run.profile.threads.items(), key=lambda item: -item[1].total()):
        if groups.total() >= 0.02 * total:
            rows.append([thread, f"{groups.total() * 100 / total:.1f}%"]
                        + [f"{groups[g] * 100 / groups.total():.0f}%" for g in shown])
    return table(rows, ["thread (pid/tid name)", "of server samples"] + [f"{g} %" for g in shown])


def summary(runs: list[Run]) -> str:
    parts = []
    for run in runs:
        text = f"{run.name} {run.server_us:.0f} µs CPU/request"
        if run.profile:
            text += " (" + ", ".join(f"{g} {share:.0f}%" for g, share in run.profile.groups.items() if share >= 1) + ")"
        parts.append(f"{text} at {run.rps:.0f} req/s")
    wrk = ", ".join(f"{run.per_request(run.used.wrk):.0f}" for run in runs)
    text = "SUMMARY profile: " + ", ".join(parts) + f"; wrk itself {wrk} µs/request against each"
    feedsvc, nginx = runs[0], next((run for run in runs if run.name == "nginx"), None)
    if nginx and feedsvc.rps and feedsvc.used.machine_busy:
        text += (f"; feedsvc/nginx req/s {feedsvc.rps / nginx.rps:.2f}x, nginx/feedsvc machine CPU per request "
                 f"{nginx.per_request(nginx.used.machine_busy) / feedsvc.per_request(feedsvc.used.machine_busy):.2f}x")
    return text


def print_report(runs: list[Run], event: str | None, why: str, attach: bool) -> None:
    print("\nCPU per request, clean run (server = its whole process tree, /proc utime+stime; wrk is the load, on the "
          "same CPUs; machine = all CPUs busy, /proc/stat)")
    print(cpu_table(runs))
    if not event:
        print(f"\nNO PROFILE: perf unavailable ({why}); only the CPU-time accounting from /proc above.")
    if any(run.profile for run in runs):
        scope = "-p <server pids>" if attach else "-a"
        print(f"\nprofiled run: perf record -e {event} -F {SAMPLE_HZ} -g {scope} ({why})"
              + ("" if attach else "; every CPU's samples by owner"))
        print(owner_table(runs, attach))
        print("\nserver's self time by part of the stack: % of its samples (profiled run), and that share of its "
              "µs/request (clean run)")
        print(group_table(runs))
        print("(_granian*.so is stripped: its samples show as [unknown]; cpu-clock samples taken with interrupts "
              "off are charged where they go back on, e.g. _raw_spin_unlock_irqrestore after a wake-up)")
    for run in runs:
        print_details(run)
        if run.perf_note:
            print(f"  {run.perf_note}")
    print()
    print(summary(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each wrk run")
    parser.add_argument("--wsgi-workers", type=int, default=1, help="granian worker processes of the plain WSGI app")
    parser.add_argument("--attach", action="store_true",
                        help="perf record -p <server pids> instead of -a (per-task events: slows the servers more)")
    parser.add_argument("--no-perf", action="store_true", help="only the /proc CPU accounting, no perf")
    parser.add_argument("--no-install", action="store_true", help="skip instead of apt-get installing wrk/nginx/perf")
    args = parser.parse_args()

    if not need_tool("wrk", install=not args.no_install):
        print("SUMMARY profile: SKIPPED (wrk missing)")
        return 0
    nginx = need_tool("nginx", install=not args.no_install)
    perf = None if args.no_perf else need_tool("perf", "linux-perf", install=not args.no_install)

    runs: list[Run] = []
    processes: list[Process] = []
    with tempfile.TemporaryDirectory(prefix="feedsvc-profile-serve-") as tmp:
        root = Path(tmp)
        root.chmod(0o755)  # nginx workers run as nobody
        try:
            event, why = perf_event(perf, root) if perf else (None, "--no-perf" if args.no_perf else "perf missing")
            feed_url, atom = start_feedsvc(root, processes)
            (root / "www").mkdir()
            (root / "www" / "feed.atom").write_bytes(atom)
            targets = [("feedsvc", feed_url, processes[-1].pid)]  # (name, URL, pid of the server's main process)
            wsgi_url = start_plain_wsgi(root, args.wsgi_workers, processes)
            targets.append(("plain WSGI", wsgi_url, processes[-1].pid))
            if nginx:
                nginx_url = start_nginx(nginx, root, processes)
                targets.append(("nginx", nginx_url, processes[-1].pid))
            for name, url, _ in targets:
                check_same_bytes(name, url, atom)

            print(f"machine: {machine()}")
            print(f"store: {RELEASES} releases, {PARAGRAPHS} paragraph; /feed.atom {len(atom)} bytes, identity")
            print(f"load: wrk -t{THREADS} -c{CONNECTIONS} -d{args.seconds:g}s per server and run, after a 1 s warm-up; "
                  f"feedsvc: 1 web worker in its process; plain WSGI: granian --workers {args.wsgi_workers} "
                  f"--blocking-threads 4; nginx: worker_processes {os.cpu_count()}, sendfile")
            scope = "-p <server pids>" if args.attach else "-a, samples split by pid afterwards"
            print(f"profile: perf record -e {event} -F {SAMPLE_HZ} -g {scope}" if event
                  else f"profile: NONE, perf unavailable ({why}): CPU-time accounting from /proc only")
            for name, url, pid in targets:
                runs.append(measure(name, url, process_tree(pid), args.seconds, perf, event, args.attach, root))
                under = f", {runs[-1].profile.rps:.0f} under perf" if runs[-1].profile else ""
                print(f"  {name}: {runs[-1].rps:.0f} req/s{under}", flush=True)
        finally:
            for process in reversed(processes):
                process.stop()

    print_report(runs, event, why, args.attach)
    return 0


if __name__ == "__main__":
    sys.exit(main())
