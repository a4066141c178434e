"""pitchkit's ``resolve_listing`` gives exactly what docxtpl's gives, on any XML."""

from __future__ import annotations

import random

import pytest
from docxtpl import DocxTemplate

from pitchkit.notes.brief import builtin_template
from pitchkit.word.listing import resolve_listing

#: Pieces a filled part is made of, the marks among them.
PIECES = (
    "<w:p>",
    '<w:p w:rsidR="00A1">',
    "</w:p>",
    '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    '<w:pPr>\n<w:jc w:val="left"/></w:pPr>',
    "<w:r>",
    '<w:r w:rsidRPr="0F">',
    "</w:r>",
    "<w:rPr><w:b/></w:rPr>",
    "<w:rPr><w:i/>\n</w:rPr>",
    "<w:t>",
    '<w:t xml:space="preserve">',
    "</w:t>",
    "<w:tab/>",
    "<w:tbl>",
    "<w:rFonts/>",
    "text",
    "% s",
    "\n",
    "\t",
    "\a",
    "\f",
    " ",
)


def docxtpl_listing(xml: str) -> str:
    return str(DocxTemplate.__new__(DocxTemplate).resolve_listing(xml))


@pytest.mark.parametrize("seed", range(40))
def test_random_parts_resolve_as_docxtpl_resolves_them(seed: int) -> None:
    chosen = random.Random(seed)
    for _ in range(50):
        xml = "".join(chosen.choice(PIECES) for _ in range(chosen.randint(1, 60)))
        assert resolve_listing(xml) == docxtpl_listing(xml), repr(xml)


def test_well_formed_paragraphs_resolve_as_docxtpl_resolves_them() -> None:
    xml = (
        '<w:body><w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr>'
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">'
        "one\ttwo\nthree\afour\ffive</w:t></w:r>"
        "<w:r><w:t>plain</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>a\n\nb</w:t><w:t>c\td</w:t></w:r></w:p></w:body>"
    )
    assert resolve_listing(xml) == docxtpl_listing(xml)


def test_the_built_in_brief_resolves_as_docxtpl_resolves_it() -> None:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(builtin_template("brief"))) as package:
        body = package.read("word/document.xml").decode("utf-8")
    # Marks put where values go: inside every text element.
    xml = body.replace("</w:t>", "\tx\ny\az\f</w:t>")
    assert resolve_listing(xml) == docxtpl_listing(xml)
    assert resolve_listing(body) == docxtpl_listing(body) == body
