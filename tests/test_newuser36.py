"""newuser36: a community trust's diabetic foot protection clinic, its team on a spreadsheet.

``tests/data/newuser36``: Northvale Community Health NHS Trust asks £320,000 (£200,000 of it
the ICB's) to cut emergency admissions with a diabetic foot ulcer, valued at ICB tariff
(``payer: ICB``); ``facts-cash.yaml`` is the same with ``releases: cash``. Eight directors in
``team.xlsx``: the project serves the chief executive's, the medical director's and the
director of strategy's objectives, and none of the Director of People's (``dop``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

DATA = Path(__file__).resolve().parent / "data" / "newuser36"
FACTS, CASH, TEAM = DATA / "facts.yaml", DATA / "facts-cash.yaml", DATA / "team.xlsx"
TODAY = dt.date(2026, 12, 7)


def note(facts: Path, director: str, locale: str | None = None) -> str:
    request = PreviewRequest(
        facts=facts, director=director, directors=TEAM, today=TODAY, locale=locale
    )
    result = preview(request)
    text = " ".join(plain_preview(result.preview, result.lang).split())
    return text.split(" Checks ------ ")[0].split(" Gwiriadau ")[0]  # the note, not check


def test_a_director_the_project_does_not_serve_is_asked_for_advice_not_to_sponsor() -> None:
    """#4: the Director of People was asked to sponsor the project and chair its board,
    then told it "does not yet link to your objectives", and asked the finance question."""
    text = note(FACTS, "dop")
    assert "We are not asking you to sponsor this project: we would value 20 minutes" in text
    assert "sponsor this project and" not in text
    assert "chair the project board" not in text.casefold()
    assert "Support the £320,000 bid" not in text
    assert "Which budget line" not in text  # the finance director's question
    # A director it serves is still asked to sponsor, with the asks.
    served = note(FACTS, "ceo")
    assert "We would like you to sponsor this project and to chair the project board" in served
    assert "Support the £320,000 bid" in served


def test_the_advice_ask_is_in_welsh_too() -> None:
    text = note(FACTS, "dop", locale="cy_GB")
    assert "We are not asking you" not in text
    assert "Chair the project board" not in text
    assert "20 munud" in text
