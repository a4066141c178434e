"""A reporting period: a month (``2027-03``), a quarter (``2027-Q1``) or a year (``2027``).

One pattern and one type for every part of pitchkit that reads a period:
the facts file's validation, the progress log and the update.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple

from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message

#: ``2027``, ``2027-03`` or ``2027-Q1`` (upper case): the year, the month, the quarter.
PERIOD_PATTERN = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$")

PeriodKind = Literal["month", "quarter", "year"]

#: How many months each kind of period lasts.
PERIOD_MONTHS: dict[str, float] = {"month": 1, "quarter": 3, "year": 12}


class Period(NamedTuple):
    """A reporting period: a month, a quarter or a year.

    A named tuple: immutable, equal, hashed and ordered (by start, then kind and text) by
    value, as the frozen, ordered dataclass it was, and cheaper to define at start-up.
    """

    start: dt.date
    kind: PeriodKind
    text: str

    @property
    def months(self) -> int:
        """How many months the period lasts."""
        return int(PERIOD_MONTHS[self.kind])

    @property
    def end(self) -> dt.date:
        """The last day of the period."""
        return add_months(self.start, self.months) - dt.timedelta(days=1)

    def following(self, kind: PeriodKind | None = None) -> Period:
        """The period of ``kind`` (default: the same kind) that starts after this one ends."""
        return period_at(add_months(self.start, self.months), kind or self.kind)


def parse_period(text: str) -> Period:
    """Read ``2027-03``, ``2027-Q1`` or ``2027`` as a :class:`Period`."""
    cleaned = str(text).strip().upper()
    match = PERIOD_PATTERN.match(cleaned)
    if match is None:
        raise InputError(
            Message(
                "unknown period {period}: write YYYY-MM (2027-03), YYYY-Qn (2027-Q1) "
                "or YYYY (2027)",
                period=repr(text),
            )
        )
    year, month, quarter = match.groups()
    if month is not None:
        return Period(dt.date(int(year), int(month), 1), "month", cleaned)
    if quarter is not None:
        return Period(dt.date(int(year), 3 * int(quarter) - 2, 1), "quarter", cleaned)
    return Period(dt.date(int(year), 1, 1), "year", cleaned)


def period_at(start: dt.date, kind: PeriodKind) -> Period:
    """The period of ``kind`` containing ``start``."""
    if kind == "month":
        return parse_period(f"{start.year}-{start.month:02d}")
    if kind == "quarter":
        return parse_period(f"{start.year}-Q{(start.month - 1) // 3 + 1}")
    return parse_period(str(start.year))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept within the month (31 Jan + 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))
