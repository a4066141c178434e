"""A closed year that counts nothing says why, and every note agrees with it.

Worked by hand (docs/money.md §4, "A closed year is what the log delivered"):

- Dermatology (tests/data/money-worsening/derm.yaml), a note of 5 December
  2026: April 2025 to March 2027, £90,000 (£45,000 a year); the log shows the
  follow-ups getting worse, so 2025/26, a closed year with figures, counts £0
  because its chart shows the follow-ups worse than before the change, which
  the line says, naming the measure (newuser9 §2); it did not "deliver
  nothing". Every other note: not paid back on the same years.
- Stroke (tests/data/money-year-under-way/stroke.yaml), a note of 10 May
  2026: logged from October 2025, its change in March 2026; by then the log
  has 7 figures, fewer than the 8 a chart needs. 2025/26 is closed, so it
  is never a forecast for the month the log covers (fixread22, reader22 #2),
  and its one figure since the change, too few for any chart, counts
  nothing, as the year under way counts nothing for the months too few
  figures cover: "£0 counted ... (nothing counted: the log has 7 figures,
  ...)" (fixleft24a #6: it counted March 2026 as it was, £14,000, and before
  that the plan's £48,000). The year under way keeps the plan's rate for the
  months to come, said as too few. Its cash
  (agency spend, £60,000 a year) cannot repay £260,000 within the 18-month
  project, so another director's line, which gives the cash's own payback
  beside cash and capacity, says so on the same years as the finance block.
- The same stroke log without its 2025/26 figures: that closed year has no
  evidence either way, so it keeps the plan's rate (£565,200 × 31 ÷ 365 =
  £48,003, shown £48,000, for March 2026) and says the log has no figures
  for it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

DATA = Path(__file__).resolve().parent / "data"
DERM = DATA / "money-worsening" / "derm.yaml"
STROKE = DATA / "money-year-under-way" / "stroke.yaml"


def _line(tmp: Path, facts: Path, director: str, today: dt.date, start: str, locale: str) -> str:
    request = BriefRequest(
        facts=facts, director=director, out=tmp / f"{director}-{locale}", today=today, locale=locale
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
            # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
            "2025/26 £0 counted against £45,000 (the log's figures for that year do "
            "not show the "
            "change, and show face-to-face dermatology follow-up appointments worse than before "
            "it, so nothing is counted)",
            "Money:",
            # pins2: the log shows the follow-ups worse, so no plan's payback beside it (the
            # log disproves it, test_money_every_note_agrees); newuser37 #9's words are for a
            # log that shows nothing yet.
            "(not paid back within the project at the rate delivered so far).",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            "2025/26 £0 a gyfrifwyd yn erbyn £45,000 (nid yw ffigurau'r cofnod cynnydd "
            "ar gyfer y "
            "flwyddyn honno yn dangos y newid, ac maent yn dangos ",
            "Arian:",
            "(heb ei ad-dalu o fewn y prosiect ar y gyfradd a gyflawnwyd hyd yma).",
        ),
    ],
)
def test_a_closed_year_whose_figures_show_no_change_says_so(
    tmp_path: Path, locale: str, finance: str, block: str, other: str, one: str
) -> None:
    today = dt.date(2026, 12, 5)
    line = _line(tmp_path, DERM, "dof", today, finance, locale)
    assert block in line
    assert "£0 delivered" not in line
    assert "£0 a gyflawnwyd yn erbyn £45 o gyllid" not in line
    assert one in _line(tmp_path, DERM, "coo", today, other, locale)


def test_a_closed_year_with_too_few_figures_counts_nothing_as_the_year_under_way(
    tmp_path: Path,
) -> None:
    today = dt.date(2026, 5, 10)
    line = _line(tmp_path, STROKE, "dof", today, "Benefit against", "en_GB")
    assert (
        "2025/26 £0 counted against £87,000 (nothing counted: the log has 7 figures, "
        "too few to "
        "show a change yet, and a chart needs 8); 2026/27 £519,000 forecast against £173,000 "
        "(nothing counted to the end of April 2026: the log has 7 figures, too few to show a "
        "change yet, and a chart needs 8; the plan's full rate for the rest of the year)"
    ) in line
    assert "nothing is counted" not in line
    welsh = _line(tmp_path, STROKE, "dof", today, "Budd yn erbyn", "cy_GB")
    assert ("2025/26 £0 a gyfrifwyd yn erbyn £87,000 (ni chyfrifir dim: dim ond 7 ffigur") in welsh
    other = _line(tmp_path, STROKE, "md", today, "Money:", "en_GB")
    assert other.startswith("Money: £60,000 of cash and £505,000 of capacity a year")
    # fixfit44: nothing is delivered yet (2025/26 counts £0), so on the benefit forecast alone.
    assert "(not paid back from the cash alone within the project, on the benefit forecast)." in (
        other
    )
    # Both paybacks, as the finance director's note gives them too (newuser15 #7), the
    # cash's own once, in the bracket (newuser19 #8).
    # 8 months: nothing counted for March and April 2026 (logged, too few to tell), then
    # £1,548 a day from May: £260,000 by mid-October 2026.
    assert other.endswith("Payback counting capacity as if it were cash: 7.5 months.")
    assert other.count("from the cash alone") == 1


def test_a_closed_year_with_no_figures_keeps_the_plans_rate_and_says_why(tmp_path: Path) -> None:
    yaml = YAML()
    data: Any = yaml.load(STROKE.read_text(encoding="utf-8"))
    data["updates"] = [u for u in data["updates"] if str(u["period"]) >= "2026-04"]
    facts = tmp_path / "stroke.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    line = _line(tmp_path, facts, "dof", dt.date(2026, 12, 5), "Benefit against", "en_GB")
    assert (
        "2025/26 £48,000 forecast against £87,000 (at the plan's full rate: the log "
        "has no figures "
        "for that year)"
    ) in line


def test_one_figure_in_a_closed_year_reads_as_the_update_reads_it(tmp_path: Path) -> None:
    # review13 F5: the stroke log cut to one figure, March 2026 (the month its change took
    # effect), read in May 2026.
    # Both count nothing for March 2026, the one month logged, and say why: the closed year
    # with one figure, too few to show a change (fixleft24a #6: it counted that figure as it
    # was, £14,000, where the year under way counts nothing for the months too few figures
    # cover; fixread22: never the plan's rate for a year that has ended), and the update "no
    # money is counted for the months logged".
    yaml = YAML()
    data: Any = yaml.load(STROKE.read_text(encoding="utf-8"))
    data["updates"] = [u for u in data["updates"] if str(u["period"]) == "2026-03"]
    facts = tmp_path / "stroke.yaml"
    with facts.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    today = dt.date(2026, 5, 10)
    line = _line(tmp_path, facts, "dof", today, "Benefit against", "en_GB")
    assert (
        "2025/26 £0 counted against £87,000 (nothing counted: the log has 1 figure, "
        "too few to show "
        "a change yet, and a chart needs 8);"
    ) in line
    request = UpdateRequest(
        facts=facts, director="dof", period=None, out=tmp_path / "update", today=today
    )
    [path] = write_update(request).written
    update = " ".join(docx_text(path).split())
    assert "so no money is counted yet" in update


def test_a_year_with_no_figure_yet_after_years_that_show_no_change_counts_nothing(
    tmp_path: Path,
) -> None:
    # review13 L1: a quarterly log whose fall (600 to about 360 bed days a quarter) began in
    # 2024, before the project's change in 2025. 2024/25 and 2025/26 count nothing, as their
    # figures do not show the change; 2026/27 has no figure yet. The plan's full rate for it
    # would rest on nothing the log shows, and gave "payback 21 months".
    facts = DATA / "money" / "improving-before-the-project.yaml"
    today = dt.date(2026, 12, 5)
    line = _line(tmp_path, facts, "dof", today, "Benefit against", "en_GB")
    assert (
        "2026/27 £0 forecast against £28,000 (the log's figures to the end of March "
        "2026 do not "
        "show the change, so nothing is counted for the year)"
    ) in line
    assert "not paid back within the project" in line
    other = _line(tmp_path, facts, "coo", today, "Money:", "en_GB")
    # A rate of nothing is said as nothing, with the plan's payback (newuser37 #9).
    assert other.endswith(
        "(the log shows none of it so far, so at that rate the funding is not paid back within "
        "the project; at the plan's rate it would be paid back in 7.5 months)."
    )


@pytest.mark.parametrize(
    ("locale", "start", "gap"),
    [
        (
            "en_GB",
            "Benefit against",
            # fixbrief29: the years take the £100 step at which they re-add to the project's
            # £266,500: 2024/25 £18,000 + £8,900 (£8,877) = £26,900; 2025/26 955 fewer bed
            # days × £100 = £95,500, + £36,000 = £131,500.
            "2024/25 £26,900 against £6,000 (£18,000 delivered; £8,900 at the plan's "
            "full rate for "
            "outsourced homecare medicines deliveries, whose figures are too few to show a "
            "change yet: a chart needs 8); 2025/26 £131,500 against £27,000 (£95,500 "
            "delivered; "
            "£36,000 at the plan's full rate for outsourced homecare medicines deliveries",
        ),
        (
            "cy_GB",
            "Budd yn erbyn",
            # fixbrief29: £8,877 at the £100 step, as in English.
            "(£18,000 a gyflawnwyd; £8,900 ar gyfradd lawn y cynllun ar gyfer “Outsourced "
            "homecare medicines deliveries”",
        ),
    ],
)
def test_a_measure_logged_late_keeps_the_plans_rate_in_the_closed_years(
    tmp_path: Path, locale: str, start: str, gap: str
) -> None:
    # review13 L3, then truth16: bed days logged every month from January 2024, homecare
    # deliveries only from October 2026, two figures: too few for any chart, so the closed
    # years keep homecare at the plan's full rate beside the bed days the log delivered, as
    # the update does (at "the plan's full rate", said as expected); it read
    # "no figure for April 2025 to March 2026 for outsourced homecare medicines deliveries"
    # and counted it £0. 2024/25 homecare: £36,000 × 90 ÷ 365 = £8,877, shown £8,900.
    facts = DATA / "money" / "two-impacts-one-logged-late.yaml"
    line = _line(tmp_path, facts, "dof", dt.date(2026, 12, 5), start, locale)
    assert gap in line, line
    assert "no figure for" not in line, line
    assert "dim ffigur" not in line, line
