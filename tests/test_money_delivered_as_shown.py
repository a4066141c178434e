"""The years a finance director's brief says were delivered are the update's money.

The transport desk (tests/data/money/transport.yaml) logs aborted journeys by
quarter; a journey costs £48 at 2023/24 prices, £52.58 at 2026/27 prices,
which the small print shows to the penny. Against the baseline's 900 a quarter
the log shows 240 fewer journeys in 2023/24, 750 in 2024/25 (no figure for
January to March 2025), 1,480 in 2025/26 and 850 in April to September 2026:
3,320 in all. A finance director checks each year by hand with the cost the
note prints: 240 × £52.58 = £12,619 (£13,000), 750 × £52.58 = £39,435
(£39,000), 1,480 × £52.58 = £77,818 (£78,000) and 850 × £52.58 = £44,693
(£45,000), which add up to the update's 3,320 × £52.58 = £174,566, "worth
£175,000". The cost was once shown and used rounded to the pound (£53), which
put every figure up to 0.8% high (newuser20 #7); before that, the brief
shared the rounding out by largest remainders, so that its years did not add
up to the update's figure.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

TRANSPORT = Path(__file__).parent / "data" / "money" / "transport.yaml"
TODAY = dt.date(2026, 12, 5)


def _line(text: str, words: str) -> str:
    [found] = [line for line in text.splitlines() if words in line]
    return found


def _pounds(text: str) -> int:
    return int(text.replace(",", ""))


def test_each_delivered_year_is_its_count_times_the_cost_the_small_print_shows(
    tmp_path: Path,
) -> None:
    brief = docx_text(
        write_brief(BriefRequest(TRANSPORT, "dof", tmp_path / "brief", today=TODAY)).written[0]
    )
    assert "£48 per journey" in brief
    assert "(£52.58 at 2026/27)" in brief  # reader26 #11: in brackets after the cost
    line = _line(brief, "Benefit against")
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    assert "2023/24 £13,000 delivered against £34,000" in line
    # The transport bed days' chart does not show the change: each year counts nothing for
    # them, and says so (newuser10 #7a).
    assert (
        "2024/25 £39,000 delivered against £45,000 (no figure for January to March "
        "2025; nothing "
        "counted for bed days lost waiting for discharge transport, whose chart does not show "
        "the change)"
    ) in line
    assert "2025/26 £78,000 delivered against £45,000" in line
    assert "(£45,000 delivered to the end of September 2026" in line


def test_the_brief_and_the_update_give_the_same_money_delivered(tmp_path: Path) -> None:
    brief = docx_text(
        write_brief(BriefRequest(TRANSPORT, "dof", tmp_path / "brief", today=TODAY)).written[0]
    )
    update = docx_text(
        write_update(UpdateRequest(TRANSPORT, "dof", tmp_path / "update", today=TODAY)).written[0]
    )
    line = _line(brief, "Benefit against")
    closed = [_pounds(m) for m in re.findall(r"20\d\d/\d\d £([\d,]+) delivered against", line)]
    so_far = _pounds(re.findall(r"£([\d,]+) delivered to the end of", line)[0])
    assert len(closed) == 3
    worth = re.findall(r"3,320 journeys fewer[^.]*?worth £([\d,]+) at 2026/27 prices", update)
    assert worth == ["175,000"]
    assert sum(closed) + so_far == _pounds(worth[0])


def test_forecast_part_years_and_their_total_take_a_finer_step_that_adds_up(
    tmp_path: Path,
) -> None:
    # The Welsh example's hub (11 January to 31 December 2027, 90 fewer visits a month at
    # £148 in 2016/17 prices, £196.93 at 2026/27 prices: £212,684 a year) earns 80 of
    # 2026/27's 365 days, £46,616, and 275 of 2027/28's 366 days, £159,804. Each rounded on
    # its own to £1,000 they read £47,000 and £160,000, "over the project £207,000", a total
    # the money does not make (£206,420); shared out to make £206,000, 2026/27 would read a
    # figure moved to fit (£46,000). So the years, their funding and the total take the
    # coarsest finer step at which they add up, here £100 (fixleft24b, item 6; fixbrief25:
    # to the pound they read as exact beside every other note's rounding, reader24 #14).
    facts = Path(__file__).parent.parent / "examples" / "ysbyty-cymunedol" / "facts.yaml"
    request = BriefRequest(facts, "dof", tmp_path, locale="en_GB")
    line = _line(docx_text(write_brief(request).written[0]), "Benefit against")
    assert ("2026/27 £46,600 against £21,600; 2027/28 £159,800 against £74,400") in line
    assert "over the project £206,400, net £110,400" in line


def test_a_year_after_the_one_under_way_is_forecast_at_the_rate_the_log_shows(
    tmp_path: Path,
) -> None:
    # The desk ends in June 2027. In 2026/27 the log shows £44,693 of journeys in the 6
    # months of April to September and no change in the bed days lost waiting for transport
    # (13 quarters around 600): the rest of 2026/27 is carried on at £44,693 / 6 a month,
    # and so are 2027/28's 3 months, £22,346 (by days it was fewer: newuser13 #11). At
    # the full rate (journeys and bed days, £606,178 a year) those three months read
    # £151,000, more than the whole of 2026/27.
    brief = docx_text(write_brief(BriefRequest(TRANSPORT, "dof", tmp_path, today=TODAY)).written[0])
    line = _line(brief, "Benefit against")
    assert "2026/27 £89,000 forecast against £45,000" in line
    assert "2027/28 £22,000 forecast against £11,000" in line
    assert "£151,000" not in line
    assert "over the project £241,000, net £61,000" in line
    assert "£1.34 per £1" in line
