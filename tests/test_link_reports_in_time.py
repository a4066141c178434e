"""An objective on reports made within a deadline times the reports, not the events.

The thirteenth pass (docs/linking-evaluation.md, "The thirteenth pass (branch
linkpass31)"): "100% of RIDDOR reports made within the statutory deadline" counts how
soon each report is made. Fewer sharps injuries do not make the rest reported sooner, so
the same-concept claim is offered as possible (the ``handled`` doubt), as it was already
for complaints answered or referrals triaged within a time; an objective counting the
injuries stays claimed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.recast.quantity import handled

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"

IMPACTS = [
    {"id": "sharps", "measure": "Needlestick and sharps injuries reported by staff",
     "unit": "count", "baseline": 400, "target": 250},
]  # fmt: skip
OBJECTIVES = [
    {"id": "riddor", "text": "100% of RIDDOR reports made within the statutory deadline"},
    {"id": "injuries", "text": "Staff injuries at work down 20%"},
]


def project(tmp_path: Path) -> Path:
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"].extend(IMPACTS)
    facts["directors"].append(
        {"id": "dx", "name": "Ann Lee", "role": "Director of People", "objectives": OBJECTIVES}
    )
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    return path


def listed(path: Path, locale: str | None = None) -> dict[tuple[str, str], Any]:
    args = ["directors", str(path), "--json"] + (["--locale", locale] if locale else [])
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "dx")
    return {(item["impact"], item["objective"]): item for item in place["links"]}


def test_reports_made_or_submitted_within_a_time_are_handled_in_time() -> None:
    assert handled("100% of RIDDOR reports made within the statutory deadline")
    assert handled("Incident reports submitted within 48 hours for 95%")
    assert not handled("Staff injuries at work down 20%")


def test_directors_offers_the_reports_claim_and_keeps_the_injuries_one(tmp_path: Path) -> None:
    links = listed(project(tmp_path))
    held = links[("sharps", "riddor")]
    assert held["confidence"] == "possible"
    assert held["doubt"] == "handled"
    assert "how soon each one is answered or dealt with" in held["explanation"]
    assert links[("sharps", "injuries")]["confidence"] in {"explicit", "confident"}
    welsh = listed(project(tmp_path), locale="cy")[("sharps", "riddor")]
    assert welsh["confidence"] == "possible"
    assert welsh["explanation"] != held["explanation"]
