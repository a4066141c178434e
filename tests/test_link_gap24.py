"""The third gap pass (branch linkgap24): obvious links a lead was never shown.

A new user's trial found true links that `directors` did not list at all. Each
fix is national vocabulary or a cause edge with a source, and each link is
checked here as `pitchkit directors --json` lists it, with its chain:

- "long waits in ED" (the UEC plan's wording) is the 12-hour wait, not the
  elective long wait, so 12-hour waits are claimed for an objective about harm
  from them;
- "good or very good" is the Friends and Family Test's answer scale, so a rating
  of a clinic is claimed for an FFT objective;
- "demand on general practice" is the area GP appointments belong to: a topic
  name, so the link is possible, for the lead to confirm;
- referrals to the hospital, follow-ups held in hospital clinics, appointments by
  video and patient journeys to hospital are offered (a cause step, never
  claimed) for an objective to shift care out of hospital.

See docs/linking-evaluation.md, "The third gap pass (branch linkgap24)".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES


def listed(tmp_path: Path, measure: str, objective: str) -> dict[str, Any]:
    links = directors_links(
        tmp_path,
        {"id": "gap", "measure": measure, "unit": "count", "baseline": 100, "target": 80},
        objective,
    )
    found = links.get(("gap", "target")) or links.get(("gap", "dx.target"))
    assert found is not None, f"{measure!r} is not listed for {objective!r}"
    return dict(found)


def test_long_waits_in_ed_are_twelve_hour_waits(tmp_path: Path) -> None:
    found = listed(
        tmp_path, "Patients waiting over 12 hours in ED", "Reduce harm from long waits in ED"
    )
    assert found["confidence"] == "confident"
    assert found["chain"] == ["12-hour waits"]


def test_a_good_or_very_good_rating_is_the_friends_and_family_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the rules before it.
    monkeypatch.setitem(RULES, "claim floor", False)
    found = listed(
        tmp_path,
        "Patients rating the clinic good or very good",
        "Improve what patients tell us in the Friends and Family Test",
    )
    assert found["confidence"] == "confident"
    assert found["chain"] == ["Friends and Family Test"]


def test_demand_on_general_practice_is_offered_for_gp_appointments(tmp_path: Path) -> None:
    found = listed(tmp_path, "GP appointments used", "Reduce demand on general practice")
    assert found["confidence"] == "possible"
    assert found["doubt"] == "topic"
    assert found["chain"] == ["GP appointments"]


@pytest.mark.parametrize(
    ("measure", "first"),
    [
        ("Referrals to the acute trust", "first outpatient appointment"),
        ("Consultant cardiology outpatient follow-ups for stable heart failure", None),
        ("Outpatient appointments held by video", None),
        ("Patient car journeys to the district general hospital for a blood test", None),
    ],
)
def test_care_moved_out_of_hospital_is_offered_for_a_shift_to_the_community(
    tmp_path: Path, measure: str, first: str | None
) -> None:
    found = listed(tmp_path, measure, "Shift planned care from hospitals into community services")
    assert found["confidence"] == "possible"
    assert found["chain"][-1] == "care closer to home"
    assert len(found["chain"]) == 2
    if first is not None:
        assert found["chain"][0] == first
    assert "care closer to home" in found["explanation"]
