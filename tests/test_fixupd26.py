"""What a director or a lead would notice in updates and briefs (reader25 leftovers).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crisiscase import copy_project, update
from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update

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
    assert "Arwydd: 9 pwynt o dan y terfyn isaf (gwelliant)" in welsh
