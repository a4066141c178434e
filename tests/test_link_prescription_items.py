"""Items prescribed in general practice are paid for from the prescribing budget.

The recall pass (docs/linking-evaluation.md, "The recall pass (branch
linkrecall33)"): the measure map's `prescription-items` concept (NHSBSA ePACT2
counts primary care prescribing as items and their cost) is counted inside drug
spend, and an ICB's prescribing QIPP names drug spend. So items prescribed by GPs
are claimed for the prescribing QIPP through the map, while the `whose budget`
family keeps them from a trust's cost improvement programme (GP prescribing is
paid from the ICB's allocation), and an objective on how items are sent (EPS,
electronic repeat dispensing) is not claimed for how many there are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.recast.measures import concepts_in, qualifiers

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"

IMPACTS = [
    {"id": "macrogol", "measure": "Branded macrogol items prescribed by GPs to children",
     "unit": "items a year", "baseline": 9000, "target": 3000},
]  # fmt: skip
OBJECTIVES = [
    {"id": "qipp", "text": "Deliver the £9m prescribing QIPP, tracked in ePACT2"},
    {"id": "cip", "text": "Deliver the £22m CIP"},
    {"id": "erd", "text": "eRD: 30% of repeat items by March 2027"},
]


def project(tmp_path: Path) -> Path:
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"].extend(IMPACTS)
    facts["directors"].append(
        {"id": "dx", "name": "Ann Lee", "role": "Director of Finance", "objectives": OBJECTIVES}
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


def test_the_map_reads_items_and_the_prescribing_qipp() -> None:
    assert concepts_in("Repeat items dispensed in primary care") == ("prescription-items",)
    assert "prescription-items" in concepts_in("Continence pad prescriptions issued by GPs")
    assert concepts_in("Deliver the £6.2m prescribing QIPP") == ("drug-spend",)
    assert "repeat-dispensing" in concepts_in("eRD: 30% of repeat items by March 2027")
    assert qualifiers("Wound dressing items prescribed on FP10")["whose budget"] == {"ICB"}
    assert qualifiers("Hospital drugs spend within plan")["whose budget"] == {"trust"}


def test_directors_claims_items_for_the_qipp_and_not_for_the_trust_cip(tmp_path: Path) -> None:
    links = listed(project(tmp_path))
    claimed = links[("macrogol", "qipp")]
    assert claimed["confidence"] in {"explicit", "confident"}
    assert claimed["chain"] == ["prescription items", "drug spend"]
    assert "prescribing budget" in claimed["explanation"]
    assert links.get(("macrogol", "cip"), {}).get("confidence") not in {"explicit", "confident"}
    assert links.get(("macrogol", "erd"), {}).get("confidence") not in {"explicit", "confident"}
    welsh = listed(project(tmp_path), locale="cy")[("macrogol", "qipp")]
    assert "gyllideb ragnodi" in welsh["explanation"]
