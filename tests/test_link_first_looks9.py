"""Rules from the ninth first-look pass (blind35-38 read): accreditations and awards, modes.

* An objective that aims at an accreditation or an award *for* a concept ("Keep JAG
  accreditation for endoscopy") counts whether a service meets an assessor's standard,
  not the concept's activity: "accreditation" and "award" are instrument words, so a
  measure of endoscopy lists is only a possible link to it.
* A measure that names a concept only as the way its things are done ("hernia repairs
  done as day cases") does not count more of what that concept is counted inside:
  the step to elective activity is read as a cause (possible), while an objective about
  the day-case rate itself is still claimed.

See docs/linking-evaluation.md, "The ninth first-look pass".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast.measures import RULES, named_as_mode

DONE_AS = "Elective inguinal hernia repairs done as day cases"
ERF = "ERF: elective activity at 116% of 2019/20 value"


# -- accreditations and awards -------------------------------------------------------------


@pytest.mark.parametrize(
    ("measure", "objective"),
    [
        ("Insourced weekend endoscopy lists", "Keep JAG accreditation for endoscopy"),
        (
            "International nurses leaving within 12 months of starting",
            "NHS Pastoral Care Quality Award for international recruitment by March 2027",
        ),
    ],
)
def test_directors_offers_an_accreditation_or_award_for_a_concept(
    tmp_path: Path, measure: str, objective: str
) -> None:
    impact = {"id": "work", "measure": measure, "unit": "count", "baseline": 40, "target": 60}
    found = directors_links(tmp_path, impact, objective)[("work", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "instrument"
    assert "what a survey, a rating or an inspection is about" in found["explanation"]


# -- the way things are done ---------------------------------------------------------------


def test_a_concept_named_as_the_way_things_are_done_is_read_so() -> None:
    assert named_as_mode(DONE_AS, "day-case")
    assert named_as_mode("Children's tonsillectomies done as day cases", "day-case")
    assert not named_as_mode("Day cases cancelled on the day", "day-case")
    assert not named_as_mode("Elective cases completed in the day surgery unit", "day-case")


def test_directors_offers_a_mode_against_the_volume_it_is_counted_in(tmp_path: Path) -> None:
    impact = {"id": "dc", "measure": DONE_AS, "unit": "%", "baseline": 60, "target": 85}
    found = directors_links(tmp_path, impact, ERF)[("dc", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "cause"
    assert found["chain"] == ["day case", "elective activity"]
    assert "likely cause rather than part of what the next measure counts" in found["explanation"]


def test_the_day_case_rate_objective_is_still_claimed(tmp_path: Path) -> None:
    impact = {"id": "dc", "measure": DONE_AS, "unit": "%", "baseline": 60, "target": 85}
    objective = "GIRFT: 85% of BADS procedures as day cases"
    found = directors_links(tmp_path, impact, objective)[("dc", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["day case"]


def test_day_cases_done_are_still_counted_in_elective_activity(tmp_path: Path) -> None:
    measure = "Elective cases completed in the day surgery unit"
    impact = {"id": "dc", "measure": measure, "unit": "cases", "baseline": 600, "target": 800}
    found = directors_links(tmp_path, impact, ERF)[("dc", "target")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["day case", "elective activity"]


def test_the_modes_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    found = linked(DONE_AS, ERF, unit="%", baseline=60, target=85)
    assert found is not None
    assert found.confidence == "possible"
    monkeypatch.setitem(RULES, "modes", False)
    found = linked(DONE_AS, ERF, unit="%", baseline=60, target=85)
    assert found is not None
    assert found.confidence == "confident"
