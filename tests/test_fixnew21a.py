"""newuser20's update and SPC findings on an enhanced care team, read by its chief nurse.

tests/data/newuser20 is that trial's project: a monthly log from September 2024 to
November 2026 (the change in September 2025), sensor pads at £24 in 2025/26 prices, and a
team kept in a spreadsheet. Each test runs the command and reads back what a user sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from docchecks import docx_text
from pitchkit.i18n.translation import language
from pitchkit.notes.update import charting, charts

DATA = Path(__file__).resolve().parent / "data" / "newuser20"
FACTS = str(DATA / "a.yaml")
TEAM = str(DATA / "team.xlsx")


def _update(cli: Callable[..., Result], tmp_path: Path, director: str, *more: str) -> str:
    out = tmp_path / f"{director}-{len(list(tmp_path.iterdir()))}.docx"
    result = cli(
        "update", FACTS, "--directors", TEAM, "-d", director, "--period", "2026-11",
        "-o", str(out), *more,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return " ".join(docx_text(out).split())


def _preview(cli: Callable[..., Result], *args: str) -> str:
    result = cli("preview", FACTS, "--directors", TEAM, "-d", "cno", *args)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


# ------------------------------------------------------------------ #3: no false caption


def test_a_trend_whose_first_point_alone_is_before_the_change_is_not_said_to_begin_there(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # August 2025 (381 shifts, up from 375; 242 pads, up from 231) is only the point the
    # first fall is measured from: nothing fell before the change in September 2025.
    for lang, words in (
        ("en", "The trend began before the change"),
        ("cy", "Dechreuodd y duedd cyn y newid"),
    ):
        text = _update(cli, tmp_path, "cno", "--locale", lang)
        assert words not in text
    text = _update(cli, tmp_path, "cno")
    assert "a trend of 12 months falling (improvement), September 2025 to August 2026" in text
    assert "begun before the change" not in text


def test_only_a_step_wholly_before_the_change_says_the_trend_began_there() -> None:
    before = [375.0, 372.0, 380.0, 377.0, 376.0, 378.0, 374.0, 379.0]
    # The first fall is from the last point before the change to the change's first point.
    anchored = charts.analyse([*before, 381.0, 340.0, 310.0, 290.0, 280.0, 275.0, 270.0, 265.0],
                              better="lower", changes=[9])  # fmt: skip
    [trend] = [s for s in anchored.signals if s.rule == "trend"]
    # Counted from the change's first month (fixread24a: a signal after a change, running the
    # change's way, counts from it), so the anchor before the change is no longer its start.
    assert trend.start == 9
    assert trend.improvement is True
    assert not charting._improving_before_change(anchored, trend)
    # Points before the change are the baseline's: the anchor is not marked, and the caption
    # that would explain an unmarked fall before the change is not needed.
    marked = [i for i in trend.points if not charts._baseline_point(anchored, i, True)]
    assert marked == list(range(9, 16))
    # One fall (381 to 360) wholly before the change, among figures before it that show no
    # improvement of their own: the fall is not said to have begun before the change
    # (fixleft22a: the figures before the change alone decide, as the money does).
    early = charts.analyse([*before, 381.0, 360.0, 340.0, 310.0, 290.0, 280.0, 275.0, 270.0],
                           better="lower", changes=[10])  # fmt: skip
    # fixupd29 (pins4 a): a trend that moves once before the change is cut to its points
    # from the change on like any other: 340, 310, 290, 280, 275, 270 are 6 months falling,
    # where an XmR trend needs 7, so it is no signal, only what the figures since show.
    assert not [s for s in early.signals if s.rule == "trend"]
    [trend] = [s for s in early.short_since_change if s.rule == "trend"]
    assert (trend.start, trend.length) == (10, 6)
    assert not early.improving_before
    assert not charting._improving_before_change(early, trend)
    # Figures falling for five months before the change: it is said.
    falling = charts.analyse([*before[:3], 381.0, 370.0, 360.0, 350.0, 345.0, 340.0, 310.0,
                              290.0, 280.0, 275.0], better="lower", changes=[9])  # fmt: skip
    [trend] = [s for s in falling.signals if s.rule == "trend" and s.improvement]
    assert falling.improving_before
    assert charting._improving_before_change(falling, trend)


# -------------------------------------------------- #4: the shift names its recalculated mean


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "From September 2025, a sustained shift (13 months below the mean before it, "
            "improvement), so the limits are recalculated from September 2025. Signal: a shift of "
            "8 months below the mean of 3.1 set from September 2025 (improvement), April to "
            "November 2026.",
        ),
        (
            "cy",
            "Ers Medi 2025, mae symudiad parhaus (13 mis islaw'r cymedr cyn hynny, gwelliant), "
            "felly cyfrifir y terfynau o'r newydd o'r adeg honno ymlaen. Arwydd: symudiad o 8 "
            "mis o dan y cymedr o 3.1 a gyfrifwyd ers Medi 2025 (gwelliant)",
        ),
    ],
)
def test_a_shift_after_recalculated_limits_names_that_mean_and_the_first_counts(
    cli: Callable[..., Result], tmp_path: Path, lang: str, expected: str
) -> None:
    # Falls with harm: a mean of 5.0 before the change; 3.07 recalculated from September
    # 2025. October 2025's 5 lies on the old mean, so the first shift counts 13 months from
    # November; April to November 2026 (3, 2, 3, 2, 3, 2, 3, 3) are all below 3.07.
    assert expected in _update(cli, tmp_path, "cno", "--locale", lang)


def test_a_mean_that_would_show_as_a_point_of_the_shift_gets_two_places() -> None:
    # 12 points at 5 and 6 before the change; after it a mean of 3.04 that one place would
    # show as "3", beside points of 3 said to lie below it.
    before = [5.0, 6.0] * 6
    after = [3.0, 4.0, 3.0, 3.0, 2.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0]
    after += [3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 4.0, 2.0]
    analysis = charts.analyse(before + after, better="lower", changes=[12])

    class Point:
        def __init__(self, text: str) -> None:
            self.period = type("P", (), {"text": text})()

    points = [Point(f"{2024 + (m + 8) // 12}-{(m + 8) % 12 + 1:02d}") for m in range(37)]
    segment = analysis.segments[-1]
    words = charting._recalculated_mean(
        charts.Signal("shift", 13, 20, "down", True, (13, 14, 15), 3),
        analysis,
        points,
        language("en"),
    )
    assert f"{segment.centre:.2f}".startswith("3.0")
    assert words == f"the mean of {segment.centre:.2f} set from September 2025"


# ------------------------------------------------------ #7: money at the unrounded unit cost


def test_delivered_money_is_priced_at_the_cost_to_the_penny(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text = _update(cli, tmp_path, "dof")
    # 1,838 pads at £24.63 are £45,270; at the £25 the cost was rounded to they were £46,000.
    # Since reader21 #4 the row is under the objective the brief sets it against (non-pay
    # spend); since fixnew35b (81c95414) also under the links the lead confirmed: the pads
    # support the 2026/27 CIP by `supports:`, so the row gives that year's part too; the
    # second objective goes on in small letters after the semicolon (fixread25b). Since
    # fixnu40 (newuser40 #2) each objective is named once down the column: the agency row
    # above names the CIP second, so the pads' row points to it (pinsD re-pin).
    assert (
        "Keep non-pay spend within budget, and the second objective above Single-use bed and "
        "chair falls sensor pads issued to "
        "medical wards: 1,838 pads fewer between September 2025 and November 2026 than before "
        "the change (an average of 240 pads a month, September 2024 to August 2025), worth "
        # Since session 26 the team sheet's "deliver the £22m cost improvement programme"
        # is a £22m target, so the year's part is given as its share.
        "£45,000 at 2026/27 prices (0.1% of your £22m target, counting the £28,000 of it in "
        "2026/27)."
    ) in " ".join(text.split())
    assert "£46,000" not in text
    brief = _preview(cli)
    # Since fixbrief27 (reader26 #11): price, base, today's price, then the source.
    assert (
        # fixfit44: a kept name takes "the" before the one price it gives.
        "£24 per pad at 2025/26 prices (£24.63 at 2026/27), from the NHS Supply Chain catalogue "
        "price 2025/26"
    ) in brief


# ------------------------------------------------------- #8: an update's checks are its own


def test_an_update_preview_lists_no_checks_of_a_briefing_note(
    cli: Callable[..., Result],
) -> None:
    brief_only = (
        "project.change is longer than a one-page note has room for",
        "The note will not fit one page as written",
        "Each block of a one-page note has a word budget",
        "The sponsor is approached after the project has started",
        "The pitch does not say how it helps",
        "plan to engage the whole executive team",
    )
    update = _preview(cli, "--kind", "update", "--period", "2026-11")
    brief = _preview(cli)
    for words in brief_only:
        assert words not in update
    # The brief's preview still runs the brief's own checks (its word budgets here).
    assert "Each block of a one-page note has a word budget" in brief
    # What does apply to an update stays: a measure reported against none of her objectives.
    assert "serves none of Professor Helen Ashworth's objectives" in update


# ---------------------------------------------------- #9: each WTE note names its measure


@pytest.mark.parametrize(
    ("lang", "hcsw", "nurses"),
    [
        (
            "en",
            "WTE for bank and agency healthcare support worker shifts for one-to-one "
            "observation: shifts a year × 12 hours ÷ 1,950",
            "WTE for registered nurse shifts moved off their own ward to cover one-to-one "
            "observation: shifts a year × 7.5 hours (assumed) ÷ 1,950",
        ),
        # The longer Welsh note cuts the nurses' statement to fit its page, and with it (since
        # fixupd26, reader25 #10) that statement's WTE note: the one left needs no name.
        (
            "cy",
            "CALl: sifftiau'r flwyddyn × 12 awr",
            "",
        ),
    ],
)
def test_two_wte_notes_each_name_the_measure_they_are_for(
    cli: Callable[..., Result], lang: str, hcsw: str, nurses: str
) -> None:
    text = _preview(cli, "--locale", lang)
    assert hcsw in text
    if nurses:
        assert nurses in text
    else:
        assert "sifftiau'r flwyddyn × 7.5 awr" not in text
