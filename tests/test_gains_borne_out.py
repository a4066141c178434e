"""What a role typically gains is offered only when the project shows it.

A typical gain or question that names an outcome in pitchkit's measure map
(staff wellbeing, retention, harm, experience) is left out of a note for a
project none of whose impacts measures that outcome, as one that claims
money is left out of a project that shows none. Notes are rendered and read
back.
"""

from __future__ import annotations

from pathlib import Path

from notereading import EXAMPLES, render_note
from pitchkit.facts.project import open_project
from pitchkit.notes.context import outcomes_named, supported
from pitchkit.recast.pitch import recast

FALLS = next(path for path in EXAMPLES if path.parent.name == "falls-prevention")
CONFIDENCE = "Ward staff who feel confident to carry out a multifactorial falls assessment"
WELLBEING = "A story of staff wellbeing and retention to tell the board"


def offered(facts: Path, director: str) -> list[str]:
    """The bullets under "What is in it for you" in the director's note."""
    note = render_note(facts, director)
    return [text for section, text in note.paragraphs if section == "What is in it for you"]


def test_a_falls_project_offers_no_story_of_wellbeing_and_retention(tmp_path: Path) -> None:
    # Since reader20 #3 the example offers the DoP a gain of her own, which takes the place of
    # one of the lens's; this copy leaves it out, so the lens's gains are the ones weighed.
    own = (
        '  - {text: "Ward-by-ward survey results on how confident and well trained the ward '
        'teams feel, for your learning and development report", for: [workforce]}\n'
    )
    source = FALLS.read_text(encoding="utf-8")
    assert source.count(own) == 1
    facts = tmp_path / "facts.yaml"
    facts.write_text(source.replace(own, ""), encoding="utf-8")
    gains = offered(facts, "dop")
    # Falls, pressure ulcers, lying and standing blood pressure and staff confidence:
    # nothing measures wellbeing or retention. The People lens's other gains stay.
    assert WELLBEING not in gains
    assert "Direct contact with staff driving change" in gains
    assert "A model other teams can adopt" in gains


def test_a_project_that_measures_wellbeing_and_retention_offers_the_story(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "facts.yaml"
    source = FALLS.read_text(encoding="utf-8")
    facts.write_text(
        source.replace(CONFIDENCE, "Staff wellbeing score and retention of ward staff"),
        encoding="utf-8",
    )
    assert WELLBEING in offered(facts, "dop")


def test_a_question_about_figures_the_project_lacks_is_not_asked() -> None:
    project = open_project(FALLS).facts
    nursing = project.director("don")
    assert nursing is not None
    pitch = recast(project, nursing)
    question = (
        "Where should our harm and experience figures go, so they reach the wards and the "
        "quality committee?"
    )
    # Falls count inside harm; nothing the project measures is patient experience.
    assert outcomes_named(question) == ("harm", "patient-experience")
    assert supported("assurance on harm-free care for the quality committee", pitch)
    assert not supported(question, pitch)
    # Where the work fits is not an outcome to measure: the forum question stays.
    assert supported("Which board or system forum should hear about this first?", pitch)
