"""newuser24 #6: a measure that starts with a name keeps it mid-sentence; money rounds alike.

The ambulance trust's make-ready project from the trial (tests/data/newuser24):
"Category 2 mean response time" is a proper name in the board sentence, and the
part of the consumables written off that fell in 2026/27 is rounded to £1,000 as
the £117,000 beside it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from pitchkit.notes.wording import lower_first, lower_measure

Cli = Callable[..., Result]
FACTS = Path(__file__).resolve().parent / "data" / "newuser24" / "facts.yaml"


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("measure", "shown"),
    [
        ("Category 2 mean response time", "Category 2 mean response time"),
        ("Stage 3 pressure ulcers", "Stage 3 pressure ulcers"),
        ("Friends and Family Test score", "Friends and Family Test score"),
        ("Emergency Department attendances", "Emergency Department attendances"),
        ("A&E attendances", "A&E attendances"),
        ("HbA1c tests", "HbA1c tests"),
        ("Patients 65 and over admitted", "patients 65 and over admitted"),
        ("Crew time spent preparing vehicles", "crew time spent preparing vehicles"),
        ("Bed days lost to delayed discharge", "bed days lost to delayed discharge"),
    ],
)
def test_a_measure_keeps_a_name_it_starts_with(measure: str, shown: str) -> None:
    assert lower_measure(measure) == shown


def test_a_verb_led_text_is_still_lowered() -> None:
    """Objectives and asks start with a verb: "Reduce Category 2 times" is not a name."""
    assert lower_first("Reduce Category 2 response times") == "reduce Category 2 response times"


def test_the_board_sentence_keeps_category_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("preview", str(FACTS), "-d", "dops", "--kind", "update", "--period", "2026-11")
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "an improvement in Category 2 mean response time from an average of" in out
    assert "category 2" not in out


def test_the_part_in_a_year_is_rounded_as_the_money_beside_it(cli: Cli) -> None:
    result = cli("preview", str(FACTS), "-d", "dof", "--kind", "update", "--period", "2026-11")
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert (
        "£117,000 in expired and wasted vehicle consumables written off "
        "(of which £79,000 fell in 2026/27)" in out
    )
    assert "£78,800" not in out
