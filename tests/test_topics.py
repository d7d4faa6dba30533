"""Topics found in a release's own text: countries in any language and case, international organisations, people
named with their office (one person across scripts), and front-matter tags."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import SAMPLES
from feedsvc.cli import main
from feedsvc.models import Release
from feedsvc.readers import ReaderOptions, read_release
from feedsvc.topics import find_topics, indexed
from feedsvc.topics.gazetteer import countries, gazetteer, languages, organisations

CORPUS = Path(__file__).parent / "data" / "corpus"
LABELS = Path(__file__).parent / "data" / "corpus-topics.json"


def slugs(text: str, language: str, kind: str | None = None, tags: tuple[str, ...] = ()) -> set[str]:
    return {t.slug for t in find_topics(text, "", language, tags) if kind is None or t.kind == kind}


def people(text: str, language: str) -> dict[str, str]:
    return {t.key: t.name for t in find_topics(text, "", language) if t.kind == "person"}


@pytest.mark.parametrize(("text", "language"), [
    ("Talks were held with Morocco.", "en"),
    ("Переговоры с Марокко.", "ru"),
    ("Gespräch mit dem Außenminister des Königreichs Marokko.", "de"),
    ("Une délégation marocaine est arrivée.", "fr"),
    ("La delegación marroquí llegó.", "es"),
    ("Сторони обговорили відносини з Марокко.", "uk"),
])
def test_morocco_is_one_topic_in_every_language_and_form(text, language):
    assert slugs(text, language, "country") == {"morocco"}


@pytest.mark.parametrize("form", ["России", "Россией", "Российской Федерации", "Россия", "российской стороной",
                                  "РФ", "российско-марокканских"])
def test_every_case_of_russia_lands_on_russia(form):
    assert "russia" in slugs(f"Встреча посвящена отношениям. {form} заявила.", "ru", "country")


def test_slugs_are_english_short_names():
    found = slugs("The United States of America and the Kingdom of Morocco; Russian-US contacts.", "en")
    assert {"united-states", "morocco", "russia"} <= found
    assert countries()["US"].name == "United States" and countries()["CD"].slug == "dr-congo"


def test_a_release_about_libya_talks_in_morocco_is_both_and_the_moroccan_side_once_is_enough():
    assert {"libya", "morocco"} <= slugs("The Libyan parties met in Morocco for talks.", "en")
    assert "morocco" in slugs("The Moroccan side expressed its gratitude.", "en")


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("The UN Security Council adopted resolution 2254.", "en", {"un-security-council", "united-nations"}),
    ("Совет Безопасности ООН принял резолюцию.", "ru", {"un-security-council", "united-nations"}),
    ("The EU and NATO met the OSCE and the African Union.", "en", {"european-union", "nato", "osce", "african-union"}),
    ("Le Conseil de l'Europe et l'Union africaine.", "fr", {"council-of-europe", "african-union"}),
    ("Die Vereinten Nationen und die Europäische Kommission.", "de",
     {"united-nations", "european-commission", "european-union"}),
    ("Заява Генеральної Асамблеї ООН і ОБСЄ.", "uk", {"un-general-assembly", "united-nations", "osce"}),
])
def test_organisations_are_found_with_what_they_are_part_of(text, language, expected):
    assert slugs(text, language, "organisation") == expected


def test_a_bare_security_council_is_the_uns_only_in_a_release_about_the_un():
    assert "un-security-council" in slugs("At the United Nations, the Security Council met today.", "en")
    assert slugs("The President met the permanent members of the Security Council.", "en", "organisation") == set()
    assert "un-security-council" not in slugs("The Security Council of the Russian Federation and the UN.", "en")


@pytest.mark.parametrize(("text", "language"), [
    ("Governor of New Mexico and the Gulf of Mexico in the Indian Ocean.", "en"),
    ("The statement is available in French and in Russian.", "en"),
    ("Die Kenia-Koalition regiert Sachsen-Anhalt.", "de"),
    ("We had a turkey for dinner and a china plate.", "en"),
    ("Кроме того, министр доложил о работе.", "ru"),
    ("Ha causado un gran número de muertes.", "es"),
    ("A conversation with us about the future.", "en"),
    ("Details: https://example.org/news?lang=en-US", "en"),
    ("Los fallecimientos causados por la reciente DANA en nuestro país.", "es"),
])
def test_words_that_hold_a_name_but_name_no_country_give_none(text, language):
    assert slugs(text, language, "country") == set()


def test_an_acronym_in_a_shouted_heading_or_a_label_is_no_organisation():
    assert slugs("WHO WILL LEAD THE TEAM", "en", "organisation") == set()
    assert slugs("WHEN: Today\nWHO: Governor Newsom and local leaders", "en", "organisation") == set()
    assert slugs("WHO experts arrived in Geneva.", "en", "organisation") == {"who"}
    assert slugs("The G7 foreign ministers met.", "en", "organisation") == {"g7"}


def test_a_surname_that_stems_like_a_country_is_not_that_country():
    assert "netherlands" not in slugs("Bundeskanzlerin Merkel telefoniert mit François Hollande.", "de")


def test_the_same_person_in_two_scripts_is_one_topic():
    english = people("On May 5, Foreign Minister Sergey Lavrov spoke over the phone.", "en")
    russian = people("5 мая министр иностранных дел Сергей Лавров провел переговоры.", "ru")
    assert english == {"lavrov-s": "Sergey Lavrov"}
    assert set(russian) == {"lavrov-s"}
    [topic] = [t for t in find_topics("Министр иностранных дел Сергей Лавров", "", "ru") if t.kind == "person"]
    assert topic.slug == "sergey-lavrov"


@pytest.mark.parametrize(("text", "name"), [
    ("Встреча министра иностранных дел Сергея Лаврова с послом.", "Сергей Лавров"),
    ("Переговоры министра иностранных дел России С.В.Лаврова.", "С.В. Лавров"),
    ("Брифинг официального представителя МИД России Марии Захаровой.", "Мария Захарова"),
    ("Заместитель Министра иностранных дел М.Л.Богданов принял посла.", "М.Л. Богданов"),
])
def test_russian_names_after_an_office_are_read_back_in_the_nominative(text, name):
    assert name in people(text, "ru").values()


def test_a_woman_keeps_one_topic_across_scripts_and_cases():
    assert set(people("Spokeswoman Maria Zakharova said.", "en")) == \
        set(people("Брифинг официального представителя МИД Марии Захаровой.", "ru")) == {"zaharov-m"}


def test_german_and_french_spellings_of_a_russian_name_meet_the_english_one():
    assert set(people("Außenminister Sergej Lawrow sagte heute.", "de")) == {"lavrov-s"}
    assert set(people("Le ministre Sergueï Lavrov a déclaré.", "fr")) == {"lavrov-s"}


def test_a_title_case_heading_gives_no_person():
    found = people("Secretary-General Condemns Attack\n\nThe Secretary-General condemns the attack.", "en")
    assert found == {}


def test_tags_become_topics_and_a_tag_that_names_a_country_is_that_country():
    topics = find_topics("A title", "A body.", "en", ("Afghanistan", "Brexit", "Бразилия встречи"))
    kinds = {(t.kind, t.slug) for t in topics}
    assert ("country", "afghanistan") in kinds
    assert ("tag", "brexit") in kinds
    assert ("tag", "braziliya-vstrechi") in kinds


def test_read_release_attaches_the_topics_and_parse_prints_them(tmp_path, capsys):
    path = SAMPLES / "releases" / "press-release-lavrov-bourita.txt"
    release = read_release(path.name, path.read_bytes(), datetime(2020, 12, 4, tzinfo=UTC),
                           ReaderOptions(now=datetime.now(UTC)))
    assert isinstance(release, Release)
    release = indexed(path.name, release, ReaderOptions().zone)  # as the reader processes do after reading
    found = {(t.kind, t.slug) for t in release.topics}
    assert {("country", "morocco"), ("country", "libya"), ("organisation", "un-security-council"),
            ("person", "sergey-lavrov"), ("person", "nasser-bourita")} <= found
    config = tmp_path / "feedsvc.toml"
    config.write_text(f'releases_dir = "{tmp_path / "releases"}"\ndatabase = "{tmp_path / "db.sqlite3"}"\n')
    assert main(["parse", "--json", "--config", str(config), str(path)]) == 0
    printed = json.loads(capsys.readouterr().out.splitlines()[0])
    assert {"kind": "country", "slug": "morocco", "name": "Morocco"} in printed["topics"]


def test_every_language_table_names_only_known_countries_and_organisations():
    for language in languages():
        assert gazetteer(language) is not None  # building it checks every code and slug
    for slug, organisation in organisations().items():
        assert all(parent in organisations() for parent in organisation.part_of), slug


def test_the_hand_labels_name_real_corpus_files_and_known_topics():
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["releases"]
    assert len(labels) >= 300
    for key, row in labels.items():
        batch, name = key.split("/", 1)
        folder = SAMPLES / "releases" if batch == "samples" else CORPUS / batch
        assert (folder / name).is_file(), key
        assert set(row["countries"]) <= set(countries()), key
        assert set(row["organisations"]) <= set(organisations()), key
