"""The measure map (measures.yaml): its shape, and what it finds in text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import pitchkit.recast.measures
from pitchkit.facts.schema import THEMES
from pitchkit.recast.measures import (
    COMPILED,
    chain,
    compile_measure_file,
    concepts_in,
    measure_map,
    measured,
    problems,
    read_measure_file,
)

MAP_FILE = Path(pitchkit.recast.measures.__file__).with_name("measures.yaml")

#: The areas the issue asks the map to cover, each with concepts a board would name.
AREAS = {
    "flow and beds": ["length-of-stay", "bed-occupancy", "delayed-discharge"],
    "elective and outpatients": ["rtt", "pifu", "advice-and-guidance", "did-not-attend"],
    "urgent and emergency care": ["four-hour", "twelve-hour-waits", "ambulance-handover"],
    "safety and harm": ["falls", "pressure-ulcers", "deterioration", "never-events"],
    "mortality": ["shmi", "hsmr", "sepsis-deaths", "learning-from-deaths"],
    "infection": ["c-difficile", "mrsa", "hcai"],
    "maternity": ["stillbirths", "maternity-safety"],
    "mental health": ["out-of-area-placements", "crisis-care"],
    "community and primary care": ["gp-access", "urgent-community-response", "virtual-ward"],
    "workforce and temporary staffing": ["vacancies", "turnover", "temporary-staffing"],
    "finance and productivity": ["cip", "temporary-staffing-spend", "productivity"],
    "experience": ["fft", "complaints", "patient-experience"],
    "digital": ["epr", "epma", "nhs-app"],
    "estates and carbon": ["net-zero", "anaesthetic-gases", "energy"],
    "equity": ["health-inequalities", "learning-disability"],
}


def raw() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(MAP_FILE.read_text(encoding="utf-8"))
    return data


def test_the_map_file_has_no_problems() -> None:
    assert problems(raw()) == []


def test_the_map_is_large_and_covers_every_area() -> None:
    concepts = measure_map().concepts
    assert len(concepts) >= 150
    edges = [edge for concept in concepts.values() for edge in concept.edges]
    assert len(edges) >= 150
    for area, ids in AREAS.items():
        assert set(ids) <= set(concepts), area
    assert {theme for c in concepts.values() for theme in c.themes} == set(THEMES)


def test_every_edge_has_a_reason_and_most_have_a_source() -> None:
    edges = [edge for concept in measure_map().concepts.values() for edge in concept.edges]
    assert all(len(edge.why.split()) >= 3 for edge in edges)
    assert sum(edge.source is not None for edge in edges) / len(edges) > 0.5


def test_abbreviations_name_their_concepts() -> None:
    for text, concept in [
        ("RTT", "rtt"),
        ("SHMI", "shmi"),
        ("HSMR", "hsmr"),
        ("NEL admissions", "non-elective-admissions"),
        ("DNA rate", "did-not-attend"),
        ("PIFU", "pifu"),
        ("A&G requests", "advice-and-guidance"),
        ("LoS", "length-of-stay"),
        ("CIP", "cip"),
        ("Registered nurse WTE vacancies", "vacancies"),
        ("G&A bed occupancy", "bed-occupancy"),
    ]:
        assert concept in concepts_in(text), text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["concepts"].append(copy.deepcopy(d["concepts"][0])), "id used more than once"),
        (lambda d: d["concepts"][0]["to"].append({"id": "nowhere", "why": "x"}), "unknown concept"),
        (lambda d: d["concepts"][0]["to"].append({"id": "rtt", "why": " "}), "has no reason"),
        (lambda d: d["concepts"][1]["names"].append("length of stay"), "is also a name of"),
        (lambda d: d["concepts"][0]["names"].append("the of"), "only stop words"),
        (lambda d: d["concepts"][0].update(themes=["beds"]), "unknown theme 'beds'"),
        (lambda d: d["concepts"][0]["to"][0].update(also="x"), "unknown field 'also'"),
    ],
)
def test_problems_in_the_map_are_found(change: Any, expected: str) -> None:
    data = raw()
    change(data)
    assert any(expected in problem for problem in problems(data)), problems(data)


def test_a_name_two_concepts_claim_on_purpose_is_allowed() -> None:
    data = raw()
    first, second = data["concepts"][0]["id"], data["concepts"][1]["id"]
    data["concepts"][1]["names"].append(data["concepts"][0]["names"][0])
    assert problems(data)
    data["shared_names"] = [[first, second]]
    assert problems(data) == []


def test_filler_words_let_different_wordings_meet() -> None:
    assert concepts_in("Patients waiting more than 52 weeks") == ("long-waits",)
    assert concepts_in("Eliminate 52-week waits") == ("long-waits",)
    assert concepts_in("Did-not-attend rate") == concepts_in("patients who did not attend")


def test_broad_concepts_give_way_to_specific_ones_in_an_objective() -> None:
    assert concepts_in("Reduce harm from unrecognised deterioration") == ("deterioration",)
    assert concepts_in("Deliver harm-free care") == ("harm",)


def test_a_measure_counts_its_head_not_the_words_that_narrow_it() -> None:
    assert measured("Critical care bed days used by patients with sepsis") == ("bed-days",)
    assert measured("Emergency admissions for COPD") == ("non-elective-admissions",)
    assert measured("Harm from falls") == ("harm", "falls")  # a broad head keeps the rest
    assert measured("Inpatient falls and pressure ulcers") == ("falls", "pressure-ulcers")


def test_chains_take_at_most_two_steps_and_say_why() -> None:
    found = chain(("sepsis-antibiotics",), ("shmi",))
    assert found is not None
    assert found.labels() == ("antibiotics within the hour", "sepsis deaths", "SHMI")
    assert all(step.why for step in found.steps)
    assert chain(("shmi",), ("shmi",)) is not None
    assert chain(("shmi",), ("shmi",)).steps == ()  # type: ignore[union-attr]
    # Three steps away: vacancies -> safe staffing -> mortality -> SHMI.
    assert chain(("vacancies",), ("shmi",)) is None


def test_the_compiled_copy_of_the_map_is_current() -> None:
    compiled = MAP_FILE.with_name(COMPILED)
    assert compiled.read_text(encoding="utf-8") == compile_measure_file(), "run `make lenses`"
    assert read_measure_file() == raw()


def test_deaths_in_hospital_from_a_condition_count_deaths_not_the_place_of_death() -> None:
    """ "Deaths in hospital from sepsis" counts deaths (and says which), not where people die."""
    from pitchkit.recast import measures

    counted = measures.measured("Deaths in hospital from sepsis")
    assert "preferred-place-of-death" not in counted
    assert counted[0] == "mortality"
    assert measures.chain(counted, measures.aimed("Bring our SHMI back within range")) is not None
