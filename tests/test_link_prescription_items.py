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

from pathlib import Path

from linkcases import links_listed, project_with_all
from pitchkit.recast.measures import concepts_in, qualifiers

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
    return project_with_all(tmp_path, IMPACTS, OBJECTIVES, role="Director of Finance")


def test_the_map_reads_items_and_the_prescribing_qipp() -> None:
    assert concepts_in("Repeat items dispensed in primary care") == ("prescription-items",)
    assert "prescription-items" in concepts_in("Continence pad prescriptions issued by GPs")
    assert concepts_in("Deliver the £6.2m prescribing QIPP") == ("drug-spend",)
    assert "repeat-dispensing" in concepts_in("eRD: 30% of repeat items by March 2027")
    assert qualifiers("Wound dressing items prescribed on FP10")["whose budget"] == {"ICB"}
    assert qualifiers("Hospital drugs spend within plan")["whose budget"] == {"trust"}


def test_directors_claims_items_for_the_qipp_and_not_for_the_trust_cip(tmp_path: Path) -> None:
    links = links_listed(project(tmp_path))
    claimed = links[("macrogol", "qipp")]
    assert claimed["confidence"] in {"explicit", "confident"}
    assert claimed["chain"] == ["prescription items", "drug spend"]
    assert "prescribing budget" in claimed["explanation"]
    assert links.get(("macrogol", "cip"), {}).get("confidence") not in {"explicit", "confident"}
    assert links.get(("macrogol", "erd"), {}).get("confidence") not in {"explicit", "confident"}
    welsh = links_listed(project(tmp_path), locale="cy")[("macrogol", "qipp")]
    assert "gyllideb ragnodi" in welsh["explanation"]
