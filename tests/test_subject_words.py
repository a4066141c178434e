"""A word most of the project's measures share is its subject: alone it offers no link.

A wheelchair service's impacts nearly all say "wheelchair"; so do several of
its directors' objectives. Sharing the word says the objective is about
wheelchairs too, not that the impact moves it (on blind12 to blind16 such
offers were right 8 times in 120). The map's links and other shared words
are offered as before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pitchkit.facts.schema import Facts, load_facts
from pitchkit.recast.align import subject_words
from pitchkit.recast.measures import RULES
from pitchkit.recast.pitch import recast

WHEELCHAIRS = (
    Path(__file__).parent / "data" / "linkeval-blind16" / "wheelchair-waits" / "facts.yaml"
)
DAY = dt.date(2026, 12, 3)


def listed(facts: Facts) -> dict[tuple[str, str], tuple[str, str | None]]:
    """Every link the directors are shown: (impact, director.objective) → (reason, confidence)."""
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for director in facts.directors:
        for link in recast(facts, director, today=DAY).links:
            found[(link.impact, f"{director.id}.{link.objective}")] = (link.reason, link.confidence)
    return found


def test_the_subject_is_the_word_most_measures_share() -> None:
    facts = load_facts(WHEELCHAIRS).facts
    assert "wheelchair" in subject_words([impact.measure for impact in facts.impacts])
    assert "chair" not in subject_words([impact.measure for impact in facts.impacts])
    # Two measures are too few to tell a subject from a coincidence of words.
    assert subject_words(["Falls on ward 3", "Falls on ward 4"]) == frozenset(
        {"fall", "on", "ward"}
    )
    assert subject_words(["Falls on ward 3"]) == frozenset()


def test_the_subject_word_alone_offers_no_link() -> None:
    links = listed(load_facts(WHEELCHAIRS).facts)
    # "Spend on new wheelchairs" and "Personal wheelchair budgets offered to every
    # eligible person" share only the subject.
    assert ("new-chairs", "ceo.pwb") not in links
    assert ("seating-pu", "coo.wc18") not in links
    # The map's links stay.
    assert links[("adult-18", "coo.wc18")] == ("map", "confident")


def test_other_shared_words_still_offer_a_link() -> None:
    # Trained staff and statutory and mandatory training share "train", which is not
    # the blood culture project's subject: the lead is still asked about it.
    cultures = WHEELCHAIRS.parent.parent / "blood-culture-contamination" / "facts.yaml"
    links = listed(load_facts(cultures).facts)
    assert links[("trained", "cn.stat-mand")] == ("words", "possible")


def test_the_rule_is_what_holds_them_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "subject", False)
    links = listed(load_facts(WHEELCHAIRS).facts)
    assert links[("new-chairs", "ceo.pwb")] == ("words", "possible")
