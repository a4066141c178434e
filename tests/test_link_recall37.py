"""Names and one concept from recall pass 37 (docs/linking-evaluation.md, "Recall pass 37").

Ventilator-associated pneumonia (VAP) is its own concept, a healthcare-associated
infection; days of antibiotic therapy count antibiotic use; software past its
support and security patches are what Cyber Essentials and the DSPT test; MMR1 and
MMR2 are the two doses of the childhood MMR count; the Triangle of Care is the
carers' standard; debt unpaid after 90 days is aged debt; "12 hours in the
department" is a 12-hour wait; "missed outpatient appointments" are DNAs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES, concepts_in

VAP = "ventilator-associated-pneumonia"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("VAP episodes per 1,000 ventilated bed days, cardiac ICU", VAP),
        ("Ventilated patients with the VAP care bundle complete", VAP),
        ("Days of antibiotic therapy per 1,000 admissions", "antimicrobial-stewardship"),
        ("Servers still running an unsupported operating system", "cyber-security"),
        ("Cyber Essentials Plus certification by March 2028", "cyber-security"),
        ("MMR2 uptake at five years in the most deprived wards", "vaccination"),
        ("Every acute ward holding its first Triangle of Care star", "carers"),
        ("Overseas visitor debt over 90 days", "aged-debt"),
        ("Aged debt below £3m by the year end", "aged-debt"),
        ("No more than 2% of attendances spending 12 hours in the department", "twelve-hour-waits"),
        ("Missed outpatient appointments among patients who need an interpreter", "did-not-attend"),
    ],
)  # fmt: skip
def test_the_new_names_are_read(text: str, concept: str) -> None:
    assert concept in concepts_in(text)


def test_phishing_is_not_read_as_cyber_security() -> None:
    """Phishing clicks are staff awareness, not the technical controls Cyber Essentials tests."""
    text = "Staff opening the attachment in test phishing emails"
    assert "cyber-security" not in concepts_in(text)


def test_ventilator_pneumonia_is_not_ward_pneumonia() -> None:
    assert "hospital-acquired-pneumonia" not in concepts_in(
        "Ventilator-associated pneumonia in the neuro ICU"
    )


def _claimed(
    tmp_path: Path, impact: dict[str, Any], objective: str, role: str, *names: str
) -> None:
    found = directors_links(tmp_path, impact, objective, role=role)[(impact["id"], "target")]
    assert found["confidence"] in {"explicit", "confident"}
    for name in names:
        assert name in found["explanation"]


def test_directors_claims_the_vap_rate_for_a_vap_aim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {
        "id": "vap",
        "measure": "VAP episodes per 1,000 ventilated bed days, cardiac ICU",
        "unit": "per 1,000 ventilated bed days",
        "baseline": 11,
        "target": 6,
    }
    _claimed(
        tmp_path,
        impact,
        "Halve ventilator-associated pneumonia in adult critical care by 2028",
        "Medical Director",
        "ventilator-associated pneumonia",
    )


def test_directors_claims_unsupported_software_for_cyber_essentials(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {
        "id": "legacy",
        "measure": "Servers still running an unsupported operating system",
        "unit": "servers",
        "baseline": 40,
        "target": 0,
    }
    _claimed(
        tmp_path,
        impact,
        "Cyber Essentials Plus certification by March 2028",
        "Chief Digital Information Officer",
        "cyber security",
    )


def test_directors_claims_overdue_debt_for_the_aged_debt_aim(tmp_path: Path) -> None:
    impact = {
        "id": "overseas",
        "measure": "Overseas visitor debt over 90 days",
        "unit": "£",
        "baseline": 900000,
        "target": 400000,
    }
    _claimed(
        tmp_path, impact, "Aged debt below £3m by the year end", "Chief Financial Officer",
        "aged debt",
    )  # fmt: skip


def test_directors_claims_carer_contact_for_the_triangle_of_care(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {
        "id": "carers",
        "measure": "Admissions where a named carer is contacted within 48 hours",
        "unit": "%",
        "baseline": 40,
        "target": 85,
    }
    _claimed(
        tmp_path,
        impact,
        "Triangle of Care: first star on every acute ward by 2028",
        "Director of Nursing",
        "carers",
    )
