"""A year under way whose log does not yet show the change is not forecast at £0.

The frailty ward (examples/frailty-virtual-ward) starts in January 2027; its admissions
change takes effect in June 2027, at 200 fewer admissions a year priced £2,171.07 at
2027/28 prices: £434,214 a year, of which June to March, 305 of 366 days, is £361,845,
shown £362,000. A note of 10 December 2027 with the log cut after August 2027, and
June's 93 admissions made 97, has three figures since the change (97, 88, 85 against 100
a month): too few for the run chart to show it, every one better than the baseline, by
more than half the plan's 16.7 a month on average. (The example's own 93, 88, 85 end a
run chart trend from March's 103 that shows the change: the falls before June stay
inside the baseline's normal range, docs/spc.md.) "No signal yet" is not "delivered
nothing", nor is it delivery: June to August, the months the log covers, count what its
chart shows (nothing yet), and only September to March, 213 of 366 days, keep the plan's
rate: £434,207 × 213 ÷ 366 = £252,694, shown £253,000 (newuser9 §1; it read £362,000,
the plan's rate for the months the log covers too). The payback follows: £250,000 ÷
£252,694 × 305 days = 301.7 days from June, 9.9 months, shown 10, as the chief operating
officer's note gives it too. A log whose figures since the change are no better than the
baseline still counts £0. A note reads only the figures logged for periods ended before
its date, and gives the year under way one figure: the money block's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FRAILTY = EXAMPLES / "frailty-virtual-ward" / "facts.yaml"
TODAY = dt.date(2027, 12, 10)


def _facts(tmp: Path, name: str, *, last: str | None = None, admissions: list[int] = ()) -> Path:
    """The frailty example, log cut after period ``last``; ``admissions`` from June 2027 on."""
    yaml = YAML()
    data: Any = yaml.load(FRAILTY.read_text(encoding="utf-8"))
    if last is not None:
        data["updates"] = [u for u in data["updates"] if str(u["period"]) <= last]
    changed = [u for u in data["updates"] if str(u["period"]) >= "2027-06"]
    for update, value in zip(changed, admissions, strict=False):
        update["measures"]["admissions"] = value
    path = tmp / f"{name}.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return path


def _brief(tmp: Path, facts: Path, director: str = "dof", locale: str | None = None) -> str:
    request = BriefRequest(
        facts=facts, director=director, out=tmp / f"{director}-{locale}", locale=locale, today=TODAY
    )
    [path] = write_brief(request).written
    return docx_text(path)


def _line(text: str, start: str = "Benefit against") -> str:
    [line] = [line for line in text.splitlines() if line.startswith(start)]
    return line


def test_a_change_the_log_does_not_yet_show_keeps_the_full_rate_for_the_months_to_come(
    tmp_path: Path,
) -> None:
    facts = _facts(tmp_path, "august", last="2027-08", admissions=[97])
    text = _brief(tmp_path, facts)
    line = _line(text)
    assert (
        # fixbrief28: a year's funding is "against £X" alone, "of funding" once in the lead.
        "2027/28 £253,000 forecast against £202,000 (nothing counted to the end of "
        "August 2027, as "
        "the log's figures do not yet show the change; the plan's full rate for the rest of the "
        "year)"
    ) in line
    assert "£362,000" not in line
    assert "£0 forecast" not in line
    assert "not paid back" not in line
    assert "payback 9.9 months" in line
    # The statement above gives the year the same figure, and the chief operating
    # officer's note the same payback.
    [claim] = [row for row in text.splitlines() if "of your £14m target" in row]
    # The plan's own part of the year (10 months of £434,000) goes with the plan, and the
    # forecast is named as the log's (reader21 #2).
    assert (
        "of which the plan puts £362,000 in 2027/28; with nothing counted until the log shows "
        "the change, and the plan's rate for the rest of the year, the forecast is £253,000"
    ) in claim
    assert "So far" not in claim  # too young to tell: the plan is not contradicted
    coo = _brief(tmp_path, facts, "coo")
    [money] = [row for row in coo.splitlines() if row.startswith("Money:")]
    assert "payback in 9.9 months" in money
    assert "not paid back" not in money


def test_the_full_rate_while_the_log_does_not_yet_show_it_in_welsh(tmp_path: Path) -> None:
    facts = _facts(tmp_path, "august", last="2027-08", admissions=[97])
    line = _line(_brief(tmp_path, facts, locale="cy_GB"), "Budd yn erbyn")
    assert (
        "2027/28 £253,000 a ragwelir yn erbyn £202,000 (ni chyfrifir dim hyd at ddiwedd "
        "Awst 2027, "
        "gan nad yw ffigurau'r cofnod cynnydd yn dangos y newid eto; cyfradd lawn y cynllun am "
        "weddill y flwyddyn)"
    ) in line


def test_figures_no_better_than_the_baseline_still_count_nothing(tmp_path: Path) -> None:
    # Six months since the change at or above the 100 a month before it: flat, not "not yet".
    flat = _facts(tmp_path, "flat", last="2027-11", admissions=[101, 99, 102, 100, 101, 100])
    line = _line(_brief(tmp_path, flat))
    # Nothing counted, and the line says why (truth15), not "£0 delivered".
    assert (
        "2027/28 £0 forecast against £202,000 (the log's figures to the end of "
        "November 2027 do not "
        "show the change, so nothing is counted for the year)"
    ) in line
    assert "do not yet show" not in line
    assert "not paid back" in line


def test_a_note_reads_only_the_figures_logged_before_its_date(tmp_path: Path) -> None:
    # The full log runs to March 2028; a note of 10 December 2027 reads it as if it ended in
    # November 2027, and says what the log cut there says.
    full = _line(_brief(tmp_path / "full", _facts(tmp_path, "full")))
    cut = _line(_brief(tmp_path / "cut", _facts(tmp_path, "cut", last="2027-11")))
    assert full == cut
    assert "to the end of November 2027" in full


def test_the_year_under_way_has_one_figure_in_the_note(tmp_path: Path) -> None:
    # With figures to December 2027 the chart shows the change: the year is the log's
    # forecast, and the statement's share of the £14m target is that figure, not the plan's;
    # the plan's part of the year is named as the plan's beside it (reader21 #2).
    facts = _facts(tmp_path, "december", last="2027-12")
    request = BriefRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2028, 1, 10))
    [path] = write_brief(request).written
    text = docx_text(path)
    found = re.search(r"2027/28 (£[\d,]+) forecast against £202,000 \((£[\d,]+) delivered", text)
    assert found, text
    assert found[1] != "£362,000"
    [claim] = [row for row in text.splitlines() if "of your £14m target" in row]
    assert (
        f"of which the plan puts £362,000 in 2027/28 and the forecast from the log is {found[1]}"
    ) in claim


def test_a_year_with_one_impact_on_the_logs_rate_and_one_not_yet_says_both() -> None:
    # Two counted impacts, one whose chart shows the change (£40,000 so far) and one whose
    # figures do not yet show it: the line names the log's rate, and for the other nothing
    # so far and the plan's rate only for the rest of the year.
    from pitchkit.i18n.translation import language
    from pitchkit.notes.moneytext import year_text
    from pitchkit.period import parse_period
    from pitchkit.recast.money import YearShare

    share = YearShare(
        year=2027,
        days=366,
        benefit=300_000.0,
        cash=0.0,
        investment=100_000.0,
        so_far=40_000.0,
        upto=dt.date(2027, 11, 30),
        unshown=True,
        rates=(("shown", 5_000.0),),
    )
    text = year_text(share, 300_000, 100_000, True, language("en_GB"), quantum=1000)
    assert text == (
        "2027/28 £300,000 forecast against £100,000 (£40,000 delivered to the end of "
        "November 2027, "
        "the rest of the year at the average so far, £5,000 a month; where the log's figures do "
        "not yet show the change, "
        "nothing counted so far and the plan's full rate for the rest of the year)"
    )
    gap = year_text(
        replace(share, unlogged=(parse_period("2027-08"),)),
        300_000,
        100_000,
        True,
        language("cy_GB"),
        quantum=1000,
    )
    assert "dim ffigur ar gyfer Awst 2027" in gap
    assert (
        "lle nad yw ffigurau'r cofnod cynnydd yn dangos y newid eto, ni chyfrifir dim hyd yma a "
        "chyfradd lawn y cynllun am weddill y flwyddyn"
    ) in gap
