"""A financial year is over for the money block once the project has ended (review11, F2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.facts.project import open_project
from pitchkit.i18n.translation import language
from pitchkit.notes.context import money_context
from pitchkit.recast.pitch import recast

YSBYTY = Path(__file__).resolve().parents[1] / "examples" / "ysbyty-cymunedol" / "facts.yaml"


def finance_lines(day: dt.date) -> str:
    """The finance director's money block for the Welsh example, in English, on ``day``."""
    facts = open_project(YSBYTY, locale="en_GB").facts
    director = next(d for d in facts.directors if d.id == "dof")
    return " ".join(money_context(recast(facts, director, today=day), language("en_GB"))["lines"])


def test_a_year_the_project_ended_in_shows_what_the_log_delivered() -> None:
    # The project ends on 31 December 2027; its log runs to October 2027.
    after = finance_lines(dt.date(2028, 2, 1))
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2027/28 £82,000 delivered against £74,000" in after
    assert "no figure for November 2027 and December 2027" in after
    assert "forecast" not in after
    # While the project still runs, the year under way is a forecast: what the log delivered
    # to October (£82,000 over April to October's 214 days) and November and December at
    # that rate (61 days: £23,400), not £164,000 at the full rate.
    during = finance_lines(dt.date(2027, 11, 15))
    assert (
        "2027/28 £106,000 forecast against £74,000 (£82,000 delivered to the end of "
        "October 2027, "
        # fixbrief28: the rest as a sum: £82,247 delivered, £105,746 in all, so £23,499 for
        # November and December (£11,750 a month), and £82,000 + £24,000 = £106,000 as shown.
        "then £24,000 at the average so far, about £12,000 a month, to the project's end on "
        "31 December 2027)"
    ) in during
    assert "£164,000" not in during


def test_a_run_of_periods_with_no_figure_reads_as_one_span() -> None:
    from pitchkit.notes.moneytext import _gaps
    from pitchkit.period import parse_period

    months = [f"2027-{m:02d}" for m in range(5, 13)] + ["2028-01", "2028-02", "2028-03", "2028-06"]
    periods = [parse_period(text) for text in months]
    assert _gaps(periods, language("en_GB")) == "May 2027 to March 2028 and June 2028"
    assert _gaps(periods[:2], language("en_GB")) == "May 2027 and June 2027"
    assert _gaps(periods, language("cy_GB")).startswith("Mai 2027 – Mawrth 2028")
