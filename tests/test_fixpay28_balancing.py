"""fixpay28: a balancing measure, one the team expects may get a little worse (IHI).

Children's time in the emergency department may rise while more sedation is done
there. ``balancing: true`` lets the lead write it, its ``target`` the limit the
team will accept: a brief says it is watched, never as a gain or in money; an
update reads it against the limit, with its chart; no objective is linked to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import docx_text, validate_ooxml
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.cli import app
from pitchkit.errors import PitchkitError
from pitchkit.facts.schema import load_facts
from pitchkit.notes.preview import plain_preview

HEAD = """project:
  title: Sedation for children in the emergency department
  organisation: Northshire Hospitals NHS Foundation Trust
  lead: {name: Dr Sam Patel, role: Paediatric Emergency Consultant, email: sam.patel@example.nhs.uk}
  problem: Children who need a short procedure under sedation wait for a theatre and stay overnight.
  change: Trained emergency department teams sedate children with intranasal ketamine.
  start: 2025-04-01
  end: 2027-03-31
impacts:
  - id: admissions
    measure: Children admitted overnight for a procedure under sedation
    unit: admissions
    per: month
    baseline: 30
    target: 10
    value: {amount: 900, source: "Paediatric short stay, NCC 2023/24", price_year: 2023/24}
    releases: cash
    source: Trust PAS 2025/26
    changed: 2026-04-01
    supports: [dof.cip]
"""

#: The balancing measure: no more than 4 hours, against 3.5 before the change.
ED_TIME = """  - id: ed-time
    measure: Median time children spend in the emergency department
    unit: hours
    baseline: 3.5
    target: 4
    balancing: true
    source: ECDS 2025/26
    changed: 2026-04-01
"""

TAIL = """asks: [Sponsor the sedation pathway at the urgent care board]
meeting: {date: 2025-03-28, director: coo}
directors:
  - id: coo
    name: Jo Bright
    role: Chief Operating Officer
    objectives:
      - id: four-hours
        text: See 78% of emergency department patients within four hours
        themes: [flow]
  - id: dof
    name: Alex Jones
    role: Director of Finance
    objectives:
      - id: cip
        text: Deliver the £14m cost improvement programme
        themes: [finance]
"""

#: Twelve months before the change, then seven after it: the time rises to about 3.9 hours.
BEFORE = [3.5, 3.4, 3.6, 3.5, 3.45, 3.55, 3.5, 3.6, 3.4, 3.5, 3.55, 3.45]
AFTER = [3.7, 3.8, 3.85, 3.8, 3.9, 3.85, 3.9]
ADMITTED = [31, 29, 30, 32, 28, 30, 31, 29, 30, 30, 31, 29, 24, 20, 17, 15, 14, 12, 13]


def log(times: list[float]) -> str:
    months = [f"2025-{m:02d}" for m in range(4, 13)] + [f"2026-{m:02d}" for m in range(1, 11)]
    lines = ["updates:"]
    for month, time, admitted in zip(months, times, ADMITTED, strict=False):
        year, number = int(month[:4]), int(month[5:])
        sent = f"{year + (number == 12)}-{number % 12 + 1:02d}-05"
        lines.append(
            f"  - {{period: {month}, date: {sent}, status: green, summary: Month {number}, "
            f"measures: {{admissions: {admitted}, ed-time: {time}}}}}"
        )
    return "\n".join(lines) + "\n"


def facts(tmp: Path, impact: str = ED_TIME, times: list[float] | None = None) -> Path:
    path = tmp / "facts.yaml"
    path.write_text(HEAD + impact + TAIL + (log(times) if times else ""), encoding="utf-8")
    return path


def note(path: Path, director: str, *, kind: str = "brief", **more: object) -> str:
    today = more.pop("today", dt.date(2025, 3, 20))
    request = PreviewRequest(facts=path, director=director, kind=kind, today=today, **more)
    result = preview(request)
    return " ".join(plain_preview(result.preview, result.lang).split())


WATCHED = (
    "We will also watch median time children spend in the emergency department, a balancing "
    "measure: the change may make it a little worse, and we will keep it to no more than "
    "4.0 hours (3.5 hours before the change)."
)


def refusal(tmp: Path, impact: str) -> str:
    with pytest.raises(PitchkitError) as raised:
        load_facts(facts(tmp, impact))
    return str(raised.value)


def test_a_limit_above_the_baseline_is_read_as_lower_better(tmp_path: Path) -> None:
    impact = next(i for i in load_facts(facts(tmp_path)).facts.impacts if i.id == "ed-time")
    assert impact.balancing
    assert impact.direction == "lower"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        # The limit on the better side: not a limit at all (without 'better:', a limit
        # below the baseline would say higher is better).
        (
            ("target: 4\n", "target: 3\n    better: lower\n"),
            "a balancing measure's target is the limit the team will accept, so it is no "
            "better than the baseline (3.5), but 3 is better when lower is better",
        ),
        (
            ("target: 4\n", "target: 4\n    better: higher\n"),
            "a balancing measure's target is the limit the team will accept",
        ),
        (
            ("target: 4\n", "target: 3.5\n"),
            "so which way is worse is unclear: add 'better: lower' or 'better: higher'",
        ),
        (
            ("    balancing: true\n", "    balancing: true\n    value: {amount: 50}\n"),
            "a balancing measure is watched, never counted as a gain or a saving, so it takes "
            "no 'value': remove 'value'",
        ),
        (
            ("    balancing: true\n", "    balancing: true\n    supports: [coo.four-hours]\n"),
            "so it takes no 'supports'",
        ),
    ],
)
def test_what_a_balancing_measure_cannot_say(
    tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    assert said in refusal(tmp_path, ED_TIME.replace(*change))


def test_held_at_its_baseline_is_a_limit_not_a_plan_for_no_change(tmp_path: Path) -> None:
    path = facts(tmp_path, ED_TIME.replace("target: 4\n", "target: 3.5\n    better: lower\n"))
    result = CliRunner().invoke(app, ["check", str(path), "--director", "coo"])
    assert "impact-no-change" not in result.output
    assert "no more than 3.5 hours (3.5 hours before the change)" in note(path, "coo")


def test_the_brief_says_it_is_watched_never_a_gain_or_money(tmp_path: Path) -> None:
    path = facts(tmp_path)
    for director in ("coo", "dof"):
        text = note(path, director)
        assert WATCHED in text
        assert text.count("median time children spend") == 1
        assert "Median time children spend" not in text  # never a statement's measure
    # The finance director's money is the admissions' alone: 20 fewer a month at £900
    # (restated to 2024/25 prices) is cash; the hours are in no sum.
    money = note(path, "dof")
    assert "hours a year" not in money
    assert "worth" not in money.split("We will also watch")[1].split("Funding")[0]


def test_no_objective_is_linked_to_it(tmp_path: Path) -> None:
    four_hours = """  - id: ed-time
    measure: Children seen within four hours in the emergency department
    unit: "%"
    baseline: 95
    target: 90
    balancing: true
