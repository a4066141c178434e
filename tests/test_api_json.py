"""``to_json()`` of each use case's result is exactly what the command's ``--json`` prints.

One serialiser serves both, so a script that calls :mod:`pitchkit.api`
and reads docs/json.md gets the shapes documented there. Each test makes
the same note twice, once through the API and once through the command
line (into the same place, with force), and compares the two objects
whole: keys, warnings in their order, files, cuts and findings.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from docchecks import template_with
from pitchkit.api import (
    BatchRequest,
    BriefRequest,
    PreviewRequest,
    TemplateCheckRequest,
    UpdateRequest,
    check_template,
    preview,
    write_batch,
    write_brief,
    write_update,
)

FRAILTY = "frailty-virtual-ward"
WELSH = "ysbyty-cymunedol"

Run = Callable[..., Result]


@pytest.fixture
def run(cli: Run) -> Run:
    """The command line, run in this process."""
    return cli


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder, so relative paths are the same for both."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def printed(result: Result) -> dict[str, Any]:
    """The one JSON object the command printed."""
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def plain(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as a script would read it back from JSON text."""
    loaded = json.loads(json.dumps(data, ensure_ascii=False))
    assert isinstance(loaded, dict)
    return loaded


def test_a_brief_with_cuts_gives_the_same_json_from_python_and_the_command_line(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = example(FRAILTY)
    result = write_brief(BriefRequest(facts, "dof", Path("notes"), force=True))
    shown = run("brief", str(facts), "-d", "dof", "-o", "notes", "--force", "--json")

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    assert data["command"] == "brief"
    assert data["cuts"]
    # The cut warning the command line shows is the result's own.
    assert any(w.startswith("to fit one page the note shortens") for w in data["warnings"])
    assert len(result.warnings) == len(data["warnings"])


def test_a_welsh_bilingual_brief_gives_the_same_json(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = example(WELSH)
    result = write_brief(BriefRequest(facts, out=Path("notes"), force=True, bilingual=True))
    shown = run("brief", str(facts), "-o", "notes", "--force", "--bilingual", "--json")

    assert shown.exit_code == 0, shown.stderr
    assert plain(result.to_json()) == printed(shown)
    assert printed(shown)["languages"] == ["cy_GB", "en_GB"]


def test_an_update_for_a_period_after_the_project_gives_the_same_json_and_warnings(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = example(FRAILTY)
    result = write_update(UpdateRequest(facts, "coo", Path("notes"), force=True, period="2029-01"))
    shown = run(
        "update", str(facts), "-d", "coo", "-p", "2029-01", "-o", "notes", "--force", "--json"
    )

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    assert any("starts after the project ends" in w for w in data["warnings"])
    assert any("fill-in template" in w for w in data["warnings"])


def test_a_batch_of_updates_gives_the_same_json(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = example(FRAILTY)
    outcome = write_batch(
        BatchRequest(
            facts, Path("out"), kind="update", only=("dof", "coo"), period="2029-01", force=True
        )
    )
    shown = run(
        "batch", str(facts), "-o", "out", "-k", "update", "--only", "dof,coo",
        "-p", "2029-01", "--force", "--json",
    )  # fmt: skip

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(outcome.to_json()) == data
    assert data["written"] == 2
    assert outcome.ok is data["ok"] is True
    assert any("these are fill-in templates" in w for w in data["warnings"])


def test_a_template_check_gives_the_same_json_and_says_ok_itself(run: Run, in_tmp: Path) -> None:
    template_with(in_tmp / "mine.docx", "{{ project.title }}", "{{r project.title|upper }}")
    result = check_template(TemplateCheckRequest(Path("mine.docx")))
    shown = run("template", "check", "mine.docx", "--json")

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    assert result.ok is data["ok"] is True
    assert len(result.warnings) == len(data["warnings"]) == 1


def test_a_broken_template_is_not_ok_in_python_either(run: Run, in_tmp: Path) -> None:
    template_with(in_tmp / "open.docx", "{% if project.title %}", "{{ project.title }}")
    result = check_template(TemplateCheckRequest(Path("open.docx"), locale="cy_GB"))
    shown = run("template", "check", "open.docx", "--json", "-l", "cy_GB")

    assert shown.exit_code == 1
    assert result.ok is False
    assert plain(result.to_json()) == printed(shown)


def test_a_templates_warning_is_in_the_notes_language_on_stderr_and_in_the_json(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    # The facts are Welsh (settings.locale) and no --locale is given: the template's
    # warning comes once the facts are read, so both places word it in Welsh.
    template = template_with(
        in_tmp / "mine.docx", "{{ project.title }}", "{{r project.title|upper }}"
    )
    facts = example(WELSH)
    result = write_brief(BriefRequest(facts, out=Path("notes"), template=template, force=True))
    shown = run("brief", str(facts), "-o", "notes", "-t", str(template), "--force", "--json")

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    [warning] = [w for w in data["warnings"] if "{{r" in w]
    assert f"rhybudd: {warning}" in shown.stderr.splitlines()
    assert "rich-text tag" not in warning


def test_a_preview_gives_the_same_json_with_the_templates_warning_in_welsh(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    # preview --json had no function in the API; PreviewResult.to_json() is what it prints.
    template = template_with(
        in_tmp / "mine.docx", "{{ project.title }}", "{{r project.title|upper }}"
    )
    facts = example(WELSH)
    result = preview(PreviewRequest(facts, template=template))
    shown = run("preview", str(facts), "-t", str(template), "--json")

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    assert data["command"] == "preview"
    assert data["files"] == []
    [warning] = [w for w in data["warnings"] if "{{r" in w]
    assert f"rhybudd: {warning}" in shown.stderr.splitlines()
    assert [block["text"] for block in data["blocks"]] == [b.text for b in result.blocks]
    assert list(in_tmp.iterdir()) == [template]  # a preview writes nothing


def test_a_preview_of_an_update_to_fill_in_gives_the_same_json(
    run: Run, example: Callable[[str], Path], in_tmp: Path
) -> None:
    facts = example(FRAILTY)
    result = preview(PreviewRequest(facts, "coo", kind="update", period="2029-01"))
    shown = run("preview", str(facts), "-d", "coo", "-k", "update", "-p", "2029-01", "--json")

    assert shown.exit_code == 0, shown.stderr
    data = printed(shown)
    assert plain(result.to_json()) == data
    assert data["kind"] == result.kind == "update"
    assert data["director"]["id"] == result.director == "coo"
    assert any("fill-in template" in note for note in data["notes"])
