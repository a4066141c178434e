"""The facts file: schema v1, strings kept as written, and one located message per mistake."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from pitchkit.cli import app
from pitchkit.errors import FactsError
from pitchkit.facts.schema import load_facts

GOOD = """\
project:
  title: Frailty virtual ward
  organisation: Example NHS Foundation Trust
  lead: {name: Dr Sam Patel, role: Consultant Geriatrician, email: sam.patel@example.nhs.uk}
  problem: Bed occupancy above 95% all winter.
  change: A consultant-led virtual ward for frail older people.
  strategy: ["Trust strategy 2025-30: care closer to home"]
  start: 2027-01-04
  end: 2027-12-17
  funding: {amount: 250000, currency: GBP, source: The Health Foundation, status: requested}
impacts:
  - id: admissions
    measure: Emergency admissions, people aged 75 and over
    unit: admissions
    per: year
    baseline: 1200
    target: 1000
    value:
      amount: 1590
      currency: GBP
      source: "Non-elective episode, NHS reference costs 2016/17"
    supports: [dof.cip]
asks: [Chair our project board each quarter]
advice: [Which board committee should hear our progress?]
offer: [A direct line to frontline clinicians]
meeting: {date: 2026-12-03, director: dof}
directors:
  - id: dof
    name: Alex Jones
    role: Director of Finance
    objectives:
      - id: cip
        text: Deliver the £14m cost improvement programme
        target: {value: 14000000, unit: GBP}
