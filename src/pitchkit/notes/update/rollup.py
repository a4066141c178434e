"""Quarters and years built from the months logged in them.

A team that logs monthly can still ask for a quarterly or yearly update.
:func:`rolled_up` makes one entry per quarter (or year) from the months in
it, each measure as its kind adds up:

- a count over time (an impact with ``per``) is the sum of its months, and
  only when every month has a figure, since a sum of some months would read
  as a fall; the months with none are kept, so that the update can name them;
- a count of people or things at a point in time (a level with a unit such
  as patients or beds: a waiting list, beds occupied) is the latest month's
  figure, as a list size at the end of a quarter is reported;
- any other level (a percentage, a rate, an average, a score, a time) is the
  mean of the months that have one.

The words of the entry come from its months: everything done in any of them
(an item logged in more than one month, such as a weekly huddle, once), and
the status, summary, next steps, barriers, asks, advice and score of the
latest.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pitchkit.facts.schema import Facts, Impact, Update
from pitchkit.notes.update.progress import FromMonths
from pitchkit.period import Period, PeriodKind, parse_period, period_at

#: Words that make a level a share, a rate, an average, a score or a time, in
#: English or Welsh: its months are averaged, not read at the latest.
_AVERAGED = re.compile(
    r"%|/|\b(?:per|rate|ratio|average|mean|median|score|index|percent|percentage|"
    r"proportion|share|length of stay|utilisation|occupancy|fesul|cyfradd|cymhareb|"
    r"cyfartaledd|cyfartalog|canolrif|sgôr|mynegai|canran|cyfran|hyd arhosiad|defnydd)\b",
    re.IGNORECASE,
)
#: Units of time (a level in them is an average time, such as a length of stay).
_TIME_UNIT = re.compile(
    r"\b(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"eiliad|munud|awr|oriau|diwrnod|dyddiau|wythnos|wythnosau|mis|misoedd|blwyddyn)\b",
    re.IGNORECASE,
)


def at_a_point_in_time(impact: Impact) -> bool:
    """Whether ``impact`` counts people or things at a point in time (a list, beds in use).

    Such a level is read at the latest month of a quarter or year, as a
    waiting list is: half a patient, the mean of 205 and 170, is nobody's
    figure. A level in a percentage, a rate, an average, a score or a unit of
    time is averaged instead.
    """
    if impact.per is not None:
        return False
    if _TIME_UNIT.search(impact.unit) or _AVERAGED.search(impact.unit):
        return False
    return not _AVERAGED.search(impact.measure)


@dataclass(frozen=True)
class Rollup:
    """The log with months rolled up, and how each built figure was made."""

    updates: list[Update]
    #: Period text → impact id → the months behind that period's figure.
    made: dict[str, dict[str, FromMonths]] = field(default_factory=dict)


def rolled_up(facts: Facts, kind: PeriodKind, *, until: Period) -> Rollup:
    """The log with its months ending by ``until`` rolled up into ``kind`` periods.

    Entries already logged for a ``kind`` period are kept as they are, and
    their months left out. Months of other periods stay monthly.
    """
    logged = {u.period for u in facts.updates}
    months: dict[str, list[tuple[Period, Update]]] = {}
    kept: list[Update] = []
    for update in facts.updates:
        period = parse_period(update.period)
        if period.kind != "month" or period.end > until.end:
            kept.append(update)
            continue
        whole = period_at(period.start, kind)
        if whole.text in logged:
            continue
        months.setdefault(whole.text, []).append((period, update))
    made: dict[str, dict[str, FromMonths]] = {}
    for text, entries in months.items():
        period = parse_period(text)
        update, made[text] = combined(facts, period, sorted(entries, key=lambda e: e[0]))
        kept.append(update)
    return Rollup(kept, made)


def months_of(period: Period) -> list[Period]:
    """The months of ``period``, oldest first."""
    found = [period_at(period.start, "month")]
    while len(found) < period.months:
        found.append(found[-1].following())
    return found


def figures_rolled_up(
    facts: Facts, until: Period
) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, FromMonths]]] | None:
    """A measures spreadsheet's months rolled up into ``until``'s kind, when it gives its months.

    A team that keeps its figures month by month in a spreadsheet (``measures:``)
    and asks for a quarter's update has the quarter built from its months, as
    a progress log kept by month has (:func:`rolled_up`), once the
    spreadsheet has its last month (newuser12 #4): the figures are filled in,
    and only the log's words are left to write. Every month ending by
    ``until`` is rolled up into its quarter (or year), except those of a
    period the spreadsheet or the log gives itself. ``None`` for a month, a
    period with any of its months logged (it is built from those entries), or
    a spreadsheet without the period's last month: its figures as they stand.

    A log entry for the quarter itself (its words: status, what was done) does
    not stop its months from making its figures: the finished update reports
    the same quarter as the draft did (newuser28 #1). Where the entry gives a
    figure for a measure, the log's stands (:func:`~.progress.series`).
    """
    if until.kind == "month":
        return None
    logged = {u.period for u in facts.updates}
    last = f"{until.end.year}-{until.end.month:02d}"
    if until.text in facts.figures or last not in facts.figures:
        return None
    inside = {month.text for month in months_of(until)}
    if inside & logged:
        # The log has months of the period itself: built from its entries once it has the
        # last of them (situation.built_entry), a fill-in before. Months logged for other
        # periods (an entry for November beside a spreadsheet, asked for the quarter
        # before) do not stop the spreadsheet's months from making it (newuser13 #4).
        return None
    own = {text for text in facts.figures if parse_period(text).kind == until.kind}
    figures: dict[str, dict[str, float | None]] = {}
    months: dict[str, dict[Period, dict[str, float | None]]] = {}
    for text, values in facts.figures.items():
        period = parse_period(text)
        whole = period_at(period.start, until.kind)
        if period.kind != "month" or period.end > until.end or whole.text in own:
            figures[text] = dict(values)
            continue
        months.setdefault(whole.text, {})[period] = dict(values)
    made: dict[str, dict[str, FromMonths]] = {}
    for text, by_month in months.items():
        figures[text], made[text] = combined_measures(facts, parse_period(text), by_month)
    return figures, made


def combined(
    facts: Facts, period: Period, entries: Sequence[tuple[Period, Update]]
) -> tuple[Update, dict[str, FromMonths]]:
    """One entry for ``period`` from its months' entries (oldest first), and their months."""
    latest = entries[-1][1]
    measures, made = combined_measures(
        facts, period, {month: update.measures for month, update in entries}
    )
    update = latest.model_copy(
        update={
            "period": period.text,
            # dict.fromkeys keeps the first of each item, in the order logged.
            "done": list(dict.fromkeys(item for _, u in entries for item in u.done)),
            "measures": measures,
        }
    )
    return update, made


def combined_measures(
    facts: Facts, period: Period, figures: Mapping[Period, Mapping[str, float | None]]
) -> tuple[dict[str, float | None], dict[str, FromMonths]]:
    """Each measure's figure for ``period`` from its months' figures, and the months behind it."""
    measures: dict[str, float | None] = {}
    made: dict[str, FromMonths] = {}
    for impact in facts.impacts:
        by_month = [(month, figures.get(month, {}).get(impact.id)) for month in months_of(period)]
        values = [value for _, value in by_month if value is not None]
        snapshot = at_a_point_in_time(impact)
        made[impact.id] = FromMonths(
            logged=tuple(month for month, value in by_month if value is not None),
            unlogged=tuple(month for month, value in by_month if value is None),
            latest_only=snapshot,
        )
        if not values:
            measures[impact.id] = None
        elif impact.per is not None:
            measures[impact.id] = sum(values) if len(values) == len(by_month) else None
        elif snapshot:
            measures[impact.id] = values[-1]
        else:
            measures[impact.id] = statistics.fmean(values)
    return measures, made
