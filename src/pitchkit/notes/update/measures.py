"""The update's table of measures: baseline, target, latest figure, progress and gaps.

One row per impact, worded from its :class:`~pitchkit.notes.update.progress.MeasureProgress`;
periods with no figure are named (or counted) and said not to be zero.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pitchkit.facts.schema import Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context
from pitchkit.notes.rates import scale
from pitchkit.notes.targetchange import last_was, was_text
from pitchkit.notes.update import fillin, icons, spans
from pitchkit.notes.update.claims import Claim, isolated, met_since, worsening
from pitchkit.notes.update.progress import (
    MeasureProgress,
    Point,
    is_money,
    measure_progress,
)
from pitchkit.notes.update.situation import Situation
from pitchkit.notes.update.spc import Rules, Variation
from pitchkit.period import PER_MONTHS, Period
from pitchkit.recast.money import adds_spend
from pitchkit.recast.quantity import figure_unit, measure_decimals, per_rate, rate_said_by

#: Longer lists of periods with no figure are counted rather than named.
MAX_LISTED_GAPS = 3
PLURALS = {
    "month": N_("months"),
    "quarter": N_("quarters"),
    "year": N_("years"),
    "period": N_("periods"),
}


def amount_text(value: float, impact: Impact, lang: Language) -> str:
    """A value in the impact's unit, or a rate's words for a rate (:func:`shown_unit`).

    With the measure's decimal places (:func:`measure_decimals`): "6.0" beside "8.1".
    """
    places = measure_decimals(impact.baseline, impact.target)
    return fmt.quantity(value, shown_unit(impact), lang, decimals=places)


def beside_text(value: float, impact: Impact, lang: Language) -> str:
    """A figure said beside another of the same measure that carries its unit.

    A rate's words are said once: "from 8.1 to 5.8 per 1,000 occupied bed
    days", not "from 8.1 per 1,000 occupied bed days to 5.8 per 1,000 …".
    Any other figure keeps its unit (:func:`amount_text`).
    """
    if per_rate(shown_unit(impact)):
        return fmt.number(value, lang, decimals=measure_decimals(impact.baseline, impact.target))
    return amount_text(value, impact, lang)


def named_by_measure(impact: Impact) -> bool:
    """Whether the measure's own name says its rate's words (:func:`rate_said_by`)."""
    return rate_said_by(impact.measure, shown_unit(impact))


def shown_unit(impact: Impact) -> str:
    """The unit an impact's figures are written in: ``per 1,000 occupied bed days`` for a rate.

    A measure "per 1,000 occupied bed days" whose unit is ``falls`` is not a
    count of falls (:func:`pitchkit.recast.quantity.figure_unit`).
    """
    return figure_unit(impact.measure, impact.unit)


def mean_text(mean: float, impact: Impact, lang: Language) -> str:
    """A mean logged before the change, written so a count reconciles by hand.

    To one decimal place (612.6 bed days), or to the pound for money
    (£12,580), where money elsewhere is given to three figures.
    """
    if is_money(impact) and abs(mean) >= 1:
        return fmt.money(fmt.whole(mean), lang, precision="exact")
    return fmt.quantity(fmt.half_up(mean, 1), shown_unit(impact), lang)


def measure_row(progress: MeasureProgress, situation: Situation) -> Context:
    """One row of the progress table: baseline, target, latest, how far along, direction."""
    lang, impact = situation.lang, progress.impact
    claim = situation.claims[impact.id]
    # A fill-in asks for the requested period's figure, so its baseline and
    # target are shown for that length; otherwise for the latest figure's.
    latest = progress.latest
    scale_at = latest.period if latest and not situation.fill_in else situation.period
    per = per_period_words(scale_at, lang) if impact.per else ""
    baseline, target = shown_pair(
        scale(impact.baseline, impact, scale_at), scale(impact.target, impact, scale_at), impact
    )
    baseline_shown = amount_text(baseline, impact, lang)
    target_shown = amount_text(target, impact, lang)
    latest_shown: str | None = None
    if is_money(impact):
        # One row's money rounded together: a baseline of £412,500 is not shown as
        # £413,000 beside a latest £336,200 that "92% of the way" is worked from.
        figures = [baseline, target]
        if latest is not None and latest.value is not None:
            figures.append(latest.value)
        # To the pound at most: a yearly £140,000 target is £11,667 a month, not "£11,700"
        # beside figures written to the £100 (newuser32 #10).
        shown = fmt.money_together([fmt.whole(v) if abs(v) >= 100 else v for v in figures], lang)
        baseline_shown, target_shown = shown[0], shown[1]
        latest_shown = shown[2] if len(shown) > 2 else None
    baseline_text = f"{baseline_shown} {per}".strip()
    target_text = f"{target_shown} {per}".strip()
    if (earlier := last_was(impact)) is not None:
        # "75 admissions a month from November 2026 (was 80)": a target changed in or
        # before the period shown (newuser26 #2).
        _, was = shown_pair(
            scale(impact.baseline, impact, scale_at),
            scale(earlier.value, impact, scale_at),
            impact,
        )
        target_text += was_text(impact, situation.period.end, lang, scaled=was)
    shown_latest = latest_text(progress, lang, shown=latest_shown)
    if impact.logged and impact.per and PER_MONTHS[impact.logged] != scale_at.months:
        # ``logged: week``: each cell also gives the figure as the log keeps it.
        baseline_text = as_logged(baseline_text, baseline, scale_at, impact, lang)
        target_text = as_logged(target_text, target, scale_at, impact, lang)
        if latest is not None and latest.value is not None:
            shown_latest = as_logged(
                shown_latest, latest.value, latest.period, impact, lang, latest=True
            )
    row: Context = {
        "id": impact.id,
        "measure": wording.apply_terms(impact.measure, situation.terms),
        "baseline_text": baseline_text,
        "target_text": target_text,
        "latest_text": shown_latest,
        "along_text": along_text(progress, lang, claim),
        "direction_text": direction_text(
            progress,
            lang,
            claim.analysis.variation,
            held=claim.holds,
            held_shift=claim.analysis.held_baseline_shift() is not None,
            counted=claim.shown,
            begun=claim.since is not None,
            run_chart=claim.analysis.kind == "run",
            beyond=claim.analysis.beyond_before(),
            recovering=claim.analysis.recovering(),
            worse=worsening(claim),
            isolated=isolated(claim),
            early=too_early_only(claim),
        ),
        "missing_text": missing_text(counted_progress(progress, situation), lang),
        "icons": icons.icon_picture(
            claim.analysis, lang, size_cm=icons.TABLE_ICON_CM, spend=adds_spend(progress.impact)
        ),
        "icons_text": icons.icons_words(claim.analysis, lang, spend=adds_spend(progress.impact)),
    }
    if impact.balancing:
        # Watched so that it stays within the limit the team accepts: its target is that
        # limit, and the row says so, never "target" as an aim (docs/measures.md).
        row["measure"] = lang.gettext("{measure} (balancing measure)").format(
            measure=row["measure"]
        )
        row["target_text"] = (
            lang.gettext("no more than {limit}")
            if impact.direction == "lower"
            else lang.gettext("no less than {limit}")
        ).format(limit=target_text)
    if adds_spend(impact) and row["direction_text"] == lang.gettext("improving"):
        # More of a priced rise is the change working, but no money coming back: each one is
        # spend the change adds (newuser16 #1), and the row says both.
        row["direction_text"] = lang.gettext("rising as planned; each one is extra spend")
    if before_the_change(situation) and latest is not None:
        # A period before the project starts: its figures are the baseline's, not progress
        # towards the target, and any direction in them is not the project's doing.
        before = lang.gettext("before the change")
        row["along_text"] = before
        direction = row["direction_text"]
        row["direction_text"] = (
            lang.gettext("before the change: {direction}").format(direction=direction)
            if direction and claim.analysis.kind != "none"
            else before
        )
    due = progress.next_due(situation.period)
    if situation.fill_in and due is not None:
        # Measured each quarter: this month has no figure to ask for.
        row["latest_text"] = lang.ngettext(
            "not due: measured every {n} month, next for {period}",
            "not due: measured every {n} months, next for {period}",
            progress.cadence,
        ).format(n=progress.cadence, period=fmt.period_label(due.text, lang))
        row["along_text"] = last_known_text(progress, lang, claim, situation.period)
    elif situation.fill_in and not has_figure(progress, situation.period):
        row["latest_text"] = fillin.figure_prompt(situation.period.text, lang)
        row["along_text"] = last_known_text(progress, lang, claim, situation.period)
        # A measure with no figure before has nothing to compare with: its first needs no prompt.
        row["direction_text"] = (
            fillin.direction_prompt(lang) if latest else lang.gettext("first figure")
        )
    return row


def before_the_change(situation: Situation) -> bool:
    """Whether the update's period ends before the project starts (``check --period``)."""
    start = situation.facts.project.start
    return start is not None and situation.period.end < start


