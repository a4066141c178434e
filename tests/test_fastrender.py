"""The compiled renderer gives the same documents as rendering each one on its own."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from lxml import etree

from docchecks import check_docx, docx_text, validate_ooxml
from pitchkit.errors import TemplateError
from pitchkit.facts.project import open_project
from pitchkit.i18n.translation import language
from pitchkit.notes.brief import brief_parts, builtin_template, properties
from pitchkit.word.fastrender import CompiledTemplate
from pitchkit.word.render import Properties, render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
TODAY = dt.date(2026, 12, 1)
LANG = language("en_GB")
PROPS = Properties(
    title="R&D <plan> \"one\" 'two'",
    author="Sam & Co",
    subject="Sponsor briefing note",
    language="en-GB",
    created=TODAY,
)
TRICKY = "R&D <b>bold</b> \"quoted\" 'single' {_{ left }_}"


def user_template(path: Path) -> Path:
    """A template as a user might make it in Word: header, footer, loops, a table."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "{{ project.title }} for {{ director.name }}"
    section.footer.paragraphs[
        0
    ].text = "Prepared for {{ director.id }}{% if flag %} (draft){% endif %}"
    document.add_heading("Dear {{ director.name }},", level=1)
    document.add_paragraph("{%p if flag %}")
    document.add_paragraph("Shown when the flag is set: {{ tricky }}")
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p for item in items %}")
    document.add_paragraph("{{ item }}", style="List Bullet")
    document.add_paragraph("{%p endfor %}")
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text, table.cell(0, 1).text = "Measure", "Value"
    table.cell(1, 0).text = "{%tr for row in rows %}"
    table.cell(2, 0).text, table.cell(2, 1).text = "{{ row.name }}", "{{ row.value }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.add_paragraph("Lines: {{ lines }}")
    document.add_paragraph("{% if flag %}yes{% else %}no{% endif %}, {{ when|date }}")
    document.save(str(path))
    return path


def user_context(flag: bool) -> dict[str, Any]:
    """A context for :func:`user_template` with the awkward values users type."""
    return {
        "project": {"title": "Frailty & falls <pilot>"},
        "director": {"name": 'Zoë O\'Neil "ZO"', "id": "dof"},
        "flag": flag,
        "tricky": TRICKY,
        "items": ["First & foremost", "<second>", "third\tafter a tab"],
        "rows": [{"name": "Admissions <75", "value": "1,200"}, {"name": "Bed days", "value": 0}],
        "lines": "line one\nline two\tafter a tab",
        "when": TODAY,
    }


def both_ways(
    tmp_path: Path, template: Path | bytes, context: dict[str, Any], props: Properties = PROPS
) -> tuple[Path, Path]:
    """Render ``context`` one document at a time and through the compiled template."""
    slow = tmp_path / "slow.docx"
    fast = tmp_path / "fast.docx"
    slow.write_bytes(render(template, context, lang=LANG, properties=props))
    compiled = CompiledTemplate(template, lang=LANG)
    compiled.render({"flag": False, **context}, properties=props)  # a reused template stays clean
    fast.write_bytes(compiled.render(context, properties=props))
    return slow, fast


def same_document(slow: Path, fast: Path) -> None:
    """The two files read the same and are equally sound."""
    check_docx(slow)
    check_docx(fast)
    assert docx_text(fast) == docx_text(slow)
    slow_core = docx.Document(str(slow)).core_properties
    fast_core = docx.Document(str(fast)).core_properties
    for field in ("title", "author", "subject", "language", "comments", "created", "revision"):
        assert getattr(fast_core, field) == getattr(slow_core, field), field
    with zipfile.ZipFile(slow) as a, zipfile.ZipFile(fast) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())


def example_brief(director_index: int) -> tuple[dict[str, Any], Properties]:
    """The built-in brief's context and properties for one example director."""
    project = open_project(EXAMPLE / "facts.yaml")
    parts = brief_parts(project, project.facts.directors[director_index], today=TODAY)
    return parts.context, parts.properties


def test_the_built_in_brief_comes_out_the_same(tmp_path: Path) -> None:
    context, props = example_brief(0)
    slow, fast = both_ways(tmp_path, builtin_template("brief"), context, props)
    same_document(slow, fast)
    assert "Helen Marsh" in docx_text(fast)


def test_the_built_in_update_comes_out_the_same(tmp_path: Path) -> None:
    from pitchkit.notes.update import situate, update_document_context

    project = open_project(EXAMPLE / "facts.yaml")
    director = project.facts.directors[1]
    situation = situate(project.facts, director, project.lang, period=None, today=TODAY)
    context = update_document_context(situation, today=TODAY)
    props = properties(situation.pitch, project.lang, "update", TODAY)
    slow, fast = both_ways(tmp_path, builtin_template("update"), context, props)
    same_document(slow, fast)


@pytest.mark.parametrize("flag", [True, False])
def test_a_user_template_with_headers_tables_and_loops_comes_out_the_same(
    tmp_path: Path, flag: bool
) -> None:
    template = user_template(tmp_path / "mine.docx")
    slow, fast = both_ways(tmp_path, template, user_context(flag))
    same_document(slow, fast)
    text = docx_text(fast)
    assert 'Frailty & falls <pilot> for Zoë O\'Neil "ZO"' in text
    assert "Admissions <75\n1,200\nBed days\n0" in text
    assert "line one\nline two\tafter a tab" in text
    assert (TRICKY in text) is flag
    assert ("yes, 1 December 2026" in text) is flag


