"""An objective on the share of capacity used is not moved by a count of something else.

The fourteenth pass (docs/linking-evaluation.md, "The fourteenth pass (branch
linkpass32)"): "90% of outpatient clinic slots used" or "Endoscopy list utilisation at
90%" count the share of planned slots, lists or time used. An impact about the same
concept that counts clinics or procedures, not capacity used or lost, is offered as
possible with the doubt `used`; one that counts sessions or lists lost stays claimed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import used

IMPACTS = [
    {"id": "notes", "measure": "Outpatient clinics starting without the patient's notes",
     "unit": "count", "baseline": 400, "target": 50},
    {"id": "lost", "measure": "Outpatient clinic sessions lost to rooms double-booked",
     "unit": "count", "baseline": 400, "target": 50},
]  # fmt: skip
OBJECTIVES = [{"id": "slots", "text": "90% of outpatient clinic slots used"}]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Operating Officer")


def test_capacity_used_is_read_from_the_objective() -> None:
    objective = "Endoscopy list utilisation at 90% (GIRFT)"
    assert used(objective, "Endoscopy procedures with a complete trace record", "count")
    assert not used(objective, "Endoscopy lists started late by more than 30 minutes", "count")
    assert not used("Endoscopy waits under six weeks", "Endoscopy procedures done", "count")


def test_directors_offers_the_count_and_keeps_the_lost_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = links_listed(project(tmp_path))
    held = links[("notes", "slots")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "used"
    assert "share of planned slots, lists or time used" in held["explanation"]
    assert links[("lost", "slots")]["confidence"] in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("notes", "slots")]
    assert welsh["doubt"] == "used"
    assert "capasiti a ddefnyddiwyd" in welsh["explanation"]


def test_the_rule_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "capacity used", False)
    assert links_listed(project(tmp_path))[("notes", "slots")]["confidence"] in {
        "explicit",
        "confident",
    }