def has_figure(progress: MeasureProgress, period: Period) -> bool:
    """Whether the measure has a figure for ``period`` (from a spreadsheet, in a fill-in)."""
    return progress.latest is not None and progress.latest.period == period


def shown_pair(baseline: float, target: float, impact: Impact) -> tuple[float, float]:
    """Baseline and target as the table shows them, never the same when they differ.

    40 pressure ulcers a year and a target of 32 are 3.3 and 2.7 a month
    (:func:`scaled_count`), and a target of 4 transfers a year is 0.3 a
    month, not "0 transfers a month". Figures written with decimals in the
    facts are shown to one decimal place in the same way.
    """
    shown = scaled_count(baseline, impact), scaled_count(target, impact)
    vanished = any(s == 0 and v != 0 for s, v in zip(shown, (baseline, target), strict=True))
    if (shown[0] == shown[1] and baseline != target) or vanished:
        return fmt.half_up(baseline, 1), fmt.half_up(target, 1)
    return shown


#: Units whose figures are not counts of whole things: lengths of time, scores, ratios.
_NOT_WHOLE = re.compile(
    r"\b(?:minutes?|hours?|days?|weeks?|months?|years?|scores?|points?|ratios?|index|"
    r"rates?|average|mean|median|per)\b|%",
    re.IGNORECASE,
)


