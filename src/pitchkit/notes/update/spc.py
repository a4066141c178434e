"""Run chart and XmR (SPC) analysis: which signals a series of figures shows.

:func:`analyse` reads a series of observations, oldest first, and finds the
signals the NHS looks for: the IHI run chart rules while there are few
points, and NHS England's "Making Data Count" XmR rules once there are
enough, applied as the NHSRplotthedots R package applies them (its test
cases, where they are on the machine, are checked by
``tests/test_spc_ptd.py``). Pure computation: no
drawing (that is :mod:`pitchkit.notes.update.charts`) and no wording (callers word a
signal in the reader's language from the fields of :class:`Signal`).

Baseline and change: ``changes`` gives the positions where a deliberate
change took effect (the project's start, or an impact's ``changed:``
dates). The points before the first change are the baseline, and the
limits come from them. The points from each change on are judged against
the limits in force; when they hold a sustained shift (``spc_shift`` points
on one side of that mean) the limits are recalculated from the change, as
the Making Data Count tool and NHSRplotthedots' ``rebase`` do, and each
stretch of the chart keeps its own limits (:class:`Segment`).

Gaps: a missing observation (``None``) is left out of every computation.
The centre line, the moving ranges and every run are worked out on the
present points in order, so a gap neither breaks nor extends a run; a
moving range spans the gap. Signal indices still refer to positions in the
full series, gaps included, so callers can name the right periods.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message

Kind = Literal["none", "run", "xmr"]
Rule = Literal["shift", "trend", "outside_limits", "two_of_three"]
Direction = Literal["up", "down"]
Variation = Literal["none", "common", "improvement", "concern", "special"]
Assurance = Literal["pass", "fail", "hit_and_miss"]

#: Three sigma for an individuals chart, estimated from the mean moving range (3 / 1.128).
LIMIT_FACTOR = 2.66
#: The "two sigma" line sits two thirds of the way from the mean to each limit.
TWO_SIGMA_SHARE = 2 / 3
#: A moving range above this many mean moving ranges is left out of the limits
#: (the upper range limit, 3.267, as Making Data Count and NHSRplotthedots screen).
SCREEN_FACTOR = 3.267
#: The figures before the change a run chart needs before a latest figure far past all of
#: them is worth saying (:meth:`Analysis.beyond_before`).
BEYOND_BEFORE = 4
#: The order in which signals are weighed and worded: a sustained shift first.
RULE_WEIGHT: dict[Rule, int] = {"shift": 0, "trend": 1, "outside_limits": 2, "two_of_three": 3}


@dataclass(frozen=True)
class Rules:
    """How many points each rule needs; printed in documents so readers know.

    ``min_run_points`` defaults to 8: fewer points make a median that says
    little, while 8 already let the trend rule (5 points) work. XmR needs
    ``min_spc_points`` (12, below which NHSRplotthedots warns of trial
    limits). ``spc_shift`` is 7 as Making Data Count sets it; some NHS tools
    use 6. ``min_baseline_points`` is the fewest points before a change that
    can make a baseline (fewer than ``min_spc_points`` give trial limits);
    ``fix_after`` limits a segment's limits to its first points (Making Data
    Count's 20, NHSRplotthedots' ``fix_after_n_points``; 0 uses them all).
    """

    run_shift: int = 6
    run_trend: int = 5
    min_run_points: int = 8
    spc_shift: int = 7
    spc_trend: int = 7
    min_spc_points: int = 12
    min_baseline_points: int = 5
    fix_after: int = 20
    screen_outliers: bool = True

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if name == "screen_outliers":
                continue
            lowest = 0 if name == "fix_after" else 2
            if isinstance(value, bool) or not isinstance(value, int) or value < lowest:
                raise InputError(
                    Message(
                        "chart rule {name} must be a whole number of points, 2 or more, "
                        "not {value}: change it in settings",
                        name=name,
                        value=repr(value),
                    )
                )
        if self.min_spc_points < self.min_run_points:
            raise InputError(
                Message(
                    "chart rule min_spc_points must not be smaller than min_run_points: "
                    "change one of them in settings"
                )
            )


@dataclass(frozen=True)
class Signal:
    """A pattern unlikely to be chance: what a reader should notice.

    ``start`` and ``end`` are positions in the full series (gaps included).
    ``points`` are the positions that make up the pattern, for marking on a
    chart. ``length`` is the number of points the rule counted.
    ``before_improvement`` marks a signal on the worse side that ends before
    the improvement took hold, on a chart with no baseline of its own: the
    level the change started from, not a concern (its ``improvement`` is
    then ``None``). ``stepping`` marks a signal on the worse side of limits
    recalculated after a sustained shift that starts at their first point,
    with every point better than the mean before: the figures on their way
    down (or up) to the new level, not a concern (``improvement`` ``None``).
    ``before_worsening`` marks a signal on the better side that ends before
    the figures got worse, on a chart with no baseline of its own, with a
    point no better than the facts' baseline: the months before the rise (or
    fall), better only than the worse months after them, not an improvement
    (``improvement`` ``None``). ``recovering`` marks a signal the better way
    against limits recalculated at a worse level, every point of it still
    worse than the mean before them: better than the new level, not than the
    one the reader knows, so not an improvement (``improvement`` ``None``).
    ``weak`` marks a point (or two of three) beyond limits made from figures
    that hold a shift, the better way: weak evidence, so not an improvement
    (``improvement`` ``None``), and neither marked nor given an icon as one.
    """

    rule: Rule
    start: int
    end: int
    direction: Direction
    improvement: bool | None
    points: tuple[int, ...]
    length: int
    before_improvement: bool = False
    stepping: bool = False
    before_worsening: bool = False
    recovering: bool = False
    weak: bool = False


@dataclass(frozen=True)
class Segment:
    """One stretch of an XmR chart with its own mean and limits.

    ``start`` and ``end`` are positions in the full series, both included.
    ``basis`` is how many points made the limits; ``trial`` says they are
    fewer than the rules' ``min_spc_points``.
    """

    start: int
    end: int
    centre: float
    upper: float
    lower: float
    upper_2s: float
    lower_2s: float
    basis: int
    trial: bool


@dataclass(frozen=True)
class Change:
    """What the points from one change on show against the limits before it.

    ``shift`` is the sustained shift from the change on (``None`` when there
    is none yet); with one, the limits were recalculated from ``at``.
    ``run`` is how many of the latest points sit together on the better
    side of ``reference`` (on either side when no direction is better).
    ``moving`` is a shift whose points are still climbing (or falling) in a
    trend that runs to the latest of them (or ended too few points ago to
    make limits): the process has not settled at a new level, so its limits
    are not recalculated yet. ``settled`` is where the recalculated limits
    start: ``at``, or the point after a trend the shift's way that carried
    the figures to their new level, so that the rise (or fall) itself is
    judged against the limits before it, not taken for a concern below (or
    above) the new mean. ``ramp_end`` is that trend's last point.
    """

    at: int
    reference: float
    shift: Signal | None
    run: int
    moving: bool = False
    settled: int | None = None
    ramp_end: int | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything a document needs to show and describe one measure's chart.

    ``centre`` is the median for a run chart and the mean for XmR; for XmR
    the centre, limit and two-sigma fields are those of the latest
    :class:`Segment`. ``variation`` reads the latest point: ``special``
    means a signal when no direction is better. ``assurance`` compares the
    latest limits with the target, for XmR with a target and a direction, and
    not while a shift is still under way (its limits are the old ones).
    ``change_at`` is where the first change took effect (``None`` when the
    series has no point after it).

    A chart with too few points before the change for a baseline of its own
    (fewer than ``rules.min_baseline_points``) is judged against the facts'
    baseline: ``baseline_shift`` is then the longest run from the change on
    of a shift's length (the run chart's or the XmR chart's) on one side of
    it. ``assurance_pending`` says the assurance icon is left out because the
    limits in force no longer describe the process: a shift still moving, or
    a latest point beyond the limits the better way. ``facts_baseline`` (the
    facts' baseline for one period) and ``better`` are kept for such a chart
    only, to judge its own signals against the baseline
    (:meth:`improved_after_change`).
    """

    kind: Kind
    values: tuple[float | None, ...]
    centre: float | None
    upper: float | None
    lower: float | None
    upper_2s: float | None
    lower_2s: float | None
    signals: tuple[Signal, ...]
    variation: Variation
    assurance: Assurance | None
    rules: Rules
    segments: tuple[Segment, ...] = ()
    changes: tuple[Change, ...] = ()
    change_at: int | None = None
    baseline_points: int = 0
    baseline_shift: Signal | None = None
    assurance_pending: bool = False
    facts_baseline: float | None = None
    better: str | None = None
    #: Whether the figures before the first change, read on their own, show an improvement
    #: (:func:`improving_before`): every page's "began before the change" reads this.
    improving_before: bool = False
    #: Trends or shifts among the very points a stretch's limits are made from
    #: (:func:`_drifting`): those limits describe a moving process, not a steady one, so a
    #: point beyond them inside the trend is not a signal of its own, and the latest
    #: stretch's give no assurance icon.
    drifting: tuple[Signal, ...] = ()
    #: The :attr:`drifting` trends and shifts a point beyond the limits (or two of three near
    #: them) was folded into: what the words say those points are part of (reader26 #10).
    folding: tuple[Signal, ...] = ()
    #: Whether the limits come from figures that hold the shift against the facts' baseline
    #: (:func:`_held_by_baseline_shift`): the words then read the chart by that shift alone.
    limits_hold_baseline_shift: bool = False
    #: Improving trends and shifts that ran across the change whose points from the change on
    #: are too few for their rule (:func:`_counted_from_change`), each cut to those points:
    #: no signal of the project's, but what the figures since the change show so far.
    short_since_change: tuple[Signal, ...] = ()

    @property
    def count(self) -> int:
        """The number of observations present (gaps left out)."""
        return sum(value is not None for value in self.values)

    @property
    def baseline(self) -> Segment | None:
        """The segment made from the points before the first change, if there is one."""
        return self.segments[0] if self.segments and self.baseline_points else None

    @property
    def drifting_now(self) -> tuple[Signal, ...]:
        """The :attr:`drifting` trends and shifts the limits in force are made from."""
        if not self.segments:
            return ()
        return tuple(d for d in self.drifting if d.start >= self.segments[-1].start)

    def ranked(self) -> tuple[Signal, ...]:
        """Every signal, grouped by rule in order of weight, most recent first within a rule."""
        return tuple(sorted(self.signals, key=lambda s: (RULE_WEIGHT[s.rule], -s.end, -s.start)))

    def improved_after_change(self) -> bool:
        """Whether the chart shows special-cause improvement from the first change on."""
        return bool(self.improvements_after_change())

    def improvements_after_change(self) -> tuple[Signal, ...]:
        """The improvement signals that show the change, as :meth:`improved_after_change` reads.

        A sustained shift from a change (the limits recalculated there), a
        shift from the facts' baseline on a chart with no baseline of its
        own, and any improvement signal that starts from the first change and
        lies past the baseline. Empty when there is none, or no chart.
        """
        if self.kind == "none":
            return ()
        found = [c.shift for c in self.changes if c.shift is not None and c.shift.improvement]
        if self.baseline_shift is not None and self.baseline_shift.improvement is True:
            found.append(self.baseline_shift)
        since = self.change_at or 0
        found += [
            s
            for s in self.signals
            if s.improvement is True and self._from_change(s, since) and self._past_baseline(s)
        ]
        return tuple(found)

    def recovering(self) -> Direction | None:
        """Which way a latest point in a ``recovering`` signal moved: ``"down"``, ``"up"`` or None.

        Such a point is better than limits recalculated at a worse level but
        still worse than the level before them (:func:`_recovering`).
        """
        latest = max((i for i, v in enumerate(self.values) if v is not None), default=None)
        for signal in self.signals:
            if signal.recovering and latest in signal.points:
                return signal.direction
        return None

    def beyond_before(self) -> Direction | None:
        """``"down"`` or ``"up"`` when the latest figure is far past every figure before the change.

        A run chart with no signal cannot tell such a figure from chance, but
        nor is it fair to call it normal variation. Being past the lowest (or
        highest) of a few figures means little: with 4 before the change, the
        latest of figures that vary by chance alone lies past all of them
        about 2 times in 5 (1 in 5 each way). So it counts only when there are
        at least :data:`BEYOND_BEFORE` figures before the change and the latest
        lies past the nearest of them by at least their whole range (highest
        less lowest): on figures varying by chance alone around one level
        (normally), about 3 times in 100 each way with 4 before, 1 in 70 with
        5, and fewer with more (docs/spc.md). Figures before the change that do
        not vary at all (12, 12, 12, 12) give no yardstick: any move would
        clear a range of 0, so nothing is said (review14 #7). ``None``
        otherwise, or with no change.
        """
        since = self.change_at
        before = [v for v in self.values[: since or 0] if v is not None]
        latest = next((v for v in reversed(self.values) if v is not None), None)
        if len(before) < BEYOND_BEFORE or latest is None:
            return None
        low, high = min(before), max(before)
        spread = high - low
        if spread <= 0:
            # No variation before the change to judge a move against: a drop of 1 from a
            # flat 12 is not "far past" anything.
            return None
        if latest < low and low - latest >= spread:
            return "down"
        if latest > high and latest - high >= spread:
            return "up"
        return None

    def began_before_change(self, signal: Signal) -> bool:
        """Whether an improving trend began before the first change, and so is not its.

        A trend that falls or rises between two of its points before the
        change and runs on past it (:meth:`_across_change`), which
        :meth:`_from_change` does not credit to the change: always so on a
        chart whose figures before the change show an improvement on their
        own (:attr:`improving_before`), and otherwise when no other signal
        shows the change and it is not too early to tell (:meth:`too_early`).
        The transport bed days of 110, 102, 100, 99 before the change and 96
        after it, with 6 figures since: the fall was under way before it.
        """
        if not self._across_change(signal):
            return False
        if self.improving_before:
            return True
        return self._uncredited(signal) and not self._starts_at_change(signal)

    def too_early(self, signal: Signal) -> bool:
        """Whether an improving trend across the change is too early to credit to it.

        As :meth:`began_before_change`, but the figures before the change show
        no improvement of their own, the trend moves only once before the
        change, and the figures since the change are too few for a shift (the
        money's test, :func:`~.actuals.too_early_count`). Locum
        sessions of 21, 19, 20, 22 and 18 before the change and 9, 7, 6 after
        it make a trend of 5 from July, but the fall from 22 to 18 is one of
        the figures' own wobbles: the drop starts at the change, so every page
        says it is too early to count, not that it began before the change
        (newuser33 N2).
        """
        if not self._across_change(signal) or self.improving_before:
            return False
        return self._uncredited(signal) and self._starts_at_change(signal)

    @property
    def shown_variation(self) -> Variation:
        """The latest point's variation as its icon shows it: by the improvements credited.

        A trend that began before the change, or one too early to count, is
        worded "not counted as the project's" under the chart: the variation
        icon beside it must not say "improvement" where the words do not
        (fixleft24a #7). The latest point is then judged by the other signals
        that hold it, and with none, as special cause variation of neither
        kind. Otherwise :attr:`variation`.
        """
        latest = max((i for i, v in enumerate(self.values) if v is not None), default=None)
        held = self.held_baseline_shift()
        if self.variation == "common" and held is not None:
            # The chart's own median or limits show nothing at the latest point, but the
            # words under it say a sustained shift from the baseline holds it: the icon
            # says what the words say, not "no change" (reader24 #2).
            return "improvement" if held.improvement else "concern"
        if self.variation != "improvement" or self.change_at is None:
            return self.variation
        holding = [s for s in self.signals if latest is not None and latest in s.points]
        uncounted = [
            s
            for s in holding
            if s.improvement is True and (self.began_before_change(s) or self.too_early(s))
        ]
        if not uncounted:
            return self.variation
        kept = tuple(s for s in holding if s not in uncounted)
        return _latest_variation(self.values, kept, xmr=self.kind == "xmr") if kept else "special"

    def held_baseline_shift(self) -> Signal | None:
        """The shift against the facts' baseline that holds the latest point, if it is judged.

        On a chart with no baseline of its own, the shift from the change
        against the facts' baseline (:attr:`baseline_shift`) is what the
        update's words rest on; when it holds the latest point and that
        point is in no signal of the chart's own (common cause variation on
        its own median or limits), it is what the latest point shows.
        """
        shift = self.baseline_shift
        if shift is None or shift.improvement is None or self.variation != "common":
            return None
        latest = max((i for i, v in enumerate(self.values) if v is not None), default=None)
        return shift if latest in shift.points else None

    def _uncredited(self, signal: Signal) -> bool:
        """Whether no signal credits the change: not ``signal`` itself, nor any other.

        On a chart that shows the change by another signal (a sustained shift
        from it), a trend reaching back before it is part of that change, not
        a rival to it.
        """
        at = self.change_at
        assert at is not None
        return not self._from_change(signal, at) and not self.improvements_after_change()

    def _starts_at_change(self, signal: Signal) -> bool:
        """Whether ``signal``'s move starts at the change, with too few figures since to tell.

        Its points before the change make one move only (into the last figure
        before the change: 22 to 18 among figures of 18 to 22), and the
        figures from the change on are fewer than a shift needs. A trend that
        moves two or more times before the change (110, 102, 100, 99) was
        under way before it, however few the figures since.
        """
        at = self.change_at
        assert at is not None
        before = [v for i in signal.points if i < at and (v := self.values[i]) is not None]
        moves = sum(1 for a, b in itertools.pairwise(before) if a != b)
        count = sum(1 for v in self.values[at:] if v is not None)
        shift = self.rules.spc_shift if self.kind == "xmr" else self.rules.run_shift
        return moves <= 1 and count < shift

    def _across_change(self, signal: Signal) -> bool:
        """Whether ``signal`` is an improving trend whose first move is before the change.

        A trend whose only point before the change is the one its first move is
        measured from did not move before it; a signal worded by what it is
        first (the old level, on the way to the new one, recovering, before a
        fall or rise) is not one.
        """
        at = self.change_at
        if at is None or signal.improvement is not True or signal.rule != "trend":
            return False
        if signal.before_improvement or signal.stepping or signal.recovering:
            return False  # worded by what it is first: the old level, on the way, recovering
        if signal.before_worsening:
            return False
        return signal.end >= at and self._moves_from(signal) < at

    def _past_baseline(self, signal: Signal) -> bool:
        """Whether an improvement signal shows a change from the facts' baseline.

        A chart with no baseline of its own has its mean and limits from the
        months since the change, so its signals compare those months with
        each other, not with the months before. An improvement among them
        shows the change only when its points are better than the facts'
        baseline (a trend: where it ends) and no sustained concern (a shift
        or a trend the worse way) comes after it: the first months of a
        measure that then got worse sit on the better side of its mean too,
        and they are not a change the project made.
        """
        base = self.facts_baseline
        if base is None or self.better not in ("lower", "higher"):
            return True
        points = signal.points[-1:] if signal.rule == "trend" else signal.points
        for i in points:
            value = self.values[i]
            if value is not None and (value >= base if self.better == "lower" else value <= base):
                return False
        return not any(
            s.improvement is False and s.rule in ("shift", "trend") and s.start > signal.end
            for s in self.signals
        )

    def _moves_from(self, signal: Signal) -> int:
        """Where a signal starts; a trend starts where its values first move from its first."""
        if signal.rule != "trend":
            return signal.start
        first = self.values[signal.start]
        return next((i for i in signal.points if self.values[i] != first), signal.start)

    def _from_change(self, signal: Signal, since: int) -> bool:
        """Whether an improvement signal starts from the change, and so shows it.

        A trend or shift that runs across the change has already been cut to
        its points from the change on when those make a whole signal by
        themselves (:func:`_counted_from_change`), and left out when they do
        not: the months before the change are the baseline, and never lengthen
        a signal to make it the project's, not even the last of them that a
        trend first falls from (newuser36 #1). What is left starting before the
        change is a trend worded as begun before it or too early to count, and
        neither counts.
        """
        return signal.start >= since


