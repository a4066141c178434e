"""Run charts and XmR (SPC) charts for progress updates, drawn as pictures.

:func:`draw` turns an :class:`Analysis` into PNG bytes for a Word document,
drawn with Pillow (docs/spc.md, "How a chart is drawn").
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
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pitchkit.notes.update.spc import Analysis, Rules, Signal, analyse

if TYPE_CHECKING:
    from PIL import ImageDraw

__all__ = ["Analysis", "Rules", "Signal", "analyse", "draw"]

# Making Data Count's colours for improvement, concern and neither; extras only,
# since every signal also has its own marker shape (square, diamond, triangle) for
# greyscale print.
_SIGNAL_STYLE: dict[bool | None, tuple[str, str]] = {
    True: ("#289de0", "s"),
    False: ("#e46c0a", "D"),
    None: ("#7030a0", "^"),
}
_DPI = 170
#: Lines and markers are drawn this many times larger, then scaled down: smooth edges.
_SCALE = 4
_FONT_PT = 8
#: zlib's fastest level: a chart's flat colours compress nearly as well, in less time.
_PNG_LEVEL = 1


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
    gives the same bytes on one computer (the typeface is the computer's:
    see :mod:`pitchkit.notes.update.chartfonts`).

    The chart is laid out, its lines and markers drawn :data:`_SCALE` times
    larger and scaled down, and its words lettered on the finished picture.
    """
    if len(labels) != len(analysis.values):
        raise ValueError(f"{len(labels)} labels given for {len(analysis.values)} values")
    from PIL import Image, ImageDraw

    width, height = int(width_cm / 2.54 * _DPI), int(height_cm / 2.54 * _DPI)
    legend = _legend(
        analysis,
        baseline,
        target,
        {
            "centre": centre_label,
            "limit": limit_label,
            "change": change_label,
            "baseline": baseline_label,
            "target": target_label,
            True: improvement_label,
            False: concern_label,
            None: special_label,
        },
    )
    frame = _Frame.lay_out(analysis, labels, title, unit, baseline, target, legend, width, height)
    canvas = Image.new("RGB", (width * _SCALE, height * _SCALE), "white")
    pen = _Pen(ImageDraw.Draw(canvas), _SCALE)
    frame.draw_axes(pen)
    _draw_lines(pen, frame, analysis, baseline, target)
    _draw_series(pen, frame, analysis)
    frame.draw_legend_keys(pen, legend)
    # Each pixel the mean of the block it was drawn as: its share of every edge it holds.
    picture = canvas.reduce(_SCALE)
    frame.letter(ImageDraw.Draw(picture), labels, title, unit, legend)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", dpi=(_DPI, _DPI), compress_level=_PNG_LEVEL)
    return buffer.getvalue()


# ------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Style:
    """A line's colour, width (points) and dash pattern (on, off, ... in points; none: solid)."""

    colour: str
    width: float
    dashes: tuple[float, ...] = ()


def _scaled(colour: str, width: float, pattern: tuple[float, ...]) -> _Style:
    """A dashed style whose pattern is given in line widths, as matplotlib's are."""
    return _Style(colour, width, tuple(length * width for length in pattern))


# Centre dashed, limits dotted, baseline dash-dot, target long dashes: apart in greyscale.
_CENTRE = _scaled("#000000", 1.0, (3.7, 1.6))
_LIMIT = _scaled("#707070", 1.2, (1.0, 1.65))
_CHANGE = _scaled("#2f5597", 1.0, (1.0, 2.0))
_BASELINE = _scaled("#404040", 1.3, (6.0, 2.0, 1.5, 2.0))
_TARGET = _scaled("#c00000", 1.3, (9.0, 3.0))
_SERIES = _Style("#3a3a3a", 1.2)
_GRID = _Style("#e4e4e4", 0.6)
_SPINE = _Style("#262626", 0.8)
_TICK = _Style("#404040", 0.8)
_TEXT = "#262626"
#: Marker sizes in points: a plain point's diameter, a signal marker's height.
_POINT_PT = 4.4
_SIGNAL_PT = 6.4
_TICK_PT = 3.0


