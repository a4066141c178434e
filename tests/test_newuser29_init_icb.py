"""``init`` for an integrated care board's project (newuser29 #3).

The ICB's Chief Finance Officer was offered a trust's cost improvement
programme and agency spend, its Director of Primary Care a Welsh health
board's clusters and Mental Health Measure, its Chief Medical Officer GIRFT
and mortality, and its Place Director was "a Executive Director". Each test
pipes answers to ``pitchkit init`` as the trial did and reads back the
questions it printed and the facts file it wrote.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app
from pitchkit.facts.schema import load_facts

ICB = "NHS Northshire Integrated Care Board"


def answers(organisation: str, roles: list[str], picked: str = "1,2,3,4") -> str:
    """The trial's answers, with one director per role picking ``picked``."""
    lines = [
        "Winter respiratory infection hubs",
        organisation,
        "Sam Patel",
        "Head of Urgent Care Transformation",
        "",  # no email
        "Respiratory infections fill EDs every winter",
        "Same-day ARI hubs in six PCNs",
        "",  # no strategy
        "",  # no evidence
        "2026-10-01",
        "2028-03-31",
        "420000",
        "ICB transformation fund",
        "agreed",
        "Emergency admissions for respiratory infection",
        "admissions",
        "3",  # a month
        "190",
        "175",
        "",  # no money value
        "",  # no source
        "no",
    ]
    for number, role in enumerate(roles):
        more = "yes" if number < len(roles) - 1 else "no"
        lines += [role, f"Director {number}", "", picked, "", "", more]
    lines += ["Sponsor the hubs at the ICB executive", "", "", "", "2026-12-20"]
    if len(roles) > 1:
        lines += ["1"]
    return "".join(f"{line}\n" for line in lines)


def run_init(
    tmp_path: Path, organisation: str, roles: list[str]
) -> tuple[str, dict[str, list[str]]]:
    facts = tmp_path / "facts.yaml"
    result = CliRunner().invoke(app, ["init", str(facts)], input=answers(organisation, roles))
    assert result.exit_code == 0, result.output
    shown = " ".join(result.output.split())
    loaded = load_facts(facts).facts
    return shown, {d.role: [o.text for o in d.objectives] for d in loaded.directors}


#: An objective offered to pick: "2 Keep prescribing spend within budget".
OPTION = re.compile(r"\b\d (\D+?)(?= \d |$| Which)")

TRUST_WORDS = (
    "cost improvement programme",
    "agency spend",
    "GIRFT",
    "avoidable mortality",
    "cluster",
    "mental health measure",
    "Executive Director",
    "safely staffed",
)


@pytest.mark.parametrize("organisation", [ICB, "NHS Northshire ICB"])
def test_an_icbs_executives_are_offered_an_icbs_objectives(
    tmp_path: Path, organisation: str
) -> None:
    roles = [
        "Chief Finance Officer",
        "Chief Medical Officer",
        "Chief Nursing Officer",
        "Director of Primary Care",
        "Place Director",
        "Director of Strategy",
    ]
    shown, texts = run_init(tmp_path, organisation, roles)
    offered = " ".join(OPTION.findall(shown.split("Which director could sponsor")[1]))
    assert "Deliver the ICB's financial plan within its allocation" in offered
    for words in TRUST_WORDS:
        assert words.casefold() not in offered.casefold(), words
    assert "typical objectives of the Place Director in an integrated care board" in shown
    assert texts["Chief Finance Officer"] == [
        "Deliver the ICB's financial plan within its allocation",
        "Meet the ICB's efficiency (QIPP) target",
        "Keep prescribing spend within budget",
        "Hold acute and other contract spend to plan",
    ]
    assert (
        "Reduce unwarranted variation between practices and providers"
        in (texts["Chief Medical Officer"])
    )
    assert "Improve the quality and safety of prescribing" in texts["Chief Medical Officer"]
    assert texts["Chief Nursing Officer"][:3] == [
        "Assure the quality and safety of care across providers",
        "Assess people for NHS Continuing Healthcare on time",
        "Keep children and adults at risk safe",
    ]
    assert texts["Director of Primary Care"][:3] == [
        "Improve patients' access to general practice",
        "Keep general practices resilient and sustainable",
        "Help primary care networks deliver what they are funded for",
    ]
    for role in ("Place Director", "Director of Strategy"):
        assert texts[role][:2] == [
            "Build integrated neighbourhood teams in every place",
            "Deliver the joint forward plan with the system's partners",
        ]
    # No dated national figure, as with the other defaults.
    every = " ".join(t for ts in texts.values() for t in ts)
    assert not any(ch.isdigit() for ch in every)


def test_clusters_are_a_welsh_health_boards_only(tmp_path: Path) -> None:
    shown, texts = run_init(
        tmp_path, "Bwrdd Iechyd Prifysgol Hywel Dda", ["Director of Primary Care"]
    )
    assert "Keep general practice sustainable in every cluster" in texts["Director of Primary Care"]
    assert "Meet the mental health measure waiting times" in texts["Director of Primary Care"]
    trust = tmp_path / "trust"
    trust.mkdir()
    shown, texts = run_init(
        trust, "Northshire Hospitals NHS Foundation Trust", ["Director of Primary Care"]
    )
    assert "in every cluster" not in shown
    assert "mental health measure" not in shown
    assert texts["Director of Primary Care"][0] == (
        "Improve timely access to primary and community care"
    )


def test_an_executive_director_takes_an(tmp_path: Path) -> None:
    shown, texts = run_init(
        tmp_path,
        "Northshire Hospitals NHS Foundation Trust",
        ["Place Director", "Director of Finance"],
    )
    assert "typical objectives of an Executive Director are theirs" in shown
    assert "a Executive" not in shown
    assert "typical objectives of a Director of Finance are theirs" in shown
    assert texts["Place Director"][0] == "Improve the quality and safety of care"
