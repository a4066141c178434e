"""fixcip28: out-of-area cash the lead linked to the £9.5m CIP is counted towards it.

tests/data/fixnew35 links out-of-area bed days (the trust's own cash) to the finance
director's cost improvement programme with ``supports:``. Agency shifts, the CIP's other
measure, show no change yet; that must not take the out-of-area cash off the CIP, as it did
once an update credited only objectives whose other measures moved (fixnu37, reader28 #1).
The lead's files are run through the real command and the documents read back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "fixnew35"

CIP = "deliver the £9.5m cost improvement programme for 2026/27"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def note(folder: Path, *args: str) -> str:
    """The text of the one document a command writes to a new folder in ``folder``."""
    out = folder / f"out{len(list(folder.glob('out*')))}"
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    result = CliRunner().invoke(
        app, [*args, facts, "--directors", team, "-d", "dof", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output + result.stderr
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def test_the_update_counts_out_of_area_cash_towards_the_cip(project: Path) -> None:
    text = note(project, "update", "--period", "2026-11", "--today", "2026-12-06")
    # The delivered table: the out-of-area row is set against the CIP too, with its share.
    # Each objective once down the column (fixnu40, newuser40 #2): the bed days ready for
    # discharge, toward the £2m budget alone, come first and name it; the out-of-area row
    # names the CIP and points to the budget above (pinsD re-pin, checked by hand).
    assert (
        "Bring out-of-area placement spend within the £2m budget | Bed days of adult acute "
        "inpatients clinically ready for discharge: 346 bed days fewer" in text
    )
    assert (
        "Deliver the £9.5m cost improvement programme for 2026/27, and the objective above | "
        "Inappropriate out-of-area placement bed days, adult acute: 1,142 bed days fewer" in text
    )
    row = text[text.index("and the objective above | Inappropriate") :]
    assert "£399,000 net of the extra spend so far (4.2% of your £9.5m target)" in row[:400]
    # Agency shifts keep their own row, saying they have not moved.
    assert "so none of the £842,000 a year in the plan is forecast" in text
    board = text[text.index("For your board report") :]
    assert (
        "contributing to our objectives to bring out-of-area placement spend within the £2m "
        f"budget and {CIP}." in board
    )


def test_the_brief_counts_out_of_area_cash_towards_the_cip(project: Path) -> None:
    text = note(project, "brief", "--today", "2026-12-07")
    cip = text[text.index("Deliver the £9.5m cost improvement programme for 2026/27:") :]
    cip = cip[: cip.index("The problem, as the organisation sees it")]
    # fixbrief29 (reader28 #13): the out-of-area cash so far leads the CIP bullet
    # (1,142 bed days x £2,418,000 / 3,800 = £726,700, shown £727,000).
    # fixread30 (reader30 #2): net of the extra spend, as the update's row gives it.
    assert (
        "Deliver the £9.5m cost improvement programme for 2026/27: £399,000 (4.2%) so far, net "
        "of the extra spend: £727,000 from inappropriate out-of-area placement bed days, adult "
        "acute (above), less £328,000." in cip
    )
