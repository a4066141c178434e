"""A reporting period: a month (``2027-03``), a quarter (``2027-Q1``) or a year (``2027``).

One pattern and one type for every part of pitchkit that reads a period:
the facts file's validation, the progress log and the update. ``--period``
also takes an NHS financial quarter (``Q1 2026/27``, April to June 2026),
read as the calendar quarter it is (:func:`parse_asked_period`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import TYPE_CHECKING, Literal, NamedTuple

from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message, Worded

if TYPE_CHECKING:
    from pitchkit.i18n.translation import Language

#: ``2027``, ``2027-03`` or ``2027-Q1`` (upper case): the year, the month, the quarter.
PERIOD_PATTERN = re.compile(r"^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$")

PeriodKind = Literal["month", "quarter", "year"]

#: How many months each ``per`` of a rate (and each ``logged`` length) lasts.
PER_MONTHS: dict[str, float] = {
    "day": 12 / 365,
    "week": 12 / 52,
    "month": 1,
    "quarter": 3,
    "year": 12,
}

#: The ``logged`` lengths a level (an impact with no ``per``) may take: how often it is
#: measured, when less often than the log (a survey each quarter), in months.
LEVEL_LOGGED: dict[str, int] = {"month": 1, "quarter": 3, "year": 12}

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


#: Month names a lead may write instead of the number, English and Welsh, whole and short.
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            "january jan ionawr",
            "february feb chwefror",
            "march mar mawrth",
            "april apr ebrill",
            "may mai",
            "june jun mehefin",
            "july jul gorffennaf",
            "august aug awst",
            "september sep sept medi",
            "october oct hydref",
            "november nov tachwedd",
            "december dec rhagfyr",
        ),
        start=1,
    )
    for name in names.split()
}
_QUARTER_FIRST = re.compile(r"^Q([1-4])[\s/-]*(\d{4})$")
_QUARTER_LAST = re.compile(r"^(\d{4})[\s/-]*Q([1-4])$")
_YEAR_MONTH = re.compile(r"^(\d{4})[\s/.-](\d{1,2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s/.-](\d{4})$")
_NAMED_MONTH = re.compile(r"^([A-Z]+)\.?[\s/-]*(\d{4})$")


def period_guess(text: str) -> str | None:
    """The period a slip means, written as pitchkit reads it, else ``None``.

    ``Q2 2027`` and ``2027 Q2`` are ``2027-Q2``; ``2027/05``, ``05/2027``,
    ``May 2027`` and ``Mai 2027`` are ``2027-05``.
    """
    cleaned = " ".join(str(text).strip().upper().split())
    if match := _QUARTER_FIRST.match(cleaned):
        return f"{match.group(2)}-Q{match.group(1)}"
    if match := _QUARTER_LAST.match(cleaned):
        return f"{match.group(1)}-Q{match.group(2)}"
    year, month = None, 0
    if match := _YEAR_MONTH.match(cleaned):
        year, month = match.group(1), int(match.group(2))
    elif match := _MONTH_YEAR.match(cleaned):
        year, month = match.group(2), int(match.group(1))
    elif match := _NAMED_MONTH.match(cleaned):
        year, month = match.group(2), _MONTH_NAMES.get(match.group(1).casefold(), 0)
    if year is None or not 1 <= month <= 12:
        return None
    return f"{year}-{month:02d}"


def period_problem(text: str) -> Message:
    """Why ``text`` is not a period, with the period it most likely means when one is clear."""
    guess = period_guess(text)
    if guess is not None:
        return Message(
            "did you mean '{guess}'? Write a period as YYYY-MM (2027-03), YYYY-Qn (2027-Q1) "
            "or YYYY (2027)",
            guess=guess,
        )
    return Message("write the period as YYYY-MM (2027-03), YYYY-Qn (2027-Q1) or YYYY (2027)")


def parse_period(text: str) -> Period:
    """Read ``2027-03``, ``2027-Q1`` or ``2027`` as a :class:`Period`."""
    cleaned = str(text).strip().upper()
    match = PERIOD_PATTERN.match(cleaned)
    if match is None:
        guess = period_guess(text)
        raise InputError(
            Message(
                "unknown period {period}: did you mean '{guess}'? Write YYYY-MM (2027-03), "
                "YYYY-Qn (2027-Q1) or YYYY (2027)",
                period=repr(text),
                guess=guess,
            )
            if guess is not None
            else Message(
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


#: A financial year as NHS staff write it: ``2026/27``, ``2026-27`` or ``2026/2027``.
_FINANCIAL_YEAR = r"(\d{4})\s*[/-]\s*(\d{4}|\d{2})"
_FINANCIAL_QUARTER_FIRST = re.compile(rf"^Q([1-4])[\s/-]*{_FINANCIAL_YEAR}$")
_FINANCIAL_QUARTER_LAST = re.compile(rf"^{_FINANCIAL_YEAR}[\s/-]*Q([1-4])$")


def financial_quarter(text: str) -> Period | None:
    """The calendar quarter an NHS financial quarter is, or ``None`` when ``text`` is not one.

    ``Q1 2026/27``, ``2026/27 Q1``, ``2026/27-Q1`` and ``2026-27 Q1`` are April to
    June 2026 (``2026-Q2``); Q4 2026/27 is January to March 2027 (``2027-Q1``).
    Raises :class:`~pitchkit.errors.InputError` for a year that is not one
    financial year (``Q1 2026/28``).
    """
    cleaned = " ".join(str(text).strip().upper().split())
    if match := _FINANCIAL_QUARTER_FIRST.match(cleaned):
        quarter, first, second = match.groups()
    elif match := _FINANCIAL_QUARTER_LAST.match(cleaned):
        first, second, quarter = match.groups()
    else:
        return None
    year = int(first)
    following = year + 1 if len(second) == 4 else (year + 1) % 100
    if int(second) != following:
        written = f"{(year + 1) % 100:02d}"
        raise InputError(
            Message(
                "unknown period {period}: a financial year runs from April to March, so "
                "quarter {quarter} of the one starting in April {year} is written "
                "Q{quarter} {year}/{next}",
                period=repr(text),
                quarter=quarter,
                year=str(year),
                next=written,
            )
        )
    return period_at(add_months(dt.date(year, 4, 1), 3 * (int(quarter) - 1)), "quarter")


def financial_label(period: Period) -> str:
    """``Q1 2026/27``: the NHS financial quarter a calendar quarter is."""
    first = period.start.year if period.start.month >= 4 else period.start.year - 1
    quarter = (period.start.month - 4) % 12 // 3 + 1
    return f"Q{quarter} {first}/{(first + 1) % 100:02d}"


def financial_file_label(period: Period) -> str:
    """``2026-27 Q1``: a financial quarter in a file name, never read as a calendar quarter."""
    first = period.start.year if period.start.month >= 4 else period.start.year - 1
    quarter = (period.start.month - 4) % 12 // 3 + 1
    return f"{first}-{(first + 1) % 100:02d} Q{quarter}"


def parse_asked_period(text: str) -> Period:
    """A period as ``--period`` takes it: :func:`parse_period`'s, or an NHS financial quarter.

    The error for a period that is neither names every form, the financial
    quarter among them.
    """
    if (found := financial_quarter(text)) is not None:
        return found
    try:
        return parse_period(text)
    except InputError:
        guess = period_guess(text)
        if guess is not None:
            raise InputError(
                Message(
                    "unknown period {period}: did you mean '{guess}'? Write YYYY-MM (2027-03), "
                    "YYYY-Qn (2027-Q1, a calendar quarter: January to March), Qn YYYY/YY "
                    "(Q1 2027/28, an NHS financial quarter: April to June 2027) or YYYY (2027)",
                    period=repr(text),
                    guess=guess,
                )
            ) from None
        raise InputError(
            Message(
                "unknown period {period}: write YYYY-MM (2027-03), YYYY-Qn (2027-Q1, a "
                "calendar quarter: January to March), Qn YYYY/YY (Q1 2027/28, an NHS "
                "financial quarter: April to June 2027) or YYYY (2027)",
                period=repr(text),
            )
        ) from None


def file_period(asked: str | None, chosen: Period) -> str:
    """How an update's file name gives its period: ``2026-27 Q1`` when asked for that way.

    A financial quarter asked for as ``Q1 2026/27`` is named ``2026-27 Q1``
    (newuser28 #3): ``2026-Q2``, the calendar quarter it is, reads as Q2 of the
    financial year to an NHS reader. Any other period keeps its own text.
    """
    if asked is not None and chosen.kind == "quarter":
        try:
            found = financial_quarter(asked)
        except InputError:
            found = None
        if found is not None:
            return financial_file_label(chosen)
    return chosen.text


def calendar_quarter_note(
    asked: str | None, chosen: Period, *, financial_years: bool
) -> Message | None:
    """A warning that ``--period 2026-Q1`` is January to March, for a project in financial years.

    NHS staff call April to June "Q1": a calendar quarter written ``YYYY-Qn``
    for a project whose money runs by financial year (``financial_years``) is
    said as the months it is, with how to write the financial quarter of the
    same number.
    """
    if asked is None or chosen.kind != "quarter" or not financial_years:
        return None
    if PERIOD_PATTERN.match(str(asked).strip().upper()) is None:
        return None
    number = (chosen.start.month - 1) // 3 + 1
    meant = period_at(add_months(dt.date(chosen.start.year, 4, 1), 3 * (number - 1)), "quarter")
    return Message(
        "--period {asked} is the calendar quarter {months} ({financial}); for {meant}, "
        "{meant_months}, write --period '{meant}'",
        asked=chosen.text,
        months=Worded(_label, chosen.text),
        financial=financial_label(chosen),
        meant=financial_label(meant),
        meant_months=Worded(_label, meant.text),
    )


def _label(text: str, lang: Language) -> str:
    from pitchkit.i18n import fmt

    return fmt.period_label(text, lang)
