"""scripts/claim_calibration.py: the aspect reader and the candidate rules it measures.

docs/linking-evaluation.md, "Calibration, round 2": no rule measured there is shipped; the
script reproduces its figures, and these tests hold the reader and the rules to what the
section says they do.
"""

from __future__ import annotations

from typing import Any

import pytest

from scriptmodules import load_script

calibration = load_script("claim_calibration")


@pytest.mark.parametrize(
    ("measure", "unit", "aspect"),
    [
        ("MRSA screening swabs processed by the laboratory", "swabs", "volume"),
        ("Emergency readmissions within 30 days of a partial knee replacement", "%", "outcome"),
        ("Patients given antibiotics within one hour of arrival", "%", "process"),
        ("Patients waiting more than 52 weeks for a knee replacement", "patients", "wait"),
        ("Median time from admission to transfer for angiography", "hours", "wait"),
        ("Non-sterile examination glove spend", "GBP", "money"),
        ("Bank-only staff who would recommend the trust as a place to work", "%", "experience"),
        ("Smokers CO-verified as quit at the end of rehabilitation", "%", "outcome"),
        ("Adult type 1 ED attendances a day", "attendances", "volume"),
    ],
)
def test_impact_aspect(measure: str, unit: str, aspect: str) -> None:
    assert calibration.impact_aspect(measure, unit) == aspect


@pytest.mark.parametrize(
    ("text", "aspect"),
    [
        ("Zero tolerance of avoidable MRSA BSI", "outcome"),
        ("90% of inpatient smokers seen by the Tobacco Dependence Team (LTP)", "process"),
        ("65% of RTT pathways under 18 weeks", "wait"),
        ("Deliver the £31m CIP in the 2026/27 plan", "money"),
        ("BAF risk 1: harm to patients from long elective waits", "risk"),
        ("One sign-on for rostering, job planning and leave by 2027", "milestone"),
        ("Inpatient FFT 95% positive", "experience"),
    ],
)
def test_objective_aspect(text: str, aspect: str) -> None:
    assert calibration.objective_aspect(text) == aspect


def row(measure: str, unit: str, text: str, chance: float, **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "set": "linkeval-blind60",
        "domain": "d",
        "impact": measure,
        "objective": f"md.{text}",
        "label": False,
        "reason": "map",
        "kind": "same concept",
        "chance": chance,
        "start": "smoking",
        "measure": measure,
        "unit": unit,
        "text": text,
    }
    return fields | changes


QUIT = "Smokers CO-verified as quit at the end of rehabilitation"
SEEN = "90% of inpatient smokers seen by the Tobacco Dependence Team (LTP)"


def test_measured_two_ways() -> None:
    held = calibration.measured_two_ways(0.7)
    assert held(row(QUIT, "%", SEEN, 0.62))
    # The scorer's chance at 0.7 or more, a chain rather than one concept, or one aspect
    # on both sides: kept.
    assert not held(row(QUIT, "%", SEEN, 0.7))
    assert not held(row(QUIT, "%", SEEN, 0.62, kind="one step"))
    assert not held(row(QUIT, "%", "Smoking quit rate at four weeks above 50%", 0.62))
    # A volume or a board risk is not weighed: too often both ways at once.
    assert not held(row("Adult type 1 ED attendances a day", "attendances", SEEN, 0.5))
    assert not held(row(QUIT, "%", "BAF risk 3: smoking harms our patients", 0.5))


def test_under_the_best_of_its_start() -> None:
    rows = [row("a", "%", SEEN, 0.9), row("b", "%", SEEN, 0.75), row("c", "%", SEEN, 0.85)]
    held = calibration.under_the_best_of_its_start(rows)
    assert [held(each) for each in rows] == [False, True, False]
    assert not held(row("d", "%", SEEN, 0.5, start=None))


def test_report_by_blocks() -> None:
    rows = [
        row(QUIT, "%", SEEN, 0.62, set="linkeval"),
        row("x", "%", SEEN, 0.95, set="linkeval-blind41", label=True),
        row("y", "%", SEEN, 0.45, set="linkeval-blind73", label=True, kind="one step"),
    ]
    text = calibration.report(rows, [40, 55, 64, 70, 73])
    assert "to blind40 | blind41-55 | blind56-64 | blind65-70 | blind71-73 | all" in text
    assert "floor 0.5: -0r/-0w 0/1 (0.000) -> 0/1 (0.000) | -0r/-0w 1/1 (1.000)" in text
    assert "measured two ways, chance below 0.7: -0r/-1w 0/1 (0.000) -> 0/0 |" in text
    with pytest.raises(SystemExit):
        calibration.report([row(QUIT, "%", SEEN, 0.6, set="linkeval-blind80")], [40, 73])
