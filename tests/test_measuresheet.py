"""Measures from a spreadsheet: real CSV files and real openpyxl workbooks, read by the CLI."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from docchecks import check_docx, docx_text, pdf_pages, validate_ooxml
from pitchkit.cli import app
from pitchkit.errors import DirectorsError, MeasuresError
from pitchkit.facts.directors import load_directors
from pitchkit.facts.schema import load_facts
from pitchkit.notes.update.measuresheet import load_measures, merge

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
#: The frailty example's measure for discharges home, renamed with an en dash (0x96 in cp1252).
HOME = "Patients aged 75 and over discharged – to their usual place of residence"


def project(tmp: Path) -> Path:
    """A copy of the frailty example whose 'usual residence' measure has a non-ASCII name."""
    text = FRAILTY.read_text(encoding="utf-8").replace(
        "Patients aged 75 and over discharged to their usual place of residence", HOME
    )
    path = tmp / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def update_rows(path: Path) -> dict[str, list[str]]:
    """The update's table of measures: measure → its cells."""
    import docx

    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Measure")
    return {row.cells[0].text: [c.text for c in row.cells] for row in table.rows[1:]}


def load(path: Path, facts: Path) -> dict[str, dict[str, float | None]]:
    return load_measures(path, load_facts(facts).facts).by_period()


def error_of(path: Path, facts: Path) -> str:
    with pytest.raises(MeasuresError) as caught:
        load_measures(path, load_facts(facts).facts)
    return str(caught.value)


# ---------------------------------------------------------------- CSV: encodings and layouts


