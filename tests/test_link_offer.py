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
