"""Rules from the fourth first-look pass (blind21-22 read): what a measure counts.

* Working time people spend on a topic ("agency complaint investigator days",
  "ambulance crew hours lost to handover delays") is not the topic itself: an
  objective about the same concept that is not money is another quantity (the
  ``work`` quantity mismatch).

See docs/linking-evaluation.md, "The fourth first-look pass".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from linkcases import linked
from pitchkit.advice.ranking import link_reason
from pitchkit.cli import app
from pitchkit.i18n.translation import language
from pitchkit.recast.measures import RULES, families_disagree
from pitchkit.recast.quantity import worked

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"
INVESTIGATORS = "Agency complaint investigator days"
ANSWERED = "85% of complaints responded to within agreed timescales by March 2027"


@pytest.mark.parametrize(
    ("measure", "unit"),
    [
        (INVESTIGATORS, "days"),
        ("Consultant and senior nurse hours spent drafting complaint responses", "hours"),
        ("Ambulance crew hours lost to handover delays", "hours"),
        ("Agency psychologist sessions in CAMHS", "sessions"),
    ],
)
def test_staff_time_is_read_as_working_time(measure: str, unit: str) -> None:
    assert worked(measure, unit)


@pytest.mark.parametrize(
    ("measure", "unit"),
    [
        # No one's time is named: the sessions and hours are what is counted.
        ("Theatre sessions delayed or cancelled because a tray was missing", "sessions"),
        ("Hours the s136 suite is closed to new detentions", "hours"),
        # A wait, and a count of complaints.
        ("Days from referral to first appointment", "days"),
        ("Complaints reopened after the first response", "complaints"),
        # Hours after a time of day are not a worker's.
        ("Calls answered after hours", "hours"),
    ],
)
def test_other_counts_in_hours_or_days_are_not_working_time(measure: str, unit: str) -> None:
    assert not worked(measure, unit)


def test_staff_time_spent_on_a_topic_is_only_possibly_linked_to_another_measure_of_it() -> None:
    found = linked(INVESTIGATORS, ANSWERED, unit="days")
    assert found is not None
    assert found.chain is not None  # one concept on both sides
    assert found.confidence == "possible"
    assert found.mismatch == "work"
    english = link_reason(found, language("en"), director_id="dca")
    assert "the impact is staff time spent on it, and the objective counts something" in english
    assert "amser staff a dreuliwyd arno" in link_reason(found, language("cy"), director_id="dca")


def test_the_work_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "quantity", False)
    found = linked(INVESTIGATORS, ANSWERED, unit="days")
    assert found is not None
    assert found.confidence == "confident"


def test_staff_time_that_is_the_concept_stays_claimed() -> None:
    # Nursing time released to care and sickness absence are staff time themselves.
    time_to_care = "Time to Care: give back 10% of registered nurse time to direct care"
    found = linked("Nursing time spent looking for infusion pumps", time_to_care, unit="hours")
    assert found is not None
    assert found.confidence == "confident"
    absence = linked(
        "Staff sickness absence days for cold, cough and flu",
        "Sickness absence at or below 4.5% by March 2028",
        unit="days",
    )
    assert absence is not None
    assert absence.confidence == "confident"


def test_directors_offers_staff_time_as_possible_with_the_reason(tmp_path: Path) -> None:
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"].append(
        {"id": "investigators", "measure": INVESTIGATORS, "unit": "days",
         "baseline": 300, "target": 120}
    )  # fmt: skip
    facts["directors"].append(
        {"id": "dca", "name": "Ann Lee", "role": "Director of Corporate Affairs",
         "objectives": [{"id": "answered", "text": ANSWERED}]}
    )  # fmt: skip
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "dca")
    links = {(item["impact"], item["objective"]): item for item in place["links"]}
    found = links[("investigators", "answered")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "work"
    assert "the impact is staff time spent on it" in found["explanation"]


# -- whose budget: the council's money, and the ICB's enhanced services ----------------

OVERSPEND = "Contain the £6.2m adult social care overspend"


def test_a_council_budget_is_not_moved_by_what_the_trust_counts() -> None:
    # Out-of-area placements cost the trust money; the social care overspend is the council's.
    assert (
        linked(
            "Inappropriate out-of-area placement bed days (adult acute)", OVERSPEND, unit="bed days"
        )
        is None
    )
    assert linked("ICB spend on interim care home placements", OVERSPEND, unit="£") is None


def test_what_the_council_pays_for_still_reaches_its_budget() -> None:
    assert families_disagree("Home care hours commissioned at discharge", OVERSPEND) is None
    # A council objective that is not a sum of money is not a budget.
    waiting = "Adult social care: fewer people waiting for assessment"
    assert families_disagree("Delayed discharges awaiting a hospital bed", waiting) is None


def test_without_the_payers_rule_the_overspend_is_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "payers", False)
    found = linked(
        "Inappropriate out-of-area placement bed days (adult acute)", OVERSPEND, unit="bed days"
    )
    # Listed through the map (a cost pressure on the financial plan), and then claimed by
    # the scorer on the labelled project.
    assert found is not None
    assert found.chain is not None


def test_an_enhanced_service_is_the_icbs_money() -> None:
    assert (
        families_disagree(
            "Home blood-test visits bought from a private phlebotomy provider",
            "SMI health check LES spend held within £1.2m",
        )
        == "whose budget"
    )
