"""The gap pass: names found across words that only say whose or how many, and the map's
new names and edges from national lists (docs/linking-evaluation.md, "The gap pass")."""

from __future__ import annotations

from linkcases import linked
from pitchkit.recast.measures import concepts_in, measure_map, measured
from pitchkit.recast.words import PhraseMatcher, tokens


def test_a_setting_or_specialty_between_a_names_words_is_passed_over() -> None:
    assert measured("Discharges from surgical wards before noon") == ("discharge-before-noon",)
    assert measured("Outpatient cardiology follow-ups") == ("outpatient-follow-up",)


def test_a_number_between_a_names_words_is_passed_over() -> None:
    assert concepts_in("Free up 30 beds on the medical wards") == ("bed-occupancy",)


def test_a_word_that_says_what_is_counted_is_not_passed_over() -> None:
    assert measured("Discharges planned before noon") == ()


def test_a_number_before_a_unit_of_time_is_a_span_not_a_count() -> None:
    # "Antibiotics within 48 hours" is not "antibiotics within the hour".
    assert "sepsis-antibiotics" not in concepts_in("IV antibiotics within 48 hours")
    assert concepts_in("IV antibiotics within the hour") == ("sepsis-antibiotics",)


def test_a_matcher_passes_over_at_most_two_words() -> None:
    table: dict[tuple[str, ...], frozenset[str]] = {("bed", "day"): frozenset({"beds"})}
    matcher = PhraseMatcher(table, skippable=frozenset({"ward", "medic", "surgic"}))
    assert matcher.find(tokens("bed ward medical days"))[0].last == 3
    assert matcher.find(tokens("bed ward medical surgical days")) == ()
    assert PhraseMatcher(table).find(tokens("bed ward days")) == ()


# -- names and edges from national lists --------------------------------------------


def offer(
    measure: str, objective: str, *, rising: bool = False
) -> tuple[str, tuple[str, ...]] | None:
    """The confidence and chain of the link from ``measure`` to ``objective``, if any.

    The impact falls from 100 to 50, or rises from 50 to 100 when ``rising``.
    """
    found = linked(measure, objective, baseline=50 if rising else 100, target=100 if rising else 50)
    if found is None:
        return None
    return found.confidence, found.chain.labels() if found.chain else ()


def test_qof_is_a_concept_long_term_condition_care_is_offered_to() -> None:
    assert concepts_in("Every practice in the top quartile for QOF achievement") == ("qof",)
    assert offer("People with diabetes meeting all three treatment targets", "QOF points") == (
        "possible",
        ("diabetes treatment targets", "QOF"),
    )


def test_unplanned_hospitalisation_for_acsc_is_an_emergency_admission() -> None:
    text = "Unplanned hospitalisation for chronic ambulatory care sensitive conditions"
    assert "non-elective-admissions" in concepts_in(text)


def test_a_care_and_treatment_review_is_a_step_towards_fewer_inpatients_not_one_of_them() -> None:
    assert measured("C(E)TRs completed on time") == ("ctr",)
    found = offer(
        "Care and treatment reviews held before admission",
        "Fewer inpatients with a learning disability",
    )
    assert found is not None
    assert found[0] == "possible"


def test_pressure_ulcer_prevention_is_offered_to_pressure_ulcers_not_claimed() -> None:
    found = offer(
        "Pressure ulcer risk assessments within 6 hours of admission",
        "Halve category 3 pressure ulcers",
    )
    assert found == ("possible", ("pressure ulcer prevention", "pressure ulcers"))


def test_fuller_lists_are_offered_to_elective_activity() -> None:
    # Fuller lists: more cases per list (fewer is less theatre work, and takes no edge of
    # theatre utilisation's, whose reasons count on more of it: newuser11 #3).
    found = offer(
        "Cases per list in the day surgery unit", "Grow elective activity by 10%", rising=True
    )
    assert found is not None
    assert found[0] == "possible"
    assert found[1][-1] == "elective activity"


def test_hospital_acquired_pneumonia_is_not_named_an_hcai() -> None:
    # The map pairs label "Hospital-acquired pneumonia ~ Reduce healthcare-associated
    # infections" false: it is not one of the infections the HCAI objectives count.
    assert concepts_in("Hospital-acquired pneumonia") == ("hospital-acquired-pneumonia",)
    found = offer("Hospital-acquired pneumonia", "Total antibiotic use down 5%")
    assert found is not None
    assert found[0] == "possible"


def test_every_edge_the_gap_pass_added_is_a_cause_so_its_links_are_offered() -> None:
    concepts = measure_map().concepts
    added = {
        ("qof", None),
        ("ctr", "ld-inpatients"),
        ("training-survey", None),
        ("pressure-ulcer-prevention", "pressure-ulcers"),
        ("wound-healing", "community-nursing-visits"),
        ("wound-healing", "procurement"),
        ("patient-blood-management", "blood-transfusion"),
        ("hospital-acquired-pneumonia", "bed-occupancy"),
        ("theatre-utilisation", "elective-income"),
        ("endoscopy", "elective-income"),
        ("endoscopy", "premium-pay"),
        ("did-not-attend", "elective-income"),
        ("term-admissions", "maternity-safety"),
        ("temporary-staffing-spend", "pay-costs"),
        ("hcai", "bed-occupancy"),
    }
    for source, target in added:
        assert source in concepts
        for edge in concepts[source].edges:
            if target is None or edge.target == target:
                assert not edge.part, (source, edge.target)
                assert edge.why, (source, edge.target)
                assert edge.source, (source, edge.target)


def test_first_attendances_are_first_outpatient_appointments() -> None:
    assert concepts_in("Outpatient first attendances") == ("outpatient-first",)
    assert measured("Referrals to cardiology outpatients") == ("outpatient-first",)


def test_activity_not_coded_is_clinical_coding() -> None:
    assert measured("Inpatient spells not coded by the SUS freeze date") == ("coding",)


def test_first_outpatient_appointments_are_offered_to_elective_activity() -> None:
    found = offer("Referrals to dermatology outpatients", "Grow elective activity by 10%")
    assert found == ("possible", ("first outpatient appointment", "elective activity"))


# -- newuser27 #1: out-of-area bed days are placements, not the trust's occupied beds -----


def test_out_of_area_bed_days_of_one_ward_type_are_out_of_area_placements() -> None:
    # A ward type between "out-of-area" and "bed days" used to leave only "bed days",
    # which the map reads as the trust's own occupied beds.
    for measure in (
        "Out-of-area PICU bed days",
        "Out of area acute bed days",
        "Patients placed out of area for a PICU bed",
    ):
        assert concepts_in(measure) == ("out-of-area-placements",), measure


def test_out_of_area_bed_days_serve_the_out_of_area_objective_not_occupancy() -> None:
    # Fewer placements in private beds bring patients back into the trust's own beds:
    # they do not lower its occupancy.
    placements = linked(
        "Out-of-area PICU bed days", "Eliminate inappropriate out-of-area placements"
    )
    assert placements is not None
    assert placements.confidence == "confident"
    occupancy = linked(
        "Out-of-area PICU bed days", "Keep adult acute bed occupancy at or below 95%"
    )
    assert occupancy is None or occupancy.confidence == "possible"
