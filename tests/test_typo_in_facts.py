"""A figure far outside its measure's others in the facts file's ``updates:`` (a typo).

The warning was for spreadsheet cells only: 1,740 typed for 174 in the facts
file's own progress log went to the sponsor without a word. ``check`` and
``update`` now name it at its ``file:line:col``, and ``update`` says again,
beside "Wrote ...", that it used it and how to put it right.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from icbcases import hubs
from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent

UPDATES = """\
updates:
  - period: 2026-07
    status: green
    measures: {{admissions: 192}}
  - period: 2026-08
    status: green
    measures: {{admissions: 186}}
  - period: 2026-09
    status: green
    measures: {{admissions: 190}}
  - period: 2026-10
    status: green
    measures: {{admissions: {october}}}
    summary: Fewer admissions than a year ago.
"""


def run(tmp_path: Path, *args: str, october: str = "1760") -> list[str]:
    facts = tmp_path / "facts.yaml"
    facts.write_text(hubs(more=UPDATES.format(october=october)), encoding="utf-8")
    result = CliRunner().invoke(app, [args[0], str(facts), *args[1:]])
    assert result.exit_code == 0, result.output
    shown = [" ".join(line.split()) for line in result.output.splitlines() if line.strip()]
    return [line for line in shown if not line.startswith("Made the folder")]


def place(tmp_path: Path) -> str:
    """``facts.yaml:line:col`` of October's admissions figure, found in the file itself."""
    lines = (tmp_path / "facts.yaml").read_text(encoding="utf-8").splitlines()
    row = next(n for n, line in enumerate(lines, 1) if "admissions: 1760" in line)
    column = lines[row - 1].index("1760") + 1
    return f"{tmp_path / 'facts.yaml'}:{row}:{column}"


def test_check_names_the_figure_at_its_line_and_column(tmp_path: Path) -> None:
    lines = run(tmp_path, "check")
    assert (
        f"warning: {place(tmp_path)}: 1,760 for admissions in October 2026 is more than 3 "
        "times the largest of its other figures, baseline and target (192): a typo? It is "
        "used as it stands"
    ) in lines, lines


def test_update_says_it_used_the_figure_beside_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lines = run(tmp_path, "update", "-d", "cmo", "--period", "2026-10", "--out", str(out))
    wrote = next(n for n, line in enumerate(lines) if line.startswith("Wrote "))
    assert lines[wrote - 1] == (
        f"warning: {place(tmp_path)}: the update uses 1,760 for admissions in October 2026 "
        "as it stands. If it is a typo, correct it in the facts file and run update again "
        "with --force to replace the update."
    )
    # Corrected in the facts file and run again with --force: no warning.
    again = run(
        tmp_path,
        "update",
        "-d",
        "cmo",
        "--period",
        "2026-10",
        "--out",
        str(out),
        "--force",
        october="176",
    )
    assert not any("typo" in line for line in again)
    assert any(line.startswith("Wrote ") for line in again)


def test_in_welsh_too(tmp_path: Path) -> None:
    lines = run(tmp_path, "check", "--locale", "cy_GB")
    assert any(
        "mae 1,760 ar gyfer admissions (Hydref 2026) yn fwy na 3 gwaith" in line for line in lines
    ), lines


def test_no_bundled_example_has_a_figure_far_outside_in_its_facts() -> None:
    from pitchkit.facts.project import open_project
    from pitchkit.notes.outliers import facts_place, far_outside

    checked = 0
    for path in sorted([*ROOT.glob("examples/**/*.yaml"), *ROOT.glob("tests/data/**/*.yaml")]):
        try:
            project = open_project(path)
        except Exception:  # a file meant to be refused, or one needing its team
            continue
        checked += any(update.measures for update in project.facts.updates)
        assert far_outside(project.facts, None, facts_place(project)) == [], path
    assert checked >= 10