def level_mean(value: float, impact: Impact) -> float:
    """A level's mean as said: whole for a count of whole things, such as people waiting.

    "An average of 1,509 patients before the change", not 1,508.9: a head
    count is whole, and so is its mean as a reader takes it. Only for a level
    (no ``per``) counted in a unit such as patients or beds, with a whole
    baseline and target; a rate's mean keeps its tenths, so that it
    reconciles by hand (:func:`pitchkit.notes.update.delivery.reference_text`).
    """
    unit = shown_unit(impact)
    whole = all(float(v).is_integer() for v in (impact.baseline, impact.target))
    if impact.per is not None or not whole or is_money(impact) or _NOT_WHOLE.search(unit):
        return value
    return float(fmt.whole(value))


def scaled_count(value: float, impact: Impact) -> float:
    """A rate scaled to a period: whole when it comes out whole, else to one decimal place.

    With whole numbers in the facts, ``2,100 bed days a year`` is ``175 a
    month`` and ``150 sessions a year`` is ``12.5 a month``, never rounded to
    ``13``: a half rounded away misstates a small rate (18 infections a year
    are 1.5 a month, not 2). A baseline or target written with decimals
    (``8.1``) is left as it is. How far along is worked out from the figures
    before rounding (:mod:`pitchkit.notes.update.progress`).
    """
    whole = all(float(value).is_integer() for value in (impact.baseline, impact.target))
    if not whole or impact.unit.strip() == "%":
        return value
    tenths = float(int(abs(value) * 10 + 0.5)) / 10
    return tenths if value >= 0 else -tenths


def last_known_text(
    progress: MeasureProgress,
    lang: Language,
    claim: Claim | None = None,
    period: Period | None = None,
) -> str:
    """``Last known: 81 admissions (March 2028); 40% of the way to target``, for a fill-in.

    A count over time whose last figure is for a shorter period than the
    row's ``period`` (a month's, in a quarter's row whose baseline and
    target are a quarter's) names the target for the figure's own period
    beside it, ``14 admissions (November 2026, against a target of 12 a
    month)``, so that the figure, and "met in", are read on the same footing
    as the target they are set against (newuser13 #4).
    """
    latest = progress.latest
    if latest is None:
        return lang.gettext("No figures logged yet")
    value = latest_text(progress, lang)
    impact = progress.impact
    if (
        period is not None
        and impact.per is not None
        and latest.value is not None
        and latest.period.kind != period.kind
    ):
        target = scale(impact.target, impact, latest.period)
        value = lang.gettext("{value}, target {target} {per}").format(
            value=value,
            target=beside_text(target, impact, lang),
            per=per_period_words(latest.period, lang),
        )
    last = lang.gettext("Last known: {value}").format(value=value)
    return f"{last}; {along_text(progress, lang, claim)}"


