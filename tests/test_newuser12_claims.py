"""Updates and briefs claim only what the log shows (newuser12 items 1, 3, 4, 5, 8 and 10).

The discharge lounge (``tests/data/newuser12/lounge``, a trial on 5 December
2026) keeps its figures month by month in ``log.xlsx``, April 2025 to
November 2026, the change in November 2025:

- agency nurse shifts 118 to 124 before the change and 117 to 125 after it,
  but for one month (68 in March 2026): the finance director's note had
  headlined £308,000 a year of cash and counted 2025/26 as delivered on that
  month, and the update's sentence for the board had said "it has delivered
  a reduction of 32", beside a table that calls the measure "worsening";
- discharges before midday, higher better, 14 to 15% before and 9 to 11%
  for the 13 months after: the table had read "within normal variation",
  with its chart left out, and with one good month (31% in November 2026,
  ``log-onemonth-target.xlsx``) "improving";
- a quarter, 2026-Q3, that the spreadsheet has all three months of, had been
  a blank fill-in, and 2026-Q4 (not over) said the spreadsheet had its
  figures when it has October and November only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.api.plan import CheckRequest, check
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.api.update import UpdateRequest, write_update
from pitchkit.i18n.messages import render
from pitchkit.notes.preview import plain_preview

DATA = Path(__file__).resolve().parent / "data" / "newuser12"
LOUNGE = DATA / "lounge" / "facts.yaml"
NOLOG = DATA / "lounge" / "facts-nolog.yaml"
TEAM = DATA / "lounge" / "team.xlsx"
ONE_MONTH = DATA / "lounge" / "log-onemonth-target.xlsx"
AHEAD = DATA / "lounge" / "log-ahead.xlsx"
CYMRU = DATA / "cymru" / "ffeithiau.yaml"
TIM, LOG_CY = DATA / "cymru" / "tim.csv", DATA / "cymru" / "log.csv"
TODAY = dt.date(2026, 12, 5)
AGENCY = "Agency nurse shifts to staff the medical escalation ward"
NOON = "Adult inpatients discharged before midday"


def note(
    facts: Path,
    director: str,
    *,
    team: Path | None = TEAM,
    kind: str = "brief",
    period: str | None = None,
    measures: Path | None = None,
) -> str:
    request = PreviewRequest(
        facts=facts,
        director=director,
        directors=team,
        kind=kind,
        period=period,
        today=TODAY,
        measures=measures,
    )
    result = preview(request)
    return plain_preview(result.preview, result.lang)


def row(text: str, measure: str) -> str:
    """The table row of ``measure``."""
    return next(line for line in text.splitlines() if line.strip().startswith(f"{measure} |"))


def test_one_good_month_is_no_cash_for_the_plan() -> None:
    """Item 1: the brief's cash line and 2025/26 follow the chart, not March's 68."""
    text = " ".join(note(LOUNGE, "dof").split())
    assert "cash for the financial plan: £308,000" not in text
    assert "the plan counts £307,000 a year of cash (730 fewer shifts a year), but the" in text
    # The months past the trial limits (117, 68 and 117) are named, not counted (newuser13 #1).
    assert (
        "So far the log's figures, to the end of November 2026, show 3 better months (January "
        "2026, March 2026 and September 2026), not yet a sustained change, so no money" in text
    )
    # 2025/26 counts nothing for the agency shifts: £257,000, as with March at 121.
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2025/26 £257,000 delivered against £70,000" in text
    # The statement above says the agency shifts count nothing yet, so the full page gives
    # up the block's "nothing counted for agency nurse shifts …, whose chart does not show
    # the change" before a statement (reader26 #2).
    assert (
        "nothing counted for agency nurse shifts to staff the medical escalation ward, whose "
        "chart does not show the change" not in text
    )


def test_one_good_month_is_not_delivered_in_the_update() -> None:
    """Item 1: the board sentence claims no agency shifts, in the month or the quarter."""
    for period in (None, "2026-Q3"):
        text = " ".join(note(LOUNGE, "dof", kind="update", period=period).split())
        assert "reduction of 32" not in text
        assert "reduction of 23" not in text
        assert "in agency nurse shifts" not in text
    month = note(LOUNGE, "dof", kind="update")
    assert row(month, AGENCY).endswith("| worsening")
    assert "worse than at the baseline: its chart shows a change the wrong way" in month


def test_a_sustained_fall_is_not_normal_variation() -> None:
    """Item 3: 13 months below the baseline read as worse, and the chart is shown."""
    text = note(LOUNGE, "coo", kind="update")
    assert row(text, NOON).endswith(
        "| within normal variation, at a worse level than before the change"
    )
    assert f"{NOON} (XmR chart)" in text
    assert "a sustained shift (13 months below the mean before it, concern)" in text


def test_one_good_month_after_a_fall_is_not_improving() -> None:
    """Item 3: 31% after a year at 9 to 11% is one better figure, not "improving"."""
    text = note(LOUNGE, "coo", kind="update", measures=ONE_MONTH)
    assert row(text, NOON).endswith("| one better figure, after a sustained shift to a worse level")
    assert f"{NOON} (XmR chart)" in text


def test_the_finance_directors_update_charts_her_worse_measure() -> None:
    """Item 3: the measure "What this has delivered" calls worse has its chart."""
    text = note(LOUNGE, "dof", kind="update")
    assert f"{AGENCY} (XmR chart)" in text


def test_a_quarter_is_built_from_the_spreadsheets_months() -> None:
    """Item 4: 2026-Q3's figures come from July, August and September."""
    text = note(LOUNGE, "dof", kind="update", period="2026-Q3")
    assert "[figure for July to September 2026]" not in row(text, AGENCY)
    assert "| 365 shifts (July to September 2026) |" in row(text, AGENCY)
    assert "555 bed days (July to September 2026)" in text  # 185 x 3
    assert "10.7% (average, July to September 2026)" in row(text, NOON)
    assert "[improving, worsening or within normal variation]" not in text
    assert "The charts are drawn once the figures for July to September 2026" not in text
    assert "(XmR chart)" in text
    assert row(text, AGENCY).endswith("| one better figure, not yet a sustained change")


