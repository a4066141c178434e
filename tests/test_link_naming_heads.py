"""The objective names the impact's own measure: what each text's head is (blind21-22 read).

* Words in brackets are not the measure's head: "(RCA)" and "(IV and oral)" say how
  or which, so "Potentially preventable hospital-associated thrombosis (RCA)" is named
  by "Halve potentially preventable hospital-associated thrombosis".
* "90% of requests answered" still counts requests answered: "of" after a share does
  not end the head.
* "FOI requests answered" and "Subject access requests answered" share a phrase, but
  the word written before it in each says which requests: other requests.

See docs/linking-evaluation.md, "The fourth first-look pass".
"""

from __future__ import annotations

from typing import Any

import pytest

from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import link
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import RULES
from pitchkit.recast.naming import named_measure


def linked(measure: str, unit: str, text: str) -> Any:
    impact = Impact(id="i", measure=measure, unit=unit, baseline=10, target=5)
    objective = Objective(id="o", text=text)
    return link(impact, objective, director_id="d", lens=all_lenses()["general"])


def test_a_bracketed_note_is_not_the_measures_head() -> None:
    found = linked(
        "Potentially preventable hospital-associated thrombosis (RCA)",
        "cases",
        "Halve potentially preventable hospital-associated thrombosis by March 2028",
    )
    assert found is not None
    assert found.confidence == "confident"
    assert found.words == (
        ("Potentially preventable hospital-associated thrombosis",
         "potentially preventable hospital-associated thrombosis"),
    )  # fmt: skip
    # "(IV and oral)" says which antibiotic days are counted; the switch is another measure.
    switch = linked(
        "Antibiotic days (IV and oral) per cellulitis episode",
        "days",
        "CQUIN: IV-to-oral switch within 24 hours of meeting criteria for 60% of inpatients",
    )
    assert switch is None or switch.confidence == "possible"


def test_a_share_of_the_measure_still_names_it() -> None:
    found = linked(
        "FOI requests answered within 20 working days",
        "%",
        "FOI Act: 90% of requests answered within the statutory 20 working days",
    )
    assert found is not None
    assert found.confidence == "confident"


def test_without_the_head_rules_the_old_readings_return(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "naming heads", False)
    named_measure.cache_clear()
    try:
        assert not named_measure(
            "FOI requests answered within 20 working days",
            "FOI Act: 90% of requests answered within the statutory 20 working days",
        )
        assert not named_measure(
            "Potentially preventable hospital-associated thrombosis (RCA)",
            "Halve potentially preventable hospital-associated thrombosis by March 2028",
        )
    finally:
        named_measure.cache_clear()
