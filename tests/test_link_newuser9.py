"""What a new user's projects showed about links (newuser9, issue 14 item 6).

* "Value for money" is not financial balance: outsourced operations are not
  claimed for "Build a culture of value for money" through the CIP.
* "Spend with independent sector providers" is outsourcing's spend: the link
  is the map's, and its reason names it, not only a money value.
* Complications after surgery are harm, and an outcome GIRFT compares: shown
  for "Reduce hospital-acquired harm" and the GIRFT perioperative objective.
* A gap between ethnic groups, or "health inequalities", is not moved by a
  measure that counts no group: not offered at all.
* Deconditioning is said of older patients: bed days for adults in a sickle
  cell crisis do not reach harm through it; bed days of people aged 75 and
  over still do.
* A chain does not pass through escalation beds: bed days do not reach agency
  spend that way, while escalation bed days do; unless the board worries about
  escalation beds (they are open).

See docs/linking-evaluation.md, "The new-user misses, session 14".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from typer.testing import CliRunner

from pitchkit.cli import app

PREOP = Path(__file__).parent / "data" / "newuser9" / "preop.yaml"
SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


def team_links(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """Every link ``directors --json`` lists, by (impact, director.objective)."""
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return {
        (item["impact"], f"{place['id']}.{item['objective']}"): item
        for place in json.loads(result.stdout)["directors"]
        for item in place["links"]
    }


def with_impacts(
    tmp_path: Path,
    impacts: list[dict[str, Any]],
    objectives: list[str],
    concerns: tuple[str, ...] = (),
) -> Path:
    """The sepsis example with these impacts and one more director with these objectives."""
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"] = impacts
    facts["directors"].append(
        {"id": "new", "name": "Ann Lee", "role": "Chief Nurse", "concerns": list(concerns),
         "objectives": [{"id": f"o{n}", "text": text} for n, text in enumerate(objectives)]}
    )  # fmt: skip
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    return path


def bed_days(measure: str) -> dict[str, Any]:
    return {"id": "beds", "measure": measure, "unit": "bed days", "baseline": 2400, "target": 1900}


def test_a_culture_of_value_for_money_is_not_claimed_through_the_cip() -> None:
    found = team_links(PREOP)[("outsourced", "dof.value")]
    assert found["confidence"] == "possible"
    assert "CIP" not in found["explanation"]
    # The trust's balance is named as such, and the chain to it still holds.
    assert team_links(PREOP)[("outsourced", "ceo.balance")]["confidence"] == "confident"


def test_spend_with_independent_sector_providers_is_outsourcing_and_the_reason_says_so() -> None:
    found = team_links(PREOP)[("outsourced", "dof.independent-sector")]
    assert found["confidence"] == "confident"
    assert found["chain"] == ["outsourcing"]
    assert found["explanation"].startswith("measure map: both measure outsourcing")
    assert "money value" not in found["explanation"]


def test_complications_after_surgery_are_shown_for_harm_and_the_girft_objective() -> None:
    links = team_links(PREOP)
    harm = links[("complications", "cno.harm")]
    girft = links[("complications", "md.girft")]
    assert harm["chain"] == ["complications after surgery", "avoidable harm"]
    assert "harm from care" in harm["explanation"]
    assert girft["chain"] == ["complications after surgery", "clinical outcomes"]
    assert "GIRFT" in girft["explanation"]


def test_health_inequalities_are_not_offered_for_a_measure_of_no_group() -> None:
    assert ("cancellations", "dsd.inequalities") not in team_links(PREOP)


def test_a_gap_between_ethnic_groups_needs_a_measure_for_a_group(tmp_path: Path) -> None:
    path = with_impacts(
        tmp_path,
        [
            {"id": "restraint", "measure": "Physical restraints per 1,000 occupied bed days",
             "unit": "restraints", "baseline": 12, "target": 8},
            {"id": "black", "measure": "Physical restraints of Black patients",
             "unit": "restraints", "baseline": 40, "target": 20},
        ],
        ["Halve the disproportionate use of restraint on Black patients"],
    )  # fmt: skip
    links = team_links(path)
    assert ("restraint", "new.o0") not in links
    assert links[("black", "new.o0")]["confidence"] == "confident"


def test_deconditioning_is_said_of_older_patients(tmp_path: Path) -> None:
    path = with_impacts(
        tmp_path,
        [
            bed_days("Inpatient bed days for sickle cell pain crises"),
            {**bed_days("Hospital bed days used by people aged 75 and over"), "id": "older"},
        ],
        ["Reduce moderate and severe harm"],
    )
    links = team_links(path)
    assert ("beds", "new.o0") not in links
    assert "deconditioning" in links[("older", "new.o0")]["chain"]


def test_bed_days_do_not_reach_agency_spend_through_escalation_beds(tmp_path: Path) -> None:
    path = with_impacts(
        tmp_path,
        [
            bed_days("Inpatient bed days for sickle cell pain crises"),
            {**bed_days("Escalation bed days on the winter ward"), "id": "escalation"},
        ],
        ["Reduce agency spend by 30%", "Close every escalation bed by March 2028"],
    )
    links = team_links(path)
    assert ("beds", "new.o0") not in links
    assert links[("escalation", "new.o0")]["chain"] == ["escalation beds", "agency spend"]
    # Escalation beds can still end a chain: bed days saved let them close.
    assert links[("beds", "new.o1")]["chain"] == ["bed days", "escalation beds"]


def test_a_board_worried_about_open_escalation_beds_is_offered_the_chain(tmp_path: Path) -> None:
    path = with_impacts(
        tmp_path,
        [bed_days("Inpatient bed days for sickle cell pain crises")],
        ["Reduce agency spend by 30%"],
        concerns=("Escalation beds open all year round",),
    )
    found = team_links(path)[("beds", "new.o0")]
    assert found["chain"] == ["bed days", "escalation beds", "agency spend"]
    assert found["confidence"] == "possible"
