"""Where the project stands for the update's period: the facts, the log entry and the figures.

:func:`situate` picks the period (the one asked for, or the latest logged),
finds its log entry if there is one, and works out the progress of every
measure up to it (:mod:`pitchkit.notes.update.progress`). Every other part of the update
is worded from the :class:`Situation` it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from pitchkit.errors import InputError
from pitchkit.facts.schema import Director, Facts, Update
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes.targetchange import facts_at
from pitchkit.notes.update import rollup, spc
from pitchkit.notes.update.claims import Claim, change_dates, judge
from pitchkit.notes.update.progress import (
    MeasureProgress,
    Series,
    measure_progress,
    series,
)
from pitchkit.period import PERIOD_MONTHS, Period, parse_asked_period, parse_period, period_at
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import Pitch, recast


@dataclass(frozen=True)
class Situation:
    """Everything the update is worked out from."""

    facts: Facts
    pitch: Pitch
    period: Period
    entry: Update | None
    run: Series
    progress: tuple[MeasureProgress, ...]
    lang: Language
    #: The run the charts are drawn from: the months, for a quarter or year built from them.
    chart_run: Series | None = field(default=None)
    #: Impacts whose money another impact already counts: no money is claimed for them.
    counted_elsewhere: frozenset[str] = field(default=frozenset())
    #: The day the update is written: a period not over by then is not missing yet.
    today: dt.date | None = field(default=None)
    #: At most this many charts, when fewer than the usual limit keep the update to two
    #: pages (a Welsh update measured by LibreOffice: see :func:`~.making.make_update`).
    charts_at_most: int | None = field(default=None)
    #: At most this many signals named in a chart's caption, the rest counted, when the
    #: full list would take the update past two pages (:func:`~.making.make_update`).
    signals_at_most: int | None = field(default=None)
    #: The small print under the charts kept short: the chart rules left to each chart's
    #: words, the note on the charts shown without their order, the measures without a
    #: chart counted when none has one. Fitting asks for it before it leaves out a chart
    #: a claim rests on, or the last chart, and to bring a tail of small print back from a
    #: page of its own (:func:`~.making.fit_update`).
    short_small_print: bool = field(default=False)
    #: The unit costs behind the money in an update for a director other than finance:
    #: fitting leaves them out before it leaves out a chart (:func:`~.making.fit_update`).
    other_unit_costs: bool = field(default=True)

    @cached_property
    def claims(self) -> dict[str, Claim]:
        """Each measure's chart and what may be claimed from it, by impact id."""
        return claims_for(self.facts, self.chart_run or self.run, self.counted_elsewhere)

    @property
    def fill_in(self) -> bool:
        """Whether there is no log entry for the period, so the team fills it in."""
        return self.entry is None

    @property
    def terms(self) -> dict[str, str]:
        """The director's own words."""
        return dict(self.pitch.director.terms)


def chosen_period(facts: Facts, period: str | None, today: dt.date) -> Period:
    """The period asked for, or by default the latest logged (see :func:`default_period`).

    Raises :class:`~pitchkit.errors.InputError` for a month inside a
    quarter (or a year) the progress log already has an entry for, unless
    that month is logged itself: its update would be a blank monthly draft
    for figures the log keeps by quarter, so the message names the period
    to ask for instead. A month after the log's last quarter may start a
    monthly log.
    """
    if not period:
        return default_period(facts, today)
    chosen = parse_asked_period(period)
    logged = {u.period for u in facts.updates} | set(facts.figures)
    if chosen.text in logged:
        return chosen
    around = [
        p
        for p in map(parse_period, logged)
        if PERIOD_MONTHS[p.kind] > PERIOD_MONTHS[chosen.kind]
        and p.start <= chosen.start
        and chosen.end <= p.end
    ]
    if around:
        kept = min(around, key=lambda p: PERIOD_MONTHS[p.kind])
        raise InputError(
            Message(
                "--period {period}: the progress log is kept by {kind}, so there is no "
                "update for {period} alone: ask for {around}, the {kind} it falls in",
                period=chosen.text,
                kind=Message(KIND_WORDS[kept.kind]),
                around=kept.text,
            )
        )
    return chosen


