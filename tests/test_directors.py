"""Directors from YAML, CSV and Excel files, as users export them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from pitchkit.errors import DirectorsError
from pitchkit.facts.directors import load_directors, objective_id, with_directors
from pitchkit.facts.project import open_project
from pitchkit.recast.pitch import recast

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
HEADER = "id,name,role,salutation,concerns,objectives\r\n"


def write_csv(path: Path, text: str, encoding: str = "utf-8-sig") -> Path:
    """Write ``text`` as Excel does: with the given encoding, CRLF kept as written."""
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("name", ["directors.csv", "directors.xlsx"])
def test_the_example_team_loads_from_csv_and_xlsx(name: str) -> None:
    found = load_directors(EXAMPLE / name)
    assert found.problems == ()
    assert [d.id for d in found.directors] == [
        "ceo", "dof", "coo", "don", "md", "dow", "dos", "cdio",
    ]  # fmt: skip
    dof = found.directors[1]
    assert dof.name == "Helen Marsh"
    assert dof.salutation == "Helen"
    assert dof.concerns[0] == "Agency spend above the NHS England cap"
    kinds = [o.kind for o in dof.objectives]
    assert kinds == ["organisational", "organisational", "personal"]
    assert dof.objectives[2].text.startswith("Lead the trust's new productivity")
    assert [o.id for o in dof.objectives] == [
        "cost-improvement",
        "agency-spend",
        "productivity-value",
    ]


def test_csv_and_xlsx_give_the_same_directors() -> None:
    from_csv = load_directors(EXAMPLE / "directors.csv").directors
    from_xlsx = load_directors(EXAMPLE / "directors.xlsx").directors
    assert from_csv == from_xlsx


def test_excel_csv_utf8_with_bom_crlf_and_newlines_in_cells(tmp_path: Path) -> None:
    text = (
        HEADER + 'dof,Zoë Ó Briain,Director of Finance,Zoë,"Agency spend\r\nBed occupancy",'
        '"• Deliver the £14m CIP\r\npersonal: Be seen as a system leader"\r\n'
    )
    [director] = load_directors(write_csv(tmp_path / "team.csv", text)).directors
    assert director.name == "Zoë Ó Briain"
    assert director.concerns == ["Agency spend", "Bed occupancy"]
    assert [(o.text, o.kind) for o in director.objectives] == [
        ("Deliver the £14m CIP", "organisational"),
        ("Be seen as a system leader", "personal"),
    ]


def test_older_excel_csv_in_windows_1252_is_read(tmp_path: Path) -> None:
    text = "id,name,role\r\ndon,Renée Doyle,Chief Nurse – acute\r\n"
    [director] = load_directors(write_csv(tmp_path / "team.csv", text, "cp1252")).directors
    assert director.name == "Renée Doyle"
    assert director.role == "Chief Nurse – acute"


def test_semicolons_and_loose_header_spelling_are_accepted(tmp_path: Path) -> None:
    text = " ID ;Name;ROLE;Objectives\r\ncoo;Tom Okafor;Chief Operating Officer;Cut waits\r\n"
    [director] = load_directors(write_csv(tmp_path / "team.csv", text)).directors
    assert (director.id, director.role) == ("coo", "Chief Operating Officer")
    assert director.objectives[0].id == "waits"


def test_bad_rows_are_reported_with_row_and_column_and_skipped(tmp_path: Path) -> None:
    text = (
        "id,name,role\r\n"
        "dof,Helen Marsh,Director of Finance\r\n"
        "coo,,Chief Operating Officer\r\n"
        "Dir of Fin,Someone,Director\r\n"
        ",,\r\n"
        "md,James Whitfield,Medical Director\r\n"
    )
    path = write_csv(tmp_path / "team.csv", text)
    found = load_directors(path)
    assert [d.id for d in found.directors] == ["dof", "md"]
    problems = [str(problem) for problem in found.problems]
    assert problems[0].startswith(f"{path}:row 3: column name: empty, but required")
    assert problems[1].startswith(f"{path}:row 4: column id: 'Dir of Fin' is not a usable id")
    assert len(problems) == 2


def test_an_id_used_twice_refuses_the_file_naming_every_row_to_fix(tmp_path: Path) -> None:
    text = (
        "id,name,role\r\n"
        "dof,Helen Marsh,Director of Finance\r\n"
        "coo,,Chief Operating Officer\r\n"
        "dof,Another Helen,Deputy\r\n"
        "md,James Whitfield,Medical Director\r\n"
    )
    path = write_csv(tmp_path / "team.csv", text)
    with pytest.raises(DirectorsError) as raised:
        load_directors(path)
    lines = str(raised.value).splitlines()
    assert lines[0].startswith(f"{path}:row 3: column name: empty, but required")
    assert lines[1] == (
        f"{path}:row 4: column id: 'dof' is already used on row 2: give each director their own id"
    )
    assert len(lines) == 2


def test_an_unknown_column_is_ignored_with_a_hint(tmp_path: Path) -> None:
    text = "id,name,role,objectives,concers\r\ndof,Helen Marsh,Director of Finance,Cut costs,x\r\n"
    found = load_directors(write_csv(tmp_path / "team.csv", text))
    assert found.directors[0].concerns == []
    assert "column 'concers' was ignored: did you mean 'concerns'?" in str(found.warnings[0])


def test_a_misspelt_objectives_column_with_none_read_is_refused(tmp_path: Path) -> None:
    # Ignored, it would give every director their role's usual objectives (newuser22 #1).
    text = "id,name,role,objetives\r\ndof,Helen Marsh,Director of Finance,Cut costs\r\n"
    with pytest.raises(DirectorsError) as raised:
        load_directors(write_csv(tmp_path / "team.csv", text))
    assert str(raised.value) == (
        f"{tmp_path / 'team.csv'}:row 1: column 'objetives' is not one pitchkit reads, and there "
        "is no objectives column, so no director's own objectives would be used: rename "
        "'objetives' to 'objectives'"
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("team.csv", b"", "the file is empty"),
        ("team.csv", b"id,name\r\ndof,Helen\r\n", "needs the column role"),
        ("team.csv", b"id,name,role\r\n", "no directors below the header row"),
        ("team.txt", b"id,name,role\r\n", "reads directors from .yaml, .csv or .xlsx"),
        ("team.xls", b"\xd0\xcf\x11\xe0", "an old-style Excel file"),
        ("team.xlsx", b"id,name,role\r\n", "not an Excel .xlsx workbook"),
        ("team.yaml", b"just: [a, mapping]\n", "expected a list of directors"),
    ],
)
def test_files_that_cannot_be_read_say_why(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DirectorsError, match=None) as caught:
        load_directors(path)
    assert expected in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DirectorsError, match="directors file not found"):
        load_directors(tmp_path / "nobody.csv")


def test_xlsx_uses_the_directors_sheet_and_reports_bad_rows(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Not the directors"])
    sheet = workbook.create_sheet("Directors")
    sheet.append(["Id", "Name", "Role", "Concerns"])
    sheet.append([12, "Sam Patel", "Chief Digital Officer", "EPR go-live\nCyber security"])
    sheet.append(["dos", "Aisha Khan", None, None])
    sheet.append(["dow", "Mark Bennett", "Director of Workforce", None])
    path = tmp_path / "team.xlsx"
    workbook.save(path)
    found = load_directors(path)
    assert [d.id for d in found.directors] == ["12", "dow"]
    assert found.directors[0].concerns == ["EPR go-live", "Cyber security"]
    assert len(found.problems) == 1
    assert str(found.problems[0]).startswith(f"{path}:row 3: column role: empty, but required")


def test_yaml_list_or_mapping_with_text_objectives(tmp_path: Path) -> None:
    listed = tmp_path / "team.yaml"
    listed.write_text(
        "- id: dof\n  name: Helen Marsh\n  role: Director of Finance\n"
        "  objectives: [Deliver the CIP, 'personal: Lead on value']\n"
        "- id: coo\n  role: Chief Operating Officer\n",
        encoding="utf-8",
    )
    found = load_directors(listed)
    assert [d.id for d in found.directors] == ["dof"]
    assert [o.kind for o in found.directors[0].objectives] == ["organisational", "personal"]
    assert str(found.problems[0]).startswith(f"{listed}:5:")
    assert "[1].name: required, but missing" in str(found.problems[0])
    mapping = tmp_path / "mapping.yml"
    mapping.write_text(
        "directors:\n  - {id: md, name: James Whitfield, role: Medical Director}\n",
        encoding="utf-8",
    )
    assert load_directors(mapping).directors[0].id == "md"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deliver the £14m cost improvement programme for 2026/27", "cost-improvement"),
        ("Keep SHMI within the expected range and learn from every avoidable death", "shmi"),
        ("Achieve 95% VTE risk assessment compliance in every division", "vte"),
        ("78% of A&E patients seen within 4 hours", "ae"),
        ("Reduce agency spend by 30% against 2024/25", "agency-spend"),
        ("Net zero by 2040", "net-zero"),
        ("Gwella gofal ŵyr", "gofal-wyr"),
        ("Improve", "improve"),
        ("£££", "objective"),
        # newuser6 F12: generic heads are passed over, an abbreviation defined is kept.
        ("Reduce the number of patients with no criteria to reside", "criteria-reside"),
        ("Reduce the number of patients with no criteria to reside (NCTR)", "nctr"),
        ("Make the health board a place junior doctors choose to train", "junior-doctors"),
        (
            "Cut the share of patients waiting over six weeks for a diagnostic test",
            "waiting-diagnostic-test",
        ),
        ("Reduce the rate of inpatient falls", "inpatient-falls"),
        ("Improve the number", "number"),
        # newuser7 F11: a name in capitals by its initials, a phrase not cut after a
        # preposition, Welsh small words passed over.
        ("Meet the 28-day Faster Diagnosis Standard for suspected cancer", "28-day-fds"),
        ("Improve Friends and Family Test results for inpatients aged 75 and over", "fft"),
        ("Keep the Summary Hospital-level Mortality Indicator within the expected range", "shmi"),
        ("Reduce Agency Spend By 30%", "agency-spend"),
        ("Cut spend with independent sector providers", "spend-independent-sector"),
        ("Keep mortality within the expected range", "mortality-expected-range"),
        ("Keep general and acute bed occupancy below 92%", "bed-occupancy"),
        ("Lleihau niwed y gellir ei osgoi", "niwed-osgoi"),
    ],
)
def test_objective_ids_are_the_first_telling_words(text: str, expected: str) -> None:
    assert objective_id(text) == objective_id(text) == expected


def test_objective_ids_grow_a_word_then_a_number_to_stay_unique() -> None:
    text = "Keep SHMI within the expected range"
    assert objective_id(text, ["shmi"]) == "shmi-expected"
    assert objective_id(text, ["SHMI", "shmi-expected", "shmi-expected-range"]) == "shmi-2"
    assert objective_id("Reduce agency spend", ["agency-spend"]) == "agency-spend-2"


def test_directors_from_a_file_replace_the_facts_and_unmatched_links_are_ignored() -> None:
    project = open_project(EXAMPLE / "facts.yaml")
    team = load_directors(EXAMPLE / "directors.csv").directors
    facts = with_directors(project.facts, team)
    assert [d.id for d in facts.directors] == [d.id for d in team]
    assert any(impact.supports for impact in facts.impacts)  # dof.cip names no CSV objective
    for director in facts.directors:
        pitch = recast(facts, director)
        assert pitch.director is director
