"""Templates authored as users would, filled through ``pitchkit brief --template``.

Covers a restyled export, variables in a header, footer and table loop, a
template saved by LibreOffice, tags split by Word's spell-check and
bookmark marks, curly quotes, and one test per way a template can fail:
each gives a one-line message, exit code 1 and no output file.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from typer.testing import CliRunner, Result

from docchecks import check_docx, docx_text, require_tools, soffice_path, template_with
from pitchkit.cli import app, demo_facts
from pitchkit.facts.project import open_project

DIRECTOR = "dof"
DIRECTOR_NAME = open_project(demo_facts()).facts.director(DIRECTOR).name  # type: ignore[union-attr]
TITLE = "Frailty virtual ward"
ORGANISATION = "Example NHS Foundation Trust"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run pitchkit in-process; a crash (not a user error) fails the test."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"pitchkit crashed: {result.stderr}") from result.exception
    return result


def brief(template: Path, out: Path, env: dict[str, str] | None = None) -> Result:
    """``pitchkit brief DEMO --director dof --template TEMPLATE --out OUT``."""
    return run(
        "brief",
        str(demo_facts()),
        "--director",
        DIRECTOR,
        "--template",
        str(template),
        "--out",
        str(out),
        env=env,
    )


def body_template(body_xml: str, path: Path) -> Path:
    """A .docx whose body is ``body_xml`` (paragraphs written by hand, as Word saves them)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = re.sub(
                    r"<w:body>.*?(?=<w:sectPr)",
                    lambda _match: "<w:body>" + body_xml,
                    data.decode("utf-8"),
                    flags=re.DOTALL,
                )
                data = text.encode("utf-8")
            target.writestr(item, data)
    return path


def text_run(text: str, bold: bool = False) -> str:
    """One ``<w:r>`` as Word writes it."""
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def paragraph(*parts: str) -> str:
    """A ``<w:p>`` of the given runs and marks."""
    return "<w:p>" + "".join(parts) + "</w:p>"


def append_paragraph(template: Path, path: Path, line: str) -> Path:
    """A copy of ``template`` at ``path`` with ``line`` (tags and all) as its last paragraph."""
    document = docx.Document(str(template))
    document.add_paragraph(line)
    document.save(str(path))
    return path


def assert_refused(result: Result, out: Path, *phrases: str) -> None:
    """Exit 1, one line on stderr saying ``phrases``, and no file left behind."""
    assert result.exit_code == 1, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    for phrase in phrases:
        assert phrase in lines[0]
    assert not out.exists()
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".~")] == []


# ---------------------------------------------------------------- templates that work


def test_restyled_export_keeps_its_styles(tmp_path: Path) -> None:
    exported = tmp_path / "ours.docx"
    assert run("template", "export", "brief", str(exported)).exit_code == 0
    document = docx.Document(str(exported))
    document.styles["Normal"].font.name = "Georgia"
    document.styles["Title"].font.color.rgb = RGBColor(0x7F, 0x00, 0x5F)
    letterhead = document.paragraphs[0].insert_paragraph_before("Example Trust · Board papers")
    letterhead.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    letterhead.runs[0].font.size = Pt(9)
    document.save(str(exported))

    out = tmp_path / "note.docx"
    result = brief(exported, out)

    assert result.exit_code == 0, result.stderr
    check_docx(out)
    text = docx_text(out)
    assert text.startswith("Example Trust · Board papers\n" + TITLE)
    assert "What we are asking" in text
    filled = docx.Document(str(out))
    assert filled.styles["Normal"].font.name == "Georgia"
    assert filled.styles["Title"].font.color.rgb == RGBColor(0x7F, 0x00, 0x5F)


