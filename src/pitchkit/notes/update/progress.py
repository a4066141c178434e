"""Progress arithmetic for updates: periods, scaling, and what has been delivered.

Pure and language-free. An update's period (``2027-03``, ``2027-Q1``,
``2027``) fixes how long its observed measures cover. A rate impact
(``per: year`` and so on) is scaled to that length before comparing, so a
baseline of 2,100 bed days a year is 175 in a month; a level impact (no
``per``, such as a percentage) is compared as it is.

What has been delivered so far is the sum, over the periods logged, of the
gap between the scaled baseline and the value observed, counted in the
better direction. A period with no value is *missing*: it adds nothing to
the sum and is listed, never treated as zero.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pitchkit.facts.schema import Impact, Update
from pitchkit.notes.rates import scale
from pitchkit.period import (
    LEVEL_LOGGED,
    PERIOD_MONTHS,
    Period,
    PeriodKind,
    add_months,
    parse_period,
)
from pitchkit.pounds import is_pounds

Direction = Literal["improving", "worsening", "no change"]

#: A level logged every 3, 6 or 12 months is measured that often (see ``cadence``).
_CADENCES = (3, 6, 12)
#: The fewest figures that show a cadence.
_CADENCE_FIGURES = 3

#: Differences smaller than this share of the baseline count as no change.
_SAME = 1e-9


def gap(observed: float, impact: Impact, period: Period) -> float:
    """How much better than the scaled baseline ``observed`` is (negative when worse)."""
    baseline = scale(impact.baseline, impact, period)
    return baseline - observed if impact.direction == "lower" else observed - baseline


def fraction_along(observed: float, impact: Impact, period: Period) -> float | None:
    """How far ``observed`` has come from baseline to target: 0 at baseline, 1 at target.

    ``None`` when baseline and target are the same. Can be below 0 (worse
    than baseline) or above 1 (beyond target).
    """
    span = scale(impact.target, impact, period) - scale(impact.baseline, impact, period)
    if span == 0:
        return None
    return (observed - scale(impact.baseline, impact, period)) / span


@dataclass(frozen=True)
class FromMonths:
    """How a quarter's or a year's figure was made from the months logged in it."""

    #: The months with a figure, oldest first.
    logged: tuple[Period, ...]
    #: The period's months with none (a total over the period is then left blank).
    unlogged: tuple[Period, ...]
    #: Whether the figure is the latest month's: a count of people or things at a time.
    latest_only: bool = False


@dataclass(frozen=True)
class Point:
    """One period's observation of a measure; ``value`` is ``None`` when missing."""

    period: Period
    value: float | None
    baseline: float  # scaled to the period
    target: float  # scaled to the period
    #: For a quarter or year built from its months: which months its figure comes from.
    made: FromMonths | None = None


@dataclass(frozen=True)
class MeasureProgress:
    """Where one measure stands after the periods logged so far."""

    impact: Impact
    points: tuple[Point, ...]  # one per period in the series, oldest first
    latest: Point | None  # the latest point with a value
    previous: Point | None  # the point with a value before ``latest``
    fraction: float | None  # of the way from baseline to target, at ``latest``
    direction: Direction | None  # ``latest`` against ``previous``
    delivered: float | None  # cumulative gain, for rate impacts only
    delivered_money: float | None  # its value, where the impact has a value or is money
    #: The unit cost restated at the pitch's price base (the brief's), and that base's
    #: financial year: ``None`` where the unit cost's own year is not known.
    restated_value: float | None = None
    price_base: int | None = None

    @property
    def with_data(self) -> tuple[Period, ...]:
        """Periods that have a value."""
        return tuple(p.period for p in self.points if p.value is not None)

    @property
    def cadence(self) -> int:
        """Every how many months a level logged by month is measured: 3 each quarter, else 1.

        A share or an average taken each quarter (an audit, a quarterly
        return) and logged in the quarter's last month has no figure in the
        months between: those are not missing, as its figures are whole
        observations. A level whose impact says how often it is measured
        (``logged: quarter`` or ``year``) is read so from its first figure on
        (fixleft24a #4: a survey each quarter, with two figures so far, had
        its months between listed as missing); otherwise only a level (no
        ``per``) of a monthly series with at least three figures, every one a
        whole number of quarters (or half years, or years) from the first.
        """
        if self.is_rate or not self.points or self.points[0].period.kind != "month":
            return 1
        if self.impact.logged in LEVEL_LOGGED:
            return LEVEL_LOGGED[self.impact.logged]
        present = [i for i, p in enumerate(self.points) if p.value is not None]
        if len(present) < _CADENCE_FIGURES:
            return 1
        step = math.gcd(*(b - a for a, b in itertools.pairwise(present)))
        return step if step in _CADENCES else 1

    @property
    def expected(self) -> tuple[Period, ...]:
        """The periods that should have a value: every one, or each quarter's from the first.

        A level (no ``per``) is expected from its first figure on: a measure that
        began with the project's clinic has no figure before then, and the months
        before it are not missing (newuser11: "no figure for 17 of the 20 months since
        April 2025" of a survey first taken in August 2026). A rate, whose totals add
        up over the periods, keeps every period, so its totals' gaps are still named.
        """
        step = self.cadence
        first = next((i for i, p in enumerate(self.points) if p.value is not None), 0)
        if step == 1:
            start = first if not self.is_rate else 0
            return tuple(p.period for p in self.points[start:])
        return tuple(p.period for p in self.points[first::step])

    def next_due(self, period: Period) -> Period | None:
        """The month a measure logged each quarter is next due, when ``period`` is not one.

        ``None`` for a measure logged every period, or when ``period`` is due.
        """
        step = self.cadence
        first = next((p.period for p in self.points if p.value is not None), None)
        if step == 1 or first is None or period.kind != "month":
            return None
        apart = (period.start.year - first.start.year) * 12 + period.start.month - first.start.month
        if apart % step == 0:
            return None
        return parse_period(f"{add_months(period.start, step - apart % step):%Y-%m}")

    @property
    def missing(self) -> tuple[Period, ...]:
        """Periods in the series with no value for this measure (on its cadence)."""
        values = {p.period: p.value for p in self.points}
        return tuple(period for period in self.expected if values[period] is None)

    @property
    def is_rate(self) -> bool:
        """Whether the measure counts something per period (so it adds up over time)."""
        return self.impact.per is not None

    @property
    def latest_gap(self) -> float | None:
        """How much better than baseline the latest value is (in the better direction)."""
        if self.latest is None or self.latest.value is None:
            return None
        return gap(self.latest.value, self.impact, self.latest.period)