#: A kind of period, as the log is "kept by" it.
KIND_WORDS = {"month": N_("month"), "quarter": N_("quarter"), "year": N_("year")}


def logged_entry(facts: Facts, period: Period) -> Update | None:
    """The progress log's entry for ``period``; ``None`` makes a fill-in template."""
    return next((u for u in facts.updates if u.period == period.text), None)


def built_entry(facts: Facts, period: Period) -> tuple[Update | None, rollup.Rollup | None]:
    """The entry for a quarter or year logged month by month, built from its months.

    Only once its last month is logged: before that the period is still
    under way, and a fill-in asks for its figures. ``(None, None)`` for a
    month, or when the period is not built.
    """
    if period.kind == "month":
        return None, None
    last = f"{period.end.year}-{period.end.month:02d}"
    if last not in {u.period for u in facts.updates}:
        return None, None
    built = rollup.rolled_up(facts, period.kind, until=period)
    entry = next((u for u in built.updates if u.period == period.text), None)
    return (entry, built) if entry is not None else (None, None)


def months_logged(facts: Facts, period: Period) -> tuple[tuple[Period, ...], tuple[Period, ...]]:
    """The months of ``period`` the progress log has an entry for, and those it has none for."""
    logged = {u.period for u in facts.updates}
    months = rollup.months_of(period)
    return (
        tuple(m for m in months if m.text in logged),
        tuple(m for m in months if m.text not in logged),
    )


def log_runs(facts: Facts, chosen: Period) -> tuple[Update | None, Series, Series | None]:
    """The period's log entry, the run of periods up to it, and the run its charts are drawn from.

    The charts' run is ``None`` unless the period is a quarter or year built
    from its months (then it is the run of those earlier periods).
    """
    entry = logged_entry(facts, chosen)
    run = series(facts.updates, until=chosen, figures=facts.figures)
    chart_run = None
    if run.kind != "month" and any(parse_period(u.period).kind == "month" for u in facts.updates):
        # Months logged before the quarters (or years) count as the quarters they make.
        earlier = rollup.rolled_up(facts, run.kind, until=chosen)
        run = series(earlier.updates, until=chosen, figures=facts.figures, made=earlier.made)
    if entry is None:
        entry, built = built_entry(facts, chosen)
        if built is not None:
            chart_run = run
            run = series(built.updates, until=chosen, figures=facts.figures, made=built.made)
    if chart_run is None and (found := rollup.figures_rolled_up(facts, chosen)):
        # A quarter (or year) a measures spreadsheet gives month by month: its figures are
        # built from its months, charted by month, and the log's words (an entry for the
        # quarter with no figures, or a fill-in) go with them (newuser28 #1).
        figures, made = found
        chart_run = run
        run = series(facts.updates, until=chosen, figures=figures, made=made)
    return entry, run, chart_run


def claims_for(facts: Facts, run: Series, counted_elsewhere: frozenset[str]) -> dict[str, Claim]:
    """Each measure's chart on ``run`` and what may be claimed from it, by impact id."""
    settings = facts.settings
    rules = spc.Rules(spc_shift=settings.spc_shift, spc_trend=settings.spc_trend)
    found = {}
    for impact in facts.impacts:
        progress = measure_progress(impact, run)
        points = [p for p in progress.points if p.period.kind == run.kind]
        claim = judge(progress, points, dates=change_dates(impact, facts), rules=rules)
        if impact.id in counted_elsewhere:
            claim = replace(claim, money=None)
        found[impact.id] = claim
    return found


