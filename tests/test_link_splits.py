"""Concepts that lumped neighbouring measures, split into the measures directors count.

Smoking, waste, job planning and theatre utilisation each stood for several
measures, so a "same concept" claim joined an impact to an objective about
another measure of it (a referral for a treatment offer, plate waste for
clinical waste incineration, a team job plan for signed individual plans, late
starts for cases per list). Each is split in the measure map, with "counted
inside" edges where one measure is part of another; for each split a right
link is still claimed and a wrong one no longer is.

See docs/linking-evaluation.md, "The split pass (branch linksplit25)".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES, aimed, measured

CLAIMED = {"explicit", "confident"}


def _link(tmp_path: Path, measure: str, objective: str, *, rising: bool = False) -> Any:
    baseline, target = (80, 100) if rising else (100, 80)
    impact = {"id": "split", "measure": measure, "unit": "count", "baseline": baseline,
              "target": target}  # fmt: skip
    found = directors_links(tmp_path, impact, objective)
    return found.get(("split", "target"))


def _claimed(link: Any) -> bool:
    return link is not None and link["confidence"] in CLAIMED


def test_smoking_is_split_into_prevalence_quits_and_treatment() -> None:
    assert aimed("Adult smoking prevalence down to 12% by 2030 (Smokefree 2030)") == (
        "smoking-prevalence",
    )
    assert measured("Four-week quits through the stop smoking service") == ("smoking-quits",)
    # "Smokers" says whom the treatment is offered to; the offer is its own measure.
    assert "tobacco-dependence-treatment" in aimed(
        "95% of smokers admitted offered opt-out tobacco dependence treatment"
    )


def test_quits_are_claimed_for_smoking_prevalence(tmp_path: Path) -> None:
    found = _link(
        tmp_path,
        "Four-week quits through the stop smoking service",
        "Adult smoking prevalence down to 12% by 2030 (Smokefree 2030)",
    )
    assert _claimed(found)
    assert found["chain"] == ["quits from smoking", "smoking prevalence"]


def test_a_referral_in_pregnancy_is_not_claimed_for_treatment_offered_on_the_wards(
    tmp_path: Path,
) -> None:
    found = _link(
        tmp_path,
        "Pregnant women referred to the council's stop smoking service",
        "95% of smokers admitted to adult wards offered opt-out tobacco dependence treatment",
    )
    assert not _claimed(found)


def test_food_waste_is_claimed_for_food_waste_not_clinical_waste(tmp_path: Path) -> None:
    plate = "Plate waste (food served but left uneaten), share of weight served"
    assert "food-waste" in measured(plate)
    found = _link(tmp_path, plate, "Food waste standard met, with food waste falling every year")
    assert _claimed(found)
    found = _link(tmp_path, plate, "Cut high-temperature incineration of clinical waste by 30%")
    assert not _claimed(found)


def test_single_use_plastics_bought_are_not_clinical_waste(tmp_path: Path) -> None:
    found = _link(
        tmp_path,
        "Single-use plastic cups and cutlery bought for catering",
        "Cut clinical and offensive waste disposal costs by 10%",
    )
    assert not _claimed(found)


def test_signed_job_plans_are_claimed_and_team_job_plans_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    signed = "Consultants with a job plan signed off in the e-job planning system"
    assert measured(signed) == ("signed-job-plans",)
    found = _link(tmp_path, signed, "95% of consultants with a signed job plan by March 2027")
    assert _claimed(found)
    # Signed plans are counted inside the levels of attainment.
    found = _link(tmp_path, signed, "Level 3 attainment for medical e-job planning by March 2027")
    assert _claimed(found)
    assert found["chain"] == [
        "signed job plans",
        "e-rostering and e-job planning levels of attainment",
    ]
    found = _link(
        tmp_path,
        "Specialties with a team job plan matched to their demand and capacity plan",
        "95% of consultants with a signed job plan by March 2027",
    )
    assert not _claimed(found)


def test_cases_per_list_count_in_utilisation_and_late_starts_are_not_cases(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    found = _link(
        tmp_path,
        "Hernia repairs per all-day list",
        "Capped theatre utilisation of 85%",
        rising=True,
    )
    assert _claimed(found)
    assert found["chain"] == ["cases per list", "theatre utilisation"]
    late = "Main theatre sessions starting more than 15 minutes late"
    found = _link(tmp_path, late, "Capped theatre utilisation of 85%")
    assert _claimed(found)
    found = _link(tmp_path, late, "Cases per list at the Model Hospital upper quartile")
    assert not _claimed(found)