def _px(points: float) -> float:
    """Points to pixels of the finished picture."""
    return points * _DPI / 72


# ------------------------------------------------------------------------- drawing


class _Pen:
    """Draws on the large canvas in the finished picture's pixels, ``scale`` times larger."""

    def __init__(self, draw: ImageDraw.ImageDraw, scale: int) -> None:
        self.draw = draw
        self.scale = scale

    def _width(self, style: _Style) -> int:
        return max(1, round(_px(style.width) * self.scale))

    def hline(self, y: float, left: float, right: float, style: _Style) -> None:
        """A horizontal line, dashed as ``style`` says."""
        half = _px(style.width) / 2
        for a, b in _dashes(left, right, style.dashes):
            self.box(a, y - half, b, y + half, style.colour)

    def vline(self, x: float, top: float, bottom: float, style: _Style) -> None:
        """A vertical line, dashed as ``style`` says."""
        half = _px(style.width) / 2
        for a, b in _dashes(top, bottom, style.dashes):
            self.box(x - half, a, x + half, b, style.colour)

    def box(self, left: float, top: float, right: float, bottom: float, colour: str) -> None:
        """A filled rectangle (its edges at the nearest large pixel)."""
        s = self.scale
        x0, y0, x1, y1 = round(left * s), round(top * s), round(right * s), round(bottom * s)
        if x1 > x0 and y1 > y0:  # a stretch shorter than half a large pixel is not drawn
            self.draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=colour)

    def polyline(self, points: Sequence[tuple[float, float]], style: _Style) -> None:
        """A solid line through ``points``, with round joins."""
        s = self.scale
        if len(points) > 1:
            large = [(x * s, y * s) for x, y in points]
            self.draw.line(large, fill=style.colour, width=self._width(style), joint="curve")

    def marker(
        self, shape: str, x: float, y: float, size_pt: float, fill: str, edge: str, edge_pt: float
    ) -> None:
        """A point's marker: circle ``o``, square ``s``, diamond ``D`` or triangle ``^``."""
        s = self.scale
        outer = _px(size_pt) / 2 * s
        inner_edge = _px(edge_pt) * s
        cx, cy = x * s, y * s
        if shape == "o":
            self.draw.ellipse((cx - outer, cy - outer, cx + outer, cy + outer), fill=edge)
            r = outer - inner_edge
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
            return
        corners, inradius = _SHAPES[shape]
        for radius, colour in ((outer, edge), (outer - inner_edge / inradius, fill)):
            self.draw.polygon(
                [(cx + dx * radius, cy + dy * radius) for dx, dy in corners], fill=colour
            )


# Unit shapes (corners around the centre, y down) and each one's inradius over its size.
_SHAPES: dict[str, tuple[tuple[tuple[float, float], ...], float]] = {
    "s": (((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)), 0.9),
    "D": (((0.0, -1.15), (1.15, 0.0), (0.0, 1.15), (-1.15, 0.0)), 1.15 / math.sqrt(2)),
    "^": (((0.0, -1.44), (1.25, 0.72), (-1.25, 0.72)), 0.72),
}


def _dashes(start: float, end: float, pattern: tuple[float, ...]) -> list[tuple[float, float]]:
    """The stretches drawn of a line from ``start`` to ``end`` (pixels), ``pattern`` in points."""
    if not pattern:
        return [(start, end)]
    lengths = [_px(length) for length in pattern]
    stretches = []
    at, step = start, 0
    while at < end:
        length = lengths[step % len(lengths)]
        if step % 2 == 0:
            stretches.append((at, min(at + length, end)))
        at += length
        step += 1
    return stretches


