"""Progress updates that claim only what the data shows (fixupd25a, from reader24).

Each test renders an update and reads its text back from the Word file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docchecks import docx_text
from icbcase import TODAY, copy_project, update
from pitchkit.api import UpdateRequest, write_update


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


# ------------------------------------------ 1. a forecast is expected, never delivered


def test_a_forecast_is_said_as_expected_not_under_delivered_so_far(project: Path) -> None:
    text = update(project, "dof", "2026-06")
    # The table runs to the heading of the money paragraph under it (reader25 #8).
    table = text[text.index("Delivered so far") : text.index("Money so far and forecast")]
    # The table's row says nothing is counted; the plan's rate is not in it.
    assert "so no money is counted yet" in table
    assert "forecast" not in table
    assert "£553,000" not in table
    # fixfit44: the projected uplift kept to two decimals (2.62%) makes the admission
    # £2,115.64, so 29 a month × 12 × £2,115.64 = £736,242.72, shown £736,243.
    assert (
        "Expected, not yet delivered: emergency admissions of the people supported, the rest "
        "of the year at the plan's full rate (£553,000 for 2026/27: 274 of the year's 365 days "
        "at £736,243 a year). It counts as delivered only once its chart shows the change."
    ) in text


def test_a_forecast_is_said_as_expected_in_welsh(project: Path) -> None:
    text = update(project, "dof", "2026-06", locale="cy_GB")
    assert "Disgwyliedig, heb ei gyflawni eto:" in text
    assert "£553,000" in text.split("Disgwyliedig, heb ei gyflawni eto:")[1]


# ------------------------------------------ 2. the saving's period first, then its baseline

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"


def example(facts: Path, director: str, period: str, out: Path, locale: str | None = None) -> str:
    request = UpdateRequest(
        facts=facts, director=director, period=period, out=out, today=TODAY, locale=locale
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_the_period_saved_comes_before_the_baseline_it_is_set_against(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path)
    # 497 / 5 = 99.4 a month, January to May 2027; 994 - 830 = 164, June 2027 to March 2028.
    assert (
        "164 admissions fewer between June 2027 and March 2028 than before the change (an "
        "average of 99.4 admissions a month, January to May 2027), worth £347,000"
    ) in text
    assert "January to May 2027), June 2027" not in text


def test_the_period_saved_comes_first_in_welsh(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path, locale="cy_GB")
    assert (
        "164 derbyniad yn llai yn y cyfnod Mehefin 2027 – Mawrth 2028 na chyn y newid "
        "(cyfartaledd o 99.4 derbyniad y mis, Ionawr – Mai 2027)"
    ) in text


# ------------------------------------------ 3. a signal's whole span, not where it ends


def test_a_signal_names_the_periods_it_covers(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path)
    # The shifts from June 2027 are said once, in the sentence on the change (reader25 #19),
    # so the spans are pinned on the points below the lower limit that "Signal:" lists.
    # Admissions: 9 points below the lower limit, July 2027 to March 2028.
    assert "9 points below the lower limit (improvement), July 2027 to March 2028." in text
    # Bed days have no figure for August 2027: 8 points, the gap named.
    assert (
        "8 points below the lower limit (improvement), July 2027 to March 2028 (no figure for "
        "August 2027)"
    ) in text
    assert ", ending " not in text


def test_a_signal_names_the_periods_it_covers_in_welsh(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path, locale="cy_GB")
    # As in English, the span is pinned on the points the signals list (reader25 #19).
    assert "9 pwynt islaw'r terfyn isaf (gwelliant), Gorffennaf 2027 – Mawrth 2028" in text
    assert "pwynt olaf:" not in text


# ------------------------------------------ 4. no two label colons in one line


def _since_lines(path: Path) -> list[str]:
    lines = [line.strip() for line in docx_text(path).splitlines() if line.strip()]
    heading = next(
        i for i, line in enumerate(lines) if line.startswith(("Since the last", "Ers y"))
    )
    end = next(
        i
        for i, line in enumerate(lines)
        if line in ("Progress on each measure", "Cynnydd ar bob mesur")
    )
    return lines[heading + 1 : end]


@pytest.mark.parametrize(("facts", "director"), [(FALLS, "don"), (FRAILTY, "dof")])
@pytest.mark.parametrize("locale", [None, "cy_GB"])
def test_no_line_since_the_last_update_stacks_two_colons(
    tmp_path: Path, facts: Path, director: str, locale: str | None
) -> None:
    request = UpdateRequest(
        facts=facts, director=director, period="2028-03", out=tmp_path, today=TODAY, locale=locale
    )
    [path] = write_update(request).written
    lines = _since_lines(path)
    assert lines
    # The measure's name, then one sentence: never "…: new on the chart: shift: 7 months …"
    # or "…: already reported: shift: …".
    for line in lines:
        assert line.count(": ") <= 1, line


def test_a_signal_in_the_captions_is_a_phrase_not_a_label(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path)
    # The shift from the change is said in its own sentence, not listed again (reader25 #19);
    # the signals listed after the label are phrases: "a shift of 7 months below the mean".
    assert "Signal: 9 points below the lower limit (improvement)" in text
    assert "shift: " not in text
    assert "trend: " not in text
    # fixupd27 (reader26 #5): the frailty ward's "Signals: a shift of 7 months below the mean
    # (the old level)" is now part of the shift above the baseline; the falls chart lists two.
    falls = example(FALLS, "don", "2028-03", tmp_path / "falls")
    assert "Signals: a shift of 7 months below the mean (improvement)" in falls
    welsh = example(FALLS, "don", "2028-03", tmp_path / "cy", locale="cy_GB")
    assert "Arwyddion: symudiad o 7 mis o dan y cymedr (gwelliant)" in welsh
    assert "symudiad: " not in welsh
    assert "tuedd: " not in welsh


# ------------------------------------------ 5. no update offered after the project ends


@pytest.mark.parametrize("period", ["2028-03", "2030-01"])
def test_no_next_update_is_offered_after_the_project_ends(tmp_path: Path, period: str) -> None:
    # The falls project runs from April 2027 to 31 March 2028: its update for March 2028
    # offered one for May 2028, and a draft for January 2030 one for March 2030.
    text = example(FALLS, "dof", period, tmp_path)
    # Since reader27 #18 the row names the closing report, without "none: … next".
    assert "Next update the closing report, as the project ended on 31 March 2028" in text
    assert "2030 Headline" not in text


def test_an_update_inside_the_project_still_offers_the_next(tmp_path: Path) -> None:
    text = example(FALLS, "dof", "2028-02", tmp_path)
    assert "Next update 7 April 2028" in text


def test_no_next_update_after_the_project_ends_in_welsh(tmp_path: Path) -> None:
    text = example(FALLS, "dof", "2028-03", tmp_path, locale="cy_GB")
    # Reworded since reader27 #18, as in English.
    assert "yr adroddiad cau, gan fod y prosiect wedi dod i ben ar 31 Mawrth 2028" in text


# ------------------------------------------ 6. missing data: what is due, what it affects

WELSH = ROOT / "examples" / "ysbyty-cymunedol" / "facts.yaml"


def test_a_gap_names_totals_only_where_the_update_prints_one(tmp_path: Path) -> None:
    # Bed days have no figure for August 2027. The finance director's table gives only
    # admissions, so no total of bed days is on the page to leave August out of.
    dof = example(FRAILTY, "dof", "2028-03", tmp_path / "dof")
    assert (
        "For hospital bed days used by people aged 75 and over living with frailty, no figure for "
        "August 2027; gaps are left blank, not taken as zero."
    ) in dof
    assert "totals to date" not in dof
    # The chief operating officer's table counts the bed days, so there it is said.
    coo = example(FRAILTY, "coo", "2028-03", tmp_path / "coo")
    assert "no figure for August 2027, so totals to date leave it out" in coo


def test_a_month_before_a_measure_is_first_logged_is_not_missing(tmp_path: Path) -> None:
    # GP appointments released are logged from March 2027, when the hub opened; February's
    # entry has none. The finance director's update shows no total of them.
    text = example(WELSH, "dof", "2027-10", tmp_path)
    assert "Data coll" not in text
    assert "Chwefror 2027, felly" not in text
    english = example(WELSH, "dof", "2027-10", tmp_path / "en", locale="en_GB")
    assert "Missing data" not in english
