"""What changed since the last update: the lines under "Since the last update (October 2026)".

A sponsor who read last month's update ("no change can be told apart yet")
and reads this month's ("411 fewer delivered") needs page 1 to say why
(newuser26 #3). Each measure is read twice, with the same charts and claims:
as the previous period's update read it (the log cut at that period) and as
this update reads it. A measure gets a line only when its reading changed in
a way worth saying:

- the chart now shows the change (a shift, a trend, a point beyond a limit,
  two of three points near one), so the update now reports it; or it no
  longer does;
- a new signal on the chart from the change on, of improvement or concern;
- the latest figure met the target for the first time, met it again, or is
  no longer at it;
- the latest figure is the lowest or the highest yet (after at least
  :data:`RECORD_AFTER` earlier figures), either way;
- the latest figure is the first after a gap: no figure at the last update,
  or months with none since.

A move from one month to the next within normal variation is not news, in
either direction: "fell from 4 to 3" on a measure the same page calls within
normal variation was reported, and a rise on another measure was not
(reader24 #10). Good and bad news are read by the same rules.

A measure with no new figure says nothing. When no measure changed, one
line says so. A fill-in (no entry for the period), or a first update (no
earlier entry in the progress log since the change began), has no such lines:
the baseline months, or the last month a spreadsheet has figures for, are not
an update the sponsor read (newuser28 #2). Periods of the update's kind
between the last update and this one with no entry are named in the heading.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pitchkit.facts.schema import Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context
from pitchkit.notes.outliers import FAR_OUTSIDE
from pitchkit.notes.targetchange import changed_from, facts_at, last_was
from pitchkit.notes.update import rollup, spans, spc
from pitchkit.notes.update.charting import (
    _improving_before_change,
    before_change,
    charted,
    signal_words,
    weak,
)
from pitchkit.notes.update.claims import Claim
from pitchkit.notes.update.measures import amount_text, before_the_change, within_limit
from pitchkit.notes.update.progress import MeasureProgress, Point, fraction_along, measure_progress
from pitchkit.notes.update.situation import Situation, claims_for, log_runs
from pitchkit.notes.wording import per_phrase
from pitchkit.period import Period, parse_period, period_at
from pitchkit.recast.quantity import measure_decimals

#: A record (the lowest or highest figure yet) is news only after this many earlier figures.
RECORD_AFTER = 5


@dataclass(frozen=True)
class _Reading:
    """One measure as an update reads it: its figures and its chart's claim."""

    progress: MeasureProgress
    claim: Claim


def previous_period(situation: Situation) -> Period | None:
    """The period of the update before this one: the last one reported, or ``None``.

    The progress log's entries are the updates reported (newuser28 #2,
    newuser27 #5): the latest entry of this update's kind before it, else a
    quarter (or year) logged month by month whose months are in the log, else
    the latest entry of any kind before it (the quarter before a monthly
    draft). An entry for a period that ended before the change began is the
    baseline, not an update. A first update has none, so no "since" lines: a
    month of the baseline, or the last month a spreadsheet has figures for, is
    not an update the sponsor read.
    """
    facts, period = situation.facts, situation.period
    start = facts.project.start
    reported = [
        p
        for p in map(parse_period, {u.period for u in facts.updates})
        if p.end < period.start and (start is None or p.end >= start)
    ]
    same = [p for p in reported if p.kind == period.kind]
    if same:
        return max(same)
    if period.kind != "month":
        before = period_at(period.start - dt.timedelta(days=1), period.kind)
        if any(p.kind == "month" and before.start <= p.start for p in reported):
            return before
    if reported:
        return max(reported, key=lambda p: (p.end, -p.months))
    return None


def _not_reported(situation: Situation, previous: Period) -> list[Period]:
    """The periods of this update's kind between ``previous`` and it with no log entry.

    A lost month's update (no entry for September between August's and
    October's) is named, so the heading says what the lines compare with.
    """
    facts, period = situation.facts, situation.period
    if previous.kind != period.kind:
        return []
    logged = {u.period for u in facts.updates}
    gaps: list[Period] = []
    current = previous.following()
    while current.start < period.start:
        months = {m.text for m in rollup.months_of(current)}
        if current.text not in logged and not months & logged:
            gaps.append(current)
        current = current.following()
    return gaps