def analyse(
    values: Sequence[float | None],
    *,
    better: str | None,
    target: float | None = None,
    rules: Rules = Rules(),  # frozen, so sharing the default is safe
    changes: Sequence[int] = (),
    baseline: float | None = None,
) -> Analysis:
    """Analyse ``values`` (oldest first) as a run chart or an XmR chart.

    ``better`` is ``"lower"``, ``"higher"`` or ``None`` when neither is
    better; it decides whether a signal is an improvement or a concern.
    ``changes`` are positions where a deliberate change took effect.
    ``baseline`` is the facts' baseline for one period: a chart with too few
    points before the change for a baseline of its own looks for a sustained
    shift against it. Fewer than ``rules.min_run_points`` present values
    give kind ``none``.
    """
    if better not in ("lower", "higher", None):
        raise ValueError(f"better must be 'lower', 'higher' or None, not {better!r}")
    analysis = _analyse(values, better, target, rules, changes, baseline)
    if analysis.change_at is None:
        return analysis
    early = improving_before(
        analysis.values,
        analysis.change_at,
        better=better,
        rules=rules,
        trend=rules.spc_trend if analysis.kind == "xmr" else rules.run_trend,
        baseline=baseline,
        target=target,
    )
    return replace(analysis, improving_before=True) if early else _counted_from_change(analysis)


