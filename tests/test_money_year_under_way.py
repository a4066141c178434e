"""The financial year under way is what the log delivered so far and the rest at that rate.

The stroke case (tests/data/money-year-under-way/stroke.yaml): October 2025 to March
2027, £260,000; a bed day of £400 in 2024/25 prices (£421.23 at 2026/27
prices), 100 fewer a month, and £60,000 a year less agency spend, both from
March 2026. At the full rate 2026/27 would be £505,200 + £60,000 = £565,200.
The log, against the five months before the change (620 bed days, £12,580 a
month), delivered 512 bed days (× £421, the unit cost the small print shows:
£215,552) and £21,860 of agency spend in the 214 days of April to November
2026 it has figures for (none for June): £237,412, about two thirds of the
rate. A finance director forecasts the year as that plus the 121 days of
December to March at the same rate, £134,238: £371,650, shown £372,000. The
payback then follows the months the log shows: March 2026's £14,210 (30 bed
days × £421 + £1,580), then each month logged, £251,622 back by November 2026
of £260,000, so the rest comes in December at the forecast rate: "payback 10
months" (the full rate said 6; spreading the year evenly said 9, which the
log to November disproves: newuser25 #2).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

STROKE = Path(__file__).parent / "data" / "money-year-under-way" / "stroke.yaml"


def _benefit_line(tmp_path: Path, locale: str) -> str:
    request = BriefRequest(
        STROKE, "dof", tmp_path / locale, today=dt.date(2026, 12, 5), locale=locale
    )
    text = docx_text(write_brief(request).written[0])
    [line] = [line for line in text.splitlines() if "£260,000" in line and "2026/27" in line]
    return line


def test_the_year_under_way_is_forecast_at_the_rate_the_log_shows(tmp_path: Path) -> None:
    line = _benefit_line(tmp_path, "en_GB")
    assert (
        # fixbrief28: each year's funding without "of funding" again after the line's lead.
        "2025/26 £14,000 delivered against £87,000; 2026/27 £373,000 forecast against "
        "£173,000 "
        # fixmoney27 (reader27 #5): £238,000 + 4 x £34,000 made £374,000, not £373,000.
        # fixbrief28: the rest of the year is said as a sum, £238,000 + £135,000 = £373,000,
        # with the monthly rate rounded as the note rounds.
        # fixread30 (reader30 #4): each part its own money rounded, the rest the average times
        # the months (£135,731, £136,000), the pound over to the larger remainder: £237,530
        # reads £237,000, so that the parts still add up to the year's £373,000.
        "(£237,000 delivered to the end of November 2026, no figure for June 2026; then "
        "£136,000 at the average so far, about £34,000 a month); over the project £387,000, net "
        "£127,000; payback 9.2 months"
    ) in line
    assert "£1.49 per £1" in line
    assert "£565,000" not in line


def test_the_year_under_way_in_welsh(tmp_path: Path) -> None:
    line = _benefit_line(tmp_path, "cy_GB")
    assert (
        # fixmoney27 (reader27 #5): as the English, so that it multiplies back.
        # fixbrief28: the rest as a sum, as in English.
        # fixread30 (reader30 #4): as the English, £237,000 then £136,000.
        "2026/27 £373,000 a ragwelir yn erbyn £173,000 (£237,000 a gyflawnwyd erbyn "
        "diwedd Tachwedd "
        "2026, dim ffigur ar gyfer Mehefin 2026; yna £136,000 ar y cyfartaledd hyd yma, "
        "tua £34,000 y mis)"
    ) in line
