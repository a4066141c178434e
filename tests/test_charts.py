"""Run charts and XmR charts: the signals a sponsor is shown, and the picture."""

from __future__ import annotations

import io
import math

import pytest
from PIL import Image, ImageChops, ImageColor

from pitchkit.errors import InputError
from pitchkit.notes.update import chartfonts
from pitchkit.notes.update.charts import Analysis, Rules, Signal, analyse, draw

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Run charts of 12 or more points need a later switch to XmR, since a shift
# of 6 on one side of a median is impossible with fewer than 12 points.
LONG_RUN = Rules(min_spc_points=20)
STABLE = [10, 12, 9, 11, 10, 13, 9, 11, 10, 12, 9, 11, 10, 12]
SHIFT_OF_SEVEN = [12, 9, 13, 10, 12, 13, 8, 9, 8, 9, 8, 9, 8, 12, 10, 13, 11]


def summary(analysis: Analysis) -> list[tuple[str, int, int, str, int]]:
    return [(s.rule, s.start, s.end, s.direction, s.length) for s in analysis.signals]


# --- which chart --------------------------------------------------------------


def test_too_few_points_give_no_chart_analysis() -> None:
    analysis = analyse([5, 6, 7, 8, 9, 10, 11], better="higher")
    assert analysis.kind == "none"
    assert analysis.centre is None
    assert analysis.signals == ()
    assert analysis.variation == "none"


def test_gaps_do_not_count_towards_the_points_needed() -> None:
    analysis = analyse([1, 2, None, 3, 4, 5, 3, 2, None], better="higher")
    assert analysis.kind == "none"
    assert analysis.count == 7


def test_eight_points_make_a_run_chart_around_the_median() -> None:
    analysis = analyse([4, 8, 5, 7, 6, 9, 3, 6], better="lower")
    assert analysis.kind == "run"
    assert analysis.centre == 6
    assert analysis.upper is None
    assert analysis.lower is None


def test_twelve_points_make_an_xmr_chart_around_the_mean() -> None:
    analysis = analyse(STABLE, better="lower")
    assert analysis.kind == "xmr"
    mean = 149 / 14  # 14 points adding up to 149
    moving_range = 28 / 13  # 13 moving ranges adding up to 28
    assert analysis.centre == pytest.approx(mean)
    assert analysis.upper == pytest.approx(mean + 2.66 * moving_range)
    assert analysis.lower == pytest.approx(mean - 2.66 * moving_range)
    assert analysis.upper_2s == pytest.approx(mean + 2 / 3 * 2.66 * moving_range)
    assert analysis.lower_2s == pytest.approx(mean - 2 / 3 * 2.66 * moving_range)


# --- run chart rules ------------------------------------------------------------


def test_run_chart_finds_shifts_of_six_on_each_side_of_the_median() -> None:
    analysis = analyse([6, 8, 7, 9, 8, 7, 2, 3, 2, 1, 3, 2], better="lower", rules=LONG_RUN)
    assert analysis.kind == "run"
    assert analysis.centre == 4.5
    assert summary(analysis) == [("shift", 0, 5, "up", 6), ("shift", 6, 11, "down", 6)]


def test_points_on_the_median_neither_count_nor_break_a_shift() -> None:
    analysis = analyse([8, 9, 8, 5, 9, 8, 7, 1, 2, 1, 2, 3, 2], better="lower", rules=LONG_RUN)
    assert analysis.centre == 5
    up = analysis.signals[0]
    assert (up.rule, up.start, up.end, up.length) == ("shift", 0, 6, 6)
    assert 3 not in up.points


def test_five_on_one_side_plus_one_on_the_median_is_not_a_shift() -> None:
    analysis = analyse([8, 9, 8, 5, 9, 8, 1, 2, 1, 5, 2, 3, 2], better="lower", rules=LONG_RUN)
    assert analysis.centre == 5
    assert summary(analysis) == [("shift", 6, 12, "down", 6)]


def test_a_longer_shift_rule_ignores_a_run_of_six() -> None:
    series = [6, 8, 7, 9, 8, 7, 2, 3, 2, 1, 3, 2]
    analysis = analyse(series, better="lower", rules=Rules(run_shift=7, min_spc_points=20))
    assert analysis.signals == ()
    assert analysis.variation == "common"


