"""What a new user found in an ICB's progress updates and their money (newuser34).

An ICB-hosted High Intensity Use service: A&E attendances by the people supported fell
every month from 402 in April 2026 to 326 in November, with only 4 months logged before
the change in April; emergency admissions only vary; a PAM score is logged each quarter.
The facts, figures and team sheet are the trial's own (tests/data/fixnew34).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from documenttext import document_text
from icbcase import TODAY, copy_project, update
from pitchkit.api import UpdateRequest, write_update


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


# ------------------------------------------------------------- 1. where the limits come from


def test_the_small_print_says_where_the_limits_come_from_as_the_chart_does(
    project: Path,
) -> None:
    text = update(project, "dof")
    assert "Limits from the 8 months since the change in April 2026" in text
    # The small print said "before the change" under a chart whose limits came from after it.
    assert "moving range before the change" not in text
    assert (
        "mean ± 2.66 × the mean moving range, from the points since the change (too few came "
        "before it for a baseline)"
    ) in text
    # No run chart is on the page, so the small print does not describe one.
    assert "Run charts" not in text


def test_a_point_beyond_limits_made_from_a_trend_is_not_a_second_finding(project: Path) -> None:
    # The limits come from the 8 falling months themselves: November's 326, just below the
    # lower limit of 327.2, and April's 402 above the upper one are the ends of that trend.
    text = update(project, "dof")
    assert "These limits come from figures that are themselves a trend" in text
    assert "a trend of 8 months falling (improvement), April to November 2026" in text
    # fixupd28: the trend's note names its points beyond the limits, as part of the trend;
    # no signal line reports them.
    assert (
        "These limits come from figures that are themselves a trend, so the points beyond them "
        "within it (April 2026, above the upper limit; November 2026, below the lower limit) "
        "are part of that trend, not separate signals."
    ) in text
    assert "Signal: a trend of 8 months falling (improvement), April to November 2026. " in text
    assert text.count("below the lower limit") == 1
    assert text.count("above the upper limit") == 1
    assert "now shows 1 point below the lower limit" not in text
    # Nor does the assurance note say the figures improved beyond their limits.
    assert "improved beyond their limits" not in text
    assert "No assurance icon until limits can be made from figures that have settled." in text


# ------------------------------------------------------- 2. a draft's forecast at full rate


def test_a_forecast_at_the_plans_full_rate_is_that_rate_times_the_months_left(
    project: Path,
) -> None:
    # A June draft written in December: its 7 admissions figures are too few for a chart, so
    # nothing is counted to June and July to March is forecast at the plan's full rate. The
    # log read in December (8 figures, a chart showing nothing) forecast £0, and the row read
    # "at the plan's full rate (£0 for 2026/27)".
    text = update(project, "cmo", "2026-06")
    found = re.search(
        r"the rest of the year at the plan's full rate \(£([\d,]+) for 2026/27: "
        # fixfit44: £2,115.64 at the 2.62% the note gives (was £2,115.62).
        r"274 of the year's 365 days at £736,243 a year\)",
        text,
    )
    assert found, text
    # 29 admissions a month at £2,115.64 (2016/17 restated), July to March: 274 of 365 days,
    # as the brief's years count them; the row says so (reader24 #4).
    assert int(found[1].replace(",", "")) == round(29 * 12 * 2115.64 * 274 / 365, -3)


# ------------------------------------------------ 3. whose money, and against the funding


def test_the_board_sentence_keeps_whose_money_it_is(project: Path) -> None:
    # `payer: trust`: A&E attendances avoided free time in the acute trust's emergency
    # department, which the brief says is "not money for the ICB". The sentence an ICB
    # finance director pastes into an ICB board report said only "worth £80,000 in capacity".
    text = update(project, "dof")
    assert (
        "a reduction of 351 in A&E attendances by the people supported (worth £80,000 of time "
        "freed in the emergency department at 2026/27 prices, not money for the ICB) between "
        "April and November 2026"
    ) in text
    assert "£80,000 in capacity" not in text


def test_the_finance_directors_update_weighs_the_benefit_against_the_funding(
    project: Path,
) -> None:
    text = update(project, "dof")
    assert (
        "Benefit against £186,000 of funding, counting capacity as if it were cash: 2026/27 "
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        # fixbrief29: one year's funding is said once, in the lead, not again after the year.
        # £80,000 delivered + £40,000 (4 months at about £10,000) = £120,000.
        "£120,000 forecast (£80,000 delivered to the end of November 2026, then £40,000 at "
        "the average so far, about £10,000 a month;"
    ) in text
    assert "forecast against £186,000" not in text
    # fixbrief28: per £1 from the figures shown, £120,000 / £186,000 = 0.645 -> 65p.
    assert "a net cost of £66,000; not paid back within the project; 65p per £1." in text
    # Only the finance director's, as in the brief; and not beside an earlier period's figures.
    assert "Benefit against" not in update(project, "cmo")
    assert "Benefit against" not in update(project, "dof", "2026-06")


# ------------------------------------------------------- 4. direction from the SPC reading


def _direction(text_lines: list[str], measure: str) -> str:
    [row] = [line for line in text_lines if line.startswith(measure) and " | " in line]
    return row.rsplit(" | ", 1)[-1]


def update_lines(facts: Path, director: str, period: str | None = None) -> list[str]:
    request = UpdateRequest(
        facts=facts,
        director=director,
        period=period,
        out=facts.parent / f"lines-{director}-{period}",
        directors=facts.parent / "team.xlsx",
        today=TODAY,
    )
    [path] = write_update(request).written
    return document_text(path.read_bytes()).splitlines()


def test_the_direction_comes_from_the_chart_or_is_too_early_to_say(project: Path) -> None:
    # June: 7 monthly figures, too few for a chart. Admissions of 113 after May's 120 read
    # "better than May 2026", a month-to-month wobble the chart later calls normal variation.
    june = update_lines(project, "cmo", "2026-06")
    assert _direction(june, "Emergency admissions of the people supported") == "too early to say"
    assert _direction(june, "A&E attendances by the people supported") == "too early to say"
    assert not [line for line in june if "better than May 2026" in line]
    # November: the charts read the latest point.
    november = update_lines(project, "dof")
    assert _direction(november, "A&E attendances by the people supported") == "improving"
    admissions = _direction(november, "Emergency admissions of the people supported")
    assert admissions == "within normal variation"
    assert _direction(november, "Patient Activation Measure score") == "too early to say"


# ----------------------------------------------------- 5. the next update after a draft


def test_a_draft_for_a_past_period_names_the_update_that_follows_it(project: Path) -> None:
    # A June draft written on 6 December: "31 December 2026" was a month after neither.
    june = update_lines(project, "cmo", "2026-06")
    # fixread31a #4: named by what it covers; early August is long past, so it is due now.
    assert "Next update | covering July 2026, due now" in june
    # November's update, reported on 4 December, keeps the log's rhythm: a month later.
    november = update_lines(project, "dof")
    assert "Next update | 4 January 2027" in november


# ------------------------------------------- 6. a quarterly measure counted in its figures


def test_a_quarterly_measure_is_counted_in_its_own_figures(project: Path) -> None:
    # The PAM score is logged in December, March, June and September: 4 figures, where a
    # chart needs 8. "A chart needs 8 months and there are 4 so far" read as half there.
    text = update(project, "dof")
    assert (
        "No chart yet for Patient Activation Measure score, cohort average: a chart needs 8 "
        "figures (8 quarters) and there are 4 so far."
    ) in text
    assert "a chart needs 8 months and there are 4" not in text
