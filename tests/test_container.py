"""The container recipe and the systemd unit in config/: read as Docker and systemd read them, and their commands
run for real (no Docker engine is needed: the image's command, environment and health check run here)."""

from __future__ import annotations

import fnmatch
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path, PurePosixPath

import requests

from conftest import drop, free_port
from feedsvc.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "config" / "Dockerfile"
UNIT = ROOT / "config" / "feedsvc.service"


def instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) of a Dockerfile, continuation lines joined, comments dropped."""
    logical, current = [], ""
    for line in path.read_text().splitlines():
        if line.lstrip().startswith("#") and not current:
            continue
        current += line.rstrip("\\").strip() + " "
        if not line.endswith("\\"):
            if current.strip():
                name, _, args = current.strip().partition(" ")
                logical.append((name.upper(), args.strip()))
            current = ""
    return logical


def final_stage(path: Path) -> list[tuple[str, str]]:
    steps = instructions(path)
    last_from = max(i for i, (name, _) in enumerate(steps) if name == "FROM")
    return steps[last_from:]


def environment(steps) -> dict[str, str]:
    env = {}
    for name, args in steps:
        if name == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def exec_form(args: str) -> list[str]:
    import json

    return json.loads(args)


def test_the_image_runs_as_a_non_root_user_with_releases_and_state_as_volumes():
    steps = final_stage(DOCKERFILE)
    users = [args for name, args in steps if name == "USER"]
    assert users and users[-1].split(":")[0].isdigit() and int(users[-1].split(":")[0]) != 0
    env = environment(steps)
    volumes = {v for name, args in steps if name == "VOLUME" for v in exec_form(args)}
    assert env["FEEDSVC_RELEASES_DIR"] in volumes
    assert str(PurePosixPath(env["FEEDSVC_DATABASE"]).parent) in volumes
    config = env["FEEDSVC_CONFIG"]
    copies = [args.split() for name, args in steps if name == "COPY" and "--from" not in args]
    assert ["config/feedsvc.toml", config] in copies
    tomllib.loads((ROOT / "config" / "feedsvc.toml").read_text())  # the config it ships reads


def test_everything_the_build_copies_is_in_the_build_context():
    ignore = [ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines()
              if ln.strip() and not ln.startswith("#")]

    def included(path: str) -> bool:
        keep = True
        for pattern in ignore:
            negate = pattern.startswith("!")
            pattern = pattern.lstrip("!").rstrip("/")
            if fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/"):
                keep = negate
        return keep

    for name, args in instructions(DOCKERFILE):
        if name == "COPY" and "--from" not in args:
            for source in args.split()[:-1]:
                assert (ROOT / source).exists(), source
                assert included(source.rstrip("/")), f"{source} is left out by .dockerignore"


def test_every_file_the_package_needs_at_run_time_is_installed_with_it():
    # The image installs the package (not an editable checkout): templates, catalogues and vocabularies must be
    # package data, or pages, languages and readers break only in the container.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    globs = pyproject["tool"]["setuptools"]["package-data"]["feedsvc"]
    package = ROOT / "feedsvc"
    data = [p.relative_to(package).as_posix() for p in package.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")]
    assert data, "no data files found"
    missing = [path for path in data if not any(fnmatch.fnmatch(path, g) for g in globs)]
    assert missing == []


def test_the_images_command_serves_and_its_health_check_passes(tmp_path):
    steps = final_stage(DOCKERFILE)
    env = environment(steps)
    port = free_port()
    command = exec_form(next(args for name, args in steps if name == "ENTRYPOINT"))
    command += exec_form(next(args for name, args in steps if name == "CMD"))
    assert command[:2] == ["feedsvc", "serve"]
    args = [a.replace("8080", str(port)) for a in command[2:]]
    assert args[args.index("--host") + 1] == "0.0.0.0"  # reachable through the container's published port
    releases = tmp_path / "srv-releases"
    drop(releases, "press-release-lavrov-bourita.txt")
    run_env = {"PATH": str(Path(sys.executable).parent), "FEEDSVC_CONFIG": str(ROOT / "config" / "feedsvc.toml"),
               "FEEDSVC_RELEASES_DIR": str(releases), "FEEDSVC_DATABASE": str(tmp_path / "state" / "db.sqlite3"),
               "FEEDSVC_BASE_URL": f"http://127.0.0.1:{port}", "FEEDSVC_WATCH": "false",
               "PYTHONUNBUFFERED": env["PYTHONUNBUFFERED"]}
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "feedsvc", *command[1:2], *args], env=run_env,
                                  cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    try:
        check = exec_form(next(args for name, args in steps if name == "HEALTHCHECK").partition("CMD")[2].strip())
        assert check[0] == "python" and "/healthz" in check[-1]
        probe = [sys.executable, *check[1:-1], check[-1].replace("8080", str(port))]
        for _ in range(150):
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1).json()["last_scan"]:
                    break
            except (requests.RequestException, ValueError):
                pass
            subprocess.run(["sleep", "0.2"], check=True)
        assert subprocess.run(probe, timeout=10).returncode == 0
        # and it fails when the service is not there
        server.terminate()
        server.wait(15)
        assert subprocess.run(probe, timeout=10, capture_output=True).returncode != 0
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(5)


def unit_values(path: Path) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    section = None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        values.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return values


def test_the_systemd_unit_runs_feedsvc_serve_as_its_own_user_and_restarts_it():
    unit = unit_values(UNIT)
    command = shlex.split(unit["Service.ExecStart"][0])
    assert command[0].endswith("/bin/feedsvc")
    parsed = build_parser().parse_args(command[1:])  # the command line the CLI accepts
    assert parsed.command == "serve"
    assert unit["Service.User"] == ["feedsvc"] and unit["Service.Restart"] == ["on-failure"]
    assert unit["Service.StateDirectory"] == ["feedsvc"]
    env = dict(e.split("=", 1) for e in unit["Service.Environment"])
    assert env["FEEDSVC_DATABASE"].startswith("/var/lib/feedsvc/")  # the StateDirectory, writable under ProtectSystem
    assert env["FEEDSVC_CONFIG"] == environment(final_stage(DOCKERFILE))["FEEDSVC_CONFIG"]
    assert unit["Install.WantedBy"] == ["multi-user.target"]