def as_logged(
    text: str, value: float, period: Period, impact: Impact, lang: Language, *, latest: bool = False
) -> str:
    """``text`` with ``value`` for ``period`` as logged: "910 hours a month (210 a week)".

    The latest figure says it was logged so: "737 hours (November 2026), logged as 170 a week".
    """
    assert impact.logged is not None
    # The figure over the length the log keeps (a week's), not over ``period``.
    as_kept = value * PER_MONTHS[impact.logged] / period.months
    note = (
        lang.gettext("{text}, logged as {value} {logged}")
        if latest
        else lang.gettext("{text} ({value} {logged})")
    )
    return note.format(
        text=text,
        value=fmt.number(fmt.half_up(as_kept, 1), lang),
        logged=wording.per_phrase(impact.logged, lang),
    )


def per_period_words(period: Period, lang: Language) -> str:
    """``a month``, ``a quarter`` or ``a year``: the length a rate is shown for."""
    return wording.per_phrase(period.kind, lang)


def latest_text(progress: MeasureProgress, lang: Language, *, shown: str | None = None) -> str:
    """``81 admissions (March 2028)``; or that there is no figure yet.

    A quarter or year built from its months says how: a count of people at
    a time is the latest month's (``170 patients (as at March 2027)``), a
    level averaged over the months says so and names them, and a total left
    blank for a month with no figure names that month (``no figure for
    January 2027``).
    """
    latest = progress.latest
    if latest is None or latest.value is None:
        return unlogged_text(progress, lang) or lang.gettext("no figure yet")
    value = shown or amount_text(latest.value, progress.impact, lang)
    period = figure_period(latest, lang)
    made = latest.made
    if made is not None and made.logged and progress.impact.per is None:
        if len(made.logged) == 1 and not made.latest_only:
            # One month's figure in the quarter (a survey each quarter): that month's, not an
            # average of one.
            return lang.gettext("{value} ({period})").format(value=value, period=period)
        if made.latest_only:
            return lang.gettext("{value} (as at {period})").format(value=value, period=period)
        return lang.gettext("{value} (average, {period})").format(value=value, period=period)
    return lang.gettext("{value} ({period})").format(value=value, period=period)


def averaged_over(point: Point, impact: Impact, lang: Language) -> str:
    """``January to March 2027`` when ``point`` is a level averaged over its months; else empty.

    Such a figure is not the latest month's: a sentence about it says it is
    an average, and over which months, as the table does.
    """
    made = point.made
    if made is None or not made.logged or made.latest_only or impact.per is not None:
        return ""
    if len(made.logged) == 1:
        return ""  # one month's figure: that month's, not an average of one
    return figure_period(point, lang)


def figure_period(point: Point, lang: Language) -> str:
    """The months a figure stands for: ``January to March 2027``, or ``March 2027``.

    A level of a quarter or year built from its months stands for the
    months logged (the latest alone for a count at a point in time); any
    other figure for its period.
    """
    made = point.made
    if made is None or not made.logged or point.value is None:
        return fmt.period_label(point.period.text, lang)
    if made.latest_only:
        return fmt.period_label(made.logged[-1].text, lang)
    if len(made.logged) == point.period.months:
        return fmt.period_label(point.period.text, lang)
    return spans.span_text(made.logged, lang)


def unlogged_text(progress: MeasureProgress, lang: Language) -> str:
    """``no figure for January 2027``: the months a total for the latest period lacks; else empty.

    Only for a quarter or year built from its months, when some of them have
    a figure and some have none.
    """
    last = progress.points[-1] if progress.points else None
    if last is None or last.value is not None or last.made is None or not last.made.logged:
        return ""
    labels = [fmt.period_label(month.text, lang) for month in last.made.unlogged]
    return lang.gettext("no figure for {periods}").format(periods=fmt.join_list(labels, lang))


