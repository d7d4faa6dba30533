"""Each named rule of the reader engine, on the lines it is there for and on the lines it must leave alone."""

from __future__ import annotations

import subprocess
import sys

import pytest

from feedsvc.readers import rules, vocabulary


def cases(rule, yes: list[str], no: list[str]):
    return pytest.mark.parametrize(("text", "expected"), [(t, True) for t in yes] + [(t, False) for t in no],
                                   ids=lambda v: str(v)[:40])


@cases(rules.is_label, yes=["PRESS RELEASE", "Nota à imprensa nº 112", "COMUNICADO 299", "No: 226",
                            "For immediate release", "Communiqué de presse (2015) 019", "JS-4151", "Пресс-релиз",
                            "Press Release SG/SM/19144", "Check against delivery"],
       no=["Press release on the talks with the Minister of Foreign Affairs", "Statement by the Ministry",
           "The ministers met in Moscow."])
def test_a_label_names_the_kind_of_document_not_the_release(text, expected):
    assert rules.is_label(text) is expected


@cases(rules.is_publisher_label,
       yes=["Staatskanzlei - Pressemitteilung Nr.: 584/02", "Communiqué – décisions du Conseil d'Etat",
            "Ministry of Foreign Affairs – Press Release No. 12", "Новости МЧС России",
            "Press release Ministry of Defence"],
       no=["Syrie – Communiqué", "Nigeria - Attacks (June 22 to 23, 2015)", "Press release - Syria",
           "Press release on the opening of the Consulate General", "Заявление МИД России",
           "Iran - Déclaration de la porte-parole"])
def test_a_label_beside_its_publisher_is_metadata_but_a_place_beside_a_label_is_a_title(text, expected):
    assert rules.is_publisher_label(text) is expected


@cases(rules.is_deck,
       yes=["Bundespolizei Freilassing stellt Pistole und 500 Patronen sicher",
            "• Tendrá lugar a las 16:30 horas en el Ministerio de Sanidad",
            "Born in 1921, Agency Embarks on Record Capital Plan, Moves on Giant Construction Projects"],
       no=["Москва.", "Ladies and gentlemen,", "Из ответов на вопросы СМИ:",
           "The ministers met in Moscow on 3 December to discuss trade and energy.", "Short heading"])
def test_a_deck_is_a_line_of_some_words_left_open_or_bulleted_never_a_sentence(text, expected):
    assert rules.is_deck(text) is expected


@cases(rules.is_document_name, yes=["Заявление", "Joint statement", "Communiqué"],
       no=["Press release", "For immediate release", "COMUNICADO 299"])
def test_a_document_name_may_head_a_release_but_a_release_notice_may_not(text, expected):
    assert rules.is_document_name(text) is expected


@cases(rules.is_letterhead,
       yes=["REPUBLIC OF TÜRKİYE", "Auswärtiges Amt", "Ministério das Relações Exteriores", "Press Office",
            "GOV.UK", "БЕЛТА", "HELLENIC REPUBLIC", "Ministry of Foreign Affairs of the Russian Federation",
            "Dorotheenstraße 84, 10117 Berlin", "Eidgenössisches Departement für auswärtige Angelegenheiten"],
       no=["Заявление МИД", "Statement by the Ministry of Foreign Affairs",
           "О визите Министра иностранных дел Российской Федерации С.В.Лаврова в Республику Казахстан",
           "Estonia's new defence minister to visit Finland", "NHS in Scotland 2016",
           "The ministers held talks in Moscow."])
def test_a_letterhead_line_says_who_publishes_not_what(text, expected):
    assert rules.is_letterhead(text) is expected


@cases(rules.is_segmented_meta,
       yes=["Press release · Home Office · 8 January 2026",
            "Département de l'information • Service des informations • New York", "Press Office | Ministry of Health"],
       no=["Die Kriminalitätsstatistik 2021 | Das Polizeipräsidium lädt ein zur Pressekonferenz",
           "Lavrov meets Bourita | Talks in Moscow", "The minister met the ambassador. | More"])
