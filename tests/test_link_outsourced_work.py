"""Work sent to another provider counts as outsourcing, not as the trust's own lists.

newuser16 and newuser17 found "Surveillance gastroscopies sent to the independent sector"
claimed, confidently, for "Keep drugs and consumables spend within budget": the measure
was read as endoscopy, and endoscopy reaches spend through premium-rate pay. Outsourced
work moves what the trust buys from others; which work it is only says which. Insourced
lists are the trust's own lists worked by another provider's staff, so they keep their
work. Read through ``pitchkit directors --json`` on small facts files.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: The ``directors_json`` fixture (conftest.py): ``pitchkit directors --json`` read as JSON.
DirectorsJson = Callable[..., Any]


def _facts(measure: str, objectives: dict[str, str]) -> str:
    text = (
        "project:\n  title: Capsule sponge surveillance\n"
        "  organisation: Example Hospitals NHS Trust\n"
        "  lead: {name: Sam Lee, role: Consultant Gastroenterologist}\n"
        "  problem: Surveillance gastroscopies are bought from another provider.\n"
        "  change: Capsule sponge tests in clinic.\n"
        "  start: 2026-04-01\n  end: 2027-09-30\nimpacts:\n"
        f"  - id: work\n    measure: {measure}\n    unit: procedures\n    per: year\n"
        "    baseline: 1300\n    target: 500\n"
        "directors:\n  - id: dof\n    name: Alan Pryce\n    role: Director of Finance\n"
        "    objectives:\n"
    )
    return text + "".join(f"      - {{id: {i}, text: '{t}'}}\n" for i, t in objectives.items())


def _links(directors_json: DirectorsJson, text: str) -> dict[str, dict[str, Any]]:
    return {
        x["objective"].split(".")[-1]: x
        for x in directors_json(text)["directors"][0]["links"]
        if x["impact"] == "work"
    }


def test_outsourced_scopes_reach_outsourcing_not_a_consumables_budget(
    directors_json: DirectorsJson,
) -> None:
    links = _links(
        directors_json,
        _facts(
            "Surveillance gastroscopies sent to the independent sector",
            {
                "is": "Cut independent sector spend by £3m",
                "drugs": "Keep drugs and consumables spend within budget",
            },
        ),
    )
    assert links["is"]["confidence"] == "confident"
    assert links["is"]["chain"] == ["outsourcing"]
    drugs = links.get("drugs")
    assert drugs is None or drugs["confidence"] == "possible"
    assert drugs is None or "premium-rate" not in drugs["explanation"]


def test_insourced_lists_are_still_the_work_they_are(directors_json: DirectorsJson) -> None:
    links = _links(
        directors_json,
        _facts(
            "Insourced endoscopy lists at weekends",
            {"wli": "Cut premium-rate spend on waiting list initiatives and insourcing"},
        ),
    )
    assert "endoscopy" in links["wli"]["chain"] or "insourcing" in links["wli"]["explanation"]
