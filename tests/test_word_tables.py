"""The table tags docxtpl users know work in pitchkit templates, as docs/templates.md shows.

``{%tr %}`` repeats rows, ``{%tc %}`` repeats cells, ``{% vm %}`` merges equal
cells down a column, ``{% hm %}`` merges a heading across repeated cells,
``{% colspan n %}`` spans columns and ``{% cellbg colour %}`` shades a cell.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
from lxml import etree

from docchecks import check_docx, validate_ooxml

ROOT = Path(__file__).resolve().parent.parent
FALLS = ROOT / "examples" / "falls-prevention" / "facts.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def brief_with(template: Path, out: Path) -> etree._Element:
    result = subprocess.run(
        [sys.executable, "-m", "pitchkit", "brief", str(FALLS), "-t", str(template),
         "--out", str(out), "-q"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    check_docx(out)
    validate_ooxml(out)
    return etree.fromstring(docx.Document(str(out)).part.blob)


def test_rows_merged_cells_shading_and_spans(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=5, cols=3)
    table.style = "Table Grid"
    for column, heading in enumerate(("Counted", "Measure", "Target")):
        table.cell(0, column).text = heading
    table.cell(1, 0).text = "{%tr for i in impacts %}"
    table.cell(2, 0).text = "{% vm %}{{ i.per or 'level' }}"
    table.cell(2, 1).text = "{% cellbg 'E8EDEE' %}{{ i.measure }}"
    table.cell(2, 2).text = "{{ i.target_text }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    table.cell(4, 0).text = "{% colspan 3 %}Figures from Datix"
    template = tmp_path / "table.docx"
    document.save(str(template))

    body = brief_with(template, tmp_path / "note.docx")

    merges = [m.get(f"{W}val") for m in body.iter(f"{W}vMerge")]
    assert merges == ["restart", "continue", "continue", "continue", "continue"]  # 5 impacts a year
    shades = [s.get(f"{W}fill") for s in body.iter(f"{W}shd")]
    assert shades == ["E8EDEE"] * 5
    spans = [s.get(f"{W}val") for s in body.iter(f"{W}gridSpan")]
    assert spans == ["3"]
    rows = docx.Document(str(tmp_path / "note.docx")).tables[0].rows
    assert [cell.text for cell in rows[1].cells][1:] == [
        "Inpatient falls resulting in any harm",
        "50\u00a0falls a year",  # a figure held to its unit, and the period it is counted over
    ]


def test_repeated_cells_under_a_merged_heading(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    cells = (
        ("Asks", "{%tc for a in asks %}", "{% hm %}What we ask of you", "{%tc endfor %}"),
        ("Each", "{%tc for a in asks %}", "{{ a }}", "{%tc endfor %}"),
    )
    for row, texts in enumerate(cells):
        for column, text in enumerate(texts):
            table.cell(row, column).text = text
    template = tmp_path / "cells.docx"
    document.save(str(template))

    body = brief_with(template, tmp_path / "note.docx")

    rows = docx.Document(str(tmp_path / "note.docx")).tables[0].rows
    asks = [cell.text for cell in rows[1].cells][1:]
    assert len(asks) == 4
    assert asks[0].startswith("Act as executive sponsor")
    assert [s.get(f"{W}val") for s in body.iter(f"{W}gridSpan")] == ["4"]
