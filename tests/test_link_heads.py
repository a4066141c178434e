"""Issue 14: where a shared concept stands in each text, not a list of concepts.

Read on the ninth set (blind8): "Ward meals produced but never served"
was claimed for "Top 20% of trusts for the food questions in the Adult
Inpatient Survey" and for "5-star food hygiene rating": both sides name
hospital food, but the objective names it only as what survey questions or
a rating are about. The topic names of ``measures.yaml`` can only hold such
a link back for the concepts listed; this test reads the words around the
name instead. A concept named on one side only before an instrument word
("falls questions", "rated good") or after one across "in", "of" or a
bracket is that side's topic, not its measure: the link is possible, never
claimed. Two qualifier readings from the same set: an occupation the staff
group family does not list ("cardiac physiologist") is a staff group of its
own, and planned and emergency work are a qualifier family.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

import linkcases
from pitchkit.advice.ranking import link_reason
from pitchkit.i18n.translation import language
from pitchkit.recast.align import Link
from pitchkit.recast.measures import RULES, families_disagree, instrument_head, qualifiers

#: Each side names the concept by a measure name (none of these are topic names), and the
#: objective counts a survey, a rating, an inspection or a score about it.
INSTRUMENT_ONLY = [
    (
        "Inpatient falls per 1,000 occupied bed days",
        "Top 20% of trusts for the falls questions in the Adult Inpatient Survey",
    ),
    (
        "Discharge summaries sent within 24 hours",
        "Discharge summaries rated good in the GP survey",
    ),
    (
        "Pressure ulcers acquired in hospital",
        "Pressure ulcer prevention rated good at the next CQC inspection",
    ),
    # After the instrument, across a bracket.
    (
        "Pressure ulcers acquired in hospital",
        "Inpatient Survey (pressure ulcers and skin care): top quintile",
    ),
]


def linked(measure: str, text: str) -> Link | None:
    return linkcases.linked(measure, text, baseline=40, target=60)


@pytest.mark.parametrize(("measure", "text"), INSTRUMENT_ONLY)
def test_a_concept_named_only_as_what_an_instrument_counts_is_offered(
    measure: str, text: str
) -> None:
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "possible"
    assert found.mismatch == "instrument"
    assert found.chain is not None


@pytest.mark.parametrize(("measure", "text"), INSTRUMENT_ONLY)
def test_the_instrument_rule_is_what_holds_it_back(
    monkeypatch: pytest.MonkeyPatch, measure: str, text: str
) -> None:
    monkeypatch.setitem(RULES, "instruments", False)
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"


def test_the_instrument_word_is_read_before_or_after_the_name() -> None:
    survey = "Top 20% of trusts for the food questions in the Adult Inpatient Survey"
    assert instrument_head(survey, "hospital-food") == "questions"
    rating = "5-star food hygiene rating (FHRS) at every production kitchen"
    assert instrument_head(rating, "hospital-food") == "rating"
    staff = "Staff survey Q3h (adequate materials, supplies and equipment): 48% to 58%"
    assert instrument_head(staff, "procurement") == "survey"
    # Heading the text, the concept is what is counted.
    assert instrument_head("Inpatient falls per 1,000 occupied bed days", "falls") is None
    # "Register" and "standard" are not instruments: labellers accepted them as the measure.
    assert instrument_head("Adults on the hypertension register", "long-term-conditions") is None


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        # The instrument word is one of the concept's own names: the staff survey's score.
        (
            "Staff survey engagement score, nursing and midwifery",
            "Be in the top 20% of acute trusts in the staff survey",
        ),
        # Travel emissions are a measure named with "emissions".
        (
            "Miles travelled by patients to return appointments",
            "Cut emissions from patient and staff travel year on year to 2030",
        ),
        # The concept heads both texts.
        ("Inpatient falls per 1,000 occupied bed days", "Reduce inpatient falls by 20%"),
    ],
)
def test_a_concept_that_heads_each_text_is_still_claimed(measure: str, text: str) -> None:
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"


def test_the_reason_says_why_in_english_and_welsh() -> None:
    found = linked(*INSTRUMENT_ONLY[0])
    assert found is not None
    assert link_reason(found, language("en"), director_id="cn") == (
        "possible -- confirm with supports: [cn.o]: both are about falls, but one side names it "
        "only as what a survey, a rating or an inspection is about, not as what it measures, "
        "and pitchkit does not claim it unless you confirm it; matching words: "
        "'Inpatient falls' ~ 'falls'"
    )
    welsh = link_reason(found, language("cy"), director_id="cn")
    assert "arolwg, gradd neu arolygiad" in welsh


def test_directors_json_offers_the_instrument_link_with_its_reason(
    directors_json: Callable[..., Any],
) -> None:
    links = directors_json(
        """\
