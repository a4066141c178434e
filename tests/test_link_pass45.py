"""Link pass 45: a named-measure claim against an objective that times a step of care.

"80% of hip fractures operated on within 36 hours" names hip fractures, but counts how
soon each is operated on. An impact that names the fractures and not the operation
(fewer fractures, delirium screening or morphine for people with one) cannot move that
share, so the objective naming the impact's measure is no claim (blind21, blind35,
blind85 twice: all labelled wrong). An impact that says the step ("FOI requests answered
within 20 working days") keeps its claim. See docs/linking-evaluation.md, "Pass 45".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links
from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import named_link
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import step_untold

HIP = "NHFD: 80% of hip fractures operated on within 36 hours"


@pytest.mark.parametrize(
    ("measure", "objective"),
    [
        ("Hip fractures in residents aged 65 and over", HIP),
        (
            "Hip fractures from falls on the pilot wards",
            "Hip fracture: 85% to theatre within 36 hours",
        ),
        (
            "Intravenous morphine administrations to suspected hip fracture patients",
            "72% of hip fracture patients operated on by the day after admission (NHFD KPI)",
        ),
    ],
)
def test_a_step_in_time_the_impact_does_not_say(measure: str, objective: str) -> None:
    assert step_untold(measure, objective)


@pytest.mark.parametrize(
    ("measure", "objective"),
    [
        # The impact says the step.
        ("Hip fracture patients operated on within 36 hours", HIP),
        ("FOI requests answered within 20 working days", "90% of requests answered within 20 days"),
        ("Deaths registered within 5 days", "90% of deaths registered within 5 days"),
        # The verb times the counted activity itself, not a step done to it.
        ("Completed autism assessments", "90% of autism assessments started within 3 months"),
        # No share of things done in time: a window, not a step.
        ("Re-referrals within six months", "Re-referrals to care within 12 months below 18%"),
    ],
)  # fmt: skip
def test_no_untold_step(measure: str, objective: str) -> None:
    assert not step_untold(measure, objective)


def _pair(measure: str, unit: str, text: str) -> tuple[Impact, Objective]:
    impact = Impact.model_validate(
        {"id": "hip", "measure": measure, "unit": unit, "baseline": 120, "target": 90}
    )
    return impact, Objective.model_validate({"id": "nhfd", "text": text})


def test_the_rule_is_what_holds_the_named_claim_back(monkeypatch: pytest.MonkeyPatch) -> None:
    impact, objective = _pair("Hip fractures in residents aged 65 and over", "admissions", HIP)
    assert named_link(impact, objective) is None
    monkeypatch.setitem(RULES, "named step in time", False)
    assert named_link(impact, objective) is not None


def test_the_named_claim_is_only_possible(tmp_path: Path) -> None:
    impact = {"id": "hip", "measure": "Hip fractures in residents aged 65 and over",
              "unit": "admissions", "baseline": 120, "target": 90}  # fmt: skip
    listed = directors_links(tmp_path, impact, HIP, role="Chief Operating Officer")
    found = listed.get(("hip", "target"))
    assert found is not None
    assert found["confidence"] == "possible"
