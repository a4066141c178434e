"""The facts file, schema 1.1 (1 without ``excludes``): plain records, loaded and validated.

What a facts file holds is given to the rest of pitchkit as the frozen
records below (:class:`Facts` and its parts). They are made one of two
ways, with the same result:

- a clean file (every field known, every value plainly of its kind, no
  problem to report) is built directly by :mod:`pitchkit.facts.quickfacts`,
  without loading pydantic (about 60-80 ms of a ``brief``; see
  docs/performance.md);
- anything else is validated by the pydantic models of
  :mod:`pitchkit.facts.models`, exactly as before, and what they give is
  turned into the same records. ``tests/test_quickfacts.py`` checks that
  both give equal facts for every facts file in the repository and for
  mistyped copies of them.

Every problem found is reported as ``FILE:LINE:COL: field.path: what is
wrong and how to fix it``, all at once, through :class:`FactsError`. The
place stays as it is; what is wrong is a :class:`~pitchkit.i18n.messages.Message`
the command line shows in the user's language, which for a broken file is
the ``settings.locale`` it asks for, when it can be read.

The records keep the few model methods the code uses (``model_copy``,
``model_validate``, ``model_construct``), so a record is used as the model
was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal, Self

from pitchkit.errors import FactsError
from pitchkit.facts.fields import (
    TARGETED_FIELDS,
    TARGETED_KEYS,
    THEMES,
    Per,
    Theme,
    _as_list,
    greeting_from_name,
    measure_problem,
    unit_problem,
)
from pitchkit.facts.ids import id_key
from pitchkit.facts.validation import Problem, Team, did_you_mean, semantic_problems
from pitchkit.facts.yamlsource import Loc, Parsed, Source, declared_locale, dotted, load_yaml
from pitchkit.i18n.messages import Located, Message, Plural, Renderable
from pitchkit.period import Period, parse_period
from pitchkit.pounds import pounds_scale

__all__ = [
    "TARGETED_FIELDS",
    "TARGETED_KEYS",
    "THEMES",
    "Conversions",
    "Director",
    "Facts",
    "Impact",
    "LoadedFacts",
    "Meeting",
    "Money",
    "Objective",
    "Per",
    "Person",
    "Prices",
    "Project",
    "Settings",
    "Target",
    "TargetWas",
    "Theme",
    "Update",
    "audience_problems",
    "load_facts",
    "measure_problem",
    "unit_problem",
    "validate_facts",
]


@dataclass(frozen=True, kw_only=True, init=False)
class Record:
    """Base for everything a user writes: a frozen record, compared field by field.

    As with the models, making a record validates what it is given
    (``Impact(id=..., baseline=9, ...)``), raising pydantic's
    ``ValidationError`` when something is wrong; :meth:`model_construct`
    and :meth:`model_copy` do not validate.
    """

    def __init__(self, **data: Any) -> None:
        validated = type(self).model_validate(data)
        for name in _field_names(type(self)):
            object.__setattr__(self, name, getattr(validated, name))

    @classmethod
    def made(cls, **values: Any) -> Self:
        """A record of ``values`` as given (already checked), with the defaults for the rest."""
        record = cls.model_construct(**values)
        missing = [name for name in _field_names(cls) if not hasattr(record, name)]
        if missing:
            raise TypeError(f"{cls.__name__}: no value for {', '.join(missing)}")
        return record

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Self:
        """A copy with the fields in ``update`` replaced (not validated), as pydantic's."""
        record = object.__new__(type(self))
        for name in _field_names(type(self)):
            object.__setattr__(record, name, getattr(self, name))
        for name, value in (update or {}).items():
            object.__setattr__(record, name, value)
        return record

    @classmethod
    def model_validate(cls, data: Any) -> Self:
        """Validate ``data`` as this part of a facts file (pydantic's ``ValidationError``)."""
        from pitchkit.facts.quickfacts import build

        built = build(cls, data)
        if built is not None:
            return built
        from pitchkit.facts import models

        model = getattr(models, cls.__name__)
        return as_record(model.model_validate(as_data(data)))  # type: ignore[no-any-return]

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """A record of ``values``, unchecked, with the defaults for the rest (as pydantic's).

        A required field left out is left unset, as pydantic leaves it.
        """
        record = object.__new__(cls)
        for item in dataclasses.fields(cls):
            if item.name in values:
                value = values[item.name]
            elif item.default is not dataclasses.MISSING:
                value = item.default
            elif item.default_factory is not dataclasses.MISSING:
                value = item.default_factory()
            else:
                continue
            object.__setattr__(record, item.name, value)
        return record


