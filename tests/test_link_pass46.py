"""Link pass 46 (blind95-97 read): readings and names that hold in any domain.

- A wait aimed at under a heading that names a service ("Diagnostics: no patient waiting
  longer than 8 weeks", "Therapies: nobody waits longer than 14 weeks", NHS Wales's way of
  writing its targets) is read as that service's waits (``RULES["heading waits"]``).
- A scan named by its modality and the part scanned ("MRI knee scans", "CT and MRI head
  scans") is read as diagnostic tests done, unless it is where a time starts
  (``RULES["scans of a part"]``).
- "Deficit" after a bed, capacity or staffing word is a shortfall of those, not the
  financial plan's (``other_senses``).
- National measure names: ASCOF 2A's permanent residential or nursing care placements,
  NCAA and the ward arrest rate, out-of-area bed days written after the ward, the DQMI's
  items (valid ethnic category, verified NHS number), antibacterial items per STAR-PU and
  the broad-spectrum antibiotics (co-amoxiclav, cephalosporins, quinolones).

See docs/linking-evaluation.md, "Pass 46".
"""

from __future__ import annotations

import pytest

from linkcases import linked
from pitchkit.recast.measures import RULES, concepts_in, mentions


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        (
            "Diagnostics: no patient waiting longer than 8 weeks (Ministerial priority), "
            "March 2028",
            "diagnostic-waits",
        ),
        ("Therapies: nobody waits longer than 14 weeks", "therapy-waits"),
    ],
)
def test_a_wait_under_a_heading_is_the_headings_waits(
    text: str, concept: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert concepts_in(text) == (concept,)
    mentions.cache_clear()
    monkeypatch.setitem(RULES, "heading waits", False)
    try:
        assert concept not in concepts_in(text)
    finally:
        mentions.cache_clear()


def test_a_heading_wait_claims_the_wait_it_names() -> None:
    found = linked(
        "Patients waiting more than 8 weeks for a colonoscopy or flexible sigmoidoscopy",
        "Diagnostics: no patient waiting longer than 8 weeks (Ministerial priority), March 2028",
    )
    assert found is not None
    assert found.confidence == "confident"
    found = linked(
        "People waiting more than 14 weeks for vestibular physiotherapy",
        "Therapies: nobody waits longer than 14 weeks",
    )
    assert found is not None
    assert found.confidence == "confident"


def test_a_heading_whose_wait_names_its_own_measure_is_read_as_written() -> None:
    # The wait names its measure after the heading: nothing is added from the heading.
    assert concepts_in("Single Cancer Pathway: 75% of patients start treatment within 62 days")
    assert "therapy-waits" not in concepts_in("Therapies: recruit 12 more physiotherapists")


@pytest.mark.parametrize(
    "measure",
    [
        "GP direct-access MRI knee scans in people aged 50 and over",
        "MRI internal auditory meatus scans requested for dizziness",
        "Direct-access CT and MRI head scans requested by GPs for headache",
    ],
)
def test_a_scan_of_a_part_is_a_test_done(measure: str) -> None:
    assert "diagnostic-activity" in concepts_in(measure)


@pytest.mark.parametrize(
    "measure",
    [
        "Days from CT colonography scan to verified report",
        "Inpatient MRI knee scans done at weekends",
        "MRI knee scans bought from an independent provider",
    ],
)
def test_a_scan_where_a_time_starts_or_not_on_the_list_is_not_a_test_done(measure: str) -> None:
    assert "diagnostic-activity" not in concepts_in(measure)


def test_a_scan_of_a_part_reaches_dm01() -> None:
    found = linked(
        "GP direct-access MRI knee scans in people aged 50 and over",
        "DM01: 95% of patients waiting under 6 weeks for a diagnostic test by March 2028",
    )
    assert found is not None
    assert found.confidence == "confident"


def test_a_bed_deficit_is_not_the_financial_plan() -> None:
    assert "financial-balance" not in concepts_in(
        "Six Goals, goal 5: close the medical bed deficit of 40 beds before winter 2027"
    )
    assert concepts_in("Reduce the underlying deficit to £20m") == ("financial-balance",)
    found = linked(
        "ENT locum consultant sessions bought for extra dizziness clinics",
        "Six Goals, goal 5: close the medical bed deficit of 40 beds before winter 2027",
    )
    assert found is None or found.confidence != "confident"


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("New permanent residential or nursing care placements for adults aged 18-64",
         "care-home-admissions"),
        ("NCAA ward arrest rate under 1.0 per 1,000 admissions", "cardiac-arrests"),
        ("Adult acute mental health bed days bought out of area from independent hospitals",
         "out-of-area-placements"),
        ("Patient records with a verified NHS number (trace status 01)",
         "demographic-recording"),
        ("Admitted patient care episodes in SUS with a valid ethnic category",
         "demographic-recording"),
        ("Primary care antibacterial items at or below 0.871 per STAR-PU",
         "antimicrobial-stewardship"),
        ("Co-amoxiclav, cephalosporins and quinolones under 10% of antibiotic items",
         "antimicrobial-stewardship"),
    ],
)  # fmt: skip
def test_national_measure_names(text: str, concept: str) -> None:
    assert concept in concepts_in(text)


def test_valid_ethnic_category_counts_in_the_dqmi() -> None:
    found = linked(
        "Admitted patient care episodes in SUS with a valid ethnic category",
        "DQMI at 95% overall, no dataset below 90%",
        baseline=80,
        target=95,
    )
    assert found is not None
    assert found.confidence == "confident"
    assert found.chain is not None
    assert found.chain.end == "data-quality"
