"""``pitchkit template check`` and ``export``, and the generated variables reference."""

from __future__ import annotations

import re
import shlex
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner, Result

from docchecks import template_with
from pitchkit.authoring.check import (
    check_template,
    export_template,
    known_variables,
    resolve,
    variables_markdown,
)
from pitchkit.cli import app
from pitchkit.errors import OutputError, TemplateError

ROOT = Path(__file__).resolve().parent.parent
NOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
NOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def run(*args: str) -> Result:
    """Run pitchkit in-process; a crash fails the test."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(result.stderr) from result.exception
    return result


def add_notes(path: Path, footnote: str, endnote: str) -> None:
    """Give the template a footnotes and an endnotes part, as Word would."""
    parts = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            parts[name] = package.read(name)
    rels = parts["word/_rels/document.xml.rels"].decode()
    types = parts["[Content_Types].xml"].decode()
    for kind, note, text in (("footnotes", "footnote", footnote), ("endnotes", "endnote", endnote)):
        parts[f"word/{kind}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:{kind} xmlns:w="{W_NS}"><w:{note} w:id="1"><w:p><w:r>'
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p></w:{note}></w:{kind}>'
        ).encode()
        rels = rels.replace(
            "</Relationships>",
            f'<Relationship Id="rIdPk{kind}" Type="{NOTES_REL.format(kind)}" '
            f'Target="{kind}.xml"/></Relationships>',
        )
        types = types.replace(
            "</Types>",
            f'<Override PartName="/word/{kind}.xml" '
            f'ContentType="{NOTES_TYPE.format(kind)}"/></Types>',
        )
    parts["word/_rels/document.xml.rels"] = rels.encode()
    parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)


def paths(report: object) -> dict[str, tuple[str, ...]]:
    """``{dotted path: places}`` from a report."""
    return {u.path: u.places for u in report.variables}  # type: ignore[attr-defined]


def messages(report: object, level: str) -> list[str]:
    """The report's messages of one level."""
    return [str(f.message) for f in report.findings if f.level == level]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- the check


def test_built_in_brief_checks_clean(tmp_path: Path) -> None:
    template = export_template("brief", tmp_path / "brief.docx")
    report = check_template(template)
    assert report.ok
    assert report.filled
    assert report.findings == ()
    used = paths(report)
    assert used["pitch.statements[].text"] == ("body",)
    assert used["project.organisation"] == ("header",)
    assert set(used["lead.name"]) == {"body", "footer"}


def test_every_part_and_loop_variables(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{%p for s in pitch.statements %}",
        "{{ s.text }} ({{ s.objective|upper }}, {{ loop.index }})",
        "{%p endfor %}",
        "{% for m in impacts|sort(attribute='id') %}{{ m['measure'] }}{% endfor %}",
        "{% set who = director %}{{ who.name }} {{ project.title|upper }} {{ today.year }}",
    )
    document = docx.Document(str(template))
    document.sections[0].header.paragraphs[0].text = "{{ project.organisation }}"
    document.sections[0].footer.paragraphs[0].text = "{{ lead.email }}"
    document.core_properties.title = "{{ project.title }} briefing"
    document.save(str(template))
    add_notes(template, "{{ funding.source }}", "{{ pitch.sources|join('; ') }}")

    report = check_template(template)

    assert report.ok, report.findings
    assert paths(report) == {
        "director": ("body",),
        "director.name": ("body",),
        "impacts": ("body",),
        "impacts[].measure": ("body",),
        "lead.email": ("footer",),
        "pitch.statements": ("body",),
        "pitch.statements[].objective": ("body",),
        "pitch.statements[].text": ("body",),
        "pitch.sources": ("endnotes",),
        "funding.source": ("footnotes",),
        "project.organisation": ("header",),
        "project.title": ("body", "document properties"),
        "today": ("body",),
    }


def test_unknown_names_get_the_closest_known(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{% if False %}{{ projct.title }}{% endif %}",
        "{% for s in pitch.statments %}{{ s.text }}{% endfor %}",
        "{% for s in pitch.statements %}{{ s.txt }}{% endfor %}",
    )
    report = check_template(template)
    errors = messages(report, "error")
    assert any(
        e.startswith(
            "unknown variable `projct.title` in the body: no note can be written while the "
            "template uses it"
        )
        and e.endswith("— did you mean `project.title`?")
        for e in errors
    )
    assert any("`pitch.statments` in the body" in e for e in errors)
    assert any("did you mean `pitch.statements`?" in e for e in errors)
    assert any("did you mean `pitch.statements[].text`?" in e for e in errors)
    assert not report.ok


def test_an_unknown_name_only_in_a_test_is_an_error_not_a_pass(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{{ project.title }}",
        "{% if projct is mapping %}Shown only for a mapping{% endif %}",
        "{% if shwo_advice is defined %}Advice{% endif %}",
    )
    report = check_template(template)
    errors = messages(report, "error")
    assert any("`projct`" in e and "did you mean `project`?" in e for e in errors)
    assert any("`shwo_advice`" in e and "is defined" in e for e in errors)
    assert not report.ok
    assert not report.filled


