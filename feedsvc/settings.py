"""The one table of settings: defaults, help, TOML file, FEEDSVC_* environment overrides, validation."""

from __future__ import annotations

import ipaddress
import math
import os
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_CONFIG = Path("config/feedsvc.toml")


class SettingsError(ValueError):
    """A setting has a value the service cannot run with."""


@dataclass(frozen=True)
class Setting:
    name: str
    kind: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("releases_dir", str, "releases", "the folder people drop release files into"),
    Setting("database", str, "var/feedsvc.sqlite3", "where the service keeps its state (an SQLite file)"),
    Setting("scan_interval", float, 60.0, "seconds between scheduled scans"),
    Setting("settle_seconds", float, 2.0,
            "a file must be unchanged this long before it is read (half-written files are never published), where "
            "inotify cannot tell when its writer closes it"),
    Setting("base_url", str, "",
            "the public URL the service is reached at; all links and ids in feeds are built from it. Unset: the "
            "address `feedsvc serve` listens on (set it in production)"),
    Setting("timezone", str, "UTC", "zone for dates and times that a release gives without an offset"),
    Setting("feed_size", int, 50, "entries per feed document"),
    Setting("feed_title", str, "Press releases", "the title of the feeds and of the index page"),
    Setting("feed_description", str, "Press releases of the press office",
            "the subtitle of the feeds and of the index page"),
    Setting("feed_author", str, "Press office", "the author named in the feeds"),
    Setting("summary_length", int, 300, "longest summary, in characters (cut at a sentence or word)"),
    Setting("title_length", int, 300, "longest title, in characters (cut at a word)"),
    Setting("max_file_size", int, 10 * 1024 * 1024, "larger release files are rejected (bytes)"),
    Setting("read_timeout", float, 20.0, "seconds one file may take to read; a slower file is stopped and rejected"),
    Setting("read_memory", int, 512,
            "megabytes one file may take to read; a file needing more is stopped and rejected"),
    Setting("read_workers", int, 2, "reader processes that read files side by side (started when needed, gone when "
            "idle)"),
    Setting("watch", bool, True, "react to file-system events within about a second (the periodic scan stays)"),
    Setting("websub_hubs", list, [], "WebSub hubs to ping when a feed changes (comma-separated in the environment)"),
    Setting("tombstone_days", float, 30.0, "days a withdrawn release stays in the Atom feed as a deleted-entry"),
    Setting("workers", int, 1, "web workers of `feedsvc serve`: 1 serves from the main process, more are "
            "spawned worker processes"),
    Setting("threads", int, 4, "request threads per web worker (more costs memory, rarely speed)"),
    Setting("log_level", str, "INFO", "DEBUG, INFO, WARNING or ERROR"),
    Setting("withdraw_grace_seconds", float, 60.0,
            "a release whose file disappears stays published this long, so that a file moved, renamed or re-copied "
            "(by a sync tool that deletes first) keeps its entry; then it is withdrawn"),
    Setting("allow_hard_links", bool, False,
            "read files that have other names on the same disk (hard links), which may be files from outside the "
            "releases folder"),
    Setting("office_networks", list, [],
            "networks (CIDR, e.g. 10.20.0.0/16) that see file names and reasons in /healthz, besides loopback"),
    Setting("site_language", str, "en",
            "the language of the pages that belong to no one release (the index of all languages, 404); a "
            "release's page speaks the release's language"),
    Setting("export_dir", str, "",
            "keep a static export of the public site (see `feedsvc export`) in this folder, updated after each scan "
            "that changes the feeds; unset: no export"),
)

# Where `feedsvc serve` listens by default, and so the links a service with no base_url publishes.
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8080