def test_a_template_given_as_bytes_or_a_path_fills_alike(tmp_path: Path) -> None:
    template = user_template(tmp_path / "mine.docx")
    by_path = CompiledTemplate(template, lang=LANG).render(user_context(True), properties=PROPS)
    by_bytes = CompiledTemplate(template.read_bytes(), lang=LANG)
    (tmp_path / "a.docx").write_bytes(by_path)
    (tmp_path / "b.docx").write_bytes(by_bytes.render(user_context(True), properties=PROPS))
    assert docx_text(tmp_path / "a.docx") == docx_text(tmp_path / "b.docx")


def test_document_properties_are_escaped_and_read_back(tmp_path: Path) -> None:
    template = user_template(tmp_path / "mine.docx")
    data = CompiledTemplate(template, lang=LANG).render(user_context(True), properties=PROPS)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == PROPS.title
    assert core.author == "Sam & Co"
    assert core.created == dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def without_core_reference(xml: bytes) -> bytes:
    """``[Content_Types].xml`` or ``_rels/.rels`` with the core properties left out."""
    root = etree.fromstring(xml)
    for element in list(root):
        if "core" in (element.get("PartName") or element.get("Target") or ""):
            root.remove(element)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def test_a_template_without_core_properties_gets_them(tmp_path: Path) -> None:
    source = user_template(tmp_path / "mine.docx")
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(stripped, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "docProps/core.xml":
                continue
            if item.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = without_core_reference(data)
            new.writestr(item, data)
    out = tmp_path / "out.docx"
    out.write_bytes(
        CompiledTemplate(stripped, lang=LANG).render(user_context(True), properties=PROPS)
    )
    check_docx(out)
    assert docx.Document(str(out)).core_properties.title == PROPS.title


def test_a_misspelt_variable_gives_the_same_message_both_ways(tmp_path: Path) -> None:
    template = user_template(tmp_path / "mine.docx")
    context = user_context(True)
    del context["rows"]
    with pytest.raises(TemplateError) as slow:
        render(template, context, lang=LANG, properties=PROPS)
    with pytest.raises(TemplateError) as fast:
        CompiledTemplate(template, lang=LANG).render(context, properties=PROPS)
    assert str(fast.value) == str(slow.value)
    assert "rows" in str(fast.value)


def test_a_broken_tag_fails_once_when_compiling(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("{% if director.name %}no end")
    path = tmp_path / "broken.docx"
    document.save(str(path))
    with pytest.raises(
        TemplateError, match=r"the {% if director.name %} tag opened here is never closed"
    ) as caught:
        CompiledTemplate(path, lang=LANG)
    assert "body" in str(caught.value)


@pytest.mark.tools
def test_fast_documents_pass_the_open_xml_validator(tmp_path: Path, ooxml_validator: str) -> None:
    context, props = example_brief(2)
    brief = tmp_path / "brief.docx"
    brief.write_bytes(
        CompiledTemplate(builtin_template("brief"), lang=LANG).render(context, properties=props)
    )
    validate_ooxml(brief)
    template = user_template(tmp_path / "mine.docx")
    mine = tmp_path / "mine-filled.docx"
    mine.write_bytes(
        CompiledTemplate(template, lang=LANG).render(user_context(True), properties=PROPS)
    )
    validate_ooxml(mine)


def tiny_png(width: int, height: int, shade: int) -> bytes:
    """A grey PNG of ``width`` x ``height`` pixels, made without any imaging library."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes([shade]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def same_parts(slow: Path, fast: Path) -> None:
    """The two packages hold the same parts, byte for byte (document properties aside)."""
    with zipfile.ZipFile(slow) as a, zipfile.ZipFile(fast) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name != "docProps/core.xml":
                assert a.read(name) == b.read(name), name


def test_an_update_with_charts_gets_the_same_parts_from_the_compiled_template(
    tmp_path: Path,
) -> None:
    """A batch of updates keeps the compiled path: the charts' image parts come out the same."""
    from pitchkit.notes.update import situate, update_document_context

    project = open_project(EXAMPLE / "facts.yaml")
    director = project.facts.directors[1]
    situation = situate(project.facts, director, project.lang, period="2028-03", today=TODAY)
    context = update_document_context(situation, today=TODAY)
    assert len(context["update"]["charts"]) >= 2
    props = properties(situation.pitch, project.lang, "update", TODAY)
    slow, fast = both_ways(tmp_path, builtin_template("update"), context, props)
    same_document(slow, fast)
    same_parts(slow, fast)
    with zipfile.ZipFile(fast) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
    assert len(media) >= 2


def test_pictures_in_the_body_and_a_header_come_out_the_same(tmp_path: Path) -> None:
    """The same picture twice shares one image part; one in a header is placed as well."""
    from pitchkit.word.renderenv import Picture

    template = tmp_path / "pictures.docx"
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Logo: {{ logo }}"
    document.add_paragraph("First {{ chart }} and again {{ again }}, then {{ other }}.")
    document.save(str(template))
    chart = Picture(tiny_png(40, 20, 90), width_cm=8, description="A & B <chart>")
    context = {
        "chart": chart,
        "again": chart,
        "other": Picture(tiny_png(30, 30, 200), width_cm=4),
        "logo": Picture(tiny_png(10, 10, 10), width_cm=2),
    }
    slow, fast = both_ways(tmp_path, template, context)
    same_parts(slow, fast)
    body_only = {key: value for key, value in context.items() if key != "logo"}
    slow, fast = both_ways(tmp_path, template, {**body_only, "logo": "no picture"})
    same_parts(slow, fast)
    with zipfile.ZipFile(fast) as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
    assert len(media) == 2