def test_header_footer_and_table_loop(tmp_path: Path) -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ project.organisation }} · {{ _('Briefing') }}"
    section.footer.paragraphs[0].text = "{{ lead.name }} · {{ today|date }}"
    document.add_paragraph("{{ project.title }} for {{ director.name }}")
    table = document.add_table(rows=3, cols=3)
    for cell, label in zip(table.rows[0].cells, ("Measure", "Now", "Aim"), strict=True):
        cell.text = label
    table.rows[1].cells[0].text = "{%tr for i in impacts %}"
    cells = table.rows[2].cells
    cells[0].text, cells[1].text, cells[2].text = (
        "{{ i.measure }}",
        "{{ i.baseline_text }}",
        "{{ i.target_text }}",
    )
    table.add_row().cells[0].text = "{%tr endfor %}"
    template = tmp_path / "trust.docx"
    document.save(str(template))

    out = tmp_path / "note.docx"
    result = brief(template, out)

    assert result.exit_code == 0, result.stderr
    filled = docx.Document(str(out))
    assert filled.sections[0].header.paragraphs[0].text == f"{ORGANISATION} · Briefing"
    assert filled.sections[0].footer.paragraphs[0].text.startswith("Dr Priya Raman · ")
    rows = [[c.text for c in row.cells] for row in filled.tables[0].rows]
    assert rows[0] == ["Measure", "Now", "Aim"]
    assert rows[1][0].startswith("Emergency admissions")
    # A figure and its unit are held together by a non-breaking space, in users' templates too;
    # the period follows, as the note says it (newuser23 #9: "120 doses" read as a total).
    assert rows[1][1:] == ["1,200\u00a0admissions a year", "1,000\u00a0admissions a year"]
    assert len(rows) == 1 + 4  # the header and one row per impact; the tag rows are gone


