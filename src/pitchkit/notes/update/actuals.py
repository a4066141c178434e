"""What the progress log shows each closed financial year delivered, in money.

A finance director signing off a note dated December 2026 reads a year
that ended in March 2026 as fact, not as a forecast. :func:`logged_ledger`
so sets each closed year of the project's ledger to what the log shows was
delivered in it, counted as a progress update counts it
(:mod:`pitchkit.notes.update.claims`): from the change on, against the
baseline mean, and only for a measure whose chart shows the change; each
count priced at the ledger's restated unit cost as the small print shows
it. A closed year with no logged figure for any counted impact keeps its
forecast. The year under way, and the years after it, carry on the rate the
log shows for each impact it has figures for in that year, and the full rate
for the others (docs/money.md, "Investment against return").
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace

from pitchkit.facts.schema import Facts
from pitchkit.figures import whole as whole_figure
from pitchkit.i18n.translation import Language
from pitchkit.notes.update import spc
from pitchkit.notes.update.claims import Claim, isolated_periods, met_since, worsening
from pitchkit.notes.update.progress import Point
from pitchkit.notes.update.situation import claims_for, log_runs
from pitchkit.period import Period, PeriodKind, period_at
from pitchkit.recast.money import (
    Delivered,
    Ledger,
    Line,
    Lost,
    Step,
    benefit_start,
    fy_bounds,
    is_cost,
    months_between,
    shown_cost,
    spends,
    with_logged,
)


def note_period(facts: Facts, today: dt.date) -> Period | None:
    """The latest logged period that ended before ``today``: what a note of that day can know.

    A brief dated before the end of its own log (backdated, or an example
    file as shipped) reads only the figures up to its date, so that whether
    a year counts as delivered never rests on figures logged after it.
    ``None`` when no logged period had ended by then.
    """
    ended = facts.ended_periods(today)
    return ended[-1] if ended else None


def _claims(ledger: Ledger, facts: Facts) -> dict[str, Claim]:
    """What the log shows for each measure, as the update of the note's date counts it.

    Only the figures for periods ended before the note's date are read
    (:func:`note_period`).
    """
    assert ledger.today is not None
    period = note_period(facts, ledger.today)
    if period is None:
        return {}
    _, run, chart_run = log_runs(facts, period)
    within = frozenset(line.impact.id for line in ledger.lines if line.within)
    return claims_for(facts, chart_run or run, within)


def delivered_in_year(ledger: Ledger, facts: Facts, impact_id: str, year: int) -> float | None:
    """The money ``impact_id`` delivered in closed financial year ``year``, by the log.

    Counted as :func:`logged_ledger` counts a closed year, for one counted
    impact. ``None`` when the year is not closed, the impact is not counted,
    or the log has no figure for it in that year.
    """
    counted = _counted_line(ledger, facts, impact_id)
    if counted is None or not ledger.closed(year):
        return None
    line, start = counted
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or not claim.points:
        return None
    first, last = fy_bounds(year)[0], ledger.year_end(year)
    begins = max(first, benefit_start(line.impact, start))
    if begins > last:
        return None
    values = {p.period: p.value for p in claim.points}
    kind = claim.points[-1].period.kind
    periods = _periods(begins, last, kind)
    if not any(values.get(p) is not None for p in periods):
        return None
    counted_from = _counted_from(first, begins, kind)
    if claim.analysis.kind == "none":
        # Too few figures for a chart, in a year that has ended: nothing, as the finance
        # block counts them (:func:`_year`), never the plan's rate (reader22 #2).
        return 0.0
    if _worse(claim, counted_from, last):
        return 0.0
    return _money(line, claim, counted_from, last)


def logged_ledger(ledger: Ledger, facts: Facts) -> Ledger:
    """``ledger`` with its closed years set to what the progress log shows was delivered.

    The year under way, when the log has figures in it, is set to what they
    delivered so far plus the rest of the year at the rate they show
    (:func:`_running`).
    """
    if ledger.today is None or ledger.start is None or not (facts.updates or facts.figures):
        return ledger
    closed = ledger.closed_years
    running = ledger.under_way
    if not closed and running is None:
        return ledger
    claims = _claims(ledger, facts)
    delivered = {}
    for year in closed:
        found = _year(year, ledger, claims)
        if found is not None:
            delivered[year] = found
    if running is not None and (found := _running(running, ledger, claims)) is not None:
        delivered[running] = found
    return with_logged(ledger, delivered) if delivered else ledger


def earning_lines(ledger: Ledger, facts: Facts) -> set[str]:
    """The counted lines whose money :func:`logged_ledger`'s years hold, by impact id.

    A line the log counts as nothing in every year shown (figures whose chart
    does not show the change, carried on at a rate of nothing) adds no pound to
    the benefit the page gives, so its unit cost is used by no figure on it: the
    stroke project's £296 a shift was listed beside "nothing counted for agency
    nursing shifts" (fixread31a #2). Each line is read alone, as the year's
    total reads them all; a year the log leaves at the plan (no figure in it,
    or one not begun) counts every line that earns in it.
    """
    counted = {line.impact.id for line in ledger.counted}
    if ledger.today is None or ledger.start is None or not (facts.updates or facts.figures):
        return counted
    closed, running = ledger.closed_years, ledger.under_way
    if not closed and running is None:
        return counted
    claims = _claims(ledger, facts)
    later = [
        share.year
        for share in ledger.years
        if share.year not in closed and (running is None or share.year > running)
    ]
    earning: set[str] = set()
    for line in ledger.counted:
        alone = replace(ledger, lines=(line,))
        years = [_year(year, alone, claims) for year in closed]
        now = _running(running, alone, claims) if running is not None else None
        # A closed year with no figure for it keeps the plan; so does a year under way with
        # none (and the years after it); a year after one under way carries the log's rate on.
        kept = (running is not None and now is None) or any(
            found is None or found.benefit != 0 for found in years
        )
        carried = bool(later) and (
            now is None or now.so_far is None or dict(now.rates).get(line.impact.id, 1.0) != 0
        )
        if kept or carried or (now is not None and now.benefit != 0):
            earning.add(line.impact.id)
    return earning


@dataclass(frozen=True)
class _Forecast:
    """One counted impact's part of the year under way, and what it rests on."""

    earned: float
    #: What the log shows it delivered so far, to ``reached``, when it is on the log's rate.
    done: float | None = None
    reached: dt.date | None = None
    unlogged: tuple[Period, ...] = ()
    #: Whether its figures in the year do not yet show the change: nothing for the months
    #: they cover, and the full rate for the rest of the year.
    unshown: bool = False
    #: The monthly rate its figures show, when it is on the log's rate (the years after carry
    #: it).
    rate: float = 0.0
    #: When it has figures in the year but too few for any chart: how many, and how many a
    #: chart needs. Nothing for the months they cover, the full rate for the rest of the
    #: year, and the line says why.
    young: tuple[int, int] | None = None
    #: Whether its figures in the year are worse than before the change: nothing counted.
    worse: bool = False
    #: Whether it earns in the year but the log has no figure for it in the year yet, so it
    #: stays at the plan's full rate, and the line says so.
    unfigured: bool = False


