"""The update's charts: which measures get one, the pictures, and their signals in words.

A measure with enough figures gets a run chart or an XmR chart
(:mod:`pitchkit.notes.update.spc` finds the signals,
:mod:`pitchkit.notes.update.charts` draws them);
measures with a signal come first, and at most :data:`MAX_CHARTS` are shown
so the update stays within two pages. Every signal on a chart is worded
here, in the reader's language, grouped by rule in order of weight (shift,
trend, outside the limits, two of three) and most recent first, with the
period it ends in; so are the baseline, the change and the Making Data
Count icons. A measure with too few figures for a chart is named, with how
many it has and how many a chart needs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

from pitchkit.facts.schema import Settings
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context
from pitchkit.notes.update import charts, icons, spans, spc
from pitchkit.notes.update.board import deliveries
from pitchkit.notes.update.claims import Claim, worsening
from pitchkit.notes.update.delivery import chosen_statements, sparse
from pitchkit.notes.update.measures import (
    has_figure,
    measure_row,
    per_period_words,
    shown_unit,
)
from pitchkit.notes.update.progress import MeasureProgress
from pitchkit.notes.update.situation import Situation
from pitchkit.recast.money import adds_spend
from pitchkit.word.render import Picture

#: At most this many charts, so the update stays within two pages.
MAX_CHARTS = 3
#: A fill-in template keeps room for the words the team will write in place of its prompts.
MAX_CHARTS_FILL_IN = 2
CHART_WIDTH_CM = 16.5
CHART_HEIGHT_CM = 3.4
CHART_HEIGHT_SHORT_CM = 2.8


def chart_rules(settings: Settings) -> charts.Rules:
    """The chart rules, with the SPC shift and trend lengths from the settings."""
    return charts.Rules(spc_shift=settings.spc_shift, spc_trend=settings.spc_trend)


def charted(
    situation: Situation,
    named: frozenset[str] = frozenset(),
    mentioned: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The ids of the measures whose charts the update shows (:func:`chart_context`)."""
    return frozenset(p.impact.id for p, _ in _choose(situation, named, mentioned)[1])


def chart_context(
    situation: Situation,
    named: frozenset[str] = frozenset(),
    mentioned: frozenset[str] = frozenset(),
) -> Context:
    """Charts for measures with enough points: claims, then signals, first (up to MAX_CHARTS).

    The charts the update's claims rest on are also shown first, so that the
    chart behind "What this has delivered" is not the last one on the page.
    The first measure whose chart shows it worse than before the change
    always has one of the places (the last, when the others fill them).

    A fill-in template charts only the measures that already have the
    period's figure (from a spreadsheet), at most :data:`MAX_CHARTS_FILL_IN`,
    so that the draft stays short; with none, ``chart_note`` says the charts
    come once the period's figures are logged. Measures with too few points
    are named in ``chart_note`` with why.
    """
    lang = situation.lang
    rules = chart_rules(situation.facts.settings)
    candidates, chosen, short = _choose(situation, named, mentioned)
    notes = []
    if situation.fill_in and not chosen and candidates and situation.charts_at_most != 0:
        # A draft's charts would stop at an earlier period: they come with the update.
        notes.append(
            lang.gettext(
                "The charts are drawn once the figures for {period} are logged; this draft "
                "does not repeat earlier periods' charts."
            ).format(period=fmt.period_label(situation.period.text, lang))
        )
    elif len(candidates) > len(chosen) and situation.short_small_print:
        # Short, to keep a chart a claim rests on: which come first is the long form's.
        notes.append(
            lang.gettext(
                "Charts are shown for {shown} of the {total} measures with enough figures, to "
                "keep this update to two pages."
            ).format(shown=len(chosen), total=len(candidates))
        )
    elif len(candidates) > len(chosen) and any(worsening(c) for _, c in candidates):
        notes.append(
            lang.gettext(
                "Charts are shown for {shown} of the {total} measures with enough figures, "
                "first those the sentences above rely on or that show a change the wrong way, "
                "then those with a signal, to keep this update to two pages."
            ).format(shown=len(chosen), total=len(candidates))
        )
    elif len(candidates) > len(chosen):
        notes.append(
            lang.gettext(
                "Charts are shown for {shown} of the {total} measures with enough figures, "
                "first those the sentences above rely on, then those with a signal, to keep "
                "this update to two pages."
            ).format(shown=len(chosen), total=len(candidates))
        )
    notes += short
    said_rules = " ".join(
        t
        for t in (
            # Kept short, the rules are left to the words under each chart, which say
            # where its limits come from and name every signal by its rule; the method
            # stays, in one line (reader28 #4).
            short_rules_text([c.analysis for _, c in chosen], lang)
            if situation.short_small_print
            else rules_text(rules, [c.analysis for _, c in chosen], lang),
            icons.assurance_key(
                [c.analysis for _, c in chosen] + [c.analysis for c in situation.claims.values()],
                lang,
            ),
            icons.spend_key(
                [
                    situation.claims[p.impact.id].analysis
                    for p in situation.progress
                    if adds_spend(p.impact)
                ],
                lang,
            ),
        )
        if t
    )
    if situation.short_small_print and notes and said_rules:
        # Kept short, the key to the icons follows the note in one paragraph: the space
        # between two was the last of the room a second chart needed (reader27 #6).
        notes.append(said_rules)
        said_rules = ""
    return {
        "charts": as_for_the_chart_above([chart(p, c, situation) for p, c in chosen], lang),
        "chart_note": " ".join(notes),
        # The contact line is left to the footer too, where it gives the name and email.
        "small_print_short": situation.short_small_print,
        "chart_rules": said_rules,
    }


_Chosen = list[tuple[MeasureProgress, Claim]]

#: Why a chart whose limits in force come from a trend or a shift has no assurance icon.
SETTLED_WORDS = N_("No assurance icon until limits can be made from figures that have settled.")
#: Limits made from a trend, the points beyond them named (:func:`drift_text`).
TREND_BEYOND = N_(
    "These limits come from figures that are themselves a trend, so the points beyond them "
    "within it ({points}) are part of that trend, not separate signals."
)
#: A sentence's end, where the words under a chart are split to be compared.
_SENTENCE_END = re.compile(r"(?<=[.!?]) (?=\S)")


def as_for_the_chart_above(charted: list[Context], lang: Language) -> list[Context]:
    """The charts, each one's words opening with the chart above's as one short sentence.

    Two charts whose limits come from the same months, both trial limits,
    repeated "Limits from the 8 months since the change in April 2026; the 4
    months before it, too few for a baseline, are not judged. Limits from
    fewer than 12 points are trial limits: …" word for word, and the room
    they took cost the chart of the bed days "Since the last update" counts
    as delivered (reader27 #6). Two or more opening sentences the same as the
    chart above's are said in one short sentence that still names the months
    the limits come from: "Limits from the same 8 months as the chart above
    (trial limits)." (reader28 #4 and #5: "Limits
    made as for the chart above" claimed more than the months, and named
    none); "made as for the chart above" only where more than the months is
    the same. A picture's description keeps them all, as it is read on its own.
    """
    shortened = [dict(c) for c in charted]
    for above, below in zip(charted, shortened[1:], strict=False):
        first = _SENTENCE_END.split(str(above["signals"]))
        second = _SENTENCE_END.split(str(below["signals"]))
        same = 0
        while same < min(len(first), len(second)) - 1 and first[same] == second[same]:
            same += 1
        if same < 2:
            continue
        rest = second[same:]
        # The same wait for an assurance icon, said further on under both, is said once too.
        pending = {lang.gettext(SETTLED_WORDS), lang.gettext(icons.PENDING_WORDS)}
        waits = [t for t in rest if t in pending and t in first[same:]]
        rest = [t for t in rest if t not in waits]
        # One said in the shared opening is said in its short form too, never dropped.
        waits += [t for t in second[:same] if t in pending]
        limits = _same_limits_words(below.get("limits"), second[:same], pending, lang)
        # So is limits made from a trend, under both: only this chart's points are said.
        trend = _drift_pattern(lang)
        drift = next((t for t in rest if trend.fullmatch(t)), None)
        if waits and drift is not None and any(trend.fullmatch(t) for t in first[same:]):
            found = trend.fullmatch(drift)
            assert found is not None
            opening = lang.gettext(
                "{limits}, from figures that are themselves a trend, with no assurance icon yet; "
                "the points beyond them ({points}) are part of that trend, not separate signals."
            ).format(limits=limits, points=found.group("points"))
            rest = [t for t in rest if t is not drift]
        elif waits:
            opening = lang.gettext("{limits}, with no assurance icon yet.").format(limits=limits)
        else:
            opening = lang.gettext("{limits}.").format(limits=limits)
        below["signals"] = " ".join([opening, *rest])
    return shortened


