"""Money a finance director would sign, in progress updates (reader27 #1, #2, #5, #12).

Each test writes a note as the reader did (the API, or the CLI with ``--today``) and reads
its text back.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from typer.testing import CliRunner

import crisiscase
from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update
from pitchkit.cli import app

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _update(
    tmp_path: Path, name: str, director: str, period: str, today: dt.date, locale: str | None = None
) -> str:
    request = UpdateRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director=director,
        period=period,
        out=tmp_path / f"{name}-{director}-{period}",
        today=today,
        locale=locale,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def _pounds(text: str) -> float:
    return float(text.replace("£", "").replace(",", ""))


def test_a_closing_update_prices_its_year_in_that_year_not_the_year_it_is_written(
    tmp_path: Path,
) -> None:
    # reader27 #1: written on 6 April 2028 (2028/29), the frailty closing update for March
    # 2028 priced 2027/28's 164 admissions at 2028/29 prices, £365,000, 2.6% of the 2027/28
    # CIP. At 2027/28 prices: 164 x £2,171.07 = £356,055, £356,000, 2.5% of £14m.
    out = tmp_path / "closing.docx"
    words = ["update", str(EXAMPLES / "frailty-virtual-ward" / "facts.yaml"), "-d", "dof"]
    result = CliRunner().invoke(
        app, [*words, "-p", "2028-03", "-o", str(out), "--today", "2028-04-06"]
    )
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    assert "2028/29" not in text
    assert (
        "worth £356,000 in capacity at 2027/28 prices (2.5% of your £14m target, if the "
        "capacity is turned into cash)"
    ) in text
    # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
    assert "£1,590 per admission at 2016/17 prices (£2,171.07 at 2027/28)" in text
    assert round(164 * 2171.03) == 356_049
    # The years past the published index are said to be projections, as the brief says them.
    assert "2025/26, 2026/27 and 2027/28 projected at 2.62% a year" in text
    # The money paragraph and the board text give the same money: £356,000 less £250,000.
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2027/28 £356,000 delivered against £202,000" in text
    assert "over the project £356,000, net £106,000" in text
    assert "£1.42 per £1" in text
    assert "(worth £356,000 in capacity at 2027/28 prices) between June 2027" in text


def test_the_falls_closing_update_for_the_nurse_is_at_2027_28_prices(tmp_path: Path) -> None:
    # reader27 #1: 20 falls at £2,564.32 (2027/28) = £51,286, not £53,000 at 2028/29 prices.
    text = _update(tmp_path, "falls-prevention", "don", "2028-03", dt.date(2028, 4, 7))
    assert "worth £51,000 in capacity at 2027/28 prices" in text
    assert "2028/29" not in text


def test_a_brief_keeps_the_price_year_of_its_day(tmp_path: Path) -> None:
    # A brief is priced in the year it is written: its money is the plan's, at today's prices.
    request = BriefRequest(
        facts=EXAMPLES / "falls-prevention" / "facts.yaml",
        director="dof",
        out=tmp_path / "brief",
        today=dt.date(2026, 12, 6),
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
    assert "(£2,498.85 at 2026/27)" in text


def test_the_crisis_house_cip_share_is_of_the_net_cash(tmp_path: Path) -> None:
    # reader27 #2: the gross share (7.7%) was rightly removed, but no share replaced it.
    # £727,000 less £328,000 of crisis-house nights is £399,000: 4.2% of £9.5m.
    text = crisiscase.update(crisiscase.copy_project(tmp_path), "dof", "2026-11")
    assert (
        "worth £727,000 at 2026/27 prices; £399,000 net of the extra spend so far (4.2% of "
        "your £9.5m target)."
    ) in text
    assert round(399_000 / 9_500_000 * 100, 1) == 4.2


def test_the_spend_row_nets_the_cash_in_plain_words_outside_a_bracket(tmp_path: Path) -> None:
    # reader27 #12: "(… less £328,000 of extra spend: £399,000 of cash net so far; besides,
    # £164,000 of capacity, …)" held a colon and a semicolon in a bracket.
    text = crisiscase.update(crisiscase.copy_project(tmp_path), "dof", "2026-11")
    # fixread31a #3: the net is said once in the table, beside the money it nets (the
    # out-of-area row: £727,000 less 1,560 nights x £210 = £328,000 is £399,000), so the spend's
    # row gives the spend and the capacity alone; the board text nets it in plain words.
    table = text[text.index("Your objective Delivered so far") : text.index("Money so far")]
    assert (
        "worth £727,000 at 2026/27 prices; £399,000 net of the extra spend so far (4.2% of "
        "your £9.5m target)."
    ) in table
    assert (
        "adding £328,000 to spend at 2026/27 prices. The £164,000 of "
        "capacity the project has freed becomes money only when it is taken out."
    ) in table
    board = text[text.index("For your board report") : text.index("Where we need your help")]
    assert (
        "at a cost of £328,000, so the net cash delivered so far is £399,000 (£727,000 less "
        "£328,000)."
    ) in board
    assert "besides" not in text
    assert "cash net so far" not in text


def _forecast_checks(text: str, months: int) -> str:
    """The year's forecast clause, checked by hand: delivered plus months at the rate."""
    # fixbrief29 (reader28 #11): one year holding all the funding no longer says "against £X"
    # again, so that part is optional.
    found = re.search(
        r"(£[\d,]+) forecast (?:against £[\d,]+ )?\((£[\d,]+) delivered to the end of "
        r"[A-Za-z]+ \d{4}, (?:the rest of the year|then (£[\d,]+)) at the average so far, "
        r"(about )?(£[\d,]+) a month",
        text,
    )
    assert found is not None, text
    year, so_far, rate = _pounds(found[1]), _pounds(found[2]), _pounds(found[5])
    # fixbrief28: the rest of the year said as a sum ("then £281,000 at the average so far"),
    # so delivered plus the rest is the year as shown, and the months at the rate near it.
    if found[3] is not None:
        assert so_far + _pounds(found[3]) == year, found[0]
    # "about £70,000 a month" is rounded as the note rounds: the months at it land within
    # 2% of the year (4 x £70,000 on £563,000 is £843,000 beside £844,000).
    assert abs(so_far + months * rate - year) <= 0.02 * year, found[0]
    return found[0]


