"""The measure map (measures.yaml): its shape, and what it finds in text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import pitchkit.recast.measures
from pitchkit.facts.schema import THEMES
from pitchkit.recast.measures import (
    COMPILED,
    aimed,
    chain,
    compile_measure_file,
    concepts_in,
    measure_map,
    measured,
    problems,
    read_measure_file,
)

MAP_FILE = Path(pitchkit.recast.measures.__file__).with_name("measures.yaml")

#: The areas the issue asks the map to cover, each with concepts a board would name.
AREAS = {
    "flow and beds": ["length-of-stay", "bed-occupancy", "delayed-discharge"],
    "elective and outpatients": ["rtt", "pifu", "advice-and-guidance", "did-not-attend"],
    "urgent and emergency care": ["four-hour", "twelve-hour-waits", "ambulance-handover"],
    "safety and harm": ["falls", "pressure-ulcers", "deterioration", "never-events"],
    "mortality": ["shmi", "hsmr", "sepsis-deaths", "learning-from-deaths"],
    "infection": ["c-difficile", "mrsa", "hcai"],
    "maternity": ["stillbirths", "maternity-safety"],
    "mental health": ["out-of-area-placements", "crisis-care"],
    "community and primary care": ["gp-access", "urgent-community-response", "virtual-ward"],
    "workforce and temporary staffing": ["vacancies", "turnover", "temporary-staffing"],
    "finance and productivity": ["cip", "temporary-staffing-spend", "productivity"],
    "experience": ["fft", "complaints", "patient-experience"],
    "digital": ["epr", "epma", "nhs-app"],
    "estates and carbon": ["net-zero", "anaesthetic-gases", "energy"],
    "equity": ["health-inequalities", "learning-disability"],
}


def raw() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(MAP_FILE.read_text(encoding="utf-8"))
    return data


def test_the_map_file_has_no_problems() -> None:
    assert problems(raw()) == []


def test_the_map_is_large_and_covers_every_area() -> None:
    concepts = measure_map().concepts
    assert len(concepts) >= 150
    edges = [edge for concept in concepts.values() for edge in concept.edges]
    assert len(edges) >= 150
    for area, ids in AREAS.items():
        assert set(ids) <= set(concepts), area
    assert {theme for c in concepts.values() for theme in c.themes} == set(THEMES)


def test_every_edge_has_a_reason_and_most_have_a_source() -> None:
    edges = [edge for concept in measure_map().concepts.values() for edge in concept.edges]
    assert all(len(edge.why.split()) >= 3 for edge in edges)
    assert sum(edge.source is not None for edge in edges) / len(edges) > 0.5


def test_abbreviations_name_their_concepts() -> None:
    for text, concept in [
        ("RTT", "rtt"),
        ("SHMI", "shmi"),
        ("HSMR", "hsmr"),
        ("NEL admissions", "non-elective-admissions"),
        ("DNA rate", "did-not-attend"),
        ("PIFU", "pifu"),
        ("A&G requests", "advice-and-guidance"),
        ("LoS", "length-of-stay"),
        ("CIP", "cip"),
        ("Registered nurse WTE vacancies", "vacancies"),
        ("G&A bed occupancy", "bed-occupancy"),
    ]:
        assert concept in concepts_in(text), text


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["concepts"].append(copy.deepcopy(d["concepts"][0])), "id used more than once"),
        (lambda d: d["concepts"][0]["to"].append({"id": "nowhere", "why": "x"}), "unknown concept"),
        (lambda d: d["concepts"][0]["to"].append({"id": "rtt", "why": " "}), "has no reason"),
        (lambda d: d["concepts"][1]["names"].append("length of stay"), "is also a name of"),
        (lambda d: d["concepts"][0]["names"].append("the of"), "only stop words"),
        (lambda d: d["concepts"][0].update(themes=["beds"]), "unknown theme 'beds'"),
        (lambda d: d["concepts"][0]["to"][0].update(also="x"), "unknown field 'also'"),
    ],
)
def test_problems_in_the_map_are_found(change: Any, expected: str) -> None:
    data = raw()
    change(data)
    assert any(expected in problem for problem in problems(data)), problems(data)


def test_a_name_two_concepts_claim_on_purpose_is_allowed() -> None:
    data = raw()
    first, second = data["concepts"][0]["id"], data["concepts"][1]["id"]
    data["concepts"][1]["names"].append(data["concepts"][0]["names"][0])
    assert problems(data)
    data["shared_names"] = [[first, second]]
    assert problems(data) == []


def test_filler_words_let_different_wordings_meet() -> None:
    assert concepts_in("Patients waiting more than 52 weeks") == ("long-waits",)
    assert concepts_in("Eliminate 52-week waits") == ("long-waits",)
    assert concepts_in("Did-not-attend rate") == concepts_in("patients who did not attend")


def test_broad_concepts_give_way_to_specific_ones_in_an_objective() -> None:
    assert concepts_in("Reduce harm from unrecognised deterioration") == ("deterioration",)
    assert concepts_in("Deliver harm-free care") == ("harm",)


def test_a_measure_counts_its_head_not_the_words_that_narrow_it() -> None:
    assert measured("Critical care bed days used by patients with sepsis") == ("bed-days",)
    # Bed days spent treating a harm count bed days, not the harm.
    assert measured("Bed days spent treating hospital-acquired thrombosis") == ("bed-days",)
    assert measured("Emergency admissions for COPD") == ("non-elective-admissions",)
    assert measured("Harm from falls") == ("harm", "falls")  # a broad head keeps the rest
    assert measured("Inpatient falls and pressure ulcers") == ("falls", "pressure-ulcers")


def test_chains_take_at_most_two_steps_and_say_why() -> None:
    found = chain(("sepsis-antibiotics",), ("shmi",))
    assert found is not None
    assert found.labels() == ("antibiotics within the hour", "sepsis deaths", "SHMI")
    assert all(step.why for step in found.steps)
    assert chain(("shmi",), ("shmi",)) is not None
    assert chain(("shmi",), ("shmi",)).steps == ()  # type: ignore[union-attr]
    # Three steps away: vacancies -> safe staffing -> mortality -> SHMI.
    assert chain(("vacancies",), ("shmi",)) is None


def test_the_compiled_copy_of_the_map_is_current() -> None:
    compiled = MAP_FILE.with_name(COMPILED)
    assert compiled.read_text(encoding="utf-8") == compile_measure_file(), "run `make lenses`"
    assert read_measure_file() == raw()


def test_deaths_in_hospital_from_a_condition_count_deaths_not_the_place_of_death() -> None:
    """ "Deaths in hospital from sepsis" counts deaths (and says which), not where people die."""
    from pitchkit.recast import measures

    counted = measures.measured("Deaths in hospital from sepsis")
    assert "preferred-place-of-death" not in counted
    assert counted[0] == "mortality"
    assert measures.chain(counted, measures.aimed("Bring our SHMI back within range")) is not None


# --------------------------------------------------------------------------
# Rules and readings from the second tuning pass (docs/linking-evaluation.md)


def test_a_chain_never_passes_through_a_broad_concept() -> None:
    """ "Deterioration → deaths → SHMI" is too vague to claim; a death counted by cause is not."""
    assert measure_map().concepts["mortality"].broad
    assert chain(("deterioration",), ("shmi",)) is None
    assert chain(("stroke-thrombolysis",), ("hsmr",)) is None
    # A specific intermediate still carries a chain: sepsis deaths are counted in SHMI.
    found = chain(("sepsis-antibiotics",), ("shmi",))
    assert found is not None
    assert found.labels()[1] == "sepsis deaths"
    # A cardiac arrest reaches the mortality indices in one step, with its reason.
    arrests = chain(("cardiac-arrests",), ("shmi",))
    assert arrests is not None
    assert len(arrests.steps) == 1
    # A broad concept may still end a chain: anaesthetic gases → net zero.
    assert chain(("anaesthetic-gases",), ("net-zero",)) is not None


def test_within_narrows_like_for() -> None:
    assert aimed("Swallow screen within 4 hours for every stroke patient") == ("swallow-screen",)
    assert aimed("Keep SHMI within the expected range") == ("shmi",)


def test_an_objective_that_names_its_means_aims_at_them() -> None:
    assert aimed("Carbon reduction through the estates and capital programme") == (
        "estates-backlog",
    )
    # An objective that opens with its measure keeps it beside its means (session 12,
    # newuser6 F2): beds released, through shorter stays.
    assert aimed("Release 40 medical beds through length of stay reductions") == (
        "bed-occupancy",
        "length-of-stay",
    )
    # Nothing the map knows after "through": the objective keeps its own head.
    assert aimed("Learn from every child death through the child death review process") == (
        "mortality",
    )
    assert chain(measured("Carbon emissions from anaesthetic gases"), ("estates-backlog",)) is None
    assert chain(measured("Piped nitrous oxide lost to leaks"), ("estates-backlog",)) is not None


@pytest.mark.parametrize(
    ("measure", "concept"),
    [
        ("Median door-to-needle time for stroke thrombolysis", "stroke-thrombolysis"),
        ("Patients cared for in corridors for more than 4 hours", "corridor-care"),
        ("ED attenders with NEWS2 of 5 or more screened for sepsis at triage", "sepsis-screening"),
        (
            "Unplanned admissions to critical care from the wards with sepsis",
            "critical-care-admissions",
        ),
        ("Excess bed days for patients kept in only for IV antibiotics", "excess-bed-days"),
        ("NEWS2 scores added up wrongly", "observations"),
        ("Lower GI patients told their diagnosis within 28 days", "cancer-faster-diagnosis"),
        ("Colonoscopies for patients with FIT below 10 and no red flags", "endoscopy"),
    ],
)
def test_measures_are_read_as_the_concept_they_count(measure: str, concept: str) -> None:
    assert measured(measure) == (concept,)


def test_screening_and_morning_discharges_are_one_step_before_the_outcome() -> None:
    # Screening finds who needs antibiotics; it is two causes away from sepsis deaths.
    assert chain(("sepsis-screening",), ("shmi",)) is None
    assert chain(("sepsis-screening",), ("deterioration",)) is not None
    assert chain(("sepsis-screening",), ("cardiac-arrests",)) is None  # recognise, respond, arrest
    # Discharging earlier in the day frees beds sooner, not more of them.
    assert chain(("discharge-before-noon",), ("bed-occupancy",)) is None
    assert chain(("discharge-before-noon",), ("twelve-hour-waits",)) is not None


def test_qualifiers_of_one_family_must_agree_when_both_sides_state_one() -> None:
    from pitchkit.recast.measures import families_disagree, qualifiers

    assert qualifiers("Medical agency shifts paid above the price cap") == {
        "staff group": frozenset({"medical"}),
        "temporary staff source": frozenset({"agency"}),
    }
    nursing = "Zero off-framework nursing agency shifts and no HCSW agency use"
    assert (
        families_disagree("Medical agency shifts paid above the price cap", nursing)
        == "staff group"
    )
    assert families_disagree("Agency nursing shifts filled", nursing) is None
    # Only one side states a staff group: nothing to disagree about.
    assert families_disagree("Agency shifts booked", nursing) is None
    assert families_disagree(
        "Emergency admissions of children with asthma", "Adult acute admissions"
    ) == ("age group")
    # Bank shifts are not agency spend; a fill rate names both (mapgrow46).
    assert (
        families_disagree(
            "Bank nursing shifts booked to cover sickness", "Agency spend within the cap"
        )
        == "temporary staff source"
    )
    assert (
        families_disagree("Bank shifts requested that are filled", "Agency spend within the cap")
        is None
    )
    assert families_disagree("Bank and agency shifts", "Agency spend within the cap") is None


def test_the_six_week_diagnostic_list_and_the_cancer_pathway_are_different_waiting_lists() -> None:
    from pitchkit.recast.measures import families_disagree

    routine = "Patients waiting more than six weeks for a diagnostic endoscopy"
    assert (
        families_disagree(routine, "Cancer 28-day Faster Diagnosis Standard of 80%")
        == "waiting list"
    )
    assert families_disagree(routine, "DM01: 95% of patients tested within 6 weeks") is None
    urgent = "Urgent suspected lower GI cancer referrals scoped within 10 days of referral"
    assert (
        families_disagree(urgent, "DM01: 95% of patients tested within 6 weeks") == "waiting list"
    )
    # The faster diagnosis standard and the 62-day standard are one pathway.
    assert (
        families_disagree("Patients told their diagnosis within 28 days", "62-day standard of 75%")
        is None
    )


def test_job_planning_rostering_and_rota_gaps_are_different_concepts() -> None:
    # Signed-off plans are their own measure of job planning (linksplit25).
    assert measured("Consultant job plans agreed and signed off") == ("signed-job-plans",)
    assert measured("Specialties with a team job plan") == ("job-planning",)
    assert aimed("e-rostering at level 4 attainment for every medical staff group") == (
        "e-rostering",
    )
    assert measured("Medical rota gaps filled through the internal bank") == ("rota-gaps",)
    # "rostered hours" is not e-rostering.
    assert measured("Hours worked beyond their rostered hours") == ()


def test_an_audits_name_is_not_one_of_its_measures() -> None:
    assert aimed("100% case ascertainment in the National Hip Fracture Database") == (
        "hip-fracture-audit",
    )
    assert (
        chain(
            measured("Patients with a hip fracture operated on within 36 hours"),
            ("hip-fracture-audit",),
        )
        is None
    )


def test_surgery_after_a_hip_fracture_reaches_hsmr_through_hip_fracture_deaths() -> None:
    found = chain(
        measured("Patients with a hip fracture operated on within 36 hours of arrival"),
        aimed("HSMR below 100"),
    )
    assert found is not None
    assert found.labels() == (
        "hip fracture surgery within 36 hours",
        "deaths after hip fracture",
        "HSMR",
    )


def test_a_cost_is_not_a_cost_improvement_programme() -> None:
    """'cost improvement' drops 'improvement' as filler: it must not become the bare word 'cost'."""
    assert "cip" not in measured("Cost of medicines supplied at discharge")
    assert measured("Cost of medicines supplied at discharge") == ("drug-spend",)
    assert aimed("Deliver the cost improvement programme") == ("cip",)


def test_no_name_of_several_words_shrinks_to_a_bare_money_word() -> None:
    from pitchkit.recast.measures import name_key

    bare = {("cost",), ("spend",), ("saving",), ("income",)}
    shrunk = [
        f"{concept.id}: {name!r}"
        for concept in measure_map().concepts.values()
        for name in concept.names
        if len(name.split()) > 1 and name_key(name) in bare
    ]
    assert shrunk == []


def test_screening_for_a_condition_and_visits_for_it_are_not_the_condition() -> None:
    assert measured("Patients assessed for delirium with the 4AT after surgery") == (
        "delirium-screening",
    )
    # Screening -> delirium -> falls is two causes: too far to claim.
    assert (
        chain(("delirium-screening",), aimed("Cut inpatient falls with moderate or severe harm"))
        is None
    )
    assert measured("District nursing visits for pressure ulcer care") == (
        "community-nursing-visits",
    )


def test_a_population_or_setting_never_starts_or_ends_a_chain() -> None:
    from pitchkit.recast.measures import linkable, measure_map

    concepts = measure_map().concepts
    assert concepts["learning-disability"].kind == "population"
    assert concepts["estate"].kind == "setting"
    assert linkable(("learning-disability", "annual-health-checks")) == ("annual-health-checks",)
    assert linkable(("estate",)) == ()
    # The health check is the measure; the register it counts from only says whose.
    assert measured(
        "Adults on the learning disability register who had an annual health check"
    ) == ("annual-health-checks",)


def test_a_measure_is_more_specific_than_the_setting_it_is_in() -> None:
    from pitchkit.recast.measures import linkable

    aims = aimed("Reduce backlog maintenance risk in the estate")
    assert linkable(aims) == ("estates-backlog",)


def test_an_objective_naming_a_frame_aims_at_the_frame_not_its_topics() -> None:
    assert measure_map().concepts["psirf"].kind == "frame"
    assert aimed("PSIRF embedded in every division, with learning on falls shared") == ("psirf",)
    assert aimed("PSIRF: every fall with harm reviewed within 30 days") == ("psirf",)
    assert aimed("Business continuity plans for loss of heating tested") == ("business-continuity",)


def test_money_and_carbon_are_different_counts_of_one_thing() -> None:
    from pitchkit.recast.measures import families_disagree

    assert (
        families_disagree("Spend on patient travel claims", "Cut emissions from travel by 10%")
        == "counted as"
    )
    assert families_disagree("Miles travelled by patients", "Cut emissions from travel") is None


def test_an_equity_measure_names_which_gap_it_narrows() -> None:
    from pitchkit.recast.measures import families_disagree

    assert (
        families_disagree(
            "Annual health checks for people with a learning disability",
            "Narrow the gap in life expectancy between the most and least deprived areas",
        )
        == "inequality group"
    )
    assert (
        families_disagree(
            "Annual health checks for people with a learning disability",
            "Reduce health inequalities",
        )
        is None
    )


def test_a_concept_of_an_unknown_kind_is_reported() -> None:
    data = copy.deepcopy(pitchkit.recast.measures.read_measure_file())
    data["concepts"][0]["kind"] = "place"
    assert any("unknown kind 'place'" in line for line in problems(data))


def test_general_measures_leads_write_are_named_whatever_the_specialty_or_vaccine() -> None:
    # mapgrow46: measures written for the general case, not one facts file's phrases.
    from pitchkit.recast.measures import concepts_in

    assert concepts_in("Patients aged 75 to 79 vaccinated against RSV") == ("vaccination",)
    assert concepts_in("Year 8 pupils given HPV vaccine") == ("vaccination",)
    assert "vaccination" not in concepts_in("District nurse visits made only to vaccinate")
    assert concepts_in("Weeks from referral to first paediatric allergy appointment") == (
        "outpatient-first",
    )
    assert concepts_in("Antenatal admissions for threatened preterm labour") == (
        "non-elective-admissions",
    )
    assert concepts_in("Adult acute mental health admissions") == ("mental-health-flow",)
    assert concepts_in("Participants recruited to NIHR portfolio studies") == ("research",)
    assert concepts_in("Nursing hours spent looking for equipment") == ("nursing-time",)
    assert concepts_in("Agency RMN shifts for 1:1 observation") == ("temporary-staffing",)
    assert concepts_in("Patients who need a GP practice appointment get one within two weeks") == (
        "gp-access",
    )
