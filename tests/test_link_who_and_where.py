"""Who a measure counts (branch linkpass27): different people make no claim.

Each case is a pair the labelled sets hold, written afresh, as `pitchkit directors
--json` lists it. When the impact's measure and the objective each name a group of
one ``who_and_where`` family of the measure map and none in common, the map's chain
is only possible, and the reason names both groups; when one side names no group,
it counts everyone and nothing changes. See docs/linking.md, "Who and where", and
docs/linking-evaluation.md, "Who and where (branch linkpass27)".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from linkcases import directors_links
from pitchkit.recast.measures import RULES
from pitchkit.recast.whowhere import apart, named


def listed(
    tmp_path: Path, measure: str, objective: str, locale: str | None = None
) -> dict[str, Any] | None:
    links = directors_links(
        tmp_path,
        {"id": "who", "measure": measure, "unit": "count", "baseline": 100, "target": 80},
        objective,
        locale=locale,
    )
    found = links.get(("who", "target")) or links.get(("who", "dx.target"))
    return None if found is None else dict(found)


@pytest.mark.parametrize(
    ("measure", "objective", "mine", "theirs"),
    [
        (
            "Maternal readmissions within 42 days of birth",
            "Children's ward occupancy at or below 85% in winter",
            "mothers and babies",
            "children",
        ),
        (
            "Maternal readmissions within 42 days of birth",
            "Adult G&A bed occupancy at 92% or below",
            "mothers and babies",
            "adults",
        ),
        (
            "Working days from a staff self-referral to the first MSK physiotherapy appointment",
            "Routine outpatient MSK physiotherapy patients seen within six weeks",
            "staff",
            "patients",
        ),
        (
            "Adults with asthma given an annual review with a personalised action plan",
            # blind81's own wording: since mapgrow46 (session 31) it reads as vaccine uptake
            # and long-term conditions (see the test below for the shorter wording).
            "Core20PLUS5: flu, COVID-19 and pneumococcal vaccination in people with COPD",
            "people with asthma",
            "people with COPD",
        ),
    ],
)
def test_a_chain_between_different_people_is_offered_naming_both(
    tmp_path: Path, measure: str, objective: str, mine: str, theirs: str
) -> None:
    found = listed(tmp_path, measure, objective)
    assert found is not None, "the map's chain is still offered to the lead"
    assert found["confidence"] == "possible"
    assert found["doubt"] == "who"
    assert found["chain"], "the chain is kept, for the lead to judge"
    assert (
        f"the impact counts {mine}, while the objective counts {theirs}" in (found["explanation"])
    )


def test_vaccination_for_people_with_copd_is_not_an_asthma_review(tmp_path: Path) -> None:
    # Before mapgrow46 (session 31) this objective read only as long-term conditions (COPD),
    # so asthma reviews reached it through that concept and the who-and-where rule held the
    # chain as possible. The map now reads it as vaccine uptake "for" people with COPD, and
    # no chain runs from asthma reviews to vaccine uptake: the wrong link is not offered.
    assert (
        listed(
            tmp_path,
            "Adults with asthma given an annual review with a personalised action plan",
            "Flu and pneumococcal vaccination for people with COPD",
        )
        is None
    )


def test_without_the_rule_the_same_pair_is_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "who and where", False)
    found = listed(
        tmp_path,
        "Working days from a staff self-referral to the first MSK physiotherapy appointment",
        "Routine outpatient MSK physiotherapy patients seen within six weeks",
    )
    assert found is not None
    assert found["confidence"] == "confident"


@pytest.mark.parametrize(
    ("measure", "objective"),
    [
        # The objective names no group: it counts everyone, the impact's group among them.
        (
            "Maternal readmissions within 30 days of birth",
            "30-day emergency readmissions below 13%",
        ),
        # Both name the same group.
        (
            "Sickness absence among ward staff",
            "Staff sickness absence below 4.5%",
        ),
    ],
)
def test_a_group_inside_the_other_sides_is_still_claimed(
    tmp_path: Path, measure: str, objective: str
) -> None:
    found = listed(tmp_path, measure, objective)
    assert found is not None
    assert found["confidence"] == "confident"
    assert found["doubt"] is None


def test_shared_words_alone_between_different_people_offer_nothing(tmp_path: Path) -> None:
    """Staff flu jabs and housebound patients' flu jabs share a word, not a measure."""
    assert (
        listed(tmp_path, "Housebound patients vaccinated against flu", "Frontline staff flu 80%")
        is None
    )


def test_staffing_is_not_staff_and_babies_are_both_maternitys_and_childrens() -> None:
    assert apart("Registered nurse vacancies on inpatient wards", "Safe nurse staffing") is None
    assert apart("Babies admitted to the neonatal unit", "Children's ward occupancy") is None
    assert apart("Antenatal steroids before preterm birth", "Fewer babies dying") is None
    assert dict(named("Staff self-referrals"))["staff or patients"][0].label == "staff"


def test_the_reason_names_both_groups_in_welsh(tmp_path: Path) -> None:
    found = listed(
        tmp_path,
        "Maternal readmissions within 42 days of birth",
        "Children's ward occupancy at or below 85% in winter",
        locale="cy",
    )
    assert found is not None
    assert found["doubt"] == "who"
    assert (
        "mae'r effaith yn cyfrif mamau a babanod, tra bo'r amcan yn cyfrif plant"
        in (found["explanation"])
    )


def test_every_group_has_its_welsh() -> None:
    from pitchkit.i18n.translation import language
    from pitchkit.recast.measures_cy import group_name
    from pitchkit.recast.whowhere import families

    welsh = language("cy")
    lacking = [
        member.label
        for _, members in families().values()
        for member in members
        if group_name(member.label, welsh).startswith("“")
    ]
    assert not lacking, "measures_cy.yaml has no Welsh under who_and_where for: " + ", ".join(
        lacking
    )
