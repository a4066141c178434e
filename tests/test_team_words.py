"""A word most of the team's objectives share says whose they are: alone it offers no link.

In an ambulance trust "ambulance" is in nearly every objective, so an impact
that says "ambulance" shares it with all of them; that says which organisation
the team runs, not which objective the impact serves (issue 14; newuser28 was
offered three links on 'Ambulance' ~ 'ambulance' alone, all wrong). Units of
time ("minutes") shared alone say only that two figures are counted alike. A
specific word the two share still offers a link.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import links_listed, project_with_all
from pitchkit.recast.align import common_pair, team_words
from pitchkit.recast.measures import RULES
from pitchkit.recast.words import phrase

#: An ambulance trust's director: "ambulance" is in most of the team's objectives.
OBJECTIVES = [
    {"id": "outcomes", "text": "Ambulance clinical outcome indicators in the top quartile"},
    {"id": "sickness", "text": "Ambulance staff sickness absence below 5%"},
    {"id": "fleet", "text": "Replace the oldest ambulance vehicles in the fleet"},
    {"id": "complaints", "text": "Respond to every ambulance complaint within 25 working days"},
    {"id": "video", "text": "Offer video consultation from the ambulance control room"},
    {"id": "green", "text": "Electric ambulance pilots in two divisions"},
    {"id": "estate", "text": "Ambulance station refurbishment programme delivered"},
    {
        "id": "volunteers",
        "text": "Grow the community first responder scheme alongside ambulance crews",
    },
]

CREW = {
    "id": "crews",
    "measure": "Ambulance crews trained in mental health triage",
    "unit": "count",
    "baseline": 10,
    "target": 40,
    "per": "month",
}
VIDEO = {
    "id": "video-calls",
    "measure": "Calls assessed by video before an ambulance is sent",
    "unit": "count",
    "baseline": 10,
    "target": 40,
    "per": "month",
}
TRIAGE = {
    "id": "triage",
    "measure": "Walk-in patients streamed within 15 minutes of arrival",
    "unit": "count",
    "baseline": 10,
    "target": 40,
    "per": "month",
}
HANDOVER_MINUTES = {"id": "handover", "text": "No hospital handover over 45 minutes"}


def listed(tmp_path: Path) -> set[tuple[str, str]]:
    path = project_with_all(tmp_path, [CREW, VIDEO, TRIAGE], [*OBJECTIVES, HANDOVER_MINUTES])
    return set(links_listed(path))


def test_a_word_most_objectives_share_is_the_teams() -> None:
    texts = [o["text"] for o in OBJECTIVES]
    assert phrase("ambulance")[0] in team_words(texts)
    assert not {"video", "fleet"} & team_words(texts)
    # A word needs two objectives as well as a third of them.
    assert team_words(["Ambulance response times", "Sickness absence"]) == frozenset()


def test_the_teams_word_alone_offers_no_link(tmp_path: Path) -> None:
    links = listed(tmp_path)
    for objective in ("outcomes", "sickness", "fleet", "estate", "green"):
        assert ("crews", objective) not in links


def test_a_specific_shared_word_still_offers_a_link(tmp_path: Path) -> None:
    # "video" is in one objective only: the lead is still asked about it.
    assert ("video-calls", "video") in listed(tmp_path)


def test_a_unit_of_time_alone_offers_no_link(tmp_path: Path) -> None:
    assert ("triage", "handover") not in listed(tmp_path)
    assert common_pair(("minutes", "minutes"), frozenset())


def test_the_rules_are_what_hold_them_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "team words", False)
    monkeypatch.setitem(RULES, "unit words", False)
    links = listed(tmp_path)
    assert ("crews", "sickness") in links or ("crews", "fleet") in links
    assert ("triage", "handover") in links


def test_a_word_of_the_organisations_name_alone_offers_no_link(tmp_path: Path) -> None:
    # newuser30: in an ambulance service whose objectives name "ambulance" only now and then,
    # the word still says whose the objective is, as the organisation's name does.
    few = [
        {"id": "fleet", "text": "Replace the oldest ambulance vehicles in the fleet"},
        {"id": "sickness", "text": "Staff sickness absence below 5%"},
        {"id": "complaints", "text": "Respond to every complaint within 25 working days"},
        {"id": "estate", "text": "Station refurbishment programme delivered"},
    ]
    path = project_with_all(tmp_path, [CREW], few)
    assert ("crews", "fleet") in set(links_listed(path))
    text = path.read_text(encoding="utf-8").replace(
        "Example Acute Hospitals NHS Foundation Trust", "North Example Ambulance Service NHS Trust"
    )
    path.write_text(text, encoding="utf-8")
    assert ("crews", "fleet") not in set(links_listed(path))
