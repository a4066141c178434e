"""``--today`` on every command that reads the day: batch, preview and check agree with update.

A lead rehearsing the frailty project's closing update before April 2028
gives ``--today 2028-04-06``; the batch of updates, the preview and the
check must then read the same day as ``pitchkit update`` does, or the batch
leaves out the money against the funding that the single update shows.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.cli import app

FRAILTY = (
    Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward" / "facts.yaml"
)
MONEY = "Benefit against £250,000 of funding"


def _run(*words: str) -> str:
    result = CliRunner().invoke(app, list(words), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_a_batch_of_updates_rehearsed_before_the_day_reads_the_day_given(tmp_path: Path) -> None:
    out = tmp_path / "notes"
    batch = ["batch", str(FRAILTY), "--kind", "update", "-p", "2028-03", "--only", "dof"]
    _run(*batch, "--out", str(out), "--today", "2028-04-06")
    [note] = sorted(out.glob("*.docx"))
    assert MONEY in " ".join(docx_text(note).split())
    # Without it the same batch, written on the real day (before April 2028), cannot know
    # 2027/28 was over: the money against the funding is left out, as it was for update.
    early = tmp_path / "early"
    _run(*batch, "--out", str(early), "--today", "2027-06-01")
    [note] = sorted(early.glob("*.docx"))
    assert MONEY not in " ".join(docx_text(note).split())


def test_preview_and_check_take_the_day_too() -> None:
    shown = _run(
        "preview",
        str(FRAILTY),
        "-d",
        "dof",
        "--kind",
        "update",
        "-p",
        "2028-03",
        "--today",
        "2028-04-06",
    )
    assert MONEY in " ".join(shown.split())
    found = json.loads(_run("check", str(FRAILTY), "-d", "dof", "--json", "--today", "2028-04-06"))
    assert isinstance(found, dict)


def test_a_bad_day_is_a_usage_error_for_batch_preview_and_check(tmp_path: Path) -> None:
    for words in (
        ["batch", str(FRAILTY), "--out", str(tmp_path / "notes")],
        ["preview", str(FRAILTY), "-d", "dof"],
        ["check", str(FRAILTY), "-d", "dof"],
    ):
        wrong = CliRunner().invoke(app, [*words, "--today", "6/4/2028"], env={"COLUMNS": "200"})
        assert wrong.exit_code == 2, words
        assert "give the day as YYYY-MM-DD" in wrong.output
    assert not (tmp_path / "notes").exists()