def _draw_lines(
    pen: _Pen, frame: _Frame, analysis: Analysis, baseline: float | None, target: float | None
) -> None:
    """Where each change took effect, the baseline and target, the centre and the limits."""
    # The change itself, not where limits recalculated after a rise start.
    starts = {c.at for c in analysis.changes if c.shift is not None and not c.moving}
    if not analysis.changes:
        starts = {s.start for s in analysis.segments[1:]}
    if analysis.change_at:
        starts.add(analysis.change_at)
    for start in sorted(starts):
        pen.vline(frame.x(start - 0.5), frame.top, frame.bottom, _CHANGE)
    for value, style in ((baseline, _BASELINE), (target, _TARGET)):
        if value is not None:
            pen.hline(frame.y(value), frame.left, frame.right, style)
    if analysis.segments:
        # Each stretch of an XmR chart keeps its own mean and limits.
        for segment in analysis.segments:
            left, right = frame.x(segment.start - 0.5), frame.x(segment.end + 0.5)
            for value in (segment.upper, segment.lower):
                pen.hline(frame.y(value), left, right, _LIMIT)
            pen.hline(frame.y(segment.centre), left, right, _CENTRE)
    elif analysis.centre is not None:
        pen.hline(frame.y(analysis.centre), frame.left, frame.right, _CENTRE)


def _draw_series(pen: _Pen, frame: _Frame, analysis: Analysis) -> None:
    """The figures joined by a line (broken where one is missing), then the signal markers."""
    run: list[tuple[float, float]] = []
    points = []
    for i, value in enumerate([*analysis.values, None]):
        if value is None:
            pen.polyline(run, _SERIES)
            run = []
            continue
        run.append((frame.x(i), frame.y(value)))
        points.append(run[-1])
    for x, y in points:
        pen.marker("o", x, y, _POINT_PT, "white", _SERIES.colour, 1.0)
    for verdict, (colour, shape) in _SIGNAL_STYLE.items():
        for i in sorted(
            {
                i
                for s in analysis.signals
                if s.improvement is verdict
                for i in s.points
                if not _baseline_point(analysis, i, verdict)
            }
        ):
            value = analysis.values[i]
            if value is not None:
                pen.marker(shape, frame.x(i), frame.y(value), _SIGNAL_PT, colour, "black", 0.6)


def _baseline_point(analysis: Analysis, index: int, verdict: bool | None) -> bool:
    """Whether point ``index`` is before the change, so not marked as an improvement.

    The points before the change are the baseline: a trend that began there
    is not the project's there, and only its points from the change on are
    marked (newuser17 #7); the caption says it began before the change.
    """
    return verdict is True and analysis.change_at is not None and index < analysis.change_at


# ------------------------------------------------------------------------- legend


@dataclass(frozen=True)
class _Key:
    """One legend entry: its words, and the line or marker it stands for."""

    label: str
    style: _Style | None = None
    marker: tuple[str, str] | None = None
    #: Drawn upright, as the line it stands for is (the change: apart from the limits in grey).
    upright: bool = False


def _legend(
    analysis: Analysis,
    baseline: float | None,
    target: float | None,
    words: dict[str | bool | None, str],
) -> list[_Key]:
    """The legend's entries for what the chart shows, in a fixed order; unnamed ones left out."""
    keys = []
    if analysis.segments or analysis.centre is not None:
        keys.append(_Key(words["centre"], _CENTRE))
    if analysis.segments:
        keys.append(_Key(words["limit"], _LIMIT))
    if analysis.change_at or len(analysis.segments) > 1:
        keys.append(_Key(words["change"], _CHANGE, upright=True))
    if baseline is not None:
        keys.append(_Key(words["baseline"], _BASELINE))
    if target is not None:
        keys.append(_Key(words["target"], _TARGET))
    for verdict, style in _SIGNAL_STYLE.items():
        if any(s.improvement is verdict for s in analysis.signals):
            keys.append(_Key(words[verdict], marker=style))
    return [key for key in keys if key.label]