def test_an_update_name_in_a_brief_is_called_an_update_name_only_when_it_is_one(
    tmp_path: Path,
) -> None:
    template = template_with(
        tmp_path / "t.docx", "{{ project.title }}", "{{ update.headline }}", "{{ totally_new }}"
    )
    report = check_template(template, kind="brief")
    warnings = messages(report, "warning")
    errors = messages(report, "error")
    assert warnings == [
        "`update.headline` (in the body) is only filled in progress updates: check the "
        "template with --kind update"
    ]
    assert len(errors) == 1
    assert errors[0].startswith("unknown variable `totally_new` in the body")
    assert "progress updates" not in errors[0]


def test_syntax_error_names_the_paragraph(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Hello", "{% if project.title %}Open only")
    report = check_template(template)
    [error] = messages(report, "error")
    assert error.endswith(
        'paragraph "{% if project.title %}Open only"): the {% if project.title %} tag opened '
        "here is never closed: add {% endif %} where its section ends"
    )
    assert not report.filled


@pytest.mark.parametrize("brief", [False, True])
def test_a_block_never_closed_is_named_where_it_opens(tmp_path: Path, brief: bool) -> None:
    # newuser6 F9: an unclosed {% for %} with whole blocks after it was placed at the last
    # paragraph, where Jinja gave up ("{{ pitch.conversions|join(' ') }}{% endif %}").
    template = template_with(
        tmp_path / "t.docx",
        "{{ project.title }}",
        "{% for o in pitch.asks %}{{ project.problem }}{% if project.change %}",
        "{{ project.change }}{% endif %}",
        "{% if pitch.statements %}Statements{% endif %}",
        "{{ director.name }}{% if director.role %}, {{ director.role }}{% endif %}",
    )
    if brief:
        facts = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
        out = tmp_path / "note.docx"
        args = ["brief", str(facts / "facts.yaml"), "-d", "dof", "--template", str(template)]
        result = run(*args, "--out", str(out))
        assert not out.exists()
    else:
        result = run("template", "check", str(template))
    assert result.exit_code == 1
    assert (
        f'error: {template} (body, paragraph "{{% for o in pitch.asks %}}{{{{ project.problem }}}}'
        '{% if project.change %}"): the {% for o in pitch.asks %} tag opened here is never '
        "closed: add {% endfor %} where its section ends"
    ) in result.stderr.splitlines()
    assert "director.role" not in result.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "{%p if impacts|length > 50% %}",
            "a '%' inside the {%p ... %} tag stops Word's paragraph tag being recognised",
        ),
        ("{% endif %}", "unknown tag 'endif': check its spelling, or whether its opening tag"),
        ("{{ project.title }", "the {{ tag is not closed in this paragraph: end it with }}"),
        ("{{ project.title + }}", "tag error: unexpected 'end of print statement'"),
    ],
)
def test_tag_errors_are_explained_in_plain_words(tmp_path: Path, line: str, expected: str) -> None:
    closing = ["{%p endif %}"] if line.startswith("{%p if") else []
    template = template_with(tmp_path / "t.docx", "Hello", line, *closing)
    report = check_template(template)
    errors = messages(report, "error")
    assert any(expected in e for e in errors), errors
    assert all(".:" not in e and "..:" not in e for e in errors)


def test_docxtpl_pitfalls_are_warned(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "Keep me {%p if advice %}",
        "{%p endif %}",
        "{%tr for i in impacts %}",
        "{%tr endfor %}",
        "{{r project.title|upper }}",
        "{{ project.title",
        "}}",
    )
    report = check_template(template)
    warnings = "\n".join(messages(report, "warning"))
    assert (
        'paragraph "Keep me {%p if advice %}": a {%p %} tag removes its whole paragraph' in warnings
    )
    assert "a {%tr %} tag outside a table" in warnings
    assert "a filter on a rich-text tag {{r }}" in warnings
    assert (
        'paragraph "{{ project.title": a {{ }} tag starts in this paragraph and ends in a later one'
        in warnings
    )


def test_a_tag_left_open_is_named_and_the_check_goes_on(tmp_path: Path) -> None:
    # newuser2's jinjaerr.docx: Jinja's own complaint was "unexpected '/'", from Word's XML.
    template = template_with(
        tmp_path / "t.docx", "{% for s in pitch.statements %}{{ s.text }}", "{{ project.title "
    )
    result = run("template", "check", str(template))
    assert result.exit_code == 1
    assert "/'" not in result.stderr
    assert "starts in" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f'error: {template} (body, paragraph "{{{{ project.title"): the {{{{ tag is not closed '
        "in this paragraph: end it with }} in the same paragraph",
        f'error: {template} (body, paragraph "{{% for s in pitch.statements %}}{{{{ s.text }}}}"): '
        "the {% for s in pitch.statements %} tag opened here is never closed: add "
        "{% endfor %} where its section ends",
    ]
    assert "Variables used (2):" in result.stdout
    assert "pitch.statements[].text" in result.stdout