def _heading(situation: Situation, previous: Period) -> str:
    """``Since the last update (August 2026)``, naming any period between with no update."""
    lang = situation.lang
    label = fmt.period_label(previous.text, lang)
    gaps = _not_reported(situation, previous)
    if not gaps:
        return lang.gettext("Since the last update ({period})").format(period=label)
    return lang.gettext("Since the last update ({period}; none for {missing})").format(
        period=label,
        missing=spans.gap_labels(gaps, lang),  # three or more in a row as one stretch
    )


def since_context(situation: Situation) -> Context | None:
    """The ``update.since`` variable: the previous period's label and the lines; or ``None``."""
    return since_parts(situation)[0]


def since_parts(situation: Situation) -> tuple[Context | None, frozenset[str], frozenset[str]]:
    """The ``update.since`` variable, the measures whose lines speak of charts, and all it names.

    Those measures' charts come first after the claims' (:func:`charting.chart_context`,
    reader24 #6): a line that says "new on the chart" is no use without the chart. One
    whose chart is still left out for space says its new signal without pointing to a
    chart, and a signal only carried over to a control chart is then not said. Then come
    the charts of the other measures it says something of: "the lowest figure yet" with
    the readmissions chart left out for one no sentence relies on read as unbacked
    (reader27 #7).
    """
    if situation.fill_in or before_the_change(situation):
        return None, frozenset(), frozenset()
    previous = previous_period(situation)
    if previous is None:
        return None, frozenset(), frozenset()
    lang = situation.lang
    earlier = _readings_at(situation, previous)
    retargeted = {
        i.id
        for i in situation.facts.impacts
        if (start := changed_from(i)) is not None
        and previous.end < start.start <= situation.period.end
    }
    now = {p.impact.id: _Reading(p, situation.claims[p.impact.id]) for p in situation.progress}
    named = frozenset(
        impact_id
        for impact_id, reading in now.items()
        if impact_id in earlier and _names_chart(earlier[impact_id], reading, situation)
    )
    # Whether a measure has a line at all does not hang on its chart being shown: worded
    # as if it were not, so that the lines can choose the charts they rest on.
    mentioned = frozenset(
        impact_id
        for impact_id, reading in now.items()
        if impact_id in earlier
        and _lines(earlier[impact_id], reading, situation, impact_id in retargeted, charted=False)
    )
    shown = charted(situation, named, mentioned)
    each: list[tuple[_Reading, list[str], str | None]] = []
    for impact_id, reading in now.items():
        if impact_id not in earlier:
            continue
        own = _lines(
            earlier[impact_id],
            reading,
            situation,
            impact_id in retargeted,
            charted=impact_id in shown,
        )
        carried = _carried(earlier[impact_id].claim, reading.claim, situation, own)
        each.append((reading, own, carried if impact_id in shown else None))
    lines = _carried_together(each, situation)
    if not lines:
        lines = [lang.gettext("No change in what the figures show.")]
    return {"heading": _heading(situation, previous), "lines": lines}, named, mentioned


def _carried_together(
    each: list[tuple[_Reading, list[str], str | None]], situation: Situation
) -> list[str]:
    """Each measure's lines, those carried to a control chart with the same words as one line.

    Two bullets word for word the same after their measures' names ("now on a
    control chart, which shows a shift of 7 months below the mean
    (improvement), the change already reported rather than a new one", for
    both falls measures) read as a slip; said once, for both (reader27 #16), and
    once for all such measures, whatever their signals (reader28 #8).
    ``each`` holds a measure's reading, its lines and, when its only line is
    that it is now on a control chart, the signal's words.
    """
    lang = situation.lang
    together = [reading for reading, _, signal in each if signal is not None]
    signals = {signal for _, _, signal in each if signal is not None}
    lines: list[str] = []
    for reading, own, signal in each:
        if signal is None or len(together) < 2:
            lines += own
        elif reading is together[0]:
            names = [
                wording.apply_terms(r.progress.impact.measure, situation.terms) for r in together
            ]
            measures = fmt.join_list(
                [names[0], *(wording.in_sentence(n, lang) for n in names[1:])], lang
            )
            # Said once for all of them, their signals named only when they are the same:
            # a third bullet of the same words for the blood pressure measure, whose shift is
            # above the mean rather than below, read as a slip too (reader28 #8).
            what = (
                lang.gettext(
                    "now on control charts, which each show {signal}, the change already "
                    "reported rather than a new one"
                ).format(signal=signal)
                if len(signals) == 1
                else lang.gettext(
                    "now on control charts, which each show the change already reported "
                    "rather than a new one"
                )
            )
            lines.append(lang.gettext("{measure}: {what}.").format(measure=measures, what=what))
    return lines


