"""Money and date wording a finance director queried in the fixnew34 updates (reader24).

The ICB-hosted High Intensity Use service (tests/data/fixnew34): every pound of its benefit
is capacity at the acute trust (A&E time and beds), none of it the ICB's own money.
Each test renders the update and reads its text back from the Word file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from icbcase import TODAY, copy_project, update
from pitchkit.api import UpdateRequest, write_update


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def test_all_of_the_benefit_elsewhere_is_said_plainly_not_as_without_it(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # 110 x 12 x £227.82 + 29 x 12 x £2,115.64 = £1,036,965: all of it capacity at the
    # acute trust. "Without it, not paid back" meant without anything.
    assert "without it" not in text
    assert (
        "All of the plan's benefit, £1,037,000 a year, is capacity in other organisations, "
        "not the ICB's own money, so none of it pays back the £186,000 of funding."
    ) in text


def test_all_of_the_benefit_elsewhere_in_welsh(project: Path) -> None:
    text = update(project, "dof", "2026-11", locale="cy_GB")
    assert "hebddo" not in text
    assert "Mae holl fudd y cynllun, £1,037,000 y flwyddyn, yn gapasiti mewn sefydliadau" in text


# --------------------------------------------- 2. the plan's full rate, said how it is worked


def test_the_plans_full_rate_says_how_it_is_worked(project: Path) -> None:
    text = update(project, "dof", "2026-06")
    # 29 admissions a month x 12 x £2,115.64 = £736,243 a year; July to March 2027 is 274 of
    # 2026/27's 365 days: £552,686, shown £553,000. By months a director would get £552,182,
    # so the row says it is counted by days, as the brief's years are.
    # The forecast is said after the table, as expected, not under "Delivered so far"
    # (fixupd25a #1).
    assert (
        "the rest of the year at the plan's full rate (£553,000 for 2026/27: 274 "
        # fixfit44: £2,115.64 at the 2.62% the note gives (was £2,115.62).
        "of the year's 365 days at £736,243 a year)"
    ) in text


# ------------------------------------------------------------------------ 3. wording


ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def example(facts: Path, director: str, period: str, out: Path) -> str:
    request = UpdateRequest(facts=facts, director=director, period=period, out=out, today=TODAY)
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_no_change_since_the_last_update_does_not_repeat_its_heading(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # The heading is said once. (November's line is now the attendances' chart, "still
    # showing the change already reported" (fixread24a), so the no-change line is not here.)
    assert "Since the last update (October 2026) A&E attendances" in text
    assert "No change since the last update" not in text
    # The table's "How far along", in plain words.
    # fixupd28: shorter, for the narrow column beside "within normal variation".
    assert "no change yet beyond normal variation" in text
    assert "can be told apart yet" not in text.replace("no change can be told apart", "")


def test_a_falls_project_counts_the_reduction_not_the_fall(tmp_path: Path) -> None:
    text = example(FALLS, "dof", "2027-12", tmp_path / "falls.docx")
    assert "so we count the reduction as delivered" in text
    assert "report the fall" not in text


def test_the_average_before_the_change_is_not_the_logs(tmp_path: Path) -> None:
    text = example(FRAILTY, "dof", "2028-03", tmp_path / "frailty.docx")
    assert "(an average of 99.4 admissions a month, January to May 2027)" in text
    assert "the log's average" not in text


# ------------------------------------------------------------------- 4. one date story


def test_a_rehearsal_footer_keeps_to_the_headers_reported_date(tmp_path: Path) -> None:
    request = UpdateRequest(
        facts=FALLS, director="dof", period="2027-12", out=tmp_path / "u.docx", today=TODAY
    )
    [path] = write_update(request).written
    text = " ".join(docx_text(path).split())
    assert "reported on 8 January 2028" in text
    assert "Update for December 2027, reported on 8 January 2028" in text
    # Written on 6 December 2026, before the period began: that was a second date story.
    assert "6 December 2026" not in text
    assert "before the period began" not in text


def test_a_draft_with_no_reported_date_still_says_it_is_ahead_of_its_period() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.update.making import written_text
    from pitchkit.period import parse_period

    lang = language("en_GB")
    march = parse_period("2028-03")
    assert written_text(march, TODAY, lang) == (
        "Update for March 2028, drafted on 6 December 2026, before the period began"
    )
    assert written_text(march, TODAY, lang, reported=dt.date(2028, 4, 7)) == (
        "Update for March 2028, reported on 7 April 2028"
    )
    # Written after the day it was reported: the footer keeps the header's day too, one date
    # story, not "reported on 7 April" over "written on 10 April" (reader25 #14).
    assert written_text(march, dt.date(2028, 4, 10), lang, reported=dt.date(2028, 4, 7)) == (
        "Update for March 2028, reported on 7 April 2028"
    )
