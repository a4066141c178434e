"""``pitchkit check`` exits 0 with findings, even an error, unless ``--strict``; its help says so.

design.md keeps exit code 1 for bad input and refused writes. A finding
is the guide's advice on a facts file that could be read, so it does not
fail the command; ``--strict`` makes any warning or error fail it, for
scripts. ``check --help`` and docs/each-director.md say this.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Run = Callable[..., Result]


def unaligned_facts(tmp_path: Path) -> Path:
    """A project none of whose impacts serves the finance director's one objective."""
    facts = {
        "project": {
            "title": "Falls sensors",
            "organisation": "Example NHS Foundation Trust",
            "problem": "Patients fall at night on the older people's wards.",
            "change": "Bed sensors that alert the nurse in charge.",
        },
        "impacts": [
            {
                "id": "falls",
                "measure": "Inpatient falls",
                "unit": "falls",
                "per": "year",
                "baseline": 300,
                "target": 240,
            }
        ],
        "directors": [
            {
                "id": "dof",
                "name": "Gareth Pryce",
                "role": "Director of Finance",
                "objectives": [{"id": "estate", "text": "Sell the surplus estate at Northgate"}],
            }
        ],
    }
    path = tmp_path / "facts.yaml"
    path.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return path


def test_an_error_finding_is_advice_so_check_exits_0_and_strict_exits_1(
    cli: Run, tmp_path: Path
) -> None:
    path = unaligned_facts(tmp_path)
    relaxed = cli("check", str(path), "-d", "dof")
    strict = cli("check", str(path), "-d", "dof", "--strict")
    as_json = cli("check", str(path), "-d", "dof", "--json")

    assert relaxed.exit_code == 0, relaxed.stderr
    assert "Errors (1)" in relaxed.stdout
    assert "director-unaligned" in relaxed.stdout
    assert strict.exit_code == 1
    assert strict.stdout == relaxed.stdout
    assert as_json.exit_code == 0
    severities = [f["severity"] for f in json.loads(as_json.stdout)["findings"]]
    assert "error" in severities


def test_check_help_says_an_error_finding_still_exits_0(cli: Run) -> None:
    shown = " ".join(cli("check", "--help").stdout.split())

    assert "even an error finding exits 0" in shown
    assert "with --strict any warning or error exits 1" in shown
