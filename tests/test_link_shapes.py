"""Link shapes rarely right on unseen projects are offered, not claimed (issue 14).

On the first look at five labelled sets pitchkit had never seen, map chains
holding a plain cause step were right about a third of the time, and chains
ending at a broad concept (a whole area) under a third: such a link is only
possible unless the lead's own themes on both sides vouch for it. Also here:
which beds a bed measure counts, and an objective that is not a time for the
concept it is read for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pitchkit.advice.ranking import link_reason
from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n.translation import language
from pitchkit.recast.align import Link, link
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import RULES


def linked(
    measure: str, text: str, *, themes: tuple[list[str], list[str]] = ([], []), unit: str = "count"
) -> Link | None:
    impact = Impact(id="i", measure=measure, unit=unit, baseline=10, target=5, themes=themes[0])
    objective = Objective(id="o", text=text, themes=themes[1])
    return link(impact, objective, director_id="d", lens=all_lenses()["general"])


CAUSE = ("Patients streamed to same day emergency care", "Meet the 78% four-hour standard")


def test_a_one_step_cause_is_offered_with_its_chain_not_claimed() -> None:
    found = linked(*CAUSE)
    assert found is not None
    assert found.chain is not None
    assert len(found.chain.steps) == 1
    assert not found.chain.steps[0].part
    assert found.confidence == "possible"
    assert found.mismatch == "cause"
    assert found.mapped
    text = link_reason(found, language("en"), director_id="coo")
    assert text.startswith("possible -- confirm with supports: [coo.o]: measure map: ")
    assert "one step is a likely cause rather than part of what the next measure counts" in text


def test_declared_themes_vouch_for_two_steps_not_a_lone_cause() -> None:
    sepsis = ("Antibiotics within one hour", "Bring SHMI back within the expected range")
    alone = linked(*sepsis, unit="%")
    assert alone is not None
    assert alone.mismatch == "cause"  # antibiotics -> sepsis deaths -> SHMI, unvouched
    vouched = linked(*sepsis, themes=(["safety"], ["safety"]), unit="%")
    assert vouched is not None
    assert vouched.claimed
    # A lone cause step stays possible even when both sides declare the theme.
    lone = linked(*CAUSE, themes=(["flow"], ["flow"]))
    assert lone is not None
    assert lone.mismatch == "cause"


def test_the_cause_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "cause", False)
    found = linked(*CAUSE)
    assert found is not None
    assert found.confidence == "confident"


def test_a_measure_counted_inside_the_objective_is_still_claimed() -> None:
    found = linked("Agency nursing shifts", "Reduce agency spend by 30%", unit="shifts")
    assert found is not None
    assert found.claimed
    assert found.chain is not None
    assert all(step.part for step in found.chain.steps)
    # The four-hour standard counts time in the department: counted inside, claimed.
    waits = linked("ED waiting time", "Meet the 78% four-hour standard", unit="hours")
    assert waits is not None
    assert waits.claimed


def test_the_sepsis_antibiotics_keep_their_chain_to_shmi() -> None:
    found = linked(
        "Antibiotics within one hour",
        "Bring SHMI back within the expected range",
        themes=(["safety", "outcomes"], ["safety", "outcomes"]),
        unit="%",
    )
    assert found is not None
    assert found.claimed
    assert found.chain is not None
    assert found.chain.labels()[-1] == "SHMI"


def test_a_broad_aim_is_offered_not_claimed(monkeypatch: pytest.MonkeyPatch) -> None:
    objective = "Green Plan: net zero for the emissions we control by 2040"
    found = linked("Carbon emissions from the energy used on site", objective, unit="tCO2e")
    assert found is not None
    assert found.chain is not None
    assert found.mismatch == "broad"
    assert not found.claimed
    assert "the objective is about a whole area" in link_reason(found, language("en"))
    assert "mae'r amcan yn ymwneud â maes cyfan" in link_reason(found, language("cy"))
    vouched = linked(
        "Carbon emissions from the energy used on site",
        objective,
        themes=(["sustainability"], ["sustainability"]),
        unit="tCO2e",
    )
    assert vouched is not None
    assert vouched.claimed
    monkeypatch.setitem(RULES, "broad", False)
    again = linked("Carbon emissions from the energy used on site", objective, unit="tCO2e")
    assert again is not None
    assert again.claimed


@pytest.mark.parametrize(
    ("measure", "text", "chained"),
    [
        (
            "Antenatal ward bed days used by women waiting for induction",
            "Adult G&A bed occupancy 92% or below",
            False,
        ),
        (
            "Critical care bed days used by patients with sepsis",
            "G&A bed occupancy below 92%",
            False,
        ),
        (
            "Mental health bed days used by people placed out of area",
            "General and acute bed occupancy below 92%",
            False,
        ),
        ("Bed days used on the medical wards", "G&A bed occupancy below 92%", True),
        ("Antenatal ward bed days", "Antenatal ward occupancy below 85%", True),
    ],
)
def test_a_bed_measure_counts_its_own_beds(measure: str, text: str, chained: bool) -> None:
    found: Any = linked(measure, text, unit="bed days")
    assert (found is not None and found.chain is not None) is chained


def test_an_objective_is_not_a_time_because_another_name_was_blanked() -> None:
    # "30-day mortality" frames which deaths count; read for the procedure without the
    # word "mortality", "30-day" alone must not make the objective a wait.
    found = linked(
        "30-day mortality after emergency laparotomy",
        "Leave NELA outlier status for 30-day mortality by the 2027 report",
        unit="%",
    )
    assert found is not None
    assert found.claimed


def test_an_aim_at_deaths_after_admission_is_not_served_by_fewer_admissions() -> None:
    # "Mortality after emergency admission": the deaths are what is counted, the
    # admissions only say whose; avoiding admissions does not move the rate.
    found = linked(
        "Emergency admissions of people aged 75 and over",
        "Reduce mortality after emergency admission in older people",
    )
    assert found is None or not found.claimed
    # Deaths themselves are still offered, through the mortality concept.
    deaths = linked(
        "Deaths within 30 days of emergency admission, people aged 75 and over",
        "Reduce mortality after emergency admission in older people",
    )
    assert deaths is not None
    assert deaths.chain is not None
    assert deaths.chain.start == "mortality"


def test_a_concern_about_deaths_after_admission_is_not_claimed_for_fewer_admissions() -> None:
    from pitchkit.facts.project import open_project
    from pitchkit.notes.context import concern_addressed

    root = Path(__file__).resolve().parents[1]
    project = open_project(root / "examples" / "frailty-virtual-ward" / "facts.yaml")
    concern = "Mortality after emergency admission in older people"
    assert not concern_addressed(project.facts.impacts, concern)
    assert concern_addressed(project.facts.impacts, "Emergency admissions of older people")
