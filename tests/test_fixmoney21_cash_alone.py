"""The finance block's "payback from the cash alone" counts the trust's own cash (fixmoney21 #1).

The nail surgery service (``tests/data/newuser11/pod``) with 100 agency shifts
of the trust's own (£15,000 a year) beside the ICB's £126,000 a year at its
contract prices. Its finance director's note said "£187,000 a year is not the
trust's own; without it, not paid back within the project (212 months)", then
"Payback from the cash alone: 23 months", the ICB's cash counted as the
trust's. docs/money.md: every payback "from the cash alone" is on the trust's
own cash. Each test runs ``pitchkit preview`` and reads the note back.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from podcases import AGENCY, POD, TEAM, pod_with

# 5,000 fewer hours of the trust's own podiatrists at £40: £200,000 a year of capacity.
HOURS = """  - id: clinic-hours
    measure: Podiatrist hours in the trust's nail clinics
    unit: hours
    per: year
    baseline: 6000
    target: 1000
    value: {amount: 40, currency: GBP, source: Trust podiatry pay 2026/27, price_year: 2026/27}
    releases: capacity
    supports: [dof.balance-budget]
"""


def facts(tmp: Path, *extra: str) -> Path:
    return pod_with(tmp, *extra)


def preview(path: Path, director: str, *options: str) -> str:
    result = CliRunner().invoke(
        app, ["preview", str(path), "--director", director, "--directors", str(TEAM), *options]
    )
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def paybacks(text: str) -> list[str]:
    """Every sentence of the note that gives a payback."""
    return [s for s in re.split(r"(?<=\.) ", text) if "payback" in s.lower() or "paid back" in s]


def test_the_cash_alone_is_not_the_icbs(tmp_path: Path) -> None:
    text = preview(facts(tmp_path, AGENCY), "dof")
    # Benefit: £15,000 + £126,000 + £61,000 = £202,000 a year; 12 x 265,000 / 202,000 = 15.7,
    # so 16 months counting everything. Not the trust's own: the ICB's £126,000 and general
    # practice's £61,000 = £187,000; the trust's own £15,000: 12 x 265,000 / 15,000 = 212,
    # past the project's 24 months.
    assert (
        "Of the plan's benefit of £202,000 a year, £187,000 is not the trust's own; without it, "
        "not paid back within the project (at the full rate it would take about 18 years)."
    ) in text
    # It had gone on "Payback from the cash alone: 23 months": 12 x 265,000 / 141,000 = 22.6,
    # the ICB's £126,000 in it. The trust's own cash alone is the same £15,000 (it has no
    # capacity of its own here), so the block says its 212 months (about 18 years) once.
    assert "from the cash alone" not in text
    assert "23 months" not in text
    # (212 months is said in years since fixupd26: "about 18 years".)
    assert [s for s in paybacks(text) if "month" in s or " years)" in s] == [
        s for s in paybacks(text) if "15.7 months" in s or "about 18 years" in s
    ]


def test_with_capacity_of_its_own_the_line_says_whose_cash(tmp_path: Path) -> None:
    path = facts(tmp_path, AGENCY, HOURS)
    text = preview(path, "dof")
    # The trust's own: £15,000 of cash and £200,000 of its podiatrists' hours = £215,000;
    # 12 x 265,000 / 215,000 = 14.8, so 15 months. Its own cash alone, £15,000: 212 months,
    # past the end. Whole benefit £402,000: 12 x 265,000 / 402,000 = 7.9, so 8.
    assert "over the project £804,000, net £539,000; payback 7.9 months" in text
    assert (
        "Of the plan's benefit of £402,000 a year, £187,000 is not the trust's own; without it, "
        "payback 14.8 months. Payback from the trust's own cash alone: not within the project."
    ) in text
    # Another director's line counts the same cash, and says the same: past the end, 212.
    other = preview(path, "coo")
    assert (
        "Money: £15,000 of cash and £200,000 of capacity a year at 2026/27 prices, against "
        "£265,000 of funding (not paid back from the cash alone by the end of the project in "
        "March 2028; at the full rate it would take about 18 years)."
    ) in other


@pytest.mark.parametrize("locale", ["cy_GB"])
def test_welsh_says_whose_cash(tmp_path: Path, locale: str) -> None:
    path = facts(tmp_path, AGENCY, HOURS)
    text = preview(path, "dof", "--locale", locale)
    assert (
        "hebddo, ad-dalu mewn 14.8 mis. Ad-dalu o arian parod yr ymddiriedolaeth ei hun yn unig: "
        "nid o fewn y prosiect." in text
    )
    assert "Ad-dalu o'r arian parod yn unig" not in text


def test_all_cash_the_trusts_keeps_the_plain_words(tmp_path: Path) -> None:
    # With no other body's cash the finance block still says "from the cash alone": the
    # trust's £15,000 of cash beside its £200,000 of hours, with no ICB saving and no GP time.
    text = POD.read_text(encoding="utf-8")
    head, _ = text.split("\nimpacts:\n", 1)
    path = tmp_path / "facts.yaml"
    path.write_text(head + "\nimpacts:\n" + AGENCY + HOURS, encoding="utf-8")
    note = preview(path, "dof")
    # 12 x 265,000 / 215,000 = 14.8, so 15 months counting both; 212 from the cash alone.
    assert "Payback from the cash alone: not within the project." in note
    assert "own cash alone" not in note
