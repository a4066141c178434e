"""Updates that claim only what their figures show (newuser35).

A mental health trust's crisis house: out-of-area bed days fell from 605 in April 2026 to
372 in November; agency shifts only vary. The facts, figures and team sheet are the
trial's own (tests/data/fixnew35); ``fig-typo.csv`` is the same log with November's
out-of-area figure typed ten times too big (3720 for 372). Each test writes the update as
the user did and reads its text back.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from docchecks import docx_text
from pitchkit.api import UpdateRequest, write_update
from pitchkit.cli import app

DATA = Path(__file__).parent / "data" / "fixnew35"
#: The day the trial was run.
TODAY = dt.date(2026, 12, 6)


def copy_project(folder: Path, figures: str = "figures.csv") -> Path:
    """The trial's files copied into ``folder``, reading ``figures``; its facts file."""
    for name in ("team.csv", "figures.csv", "fig-typo.csv"):
        shutil.copy(DATA / name, folder / name)
    facts = (DATA / "facts.yaml").read_text(encoding="utf-8")
    (folder / "facts.yaml").write_text(
        facts.replace("measures: figures.csv", f"measures: {figures}"), encoding="utf-8"
    )
    return folder / "facts.yaml"


def update(facts: Path, director: str, period: str) -> str:
    """The update's text, its lines joined with single spaces."""
    request = UpdateRequest(
        facts=facts,
        director=director,
        period=period,
        out=facts.parent / f"out-{director}-{period}",
        directors=facts.parent / "team.csv",
        today=TODAY,
    )
    [path] = write_update(request).written
    return " ".join(docx_text(path).split())


def since_lines(text: str) -> str:
    """The "Since the last update" lines of an update's text."""
    start = text.index("Since the last update")
    return text[start : text.index("Progress on each measure", start)]


# ------------------------------------------------- 1. a figure typed ten times too big


@pytest.fixture
def typo(tmp_path: Path) -> Path:
    return copy_project(tmp_path, "fig-typo.csv")


def test_a_run_the_latest_figure_broke_is_not_said_to_run_now(typo: Path) -> None:
    since = since_lines(update(typo, "dof", "2026-11"))
    # Page 1 said "now below the baseline for 7 months running, so we count the reduction
    # as delivered" while the table said worsening and the money 2,206 bed days more.
    assert "adult acute: now below the baseline" not in since
    assert (
        "Inappropriate out-of-area placement bed days, adult acute: below the baseline for "
        "7 months running, April to October 2026, but not in November 2026 (its 3,720 is far "
        "outside every other figure: check it), so no reduction is counted, as the figures "
        "since the change add up to more than the baseline."
    ) in since


def test_the_log_as_typed_still_says_the_fall_is_delivered(tmp_path: Path) -> None:
    since = since_lines(update(copy_project(tmp_path), "dof", "2026-11"))
    assert (
        "Inappropriate out-of-area placement bed days, adult acute: now below the baseline for "
        "8 months running, so we count the reduction as delivered."
    ) in since
    assert "check it" not in since


# ---------------------------------------- 2. a difference within normal variation is not "worse"


def test_a_difference_within_normal_variation_is_not_called_worse(tmp_path: Path) -> None:
    text = update(copy_project(tmp_path), "dof", "2026-11")
    # "worse than the baseline (23 shifts more)" beside a table row saying "within normal
    # variation": the 23 is 3,863 shifts against 3,840 over eight months, 0.6%.
    assert (
        "Registered nurse agency shifts on adult acute wards: the log's figures to the end of "
        "November 2026 show no change from the baseline beyond normal variation (23 shifts "
        "more over April to November 2026, 0.6%), so none of the £842,000 a year in the plan "
        "is forecast."
    ) in text
    assert "worse than the baseline (23 shifts more)" not in text


# ------------------------------------------------------------------- 4. small wording points


def test_a_target_first_met_between_updates_is_not_met_again(tmp_path: Path) -> None:
    since = since_lines(update(copy_project(tmp_path), "dof", "2026-11"))
    # At the last update (May) crisis nights were 118 against 200; 205 in July, and each
    # month since: "met the target again" told the sponsor of a meeting they never saw.
    assert "met the target again" not in since
    assert "at the target since July 2026 (270 nights in November 2026)" in since
    # reader25 #13: "now meets the target, met since July 2026" said it twice.
    assert "now meets the target" not in since


