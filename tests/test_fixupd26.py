"""What a director or a lead would notice in updates and briefs (reader25 leftovers).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisiscase import brief, copy_project, update
from docchecks import docx_text, pdf_pages
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language
from pitchkit.notes import moneytext

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_a_fill_in_before_the_meeting_offers_its_questions_as_still_to_ask(
    tmp_path: Path,
) -> None:
    # The trial's meeting is on 15 December 2026; a draft for December written on 6 December
    # comes before it, so nothing from the first note has been asked yet (reader25 #11).
    text = update(copy_project(tmp_path), "dof", "2026-12")
    assert "Carried over, keep or delete" not in text
    assert (
        "[Still to ask, keep or delete: Which cost improvement line should out-of-area savings "
        "count against?]"
    ) in text


def test_a_fill_in_after_the_meeting_still_carries_its_questions_over(tmp_path: Path) -> None:
    facts = copy_project(tmp_path)
    source = facts.read_text(encoding="utf-8").replace("date: 2026-12-15", "date: 2026-12-01")
    facts.write_text(source, encoding="utf-8")
    text = update(facts, "dof", "2026-12")
    assert "Still to ask" not in text
    assert (
        "[Carried over, keep or delete: Which cost improvement line should out-of-area savings "
        "count against?]"
    ) in text


def _example_update(
    tmp_path: Path, name: str, director: str, period: str, locale: str | None = None
) -> str:
    request = UpdateRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director=director,
        period=period,
        out=tmp_path / f"{name}-{director}-{period}-{locale}",
        today=dt.date(2028, 4, 6),
        locale=locale,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_a_shift_named_in_the_sentence_on_the_change_is_not_listed_again(tmp_path: Path) -> None:
    # reader25 #19: "From June 2027, a sustained shift (10 months below the mean before it,
    # improvement) ... Signals: a shift of 10 months below the mean (improvement), June 2027 to
    # March 2028; ..." said the shift twice.
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    assert "a sustained shift (10 months below the mean before it, improvement)" in text
    assert "a shift of 10 months below the mean" not in text
    assert "a shift of 9 months below the mean" not in text
    assert "Signal: 9 points below the lower limit (improvement), July 2027 to March 2028." in text
    welsh = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03", "cy_GB")
    assert "symudiad o 10 mis" not in welsh
    # welsh26 writes "islaw" beside "uwchlaw" for a point past a chart's limit.
    assert "Arwydd: 9 pwynt islaw'r terfyn isaf (gwelliant)" in welsh


def test_a_finance_directors_update_gives_the_unit_cost_behind_its_money(tmp_path: Path) -> None:
    # reader25 #16: "worth £…,000 in capacity" with no cost of a fall to check it by.
    text = _example_update(tmp_path, "falls-prevention", "dof", "2027-12")
    assert "falls fewer than at the baseline rate" in text
    assert (
        # reader26 #11: the restated price in brackets, the unit with its qualifier.
        # fixmoney27 (reader27 #1): at the prices of 2027/28, the year of the period, though
        # written in 2028/29, and the projected years said, as the brief says them.
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "Unit costs used: £1,878 per fall resulting in any harm at 2016/17 prices (£2,564.32 at "
        "2027/28); prices restated with the NHS Cost Inflation Index, PSSRU 2025; 2025/26, "
        "2026/27 and 2027/28 projected at 2.62% a year; sources as in the briefing note."
    ) in text
    # Under the delivered table, before the money paragraph and the board sentence.
    assert text.index("Unit costs used") < text.index("For your board report")
    welsh = _example_update(tmp_path, "ysbyty-cymunedol", "dof", "2027-10")
    assert (
        # fixmoney27: October 2027 is priced in 2027/28.
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "Costau uned a ddefnyddiwyd: £148 am bob presenoldeb ym mhrisiau 2016/17 (£202.09 ym "
        "mhrisiau 2027/28);"
    ) in welsh


def test_the_chief_nurses_update_gives_the_unit_cost_of_what_it_values(tmp_path: Path) -> None:
    # The chief nurse's update values the falls too; fixupd29 (reader28 #9) gives unit costs on
    # every update, so "worth £51,000 in capacity" stands beside the cost of a fall.
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03")
    assert "worth £" in text
    assert (
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "Unit costs used: £1,878 per fall resulting in any harm at 2016/17 prices (£2,564.32 at "
        "2027/28)"
    ) in text


def test_two_costs_for_one_unit_are_told_apart_by_what_each_is_per(tmp_path: Path) -> None:
    text = update(copy_project(tmp_path), "dof", "2026-11")
    # fixupd27 (reader26 #7): the agency shifts' £380, whose money the forecast names, is listed
    # too, between the two bed-day costs.
    # fixread30 (reader30 #1): told apart by what each is per (fixbrief29), not by sources,
    # which the briefing note gives: in full they cost the update its second chart.
    assert (
        "Unit costs used: £620 per inappropriate out-of-area placement bed day at 2025/26 "
        "prices (£636.24 at 2026/27); £380 per shift at 2025/26 prices (£389.96 at 2026/27); "
        "£450 per bed day of adult acute inpatients clinically ready for discharge at 2024/25 "
        "prices (£473.89 at 2026/27); £210 per night at 2026/27 prices; prices restated"
    ) in text
    assert "sources as in the briefing note." in text


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("falls-prevention", "2027-12"),
        ("falls-prevention", "2028-03"),
        ("frailty-virtual-ward", "2028-03"),
        ("ysbyty-cymunedol", "2027-10"),
    ],
)
def test_a_finance_update_with_its_unit_costs_keeps_to_two_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, period: str
) -> None:
    # LibreOffice measures the page, as a lead with it installed gets (reader25 #16).
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    request = UpdateRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director="dof",
        period=period,
        out=tmp_path,
        today=dt.date(2028, 4, 10),
    )
    [path] = write_update(request).written
    assert "Unit costs used" in docx_text(path) or "Costau uned" in docx_text(path)
    assert pdf_pages(path) == 2


def test_welsh_funding_says_where_the_money_comes_from_with_o(tmp_path: Path) -> None:
    # reader25 #18: "Cyllid: £96,000 (gofynnwyd amdano; ffynhonnell: y Gronfa …)" put a label's
    # colon inside a bracket after the label "Cyllid:".
    request = BriefRequest(
        facts=EXAMPLES / "ysbyty-cymunedol" / "facts.yaml",
        director="dof",
        out=tmp_path,
        today=dt.date(2028, 4, 10),
    )
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    assert "ffynhonnell:" not in text
    assert (
        "Cyllid: £96,000 (gofynnwyd amdano) o'r Gronfa Integreiddio Ranbarthol, drwy'r bwrdd "
        "partneriaeth rhanbarthol."
    ) in text


def test_welsh_o_mutates_the_source_and_joins_the_article() -> None:
    welsh, english = language("cy_GB"), language("en_GB")
    assert fmt.from_source("y Gronfa Integreiddio Ranbarthol", welsh) == (
        "o'r Gronfa Integreiddio Ranbarthol"
    )
    assert fmt.from_source("yr Adran Iechyd", welsh) == "o'r Adran Iechyd"
    assert fmt.from_source("Cronfa Gofal Integredig", welsh) == "o Gronfa Gofal Integredig"
    assert fmt.from_source("Llywodraeth Cymru", welsh) == "o Lywodraeth Cymru"
    assert fmt.from_source("the Health Foundation", english) == "from the Health Foundation"


def test_a_gap_in_the_figures_is_a_sentence_with_no_label_before_it(tmp_path: Path) -> None:
    # reader25 #18: "Missing data: For hospital bed days …" stacked a colon before a sentence.
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    assert "Missing data" not in text
    assert (
        "For hospital bed days used by people aged 75 and over living with frailty, no figure for "
        "August 2027"
    ) in text


def test_the_finance_directors_brief_says_the_netting_once(tmp_path: Path) -> None:
    # reader25 #10: "…£504,000 a year (2,400 more nights a year), netted against the benefits"
    # and then "Each year's benefit is net of the extra spend the change adds".
    # fixbrief28: the netting is said once on the spend's own line (2,400 nights × £210 =
    # £504,000), and the brief no longer adds "Each year's benefit is net of …" after it.
    text = brief(copy_project(tmp_path), "dof")
    assert (
        "Extra spend the change adds: £504,000 a year (2,400 more nights a year), netted against "
        "the benefits."
    ) in text
    netting = ("netted against the benefits", "Each year's benefit is net of the extra spend")
    assert sum(text.count(said) for said in netting) == 1


def test_a_conversion_note_goes_with_the_statement_it_explains(tmp_path: Path) -> None:
    # reader25 #10: the agency shifts were cut to fit the finance director's page, and the
    # "WTE: shifts a year × 7.5 hours …" note under it explained a figure no longer there.
    facts = copy_project(tmp_path)
    finance = brief(facts, "dof")
    # Since reader26 #2 the finance director's page keeps the agency shifts, under his £9.5m
    # CIP, so the WTE note that explains them stays with them.
    # fixnu39a: the plan's bullet has a verb ("… will fall from 5,760 to 3,600").
    assert "registered nurse agency shifts on adult acute wards will fall from" in finance
    assert "about 8 WTE" in finance
    assert "WTE: shifts a year × 7.5 hours (assumed)" in finance
    workforce = brief(facts, "dpw")
    assert "2,160 fewer a year, a 38% reduction, worth £842,000 a year, about 8 WTE." in workforce
    assert "WTE: shifts a year × 7.5 hours (assumed)" in workforce


def test_a_long_payback_is_in_whole_months_then_in_years() -> None:
    # reader25: "245.8 months" reads fussy. Whole months past two years, years past five.
    english, welsh = language("en_GB"), language("cy_GB")
    assert str(moneytext.whole_months(7.44)) == "7.4"
    assert str(moneytext.whole_months(28.3)) == "28"
    span = moneytext.full_rate_span
    assert span(moneytext.Months(25.1), english) == "25 months"
    assert span(moneytext.Months(60.0), english) == "60 months"
    assert span(moneytext.Months(70.9), english) == "about 6 years"
    assert span(moneytext.Months(245.8), english) == "about 20 years"
    assert span(moneytext.Months(245.8), welsh) == "tua 20 mlynedd"
    assert span(moneytext.Months(70.9), welsh) == "tua 6 blynedd"
