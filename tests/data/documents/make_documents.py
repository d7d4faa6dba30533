"""Regenerate the documents in this folder the way press offices make them (not run by the tests).

Word files are written with python-docx; "Word-exported" PDFs are those .docx files converted by LibreOffice
(`soffice --headless --convert-to pdf`), with justified text, automatic hyphenation, letterheads and page-number
footers; two PDFs come from reportlab and fpdf2 with a ragged-right layout and a running header.

Needs: python-docx, reportlab, fpdf2, LibreOffice Writer, the hyphen-en-us and hyphen-ru dictionaries and the
DejaVu fonts. Run: python tests/data/documents/make_documents.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
FIXED = datetime(2022, 1, 10, 9, 0, tzinfo=UTC)  # core properties: the files do not change when regenerated

EN_BODY = [
    "The Ministry of Foreign Affairs hosted on 4 and 5 April the annual interagency consultations on "
    "cooperation in the Arctic, attended by representatives of the ministries of natural resources, economic "
    "development, transport and emergency situations, as well as by the regional administrations of the "
    "Arkhangelsk and Murmansk regions and the Yamal-Nenets autonomous area.",
    "The participants reviewed the implementation of the national programme for the sustainable development "
    "of the Arctic zone and the preparations for the country's chairmanship of the Arctic Council. Particular "
    "attention was paid to the environmental protection of the region, to the wellbeing of indigenous peoples "
    "and to the safety of navigation along the Northern Sea Route, whose traffic has grown considerably over "
    "the past five years.",
    "The parties agreed on the following priorities for the coming year:",
    "BULLET:strengthening scientific cooperation, including joint expeditions and the exchange of "
    "oceanographic and meteorological data;",
    "BULLET:developing the infrastructure of the Northern Sea Route and the search and rescue network;",
    "BULLET:supporting the traditional economic activities and the languages of indigenous peoples;",
    "BULLET:reducing black carbon emissions and preventing pollution of the marine environment.",
    "Opening the meeting, the Deputy Minister of Foreign Affairs stressed that the Arctic must remain a "
    "territory of peace, stability and constructive international cooperation. He noted that the existing "
    "international legal framework, primarily the United Nations Convention on the Law of the Sea, provides "
    "a solid basis for the settlement of any issues that may arise between the Arctic states, and that there "
    "is no need to create new regimes or structures for the region.",
    "The representatives of the regions presented the results of the socioeconomic programmes carried out "
    "in 2021, including the construction of new airports, the modernisation of seaports and the extension of "
    "high-speed internet access to remote settlements. The participants discussed the possibility of "
    "involving observer states of the Arctic Council in projects that meet the interests of the inhabitants "
    "of the North, on the understanding that such projects are fully consistent with national legislation.",
    "The scientific community was represented by the Arctic and Antarctic Research Institute, which reported "
    "on the preparations for the drifting expedition aboard the ice-resistant self-propelled platform "
    "launched last year. The institute will share the data collected during the expedition with its foreign "
    "partners in accordance with the established practice of international scientific cooperation.",
    "The consultations also addressed the organisation of events under the chairmanship, among them the "
    "meeting of senior Arctic officials, the international conference on the Arctic energy transition and "
    "the youth forum of the Arctic states. The participants emphasised the importance of ensuring that all "
    "working groups of the Council could continue their work without interruption.",
    "In conclusion, the participants agreed to hold the next round of consultations in Murmansk in the "
    "autumn and to prepare by then a consolidated plan of events for the chairmanship, taking into account "
    "the proposals made by the regions and by the expert community.",
]

EN_BACKGROUND = [
    "The Arctic Council was established in 1996 as a high-level intergovernmental forum of the eight Arctic "
    "states. Six organisations of indigenous peoples take part in its work as permanent participants, and "
    "thirteen non-Arctic states have the status of observers.",
    "The Council works by consensus. Its six working groups deal with the protection of the marine "
    "environment, pollution, biodiversity, emergency prevention and response, sustainable development and "
    "the monitoring of the Arctic environment; the chairmanship passes among the member states every two years.",
]

RU_BODY = [
    "4 и 5 апреля в Министерстве иностранных дел состоялись ежегодные межведомственные консультации по "
    "вопросам сотрудничества в Арктике с участием представителей министерств природных ресурсов, "
    "экономического развития, транспорта и по чрезвычайным ситуациям, а также администраций Архангельской "
    "и Мурманской областей и Ямало-Ненецкого автономного округа.",
    "Участники рассмотрели ход реализации государственной программы социально-экономического развития "
    "Арктической зоны и подготовку к председательству в Арктическом совете. Особое внимание было уделено "
    "охране окружающей среды, благополучию коренных малочисленных народов Севера и безопасности "
    "мореплавания по Северному морскому пути, грузопоток по которому за последние пять лет значительно "
    "вырос.",
    "Стороны согласовали следующие приоритеты на предстоящий год:",
    "BULLET:укрепление научного сотрудничества, включая совместные экспедиции и обмен океанографическими и "
    "метеорологическими данными;",
    "BULLET:развитие инфраструктуры Северного морского пути и системы поиска и спасения;",
    "BULLET:поддержка традиционной хозяйственной деятельности и языков коренных народов;",
    "BULLET:сокращение выбросов сажи и предотвращение загрязнения морской среды.",
    "Открывая заседание, заместитель Министра иностранных дел подчеркнул, что Арктика должна оставаться "
    "территорией мира, стабильности и конструктивного международного взаимодействия. Он отметил, что "
    "существующая международно-правовая база, прежде всего Конвенция Организации Объединённых Наций по "
    "морскому праву, обеспечивает надёжную основу для урегулирования любых вопросов, которые могут возникать "
    "между арктическими государствами, и необходимости в создании новых режимов или структур для региона нет.",
    "Представители регионов рассказали о результатах социально-экономических программ, осуществлённых в 2021 "
    "году, включая строительство новых аэропортов, модернизацию морских портов и подключение отдалённых "
    "населённых пунктов к высокоскоростному интернету. Участники обсудили возможность привлечения "
    "государств-наблюдателей Арктического совета к проектам, отвечающим интересам жителей Севера, при "
    "условии их полного соответствия национальному законодательству.",
    "Научное сообщество было представлено Арктическим и антарктическим научно-исследовательским институтом, "
    "который доложил о подготовке дрейфующей экспедиции на ледостойкой самодвижущейся платформе, спущенной "
    "на воду в прошлом году. Институт поделится собранными в ходе экспедиции данными с иностранными "
    "партнёрами в соответствии со сложившейся практикой международного научного сотрудничества.",
    "В ходе консультаций были также рассмотрены вопросы организации мероприятий в рамках председательства, "
    "в том числе встречи старших должностных лиц Арктического совета, международной конференции по "
    "энергетическому переходу в Арктике и молодёжного форума арктических государств. Участники подчеркнули "
    "важность обеспечения непрерывной работы всех рабочих групп Совета.",
    "В заключение участники договорились провести следующий раунд консультаций осенью в Мурманске и "
    "подготовить к этому времени сводный план мероприятий председательства с учётом предложений регионов и "
    "экспертного сообщества.",
]


# Word helpers

def _new_document(lang: str, size: int = 12, font: str = "Liberation Serif") -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang)
    rpr.append(lang_el)
    props = document.core_properties
    props.author = "Press and Information Department"
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.revision = 1
    return document


def _hyphenate(document) -> None:
    settings = document.settings.element
    auto = OxmlElement("w:autoHyphenation")
    settings.insert(0, auto)


def _field(paragraph, instr: str, shown: str = "1") -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _footer(section, shape: str, lang: str = "en") -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if shape == "page_of":
        p.add_run("Page " if lang == "en" else "Страница ")
        _field(p, "PAGE")
        p.add_run(" of " if lang == "en" else " из ")
        _field(p, "NUMPAGES")
    elif shape == "dashes":
        p.add_run("- ")
        _field(p, "PAGE")
        p.add_run(" -")
    else:
        _field(p, "PAGE")


def _letterhead(section, lines: list[str], first_page_only: bool = False) -> None:
    header = section.first_page_header if first_page_only else section.header
    if first_page_only:
        section.different_first_page_header_footer = True
    for i, line in enumerate(lines):
        p = header.paragraphs[0] if i == 0 else header.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = i == 0
        run.font.size = Pt(11 if i == 0 else 9)


def _title(document, text: str, size: int = 16) -> None:
    p = document.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = True
    run.font.size = Pt(size)
    p.paragraph_format.space_after = Pt(12)


def _body(document, paragraphs: list[str], justify: bool = True, spacing: float = 1.0) -> None:
    for text in paragraphs:
        if text.startswith("BULLET:"):
            p = document.add_paragraph(text[len("BULLET:"):], style="List Bullet")
        else:
            p = document.add_paragraph(text)
            p.paragraph_format.first_line_indent = Pt(24)
        if justify:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(6)
        p.paragraph_format.line_spacing = spacing


def _contact_table(document, rows: list[tuple[str, str]]) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value


def _to_pdf(document, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (Path(name).stem + ".docx")
        document.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
                       check=True, capture_output=True)
        shutil.copy(Path(tmp) / (Path(name).stem + ".pdf"), HERE / name)


# LibreOffice PDFs of Word documents

def pdf_en_page_of_footer() -> None:
    d = _new_document("en-US", 12)
    _hyphenate(d)
    _letterhead(d.sections[0], ["MINISTRY OF FOREIGN AFFAIRS", "Press and Information Department",
                                "32/34 Smolenskaya-Sennaya Square, Moscow, 119200"])
    _footer(d.sections[0], "page_of")
    _title(d, "Interagency consultations on cooperation in the Arctic")
    dl = d.add_paragraph("Moscow, 5 April 2022")
    dl.alignment = WD_ALIGN_PARAGRAPH.CENTER
    dl.runs[0].italic = True
    _body(d, EN_BODY, spacing=1.5)
    heading = d.add_paragraph()
    heading.add_run("Background").bold = True
    heading.paragraph_format.space_before = Pt(12)
    _body(d, EN_BACKGROUND, spacing=1.5)
    _to_pdf(d, "pdf_lo_en_letterhead_page_x_of_y_hyphenated.pdf")


def pdf_ru_dash_footer() -> None:
    d = _new_document("ru-RU", 12)
    _hyphenate(d)
    _letterhead(d.sections[0], ["МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ РОССИЙСКОЙ ФЕДЕРАЦИИ",
                                "Департамент информации и печати"])
    _footer(d.sections[0], "dashes")
    _title(d, "О межведомственных консультациях по вопросам сотрудничества в Арктике")
    dl = d.add_paragraph("5 апреля 2022 года")
    dl.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _body(d, RU_BODY)
    _to_pdf(d, "pdf_lo_ru_cyrillic_hyphenated_dash_page_numbers.pdf")


def pdf_en_bare_numbers_first_page_letterhead() -> None:
    d = _new_document("en-US", 11, "Liberation Sans")
    s = d.sections[0]
    _letterhead(s, ["MINISTRY OF FOREIGN AFFAIRS", "Press and Information Department"], first_page_only=True)
    _footer(s, "bare")
    p = s.first_page_footer.paragraphs[0]
    p.text = "www.mid.example · press@mid.example"
    label = d.add_paragraph("PRESS RELEASE")
    label.runs[0].bold = True
    _title(d, "Foreign Minister to attend the ministerial meeting of the Arctic Council in Reykjavik", 15)
    d.add_paragraph("Moscow, 12 May 2022")
    _body(d, EN_BODY)
    _contact_table(d, [("Press contact", "Anna Petrova, Press and Information Department"),
                       ("Telephone", "+7 499 244 41 19"), ("E-mail", "press@mid.example")])
    _to_pdf(d, "pdf_lo_en_bare_page_numbers_first_page_letterhead_contact_table.pdf")


def pdf_en_two_columns() -> None:
    d = _new_document("en-US", 10)
    _hyphenate(d)
    _letterhead(d.sections[0], ["MINISTRY OF FOREIGN AFFAIRS — NEWS"])
    _footer(d.sections[0], "page_of")
    _title(d, "Statement on the outcome of the consultations on the Arctic", 15)
    dl = d.add_paragraph("Moscow, 6 April 2022")
    dl.alignment = WD_ALIGN_PARAGRAPH.CENTER
    new = d.add_section(WD_SECTION.CONTINUOUS)
    cols = new._sectPr.xpath("./w:cols")
    cols = cols[0] if cols else OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "567")
    if cols.getparent() is None:
        new._sectPr.append(cols)
    _body(d, EN_BODY[:10])
    _to_pdf(d, "pdf_lo_en_two_columns.pdf")


# PDFs from PDF libraries

def pdf_reportlab_ragged() -> None:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    body = ParagraphStyle("body", fontName="Times-Roman", fontSize=11, leading=14, alignment=TA_LEFT,
                          spaceAfter=8)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=17, leading=21, spaceAfter=6)
    date = ParagraphStyle("date", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=14)

    def furniture(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, "Ministry of Foreign Affairs | Press release No. 512-05-2022")
        canvas.drawRightString(A4[0] - 72, 40, str(document.page))
        canvas.restoreState()

    story = [Paragraph("Foreign Minister meets the Secretary General of the Organisation of Islamic "
                       "Cooperation", title),
             Paragraph("Moscow, 12 May 2022", date)]
    bullets = []
    for text in EN_BODY:
        if text.startswith("BULLET:"):
            bullets.append(ListItem(Paragraph(text[7:], body), leftIndent=18))
            continue
        if bullets:
            story.append(ListFlowable(bullets, bulletType="bullet", start="•"))
            bullets = []
        story.append(Paragraph(text, body))
    story.append(Spacer(1, 6))
    doc = SimpleDocTemplate(str(HERE / "pdf_reportlab_ragged_right_running_header.pdf"), pagesize=A4,
                            leftMargin=72, rightMargin=150, topMargin=72, bottomMargin=72,
                            title="", author="", creator="", producer="")
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


def pdf_fpdf2_ru() -> None:
    from fpdf import FPDF

    class Release(FPDF):
        def header(self) -> None:
            self.set_font("DejaVu", size=8)
            self.cell(0, 6, "МИД России · Департамент информации и печати", align="L")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", size=8)
            self.cell(0, 10, f"Страница {self.page_no()} из {{nb}}", align="C")

    pdf = Release(format="A4")
    pdf.set_creation_date(datetime(2022, 4, 7, 10, 0, tzinfo=UTC))
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    pdf.set_margins(25, 20, 45)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(0, 8, "Заявление МИД России в связи с итогами межведомственных консультаций по Арктике",
                   align="L")
    pdf.ln(2)
    pdf.set_font("DejaVu", size=10)
    pdf.cell(0, 6, "Москва, 7 апреля 2022 года")
    pdf.ln(10)
    for text in RU_BODY:
        if text.startswith("BULLET:"):
            pdf.set_x(32)
            pdf.multi_cell(0, 5.5, "– " + text[7:], align="L")
        else:
            pdf.multi_cell(0, 5.5, text, align="L")
        pdf.ln(2.5)
    pdf.output(str(HERE / "pdf_fpdf2_ru_ragged_right_page_x_of_y.pdf"))


# Word documents

def _soft_break(paragraph, before: str, after: str) -> None:
    paragraph.add_run(before).add_break()
    paragraph.add_run(after)


def docx_title_style_contact_table() -> None:
    d = _new_document("en-GB", 11, "Calibri")
    d.add_paragraph("Interagency consultations on cooperation in the Arctic", style="Title")
    d.add_paragraph("Moscow, 5 April 2022")
    _body(d, EN_BODY[:7], justify=False)
    d.add_paragraph("Press contacts:")
    _contact_table(d, [("Press and Information Department", "+7 499 244 41 19"),
                       ("E-mail", "press@mid.example")])
    d.save(HERE / "docx_title_style_dateline_contact_table.docx")


def docx_heading1_header_footer_soft_breaks() -> None:
    d = _new_document("en-GB", 11, "Calibri")
    s = d.sections[0]
    _letterhead(s, ["MINISTRY OF FOREIGN AFFAIRS", "Press and Information Department"])
    _footer(s, "page_of")
    d.add_paragraph("Foreign Minister's meeting with the UN High Commissioner for Refugees", style="Heading 1")
    d.add_paragraph("Geneva, 19 May 2022")
    p = d.add_paragraph()
    _soft_break(p, "On 19 May, the Foreign Minister met in Geneva with the United Nations High Commissioner for",
                "Refugees. The parties discussed the humanitarian situation in the Middle East and the return of "
                "refugees to their homes.")
    p = d.add_paragraph()
    _soft_break(p, "The Minister reaffirmed the country's readiness to continue its contributions to the "
                   "Commissioner's programmes.", "Both sides agreed to keep in close contact.")
    d.add_paragraph("The meeting was held in a constructive and friendly atmosphere.")
    d.save(HERE / "docx_heading1_header_footer_soft_breaks.docx")


def docx_label_bold_first_paragraph() -> None:
    d = _new_document("en-US", 12, "Times New Roman")
    d.add_paragraph("FOR IMMEDIATE RELEASE")
    d.add_paragraph()
    d.add_paragraph()
    p = d.add_paragraph()
    run = p.add_run("Ministry welcomes the agreement on the exchange of detained persons")
    run.bold = True
    run.font.size = Pt(14)
    d.add_paragraph()
    d.add_paragraph("MOSCOW, 27 April 2022 —")
    d.add_paragraph()
    d.add_paragraph("The Ministry of Foreign Affairs welcomes the agreement reached through the mediation of "
                    "partner states on the exchange of detained persons, which took place today.")
    d.add_paragraph()
    d.add_paragraph("We are grateful to everyone who contributed to this humanitarian step and hope that it "
                    "will help to build trust.")
    d.add_paragraph()
    d.add_paragraph("###").alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph("Notes to editors: the previous exchange took place in 2019.")
    d.save(HERE / "docx_for_immediate_release_bold_title_empty_spacing.docx")


def docx_created_date_only() -> None:
    d = _new_document("en-GB", 11, "Calibri")
    d.add_paragraph("Comment by the Press Department on the situation in the Black Sea", style="Title")
    d.add_paragraph("The Ministry has taken note of the statements made by a number of states on the freedom of "
                    "navigation in the Black Sea. We consider such statements unfounded.")
    d.add_paragraph("Navigation in the region is governed by the Montreux Convention, which all its parties "
                    "are expected to observe in full.")
    d.core_properties.created = datetime(2022, 3, 14, 10, 30, tzinfo=UTC)
    d.core_properties.modified = datetime(2022, 3, 14, 11, 0, tzinfo=UTC)
    d.save(HERE / "docx_created_property_only_date.docx")


def docx_ru_title_soft_break_bullets() -> None:
    d = _new_document("ru-RU", 12, "Times New Roman")
    s = d.sections[0]
    _letterhead(s, ["МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ", "Департамент информации и печати"])
    _footer(s, "bare")
    d.add_paragraph("ПРЕСС-РЕЛИЗ")
    title = d.add_paragraph(style="Title")
    _soft_break(title, "О межведомственных консультациях", "по вопросам сотрудничества в Арктике")
    d.add_paragraph()
    d.add_paragraph("5 апреля 2022 года").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph()
    _body(d, RU_BODY[:7])
    d.add_paragraph()
    d.add_paragraph()
    p = d.add_paragraph()
    _soft_break(p, "Пресс-служба МИД", "Тел.: +7 499 244 41 19")
    d.save(HERE / "docx_ru_label_title_soft_break_bullets.docx")


def docx_bold_title_page_break_table_heading() -> None:
    d = _new_document("en-GB", 11, "Arial")
    s = d.sections[0]
    _letterhead(s, ["MINISTRY OF FOREIGN AFFAIRS"])
    _footer(s, "dashes")
    p = d.add_paragraph()
    p.add_run("Statement by the Ministry of Foreign Affairs on the anniversary of the Treaty").bold = True
    d.add_paragraph("Moscow, 2 June 2022")
    d.add_paragraph(EN_BODY[0])
    p = d.add_paragraph(EN_BODY[1])
    p.add_run().add_break(WD_BREAK.PAGE)
    d.add_paragraph(EN_BODY[7])
    d.add_paragraph("The programme of the chairmanship includes:")
    for item in ("a meeting of senior Arctic officials;", "an international conference on the energy transition;",
                 "a youth forum of the Arctic states."):
        d.add_paragraph(item, style="List Number")
    table = d.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Event", "Date", "Place"), strict=True):
        cell.text = text
    for row in (("Senior officials meeting", "15 June", "Salekhard"), ("Youth forum", "1 July", "Murmansk")):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    d.add_paragraph("The Ministry will inform the media about further events in due course.")
    d.save(HERE / "docx_bold_title_page_break_schedule_table.docx")


def main() -> None:
    pdf_en_page_of_footer()
    pdf_ru_dash_footer()
    pdf_en_bare_numbers_first_page_letterhead()
    pdf_en_two_columns()
    pdf_reportlab_ragged()
    pdf_fpdf2_ru()
    docx_title_style_contact_table()
    docx_heading1_header_footer_soft_breaks()
    docx_label_bold_first_paragraph()
    docx_created_date_only()
    docx_ru_title_soft_break_bullets()
    docx_bold_title_page_break_table_heading()


if __name__ == "__main__":
    main()
