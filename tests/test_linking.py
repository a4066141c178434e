"""Issue 14: links a director would accept, on a project pitchkit has never seen.

Read as a user would: through `directors --json`, `check` and a rendered
briefing note, on tests/data/sepsis_project.yaml and small files written here.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app
from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import link
from pitchkit.recast.lenses import all_lenses
from pitchkit.recast.measures import RULES

SEPSIS = Path(__file__).parent / "data" / "sepsis_project.yaml"


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def sepsis_copy(tmp_path: Path) -> Path:
    path = tmp_path / "facts.yaml"
    shutil.copy(SEPSIS, path)
    return path


def linked(measure: str, text: str, lens: str = "general", **fields: Any) -> Any:
    impact = Impact(id="i", measure=measure, unit="count", baseline=10, target=5, **fields)
    themes = fields.get("themes", [])
    objective = Objective(id="o", text=text, themes=themes if "themes" in fields else [])
    return link(impact, objective, director_id="d", lens=all_lenses()[lens])


# --------------------------------------------------------------------------
# The word matches the issue reports no longer make links


@pytest.mark.parametrize(
    ("measure", "text", "lens"),
    [
        # "how" and "can" were the only shared words.
        (
            "Patient satisfaction with how easily they can reach the clinic",
            "Make sure patients can say how their care can improve",
            "nursing",
        ),
        # The specialty was the only shared word.
        (
            "Dermatology follow-up appointments",
            "Fill consultant vacancies in dermatology",
            "medical",
        ),
        # "harm" was the only shared word: the objective is about deterioration.
        ("Falls with harm", "Reduce harm from unrecognised deterioration", "nursing"),
    ],
)
def test_generic_and_specialty_words_make_no_link(measure: str, text: str, lens: str) -> None:
    assert linked(measure, text, lens) is None


def test_the_same_declared_themes_make_a_confident_chain_not_a_discount() -> None:
    found = linked(
        "Antibiotics within one hour",
        "Bring SHMI back within the expected range",
        "medical",
        themes=["safety", "outcomes"],
    )
    assert found is not None
    assert found.confidence == "confident"
    assert found.chain.labels() == ("antibiotics within the hour", "sepsis deaths", "SHMI")


def test_declared_themes_alone_make_a_possible_link_at_least() -> None:
    impact = Impact(
        id="i", measure="Ward round start times", unit="min", baseline=9, target=8,
        themes=["safety"],
    )  # fmt: skip
    objective = Objective(id="o", text="Strengthen the ward safety culture", themes=["safety"])
    found = link(impact, objective, director_id="d", lens=all_lenses()["nursing"])
    assert found is not None
    assert (found.confidence, found.themes) == ("possible", ("safety",))


def test_excludes_rules_out_even_a_confident_link() -> None:
    impact = Impact(
        id="i", measure="Antibiotics within one hour", unit="%", baseline=50, target=90,
        excludes=["md.shmi"],
    )  # fmt: skip
    objective = Objective(id="shmi", text="Bring SHMI back within the expected range")
    assert link(impact, objective, director_id="md", lens=all_lenses()["medical"]) is None
    assert link(impact, objective, director_id="other", lens=all_lenses()["medical"]) is not None


# --------------------------------------------------------------------------
# directors: the acceptance case


def test_sepsis_project_goes_to_the_medical_director_with_the_chain() -> None:
    result = run("directors", SEPSIS, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["recommendation"]["first"] in {"md", "cn"}
    assert data["recommendation"]["first"] == "md"
    md = next(d for d in data["directors"] if d["id"] == "md")
    [found] = [f for f in md["links"] if f["impact"] == "antibiotics"]
    assert (found["objective"], found["confidence"]) == ("shmi", "confident")
    assert found["chain"] == ["antibiotics within the hour", "sepsis deaths", "SHMI"]
    assert "antibiotics within the hour → sepsis deaths → SHMI" in found["explanation"]
    assert "Kumar" not in found["explanation"]  # reasons, not citations, in the explanation
    assert {"impact", "objective", "score", "confidence"} <= set(found)
    # The board's worry (BAF risk 4, the MD's concern) is what decided it.
    assert "which weighs most" in data["recommendation"]["why"]


def test_every_link_has_a_confidence_and_explanations_do_not_repeat() -> None:
    for example in ("falls-prevention", "frailty-virtual-ward", "ysbyty-cymunedol"):
        path = Path(__file__).parent.parent / "examples" / example / "facts.yaml"
        data = json.loads(run("directors", path, "--json").stdout)
        for director in data["directors"]:
            for found in director["links"]:
                assert found["confidence"] in {"explicit", "confident", "possible"}
                pairs = [tuple(pair) for pair in found["words"]]
                assert len(pairs) == len(set(pairs)), found


def test_a_near_tie_goes_to_the_meetings_director_and_says_so(tmp_path: Path) -> None:
    facts = {
        "project": {"title": "T", "organisation": "O", "problem": "P", "change": "C"},
        "impacts": [
            {
                "id": "los",
                "measure": "Length of stay",
                "unit": "days",
                "baseline": 9,
                "target": 8,
                "supports": ["coo.los", "md.los"],
            },
        ],
        "meeting": {"director": "coo"},
        "directors": [
            {
                "id": "md",
                "name": "Dr A",
                "role": "Medical Director",
                "objectives": [{"id": "los", "text": "Reduce length of stay"}],
            },
            {
                "id": "coo",
                "name": "Sam B",
                "role": "Chief Operating Officer",
                "objectives": [{"id": "los", "text": "Reduce length of stay"}],
            },
        ],
    }
    path = tmp_path / "facts.yaml"
    YAML().dump(facts, path)
    data = json.loads(run("directors", path, "--json").stdout)
    assert data["recommendation"]["first"] == "coo"
    del facts["meeting"]
    YAML().dump(facts, path)
    data = json.loads(run("directors", path, "--json").stdout)
    assert data["recommendation"]["first"] == "md"  # the guide's preference, with no meeting


# --------------------------------------------------------------------------
# check and the note


def test_check_shows_a_possible_link_to_confirm_never_no_shared_themes(tmp_path: Path) -> None:
    result = run("check", SEPSIS, "--director", "cn")
    text = " ".join(result.stdout.split())
    # Nothing confirmed for her: one warning with the possible link, not an error that the
    # project serves none of her objectives beside it (newuser8 #7).
    assert "director-unaligned: No link to Grace Mensah's objectives is confirmed yet" in text
    assert "serves none of Grace Mensah's objectives" not in text
    assert "possible -- confirm with supports: [cn.deterioration]: shared themes: safety" in text
    assert "impact 'antibiotics': supports: [cn.deterioration]" in text
    assert "No objective of Grace Mensah (Chief Nurse) shares its words or themes" not in text


def test_the_note_claims_only_explicit_or_confident_links(tmp_path: Path) -> None:
    path = sepsis_copy(tmp_path)
    # The project has not started, so the claimed statement is the plan with its verb
    # (fixread31b, fixread31 #3): 54% to 90% is 36 points higher.
    claim = "Antibiotics within one hour will rise from 54% to 90%"
    for director, claimed in (("md", True), ("cn", False)):
        out = tmp_path / f"{director}.docx"
        result = run("brief", path, "--director", director, "--out", out)
        assert result.exit_code == 0, result.output
        text = docx_text(out)
        assert (claim in text) is claimed
    assert "does not yet link to your objectives" in docx_text(tmp_path / "cn.docx")
    # Once the lead confirms the possible link, the note claims it.
    assert run("link", path, "--accept", "antibiotics:cn.deterioration").exit_code == 0
    out = tmp_path / "cn-confirmed.docx"
    assert run("brief", path, "--director", "cn", "--out", out).exit_code == 0
    assert claim in docx_text(out)


# --------------------------------------------------------------------------
# Pairs written for the measure map (tests/data/map_pairs.yaml)

MAP_PAIRS = Path(__file__).parent / "data" / "map_pairs.yaml"


def map_figures(pairs: list[dict[str, Any]]) -> tuple[float, float, list[str]]:
    true_pos = false_pos = false_neg = 0
    wrong = []
    for pair in pairs:
        found = linked(pair["measure"], pair["objective"], pair["lens"])
        # The map's coverage: a chain held back only by its shape still counts as found.
        got = found is not None and found.mapped
        true_pos += got and pair["linked"]
        false_pos += got and not pair["linked"]
        false_neg += pair["linked"] and not got
        if got != pair["linked"]:
            wrong.append(f"{'false' if got else 'missed'}: {pair['measure']} ~ {pair['objective']}")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 1.0
    return precision, true_pos / (true_pos + false_neg), wrong


@pytest.mark.parametrize(("name", "least_recall"), [("tuned", 0.89), ("fresh", 0.7)])
def test_claimed_links_on_the_map_pairs_are_precise(name: str, least_recall: float) -> None:
    pairs = YAML(typ="safe").load(MAP_PAIRS.read_text(encoding="utf-8"))[name]
    precision, recall, wrong = map_figures(pairs)
    print(f"\n{name}: {len(pairs)} pairs, precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95, wrong
    assert recall >= least_recall, wrong


def test_the_demo_chief_nurse_is_offered_deconditioning_to_confirm() -> None:
    """Bed days cost frail older people strength: a cause step, offered, claimed once vouched for.

    Labellers of unseen projects rejected this chain twice (COPD bed days and
    antenatal bed days against harm-free care), so the map shows it as
    possible; when both sides declare the same theme, it is claimed.
    """
    measure = "Hospital bed days used by people aged 75 and over living with frailty"
    found = linked(measure, "Increase harm-free care on the medical wards", "nursing")
    assert found is not None
    assert not found.claimed
    assert found.mapped
    assert found.mismatch == "cause"
    assert found.chain is not None
    assert found.chain.labels() == ("bed days", "deconditioning", "avoidable harm")
    vouched = link(
        Impact(id="i", measure=measure, unit="bed days", baseline=10, target=5, themes=["safety"]),
        Objective(id="o", text="Increase harm-free care on the medical wards", themes=["safety"]),
        director_id="d",
        lens=all_lenses()["nursing"],
    )
    assert vouched is not None
    assert vouched.claimed
    # Falls on the ward are not the same as the deconditioning a stay causes.
    assert linked("Inpatient falls with harm", "Prevent deconditioning", "nursing") is None


def test_medical_locums_do_not_serve_a_nursing_agency_objective() -> None:
    nursing = "Zero off-framework nursing agency shifts and no HCSW agency use"
    found = linked("Medical agency shifts paid above the price cap", nursing)
    assert found is None or found.confidence == "possible"
    # Without a staff group on the impact's side, the map still links them.
    assert linked("Agency shifts paid above the price cap", nursing).confidence == "confident"


def test_a_shared_population_is_not_a_shared_measure() -> None:
    found = linked(
        "Adults with a learning disability on the practice register",
        "Fewer people with a learning disability in mental health inpatient beds",
    )
    assert found is None or found.confidence == "possible"


def test_the_estate_is_where_work_happens_not_its_backlog(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    objective = "Reduce high-risk backlog maintenance by £2m"
    found = linked("Reactive estates jobs for broken light fittings", objective)
    assert found is None or found.confidence == "possible"
    backlog = linked("High-risk backlog maintenance in the boiler house", objective)
    # The objective names the impact's own measure in its words: claimed, with the
    # map's chain kept for the record.
    assert backlog.mapped
    assert backlog.claimed
    assert backlog.reason == "words"
    # The map alone holds it back: backlog is a broad concept (the estate's whole
    # condition), found and offered to confirm.
    monkeypatch.setitem(RULES, "naming", False)
    backlog = linked("High-risk backlog maintenance in the boiler house", objective)
    assert backlog.mapped
    assert backlog.mismatch == "broad"


def test_a_topic_a_frameworks_learning_covers_is_not_the_objectives_aim() -> None:
    found = linked("Inpatient falls with harm", "PSIRF embedded, with thematic learning on falls")
    assert found is None or found.confidence == "possible"


def test_the_four_hour_standard_is_not_ed_initial_assessment() -> None:
    objective = "Initial assessment within 15 minutes for 95% of ED arrivals"
    found = linked("Patients leaving the emergency department within 4 hours", objective)
    assert found is None or found.confidence == "possible"
    assert linked("Arrivals streamed within 15 minutes", objective).confidence == "confident"
