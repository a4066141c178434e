"""newuser9's trial, items 1-3: the money of the year under way, and of a measure that got worse.

Two projects of a new user (tests/data/newuser9-money, with minimal cuts of
them), each note written through the API on the day of the trial (5
December 2026) and read back from the document.

- **A flat impact counts nothing** (item 1). The pre-operative hub's
  outsourced operations (plan: 900 to 600 a year, £3,370 each at 2026/27
  prices, £1,010,924 a year of cash) log 75.0 a month on average from
  January 2026 against 75.5 before: 10 figures, fewer than an XmR chart's
  12, but a gain of 0.5 a month against the plan's 25 is not a plan on its
  way (docs/money.md), so the year under way counts nothing for it. It read
  "2026/27 £1,011,000 forecast … at the full rate". With cancellations
  beside it, 2026/27 is cancellations' 179.5 fewer, written 180, × £1,129 =
  £203,220 logged in the 213 days of April to November 2026 with a figure
  (none for August), plus the 121 days left at that rate: £318,666, shown
  £319,000;
  nothing for the outsourced operations (it read £1,329,000).
- **A worse measure counts £0, named** (item 2). The sickle cell pathway's
  agency spend runs at 8,050 a month before October 2025 and 8,400 to
  10,200 after it: 2025/26 read "-£6,000 delivered", and beside the
  emergency department's 70 attendances × £292 = £20,440 it was netted
  silently to £15,000. Now it counts £0 and the line names it, so 2025/26
  with both reads £20,000, as the emergency department alone does.
- **A brief marks the plan the log contradicts** (item 3). The finance
  director's statement on agency spend gives the plan as the plan and what
  13 months of log show (£17,950 more, shown £18,000); the chief operating
  officer's on bed days, flat for 13 months, the same; and "recurrent
  savings to count in the financial plan" is not offered when the only cash
  impact is worse.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief
from pitchkit.api.update import UpdateRequest, write_update

DATA = Path(__file__).parent / "data" / "newuser9-money"
PREOP, OUTSOURCED = DATA / "preop.yaml", DATA / "outsourced-only.yaml"
SICKLE, TEAM = DATA / "sickle.yaml", DATA / "sickle-team.xlsx"
AGENCY, ED, BOTH = (
    DATA / "sickle-agency-only.yaml",
    DATA / "sickle-ed-only.yaml",
    DATA / "sickle-ed-agency.yaml",
)
TODAY = dt.date(2026, 12, 5)


def brief(
    tmp: Path, facts: Path, director: str, team: Path | None = None, locale: str | None = None
) -> str:
    out = tmp / f"{facts.stem}-{director}-{locale}.docx"
    request = BriefRequest(
        facts=facts, director=director, out=out, directors=team, today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    return docx_text(path)


def line(text: str, start: str = "Benefit against") -> str:
    [found] = [row for row in text.splitlines() if row.startswith(start)]
    return found


def test_a_flat_impact_counts_nothing_for_the_year_under_way(tmp_path: Path) -> None:
    text = brief(tmp_path, OUTSOURCED, "dof")
    money = line(text)
    assert (
        "2026/27 £0 forecast against £160,000 (the log's figures to the end of "
        "November 2026 do not "
        "show the change, so nothing is counted for the year)"
    ) in money
    assert "full rate" not in money
    # The years after carry its rate on.
    assert "2027/28 £0 forecast against £40,000" in money
    assert "not paid back within the project" in money
    # The statement gives the plan as the plan, and no share of the year it does not earn.
    [claim] = [row for row in text.splitlines() if "worth £1,011,000 a year" in row]
    assert claim.startswith("In the plan, elective operations outsourced")
    assert (
        "So far the log's figures, to the end of November 2026, do not show the change, so no "
        "money is counted for it yet."
    ) in claim
    assert "is forecast for 2026/27" not in claim


def test_a_flat_impact_adds_nothing_beside_one_that_delivers(tmp_path: Path) -> None:
    money = line(brief(tmp_path, PREOP, "dof"))
    # fixbrief28: the money after the log's last month is said, beside a rate rounded as the
    # note rounds ("about £70,370 a month" was worked so the months multiplied back).
    assert (
        "2026/27 £319,000 forecast against £160,000 (£203,000 delivered to the end of "
        "November 2026, "
        "no figure for August 2026; then £116,000 at the average so far, about £29,000 a "
        "month; "
        "nothing counted for "
        "elective operations outsourced to the independent sector, whose chart does not show "
        "the change)"
    ) in money
    assert "£1,329,000" not in money
    assert "full rate" not in money
    # The other directors' cash is the outsourced operations alone: nothing repays from it.
    other = line(brief(tmp_path, PREOP, "coo"), "Money:")
    assert "not paid back from the cash alone within the project" in other
    assert "payback in" not in other
    # And the update of the same day says the same of the measure.
    request = UpdateRequest(facts=PREOP, director="dof", out=tmp_path / "u.docx", today=TODAY)
    [path] = write_update(request).written
    update = line(docx_text(path), "Elective operations outsourced to the independent sector:")
    assert "no change can be told apart from normal variation yet" in update


def test_a_worse_measure_counts_nothing_and_says_so(tmp_path: Path) -> None:
    money = line(brief(tmp_path, AGENCY, "dof", TEAM))
    assert (
        "2025/26 £0 counted against £90,000 (the log's figures for that year do not "
        "show the "
        "change, and show agency nursing spend on the haematology ward worse than before it, "
        "so nothing is counted)"
    ) in money
    assert (
        "2026/27 £0 forecast against £90,000 (the log's figures to the end of November "
        "2026 do not "
        "show the change, and show agency nursing spend on the haematology ward worse than "
        "before it, so nothing is counted for the year)"
    ) in money
    assert "-£" not in money
    assert "\u2212£" not in money
    assert "delivered for" not in money


def test_a_worse_measure_is_not_netted_into_what_another_delivered(tmp_path: Path) -> None:
    alone = line(brief(tmp_path, ED, "dof", TEAM))
    both = line(brief(tmp_path, BOTH, "dof", TEAM))
    assert "2025/26 £20,000 delivered against £90,000" in alone
    assert (
        "2025/26 £20,000 delivered against £90,000 (nothing counted for agency nursing "
        "spend on the "
        "haematology ward, whose figures are worse than before the change)"
    ) in both
    # fixbrief28: the money after the log's last month is said, beside a rate rounded as the
    # note rounds ("about £70,370 a month" was worked so the months multiplied back).
    assert (
        "2026/27 £63,000 forecast against £90,000 (£40,000 delivered to the end of "
        "November 2026, no "
        "figure for April 2026; then £23,000 at the average so far, about £5,700 a month; "
        "nothing counted for agency "
        "nursing spend on the haematology ward, whose figures are worse than before the change)"
    ) in both
    assert "£15,000" not in both


def test_a_negative_sum_has_a_true_minus_sign() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.moneytext import year_text
    from pitchkit.recast.money import YearShare

    share = YearShare(year=2025, days=365, benefit=-6000.0, cash=0.0, investment=90000.0)
    assert year_text(share, -6000, 90000, False, language("en_GB")) == (
        # reader26 #14; fixbrief28: "of funding" is said once, in the line's lead
        "2025/26 \u2212£6,000 against £90,000"
    )


def test_a_brief_marks_a_plan_the_log_shows_worse(tmp_path: Path) -> None:
    text = brief(tmp_path, SICKLE, "dof", TEAM)
    [claim] = [row for row in text.splitlines() if "£36,000 less a year" in row]
    # newuser39 #11: the plan's bullet has a verb ("will fall from").
    assert claim == (
        "In the plan, agency nursing spend on the haematology ward will fall from £96,000 to "
        "£60,000 a year: £36,000 less a year, a 38% reduction. So far the log's figures, to "
        "the end of November 2026, show it worse than before the change (£18,000 more), so no "
        "money is counted for it."
    )
    assert "Recurrent savings" not in text


def test_a_brief_marks_a_plan_the_log_shows_flat(tmp_path: Path) -> None:
    text = brief(tmp_path, SICKLE, "coo", TEAM)
    [claim] = [row for row in text.splitlines() if "500 fewer a year" in row]
    assert claim.startswith("In the plan, inpatient bed days for sickle cell pain crises")
    assert claim.endswith(
        "So far the log's figures, to the end of November 2026, do not show the change, so no "
        "money is counted for it yet."
    )


def test_a_statement_the_log_bears_out_says_so_too(tmp_path: Path) -> None:
    # The Friends and Family Test results improve with the change: the chief nurse's
    # statement gives the plan and what the log shows so far, as it does when the news is
    # bad (newuser14 P6), not the plan alone.
    text = brief(tmp_path, SICKLE, "cno", TEAM)
    [claim] = [row for row in text.splitlines() if "from 52% to 80%" in row]
    assert claim.startswith(
        "In the plan, patients with sickle cell disease who would recommend our care"
    )
    assert "So far 78% in November 2026: a sustained change since" in claim
    assert "the target met" not in claim  # 78% is short of 80%


def test_the_marked_plan_in_welsh(tmp_path: Path) -> None:
    text = brief(tmp_path, SICKLE, "dof", TEAM, locale="cy_GB")
    assert (
        "Hyd yma mae ffigurau'r cofnod cynnydd, hyd at ddiwedd Tachwedd 2026, yn ei ddangos yn "
        "waeth na chyn y newid (£18,000 yn fwy), felly ni chyfrifir arian amdano."
    ) in text
    assert "Yn ôl y cynllun, " in text
    # The money line names the worse measure too, quoted as the English it is written in,
    # after the flat one (counted as nothing because its chart does not show the change).
    assert (
        "2025/26 £20,000 a gyflawnwyd yn erbyn £90,000 (ni chyfrifir dim ar gyfer "
        "“Inpatient bed days "
        "for sickle cell pain crises”, nad yw ei siart yn dangos y newid; ni chyfrifir dim ar "
        "gyfer “Agency nursing spend on the haematology ward”, y mae ei ffigurau'n waeth na chyn "
        "y newid)"
    ) in text