def situate(
    facts: Facts, director: Director, lang: Language, *, period: str | None, today: dt.date
) -> Situation:
    """Choose the period and work out the progress of every measure up to it."""
    chosen = chosen_period(facts, period, today)
    # A target changed after the period: the update reads it against the one in force then.
    facts = facts_at(facts, chosen)
    entry, run, chart_run = log_runs(facts, chosen)
    ended = facts.ended_periods(today)
    if chosen.end >= today and ended:
        # A period still under way: its figures (and any later ones) are not counted
        # until it is over, as a brief of the same day counts only the periods ended.
        # A log wholly ahead of today (an example as shipped) is read as it stands.
        _, run, chart_run = log_runs(facts, ended[-1])
    # Its money is priced in the financial year of the period it reports (reader27 #1), or
    # of today for a period not yet over (a draft for a later month is priced as of today).
    prices_on = min(chosen.end, today)
    # Its claims, counts and money read the log only up to the period, as its charts do: the
    # money block's "so far" and the rest of the year are counted from the period's end, not
    # from the day the update is run, so that February's update says the same in March as in
    # July (newuser38 #2: run in July it counted June's six figures since the change, at
    # the XmR chart's "7 in a row", where February had 2 on a run chart needing 6).
    as_of = min(today, chosen.end + dt.timedelta(days=1))
    pitch = localise_pitch(recast(facts, director, today=as_of, prices_on=prices_on), lang)
    progress = [measure_progress(i, run) for i in facts.impacts]
    counted_elsewhere: set[str] = set()
    if pitch.ledger is not None:  # money another impact already counts is not shown again
        counted_elsewhere = {line.impact.id for line in pitch.ledger.lines if line.within}
        progress = [
            replace(p, delivered_money=None)
            if p.impact.id in counted_elsewhere
            else _restated(p, pitch)
            for p in progress
        ]
    return Situation(
        facts=facts,
        pitch=pitch,
        period=chosen,
        entry=entry,
        run=run,
        progress=tuple(progress),
        lang=lang,
        chart_run=chart_run,
        counted_elsewhere=frozenset(counted_elsewhere),
        today=today,
    )


def default_period(facts: Facts, today: dt.date) -> Period:
    """The latest logged period that has ended by ``today``.

    With ``cadence: quarter``, the latest quarter logged and over (see
    :func:`_latest_quarter`), when there is one. A period with figures
    from a measures spreadsheet counts as logged. A period still under way
    is not the default, even with an entry: its figures are not all in (an
    entry for October to December, dated in January, is not the update to
    send on 5 December). A log none of whose
    periods has ended (an example file as shipped, years ahead) gives its
    latest period; with no log, the last full period before ``today``, never
    earlier than the period the project starts in.
    """
    logged = [u.period for u in facts.updates] + list(facts.figures)
    ended = facts.ended_periods(today)
    if ended and (quarter := _latest_quarter(facts, ended)) is not None:
        return quarter
    if ended:
        return ended[-1]
    if logged:  # a log wholly ahead of today (an example as shipped): its latest period
        return max(parse_period(text) for text in logged)
    kind = facts.settings.cadence or "month"
    current = period_at(today, kind)
    previous = period_at(current.start - dt.timedelta(days=1), kind)
    start = facts.project.start
    if start is not None and previous.end < start:
        return period_at(start, kind)
    return previous


def _latest_quarter(facts: Facts, ended: list[Period]) -> Period | None:
    """For ``cadence: quarter``: the latest quarter logged and over, else ``None``.

    A quarter is logged when the log has an entry for it, or has its last
    month (an entry or a spreadsheet's figures), from which it is built: a
    team that reports by quarter gets its quarter, not the latest month's
    draft (newuser28 #10). Months logged after the latest such quarter, in a
    quarter not yet over, wait for it.
    """
    if facts.settings.cadence != "quarter":
        return None
    quarters = [p for p in ended if p.kind == "quarter"] + [
        period_at(p.start, "quarter")
        for p in ended
        if p.kind == "month" and p.end == period_at(p.start, "quarter").end
    ]
    return max(quarters) if quarters else None


def _restated(progress: MeasureProgress, pitch: Pitch) -> MeasureProgress:
    """``progress`` with its money at the pitch's price base, as the briefing note gives it.

    A unit cost in 2016/17 prices priced at 2016/17 prices would put the
    update's money a quarter below the note's for the same admissions.
    """
    ledger = pitch.ledger
    line = ledger.line(progress.impact.id) if ledger is not None else None
    if ledger is None or line is None or line.restated_cost is None or line.uplift is None:
        return progress
    money = progress.delivered_money
    if progress.delivered is not None and money is not None:
        money = progress.delivered * line.restated_cost
    return replace(
        progress,
        delivered_money=money,
        restated_value=line.restated_cost,
        price_base=ledger.price_year,
    )
