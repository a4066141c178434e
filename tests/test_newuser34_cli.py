"""newuser34: what the command line says about dates, director ids and their case.

Each test runs the real command (typer's CliRunner) and reads what the user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join((result.output + result.stderr).split())


@pytest.mark.parametrize(
    ("cell", "example"),
    [
        ("11/26", "as 11/2026 or 2026-11"),
        ("04/28", "as 04/2028 or 2028-04"),
        ("3/27", "as 3/2027 or 2027-03"),
        ("25/11", "as 11/YYYY or YYYY-11"),
    ],
)
def test_a_dates_example_is_the_users_own_month(tmp_path: Path, cell: str, example: str) -> None:
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"Month,admissions\n{cell},77\n", encoding="utf-8")
    code, shown = run("check", str(FRAILTY), "--measures", str(sheet))
    assert code == 1
    assert f"'{cell}'" in shown
    assert example in shown
    assert "10/2025" not in shown


# --- item 3: ids in capitals in a team sheet are the same ids --------------------------------

TEAM_CSV = ROOT / "examples" / "frailty-virtual-ward" / "directors.csv"


def facts_for_the_team(tmp_path: Path, *, excludes: str = "") -> Path:
    """The frailty facts with no directors of their own, linking to the team sheet's objectives."""
    text = FRAILTY.read_text(encoding="utf-8")
    start, end = text.index("\ndirectors:\n"), text.index("\nupdates:\n")
    text = text[:start] + text[end:]
    text = text.replace("supports: [dof.cip]", "supports: [dof.cost-improvement]")
    text = text.replace(
        "supports: [coo.occupancy, don.harm-free]", "supports: [coo.bed-occupancy]" + excludes
    )
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def capital_ids(tmp_path: Path, suffix: str) -> Path:
    """The frailty team sheet with ids DOF and Coo, as a .csv, .xlsx or .yaml file."""
    import csv

    with TEAM_CSV.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        row[0] = {"dof": "DOF", "coo": "Coo"}.get(row[0], row[0])
    path = tmp_path / f"team.{suffix}"
    if suffix == "csv":
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    elif suffix == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(path)
    else:
        path.write_text(
            "directors:\n"
            "  - id: DOF\n"
            "    name: Helen Marsh\n"
            "    role: Director of Finance\n"
            "    objectives:\n"
            "      - {id: cost-improvement, text: Deliver the £14m cost improvement programme}\n"
            "      - {id: agency-spend, text: Reduce agency spend by 30% against 2024/25}\n"
            "  - id: Coo\n"
            "    name: Tom Okafor\n"
            "    role: Chief Operating Officer\n"
            "    objectives:\n"
            "      - {id: bed-occupancy, text: Keep bed occupancy below 92%}\n",
            encoding="utf-8",
        )
    return path


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "yaml"])
def test_a_team_sheets_capital_ids_match_the_facts_links(tmp_path: Path, suffix: str) -> None:
    facts = facts_for_the_team(tmp_path)
    team = capital_ids(tmp_path, suffix)
    code, shown = run("directors", str(facts), "--directors", str(team))
    assert code == 0, shown
    assert "no director has the id" not in shown
    assert "Helen Marsh (DOF)" in shown
    assert "DOF.cost-improvement: Deliver the £14m cost improvement programme" in shown
    for asked in ("dof", "DoF", "DOF"):
        code, shown = run("preview", str(facts), "--directors", str(team), "-d", asked)
        assert code == 0, shown
        assert "Helen Marsh" in shown


def test_an_excludes_link_in_other_capitals_is_obeyed(tmp_path: Path) -> None:
    team = capital_ids(tmp_path, "csv")
    plain = facts_for_the_team(tmp_path)
    code, before = run("directors", str(plain), "--directors", str(team))
    assert code == 0, before
    assert "[DOF.agency-spend]" in before  # offered before it is ruled out
    facts = facts_for_the_team(tmp_path, excludes="\n    excludes: [Dof.Agency-Spend]")
    code, shown = run("directors", str(facts), "--directors", str(team))
    assert code == 0, shown
    assert "[DOF.agency-spend]: measure map" not in shown


# --- item 2: an unknown id is matched by the role it names before its spelling ---------------


@pytest.mark.parametrize(
    ("asked", "meant"),
    [
        ("cfo", "'dof' (Helen Marsh, Director of Finance)"),
        ("fd", "'dof' (Helen Marsh, Director of Finance)"),
        ("cno", "'don' (Ruth Adeyemi, Chief Nurse and Director of Nursing)"),
        ("cmo", "'md' (Dr James Whitfield, Medical Director)"),
        ("cpo", "'dow' (Mark Bennett, Director of Workforce and Organisational Development)"),
    ],
)
def test_a_role_id_suggests_the_director_with_that_role(
    tmp_path: Path, asked: str, meant: str
) -> None:
    facts = facts_for_the_team(tmp_path)
    code, shown = run("preview", str(facts), "--directors", str(TEAM_CSV), "-d", asked)
    assert code == 1
    assert f"no director has the id '{asked}': did you mean {meant}?" in shown


def test_a_role_no_one_has_suggests_no_one_a_letter_away() -> None:
    # The frailty file has dof, coo, don and md: 'cpo' (people) is not 'coo' (operations).
    code, shown = run("preview", str(FRAILTY), "-d", "cpo")
    assert code == 1
    assert "no director has the id 'cpo': choose one of" in shown
    assert "did you mean" not in shown
    code, shown = run("preview", str(FRAILTY), "-d", "dfo")  # a slip: spelling still helps
    assert "did you mean 'dof'?" in shown


def test_a_links_role_id_suggests_the_director_with_that_role(tmp_path: Path) -> None:
    facts = facts_for_the_team(tmp_path)
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("dof.cost-improvement", "cfo.cost-improvement")
    )
    code, shown = run("directors", str(facts), "--directors", str(TEAM_CSV))
    assert code == 1
    assert "no director has the id 'cfo': did you mean 'dof'?" in shown