def _same_limits_words(
    limits: Any, shared: Sequence[str], pending: set[str], lang: Language
) -> str:
    """The opening of the words under a chart whose limits are made as the chart above's.

    ``shared`` are the sentences the two charts' words open with alike.
    Where they say only which months the limits come from (and that they
    are trial limits), the opening says so: "Limits from the same 8 months
    as the chart above (trial limits)"; where they
    say more of how the limits were made (a shift they hold), "Limits made
    as for the chart above, from the same 8 months".
    """
    if not limits:
        return lang.gettext("Limits made as for the chart above")
    trial = str(limits["trial"])
    # The months are named by their count, the chart above naming them (kept short: the
    # room is a chart's).
    trial_words = lang.gettext(" (trial limits)") if trial and trial in shared else ""
    told = {trial, *pending}
    more = [t for t in shared[1:] if t not in told]
    if not limits["opening"]:
        more = [*more, *shared[:1]]
    if more or shared[0] != limits["opening"]:
        return lang.gettext(
            "Limits made as for the chart above, from the same {count}{trial}"
        ).format(count=limits["count"], trial=trial_words)
    return lang.gettext("Limits from the same {count} as the chart above{trial}").format(
        count=limits["count"], trial=trial_words
    )


def _drift_pattern(lang: Language) -> re.Pattern[str]:
    """The words under a chart whose limits come from a trend, its points left open."""
    words = lang.gettext(TREND_BEYOND)
    head, _, tail = words.partition("{points}")
    return re.compile(re.escape(head) + "(?P<points>.+?)" + re.escape(tail))


def _choose(
    situation: Situation,
    named: frozenset[str] = frozenset(),
    mentioned: frozenset[str] = frozenset(),
) -> tuple[_Chosen, _Chosen, list[str]]:
    """The measures with enough points, those charted (claimed first), and why not others.

    ``named`` are the measures whose lines under "Since the last update"
    speak of their charts: after the claims', before any other (reader24 #6).
    ``mentioned`` are those it has any line for ("the lowest figure yet"):
    next, before charts no sentence relies on (reader27 #7).
    """
    candidates = []
    short = []
    claimed = claimed_impacts(situation)
    for order, progress in enumerate(situation.progress):
        claim = situation.claims[progress.impact.id]
        if claim.analysis.kind != "none":
            # A chart behind a claim this update makes first (its limits may have moved
            # with the change, leaving no signal on them): those of the sentence for the
            # board, then those of the delivered table; then any other that shows a
            # change, then one with a signal, in the log's order.
            rank = (
                claimed.get(progress.impact.id, len(claimed)),
                progress.impact.id not in named,
                progress.impact.id not in mentioned,
                not claim.shown,
                not _signalled(claim.analysis),
            )
            candidates.append((rank, order, progress, claim))
        elif claim.analysis.count:
            short.append((progress, claim))
    most = MAX_CHARTS_FILL_IN if situation.fill_in else MAX_CHARTS
    if situation.charts_at_most is not None:
        most = min(most, situation.charts_at_most)
    # A draft charts only the measures that already have the period's figure.
    drawable = [
        c for c in candidates if not situation.fill_in or has_figure(c[2], situation.period)
    ]
    ranked = sorted(drawable, key=lambda c: (c[0], c[1]))
    chosen = ranked[:most]
    # The director's own measures first: the one "What this has delivered" says is worse.
    own = {impact.id for impact, _ in chosen_statements(situation)}
    worse = next(
        (c for c in sorted(ranked, key=lambda c: c[2].impact.id not in own) if worsening(c[3])),
        None,
    )
    if worse is not None and worse not in chosen and most >= 1:
        # The first measure whose chart shows it worse than before the change is never left
        # out for charts of what went well: it takes the last place (newuser12 #3), the only
        # one when the page holds one chart (the table still gives what went well).
        chosen[-1] = worse
    # Shown as chosen for the claims: the charts this director's claims rest on first (the
    # board sentence's, then the delivered table's), then the others in the log's order.
    chosen.sort(key=lambda c: (c[0][0], c[1]))
    return (
        [(p, c) for _, _, p, c in candidates],
        [(p, c) for _, _, p, c in chosen],
        too_few_texts(short, situation),
    )


def _signalled(analysis: spc.Analysis) -> bool:
    """Whether a chart has a signal, its sustained shifts at a change included.

    A shift from the change on that the limits were recalculated at is a
    signal the caption names ("a sustained shift (13 months below the mean
    before it, concern)"), though it is kept apart from the listed ones: a
    chart with one is not a quiet chart (newuser12 #3).
    """
    return bool(
        since_change(analysis).signals
        or analysis.baseline_shift is not None
        or any(c.shift is not None for c in analysis.changes)
    )


def before_change(analysis: spc.Analysis, signal: spc.Signal) -> bool:
    """Whether ``signal`` lies wholly in the months before the change: the baseline's own.

    Such a signal (an earlier fall the baseline holds, a month above its
    limits) says nothing of the project, so an update neither lists nor
    marks it: a "concern" in early 2025 on a project that changed things in
    2026 reads as if something went wrong in the project (newuser15 #6). The
    baseline's limits are still made from those months, as Making Data
    Count makes them, and a signal that runs on past the change is the
    project's. A signal already worded as the level the change started from
    (:attr:`~.spc.Signal.before_improvement` and its kin) keeps its words.
    """
    at = analysis.change_at
    return (
        at is not None
        and signal.end < at
        and not (
            signal.before_improvement
            or signal.stepping
            or signal.before_worsening
            or signal.recovering
        )
    )


def since_change(analysis: spc.Analysis) -> spc.Analysis:
    """``analysis`` with only the signals an update shows: none wholly before the change."""
    kept = tuple(s for s in analysis.signals if not before_change(analysis, s))
    return analysis if len(kept) == len(analysis.signals) else replace(analysis, signals=kept)


def claimed_impacts(situation: Situation) -> dict[str, int]:
    """The impacts whose delivery this update claims, by id, with their rank.

    0 for those in the sentence for the board, 1 for those in the delivered
    table only. A draft claims nothing yet.
    """
    if situation.fill_in:
        return {}
    found: dict[str, int] = {}
    for delivery in deliveries(situation):
        found.setdefault(delivery.impact_id, 0)
    for impact, _ in chosen_statements(situation):
        if situation.claims[impact.id].shown:
            found.setdefault(impact.id, 1)
    return found


