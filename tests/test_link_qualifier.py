"""A concept one side names only to qualify another measure makes no same-concept claim.

The twelfth pass (docs/linking-evaluation.md, "The twelfth pass (branch linkpass30)"):
"Community nursing turnover below 12%" counts staff turnover, and names community nursing
only to say whose; "Outpatient letters printed and posted" counts printing and postage. A
same-concept claim that stands on such a name, where the other side does not name the
qualified measure, is offered as possible (doubt "qualifier").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES, qualifies_concept

IMPACTS = [
    # Not "for community nursing patients": turnover is counted for staff (link pass 38),
    # so patients against it would be held back as other people (doubt "who") first.
    {"id": "dressings", "measure": "Wound dressing changes in community nursing",
     "unit": "count", "baseline": 900, "target": 700},
    {"id": "letters", "measure": "Outpatient letters printed and posted", "unit": "count",
     "baseline": 900, "target": 700},
]  # fmt: skip
OBJECTIVES = [
    {"id": "turnover", "text": "Community nursing turnover below 12%"},
    {"id": "caseload", "text": "Community nursing waiting list down 10%"},
    {"id": "sent", "text": "Clinic letters sent within 7 days of the appointment"},
    {"id": "printing", "text": "Printing and postage costs down 20%"},
]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Nurse")


def test_a_name_straight_before_another_measure_qualifies_it() -> None:
    turnover = "Community nursing turnover below 12%"
    assert qualifies_concept(turnover, "community-waits", "Wound dressings") is not None
    # The other side names the qualified measure: the claim may stand on it.
    assert qualifies_concept(turnover, "community-waits", "Community nurse turnover") is None
    assert (
        qualifies_concept("Community nursing waiting list down 10%", "community-waits", "") is None
    )


def test_directors_offers_the_qualified_claim_and_keeps_the_plain_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = links_listed(project(tmp_path))
    held = links[("dressings", "turnover")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "qualifier"
    assert "only to describe another measure it counts" in held["explanation"]
    assert links[("letters", "sent")]["doubt"] == "qualifier"
    kept = links[("dressings", "caseload")]
    assert kept["confidence"] == "confident"
    assert links[("letters", "printing")]["confidence"] == "confident"
    welsh = links_listed(project(tmp_path), locale="cy")[("dressings", "turnover")]
    assert "dim ond i ddisgrifio mesur arall" in welsh["explanation"]


def test_the_rule_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "qualified concepts", False)
    # With the scorer refitted on every read set up to blind70, the odds pass would hold
    # this link back too (less than even odds, and the impact has another claim): off, so
    # the test sees this rule alone.
    monkeypatch.setitem(RULES, "doubted odds", False)
    qualifies_concept.cache_clear()
    links = links_listed(project(tmp_path))
    assert links[("dressings", "turnover")]["confidence"] == "confident"
    qualifies_concept.cache_clear()