def test_a_segmented_line_is_metadata_when_a_part_dates_labels_or_names_the_publisher(text, expected):
    assert rules.is_segmented_meta(text) is expected


@cases(rules.is_letterhead, yes=["Чернігівська міська рада Офіційний веб-сайт back", "Kyiv City Council website | back",
                                  "Ministry of Health website"],
       no=["Official website", "Back", "Website of the year awarded to the council"])
def test_a_site_header_is_a_letterhead_whatever_words_of_the_frame_it_carries(text, expected):
    assert rules.is_letterhead(text) is expected


def test_a_line_in_small_type_above_a_title_is_a_letterhead_whatever_its_words():
    assert rules.is_letterhead("Riaghaltas na h-Alba", small_type=True)
    assert not rules.is_letterhead("Riaghaltas na h-Alba")


@cases(rules.may_be_letterhead, yes=["UNHCR The UN Refugee Agency", "Scottish Government", "CONSEIL DE L'EUROPE"],
       no=["Resignation of His Holiness Pope Benedict XVI", "Statement on the situation in Syria",
           "The Ministry regrets the decision."])
def test_what_stands_above_a_label_may_be_a_letterhead_if_it_is_short_and_names_no_document(text, expected):
    assert rules.may_be_letterhead(text) is expected


@cases(rules.is_print_header, yes=["6/7/22, 10:42 AM Governor Newsom Statement on Passing of Gina Moscone | Gov…"],
       no=["15.07.2016 The Prime Minister said", "6 July 2022, 10:42 Moscow"])
def test_a_browsers_print_header_is_not_the_title(text, expected):
    assert rules.is_print_header(text) is expected


@cases(rules.is_attribution_heading, yes=["STATEMENT BY SECRETARY CLINTON", "Déclaration du porte-parole",
                                          "Заявление официального представителя МИД"],
       no=["Statement by the Ministry of Foreign Affairs on the situation in the Middle East and North Africa",
           "Attack on British Council in Kabul", "Statement by the spokesperson:"])
def test_a_heading_that_names_who_speaks_is_not_the_title_above_one_that_says_what_about(text, expected):
    assert rules.is_attribution_heading(text) is expected


@cases(rules.is_address, yes=["Dorotheenstraße 84, 10117 Berlin", "Minoritenplatz 8, A-1014 Wien",
                              "NEW YORK, NY 10007", "700 19th Street, NW"],
       no=["The meeting lasted 3 hours in room 12.", "Moscow, 5 April 2022"])
def test_a_postal_address_is_part_of_a_letterhead(text, expected):
    assert rules.is_address(text) is expected


@cases(rules.is_domain, yes=["GOV.UK", "www.mfa.gov.tr", "mid.ru"], no=["U.S. Department of State", "No. 12.5"])
def test_a_bare_web_address_is_a_masthead(text, expected):
    assert rules.is_domain(text) is expected


@cases(rules.is_url, yes=["https://www.vlada.cz/en/clenove-vlady/premier/speeches/statement-146879/"],
       no=["Statement of Prime Minister Bohuslav Sobotka", "www. is a prefix"])
def test_a_printed_url_line_is_recognised(text, expected):
    assert rules.is_url(text) is expected


@cases(rules.is_byline, yes=["From: Foreign, Commonwealth & Development Office", "Источник: МИД России",
                             "Published 14 September 2024", "Part of: Health and social care",
                             "Nouvelles fournies par Ville de Montréal."],
       no=["The Minister said that the talks went well and would continue next year in Geneva.",
           "by the end of the year the ministry will have opened three new consulates in the region and more"])
def test_a_byline_names_the_author_source_or_publication(text, expected):
    assert rules.is_byline(text) is expected


def test_only_a_capitalised_byline_with_a_colon_stands_alone_on_a_line():
    assert rules.is_byline_line("From: HM Treasury")
    assert not rules.is_byline_line("by the Ministry of Foreign Affairs, which")


