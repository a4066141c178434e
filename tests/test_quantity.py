"""Issue 14: a link is claimed only when the impact's measure can move what the objective measures.

Two texts about one topic can measure different things about it: the
registered nurse vacancy rate and the time to hire; letters read in the NHS
App and clinic letters typed within 7 days. pitchkit reads the quantity of
each side (a gap, money, a time, a share, a count; a step of care or its
result) and offers such links as possible, with the reason, never claims
them. Read as a user sees it: the link's confidence and its explanation in
``pitchkit directors --json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from linkcases import linked
from pitchkit.advice.ranking import link_reason
from pitchkit.cli import app
from pitchkit.i18n.translation import language
from pitchkit.recast.measures import RULES
from pitchkit.recast.quantity import Reading, mismatch, read

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


@pytest.mark.parametrize(
    ("text", "unit", "kind"),
    [
        # Objectives as boards write them.
        ("Time to hire under 45 days", "", "time"),
        (
            "Clinic letters typed and sent within 7 days of the appointment in 90% of cases",
            "",
            "time",
        ),
        ("95% of urgent referrals to crisis teams seen within 24 hours", "", "time"),
        ("No one waits over 8 weeks for a diagnostic test", "", "time"),
        ("Halve the gap in DNA rates between the most and least deprived quintiles", "", "gap"),
        ("Reduce health inequalities", "", "gap"),
        ("Agency spend within the 3.2% cap of total pay", "", "money"),
        ("£6.5m of elective recovery income above the activity plan", "GBP", "money"),
        ("Medical vacancy rate below 6%", "", "share"),
        ("Reduce emergency admissions", "", "count"),
        # Impacts' measures with their units.
        ("Median days from referral to first diagnostic test", "days", "time"),
        ("Wait from referral to first pulmonary rehabilitation session", "weeks", "time"),
        ("Registered nurse vacancy rate, adult wards", "%", "share"),
        ("Outpatient letters printed and posted", "letters", "count"),
        # A span that frames a count is not a wait; nor is working time.
        ("Emergency readmissions within 30 days of discharge", "%", "share"),
        ("Internationally educated nurses still in post 12 months after arrival", "%", "share"),
        ("Staff who attended a skills drill in the last 12 months", "%", "share"),
        ("Release nursing time to care", "", "count"),
        ("Release time to care for ward nurses", "", "count"),
        ("Reduce 30-day emergency readmissions (all causes) to below 12%", "", "share"),
        ("Mean ambulance handover time", "minutes", "time"),
    ],
)
def test_what_a_text_measures(text: str, unit: str, kind: str) -> None:
    assert read(text, unit).kind == kind


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        (
            "Every internationally educated nurse with a named buddy and a cultural induction",
            "process",
        ),
        ("Inpatients who smoke offered specialist tobacco dependence treatment", "process"),
        ("Patients assessed for delirium with the 4AT after surgery", "process"),
        ("Internationally educated nurses passing the OSCE at the first attempt", "result"),
        ("Treated inpatients smoke-free 28 days after discharge", "result"),
        # A compliance share counts a step of care done, with or without "with".
        ("Achieve 95% VTE risk assessment compliance in every division", "process"),
        ("Hand hygiene compliance above 95% on every ward", "process"),
        ("Hospital-acquired thrombosis events", "result"),
    ],
)
def test_a_step_of_care_or_what_came_of_it(text: str, stage: str) -> None:
    assert read(text).stage == stage


def test_the_rules_by_kind_and_steps() -> None:
    share, time, count = Reading("share"), Reading("time"), Reading("count")
    assert mismatch(share, time, steps=0) == "time"
    assert mismatch(share, time, steps=1) == "time"
    assert mismatch(share, time, steps=2) is None  # a two-step chain is read by its steps
    assert mismatch(time, time, steps=0) is None
    assert mismatch(count, time, steps=0) is None  # fewer of the things waited for
    assert mismatch(share, Reading("gap"), steps=1) == "gap"
    assert mismatch(share, Reading("gap"), steps=1, same_group=True) is None
    assert mismatch(Reading("gap"), Reading("gap"), steps=0) is None
    assert mismatch(time, Reading("money"), steps=0) == "money"
    assert mismatch(count, Reading("money"), steps=0) is None
    assert mismatch(Reading("share"), Reading("share", "process"), steps=0) == "process"
    assert mismatch(Reading("share", "process"), Reading("share", "process"), steps=0) is None


@pytest.mark.parametrize(
    ("measure", "unit", "text", "claimed"),
    [
        # One topic, another measure of it: offered, not claimed.
        ("Registered nurse vacancy rate, adult wards", "%", "Time to hire under 45 days", False),
        (
            "Outpatient letters read through the patient portal or NHS App",
            "%",
            "Clinic letters typed and sent within 7 days of the appointment in 90% of cases",
            False,
        ),
        (
            "Outpatient did-not-attend rate",
            "%",
            "Halve the gap in DNA rates between patients from the most and least deprived "
            "quintiles",
            False,
        ),
        (
            "Internationally educated nurses still in post 12 months after arrival",
            "%",
            "Every internationally educated nurse with a named buddy and a cultural induction",
            False,
        ),
        # An outcome of the topic against a compliance objective: the wrong direction.
        (
            "Hospital-acquired thrombosis events",
            "events",
            "Achieve 95% VTE risk assessment compliance in every division",
            False,
        ),
        (
            "Patients waiting more than 18 weeks for cataract surgery",
            "patients",
            "£6.5m of elective recovery income above the activity plan",
            False,
        ),
        # The same quantity, or one the impact can move: claimed.
        (
            "Median days from referral to first diagnostic test",
            "days",
            "No one waits over 8 weeks for a diagnostic test",
            True,
        ),
        (
            "Outpatient did-not-attend rate in the most deprived quintile",
            "%",
            "Halve the gap in DNA rates between patients from the most and least deprived "
            "quintiles",
            True,
        ),
        ("Learning disability annual health checks", "%", "Reduce health inequalities", True),
        ("Antibiotics within one hour", "%", "Bring SHMI back within the expected range", True),
        # The objective is a time only through another concept's name (length of stay).
        (
            "Emergency readmissions within 30 days, patients aged 75 and over",
            "%",
            "Act on the GIRFT geriatric medicine recommendations for length of stay and "
            "readmissions",
            True,
        ),
    ],
)
def test_only_a_measure_that_can_move_the_objective_is_claimed(
    measure: str, unit: str, text: str, claimed: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The quantity reading alone: the shape rules (a cause step, a broad aim) are off here.
    monkeypatch.setitem(RULES, "cause", False)
    monkeypatch.setitem(RULES, "broad", False)
    # Nor the deprivation gap rule, which takes a whole-trust DNA rate off a gap
    # objective before its quantity is read.
    monkeypatch.setitem(RULES, "gaps", False)
    found = linked(measure, text, unit=unit)
    assert found is not None
    assert found.chain is not None  # the map links them either way
    assert found.claimed is claimed
    assert (found.mismatch is None) is claimed


def test_the_reason_says_why_the_link_is_only_possible() -> None:
    found = linked(
        "Registered nurse vacancy rate, adult wards", "Time to hire under 45 days", unit="%"
    )
    text = link_reason(found, language("en"), director_id="cpo")
    assert text == (
        "possible -- confirm with supports: [cpo.o]: both are about vacancies, but the objective"
        " is a time or a wait, and the impact is a share or rate of something else"
    )
    welsh = link_reason(found, language("cy"), director_id="cpo")
    assert "amser neu aros yw'r amcan" in welsh


def test_directors_offers_a_link_to_another_measure_of_the_topic_as_possible(
    tmp_path: Path,
) -> None:
    yaml = YAML()
    facts = yaml.load(SEPSIS.read_text(encoding="utf-8"))
    facts["impacts"].append(
        {"id": "rn-vacancy", "measure": "Registered nurse vacancy rate, adult wards",
         "unit": "%", "baseline": 12, "target": 8}
    )  # fmt: skip
    facts["directors"].append(
        {"id": "cpo", "name": "Ann Lee", "role": "Chief People Officer",
         "objectives": [{"id": "hire", "text": "Time to hire under 45 days"},
                        {"id": "vacancy", "text": "Nurse vacancy rate below 6%"}]}
    )  # fmt: skip
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(facts, stream)
    result = CliRunner().invoke(app, ["directors", str(path), "--json"])
    assert result.exit_code == 0, result.output
    place = next(p for p in json.loads(result.stdout)["directors"] if p["id"] == "cpo")
    links = {item["objective"]: item for item in place["links"] if item["impact"] == "rn-vacancy"}
    assert links["vacancy"]["confidence"] == "confident"
    assert links["hire"]["confidence"] == "possible"
    assert links["hire"]["chain"] == ["vacancies"]
    assert "the objective is a time or a wait" in links["hire"]["explanation"]
    assert [o["id"] for o in place["objectives"]] == ["vacancy"]


@pytest.mark.parametrize(
    ("measure", "unit", "text", "confidence"),
    [
        # Outcomes and bed days of a topic are not a compliance objective, nor harm.
        (
            "Hospital-acquired thrombosis events",
            "events",
            "Achieve 95% VTE risk assessment compliance in every division",
            "possible",
        ),
        (
            "Bed days spent treating hospital-acquired thrombosis",
            "bed days",
            "Reduce hospital-acquired harm (falls, pressure ulcers, HAT) by 20%",
            "possible",
        ),
        (
            "Hospital-acquired thrombosis events",
            "events",
            "Reduce hospital-acquired harm (falls, pressure ulcers, HAT) by 20%",
            "confident",
        ),
        # The same measure or service named on both sides.
        (
            "Right to Choose private ADHD assessments funded",
            "assessments",
            "Deliver the £9.5m efficiency programme, including ending outsourced spend",
            "confident",
        ),
        (
            "Crisis team referrals of people on the ADHD waiting list",
            "referrals",
            "Reduce repeat presentations to crisis services",
            "confident",
        ),
        (
            "GP appointments for common ailments",
            "appointments",
            "Improve access to GP services in every cluster",
            "confident",
        ),
        (
            "Antibiotic items prescribed for sore throat",
            "items",
            "Cut antibiotic prescribing in primary care in line with the national AMR targets",
            "confident",
        ),
        # A service named on both sides, counted on one only: offered, for the lead to confirm.
        (
            "Out-of-hours contacts for common ailments",
            "contacts",
            "Stabilise the out-of-hours service",
            "possible",
        ),
    ],
)
def test_outcomes_process_and_services_named_on_both_sides(
    measure: str, unit: str, text: str, confidence: str
) -> None:
    found = linked(measure, text, unit=unit)
    assert found is not None
    assert found.confidence == confidence
