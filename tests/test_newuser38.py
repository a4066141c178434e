"""newuser38: a pharmacy lead's discharge medicines project, what its updates say.

The lead's own files (tests/data/newuser38: the facts, the team sheet Excel exported, and a
year of figures, July 2026 to June 2027, with the change in January 2027) are run through
the real command (typer's CliRunner) and the documents read back as a director reads them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data" / "newuser38"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, " ".join((result.output + result.stderr).split())


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("facts.yaml", "team.csv", "figures.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    lines = (tmp_path / "figures.csv").read_text(encoding="utf-8-sig").splitlines()
    # The log as it stood in March: to February 2027 only.
    (tmp_path / "to-feb.csv").write_text("\n".join(lines[:9]) + "\n", encoding="utf-8")
    # The lead's typo: June's bed days lost typed 1,900 for 190.
    typo = [line.replace("Jun-27,190,", "Jun-27,1900,") for line in lines]
    (tmp_path / "typo.csv").write_text("\n".join(typo) + "\n", encoding="utf-8")
    return tmp_path


def update(folder: Path, director: str, period: str, today: str, log: str = "figures.csv") -> str:
    """The text of the update ``director`` gets for ``period``, run on ``today``."""
    out = folder / f"out{len(list(folder.glob('out*')))}"  # a fresh folder for each note
    facts, team = str(folder / "facts.yaml"), str(folder / "team.csv")
    code, shown = run(
        "update", facts, "--directors", team, "-d", director, "--period", period,
        "--measures", str(folder / log), "--today", today, "--out", str(out),
    )  # fmt: skip
    assert code == 0, shown
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


# --- item 2: an update for a period reads the log only up to that period ----------------------


def test_februarys_update_says_the_same_whenever_it_is_run(project: Path) -> None:
    # Run in July with the log to June, February's update counted June's six figures since
    # the change (at the XmR chart's "7 in a row") and left its money block out; the same
    # update run in March said something else.
    july = update(project, "cfo", "2027-02", "2027-07-10")
    march = update(project, "cfo", "2027-02", "2027-03-05", log="to-feb.csv")
    assert july == march
    assert "6 figures since the change" not in july
    # The countdown says what it counts: the months from February on, to the one that could
    # show the change, on the run chart the page's method line describes. Since fixread31a #1
    # it names the average it counts against: July to December 2026's agency technician shifts,
    # (62 + 66 + 60 + 67 + 63 + 65) / 6 = 63.8, beside the table's baseline of 64.
    assert (
        "too early to count so far: 2 figures since the change, where a run chart needs 6 in a "
        "row to show a shift; counting on from February 2027, 6 more months (to August 2027) "
        "below 63.8 shifts, the average before the change, could show one."
    ) in july
    # The money block: the rest of 2026/27 counted from February's end, not from July.
    assert (
        "2026/27 £81,000 forecast against £35,000 (nothing counted to the end of February "
        "2027, as the log's figures do not yet show the change; the plan's full rate for the "
        "rest of the year)"
    ) in july
    assert "£104,000 for 2027/28" not in july


# --- item 9: a trend of noise before the change and the change's months is no signal ---------


def test_a_fall_only_since_the_change_is_not_said_to_have_begun_before_it(project: Path) -> None:
    # July to December were flat (4.5, 4.8, 4.4, 4.7, 4.6, 4.5 hours) and only January and
    # February fell (3.9, 3.1): October to December's wobble plus the change's two months made
    # a "trend of 5 months falling (falling since before the change began …)".
    text = update(project, "cfo", "2027-02", "2027-03-05", log="to-feb.csv")
    assert "since before the change" not in text
    assert (
        # The row's icon is common cause, not the purple "special cause" beside "no change yet
        # beyond normal variation".
        "Median time from discharge prescription written to medicines ready on the ward"
        "[picture: Latest point: common cause variation.] | 4.6 hours | 2.0 hours | "
        "3.1 hours (February 2027) | no change yet beyond normal variation | below every "
        "figure before the change; no signal yet"
    ) in text
    assert (
        "No signal yet: since the change in January 2027, 2 months falling, where a trend needs 5."
    ) in text


# --- item 8: the update's money says its prices --------------------------------------------


def test_junes_money_says_2026_27_is_at_2027_28_prices(project: Path) -> None:
    text = update(project, "cfo", "2027-06", "2027-07-10")
    # fixbrief29: years re-add at a finer step; 136 bed days x £437.49 = £59,498.64.
    assert "2026/27 £59,500 delivered against £35,000" in text
    assert "All the money here is at 2027/28 prices, 2026/27's included." in text


# --- item 10 (fixed on main, 70c8852e): a signal that ended before the latest figure ---------


def test_a_typo_in_june_is_the_news_not_a_signal_said_as_now(project: Path) -> None:
    text = update(project, "coo", "2027-06", "2027-07-10", log="typo.csv")
    assert (
        "Bed days lost to patients waiting for discharge medicines: below the chart's lower "
        "limit (February to May 2027), but not in June 2027 (its 1,900 is far outside every "
        "other figure: check it)"
    ) in text
    assert "discharge medicines: a figure now below the chart's lower limit" not in text
