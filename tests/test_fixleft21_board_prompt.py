"""A draft update's board-sentence prompt fits the director it is for (fixleft21 #3).

Only the sponsoring director (the meeting's) speaks for the project at the
board; a filled update says "As executive sponsor ..." only for them and "The
team running ... reports" for the others. The draft's prompt asked every
director for "A sentence the sponsor can use at the board". Each test writes
a draft update (no figures logged) with the command and reads the text back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

FRAILTY = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
SPONSOR = {
    "en_GB": "[A sentence the sponsor can use at the board: what the project has delivered",
    "cy_GB": "[Brawddeg y gall y noddwr ei defnyddio yn y Bwrdd",
}
OTHER = {
    "en_GB": "[A sentence the team would like you to know or pass on: what the project has",
    "cy_GB": "[Brawddeg yr hoffai'r tîm i chi ei gwybod neu ei rhannu",
}


def draft(cli: Cli, folder: Path, director: str, locale: str) -> str:
    source = (FRAILTY / "facts.yaml").read_text(encoding="utf-8")
    facts = folder / "facts.yaml"
    facts.write_text(source[: source.index("updates:")] + "settings:\n  cadence: month\n")
    out = folder / f"{director}.docx"
    result = cli("update", str(facts), "-d", director, "-l", locale, "-o", str(out))
    assert result.exit_code == 0, result.output
    return document_text(out.read_bytes())


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_the_sponsor_is_asked_for_a_sentence_for_the_board(
    cli: Cli, tmp_path: Path, locale: str
) -> None:
    text = draft(cli, tmp_path, "dof", locale)  # the meeting is with the DoF
    assert SPONSOR[locale] in text
    assert OTHER[locale] not in text


@pytest.mark.parametrize("locale", ["en_GB", "cy_GB"])
def test_another_director_is_asked_for_what_the_team_would_like_them_to_know(
    cli: Cli, tmp_path: Path, locale: str
) -> None:
    text = draft(cli, tmp_path, "coo", locale)
    assert OTHER[locale] in text
    assert SPONSOR[locale] not in text
