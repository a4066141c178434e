"""Run charts and XmR (SPC) charts for progress updates, drawn as pictures.

:func:`draw` turns an :class:`Analysis` into PNG bytes for a Word document.
The analysis itself (:func:`analyse`, :class:`Rules`, :class:`Signal`,
:class:`Analysis`) lives in :mod:`pitchkit.notes.update.spc` and is importable from here
too, so callers need one module for a chart. Nothing here words a signal:
callers do that, in the reader's language, from the fields of
:class:`Signal`.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pitchkit.notes.update.spc import Analysis, Rules, Signal, analyse

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["Analysis", "Rules", "Signal", "analyse", "draw", "draw_soon"]

# Making Data Count's colours for improvement, concern and neither; extras only,
# since every signal also has its own marker shape for greyscale print.
_SIGNAL_STYLE: dict[bool | None, tuple[str, str]] = {
    True: ("#289de0", "s"),
    False: ("#e46c0a", "D"),
    None: ("#7030a0", "^"),
}
_DPI = 170
# A matplotlib dash pattern: offset, then on/off lengths in points.
_Dashes = tuple[float, tuple[float, ...]]
# Centre dashed, limits dotted, baseline dash-dot, target long dashes: apart in greyscale.
_BASELINE_DASHES: _Dashes = (0, (6, 2, 1.5, 2))
_TARGET_DASHES: _Dashes = (0, (9, 3))
_FONT_PT = 8
#: zlib's fastest level: a chart's flat colours compress as well as at the default
#: level (the files differ by 1-3%) in about half the time; the pixels are the same.
_PNG_OPTIONS = {"compress_level": 1}


def draw(
    analysis: Analysis,
    *,
    labels: Sequence[str],
    title: str,
    unit: str,
    baseline: float | None,
    target: float | None,
    centre_label: str,
    limit_label: str,
    baseline_label: str,
    target_label: str,
    improvement_label: str = "",
    concern_label: str = "",
    special_label: str = "",
    change_label: str = "",
    width_cm: float = 16,
    height_cm: float = 6,
) -> bytes:
    """Draw ``analysis`` as a PNG, readable in greyscale print, and return its bytes.

    ``labels`` name the periods on the x axis, one per value; every other
    label is already in the reader's language. Lines differ by style and
    signal points by marker shape as well as colour. An empty signal label
    leaves that kind of signal out of the legend. The same input always
    gives the same bytes.
    """
    if len(labels) != len(analysis.values):
        raise ValueError(f"{len(labels)} labels given for {len(analysis.values)} values")
    from pitchkit.notes.drawing import draw_png

    return draw_png(
        _draw,
        analysis,
        labels=list(labels),
        title=title,
        unit=unit,
        baseline=baseline,
        target=target,
        centre_label=centre_label,
        limit_label=limit_label,
        baseline_label=baseline_label,
        target_label=target_label,
        improvement_label=improvement_label,
        concern_label=concern_label,
        special_label=special_label,
        change_label=change_label,
        width_cm=width_cm,
        height_cm=height_cm,
    )


def draw_soon(analysis: Analysis, **options: Any) -> None:
    """Start drawing what ``draw(analysis, **options)`` will give, in the drawing process if any.

    Give every option :func:`draw` takes, as it will be given them; see
    :func:`pitchkit.notes.drawing.draw_soon`.
    """
    from pitchkit.notes.drawing import draw_soon as start

    start(_draw, analysis, **{**options, "labels": list(options["labels"])})


def _draw(
    analysis: Analysis,
    *,
    labels: Sequence[str],
    title: str,
    unit: str,
    baseline: float | None,
    target: float | None,
    centre_label: str,
    limit_label: str,
    baseline_label: str,
    target_label: str,
    improvement_label: str,
    concern_label: str,
    special_label: str,
    change_label: str,
    width_cm: float,
    height_cm: float,
) -> bytes:
    """:func:`draw`'s work, here or in the drawing process (see ``drawing.draw_png``)."""
    from pitchkit.notes.drawing import figure_classes

    Figure, FigureCanvasAgg = figure_classes()
    figure = Figure(figsize=(width_cm / 2.54, height_cm / 2.54), dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    _plot_series(axes, analysis)
    _plot_lines(axes, analysis, centre_label, limit_label)
    _plot_change(axes, analysis, change_label)
    _plot_reference(axes, baseline, baseline_label, _BASELINE_DASHES, "#404040")
    _plot_reference(axes, target, target_label, _TARGET_DASHES, "#c00000")
    labelled = {True: improvement_label, False: concern_label, None: special_label}
    _plot_signals(axes, analysis, labelled)
    _dress(axes, labels, title, unit, width_cm)
    figure.tight_layout(pad=0.4)
    figure.set_layout_engine(None)
    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", dpi=_DPI, metadata={"Software": None}, pil_kwargs=_PNG_OPTIONS
    )
    return buffer.getvalue()


def _ys(analysis: Analysis) -> list[float]:
    return [math.nan if v is None else v for v in analysis.values]


