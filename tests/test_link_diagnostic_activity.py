"""Diagnostic tests done, read as the activity the diagnostic waiting list counts.

docs/linking-evaluation.md, "Recall pass 36": a measure that counts scans, echoes
or sleep studies done ("CT examinations performed") was read as nothing, so it
reached no six-week diagnostic (DM01) objective. It is now read as diagnostic
tests done, a part of the diagnostic waits DM01 counts. An inpatient's test, a
test bought from another provider and a test timed from a clinical event ("within
12 weeks of the fracture") are not read so; an aim for "more diagnostic tests"
is not read as a wait.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES, concepts_in


@pytest.mark.parametrize(
    "text",
    [
        "MRI scans done on the new 3T scanner",
        "Echocardiograms carried out in the one-stop heart failure clinic",
        "Sleep studies sent home with the patient",
    ],
)
def test_tests_done_are_read_as_diagnostic_activity(text: str) -> None:
    assert "diagnostic-activity" in concepts_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Inpatient MRI scans done at weekends",
        "Ultrasound scans bought from an independent provider",
        "DEXA scans within 16 weeks of the hip fracture",
        "Low-dose CT scans on the mobile unit",
    ],
)
def test_other_tests_are_not_read_as_diagnostic_activity(text: str) -> None:
    assert "diagnostic-activity" not in concepts_in(text)


def test_waits_and_aims_for_tests_stay_waits() -> None:
    assert "diagnostic-waits" in concepts_in("Nobody waiting over 8 weeks for a diagnostic test")
    assert "diagnostic-waits" in concepts_in("Median days from referral to first diagnostic test")
    assert "diagnostic-waits" not in concepts_in(
        "20% more diagnostic tests given in neighbourhoods"
    )


def test_directors_claims_scans_done_for_the_dm01_aim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {
        "id": "mri",
        "measure": "MRI scans done on the new 3T scanner",
        "unit": "scans a month",
        "baseline": 900,
        "target": 1200,
    }
    links = directors_links(
        tmp_path,
        impact,
        "DM01: under 5% waiting more than six weeks by March 2028",
        role="Chief Operating Officer",
    )
    found = links[("mri", "target")]
    assert found["confidence"] in {"explicit", "confident"}
    assert "diagnostic tests done" in found["explanation"]
    assert "diagnostic waits" in found["explanation"]