@dataclass(frozen=True)
class Series:
    """The progress log up to one period, laid out as a regular run of periods."""

    kind: PeriodKind  # the kind of the latest entry: the run's kind
    periods: tuple[Period, ...]  # every period to report on, oldest first, gaps included
    entries: dict[str, Update]  # logged entries by period text
    skipped: tuple[str, ...]  # logged periods left out because they overlap others
    #: Each period's figures by impact id: a spreadsheet's, overridden by the log's.
    values: dict[str, dict[str, float | None]] = field(default_factory=dict)
    #: For periods built from their months: period text → impact id → the months behind it.
    made: Mapping[str, Mapping[str, FromMonths]] = field(default_factory=dict)

    def entry(self, period: Period) -> Update | None:
        """The log entry for ``period``, if there is one."""
        return self.entries.get(period.text)

    def value(self, period: Period, impact_id: str) -> float | None:
        """The figure for ``impact_id`` in ``period``, if there is one."""
        return self.values.get(period.text, {}).get(impact_id)


def series(
    updates: Sequence[Update],
    *,
    until: Period | None = None,
    figures: Mapping[str, Mapping[str, float | None]] | None = None,
    made: Mapping[str, Mapping[str, FromMonths]] | None = None,
) -> Series:
    """Lay out the log entries ending by ``until`` as a regular run of periods.

    The run uses the kind of the latest entry (month, quarter or year) from
    the first entry of that kind; periods with no entry in between become
    gaps. Earlier entries of another kind are kept where they do not overlap
    the run; overlapping ones are left out and named in ``skipped``, so
    nothing is counted twice.

    ``figures`` (period → impact id → value, from a measures spreadsheet)
    add periods and figures; where a log entry gives a figure for the same
    measure (even ``null``), the log's stands.
    """
    values: dict[str, dict[str, float | None]] = {
        text: dict(found) for text, found in (figures or {}).items()
    }
    for update in updates:
        values.setdefault(update.period, {}).update(update.measures)
    by_text = {u.period: u for u in updates}
    logged = sorted((parse_period(text), by_text.get(text)) for text in values)
    if until is not None:
        logged = [(p, u) for p, u in logged if p.end <= until.end]
    if not logged:
        return Series(until.kind if until else "month", (), {}, ())
    kind = logged[-1][0].kind
    same = [p for p, _ in logged if p.kind == kind]
    run: list[Period] = []
    current = same[0]
    while current.start <= same[-1].start:
        run.append(current)
        current = current.following()
    entries: dict[str, Update] = {}
    skipped: list[str] = []
    kept: dict[str, dict[str, float | None]] = {}
    periods = list(run)
    for period, entry in logged:
        if period.kind != kind and any(_overlap(period, other) for other in periods):
            skipped.append(period.text)
            continue
        if period.kind != kind:
            periods.append(period)
        if entry is not None:
            entries[period.text] = entry
        kept[period.text] = values[period.text]
    return Series(kind, tuple(sorted(periods)), entries, tuple(skipped), kept, dict(made or {}))


