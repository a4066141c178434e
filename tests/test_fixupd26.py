"""What a director or a lead would notice in updates and briefs (reader25 leftovers).

Each test writes a note as the reader did and reads its text back.
"""

from __future__ import annotations

from pathlib import Path

from crisiscase import copy_project, update


def test_a_fill_in_before_the_meeting_offers_its_questions_as_still_to_ask(
    tmp_path: Path,
) -> None:
    # The trial's meeting is on 15 December 2026; a draft for December written on 6 December
    # comes before it, so nothing from the first note has been asked yet (reader25 #11).
    text = update(copy_project(tmp_path), "dof", "2026-12")
    assert "Carried over, keep or delete" not in text
    assert (
        "[Still to ask at the meeting on 15 December 2026, keep or delete: Which cost "
        "improvement line should out-of-area savings count against?]"
    ) in text


def test_a_fill_in_after_the_meeting_still_carries_its_questions_over(tmp_path: Path) -> None:
    facts = copy_project(tmp_path)
    source = facts.read_text(encoding="utf-8").replace("date: 2026-12-15", "date: 2026-12-01")
    facts.write_text(source, encoding="utf-8")
    text = update(facts, "dof", "2026-12")
    assert "Still to ask at the meeting" not in text
    assert (
        "[Carried over, keep or delete: Which cost improvement line should out-of-area savings "
        "count against?]"
    ) in text