"""
    watched = CliRunner().invoke(app, ["directors", str(facts(tmp_path, four_hours))])
    assert watched.exit_code == 0, watched.output
    assert "ed-time" not in watched.output
    # The same words as a gain the project aims for are offered to the COO's 4-hour objective.
    gain = four_hours.replace("baseline: 95\n    target: 90\n    balancing: true", "baseline: 90")
    gain = gain.replace("baseline: 90\n", "baseline: 90\n    target: 95\n")
    offered = CliRunner().invoke(app, ["directors", str(facts(tmp_path, gain))])
    assert "ed-time → four-hours" in offered.output


def test_the_update_reads_it_against_its_limit_with_its_chart(tmp_path: Path) -> None:
    path = facts(tmp_path, times=BEFORE + AFTER)
    text = note(path, "coo", kind="update", period="2026-10", today=dt.date(2026, 11, 10))
    assert (
        "Median time children spend in the emergency department (balancing measure) | "
        "3.5 hours | no more than 4.0 hours | 3.9 hours (October 2026) | within the limit of "
        "4.0 hours |"
    ) in text
    # The board hears the rise with the limit, and nothing delivered from it.
    assert (
        "the median time children spend in the emergency department has risen from an "
        "average of 3.5 hours before the change to 3.9 hours in October 2026, within the "
        "limit of 4.0 hours the team accepts"
    ) in text
    assert "fewer hours" not in text
    assert "more hours" not in text


def test_past_the_limit(tmp_path: Path) -> None:
    path = facts(tmp_path, times=[*BEFORE, 3.7, 3.8, 3.9, 3.95, 3.9, 4.0, 4.3])
    text = note(path, "coo", kind="update", period="2026-10", today=dt.date(2026, 11, 10))
    assert "past the limit of 4.0 hours in October 2026" in text
    assert ("past the limit the team accepts (4.3 hours in October 2026, limit 4.0 hours)") in text
    assert "past the limit of 4.0 hours the team accepts" in text
    welsh = note(
        path, "coo", kind="update", period="2026-10", today=dt.date(2026, 11, 10), locale="cy_GB"
    )
    assert "(mesur cydbwyso)" in welsh
    assert "dim mwy na 4.0 awr" in welsh
    assert "y tu hwnt i'r terfyn o 4.0 awr ar gyfer Hydref 2026" in welsh


def test_welsh_brief(tmp_path: Path) -> None:
    text = note(facts(tmp_path), "coo", locale="cy_GB")
    assert "Byddwn hefyd yn cadw llygad ar" in text
    assert "mesur cydbwyso: gall y newid ei wneud ychydig yn waeth" in text
    assert "i ddim mwy na 4.0 awr (3.5 awr cyn y newid)" in text


def test_the_word_brief_says_it_and_is_valid(tmp_path: Path, ooxml_validator: str) -> None:
    out = tmp_path / "brief.docx"
    result = CliRunner().invoke(
        app,
        ["brief", str(facts(tmp_path)), "--director", "coo", "--out", str(out), "--today",
         "2025-03-20"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert WATCHED in " ".join(docx_text(out).split())
    validate_ooxml(out)
