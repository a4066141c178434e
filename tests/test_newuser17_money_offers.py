"""Money is offered only to a financial objective whose spend it can be (newuser17 #4).

The community tube feeding service's wasted feed boxes (a cash value, £38 a box)
were offered as "possible" to "Reduce spend on continuing healthcare packages"
because "the impact has a money value and the objective is financial". That
objective names what its spend is on (the map's continuing-healthcare concept);
feed boxes are not CHC packages. A general aim, "Deliver the £25m savings plan",
takes any cash saved and keeps the offer. The spirometry hubs' inhaler items were
offered to "Cut prescribing spend by 3%" and the ICB's efficiency plan; since the
measure map counts prescription items inside drug spend (the recall pass, branch
linkrecall33), both are claimed through that chain.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

DATA = Path(__file__).resolve().parent / "data" / "newuser17"


def test_feed_boxes_not_offered_to_chc_spend(cli: Callable[..., Result]) -> None:
    result = cli("directors", str(DATA / "cy_prelink.yaml"), "--directors", str(DATA / "team.xlsx"))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "wasted-feed-boxes → savings-plan: possible" in text
    assert "wasted-feed-boxes → spend-continuing-healthcare" not in text


def test_inhalers_claimed_for_prescribing_spend_and_the_efficiency_plan(
    cli: Callable[..., Result],
) -> None:
    result = cli("directors", str(DATA / "icb_prelink.yaml"))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    chain = "measure map: prescription items → drug spend"
    assert f"inhaler-items-unconfirmed → prescribing-spend: {chain}" in text
    assert f"inhaler-items-unconfirmed → icb-efficiency: {chain}" in text
    assert "inhaler-items-unconfirmed → prescribing-spend: possible" not in text
