"""The payback in a finance director's brief agrees with the years the log delivered.

Once a closed financial year shows what the progress log delivered, the
payback must follow those years: a year that delivered £53,000 for £48,000
cannot be followed by "payback 6 months", and a project whose benefit over
its years is less than its funding has not paid back at all. Each test
writes a bundled example's brief through the API a command runs, on a day
after the year closed, reads the document back and redoes the sum from the
figures in the line itself.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
#: After 2027/28 closed: the falls project's only year and the hub's second are logged.
TODAY = dt.date(2028, 4, 10)


def money_line(tmp: Path, example: str, locale: str | None = None) -> str:
    """The finance director's 'Benefit against …' line of the example's brief."""
    request = BriefRequest(
        facts=EXAMPLES / example / "facts.yaml",
        director="dof",
        out=tmp,
        locale=locale,
        today=TODAY,
    )
    [path] = write_brief(request).written
    words = "Budd yn erbyn" if locale == "cy_GB" else "Benefit against"
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(words)]
    return line


def pounds(text: str) -> int:
    """``£53,000`` as 53000."""
    return int(text.replace("£", "").replace(",", ""))


def test_a_year_that_delivered_less_than_its_rate_pays_back_later(tmp_path: Path) -> None:
    # Falls prevention runs for 2027/28 alone; the log shows it delivered £53,000 (20 fewer
    # falls than 7 a month), not the £89,000 a year at the full rate that gave "6 months".
    line = money_line(tmp_path, "falls-prevention")
    found = re.search(r"2027/28 (£[\d,]+) delivered for (£[\d,]+)", line)
    assert found, line
    delivered, funding = pounds(found[1]), pounds(found[2])
    assert delivered > funding
    # The funding is repaid when the year's benefit so far reaches it: 12 × 48 / 53 = 10.9.
    months = round(12 * funding / delivered)
    assert f"payback {months} months" in line, line
    assert "payback 6 months" not in line


def test_benefit_below_the_funding_is_not_paid_back(tmp_path: Path) -> None:
    # The hub delivered £0 in 2026/27 and £84,000 in 2027/28 against £96,000: net negative.
    line = money_line(tmp_path, "ysbyty-cymunedol", locale="en_GB")
    found = re.search(r"over the project (£[\d,]+), net (-?£[\d,]+)", line)
    assert found, line
    assert pounds(found[1]) < 96_000
    assert "not paid back within the project" in line
    assert not re.search(r"payback \d+ month", line), line


def test_in_welsh_too(tmp_path: Path) -> None:
    line = money_line(tmp_path, "ysbyty-cymunedol", locale="cy_GB")
    assert "heb ei ad-dalu o fewn y prosiect" in line
    assert not re.search(r"ad-dalu mewn \d+ mis", line), line
