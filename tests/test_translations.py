"""Translation pairing: one release in two languages is paired, two different releases of one day never are."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from feedsvc.models import Release
from feedsvc.readers import ReaderOptions, read_release
from feedsvc.topics import indexed
from feedsvc.translations import Fingerprint, agreement, fingerprint, pairs

DATA = Path(__file__).parent / "data"
KNOWN = [tuple(p) for p in json.loads((DATA / "corpus-translations.json").read_text(encoding="utf-8"))["pairs"]]
SAME_DAY_OTHERS = [  # one day, two languages, often one country, two different releases
    ("dev-institutions/pz_0507071_Kondolenz_London.docx", "intl-orgs/SC-8439 London.docx"),
    ("europe-latam/45947.html", "shared/Nota_ataques_representacoes_EUA.docx"),
    ("dev-asia-africa/mofa_kr_view_314764.html", "dev-europe-americas/Reaction_gouvernement_Charlie_Hebdo.docx"),
    ("dev-europe-americas/comunicado_39-17_manchester.txt", "en-ministries/Media Statement Manchester attack.docx"),
    ("dev-europe-americas/Erklärung Barcelona 17.08.2017.txt", "intl-orgs/juncker-statement-barcelona.md"),
    ("en-ministries/Salisbury attack - Tanaiste statement.txt", "europe-latam/expulsao-diplomatas-russos.md"),
    ("cyrillic/МИД Беларуси теракт Москва.txt", "intl-orgs/sgsm22174.html"),
]


def read(key: str) -> Release:
    batch, name = key.split("/", 1)
    path = DATA / "corpus" / batch / name
    truth = next(row for row in json.loads((path.parent / "truth.json").read_text(encoding="utf-8"))
                 if row["file"] == name)
    stamp = truth.get("mtime") or f"{truth.get('published') or truth['date']}T12:00:00Z"
    modified = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    release = read_release(name, path.read_bytes(), modified, ReaderOptions(now=datetime.now(UTC)))
    assert isinstance(release, Release)
    return indexed(name, release, ReaderOptions().zone)


@pytest.fixture(scope="module")
def releases() -> dict[str, Release]:
    keys = {k for pair in KNOWN + SAME_DAY_OTHERS for k in pair}
    return {k: read(k) for k in keys}


def test_the_corpus_releases_published_in_two_languages_are_paired(releases):
    for a, b in KNOWN:
        day = releases[a].published.date()
        assert releases[b].published.date() == day
        found = pairs({a: fingerprint(releases[a], day), b: fingerprint(releases[b], day)})
        assert found == [tuple(sorted((a, b)))]


def test_two_different_releases_of_one_day_are_never_paired(releases):
    for a, b in SAME_DAY_OTHERS:
        day = releases[a].published.date()
        assert pairs({a: fingerprint(releases[a], day), b: fingerprint(releases[b], day)}) == []


def test_on_a_day_holding_every_one_of_these_releases_only_the_translations_are_paired(releases):
    day = date(2024, 1, 1)
    found = pairs({k: fingerprint(r, day) for k, r in releases.items()})
    assert sorted(found) == sorted(tuple(sorted(p)) for p in KNOWN)


def fp(language: str, day: date = date(2024, 5, 1), length: int = 1000, topics=("country:MA", "country:RU"),
       people=("lavrov-s",), numbers=("2510",), names=("lavro", "burit", "sahar")) -> Fingerprint:
    return Fingerprint(language, day, length, frozenset(topics), frozenset(people), frozenset(numbers),
                       frozenset(names))


def test_releases_in_one_language_another_day_or_far_apart_in_length_cannot_be_one_release():
    assert agreement(fp("en"), fp("ru")) == 1.0
    assert agreement(fp("en"), fp("en")) == 0.0
    assert agreement(fp("en"), fp("ru", day=date(2024, 5, 2))) == 0.0
    assert agreement(fp("en", length=1000), fp("ru", length=2500)) == 0.0
    assert agreement(fp("en"), fp("ru", topics=("country:FR",), people=())) == 0.0


def test_two_equally_good_matches_give_no_pair():
    day = {"en": fp("en"), "ru-1": fp("ru"), "ru-2": fp("ru")}
    assert pairs(day) == []


def test_one_release_in_three_languages_is_paired_with_each_other_language():
    day = {"en": fp("en"), "ru": fp("ru"), "fr": fp("fr"), "other": fp("de", topics=("country:FR",), people=())}
    assert sorted(pairs(day)) == [("en", "fr"), ("en", "ru"), ("fr", "ru")]


def test_a_fingerprint_survives_its_json_round_trip(releases):
    a, _ = KNOWN[0]
    printed = fingerprint(releases[a], date(2022, 9, 5))
    assert Fingerprint.from_json(json.loads(json.dumps(printed.to_json()))) == printed
