"""newuser11's community nail surgery project, with impacts added for the money tests."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
POD, TEAM = DATA / "newuser11" / "pod" / "facts.yaml", DATA / "newuser11" / "pod" / "team.xlsx"

#: 100 fewer agency podiatrist shifts a year at £150: £15,000 a year of the trust's own cash.
AGENCY = """  - id: agency-shifts
    measure: Agency podiatrist shifts
    unit: shifts
    per: year
    baseline: 200
    target: 100
    value: {amount: 150, currency: GBP, source: Trust agency invoices 2026/27, price_year: 2026/27}
    releases: cash
    supports: [dof.balance-budget]
"""


def pod_with(tmp: Path, *impacts: str) -> Path:
    """The nail surgery's facts with ``impacts`` (YAML list items) first among its impacts."""
    text = POD.read_text(encoding="utf-8")
    assert "\nimpacts:\n" in text
    path = tmp / "facts.yaml"
    path.write_text(
        text.replace("\nimpacts:\n", "\nimpacts:\n" + "".join(impacts), 1), encoding="utf-8"
    )
    return path