def along_text(progress: MeasureProgress, lang: Language, claim: Claim | None = None) -> str:
    """How far from baseline to target the latest value has come, in words.

    With the measure's ``claim``: unless its chart shows improvement since
    the change, a latest figure a little better than the baseline is not
    progress that can be claimed (noise, or too few figures to tell), so it
    is not called a share of the way to target, as the sentence for the
    board does not claim it either. This holds for a month, a quarter or a
    year alike.

    A latest figure at or past the target is "target met" only when the
    chart's limits lie wholly on the target's better side (assurance "pass",
    docs/spc.md): one month past it is said as that month, "met the target
    in June 2027; not yet shown to last".
    """
    fraction = progress.fraction
    if progress.latest is None:
        return ""
    if progress.impact.balancing:
        return limit_text(progress, lang, claim)
    if claim is not None and not claim.shown and fraction and 0 < fraction < 1:
        if claim.analysis.kind == "none":  # too few figures for a chart
            return lang.gettext("too few figures yet to show a change from baseline")
        # Short, as the narrow column beside "within normal variation" needs (reader27 #6:
        # its fourth line pushed the unit costs across the page break).
        return lang.gettext("no change yet beyond normal variation")
    if fraction is None:  # the target is the baseline level: no change was planned
        gap = progress.latest_gap or 0.0
        if gap < 0:
            return lang.gettext("worse than the target (no change planned)")
        return lang.gettext("target met (no change planned)")
    if fraction >= 1:
        if claim is not None and claim.analysis.assurance == "pass":
            return lang.gettext("target met")
        # One figure at or past the target is not a process that meets it: only limits
        # wholly on the target's better side (the assurance icon's "pass") show that.
        first = _met_since(progress)
        run = _run_length(progress, first)
        needed = claim.analysis.rules.spc_shift if claim is not None else Rules().spc_shift
        if first is not None and run >= needed:
            # As many periods in a row as a sustained shift needs: that is the result, not a
            # single figure to be "not yet shown to last" (reader25 #19: 7 months at target).
            return lang.gettext("met for {count} running, since {period}").format(
                count=spans.period_count(run, progress.latest.period.kind, lang),
                period=figure_period(first, lang),
            )
        if first is not None:
            # Met period after period up to the latest (reader21 #9): "met since January
            # 2028", not "met in March 2028", which reads as this month alone.
            return lang.gettext("met since {period}; not yet shown to last").format(
                period=figure_period(first, lang)
            )
        return lang.gettext("met in {period}; not yet shown to last").format(
            period=figure_period(progress.latest, lang)
        )
    if fraction <= 0:
        return lang.gettext("not yet better than baseline")
    return lang.gettext("{share} of the way to target").format(share=fmt.percent(fraction, lang))


def within_limit(value: float, point: Point, impact: Impact) -> bool:
    """Whether a balancing measure's ``value`` is at or inside its limit (its target)."""
    return value <= point.target if impact.direction == "lower" else value >= point.target


def limit_text(progress: MeasureProgress, lang: Language, claim: Claim | None = None) -> str:
    """A balancing measure against its limit: "within the limit of 4.0 hours", or past it.

    The chart says more when it can (docs/spc.md, assurance): limits wholly
    inside the limit say it stays within it; wholly past it, that it is past
    it month after month, not in one bad month.
    """
    latest = progress.latest
    if latest is None or latest.value is None:
        return ""
    limit = amount_text(latest.target, progress.impact, lang)
    assurance = claim.analysis.assurance if claim is not None else None
    if assurance == "pass":
        return lang.gettext("within the limit of {limit}, and its chart shows it stays so").format(
            limit=limit
        )
    if assurance == "fail":
        return lang.gettext("past the limit of {limit}, and its chart shows it stays so").format(
            limit=limit
        )
    if within_limit(latest.value, latest, progress.impact):
        return lang.gettext("within the limit of {limit}").format(limit=limit)
    return lang.gettext("past the limit of {limit} in {period}").format(
        limit=limit, period=figure_period(latest, lang)
    )


def _run_length(progress: MeasureProgress, first: Point | None) -> int:
    """How many figures from ``first`` to the latest, all at or past the target; 0 for none."""
    if first is None or progress.latest is None:
        return 0
    last = progress.latest.period
    return sum(
        1 for p in progress.points if p.value is not None and first.period <= p.period <= last
    )


def _met_since(progress: MeasureProgress) -> Point | None:
    """The first of two or more periods in a row, up to the latest, all at or past the target.

    ``None`` when only the latest is, or a period between has no figure (see
    :func:`~.claims.met_since`, which the brief's "so far" uses too).
    """
    latest = progress.latest
    if latest is None:
        return None
    return met_since(progress.points, progress.impact, latest)


