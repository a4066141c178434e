"""newuser38: a pharmacy lead's discharge medicines project, its links as directors read them.

The lead's own files (tests/data/newuser38c: the facts, the team sheet exported from Excel and a
year of figures) are run through the real command (typer's CliRunner) and the documents read
back as a director reads them.

- #3: an impact that measures an objective's own thing holds its figures under that objective,
  in the brief and in the update's delivered table and board sentence.
- #5: reported incidents are not incidents causing harm: the link is offered, not claimed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from linkcases import directors_links
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser38c"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join((result.output + result.stderr).split())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def note(folder: Path, *args: str) -> str:
    """The text of the one document a command writes to a new folder in ``folder``."""
    out = folder / f"out{len(list(folder.glob('out*')))}"
    code, shown = run(*args, "--out", str(out))
    assert code == 0, shown
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def brief(folder: Path, director: str) -> str:
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    return note(folder, "brief", facts, "--directors", team, "-d", director)


def update(folder: Path, director: str) -> str:
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    return note(
        folder,
        "update",
        facts,
        "--directors",
        team,
        "-d",
        director,
        "--measures",
        str(folder / "figures.csv"),
        "--today",
        "2027-07-10",
        "--period",
        "2027-06",
    )


# --- #3: the same-measure link holds its objective's row -----------------------------------


def test_the_brief_shows_discharges_before_noon_under_its_own_objective(project: Path) -> None:
    text = brief(project, "coo")
    own = text.index("Increase discharges before noon to 33% on adult inpatient wards:")
    bullet = text[own : own + 400]
    # The objective's own measure first, with its figures; the turnaround follows as "Also, …".
    assert bullet.startswith(
        "Increase discharges before noon to 33% on adult inpatient wards: "
        "adult inpatient discharges before noon will rise from 14% to 33%"  # fixread31 #3
    )
    assert "Also, median time from discharge prescription written" in bullet
    # The 4-hour objective names the same change without its figures again.
    four = text[text.index("Achieve 78% 4-hour performance by March 2027:") :]
    assert four.startswith(
        "Achieve 78% 4-hour performance by March 2027: the same change in adult inpatient "
        "discharges before noon counts here too."
    )
    assert text.count("from 14% to 33%") == 1


def test_the_update_credits_discharges_before_noon_to_its_own_objective(project: Path) -> None:
    text = update(project, "coo")
    delivered = text[
        text.index("What this has delivered toward your objectives") : text.index(
            "For your board report"
        )
    ]
    assert (
        "Increase discharges before noon to 33% on adult inpatient wards | Adult inpatient "
        "discharges before noon: now 27%, against an average of 14.2% before the change and "
        "a target of 33%." in delivered
    )
    board = text[text.index("For your board report") : text.index("Where we need your help")]
    assert "adult inpatient discharges before noon from an average of 14.2%" in board
    assert "contributing to our objective to increase discharges before noon to 33%" in board


# --- #5: reported incidents are not incidents causing harm ----------------------------------


def test_reported_incidents_are_offered_not_claimed_for_incidents_causing_harm(
    project: Path,
) -> None:
    code, shown = run(
        "directors", str(project / "facts.yaml"), "--directors", str(project / "team.csv")
    )
    assert code == 0, shown
    start = shown.index("Claire Whitmore (cn)")
    nurse = shown[start : shown.index("Why linked:", start) + 600]
    assert "medication-incidents-discharge → medication-incidents: possible" in nurse
    assert (
        "the objective counts only the ones 'causing harm', while the impact counts them all, "
        "with harm or without" in nurse
    )
    assert "Strongest statement: -" in nurse


def test_the_chief_nurses_brief_claims_no_help_with_harm(project: Path) -> None:
    text = brief(project, "cn")
    assert "will help you reduce medication incidents causing harm" not in text
    assert "from 18 to 9 incidents a month" not in text


def test_an_impact_that_counts_harm_keeps_its_claim(project: Path) -> None:
    facts = project / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "Medication incidents at discharge reported on Datix",
            "Medication incidents at discharge causing harm",
        ),
        encoding="utf-8",
    )
    text = brief(project, "cn")
    assert "will help you reduce medication incidents causing harm" in text


@pytest.mark.parametrize(
    ("measure", "objective", "doubt"),
    [
        # Reported events against the harmful ones: offered, whatever the concept.
        ("Inpatient falls reported on Datix", "Reduce inpatient falls resulting in harm", "harm"),
        ("Medication incidents reported", "Reduce harmful medication incidents", "harm"),
        # The events themselves, not their reports: labellers accepted falls for falls with
        # harm every time on the labelled sets, so the claim stands.
        ("Inpatient falls on the older people's wards", "Reduce falls with harm", None),
        ("Omitted doses of critical medicines", "Reduce medication incidents causing harm", None),
    ],
)
def test_harm_doubt(tmp_path: Path, measure: str, objective: str, doubt: str | None) -> None:
    impact = {
        "id": "events",
        "measure": measure,
        "unit": "incidents",
        "per": "month",
        "baseline": 20,
        "target": 10,
    }
    found = directors_links(tmp_path, impact, objective, role="Chief Nurse")
    (link,) = found.values()
    assert link.get("doubt") == doubt, link
    assert (link["confidence"] == "possible") == (doubt is not None), link