def _not_yet(claim: Claim, today: dt.date) -> bool:
    """Whether ``claim``'s figures since the change are too young to tell, and on the better side.

    "No signal yet" is not "delivered nothing": in the first months after a
    change a chart cannot yet show it (a run chart's shift needs 6 points on
    one side of a median that still mixes in the months before). The figures
    from the change on count as not yet telling when they are fewer than an
    XmR chart needs (12), better than the baseline on balance, either too few
    for any rule to show the change (:func:`_too_early`) or by at least half
    the plan's gain a period (nearer the plan than no change at all:
    :func:`_on_course`), the latest of them better too (so that the update's
    "N more months better than the baseline could show one" rests on them),
    and the chart shows no change the wrong way. A measure that got worse,
    or stayed flat (75.0 operations a month against 75.5 before, when the
    plan is 25 fewer), is not; nor is one whose figures before the change
    already show an improvement (:func:`.spc.improving_before`: its figures
    are on the better side because of that, not the project).
    """
    if claim.shown or claim.since is None or worsening(claim):
        return False
    if claim.analysis.improving_before:
        return False
    since = claim.since
    after = [
        p
        for p in claim.points
        if p.value is not None and p.period >= since and p.period.end < today
    ]
    if not after or len(after) >= spc.Rules().min_spc_points:
        return False
    gains = [claim.gain(p) for p in after]
    if sum(gains) <= 0 or gains[-1] <= 0:
        return False
    return _too_early(claim, len(after)) or _on_course(claim, after)


def _too_early(claim: Claim, count: int) -> bool:
    """Whether ``count`` figures since the change are fewer than the chart's rules need to show it.

    A shift needs 6 points on one side of a run chart's median (7 on an XmR
    chart), so with fewer the chart not showing the change says nothing of
    whether it came: the money is too early to count, not £0 (newuser27 #4:
    out-of-area bed days of 380, 341 and 262 against 422.5 before, three
    months after the change, read as "no return on the £185,000").
    """
    rules = claim.analysis.rules
    return count < (rules.spc_shift if claim.analysis.kind == "xmr" else rules.run_shift)


def _on_course(claim: Claim, after: list[Point]) -> bool:
    """Whether the figures since the change gain, on average, at least half the plan's gain.

    The plan's gain a period is the facts' baseline less the target, scaled
    to each period. Figures that gain less than half of it are nearer no
    change than the plan, so they do not count as a plan on its way; with no
    planned gain to weigh them against, any gain does.
    """
    planned = [
        p.baseline - p.target if claim.impact.direction == "lower" else p.target - p.baseline
        for p in after
    ]
    if sum(planned) <= 0:
        return True
    return sum(claim.gain(p) for p in after) >= sum(planned) / 2


def _shows_nothing(claim: Claim, today: dt.date) -> bool:
    """Whether ``claim``'s chart, with figures since the change, does not show the change.

    Not when there are too few figures for a chart, or they are too young to
    tell while on the better side (:func:`_not_yet`), or none since the change.
    """
    if claim.shown or claim.since is None or claim.analysis.kind == "none":
        return False
    since = claim.since
    after = [p for p in claim.points if p.value is not None and p.period >= since]
    return bool(after) and not _not_yet(claim, today)


def line_forecast(ledger: Ledger, claim: Claim | None, line: Line, year: int) -> _Forecast:
    """``line``'s part of the year under way ``year``: so far by the log, the rest at that rate.

    The full rate when its change has not taken effect in the year, it has no
    figure in the year yet, or too few figures for any chart. Figures that do
    not yet show the change (:func:`_not_yet`) count nothing for the months
    they cover, and the full rate only for the rest of the year; figures worse
    than before the change (:func:`_worse`) count nothing at all. Nothing when
    it has no figure in the year yet but its chart, from the figures of the
    years before, does not show the change (:func:`_shows_nothing`): the
    plan's rate would rest on nothing the log shows. Else what the log shows
    it delivered so far, spread over the months its figures cover and carried
    on, month by month, to the year's end (or the project's).
    """
    assert ledger.start is not None
    assert ledger.today is not None
    first, last = fy_bounds(year)[0], ledger.year_end(year)
    begins = max(first, benefit_start(line.impact, ledger.start))
    full = _plan_part(line, ledger, year, begins)
    covered = [
        p.period
        for p in (claim.points if claim is not None else ())
        if p.value is not None
        and p.period.end >= begins
        and p.period.start <= last
        and p.period.end < ledger.today
    ]
    if claim is not None and begins <= last and not covered and _shows_nothing(claim, ledger.today):
        # No figure in the year yet, but the figures since the change, in the years before,
        # are enough for a chart and do not show it: nothing counted for the year, and the
        # line says so, as for a year under way whose own figures show nothing.
        upto = max(p.period.end for p in claim.points if p.value is not None)
        return _Forecast(earned=0.0, done=0.0, reached=upto)
    if claim is None or begins > last or not covered:
        # Not yet under way, or no figure in the year: the forecast at the full rate, which
        # the line names when the impact earns in the year (review13 L1).
        return _Forecast(earned=full, unfigured=begins <= last and full > 0)
    reached = min(max(p.end for p in covered), last)
    if claim.analysis.kind == "none" and young_worse(claim, last=reached):
        # Too few figures for a chart, but every one no better than the baseline: nothing
        # forecast until one is better, named as worse (newuser10 #3), not the full rate.
        return _Forecast(earned=0.0, reached=reached, worse=True)
    if claim.analysis.kind == "none":
        # Too few figures for a chart to tell a change from normal variation: as for figures
        # too young to tell (below), the months they cover count nothing, the rest of the
        # year the plan's full rate, and the line says why, with how many figures there are
        # and a chart needs. It had the plan's rate for the whole year, the months logged
        # too, so that logging a missing month, or the 8th figure of a measure on course,
        # took those months' plan money off the forecast (newuser32 #3).
        needs = claim.analysis.rules.min_run_points
        after = reached + dt.timedelta(days=1)
        rest = _plan_part(line, ledger, year, max(begins, after))
        return _Forecast(earned=rest, reached=reached, young=(claim.analysis.count, needs))
    if _not_yet(claim, ledger.today):
        # Too young to tell, and on course so far: the months the log covers count what
        # its chart shows (nothing yet), and only the months still to come the plan's rate.
        after = reached + dt.timedelta(days=1)
        rest = _plan_part(line, ledger, year, max(begins, after))
        return _Forecast(earned=rest, reached=reached, unshown=True)
    kind = claim.points[-1].period.kind
    counted_from = _counted_from(first, begins, kind)
    worse = _worse(claim, counted_from, reached)
    # Worse than before the change: nothing counted, so far or for the rest of the year,
    # never a negative sum taken silently off what the other impacts delivered.
    done = 0.0 if worse else _money(line, claim, counted_from, reached)
    # By months, as a finance director forecasts: £1,180,304 in the 8 months of April to
    # November, so 4 more at £147,538 a month, £1,770,456 (newuser13 #11); by days it was
    # × 365 ÷ 244, £1,765,619, which no one checking by hand would get.
    months = sum(months_between(max(p.start, counted_from), min(p.end, reached)) for p in covered)
    logged = set(covered)
    gaps = tuple(p for p in _periods(begins, reached, kind) if p not in logged)
    rest = months_between(reached + dt.timedelta(days=1), last)
    return _Forecast(
        earned=done + done / months * rest,
        done=done,
        rate=done / months,
        reached=reached,
        unlogged=gaps,
        worse=worse,
    )


