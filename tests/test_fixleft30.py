"""fixleft30: what session 30's fixers left undone.

1. A concern the lead's confirmed link serves is listed under "Your concerns it
   addresses" (newuser39: the operations director's "Pathway of care delays").
2. In a batch, a director with an ask written ``for:`` them is asked to sponsor
   only when the ranking puts them first or the meeting is with them.
3. "the benefit delivered and forecast" only when some benefit is delivered.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data"
NU39 = DATA / "newuser39"
TODAY = "2026-12-07"


def run(*args: str, code: int = 0) -> str:
    """What ``pitchkit`` prints, both streams together, on one line."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return " ".join(result.output.split())


def document_text(path: Path) -> str:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(p.text for p in document.paragraphs).split())


# --- 1: a concern named by an objective the lead linked ----------------------------------


def test_a_concern_the_confirmed_objective_names_is_listed(tmp_path: Path) -> None:
    # Andrew Carruthers's concerns (team.xlsx): "Pathway of care delays; Escalation beds
    # open in winter". The lead linked the bed days to his objective "Reduce pathway of
    # care delays to under 250 …": the map has no chain to the concern, the lead's link does.
    out = tmp_path / "doo.docx"
    run(
        "brief", str(NU39 / "facts.yaml"), "--directors", str(NU39 / "team.xlsx"),
        "-d", "doo", "--out", str(out), "--today", TODAY,
    )  # fmt: skip
    text = document_text(out)
    assert "Your concerns it addresses: Pathway of care delays." in text
    # The map's chain to escalation beds runs through a likely cause, and no objective the
    # lead linked names them: still not claimed.
    assert "scalation beds open in winter" not in text
