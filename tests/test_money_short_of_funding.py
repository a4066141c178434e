"""A project not paid back even counting its capacity as cash says so in every note.

Worked by hand (docs/money.md §4, "Payback"), on newuser7's children's
allergy day unit (tests/data/money-short-of-funding/allergy.yaml), a note of
5 December 2026: £280,000 from 5 January 2026 to 31 March 2027; tests sent to
a private provider, £85 at 2024/25 prices × 1.3638 ÷ 1.2951 = £89.51, 700 a
year = £62,657 of cash (£63,000); emergency attendances, £242 at 2021/22
prices × 1.3638 ÷ 1.1321 = £291.53, 120 a year = £34,984 of capacity
(£35,000). The finance block takes its years from the log: 2025/26 £7,000
(12 attendances and 38.5 tests fewer than the 35.3 and 75.2 a month before
the change, January to March: £3,498 + £3,446), 2026/27 £70,000 (£38,233 in
the 184 days of May to October, no figure for April, and 151 days more at
that rate), £77,000 against £280,000: "not paid back within the project".

Every other director's one line beside cash and capacity gives the cash's
own payback, since the block counts capacity as cash too and so gives a
shorter one. Here there is no shorter one: the cash alone (£46,000 or so) and
the whole (£77,000) both fall short. "Not paid back from the cash alone"
would tell the chief operating officer that the capacity repays it, which the
finance director's note beside it says it does not; the line gives the
block's words instead. At the full rate (no log, £2,000,000 of funding) the
same holds: 12 × 2,000,000 ÷ (62,657 + 34,984, a little less at costs to
the penny) = 245.8 months, past the project's end, even counting the capacity.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

ALLERGY = Path(__file__).resolve().parent / "data" / "money-short-of-funding" / "allergy.yaml"
TODAY = dt.date(2026, 12, 5)


def _line(tmp: Path, facts: Path, director: str, start: str, locale: str = "en_GB") -> str:
    request = BriefRequest(
        facts=facts, director=director, out=tmp / f"{director}-{locale}", today=TODAY, locale=locale
    )
    [path] = write_brief(request).written
    [line] = [line for line in docx_text(path).splitlines() if line.startswith(start)]
    return line


@pytest.mark.parametrize(
    ("locale", "finance", "block", "other", "one"),
    [
        (
            "en_GB",
            "Benefit against",
            "over the project £77,000, a net cost of £203,000; not paid back within the project;",
            "Money:",
            # The rates are the plan's, and say so beside "not paid back" (review13 L2).
            "Money: £63,000 of cash and £35,000 of capacity a year in the plan, at 2026/27 "
            "prices, against "
            "£280,000 of funding (not paid back within the project at the rate delivered so "
            "far).",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "dros y prosiect £77,000, cost net o £203,000; heb ei ad-dalu o fewn y prosiect;",
            "Arian:",
            "y flwyddyn yn y cynllun, ym mhrisiau 2026/27, yn erbyn cyllid o £280,000 (heb ei "
            "ad-dalu o fewn y prosiect ar y gyfradd a gyflawnwyd hyd yma).",
        ),
    ],
)
def test_no_payback_even_with_the_capacity_is_said_in_the_finance_blocks_words(
    tmp_path: Path, locale: str, finance: str, block: str, other: str, one: str
) -> None:
    assert block in _line(tmp_path, ALLERGY, "dof", finance, locale)
    line = _line(tmp_path, ALLERGY, "coo", other, locale)
    assert one in line
    assert "cash alone" not in line
    assert "arian parod yn unig" not in line


def test_at_the_full_rate_no_payback_even_with_the_capacity_says_so(tmp_path: Path) -> None:
    yaml = YAML()
    data: Any = yaml.load(ALLERGY.read_text(encoding="utf-8"))
    del data["updates"]
    data["project"]["funding"]["amount"] = 2_000_000
    facts = tmp_path / "allergy.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    block = _line(tmp_path, facts, "dof", "Benefit against")
    assert "not paid back by the end of the project in March 2027" in block
    assert "it would take about 20 years" in block
    assert _line(tmp_path, facts, "coo", "Money:").endswith(
        "against £2,000,000 of funding (not paid back by the end of the project in March "
        "2027; at the full rate it would take about 20 years if the capacity is turned into cash)."
    )


def _gains(tmp: Path, funding: int) -> list[str]:
    """The finance director's "What is in it for you", the facts file offering none of its own."""
    yaml = YAML()
    data: Any = yaml.load(ALLERGY.read_text(encoding="utf-8"))
    del data["offer"]
    data["project"]["funding"]["amount"] = funding
    facts = tmp / f"allergy-{funding}.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    request = BriefRequest(facts=facts, director="dof", out=tmp / f"dof-{funding}", today=TODAY)
    [path] = write_brief(request).written
    lines = docx_text(path).splitlines()
    first = lines.index("What is in it for you") + 1
    return lines[first : lines.index("Funding and timeline")]


def test_an_investment_case_that_pays_back_is_offered_only_when_it_does(tmp_path: Path) -> None:
    # £280,000: £77,000 over the project, "not paid back within the project; 28p per £1".
    assert "An investment case that pays back" not in _gains(tmp_path, 280_000)
    # £50,000: paid back within the project on the same years (£7,000 and £70,000), counting
    # the capacity as cash, but not from the cash alone, as every other director's line says
    # ("not paid back from the cash alone within the project"): no investment case (newuser11 #5).
    assert "An investment case that pays back" not in _gains(tmp_path, 50_000)
    # £30,000: the cash alone repays it ("payback in 11 months from the cash alone").
    assert "An investment case that pays back" in _gains(tmp_path, 30_000)
