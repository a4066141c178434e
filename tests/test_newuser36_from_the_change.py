"""A trend or run is evidence of the change only from the change on (newuser36 #1).

The community diabetic foot clinic changed things in May 2026. Its admissions were
8, 10, 9, 11 and 8 a month before (December 2025 to April 2026) and 7, 6, 5, 5, 4, 5
from May to October. The October update read "a trend of 6 months falling
(improvement), March to September 2026" and counted "23 admissions fewer … worth
£189,000" as delivered: the trend's length came from the baseline's March and April.
From May alone the figures make 4 falling points (the repeat counted once), where a run
chart's trend needs 5, so nothing is delivered yet; with April typed as 6 the same
figures since the change already counted nothing. The percentage seen within 2 working
days rose from April's 36: its trend is 6 months from May, not 7 from April, as the
chart marks it. A November of 40 (a typo for 4) left "a shift of 7 months below the
mean (improvement), April to October 2026": 6 from May, where an XmR shift needs 7.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from docchecks import docx_text
from pitchkit.api.base import team_ids
from pitchkit.facts.schema import load_facts
from pitchkit.notes.update import headline, spc

DATA = Path(__file__).resolve().parent / "data" / "newuser36"
ADMISSIONS = [8.0, 10, 9, 11, 8, 7, 6, 5, 5, 4, 5]
SEEN = [35.0, 42, 37, 40, 36, 41, 44, 55, 63, 70, 78]


def _update(cli: Callable[..., Result], tmp: Path, *extra: str) -> tuple[str, str]:
    for name in ("facts.yaml", "figures.csv", "figures-typo.csv", "team.xlsx"):
        shutil.copy(DATA / name, tmp / name)
    out = tmp / "ceo.docx"
    result = cli(
        "update", str(tmp / "facts.yaml"), "--directors", str(tmp / "team.xlsx"), "-d", "ceo",
        "--today", "2026-12-07", "-o", str(out), *extra,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split()), result.output


def test_a_trend_from_before_the_change_is_cut_to_its_months_since() -> None:
    analysis = spc.analyse(ADMISSIONS, better="lower", changes=[5], baseline=9, target=5)
    assert analysis.signals == ()
    assert not analysis.improved_after_change()
    [short] = analysis.short_since_change
    assert (short.rule, short.start, short.end, short.length) == ("trend", 5, 9, 4)
    # A run below the mean from the last month before the change: 6 from the change on,
    # where an XmR shift needs 7, so no shift; the point below the lower limit shows it.
    values = [23.0, 20, 24, 18, 20, 18, 18, 11, 20, 20, 12, 16, 21]
    runs = spc.analyse(values, better="lower", changes=[6], baseline=21, target=12)
    assert not [s for s in runs.signals if s.rule == "shift"]
    [cut] = runs.short_since_change
    assert (cut.rule, cut.start, cut.length) == ("shift", 6, 6)
    seen = spc.analyse(SEEN, better="higher", changes=[5], baseline=38, target=90)
    [trend] = seen.signals
    assert (trend.start, trend.length) == (5, 6)
    assert seen.improved_after_change()


def test_the_october_update_counts_nothing_from_the_baselines_months(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text, output = _update(cli, tmp_path, "--period", "2026-10")
    assert "a trend of 6 months falling" not in text
    assert "March to September 2026" not in text
    assert (
        "No signal yet: since the change in May 2026, 4 months falling, where a trend needs 5."
        in text
    )
    # Nothing delivered, nowhere: the delivered row, the board sentence, the money.
    assert "23 admissions fewer" not in text
    assert "23 fewer emergency admissions" not in text
    assert "£189,000" not in text
    assert (
        "Emergency admissions with a diabetic foot ulcer: no change can be told apart from "
        "normal variation yet"
    ) in text
    # "Since the last update" had said "fell for 6 months running, March to September 2026
    # … so we count the reduction as delivered".
    assert "fell for 6 months running" not in text
    # The headline "foot ulcer admissions falling month on month" is checked against what
    # the figures since the change show.
    assert "The chart cannot yet tell this fall from normal variation" in text
    assert "claims a change in 'Emergency admissions with a diabetic foot ulcer'" in output
    # The percentage's trend, as the chart marks it: from May, not from April's 36.
    assert "Signal: a trend of 6 months rising (improvement), May to October 2026." in text
    assert "April to October 2026" not in text


def test_a_run_from_before_the_change_is_not_an_improvement(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text, _ = _update(
        cli, tmp_path, "--period", "2026-11", "--measures", str(tmp_path / "figures-typo.csv")
    )
    assert "a shift of 7 months below the mean" not in text
    assert "April to October 2026" not in text
    # Its two of three points near the lower limit from July show the change: the short
    # shift is not said beside them, to keep the caption short.
    assert (
        "two of three points close to the lower limit (improvement), July to October 2026" in text
    )
    assert "Since the change in May 2026, 6 months below the mean" not in text


def test_a_headline_names_a_measure_by_what_tells_it_apart(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # newuser36 #6: "Second hub open and foot ulcer admissions already well down" was read as
    # a claim about the percentage seen within 2 working days too, since both measures'
    # names hold "foot ulcer"; "admissions" is what names the first.
    text, output = _update(cli, tmp_path, "--period", "2026-06")
    assert (
        "The chart cannot yet tell this fall from normal variation, so no money is counted "
        "for emergency admissions with a diabetic foot ulcer."
    ) in text
    assert "The charts cannot yet tell these changes" not in text
    assert "claims a change in 'Emergency admissions with a diabetic foot ulcer'" in output
    assert "claims a change in 'Patients with a new active foot ulcer" not in output
    facts = load_facts(tmp_path / "facts.yaml", team=team_ids(tmp_path / "team.xlsx")).facts
    named = headline.named_measures("foot ulcer admissions already well down", facts)
    assert [i.id for i in named] == ["emergency-admissions-diabetic"]
    # Named only by the words they share, a headline still names them both.
    both = headline.named_measures("foot ulcers down", facts)
    assert [i.id for i in both] == ["emergency-admissions-diabetic", "patients-new-active"]


def test_the_finance_directors_update_says_what_the_count_is_against(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # newuser36 #7: the finance director's table has no row for the admissions (his
    # objectives are not linked to them), yet the line under the board sentence said "every
    # figure is above". The 28 fewer are counted against the average before the change, 9.2
    # a month, not the table's baseline of 9: the line now says so, with its months.
    for name in ("facts.yaml", "figures.csv", "team.xlsx"):
        shutil.copy(DATA / name, tmp_path / name)
    out = tmp_path / "dof.docx"
    result = cli(
        "update", str(tmp_path / "facts.yaml"), "--directors", str(tmp_path / "team.xlsx"),
        "-d", "dof", "--period", "2026-11", "--today", "2026-12-07", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    assert "9 admissions a month" in text  # the table's baseline, from the facts
    assert "28 fewer emergency admissions with a diabetic foot ulcer" in text
    assert "every figure is above" not in text
    assert (
        "its total adds up every figure logged since the change, against the average before "
        "it of 9.2 admissions a month (December 2025 to April 2026)."
    ) in text
    # The money is the count as shown at the cost the brief's small print gives (£8,213.99
    # at 2026/27 prices): 28 × £8,213.99 is £229,992, the £230,000 said, where 28.4 (£233,277)
    # is a count no page shows. (fixnu36: a community trust's admissions at the ICB's tariff
    # free an acute hospital's beds, which the ICB pays for, and the words say so.)
    assert "worth £230,000 of time and beds freed in acute hospitals" in text


def test_the_finance_directors_brief_counts_nothing_from_the_baselines_months(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # The brief reads the same log: with figures to October 2026 it counted "£189,000
    # delivered to the end of October 2026" from the trend that began in March.
    for name in ("facts.yaml", "figures-oct.csv", "team.xlsx"):
        shutil.copy(DATA / name, tmp_path / name)
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace(
            "measures: figures.csv", "measures: figures-oct.csv"
        ),
        encoding="utf-8",
    )
    result = cli(
        "preview", str(facts), "--directors", str(tmp_path / "team.xlsx"), "-d", "dof",
        "--today", "2026-11-05",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "£189,000 delivered" not in text
    assert (
        "nothing counted to the end of October 2026, as the log's figures do not yet show the "
        "change"
    ) in text
