"""The same money reads the same in every note of a project (newuser3 C4).

The medical director's note said the fall in hospital-acquired thrombosis
was "worth £96,600 a year in capacity" where the finance and operations
directors' notes gave the same money as "£97,000 a year". A note's gains
now round money as its money block does: to the nearest £1,000 from
£10,000, else to the pound.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app

FACTS: dict[str, Any] = {
    "project": {
        "title": "VTE risk assessment right first time",
        "organisation": "Westbrook Hospitals NHS Foundation Trust",
        "lead": {"name": "Dr Priya Raman", "role": "Thrombosis Lead"},
        "problem": "61 hospital-acquired thrombosis events last year, 9 of them fatal.",
        "change": "An electronic prompt at the post-take ward round.",
        "start": "2027-02-01",
        "end": "2028-01-31",
        "funding": {"amount": 68000, "currency": "GBP", "source": "Charitable funds"},
    },
    "impacts": [
        {
            "id": "hat",
            "measure": "Hospital-acquired thrombosis events",
            "unit": "events",
            "per": "year",
            "baseline": 61,
            "target": 40,
            "value": {"amount": 4600, "source": "Cost of one HAT", "price_year": "2026/27"},
            "supports": ["md.harm", "coo.beds"],
        }
    ],
    "asks": ["Champion the prompt at the Clinical Governance Committee"],
    "directors": [
        {
            "id": "md",
            "name": "Dr Helen Marsh",
            "role": "Medical Director",
            "objectives": [{"id": "harm", "text": "Learn from every avoidable death"}],
        },
        {
            "id": "dof",
            "name": "Mark Oduya",
            "role": "Director of Finance",
            "objectives": [{"id": "cip", "text": "Deliver the £18m cost improvement programme"}],
        },
        {
            "id": "coo",
            "name": "Sarah Linton",
            "role": "Chief Operating Officer",
            "objectives": [{"id": "beds", "text": "Bring bed occupancy below 92%"}],
        },
    ],
}


def _brief(tmp_path: Path, director: str) -> str:
    facts = tmp_path / "facts.yaml"
    if not facts.exists():
        with facts.open("w", encoding="utf-8") as out:
            YAML().dump(FACTS, out)
    out = tmp_path / f"brief-{director}.docx"
    result = CliRunner().invoke(app, ["brief", str(facts), "-d", director, "-o", str(out), "-f"])
    assert result.exit_code == 0, result.output
    return docx_text(out)


def test_the_same_money_is_rounded_once_across_the_notes(tmp_path: Path) -> None:
    # 21 fewer events a year at £4,600 each: £96,600 a year. The finance director's money
    # block rounds it to £1,000 so that its figures add up; the other notes' gains agree.
    notes = {d: _brief(tmp_path, d) for d in ("md", "dof", "coo")}
    assert "worth £97,000 a year in capacity" in notes["md"]
    assert "worth £97,000 a year in capacity" in notes["coo"]
    assert "Capacity: £97,000 a year (21 fewer events a year)" in notes["dof"], notes["dof"]
    for director, text in notes.items():
        assert "£96,600" not in text, director
