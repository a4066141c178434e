"""Drawing Making Data Count's variation and assurance icons with matplotlib, at build time.

The icons pitchkit puts in an update are a small, fixed set (see
:func:`every_icon`), drawn once by ``make icons`` (``scripts/build_icons.py``)
into PNG files shipped in the package, so that writing an update reads a file.
:mod:`pitchkit.notes.update.icons` loads them; ``tests/test_icons.py`` checks
that the shipped files are what :func:`draw_icons` draws today. matplotlib is
a build and test tool only (the ``dev`` extra): pitchkit itself never
imports this module's drawing at run time.

Each picture is a circle coloured as Making Data Count colours it (grey for
common cause, blue for improvement, orange for concern, purple when neither
direction is better) holding a small run of dots that shows the pattern,
and, when there is one, an assurance circle beside it with P (the target is
met every time), F (it is missed every time) or ? (hit and miss). The
drawing has no words beyond those letters.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import NamedTuple

from pitchkit.notes.update.spc import Assurance, Variation

GREY = "#a6a6a6"
BLUE = "#289de0"
ORANGE = "#e46c0a"
PURPLE = "#7030a0"
_VARIATION_COLOUR: dict[str, str] = {
    "common": GREY,
    "improvement": BLUE,
    "concern": ORANGE,
    "special": PURPLE,
}
_ASSURANCE: dict[str, tuple[str, str]] = {
    "pass": (BLUE, "P"),
    "fail": (ORANGE, "F"),
    "hit_and_miss": (GREY, "?"),
}
#: The icons' resolution, dots an inch.
DPI = 200
#: The height of the icons beside a chart, and in the table of measures.
ICON_CM = 0.6
TABLE_ICON_CM = 0.36
#: Every variation an icon shows (an analysis without a chart has no icon).
VARIATIONS: tuple[Variation, ...] = ("common", "improvement", "concern", "special")
ASSURANCES: tuple[Assurance | None, ...] = ("pass", "fail", "hit_and_miss", None)


class IconKey(NamedTuple):
    """One picture of the set: what it shows, and its height."""

    variation: Variation
    assurance: Assurance | None
    #: Whether the latest signal is above the mean; always False for common cause,
    #: whose dots are drawn the same either way.
    high: bool
    size_cm: float

    @property
    def file_name(self) -> str:
        """The shipped file's name, such as ``improvement-high-pass-60.png``."""
        side = ("high" if self.high else "low") if self.variation != "common" else ""
        parts = [self.variation, side, self.assurance or "none", f"{round(self.size_cm * 100)}"]
        return "-".join(part for part in parts if part) + ".png"


def icon_key(
    variation: Variation, assurance: Assurance | None, *, high: bool, size_cm: float
) -> IconKey:
    """The key of the picture for these icons (common cause looks the same high or low)."""
    return IconKey(variation, assurance, high and variation != "common", size_cm)


def every_icon() -> Iterator[IconKey]:
    """Every picture an update can hold, once each."""
    for size_cm in (ICON_CM, TABLE_ICON_CM):
        for variation in VARIATIONS:
            for assurance in ASSURANCES:
                for high in (False, True) if variation != "common" else (False,):
                    yield IconKey(variation, assurance, high, size_cm)


def draw_icons(key: IconKey) -> bytes:
    """The variation icon (and the assurance icon, when there is one) as PNG bytes.

    ``key.high`` says whether the latest signal is above the mean (dots drawn
    high) rather than below; it matters only for a special-cause icon. The
    same key always gives the same bytes.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle

    variation, assurance, high, size_cm = key
    count = 2 if assurance is not None else 1
    figure = Figure(figsize=(count * size_cm / 2.54, size_cm / 2.54), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, count)
    axes.set_ylim(0, 1)
    axes.set_aspect("equal")
    axes.axis("off")
    colour = _VARIATION_COLOUR.get(variation, GREY)
    axes.add_patch(Circle((0.5, 0.5), 0.44, facecolor="white", edgecolor=colour, linewidth=2.2))
    xs = [0.24, 0.34, 0.44, 0.54, 0.64, 0.74]
    if variation == "common":
        ys = [0.5, 0.56, 0.45, 0.55, 0.47, 0.52]
        dots = [GREY] * 6
    else:
        lift = 0.14 if high else -0.14
        ys = [0.5, 0.45, 0.53, 0.5 + lift, 0.5 + lift, 0.5 + lift]
        dots = [GREY, GREY, GREY, colour, colour, colour]
    axes.plot(xs, ys, color="#7f7f7f", linewidth=0.8, zorder=2)
    axes.scatter(xs, ys, s=9, c=dots, zorder=3, linewidths=0)
    if assurance is not None:
        ring, letter = _ASSURANCE[assurance]
        axes.add_patch(Circle((1.5, 0.5), 0.44, facecolor="white", edgecolor=ring, linewidth=2.2))
        axes.text(
            1.5, 0.49, letter, ha="center", va="center", fontsize=9, fontweight="bold", color=ring
        )
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, transparent=True)
    return buffer.getvalue()
