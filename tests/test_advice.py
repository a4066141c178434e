"""The guide's advice as checks: each rule fires on a pitch that needs it, and only then.

Every test starts from ``good_facts()``, a small pitch that follows the
guide and has no findings, changes one thing, and reads the findings as a
user would see them.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pitchkit.advice import Finding, ask_without_verb, check, vague_ask
from pitchkit.errors import DirectorsError
from pitchkit.facts.schema import load_facts
from pitchkit.i18n.translation import language

TODAY = dt.date(2026, 11, 26)
EN = language("en_GB")

Facts = dict[str, Any]


def good_facts() -> Facts:
    """A small pitch that follows the guide: no findings at all."""
    return {
        "project": {
            "title": "Frailty virtual ward",
            "organisation": "Example NHS Foundation Trust",
            "problem": (
                "Bed occupancy has stayed above 95% all year and escalation beds are staffed "
                "by agency nurses, so frail older people wait in hospital and lose "
                "independence."
            ),
            "change": "A frailty virtual ward cares for older people at home.",
            "strategy": ["BAF risk SR3: bed capacity"],
            "start": "2027-01-04",
            "end": "2027-12-17",
            "funding": {"amount": 90000, "source": "Example charity"},
        },
        "impacts": [
            {
                "id": "admissions",
                "measure": "Emergency admissions of people aged 75 and over",
                "unit": "admissions",
                "per": "year",
                "baseline": 1200,
                "target": 1000,
                "value": {
                    "amount": 1590,
                    "source": "Non-elective episode, NHS reference costs 2016/17",
                },
                "releases": "capacity",
                "supports": ["dof.cip", "dof.productivity"],
                "source": "SUS data, 2025/26",
            }
        ],
        "asks": ["Chair our project board once a quarter from April 2027"],
        "advice": ["Which committee should hear our progress?"],
        "offer": ["A quarterly summary for the finance committee"],
        "meeting": {"date": "2026-12-03", "director": "dof"},
        "directors": [
            {
                "id": "dof",
                "name": "Helen Marsh",
                "role": "Director of Finance",
                "concerns": ["Agency spend above the cap"],
                "objectives": [
                    {"id": "cip", "text": "Deliver the £14m cost improvement programme"},
                    {
                        "id": "productivity",
                        "text": "Lead the productivity programme",
                        "kind": "personal",
                    },
                ],
            }
        ],
        "settings": {"cadence": "month"},
    }


def findings_for(
    tmp_path: Path, facts: Facts, *, director: str | None = None, today: dt.date = TODAY
) -> list[Finding]:
    """Write ``facts`` as a facts file (JSON is YAML 1.2) and check it."""
    path = tmp_path / "facts.yaml"
    path.write_text(json.dumps(facts, ensure_ascii=False, indent=2), encoding="utf-8")
    return check(load_facts(path), director_id=director, today=today, lang=EN)


def rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def changed(change: Callable[[Facts], None]) -> Facts:
    facts = copy.deepcopy(good_facts())
    change(facts)
    return facts


def add_nursing_director(facts: Facts) -> None:
    facts["directors"].append(
        {
            "id": "don",
            "name": "Ruth Adeyemi",
            "role": "Director of Nursing",
            "objectives": [
                {"id": "ulcers", "text": "Halve pressure ulcers on the medical wards"},
                {"id": "ftt", "text": "Raise Friends and Family Test scores in maternity"},
            ],
        }
    )


def test_a_pitch_that_follows_the_guide_has_no_findings(tmp_path: Path) -> None:
    assert findings_for(tmp_path, good_facts()) == []


def test_findings_come_most_serious_first(tmp_path: Path) -> None:
    def many_problems(facts: Facts) -> None:
        add_nursing_director(facts)
        facts["advice"] = []
        facts["impacts"][0]["value"]["source"] = "Reference costs"

    found = findings_for(tmp_path, changed(many_problems), director="don")
    severities = [f.severity for f in found]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] == "error"


# --- their objectives -----------------------------------------------------------------


def test_director_unaligned_suggests_who_fits_better(tmp_path: Path) -> None:
    facts = changed(add_nursing_director)
    found = findings_for(tmp_path, facts, director="don")
    [finding] = [f for f in found if f.rule == "director-unaligned"]
    assert finding.severity == "error"
    assert finding.message == "The project serves none of Ruth Adeyemi's objectives."
    assert "Helen Marsh (Director of Finance) fits better" in finding.fix
    assert "director-unaligned" not in rules(findings_for(tmp_path, facts, director="dof"))


def test_director_unaligned_without_a_better_fit_asks_for_advice(tmp_path: Path) -> None:
    def only_nursing(facts: Facts) -> None:
        add_nursing_director(facts)
        del facts["directors"][0]
        facts["impacts"][0]["supports"] = []
        facts["meeting"]["director"] = "don"

    [finding] = [
        f for f in findings_for(tmp_path, changed(only_nursing)) if f.rule == "director-unaligned"
    ]
    assert "ask them for advice on where the project fits" in finding.fix


def test_impact_unlinked_names_the_impact_and_where_it_is(tmp_path: Path) -> None:
    def ulcers(facts: Facts) -> None:
        facts["impacts"].append(
            {
                "id": "ulcers",
                "measure": "Pressure ulcers on the medical wards",
                "unit": "pressure ulcers",
                "per": "year",
                "baseline": 40,
                "target": 30,
                "source": "Audit, 2026",
            }
        )

    found = findings_for(tmp_path, changed(ulcers))
    [finding] = [f for f in found if f.rule == "impact-unlinked"]
    assert finding.message == (
        "The impact 'Pressure ulcers on the medical wards' serves none of Helen Marsh's objectives."
    )
    assert finding.evidence == (
        "pitchkit's measure map links it to none of the objectives of Helen Marsh (Director of "
        "Finance), and they declare no theme in common."
    )
    assert finding.where is not None
    assert finding.where.startswith(f"{tmp_path / 'facts.yaml'}:")
    assert "impact-unlinked" not in rules(findings_for(tmp_path, good_facts()))


def test_better_fit_points_to_a_clearly_stronger_director(tmp_path: Path) -> None:
    def weak_ceo(facts: Facts) -> None:
        facts["directors"].append(
            {
                "id": "ceo",
                "name": "Fiona Clarke",
                "role": "Chief Executive",
                "objectives": [
                    {
                        "id": "system",
                        "text": "Lead the system's digital plan",
                        "themes": ["digital"],
                    },
                    {"id": "cqc", "text": "Keep the CQC well-led rating", "themes": ["compliance"]},
                    {"id": "people", "text": "Retain staff", "themes": ["workforce"]},
                    {"id": "green", "text": "Net zero estate", "themes": ["sustainability"]},
                ],
            }
        )
        facts["impacts"][0]["supports"].append("ceo.system")

    facts = changed(weak_ceo)
    found = findings_for(tmp_path, facts, director="ceo")
    [finding] = [f for f in found if f.rule == "better-fit"]
    assert finding.message == "Helen Marsh fits the project better than Fiona Clarke."
    assert "better-fit" not in rules(findings_for(tmp_path, facts, director="dof"))


def test_no_personal_objective_asks_about_their_own_goals(tmp_path: Path) -> None:
    def unlinked_personal(facts: Facts) -> None:
        facts["impacts"][0]["supports"] = ["dof.cip"]
        facts["directors"][0]["objectives"][1]["text"] = "Publish research on hospital design"

    found = findings_for(tmp_path, changed(unlinked_personal))
    [finding] = [f for f in found if f.rule == "no-personal-objective"]
    assert "Publish research on hospital design" in finding.evidence
    assert finding.severity == "info"


# --- impact, not change ---------------------------------------------------------------


def test_change_over_impact_counts_the_words(tmp_path: Path) -> None:
    def long_change(facts: Facts) -> None:
        facts["project"]["change"] = " ".join(["We will redesign the pathway step by step."] * 8)

    found = findings_for(tmp_path, changed(long_change))
    [finding] = [f for f in found if f.rule == "change-over-impact"]
    assert finding.evidence == "The change takes 64 words; the problem and the impacts take 34."
    assert finding.where == f"{tmp_path / 'facts.yaml'}:6:15"


def test_impact_without_source(tmp_path: Path) -> None:
    facts = changed(lambda f: f["impacts"][0].pop("source"))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "impact-without-source"]
    assert finding.severity == "warning"
    assert finding.evidence == "impacts[0] (admissions) has no 'source'."


def test_impact_without_value_for_countable_impacts_only(tmp_path: Path) -> None:
    def no_value(facts: Facts) -> None:
        facts["impacts"][0].pop("value")

    assert "impact-without-value" in rules(findings_for(tmp_path, changed(no_value)))

    def percentage(facts: Facts) -> None:
        no_value(facts)
        facts["impacts"][0].update(unit="%", per=None, baseline=20, target=15)

    assert "impact-without-value" not in rules(findings_for(tmp_path, changed(percentage)))


@pytest.mark.parametrize(
    ("value", "evidence"),
    [
        ({"amount": 1590}, "impacts[0].value has no 'source'."),
        (
            {"amount": 1590, "source": "Reference costs"},
            "impacts[0].value.source gives no year: 'Reference costs'.",
        ),
    ],
)
def test_unit_cost_without_source_or_year(
    tmp_path: Path, value: dict[str, Any], evidence: str
) -> None:
    facts = changed(lambda f: f["impacts"][0].update(value=value))
    found = [f for f in findings_for(tmp_path, facts) if f.rule == "unit-cost-without-source"]
    assert [f.evidence for f in found] == [evidence]


# --- strategy and concerns ------------------------------------------------------------


def test_no_strategy_link_and_no_concern_spoken_to_is_a_warning(tmp_path: Path) -> None:
    def adrift(facts: Facts) -> None:
        facts["project"]["strategy"] = []
        facts["directors"][0]["concerns"] = ["Cyber security incidents"]

    [finding] = [f for f in findings_for(tmp_path, changed(adrift)) if f.rule == "no-strategy-link"]
    assert finding.severity == "warning"


def test_no_strategy_but_a_concern_spoken_to_is_a_note(tmp_path: Path) -> None:
    facts = changed(lambda f: f["project"].update(strategy=[]))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "no-strategy-link"]
    assert finding.severity == "info"
    assert (
        finding.evidence == "It does speak to a concern of Helen Marsh: Agency spend above the cap."
    )


def test_concerns_unaddressed(tmp_path: Path) -> None:
    facts = changed(lambda f: f["directors"][0].update(concerns=["Cyber security incidents"]))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "concerns-unaddressed"]
    assert "Cyber security incidents" in finding.evidence


# --- asking ---------------------------------------------------------------------------


def test_no_advice_sought(tmp_path: Path) -> None:
    found = findings_for(tmp_path, changed(lambda f: f.update(advice=[])))
    [finding] = [f for f in found if f.rule == "no-advice-sought"]
    assert finding.message == "The pitch does not ask for the director's advice."


@pytest.mark.parametrize(
    "asks",
    [[], ["Support us"], ["Help with the project"], ["Be our executive sponsor"], ["Funding"]],
)
def test_no_concrete_ask(tmp_path: Path, asks: list[str]) -> None:
    found = findings_for(tmp_path, changed(lambda f: f.update(asks=asks)))
    assert "no-concrete-ask" in rules(found)


@pytest.mark.parametrize(
    "ask",
    [
        "Chair the project board once a quarter",
        "Sign the executive sponsor section of our application by 15 January 2027",
        "Support the Regional Integration Fund bid by 9 December",
        "Introduce us to the ICB director of community services",
    ],
)
def test_concrete_asks_pass(ask: str) -> None:
    assert not vague_ask(ask)
    assert not ask_without_verb(ask)


def test_no_sponsor_gain_suggests_what_this_role_gains(tmp_path: Path) -> None:
    found = findings_for(tmp_path, changed(lambda f: f.update(offer=[])))
    [finding] = [f for f in found if f.rule == "no-sponsor-gain"]
    # What the note itself would offer: the project frees capacity, so no savings.
    assert "evidence of value for money for the board" in finding.fix
    assert "recurrent savings" not in finding.fix

    def cash(facts: Facts) -> None:
        facts.update(offer=[])
        facts["impacts"][0]["releases"] = "cash"

    found = findings_for(tmp_path, changed(cash))
    [finding] = [f for f in found if f.rule == "no-sponsor-gain"]
    assert "recurrent savings to count in the financial plan" in finding.fix


# --- their language -------------------------------------------------------------------


def test_director_terms_suggest_their_word(tmp_path: Path) -> None:
    facts = changed(lambda f: f["directors"][0].update(terms={"agency nurses": "temporary staff"}))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "director-terms"]
    assert finding.message == (
        "Helen Marsh says 'temporary staff' where the project says 'agency nurses'."
    )
    assert finding.evidence == "'agency nurses' appears in project.problem."
    assert finding.where == f"{tmp_path / 'facts.yaml'}:5:16"


def test_director_terms_already_used_are_not_flagged(tmp_path: Path) -> None:
    def their_words(facts: Facts) -> None:
        facts["directors"][0]["terms"] = {"bed days": "occupied bed days"}
        facts["project"]["problem"] += " Frail people use 9,600 occupied bed days a year."

    assert "director-terms" not in rules(findings_for(tmp_path, changed(their_words)))


def test_improvement_jargon_is_flagged_with_a_plainer_phrase(tmp_path: Path) -> None:
    def method(facts: Facts) -> None:
        facts["project"]["change"] = "A frailty virtual ward, tested through PDSA cycles."

    [finding] = [f for f in findings_for(tmp_path, changed(method)) if f.rule == "jargon"]
    assert finding.message == "'PDSA' is improvement jargon most directors do not use."
    assert "small, quick tests on the ward" in finding.fix


# --- timing ---------------------------------------------------------------------------


def test_approach_late_when_the_meeting_is_after_the_start(tmp_path: Path) -> None:
    facts = changed(lambda f: f["meeting"].update(date="2027-02-01"))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "approach-late"]
    assert finding.evidence == (
        "The meeting (1 February 2027) is after the project starts (4 January 2027)."
    )


def test_a_meeting_after_the_project_ends_says_so(tmp_path: Path) -> None:
    facts = changed(lambda f: f["meeting"].update(date="2028-01-10"))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "approach-late"]
    assert finding.message == "The sponsor is approached after the project has ended."
    assert finding.evidence == (
        "The meeting (10 January 2028) is after the project ends (17 December 2027)."
    )
    assert "champion what it delivered" in finding.fix


def test_approach_late_with_no_meeting_date_once_started(tmp_path: Path) -> None:
    facts = changed(lambda f: f["meeting"].pop("date"))
    assert "approach-late" not in rules(findings_for(tmp_path, facts))
    late = findings_for(tmp_path, facts, today=dt.date(2027, 2, 1))
    assert "approach-late" in rules(late)


def test_meeting_passed(tmp_path: Path) -> None:
    found = findings_for(tmp_path, good_facts(), today=dt.date(2026, 12, 10))
    assert rules(found) == ["meeting-passed"]


def test_project_over(tmp_path: Path) -> None:
    found = findings_for(tmp_path, good_facts(), today=dt.date(2028, 1, 5))
    [finding] = [f for f in found if f.rule == "project-over"]
    assert finding.evidence == "It ended on 17 December 2027."


# --- the whole team and keeping them informed -----------------------------------------


def test_whole_team_with_one_director_is_a_warning(tmp_path: Path) -> None:
    facts = changed(lambda f: f["project"]["funding"].update(amount=250000))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "whole-team"]
    assert finding.severity == "warning"
    assert finding.message == "A grant of £250,000 needs the whole executive team behind it."


def test_whole_team_with_several_directors_gives_the_order(tmp_path: Path) -> None:
    def big(facts: Facts) -> None:
        facts["project"]["funding"]["amount"] = 300000
        add_nursing_director(facts)

    [finding] = [f for f in findings_for(tmp_path, changed(big)) if f.rule == "whole-team"]
    assert finding.severity == "info"
    assert finding.fix == "Brief each of them, in this order: Helen Marsh and Ruth Adeyemi."


def test_no_keep_informed(tmp_path: Path) -> None:
    found = findings_for(tmp_path, changed(lambda f: f.pop("settings")))
    assert "no-keep-informed" in rules(found)


# --- languages and directors ----------------------------------------------------------


def test_untranslated_text_is_located(tmp_path: Path) -> None:
    facts = changed(lambda f: f["project"].update(title={"cy": "Ward rithwir eiddilwch"}))
    [finding] = [f for f in findings_for(tmp_path, facts) if f.rule == "untranslated"]
    assert finding.evidence == "project.title is written in another language only."
    assert finding.where == f"{tmp_path / 'facts.yaml'}:3:14"
    both = changed(
        lambda f: f["project"].update(title={"en": "Frailty", "cy": "Ward rithwir eiddilwch"})
    )
    assert "untranslated" not in rules(findings_for(tmp_path, both))


def test_no_directors_is_an_error(tmp_path: Path) -> None:
    def alone(facts: Facts) -> None:
        facts["directors"] = []
        facts.pop("meeting")
        facts["impacts"][0]["supports"] = []

    [finding] = findings_for(tmp_path, changed(alone))
    assert (finding.rule, finding.severity) == ("no-directors", "error")


def test_an_unknown_director_suggests_the_closest(tmp_path: Path) -> None:
    with pytest.raises(DirectorsError, match="no director has the id 'dfo': did you mean 'dof'"):
        findings_for(tmp_path, good_facts(), director="dfo")


def test_a_role_no_lens_recognises_is_said_where_it_is_written(tmp_path: Path) -> None:
    def odd_role(facts: Facts) -> None:
        facts["directors"].append(
            {"id": "how", "name": "Pat Quinn", "role": "Head of Widgets", "objectives": []}
        )

    found = findings_for(tmp_path, changed(odd_role))
    [finding] = [f for f in found if f.rule == "role-unmatched"]
    assert finding.severity == "warning"  # no objectives of their own: general ones stand in
    assert "Pat Quinn's role" in finding.message
    assert "'Head of Widgets'" in finding.evidence
    assert "finance" in finding.fix
    assert finding.where is not None
    assert re.search(r"facts.yaml:\d+:\d+$", finding.where)


def test_a_recognised_or_named_lens_raises_no_role_finding(tmp_path: Path) -> None:
    def named(facts: Facts) -> None:
        facts["directors"].append(
            {"id": "how", "name": "Pat Quinn", "role": "Head of Widgets", "lens": "operations"}
        )

    assert "role-unmatched" not in rules(findings_for(tmp_path, changed(named)))
    assert "role-unmatched" not in rules(findings_for(tmp_path, good_facts()))


def test_an_unrecognised_role_with_its_own_objectives_is_only_a_note(tmp_path: Path) -> None:
    def odd_role(facts: Facts) -> None:
        facts["directors"][0]["role"] = "Head of Widgets"

    [finding] = [f for f in findings_for(tmp_path, changed(odd_role)) if f.rule == "role-unmatched"]
    assert finding.severity == "info"
    assert "own objectives are used" in finding.evidence


def test_a_concern_the_note_says_it_addresses_is_not_unaddressed(tmp_path: Path) -> None:
    # The project's words share nothing with "NEL demand this winter", but the measure map
    # reads NEL as emergency admissions, the impact's measure, and the note names the
    # concern under "Your concerns it addresses": check agrees with the note (newuser10
    # item 4).
    concern = "NEL demand this winter"
    facts = changed(lambda f: f["directors"][0].update(concerns=[concern]))
    assert "concerns-unaddressed" not in rules(findings_for(tmp_path, facts))
