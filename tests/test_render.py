"""Filling templates safely: the sandbox, escaping, limits, parts and properties."""

from __future__ import annotations

import datetime as dt
import io
import threading
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from docchecks import docx_text
from pitchkit.errors import InputError, RenderLimitError, TemplateError
from pitchkit.i18n.translation import language
from pitchkit.word.limits import Limits, parse_seconds, parse_size, run_limited
from pitchkit.word.render import Properties, render
from pitchkit.word.templatefile import check_template_file, normalise_tags, part_label

LANG = language("en_GB")
PROPS = Properties(
    "Pitchkit title", "Dr A Lead", "Sponsor briefing note", "en-GB", dt.date(2026, 12, 1)
)
CONTEXT: dict[str, Any] = {
    "project": {"title": "R&D <b>bold</b> & more", "organisation": "Example Trust"},
    "lead": {"name": "{{ 7*7 }} {% if %} {_{ x }_}"},
    "items": ["one", "two"],
}


def template(*lines: str, header: str = "", title: str = "") -> bytes:
    """A template with one paragraph per line (and optionally a header and a title)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill(data: bytes, context: dict[str, Any] | None = None, **options: Any) -> docx.Document:
    """Render in-process and open the result."""
    out = render(
        data, CONTEXT if context is None else context, lang=LANG, properties=PROPS, **options
    )
    return docx.Document(io.BytesIO(out))


def texts(document: docx.Document) -> list[str]:
    return [p.text for p in document.paragraphs]


# ---------------------------------------------------------------- safety


@pytest.mark.parametrize(
    ("tag", "phrase"),
    [
        (
            "{{ cycler.__init__.__globals__ }}",
            "`__init__` reaches Python.s internals",
        ),
        (
            "{{ project.__class__.__mro__ }}",
            "`__class__` reaches Python.s internals",
        ),
        ("{{ project._path }}", "`_path` reaches Python.s internals and is refused"),
        ("{{ project.clear() }}", "`clear` is something a value can do, not a value"),
        ("{{ project.title.upper() }}", "`upper` is something a value can do, not a value"),
        ("{{ project.title.format }}", "`format` is something a value can do, not a value"),
        ("{% import 'os' as os %}", "refused to import or include 'os'"),
        ("{% include 'https://example.org/x' %}", "refused to import or include"),
    ],
)
def test_sandbox_refuses(tag: str, phrase: str) -> None:
    with pytest.raises(TemplateError, match=phrase) as raised:
        fill(template("before", tag))
    assert "\n" not in str(raised.value)
    assert f'paragraph "{tag}"' in str(raised.value)


def test_values_are_text_never_markup_or_template_code() -> None:
    document = fill(
        template(
            "{{ project.title }}",
            "{{ lead.name }}",
            "{{ _(project.title) }}",
            header="{{ lead.name }}",
        )
    )
    assert texts(document) == [
        "R&D <b>bold</b> & more",
        "{{ 7*7 }} {% if %} {_{ x }_}",
        "R&D <b>bold</b> & more",
    ]
    assert document.sections[0].header.paragraphs[0].text == "{{ 7*7 }} {% if %} {_{ x }_}"


def test_properties_with_tags_are_filled_once() -> None:
    document = fill(template("x", title="{{ project.title }} – note"))
    assert document.core_properties.title == "R&D <b>bold</b> & more – note"
    assert document.core_properties.author == "Dr A Lead"


def test_properties_without_tags_are_pitchkits() -> None:
    document = fill(template("x", title="Trust template"))
    assert document.core_properties.title == "Pitchkit title"
    assert document.core_properties.subject == "Sponsor briefing note"


def test_curly_quotes_are_straightened_only_inside_tags() -> None:
    xml = "<w:t>“Hi” {{ _(“Funding”) }} {% if x == ‘a’ %}‘ok’{% endif %}</w:t>"
    assert (
        normalise_tags(xml)
        == "<w:t>“Hi” {{ _(\"Funding\") }} {% if x == 'a' %}‘ok’{% endif %}</w:t>"
    )


def test_part_labels() -> None:
    assert part_label("/word/document.xml") == "body"
    assert part_label("/word/header2.xml") == "header"
    assert part_label("/word/footer1.xml") == "footer"
    assert part_label("/word/footnotes.xml") == "footnotes"


def test_runtime_error_names_the_paragraph() -> None:
    with pytest.raises(TemplateError, match=r'paragraph "\{\{ 1 / 0 \}\}"\): the tag could not'):
        fill(template("{{ 1 / 0 }}"))


def test_missing_variable_in_header_names_the_header() -> None:
    with pytest.raises(
        TemplateError, match=r"\(header, paragraph .*unknown variable 'project.titel'"
    ):
        fill(template("x", header="{{ project.titel }}"))


# ---------------------------------------------------------------- footnotes


def with_footnote(data: bytes, text: str, sections: int = 2) -> bytes:
    """Add a footnotes part, and extra sections (docxtpl used to fill notes once per section)."""
    document = docx.Document(io.BytesIO(data))
    for _ in range(sections - 1):
        document.add_section()
    buffer = io.BytesIO()
    document.save(buffer)
    source = zipfile.ZipFile(buffer)
    out = io.BytesIO()
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "[Content_Types].xml":
                override = f'<Override PartName="/word/footnotes.xml" ContentType="{kind}"/>'
                part = part.replace(b"</Types>", override.encode() + b"</Types>")
            if name == "word/_rels/document.xml.rels":
                link = f'<Relationship Id="rIdFn" Type="{rel}" Target="footnotes.xml"/>'
                part = part.replace(b"</Relationships>", link.encode() + b"</Relationships>")
            target.writestr(name, part)
        target.writestr(
            "word/footnotes.xml",
            f'<w:footnotes xmlns:w="{ns}"><w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t>'
            "</w:r></w:p></w:footnote></w:footnotes>",
        )
    return out.getvalue()


def test_footnotes_are_filled_once() -> None:
    data = with_footnote(template("x"), "Note: {{ lead.name }}")
    out = render(data, CONTEXT, lang=LANG, properties=PROPS)
    with zipfile.ZipFile(io.BytesIO(out)) as package:
        footnotes = package.read("word/footnotes.xml").decode()
    assert "Note: {{ 7*7 }} {% if %} {_{ x }_}" in footnotes


# ---------------------------------------------------------------- limits


def test_user_template_renders_in_a_limited_child(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(template("{% for i in items %}{{ i }} {% endfor %}"))
    out = render(path, CONTEXT, lang=LANG, properties=PROPS, limits=Limits(seconds=20))
    (tmp_path / "out.docx").write_bytes(out)
    assert docx_text(tmp_path / "out.docx") == "one two "


def test_limits_stop_a_built_in_template_too_when_asked() -> None:
    with pytest.raises(RenderLimitError, match=r"longer than 0\.5 s"):
        fill(
            template(
                "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
            ),
            limits=Limits(seconds=0.5),
        )


def test_memory_limit() -> None:
    grow = "{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
    with pytest.raises(RenderLimitError, match="more than 64 MiB"):
        fill(template(grow + "{% endfor %}{{ ns.s }}"), limits=Limits(memory_bytes=64 << 20))


def test_thread_fallback_stops_waiting_at_the_deadline() -> None:
    release = threading.Event()
    try:
        with pytest.raises(RenderLimitError, match=r"longer than 0\.2 s"):
            run_limited(
                lambda: bytes(release.wait(30)), limits=Limits(seconds=0.2), name="t", isolate=False
            )
    finally:
        release.set()


def test_errors_cross_from_the_child_unchanged() -> None:
    def fail() -> bytes:
        raise TemplateError("t: a clear message")

    with pytest.raises(TemplateError, match=r"^t: a clear message$"):
        run_limited(fail, limits=Limits(), name="t")


def test_limits_from_the_environment() -> None:
    limits = Limits.from_environment({"PITCHKIT_TIME_LIMIT": "5", "PITCHKIT_MEMORY_LIMIT": "512M"})
    assert limits == Limits(seconds=5, memory_bytes=512 << 20)
    assert Limits.from_environment({}) == Limits(seconds=30, memory_bytes=1 << 30)
    assert parse_size("1GiB") == 1 << 30
    assert parse_seconds("2.5") == 2.5
    for bad in ("0", "-1", "soon"):
        with pytest.raises(InputError):
            parse_seconds(bad)
    with pytest.raises(InputError, match="at least 32M"):
        Limits(memory_bytes=1000)


# ---------------------------------------------------------------- the file


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"just text", "not a Word .docx file"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100), "password-protected"),
        (b"PK\x03\x04 broken", "damaged"),
    ],
)
def test_files_that_are_not_templates(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(content)
    with pytest.raises(TemplateError, match=phrase):
        check_template_file(path)


def test_a_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(TemplateError, match="not a Word document"):
        check_template_file(path)
