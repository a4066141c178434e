"""The second claim-recall pass: an admission avoided, and cash against a whole-budget aim
(docs/linking-evaluation.md, "The second claim-recall pass (session 14)")."""

from __future__ import annotations

from linkcases import linked
from pitchkit.recast.measures import measured


def offer(measure: str, objective: str) -> tuple[str, tuple[str, ...]] | None:
    """The confidence and chain of the link from ``measure`` to ``objective``, if any."""
    found = linked(measure, objective, baseline=100, target=50)
    if found is None:
        return None
    return found.confidence, found.chain.labels() if found.chain else ()


def test_a_patient_managed_without_admission_is_an_admission_avoided() -> None:
    assert measured("Low-risk upper GI bleeds discharged from ED without admission") == (
        "admissions-avoided",
    )
    assert measured("Low-risk febrile neutropenia managed as ambulatory") == ("admissions-avoided",)


def test_an_admission_avoided_is_claimed_for_general_and_acute_occupancy() -> None:
    found = offer(
        "Low-risk upper GI bleeds discharged from ED without admission",
        "G&A bed occupancy at or below 92%",
    )
    assert found == (
        "confident",
        ("admissions avoided", "emergency admissions", "bed occupancy"),
    )


def test_an_admission_avoided_does_not_free_a_critical_care_bed() -> None:
    # An avoided admission is to an acute ward (qualifier_defaults: bed type).
    found = offer(
        "Low-risk febrile neutropenia managed as ambulatory, home within 24 hours",
        "Critical care occupancy below 85%",
    )
    assert found is None or found[0] == "possible"


def test_an_admission_avoided_in_labour_is_not_an_emergency_admission() -> None:
    # Women admitted in labour are maternity admissions, counted apart from emergency ones
    # (review14, session 14: this was claimed for "Reduce emergency admissions by 5%").
    found = offer(
        "Women in early labour supported at home rather than admitted to the labour ward",
        "Reduce emergency admissions by 5%",
    )
    assert found is None or found[0] == "possible"


def test_a_mental_health_admission_avoided_does_not_free_an_acute_bed() -> None:
    found = offer(
        "Adults in mental health crisis cared for in the crisis house instead of an admission "
        "to an inpatient ward",
        "Keep general and acute bed occupancy below 92%",
    )
    assert found is None or found[0] == "possible"
