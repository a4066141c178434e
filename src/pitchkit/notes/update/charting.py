"""The update's charts: which measures get one, the pictures, and their signals in words.

A measure with enough figures gets a run chart or an XmR chart
(:mod:`pitchkit.notes.update.spc` finds the signals,
:mod:`pitchkit.notes.update.charts` draws them);
measures with a signal come first, and at most :data:`MAX_CHARTS` are shown
so the update stays within two pages. Each signal is worded here, in the
reader's language, with the period it ends in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from pitchkit.facts.schema import Settings
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context
from pitchkit.notes.update import charts
from pitchkit.notes.update.measures import per_period_words
from pitchkit.notes.update.progress import MeasureProgress
from pitchkit.notes.update.situation import Situation
from pitchkit.word.render import Picture

#: At most this many charts, so the update stays within two pages.
MAX_CHARTS = 3
#: At most this many signals are worded for a chart, latest first.
MAX_SIGNALS = 3
#: A fill-in template keeps room for the words the team will write in place of its prompts.
MAX_CHARTS_FILL_IN = 2
CHART_WIDTH_CM = 16.5
CHART_HEIGHT_CM = 4.3


def chart_rules(settings: Settings) -> charts.Rules:
    """The chart rules, with the SPC shift and trend lengths from the settings."""
    return charts.Rules(spc_shift=settings.spc_shift, spc_trend=settings.spc_trend)


def chart_context(situation: Situation) -> Context:
    """Charts for the measures with enough points, signals first, at most :data:`MAX_CHARTS`.

    A fill-in template shows at most :data:`MAX_CHARTS_FILL_IN`, so that the
    update still fits two pages once the team has written in its parts.
    """
    lang = situation.lang
    rules = chart_rules(situation.facts.settings)
    candidates = []
    for order, progress in enumerate(situation.progress):
        points = [p for p in progress.points if p.period.kind == situation.run.kind]
        analysis = charts.analyse(
            [p.value for p in points],
            better=progress.impact.direction,
            target=points[-1].target if points else None,
            rules=rules,
        )
        if analysis.kind != "none":
            candidates.append((not analysis.signals, order, progress, points, analysis))
    most = MAX_CHARTS_FILL_IN if situation.fill_in else MAX_CHARTS
    chosen = sorted(candidates, key=lambda c: (c[0], c[1]))[:most]
    chosen.sort(key=lambda c: c[1])
    note = ""
    if len(candidates) > len(chosen):
        note = lang.gettext(
            "Charts are shown for {shown} of the {total} measures with enough figures, "
            "those with a signal first, to keep this update to two pages."
        ).format(shown=len(chosen), total=len(candidates))
    return {
        "charts": [chart(p, pts, a, situation) for _, _, p, pts, a in chosen],
        "chart_note": note,
        "chart_rules": rules_text(rules, lang) if chosen else "",
    }


def chart(
    progress: MeasureProgress,
    points: Sequence[Any],
    analysis: charts.Analysis,
    situation: Situation,
) -> Context:
    """One chart as a picture, with its kind and its signals in words."""
    lang, impact = situation.lang, progress.impact
    unit = (
        impact.unit
        if not impact.per
        else f"{impact.unit} {per_period_words(points[-1].period, lang)}"
    )
    data = charts.draw(
        analysis,
        labels=[fmt.period_label(p.period.text, lang, short=True) for p in points],
        title="",
        unit=unit,
        baseline=points[-1].baseline,
        target=points[-1].target,
        centre_label=lang.gettext("Median") if analysis.kind == "run" else lang.gettext("Mean"),
        limit_label=lang.gettext("Process limits"),
        baseline_label=lang.gettext("Baseline"),
        target_label=lang.gettext("Target"),
        improvement_label=lang.gettext("Improvement"),
        concern_label=lang.gettext("Concern"),
        special_label=lang.gettext("Signal"),
        width_cm=CHART_WIDTH_CM,
        height_cm=CHART_HEIGHT_CM,
    )
    measure = wording.apply_terms(impact.measure, situation.terms)
    kind = lang.gettext("run chart") if analysis.kind == "run" else lang.gettext("XmR chart")
    return {
        "measure": measure,
        "kind": kind,
        "picture": Picture(
            data=data,
            width_cm=CHART_WIDTH_CM,
            description=lang.gettext("{kind} of {measure}").format(kind=kind, measure=measure),
        ),
        "signals": signals_text(analysis, points, situation),
    }


def _count(n: int, kind: str, lang: Language) -> str:
    """``7 months``, with the plural form the language uses for ``n``."""
    if kind == "quarter":
        text = lang.ngettext("{n} quarter", "{n} quarters", n)
    elif kind == "year":
        text = lang.ngettext("{n} year", "{n} years", n)
    else:
        text = lang.ngettext("{n} month", "{n} months", n)
    return text.format(n=n)


def signal_words(
    signal: charts.Signal, analysis: charts.Analysis, kind: str, lang: Language
) -> str:
    """One signal in words: ``shift: 7 months below the median (improvement)``."""
    centre = lang.gettext("the median") if analysis.kind == "run" else lang.gettext("the mean")
    length = _count(signal.length, kind, lang)
    if signal.rule == "shift":
        text = (
            lang.gettext("shift: {length} above {centre}")
            if signal.direction == "up"
            else lang.gettext("shift: {length} below {centre}")
        ).format(length=length, centre=centre)
    elif signal.rule == "trend":
        text = (
            lang.gettext("trend: {length} rising")
            if signal.direction == "up"
            else lang.gettext("trend: {length} falling")
        ).format(length=length)
    elif signal.rule == "outside_limits":
        text = lang.ngettext(
            "{n} point outside the limits", "{n} points outside the limits", signal.length
        ).format(n=signal.length)
    elif signal.direction == "up":
        text = lang.gettext("two of three points close to the upper limit")
    else:
        text = lang.gettext("two of three points close to the lower limit")
    if signal.improvement is True:
        return lang.gettext("{signal} (improvement)").format(signal=text)
    if signal.improvement is False:
        return lang.gettext("{signal} (concern)").format(signal=text)
    return text


def signals_text(analysis: charts.Analysis, points: Sequence[Any], situation: Situation) -> str:
    """The latest few signals in words, ending with where they end; or that there are none.

    Points outside the limits on the unwanted side are always mentioned, in
    place of the oldest of the latest few when later signals crowd them out.
    """
    lang = situation.lang
    if not analysis.signals:
        return lang.gettext("No signal: the variation so far is what chance alone would give.")
    latest = sorted(analysis.signals, key=lambda s: (s.end, s.start))[-MAX_SIGNALS:]
    concern = concern_outside(analysis.signals)
    if concern is not None and not any(s.improvement is False for s in latest):
        latest = [concern, *latest[1:]]  # in place of the oldest of the latest few
    parts = []
    for signal in reversed(latest):
        words = signal_words(signal, analysis, situation.run.kind, lang)
        end = fmt.period_label(points[signal.end].period.text, lang)
        parts.append(lang.gettext("{signal}, ending {end}").format(signal=words, end=end))
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def concern_outside(signals: Sequence[charts.Signal]) -> charts.Signal | None:
    """Every point outside the limits on the unwanted side, as one signal; ``None`` if none."""
    found = [s for s in signals if s.rule == "outside_limits" and s.improvement is False]
    if not found:
        return None
    points = tuple(sorted(p for s in found for p in s.points))
    return replace(found[-1], start=points[0], end=points[-1], points=points, length=len(points))


def rules_text(rules: charts.Rules, lang: Language) -> str:
    """The chart rules used, for the small print."""
    return lang.gettext(
        "Run charts (from {run_min} points): median line; a shift is {run_shift} or more points "
        "on one side of it, a trend {run_trend} or more rising or falling. XmR charts (from "
        "{spc_min} points): mean and process limits at the mean ± 2.66 × the mean moving range; "
        "signals are a point outside the limits, a shift of {spc_shift} points, a trend of "
        "{spc_trend}, and two of three points beyond two-thirds of the way to a limit."
    ).format(
        run_min=rules.min_run_points,
        run_shift=rules.run_shift,
        run_trend=rules.run_trend,
        spc_min=rules.min_spc_points,
        spc_shift=rules.spc_shift,
        spc_trend=rules.spc_trend,
    )
