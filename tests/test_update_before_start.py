"""An update for a period before the project starts: its table says so, not progress.

The figures logged before the start are the baseline's: a bare "better than
July 2025" or "not yet better than baseline" would read as the project's doing.
Each test runs ``pitchkit update`` as a user would and reads the document back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

FACTS = """\
project:
  title: Food challenge unit
  organisation: Example NHS Trust
  problem: Too few supervised food challenges.
  change: A nurse-led day unit.
  start: 2026-01-05
  end: 2027-03-31
impacts:
  - id: challenges
    measure: Supervised food challenges completed
    unit: challenges
    per: month
    baseline: 12
    target: 40
    better: higher
    source: Day unit log, 2025
directors:
  - id: coo
    name: Dan Okoro
    role: Chief Operating Officer
    objectives:
      - {id: activity, text: Deliver 107% of 2019/20 elective activity}
updates:
  - {period: 2025-07, date: 2025-08-08, status: green, summary: Kept, measures: {challenges: 11}}
  - {period: 2025-08, date: 2025-09-08, status: green, summary: Kept, measures: {challenges: 12}}
  - {period: 2026-01, date: 2026-02-08, status: green, summary: Started, measures: {challenges: 15}}
"""


def row(text: str) -> str:
    [found] = [line for line in text.splitlines() if line.startswith("Supervised food")]
    return found


@pytest.mark.parametrize(
    ("locale", "before", "direction"),
    [
        # Too few figures for a chart: no month-on-month direction (newuser34 #9).
        ("en_GB", "before the change", "before the change"),
        ("cy_GB", "cyn y newid", "cyn y newid"),
    ],
)
def test_a_period_before_the_start_says_before_the_change_in_both_columns(
    cli: Callable[..., Result], tmp_path: Path, locale: str, before: str, direction: str
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS, encoding="utf-8")
    out = tmp_path / "u.docx"
    result = cli(
        "update", str(facts), "-d", "coo", "--period", "2025-08", "--locale", locale, "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    cells = [cell.strip() for cell in row(document_text(out.read_bytes())).split("|")]
    # How far along is the baseline's own; the direction is said to be before the change.
    assert cells[-2:] == [before, direction]
    assert "not yet better than baseline" not in cells
    # Once the project has started, the row reads progress again.
    later = tmp_path / "later.docx"
    started = cli(
        "update",
        str(facts),
        "-d",
        "coo",
        "--period",
        "2026-01",
        "--locale",
        locale,
        "-o",
        str(later),
    )
    assert started.exit_code == 0, started.stderr
    assert before not in row(document_text(later.read_bytes()))