def _worse(claim: Claim, first: dt.date, last: dt.date) -> bool:
    """Whether ``claim``'s figures from ``first`` to ``last`` are worse than before the change.

    Worse on balance (the figures from the change on, against the baseline
    mean, add up to a loss), when the chart shows a change either way: its
    improvement counted (the loss would be negative money), or a change the
    wrong way (:func:`~pitchkit.notes.update.claims.worsening`). Such a
    measure counts nothing, and the money line names it.
    """
    if claim.since is None or not (claim.shown or worsening(claim)):
        return False
    return _net(claim, first, last) < 0


def _net(claim: Claim, first: dt.date, last: dt.date) -> float:
    """``claim``'s figures from the change on, from ``first`` to ``last``, against the baseline.

    A period only partly inside counts for the share of its days that is.
    """
    if claim.since is None:
        return 0.0
    total = 0.0
    for point in claim.points:
        if point.value is None or point.period < claim.since:
            continue
        start, end = max(point.period.start, first), min(point.period.end, last)
        if start <= end:
            days = (point.period.end - point.period.start).days + 1
            total += claim.gain(point) * ((end - start).days + 1) / days
    return total


def _logged_in(claim: Claim, first: dt.date, last: dt.date) -> list[Point]:
    """``claim``'s points for the periods from the one holding ``first`` to ``last``."""
    return [p for p in claim.points if p.period.end >= first and p.period.start <= last]


def young_worse(claim: Claim, first: dt.date | None = None, last: dt.date | None = None) -> bool:
    """Whether ``claim``'s figures since the change, too few for a chart, are all no better.

    Every figure from the change on (from ``first`` to ``last``, when given)
    no better than the baseline, and at least one worse. Too few figures for
    a chart is not evidence of no change, so such a measure otherwise keeps
    the plan's full rate; but figures all on the worse side are evidence
    against it: nothing is forecast for it until one is better (newuser10 #3).
    """
    if claim.since is None:
        return False
    gains = [
        claim.gain(p)
        for p in claim.points
        if p.value is not None
        and p.period >= claim.since
        and (first is None or p.period.end >= first)
        and (last is None or p.period.start <= last)
    ]
    return bool(gains) and all(g <= 0 for g in gains) and any(g < 0 for g in gains)


def _counted_line(ledger: Ledger, facts: Facts, impact_id: str) -> tuple[Line, dt.date] | None:
    """The counted ledger line of ``impact_id`` and the project's start, when a log can price it.

    ``None`` when the impact is not counted, or the ledger has no date or
    start, or the facts have no progress log.
    """
    line = ledger.line(impact_id)
    if (
        line is None
        or not line.counted
        or ledger.today is None
        or ledger.start is None
        or not (facts.updates or facts.figures)
    ):
        return None
    return line, ledger.start


def _under_way_part(ledger: Ledger, facts: Facts, impact_id: str, year: int) -> _Forecast | None:
    """``impact_id``'s part of ``year``, the year under way, as the finance block works it.

    The one reader of that part: the brief's finance block, its statements and
    the update's rows all take it from here, with the log read as the update of
    the note's date reads it (:func:`_claims`), so that the same date gives the
    same figure on every page (review23 #3). ``None`` when the year is not the
    one under way or the impact is not counted.
    """
    counted = _counted_line(ledger, facts, impact_id)
    if counted is None or year != ledger.under_way:
        return None
    line, _ = counted
    return line_forecast(ledger, _claims(ledger, facts).get(impact_id), line, year)


def forecast_in_year(
    ledger: Ledger, facts: Facts, impact_id: str, year: int, *, unfigured: bool = False
) -> float | None:
    """The money ``impact_id`` is forecast to deliver in ``year``, the year under way, by the log.

    As the finance block gives it (:func:`_running`). ``None`` when the year
    is not the one under way, the impact is not counted, or the log has no
    figures that set it; with ``unfigured``, an impact the log has no figure
    for in the year gives its forecast too (the plan's full rate).
    """
    part = _under_way_part(ledger, facts, impact_id, year)
    if part is None or (part.reached is None and not unfigured):
        return None
    return part.earned


