"""Issue 15: sentences that survive any wording of an objective.

Forty-two objectives in the ways board papers, trust strategies and Board
Assurance Frameworks write them (our own sentences), each put into the
sentences that use an objective: the brief's lead sentence (rendered and read
back) and the progress update's board sentence.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from ruamel.yaml import YAML

from pitchkit.facts.project import open_project, pick_director
from pitchkit.facts.schema import Objective
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.objectives import VERBS, grammar
from pitchkit.notes.update.board import credit_text

EN = language("en_GB")
TODAY = dt.date(2026, 12, 1)

PHRASINGS: dict[str, list[str]] = {
    "verb": [
        "Reduce avoidable deaths from sepsis by a fifth",
        "Deliver the £14m cost improvement programme",
        "Achieve a SHMI within the expected range",
        "To reduce hospital-acquired infections",
        "Improve the experience of patients in our emergency department",
        "Eliminate 65-week waits by September 2027",
        "Halve the number of falls with harm",
        "Recruit and retain a skilled nursing workforce",
        "Embed the patient safety incident response framework",
        "Ensure every patient waiting has a clinical harm review",
        "Maintain financial balance across the system.",
        "Cut agency spend to within the cap",
    ],
    "noun": [
        "Clinical harm review for every patient waiting more than 52 weeks",
        "Financial balance across the system",
        "Care closer to home",
        "Support for unpaid carers",
        "Zero tolerance of avoidable harm",
        "Increase in day-case rates to 85%",
        "95% of patients seen within four hours",
        "Outstanding CQC rating by 2028",
        "A workforce fit for the future",
        "Safe, effective and compassionate care",
        "Reduction in SHMI to below 100",
        "Timely access to planned care",
        # A register label before the level that answers the risk: the objective, not the risk.
        "BAF risk 2: registered nurse vacancies below 5% by March 2027",
        "BAF risk 3: SHMI back within the expected range by March 2027",
    ],
    "clause": [
        "No patient comes to harm while waiting",
        "Every patient is seen by a senior clinician within 14 hours",
        "We will halve agency spend by March 2028",
        "Our staff feel valued and supported",
        "Patients receive the right care in the right place",
        "The trust meets the 78% four-hour standard",
        "All wards are safely staffed on every shift",
        "People live longer, healthier lives",
    ],
    "question": [
        "How do we learn from every death?",
        "Are we a good partner to our system?",
        "What would it take to close the escalation beds?",
        "Can we eliminate corridor care this winter?",
    ],
    "risk": [
        "BAF 4: Failure to recruit enough registered nurses",
        "Risk that we cannot meet the four-hour standard",
        "SR3 - Inability to maintain financial sustainability",
        "If we do not reduce bed occupancy, then patients will come to harm",
        "There is a risk that the trust will not achieve its financial plan",
        "Loss of public confidence following a serious incident",
    ],
}
ALL = [(shape, text) for shape, texts in PHRASINGS.items() for text in texts]


def test_there_are_at_least_forty_phrasings() -> None:
    assert len(ALL) >= 40


@pytest.mark.parametrize(("shape", "text"), ALL)
def test_the_shape_of_each_objective_is_recognised(shape: str, text: str) -> None:
    assert grammar(text) == shape


def _facts(tmp_path: Path, objective: str) -> Path:
    data = {
        "project": {
            "title": "Sepsis screening",
            "organisation": "Northgate Hospitals NHS Trust",
            "problem": "Patients with sepsis wait too long for antibiotics.",
            "change": "A screening prompt in the observations chart.",
        },
        "impacts": [
            {
                "id": "deaths",
                "measure": "Deaths from sepsis",
                "unit": "deaths",
                "per": "year",
                "baseline": 96,
                "target": 80,
                "supports": ["md.o"],
            }
        ],
        "asks": ["Chair the project board once a quarter"],
        "directors": [
            {
                "id": "md",
                "name": "Dr Alan Reid",
                "role": "Medical Director",
                "objectives": [{"id": "o", "text": objective}],
            }
        ],
    }
    path = tmp_path / "facts.yaml"
    with path.open("w", encoding="utf-8") as out:
        YAML().dump(data, out)
    return path


def _lead_sentence(path: Path) -> str:
    project = open_project(path)
    note = make_brief_note(project, pick_director(project.facts, "md"), today=TODAY)
    # A non-breaking space (inside a date, say) reads as a space.
    paragraphs = [
        p.text.replace("\u00a0", " ") for p in docx.Document(io.BytesIO(note.data)).paragraphs
    ]
    return paragraphs[paragraphs.index("Why this matters to you") + 1]


def _broken(sentence: str) -> list[str]:
    """What is wrong with a sentence built around an objective."""
    problems = []
    for word in re.findall(r"\bhelp you (\S+)", sentence):
        if word.casefold().strip("“”") not in VERBS:
            problems.append(f"help you {word}")
    for word in re.findall(r"\bobjectives? to (\S+)", sentence):
        if word.casefold() not in VERBS:
            problems.append(f"objective to {word}")
    if re.search(r"\.\.|\?\.|”\.\.|\s[,.]", sentence):
        problems.append("stray punctuation")
    if not re.search(r"[.?]”?$", sentence):
        problems.append("no full stop")
    return problems


@pytest.mark.parametrize(("shape", "text"), ALL)
def test_the_lead_sentence_reads_for_every_shape(tmp_path: Path, shape: str, text: str) -> None:
    sentence = _lead_sentence(_facts(tmp_path, text))
    assert _broken(sentence) == [], sentence
    # An objective to bring something to none ("Eliminate …") that the plan does not reach
    # says how far it goes (fixread25a #3): "will take you part of the way to …".
    assert sentence.startswith(
        ("Sepsis screening will help", "Sepsis screening will take you part of the way to")
    )
    core = text.rstrip(".").strip()
    if shape == "verb":
        assert core.removeprefix("To ")[1:] in sentence
    elif shape == "risk" and "risk" in core.casefold():
        assert "reduce the risk" in sentence
    else:
        assert core.split(":")[-1].split(" - ")[-1].strip()[1:] in sentence
    assert "16 fewer" not in sentence  # the figures are the bullet's, said once


@pytest.mark.parametrize(("shape", "text"), ALL)
def test_the_board_sentence_credits_every_shape(shape: str, text: str) -> None:
    for kind in ("organisational", "personal"):
        objective = Objective(id="o", text=text, kind=kind)  # type: ignore[arg-type]
        credit = credit_text((objective,), EN)
        sentence = f"As executive sponsor, I can report a fall in deaths, contributing to {credit}."
        assert _broken(sentence) == [], sentence
        if shape != "verb":
            assert "“" in credit


def test_two_objectives_of_different_shapes_are_credited_together() -> None:
    objectives = (
        Objective(id="a", text="Reduce avoidable deaths"),
        Objective(id="b", text="No patient comes to harm while waiting"),
    )
    assert credit_text(objectives, EN) == (
        "our objectives “Reduce avoidable deaths” and “No patient comes to harm while waiting”"
    )


@pytest.mark.parametrize(
    "text",
    [
        "BAF risk 2: registered nurse vacancies below 5% by March 2027",
        "BAF risk 3: SHMI back within the expected range by March 2027",
    ],
)
def test_a_labelled_target_is_not_called_a_risk_to_reduce(tmp_path: Path, text: str) -> None:
    # "will help reduce the risk “Registered nurse vacancies below 5% by March 2027”" asks the
    # director to lower the very level they are aiming for: the text is the objective that
    # answers BAF risk 2, and is named as one, label and all.
    sentence = _lead_sentence(_facts(tmp_path, text))
    assert "reduce the risk" not in sentence, sentence
    assert f"will help with your objective “{text}”." in sentence, sentence
