"""An impact that names a concept only as the event its count comes before or after.

The fifteenth pass (docs/linking-evaluation.md, "The fifteenth pass (branch
linkpass34)"): "Face-to-face respiratory clinic appointments held before the first
diagnostic test" counts clinic appointments; the test only says when they are held,
so it does not reach DM01 as a diagnostic wait. Such a link is offered as possible
with the doubt `event`; an outcome after the event ("30-day mortality after emergency
laparotomy") is that event's outcome and keeps its claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES, named_as_event

CLINICS = "Face-to-face respiratory clinic appointments held before the first diagnostic test"
IMPACTS = [
    {"id": "clinics",
     "measure": CLINICS,
     "unit": "count", "baseline": 1200, "target": 300},
    {"id": "waits", "measure": "Patients waiting more than six weeks for a diagnostic test",
     "unit": "count", "baseline": 400, "target": 100},
]  # fmt: skip
OBJECTIVES = [{"id": "dm01", "text": "DM01: no more than 5% of patients waiting over six weeks"}]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Operating Officer")


def test_the_event_is_read_from_the_words_before_it() -> None:
    assert named_as_event(CLINICS, "diagnostic-waits")
    assert named_as_event(
        "HIV post-exposure prophylaxis courses started after a sharps injury", "staff-injuries"
    )
    assert not named_as_event("30-day mortality after emergency laparotomy", "emergency-laparotomy")
    assert not named_as_event("Patients waiting more than six weeks for a diagnostic test",
                              "diagnostic-waits")  # fmt: skip


def test_directors_offers_the_clinics_and_keeps_the_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = links_listed(project(tmp_path))
    held = links[("clinics", "dm01")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "event"
    assert "only as the event its count is taken before or after" in held["explanation"]
    assert links[("waits", "dm01")]["confidence"] in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("clinics", "dm01")]
    assert welsh["doubt"] == "event"
    assert "fel y digwyddiad" in welsh["explanation"]


def test_the_rule_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "events", False)
    assert links_listed(project(tmp_path))[("clinics", "dm01")]["confidence"] in {
        "explicit",
        "confident",
    }