def _moves_before(signal: Signal, analysis: Analysis) -> int:
    """How many times a trend's figures moved between its points before the change."""
    at = analysis.change_at
    assert at is not None
    before = [v for i in signal.points if i < at and (v := analysis.values[i]) is not None]
    return sum(1 for a, b in itertools.pairwise(before) if a != b)


def _noise_before(signal: Signal, analysis: Analysis) -> bool:
    """Whether a trend's points before the change go no further than the other figures before it.

    Its moves before the change are then the figures' own wobble, not a fall (or rise)
    under way: July to December's 4.5, 4.8, 4.4, 4.7, 4.6, 4.5 hours make a trend with
    January's 3.9 and February's 3.1, but October to December's 4.7, 4.6, 4.5 stay among
    July to September's 4.4 to 4.8. Such a trend, with too few points from the change on,
    is no signal: the words say what the figures since the change show (newuser38 #9), not
    that an improvement began before it. ``False`` when every figure before the change is
    in the trend (110, 102, 100, 99 and then 96): nothing shows how far they wobble; and
    when its points before the change make a whole trend by themselves (121 falling to 114
    over six months), or the figures before the change improve on their own
    (:attr:`Analysis.improving_before`), or it moves as far before the change as from it
    on: that fall was under way.
    """
    at = analysis.change_at
    assert at is not None
    if analysis.improving_before:
        return False
    inside = set(signal.points)
    before = [v for i in signal.points if i < at and (v := analysis.values[i]) is not None]
    others = [v for i in range(at) if i not in inside and (v := analysis.values[i]) is not None]
    trend = analysis.rules.spc_trend if analysis.kind == "xmr" else analysis.rules.run_trend
    if not before or not others or 1 + _moves_before(signal, analysis) >= trend:
        return False
    after = [v for i in signal.points if i >= at and (v := analysis.values[i]) is not None]
    if not after:
        return False
    # Most of its move comes from the change on: 4.7 to 4.5 before, 4.5 to 3.1 since; a fall
    # of 121 to 114 before the change and on to 112 after it was under way before it.
    if abs(before[0] - before[-1]) >= abs(before[-1] - after[-1]):
        return False
    if signal.direction == "down":
        return min(before) >= min(others)
    return max(before) <= max(others)


def _counted_from_change(analysis: Analysis) -> Analysis:
    """Improving trends and shifts across the change, cut to their points from the change on.

    A run or trend is evidence of the change only from the change on: the
    months before it are the baseline the change is measured from. A trend
    of 6 falling from March to September whose change was in May counted
    the baseline's March and April to make its length (newuser36 #1): the
    figures from May alone (7, 6, 5, 5, 4) make 4 falling points, the
    repeat counted once, where a run chart's trend needs 5. A signal whose points
    from the change on still make a whole signal by its rule is kept as
    those points alone, so that its words, its span and the points marked
    on the chart agree; one whose points from the change on are too few is
    no signal, and is kept in :attr:`Analysis.short_since_change` (cut to
    those points) for the words to say what the figures since show. One
    short trend is left whole: one mostly before the change (moving as
    often before it as it has points from it on: 110, 102, 100, 99 and then
    96), worded as begun before the change
    (:meth:`Analysis.began_before_change`). One that moves only once before
    the change is cut like any other, so that two charts in the same place
    read alike (pins4). Not for a chart whose figures before the
    change already improve (:attr:`Analysis.improving_before`): its trends
    are worded as begun before the change, and count nothing either way.
    """
    at = analysis.change_at
    assert at is not None
    trend = analysis.rules.spc_trend if analysis.kind == "xmr" else analysis.rules.run_trend
    shift = analysis.rules.spc_shift if analysis.kind == "xmr" else analysis.rules.run_shift
    kept: list[Signal] = []
    short: list[Signal] = []
    for signal in analysis.signals:
        if (
            signal.improvement is not True
            or signal.rule not in ("shift", "trend")
            or signal.end < at
            or signal.start >= at
        ):
            kept.append(signal)
            continue
        points = tuple(i for i in signal.points if i >= at)
        values = [v for i in points if (v := analysis.values[i]) is not None]
        if signal.rule == "trend":
            length = 1 + sum(1 for a, b in itertools.pairwise(values) if a != b)
        else:
            length = len(values)
        cut = replace(signal, start=points[0], points=points, length=length)
        if length >= (trend if signal.rule == "trend" else shift):
            kept.append(cut)
        elif (
            signal.rule == "trend"
            and analysis._moves_from(signal) < at
            and _moves_before(signal, analysis) >= length
            and not _noise_before(signal, analysis)
        ):
            # Mostly before the change (110, 102, 100, 99 and then 96): worded so, whole, and
            # not counted either way. One that moves only once before it is cut as any other
            # (pins4: agency shifts of 312, 300 and then 296, 270, 244, 231 read "a trend of 6
            # months falling (too early to count)" beside visits in the same place, "4 months
            # falling, where a trend needs 5").
            kept.append(signal)
        else:
            short.append(cut)
    if not short and len(kept) == len(analysis.signals) and kept == list(analysis.signals):
        return analysis
    signals = tuple(kept)
    variation = analysis.variation
    if short:
        shown = tuple(s for s in signals if not s.weak)
        variation = _latest_variation(analysis.values, shown, xmr=analysis.kind == "xmr")
    return replace(analysis, signals=signals, variation=variation, short_since_change=tuple(short))


