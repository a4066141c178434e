"""Two readings from recall pass 36 (docs/linking-evaluation.md, "Recall pass 36").

"Clinically ready for discharge" is the 2025/26 UEC plan's name for patients with
no criteria to reside, so it is read as delayed discharge. Patients moved to
patient-initiated follow-up (PIFU) are routine follow-ups not booked, so the edge
from PIFU to outpatient follow-ups is a part edge, and the link is claimed.
"""

from __future__ import annotations

from pathlib import Path

from linkcases import directors_links
from pitchkit.recast.measures import concepts_in


def test_clinically_ready_for_discharge_is_a_delayed_discharge() -> None:
    assert "delayed-discharge" in concepts_in(
        "Under 8% of beds held by people clinically ready for discharge by winter 2027"
    )
    assert "delayed-discharge" in concepts_in("CRFD patients in community beds at midnight")


def test_directors_claims_pifu_for_the_follow_up_aim(tmp_path: Path) -> None:
    impact = {
        "id": "pifu",
        "measure": "Psoriasis patients moved to patient-initiated follow-up at review",
        "unit": "patients a quarter",
        "baseline": 40,
        "target": 220,
    }
    links = directors_links(
        tmp_path,
        impact,
        "Follow-up attendances 25% below 2019/20 by March 2028",
        role="Chief Operating Officer",
    )
    found = links[("pifu", "target")]
    assert found["confidence"] in {"explicit", "confident"}
    assert "PIFU" in found["explanation"]
    assert "outpatient follow-ups" in found["explanation"]