def _plot_series(axes: Axes, analysis: Analysis) -> None:
    # NaN for a gap breaks the line, so a missing period shows as missing.
    xs = list(range(len(analysis.values)))
    axes.plot(
        xs,
        _ys(analysis),
        color="#3a3a3a",
        linewidth=1.2,
        linestyle="-",
        marker="o",
        markersize=3.5,
        markerfacecolor="white",
        markeredgewidth=1,
        zorder=3,
    )


def _plot_lines(axes: Axes, analysis: Analysis, centre_label: str, limit_label: str) -> None:
    if analysis.segments:
        # Each stretch of an XmR chart keeps its own mean and limits.
        for number, segment in enumerate(analysis.segments):
            left, right = segment.start - 0.5, segment.end + 0.5
            first = number == 0
            axes.hlines(
                segment.centre,
                left,
                right,
                color="black",
                linewidth=1,
                linestyle="--",
                label=centre_label if first else "_nolegend_",
                zorder=2,
            )
            for side, value in enumerate((segment.upper, segment.lower)):
                axes.hlines(
                    value,
                    left,
                    right,
                    color="#707070",
                    linewidth=1.2,
                    linestyle=":",
                    label=limit_label if first and side == 0 else "_nolegend_",
                    zorder=2,
                )
        return
    if analysis.centre is not None:
        axes.axhline(
            analysis.centre,
            color="black",
            linewidth=1,
            linestyle="--",
            label=centre_label,
            zorder=2,
        )


def _plot_change(axes: Axes, analysis: Analysis, label: str) -> None:
    """A vertical line where each change took effect (none at the first point)."""
    starts = {s.start for s in analysis.segments[1:]}
    if analysis.change_at:
        starts.add(analysis.change_at)
    for number, start in enumerate(sorted(starts)):
        axes.axvline(
            start - 0.5,
            color="#2f5597",
            linewidth=1,
            linestyle=(0, (1, 2)),
            label=(label or None) if number == 0 else None,
            zorder=1,
        )


def _plot_reference(
    axes: Axes, value: float | None, label: str, dashes: _Dashes, colour: str
) -> None:
    if value is not None:
        axes.axhline(value, color=colour, linewidth=1.3, linestyle=dashes, label=label, zorder=2)


def _plot_signals(axes: Axes, analysis: Analysis, labelled: dict[bool | None, str]) -> None:
    ys = _ys(analysis)
    for verdict, (colour, marker) in _SIGNAL_STYLE.items():
        marked = sorted({i for s in analysis.signals if s.improvement is verdict for i in s.points})
        if marked:
            axes.plot(
                marked,
                [ys[i] for i in marked],
                linestyle="none",
                marker=marker,
                markersize=5,
                color=colour,
                markeredgecolor="black",
                markeredgewidth=0.6,
                label=labelled[verdict] or None,
                zorder=4,
            )


def _dress(axes: Axes, labels: Sequence[str], title: str, unit: str, width_cm: float) -> None:
    from matplotlib.ticker import FixedFormatter, FixedLocator

    axes.set_title(title, loc="left", fontsize=_FONT_PT + 1, fontweight="bold")
    axes.set_ylabel(unit, fontsize=_FONT_PT)
    positions = _tick_positions(labels, width_cm)
    axes.xaxis.set_major_locator(FixedLocator(positions))
    axes.xaxis.set_major_formatter(FixedFormatter([labels[i] for i in positions]))
    axes.set_xlim(-0.5, max(len(labels) - 0.5, 0.5))
    ticks = [float(t) for t in axes.get_yticks()]
    lowest, highest = axes.get_ylim()
    ticks = [t for t in ticks if lowest <= t <= highest]
    axes.yaxis.set_major_locator(FixedLocator(ticks))
    axes.yaxis.set_major_formatter(FixedFormatter(_tick_texts(ticks)))
    axes.tick_params(labelsize=_FONT_PT, length=3, color="#404040")
    axes.grid(axis="y", color="#e4e4e4", linewidth=0.6, zorder=0)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if axes.get_legend_handles_labels()[1]:
        axes.legend(
            fontsize=_FONT_PT,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            handlelength=2.6,
            borderaxespad=0.3,
        )


def _tick_positions(labels: Sequence[str], width_cm: float) -> list[int]:
    """Every period that fits: about 0.17 cm a character at 8 pt, plus a gap."""
    longest = max((len(label) for label in labels), default=1)
    fits = max(1, int(width_cm * 0.7 / (0.17 * longest + 0.4)))
    step = max(1, math.ceil(len(labels) / fits))
    return list(range(0, len(labels), step))


def _tick_texts(ticks: list[float]) -> list[str]:
    """Thousands separated, with just enough decimals to tell the ticks apart."""
    step = min((abs(b - a) for a, b in itertools.pairwise(ticks)), default=1.0)
    decimals = 0
    while decimals < 4 and not math.isclose(step * 10**decimals, round(step * 10**decimals)):
        decimals += 1
    return [f"{tick:,.{decimals}f}" for tick in ticks]
