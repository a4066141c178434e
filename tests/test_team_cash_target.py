"""A savings target written only in words (a team sheet's objectives) is read as one.

A team sheet's cell has no ``target:`` field, so "Deliver the £9.5m cost
improvement programme" was never a money target: a finance director whose
team lives in a spreadsheet got no "8.9% of your £9.5m target", and the rules
that keep capacity apart from a cash target never fired for them (session 25's
leftover). Only the words of a savings target count; a budget to stay
within, income, capital or spend are not amounts a saving is a share of.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.directors import cash_target_in, load_directors

DATA = Path(__file__).parent / "data" / "fixnew35"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Deliver the £9.5m cost improvement programme for 2026/27", 9_500_000),
        ("Deliver the £14m CIP", 14_000_000),
        ("Save £850,000 through procurement efficiencies", 850_000),
        ("Deliver £1.2 million of savings in 2027/28", 1_200_000),
        ("Deliver the £31m savings plan in 2026/27", 31_000_000),
        ("Cyflawni arbedion o £3m yn 2026/27", 3_000_000),
    ],
)
def test_the_words_of_a_savings_target_give_its_amount(text: str, amount: float) -> None:
    assert cash_target_in(text) == amount


@pytest.mark.parametrize(
    "text",
    [
        "Bring out-of-area placement spend within the £2m budget",  # a limit, not a saving
        "Grow non-patient-care income to £4m in 2026/27",
        "Spend the £38m capital allocation in full",
        "Deliver a 3.5% CIP in 2026/27",  # a share, not an amount
        "Break even in 2026/27",
        "Deliver the £9.5m CIP and £2m of recurrent savings",  # two amounts: which one?
        "Reduce the deficit by £5m through savings",
    ],
)
def test_other_amounts_of_money_are_not_a_savings_target(text: str) -> None:
    assert cash_target_in(text) is None


def test_a_team_sheet_objective_gets_its_target_and_the_note_its_share() -> None:
    team = load_directors(DATA / "team.csv")
    [finance] = [d for d in team.directors if d.id == "dof"]
    targets = {o.text: o.target for o in finance.objectives}
    cip = targets["Deliver the £9.5m cost improvement programme for 2026/27"]
    assert cip is not None
    assert (cip.value, cip.unit) == (9_500_000, "GBP")
    assert targets["Bring out-of-area placement spend within the £2m budget"] is None
    # The director's note says what share of that target the project's cash is: £842,000 a
    # year of agency savings is 8.9% of £9.5m, checked by hand.
    command = ["directors", str(DATA / "facts.yaml"), "--directors", str(DATA / "team.csv")]
    result = CliRunner().invoke(app, [*command, "--json"])
    assert result.exit_code == 0, result.output
    said = json.dumps(json.loads(result.stdout))
    assert "worth \\u00a3842,000 a year, 8.9% of your \\u00a39.5m target" in said
