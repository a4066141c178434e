"""Numbers, money, dates, periods and lists worded for a reader, in a given language.

Every function takes the :class:`~pitchkit.i18n.translation.Language` explicitly and
leans on Babel's CLDR data for symbols, grouping, month names and list
patterns, so English and Welsh documents share one set of rules. Rounding
is half-up throughout: readers of a briefing note expect 2.5 to become 3.

:func:`filters` binds the functions to one language for the Jinja
environment the Word templates are filled with.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from typing import Any, Literal, ParamSpec, TypeVar, get_args

import jinja2
from babel.dates import format_date, format_skeleton, get_month_names
from babel.lists import format_list
from babel.numbers import (
    format_compact_currency,
    format_currency,
    format_decimal,
    format_percent,
    get_minus_sign_symbol,
    get_plus_sign_symbol,
    list_currencies,
)

from pitchkit.errors import InputError
from pitchkit.figures import figure as figure
from pitchkit.figures import half_up as half_up
from pitchkit.figures import whole as whole
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import N_, Language
from pitchkit.pounds import pounds_scale

Number = int | float | Decimal
P = ParamSpec("P")
R = TypeVar("R")
#: Decimal digits to work with: a float's largest exponent plus room for decimals.
WIDE_PRECISION = 400

MONEY_PRECISIONS = ("auto", "exact", "unit")
#: A unit cost under this is shown to the penny (``precision="unit"``).
_PENNY_UNIT_COSTS = Decimal(100)
DATE_FORMATS = ("long", "short", "month")
ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]
LIST_STYLES: tuple[ListStyle, ...] = get_args(ListStyle)

#: Day, month and full year: UK practice in both languages (CLDR's Welsh short
#: date has a two-digit year, which reads ambiguously in a board paper).
_SHORT_DATE = "dd/MM/y"

_PERIOD = re.compile(r"([1-9]\d{3})(?:-(?:[Qq]([1-4])|(0[1-9]|1[0-2])))?")

#: How a quarter is worded. ``{end_soft}`` is ``{end}`` with the Welsh soft
#: mutation that follows "i" (Mawrth → Fawrth), for catalogs that need it.
QUARTER_PATTERN = N_("{start} to {end} {year}")
_QUARTER_FALLBACKS = {"cy": "{start} i {end_soft} {year}"}

_SOFT_MUTATIONS = (
    ("ll", "l"),
    ("rh", "r"),
    ("ch", "ch"),
    ("ph", "ph"),
    ("th", "th"),
    ("p", "b"),
    ("t", "d"),
    ("c", "g"),
    ("b", "f"),
    ("d", "dd"),
    ("g", ""),
    ("m", "f"),
)
_WELSH_VOWELS = frozenset("aeiouwy")
_WELSH_AND = re.compile(r"\ba\(c\) (?=(\S+))")
#: pitchkit's own Welsh words that begin a phrase it joins in a list ("gostyngiad … a
#: chynnydd …"): after "a" (and) they take the aspirate mutation. The user's own words,
#: Welsh or English, are left as written.
_ASPIRATE_AFTER_AND = frozenset(
    {
        "cynnydd",
        "canran",
        "capasiti",
        # A clause of its own in a list of conditions: "pan …, pan … a phan …" (review23).
        "pan",
        "costau",
        "cyfnod",
        "pwynt",
        "pwyntiau",
        "pryder",
        "tuedd",
        "terfyn",
        "targed",
        "tystiolaeth",
        "tua",
        # The one Welsh month that starts with c, p or t: "Hydref 2026 a Thachwedd 2026"
        # (newuser17 #6). Chwefror is already "Ch".
        "tachwedd",
    }
)
_ASPIRATE = {"c": "ch", "p": "ph", "t": "th"}

_MILLION = Decimal(1_000_000)
_POUNDS_LIMIT = Decimal(10_000)


def _wide_precision(format_value: Callable[P, R]) -> Callable[P, R]:
    """Run ``format_value`` with enough decimal precision for any float (1e300 included).

    Babel and the rounding here quantize decimals; Python's default context
    holds only 28 digits, which a huge (if mistaken) figure would exceed.
    """

    @functools.wraps(format_value)
    def formatted(*args: P.args, **kwargs: P.kwargs) -> R:
        with localcontext() as context:
            context.prec = WIDE_PRECISION
            return format_value(*args, **kwargs)

    return formatted


#: How many formatted figures :func:`_remembered` keeps before it starts afresh.
REMEMBERED = 4096


def _remembered(format_value: Callable[P, R]) -> Callable[P, R]:
    """Give the figure ``format_value`` formatted before when asked for it again.

    Formatting with Babel is the costliest part of wording a note, and the
    same figures recur: a project's impacts and money in every director's
    note of a batch. The result depends only on the arguments: each number
    by its type and exact ``repr`` (so ``-0.0``, ``1.0`` and ``Decimal('1.00')``
    stay apart), the language by its code. Arguments of any other kind are
    formatted afresh. At most :data:`REMEMBERED` figures are kept.
    """
    remembered: dict[tuple[object, ...], R] = {}

    @functools.wraps(format_value)
    def formatted(*args: P.args, **kwargs: P.kwargs) -> R:
        key = _figure_key(args, kwargs)
        if key is None:
            return format_value(*args, **kwargs)
        found = remembered.get(key)
        if found is None:
            found = format_value(*args, **kwargs)
            if len(remembered) >= REMEMBERED:
                remembered.clear()
            remembered[key] = found
        return found

    return formatted


_NUMBERS = frozenset({int, float, Decimal})


def _figure_key(args: tuple[object, ...], kwargs: dict[str, object]) -> tuple[object, ...] | None:
    """The arguments as a key that tells apart every value formatting tells apart."""
    key: list[object] = []
    given: list[tuple[str | None, object]] = [(None, arg) for arg in args]
    if kwargs:
        given += sorted(kwargs.items())
    for name, value in given:
        kind = type(value)
        if kind is str or value is None:  # the commonest first: a unit, a currency
            part: object = value
        elif kind in _NUMBERS:
            part = (kind.__name__, repr(value))
        elif isinstance(value, Language):
            part = ("lang", value.code)
        elif isinstance(value, str):
            part = value
        else:
            return None
        key.append((name, part))
    return tuple(key)


@_remembered
@_wide_precision
def money(
    amount: Number,
    lang: Language,
    *,
    currency: str = "GBP",
    precision: str = "auto",
) -> str:
    """Format ``amount`` of ``currency`` rounded as a briefing note would.

    With ``precision="auto"``: under 10,000 to the whole unit (£1,590), then
    to three significant figures (£318,000), written compactly from a
    million (£1.2m, £1.25m, £14m, £1.3bn), so that figures on one line
    still add up (£2.5m to £1.75m is £750,000 less). Non-zero amounts under 1 keep their
    pence so they never show as £0. ``precision="exact"`` shows pence only
    when there are any (£1,590.50, £1,590). ``precision="unit"`` is for a unit
    cost: under £100 always to the penny (£4.00, £3.99, £42.00), as the prices
    it is worked at are, else as ``exact`` (£196.93, £1,850): "£4" for £4.002
    read as a rounded price (newuser29 #8).
    """
    if precision not in MONEY_PRECISIONS:
        raise InputError(
            Message(
                "unknown money precision {precision}: use precision='auto' or precision='exact'",
                precision=repr(precision),
            )
        )
    code = currency.strip().upper()
    value = _to_decimal(amount, Message("an amount of money"))
    if precision == "unit" and abs(value) < _PENNY_UNIT_COSTS:
        return str(format_currency(value, code, locale=lang.locale))
    if precision in ("exact", "unit"):
        return _exact_money(value, code, lang)
    rounded = _round_money(value)
    if abs(rounded) >= _MILLION:
        # Welsh writes £3.81m and £1.3bn as English does (CLDR's Welsh gives £3.81M and
        # £1.3B), so that a bilingual note's two pages show the same figure alike.
        shown = str(format_compact_currency(rounded, code, locale=lang.locale, fraction_digits=2))
        return re.sub(r"(?<=\d)M\b", "m", re.sub(r"(?<=\d)B\b", "bn", shown))
    return _exact_money(rounded, code, lang)


#: Under this, "about" keeps one decimal place (about 2.4 beds); from it, a whole number:
#: "about 8.3 clinic sessions" claims a precision "about" denies (newuser31 #9).
_ABOUT_DECIMALS_UNDER = 5


def quoted(text: object) -> str:
    """``text`` in curly quotes, as an item shown as written (an objective, a title)."""
    return f"“{str(text).strip()}”"


def about(value: float, lang: Language) -> str:
    """A figure said with "about": to one decimal place under five (2.4), else whole (8, 67)."""
    small = abs(value) < _ABOUT_DECIMALS_UNDER
    return number(half_up(value, 1) if small else whole(value), lang)


def any_pence(amounts: Sequence[Number]) -> bool:
    """Whether any of ``amounts`` has pence: a list of unit costs then shows them all."""
    return any(
        (value := _to_decimal(amount, Message("an amount of money"))) != value.to_integral_value()
        for amount in amounts
    )


def listed_unit_cost(amount: Number, lang: Language, *, pence: bool, currency: str = "GBP") -> str:
    """A unit cost in a list of them, in the list's one format (newuser31 #8).

    ``pence`` (:func:`any_pence` of the list): to the penny (£165.00,
    £173.76), else whole (£165, £95): never "£165 a referral ... £95.00 an
    appointment" side by side.
    """
    code = currency.strip().upper()
    value = _to_decimal(amount, Message("an amount of money"))
    if pence:
        return str(format_currency(value, code, locale=lang.locale))
    return _exact_money(value, code, lang)


@_wide_precision
def money_together(
    amounts: Sequence[Number], lang: Language, *, adding_up: bool = False
) -> list[str]:
    """Format amounts shown side by side, rounded to one step chosen for them all.

    Each amount alone would be rounded to its own band (:func:`money`):
    £412,500 to £413,000 but the £82,500 beside it to the £100, so that
    "from £413,000 to £330,000: £82,500 less" did not add up (newuser21 #2).
    Here every amount takes the finest step any of them needs ("£412,500
    to £330,000: £82,500 less"): a figure needs the step it is written to
    (412,500 is to the £100), down to the pound, or else its band's. With
    ``adding_up`` the first three are a baseline, a target and the difference
    between them, and the step is made finer still (to the penny at most)
    until the difference of the first two as shown is the third as shown.
    A figure the step leaves at its own rounding keeps its usual form
    (£1.25m); any other is written in full.
    """
    values = [_to_decimal(amount, Message("an amount of money")) for amount in amounts]
    if not values:
        return []
    quantum = min(_needed_step(value) for value in values)

    def stepped(value: Decimal, step: Decimal) -> Decimal:
        return (value / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step

    if adding_up and len(values) >= 3:
        while quantum > Decimal("0.01"):
            first, second, gap = (stepped(value, quantum) for value in values[:3])
            if abs(first - second) == abs(gap):
                break
            quantum /= 10
    shown = []
    for value in values:
        rounded = stepped(value, quantum)
        if rounded == _round_money(rounded):
            shown.append(money(rounded, lang))
        else:
            shown.append(_exact_money(rounded, "GBP", lang))
    return shown


def _needed_step(value: Decimal) -> Decimal:
    """The coarsest step, no coarser than its band's, that ``value`` is a whole number of.

    £412,500 needs the £100 (its band rounds to the £1,000); £330,000 its
    band's £1,000; £413,633.33, a whole number of no step from the pound up,
    its band's.
    """
    band = _money_quantum(abs(_round_money(value)))
    written = _round(value, 6)  # 336.2 £k read as a float is 336,200 give or take a hair
    step = band
    while step >= 1:
        if written % step == 0:
            return step
        step /= 10
    return band


@_remembered
@_wide_precision
def number(value: Number, lang: Language, *, decimals: int | None = None) -> str:
    """Format ``value`` with the locale's grouping (1,200; 87.5).

    By default whole numbers have no decimals and others at most one
    (87.54 → 87.5, 87.04 → 87). ``decimals=n`` always shows ``n`` places.
    """
    amount = _to_decimal(value, Message("a number"))
    if decimals is not None and decimals < 0:
        raise InputError(
            Message("cannot show {decimals} decimal places: use 0 or more", decimals=decimals)
        )
    rounded = _round(amount, 1 if decimals is None else decimals)
    if decimals is None:
        decimals = 0 if rounded == rounded.to_integral_value() else 1
    return _sign(rounded, lang) + _decimal_text(abs(rounded), decimals, lang)


@_remembered
@_wide_precision
def percent(value: Number, lang: Language, *, decimals: int = 0, signed: bool = False) -> str:
    """Format the fraction ``value`` as a percentage (0.18 → 18%).

    A non-zero value too small to show is written "<1%" (or "<0.1%" with one
    decimal) rather than a misleading 0%; one just short of the whole is
    ">99%" rather than 100%. ``signed=True`` puts + before rises.
    """
    fraction = _to_decimal(value, Message("a percentage"))
    rounded = _round(fraction, decimals + 2)
    step = Decimal(1).scaleb(-(decimals + 2))
    if fraction != 0 and rounded == 0:
        body = "<" + _percent_text(step, decimals, lang)
        return _sign(fraction, lang, signed=signed) + body
    if abs(fraction) < 1 and abs(rounded) == 1:
        body = ">" + _percent_text(1 - step, decimals, lang)
        return _sign(fraction, lang, signed=signed) + body
    return _sign(rounded, lang, signed=signed) + _percent_text(abs(rounded), decimals, lang)


@_wide_precision
def change(value: Number, lang: Language, *, unit: str | None = None) -> str:
    """Format a change with its sign for a table: "+12", "-200", "+£4,000".

    Zero has no sign. ``unit`` is worded as :func:`quantity` does, and the
    sign goes in front of it (so a fall in money reads "-£4,000").
    """
    amount = _to_decimal(value, Message("a change"))
    magnitude = abs(amount)
    shown = _round_money(magnitude) if _is_money(unit) else _round(magnitude, 1)
    sign = _sign(amount, lang, signed=True) if shown else ""
    return sign + quantity(magnitude, unit, lang)


def date(value: dt.date, lang: Language, *, format: str = "long") -> str:
    """Format a date: "long" (3 December 2026), "short" (03/12/2026) or "month".

    In Welsh the long form is "3 Rhagfyr 2026" and the month form
    "Rhagfyr 2026", from Babel's CLDR data.
    """
    if not isinstance(value, dt.date):
        raise InputError(
            Message(
                "cannot format {value} as a date: give a date such as 2026-12-03",
                value=repr(value),
            )
        )
    if format == "long":
        return str(format_date(value, "long", locale=lang.locale))
    if format == "short":
        return str(format_date(value, _SHORT_DATE, locale=lang.locale))
    if format == "month":
        return str(format_skeleton("yMMMM", value, locale=lang.locale))
    choices = ", ".join(DATE_FORMATS)
    raise InputError(
        Message(
            "unknown date format {format}: use one of {choices}",
            format=repr(format),
            choices=choices,
        )
    )


def period_label(period: str, lang: Language, *, short: bool = False) -> str:
    """Word a reporting period: 2027-Q1, 2027-03 or 2027.

    "2027-Q1" → "January to March 2027" (Welsh "Ionawr i Fawrth 2027"),
    "2027-03" → "March 2027", "2027" → "2027". With ``short``, a label that
    fits a chart axis: "Q1 27", "Mar ’27" (Welsh "Maw 2027"), "2027".
    """
    match = _PERIOD.fullmatch(str(period).strip())
    if match is None:
        raise InputError(
            Message(
                "unknown period {period}: write YYYY, YYYY-MM or YYYY-Qn, for example 2027-Q1",
                period=repr(period),
            )
        )
    year, quarter, month = match.groups()
    if short:
        return _short_period_label(year, quarter, month, lang)
    if month is not None:
        return date(dt.date(int(year), int(month), 1), lang, format="month")
    if quarter is None:
        return year
    months = get_month_names("wide", "format", locale=lang.locale)
    last = int(quarter) * 3
    end = str(months[last])
    end_soft = soft_mutation(end) if lang.lang == "cy" else end
    pattern = _quarter_pattern(lang)
    return pattern.format(start=months[last - 2], end=end, end_soft=end_soft, year=year)


def in_period(period: str, lang: Language) -> str:
    """A reporting period after the word for "in": "in June 2026", "in 2027".

    Welsh mutates a month after "yn" ("ym Mehefin", "yn Nhachwedd", "yng
    Ngorffennaf"): "ym mis Mehefin 2026" mutates none, and a quarter or a
    year is "yn ystod …" (newuser37 #3).
    """
    label = period_label(period, lang)
    match = _PERIOD.fullmatch(str(period).strip())
    if match is not None and match.group(3) is not None:
        return lang.gettext("in {month}").format(month=label)
    return lang.gettext("in {period}").format(period=label)


def _short_period_label(year: str, quarter: str | None, month: str | None, lang: Language) -> str:
    """Return ``Mar ’27``, ``Q1 27`` or ``2027``: months abbreviated as ``lang`` does."""
    if month is not None:
        label = str(format_skeleton("MMMyy", dt.date(int(year), int(month), 1), locale=lang.locale))
        # CLDR's British English abbreviates September to four letters: "Sep" keeps a
        # chart's axis in three-letter months ("Jul '27", "Sep '27"; reader20 #7).
        return label.replace("Sept", "Sep") if lang.lang == "en" else label
    if quarter is not None:
        return f"Q{quarter} {int(year) % 100:02d}"
    return year


def join_list(items: Iterable[object], lang: Language, *, style: str = "standard") -> str:
    """Join ``items`` as the language does: "A, B and C"; empty gives "".

    Uses Babel's list patterns. CLDR writes Welsh "and" as "a(c)"; it is
    settled here to "ac" before a vowel and "a" otherwise, with no comma before
    it, as Welsh writes a list.
    """
    if style not in LIST_STYLES:
        choices = ", ".join(LIST_STYLES)
        raise InputError(
            Message(
                "unknown list style {style}: use one of {choices}",
                style=repr(style),
                choices=choices,
            )
        )
    words = [str(item) for item in items]
    if not words:
        return ""
    joined = str(format_list(words, style=style, locale=lang.locale))
    if lang.lang != "cy":
        return joined
    # CLDR puts a comma before the last "a(c)"; Welsh writes none: "A, B a C" (newuser31).
    joined = joined.replace(", a(c) ", " a(c) ")
    return welsh_figures(_aspirate_after_and(_WELSH_AND.sub(_welsh_and, joined)))


@_remembered
@_wide_precision
def quantity(
    value: Number, unit: str | None, lang: Language, *, decimals: int | None = None
) -> str:
    """Format ``value`` with its unit: "87.5%", "£4,000", "12 days", "1 day".

    ``decimals`` as for :func:`number` (not for money): a measure's figures keep
    its decimal places, so a target of 6.0 beside 8.1 reads "6.0".

    ``unit`` "%" means ``value`` is already a percentage; "£" or a currency
    code (GBP, EUR) means money; any other unit follows the number after a
    space. In English a unit ending in "s" loses it for exactly 1 ("1 day",
    "1 admission"); other languages keep the unit as written.
    """
    unit = (unit or "").strip()
    if _is_money(unit):
        return money(value, lang, currency="GBP" if pounds_scale(unit) == 1 else unit)
    text = number(value, lang, decimals=decimals)
    if not unit:
        return text
    if unit == "%":
        return text + str(lang.locale.number_symbols["latn"]["percentSign"])
    if lang.lang == "en" and text.lstrip(get_minus_sign_symbol(lang.locale)) == "1":
        unit = _singular(unit)
    return counted(text, unit, lang)


#: Welsh feminine nouns a count may stand before: "un" softens them ("1 dunnell") and
#: "tair" (3) leaves them as they are ("3 tunnell"), where a masculine noun is softened by
#: nothing after 1 and aspirated after 3 ("3 chlaf").
_WELSH_FEMININE = frozenset(
    {
        "awr",
        "cwyn",
        "galwad",
        "llawdriniaeth",
        "marwolaeth",
        "nyrs",
        "punt",
        "sesiwn",
        "sifft",
        "swydd",
        "tunnell",
        "uned",
        "wythnos",
    }
)


@functools.cache
def _welsh_nouns() -> frozenset[str]:
    """The Welsh nouns pitchkit writes after a figure itself, the only ones it mutates."""
    words = [*WELSH_UNITS.values(), *WELSH_SINGULARS.values()]
    return frozenset(word.partition(" ")[0] for word in words)


def counted(figure: str, noun: str, lang: Language) -> str:
    """A count before its noun, the one place a note puts a figure before a noun.

    English: "8 beds", "1 bed" (a plural noun loses its "s" for exactly 1).
    Welsh keeps the noun singular after a numeral, mutated as the figure is
    read: "8 gwely", "8 sesiwn glinig", "2 wely" (*dau wely*), "3 chlaf"
    (*tri chlaf*), "6 chlaf" (*chwe chlaf*), "1 dunnell" (*un dunnell*, a
    feminine noun); a figure with a fraction ("4.8 gwely") or any other whole
    one is followed by the noun as it is. An English unit pitchkit knows
    becomes its Welsh noun (:func:`unit_words`); a unit it does not know is
    left as written, and not mutated.
    """
    if lang.lang != "cy":
        return f"{figure} {_singular(noun) if figure == '1' else noun}".rstrip()
    head, space, rest = unit_words(noun, lang).partition(" ")
    if head.lower() not in _welsh_nouns():
        # A unit as the facts file writes it, perhaps English ("2 patients"): not mutated.
        return f"{figure} {head}{space}{rest}".rstrip()
    feminine = head.lower() in _WELSH_FEMININE
    if figure == "2" or (figure == "1" and feminine and not head.lower().startswith(("ll", "rh"))):
        head = soft_mutation(head)
    elif figure == "6" or (figure == "3" and not feminine):
        head = aspirate_mutation(head)
    return f"{figure} {head}{space}{rest}".rstrip()


#: Common units written in English in a facts file, and the Welsh noun a Welsh
#: note uses after a number (Welsh keeps the noun singular after a numeral:
#: ``12 diwrnod``, ``1,130 diwrnod gwely``). A unit given in Welsh in the facts
#: file (``unit: {en: days, cy: diwrnod}``) is used as written.
WELSH_UNITS = {
    "admission": "derbyniad",
    "appointment": "apwyntiad",
    # An A&E attendance is not a visit ("ymweliad"): "presenoldeb" (newuser17 #6).
    "attendance": "presenoldeb",
    "bed": "gwely",
    "bed day": "diwrnod gwely",
    "clinic session": "sesiwn glinig",
    "call": "galwad",
    "day": "diwrnod",
    "death": "marwolaeth",
    "fall": "cwymp",
    "hour": "awr",
    "incident": "digwyddiad",
    "minute": "munud",
    "month": "mis",
    "operation": "llawdriniaeth",
    "patient": "claf",
    "readmission": "aildderbyniad",
    "referral": "atgyfeiriad",
    "shift": "sifft",
    "tonne": "tunnell",
    "unit": "uned",
    "visit": "ymweliad",
    "week": "wythnos",
}


#: Welsh plural nouns a facts file may give as a unit, and the singular a Welsh
#: note writes after a numeral: ``5,000 diwrnod``, ``7 nyrs``, not ``7 nyrsys``.
WELSH_SINGULARS = {
    "achosion": "achos",
    "aildderbyniadau": "aildderbyniad",
    "apwyntiadau": "apwyntiad",
    "asesiadau": "asesiad",
    "atgyfeiriadau": "atgyfeiriad",
    "cleifion": "claf",
    "cwympiadau": "cwymp",
    "cwympau": "cwymp",
    "cwynion": "cwyn",
    "derbyniadau": "derbyniad",
    "digwyddiadau": "digwyddiad",
    "diwrnodau": "diwrnod",
    "dyddiau": "diwrnod",
    "galwadau": "galwad",
    "gwelyau": "gwely",
    "llawdriniaethau": "llawdriniaeth",
    "marwolaethau": "marwolaeth",
    "meddygon": "meddyg",
    "misoedd": "mis",
    "munudau": "munud",
    "nyrsys": "nyrs",
    "oriau": "awr",
    "presenoldebau": "presenoldeb",
    "sifftiau": "sifft",
    "swyddi": "swydd",
    "trychiadau": "trychiad",
    "unedau": "uned",
    "wythnosau": "wythnos",
    "ymweliadau": "ymweliad",
}


def unit_words(unit: str, lang: Language) -> str:
    """``unit`` as the note's language writes it after a number.

    In Welsh, a common English unit (``bed days``, ``hours``, ``shifts``)
    becomes its Welsh noun from :data:`WELSH_UNITS`, and a Welsh plural
    (``diwrnodau``, ``nyrsys``, ``diwrnodau gwely``) its singular from
    :data:`WELSH_SINGULARS`, as Welsh writes a noun after a numeral; any
    other unit, and every unit in English, is kept as written.
    """
    if lang.lang != "cy":
        return unit
    known = WELSH_UNITS.get(_singular(unit.strip().lower()))
    if known is not None:
        return known
    first, _space, rest = unit.strip().partition(" ")
    singular = WELSH_SINGULARS.get(first.lower()) or welsh_singular(first.lower())
    if singular is None:
        return unit
    if first[:1].isupper():
        singular = singular.capitalize()
    return f"{singular} {rest}".strip()


def unit_plural(unit: str, lang: Language) -> str:
    """``unit`` as a plural noun in a sentence ("yn cyfrif apwyntiadau"), not after a number.

    In Welsh, a unit :func:`unit_words` makes Welsh takes the plural that
    :data:`WELSH_SINGULARS` gives for it (``appointments`` → ``apwyntiadau``);
    any other unit, and every unit in English, is kept as written.
    """
    if lang.lang != "cy":
        return unit
    first, _space, rest = unit_words(unit, lang).partition(" ")
    plurals = {singular: plural for plural, singular in reversed(WELSH_SINGULARS.items())}
    plural = plurals.get(first.lower())
    if plural is None:
        return unit if first.lower() == unit.strip().lower() else f"{first} {rest}".strip()
    if first[:1].isupper():
        plural = plural.capitalize()
    return f"{plural} {rest}".strip()


#: Endings of Welsh plurals whose singular is the word without its ``-au``: a noun in
#: -ad or -aeth (``cyflenwadau`` → ``cyflenwad``, ``triniaethau`` → ``triniaeth``).
_WELSH_PLURAL_AU = re.compile(r"^(\w{3,}(?:ad|aeth))au$")


def welsh_singular(word: str) -> str | None:
    """The singular of a regular Welsh plural not in :data:`WELSH_SINGULARS`, else ``None``.

    Only the surest rule: a noun in -ad or -aeth takes -au (*cyflenwadau*,
    *asesiadau*, *triniaethau*); other plurals vary too much to guess.
    """
    found = _WELSH_PLURAL_AU.match(word)
    return found.group(1) if found else None


def unit_as_written(unit: str, lang: Language) -> bool:
    """Whether a note in ``lang`` shows ``unit`` as the facts file writes it.

    Not so for money, ``%`` or, in Welsh, a common unit pitchkit words itself.
    """
    unit = unit.strip()
    return bool(unit) and unit != "%" and not _is_money(unit) and unit_words(unit, lang) == unit


def singular_unit(unit: str, lang: Language) -> str:
    """Return the unit for one item ("admissions" → "admission") in English; else as written."""
    unit = unit.strip()
    if lang.lang != "en" or unit == "%" or _is_money(unit):
        return unit_words(unit, lang)
    return _singular(unit)


def singular_known(unit: str, lang: Language) -> bool:
    """Whether :func:`singular_unit` gives ``unit`` as one item for certain: "am bob derbyniad".

    In Welsh, only a unit pitchkit words itself or whose singular it knows.
    A Welsh unit it does not know may be a plural ("briwiau pwyso"), which a phrase such as
    "am bob" must not be followed by.
    """
    if lang.lang != "cy":
        return True
    unit = unit.strip()
    if WELSH_UNITS.get(_singular(unit.lower())) is not None:
        return True
    first = unit.partition(" ")[0].lower()
    return (
        WELSH_SINGULARS.get(first) is not None
        or welsh_singular(first) is not None
        or first in WELSH_SINGULARS.values()
    )


def filters(lang: Language) -> dict[str, Callable[..., str]]:
    """Return the Jinja filters for ``lang``: money, number, percent, date, list, ....

    Each takes the value first and the options as keywords. ``None`` and
    Jinja's undefined give "" and a string is returned unchanged, so optional
    or already-worded fields never break a document.
    """
    return {
        "money": _tolerant(lambda value, **options: money(value, lang, **options)),
        "number": _tolerant(lambda value, **options: number(value, lang, **options)),
        "percent": _tolerant(lambda value, **options: percent(value, lang, **options)),
        "date": _tolerant(lambda value, **options: date(value, lang, **options)),
        "list": _tolerant(lambda value, **options: join_list(_present(value), lang, **options)),
        "period": _tolerant(_period_filter(lang), words=False),
        "quantity": _tolerant(lambda value, unit=None: quantity(value, unit, lang)),
        "change": _tolerant(lambda value, **options: change(value, lang, **options)),
        "sentence": sentence,
        "sentences": sentences,
    }


def sentence(text: object) -> str:
    """``text`` ending with a full stop, unless it already ends a sentence ("…" too).

    For a template line such as ``{{ project.evidence|list|sentence }}``,
    where the last item may already end in "." or have been shortened to "…".
    """
    if text is None:
        return ""
    if isinstance(text, jinja2.Undefined):
        return str(text)  # "" for Undefined; StrictUndefined raises as it should
    words = text.rstrip() if isinstance(text, str) else str(text).rstrip()  # keeps Markup
    if not words or words.endswith((".", "!", "?", "…", ".)", ".”", ".'", '."')):
        return words
    return words + "."


def sentences(items: object) -> str:
    """List items as sentences of their own: ``A. B. C.`` (never joined with commas).

    For a template line such as ``{{ project.evidence|sentences }}``: each
    item ends with one full stop (or its own "?" or "!"), and blank items
    are left out.
    """
    if items is None:
        return ""
    if isinstance(items, jinja2.Undefined):
        return str(items)
    if isinstance(items, str):
        return sentence(items)
    return " ".join(sentence(item) for item in _present(items))  # type: ignore[arg-type]


def soft_mutation(word: str) -> str:
    """Apply the Welsh soft mutation to ``word`` (Mawrth → Fawrth, Rhagfyr → Ragfyr)."""
    lower = word.lower()
    for radical, mutated in _SOFT_MUTATIONS:
        if lower.startswith(radical):
            rest = word[len(radical) :]
            if not mutated:
                return rest[:1].upper() + rest[1:] if word[:1].isupper() else rest
            head = mutated.capitalize() if word[:1].isupper() else mutated
            return head + rest
    return word


#: How a word already mutated, or one that does not mutate, may start: never mutated again
#: ("dd" is not "d" to make "ddd"; "ngh", "mh" and "nh" are nasal mutations).
_NOT_RADICAL = ("dd", "ff", "ng", "mh", "nh")


def after_o(phrase: str) -> str:
    """``phrase`` as it reads after Welsh "o" (of, from): its first word soft-mutated.

    "o gwariant ar feddyginiaethau" is "o wariant ar feddyginiaethau"
    (newuser13 #13). A first word already mutated, written in capitals (an
    abbreviation such as GIG) or starting with a figure is left as it is.
    """
    word, space, rest = phrase.partition(" ")
    if not word or word.lower().startswith(_NOT_RADICAL) or (len(word) > 1 and word.isupper()):
        return phrase
    return soft_mutation(word) + space + rest


def from_source(source: str, lang: Language) -> str:
    """Where money comes from: "from the Regional Integration Fund", Welsh "o'r Gronfa …".

    Welsh "o" (from) takes the soft mutation of the word after it
    (:func:`after_o`: "o Gronfa"), and before the article it joins it: "o'r",
    never "o y" or "o yr" (reader25 #18: the Welsh had put the source in the
    funding's bracket, "(gofynnwyd amdano; ffynhonnell: y Gronfa …)", a label's
    colon inside a bracket after the label "Cyllid:"). Said here, in code, so
    that no translation has to know the source's first word.
    """
    if lang.lang != "cy":
        return lang.gettext("from {source}").format(source=source)
    word, space, rest = source.partition(" ")
    if space and word.lower() in {"y", "yr"}:
        return f"o'r {rest}"
    return f"o {after_o(source)}"


@functools.cache
def _after_dros() -> re.Pattern[str]:
    """A Welsh month name straight after "dros" (over)."""
    names = "|".join(str(name) for name in get_month_names("wide", locale="cy").values())
    return re.compile(rf"(?<![\w'’])dros ({names})\b")


def after_dros(text: str, lang: Language) -> str:
    """``text`` with a Welsh month after "dros" soft-mutated: "dros Orffennaf i Fedi 2027".

    "Dros" (over) takes the soft mutation, as "i" does in the same range
    (reader22 #9: "cyfartaledd o 84.3% dros Gorffennaf i Fedi 2027").
    Other languages, and words that are not months, are left as they are.
    """
    if lang.lang != "cy":
        return text
    return _after_dros().sub(lambda found: f"dros {soft_mutation(found.group(1))}", text)


def aspirate_mutation(word: str) -> str:
    """Apply the Welsh aspirate mutation to ``word`` (Tachwedd → Thachwedd), after "na" or "â"."""
    first = word[:1]
    if first.lower() not in _ASPIRATE or word[1:2].lower() in {"h"}:
        return word
    mutated = _ASPIRATE[first.lower()]
    return (mutated.capitalize() if first.isupper() else mutated) + word[1:]


#: Welsh "na" (than, nor) and "â" (with, as) become "nag" and "ag" before a vowel.
_WELSH_NA_A = re.compile(r"(?<![\w'’])(na|â) (?=(\w+))")


def welsh_before_vowel(text: str) -> str:
    """``yn well na Ionawr`` → ``yn well nag Ionawr``; ``yr un fath â Awst`` → ``… ag Awst``.

    Welsh "na" and "â" take a *g* before a word beginning with a vowel (a, e,
    i, o, u, y, with or without an accent), and before a figure read with one
    (:func:`welsh_figures`: "na 8" is "nag 8"). Words beginning with a
    consonant are left as they are.
    """

    def settle(match: re.Match[str]) -> str:
        first = unicodedata.normalize("NFD", match.group(2))[0].lower()
        if first not in _WELSH_NA_VOWELS:
            return match.group(0)
        return "nag " if match.group(1) == "na" else "ag "

    return welsh_figures(_WELSH_NA_A.sub(settle, text))


#: "a", "na" or "â" (or their forms before a vowel) before a figure: "a 8", "na £11,000".
@functools.cache
def _welsh_before_figure() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w'’])(a|ac|na|nag|â|ag|A|Ac|Na|Nag|Â|Ag) (?=[(]?[−-]?£?(\d[\d,]*(?:\.\d+)?))"
    )


_BEFORE_VOWEL = {"a": "ac", "na": "nag", "â": "ag"}
_BEFORE_CONSONANT = {"ac": "a", "nag": "na", "ag": "â"}


def welsh_figure_has_vowel(figure: str) -> bool:
    """Whether ``figure``, read aloud in Welsh, begins with a vowel: "8" (wyth), "11" (un ar ddeg).

    Read as Welsh speakers say them: 1 *un*, 8 *wyth*; 11 to 19 in the
    traditional words, which only 11 (*un ar ddeg*) and 16 (*un ar bymtheg*)
    begin with a vowel (12 *deuddeg*, 13 *tri ar ddeg*, 15 *pymtheg*, 18
    *deunaw* do not); 20 *ugain*; from 21 the decimal count, so 80 to 89
    *wyth deg ...*, 800 to 899 *wyth cant ...*; in thousands and millions,
    their leading group (8,500 is *wyth mil ...*, 11,000 *un ar ddeg mil*),
    except that 1,000 is *mil* and 1,000,000 *miliwn*. 0 is *dim*, 10
    *deg*, 100 *cant*: no vowel. A decimal reads its whole part first.
    """
    whole = figure.split(".")[0].replace(",", "")
    if not whole.isdigit():
        return False
    number = int(whole)
    higher = False
    while number >= 1000:
        number //= 1000
        higher = True
    if number == 0 or (number == 1 and higher):
        return False
    if number >= 100:
        return number // 100 == 8
    return number in _WELSH_VOWEL_FIGURES


#: The figures under 100 whose Welsh words begin with a vowel: un, wyth, un ar ddeg,
#: un ar bymtheg, ugain; and wyth deg ... (80 to 89) in the decimal count.
_WELSH_VOWEL_FIGURES = frozenset({1, 8, 11, 16, 20, *range(80, 90)})


def welsh_figures(text: str) -> str:
    """Settle Welsh "a"/"ac", "na"/"nag" and "â"/"ag" before each figure by how it is read.

    ``a 8 signal arall`` → ``ac 8 signal arall`` (*ac wyth*), ``ac 5`` →
    ``a 5`` (*a pump*), ``mwy na 11`` → ``mwy nag 11``, ``a £80,000`` →
    ``ac £80,000`` (*ac wyth deg mil o bunnoedd*).
    """

    def settle(match: re.Match[str]) -> str:
        word = match.group(1)
        lower = word.lower()
        if welsh_figure_has_vowel(match.group(2)):
            chosen = _BEFORE_VOWEL.get(lower, lower)
        else:
            chosen = _BEFORE_CONSONANT.get(lower, lower)
        return (chosen.capitalize() if word[:1].isupper() else chosen) + " "

    return _welsh_before_figure().sub(settle, text)


def settled(text: str, lang: Language) -> str:
    """``text`` with Welsh joining words settled before figures (:func:`welsh_figures`)."""
    return welsh_figures(text) if lang.lang == "cy" else text


#: The vowels before which "na" and "â" become "nag" and "ag" (not *w*: "â wal").
_WELSH_NA_VOWELS = frozenset("aeiouy")


def _tolerant(format_value: Callable[..., str], *, words: bool = True) -> Callable[..., str]:
    """Wrap a filter so None, undefined and (if ``words``) strings pass through."""

    def apply(value: Any, *args: Any, **options: Any) -> str:
        if isinstance(value, jinja2.Undefined):
            return str(value)  # "" for Undefined; StrictUndefined raises as it should
        if value is None:
            return ""
        if words and isinstance(value, str):
            return value
        return format_value(value, *args, **options)

    return apply


def _period_filter(lang: Language) -> Callable[..., str]:
    """Return a filter wording a period, leaving text that is not a period alone."""

    def label(value: Any) -> str:
        text = str(value)
        if _PERIOD.fullmatch(text.strip()) is None:
            return text
        return period_label(text, lang)

    return label


def _present(items: Iterable[object]) -> list[object]:
    """Drop the missing (None or blank) entries from a list a template passes."""
    return [item for item in items if item is not None and str(item).strip()]


def _to_decimal(value: object, what: Message) -> Decimal:
    """Turn an int, float or Decimal into a finite Decimal, or explain why not.

    ``what`` names the kind of figure wanted ("a number"), for the message.
    """
    not_a_number = Message(
        "cannot format {value} as {what}: give a number", value=repr(value), what=what
    )
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InputError(not_a_number)
    try:
        amount = figure(value) if isinstance(value, float) else Decimal(value)
    except InvalidOperation as error:  # pragma: no cover - Decimal accepts every int and float
        raise InputError(not_a_number) from error
    if not amount.is_finite():
        raise InputError(
            Message(
                "cannot format {value} as {what}: it is not a finite number",
                value=repr(value),
                what=what,
            )
        )
    return amount


def _round(value: Decimal, places: int) -> Decimal:
    """Round half-up to ``places`` decimal places (negative rounds to tens, ...).

    The working precision grows with the number, so 1e300 rounds as well as 12.
    """
    digits = max(28, value.adjusted() + places + 2)
    with localcontext() as context:
        context.prec = digits
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _money_quantum(size: Decimal) -> Decimal:
    """Return the step an amount of this size is rounded to in a briefing note."""
    if size == 0:
        return Decimal(1)
    if size < 1:
        return Decimal("0.01")
    if size < _POUNDS_LIMIT:
        return Decimal(1)
    return Decimal(1).scaleb(size.adjusted() - 2)  # three significant figures


def _round_money(value: Decimal) -> Decimal:
    """Round ``value`` to its band's step, moving up a band if rounding crosses it."""
    quantum = _money_quantum(abs(value))
    while True:
        rounded = (value / quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP) * quantum
        coarser = _money_quantum(abs(rounded))
        if coarser <= quantum:
            return rounded
        quantum = coarser


def _exact_money(value: Decimal, currency: str, lang: Language) -> str:
    """Format money in full: pence only when the amount has any."""
    if value == value.to_integral_value():
        whole = copy.copy(lang.locale.currency_formats["standard"])
        whole.frac_prec = (0, 0)
        return str(
            format_currency(
                value.to_integral_value(),
                currency,
                format=whole,
                locale=lang.locale,
                currency_digits=False,
            )
        )
    return str(format_currency(value, currency, locale=lang.locale))


def _decimal_text(value: Decimal, places: int, lang: Language) -> str:
    """Format a non-negative, already rounded ``value`` with exactly ``places`` decimals."""
    pattern = copy.copy(lang.locale.decimal_formats[None])
    pattern.frac_prec = (places, places)
    return str(format_decimal(value, format=pattern, locale=lang.locale))


def _percent_text(fraction: Decimal, places: int, lang: Language) -> str:
    """Format a non-negative fraction as a percentage with exactly ``places`` decimals."""
    pattern = copy.copy(lang.locale.percent_formats[None])
    pattern.frac_prec = (places, places)
    return str(format_percent(fraction, format=pattern, locale=lang.locale))


def _sign(value: Decimal, lang: Language, *, signed: bool = False) -> str:
    """Return the locale's minus for negatives, its plus for rises if ``signed``."""
    if value < 0:
        return str(get_minus_sign_symbol(lang.locale))
    if value > 0 and signed:
        return str(get_plus_sign_symbol(lang.locale))
    return ""


def _quarter_pattern(lang: Language) -> str:
    """Return the quarter wording from the catalog, or a built-in one for Welsh."""
    translated = lang.gettext(QUARTER_PATTERN)
    if translated != QUARTER_PATTERN or lang.lang == "en":
        return translated
    return _QUARTER_FALLBACKS.get(lang.lang, translated)


def _welsh_and(match: re.Match[str]) -> str:
    """Choose "ac" before a vowel and "a" before anything else, mutating pitchkit's own words.

    Only the "a(c) " is replaced: the word after it is read, and a word of
    :data:`_ASPIRATE_AFTER_AND` is mutated in place by :func:`_aspirate_after_and`.
    """
    first = unicodedata.normalize("NFD", match.group(1))[0].lower()
    return "ac " if first in _WELSH_VOWELS else "a "


@functools.cache
def _after_and() -> re.Pattern[str]:
    """A word taking the aspirate mutation straight after "a" (and), in its radical form.

    pitchkit's own words (:data:`_ASPIRATE_AFTER_AND`) and every Welsh word
    it knows (:func:`pitchkit.i18n.welsh.welsh_words`) that starts with c, p
    or t, so a lead's Welsh measure in a list mutates too: "apwyntiadau a
    cheisiadau" (welsh26), never "a ceisiadau". An English or made-up word
    is not known, so it is left as written.
    """
    from pitchkit.i18n.welsh import welsh_words

    known = {
        word
        for word in welsh_words()
        if word[:1] in _ASPIRATE and word[1:2] != "h" and word.isalpha() and len(word) > 2
    }
    words = "|".join(sorted((_ASPIRATE_AFTER_AND | known) - {"python"}, key=len, reverse=True))
    # A month keeps its capital ("a Thachwedd"); so does a lead's capitalised word.
    title = "|".join(word.title() for word in words.split("|"))
    return re.compile(rf"(?<!\S)a ({words}|{title})\b")


def _aspirate_after_and(text: str) -> str:
    """``a cynnydd`` → ``a chynnydd``: the aspirate mutation after "a" (and)."""

    def mutate(found: re.Match[str]) -> str:
        word = found.group(1)
        mutated = _ASPIRATE[word[0].lower()]
        return f"a {mutated.capitalize() if word[0].isupper() else mutated}{word[1:]}"

    return _after_and().sub(mutate, text)


def _is_money(unit: str | None) -> bool:
    """Say whether ``unit`` is shown as money: pounds (``£``, ``GBP``, ``pounds``) or an ISO code.

    This is :func:`~pitchkit.pounds.pounds_scale` of 1, not ``is_pounds``:
    a figure is shown at face value, so a unit of thousands or millions of
    pounds (never an impact's once loaded) must not be written as so many
    pounds. An ISO code of another currency (a ``Money``'s ``currency``) is
    still written with its sign, as babel writes it.
    """
    if unit is None:
        return False
    unit = unit.strip()
    if pounds_scale(unit) == 1:
        return True
    return len(unit) == 3 and unit.isupper() and unit in list_currencies()


def _singular(unit: str) -> str:
    """Return the English singular of a plural unit: days → day, bed days → bed day."""
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit
