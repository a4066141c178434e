"""A target changed part way through: ``target_was: {value: 80, until: 2026-10}`` on an impact.

The earlier target is the one in force for a period that ends by the end of
``until``: an update for such a period is read against it, as it was when it
was sent. From the period after ``until`` the impact's ``target`` applies,
and every note that shows it for a period (or a day) on or after the change
says so: "75 admissions a month from November 2026 (was 80)" (newuser26 #2).

A target changed more than once gives a list, each earlier target with the
last period it applied to (``[{value: 80, until: 2026-06}, {value: 78,
until: 2026-10}]``): 80 to June, 78 from July to October, the ``target``
from November. Each period is read against the target in force in it, and
the "was" beside a target is the one just before it.
"""

from __future__ import annotations

import datetime as dt

from pitchkit.facts.schema import Facts, Impact, TargetWas
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.period import Period, parse_period, period_at


def _start_after(was: TargetWas) -> Period:
    """The first month after ``was.until``: where the next target takes over."""
    return period_at(parse_period(was.until).end + dt.timedelta(days=1), "month")


def earlier_targets(impact: Impact) -> list[TargetWas]:
    """The impact's earlier targets, oldest first (by ``until``, in whatever order written)."""
    return sorted(impact.target_was, key=lambda was: parse_period(was.until).end)


def last_was(impact: Impact) -> TargetWas | None:
    """The target just before the present one; ``None`` if it never changed."""
    earlier = earlier_targets(impact)
    return earlier[-1] if earlier else None


def changed_from(impact: Impact) -> Period | None:
    """The first month the impact's present target applies to; ``None`` if it never changed."""
    was = last_was(impact)
    return None if was is None else _start_after(was)


def in_force(impact: Impact, period: Period) -> Impact:
    """``impact`` with the target in force for ``period``.

    Its ``target_was`` keeps only the targets before that one, so what is
    said of a change ("was 80") is said of the change into ``period``'s target.
    """
    earlier = earlier_targets(impact)
    for index, was in enumerate(earlier):
        if period.end < _start_after(was).start:
            return impact.model_copy(update={"target": was.value, "target_was": earlier[:index]})
    return impact


def facts_at(facts: Facts, period: Period) -> Facts:
    """``facts`` with each impact's target the one in force for ``period``."""
    impacts = [in_force(i, period) for i in facts.impacts]
    if all(a is b for a, b in zip(impacts, facts.impacts, strict=True)):
        return facts
    return facts.model_copy(update={"impacts": impacts})


def was_text(impact: Impact, by: dt.date, lang: Language, *, scaled: float | None = None) -> str:
    """`` from November 2026 (was 80)`` when the target changed on or before ``by``; else ``""``.

    ``scaled`` is the earlier target as the note shows it (scaled to the
    note's period, as the present target beside it is).
    """
    was, start = last_was(impact), changed_from(impact)
    if was is None or start is None or start.start > by:
        return ""
    value = was.value if scaled is None else scaled
    return lang.gettext(" from {period} (was {value})").format(
        period=fmt.period_label(start.text, lang), value=fmt.number(value, lang)
    )
