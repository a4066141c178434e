"""One test of "the improvement began before the change", read from the figures before it.

The chart's signal words, the caption under the chart and the money used to decide it
three ways: on the frailty example's March 2028 update the admissions trend (103, 99, 96
before June 2027, then 93 down to 79) was "(improvement)" in the signal list, "The trend
began before the change, in March 2027" in the caption, and 164 admissions delivered in
the money. Now :func:`pitchkit.notes.update.spc.improving_before` decides for all of them,
from the figures before the change alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text
from pitchkit.api import BriefRequest, write_brief
from pitchkit.notes.update import charting, charts
from test_update_same_shape import TRANSPORT, _chart_words, _facts, _update

ROOT = Path(__file__).resolve().parent.parent
FRAILTY = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
MEASURE = "Bed days lost to patients waiting for transport"

# The frailty ward's admissions: three falls before the change, among figures that vary as
# much, then a fall from the change on.
WITHIN = [101.0, 98, 103, 99, 96, 93, 88, 85, 83, 81, 79, 82, 80, 78, 81]
# Five figures falling before the change: a whole run-chart trend of their own.
ALREADY = [120.0, 115, 110, 106, 102, 99, 97, 100, 98, 101, 99]


def test_the_frailty_update_credits_the_fall_and_does_not_say_it_began_before(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "dof.docx"
    result = cli(
        "update", str(FRAILTY), "-d", "dof", "--period", "2028-03", "-o", str(out)
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = " ".join(docx_text(out).split())
    # reader24 #1: counted from June 2027 the falls are 6 and 5 months, short of the XmR
    # trend rule's 7; the shift from the change (10 and 9 months) shows it.
    assert "a trend of 9 months falling" not in text
    # The shift is said once, in the sentence on the change (reader25 #19): not again under
    # "Signals:", where it had read "a shift of 10 months below the mean (improvement), June
    # 2027 to March 2028".
    assert "a sustained shift (10 months below the mean before it, improvement)" in text
    assert "a sustained shift (9 months below the mean before it, improvement)" in text
    assert "a shift of 10 months below the mean" not in text
    assert "a shift of 9 months below the mean" not in text
    assert "began before the change" not in text
    assert "begun before the change" not in text
    assert "164 admissions fewer between June 2027 and March 2028 than before the change" in text


@pytest.mark.parametrize(
    ("locale", "plain", "early", "caption"),
    [
        # The shift is named once, in the sentence on the change, not again under "Signals:"
        # (reader25 #19: "a shift of 10 months below the mean (improvement)" there said it twice).
        (
            "en_GB",
            "a sustained shift (10 months below the mean before it, improvement)",
            "begun before the change",
            "The trend began before the change",
        ),
        (
            "cy_GB",
            "mae symudiad parhaus (10 mis islaw'r cymedr cyn hynny, gwelliant)",
            "a ddechreuodd cyn y newid",
            "Dechreuodd y duedd cyn y newid",
        ),
    ],
)
def test_falls_within_the_baselines_variation_are_the_changes(
    tmp_path: Path, locale: str, plain: str, early: str, caption: str
) -> None:
    facts = _facts(tmp_path, TRANSPORT, {"transport": WITHIN}, first="2025-08", locale=locale)
    lines = _update(tmp_path, facts, "2026-10", "dof")
    words = _chart_words(lines, MEASURE)
    assert plain in words, words
    assert words.count("10 months below") + words.count("10 mis islaw") == 1, words
    assert early not in words, words
    assert caption not in words, words
    request = BriefRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 12, 5))
    [path] = write_brief(request).written
    [money] = [
        line for line in docx_text(path).splitlines() if "£90,000" in line and "2026/27" in line
    ]
    # Credited: delivered in both years, none of it said to have begun before the change.
    # fixread30: the year under way's parts each rounded and the years re-adding, at £100 now
    # (£13,200 + £9,400 = £22,600; £3,200 + £22,600 = £25,800).
    assert "2025/26 £3,200 " in money, money
    assert "2026/27 £22,600" in money, money


@pytest.mark.parametrize(
    ("locale", "early", "caption", "nothing"),
    [
        (
            "en_GB",
            "a trend of 7 months falling (falling since before the change began, so not counted "
            "as the project's)",
            "The trend began before the change, in August 2025",
            "2026/27 £0 forecast",
        ),
        (
            "cy_GB",
            "tuedd o 7 mis yn gostwng (yn gostwng ers cyn i'r newid ddechrau, felly nid yw'n cael "
            "ei gyfrif yn waith y prosiect)",
            # "ym mis Awst", which mutates no month, as "yn Mehefin" should have (newuser37 #3).
            "Dechreuodd y duedd cyn y newid, ym mis Awst 2025",
            "2026/27 £0 a ragwelir",
        ),
    ],
)
def test_a_fall_already_under_way_is_said_to_begin_before_and_not_credited(
    tmp_path: Path, locale: str, early: str, caption: str, nothing: str
) -> None:
    facts = _facts(tmp_path, TRANSPORT, {"transport": ALREADY}, first="2025-08", locale=locale)
    lines = _update(tmp_path, facts, "2026-06", "dof")
    words = _chart_words(lines, MEASURE)
    assert early in words, words
    assert caption in words, words
    request = BriefRequest(facts=facts, director="dof", out=tmp_path, today=dt.date(2026, 12, 5))
    [path] = write_brief(request).written
    [money] = [
        line for line in docx_text(path).splitlines() if "£90,000" in line and "2026/27" in line
    ]
    assert "2025/26 £0" in money, money
    assert nothing in money, money


def test_the_signal_words_the_caption_and_the_money_read_one_test() -> None:
    # From the change on, WITHIN falls for 6 months only: no trend of the XmR chart's 7
    # (reader24 #1); its shift from the change shows the change.
    within = charts.analyse(WITHIN, better="lower", changes=[5], baseline=103, target=80)
    assert within.improving_before is False
    assert not [s for s in within.signals if s.rule == "trend"]
    assert within.improved_after_change()
    for values, early in ((ALREADY, True),):
        analysis = charts.analyse(values, better="lower", changes=[5], baseline=103, target=80)
        assert analysis.improving_before is early
        [trend] = [s for s in analysis.signals if s.rule == "trend"]
        assert analysis.began_before_change(trend) is early
        assert charting._improving_before_change(analysis, trend) is early
        # A trend from an improvement already under way never shows the change.
        assert (trend in analysis.improvements_after_change()) is not early