def _carried(before: Claim, now: Claim, situation: Situation, own: list[str]) -> str | None:
    """The signal's words when a measure's one line, ``own``, is that it is now on a control chart.

    ``None`` when its line says anything else, or nothing.
    """
    signal = _carried_signal(before, now, situation)
    if signal is None:
        return None
    phrase = situation.lang.gettext(
        "now on a control chart, which shows {signal}, the change already reported "
        "rather than a new one"
    ).format(signal=signal)
    return signal if own == _said([phrase], now.impact, situation) else None


def _names_chart(before: _Reading, now: _Reading, situation: Situation) -> bool:
    """Whether the measure's line says what its chart shows now (new, or carried over)."""
    latest, earlier = now.progress.latest, before.progress.latest
    if latest is None or latest.value is None:
        return False
    if earlier is not None and earlier.period == latest.period:
        return False
    if now.claim.shown != before.claim.shown:
        return True
    return bool(_new_signals(before.claim, now.claim, situation))


def _readings_at(situation: Situation, period: Period) -> dict[str, _Reading]:
    """Each measure as the update for ``period`` read it: the log cut at that period."""
    facts = facts_at(situation.facts, period)
    _, run, chart_run = log_runs(facts, period)
    claims = claims_for(facts, chart_run or run, situation.counted_elsewhere)
    return {i.id: _Reading(measure_progress(i, run), claims[i.id]) for i in facts.impacts}


def _lines(
    before: _Reading, now: _Reading, situation: Situation, retargeted: bool, *, charted: bool = True
) -> list[str]:
    """What changed in one measure's reading, as a line; none when nothing is worth saying.

    A target missed this time is a sentence of its own after any good news, never
    tacked onto it ("now below the baseline for 6 months running, so we count
    the reduction as delivered; no longer at the target", reader26 #13), in the
    same bullet.
    """
    lang, impact = situation.lang, now.progress.impact
    latest, earlier = now.progress.latest, before.progress.latest
    parts: list[str] = []
    start = changed_from(impact)
    if retargeted and (was := last_was(impact)) is not None and start is not None:
        parts.append(
            lang.gettext("the target changed from {was} to {target} from {period}").format(
                was=fmt.number(was.value, lang),
                target=" ".join(
                    (amount_text(impact.target, impact, lang), per_phrase(impact.per, lang))
                ).strip(),
                period=fmt.period_label(start.text, lang),
            )
        )
    if (
        latest is None
        or latest.value is None
        or (
            earlier is not None and earlier.period == latest.period  # no new figure since
        )
    ):
        return _said(parts, impact, situation)
    missed: list[str] = []
    if new_count(impact):
        # A count of something new is no change for a run above zero; it is news as a record,
        # a target met or a gap, as every measure is, in English and Welsh (reader25 #17).
        pass
    elif now.claim.shown and not before.claim.shown:
        parts.append(_now_shown(now.claim, _kind(situation), lang))
    elif before.claim.shown and not now.claim.shown:
        parts.append(
            lang.gettext(
                "the chart no longer shows the change reported last time, so we no longer report it"
            )
        )
    else:
        parts += _new_signals(before.claim, now.claim, situation, charted=charted)
    target = _target(now.progress, earlier, lang, noise=not now.claim.shown)
    if target and not _met(latest, now.progress):
        missed = target
    else:
        parts += target
    parts += _after_gap(now.progress, earlier, latest, lang)
    if not parts and not missed:
        parts += _record(now.progress, latest, lang, noise=not now.claim.shown)
    if parts and missed:
        # One bullet, the target missed a sentence of its own after the good news: two bullets
        # both starting with the measure's name read as two measures (fixupd27's leftover).
        [good] = _said(parts, impact, situation)
        after = "; ".join(missed)
        return [
            lang.gettext("{good} {missed}.").format(good=good, missed=after[:1].upper() + after[1:])
        ]
    return _said(parts, impact, situation) + _said(missed, impact, situation)


def _said(parts: list[str], impact: Impact, situation: Situation) -> list[str]:
    """``{measure}: {parts}.`` as one line; none for no parts."""
    if not parts:
        return []
    measure = wording.apply_terms(impact.measure, situation.terms)
    return [
        situation.lang.gettext("{measure}: {what}.").format(measure=measure, what="; ".join(parts))
    ]