def improving_before(
    values: Sequence[float | None],
    change_at: int,
    *,
    better: str | None,
    rules: Rules,
    trend: int,
    baseline: float | None = None,
    target: float | None = None,
) -> bool:
    """Whether the figures before the change, read on their own, show an improvement.

    The one test of "the improvement began before the change", which the
    chart's words (a trend "begun before the change", the caption that says
    so), whether a trend across the change shows it, and the money (figures
    "too young to tell" stay at the plan's rate only when this is false) all
    read, so that no page says the improvement began before the change in
    one place and credits the change with it in another.

    It reads the figures before the change and nothing after: a better month
    after the change can stretch a trend back across it (the frailty ward's
    admissions of 103, 99 and 96 before June 2027 run on as 93, 88, 85 after
    it, a trend from March), and that month says nothing of whether the fall
    had begun (fixmoney21). Three falls in a row among figures that vary as
    much (101, 98, 103, 99, 96) are not an improvement. It is one when:

    - a chart of those figures alone shows an improvement signal, by the
      same rules;
    - they make a whole improving trend by themselves, of ``trend`` points
      (the whole chart's trend rule), however few they are; or
    - the last two of them are already better than the level with no change
      by at least half the plan's gain a period on average (bed days of 480
      and 400 a quarter against a baseline of 600 and a plan of 360): the
      level with no change is their mean when there are enough of them for
      a baseline (``rules.min_baseline_points``), else the facts'
      ``baseline`` for one period; the plan's gain is ``baseline`` less
      ``target`` (or the reverse when higher is better), and with no gain
      planned any gain counts. Not tested without a baseline and a target.
    """
    if better not in ("lower", "higher"):
        return False
    before = [(i, v) for i, v in enumerate(values[:change_at]) if v is not None]
    if not before:
        return False
    own = _analyse([v for _, v in before], better, None, rules, (), None)
    if any(s.improvement is True for s in own.signals):
        return True
    if any(_improves(d, better) for _, d, _, _ in _trends(before, trend)):
        return True
    if baseline is None or target is None or len(before) < 2:
        return False
    figures = [v for _, v in before]
    level = statistics.fmean(figures) if len(figures) >= rules.min_baseline_points else baseline
    sign = 1 if better == "higher" else -1
    gains = [sign * (v - level) for v in figures[-2:]]
    planned = sign * (target - baseline)
    return sum(gains) > 0 and (planned <= 0 or sum(gains) >= planned)


def _analyse(
    values: Sequence[float | None],
    better: str | None,
    target: float | None,
    rules: Rules,
    changes: Sequence[int],
    baseline: float | None,
) -> Analysis:
    series = tuple(_checked(values))
    present = [(i, v) for i, v in enumerate(series) if v is not None]
    starts = sorted({c for c in changes if 0 <= c < len(series)})
    change_at = starts[0] if starts else None
    if len(present) < rules.min_run_points:
        return _analysis("none", series, rules, None, (), change_at=change_at)
    if len(present) < rules.min_spc_points:
        median = statistics.median(v for _, v in present)
        found = _shifts(present, median, rules.run_shift) + _trends(present, rules.run_trend)
        signals = _judged(found, better)
        own = _own_baseline(present, change_at, rules)
        if not own:
            signals = _from_facts_baseline(signals, present, change_at, baseline, series, better)
        # A run chart's median mixes the months before the change with those after it.
        signals = _settling(signals, change_at)
        run = _analysis("run", series, rules, median, signals, change_at=change_at)
        if own:
            return run
        return replace(
            run,
            signals=_unsettling(signals, change_at, baseline, series, better),
            baseline_shift=_facts_shift(present, change_at, baseline, rules.run_shift, better),
            facts_baseline=baseline,
            better=better,
        )
    analysis = _xmr(series, present, better, target, rules, starts, baseline)
    if analysis.baseline is not None or change_at is None:
        return analysis
    shift = _facts_shift(present, change_at, baseline, rules.spc_shift, better)
    analysis = replace(analysis, baseline_shift=shift, facts_baseline=baseline, better=better)
    return _held_by_baseline_shift(analysis)


def _held_by_baseline_shift(analysis: Analysis) -> Analysis:
    """A chart whose limits straddle an improvement against the facts' baseline, read by it.

    With no baseline of its own, an XmR chart's mean and limits come from
    every point, so a steady climb (discharges home rising from 77% to 86%
    against a baseline of 78%) puts its early months below the mean and its
    latest beyond the upper limit. The same step then read three ways:
    "a sustained shift from April 2027 (improvement)", "a shift of 7 months
    below the mean (the old level), January to July 2027" counting April to
    July as the old level, and the latest months "weak evidence" beside a
    table that says the improved level (reader26 #5). When those limits hold
    a shift, the shift against the baseline is an improvement and the
    chart's own signals show none, that shift is the chart's one reading: a
    run on the worse side that reaches into it is the step seen from a mean
    set between the two levels, and points
    beyond the limits within it are part of it, so neither is listed or
    marked on its own.
    """
    shift = analysis.baseline_shift
    if (
        analysis.kind != "xmr"
        or shift is None
        or shift.improvement is not True
        or not any(d.rule == "shift" for d in analysis.drifting_now)
        or replace(analysis, baseline_shift=None).improved_after_change()
    ):
        return analysis  # the chart's own signals show the change: they are its reading
    held = set(shift.points)

    def part_of_step(signal: Signal) -> bool:
        if signal.direction != shift.direction:
            return signal.rule in ("shift", "trend") and signal.start < shift.start <= signal.end
        return signal.weak and set(signal.points) <= held

    return replace(
        analysis,
        signals=tuple(s for s in analysis.signals if not part_of_step(s)),
        limits_hold_baseline_shift=True,
    )


def _own_baseline(present: list[tuple[int, float]], change_at: int | None, rules: Rules) -> bool:
    """Whether enough points come before the change to make a baseline of the chart's own."""
    before = sum(1 for i, _ in present if change_at is not None and i < change_at)
    return before >= rules.min_baseline_points


def _facts_shift(
    present: list[tuple[int, float]],
    change_at: int | None,
    baseline: float | None,
    needed: int,
    better: str | None,
) -> Signal | None:
    """A sustained shift from the change on against the facts' baseline, if there is one.

    None against a baseline of zero for a measure where more is better: a
    count of something that did not exist before the change (appointments
    released by a new hub) cannot fall below zero, so a run above it proves
    nothing (reader24 #11: "above the baseline for 8 months running").
    """
    if baseline is None or change_at is None:
        return None
    if baseline == 0 and better == "higher":
        return None
    return _sustained_shift(
        [(i, v) for i, v in present if i >= change_at], baseline, needed, better
    )


def _from_facts_baseline(
    signals: tuple[Signal, ...],
    present: list[tuple[int, float]],
    change_at: int | None,
    baseline: float | None,
    series: tuple[float | None, ...],
    better: str | None,
) -> tuple[Signal, ...]:
    """Concerns at the change that are the step to the new level, on a chart with no baseline.

    A chart with too few points before the change has its centre (and its
    limits) from the points since the change, so the first of them, already
    better than the facts' baseline but not yet at the new level, can sit
    beyond them the worse way: 15 admissions against a baseline of 20 read
    "1 point above the upper limit (concern)". It is the same step to the
    new level as at recalculated limits (:func:`_stepping`), judged against
    the facts' baseline, the level before the change.
    """
    if baseline is None or change_at is None:
        return signals
    first = next((i for i, _ in present if i >= change_at), None)
    if first is None:
        return signals
    return _stepping(signals, first, baseline, series, better)


def _settling(signals: tuple[Signal, ...], since: int | None) -> tuple[Signal, ...]:
    """Signals on the worse side before the improvement took hold, marked as such.

    Limits or a median worked out over a process that has since improved put
    the months before the improvement (and the first steps of a trend that
    made it) on their worse side: they are the level the change started
    from, not a concern. The improvement takes hold where the first signal
    of improvement from ``since`` on starts, or where an improving trend
    that starts by then ends.
    """
    if since is None:
        return signals  # no change known: nothing to have improved from
    better = [s for s in signals if s.improvement is True and s.end >= since]
    if not better:
        return signals
    first = min(s.start for s in better)
    ramps = [s.end + 1 for s in better if s.rule == "trend" and s.start <= first]
    held = max([first, *ramps])
    return tuple(
        replace(s, improvement=None, before_improvement=True)
        if s.improvement is False and s.end < held
        else s
        for s in signals
    )


