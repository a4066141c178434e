"""Rules from the fifth first-look pass (blind23-24 read): asides, settings, time words.

* A concept an impact's measure names only in brackets, with no other telling
  word shared from outside them, makes only a possible link (the ``aside``
  doubt). An objective's brackets and lists name its parts, and are read whole.
* A virtual ward is its own bed type: hospital bed days and emergency
  admissions do not fill or empty it.
* Community and inpatient care are settings counted apart.
* "spending more than 12 hours" is time, not money; "at 52 weeks" is a point in
  time, not a 52-week wait.

See docs/linking-evaluation.md, "The fifth first-look pass".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linkcases import directors_links, linked
from pitchkit.advice.ranking import link_reason
from pitchkit.i18n.translation import language
from pitchkit.recast.measures import RULES, families_disagree, measured, named_aside
from pitchkit.recast.naming import named_measure
from pitchkit.recast.quantity import read

INTOXICATED = "Incidents of patients intoxicated on the ward (alcohol or drugs, incl. after leave)"
TREATMENT = "Combating Drugs Partnership: 20% more adults in structured drug and alcohol treatment"
SAFE_WARDS = "Safe wards plan: fewer incidents of drug and alcohol use on our wards"


# -- asides ----------------------------------------------------------------------------


def test_a_concept_named_only_in_brackets_is_an_aside() -> None:
    assert named_aside(INTOXICATED, "alcohol")
    # Named outside the brackets, it is what the measure counts.
    assert not named_aside("Alcohol-related admissions (ICD-10 F10)", "alcohol")


def test_an_objectives_brackets_and_lists_name_its_parts() -> None:
    # Premium pay counts WLI sessions; the efficiency programme counts ending outsourcing.
    found = linked(
        "Weekend sonographer overtime sessions",
        "Premium pay (bank, agency, WLI) down 20% on 2025/26",
        unit="sessions",
    )
    assert found is not None
    assert found.confidence == "confident"
    programme = "Deliver the £9.5m efficiency programme, including ending outsourced spend"
    found = linked("Right to Choose private ADHD assessments funded", programme, unit="assessments")
    assert found is not None
    assert found.confidence == "confident"


def test_a_link_made_only_by_an_aside_is_possible_with_the_reason() -> None:
    found = linked(INTOXICATED, TREATMENT, unit="incidents")
    assert found is not None
    assert found.chain is not None  # the map still names the concept both sides share
    assert found.confidence == "possible"
    assert found.mismatch == "aside"
    english = link_reason(found, language("en"), director_id="dmh")
    assert "the impact's measure names it only in brackets, and the two share nothing" in english
    welsh = link_reason(found, language("cy"), director_id="dmh")
    assert "mae mesur yr effaith yn ei enwi mewn cromfachau yn unig" in welsh


def test_a_word_shared_outside_the_aside_keeps_the_claim() -> None:
    # Both count incidents: the shared word outside the brackets says so.
    found = linked(INTOXICATED, SAFE_WARDS, unit="incidents")
    assert found is not None
    assert found.confidence == "confident"


def test_the_aside_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "asides", False)
    found = linked(INTOXICATED, TREATMENT, unit="incidents")
    assert found is not None
    assert found.confidence == "confident"


def test_directors_offers_an_aside_as_possible_with_the_reason(tmp_path: Path) -> None:
    impact = {"id": "intox", "measure": INTOXICATED, "unit": "incidents",
              "baseline": 40, "target": 20}  # fmt: skip
    found = directors_links(tmp_path, impact, TREATMENT)[("intox", "target")]
    assert found["confidence"] == "possible"
    assert found["doubt"] == "aside"
    assert "names it only in brackets" in found["explanation"]


# -- a virtual ward is its own bed type ------------------------------------------------

VIRTUAL_WARD = "Virtual ward occupancy at 80% or more"


def test_hospital_bed_days_do_not_fill_a_virtual_ward() -> None:
    bed_days = "Bed days for patients staying only to receive IV antibiotics"
    assert families_disagree(bed_days, VIRTUAL_WARD) == "bed type"
    assert linked(bed_days, VIRTUAL_WARD, unit="bed days") is None


def test_emergency_admissions_take_a_hospital_bed_not_a_virtual_ward() -> None:
    admissions = "Emergency admissions of people aged 65 and over from three PCNs"
    assert linked(admissions, VIRTUAL_WARD, unit="admissions") is None
    # They still fill the hospital's general and acute beds.
    found = linked(admissions, "G&A bed occupancy 92% over winter", unit="admissions")
    assert found is not None
    assert found.confidence == "confident"


def test_a_virtual_ward_measure_still_reaches_its_own_occupancy() -> None:
    found = linked("Patients cared for on the virtual ward", VIRTUAL_WARD, unit="patients")
    assert found is not None
    assert families_disagree("Patients cared for on the virtual ward", VIRTUAL_WARD) is None


# -- community against inpatient care ------------------------------------------------

CQUIN = (
    "CQUIN: IV-to-oral switch within 24 hours of meeting criteria for 60% of eligible inpatients"
)


def test_community_care_does_not_serve_an_inpatient_objective() -> None:
    review = "Community IV cellulitis patients with an IV-to-oral switch review at 48 hours"
    assert families_disagree(review, CQUIN) == "care setting"
    assert linked(review, CQUIN, unit="%") is None
    deaths = "Community deaths scrutinised by a medical examiner"
    assert linked(deaths, "Structured judgement review within 8 weeks for every "
                  "inpatient death flagged by the medical examiner", unit="%") is None  # fmt: skip


def test_a_setting_named_on_one_side_only_or_on_both_still_links() -> None:
    # The objective names no setting: the review still serves the switch.
    found = linked(
        "Community IV cellulitis patients with an IV-to-oral switch review at 48 hours",
        "IV-to-oral switch within 24 hours of meeting criteria",
        unit="%",
    )
    assert found is not None
    assert families_disagree("Inpatients who attend the community drug and alcohol service",
                             CQUIN) is None  # fmt: skip


# -- time words ------------------------------------------------------------------------

# Not "... 12 hours in the department", which since recall pass 37 is read as a
# 12-hour wait (linking-evaluation.md, "Recall pass 37"): a text that names no concept
# but spends hours.
TWELVE_HOURS = "Fewer than 2% of patients spending more than 12 hours on the acute medical unit"


def test_spending_hours_is_time_not_money() -> None:
    assert measured(TWELVE_HOURS) == ()
    assert read(TWELVE_HOURS).kind == "time"
    assert (
        linked("Net spend on carbapenems and their switch alternatives", TWELVE_HOURS, unit="£")
        is None
    )
    # Spending money is still money.
    assert measured("Spending on agency nurses") == ("spend",)
    assert read("Reduce spending on agency staff by £2m").kind == "money"


def test_at_52_weeks_is_a_point_in_time_not_a_long_wait() -> None:
    assert "long-waits" not in measured("Patients still taking bone therapy at 52 weeks")
    assert "long-waits" in measured("Patients waiting more than 52 weeks")


def test_the_time_words_rule_is_what_reads_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from pitchkit.recast import measures

    def forget() -> None:
        for remembered in (measures.mentions, measures.measured, measures.aimed):
            remembered.cache_clear()

    monkeypatch.setitem(RULES, "time words", False)
    forget()
    try:
        assert "long-waits" in measured("Patients still taking bone therapy at 52 weeks")
        assert "spend" in measured(TWELVE_HOURS)
    finally:
        monkeypatch.setitem(RULES, "time words", True)
        forget()


# -- a named measure's words in brackets -----------------------------------------------

CARBAPENEMS = "Carbapenem use, DDD per 1,000 admissions"
ANTIMICROBIALS = "Total antimicrobial use (DDD/1,000 admissions) 5% below 2019 (UK NAP 2024-29)"


def test_a_phrase_the_objective_holds_mostly_in_brackets_does_not_name_the_measure() -> None:
    # "(DDD/1,000 admissions)" says how total use is counted: carbapenem use is not total use.
    assert named_measure(CARBAPENEMS, ANTIMICROBIALS) is None
    found = linked(CARBAPENEMS, ANTIMICROBIALS, unit="DDD per 1,000 admissions")
    assert found is None or found.confidence == "possible"


def test_a_phrase_outside_the_brackets_still_names_it() -> None:
    assert named_measure("FOI requests answered within 20 working days",
                         "FOI Act: 90% of requests answered within the statutory 20 working days"
                         ) is not None  # fmt: skip


def test_the_naming_asides_rule_is_what_holds_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(RULES, "naming asides", False)
    named_measure.cache_clear()
    try:
        assert named_measure(CARBAPENEMS, ANTIMICROBIALS) is not None
    finally:
        monkeypatch.setitem(RULES, "naming asides", True)
        named_measure.cache_clear()
