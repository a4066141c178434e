"""Staff trained and what care achieves are different things about one topic.

The fifteenth pass (docs/linking-evaluation.md, "The fifteenth pass (branch
linkpass34)"): "Registered ward staff with level 2 MCA and DoLS training in date"
does not by itself lower a DoLS assessment backlog, and fewer C. difficile cases do
not raise IPC training compliance. Such a link is offered as possible with the doubt
`trained`; an objective that is a regulator's action (a CQC must-do), which training
is evidence for, keeps its claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import trained, training_apart

IMPACTS = [
    {"id": "dols", "measure": "Registered ward staff with level 2 MCA and DoLS training in date",
     "unit": "%", "baseline": 60, "target": 90},
]  # fmt: skip
OBJECTIVES = [
    {"id": "backlog", "text": "DoLS assessment backlog under 500 by March 2027"},
    {"id": "cqc", "text": "Close the CQC must-do on DoLS applications"},
]


def project(tmp_path: Path) -> Path:
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Chief Nurse")


def test_training_is_read_as_what_is_counted() -> None:
    assert trained("ED and maternity staff up to date with Level 3 adult safeguarding training")
    assert trained("IPC level 2 mandatory training at 90%", objective=True)
    assert trained("90% compliance with sepsis e-learning (mandatory training)", objective=True)
    assert not trained("GMC National Training Survey burnout scores below the national average")
    assert not trained(
        "Reduce restrictive interventions on our wards, with every clinical staff member "
        "trained to RRN standards",
        objective=True,
    )
    assert not trained(
        "Critical care bed days used by patients waiting for a bed with trained staff"
    )
    assert training_apart(
        "HOHA and COHA C. difficile cases", "IPC level 2 mandatory training at 90%"
    )
    assert not training_apart(
        "Children's ED nurses and doctors with paediatric sepsis training in date",
        "Close the CQC must-do on timely recognition and treatment of sepsis",
    )
    assert not training_apart(
        "Registered staff with in-date Level 3 safeguarding training",
        "Safeguarding adults level 3 training at 90% for registered staff",
    )


def test_directors_offers_the_backlog_and_keeps_the_must_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = links_listed(project(tmp_path))
    held = links[("dols", "backlog")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "trained"
    assert "one side counts staff trained or training done" in held["explanation"]
    assert links[("dols", "cqc")]["confidence"] in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("dols", "backlog")]
    assert welsh["doubt"] == "trained"
    assert "staff a hyfforddwyd" in welsh["explanation"]


def test_the_rule_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "training apart", False)
    # The odds rule (test_link_odds.py) would offer this claim for its own reason.
    monkeypatch.setitem(RULES, "doubted odds", False)
    assert links_listed(project(tmp_path))[("dols", "backlog")]["confidence"] in {
        "explicit",
        "confident",
    }
