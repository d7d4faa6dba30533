"""Shared fixtures: real sample files copied into tmp_path, a store, the Flask app, and the real service."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from feedsvc.healthstate import status_path
from feedsvc.service import Ingest
from feedsvc.settings import Settings

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"


def sample(name: str) -> Path:
    """A sample release file by name, from samples/releases or samples/bad."""
    for folder in (SAMPLES / "releases", SAMPLES / "bad"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(name)


def drop(releases: Path, name: str, content: bytes | str | None = None, *, source: str | None = None,
         mtime: datetime | None = None, age: float = 0.0) -> Path:
    """Put a release file into the folder (from a sample or given content), optionally with an old mtime."""
    target = releases / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if content is None:
        shutil.copyfile(sample(source or name), target)
    else:
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if mtime is not None:
        os.utime(target, (mtime.timestamp(), mtime.timestamp()))
    elif age:
        t = time.time() - age
        os.utime(target, (t, t))
    return target


@pytest.fixture
def releases(tmp_path) -> Path:
    folder = tmp_path / "releases"
    folder.mkdir()
    return folder


@pytest.fixture
def settings(tmp_path, releases) -> Settings:
    settings = Settings.from_mapping({
        "releases_dir": str(releases),
        "database": str(tmp_path / "var" / "feedsvc.sqlite3"),
        "settle_seconds": 0,
        "timezone": "Europe/Moscow",
        "base_url": "http://127.0.0.1:8080",
        "feed_size": 5,
        "watch": False,
        "withdraw_grace_seconds": 0,  # a deleted file is withdrawn by the scan that misses it (moves: test_identity)
    })
    yield settings
    status_path(settings.database).unlink(missing_ok=True)  # the ingest's status file, outside tmp_path


@pytest.fixture
def ingest(settings) -> Ingest:
    return Ingest(settings)


@pytest.fixture
def app(settings):
    from feedsvc.web import create_app

    app = create_app(settings)
    app.extensions["feedsvc.documents"].check_interval = 0  # see each store change at once, not within 0.2 s
    return app


@pytest.fixture
def client(app):
    return app.test_client()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningService:
    """`feedsvc serve` started as a real process on a loopback port."""

    root: Path
    releases: Path
    database: Path
    port: int
    env: dict
    args: list[str] = field(default_factory=list)
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> RunningService:
        self.log_path = self.root / f"serve-{time.monotonic_ns()}.log"
        with self.log_path.open("wb") as log:  # the service writes to its own copy of the descriptor
            self.process = subprocess.Popen(
                [sys.executable, "-m", "feedsvc", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 *self.args], cwd=self.root, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"feedsvc serve exited early:\n{self.log()}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).json()["last_scan"]:
                    return self
            except (requests.RequestException, ValueError):
                pass
            time.sleep(0.1)
        raise RuntimeError(f"feedsvc serve did not come up in {timeout}s:\n{self.log()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15.0) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        os.killpg(self.process.pid, sig)
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            return self.process.wait(5)

    def wait_until_settled(self, published: int, timeout: float = 60.0) -> None:
        """Wait for `published` releases and then for a scan that began after the last of them was stored: the
        pass that stored them has rendered the front feeds by then (/healthz counts the store, which leads)."""
        def health() -> dict:
            return requests.get(self.url + "/healthz", timeout=10).json()

        self.wait_for(lambda: health()["published"] == published, timeout)
        stored = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)  # last_scan.when has whole seconds
        self.wait_for(lambda: datetime.fromisoformat(health()["last_scan"]["when"]) >= stored, timeout)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def wait_for(self, predicate, timeout: float = 15.0, interval: float = 0.1):
        """Poll until predicate() returns something truthy; fail with the service log after `timeout`."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            last = predicate()
            if last:
                return last
            time.sleep(interval)
        raise AssertionError(f"condition not met in {timeout}s (last: {last!r}); service log:\n{self.log()[-4000:]}")


@pytest.fixture
def service_factory(tmp_path):
    """Build (not start) real services; every started one is stopped at the end of the test."""
    started: list[RunningService] = []

    def make(**overrides) -> RunningService:
        releases = tmp_path / "releases"
        releases.mkdir(exist_ok=True)
        database = tmp_path / "var" / "feedsvc.sqlite3"
        port = overrides.pop("port", None) or free_port()
        args = overrides.pop("args", [])
        env = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
        env.update({
            "FEEDSVC_CONFIG": str(tmp_path / "feedsvc.toml"),
            "FEEDSVC_RELEASES_DIR": str(releases),
            "FEEDSVC_DATABASE": str(database),
            "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}",
            "FEEDSVC_SCAN_INTERVAL": "1",
            "FEEDSVC_SETTLE_SECONDS": "0.3",
            "FEEDSVC_TIMEZONE": "Europe/Moscow",
            "FEEDSVC_WORKERS": "1",
            "FEEDSVC_WITHDRAW_GRACE_SECONDS": "0",
            "FEEDSVC_LOG_LEVEL": "INFO",
        })
        env.update({f"FEEDSVC_{k.upper()}": str(v) for k, v in overrides.items()})
        (tmp_path / "feedsvc.toml").write_text("# test config: everything comes from the environment\n")
        service = RunningService(tmp_path, releases, database, port, env, args)
        started.append(service)
        return service

    yield make
    for service in started:
        service.stop()


def now() -> datetime:
    return datetime.now(UTC)


def feedsvc_cli(*args: str, cwd: Path, env: dict | None = None, timeout: float = 60.0,
                ) -> subprocess.CompletedProcess:
    """Run the real `feedsvc` command (python -m feedsvc) as a subprocess; no FEEDSVC_* leaks in from outside."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("FEEDSVC_")}
    return subprocess.run([sys.executable, "-m", "feedsvc", *args], cwd=cwd, env={**base, **(env or {})},
                          capture_output=True, text=True, timeout=timeout)
