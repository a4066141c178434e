"""Where the project stands for the update's period: the facts, the log entry and the figures.

:func:`situate` picks the period (the one asked for, or the latest logged),
finds its log entry if there is one, and works out the progress of every
measure up to it (:mod:`pitchkit.notes.update.progress`). Every other part of the update
is worded from the :class:`Situation` it returns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from pitchkit.facts.schema import Director, Facts, Update
from pitchkit.i18n.translation import Language
from pitchkit.notes.update.progress import (
    MeasureProgress,
    Period,
    Series,
    measure_progress,
    parse_period,
    period_at,
    series,
)
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

    @property
    def fill_in(self) -> bool:
        """Whether there is no log entry for the period, so the team fills it in."""
        return self.entry is None

    @property
    def terms(self) -> dict[str, str]:
        """The director's own words."""
        return dict(self.pitch.director.terms)


def chosen_period(facts: Facts, period: str | None, today: dt.date) -> Period:
    """The period asked for, or by default the latest logged (see :func:`default_period`)."""
    return parse_period(period) if period else default_period(facts, today)


def logged_entry(facts: Facts, period: Period) -> Update | None:
    """The progress log's entry for ``period``; ``None`` makes a fill-in template."""
    return next((u for u in facts.updates if u.period == period.text), None)


def situate(
    facts: Facts, director: Director, lang: Language, *, period: str | None, today: dt.date
) -> Situation:
    """Choose the period and work out the progress of every measure up to it."""
    chosen = chosen_period(facts, period, today)
    entry = logged_entry(facts, chosen)
    run = series(facts.updates, until=chosen)
    pitch = localise_pitch(recast(facts, director, today=today), lang)
    progress = [measure_progress(i, run) for i in facts.impacts]
    if pitch.ledger is not None:  # money another impact already counts is not shown again
        counted_elsewhere = {line.impact.id for line in pitch.ledger.lines if line.within}
        progress = [
            replace(p, delivered_money=None) if p.impact.id in counted_elsewhere else p
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
    )


def default_period(facts: Facts, today: dt.date) -> Period:
    """The latest logged period; with no log, the last full period before ``today``.

    Never earlier than the period the project starts in.
    """
    if facts.updates:
        return max(parse_period(u.period) for u in facts.updates)
    kind = facts.settings.cadence or "month"
    current = period_at(today, kind)
    previous = period_at(current.start - dt.timedelta(days=1), kind)
    start = facts.project.start
    if start is not None and previous.end < start:
        return period_at(start, kind)
    return previous
