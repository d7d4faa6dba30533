"""Settings: one declared table, TOML + FEEDSVC_* overrides, validated at start, all documented."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from feedsvc.settings import SETTINGS, Settings, SettingsError, load_settings

ROOT = Path(__file__).parent.parent


def test_defaults_match_the_interface():
    s = Settings.from_mapping()
    assert s.releases_dir == Path("releases")
    assert s.scan_interval == 60
    assert s.settle_seconds == 2
    assert s.base_url_set is False and s.base_url == "http://127.0.0.1:8080"  # unset: the default serve address
    assert s.feed_size == 50
    assert s.database.parts[0] == "var"


def test_environment_overrides_the_config_file(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text('scan_interval = 30\nfeed_title = "From file"\nwebsub_hubs = ["https://hub.example/"]\n')
    s = load_settings(config, environ={"FEEDSVC_SCAN_INTERVAL": "5", "FEEDSVC_WATCH": "off",
                                       "FEEDSVC_WEBSUB_HUBS": "https://a.example/, https://b.example/"})
    assert s.scan_interval == 5
    assert s.feed_title == "From file"
    assert s.watch is False
    assert s.websub_hubs == ("https://a.example/", "https://b.example/")


def test_config_path_can_come_from_the_environment(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("feed_size = 7\n")
    assert load_settings(environ={"FEEDSVC_CONFIG": str(config)}).feed_size == 7


@pytest.mark.parametrize("values, message", [
    ({"scan_interval": 0}, "scan_interval"),
    ({"feed_size": "many"}, "feed_size"),
    ({"timezone": "Mars/Olympus"}, "timezone"),
    ({"base_url": "ftp://example.org"}, "base_url"),
    ({"base_url": "http://example.org/?x=1"}, "base_url"),
    ({"no_such_setting": 1}, "unknown"),
    ({"watch": "perhaps"}, "watch"),
])
def test_bad_values_are_refused_with_the_setting_named(values, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_mapping(values)


def test_a_missing_explicit_config_file_is_an_error(tmp_path):
    with pytest.raises(SettingsError, match="not found"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_base_url_loses_its_trailing_slash():
    assert Settings.from_mapping({"base_url": "https://press.example.org/"}).base_url == "https://press.example.org"


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []


def test_the_shipped_config_sets_every_setting_but_base_url_which_it_names_and_leaves_unset():
    config = ROOT / "config" / "feedsvc.toml"
    text = config.read_text()
    values = tomllib.loads(text)
    assert sorted(values) == sorted(s.name for s in SETTINGS if s.name != "base_url")
    assert "\n# base_url = " in text
    s = load_settings(config, environ={})
    assert s.timezone == "Europe/Moscow" and not s.base_url_set
