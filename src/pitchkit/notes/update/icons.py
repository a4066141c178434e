"""Making Data Count's variation and assurance icons, drawn small by pitchkit.

:func:`icons` draws the two icons side by side as one PNG, for a table cell
or beside a chart: a circle coloured as Making Data Count colours it (grey
for common cause, blue for improvement, orange for concern, purple when
neither direction is better) holding a small run of dots that shows the
pattern, and an assurance circle with P (the target is met every time), F
(it is missed every time) or ? (hit and miss). Words for screen readers
come from the caller, in the reader's language; the drawing has no words
beyond those letters.
"""

from __future__ import annotations

import functools
import io

from pitchkit.i18n.translation import N_, Language
from pitchkit.notes.update.spc import Analysis, Assurance, Variation
from pitchkit.word.renderenv import Picture

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
_DPI = 200
#: The height of the icons beside a chart, and in the table of measures.
ICON_CM = 0.6
TABLE_ICON_CM = 0.36


@functools.lru_cache(maxsize=64)
def icons(
    variation: Variation, assurance: Assurance | None, *, high: bool, size_cm: float
) -> bytes:
    """The variation icon (and the assurance icon, when there is one) as PNG bytes.

    ``high`` says whether the latest signal is above the mean (dots drawn
    high) rather than below; it matters only for a special-cause icon.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle

    count = 2 if assurance is not None else 1
    figure = Figure(figsize=(count * size_cm / 2.54, size_cm / 2.54), dpi=_DPI)
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
    figure.savefig(buffer, format="png", dpi=_DPI, metadata={"Software": None}, transparent=True)
    return buffer.getvalue()


def icon_picture(analysis: Analysis, lang: Language, *, size_cm: float = ICON_CM) -> Picture | str:
    """The variation and assurance icons as a small picture with alt text; empty without a chart."""
    if analysis.kind == "none":
        return ""
    latest = max((i for i, v in enumerate(analysis.values) if v is not None), default=0)
    holding = [s for s in analysis.signals if latest in s.points]
    high = bool(holding) and holding[0].direction == "up"
    count = 2 if analysis.assurance is not None else 1
    return Picture(
        data=icons(analysis.variation, analysis.assurance, high=high, size_cm=size_cm),
        width_cm=size_cm * count,
        description=icons_words(analysis, lang),
    )


VARIATION_WORDS = {
    "common": N_("common cause variation"),
    "improvement": N_("special cause variation: improvement"),
    "concern": N_("special cause variation: concern"),
    "special": N_("special cause variation"),
}
ASSURANCE_WORDS = {
    "pass": N_("the target will be met consistently"),
    "fail": N_("the target will be missed consistently unless something changes"),
    "hit_and_miss": N_("the target will be met and missed by chance"),
}


def icons_words(analysis: Analysis, lang: Language) -> str:
    """The icons in words: ``Latest point: common cause variation. Assurance: …``."""
    if analysis.kind == "none":
        return ""
    text = lang.gettext("Latest point: {variation}.").format(
        variation=lang.gettext(VARIATION_WORDS[analysis.variation])
    )
    if analysis.assurance is not None:
        text += " " + lang.gettext("Assurance: {assurance}.").format(
            assurance=lang.gettext(ASSURANCE_WORDS[analysis.assurance])
        )
    return text
