"""A target changed part way through: ``target_was: {value: 80, until: 2026-10}`` on an impact.

The earlier target is the one in force for a period that ends by the end of
``until``: an update for such a period is read against it, as it was when it
was sent. From the period after ``until`` the impact's ``target`` applies,
and every note that shows it for a period (or a day) on or after the change
says so: "75 admissions a month from November 2026 (was 80)" (newuser26 #2).
"""

from __future__ import annotations

import datetime as dt

from pitchkit.facts.schema import Facts, Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import Language
from pitchkit.period import Period, parse_period, period_at


def changed_from(impact: Impact) -> Period | None:
    """The first month the impact's present target applies to; ``None`` if it never changed."""
    if impact.target_was is None:
        return None
    until = parse_period(impact.target_was.until)
    return period_at(until.end + dt.timedelta(days=1), "month")


def in_force(impact: Impact, period: Period) -> Impact:
    """``impact`` with the target in force for ``period``: the earlier one up to the change."""
    start = changed_from(impact)
    if impact.target_was is None or start is None or period.end >= start.start:
        return impact
    return impact.model_copy(update={"target": impact.target_was.value, "target_was": None})


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
    start = changed_from(impact)
    if impact.target_was is None or start is None or start.start > by:
        return ""
    value = impact.target_was.value if scaled is None else scaled
    return lang.gettext(" from {period} (was {value})").format(
        period=fmt.period_label(start.text, lang), value=fmt.number(value, lang)
    )
