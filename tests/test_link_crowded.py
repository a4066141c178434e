"""A concept a project is crowded with makes no claim where one side names it only as a qualifier.

The eleventh pass (docs/linking-evaluation.md, "The eleventh pass (branch linkpass29): same
concept"): when three or more of a project's impacts and two or more of its objectives name one
concept, naming it cannot tell which impact serves which objective. A same-concept claim on it
is offered as possible (doubt "crowd") when one side names the concept only to qualify what it
counts and nothing else telling is shared.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from linkcases import links_listed, project_with_all
from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast import align
from pitchkit.recast.measures import RULES, qualifies_only

IMPACTS = [
    {"id": "items", "measure": "Home visits to people with severe frailty by the practice team",
     "unit": "count", "baseline": 900, "target": 700},
    {"id": "reviews", "measure": "People with severe frailty on the eFI given an annual frailty "
     "review", "unit": "count", "baseline": 200, "target": 400},
    {"id": "listed", "measure": "People aged 65 and over with moderate frailty on the practice "
     "list", "unit": "count", "baseline": 300, "target": 350},
]  # fmt: skip
WARD = "Frailty virtual ward 80% occupied"
CONTRACT = "Every PCN delivering the GP contract severe frailty requirements by Q2"


def frailty_project(tmp_path: Path, impacts: list[dict[str, Any]] = IMPACTS) -> Path:
    objectives = [{"id": "ward", "text": WARD}, {"id": "contract", "text": CONTRACT}]
    return project_with_all(tmp_path, impacts, objectives, role="Director of Primary Care")


def test_a_name_followed_by_a_noun_of_its_own_only_qualifies() -> None:
    assert qualifies_only(WARD, "frailty")
    assert qualifies_only("Bed days awaiting a safeguarding decision", "safeguarding")
    assert not qualifies_only(
        "Home visits to people with severe frailty by the practice team", "frailty"
    )
    assert not qualifies_only("Turnover rate below 10%", "turnover")
    assert not qualifies_only("Emergency admissions down 5%", "non-elective-admissions")


def test_the_crowded_concepts_are_the_projects_topic() -> None:
    impacts = [Impact(id=i["id"], measure=i["measure"], unit="count", baseline=1, target=2)
               for i in IMPACTS]  # fmt: skip
    objectives = [Objective(id="ward", text=WARD), Objective(id="contract", text=CONTRACT)]
    assert "frailty" in align.crowded_concepts(impacts, objectives)
    assert "frailty" not in align.crowded_concepts(impacts[:2], objectives)


def test_directors_offers_the_qualified_claim_and_keeps_the_corroborated_one(
    tmp_path: Path,
) -> None:
    links = links_listed(frailty_project(tmp_path))
    held = links[("items", "ward")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "crowd"
    assert held["chain"] == ["frailty"]
    assert (
        "several of the project's impacts and objectives name this same concept"
        in (held["explanation"])
    )
    # The review and the GP contract share "severe" besides the concept's own name.
    kept = links[("reviews", "contract")]
    assert kept["confidence"] == "confident"
    assert kept["chain"] == ["frailty"]
    welsh = links_listed(frailty_project(tmp_path), locale="cy")[("items", "ward")]
    assert "yn enwi'r un cysyniad hwn" in welsh["explanation"]


def test_a_project_with_fewer_impacts_on_the_concept_still_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The odds rule (test_link_odds.py) would offer this claim for its own reason.
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "doubted odds", False)
    links = links_listed(frailty_project(tmp_path, IMPACTS[:2]))
    assert links[("items", "ward")]["confidence"] == "confident"


def test_the_rule_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    monkeypatch.setitem(RULES, "crowded concepts", False)
    # The odds rule (test_link_odds.py) would offer this claim for its own reason.
    monkeypatch.setitem(RULES, "doubted odds", False)
    links = links_listed(frailty_project(tmp_path))
    assert links[("items", "ward")]["confidence"] == "confident"


def test_check_asks_to_confirm_the_kept_claim_only(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = frailty_project(tmp_path)
    result = cli("check", str(path), "--director", "dx", "--json")
    assert result.exit_code in {0, 1}, result.output
    findings = json.loads(result.stdout)["findings"]
    [unconfirmed] = [f for f in findings if f["rule"] == "link-unconfirmed"]
    assert CONTRACT in unconfirmed["evidence"]
    assert WARD not in unconfirmed["evidence"]
