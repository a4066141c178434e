"""NHS Wales bodies: Wales's standards in ``init``, their Welsh names in Welsh documents.

newuser31 #2: a Hywel Dda University Health Board's Chief Operating Officer
was offered England's 18 weeks and four-hour standard. Each test runs the
command as a user would and reads back what it printed or wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts
from pitchkit.init.orgkind import kind_of

MEETING = dt.date.today() + dt.timedelta(days=40)


def interview(organisation: str, role: str, picked: str) -> str:
    """Answers to ``pitchkit init``: an ear care project, one impact, one director."""
    lines = [
        "Community ear care",
        organisation,
        "Rhian Owen",
        "Improvement Lead",
        "",  # no email
        "Adults wait months in ENT outpatients to have earwax removed",
        "Audiology-led microsuction clinics in four towns",
        "",  # no strategy
        "",  # no evidence
        "",  # start
        "",  # end
        "",  # no funding
        "Routine ENT referrals for earwax",
        "referrals",
        "3",  # a month
        "140",
        "40",
        "",  # no money value
        "ENT referral logs",
        "no",  # no more impacts
        role,
        "Andrew Carruthers",
        "",  # default id
        picked,
        "",  # none of their own
        "",  # no concerns
        "no",  # no more directors
        "Agree recurrent funding for the clinics",
        "",
        "",
        "",
        MEETING.isoformat(),
    ]
    return "".join(f"{line}\n" for line in lines)


def test_nhs_wales_bodies_are_read_as_welsh() -> None:
    assert kind_of("Hywel Dda University Health Board") == "health-board"
    assert kind_of("Bwrdd Iechyd Prifysgol Hywel Dda") == "health-board"
    assert kind_of("Velindre University NHS Trust") == "welsh-trust"
    assert kind_of("Public Health Wales NHS Trust") == "welsh-trust"
    assert kind_of("Welsh Ambulance Services University NHS Trust") == "ambulance"
    assert kind_of("Example NHS Foundation Trust") is None


@pytest.mark.parametrize(
    "organisation",
    ["Hywel Dda University Health Board", "Velindre University NHS Trust"],
)
def test_a_welsh_coo_is_offered_wales_standards(tmp_path: Path, organisation: str) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview(organisation, "Chief Operating Officer", "1,2,3")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "18 weeks" not in shown
    assert "four-hour standard" not in shown
    assert "ambulance handover" in shown
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == [
        "Meet the 4-hour and 12-hour waiting targets in emergency departments",
        "Treat patients within 36 weeks of referral, with no one waiting over 104 weeks",
        "Deliver the Six Goals for Urgent and Emergency Care",
    ]
    assert [o.id for o in director.objectives] == ["four-hour", "rtt", "six-goals"]


def test_an_english_trusts_coo_keeps_englands(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Severnside Hospitals NHS Foundation Trust", "Chief Operating Officer", "2")
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == [
        "Treat more patients within 18 weeks of referral"
    ]


@pytest.mark.parametrize(
    ("role", "picked", "expected", "england"),
    [
        (
            "Chief Executive",
            "2,3",
            [
                "Break even and have an approved Integrated Medium Term Plan (IMTP)",
                "Show Healthcare Inspectorate Wales a safe, well-run organisation",
            ],
            "across the system",
        ),
        (
            "Director of Strategy",
            "1,4",
            [
                "Deliver the organisation's Integrated Medium Term Plan (IMTP)",
                "Build lasting partnerships through the regional partnership board",
            ],
            "system plan",
        ),
        (
            "Medical Director",
            "2",
            ["Improve clinical effectiveness against national clinical audits"],
            "GIRFT",
        ),
        (
            "Chief Digital Officer",
            "2",
            ["Raise the organisation's digital maturity"],
            "What Good Looks Like",
        ),
    ],
)
def test_other_roles_in_a_health_board_are_offered_no_englands_names(
    tmp_path: Path, role: str, picked: str, expected: list[str], england: str
) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Hywel Dda University Health Board", role, picked)
    result = CliRunner().invoke(app, ["init", str(facts)], input=feed)
    assert result.exit_code == 0, result.output
    assert england not in " ".join(result.output.split())
    [director] = load_facts(facts).facts.directors
    assert [o.text for o in director.objectives] == expected


def test_the_welsh_interview_offers_wales_standards_in_welsh(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    feed = interview("Bwrdd Iechyd Prifysgol Hywel Dda", "Prif Swyddog Gweithredu", "1,2,3")
    result = CliRunner().invoke(app, ["init", str(facts), "--locale", "cy_GB"], input=feed)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    assert "18 wythnos" not in shown
    assert "Lleihau oedi wrth drosglwyddo cleifion o ambiwlansys" in shown
    [director] = load_facts(facts, lang="cy").facts.directors
    assert [o.text for o in director.objectives] == [
        "Cyrraedd y targedau aros 4 awr a 12 awr yn yr Adran Achosion Brys",
        "Trin cleifion o fewn 36 wythnos i'w hatgyfeirio, heb i neb aros mwy na 104 wythnos",
        "Cyflawni'r Chwe Nod ar gyfer Gofal Brys ac Argyfwng",
    ]
