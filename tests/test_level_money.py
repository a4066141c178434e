"""A money value on a level (no ``per:``): said at the note's prices, its cost listed.

newuser14 P4: a backlog of 120 assessments cleared once, at £250 each (2025/26
prices), read "worth £30,000" beside figures at 2026/27 prices, its £250 was
missing from "Unit costs used", and ``check``'s fix for it was ``per: year``,
which counts a one-off again every year. These tests run the commands as a
lead would and read what the lead sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

FACTS = Path(__file__).resolve().parent / "data" / "one-off" / "facts.yaml"


def _said(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())


def test_a_level_s_worth_is_restated_and_its_unit_cost_listed(cli: Cli) -> None:
    said = _said(cli("preview", str(FACTS), "-d", "dof"))
    # 120 × £256.55 (£250 at 2025/26 prices restated to 2026/27, as the £420 shift is to £431).
    assert "from 120 to 0 assessments: 120 fewer, a 100% reduction, worth £31,000." in said
    assert "worth £30,000" not in said
    # reader26 #11: a costing (price, unit, price base, today's price), then its source.
    # fixbrief29: the source lower-cased mid-sentence, "from the quote from …".
    # £250 × 1.0262 (2026/27 projected at 2.62%) = £256.55.
    assert (
        "£250 per assessment at 2025/26 prices (£256.55 at 2026/27), from the quote from "
        "Dysphagia Partners Ltd"
    ) in said
    # Never in a total: the money block counts the shifts alone.
    assert "cash for the financial plan: £83,000 a year (16 fewer shifts a month)." in said


def test_the_welsh_note_restates_it_too(cli: Cli, tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FACTS.read_text(encoding="utf-8") + "  locale: cy_GB\n", encoding="utf-8")
    said = _said(cli("preview", str(facts), "-d", "dof"))
    assert "gostyngiad o 100%, gwerth £31,000." in said
    assert "(£256.55 ym mhrisiau 2026/27), o “Quote from Dysphagia Partners Ltd”" in said


def test_check_does_not_push_a_one_off_into_per_year(cli: Cli) -> None:
    said = _said(cli("check", str(FACTS)))
    assert (
        "value-not-counted: The money value of 'Swallowing assessments bought from an "
        "outsourced provider to clear the backlog' is in no total of the note: not in the "
        "money block, the payback or the benefit per £1."
    ) in said
    assert "fix: If the change happens once (a backlog cleared, a purchase made once)" in said