def test_trend_of_five_counts_a_repeated_value_once() -> None:
    analysis = analyse([5, 1, 2, 3, 3, 4, 5, 2], better="higher")
    assert summary(analysis) == [("trend", 1, 6, "up", 5)]
    assert analysis.signals[0].points == (1, 2, 3, 4, 5, 6)


def test_a_repeated_value_does_not_lengthen_a_trend_of_four() -> None:
    analysis = analyse([5, 1, 2, 2, 3, 4, 1, 2], better="higher")
    assert analysis.signals == ()


def test_falling_trend_is_down() -> None:
    analysis = analyse([3, 9, 8, 7, 6, 5, 7, 6], better="lower")
    assert summary(analysis) == [("trend", 1, 5, "down", 5)]
    # The variation reads the latest point, which is not part of the trend.
    assert analysis.variation == "common"
    ending = analyse([3, 9, 8, 7, 6, 5, 4, 3], better="lower")
    assert ending.variation == "improvement"


def test_runs_skip_gaps_but_signals_keep_their_positions() -> None:
    analysis = analyse([1, 2, None, 3, 4, 5, 3, 2, None, 4], better="higher")
    trend = analysis.signals[0]
    assert (trend.rule, trend.start, trend.end, trend.length) == ("trend", 0, 5, 5)
    assert trend.points == (0, 1, 3, 4, 5)
    assert analysis.values[2] is None


# --- XmR rules --------------------------------------------------------------------


def test_stable_process_shows_common_cause_variation_only() -> None:
    analysis = analyse(STABLE, better="lower")
    assert analysis.signals == ()
    assert analysis.variation == "common"


def test_point_outside_the_limits_is_a_signal() -> None:
    analysis = analyse([10, 12, 9, 11, 10, 13, 9, 11, 30, 10, 12, 9, 11, 10], better="lower")
    assert summary(analysis) == [("outside_limits", 8, 8, "up", 1)]
    assert analysis.variation == "common"  # the latest point is ordinary


def test_shift_of_seven_beside_the_mean_is_a_signal() -> None:
    analysis = analyse(SHIFT_OF_SEVEN, better="lower")
    assert summary(analysis) == [("shift", 6, 12, "down", 7)]


def test_shift_rule_length_is_a_setting() -> None:
    series = [12, 9, 13, 10, 12, 13, 8, 9, 8, 9, 8, 9, 12, 10, 13, 11]
    assert analyse(series, better="lower").signals == ()
    six = analyse(series, better="lower", rules=Rules(spc_shift=6))
    assert summary(six) == [("shift", 6, 11, "down", 6)]
    assert six.rules.spc_shift == 6
    assert analyse(SHIFT_OF_SEVEN, better="lower", rules=Rules(spc_shift=8)).signals == ()


def test_trend_of_seven_is_a_signal() -> None:
    series = [12, 9, 13, 10, 12, 11, 8, 9, 10, 11, 12, 13, 14, 10, 13, 11]
    analysis = analyse(series, better="lower")
    assert summary(analysis) == [("trend", 6, 12, "up", 7)]
    assert analysis.variation == "common"  # the latest point is ordinary


def test_two_of_three_beyond_two_sigma_is_a_signal() -> None:
    series = [10, 12, 9, 11, 10, 13, 9, 11, 10, 12, 9, 11, 4, 9, 4]
    analysis = analyse(series, better="lower")
    assert analysis.lower is not None
    assert analysis.lower_2s is not None
    assert analysis.lower < 4 < analysis.lower_2s
    assert summary(analysis) == [("two_of_three", 12, 14, "down", 2)]
    assert analysis.signals[0].points == (12, 14)


# --- improvement, concern and assurance --------------------------------------------


@pytest.mark.parametrize(
    ("better", "improvement", "variation"),
    [("lower", True, "improvement"), ("higher", False, "concern"), (None, None, "special")],
)
def test_better_decides_improvement_or_concern(
    better: str | None, improvement: bool | None, variation: str
) -> None:
    analysis = analyse([12, 9, 13, 10, 12, 13, 11, 12, 10, 8, 9, 8, 9, 8, 9, 8], better=better)
    assert summary(analysis) == [("shift", 8, 15, "down", 8)]
    assert analysis.signals[0].improvement is improvement
    assert analysis.variation == variation