def _now_shown(claim: Claim, kind: str, lang: Language) -> str:
    """The signal that now shows the change, in plain words, and what the update does with it."""
    analysis = claim.analysis
    found = sorted(
        analysis.improvements_after_change(), key=lambda s: (spc.RULE_WEIGHT[s.rule], -s.end)
    )
    fall = claim.impact.direction == "lower"
    since: str | None = None
    broken: str | None = None
    if found:
        signal = found[0]
        fall = signal.direction == "down"
        what, since = _plain(signal, claim, kind, lang)
        broken = _broken_by_latest(signal, claim, kind, lang)
        if broken is not None:
            what, since = broken, None
    else:
        what = lang.gettext("the chart now shows the change")
    if claim.delivered is not None and claim.delivered <= 0:
        # A run of better months is no gain when the months since the change add up worse
        # than the baseline (a latest figure far the wrong way): the money counts nothing,
        # so page 1 does not say it is delivered (newuser35 #2).
        reports = (
            lang.gettext(
                "so no reduction is counted, as the figures since the change add up to "
                "more than the baseline"
            )
            if fall
            else lang.gettext(
                "so no increase is counted, as the figures since the change add up to "
                "less than the baseline"
            )
        )
    elif claim.delivered is not None and since is not None:
        # A run that began before the change is not the change's: only its months from the
        # change on are reported as delivered (fixleft24a #1).
        reports = (
            lang.gettext("so we count the reduction since {start} as delivered")
            if fall
            else lang.gettext("so we count the increase since {start} as delivered")
        ).format(start=since)
    elif claim.delivered is not None:
        reports = (
            # "the fall" read as a patient's fall in a falls project (reader24 #9).
            lang.gettext("so we count the reduction as delivered")
            if fall
            else lang.gettext("so we count the increase as delivered")
        )
    elif broken is not None:
        # The months the signal names were real, the latest figure is not one of them: "so we
        # report it as a real reduction" would read as said of the latest (newuser37 #10).
        reports = (
            lang.gettext("so we report the reduction in those months as real")
            if fall
            else lang.gettext("so we report the increase in those months as real")
        )
    else:
        reports = (
            lang.gettext("so we report it as a real reduction")
            if fall
            else lang.gettext("so we report it as a real increase")
        )
    return f"{what}, {reports}"


def _broken_by_latest(signal: spc.Signal, claim: Claim, kind: str, lang: Language) -> str | None:
    """A signal that ended before the latest figure, said as over; else ``None``.

    "Now below the baseline for 7 months running" cannot be said of a run that
    ended in October when November's figure is far above it (newuser35 #2): the
    run is named with its months, then the latest month that is not part of it,
    and a latest figure far outside all the others is named as one to check.
    Points beyond a limit (or two of three near it) are the same: "a figure now
    below the lower limit" is false when the latest figure is not one of them
    (newuser37 #10, a typo of 9,900 for 990 after four months below the limit).
    """
    present = [i for i, p in enumerate(claim.points) if p.value is not None]
    if not present or signal.end >= present[-1]:
        return None
    latest = claim.points[present[-1]]
    down = signal.direction == "down"
    if signal.rule in ("shift", "trend"):
        run = claim.points[signal.start : signal.end + 1]
        span = spans.span_text([p.period for p in run if p.value is not None], lang)
    else:
        # Points beyond a limit may lie apart: named one by one, or as stretches.
        shown = [claim.points[i] for i in signal.points]
        span = spans.gap_labels([p.period for p in shown if p.value is not None], lang)
    if signal.rule == "outside_limits":
        text = (
            lang.gettext("below the chart's lower limit ({span}), but not in {latest}")
            if down
            else lang.gettext("above the chart's upper limit ({span}), but not in {latest}")
        )
    elif signal.rule == "two_of_three":
        text = (
            lang.gettext("close to the chart's lower limit ({span}), but not in {latest}")
            if down
            else lang.gettext("close to the chart's upper limit ({span}), but not in {latest}")
        )
    elif signal.rule == "trend":
        text = (
            lang.gettext("fell for {length} running, {span}, but not in {latest}")
            if down
            else lang.gettext("rose for {length} running, {span}, but not in {latest}")
        )
    elif signal is claim.analysis.baseline_shift:
        text = (
            lang.gettext("below the baseline for {length} running, {span}, but not in {latest}")
            if down
            else lang.gettext(
                "above the baseline for {length} running, {span}, but not in {latest}"
            )
        )
    else:
        text = (
            lang.gettext("below the average for {length} running, {span}, but not in {latest}")
            if down
            else lang.gettext("above the average for {length} running, {span}, but not in {latest}")
        )
    said = text.format(
        length=_count(signal.length, kind, lang),
        span=span,
        latest=fmt.period_label(latest.period.text, lang),
    )
    others = [p.value for p in claim.points if p.value is not None and p is not latest]
    value = latest.value
    assert value is not None
    if others and (
        (max(others) > 0 and value > FAR_OUTSIDE * max(others))
        or (min(others) > 0 and 0 <= value < min(others) / FAR_OUTSIDE)
    ):
        said += lang.gettext(" (its {figure} is far outside every other figure: check it)").format(
            figure=fmt.number(value, lang)
        )
    return said