def test_a_later_year_names_the_months_its_rate_averages(tmp_path: Path) -> None:
    text = update(copy_project(tmp_path), "dof", "2026-11")
    assert "at the rate the log shows in the year under way" not in text
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead; the
    # year under way says its months ("delivered to the end of November 2026, then … at the
    # average so far", the project having started in April) and the next year refers back to
    # that average rather than naming April to November 2026 again.
    # fixbrief29 (reader28 #10): the years to £100, adding up to their unrounded total.
    assert (
        "2026/27 £844,400 forecast against £320,000 (£562,900 delivered to the end of "
        "November 2026, then £281,500 at the average so far, about £70,000 a month"
    ) in text
    assert "2027/28 £422,200 forecast against £160,000 (at the same average)" in text


def test_a_baseline_with_misplaced_commas_is_said_so_with_what_it_meant(tmp_path: Path) -> None:
    for name in ("team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    shutil.copy(DATA / "f-base.yaml", tmp_path / "facts.yaml")
    result = CliRunner().invoke(
        app, ["check", str(tmp_path / "facts.yaml"), "--directors", str(tmp_path / "team.csv")]
    )
    assert result.exit_code != 0
    said = " ".join(result.output.split())
    assert "without units or words" not in said
    assert (
        "impacts[0].baseline: '7,4000' has its commas in the wrong places (they go between "
        "groups of three digits): did you mean 7400 or 74000? Write it with no commas"
    ) in said


# -------------------------------------- 1a. a figure far outside the rest, named where it is


@pytest.mark.parametrize("command", ["check", "update"])
def test_a_figure_ten_times_too_big_is_named_at_its_row_and_column(
    typo: Path, command: str
) -> None:
    args = [command, str(typo), "--directors", str(typo.parent / "team.csv")]
    if command == "update":
        args += ["-d", "dof", "--period", "2026-11", "--out", str(typo.parent / "out")]
    said = " ".join(CliRunner().invoke(app, args).output.split())
    assert (
        "fig-typo.csv:row 13: column oap-bed-days: 3,720 for oap-bed-days in November 2026 is "
        "more than 3 times the largest of its other figures, baseline and target (640): a typo?"
    ) in said


# ------------------------------------------- 3. a confirmed link the brief left out for space


def test_a_confirmed_objective_names_the_measure_that_delivers_toward_it(tmp_path: Path) -> None:
    text = update(copy_project(tmp_path), "dof", "2026-11")
    # The lead confirmed oap-bed-days for dof.cost-improvement, but the CIP row showed only
    # agency shifts, which deliver nothing: the £727,000 sat under the £2m-budget row alone.
    assert (
        # Each objective once down the column (newuser40 #2): the £2m budget, named by the
        # row above (bed days ready for discharge), is "the objective above".
        "Deliver the £9.5m cost improvement programme for 2026/27, and the objective above "
        "Inappropriate out-of-area placement bed days, adult acute: 1,142 bed days fewer than "
        "at the baseline rate, April to November 2026, worth "
        # The team sheet's "Deliver the £9.5m cost improvement programme" is read as a £9.5m
        # target since session 26, but the crisis house adds spend, so the share is of the net
        # cash (fixmoney27, reader27 #2; tests/test_team_cash_target.py).
        "£727,000 at 2026/27 prices; £399,000 net of the extra spend so far (4.2% of your "
        "£9.5m target)."
    ) in text
    # The agency shifts' row names only the objective not yet named, and points to the CIP
    # by its place down the column.
    assert (
        "Cut agency spend to 3.2% of the pay bill, and the second objective above Registered "
        "nurse agency shifts" in text
    )


# ----------------------------------------------------- 3. a delivered row is never split


def test_each_delivered_row_is_kept_whole_on_its_page(tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    request = UpdateRequest(
        facts=copy_project(tmp_path),
        director="dof",
        period="2026-11",
        out=tmp_path / "out",
        directors=tmp_path / "team.csv",
        today=TODAY,
    )
    [path] = write_update(request).written
    document = docx.Document(str(path))
    [table] = [t for t in document.tables if t.rows[0].cells[0].text == "Your objective"]
    # "taken out)." was left alone on page 2: the crisis-nights row broke across the page.
    for row in table.rows:
        assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None, row.cells[1].text


def test_the_chart_note_names_a_wild_figure_in_its_mean_and_limits(typo: Path) -> None:
    text = update(typo, "dof", "2026-11")
    # The "shift of 7 months below the mean" is there only because 3,720 lifts the mean.
    assert (
        "November 2026's 3,720 is far outside every other figure: it is in the mean and limits "
        "as it stands, so check it before reading the signals."
    ) in text
