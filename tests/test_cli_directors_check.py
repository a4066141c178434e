"""`pitchkit directors` and `pitchkit check` through the real command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pitchkit.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, [str(a) for a in args])


def facts_file(tmp_path: Path, change: Callable[[dict[str, Any]], None] | None = None) -> Path:
    """A small facts file dated from today, so the command's own clock cannot flag it."""
    today = dt.date.today()
    facts: dict[str, Any] = {
        "project": {
            "title": "Frailty virtual ward",
            "organisation": "Example NHS Foundation Trust",
            "problem": "Escalation beds are staffed by agency nurses all year.",
            "change": "Care at home.",
            "strategy": ["BAF risk SR3: bed capacity"],
            "start": str(today + dt.timedelta(days=60)),
            "end": str(today + dt.timedelta(days=400)),
        },
        "impacts": [
            {
                "id": "admissions",
                "measure": "Emergency admissions",
                "unit": "admissions",
                "per": "year",
                "baseline": 1200,
                "target": 1000,
                "value": {"amount": 1590, "source": "NHS reference costs 2016/17"},
                "releases": "capacity",
                "supports": ["dof.cip"],
                "source": "SUS data, 2025/26",
            }
        ],
        "asks": ["Chair the project board once a quarter"],
        "advice": ["Which committee should hear our progress?"],
        "offer": ["Monthly figures for the finance committee"],
        "meeting": {"date": str(today + dt.timedelta(days=7)), "director": "dof"},
        "directors": [
            {
                "id": "dof",
                "name": "Helen Marsh",
                "role": "Director of Finance",
                "concerns": ["Agency spend"],
                "objectives": [
                    {"id": "cip", "text": "Deliver the cost improvement programme"},
                    {"id": "own", "text": "Lead the value programme", "kind": "personal"},
                ],
            }
        ],
        "settings": {"cadence": "month"},
    }
    facts["impacts"][0]["supports"].append("dof.own")
    if change is not None:
        change(facts)
    path = tmp_path / "facts.yaml"
    path.write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- pitchkit directors ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("example", "first", "name"),
    [
        ("frailty-virtual-ward", "coo", "Tom Okafor"),
        ("falls-prevention", "don", "Claire Thompson"),
        ("ysbyty-cymunedol", "dpcmh", "Gareth Morgan"),
    ],
)
def test_directors_recommends_the_right_first_director(example: str, first: str, name: str) -> None:
    path = EXAMPLES / example / "facts.yaml"
    result = run("directors", path, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["directors"][0]["id"] == first
    assert data["recommendation"]["first"] == first
    table = run("directors", path, "--locale", "en_GB")
    assert table.exit_code == 0, table.output
    assert f"Approach {name}" in " ".join(table.stdout.split())


def test_directors_table_shows_scores_statements_and_reasons() -> None:
    result = run("directors", FRAILTY)
    text = " ".join(result.stdout.split())
    for expected in ("Helen Marsh", "Tom Okafor", "Score", "Recommendation"):
        assert expected in text
    assert "plan to engage the whole executive team" in text
    # Since reader20 #3 the example confirms the Chief Nurse's link, so she is put in order too.
    assert (
        "After Tom Okafor, approach Helen Marsh, Ruth Adeyemi and Dr James Whitfield, in that order"
        in text
    )
    assert "map:" in text


def test_directors_json_has_the_promised_shape() -> None:
    result = run("directors", FRAILTY, "--json")
    data = json.loads(result.stdout)
    assert set(data) == {"directors", "recommendation"}
    for entry in data["directors"]:
        assert set(entry) == {
            "id",
            "name",
            "role",
            "lens",
            "rank",
            "score",
            "objectives",
            "every_objective",
            "statement",
            "links",
        }
        for found in entry["links"]:
            assert set(found) == {
                "impact",
                "objective",
                "score",
                "reason",
                "confidence",
                "chain",
                "doubt",
                "explanation",
                "themes",
                "words",
            }
            assert found["confidence"] in {"explicit", "confident", "possible"}
            if found["reason"] == "map":
                assert found["chain"]
            elif found["reason"] != "explicit":
                assert found["chain"] == []  # a possible link has no chain
            assert found["reason"] in {"explicit", "map", "themes", "words", "value"}
            # Why a link is only possible, when a rule held it back; never on a claimed one.
            assert found["doubt"] in {
                None, "cause", "broad", "topic", "instrument", "year", "time", "gap",
                "process", "money",
            }  # fmt: skip
            if found["confidence"] != "possible":
                assert found["doubt"] is None
            assert all(len(pair) == 2 for pair in found["words"])
    recommendation = data["recommendation"]
    assert {"first", "why", "whole_team", "also"} <= set(recommendation)
    assert recommendation["also"] == ["dof", "don", "md"]  # the DoN is served since reader20 #3
    assert result.stderr == ""


def test_directors_from_a_spreadsheet() -> None:
    team = EXAMPLES / "frailty-virtual-ward" / "directors.xlsx"
    result = run("directors", FRAILTY, "--directors", team, "--json")
    assert result.exit_code == 0, result.output
    ids = [d["id"] for d in json.loads(result.stdout)["directors"]]
    assert "ceo" in ids


def test_directors_file_in_a_wrong_format_is_one_located_line(tmp_path: Path) -> None:
    wrong = tmp_path / "team.docx"
    wrong.write_bytes(b"PK\x03\x04 not really")
    result = run("directors", FRAILTY, "--directors", wrong)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {wrong}: pitchkit reads directors from .yaml, .csv or .xlsx: save it from "
        "Excel as 'Excel Workbook (.xlsx)' or 'CSV UTF-8', or write a .yaml list"
    )
    assert result.stdout == ""


