"""The links a new user expected and never saw (newuser8, issue 14 items 2 and 3).

* A section 136 detention is a measure, not only the area of care: "Section
  136 detentions" against "Reduce use of section 136" is claimed.
* The map's missing names and edges: a return appointment is a follow-up;
  mental health patients waiting in the emergency department, written as
  objectives write it; attendances in mental health crisis; police time and
  Right Care, Right Person; a diagnosis at the first visit and the Faster
  Diagnosis Standard; anxiety reported by patients and patient experience;
  cardiac rehabilitation and deaths after a heart attack.
* A topic-only reason says what held the link back, with no examples that
  do not fit.

See docs/linking-evaluation.md, "The new-user misses, session 13".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from linkcases import linked
from pitchkit.advice.ranking import link_reason
from pitchkit.cli import app
from pitchkit.i18n.translation import language

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


def directors_links(tmp_path: Path, impacts: list[dict[str, Any]], objectives: list[str]) -> Any:
    """``directors --json`` on the sepsis example with these impacts and one more director."""
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"] = impacts
    facts["directors"].append(
        {"id": "new", "name": "Ann Lee", "role": "Chief Operating Officer",
         "objectives": [{"id": f"o{n}", "text": text} for n, text in enumerate(objectives)]}
    )  # fmt: skip
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "new")
    return {(item["impact"], item["objective"]): item for item in place["links"]}


def test_section_136_detentions_are_claimed_for_use_of_section_136(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        [
            {
                "id": "s136",
                "measure": "Section 136 detentions",
                "unit": "detentions",
                "baseline": 600,
                "target": 420,
            }
        ],
        ["Reduce use of section 136 and restrictive practice"],
    )
    found = links[("s136", "o0")]
    assert found["confidence"] == "confident"
    assert found["doubt"] is None


def test_section_136_named_only_as_the_area_stays_possible_with_the_reason() -> None:
    found = linked(
        "Hours the health-based place of safety is closed",
        "Reduce use of section 136 and restrictive practice",
        unit="hours",
    )
    assert found is not None
    assert found.confidence == "possible"
    assert found.mismatch == "topic"
    english = link_reason(found, language("en"), director_id="md")
    assert "names it only as the area of care or work it belongs to" in english
    assert "procurement" not in english


@pytest.mark.parametrize(
    ("measure", "unit", "objective"),
    [
        # A return appointment is a follow-up (same concept, claimed).
        (
            "Return outpatient appointments to give results",
            "appointments",
            "Cut outpatient follow-up appointments by 25% against 2024/25",
        ),
    ],
)
def test_the_same_measure_in_other_words_is_claimed(
    measure: str, unit: str, objective: str
) -> None:
    found = linked(measure, objective, unit=unit)
    assert found is not None
    assert found.confidence == "confident"


@pytest.mark.parametrize(
    ("measure", "unit", "objective"),
    [
        (
            "Emergency department attendances by people in mental health crisis brought by police",
            "attendances",
            "Cut waits in the emergency department for mental health patients over 12 hours",
        ),
        (
            "Police officer hours spent waiting with patients in the emergency department",
            "hours",
            "Work with police partners on Right Care Right Person",
        ),
        (
            "Women given a diagnosis at their first visit",
            "%",
            "Meet the 28-day Faster Diagnosis Standard of 80% by March 2027",
        ),
        (
            "Women reporting high anxiety while waiting for results",
            "%",
            "Reach the top quartile in the National Cancer Patient Experience Survey",
        ),
        (
            "Eligible patients who start cardiac rehabilitation",
            "%",
            "Reduce avoidable deaths after heart attack",
        ),
    ],
)
def test_the_map_now_reaches_these_objectives(measure: str, unit: str, objective: str) -> None:
    found = linked(measure, objective, unit=unit)
    assert found is not None
    assert found.chain is not None  # through the map, not shared words


def test_directors_lists_the_new_user_links(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        [
            {
                "id": "returns",
                "measure": "Return outpatient appointments to give results",
                "unit": "appointments",
                "baseline": 3600,
                "target": 600,
            },
            {
                "id": "police",
                "measure": "Police officer hours spent waiting with patients "
                "in the emergency department",
                "unit": "hours",
                "baseline": 900,
                "target": 400,
            },
        ],
        [
            "Cut outpatient follow-up appointments by 25% against 2024/25",
            "Work with police partners on Right Care Right Person",
        ],
    )
    assert links[("returns", "o0")]["confidence"] == "confident"
    assert links[("police", "o1")]["confidence"] == "possible"
    assert "Right Care, Right Person" in links[("police", "o1")]["explanation"]


def test_a_twelve_hour_wait_of_a_mental_health_presentation_is_not_an_attendance() -> None:
    # blind9: read as an attendance, it was claimed for "25% fewer ED attendances by our
    # 200 most frequent attenders" (wrong), so "mental health presentations" is no name.
    found = linked(
        "Patients with a mental health presentation in ED more than 12 hours from arrival",
        "High intensity use service: 25% fewer ED attendances by our 200 most frequent attenders",
        unit="patients",
    )
    assert found is None or not found.claimed
