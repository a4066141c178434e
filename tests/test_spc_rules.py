"""Each Making Data Count rule on a series worked out by hand, and baselines and changes.

The arithmetic is in the comments: the mean, the mean moving range (MR),
the limits at the mean ± 2.66 × MR and the two-sigma lines two thirds of the
way to them, so a reader can check each expected result without pitchkit.
"""

from __future__ import annotations

import pytest

from pitchkit.notes.update.spc import Analysis, Rules, analyse, run_ends

FRAILTY_ADMISSIONS = [101, 98, 103, 99, 96, 93, 88, 85, 83, 81, 79, 82, 80, 78, 81]


def signals(analysis: Analysis) -> list[tuple[str, str, int, int, int]]:
    """Every signal as (rule, direction, start, end, length), in the order words name them."""
    return [(s.rule, s.direction, s.start, s.end, s.length) for s in analysis.ranked()]


def test_shift_of_seven_on_each_side_of_the_mean() -> None:
    # Mean 79 / 14 = 5.643. MR: seven 2s and six 1s = 20 / 13 = 1.538; limits
    # 5.643 ± 4.092 = 1.551 to 9.735. Points 0-6 (6 and 8) are all above the
    # mean, points 7-13 (4 and 5) all below: two shifts of 7, nothing else.
    analysis = analyse([6, 8, 6, 8, 6, 8, 6, 4, 5, 4, 5, 4, 5, 4], better="lower")
    (segment,) = analysis.segments
    assert segment.centre == pytest.approx(79 / 14)
    assert (segment.lower, segment.upper) == pytest.approx((1.551, 9.735), abs=1e-3)
    assert signals(analysis) == [("shift", "down", 7, 13, 7), ("shift", "up", 0, 6, 7)]
    assert analysis.variation == "improvement"  # the latest point is in the shift down


def test_a_shift_of_six_counts_only_when_the_setting_says_six() -> None:
    series = [6, 8, 6, 8, 6, 8, 4, 5, 4, 5, 4, 5, 7, 6]
    assert [s.rule for s in analyse(series, better="lower").signals] == []
    six = analyse(series, better="lower", rules=Rules(spc_shift=6))
    assert signals(six) == [("shift", "down", 6, 11, 6), ("shift", "up", 0, 5, 6)]


def test_a_point_on_the_mean_breaks_a_shift() -> None:
    # Sides of the mean: three below, one on it, four below: no run of seven.
    assert run_ends([-1, -1, -1, 0, -1, -1, -1, -1], 7) == [0] * 8
    assert run_ends([-1] * 7, 7) == [0, 0, 0, 0, 0, 0, 1]


def test_trend_of_seven_rising() -> None:
    # Mean 73 / 14 = 5.214; MR 17 / 13 = 1.308; limits 1.736 to 8.693, so no
    # point is outside them. Points 5-11 rise 2, 3, ..., 8: a trend of 7.
    analysis = analyse([5, 6, 5, 6, 5, 2, 3, 4, 5, 6, 7, 8, 5, 6], better="lower")
    assert signals(analysis) == [("trend", "up", 5, 11, 7)]
    assert analysis.signals[0].improvement is False
    # The latest point (6) is in no signal: common cause, however recent the trend.
    assert analysis.variation == "common"


def test_a_repeated_value_breaks_a_trend() -> None:
    analysis = analyse([5, 6, 5, 6, 5, 2, 3, 4, 4, 5, 6, 7, 5, 6], better="lower")
    assert [s for s in analysis.signals if s.rule == "trend"] == []


def test_point_beyond_a_limit() -> None:
    # Mean 167 / 14 = 11.93. Moving ranges total 64 / 13 = 4.92; the two of 19
    # and 20 (to and from 30) exceed 3.267 × 4.92 = 16.1 and are screened out,
    # leaving 25 / 11 = 2.27, so the upper limit is 11.93 + 6.05 = 17.97.
    series = [10, 12, 9, 11, 10, 13, 9, 11, 30, 10, 12, 9, 11, 10]
    analysis = analyse(series, better="lower")
    assert signals(analysis) == [("outside_limits", "up", 8, 8, 1)]
    assert analysis.upper == pytest.approx(17.974, abs=1e-3)
    assert analysis.variation == "common"  # one old outlier then ordinary points


@pytest.mark.parametrize(
    ("middle", "expected"),
    [
        # Mean 144 / 15 = 9.6; MR 48 / 14 = 3.43; lower limit 0.48, lower two-sigma
        # line 3.52... with 9 in the middle all three points are below the mean.
        (9, [("two_of_three", "down", 12, 14, 2)]),
        # With 10 in the middle it is above the mean: the three are not on one side.
        (10, []),
    ],
)
def test_two_of_three_beyond_two_sigma_on_one_side_of_the_mean(
    middle: int, expected: list[tuple[str, str, int, int, int]]
) -> None:
    series = [10, 12, 9, 11, 10, 13, 9, 11, 10, 12, 9, 11, 4, middle, 4]
    analysis = analyse(series, better="lower")
    assert analysis.lower is not None
    assert analysis.lower_2s is not None
    assert analysis.lower < 4 < analysis.lower_2s
    assert signals(analysis) == expected


