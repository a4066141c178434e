"""A rate written in Welsh reads as a rate: "fesul 1,000 diwrnod gwely", not a count of falls.

pitchkit's own rule for a rate per so many knew only the English "per": a
Welsh measure "Cwympiadau cleifion mewnol fesul 1,000 diwrnod gwely" was
written "o 8.1 i 6 cwymp: 2.1 yn llai", as if 8.1 were a count of falls.
The measure's own words stay as the user wrote them; an English measure's
rate words in a Welsh sentence are quoted, as the measure is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from docchecks import docx_text
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.wording import gain_phrase
from pitchkit.recast.pitch import quantify
from pitchkit.recast.quantity import figure_unit, per_rate, rate_said_by

ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"
DAY = dt.date(2026, 12, 3)
ENGLISH_RATE = "    measure: Inpatient falls per 1,000 occupied bed days\n    unit: falls\n"
WELSH_RATE = (
    '    measure: {en: "Inpatient falls per 1,000 occupied bed days", '
    'cy: "Cwympiadau cleifion mewnol fesul 1,000 diwrnod gwely"}\n'
    "    unit: {en: falls, cy: cwympiadau}\n"
)


@pytest.fixture
def welsh_falls(tmp_path: Path) -> Path:
    """The falls example with its rate measure written in both languages."""
    text = FALLS.read_text(encoding="utf-8")
    assert ENGLISH_RATE in text
    path = tmp_path / "facts.yaml"
    path.write_text(text.replace(ENGLISH_RATE, WELSH_RATE), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("measure", "unit", "shown"),
    [
        ("Cwympiadau fesul 1,000 diwrnod gwely", "cwympiadau", "fesul 1,000 diwrnod gwely"),
        ("Derbyniadau am bob 1,000 o'r boblogaeth", "derbyniadau", "am bob 1,000 o'r boblogaeth"),
        ("Canran y cleifion a welwyd o fewn 4 awr", "cleifion", "%"),
        ("Cyfradd aildderbyniadau", "aildderbyniadau", ""),
        ("Cwympiadau cleifion mewnol", "cwympiadau", "cwympiadau"),
        ("Inpatient falls per 1,000 occupied bed days", "falls", "per 1,000 occupied bed days"),
    ],
)
def test_a_welsh_rate_is_written_in_its_own_words(measure: str, unit: str, shown: str) -> None:
    assert figure_unit(measure, unit) == shown


def test_a_welsh_rate_per_so_many_is_said_by_its_measure() -> None:
    assert per_rate("fesul 1,000 diwrnod gwely")
    assert not per_rate("cwympiadau")
    assert rate_said_by("Cwympiadau fesul 1,000 diwrnod gwely", "fesul 1,000 diwrnod gwely")


def test_a_welsh_brief_writes_a_welsh_rate_as_the_english_writes_its_rate(
    welsh_falls: Path, tmp_path: Path
) -> None:
    texts = {}
    for code in ("cy_GB", "en_GB"):
        project = open_project(welsh_falls, locale=code)
        note = make_brief_note(project, pick_director(project.facts, "don"), today=DAY)
        path = tmp_path / f"{code}.docx"
        path.write_bytes(note.data)
        texts[code] = docx_text(path)
    # The second impact on its objective, on "Also, …" / "Hefyd, …" (fixbrief28).
    # The plan with a verb, in both languages (fixread31 #3).
    english = (
        "Also, inpatient falls per 1,000 occupied bed days will come down from 8.1 to 6.0: "
        "2.1 lower"
    )
    assert english in texts["en_GB"]
    assert (
        "Hefyd, bydd cwympiadau cleifion mewnol fesul 1,000 diwrnod gwely yn gostwng o 8.1 i 6.0: "
        "2.1 yn is" in (texts["cy_GB"])
    )
    assert "i 6 cwymp" not in texts["cy_GB"]


def test_a_rates_words_in_a_welsh_sentence_are_the_measures_own(welsh_falls: Path) -> None:
    def gain(path: Path) -> str:
        project = open_project(path, locale="cy_GB")
        impact = next(i for i in project.facts.impacts if i.id == "falls-rate")
        return gain_phrase(quantify(impact), project.lang)

    assert gain(welsh_falls) == "2.1 yn is fesul 1,000 diwrnod gwely"
    # An English measure's rate words are quoted in Welsh, as the measure itself is.
    assert gain(FALLS) == "2.1 yn is “per 1,000 occupied bed days”"
