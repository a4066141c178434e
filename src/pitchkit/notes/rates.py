"""A rate impact's figure for the length of a reporting period.

A rate impact (``per: year`` and so on) holds a figure over its own
length of time; an update's period (a month, a quarter, a year) covers
another. Kept apart from :mod:`pitchkit.notes.update`, so that the guide's
check of logged figures does not load the whole update (charts, SPC).
"""

from __future__ import annotations

from pitchkit.facts.schema import Impact
from pitchkit.period import PER_MONTHS, Period


def scale(value: float, impact: Impact, period: Period) -> float:
    """``value`` of ``impact`` (a baseline or target) for the length of ``period``.

    A rate is scaled by months (2,100 a year → 175 a month); a level is unchanged.
    """
    if impact.per is None:
        return value
    return value * period.months / PER_MONTHS[impact.per]