"""


def write(tmp_path: Path, text: str, name: str = "facts.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def problems(tmp_path: Path, text: str) -> list[str]:
    path = write(tmp_path, text)
    with pytest.raises(FactsError) as caught:
        load_facts(path)
    prefix = f"{path}:"
    return [line.removeprefix(prefix) for line in caught.value.problems]


def test_it_loads_the_design_example(tmp_path: Path) -> None:
    loaded = load_facts(write(tmp_path, GOOD))
    facts = loaded.facts
    assert facts.project.title == "Frailty virtual ward"
    assert facts.impacts[0].direction == "lower"
    assert facts.impacts[0].value is not None
    assert facts.impacts[0].value.amount == 1590
    assert facts.directors[0].objectives[0].target is not None
    assert facts.meeting is not None
    assert str(facts.meeting.date) == "2026-12-03"
    assert loaded.warnings == ()


def test_strings_stay_as_written(tmp_path: Path) -> None:
    text = GOOD.replace("Chair our project board each quarter", "NO").replace(
        "email: sam.patel@example.nhs.uk}", "email: sam.patel@example.nhs.uk, phone: 01632960000}"
    )
    text = text.replace("status: requested", "status: 1.10")
    facts = load_facts(write(tmp_path, text)).facts
    assert facts.asks == ["NO"]
    assert facts.project.funding is not None
    assert facts.project.funding.status == "1.10"
    assert facts.project.lead is not None
    assert facts.project.lead.phone == "01632960000"


def test_a_question_mark_in_a_flow_list_is_text(tmp_path: Path) -> None:
    text = GOOD.replace(
        "advice: [Which board committee should hear our progress?]",
        "advice: [Which committee should hear this?]",
    )
    assert load_facts(write(tmp_path, text)).facts.advice == ["Which committee should hear this?"]


def test_numbers_written_with_commas_and_pounds_are_numbers(tmp_path: Path) -> None:
    assert "amount: 1590\n" in GOOD
    text = GOOD.replace("baseline: 1200", "baseline: 1,200").replace(
        "amount: 1590\n", "amount: £1,590\n"
    )
    impact = load_facts(write(tmp_path, text)).facts.impacts[0]
    assert impact.baseline == 1200
    assert impact.value is not None
    assert impact.value.amount == 1590


def test_welsh_and_english_text_picks_the_language(tmp_path: Path) -> None:
    text = GOOD.replace(
        "title: Frailty virtual ward",
        "title: {en: Frailty virtual ward, cy: Ward rithwir eiddilwch}",
    )
    path = write(tmp_path, text)
    assert load_facts(path, lang="cy").facts.project.title == "Ward rithwir eiddilwch"
    assert load_facts(path, lang="en").facts.project.title == "Frailty virtual ward"


def test_pasted_control_characters_are_cleaned_with_a_warning(tmp_path: Path) -> None:
    text = GOOD.replace("Bed occupancy above 95% all winter.", '"Bed occupancy\\vabove 95%\\a"')
    loaded = load_facts(write(tmp_path, text))
    assert loaded.facts.project.problem == "Bed occupancy\nabove 95%"
    assert len(loaded.warnings) == 1
    assert "project.problem: removed a bell character" in str(loaded.warnings[0])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            ("  title: Frailty virtual ward\n", ""),
            ["2:3: project.title: required, but missing: add 'title:' here"],
            id="missing-field",
        ),
        pytest.param(
            ("  title: Frailty", "  titel: x\n  title: Frailty"),
            ["2:3: project.titel: unknown field 'titel': did you mean 'title'?"],
            id="unknown-key",
        ),
        pytest.param(
            ("baseline: 1200", "baseline: lots"),
            [
                "16:15: impacts[0].baseline: must be a number such as 1200, without units "
                "or words (found 'lots')"
            ],
            id="wrong-type",
        ),
        pytest.param(
            ("start: 2027-01-04", "start: 2027-02-30"),
            [
                "8:10: project.start: '2027-02-30' is not a real date: write it year first as "
                "YYYY-MM-DD, e.g. 2027-04-30 for 30 April 2027"
            ],
            id="bad-date",
        ),
        pytest.param(
            ("start: 2027-01-04", "start: 04/13/2027"),
            [
                "8:10: project.start: '04/13/2027' looks like month/day/year, as American "
                "spreadsheets write it: pitchkit reads dates day first, as in the UK, so write "
                "13/04/2027 or 2027-04-13"
            ],
            id="day-first-date",
        ),
        pytest.param(
            ("start: 2027-01-04", "start: 31/02/2027"),
            [
                "8:10: project.start: '31/02/2027' is not a real date: pitchkit reads dates day "
                "first, as in the UK (01/04/2026 is 1 April 2026), or year first, as 2026-04-01"
            ],
            id="day-first-date-unambiguous",
        ),
        pytest.param(
            (
                "asks:",
                "  - id: admissions\n    measure: x\n    unit: '%'\n    baseline: 1\n"
                "    target: 2\nasks:",
            ),
            [
                "23:9: impacts[1].id: 'admissions' is already used by impacts[0]: "
                "give each one its own id"
            ],
            id="duplicate-id",
        ),
        pytest.param(
            ("supports: [dof.cip]", "supports: [dof.cipp]"),
            [
                "22:16: impacts[0].supports[0]: 'dof.cipp' names no objective of that "
                "director: did you mean 'dof.cip'?"
            ],
            id="dangling-supports",
        ),
        pytest.param(
            (
                'strategy: ["Trust strategy 2025-30: care closer to home"]',
                "strategy: [Trust strategy 2025-30: care closer to home]",
            ),
            [
                "7:14: project.strategy[0]: expected text, but the ': ' in 'Trust strategy "
                "2025-30: care closer to home' made it a field: put the whole text in quotes"
            ],
            id="colon-in-flow-list",
        ),
        pytest.param(
            (
                "meeting: {date: 2026-12-03, director: dof}",
                "meeting: {date: 2026-12-03, director: dfo}",
            ),
            ["26:39: meeting.director: no director has the id 'dfo': did you mean 'dof'?"],
            id="unknown-meeting-director",
        ),
        pytest.param(
            ("    per: year", "    per: yearly"),
            [
                "15:10: impacts[0].per: 'yearly' is not allowed: use one of year, quarter, "
                "month, week, day: did you mean 'year'?"
            ],
            id="bad-choice",
        ),
    ],
)
def test_each_mistake_has_one_located_message(
    tmp_path: Path, change: tuple[str, str], expected: list[str]
) -> None:
    old, new = change
    assert old in GOOD
    assert problems(tmp_path, GOOD.replace(old, new, 1)) == expected


def test_all_problems_are_reported_at_once_in_file_order(tmp_path: Path) -> None:
    text = GOOD.replace("baseline: 1200", "baseline: lots").replace("titl", "titel")
    found = problems(tmp_path, text)
    # The misspelt 'titele' is one problem: 'title' is not also reported missing.
    assert [line.split(":")[0] for line in found] == ["2", "16"]
    assert found[0].endswith("project.titele: unknown field 'titele': did you mean 'title'?")


def test_a_yaml_syntax_error_points_at_the_line_and_says_what_to_do(tmp_path: Path) -> None:
    text = GOOD.replace("  organisation: Example", "\torganisation: Example")
    found = problems(tmp_path, text)
    assert len(found) == 1
    assert found[0].startswith("3:1: YAML could not be read:")
    assert found[0].endswith("indent with spaces, not tabs")


@pytest.mark.parametrize(
    ("written", "before"), [("baseline:\t1200", "baseline:"), ("baseline: \t1200", "baseline:")]
)
def test_a_tab_after_a_field_is_not_called_an_indent(
    tmp_path: Path, cli: Callable[..., Result], written: str, before: str
) -> None:
    # newuser9 #10: "baseline:<tab>1200" was "indent with spaces, not tabs", though
    # the line's indent is spaces: the tab separates the field from its value.
    path = write(tmp_path, GOOD.replace("baseline: 1200", written))
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "\t" in text)
    col = path.read_text().splitlines()[line - 1].index("\t") + 1
    for command in (["check", str(path)], ["brief", str(path), "-d", "dof"]):
        result = cli(*command)
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            f"error: {path}:{line}:{col}: YAML could not be read: there is a tab after "
            f"'{before}': use a space instead"
        )


def test_an_empty_file_says_how_to_start(tmp_path: Path) -> None:
    assert problems(tmp_path, "") == [
        "1:1: the file is empty: start from 'pitchkit init' or copy an example from the "
        "examples folder"
    ]


def test_the_cli_prints_located_errors_and_exits_1(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("baseline: 1200", "baseline: lots"))
    result = CliRunner().invoke(app, ["brief", str(path), "--out", str(tmp_path / "x.docx")])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {path}:16:15: impacts[0].baseline: must be a number such as 1200, "
        "without units or words (found 'lots')"
    )
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.docx").exists()
