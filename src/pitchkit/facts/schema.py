"""The facts file: schema 1.1 (1 without ``excludes``) as pydantic models, loaded from YAML.

Every problem found is reported as ``FILE:LINE:COL: field.path: what is
wrong and how to fix it``, all at once, through :class:`FactsError`. The
place stays as it is; what is wrong is a :class:`~pitchkit.i18n.messages.Message`
the command line shows in the user's language, which for a broken file is
the ``settings.locale`` it asks for, when it can be read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pitchkit.errors import FactsError, LocaleError
from pitchkit.facts.validation import (
    Problem,
    below_zero_message,
    describe_errors,
    did_you_mean,
    may_be_negative,
    may_pass_100,
    over_100_message,
    semantic_problems,
)
from pitchkit.facts.yamlsource import Loc, Parsed, Source, declared_locale, dotted, load_yaml
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import normalise_locale
from pitchkit.period import PERIOD_PATTERN

Theme = Literal[
    "safety",
    "outcomes",
    "experience",
    "access",
    "flow",
    "finance",
    "workforce",
    "equity",
    "digital",
    "strategy",
    "compliance",
    "sustainability",
]
THEMES: tuple[str, ...] = get_args(Theme)
Per = Literal["year", "quarter", "month", "week", "day"]
_GROUPED_NUMBER = re.compile(r"^[-+]?£?\d{1,3}(,\d{3})+(\.\d+)?%?$|^[-+]?£?\d+(\.\d+)?%?$")


def _as_list(value: Any) -> Any:
    """Accept a single item where a list is expected (``strategy: Plan 2030``)."""
    if value is None:
        return []
    if isinstance(value, str | dict):
        return [value]
    return value


def _as_number(value: Any) -> Any:
    """Accept ``1,200``, ``£1,590`` and ``87.5%`` as the numbers they plainly are."""
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if _GROUPED_NUMBER.match(text):
            return text.replace(",", "").replace("£", "").rstrip("%")
    return value


def _schema_version(value: Any) -> Any:
    """Accept schema ``1``, ``1.0`` or ``1.1``, written as a number or text."""
    try:
        number = float(str(value).strip())
    except ValueError:
        number = -1.0
    if isinstance(value, bool) or number not in (1.0, 1.1):
        raise ValueError(Message("use version 1 or 1.1 (1.1 adds 'excludes' on impacts)"))
    return number


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


_FINANCIAL_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")


def _financial_year(value: Any) -> Any:
    """Accept ``2020/21``, ``2020-21`` and ``2020/2021`` as the NHS financial year ``2020/21``."""
    found = _FINANCIAL_YEAR.match(str(value).strip()) if isinstance(value, str) else None
    if found is not None:
        first, second = int(found.group(1)), int(found.group(2))
        if second % 100 == (first + 1) % 100 and (second < 100 or second == first + 1):
            return f"{first}/{(first + 1) % 100:02d}"
    raise ValueError(
        Message("write the financial year as YYYY/YY, the year April to March, e.g. 2020/21")
    )


TextList = Annotated[list[str], BeforeValidator(_as_list)]

#: Text that is only a number: ``5``, ``1,200``, ``-3.5``, ``40%``.
_BARE_NUMBER = re.compile(r"^[-+]?[\d\s.,]*\d[\d\s.,]*%?$")


def measure_problem(text: str) -> Message | None:
    """What is wrong with ``text`` as a measure's name, if it is only a number.

    A measure and its unit are set around figures in every sentence of a note
    ("from 210 to 0 patients"), so a number there would read as one more figure.
    The YAML reader keeps every value as the text the user wrote; other text
    fields (a name, a phone number) may well be digits and are kept as typed.
    """
    if not _BARE_NUMBER.match(text.strip()):
        return None
    return Message(
        "'{value}' is a number, but a measure says what is counted or timed: name it in "
        "words, e.g. 'Emergency admissions of people aged 75 and over'",
        value=text.strip(),
    )


def unit_problem(text: str) -> Message | None:
    """What is wrong with ``text`` as a unit, if it is only a number (``unit: 5``)."""
    if not _BARE_NUMBER.match(text.strip()):
        return None
    return Message(
        "'{value}' is a number, but a unit says what is counted: write it in words, "
        "e.g. 'patients', 'bed days' or '%'",
        value=text.strip(),
    )


def _measure_words(value: Any) -> Any:
    problem = measure_problem(value) if isinstance(value, str) else None
    if problem is not None:
        raise ValueError(problem)
    return value


def _unit_words(value: Any) -> Any:
    problem = unit_problem(value) if isinstance(value, str) else None
    if problem is not None:
        raise ValueError(problem)
    return value


#: A measure's name, such as ``Emergency admissions``: never a bare number.
MeasureName = Annotated[str, BeforeValidator(_measure_words)]
#: A unit such as ``patients``, ``bed days``, ``%`` or ``£``: never a bare number.
Unit = Annotated[str, BeforeValidator(_unit_words)]

#: The ways of writing pounds sterling, the only currency a note's sums are in.
_POUNDS = frozenset({"gbp", "£", "pounds", "pound", "sterling", "pounds sterling"})


def _pounds(value: Any) -> Any:
    """Accept pounds sterling however written, as ``GBP``; refuse any other currency.

    Every sum in a note (payback, totals, shares of a target) is in pounds: an
    amount in euros or dollars would be added to them as if it were pounds.
    """
    if value is None:
        return "GBP"
    if isinstance(value, str) and value.strip().casefold() in _POUNDS:
        return "GBP"
    if isinstance(value, str):
        raise ValueError(
            Message(
                "pitchkit's notes are in pounds sterling, so '{value}' cannot be used: "
                "convert the amount to pounds and write 'currency: GBP', or leave "
                "'currency' out",
                value=value.strip(),
            )
        )
    return value


#: A currency: only pounds sterling (``GBP``, ``£``), which is also the default.
Pounds = Annotated[str, BeforeValidator(_pounds)]


#: The fields whose items may name the directors they are for (schema 1.1).
TARGETED_FIELDS = ("asks", "advice", "offer")
#: The keys a targeted item may have: ``{text: ..., for: [cn, md]}``.
TARGETED_KEYS = ("text", "for")


def _item_text(item: Any) -> Any:
    """A targeted item's text (its audience is kept apart, see :meth:`Facts.audience`).

    A malformed one becomes empty text: :func:`audience_problems` says what is wrong
    with it, where.
    """
    if isinstance(item, dict):
        text = item.get("text")
        return text if isinstance(text, str) else ""
    return item


def _items(value: Any) -> Any:
    """Plain strings, or ``{text:, for:}`` items, or one of either."""
    value = _as_list(value)
    return [_item_text(item) for item in value] if isinstance(value, list) else value


def _audience_of(item: Any) -> tuple[str, ...]:
    """Whom a raw item is for: ``()`` for everyone."""
    if not isinstance(item, dict):
        return ()
    targets = _as_list(item.get("for"))
    if not isinstance(targets, list):
        return ()
    return tuple(str(t).strip() for t in targets if isinstance(t, str | int) and str(t).strip())


#: Items for everyone (plain strings) or for some directors (``{text: ..., for: [...]}``).
ItemList = Annotated[list[str], BeforeValidator(_items)]


def _change_dates(value: Any) -> Any:
    """One date or a list; a month (``2027-06``) stands for its first day."""
    items = [] if value is None else value if isinstance(value, list) else [value]
    dates = []
    for item in items:
        if isinstance(item, dt.datetime):
            item = item.date()
        if isinstance(item, dt.date):
            dates.append(item)
            continue
        text = str(item).strip()
        month = re.fullmatch(r"(\d{4})-(0[1-9]|1[0-2])", text)
        try:
            dates.append(
                dt.date(int(month[1]), int(month[2]), 1) if month else dt.date.fromisoformat(text)
            )
        except ValueError:
            raise ValueError(
                Message(
                    "{value} is not a date: write the day the change took effect as "
                    "YYYY-MM-DD (2027-06-01) or its month as YYYY-MM, or a list of them",
                    value=repr(text),
                )
            ) from None
    return sorted(set(dates))


ChangeDates = Annotated[list[dt.date], BeforeValidator(_change_dates)]
#: A finite number: ``nan``, ``inf`` and ``1e400`` (which overflows to infinity) are refused.
Number = Annotated[float, BeforeValidator(_as_number), Field(allow_inf_nan=False)]
Slug = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$", max_length=64)]
Themes = Annotated[list[Theme], BeforeValidator(_as_list)]
#: An NHS financial year (1 April to 31 March), written ``2020/21``.
FinancialYear = Annotated[str, BeforeValidator(_financial_year)]


class Model(BaseModel):
    """Base for everything a user writes: unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Person(Model):
    """The project lead, whose contact details close the note."""

    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


