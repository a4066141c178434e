"""Operations cancelled for the patient's reasons are not the hospital's non-clinical ones.

The thirteenth pass (docs/linking-evaluation.md, "The thirteenth pass (branch
linkpass31)"): the national count of last-minute cancellations takes only those the
hospital makes for non-clinical reasons. Operations cancelled because the patient was
unfit, anaemic or too distressed, or withdrew, are another count: such a claim is
offered as possible with both groups named (the measure map's `who_and_where` family
"cancellation reason"), while a cancellation for want of a bed stays claimed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES
from pitchkit.recast.whowhere import apart

IMPACTS = [
    {"id": "unfit", "measure": "Operations cancelled on the day because the patient was "
     "unfit or not optimised", "unit": "count", "baseline": 300, "target": 150},
    {"id": "no-bed", "measure": "Elective operations cancelled on the day for want of a bed",
     "unit": "count", "baseline": 300, "target": 150},
]  # fmt: skip
OBJECTIVES = [
    {"id": "qmco", "text": "Halve on-the-day cancellations for non-clinical reasons"},
]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Operating Officer")


def test_the_two_reasons_are_told_apart() -> None:
    objective = "Last-minute cancellations for non-clinical reasons below 0.8%"
    found = apart("Operations cancelled on the day for a low haemoglobin", objective)
    assert found is not None
    assert found.family == "cancellation reason"
    assert apart("Operations cancelled on the day for want of a bed", objective) is None
    # Non-clinical work or transfers are not cancellations for non-clinical reasons.
    assert apart("Patients who withdrew", "No non-clinical transfers out of critical care") is None


def test_directors_offers_the_patients_reasons_and_keeps_the_hospitals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = links_listed(project(tmp_path))
    held = links[("unfit", "qmco")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "who"
    assert "patients not fit, not ready or not willing to go ahead" in held["explanation"]
    assert "the hospital cancels for non-clinical reasons" in held["explanation"]
    assert links[("no-bed", "qmco")]["confidence"] in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("unfit", "qmco")]
    assert welsh["confidence"] == "possible"
    assert "am resymau anghlinigol" in welsh["explanation"]
