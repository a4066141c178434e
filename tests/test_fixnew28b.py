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