class Money(Model):
    """An amount of money with where the figure comes from."""

    amount: Number = Field(ge=0)
    currency: Pounds = "GBP"
    source: str | None = None
    status: str | None = None
    #: The financial year whose prices the amount is in (``2020/21``).
    price_year: FinancialYear | None = None


class Project(Model):
    """What the project is, in the words senior managers already use."""

    title: str = Field(min_length=1)
    organisation: str = Field(min_length=1)
    lead: Person | None = None
    problem: str = Field(min_length=1)
    change: str = Field(min_length=1)
    strategy: TextList = Field(default_factory=list)
    evidence: TextList = Field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    funding: Money | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise ValueError(Message("end comes before start: check the two dates"))
        return self


def _plain(number: float) -> str:
    """A figure as the user wrote it: 12 rather than 12.0."""
    whole = float(number).is_integer() and abs(number) < 1e15
    return str(int(number)) if whole else f"{number:g}"


class Impact(Model):
    """One measurable result of the change, with its baseline and target."""

    id: Slug
    measure: MeasureName = Field(min_length=1)
    unit: Unit = Field(min_length=1)
    per: Annotated[Per | None, BeforeValidator(_lower)] = None
    baseline: Number
    target: Number
    better: Annotated[Literal["lower", "higher"] | None, BeforeValidator(_lower)] = None
    themes: Themes = Field(default_factory=list)
    value: Money | None = None
    supports: TextList = Field(default_factory=list)
    excludes: TextList = Field(default_factory=list)
    source: str | None = None
    #: When the change took effect for this measure (schema 1.1, optional): one
    #: date, or a list for a change in stages. Without it the project's start is used.
    changed: ChangeDates = Field(default_factory=list)
    #: Whether its value is money the organisation can take out (cash) or time and
    #: space freed for other work (capacity).
    releases: Annotated[Literal["cash", "capacity"] | None, BeforeValidator(_lower)] = None
    #: Impacts whose money already includes this one's: it is left out of totals.
    overlaps: TextList = Field(default_factory=list)

    @field_validator("baseline", "target")
    @classmethod
    def _not_below_zero(cls, value: float, info: ValidationInfo) -> float:
        measure, unit = info.data.get("measure"), info.data.get("unit")
        known = isinstance(measure, str) and isinstance(unit, str)
        if value < 0 and known and not may_be_negative(str(measure), str(unit)):
            raise ValueError(below_zero_message(value))
        if value > 100 and known and not may_pass_100(str(measure), str(unit)):
            raise ValueError(over_100_message(value))
        return value

    @model_validator(mode="after")
    def _direction_known(self) -> Impact:
        if self.better is None and self.baseline == self.target:
            raise ValueError(
                Message(
                    "baseline and target are the same, so the better direction is unclear: "
                    "add 'better: lower' or 'better: higher'"
                )
            )
        worse = self.target > self.baseline if self.better == "lower" else False
        if self.better == "higher":
            worse = self.target < self.baseline
        if worse:
            raise ValueError(
                Message(
                    "the target ({target}) is worse than the baseline ({baseline}) when "
                    "{better} is better: correct the figures, or 'better:' if that is the "
                    "wrong way round",
                    target=_plain(self.target),
                    baseline=_plain(self.baseline),
                    better=self.better,
                )
            )
        return self

    @property
    def direction(self) -> Literal["lower", "higher"]:
        """Which way is better: as written, or inferred from baseline → target."""
        if self.better is not None:
            return self.better
        return "lower" if self.target < self.baseline else "higher"