project:
  title: Safer wards at night
  organisation: Example NHS Trust
  lead: {name: Sam Lee, role: Falls lead}
  problem: Older patients fall at night on the medical wards.
  change: Bay nursing and low beds on every medical ward.
impacts:
  - id: falls
    measure: Inpatient falls per 1,000 occupied bed days
    unit: falls
    baseline: 7
    target: 5
directors:
  - id: cn
    name: Ann Brennan
    role: Chief Nurse
    objectives:
      - id: survey
        text: Top 20% of trusts for the falls questions in the Adult Inpatient Survey
"""
    )["directors"][0]["links"]
    assert [(x["confidence"], x["chain"]) for x in links] == [("possible", ["falls"])]
    assert "only as what a survey, a rating or an inspection is about" in (links[0]["explanation"])


def test_an_occupation_the_family_does_not_list_is_a_staff_group_of_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measure = "Cardiac physiologist vacancies"
    text = "BAF risk 2: registered nurse vacancies above 5%"
    assert families_disagree(measure, text) == "staff group"
    found = linked(measure, text)
    assert found is None or not found.claimed
    monkeypatch.setitem(RULES, "occupations", False)
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"


def test_vacancies_of_one_staff_group_still_link() -> None:
    found = linked("Registered nurse vacancies on the medical wards", "RN vacancy rate below 5%")
    assert found is not None
    assert found.confidence == "confident"
    # "Clinicians" are any staff group, not an occupation apart.
    assert families_disagree("Clinician vacancies", "Registered nurse vacancies below 5%") is None


def test_planned_and_emergency_work_are_counted_apart() -> None:
    emergency = "Weekday daytime emergency (CEPOD) theatre utilisation"
    elective = "Capped theatre utilisation of 85% in elective theatres (Further Faster 20)"
    assert qualifiers(emergency)["planned or emergency"] == frozenset({"emergency"})
    assert qualifiers(elective)["planned or emergency"] == frozenset({"elective"})
    found = linked(emergency, elective)
    assert found is None or not found.claimed
    same = linked("Elective theatre utilisation on the day surgery unit", elective)
    assert same is not None
    assert same.confidence == "confident"


def test_an_objective_naming_the_measure_claims_over_an_instrument_head(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measure = "Pressure ulcer prevention rated good on ward audit"
    text = "Pressure ulcer prevention rated good above 90%"
    found = linked(measure, text)
    assert found is not None
    assert found.confidence == "confident"
    assert found.reason == "words"
    monkeypatch.setitem(RULES, "naming", False)
    held = linked(measure, text)
    assert held is not None
    assert held.confidence == "possible"
    assert held.mismatch == "instrument"


def test_a_bracket_inside_the_run_of_words_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "Green Plan - supply chain (scope 3) emissions down 20% by 2028"
    assert instrument_head(text, "procurement") == "emissions"
    # A bracket that ends the run does not carry it on to a later word.
    plate = "Plate waste (food served but left uneaten), share of weight rated"
    assert instrument_head(plate, "waste") is None
    # Held back by where the name stands alone, with the topic names switched off.
    monkeypatch.setitem(RULES, "topics", False)
    found = linked("Non-pay invoices raised against an approved purchase order", text)
    assert found is not None
    assert found.confidence == "possible"
    assert found.mismatch == "instrument"
