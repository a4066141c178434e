"""Link pass 44 (blind92-94 read): three kinds of wrong claim that recur across the read blocks.

- A ``who_and_where`` family, ``appointment kind``: outpatient appointments against
  diagnostic tests. The outpatient DNA rate counts outpatient attendances, not scans or
  endoscopies (blind44, blind92).
- An ``only`` member of a ``who_and_where`` family: "emergency admissions due to falls"
  is served only by a measure that names a fall; admissions for another cause, or for
  every cause, are read as the family's ``rest`` (blind24, blind86, blind93).
- An objective that is a report to make ("Publish the duty of candour annual report",
  "waiting list reported to the board each quarter") is not claimed for an impact that
  counts something else than the records it is made from (doubt ``reported``; blind79,
  blind94).

See docs/linking-evaluation.md, "Pass 44".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import Link, held_apart
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import report_aim, report_apart
from pitchkit.recast.whowhere import apart, families, rests

OUTPATIENT_DNA = "Outpatient DNA rate below 6%"


@pytest.mark.parametrize(
    "measure",
    [
        "Surveillance ultrasound appointments not attended",
        "CT colonography slots lost to DNA or inadequate bowel preparation",
    ],
)
def test_a_missed_scan_is_not_an_outpatient_dna(measure: str, tmp_path: Path) -> None:
    found = apart(measure, OUTPATIENT_DNA)
    assert found is not None
    assert (found.family, found.kind) == ("appointment kind", "where")
    impact = {"id": "dna", "measure": measure, "unit": "appointments", "baseline": 900,
              "target": 500}  # fmt: skip
    listed = directors_links(tmp_path, impact, OUTPATIENT_DNA, role="Chief Operating Officer")
    offered = listed[("dna", "target")]
    assert offered["confidence"] == "possible"
    assert offered["doubt"] == "where"
    assert "diagnostic tests" in offered["explanation"]


def test_outpatient_scans_and_plain_dnas_are_untouched() -> None:
    assert apart("Outpatient ultrasound scans not attended", OUTPATIENT_DNA) is None
    assert apart("Missed first appointments in the gynaecology clinic", OUTPATIENT_DNA) is None
    assert apart("Patients waiting more than six weeks for an MRI", "DM01 95% by March") is None


FALLS = "Emergency admissions due to falls in people aged 65+ below the England average"


@pytest.mark.parametrize(
    "measure",
    [
        "Emergency admissions for transient loss of consciousness",
        "Emergency admissions of care home residents with dehydration or acute kidney injury",
        "Emergency admissions of people aged 65 and over from the three Dales PCNs",
    ],
)
def test_admissions_for_another_cause_do_not_serve_the_falls_indicator(
    measure: str, tmp_path: Path
) -> None:
    found = apart(measure, FALLS)
    assert found is not None
    assert found.unnamed
    assert [m.label for m in found.impact] == ["people not said to have fallen"]
    impact = {"id": "adm", "measure": measure, "unit": "admissions", "baseline": 400,
              "target": 300}  # fmt: skip
    listed = directors_links(tmp_path, impact, FALLS, role="Chief Operating Officer")
    offered = listed[("adm", "target")]
    assert offered["confidence"] == "possible"
    assert offered["doubt"] == "who"
    assert "people not said to have fallen" in offered["explanation"]
    assert "people admitted after a fall" in offered["explanation"]


def test_the_falls_family_reads_welsh(tmp_path: Path) -> None:
    impact = {"id": "adm", "measure": "Emergency admissions for transient loss of consciousness",
              "unit": "admissions", "baseline": 400, "target": 300}  # fmt: skip
    listed = directors_links(tmp_path, impact, FALLS, role="Chief Operating Officer", locale="cy")
    assert "pobl na ddywedir iddynt gwympo" in listed[("adm", "target")]["explanation"]


@pytest.mark.parametrize(
    "measure",
    [
        "Emergency admissions after a fall, county residents aged 65+",
        "Emergency admissions for a fall, registered patients aged 65 and over",
        "Uninjured falls attended by the council responder team instead of an ambulance",
        "Programme participants who fall again within 12 months of referral",
    ],
)
def test_a_measure_naming_a_fall_still_serves_it(measure: str) -> None:
    assert apart(measure, FALLS) is None


def test_falls_serve_all_admissions_and_a_verb_is_no_cause() -> None:
    # A fall is one cause of admission: it still serves an objective on all admissions.
    assert apart("Emergency admissions after a fall", "Emergency admissions down 5%") is None
    # "Falls" as a verb in an objective names no cause.
    assert apart("Bed days lost to delayed discharge", "G&A occupancy falls below 92%") is None


def test_shared_words_alone_are_left_as_found_for_the_rest() -> None:
    impact = Impact(id="i", measure="Patients aged 65 and over on three or more sedatives",
                    unit="count", baseline=10, target=5)  # fmt: skip
    objective = Objective(id="o", text=FALLS)
    words = Link("i", "o", 0.5, "words", (), (("65", "65"),), "possible")
    assert held_apart(words, impact, objective) == words
    chain = linked("Emergency admissions for transient loss of consciousness", FALLS)
    assert chain is not None
    assert chain.chain is not None
    held = held_apart(chain, impact, objective)
    assert held is not None
    assert (held.confidence, held.mismatch) == ("possible", "who")


def test_every_rest_has_welsh() -> None:
    from pitchkit.recast.measures_cy import _group_names

    assert all(rest.label in _group_names() for rest in rests().values())
    assert any(m.only for _, members in families().values() for m in members)


REPORT = "Publish the 2025/26 duty of candour annual report by 30 September 2026"
BOARD = (
    "Elective waiting list reported to the board each quarter by IMD quintile and ethnicity "
    "(NHS England statement on health inequalities information, 2023)"
)


def test_a_report_to_make_is_read_from_its_verb() -> None:
    assert report_aim(REPORT)
    assert report_aim(BOARD)
    # The figures are asked to move: the objective is about them, not the report.
    assert not report_aim(
        "Use of Force Act: full compliance and a falling use of force reported to the board "
        "each quarter"
    )
    assert not report_aim(
        "25% fewer restrictive interventions, reported under the Use of Force Act"
    )
    # Tests reported are results given, and "published" describes the standard.
    assert not report_aim("90% of test directory tests reported within published turnaround times")
    assert not report_aim("Publish and deliver the green plan")


def test_records_for_the_report_still_serve_it() -> None:
    assert not report_apart("Waiting list entries with ethnic category recorded", BOARD)
    assert report_apart(
        "Gap in median wait from referral to treatment between IMD quintile 1 and quintile 5 "
        "patients",
        BOARD,
    )


def test_a_report_is_not_claimed_for_what_it_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {"id": "told",
              "measure": "People harmed in a notifiable incident told under the duty of candour "
                         "within 30 working days of the health board becoming aware",
              "unit": "%", "baseline": 60, "target": 90}  # fmt: skip
    listed = directors_links(tmp_path, impact, REPORT, role="Executive Director of Nursing")
    offered = listed[("told", "target")]
    assert offered["confidence"] == "possible"
    assert offered["doubt"] == "reported"
    assert "the objective is a report to make" in offered["explanation"]
    welsh = directors_links(
        tmp_path, impact, REPORT, role="Executive Director of Nursing", locale="cy"
    )
    assert "adroddiad i'w wneud yw'r amcan" in welsh[("told", "target")]["explanation"]
    monkeypatch.setitem(RULES, "reports", False)
    kept = directors_links(tmp_path, impact, REPORT, role="Executive Director of Nursing")
    assert kept[("told", "target")]["confidence"] in {"explicit", "confident"}
