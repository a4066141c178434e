"""Money claimed: an impact's cash against a financial objective, when the scorer is sure enough.

linking-evaluation.md, "The claim-recall pass". On the first looks at blind12-20,
each set scored by weights fitted without it, such links with a chance of 0.7 or
more were right 5 times in 5 (the tuning sets 12 in 12); below it they stay
possible. Read through ``pitchkit directors --json``, as a lead would see it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

DOMAIN = Path(__file__).parent / "data" / "linkeval-blind17" / "camhs-waiting-list"


def test_agency_sessions_are_claimed_for_the_agency_spend_ceiling_as_money(
    links_by_pair: Callable[..., dict[Any, Any]],
) -> None:
    links = links_by_pair(DOMAIN / "facts.yaml")
    # "Agency psychologist sessions in CAMHS", with a cash value, against "Agency spend
    # within the £7.1m system agency ceiling": no chain through the map, money behind it.
    claim = links[("agency-psych", "dof.agency-cap")]
    assert (claim["confidence"], claim["reason"], claim["chain"]) == ("confident", "value", [])
    assert claim["explanation"] == "the impact has a money value and the objective is financial"


def test_the_same_money_against_a_less_likely_objective_stays_possible(
    links_by_pair: Callable[..., dict[Any, Any]],
) -> None:
    # The CIP is the finance director's too, but nothing else speaks for the pair.
    offer = links_by_pair(DOMAIN / "facts.yaml")[("agency-psych", "dof.cip")]
    assert offer["confidence"] == "possible"
    assert offer["explanation"].startswith("possible -- confirm with supports: [dof.cip]")
