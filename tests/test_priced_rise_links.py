"""A rise the change pays for (``releases: cost``) is its price, not a benefit: it is
never offered to a flow or quality objective through the map (newuser19 #2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from pitchkit.cli import app

DATA = Path(__file__).parent / "data" / "fixnew19"


def _before_link(tmp_path: Path) -> Path:
    """newuser19's SSDEC project as it was before ``link``: no supports, no excludes."""
    shutil.copy(DATA / "log.csv", tmp_path / "log.csv")
    lines = (DATA / "ssdec.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(("    supports:", "    excludes:"))]
    path = tmp_path / "a.yaml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def _directors(path: Path) -> str:
    result = CliRunner().invoke(app, ["directors", str(path)])
    assert result.exit_code == 0, result.output
    return result.output


def test_outpatient_scans_the_change_buys_are_not_offered_for_patient_flow(
    tmp_path: Path,
) -> None:
    text = _directors(_before_link(tmp_path))
    assert "outpatient-abdominal-ultrasound → 4-hour-emergency" not in text
    assert "outpatient-abdominal-ultrasound → bed-occupancy" not in text
    # The benefits that do serve flow are still offered, and the admissions claimed.
    assert "emergency-general-surgery → bed-occupancy: measure map" in text
    assert "surgical-same-day → 4-hour-emergency: possible" in text


def test_a_priced_rise_the_lead_declares_for_flow_still_stands(tmp_path: Path) -> None:
    path = _before_link(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "    releases: cost\n", "    releases: cost\n    supports: [coo.bed-occupancy]\n"
    )
    path.write_text(text, encoding="utf-8")
    assert "outpatient-abdominal-ultrasound → bed-occupancy: explicit" in _directors(path)


def test_a_count_marked_cost_that_falls_is_a_saving_and_keeps_its_links(tmp_path: Path) -> None:
    # Fewer admissions paid for is cash saved, not the change's price: the map's links stay
    # as they are with no `releases:` at all. (The outpatient scans this test used to turn
    # round are now read as diagnostic tests done, which serve none of this team's
    # objectives.)
    path = _before_link(tmp_path)
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: emergency-general-surgery")
    block = text[start : text.index("  - id: agency-surgical-registrar")]
    assert "    releases: capacity\n" in block
    path.write_text(text.replace(block, block.replace("releases: capacity", "releases: cost")))
    marked = [
        line for line in _directors(path).splitlines() if "emergency-general-surgery →" in line
    ]
    path.write_text(text.replace(block, block.replace("    releases: capacity\n", "")))
    plain = [
        line for line in _directors(path).splitlines() if "emergency-general-surgery →" in line
    ]
    occupancy = "emergency-general-surgery → bed-occupancy: measure map"
    assert any(occupancy in line for line in plain), plain
    assert any(occupancy in line for line in marked), marked
