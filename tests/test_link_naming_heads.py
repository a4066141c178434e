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

import pytest

from linkcases import linked
from pitchkit.recast.measures import RULES
from pitchkit.recast.naming import named_measure


def test_a_bracketed_note_is_not_the_measures_head() -> None:
    found = linked(
        "Potentially preventable hospital-associated thrombosis (RCA)",
        "Halve potentially preventable hospital-associated thrombosis by March 2028",
        unit="cases",
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
        "CQUIN: IV-to-oral switch within 24 hours of meeting criteria for 60% of inpatients",
        unit="days",
    )
    assert switch is None or switch.confidence == "possible"


def test_a_share_of_the_measure_still_names_it() -> None:
    found = linked(
        "FOI requests answered within 20 working days",
        "FOI Act: 90% of requests answered within the statutory 20 working days",
        unit="%",
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