@pytest.mark.tools
def test_template_saved_by_libreoffice(tmp_path: Path) -> None:
    require_tools("soffice")
    exported = tmp_path / "exported.docx"
    assert run("template", "export", "brief", str(exported)).exit_code == 0
    converted = tmp_path / "lo"
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice_path(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(converted),
            str(exported),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    saved = converted / "exported.docx"
    assert saved.is_file(), "LibreOffice did not save the template"
    assert saved.read_bytes() != exported.read_bytes()

    out = tmp_path / "note.docx"
    result = brief(saved, out)

    assert result.exit_code == 0, result.stderr
    check_docx(out)
    text = docx_text(out)
    assert TITLE in text
    assert DIRECTOR_NAME in text
    assert "{{" not in text
    assert "{%" not in text


def test_tags_split_by_spell_check_bookmarks_and_formatting(tmp_path: Path) -> None:
    body = (
        paragraph(
            text_run("Project: {{ pro"),
            '<w:proofErr w:type="spellStart"/>',
            text_run("ject.ti"),
            '<w:proofErr w:type="spellEnd"/>',
            text_run("tle }}"),
        )
        + paragraph(
            text_run("{"),
            '<w:bookmarkStart w:id="0" w:name="org"/>',
            text_run("{ project.organisation"),
            '<w:bookmarkEnd w:id="0"/>',
            text_run(" }}"),
        )
        + paragraph(text_run("For {{ director"), text_run(".name", bold=True), text_run(" }}"))
        + paragraph(text_run("{"), text_run("% if funding.text %"), text_run("}Funded{% endif %}"))
    )
    template = body_template(body, tmp_path / "split.docx")
    out = tmp_path / "note.docx"

    result = brief(template, out)

    assert result.exit_code == 0, result.stderr
    assert docx_text(out).splitlines()[:4] == [
        f"Project: {TITLE}",
        ORGANISATION,
        f"For {DIRECTOR_NAME}",
        "Funded",
    ]


def test_curly_quotes_inside_tags(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "quotes.docx",
        "{{ _(“Funding”) }}: {{ funding.text }}",
        "{% if project.title == ‘Frailty virtual ward’ %}Matched{% endif %}",
        "{{ [‘a’, „b“]|list }}",
        "Outside tags “quotes” stay curly.",
    )
    out = tmp_path / "note.docx"

    result = brief(template, out)

    assert result.exit_code == 0, result.stderr
    lines = docx_text(out).splitlines()
    assert lines[0].startswith("Funding: £250,000")
    assert lines[1:] == ["Matched", "a and b", "Outside tags “quotes” stay curly."]


def test_text_that_looks_like_template_code_stays_literal(tmp_path: Path) -> None:
    facts = demo_facts().read_text(encoding="utf-8")
    odd = "Check {{ 7*7 }} and {% if %} and {_{ x }_} and %_} as typed"
    facts = facts.replace("title: Frailty virtual ward", f'title: "{odd}"', 1)
    (tmp_path / "facts.yaml").write_text(facts, encoding="utf-8")
    template = template_with(tmp_path / "t.docx", "{{ project.title }}")
    document = docx.Document(str(template))
    document.sections[0].header.paragraphs[0].text = "{{ project.title }}"
    document.save(str(template))
    out = tmp_path / "note.docx"

    result = run(
        "brief",
        str(tmp_path / "facts.yaml"),
        "-d",
        DIRECTOR,
        "-t",
        str(template),
        "-o",
        str(out),
    )

    assert result.exit_code == 0, result.stderr
    assert docx_text(out).splitlines() == [odd, odd]


# ---------------------------------------------------------------- one test per failure


def test_unknown_variable_suggests_the_closest(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Intro", "{{ projct.title }}")
    out = tmp_path / "note.docx"
    refused = brief(template, out)
    assert_refused(refused, out, "unknown variable `projct.title`", "did you mean `project.title`?")


def test_unknown_nested_variable_names_its_path(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ project.titel }}")
    out = tmp_path / "note.docx"
    assert_refused(
        brief(template, out),
        out,
        "unknown variable `project.titel`",
        "did you mean `project.title`?",
    )


@pytest.mark.parametrize(
    ("line", "named", "suggested"),
    [
        ("{{ project.titel }}", "project.titel", "project.title"),
        (
            "{% if director.nmae %}Dear {{ director.name }}{% endif %}",
            "director.nmae",
            "director.name",
        ),
        ("{{ projct }}", "projct", "project"),
    ],
)
def test_check_and_brief_describe_an_unknown_variable_alike(
    tmp_path: Path, line: str, named: str, suggested: str
) -> None:
    template = template_with(tmp_path / "t.docx", "Intro", line)
    out = tmp_path / "note.docx"
    checked = run("template", "check", str(template))
    refused = brief(template, out)

    assert checked.exit_code == refused.exit_code == 1
    said = "no note can be written while the template uses it"
    [check_line] = [e for e in checked.stderr.splitlines() if "unknown variable" in e]
    assert check_line.startswith(f"error: unknown variable `{named}` in the body: {said}")
    assert check_line.endswith(f" — did you mean `{suggested}`?")
    # brief says it in the same words, naming the template.
    assert_refused(refused, out, f"unknown variable `{named}`")
    assert refused.stderr.strip() == check_line.replace("error: ", f"error: {template}: ", 1)


def test_brief_names_every_misspelt_variable_as_template_check_does(tmp_path: Path) -> None:
    # newuser4 B3: brief -t named only the first of two; the user fixes both in one go.
    template = template_with(tmp_path / "t.docx", "Hello {{ director.nmae }} {{ pitch.headlin }}")
    out = tmp_path / "note.docx"
    checked = run("template", "check", str(template))
    refused = brief(template, out)
    said = [e.removeprefix("error: ") for e in checked.stderr.splitlines() if "unknown" in e]
    assert [named.split("`")[1] for named in said] == ["director.nmae", "pitch.headlin"]
    assert_refused(refused, out, *said)
    assert refused.stderr.strip() == f"error: {template}: " + "; ".join(said)


def test_a_misspelt_list_is_named_once_not_again_for_its_items(tmp_path: Path) -> None:
    # A misspelt list in a loop was named three times over (`pitch.statments`,
    # `pitch.statments[]`, `pitch.statments[].text`) beside the other mistakes.
    template = template_with(
        tmp_path / "t.docx",
        "{% for s in pitch.statments %}{{ s.text }}{% endfor %} {{ director.nmae }}",
    )
    out = tmp_path / "note.docx"
    checked = run("template", "check", str(template))
    refused = brief(template, out)
    said = [e.removeprefix("error: ") for e in checked.stderr.splitlines() if "unknown" in e]
    assert [named.split("`")[1] for named in said] == ["pitch.statments", "director.nmae"]
    assert_refused(refused, out, *said)
    assert refused.stderr.strip() == f"error: {template}: " + "; ".join(said)
    assert "statments[]" not in refused.stderr + checked.stderr


def test_an_optional_update_paragraph_keeps_a_brief_template_a_brief_one(
    tmp_path: Path,
) -> None:
    # newuser4 B2: an optional {% if update is defined %} block made template check call a
    # briefing note template a progress update one; brief named 'summary', not its path.
    exported = tmp_path / "brief.docx"
    assert run("template", "export", "brief", str(exported)).exit_code == 0
    optional = "{% if update is defined and update %}Progress: {{ update.headline }}{% endif %}"
    template = append_paragraph(exported, tmp_path / "t.docx", optional)
    checked = run("template", "check", str(template))
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout.startswith(f"{template}: checked as a briefing note template")
    assert brief(template, tmp_path / "note.docx").exit_code == 0

    misspelt = append_paragraph(
        exported, tmp_path / "m.docx", "{% if update is defined %}{{ update.summary }}{% endif %}"
    )
    checked = run("template", "check", str(misspelt))
    refused = brief(misspelt, tmp_path / "m-note.docx")
    [check_line] = [e for e in checked.stderr.splitlines() if "unknown variable" in e]
    assert "unknown variable `update.summary` in the body" in check_line
    assert refused.stderr.strip() == check_line.replace("error: ", f"error: {misspelt}: ", 1)


def test_an_unknown_name_only_tested_with_is_defined_is_called_never_defined(
    tmp_path: Path,
) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{{ project.title }}",
        "{% if project.titel is defined %}Shown when defined{% endif %}",
        "{{ projct|default('No such name') }}",
    )
    checked = run("template", "check", str(template))
    out = tmp_path / "note.docx"
    written = brief(template, out)

    # The note is written, never with what depends on the misspelt name, as the check says.
    assert written.exit_code == 0, written.stderr
    text = docx_text(out)
    assert "Shown when defined" not in text
    assert "No such name" in text
    assert checked.exit_code == 1
    never = (
        "it is never defined, so each 'is defined' test on it is false and each |default is used"
    )
    assert sorted(e for e in checked.stderr.splitlines() if "unknown variable" in e) == [
        f"error: unknown variable `projct` in the body: {never} — did you mean `project`?",
        f"error: unknown variable `project.titel` in the body: {never} — did you mean "
        "`project.title`?",
    ]


