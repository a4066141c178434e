"""Links two new users found too confident (newuser22 #3, newuser23 #6): docs/linking-evaluation.md,
"New-user links, session 20 (branch linknew22)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linkcases import directors_links
from pitchkit.recast.measures import measured

PLACEMENTS: dict[str, Any] = {
    "id": "ooa",
    "measure": "Adult acute out of area placement bed days",
    "unit": "bed days",
    "per": "month",
    "baseline": 620,
    "target": 300,
    "better": "lower",
    "value": {"amount": 720, "currency": "GBP", "source": "Independent sector bed price, 2025/26"},
    "releases": "cash",
}
AGENCY_HOURS: dict[str, Any] = {
    "id": "obs-hours",
    "measure": "Bank and agency healthcare support worker hours on enhanced observation",
    "unit": "hours",
    "per": "month",
    "baseline": 6000,
    "target": 4000,
    "better": "lower",
}
TTO: dict[str, Any] = {
    "id": "tto-delays",
    "measure": "Discharges delayed waiting for medicines to take home",
    "unit": "discharges",
    "per": "month",
    "baseline": 90,
    "target": 45,
    "better": "lower",
}
DTOC: dict[str, Any] = {
    "id": "dtoc",
    "measure": "Delayed discharges of patients with no criteria to reside",
    "unit": "bed days",
    "per": "month",
    "baseline": 900,
    "target": 600,
    "better": "lower",
}
STAFFING = "Reduce bank and agency staffing spend by £6m"


def test_placements_are_not_claimed_for_staffing_spend(tmp_path: Path) -> None:
    links = directors_links(tmp_path, PLACEMENTS, STAFFING, role="Director of Finance")
    found = links[("ooa", "target")]
    assert found["confidence"] == "possible"
    assert "not paid to staff" in found["explanation"]


def test_placements_are_not_claimed_for_staffing_spend_in_welsh(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, PLACEMENTS, STAFFING, role="Director of Finance", locale="cy_GB"
    )
    found = links[("ooa", "target")]
    assert found["confidence"] == "possible"
    assert "gyflogau staff" in found["explanation"]


def test_agency_hours_are_still_claimed_for_staffing_spend(tmp_path: Path) -> None:
    links = directors_links(tmp_path, AGENCY_HOURS, STAFFING, role="Director of Finance")
    assert links[("obs-hours", "target")]["confidence"] == "confident"


def test_placements_still_claimed_for_a_cost_improvement_programme(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        PLACEMENTS,
        "Deliver the £18m cost improvement programme",
        role="Director of Finance",
    )
    assert links[("ooa", "target")]["confidence"] == "confident"


def test_a_wait_for_medicines_to_take_home_is_a_tto_wait() -> None:
    assert measured(TTO["measure"]) == ("tto-medicines",)
    assert measured("Patients delayed waiting for TTOs") == ("tto-medicines",)
    assert measured("Medicines to take home dispensed within 2 hours") == ("tto-medicines",)


def test_tto_waits_are_not_claimed_for_length_of_stay_or_occupancy(tmp_path: Path) -> None:
    for objective in (
        "Reduce length of stay for elective surgery",
        "Keep bed occupancy at or below 92%",
    ):
        links = directors_links(tmp_path, TTO, objective, role="Chief Operating Officer")
        found = links.get(("tto-delays", "target"))
        assert found is None or found["confidence"] == "possible", objective


def test_tto_waits_are_offered_for_discharges_before_midday(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        TTO,
        "Increase the share of discharges before midday",
        role="Chief Operating Officer",
    )
    found = links[("tto-delays", "target")]
    assert found["reason"] == "map"
    assert found["chain"][0] == "TTOs"


def test_delayed_discharges_are_still_claimed_for_length_of_stay(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, DTOC, "Reduce length of stay for elective surgery", role="Chief Operating Officer"
    )
    assert links[("dtoc", "target")]["confidence"] == "confident"


def test_a_word_said_only_inside_two_unlinked_concepts_offers_nothing(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        TTO,
        "Halve omitted and delayed critical medicine doses",
        role="Medical Director",
    )
    assert ("tto-delays", "target") not in links
