"""The docxtpl internals pitchkit relies on, checked so an upgrade fails loudly here.

pitchkit subclasses ``DocxTemplate`` (``render.PitchkitTemplate``) and calls
parts of it that are not its documented API: ``patch_xml``,
``render_xml_part``, ``resolve_listing``, ``get_xml``, ``get_part_xml``,
``init_docx``, ``render_footnotes`` and ``render_properties``, and the
``HEADER_URI``/``FOOTER_URI`` constants. ``pyproject.toml`` pins docxtpl to
the minor version these tests were written against. If one of them fails
after an upgrade, read docxtpl's change log for that method before moving
the pin.
"""

from __future__ import annotations

import inspect
import io
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from docx import Document
from docxtpl import DocxTemplate

from pitchkit.word.render import PitchkitTemplate

ROOT = Path(__file__).resolve().parents[1]

#: Each internal pitchkit calls or overrides, with the parameters it relies on.
INTERNALS = {
    "patch_xml": ["self", "src_xml"],
    "render_xml_part": ["self", "src_xml", "part", "context", "jinja_env"],
    "resolve_listing": ["self", "xml"],
    "get_xml": ["self"],
    "get_part_xml": ["self", "part"],
    "init_docx": ["self", "reload"],
    "render_footnotes": ["self", "context", "jinja_env"],
    "render_properties": ["self", "context", "jinja_env"],
    "render": ["self", "context", "jinja_env", "autoescape"],
}


def blank_template() -> DocxTemplate:
    document = Document()
    document.add_paragraph("x")
    data = io.BytesIO()
    document.save(data)
    data.seek(0)
    template = DocxTemplate(data)
    template.init_docx()
    return template


def test_the_installed_docxtpl_is_the_pinned_minor_version() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pin = next(d for d in pyproject["project"]["dependencies"] if d.startswith("docxtpl"))
    lower, upper = re.fullmatch(r"docxtpl>=([\d.]+),<([\d.]+)", pin).groups()  # type: ignore[union-attr]

    installed = tuple(int(part) for part in version("docxtpl").split(".")[:3])

    assert installed >= tuple(int(part) for part in lower.split("."))
    assert installed < tuple(int(part) for part in upper.split("."))


@pytest.mark.parametrize(("name", "parameters"), sorted(INTERNALS.items()))
def test_each_internal_pitchkit_uses_keeps_its_signature(name: str, parameters: list[str]) -> None:
    method = getattr(DocxTemplate, name, None)

    assert method is not None, f"docxtpl no longer has DocxTemplate.{name}"
    assert list(inspect.signature(method).parameters) == parameters


def test_pitchkit_overrides_still_replace_docxtpls_own() -> None:
    for name in ("patch_xml", "render_xml_part", "render_footnotes", "render_properties"):
        assert name in vars(PitchkitTemplate), name
        assert name in vars(DocxTemplate), f"docxtpl no longer defines {name} to override"


def test_header_and_footer_relationship_types_are_the_word_ones() -> None:
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    assert (base + "header", base + "footer") == (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)


def test_patch_xml_joins_a_tag_split_across_runs_and_unwraps_paragraph_tags() -> None:
    xml = (
        "<w:p><w:r><w:t>{{ na</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>me }}</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>{%p if shown %}</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>{%p endif %}</w:t></w:r></w:p>"
    )

    patched = blank_template().patch_xml(xml)

    assert "{{ name }}" in patched
    assert patched.endswith("{% if shown %}{% endif %}")
    assert "{%p" not in patched


def test_resolve_listing_turns_new_lines_and_tabs_into_word_breaks() -> None:
    xml = '<w:p><w:r><w:t xml:space="preserve">a\nb\tc\x07d</w:t></w:r></w:p>'

    resolved = blank_template().resolve_listing(xml)

    assert "<w:br/>" in resolved
    assert "<w:tab/>" in resolved
    assert resolved.count("<w:p>") == 2  # \a starts a new paragraph


def test_get_xml_returns_the_body_as_text() -> None:
    xml = blank_template().get_xml()

    assert isinstance(xml, str)
    assert xml.startswith("<w:body ")
    assert "<w:t>x</w:t>" in xml