def test_latest_point_decides_the_variation() -> None:
    analysis = analyse([6, 8, 7, 9, 8, 7, 2, 3, 2, 1, 3, 2], better="higher", rules=LONG_RUN)
    assert [s.improvement for s in analysis.signals] == [True, False]
    assert analysis.variation == "concern"
    # One old outlier, then eleven ordinary points: common cause, not concern.
    old = analyse([10, 12, 9, 11, 30, 10, 12, 9, 11, 10, 12, 9, 11, 10, 12, 11], better="lower")
    assert summary(old) == [("outside_limits", 4, 4, "up", 1)]
    assert old.variation == "common"


@pytest.mark.parametrize(
    ("target", "better", "assurance"),
    [
        (20, "lower", "pass"),
        (20, "higher", "fail"),
        (2, "lower", "fail"),
        (2, "higher", "pass"),
        (11, "lower", "hit_and_miss"),
        (None, "lower", None),
        (20, None, None),
    ],
)
def test_assurance_compares_the_target_with_the_limits(
    target: float | None, better: str | None, assurance: str | None
) -> None:
    assert analyse(STABLE, better=better, target=target).assurance == assurance


def test_run_chart_gives_no_assurance() -> None:
    assert analyse([4, 8, 5, 7, 6, 9, 3, 6], better="lower", target=100).assurance is None


# --- bad input ----------------------------------------------------------------------


def test_not_a_number_is_refused_with_its_position() -> None:
    with pytest.raises(InputError, match=r"chart value 3 is nan: give a number"):
        analyse([1, 2, math.nan, 4, 5, 6, 7, 8], better="lower")


def test_rule_settings_must_be_whole_numbers_of_two_or_more() -> None:
    with pytest.raises(InputError, match="chart rule spc_shift must be a whole number"):
        Rules(spc_shift=1)
    with pytest.raises(InputError, match="min_spc_points must not be smaller"):
        Rules(min_run_points=14)


def test_signal_reports_its_length() -> None:
    signal = analyse(SHIFT_OF_SEVEN, better="lower").signals[0]
    assert isinstance(signal, Signal)
    assert signal.length == len(signal.points) == 7


# --- drawing --------------------------------------------------------------------------


def months(n: int) -> list[str]:
    names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return [f"{names[i % 12]} {2027 + i // 12}" for i in range(n)]


def drawn(analysis: Analysis) -> bytes:
    return draw(
        analysis,
        labels=months(len(analysis.values)),
        title="Emergency admissions, people aged 75 and over",
        unit="admissions a month",
        baseline=100,
        target=85,
        centre_label="Mean",
        limit_label="Process limits",
        baseline_label="Baseline",
        target_label="Target",
        improvement_label="Improvement",
        concern_label="Concern",
    )


XMR_SERIES: list[float | None] = [
    101, 97, 104, 99, 103, 98, 100, None, 96, 91, 90, 88, 89, 87, 90, 86, 88, 84,
]  # fmt: skip


def image(picture: bytes) -> Image.Image:
    with Image.open(io.BytesIO(picture)) as opened:
        opened.load()
        return opened.convert("RGB")


def test_draw_returns_a_small_png_of_the_size_and_resolution_asked() -> None:
    picture = drawn(analyse(XMR_SERIES, better="lower", target=85))
    assert picture.startswith(PNG_SIGNATURE)
    assert len(picture) < 150_000
    with Image.open(io.BytesIO(picture)) as opened:
        # 16 cm by 6 cm at 170 dots an inch.
        assert opened.size == (1070, 401)
        assert opened.info["dpi"] == pytest.approx((170, 170), abs=0.01)


def test_draw_gives_the_same_bytes_for_the_same_input() -> None:
    analysis = analyse(XMR_SERIES, better="lower", target=85)
    assert drawn(analysis) == drawn(analysis)


def near(picture: Image.Image, colour: str, tolerance: int = 24) -> int:
    """How many pixels are within ``tolerance`` of ``colour`` in each channel."""
    masks = [
        channel.point(lambda v, want=want: 255 if abs(v - want) <= tolerance else 0)
        for channel, want in zip(picture.split(), ImageColor.getrgb(colour), strict=True)
    ]
    both = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2])
    return both.histogram()[255]