def too_few_texts(short: _Chosen, situation: Situation) -> list[str]:
    """Why measures have no chart, one sentence for all those with as few figures.

    Six measures with 6 months each of the 8 a chart needs are one sentence
    naming them (newuser32 #10), not six sentences that differ only in the
    measure; measures with different counts each get their own.
    """
    lang = situation.lang
    groups: dict[tuple[str, int], list[tuple[MeasureProgress, Claim]]] = {}
    for progress, claim in short:
        needed = _needed_words(progress, claim, situation)
        groups.setdefault((needed, claim.analysis.count), []).append((progress, claim))
    if (
        situation.short_small_print
        and len(groups) == 1
        and len(short) == len(situation.progress) > 1
    ):
        # Every measure alike, kept short: the table above names them (newuser35's May update).
        [(needed, count)] = groups
        text = lang.gettext(
            "No chart yet for any measure: a chart needs {needed} and each has {n} so far."
        ).format(needed=needed, n=count)
        return [fmt.settled(text, lang)]
    texts = []
    for (needed, count), members in groups.items():
        names = [
            wording.lower_measure(wording.apply_terms(p.impact.measure, situation.terms))
            for p, _ in members
        ]
        if len(names) == 1:
            text = lang.gettext(
                "No chart yet for {measure}: a chart needs {needed} and there {have} so far."
            ).format(
                measure=names[0],
                needed=needed,
                have=lang.ngettext("is {n}", "are {n}", count).format(n=count),
            )
        else:
            text = lang.gettext(
                "No chart yet for {measures}: a chart needs {needed} and each has {n} so far."
            ).format(measures=fmt.join_list(names, lang), needed=needed, n=count)
        texts.append(fmt.settled(text, lang))
    return texts


def _needed_words(progress: MeasureProgress, claim: Claim, situation: Situation) -> str:
    """``8 months``, or ``8 figures (8 quarters)`` for a measure logged less often than its log.

    A survey logged each quarter in a monthly log has one figure every three
    months: "a chart needs 8 months and there are 4 so far" read as if half
    of them were there (newuser34 #10). It is counted in its own figures,
    with the span they take when it is measured each quarter or each year.
    """
    lang = situation.lang
    n = claim.analysis.rules.min_run_points
    cadence = progress.cadence
    if cadence == 1 and not sparse(claim):
        return spans.period_count(n, _kind_of(claim, situation), lang)
    figures = lang.ngettext("{n} figure", "{n} figures", n).format(n=n)
    span = {3: "quarter", 12: "year"}.get(cadence)
    if span is None:
        return figures
    return lang.gettext("{figures} ({span})").format(
        figures=figures, span=spans.period_count(n, span, lang)
    )


def _kind_of(claim: Claim, situation: Situation) -> str:
    """The kind of period a measure's chart is drawn by."""
    return claim.points[-1].period.kind if claim.points else situation.run.kind


def chart(progress: MeasureProgress, claim: Claim, situation: Situation) -> Context:
    """One chart as a picture, with its kind, its icons and its signals in words."""
    lang, impact, analysis = situation.lang, progress.impact, claim.analysis
    shown = since_change(analysis)
    if (against := facts_shift(analysis)) is not None and against not in shown.signals:
        # The shift against the baseline the words under the chart name is marked on it
        # too, as the icon reads it: not a chart of grey points beside "improvement".
        shown = replace(shown, signals=(*shown.signals, against))
    if any(s.before_improvement for s in shown.signals):
        # The level the change started from is named in the words under the chart, "(the old
        # level)": drawn as a "Signal" in purple it read as a new concern (reader28 #3).
        shown = replace(shown, signals=tuple(s for s in shown.signals if not s.before_improvement))
    data = charts.draw(shown, **_draw_options(progress, claim, situation))
    measure = wording.apply_terms(impact.measure, situation.terms)
    kind = lang.gettext("run chart") if analysis.kind == "run" else lang.gettext("XmR chart")
    level = measure_row(progress, situation)["baseline_text"] if analysis.baseline_shift else ""
    signals = signals_text(analysis, claim.points, situation, level)
    if signals and adds_spend(impact):
        # Its improvement is more of what the change does, each one paid for: said with the
        # signals, so that a rise marked "improvement" is not read as money coming back.
        signals = " ".join(
            (
                signals,
                lang.gettext(
                    "Improvement here is more {unit}: the change working, and each one extra spend."
                ).format(unit=impact.unit or lang.gettext("of them")),
            )
        )
    described = icons.icons_words(analysis, lang, spend=adds_spend(impact))
    made = limits_made_from(analysis)
    limits = (
        {
            "count": spans.period_count(len(made), _kind_of(claim, situation), lang),
            "trial": trial_text(analysis, lang),
            "opening": limits_sentence(analysis, claim.points, _kind_of(claim, situation), lang),
        }
        if made and claim.points
        else None
    )
    return {
        # Which figures the limits come from, for the chart below's words (as_for_the_chart_above).
        "limits": limits,
        "measure": measure,
        "kind": kind,
        "picture": Picture(
            data=data,
            width_cm=CHART_WIDTH_CM,
            description=lang.gettext("{kind} of {measure}").format(kind=kind, measure=measure)
            + ". "
            + " ".join(t for t in (signals, described) if t),
        ),
        "icons": icons.icon_picture(analysis, lang, spend=adds_spend(impact)),
        "icons_text": described,
        "signals": signals,
    }


def _draw_options(progress: MeasureProgress, claim: Claim, situation: Situation) -> Any:
    """What :func:`pitchkit.notes.update.charts.draw` is given for one measure's chart."""
    lang, impact, points, analysis = situation.lang, progress.impact, claim.points, claim.analysis
    name = fmt.unit_words(impact.unit.strip(), lang)
    rate = shown_unit(impact)
    if rate != impact.unit and rate != "%":
        # A rate's axis is in the rate's words: "falls per 1,000 occupied bed days".
        name = f"{name} {rate}".strip() if rate.startswith("per ") else rate
    unit = name if not impact.per else f"{name} {per_period_words(points[-1].period, lang)}"
    return {
        "labels": [fmt.period_label(p.period.text, lang, short=True) for p in points],
        "title": "",
        "unit": unit,
        "baseline": points[-1].baseline if analysis.baseline is None else None,
        "target": points[-1].target,
        "centre_label": lang.gettext("Median") if analysis.kind == "run" else lang.gettext("Mean"),
        "limit_label": lang.gettext("Process limits"),
        "baseline_label": lang.gettext("Baseline"),
        # A balancing measure's target is the limit the team accepts (docs/measures.md).
        "target_label": lang.gettext("Limit") if impact.balancing else lang.gettext("Target"),
        # A priced rise's improvement is more spend too: its key says so (newuser16 #1).
        "improvement_label": lang.gettext("Rise: extra spend")
        if adds_spend(impact)
        # Every improvement marked began before the change: the key says it is not counted,
        # as the words under the chart say why (newuser32 #5).
        else lang.gettext("Improvement (not counted)")
        if _all_begun_before(analysis)
        else lang.gettext("Improvement"),
        "concern_label": lang.gettext("Concern"),
        "special_label": lang.gettext("Signal"),
        "change_label": lang.gettext("Change"),
        "width_cm": CHART_WIDTH_CM,
        # Kept short, the charts are a little lower too: the room the method line and the
        # contact take back (reader28 #4) would otherwise cost a chart.
        "height_cm": CHART_HEIGHT_SHORT_CM if situation.short_small_print else CHART_HEIGHT_CM,
    }


def _all_begun_before(analysis: charts.Analysis) -> bool:
    """Whether the chart marks improvements and every one began before the change."""
    shown = [s for s in since_change(analysis).signals if s.improvement is True]
    return bool(shown) and all(
        _improving_before_change(analysis, s) or analysis.too_early(s) for s in shown
    )


