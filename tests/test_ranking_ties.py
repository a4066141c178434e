"""``pitchkit directors`` says what decided a tie, and which worry of the board's counts.

When two directors score the same, the one to approach first is decided by
the meeting already booked, then by the guide's preferred roles (medical,
nursing or finance), then by the order of the facts file; the
recommendation says which, in its text and in ``--json``. An objective is
called "a problem the board already worries about" only when a line of the
project's strategy or of the director's concerns shows it, and that line
is quoted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

HARM = "Reduce hospital-acquired harm (falls, pressure ulcers, HAT) by 20%"
STRATEGY = "Trust strategy 2026-31: zero avoidable harm"

Run = Callable[..., Result]


def tie_facts(
    tmp_path: Path,
    *,
    meeting: str | None = None,
    roles: tuple[str, str] = ("Chief Operating Officer", "Chief Nurse"),
    strategy: tuple[str, ...] = (STRATEGY,),
    concerns: tuple[str, ...] = (),
) -> Path:
    """Two directors with the same one objective, so the project serves them equally."""
    facts: dict[str, Any] = {
        "project": {
            "title": "Getting VTE risk assessment right first time",
            "organisation": "Westbrook Hospitals NHS Foundation Trust",
            "problem": "61 hospital-acquired thrombosis events last year.",
            "change": "An electronic prompt at the post-take ward round.",
            "strategy": list(strategy),
            "funding": {"amount": 68000},
        },
        "impacts": [
            {
                "id": "hat",
                "measure": "Hospital-acquired thrombosis events",
                "unit": "events",
                "per": "year",
                "baseline": 61,
                "target": 40,
                "themes": ["safety"],
            }
        ],
        "meeting": {"date": "2027-01-12", **({"director": meeting} if meeting else {})},
        "directors": [
            {
                "id": director_id,
                "name": name,
                "role": role,
                "concerns": list(concerns),
                "objectives": [{"id": "harm", "text": HARM, "themes": ["safety"]}],
            }
            for (director_id, name), role in zip(
                [("coo", "Sarah Linton"), ("don", "Joanne Clarke")], roles, strict=True
            )
        ],
    }
    path = tmp_path / "facts.yaml"
    path.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return path


def ranked(cli: Run, path: Path, *extra: str, level: bool = True) -> dict[str, Any]:
    """``directors --json`` for ``path``; with ``level``, both directors score the same."""
    result = cli("directors", str(path), "--json", *extra)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    scores = [place["score"] for place in data["directors"]]
    assert scores[0] == scores[1] > 0 or not level
    assert isinstance(data, dict)
    return data


def test_with_no_meeting_the_guides_preferred_role_decides_a_tie_and_says_so(
    cli: Run, tmp_path: Path
) -> None:
    data = ranked(cli, tie_facts(tmp_path))
    recommendation = data["recommendation"]
    score = data["directors"][0]["score"]

    assert recommendation["first"] == "don"
    assert recommendation["decided_by"] == "preference"
    assert (
        f"Sarah Linton scores the same ({score}); Joanne Clarke goes first because the guide "
        "suggests a medical, nursing or finance director first." in recommendation["why"]
    )
    shown = cli("directors", str(tie_facts(tmp_path)))
    assert "Joanne Clarke goes first because the guide suggests" in " ".join(shown.stdout.split())


def test_the_meeting_already_booked_decides_a_tie_and_says_so(cli: Run, tmp_path: Path) -> None:
    data = ranked(cli, tie_facts(tmp_path, meeting="coo"))
    recommendation = data["recommendation"]

    assert recommendation["first"] == "coo"
    assert recommendation["decided_by"] == "meeting"
    assert (
        "Sarah Linton goes first because your meeting is already booked with them."
        in recommendation["why"]
    )
    assert "the guide suggests" not in recommendation["why"]


def test_a_tie_between_alike_roles_says_the_file_order_decided_it(cli: Run, tmp_path: Path) -> None:
    path = tie_facts(tmp_path, roles=("Chief Operating Officer", "Director of Strategy"))
    recommendation = ranked(cli, path)["recommendation"]

    assert recommendation["first"] == "coo"
    assert recommendation["decided_by"] == "listed"
    assert (
        "either would do, and Sarah Linton goes first only because the facts list them first."
        in recommendation["why"]
    )


def test_the_tie_is_explained_in_welsh_too(cli: Run, tmp_path: Path) -> None:
    english = ranked(cli, tie_facts(tmp_path, meeting="coo"))["recommendation"]["why"]
    welsh = ranked(cli, tie_facts(tmp_path, meeting="coo"), "-l", "cy_GB")["recommendation"]

    assert welsh["decided_by"] == "meeting"
    tie = english[english.index("Joanne Clarke scores the same") :]
    assert tie not in welsh["why"]
    assert "Joanne Clarke" in welsh["why"]
    assert "cyfarfod" in welsh["why"]


def test_a_worry_of_the_board_is_named_with_the_strategy_line_that_shows_it(
    cli: Run, tmp_path: Path
) -> None:
    why = ranked(cli, tie_facts(tmp_path))["recommendation"]["why"]

    assert (
        f"It serves a problem the board already worries about, which weighs most: {HARM} "
        f'(the project\'s strategy names it: "{STRATEGY}").' in why
    )


def test_a_worry_shown_only_by_the_directors_concerns_quotes_the_concern(
    cli: Run, tmp_path: Path
) -> None:
    path = tie_facts(tmp_path, strategy=(), concerns=("Avoidable harm to inpatients",))
    data = ranked(cli, path, level=False)
    names = {place["id"]: place["name"] for place in data["directors"]}
    first = names[data["recommendation"]["first"]]
    why = data["recommendation"]["why"]

    assert f'{HARM} ({first}\'s concerns name it: "Avoidable harm to inpatients").' in why


def test_an_objective_is_not_called_a_worry_of_the_board_without_a_line_that_shows_it(
    cli: Run, tmp_path: Path
) -> None:
    path = tie_facts(tmp_path, strategy=("Trust strategy 2026-31: best place to work",))
    why = ranked(cli, path, level=False)["recommendation"]["why"]

    assert why.startswith("Approach ")
    assert "already worries" not in why
