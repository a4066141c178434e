"""Every note reads the progress log named by ``measures:`` as ``update`` does (newuser11 #1).

The hysteroscopy project of newuser11's trial (``tests/data/newuser11/hys``)
names its 20-month log at the top of its facts file (``measures: log.xlsx``).
Its weekend lists ran 3 to 4 a month before and after the change (no cash
shown), and its day cases fell from about 75 to 30 a month from January 2026.
The brief ignored the log: it counted the closed year 2025/26 at the plan's
rate (£120,000) and offered the weekend lists' £99,000 as "cash for the
financial plan", where the log gives £30,000 and none of the cash. By hand:
January to March 2026, 187 day cases against 3 × 75.56 is 39.7 fewer × £749
= £29,700, shown £30,000; the weekend lists are at their baseline.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief
from pitchkit.api.batch import BatchRequest, write_batch
from pitchkit.api.plan import CheckRequest, check
from pitchkit.api.previewing import PreviewRequest, preview
from pitchkit.cli import app
from pitchkit.notes.preview import plain_preview

HYS = Path(__file__).resolve().parent / "data" / "newuser11" / "hys"
TODAY = dt.date(2026, 12, 5)

#: What the log shows, in the finance director's block.
LOGGED_CASH = (
    "At 2026/27 prices, the plan counts £99,000 a year of cash (30 fewer lists a year), "
    "but the progress log shows none of it so far."
)
# fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
LOGGED_YEAR = "2025/26 £30,000 delivered against £21,000"
LOGGED_PAYBACK = "payback 8.6 months on the benefit delivered and forecast"
#: What the plan alone gave, which the log contradicts.
PLAN_ONLY = ("cash for the financial plan: £99,000", "2025/26 £120,000", "payback 4 months")


def without_measures_line(tmp: Path) -> Path:
    """The facts with no ``measures:`` line, beside a copy of the log."""
    text = (HYS / "facts.yaml").read_text(encoding="utf-8")
    assert text.startswith("measures: log.xlsx\n")
    path = tmp / "facts.yaml"
    path.write_text(text.removeprefix("measures: log.xlsx\n"), encoding="utf-8")
    shutil.copy(HYS / "log.csv", tmp / "figures.csv")
    return path


def preview_text(facts: Path, director: str, **asked: object) -> str:
    request = PreviewRequest(facts=facts, director=director, today=TODAY, **asked)  # type: ignore[arg-type]
    result = preview(request)
    return " ".join(plain_preview(result.preview, result.lang).split())


def test_preview_reads_the_log_the_facts_file_names() -> None:
    text = preview_text(HYS / "facts.yaml", "dof")
    assert LOGGED_CASH in text
    assert LOGGED_YEAR in text
    assert LOGGED_PAYBACK in text
    for plan in PLAN_ONLY:
        assert plan not in text
    # The log contradicts the only cash: no recurrent savings are offered for it.
    assert "Recurrent savings to count in the financial plan" not in text


def test_preview_takes_measures_as_update_does(tmp_path: Path) -> None:
    facts = without_measures_line(tmp_path)
    alone = preview_text(facts, "dof")
    assert "2025/26 £120,000" in alone  # the plan's rate, with no log
    text = preview_text(facts, "dof", measures=tmp_path / "figures.csv")
    assert LOGGED_CASH in text
    assert LOGGED_YEAR in text


def test_every_other_director_gets_the_logs_payback() -> None:
    text = preview_text(HYS / "facts.yaml", "coo")
    assert "payback in 22 months from the cash alone" not in text
    assert "not paid back from the cash alone within the project, at the rate delivered" in text


def test_brief_and_its_welsh_read_the_log(tmp_path: Path) -> None:
    request = BriefRequest(facts=HYS / "facts.yaml", director="dof", out=tmp_path, today=TODAY)
    [path] = write_brief(request).written
    text = " ".join(docx_text(path).split())
    assert LOGGED_CASH in text
    assert LOGGED_YEAR in text
    welsh = BriefRequest(
        facts=HYS / "facts.yaml",
        director="dof",
        out=tmp_path / "cy",
        locale="cy_GB",
        today=TODAY,
    )
    [path] = write_brief(welsh).written
    text = " ".join(docx_text(path).split())
    assert "mae'r cynllun yn cyfrif £99,000 y flwyddyn o arian parod" in text
    assert "2025/26 £30,000 a gyflawnwyd yn erbyn £21,000" in text
    bilingual = BriefRequest(
        facts=HYS / "facts.yaml", director="dof", out=tmp_path / "both", bilingual=True, today=TODAY
    )
    [path] = write_brief(bilingual).written
    text = " ".join(docx_text(path).split())
    assert "2025/26 £30,000 a gyflawnwyd yn erbyn £21,000" in text
    assert LOGGED_YEAR in text


def test_batch_briefs_read_the_log(tmp_path: Path) -> None:
    facts = without_measures_line(tmp_path)
    request = BatchRequest(
        facts=facts,
        out=tmp_path / "notes",
        only=("dof",),
        measures=tmp_path / "figures.csv",
        today=TODAY,
        jobs=1,
    )
    write_batch(request)
    [path] = (tmp_path / "notes").glob("*.docx")
    text = " ".join(docx_text(path).split())
    assert LOGGED_CASH in text


def test_check_and_the_command_line_take_measures(tmp_path: Path) -> None:
    facts = without_measures_line(tmp_path)
    sheet = tmp_path / "figures.csv"
    check(CheckRequest(facts=facts, director="dof", measures=sheet, today=TODAY))
    # A log that names a measure the project does not have is refused by every command.
    bad = tmp_path / "bad.csv"
    bad.write_text("period,measure,value\n2026-04,day-casez,30\n", encoding="utf-8")
    runner = CliRunner()
    for command in (
        ["check", str(facts), "--measures", str(bad)],
        ["preview", str(facts), "--measures", str(bad)],
        ["brief", str(facts), "--measures", str(bad), "-o", str(tmp_path / "b")],
    ):
        result = runner.invoke(app, command)
        assert result.exit_code == 1, command
        assert "bad.csv:row 2" in result.stderr, command
    result = runner.invoke(
        app, ["brief", str(facts), "-d", "dof", "--measures", str(sheet), "-o", str(tmp_path / "b")]
    )
    assert result.exit_code == 0, result.stderr