def unlabelled(analysis: Analysis) -> Image.Image:
    """The chart without any legend entry, so every coloured marker is a point."""
    return image(
        draw(
            analysis,
            labels=months(len(analysis.values)),
            title="",
            unit="",
            baseline=None,
            target=None,
            centre_label="",
            limit_label="",
            baseline_label="",
            target_label="",
        )
    )


BLUE, ORANGE, PURPLE = "#289de0", "#e46c0a", "#7030a0"


def test_special_cause_points_are_shown_in_making_data_count_colours() -> None:
    # Falling figures: improvement when lower is better, concern when higher is, else neither.
    series = [12, 9, 13, 10, 12, 13, 11, 12, 10, 8, 9, 8, 9, 8, 9, 8]
    seen = {
        better: {
            c: near(unlabelled(analyse(series, better=better)), c) for c in (BLUE, ORANGE, PURPLE)
        }
        for better in ("lower", "higher", None)
    }
    # Eight marked points, each a marker some 15 pixels across.
    assert seen["lower"][BLUE] > 8 * 50
    assert seen["higher"][ORANGE] > 8 * 50
    assert seen[None][PURPLE] > 8 * 50
    assert seen["lower"][ORANGE] == seen["lower"][PURPLE] == 0
    assert seen["higher"][BLUE] == seen["higher"][PURPLE] == 0
    assert seen[None][BLUE] == seen[None][ORANGE] == 0
    stable = unlabelled(analyse(STABLE, better="lower"))
    assert near(stable, BLUE) == near(stable, ORANGE) == near(stable, PURPLE) == 0


def test_a_signal_s_marker_shape_tells_it_apart_without_colour() -> None:
    series = [12, 9, 13, 10, 12, 13, 11, 12, 10, 8, 9, 8, 9, 8, 9, 8]
    silhouettes = set()
    for better in ("lower", "higher", None):
        grey = unlabelled(analyse(series, better=better)).convert("L")
        silhouettes.add(grey.point(lambda v: 255 if v < 200 else 0).tobytes())
    assert len(silhouettes) == 3