_FIELD_NAMES: dict[type[Record], tuple[str, ...]] = {}


def _field_names(kind: type[Record]) -> tuple[str, ...]:
    """The names of the fields of records of ``kind``, in order."""
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in dataclasses.fields(kind))
    return names


@dataclass(frozen=True, kw_only=True, init=False)
class Person(Record):
    """The project lead, whose contact details close the note."""

    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Money(Record):
    """An amount of money with where the figure comes from."""

    amount: float
    currency: str = "GBP"
    source: str | None = None
    status: str | None = None
    #: The financial year whose prices the amount is in (``2020/21``).
    price_year: str | None = None
    #: Whose budget the money is in, when the measure's words cannot say (``trust``, ``ICB``,
    #: ``council``, ``own``: :data:`pitchkit.facts.fields.PAYERS`).
    payer: str | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Project(Record):
    """What the project is, in the words senior managers already use."""

    title: str
    organisation: str
    lead: Person | None = None
    problem: str
    change: str
    strategy: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    funding: Money | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class TargetWas(Record):
    """An impact's earlier target, ``value``, in force up to and including the period ``until``."""

    value: float
    until: str


@dataclass(frozen=True, kw_only=True, init=False)
class Impact(Record):
    """One measurable result of the change, with its baseline and target."""

    id: str
    measure: str
    unit: str
    per: Per | None = None
    #: How long each logged figure lasts when not the update's period (``week``):
    #: :func:`logged_rates` scales them to their period on loading.
    logged: Per | None = None
    baseline: float
    target: float
    better: Literal["lower", "higher"] | None = None
    themes: list[Theme] = field(default_factory=list)
    value: Money | None = None
    supports: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    source: str | None = None
    #: When the change took effect for this measure (schema 1.1, optional): one
    #: date, or a list for a change in stages. Without it the project's start is used.
    changed: list[dt.date] = field(default_factory=list)
    #: Whether its value is money the organisation can take out (cash), time and
    #: space freed for other work (capacity), or what each extra one costs (cost: a
    #: rise that adds spend, such as more drug items, netted against the benefits).
    releases: Literal["cash", "capacity", "cost"] | None = None
    #: Impacts whose money already includes this one's: it is left out of totals.
    overlaps: list[str] = field(default_factory=list)
    #: The earlier targets, each with the last period it applied to (optional; one
    #: mapping or a list): ``target`` applies from the period after the latest ``until``.
    target_was: list[TargetWas] = field(default_factory=list)
    #: A balancing measure: watched so that it stays within its ``target`` (the limit the
    #: team will accept), never a gain (docs/getting-started.md, "Balancing measures").
    balancing: bool = False

    @property
    def direction(self) -> Literal["lower", "higher"]:
        """Which way is better: as written, or inferred from baseline → target.

        A balancing measure's target is a limit on the worse side: above the
        baseline, lower is better.
        """
        if self.better is not None:
            return self.better
        if self.balancing:
            return "lower" if self.target > self.baseline else "higher"
        return "lower" if self.target < self.baseline else "higher"


@dataclass(frozen=True, kw_only=True, init=False)
class Target(Record):
    """A director objective's own numeric target, such as £14m."""

    value: float
    unit: str


@dataclass(frozen=True, kw_only=True, init=False)
class Objective(Record):
    """Something a director must deliver (organisational) or wants (personal)."""

    id: str
    text: str
    kind: Literal["organisational", "personal"] = "organisational"
    themes: list[Theme] = field(default_factory=list)
    target: Target | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Director(Record):
    """An executive director the project could ask to sponsor it."""

    id: str
    name: str
    role: str
    lens: str | None = None
    salutation: str | None = None
    email: str | None = None
    concerns: list[str] = field(default_factory=list)
    terms: dict[str, str] = field(default_factory=dict)
    objectives: list[Objective] = field(default_factory=list)

    @property
    def greeting_name(self) -> str:
        """How to address the director: the salutation, or one made from the name.

        "Margaret" for Margaret Oduya, "Dr Raman" for Dr Priya Raman (see
        :func:`pitchkit.facts.fields.greeting_from_name`).
        """
        return self.salutation or greeting_from_name(self.name)


