"""Build the facts records straight from a clean facts file, without pydantic.

Most facts files are clean: every field is one the schema knows, every
value is plainly of its kind (text, ``12`` or ``1,200``, ``2027-03-01``,
one of the listed words) and nothing is wrong with it. For those,
:func:`quick_facts` builds the records of :mod:`pitchkit.facts.schema`
directly, as pydantic's models would give them, and the pydantic models
(about 60-80 ms of importing and building, see docs/performance.md) are
not loaded. It declines (gives ``None``) at the first thing it is not sure
of: an unknown field, a value of another kind or written another way (a
date in another form, a number with an exponent), any value a check
refuses, any problem :func:`~pitchkit.facts.validation.semantic_problems`
or :func:`~pitchkit.facts.schema.audience_problems` finds. The models then
validate the file as before, so every message about a file with a mistake
is exactly as it was. ``tests/test_quickfacts.py`` checks that the two
give equal records for every facts file in the repository and for
mistyped copies of them.

The checks copied here are the models' own, in the same order: each
field's ``BeforeValidator`` (:mod:`pitchkit.facts.fields`), stripping the
text (``str_strip_whitespace``), the field's constraints, then the
model's validators.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pitchkit.errors import LocaleError
from pitchkit.facts.fields import (
    TARGETED_FIELDS,
    THEMES,
    _as_list,
    _as_number,
    _audience_of,
    _change_dates,
    _financial_year,
    _items,
    _lower,
    _payer,
    _per_words,
    _pounds,
    measure_problem,
    unit_problem,
)
from pitchkit.facts.validation import (
    may_be_negative,
    may_pass_100,
    percent_unit,
    semantic_problems,
)
from pitchkit.period import LEVEL_LOGGED, PERIOD_PATTERN

if TYPE_CHECKING:
    from pitchkit.facts.schema import Facts, Record

R = TypeVar("R", bound="Record")


class Declined(Exception):
    """The value is not plainly right: the pydantic models are to validate it."""


#: Digits are ASCII only: Python reads ``1٢٠٠`` (Arabic-Indic digits) as 1200, pydantic refuses it.
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?")
_WHOLE = re.compile(r"[1-9][0-9]*")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def quick_facts(data: Any) -> Facts | None:
    """The facts records for a clean file's ``data``, or ``None`` when the models must check it."""
    from pitchkit.facts.schema import audience_problems

    if not isinstance(data, dict):
        return None
    try:
        facts: Facts = _facts(data)
    except (Declined, ValueError, TypeError):
        return None
    if semantic_problems(data) or audience_problems(data):
        return None
    return facts


def build(kind: type[R], data: Any) -> R | None:
    """A record of ``kind`` from clean ``data``, or ``None`` when the models must check it."""
    builder = _BUILDERS.get(kind.__name__)
    if builder is None:
        return None
    try:
        built = builder(data)
    except (Declined, ValueError, TypeError):
        return None
    assert isinstance(built, kind)
    return built


# --------------------------------------------------------------------------
# Values


