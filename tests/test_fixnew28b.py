"""newuser28's and newuser27's team sheets, typos and words (fixnew28b).

Each test writes a real spreadsheet with openpyxl, as a PA or lead would, runs
the command line on it and reads back the text a lead sees.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def said(result: Any) -> str:
    return " ".join(result.output.split())


def numbered_team(path: Path, headings: list[str], rows: list[list[Any]]) -> Path:
    """A PA's sheet: a title row, then id, name, role and the given headings."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Executive team objectives 2026/27 (kept by the CEO's office)"])
    sheet.append(["id", "name", "role", *headings, "BAF risk", "PA notes"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


DOF = ["Deliver the £9.8m efficiency programme", "Cut agency spend by 20%", "Break even"]
COO = ["Cut bed days lost to delays", None, "Reduce ambulance handover delays"]


@pytest.mark.parametrize(
    "headings",
    [
        ["Objective 1", "Objective 2", "Objective 3"],
        ["Objective 1 2026/27", "Objective 2 2026/27", "Objective 3 2026/27"],
        ["Obj 1", "Obj 2", "Obj 3"],
        ["Priority 1", "Priority 2", "Priority 3"],
        ["Objective #1", "Objective #2", "Objective #3"],
    ],
)
def test_numbered_objective_columns_are_one_directors_objectives(
    tmp_path: Path, headings: list[str]
) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        headings,
        [
            ["dof", "Martin Shaw", "Director of Finance", *DOF, "BAF 5", None],
            ["coo", "Karen Hollis", "Chief Operating Officer", *COO, "BAF 2", None],
        ],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = said(result)
    for objective in [*DOF, COO[0], COO[2]]:
        assert objective in text, text
    assert "was ignored" not in text.replace("column 'BAF risk' was ignored", "")
    assert "usually" not in text  # each director's own objectives, not the role's
    # In the order of the numbers, the blank cell skipped.
    assert text.index(DOF[0]) < text.index(DOF[1]) < text.index(DOF[2])
    assert text.index(COO[0]) < text.index(COO[2])


def test_numbered_columns_read_in_the_order_of_their_numbers(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Objective 2", "Objective 1"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[1], DOF[0], None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet, "--json")
    assert result.exit_code == 0, result.output
    assert result.output.index(DOF[0]) < result.output.index(DOF[1])


def test_numbered_concerns_are_the_concerns(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role", "objectives", "Concern 1", "Concern 2"])
    sheet.append(["dof", "Martin Shaw", "Director of Finance", DOF[0], "Cash", "The deficit"])
    book.save(tmp_path / "team.xlsx")
    from pitchkit.facts.directors import load_directors

    loaded = load_directors(tmp_path / "team.xlsx")
    [director] = loaded.directors
    assert director.concerns == ["Cash", "The deficit"]
    assert not loaded.warnings


def test_all_blank_numbered_objectives_name_the_first_column(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Objective 1", "Objective 2"],
        [
            ["dof", "Martin Shaw", "Director of Finance", None, None, None, None],
            ["coo", "Karen Hollis", "Chief Operating Officer", COO[0], None, None, None],
        ],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    assert f"{sheet}:row 3: column Objective 1: empty: Martin Shaw's note" in said(result)


def test_a_truly_unknown_column_is_still_refused(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["Goals"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[0], None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 1
    assert "column 'Goals' is not one pitchkit reads" in said(result)


def test_numbered_priorities_beside_an_objectives_column_are_ignored(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team.xlsx",
        ["objectives", "Priority 1"],
        [["dof", "Martin Shaw", "Director of Finance", DOF[0], "Cash first", None, None]],
    )
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = said(result)
    assert "column 'Priority 1' was ignored" in text
    assert "Cash first" not in text


# ---------------------------------------------------------------- findings located (#11)


def test_a_finding_about_a_director_from_a_sheet_names_the_sheet_and_row(tmp_path: Path) -> None:
    sheet = numbered_team(
        tmp_path / "team1.xlsx",
        ["Objectives 2026/27"],
        [
            ["dof", "Martin Shaw", "Director of Finance", "\n".join(DOF), None, None],
            ["icb", "Helen Moss", "ICB Director of Urgent and Emergency Care", DOF[0], None, None],
        ],
    )
    result = run("check", FRAILTY, "--directors", sheet)
    text = said(result)
    assert "role-unmatched: pitchkit does not recognise Helen Moss's role" in text, text
    assert f"role, so it uses the general lens. where: {sheet}:row 4: column role" in text
    assert "facts.yaml:1:1" not in text
    welsh = said(run("check", FRAILTY, "--directors", sheet, "--locale", "cy_GB"))
    assert f"{sheet}:rhes 4: colofn role" in welsh


def test_a_finding_on_an_objective_from_a_sheet_names_its_row(tmp_path: Path) -> None:
    from pitchkit.advice.review import Review
    from pitchkit.facts.directors import load_directors, with_team
    from pitchkit.facts.schema import load_facts
    from pitchkit.i18n.translation import language

    critical = ROOT / "tests" / "data" / "money" / "critical-care.yaml"
    loaded = load_facts(critical)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role", "objectives"])
    for director in loaded.facts.directors:
        objectives = "\n".join(o.text for o in director.objectives)
        sheet.append([director.id, director.name, director.role, objectives])
    path = tmp_path / "team.xlsx"
    book.save(path)
    team = load_directors(path)
    loaded = with_team(loaded, team.directors, team.former_ids, team=team, lang="en")
    start = loaded.facts.project.start
    review = Review(loaded, None, lambda: None, today=start, lang=language("en"))
    assert review.where("directors", 0, "objectives", 1) == f"{path}:row 2: column objectives"
    assert review.where("directors", 1) == f"{path}:row 3"
    assert review.where("impacts", 0, "measure").startswith(str(critical))
