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
