"""`pitchkit preview`: the note as it will read, and the guide's findings, without a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.advice import check
from pitchkit.cli import app
from pitchkit.facts.project import open_project, pick_director
from pitchkit.notes.brief import make_brief_note
from pitchkit.notes.context import brief_context
from pitchkit.notes.fit import fit_brief
from pitchkit.notes.preview import make_preview, plain_preview, rich_preview
from pitchkit.recast.pitch import recast

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/facts.yaml"))
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"


def first_directors() -> list[tuple[Path, str]]:
    return [(path, open_project(path).facts.directors[0].id) for path in EXAMPLES]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("facts", "director_id"), first_directors())
def test_preview_shows_the_headline_each_statement_and_each_finding(
    facts: Path, director_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["preview", str(facts), "--director", director_id])
    assert result.exit_code == 0, result.output
    shown = result.stdout

    project = open_project(facts)
    director = pick_director(project.facts, director_id)
    today = dt.date.today()
    context, _ = fit_brief(
        brief_context(recast(project.facts, director), project.lang, today=today)
    )

    # The preview shows a non-breaking space (kept in Word's text) as a space.
    def plain(text: str) -> str:
        return text.replace("\u00a0", " ")

    assert plain(context["pitch"]["headline"]) in shown
    assert context["pitch"]["statements"]
    for statement in context["pitch"]["statements"]:
        if not statement["in_headline"]:  # the headline names that one's objective
            assert plain(statement["objective"]) in shown
        assert plain(statement["text"]) in shown
    findings = check(project.loaded, director_id=director_id, today=today, lang=project.lang)
    assert findings
    for finding in findings:
        assert finding.message in shown
        assert finding.fix in shown
    assert list(tmp_path.iterdir()) == []


def test_preview_holds_every_line_of_the_document(tmp_path: Path) -> None:
    project = open_project(FRAILTY)
    director = pick_director(project.facts, "coo")
    today = dt.date(2026, 11, 26)
    note = make_brief_note(project, director, today=today)
    path = tmp_path / "note.docx"
    path.write_bytes(note.data)
    text = plain_preview(make_preview(project, director, today=today), project.lang)
    for line in docx_text(path).splitlines():
        assert line in text, line
    for cut in note.cuts:
        assert cut.field in text


def test_update_preview_fills_in_a_period_not_yet_logged() -> None:
    result = CliRunner().invoke(
        app, ["preview", str(FRAILTY), "-d", "dof", "--kind", "update", "--period", "2029-Q1"]
    )
    assert result.exit_code == 0, result.output
    assert "progress update" in result.stdout
    assert "the parts in [square brackets] are for you to write" in result.stdout
    assert "[One sentence: the most important news of this period for you]" in result.stdout


def test_update_preview_shows_the_logged_period_with_its_table() -> None:
    result = CliRunner().invoke(app, ["preview", str(FRAILTY), "-d", "coo", "-k", "update"])
    assert result.exit_code == 0, result.output
    assert "Progress on each measure" in result.stdout
    assert "Measure | Baseline | Target | Latest" in result.stdout


def test_in_a_terminal_the_preview_is_drawn_with_rich() -> None:
    project = open_project(FRAILTY)
    director = pick_director(project.facts, "dof")
    preview = make_preview(project, director, today=dt.date(2026, 11, 26))
    console = Console(record=True, width=100, force_terminal=True, color_system="truecolor")
    console.print(rich_preview(preview, project.lang))
    styled = console.export_text(styles=True, clear=False)
    plain = console.export_text()
    drawn = one_line(plain.replace("│", " "))
    assert "╭" in plain
    headline = next(
        b.text
        for b in preview.blocks
        if b.text.startswith(("The frailty virtual ward will", "The frailty virtual ward could"))
    )
    assert one_line(headline) in drawn
    for finding in preview.findings:
        assert one_line(finding.message) in drawn
    assert "\x1b[1m" in styled


def test_quiet_leaves_out_the_guides_notes_and_verbose_adds_the_evidence() -> None:
    runner = CliRunner()
    quiet = runner.invoke(app, ["-q", "preview", str(FRAILTY), "-d", "dof"])
    assert quiet.exit_code == 0, quiet.output
    assert "Why this matters to you" in quiet.stdout
    assert "\nwarning: " in quiet.stdout
    assert "\nnote: " not in quiet.stdout
    normal = runner.invoke(app, ["preview", str(FRAILTY), "-d", "dof"])
    verbose = runner.invoke(app, ["-v", "preview", str(FRAILTY), "-d", "dof"])
    assert "evidence:" not in normal.stdout
    assert "evidence:" in verbose.stdout
    assert "where: " in verbose.stdout


def test_preview_mistakes_are_one_line_errors() -> None:
    runner = CliRunner()
    bad_kind = runner.invoke(app, ["preview", str(FRAILTY), "-d", "dof", "--kind", "memo"])
    assert bad_kind.exit_code == 1
    assert bad_kind.stderr.strip() == "error: --kind memo: choose brief or update"
    unknown = runner.invoke(app, ["preview", str(FRAILTY), "-d", "cfo"])
    assert unknown.exit_code == 1
    assert len(unknown.stderr.strip().splitlines()) == 1
    assert "no director has the id 'cfo'" in unknown.stderr
