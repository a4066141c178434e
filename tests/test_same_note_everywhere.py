"""newuser20 #5: brief, batch, the pack and preview give the same note for the same director.

The enhanced care project (tests/data/fixnew21) is the one newuser20 ran: its
chief nurse's note fits one page whole, but the estimate fitting used to
cut her staffing statement and two gains in batch and preview, silently in
batch, while ``brief`` (measured by LibreOffice) kept them. Every command
now fits the built-in brief by its line-by-line layout, and batch says what
it cut, in its report and its manifest, as brief does.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import docx_text, pdf_pages
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "fixnew21"
STAFFING = "Staff every ward safely, with no registered nurse moved off their own ward"


def _project(tmp_path: Path) -> tuple[Path, Path]:
    for name in ("enhanced_care.yaml", "log.csv", "team.xlsx"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path / "enhanced_care.yaml", tmp_path / "team.xlsx"


def _run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _note(folder: Path, name: str) -> Path:
    [found] = [path for path in folder.glob("*.docx") if name in path.name]
    return found


def test_brief_batch_and_preview_give_the_chief_nurse_the_same_whole_note(
    tmp_path: Path,
) -> None:
    facts, team = _project(tmp_path)
    batch_out, brief_out = tmp_path / "batch", tmp_path / "brief"
    brief_out.mkdir()
    report = _run(
        "batch", str(facts), "--directors", str(team), "--out", str(batch_out),
        "--pack", str(tmp_path / "pack.docx"),
    )  # fmt: skip
    brief = _run(
        "brief", str(facts), "-d", "cno", "--directors", str(team), "--out", str(brief_out)
    )
    preview = _run("preview", str(facts), "-d", "cno", "--directors", str(team))

    batch_cno = docx_text(_note(batch_out, "Helen Ashworth"))
    assert docx_text(_note(brief_out, "Helen Ashworth")) == batch_cno
    assert STAFFING in batch_cno
    assert STAFFING in docx_text(tmp_path / "pack.docx")
    assert STAFFING in " ".join(preview.split())
    with (batch_out / "manifest.csv").open(encoding="utf-8-sig", newline="") as handle:
        cuts = {row["director_id"]: row["cuts"] for row in csv.DictReader(handle)}
    # Whatever the chief nurse's note must lose to fit (at most a gain pitchkit adds, never
    # her own statement), brief, batch and preview lose the same, and each says so.
    assert "pitch.statements" not in cuts["cno"]
    # Since fixnew35a the first ask (the CIP's) opens every director's note, so the chief
    # nurse's has room for one gain pitchkit adds fewer: the gain is in it or said as cut.
    gain = "Assurance on harm-free care for the quality committee"
    assert gain in batch_cno or gain in cuts["cno"]
    if cuts["cno"]:
        assert cuts["cno"] in " ".join(brief.split())
        assert f"cno: to fit one page the note shortens {cuts['cno']}" in " ".join(report.split())
    else:
        for said in (brief, preview):
            assert "shortens" not in said
            assert "will not fit one page" not in said

    # The finance director's note does overflow: batch says what it cut, as brief does.
    brief_dof = _run("brief", str(facts), "-d", "dof", "--directors", str(team),
                     "--out", str(brief_out))  # fmt: skip
    # fixnu38c (newuser38, fixnu36 #4): a batch asks only the ranking's first director and the
    # meeting's (here both the chief nurse) to sponsor; the finance director, second, is asked
    # for advice there, while `brief -d dof` asks the director the lead chose. So the two notes
    # differ in their ask (and what room it leaves), not in how they fit or say their cuts.
    advice = "We are not asking you to sponsor this project"
    assert advice in docx_text(_note(batch_out, "Mark Delaney"))
    assert advice not in docx_text(_note(brief_out, "Mark Delaney"))
    flat = " ".join(report.split())
    assert "dof: to fit one page the note shortens pitch.gains" in flat
    assert "to fit one page the note shortens pitch.gains" in " ".join(brief_dof.split())
    assert cuts["dof"].startswith("pitch.gains (1 of 3 shown")


@pytest.mark.slow
@pytest.mark.tools
def test_what_the_layout_keeps_libreoffice_lays_out_on_one_page(tmp_path: Path) -> None:
    # Session 27's longer money block put the finance director's brief (Mark Delaney) at two
    # pages; the months the averages are taken over, the same for all three, are now said once.
    facts, team = _project(tmp_path)
    out = tmp_path / "batch"
    _run("batch", str(facts), "--directors", str(team), "--out", str(out))
    notes = sorted(out.glob("*.docx"))
    assert len(notes) == 5
    for note in notes:
        assert pdf_pages(note) == 1, note.name


def test_an_impact_the_lead_ruled_out_for_a_director_is_not_warned_of(tmp_path: Path) -> None:
    """newuser20 #10: the sensor pads' link to the chief nurse was rejected ('excludes')."""
    facts, team = _project(tmp_path)
    result = CliRunner().invoke(app, ["check", str(facts), "-d", "cno", "--directors", str(team)])
    flat = " ".join(result.output.split())
    warnings, _, notes = flat.partition("Notes (")
    # Said once, as information in check's notes, never as a warning.
    pads = "'Single-use bed and chair falls sensor pads issued to medical wards' serves"
    assert pads not in warnings
    assert pads in notes
    # An impact the lead has not ruled on is still warned of.
    assert "length of stay for patients on enhanced observation' serves none" in flat
