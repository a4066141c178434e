"""newuser10's trial, items 6, 7a and 8: the finance director's money block.

Two projects of a new user (tests/data/newuser10-money), each note written
through the API on the day of the trial (5 December 2026) and read back from
the document.

- **Cash the log shows none of** (item 6). The day-of-surgery project's
  only cash impact, agency shifts, runs 60 to 85 a month against a baseline
  of 60: the statement counts no money for it. The block read "cash for the
  financial plan: £212,000 a year"; it now gives the £212,000 as the plan's,
  and says the progress log shows none of it so far.
- **Every impact counted as nothing is named** (item 7a). Its cancellations
  stay at about 40 a month against 40: the chart does not show the change,
  so 2025/26 counts nothing for them (570 bed days x £426 = £242,820, shown
  £243,000), and the year's line now says so beside the worse agency shifts.
- **The forecast to the project's end** (item 8). The early pregnancy unit
  ends on 31 December 2026: 2026/27 is £221,264 delivered to September and
  the 92 days to 31 December at that rate (£221,264 x 275 / 183 = £332,501,
  shown £333,000), said as "to the end of the project", not "the rest of the
  year".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief
from pitchkit.api.update import UpdateRequest, write_update

DATA = Path(__file__).parent / "data" / "newuser10-money"
DOSA, EPAU, EPAU_TEAM = DATA / "dosa.yaml", DATA / "epau.yaml", DATA / "epau-team.xlsx"
TODAY = dt.date(2026, 12, 5)


def brief(tmp: Path, facts: Path, team: Path | None = None, locale: str | None = None) -> str:
    """The finance director's brief, written on the trial's day, read back as text."""
    out = tmp / f"{facts.stem}-{locale}.docx"
    request = BriefRequest(
        facts=facts, director="dof", out=out, directors=team, today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    return docx_text(path)


def test_cash_the_log_shows_none_of_is_the_plans(tmp_path: Path) -> None:
    text = brief(tmp_path, DOSA)
    assert "so no money is counted for it" in text
    assert "cash for the financial plan" not in text
    assert (
        "At 2026/27 prices, the plan counts £212,000 a year of cash (40 fewer shifts a month), "
        "but the progress log shows none of it so far."
    ) in text


def test_cash_the_log_shows_none_of_in_welsh(tmp_path: Path) -> None:
    text = brief(tmp_path, DOSA, locale="cy_GB")
    assert "arian parod i'r cynllun ariannol" not in text
    assert (
        "Ym mhrisiau 2026/27, mae'r cynllun yn cyfrif £212,000 y flwyddyn o arian parod"
    ) in text
    assert "ond nid yw'r cofnod cynnydd yn dangos dim ohono hyd yma." in text


def test_every_impact_counted_as_nothing_is_named(tmp_path: Path) -> None:
    text = brief(tmp_path, DOSA)
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2025/26 £243,000 delivered against £138,000 (no figure for November 2025 and "
        "December "
        "2025; nothing counted for elective operations cancelled on the day for non-clinical "
        "reasons, whose chart does not show the change; nothing counted for agency nurse shifts "
        "on the surgical admissions ward, whose figures are worse than before the change)"
    ) in text
    # The year under way names it too, beside what the log delivered so far.
    # fixmoney27 (reader27 #5): the rate to two figures or finer, so that it multiplies back.
    # fixbrief28: the rest of the year as a sum, £212,000 = 4 x £53,000 (December to March);
    # £424,000 + £212,000 = £636,000, the year's forecast.
    assert (
        "(£424,000 delivered to the end of November 2026, then £212,000 at the average so "
        "far, about £53,000 a month; "
        "nothing counted for elective operations cancelled on the day for non-clinical reasons, "
        "whose chart does not show the change;"
    ) in text


def test_every_impact_counted_as_nothing_is_named_in_welsh(tmp_path: Path) -> None:
    text = brief(tmp_path, DOSA, locale="cy_GB")
    assert "nad yw ei siart yn dangos y newid; ni chyfrifir dim ar gyfer" in text


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        (
            None,
            "2026/27 £332,000 forecast against £28,000 (£221,000 delivered to the end "
            "of September "
            # fixmoney27 (reader27 #5): the rate to two figures or finer, so that it multiplies
            # back: £221,000 + 3 x £37,000 = £332,000. fixbrief28: the rest as a sum, £111,000.
            "2026, then £111,000 at the average so far, about £37,000 a month, to the project's "
            "end on 31 "
            "December "
            "2026)",
        ),
        (
            "cy_GB",
            # fixbrief28: the rest as a sum, 3 x £37,000 = £111,000.
            "(£221,000 a gyflawnwyd erbyn diwedd Medi 2026, ac yna £111,000 ar y cyfartaledd "
            "hyd yma, "
            "tua £37,000 "
            "y mis, hyd at "
            "ddiwedd y prosiect ar 31 Rhagfyr 2026)",
        ),
    ],
)
def test_a_forecast_to_the_projects_end_says_so(
    tmp_path: Path, locale: str | None, words: str
) -> None:
    text = brief(tmp_path, EPAU, EPAU_TEAM, locale)
    assert words in text
    assert "the rest of the year at that rate" not in text
    assert "gweddill y flwyddyn ar y gyfradd honno" not in text


def test_a_young_measure_no_better_than_the_baseline_forecasts_nothing(tmp_path: Path) -> None:
    """Item 3: three agency figures (60, 62, 63 against 60), too few for a chart, all worse."""
    out = tmp_path / "update.docx"
    request = UpdateRequest(
        facts=DOSA, director="dof", out=out, period="2025-06", today=dt.date(2025, 7, 5)
    )
    [path] = write_update(request).written
    update = docx_text(path)
    assert (
        "Agency nurse shifts on the surgical admissions ward: too few figures yet to tell a change "
        "from normal variation (3 so far; a chart needs 8), but none is better than the baseline, "
        "so no money is forecast for it until they are."
    ) in update
    # Not the plan's full rate in the row; the brief's line on benefit against the funding,
    # which the finance director's update now gives too (newuser34 #5), names the other
    # measures' full rate for the rest of the year and this one's nothing.
    rows = [line for line in update.splitlines() if line.startswith("Agency nurse shifts on")]
    assert rows
    assert not [row for row in rows if "plan's full rate" in row]
    assert (
        "nothing counted for agency nurse shifts on the surgical admissions ward, whose figures "
        "are worse than before the change"
    ) in update
    # A brief of the same day: the statement, the cash line and the year agree with the row.
    early = tmp_path / "early"
    [written] = write_brief(
        BriefRequest(facts=DOSA, director="dof", out=early, today=dt.date(2025, 7, 5))
    ).written
    text = docx_text(written)
    assert (
        "So far the log's figures, to the end of June 2025, show it worse than before the change "
        "(5 shifts more), so no money is counted for it."
    ) in text
    assert "the plan counts £207,000 a year of cash" in text
    assert (
        "2025/26 £798,000 forecast against £138,000 (nothing counted to the end of "
        "June 2025: the "
        "log has 3 figures, too few to show a change yet, and a chart needs 8; the plan's full "
        "rate for the rest of the year; nothing counted for agency nurse shifts on the surgical "
        "admissions ward, whose figures are worse than before the change)"
    ) in text
