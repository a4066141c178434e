"""Whose budget a saving lands in, and for whom a measure counts.

linking-evaluation.md, "The second first-look pass".

A trust's cost improvement programme counts the trust's own spend and an ICB's
efficiency plan (QIPP) the ICB's: ICB contract spend does not deliver a trust's
CIP, nor a trust's spend an ICB's plan. Money an impact counts is the trust's
unless it names the ICB; primary care prescribing is paid by the ICB whoever
counts it. Read through ``pitchkit directors --json`` on a small facts file,
as a lead would see it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pitchkit.recast.measures import RULES

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]

PROJECT = """\
project:
  title: Oxygen and continence review
  organisation: Example Community NHS Trust
  lead: {name: Sam Lee, role: Service manager}
  problem: We pay for products and equipment that patients no longer use.
  change: A review clinic for every patient on the list.
  start: 2025-10-01
  end: 2027-03-31
"""

IMPACTS = {
    "icb": "ICB home oxygen contract spend (concentrators, cylinders and deliveries)",
    "pads": "Spend on continence containment products (pads, pants and sheaths)",
    "gp": "Primary care prescribing spend for care home residents",
}

OBJECTIVES = {
    "trustcip": "Community trust CIP of £6.2m in 2026/27",
    "cip": "Deliver the £15.3m CIP",
    "qipp": "Deliver £31m of ICB efficiencies (QIPP) in 2026/27",
    "icbplan": "ICB efficiency plan of £21m in 2027/28",
}


def _claims(directors_json: DirectorsJson) -> set[tuple[str, str]]:
    text = PROJECT + "impacts:\n"
    for ident, measure in IMPACTS.items():
        text += (
            f'  - id: {ident}\n    measure: {measure}\n    unit: "£"\n    per: year\n'
            "    baseline: 2400000\n    target: 1950000\n    releases: cash\n"
        )
    text += "directors:\n  - id: cfo\n    name: Priya Shah\n    role: Chief Finance Officer\n"
    text += "    objectives:\n"
    text += "".join(f"      - {{id: {i}, text: '{t}'}}\n" for i, t in OBJECTIVES.items())
    links = directors_json(text)["directors"][0]["links"]
    return {
        (x["impact"], x["objective"].split(".")[-1])
        for x in links
        if x["confidence"] == "confident"
    }


def test_icb_contract_spend_is_claimed_for_the_icb_plan_not_a_cip(
    directors_json: DirectorsJson,
) -> None:
    claims = _claims(directors_json)
    assert ("icb", "qipp") in claims
    assert ("icb", "trustcip") not in claims
    # A cost improvement programme is the trust's, named or not.
    assert ("icb", "cip") not in claims


def test_a_trusts_own_spend_is_claimed_for_its_cip_not_the_icb_plan(
    directors_json: DirectorsJson,
) -> None:
    claims = _claims(directors_json)
    assert ("pads", "cip") in claims
    assert ("pads", "trustcip") in claims
    assert ("pads", "qipp") not in claims


def test_primary_care_prescribing_is_the_icbs_money(directors_json: DirectorsJson) -> None:
    claims = _claims(directors_json)
    assert ("gp", "qipp") in claims
    assert ("gp", "trustcip") not in claims


def test_a_patients_carer_is_not_claimed_for_an_offer_to_staff_who_are_carers(
    directors_json: DirectorsJson,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # For whom: discharges are patients', and a carer involved in one is a patient's
    # carer; Carer Confident counts what the trust does for its own staff.
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    text = PROJECT + "impacts:\n"
    text += (
        "  - id: carer\n    measure: Discharges with a named carer involved in the discharge"
        " plan\n    unit: patients\n    per: year\n    baseline: 200\n    target: 400\n"
    )
    text += "directors:\n  - id: cpo\n    name: Priya Shah\n    role: Chief People Officer\n"
    text += "    objectives:\n"
    text += "      - {id: staff, text: Carer Confident level 2 for our own staff who are carers}\n"
    text += "      - {id: toc, text: 'Triangle of Care: carers involved at every stage of care'}\n"
    links = directors_json(text)["directors"][0]["links"]
    claimed = {x["objective"].split(".")[-1] for x in links if x["confidence"] == "confident"}
    assert "toc" in claimed
    assert "staff" not in claimed


def test_a_measure_that_does_not_say_whose_it_is_is_not_claimed_for_a_deprivation_gap(
    directors_json: DirectorsJson,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An objective about the gap between the most deprived areas and the rest is not
    # served by a measure of the whole service; one that names deprivation still is.
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    text = PROJECT + "impacts:\n"
    for ident, measure in {
        "all": "CAMHS referrals returned to the GP without assessment",
        "imd": "CAMHS referrals returned without assessment for children in IMD quintile 1",
    }.items():
        text += (
            f"  - id: {ident}\n    measure: {measure}\n    unit: patients\n    per: year\n"
            "    baseline: 400\n    target: 200\n"
        )
    text += "directors:\n  - id: cmo\n    name: Priya Shah\n    role: Chief Medical Officer\n"
    text += "    objectives:\n"
    text += (
        "      - {id: gap, text: 'Access to CAMHS for children in the most deprived 20% "
        "of neighbourhoods at the ICS average'}\n"
    )
    links = directors_json(text)["directors"][0]["links"]
    claimed = {x["impact"] for x in links if x["confidence"] == "confident"}
    assert "all" not in claimed
    assert "imd" in claimed
