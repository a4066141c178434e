"""Issue 14: an objective that names the impact's own measure in its words is a claim.

The measure map links only what it has names for. When a director's
objective sets its aim for the project's very measure in the same telling
phrase ("Hearing aid repairs not done within a week" and "Cut hearing aid
repairs not done within a week by 20%"), the link is confident without a chain, and its
explanation says so in words a director reads. Shared words that are not
the impact's measure (a population, a setting, a modifier of something
else) still only make a possible link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from linkcases import linked
from pitchkit.advice.ranking import link_reason
from pitchkit.i18n.translation import language
from pitchkit.recast.measures import RULES
from pitchkit.recast.naming import aim, named_measure

NAMED = [
    # (Physical assaults on staff were the first example here; the map now knows them, from
    # the NHS violence prevention and reduction standard, and claims them itself.)
    (
        "Hearing aid repairs not done within a week for adults in the community",
        "Cut hearing aid repairs not done within a week by 20% (audiology standard)",
        10,
        5,
        "hearing aid repairs not done within a week",
    ),
    (
        "Babies given breast milk as their first feed",
        "Breast milk at first feed above 80% and UNICEF Baby Friendly reaccreditation",
        68,
        80,
        "Breast milk at first feed",
    ),
    (
        "New support workers awarded the Care Certificate within 12 weeks of starting",
        "Every new HCSW awarded the Care Certificate within 12 weeks (CQC Regulation 18)",
        70,
        95,
        "awarded the Care Certificate within 12 weeks",
    ),
]


@pytest.mark.parametrize(("measure", "text", "baseline", "target", "phrase"), NAMED)
def test_an_objective_naming_the_measure_is_claimed_and_says_why(
    measure: str, text: str, baseline: float, target: float, phrase: str
) -> None:
    found = linked(measure, text, baseline=baseline, target=target)
    assert found is not None
    assert found.confidence == "confident"
    assert found.reason == "words"
    assert found.words[0][1] == phrase
    assert link_reason(found, language("en")) == (
        f"both measure '{phrase}': the objective names the impact's own measure"
    )


@pytest.mark.parametrize(("measure", "text", "baseline", "target", "phrase"), NAMED)
def test_the_naming_rule_is_what_claims_it(
    monkeypatch: pytest.MonkeyPatch,
    measure: str,
    text: str,
    baseline: float,
    target: float,
    phrase: str,
) -> None:
    monkeypatch.setitem(RULES, "naming", False)
    found = linked(measure, text, baseline=baseline, target=target)
    assert found is None or found.confidence == "possible"


@pytest.mark.parametrize(
    ("measure", "text"),
    [
        # The shared words modify different things: visits are not vacancies.
        ("District nurse home visits for leg wound care", "District nurse vacancy rate below 8%"),
        # Shared words after a qualifying word say where, not what is counted.
        (
            "Agency nursing shifts booked to cover sickness in community nursing",
            "95% of community nursing shifts staffed to the agreed establishment",
        ),
        # The same modifier, another head: E. coli is not C. difficile.
        (
            "Hospital-onset healthcare-associated E. coli bloodstream infections",
            "No more than 62 hospital-onset healthcare-associated C. difficile cases",
        ),
        # One telling word is not a measure's name.
        (
            "Term babies admitted to the neonatal unit for hypoglycaemia",
            "Every family able to stay with their baby on the neonatal unit",
        ),
    ],
)
def test_shared_words_that_are_not_the_measure_claim_nothing(measure: str, text: str) -> None:
    assert named_measure(measure, text) is None
    found = linked(measure, text)
    assert found is None or found.confidence == "possible"


def test_the_objective_must_want_the_measure_to_move_the_same_way() -> None:
    measure, text = NAMED[1][:2]
    # The impact's target is a fall in breast milk at first feed; the objective wants it above 80%.
    found = linked(measure, text, baseline=80, target=60)
    assert found is None or found.confidence == "possible"
    assert aim("Cut physical assaults on staff by 20%") == "lower"
    assert aim("Breast milk at first feed above 80%") == "higher"
    assert aim("Physical assaults on staff") is None


def test_what_is_measured_and_whose_must_agree() -> None:
    # A gap between groups is not moved by a count of the whole.
    gap = linked(
        "Physical assaults on staff by patients",
        "Close the gap in physical assaults on staff between Black and white staff",
    )
    assert gap is None or gap.confidence == "possible"
    # Different staff groups: the phrase is the same, the people are not.
    group = linked(
        "Healthcare support workers awarded the Care Certificate within 12 weeks",
        "Every newly registered nurse awarded the Care Certificate within 12 weeks",
        baseline=70,
        target=95,
    )
    assert group is None or group.confidence == "possible"


def test_directors_json_gives_the_word_claim_with_its_explanation(
    directors_json: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    links = directors_json(
        """\
project:
  title: Hearing aid repairs
  organisation: Example NHS Trust
  lead: {name: Sam Lee, role: Ward manager}
  problem: Hearing aid repairs wait too long in the community.
  change: A drop-in repair clinic in every community hub.
impacts:
  - id: repairs
    measure: Hearing aid repairs not done within a week for adults in the community
    unit: repairs
    per: year
    baseline: 140
    target: 90
directors:
  - id: coo
    name: Ann Brennan
    role: Chief Operating Officer
    objectives:
      - id: audiology
        text: Cut hearing aid repairs not done within a week by 20% (audiology standard)
"""
    )["directors"][0]["links"]
    assert [(x["confidence"], x["reason"], x["chain"]) for x in links] == [
        ("confident", "words", [])
    ]
    assert links[0]["explanation"] == (
        "both measure 'hearing aid repairs not done within a week': the objective names the "
        "impact's own measure"
    )
