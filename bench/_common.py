"""Shared pieces of the benchmarks: synthetic releases, a store filled quickly, processes, wrk, tables."""

from __future__ import annotations

import hashlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
MONTHS = ("January February March April May June July August September October November December").split()
WORDS = ("minister ambassador talks cooperation trade energy delegation summit agreement visit bilateral "
         "relations regional security consultations economic cultural exchange program parties discussed "
         "prospects support development investment partnership statement meeting joint commission session "
         "forum initiative dialogue project signed memorandum understanding agenda international").split()


def release_text(n: int, paragraphs: int = 3, rng: random.Random | None = None) -> str:
    """A plain-text release in the press office's shape: title, blank, dateline, blank, paragraphs."""
    rng = rng or random.Random(n)
    day = datetime(2015, 1, 1) + timedelta(days=n % 3650, hours=n % 24)
    title = f"Release {n}: " + " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    body = []
    for _ in range(paragraphs):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(18, 30)))
        body.append(words.capitalize() + ".")
    return f"{title}\n\n{day.day} {MONTHS[day.month - 1]} {day.year}\n\n" + "\n\n".join(body) + "\n"


def write_releases(folder: Path, count: int, *, per_dir: int = 1000, paragraphs: int = 3,
                   age: float = 3600.0) -> list[Path]:
    """`count` release files in sub-folders of `per_dir`, all with an mtime `age` seconds ago (settled)."""
    rng = random.Random(1)
    stamp = time.time() - age
    paths = []
    for n in range(count):
        sub = folder / f"batch-{n // per_dir:04d}"
        if n % per_dir == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"release-{n:06d}.txt"
        path.write_text(release_text(n, paragraphs, rng), encoding="utf-8")
        os.utime(path, (stamp, stamp))
        paths.append(path)
    return paths


def fill_store(database: Path, count: int, *, paragraphs: int = 3, batch: int = 5000) -> float:
    """`count` releases written straight into the store (no files, no parsing): seconds taken.

    Rows go in through Store.save_release so they are exactly what a scan stores, without reading files.
    """
    from feedsvc.models import Release
    from feedsvc.store import Store

    store = Store(database)
    now = datetime.now(UTC)
    rng = random.Random(2)
    started = time.monotonic()
    db = store._connection()
    db.execute("PRAGMA synchronous=OFF")  # bench only: the fill is thrown away if it fails
    for n in range(count):
        text = release_text(n, paragraphs, rng)
        title, _, rest = text.partition("\n\n")
        _, _, body = rest.partition("\n\n")
        paras = body.strip().split("\n\n")
        published = (datetime(2015, 1, 1, 9, tzinfo=UTC) + timedelta(days=n % 3650, hours=n % 24))
        release = Release(title=title, published=published, summary=paras[0][:300], body=body.strip(),
                          body_html="".join(f"<p>{p}</p>" for p in paras), language="ru" if n % 5 == 0 else "en")
        path = f"batch-{n // 1000:04d}/release-{n:06d}.txt"
        store.save_release(path, len(text), 0, hashlib.sha256(text.encode()).hexdigest(), release, now)
    store.close()
    return time.monotonic() - started


def render_front_pages(env: dict[str, str]) -> None:
    """Render the front feed documents once, as a scan would (and bump the generation file), with the settings
    that `env` gives a service."""
    from feedsvc.service import Ingest
    from feedsvc.settings import load_settings

    saved = dict(os.environ)
    os.environ.update(env)
    try:
        settings = load_settings()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    Ingest(settings).render(datetime.now(UTC))


# The last commit before files were read in reader processes (issue 11): the "before" of before/after runs.
BEFORE = "82e7db2"


