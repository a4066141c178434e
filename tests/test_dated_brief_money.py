"""Briefs of the bundled examples dated later, read back as their directors read them (reader22).

- Falls prevention, a note of 10 July 2027: falls with harm logged 8, 7 and 8
  in April to June against 7 a month before, two more, too few for a chart
  and none better than the baseline. The statement says no money is counted
  for it, so the year under way counts nothing for it either, and no payback
  or return at the plan's full year (it read "2027/28 £87,000 ... payback 7
  months; £1.82 per £1", 34 × £2,564.32 the plan's year).
- Ysbyty cymunedol, a note of 10 August 2027: 2026/27 has ended, and its
  two logged months, 428 and 412 attendances against 420, net to nothing,
  so the closed year counts £0 (no figure for January 2027), not the plan's
  £48,000 forecast; 2027/28, under way with 6 figures, too few for a chart,
  counts nothing for April to July, the months they cover, and the plan's
  rate for the rest (newuser32 #3: it had the plan's rate for the whole
  year, £164,000, and "payback 8 months"): £91,000 against £96,000, not paid
  back within the project (£18,187 a month for August to December 2027).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FALLS = EXAMPLES / "falls-prevention" / "facts.yaml"
YSBYTY = EXAMPLES / "ysbyty-cymunedol" / "facts.yaml"


def _text(tmp: Path, facts: Path, director: str, today: dt.date, locale: str) -> str:
    request = BriefRequest(
        facts=facts,
        director=director,
        out=tmp / f"{director}-{locale}",
        today=today,
        locale=locale,
        advice=False,
    )
    [path] = write_brief(request).written
    return docx_text(path)


@pytest.mark.parametrize(
    ("locale", "year", "payback"),
    [
        (
            "en_GB",
            # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
            # fixbrief29 (reader28 #11): one year holding all the funding leaves it to the lead.
            "2027/28 £0 forecast (nothing counted for inpatient falls "
            "resulting in "
            "any harm, whose figures are worse than before the change), a net cost of £48,000; "
            "not paid back within the project; no return on the £48,000 of funding.",
            # fixfit44: nothing delivered yet, so the basis is the forecast alone.
            "not paid back within the project on the benefit forecast",
        ),
        (
            "cy_GB",
            "2027/28 £0 a ragwelir (ni chyfrifir dim ar gyfer "
            "“Inpatient falls "
            "resulting in any harm”, y mae ei ffigurau'n waeth na chyn y newid), cost net o "
            "£48,000; heb ei ad-dalu o fewn y prosiect; dim elw ar y cyllid o £48,000.",
            "heb ei ad-dalu o fewn y prosiect",
        ),
    ],
)
def test_falls_worse_so_far_counts_nothing_in_the_year(
    tmp_path: Path, locale: str, year: str, payback: str
) -> None:
    day = dt.date(2027, 7, 10)
    finance = _text(tmp_path, FALLS, "dof", day, locale)
    assert year in finance
    assert "£87,000 for" not in finance
    assert "£1.82" not in finance
    nurse = _text(tmp_path, FALLS, "don", day, locale)
    assert payback in nurse
    assert "7 months" not in nurse
    assert "7 mis" not in nurse


@pytest.mark.parametrize(
    ("locale", "year", "payback"),
    [
        (
            "en_GB",
            "2026/27 £0 counted against £22,000 (nothing counted: the log has 6 "
            "figures, too few to "
            "show a change yet, and a chart needs 8); 2027/28 £91,000 forecast against £74,000 "
            "(nothing counted to the end of July 2027",
            "over the project £91,000, a net cost of £5,000; not paid back within the project; "
            "95p per £1.",
        ),
        (
            "cy_GB",
            "2026/27 £0 a gyfrifwyd yn erbyn £22,000 (ni chyfrifir dim: dim ond 6 ffigur "
            "sydd yn y "
            # fixbrief28: "o gyllid" once, in the lead ("Budd yn erbyn cyllid o £96,000").
            "cofnod cynnydd, rhy ychydig i ddangos newid eto, ac mae angen 8 ar siart); 2027/28 "
            "£91,000 a ragwelir yn erbyn £74,000 (ni chyfrifir dim hyd at ddiwedd "
            "Gorffennaf 2027",
            "dros y prosiect £91,000, cost net o £5,000; heb ei ad-dalu o fewn y prosiect; 95c "
            "am bob £1.",
        ),
    ],
)
def test_a_closed_year_with_too_few_figures_counts_nothing_as_the_year_under_way(
    tmp_path: Path, locale: str, year: str, payback: str
) -> None:
    finance = _text(tmp_path, YSBYTY, "dof", dt.date(2027, 8, 10), locale)
    assert year in finance
    assert payback in finance
    assert "£48,000" not in finance
