"""Link pass 39 (blind71-73 read): whose staff, which organism, and a fall that is a change.

- The allied health professions are the fourteen NHS England lists, so an
  operating department practitioner (ODP) is an AHP: "ODP vacancy rate" serves
  "AHP vacancy rate below 8%", and is not claimed for registered nurse or
  healthcare support worker vacancies.
- UKHSA's mandatory surveillance counts MRSA, MSSA, E. coli, Klebsiella and
  Pseudomonas bacteraemias and C. difficile apart: hospital-onset MSSA
  bacteraemia is not claimed for "Zero MRSA bacteraemia".
- A singular "fall" (or rise, drop, dip) opening a measure and followed by "in" or
  "of" is a change in that measure, not a patient's fall: "Fall in ED 4-hour
  performance in the go-live month" is not claimed for "Inpatient falls with harm
  down 15%".
- Escalation beds are opened beyond the funded bed base: fewer bed days in them is
  capacity closed, so "Bed days in unfunded escalation beds" is offered, not claimed,
  for "G&A occupancy 92% by March 2027" (doubt ``where``), and still reaches agency
  spend.
- Pupils' absence from school (the DfE's persistent and severe absence, school days
  missed) is the concept school attendance, not staff sickness absence.
- A time of day inside a name's words says when something is done: "TTOs ready by
  10:00 for discharges planned the day before" are medicines ready, not patients
  ready for discharge, so they are not claimed for the share of beds with no criteria
  to reside.

See docs/linking-evaluation.md, "Pass 39".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast.measures import RULES, families_disagree, mentions, qualifiers


def test_an_odp_is_an_allied_health_professional() -> None:
    assert qualifiers("ODP vacancy rate")["staff group"] == frozenset({"allied health"})
    assert families_disagree("ODP vacancy rate", "AHP vacancy rate below 8%") is None
    assert families_disagree("Dietitian vacancies", "AHP vacancy rate below 8%") is None
    nurses = "Registered nurse vacancy rate below 5%"
    assert families_disagree("ODP vacancy rate", nurses) == "staff group"
    hcsw = "Grow the ICS healthcare support worker pipeline to zero HCSW vacancies"
    assert families_disagree("ODP vacancy rate", hcsw) == "staff group"
    found = linked("ODP vacancy rate", nurses)
    assert found is None or not found.claimed
    found = linked("ODP vacancy rate", "AHP vacancy rate below 8%")
    assert found is not None
    assert found.claimed


def test_one_organism_does_not_serve_another() -> None:
    mssa = "Hospital-onset MSSA bacteraemia"
    assert families_disagree(mssa, "Zero MRSA bacteraemia") == "organism"
    found = linked(mssa, "Zero MRSA bacteraemia")
    assert found is None or not found.claimed
    assert families_disagree("C. diff cases", "Reduce E. coli bacteraemia by 10%") == "organism"
    # Staphylococcus aureus names both kinds; gram-negative names no one organism.
    assert families_disagree("Staphylococcus aureus bacteraemias", "Zero MRSA") is None
    assert (
        families_disagree("E. coli bloodstream infections", "Reduce gram-negative BSIs by 10%")
        is None
    )
    assert families_disagree("CDI cases", "HCAI within thresholds (C. diff, MRSA)") is None


def test_a_fall_in_a_measure_is_a_change(monkeypatch: pytest.MonkeyPatch) -> None:
    change = "Fall in ED 4-hour performance in the go-live month against the month before"
    assert "falls" not in {m.concept for m in mentions(change)}
    assert "falls" not in {m.concept for m in mentions("A fall in the length of stay")}
    # A patient who falls, and falls counted in the plural, are still falls.
    for text in ("Patients who fall in hospital", "Falls in hospital", "Patient fall rate"):
        assert "falls" in {m.concept for m in mentions(text)}
    found = linked(change, "Inpatient falls with harm down 15%")
    assert found is None or not found.claimed
    # Without the rule (a text not read before: mentions are remembered) it is a fall.
    monkeypatch.setitem(RULES, "change nouns", False)
    assert "falls" in {m.concept for m in mentions("Fall in day case rates in the first month")}


ESCALATION = "Bed days in unfunded escalation beds"


def test_escalation_bed_days_do_not_lower_occupancy(tmp_path: Path) -> None:
    impact = {"id": "esc", "measure": ESCALATION, "unit": "bed days", "baseline": 6500}
    impact |= {"target": 3000}
    found = directors_links(tmp_path, impact, "G&A occupancy 92% by March 2027")[("esc", "target")]
    assert found["confidence"] == "possible"
    assert found["chain"] == ["bed days", "bed occupancy"]
    assert "escalation beds opened beyond the funded bed base" in found["explanation"]


def test_escalation_bed_days_in_welsh(tmp_path: Path) -> None:
    impact = {"id": "esc", "measure": ESCALATION, "unit": "bed days", "baseline": 6500}
    impact |= {"target": 3000}
    text = "G&A occupancy 92% by March 2027"
    found = directors_links(tmp_path, impact, text, locale="cy")[("esc", "target")]
    assert found["confidence"] == "possible"
    assert "gwelyau uwchgyfeirio" in found["explanation"]


def test_escalation_bed_days_still_reach_agency_spend() -> None:
    found = linked(
        "Escalation bed days on Ward 22 (winter contingency staffed by bank and agency)",
        "BAF risk 2: agency spend over the 3.2% cap",
    )
    assert found is not None
    assert found.chain is not None


def test_school_absence_is_not_sickness_absence() -> None:
    pupils = "Persistent absence among pupils on the school nurse emotional health caseload"
    assert [m.concept for m in mentions(pupils)] == ["school-attendance"]
    assert [m.concept for m in mentions("Staff absence")] == ["sickness-absence"]
    found = linked(pupils, "Sickness absence at or below 4.8%")
    assert found is None or not found.claimed
    found = linked(
        "School half-days missed by CYP with type 1 diabetes to attend diabetes clinic",
        "Persistent absence from school below 15% (DfE)",
    )
    assert found is not None
    assert found.claimed
    assert found.chain is not None


def test_a_time_of_day_splits_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    ttos = "TTOs ready by 10:00 for discharges planned the day before"
    assert [m.concept for m in mentions(ttos)] == ["tto-medicines"]
    ready = "Patients ready for discharge by 10:00"
    assert "delayed-discharge" in {m.concept for m in mentions(ready)}
    found = linked(ttos, "Patients with no criteria to reside below 12% of occupied beds")
    assert found is None or not found.claimed
    # Without the rule (a text not read before: mentions are remembered) it is one name.
    monkeypatch.setitem(RULES, "clock times", False)
    also = "Drugs ready by 11:00 for discharges planned the day before"
    assert "delayed-discharge" in {m.concept for m in mentions(also)}
