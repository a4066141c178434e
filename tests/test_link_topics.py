"""Issue 14: a shared topic is not a shared measure.

Read on the eighth set (blind7): both sides named procurement, or palliative
care, while one of them measured something else of it: "Non-pay invoices
raised against an approved purchase order" against "supply chain (scope 3)
emissions down 20%"; "Addressable non-pay spend with local SMEs" against a
staff survey question on "adequate materials, supplies and equipment". The
map now keeps the names of an area of care or work ("procurement",
"supplies", "palliative care", "crisis care") as *topic* names: a side that
names its end of a chain only by them makes the link possible, never
claimed. Named by a measure on both sides ("non-pay spend"), the link
stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import linkcases
from pitchkit.advice.ranking import link_reason
from pitchkit.i18n.translation import language
from pitchkit.recast.align import Link
from pitchkit.recast.measures import RULES, measure_map, measured, problems, topic_only

TOPIC_ONLY = [
    # The impact counts invoices; the objective, emissions: both only name the area.
    (
        "Non-pay invoices raised against an approved purchase order (no PO, no pay)",
        "Green Plan - supply chain (scope 3) emissions down 20% by 2028",
    ),
    # A measure of procurement against a staff survey question that mentions supplies.
    (
        "Addressable non-pay spend with SMEs and VCSE suppliers based in the ICS area",
        "Staff survey Q3h (adequate materials, supplies and equipment): 48% to 58%",
    ),
    # The impact names the area only; the objective names a measure of it.
    (
        "Non-pay invoices raised against an approved purchase order (no PO, no pay)",
        "Buy local - 15% of addressable non-pay spend with local SMEs by 2028",
    ),
    # A specialist palliative care response time is not where people die.
    (
        "Referrals to specialist palliative care seen face to face within 24 hours",
        "55% of people on a palliative care register dying in their usual place of residence",
    ),
    # A crisis cafe is not the crisis resolution and home treatment team.
    (
        "People supported at the crisis cafes",
        "Crisis resolution and home treatment re-referrals within 28 days below 20%",
    ),
]


def linked(measure: str, text: str) -> Link | None:
    return linkcases.linked(measure, text, baseline=40, target=60)


@pytest.mark.parametrize(("measure", "text"), TOPIC_ONLY)
def test_a_shared_topic_is_offered_not_claimed(
    monkeypatch: pytest.MonkeyPatch, measure: str, text: str
) -> None:
    # The non-pay spend case is also held back by what it measures, a sum spent against a
    # survey's share (the ``spend`` reading, tests/test_link_first_looks3.py), which is read
    # first; here the topic reading is asked alone.
    monkeypatch.setitem(RULES, "quantity", False)
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "possible"
    assert found.mismatch == "topic"
    assert found.chain is not None


@pytest.mark.parametrize(("measure", "text"), TOPIC_ONLY)
def test_the_topic_rule_is_what_holds_it_back(
    monkeypatch: pytest.MonkeyPatch, measure: str, text: str
) -> None:
    monkeypatch.setitem(RULES, "topics", False)
    # The staff survey case is also held back by where "supplies" stands: only as what a
    # survey question is about (tests/test_link_heads.py). Each reading alone holds it.
    monkeypatch.setitem(RULES, "instruments", False)
    monkeypatch.setitem(RULES, "quantity", False)
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"


def test_a_measure_named_on_both_sides_is_still_claimed() -> None:
    found = linked(
        "Addressable non-pay spend with SMEs and VCSE suppliers based in the ICS area",
        "ICS anchor charter: buy local - 15% of addressable non-pay spend with local SMEs",
    )
    assert found is not None
    assert found.confidence == "confident"
    assert found.chain is not None
    assert found.chain.labels() == ("procurement",)


def test_topic_names_are_read_apart_from_measure_names() -> None:
    assert topic_only("Green Plan - supply chain (scope 3) emissions", "procurement")
    place = "preferred-place-of-death"
    assert topic_only("End of life care rated good at the next CQC inspection", place)
    assert not topic_only("15% of addressable non-pay spend with local SMEs", "procurement")
    assert not topic_only("People dying in their preferred place of death", place)
    # A text that does not name the concept at all is not "topic only".
    assert not topic_only("Capped theatre utilisation of 85%", "procurement")
    concepts = measure_map().concepts
    assert "supplies" in concepts["procurement"].topics
    assert "supplies" not in concepts["procurement"].names


def test_the_map_checks_topic_names_like_names() -> None:
    data = {
        "concepts": [
            {"id": "a", "names": ["spend"], "topics": ["procurement"], "themes": ["finance"]},
            {"id": "b", "names": ["procurement"], "themes": ["finance"]},
            {"id": "c", "topics": ["crisis care"], "themes": ["access"]},
        ]
    }
    found = problems(data)
    assert found == ["b: name 'procurement' is also a name of a"]


def test_the_reason_says_why_in_english_and_welsh() -> None:
    found = linked(*TOPIC_ONLY[0])
    assert found is not None
    assert link_reason(found, language("en"), director_id="cfo") == (
        "possible -- confirm with supports: [cfo.o]: both are about procurement, but one side "
        "names it only as the area of care or work it belongs to, not as something it counts, "
        "and pitchkit does not claim it unless you confirm it"
    )
    welsh = link_reason(found, language("cy"), director_id="cfo")
    assert "y maes gofal neu waith y mae'n perthyn iddo yn unig" in welsh


def test_readmissions_to_critical_care_are_not_hospital_readmissions() -> None:
    measure = "Readmissions to critical care within 48 hours of ward discharge"
    assert measured(measure) == ("critical-care-admissions",)
    found = linked(measure, "Reduce 30-day emergency readmissions to below 11%")
    assert found is None or found.confidence == "possible"


def test_directors_json_offers_the_topic_link_with_its_reason(
    directors_json: Callable[..., Any],
) -> None:
    links = directors_json(
        """\
project:
  title: No PO, no pay
  organisation: Example NHS Trust
  lead: {name: Sam Lee, role: Head of procurement}
  problem: Invoices arrive without a purchase order and are paid late.
  change: No purchase order, no payment, from April.
impacts:
  - id: po
    measure: Non-pay invoices raised against an approved purchase order (no PO, no pay)
    unit: "%"
    baseline: 71
    target: 95
directors:
  - id: dof
    name: Ann Brennan
    role: Director of Finance
    objectives:
      - id: green
        text: Green Plan - supply chain (scope 3) emissions down 20% by 2028
"""
    )["directors"][0]["links"]
    assert [(x["confidence"], x["chain"]) for x in links] == [("possible", ["procurement"])]
    assert "only as the area of care or work it belongs to" in links[0]["explanation"]


def test_an_objective_naming_the_measure_claims_over_a_topic_name() -> None:
    measure = "Non-pay invoices raised against an approved purchase order"
    found = linked(measure, "Non-pay invoices raised against an approved purchase order above 95%")
    assert found is not None
    assert found.confidence == "confident"
    assert found.reason == "words"
    assert found.chain is not None
    assert found.chain.labels() == ("procurement",)