def dash_pattern(row: list[int]) -> tuple[int, int]:
    """The median lengths of the dark and the light stretches along one row of pixels.

    A solid line (the x axis) is ``(0, 0)``.
    """
    runs: list[tuple[bool, int]] = []
    for value in row:
        dark = value < 170
        if runs and runs[-1][0] == dark:
            runs[-1] = (dark, runs[-1][1] + 1)
        else:
            runs.append((dark, 1))
    inner = runs[1:-1]  # the first and last stretch may be cut short
    on = sorted(n for dark, n in inner if dark)
    off = sorted(n for dark, n in inner if not dark)
    return (on[len(on) // 2], off[len(off) // 2]) if on and off else (0, 0)


def test_in_greyscale_each_horizontal_line_has_its_own_dash_pattern() -> None:
    # No change and flat figures far from the lines: the centre, both limits, the baseline
    # and the target each cross the whole plot on a row of their own.
    analysis = analyse([50, 52, 49, 51, 50, 53, 49, 51, 50, 52, 49, 51, 50, 52], better="lower")
    grey = image(
        draw(
            analysis,
            labels=months(14),
            title="",
            unit="",
            baseline=70,
            target=30,
            centre_label="Mean",
            limit_label="Process limits",
            baseline_label="Baseline",
            target_label="Target",
        )
    ).convert("L")
    width, height = grey.size
    pixels = grey.tobytes()
    rows = [list(pixels[y * width : (y + 1) * width]) for y in range(height)]
    # Rows dark over a fifth of the picture's width, grouped into lines: each line's middle row.
    dark = [y for y, row in enumerate(rows) if sum(v < 170 for v in row) > width / 5]
    groups: list[list[int]] = []
    for y in dark:
        if groups and groups[-1][-1] == y - 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    lines = [rows[group[len(group) // 2]] for group in groups]
    patterns = [p for p in map(dash_pattern, lines) if p != (0, 0)]
    assert len(lines) >= 5, patterns  # baseline, upper limit, centre, lower limit, target
    centre_and_limits = {patterns[1], patterns[2]}
    assert patterns[1] == patterns[3]  # both limits alike
    assert len({patterns[0], *centre_and_limits, patterns[4]}) == 4, patterns


@pytest.mark.parametrize("values", [[3.0, None, 4.0], [4, 8, 5, 7, 6, 9, 3, 6], [None, None]])
def test_draw_copes_with_short_run_and_empty_series(values: list[float | None]) -> None:
    assert drawn(analyse(values, better=None)).startswith(PNG_SIGNATURE)


def test_draw_needs_one_label_per_value() -> None:
    with pytest.raises(ValueError, match="2 labels given for 3 values"):
        draw(
            analyse([1, 2, 3], better=None),
            labels=["a", "b"],
            title="t",
            unit="u",
            baseline=None,
            target=None,
            centre_label="c",
            limit_label="l",
            baseline_label="b",
            target_label="t",
        )


def with_unit(unit: str) -> bytes:
    return draw(
        analyse(STABLE, better="lower"),
        labels=months(len(STABLE)),
        title="",
        unit=unit,
        baseline=None,
        target=None,
        centre_label="Cymedr",
        limit_label="Terfynau'r broses",
        baseline_label="Llinell sylfaen",
        target_label="Targed",
    )


def test_welsh_letters_are_drawn_not_empty_boxes() -> None:
    font = chartfonts.chart_font(19)
    assert chartfonts.has_glyphs(font, "ŵŷŴŶâêîôû")
    assert not chartfonts.has_glyphs(font, "\U0010fffd")
    # The accent is drawn: not the plain letter, and not what a missing letter looks like.
    accented, plain, missing = (with_unit(f"gwelyau y {w}ythnos") for w in ("ŵ", "w", "\U0010fffd"))
    assert accented != plain
    assert accented != missing


def test_without_a_font_file_charts_use_pillow_s_own_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chartfonts, "font_folders", list)
    chartfonts.find_font_files.cache_clear()
    chartfonts.chart_font.cache_clear()
    try:
        font = chartfonts.chart_font(19)
        assert font.getname()[0] != "Liberation Sans"
        # Its letters lack the circumflex on w and y: drawn without it rather than as a box.
        assert chartfonts.drawable(font, "Cŵn a ŷd") == "Cwn a yd"
        assert with_unit("gwelyau y ŵythnos").startswith(PNG_SIGNATURE)
    finally:
        chartfonts.find_font_files.cache_clear()
        chartfonts.chart_font.cache_clear()


@pytest.mark.parametrize("count", [8, 11, 12, 13, 17, 23, 24, 31, 36, 48, 60])
def test_charts_of_any_length_are_drawn(count: int) -> None:
    # Every dash pattern ends somewhere else along the plot as the number of periods changes.
    values = [100 + (i * 37 % 11) - i / 3 for i in range(count)]
    analysis = analyse(values, better="lower", target=90, changes=[count // 2])
    picture = draw(
        analysis,
        labels=months(count),
        title="",
        unit="admissions a month",
        baseline=101.5,
        target=90,
        centre_label="Mean",
        limit_label="Process limits",
        baseline_label="Baseline",
        target_label="Target",
        change_label="Change",
        width_cm=16.5,
        height_cm=3.4,
    )
    assert image(picture).size == (1104, 227)


def test_a_dash_cut_to_a_sliver_at_a_line_s_end_is_left_out() -> None:
    # The mean's dashes once ended a fraction of a pixel before the plot's edge (found by
    # tests/test_update_own_facts.py): that sliver made Pillow refuse the whole chart.
    values = [178, 182, 180, 179, 181, 180, 178, 182, 181, 179, 170, 150]
    analysis = analyse([v * 1000.0 for v in values], better="lower", target=90000)
    labels = ["Mar ’26", "Apr ’26", "May ’26", "Jun ’26", "Jul ’26", "Aug ’26", "Sept ’26"]
    labels += ["Oct ’26", "Nov ’26", "Dec ’26", "Jan ’27", "Feb ’27"]
    picture = draw(
        analysis,
        labels=labels,
        title="",
        unit="£ a month",
        baseline=None,
        target=90000,
        centre_label="Mean",
        limit_label="Process limits",
        baseline_label="Baseline",
        target_label="Target",
        width_cm=16.5,
        height_cm=3.4,
    )
    assert picture.startswith(PNG_SIGNATURE)
