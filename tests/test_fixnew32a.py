"""What newuser32 (and newuser31 #7) found in the money a finance director signs.

The project in ``tests/data/fixnew32`` is an optometrist-led glaucoma
monitoring clinic that started in August 2026, with every kind of money:
consultant follow-ups (capacity), locum sessions (cash, below target from the
first month), cataract procedures under the payment scheme (income, falling
below the baseline), visual field tests sent out (cash, no October figure)
and GP eye-drop prescribing (the ICB's budget). Each test runs the command as
a lead would, on 9 December 2026, and reads back the document's text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from documenttext import document_text
from fixedday import pin_today

Cli = Callable[..., Result]

FACTS = Path(__file__).parent / "data" / "fixnew32" / "facts.yaml"
TODAY = dt.date(2026, 12, 9)


@pytest.fixture(autouse=True)
def _fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    pin_today(monkeypatch, TODAY)


def facts_text(*, icb: bool = True) -> str:
    """The facts file's text, without the ICB's eye-drop prescribing when ``icb`` is false."""
    text = FACTS.read_text(encoding="utf-8")
    if not icb:
        text = re.sub(r"  - id: drops\n(    .*\n)+", "", text)
        text = re.sub(r", drops: \d+", "", text)
    return text


def brief(cli: Cli, folder: Path, director: str, text: str | None = None, *extra: str) -> str:
    """The brief for ``director`` written from ``text`` (the facts file's), as one line."""
    path = folder / "facts.yaml"
    path.write_text(facts_text() if text is None else text, encoding="utf-8")
    out = folder / f"brief-{director}.docx"
    result = cli("brief", str(path), "-d", director, "-o", str(out), "--force", *extra)
    assert result.exit_code == 0, result.output
    return " ".join(document_text(out.read_bytes()).split())


@pytest.mark.parametrize("icb", [True, False])
def test_every_director_gets_the_payback_counting_capacity(
    cli: Cli, tmp_path: Path, icb: bool
) -> None:
    """#32.1: beside the ICB's money the COO's and MD's line lost the capacity payback."""
    text = facts_text(icb=icb)
    finance = brief(cli, tmp_path, "cfo", text)
    # Beside the ICB's money the others' line counts the trust's own, as the finance
    # block's "without it" does; without that money, the block's one payback.
    months = re.search(
        r"without it, payback (\d+(?:\.\d)?) months"
        if icb
        else r"payback (\d+(?:\.\d)?) months on the benefit",
        finance,
    )
    assert months is not None, finance
    whole = f"Payback counting capacity as if it were cash: {months[1]} months."
    for director in ("coo", "md"):
        note = brief(cli, tmp_path, director, text)
        assert "not paid back from the cash alone within the project" in note, note
        assert whole in note, note
        assert ("the ICB's budget" in note) is icb, note


def test_the_capacity_payback_in_welsh_beside_the_icbs_money(cli: Cli, tmp_path: Path) -> None:
    note = brief(cli, tmp_path, "coo", None, "--locale", "cy_GB")
    assert "Ad-dalu gan gyfrif capasiti fel petai'n arian parod:" in note, note


def capacity_only(funding: int = 450000) -> str:
    """The clinic with its consultant follow-ups alone, against more funding."""
    text = facts_text(icb=False)
    for impact in ("locum", "cataracts", "fields"):
        text = re.sub(rf"  - id: {impact}\n(    .*\n)+", "", text)
        text = re.sub(rf", {impact}: \d+", "", text)
    return text.replace("amount: 350000", f"amount: {funding}")


def test_not_paid_back_says_it_rests_on_the_rate_delivered(cli: Cli, tmp_path: Path) -> None:
    """#31.7: the plan's rate beside "not paid back" read as a contradiction.

    2,400 fewer appointments a year at £133.06 is £319,000 a year, £532,000 over the
    20 months, more than the £450,000; the log delivered 480 fewer in August to
    November (£64,000), and at that rate the project brings back £320,000.
    """
    text = capacity_only()
    finance = brief(cli, tmp_path, "cfo", text)
    # fixspc28: August to November are 4 figures from the change, short of a shift's 6, so
    # nothing is counted yet and the rest rests on the plan's rate: £319,344 a year × 121/365
    # (December to March) = £106,000, then £319,000 in 2027/28: £425,000 against £450,000.
    assert "over the project £425,000, a net cost of £25,000; not paid back" in finance
    assert "at the plan's rate it would be paid back" not in finance
    note = brief(cli, tmp_path, "coo", text)
    # fixfit44: nothing counted yet, so the verdict rests on the forecast alone.
    assert "(not paid back within the project on the benefit forecast)." in note, note
    assert "at the plan's rate it would be paid back" not in note
    welsh = brief(cli, tmp_path, "coo", text, "--locale", "cy_GB")
    assert "(heb ei ad-dalu o fewn y prosiect ar sail y budd a ragwelir)." in welsh


def test_the_cash_verdict_says_where_the_plans_rate_is_in_it(cli: Cli, tmp_path: Path) -> None:
    """Beside measures too young to tell, the verdict rests on the plan's rate for them too."""
    note = brief(cli, tmp_path, "md")
    assert (
        "(not paid back from the cash alone within the project, at the rate delivered so far "
        "and the plan's rate where the log cannot tell yet)."
    ) in note, note


def year_under_way(note: str) -> int:
    # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
    found = re.search(r"2026/27 £([\d,]+) forecast against £140,000", note)
    assert found is not None, note
    return int(found[1].replace(",", ""))


FIELDS_OCTOBER = (
    "measures: {consultant-fu: 360, locum: 6, cataracts: 90, drops: 11200}",
    "measures: {consultant-fu: 360, locum: 6, cataracts: 90, fields: 70, drops: 11200}",
)


def test_logging_a_missing_month_never_lowers_the_forecast(cli: Cli, tmp_path: Path) -> None:
    """#32.3a: 7 figures had the plan's rate for the whole year, the months logged too.

    Visual field tests: no October figure, 7 in all, too few for a chart. The
    year now counts nothing for August to November and the plan's rate for
    December to March (£36,000 × 121 ÷ 365 = £11,934) either way; logging
    October (70, better than the baseline of 100) gives a chart, which shows
    the fall, and the year then counts what the log delivered.
    """
    text = facts_text()
    before = brief(cli, tmp_path, "cfo", text)
    after = brief(cli, tmp_path, "cfo", text.replace(*FIELDS_OCTOBER))
    assert year_under_way(after) >= year_under_way(before), (before, after)
    assert "the forecast from the log" not in before


def test_the_eighth_figure_of_a_measure_on_course_never_lowers_the_forecast(
    cli: Cli, tmp_path: Path
) -> None:
    """#32.3b: the locum sessions, below target from the first month, with 7 or 8 figures.

    With April's figure left out they have 7, too few for a chart; with it, 8,
    still too young to show the change. Both count nothing for August to
    November and the plan's rate for December to March: £123,143 × 121 ÷ 365
    = £40,822, the statement's £41,000. It had been £82,000 with 7 (the plan's
    rate for the whole of August to March) and £41,000 with 8.
    """
    text = facts_text()
    seven = text.replace("locum: 16, cataracts: 99", "cataracts: 99")
    notes = [brief(cli, tmp_path, "cfo", facts) for facts in (seven, text)]
    assert year_under_way(notes[1]) >= year_under_way(notes[0]), notes
    for note in notes:
        assert "the plan puts £82,000 in 2026/27; with nothing counted until the log shows" in note
        assert "the forecast is £41,000" in note, note


def test_the_cash_forecast_says_which_part_is_the_plans(cli: Cli, tmp_path: Path) -> None:
    """#32.2: "so far, at the log's rate, £159,000 a year" was the plan's rate for two measures.

    Locum £123,143 and visual fields £36,000 a year at the plan's rate, their
    figures too few or too young to show the change; cataracts at the log's
    rate, which is nothing (worse than the baseline).
    """
    note = brief(cli, tmp_path, "cfo")
    assert "at the log's rate, £159,000" not in note
    assert (
        "forecast £159,000 a year: £0 at the log's rate so far and £159,000 at the plan's rate "
        "where the log's figures cannot show the change yet."
    ) in note, note
    welsh = brief(cli, tmp_path, "cfo", None, "--locale", "cy_GB")
    assert "ar gyfradd y cynllun lle na all ffigurau'r cofnod cynnydd ddangos y newid eto" in welsh


def test_the_update_row_says_the_months_logged_count_nothing(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(facts_text(), encoding="utf-8")
    out = tmp_path / "update.docx"
    result = cli("update", str(path), "-d", "cfo", "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    text = " ".join(document_text(out.read_bytes()).split())
    assert (
        "Visual field tests sent to an independent provider: too few figures yet to tell a "
        "change from normal variation (7 so far; a chart needs 8), so no money is counted yet"
    ) in text, text


def test_income_below_the_baseline_is_said_in_the_finance_block(cli: Cli, tmp_path: Path) -> None:
    """#32.4: cataract income fell below the baseline, and the note only counted it £0.

    Baseline 100 a month (March to July 2026); 95, 92, 90 and 88 since the
    change: 35 procedures fewer. 300 more a year at £900 is £270,000 a year
    in the plan, none of it forecast. The page leaves the income statement
    out to fit, so the finance block is where the director reads it.
    """
    note = brief(cli, tmp_path, "cfo")
    assert (
        "Cataract procedures paid under the payment scheme: the log's figures to the end of "
        "November 2026 are worse than the baseline (35 procedures fewer over August to "
        "November 2026, 8.8%), so none of the "
        "£270,000 a year in the plan is forecast."
    ) in note, note
    welsh = brief(cli, tmp_path, "cfo", None, "--locale", "cy_GB")
    assert (
        "“Cataract procedures paid under the payment scheme”: mae ffigurau'r cofnod cynnydd hyd "
        "at ddiwedd Tachwedd 2026 yn waeth na'r llinell sylfaen"
    ) in welsh, welsh
    # Not for the other directors, whose one line gives no measure's money.
    assert "worse than the baseline" not in brief(cli, tmp_path, "coo")