# Upper bounds: a value past these is a typo (or 1e12), and some would overflow dates or stall scans.
LIMITS: dict[str, float] = {
    "scan_interval": 86_400, "settle_seconds": 3_600, "tombstone_days": 3_650, "withdraw_grace_seconds": 86_400,
    "feed_size": 1_000, "summary_length": 10_000, "title_length": 1_000, "max_file_size": 1 << 30,
    "workers": 64, "threads": 256,
}
_URL_FORBIDDEN = re.compile(r"[\s\"'<>\\`{}|^]|[\x00-\x1f\x7f]")

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Validated settings; build with `load_settings` or `Settings.from_mapping`."""

    releases_dir: Path
    database: Path
    scan_interval: float
    settle_seconds: float
    base_url: str
    timezone: str
    feed_size: int
    feed_title: str
    feed_description: str
    feed_author: str
    summary_length: int
    title_length: int
    max_file_size: int
    read_timeout: float
    read_memory: int
    read_workers: int
    watch: bool
    websub_hubs: tuple[str, ...]
    tombstone_days: float
    workers: int
    threads: int
    log_level: str
    withdraw_grace_seconds: float
    allow_hard_links: bool
    office_networks: tuple[str, ...]
    site_language: str
    export_dir: str
    base_url_set: bool = True  # False: base_url is a stand-in until `serve` knows its address (see `served_at`)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @classmethod
    def from_mapping(cls, values: dict[str, Any] | None = None) -> Settings:
        """Defaults overlaid with `values` (already typed or strings), validated."""
        values = dict(values or {})
        unknown = sorted(set(values) - set(_BY_NAME))
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        typed = {s.name: _coerce(s, values.get(s.name, s.default)) for s in SETTINGS}
        return cls(**_validate(typed))

    def as_dict(self) -> dict[str, Any]:
        """The settings by name, as `from_mapping` takes them (an unset base_url stays unset)."""
        values = {s.name: getattr(self, s.name) for s in SETTINGS}
        if not self.base_url_set:
            values["base_url"] = ""
        return values

    def served_at(self, host: str, port: int) -> Settings:
        """These settings with links built from the address `serve` listens on, unless base_url was set."""
        if self.base_url_set:
            return self
        return replace(self, base_url=listen_url(host, port))

    def with_base_url(self, url: str) -> Settings:
        """An unset base_url replaced by `url` (the one the feeds were last built with)."""
        return self if self.base_url_set else replace(self, base_url=url.rstrip("/"))


def listen_url(host: str, port: int) -> str:
    """The URL of a listen address; a wildcard address (0.0.0.0, ::) stands for this machine's name."""
    import socket

    if host in ("", "0.0.0.0", "::"):
        host = socket.getfqdn() or "localhost"
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def load_settings(config_path: str | Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Read the TOML file (default `config/feedsvc.toml` when present), then FEEDSVC_* variables."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = Path(config_path) if config_path else Path(environ.get("FEEDSVC_CONFIG", DEFAULT_CONFIG))
    if config_path or path.exists():
        try:
            with path.open("rb") as f:
                values.update(tomllib.load(f))
        except FileNotFoundError:
            raise SettingsError(f"config file not found: {path}") from None
        except tomllib.TOMLDecodeError as e:
            raise SettingsError(f"config file {path} is not valid TOML: {e}") from None
    for s in SETTINGS:
        env_name = f"FEEDSVC_{s.name.upper()}"
        if env_name in environ:
            values[s.name] = environ[env_name]
    return Settings.from_mapping(values)


def _coerce(setting: Setting, value: Any) -> Any:
    name, kind = setting.name, setting.kind
    try:
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off", ""):
                return False
            raise ValueError(value)
        if kind is list:
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(v).strip() for v in items if str(v).strip())
        if kind is int and isinstance(value, float) and not value.is_integer():
            raise ValueError(value)
        return kind(value)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name} must be {kind.__name__}, got {value!r}") from None


