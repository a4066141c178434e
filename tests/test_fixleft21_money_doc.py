"""docs/money.md quotes the bundled frailty example as pitchkit prints it today (fixleft21 #4).

"All the figures below are those of the bundled frailty example": the quoted
finance director's lines had drifted (a bed-day cost the note no longer lists,
"Counted once: ... (£682,000 a year)", a capacity figure the block now leaves
to the statement above it). Each test reads a quotation from the document and
looks for it, word for word, in the note ``pitchkit preview`` prints, made
through the API on the document's date, 3 December 2026, so that the calendar
does not move the figures.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.notes.preview import plain_preview

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
MONEY = ROOT / "docs" / "money.md"


def quotes() -> list[str]:
    """Every block quotation at the left margin of docs/money.md, its lines joined."""
    found, current = [], []
    for line in MONEY.read_text(encoding="utf-8").splitlines():
        if line.startswith("> "):
            current.append(line[2:])
        elif current:
            found.append(" ".join(current))
            current = []
    return found


def quoted(start: str) -> str:
    [quote] = [q for q in quotes() if q.startswith(start)]
    return quote.removeprefix("… ")


def note(director: str) -> str:
    """The note as ``pitchkit preview`` prints it for the frailty example's ``director``."""
    result = preview(PreviewRequest(facts=FRAILTY, director=director, today=dt.date(2026, 12, 3)))
    return " ".join(plain_preview(result.preview, result.lang).split())


@pytest.mark.parametrize(
    "start",
    [
        "Unit costs used: £1,590 per admission",
        "None of the benefit is cash for the financial plan (figures at 2026/27 prices).",
        "Not counted again: 1,600 fewer bed days",
        "Benefit against £250,000 of funding",
        "… worth £423,000 a year in capacity",
    ],
)
def test_the_finance_directors_note_reads_as_quoted(start: str) -> None:
    assert quoted(start) in note("dof")


def test_another_directors_money_line_reads_as_quoted() -> None:
    text = MONEY.read_text(encoding="utf-8")
    found = re.search(r"gets one line of it \(`(Money: £423,000 .*?)`", text, re.DOTALL)
    assert found is not None
    line = " ".join(found[1].split())
    assert line in note("md")
