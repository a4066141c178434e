"""A progress update's chart stays on one page with its title and its words (newuser4 C4).

The PDF is LibreOffice's, read back page by page: for each chart, its
title, the first words under it and the last of them must be on the same
page, in the Welsh half and the English half of a bilingual update, and in a
plain update. The log's latest entry is given more and more "done" items so
that the charts move down the page through the places where a page break
falls beside them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from typer.testing import Result

from docchecks import soffice_path
from pitchkit.output.pdf import convert_to_pdf

LLYGAID = Path(__file__).parent / "data" / "update_layout" / "llygaid.yaml"
#: A chart's title ends with its kind in brackets, in English or Welsh.
CHART_KIND = re.compile(r"\((?:XmR chart|run chart|siart XmR|siart rediad)\)")


def _squeezed(text: str) -> str:
    """``text`` without white space (a PDF's line breaks fall anywhere)."""
    return "".join(text.split())


def _with_done(facts: Path, count: int, folder: Path) -> Path:
    """A copy of ``facts`` whose latest log entry lists ``count`` things done."""
    text = facts.read_text(encoding="utf-8")
    latest = text.rindex("  - period:")
    summary = text.index("\n", text.index("summary:", latest)) + 1
    items = "".join(
        f"      - {{en: Step {n} finished, cy: Cam {n} wedi gorffen}}\n" for n in range(count)
    )
    path = folder / f"facts-{count}.yaml"
    path.write_text(text[:summary] + "    done:\n" + items + text[summary:], encoding="utf-8")
    return path


def _charts(path: Path) -> list[tuple[str, str, str]]:
    """Each chart's title, and the start and end of its words, as the document has them."""
    paragraphs = [p.text for p in docx.Document(str(path)).paragraphs]
    charts = []
    for at, text in enumerate(paragraphs):
        kind = CHART_KIND.search(text)
        if kind is None:
            continue
        words = next(t for t in paragraphs[at + 1 :] if t.strip())
        charts.append((text[: kind.end()], words[:60], words[-60:]))
    return charts


def _page_of(pages: list[str], text: str, start: int = 0) -> int:
    """The first page (from 1) at or after ``start`` holding ``text``."""
    wanted = _squeezed(text)
    return next(n for n, page in enumerate(pages, 1) if n > start and wanted in page)


def _split_charts(path: Path, pdf: Path) -> list[str]:
    pages = [_squeezed(page.extract_text()) for page in PdfReader(pdf).pages]
    split = []
    for title, first, last in _charts(path):
        at = _page_of(pages, title)
        found = (_page_of(pages, first, at - 1), _page_of(pages, last, at - 1))
        if found != (at, at):
            split.append(f"{path.name}: {title!r} on page {at}, its words on pages {found}")
    return split


@pytest.mark.parametrize("language", [["--bilingual"], ["--locale", "en_GB"]], ids=["cy+en", "en"])
def test_a_chart_its_title_and_its_words_share_a_page(
    cli: Callable[..., Result], tmp_path: Path, language: list[str]
) -> None:
    soffice_path()
    written = []
    for count in range(8, 13):
        facts = _with_done(LLYGAID, count, tmp_path)
        out = tmp_path / f"update-{count}.docx"
        result = cli("update", str(facts), "-d", "dof", *language, "--out", str(out), "-q")
        assert result.exit_code == 0, result.output
        written.append(out)
    results = convert_to_pdf(written, out_dir=tmp_path / "pdf")
    split = []
    for path, result in zip(written, results, strict=True):
        assert result.pdf is not None, result.error
        assert len(_charts(path)) == (4 if "--bilingual" in language else 2)
        split.extend(_split_charts(path, result.pdf))
    assert not split, "\n".join(split)