def forecast_as_reported(
    ledger: Ledger, facts: Facts, impact_id: str, year: int, claim: Claim
) -> float | None:
    """:func:`forecast_in_year` as the update of ``claim``'s period reads the log.

    An update for an earlier period (a June draft written in December) says
    what its own figures show: "7 so far; a chart needs 8, so no money is
    counted for the months logged and the rest of the year is forecast at the
    plan's full rate". Its figure must be that rate times the months left
    after them, never the forecast of the log read on the note's date when
    its later figures make a chart that counts what it shows (nothing, for a
    chart showing no change): that gave "at the plan's full rate (£0 for
    2026/27)" (newuser34 #3). While the log read on the note's date is at the
    plan's full rate too (:func:`forecast_unshown`), or reads the same
    figures, it is :func:`forecast_in_year`: an October update and a brief
    written the same day give one figure (review23 #3).
    """
    counted = _counted_line(ledger, facts, impact_id)
    if counted is None or year != ledger.under_way:
        return None
    now = _claims(ledger, facts).get(impact_id)
    if (
        now is None
        or _figures(now) <= _figures(claim)
        or forecast_unshown(ledger, facts, impact_id, year)
    ):
        return forecast_in_year(ledger, facts, impact_id, year, unfigured=True)
    line, _ = counted
    return line_forecast(ledger, claim, line, year).earned


def _figures(claim: Claim) -> int:
    return sum(p.value is not None for p in claim.points)


def forecast_unshown(ledger: Ledger, facts: Facts, impact_id: str, year: int) -> bool:
    """Whether ``impact_id``'s forecast for ``year`` is the plan's rate after nothing counted.

    It is when its figures in the year are too few for a chart, or too young to
    show the change: nothing for the months they cover, the plan's full rate
    for the rest of the year (:func:`line_forecast`).
    """
    part = _under_way_part(ledger, facts, impact_id, year)
    return (
        part is not None and part.reached is not None and (part.unshown or part.young is not None)
    )


def _running(year: int, ledger: Ledger, claims: dict[str, Claim]) -> Delivered | None:
    """The year under way: delivered so far by the log, and the rest of it at that rate.

    A finance director forecasts a year under way as its actuals to date and
    the months left at the run rate, not at the plan: a project the log shows
    delivering half its rate is forecast at half for the rest of the year. For
    each counted impact whose change has taken effect, the money the log shows
    delivered in the year (counted as an update counts it, so nothing when its
    chart does not show the change) is spread over the months its figures
    cover and carried on to the year's end (or the project's) by months, a
    part month by its days (:func:`~pitchkit.recast.money.months_between`),
    so that "× 12 ÷ 8" gives the page's figure; a period with no
    figure is named and adds nothing, as in a closed year. An impact with no
    figure in the year yet, or too few figures for any chart, keeps its
    forecast at the full rate; one whose figures are too young to show the
    change while they are on course (:func:`_not_yet`) counts nothing for the
    months they cover and the full rate for the rest; one whose figures are
    worse than before the change counts nothing, and is named
    (:attr:`Delivered.worse`). ``None`` when no counted impact has a figure in
    the year that says more than that.
    """
    benefit = cash = own = so_far = elsewhere = assumed = 0.0
    upto: dt.date | None = None
    rated = unshown = False
    young: tuple[int, int] | None = None
    unlogged: list[Period] = []
    by: list[tuple[str, tuple[Period, ...]]] = []
    rates: list[tuple[str, float]] = []
    worse: list[str] = []
    unfigured: list[str] = []
    flat: list[str] = []  # counted as nothing: figures whose chart does not show the change
    parts: list[tuple[Line, Claim, dt.date]] = []  # the lines on the log's rate
    even = False  # whether some line earns at the plan's rate, spread evenly over the whole year
    assert ledger.start is not None
    first = fy_bounds(year)[0]
    for line in ledger.counted:
        claim = claims.get(line.impact.id)
        part = line_forecast(ledger, claim, line, year)
        if part.done is not None and part.done != 0 and claim is not None and not part.worse:
            begins = max(first, benefit_start(line.impact, ledger.start))
            kind = claim.points[-1].period.kind
            parts.append((line, claim, _counted_from(first, begins, kind)))
        elif part.earned != 0 and not part.unshown and part.young is None:
            even = True
        if part.worse:
            worse.append(line.impact.measure)
        elif part.done == 0 and part.earned == 0 and claim is not None and claim.delivered is None:
            flat.append(line.impact.measure)
        benefit += part.earned
        if spends(line):
            cash += part.earned
            own += part.earned if line.own else 0.0
        elif line.elsewhere is not None:
            elsewhere += part.earned
        if part.unfigured:
            unfigured.append(line.impact.measure)
        if part.reached is None:
            continue
        upto = part.reached if upto is None else max(upto, part.reached)
        unshown |= part.unshown
        if part.unshown or part.young is not None:
            # At the plan's rate on no evidence yet: the line says how much (newuser17 #2).
            assumed += part.earned
        if part.young is not None:
            young = part.young if young is None or part.young[0] < young[0] else young
        if part.done is not None:
            rated = True
            so_far += part.done
            rates.append((line.impact.id, part.rate))
            unlogged += [p for p in part.unlogged if p not in unlogged]
            by.append((line.impact.measure, part.unlogged))
    if upto is None:
        return None
    if young is not None and (rated or unshown):
        # Beside an impact on the log's rate, one with too few figures is one whose
        # figures do not yet show the change: the line's words for that cover it.
        unshown, young = True, None
    return Delivered(
        benefit=benefit,
        cash=cash,
        own=own,
        elsewhere=elsewhere,
        unlogged=tuple(sorted(unlogged)),
        unlogged_by=_named(by),
        so_far=so_far if rated else None,
        upto=upto,
        unshown=unshown,
        assumed=assumed if unshown else 0.0,
        rates=tuple(rates),
        young=young,
        worse=tuple(worse),
        # Beside figures for others, an impact with none in the year yet is at the plan's
        # full rate, and named: "the rest of the year at that rate" must not cover it.
        unfigured=tuple(unfigured),
        # Beside money the log shows delivered, one counted as nothing is named (newuser10 #7a).
        flat=tuple(flat) if rated and so_far > 0 else (),
        # A line whose figures do not yet show the change earns nothing to ``upto`` and the
        # plan's rate only after it: the payback does not spread that over the months before
        # (it read "payback 1 month" with nothing counted to October: newuser27 #4).
        steps=() if even else _steps(first, upto, parts) or (Step(upto, 0.0, 0.0, 0.0, 0.0),),
    )


