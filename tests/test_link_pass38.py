"""Link pass 38 (blind68-70 read): a gap read as a level, and measures that are staff's own.

- An impact that is a gap between groups ("the gap in lipid-lowering therapy between
  the most and least deprived practices") does not show the level for everyone
  moving: against an objective on the same concept that is not a gap, the link is
  only possible (the ``level`` reason). A rota gap is a shortfall of staff, not a gap
  between groups, and is read as before.
- Sickness absence, turnover, leavers, vacancies and time to hire are counted for
  staff (NHS workforce statistics), and so are nurses, doctors, midwives and HCSWs:
  "working days lost to gout flares reported by clinic patients" counts patients, so
  it is not claimed for "Sickness absence below 4.5%".
- GPs, AHPs and HCSWs are named whose working time a measure counts, as nurses and
  consultants are: "Ad hoc GP sessions bought ... for hotel backlogs and outbreaks" counts
  GP time, so it is only possibly linked to an objective on outbreaks.
- SHMI and HSMR count hospital patients' deaths, and residents of an area are counted
  where they live: "deaths from drug poisoning among city residents" are offered, not
  claimed, for "SHMI as expected or better".

See docs/linking-evaluation.md, "Pass 38".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import between_groups, worked

GAP = (
    "Gap in lipid-lowering therapy for CVD between the most and least deprived fifths of practices"
)
LEVEL = "60% of people with CVD treated to the NICE lipid threshold by March 2027"


def test_a_gap_between_groups_is_read() -> None:
    assert between_groups(GAP)
    assert between_groups("Gap in MMR1 uptake at 24 months between the most and least deprived")
    assert not between_groups("Locum shifts booked to cover resident doctor sickness and rota gaps")
    assert not between_groups("People with CVD on lipid-lowering therapy")


def test_a_gap_is_offered_not_claimed_for_the_level(tmp_path: Path) -> None:
    impact = {"id": "gap", "measure": GAP, "unit": "percentage points", "baseline": 12, "target": 6}
    found = directors_links(tmp_path, impact, LEVEL)[("gap", "target")]
    assert found["confidence"] == "possible"
    assert found["chain"] == ["lipid management"]
    assert (
        "the impact is a gap between groups, and the objective counts the level"
        in (found["explanation"])
    )


def test_the_reason_is_given_in_welsh(tmp_path: Path) -> None:
    impact = {"id": "gap", "measure": GAP, "unit": "percentage points", "baseline": 12, "target": 6}
    found = directors_links(tmp_path, impact, LEVEL, locale="cy")[("gap", "target")]
    assert found["confidence"] == "possible"
    assert "bwlch rhwng grwpiau" in found["explanation"]


def test_a_gap_still_serves_an_objective_on_the_gap() -> None:
    found = linked(GAP, "Halve the gap in lipid treatment between the most and least deprived")
    assert found is None or found.mismatch != "level"


def test_the_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    found = linked(GAP, LEVEL, unit="percentage points")
    assert found is not None
    assert found.mismatch == "level"
    monkeypatch.setitem(RULES, "gap apart", False)
    found = linked(GAP, LEVEL, unit="percentage points")
    assert found is not None
    assert found.confidence == "confident"


WORK_DAYS = "Working days lost to gout flares reported by clinic patients of working age"


def test_patients_days_off_work_are_not_staff_sickness_absence(tmp_path: Path) -> None:
    impact = {"id": "work", "measure": WORK_DAYS, "unit": "days", "baseline": 900, "target": 600}
    found = directors_links(tmp_path, impact, "Sickness absence below 4.5%")[("work", "target")]
    assert found["confidence"] == "possible"
    assert "the impact counts patients, while the objective counts staff" in found["explanation"]


def test_staff_sickness_absence_is_still_claimed() -> None:
    found = linked("Sickness absence among ward nursing staff", "Sickness absence below 4.5%")
    assert found is not None
    assert found.confidence == "confident"


def test_a_nurse_leaving_rate_on_inpatient_wards_is_still_turnover() -> None:
    found = linked(
        "Registered nurse leaving rate on adult inpatient wards", "Nurse turnover below 10%"
    )
    assert found is not None
    assert found.confidence == "confident"


GP_SESSIONS = "Ad hoc GP sessions bought at premium rates for hotel backlogs and outbreaks"
OUTBREAKS = "Prevent and contain infectious disease outbreaks in communal settings such as hostels"


def test_gp_ahp_and_hcsw_sessions_are_working_time() -> None:
    assert worked(GP_SESSIONS, "sessions")
    assert worked("Bank AHP hours bought for weekend discharges", "hours")
    assert worked("HCSW shifts on the escalation ward", "shifts")
    assert not worked("GP appointments offered on the day", "appointments")


def test_gp_sessions_bought_for_outbreaks_are_offered_not_claimed() -> None:
    found = linked(GP_SESSIONS, OUTBREAKS, unit="sessions", baseline=240, target=40)
    assert found is not None
    assert found.confidence == "possible"
    assert found.mismatch == "work"


def test_deaths_among_residents_are_not_hospital_deaths(tmp_path: Path) -> None:
    impact = {
        "id": "deaths",
        "measure": "Deaths from drug poisoning among city residents",
        "unit": "deaths",
        "baseline": 60,
        "target": 50,
    }
    found = directors_links(tmp_path, impact, "SHMI as expected or better")[("deaths", "target")]
    assert found["confidence"] == "possible"
    assert (
        "the impact counts people living in an area, while the objective counts patients"
        in (found["explanation"])
    )
    welsh = directors_links(tmp_path, impact, "SHMI as expected or better", locale="cy")
    assert "pobl sy'n byw mewn ardal" in welsh[("deaths", "target")]["explanation"]


def test_deaths_in_hospital_still_reach_shmi() -> None:
    found = linked("Deaths from sepsis on the medical wards", "SHMI as expected or better")
    assert found is not None
    assert found.chain is not None
    assert found.chain.labels()[-1] == "SHMI"