def no_objectives_listed(director: Director) -> Message:
    """A YAML director with no objectives: what their note says instead, and how to add them."""
    return Message(
        "director '{id}' lists no objectives, so {name}'s note will say what their role usually "
        "answers for, not objectives of their own: add 'objectives:' with one '- text: ...' "
        "for each",
        id=director.id,
        name=director.name,
    )


#: More directors without objectives than this are warned of in one line, not one each.
NO_OBJECTIVES_NAMED = 3


def no_objectives_warnings(
    found: Sequence[tuple[Renderable | str, Director]],
    one: Callable[[Director], Renderable],
) -> list[Renderable]:
    """The warnings for directors who list no objectives: one each, or one for them all.

    ``found`` pairs each such director with where they are (a line or a cell);
    ``one`` words a single director's warning. A team of many without objectives
    (a sheet with an empty column, say) is told once, at the first of them, so
    the one thing to do is not lost among a screenful of the same line.
    """
    if len(found) <= NO_OBJECTIVES_NAMED:
        return [Located(where, one(director)) for where, director in found]
    names = [director.name for _, director in found[:NO_OBJECTIVES_NAMED]]
    return [
        Located(
            found[0][0],
            # A plural, so that Welsh says each count as it is read ("6 chyfarwyddwr"), not
            # "N o gyfarwyddwyr".
            Plural(
                "{n} director lists no objectives, among them {names}, so their notes will "
                "say what their role usually answers for, not objectives of their own: give each "
                "director their objectives",
                "{n} directors list no objectives, among them {names}, so their notes will "
                "say what their role usually answers for, not objectives of their own: give each "
                "director their objectives",
                len(found),
                names=", ".join(names),
            ),
        )
    ]


@dataclass(frozen=True, kw_only=True, init=False)
class Update(Record):
    """One period's entry in the progress log."""

    period: str
    date: dt.date | None = None
    status: Literal["green", "amber", "red"]
    summary: str | None = None
    done: list[str] = field(default_factory=list)
    next: list[str] = field(default_factory=list)
    barriers: list[str] = field(default_factory=list)
    asks: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    measures: dict[str, float | None] = field(default_factory=dict)
    score: float | None = None
    next_update: dt.date | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Meeting(Record):
    """The meeting the briefing note prepares for."""

    date: dt.date | None = None
    director: str | None = None
    place: str | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Prices(Record):
    """The price base money is restated in, and the inflation index to do it."""

    #: The financial year to restate unit costs in (default: the note's own year).
    year: str | None = None
    #: Annual percentage change into each financial year, over the shipped index.
    rates: dict[str, float] = field(default_factory=dict)
    #: Where ``rates`` come from, named in the note.
    source: str | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Conversions(Record):
    """What turns an impact into a director's own units (schema 1.1, optional).

    See ``docs/conversions.md`` for each default and why.
    """

    #: Expected deaths a year behind the SHMI or HSMR: deaths become a share of them.
    expected_deaths: float | None = None
    #: Hours in one shift an impact counts (default 7.5).
    shift_hours: float | None = None
    #: Paid hours a year of one whole-time equivalent (default 1,950: 37.5 × 52).
    wte_hours: float | None = None
    #: Appointments in one clinic session (default 12).
    session_slots: float | None = None
    #: Kilograms of CO2e one journey emits: journeys become CO2e only when given.
    kg_co2e_per_journey: float | None = None


@dataclass(frozen=True, kw_only=True, init=False)
class Settings(Record):
    """How documents are written and progress is judged."""

    locale: str | None = None
    cadence: Literal["month", "quarter"] | None = None
    spc_shift: int = 7
    spc_trend: int = 7
    prices: Prices | None = None
    #: Bed occupancy, in per cent, used to turn bed days into beds.
    occupancy: float | None = None
    #: What turns impacts into directors' own units (beds use ``occupancy``).
    conversions: Conversions = field(default_factory=Conversions)