def direction_text(
    progress: MeasureProgress,
    lang: Language,
    variation: Variation = "none",
    *,
    held: bool = False,
    held_shift: bool = False,
    counted: bool = True,
    begun: bool = True,
    run_chart: bool = False,
    beyond: str | None = None,
    recovering: str | None = None,
    worse: bool = False,
    isolated: bool = False,
    early: bool = False,
) -> str:
    """Which way the measure is going, in words that agree with its variation icon.

    A charted measure is read as its chart reads its latest point, not one
    month against the last (which is mostly noise): ``within normal
    variation`` for common cause, ``improving`` or ``worsening`` for a point
    in a signal of improvement or concern, ``changed`` for a signal with no
    better direction. A measure whose chart shows the change (``held``,
    its latest figure still better than the baseline) and whose latest point
    is common cause is ``within normal variation, at the improved level``:
    beside "delivered", plain "within normal variation" reads as no change.
    On a run chart, which has no limits and whose caption names the shift or
    trend that showed the change, it is ``holding at the improved level``; so
    it is where the icon reads a shift against the facts' baseline that holds
    the latest point (``held_shift``), shown as improvement.
    A measure with too few figures for a chart is *too early to say*: its
    latest figure against the one before is mostly noise (newuser34 #9).

    A latest point in an improvement that began before the change is not
    the project's to claim (``counted`` false): the row says so, *improving
    since before the change*, rather than a bare *improving* beside *no
    change from baseline can be told apart yet*. ``begun`` is whether the
    change had taken effect by the latest period at all. An improvement whose
    move starts at the change, with too few figures since to count it
    (``early``: :meth:`~.spc.Analysis.too_early`), is *improving since the
    change; too early to count*, as its chart's words say, not "since before
    the change" (newuser38 #9).

    A run chart (``run_chart``: 8 to 11 figures) has no limits: it shows a
    change only as a shift or a trend, and no signal on it is not evidence
    that nothing changed. A latest figure beyond every figure before the
    change (``beyond``: ``"down"`` or ``"up"``) is not called normal
    variation there: the row says that plain fact, *below every figure
    before the change; no signal yet*.

    A latest point better than limits recalculated at a worse level, but
    still worse than before them (``recovering``: the way it moved), is not
    *changed* or *improving*: *recovering, still worse than before the rise*
    (or *fall*), as the words under its chart say.

    A measure whose chart shows it worse than before the change (``worse``:
    :func:`~pitchkit.notes.update.claims.worsening`) is never *within normal
    variation* or *improving* alone: a latest point in common cause against
    limits remade at the worse level is *within normal variation, at a worse
    level than before the change*, and one good figure past them is *one
    better figure, after a sustained shift to a worse level*, as its chart's
    caption reads the shift (newuser12 #3). A latest point in an
    improvement from the change on that does not hold the change up
    (``isolated``: one good month among months no better than before) is
    *one better figure, not yet a sustained change*.
    """
    if recovering == "down":
        return lang.gettext("recovering, still worse than before the rise")
    if recovering == "up":
        return lang.gettext("recovering, still worse than before the fall")
    if variation == "common" and worse:
        return lang.gettext("within normal variation, at a worse level than before the change")
    if variation == "improvement" and worse:
        return lang.gettext("one better figure, after a sustained shift to a worse level")
    if variation == "common" and held and (run_chart or held_shift):
        # A run chart has no limits, and its caption names the shift or trend that
        # showed the change: "within normal variation" beside "trend: 7 months
        # falling (improvement)" reads as a contradiction (reader20 #6).
        # So on a chart whose icon reads the shift against the baseline that holds the
        # latest point: blue improvement beside "within normal variation" half contradicted
        # it (reader28 #6).
        return lang.gettext("holding at the improved level")
    if variation == "common" and held:
        return lang.gettext("within normal variation, at the improved level")
    if variation == "common" and run_chart and beyond == "down":
        return lang.gettext("below every figure before the change; no signal yet")
    if variation == "common" and run_chart and beyond == "up":
        return lang.gettext("above every figure before the change; no signal yet")
    if variation == "common":
        return lang.gettext("within normal variation")
    if variation == "improvement" and isolated:
        return lang.gettext("one better figure, not yet a sustained change")
    if variation == "improvement" and not counted:
        if not begun:
            return lang.gettext("improving, before the change took effect")
        if early:
            return lang.gettext("improving since the change; too early to count")
        return lang.gettext("improving since before the change")
    if variation == "improvement":
        return lang.gettext("improving")
    if variation == "concern":
        return lang.gettext("worsening")
    if variation == "special":
        return lang.gettext("changed")
    # Too few figures for a chart: one figure against the one before is mostly noise, and
    # "better than May 2026" under a chart reading normal variation claimed a month-to-month
    # wobble (newuser34 #9). The direction waits for the chart.
    return lang.gettext("too early to say") if progress.latest else ""