def signal_words(
    signal: charts.Signal,
    analysis: charts.Analysis,
    kind: str,
    lang: Language,
    points: Sequence[Any] = (),
) -> str:
    """One signal in words: ``a shift of 7 months below the median (improvement)``.

    Named in a phrase, not as a label ("shift: 7 months …"), so that a line
    that introduces it with a colon of its own never stacks two (fixupd25a #4).

    A shift against limits recalculated after a sustained shift names that
    mean, its value and where it was set from ("below the mean of 3.1 set
    from September 2025"), so a reader can tell it from the mean before the
    change and check which points lie below it (newuser20 #4). ``points``
    are the chart's points, for that period's name.
    """
    centre = lang.gettext("the median") if analysis.kind == "run" else lang.gettext("the mean")
    if signal.rule == "shift" and analysis.kind == "xmr" and points:
        centre = _recalculated_mean(signal, analysis, points, lang) or centre
    length = spans.period_count(signal.length, kind, lang)
    if signal.rule == "shift":
        text = (
            lang.gettext("a shift of {length} above {centre}")
            if signal.direction == "up"
            else lang.gettext("a shift of {length} below {centre}")
        ).format(length=length, centre=centre)
    elif signal.rule == "trend":
        text = (
            lang.gettext("a trend of {length} rising")
            if signal.direction == "up"
            else lang.gettext("a trend of {length} falling")
        ).format(length=length)
    elif signal.rule == "outside_limits" and signal.direction == "up":
        text = lang.ngettext(
            "{n} point above the upper limit", "{n} points above the upper limit", signal.length
        ).format(n=signal.length)
    elif signal.rule == "outside_limits":
        text = lang.ngettext(
            "{n} point below the lower limit", "{n} points below the lower limit", signal.length
        ).format(n=signal.length)
    elif signal.direction == "up":
        text = lang.gettext("two of three points close to the upper limit")
    else:
        text = lang.gettext("two of three points close to the lower limit")
    if signal.before_improvement:
        return lang.gettext("{signal} (the old level)").format(signal=text)
    if signal.stepping:
        return lang.gettext("{signal} (on the way to the new level)").format(signal=text)
    if signal.recovering and signal.direction == "down":
        return lang.gettext("{signal} (recovering, still worse than before the rise)").format(
            signal=text
        )
    if signal.recovering:
        return lang.gettext("{signal} (recovering, still worse than before the fall)").format(
            signal=text
        )
    if signal.before_worsening and signal.direction == "down":
        return lang.gettext("{signal} (before the rise)").format(signal=text)
    if signal.before_worsening:
        return lang.gettext("{signal} (before the fall)").format(signal=text)
    if _improving_before_change(analysis, signal):
        # Said beside the signal, in the words the delivered table uses, so that an
        # "(improvement)" above "no change can be told apart" never reads as a contradiction.
        return (
            lang.gettext(
                "{signal} (falling since before the change began, so not counted as the project's)"
            )
            if signal.direction == "down"
            else lang.gettext(
                "{signal} (rising since before the change began, so not counted as the project's)"
            )
        ).format(signal=text)
    if analysis.too_early(signal):
        # Its fall or rise starts at the change, with too few figures since for the chart to
        # credit it: the money's reason, not "before the change" (newuser33 N2).
        return lang.gettext(
            "{signal} (too early to count: too few figures since the change)"
        ).format(signal=text)
    if weak(signal, analysis):
        return lang.gettext("{signal} (weak evidence, not counted as an improvement)").format(
            signal=text
        )
    if signal.improvement is True:
        return lang.gettext("{signal} (improvement)").format(signal=text)
    if signal.improvement is False:
        return lang.gettext("{signal} (concern)").format(signal=text)
    return text


def signal_span(signal: spc.Signal, points: Sequence[Any], lang: Language) -> str:
    """``June 2027 to March 2028``: the periods a signal covers, first to last.

    The whole stretch, not only where it ends (fixupd25a #3: "ending March
    2028" left a director to count back 10 months), with a period inside it
    that has no figure named; one period alone for a single point.
    """
    periods = [
        points[i].period
        for i in range(signal.start, signal.end + 1)
        if points[i].value is not None or i in (signal.start, signal.end)
    ]
    return spans.span_text(periods, lang)


def weak(signal: charts.Signal, analysis: charts.Analysis) -> bool:
    """Whether ``signal`` is a point (or two of three) beyond limits that hold a shift.

    Decided once, by the analysis (:func:`spc._weakened`), so that the words,
    the chart's markers and the icon agree (reader25 #5).
    """
    del analysis
    return signal.weak


def _lone_points_together(
    named: Sequence[charts.Signal],
    analysis: charts.Analysis,
    kind: str,
    lang: Language,
    points: Sequence[Any],
) -> list[list[charts.Signal]]:
    """``named`` in order, lone points beyond a limit said in the same words grouped, oldest first.

    "1 point above the upper limit (the old level), June 2027; 1 point above
    the upper limit (the old level), April 2027" says one thing twice, latest
    first: grouped, it reads "2 points above the upper limit (the old level),
    April and June 2027".
    """
    groups: list[list[charts.Signal]] = []
    keys: dict[str, int] = {}
    for signal in named:
        if signal.rule == "outside_limits" and len(signal.points) == 1:
            key = signal_words(signal, analysis, kind, lang, points)
            if key in keys:
                groups[keys[key]].append(signal)
                continue
            keys[key] = len(groups)
        groups.append([signal])
    return [sorted(g, key=lambda s: s.start) for g in groups]


def _periods_text(periods: Sequence[Any], lang: Language) -> str:
    """``April and June 2027``: periods apart, the year said once when they share it."""
    years = {p.start.year for p in periods}
    if len(years) == 1 and all(p.kind == "month" for p in periods):
        labels = [
            spans.month_label(p.start.year, p.start.month, lang, with_year=i == len(periods) - 1)
            for i, p in enumerate(periods)
        ]
    else:
        labels = [fmt.period_label(p.text, lang) for p in periods]
    return fmt.join_list(labels, lang)


def signals_text(
    analysis: charts.Analysis, points: Sequence[Any], situation: Situation, level: str = ""
) -> str:
    """Every signal in words, by rule in order of weight, most recent first; or that there are none.

    Before the signals: where the baseline and the change are, and whether
    the limits were recalculated after a sustained shift. Signals wholly
    before the change are the baseline's (:func:`before_change`): counted
    in a sentence of their own, never listed as the project's.
    """
    lang = situation.lang
    kind = points[-1].period.kind if points else situation.run.kind
    parts = [t for t in (baseline_text(analysis, points, kind, lang, level),) if t]
    parts += wild_text(points, lang)
    everything = analysis
    analysis = since_change(analysis)
    before = [s for s in everything.signals if s not in analysis.signals]
    earlier = len(before)
    if earlier:
        parts.append(
            lang.ngettext(
                "{n} signal in the months before the change is not listed or marked: it "
                "belongs to the baseline, not to the project.",
                "{n} signals in the months before the change are not listed or marked: they "
                "belong to the baseline, not to the project.",
                earlier,
            ).format(n=earlier)
        )
        if everything.improving_before:
            # A baseline already improving is worth knowing beside a change claimed after it;
            # said by the same test as "began before the change" (spc.improving_before).
            parts.append(lang.gettext("Before the change, the figures were already improving."))
    short = short_since_texts(analysis, points, kind, lang, alone=not analysis.signals)
    if not analysis.signals and short:
        # What the figures since the change show, in place of "no signal" alone: a trend or
        # run the baseline's months had made long enough is not the project's (newuser36 #1).
        parts += short
        return " ".join(parts)
    if not analysis.signals and earlier:
        parts.append(
            lang.gettext(
                "No signal since the change: the variation is what chance alone would give."
            )
        )
        return " ".join(parts)
    parts += short
    said = _shifts_said(analysis)
    if not [s for s in analysis.signals if s not in said]:
        recalculated = any(c.shift is not None and not c.moving for c in analysis.changes)
        parts.append(
            lang.gettext(
                "No other signal: around the new level, the variation is what chance alone "
                "would give."
            )
            if recalculated
            else lang.gettext(
                "No other signal: apart from that shift, the variation is what chance alone "
                "would give."
            )
            if facts_shift(analysis) is not None or said
            else lang.gettext(
                "No signal yet: a run chart shows a change only as a shift or a trend, and "
                "these figures show neither."
            )
            if analysis.kind == "run" and analysis.beyond_before() is not None
            else lang.gettext("No signal: the variation so far is what chance alone would give.")
        )
        return " ".join(parts)
    worded = []
    # A shift the sentence on the change has already named, with its count, is not
    # listed again under "Signals:" (reader25 #19).
    ranked = tuple(s for s in analysis.ranked() if s not in said)
    most = situation.signals_at_most
    named = ranked if most is None or len(ranked) <= most + 1 else ranked[:most]
    for group in _lone_points_together(named, analysis, kind, lang, points):
        signal = group[0]
        if len(group) > 1:
            # Lone points beyond a limit, said alike, said once in time order (reader25 #6).
            merged = replace(signal, length=len(group))
            words = signal_words(merged, analysis, kind, lang, points)
            span = _periods_text([points[s.start].period for s in group], lang)
        else:
            words = signal_words(signal, analysis, kind, lang, points)
            span = signal_span(signal, points, lang)
        worded.append(lang.gettext("{signal}, {span}").format(signal=words, span=span))
    if len(named) < len(ranked):
        worded.append(more_signals_text(ranked[len(named) :], lang))
    text = "; ".join(worded)
    parts.append(
        lang.ngettext("Signal: {signals}.", "Signals: {signals}.", len(worded)).format(signals=text)
    )
    early = [s for s in named if _improving_before_change(analysis, s)]
    if early:
        # The points before the change are the baseline's: they are not marked, and the
        # caption says the run was already under way (newuser17 #7).
        start = fmt.in_period(points[min(s.start for s in early)].period.text, lang)
        parts.append(
            # Short: the signal's own words already say it is not counted as the project's
            # (newuser32 #5), and a longer caption cost the page a chart.
            lang.gettext(
                "The trend began before the change, {start}; only its points from the "
                "change on are marked."
            ).format(start=start)
        )
    return " ".join(parts)


