"""A director's objectives are their own or plainly not (newuser22 #1, #2, #5).

Each test writes a real team workbook with openpyxl, as a PA would, runs the
command line on it and reads back the text a lead sees.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.directors import _column_key

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
DOF_OWN = "Deliver the £14m cost improvement programme for 2027/28"


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def team(path: Path, heading: str = "objectives", dof_objectives: str | None = DOF_OWN) -> Path:
    """A PA's team sheet: a title row, a blank row, then the header in row 3."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Executive team 2027/28"])
    sheet.append([])
    sheet.append(["Name", "Role", "id", heading, "Date in post"])
    sheet.append(["Helen Marsh", "Director of Finance", "dof", dof_objectives, "2022-01-10"])
    sheet.append(
        ["Tom Okafor", "Chief Operating Officer", "coo", "Cut bed days lost to delays", None]
    )
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("Objectives 2026/27", "objectives"),
        ("Objectives (2026-27)", "objectives"),
        ("2026/27 objectives", "objectives"),
        ("FY27 objectives", "objectives"),
        ("Key objectives", "objectives"),
        ("Objective", "objectives"),
        ("Concerns / risks", "concerns"),
        ("Email (work)", "email"),
        ("Objectives (en)", "objectives_en"),
        ("Name and role", "name_and_role"),
        ("Date in post", "date_in_post"),
    ],
)
def test_a_dated_or_qualified_header_names_its_column(header: str, column: str) -> None:
    assert _column_key(header) == column


def test_a_dated_objectives_heading_is_read_as_the_objectives(tmp_path: Path) -> None:
    sheet = team(tmp_path / "team.xlsx", heading="Objectives 2027/28")
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "Objectives 2027/28" not in text  # no "was ignored" warning
    assert "usually" not in text
    assert DOF_OWN in text


@pytest.mark.parametrize("heading", ["Goals", "Objectves 2027/28", "Amcanion"])
def test_a_heading_that_looks_like_the_objectives_is_refused(tmp_path: Path, heading: str) -> None:
    sheet = team(tmp_path / "team.xlsx", heading=heading)
    out = tmp_path / "notes"
    result = run("batch", FRAILTY, "--directors", sheet, "--out", out)
    assert result.exit_code == 1
    assert (
        f"{sheet}:D3: column '{heading}' is not one pitchkit reads, and there is no objectives "
        f"column, so no director's own objectives would be used: rename '{heading}' to "
        "'objectives'"
    ) in " ".join(result.output.split())
    assert not out.exists()


def test_the_refusal_in_welsh(tmp_path: Path) -> None:
    sheet = team(tmp_path / "team.xlsx", heading="Goals")
    result = run("directors", FRAILTY, "--directors", sheet, "--locale", "cy_GB")
    assert result.exit_code == 1
    assert "nid yw pitchkit yn darllen y golofn 'Goals'" in " ".join(result.output.split())


def test_a_blank_objectives_cell_warns_and_the_note_never_claims_them(tmp_path: Path) -> None:
    sheet = team(tmp_path / "team.xlsx", dof_objectives=None)
    result = run("preview", FRAILTY, "--directors", sheet, "-d", "dof")
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    warning = (
        f"{sheet}:row 4: column objectives: empty: Helen Marsh's note will say what their role "
        "usually answers for, not objectives of their own: write their objectives here, one a line"
    )
    assert text.count(warning) == 1
    assert "This project will help you" not in text
    assert "will help with an objective your role usually holds (we do not have your own" in text
    assert "30%" not in text  # the role's defaults carry no national targets

    welsh = run("preview", FRAILTY, "--directors", sheet, "-d", "dof", "--locale", "cy_GB")
    assert welsh.exit_code == 0, welsh.output
    cy = " ".join(welsh.output.split())
    assert "rhes 4: colofn objectives: gwag: bydd nodyn Helen Marsh" in cy
    assert "yn cyfrannu at amcan sydd gan eich rôl fel arfer" in cy


