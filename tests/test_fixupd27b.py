"""Update wording a director would notice (reader27's findings on the merged documents).

Each test writes an update as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

import icbcase
from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update
from usualresidence import usual_residence_words

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _example_update(tmp_path: Path, name: str, director: str, period: str, today: dt.date) -> str:
    request = UpdateRequest(
        facts=EXAMPLES / name / "facts.yaml",
        director=director,
        period=period,
        out=tmp_path / f"{name}-{director}-{period}",
        today=today,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_a_headline_caveat_is_set_apart_in_plain_words(tmp_path: Path) -> None:
    # reader27 #9: "The figures do not show that change … yet: its chart cannot tell it from
    # normal variation, so none is counted." was bold, in the lead's headline, so the headline
    # seemed to contradict itself; "its chart" and "none is counted" were loose.
    facts = icbcase.copy_project(tmp_path)
    request = UpdateRequest(
        facts=facts,
        director="dof",
        period="2026-11",
        out=tmp_path / "out",
        directors=facts.parent / "team.xlsx",
        today=icbcase.TODAY,
    )
    [path] = write_update(request).written
    paragraphs = [p for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    lead = texts.index("Emergency admissions falling; 240 people now have a personal plan.")
    note = paragraphs[lead + 1]
    assert note.text == (
        "The chart cannot yet tell this fall from normal variation, so no money is counted for "
        "emergency admissions of the people supported."
    )
    assert note.style is not None
    assert note.style.name != "Lead"
    assert not any(run.bold for run in note.runs)


def test_limits_either_side_of_a_shift_say_where_they_come_from(tmp_path: Path) -> None:
    # reader27 #11: "These limits come from figures either side of that shift, so the months
    # below their mean and the points beyond them are the shift itself" named no months, and
    # the months below the mean (January to July 2027) hold the old level too.
    # fixupd28 (reader27 #7): the update charts the readmissions in place of this chart now,
    # so the chart's words are read directly.
    text = usual_residence_words()
    assert "the shift itself" not in text
    assert (
        "From April 2027, a sustained shift (12 months above the baseline of 78%, improvement). "
        "Limits from all 15 months, January 2027 to March 2028, either side of that shift. The "
        "early figures below the mean and the points above the upper limit (January and March "
        "2028) show the shift, not separate signals."
    ) in text


def test_points_beyond_limits_within_a_shift_are_named(tmp_path: Path) -> None:
    # reader27 #15: "so points beyond them within it are part of that shift" never said which:
    # the only points named were April and June 2027, above the upper limit, before the shift.
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03", dt.date(2028, 4, 7))
    # fixupd29: a chart note opens with where its limits come from ("Limits from all 12 months").
    assert (
        "Inpatient falls resulting in any harm (XmR chart) Limits from all 12 months, figures "
        "that themselves hold a shift, so the points beyond them within it (February and March "
        "2028, below the lower limit) are part of that shift, not separate signals."
    ) in text


def test_two_measures_carried_to_control_charts_alike_are_said_once(tmp_path: Path) -> None:
    # reader27 #16: two "Since the last update" bullets said the same words after their
    # measures' names ("now on a control chart, which shows a shift of 7 months below the
    # mean (improvement), the change already reported rather than a new one").
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03", dt.date(2028, 4, 7))
    assert text.count("the change already reported rather than a new one") == 1
    # fixupd29: the lying and standing blood pressure chart, carried over too, joins the same
    # line (its shift is above the mean, so the line names no shift's direction).
    assert (
        "Since the last update (February 2028) Inpatient falls resulting in any harm, inpatient "
        "falls per 1,000 occupied bed days and eligible patients with lying and standing blood "
        "pressure recorded within 48 hours: now on control charts, which each show the change "
        "already reported rather than a new one. Category 2"
    ) in text


def test_the_last_update_names_the_closing_report_as_next(tmp_path: Path) -> None:
    # reader27 #18: "Next update none: the project ended on 31 March 2028, so a closing report
    # comes next": two colons, and both "none" and "next".
    text = _example_update(tmp_path, "falls-prevention", "don", "2028-03", dt.date(2028, 4, 7))
    assert "Next update the closing report, as the project ended on 31 March 2028" in text
    assert "none:" not in text


def test_a_payback_counted_from_the_projects_start_says_so(tmp_path: Path) -> None:
    # reader27 #8 and #18: "ad-dalu mewn 10.8 mis ar sail y budd a gyflawnwyd ac a ragwelir"
    # counts from the project's start (11 January 2027), unsaid, beside "£12,000 y mis"; the
    # frailty update names where its payback starts ("once it starts (June 2027)").
    text = _example_update(tmp_path, "ysbyty-cymunedol", "dof", "2027-10", dt.date(2027, 11, 5))
    assert (
        "ad-dalu mewn 10.8 mis ar sail y budd a gyflawnwyd ac a ragwelir, o ddechrau'r prosiect "
        "(11 Ionawr 2027)"
    ) in text


def test_the_caveat_names_the_change_the_headline_claims() -> None:
    # The reading moved to headline.claimed_direction, which also reads a latest figure worse
    # than before the change under a headline of a fall (newuser37 #10).
    from pitchkit.notes.update.headline import claimed_direction as _direction

    assert [_direction(w) for w in ("falling", "down", "cut", "gostwng")] == ["fall"] * 4
    assert [_direction(w) for w in ("rising", "up", "increased", "codi")] == ["rise"] * 4
    assert [_direction(w) for w in ("improving", "better", "worse")] == ["change"] * 3