def _year(year: int, ledger: Ledger, claims: dict[str, Claim]) -> Delivered | None:
    """What the counted lines delivered in financial year ``year``; ``None`` with no figure.

    An impact whose chart can be drawn counts what the log shows it delivered
    in the year (a period with no figure adds nothing, and is named), unless
    its figures in the year are worse than before the change on balance
    (:func:`_worse`): then it counts nothing, is named, and its loss is not
    netted into what the others delivered. One whose figures are too few for
    any chart, some of them in the year, counts nothing for the year, and
    is named with how many figures there are and how many a chart needs: the
    same rule as the year under way, whose months logged count nothing while
    the figures are too few (docs/money.md, "Too few figures"). One with
    figures too few for any chart, none in the year, keeps the plan's full
    rate for the year, said as such. ``None`` when no counted impact has a
    figure in the year: the year keeps its forecast.
    """
    assert ledger.start is not None
    first, last = fy_bounds(year)[0], ledger.year_end(year)
    benefit = cash = own = elsewhere = 0.0
    figures = False
    earning = False
    logged = False
    charted = False  # whether any earning impact has enough figures for a chart
    shown = False  # whether any of them with figures in the year has a chart showing the change
    plan = plan_cash = plan_own = plan_elsewhere = 0.0  # the plan's full rate, too few figures
    planned_for: list[str] = []
    unfigured: list[str] = []  # of those, the ones the log has no figure for at all
    needs = 0
    by: list[tuple[str, tuple[Period, ...]]] = []  # each charted impact's periods with no figure
    whole: list[str] = []  # the charted impacts with no figure at all in the year
    young: tuple[int, int] | None = None
    unlogged: list[Period] = []
    later: list[dt.date] = []
    worse: list[str] = []
    others = False  # whether a charted impact not worse has figures in the year
    flat: list[str] = []  # charted impacts with figures whose chart does not show the change
    lost: list[Lost] = []  # the worse ones' losses that a progress update nets
    too_few: list[str] = []  # impacts with figures in the year, too few for any chart
    parts: list[tuple[Line, Claim, dt.date]] = []  # the lines counted from the log
    for line in ledger.counted:
        claim = claims.get(line.impact.id)
        points = claim.points if claim is not None else []
        logged |= any(p.value is not None and first <= p.period.start <= last for p in points)
        begins = max(first, benefit_start(line.impact, ledger.start))
        if begins > last:
            later.append(begins)
            continue
        earning = True
        if (
            claim is not None
            and claim.analysis.kind == "none"
            and young_worse(claim, begins, last)
            and any(p.value is not None and first <= p.period.start <= last for p in points)
        ):
            # Too few figures for a chart, every one no better than the baseline and some
            # worse: nothing counted, named as worse, as in the year under way (newuser10 #3).
            charted = figures = True
            worse.append(line.impact.measure)
            continue
        if (
            claim is not None
            and claim.analysis.kind == "none"
            and claim.since is not None
            and any(p.value is not None for p in _logged_in(claim, begins, last))
        ):
            # Too few figures for any chart, some in this closed year: nothing counted for
            # the months they cover, as in the year under way (fixleft24a #6: the closed year
            # counted its figures as they were, the year under way nothing), and never the
            # plan's rate for months the log covers (reader22 #2).
            figures = True
            too_few.append(line.impact.measure)
            needs = claim.analysis.rules.min_run_points
            count = (claim.analysis.count, needs)
            young = count if young is None or count[0] < young[0] else young
            continue
        if claim is None or not points or claim.analysis.kind == "none":
            # No figure in the year: the plan's full rate, as in the year under way.
            part = _plan_part(line, ledger, year, begins)
            plan += part
            plan_cash += part if spends(line) else 0.0
            plan_own += part if spends(line) and line.own else 0.0
            plan_elsewhere += part if line.releases == "capacity" and line.elsewhere else 0.0
            planned_for.append(line.impact.measure)
            if claim is None or not any(p.value is not None for p in points):
                unfigured.append(line.impact.measure)
            if claim is not None and points:
                needs = claim.analysis.rules.min_run_points
                kind = points[-1].period.kind
                values = {p.period: p.value for p in points}
                if any(values.get(p) is not None for p in _periods(begins, last, kind)):
                    figures = True
                    count = (claim.analysis.count, needs)
                    young = count if young is None or count[0] < young[0] else young
            continue
        charted = True
        values = {p.period: p.value for p in claim.points}
        kind = claim.points[-1].period.kind
        periods = _periods(begins, last, kind)
        found = any(values.get(p) is not None for p in periods)
        figures |= found
        gaps = [p for p in periods if values.get(p) is None]
        unlogged += [p for p in gaps if p not in unlogged]
        by.append((line.impact.measure, tuple(gaps)))
        if not found:
            whole.append(line.impact.measure)
        counted_from = _counted_from(first, begins, kind)
        if found and _worse(claim, counted_from, last):
            # Worse than before the change on balance: nothing counted, never a loss netted
            # into the others, and the line names it.
            worse.append(line.impact.measure)
            loss = _loss(line, claim, counted_from, last)
            if loss is not None:
                lost.append(loss)
            continue
        shown |= found and claim.shown
        others |= found
        if found and claim.delivered_between(counted_from, last) is None:
            # Counted as nothing: its chart does not show the change. Named beside the
            # others' money, so that no impact is left out of a year's figure unsaid.
            flat.append(line.impact.measure)
        money = _money(line, claim, counted_from, last)
        parts.append((line, claim, counted_from))
        benefit += money
        if spends(line):
            cash += money
            own += money if line.own else 0.0
        elif line.elsewhere is not None:
            elsewhere += money
    if not earning and logged:
        # Logged, but every change took effect after the year ended: nothing to count, and
        # a year closed long ago is not a forecast; the line says why ("2026/27 £0 for
        # £48,000 (the change came in June 2027)").
        return Delivered(benefit=0.0, cash=0.0, why="before", changed=min(later, default=None))
    if not figures:
        return None
    if not charted:
        # Figures, but too few for any chart to tell a change from normal variation: the
        # plan's full rate, said as such, as the year under way is (:func:`line_forecast`).
        return Delivered(
            benefit=plan,
            cash=plan_cash,
            own=plan_own,
            elsewhere=plan_elsewhere,
            why="young",
            young=young,
            too_few=tuple(too_few),
        )
    # Figures in the year, none of them showing the change: £0 counted, and the line says
    # it is because the chart did not show it, not that the project delivered nothing.
    # Figures that net to exactly nothing against the baseline, for a measure whose chart
    # does show the change: "level", £0 delivered, and the line says so. Figures that net
    # to a loss were left out above (``worse``), so ``benefit`` is never below zero.
    # Beside impacts at the plan's rate (``planned_for``), the same reason is kept for the
    # charted ones, so that a year whose chart shows the change but nets to nothing reads
    # "no better than the baseline on balance", not "do not show the change".
    why = None if benefit > 0 else "level" if shown else "unshown"
    if planned_for and worse and not others:
        # The only charted figures in the year are worse: the line names them, and says
        # nothing of figures that "do not show the change", which there are none of.
        why = "worse"
    named = _named(by)
    return Delivered(
        benefit=benefit + plan,
        cash=cash + plan_cash,
        own=own + plan_own,
        elsewhere=elsewhere + plan_elsewhere,
        unlogged=tuple(sorted(unlogged)),
        unlogged_by=named,
        why=why,
        worse=tuple(worse),
        planned=plan,
        planned_for=tuple(planned_for),
        needs=needs or spc.Rules().min_run_points,
        unfigured=tuple(unfigured),
        unlogged_whole=tuple(whole) if named else (),
        flat=tuple(flat) if why is None else (),
        too_few=tuple(too_few),
        lost=tuple(lost),
        # Beside a measure at the plan's full rate the year stays spread evenly.
        steps=() if planned_for else _steps(first, last, parts),
    )