class Target(Model):
    """A director objective's own numeric target, such as £14m."""

    value: Number
    unit: Unit = Field(min_length=1)


class Objective(Model):
    """Something a director must deliver (organisational) or wants (personal)."""

    id: Slug
    text: str = Field(min_length=1)
    kind: Annotated[Literal["organisational", "personal"], BeforeValidator(_lower)] = (
        "organisational"
    )
    themes: Themes = Field(default_factory=list)
    target: Target | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _american_spelling(cls, value: Any) -> Any:
        return "organisational" if value == "organizational" else value


class Director(Model):
    """An executive director the project could ask to sponsor it."""

    id: Slug
    name: str = Field(min_length=1)
    role: str = Field(min_length=1)
    lens: str | None = None
    salutation: str | None = None
    email: str | None = None
    concerns: TextList = Field(default_factory=list)
    terms: dict[str, str] = Field(default_factory=dict)
    objectives: list[Objective] = Field(default_factory=list)

    @property
    def greeting_name(self) -> str:
        """How to address the director: the salutation, or the name."""
        return self.salutation or self.name

    @field_validator("lens")
    @classmethod
    def _known_lens(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from pitchkit.recast.lenses import unknown_lens_message  # the lenses need this module

        problem = unknown_lens_message(value)
        if problem is not None:
            raise ValueError(problem)
        return value


class Update(Model):
    """One period's entry in the progress log."""

    period: str
    date: dt.date | None = None
    status: Annotated[Literal["green", "amber", "red"], BeforeValidator(_lower)]
    summary: str | None = None
    done: TextList = Field(default_factory=list)
    next: TextList = Field(default_factory=list)
    barriers: TextList = Field(default_factory=list)
    asks: TextList = Field(default_factory=list)
    advice: TextList = Field(default_factory=list)
    measures: dict[str, Number | None] = Field(default_factory=dict)
    score: Number | None = Field(default=None, ge=0.5, le=5.0, multiple_of=0.5)
    next_update: dt.date | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_shape(cls, value: Any) -> Any:
        text = str(value).strip().upper() if value is not None else value
        if not isinstance(text, str) or not PERIOD_PATTERN.match(text):
            raise ValueError(
                Message("write the period as YYYY-MM (2027-03), YYYY-Qn (2027-Q1) or YYYY (2027)")
            )
        return text


class Meeting(Model):
    """The meeting the briefing note prepares for."""

    date: dt.date | None = None
    director: str | None = None
    place: str | None = None


class Prices(Model):
    """The price base money is restated in, and the inflation index to do it."""

    #: The financial year to restate unit costs in (default: the note's own year).
    year: FinancialYear | None = None
    #: Annual percentage change into each financial year, over the shipped index.
    rates: dict[FinancialYear, Number] = Field(default_factory=dict)
    #: Where ``rates`` come from, named in the note.
    source: str | None = None


class Conversions(Model):
    """What turns an impact into a director's own units (schema 1.1, optional).

    See ``docs/conversions.md`` for each default and why.
    """

    #: Expected deaths a year behind the SHMI or HSMR: deaths become a share of them.
    expected_deaths: Number | None = Field(default=None, gt=0)
    #: Hours in one shift an impact counts (default 7.5).
    shift_hours: Number | None = Field(default=None, gt=0, le=24)
    #: Paid hours a year of one whole-time equivalent (default 1,950: 37.5 × 52).
    wte_hours: Number | None = Field(default=None, gt=0, le=8784)
    #: Appointments in one clinic session (default 12).
    session_slots: Number | None = Field(default=None, gt=0)
    #: Kilograms of CO2e one journey emits: journeys become CO2e only when given.
    kg_co2e_per_journey: Number | None = Field(default=None, gt=0)


class Settings(Model):
    """How documents are written and progress is judged."""

    locale: str | None = None
    cadence: Annotated[Literal["month", "quarter"] | None, BeforeValidator(_lower)] = None
    spc_shift: int = Field(default=7, ge=5, le=9)
    spc_trend: int = Field(default=7, ge=5, le=9)
    prices: Prices | None = None
    #: Bed occupancy, in per cent, used to turn bed days into beds.
    occupancy: Number | None = Field(default=None, gt=50, le=100)
    #: What turns impacts into directors' own units (beds use ``occupancy``).
    conversions: Conversions = Field(default_factory=Conversions)

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str | None) -> str | None:
        try:
            return None if value is None or not value.strip() else normalise_locale(value)
        except LocaleError as error:
            raise ValueError(error.text) from None


