"""An objective's id leaves out an English possessive, and the former id still works.

"Deliver the ICB's £40m efficiency plan" was ``icbs-efficiency``; it is now
``icb-efficiency`` (newuser17 #8). A facts file whose ``supports:`` names the former
id (tests/data/newuser17/icb.yaml: ``cfo.icbs-efficiency``) still links, as a team
file's former ids do.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from pitchkit.facts.directors import objective_id

DATA = Path(__file__).resolve().parent / "data" / "newuser17"


def test_possessive_left_out() -> None:
    assert objective_id("Deliver the ICB's £40m efficiency plan") == "icb-efficiency"
    assert objective_id("Deliver the ICB’s £40m efficiency plan") == "icb-efficiency"
    assert objective_id("Meet the board's SHMI target") == "shmi"


def test_former_id_in_facts_still_links(cli: Callable[..., Result]) -> None:
    result = cli("directors", str(DATA / "icb.yaml"))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "cfo.icb-efficiency: Deliver the ICB's £40m efficiency plan (served)" in text
    assert "inhaler-items-unconfirmed → icb-efficiency: explicit link in supports" in text
    assert "icbs" not in text