def _unsettling(
    signals: tuple[Signal, ...],
    since: int | None,
    baseline: float | None,
    series: tuple[float | None, ...],
    better: str | None,
) -> tuple[Signal, ...]:
    """Signals on the better side before the figures got worse, marked as such.

    The mirror of :func:`_settling`. A mean or median worked out over a
    process that has since got worse puts its early months on the better
    side: agency shifts that rose from 60 a month (the baseline) to 85 put
    60 to 72 "below the mean". Those months are better only than the worse
    ones after them; a signal is an improvement only if its points are also
    better than the facts' baseline. The worsening takes hold where the
    first concern from ``since`` on starts, or where a worsening trend that
    starts by then ends. The variation icon is judged before this, by
    NHSRplotthedots' rules.
    """
    if since is None or baseline is None or better not in ("lower", "higher"):
        return signals
    worse = [s for s in signals if s.improvement is False and s.end >= since]
    if not worse:
        return signals
    first = min(s.start for s in worse)
    ramps = [s.end + 1 for s in worse if s.rule == "trend" and s.start <= first]
    held = max([first, *ramps])

    def no_better(signal: Signal) -> bool:
        values = [v for i in signal.points if (v := series[i]) is not None]
        if better == "lower":
            return any(v >= baseline for v in values)
        return any(v <= baseline for v in values)

    return tuple(
        replace(s, improvement=None, before_worsening=True)
        if s.improvement is True and s.end < held and no_better(s)
        else s
        for s in signals
    )


def _analysis(
    kind: Kind,
    series: tuple[float | None, ...],
    rules: Rules,
    centre: float | None,
    signals: tuple[Signal, ...],
    *,
    change_at: int | None,
) -> Analysis:
    return Analysis(
        kind=kind,
        values=series,
        centre=centre,
        upper=None,
        lower=None,
        upper_2s=None,
        lower_2s=None,
        signals=signals,
        variation="none" if kind == "none" else _latest_variation(series, signals),
        assurance=None,
        rules=rules,
        change_at=change_at,
    )


def _checked(values: Sequence[float | None]) -> Iterator[float | None]:
    for position, value in enumerate(values):
        if value is not None and not math.isfinite(value):
            raise InputError(
                Message(
                    "chart value {position} is {value}: give a number, or leave the period empty",
                    position=position + 1,
                    value=repr(value),
                )
            )
        yield None if value is None else float(value)


# ----------------------------------------------------------------------------
# Limits


def limits(numbers: Sequence[float], rules: Rules) -> tuple[float, float, int]:
    """The mean and the mean moving range of ``numbers``, and how many points made them.

    Only the first ``rules.fix_after`` numbers count (all when it is 0).
    With ``rules.screen_outliers``, moving ranges of more than 3.267 times
    the mean moving range are left out and the mean moving range worked out
    again, as NHSRplotthedots does.
    """
    used = list(numbers[: rules.fix_after] if rules.fix_after else numbers)
    mean = statistics.fmean(used)
    ranges = [abs(b - a) for a, b in itertools.pairwise(used)]
    if not ranges:
        return mean, 0.0, len(used)
    average = statistics.fmean(ranges)
    if rules.screen_outliers:
        kept = [r for r in ranges if r < SCREEN_FACTOR * average]
        average = statistics.fmean(kept) if kept else 0.0
    return mean, average, len(used)


def _segment(
    present: list[tuple[int, float]], start: int, end: int, rules: Rules, *, basis_end: int
) -> Segment:
    """A segment from ``start`` to ``end``, its limits from its points before ``basis_end``."""
    numbers = [v for i, v in present if start <= i < basis_end]
    mean, moving, used = limits(numbers, rules)
    spread = LIMIT_FACTOR * moving
    return Segment(
        start=start,
        end=end,
        centre=mean,
        upper=mean + spread,
        lower=mean - spread,
        upper_2s=mean + TWO_SIGMA_SHARE * spread,
        lower_2s=mean - TWO_SIGMA_SHARE * spread,
        basis=used,
        trial=used < rules.min_spc_points,
    )


def _xmr(
    series: tuple[float | None, ...],
    present: list[tuple[int, float]],
    better: str | None,
    target: float | None,
    rules: Rules,
    starts: list[int],
    baseline: float | None = None,
) -> Analysis:
    last = len(series) - 1
    first_change = starts[0] if starts else None
    before = sum(1 for i, _ in present if first_change is not None and i < first_change)
    stages = [c for c in starts if c > 0]
    origin = 0
    if before < rules.min_baseline_points:
        # Too few points before the change to make a baseline: the limits come from the
        # points from the change on, so that they never mix both sides of it; the few
        # before it are drawn, and judged against nothing.
        stages = []
        origin = first_change if first_change is not None and before else 0
    bounds = [*stages, len(series)]
    segments: list[Segment] = []
    changes: list[Change] = []
    reference = _segment(present, origin, bounds[0] - 1, rules, basis_end=bounds[0])
    for at, stop in itertools.pairwise(bounds):
        stage = [(i, v) for i, v in present if at <= i < stop]
        shift = _sustained_shift(stage, reference.centre, rules.spc_shift, better)
        run = _latest_run(stage, reference.centre, better)
        moving = shift is not None and _still_moving(stage, shift.direction, rules.spc_trend)
        ramp = None if shift is None or moving else _ramp_end(stage, shift, rules)
        settled = at if ramp is None else ramp + 1
        if shift is not None and not moving:
            # A fall (or rise) that wavers on its way is no strict trend, yet limits made
            # from its start would take its early points for a concern (newuser21 #4).
            begins = _new_level_begins(stage, settled, shift.direction, reference.centre, rules)
            if begins != settled:
                ramp = max(i for i, _ in stage if i < begins)
                settled = begins
        after = sum(1 for i, _ in stage if i >= settled)
        if ramp is not None and after < rules.min_baseline_points:
            moving = True  # too few points after the rise to make limits from
        changes.append(
            Change(at, reference.centre, shift, run, moving, None if moving else settled, ramp)
        )
        if shift is not None and not moving:
            segments.append(replace(reference, end=settled - 1))
            reference = _segment(present, settled, stop - 1, rules, basis_end=stop)
        else:
            reference = replace(reference, end=stop - 1)
    segments.append(reference)
    signals: list[Signal] = []
    previous: Segment | None = None
    drifting: tuple[Signal, ...] = ()
    folding: tuple[Signal, ...] = ()
    latest_drifts: tuple[Signal, ...] = ()
    for segment in segments:
        points = [(i, v) for i, v in present if segment.start <= i <= segment.end]
        found = _judged(_xmr_signals(points, segment, rules), better)
        latest_drifts, found, folded = _drifting(found, points, segment)
        drifting += latest_drifts
        folding += folded
        if previous is not None:
            found = _stepping(found, segment.start, previous.centre, series, better, segment.centre)
            found = _recovering(found, segment.centre, previous.centre, series, better)
        signals += found
        previous = segment
    signals = _from_each_change(signals, changes, segments, rules)
    latest = segments[-1]
    # Limits kept from before a shift still under way say nothing of where the process is
    # going: whether it will meet the target waits until it settles and they are remade.
    unsettled = bool(changes) and changes[-1].shift is not None and changes[-1].moving
    # Limits made from a trend that runs to the latest point describe a process still moving.
    moving_now = any(d.rule == "trend" and d.end == present[-1][0] for d in latest_drifts)
    unsettled = unsettled or moving_now
    judged = None if unsettled else assurance(target, latest.upper, latest.lower, better)
    ordered = tuple(sorted(signals, key=lambda s: (s.start, s.end, s.rule)))
    if not stages:
        # No baseline of its own: the limits describe the process since the change.
        ordered = _from_facts_baseline(ordered, present, first_change, baseline, series, better)
        ordered = _settling(ordered, first_change)
    holds_shift = any(d.rule == "shift" for d in latest_drifts)
    if holds_shift:
        ordered = _weakened(ordered, segments, series)
    # A weak point is no evidence of its own: the latest point is judged without it, so that
    # the icon rests on what the words claim (a shift against the facts' baseline, say).
    variation = _latest_variation(series, tuple(s for s in ordered if not s.weak), xmr=True)
    if not stages:
        ordered = _unsettling(ordered, first_change, baseline, series, better)
    pending = _assurance_pending(changes, latest, present[-1][1], target, better)
    if (moving_now or holds_shift) and assurance(
        target, latest.upper, latest.lower, better
    ) is not None:
        # Limits made from a moving process, or from figures at two levels either side of a
        # shift, say nothing of the target: one rule for both (reader25 #6).
        pending = True
    return Analysis(
        kind="xmr",
        values=series,
        centre=latest.centre,
        upper=latest.upper,
        lower=latest.lower,
        upper_2s=latest.upper_2s,
        lower_2s=latest.lower_2s,
        signals=ordered,
        variation=variation,
        assurance=None if pending else judged,
        rules=rules,
        segments=tuple(s for s in segments if s.end >= s.start),
        changes=tuple(changes),
        change_at=first_change if first_change is not None and first_change <= last else None,
        baseline_points=before if stages else 0,
        assurance_pending=pending,
        drifting=drifting,
        folding=folding,
    )


