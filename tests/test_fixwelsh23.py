"""Welsh that review23 and newuser33 found wrong, read back from the commands and messages.

The project is newuser31's community ear care service at Hywel Dda
(``tests/data/fixnew31b``), changed where a test needs a case the file does not hold.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew31b"


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, tmp_path / name)
    return tmp_path / "facts.yaml"


def document(cli: Cli, facts: Path, command: str, director: str, *extra: str) -> str:
    out = facts.parent / f"{command}-{director}-{len(extra)}.docx"
    team = str(facts.parent / "team.xlsx")
    result = cli(command, str(facts), "--directors", team, "-d", director, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def edit(facts: Path, old: str, new: str) -> None:
    text = facts.read_text(encoding="utf-8")
    assert old in text
    facts.write_text(text.replace(old, new), encoding="utf-8")


# review23 bug 1: the plan's verb goes after the whole measure, even one naming an age ("o 75").


def test_the_plan_verb_follows_a_measure_that_names_an_age(cli: Cli, facts: Path) -> None:
    edit(
        facts,
        "cy: Atgyfeiriadau ENT arferol oedolion am gwyr clust",
        "cy: Atgyfeiriadau ENT cleifion o 75 oed a hŷn",
    )
    edit(
        facts,
        "en: Routine adult ENT referrals for earwax",
        "en: ENT referrals of patients aged 75 and over",
    )
    welsh = document(cli, facts, "brief", "coo")
    assert (
        "Yn ôl y cynllun, bydd atgyfeiriadau ENT cleifion o 75 oed a hŷn yn gostwng o 140 i 40 "
        "atgyfeiriad y mis" in welsh
    ), welsh
    assert "bydd atgyfeiriadau ENT cleifion yn gostwng" not in welsh
    english = document(cli, facts, "brief", "coo", "--locale", "en_GB")
    assert (
        "ENT referrals of patients aged 75 and over from 140 to 40 referrals a month" in english
    ), english
