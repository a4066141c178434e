"""A role's typical gains fit the director's actual service.

A Director of Nursing and Allied Health Professions sponsoring a community
orthotics service is not offered "closeness to the wards" or "nurse-led
improvement": the project names no ward and no nurse. A neutral gain takes
their place. The same director sponsoring a project on the wards is offered
both. ``check`` suggests the same gains when the case offers none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text

Cli = Callable[..., Result]

ORTHOTICS = """\
project:
  title: Orthotics fitted right first time
  organisation: Example Community Health NHS Trust
  lead: {name: Dan Kowalski, role: Orthotics Service Manager}
  problem: A third of orthotic devices need a second fitting, and older patients fall.
  change: 3D foot scanning at the first appointment, fitted at one visit by an orthotist.
  start: 2026-04-01
  end: 2027-03-31
impacts:
  - id: falls
    measure: Falls with harm in older people using orthotic devices
    unit: falls
    per: year
    baseline: 30
    target: 20
    supports: [dnahp.harm]
asks:
  - Sponsor the business case to make the scanning service permanent
directors:
  - id: dnahp
    name: Grace Obi
    role: Director of Nursing and Allied Health Professions
    objectives:
      - id: harm
        text: Reduce avoidable harm from falls
"""

#: The same project, run by nurses on the wards.
WARDS = ORTHOTICS.replace("by an orthotist", "by a nurse on each ward").replace(
    "using orthotic devices", "on our wards"
)


def gains_shown(cli: Cli, tmp_path: Path, facts: str, *options: str) -> list[str]:
    """The lines under "What is in it for you" (Welsh: "Sut y byddwch chi'n elwa")."""
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    result = cli("brief", str(path), "-d", "dnahp", "-o", f"{tmp_path}/out/", "-q", *options)
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "out").glob("*.docx")
    lines = [line for line in docx_text(written).splitlines() if line.strip()]
    heading = next(
        n for n, line in enumerate(lines) if line.startswith(("What is in", "Sut y byddwch"))
    )
    end = next(
        n for n, line in enumerate(lines) if n > heading and line.startswith(("Funding", "Cyllid"))
    )
    return lines[heading + 1 : end]


def test_a_community_service_is_not_offered_the_wards(cli: Cli, tmp_path: Path) -> None:
    shown = gains_shown(cli, tmp_path, ORTHOTICS)
    assert shown == [
        "Assurance on harm-free care for the quality committee",
        "A visible improvement to report to the board",
        "Closeness to the front line",
    ], shown


def test_a_project_on_the_wards_is(cli: Cli, tmp_path: Path) -> None:
    shown = gains_shown(cli, tmp_path, WARDS)
    assert "Closeness to the wards and the people on them" in shown
    assert "A chance to champion nurse-led improvement" in shown


@pytest.mark.parametrize(("facts", "wards"), [(ORTHOTICS, False), (WARDS, True)])
def test_a_welsh_note_chooses_the_same_gains(
    cli: Cli, tmp_path: Path, facts: str, wards: bool
) -> None:
    shown = gains_shown(cli, tmp_path, facts, "--locale", "cy_GB")
    assert ("Agosrwydd at y wardiau a'r bobl arnynt" in shown) is wards, shown
    assert ("Agosrwydd at y rheng flaen" in shown) is not wards, shown


def test_check_suggests_only_gains_that_fit(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(ORTHOTICS, encoding="utf-8")
    result = cli("check", str(path), "-d", "dnahp")
    [fix] = [line for line in result.stdout.splitlines() if "For this director, perhaps" in line]
    assert "assurance on harm-free care for the quality committee" in fix
    assert "wards" not in fix
    assert "nurse-led" not in fix
