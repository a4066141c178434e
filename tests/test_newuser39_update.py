"""newuser39 #11: the November update's objectives row and its unit costs, as the finance director
reads them.

- The agency shifts were confirmed for three of the finance director's objectives; the row
  names two, and named the deficit and the savings plan (two steps away) rather than "Reduce
  agency spend to 3.3% of the pay bill" (one step), which the brief had left out for space.
- "Unit costs used" sat between the objectives table and "Money so far and forecast": it now
  follows the money it prices.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser39"


def test_the_november_update_names_agency_spend_and_prices_its_money_below_it(
    tmp_path: Path,
) -> None:
    for name in ("facts.yaml", "team.xlsx", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "update", str(tmp_path / "facts.yaml"), "--directors", str(tmp_path / "team.xlsx"),
            "-d", "dof", "--period", "2026-11", "--today", "2026-12-07", "--out", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    lines = document_text(written.read_bytes()).splitlines()
    # The row of the agency shifts names agency spend. After fixnu39a (the IMTP line no longer
    # reads as the deficit) the row's objectives are the savings plan and agency spend (session
    # 30); since fixread31a #2 the nearest, agency spend (one step), leads.
    objectives = (
        "Reduce agency spend to 3.3% of the pay bill; deliver the £32m savings plan in 2026/27"
    )
    [row] = [line for line in lines if line.startswith(f"{objectives} | ")]
    assert row.startswith(f"{objectives} | Agency nursing shifts on the stroke wards"), row
    money = lines.index("Money so far and forecast")
    [costs] = [n for n, line in enumerate(lines) if line.startswith("Unit costs used: ")]
    board = lines.index("For your board report")
    assert lines[money + 1].startswith("Benefit against £640,000 of funding")
    assert money + 1 < costs < board