@cases(rules.is_name_line, yes=["John Kerry", "Secretary of State", "Washington, DC"],
       no=["The Secretary said:", "Talks were held.", "Statement of Prime Minister Bohuslav Sobotka on Nice"])
def test_a_line_of_names_under_a_title_is_a_byline(text, expected):
    assert rules.is_name_line(text) is expected


@cases(rules.is_name_stack, yes=["Hillary Rodham Clinton Secretary of State Washington, DC"],
       no=["The United States expresses sorrow for the death of the aircrew members.", "Q: What happened?"])
def test_names_run_together_above_the_text_are_not_its_lead(text, expected):
    assert rules.is_name_stack(text) is expected


@cases(rules.is_field_line, yes=["Last updated: 07 Dec. 2010 15:33", "Laufende Nr.: 280", "Ausgabejahr: 2016"],
       no=["Mayor Bill de Blasio: Good afternoon, everyone.", "Q: It is reported that 12 people died in the fire?",
           "The Minister said: we agreed."])
def test_a_field_line_carries_a_number_or_a_date_not_words(text, expected):
    assert rules.is_field_line(text) is expected


@cases(lambda text: rules.is_source_line(text), yes=["Türkiye Cumhuriyeti Dışişleri Bakanlığı 22.03.2019",
                                                     "Ministry of Foreign Affairs, 5 April 2022 10:15"],
       no=["On 5 April 2022 the ministry published a statement.", "Talks in Moscow"])
def test_a_source_line_is_a_publishers_name_with_a_date(text, expected):
    assert rules.is_source_line(text) is expected


def test_a_date_carried_by_a_letterhead_line_is_found():
    found = rules.dateline_in("Ministry of Foreign Affairs of the Republic of Poland Press Office — Warsaw, "
                              "14 November 2017")
    assert (found.year, found.month, found.day) == (2017, 11, 14)
    assert rules.dateline_in("Ministry of Foreign Affairs — Press Office") is None


@cases(rules.is_lead_in, yes=["The following statement has been issued by a Federal Foreign Office spokesperson:",
                              "Распространено следующее заявление:"],
       no=["Der Sprecher der Bundesregierung, Steffen Hebestreit, teilt mit:",
           "A Federal Foreign Office spokesperson issued the following statement on 4 April on the phone call "
           "between Foreign Minister Steinmeier and Russia’s Foreign Minister Lavrov about the situation:",
           "The following statement has been issued."])
def test_a_lead_in_only_announces_what_follows(text, expected):
    assert rules.is_lead_in(text) is expected


@cases(rules.is_pull_quote, yes=["“We will not accept this.” – Foreign Minister Jane Doe",
                                 "«Мы не допустим этого»"],
       no=["“We will not accept this,” the Minister said, adding that the talks would go on.",
           "The Minister said: “We will not accept this.”"])
def test_a_pull_quote_is_a_quotation_standing_alone(text, expected):
    assert rules.is_pull_quote(text) is expected


@pytest.mark.parametrize(("lead", "summary_starts"), [
    ("30 ноября, Минск /Корр. БЕЛТА/. Министр иностранных дел", "Министр"),
    ("MOSCOW, March 3 (press office) – Russia and Egypt today signed", "Russia"),
    ("Madrid, 23 de julio de 2016. El ministro", "El ministro"),
    ("ASTANA. KAZINFORM Ministry of Foreign Affairs of", "Ministry"),
    ("Bishkek, June 9, 2023. / Kabar /. At the initiative", "At the"),
    ("BELO HORIZONTE, BRAZIL--U.S. Treasury Assistant", "U.S. Treasury"),
    ("Ottawa - Foreign Affairs Minister John Baird", "Foreign Affairs"),
    ("GENEVA, Jan 4 (UNHCR) - Filippo Grandi, a UN official", "Filippo"),
    ("Москва, 10 марта. Сегодня министр", "Сегодня"),
])
def test_a_wire_dateline_is_not_part_of_the_summary(lead, summary_starts):
    assert lead[rules.wire_dateline_length(lead):].startswith(summary_starts)