def _weakened(
    signals: tuple[Signal, ...], segments: list[Segment], series: tuple[float | None, ...]
) -> tuple[Signal, ...]:
    """Points beyond the latest limits the better way, when those limits hold a shift: weak.

    Limits made from figures at two levels (a steadily rising series with a
    shift below its mean) sit between them, so a point beyond them is weak
    evidence of an improvement of its own: it is not one, so it is neither
    marked, given the improvement icon nor called "improving" (reader24 #12,
    reader25 #5). A point beyond them the worse way stays a concern. Two or
    more points, each better than the first stretch's mean, are a recovery
    past the level the reader knows (test_claims_follow_the_data): that is
    news, where one point alone is not.
    """
    start = segments[-1].start

    def past_before(signal: Signal) -> bool:
        if len(segments) < 2 or len(signal.points) < 2:
            return False
        before = segments[0].centre
        values = [series[i] for i in signal.points]
        if signal.direction == "down":
            return all(v is not None and v < before for v in values)
        return all(v is not None and v > before for v in values)

    return tuple(
        replace(s, improvement=None, weak=True)
        if s.rule in ("outside_limits", "two_of_three")
        and s.improvement is True
        and s.start >= start
        and not past_before(s)
        else s
        for s in signals
    )


def _from_each_change(
    signals: list[Signal], changes: list[Change], segments: list[Segment], rules: Rules
) -> list[Signal]:
    """Shifts and trends the way of a sustained shift from a change, counted from that change.

    Limits kept across a change (a shift still under way, or the stretch
    before the new level starts) judge the points on both sides of it alike,
    so a run below the mean can start months before the change: the frailty
    ward's "12 months below the mean, ending March 2028" from a change in
    June 2027 counted April and May (reader24 #1). What the chart says of
    the change counts only its points from the change's first month on, and
    a shift or trend that is then shorter than its rule needs is no signal.
    Signals the other way, or with no shift from the change, are kept
    whole: a trend under way before a change is worded as such
    (:meth:`Analysis.began_before_change`).
    """
    kept: list[Signal] = []
    for signal in signals:
        change = next(
            (
                c
                for c in changes
                if c.shift is not None
                and c.shift.direction == signal.direction
                and signal.start < c.at <= signal.end
                and any(g.start < c.at <= g.end for g in segments)
            ),
            None,
        )
        if change is None or signal.rule not in ("shift", "trend"):
            kept.append(signal)
            continue
        points = tuple(i for i in signal.points if i >= change.at)
        needed = rules.spc_shift if signal.rule == "shift" else rules.spc_trend
        if len(points) >= needed:
            kept.append(replace(signal, start=points[0], points=points, length=len(points)))
    return kept


def _drifting(
    found: tuple[Signal, ...], points: list[tuple[int, float]], segment: Segment
) -> tuple[tuple[Signal, ...], tuple[Signal, ...], tuple[Signal, ...]]:
    """The trends and shifts among the points a stretch's limits come from, and its signals.

    Limits worked out from figures that are themselves one long fall (or
    rise, or a step) describe that movement, not a steady process: the
    mean sits in its middle, so its first and last points lie near or
    beyond the limits however smooth the fall. newuser34's A&E attendances
    fell every month from 402 to 326 and the limits came from those 8
    months; November's 326, just below the lower limit of 327.2, was listed
    as a second improvement beside the trend, and April's 402 as a point
    above the upper limit. Making Data Count makes limits from a stable
    period, so here the trend (or shift) is the signal: a point beyond the
    limits, or two of three near them, that lies within it is part of it and
    is not listed on its own. Returns the trends whose points all made the
    limits, and the shifts that had such a point folded into them (to be
    said); the signals without those folded; and the trends and shifts that
    had a point folded into them (the words name what the points are part of).
    """
    made = [i for i, _ in points][: segment.basis]
    if not made:
        return (), found, ()
    first, last = made[0], made[-1]
    drifts = tuple(
        s for s in found if s.rule in ("trend", "shift") and s.start >= first and s.end <= last
    )
    if not drifts:
        return (), found, ()

    def within(signal: Signal, drift: Signal) -> bool:
        return signal.rule in ("outside_limits", "two_of_three") and (
            drift.start <= signal.start and signal.end <= drift.end
        )

    kept = tuple(s for s in found if not any(within(s, d) for d in drifts))
    # A trend among the points is always said (limits fitted to a slope describe no level);
    # a shift only when a point beyond the limits was folded into it: the shift is listed
    # as a signal already, and saying it twice adds nothing (fixnew21a's falls with harm).
    said = tuple(d for d in drifts if d.rule == "trend" or any(within(s, d) for s in found))
    return said, kept, tuple(d for d in drifts if any(within(s, d) for s in found))


def _assurance_pending(
    changes: list[Change], latest: Segment, value: float, target: float | None, better: str | None
) -> bool:
    """Whether the limits in force cannot give an assurance icon (the words say why).

    They cannot while a shift is still moving (its limits wait to be
    recalculated), nor call the target met or missed every time when the
    latest point, ``value``, lies beyond them the better way: the process
    has moved, so they no longer describe it (Making Data Count gives
    assurance for a process in common cause variation). A target between
    the limits stays hit and miss: a good month past them does not change
    that.
    """
    judged = assurance(target, latest.upper, latest.lower, better)
    if judged is None:
        return False
    if changes and changes[-1].moving:
        return True
    return judged != "hit_and_miss" and _beyond_improving(value, latest, better)


def _beyond_improving(value: float, latest: Segment, better: str | None) -> bool:
    """Whether ``value`` lies beyond ``latest``'s limits on the better side."""
    if better == "lower":
        return value < latest.lower
    if better == "higher":
        return value > latest.upper
    return False


def _meets(value: float, target: float | None, better: str | None) -> bool:
    """Whether ``value`` meets ``target`` the better way."""
    if target is None or better is None:
        return False
    return value <= target if better == "lower" else value >= target


def _sustained_shift(
    stage: list[tuple[int, float]], centre: float, needed: int, better: str | None
) -> Signal | None:
    """The longest run of ``needed`` or more points of ``stage`` on one side of ``centre``."""
    sides = [(i, _side(v, centre)) for i, v in stage]
    best: list[int] = []
    best_side = 0
    run: list[int] = []
    run_side = 0
    for index, side in sides:
        if side == 0 or side != run_side:
            run, run_side = [], side
        if side != 0:
            run.append(index)
        if len(run) >= needed and len(run) > len(best):
            best, best_side = list(run), run_side
    if not best:
        return None
    direction = _direction(best_side)
    return Signal(
        "shift", best[0], best[-1], direction, _improves(direction, better), tuple(best), len(best)
    )


def _stepping(
    signals: tuple[Signal, ...],
    start: int,
    before: float,
    series: tuple[float | None, ...],
    better: str | None,
    centre: float | None = None,
) -> tuple[Signal, ...]:
    """Signals at the start of recalculated limits that are the step to the new level.

    Limits recalculated from the change after a sustained shift put its
    first point, when the figures took more than a month to reach their new
    level, beyond them on the side the figures came from: agency spend that
    fell from £12,600 to £11,000 and then to about £9,500 a month reads "1
    point above the upper limit" in the month it first fell, and spend that
    rose from £8,050 to £8,400 and then to about £9,500 reads "1 point below
    the lower limit" in the month it first rose. A signal that starts at the
    first point of the new limits, every point of it on the far side of the
    mean before them from where the signal points (below that mean for a
    signal above the new limits, above it for one below), is that step,
    neither a concern nor an improvement, whichever way the shift went; a
    later one (a slip back from the new level) is judged as usual. A trend
    is never a step: one that starts there moves away from the new level.

    With ``centre``, the new limits' mean: a ramp to the new level is the way
    there too. A concern that ends before any figure has reached the new mean
    (every figure from the start of the new limits to its end still between
    the mean before and the new one) is a point on that way, not a slip back
    (newuser25 #6: admissions of 404, 387, 393, 389 and 391 a month, falling
    from 427 to about 365, read "two of three points close to the upper limit
    (concern)" beside "on the way to the new level").
    """
    if better not in ("lower", "higher"):
        return signals

    def stepped(signal: Signal) -> bool:
        values = [series[i] for i in signal.points]
        if signal.direction == "up":
            return all(v is not None and v < before for v in values)
        return all(v is not None and v > before for v in values)

    first = [
        replace(s, improvement=None, stepping=True)
        if s.improvement is not None and s.rule != "trend" and s.start == start and stepped(s)
        else s
        for s in signals
    ]
    # A run on the far side of the new mean that starts with the new limits is the way
    # down (or up) to the new level: a signal inside it, every point of it still on the
    # far side of the mean before them, is a step on that way too (a drain count of 10
    # after 9, on its way from 15 to 4), not a slip back from the new level.
    runs = [(s.start, s.end) for s in first if s.stepping and s.rule == "shift"]
    arrived = _arrival(start, before, centre, series)
    if arrived is not None:
        runs.append((start, arrived - 1))
    return tuple(
        replace(s, improvement=None, stepping=True)
        if s.improvement is not None
        and s.rule != "trend"
        and any(low <= s.start and s.end <= high for low, high in runs)
        and stepped(s)
        else s
        for s in first
    )


