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