@pytest.mark.parametrize("lead", [
    "On December 3, Foreign Minister Sergey Lavrov spoke by phone",
    "On March 23, Mr. Fumio Kishida, Minister for Foreign Affairs, conveyed",
    "Russia and Egypt today signed a memorandum.",
    "The Ministry notes. Another point follows.",
    "Le 25 mars 2014, la directrice générale a déclaré",
])
def test_a_lead_that_starts_with_its_own_words_keeps_them(lead):
    assert rules.wire_dateline_length(lead) == 0


@cases(rules.is_wire_dateline, yes=["Hamburg (ots)", "МОСКВА /ТАСС/", "30 ноября, Минск"],
       no=["The Minister (left) met his counterpart.", "In Moscow on 5 April the minister met his counterpart."])
def test_a_paragraph_that_is_only_a_wire_dateline_is_not_the_lead(text, expected):
    assert rules.is_wire_dateline(text) is expected


def test_paragraph_numbering_is_not_part_of_the_summary():
    assert rules.paragraph_number_length("1. On February 24, the Council met.") == 3
    assert rules.paragraph_number_length("12 people were hurt.") == 0


@cases(rules.is_chrome, yes=["Home / News / Statements", "Share: Facebook X LinkedIn",
                             "Español English Français Català Galego Euskara", "Country files — Egypt — Events",
                             "Außenpolitik/Terrorismus/Russland/Spindelegger", "Decrease font size"],
       no=["Egypt - Bombing (October 21, 2013)", "The ministers met in Moscow and discussed the region."])
def test_page_chrome_is_the_words_of_navigation_sharing_and_language_switchers(text, expected):
    assert rules.is_chrome(text) is expected


@cases(rules.is_closing, yes=["ENDS", "-ENDS-", "###", "-30-", "Notes to editors", "Примечание для редакций"],
       no=["Background", "The end of the war was discussed."])
def test_an_end_mark_or_notes_to_editors_close_the_release(text, expected):
    assert rules.is_closing(text) is expected


@cases(rules.is_contact, yes=["Press contact: Anna Petrova, +7 495 000 00 00", "Anna Petrova anna@mid.example"],
       no=["Journalists may write to press@mid.example for accreditation before the summit opens on Monday."])
def test_contact_data_at_the_end_is_not_text(text, expected):
    assert rules.is_contact(text) is expected


@cases(rules.is_thin, yes=["Москва.", "Ladies and gentlemen,", "Из ответов на вопросы СМИ:", "О ситуации в Сирии"],
       no=["The ministers discussed the state of affairs in the region and the prospects of cooperation."])
def test_a_thin_paragraph_is_too_slight_to_be_a_lead_alone(text, expected):
    assert rules.is_thin(text) is expected


@cases(rules.is_marked_subtitle, yes=["Utl.: Auch Österreicher unter den Opfern zu beklagen",
                                      "Subtitle: Ministers agree on the next steps", "Sous-titre : Accord signé"],
       no=["Außenminister zum Anschlag in Moskau", "Subtitles in four languages were added to the film.",
           "Utl.:"])
def test_a_subtitle_that_says_it_is_one_is_never_the_title(text, expected):
    assert rules.is_marked_subtitle(text) is expected


def test_every_vocabulary_table_has_every_kind_and_only_known_kinds():
    for language, table in vocabulary.tables().items():
        assert set(table) == set(vocabulary.KINDS), language
        assert all(w == w.lower() for kind in table.values() for w in kind), language


def test_the_written_language_names_are_cldrs_as_babel_has_them_now():
    """language_names.txt is CLDR's list, written once: loading every locale at run time took some 150 MB."""
    program = "from feedsvc.readers.vocabulary.autonyms import generate; print('\\n'.join(generate()))"
    fresh = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True)
    assert set(fresh.stdout.split("\n")) - {""} == vocabulary.language_names()
    assert {"english", "русский", "català", "deutsch"} <= vocabulary.language_names()
