"""The second gap pass: percentages passed over by the name matcher, and the map's new
names, concepts and edges from national vocabulary (docs/linking-evaluation.md, "The
second gap pass")."""

from __future__ import annotations

from linkcases import linked
from pitchkit.recast.measures import aimed, concepts_in, measured


def offer(measure: str, objective: str) -> tuple[str, tuple[str, ...]] | None:
    """The confidence and chain of the link from ``measure`` to ``objective``, if any."""
    found = linked(measure, objective, baseline=100, target=50)
    if found is None:
        return None
    return found.confidence, found.chain.labels() if found.chain else ()


def test_a_percentage_between_a_names_words_is_passed_over() -> None:
    # The decimal point splits "3.7%" into "3" and "7%": both are numbers.
    assert concepts_in("Agency under the 3.7% cap all year") == ("temporary-staffing-spend",)
    found = offer("Agency nurse shifts on the surgical wards", "Agency within the 3.7% cap")
    assert found is not None
    assert found[0] == "confident"


def test_scope_3_is_carbon_not_an_endoscope() -> None:
    assert "endoscopy" not in concepts_in("Scope 3 emissions from medical devices down 5%")
    assert concepts_in("Endoscopy scopes decontaminated on site") == ("endoscopy",)


def test_overtime_is_premium_rate_pay_counted_in_the_cip() -> None:
    assert measured("Porter overtime hours paid at time and a half") == ("premium-pay",)
    found = offer("Radiographer overtime hours", "Deliver a £12m cost improvement programme")
    assert found is not None
    assert found[0] == "confident"


def test_catheter_associated_utis_are_cauti() -> None:
    assert aimed("Halve catheter-associated UTIs in care homes") == ("cauti",)


def test_penicillin_allergy_de_labelling_is_offered_to_stewardship_never_claimed() -> None:
    found = offer(
        "Inpatients with a penicillin allergy label removed after testing",
        "Cut Watch and Reserve (AWaRe) antibiotic use by 10%",
    )
    assert found == (
        "possible",
        ("penicillin allergy de-labelling", "antimicrobial stewardship"),
    )


def test_opat_is_offered_to_length_of_stay() -> None:
    found = offer("Episodes of OPAT each month", "Average length of stay under 5 days")
    assert found is not None
    assert found[0] == "possible"
    assert found[1][0] == "outpatient parenteral antimicrobial therapy (OPAT)"


def test_inter_facility_transfers_free_crews_for_emergency_calls() -> None:
    found = offer(
        "Inter-facility transfers by emergency ambulance",
        "Category 2 mean response under 30 minutes",
    )
    assert found == ("possible", ("inter-facility transfers", "ambulance response times"))


def test_a_return_to_theatre_is_not_a_readmission() -> None:
    # tests/data/map_pairs.yaml labels this pair false: the map has no such edge.
    found = offer("Unplanned returns to theatre", "Reduce 30-day readmissions")
    assert found is None or found[1] == ()


def test_face_to_face_attendances_are_journeys() -> None:
    found = offer("Face-to-face clinic attendances", "Cut emissions from patient travel")
    assert found is not None
    assert found[1] == ("outpatient attendances", "patient and staff travel")