def too_early_only(claim: Claim) -> bool:
    """Whether the improvements that hold the latest point are all too early to count.

    Each starts at the change with too few figures since for a shift
    (:meth:`~.spc.Analysis.too_early`); ``False`` when none holds it.
    """
    analysis = claim.analysis
    last = max((i for i, v in enumerate(analysis.values) if v is not None), default=None)
    holding = [
        s
        for s in analysis.signals
        if s.improvement is True and last is not None and last in s.points
    ]
    return bool(holding) and all(analysis.too_early(s) for s in holding)


def missing_text(
    progress: MeasureProgress, lang: Language, unlogged: tuple[Period, ...] = ()
) -> str:
    """``no figure for August 2027`` when periods lack a value; else empty.

    :func:`missing_count` says how many periods it names.

    ``unlogged`` are a draft's periods after the log's last entry and before
    its own: the log has no figure for them either. A few are named with
    the others (``no figure for May 2026, November 2026 and December
    2026``); more
    are ``no figure since October 2026`` (``no figure for May 2026, and none
    since October 2026``).
    """
    if progress.latest is None:
        return ""
    since = ""
    missing = progress.missing
    if unlogged and progress.cadence == 1:
        if len(missing) + len(unlogged) <= MAX_LISTED_GAPS:
            missing, unlogged = missing + unlogged, ()  # a few: each named
        else:
            label = fmt.period_label(progress.points[-1].period.text, lang)
            since = lang.gettext("no figure since {period}").format(period=label)
    if not missing:
        return since
    if len(missing) > MAX_LISTED_GAPS:
        kinds = {p.kind for p in missing}
        kind = kinds.pop() if len(kinds) == 1 else "period"
        # The span counts from the first period due, not what was logged: "8 of the 13
        # months since November 2025", where only 12 of those 13 months have an entry.
        text = lang.gettext(
            "no figure for {missing} of the {total} {periods} since {first}"
        ).format(
            missing=len(missing),
            total=len(progress.expected),
            periods=lang.gettext(PLURALS[kind]),
            first=fmt.period_label(progress.expected[0].text, lang),
        )
    else:
        labels = [fmt.period_label(p.text, lang) for p in missing]
        text = lang.gettext("no figure for {periods}").format(periods=fmt.join_list(labels, lang))
    if since:
        label = fmt.period_label(progress.points[-1].period.text, lang)
        return lang.gettext("{missing}, and none since {period}").format(missing=text, period=label)
    return text


def missing_count(progress: MeasureProgress, unlogged: tuple[Period, ...] = ()) -> int:
    """How many periods :func:`missing_text` names as having no figure."""
    if progress.latest is None:
        return 0
    return len(progress.missing) + (len(unlogged) if progress.cadence == 1 else 0)


def counted_progress(progress: MeasureProgress, situation: Situation) -> MeasureProgress:
    """The progress whose missing periods the update names, as its totals to date count them.

    For a quarter or year built from its months, what it has delivered is
    counted month by month (from its charts), so the months are named.
    """
    if situation.chart_run is None:
        return progress
    return measure_progress(progress.impact, situation.chart_run)


def unlogged_before(situation: Situation) -> tuple[Period, ...]:
    """A draft's periods between the log's last entry and its own: none of them logged.

    A draft for January 2027 after a log ending in October 2026 has no
    figure for November or December 2026 either. A period not over on the
    day the update is written is not missing yet: a draft for February 2027
    written on 5 December 2026 names neither December nor January. Empty
    for an update of a logged period.
    """
    run = situation.run
    if not situation.fill_in or not run.periods or situation.period.kind != run.kind:
        return ()
    found = []
    current = run.periods[-1].following()
    while current.start < situation.period.start:
        if situation.today is None or current.end < situation.today:
            found.append(current)
        current = current.following()
    return tuple(found)


