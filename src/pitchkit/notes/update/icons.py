"""Making Data Count's variation and assurance icons, as pictures for an update.

:func:`icons` gives the two icons side by side as one PNG, for a table cell
or beside a chart: the variation icon (what the latest point says) and the
assurance icon (whether the target will be met). Words for screen readers
come from the caller, in the reader's language (:func:`icons_words`).

The pictures are drawn once, by ``make icons``, with
:mod:`pitchkit.notes.update.icondrawing` (matplotlib, a build tool), and
shipped in the package (``notes/update/icon-pictures/``), so an update
reads a small file. A size no update uses is scaled from the larger
shipped picture with Pillow.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from pitchkit.i18n.translation import N_, Language
from pitchkit.notes.update.icondrawing import DPI, ICON_CM, TABLE_ICON_CM, icon_key
from pitchkit.notes.update.spc import Analysis, Assurance, Variation
from pitchkit.word.renderenv import Picture

__all__ = ["ICON_CM", "TABLE_ICON_CM", "icon_picture", "icons", "icons_words"]

#: Where the drawn pictures are shipped.
FOLDER = Path(__file__).parent / "icon-pictures"


@functools.lru_cache(maxsize=64)
def icons(
    variation: Variation, assurance: Assurance | None, *, high: bool, size_cm: float
) -> bytes:
    """The variation icon (and the assurance icon, when there is one) as PNG bytes.

    ``high`` says whether the latest signal is above the mean (dots drawn
    high) rather than below; it matters only for a special-cause icon. The
    two sizes an update uses are read from the shipped files; any other size
    is scaled from the larger of them.
    """
    if size_cm in (ICON_CM, TABLE_ICON_CM):
        key = icon_key(variation, assurance, high=high, size_cm=size_cm)
        return (FOLDER / key.file_name).read_bytes()
    return _scaled(icons(variation, assurance, high=high, size_cm=ICON_CM), size_cm / ICON_CM)


def _scaled(picture: bytes, factor: float) -> bytes:
    """``picture`` (a PNG) ``factor`` times as large, at the same resolution."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(picture)) as shipped:
        size = (max(1, round(shipped.width * factor)), max(1, round(shipped.height * factor)))
        dpi = shipped.info.get("dpi", (DPI, DPI))
        resized = shipped.convert("RGBA").resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    resized.save(buffer, format="PNG", dpi=dpi)
    return buffer.getvalue()


def icon_picture(
    analysis: Analysis, lang: Language, *, size_cm: float = ICON_CM, spend: bool = False
) -> Picture | str:
    """The variation and assurance icons as a small picture with alt text; empty without a chart.

    ``spend``: each one is extra spend (a crisis house's nights), so a rise is neither good
    nor bad news and its icon is Making Data Count's purple one for that, not the blue of
    improvement beside "each one is extra spend" (reader27 #17).
    """
    if analysis.kind == "none":
        return ""
    latest = max((i for i, v in enumerate(analysis.values) if v is not None), default=0)
    holding = [s for s in analysis.signals if latest in s.points]
    if (held := analysis.held_baseline_shift()) is not None:
        holding = [held]
    high = bool(holding) and holding[0].direction == "up"
    count = 2 if analysis.assurance is not None else 1
    return Picture(
        data=icons(
            shown_variation(analysis, spend), analysis.assurance, high=high, size_cm=size_cm
        ),
        width_cm=size_cm * count,
        description=icons_words(analysis, lang, spend=spend),
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

#: Why a chart has no assurance icon: a shift still moving, so limits await recalculation,
#: or a latest point past limits that no longer describe the process.
PENDING_WORDS = N_("No assurance icon until the limits are recalculated at the new level.")
#: The latest point is past the limits: said as the director reads the chart, improvement
#: as improvement, so that the missing icon is not taken for a fault.
MOVED_WORDS = {
    "improvement": N_(
        "No assurance icon yet: the figures have improved beyond their limits, so the limits "
        "are to be recalculated at the new level before they can say whether the target will "
        "be met."
    ),
    "concern": N_(
        "No assurance icon yet: the figures have worsened beyond their limits, so the limits "
        "are to be recalculated at the new level before they can say whether the target will "
        "be met."
    ),
    "other": N_(
        "No assurance icon yet: the figures have moved beyond their limits, so the limits "
        "are to be recalculated at the new level before they can say whether the target will "
        "be met."
    ),
}


def pending_words(analysis: Analysis, lang: Language) -> str:
    """Why the chart has no assurance icon, when one is left out; else empty.

    The rule is NHSRplotthedots's (docs/spc.md); the words say which way the
    figures moved, so a chart of steady improvement reads as improvement.
    """
    if not analysis.assurance_pending or analysis.drifting_now:
        return ""  # limits made from a trend: the chart's words say why (charting.drift_text)
    if analysis.changes and analysis.changes[-1].moving:
        return lang.gettext(PENDING_WORDS)
    way = analysis.variation if analysis.variation in ("improvement", "concern") else "other"
    return lang.gettext(MOVED_WORDS[way])


#: The letter in each assurance icon (:mod:`icondrawing`), in the key's order.
ASSURANCE_LETTERS = {"pass": "P", "fail": "F", "hit_and_miss": "?"}


def assurance_key(analyses: Sequence[Analysis], lang: Language) -> str:
    """The assurance icons shown, in words: ``Assurance icons: ? means the target …``.

    A director cannot read "?" (or P or F) in a circle beside a chart or a
    measure unaided (reader24 #12), so each letter the update shows is said
    once in the small print; none shown, nothing said.
    """
    shown = {a.assurance for a in analyses if a.kind != "none" and a.assurance is not None}
    parts = [
        lang.gettext("{letter} means {words}").format(
            letter=letter, words=lang.gettext(ASSURANCE_WORDS[kind])
        )
        for kind, letter in ASSURANCE_LETTERS.items()
        if kind in shown
    ]
    if not parts:
        return ""
    return lang.gettext("Assurance icons (the second circle, with a letter): {key}.").format(
        key="; ".join(parts)
    )


def spend_key(analyses: Sequence[Analysis], lang: Language) -> str:
    """The purple icon in words, when a measure of extra spend shows it for a planned rise.

    The icon beside "rising as planned; each one is extra spend" had no key
    (reader28 #7): ``analyses`` are the charts of the measures whose every
    one is extra spend.
    """
    if not any(a.kind != "none" and a.shown_variation == "improvement" for a in analyses):
        return ""
    return lang.gettext("Purple icon: rising as planned; each rise is extra spend.")


def shown_variation(analysis: Analysis, spend: bool = False) -> str:
    """The variation icon shown: a measure of extra spend has no good or bad direction."""
    shown = analysis.shown_variation
    return "special" if spend and shown in ("improvement", "concern") else shown


def icons_words(analysis: Analysis, lang: Language, *, spend: bool = False) -> str:
    """The icons in words: ``Latest point: common cause variation. Assurance: …``."""
    if analysis.kind == "none":
        return ""
    text = lang.gettext("Latest point: {variation}.").format(
        variation=lang.gettext(VARIATION_WORDS[shown_variation(analysis, spend)])
    )
    if analysis.assurance is not None:
        text += " " + lang.gettext("Assurance: {assurance}.").format(
            assurance=lang.gettext(ASSURANCE_WORDS[analysis.assurance])
        )
    return text