def _arrival(
    start: int, before: float, centre: float | None, series: tuple[float | None, ...]
) -> int | None:
    """The first figure from ``start`` on at or past the new mean ``centre`` from ``before``.

    The figures before it, each still between the mean before and the new
    one, are the way to the new level. ``None`` without a new mean, or when
    the figures never reach it.
    """
    if centre is None or centre == before:
        return None
    falling = centre < before
    for index in range(start, len(series)):
        value = series[index]
        if value is None:
            continue
        if (value <= centre) if falling else (value >= centre):
            return index
        if (value >= before) if falling else (value <= before):
            return None  # back at the old level: not on the way to the new one
    return None


def _recovering(
    signals: tuple[Signal, ...],
    centre: float,
    before: float,
    series: tuple[float | None, ...],
    better: str | None,
) -> tuple[Signal, ...]:
    """Signals the better way against limits remade at a worse level, still worse than before.

    Readmissions of about 23 a month that rose to about 33 have their limits
    recalculated there; a fall back to 26 then lies below the new lower
    limit, an improvement on those limits, though every month of it is still
    worse than the 23 the reader knows. Such a signal, every point of it on
    the worse side of ``before`` (the mean before the recalculated limits,
    whose own mean is ``centre``), is marked ``recovering``, neither an
    improvement nor a concern. One that passes the level before is an
    improvement, as usual.
    """
    if better not in ("lower", "higher") or not _worse(centre, before, better):
        return signals

    def still_worse(signal: Signal) -> bool:
        values = [series[i] for i in signal.points]
        return all(v is not None and _worse(v, before, better) for v in values)

    return tuple(
        replace(s, improvement=None, recovering=True)
        if s.improvement is True and still_worse(s)
        else s
        for s in signals
    )


def _worse(value: float, than: float, better: str) -> bool:
    """Whether ``value`` is worse than ``than`` for a measure where ``better`` is better."""
    return value > than if better == "lower" else value < than


def _still_moving(stage: list[tuple[int, float]], direction: Direction, needed: int) -> bool:
    """Whether ``stage`` ends in a trend of ``needed`` steps the way its shift went.

    Limits recalculated over a ramp would take its early points, already far
    better than the baseline, for a concern below the new mean: Making Data
    Count recalculates once the process has settled at its new level. A
    figure repeated once on the way still moves (a wait of 11, 12, 12, 13,
    13 ... 18 weeks is still rising: repeats count once, as in the run
    chart's trend); one held for three periods or more at the end has
    settled there.
    """
    if not stage:
        return False
    last = stage[-1][0]
    for trend_direction, points in _climbs(stage, needed):
        if trend_direction != direction or points[-1] != last:
            continue
        held = sum(1 for _, v in stage[-3:] if v == stage[-1][1])
        return held < 3
    return False


def _new_level_begins(
    stage: list[tuple[int, float]], start: int, direction: Direction, before: float, rules: Rules
) -> int:
    """Where the new level begins: the first point the recalculated limits start from.

    Limits made from ``start`` on may leave its first points beyond them on
    the side the shift came from, before any point has reached the new mean.
    Such points, each already past ``before`` (the mean before the change)
    the shift's way, are on the way to the new level, not a concern: the
    limits start after the last of them, and are made again from there until
    no such point is left. The first time, it takes two such points to move
    the start (a single month beyond the new limits is already worded as on
    the way to the new level); after that, one is enough.

    A point beyond the limits once the figures have reached the new mean is
    not passed over: it is a slip back, a concern. When fewer than
    ``rules.min_baseline_points`` points are left after them, the point after
    them is returned all the same, and the caller waits for enough to make
    limits from.
    """
    old_side = 1 if direction == "down" else -1
    needed = 2
    while True:
        numbers = [v for i, v in stage if i >= start]
        if not numbers:
            # No figure from ``start`` on yet (a log cut just after the shift began, as
            # "Since the last update" reads it): nothing to make limits from; the caller
            # waits for enough points, as for a start with too few.
            return start
        mean, moving, _ = limits(numbers, rules)
        limit = mean + old_side * LIMIT_FACTOR * moving
        on_the_way: list[int] = []
        for index, value in stage:
            if index < start:
                continue
            if _side(value, mean) != old_side:
                break  # at or past the new mean: the new level has been reached
            if _side(value, before) != -old_side:
                break  # not yet better than the mean before: not on the way to anything
            if _side(value, limit) == old_side:
                on_the_way.append(index)
        if len(on_the_way) < needed:
            return start
        needed = 1  # the limits made again from later on judge every point they leave
        later = [i for i, _ in stage if i > on_the_way[-1]]
        if len(later) < rules.min_baseline_points:
            return later[0] if later else on_the_way[-1] + 1
        start = later[0]


def _ramp_end(stage: list[tuple[int, float]], shift: Signal, rules: Rules) -> int | None:
    """Where a trend the shift's way that begins the shift arrives, if there is one.

    A change that takes hold over months raises (or lowers) the figures
    step by step before they settle. Limits made from the change on would
    take those early steps, already better than the baseline, for a concern
    beyond the new mean, so the new limits start once the trend is over.
    Repeats count once (a drain count of 13, 12, 12, 11, 10, 10, 9 falls in
    five steps), and the trend arrives at the first point of its last value.
    """
    early = shift.points[min(2, len(shift.points) - 1)]
    value = dict(stage)
    for direction, points in _climbs(stage, rules.run_trend):
        if direction != shift.direction or points[0] > early:
            continue
        arrived = points[-1]
        for index in reversed(points):
            if value[index] != value[points[-1]]:
                break
            arrived = index
        return arrived
    return None


def _climbs(stage: list[tuple[int, float]], needed: int) -> list[tuple[Direction, tuple[int, ...]]]:
    """Trends of ``needed`` or more distinct steps in ``stage``, repeats counted once."""
    return [(direction, points) for _, direction, points, _ in _trends(stage, needed)]


def _latest_run(stage: list[tuple[int, float]], centre: float, better: str | None) -> int:
    """How many of the latest points of ``stage`` sit together on the better side of ``centre``."""
    wanted = {"lower": -1, "higher": 1}.get(better or "", 0)
    count, side = 0, 0
    for _, value in reversed(stage):
        here = _side(value, centre)
        if here == 0 or (wanted and here != wanted) or (side and here != side):
            break
        side = here
        count += 1
    return count


# ----------------------------------------------------------------------------
# The Making Data Count rules, point by point, as NHSRplotthedots applies them.


def run_ends(sides: Sequence[int], needed: int = 7) -> list[int]:
    """1 where a point ends ``needed`` points in a row on one side (``sides`` is -1, 0 or 1).

    A point on the mean (0) breaks a run. Gives the same flags as
    NHSRplotthedots' ``ptd_seven_point_one_side_mean``.
    """
    flags = []
    for i, side in enumerate(sides):
        window = sides[max(0, i - needed + 1) : i + 1]
        flags.append(int(len(window) == needed and side != 0 and all(s == side for s in window)))
    return flags


def part_of_run(ends: Sequence[int], needed: int = 7) -> list[int]:
    """1 for every point of a run flagged at its end by ``ends`` (1 or -1).

    Gives the same flags as NHSRplotthedots' ``ptd_part_of_seven_trend``.
    """
    return [int(any(abs(e) == 1 for e in ends[i : i + needed])) for i in range(len(ends))]


def trend_ends(values: Sequence[float], needed: int = 7) -> list[int]:
    """1 (rising) or -1 (falling) where a point ends ``needed`` points each above (below) the last.

    Equal neighbours break a trend. Same flags as ``ptd_seven_point_trend``.
    """
    flags = [0] * len(values)
    for i in range(needed - 1, len(values)):
        steps = [_sign(values[k] - values[k - 1]) for k in range(i - needed + 2, i + 1)]
        if all(s == 1 for s in steps):
            flags[i] = 1
        elif all(s == -1 for s in steps):
            flags[i] = -1
    return flags


def two_in_three(close: Sequence[int], sides: Sequence[int]) -> list[int]:
    """1 for each point in a window of three holding two or more points ``close`` to a limit.

    The window counts only when all three points are on the same side of
    the mean. Same flags as ``ptd_two_in_three``.
    """
    if not close:
        return []
    padded = [0, 0, *close, 0, 0]
    side_pad = [0, 0, *list(sides)[: len(close)], 0, 0]
    side_pad += [0] * (len(padded) - len(side_pad))
    flags = []
    for i in range(len(close)):
        hit = any(
            sum(padded[i + k : i + k + 3]) >= 2 and abs(sum(side_pad[i + k : i + k + 3])) == 3
            for k in range(3)
        )
        flags.append(int(hit))
    return flags


