"""fixnew35c (newuser35 #11): one rule for dates, day first as in the UK, in both files.

``01/04/2026`` was refused in the facts file ("can be read two ways") but
read as 1 April in the measures sheet. Both now read it as the UK does;
only a date that cannot be a UK date is refused, with one line saying it
looks like month/day/year and how to write it. Each test runs the command.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).parent / "data" / "fixnew35"
DOF = ["--directors", "team.csv", "--director", "dof"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv", "figures-uk.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def preview(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["preview", *args])
    return result.exit_code, result.output


def retyped(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_a_uk_date_in_the_facts_file_reads_as_its_year_first_form(project: Path) -> None:
    code, year_first = preview("facts.yaml", *DOF, "--kind", "update", "--period", "2026-11")
    assert code == 0, year_first
    retyped(project / "facts.yaml", "  start: 2026-04-01", "  start: 01/04/2026")
    code, day_first = preview("facts.yaml", *DOF, "--kind", "update", "--period", "2026-11")
    assert code == 0, day_first
    assert "read two ways" not in day_first
    assert day_first == year_first  # 1 April 2026, never 4 January


def test_a_date_that_is_no_uk_date_is_one_line_saying_how_to_write_it(project: Path) -> None:
    retyped(project / "facts.yaml", "  start: 2026-04-01", "  start: 04/13/2026")
    result = CliRunner().invoke(app, ["check", "facts.yaml", "--directors", "team.csv"])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: facts.yaml:33:10: project.start: '04/13/2026' looks like month/day/year, as "
        "American spreadsheets write it: pitchkit reads dates day first, as in the UK, so "
        "write 13/04/2026 or 2026-04-13"
    ]


def test_the_measures_sheet_reads_the_same_dates_the_same_way(project: Path) -> None:
    _, iso = preview("facts.yaml", *DOF, "--kind", "update", "--period", "2026-11")
    code, uk = preview(
        "facts.yaml", *DOF, "--kind", "update", "--period", "2026-11",
        "--measures", "figures-uk.csv",
    )  # fmt: skip
    assert code == 0, uk
    assert uk == iso


@pytest.mark.parametrize(
    ("typed", "written"),
    [("04/13/2026", "13/04/2026 or 2026-04-13"), ("04/01/2026", "01/04/2026 or 2026-04")],
)
def test_a_month_first_date_in_the_sheet_is_the_same_one_line(
    project: Path, typed: str, written: str
) -> None:
    retyped(project / "figures-uk.csv", "01/04/2026,", f"{typed},")
    code, output = preview(
        "facts.yaml", *DOF, "--kind", "update", "--period", "2026-11",
        "--measures", "figures-uk.csv",
    )  # fmt: skip
    assert code == 1
    assert f"'{typed}' looks like month/day/year" in output
    assert output.rstrip().endswith(f"so write {written}")
