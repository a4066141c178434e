"""newuser39 #8: the update's countdown names the rule it counts toward, with the right number.

July 2026's update for the stroke ESD project said of the agency shifts (120 in July, a baseline
of 119 a month): "4 more months better than the baseline could show one". Only 4 months at the
target (60) would have shown a change; 4 months just better than the baseline would not, and a
shift needs 7 in a row (the chart is an XmR chart by then). The count is now of months each
better than the baseline, and the sentence says it is a shift. The lead's own files are in
tests/data/newuser39, run through the real command and read back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser39"
AGENCY = "Agency nursing shifts on the stroke wards at Glangwili and Bronglais: "


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.xlsx", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def update(folder: Path, period: str, *, locale: str = "en_GB", log: str = "figures.csv") -> str:
    out = folder / f"out{len(list(folder.glob('out*')))}"
    result = CliRunner().invoke(
        app,
        [
            "update", str(folder / "facts.yaml"), "--directors", str(folder / "team.xlsx"),
            "-d", "don", "--period", period, "--measures", str(folder / log),
            "--today", "2027-06-01", "--locale", locale, "--out", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def test_julys_countdown_is_a_shift_of_months_better_than_the_baseline(project: Path) -> None:
    text = update(project, "2026-07")
    # fixread31a #1: the words name the average they count against, 119 (December 2025 to
    # April 2026: 121, 126, 112, 119, 117), beside the table's baseline of 118. July's 120 is
    # above it, so the run starts afresh: 7 more.
    assert (
        AGENCY + "no change can be told apart from normal variation yet; 7 more months in a row "
        "below 119 shifts, the average before the change, could show one (a shift)."
    ) in text
    assert "4 more months" not in text
    welsh = update(project, "2026-07", locale="cy_GB")
    assert (
        "gallai 7 mis arall yn olynol yn is na 119 sifft, y cyfartaledd cyn y newid, ddangos "
        "newid (symudiad)" in welsh
    )
    assert "4 mis arall" not in welsh


def test_the_promise_comes_true_with_months_only_just_better(project: Path) -> None:
    # July's 8 months, then months of 118 shifts (the baseline is 119): after 6 the chart
    # shows no change yet, after 7 it does.
    lines = (project / "figures.csv").read_text(encoding="utf-8").splitlines()[:9]
    months = ["2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02"]
    for count in (6, 7):
        added = [f"{m},371,18,118" for m in months[:count]]
        name = f"log{count}.csv"
        (project / name).write_text("\n".join(lines + added) + "\n", encoding="utf-8")
        text = update(project, months[count - 1], log=name)
        row = text[text.index(AGENCY) :][:300]
        if count == 6:
            assert "1 more month in a row below 119 shifts, the average before" in row, row
        else:
            assert "no change can be told apart" not in row, row
            assert AGENCY + "9 shifts fewer between May 2026 and February 2027" in row, row
