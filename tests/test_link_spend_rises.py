"""A sum of money that rises saves nothing: it reaches no saving through the measure map.

blind53's "Annual spend on sharps devices" goes from £410,000 to £452,000 (safer devices cost
more), yet was claimed for "Deliver the £24m CIP" through spend → CIP ("spending less for the
same work is a cash-releasing saving"). An impact counted in pounds that rises takes none of
the edges of a money concept marked ``better: lower``; one that falls keeps them, and a
measure of the same concept in other units ("patients on the best-value biosimilar", a share)
is not read so. Read through ``pitchkit directors --json`` on small facts files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from pitchkit.recast.measures import RULES

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]


def _facts(impacts: str) -> str:
    return (
        "project:\n  title: Safer sharps\n"
        "  organisation: Example Hospitals NHS Trust\n"
        "  lead: {name: Sam Lee, role: Occupational Health Lead}\n"
        "  problem: Staff are injured by sharps.\n  change: Safer sharps devices.\n"
        "  start: 2026-04-01\n  end: 2027-09-30\nimpacts:\n"
        + impacts
        + "directors:\n  - id: dof\n    name: Alan Pryce\n    role: Director of Finance\n"
        "    objectives:\n"
        "      - {id: cip, text: 'Deliver the £24m CIP'}\n"
        "      - {id: agency-cap, text: 'Keep agency spend below the NHS England cap'}\n"
    )


def _impact(ident: str, measure: str, unit: str, baseline: int, target: int) -> str:
    per = "" if unit == "'%'" else "    per: year\n"
    return (
        f"  - id: {ident}\n    measure: {measure}\n    unit: {unit}\n{per}"
        f"    baseline: {baseline}\n    target: {target}\n"
    )


def _claims(directors_json: DirectorsJson, text: str) -> set[tuple[str, str]]:
    return {
        (x["impact"], x["objective"].split(".")[-1])
        for x in directors_json(text)["directors"][0]["links"]
        if x["confidence"] in ("confident", "explicit")
    }


def test_spend_that_rises_is_not_a_saving(directors_json: DirectorsJson) -> None:
    claims = _claims(
        directors_json,
        _facts(
            _impact("devices", "Annual spend on sharps devices", "GBP", 410000, 452000)
            + _impact("agency", "Agency nurse spend on the surgical wards", "GBP", 800000, 500000)
        ),
    )
    assert ("devices", "cip") not in claims
    assert ("agency", "cip") in claims
    assert ("agency", "agency-cap") in claims


def test_a_share_that_rises_can_still_save(
    directors_json: DirectorsJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    claims = _claims(
        directors_json,
        _facts(
            _impact(
                "biosimilar",
                "Patients on a biologic who are on the best-value biosimilar",
                "'%'",
                64,
                95,
            )
        ),
    )
    assert ("biosimilar", "cip") in claims