def _validate(v: dict[str, Any]) -> dict[str, Any]:
    for name, limit in LIMITS.items():
        value = v[name]
        if isinstance(value, float) and not math.isfinite(value):
            raise SettingsError(f"{name} must be a finite number, got {value!r}")
        if value > limit:
            raise SettingsError(f"{name} must be at most {limit:g}, got {value:g}")
    for name in ("scan_interval",):
        if v[name] <= 0:
            raise SettingsError(f"{name} must be positive")
    for name in ("settle_seconds", "tombstone_days", "withdraw_grace_seconds"):
        if v[name] < 0:
            raise SettingsError(f"{name} must not be negative")
    for name in ("feed_size", "summary_length", "title_length", "max_file_size", "workers", "threads"):
        if v[name] < 1:
            raise SettingsError(f"{name} must be at least 1")
    _validate_reading(v)
    if v["summary_length"] < 40 or v["title_length"] < 20:
        raise SettingsError("summary_length must be at least 40 and title_length at least 20")
    try:
        ZoneInfo(v["timezone"])
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"timezone {v['timezone']!r} is not a known IANA zone") from None
    v["base_url_set"] = bool(v["base_url"].strip())
    if v["base_url_set"]:
        v["base_url"] = _checked_base_url(v["base_url"])
    else:
        v["base_url"] = listen_url(DEFAULT_HOST, DEFAULT_PORT)
    for hub in v["websub_hubs"]:
        if urlsplit(hub).scheme not in ("http", "https"):
            raise SettingsError(f"websub hub {hub!r} is not an http(s) URL")
    networks = []
    for network in v["office_networks"]:
        try:
            networks.append(str(ipaddress.ip_network(network, strict=False)))
        except ValueError:
            raise SettingsError(f"office_networks: {network!r} is not a network such as 10.20.0.0/16") from None
    v["office_networks"] = tuple(networks)
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", v["site_language"]):
        raise SettingsError(f"site_language {v['site_language']!r} is not a language tag such as en or ru")
    v["log_level"] = v["log_level"].upper()
    if v["log_level"] not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise SettingsError("log_level must be DEBUG, INFO, WARNING or ERROR")
    v["releases_dir"] = Path(v["releases_dir"])
    v["database"] = Path(v["database"])
    _check_folders(v["releases_dir"], v["database"])
    return v


def _checked_base_url(value: str) -> str:
    """An absolute http(s) URL that can go into feeds, pages and headers as it is."""
    problem = None
    if _URL_FORBIDDEN.search(value):
        problem = "it contains spaces, quotes or other characters a URL cannot hold"
    else:
        url = urlsplit(value)
        try:
            port = url.port
        except ValueError:
            port, problem = None, "its port is not a number from 1 to 65535"
        if problem:
            pass
        elif url.scheme not in ("http", "https") or not url.hostname:
            problem = "it must be an absolute http:// or https:// URL"
        elif url.query or url.fragment or value.rstrip("/").endswith(("?", "#")):
            problem = "it must not have a query (?) or a fragment (#)"
        elif url.username is not None or url.password is not None or "@" in url.netloc:
            problem = "it must not hold a user name or password"
        elif port == 0:
            problem = "its port is not a number from 1 to 65535"
    if problem:
        raise SettingsError(f"base_url {value!r} is refused: {problem}")
    return value.rstrip("/")


def _check_folders(releases_dir: Path, database: Path) -> None:
    """Refuse a releases folder that would publish the file system or the service's own files."""
    folder = releases_dir.expanduser().resolve()
    if folder == Path(folder.anchor):
        raise SettingsError(f"releases_dir {str(releases_dir)!r} is the root of the file system: feedsvc would "
                            "publish every text file on the machine. Name the press office's folder.")
    state = database.expanduser().resolve()
    if state.is_relative_to(folder):
        raise SettingsError(f"database {str(database)!r} is inside releases_dir {str(releases_dir)!r}: the "
                            "service's own files (the database, its lock and state files) would be scanned as "
                            "releases. Keep them in another folder, such as var/.")


def _validate_reading(v: dict[str, Any]) -> None:
    """The budgets of the reader processes (feedsvc/readpool.py)."""
    if not v["read_timeout"] >= 1:  # also refuses nan
        raise SettingsError("read_timeout must be at least 1 second")
    if v["read_memory"] < 64:
        raise SettingsError("read_memory must be at least 64 (megabytes)")
    if not 1 <= v["read_workers"] <= 64:
        raise SettingsError("read_workers must be between 1 and 64")