def short_since_texts(
    analysis: spc.Analysis, points: Sequence[Any], kind: str, lang: Language, *, alone: bool
) -> list[str]:
    """What the figures since the change show of a trend or run too short there to count.

    A trend or shift that ran across the change counts only its points from
    the change on (:attr:`~.spc.Analysis.short_since_change`): "No signal yet:
    since the change in May 2026, 4 months falling, where a trend needs 5."
    when the chart has no other signal (``alone``), else the same said as
    not yet a signal beside those it has. Nothing when another signal shows
    the change: the chart's words then rest on it, and a caption is short.
    """
    texts: list[str] = []
    if analysis.improved_after_change():
        return texts
    run = analysis.kind == "run"
    for signal in analysis.short_since_change:
        if not points:
            break
        length = spans.period_count(signal.length, kind, lang)
        centre = lang.gettext("the median") if run else lang.gettext("the mean")
        if signal.rule == "trend":
            needed = analysis.rules.run_trend if run else analysis.rules.spc_trend
            what = (
                lang.gettext("{length} rising, where a trend needs {needed}")
                if signal.direction == "up"
                else lang.gettext("{length} falling, where a trend needs {needed}")
            ).format(length=length, needed=needed)
        else:
            needed = analysis.rules.run_shift if run else analysis.rules.spc_shift
            what = (
                lang.gettext("{length} above {centre}, where a shift needs {needed}")
                if signal.direction == "up"
                else lang.gettext("{length} below {centre}, where a shift needs {needed}")
            ).format(length=length, centre=centre, needed=needed)
        start = fmt.period_label(points[signal.start].period.text, lang)
        texts.append(
            (
                lang.gettext("No signal yet: since the change in {start}, {what}.")
                if alone and not texts
                else lang.gettext("Since the change in {start}, {what}: not yet a signal.")
            ).format(start=start, what=what)
        )
    return texts


def _improving_before_change(analysis: charts.Analysis, signal: charts.Signal) -> bool:
    """Whether ``signal`` is worded as an improvement begun before the change.

    :meth:`~.spc.Analysis.began_before_change` decides (from the figures
    before the change alone); a signal worded by what it is first (the old
    level, on the way to the new one, recovering, before a fall or rise) is
    not, so the signal's words, the caption's sentence and the line on what
    changed since the last update say it of the same trends.
    """
    return analysis.began_before_change(signal)


def _recalculated_mean(
    signal: charts.Signal, analysis: charts.Analysis, points: Sequence[Any], lang: Language
) -> str | None:
    """``the mean of 3.1 set from September 2025`` for a shift against recalculated limits.

    ``None`` when the shift is against the chart's first limits, the only
    mean the reader has been told of. The mean is shown to one decimal place,
    or two when one place would make it equal to a point of the shift (a
    mean of 3.04 shown as 3 beside points of 3 said to be below it). Points
    exactly on the mean neither count towards a shift nor break one, as
    Making Data Count has it.
    """
    segments = analysis.segments
    where = [g for g in segments if g.start <= signal.start <= g.end]
    if not where or where[0] is segments[0]:
        return None
    segment = where[0]
    shown = [fmt.number(v, lang) for i in signal.points if (v := analysis.values[i]) is not None]
    mean = fmt.number(segment.centre, lang)
    if mean in shown:
        mean = fmt.number(segment.centre, lang, decimals=2)
    period = fmt.period_label(points[segment.start].period.text, lang)
    return lang.gettext("the mean of {mean} set from {period}").format(mean=mean, period=period)


def more_signals_text(rest: Sequence[charts.Signal], lang: Language) -> str:
    """The signals a shortened caption does not name, counted: ``and 5 more (3 concern, ...)``.

    The heaviest and most recent are named (:meth:`~.spc.Analysis.ranked`);
    the rest are counted, with how many are concern and how many improvement.
    """
    concern = sum(s.improvement is False for s in rest)
    improvement = sum(s.improvement is True for s in rest)
    kinds = []
    if concern:
        kinds.append(lang.ngettext("{n} concern", "{n} concern", concern).format(n=concern))
    if improvement:
        kinds.append(
            lang.ngettext("{n} improvement", "{n} improvement", improvement).format(n=improvement)
        )
    # "a 5 signal arall" but "ac 8 signal arall" in Welsh (fmt.welsh_figures).
    if not kinds:
        text = lang.ngettext(
            "and {n} more signal, not listed to keep this update to two pages",
            "and {n} more signals, not listed to keep this update to two pages",
            len(rest),
        ).format(n=len(rest))
        return fmt.settled(text, lang)
    text = lang.ngettext(
        "and {n} more signal ({kinds}), not listed to keep this update to two pages",
        "and {n} more signals ({kinds}), not listed to keep this update to two pages",
        len(rest),
    ).format(n=len(rest), kinds=", ".join(kinds))
    return fmt.settled(text, lang)


def _shifts_said(analysis: charts.Analysis) -> frozenset[spc.Signal]:
    """The shift signals the words on the change already give, with their count.

    :func:`baseline_text` says "From June 2027, a sustained shift (10 months below the
    mean before it, improvement)": listing "a shift of 10 months below the mean
    (improvement), June 2027 to March 2028" under "Signals:" as well says it twice
    (reader25 #19). Only an XmR chart's change sentence names its shift, and only
    when no other shift on the chart counts its points differently
    (:func:`_counted_otherwise`): then the list keeps it, and gives the count.
    """
    if analysis.kind != "xmr":
        return frozenset()
    return frozenset(
        change.shift
        for change in analysis.changes
        if change.shift is not None
        and change.shift in analysis.signals
        and not _counted_otherwise(analysis, change.shift, change.at)
    )


def _counted_otherwise(analysis: charts.Analysis, shift: spc.Signal, at: int) -> bool:
    """Whether a shift signal on the chart holds ``shift``'s points with a different count.

    Only a shift against the same mean counts: one against limits
    recalculated from the change is worded with its own mean ("below the
    mean of 3.1 set from September 2025"), so the change's shift keeps its
    count beside it (newuser20 #4).
    """
    before = _segment_index(analysis, at - 1)
    return any(
        s.rule == "shift"
        and s.direction == shift.direction
        and shift.points[-1] in s.points
        and s.length != shift.length
        and _segment_index(analysis, s.start) == before
        for s in analysis.signals
    )


def _segment_index(analysis: charts.Analysis, index: int) -> int | None:
    """Which of the chart's segments (stretches with their own limits) holds point ``index``."""
    return next((n for n, g in enumerate(analysis.segments) if g.start <= index <= g.end), None)


