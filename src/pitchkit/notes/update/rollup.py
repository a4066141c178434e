"""Quarters and years built from the months logged in them.

A team that logs monthly can still ask for a quarterly or yearly update.
:func:`rolled_up` makes one entry per quarter (or year) from the months in
it: a count (an impact with ``per``) is the sum of its months, and only
when every month has a figure, since a sum of some months would read as a
fall; a level (a percentage, a score) is the mean of the months that have
one. The words of the entry come from its months: everything done in any
of them, and the status, summary, next steps, barriers, asks, advice and
score of the latest.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from pitchkit.facts.schema import Facts, Update
from pitchkit.period import Period, PeriodKind, parse_period, period_at


def rolled_up(facts: Facts, kind: PeriodKind, *, until: Period) -> list[Update]:
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
    for text, entries in months.items():
        kept.append(combined(facts, parse_period(text), sorted(entries, key=lambda e: e[0])))
    return kept


def combined(facts: Facts, period: Period, entries: Sequence[tuple[Period, Update]]) -> Update:
    """One entry for ``period`` from its months' entries (oldest first)."""
    latest = entries[-1][1]
    measures: dict[str, float | None] = {}
    for impact in facts.impacts:
        values = [u.measures.get(impact.id) for _, u in entries]
        figures = [v for v in values if v is not None]
        if impact.per is not None:
            complete = len(entries) == period.months and len(figures) == len(entries)
            measures[impact.id] = sum(figures) if complete else None
        else:
            measures[impact.id] = statistics.fmean(figures) if figures else None
    return latest.model_copy(
        update={
            "period": period.text,
            "done": [item for _, u in entries for item in u.done],
            "measures": measures,
        }
    )
