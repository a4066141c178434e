"""Progress updates that claim only what their figures show (reader26 leftovers).

Each test writes an update as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import crisiscase
import icbcase
from docchecks import docx_text, pdf_pages
from pitchkit.api import UpdateRequest, write_update
from pitchkit.cli import app
from pitchkit.i18n.translation import language
from pitchkit.notes.update import spc
from pitchkit.notes.update.charting import drift_text
from usualresidence import usual_residence_words

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"


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


def test_an_update_rehearsed_before_its_day_is_written_as_on_the_day_given(
    tmp_path: Path,
) -> None:
    # reader26 #16: with no --today, the closing update written before April 2028 could not
    # know 2027/28 was over and left out its money against the funding.
    out = tmp_path / "closing.docx"
    words = ["update", str(FRAILTY), "-d", "dof", "-p", "2028-03", "-o", str(out)]
    result = CliRunner().invoke(app, [*words, "--today", "2028-04-06"])
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    assert "Money so far and forecast Benefit against £250,000 of funding" in text
    # fixmoney27 (reader27 #1): priced in 2027/28, the year it reports, not 2028/29.
    assert "2027/28 £356,000 delivered" in text


def test_a_day_not_written_yyyy_mm_dd_or_not_on_the_calendar_is_a_usage_error(
    tmp_path: Path,
) -> None:
    out = tmp_path / "note.docx"
    for command in ("update", "brief"):
        words = [command, str(FRAILTY), "-d", "dof", "-o", str(out), "--today"]
        wrong = CliRunner().invoke(app, [*words, "6/4/2028"], env={"COLUMNS": "200"})
        assert wrong.exit_code == 2
        assert "give the day as YYYY-MM-DD, such as 2028-04-06, not '6/4/2028'" in wrong.output
        no_day = CliRunner().invoke(app, [*words, "2028-02-30"], env={"COLUMNS": "200"})
        assert no_day.exit_code == 2
        assert "2028-02-30 is not a day on the calendar" in no_day.output
        assert not out.exists()


def test_a_brief_takes_today_too(tmp_path: Path) -> None:
    out = tmp_path / "brief.docx"
    words = ["brief", str(FRAILTY), "-d", "dof", "-o", str(out), "--today", "2028-04-06"]
    result = CliRunner().invoke(app, words)
    assert result.exit_code == 0, result.output
    assert out.exists()


def test_a_target_missed_by_a_whisker_says_both_figures(tmp_path: Path) -> None:
    # reader26 #13: "no longer at the target (668 bed days in March 2028)" against a target of
    # 666.7 read as a change the chart does not show.
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    assert "no longer at the target" not in text
    assert (
        "Hospital bed days used by people aged 75 and over living with frailty: just above the "
        "target in March 2028 (668 bed days against 666.7)."
    ) in text


def test_a_target_missed_within_normal_variation_says_so(tmp_path: Path) -> None:
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03")
    assert (
        "Category 2 or worse pressure ulcers that developed in our care: above the target in "
        "March 2028 (3 pressure ulcers against 2.7), still within normal variation."
    ) in text


def test_a_target_missed_is_not_tacked_onto_good_news(tmp_path: Path) -> None:
    # reader26 #13: "…so we count the reduction as delivered; no longer at the target (5 falls
    # in December 2027)" in one bullet.
    text = _example_update(tmp_path, "falls-prevention", "dof", "2027-12")
    assert (
        # fixupd28: one bullet, the missed target a sentence of its own, not a second bullet
        # that starts with the measure's name again.
        "Inpatient falls resulting in any harm: now below the baseline for 6 months running, so "
        "we count the reduction as delivered. Back above the target in December 2027 (5 falls "
        "against 4.2)."
    ) in text


def test_a_climb_past_the_baseline_is_read_one_way_under_its_chart(tmp_path: Path) -> None:
    # reader26 #5: discharges home rose from 77% to 86% against a baseline of 78%. The words
    # said "a sustained shift from April 2027 (improvement)" and "a shift of 7 months below the
    # mean (the old level), January to July 2027", and called January and March 2028 "weak
    # evidence" beside a table at the improved level: the same step read three ways.
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    # fixupd28 (reader27 #7): the update now charts the readmissions its "Since the last
    # update" speaks of in place of this chart, so the chart's words are read directly.
    words = usual_residence_words()
    assert (
        "From April 2027, a sustained shift (12 months above the baseline of 78%, improvement). "
        # Since reader27 #11 the limits' source and the points are named (test_fixupd27b.py).
        "Limits from all 15 months, January 2027 to March 2028, either side of that shift."
    ) in words
    assert "(the old level), January to July 2027" not in words
    assert "weak evidence" not in words
    assert "at the improved level" in text


def test_the_climb_is_one_signal_on_the_chart_too() -> None:
    analysis = spc.analyse(
        [77, 79, 78, 80, 79, 81, 82, 83, 82, 84, 85, 84, 86, 85, 86],
        better="higher",
        target=85,
        changes=[0],
        baseline=78,
    )
    assert analysis.limits_hold_baseline_shift
    assert analysis.signals == ()  # no "old level" markers on April to July 2027
    assert analysis.baseline_shift is not None
    assert analysis.baseline_shift.points[0] == 3  # April 2027
    assert analysis.shown_variation == "improvement"


def test_points_beyond_limits_are_said_to_be_part_of_what_they_lie_in(tmp_path: Path) -> None:
    # reader26 #10: January to March 2028 lie below the falls rate's lower limit, inside the
    # shift (September 2027 to March 2028) and after the trend (April to November 2027) ended.
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03")
    # fixupd29: a chart note opens with where its limits come from ("Limits from all 12 months").
    assert (
        "Limits from all 12 months, figures that are themselves a trend and hold a shift, so "
        "points beyond them are part of the trend or the shift they lie in, not separate signals."
    ) in text
    assert "so points beyond them within it are part of that trend" not in text
    analysis = spc.analyse(
        [8.3, 8.0, 7.6, 7.2, 6.9, 6.8, 6.5, 6.4, 6.6, 6.1, 5.9, 5.8],
        better="lower",
        target=6.0,
        changes=[0],
        baseline=8.1,
    )
    assert {d.rule for d in analysis.folding} == {"trend", "shift"}


def test_a_headline_the_figures_do_not_show_is_not_printed_as_fact(tmp_path: Path) -> None:
    # reader26 #6: "Emergency admissions falling; 240 people now have a personal plan." above a
    # table row with "no change from the baseline yet beyond normal variation", warned of only
    # on stderr. The lead's words stay, and the sentence after them says what the figures show.
    text = icbcase.update(icbcase.copy_project(tmp_path), "dof", "2026-11")
    # Since reader27 #9 the sentence is plainer and set apart in normal weight
    # (tests/test_fixupd27b.py).
    assert (
        "Headline Emergency admissions falling; 240 people now have a personal plan. The chart "
        "cannot yet tell this fall from normal variation, so no money is counted for emergency "
        "admissions of the people supported. Since the last update"
    ) in text
    welsh = icbcase.update(icbcase.copy_project(tmp_path), "dof", "2026-11", "cy_GB")
    assert "Ni all y siart wahaniaethu eto rhwng y gostyngiad hwn" in welsh


def test_a_headline_the_figures_bear_out_stands_alone(tmp_path: Path) -> None:
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    assert "Grant year complete with admissions and occupied bed days both near target." in text
    assert "The chart cannot yet tell" not in text


def test_money_in_the_board_text_and_forecast_names_its_unit_costs(tmp_path: Path) -> None:
    # reader26 #7: "£80,000 of time freed in the emergency department" (board text) and "All
    # of the plan's benefit, £1,037,000 a year" (money paragraph), with no unit cost named, as
    # the delivered table gives no money.
    text = icbcase.update(icbcase.copy_project(tmp_path), "dof", "2026-11")
    assert (
        # fixbrief27 (reader26 #11): each costing reads price, base, then today's price.
        "Unit costs used: £222 per attendance at 2025/26 prices (£227.82 at 2026/27); "
        # fixfit44: costs restated at the 2.62% a year the note gives, to the penny.
        "£1,590 per admission at 2016/17 prices (£2,115.64 at 2026/27);"
    ) in text
    # newuser39 #11: the unit costs follow the money block they price, not precede its heading.
    assert text.index("Money so far and forecast") < text.index("Unit costs used")
    assert text.index("Unit costs used") < text.index("For your board report")


def test_the_forecasts_agency_shifts_name_their_unit_cost(tmp_path: Path) -> None:
    # reader26 #7: "none of the £842,000 a year in the plan is forecast" with no £380 per shift.
    text = crisiscase.update(crisiscase.copy_project(tmp_path), "dof", "2026-11")
    # fixbrief27 (reader26 #11): the costing in its new form, with the source it gives.
    # fixbrief29: a source is lower-cased after "from the".
    # fixfit44: costs restated at the 2.62% a year the note gives, to the penny. fixread30
    # (reader30 #1): the update's short line leaves every source to the briefing note, so the
    # chart its sentences rely on keeps its room.
    assert "£380 per shift at 2025/26 prices (£389.96 at 2026/27);" in text
    assert "sources as in the briefing note." in text


def test_a_cost_the_plans_benefit_does_not_count_is_not_listed(tmp_path: Path) -> None:
    # The frailty ward's bed days overlap the admissions they come from: the money counts the
    # admissions only, so only their cost is one the sums rest on.
    text = _example_update(tmp_path, "frailty-virtual-ward", "dof", "2028-03")
    assert "Unit costs used: £1,590 per admission at 2016/17 prices" in text
    assert "per bed day" not in text


def test_points_beyond_limits_in_the_shift_alone_are_said_to_be_part_of_it() -> None:
    falls = spc.analyse(
        [8.3, 8.0, 7.6, 7.2, 6.9, 6.8, 6.5, 6.4, 6.6, 6.1, 5.9, 5.8],
        better="lower",
        target=6.0,
        changes=[0],
        baseline=8.1,
    )
    shift_only = replace(falls, folding=tuple(d for d in falls.folding if d.rule == "shift"))
    assert drift_text(shift_only, language("en_GB")).startswith(
        "These limits come from figures that are themselves a trend and hold a shift, so points "
        "beyond them within the shift are part of that shift, not a separate signal."
    )
    trend_only = replace(falls, folding=tuple(d for d in falls.folding if d.rule == "trend"))
    assert drift_text(trend_only, language("en_GB")).startswith(
        "These limits come from figures that are themselves a trend, so points beyond them "
        "within it are part of that trend, not a separate signal."
    )


@pytest.mark.parametrize("case", [icbcase, crisiscase])
def test_the_trials_finance_updates_with_their_unit_costs_keep_to_two_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Any
) -> None:
    # The headline's caveat and the longer unit-cost lines must not push a page out.
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    facts = case.copy_project(tmp_path)
    team = next(p for p in tmp_path.iterdir() if p.stem == "team")
    request = UpdateRequest(
        facts=facts,
        director="dof",
        period="2026-11",
        out=tmp_path / "out",
        directors=team,
        today=case.TODAY,
    )
    [path] = write_update(request).written
    assert "Unit costs used" in docx_text(path)
    assert pdf_pages(path) == 2
