"""Updates that do not contradict themselves (newuser32 #5, #6, #7, #8, #10).

A theatre staffing hub's agency shifts: 44, 41, 43, 45 and 40 a month before the hub
opened in September 2026, then 30, 26 and 23. The run chart's trend of 5 falling months
starts in July, before the change, and the figures from August's 40 on make only 4, so
the trend is not counted as the project's. The chart used to say "(improvement)" and the
line since the last update "new on the chart", while the delivered table said no change
could be told apart.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from docchecks import docx_text
from theatrecases import HEAD

# Falling for five months before the change (a whole trend before it): the improvement began
# before the change. With figures that only vary before it (44, 41, 43, 45, 40), the fall
# starts at the change and is too early to count instead (fixmoney23, newuser33 N2).
SHIFTS = {
    "2026-04": 52,
    "2026-05": 50,
    "2026-06": 48,
    "2026-07": 46,
    "2026-08": 44,
    "2026-09": 30,
    "2026-10": 26,
    "2026-11": 23,
}


def _write(tmp: Path, *, locale: str = "en_GB", extra: str = "", summary: str = "") -> Path:
    lines = [HEAD.replace("LOCALE", locale) + extra, "updates:"]
    for period, value in SHIFTS.items():
        lines.append(f"  - period: {period}\n    status: green")
        if period >= "2026-09":
            day = {"2026-09": "2026-10-05", "2026-10": "2026-11-04", "2026-11": "2026-12-03"}
            lines.append(f"    date: {day[period]}")
        if summary and period == "2026-11":
            lines.append(f"    summary: {summary}")
        lines.append(f"    measures: {{agency-shifts: {value}}}")
    path = tmp / "facts.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _update(cli: Callable[..., Result], facts: Path, period: str) -> tuple[str, Result]:
    out = facts.parent / f"update-{period}.docx"
    result = cli("update", str(facts), "-d", "dof", "--period", period, "-o", str(out))
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split()), result


@pytest.mark.parametrize(
    ("locale", "signal", "since", "row"),
    [
        (
            "en_GB",
            "a trend of 8 months falling (falling since before the change began, so not counted "
            "as the project's), April to November 2026",
            "Agency theatre nurse shifts: the chart shows a trend of 8 months falling (falling "
            "since before the change began, so not counted as the project's).",
            "Agency theatre nurse shifts: falling since before the change began, so not "
            "counted as the project's;",
        ),
        (
            "cy_GB",
            "tuedd o 8 mis yn gostwng (yn gostwng ers cyn i'r newid ddechrau, felly nid yw'n "
            "cael ei gyfrif yn waith y prosiect)",
            "mae'r siart yn dangos tuedd o 8 mis yn gostwng (yn gostwng ers cyn i'r newid "
            "ddechrau, felly nid yw'n cael ei gyfrif yn waith y prosiect)",
            "yn gostwng ers cyn i'r newid ddechrau, felly nid yw'n cael ei gyfrif yn waith y "
            "prosiect;",
        ),
    ],
)
def test_a_trend_begun_before_the_change_says_so_beside_the_signal(
    cli: Callable[..., Result], tmp_path: Path, locale: str, signal: str, since: str, row: str
) -> None:
    text, _ = _update(cli, _write(tmp_path, locale=locale), "2026-11")
    assert signal in text, text
    assert since in text, text
    assert row in text, text
    # No word calls it the project's improvement, or new, anywhere on the page.
    assert "(improvement)" not in text
    assert "(gwelliant)" not in text
    assert "new since the last update" not in text
    assert "yn newydd ers y diweddariad diwethaf" not in text
    assert "no change can be told apart from normal variation yet" not in text


@pytest.mark.parametrize(
    ("summary", "warned"),
    [
        # "falling" is said of the theatre lists, in a clause of its own: not a claim about
        # the agency shifts, which the headline says are below plan (newuser32 #6).
        ("Agency shifts below plan; theatre lists still falling as anaesthetists left", False),
        ("Agency shifts below plan, while theatre lists keep falling", False),
        ("Fewer theatre lists as anaesthetists left, but agency shifts below plan", False),
        # Said of the agency shifts themselves, which the chart does not count yet.
        ("Agency shifts falling again; the bank pool grew by twelve nurses", True),
        ("Bank pool grew by twelve nurses as agency shifts fell", True),
        # An "as" that describes the measure does not part its change word from it (review23).
        ("Agency shifts, as a share of the rota, falling", True),
    ],
)
def test_a_headline_word_belongs_to_the_measure_in_its_own_clause(
    cli: Callable[..., Result], tmp_path: Path, summary: str, warned: bool
) -> None:
    facts = _write(tmp_path, summary=summary)
    result = cli("check", str(facts))
    output = " ".join(result.output.split())
    claim = "The headline for November 2026 claims a change in 'Agency theatre nurse shifts'"
    assert (claim in output) is warned, output
    _, update = _update(cli, facts, "2026-11")
    assert (claim in " ".join(update.output.split())) is warned, update.output


SPEND = """\
  - id: agency-spend
    measure: Agency theatre nurse spend
    unit: "£"
    per: year
    baseline: 214000
    target: 130000
    better: lower
  - id: bank-fill
    measure: Theatre shifts filled from the trust's bank
    unit: "%"
    baseline: 61
    target: 85
    better: higher
