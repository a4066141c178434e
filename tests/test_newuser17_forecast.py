"""A year's forecast says how much of it is the plan's rate alone (newuser17 #2).

The spirometry hubs (tests/data/newuser17/icb.yaml, a quarterly log to July to
September 2026, every change on 1 July 2025): inhaler items the log shows falling,
COPD admissions "no signal yet". The 2026/27 forecast, £543,700, is £70,900 the
log shows delivered, the same rate for October to March, and the admissions at the
plan's full rate for October to March (80 fewer a quarter at £2,519.44, 182 of 365 days):
£402,000. A finance director must see that three-quarters of it is the plan's assumption,
in the same line, rounded as the year is and the two parts adding up to it. Nothing
counted changes: the year reads £543,700 (to the £100 since fixbrief29).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text

DATA = Path(__file__).resolve().parent / "data" / "newuser17"


def _money(text: str) -> int:
    return int(text.replace("£", "").replace(",", ""))


def test_cfo_brief_splits_the_forecast(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "cfo.docx"
    result = cli("brief", str(DATA / "icb.yaml"), "-d", "cfo", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    found = re.search(
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        # fixbrief29: totals re-add at a finer step (£70,900, £543,700, £141,700).
        r"2026/27 (£[\d,]+) forecast against £170,000 \(£70,900 delivered to the end "
        r"of September "
        r"2026, .*?; (£[\d,]+) of the (£[\d,]+) is the plan's rate for measures whose figures "
        r"do not yet show the change, (£[\d,]+) what the log's figures bear\)",
        text,
    )
    assert found, text
    total, assumed, again, borne = (_money(g) for g in found.groups())
    # what is counted is unchanged (at costs to the penny), now shown to the £100 (fixbrief29)
    assert total == again == 543_700
    assert assumed == 402_000
    assert assumed + borne == total


def test_welsh_brief_splits_the_forecast(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "cfo-cy.docx"
    result = cli("brief", str(DATA / "icb.yaml"), "-d", "cfo", "-o", str(out), "-l", "cy_GB")
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    # fixbrief29: totals re-add at a finer step (£543,700 = £402,000 + £141,700).
    assert "£402,000 o'r £543,700 yw cyfradd y cynllun" in text, text
    assert "£141,700 yw'r hyn y mae ffigurau'r cofnod cynnydd yn ei ddangos" in text