def _fields(data: Any, known: tuple[str, ...], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """``data`` as a mapping of known fields (``extra="forbid"``), each required one given."""
    if not isinstance(data, dict) or any(key not in known for key in data):
        raise Declined
    if any(name not in data for name in required):
        raise Declined
    return data


#: What pydantic's ``str_strip_whitespace`` strips: Unicode's White_Space. Python's
#: ``str.strip()`` also strips the separators U+001C to U+001F, which pydantic keeps.
_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise Declined
    return value.strip(_SPACE)


def _filled(value: Any) -> str:
    """Text of at least one character once stripped (``min_length=1``)."""
    text = _text(value)
    if not text:
        raise Declined
    return text


def _maybe(value: Any, parse: Callable[[Any], Any]) -> Any:
    return None if value is None else parse(value)


def _number(value: Any) -> float:
    """A finite number: ``Number`` (``1,200``, ``£5``, ``40%`` as written plainly)."""
    value = _as_number(value)
    if isinstance(value, str):
        if _DECIMAL.fullmatch(value) is None:
            raise Declined
        number = float(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an int beyond a float's range: the models refuse it
            raise Declined from None
    else:
        raise Declined
    if not math.isfinite(number):
        raise Declined
    return number


def _bounded(
    value: Any,
    *,
    ge: float | None = None,
    gt: float | None = None,
    le: float | None = None,
) -> float:
    number = _number(value)
    if (ge is not None and number < ge) or (gt is not None and number <= gt):
        raise Declined
    if le is not None and number > le:
        raise Declined
    return number


def _whole(value: Any, low: int, high: int) -> int:
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        raise Declined
    if not low <= number <= high:
        raise Declined
    return number


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or _DAY.fullmatch(value) is None:
        raise Declined
    return dt.date.fromisoformat(value)


def _slug(value: Any) -> str:
    text = _text(value)
    if _SLUG.fullmatch(text) is None or len(text) > 64:
        raise Declined
    return text


def _word(value: Any, choices: tuple[str, ...]) -> str:
    """One of ``choices``, in any case (``BeforeValidator(_lower)``)."""
    value = _lower(value)
    if value not in choices:
        raise Declined
    return str(value)


def _texts(value: Any) -> list[str]:
    """``TextList``: one text or a list of them."""
    value = _as_list(value)
    if not isinstance(value, list):
        raise Declined
    return [_text(item) for item in value]


def _themes(value: Any) -> list[Any]:
    value = _as_list(value)
    if not isinstance(value, list) or any(item not in THEMES for item in value):
        raise Declined
    return list(value)


def _list(value: Any, parse: Callable[[Any], Any]) -> list[Any]:
    if not isinstance(value, list):
        raise Declined
    return [parse(item) for item in value]


def _payer_word(value: Any) -> str:
    """``Payer``: one of the words whose budget it is, else declined for the models to say."""
    try:
        return _text(_payer(value))
    except ValueError:
        raise Declined from None


def _year(value: Any) -> str:
    """``FinancialYear``: ``2020/21``, ``2020-21`` or ``2020/2021`` as ``2020/21``."""
    return _text(_financial_year(value))


# --------------------------------------------------------------------------
# Records


def _taking_records(builder: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``builder``, taking a record of its kind as it is (as pydantic takes a model)."""
    name = builder.__name__.strip("_").capitalize()

    def build(data: Any) -> Any:
        from pitchkit.facts import schema

        if isinstance(data, getattr(schema, name)):
            return data
        return builder(data)

    return build


@_taking_records
def _person(data: Any) -> Any:
    from pitchkit.facts.schema import Person

    given = _fields(data, ("name", "role", "email", "phone"), ("name",))
    return Person.made(
        name=_text(given["name"]),
        role=_maybe(given.get("role"), _text),
        email=_maybe(given.get("email"), _text),
        phone=_maybe(given.get("phone"), _text),
    )


@_taking_records
def _money(data: Any) -> Any:
    from pitchkit.facts.schema import Money

    known = ("amount", "currency", "source", "status", "price_year", "payer")
    given = _fields(data, known, ("amount",))
    return Money.made(
        amount=_bounded(given["amount"], ge=0),
        currency=_text(_pounds(given.get("currency", "GBP"))),
        source=_maybe(given.get("source"), _text),
        status=_maybe(given.get("status"), _text),
        price_year=_maybe(given.get("price_year"), _year),
        payer=_maybe(given.get("payer"), _payer_word),
    )


@_taking_records
def _project(data: Any) -> Any:
    from pitchkit.facts.schema import Project

    known = (
        "title", "organisation", "lead", "problem", "change", "strategy", "evidence", "start",
        "end", "funding",
    )  # fmt: skip
    given = _fields(data, known, ("title", "organisation", "problem", "change"))
    project = Project.made(
        title=_filled(given["title"]),
        organisation=_filled(given["organisation"]),
        lead=_maybe(given.get("lead"), _person),
        problem=_filled(given["problem"]),
        change=_filled(given["change"]),
        strategy=_texts(given.get("strategy")),
        evidence=_texts(given.get("evidence")),
        start=_maybe(given.get("start"), _day),
        end=_maybe(given.get("end"), _day),
        funding=_maybe(given.get("funding"), _money),
    )
    if project.start and project.end and project.end < project.start:
        raise Declined
    return project


_IMPACT = (
    "id", "measure", "unit", "per", "baseline", "target", "better", "themes", "value",
    "supports", "excludes", "source", "changed", "releases", "overlaps", "logged", "balancing",
)  # fmt: skip


@_taking_records
def _impact(data: Any) -> Any:
    from pitchkit.facts.schema import Impact

    given = _fields(data, _IMPACT, ("id", "measure", "unit", "baseline", "target"))
    if given.get("balancing") not in (None, False):
        raise Declined  # a balancing measure's limit is checked by the models
    measure, unit = _filled(given["measure"]), _filled(given["unit"])
    if measure_problem(measure) is not None or unit_problem(unit) is not None:
        raise Declined
    for written in (given["baseline"], given["target"]):
        if isinstance(written, str) and written.strip().endswith("%") and not percent_unit(unit):
            raise Declined
    baseline, target = _number(given["baseline"]), _number(given["target"])
    for value in (baseline, target):
        if value < 0 and not may_be_negative(measure, unit):
            raise Declined
        if value > 100 and not may_pass_100(measure, unit):
            raise Declined
    better = _maybe(given.get("better"), lambda value: _word(value, ("lower", "higher")))
    if better is None and baseline == target:
        raise Declined
    if (better == "lower" and target > baseline) or (better == "higher" and target < baseline):
        raise Declined
    per = _maybe(given.get("per"), lambda value: _word(value, _PER))
    logged = _maybe(given.get("logged"), lambda value: _word(_per_words(value), _PER))
    if logged is not None and per is None and logged not in LEVEL_LOGGED:
        raise Declined
    return Impact.made(
        id=_slug(given["id"]),
        measure=measure,
        unit=unit,
        per=per,
        logged=logged,
        baseline=baseline,
        target=target,
        better=better,
        themes=_themes(given.get("themes")),
        value=_maybe(given.get("value"), _money),
        supports=_texts(given.get("supports")),
        excludes=_texts(given.get("excludes")),
        source=_maybe(given.get("source"), _text),
        changed=_list(_change_dates(given.get("changed")), _day),
        releases=_maybe(
            given.get("releases"), lambda value: _word(value, ("cash", "capacity", "cost"))
        ),
        overlaps=_texts(given.get("overlaps")),
    )


_PER = ("year", "quarter", "month", "week", "day")


@_taking_records
def _target(data: Any) -> Any:
    from pitchkit.facts.schema import Target

    given = _fields(data, ("value", "unit"), ("value", "unit"))
    unit = _filled(given["unit"])
    if unit_problem(unit) is not None:
        raise Declined
    return Target.made(value=_number(given["value"]), unit=unit)


@_taking_records
def _objective(data: Any) -> Any:
    from pitchkit.facts.schema import Objective

    given = _fields(data, ("id", "text", "kind", "themes", "target"), ("id", "text"))
    kind = given.get("kind", "organisational")
    kind = "organisational" if kind == "organizational" else kind
    return Objective.made(
        id=_slug(given["id"]),
        text=_filled(given["text"]),
        kind=_word(kind, ("organisational", "personal")),
        themes=_themes(given.get("themes")),
        target=_maybe(given.get("target"), _target),
    )


_DIRECTOR = (
    "id", "name", "role", "lens", "salutation", "email", "concerns", "terms", "objectives",
)  # fmt: skip


@_taking_records
def _director(data: Any) -> Any:
    from pitchkit.facts.schema import Director

    given = _fields(data, _DIRECTOR, ("id", "name", "role"))
    terms = given.get("terms", {})
    if not isinstance(terms, dict):
        raise Declined
    return Director.made(
        id=_slug(given["id"]),
        name=_filled(given["name"]),
        role=_filled(given["role"]),
        lens=_maybe(given.get("lens"), _lens),
        salutation=_maybe(given.get("salutation"), _text),
        email=_maybe(given.get("email"), _text),
        concerns=_texts(given.get("concerns")),
        terms={_text(key): _text(value) for key, value in terms.items()},
        objectives=_list(given.get("objectives", []), _objective),
    )


def _lens(value: Any) -> str | None:
    from pitchkit.recast.lenses import unknown_lens_message  # the lenses need the schema

    text = _text(value)
    if not text:
        return None
    if unknown_lens_message(text) is not None:
        raise Declined
    return text


_UPDATE = (
    "period", "date", "status", "summary", "done", "next", "barriers", "asks", "advice",
    "measures", "score", "next_update",
)  # fmt: skip


@_taking_records
def _update(data: Any) -> Any:
    from pitchkit.facts.schema import Update

    given = _fields(data, _UPDATE, ("period", "status"))
    if not isinstance(given["period"], str):
        raise Declined
    period = _text(given["period"].strip().upper())  # as the model's ``_period_shape``, then strip
    if not PERIOD_PATTERN.match(period):
        raise Declined
    measures = given.get("measures", {})
    if not isinstance(measures, dict):
        raise Declined
    score = _maybe(given.get("score"), lambda value: _bounded(value, ge=0.5, le=5.0))
    if score is not None and score * 2 != int(score * 2):
        raise Declined
    return Update.made(
        period=period,
        date=_maybe(given.get("date"), _day),
        status=_word(given["status"], ("green", "amber", "red")),
        summary=_maybe(given.get("summary"), _text),
        done=_texts(given.get("done")),
        next=_texts(given.get("next")),
        barriers=_texts(given.get("barriers")),
        asks=_texts(given.get("asks")),
        advice=_texts(given.get("advice")),
        measures={_text(key): _maybe(value, _number) for key, value in measures.items()},
        score=score,
        next_update=_maybe(given.get("next_update"), _day),
    )


@_taking_records
def _meeting(data: Any) -> Any:
    from pitchkit.facts.schema import Meeting

    given = _fields(data, ("date", "director", "place"))
    return Meeting.made(
        date=_maybe(given.get("date"), _day),
        director=_maybe(given.get("director"), _text),
        place=_maybe(given.get("place"), _text),
    )


@_taking_records
def _prices(data: Any) -> Any:
    from pitchkit.facts.schema import Prices

    given = _fields(data, ("year", "rates", "source"))
    rates = given.get("rates", {})
    if not isinstance(rates, dict):
        raise Declined
    return Prices.made(
        year=_maybe(given.get("year"), _year),
        rates={_year(key): _number(value) for key, value in rates.items()},
        source=_maybe(given.get("source"), _text),
    )


_CONVERSIONS = {
    "expected_deaths": None,
    "shift_hours": 24.0,
    "wte_hours": 8784.0,
    "session_slots": None,
    "kg_co2e_per_journey": None,
}


@_taking_records
def _conversions(data: Any) -> Any:
    from pitchkit.facts.schema import Conversions

    given = _fields(data, tuple(_CONVERSIONS))
    values: dict[str, float | None] = {}
    for name, most in _CONVERSIONS.items():
        value = given.get(name)
        values[name] = None if value is None else _bounded(value, gt=0, le=most)
    return Conversions.made(**values)


@_taking_records
def _settings(data: Any) -> Any:
    from pitchkit.facts.schema import Conversions, Settings
    from pitchkit.i18n.translation import normalise_locale

    known = ("locale", "cadence", "spc_shift", "spc_trend", "prices", "occupancy", "conversions")
    given = _fields(data, known)
    locale = _maybe(given.get("locale"), _text)
    try:
        locale = normalise_locale(locale) if locale else None
    except LocaleError:
        raise Declined from None
    conversions = given.get("conversions")
    return Settings.made(
        locale=locale,
        cadence=_maybe(given.get("cadence"), lambda value: _word(value, ("month", "quarter"))),
        spc_shift=_whole(given.get("spc_shift", 7), 5, 9),
        spc_trend=_whole(given.get("spc_trend", 7), 5, 9),
        prices=_maybe(given.get("prices"), _prices),
        occupancy=_maybe(given.get("occupancy"), lambda value: _bounded(value, gt=50, le=100)),
        conversions=Conversions.made() if "conversions" not in given else _conversions(conversions),
    )


_FACTS = (
    "version", "project", "impacts", "asks", "advice", "offer", "meeting", "directors",
    "updates", "measures", "settings",
)  # fmt: skip


def _version(value: Any) -> float:
    if isinstance(value, bool) or value not in (1, 1.1, "1", "1.1"):
        raise Declined
    return float(value)


def _item_list(value: Any) -> list[str]:
    """``ItemList``: plain texts, or ``{text:, for:}`` items (their text kept)."""
    value = _items(value)
    if not isinstance(value, list):
        raise Declined
    return [_text(item) for item in value]


@_taking_records
def _facts(data: Any) -> Any:
    from pitchkit.facts.schema import Facts, Settings

    given = _fields(data, _FACTS, ("project", "impacts"))
    impacts = _list(given["impacts"], _impact)
    if not impacts:
        raise Declined
    measures = _maybe(given.get("measures"), _filled)
    audiences = {}
    for name in TARGETED_FIELDS:
        raw = _as_list(given.get(name))
        if isinstance(raw, list) and any(isinstance(item, dict) for item in raw):
            audiences[name] = tuple(_audience_of(item) for item in raw)
    settings = given.get("settings")
    return Facts.made(
        version=_version(given["version"]) if "version" in given else 1,
        project=_project(given["project"]),
        impacts=impacts,
        asks=_item_list(given.get("asks")),
        advice=_item_list(given.get("advice")),
        offer=_item_list(given.get("offer")),
        meeting=_maybe(given.get("meeting"), _meeting),
        directors=_list(given.get("directors", []), _director),
        updates=_list(given.get("updates", []), _update),
        measures=measures,
        settings=Settings.made() if "settings" not in given else _settings(settings),
        _audiences=audiences,
    )


_BUILDERS: dict[str, Callable[[Any], Any]] = {
    "Person": _person,
    "Money": _money,
    "Project": _project,
    "Impact": _impact,
    "Target": _target,
    "Objective": _objective,
    "Director": _director,
    "Update": _update,
    "Meeting": _meeting,
    "Prices": _prices,
    "Conversions": _conversions,
    "Settings": _settings,
    "Facts": _facts,
}