"""


@pytest.mark.parametrize(
    ("locale", "note", "target"),
    [
        (
            "en_GB",
            "No chart yet for agency theatre nurse shifts, agency theatre nurse spend and "
            "theatre shifts filled from the trust's bank: a chart needs 8 months and each has "
            "6 so far.",
            "£10,833 a month",
        ),
        (
            "cy_GB",
            ": mae angen 8 mis ar siart, a 6 sydd gan bob un hyd yma.",
            "£10,833 y mis",
        ),
    ],
)
def test_measures_with_too_few_figures_are_one_sentence_and_a_pound_target_is_to_the_pound(
    cli: Callable[..., Result], tmp_path: Path, locale: str, note: str, target: str
) -> None:
    lines = [HEAD.replace("LOCALE", locale) + SPEND, "updates:"]
    spend = [18100, 17600, 18400, 17900, 17200, 14300]
    fill = [60, 62, 59, 61, 63, 70]
    for i, period in enumerate(list(SHIFTS)[:6]):
        shifts = SHIFTS[period]
        lines.append(
            f"  - {{period: {period}, status: green, measures: {{agency-shifts: {shifts}, "
            f"agency-spend: {spend[i]}, bank-fill: {fill[i]}}}}}"
        )
    facts = tmp_path / "facts.yaml"
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text, _ = _update(cli, facts, "2026-09")
    assert note in text, text
    assert text.count(note.split(":")[-1].strip()) == 1, text
    # £130,000 a year is £10,833.33 a month: shown to the pound, not as "£10,800".
    assert target in text, text
    assert "£10,800" not in text


@pytest.mark.parametrize(
    ("locale", "draft", "row"),
    [
        (
            "en_GB",
            "fill-in template",
            "Agency theatre nurse shifts: as at November 2026, falling since before the change "
            "began",
        ),
        (
            "cy_GB",
            "templed i'w lenwi",
            "yn ôl ffigurau Tachwedd 2026, yn gostwng ers cyn i'r newid ddechrau",
        ),
    ],
)
def test_a_draft_says_its_delivered_rows_are_as_at_the_last_month_logged(
    cli: Callable[..., Result], tmp_path: Path, locale: str, draft: str, row: str
) -> None:
    # December has no entry: a draft, whose rows rest on figures to November (newuser32 #8).
    text, result = _update(cli, _write(tmp_path, locale=locale), "2026-12")
    assert draft in result.output, result.output
    assert row in text, text


@pytest.mark.parametrize(
    ("locale", "forecast", "gap"),
    [
        (
            "en_GB",
            # The forecast is in the benefit against the funding, not under "Delivered so
            # far" (fixupd25a #1).
            # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
            "2026/27 £38,000 forecast against £35,000 (nothing counted to the end of November 2026",
            "For agency theatre nurse shifts, no figure for October 2026; gaps are left blank, not "
            "taken as zero.",
        ),
        (
            "cy_GB",
            "2026/27 £38,000 a ragwelir yn erbyn £35,000 (ni chyfrifir dim hyd at "
            "ddiwedd Tachwedd 2026",
            "dim ffigur ar gyfer Hydref 2026; gadewir bylchau'n wag",
        ),
    ],
)
def test_money_an_update_says_is_forecast_is_given_and_no_total_is_named_that_is_not_shown(
    cli: Callable[..., Result], tmp_path: Path, locale: str, forecast: str, gap: str
) -> None:
    # October's figure never came: 7 figures to November, too few for a chart, so nothing
    # is counted for the months logged and the rest of the year is at the plan's full rate:
    # 23 shifts a month x £410 x 12 = £113,160 a year, for the 121 days of 2026/27's 365
    # from 1 December, £37,514 (newuser32 #7, with fixnew32a's rule).
    facts = _write(tmp_path, locale=locale)
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("measures: {agency-shifts: 26}", "measures: {}"),
        encoding="utf-8",
    )
    text, _ = _update(cli, facts, "2026-11")
    assert forecast in text, text
    assert gap in text, text
    # No total of any kind is printed, so none is said to leave the month out.
    assert "totals to date" not in text
    assert "cyfansymiau" not in text


def test_the_chart_key_says_an_improvement_begun_before_the_change_is_not_counted(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pitchkit.notes.update import charting, charts

    keys: list[str] = []
    draw = charts.draw

    def drawn(*args: Any, **kwargs: Any) -> Any:
        keys.append(kwargs["improvement_label"])
        return draw(*args, **kwargs)

    monkeypatch.setattr(charting.charts, "draw", drawn)
    _update(cli, _write(tmp_path), "2026-11")
    assert keys == ["Improvement (not counted)"], keys


def test_a_priced_measure_with_no_figure_yet_gives_its_forecast(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # Premium-rate weekend lists: priced and linked, but not yet in the log. 6 fewer a
    # month x £1,900 x 12 is £136,800 a year; 212 days of 2026/27 from 1 September, £79,456.
    weekend = """\
  - id: weekend-lists
    measure: Weekend theatre lists paid at premium rates
    unit: lists
    per: month
    baseline: 10
    target: 4
    better: lower
    value: {amount: 1900, source: "Premium session rate, 2026/27", price_year: 2026/27}
    releases: cash
    supports: [dof.agency]
"""
    text, _ = _update(cli, _write(tmp_path, extra=weekend), "2026-11")
    assert (
        "Weekend theatre lists paid at premium rates: no figure in the log yet, so nothing is "
        "counted as delivered yet"
    ) in text, text
    # What is expected of it is in the benefit against the funding (fixupd25a #1).
    assert (
        "2026/27 £79,000 forecast against £35,000 (£0 delivered to the end of November "
        "2026, the "
        "rest of the year at the average so far, £0 a month; at the plan's full rate for weekend "
        "theatre lists paid "
        "at premium rates, with no figure for the year yet)"
    ) in text, text
