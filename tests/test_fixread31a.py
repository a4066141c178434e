"""fixread31a: what a director reading the progress updates found (session 31).

Each test writes an update as the director read it (the stroke project's, tests/data/newuser39;
the crisis house's, tests/data/fixnew35; the bundled frailty example's) and reads its text back.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from crisiscase import copy_project, update
from documenttext import document_text
from pitchkit.cli import app

DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "frailty-virtual-ward"
AGENCY = "Agency nursing shifts on the stroke wards at Glangwili and Bronglais: "


def _stroke(folder: Path, period: str, *, locale: str = "en_GB") -> str:
    for name in ("facts.yaml", "team.xlsx", "figures.csv"):
        shutil.copy(DATA / "newuser39" / name, folder / name)
    out = folder / f"out-{period}-{locale}"
    result = CliRunner().invoke(
        app,
        [
            "update", str(folder / "facts.yaml"), "--directors", str(folder / "team.xlsx"),
            "-d", "dof", "--period", period, "--today", "2026-12-07", "--locale", locale,
            "--out", str(out),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    return " ".join(document_text(written.read_bytes()).split())


def test_the_countdown_names_the_average_it_counts_against(tmp_path: Path) -> None:
    # #1: "3 more months in a row better than the baseline" counted against the log's average
    # before the change, 119 shifts ((121 + 126 + 112 + 119 + 117) / 5, December 2025 to April
    # 2026), beside a table whose baseline is the facts' 118. August to November (109, 118,
    # 114, 116) are 4 in a row below 119, so 3 more make the XmR chart's shift of 7.
    text = _stroke(tmp_path, "2026-11")
    assert "| 118 shifts a month |" in text
    assert (
        AGENCY + "no change can be told apart from normal variation yet; 3 more months in a row "
        "below 119 shifts, the average before the change, could show one (a shift)."
    ) in text
    assert "better than the baseline could show" not in text
    # August's count of the figures so far names it too (a run chart of 9 points).
    august = _stroke(tmp_path, "2026-08")
    assert (
        "too early to count so far: 4 figures since the change, where a run chart needs 6 in a "
        "row to show a shift; counting on from August 2026, 6 more months (to February 2027) "
        "below 119 shifts, the average before the change, could show one."
    ) in august
    welsh = _stroke(tmp_path, "2026-11", locale="cy_GB")
    assert (
        "gallai 3 mis arall yn olynol yn is na 119 sifft, y cyfartaledd cyn y newid, ddangos "
        "newid (symudiad)"
    ) in welsh


def test_a_countdown_against_the_facts_baseline_still_says_the_baseline(tmp_path: Path) -> None:
    # The frailty example's June 2027: 99.4 admissions (January to May 2027) is the log's
    # average, named; a chart with no baseline of its own counts against the facts' baseline,
    # which the table shows, and keeps "better than the baseline".
    facts = tmp_path / "facts.yaml"
    shutil.copy(EXAMPLE / "facts.yaml", facts)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["update", str(facts), "-d", "dof", "-p", "2027-06", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.docx")
    text = " ".join(document_text(written.read_bytes()).split())
    assert (
        "so no money is counted yet; 6 more months below 99.4 admissions, the average before "
        "the change, could show one."
    ) in text


def test_only_the_unit_costs_a_figure_uses_and_the_row_leads_with_agency_spend(
    tmp_path: Path,
) -> None:
    # #2: nothing is counted for the agency shifts, in any year the money line gives, so their
    # £296 a shift prices no figure on the page; the bed days' £412 prices the £203,900.
    text = _stroke(tmp_path, "2026-11")
    costs = text[text.index("Unit costs used: ") :]
    assert costs.startswith("Unit costs used: £412 per bed day at 2024/25 prices"), costs
    assert "£296" not in text
    # The row leads with the director's own measure of agency shifts (one step), then the
    # savings plan (two).
    assert (
        "Reduce agency spend to 3.3% of the pay bill; deliver the £32m savings plan in 2026/27 | "
        + AGENCY
    ) in text
    # The crisis house's agency row gives the plan's £842,000 a year (2,160 shifts x £389.96),
    # so its £380 a shift is still listed.
    crisis = update(copy_project(tmp_path), "dof", "2026-11")
    assert "none of the £842,000 a year in the plan is forecast" in crisis
    assert "£380 per shift at 2025/26 prices (£389.96 at 2026/27)" in crisis
    # It leads with agency spend too; the CIP, named by the out-of-area row above, is pointed
    # to by its place down the column (fixnu40, newuser40 #2: each objective once; pinsD).
    assert (
        "Cut agency spend to 3.2% of the pay bill, and the second objective above Registered "
        "nurse agency shifts"
    ) in crisis


def test_the_crisis_update_says_the_net_and_each_objective_once(tmp_path: Path) -> None:
    # #3: "£399,000" was in the out-of-area row, again in the spend's row and again in the
    # board text, and the board text named the out-of-area objective twice.
    text = update(copy_project(tmp_path), "dof", "2026-11")
    table = text[text.index("Your objective Delivered so far") : text.index("Money so far")]
    assert table.count("£399,000") == 1
    assert "£399,000 net of the extra spend so far (4.2% of your £9.5m target)" in table
    # The spend's row gives the spend, and the capacity that does not net it.
    assert (
        "adding £328,000 to spend at 2026/27 prices. The £164,000 of capacity the project has "
        "freed becomes money only when it is taken out."
    ) in table
    board = text[text.index("For your board report") : text.index("Where we need your help")]
    assert board.count("bring out-of-area placement spend within the £2m budget") == 1
    assert board.count("£399,000") == 1
    assert (
        "It has also delivered 346 fewer bed days of adult acute inpatients clinically ready for "
        "discharge (worth £164,000 in capacity at 2026/27 prices) between April and November "
        "2026. It has also meant"
    ) in board


def test_the_next_update_says_when_and_what(tmp_path: Path) -> None:
    # #4: "Next update: the update for December 2026" said neither when nor anything new.
    text = _stroke(tmp_path, "2026-11")
    assert "Next update | early January 2027, covering December 2026" in text
    assert "the update for" not in text
    welsh = _stroke(tmp_path, "2026-11", locale="cy_GB")
    assert "dechrau mis Ionawr 2027, ar gyfer Rhagfyr 2026" in welsh
    # A June draft written in December: early July's update has long been due.
    june = _stroke(tmp_path, "2026-06")
    assert "Next update | covering July 2026, due now" in june
