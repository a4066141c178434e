"""The links a new user found missing in session 17 (newuser15 #3): GP time, medicines that
prevent cardiovascular events, and patients up and dressed (docs/linking.md, "The new-user
misses, session 17 (branch linknew15)")."""

from __future__ import annotations

from pathlib import Path

from linkcases import directors_links
from pitchkit.recast.measures import aimed, measured

GP_APPOINTMENTS = {
    "id": "gp-appointments",
    "measure": "GP appointments used for routine CKD reviews",
    "unit": "appointments",
    "per": "year",
    "baseline": 9800,
    "target": 6500,
}
SGLT2 = {
    "id": "sglt2i",
    "measure": "Eligible CKD patients on an SGLT2 inhibitor",
    "unit": "%",
    "baseline": 28,
    "target": 70,
}
UP_AND_DRESSED = {
    "id": "symudedd",
    "measure": {
        "en": "Patients up and dressed by midday",
        "cy": "Cleifion wedi codi a gwisgo erbyn canol dydd",
    },
    "unit": "%",
    "baseline": 30,
    "target": 75,
}
CV_EVENTS = "Reduce cardiovascular events through medicines optimisation"


def test_gp_time_is_how_directors_write_gp_appointments() -> None:
    for text in (
        "Free GP time",
        "Release clinician time in general practice",
        "Protect general practice time for complex care",
    ):
        assert "gp-access" in aimed(text), text


def test_appointments_taken_off_gp_lists_are_claimed_for_free_gp_time(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, GP_APPOINTMENTS, "Free GP time", role="Director of Primary Care"
    )
    found = links[("gp-appointments", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["GP appointments"]
    assert "both measure GP appointments" in found["explanation"]


def test_medicines_with_outcome_evidence_are_their_own_concept() -> None:
    for measure in (
        "Eligible CKD patients on an SGLT2 inhibitor",
        "People with CKD and an ACR over 3 on an ACE inhibitor or ARB",
        "Patients with heart failure on guideline-directed medical therapy",
    ):
        assert "cardiovascular-medicines" in measured(measure), measure
    # The concept is the treatment, not its cost: the prescribing budget stays drug spend.
    assert "cardiovascular-medicines" not in aimed(
        "Keep the prescribing budget within its allocation"
    )


def test_sglt2_uptake_reaches_cardiovascular_events_with_its_reason(tmp_path: Path) -> None:
    links = directors_links(tmp_path, SGLT2, CV_EVENTS, role="Director of Medicines Optimisation")
    found = links[("sglt2i", "target")]
    # A lone cause step the labelled sets have not vouched for is offered, with its chain.
    assert found["confidence"] == "possible"
    assert found["doubt"] == "cause"
    assert found["chain"] == [
        "medicines that prevent cardiovascular events",
        "strokes and heart attacks",
    ]
    assert "prevent heart attacks, strokes and heart-failure admissions" in found["explanation"]


def test_fewer_patients_on_the_medicine_takes_no_edge(tmp_path: Path) -> None:
    falling = dict(SGLT2, baseline=70, target=28)
    links = directors_links(tmp_path, falling, CV_EVENTS, role="Director of Medicines Optimisation")
    assert ("sglt2i", "target") not in links


def test_up_and_dressed_reaches_rehabilitation_in_english_and_welsh(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, UP_AND_DRESSED, "Increase access to rehabilitation", role="Director of Therapies"
    )
    found = links[("symudedd", "target")]
    assert found["confidence"] == "possible"
    assert found["chain"] == ["patients up, dressed and moving", "rehabilitation"]
    assert "rehabilitation given on the ward" in found["explanation"]
    welsh = directors_links(
        tmp_path,
        UP_AND_DRESSED,
        "Increase access to rehabilitation",
        role="Director of Therapies",
        locale="cy_GB",
    )[("symudedd", "target")]
    assert "adsefydlu a roddir ar y ward" in welsh["explanation"]


def test_bed_days_are_not_care_moved_into_the_community(tmp_path: Path) -> None:
    # Fewer bed days come as often from a shorter stay as from care moved out of
    # hospital: only the lead, who knows the change, can say so (supports:).
    links = directors_links(
        tmp_path,
        {
            "id": "bed-days",
            "measure": "Occupied bed days for patients with pleural effusion",
            "unit": "bed days",
            "per": "year",
            "baseline": 2600,
            "target": 1100,
        },
        "Move care from hospital into the community",
    )
    assert ("bed-days", "target") not in links
