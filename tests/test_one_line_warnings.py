"""A warning is one line, whatever the names in it hold.

The hostile-facts property test found a director's name typed with line breaks
("line one\\r\\nline two") splitting a warning over four lines, three of them
not starting with "warning:": a lead reading the terminal, or a script reading
its lines, takes them for something else.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pitchkit.cli import app

FACTS = """\
project:
  title: Ward rounds
  organisation: Riverside Hospitals NHS Trust
  lead: {name: Priya Shah, role: Matron}
  problem: Late discharges.
  change: Morning board rounds.
impacts:
  - id: discharges
    measure: Discharges before noon
    unit: "%"
    baseline: 12
    target: 30
    source: Ward dashboard
directors:
  - id: dof
    name: Owen Price
    role: Director of Finance
    objectives: [{id: cip, text: Deliver the cost improvement programme}]
  - id: coo
    name: "Sam\\r\\nJones\\vthe third"
    role: Chief Operating Officer
meeting: {director: dof}
"""


def test_a_name_with_line_breaks_stays_on_its_warnings_line(tmp_path: Path) -> None:
    (tmp_path / "facts.yaml").write_text(FACTS, encoding="utf-8")
    args = ["brief", str(tmp_path / "facts.yaml"), "--out", str(tmp_path / "out")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, result.output
    assert all(line.startswith("warning: ") for line in lines), lines
    assert any("Sam Jones the third" in line for line in lines), lines