@dataclass(frozen=True, kw_only=True, init=False)
class Facts(Record):
    """A whole facts file."""

    #: Schema 1.1 adds ``excludes`` on impacts; a 1.0 file reads the same under 1.1.
    version: float = 1
    project: Project
    impacts: list[Impact]
    asks: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    offer: list[str] = field(default_factory=list)
    meeting: Meeting | None = None
    directors: list[Director] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    measures: str | None = None
    settings: Settings = field(default_factory=Settings)
    #: Figures from a measures spreadsheet (period → impact id → value), never from
    #: the YAML: set by :meth:`with_figures` (see :mod:`pitchkit.notes.update.measuresheet`).
    _figures: dict[str, dict[str, float | None]] = field(default_factory=dict)
    #: Whom each item of asks, advice and offer is for, by field (``()``: everyone).
    _audiences: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: The English of each text the file gives as ``{en: ..., cy: ...}``, by the text read
    #: (set by :func:`load_facts`): see :mod:`pitchkit.recast.english`.
    _english: dict[str, str] = field(default_factory=dict)
    #: The team sheet and row of each director read from one (``--directors``), by id:
    #: set by :func:`pitchkit.facts.directors.with_team`, to locate warnings there.
    _team_rows: dict[str, tuple[str, int]] = field(default_factory=dict)
    #: Each impact written in thousands or millions of pounds, by id: (the unit as written,
    #: the factor its figures were multiplied by to make pounds). Set by :func:`in_pounds`.
    _scales: dict[str, tuple[str, float]] = field(default_factory=dict)

    #: The fields a facts file does not write: kept beside the ones it does.
    PRIVATE: ClassVar[tuple[str, ...]] = (
        "_figures", "_audiences", "_english", "_team_rows", "_scales",
    )  # fmt: skip

    def audience(self, field: str, index: int) -> tuple[str, ...]:
        """Whom item ``index`` of ``field`` (asks, advice, offer) is for: ``()`` for everyone."""
        found = self._audiences.get(field, ())
        return found[index] if index < len(found) else ()

    @property
    def english(self) -> dict[str, str]:
        """The ``en:`` text of each ``{en: ..., cy: ...}`` text read in another language."""
        return self._english

    @property
    def team_rows(self) -> dict[str, tuple[str, int]]:
        """The team sheet and row each director came from, by id (none from YAML)."""
        return self._team_rows

    @property
    def figures(self) -> dict[str, dict[str, float | None]]:
        """Figures read from the measures spreadsheet, by period then impact id."""
        return self._figures

    @property
    def scales(self) -> dict[str, tuple[str, float]]:
        """Impacts written in thousands or millions of pounds: id → (unit written, factor).

        Their figures are in pounds already (:func:`in_pounds`); a figure read from
        elsewhere for one of them (a measures spreadsheet) is multiplied by the factor.
        """
        return self._scales

    def ended_periods(self, today: dt.date) -> list[Period]:
        """The logged periods (entries or spreadsheet figures) over by ``today``, oldest first.

        What a note or an update of that day can know of the log; ``[]`` for a log
        wholly ahead of today (an example as shipped).
        """
        logged = {u.period for u in self.updates} | set(self._figures)
        return sorted(p for p in map(parse_period, logged) if p.end < today)

    def with_figures(self, figures: dict[str, dict[str, float | None]]) -> Facts:
        """A copy of these facts with ``figures`` from a measures spreadsheet."""
        copied = {period: dict(values) for period, values in figures.items()}
        return self.model_copy(update={"_figures": copied})

    def director(self, director_id: str) -> Director | None:
        """Return the director with ``director_id`` (case-insensitive), if any."""
        wanted = director_id.strip().casefold()
        return next((d for d in self.directors if d.id.casefold() == wanted), None)

    def impact(self, impact_id: str) -> Impact | None:
        """Return the impact with ``impact_id``, if any."""
        return next((i for i in self.impacts if i.id == impact_id), None)


#: Each record class by name: the pydantic model of the same name becomes it.
RECORDS: dict[str, type[Record]] = {
    kind.__name__: kind
    for kind in (
        Person, Money, Project, TargetWas, Impact, Target, Objective, Director, Update, Meeting,
        Prices, Conversions, Settings, Facts,
    )
}  # fmt: skip


