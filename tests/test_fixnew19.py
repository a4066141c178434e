"""newuser19's findings on a surgical same-day emergency care project read by its finance
director: capacity never handed over as money, one period in a sentence, each forecast year
naming its rate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pitchkit.api.previewing import PreviewRequest, preview

#: newuser19's project: agency shifts (cash), admissions (capacity) and outpatient scans
#: whose rise adds spend, with a monthly log from July 2024 to November 2026.
SSDEC = Path(__file__).parent / "data" / "fixnew19" / "ssdec.yaml"
TODAY = dt.date(2026, 12, 5)


def _text(director: str, kind: str = "brief", locale: str | None = None) -> str:
    """The note as the director reads it: every paragraph and table cell, in order."""
    result = preview(
        PreviewRequest(
            facts=SSDEC,
            director=director,
            kind=kind,
            period="2026-11" if kind == "update" else None,
            locale=locale,
            today=TODAY,
        )
    )
    parts = []
    for block in result.blocks:
        parts.append(block.text)
        parts += [" | ".join(row) for row in block.rows]
    return "\n".join(parts)


@pytest.mark.parametrize("director", ["dof", "coo", "md", "cno"])
def test_the_board_sentence_nets_the_spend_off_the_cash_and_names_capacity_apart(
    director: str,
) -> None:
    text = _text(director, "update")
    # £243,000 of agency cash less £81,000 of scans; the £1,169,000 of admissions is
    # capacity, never added into a "money delivered" figure.
    assert "£1,330,000" not in text
    assert "£1,411,000" not in text
    assert (
        "at a cost of £81,000, so the net cash delivered so far is £162,000 (£243,000 less "
        "£81,000). The £1,169,000 of capacity it has freed becomes money only when it is "
        "taken out."
    ) in text


def test_the_spend_row_is_netted_off_the_cash_alone() -> None:
    text = _text("dof", "update")
    assert "Extra spend the change adds, netted off the cash above" in text
    assert "netted off the money above" not in text
    assert (
        # fixmoney27 (reader27 #12): in the board sentence's plain words, outside a bracket.
        # fixupd28: the board sentence's own words, "across all the project's measures" gone
        # to make room for the chart of the bed days the update counts as delivered.
        "so the net cash delivered so far is £162,000 "
        "(£243,000 less £81,000). The £1,169,000 of capacity the project has freed becomes "
        "money only when it is taken out"
    ) in text


def test_the_welsh_board_sentence_keeps_cash_and_capacity_apart() -> None:
    text = _text("dof", "update", locale="cy_GB")
    assert "arian parod net a gyflawnwyd hyd yma yw £162,000 (£243,000 llai £81,000)" in text
    assert "£1,169,000 o gapasiti" in text
    assert "£1,330,000" not in text


def test_the_statement_gives_its_money_without_the_spend() -> None:
    text = _text("dof")
    # 100 more scans a month at £67.92: the spend is netted in the money block, not tacked
    # onto the agency statement's "£20,000 a month" (newuser35 #7).
    assert "worth £19,700 a month, about 1.8 WTE" in text  # to the £100 since reader26 #8
    assert "of extra spend on outpatient abdominal ultrasound scans" not in text
    assert "Extra spend the change adds:" in text


def test_a_year_after_the_one_under_way_says_it_carries_on_the_logs_rate() -> None:
    text = _text("dof")
    # 2027/28 is the log's rate (£284,000); the plan's would have given about £306,000.
    # The months that rate averages are named (newuser35 #13): since fixbrief28, by the year
    # under way's "delivered to the end of November 2026, then … at the average so far", and
    # the next year says "at the same average"; "of funding" is said once, in the lead.
    assert (
        "2026/27 £1,138,000 forecast against £210,000 (£759,000 delivered to the end of "
        "November 2026, then £379,000 at the average so far, about £95,000 a month)"
    ) in text
    assert "2027/28 £284,000 forecast against £52,000 (at the same average)" in text