def _overlap(one: Period, other: Period) -> bool:
    return one.start <= other.end and other.start <= one.end


def measure_progress(impact: Impact, run: Series) -> MeasureProgress:
    """Latest value, how far along, direction and cumulative delivery for ``impact``."""
    points = tuple(
        _point(impact, period, run.value(period, impact.id), run.made.get(period.text, {}))
        for period in run.periods
    )
    present = [p for p in points if p.value is not None]
    latest = present[-1] if present else None
    previous = present[-2] if len(present) > 1 else None
    delivered: float | None = None
    money: float | None = None
    if impact.per is not None and not impact.balancing:  # a balancing measure delivers nothing
        delivered = sum(gap(p.value, impact, p.period) for p in present if p.value is not None)
        money = delivered_value(delivered, impact)
    return MeasureProgress(
        impact=impact,
        points=points,
        latest=latest,
        previous=previous,
        fraction=(
            fraction_along(latest.value, impact, latest.period)
            if latest is not None and latest.value is not None and not impact.balancing
            else None
        ),
        direction=direction(impact, previous, latest),
        delivered=delivered,
        delivered_money=money,
    )


def _point(
    impact: Impact, period: Period, value: float | None, made: Mapping[str, FromMonths]
) -> Point:
    return Point(
        period=period,
        value=value,
        baseline=scale(impact.baseline, impact, period),
        target=scale(impact.target, impact, period),
        made=made.get(impact.id),
    )


def delivered_value(amount: float, impact: Impact) -> float | None:
    """The money value of ``amount`` of ``impact``: by its unit cost, or itself if money."""
    if impact.value is not None:
        return amount * impact.value.amount
    if is_money(impact):
        return amount
    return None


def is_money(impact: Impact) -> bool:
    """Whether ``impact`` is itself counted in money (``£``, ``GBP``, ``pounds``: is_pounds)."""
    return is_pounds(impact.unit)


def direction(impact: Impact, previous: Point | None, latest: Point | None) -> Direction | None:
    """Whether ``latest`` is better than ``previous``, compared at the same scale."""
    if previous is None or latest is None or previous.value is None or latest.value is None:
        return None
    # Bring both to a per-month rate (or leave levels alone) before comparing.
    before = previous.value / (previous.period.months if impact.per else 1)
    after = latest.value / (latest.period.months if impact.per else 1)
    size = max(abs(before), abs(after), abs(impact.baseline), 1.0)
    if abs(after - before) <= _SAME * size:
        return "no change"
    improved = after < before if impact.direction == "lower" else after > before
    return "improving" if improved else "worsening"


def next_update_date(
    update: Update | None, period: Period, cadence: str | None, *, written: dt.date | None = None
) -> dt.date:
    """When the next update is due: as logged, else one period after this one.

    ``cadence`` (``month`` or ``quarter``) sets the following period's
    length; without it the period's own length is used. An entry reported
    after its period ended (``date: 2026-11-06`` for October) sets the
    rhythm: the next is due as long after its own period, 6 December. An
    undated entry, or a draft, gives the end of the following period.

    ``written`` is the day the page is dated: a date worked out here that
    falls before it (a draft for July to September written on 5 December,
    due by the monthly rhythm on 31 October) is stepped on a period at a
    time, keeping the rhythm, to the first on or after it (31 December):
    a page never gives a next update already past (newuser13 #4). A date
    the log gives itself is kept as written.
    """
    if update is not None and update.next_update is not None:
        return update.next_update
    months = period.months
    if cadence in PERIOD_MONTHS:
        months = int(PERIOD_MONTHS[cadence])
    if update is not None and update.date is not None and update.date > period.end:
        due = add_months(update.date, months)
    else:
        due = add_months(period.end + dt.timedelta(days=1), months) - dt.timedelta(days=1)
    month_end = (due + dt.timedelta(days=1)).day == 1
    while written is not None and due < written:
        if month_end:  # the end of a month stays the end of one (30 November, not 31 October)
            due = add_months(due + dt.timedelta(days=1), months) - dt.timedelta(days=1)
        else:
            due = add_months(due, months)
    return due


def previous_score(updates: Sequence[Update], period: Period) -> tuple[Update, float] | None:
    """The latest entry before ``period`` that gave a progress score, with the score."""
    earlier = sorted(
        ((parse_period(u.period), u) for u in updates if u.score is not None),
        key=lambda pair: pair[0],
    )
    found = [(p, u) for p, u in earlier if p.end < period.start]
    if not found:
        return None
    update = found[-1][1]
    assert update.score is not None
    return update, update.score
