"""What reader21 found reading the bundled examples as their directors, read back from the commands.

Each test runs the command line on a bundled example (or a copy with one
change) and reads the document back as text, in English and in Welsh where the
wording is shown in Welsh.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def example(folder: Path, name: str) -> Path:
    """A copy of a bundled example's folder, and its facts file."""
    shutil.copytree(EXAMPLES / name, folder / name)
    return folder / name / "facts.yaml"


def update_text(cli: Cli, facts: Path, director: str, *extra: str) -> str:
    out = facts.parent / f"update-{director}{'-'.join(extra)}.docx"
    result = cli("update", str(facts), "-d", director, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def board_sentence(text: str, opening: str) -> str:
    """The board sentence: from its opening words to the next full stop that ends it."""
    start = text.index(opening)
    return text[start : text.index(". ", start) + 1]


# reader21 #1: capacity credited to a cash target carries the table's condition.


@pytest.mark.parametrize(
    ("locale", "opening", "condition"),
    [
        ("en_GB", "As executive sponsor of", "if the capacity is turned into cash"),
        ("cy_GB", "Fel noddwr gweithredol", "os caiff y capasiti ei droi'n arian parod"),
    ],
)
def test_capacity_in_the_board_sentence_is_not_cash(
    cli: Cli, tmp_path: Path, locale: str, opening: str, condition: str
) -> None:
    facts = example(tmp_path, "frailty-virtual-ward")
    text = update_text(cli, facts, "dof", "--locale", locale)
    sentence = board_sentence(text, opening)
    assert "£347,000" in sentence
    assert "14m" in sentence
    assert condition in sentence
