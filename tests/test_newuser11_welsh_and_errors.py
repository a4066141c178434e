"""newuser11's trial: a Welsh update kept to two pages, the same note in both languages,
clear errors for the facts file and the measure log, init's questions, ids and wording.

The facts are the trial's hysteroscopy clinic (``tests/data/newuser11``), written on
5 December 2026 as the trial was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text, pdf_pages
from pitchkit.api.update import UpdateRequest, write_update

DATA = Path(__file__).parent / "data" / "newuser11"
HYS = DATA / "hys.yaml"
TODAY = dt.date(2026, 12, 5)


@pytest.mark.tools
def test_the_welsh_update_is_kept_to_two_pages_as_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Welsh fill-in for November ran to three pages (two lines of chart notes and the
    # contact on the third) while saying it was kept to two; the English one is two.
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    request = UpdateRequest(facts=HYS, director="coo", locale="cy_GB", out=tmp_path, today=TODAY)
    [path] = write_update(request).written
    assert pdf_pages(path) == 2
    text = docx_text(path)
    assert "er mwyn cadw'r diweddariad hwn i ddwy dudalen" in text
    assert "Cyswllt" in text


POD = DATA / "pod.yaml"
TEAM = DATA / "team.xlsx"


def _brief_text(tmp_path: Path, facts: Path, director: str, locale: str, **more: object) -> str:
    from pitchkit.api.notes import BriefRequest, write_brief

    out = tmp_path / locale
    request = BriefRequest(
        facts=facts, director=director, locale=locale, out=out, today=TODAY, advice=False, **more
    )
    [path] = write_brief(request).written
    return docx_text(path)


def test_the_welsh_note_asks_the_questions_the_english_one_asks(tmp_path: Path) -> None:
    # The Director of Operations' lens question is about capacity this project's note
    # does not claim: the English note leaves it out, and the Welsh one (whose lens is
    # worded in Welsh, so "capacity" was not found in it) asked it.
    english = _brief_text(tmp_path, POD, "coo", "en_GB", directors=TEAM)
    welsh = _brief_text(tmp_path, POD, "coo", "cy_GB", directors=TEAM)
    question = "Which ICB colleague should we bring in before the bid goes to the planned care"
    assert question in english
    assert question in welsh
    assert "Which operational meeting should track" not in english
    assert "Pa gyfarfod gweithredol" not in welsh