def test_a_welsh_quarter_is_built_too() -> None:
    """Item 4, in Welsh: the continence service's 2026-Q3 from its months."""
    text = note(CYMRU, "pw", team=TIM, kind="update", period="2026-Q3", measures=LOG_CY)
    assert "1,117 cyflenwad (Gorffennaf i Fedi 2026)" in text  # 380 + 372 + 365
    assert "64 plant (fel yr oedd ym mis Medi 2026)" in text
    assert "[ffigur ar gyfer Gorffennaf i Fedi 2026] | Dim ffigurau wedi'u cofnodi eto" in text


def _warned(period: str, tmp_path: Path) -> str:
    request = UpdateRequest(
        facts=LOUNGE, director="dof", directors=TEAM, period=period, out=tmp_path, today=TODAY
    )
    return " ".join(render(w) for w in write_update(request).warnings)


def test_a_quarter_under_way_names_the_months_it_has(tmp_path: Path) -> None:
    """Item 4: 2026-Q4 names October and November, not "the figures for October to December"."""
    said = _warned("2026-Q4", tmp_path)
    assert "has the figures for October to December 2026" not in said
    assert "has figures for October 2026 and November 2026 only" in said
    assert "has the figures for July to September 2026" in _warned("2026-Q3", tmp_path)


def test_one_unit_cost_one_figure() -> None:
    """Item 5: 730 x £421 is £307,000 in the statement and in the cash line, log or none."""
    text = " ".join(note(NOLOG, "dof").split())
    assert "worth £307,000 a year" in text
    assert "cash for the financial plan: £307,000 a year (730 fewer shifts a year)" in text
    assert "£308,000" not in text
    assert "Not the trust's cash: £58,000 a year" in text


def test_a_row_dated_ahead_is_named() -> None:
    """Item 8: the January 2027 row is a warning in check and preview."""
    request = CheckRequest(facts=LOUNGE, directors=TEAM, today=TODAY, measures=AHEAD)
    said = " ".join(render(w) for w in check(request).warnings)
    assert "row 22: January 2027 is dated after today (5 December 2026): a typo?" in said
    shown = preview(
        PreviewRequest(facts=LOUNGE, director="coo", directors=TEAM, today=TODAY, measures=AHEAD)
    )
    assert any("January 2027 is dated after today" in render(w) for w in shown.warnings)
    # The spreadsheet as kept, every row over by today, says nothing of the kind.
    kept = check(CheckRequest(facts=LOUNGE, directors=TEAM, today=TODAY))
    assert not any("dated after today" in render(w) for w in kept.warnings)


def test_a_measures_spreadsheet_keeps_the_sponsor_informed() -> None:
    """Item 10: 'measures: log.xlsx' is a plan to keep the sponsor informed."""
    found = check(CheckRequest(facts=LOUNGE, directors=TEAM, today=TODAY)).findings
    assert not any(f.rule == "no-keep-informed" for f in found)
    none = check(CheckRequest(facts=NOLOG, directors=TEAM, today=TODAY)).findings
    assert any(f.rule == "no-keep-informed" for f in none)
