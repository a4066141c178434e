"""newuser15 #6 and #5: an update neither lists nor marks signals wholly before the change,
and "delivered" names the average before the change it is counted against.

A baseline that holds a month above its limits (or an earlier fall) is the
baseline's own variation: read as "(concern), ending March 2024" on a project
that changed things in June 2025, it looks as if something went wrong in the
project. The limits are still made from those months.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from docchecks import body_and_cells
from pitchkit.cli import app
from pitchkit.notes.update import charting

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"


def past_project(tmp: Path) -> Path:
    """The frailty example moved two years back, so that its months have all ended."""
    text = FRAILTY.read_text(encoding="utf-8").replace("2027-", "2025-").replace("2028-", "2026-")
    path = tmp / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


#: A year of admissions before the log, March 2024 far above the rest.
EARLY = [100, 102, 125, 99, 101, 100, 98, 102, 100, 99, 101, 100]
#: A year of admissions before the log, already falling.
FALLING = [124, 122, 121, 119, 117, 116, 114, 112, 110, 108, 106, 104]


def early_months(tmp: Path, figures: list[int] = EARLY) -> Path:
    """A year of admissions before the log."""
    rows = [f"2024-{month:02d},{value}" for month, value in enumerate(figures, start=1)]
    path = tmp / "early.csv"
    path.write_text("period,admissions\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def update(tmp: Path, director: str, period: str, early: list[int] = EARLY) -> list[str]:
    facts, sheet = past_project(tmp), early_months(tmp, early)
    out = tmp / f"{director}.docx"
    args = ["update", str(facts), "--measures", str(sheet), "-d", director]
    result = CliRunner().invoke(app, [*args, "--period", period, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return body_and_cells(out)


def test_a_signal_in_the_baseline_is_not_a_concern_of_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[Any] = []
    draw = charting.charts.draw

    def recording(analysis: Any, **options: Any) -> Any:
        drawn.append(analysis)
        return draw(analysis, **options)

    monkeypatch.setattr(charting.charts, "draw", recording)
    shown = update(tmp_path, "coo", "2026-03")
    caption = next(t for t in shown if t.startswith("Limits from the baseline, the 17 months"))
    assert "2024" not in caption, caption
    assert "(concern)" not in caption, caption
    assert (
        "1 signal in the months before the change is not listed or marked: it belongs to the "
        "baseline, not to the project." in caption
    )
    assert "10 points below the lower limit (improvement), June 2025 to March 2026" in caption
    assert "already improving" not in caption
    # Nor is it marked on the chart: no point of the baseline carries a signal's marker.
    admissions = next(a for a in drawn if a.baseline_points == 17)
    assert admissions.change_at is not None
    assert all(s.end >= admissions.change_at for s in admissions.signals)
    assert not any(s.improvement is False for s in admissions.signals)


def test_a_baseline_already_improving_is_said_though_its_signals_are_not_listed(
    tmp_path: Path,
) -> None:
    shown = update(tmp_path, "coo", "2026-03", FALLING)
    caption = next(t for t in shown if t.startswith("Limits from the baseline, the 17 months"))
    assert "2024" not in caption, caption
    # The baseline is itself a falling trend (newuser34 #2): a point beyond its limits within
    # that trend is part of it, not a third signal, and the words say so.
    assert "These limits come from figures that are themselves a trend" in caption
    assert (
        "2 signals in the months before the change are not listed or marked: they belong to "
        "the baseline, not to the project. Before the change, the figures were already "
        "improving." in caption
    ), caption


def test_the_finance_brief_names_the_log_average_its_delivered_years_count_against(
    tmp_path: Path,
) -> None:
    """newuser15 #5: "£347,000 delivered" is 99.4 admissions a month (the log's mean before
    the change) less those logged, at £2,116; the brief gave only the plan's 1,200 a year."""
    facts = past_project(tmp_path)
    out = tmp_path / "dof.docx"
    result = CliRunner().invoke(app, ["brief", str(facts), "-d", "dof", "-o", str(out)])
    assert result.exit_code == 0, result.output
    money = next(t for t in body_and_cells(out) if t.startswith("Benefit against"))
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2025/26 £347,000 delivered against £202,000" in money, money
    assert money.endswith(
        "Delivered is counted against the average before the change: 99.4 admissions a "
        "month (January to May 2025)."
    ), money


def test_the_update_says_whose_average_delivered_is_counted_against(tmp_path: Path) -> None:
    shown = update(tmp_path, "coo", "2026-03")
    delivered = [t for t in shown if "than before the change (an average" in t]
    assert len(delivered) == 2, shown
    assert (
        "184 admissions fewer between June 2025 and March 2026 than before the change (an "
        "average of 101.4 admissions a month, January 2024 to May 2025)" in delivered[0]
    ), delivered  # first: the row that delivered money leads (reader25 #4)