def test_a_concern_does_not_outweigh_a_later_improvement() -> None:
    # The latest point is in the shift down (an improvement when lower is
    # better), though an earlier shift up was a concern.
    analysis = analyse([6, 8, 6, 8, 6, 8, 6, 4, 5, 4, 5, 4, 5, 4], better="lower")
    assert [s.improvement for s in analysis.ranked()] == [True, False]
    assert analysis.variation == "improvement"


@pytest.mark.parametrize(
    ("target", "better", "assurance"),
    [(12, "lower", "pass"), (12, "higher", "fail"), (6, "higher", "hit_and_miss")],
)
def test_assurance_compares_the_target_with_the_limits(
    target: float, better: str, assurance: str
) -> None:
    # Limits 1.551 to 9.735 (see the shift test): 12 is above them, 6 between.
    series = [6, 8, 6, 8, 6, 8, 6, 4, 5, 4, 5, 4, 5, 4]
    assert analyse(series, better=better, target=target).assurance == assurance


# ---------------------------------------------------------------- baseline and change


def test_one_set_of_limits_across_the_change_understates_it() -> None:
    # All 15 points: mean 1,327 / 15 = 88.5, MR 57 / 14 = 4.07 (after screening
    # 3.0), limits 80.5 to 96.4; the months before the change show as concern.
    analysis = analyse(FRAILTY_ADMISSIONS, better="lower")
    (segment,) = analysis.segments
    assert (segment.centre, segment.lower, segment.upper) == pytest.approx(
        (88.5, 80.5, 96.4), abs=0.05
    )
    assert ("outside_limits", "up", 0, 3, 4) in signals(analysis)


def test_a_shift_still_falling_into_place_keeps_the_baseline_limits() -> None:
    # The change takes effect at point 5 (June). Baseline, points 0-4: mean
    # 497 / 5 = 99.4, MR (3 + 5 + 4 + 3) / 4 = 3.75, limits 89.4 to 109.4.
    # Points 5-14 are all below 99.4: a sustained shift of 10. But points 5-10
    # fall every month (93, 88, 85, 83, 81, 79: a trend of 6) before the level
    # settles, and only 4 points follow. Limits recalculated from point 5 (mean
    # 83.0, limits 75.9 to 90.1) would call June's 93, already better than any
    # month before the change, a concern above the new upper limit; so the
    # baseline's limits stand until 5 points after the fall show the new level.
    analysis = analyse(FRAILTY_ADMISSIONS, better="lower", target=83, changes=[5])
    (only,) = analysis.segments
    assert (only.start, only.end, only.basis, only.trial) == (0, 14, 5, True)
    assert (only.centre, only.lower, only.upper) == pytest.approx((99.4, 89.4, 109.4), abs=0.05)
    (change,) = analysis.changes
    assert change.shift is not None
    assert (change.at, change.shift.length, change.shift.improvement) == (5, 10, True)
    assert (change.moving, change.ramp_end, change.settled) == (True, 10, None)
    assert analysis.improved_after_change()
    # Against the baseline every signal is an improvement, counted from the change on
    # (reader24 #1): the run below the mean from June (point 5, 10 points, not from
    # April's 99), 9 points below 89.4. The fall from 103 (point 2) to 79 is a trend of
    # 9 only with the 3 months before the change; from June it is 6, short of the 7 the
    # rule needs, so it is no signal.
    assert sorted(signals(analysis)) == [
        ("outside_limits", "down", 6, 14, 9),
        ("shift", "down", 5, 14, 10),
    ]
    assert all(s.improvement for s in analysis.signals)
    assert analysis.variation == "improvement"
    # Whether the new level meets the target waits for its own limits.
    assert analysis.assurance is None


def test_a_change_in_stages_recalculates_only_where_the_shift_is() -> None:
    # Baseline 20, 21, 19, 20, 21, 19: mean 20, MR 1.4, limits 16.3 to 23.7.
    # Stage one (points 6-9) stays around 20: no shift, the baseline limits
    # carry on. Stage two (points 10-16) sits at 14-16: a shift of 7 below 20,
    # so the limits are recalculated from point 10.
    series = [20, 21, 19, 20, 21, 19, 20, 19, 21, 20, 15, 16, 15, 14, 15, 16, 15]
    staged = analyse(series, better="lower", changes=[6, 10])
    assert [(s.start, s.end) for s in staged.segments] == [(0, 9), (10, 16)]
    assert [c.shift is not None for c in staged.changes] == [False, True]
    assert staged.signals == ()
    # Given only the first date, the shift is found from point 6 and the
    # quiet first stage then looks like a concern against the new limits.
    single = analyse(series, better="lower", changes=[6])
    assert [(s.start, s.end) for s in single.segments] == [(0, 5), (6, 16)]
    assert any(s.improvement is False for s in single.signals)


def test_common_cause_after_the_change_is_not_an_improvement() -> None:
    series = [20, 21, 19, 20, 21, 19, 20, 19, 21, 20, 21, 19, 20]
    analysis = analyse(series, better="lower", changes=[6])
    assert len(analysis.segments) == 1
    assert analysis.changes[0].shift is None
    assert not analysis.improved_after_change()


def test_too_few_points_before_the_change_make_no_baseline() -> None:
    # Four points before the change are fewer than min_baseline_points (5).
    series = [20, 21, 19, 20, 20, 19, 21, 20, 15, 16, 15, 14, 15, 16, 15]
    analysis = analyse(series, better="lower", changes=[4])
    assert len(analysis.segments) == 1
    assert analysis.baseline is None
    assert analysis.change_at == 4
