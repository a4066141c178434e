"""What newuser27 found in the money of a mental health trust's notes.

newuser27's PICU flow project (``tests/data/fixnew27``: £185,000 from July
2026, a progress log with no figure for September 2026, its team in a CSV)
wrote every director's note beside the log. Each test runs the command line
as the lead did and reads back the document's text.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew27"
TODAY = dt.date(2026, 12, 6)
DIRECTORS = ("dof", "coo", "ceo", "dnq", "md", "dpw")


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command writes on 6 December 2026, the day newuser27 ran the trial."""
    pin_today(monkeypatch, TODAY)


def project(folder: Path, facts: str = "facts.yaml") -> Path:
    for name in (facts, "log.xlsx", "log-oct.xlsx", "team.csv"):
        shutil.copy(PROJECT / name, folder / name)
    return folder / facts


def brief(cli: Cli, folder: Path, director: str, *extra: str, facts: str = "facts.yaml") -> str:
    path = project(folder, facts)
    out = folder / f"{director}.docx"
    result = cli(
        "brief", str(path), "-d", director, "--directors", str(folder / "team.csv"),
        "-o", str(out), "--force", *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def paybacks(text: str) -> list[int]:
    """Every payback in months a note gives."""
    pattern = r"[Pp]ayback (?:in |from the cash alone: |counting [^:]*: )?(\d+) month"
    found = re.findall(pattern, text)
    return [int(n) for n in found]


def test_every_note_gives_one_payback_a_missing_month_adding_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    # By the log (no figure for September): cash back by the end of August £154,939
    # (42.5 + 85 fewer bed days at £1,180.12 and 10 + 30 fewer shifts at £220.63 ...),
    # nothing in September, £356,483 by the end of October: repaid in October, the 4th
    # month from July, with or without capacity (£178,528 by August with it). It had read
    # "payback 3 months" and "Payback from the cash alone: 2 months" in the finance
    # director's note, October's money spread back over September and the trust's own
    # cash spread evenly over the year.
    dof = brief(cli, tmp_path, "dof")
    assert "payback 4 months on the benefit delivered and forecast" in dof
    assert "Payback from the cash alone: 4 months." in dof
    for director in DIRECTORS[1:]:
        text = brief(cli, tmp_path, director)
        assert paybacks(text) == [4, 4], (director, text)
        assert "payback in 4 months from the cash alone" in text
        assert "Payback counting capacity as if it were cash: 4 months." in text


def test_the_payback_in_welsh_is_the_same_month(cli: Cli, tmp_path: Path) -> None:
    dof = brief(cli, tmp_path, "dof", "--locale", "cy_GB")
    assert "ad-dalu mewn 4 mis ar sail y budd a gyflawnwyd ac a ragwelir" in dof
    assert "Ad-dalu o'r arian parod yn unig: 4 mis." in dof
    coo = brief(cli, tmp_path, "coo", "--locale", "cy_GB")
    assert "(ad-dalu mewn 4 mis o'r arian parod yn unig" in coo
    assert "Ad-dalu gan gyfrif capasiti fel petai'n arian parod: 4 mis." in coo
