"""newuser24 #2: two valued impacts counting the same staff's hours are flagged by check.

An ambulance trust's make-ready project cut down from the trial's facts: crew
time freed (capacity) and overtime hours avoided (cash) are hours of the same
crews; with different staff groups nothing is said.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

FACTS = """\
project:
  title: Make Ready centralised vehicle preparation
  organisation: Northern Counties Ambulance Service NHS Trust
  lead: {{name: Tom Reid, role: Make Ready Programme Manager}}
  problem: Crews spend the start of each shift preparing vehicles.
  change: Make-ready teams at three hubs prepare the vehicles.
  start: 2026-10-01
  end: 2028-09-30
  funding: {{amount: 640000, source: ICB UEC fund}}
impacts:
  - id: crew-time
    measure: {first} time spent preparing vehicles at the start of shift
    unit: hours
    per: month
    baseline: 3100
    target: 700
    value:
      amount: 38.5
      source: "{first_cost} hourly cost, trust ledger 2025/26"
      price_year: 2025/26
    releases: capacity
  - id: overtime
    measure: Overtime hours paid to cover lost unit hours
    unit: hours
    per: month
    baseline: 5200
    target: 3600
    value:
      amount: 52
      source: "{second_cost} overtime hourly rate, payroll 2025/26"
      price_year: 2025/26
    releases: cash
asks: [Be our executive sponsor]
directors:
  - id: dof
    name: Alan Pryce
    role: Director of Finance
    objectives: [Deliver the trust's efficiency programme]
settings: {{locale: en_GB}}
"""


def write(tmp_path: Path, **given: str) -> Path:
    path = tmp_path / "facts.yaml"
    fields = {"first": "Crew", "first_cost": "Paramedic (Band 6)", "second_cost": "Paramedic"}
    fields.update(given)
    path.write_text(FACTS.format(**fields), encoding="utf-8")
    return path


def flat(text: str) -> str:
    return " ".join(text.split())


def test_crew_hours_freed_and_overtime_avoided_are_flagged(cli: Cli, tmp_path: Path) -> None:
    out = flat(cli("check", str(write(tmp_path))).stdout)
    assert (
        "same-staff-time: 'Crew time spent preparing vehicles at the start of shift' and "
        "'Overtime hours paid to cover lost unit hours' both count the time of ambulance "
        "crews, and both are added to the benefit." in out
    )
    assert "'crew-time' is counted as capacity and 'overtime' as cash" in out
    assert "put 'overlaps: [overtime]' on 'crew-time'" in out
    warnings = out.split("Notes (")[0]
    assert "same-staff-time" in warnings


def test_once_said_to_overlap_only_counted_once_is_said(cli: Cli, tmp_path: Path) -> None:
    facts = write(tmp_path)
    text = facts.read_text(encoding="utf-8").replace(
        "    releases: capacity\n", "    releases: capacity\n    overlaps: [overtime]\n"
    )
    facts.write_text(text, encoding="utf-8")
    out = flat(cli("check", str(facts)).stdout)
    assert "same-staff-time" not in out
    assert "Kept 'overtime' in every total and left out 'crew-time'" in out


def test_different_staff_groups_are_not_flagged(cli: Cli, tmp_path: Path) -> None:
    facts = write(
        tmp_path, first="Nurse", first_cost="Band 5 staff nurse", second_cost="Consultant"
    )
    out = flat(cli("check", str(facts)).stdout)
    assert "same-staff-time" not in out


def test_no_staff_named_is_not_flagged(cli: Cli, tmp_path: Path) -> None:
    facts = write(tmp_path, first="Staff", first_cost="Band 6", second_cost="Band 6")
    out = flat(cli("check", str(facts)).stdout)
    assert "same-staff-time" not in out


def test_the_finding_is_in_welsh(cli: Cli, tmp_path: Path) -> None:
    facts = write(tmp_path)
    out = flat(cli("check", str(facts), "--locale", "cy_GB").stdout)
    assert "same-staff-time" in out
    assert "both count the time" not in out
