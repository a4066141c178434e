"""Readings from the seventeenth pass (blind65-67 read): the same measure somewhere else.

docs/linking-evaluation.md, "The seventeenth pass (branch linkpass37)". A measure of
patients on a hospital's wards is not one of care home residents or of general
practice; a postnatal stay is not a general and acute (G&A) bed; one NHS Staff Survey
question scores in its own People Promise element, not another nor the engagement
theme; theatre lists run count capacity provided, not how full it is; a case closed in
time is handled in time. Each such claim is offered with its doubt and reason; the
measure in its own setting, element or use stays claimed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES
from pitchkit.recast.whowhere import apart

IMPACTS = [
    {"id": "ward-opioid", "measure": "Inpatients started on modified-release opioids on the ward",
     "unit": "patients", "baseline": 300, "target": 150},
    {"id": "gp-opioid", "measure": "Opioid items prescribed in general practice for back pain",
     "unit": "items", "baseline": 3000, "target": 2000},
    {"id": "flex", "measure": "Staff Survey: content with the flexible working offered",
     "unit": "%", "baseline": 50, "target": 60},
    {"id": "extra-lists", "measure": "Extra Saturday theatre lists run by an insourced team",
     "unit": "lists", "baseline": 0, "target": 40},
    {"id": "early-finish", "measure": "Theatre sessions ending more than 45 minutes early",
     "unit": "sessions", "baseline": 120, "target": 40},
    {"id": "postnatal", "measure": "Postnatal ward length of stay after a vaginal birth",
     "unit": "days", "baseline": 2, "target": 1},
    {"id": "reports", "measure": "Exception reports raised for rest breaks missed",
     "unit": "reports", "baseline": 400, "target": 200},
]  # fmt: skip
OBJECTIVES = [
    {"id": "ltop", "text": "Long-term opioid prescribing in primary care down 10% (ePACT2)"},
    {"id": "engage", "text": "Staff engagement score of 7.1 in the 2026 survey"},
    {"id": "flexibly", "text": "People Promise 'we work flexibly' score above 6.6"},
    {"id": "util", "text": "Capped theatre utilisation of 85% (GIRFT)"},
    {"id": "occ", "text": "G&A bed occupancy at or below 92%"},
    {"id": "closed", "text": "Exception reports closed within 14 days of submission"},
]
CLAIMED = {"explicit", "confident"}


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Operating Officer")


def test_the_families_tell_settings_and_survey_elements_apart() -> None:
    found = apart(IMPACTS[0]["measure"], OBJECTIVES[0]["text"])
    assert found is not None
    assert (found.family, found.kind) == ("setting", "where")
    assert apart(IMPACTS[1]["measure"], OBJECTIVES[0]["text"]) is None
    # A measure naming two settings shares one with either side.
    assert apart("GP visits to care homes", "Appointments in general practice") is None
    # A virtual ward is care at home: the setting family does not read it as a ward.
    assert apart("Care home residents cared for at home", "Virtual ward occupancy of 80%") is None
    survey = apart(IMPACTS[2]["measure"], OBJECTIVES[1]["text"])
    assert survey is not None
    assert survey.family == "staff survey element"
    assert apart(IMPACTS[2]["measure"], OBJECTIVES[2]["text"]) is None
    beds = apart(IMPACTS[5]["measure"], OBJECTIVES[4]["text"])
    assert beds is not None
    assert beds.family == "whose beds"


def test_directors_offers_the_same_measure_elsewhere(tmp_path: Path) -> None:
    links = links_listed(project(tmp_path))
    held = links[("ward-opioid", "ltop")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "where"
    assert "patients on hospital wards" in held["explanation"]
    assert "general practice and primary care prescribing" in held["explanation"]
    assert links[("gp-opioid", "ltop")]["confidence"] in CLAIMED
    survey = links[("flex", "engage")]
    assert survey["confidence"] == "possible"
    assert survey["doubt"] == "who"
    assert links[("flex", "flexibly")]["confidence"] in CLAIMED
    welsh = links_listed(project(tmp_path), locale="cy")[("ward-opioid", "ltop")]
    assert welsh["doubt"] == "where"
    assert "cleifion ar wardiau ysbyty" in welsh["explanation"]


def test_directors_offers_lists_run_and_reports_counted_not_closed(tmp_path: Path) -> None:
    links = links_listed(project(tmp_path))
    held = links[("extra-lists", "util")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "used"
    assert links[("early-finish", "util")]["confidence"] in CLAIMED
    closed = links[("reports", "closed")]
    assert closed["confidence"] == "possible"
    assert closed["doubt"] == "handled"


def test_the_rules_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "capacity supplied", False)
    monkeypatch.setitem(RULES, "who and where", False)
    # The odds rule (test_link_odds.py) would offer this claim for its own reason.
    monkeypatch.setitem(RULES, "doubted odds", False)
    links = links_listed(project(tmp_path))
    assert links[("extra-lists", "util")]["confidence"] in CLAIMED
    assert links[("ward-opioid", "ltop")]["confidence"] in CLAIMED
    assert links[("flex", "engage")]["confidence"] in CLAIMED
