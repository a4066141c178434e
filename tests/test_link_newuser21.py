"""Links a new user found wrong or too cautious in a wound-care project (newuser21 #1, #3, and
the falls pads remnant of newuser20 #1): docs/linking-evaluation.md, "New-user links, session
19, second (branch linknew21)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES, aimed

LEDGER: dict[str, Any] = {
    "id": "ledger-spend",
    "measure": "Spend on wound care dressings in community and primary care",
    "unit": "£k",
    "per": "month",
    "baseline": 412.5,
    "target": 330.0,
    "better": "lower",
    "releases": "cash",
}
AGENCY: dict[str, Any] = {
    "id": "agency-spend",
    "measure": "Spend on agency nurses on the surgical wards",
    "unit": "£",
    "per": "month",
    "baseline": 90000,
    "target": 60000,
    "better": "lower",
    "releases": "cash",
}
PADS: dict[str, Any] = {
    "id": "sensor-pads",
    "measure": "Single-use bed and chair falls sensor pads issued to medical wards",
    "unit": "pads",
    "per": "month",
    "baseline": 380,
    "target": 200,
    "value": {"amount": 24, "currency": "GBP", "source": "Invoices, 2025/26"},
    "releases": "cash",
}


def test_goods_spend_is_not_claimed_for_agency_spend(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, LEDGER, "Reduce agency nursing spend by £4m", role="Director of Finance"
    )
    found = links[("ledger-spend", "target")]
    assert found["confidence"] == "possible"
    assert "spent on pay" in found["explanation"]


def test_goods_spend_is_not_claimed_for_agency_spend_in_welsh(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        LEDGER,
        "Reduce agency nursing spend by £4m",
        role="Director of Finance",
        locale="cy_GB",
    )
    found = links[("ledger-spend", "target")]
    assert found["confidence"] == "possible"
    assert "gyflogau" in found["explanation"]


def test_pay_spend_is_not_claimed_for_consumables_spend(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, AGENCY, "Reduce spend on clinical consumables by 5%", role="Director of Finance"
    )
    found = links.get(("agency-spend", "target"))
    assert found is None or found["confidence"] == "possible"


@pytest.mark.parametrize(
    ("impact", "objective"),
    [
        (LEDGER, "Reduce spend on clinical consumables by 5%"),
        (AGENCY, "Reduce agency nursing spend by £4m"),
    ],
)
def test_spend_on_the_same_kind_is_still_claimed(
    tmp_path: Path,
    impact: dict[str, Any],
    objective: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = directors_links(tmp_path, impact, objective, role="Director of Finance")
    assert links[(impact["id"], "target")]["confidence"] == "confident"


@pytest.mark.parametrize(
    "text",
    [
        "Deliver the £25m savings plan for 2026/27",
        "Deliver the savings programme",
        "Meet the efficiency target",
        "Deliver the ICB's efficiency plan",
    ],
)
def test_a_savings_plan_is_a_cost_improvement_programme(text: str) -> None:
    assert aimed(text) == ("cip",)


def test_a_financial_recovery_plan_is_still_financial_balance() -> None:
    # "BAF 1: financial recovery plan - break-even by 2027/28" is about the deficit: read as
    # a CIP, it claimed medicines savings for it (a wrong claim, blind12-28).
    assert aimed("Deliver the financial recovery plan") == ("financial-balance",)


def test_cash_from_the_ledger_is_claimed_for_a_savings_plan(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, LEDGER, "Deliver the £25m savings plan for 2026/27", role="Director of Finance"
    )
    found = links[("ledger-spend", "target")]
    assert found["confidence"] == "confident"
    assert "whole area" not in found["explanation"]


def test_pads_offered_to_avoidable_harm_say_they_are_goods(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, PADS, "Reduce avoidable harm to patients", role="Medical Director"
    )
    found = links.get(("sensor-pads", "target"))
    assert found is not None
    assert found["confidence"] == "possible"
    assert "goods bought for falls" in found["explanation"]


def test_pads_offered_to_avoidable_harm_say_they_are_goods_in_welsh(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, PADS, "Reduce avoidable harm to patients", role="Medical Director", locale="cy_GB"
    )
    found = links[("sensor-pads", "target")]
    assert found["confidence"] == "possible"
    assert "nwyddau a brynir ar gyfer" in found["explanation"]
