"""Briefs a director reads without stumbling (reader27's and the fixers' leftovers).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crisiscase import brief, copy_project
from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update
from pitchkit.notes.brief import BODY_HEIGHT, ONE_PAGE_MARGIN
from pitchkit.notes.layout import body_height

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = dt.date(2026, 12, 6)


def _example_brief(tmp_path: Path, name: str, director: str, locale: str | None = None) -> str:
    request = BriefRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director=director,
        out=tmp_path / f"{name}-{director}-{locale}",
        today=TODAY,
        locale=locale,
    )
    [path] = write_brief(request).written
    return " ".join(docx_text(path).split())


def _why(text: str) -> str:
    return text.split("Why this matters to you", 1)[1].split("The problem, as", 1)[0]


def test_a_second_impact_on_one_objective_is_added_as_a_reader_adds_it(tmp_path: Path) -> None:
    # reader27 (frailty COO): "… about 4.8 beds. Emergency admissions of …" ran the two
    # impacts' figures together as one.
    why = _why(_example_brief(tmp_path, "frailty-virtual-ward", "coo"))
    assert (
        # The plan with a verb (fixread31 #3).
        "a 17% reduction, about 4.8 beds. Also, emergency admissions of people aged 75 and "
        "over living with frailty will fall from 1,200 to 1,000 admissions a year:"
    ) in why


def test_a_measure_name_with_a_comma_is_closed_before_its_figures(tmp_path: Path) -> None:
    # reader27: "inappropriate out-of-area placement bed days, adult acute from 7,400".
    text = brief(copy_project(tmp_path), "dof")
    assert (
        # newuser39 #11: the plan's bullet has a verb ("will fall from").
        "In the plan, inappropriate out-of-area placement bed days, adult acute, will fall from "
        "7,400 to 3,600 bed days a year:"
    ) in text
    assert "adult acute from" not in text
    # A name ending in a figure or a sign needs the comma too; a word or a bracket does not.
    from pitchkit.notes.wording import closed_by_comma

    assert closed_by_comma("HbA1c over 58")
    assert closed_by_comma("Staff turnover %")
    assert not closed_by_comma("Bed days (adult acute, over 65)")
    assert not closed_by_comma("Emergency admissions")
    assert not closed_by_comma("Inpatient falls per 1,000 occupied bed days")


def test_the_finance_directors_note_keeps_his_cip_line_whole_on_one_page(tmp_path: Path) -> None:
    # reader27 #3: "Also towards this objective: … £727,000 so far" was cut, and the note
    # had since run to two pages. Room from the money block: "of funding" said once,
    # the spend's netting said once, the next year "at the same average".
    facts = copy_project(tmp_path)
    request = BriefRequest(
        facts=facts,
        director="dof",
        out=tmp_path / "brief-dof",
        directors=tmp_path / "team.csv",
        today=TODAY,
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    # fixbrief29 (reader28 #13): the impact that has delivered now leads the bullet.
    # fixread30 (reader30 #2): net of the extra spend, as the update credits the CIP.
    assert (
        "Deliver the £9.5m cost improvement programme for 2026/27: £399,000 (4.2%) so far, net "
        "of the extra spend: £727,000 from inappropriate out-of-area placement bed days, adult "
        "acute (above), less £328,000. Also, in the plan, registered nurse agency shifts"
    ) in _why(text)
    height = body_height(path.read_bytes())
    assert height is not None
    assert height < BODY_HEIGHT - ONE_PAGE_MARGIN
    benefit = text.split("Benefit against", 1)[1].split("At this level", 1)[0]
    assert benefit.count("of funding") == 1
    assert "Each year's benefit is net of the extra spend" not in text
    assert "(2,400 more nights a year), netted against the benefits." in text
    # The capacity's bed days are said once.
    assert "money only when about 5 beds close (at 95% occupancy)" in text


def test_the_forecast_adds_up_with_a_monthly_rate_rounded_as_the_note_rounds(
    tmp_path: Path,
) -> None:
    # fixbrief28: "about £70,370 a month" was worked to make £563,000 + 4 months come to
    # £844,000; the money after November is said instead, and the rate rounded.
    text = brief(copy_project(tmp_path), "dof")
    # fixbrief29 (reader28 #10): the years take £100 steps so that they add up to the
    # total their unrounded money makes (£1,266,634), not £1,266,000.
    assert (
        "2026/27 £844,400 forecast against £320,000 (£562,900 delivered to the end of November "
        "2026, then £281,500 at the average so far, about £70,000 a month); 2027/28 £422,200 "
        "forecast against £160,000 (at the same average); over the project £1,266,600, net "
        "£786,600;"
    ) in text
    # 562,900 + 281,500 = 844,400; 844,400 + 422,200 = 1,266,600; less 480,000 = 786,600.
    assert "£70,370" not in text


def test_the_return_per_pound_is_worked_from_the_figures_shown(tmp_path: Path) -> None:
    # fixbrief28: "£51,000 delivered against £48,000 … £1.07 per £1" (£51,000 ÷ £48,000 is
    # £1.06; the unrounded £51,282 gave £1.07).
    request = UpdateRequest(
        facts=EXAMPLES / "falls-prevention" / "facts.yaml",
        director="dof",
        period="2028-03",
        out=tmp_path / "update",
        today=dt.date(2028, 4, 7),
    )
    [path] = write_update(request).written
    text = " ".join(docx_text(path).split())
    # fixbrief29 (reader28 #11): one year holding all the funding leaves it to the lead.
    assert "2027/28 £51,000 delivered, net £3,000;" in text
    assert "£1.06 per £1" in text


def test_the_welsh_finance_block_says_the_funding_once_and_a_month_as_the_year(
    tmp_path: Path,
) -> None:
    # reader27 #14 stays gone: "gwerth £18,000 y mis" beside "£213,000 y flwyddyn".
    welsh = _example_brief(tmp_path, "ysbyty-cymunedol", "dof")
    assert "gwerth £17,700 y mis mewn capasiti" in welsh
    assert "£18,000 y mis" not in welsh
    assert (
        "2026/27 £46,600 yn erbyn £21,600; 2027/28 £159,800 yn erbyn £74,400; dros y prosiect "
        "£206,400, net £110,400;"
    ) in welsh
    assert "£2.15 am bob £1" in welsh