def test_a_blank_english_cell_of_a_two_language_sheet_warns_at_that_cell(tmp_path: Path) -> None:
    # With 'objectives_en' and 'objectives_cy' and no 'objectives' column, the English column
    # holds the objectives: a director with it blank is told of as in a one-language sheet.
    sheet = team(tmp_path / "team.xlsx", heading="objectives_en", dof_objectives=None)
    result = run("directors", FRAILTY, "--directors", sheet)
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert (
        f"{sheet}:row 4: column objectives_en: empty: Helen Marsh's note will say what their "
        "role usually answers for, not objectives of their own"
    ) in text
    assert "Tom Okafor's note" not in text


def test_directors_and_check_warn_and_label_the_role_defaults(tmp_path: Path) -> None:
    sheet = team(tmp_path / "team.xlsx", dof_objectives="  ")
    listing = run("directors", FRAILTY, "--directors", sheet)
    assert listing.exit_code == 0, listing.output
    text = " ".join(listing.output.split())
    assert text.count("row 4: column objectives: empty: Helen Marsh's note") == 1
    assert "Objectives a director in this role usually holds:" in text
    # The funding's status as the facts give it (requested), never "sought" (newuser22 #5).
    assert "The funding (£250,000, requested) is £250,000 or more" in text
    welsh = run("directors", FRAILTY, "--directors", sheet, "--locale", "cy_GB")
    cy = " ".join(welsh.output.split())
    assert "Amcanion sydd gan gyfarwyddwr yn y rôl hon fel arfer:" in cy
    assert "Mae'r cyllid (£250,000, " in cy
    assert "y gofynnir amdano" not in cy
    checked = run("check", FRAILTY, "--directors", sheet, "-d", "dof")
    assert "row 4: column objectives: empty" in " ".join(checked.output.split())


def test_a_sheet_without_an_objectives_column_warns_once(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "name", "role"])
    sheet.append(["dof", "Helen Marsh", "Director of Finance"])
    sheet.append(["coo", "Tom Okafor", "Chief Operating Officer"])
    path = tmp_path / "team.xlsx"
    book.save(path)
    result = run("preview", FRAILTY, "--directors", path, "-d", "dof")
    assert result.exit_code == 0, result.output
    assert " ".join(result.output.split()).count("there is no objectives column") == 1


def test_a_yaml_director_with_no_objectives_warns_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text(
        "- id: dof\n  name: Helen Marsh\n  role: Director of Finance\n"
        "- id: coo\n  name: Tom Okafor\n  role: Chief Operating Officer\n"
        "  objectives:\n    - text: Cut bed days lost to delays\n",
        encoding="utf-8",
    )
    result = run("preview", FRAILTY, "--directors", path, "-d", "dof")
    assert result.exit_code == 0, result.output
    assert (
        f"{path}:1:3: director 'dof' lists no objectives, so Helen Marsh's note will say what "
        "their role usually answers for"
    ) in " ".join(result.output.split())


def test_a_facts_file_director_with_no_objectives_warns_once(tmp_path: Path) -> None:
    text = FRAILTY.read_text(encoding="utf-8")
    start = text.index("  - id: md\n")
    cut = text.index("    objectives:\n", start)
    following = re.search(r"\n(?:  - id:|\S)", text[cut:])
    assert following is not None
    end = cut + following.start()
    facts = tmp_path / "facts.yaml"
    facts.write_text(text[:cut] + text[end + 1 :], encoding="utf-8")
    line = text[:start].count("\n") + 1
    for command in (["check", facts, "-d", "md"], ["directors", facts]):
        result = run(*command)
        assert result.exit_code == 0, result.output
        said = " ".join(result.output.split())
        assert said.count(f"{facts}:{line}:5: director 'md' lists no objectives") == 1


def test_many_directors_without_objectives_are_told_of_in_one_line(tmp_path: Path) -> None:
    # A thousand lines of the same warning would bury the one thing to do (and fill a pipe).
    path = tmp_path / "team.yaml"
    path.write_text(
        "".join(
            f"- id: d{n}\n  name: Director {n}\n  role: Chief Operating Officer\n" for n in range(6)
        ),
        encoding="utf-8",
    )
    result = run("check", FRAILTY, "--directors", path)
    text = " ".join(result.output.split())
    assert text.count("list no objectives") == 1
    assert (
        f"{path}:1:3: 6 directors list no objectives, among them Director 0, Director 1, "
        "Director 2, so their notes will say what their role usually answers for"
    ) in text
