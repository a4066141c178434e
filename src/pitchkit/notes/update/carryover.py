"""Which of the project's standing asks and questions still belong in a progress update.

An update's asks and advice come from its period's log entry. Without
them, the project's own ``asks:`` and ``advice:`` (written for the first
approach) may be carried over, marked as such, but only those still true
for the period: once the project has started, nothing about the first
approach or the funding bid (signing a bid, acting as sponsor of an
application, who should hear before the bid goes in), and nothing tied to
a date already past ("by 31 January 2027", "in October 2027"). Dates that
open a stretch ("from January 2027", "starting April 2027") do not make an
item stale.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from pitchkit.datewords import deadlines
from pitchkit.period import Period

#: Words that tie an ask or a question to the first approach or the bid (English and Welsh).
APPROACH_WORDS = re.compile(
    r"\b(bids?|applications?|apply|applying|submit\w*|sign|signs|signed|signing|charter|"
    r"expression of interest|executive sponsor|be our sponsor|goes in|go in|"
    r"cais|ceisiadau|gais|nghais|noddwr|llofnod\w*|cyflwyno'r cais)\b",
    re.IGNORECASE,
)


def still_current(text: str, period: Period, start: dt.date | None) -> bool:
    """Whether a standing ask or question can be carried into the update for ``period``."""
    started = start is None or period.end >= start
    if started and APPROACH_WORDS.search(text):
        return False
    return not any(day < period.start for day in deadlines(text))


def carried(items: Sequence[str], period: Period, start: dt.date | None) -> list[str]:
    """The ``items`` still current for ``period``, in order."""
    return [item for item in items if still_current(item, period, start)]
