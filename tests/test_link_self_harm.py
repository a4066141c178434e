"""Self-harm is not suicide: the measure map counts them apart (newuser16 #6).

A repeat self-harm impact was linked to a suicide objective as "both measure
suicide". Self-harm is now its own concept, with an edge to suicide
prevention as its strongest known risk factor (NICE NG225). Read through
``pitchkit directors --json`` on a small facts file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]


def _facts(organisation: str, impacts: dict[str, str], objectives: dict[str, str]) -> str:
    text = (
        "project:\n  title: Test project\n"
        f"  organisation: {organisation}\n"
        "  lead: {name: Sam Lee, role: Consultant}\n"
        "  problem: Patients wait too long.\n  change: A new pathway.\n"
        "  start: 2026-04-01\n  end: 2027-09-30\nimpacts:\n"
    )
    for ident, measure in impacts.items():
        text += (
            f"  - id: {ident}\n    measure: {measure}\n    unit: cases\n    per: year\n"
            "    baseline: 1300\n    target: 500\n"
        )
    text += "directors:\n  - id: d\n    name: Priya Shah\n    role: Medical Director\n"
    text += "    objectives:\n"
    text += "".join(f"      - {{id: {i}, text: '{t}'}}\n" for i, t in objectives.items())
    return text


def _links(directors_json: DirectorsJson, text: str) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (x["impact"], x["objective"].split(".")[-1]): x
        for x in directors_json(text)["directors"][0]["links"]
    }


def test_self_harm_is_its_own_measure(directors_json: DirectorsJson) -> None:
    links = _links(
        directors_json,
        _facts(
            "Example Mental Health NHS Foundation Trust",
            {"harm": "Repeat self-harm presentations to A&E by people on the pathway"},
            {
                "both": "Reduce suicide and self-harm among people in contact with our services",
                "suicide": "Reduce suicides among people in contact with our services",
            },
        ),
    )
    assert links[("harm", "both")]["confidence"] == "confident"
    assert "both measure self-harm" in links[("harm", "both")]["explanation"]
    suicide = links.get(("harm", "suicide"))
    assert suicide is None or suicide["confidence"] == "possible"