def code_at(ref: str, into: Path) -> Path:
    """The feedsvc package as it was at git `ref`, exported into `into`: run it with `env_for_code`."""
    into.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "feedsvc"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def env_for_code(env: dict[str, str], tree: Path | None) -> dict[str, str]:
    """`env` for a feedsvc process that runs the code in `tree` (None: this checkout)."""
    if tree is None:
        return env
    return {**env, "PYTHONPATH": str(tree)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def feedsvc_env(root: Path, releases: Path, database: Path, port: int, **overrides: object) -> dict[str, str]:
    """A small environment (granian copies os.environ into every request's environ) plus FEEDSVC_* settings."""
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR") if k in os.environ}
    env.update({
        "FEEDSVC_CONFIG": str(root / "feedsvc.toml"),
        "FEEDSVC_RELEASES_DIR": str(releases),
        "FEEDSVC_DATABASE": str(database),
        "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}",
        "FEEDSVC_TIMEZONE": "UTC",
        "FEEDSVC_LOG_LEVEL": "WARNING",
    })
    env.update({f"FEEDSVC_{k.upper()}": str(v) for k, v in overrides.items()})
    (root / "feedsvc.toml").write_text("# bench config: everything comes from the environment\n")
    return env


class Process:
    """A child process in its own session, stopped with its whole group."""

    def __init__(self, args: list[str], *, env: dict | None = None, cwd: Path | None = None, log: Path | None = None):
        self.args = args
        self.log = log
        out = log.open("wb") if log else subprocess.DEVNULL
        self.popen = subprocess.Popen(args, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                      start_new_session=True)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def wait_http(self, url: str, timeout: float = 30.0, ok=lambda status, body: status < 500) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.popen.poll() is not None:
                raise RuntimeError(f"{self.args[:3]} exited early:\n{self.tail()}")
            try:
                with urllib.request.urlopen(url, timeout=1) as r:
                    if ok(r.status, r.read()):
                        return
            except urllib.error.HTTPError as e:
                if ok(e.code, b""):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not come up in {timeout}s:\n{self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log and self.log.exists() else ""

    def stop(self) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
                self.popen.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)
            except ProcessLookupError:
                pass


def need_tool(name: str, package: str | None = None, install: bool = True) -> str | None:
    """Path of an executable; installs its Debian package when missing and allowed, else None with a message."""
    found = shutil.which(name) or (f"/usr/sbin/{name}" if os.path.exists(f"/usr/sbin/{name}") else None)
    if found:
        return found
    package = package or name
    if not install:
        print(f"{name} is not installed; skipping what needs it (apt-get install -y {package}).")
        return None
    print(f"{name} is not installed; running apt-get install -y {package} ...", flush=True)
    result = subprocess.run(["apt-get", "install", "-y", "-qq", package], capture_output=True, text=True)
    if result.returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        result = subprocess.run(["apt-get", "install", "-y", "-qq", package], capture_output=True, text=True)
    found = shutil.which(name) or (f"/usr/sbin/{name}" if os.path.exists(f"/usr/sbin/{name}") else None)
    if not found:
        print(f"could not install {package} ({result.stderr.strip()[-300:]}); skipping what needs it.")
    return found


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(url: str, headers: dict[str, str], *, seconds: float, threads: int = 2,
            connections: int = 32) -> dict[str, float]:
    """One wrk run: requests/s, p50/p99 latency (ms), and the count of non-2xx/3xx answers and socket errors."""
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds:g}s", "--latency"]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    out = subprocess.run(args + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "bad": int(bad.group(1)) if bad else 0,
            "errors": sum(int(g) for g in errors.groups()) if errors else 0}


def rss_kb(pid: int) -> tuple[int, int]:
    """(current, peak) resident set of one process in KB, from /proc (VmRSS, VmHWM)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(("VmRSS:", "VmHWM:")):
                key, value = line.split(":", 1)
                values[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError):
        return 0, 0
    return values.get("VmRSS", 0), values.get("VmHWM", 0)


def pss_kb(pid: int) -> int:
    """Proportional set size in KB (/proc/PID/smaps_rollup): shared pages split among the processes sharing them,
    so summing it over processes does not count the shared libraries once per process."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def children(pid: int) -> list[int]:
    """Direct child pids of `pid`, whichever of its threads started them (reader processes are started by a
    thread of their own)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return []
    for task in tasks:
        try:
            found += [int(p) for p in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return found


def table(rows: list[list[object]], header: list[str]) -> str:
    cells = [header] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> str:
    import platform

    return f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform(terse=True)}"


def store_files(folder: Path, database: Path, paths: list[Path]) -> float:
    """Store existing release files as a scan would leave them, without the readers: seconds taken.

    Each file's real size and mtime go into the stamp cache, so a later scan finds every file unchanged; the
    Release is cut from the text by position (title, dateline, paragraphs) rather than parsed.
    """
    from feedsvc.models import Release
    from feedsvc.store import Store

    store = Store(database)
    db = store._connection()
    db.execute("PRAGMA synchronous=OFF")  # bench only
    now = datetime.now(UTC)
    started = time.monotonic()
    for n, path in enumerate(paths):
        data = path.read_bytes()
        st = path.stat()
        title, _, rest = data.decode().partition("\n\n")
        _, _, body = rest.partition("\n\n")
        paras = body.strip().split("\n\n")
        published = datetime(2015, 1, 1, 9, tzinfo=UTC) + timedelta(days=n % 3650, hours=n % 24)
        release = Release(title=title, published=published, summary=paras[0][:300], body=body.strip(),
                          body_html="".join(f"<p>{p}</p>" for p in paras), language="ru" if n % 5 == 0 else "en")
        store.save_release(path.relative_to(folder).as_posix(), st.st_size, st.st_mtime_ns,
                           hashlib.sha256(data).hexdigest(), release, now)
    store.close()
    return time.monotonic() - started


def settings_for(root: Path, releases: Path, database: Path, **values: object):
    from feedsvc.settings import Settings

    return Settings.from_mapping({"releases_dir": str(releases), "database": str(database), "timezone": "UTC",
                                  "watch": False, "settle_seconds": 0, "log_level": "WARNING", **values})
