"""Money and progress updates as a finance director would check them (acceptance trial 5).

Two projects a new user wrote (``tests/data/trial5``): community orthotics,
logged by quarter from 2023-Q3 with no entry for 2025-Q1, its team on a
spreadsheet (objectives there never carry a ``target:``); and a discharge
lounge, logged by month from September 2025 with no entry for May 2026.
Each test writes a note through the API a command runs, on a fixed day,
reads the document back and checks one figure or sentence by hand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.api import BriefRequest, UpdateRequest, write_brief, write_update

TRIAL = Path(__file__).resolve().parent / "data" / "trial5"
ORTHOTICS = TRIAL / "orthotics.yaml"
TEAM = TRIAL / "orthotics-team.xlsx"
LOUNGE = TRIAL / "lounge.yaml"
#: A note written in December 2026: 2024/25 and 2025/26 are closed, 2026/27 is under way.
TODAY = dt.date(2026, 12, 4)


def update_text(
    tmp: Path,
    facts: Path,
    director: str,
    period: str,
    team: Path | None = None,
    today: dt.date = TODAY,
) -> str:
    """The text of the update for ``director`` and ``period``, as the document reads."""
    request = UpdateRequest(
        facts=facts, director=director, period=period, out=tmp, directors=team, today=today
    )
    result = write_update(request)
    [path] = result.written
    return docx_text(path)


def brief_text(tmp: Path, facts: Path, director: str, team: Path | None = None) -> str:
    """The text of the briefing note for ``director``."""
    request = BriefRequest(facts=facts, director=director, out=tmp, directors=team, today=TODAY)
    [path] = write_brief(request).written
    return docx_text(path)


def line_with(text: str, words: str) -> str:
    """The one line of ``text`` that holds ``words``."""
    [found] = [line for line in text.splitlines() if words in line]
    return found


def board_line(text: str) -> str:
    """The board sentence: the sponsor's, or for another director the team's (reader20 #1)."""
    [found] = [
        line
        for line in text.splitlines()
        if line.lstrip("[").startswith(("As executive sponsor", "The team running"))
        or "update it for this period: As executive sponsor" in line
        or "update it for this period: The team running" in line
    ]
    return found


def lounge_linked_to_the_efficiency_programme(tmp: Path, *, target: bool) -> Path:
    """The lounge with its transport cancellations (cash) linked to the DoF's 2026/27 programme."""
    source = LOUNGE.read_text(encoding="utf-8")
    cash = "    releases: cash\n"
    assert source.count(cash) == 1
    source = source.replace(cash, cash + "    supports: [dof.efficiency]\n")
    if not target:
        source = source.replace(", target: {value: 18000000, unit: GBP}", "")
        assert "18000000" not in source
    path = tmp / "lounge.yaml"
    path.write_text(source, encoding="utf-8")
    return path


# 2: an objective of one financial year is credited only with what fell in that year.


def test_an_objective_from_a_team_sheet_is_credited_with_its_years_part_only(
    tmp_path: Path,
) -> None:
    # "Deliver the £6m cost improvement programme for 2026/27" (team sheet: its words alone).
    # Returned devices, £24,000 a quarter at baseline: from April 2024 to September 2026,
    # £93,000 less; in 2026/27, 2026-Q2 and Q3 at £10,000 each: 2 × £14,000 = £28,000.
    text = update_text(tmp_path, ORTHOTICS, "dof", "2026-Q3", TEAM)
    sentence = board_line(text)
    assert (
        "a reduction of £93,000 in spend on off-the-shelf orthotic devices returned unused "
        "(of which £28,000 fell in 2026/27; no figure for January to March 2025) between "
        "April 2024 and September 2026, contributing to our objective to deliver the £6m "
        "cost improvement programme for 2026/27."
    ) in sentence
    row = line_with(text, "less than at the baseline rate")
    # Since session 26 the team sheet's words "Deliver the £6m cost improvement programme"
    # make a £6m target, so the row gives the share of it its year's part makes (£28,000).
    assert row.endswith(
        "April 2024 to September 2026 (no figure for January to March 2025; 0.5% of your £6m "
        "target, counting the £28,000 of it in 2026/27)."
    )


def test_the_board_sentence_says_the_years_part_as_the_table_does(tmp_path: Path) -> None:
    # 358 cancellations fewer, January to October 2026, at £100 (2024/25's £95 restated,
    # as the brief's small print shows it): £35,800, written £36,000 as the brief rounds;
    # 293 of them from April 2026, in 2026/27: £29,300, written £29,000. With the target
    # the table gives the share of it; the sentence for the board gives the part, not the
    # whole.
    facts = lounge_linked_to_the_efficiency_programme(tmp_path, target=True)
    text = update_text(tmp_path, facts, "dof", "2026-10")
    assert "0.2% of your £18m target, counting the £29,000 of it in 2026/27" in text
    assert (
        "(worth £36,000 at 2026/27 prices, of which £29,000 fell in 2026/27; "
        "no figure for May 2026)"
    ) in board_line(text)


def test_without_a_target_the_table_gives_the_years_part(tmp_path: Path) -> None:
    facts = lounge_linked_to_the_efficiency_programme(tmp_path, target=False)
    text = update_text(tmp_path, facts, "dof", "2026-10")
    assert "worth £36,000 at 2026/27 prices (of which £29,000 fell in 2026/27)." in text
    assert "of which £29,000 fell in 2026/27; no figure for May 2026)" in board_line(text)


# 3: the charts an update's claims rest on come first.


def test_the_update_charts_the_measures_its_board_sentence_claims(tmp_path: Path) -> None:
    text = update_text(tmp_path, ORTHOTICS, "dos", "2026-Q3", TEAM)
    sentence = board_line(text)
    assert "50 fewer emergency admissions for falls" in sentence
    assert "an improvement in patients waiting more than 18 weeks" in sentence
    charts = [line.strip() for line in text.splitlines() if line.strip().endswith("(XmR chart)")]
    # fixupd28: the claimed charts come first, and with the shorter small print ("as for the
    # chart above") the third, claimed by nothing, now fits: LibreOffice lays all three out on
    # two pages (checked by hand, December 2026).
    assert len(charts) == 3
    assert set(charts[:2]) == {
        "Emergency admissions for falls among orthotics patients aged 65 and over (XmR chart)",
        "Patients waiting more than 18 weeks for an orthotic appointment (XmR chart)",
    }


# 4: the finance director's brief shows closed years as the log delivered them.


def test_closed_years_show_what_the_log_delivered_and_years_to_come_the_forecast(
    tmp_path: Path,
) -> None:
    # Worked by hand from the log, each count priced at the note's 2026/27 prices (refit
    # £62 in 2023/24 = £67.92; admission £1,590 in 2016/17 = £2,115.64):
    # 2024/25 (no figure for 2025-Q1): refits 50 + 100 + 130 = 280 × £67.92 = £19,016;
    #   returned £3,000 + £6,000 + £8,000 = £17,000; falls 2 + 3 + 4 = 9 × £2,115.64 =
    #   £19,041; £55,057 -> £55,000.
    # 2025/26: refits 770 (£52,295), returned £48,000, falls 25 (£52,891): £153,186.
    # 2026/27, under way: £92,072 delivered April to September (183 days), the other 182
    # days at that rate, £91,569: £183,641, shown £184,000 (at the full rate £125,000
    # capacity + £56,000 cash = £181,000). Over the project £392,000; net £392,000 -
    # £85,000 = £307,000. £ per £1 was worked unrounded (reader20 #7: £392,396 / £85,000 =
    # 4.616, £4.62); since fixbrief28 it is worked from the figures shown, £392,000 /
    # £85,000 = 4.612, so £4.61 per £1. Payback by the years shown
    # (the full rate would say 6 months, but 2024/25 delivered only £55,057): 12 months,
    # then the £29,943 still owed out of 2025/26's £153,185, 12 × 29,943 / 153,185 = 2.3
    # months; 14.3 -> 15 months (the month it is reached).
    text = brief_text(tmp_path, ORTHOTICS, "dof", TEAM)
    # fixmoney27 (reader27 #5): the rate to two figures or finer, so that it multiplies back.
    assert line_with(text, "Benefit against") == (
        "Benefit against £85,000 of funding, counting capacity as if it were cash: "
        "2024/25 £55,000 delivered against £29,000 (no figure for January to March "
        "2025); "
        # fixbrief28: each year's funding without "of funding" again after the line's lead.
        "2025/26 £153,000 delivered against £28,000; 2026/27 £184,000 forecast against "
        "£28,000 "
        # fixbrief28: the rest of the year as a sum (£91,569 -> £92,000) beside a rate to two
        # figures (£92,072 / 6 months = £15,345 -> £15,000), and per £1 from the figures
        # shown (£392,000 / £85,000 = 4.612 -> £4.61).
        "(£92,000 delivered to the end of September 2026, then £92,000 at the average "
        "so far, about £15,000 a month); "
        # Since reader27 #8 the payback names where it counts from.
        "over the project £392,000, net £307,000; payback 14.8 months on the benefit delivered "
        "and forecast, from the project's start (1 April 2024); £4.61 per £1. Payback from the "
        "cash alone: 28 months."
    )


def test_every_note_gives_the_payback_the_log_shows(tmp_path: Path) -> None:
    # newuser6 F7 had each note name its own payback: the finance director's "15 months"
    # on the years the log delivered, every other director's "6 months ... at the full
    # rate". A director comparing notes must not find a payback the log disproves, so once
    # the log is read every note follows the finance director's years. The orthotics
    # service has cash and capacity, so another director's line gives the cash's own
    # payback on those years (truth15): £17,000 of cash in 2024/25 and £48,000 in 2025/26
    # leave £20,000 of the £85,000 after 24 months; 2026/27's cash is £55,847 (delivered
    # so far and the rest at that rate), so 20,000 / 55,847 x 365 = 130.7 days, 4.3
    # months: 28.3, shown 28 (at the full rate, 12 x 85,000 / 56,000 = 18.2 would say 18).
    finance = line_with(brief_text(tmp_path / "dof", ORTHOTICS, "dof", TEAM), "Benefit against")
    other = line_with(brief_text(tmp_path / "md", ORTHOTICS, "md", TEAM), "Money:")
    # Since reader27 #8 the payback names where it counts from.
    assert (
        "payback 14.8 months on the benefit delivered and forecast, from the project's start "
        "(1 April 2024);"
    ) in finance
    # fixbrief29: the log-based payback names its basis first; a count from the project's
    # start is left to the timeline (no ", counted from").
    assert "(on the log's figures and forecast, payback in 28 months from the cash alone)." in other
    assert "full rate" not in other
    welsh = facts_in_welsh(tmp_path)
    finance = line_with(brief_text(tmp_path / "dof-cy", welsh, "dof", TEAM), "yn erbyn")
    other = line_with(brief_text(tmp_path / "md-cy", welsh, "md", TEAM), "yn erbyn")
    assert "ad-dalu mewn 14.8 mis ar sail y budd a gyflawnwyd ac a ragwelir" in finance
    assert (  # fixbrief29: the basis first, as in English
        "(ar sail ffigurau'r cofnod cynnydd a'r rhagolwg, ad-dalu mewn 28 mis o'r arian "
        "parod yn unig)." in other
    )


def facts_in_welsh(tmp: Path) -> Path:
    """The orthotics facts with the note written in Welsh."""
    text = ORTHOTICS.read_text(encoding="utf-8")
    english = "settings: {locale: en_GB, "
    assert text.count(english) == 1
    path = tmp / "orthotics-cy.yaml"
    path.write_text(text.replace(english, "settings: {locale: cy_GB, "), encoding="utf-8")
    return path


def test_a_closed_year_of_a_monthly_log_is_what_it_delivered(tmp_path: Path) -> None:
    # The lounge runs from 5 January 2026: 2025/26 is closed, January to March logged, each
    # month whole as the update counts it (152.5 bed days, written 153 as an update writes a
    # count, x £426 + 65 cancellations x £100, the unit costs the small print shows:
    # £71,678, against £164,000 at the full rate for
    # its 86 days; January is not cut to 27/31, docs/money.md); 2026/27 is under way:
    # 640 x £426 + 293 x £100 = £301,940 the log delivered over the 6 months of April to
    # October with a figure (none for May), and November to March's 5 months at that rate,
    # £251,617: £553,557, not £694,000 (by days, x 151 / 183, it was £551,082: newuser13 #11).
    text = brief_text(tmp_path, LOUNGE, "dof")
    line = line_with(text, "Benefit against")
    assert "2025/26 £72,000 delivered against £53,000" in line
    # fixbrief28: the money after the log's last month is said, beside a rate rounded as the
    # note rounds ("about £70,370 a month" was worked so the months multiplied back).
    assert (
        "2026/27 £554,000 forecast against £227,000 (£302,000 delivered to the end of "
        "October 2026, "
        "no figure for May 2026; then £252,000 at the average so far, about £50,000 a month)"
    ) in line
    assert "£164,000" not in line
    assert "£694,000" not in line


# 8 and 21: no figure, nothing to say is above; a period before the start is not "under way".


def test_a_draft_says_what_its_board_sentence_needs_and_not_that_its_figures_are_above(
    tmp_path: Path,
) -> None:
    # newuser6 F10 and F11: a quarterly draft said "[Worded from the figures to July to
    # September 2026; ...", and a placeholder sentence had "every figure is above" under it.
    text = update_text(tmp_path / "next", ORTHOTICS, "dof", "2026-Q4", TEAM)
    board = board_line(text)
    assert board.startswith(
        "[Worded from the figures to the end of September 2026; update it for this period: "
    )
    after = text.splitlines()[text.splitlines().index(board) + 1]
    assert (
        after == "Bring it up to date with this period's figures, then use it in your own report."
    )
    text = update_text(tmp_path / "gap", ORTHOTICS, "dof", "2025-Q1", TEAM)
    # The DoF is not the sponsor the project asks for (the meeting is with the DoS).
    prompt = "[A sentence the team would like you to know or pass on: what the project has"
    board = line_with(text, prompt)
    after = text.splitlines()[text.splitlines().index(board) + 1]
    assert after == (
        "Write it from this period's figures once they are filled in above, then use it in "
        "your own report."
    )
    assert "every figure is above" not in text


def test_a_period_before_the_project_started_says_so(tmp_path: Path) -> None:
    text = update_text(tmp_path, ORTHOTICS, "dos", "2023-Q4", TEAM)
    assert "under way" not in text
    assert (
        "Orthotics fitted right first time starts on 1 April 2024, after October to December "
        "2023, so there is nothing to report for that period."
    ) in text
    assert "every figure is above" not in text


def test_a_board_sentence_with_no_figure_does_not_point_to_figures(tmp_path: Path) -> None:
    text = update_text(tmp_path, LOUNGE, "coo", "2026-Q1")
    note = text.splitlines()[text.splitlines().index(line_with(text, "is under way")) + 1]
    assert note == "Use or adapt it in your own report."


# 9: a row not claimed does not read as plain "improving".


def test_a_rise_from_inside_the_baseline_is_the_change(tmp_path: Path) -> None:
    # The experience score's rising trend starts at November 2025's 60, before the lounge
    # opened, but its one step before January (60 to 62, among 61 and 63) is inside the
    # baseline's normal range: the rise is the change's (docs/spc.md), not "since before".
    text = update_text(tmp_path, LOUNGE, "coo", "2026-06").splitlines()
    row = text[text.index("Patients rating their discharge as good or very good") :][:6]
    assert row[4] == "61% of the way to target"
    assert row[5] == "improving"


# 14: a draft names the periods unlogged since the log's last entry.


def test_a_draft_names_the_months_since_the_last_entry(tmp_path: Path) -> None:
    # The log ends in October 2026, with no entry for May 2026; January's draft is
    # written once January is over.
    text = update_text(tmp_path / "1", LOUNGE, "coo", "2027-01", today=dt.date(2027, 2, 5))
    assert "no figure for May 2026, November 2026 and December 2026, so totals to date" in text
    # Seven months since the log's last entry are not listed one by one.
    text = update_text(tmp_path / "6", LOUNGE, "coo", "2027-06", today=dt.date(2027, 7, 6))
    assert "no figure for May 2026, and none since October 2026, so totals to date" in text


def test_a_draft_ahead_of_time_names_only_the_months_already_over(tmp_path: Path) -> None:
    # newuser9 #8: written on 4 December 2026, a draft for June 2027 named December 2026,
    # not yet over, and the months to come as "missing data", and called them "it".
    text = update_text(tmp_path, LOUNGE, "coo", "2027-06")
    # The note is a sentence of its own, with no "Missing data:" label (reader25 #18).
    [line] = [line for line in text.splitlines() if "so totals to date leave" in line]
    assert "no figure for May 2026 and November 2026, so totals to date leave them out " in line
    assert "rather than count them as zero." in line
    assert "December 2026" not in line
    assert "2027" not in line


# 15: a month asked of a log kept by quarter.


def test_a_month_of_a_quarterly_log_is_refused_with_the_quarter_to_ask_for(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    result = cli(
        "update", str(ORTHOTICS), "--directors", str(TEAM), "-d", "dos",
        "--period", "2026-08", "--out", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: --period 2026-08: the progress log is kept by quarter, so there is no update "
        "for 2026-08 alone: ask for 2026-Q3, the quarter it falls in"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_month_logged_before_the_quarters_still_has_its_update(tmp_path: Path) -> None:
    # A log that moved from months to quarters: its months keep their updates.
    source = ORTHOTICS.read_text(encoding="utf-8").replace(
        "updates:\n",
        "updates:\n  - period: 2023-06\n    date: 2023-07-10\n    status: green\n"
        "    summary: The month before the quarters\n    measures: {long-waits: 410}\n",
        1,
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(source, encoding="utf-8")
    text = update_text(tmp_path, facts, "dos", "2023-06", TEAM)
    assert "The month before the quarters" in text