def test_an_empty_directors_list_is_one_located_line(tmp_path: Path) -> None:
    def no_directors(facts: dict[str, Any]) -> None:
        facts.update(directors=[], meeting={})
        facts["impacts"][0]["supports"] = []

    path = facts_file(tmp_path, no_directors)
    result = run("directors", path)
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: {path}:")
    assert line.endswith(
        "no directors: list the executive directors under 'directors:', or pass --directors FILE"
    )


# --- pitchkit check -------------------------------------------------------------------


def test_check_with_nothing_to_say(tmp_path: Path) -> None:
    result = run("check", facts_file(tmp_path), "--strict")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "No findings: the pitch follows the guide's advice."


def test_check_exits_0_with_warnings_and_1_with_strict(tmp_path: Path) -> None:
    path = facts_file(tmp_path, lambda facts: facts.update(advice=[]))
    relaxed = run("check", path)
    assert relaxed.exit_code == 0
    assert "Warnings (1)" in relaxed.stdout
    assert "no-advice-sought: The pitch does not ask for the director's advice." in relaxed.stdout
    assert "fix: Add one to three questions under 'advice:'" in " ".join(relaxed.stdout.split())
    strict = run("check", path, "--strict")
    assert strict.exit_code == 1
    assert strict.stdout == relaxed.stdout