def totalled_on_page(situation: Situation) -> set[str]:
    """The impacts whose total to date the update prints: counts delivered, in its table.

    A count whose chart shows the change and that has a row in "Delivered so
    far" (:func:`~.delivery.chosen_statements`); a director whose objectives
    it does not serve sees no total of it.
    """
    from pitchkit.notes.update.delivery import chosen_statements  # imports this module

    shown = {impact.id for impact, _ in chosen_statements(situation)}
    return {
        p.impact.id
        for p in situation.progress
        if p.is_rate and situation.claims[p.impact.id].shown and p.impact.id in shown
    }


def due_from(progress: MeasureProgress, situation: Situation, *, totalled: bool) -> MeasureProgress:
    """``progress`` from the first period it is due a figure for: earlier ones are not missing.

    A measure is due a figure from its first one logged (the hub whose
    released appointments it counts opened in March: February had none to
    give, fixupd25a #6). A total on the page that counts from the change
    (:func:`totalled_on_page`) is due from the change, if that came first,
    so the months it leaves out are named.
    """
    first = next((i for i, p in enumerate(progress.points) if p.value is not None), 0)
    claim = situation.claims.get(progress.impact.id)
    if totalled and claim is not None and claim.since is not None:
        since = claim.since.start
        first = min(
            first, next((i for i, p in enumerate(progress.points) if p.period.start >= since), 0)
        )
    return replace(progress, points=progress.points[first:]) if first else progress


def missing_notes(situation: Situation) -> list[str]:
    """One plain sentence per gap, saying it is not zero.

    Measures missing the same periods share one sentence ("For ADHD
    assessments and did-not-attend rate, no figure for November 2027, …"),
    so that one month unreported is not said twice in two forms; when more
    than two measures share it and they are every measure in the table, the
    sentence says "For every measure, …" rather than naming them all again.
    """
    lang = situation.lang
    unlogged = unlogged_before(situation)
    totalled = totalled_on_page(situation)
    gaps: dict[str, list[MeasureProgress]] = {}
    several: dict[str, bool] = {}
    for progress in situation.progress:
        counted = counted_progress(progress, situation)
        counted = due_from(counted, situation, totalled=progress.impact.id in totalled)
        text = missing_text(counted, lang, unlogged)
        if text:
            gaps.setdefault(text, []).append(progress)
            several[text] = missing_count(counted, unlogged) > 1
    notes: list[str] = []
    for text, missing in gaps.items():
        # "Totals to date" only where the update prints one: a count whose chart shows the
        # change, with a row in the table of what it delivered. Otherwise no total is shown
        # to leave it out of (newuser32 #7; fixupd25a #6: bed days in a finance director's
        # update whose table gives only admissions).
        rate = any(p.impact.id in totalled for p in missing)
        if len(missing) > 2 and len(missing) == len(situation.progress):
            # The same period missing from every measure in the table above: naming them all
            # again makes one sentence of five measures' names for one month unreported.
            every = (
                lang.gettext(
                    "For every measure, {missing}, so totals to date leave them out rather than "
                    "count them as zero."
                )
                if rate and several[text]
                else lang.gettext(
                    "For every measure, {missing}, so totals to date leave it out rather than "
                    "count it as zero."
                )
                if rate
                else lang.gettext(
                    "For every measure, {missing}; gaps are left blank, not taken as zero."
                )
            )
            notes.append(every.format(missing=text))
            continue
        measures = [wording.apply_terms(p.impact.measure, situation.terms) for p in missing]
        # "For hospital bed days …, no figure for August 2027", as "For every measure, …":
        # after the label "Missing data:", "{measure}: no figure …" stacked two colons in one
        # line (reader25 #18).
        named = fmt.join_list([wording.in_sentence(m, lang) for m in measures], lang)
        if rate and several[text]:
            note = lang.gettext(
                "For {measure}, {missing}, so totals to date leave them out rather than count "
                "them as zero."
            )
        elif rate:
            note = lang.gettext(
                "For {measure}, {missing}, so totals to date leave it out rather than count it "
                "as zero."
            )
        else:
            note = lang.gettext("For {measure}, {missing}; gaps are left blank, not taken as zero.")
        notes.append(note.format(measure=named, missing=text))
    return notes