class Facts(Model):
    """A whole facts file."""

    #: Schema 1.1 adds ``excludes`` on impacts; a 1.0 file reads the same under 1.1.
    version: Annotated[float, BeforeValidator(_schema_version)] = 1
    project: Project
    impacts: list[Impact] = Field(min_length=1)
    asks: ItemList = Field(default_factory=list)
    advice: ItemList = Field(default_factory=list)
    offer: ItemList = Field(default_factory=list)
    meeting: Meeting | None = None
    directors: list[Director] = Field(default_factory=list)
    updates: list[Update] = Field(default_factory=list)
    measures: str | None = Field(default=None, min_length=1)
    settings: Settings = Field(default_factory=Settings)
    #: Figures from a measures spreadsheet (period → impact id → value), never from
    #: the YAML: set by :meth:`with_figures` (see :mod:`pitchkit.notes.update.measuresheet`).
    _figures: dict[str, dict[str, float | None]] = PrivateAttr(default_factory=dict)
    #: Whom each item of asks, advice and offer is for, by field (``()``: everyone).
    _audiences: dict[str, tuple[tuple[str, ...], ...]] = PrivateAttr(default_factory=dict)
    #: The English of each text the file gives as ``{en: ..., cy: ...}``, by the text read
    #: (set by :func:`load_facts`): see :mod:`pitchkit.recast.english`.
    _english: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_audiences(cls, data: Any, handler: Any) -> Any:
        facts = handler(data)
        if isinstance(data, dict) and isinstance(facts, Facts):
            audiences = {}
            for name in TARGETED_FIELDS:
                raw = _as_list(data.get(name))
                if isinstance(raw, list) and any(isinstance(item, dict) for item in raw):
                    audiences[name] = tuple(_audience_of(item) for item in raw)
            facts._audiences = audiences
        return facts

    def audience(self, field: str, index: int) -> tuple[str, ...]:
        """Whom item ``index`` of ``field`` (asks, advice, offer) is for: ``()`` for everyone."""
        found = self._audiences.get(field, ())
        return found[index] if index < len(found) else ()

    @property
    def english(self) -> dict[str, str]:
        """The ``en:`` text of each ``{en: ..., cy: ...}`` text read in another language."""
        return self._english

    @property
    def figures(self) -> dict[str, dict[str, float | None]]:
        """Figures read from the measures spreadsheet, by period then impact id."""
        return self._figures

    def with_figures(self, figures: dict[str, dict[str, float | None]]) -> Facts:
        """A copy of these facts with ``figures`` from a measures spreadsheet."""
        copy = self.model_copy()
        copy._figures = {period: dict(values) for period, values in figures.items()}
        return copy

    @field_validator("version", mode="before")
    @classmethod
    def _known_version(cls, value: Any) -> Any:
        if value in (1, 1.1, "1", "1.1"):
            return float(value)
        raise ValueError(Message("this pitchkit reads facts files of version 1 or 1.1"))

    def director(self, director_id: str) -> Director | None:
        """Return the director with ``director_id`` (case-insensitive), if any."""
        wanted = director_id.strip().casefold()
        return next((d for d in self.directors if d.id.casefold() == wanted), None)

    def impact(self, impact_id: str) -> Impact | None:
        """Return the impact with ``impact_id``, if any."""
        return next((i for i in self.impacts if i.id == impact_id), None)


