"""The readers against the sample releases and against one quirk of real release files per test."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import expectations
import pytest
from pdfgen import make_pdf

from feedsvc.models import Rejection, Release
from feedsvc.readers import SUPPORTED_EXTENSIONS, ReaderOptions, is_release_file, read_release
from feedsvc.readers import dates as dates_module
from feedsvc.readers.datelines import lead_date, parse_dateline
from feedsvc.readers.decide import cut_summary
from feedsvc.readers.encoding import decode
from feedsvc.readers.paragraphs import text_to_paragraphs
from feedsvc.readers.roles import is_meta_line
from feedsvc.readers.years import infer_year, years_in_text

SAMPLES = Path(__file__).parent / "data" / "samples"
MOSCOW = ZoneInfo("Europe/Moscow")
NOW = datetime.now(UTC)
OPTIONS = ReaderOptions(zone=MOSCOW)


def read(name: str, data: bytes | str, modified: datetime = NOW, **options) -> Release | Rejection:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return read_release(name, data, modified, ReaderOptions(zone=MOSCOW, **options))


def release(name: str, data: bytes | str, modified: datetime = NOW, **options) -> Release:
    result = read(name, data, modified, **options)
    assert isinstance(result, Release), result
    return result


def paragraphs(r: Release) -> list[str]:
    return r.body.split("\n\n")


@pytest.mark.parametrize("case", expectations.load(SAMPLES), ids=lambda c: c["file"])
def test_sample_release_becomes_what_expected_json_says(case):
    path = SAMPLES / "releases" / case["file"]
    result = read(path.name, path.read_bytes(), expectations.modified(case, NOW))
    expectations.check(result, case, NOW, OPTIONS.summary_length)


def without_colour_codes(case: dict) -> dict:
    """The sample allows it and feedsvc does it: the colour codes an escape byte leaves behind ("[31m") go too."""
    if "title" not in case:
        return case
    return {**case, "title": re.sub(r"\[\d+m", "", case["title"])}


@pytest.mark.parametrize("case", expectations.load(SAMPLES / "bad"), ids=lambda c: c["file"])
def test_bad_sample_is_handled_as_expected_json_says(case):
    path = SAMPLES / "bad" / case["file"]
    result = read(path.name, path.read_bytes(), NOW)
    expectations.check(result, without_colour_codes(case), NOW, OPTIONS.summary_length)


def test_seed_release_has_seven_paragraphs_and_its_year_from_the_text_even_with_a_new_mtime():
    data = (SAMPLES / "releases" / "press-release-lavrov-bourita.txt").read_bytes()
    r = release("press-release-lavrov-bourita.txt", data, datetime(2026, 3, 1, tzinfo=UTC))
    assert len(paragraphs(r)) == 7
    assert r.published.isoformat() == "2020-12-03T12:00:00+00:00" and not r.has_time  # a date-only release
    assert r.warnings == ("The year 2020 was inferred from the text, which dates events to 10.2020 (the date has no "
                          "year).",)
    assert "Russian-Arab Forum" in r.body and "Scientific-Technical" in r.body
    assert paragraphs(r)[4].startswith("In this context")


@pytest.mark.parametrize("years_later", [1, 2, 3, 4, 5])
def test_seed_keeps_its_year_when_its_file_was_saved_one_to_five_years_later(years_later):
    data = (SAMPLES / "releases" / "press-release-lavrov-bourita.txt").read_bytes()
    for month, day in ((12, 3), (12, 31), (6, 1)):
        saved = datetime(2020 + years_later, month, day, 12, tzinfo=UTC)
        assert release("press-release-lavrov-bourita.txt", data, saved).published.date() == date(2020, 12, 3)


def test_a_month_named_with_its_year_dates_a_release_within_the_year_after_it():
    assert infer_year(12, 3, [2020, 2016], date(2022, 3, 1), date(2026, 1, 1), [(2020, 10)])[0] == 2020
    assert infer_year(2, 10, [2020], date(2023, 5, 1), date(2026, 1, 1), [(2020, 10)])[0] == 2021
    # a year from the file's own time on, named in the text, keeps the file's year
    assert infer_year(12, 3, [2021], date(2021, 12, 10), date(2026, 1, 1), [(2020, 10)])[0] == 2021


def test_a_date_in_digits_that_reads_both_ways_follows_the_date_the_text_names_in_words():
    text = "Press release\n\n08/07/2011\n\nOn August 7, 2011, the Managing Director said the talks went well."
    assert release("p.txt", text).published.date() == date(2011, 8, 7)
    text = "Press release\n\n08/07/2011\n\nThe Managing Director said the talks went well."
    assert release("p.txt", text).published.date() == date(2011, 7, 8)


def test_a_date_in_digits_that_reads_both_ways_follows_the_full_date_of_the_file_name():
    text = "FOR IMMEDIATE RELEASE: 02/07/2021\n\nGovernor's statement\n\nThe Governor issued a statement today."
    assert release("20210207 statement.txt", text).published.date() == date(2021, 2, 7)
    assert release("20210702 statement.txt", text).published.date() == date(2021, 7, 2)
    assert release("statement.txt", text).published.date() == date(2021, 7, 2)


def test_chile_release_takes_its_year_from_the_modification_time():
    data = (SAMPLES / "releases" / "deputy-minister-chile-ambassador.txt").read_bytes()
    r = release("chile.txt", data, datetime(2021, 4, 20, 9, tzinfo=UTC))
    assert r.published.date() == date(2021, 4, 14)
    assert "modification time" in r.warnings[0]


def test_hostile_markup_loses_scripts_event_handlers_and_javascript_links():
    data = (SAMPLES / "bad" / "hostile-markup.html").read_bytes()
    r = release("hostile-markup.html", data)
    for needle in ("<script", "onerror", "javascript:", "document.cookie", "<img"):
        assert needle not in r.body_html
    assert "Details" in r.body_html and "The visa centre has moved" in r.body


def test_control_characters_and_ansi_escapes_are_removed():
    r = release("c.txt", "Title with \x1b[1;31mcolour\x1b[0m and a bell\x07\n\nThe text\x00 goes\x85 on.\x9b")
    assert r.title == "Title with colour and a bell"
    assert "\x00" not in r.body and "\x9b" not in r.body


WRAPPED_RU = (
    "Заголовок сообщения о переговорах\n\n"
    "Министр иностранных дел провёл переговоры с коллегой. Стороны объявля-\n"
    "ют о подписании соглашения и обсудили пресс-\n"
    "релиз, а также военно-\n"
    "политическое сотрудничество в регионе и новые формы взаимодействия стран.\n\n"
    "Второй абзац сообщения.\n"
)


def test_hyphenation_at_line_end_is_joined_but_compounds_keep_their_hyphen():
    r = release("ru.txt", WRAPPED_RU)
    assert "объявляют" in r.body
    assert "пресс-релиз" in r.body
    assert "военно-политическое" in r.body
    assert len(paragraphs(r)) == 2


def test_line_end_hyphen_before_a_capital_is_kept_as_a_compound():
    text = "Title of the release\n\nThe ministers met within the Russian-\nArab Forum and spoke at length.\n"
    assert "Russian-Arab Forum" in release("a.txt", text).body


def test_soft_hyphens_are_removed():
    assert "cooperation" in release("a.txt", "Title here\n\nThe co\u00adoperation grows.").body


def test_form_feed_between_paragraphs_is_a_paragraph_break():
    text = "Title of the release\n\nFirst paragraph ends here.\fSecond paragraph starts here.\n"
    assert paragraphs(release("a.txt", text)) == ["First paragraph ends here.", "Second paragraph starts here."]


def test_form_feed_in_the_middle_of_a_sentence_joins_the_sentence():
    text = "Title of the release\n\nThe Ministry tested its public alert system\f today. No action is required."
    assert paragraphs(release("a.txt", text)) == ["The Ministry tested its public alert system today. "
                                                  "No action is required."]


def test_running_footer_repeated_on_every_page_is_dropped():
    line = "The ministers discussed the state of affairs in the region and the prospects of cooperation"
    page = "\n".join([line] * 6)
    pages = [f"Ministry of Foreign Affairs | page {n}\n{page}\nwithin the framework.\nPress office, page {n} of 3"
             for n in (1, 2, 3)]
    text = "\f".join(pages)
    paras = text_to_paragraphs(text)
    assert not any("Press office" in p or "Ministry of Foreign Affairs |" in p for p in paras)


def test_bare_page_numbers_between_pages_are_dropped():
    text = "Release title\n\nFirst part of the text.\n\n- 1 -\fSecond part of the text.\n\n- 2 -"
    assert paragraphs(release("a.txt", text)) == ["First part of the text.", "Second part of the text."]


def test_old_mac_cr_line_endings_are_read():
    text = "Title of the release\r\r10 May 2022\r\rFirst paragraph.\r\rSecond paragraph.\r"
    r = release("mac.txt", text)
    assert r.title == "Title of the release" and r.published.date() == date(2022, 5, 10)
    assert len(paragraphs(r)) == 2


def test_hard_wrapped_text_without_blank_lines_is_unwrapped_into_paragraphs():
    text = (
        "Statement on the results of the talks\n"
        "\n"
        "The ministers held detailed talks on the whole range of bilateral relations and\n"
        "discussed the preparation of the visit of the President.\n"
        "Particular attention was paid to trade, which grew by a third last year, and to\n"
        "joint projects in energy.\n"
    )
    assert paragraphs(release("a.txt", text)) == [
        "The ministers held detailed talks on the whole range of bilateral relations and discussed the "
        "preparation of the visit of the President.",
        "Particular attention was paid to trade, which grew by a third last year, and to joint projects in energy.",
    ]


def test_title_broken_over_two_lines_is_joined_and_the_dateline_below_stays_apart():
    text = ("FOREIGN MINISTER'S REMARKS AT A NEWS CONFERENCE\nFOLLOWING TALKS WITH THE FOREIGN MINISTER OF EGYPT\n"
            "Moscow, December 3, 2020\nLadies and gentlemen,\nWe have held productive talks.\n")
    r = release("a.txt", text)
    assert r.title == ("FOREIGN MINISTER'S REMARKS AT A NEWS CONFERENCE FOLLOWING TALKS WITH THE FOREIGN MINISTER "
                       "OF EGYPT")
    assert r.published.date() == date(2020, 12, 3)


def test_unwrapped_lines_each_stay_a_paragraph():
    text = "Title\nFirst paragraph is one long line.\nSecond paragraph is another line.\n"
    assert paragraphs(release("a.txt", text)) == ["First paragraph is one long line.",
                                                  "Second paragraph is another line."]


def test_short_koi8_r_text_is_decoded():
    assert decode("Привет, мир".encode("koi8_r"))[0] == "Привет, мир"
    r = release("k.txt", "Заявление МИД\n\n10.05.2022\n\nТекст заявления.".encode("koi8_r"))
    assert r.title == "Заявление МИД" and r.language == "ru"


def test_short_cp1251_text_is_decoded():
    assert decode("Комментарий".encode("cp1251"))[0] == "Комментарий"


def test_western_cp1252_text_is_not_read_as_cyrillic():
    assert decode("Déclaration du ministère à propos de l'été".encode("cp1252"))[0] == (
        "Déclaration du ministère à propos de l'été")


def test_utf8_bom_is_stripped():
    r = release("b.txt", b"\xef\xbb\xbfTitle after a BOM\n\n3 June 2022\n\nText.")
    assert r.title == "Title after a BOM"


def test_utf16_without_bom_is_decoded():
    assert decode("Title\n\nText here".encode("utf-16-le"))[0] == "Title\n\nText here"


def test_utf8_read_as_cp1251_mojibake_is_repaired():
    broken = "Комментарий Департамента".encode().decode("cp1251")
    assert decode(broken.encode("utf-8"))[0] == "Комментарий Департамента"


def test_binary_in_a_txt_file_is_not_text():
    result = read("x.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert isinstance(result, Rejection) and "not text" in result.reason and "PDF" in result.reason


def test_file_over_the_size_limit_is_rejected_naming_the_limit():
    result = read("big.txt", b"a" * 2048, max_file_size=1024)
    assert isinstance(result, Rejection) and "1 KB" in result.reason


def test_only_a_date_is_rejected_for_lack_of_a_title():
    result = read("d.txt", "5 April 2022\n")
    assert isinstance(result, Rejection) and result.reason.startswith("No title found")


def test_only_punctuation_is_rejected_for_lack_of_a_title():
    result = read("p.txt", "... --- !!!\n\n***\n")
    assert isinstance(result, Rejection) and "title" in result.reason.lower()


def test_long_title_is_cut_at_a_word_with_an_ellipsis():
    r = release("t.md", "---\ntitle: " + "word " * 60 + "\n---\nText.\n", title_length=50)
    assert len(r.title) <= 50 and r.title.endswith("word…")


def test_label_line_above_the_title_is_not_the_title():
    r = release("l.txt", "PRESS RELEASE\n\nOpening of the new embassy\n\n5 April 2022\n\nText.")
    assert r.title == "Opening of the new embassy"


def test_a_dateline_the_lead_skips_still_dates_the_release_before_an_event_the_lead_announces():
    # pdftotext -layout of a page whose label line hides the head: "Date: Jul 17, 2012" sits between the title and
    # a lead announcing an event on July 18; the release is of July 17, the day before.
    path = Path(__file__).parent / "data" / "corpus" / "dev-spring" / "PR 94-2012 Bayonne Bridge announcement.txt"
    r = release(path.name, path.read_bytes(), datetime(2012, 7, 17, 12, 0, tzinfo=UTC))
    assert r.published.date() == date(2012, 7, 17)
    assert r.summary.startswith("At 1:30 p.m. Wednesday, July 18, the Port Authority")


def test_a_deck_under_the_title_is_not_where_the_summary_starts():
    text = ("Mit verbotener Waffe und Munition über die Grenze\n\n"
            "Bundespolizei Freilassing stellt Pistole und 500 Patronen sicher\n\n"
            "Am Samstag haben Bundespolizisten bei den Grenzkontrollen auf der A8 eine Pistole und 500 Patronen "
            "sichergestellt. Der Fahrer hatte keine Erlaubnis.\n\nDie Ermittlungen dauern an.\n")
    r = release("grenze.md", text)
    assert r.title == "Mit verbotener Waffe und Munition über die Grenze"
    assert r.summary.startswith("Am Samstag haben Bundespolizisten")
    assert "Bundespolizei Freilassing stellt Pistole" in r.body  # the deck stays in the text


def test_a_motto_between_a_letterhead_and_its_segmented_line_is_not_the_title():
    text = ("PACIFIC ISLANDS FORUM\nSTRONGER TOGETHER FOR A BLUE PACIFIC\nForum Chair 2024 • Tonga: Transforming "
            "Resilience\n\nFORUM FOREIGN MINISTERS’ STATEMENT ON THE\nSITUATION IN NEW CALEDONIA\n1. The Forum "
            "Foreign Ministers are deeply concerned over the unrest in New Caledonia and call on\nall parties to "
            "exercise restraint and return to dialogue.\n\n14 May 2024\n")
    r = release("statement.txt", text)
    assert r.title == "FORUM FOREIGN MINISTERS’ STATEMENT ON THE SITUATION IN NEW CALEDONIA"
    assert r.summary.startswith("The Forum Foreign Ministers are deeply concerned")


def test_a_marked_subtitle_below_a_short_title_neither_takes_its_place_nor_the_summary():
    text = ("OTS0112 5 II 0190 NEF0003\n\nWirtschaft/Energie/Niederösterreich\n\nLandesrat eröffnet Windpark\n\n"
            "Utl.: Zwölf Anlagen versorgen künftig 30.000 Haushalte mit Strom\n\nSt. Pölten (OTS) - Landesrat "
            "Max Muster hat heute den neuen Windpark im Weinviertel eröffnet und den Betreibern gedankt.\n")
    r = release("wind.txt", text)
    assert r.title == "Landesrat eröffnet Windpark"
    assert r.summary.startswith("Landesrat Max Muster hat heute den neuen Windpark")
    assert "Utl.: Zwölf Anlagen" in r.body


def test_dateline_above_the_title_is_metadata():
    r = release("l.txt", "5 April 2022\n\nOpening of the new embassy\n\nThe embassy opened.")
    assert r.title == "Opening of the new embassy" and r.published.date() == date(2022, 4, 5)
    assert r.body == "The embassy opened."


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("August 10, 2018", date(2018, 8, 10)),
        ("Le 3 décembre 2020", date(2020, 12, 3)),
        ("Paris, le 1er septembre 2022", date(2022, 9, 1)),
        ("Madrid, 5 de abril de 2022", date(2022, 4, 5)),
        ("Berlin, 5. April 2022", date(2022, 4, 5)),
        ("Brasília, 12 de março de 2021", date(2021, 3, 12)),
        ("3 декабря 2020 года", date(2020, 12, 3)),
        ("Москва, 15.07.2022", date(2022, 7, 15)),
        ("١٥ يوليو ٢٠٢٢", date(2022, 7, 15)),
        ("2022-06-09", date(2022, 6, 9)),
    ],
)
def test_datelines_in_several_languages_are_read(dateline, expected):
    r = release("a.txt", f"Title of the release\n\n{dateline}\n\nThe text of the release.")
    assert r.published.date() == expected
    assert r.body == "The text of the release."


@pytest.mark.parametrize(
    "dateline, expected",
    [
        # month forms the old hand-written table did not have: only dateparser's language data knows them
        ("Berlin, 5. Mrz. 2022", date(2022, 3, 5)),
        ("Paris, 3 fév. 2022", date(2022, 2, 3)),
        ("Madrid, 5 de dic. de 2022", date(2022, 12, 5)),
        ("Lisboa, 7 de set. de 2022", date(2022, 9, 7)),
        ("Roma, 12 lug 2022", date(2022, 7, 12)),
        ("Київ, 5 травня 2022 року", date(2022, 5, 5)),
        ("15 كانون الثاني 2022", date(2022, 1, 15)),
        ("2021年3月14日", date(2021, 3, 14)),
        ("Moscow 5 April 2022", date(2022, 4, 5)),  # "Moscow 5" is located too, and dateparser turns it down
    ],
)
def test_datelines_read_with_dateparsers_language_data(dateline, expected):
    r = release("a.txt", f"Title of the release\n\n{dateline}\n\nThe text of the release.")
    assert r.published.date() == expected
    assert r.body == "The text of the release."


def test_five_may_is_a_date_but_the_verb_may_is_not():
    text = "Statement on the consultations\n\nOn 5 May the ministers agreed that the talks may continue.\n"
    r = release("m.txt", text, datetime(2023, 5, 9, tzinfo=UTC))
    assert r.published.date() == date(2023, 5, 5)
    modified = datetime(2023, 5, 9, 8, tzinfo=UTC)
    text = "Statement on the consultations\n\nArticle 5 may apply to the new agreement, the ministers said.\n"
    r = release("m.txt", text, modified)
    assert r.published == modified and any("modification time" in w for w in r.warnings)
    assert lead_date("Article 5 may apply to the new agreement, the ministers said.", "en") is None
    assert lead_date("On 5 May the ministers said they may meet again.", "en").month == 5


def test_relative_expressions_are_not_dates():
    modified = datetime(2023, 5, 9, 8, tzinfo=UTC)
    r = release("d.txt", "Statement on the talks\n\n16 days after the talks the parties met again.\n", modified)
    assert r.published == modified


def test_numeric_dateline_time_without_offset_is_in_the_deployment_zone_and_an_offset_is_kept():
    r = release("a.txt", "Title of the release\n\n15.07.2022 10:00\n\nText.")
    assert r.published == datetime(2022, 7, 15, 10, tzinfo=MOSCOW)
    r = release("a.txt", "Title of the release\n\n2022-06-09T10:00+02:00\n\nText.")
    assert r.published == datetime(2022, 6, 9, 8, tzinfo=UTC)
    r = release("a.txt", "Title of the release\n\n14 March 2021 16:05 (Moscow time)\n\nText.")
    assert r.published == datetime(2021, 3, 14, 16, 5, tzinfo=MOSCOW)


def test_29_february_without_a_year_is_a_date_and_gets_a_leap_year():
    r = release("f.txt", "Заявление\n\n29 февраля министр провёл встречу.", datetime(2024, 3, 2, tzinfo=UTC))
    assert r.published.date() == date(2024, 2, 29)


def test_running_text_lines_never_reach_dateparser(monkeypatch):
    seen = []
    original = dates_module._interpret
    monkeypatch.setattr(dates_module, "_interpret", lambda text, *a: seen.append(text) or original(text, *a))
    line = "The parties signed the 2019 programme on 14 May and agreed to meet again on 5 June in Geneva"
    assert not is_meta_line(line)
    assert seen == []
    assert parse_dateline("Moscow, 5 April 2022") is not None
    assert seen == ["5 April 2022"]


def test_modification_time_stands_in_without_microseconds():
    modified = datetime(2024, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)
    r = release("n.txt", "Statement without a date\n\nThe text has no date.", modified)
    assert r.published == datetime(2024, 5, 1, 12, 30, 15, tzinfo=UTC)
    assert r.published.microsecond == 0


def test_dateline_time_and_zone_are_kept():
    r = release("a.txt", "Title of the release\n\n14 March 2021, 16:05 GMT\n\nText.")
    assert r.published == datetime(2021, 3, 14, 16, 5, tzinfo=UTC)


def test_document_number_tail_is_the_date():
    r = release("a.txt", "Title of the release\n\n№ 1523-15-07-2022\n\nText.")
    assert r.published.date() == date(2022, 7, 15) and r.body == "Text."


def test_geneva_communique_year_is_not_taken_for_the_release_year():
    text = ("Press release on the talks\n\nOn March 5, the ministers reaffirmed their commitment to the Geneva "
            "Communique of June 30, 2012 and to Resolution 2254.\n")
    r = release("g.txt", text, datetime(2023, 3, 6, tzinfo=UTC))
    assert r.published.date() == date(2023, 3, 5)


def test_year_from_the_text_when_the_file_was_copied_years_later():
    text = "Signing of the programme\n\nOn 14 May, the parties signed the 2019 programme.\n"
    r = release("y.txt", text, datetime(2025, 1, 1, tzinfo=UTC))
    assert r.published.date() == date(2019, 5, 14)


def test_year_inference_rule_prefers_a_recent_mtime_over_last_years_mention():
    assert infer_year(1, 15, [2020], date(2021, 1, 16), date(2026, 1, 1))[0] == 2021
    assert infer_year(12, 3, [2016, 2020], date(2026, 3, 1), date(2026, 3, 1))[0] == 2020
    assert infer_year(4, 14, [], date(2021, 4, 20), date(2026, 1, 1))[0] == 2021


def test_resolution_numbers_are_not_years():
    assert years_in_text("UN Security Council Resolution 2254 and No. 2020 of 2016", 2027) == [2016]


def test_lead_date_in_russian_without_year():
    text = "Заявление\n\n3 декабря министр провёл встречу. Обсуждались итоги 2020 года."
    r = release("r.txt", text, datetime(2026, 1, 1, tzinfo=UTC))
    assert r.published.isoformat() == "2020-12-03T12:00:00+00:00"


def test_date_in_the_file_name_is_used_when_the_text_has_none():
    r = release("statement-2022-06-09.txt", "Statement\n\nText without a date.")
    assert r.published.date() == date(2022, 6, 9)
    assert r.warnings and "file name" in r.warnings[0]


def test_russian_embargo_line_holds_the_release():
    text = "НЕ ДЛЯ ПУБЛИКАЦИИ ДО 10:00 МСК 2 июня 2031 года\n\nЗаявление\n\n2 июня 2031 года\n\nТекст заявления."
    r = release("e.txt", text)
    assert r.embargo == datetime(2031, 6, 2, 10, tzinfo=MOSCOW)
    assert "ПУБЛИКАЦИИ" not in r.body and r.title == "Заявление"


def test_unreadable_embargo_line_is_rejected_rather_than_published():
    result = read("e.txt", "EMBARGOED UNTIL FURTHER NOTICE\n\nTitle\n\nText.")
    assert isinstance(result, Rejection) and "embargo" in result.reason.lower()


def test_summary_is_cut_at_a_sentence_boundary():
    lead = "First sentence is here. " * 20
    assert cut_summary(lead, 100) == "First sentence is here. First sentence is here. First sentence is here. " \
                                     "First sentence is here."


def test_summary_without_a_sentence_end_is_cut_at_a_word_with_an_ellipsis():
    s = cut_summary("word " * 100, 60)
    assert s.endswith("word…") and len(s) <= 60


def test_a_short_first_sentence_before_a_long_one_does_not_make_the_whole_summary():
    lead = ("Mayor Bill de Blasio: Good afternoon, everyone. We've got a lot to go over here and we're all feeling "
            "very heavy hearts as we deal with such an extraordinary challenge " + "and more " * 40 + "today.")
    s = cut_summary(lead, 300)
    assert s.startswith("Mayor Bill de Blasio: Good afternoon, everyone. We've got a lot to go over here")
    assert s.endswith("…") and 250 <= len(s) <= 300


def test_whole_sentences_are_kept_when_they_fill_half_the_summary():
    lead = "The ministers met in Geneva and agreed on the next steps of the consular talks this week. " * 2
    s = cut_summary(lead + "Then " + "more words " * 40 + "followed.", 300)
    assert s == lead.strip()


def test_summary_does_not_stop_after_an_abbreviation():
    s = cut_summary("The ministers of both countries held talks with Mr. Smith, which went well and lasted "
                    + "hours " * 40, 90)
    assert s.endswith("…") and "Mr. Smith" in s


def test_a_line_end_hyphen_after_a_compound_prefix_is_kept():
    text = ("Statement on the elections\n\n" + "The ministers met today in the capital and discussed the coming "
            "pre-\nelection period, the anti-\nterrorist measures and the ex-\nminister's visit in detail.\n")
    body = release("h.txt", text).body
    assert "pre-election" in body and "anti-terrorist" in body and "ex-minister" in body


def test_markdown_without_front_matter_takes_its_first_h1_as_title():
    r = release("m.md", "# The heading\n\n5 April 2022\n\nFirst *paragraph*.\n\n- item one\n- item two\n")
    assert r.title == "The heading" and r.published.date() == date(2022, 4, 5)
    assert paragraphs(r) == ["First paragraph.", "item one", "item two"]
    assert "<em>paragraph</em>" in r.body_html and "<li>item one</li>" in r.body_html


def test_markdown_raw_html_is_not_markup():
    r = release("m.md", "# Title\n\nText <script>alert(1)</script> and <b onclick=x>bold</b>.\n")
    assert "<script" not in r.body_html and "<b onclick" not in r.body_html


def test_markdown_letterhead_above_the_heading_that_repeats_the_declared_title_is_head_not_summary():
    text = ("---\ntitle: \"Le ministre reçoit son homologue\"\nlang: fr\n---\n\nRépublique Exemplaire  \n"
            "Ministère des Affaires étrangères\n\n# Le ministre reçoit son homologue\n\nLe ministre a reçu ce "
            "matin son homologue pour des entretiens sur la coopération régionale.\n\nLes deux ministres ont "
            "signé un accord.\n")
    r = release("homologue.md", text)
    assert r.title == "Le ministre reçoit son homologue"
    assert r.summary.startswith("Le ministre a reçu ce matin son homologue")
    assert "Ministère" not in r.body_html and "<h1>" not in r.body_html


def test_markdown_front_matter_embargo_and_comma_tags():
    text = "---\ntitle: Заявление\ndate: 2031-06-01\nembargo: 2031-06-02T10:00:00Z\ntags: a, b\nlang: ru\n---\nТекст.\n"
    r = release("m.md", text)
    assert r.embargo == datetime(2031, 6, 2, 10, tzinfo=UTC) and r.tags == ("a", "b") and r.language == "ru"
    assert r.published == datetime(2031, 6, 1, 12, tzinfo=UTC) and not r.has_time


def test_markdown_with_broken_front_matter_is_rejected():
    result = read("m.md", "---\ntitle: [unclosed\n---\nText.\n")
    assert isinstance(result, Rejection) and "YAML" in result.reason


def test_html_relative_links_become_absolute_against_the_canonical_url():
    page = ('<html><head><link rel="canonical" href="https://mid.example/news/1"></head><body><article>'
            '<h1>Title</h1><p>See <a href="/docs/2">the document</a> and <a href="#x">here</a>.</p>'
            '</article></body></html>')
    r = release("p.html", page)
    assert 'href="https://mid.example/docs/2"' in r.body_html
    assert 'href="#x"' not in r.body_html


def test_html_relative_links_without_a_base_lose_their_href_but_keep_their_text():
    r = release("p.html", '<h1>Title</h1><p>See <a href="/docs/2">the document</a>.</p>')
    assert "href" not in r.body_html and "the document" in r.body_html


def test_html_title_falls_back_to_og_title_then_title_without_site_name():
    page = ("<html><head><title>Visit of the Minister to Cairo - The Ministry</title></head>"
            "<body><p>5 April 2022</p><p>The Minister visited Cairo.</p></body></html>")
    assert release("p.html", page).title == "Visit of the Minister to Cairo"


def test_html_page_without_a_date_in_its_text_takes_the_date_htmldate_reads_from_its_address():
    page = ('<html><head><link rel="canonical" href="https://mfa.example/news/2021/03/05/talks.html"></head>'
            "<body><h1>Talks with the Minister</h1><p>The ministers met and discussed the region.</p></body></html>")
    r = release("talks.html", page, datetime(2024, 6, 1, tzinfo=UTC))
    assert r.published.date() == date(2021, 3, 5)
    assert any("htmldate" in w for w in r.warnings)


def test_html_date_from_json_ld():
    page = ('<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
            '"datePublished":"2021-05-04T09:30:00+02:00"}</script></head>'
            '<body><h1>Title</h1><p>Text.</p></body></html>')
    assert release("p.html", page).published == datetime.fromisoformat("2021-05-04T09:30:00+02:00")


def test_html_keywords_become_tags_and_html_lang_the_language():
    page = ('<html lang="fr-FR"><head><meta name="keywords" content="visa, consulat"></head>'
            '<body><h1>Titre</h1><p>Le texte.</p></body></html>')
    r = release("p.html", page)
    assert r.tags == ("visa", "consulat") and r.language == "fr-FR"


def test_html_nested_too_deeply_to_read_is_rejected_as_such_not_as_empty():
    page = "<h1>Title</h1>" + "<div>" * 20000 + "<p>Deep text that would be lost.</p>" + "</div>" * 20000
    result = read("deep.html", page)
    assert isinstance(result, Rejection) and "nested too deeply" in result.reason


def test_form_feed_in_an_html_page_is_white_space_not_an_error():
    r = release("ff.html", "<html><body><h1>Notice</h1><nav>Menu</nav>\fText here.\f<p>More text.</p></body></html>")
    assert r.body == "Text here.\n\nMore text."


def test_html_internal_dtd_is_neither_expanded_nor_leaked_into_the_text():
    page = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            "<html><body><h1>Laughs</h1><p>The text.</p></body></html>")
    r = release("laughs.html", page)
    assert r.title == "Laughs" and r.body == "The text."
    assert "]>" not in r.body and "lollol" not in r.body


def test_html_definition_list_of_page_data_is_read_as_field_lines_not_as_the_lead():
    page = ("<html lang='de'><body><article><p>Presseamt der Stadt</p><p>Montag, 4. März 2024</p>"
            "<dl><dt>Laufende Nr.:</dt><dd>112</dd><dt>Ausgabejahr</dt><dd>2024</dd></dl>"
            "<h1>Neue Brücke über den Fluss eröffnet</h1>"
            "<p>Die Oberbürgermeisterin hat heute die neue Brücke über den Fluss für den Verkehr freigegeben.</p>"
            "<p>Die Bauarbeiten hatten zwei Jahre gedauert.</p></article></body></html>")
    r = release("bruecke.html", page)
    assert r.title == "Neue Brücke über den Fluss eröffnet"
    assert r.summary.startswith("Die Oberbürgermeisterin hat heute die neue Brücke")


def test_html_share_buttons_and_breadcrumbs_are_not_content():
    page = ('<body><main><div class="breadcrumbs">Home / News</div><h1>Title</h1><p>Real text.</p>'
            '<div class="share-buttons">Share on X</div></main><footer>Copyright</footer></body>')
    assert release("p.html", page).body == "Real text."


def make_docx(*paragraphs: tuple[str, str | None]) -> bytes:
    import docx

    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_title_style_dateline_and_paragraphs():
    data = make_docx(("Statement on the talks", "Title"), ("5 April 2022", None), ("First paragraph.", None),
                     ("Second paragraph.", None))
    r = release("s.docx", data)
    assert r.title == "Statement on the talks" and r.published.date() == date(2022, 4, 5)
    assert paragraphs(r) == ["First paragraph.", "Second paragraph."]


def test_docx_language_property_is_the_release_language():
    import docx

    document = docx.Document()
    document.add_paragraph("Communiqué de presse", style="Title")
    document.add_paragraph("The text is in English, but the file says what it is.")
    document.core_properties.language = "fr-FR"
    out = io.BytesIO()
    document.save(out)
    assert release("s.docx", out.getvalue()).language == "fr-FR"
    assert release("s.docx", make_docx(("Press release on the talks", "Title"),
                                       ("The Minister met the Ambassador.", None))).language == "en"


def test_docx_zip_bomb_is_rejected_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    result = read("bomb.docx", out.getvalue())
    assert isinstance(result, Rejection) and "zip bomb" in result.reason


def test_docx_part_that_expands_hundreds_of_times_is_rejected_for_its_ratio_not_its_size():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document/>" + b" " * (2 * 1024 * 1024))
    result = read("squeezed.docx", out.getvalue())
    assert isinstance(result, Rejection) and "expands more than" in result.reason


def test_old_doc_file_named_docx_is_rejected_with_advice():
    result = read("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert isinstance(result, Rejection) and ".doc" in result.reason


def test_pdf_text_layer_is_read_and_unwrapped_across_pages():
    data = make_pdf([
        ["Statement on the consular agreement", "", "12 October 2022", "",
         "The ministers signed the consular agreement, which simplifies the issuing of",
         "visas for business travellers and students of both countries.",
         "The agreement enters into force thirty days after the exchange of the",
         "instruments of ratification by the two parties concerned."],
        ["The next round of consultations will take place in the spring."],
    ])
    r = release("s.pdf", data)
    assert r.title == "Statement on the consular agreement" and r.published.date() == date(2022, 10, 12)
    assert paragraphs(r)[0].startswith("The ministers signed the consular agreement, which simplifies the issuing of "
                                       "visas")
    assert paragraphs(r)[-1] == "The next round of consultations will take place in the spring."


def test_pdf_title_in_large_type_is_taken_whole_over_five_short_lines():
    title = ["Proceedings instituted by the Republic", "of Costa Rica against the Republic of", "Nicaragua",
             "The Court to hold public hearings from", "Tuesday 11 to Thursday 13 January 2011"]
    body = ["THE HAGUE, 7 December 2010. The International Court of Justice will hold public hearings",
            "in the proceedings instituted by the Republic of Costa Rica against the Republic of Nicaragua,",
            "from Tuesday 11 to Thursday 13 January 2011, at the Peace Palace in The Hague, the seat of",
            "the Court. The hearings will be devoted to the request for provisional measures."]
    r = release("hearings.pdf", make_pdf([[("No. 2010/40", 10), *[(line, 15) for line in title], "", *body]]))
    assert r.title == " ".join(title)
    assert r.published.date() == date(2010, 12, 7)
    assert r.summary.startswith("THE HAGUE, 7 December 2010. The International Court of Justice")


def test_pdf_without_a_text_layer_is_rejected_as_a_scan():
    result = read("scan.pdf", make_pdf([[]]))
    assert isinstance(result, Rejection) and "no text layer" in result.reason


def test_damaged_pdf_is_rejected_clearly():
    result = read("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n%%EOF")
    assert isinstance(result, Rejection)


def test_encrypted_pdf_is_rejected_asking_for_an_unprotected_copy():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf([["Title of a protected release"]]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    result = read("locked.pdf", out.getvalue())
    assert isinstance(result, Rejection) and ("password" in result.reason or "encrypted" in result.reason)


def test_every_format_is_registered_by_extension():
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"} <= SUPPORTED_EXTENSIONS
    assert is_release_file("a/B.PDF") and not is_release_file(".hidden") and not is_release_file("x.png")


def test_unknown_extension_is_rejected_not_raised():
    assert isinstance(read_release("x.png", b"\x89PNG", NOW, OPTIONS), Rejection)


SHORT_TEXTS = [
    ("en", "The Minister met the Ambassador of Chile."),
    ("en", "Statement by the Foreign Ministry on the situation in Syria"),
    ("en", "Press release on consular services during the holidays"),
    ("fr", "Le ministre a reçu l'ambassadeur du Chili."),
    ("fr", "Communiqué de presse sur la visite du ministre à Paris"),
    ("fr", "Déclaration du porte-parole concernant la situation en Syrie"),
    ("es", "El ministro recibió al embajador de Chile."),
    ("es", "Comunicado de prensa sobre la visita del ministro a Madrid"),
    ("es", "Declaración de la portavoz sobre la situación en Siria"),
    ("es", "Reunión del canciller con su homólogo español"),
    ("de", "Der Minister empfing den Botschafter von Chile."),
    ("de", "Pressemitteilung über den Besuch des Ministers in Berlin"),
    ("de", "Erklärung der Sprecherin zur Lage in Syrien"),
    ("pt", "O ministro recebeu o embaixador do Chile."),
    ("pt", "Comunicado de imprensa sobre a visita do ministro a Lisboa"),
    ("pt", "Declaração da porta-voz sobre a situação na Síria"),
    ("it", "Il ministro ha ricevuto l'ambasciatore del Cile."),
    ("it", "Comunicato stampa sulla visita del ministro a Roma"),
    ("it", "Dichiarazione della portavoce sulla situazione in Siria"),
    ("nl", "De minister heeft de ambassadeur van Chili ontvangen."),
    ("nl", "Persbericht over het bezoek van de minister aan Den Haag"),
    ("pl", "Minister przyjął ambasadora Chile."),
    ("pl", "Oświadczenie rzecznika w sprawie sytuacji w Syrii"),
]


@pytest.mark.parametrize(("language", "text"), SHORT_TEXTS)
def test_a_one_line_release_gets_its_language(language, text):
    from feedsvc.readers.language import detect_language

    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["Madrid, 3 de 2026", "Chile", "Minister Müller", ""])
def test_too_little_to_tell_falls_back_to_the_default_language(text):
    from feedsvc.readers.language import detect_language

    assert detect_language(text, default="en") == "en"


def test_foreign_names_do_not_outvote_the_text_around_them():
    from feedsvc.readers.language import detect_language

    text = ("The Minister held talks with Jürgen Großmann, Peña Nieto and João Gonçalves on the situation in the "
            "region and on cooperation between the ministries.")
    assert detect_language(text) == "en"
