"""The finance director's money in newuser11's two projects (items 5, 6 and 15).

The nail surgery service (``tests/data/newuser11/pod``, a community trust, its
team on a spreadsheet) avoids 850 referrals a year to the acute trust's minor
operations list at "ICB contract prices" (£145 in 2025/26, £148.80 at 2026/27
prices, shown £149), and frees 1,300 GP appointments. Its finance director's
note had said "does not yet link to your objectives" and then offered
"Recurrent savings to count in the financial plan" and "An investment case
that pays back", beside £126,000 a year of "cash for the financial plan":
the ICB's money, worked on £148.80, and not paid back from the cash alone
within the project (25.1 months against 24).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

DATA = Path(__file__).resolve().parent / "data" / "newuser11"
POD, TEAM = DATA / "pod" / "facts.yaml", DATA / "pod" / "team.xlsx"
HYS = DATA / "hys" / "facts.yaml"
TODAY = dt.date(2026, 12, 5)
SAVINGS = "Recurrent savings to count in the financial plan"
PAYS_BACK = "An investment case that pays back"


def note(facts: Path, director: str, team: Path | None = None, locale: str | None = None) -> str:
    request = PreviewRequest(
        facts=facts, director=director, directors=team, today=TODAY, locale=locale
    )
    result = preview(request)
    return " ".join(plain_preview(result.preview, result.lang).split())


def trust_priced(tmp: Path) -> Path:
    """The nail surgery priced at the trust's own costs and linked to the DoF's budget."""
    text = POD.read_text(encoding="utf-8")
    for old, new in (
        ("ICB contract prices 2025/26:", "Trust service-line costing 2025/26:"),
        (
            "excludes: [coo.waits-52-weeks, coo.waiting-18-weeks, dof.efficiency-programme, "
            "dof.balance-budget]",
            "excludes: [coo.waits-52-weeks, coo.waiting-18-weeks]",
        ),
        (
            "supports: [dstrat.shift-planned]",
            "supports: [dstrat.shift-planned, dof.balance-budget]",
        ),
    ):
        assert old in text, old
        text = text.replace(old, new)
    path = tmp / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_activity_avoided_at_icb_prices_is_the_icbs_money() -> None:
    text = note(POD, "dof", TEAM)
    assert (
        "None of the benefit is cash for the financial plan (figures at 2026/27 prices). "
        "Not the trust's cash: £126,000 a year "
        "from referrals of ingrown toenails to the acute trust's minor operations list, which is "
        "the ICB's budget."
    ) in text
    assert "does not yet link to your objectives" in text
    # No money claimed for a director the project does not link to, nor savings that are
    # the ICB's, nor a payback the cash alone does not make.
    assert SAVINGS not in text
    assert PAYS_BACK not in text
    assert "Evidence of value for money for the board" not in text


def test_welsh_says_the_same() -> None:
    text = note(POD, "dof", TEAM, locale="cy_GB")
    assert "Nid arian parod yr ymddiriedolaeth: £126,000 y flwyddyn" in text
    assert "sydd yng nghyllideb y bwrdd gofal integredig" in text
    assert "Sut y byddwch chi'n elwa" not in text


def test_an_investment_case_needs_the_cash_alone_to_pay_back(tmp_path: Path) -> None:
    facts = trust_priced(tmp_path)
    dof = note(facts, "dof", TEAM)
    assert "cash for the financial plan: £126,000 a year (850 fewer referrals a year)" in dof
    # Counting the capacity as cash the block pays back in 17 months ...
    assert "payback 16.9 months" in dof
    assert SAVINGS in dof
    # ... but the cash alone does not within the project, as the COO's line says.
    assert PAYS_BACK not in dof
    coo = note(facts, "coo", TEAM)
    # The GP time is general practice's, not the trust's capacity (fixleft16): the trust's
    # own is the cash alone, 12 x 265,000 / 126,480 = 25.1, so 26 months, past the project's 24.
    assert (
        "£126,000 a year of cash at 2026/27 prices, against £265,000 of funding (not paid back "
        "by the end of the project in March 2028; at the full rate it would take 25 months)."
    ) in coo


def test_a_count_times_the_small_prints_cost_is_the_figure(tmp_path: Path) -> None:
    dof = note(trust_priced(tmp_path), "dof", TEAM)
    # Restated costs are written and used to the penny, never rounded to the pound first
    # (newuser20 #7): 850 × £148.80 = £126,480, where £149 gave £127,000.
    # Since fixbrief27 (reader26 #11) today's price is in brackets after the base year's.
    assert "(£148.80 at 2026/27)" in dof
    assert "(£47.14 at 2026/27)" in dof
    # 850 × £148.80 = £126,480 and 1,300 × £47.14 = £61,282, each to the nearest £1,000.
    assert "£126,000 a year (850 fewer referrals a year)" in dof
    assert "Capacity: £61,000 a year (1,300 fewer appointments a year)" in dof
    for count, cost, shown in ((850, 148.80, "£126,000"), (1300, 47.14, "£61,000")):
        assert f"£{round(count * cost, -3):,.0f}" == shown
    hys = note(HYS, "dof")
    # fixfit44 (projection kept to 2.62%): £730 × 1.0262 = £749.13 and £3,200 × 1.0262 =
    # £3,283.84, so 550 × £749.13 = £412,022; 30 × £3,283.84 = £98,515.
    assert re.search(r"£730 per procedure at [0-9/]+ prices \(£749.13 at 2026/27\)", hys)
    assert "Capacity: £412,000 a year (550 fewer procedures a year)" in hys
    assert "£99,000 a year of cash (30 fewer lists a year)" in hys


def test_no_capacity_ahead_of_winter_from_a_gynaecology_theatre_project() -> None:
    assert "Capacity released ahead of winter" not in note(HYS, "coo")