def as_data(value: Any) -> Any:
    """``value`` with each record in it turned back into the data it was read from."""
    if isinstance(value, Record):
        private = Facts.PRIVATE if isinstance(value, Facts) else ()
        return {
            name: as_data(getattr(value, name))
            for name in _field_names(type(value))
            if name not in private
        }
    if isinstance(value, list):
        return [as_data(item) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item) for key, item in value.items()}
    return value


def as_record(value: Any) -> Any:
    """``value`` from the pydantic models, with each model turned into its record."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        kind = RECORDS[type(value).__name__]
        values = {name: as_record(getattr(value, name)) for name in type(value).model_fields}
        if kind is Facts:
            values.update((name, getattr(value, name)) for name in Facts.PRIVATE)
        return kind.made(**values)
    if isinstance(value, list):
        return [as_record(item) for item in value]
    if isinstance(value, dict):
        return {key: as_record(item) for key, item in value.items()}
    return value


@dataclass(frozen=True)
class LoadedFacts:
    """Validated facts with what loading noticed on the way."""

    facts: Facts
    path: Path
    warnings: tuple[Renderable | str, ...]
    untranslated: tuple[Loc, ...]
    source: Source


def validate_facts(source: Source, team: Team | None = None) -> Facts:
    """Validate loaded YAML data against the schema, or raise :class:`FactsError`.

    ``team``, a team file given with ``--directors``, only words the problems
    of links to it (:func:`~pitchkit.facts.validation.link_problems`).
    """
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
    from pitchkit.facts.quickfacts import quick_facts

    quick = quick_facts(source.data)
    if quick is not None:
        return logged_rates(in_pounds(quick))
    from pydantic import ValidationError

    from pitchkit.facts import models
    from pitchkit.facts.directors import current_links
    from pitchkit.facts.validation import describe_errors

    # A link written with an id an earlier pitchkit made for a text objective keeps working.
    current_links(source.data, source.english)
    problems: list[Problem] = []
    model: models.Facts | None = None
    try:
        model = models.Facts.model_validate(source.data, context={"english": source.english})
    except ValidationError as error:
        problems.extend(describe_errors(error, models.Facts, source.data))
    problems.extend(semantic_problems(source.data, team, english=source.english))
    problems.extend(audience_problems(source.data))
    if problems:
        raise facts_error(source, problems)
    assert model is not None
    facts: Facts = as_record(model)
    return logged_rates(in_pounds(facts))


def logged_factor(impact: Impact, period: str) -> float:
    """What a figure logged for ``impact`` in ``period`` is multiplied by to cover the period.

    1 unless the impact says its figures are logged over another length
    (``logged: week``): 170 hours a week in a month's entry is 170 × 52 / 12.
    """
    if impact.logged is None or impact.per is None:
        return 1
    from pitchkit.errors import InputError
    from pitchkit.period import PER_MONTHS, parse_period

    try:
        months = parse_period(period).months
    except InputError:
        return 1
    return months / PER_MONTHS[impact.logged]


def logged_rates(facts: Facts) -> Facts:
    """``facts`` with each figure of an impact with ``logged:`` scaled to its entry's period.

    A ward keeps weekly averages in a monthly log: with ``logged: week`` the
    update reads 170 hours a week in a month's entry as the month's 737, so
    that it is compared with the baseline scaled to a month and summed as
    months are. A measures spreadsheet's figures are scaled as they are merged
    (:func:`pitchkit.notes.update.measuresheet.merge`).
    """
    logged = {impact.id: impact for impact in facts.impacts if impact.logged and impact.per}
    if not logged:
        return facts
    updates = [
        update.model_copy(
            update={
                "measures": {
                    key: value
                    if value is None or key not in logged
                    else value * logged_factor(logged[key], update.period)
                    for key, value in update.measures.items()
                }
            }
        )
        for update in facts.updates
    ]
    return facts.model_copy(update={"updates": updates})


def in_pounds(facts: Facts) -> Facts:
    """``facts`` with every sum in thousands or millions of pounds restated in pounds.

    An impact with ``unit: £k`` (or ``£000``, ``£m``, ``thousands of pounds``:
    :func:`~pitchkit.pounds.pounds_scale`) gets the unit ``£`` and its
    baseline, target and each figure logged for it in ``updates`` multiplied
    out, so that 400 £k is £400,000 everywhere after; an objective's target in
    £m likewise. :attr:`Facts.scales` keeps what was done, for the figures of a
    measures spreadsheet and for ``check`` to say so.
    """
    scales: dict[str, tuple[str, float]] = {}
    impacts: list[Impact] = []
    for impact in facts.impacts:
        factor = pounds_scale(impact.unit)
        if factor is None or factor == 1:
            impacts.append(impact)
            continue
        scales[impact.id] = (impact.unit.strip(), factor)
        impacts.append(
            impact.model_copy(
                update={
                    "unit": "£",
                    "baseline": impact.baseline * factor,
                    "target": impact.target * factor,
                    "target_was": [
                        was.model_copy(update={"value": was.value * factor})
                        for was in impact.target_was
                    ],
                }
            )
        )
    directors = [_director_in_pounds(director) for director in facts.directors]
    if not scales and all(a is b for a, b in zip(directors, facts.directors, strict=True)):
        return facts
    updates = [
        update.model_copy(
            update={
                "measures": {
                    key: value if value is None or key not in scales else value * scales[key][1]
                    for key, value in update.measures.items()
                }
            }
        )
        for update in facts.updates
    ]
    return facts.model_copy(
        update={"impacts": impacts, "updates": updates, "directors": directors, "_scales": scales}
    )


def _director_in_pounds(director: Director) -> Director:
    """``director`` with each objective's target in thousands or millions made pounds."""
    objectives = []
    for objective in director.objectives:
        target = objective.target
        factor = pounds_scale(target.unit) if target is not None else None
        if target is None or factor is None or factor == 1:
            objectives.append(objective)
            continue
        scaled = target.model_copy(update={"unit": "£", "value": target.value * factor})
        objectives.append(objective.model_copy(update={"target": scaled}))
    if all(a is b for a, b in zip(objectives, director.objectives, strict=True)):
        return director
    return director.model_copy(update={"objectives": objectives})


