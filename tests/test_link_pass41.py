"""Link pass 41 (blind80-85 read): whose, which one, and by when.

- A milestone due by a month ("No one waiting over 65 weeks by September 2025"), or an
  objective for or through a named winter ("G&A occupancy at or below 92% through winter
  2025/26"), is for the financial year that month or winter falls in: a project that
  delivers nothing by then does not serve it, and the link is offered (the ``year``
  doubt), as one "for 2025/26" already was.
- Families of names in ``who_and_where`` (measures.yaml): each screening programme and
  each vaccine is counted on its own, an NHS body's own staff are not the care workers of
  care homes and home care agencies, and an organisation's own carbon footprint does not
  hold the emissions of people's homes; each element of perinatal optimisation and each
  level of neonatal care is counted apart. Two sides naming different members are
  offered, never claimed (the ``who`` or ``where`` doubt).
- "Median weeks waiting for a DEXA scan" is a diagnostic wait told as a statistic, as
  "Patients waiting ... for a DEXA scan" is.
- "Co-amoxiclav, cephalosporins and quinolones at or below 10% of antibiotic items" is a
  share of the whole amount (the ``mix`` doubt against an impact counting items), as
  "share of" and "% of total use" already were; an impact given in per cent is a share too.

See docs/linking-evaluation.md, "Pass 41".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from linkcases import SEPSIS, links_listed
from pitchkit.recast.measures import RULES, concepts_in
from pitchkit.recast.money import deadline_year, target_year
from pitchkit.recast.quantity import mixed
from pitchkit.recast.whowhere import apart

CLAIMED = {"explicit", "confident"}


def test_a_milestone_is_for_the_financial_year_of_its_month_or_winter() -> None:
    assert deadline_year("No one waiting over 65 weeks by September 2025") == 2025
    assert deadline_year("Retender the transport contract with new KPIs by April 2027") == 2027
    assert deadline_year("Discharge lounge open by the end of February 2027") == 2026
    assert deadline_year("G&A bed occupancy no higher than 92% through winter 2025/26") == 2025
    assert deadline_year("Winter plan 2025/26: 111 direct booking live in every ED") == 2025
    # A month it is due by comes before a winter that says when something began.
    assert deadline_year("Close the escalation beds opened in winter 2026/27 by June 2027") == 2027
    # A winter it is measured against is not its year, and a text with no date has none.
    assert deadline_year("Fewer admissions than winter 2024/25") is None
    assert deadline_year("G&A bed occupancy at or below 92%") is None
    # The notes' reading of a money target's year is unchanged.
    assert target_year("No one waiting over 65 weeks by September 2025") is None


def test_the_families_tell_programmes_vaccines_staff_and_carbon_apart() -> None:
    screening = apart(
        "Breast screening uptake, women on the learning disability register aged 50-70",
        "Bowel Screening Wales uptake of at least 60% in every health board",
    )
    assert screening is not None
    assert screening.family == "screening programme"
    assert apart("Bowel screening kits returned", "Bowel screening uptake of 60%") is None
    assert apart("Breast screening uptake", "Cancers diagnosed at stage 1 or 2") is None
    vaccine = apart(
        "Shingles vaccine doses recorded on the Welsh Immunisation System within 48 hours",
        "95% of children with two doses of MMR by age five",
    )
    assert vaccine is not None
    assert vaccine.family == "vaccine"
    # An objective naming several programmes shares one with an impact on any of them.
    assert (
        apart(
            "Year 8 pupils given HPV vaccine by the end of the school year",
            "Section 7a: HPV, MenACWY and Td/IPV above the national benchmark",
        )
        is None
    )
    assert apart("Shingles vaccine uptake at 70 to 79", "Childhood immunisations at 95%") is None
    staff = apart(
        "Moving and handling injuries to home care workers reported by commissioned providers",
        "Fewer RIDDOR-reportable injuries to our own staff",
    )
    assert staff is not None
    assert staff.family == "whose staff"
    assert apart("Care worker vacancy rate in care homes", "HCSW vacancies at zero") is not None
    assert apart("HCSW vacancy rate on medical wards", "HCSW vacancies at zero") is None
    carbon = apart(
        "Carbon emissions from heating participants' homes",
        "Net zero NHS: 80% cut in the NHS Carbon Footprint by 2028-2032",
    )
    assert carbon is not None
    assert (carbon.family, carbon.kind) == ("whose carbon", "where")
    assert (
        apart(
            "Carbon emissions from heating participants' homes",
            "Borough-wide carbon emissions on track for net zero by 2040",
        )
        is None
    )


def test_perinatal_elements_and_neonatal_levels_are_apart() -> None:
    element = apart(
        "Babies born before 30 weeks whose mother had magnesium sulphate before birth",
        "Perinatal optimisation: 85% of babies born before 34 weeks receiving antenatal steroids",
    )
    assert element is not None
    assert element.family == "perinatal optimisation element"
    assert (
        apart(
            "Babies born before 34 weeks whose mother had a full course of antenatal steroids",
            "85% of babies born before 34 weeks receiving any antenatal steroids",
        )
        is None
    )
    assert apart("Magnesium sulphate before 30 weeks", "The full perinatal pathway") is None
    level = apart(
        "Special care and high dependency cot days used by babies born at 30 to 33 weeks",
        "Network intensive care cot occupancy below 80%",
    )
    assert level is not None
    assert (level.family, level.kind) == ("neonatal level of care", "where")
    assert apart("Neonatal cot days", "Network intensive care cot occupancy below 80%") is None


def test_a_wait_told_as_a_statistic_is_the_wait() -> None:
    assert concepts_in("Median weeks waiting for a DEXA scan") == ("diagnostic-waits",)
    assert concepts_in("Average days waiting for an echo") == ("diagnostic-waits",)
    # Another count before the wait is what is counted.
    assert concepts_in("Bed days spent waiting for an echo") == ("bed-days",)


def test_a_kind_at_a_per_cent_of_the_whole_amount_is_a_share() -> None:
    assert mixed("Co-amoxiclav, cephalosporins and quinolones at or below 10% of antibiotic items")
    assert mixed("Watch and Reserve antibiotics under 40% of total use")
    assert not mixed("Antibiotic items prescribed to adults for acute cough")
    # A level against a year's amount is not a share of it.
    assert not mixed("Opioid items at 80% of 2019 items")


IMPACTS: list[dict[str, Any]] = [
    {"id": "over-52", "measure": "Women waiting over 52 weeks for gynaecology surgery",
     "unit": "patients", "baseline": 310, "target": 0},
    {"id": "shingles", "measure": "Shingles vaccine doses given to people aged 70 to 79",
     "unit": "%", "baseline": 40, "target": 60},
    {"id": "carer-injuries",
     "measure": "Moving and handling injuries to home care workers reported by care providers",
     "unit": "injuries", "baseline": 38, "target": 20},
    {"id": "abx-items", "measure": "Antibiotic items prescribed to adults for acute cough",
     "unit": "items", "baseline": 9800, "target": 7300},
    {"id": "erd", "measure": "Care home repeat items issued as electronic repeat dispensing",
     "unit": "%", "baseline": 30, "target": 80},
]  # fmt: skip
OBJECTIVES: list[dict[str, Any]] = [
    {"id": "ww65-past", "text": "No one waiting over 65 weeks by September 2025"},
    {"id": "ww65-open", "text": "No one waiting over 65 weeks by September 2027"},
    {"id": "mmr", "text": "95% of children with two doses of MMR by age five"},
    {"id": "riddor", "text": "Fewer RIDDOR-reportable injuries to our own staff"},
    {
        "id": "broad",
        "text": "Co-amoxiclav, cephalosporins and quinolones at or below 10% of antibiotic items",
    },
    {"id": "erd-target", "text": "eRD at 80% of repeat items"},
]


def project(tmp_path: Path) -> Path:
    """The sepsis project, run from April 2027, with the cases above and director ``dx``."""
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["project"]["start"] = "2027-04-01"
    facts["project"]["end"] = "2028-03-31"
    facts["impacts"].extend(IMPACTS)
    facts["directors"].append(
        {"id": "dx", "name": "Ann Lee", "role": "Chief Operating Officer", "objectives": OBJECTIVES}
    )
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    return path


def test_directors_offers_a_milestone_already_past_and_other_groups(tmp_path: Path) -> None:
    links = links_listed(project(tmp_path))
    past = links[("over-52", "ww65-past")]
    assert past["confidence"] == "possible"
    assert past["doubt"] == "year"
    assert links[("over-52", "ww65-open")]["confidence"] in CLAIMED
    # A share of antibiotic items is not how many items there are; a per cent is a share.
    assert links[("abx-items", "broad")]["confidence"] == "possible"
    assert links[("abx-items", "broad")]["doubt"] == "mix"
    assert links[("erd", "erd-target")]["confidence"] in CLAIMED
    for pair, doubt in (
        (("shingles", "mmr"), "who"),
        (("carer-injuries", "riddor"), "who"),
    ):
        if pair in links:  # offered with its doubt, or not listed at all
            assert links[pair]["confidence"] == "possible"
            assert links[pair]["doubt"] == doubt


def test_without_the_rules_the_past_milestone_is_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "deadlines", False)
    links = links_listed(project(tmp_path))
    assert links[("over-52", "ww65-past")]["confidence"] in CLAIMED