def _last_on_the_way(analysis: charts.Analysis, settled: int) -> int | None:
    """The last point of a signal "on the way to the new level" from ``settled`` on, if any."""
    ends = [s.end for s in analysis.signals if s.stepping and s.end >= settled]
    return max(ends) if ends else None


def _ramp_words(
    change: spc.Change, points: Sequence[Any], lang: Language, analysis: charts.Analysis
) -> str:
    """The words for a shift reached through a trend: recalculated after it, or not yet.

    Where a signal from the recalculated limits is still on the way to the new
    level, the caption does not say the figures settled where the limits start
    (newuser22 #4: "recalculated from November 2025, where it settled", then
    "two of three points close to the upper limit (on the way to the new
    level), ending February 2026"): it names the month after that signal,
    when the figures reached the new level, or says they are still on the way.
    """
    assert change.shift is not None
    assert change.ramp_end is not None
    up = change.shift.direction == "up"
    end = fmt.period_label(points[change.ramp_end].period.text, lang)
    last = None if change.settled is None else _last_on_the_way(analysis, change.settled)
    if change.settled is not None and last is not None:
        start = fmt.period_label(points[change.settled].period.text, lang)
        if last + 1 < len(points):
            level = fmt.period_label(points[last + 1].period.text, lang)
            pattern = (
                lang.gettext(
                    "From {period}, a sustained shift ({where}), rising until {end}; the limits "
                    "are recalculated from {start}, and the figures reached the new level in "
                    "{level}, after the points on the way to it."
                )
                if up
                else lang.gettext(
                    "From {period}, a sustained shift ({where}), falling until {end}; the limits "
                    "are recalculated from {start}, and the figures reached the new level in "
                    "{level}, after the points on the way to it."
                )
            )
            return pattern.replace("{end}", end).replace("{start}", start).replace("{level}", level)
        pattern = (
            lang.gettext(
                "From {period}, a sustained shift ({where}), rising until {end}; the limits are "
                "recalculated from {start}, and the latest figures are still on the way to the "
                "new level."
            )
            if up
            else lang.gettext(
                "From {period}, a sustained shift ({where}), falling until {end}; the limits are "
                "recalculated from {start}, and the latest figures are still on the way to the "
                "new level."
            )
        )
        return pattern.replace("{end}", end).replace("{start}", start)
    if change.settled is None:
        pattern = (
            lang.gettext(
                "From {period}, a sustained shift ({where}), rising until {end}; the limits "
                "are recalculated once enough points after that show where it has settled."
            )
            if up
            else lang.gettext(
                "From {period}, a sustained shift ({where}), falling until {end}; the limits "
                "are recalculated once enough points after that show where it has settled."
            )
        )
        return pattern.replace("{end}", end)
    settled = fmt.period_label(points[change.settled].period.text, lang)
    pattern = (
        lang.gettext(
            "From {period}, a sustained shift ({where}), rising until {end}, so the limits are "
            "recalculated from {settled}, where it settled."
        )
        if up
        else lang.gettext(
            "From {period}, a sustained shift ({where}), falling until {end}, so the limits are "
            "recalculated from {settled}, where it settled."
        )
    )
    return pattern.replace("{end}", end).replace("{settled}", settled)


def baseline_text(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language, level: str = ""
) -> str:
    """Where the limits come from: the baseline, the change, and any recalculation.

    ``level`` is the facts' baseline as the table shows it ("7 falls a
    month"), for a shift against it.
    """
    if analysis.kind != "xmr":
        return facts_baseline_text(analysis, points, kind, lang, level)
    parts = [limits_sentence(analysis, points, kind, lang)]
    for change in analysis.changes:
        if change.shift is None:
            continue
        at = fmt.period_label(points[change.at].period.text, lang)
        if _counted_otherwise(analysis, change.shift, change.at):
            # The chart's own shift takes in points before the change too, and the list of
            # signals gives its count: a second count here would read as a contradiction.
            where = (
                lang.gettext("above the mean before it")
                if change.shift.direction == "up"
                else lang.gettext("below the mean before it")
            )
        else:
            where = (
                lang.gettext("{length} above the mean before it")
                if change.shift.direction == "up"
                else lang.gettext("{length} below the mean before it")
            ).format(length=spans.period_count(change.shift.length, kind, lang))
        verdict: dict[bool | None, str] = {
            True: lang.gettext("improvement"),
            False: lang.gettext("concern"),
        }
        judged = verdict.get(change.shift.improvement)
        if change.ramp_end is not None:
            pattern = _ramp_words(change, points, lang, analysis)
        elif change.moving:
            pattern = (
                lang.gettext(
                    "From {period}, a sustained shift ({where}), still rising, so the limits "
                    "are not recalculated until it settles."
                )
                if change.shift.direction == "up"
                else lang.gettext(
                    "From {period}, a sustained shift ({where}), still falling, so the limits "
                    "are not recalculated until it settles."
                )
            )
        else:
            pattern = lang.gettext(
                "From {period}, a sustained shift ({where}), so the limits are recalculated "
                "from {period}."
            )
        text = pattern.format(period=at, where=f"{where}, {judged}" if judged else where)
        parts.append(text)
    parts.append(trial_text(analysis, lang))
    if analysis.limits_hold_baseline_shift:
        # The shift against the baseline is the chart's reading, so it is said first and the
        # limits are said to hold it (reader26 #5).
        parts.append(facts_baseline_text(analysis, points, kind, lang, level))
        parts.append(drift_text(analysis, lang, points, kind))
    else:
        drift = drift_text(analysis, lang, points, kind)
        joined = _joined_to_all(analysis, points, kind, lang, drift)
        if joined and not any(parts[1:]):
            parts = [joined]
        else:
            parts.append(drift)
        parts.append(facts_baseline_text(analysis, points, kind, lang, level))
    parts.append(icons.pending_words(analysis, lang))
    return " ".join(p for p in parts if p)


#: How the words on limits made from a trend or a shift open (:func:`drift_text`).
_DRIFT_OPENING = N_("These limits come from figures that")


def _joined_to_all(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language, drift: str
) -> str:
    """Limits from every point and what they hold, in one sentence.

    "Limits from all 12 months, figures that themselves hold a shift, so …":
    two sentences ("Limits from all 12 months, April 2027 to March 2028. These limits come
    from figures that themselves hold a shift, …") took the room of the third chart on the
    falls update's second page. Empty where the words do not open as expected.
    """
    made = limits_made_from(analysis)
    present = [i for i, v in enumerate(analysis.values) if v is not None]
    opening = lang.gettext(_DRIFT_OPENING)
    if (
        not drift
        or not made
        or made != present
        or limits_source(analysis) != "all"
        or analysis.limits_hold_baseline_shift
        or not drift.startswith(opening)
    ):
        return ""
    count = spans.period_count(len(made), kind, lang)
    return (
        lang.gettext("Limits from all {count}, figures that").format(count=count)
        + drift[len(opening) :]
    )


def limits_sentence(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language
) -> str:
    """The sentence that opens an XmR chart's words: which figures its limits come from."""
    if analysis.baseline is not None and analysis.change_at is not None:
        at = fmt.period_label(points[analysis.change_at].period.text, lang)
        return lang.gettext(
            "Limits from the baseline, the {count} before the change in {period}."
        ).format(count=spans.period_count(analysis.baseline_points, kind, lang), period=at)
    return own_baseline_text(analysis, points, kind, lang)


def trial_text(analysis: charts.Analysis, lang: Language) -> str:
    """That limits from too few points are trial limits, when any of the chart's are."""
    if not any(s.trial for s in analysis.segments):
        return ""
    trial = lang.gettext(
        "Limits from fewer than {n} points are trial limits: they will move as points are added."
    )
    return fmt.settled(trial.format(n=analysis.rules.min_spc_points), lang)


LimitsSource = Literal["baseline", "since_change", "all"]


