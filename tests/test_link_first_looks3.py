"""Rules from the third first-look pass (blind19-20 read): what a measure counts.

* A sum of money spent on a topic is not the topic itself: "claimant legal costs"
  do not move "learn from claims" (the ``spend`` quantity mismatch).
* A concept named as the start of a time window ("within 6 weeks of a death") is
  what the window is counted from, not what the measure counts.

See docs/linking-evaluation.md, "The third first-look pass".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.advice.ranking import link_reason
from pitchkit.cli import app
from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n.translation import language
from pitchkit.recast.align import link
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import RULES, measured


def linked(measure: str, unit: str, text: str, themes: tuple[str, ...] = ()) -> Any:
    impact = Impact(id="i", measure=measure, unit=unit, baseline=10, target=5, themes=list(themes))
    objective = Objective(id="o", text=text, themes=list(themes))
    return link(impact, objective, director_id="d", lens=all_lenses()["general"])


SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"
LEGAL_COSTS = "Claimant legal costs on our settled claims (paid by NHS Resolution)"
SHMI = "SHMI within the expected range (oversight metric)"
LEARNING = "BAF risk SR4: we do not learn from incidents, complaints and claims, and harm recurs"


def test_money_spent_on_a_topic_is_only_possibly_linked_to_another_measure_of_it() -> None:
    found = linked(LEGAL_COSTS, "£", LEARNING)
    assert found is not None
    assert found.chain is not None  # one concept on both sides
    assert found.confidence == "possible"
    assert found.mismatch == "spend"
    english = link_reason(found, language("en"), director_id="md")
    assert (
        "but the impact is a sum of money, and the objective counts something else about it"
        in english
    )
    assert "swm o arian yw'r effaith" in link_reason(found, language("cy"), director_id="md")


def test_the_spend_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "quantity", False)
    found = linked(LEGAL_COSTS, "£", LEARNING)
    assert found is not None
    assert found.confidence == "confident"


@pytest.mark.parametrize(
    ("measure", "unit", "text"),
    [
        # Pounds that value the thing itself, not a sum spent: still claimed.
        (
            "High-risk backlog maintenance in lighting and building controls",
            "£",
            "BAF 7: failure of critical estate infrastructure harms patients or stops services",
        ),
        # Money against money on one concept is the map's to judge.
        ("Agency spend on medical locums", "£", "Agency spend within the 3.2% cap of total pay"),
    ],
)
def test_money_that_is_the_measure_or_meets_money_stays_claimed(
    measure: str, unit: str, text: str
) -> None:
    # Both declare the theme, as the labelled project does (the estate is a broad aim).
    found = linked(measure, unit, text, ("safety",))
    assert found is not None
    assert found.confidence == "confident"


def test_an_event_a_window_counts_from_is_not_what_is_counted() -> None:
    measure = (
        "Bereaved families offered a follow-up letter and meeting within 6 weeks of a death "
        "in critical care"
    )
    assert "mortality" not in measured(measure)
    found = linked(measure, "%", "SHMI within the expected range (oversight metric)")
    assert found is None or found.confidence == "possible"
    # What a measure counts inside a window is still read: readmissions, infections.
    assert measured("Emergency readmissions within 30 days of discharge") == ("readmissions",)
    assert "surgical-site-infection" in measured(
        "Surgical site infections within 30 days of large bowel surgery"
    )
    # "More than 7 days of opioids" is a length of treatment, not a window's start.
    assert measured("Patients discharged with more than 7 days of opioids")


def test_without_the_anchor_rule_the_missed_appointment_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measure = "Glaucoma patients not rebooked within 3 months of a missed appointment"
    found = linked(measure, "patients", "Outpatient DNA rate 6% or below")
    assert found is None or found.confidence == "possible"
    monkeypatch.setitem(RULES, "anchors", False)
    measured.cache_clear()
    try:
        assert measured(measure)
        found = linked(measure, "patients", "Outpatient DNA rate 6% or below")
        assert found is not None
        assert found.confidence == "confident"
    finally:
        measured.cache_clear()


def test_directors_offers_both_as_possible_with_the_reason(tmp_path: Path) -> None:
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"] += [
        {"id": "legal", "measure": LEGAL_COSTS, "unit": "GBP",
         "baseline": 900000, "target": 700000},
        {"id": "letters", "measure": "Bereaved families offered a follow-up letter and meeting "
         "within 6 weeks of a death in critical care", "unit": "%", "baseline": 40, "target": 90},
    ]  # fmt: skip
    facts["directors"].append(
        {"id": "dca", "name": "Ann Lee", "role": "Director of Corporate Affairs",
         "objectives": [{"id": "learn", "text": LEARNING},
                        {"id": "shmi", "text": SHMI}]}
    )  # fmt: skip
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "dca")
    links = {(item["impact"], item["objective"]): item for item in place["links"]}
    legal = links[("legal", "learn")]
    assert legal["confidence"] == "possible"
    assert legal["doubt"] == "spend"
    assert "the impact is a sum of money" in legal["explanation"]
    letters = links.get(("letters", "shmi"))
    assert letters is None or letters["confidence"] == "possible"
    assert letters is None or not letters.get("chain")