def _steps(
    first: dt.date, last: dt.date, parts: list[tuple[Line, Claim, dt.date]]
) -> tuple[Step, ...]:
    """The money delivered from ``first`` to the end of each period up to ``last``.

    Each line counted from its own day (``parts``: the line, what the log
    shows for it, the day its money counts from) and priced as the year is
    (:func:`_money`), so that the last step is the year's money, of each kind
    (all of it, the cash, the trust's own, another body's capacity). The
    payback follows them month by month
    (:meth:`~pitchkit.recast.money.Ledger.payback_logged`): a benefit that
    ramped up over the year is not read as earned evenly (newuser25 #2). A
    period with no figure, up to the last logged one, is a step holding what
    the one before it did, so that a missing month adds nothing and the next
    month's money is not spread back over it (newuser27 #2).
    """
    logged = [
        point.period
        for _, claim, _ in parts
        for point in claim.points
        if point.value is not None and first <= point.period.end < last
    ]
    ends = {last} | {period.end for period in logged}
    if logged:
        latest = max(period.end for period in logged)
        for _, claim, counted_from in parts:
            kind = claim.points[-1].period.kind
            ends |= {p.end for p in _periods(counted_from, latest, kind) if p.end <= latest}
    steps = []
    for day in sorted(ends):
        benefit = cash = own = elsewhere = 0.0
        for line, claim, counted_from in parts:
            if day < counted_from:
                continue
            money = _money(line, claim, counted_from, day)
            benefit += money
            if spends(line):
                cash += money
                own += money if line.own else 0.0
            elif line.elsewhere is not None:
                elsewhere += money
        steps.append(Step(day, benefit, cash, own, elsewhere))
    return tuple(steps) if parts else ()


def _named(by: list[tuple[str, tuple[Period, ...]]]) -> tuple[tuple[str, tuple[Period, ...]], ...]:
    """Each measure's periods with no figure, when the impacts that earn differ in them.

    With one impact, or gaps the same for every impact, the months say it
    all; otherwise a gap in one of them is named with its measure, so that it
    does not read as a year with no figures.
    """
    if len({gaps for _, gaps in by}) < 2:
        return ()
    return tuple((measure, gaps) for measure, gaps in by if gaps)


def _plan_part(line: Line, ledger: Ledger, year: int, begins: dt.date) -> float:
    """``line``'s money in financial year ``year`` at the plan's full rate, from ``begins``."""
    first, last = fy_bounds(year)[0], ledger.year_end(year)
    length = (fy_bounds(year)[1] - first).days + 1
    return line.annual * max(0, (last - begins).days + 1) / length


def _counted_from(first: dt.date, begins: dt.date, kind: PeriodKind) -> dt.date:
    """The day a year's logged money counts from: the start of the period holding ``begins``.

    A figure logged for the month (or quarter) in which the change took
    effect measures that whole period, the days before the change with it,
    and the update counts it whole (5 to 31 January is not 27/31 of
    January's figure). So the year counts it whole too, and the years add
    up to the update's total; only a period that straddles the year's own
    start (``first``) is shared between years, by its days.
    """
    return max(first, period_at(begins, kind).start)


def _periods(first: dt.date, last: dt.date, kind: PeriodKind) -> list[Period]:
    """The periods of ``kind`` from the one holding day ``first`` to the one holding ``last``."""
    found = []
    current = period_at(first, kind)
    while current.start <= last:
        found.append(current)
        current = current.following()
    return found


def _money(line: Line, claim: Claim, first: dt.date, last: dt.date) -> float:
    """The money of what ``claim`` delivered from ``first`` to ``last``, at the ledger's prices."""
    count = claim.delivered_between(first, last)
    if count is None and claim.analysis.kind == "none":
        # Too few figures for a chart, in a closed year: what they show, as they are.
        count = _net(claim, first, last)
    if count is None:
        return 0.0
    if line.counts == "money" and line.restated_cost is None:
        return count
    if line.restated_cost is None or line.impact.value is None:
        return 0.0
    # Priced as a progress update prices what it delivered: the count as it writes one
    # (whole: 4.5 falls are 5) at the unit cost the note's small print shows, the restated
    # cost to the penny (``shown_cost``: £52.58, not the £52.5794… the index gives), so that
    # a finance director's 750 x £52.58 is the year's figure and an update over the same
    # months gives the same money.
    money = shown_count(count) * shown_cost(line.restated_cost, line.impact.value.amount)
    # New spend (``releases: cost``): the log's rise so far is what the change added to spend.
    return -money if is_cost(line) else money