def test_syntax_error_shows_the_paragraph(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "Fine", "Dear {{ director.name }, hello")
    out = tmp_path / "note.docx"
    assert_refused(
        brief(template, out),
        out,
        'paragraph "Dear {{ director.name }, hello"): the {{ tag is not closed in this paragraph',
    )


def test_missing_template(tmp_path: Path) -> None:
    out = tmp_path / "note.docx"
    assert_refused(brief(tmp_path / "nowhere.docx", out), out, "template not found")


def test_file_that_is_not_a_docx(tmp_path: Path) -> None:
    template = tmp_path / "notes.docx"
    template.write_text("These are my notes, not a Word file.", encoding="utf-8")
    out = tmp_path / "note.docx"
    assert_refused(brief(template, out), out, "not a Word .docx file")


def test_corrupt_zip(tmp_path: Path) -> None:
    good = template_with(tmp_path / "good.docx", "{{ project.title }}").read_bytes()
    template = tmp_path / "cut.docx"
    template.write_bytes(good[: len(good) // 2])
    out = tmp_path / "note.docx"
    assert_refused(brief(template, out), out, "damaged")


def test_password_protected_docx(tmp_path: Path) -> None:
    template = tmp_path / "locked.docx"
    template.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    out = tmp_path / "note.docx"
    assert_refused(brief(template, out), out, "password-protected", "remove the password")


def test_sandbox_escape_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    template = template_with(
        tmp_path / "t.docx",
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}",
    )
    out = tmp_path / "note.docx"
    assert_refused(
        brief(template, out), out, "`__init__` reaches Python's internals and is refused"
    )
    assert not marker.exists()


def test_import_is_refused(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{% import 'os' as os %}{{ os }}")
    out = tmp_path / "note.docx"
    assert_refused(brief(template, out), out, "the template imports or includes 'os'")


def test_endless_loop_is_stopped(tmp_path: Path) -> None:
    template = template_with(
        tmp_path / "t.docx",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    )
    out = tmp_path / "note.docx"
    result = brief(template, out, env={"PITCHKIT_TIME_LIMIT": "2"})
    assert_refused(result, out, "took longer than 2 s", "--time-limit")


#: A string that doubles forty times: past any memory limit within a second.
GROWING = (
    "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}{{ ns.s|length }}"
)


def test_huge_string_is_stopped(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", GROWING)
    out = tmp_path / "note.docx"
    result = brief(template, out, env={"PITCHKIT_MEMORY_LIMIT": "256M"})
    assert_refused(result, out, "more than 256 MiB", "--memory-limit")


@pytest.mark.parametrize(
    ("tag", "said"),
    [
        ("{{ 'x' * 4000000000 }}", "would make 4,000,000,000 characters or items"),
        ("{{ [1, 2] * 900000000 }}", "would make 1,800,000,000 characters or items"),
        ("{{ 10 ** 100000000 }}", "a power of 100,000,000 makes a number far too large"),
    ],
)
def test_a_giant_expression_is_refused_before_it_is_worked_out(
    tmp_path: Path, tag: str, said: str
) -> None:
    """Jinja would work these out while compiling, before any limit is in force."""
    template = template_with(tmp_path / "t.docx", tag)
    out = tmp_path / "note.docx"
    assert_refused(brief(template, out), out, said, "repeat text" if "power" not in said else "")
    notes = tmp_path / "notes"
    result = run("batch", str(demo_facts()), "--template", str(template), "--out", str(notes))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert said in result.stderr
    checked = run("template", "check", str(template))
    assert checked.exit_code == 1
    assert said in checked.stderr


def test_modest_repetition_still_works(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", "{{ '-' * 20 }}{{ 2 ** 10 }}{{ [0] * 3 }}")
    out = tmp_path / "note.docx"
    result = brief(template, out)
    assert result.exit_code == 0, result.output
    assert "-" * 20 + "1024[0, 0, 0]" in docx_text(out)


# ---------------------------------------------------------------- limits as options


ENDLESS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


@pytest.mark.parametrize("command", ["brief", "update", "preview"])
def test_the_time_limit_the_advice_names_is_an_option(tmp_path: Path, command: str) -> None:
    template = template_with(tmp_path / "t.docx", ENDLESS)
    out = tmp_path / "note.docx"
    args = [command, str(demo_facts()), "--director", DIRECTOR, "--template", str(template)]
    if command != "preview":
        args += ["--out", str(out)]
    # The option wins over the environment, and the environment is as it was afterwards.
    result = run(*args, "--time-limit", "1", env={"PITCHKIT_TIME_LIMIT": "600"})
    assert_refused(result, out, "took longer than 1 s", "raise the limit with --time-limit")
    assert "PITCHKIT_TIME_LIMIT" not in os.environ


def test_the_memory_limit_is_an_option_of_brief(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", GROWING)
    out = tmp_path / "note.docx"
    result = run(
        "brief", str(demo_facts()), "-d", DIRECTOR, "--template", str(template),
        "--out", str(out), "--memory-limit", "256M",
    )  # fmt: skip
    assert_refused(result, out, "more than 256 MiB", "raise the limit with --memory-limit")


def test_batch_takes_the_limits_as_options(tmp_path: Path) -> None:
    template = template_with(tmp_path / "t.docx", ENDLESS)
    out = tmp_path / "notes"
    result = run(
        "batch", str(demo_facts()), "--only", DIRECTOR, "--template", str(template),
        "--out", str(out), "--time-limit", "1", "--memory-limit", "512M",
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "took longer than 1 s" in result.stderr
    assert "raise the limit with --time-limit" in (out / "manifest.csv").read_text("utf-8-sig")


@pytest.mark.parametrize("command", ["brief", "update", "batch", "preview"])
def test_a_wrong_limit_is_refused_before_anything_is_done(tmp_path: Path, command: str) -> None:
    out = tmp_path / "notes"
    where = [] if command == "preview" else ["--out", str(out)]
    result = run(command, str(demo_facts()), *where, "--memory-limit", "lots")
    assert result.exit_code == 1
    assert "--memory-limit 'lots': give a size such as 512M or 2G" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("command", ["brief", "update", "preview", "batch"])
def test_a_tag_that_would_lose_its_words_is_warned_about_when_used(
    tmp_path: Path, command: str
) -> None:
    template = template_with(tmp_path / "t.docx", "Title: {{r project.title|upper }}")
    out = tmp_path / ("notes" if command == "batch" else "note.docx")
    args = [command, str(demo_facts()), "--template", str(template)]
    args += [] if command == "batch" else ["--director", DIRECTOR]
    args += [] if command == "preview" else ["--out", str(out)]
    result = run(*args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "rich-text tag" in line]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"warning: {template}: body, paragraph ")
    assert "write {{ }} instead" in warnings[0]
