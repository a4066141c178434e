"""newuser39 #10: init for a Welsh health board offers Wales's examples, says whose costs it lists.

Hywel Dda University Health Board was offered "Trust strategy 2025-30, ambition 2; BAF risk
SR3" and "NHS Payment Scheme 2025/26" as examples, and a menu of England's unit costs with no
word that they are England's. Each test runs ``pitchkit init`` as a user would and reads the
questions it printed and the facts file it wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts

MEETING = dt.date.today() + dt.timedelta(days=30)


def answers(organisation: str, value: list[str]) -> str:
    """One impact of bed days, its value answered with ``value``, and one director."""
    lines = [
        "Stroke early supported discharge",
        organisation,
        "Rhian Prys",
        "Stroke Improvement Lead",
        "",  # no email
        "Stroke patients wait in acute beds for community rehabilitation",
        "An early supported discharge team takes patients home within 72 hours",
        "",  # no strategy
        "",  # no evidence
        "",  # start
        "",  # end
        "",  # no funding
        "Acute bed days used by medically fit stroke patients",
        "bed days",
        "3",  # a month
        "410",
        "250",
        *value,
        "",  # releases: the default
        "Stroke unit medically-fit list",
        "no",  # no other impact
        "Director of Operations",
        "Andrew Carruthers",
        "",
        "1",
        "",
        "",
        "no",
        "Chair the project board each quarter",
        "",
        "",
        "",
        MEETING.isoformat(),
    ]
    return "".join(f"{line}\n" for line in lines)


def run(tmp_path: Path, organisation: str, value: list[str]) -> tuple[str, Path]:
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=answers(organisation, value))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), facts


def test_a_welsh_health_board_is_offered_wales_s_examples(tmp_path: Path) -> None:
    shown, facts = run(
        tmp_path, "Hywel Dda University Health Board", ["11", "412", "Hywel Dda PLICS 2024/25"]
    )
    assert (
        "For example: IMTP 2025-28, planned care priority; corporate risk register, risk 1482; "
        "an NHS Wales Performance Framework measure." in shown
    )
    assert (
        "The costs listed are England's (NHS reference costs, the National Cost Collection): "
        "pitchkit holds no Welsh unit costs." in shown
    )
    assert "patient-level costing (PLICS)" in shown
    assert "Trust strategy 2025-30" not in shown
    assert "NHS Payment Scheme" not in shown
    loaded = load_facts(facts).facts
    value = loaded.impacts[0].value
    assert value is not None
    assert value.amount == 412


def test_a_listed_cost_chosen_in_wales_says_it_is_england_s(tmp_path: Path) -> None:
    _, facts = run(tmp_path, "Hywel Dda University Health Board", ["1"])
    value = load_facts(facts).facts.impacts[0].value
    assert value is not None
    assert str(value.source) == "Excess bed day, NHS reference costs 2016/17, England's"


def test_an_english_trust_keeps_england_s_examples(tmp_path: Path) -> None:
    shown, facts = run(tmp_path, "Riverside Hospitals NHS Foundation Trust", ["1"])
    assert "For example: Trust strategy 2025-30, ambition 2; BAF risk SR3." in shown
    assert "England's" not in shown
    value = load_facts(facts).facts.impacts[0].value
    assert value is not None
    assert str(value.source) == "Excess bed day, NHS reference costs 2016/17"
