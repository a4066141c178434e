"""An update's tables repeat their heading row when they break across pages (newuser29 #8).

The October update's measures table broke a row across pages 1 and 2, leaving
"signal yet" alone at the top of page 2, with no heading over it. The heading
row of the measures and delivered tables is now kept whole (``w:cantSplit``)
and repeats when a table breaks (``w:tblHeader``; python-docx's
``repeat_header`` had set nothing). Item rows may still break across the page:
kept whole, they moved the page estimate off LibreOffice's layout, which it was
measured against with rows that break (three newuser12 page tests failed).
The project is newuser29's ICB respiratory hubs (``tests/data/newuser29``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "newuser29"
TEMPLATE = Path(__file__).parent.parent / "src" / "pitchkit" / "word" / "templates" / "update.docx"


def rows_of(xml: str, heading: str) -> list[str]:
    """The rows (``<w:tr>`` elements) of the table whose first row holds ``heading``."""
    at = xml.index(heading)
    table = xml[xml.rfind("<w:tbl>", 0, at) : xml.index("</w:tbl>", at)]
    return re.findall(r"<w:tr[ >].*?</w:tr>", table, re.DOTALL)


def test_the_templates_heading_rows_cannot_split_and_repeat() -> None:
    xml = zipfile.ZipFile(TEMPLATE).read("word/document.xml").decode("utf-8")
    for heading in ('_("Measure")', '_("Your objective")'):
        rows = rows_of(xml, heading)
        assert len(rows) == 4, heading  # heading, for, the item, endfor
        assert "<w:tblHeader/>" in rows[0], heading
        assert "<w:cantSplit/>" in rows[0], heading


def project(folder: Path) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    return folder / "facts.yaml"


def test_the_written_updates_heading_rows_repeat(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "cmo.docx"
    facts = project(tmp_path)
    result = cli(
        "update", str(facts), "--directors", str(tmp_path / "team.xlsx"),
        "-d", "cmo", "--period", "2026-10", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    measures = rows_of(xml, ">Measure<")
    assert len(measures) == 7  # the heading and six measures
    delivered = rows_of(xml, ">Your objective<")
    assert len(delivered) == 4  # the heading and three objectives
    assert "<w:cantSplit/>" in measures[0]
    assert "<w:tblHeader/>" in measures[0]
    assert "<w:tblHeader/>" in delivered[0]


@pytest.mark.slow
@pytest.mark.xfail(
    strict=True,
    reason="session 26: fixchart26's narrower measures-table rows keep the whole table on "
    "page 1 however long the headline (it is cut to fit), so the table no longer breaks; the "
    "repeat is still set in the XML (test above), the break needs another way to force it",
)
def test_the_october_updates_table_repeats_its_heading_on_the_next_page(
    cli: Cli, tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    facts = project(tmp_path)
    # A long headline pushes the measures table across the page break (with the code of
    # newuser29's trial the October update broke there as it was; the wording is shorter now).
    said = "Each hub saw adults and children referred by practices and NHS 111, and most "
    said += "were managed without an emergency department attendance."
    first = "summary: All six hubs opened on 1 October and saw 2,310 patients in the first month"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace(first, f"{first}. " + " ".join([said] * 10)), encoding="utf-8")
    out = tmp_path / "upd"
    result = cli(
        "update", str(facts), "--directors", str(tmp_path / "team.xlsx"),
        "-d", "cmo", "--period", "2026-10", "--out", str(out), "--pdf",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [pdf] = out.glob("*.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) == 2
    # The table breaks, and its heading is repeated on the next page.
    [second] = [page for page in pages[1:] if "signal yet" in page]
    assert re.search(r"Measure +Baseline +Target +Latest", second), second