def _plain(signal: spc.Signal, claim: Claim, kind: str, lang: Language) -> tuple[str, str | None]:
    """A signal that shows the change, said as a reader would put it.

    With it, the name of the change's first period when the signal is a run
    (a trend or a shift) that began before the change but is counted as the
    project's (the months before it within their usual variation): the words
    then count only its months from the change on and say when the run began,
    so no month before the change is claimed as the change's (fixleft24a #1).
    """
    analysis = claim.analysis
    down = signal.direction == "down"
    length = _count(signal.length, kind, lang)
    at = analysis.change_at
    # A trend's first point is where its fall (or rise) is counted from: a trend whose only
    # month before the change is that one fell (or rose) wholly from the change on.
    before = sum(1 for i in signal.points if at is not None and i < at)
    if (
        at is not None
        and signal.rule in ("trend", "shift")
        and before >= (2 if signal.rule == "trend" else 1)
        and not _improving_before_change(analysis, signal)
        and at < len(claim.points)
    ):
        after = sum(1 for i in signal.points if i >= at)
        start = fmt.period_label(claim.points[at].period.text, lang)
        began = fmt.period_label(claim.points[signal.start].period.text, lang)
        text = (
            lang.gettext(
                "now fallen for {length} running since the change began {when} (falling "
                "since {began}, within the usual variation before the change)"
            )
            if down
            else lang.gettext(
                "now risen for {length} running since the change began {when} (rising "
                "since {began}, within the usual variation before the change)"
            )
        )
        when = fmt.in_period(claim.points[at].period.text, lang)
        said = text.format(length=_count(after, kind, lang), when=when, began=began)
        return said, start
    return _plain_words(signal, analysis, length, lang), None


def _plain_words(signal: spc.Signal, analysis: spc.Analysis, length: str, lang: Language) -> str:
    """A signal that shows the change, said as a reader would put it, whole."""
    down = signal.direction == "down"
    if _improving_before_change(analysis, signal):
        text = (
            lang.gettext("now fallen for {length} running (a trend, begun before the change)")
            if down
            else lang.gettext("now risen for {length} running (a trend, begun before the change)")
        )
    elif signal.rule == "trend":
        text = (
            lang.gettext("now fallen for {length} running (a trend)")
            if down
            else lang.gettext("now risen for {length} running (a trend)")
        )
    elif signal.rule == "shift" and signal is analysis.baseline_shift:
        text = (
            lang.gettext("now below the baseline for {length} running")
            if down
            else lang.gettext("now above the baseline for {length} running")
        )
    elif signal.rule == "shift":
        text = (
            lang.gettext("now below the average for {length} running")
            if down
            else lang.gettext("now above the average for {length} running")
        )
    elif signal.rule == "outside_limits" and signal.length > 1:
        text = (
            lang.ngettext(
                "{n} figure now below the chart's lower limit",
                "{n} figures now below the chart's lower limit",
                signal.length,
            )
            if down
            else lang.ngettext(
                "{n} figure now above the chart's upper limit",
                "{n} figures now above the chart's upper limit",
                signal.length,
            )
        ).format(n=signal.length)
    elif signal.rule == "outside_limits":
        text = (
            lang.gettext("a figure now below the chart's lower limit")
            if down
            else lang.gettext("a figure now above the chart's upper limit")
        )
    else:
        text = (
            lang.gettext("two of the last three figures now close to the lower limit")
            if down
            else lang.gettext("two of the last three figures now close to the upper limit")
        )
    return text.format(length=length)


