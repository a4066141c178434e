"""Link pass 42 (blind86-88 read): words read in another sense, and people at home.

- ``other_senses`` (measures.yaml) takes a third kind of condition, ``only_with``: words
  within four words either side that keep a concept's own sense. "Retain" and "retention" are staff
  kept only where the words near it name staff; "Retain Good for Well-led" keeps a rating and
  "retained office buildings" are buildings kept. "Prison leavers" and "care leavers" have
  left an institution, not a job.
- A ``who_and_where`` family, ``home or ward``, sets people in their own homes against
  patients on hospital wards: a fall at home is not an inpatient fall. "Hospital at home"
  is a virtual ward and leaves a text unread by the family, as "virtual ward" does.

See docs/linking-evaluation.md, "Pass 42".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.recast.measures import RULES, mentions, problems, read_measure_file
from pitchkit.recast.whowhere import apart


def concepts(text: str) -> list[str]:
    return [mention.concept for mention in mentions(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Retain Good for Well-led, with WDES and WRES evidence",
        "High and significant risk backlog maintenance on retained office buildings",
        "Retain JAG accreditation for the endoscopy unit",
        "Patients in urinary retention after spinal anaesthesia",
        "Records retention schedule applied to every paper store",
        "Retain Good for Well-led, with WDES and WRES evidence for the workforce equality, "
        "diversity and inclusion quality statement",
        "70% of prison leavers referred to RECONNECT engaging with the service",
        "Care leavers registered with a GP",
    ],
)
def test_words_in_another_sense_name_no_turnover(text: str) -> None:
    assert "turnover" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Retain our registered nurses beyond their first year",
        "Nurse retention at 90% at 12 months",
        "Staff retention above 90%",
        "Retention of newly qualified midwives",
        "Voluntary leavers giving stress or burnout as the reason",
        "Turnover 10% or below",
    ],
)
def test_staff_kept_or_leaving_is_still_turnover(text: str) -> None:
    assert "turnover" in concepts(text)


def test_a_rating_retained_is_not_claimed_for_turnover() -> None:
    found = linked(
        "Twelve-month turnover among staff with a declared disability",
        "Retain Good for Well-led, with WDES and WRES evidence",
        unit="%",
        baseline=16.4,
        target=12,
    )
    assert found is None or found.confidence != "confident"
    assert RULES["other senses"]


def test_only_with_is_a_known_field() -> None:
    assert not [line for line in problems(read_measure_file()) if "other_senses" in line]
    broken = {**read_measure_file(), "other_senses": [{"concept": "turnover", "words": ["x"]}]}
    assert any("only_with" in line for line in problems(broken))


FALL_AT_HOME = "People helped who fall at home and need an ambulance within 90 days of discharge"
INPATIENT_FALLS = "20% fewer inpatient falls with moderate harm or above"


def test_a_fall_at_home_is_not_an_inpatient_fall(tmp_path: Path) -> None:
    found = apart(FALL_AT_HOME, INPATIENT_FALLS)
    assert found is not None
    assert (found.family, found.kind) == ("home or ward", "where")
    impact = {"id": "home", "measure": FALL_AT_HOME, "unit": "%", "baseline": 19, "target": 11}
    link = directors_links(tmp_path, impact, INPATIENT_FALLS, role="Chief Nurse")
    offered = link[("home", "target")]
    assert offered["confidence"] == "possible"
    assert "people in their own homes" in offered["explanation"]
    link = directors_links(tmp_path, impact, INPATIENT_FALLS, role="Chief Nurse", locale="cy")
    assert "pobl yn eu cartrefi eu hunain" in link[("home", "target")]["explanation"]


def test_hospital_at_home_and_falls_anywhere_are_untouched() -> None:
    # A virtual ward is hospital care at home: the family leaves it unread.
    assert apart("Hospital at home admissions", "G&A occupancy on our wards at 92%") is None
    # A text naming no setting counts every setting.
    assert apart("Falls with harm", "20% fewer inpatient falls with moderate harm") is None
    # People at home still live in an area: the setting family is left as it was.
    assert (
        apart(
            "Emergency admissions for enteral tube complications in patients fed at home",
            "3% fewer adult non-elective admissions per 1,000 population than 2025/26",
        )
        is None
    )
    # Both sides at home.
    assert apart("Falls at home in people over 65", "Fewer falls in people's own homes") is None
