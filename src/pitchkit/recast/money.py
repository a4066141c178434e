"""Money a Director of Finance would sign off: one ledger of what a project is worth.

:func:`appraise` turns a project's valued impacts into a :class:`Ledger`:

- every unit cost restated from its own year's prices (``value.price_year``,
  or a year named in its source) into the price base, the note's financial
  year unless ``settings.prices.year`` says otherwise, with the NHS Cost
  Inflation Index shipped in ``priceindex.json`` (projected past its last
  published year, and marked so);
- each impact's money said to release cash or only capacity
  (``releases:``, or a default from what it counts);
- money that two impacts would count twice (an episode price and the bed
  days of the same stays; agency shifts and agency spend, or a stated
  ``overlaps:``) counted once;
- the counted benefit set against the funding, by NHS financial year
  (1 April to 31 March) across the project's dates, each impact's from the
  day its change reached the measure (``changed:``; the project's start
  when it does not say).

It is language-free: :mod:`pitchkit.notes.moneytext` words it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pitchkit.facts.schema import Facts, Impact, Prices
from pitchkit.figures import round_to
from pitchkit.period import Period
from pitchkit.pounds import is_pounds
from pitchkit.recast.english import in_english
from pitchkit.recast.whose import (
    TRUST,
    capacity_elsewhere,
    home_of,
    organisation_kind,
    other_payer,
    whose_cash,
)

#: ``cost``: what each extra one costs (a rise that adds spend: more drug items, tests or
#: staff hours). Its line's ``annual`` is negative, and it counts with the cash, so that
#: every total (net, payback, £ per £1, cash) is net of it.
Releases = Literal["cash", "capacity", "cost"]
#: A kind of benefit the ledger totals: cash, capacity, the trust's own cash, or what is the
#: trust's (its own cash and its own capacity; not another body's cash, nor more activity,
#: nor time freed in another body's staff, such as GP appointments). "The trust" is the
#: project's own organisation, whatever kind it is (:attr:`Ledger.kind`).
Kind = Literal["cash", "capacity", "own", "trust"]
#: How many periods of each kind make a year.
#: The average length of a year in days, for months counted from days.
DAYS_IN_YEAR = 365.25
PER_YEAR = {"year": 1.0, "quarter": 4.0, "month": 12.0, "week": 52.0, "day": 365.0}
#: Bed occupancy assumed to turn bed days into beds, when settings.occupancy is not given.
DEFAULT_OCCUPANCY = 92.0
#: An occupancy an objective holds a director to: "Keep adult acute bed occupancy at or
#: below 95%", "Bed occupancy no higher than 85%", "92% bed occupancy".
_OCCUPANCY_NAMED = re.compile(
    r"\boccupancy\b[^.;%\d]{0,40}?(\d{2}(?:\.\d+)?)\s?%"
    r"|(\d{2}(?:\.\d+)?)\s?%\s+(?:\w+\s+){0,3}?occupancy\b",
    re.IGNORECASE,
)


class Occupancy(NamedTuple):
    """The bed occupancy that turns bed days into beds, and where it comes from."""

    percent: float
    #: Neither the settings nor any objective name one: pitchkit's general default.
    default: bool
    #: The role of the director whose objective names it, when it comes from one.
    named_by: str | None = None


def occupancy_of(facts: Facts) -> Occupancy:
    """The occupancy for beds: ``settings.occupancy``, else an objective's, else the default.

    A team that holds a director to an occupancy ("Keep adult acute bed
    occupancy at or below 95%") plans its beds to it, so its beds are counted
    at it rather than at the general 92% (newuser35 #6); the first director's
    objective naming one between 50% and 100% is taken, read in English.
    """
    given = facts.settings.occupancy
    if given is not None:
        return Occupancy(float(given), default=False)
    # Imported here: the English reading of a director builds on the facts alone.
    from pitchkit.recast.english import english_director

    for director in facts.directors:
        read = english_director(director, facts.english)
        for objective in read.objectives:
            found = _OCCUPANCY_NAMED.search(objective.text)
            if found is None:
                continue
            percent = float(found.group(1) or found.group(2))
            if 50 < percent <= 100:
                return Occupancy(percent, default=False, named_by=director.role)
    return Occupancy(DEFAULT_OCCUPANCY, default=True)


@cache
def _fy_text() -> re.Pattern[str]:
    return re.compile(r"\b(20\d{2})\s*[/-]\s*(\d{2})\b")


# The words before an objective's year, in English and in Welsh ("ar gyfer 2026/27", "yn
# 2026/27", "erbyn Mawrth 2028"), so that a Welsh objective names its year as the English
# does; "yn erbyn" is Welsh for "against", not "by".
_TARGET_FY = re.compile(
    r"\b(?:for|in|by|during|within|to|through|over|ar\s+gyfer|yn(?:\s+ystod)?|(?<!\byn )erbyn"
    r"|dros|hyd\s+at|tan)\s+(?:the\s+|y\s+)?(?:financial\s+year\s+|flwyddyn\s+ariannol\s+)?"
    r"(20\d{2})\s*[/-]\s*(\d{2})\b",
    re.IGNORECASE,
)
_MARCH = re.compile(
    r"\b(?:by|to|until|before|end of)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?March\s+(20\d{2})\b"
    r"|\b(?:(?<!\byn )erbyn|tan|cyn|hyd\s+at)\s+(?:diwedd\s+)?(?:[mf]is\s+)?(?:\d{1,2}\s+)?"
    r"[MF]awrth\s+(20\d{2})\b",
    re.IGNORECASE,
)

# What an impact counts, read from its unit and measure (lower case, whole words or stems).
_CASH_WORDS = (
    "agency",
    "locum",
    "drug",
    "medicine",
    "prescribing",
    "outsourc",
    "insourc",
    "independent sector",
    "spend",
    "contract cost",
)
_EPISODE_UNITS = ("admission", "episode", "spell", "stay")
_BED_DAY_UNITS = ("bed day", "bed-day", "bedday", "occupied bed day")
_SESSION_UNITS = ("appointment", "attendance", "contact", "session", "clinic", "visit", "slot")
_HOUR_UNITS = ("hour", "minute", "shift", "wte", "post")


class PriceIndex(NamedTuple):
    """An inflation index: annual percentage changes into each financial year."""

    name: str
    source: str
    rates: dict[int, float]  # start year of the financial year -> % change into it
    base_year: int  # the first year the index reaches (its level 1)
    projection: float  # % a year assumed past the last published year
    provisional: frozenset[int]

    @property
    def last(self) -> int:
        """The last year with a published rate."""
        return max(self.rates)


@cache
def shipped_index() -> PriceIndex:
    """The NHS Cost Inflation Index shipped with pitchkit (see docs/money.md)."""
    raw = json.loads((Path(__file__).parent / "priceindex.json").read_text(encoding="utf-8"))
    rates = {fy_start(year): float(rate) for year, rate in raw["rates"].items()}
    growth = math.prod(1 + rate / 100 for rate in rates.values())
    # The projection is kept to the two decimals the published rates have and the note
    # gives ("projected at 2.62% a year"), so that a finance director restating a cost by
    # hand gets the note's penny: £380 × 1.0262 is £389.96, where the mean's own digits
    # (2.6195%) gave £389.95 (pinsA).
    mean = 100 * (growth ** (1 / len(rates)) - 1)
    return PriceIndex(
        name=raw["short"],
        source=raw["source"],
        rates=rates,
        base_year=fy_start(raw["base_year"]),
        projection=math.floor(mean * 100 + 0.5) / 100,
        provisional=frozenset(fy_start(year) for year in raw["provisional"]),
    )


def fy_start(label: str) -> int:
    """``2020/21`` → 2020, the calendar year the financial year starts in."""
    return int(label[:4])


def fy_label(year: int) -> str:
    """2020 → ``2020/21``."""
    return f"{year}/{(year + 1) % 100:02d}"


def fy_of(day: dt.date) -> int:
    """The NHS financial year (1 April to 31 March) ``day`` falls in."""
    return day.year if day.month >= 4 else day.year - 1


def fy_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and last days of financial year ``year``."""
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


def year_named(text: str | None) -> int | None:
    """The financial year a source names: ``NHS reference costs 2016/17`` → 2016."""
    if not text:
        return None
    for found in _fy_text().finditer(text):
        first, second = int(found.group(1)), int(found.group(2))
        if second == (first + 1) % 100:
            return first
    return None


def target_year(text: str | None) -> int | None:
    """The financial year an objective is for: ``for 2026/27``, ``by March 2028``.

    A year it is measured against (``30% against 2024/25``) is not its year.
    """
    if not text:
        return None
    for found in _TARGET_FY.finditer(text):
        first, second = int(found.group(1)), int(found.group(2))
        if second == (first + 1) % 100:
            return first
    march = _MARCH.search(text)
    return int(march.group(1) or march.group(2)) - 1 if march else None


_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: A date an objective is due by: "by September 2025", "by the end of December 2026".
_BY_MONTH = re.compile(
    r"\b(?:by|until|before|end\s+of)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?("
    + "|".join(_MONTHS)
    + r")\s+(20\d{2})\b",
    re.IGNORECASE,
)
#: A winter named by its financial year, for or through which an objective holds: "through
#: winter 2025/26", or as its heading ("Winter plan 2025/26: ..."); not "beds opened in
#: winter 2026/27", which says when something began.
_WINTER = re.compile(
    r"(?:\b(?:for|during|through|over)\s+(?:the\s+)?|^\s*)winter\s+(?:plan\s+)?"
    r"(20\d{2})\s*[/-]\s*(\d{2})\b",
    re.IGNORECASE,
)


def deadline_year(text: str | None) -> int | None:
    """The financial year an objective's milestone falls in, when it names no other year.

    ``by September 2025`` → 2025 (April 2025 to March 2026 holds September 2025),
    ``by December 2025`` → 2025, ``through winter 2025/26`` → 2025. A month it is due by
    comes first: "Close the escalation beds opened in winter 2026/27 by June 2027" is due in
    2027/28. The linker reads it
    as :func:`target_year` (an objective due before the project delivers anything is
    not served by it); the notes keep :func:`target_year`, which names the year a
    money target's share is of.
    """
    if not text:
        return None
    due = _BY_MONTH.search(text)
    if due is not None:
        return fy_of(dt.date(int(due.group(2)), _MONTHS.index(due.group(1).lower()) + 1, 1))
    for found in _WINTER.finditer(text):
        first, second = int(found.group(1)), int(found.group(2))
        if second == (first + 1) % 100:
            return first
    return None


class Uplift(NamedTuple):
    """How a price moves from one financial year to another."""

    start: int
    end: int
    factor: float
    projected: tuple[int, ...]  # years whose change is projected, not published
    before_index: bool  # the start year is older than the index reaches
    own_rates: bool  # settings.prices.rates supplied some of the changes


def uplift(start: int, end: int, prices: Prices | None = None) -> Uplift:
    """The factor restating a price from financial year ``start`` to ``end``."""
    index = shipped_index()
    own = {fy_start(year): float(rate) for year, rate in (prices.rates if prices else {}).items()}
    low, high = sorted((start, end))
    factor = 1.0
    projected: list[int] = []
    used_own = False
    for year in range(low + 1, high + 1):
        if year in own:
            rate, used_own = own[year], True
        elif year in index.rates:
            rate = index.rates[year]
        elif year > index.last:
            rate = index.projection
            projected.append(year)
        else:
            continue  # before the index: no change known
        factor *= 1 + rate / 100
    if end < start:
        factor = 1 / factor
    before = start < index.base_year and not any(
        y in own for y in range(start + 1, index.base_year + 1)
    )
    return Uplift(start, end, factor, tuple(projected), before, used_own)


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(re.search(rf"\b{re.escape(word)}", text) for word in words)


def counts(impact: Impact) -> str:
    """What an impact counts: ``money``, ``episodes``, ``bed days``, ``sessions``, ``hours``."""
    unit = impact.unit.strip().lower()
    if is_pounds(unit):
        return "money"
    if _has(unit, _BED_DAY_UNITS):
        return "bed days"
    if _has(unit, _EPISODE_UNITS):
        return "episodes"
    if _has(unit, _SESSION_UNITS):
        return "sessions"
    if _has(unit, _HOUR_UNITS):
        return "hours"
    return "other"


def default_releases(impact: Impact) -> Releases:
    """What an impact's money releases, when its ``releases:`` does not say.

    Money measures and agency or locum work are cash; bed days, episodes,
    sessions and staff hours are capacity; anything else is cash when it
    names spend, drugs or outsourcing, and capacity otherwise.
    """
    kind = counts(impact)
    if kind == "money" or _is_agency(impact):
        return "cash"
    if kind != "other":
        return "capacity"
    return "cash" if _has(f"{impact.measure} {impact.unit}".lower(), _CASH_WORDS) else "capacity"


def _is_agency(impact: Impact) -> bool:
    return _has(f"{impact.measure} {impact.unit}".lower(), ("agency", "locum"))


@dataclass(frozen=True)
class Line:
    """One impact's money in the ledger."""

    impact: Impact
    counts: str
    unit_cost: float | None  # as written, in its own year's prices
    price_year: int | None  # None: not stated anywhere
    year_from: Literal["field", "source", "none", "money"]
    restated_cost: float | None  # in the ledger's price base
    uplift: Uplift | None
    annual: float  # a year's value at the ledger's prices
    releases: Releases
    releases_default: bool
    within: str | None = None  # the impact whose money already includes this one
    #: Cash that is the trust's own, for its financial plan (whose.whose_cash),
    #: and the body whose budget the money is in when it is another's ("ICB", "council").
    own: bool = False
    body: str | None = None
    #: For capacity: the other body whose staff time it frees ("general practice"), when it
    #: is not the project's own organisation's (:func:`~pitchkit.recast.whose.capacity_elsewhere`).
    elsewhere: str | None = None
    #: Why: "episode", "agency", "stated" (no rule applies) or "cash" (a stated overlap
    #: turned round: this capacity is within the cash of the line that names it).
    overlap: str | None = None
    overlap_stated: bool = False  # the facts file's overlaps: says so

    @property
    def counted(self) -> bool:
        """Whether this line adds to the totals."""
        return self.within is None


def of_kind(kind: Kind | None, benefit: float, cash: float, own: float, elsewhere: float) -> float:
    """One kind of money (:data:`Kind`; ``None``: all of it) from a benefit's parts.

    ``cash`` is the cash in ``benefit``, ``own`` the part of it that is the
    trust's own and ``elsewhere`` the capacity it frees in other bodies'
    services: the rest of the benefit is capacity, and "trust" counts the
    trust's own cash and the capacity it keeps.
    """
    if kind is None:
        return benefit
    if kind == "cash":
        return cash
    if kind == "capacity":
        return benefit - cash
    if kind == "own":
        return own
    return benefit - cash + own - elsewhere


class Lost(NamedTuple):
    """A measure's loss in a year the block counts as £0: ``size`` × ``cost`` = ``money``.

    ``cost`` is ``None`` for a measure counted in pounds, whose size is the money.
    """

    measure: str
    unit: str
    size: float
    cost: float | None
    money: float


class Step(NamedTuple):
    """The money a year's log delivered from the year's start to the end of one period.

    Each kind of it, as :class:`YearShare` holds them, so that every payback
    (all the benefit, the cash, the trust's own) follows the same months. A
    period with no figure is a step too, holding what the one before it did:
    a missing month adds nothing, and the payback does not spread the next
    month's money back over it (newuser27 #2).
    """

    day: dt.date
    benefit: float
    cash: float
    own: float
    elsewhere: float

    def amount(self, kind: Kind | None) -> float:
        """The money so far of one kind (:data:`Kind`; ``None``: all of it)."""
        return of_kind(kind, self.benefit, self.cash, self.own, self.elsewhere)


@dataclass(frozen=True)
class YearShare:
    """One financial year of the project: the benefit and investment falling in it."""

    year: int
    days: int
    benefit: float
    cash: float
    investment: float
    #: Of ``cash``, the trust's own (:attr:`Line.own`); ``None`` when it is all of it.
    own: float | None = None
    #: Of the capacity, the time freed in another body's staff (:attr:`Line.elsewhere`).
    elsewhere: float = 0.0
    #: A closed year whose benefit is what the progress log shows was delivered, not a
    #: forecast at the full rate (:func:`with_logged`).
    logged: bool = False
    #: For a logged year: the periods in it from the change on with no figure in the log.
    unlogged: tuple[Period, ...] = ()
    #: The same, by measure, when more than one counted impact earns in the year: the note
    #: names the measure a gap is in, not only the months.
    unlogged_by: tuple[tuple[str, tuple[Period, ...]], ...] = ()
    #: For the year under way, when the log has figures in it: the money the log shows
    #: delivered so far (its ``benefit`` is that plus the rest of the year at the rate
    #: the log shows), and the last day those figures cover.
    so_far: float | None = None
    upto: dt.date | None = None
    #: For the year under way: each impact's monthly rate as the log shows it, by id, for
    #: those carried on at that rate (:attr:`Delivered.rates`).
    rates: tuple[tuple[str, float], ...] = ()
    #: For the year under way: some impact's figures in it do not yet show the change, so
    #: it is at the full rate (with ``so_far`` ``None`` when every impact with figures is).
    unshown: bool = False
    #: Of ``benefit``, with ``unshown``: the plan's full rate for the measures whose figures
    #: do not yet show the change, which the line gives apart from what the log bears.
    assumed: float = 0.0
    #: When the log's figures are too few for any chart: how many there are and how many a
    #: chart needs. The year, under way or closed, stays at the plan's full rate.
    young: tuple[int, int] | None = None
    #: For a closed year the log counts nothing in: why. ``"before"``: every change took
    #: effect after the year (on ``changed``); ``"unshown"``: its figures do not show it;
    #: ``"young"``: too few figures for any chart to show it; ``"level"``: its chart shows
    #: the change, but the year's figures net to nothing against the baseline. A measure
    #: whose figures in the year net to a loss is in ``worse`` and counts nothing, so no
    #: year's ``benefit`` is ever below zero.
    why: str | None = None
    changed: dt.date | None = None
    #: For a year the log has figures in: the measures its figures show worse than before
    #: the change, each counted as nothing (never as negative money netted into the rest).
    worse: tuple[str, ...] = ()
    #: For a closed year the log delivered some of: the money in ``benefit`` at the plan's
    #: full rate for the impacts whose figures are too few for any chart (their measures
    #: in ``planned_for``, and how many figures a chart needs in ``needs``): nothing can be
    #: told from so few figures either way, so they are not counted as £0.
    planned: float = 0.0
    planned_for: tuple[str, ...] = ()
    needs: int = 0
    #: For the year under way: the measures kept at the plan's full rate because the log
    #: has no figure for them in the year yet, beside others it has figures for.
    unfigured: tuple[str, ...] = ()
    #: The measures with no figure at all in a logged year, beside others that have some.
    unlogged_whole: tuple[str, ...] = ()
    #: For a year after the one under way: the measures forecast at the monthly rate the
    #: log shows in the year under way, and those at the plan's full rate, so that its
    #: line says which rate it uses (newuser19 #6).
    at_log_rate: tuple[str, ...] = ()
    at_full_rate: tuple[str, ...] = ()
    #: With ``at_log_rate``: the first and last days of the figures that rate averages.
    rate_span: tuple[dt.date, dt.date] | None = None
    #: For a year that delivered money (closed, or under way): the measures with figures
    #: whose chart does not show the change, each counted as nothing and named (newuser10 #7a).
    flat: tuple[str, ...] = ()
    #: For a closed year: the measures with figures in it too few for any chart, each
    #: counted as nothing and named with how many figures there are (``young``), as the
    #: year under way counts the months they cover (fixleft24a #6).
    too_few: tuple[str, ...] = ()
    #: For a closed year: each measure in ``worse`` whose chart shows the change, with the
    #: loss a progress update takes off what it delivered since the change (the block
    #: counts the year £0 instead), so that the two totals reconcile in pounds.
    lost: tuple[Lost, ...] = ()
    #: For a year the log delivered (closed, or under way, so far): the money delivered to
    #: the end of each period in it up to the last logged one (:class:`Step`), so that the
    #: payback follows the months the log shows, not the year spread evenly.
    steps: tuple[Step, ...] = ()

    @property
    def own_cash(self) -> float:
        """The year's cash that is the trust's own."""
        return self.cash if self.own is None else self.own

    def amount(self, kind: Kind | None) -> float:
        """The year's benefit of one kind (:data:`Kind`; ``None``: all of it)."""
        return of_kind(kind, self.benefit, self.cash, self.own_cash, self.elsewhere)

    @property
    def delivered_only(self) -> bool:
        """Whether the year's benefit is all what the log delivered, none of it the plan's."""
        planned = self.why == "young" and not (self.too_few and self.benefit == 0)
        return self.logged and not planned and not self.planned_for


@dataclass(frozen=True)
class Ledger:
    """Every valued impact, counted once, at one price base, against the investment."""

    price_year: int
    lines: tuple[Line, ...]
    occupancy: float
    occupancy_default: bool
    investment: float | None
    years: tuple[YearShare, ...]  # by financial year across the project's dates
    own_rates_source: str | None
    start: dt.date | None = None  # the project's dates
    end: dt.date | None = None
    today: dt.date | None = None  # the note's date: the years ended before it are closed
    #: The project's own organisation: whose budget its own money is in (a 'whose budget'
    #: member, :func:`~pitchkit.recast.whose.home_of`), and what kind of body it is, to
    #: name it by ("trust", "health board", "ICB" ...: ``whose.organisation_kind``).
    home: str = TRUST
    kind: str = TRUST
    #: The organisation's name as the facts give it: a Welsh note names a body whose name
    #: begins with a common noun by that noun again ("y Fenter": welshtitle.named_again).
    organisation: str = ""
    #: Valued impacts with no ``per:`` (a level): their unit cost restated at the
    #: ledger's prices, so that a statement that gives their money gives it at the
    #: note's price base and names the cost under "Unit costs used". Never counted in
    #: a total: a level has no count per period to price.
    levels: tuple[Line, ...] = ()
    #: The facts' own price changes (``settings.prices``), to restate money in another
    #: year's prices (:meth:`restated`).
    prices: Prices | None = None

    def restated(self, money: float, year: int) -> float:
        """``money`` at this ledger's prices, restated at financial year ``year``'s."""
        if year == self.price_year:
            return money
        return money * uplift(self.price_year, year, self.prices).factor

    def year_end(self, year: int) -> dt.date:
        """The last day the project delivers in financial year ``year``: its end, or the year's."""
        last = fy_bounds(year)[1]
        return self.end if self.end is not None and self.end < last else last

    def closed(self, year: int) -> bool:
        """Whether financial year ``year`` is over for the project by the note's date.

        A year is over when it ended, or when the project ended, before that
        date: a project that closed in December delivers nothing more in the
        rest of its financial year, so the log's figure is the year's figure.
        """
        return self.today is not None and self.year_end(year) < self.today

    @property
    def closed_years(self) -> list[int]:
        """The financial years of the project that are over by the note's date (:meth:`closed`)."""
        return [share.year for share in self.years if self.closed(share.year)]

    @property
    def under_way(self) -> int | None:
        """The financial year of the project under way on the note's date, if there is one.

        It has started for the project (the project has started) and is not
        over (:meth:`closed`).
        """
        if self.today is None or self.start is None or self.today < self.start:
            return None
        year = fy_of(self.today)
        if self.closed(year) or all(share.year != year for share in self.years):
            return None
        return year

    @property
    def logged(self) -> bool:
        """Whether any year's benefit is read from the progress log, not only a forecast."""
        return any(
            share.logged
            or share.so_far is not None
            or share.unshown
            or share.young is not None
            or bool(share.unfigured)
            or bool(share.worse)
            for share in self.years
        )

    @property
    def counted(self) -> tuple[Line, ...]:
        """The lines that add to totals."""
        return tuple(line for line in self.lines if line.counted)

    def annual(self, releases: Kind | None = None) -> float:
        """A year's counted benefit (of one kind, or all)."""
        return sum(line.annual for line in self.counted if _of_kind(line, releases))

    def line(self, impact_id: str) -> Line | None:
        """The ledger line for ``impact_id``."""
        return next((line for line in self.lines if line.impact.id == impact_id), None)

    def priced(self, impact_id: str) -> Line | None:
        """The line that prices ``impact_id``: its ledger line, or its level's (:attr:`levels`)."""
        return self.line(impact_id) or next(
            (line for line in self.levels if line.impact.id == impact_id), None
        )

    @property
    def project_benefit(self) -> float:
        """The counted benefit falling within the project's dates."""
        return sum(share.benefit for share in self.years)

    @property
    def payback_months(self) -> float | None:
        """Months of benefit at the full annual rate that repay the investment."""
        return self.payback_from(None)

    def payback_from(self, releases: Kind | None) -> float | None:
        """Months of one kind of benefit (cash, capacity; ``None``: all) that repay the funding."""
        annual = self.annual(releases)
        if not self.investment or annual <= 0:
            return None
        return 12 * self.investment / annual

    def payback_logged(self, releases: Kind | None = None) -> tuple[float, dt.date] | None:
        """Months from the first benefit to the funding repaid, by the years shown.

        Once a closed year is what the progress log delivered (:func:`with_logged`),
        the payback follows the years the note shows, not a year at the full rate:
        each year's benefit is spread evenly over its months of benefit (a part
        month by its days), from the first day any counted impact's benefit
        starts to the project's end,
        except that a logged year follows what the log delivered month by month
        (:attr:`YearShare.steps`; a month with no figure adds nothing), and the
        months run to the day the benefit so far reaches the funding, counted
        in months of the calendar (:func:`months_between`). ``None`` when the benefit
        over the project never does (or the dates are unknown); else the months
        and the day they count from. With ``releases``, of that kind of benefit
        alone (``"cash"``: each year's cash, from the first day a cash impact's
        benefit starts), on the same years and the same months, so that every
        note's payback of one kind is one figure (newuser27 #2).
        """
        if not self.investment or self.start is None or self.end is None:
            return None
        starts = [
            benefit_start(line.impact, self.start)
            for line in self.counted
            if line.annual and _of_kind(line, releases)
        ]
        if not starts:
            return None
        begins = min(starts)
        so_far = 0.0
        for share in self.years:
            first, last = fy_bounds(share.year)
            days = earning_days(first, last, begins, self.end)
            amount = share.amount(releases)
            # A measure the log shows worse than before the change counts nothing in a year
            # (``YearShare.worse``), never a loss set against the rest; but new spend
            # (``releases: cost``) can leave a year below zero, and it holds back the payback.
            if days <= 0:
                continue
            if amount <= 0:
                so_far += amount
                continue
            if so_far + amount >= self.investment:
                # Counted in months of the calendar from the first benefit, a part month by
                # its days (:func:`months_between`), as a finance director counts them.
                opened = max(first, begins)
                start = months_between(begins, opened - dt.timedelta(days=1))
                length = _earning_months(first, last, begins, self.end)
                knots = _knots(start, length, amount, share.steps, begins, releases)
                return _crossing(knots, self.investment - so_far), begins
            so_far += amount
        return None

    @property
    def return_per_pound(self) -> float | None:
        """Benefit within the project for each £1 invested."""
        if not self.investment or not self.years:
            return None
        return self.project_benefit / self.investment

    def share_in_year(self, year: int, impact: Impact) -> float | None:
        """The fraction of ``impact``'s yearly benefit that falls in financial year ``year``.

        The benefit counts from the day the change reached the impact's
        measure (:func:`benefit_start`) to the project's end, so a year the
        change comes part-way through holds only that part. ``None`` when
        the project's dates are not known.
        """
        if not self.years or self.start is None or self.end is None:
            return None
        first, last = fy_bounds(year)
        return earning_days(first, last, benefit_start(impact, self.start), self.end) / (
            (last - first).days + 1
        )

    def first_year(self, impact: Impact | None = None) -> int | None:
        """The first financial year with benefit (of ``impact``, or of any counted line)."""
        if impact is not None:
            return next(
                (s.year for s in self.years if (self.share_in_year(s.year, impact) or 0) > 0),
                None,
            )
        return next((s.year for s in self.years if s.benefit > 0), None)


def _knots(
    start: float,
    length: float,
    amount: float,
    steps: tuple[Step, ...],
    begins: dt.date,
    kind: Kind | None,
) -> list[tuple[float, float]]:
    """A year's benefit so far, as (months since ``begins``, money) at each point it is known.

    From nothing at the start of the year's first day of benefit (``start``
    months after ``begins``) to ``amount`` at the end of its last
    (``length`` months later), the months those of the calendar, a part
    month by its days (:func:`months_between`). The money the log shows
    delivered to the end of each period in between (``steps``, of ``kind``;
    ``None``: all the benefit) is a point too, so that a year whose benefit
    ramped up is not read as earning evenly, and a month with no figure adds
    nothing; with no steps, a straight line.
    """
    knots = [(start, 0.0)]
    end = start + length
    for step in steps:
        at = months_between(begins, step.day)
        if knots[-1][0] < at < end:
            knots.append((at, step.amount(kind)))
    knots.append((end, amount))
    return knots


def _crossing(knots: list[tuple[float, float]], needed: float) -> float:
    """The months since the first benefit until the money along ``knots`` reaches ``needed``."""
    for (x0, y0), (x1, y1) in pairwise(knots):
        if y1 >= needed and y1 > y0:
            return x0 + max(0.0, needed - y0) / (y1 - y0) * (x1 - x0)
    return knots[-1][0]


def _of_kind(line: Line, kind: Kind | None) -> bool:
    """Whether ``line``'s money is of ``kind`` (``None``: any)."""
    if kind is None:
        return True
    if kind == "cash":
        return spends(line)
    if kind == "capacity":
        return line.releases == "capacity"
    if kind == "own":
        return spends(line) and line.own
    return (line.releases == "capacity" and line.elsewhere is None) or line.own


def spends(line: Line) -> bool:
    """Whether ``line``'s money is cash: a saving (``cash``) or new spend (``cost``).

    A cost is cash the other way: its ``annual`` is negative, so that a total
    of cash (and every total with it) is net of what the change adds to spend.
    """
    return line.releases != "capacity"


def is_cost(line: Line) -> bool:
    """Whether ``line`` is new spend the change adds (``releases: cost``), not a benefit."""
    return line.releases == "cost"


def adds_spend(impact: Impact) -> bool:
    """Whether ``impact`` is new spend: a rise each of which costs money (``releases: cost``)."""
    return impact.releases == "cost" and impact.direction == "higher"


def _unit_cost_year(
    impact: Impact,
) -> tuple[int | None, Literal["field", "source", "none", "money"]]:
    value = impact.value
    if value is None:
        return None, "money"
    if value.price_year:
        return fy_start(value.price_year), "field"
    named = year_named(value.source)
    return (named, "source") if named is not None else (None, "none")


def _line(impact: Impact, price_year: int, prices: Prices | None) -> Line | None:
    """A rate impact's money for a year at the ledger's prices; ``None`` when it has none."""
    kind = counts(impact)
    if impact.balancing:  # watched within a limit, never a saving (a £ one neither)
        return None
    if impact.value is None and kind != "money":
        return None
    if impact.per is None:
        return None
    return _priced(impact, price_year, prices, PER_YEAR[impact.per], kind)


def _level_line(impact: Impact, price_year: int, prices: Prices | None) -> Line | None:
    """A valued level's unit cost at the ledger's prices; ``None`` for any other impact.

    Its ``annual`` is the gain once at that cost: a level has no count per
    period, so this line is never added to a total (:attr:`Ledger.levels`).
    """
    if impact.per is not None or impact.value is None or impact.balancing:
        return None
    return _priced(impact, price_year, prices, 1.0, counts(impact))


def _priced(
    impact: Impact, price_year: int, prices: Prices | None, times: float, kind: str
) -> Line | None:
    """The gain at its unit cost restated to ``price_year``, ``times`` over (a year's periods)."""
    gain = (
        impact.baseline - impact.target
        if impact.direction == "lower"
        else impact.target - impact.baseline
    )
    if gain <= 0:
        return None
    year, year_from = _unit_cost_year(impact)
    if impact.value is not None:
        moved = uplift(year, price_year, prices) if year is not None else None
        cost = impact.value.amount
        # Restated as the note's small print shows it (£426.30, to the penny, never rounded to
        # the pound): one unit cost for the plan and for what the log delivered, so that each
        # reconciles by hand.
        restated = shown_cost(cost * moved.factor, cost) if moved else cost
        annual = gain * restated * times
    else:
        moved, cost, restated = None, None, None
        annual = gain * times
    if not math.isfinite(annual):
        return None  # too large to count: left out of the money rather than shown as infinite
    releases = impact.releases or default_releases(impact)
    if releases == "cost":
        if impact.direction == "lower":
            releases = "cash"  # fewer of what each one costs is spend saved
        else:
            annual = -annual  # more of it is spend added: netted against the benefits
    return Line(
        impact=impact,
        counts=kind,
        unit_cost=cost,
        price_year=year,
        year_from=year_from,
        restated_cost=restated,
        uplift=moved,
        annual=annual,
        releases=releases,
        releases_default=impact.releases is None,
    )


def shown_cost(value: float, given: float) -> float:
    """A restated unit cost as the note shows and uses it: to the penny, as money is counted.

    Every figure priced at a restated cost (a year's value in the plan, what
    the log delivered) is priced at this one, and the small print shows it,
    so that a finance director's count × the cost on the page is the figure
    on the page (newuser11 #6). It is never rounded to the pound first: 1,838
    sensor pads at £24.63 are £45,000, not the £46,000 that £25 gives
    (newuser20 #7); 850 at £148.80 are £126,000, not £127,000. Only the sums
    shown are rounded. A cost not restated (``value`` equal to ``given``) is
    kept as given.
    """
    if value == given:
        return value
    # Half up, as a reader rounds by hand (£24.625 is £24.63), not to the even penny.
    return math.floor(value * 100 + 0.5) / 100


def _pair_reason(first: Line, second: Line) -> str | None:
    """Why two lines would count the same money, by what they count; ``None`` if they would not."""
    pair = {first.counts, second.counts}
    if pair == {"episodes", "bed days"}:
        return "episode"
    if _is_agency(first.impact) and _is_agency(second.impact) and "money" in pair and len(pair) > 1:
        return "agency"
    return None


def _overlaps(lines: list[Line]) -> list[Line]:
    """Mark the lines whose money another line already counts."""
    by_id = {line.impact.id: line for line in lines}
    within: dict[str, tuple[str, str, bool]] = {}
    for line in lines:  # stated overlaps first
        for other in line.impact.overlaps:
            if other in by_id and other not in within and line.impact.id not in within:
                if line.releases == "cash" and by_id[other].releases != "cash":
                    # The cash is what the finance director signs, and the capacity is within
                    # it: left out, it would read "no cash" (newuser13 #5). check says so.
                    within[other] = (line.impact.id, "cash", True)
                    break
                reason = _pair_reason(line, by_id[other]) or "stated"
                within[line.impact.id] = (other, reason, True)
                break
    handled = set(within) | {other for other, _, _ in within.values()}
    for first in lines:  # then the pairs a finance director would spot
        for second in lines:
            if first is second or {first.impact.id, second.impact.id} & handled:
                continue
            pair = _pair_reason(first, second)
            if pair is None:
                continue
            reason = pair
            if reason == "episode":  # keep the smaller, so the saving is not overstated
                dropped = max((first, second), key=lambda line: (line.annual, line.counts))
            elif reason == "agency":  # keep the spend: it is the money itself
                dropped = first if first.counts != "money" else second
            else:
                continue
            kept = second if dropped is first else first
            within[dropped.impact.id] = (kept.impact.id, reason, False)
            handled |= {first.impact.id, second.impact.id}
    marked = []
    for line in lines:
        if line.impact.id in within:
            other, reason, stated = within[line.impact.id]
            line = _replace(line, within=other, overlap=reason, overlap_stated=stated)
        marked.append(line)
    return marked


def _replace(line: Line, **changes: Any) -> Line:
    return replace(line, **changes)


def benefit_start(impact: Impact, start: dt.date) -> dt.date:
    """The day an impact's benefit starts: its first ``changed:`` date, or the project's start.

    A change that reached the measure before the project started counts
    from the project's start: the note sets the benefit against the
    project's own years.
    """
    return max(start, min(impact.changed)) if impact.changed else start


def months_between(first: dt.date, last: dt.date) -> float:
    """The months from ``first`` to ``last``, both included: whole months, a part one by its days.

    April to November is 8; 1 to 15 April is 15/30. A forecast carried on at
    a logged rate counts by these, as a finance director does (× 12 ÷ 8),
    not by days (× 365 ÷ 244), so that the page's figure can be had by hand
    from whole months (newuser13 #11). 0 when ``last`` is before ``first``.
    """
    total = 0.0
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        following = (
            dt.date(month.year + 1, 1, 1)
            if month.month == 12
            else dt.date(month.year, month.month + 1, 1)
        )
        end = following - dt.timedelta(days=1)
        start, stop = max(first, month), min(last, end)
        if start <= stop:
            total += ((stop - start).days + 1) / ((end - month).days + 1)
        month = following
    return total


def _earning_months(first: dt.date, last: dt.date, begins: dt.date, end: dt.date) -> float:
    """The months from ``first`` to ``last`` when a benefit earning ``begins``–``end`` counts."""
    return months_between(max(first, begins), min(last, end))


def earning_days(first: dt.date, last: dt.date, begins: dt.date, end: dt.date) -> int:
    """The days from ``first`` to ``last`` on which a benefit earning ``begins``–``end`` counts."""
    return max(0, (min(last, end) - max(first, begins)).days + 1)


def _years(
    start: dt.date | None, end: dt.date | None, lines: list[Line], investment: float | None
) -> tuple[YearShare, ...]:
    """The benefit and investment by financial year, each line's benefit from its own start."""
    if start is None or end is None or end < start:
        return ()
    total_days = (end - start).days + 1
    shares = []
    for year in range(fy_of(start), fy_of(end) + 1):
        first, last = fy_bounds(year)
        days = (min(last, end) - max(first, start)).days + 1
        length = (last - first).days + 1
        benefit = cash = own = elsewhere = 0.0
        for line in lines:
            earned = (
                line.annual
                * earning_days(first, last, benefit_start(line.impact, start), end)
                / length
            )
            benefit += earned
            if spends(line):
                cash += earned
                own += earned if line.own else 0.0
            elif line.elsewhere is not None:
                elsewhere += earned
        shares.append(
            YearShare(
                year=year,
                days=days,
                benefit=benefit,
                cash=cash,
                own=own,
                elsewhere=elsewhere,
                investment=(investment or 0.0) * days / total_days,
            )
        )
    return tuple(shares)


def price_base(facts: Facts, today: dt.date) -> int:
    """The financial year money is restated in: settings.prices.year, else ``today``'s year.

    ``today`` is the note's date for a brief, and the last day of the period
    it reports for a progress update (:func:`appraise`).
    """
    prices = facts.settings.prices
    if prices is not None and prices.year:
        return fy_start(prices.year)
    return fy_of(today)


def appraise(facts: Facts, today: dt.date, *, prices_on: dt.date | None = None) -> Ledger:
    """The project's money, at the price base for a note dated ``today``.

    ``prices_on``: the day whose financial year the money is priced in, when
    it is not ``today``'s. A progress update prices its money in the year of
    the period it reports, not the year it is written in: the closing update
    for March 2028, written in April, counts 2027/28's delivery against the
    2027/28 cost improvement programme at 2027/28 prices, not 2028/29's
    (reader27 #1).
    """
    prices = facts.settings.prices
    base = price_base(facts, prices_on or today)
    # What each impact counts, and whether it is cash, is read in English where the file
    # gives it (pitchkit.recast.english); the lines keep the impacts as the note shows them.
    shown = {impact.id: impact for impact in facts.impacts}
    english = in_english(facts).impacts
    lines = [line for impact in english if (line := _line(impact, base, prices))]
    # Whose the money is, read against the project's own organisation: an ICB's project
    # saves the ICB's own money, not "another body's"; a GP federation's frees its own time.
    home = home_of(facts.project.organisation)
    kind = organisation_kind(facts.project.organisation)
    body = {line.impact.id: other_payer(line.impact, home) for line in lines}
    lines = [
        replace(
            line,
            impact=shown[line.impact.id],
            own=_owned(line, home),
            body=body[line.impact.id],
            elsewhere=_elsewhere(line, body[line.impact.id], kind, facts.project.organisation),
        )
        for line in _overlaps(lines)
    ]
    counted = [line for line in lines if line.counted]
    funding = facts.project.funding
    investment = funding.amount if funding is not None else None
    occupancy = occupancy_of(facts)
    return Ledger(
        price_year=base,
        lines=tuple(lines),
        occupancy=occupancy.percent,
        occupancy_default=occupancy.default,
        investment=investment,
        years=_years(facts.project.start, facts.project.end, counted, investment),
        own_rates_source=(prices.source or None) if prices and prices.rates else None,
        start=facts.project.start,
        end=facts.project.end,
        today=today,
        home=home,
        kind=kind,
        organisation=facts.project.organisation or "",
        levels=tuple(
            replace(level, impact=shown[level.impact.id])
            for impact in english
            if (level := _level_line(impact, base, prices))
        ),
        prices=prices,
    )


def _elsewhere(line: Line, body: str | None, kind: str, organisation: str | None) -> str | None:
    """The other body whose staff time ``line``'s capacity frees, if it is not the project's.

    Capacity in a provider's wards or shifts, in another body's project (an
    ICB's: :func:`~pitchkit.recast.whose.provider_pays`), is an acute hospital's,
    never the project's own to take out (newuser29 #1).
    """
    if line.releases != "capacity":
        return None
    if body is not None and body != TRUST:
        # Admissions a community trust avoids, at the ICB's tariff: the beds are the acute
        # hospital's, which the ICB pays for, not the trust's to close (newuser36 #5).
        return "acute hospital" if _acute_stays(line.impact.measure, organisation) else None
    found = capacity_elsewhere(line.impact.measure, kind, organisation, line.impact.unit)
    return found or ("acute hospital" if body == TRUST else None)


def _acute_stays(measure: str, organisation: str | None) -> bool:
    """Whether ``measure`` counts stays in a hospital bed the project's organisation has none of.

    A community or ambulance trust (its name's setting, as the linker reads it) runs no
    acute wards: emergency admissions it avoids are an acute hospital's. A community
    hospital's or a virtual ward's beds may be its own.
    """
    from pitchkit.recast.measures import setting_of  # the map loads only when it is read

    return (
        setting_of(organisation) in ("community", "ambulance")
        and bool(_STAYS.search(measure))
        and not _OWN_BEDS.search(measure)
    )


#: Stays in a bed: admissions, bed days, spells, in English or Welsh.
_STAYS = re.compile(
    r"\b(?:admissions?|admitted|bed ?days?|stays?|spells?|derbyniadau|diwrnodau gwely)\b",
    re.IGNORECASE,
)
#: Beds a community trust runs itself.
_OWN_BEDS = re.compile(
    r"\b(?:community hospitals?|virtual wards?|hospital at home|intermediate care|step[- ]?up"
    r"|step[- ]?down|ysbyty(?:tai)? cymuned(?:ol)?|wardiau rhithwir)\b",
    re.IGNORECASE,
)


def _owned(line: Line, home: str = TRUST) -> bool:
    """Whether ``line``'s cash is the project's own organisation's, read in English."""
    if is_cost(line):  # new spend falls on whoever pays for it, as a saving would
        return (other_payer(line.impact, home) or home) == home
    return whose_cash(line.impact, line.releases, home) == home


@dataclass
class Delivered:
    """What the progress log shows a closed financial year delivered, in money."""

    benefit: float
    cash: float
    #: Of ``cash``, the trust's own (:attr:`Line.own`); ``None`` when it is all of it.
    own: float | None = None
    #: Of the capacity, the time freed in another body's staff (:attr:`YearShare.elsewhere`).
    elsewhere: float = 0.0
    unlogged: tuple[Period, ...] = ()
    #: The same, by measure, when more than one counted impact earns in the year.
    unlogged_by: tuple[tuple[str, tuple[Period, ...]], ...] = ()
    #: For the year under way: what the log shows delivered so far, to ``upto``
    #: (``benefit`` and ``cash`` then also hold the rest of the year at the log's rate).
    so_far: float | None = None
    upto: dt.date | None = None
    #: For the year under way: some impact's figures in it do not yet show the change, so
    #: it stays at the full rate (``so_far`` is ``None`` when every impact with figures does).
    unshown: bool = False
    #: See :attr:`YearShare.assumed`.
    assumed: float = 0.0
    #: For the year under way: each impact's monthly rate as the log shows it (by id), for
    #: the impacts whose rest of the year is carried on at that rate; the years after it
    #: are forecast at the same rate for those impacts (nothing for one whose chart does
    #: not show the change), and at the full rate for the others.
    rates: tuple[tuple[str, float], ...] = ()
    #: For the year under way: too few figures for any chart (how many, how many a chart
    #: needs), so it stays at the plan's full rate.
    young: tuple[int, int] | None = None
    #: For a closed year that counts nothing: why (see :attr:`YearShare.why`).
    why: str | None = None
    changed: dt.date | None = None
    #: The measures whose figures in the year are worse than before the change: nothing counted.
    worse: tuple[str, ...] = ()
    #: See :attr:`YearShare.planned` and the fields after it.
    planned: float = 0.0
    planned_for: tuple[str, ...] = ()
    needs: int = 0
    unfigured: tuple[str, ...] = ()
    unlogged_whole: tuple[str, ...] = ()
    flat: tuple[str, ...] = ()
    too_few: tuple[str, ...] = ()
    #: See :attr:`YearShare.lost`.
    lost: tuple[Lost, ...] = ()
    #: See :attr:`YearShare.steps`.
    steps: tuple[Step, ...] = ()


def with_logged(ledger: Ledger, delivered: dict[int, Delivered]) -> Ledger:
    """``ledger`` with each closed year in ``delivered`` set to what the log shows.

    A closed financial year is no longer a forecast: its benefit is what the
    progress log shows was delivered in it (worked out in
    :mod:`pitchkit.notes.update.actuals`, as the updates count it). The year
    under way, when the log has figures in it, is what they delivered so far
    plus the rest of the year at the rate they show; the years after it carry
    that rate on for each impact it was worked out for (:attr:`Delivered.rates`),
    the others keeping the full rate. The payback then follows those years
    (:meth:`Ledger.payback_logged`), so that a year that delivered less than
    its rate never reads as repaid within months.
    """
    years = []
    running = delivered.get(ledger.under_way) if ledger.under_way is not None else None
    rates = dict(running.rates) if running is not None and running.so_far is not None else {}
    for share in ledger.years:
        found = delivered.get(share.year)
        if rates and ledger.under_way is not None and share.year > ledger.under_way:
            share = _at_rates(ledger, share, rates)
            if running is not None and running.upto is not None and ledger.start is not None:
                # The months the rate averages, named on the line (newuser35 #13): a rate
                # that includes the months of ramping up is not the latest month's.
                begun = max(fy_bounds(ledger.under_way)[0], ledger.start)
                share = replace(share, rate_span=(begun, running.upto))
        if found is not None and ledger.closed(share.year):
            share = replace(
                share,
                benefit=found.benefit,
                cash=found.cash,
                own=found.own,
                elsewhere=found.elsewhere,
                logged=True,
                unlogged=found.unlogged,
                unlogged_by=found.unlogged_by,
                why=found.why,
                changed=found.changed,
                young=found.young,
                worse=found.worse,
                planned=found.planned,
                planned_for=found.planned_for,
                needs=found.needs,
                unfigured=found.unfigured,
                unlogged_whole=found.unlogged_whole,
                flat=found.flat,
                too_few=found.too_few,
                lost=found.lost,
                steps=found.steps,
            )
        elif (
            found is not None
            and (
                found.so_far is not None
                or found.unshown
                or found.young is not None
                or found.unfigured
                or found.worse
            )
            and share.year == ledger.under_way
        ):
            share = replace(
                share,
                benefit=found.benefit,
                cash=found.cash,
                own=found.own,
                elsewhere=found.elsewhere,
                unlogged=found.unlogged,
                unlogged_by=found.unlogged_by,
                so_far=found.so_far,
                upto=found.upto,
                rates=found.rates if found.so_far is not None else (),
                unshown=found.unshown,
                assumed=found.assumed,
                young=found.young,
                worse=found.worse,
                unfigured=found.unfigured,
                flat=found.flat,
                steps=found.steps,
            )
        years.append(share)
    return replace(ledger, years=tuple(years))


def _at_rates(ledger: Ledger, share: YearShare, rates: dict[str, float]) -> YearShare:
    """A year after the one under way, forecast at the monthly ``rates`` the log shows.

    An impact in ``rates`` earns its logged rate for each month (a part month
    by its days, :func:`months_between`) it earns in the year; the others
    their full rate, each from its own start to the project's end, as
    :func:`_years` counts them.
    """
    if ledger.start is None or ledger.end is None:
        return share
    first, last = fy_bounds(share.year)
    length = (last - first).days + 1
    benefit = cash = own = elsewhere = 0.0
    logged: list[str] = []
    full: list[str] = []
    for line in ledger.counted:
        begins = benefit_start(line.impact, ledger.start)
        monthly = rates.get(line.impact.id)
        if monthly is not None:
            earned = monthly * _earning_months(first, last, begins, ledger.end)
        else:
            earned = line.annual * earning_days(first, last, begins, ledger.end) / length
        if earned != 0:
            (logged if monthly is not None else full).append(line.impact.measure)
        benefit += earned
        if spends(line):
            cash += earned
            own += earned if line.own else 0.0
        elif line.elsewhere is not None:
            elsewhere += earned
    return replace(
        share,
        benefit=benefit,
        cash=cash,
        own=own,
        elsewhere=elsewhere,
        at_log_rate=tuple(logged),
        at_full_rate=tuple(full),
    )


def beds(bed_days_a_year: float, occupancy: float) -> float:
    """Beds a number of bed days a year keeps full at ``occupancy`` per cent."""
    return bed_days_a_year / (365 * occupancy / 100)


def round_money(value: float, quantum: float) -> float:
    """``value`` rounded half up to a multiple of ``quantum`` (left as it is if not finite)."""
    return round_to(value, quantum)


def quantum_for(*values: float) -> float:
    """One rounding step for figures shown together: £1,000 from £10,000, else £1."""
    return 1000.0 if max((abs(v) for v in values), default=0.0) >= 10_000 else 1.0
