"""Rules from the eighth first-look pass (blind31-34 read): the NHS Carbon Footprint Plus.

The Carbon Footprint Plus is a measure an objective names: the NHS's whole
footprint, the emissions it controls directly and those it can influence, of
which patient, visitor and staff travel is a part. It is no longer read as the
broad aim of net zero, so patient journeys are claimed for an objective that
names it (counted inside it), while a chain to net zero in general stays
possible as before.

See docs/linking-evaluation.md, "The eighth first-look pass".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from linkcases import directors_links, linked, project_with
from pitchkit.cli import app
from pitchkit.recast.measures import RULES, aimed, measured

FOOTPRINT_PLUS = "NHS Carbon Footprint Plus down 10% on 2024/25"
CAR_MILES = "Carbon Footprint Plus: 10% fewer patient and visitor car miles by 2028"
NET_ZERO = "Net zero NHS Carbon Footprint by 2040, 80% lower by 2028-32"


def test_the_footprint_plus_is_a_measure_not_the_broad_aim() -> None:
    assert aimed(FOOTPRINT_PLUS) == ("carbon-footprint-plus",)
    # The NHS Carbon Footprint (the emissions the NHS controls directly) is still net zero.
    assert aimed(NET_ZERO) == ("net-zero",)


def test_patient_journeys_are_counted_inside_the_footprint_plus() -> None:
    found = linked("Dialysis transport journeys", FOOTPRINT_PLUS, unit="journeys")
    assert found is not None
    assert found.confidence == "confident"
    assert found.chain is not None
    assert [step.target for step in found.chain.steps] == ["carbon-footprint-plus"]
    assert found.chain.steps[0].part
    found = linked("Miles travelled by patients to skin cancer clinics", CAR_MILES, unit="miles")
    assert found is not None
    assert found.confidence == "confident"


def test_travel_to_net_zero_in_general_stays_possible() -> None:
    # Patient travel is not in the footprint the NHS controls directly: still a cause step
    # to a broad aim, for the lead to confirm.
    assert measured("Dialysis transport journeys") == ("travel-emissions",)
    found = linked("Dialysis transport journeys", NET_ZERO, unit="journeys")
    assert found is not None
    assert found.confidence == "possible"


def test_carbon_counted_anywhere_is_counted_in_the_footprint_plus() -> None:
    # "Supply chain carbon" is the net-zero concept's measure: it reaches the footprint
    # plus in one counted-inside step, so a right claim of blind30 stays claimed.
    found = linked(
        "Supply chain carbon from the single-use plastics we buy (tCO2e)",
        "Green Plan: NHS Carbon Footprint Plus down 80% by 2036-39 on the way to net zero in 2045",
        unit="tCO2e",
    )
    assert found is not None
    assert found.confidence == "confident"


def _directors(
    tmp_path: Path, impact: dict[str, Any], objective: str, *, check: bool = False
) -> Any:
    role = "Director of Estates and Sustainability"
    if check:
        path = project_with(tmp_path, impact, objective, role=role, objective_id="carbon")
        result = CliRunner().invoke(app, ["check", str(path), "--director", "dx", "--json"])
        return json.loads(result.stdout)
    return directors_links(tmp_path, impact, objective, role=role, objective_id="carbon")


JOURNEYS = {"id": "journeys", "measure": "Dialysis transport journeys", "unit": "journeys",
            "baseline": 12000, "target": 9000}  # fmt: skip


def test_directors_claims_journeys_for_the_footprint_plus_with_the_chain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    found = _directors(tmp_path, JOURNEYS, FOOTPRINT_PLUS)[("journeys", "carbon")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["patient and staff travel", "NHS Carbon Footprint Plus"]
    assert found["doubt"] is None
    assert "counted in the NHS Carbon Footprint Plus" in found["explanation"]


def test_directors_still_offers_journeys_for_net_zero(tmp_path: Path) -> None:
    found = _directors(tmp_path, JOURNEYS, NET_ZERO)[("journeys", "carbon")]
    assert found["confidence"] == "possible"
    assert found["chain"] == ["patient and staff travel", "net zero"]


def _asked(findings: Any) -> list[Any]:
    """The findings that ask the lead to confirm the journeys impact's link."""
    return [
        f for f in findings["findings"]
        if f["rule"] in ("impact-possible", "director-unaligned") and "journeys" in json.dumps(f)
    ]  # fmt: skip


def test_check_asks_about_net_zero_but_not_the_footprint_plus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    assert _asked(_directors(tmp_path, JOURNEYS, NET_ZERO, check=True))
    assert not _asked(_directors(tmp_path, JOURNEYS, FOOTPRINT_PLUS, check=True))
