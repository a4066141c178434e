"""A director's brief and progress update ask the same questions in the same words.

The frailty ward's finance director says "occupied bed days" for "bed days"
(``terms:``). Her progress updates carry the team's asks and questions over in
her words; her briefing note must word them the same way, or she reads one
question two ways. Each test writes both documents through the API the
commands run and reads them back.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

FACTS = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
TODAY = dt.date(2028, 4, 10)
QUESTION = "Which line of the cost improvement programme should the released"


def lines_with(text: str, words: str) -> list[str]:
    """The lines of ``text`` holding ``words``."""
    return [line for line in text.splitlines() if words in line]


def test_the_brief_asks_in_the_directors_words_as_the_update_does(tmp_path: Path) -> None:
    brief = docx_text(
        write_brief(
            BriefRequest(facts=FACTS, director="dof", out=tmp_path / "b", today=TODAY)
        ).written[0]
    )
    update = docx_text(
        write_update(
            UpdateRequest(
                facts=FACTS, director="dof", period="2027-09", out=tmp_path / "u", today=TODAY
            )
        ).written[0]
    )
    # September 2027: the log answers the question in October (reader24 #13).
    [asked] = lines_with(brief, QUESTION)
    [carried] = lines_with(update, QUESTION)
    assert carried == f"{asked} (carried over)"
    assert "occupied bed days" in asked
    [ask] = lines_with(brief, "Agree with us how")
    assert ask.startswith("Agree with us how occupied bed days released")


def test_a_director_without_terms_reads_the_teams_words(tmp_path: Path) -> None:
    # The medical director has no terms: the team's own "bed days" stay.
    brief = docx_text(
        write_brief(BriefRequest(facts=FACTS, director="md", out=tmp_path, today=TODAY)).written[0]
    )
    assert "occupied bed days" not in brief
    # The cost improvement advice is the finance director's now (fixread20b): the medical
    # director's own items say "bed days" as the team wrote them.
    assert lines_with(brief, "bed days")