@dataclass(frozen=True)
class LoadedFacts:
    """Validated facts with what loading noticed on the way."""

    facts: Facts
    path: Path
    warnings: tuple[Renderable | str, ...]
    untranslated: tuple[Loc, ...]
    source: Source


def validate_facts(source: Source) -> Facts:
    """Validate loaded YAML data against the schema, or raise :class:`FactsError`."""
    if source.data is None:
        message = Message(
            "the file is empty: start from 'pitchkit init' or copy an example from the "
            "examples folder"
        )
        raise FactsError([Located(f"{source.path}:1:1", message)])
    if not isinstance(source.data, dict):
        message = Message(
            "the file must be a set of fields (project:, impacts:, ...), not a list or a "
            "single value"
        )
        raise FactsError([Located(source.where(()), message)])
    problems: list[Problem] = []
    facts: Facts | None = None
    try:
        facts = Facts.model_validate(source.data)
    except ValidationError as error:
        problems.extend(describe_errors(error, Facts))
    problems.extend(semantic_problems(source.data))
    problems.extend(audience_problems(source.data))
    if problems:
        raise FactsError(_located(source, problems), locale=declared_locale(source.data))
    assert facts is not None
    return facts


def audience_problems(data: dict[str, Any]) -> list[Problem]:
    """What is wrong with the ``{text:, for:}`` items of asks, advice and offer.

    ``for`` names directors by id or lenses by id; director ids are checked
    only when the file lists its directors (a team file's come later).
    """
    from pitchkit.recast.lenses import all_lenses, lens_key  # the lenses need this module

    lenses = list(all_lenses())
    directors = [
        str(d.get("id")).strip()
        for d in _as_list(data.get("directors")) or []
        if isinstance(d, dict) and d.get("id") is not None
    ]
    known = {d.casefold() for d in directors}
    problems: list[Problem] = []
    for name in TARGETED_FIELDS:
        raw = _as_list(data.get(name))
        if not isinstance(raw, list):
            continue
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                continue
            for key in item:
                if key not in TARGETED_KEYS:
                    hint = did_you_mean(str(key), TARGETED_KEYS)
                    message = Message(
                        "unknown field {key}{hint} (an item has only 'text' and 'for')",
                        key=repr(key),
                        hint=hint,
                    )
                    problems.append(Problem((name, index, key), message, at_key=True))
            if not isinstance(item.get("text"), str) or not item["text"].strip():
                message = Message(
                    "the item has no 'text': write it as {{text: what you ask, for: [director "
                    "ids or lenses]}}, or as plain text for everyone"
                )
                problems.append(Problem((name, index), message))
            targets = _as_list(item.get("for"))
            if not isinstance(targets, list) or not targets:
                message = Message(
                    "'for' names no one: list the director ids or lenses the item is for, "
                    "e.g. for: [cn, medical], or write the item as plain text for everyone"
                )
                problems.append(Problem((name, index, "for"), message))
                continue
            single = not isinstance(item.get("for"), list)
            for position, target in enumerate(targets):
                text = str(target).strip()
                if lens_key(text) in lenses or text.casefold() in known:
                    continue
                if not directors and _SLUG.match(text):
                    continue  # a director of a team file: checked when the notes are made
                hint = did_you_mean(text, [*directors, *lenses])
                message = Message(
                    "{value} is neither a director's id nor a lens{hint} (use one of {choices})",
                    value=repr(text),
                    hint=hint,
                    choices=", ".join([*directors, *lenses]),
                )
                where = (name, index, "for") if single else (name, index, "for", position)
                problems.append(Problem(where, message))
    return problems