def _new_signals(
    before: Claim, now: Claim, situation: Situation, *, charted: bool = True
) -> list[str]:
    """Signals on the chart from the change on that the last update's chart did not have.

    With ``charted`` false the chart is left out of the update: a new signal
    is said without pointing to it, and one only carried over is not said.
    """
    lang, analysis = situation.lang, now.analysis
    if analysis.kind == "none":
        return []
    found = [s for s in _candidates(now) if not _reported_before(s, before.analysis)]
    kind = _kind(situation)
    if not found:
        carried = _carried_signal(before, now, situation) if charted else None
        if carried is None:
            return []
        return [
            lang.gettext(
                "now on a control chart, which shows {signal}, the change already reported "
                "rather than a new one"
            ).format(signal=carried)
        ]
    return [
        # A trend that began before the change began before the last update too: not "new",
        # and its words say it is not counted as the project's (newuser32 #5). Each is a
        # sentence after the measure's name, never a second label colon (fixupd25a #4).
        lang.gettext("the chart shows {signal}").format(
            signal=signal_words(s, analysis, kind, lang)
        )
        if _improving_before_change(analysis, s) and charted
        else _news(s, analysis, kind, lang, charted=charted)
        for s in sorted(found, key=lambda s: spc.RULE_WEIGHT[s.rule])[:1]
    ]


def _news(
    signal: spc.Signal, analysis: spc.Analysis, kind: str, lang: Language, *, charted: bool
) -> str:
    """A signal new since the last update, in a reader's words (newuser40 #4).

    "two of the last three figures now close to the lower limit, a sign of
    improvement the last update did not show", not "the chart now shows two of
    three points close to the lower limit (improvement), new since the last
    update". A signal the chart qualifies (on the way to a new level, recovering,
    before a rise or fall, too early to count, weak) keeps the chart's words,
    which say so.
    """
    plain = signal.improvement is not None and not (
        signal.stepping
        or signal.recovering
        or signal.before_worsening
        or signal.before_improvement
        or analysis.too_early(signal)
        or weak(signal, analysis)
    )
    if not plain:
        return (
            lang.gettext("the chart now shows {signal}, new since the last update")
            if charted
            else lang.gettext(
                "now {signal}, new since the last update (its chart is left out for space)"
            )
        ).format(signal=signal_words(signal, analysis, kind, lang))
    words = _plain_words(signal, analysis, _count(signal.length, kind, lang), lang)
    if signal.improvement and charted:
        text = lang.gettext("{signal}, a sign of improvement the last update did not show")
    elif signal.improvement:
        text = lang.gettext(
            "{signal}, a sign of improvement the last update did not show (its chart is left "
            "out for space)"
        )
    elif charted:
        text = lang.gettext("{signal}, a sign of concern the last update did not show")
    else:
        text = lang.gettext(
            "{signal}, a sign of concern the last update did not show (its chart is left out "
            "for space)"
        )
    return text.format(signal=words)


def _candidates(now: Claim) -> list[spc.Signal]:
    """The chart's signals from the change on that reach its latest point, strong ones."""
    analysis = now.analysis
    last = max((i for i, v in enumerate(analysis.values) if v is not None), default=None)
    return [
        s
        for s in analysis.signals
        if s.improvement is not None
        and s.end == last
        and not before_change(analysis, s)
        and not weak(s, analysis)  # beyond limits that hold a shift (reader24 #12)
    ]


def _carried_signal(before: Claim, now: Claim, situation: Situation) -> str | None:
    """The words of the change already reported, when it is now on a control chart; or ``None``.

    Its start moves with the chart's rules (July on the run chart, September
    on the XmR chart), but it is no new finding.
    """
    analysis = now.analysis
    if before.analysis.kind != "run" or analysis.kind != "xmr":
        return None
    candidates = _candidates(now)
    if not candidates or any(not _reported_before(s, before.analysis) for s in candidates):
        return None
    [kept] = sorted(candidates, key=lambda s: spc.RULE_WEIGHT[s.rule])[:1]
    return signal_words(kept, analysis, _kind(situation), situation.lang)


