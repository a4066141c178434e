"""A board worry weighs in the score only where the recommendation can show the line.

The score weighs an objective about a problem the board already worries
about most; the recommendation names such an objective only when a line of
the strategy or the director's concerns shows it. The two read a worry the
same way: a strategy line and an objective that share only the
organisation's own name ("ICB") or the kind of paper ("BAF risk") are not a
worry in either.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

Run = Callable[..., Result]

ADMISSIONS = "Hold the ICB's emergency admissions to the 2025/26 level"


def icb_facts(tmp_path: Path, strategy: list[str], name: str = "facts.yaml") -> Path:
    """An ICB project whose fall in admissions serves its operating director's objective."""
    facts: dict[str, Any] = {
        "project": {
            "title": "Repeat prescribing review in care homes",
            "organisation": "NHS Wyvern Integrated Care Board",
            "problem": "Repeat items in care homes are rarely reviewed.",
            "change": "Practice pharmacists review every care home resident's repeat items.",
            "strategy": strategy,
            "funding": {"amount": 90000},
        },
        "impacts": [
            {
                "id": "admissions",
                "measure": "Emergency admissions of care home residents",
                "unit": "admissions",
                "per": "year",
                "baseline": 1400,
                "target": 1250,
            }
        ],
        "meeting": {"date": "2027-01-12"},
        "directors": [
            {
                "id": "coo",
                "name": "Tom Reilly",
                "role": "Chief Operating Officer",
                "objectives": [
                    {"id": "admissions", "text": ADMISSIONS},
                    {"id": "estates", "text": "Agree the estates strategy for the three hubs"},
                    {"id": "audit", "text": "An unqualified audit opinion on the 2026/27 accounts"},
                ],
            }
        ],
    }
    path = tmp_path / name
    path.write_text(json.dumps(facts, indent=1), encoding="utf-8")
    return path


def ranking(cli: Run, path: Path) -> dict[str, Any]:
    result = cli("directors", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def test_a_strategy_line_sharing_only_the_icbs_name_adds_no_worry_weight(
    cli: Run, tmp_path: Path
) -> None:
    plain = ranking(cli, icb_facts(tmp_path, []))
    named = ranking(
        cli,
        icb_facts(
            tmp_path, ["ICB Joint Forward Plan: prevent cardiovascular disease"], "named.yaml"
        ),
    )

    assert plain["directors"][0]["score"] > 0
    assert named["directors"][0]["score"] == plain["directors"][0]["score"]
    assert "already worries" not in named["recommendation"]["why"]


def test_a_strategy_line_naming_the_objectives_concern_weighs_and_is_quoted(
    cli: Run, tmp_path: Path
) -> None:
    plain = ranking(cli, icb_facts(tmp_path, []))
    line = "BAF risk 2: emergency admissions above the operating plan"
    worried = ranking(cli, icb_facts(tmp_path, [line], "worried.yaml"))

    assert worried["directors"][0]["score"] > plain["directors"][0]["score"]
    assert f'(the project\'s strategy names it: "{line}")' in worried["recommendation"]["why"]
