"""Issue 14: the same topic, another measure of it, is not a claim; a part counted in a whole is.

Read on the sixth blind set: units of blood transfused are not the serious
hazards of transfusion SHOT counts, nor compliance with a NICE quality
standard; seclusion is not prone restraint; a disproportionate use of
restraint is a gap between groups; healthcare support workers are a staff
group of their own beside registered nurses. And a name that says "staff"
holds for any one staff group: support workers leaving are staff leaving.
"""

from __future__ import annotations

import pytest

from linkcases import linked
from pitchkit.recast.measures import aimed, measured, qualifiers
from pitchkit.recast.quantity import read


def claimed(measure: str, text: str, *, unit: str = "count") -> bool:
    found = linked(measure, text, unit=unit)
    return found is not None and found.claimed


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        # Serious hazards of transfusion are incidents, not the units given.
        ("Red cell units transfused", "No serious hazards of transfusion from wrong blood in tube"),
        # Compliance with a standard is care given as it asks, not the units that follow.
        (
            "Red cell units transfused",
            "Full compliance with NICE quality standard QS138 on blood transfusion",
        ),
        # Seclusion is not restraint, and prone restraint is restraint.
        (
            "Hours of seclusion on adult acute wards",
            "No prone restraint unless there is no alternative",
        ),
        # A disproportionate use is a gap between groups, not the level.
        (
            "Physical restraints per 1,000 occupied bed days",
            "Halve the disproportionate use of restraint on Black patients (PCREF)",
        ),
        # Support workers and registered nurses are different staff groups.
        (
            "Healthcare support worker vacancy rate",
            "Registered nurse vacancies below 5% by March 2027",
        ),
        # HCSW is a staff group, not apprenticeships.
        (
            "Support workers starting a nursing degree apprenticeship",
            "Every new HCSW awarded the Care Certificate within 12 weeks",
        ),
        # "Staffing" is not "staff": a survey of nurses is not nurse staffing.
        (
            "Staff survey engagement score, nursing and midwifery",
            "Safe nurse staffing on every shift",
        ),
    ],
)
def test_another_measure_of_the_topic_is_not_claimed(measure: str, text: str) -> None:
    assert not claimed(measure, text)


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        ("Non-bleeding patients given a single red cell unit and then reassessed",
         "Full compliance with NICE quality standard QS138 on blood transfusion"),
        ("Prone (face down) restraints on adult acute wards",
         "No prone restraint unless there is no alternative"),
        ("Physical restraints per 1,000 occupied bed days",
         "No prone restraint unless there is no alternative"),
        # Restraint, seclusion and rapid tranquillisation are each counted as force.
        ("Hours of seclusion on adult acute wards",
         "Use of Force Act: full compliance and a falling use of force reported to the board"),
        ("Intramuscular rapid tranquillisation given",
         "Use of Force Act: full compliance and a falling use of force reported to the board"),
        ("Healthcare support worker vacancy rate",
         "Trust vacancy rate (all staff groups) down to 7%"),
        # A name that says "staff" holds for any one group of them.
        ("Healthcare support workers leaving within their first year", "Turnover below 10%"),
        ("Agency healthcare support worker shifts", "Agency spend down 30% on 2024/25"),
    ],
)  # fmt: skip
def test_the_measure_itself_or_a_part_of_it_is_claimed(measure: str, text: str) -> None:
    assert claimed(measure, text)


def test_the_readings_behind_them() -> None:
    assert read("Halve the disproportionate use of restraint on Black patients").kind == "gap"
    assert read("Full compliance with NICE quality standard QS138").stage == "process"
    assert read("Red cell units transfused").stage == "result"
    # "A falling use of force" is force going down, not falls.
    assert aimed("A falling use of force reported to the board") == ("restrictive-practice",)
    assert measured("Patients falling on the stroke unit") == ("falls",)
    assert qualifiers("Healthcare support worker vacancy rate") == {
        "staff group": frozenset({"support workers"})
    }
    assert qualifiers("Registered nurse vacancies") == {"staff group": frozenset({"nursing"})}
    assert measured("Healthcare support workers leaving within their first year") == ("turnover",)
