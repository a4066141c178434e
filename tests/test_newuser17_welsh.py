"""Welsh: "a" (and) mutates a month after it, and an A&E attendance is "presenoldeb".

newuser17 #6, the community tube feeding service (tests/data/newuser17/cy.yaml, a
monthly log to November 2026): the Q4 update's warning read "ffigurau ar gyfer Hydref
2026 a Tachwedd 2026"; after "a" Tachwedd takes the aspirate mutation, "a Thachwedd".
Its ED attendances for dislodged tubes read "35 ymweliad y mis": "ymweliad" is a
visit, and an attendance is "presenoldeb".
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import language

DATA = Path(__file__).resolve().parent / "data" / "newuser17"


def test_and_mutates_a_month() -> None:
    cy = language("cy")
    assert fmt.join_list(["Hydref 2026", "Tachwedd 2026"], cy) == "Hydref 2026 a Thachwedd 2026"
    assert fmt.join_list(["Ionawr 2027", "Chwefror 2027"], cy) == "Ionawr 2027 a Chwefror 2027"
    assert fmt.join_list(["gostyngiad", "cynnydd"], cy) == "gostyngiad a chynnydd"


def test_quarter_warning_and_attendances(cli: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "q4.docx"
    args = ["--directors", str(DATA / "team.xlsx"), "--locale", "cy_GB"]
    result = cli(
        "update", str(DATA / "cy.yaml"), "-d", "dof", "--period", "2026-Q4", "-o", str(out), *args
    )
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Hydref 2026 a Thachwedd 2026" in said
    assert "a Tachwedd" not in said
    month = tmp_path / "nov.docx"
    result = cli(
        "update", str(DATA / "cy.yaml"), "-d", "dof", "--period", "2026-11", "-o", str(month), *args
    )
    assert result.exit_code == 0, result.output
    text = docx_text(month)
    assert "35 presenoldeb y mis" in text
    assert "ymweliad" not in text
