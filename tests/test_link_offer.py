"""What the linker offers the lead: money counts towards a financial objective only as cash."""

from __future__ import annotations

import pytest

from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import link
from pitchkit.recast.lenses import all_lenses


def offered(releases: str | None) -> tuple[str, str] | None:
    """How an impact with a money value is linked to a CIP objective, when it is at all."""
    impact = Impact.model_validate(
        {
            "id": "visits",
            "measure": "Unplanned district nursing visits for blocked catheters",
            "unit": "visits",
            "baseline": 900,
            "target": 600,
            "value": {"amount": 45000, "source": "Community nursing unit cost"},
            "releases": releases,
        }
    )
    objective = Objective(id="cip", text="Deliver the £11m cost improvement plan in 2027/28")
    found = link(impact, objective, director_id="dof", lens=all_lenses()["finance"])
    return None if found is None else (found.reason, found.confidence)


@pytest.mark.parametrize("releases", ["cash", None])
def test_money_that_can_be_cash_is_offered_to_a_financial_objective(releases: str | None) -> None:
    assert offered(releases) == ("value", "possible")


def test_money_the_lead_marks_as_capacity_is_not_offered_to_a_financial_objective() -> None:
    # Time freed for other work is not money the trust takes out: labellers accepted such a
    # link once in 88 offers on the eleven labelled sets.
    assert offered("capacity") is None


def test_the_lead_is_asked_about_cause_chains_before_shared_words() -> None:
    from pathlib import Path

    from pitchkit.facts.schema import load_facts
    from pitchkit.init.linkedit import candidates
    from pitchkit.recast.align import offer_rank

    path = Path(__file__).parent / "data" / "linkeval-blind10" / "discharge-to-assess-p1"
    proposed = candidates(load_facts(path / "facts.yaml").facts)
    possible = [c for c in proposed if not c.link.claimed]
    ranks = [offer_rank(c.link) for c in possible]
    assert ranks == sorted(ranks)
    # Home first -> delayed discharges -> the Better Care Fund is a cause chain to the
    # finance director, who comes after the operations director in the facts; it is asked
    # before a pair of shared words ('discharge' ~ 'no criteria to reside') for the latter.
    keys = [c.key for c in possible]
    chain = keys.index("care-hours:dof.bcf")
    words = next(
        n for n, c in enumerate(possible) if c.link.reason == "words" and c.director.id == "coo"
    )
    assert possible[chain].link.mismatch == "cause"
    assert chain < words
    assert [c.link.confidence for c in proposed[: len(proposed) - len(possible)]] == [
        "confident"
    ] * (len(proposed) - len(possible))


def test_offer_rank_orders_kinds_of_evidence() -> None:
    from pitchkit.recast.align import Link, offer_rank
    from pitchkit.recast.measures import Chain

    chain = Chain("a", ())
    claimed = Link("i", "o", 0.9, "map", (), (), "confident", chain)
    cause = Link("i", "o", 0.5, "map", (), (), "possible", chain, "cause")
    topic = Link("i", "o", 0.5, "map", (), (), "possible", chain, "topic")
    cash = Link("i", "o", 0.45, "value", ("finance",), (), "possible")
    backed = Link("i", "o", 0.5, "words", ("flow",), (("a", "a"),), "possible")
    bare = Link("i", "o", 0.5, "words", (), (("a", "a"),), "possible")
    themes = Link("i", "o", 0.4, "themes", ("flow",), (), "possible")
    other = Link("i", "o", 0.5, "map", (), (), "possible", chain, "time")
    assert [offer_rank(x) for x in (claimed, cause, topic, cash, backed, bare, themes, other)] == [
        0, 1, 2, 2, 2, 3, 3, 3,
    ]  # fmt: skip
