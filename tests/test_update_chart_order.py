"""An update shows the charts its claims rest on first, for every director of every example.

The medical director's frailty update claimed fewer readmissions ("What this
has delivered toward your objectives") but drew that chart last, after two
charts of measures it did not claim for them. The charts behind the
update's claims now come first; the others follow in the log's order. Read
back from each update's text, in English and in Welsh.
"""

from __future__ import annotations

import re

import pytest

from documenttext import EXAMPLES, TODAY, document_text
from pitchkit.facts.project import open_project
from pitchkit.notes.update import make_update

#: A chart's title line: the measure, then the kind of chart in brackets, then the picture.
CHART = re.compile(r"^(.+?) \((?:[^()]*chart|siart [^()]*)\) \[picture")
#: Where the claims are: from the delivered table (when there is one) or the sentence for
#: the board, to the line after that sentence, in each language.
CLAIMS = (
    ("What this has delivered toward your objectives", "For your board report", "Use or adapt"),
    (
        "Beth mae hyn wedi'i gyflawni tuag at eich amcanion",
        "Ar gyfer eich adroddiad i'r Bwrdd",
        "Defnyddiwch neu addaswch",
    ),
)
UPDATES = [
    (example.name, director.id)
    for example in sorted(EXAMPLES.iterdir())
    if (example / "facts.yaml").exists()
    for director in open_project(example / "facts.yaml").facts.directors
]


def update_text(example: str, director: str) -> str:
    project = open_project(EXAMPLES / example / "facts.yaml")
    chosen = project.facts.director(director)
    assert chosen is not None
    period = project.facts.updates[-1].period
    data, _info = make_update(project, chosen, period=period, today=TODAY)
    return document_text(data)


def charts_and_claims(text: str) -> tuple[list[str], str]:
    """The measures charted, in order, and the text of the update's claims."""
    charts = [found[1] for line in text.splitlines() if (found := CHART.match(line))]
    claims = ""
    for table, board, end in CLAIMS:
        starts = [text.index(start) for start in (table, board) if start in text]
        if starts and end in text:
            claims = text[min(starts) : text.index(end)]
    return charts, claims.casefold()


@pytest.mark.parametrize(("example", "director"), UPDATES)
def test_the_charts_behind_the_claims_come_first(example: str, director: str) -> None:
    charts, claims = charts_and_claims(update_text(example, director))
    claimed = [chart.casefold() in claims for chart in charts]
    assert claimed == sorted(claimed, reverse=True), list(zip(charts, claimed, strict=True))


def test_the_medical_directors_frailty_update_opens_its_charts_with_readmissions() -> None:
    charts, claims = charts_and_claims(update_text("frailty-virtual-ward", "md"))
    assert "emergency readmissions within 30 days" in claims
    assert charts[0] == "Emergency readmissions within 30 days, patients aged 75 and over"
    assert len(charts) == 3