def _loss(line: Line, claim: Claim, first: dt.date, last: dt.date) -> Lost | None:
    """What a progress update takes off ``line``'s delivery for a year the block counts £0.

    Only a measure whose chart shows the change is counted in an update,
    from the change on, its worse months netted against its better ones; the
    loss is priced as :func:`_money` prices a gain (the count as written, at
    the small print's cost). ``None`` when the update counts nothing for it.
    """
    if not claim.shown:
        return None
    count = claim.delivered_between(first, last)
    if count is None or count >= 0:
        return None
    impact = line.impact
    if line.counts == "money" and line.restated_cost is None:
        return Lost(impact.measure, impact.unit, -count, None, float(whole_figure(-count)))
    if line.restated_cost is None or impact.value is None:
        return None
    size = float(whole(count))
    cost = shown_cost(line.restated_cost, impact.value.amount)
    return Lost(impact.measure, impact.unit, size, cost, size * cost)


def shown_count(delivered: float) -> float:
    """A delivered count as an update writes it: whole, with its sign (:func:`whole`)."""
    return math.copysign(whole(delivered), delivered)


def whole(value: float) -> int:
    """The size of ``value`` as a count is written: a whole number, a half rounded up.

    Half up, as a reader rounds by hand (4.5 falls are 5), not to the even
    number Python's ``round`` gives (4).
    """
    return whole_figure(abs(value))


@dataclass(frozen=True)
class Standing:
    """What the log shows of an impact the plan values, when it does not bear the plan out.

    ``kind`` is ``"worse"`` (its figures since the change are worse than
    before it, by ``amount`` in the measure's own units) or ``"flat"`` (its
    chart, with enough figures, does not show the change); ``upto`` is the
    last day its figures cover.
    """

    kind: str
    amount: float
    upto: dt.date
    #: For ``"flat"``: the periods of a point or two past the limits the better way that do
    #: not show the change (:func:`~pitchkit.notes.update.claims.isolated_periods`).
    better: tuple[Period, ...] = ()
    #: For :func:`below_baseline`: the periods ``amount`` is counted over, what the baseline
    #: gives for them in all, and whether the chart shows no change either way (the
    #: difference is within normal variation, newuser35 #4).
    periods: tuple[Period, ...] = ()
    baseline: float = 0.0
    normal: bool = False


def change_shown(ledger: Ledger | None, facts: Facts, impact_id: str) -> bool | None:
    """Whether ``impact_id``'s chart, by the note's date, shows the change.

    ``None`` when the log has no figure for it from the change on (nothing
    to follow); else whether its chart shows the change, as an update
    claims it (docs/spc.md).
    """
    if ledger is None or ledger.today is None or not (facts.updates or facts.figures):
        return None
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or claim.since is None:
        return None
    today = ledger.today
    since = claim.since
    if not any(
        p.value is not None and p.period >= since and p.period.end < today for p in claim.points
    ):
        return None
    return claim.shown


def below_baseline(ledger: Ledger, facts: Facts, impact_id: str) -> Standing | None:
    """How much worse than the baseline ``impact_id``'s figures since the change are, in all.

    Whatever its chart shows: income that falls, or spend that rises, is worse
    money whether or not a chart can yet tell it from normal variation, and
    the finance block says so (newuser32 #4). ``None`` when they net to no
    loss, or there are none.
    """
    if ledger.today is None or not (facts.updates or facts.figures):
        return None
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or claim.since is None:
        return None
    after = [
        p
        for p in claim.points
        if p.value is not None and p.period >= claim.since and p.period.end < ledger.today
    ]
    if not after:
        return None
    loss = -sum(claim.gain(p) for p in after)
    if loss <= 0:
        return None
    values = sum(p.value for p in after if p.value is not None)
    return Standing(
        "worse",
        loss,
        max(p.period.end for p in after),
        periods=tuple(p.period for p in after),
        # The baseline's total over those periods: the figures' total, less (or plus) the loss.
        baseline=values - loss if claim.impact.direction == "lower" else values + loss,
        normal=claim.analysis.kind != "none" and not (claim.shown or worsening(claim)),
    )


def standing(ledger: Ledger | None, facts: Facts, impact_id: str) -> Standing | None:
    """Whether the log, by the note's date, contradicts the plan for ``impact_id``.

    A brief written after months of log does not headline a plan the
    figures contradict as if it were happening: a measure they show worse
    than before the change, or one whose chart does not show the change and
    whose money the finance block so counts as nothing
    (:func:`_shows_nothing`), or one with too few figures for a chart, every
    one no better than the baseline (:func:`young_worse`). ``None`` when the
    log bears the plan out, is too young to tell, or has no figures for the
    impact.
    """
    if ledger is None or ledger.today is None or not (facts.updates or facts.figures):
        return None
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or claim.since is None:
        return None
    since = claim.since
    after = [
        p
        for p in claim.points
        if p.value is not None and p.period >= since and p.period.end < ledger.today
    ]
    if not after:
        return None
    upto = max(p.period.end for p in after)
    if claim.analysis.kind == "none":
        # Too few figures for a chart: too young to tell, unless every one is no better than
        # the baseline, which the finance block counts nothing for (newuser10 #3).
        if young_worse(claim, last=ledger.today - dt.timedelta(days=1)):
            return Standing("worse", -sum(claim.gain(p) for p in after), upto)
        return None
    if _worse(claim, since.start, upto):
        return Standing("worse", -sum(claim.gain(p) for p in after), upto)
    if _shows_nothing(claim, ledger.today):
        return Standing("flat", 0.0, upto, better=isolated_periods(claim))
    return None


