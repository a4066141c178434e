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
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.directors import cash_target_in, load_directors, objectives_from_items

DATA = Path(__file__).parent / "data" / "fixnew35"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


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


def test_a_team_sheet_objective_gets_its_target() -> None:
    team = load_directors(DATA / "team.csv")
    [finance] = [d for d in team.directors if d.id == "dof"]
    targets = {o.text: o.target for o in finance.objectives}
    cip = targets["Deliver the £9.5m cost improvement programme for 2026/27"]
    assert cip is not None
    assert (cip.value, cip.unit) == (9_500_000, "GBP")
    assert targets["Bring out-of-area placement spend within the £2m budget"] is None


def _as_words(facts: Path, folder: Path) -> Path:
    """``facts`` with each director's objectives written as their words alone, as a team
    sheet's cell gives them, and its links to them renamed to the ids those words make."""
    text = facts.read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    for director in data["directors"]:
        words = [objective["text"] for objective in director["objectives"]]
        made = objectives_from_items(words)
        for objective, new in zip(director["objectives"], made, strict=True):
            old_link, new_link = (
                f"{director['id']}.{objective['id']}",
                f"{director['id']}.{new['id']}",
            )
            text = re.sub(rf"(?<![\w.-]){re.escape(old_link)}(?![\w-])", new_link, text)
        director["objectives"] = words
    renamed = YAML(typ="safe").load(text)
    renamed["directors"] = data["directors"]
    out = folder / "facts.yaml"
    with out.open("w", encoding="utf-8") as stream:
        YAML().dump(renamed, stream)
    for extra in facts.parent.iterdir():
        if extra.suffix == ".csv":
            (folder / extra.name).write_bytes(extra.read_bytes())
    return out


def _said(facts: Path, team: Path | None = None) -> str:
    command = ["directors", str(facts), "--json"]
    result = CliRunner().invoke(app, [*command, *(["--directors", str(team)] if team else [])])
    assert result.exit_code == 0, result.output
    return json.dumps(json.loads(result.stdout), ensure_ascii=False)


def test_a_team_sheet_s_savings_target_gives_the_share_a_facts_file_s_target_does(
    tmp_path: Path,
) -> None:
    # The frailty example's finance director writes "target: {value: 14000000, unit: GBP}";
    # written as words alone, "Deliver the £14m cost improvement programme for 2027/28".
    facts = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
    share = r"[\d.]+% of your £14m target"
    from_facts = re.findall(share, _said(facts))
    assert from_facts
    assert re.findall(share, _said(_as_words(facts, tmp_path))) == from_facts


def test_no_share_of_a_cash_target_while_the_project_adds_spend() -> None:
    # reader26 #1: the crisis house adds £328,000 of spend, so "£727,000 … (7.7% of your £9.5m
    # target)" overstated what the CIP is given; the note gives the net cash instead.
    said = _said(DATA / "facts.yaml", DATA / "team.csv")
    assert "of your £9.5m target" not in said
    assert "Deliver the £9.5m cost improvement programme" in said