# ------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class _Frame:
    """Where everything goes, in the finished picture's pixels."""

    left: float
    right: float
    top: float
    bottom: float
    #: The x range (positions) and y range (values) the plot shows.
    xs: tuple[float, float]
    ys: tuple[float, float]
    yticks: tuple[float, ...]
    xticks: tuple[int, ...]
    count: int
    font_px: int
    width: int
    height: int
    legend_left: float
    line_px: float

    @classmethod
    def lay_out(
        cls,
        analysis: Analysis,
        labels: Sequence[str],
        title: str,
        unit: str,
        baseline: float | None,
        target: float | None,
        legend: list[_Key],
        width: int,
        height: int,
    ) -> _Frame:
        """Room for the title and unit above, period labels below, values left, legend right."""
        from pitchkit.notes.update.chartfonts import chart_font

        font_px = round(_px(_FONT_PT))
        font = chart_font(font_px)
        ascent, descent = font.getmetrics()
        line_px = ascent + descent
        pad = _px(_FONT_PT * 0.4)
        tick = _px(_TICK_PT)
        top = pad + (line_px + 2 if title else 0) + (line_px + 4 if unit else 0)
        top += _px(_SIGNAL_PT) / 2
        bottom = height - pad - line_px - tick - 3
        values = [v for v in analysis.values if v is not None]
        for segment in analysis.segments:
            values += [segment.centre, segment.upper, segment.lower]
        values += [v for v in (analysis.centre, baseline, target) if v is not None]
        lowest, highest = _value_range(values)
        room = _px(_SIGNAL_PT) / 2 + 2
        # The range a picture pixel away from the plot's edge, leaving room for a marker.
        per_px = (highest - lowest) / max(bottom - top - 2 * room, 1)
        ys = (lowest - room * per_px, highest + room * per_px)
        most = max(2, int((bottom - top) // (line_px * 1.25)))
        yticks = _nice_ticks(*ys, most)
        texts = _tick_texts(list(yticks))
        widest_tick = max((font.getlength(t) for t in texts), default=0)
        left = pad + widest_tick + tick + 4
        if legend:
            widest = max(font.getlength(key.label) for key in legend)
            legend_width = _px(_FONT_PT * 2.6) + _px(_FONT_PT * 0.8) + widest
            legend_left = width - pad - legend_width
            right = legend_left - _px(_FONT_PT * 1.2)
        else:
            legend_left = width
            right = width - pad - _px(_FONT_PT)
        count = len(labels)
        xs = (-0.5, max(count - 0.5, 0.5))
        per_period = (right - left) / (xs[1] - xs[0])
        widest_label = max((font.getlength(label) for label in labels), default=0)
        step = _label_step(per_period, widest_label + font_px)
        return cls(
            left=left,
            right=right,
            top=top,
            bottom=bottom,
            xs=xs,
            ys=ys,
            yticks=yticks,
            xticks=tuple(range(0, count, step)),
            count=count,
            font_px=font_px,
            width=width,
            height=height,
            legend_left=legend_left,
            line_px=line_px,
        )

    def x(self, position: float) -> float:
        """The pixel column of a position on the x axis (periods count from 0)."""
        low, high = self.xs
        return self.left + (position - low) / (high - low) * (self.right - self.left)

    def y(self, value: float) -> float:
        """The pixel row of a value."""
        low, high = self.ys
        return self.bottom - (value - low) / (high - low) * (self.bottom - self.top)

    def draw_axes(self, pen: _Pen) -> None:
        """Grid lines at the value ticks, the left and bottom axes, and their ticks."""
        tick = _px(_TICK_PT)
        for value in self.yticks:
            y = self.y(value)
            pen.hline(y, self.left, self.right, _GRID)
            pen.hline(y, self.left - tick, self.left, _TICK)
        labelled = set(self.xticks)
        for i in range(self.count):
            # A short tick for each period, a longer one where it is named.
            length = tick if i in labelled else tick / 2
            pen.vline(self.x(i), self.bottom, self.bottom + length, _TICK)
        half = _px(_SPINE.width) / 2
        pen.vline(self.left, self.top - half, self.bottom + half, _SPINE)
        pen.hline(self.bottom, self.left - half, self.right, _SPINE)

    def _legend_rows(self, count: int) -> list[float]:
        """The centre row of each legend entry: spaced evenly, within the picture's height."""
        pad = _px(_FONT_PT * 0.4)
        spacing = min(self.line_px * 1.35, (self.height - 2 * pad) / max(count, 1))
        return [pad + spacing * (n + 0.5) for n in range(count)]

    def draw_legend_keys(self, pen: _Pen, legend: list[_Key]) -> None:
        """Each legend entry's line or marker."""
        length = _px(_FONT_PT * 2.6)
        for key, row in zip(legend, self._legend_rows(len(legend)), strict=True):
            if key.style is not None and key.upright:
                half = self.line_px / 2
                pen.vline(self.legend_left + length / 2, row - half, row + half, key.style)
            elif key.style is not None:
                pen.hline(row, self.legend_left, self.legend_left + length, key.style)
            if key.marker is not None:
                colour, shape = key.marker
                x = self.legend_left + length / 2
                pen.marker(shape, x, row, _SIGNAL_PT, colour, "black", 0.6)

    def letter(
        self,
        draw: ImageDraw.ImageDraw,
        labels: Sequence[str],
        title: str,
        unit: str,
        legend: list[_Key],
    ) -> None:
        """The words, on the finished picture: title, unit, tick labels and the legend's words."""
        from pitchkit.notes.update.chartfonts import chart_font, drawable

        font = chart_font(self.font_px)
        pad = _px(_FONT_PT * 0.4)
        tick = _px(_TICK_PT)
        row = pad
        if title:
            bold = chart_font(round(_px(_FONT_PT + 1)), bold=True)
            draw.text((pad, row), drawable(bold, title), font=bold, fill=_TEXT, anchor="la")
            row += self.line_px + 2
        if unit:
            draw.text((pad, row), drawable(font, unit), font=font, fill=_TEXT, anchor="la")
        for value, text in zip(self.yticks, _tick_texts(list(self.yticks)), strict=True):
            at = (self.left - tick - 3, self.y(value))
            draw.text(at, text, font=font, fill=_TEXT, anchor="rm")
        limit = self.legend_left - _px(_FONT_PT * 0.4) if legend else self.width - pad
        for i in self.xticks:
            text = drawable(font, labels[i])
            half = font.getlength(text) / 2
            x = min(max(self.x(i), half + 1), limit - half)
            draw.text((x, self.bottom + tick + 3), text, font=font, fill=_TEXT, anchor="ma")
        words_at = self.legend_left + _px(_FONT_PT * 2.6) + _px(_FONT_PT * 0.8)
        for key, y in zip(legend, self._legend_rows(len(legend)), strict=True):
            draw.text((words_at, y), drawable(font, key.label), font=font, fill=_TEXT, anchor="lm")


def _value_range(values: list[float]) -> tuple[float, float]:
    """The lowest and highest value to show, never the same."""
    if not values:
        return 0.0, 1.0
    lowest, highest = min(values), max(values)
    if highest - lowest < 1e-9 * max(abs(lowest), abs(highest), 1.0):
        spread = max(abs(lowest) * 0.1, 1.0)
        return lowest - spread, highest + spread
    return lowest, highest


def _nice_ticks(lowest: float, highest: float, most: int) -> tuple[float, ...]:
    """Round values (1, 2 or 5 times a power of ten; 25 and up also 2.5) within the range.

    The smallest such step that gives at most ``most`` ticks, and at least two where the
    range allows.
    """
    span = highest - lowest
    power = math.floor(math.log10(span / most)) - 1
    while True:
        for multiple in (1.0, 2.0, 2.5, 5.0):
            if multiple == 2.5 and power < 1:
                continue
            step = multiple * 10.0**power
            first, last = math.ceil(lowest / step - 1e-9), math.floor(highest / step + 1e-9)
            if last - first + 1 <= most:
                return tuple(round(n * step, 10) + 0.0 for n in range(first, last + 1))
        power += 1


def _label_step(per_period: float, room: float) -> int:
    """Name every period, or every 2nd, 3rd, 4th, 6th, 12th… so that the names do not touch."""
    for step in itertools.chain((1, 2, 3, 4, 6), itertools.count(12, 12)):
        if step * per_period >= room:
            return step
    raise AssertionError("unreachable")  # pragma: no cover


def _tick_texts(ticks: list[float]) -> list[str]:
    """Thousands separated, with just enough decimals to tell the ticks apart."""
    step = min((abs(b - a) for a, b in itertools.pairwise(ticks)), default=1.0)
    decimals = 0
    while decimals < 4 and not math.isclose(step * 10**decimals, round(step * 10**decimals)):
        decimals += 1
    return [f"{tick:,.{decimals}f}" for tick in ticks]
