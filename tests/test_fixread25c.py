"""Layout, dates and small print in the updates a reader queried (reader25).

Each test writes the update and reads it back from the Word file. The ICB's High
Intensity Use service (tests/data/fixnew34) is the reader's own case: its update for
November 2026 was reported on 4 December, before the meeting of 15 December.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx import Document

from docchecks import docx_text
from icbcase import TODAY, copy_project, update
from pitchkit.api import UpdateRequest, write_update


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


# ------------------------------------------- 8. the money paragraph: its heading and its rate


def test_the_benefit_against_the_funding_has_its_own_heading(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # It sat loose under the table of objectives, with no heading.
    assert "Money so far and forecast Benefit against £186,000 of funding" in text


def test_the_forecast_names_the_rate_it_carries_on_at(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # £79,966 in the 8 months of April to November: £10,000 a month on average, while
    # November alone ran at about £16,900. "At that rate" could be read as either.
    assert "the rest of the year at that rate" not in text
    # fixbrief28: the rest of the year as a sum beside the rate: £79,966 x 4 / 8 = £39,983,
    # so £40,000, and £80,000 + £40,000 = the £120,000 forecast.
    assert (
        "(£80,000 delivered to the end of November 2026, then £40,000 at the average "
        "so far, about £10,000 a month;"
    ) in text


def test_the_welsh_forecast_names_its_rate_too(project: Path) -> None:
    text = update(project, "dof", "2026-11", locale="cy_GB")
    assert "ar y gyfradd honno" not in text
    assert "Arian hyd yma a'r rhagolwg" in text
    # fixbrief28: the rest of the year as a sum beside the rate, as in English.
    assert "ac yna £40,000 ar y cyfartaledd hyd yma, tua £10,000 y mis" in text


# ------------------------------- 11. questions for a meeting still to come are not carried over


def test_questions_not_yet_asked_are_not_marked_carried_over(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # Reported on 4 December; the meeting they were written for is on 15 December.
    assert "(carried over)" not in text
    # Marked as the questions for that meeting, not read as this period's (newuser37 #11).
    assert (
        # fixupd28: under "Where we need your help", after "beyond your advice below", the
        # questions need no "Your advice" lead-in of their own.
        "your advice below"
    ) in text
    # fixupd29: the meeting date is said once, in the advice lead-in, not after each question.
    assert (
        "beyond your advice below, for our meeting on 15 December 2026: thank you for your "
        "support. How should we evidence released capacity so that Northvale General will "
        "recognise it in the contract? How should we report the service to the ICB board?"
    ) in text


def test_questions_are_carried_over_once_the_meeting_is_past(project: Path) -> None:
    facts = project.read_text(encoding="utf-8")
    assert "  date: 2026-12-15" in facts
    project.write_text(facts.replace("  date: 2026-12-15", "  date: 2026-11-20"), "utf-8")
    text = update(project, "dof", "2026-11")
    assert "recognise it in the contract? (carried over)" in text


# ------------------------------------------------ 12. a heading stays with its first item


def test_list_headings_keep_with_their_first_item(project: Path) -> None:
    request = UpdateRequest(
        facts=project,
        director="dof",
        period="2026-11",
        out=project.parent / "out",
        directors=project.parent / "team.xlsx",
        today=TODAY,
    )
    [path] = write_update(request).written
    paragraphs = Document(str(path)).paragraphs
    [done] = [p for p in paragraphs if p.text == "Done this period"]
    [steps] = [p for p in paragraphs if p.text == "Next steps"]
    # "Done this period" was the last line of page 1, its one bullet on page 2.
    assert done.paragraph_format.keep_with_next
    assert steps.paragraph_format.keep_with_next


# ------------------------------------------------------------- 14. one date story


def test_the_footer_gives_the_day_the_header_says_it_was_reported(project: Path) -> None:
    text = update(project, "dof", "2026-11")
    # Header "reported on 4 December 2026", footer "written on 6 December 2026".
    assert "reported on 4 December 2026" in text
    assert "Update for November 2026, reported on 4 December 2026" in text
    assert "written on 6 December 2026" not in text


def test_the_footer_without_a_reported_day_keeps_the_day_it_is_written() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.notes.update.making import written_text
    from pitchkit.period import parse_period

    lang = language("en_GB")
    november = parse_period("2026-11")
    assert (
        written_text(november, TODAY, lang)
        == "Update for November 2026, written on 6 December 2026"
    )
    assert written_text(november, TODAY, lang, reported=dt.date(2026, 12, 4)) == (
        "Update for November 2026, reported on 4 December 2026"
    )


# ------------------------------------- 21. the objective judged: its measures named, "against" once

ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"


def example(facts: Path, director: str, period: str, out: Path, locale: str | None = None) -> str:
    request = UpdateRequest(
        facts=facts, director=director, period=period, out=out, today=TODAY, locale=locale
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def test_the_objective_line_names_each_measure_and_says_against_once(tmp_path: Path) -> None:
    text = example(FALLS, "don", "2028-03", tmp_path)
    # "in the 12 months … against the baseline rate, 64 falls against 84": "against" three
    # times, and "falls" where the measure is falls with harm (the note also gives all falls).
    assert "against the baseline rate" not in text
    assert (
        "Against the objective: in the 12 months to March 2028, 64 inpatient falls resulting in "
        "any harm (84 at the baseline rate), 24% fewer;"
    ) in text
    assert "together 100 (124 at the baseline rate), 19% fewer; short of a quarter." in text


def test_the_objective_line_in_welsh(tmp_path: Path) -> None:
    text = example(FALLS, "don", "2028-03", tmp_path, locale="cy_GB")
    assert "o'i gymharu â chyfradd y llinell sylfaen" not in text
    assert "(84 ar gyfradd y llinell sylfaen), 24%" in text