def test_utf8_long_form_by_id_and_by_name_in_any_case(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "measures.csv"
    sheet.write_text(
        "Period,Measure,Value\n"
        "2028-04,ADMISSIONS,77\n"
        f"April 2028,{HOME.upper()},88\n"
        'Apr-28,bed-days,"1,250"\n',
        encoding="utf-8",
    )
    figures = load(sheet, facts)
    assert figures == {"2028-04": {"admissions": 77, "usual-residence": 88, "bed-days": 1250}}


def test_utf8_with_a_byte_order_mark_reads_its_first_header(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "measures.csv"
    sheet.write_bytes("\ufeffperiod,admissions\n2028-04,77\n".encode())
    assert load(sheet, facts) == {"2028-04": {"admissions": 77}}


def test_cp1252_wide_form_with_a_non_ascii_measure_name(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "measures.csv"
    sheet.write_bytes(f"Month;admissions;{HOME}\r\nApr 2028;77;88\r\n".encode("cp1252"))
    assert b"\x96" in sheet.read_bytes()
    assert load(sheet, facts) == {"2028-04": {"admissions": 77, "usual-residence": 88}}


def test_a_file_mixing_utf8_and_cp1252_is_refused_at_the_row_where_they_part(
    tmp_path: Path,
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "measures.csv"
    header = b"period,measure,value\n"
    utf8_row = f"2028-04,{HOME},88\n".encode()
    cp1252_row = f"2028-05,{HOME},89\n".encode("cp1252")
    sheet.write_bytes(header + b"2028-03,admissions,70\n" + utf8_row + cp1252_row)
    message = error_of(sheet, facts)
    assert message.startswith(f"{sheet}:row 4: ")
    assert "this row is not UTF-8 but others are (the file mixes two text encodings" in message
    assert "\n" not in message


def test_a_directors_file_mixing_encodings_is_refused_by_row_too(tmp_path: Path) -> None:
    sheet = tmp_path / "team.csv"
    sheet.write_bytes(
        b"id,name,role\n"
        + "dof,Siân Jones,Director of Finance\n".encode()
        + "coo,Zoë Price,Chief Operating Officer\n".encode("cp1252")
    )
    with pytest.raises(DirectorsError) as caught:
        load_directors(sheet)
    assert str(caught.value).startswith(f"{sheet}:row 3: ")


def test_periods_in_every_documented_style(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "measures.csv"
    sheet.write_text(
        "period,measure,value\n"
        "2027-03,admissions,90\n"
        "2027-Q3,readmissions,15\n"
        "2026,readmissions,17\n"
        "Apr-27,admissions,91\n"
        "May 2027,admissions,92\n"
        "Mehefin 2027,admissions,93\n"
        "01/07/2027,admissions,94\n"
        "09/2027,admissions,96\n"
        "2027/10,admissions,97\n"
        "2027-08-01,admissions,95\n"
        "Q4 2027,readmissions,14\n",
        encoding="utf-8",
    )
    figures = load(sheet, facts)
    assert sorted(figures) == [
        "2026",
        "2027-03",
        "2027-04",
        "2027-05",
        "2027-06",
        "2027-07",
        "2027-08",
        "2027-09",
        "2027-10",
        "2027-Q3",
        "2027-Q4",
    ]


# ---------------------------------------------------------------- XLSX made with openpyxl


def test_xlsx_long_form_with_real_dates_and_a_percentage_cell(tmp_path: Path) -> None:
    facts = project(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Measures"
    sheet.append(["Date", "Measure", "Value"])
    sheet.append([dt.datetime(2028, 4, 1), "admissions", 77])
    sheet.append([dt.datetime(2028, 4, 1), "usual-residence", 0.88])
    sheet.cell(row=3, column=3).number_format = "0%"
    sheet.append([dt.datetime(2028, 5, 1), "readmissions", 13.9])
    path = tmp_path / "measures.xlsx"
    book.save(path)
    assert load(path, facts) == {
        "2028-04": {"admissions": 77, "usual-residence": 88},
        "2028-05": {"readmissions": 13.9},
    }


def test_xlsx_wide_form_reads_the_measures_sheet_not_the_first(tmp_path: Path) -> None:
    facts = project(tmp_path)
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Figures from the ward dashboard"])
    data = book.create_sheet("measures")
    data.append(["Period", "Admissions", "bed-days", HOME])
    data.append(["2028-04", 77, 640, None])
    data.append(["2028-05", 75, None, 87])
    path = tmp_path / "measures.xlsx"
    book.save(path)
    assert load(path, facts) == {
        "2028-04": {"admissions": 77, "bed-days": 640},
        "2028-05": {"admissions": 75, "usual-residence": 87},
    }


# ---------------------------------------------------------------- every mistake, located


def csv_error(tmp: Path, text: str) -> str:
    facts = project(tmp)
    sheet = tmp / "measures.csv"
    sheet.write_text(text, encoding="utf-8")
    return error_of(sheet, facts).removeprefix(f"{sheet}:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "period,measure,value\n2028-04,admisions,77\n",
            "row 2: column measure: 'admisions' is not one of the project's measures: "
            "did you mean 'admissions'?",
        ),
        (
            "period,measure,value\n2028-04,falls,77\n",
            "row 2: column measure: 'falls' is not one of the project's measures: the impacts "
            "are admissions, bed-days, usual-residence, readmissions",
        ),
        (
            "period,measure,value\nsoon,admissions,77\n",
            "row 2: column period: 'soon' is not a period pitchkit knows",
        ),
        (
            "period,measure,value\n2028-13,admissions,77\n",
            "row 2: column period: '2028-13' is not a period pitchkit knows",
        ),
        (
            "period,measure,value\n2028-04-15,admissions,77\n",
            # A month's last day dates it too now (newuser38 #11): the message says so.
            "row 2: column period: the date 2028-04-15 is not the first or the last day of a month",
        ),
        (
            "period,measure,value\n,admissions,77\n",
            "row 2: column period: no period given",
        ),
        (
            "period,measure,value\n2028-04,admissions,about 70\n",
            "row 2: column value: 'about 70' is not a number",
        ),
        (
            "period,measure,value\n2028-04,,77\n",
            "row 2: column measure: no measure named",
        ),
        (
            "period,measure,value\n2028-04,admissions,77\nApril 2028,admissions,78\n",
            "row 3: column value: a second figure for admissions in 2028-04 (the first is on "
            "row 2): keep one",
        ),
        (
            "period,admissions,falls\n2028-04,77,3\n",
            "row 1: column falls: 'falls' is not one of the project's measures",
        ),
        (
            "period,admissions,ADMISSIONS\n2028-04,77,3\n",
            "row 1: column ADMISSIONS: a second column for 'admissions': keep one",
        ),
        (
            "period,admissions,bed-days\n2028-04,77,lots\n",
            "row 2: column bed-days: 'lots' is not a number",
        ),
        (
            "period,,admissions\n2028-04,5,77\n",
            "row 2: column B: the number 5 is under a column with no header: write the impact "
            "id it is a figure for at the top of the column, or delete it",
        ),
        ("period\n2028-04\n", "row 1: no measure columns"),
        (
            "period,admissions\n04/28,77\n",
            "row 2: column period: '04/28' could be a month and a year or a day and a month: "
            "write the year in full, as 04/2028 or 2028-04",
        ),
        (
            "period,admissions\n13/2028,77\n",
            "row 2: column period: '13/2028' has no month 13",
        ),
        (
            "period,measure,value\n2028-04,admissions,2000000000000\n",
            "row 2: column value: 2,000,000,000,000 is too large to be a figure",
        ),
    ],
)
def test_each_mistake_is_one_line_naming_row_and_column(
    tmp_path: Path, text: str, expected: str
) -> None:
    message = csv_error(tmp_path, text)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_a_bad_cell_in_a_workbook_is_named_by_row_and_column(tmp_path: Path) -> None:
    facts = project(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["period", "admissions"])
    sheet.append([dt.datetime(2028, 4, 1), 77])
    sheet.append([dt.datetime(2028, 5, 3), 76])
    path = tmp_path / "measures.xlsx"
    book.save(path)
    assert error_of(path, facts).startswith(
        # A month's last day dates it too now (newuser38 #11): the message says so.
        f"{path}:row 3: column period: the date 2028-05-03 is not the first or the last day "
        "of a month"
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.csv", None, "measures file not found"),
        ("measures.txt", b"period,admissions\n", "pitchkit reads measures from .csv or .xlsx"),
        ("empty.csv", b"\n\n", "the file is empty"),
        ("fake.xlsx", b"period,admissions\n", "not an Excel .xlsx workbook"),
        ("binary.csv", b"PK\x03\x04rest", "this is not a CSV text file"),
    ],
)
def test_files_that_cannot_be_read_say_so_in_one_line(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    facts = project(tmp_path)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    message = error_of(path, facts)
    assert message.startswith(f"{path}: {expected}"), message


# ---------------------------------------------------------------- merging with the log


def test_the_facts_file_wins_and_each_differing_figure_is_warned_about(tmp_path: Path) -> None:
    facts = load_facts(project(tmp_path)).facts
    sheet_path = tmp_path / "measures.csv"
    sheet_path.write_text(
        "period,admissions,bed-days\n2028-03,81,700\n2028-02,78,661\n2028-04,77,\n",
        encoding="utf-8",
    )
    sheet = load_measures(sheet_path, facts)
    merged, warnings = merge(facts, sheet)
    # March 2028 logs 81 admissions and 668 bed days; February 78 and 661: one differs.
    assert [str(w) for w in warnings] == [
        f"{sheet_path}:row 2: column bed-days: bed-days in 2028-03 is 668 in the facts file "
        "and 700 here: the facts file's figure is used"
    ]
    assert merged.figures["2028-04"] == {"admissions": 77}
    assert facts.figures == {}


# ---------------------------------------------------------------- through the command line


def test_update_measures_renders_the_spreadsheets_figures(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    sheet.write_text(
        "period,admissions,bed-days,readmissions\n2028-03,81,700,\n2028-04,77,640,13.9\n",
        encoding="utf-8",
    )
    out = tmp_path / "april.docx"
    code, _, stderr = run(
        "update", str(facts), "--measures", str(sheet), "-o", str(out), "-d", "dof"
    )
    assert code == 0, stderr
    assert "bed-days in 2028-03 is 668 in the facts file and 700 here" in stderr
    check_docx(out)
    rows = update_rows(out)
    admissions = rows["Emergency admissions of people aged 75 and over living with frailty"]
    assert admissions[3] == "77 admissions (April 2028)"
    # April 2028 sits inside the limits recalculated from December 2027, when the shift settled.
    assert admissions[5] == "within normal variation, at the improved level"
    readmissions = rows["Emergency readmissions within 30 days, patients aged 75 and over"]
    assert readmissions[3] == "13.9% (April 2028)"
    home = rows[HOME]
    assert home[3] == "[figure for April 2028]"
    # 86% against 85%, with the target inside the limits: March met it, not yet a process
    # that meets it (truth18).
    # Met in January, February and March: "met since" (reader21 #9).
    assert home[4] == "Last known: 86% (March 2028); met since January 2028; not yet shown to last"
    text = docx_text(out)
    assert "April 2028" in text.splitlines()[2]
    # The board sentence is worded from April's figures, so it needs no brackets.
    board = next(line for line in text.splitlines() if "As executive sponsor" in line)
    assert board.startswith("As executive sponsor")
    assert " between June 2027 and April 2028" in board


def test_the_facts_files_measures_line_is_relative_to_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    facts = project(folder)
    (folder / "data").mkdir()
    (folder / "data" / "figures.csv").write_text(
        "period,measure,value\n2028-04,admissions,77\n", encoding="utf-8"
    )
    facts.write_text(
        "measures: data/figures.csv\n" + facts.read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "out.docx"
    code, _, stderr = run("update", str(facts), "-o", str(out), "-d", "dof")
    assert code == 0, stderr
    rows = update_rows(out)
    admissions = rows["Emergency admissions of people aged 75 and over living with frailty"]
    assert admissions[3] == "77 admissions (April 2028)"


def test_a_bad_spreadsheet_stops_the_command_with_one_line_and_writes_nothing(
    tmp_path: Path,
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    sheet.write_text("period,measure,value\n2028-04,admissions,n/a?\n", encoding="utf-8")
    out = tmp_path / "april.docx"
    code, _, stderr = run("update", str(facts), "--measures", str(sheet), "-o", str(out))
    assert code == 1
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert f"{sheet}:row 2: column value: 'n/a?' is not a number" in lines[0]
    assert "Traceback" not in stderr
    assert not out.exists()


READMISSIONS = "Emergency readmissions within 30 days, patients aged 75 and over"


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ('period,admissions,"{name}"\n', "2028-04,77,13.9\n"),
        ("period,measure,value\n", '2028-04,"{name}",13.9\n'),
    ],
)
def test_a_misspelt_measure_name_is_offered_the_measure_it_means(
    tmp_path: Path, header: str, row: str
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    typo = "Emergency readmisions within 30 days"
    sheet.write_text((header + row).format(name=typo), encoding="utf-8")
    out = tmp_path / "april.docx"
    code, _, stderr = run("update", str(facts), "--measures", str(sheet), "-o", str(out))
    assert code == 1
    [line] = stderr.splitlines()
    assert f"'{typo}' is not one of the project's measures: did you mean '{READMISSIONS}' " in line
    assert "(the impact readmissions)?" in line
    assert not out.exists()
    # Doing as it says gives the figure to that measure.
    sheet.write_text((header + row).format(name=READMISSIONS), encoding="utf-8")
    code, _, stderr = run("update", str(facts), "--measures", str(sheet), "-o", str(out))
    assert code == 0, stderr
    assert update_rows(out)[READMISSIONS][3] == "13.9% (April 2028)"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("period,admissions\n2028-04,£77\n", "row 2: column admissions"),
        ("period,measure,value\n2028-04,bed-days,£640\n", "row 2: column value"),
    ],
)
def test_a_pound_sign_on_a_measure_that_is_not_money_is_refused_at_its_cell(
    tmp_path: Path, text: str, place: str
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    sheet.write_text(text, encoding="utf-8")
    out = tmp_path / "april.docx"
    code, _, stderr = run("update", str(facts), "--measures", str(sheet), "-o", str(out))
    assert code == 1
    figure = "£77" if "£77" in text else "£640"
    impact, unit = ("admissions", "admissions") if figure == "£77" else ("bed-days", "bed days")
    assert stderr == (
        f"error: {sheet}:{place}: '{figure}' is written as money, but {impact} is in {unit}: "
        f"write the figure without '£', such as {figure[1:]}\n"
    )
    assert not out.exists()


def test_a_pound_sign_on_a_measure_counted_in_pounds_is_read(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    text = FRAILTY.read_text(encoding="utf-8")
    assert text.count("    unit: admissions\n") == 1
    facts.write_text(text.replace("    unit: admissions\n", "    unit: £\n"), encoding="utf-8")
    sheet = tmp_path / "figures.csv"
    sheet.write_text('period,admissions\n2028-04,"£1,200"\n', encoding="utf-8")
    assert load(sheet, facts) == {"2028-04": {"admissions": 1200.0}}


def test_the_error_is_in_welsh_for_a_welsh_update(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    sheet.write_text("period,measure,value\n2028-04,falls,3\n", encoding="utf-8")
    code, _, stderr = run(
        "update", str(facts), "--measures", str(sheet), "--locale", "cy", "-o", str(tmp_path)
    )
    assert code == 1
    assert "rhes 2: colofn measure: nid yw 'falls' yn un o fesurau'r prosiect" in stderr


def test_a_missing_measures_file_named_in_the_facts_file_is_an_error(tmp_path: Path) -> None:
    facts = project(tmp_path)
    facts.write_text("measures: gone.csv\n" + facts.read_text(encoding="utf-8"), "utf-8")
    code, _, stderr = run("update", str(facts), "-o", str(tmp_path / "x.docx"))
    assert code == 1
    assert f"{tmp_path / 'gone.csv'}: measures file not found" in stderr


def test_batch_takes_measures_for_updates_and_briefs(tmp_path: Path) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.xlsx"
    book = Workbook()
    data = book.active
    assert data is not None
    data.append(["period", "admissions"])
    data.append([dt.datetime(2028, 4, 1), 77])
    book.save(sheet)
    out = tmp_path / "notes"
    code, _, stderr = run(
        "batch", str(facts), "--kind", "update", "--measures", str(sheet), "-o", str(out)
    )
    assert code == 0, stderr
    notes = sorted(out.glob("*.docx"))
    assert notes
    for note in notes:
        # Each director words the measure in their own terms; the figure is the same.
        latest = [cells[3] for cells in update_rows(note).values()]
        assert "77 admissions (April 2028)" in latest
    code, _, stderr = run(
        "batch", str(facts), "--measures", str(sheet), "-o", str(tmp_path / "briefs")
    )
    # A brief's money reads the log as an update does (newuser11 #1).
    assert code == 0, stderr
    assert sorted((tmp_path / "briefs").glob("*.docx"))


def test_measures_in_the_facts_file_must_be_a_path(tmp_path: Path) -> None:
    facts = project(tmp_path)
    facts.write_text("measures: ''\n" + facts.read_text(encoding="utf-8"), "utf-8")
    code, _, stderr = run("check", str(facts))
    assert code == 1
    assert "facts.yaml:1:" in stderr
    assert "measures" in stderr


def test_the_bundled_example_still_reads_without_a_spreadsheet(tmp_path: Path) -> None:
    copy = tmp_path / "facts.yaml"
    shutil.copy(FRAILTY, copy)
    out = tmp_path / "out.docx"
    code, _, stderr = run("update", str(copy), "-o", str(out), "-d", "dof")
    assert code == 0, stderr
    rows = update_rows(out)
    admissions = rows["Emergency admissions of people aged 75 and over living with frailty"]
    assert admissions[3] == "81 admissions (March 2028)"


@pytest.mark.tools
def test_an_update_from_a_spreadsheet_is_valid_open_xml_and_at_most_two_pages(
    tmp_path: Path,
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "figures.csv"
    sheet.write_text("period,admissions,bed-days\n2028-04,77,640\n", encoding="utf-8")
    out = tmp_path / "april.docx"
    code, _, stderr = run("update", str(facts), "--measures", str(sheet), "-o", str(out))
    assert code == 0, stderr
    validate_ooxml(out)
    assert pdf_pages(out) <= 2


# ---------------------------------------------------------------- a log kept as people keep it


def test_a_title_row_a_note_column_and_uk_months_are_read_as_the_team_sheet_is(
    tmp_path: Path,
) -> None:
    """newuser15 #4: a merged title row above the header, 'provisional' in a column with
    no header and months written 10/2028 stopped `check`; the team sheet reads all three."""
    facts = project(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Frailty ward monthly log"])
    sheet.merge_cells("A1:D1")
    sheet.append([None])
    sheet.append(["Month", "admissions", "bed-days", None])
    sheet.append(["04/2028", 77, 640, None])
    sheet.append(["May-28", 75, 630, "provisional"])
    sheet.append(["June 2028", 74, 620, None])
    path = tmp_path / "log.xlsx"
    book.save(path)
    code, stdout, stderr = run("check", str(facts), "--measures", str(path))
    assert code in (0, 2), stderr
    shown = stdout + stderr
    assert "error:" not in shown, shown
    notes = [line for line in shown.splitlines() if "provisional" in line]
    assert notes == [
        f"warning: {path}:row 5: column D: 'provisional' is in a column with no header, so "
        "it is read as a note and left out of the figures"
    ]
    assert load(path, facts) == {
        "2028-04": {"admissions": 77, "bed-days": 640},
        "2028-05": {"admissions": 75, "bed-days": 630},
        "2028-06": {"admissions": 74, "bed-days": 620},
    }


def test_a_number_under_no_header_below_a_title_row_stops_the_run_at_its_cell(
    tmp_path: Path,
) -> None:
    facts = project(tmp_path)
    sheet = tmp_path / "log.csv"
    sheet.write_text(
        "Frailty ward monthly log,,\nMonth,admissions,\n10/2028,77,\n11/2028,75,12\n",
        encoding="utf-8",
    )
    code, _, stderr = run("check", str(facts), "--measures", str(sheet))
    assert code == 1
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines == [
        f"error: {sheet}:row 4: column C: the number 12 is under a column with no header: "
        "write the impact id it is a figure for at the top of the column, or delete it"
    ]
