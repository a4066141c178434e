"""What newuser26 found in the money of a brief written beside a progress log, and in updates.

newuser26's community trust ran district nursing e-scheduling with a progress
log (a BI export) and wrote briefs and monthly updates from it. Each test runs
the command line as the lead did and reads back the document's text.

#1: the finance director's note said "cash for the financial plan: £416,000 a
year (130 fewer shifts a month)", the plan's figure, beside "not paid back"
on the years the log delivered, and offered "Recurrent savings to count in the
financial plan". The note now says the plan as the plan, and what the log's
rate gives.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

PROJECT = Path(__file__).parent / "data" / "fixnew26"
TODAY = dt.date(2026, 12, 6)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command writes on 6 December 2026, the day newuser26 ran the trial."""
    pin_today(monkeypatch, TODAY)


def project(folder: Path) -> Path:
    for name in ("facts.yaml", "log.xlsx", "team.xlsx"):
        shutil.copy(PROJECT / name, folder / name)
    return folder / "facts.yaml"


def project_showing_the_change(folder: Path) -> Path:
    """The project with November's agency shifts logged (230, where the export had n/a).

    Since newuser36 #1 a trend counts only its points from the change on: June, July,
    September and October (August lost) make 4 falling figures where a trend needs 5, and
    May's 300 before the change no longer makes them one. With November the log shows the
    change from June on, which is what these tests are about: the plan said as the plan,
    beside the rate the log shows.
    """
    import openpyxl

    facts = project(folder)
    book = openpyxl.load_workbook(folder / "log.xlsx")
    sheet = book.active
    assert sheet is not None
    [row] = [row for row in sheet.iter_rows() if row[0].value == "Nov-26"]
    assert row[2].value == "n/a"
    row[2].value = 230
    book.save(folder / "log.xlsx")
    return facts


def brief(cli: Cli, folder: Path, director: str, *extra: str) -> str:
    facts = project_showing_the_change(folder)
    out = folder / f"{director}.docx"
    result = cli(
        "brief", str(facts), "-d", director, "--directors", str(folder / "team.xlsx"),
        "-o", str(out), *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


def test_the_finance_note_gives_the_plan_as_the_plan_and_the_logs_rate(
    cli: Cli, tmp_path: Path
) -> None:
    text = brief(cli, tmp_path, "dof")
    assert "cash for the financial plan: £416,000" not in text
    # Against the baseline of 310: 279 fewer shifts over the 5 months logged since the
    # change (June, July, September, October and November; August lost) at £266.81:
    # £74,440, £14,888 a month, £179,000 a year: the rate the years below are forecast at.
    assert (
        "cash in the plan: £416,000 a year (130 fewer shifts a month); so far, at the "
        "log's rate, £179,000 a year." in text
    ), text
    # With November's figure the log shows the change, and its cash alone does not repay
    # the funding within the project. (The cash it shows recurs, so "Recurrent savings to
    # count in the financial plan" is offered, as it was not when the log showed no change.)
    assert "Payback from the cash alone: not within the project" in text


def test_the_welsh_finance_note_says_the_same(cli: Cli, tmp_path: Path) -> None:
    text = brief(cli, tmp_path, "dof", "--locale", "cy_GB")
    assert "arian parod i'r cynllun ariannol: £416,000" not in text
    assert "arian parod yn y cynllun: £416,000 y flwyddyn" in text, text
    assert "hyd yma, ar gyfradd y cofnod cynnydd, £179,000 y flwyddyn" in text


def test_the_batch_and_the_preview_say_it_too(cli: Cli, tmp_path: Path) -> None:
    facts = project_showing_the_change(tmp_path)
    result = cli(
        "batch", str(facts), "--directors", str(tmp_path / "team.xlsx"), "--only", "dof",
        "--out", str(tmp_path / "pack"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [made] = (tmp_path / "pack").glob("*.docx")
    text = " ".join(document_text(made.read_bytes()).split())
    assert "so far, at the log's rate, £179,000 a year." in text, text
    assert "cash for the financial plan" not in text
    shown = cli("preview", str(facts), "-d", "dof", "--directors", str(tmp_path / "team.xlsx"))
    assert shown.exit_code == 0, shown.output
    seen = " ".join(shown.stdout.split())
    assert "cash in the plan: £416,000 a year" in seen


# #4: the lead's headline for September, "missed visits well down", sat above "no change
# from baseline can be told apart yet" without a word from pitchkit.

SUMMARY_LINE = 126  # facts.yaml: the September entry's summary


def test_check_flags_a_headline_the_figures_do_not_show(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    lines = facts.read_text(encoding="utf-8").splitlines()
    assert "missed visits well down" in lines[SUMMARY_LINE - 1]
    result = cli("check", str(facts), "-d", "don", "--directors", str(tmp_path / "team.xlsx"))
    said = " ".join(result.stdout.split())
    assert (
        "headline-unsupported: The headline for September 2026 claims a change in 'Planned "
        "district nursing visits missed or deferred for lack of capacity' that its figures do "
        "not show yet." in said
    ), said
    assert f"facts.yaml:{SUMMARY_LINE}:14" in said
    assert "The summary says 'down'" in said
    # November's headline claims nothing the charts disprove. October's "agency shifts
    # falling" is flagged too since newuser36 #1: from the change in June the shifts make 4
    # falling figures (296, 270, 244, 231), where a trend needs 5; May's 300 before the
    # change no longer makes it one.
    assert said.count("headline-unsupported") == 2
    assert "The headline for October 2026 claims a change in 'Agency and bank" in said
    # The lead's words are printed as written.
    assert "missed visits well down" in facts.read_text(encoding="utf-8")


def test_check_in_welsh_flags_it_too(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    result = cli(
        "check", str(facts), "-d", "don", "--directors", str(tmp_path / "team.xlsx"),
        "--locale", "cy_GB",
    )  # fmt: skip
    said = " ".join(result.stdout.split())
    assert "Mae'r prif bwynt ar gyfer Medi 2026 yn hawlio newid" in said, said


def test_update_warns_of_its_own_periods_headline(cli: Cli, tmp_path: Path) -> None:
    facts = project(tmp_path)
    team = str(tmp_path / "team.xlsx")
    out = tmp_path / "u.docx"
    result = cli("update", str(facts), "-d", "don", "--directors", team, "-o", str(out),
                 "--period", "2026-09")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"facts.yaml:{SUMMARY_LINE}:14: The headline for September 2026 claims" in " ".join(
        result.stderr.split()
    ), result.stderr
    text = " ".join(document_text(out.read_bytes()).split())
    assert "missed visits well down" in text
    later = cli("update", str(facts), "-d", "don", "--directors", team,
                "-o", str(tmp_path / "n.docx"), "--period", "2026-11")  # fmt: skip
    assert later.exit_code == 0, later.output
    assert "claims a change" not in later.stderr