def limits_source(analysis: charts.Analysis) -> LimitsSource | None:
    """Where an XmR chart's first limits come from; ``None`` for any other chart.

    The one answer both the words under a chart (:func:`own_baseline_text`)
    and the small print (:func:`rules_text`) give: the baseline before the
    change; the points since the change, when too few came before it for a
    baseline (newuser34 #2: the small print said "before the change" under a
    chart whose words said "since"); or every point, with no change to split at.
    """
    if analysis.kind != "xmr":
        return None
    if analysis.baseline is not None:
        return "baseline"
    before = analysis.values[: analysis.change_at or 0]
    if analysis.segments and any(v is not None for v in before):
        return "since_change"
    return "all"


def wild_text(points: Sequence[Any], lang: Language) -> list[str]:
    """That a figure far outside all the others is in the mean and limits as it stands.

    Making Data Count investigates a special-cause point rather than
    dropping it, so the chart keeps it; but a figure typed ten times too big
    (3,720 for 372) lifts the mean, and every other month then sits below it
    as a "shift" (newuser35 #2). The reader is told which figure, and to
    check it, beside the signals it may have made.
    """
    from pitchkit.notes.outliers import FAR_OUTSIDE

    found: list[str] = []
    values = [(p, p.value) for p in points if p.value is not None]
    for point, value in values:
        others = [v for q, v in values if q is not point]
        if len(others) < 3:
            continue
        high = max(others) > 0 and value > FAR_OUTSIDE * max(others)
        low = min(others) > 0 and 0 <= value < min(others) / FAR_OUTSIDE
        if high or low:
            found.append(
                lang.gettext(
                    "{period}'s {figure} is far outside every other figure: it is in the mean "
                    "and limits as it stands, so check it before reading the signals."
                ).format(
                    period=fmt.period_label(point.period.text, lang),
                    figure=fmt.number(value, lang),
                )
            )
    return found


def drift_text(
    analysis: charts.Analysis, lang: Language, points: Sequence[Any] = (), kind: str = "month"
) -> str:
    """That the points the limits come from are themselves a trend or a shift, when they are.

    Such limits describe the movement, not a steady level, so a point beyond
    them within the trend is part of it (:func:`spc._drifting`), and the
    limits in force then say nothing of the target. With the chart's
    ``points``, the words name the points they mean (reader27 #11 and #15).
    """
    if not analysis.drifting:
        return ""
    if analysis.limits_hold_baseline_shift:
        return _with_pending(_held_shift_text(analysis, lang, points, kind), analysis, lang)
    drift = next((d for d in analysis.drifting if d.rule == "trend"), analysis.drifting[-1])
    folded = {d.rule for d in analysis.folding}
    if drift.rule == "trend" and "shift" in folded:
        # The points beyond the limits lie in the shift, not the trend: say what they are part
        # of (reader26 #10: falls per 1,000 bed days below the limits after the trend ended).
        text = (
            lang.gettext(
                "These limits come from figures that are themselves a trend and hold a shift, "
                "so points beyond them are part of the trend or the shift they lie in, not "
                "separate signals."
            )
            if "trend" in folded
            else lang.gettext(
                "These limits come from figures that are themselves a trend and hold a shift, "
                "so points beyond them within the shift are part of that shift, not a separate "
                "signal."
            )
        )
        return _with_pending(text, analysis, lang)
    shifts = [d for d in analysis.drifting if d.rule == "shift"] if drift.rule == "shift" else []
    held = [d for d in shifts if any(_beyond(analysis, d.points))]
    if len(held) > 1:
        # Points beyond the limits in each of two shifts are named, the old level's too
        # (reader28 #3: January and March 2027 above the upper limit went unnamed).
        within = sorted({i for d in held for i in range(d.start, d.end + 1)})
        text = lang.gettext(
            "These limits come from figures that themselves hold {n} shifts, so the points "
            "beyond them within those ({points}) are part of the shifts, not separate signals."
        ).format(n=len(held), points=_beyond_words(analysis, within, points, lang))
        return _with_pending(text, analysis, lang)
    beyond = _beyond_text(analysis, drift, points, lang)
    if beyond:
        # "points beyond them within it" named no point (reader27 #15): the falls with harm's
        # February and March 2028, below the lower limit, not its April and June 2027; nor
        # did a trend's (the out-of-area bed days' April and May 2026, above the upper limit).
        text = (
            lang.gettext(TREND_BEYOND)
            if drift.rule == "trend"
            else lang.gettext(
                "These limits come from figures that themselves hold a shift, so the points "
                "beyond them within it ({points}) are part of that shift, not separate signals."
            )
        ).format(points=beyond)
        return _with_pending(text, analysis, lang)
    words = {
        "trend": N_(
            "These limits come from figures that are themselves a trend, so points beyond "
            "them within it are part of that trend, not a separate signal."
        ),
        "shift": N_(
            "These limits come from figures that themselves hold a shift, so points beyond "
            "them within it are part of that shift, not a separate signal."
        ),
    }
    return _with_pending(lang.gettext(words[drift.rule]), analysis, lang)


def _segment_of(analysis: charts.Analysis, at: int) -> spc.Segment | None:
    """The stretch of the chart whose limits the point at ``at`` is read against."""
    return next((s for s in analysis.segments if s.start <= at <= s.end), None)


def _beyond(analysis: charts.Analysis, within: Sequence[int]) -> tuple[list[int], list[int]]:
    """The points of ``within`` above their stretch's upper limit, and those below its lower."""
    above: list[int] = []
    below: list[int] = []
    for at in within:
        value = analysis.values[at] if at < len(analysis.values) else None
        segment = _segment_of(analysis, at)
        if value is None or segment is None:
            continue
        if value > segment.upper:
            above.append(at)
        elif value < segment.lower:
            below.append(at)
    return above, below


def _beyond_text(
    analysis: charts.Analysis, drift: spc.Signal, points: Sequence[Any], lang: Language
) -> str:
    """``February and March 2028, below the lower limit``: the points beyond within ``drift``."""
    if not points:
        return ""
    return _beyond_words(analysis, range(drift.start, drift.end + 1), points, lang)


def _beyond_words(
    analysis: charts.Analysis, within: Sequence[int], points: Sequence[Any], lang: Language
) -> str:
    """The points of ``within`` beyond their limits, named with the limit each is beyond."""
    above, below = _beyond(analysis, within)
    said: list[str] = []
    if above:
        said.append(
            lang.gettext("{periods}, above the upper limit").format(
                periods=_periods_text([points[i].period for i in above], lang)
            )
        )
    if below:
        said.append(
            lang.gettext("{periods}, below the lower limit").format(
                periods=_periods_text([points[i].period for i in below], lang)
            )
        )
    return "; ".join(said)


def _held_shift_text(
    analysis: charts.Analysis, lang: Language, points: Sequence[Any], kind: str
) -> str:
    """Where limits that straddle the shift against the baseline come from, and what that means.

    "These limits come from figures either side of that shift, so the months
    below their mean … are the shift itself" was wrong for the months below
    the mean, which include the old level, and did not say which figures
    (reader27 #11). Now: "Limits from all 15 months, January 2027 to March
    2028, either side of that shift. The early figures below the mean and the
    points above the upper limit (January and March 2028) show the shift, not
    separate signals."
    """
    up = analysis.better == "higher"
    parts: list[str] = []
    latest = analysis.segments[-1] if analysis.segments else None
    present = [i for i, v in enumerate(analysis.values) if v is not None]
    if points and latest is not None:
        made = [i for i in present if i >= latest.start][: latest.basis]
        if made:
            count = spans.period_count(len(made), kind, lang)
            span = spans.span_text([points[i].period for i in made], lang)
            sentence = (
                lang.gettext("Limits from all {count}, {span}, either side of that shift.")
                if made == present
                else lang.gettext("Limits from {count}, {span}, either side of that shift.")
            )
            parts.append(sentence.format(count=count, span=span))
    shift = analysis.baseline_shift
    above, below = _beyond(analysis, shift.points if shift is not None else ())
    beyond = above if up else below
    if points and beyond:
        periods = _periods_text([points[i].period for i in beyond], lang)
        parts.append(
            (
                lang.gettext(
                    "The early figures below the mean and the points above the upper limit "
                    "({periods}) show the shift, not separate signals."
                )
                if up
                else lang.gettext(
                    "The early figures above the mean and the points below the lower limit "
                    "({periods}) show the shift, not separate signals."
                )
            ).format(periods=periods)
        )
    else:
        parts.append(
            lang.gettext("The early figures below the mean show the shift, not a separate signal.")
            if up
            else lang.gettext(
                "The early figures above the mean show the shift, not a separate signal."
            )
        )
    return " ".join(parts)