def _reported_before(signal: spc.Signal, before: spc.Analysis) -> bool:
    """Whether the last update's chart already showed ``signal``: the same pattern, carried on.

    The same rule (a sustained shift from the change, or against the facts'
    baseline, counts as a shift) the same way, sharing a point: a shift
    reported from July on a run chart is the one an XmR chart, its mean
    made from other months, shows from September (reader24 #7). A point
    beyond a limit, or two of three near one, is new when its points are.
    """
    earlier = list(before.signals)
    if before.baseline_shift is not None:
        earlier.append(before.baseline_shift)
    earlier += [c.shift for c in before.changes if c.shift is not None]
    for old in earlier:
        if old.direction != signal.direction:
            continue
        if old.rule != signal.rule:
            continue
        if signal.rule in ("shift", "trend") and set(old.points) & set(signal.points):
            return True
        if old.start == signal.start:
            return True
    return False


def _kind(situation: Situation) -> str:
    """The kind of period the charts are drawn by."""
    return (situation.chart_run or situation.run).kind


def _count(n: int, kind: str, lang: Language) -> str:
    """``5 months``: a signal's length in the chart's periods."""
    if kind == "quarter":
        return lang.ngettext("{n} quarter", "{n} quarters", n).format(n=n)
    if kind == "year":
        return lang.ngettext("{n} year", "{n} years", n).format(n=n)
    return lang.ngettext("{n} month", "{n} months", n).format(n=n)


def _met(point: Point, progress: MeasureProgress) -> bool:
    """Whether ``point``'s figure is at or past the target."""
    if point.value is None:
        return False
    share = fraction_along(point.value, progress.impact, point.period)
    return share is not None and share >= 1


def _at(point: Point, progress: MeasureProgress, lang: Language) -> str:
    """``29 pressure ulcers in October 2026``."""
    return lang.gettext("{amount} in {period}").format(
        amount=amount_text(point.value or 0.0, progress.impact, lang),
        period=fmt.period_label(point.period.text, lang),
    )


def _target(
    progress: MeasureProgress, earlier: Point | None, lang: Language, *, noise: bool
) -> list[str]:
    """The latest figure meeting the target for the first time, again, or no longer."""
    latest = progress.latest
    if latest is None:
        return []
    if progress.impact.balancing:
        return _limit(progress, latest, earlier, lang)
    met_before = earlier is not None and _met(earlier, progress)
    if _met(latest, progress) and not met_before:
        # "Again" only for a target the sponsor saw met, at or before the last update: one
        # first met in the months between (118 against 200 in May, 205 in July and each
        # month since) is said with the month it has been met since (newuser35 #13).
        seen = earlier is not None and any(
            _met(p, progress) for p in progress.points if p.period <= earlier.period
        )
        streak = _met_since(progress, latest)
        if seen:
            said = lang.gettext("met the target again ({figure})")
        elif streak is not None:
            return [
                # Said once: "now meets the target, met since July" said it twice (reader25 #13).
                lang.gettext("at the target since {since} ({figure})").format(
                    since=fmt.period_label(streak.period.text, lang),
                    figure=_at(latest, progress, lang),
                )
            ]
        elif any(_met(p, progress) for p in progress.points if p.period < latest.period):
            said = lang.gettext("met the target again ({figure})")
        else:
            said = lang.gettext("met the target for the first time ({figure})")
        return [said.format(figure=_at(latest, progress, lang))]
    if met_before and not _met(latest, progress):
        return [_missed(progress, latest, lang, noise=noise)]
    return []


def _limit(
    progress: MeasureProgress, latest: Point, earlier: Point | None, lang: Language
) -> list[str]:
    """A balancing measure that went past its limit since the last update, or back within it."""
    if latest.value is None:
        return []
    inside = within_limit(latest.value, latest, progress.impact)
    was_inside = (
        earlier is None
        or earlier.value is None
        or within_limit(earlier.value, earlier, progress.impact)
    )
    limit = amount_text(latest.target, progress.impact, lang)
    if was_inside and not inside:
        said = lang.gettext("past the limit the team accepts ({figure}, limit {limit})")
    elif inside and not was_inside:
        said = lang.gettext("back within the limit the team accepts ({figure}, limit {limit})")
    else:
        return []
    return [said.format(figure=_at(latest, progress, lang), limit=limit)]


#: A figure this close to its target (a share of the target) misses it "just".
JUST_MISSED = 0.02


