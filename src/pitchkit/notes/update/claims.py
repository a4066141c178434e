"""What an update may claim for a measure: only what its chart shows.

:func:`judge` draws the measure's chart (:func:`pitchkit.notes.update.spc.analyse`),
split at the change (the impact's ``changed:`` dates, or the project's
start). A measure has *delivered* only when the chart shows special-cause
improvement from the change on. Then what it delivered is counted from the
change, against the baseline mean (the mean of the points before the
change; with too few of them for a baseline, the baseline in the facts,
against which a sustained run of points also shows the change): months
before the change count for nothing. Otherwise the update says that no
change can be told apart from normal variation yet, and how many more
points would show one: the count is tried out, by adding that many points
like the latest to the chart, so that the promise holds.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from pitchkit.facts.schema import Facts, Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.notes.rates import scale
from pitchkit.notes.targetchange import in_force
from pitchkit.notes.update import spc
from pitchkit.notes.update.progress import MeasureProgress, Point, delivered_value, fraction_along
from pitchkit.period import Period


@dataclass(frozen=True)
class Claim:
    """One measure's chart and what may be said from it.

    ``reference`` is the baseline mean for one chart period; ``since`` the
    first period the change counts from; ``delivered`` the cumulative gain
    since then for a count (``None`` for a level, or when the chart shows
    no improvement); ``needed`` how many more points on the better side
    would make a shift, when it shows none.
    """

    impact: Impact
    points: tuple[Point, ...]
    analysis: spc.Analysis
    shown: bool
    reference: float | None
    since: Period | None
    delivered: float | None
    money: float | None
    needed: int

    @property
    def counted(self) -> tuple[Period, ...]:
        """The periods with a figure from the change on."""
        if self.since is None:
            return ()
        return tuple(
            p.period for p in self.points if p.value is not None and p.period >= self.since
        )

    @property
    def reference_periods(self) -> tuple[Period, ...]:
        """The periods whose mean is ``reference``: those with a figure before the change.

        An XmR baseline fixed after its first few points (``fix_after``)
        keeps only those. Empty when there is no such mean.
        """
        if self.reference is None or self.since is None:
            return ()
        before = tuple(
            p.period for p in self.points if p.value is not None and p.period < self.since
        )
        baseline = self.analysis.baseline
        return before[: baseline.basis] if baseline is not None else before

    @property
    def holds(self) -> bool:
        """Whether the chart shows the change and the latest figure is still better than baseline.

        Such a measure's latest point may be common cause (within normal
        variation) because the process has settled at its improved level.
        """
        latest = next((p for p in reversed(self.points) if p.value is not None), None)
        if not self.shown or latest is None or self.impact.direction is None:
            return False
        return _gain(latest, self.reference, self.impact) > 0

    def gain(self, point: Point) -> float:
        """How much better than the baseline mean (or the facts' baseline) ``point`` is."""
        return _gain(point, self.reference, self.impact)

    def delivered_between(self, first: dt.date, last: dt.date) -> float | None:
        """What was delivered on the days from ``first`` to ``last``, from the change on.

        A period only partly inside counts for the share of its days that
        is. ``None`` when nothing is claimed (a level, or no improvement).
        """
        if self.delivered is None or self.since is None:
            return None
        total = 0.0
        for point in self.points:
            if point.value is None or point.period < self.since:
                continue
            start, end = max(point.period.start, first), min(point.period.end, last)
            if start > end:
                continue
            days = (point.period.end - point.period.start).days + 1
            total += _gain(point, self.reference, self.impact) * ((end - start).days + 1) / days
        return total


def change_dates(impact: Impact, facts: Facts) -> list[dt.date]:
    """When the change took effect for ``impact``: its own dates, else the project's start."""
    if impact.changed:
        return list(impact.changed)
    return [facts.project.start] if facts.project.start is not None else []


def change_positions(points: Sequence[Point], dates: Sequence[dt.date]) -> list[int]:
    """For each date, the first point whose period ends on or after it (none if all end before)."""
    positions = []
    for date in dates:
        found = next((i for i, p in enumerate(points) if p.period.end >= date), None)
        if found is not None:
            positions.append(found)
    return sorted(set(positions))


def judge(
    progress: MeasureProgress,
    points: Sequence[Point],
    *,
    dates: Sequence[dt.date],
    rules: spc.Rules,
) -> Claim:
    """The chart of ``points`` and what the update may claim from it."""
    impact = progress.impact
    analysis, start, reference, shown = _read(impact, points, dates, rules)
    # A balancing measure is watched within its limit: never a gain to claim, whichever way.
    shown = shown and not impact.balancing
    since = points[start].period if start is not None and points else None
    delivered: float | None = None
    money: float | None = None
    after = [p for p in points[start:] if p.value is not None] if start is not None else []
    if shown and impact.per is not None:
        delivered = sum(_gain(p, reference, impact) for p in after)
        money = delivered_value(delivered, impact)
    needed = 0
    if not shown and since is not None:
        needed = _needed(impact, points, dates, rules, reference) or _run_needed(
            analysis, after, reference, impact, rules
        )
    return Claim(
        impact=impact,
        points=tuple(points),
        analysis=analysis,
        shown=shown,
        reference=reference,
        since=since,
        delivered=delivered,
        money=money,
        needed=needed,
    )


def _read(
    impact: Impact, points: Sequence[Point], dates: Sequence[dt.date], rules: spc.Rules
) -> tuple[spc.Analysis, int | None, float | None, bool]:
    """The chart, where the change starts, the baseline mean, and whether it shows the change."""
    positions = change_positions(points, dates)
    analysis = spc.analyse(
        [p.value for p in points],
        better=impact.direction,
        target=points[-1].target if points else None,
        rules=rules,
        changes=positions,
        baseline=points[-1].baseline if points else None,
    )
    start = positions[0] if positions else (0 if not dates else None)
    reference = _baseline_mean(analysis, points, start, rules)
    shown = (
        start is not None
        and bool(points)
        and analysis.improved_after_change()
        and _held_up(analysis, impact.direction)
    )
    return analysis, start, reference, shown


def _held_up(analysis: spc.Analysis, better: str | None) -> bool:
    """Whether the chart's improvement since the change is a new level, not a point or two.

    A shift or a trend the better way shows a new level by its own rule (a
    shift from the facts' baseline, on a chart with no baseline of its own,
    is a shift). A point past the limits, or two of three near them, is a
    signal about those points, not a new level (docs/spc.md): one good month
    among months at the old level (out-of-area bed days of 120 in June, 295
    to 330 in the thirteen around it, against 309.2) delivered nothing, and
    the update says "one better month (June 2026), not yet a sustained
    change" (newuser13 #1). Such points show a new level only when the
    figures since the change, at least two of them, sit at their median past
    the baseline's two-sigma line the better way: at least half of them that
    far out, which chance alone all but never gives (six quarters of locum
    sessions, every one below the lower limit, too few yet for a shift of
    seven). The rule it replaces (newuser12 #1) asked only for a median
    better than the baseline mean, which months at the old level pass half
    the time by chance (302.5 there).
    """
    found = analysis.improvements_after_change()
    if any(s.rule in ("shift", "trend") for s in found):
        return True
    baseline = analysis.baseline
    if not found or baseline is None or better not in ("lower", "higher"):
        return False
    since = analysis.change_at or 0
    after = [v for v in analysis.values[since:] if v is not None]
    if len(after) < 2:
        return False
    middle = statistics.median(after)
    return middle < baseline.lower_2s if better == "lower" else middle > baseline.upper_2s


def _baseline_mean(
    analysis: spc.Analysis, points: Sequence[Point], start: int | None, rules: spc.Rules
) -> float | None:
    """The XmR baseline's mean; for a run chart, the mean of enough points before the change."""
    if analysis.baseline is not None:
        return analysis.baseline.centre
    before = [p.value for p in points[: start or 0] if p.value is not None]
    if len(before) >= rules.min_baseline_points:
        return statistics.fmean(before)
    return None


def _gain(point: Point, reference: float | None, impact: Impact) -> float:
    """How much better than the baseline mean (or the facts' baseline) ``point`` is."""
    assert point.value is not None
    base = reference if reference is not None else scale(impact.baseline, impact, point.period)
    return base - point.value if impact.direction == "lower" else point.value - base


def _needed(
    impact: Impact,
    points: Sequence[Point],
    dates: Sequence[dt.date],
    rules: spc.Rules,
    reference: float | None,
) -> int:
    """How many more points, each better than the baseline, would make the chart show the change.

    Tried out, one point at a time, with points only just better than the
    baseline mean (or the facts' baseline), so that "7 more months in a row
    better than the baseline could show one" is true of any such months: a
    shift (equal points make no trend, and none is past a limit). Not the
    latest figure carried on, nor the target: 4 months at the target of 60
    agency shifts would show a change, but 4 months better than the baseline
    of 119 need not (newuser39 #8). 0 when no such run shows it within two
    years of points.
    """
    latest = next((p for p in reversed(points) if p.value is not None), None)
    if latest is None or impact.direction is None:
        return 0
    extended = list(points)
    period = points[-1].period
    for more in range(1, 2 * rules.min_spc_points + rules.spc_shift + 1):
        period = period.following()
        base = reference if reference is not None else scale(impact.baseline, impact, period)
        step = max(abs(base) * 1e-6, 1e-9)
        extended.append(
            Point(
                period=period,
                value=base - step if impact.direction == "lower" else base + step,
                baseline=scale(impact.baseline, impact, period),
                target=scale(impact.target, impact, period),
            )
        )
        if _read(impact, extended, dates, rules)[3]:
            return more
    return 0


def _run_needed(
    analysis: spc.Analysis,
    after: Sequence[Point],
    reference: float | None,
    impact: Impact,
    rules: spc.Rules,
) -> int:
    """A rough count when no run of points tried out shows the change: a shift's worth."""
    run = 0
    for point in reversed(after):
        if _gain(point, reference, impact) <= 0:
            break
        run += 1
    shift = rules.spc_shift if analysis.count + 1 >= rules.min_spc_points else rules.run_shift
    return max(shift - run, rules.min_run_points - analysis.count, 1)


def worsening(claim: Claim) -> bool:
    """Whether the chart shows the measure worse, not better, at its latest point.

    Its latest point is in a signal of concern; or the limits were last
    recalculated after a sustained shift the worse way and its latest point
    is no improvement on them (agency spend up from £8,050 to about £9,500 a
    month, its limits remade at the new level), or an improvement on them
    that does not show the change (one good month after a year of them); or it is in a sustained
    shift the worse way from the baseline in the facts (a chart with no
    baseline of its own): "no change can be told apart" would hide a change,
    the wrong way.
    """
    analysis = claim.analysis
    if analysis.kind == "none" or claim.since is None:
        return False
    if analysis.variation == "concern":
        return True
    shifted = [c.shift for c in analysis.changes if c.shift is not None and not c.moving]
    if shifted and shifted[-1].improvement is False and analysis.variation != "improvement":
        return True
    if shifted and shifted[-1].improvement is False and not claim.shown:
        # A latest point better than the limits remade at the worse level, but one that does
        # not hold the change up (:func:`_held_up`): one good month after a year below the
        # baseline is still a measure worse than before the change (newuser12 #3).
        return True
    shift = analysis.baseline_shift
    last = max((i for i, v in enumerate(analysis.values) if v is not None), default=-1)
    return shift is not None and shift.improvement is False and shift.end == last


def isolated(claim: Claim) -> bool:
    """Whether the chart has improvement from the change on that does not hold the change up.

    Points past the limits the better way (or two of three near them), with
    no shift or trend, among figures from the change on that are not, at
    their median, past the baseline's two-sigma line (:func:`_held_up`): a
    good month, not a change delivered.
    """
    return (
        not claim.shown
        and claim.since is not None
        and bool(claim.points)
        and claim.analysis.improved_after_change()
    )


def isolated_periods(claim: Claim) -> tuple[Period, ...]:
    """The periods of the better points that make an :func:`isolated` improvement, oldest first.

    The points of the improvement signals from the change on that are
    better than the baseline mean: June 2026 for one month of 120 bed days
    among months of about 300. Empty when the improvement is not isolated.
    """
    if not isolated(claim):
        return ()
    found = {
        i
        for signal in claim.analysis.improvements_after_change()
        for i in signal.points
        if i < len(claim.points)
        and claim.points[i].value is not None
        and claim.gain(claim.points[i]) > 0
    }
    return tuple(claim.points[i].period for i in sorted(found))


def better_text(periods: Sequence[Period], lang: Language, *, figures: bool = False) -> str:
    """``one better month (June 2026)``: the better points of an isolated improvement, named.

    ``figures`` for a measure whose figures come less often than its periods
    (a survey each quarter in a monthly log): ``one better figure``.
    """
    labels = fmt.join_list([fmt.period_label(p.text, lang) for p in periods], lang)
    n = len(periods)
    kind = periods[-1].kind
    if figures:
        text = lang.ngettext("one better figure ({periods})", "{n} better figures ({periods})", n)
    elif kind == "quarter":
        text = lang.ngettext("one better quarter ({periods})", "{n} better quarters ({periods})", n)
    elif kind == "year":
        text = lang.ngettext("one better year ({periods})", "{n} better years ({periods})", n)
    else:
        text = lang.ngettext("one better month ({periods})", "{n} better months ({periods})", n)
    return text.format(n=n, periods=labels)


def met_since(points: Sequence[Point], impact: Impact, latest: Point) -> Point | None:
    """The first of two or more periods in a row, up to ``latest``, all at or past the target.

    ``None`` when only the latest is, or a period between has no figure. One
    rule for "met" in the update's table and in the brief (newuser28 #7): a
    target is "met" for good only when the chart's limits lie wholly on its
    better side (the assurance icon's "pass"); otherwise it is met "in" the
    latest period, or "since" the first of a run, and not yet shown to last.
    Each period is judged against the target in force in it (``target_was``).
    """
    run = [p for p in points if p.period.kind == latest.period.kind]
    run = run[: run.index(latest) + 1] if latest in run else []
    first = None
    for point in reversed(run):
        if point.value is None:
            break
        fraction = fraction_along(point.value, in_force(impact, point.period), point.period)
        if fraction is None or fraction < 1:
            break
        first = point
    return first if first is not None and first is not latest else None