def _with_pending(text: str, analysis: charts.Analysis, lang: Language) -> str:
    """``text``, and that no assurance icon is given while the limits in force drift."""
    if analysis.drifting_now and analysis.assurance_pending:
        text += " " + lang.gettext(SETTLED_WORDS)
    return text


def short_rules_text(analyses: Sequence[charts.Analysis], lang: Language) -> str:
    """The XmR method in one line, for small print kept short (reader28 #4)."""
    if not any(a.kind == "xmr" for a in analyses):
        return ""
    return lang.gettext(
        "XmR charts: limits at the mean ± 2.66 × the mean moving range, from the figures "
        "each chart's words name."
    )


def rules_text(rules: charts.Rules, analyses: Sequence[charts.Analysis], lang: Language) -> str:
    """The chart rules used, for the small print: only for the kinds of chart on the page.

    Where the XmR limits come from is :func:`limits_source`, as the words
    under each chart give it.
    """
    kinds = {a.kind for a in analyses}
    parts = []
    if "run" in kinds:
        parts.append(
            lang.gettext(
                "Run charts (once {run_min} figures are logged): median line; a shift is "
                "{run_shift} or more points on one side of it, a trend {run_trend} or more "
                "rising or falling."
            ).format(
                run_min=rules.min_run_points,
                run_shift=rules.run_shift,
                run_trend=rules.run_trend,
            )
        )
    if "xmr" in kinds:
        sources = {limits_source(a) for a in analyses if a.kind == "xmr"}
        where = {
            "baseline": N_("from the baseline before the change"),
            "since_change": N_(
                "from the points since the change (too few came before it for a baseline)"
            ),
            "all": N_("from the points charted"),
        }
        source = next(iter(sources)) if len(sources) == 1 else None
        said = (
            lang.gettext(where[source])
            if source is not None
            else lang.gettext("from the figures each chart's words name")
        )
        parts.append(
            lang.gettext(
                "XmR charts (once {spc_min} figures are logged): mean and process limits at the "
                "mean ± 2.66 × the mean moving range, {source}; signals are a point outside the "
                "limits, a shift of {spc_shift} points, a trend of {spc_trend}, and two of three "
                "points on one side beyond two-thirds of the way to a limit."
            ).format(
                spc_min=rules.min_spc_points,
                source=said,
                spc_shift=rules.spc_shift,
                spc_trend=rules.spc_trend,
            )
        )
    against = {a.kind for a in analyses if facts_shift(a) is not None}
    if against:
        # The words under such a chart name a shift against the baseline, not the median
        # or the mean: the rules say so, as the words use it (reader24 #2).
        parts.append(
            lang.gettext(
                "A chart with too few figures before the change for a baseline of its own is "
                "also judged against the baseline: a sustained shift is {shift} or more points "
                "from the change on, all on one side of it."
            ).format(shift=rules.run_shift if "xmr" not in against else rules.spc_shift)
            if len(against) == 1
            else lang.gettext(
                "A chart with too few figures before the change for a baseline of its own is "
                "also judged against the baseline: a sustained shift is {run_shift} or more "
                "points from the change on (on an XmR chart, {spc_shift}), all on one side of it."
            ).format(run_shift=rules.run_shift, spc_shift=rules.spc_shift)
        )
    return " ".join(parts)


def own_baseline_text(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language
) -> str:
    """Where an XmR chart with too few points before the change for a baseline takes its limits.

    From the points since the change, never from both sides of it: the few
    before it are drawn and judged against nothing, and the change is judged
    against the baseline in the facts (:func:`facts_baseline_text`).
    """
    if limits_source(analysis) == "all":
        return _all_points_text(analysis, points, kind, lang)
    if limits_source(analysis) != "since_change" or analysis.change_at is None:
        return ""
    first = analysis.segments[0]
    before = sum(v is not None for v in analysis.values[: analysis.change_at])
    since = sum(v is not None for v in analysis.values[first.start :])
    at = fmt.period_label(points[analysis.change_at].period.text, lang)
    if not before:
        return ""  # every point is from the change on: the limits are the chart's own
    text = lang.gettext(
        "Limits from the {count} since the change in {period}; the {before} before it, too "
        "few for a baseline, are not judged."
    )
    return text.format(
        count=spans.period_count(since, kind, lang),
        period=at,
        before=spans.period_count(before, kind, lang),
    )


def limits_made_from(analysis: charts.Analysis) -> list[int]:
    """The positions of the points an XmR chart's first limits are made from."""
    if analysis.kind != "xmr" or not analysis.segments:
        return []
    first = analysis.segments[0]
    present = [i for i, v in enumerate(analysis.values) if v is not None]
    return [i for i in present if i >= first.start][: first.basis]


def _all_points_text(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language
) -> str:
    """``Limits from all 15 months, January 2027 to March 2028.``: limits with no change to split.

    Said under every such chart, as the baseline's months and the months
    since the change are (reader28 #3 and #4: a chart whose words named no
    months left the reader to guess which the limits came from). A chart
    whose limits hold the shift against the baseline says it with that
    shift (:func:`_held_shift_text`).
    """
    made = limits_made_from(analysis)
    if not points or not made or analysis.limits_hold_baseline_shift:
        return ""
    present = [i for i, v in enumerate(analysis.values) if v is not None]
    count = spans.period_count(len(made), kind, lang)
    span = spans.span_text([points[i].period for i in made], lang)
    sentence = (
        lang.gettext("Limits from all {count}, {span}.")
        if made == present
        else lang.gettext("Limits from {count}, {span}.")
    )
    return sentence.format(count=count, span=span)


def facts_baseline_text(
    analysis: charts.Analysis, points: Sequence[Any], kind: str, lang: Language, level: str = ""
) -> str:
    """A sustained shift against the facts' baseline, on a chart with no baseline of its own.

    Worded only when the chart's own signals do not already show the
    improvement: it is then what the update's claim rests on.
    """
    shift = facts_shift(analysis)
    if shift is None:
        return ""
    if level:
        where = (
            lang.gettext("{length} above the baseline of {level}")
            if shift.direction == "up"
            else lang.gettext("{length} below the baseline of {level}")
        ).format(length=spans.period_count(shift.length, kind, lang), level=level)
    else:
        where = (
            lang.gettext("{length} above the baseline")
            if shift.direction == "up"
            else lang.gettext("{length} below the baseline")
        ).format(length=spans.period_count(shift.length, kind, lang))
    if shift.improvement is True:
        where = f"{where}, {lang.gettext('improvement')}"
    elif shift.improvement is False:
        where = f"{where}, {lang.gettext('concern')}"
    return lang.gettext("From {period}, a sustained shift ({where}).").format(
        period=fmt.period_label(points[shift.start].period.text, lang), where=where
    )


def facts_shift(analysis: charts.Analysis) -> charts.Signal | None:
    """The shift against the facts' baseline, unless the chart's own signals show the change.

    Said all the same when it is what the latest point shows
    (:meth:`~spc.Analysis.held_baseline_shift`): the icon beside the chart
    then reads it, and the words say why (reader24 #2).
    """
    shift = analysis.baseline_shift
    if shift is None:
        return None
    if analysis.held_baseline_shift() is not None:
        return shift
    if replace(analysis, baseline_shift=None).improved_after_change():
        return None
    return shift
