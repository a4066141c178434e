"""The facts file (schema 1.1; 1 without ``excludes``) as pydantic models: the full validation.

:func:`pitchkit.facts.schema.validate_facts` uses these for any file the
quick builder (:mod:`pitchkit.facts.quickfacts`) declines, and words
every error they find (:mod:`pitchkit.facts.validation`). What they give
is turned into the plain records of :mod:`pitchkit.facts.schema`, which
the rest of pitchkit uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pitchkit.errors import LocaleError
from pitchkit.facts.fields import (
    TARGETED_FIELDS,
    Per,
    Theme,
    _as_list,
    _as_number,
    _audience_of,
    _change_dates,
    _financial_year,
    _items,
    _lower,
    _measure_words,
    _payer,
    _per_words,
    _plain,
    _pounds,
    _schema_version,
    _uk_date,
    _unit_words,
    greeting_from_name,
)
from pitchkit.facts.validation import (
    below_zero_message,
    may_be_negative,
    may_pass_100,
    over_100_message,
    percent_unit,
)
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import normalise_locale
from pitchkit.period import LEVEL_LOGGED, PERIOD_PATTERN, period_problem

TextList = Annotated[list[str], BeforeValidator(_as_list)]
#: A measure's name, such as ``Emergency admissions``: never a bare number.
MeasureName = Annotated[str, BeforeValidator(_measure_words)]
#: A unit such as ``patients``, ``bed days``, ``%`` or ``£``: never a bare number.
Unit = Annotated[str, BeforeValidator(_unit_words)]
#: A currency: only pounds sterling (``GBP``, ``£``), which is also the default.
Pounds = Annotated[str, BeforeValidator(_pounds)]
#: Whose budget an impact's money is in, when its words cannot say: ``trust``, ``ICB`` ...
Payer = Annotated[str, BeforeValidator(_payer)]
#: Items for everyone (plain strings) or for some directors (``{text: ..., for: [...]}``).
ItemList = Annotated[list[str], BeforeValidator(_items)]
ChangeDates = Annotated[list[dt.date], BeforeValidator(_change_dates)]
#: A date: ``2026-04-01``, or day first as in the UK, ``01/04/2026`` (newuser35 #11).
Date = Annotated[dt.date, BeforeValidator(_uk_date)]
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
    #: Whose budget the money is in, when the measure's words cannot say (``trust``, ``ICB``).
    payer: Payer | None = None


class Project(Model):
    """What the project is, in the words senior managers already use."""

    title: str = Field(min_length=1)
    organisation: str = Field(min_length=1)
    lead: Person | None = None
    problem: str = Field(min_length=1)
    change: str = Field(min_length=1)
    strategy: TextList = Field(default_factory=list)
    evidence: TextList = Field(default_factory=list)
    start: Date | None = None
    end: Date | None = None
    funding: Money | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Project:
        if self.start and self.end and self.end < self.start:
            raise ValueError(Message("end comes before start: check the two dates"))
        return self


class TargetWas(Model):
    """An impact's earlier target: ``target_was: {value: 80, until: 2026-10}``.

    ``value`` was the target up to and including the period ``until`` (a
    month, quarter or year; a day stands for its month); the impact's
    ``target`` (or the next earlier target, in a list of them) applies from
    the period after it.
    """

    value: Number
    until: str

    @field_validator("until", mode="before")
    @classmethod
    def _until_shape(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return f"{value.year}-{value.month:02d}"
        text = str(value).strip().upper() if value is not None else value
        if not isinstance(text, str) or not PERIOD_PATTERN.match(text):
            raise ValueError(period_problem(str(value)))
        return text


class Impact(Model):
    """One measurable result of the change, with its baseline and target."""

    id: Slug
    measure: MeasureName = Field(min_length=1)
    unit: Unit = Field(min_length=1)
    per: Annotated[Per | None, BeforeValidator(_lower)] = None
    #: How long each figure the progress log gives for it lasts, when that is not the
    #: update's period: ``logged: week`` for weekly averages kept in a monthly log.
    logged: Annotated[Per | None, BeforeValidator(_per_words)] = None
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
    #: Whether its value is money the organisation can take out (cash), time and
    #: space freed for other work (capacity), or what each extra one costs (cost).
    releases: Annotated[Literal["cash", "capacity", "cost"] | None, BeforeValidator(_lower)] = None
    #: Impacts whose money already includes this one's: it is left out of totals.
    overlaps: TextList = Field(default_factory=list)
    #: The target before it was changed, and the last period it applied to (optional):
    #: one mapping, or a list of them for a target changed more than once.
    target_was: Annotated[list[TargetWas], BeforeValidator(_as_list)] = Field(default_factory=list)
    #: A balancing measure (IHI's model for improvement): one the team expects may get a
    #: little worse because of the change, and watches so that it stays within a limit. Its
    #: ``target`` is then that limit, and it is never a gain: no money, no objective.
    balancing: bool = False

    @field_validator("baseline", "target", mode="before")
    @classmethod
    def _percent_of_a_count(cls, value: object, info: ValidationInfo) -> object:
        unit = info.data.get("unit")
        written = value.strip() if isinstance(value, str) else ""
        if written.endswith("%") and isinstance(unit, str) and not percent_unit(unit):
            raise ValueError(
                Message(
                    "{value} is a percentage, but the unit is {unit}: write the number of "
                    "{unit} ({number}), or make the unit '%'",
                    value=written,
                    unit=unit.strip(),
                    number=written.rstrip("%").strip(),
                )
            )
        return value

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
    def _logged_needs_per(self) -> Impact:
        # A level (no per:) measured each quarter or year, such as a quarterly survey, says
        # so with logged: quarter; a day's or a week's level is just the level.
        if self.logged is not None and self.per is None and self.logged not in LEVEL_LOGGED:
            raise ValueError(
                Message(
                    "logged: {logged} needs per: an impact counted over time (per: {logged}) can "
                    "be logged a {logged}; a level such as a percentage is logged as it is, or "
                    "with logged: quarter (or year) when it is measured only that often",
                    logged=self.logged,
                )
            )
        return self

    @model_validator(mode="after")
    def _direction_known(self) -> Impact:
        if self.balancing:
            return self._limit_known()
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

    def _limit_known(self) -> Impact:
        """A balancing measure's target is a limit: level with the baseline or on its worse side."""
        if self.better is None and self.baseline == self.target:
            raise ValueError(
                Message(
                    "a balancing measure's target is the limit it must stay within, and it "
                    "equals the baseline, so which way is worse is unclear: add 'better: "
                    "lower' or 'better: higher'"
                )
            )
        better = self.direction
        if (self.target < self.baseline) if better == "lower" else (self.target > self.baseline):
            raise ValueError(
                Message(
                    "a balancing measure's target is the limit the team will accept, so it is "
                    "no better than the baseline ({baseline}), but {target} is better when "
                    "{better} is better: write the limit as the target, or remove "
                    "'balancing: true' if this is a gain the project aims for",
                    target=_plain(self.target),
                    baseline=_plain(self.baseline),
                    better=better,
                )
            )
        for name in ("value", "supports", "releases", "overlaps"):
            if getattr(self, name):
                raise ValueError(
                    Message(
                        "a balancing measure is watched, never counted as a gain or a "
                        "saving, so it takes no '{name}': remove '{name}', or remove "
                        "'balancing: true' if this is a gain the project aims for",
                        name=name,
                    )
                )
        return self

    @property
    def direction(self) -> Literal["lower", "higher"]:
        """Which way is better: as written, or inferred from baseline → target.

        A balancing measure's target is the limit of the worsening the team will
        accept, so a limit above the baseline says lower is better.
        """
        if self.better is not None:
            return self.better
        if self.balancing:
            return "lower" if self.target > self.baseline else "higher"
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
        """How to address the director: the salutation, or one made from the name.

        "Margaret" for Margaret Oduya, "Dr Raman" for Dr Priya Raman (see
        :func:`pitchkit.facts.fields.greeting_from_name`).
        """
        return self.salutation or greeting_from_name(self.name)

    @field_validator("objectives", mode="before")
    @classmethod
    def _text_objectives(cls, value: Any, info: ValidationInfo) -> Any:
        # An objective written as plain text gets its id and kind as a team file's do
        # ("- Reduce harm while patients wait" is harm-patients-wait), so a facts file
        # may list them the way a team sheet does; one written {en: ..., cy: ...} gets
        # it from the English (the context's "english", as the file was read).
        if not isinstance(value, list) or not any(isinstance(item, str) for item in value):
            return value
        from pitchkit.facts.directors import objectives_from_items  # it imports this module

        english = (info.context or {}).get("english") if info is not None else None
        return objectives_from_items(value, english=english)

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
    date: Date | None = None
    status: Annotated[Literal["green", "amber", "red"], BeforeValidator(_lower)]
    summary: str | None = None
    done: TextList = Field(default_factory=list)
    next: TextList = Field(default_factory=list)
    barriers: TextList = Field(default_factory=list)
    asks: TextList = Field(default_factory=list)
    advice: TextList = Field(default_factory=list)
    measures: dict[str, Number | None] = Field(default_factory=dict)
    score: Number | None = Field(default=None, ge=0.5, le=5.0, multiple_of=0.5)
    next_update: Date | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_shape(cls, value: Any) -> Any:
        text = str(value).strip().upper() if value is not None else value
        if not isinstance(text, str) or not PERIOD_PATTERN.match(text):
            raise ValueError(period_problem(str(value)))
        return text


