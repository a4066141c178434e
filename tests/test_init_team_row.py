"""``init --from FACTS --directors TEAM`` adds a new director to the team file itself.

newuser35 #5 left this undone: init sent the lead to add the row by hand.
Each test runs the real command on a real team file (CSV, YAML, a workbook
made with openpyxl), then reads the file back as ``--directors`` does.
"""

from __future__ import annotations

import codecs
import csv
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.directors import load_directors

DATA = Path(__file__).parent / "data" / "fixnew35"
#: Add a director: role, name, id, typical objective 1, one of their own (organisational),
#: one concern, nothing more.
DIRECTOR = [
    "2",
    "Chief Digital Information Officer",
    "Tom Reyes",
    "cdio",
    "1",
    "Keep the EPR live with no unplanned downtime",
    "n",
    "",
    "Cyber risk",
    "",
    "no",
]
COMMAND = ["init", "--from", "facts-from.yaml", "--directors"]


def feed(answers: list[str], confirm: str = "y") -> str:
    return "".join(f"{answer}\n" for answer in answers) + f"{confirm}\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("facts-from.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def added(path: Path) -> list[str]:
    """The new director's objectives, as --directors reads the team file back."""
    [director] = [d for d in load_directors(path).directors if d.id == "cdio"]
    assert (director.name, director.role) == ("Tom Reyes", "Chief Digital Information Officer")
    return [objective.text for objective in director.objectives]


def test_a_csv_keeps_every_byte_and_gains_one_row_in_its_own_style(project: Path) -> None:
    team = project / "team.csv"
    before = team.read_bytes()
    assert before.startswith(codecs.BOM_UTF8)
    assert b"\r\n" in before
    result = CliRunner().invoke(app, [*COMMAND, "team.csv"], input=feed(DIRECTOR))
    assert result.exit_code == 0, result.output
    assert "Add Tom Reyes to team.csv?" in result.output
    assert "Added Tom Reyes (cdio) to team.csv" in result.output
    after = team.read_bytes()
    assert after.startswith(before)  # nothing before the new row moved
    row = after[len(before) :].decode("utf-8")
    assert row.endswith("\r\n")  # the file's line ending
    assert row.count("\r\n") == 1  # one row
    # Some of the file's objectives cells hold one a line, so the new one does too.
    assert '"Make full use of the electronic patient record\nKeep the EPR live' in row
    assert added(team) == [
        "Make full use of the electronic patient record",
        "Keep the EPR live with no unplanned downtime",
    ]
    # The new director is there for the next command.
    shown = CliRunner().invoke(app, ["directors", "facts-from.yaml", "--directors", "team.csv"])
    assert shown.exit_code == 0, shown.output
    assert "Tom Reyes" in shown.output


def test_numbered_objective_columns_semicolons_and_windows_1252(project: Path) -> None:
    team = project / "team.csv"
    text = (
        "Ref;Director;Job title;ID;Name;Role;Objective 1;Objective 2;Notes\n"
        "1;x;x;dof;Graham Pike;Director of Finance;Deliver the CIP;Break even;café\n"
    )
    team.write_bytes(text.replace("ID;Name;Role", "id;name;role").encode("cp1252"))
    before = team.read_bytes()
    result = CliRunner().invoke(app, [*COMMAND, "team.csv"], input=feed(DIRECTOR))
    assert result.exit_code == 0, result.output
    after = team.read_bytes()
    assert after.startswith(before)
    row = after[len(before) :].decode("cp1252").rstrip("\n").split(";")
    assert row[3:6] == ["cdio", "Tom Reyes", "Chief Digital Information Officer"]
    assert row[6] == "Make full use of the electronic patient record"
    assert row[7] == "Keep the EPR live with no unplanned downtime"
    assert row[8] == ""  # a column pitchkit does not read is left empty


def test_a_yaml_team_file_gains_one_item(project: Path) -> None:
    team = project / "team.yaml"
    lines = ["# Our executive team, 2026/27", "directors:"]
    for director in load_directors(project / "team.csv").directors:
        lines += [f"  - id: {director.id}", f"    name: {director.name}"]
        lines += [f"    role: {director.role}", "    objectives:"]
        lines += [f'      - "{objective.text}"' for objective in director.objectives]
    team.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = team.read_bytes()
    result = CliRunner().invoke(app, [*COMMAND, "team.yaml"], input=feed(DIRECTOR))
    assert result.exit_code == 0, result.output
    assert team.read_bytes().startswith(before)
    assert added(team) == [
        "Make full use of the electronic patient record",
        "Keep the EPR live with no unplanned downtime",
    ]


def test_saying_no_writes_nothing(project: Path) -> None:
    before = {path.name: path.read_bytes() for path in project.iterdir()}
    result = CliRunner().invoke(app, [*COMMAND, "team.csv"], input=feed(DIRECTOR, confirm="n"))
    assert result.exit_code == 0, result.output
    assert "Nothing was written." in result.output
    assert {path.name: path.read_bytes() for path in project.iterdir()} == before


def test_a_workbook_is_not_written_and_the_lead_is_told_where_to_add_the_row(
    project: Path,
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role", "objectives"])
    for row in load_directors(project / "team.csv").directors:
        objectives = "\n".join(objective.text for objective in row.objectives)
        sheet.append([row.id, row.name, row.role, objectives])
    book.save(project / "team.xlsx")
    before = (project / "team.xlsx").read_bytes()
    result = CliRunner().invoke(app, [*COMMAND, "team.xlsx"], input=feed(DIRECTOR))
    assert result.exit_code == 1, result.output
    assert "add the new director there" in result.output
    assert "Their name?" not in result.output
    assert (project / "team.xlsx").read_bytes() == before


def test_a_file_that_parts_objectives_with_semicolons_gets_them_so(project: Path) -> None:
    team = project / "team.csv"
    rows = list(csv.reader(io.StringIO(team.read_bytes().decode("utf-8-sig"), newline="")))
    # The finance director's cell held its objectives one a line: part them with "; " too.
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(
        [cell.replace("\r\n", "; ") for cell in row] for row in rows
    )
    team.write_bytes(codecs.BOM_UTF8 + out.getvalue().encode("utf-8"))
    before = team.read_bytes()
    result = CliRunner().invoke(app, [*COMMAND, "team.csv"], input=feed(DIRECTOR))
    assert result.exit_code == 0, result.output
    row = team.read_bytes()[len(before) :].decode("utf-8")
    assert ",Make full use of the electronic patient record; Keep the EPR live with no" in row
    assert len(added(team)) == 2