_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def _located(source: Source, problems: list[Problem]) -> list[Located]:
    """Order problems by position, each after its ``file:line:col: field.path``."""
    seen: set[str] = set()
    ordered: list[tuple[tuple[int, int], Located]] = []
    for problem in problems:
        where = source.position(problem.loc, key=problem.at_key)
        located = Located(f"{where}: {dotted(problem.loc)}", problem.message)
        if str(located) not in seen:
            seen.add(str(located))
            ordered.append(((where.line, where.column), located))
    return [located for _, located in sorted(ordered, key=lambda item: item[0])]


def load_facts(path: str | Path, *, lang: str = "en", parsed: Parsed | None = None) -> LoadedFacts:
    """Load and validate the facts file at ``path``.

    ``lang`` picks the language of ``{en: ..., cy: ...}`` text; ``parsed``
    is the file already read (:func:`~pitchkit.facts.yamlsource.parse_yaml`),
    when it is loaded in more than one language. Raises
    :class:`FactsError` listing every problem, each located, with the
    file's ``settings.locale`` (unchecked) to report them in.
    """
    source = load_yaml(Path(path), lang=lang, parsed=parsed)
    facts = validate_facts(source)
    facts._english = dict(source.english)
    return LoadedFacts(
        facts=facts,
        path=Path(path),
        warnings=tuple(source.warnings),
        untranslated=tuple(source.untranslated),
        source=source,
    )
