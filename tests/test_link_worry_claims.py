"""Claimed by rare shared words on an objective the board already worries about.

linking-evaluation.md, "The claim-recall pass". A possible link with no chain
through the map is claimed when the objective is one of the board's worries,
the telling words both share are rare among the team's objectives, and the pair
is the impact's strongest link to the director and the objective's strongest
from the project: on the first looks at blind12-20 such links were right 7
times in 7. Read through ``pitchkit directors --json``, as a lead would see it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pitchkit.advice.ranking import link_reason
from pitchkit.i18n.translation import language
from pitchkit.recast.align import Link
from pitchkit.recast.evidence import NAMES, Evidence
from pitchkit.recast.measures import RULES
from pitchkit.recast.scorer import decide

DOMAIN = Path(__file__).parent / "data" / "linkeval-blind19" / "community-phlebotomy"

#: Rare shared words, a board worry, the strongest link both ways, and nothing else.
WORRY = {"words": 2 / 3, "rare_words": 0.6, "worry": 1.0, "best_here": 1.0, "best_there": 1.0}


def evidence(**values: float) -> Evidence:
    return Evidence({**dict.fromkeys(NAMES, 0.0), "rules_weak": 1.0, **values})


def words_link() -> Link:
    pairs = (("car", "car"), ("Fenwick", "Fenwick"))
    return Link("car-journeys", "car-park", 0.45, "words", (), pairs, "possible")


def test_rare_words_on_a_board_worry_are_claimed_and_said_so() -> None:
    claimed = decide(words_link(), evidence(**WORRY), year_missed=False)
    assert (claimed.confidence, claimed.reason, claimed.chain) == ("confident", "worry", None)
    assert link_reason(claimed, language("en_GB")) == (
        "matching words few of the team's objectives use: 'car' ~ 'car', 'Fenwick' ~ "
        "'Fenwick', on an objective about something the board already worries about"
    )


def test_each_condition_is_needed() -> None:
    for name, value in (
        ("worry", 0.0),
        ("rare_words", 0.4),
        ("best_here", 0.0),
        ("best_there", 0.0),
    ):
        found = decide(words_link(), evidence(**{**WORRY, name: value}), year_missed=False)
        assert found.confidence == "possible", name
    # Nor for an objective of a year the project delivers nothing in.
    assert decide(words_link(), evidence(**WORRY), year_missed=True).confidence == "possible"


def test_car_journeys_are_claimed_for_the_car_park_risk_on_the_baf(
    links_by_pair: Callable[..., dict[Any, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Patient car journeys to Fenwick General for a blood test" against "BAF 11: relieve
    # car park congestion at Fenwick General", where the trust's strategy lists BAF risk 11.
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    claim = links_by_pair(DOMAIN / "facts.yaml")[("car-journeys", "coo.car-park")]
    assert (claim["confidence"], claim["reason"], claim["chain"]) == ("confident", "worry", [])
    assert claim["explanation"].startswith("matching words few of the team's objectives use:")