def _missed(progress: MeasureProgress, latest: Point, lang: Language, *, noise: bool) -> str:
    """A target met at the last update and missed this time, said with both figures.

    "No longer at the target (668 bed days)" read as a change when the target
    was 666.7 and the chart showed normal variation (reader26 #13): the words
    say which side of the target the figure is, how near, and give the target.
    With ``noise`` (the chart shows no change) they say it is within normal
    variation, as the table beside them does.
    """
    impact, value = progress.impact, latest.value or 0.0
    places = measure_decimals(impact.baseline, impact.target)
    target = (
        fmt.number(latest.target, lang, decimals=places)
        if round(latest.target, places) == latest.target
        else fmt.number(latest.target, lang)
    )
    near = latest.target != 0 and abs(value - latest.target) <= JUST_MISSED * abs(latest.target)
    above = value > latest.target
    if noise and not near:
        # A count of 3 against 2.7 on a chart of normal variation is no change (reader26 #13).
        text = (
            lang.gettext(
                "above the target in {period} ({figure} against {target}), still within "
                "normal variation"
            )
            if above
            else lang.gettext(
                "below the target in {period} ({figure} against {target}), still within "
                "normal variation"
            )
        )
    elif near:
        text = (
            lang.gettext("just above the target in {period} ({figure} against {target})")
            if above
            else lang.gettext("just below the target in {period} ({figure} against {target})")
        )
    else:
        text = (
            lang.gettext("back above the target in {period} ({figure} against {target})")
            if above
            else lang.gettext("back below the target in {period} ({figure} against {target})")
        )
    return text.format(
        period=fmt.period_label(latest.period.text, lang),
        figure=amount_text(value, impact, lang),
        target=target,
    )


def _met_since(progress: MeasureProgress, latest: Point) -> Point | None:
    """The first figure of an unbroken run at the target to ``latest``; ``None`` if only it."""
    present = [p for p in progress.points if p.value is not None and p.period <= latest.period]
    first: Point | None = None
    for point in reversed(present):
        if not _met(point, progress):
            break
        first = point
    return first if first is not None and first.period < latest.period else None


def new_count(impact: Impact) -> bool:
    """Whether ``impact`` counts something that did not exist before: a baseline of 0, more better.

    Appointments released by a new hub are above a baseline of none from the
    first month, so a run above it proves nothing (reader24 #11): the update
    says its records, a target met and gaps, as for any measure (reader25 #17).
    """
    return impact.baseline == 0 and impact.direction == "higher" and impact.per is not None


def _record(progress: MeasureProgress, latest: Point, lang: Language, *, noise: bool) -> list[str]:
    """The latest figure as the lowest or the highest yet, either way; else nothing.

    A move within normal variation is no news, but a figure no earlier one
    reached is: the lowest (or highest) of at least :data:`RECORD_AFTER`
    earlier figures of the same kind of period. With ``noise`` (the chart
    shows no change) the line says the record is still within normal
    variation, as the table beside it does.
    """
    if latest.value is None:
        return []
    before = [
        p.value
        for p in progress.points
        if p.period < latest.period and p.value is not None and p.period.kind == latest.period.kind
    ]
    if len(before) < RECORD_AFTER:
        return []
    if latest.value < min(before):
        said = (
            lang.gettext("the lowest figure yet ({figure}), still within normal variation")
            if noise
            else lang.gettext("the lowest figure yet ({figure})")
        )
    elif latest.value > max(before):
        said = (
            lang.gettext("the highest figure yet ({figure}), still within normal variation")
            if noise
            else lang.gettext("the highest figure yet ({figure})")
        )
    else:
        return []
    return [said.format(figure=_at(latest, progress, lang))]


def _after_gap(
    progress: MeasureProgress, earlier: Point | None, latest: Point, lang: Language
) -> list[str]:
    """The latest figure as the first after a gap: none at the last update, or months missing.

    ``earlier`` is the last update's latest figure: with none, this is the
    measure's first figure since then; with periods between it and the latest
    that should have had a figure and have none, the figures are back after a gap.
    """
    if latest.value is None:
        return []
    if earlier is None or earlier.value is None:
        first = lang.gettext("a first figure ({figure})")
        return [first.format(figure=_at(latest, progress, lang))]
    # Only the periods that should have had a figure: a survey each quarter has none
    # in the months between, and that is no gap.
    missing = [p for p in progress.missing if earlier.period < p < latest.period]
    if not missing:
        return []
    return [
        lang.gettext("a figure again after none for {missing} ({figure})").format(
            missing=spans.gap_labels(missing, lang), figure=_at(latest, progress, lang)
        )
    ]
