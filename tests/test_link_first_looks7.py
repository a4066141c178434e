"""Rules from the seventh first-look pass (blind29-30 read): things dealt with in time, names.

* An objective that counts things answered, responded to or triaged within a time
  ("85% of complaints answered within 25 working days") measures how soon each is
  dealt with: an impact counting how many there are, or a share of them, is only a
  possible link (the ``handled`` doubt), with its reason.
* "die in their preferred place" and "referrals to occupational health" are names of
  the national measures (preferred place of death; occupational health referrals), so
  a measure naming them on both sides is claimed, not held back as a topic.

See docs/linking-evaluation.md, "The seventh first-look pass".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import handled

COMPLAINTS = "Complaints and PALS concerns about pain relief in labour"
ANSWERED = "85% of complaints answered within 25 working days"


# -- things dealt with in time -----------------------------------------------------------


def test_an_objective_counting_things_answered_in_time_is_read_so() -> None:
    assert handled(ANSWERED)
    assert handled("UCR: 70% of referrals responded to within 2 hours")
    assert handled("Respond to 90% of complaints within 25 working days")
    # A wait, or a step that is not a reply, is not.
    assert not handled("78% of ED patients admitted, transferred or discharged within 4 hours")
    assert not handled("Reduce formal complaints by 20%")


def test_directors_offers_a_count_against_an_answer_time_with_the_reason(tmp_path: Path) -> None:
    impact = {"id": "complaints", "measure": COMPLAINTS, "unit": "complaints",
              "baseline": 40, "target": 20}  # fmt: skip
    found = directors_links(tmp_path, impact, ANSWERED)[("complaints", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "handled"
    assert found["explanation"] == (
        "possible -- confirm with supports: [dx.target]: both are about complaints, but the "
        "objective is how soon each one is answered or dealt with, and the impact counts how "
        "many there are; matching words: 'Complaints' ~ 'complaints'"
    )


def test_the_reason_is_given_in_welsh(tmp_path: Path) -> None:
    impact = {"id": "complaints", "measure": COMPLAINTS, "unit": "complaints",
              "baseline": 40, "target": 20}  # fmt: skip
    found = directors_links(tmp_path, impact, ANSWERED, locale="cy")[("complaints", "target")]
    assert found["doubt"] == "handled"
    assert "pa mor fuan yr atebir" in found["explanation"]


def test_a_measure_of_how_soon_they_are_answered_is_still_claimed(tmp_path: Path) -> None:
    measure = "Formal complaints answered within the agreed 25 working days"
    impact = {"id": "answered", "measure": measure, "unit": "%", "baseline": 60, "target": 85}
    found = directors_links(tmp_path, impact, ANSWERED)[("answered", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["complaints"]


def test_the_handled_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    found = linked(COMPLAINTS, ANSWERED, unit="complaints")
    assert found is not None
    assert found.mismatch == "handled"
    monkeypatch.setitem(RULES, "handled in time", False)
    found = linked(COMPLAINTS, ANSWERED, unit="complaints")
    assert found is not None
    assert found.confidence == "confident"


# -- names from national vocabulary ----------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "objective", "concept"),
    [
        (
            "People on the palliative care register who die in their preferred place",
            "80% of people die in their preferred place (ICB palliative care strategy)",
            "preferred place of death",
        ),
        (
            "Staff referred to occupational health with hand dermatitis",
            "20% fewer referrals to occupational health for work-related ill health",
            "occupational health",
        ),
    ],
)
def test_a_national_measure_named_on_both_sides_is_claimed(
    tmp_path: Path,
    measure: str,
    objective: str,
    concept: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {"id": "named", "measure": measure, "unit": "people", "baseline": 40, "target": 60}
    found = directors_links(tmp_path, impact, objective)[("named", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == [concept]
    assert found["explanation"].startswith(f"measure map: both measure {concept}")
