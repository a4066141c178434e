"""Link pass 43 (blind89-91 read): pay is not what a provider or a supplier is paid.

- Premium-rate pay (overtime, waiting list initiatives) is pay, as bank and agency shifts
  and the pay bill are (``align._PAY``).
- A claimed chain from pay that ends at an objective's open spend on something bought
  (goods, or a body paid that is not the organisation's own staff: ``payee_words`` in
  measures.yaml) is only possible, doubt "spent" (``align._bought_held``). Fewer
  overtime hours lower the pay bill, not the spend with private ambulance providers.

See docs/linking-evaluation.md, "Pass 43".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links
from pitchkit.recast.align import _spent_kind
from pitchkit.recast.measures import RULES, names_payee

OVERTIME = {
    "id": "overtime",
    "measure": "Overtime hours paid for end-of-shift overruns",
    "unit": "hours",
    "per": "month",
    "baseline": 1400,
    "target": 700,
    "themes": ["finance", "workforce"],
}


@pytest.mark.parametrize(
    "text",
    [
        "Spend on private ambulance providers below £4m",
        "Spend on private and voluntary ambulance providers held under £2.1m",
        "Reduce orthopaedic spend with independent sector providers by £3m",
        "Clinical supplies and services spend held at 2025/26 outturn",
    ],
)
def test_spend_paid_to_another_body_or_for_goods_is_not_pay(text: str) -> None:
    assert _spent_kind(text) == "goods"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Bring medical WLI and other premium payments back within the pay budget", "pay"),
        ("Premium pay (overtime, bank and WLI) down 10%", "pay"),
        # Pay and something bought together: neither kind alone.
        ("Reduce premium-rate spend (agency, bank, outsourcing and WLIs) by £7m", None),
        ("Deliver the £11.4m efficiency programme in 2026/27", None),
    ],
)
def test_premium_pay_is_pay(text: str, kind: str | None) -> None:
    assert _spent_kind(text) == kind


def test_payee_words_are_read_as_words() -> None:
    assert names_payee("Spend with local suppliers")
    assert names_payee("Spend on private ambulance providers")
    assert not names_payee("Spend on agency nurses")


@pytest.mark.parametrize(
    "objective",
    [
        "Spend on private ambulance providers below £4m",
        "Reduce orthopaedic spend with independent sector providers by £3m",
        "Clinical supplies and services spend held at 2025/26 outturn",
    ],
)
def test_overtime_is_only_possible_for_spend_on_something_bought(
    tmp_path: Path, objective: str
) -> None:
    assert RULES["bought"]
    found = directors_links(tmp_path, OVERTIME, objective, role="Director of Finance")
    link = found.get(("overtime", "target"))
    assert link is None or link["confidence"] == "possible"


@pytest.mark.parametrize(
    "objective",
    [
        "Deliver the £11.4m efficiency programme in 2026/27",
        "Premium pay (overtime, bank and WLI) down 10%",
    ],
)
def test_overtime_is_left_alone_for_savings_and_pay(tmp_path: Path, objective: str) -> None:
    # A savings plan takes any cash saved, and premium pay is the pay itself: the rule
    # leaves both (in this small project the learned scorer may still hold the first back).
    found = directors_links(tmp_path, OVERTIME, objective, role="Director of Finance")
    assert found[("overtime", "target")]["doubt"] != "spent"


def test_premium_pay_is_claimed_for_premium_pay(tmp_path: Path) -> None:
    objective = "Premium pay (overtime, bank and WLI) down 10%"
    found = directors_links(tmp_path, OVERTIME, objective, role="Director of Finance")
    assert found[("overtime", "target")]["confidence"] == "confident"
