"""``init`` offers objectives that fit the kind of organisation (newuser24 #5).

An ambulance trust's Director of Operations was read as a Chief Operating
Officer and offered "Meet the four-hour standard in A&E"; its Director of
Paramedicine and Nursing was offered ward objectives; an ICB commissioner was
read as a Director of Strategy. Each test runs ``pitchkit init`` as a user
would, reads the questions it printed and the facts file it wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.orgkind import kind_of
from pitchkit.facts.schema import load_facts

MEETING = dt.date.today() + dt.timedelta(days=30)


def answers(organisation: str, directors: list[tuple[str, str, str]], value: str = "") -> str:
    """The interview's answers: one impact, then each (role, name, objectives picked)."""
    lines = [
        "Make Ready",
        organisation,
        "Dan Whitmore",
        "Improvement Lead",
        "",  # no email
        "Crews start shifts late because vehicles are not ready",
        "Make-ready teams prepare vehicles at three hubs",
        "",  # no strategy
        "",  # no evidence
        "",  # start
        "",  # end
        "",  # no funding
        "Crew time spent preparing vehicles",
        "hours",
        "3",  # a month
        "3100",
        "700",
    ]
    if value:
        lines += [value, "38.50", "Trust payroll 2025/26", ""]  # another amount, releases
    else:
        lines += [""]  # no money value
    lines += ["CAD shift-start logs", "no"]
    for number, (role, name, picked) in enumerate(directors):
        lines += [role, name, "", picked, "", "", "yes" if number < len(directors) - 1 else "no"]
    lines += ["Release two crews for the pilot", "", "", "", MEETING.isoformat()]
    if len(directors) > 1:
        lines += ["1"]  # the meeting is with the first
    return "".join(f"{line}\n" for line in lines)


def test_an_ambulance_trust_is_read_from_its_name() -> None:
    assert kind_of("Northern Counties Ambulance Service NHS Trust") == "ambulance"
    assert kind_of("Gwasanaeth Ambiwlans Cymru") == "ambulance"
    assert kind_of("Riverside Mental Health NHS Foundation Trust") == "mental-health"
    assert kind_of("Shire Community Health Services NHS Trust") == "community"
    assert kind_of("NHS Northshire Integrated Care Board") == "icb"
    assert kind_of("Bwrdd Iechyd Prifysgol Hywel Dda") == "health-board"
    assert kind_of("Example NHS Foundation Trust") is None


def test_an_ambulance_trusts_directors_are_offered_ambulance_objectives(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = answers(
        "Northern Counties Ambulance Service NHS Trust",
        [
            ("Director of Operations", "Karen Blythe", "1,2"),
            ("Director of Paramedicine and Nursing", "Sam Okafor", "3"),
            ("ICB UEC commissioner", "Priya Shah", "2"),
        ],
        value="11",  # another amount
    )
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "four-hour" not in shown
    assert "18 weeks" not in shown
    assert "falls and pressure ulcers" not in shown
    assert "Keep every ward safely staffed" not in shown
    assert "typical objectives of the Director of Operations in an ambulance service" in shown
    assert "Improve response times in every call category" in shown
    assert "hear and treat or see and treat" in shown
    assert "typical objectives of the ICB UEC commissioner in an integrated care board" in shown
    assert "no dated national unit costs for an ambulance service" in shown
    loaded = load_facts(facts).facts
    texts = {d.role: [o.text for o in d.objectives] for d in loaded.directors}
    assert texts["Director of Operations"] == [
        "Improve response times in every call category",
        "Cut the hours crews lose waiting to hand patients over at hospital",
    ]
    assert texts["Director of Paramedicine and Nursing"] == [
        "Keep vehicles and stations clean to infection prevention standards"
    ]
    assert texts["ICB UEC commissioner"] == ["Hold providers to the standards in their contracts"]
    [impact] = loaded.impacts
    assert impact.value is not None
    assert impact.value.amount == 38.5


@pytest.mark.parametrize(
    ("organisation", "offered"),
    [
        (
            "Riverside Mental Health NHS Foundation Trust",
            "End inappropriate out-of-area placements",
        ),
        ("Shire Community Health Services NHS Trust", "Cut waiting times for community services"),
        ("Example NHS Foundation Trust", "Meet the four-hour standard in A&E"),
    ],
)
def test_a_director_of_operations_is_offered_what_fits_the_trust(
    tmp_path: Path, organisation: str, offered: str
) -> None:
    facts = tmp_path / "facts.yaml"
    feed = answers(organisation, [("Director of Operations", "Karen Blythe", "1")])
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == [offered]


def test_the_welsh_interview_offers_them_in_welsh(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = answers("Gwasanaeth Ambiwlans Cymru", [("Director of Operations", "Karen Blythe", "1")])
    result = CliRunner().invoke(app, ["init", str(facts), "--locale", "cy_GB"], input=feed)
    assert result.exit_code == 0, result.output
    [director] = load_facts(facts).facts.directors
    [objective] = director.objectives
    assert objective.text == "Gwella amseroedd ymateb ym mhob categori galwad"
    assert "gwasanaeth ambiwlans" in " ".join(result.output.split())
