"""Run chart and XmR (SPC) analysis: which signals a series of figures shows.

:func:`analyse` reads a series of observations, oldest first, and finds the
signals the NHS looks for: the IHI run chart rules while there are few
points, and NHS England's "Making Data Count" XmR rules once there are
enough. Pure computation: no drawing (that is :mod:`pitchkit.notes.update.charts`) and no
wording (callers word a signal in the reader's language from the fields of
:class:`Signal`).

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
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Rules:
    """How many points each rule needs; printed in documents so readers know.

    ``min_run_points`` defaults to 8: fewer points make a median that says
    little, while 8 already let the trend rule (5 points) work; the IHI's
    preferred 10 for a firm baseline would keep a sponsor waiting two more
    months. A shift of 6 on one side of a median needs at least 12 points,
    so before XmR takes over run charts can show only trends. Some NHS tools
    use 6 rather than 7 for ``spc_shift``.
    """

    run_shift: int = 6
    run_trend: int = 5
    min_run_points: int = 8
    spc_shift: int = 7
    spc_trend: int = 7
    min_spc_points: int = 12

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 2:
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
    chart: a shift leaves out points sitting on the centre line, a trend
    keeps repeated values, two-of-three keeps only the points beyond the
    two-sigma line. ``length`` is the number of points the rule counted, so
    a trend's repeated values count once.
    """

    rule: Rule
    start: int
    end: int
    direction: Direction
    improvement: bool | None
    points: tuple[int, ...]
    length: int


@dataclass(frozen=True)
class Analysis:
    """Everything a document needs to show and describe one measure's chart.

    ``centre`` is the median for a run chart and the mean for XmR. The limit
    and two-sigma lines exist only for XmR. ``variation`` follows the most
    recent signal: ``special`` means a signal when no direction is better.
    ``assurance`` is set only for XmR with a target and a known direction.
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

    @property
    def count(self) -> int:
        """The number of observations present (gaps left out)."""
        return sum(value is not None for value in self.values)


def analyse(
    values: Sequence[float | None],
    *,
    better: str | None,
    target: float | None = None,
    rules: Rules = Rules(),  # frozen, so sharing the default is safe
) -> Analysis:
    """Analyse ``values`` (oldest first) as a run chart or an XmR chart.

    ``better`` is ``"lower"``, ``"higher"`` or ``None`` when neither is
    better; it decides whether a signal is an improvement or a concern.
    Fewer than ``rules.min_run_points`` present values give kind ``none``.
    """
    if better not in ("lower", "higher", None):
        raise ValueError(f"better must be 'lower', 'higher' or None, not {better!r}")
    series = tuple(_checked(values))
    present = [(i, v) for i, v in enumerate(series) if v is not None]
    if len(present) < rules.min_run_points:
        return _analysis("none", series, rules, None, (), None)
    if len(present) < rules.min_spc_points:
        median = statistics.median(v for _, v in present)
        found = _shifts(present, median, rules.run_shift) + _trends(present, rules.run_trend)
        return _analysis("run", series, rules, median, _judged(found, better), None)
    return _xmr(series, present, better, target, rules)


def _analysis(
    kind: Kind,
    series: tuple[float | None, ...],
    rules: Rules,
    centre: float | None,
    signals: tuple[Signal, ...],
    limits: tuple[float, float, float, float] | None,
    assurance: Assurance | None = None,
) -> Analysis:
    upper, lower, upper_2s, lower_2s = limits or (None, None, None, None)
    return Analysis(
        kind=kind,
        values=series,
        centre=centre,
        upper=upper,
        lower=lower,
        upper_2s=upper_2s,
        lower_2s=lower_2s,
        signals=signals,
        variation="none" if kind == "none" else _variation(signals),
        assurance=assurance,
        rules=rules,
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


def _xmr(
    series: tuple[float | None, ...],
    present: list[tuple[int, float]],
    better: str | None,
    target: float | None,
    rules: Rules,
) -> Analysis:
    numbers = [v for _, v in present]
    mean = statistics.fmean(numbers)
    spread = LIMIT_FACTOR * statistics.fmean(abs(b - a) for a, b in itertools.pairwise(numbers))
    upper, lower = mean + spread, mean - spread
    upper_2s, lower_2s = mean + TWO_SIGMA_SHARE * spread, mean - TWO_SIGMA_SHARE * spread
    found = (
        _outside(present, upper, lower)
        + _shifts(present, mean, rules.spc_shift)
        + _trends(present, rules.spc_trend)
        + _two_of_three(present, upper_2s, lower_2s)
    )
    limits = (upper, lower, upper_2s, lower_2s)
    assurance = _assurance(target, upper, lower, better)
    return _analysis("xmr", series, rules, mean, _judged(found, better), limits, assurance)


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


def _outside(present: list[tuple[int, float]], upper: float, lower: float) -> list[_Found]:
    """Points beyond the process limits; neighbours on the same side form one signal."""
    sides = [(i, 1 if v > upper else -1 if v < lower else 0) for i, v in present]
    return _grouped("outside_limits", sides, gap=1)


def _two_of_three(present: list[tuple[int, float]], upper: float, lower: float) -> list[_Found]:
    """Two or three of any three points in a row beyond the same two-sigma line."""
    sides = [1 if v > upper else -1 if v < lower else 0 for _, v in present]
    flagged = [0] * len(present)
    for first in range(len(present) - 2):
        for side in (1, -1):
            window = range(first, first + 3)
            if sum(sides[k] == side for k in window) >= 2:
                for k in window:
                    if sides[k] == side:
                        flagged[k] = side
    return _grouped("two_of_three", [(i, f) for (i, _), f in zip(present, flagged, strict=True)], 2)


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


def _variation(signals: tuple[Signal, ...]) -> Variation:
    """Judge by the signals ending last; a concern outweighs an improvement."""
    if not signals:
        return "common"
    latest = max(s.end for s in signals)
    verdicts = {s.improvement for s in signals if s.end == latest}
    if False in verdicts:
        return "concern"
    if True in verdicts:
        return "improvement"
    return "special"


def _assurance(
    target: float | None, upper: float, lower: float, better: str | None
) -> Assurance | None:
    if target is None or better is None:
        return None
    if lower <= target <= upper:
        return "hit_and_miss"
    # The whole process sits below a target above the upper limit, and vice versa.
    process_below = target > upper
    return "pass" if process_below == (better == "lower") else "fail"
