"""What newuser14's trial left open (fixleft17), each read back from the text a user sees.

* P2: an impact counted within another whose chart shows the change, while the
  other's does not, is said with what the log shows of it: the finance
  director's brief and update of the same period agree (the update's "a
  reduction of 117", the brief's "117 fewer admissions ... counted within").
* P6: a statement whose chart shows the change says so after the plan, as a
  statement whose figures do not says that ("so far ..., the target met").
* P7: ``directors`` shows a role as written, with the lens apart and only when
  it says more than the role.
* The strokes link's reason names strokes, as both sides do, not the map's
  "strokes and heart attacks" (English and Welsh).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linkcases import directors_links
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.cli import app
from pitchkit.notes.preview import plain_preview
from pitchkit.recast.measures import RULES

DATA = Path(__file__).resolve().parent / "data"
MH = DATA / "newuser13" / "mh" / "facts.yaml"
MH_TEAM = DATA / "newuser13" / "mh" / "team.csv"
SLT = DATA / "newuser14" / "slt" / "facts-linked.yaml"
SLT_TEAM = DATA / "newuser14" / "slt" / "team.xlsx"
TODAY = dt.date(2026, 12, 5)


def note(facts: Path, team: Path, director: str, **more: object) -> str:
    request = PreviewRequest(facts=facts, director=director, directors=team, today=TODAY, **more)  # type: ignore[arg-type]
    result = preview(request)
    return " ".join(plain_preview(result.preview, result.lang).split())


def test_a_nested_change_the_log_shows_is_said_beside_what_it_is_counted_within() -> None:
    brief = note(MH, MH_TEAM, "dof")
    assert (
        "Not counted again: 10 fewer admissions a month, within 210 fewer bed days a month (the "
        "cash saving includes it). So far the log's figures show 117 fewer admissions than "
        "before the change, October 2025 to November 2026; they are counted within "
        "inappropriate out-of-area placement bed days, which have not yet fallen, so no money "
        "is counted for them yet."
    ) in brief, brief
    # The update to the same director for the same month gives the same 117.
    update = note(MH, MH_TEAM, "dof", kind="update", period="2026-11")
    assert "117 fewer out-of-hours admissions" in update


def test_a_nested_change_in_welsh() -> None:
    brief = note(MH, MH_TEAM, "dof", locale="cy_GB")
    assert "Hyd yma mae ffigurau'r cofnod cynnydd yn dangos 117 " in brief, brief
    assert "nad yw wedi gostwng eto" in brief


def test_a_change_the_log_shows_is_said_after_the_plan() -> None:
    coo = note(SLT, SLT_TEAM, "coo")
    # After its objective and a colon, the bullet goes on in small letters (fixnew28b).
    assert (
        # newuser39 #11: the plan's bullet has a verb ("will fall from").
        "under 18 weeks: in the plan, days from referral to swallowing assessment for care home "
        "residents will fall from 38 to 10 days: 28 days shorter, a 74% reduction. So far 10 "
        "days in November 2026: a sustained change since April 2026; the target met in "
        "November 2026, not yet shown to last."
    ) in coo, coo
    dof = note(SLT, SLT_TEAM, "dof")
    # "Met" as the update's table says it (newuser28 #7): a run of months at the target since
    # September, not yet a process that meets it every time.
    assert (
        "So far 103 fewer shifts, April to November 2026; the target met since September 2026, "
        "not yet shown to last."
    ) in dof, dof
    icb = note(SLT, SLT_TEAM, "icbmo")
    assert "So far £11,500 less, April to November 2026." in icb
    # The bad news is as before.
    assert "do not show the change, so no money is counted for it yet" in coo


def test_directors_shows_the_role_as_written() -> None:
    result = CliRunner().invoke(
        app, ["directors", str(SLT), "--directors", str(SLT_TEAM)], env={"COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    # A medicines role is read through the medical lens (fixnew15b), and says so apart.
    assert (
        "Lisa Crane (icbmo), Head of Medicines Optimisation, NHS Wyvern ICB "
        "(read as: Medical Director) Score" in text
    )
    assert "Fiona Marsh (don), Director of Nursing and Quality Score" in text
    assert "/ Executive Director" not in text
    assert "/ Director of Nursing" not in text
    mh = CliRunner().invoke(
        app, ["directors", str(MH), "--directors", str(MH_TEAM)], env={"COLUMNS": "100"}
    )
    # A role the lens reads as something it does not say: said apart.
    assert "Director of People (read as: Director of Workforce)" in " ".join(mh.stdout.split())


def test_a_same_concept_reason_names_it_as_both_sides_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The claim floor offers this (chance below 0.6): this test checks the reason's wording.
    monkeypatch.setitem(RULES, "claim floor", False)
    impact = {"id": "strokes", "measure": "Strokes in people with known atrial fibrillation",
              "unit": "strokes", "baseline": 140, "target": 110, "per": "year"}  # fmt: skip
    objective = "Reduce strokes through better detection and treatment"
    found = directors_links(tmp_path, impact, objective)[("strokes", "target")]
    assert found["explanation"].startswith("measure map: both measure strokes"), found
    assert "heart attacks" not in found["explanation"]
    welsh = directors_links(tmp_path, impact, objective, locale="cy")[("strokes", "target")]
    assert "mae'r ddau yn mesur “strokes”" in welsh["explanation"], welsh
