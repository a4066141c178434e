"""Money and board sentences a finance director would sign (reader25 #1, #9, #15).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from crisiscase import brief, copy_project, update
from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _example_brief(tmp_path: Path, name: str, director: str) -> str:
    folder = tmp_path / name
    shutil.copytree(EXAMPLES / name, folder)
    request = BriefRequest(
        facts=folder / "facts.yaml",
        director=director,
        out=tmp_path / f"brief-{name}-{director}",
        today=dt.date(2026, 12, 6),
    )
    [path] = write_brief(request).written
    return " ".join(docx_text(path).split())


def test_the_board_sentence_says_the_spend_once_and_plainly(tmp_path: Path) -> None:
    text = update(copy_project(tmp_path), "dof", "2026-11")
    board = text.split("For your board report", 1)[1]
    assert (
        "at a cost of £328,000, so the net cash delivered so far is £399,000 "
        "(£727,000 less £328,000). The £164,000 of capacity it has freed becomes money only "
        "when it is taken out."
    ) in board
    assert "Against that, it has meant" not in board
    assert "more of what the change sets out to do" not in board
    assert "adding £328,000 to spend" not in board


def test_the_paybacks_are_said_to_be_net_of_the_spend(tmp_path: Path) -> None:
    text = brief(copy_project(tmp_path), "ceo")
    assert "Less the extra spend" not in text
    assert "Each payback here is net of the £504,000 a year of extra spend the change adds" in text


def test_no_cash_is_a_whole_sentence(tmp_path: Path) -> None:
    falls = _example_brief(tmp_path, "falls-prevention", "dof")
    assert "At 2026/27 prices, no cash" not in falls
    assert (
        "None of the benefit is cash for the financial plan (figures at 2026/27 prices)." in falls
    )
    frailty = _example_brief(tmp_path, "frailty-virtual-ward", "coo")
    assert "the capacity above, no cash" not in frailty
    assert (
        "Money: the benefit above, all of it capacity and none of it cash, at 2026/27 prices, "
        "against £250,000 of funding" in frailty
    )


def test_no_cash_is_a_whole_sentence_in_welsh(tmp_path: Path) -> None:
    text = _example_brief(tmp_path, "ysbyty-cymunedol", "dof")
    assert "Ym mhrisiau 2026/27, dim arian parod" not in text
    assert (
        "Nid oes dim o'r budd yn arian parod i'r cynllun ariannol (ffigurau ym mhrisiau 2026/27)."
        in text
    )


def _falls_update(tmp_path: Path, director: str, period: str) -> str:
    from typer.testing import CliRunner

    from pitchkit.cli import app

    out = tmp_path / f"falls-{director}-{period}.docx"
    facts = EXAMPLES / "falls-prevention" / "facts.yaml"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", director, "--period", period, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split())


def test_a_missed_objective_is_worked_toward_and_said_how_far(tmp_path: Path) -> None:
    text = _falls_update(tmp_path, "don", "2028-03")
    board = text.split("For your board report", 1)[1].split("Use or adapt it", 1)[0]
    # The note judges the quarter missed (19% fewer together): the board sentence says so.
    assert "short of a quarter" in text.split("For your board report", 1)[0]
    assert "contributing to our objective to reduce avoidable harm" not in board
    assert "toward our objective to reduce avoidable harm from falls and pressure ulcers" in board
    assert "together were 19% fewer than at the baseline rate, short of the aim of a quarter." in (
        board
    )


def test_an_objective_not_yet_due_is_still_contributed_to(tmp_path: Path) -> None:
    text = _falls_update(tmp_path, "don", "2027-12")
    board = text.split("For your board report", 1)[1].split("Use or adapt it", 1)[0]
    assert "short of the aim" not in board


def test_a_budget_the_plan_cannot_reach_is_said_part_way(tmp_path: Path) -> None:
    text = brief(copy_project(tmp_path), "dof")
    # 3,600 bed days a year at £636.24 (£2,417,712 / 3,800 fewer) is £2,290,000: over £2m.
    assert "will help you bring out-of-area placement spend within the £2m budget" not in text
    assert (
        "will take you part of the way to your objective to bring out-of-area placement spend "
        "within the £2m budget: at its target the spend falls to about £2,290,000 a year, "
        "£290,000 above that budget."
    ) in text


def test_none_the_plan_cannot_reach_is_said_part_way(tmp_path: Path) -> None:
    text = brief(copy_project(tmp_path), "ceo")
    assert "will help you stop sending anyone out of area" not in text
    assert (
        "will take you part of the way to your objective to stop sending anyone out of area "
        # fixbrief29 (reader28 #13): the plan's from and to, not "reduces …, but not to none".
        "for adult acute care by March 2027: the plan brings inappropriate out-of-area "
        "placement bed days, adult acute, down from 7,400 to 3,600 a year, but does not end them."
    ) in text


def test_one_year_with_all_the_funding_does_not_say_the_funding_twice(tmp_path: Path) -> None:
    text = _example_brief(tmp_path, "falls-prevention", "dof")
    # 34 falls x £2,498.85 = £84,961 in 2027/28, the one year, against £48,000 of funding.
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2027/28 £85,000 against £48,000" not in text
    assert "counting capacity as if it were cash: 2027/28 £85,000, net £37,000;" in text
