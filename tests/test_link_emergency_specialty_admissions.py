"""Emergency admissions named with their specialty are emergency admissions.

newuser19's "Emergency general surgery admissions for abdominal pain" reached no concept
of the measure map: the specialty stood between "emergency" and "admissions", so the
Chief Operating Officer's bed occupancy objective, the project's largest benefit, was not
even offered. Read through ``pitchkit directors --json`` on a small facts file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]


@pytest.mark.parametrize(
    "measure",
    [
        "Emergency general surgery admissions for abdominal pain",
        "Emergency surgical admissions",
        "Emergency medical admissions of people aged 80 and over",
    ],
)
def test_emergency_admissions_of_a_specialty_reach_bed_occupancy(
    directors_json: DirectorsJson, measure: str
) -> None:
    text = (
        "project:\n  title: Surgical SDEC\n"
        "  organisation: Example Hospitals NHS Trust\n"
        "  lead: {name: Sam Lee, role: Consultant Surgeon}\n"
        "  problem: Surgical patients wait in ED.\n  change: A surgical SDEC unit.\n"
        "  start: 2026-04-01\n  end: 2027-09-30\nimpacts:\n"
        f"  - id: admissions\n    measure: {measure}\n    unit: admissions\n    per: month\n"
        "    baseline: 320\n    target: 240\n"
        "directors:\n  - id: coo\n    name: Pat Smith\n    role: Chief Operating Officer\n"
        "    objectives:\n"
        "      - {id: occupancy, text: 'Keep general and acute bed occupancy below 92%'}\n"
    )
    [link] = directors_json(text)["directors"][0]["links"]
    assert link["confidence"] == "confident"
    assert link["chain"] == ["emergency admissions", "bed occupancy"]
