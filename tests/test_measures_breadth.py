"""Issue 14: the measure map knows the measures of the national lists.

Most misses on projects the map had never seen were measures it had no
name for. The breadth pass added them from the lists objectives are written
against (planning guidance, the Oversight Framework, the workforce plan,
national audits, Saving Babies' Lives v3, Core20PLUS5 ...), not from any
labelled set. The pairs below were written for this test: a measure and an
objective in a lead's and a director's words.
"""

from __future__ import annotations

import pytest

from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import Link, link
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import measure_map, measured, topic_only


def linked(measure: str, text: str) -> Link | None:
    impact = Impact(id="i", measure=measure, unit="count", baseline=40, target=60)
    return link(impact, Objective(id="o", text=text), director_id="d", lens=all_lenses()["general"])


RECOGNISED = [
    ("Patients who left the emergency department without being seen", "left-without-being-seen"),
    ("Mothers given antenatal corticosteroids before a preterm birth", "perinatal-optimisation"),
    ("Invoices paid within 30 days", "bppc"),
    ("Physical assaults on staff reported", "violence-against-staff"),
    ("Term admissions to the neonatal unit", "term-admissions"),
    ("Major amputations in people with diabetes", "amputations"),
    ("Children with a personalised asthma action plan", "asthma-care"),
    ("Pharmacy First consultations for sore throat", "pharmacy-first"),
    ("Exception reports from resident doctors", "exception-reports"),
    ("People with atrial fibrillation given anticoagulation in AF clinics", "atrial-fibrillation"),
]


@pytest.mark.parametrize(("measure", "concept"), RECOGNISED)
def test_national_measures_are_recognised(measure: str, concept: str) -> None:
    assert measured(measure)[0] == concept


CLAIMED = [
    # Both sides name the same national measure.
    (
        "Ambulance handovers within 45 minutes",
        "Every ambulance handover within 45 minutes (release to respond)",
        "ambulance handover",
    ),
    (
        "Babies admitted at term to the neonatal unit: term admissions to the neonatal unit",
        "Keep term admissions to the neonatal unit below 5%",
        "term admissions to the neonatal unit",
    ),
    (
        "Major amputations in people with diabetes",
        "Halve major amputations across the county by 2030",
        "amputations",
    ),
    (
        "Physical assaults on staff by patients",
        "Fewer assaults on staff every year",
        "violence and aggression against staff",
    ),
]


@pytest.mark.parametrize(("measure", "text", "label"), CLAIMED)
def test_a_national_measure_named_on_both_sides_is_claimed(
    measure: str, text: str, label: str
) -> None:
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"
    assert found.chain is not None
    assert found.chain.labels() == (label,)


OFFERED = [
    # A cause, not a count: the lead confirms.
    (
        "New diabetic foot ulcers seen by the foot protection service within 2 working days",
        "Halve major amputations across the county by 2030",
    ),
    (
        "Children with a personalised asthma action plan",
        "Cut emergency admissions for asthma attacks by a fifth",
    ),
    # Only the area is shared: a place of safety is where, not what is counted.
    (
        "Hours police officers wait with people at the health-based place of safety",
        "A second place of safety for section 136 open by 2028",
    ),
]


@pytest.mark.parametrize(("measure", "text"), OFFERED)
def test_a_cause_or_a_shared_area_is_offered_not_claimed(measure: str, text: str) -> None:
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "possible"


def test_services_and_programmes_are_topics_not_measures() -> None:
    concepts = measure_map().concepts
    assert "section 136" in concepts["section-136"].topics
    # What is counted under the power is a measure (newuser8): the power alone is a topic.
    assert "section 136" not in concepts["section-136"].names
    assert "section 136 detentions" in concepts["section-136"].names
    assert "Martha's Rule" in concepts["marthas-rule"].topics
    liaison = "mental-health-liaison"
    assert topic_only("Mental health liaison team in the emergency department", liaison)
    assert not topic_only("Liaison team response within one hour", liaison)


def test_a_topic_name_does_not_stop_an_objective_naming_the_measure() -> None:
    # "autism assessment" names the area (a topic), so the map offers the link only; the
    # objective still names the impact's own measure in its words, which is a claim.
    found = linked(
        "Completed adult autism diagnostic assessments",
        "Every adult autism diagnostic assessment completed within the national framework",
    )
    assert found is not None
    assert found.confidence == "confident"
    assert found.reason == "words"
