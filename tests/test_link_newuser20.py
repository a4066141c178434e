"""The links a new user found wrong or missing in an enhanced care project (newuser20 #1, #2,
#6; newuser19 #4): docs/linking-evaluation.md, "New-user links, session 19 (branch linknew20)"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linkcases import directors_links
from pitchkit.recast.measures import counts_other_thing, families_disagree


def _money(impact_id: str, measure: str, unit: str, amount: float) -> dict[str, Any]:
    return {
        "id": impact_id,
        "measure": measure,
        "unit": unit,
        "per": "month",
        "baseline": 380,
        "target": 200,
        "value": {"amount": amount, "currency": "GBP", "source": "Invoices, 2025/26"},
        "releases": "cash",
    }


SHIFTS = _money(
    "hcsw-shifts",
    "Bank and agency healthcare support worker shifts for one-to-one observation",
    "shifts",
    205,
)
PADS = _money(
    "sensor-pads", "Single-use bed and chair falls sensor pads issued to medical wards", "pads", 24
)
SCOPES = _money(
    "scopes-sent", "Surveillance gastroscopies sent to the independent sector", "gastroscopies", 620
)
BED_DAYS = {
    "id": "bed-days",
    "measure": "Bed days beyond expected length of stay for patients on enhanced observation",
    "unit": "bed days",
    "per": "month",
    "baseline": 520,
    "target": 400,
}


def test_support_worker_shifts_are_claimed_for_a_nursing_temporary_staffing_budget(
    tmp_path: Path,
) -> None:
    links = directors_links(
        tmp_path, SHIFTS, "Cut nursing bank and agency spend by £2m", role="Chief Nurse"
    )
    found = links[("hcsw-shifts", "target")]
    # The same chain the finance director's agency objective is claimed by.
    assert found["confidence"] == "confident"
    assert "temporary staffing" in found["explanation"]


def test_registered_nurses_and_support_workers_are_still_counted_apart() -> None:
    # Only a nursing budget takes in support workers: a workforce count does not.
    assert families_disagree(
        "Healthcare support worker vacancies", "Reduce registered nurse vacancies to 5%"
    )
    assert not families_disagree(
        "Bank and agency healthcare support worker shifts", "Cut nursing bank and agency spend"
    )


def test_sensor_pads_are_not_claimed_for_fewer_falls(tmp_path: Path) -> None:
    assert counts_other_thing(PADS["measure"], "falls", "pads")
    assert not counts_other_thing(
        "Inpatient falls with moderate or severe harm on adult medical wards", "falls", "falls"
    )
    links = directors_links(
        tmp_path, PADS, "Reduce inpatient falls with harm by 20%", role="Chief Nurse"
    )
    found = links[("sensor-pads", "target")]
    assert found["confidence"] == "possible"


def test_pay_is_not_offered_to_non_pay_spend(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, SHIFTS, "Keep non-pay spend within budget", role="Director of Finance"
    )
    assert ("hcsw-shifts", "target") not in links


def test_consumables_are_still_offered_to_non_pay_spend(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, PADS, "Keep non-pay spend within budget", role="Director of Finance"
    )
    assert links[("sensor-pads", "target")]["confidence"] == "possible"


def test_outsourced_work_is_not_offered_to_drugs_and_consumables(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        SCOPES,
        "Keep drugs and consumables spend within budget",
        role="Director of Finance",
    )
    assert ("scopes-sent", "target") not in links


def test_expected_alone_does_not_offer_bed_days_to_shmi(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, BED_DAYS, "Keep SHMI within the expected range", role="Medical Director"
    )
    assert ("bed-days", "target") not in links


def test_a_synonym_group_does_not_join_what_the_map_keeps_apart(tmp_path: Path) -> None:
    # The COO lens's flow group holds both "length of stay" and "no criteria to reside";
    # the map names them as two concepts and links them by no chain.
    links = directors_links(
        tmp_path,
        BED_DAYS,
        "Reduce the number of patients with no criteria to reside (NCTR)",
        role="Chief Operating Officer",
    )
    assert ("bed-days", "target") not in links