def part_of_two_in_three(flags: Sequence[int], close: Sequence[int]) -> list[int]:
    """The points of a two-in-three window that are themselves close to a limit."""
    return [int(f == 1 and abs(c) == 1) for f, c in zip(flags, close, strict=True)]


PointType = Literal[
    "above_ucl",
    "below_lcl",
    "trend_up",
    "trend_down",
    "two_of_three_above",
    "two_of_three_below",
    "shift_above",
    "shift_below",
    "common",
]


def classify(
    values: Sequence[float],
    sides: Sequence[int],
    outside: Sequence[int],
    *,
    in_trend: Sequence[int],
    in_two: Sequence[int],
    in_shift: Sequence[int],
) -> list[PointType]:
    """Each point's type from the rules' flags, the weightiest first."""
    steps = [_sign(b - a) for a, b in itertools.pairwise(values)]
    types: list[PointType] = []
    for i in range(len(values)):
        if outside[i]:
            types.append("above_ucl" if sides[i] == 1 else "below_lcl")
        elif in_trend[i]:
            # A point that is part of a trend on both sides reads its step to the right.
            right = i + 1 < len(values) and bool(in_trend[i + 1])
            step = steps[i] if right else (steps[i - 1] if i > 0 else 0)
            types.append("trend_up" if step == 1 else "trend_down")
        elif in_two[i]:
            types.append("two_of_three_above" if sides[i] > 0 else "two_of_three_below")
        elif in_shift[i]:
            types.append("shift_above" if sides[i] > 0 else "shift_below")
        else:
            types.append("common")
    return types


def _sign(number: float) -> int:
    return 0 if number == 0 else (1 if number > 0 else -1)


def _xmr_signals(points: list[tuple[int, float]], segment: Segment, rules: Rules) -> list[_Found]:
    """Every signal in one segment, rule by rule, grouped into patterns."""
    values = [v for _, v in points]
    indices = [i for i, _ in points]
    sides = [_sign(v - segment.centre) if not _on(v, segment.centre) else 0 for v in values]
    outside = [int(v > segment.upper or v < segment.lower) for v in values]
    close = [
        int(not out and (v > segment.upper_2s or v < segment.lower_2s))
        for v, out in zip(values, outside, strict=True)
    ]
    found: list[_Found] = []
    shift_points = part_of_run(run_ends(sides, rules.spc_shift), rules.spc_shift)
    found += _runs(
        "shift", indices, [s if f else 0 for s, f in zip(sides, shift_points, strict=True)]
    )
    found += [f for f in _trends_strict(points, rules.spc_trend)]
    found += _grouped(
        "outside_limits",
        [(i, s if o else 0) for i, s, o in zip(indices, sides, outside, strict=True)],
        1,
    )
    two = part_of_two_in_three(two_in_three(close, sides), close)
    found += _grouped(
        "two_of_three", [(i, s if t else 0) for i, s, t in zip(indices, sides, two, strict=True)], 2
    )
    return found


def _on(value: float, centre: float) -> bool:
    return math.isclose(value, centre, rel_tol=1e-9, abs_tol=1e-12)


def _runs(rule: Rule, indices: list[int], marks: list[int]) -> list[_Found]:
    """Consecutive points with the same non-zero mark, as one pattern each."""
    found: list[_Found] = []
    for side, group in itertools.groupby(zip(indices, marks, strict=True), key=lambda p: p[1]):
        if side == 0:
            continue
        points = tuple(i for i, _ in group)
        found.append((rule, _direction(side), points, len(points)))
    return found


def _trends_strict(points: list[tuple[int, float]], needed: int) -> list[_Found]:
    """Runs of ``needed`` or more points each above (below) the last; equal values break them."""
    steps = [_sign(b - a) for (_, a), (_, b) in itertools.pairwise(points)]
    found: list[_Found] = []
    position = 0
    for step, group in itertools.groupby(steps):
        count = len(list(group))
        if step != 0 and count + 1 >= needed:
            span = points[position : position + count + 1]
            found.append(("trend", _direction(step), tuple(i for i, _ in span), len(span)))
        position += count
    return found


# A signal before judging: rule, direction, the positions of its points, and its count.
_Found = tuple[Rule, Direction, tuple[int, ...], int]


def _side(value: float, centre: float) -> int:
    if math.isclose(value, centre, rel_tol=1e-9, abs_tol=1e-12):
        return 0
    return 1 if value > centre else -1


def _direction(sign: int) -> Direction:
    return "up" if sign > 0 else "down"


def _shifts(present: list[tuple[int, float]], centre: float, needed: int) -> list[_Found]:
    """Runs of ``needed`` or more points on one side; points on the centre are skipped."""
    found: list[_Found] = []
    run: list[int] = []
    run_side = 0
    for index, value in present:
        side = _side(value, centre)
        if side == 0:
            continue
        if side != run_side:
            if len(run) >= needed:
                found.append(("shift", _direction(run_side), tuple(run), len(run)))
            run, run_side = [], side
        run.append(index)
    if len(run) >= needed:
        found.append(("shift", _direction(run_side), tuple(run), len(run)))
    return found


def _trends(present: list[tuple[int, float]], needed: int) -> list[_Found]:
    """Runs of ``needed`` or more rising (or falling) values; repeats count once."""
    groups: list[tuple[float, list[int]]] = []
    for index, value in present:
        if groups and groups[-1][0] == value:
            groups[-1][1].append(index)
        else:
            groups.append((value, [index]))
    found: list[_Found] = []
    start = 0
    for stop in range(1, len(groups) + 1):
        ends = stop == len(groups) or (
            stop >= start + 2 and _rising(groups, stop) != _rising(groups, stop - 1)
        )
        if not ends:
            continue
        if stop - start >= needed:
            points = tuple(i for _, indices in groups[start:stop] for i in indices)
            direction = _direction(1 if _rising(groups, start + 1) else -1)
            found.append(("trend", direction, points, stop - start))
        start = stop - 1
    return found


def _rising(groups: list[tuple[float, list[int]]], position: int) -> bool:
    return groups[position][0] > groups[position - 1][0]


def _grouped(rule: Rule, sides: list[tuple[int, int]], gap: int) -> list[_Found]:
    """Join flagged points of one side lying within ``gap`` present points of each other."""
    found: list[_Found] = []
    group: list[int] = []
    group_side, last = 0, -gap - 1
    for position, (index, side) in enumerate(sides):
        if side == 0:
            continue
        if side != group_side or position - last > gap:
            if group:
                found.append((rule, _direction(group_side), tuple(group), len(group)))
            group, group_side = [], side
        group.append(index)
        last = position
    if group:
        found.append((rule, _direction(group_side), tuple(group), len(group)))
    return found


def _judged(found: list[_Found], better: str | None) -> tuple[Signal, ...]:
    signals = [
        Signal(rule, points[0], points[-1], direction, _improves(direction, better), points, n)
        for rule, direction, points, n in found
    ]
    return tuple(sorted(signals, key=lambda s: (s.start, s.end, s.rule)))


def _improves(direction: Direction, better: str | None) -> bool | None:
    if better is None:
        return None
    return (direction == "up") == (better == "higher")


def _latest_variation(
    series: tuple[float | None, ...], signals: tuple[Signal, ...], *, xmr: bool = False
) -> Variation:
    """Judge by the latest point: the weightiest signal it belongs to, else common cause.

    For XmR the weight is NHSRplotthedots' (beyond a limit, trend, two of
    three, shift); a point that belongs to no signal is common cause, however
    recent an older signal is.
    """
    latest = max((i for i, v in enumerate(series) if v is not None), default=None)
    holding = [s for s in signals if latest is not None and latest in s.points]
    if not holding:
        return "common"
    weight = (
        {"outside_limits": 0, "trend": 1, "two_of_three": 2, "shift": 3} if xmr else RULE_WEIGHT
    )
    chosen = min(holding, key=lambda s: weight[s.rule])
    if chosen.improvement is True:
        return "improvement"
    if chosen.improvement is False:
        return "concern"
    return "special"


def assurance(
    target: float | None, upper: float, lower: float, better: str | None
) -> Assurance | None:
    """Whether the process will meet ``target``: always, never, or hit and miss.

    A target beyond the limits is met every time (or never); one between
    them is hit and miss. Without a target or a better direction, ``None``.
    """
    if target is None or better is None:
        return None
    if lower <= target <= upper:
        return "hit_and_miss"
    # The whole process sits below a target above the upper limit, and vice versa.
    process_below = target > upper
    return "pass" if process_below == (better == "lower") else "fail"
