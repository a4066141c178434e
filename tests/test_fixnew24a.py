"""A batch of updates is the same document ``pitchkit update`` makes, fitted alike.

newuser24 #1: ``batch --kind update`` neither measured nor trimmed its updates,
so an ambulance trust's updates ran to three pages whose chart note said they
were kept to two, while ``update -d dof`` gave two. Each test runs the command
line as the project lead did and reads back the documents and the manifest.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew24"
DIRECTORS = ("dof", "dops")


def project(folder: Path) -> Path:
    for name in ("facts.yaml", "log.csv"):
        shutil.copy(PROJECT / name, folder / name)
    return folder / "facts.yaml"


def manifest(folder: Path) -> dict[str, dict[str, str]]:
    with (folder / "manifest.csv").open(encoding="utf-8-sig", newline="") as file:
        return {row["director_id"]: row for row in csv.DictReader(file)}


def batch_file(folder: Path, row: dict[str, str], column: str = "file") -> Path:
    return folder / row[column]


def test_a_batch_update_is_the_single_update_word_for_word(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    made = cli("batch", str(facts), "--kind", "update", "--out", str(tmp_path / "upd"))
    assert made.exit_code == 0, made.output
    rows = manifest(tmp_path / "upd")
    for director in DIRECTORS:
        single = tmp_path / f"{director}.docx"
        result = cli("update", str(facts), "-d", director, "-o", str(single))
        assert result.exit_code == 0, result.output
        batched = batch_file(tmp_path / "upd", rows[director]).read_bytes()
        assert document_text(batched) == document_text(single.read_bytes())


def test_the_batch_names_the_charts_it_left_out(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    made = cli(
        "batch", str(facts), "--kind", "update", "--only", "dof", "--out", str(tmp_path / "upd")
    )
    assert made.exit_code == 0, made.output
    [row] = manifest(tmp_path / "upd").values()
    text = document_text(batch_file(tmp_path / "upd", row).read_bytes())
    found = re.search(r"Charts are shown for (\d) of the 6 measures", text)
    assert found is not None, text
    if found[1] == "3":  # the estimate found room for every chart the update draws
        assert "update.charts" not in row["cuts"]
    else:
        assert f"update.charts ({found[1]} of 3 charts kept)" in row["cuts"]


@pytest.mark.slow
def test_batch_and_single_updates_are_two_pages_as_pdf(
    cli: Cli, tmp_path: Path, soffice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PITCHKIT_MEASURE", "1")
    facts = project(tmp_path)
    out = tmp_path / "upd"
    made = cli("batch", str(facts), "--kind", "update", "--out", str(out), "--pdf")
    assert made.exit_code == 0, made.output
    rows = manifest(out)
    assert set(DIRECTORS) <= set(rows)
    for director, row in rows.items():
        assert pages(batch_file(out, row, "pdf")) == 2, director
    # The finance director's update keeps two of its three charts, and the manifest says so.
    # How many charts fit depends on the measures table's rows (its widths): the manifest
    # names the cut, whatever it kept.
    assert re.search(r"update\.charts \([12] of 3 charts kept\)", rows["dof"]["cuts"])
    # ... which its chart note says: no warning to shorten texts in the facts file.
    assert "to fit one page" not in made.output
    single = tmp_path / "dof.docx"
    result = cli("update", str(facts), "-d", "dof", "--pdf", "-o", str(single))
    assert result.exit_code == 0, result.output
    assert pages(single.with_suffix(".pdf")) == 2


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    [line] = [line for line in info.stdout.splitlines() if line.startswith("Pages:")]
    return int(line.split()[1])


def board_sentence(path: Path) -> str:
    text = document_text(path.read_bytes())
    # The sponsor's update says "As executive sponsor"; another director's says what the team
    # reports (reader20 #1).
    marks = ("executive sponsor", "noddwr", "The team running", "Mae tîm")
    [line] = [line for line in text.splitlines() if any(mark in line for mark in marks)]
    return line


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "en_GB",
            "an improvement in Category 2 mean response time from an average of 42.3 minutes "
            "before the change to an average of 38.4 minutes since the change,",
        ),
        ("cy_GB", "o gyfartaledd o 42.3 munud cyn y newid i gyfartaledd o 38.4 munud ers y newid,"),
    ],
)
def test_the_board_sentence_sets_level_beside_level(
    cli: Cli, tmp_path: Path, locale: str, expected: str
) -> None:
    """newuser24 #3: the chart's level since the change is 38.4, November alone 36.1."""
    facts = project(tmp_path)
    out = tmp_path / "dops.docx"
    result = cli("update", str(facts), "-d", "dops", "-l", locale, "-o", str(out))
    assert result.exit_code == 0, result.output
    sentence = board_sentence(out)
    assert expected in sentence
    assert "36.1" not in sentence


def test_a_level_that_settled_after_the_change_is_said_from_where_it_settled(
    cli: Cli, tmp_path: Path
) -> None:
    """The audit's limits are recalculated from April 2026, where it settled: 91.1% since then."""
    facts = project(tmp_path)
    out = tmp_path / "dpn.docx"
    result = cli("update", str(facts), "-d", "dpn", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (
        "cleanliness audit from an average of 66.8% before the change to an average of 91.1% "
        "since April 2026," in board_sentence(out)
    )