def test_the_forecast_rate_multiplies_back_to_the_forecast(tmp_path: Path) -> None:
    # reader27 #5: "£31,000 forecast (£23,000 delivered, …, £3,000 a month)" made £32,000 by
    # hand; the average is £23,078 / 9 = £2,564 a month: "about £2,600", £30,800, £31,000.
    text = _update(tmp_path, "falls-prevention", "dof", "2027-12", dt.date(2028, 1, 8))
    said = _forecast_checks(text, months=3)
    assert said.endswith("about £2,600 a month")


def test_the_crisis_forecast_rate_multiplies_back_too(tmp_path: Path) -> None:
    # reader27 #5: £563,000 + 4 x £70,000 = £843,000 beside "£844,000". The rate is
    # £70,368.57 a month (£90,823 + £20,495 - £40,950); to £100, £70,400 gives £844,600,
    # which rounds to £845,000, so it is given to £10: £563,000 + 4 x £70,370 = £844,480.
    text = crisiscase.update(crisiscase.copy_project(tmp_path), "dof", "2026-11")
    said = _forecast_checks(text, months=4)
    # fixbrief28: rounded as the note rounds, with the rest given as a sum (£563,000 +
    # £281,000 = £844,000), so "about £70,370" is no longer needed to make the months add up.
    # fixbrief29 (reader28 #10): the years to £100, so that they add up to the total their
    # unrounded money makes: £562,900 + £281,500 = £844,400.
    # fixfit44: the shifts restated at £389.96 (the 2.62% the note gives, was £389.95): the
    # delivered part is £563,000 and the rest £281,400, still £844,400.
    # fixread30 (reader30 #4): the rest is the average times the months, 4 x £70,369 =
    # £281,476, £281,500, and the delivered £562,952 gives up the £100 over: £562,900.
    assert said.endswith("then £281,500 at the average so far, about £70,000 a month")
    # The project's total is the sum of its years as shown, and the net is that less £480,000.
    assert "2027/28 £422,200 forecast" in text
    assert "over the project £1,266,600, net £786,600" in text


def test_the_welsh_forecast_rate_says_about_too(tmp_path: Path) -> None:
    # £82,000 + 2 x £12,000 = £106,000; the average is £11,749 a month, so "tua £12,000".
    text = _update(
        tmp_path, "ysbyty-cymunedol", "dof", "2027-10", dt.date(2027, 11, 5), locale="cy_GB"
    )
    assert "ar y cyfartaledd hyd yma, tua £12,000 y mis" in text
    assert "2027/28 £106,000 a ragwelir" in text
