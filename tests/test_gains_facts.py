"""A typical gain that asserts a fact about the project appears only when the facts say so.

newuser31 #4: an audiology-led ear care service offered its Director of
Nursing "a chance to champion nurse-led improvement" (a measure counted
"GP and practice nurse appointments", but no nurse leads or runs the change),
and its COO "a fix that sticks for a known pinch point" when its funding was
agreed for the project's months only. Who leads a change is read from its
title, change and lead's role; that it lasts, from its funding or a change
made permanent. Without them a neutral gain takes the place.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text

Cli = Callable[..., Result]

EAR_CARE = """\
project:
  title: Community ear care service
  organisation: Hywel Dda University Health Board
  lead: {name: Rhian Owen, role: Improvement Lead for Planned Care}
  problem: >-
    ENT patients wait too long, and GP practices book 900 appointments a month for ear problems.
  change: >-
    Audiology-led community ear care clinics, where trained audiology practitioners remove
    earwax by microsuction.
  start: 2026-07-01
  end: 2028-03-31
  funding: {amount: 286000, source: Welsh Government Planned Care programme, status: agreed}
impacts:
  - id: gp-appointments
    measure: GP and practice nurse appointments for ear problems
    unit: appointments
    per: month
    baseline: 900
    target: 600
    supports: [don.access, coo.access]
asks:
  - Back recurrent funding for the clinics in next year's plan
directors:
  - id: don
    name: Mandy Rayani
    role: Executive Director of Nursing and Midwifery
    objectives:
      - id: access
        text: Reduce complaints about access to services
  - id: coo
    name: Andrew Carruthers
    role: Chief Operating Officer
    objectives:
      - id: access
        text: Reduce waits for ear care in primary care
"""

#: The same service, run by practice nurses.
NURSE_LED = EAR_CARE.replace("Audiology-led", "Nurse-led").replace(
    "trained audiology practitioners", "trained practice nurses"
)

#: The same service, funded for good.
RECURRENT = EAR_CARE.replace(
    "source: Welsh Government Planned Care programme",
    "source: recurrent Welsh Government Planned Care allocation",
)

NURSING_GAIN = "A chance to champion nurse-led improvement"
LASTING_GAIN = "A fix that sticks for a known pinch point"


def gains_shown(cli: Cli, tmp_path: Path, facts: str, director: str, *options: str) -> list[str]:
    """The lines under "What is in it for you" (Welsh: "Sut y byddwch chi'n elwa")."""
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    out = tmp_path / f"out-{director}"
    result = cli("brief", str(path), "-d", director, "-o", f"{out}/", "-q", *options)
    assert result.exit_code == 0, result.output
    [written] = out.glob("*.docx")
    lines = [line for line in docx_text(written).splitlines() if line.strip()]
    heading = next(
        n for n, line in enumerate(lines) if line.startswith(("What is in", "Sut y byddwch"))
    )
    end = next(
        n for n, line in enumerate(lines) if n > heading and line.startswith(("Funding", "Cyllid"))
    )
    return lines[heading + 1 : end]


def test_an_audiology_led_service_is_not_called_nurse_led(cli: Cli, tmp_path: Path) -> None:
    shown = gains_shown(cli, tmp_path, EAR_CARE, "don")
    assert NURSING_GAIN not in shown, shown
    assert "A visible improvement to report to the board" in shown, shown  # a neutral one


def test_a_nurse_led_service_keeps_the_nursing_gain(cli: Cli, tmp_path: Path) -> None:
    assert NURSING_GAIN in gains_shown(cli, tmp_path, NURSE_LED, "don")


def test_funding_for_the_project_alone_is_no_lasting_fix(cli: Cli, tmp_path: Path) -> None:
    # The ask for recurrent funding says the money is not recurrent yet.
    shown = gains_shown(cli, tmp_path, EAR_CARE, "coo")
    assert LASTING_GAIN not in shown, shown
    # The neutral gain in its place. Not "A visible improvement to report to the board"
    # beside "Performance data for the board's integrated report": one gain for the board
    # is enough (fixread31 #4).
    assert shown == [
        "Performance data for the board's integrated report",
        "Closeness to the front line",
    ]


def test_recurrent_funding_keeps_the_lasting_fix(cli: Cli, tmp_path: Path) -> None:
    assert LASTING_GAIN in gains_shown(cli, tmp_path, RECURRENT, "coo")


@pytest.mark.parametrize(
    ("facts", "director", "gain"),
    [
        (EAR_CARE, "don", None),
        (NURSE_LED, "don", "Cyfle i hyrwyddo gwelliant dan arweiniad nyrsys"),
        (EAR_CARE, "coo", None),
        (RECURRENT, "coo", "Ateb parhaol i dagfa gyfarwydd"),
    ],
)
def test_a_welsh_note_chooses_the_same_gains(
    cli: Cli, tmp_path: Path, facts: str, director: str, gain: str | None
) -> None:
    shown = gains_shown(cli, tmp_path, facts, director, "--locale", "cy_GB")
    if gain is None:
        assert not any("nyrsys" in line or "parhaol" in line for line in shown), shown
    else:
        assert gain in shown, shown
