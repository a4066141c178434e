"""Links a new user found wrong in an ICB-hosted High Intensity Use service (newuser34 #4, #6).

docs/linking.md: "An objective to deliver a plan the strategy names", "Subset words" (under
"Shapes pitchkit does not claim"), the non-elective spend concept, and the commissioner lens
for a title with both "strategy" and "commissioning".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from linkcases import directors_links
from pitchkit.cli import app
from pitchkit.recast.lenses import match_role
from pitchkit.recast.measures import RULES
from pitchkit.recast.plans import named_plan

ADMISSIONS: dict[str, Any] = {
    "id": "admissions",
    "measure": "Emergency admissions of the people supported",
    "unit": "admissions",
    "per": "month",
    "baseline": 117,
    "target": 88,
    "value": {
        "amount": 1590,
        "currency": "GBP",
        "source": "Non-elective episode, NHS reference costs 2016/17",
        "price_year": "2016/17",
        "payer": "trust",
    },
    "releases": "capacity",
}
ATTENDANCES: dict[str, Any] = {
    "id": "attendances",
    "measure": "A&E attendances by the people supported",
    "unit": "attendances",
    "per": "month",
    "baseline": 400,
    "target": 290,
}


def _facts(tmp_path: Path, *, strategy: list[str], role: str, objectives: list[str]) -> Path:
    """An ICB project with the two impacts and one director ``dx`` holding ``objectives``."""
    facts = {
        "project": {
            "title": "High Intensity Use service for frequent A&E attenders",
            "organisation": "Northvale Integrated Care Board",
            "lead": {"name": "Priya Shah", "role": "Improvement Lead", "email": "p@nhs.net"},
            "problem": "A few people attend A&E very often.",
            "change": "Health coaches agree a personal plan with each of them.",
            "strategy": strategy,
            "start": "2026-04-01",
            "end": "2027-03-31",
        },
        "impacts": [ATTENDANCES, ADMISSIONS],
        "directors": [
            {
                "id": "dx",
                "name": "Tom Fielding",
                "role": role,
                "objectives": [
                    {"id": f"o{index}", "text": text} for index, text in enumerate(objectives)
                ],
            }
        ],
    }
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        YAML().dump(facts, stream)
    return path


def _listed(path: Path, locale: str | None = None) -> dict[str, Any]:
    args = ["directors", str(path), "--json"] + (["--locale", locale] if locale else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["directors"][0]


JFP = "Northvale ICB Joint Forward Plan 2025-30, urgent care priority 2"


def test_an_objective_to_deliver_the_strategys_plan_is_offered(tmp_path: Path) -> None:
    path = _facts(
        tmp_path,
        strategy=[JFP],
        role="Director of Strategy",
        objectives=["Deliver the Joint Forward Plan urgent care priority"],
    )
    place = _listed(path)
    links = {item["impact"]: item for item in place["links"]}
    for impact in ("attendances", "admissions"):
        assert links[impact]["confidence"] == "possible"
        assert links[impact]["doubt"] == "plan"
        assert (
            "the Joint Forward Plan, which the project's strategy names too"
            in (links[impact]["explanation"])
        )
    assert "urgent and emergency care" in links["attendances"]["explanation"]


def test_an_objective_to_deliver_the_strategys_plan_is_offered_in_welsh(tmp_path: Path) -> None:
    path = _facts(
        tmp_path,
        strategy=[JFP],
        role="Director of Strategy",
        objectives=["Deliver the Joint Forward Plan urgent care priority"],
    )
    links = {item["impact"]: item for item in _listed(path, "cy_GB")["links"]}
    assert "strategaeth y prosiect" in links["admissions"]["explanation"]


def test_a_plan_named_only_as_a_label_offers_nothing(tmp_path: Path) -> None:
    """'Joint Forward Plan: ...' says where the objective is written; the map decides."""
    path = _facts(
        tmp_path,
        strategy=[JFP],
        role="Director of Strategy",
        objectives=["Joint Forward Plan: 5 more years of healthy life expectancy by 2035"],
    )
    assert all(item.get("doubt") != "plan" for item in _listed(path)["links"])


@pytest.mark.parametrize(
    "strategy",
    [
        ["Northvale ICB strategy 2025-30: urgent care"],  # "strategy" alone names no plan
        ["Better Care Fund plan 2026/27"],  # another plan
        [],
    ],
)
def test_no_plan_in_common_offers_nothing(tmp_path: Path, strategy: list[str]) -> None:
    path = _facts(
        tmp_path,
        strategy=strategy,
        role="Director of Strategy",
        objectives=["Deliver the Joint Forward Plan urgent care priority"],
    )
    assert all(item.get("doubt") != "plan" for item in _listed(path)["links"])


def test_what_counts_as_the_same_plan() -> None:
    lines = [("strategy", JFP)]
    org = "Northvale Integrated Care Board"
    assert named_plan("Deliver the Joint Forward Plan", lines, org) is not None  # type: ignore[arg-type]
    assert named_plan("Deliver the ICB plan", lines, org) is None  # type: ignore[arg-type]
    assert named_plan("Deliver the NHS strategy", lines, org) is None  # type: ignore[arg-type]
    risk = [("concern", "BAF risk 4: urgent care demand")]
    assert named_plan("BAF 4: UEC demand within capacity", risk, org) is not None  # type: ignore[arg-type]
    assert named_plan("BAF 5: UEC demand within capacity", risk, org) is None  # type: ignore[arg-type]


def test_emergency_admissions_are_offered_for_non_elective_spend(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        ADMISSIONS,
        "Hold acute non-elective spend within the 2026/27 contract value",
        role="Chief Finance Officer",
    )
    found = links[("admissions", "target")]
    assert found["confidence"] == "possible"
    assert "non-elective spend" in found["explanation"]
    assert "contract" in found["explanation"]


def test_all_emergency_admissions_are_still_claimed_for_avoidable_ones(tmp_path: Path) -> None:
    """Measured: on the labelled sets such claims were right 9 times in 11, so the rule is off."""
    links = directors_links(
        tmp_path,
        ADMISSIONS,
        "Reduce avoidable emergency admissions for ambulatory care sensitive conditions",
        role="Chief Medical Officer",
    )
    assert links[("admissions", "target")]["confidence"] == "confident"


def test_the_subset_switch_offers_them_instead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "subset", True)
    links = directors_links(
        tmp_path,
        ADMISSIONS,
        "Reduce avoidable emergency admissions for ambulatory care sensitive conditions",
        role="Chief Medical Officer",
    )
    found = links[("admissions", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "subset"
    assert "the ones it calls 'avoidable'" in found["explanation"]


def test_avoidable_admissions_are_still_claimed_for_avoidable_ones(tmp_path: Path) -> None:
    impact = {**ADMISSIONS, "measure": "Avoidable emergency admissions of the people supported"}
    links = directors_links(
        tmp_path, impact, "Reduce avoidable emergency admissions", role="Chief Medical Officer"
    )
    assert links[("admissions", "target")]["confidence"] == "confident"


def test_all_emergency_admissions_are_still_claimed_for_all(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path, ADMISSIONS, "Reduce emergency admissions by 5%", role="Chief Medical Officer"
    )
    assert links[("admissions", "target")]["confidence"] == "confident"


@pytest.mark.parametrize(
    ("title", "lens"),
    [
        ("Director of Strategy and Commissioning", "commissioner"),
        ("Director of Commissioning and Strategy", "commissioner"),
        ("Director of Strategy", "strategy"),
        ("Director of Strategy and Partnerships", "strategy"),
    ],
)
def test_a_title_with_strategy_and_commissioning_is_a_commissioners(title: str, lens: str) -> None:
    found = match_role(title)
    assert found is not None
    assert found[0] == lens


def test_avoidable_harm_from_falls_still_takes_every_fall(tmp_path: Path) -> None:
    """'Avoidable' says which harm, not which falls: the bundled falls example keeps its claims."""
    impact = {
        "id": "falls-rate",
        "measure": "Inpatient falls per 1,000 occupied bed days",
        "unit": "falls per 1,000 occupied bed days",
        "baseline": 8.1,
        "target": 6.0,
    }
    links = directors_links(
        tmp_path,
        impact,
        "Reduce avoidable harm from falls and pressure ulcers by a quarter by March 2028",
        role="Director of Nursing",
    )
    assert links[("falls-rate", "target")]["confidence"] == "confident"
