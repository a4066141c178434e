"""Welsh standards named as NHS Wales writes them (newuser31 #1): the 36-week referral to
treatment wait, the Planned Care programme, the Six Goals for Urgent and Emergency Care,
ambulance handovers over 1 and 4 hours, therapies waiting times and the IMTP
(docs/linking-evaluation.md, "Welsh standards (branch linknew31)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES, aimed, measured

# A Welsh board's orthopaedic long waiters, in English and Welsh, without "RTT".
HIP_KNEE_36 = {
    "id": "orth-36",
    "measure": {
        "en": "Hip and knee patients waiting over 36 weeks",
        "cy": "Cleifion clun a phen-glin sy'n aros dros 36 wythnos",
    },
    "unit": "patients",
    "baseline": 820,
    "target": 400,
    "better": "lower",
}
NO_ONE_OVER_36 = "Nobody waiting longer than 36 weeks from referral to treatment by March 2028"


def test_a_wait_over_36_weeks_is_a_long_wait() -> None:
    for text in (
        "Hip and knee patients waiting over 36 weeks",
        "Urology pathways waiting more than 36 weeks",
        "36-week breaches in general surgery",
    ):
        assert "long-waits" in measured(text), text


def test_36_weeks_of_pregnancy_is_not_a_wait() -> None:
    assert "long-waits" not in measured("Smoking status recorded at 36 weeks of pregnancy")


def test_welsh_standards_read_as_their_english_counterparts() -> None:
    assert "rtt" in aimed("Deliver the Planned Care programme's recovery targets")
    assert "urgent-emergency-care" in aimed("Deliver the Six Goals for Urgent and Emergency Care")
    assert aimed("No ambulance handovers over 4 hours") == ("ambulance-handover",)
    assert aimed("Cut ambulance handover delays over 1 hour") == ("ambulance-handover",)
    assert "therapy-waits" in aimed("Therapies waiting times within 14 weeks")
    assert "financial-balance" in aimed("Submit an approvable IMTP for 2026-29")


def test_the_36_week_impact_is_claimed_for_the_36_week_objective(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = directors_links(tmp_path, HIP_KNEE_36, NO_ONE_OVER_36, role="Chief Operating Officer")
    found = links[("orth-36", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["long waits"]
    welsh = directors_links(
        tmp_path, HIP_KNEE_36, NO_ONE_OVER_36, role="Chief Operating Officer", locale="cy_GB"
    )[("orth-36", "target")]
    assert welsh["confidence"] == "confident"


def test_the_36_week_impact_reaches_harm_while_waiting_through_rtt(tmp_path: Path) -> None:
    objective = "Fewer patients harmed while they wait for planned care"
    links = directors_links(tmp_path, HIP_KNEE_36, objective, role="Medical Director")
    found = links[("orth-36", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["long waits", "RTT"]
    assert "long waits → RTT" in found["explanation"]
    welsh = directors_links(
        tmp_path, HIP_KNEE_36, objective, role="Medical Director", locale="cy_GB"
    )[("orth-36", "target")]
    assert "arosiadau hir → RTT" in welsh["explanation"]