def too_early_count(
    ledger: Ledger | None, facts: Facts, impact_id: str
) -> tuple[int, int, dt.date] | None:
    """For an impact whose figures since the change are too few for its chart to show it.

    The figures from the change on are fewer than a shift needs
    (:func:`_too_early`), on the better side, and counted as not yet telling
    (:func:`_not_yet`): how many there are, how many a shift needs, and the
    last day they cover, so that a brief says it is too early to count
    rather than nothing (newuser27 #4). ``None`` otherwise.
    """
    if ledger is None or ledger.today is None or not (facts.updates or facts.figures):
        return None
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or claim.since is None or claim.analysis.kind == "none":
        return None
    since = claim.since
    after = [
        p
        for p in claim.points
        if p.value is not None and p.period >= since and p.period.end < ledger.today
    ]
    if not after or not _too_early(claim, len(after)) or not _not_yet(claim, ledger.today):
        return None
    rules = claim.analysis.rules
    needs = rules.spc_shift if claim.analysis.kind == "xmr" else rules.run_shift
    return len(after), needs, max(p.period.end for p in after)


@dataclass(frozen=True)
class Shown:
    """What the log shows of an impact whose chart, by the note's date, shows the change.

    ``delivered`` is the count since the change (``None`` for a level);
    ``counted`` the periods with a figure from the change on; ``latest``
    the last figure before the note's date; ``met`` whether it is at or past
    the target. By the update's rule for "met" (:func:`~.claims.met_since`):
    ``held`` whether the chart's limits lie wholly on the target's better
    side, so the target is met for good; ``met_from`` the first of a run of
    periods at or past it up to the latest, when there are two or more.
    """

    delivered: float | None
    counted: tuple[Period, ...]
    latest: Point
    met: bool
    held: bool = False
    met_from: Period | None = None
    #: The first period of the run that shows the change (a shift or trend the better way,
    #: from the change on), as the update's chart reads it; ``None`` when no run shows it.
    began: Period | None = None
    #: The log's mean before the change that ``delivered`` is counted from, and its
    #: periods; ``None`` when it is counted from the facts' baseline.
    reference: float | None = None
    reference_periods: tuple[Period, ...] = ()


def shown_so_far(ledger: Ledger | None, facts: Facts, impact_id: str) -> Shown | None:
    """What the log shows so far of ``impact_id``, when its chart shows the change.

    "Shows the change" as the update claims it (:func:`change_shown`: a
    shift or trend the better way, or figures whose median is past the
    baseline's two-sigma line). ``None`` otherwise, or with no log.
    """
    if ledger is None or ledger.today is None or not (facts.updates or facts.figures):
        return None
    claim = _claims(ledger, facts).get(impact_id)
    if claim is None or claim.since is None or not claim.shown:
        return None
    today, since = ledger.today, claim.since
    after = [
        p
        for p in claim.points
        if p.value is not None and p.period >= since and p.period.end < today
    ]
    if not after:
        return None
    latest = after[-1]
    assert latest.value is not None
    lower = claim.impact.direction == "lower"
    met = latest.value <= latest.target if lower else latest.value >= latest.target
    delivered = claim.delivered_between(since.start, latest.period.end)
    first = met_since(claim.points, claim.impact, latest) if met else None
    return Shown(
        delivered,
        tuple(p.period for p in after),
        latest,
        met,
        held=met and claim.analysis.assurance == "pass",
        met_from=first.period if first is not None else None,
        began=_began(claim),
        reference=claim.reference,
        reference_periods=claim.reference_periods if claim.reference is not None else (),
    )


def _began(claim: Claim) -> Period | None:
    """Where the run that shows ``claim``'s change begins, from the change on.

    The earliest shift the better way that runs into the months since the
    change (else the shift against the facts' baseline, on a chart with no
    baseline of its own, else any other signal the better way), its start
    held to the change: "a sustained change
    since September 2027", where the falls rate's April 2027, its project's
    first month, was above the baseline and the shift began in September
    (reader22 #3).
    """
    analysis = claim.analysis
    since = analysis.change_at or 0
    better = [s for s in analysis.signals if s.improvement is True and s.end >= since]
    shift = analysis.baseline_shift
    # A sustained change is a shift: the chart's own, else one against the facts' baseline,
    # else whatever else shows it (a trend from a first month above the limits is not one).
    shifts = [s for s in better if s.rule == "shift"]
    if shifts:
        better = shifts
    elif shift is not None and shift.improvement is True:
        better = [shift]
    if not better:
        return None
    start = max(min(s.start for s in better), since)
    return claim.points[start].period if start < len(claim.points) else None


def log_averages(ledger: Ledger, facts: Facts, lang: Language) -> str:
    """What "delivered" is counted against, when it is the log's mean before the change.

    ``Delivered is counted against the average before the change, not
    the plan's baseline: 193.1 bed days a month (January 2025 to February
    2026).`` A finance director given only the plan's baseline (2,600 bed
    days a year) cannot reproduce "£54,000 delivered" from the page
    (newuser15 #5); each counted measure whose delivery rests on the mean
    logged before its change is named by that mean, to one decimal place
    (as the update gives it) and with its months. Empty when no year is read
    from the log, or no counted measure's delivery rests on such a mean.
    """
    from pitchkit.i18n import fmt
    from pitchkit.notes import wording
    from pitchkit.notes.update import spans
    from pitchkit.notes.update.measures import mean_text

    if not ledger.logged or ledger.today is None:
        return ""
    claims = _claims(ledger, facts)
    named: list[tuple[str, str, str]] = []  # each mean's rate, its "a month", its months
    for line in ledger.counted:
        claim = claims.get(line.impact.id)
        if claim is None or claim.reference is None or claim.delivered is None:
            continue
        periods = claim.reference_periods
        if not periods:
            continue
        named.append(
            (
                mean_text(claim.reference, claim.impact, lang),
                wording.per_phrase(periods[-1].kind, lang),
                spans.span_text(periods, lang),
            )
        )
    if not named:
        return ""
    with_months = lang.gettext("{rate} {per} ({span})")
    if len(named) > 1 and len({span for _, _, span in named}) == 1:
        # The same months for every mean are said once, after the last: "380 shifts a month,
        # 240 pads a month and 520 bed days a month (September 2024 to August 2025)", not
        # "(September 2024 to August 2025)" three times (a line of a page the note needs).
        *firsts, (rate, per, span) = named
        averages = [f"{first} {first_per}" for first, first_per, _ in firsts]
        averages.append(with_months.format(rate=rate, per=per, span=span))
    else:
        averages = [with_months.format(rate=r, per=p, span=s) for r, p, s in named]
    return lang.gettext(
        "Delivered is counted against the average before the change: {averages}."
    ).format(averages=fmt.join_list(averages, lang))
