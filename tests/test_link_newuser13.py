"""The new-user misses of session 16 (newuser13 #7): strokes counted, the FFT, a mental
health trust's beds, and a named framework (docs/linking-evaluation.md, "The new-user
misses, session 16 (branch linknew13)")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from linkcases import directors_links, project_with
from pitchkit.cli import app
from pitchkit.recast.measures import RULES, aimed, measured, setting_of

STROKES = {
    "id": "af-strokes",
    "measure": "Strokes in people with known atrial fibrillation",
    "unit": "strokes",
    "per": "year",
    "baseline": 140,
    "target": 110,
}
ADMISSIONS = {
    "id": "ooh-admissions",
    "measure": "Out-of-hours admissions to adult acute mental health beds",
    "unit": "admissions",
    "per": "month",
    "baseline": 22,
    "target": 12,
}
OCCUPANCY = "Keep adult acute bed occupancy at or below 95%"
MENTAL_HEALTH_TRUST = "Pennine Vale Mental Health NHS Foundation Trust"


def test_strokes_in_the_plural_are_counted_and_the_specialty_is_not() -> None:
    # "Stroke" is a specialty (a generic word); "strokes" are what is counted.
    assert measured("Strokes in people with known atrial fibrillation") == (
        "cardiovascular-events",
    )
    assert "cardiovascular-events" in aimed(
        "Reduce strokes through better detection and treatment of atrial fibrillation"
    )
    assert "cardiovascular-events" not in measured("Stroke patients discharged home")
    assert "cardiovascular-events" not in aimed("Improve stroke care")
    # A generic word the map names in the singular is still found so.
    assert aimed("Improve patient experience of crisis services") == ("patient-experience",)


def test_strokes_are_claimed_for_an_objective_that_counts_strokes(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        STROKES,
        "Reduce strokes through better detection and treatment of atrial fibrillation "
        "and hypertension",
        role="Chief Medical Officer",
    )
    found = links[("af-strokes", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["strokes and heart attacks"]
    assert "area of care" not in found["explanation"]


def test_the_friends_and_family_test_is_counted_in_patient_experience(tmp_path: Path) -> None:
    links = directors_links(
        tmp_path,
        {
            "id": "rating",
            "measure": "People who rate their home treatment as good or very good",
            "unit": "%",
            "baseline": 70,
            "target": 85,
            "better": "higher",
        },
        "Improve patient experience of crisis services",
        role="Director of Nursing",
    )
    found = links[("rating", "target")]
    assert found["chain"] == ["Friends and Family Test", "patient experience"]
    assert found.get("doubt") != "cause"
    assert "likely cause" not in found["explanation"]


def test_a_mental_health_trust_is_read_from_its_name() -> None:
    assert setting_of(MENTAL_HEALTH_TRUST) == "mental health"
    assert setting_of("Calderbrook Partnership NHS Foundation Trust") == "mental health"
    assert setting_of("Example Acute Hospitals NHS Foundation Trust") is None
    # A partnership that also runs a hospital has acute beds too.
    assert setting_of("Calderbrook Hospitals NHS Trust with Calderbrook Place Partnership") is None


def _in_trust(tmp_path: Path, organisation: str, impact: dict[str, Any]) -> dict[str, Any]:
    """`directors --json`'s links for director ``dx`` when ``organisation`` runs the project."""
    path = project_with(tmp_path, impact, OCCUPANCY, role="Chief Operating Officer")
    yaml = YAML()
    facts = yaml.load(path.read_text(encoding="utf-8"))
    facts["project"]["organisation"] = organisation
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "dx")
    return {item["impact"]: item for item in place["links"] if item["objective"] == "target"}


def test_a_mental_health_trusts_bed_occupancy_is_its_mental_health_beds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    found = _in_trust(tmp_path, MENTAL_HEALTH_TRUST, ADMISSIONS)["ooh-admissions"]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["mental health beds"]


def test_an_acute_trusts_bed_occupancy_is_not_freed_by_a_mental_health_bed(
    tmp_path: Path,
) -> None:
    found = _in_trust(tmp_path, "Example Acute Hospitals NHS Foundation Trust", ADMISSIONS)
    assert "ooh-admissions" not in found or found["ooh-admissions"]["confidence"] == "possible"


def test_a_mental_health_trusts_project_may_count_the_acute_hospitals_beds() -> None:
    # Only the objective's side reads the setting: a measure keeps its own bed type, so a
    # mental health trust's paediatric ward bed days still serve a G&A occupancy aim.
    from pitchkit.recast.measures import families_disagree, in_setting

    text = "Paediatric ward bed days for young people with an eating disorder"
    assert families_disagree(text, "Paediatric G&A bed occupancy below 90%") is None
    assert in_setting(("bed-occupancy",), OCCUPANCY, "mental health") == (
        "bed-occupancy",
        "mental-health-flow",
    )
    assert in_setting(("bed-occupancy",), "G&A bed occupancy at 92%", "mental health") == (
        "bed-occupancy",
    )
    assert in_setting(("bed-occupancy",), OCCUPANCY, None) == ("bed-occupancy",)


def test_a_named_framework_is_not_its_words(tmp_path: Path) -> None:
    assert aimed("Embed the Patient and Carer Race Equality Framework") == ("pcref",)
    links = directors_links(
        tmp_path,
        {
            "id": "oap-days",
            "measure": "Inappropriate out-of-area placement bed days",
            "unit": "bed days",
            "per": "month",
            "baseline": 310,
            "target": 100,
        },
        "Embed the Patient and Carer Race Equality Framework",
        role="Director of Nursing and Quality",
    )
    assert ("oap-days", "target") not in links


def test_strokes_avoided_are_not_admissions_for_bleeding(tmp_path: Path) -> None:
    # Strokes count inside emergency admissions, but not inside admissions for bleeding
    # on anticoagulants (the condition family): blind6 labelled it wrong.
    links = directors_links(
        tmp_path,
        STROKES,
        "Halve emergency admissions for bleeding in people taking anticoagulants",
        role="Chief Medical Officer",
    )
    found = links.get(("af-strokes", "target"))
    assert found is None or found["confidence"] == "possible"
    admissions = directors_links(
        tmp_path, STROKES, "Cut hospital admissions for stroke and heart attack by 10%"
    )
    assert admissions[("af-strokes", "target")]["confidence"] == "confident"
