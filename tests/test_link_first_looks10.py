"""Rules from the tenth first-look pass (blind39-42 read): a step done to each thing counted.

An impact that names a concept and then a step of care done to each of its things
("Weekend discharges referred to community pharmacy", "Emergency admissions screened
with AUDIT-C") counts the step, not the things: an objective counting the things, or
what they add up to, is only a possible link (the ``step`` doubt), with its reason.

See docs/linking-evaluation.md, "The tenth first-look pass".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast import align
from pitchkit.recast.measures import RULES, mentions, step_done_for

REFERRED = (
    "Weekend discharges referred to community pharmacy through the Discharge Medicines Service"
)
WEEKEND = "Weekend discharges at 80% of the weekday rate (UEC plan 2026/27)"


def _step(text: str) -> dict[str, str | None]:
    return {m.concept: step_done_for(text, m.concept) for m in mentions(text)}


def test_a_step_after_the_concept_is_read() -> None:
    assert _step(REFERRED)["weekend-discharge"] == "referr"
    admissions = "Emergency admissions aged 16 and over screened with AUDIT-C within 24 hours"
    assert _step(admissions)["non-elective-admissions"] == "screen"
    assert _step("Deaths referred to the coroner")["mortality"] == "referr"


def test_a_step_done_by_or_to_someone_else_is_not() -> None:
    # A relative clause, or a doer, between the concept and the step.
    catheters = "People with a long-term urinary catheter whose need was reviewed in 6 months"
    assert set(_step(catheters).values()) == {None}
    attendances = "A&E attendances in the year after referral by people referred"
    assert set(_step(attendances).values()) == {None}
    # The step before the concept: the measure is about the step's result.
    assert set(_step("Patients referred with emergency admissions").values()) == {None}


def test_directors_offers_a_step_against_the_things_with_the_reason(tmp_path: Path) -> None:
    impact = {"id": "dms", "measure": REFERRED, "unit": "%", "baseline": 20, "target": 60}
    found = directors_links(tmp_path, impact, WEEKEND)[("dms", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "step"
    assert "the impact counts a step of care done to each of them" in found["explanation"]


def test_the_reason_is_given_in_welsh(tmp_path: Path) -> None:
    impact = {"id": "dms", "measure": REFERRED, "unit": "%", "baseline": 20, "target": 60}
    found = directors_links(tmp_path, impact, WEEKEND, locale="cy")[("dms", "target")]
    assert found["doubt"] == "step"
    assert "cam gofal a wneir i bob un" in found["explanation"]


def test_a_measure_of_the_things_themselves_is_still_claimed(tmp_path: Path) -> None:
    measure = "Weekend discharges from medical wards as a share of the weekday daily average"
    impact = {"id": "wkd", "measure": measure, "unit": "%", "baseline": 60, "target": 80}
    found = directors_links(tmp_path, impact, WEEKEND)[("wkd", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["weekend discharges"]


def test_an_objective_naming_the_same_step_is_not_held_back() -> None:
    found = linked(REFERRED, "Weekend discharges referred to the DMS up to 35%", unit="%")
    assert found is None or found.mismatch != "step"


def test_the_steps_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    found = linked(REFERRED, WEEKEND, unit="%")
    assert found is not None
    assert found.mismatch == "step"
    monkeypatch.setitem(RULES, "steps done", False)
    found = linked(REFERRED, WEEKEND, unit="%")
    assert found is not None
    assert found.confidence == "confident"


# -- the claim-kind policy ------------------------------------------------------------------


def test_every_kind_of_claim_is_made_by_default() -> None:
    assert frozenset() == align.DEMOTED_KINDS


def test_a_demoted_kind_is_offered_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measure = "Weekend discharges from medical wards as a share of the weekday daily average"
    impact = {"id": "wkd", "measure": measure, "unit": "%", "baseline": 60, "target": 80}
    monkeypatch.setattr(align, "DEMOTED_KINDS", frozenset({"same concept"}))
    found = directors_links(tmp_path, impact, WEEKEND)[("wkd", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "kind"
    assert found["chain"] == ["weekend discharges"]
    assert "pitchkit claims links of this kind only when you confirm them" in found["explanation"]
    welsh = directors_links(tmp_path, impact, WEEKEND, locale="cy")[("wkd", "target")]
    assert "yn hawlio cysylltiadau o'r math hwn" in welsh["explanation"]


def test_claim_kinds_are_read_from_the_link() -> None:
    found = linked("Weekend discharges from medical wards", WEEKEND, unit="%")
    assert found is not None
    assert align.claim_kind(found) == "same concept"
    assert align.claim_kind(align.kind_held(found)) == "same concept"