def audience_problems(data: dict[str, Any], team: Sequence[str] | None = None) -> list[Problem]:
    """What is wrong with the ``{text:, for:}`` items of asks, advice and offer.

    ``for`` names directors by id or lenses by id. Director ids are checked
    against the file's own directors and ``team``, the ids of a team file
    (``--directors``); with neither, an id is left for the team file to check.
    """
    from pitchkit.recast.lenses import all_lenses, lens_key  # the lenses need this module

    lenses = list(all_lenses())
    directors = [
        str(d.get("id")).strip()
        for d in _as_list(data.get("directors")) or []
        if isinstance(d, dict) and d.get("id") is not None
    ]
    directors += [id_ for id_ in team or () if id_ not in directors]
    known = {id_key(d) for d in directors}
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
                if not directors and team is None and _SLUG.match(text):
                    continue  # a director of a team file: checked with it (facts.directors)
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


def facts_error(source: Source, problems: list[Problem]) -> FactsError:
    """The error for ``problems`` in the facts file ``source``, each located, in its language."""
    return FactsError(_located(source, problems), locale=declared_locale(source.data))


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


def load_facts(
    path: str | Path, *, lang: str = "en", parsed: Parsed | None = None, team: Team | None = None
) -> LoadedFacts:
    """Load and validate the facts file at ``path``.

    ``lang`` picks the language of ``{en: ..., cy: ...}`` text; ``parsed``
    is the file already read (:func:`~pitchkit.facts.yamlsource.parse_yaml`),
    when it is loaded in more than one language. Raises
    :class:`FactsError` listing every problem, each located, with the
    file's ``settings.locale`` (unchecked) to report them in; ``team`` (a
    team file) words the links to its objectives (:func:`validate_facts`).
    """
    source = load_yaml(Path(path), lang=lang, parsed=parsed)
    facts = validate_facts(source, team)
    object.__setattr__(facts, "_english", dict(source.english))  # made here, not yet shared
    return LoadedFacts(
        facts=facts,
        path=Path(path),
        warnings=tuple(source.warnings),
        untranslated=tuple(source.untranslated),
        source=source,
    )