def test_a_tag_one_brace_short_is_not_called_split(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Title: {{ project.title }")
    result = run("template", "check", str(template))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f'error: {template} (body, paragraph "Title: {{{{ project.title }}"): the {{{{ tag is not '
        "closed in this paragraph: end it with }} in the same paragraph"
    )


def test_sandbox_escape_is_an_error(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ cycler.__init__.__globals__ }}")
    report = check_template(template)
    assert any("`__init__` reaches Python's internals" in e for e in messages(report, "error"))
    assert not report.filled


def test_update_variables_choose_the_update_kind(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx", "{{ update.period_label }}: {{ update.headline }}"
    )
    assert check_template(template).kind == "update"
    as_brief = check_template(template, kind="brief")
    assert any("only filled in progress updates" in w for w in messages(as_brief, "warning"))


def test_resolve_accepts_methods_of_known_values() -> None:
    known = known_variables("brief")
    assert resolve("project.title.upper", known) == ("project.title", None)
    assert resolve("pitch.statements[].text", known) == ("pitch.statements[].text", None)
    assert resolve("director.nmae", known) == ("director.nmae", "director.name")


def test_check_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="template not found"):
        check_template(tmp_path / "none.docx")


# ---------------------------------------------------------------- the command


def test_check_command_lists_variables_and_exits_0_with_warnings(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx", "{{ project.title }}", "{% if False %}{{ update.headline }}{% endif %}"
    )
    result = run("template", "check", str(template), "--kind", "brief")
    assert result.exit_code == 0, result.stderr
    assert "project.title    body" in result.stdout or "project.title  body" in result.stdout
    assert "is only filled in progress updates" in result.stderr
    assert "fills correctly" in result.stdout


def test_check_command_exits_1_when_it_cannot_fill(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ projct.title }}")
    result = run("template", "check", str(template), "--kind", "brief")
    assert result.exit_code == 1
    assert "error: " in result.stderr
    assert "did you mean `project.title`?" in result.stderr
    assert "fills correctly" not in result.stdout


def test_check_command_time_limit(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
    )
    result = run("template", "check", str(template), "--time-limit", "1")
    assert result.exit_code == 1
    assert "took longer than 1 s" in result.stderr


def test_check_command_bad_limit(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "x")
    result = run("template", "check", str(template), "--memory-limit", "lots")
    assert result.exit_code == 1
    assert "--memory-limit 'lots': give a size such as 512M or 2G" in result.stderr


# ---------------------------------------------------------------- export


def test_export_writes_the_built_in_template(tmp_path: Path) -> None:
    result = run("template", "export", "brief", str(tmp_path / "ours.docx"))
    assert result.exit_code == 0, result.stderr
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "ours.docx")).paragraphs)
    assert "{{ project.title }}" in text


def test_export_suggests_a_command_that_pastes_into_a_terminal(tmp_path: Path) -> None:
    target = tmp_path / "Our trust's brief.docx"
    result = run("template", "export", "brief", str(target))
    assert result.exit_code == 0, result.stderr
    [suggestion] = [line for line in result.stdout.splitlines() if "use it with:" in line]
    words = shlex.split(suggestion.split("use it with: ", 1)[1])
    assert words == ["pitchkit", "brief", "FACTS", "--template", str(target)]


def test_export_to_a_folder(tmp_path: Path) -> None:
    assert export_template("update", tmp_path) == tmp_path / "pitchkit-update.docx"


def test_export_does_not_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ours.docx"
    target.write_bytes(b"my own work")
    result = run("template", "export", "brief", str(target))
    assert result.exit_code == 1
    # The fix named is one this command has: it takes a PATH, not --out.
    assert result.stderr == (
        f"error: {target} already exists: pass --force to replace it, or give another file name\n"
    )
    assert target.read_bytes() == b"my own work"
    assert run("template", "export", "brief", str(target), "--force").exit_code == 0
    assert target.read_bytes().startswith(b"PK")


def test_export_refuses_other_names_and_kinds(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"ending in \.docx"):
        export_template("brief", tmp_path / "brief.pdf")
    with pytest.raises(TemplateError, match="unknown template kind 'memo'"):
        export_template("memo", tmp_path / "memo.docx")


# ---------------------------------------------------------------- generated docs


def test_variables_reference_is_up_to_date() -> None:
    committed = (ROOT / "docs" / "template-variables.md").read_text(encoding="utf-8")
    assert committed == variables_markdown(), (
        "docs/template-variables.md is out of date: run python scripts/gen_template_docs.py"
    )


def test_variables_reference_covers_both_kinds_and_the_filters() -> None:
    text = variables_markdown()
    assert "| `pitch.statements[].text` | text |" in text
    assert re.search(r"\| `update\.measures\[\]\.\w+` \|", text)
    assert "| `{{ meeting.date\\|date }}` | A date | 3 December 2026 | 3 Rhagfyr 2026 |" in text
