"""newuser25's Frailty Hospital at Home, run as the project lead ran it.

Each test runs the command line on a copy of the lead's facts, team sheet and
log, and reads the text a director sees back, in English and in Welsh.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew25"


def project(folder: Path, facts: str = "facts.yaml") -> Path:
    """A copy of the lead's project in ``folder``: ``facts`` as facts.yaml, the log and team."""
    for name in ("log.csv", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    shutil.copy(PROJECT / facts, folder / "facts.yaml")
    return folder / "facts.yaml"


def note(cli: Cli, folder: Path, kind: str, director: str, *options: str) -> str:
    """The text of ``director``'s ``kind`` of note, with the team sheet, as the lead made it."""
    facts = project(folder)
    out = folder / "out"
    result = cli(
        kind, str(facts), "--directors", str(folder / "team.xlsx"), "-d", director,
        "-o", f"{out}/", *options,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def test_welsh_says_not_counted_twice_and_the_price_per_admission(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "brief", "dof", "--locale", "cy_GB")
    # "Heb ei gyfrif eto" read as "not counted yet": the bed days are counted within admissions.
    assert "Heb ei gyfrif ddwywaith: 1,000 diwrnod gwely yn llai y mis" in text
    assert "Heb ei gyfrif eto" not in text
    assert "£2,150 am bob derbyniad" in text
    assert "yr un (derbyniad)" not in text
    assert "dim ond yn troi'n arian pan fydd tua 35.7 o welyau'n cau" in text
    assert "ar gyfradd defnydd o 92%" in text


def test_a_welsh_update_asks_of_you_as_welsh_says_it(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "update", "coo", "--locale", "cy_GB", "--period", "2026-11")
    assert "Beth rydym yn ei ofyn i chi" in text
    assert "ofyn gennych" not in text


def test_english_says_not_counted_again(cli: Cli, tmp_path: Path) -> None:
    text = note(cli, tmp_path, "brief", "dof")
    assert "Not counted again: 1,000 fewer bed days a month" in text
    assert "£2,150 per admission" in text