class Meeting(Model):
    """The meeting the briefing note prepares for."""

    date: Date | None = None
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
    #: Figures from a measures spreadsheet (period → impact id → value), never from the
    #: YAML: always empty here; the record's ``with_figures`` sets them
    #: (:class:`pitchkit.facts.schema.Facts`).
    _figures: dict[str, dict[str, float | None]] = PrivateAttr(default_factory=dict)
    #: Whom each item of asks, advice and offer is for, by field (``()``: everyone).
    _audiences: dict[str, tuple[tuple[str, ...], ...]] = PrivateAttr(default_factory=dict)
    #: The English of each text the file gives as ``{en: ..., cy: ...}``, by the text read
    #: (set by :func:`load_facts`): see :mod:`pitchkit.recast.english`.
    _english: dict[str, str] = PrivateAttr(default_factory=dict)
    #: The team sheet and row of each director read from one: always empty here (set on
    #: the record by :func:`pitchkit.facts.directors.with_team`).
    _team_rows: dict[str, tuple[str, int]] = PrivateAttr(default_factory=dict)
    #: Impacts in thousands or millions of pounds: always empty here (set on the record by
    #: :func:`pitchkit.facts.schema.in_pounds`).
    _scales: dict[str, tuple[str, float]] = PrivateAttr(default_factory=dict)

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

    @field_validator("version", mode="before")
    @classmethod
    def _known_version(cls, value: Any) -> Any:
        if value in (1, 1.1, "1", "1.1"):
            return float(value)
        raise ValueError(Message("this pitchkit reads facts files of version 1 or 1.1"))

    def director(self, director_id: str) -> Director | None:
        """Return the director with ``director_id`` (case-insensitive), if any."""
        from pitchkit.facts.ids import id_key

        wanted = id_key(director_id)
        return next((d for d in self.directors if id_key(d.id) == wanted), None)

    def impact(self, impact_id: str) -> Impact | None:
        """Return the impact with ``impact_id``, if any."""
        return next((i for i in self.impacts if i.id == impact_id), None)