def test_check_strict_passes_when_only_notes_are_found(tmp_path: Path) -> None:
    path = facts_file(tmp_path, lambda facts: facts["impacts"][0].pop("value"))
    result = run("check", path, "--strict", "--json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("impact-without-value", "info")]
    assert set(findings[0]) == {"rule", "severity", "message", "evidence", "fix", "where"}
    assert findings[0]["where"].startswith(f"{path}:")


def test_check_unknown_director_suggests_the_closest() -> None:
    result = run("check", FRAILTY, "--director", "dfo")
    assert result.exit_code == 1
    # fixnu38c (newuser38 #12): no "?:" after "did you mean"; "? If not, choose ...".
    assert result.stderr.strip() == (
        f"error: {FRAILTY}: no director has the id 'dfo': did you mean 'dof'? If "
        "not, choose one of dof, coo, don, md"
    )


def test_check_for_another_director_points_to_a_better_fit(tmp_path: Path) -> None:
    # The example confirms the nursing director's duty-of-quality link (fixread20b): a copy
    # without it leaves her unaligned, as the example once did.
    welsh = tmp_path / "facts.yaml"
    welsh.write_text(
        (EXAMPLES / "ysbyty-cymunedol" / "facts.yaml")
        .read_text(encoding="utf-8")
        .replace("supports: [dpcmh.access, don.quality]", "supports: [dpcmh.access]"),
        encoding="utf-8",
    )
    result = run("check", welsh, "--director", "don", "--locale", "en_GB")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "director-unaligned: The project serves none of Elin Davies's objectives." in text
    assert "Gareth Morgan (Director of Primary, Community and Mental Health) fits better" in text


def test_brief_prints_the_findings_briefly_after_writing(tmp_path: Path) -> None:
    path = facts_file(tmp_path, lambda facts: facts.update(advice=[]))
    result = run("brief", path, "--out", tmp_path / "note.docx")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == f"Wrote {tmp_path / 'note.docx'}"
    assert lines[1:] == [
        "Advice from the guide (run 'pitchkit check' for the evidence and fixes):",
        "  warning: The pitch does not ask for the director's advice.",
    ]


def test_an_unknown_lens_is_refused_where_it_is_written(tmp_path: Path) -> None:
    def odd_colleague(facts: dict[str, Any]) -> None:
        facts["directors"].append({"id": "coo", "name": "Tom", "role": "COO", "lens": "bogus"})

    path = facts_file(tmp_path, odd_colleague)
    for command in ("brief", "check", "directors"):
        result = (
            run(command, path, "--out", tmp_path / "note.docx")
            if command == "brief"
            else run(command, path)
        )
        assert result.exit_code == 1, command
        [line] = result.stderr.splitlines()
        assert re.match(rf"error: {re.escape(str(path))}:\d+:\d+: directors\[\d\]\.lens: ", line)
        assert "unknown lens 'bogus'" in line
    assert not (tmp_path / "note.docx").exists()


FALLS = EXAMPLES / "falls-prevention" / "facts.yaml"
FALLS_ASK = "Act as executive sponsor and sign the charity application by 28 February 2027"
#: The ask as the example once had it, before the meeting of 10 February 2027 (reader21 #6).
EARLY_ASK = "Act as executive sponsor and sign the charity application by 31 January 2027"


def early_falls(folder: Path) -> Path:
    """The falls example with its ask due before the meeting."""
    facts = folder / "facts.yaml"
    text = FALLS.read_text(encoding="utf-8")
    assert FALLS_ASK in text
    facts.write_text(text.replace(FALLS_ASK, EARLY_ASK), encoding="utf-8")
    return facts


def test_the_falls_example_asks_after_its_meeting() -> None:
    result = run("check", FALLS, "--director", "don")
    assert "ask-before-meeting" not in result.output


def test_check_names_an_ask_due_before_the_meeting(tmp_path: Path) -> None:
    result = run("check", early_falls(tmp_path), "--director", "don")
    # The example meets Claire Thompson on 10 February 2027.
    assert (
        f"ask-before-meeting: The ask '{EARLY_ASK}' is due on 31 January 2027, before you "
        "meet on 10 February 2027."
    ) in result.output
    assert "asks[0] names 31 January 2027; meeting.date is 10 February 2027." in result.output
    assert "facts.yaml:113:5" in result.output
    assert "or meet before 31 January 2027" in result.output


def test_check_names_an_ask_due_before_the_meeting_in_welsh(tmp_path: Path) -> None:
    result = run("check", early_falls(tmp_path), "--director", "don", "--locale", "cy_GB")
    assert "i'w wneud erbyn 31 Ionawr 2027, cyn i chi gyfarfod ar 10 Chwefror 2027" in (
        result.output
    )


@pytest.mark.parametrize(
    ("ask", "flagged"),
    [
        ("Sign the application by 9 February 2027", True),
        ("Agree the pilot wards in January 2027", True),
        ("Sign the application by 28 February 2027", False),
        ("Sign the application in February 2027", False),  # by its last day
        ("Chair the project board once a quarter from January 2027", False),
    ],
)
def test_an_ask_is_read_for_its_dates_as_updates_read_them(
    tmp_path: Path, ask: str, flagged: bool
) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(FALLS.read_text(encoding="utf-8").replace(FALLS_ASK, ask), encoding="utf-8")
    result = run("check", facts, "--director", "don")
    assert ("ask-before-meeting" in result.output) is flagged
