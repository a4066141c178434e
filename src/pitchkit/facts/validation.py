"""Problems in a facts file, worded for the person who wrote it.

Two sources: pydantic's validation errors (types, missing and unknown
fields), and the cross-references pydantic cannot see (duplicate ids,
``supports`` links, measures naming no impact). Each problem is a place in
the data and a :class:`~pitchkit.i18n.messages.Message` that says how to fix it;
whoever reads the file puts the file position and field path in front
(untranslated) and the command line shows the message in the user's language.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, get_args, get_origin

from pitchkit.facts.ids import id_key, role_matches, same_id
from pitchkit.facts.yamlsource import Loc, dotted
from pitchkit.i18n.messages import Message, Plural, Renderable
from pitchkit.period import PERIOD_PATTERN

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails

#: Words in a measure or its unit saying it can go below zero: a change, a difference,
#: a net balance or financial position (a deficit is below zero), a score or a temperature.
#: Any other measure is a level or a count (patients, days, pounds, a percentage) and cannot.
_SIGNED = re.compile(
    r"\b(?:changes?|differences?|net|balance|variance|surplus|deficit|position|margins?|"
    r"run[- ]rate|overspend|underspend|movement|income and expenditure|I&E|"
    r"scores?|gaps?|growth|deviation|degrees?|temperature)\b|°",
    re.IGNORECASE,
)


def may_be_negative(measure: str, unit: str) -> bool:
    """Whether a measure with this name and unit can sensibly be below zero."""
    return bool(_SIGNED.search(f"{measure} {unit}"))


#: Words in a measure or its unit saying a percentage of it can pass 100%: a rate of use
#: (occupancy, utilisation), a share of a plan, target, budget or baseline, or a rise.
_OVER_100 = re.compile(
    r"\b(?:occupan\w*|utili[sz]\w*|capacity|productivity|of (?:the )?(?:plan|planned|target|"
    r"budget|baseline|contract\w*|activity|expected|standard|demand|last year|previous)|"
    r"against|compared|growth|increase|rise|change|uplift|ratio|index)\b",
    re.IGNORECASE,
)


def is_share(unit: str) -> bool:
    """Whether the unit makes the measure a percentage."""
    return unit.strip() in {"%", "per cent", "percent"}


_PERCENT_WORDS = re.compile(r"%|per\s*cent|percentage|proportion|\bshare\b", re.IGNORECASE)


def percent_unit(unit: str) -> bool:
    """Whether a unit could hold a figure written with a ``%`` sign (``%``, ``% of beds``)."""
    return bool(_PERCENT_WORDS.search(unit))


def may_pass_100(measure: str, unit: str) -> bool:
    """Whether a percentage measure with this name can sensibly be more than 100%.

    A share of patients, staff or anything counted cannot; bed occupancy,
    theatre utilisation or activity as a % of plan can.
    """
    return not is_share(unit) or bool(_OVER_100.search(f"{measure} {unit}"))


def over_100_message(value: float) -> Message:
    """What to say about a baseline or target over 100% for a share that cannot be."""
    return Message(
        "{value}% is more than 100%, which a share cannot be: write the share itself "
        "(100 or less), or, if this measure really can pass 100% (occupancy, utilisation, "
        "a % of plan), say so in 'measure'",
        value=_figure(value),
    )


def _figure(value: float) -> str:
    """A figure as the user wrote it: -20 rather than -20.0."""
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:g}"


def below_zero_message(value: float) -> Message:
    """What to say about a baseline or target below zero for a measure that cannot be."""
    return Message(
        "{value} is below zero, which this measure cannot be: write the level itself "
        "(a fall shows as a target lower than the baseline), or, if it really can go "
        "below zero, call it a change, a difference or a net balance in 'measure'",
        value=_figure(value),
    )


class Problem(NamedTuple):
    """Something wrong at ``loc`` in the data, and how to fix it.

    ``at_key`` points the position at the field's name rather than its value
    (an unknown field is wrong in its name).
    """

    loc: Loc
    message: Renderable | str
    at_key: bool = False


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice ``word`` is most likely a slip for, if any is close."""
    import difflib  # only for a slip: it takes about 1 ms to load

    listed = list(choices)
    matches = difflib.get_close_matches(str(word), listed, n=len(listed) or 1, cutoff=0.6)
    if not matches:
        return None
    # Two letters swapped (dfo for dof) is the likeliest slip: prefer it, among every close
    # match (with ties, dow, dos and don could otherwise crowd dof out of the best three).
    swapped = [m for m in matches if sorted(m.casefold()) == sorted(str(word).casefold())]
    return (swapped or matches)[0]


def did_you_mean(word: str, choices: Iterable[str]) -> Message | str:
    """Return ``: did you mean 'x'?`` when ``word`` is close to a choice, else ``""``."""
    choice = closest(word, choices)
    return "" if choice is None else Message(": did you mean '{choice}'?", choice=choice)


def _unwrap(annotation: Any) -> list[Any]:
    """Return the concrete types inside Optional/Annotated/Union."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    return [annotation]


def fields_at(model: type[BaseModel], loc: Loc) -> list[str] | None:
    """Return the field names the schema allows at ``loc``, if it is a model."""
    from pydantic import BaseModel  # the models' errors are worded only after pydantic ran

    current = _annotation_at(model, loc)
    for candidate in _unwrap(current):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return list(candidate.model_fields)
    return None


def choices_at(model: type[BaseModel], loc: Loc) -> list[str]:
    """The values the schema allows at ``loc`` when it is one of a few (``green``, ...), else []."""
    return [
        str(value)
        for candidate in _unwrap(_annotation_at(model, loc))
        if get_origin(candidate) is typing.Literal
        for value in get_args(candidate)
    ]


def _annotation_at(model: type[BaseModel], loc: Loc) -> Any:
    """The type the schema gives the value at ``loc``, or ``None`` where it gives none."""
    from pydantic import BaseModel

    current: Any = model
    for part in loc:
        candidates = _unwrap(current)
        nxt: Any = None
        for candidate in candidates:
            if (
                isinstance(part, str)
                and isinstance(candidate, type)
                and issubclass(candidate, BaseModel)
                and part in candidate.model_fields
            ):
                nxt = candidate.model_fields[part].annotation
                break
            origin = get_origin(candidate)
            if isinstance(part, int) and origin is list:
                nxt = get_args(candidate)[0]
                break
            if isinstance(part, str) and origin is dict:
                nxt = get_args(candidate)[1]
                break
        if nxt is None:
            return None
        current = nxt
    return current


def _literal_choices(ctx: dict[str, Any]) -> list[str]:
    """The choices pydantic lists in a ``literal_error``."""
    expected = str(ctx.get("expected", ""))
    return [part.strip(" '\"") for part in expected.replace(" or ", ",").split(",") if part]


def _misgrouped(value: object) -> Message | None:
    """What a number with its thousands commas in the wrong places probably meant.

    ``7,4000`` has no units or words in it, so "without units or words" does
    not help (newuser35 #13): the commas are said to be out of place, with the
    readings a slip most likely came from, the digits without the commas
    (74000) and each over-long group cut to three digits (7400).
    """
    if not isinstance(value, str):
        return None
    found = re.fullmatch(r"\s*(\d{1,3})((?:,\d+)+)(\.\d+)?\s*", value)
    if found is None or re.fullmatch(r"(?:,\d{3})+", found[2]):
        return None
    groups = found[2].split(",")[1:]
    decimals = found[3] or ""
    readings = [found[1] + "".join(groups) + decimals]
    if all(len(group) >= 3 for group in groups):
        cut = found[1] + "".join(group[:3] for group in groups) + decimals
        if cut not in readings:
            readings.insert(0, cut)
    if len(readings) == 1:
        return Message(
            "'{value}' has its commas in the wrong places (they go between groups of three "
            "digits): did you mean {first}? Write it with no commas",
            value=value.strip(),
            first=readings[0],
        )
    return Message(
        "'{value}' has its commas in the wrong places (they go between groups of three "
        "digits): did you mean {first} or {second}? Write it with no commas",
        value=value.strip(),
        first=readings[0],
        second=readings[1],
    )


def _shown(value: object) -> Message | str:
    """`` (found 'x')`` for a text value, so the user sees what was read."""
    return Message(" (found '{value}')", value=value) if isinstance(value, str) else ""


def _reason(ctx: dict[str, Any], fallback: str) -> Renderable | str:
    """What a validator's ``ValueError`` says: its :class:`Message` when it carries one."""
    error = ctx.get("error", fallback)
    if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Renderable):
        return error.args[0]
    return str(error)


def _limit(value: object) -> str:
    """A bound from the schema as people write it: ``5`` rather than ``5.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _explain(kind: str, error: ErrorDetails, model: type[BaseModel], loc: Loc) -> Renderable | str:
    """What is wrong with the value at ``loc`` and how to fix it, for pydantic's ``kind``."""
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    field = str(loc[-1]) if loc else ""

    if kind == "missing":
        choices = choices_at(model, loc)
        if choices:
            # "updates[0].status: required, but missing: add 'status:' here, one of green,
            # amber, red": the lead need not look the values up.
            return Message(
                "required, but missing: add '{field}:' here, with one of {choices}",
                field=field,
                choices=", ".join(choices),
            )
        return Message("required, but missing: add '{field}:' here", field=field)
    if kind == "extra_forbidden":
        known = fields_at(model, loc[:-1]) or []
        hint = did_you_mean(field, known)
        if not hint and known:
            hint = Message(": the fields allowed here are {fields}", fields=", ".join(known))
        return Message("unknown field '{field}'{hint}", field=field, hint=hint)
    if kind == "string_type":
        if isinstance(value, dict) and len(value) == 1:
            [(key, inner)] = value.items()
            shown = f"{key}: {inner}" if inner is not None else f"{key}:"
            if len(shown) > 60:
                shown = shown[:59] + "…"
            return Message(
                "expected text, but the ': ' in '{text}' made it a field: put the whole text "
                "in quotes",
                text=shown,
            )
        if isinstance(value, list):
            return Message("expected one piece of text, not a list")
        return Message("expected text here")
    if kind in {"int_parsing", "int_type", "int_from_float", "float_parsing", "float_type"}:
        grouping = _misgrouped(value)
        if grouping is not None:
            return grouping
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return Message(
            "must be a whole number such as 1200, without units or words{found}",
            found=_shown(value),
        )
    if kind in {"float_parsing", "float_type"}:
        return Message(
            "must be a number such as 1200, without units or words{found}", found=_shown(value)
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str):
            # A date day first, 01/04/2026, is read as in the UK before this (fields._uk_date).
            return Message(
                "'{value}' is not a real date: write it year first as YYYY-MM-DD, "
                "e.g. 2027-04-30 for 30 April 2027",
                value=value,
            )
        return Message(
            "is not a real date: write it year first as YYYY-MM-DD, "
            "e.g. 2027-04-30 for 30 April 2027"
        )
    if kind == "literal_error":
        choices = _literal_choices(ctx)
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return Message(
            "'{value}' is not allowed: use one of {choices}{hint}",
            value=value,
            choices=", ".join(choices),
            hint=hint,
        )
    if kind == "list_type" and loc == ("directors",) and isinstance(value, str):
        # 'directors: team.xlsx': the team file is an option, not a field.
        return Message(
            "a team file is not read from the facts file: take this line out and pass the file "
            "with --directors {file}, or list the directors here, each starting with '- id: '",
            file=value.strip(),
        )
    if kind == "list_type":
        return Message("expected a list: put each item on its own line starting with '- '")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return Message(
            "expected a block of fields under '{field}:', indented below it", field=field
        )
    if kind == "string_pattern_mismatch":
        return Message(
            "'{value}' is not a usable id: use letters, digits, '-' or '_' "
            "(no spaces or dots), e.g. 'bed-days'",
            value=value,
        )
    if kind == "string_too_short":
        return Message("must not be empty")
    if kind == "string_too_long":
        return Message(
            "too long: keep it under {limit} characters", limit=ctx.get("max_length", "")
        )
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        return Plural(
            "needs at least {n} item: add one", "needs at least {n} items: add them", least
        )
    if kind == "value_error":
        return _reason(ctx, error["msg"])
    if kind == "finite_number":
        text = str(value) if len(str(value)) <= 30 else f"{str(value)[:30]}…"
        return Message(
            "must be an ordinary number such as 1200, not 'nan' or one too large "
            "to hold (found '{value}')",
            value=text,
        )
    if kind == "bool_parsing":
        return Message("write true or false")
    if kind == "greater_than_equal":
        return Message("must be {limit} or more", limit=_limit(ctx.get("ge")))
    if kind == "less_than_equal":
        return Message("must be {limit} or less", limit=_limit(ctx.get("le")))
    if kind == "greater_than":
        return Message("must be more than {limit}", limit=_limit(ctx.get("gt")))
    if kind == "less_than":
        return Message("must be less than {limit}", limit=_limit(ctx.get("lt")))
    if kind == "multiple_of":
        return Message(
            "must be a multiple of {step}, such as 3 or 3.5",
            step=_limit(ctx.get("multiple_of")),
        )
    # A check the schema does not expect: pydantic's own (English) words.
    return f"{error['msg'][:1].lower()}{error['msg'][1:]}"


def describe_error(error: ErrorDetails, model: type[BaseModel]) -> Problem:
    """Word one pydantic error as an actionable problem at its place in the data."""
    loc: Loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
    kind = error["type"]
    return Problem(loc, _explain(kind, error, model, loc), at_key=kind == "extra_forbidden")


def as_written(loc: Loc, data: Any) -> Loc:
    """``loc`` as the file writes it: without the ``[0]`` of one item given for a list.

    ``target_was: {until: June}`` is read as a list of one; its problem is at
    ``target_was.until``, not ``target_was[0].until``.
    """
    written: list[str | int] = []
    here = data
    for part in loc:
        if isinstance(part, int) and part == 0 and isinstance(here, dict):
            continue
        written.append(part)
        if isinstance(part, int):
            here = here[part] if isinstance(here, list) and part < len(here) else None
        else:
            here = here.get(part) if isinstance(here, dict) else None
    return tuple(written)


def describe_errors(
    error: ValidationError, model: type[BaseModel], data: Any = None
) -> list[Problem]:
    """Word every error pydantic found, once each.

    A misspelt field (``basline:``) is reported as unknown, with the field it
    is likely meant to be; that field is then not also reported missing.
    With ``data``, each place is as the file writes it (:func:`as_written`).
    """
    details = error.errors()
    meant: set[Loc] = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        loc: Loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
        choice = closest(str(loc[-1]), fields_at(model, loc[:-1]) or []) if loc else None
        if choice is not None:
            meant.add((*loc[:-1], choice))
    problems = []
    for detail in details:
        loc = tuple(part for part in detail["loc"] if isinstance(part, str | int))
        if detail["type"] == "missing" and loc in meant:
            continue
        problem = describe_error(detail, model)
        if data is not None:
            problem = problem._replace(loc=as_written(problem.loc, data))
        problems.append(problem)
    return problems


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list field, with their indices; tolerant of bad shapes."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _duplicates(
    items: list[tuple[int, dict[str, Any]]],
    key: str,
    where: Loc,
    *,
    orphans: tuple[str, ...] = (),
) -> list[Problem]:
    """An id used twice in one list, case aside.

    ``orphans`` are ids used elsewhere that no item has: likely the one a
    copied item was meant to be given, so the message names them.
    """
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, item in items:
        value = item.get(key)
        if not isinstance(value, str):
            continue
        folded = id_key(value)
        if folded in first:
            message: Message = Message(
                "'{value}' is already used by {earlier}: give each one its own id",
                value=value,
                earlier=dotted((*where, first[folded])),
            )
            if orphans:
                message = Message(
                    "'{value}' is already used by {earlier}: give each one its own id "
                    "(the progress log names {ids}, which no impact has yet)",
                    value=value,
                    earlier=dotted((*where, first[folded])),
                    ids=", ".join(f"'{name}'" for name in orphans),
                )
            problems.append(Problem((*where, index, key), message))
        else:
            first[folded] = index
    return problems


def semantic_problems(
    data: Any, team: Team | None = None, *, english: Mapping[str, str] | None = None
) -> list[Problem]:
    """Find broken cross-references in raw facts data (duplicates, dangling links).

    ``team`` (a team file given with ``--directors``) wins over the file's
    own ``directors:``: a link to one of its objectives, or a meeting with
    one of its directors, is checked as the file's own would be. ``english``
    gives the English of each text read from ``{en: ..., cy: ...}`` in
    another language: an objective's id is made from it.
    """
    problems: list[Problem] = []
    impacts = _items(data, "impacts")
    directors = _items(data, "directors")
    impact_ids = {str(i.get("id")) for _, i in impacts}
    orphans = _orphan_measures(data, impact_ids)
    dupes = _duplicates(impacts, "id", ("impacts",), orphans=orphans)
    problems += dupes
    problems += _duplicates(directors, "id", ("directors",))
    objectives: dict[str, set[str]] = {}
    for index, director in directors:
        director_id = str(director.get("id", ""))
        listed = _items(director, "objectives")
        problems += _duplicates(listed, "id", ("directors", index, "objectives"))
        # An id given twice (refused above) keeps both directors' objectives, so a link
        # to either is not also called wrong beside that one line (newuser18 #6).
        theirs = objectives.setdefault(director_id, set())
        theirs |= {str(o.get("id")) for _, o in listed if o.get("id")}
        theirs |= _made_objective_ids(director.get("objectives"), english)
    if directors:
        if team is not None:
            # --directors wins, as in every command: the notes are written for the team
            # file's directors, so a link to one of their objectives, or a meeting with one
            # of them, is no mistake beside the file's own list.
            for director_id, theirs in team.objectives.items():
                if objectives.get(director_id, {""}):
                    objectives.setdefault(director_id, set()).update(theirs)
        roles = [
            (str(director.get("id", "")), str(director.get("role", "")))
            for _, director in directors
        ]
        if team is not None:
            problems += link_problems(
                data, objectives, roles, team.ignored, team.left_out, team.name
            )
        else:
            problems += link_problems(data, objectives, roles)
        problems += _both_problems(impacts)
        problems += meeting_problems(data, objectives)
    # With an id given twice, the log's unknown ids are said once, in that message.
    problems += _update_problems(data, impact_ids, said=orphans if dupes else ())
    problems += _logged_out_of_range(data, impacts)
    problems += _overlaps_problems(impacts)
    return problems


def _number(value: object) -> float | None:
    """A logged figure as a number, when it plainly is one (the schema checks the rest)."""
    if not isinstance(value, str):
        return None
    try:
        number = float(value.strip().replace(",", "").replace("£", "").rstrip("%"))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _logged_out_of_range(data: Any, impacts: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    """Figures in the progress log below zero, or over 100%, for measures that cannot be."""
    unsigned: set[str] = set()
    shares: set[str] = set()
    for _, impact in impacts:
        measure, unit = impact.get("measure"), impact.get("unit")
        if isinstance(measure, str) and isinstance(unit, str):
            if not may_be_negative(measure, unit):
                unsigned.add(str(impact.get("id")))
            if not may_pass_100(measure, unit):
                shares.add(str(impact.get("id")))
    problems: list[Problem] = []
    for index, update in _items(data, "updates"):
        measures = update.get("measures")
        if not isinstance(measures, dict):
            continue
        for name, value in measures.items():
            figure = value if isinstance(value, int | float) else _number(value)
            if figure is None:
                continue
            if name in unsigned and figure < 0:
                message = Message(
                    "{value} is below zero, which this measure cannot be: log the level "
                    "itself for the period, not the change since the last one",
                    value=_figure(float(figure)),
                )
            elif name in shares and figure > 100:
                message = Message(
                    "{value}% is more than 100%, which a share cannot be: log the share "
                    "itself for the period (100 or less)",
                    value=_figure(float(figure)),
                )
            else:
                continue
            problems.append(Problem(("updates", index, "measures", name), message))
    return problems


def _orphan_measures(data: Any, impact_ids: set[str]) -> tuple[str, ...]:
    """Ids the progress log names that no impact has, each once, in the order first named."""
    names: dict[str, None] = {}
    for _, update in _items(data, "updates"):
        measures = update.get("measures")
        if isinstance(measures, dict):
            names.update((str(name), None) for name in measures if name not in impact_ids)
    return tuple(names)


def _overlaps_problems(impacts: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    """``overlaps`` that name no impact, or the impact itself."""
    problems: list[Problem] = []
    known = [str(impact.get("id")) for _, impact in impacts if impact.get("id")]
    for index, impact in impacts:
        overlaps = impact.get("overlaps")
        listed = overlaps if isinstance(overlaps, list) else [overlaps] if overlaps else []
        for number, other in enumerate(listed):
            loc: Loc = ("impacts", index, "overlaps", number)
            if not isinstance(other, str):
                continue
            if other == impact.get("id"):
                message = Message(
                    "an impact cannot overlap itself: name the other impact whose money "
                    "already includes this one"
                )
                problems.append(Problem(loc, message))
            elif other not in known:
                message = Message(
                    "no impact has the id '{wanted}'{hint}",
                    wanted=other,
                    hint=did_you_mean(other, known),
                )
                problems.append(Problem(loc, message))
    return problems


def _made_objective_ids(listed: Any, english: Mapping[str, str] | None = None) -> set[str]:
    """The ids a director's objectives written as plain text are given (as a team file's are)."""
    if not isinstance(listed, list) or not any(isinstance(item, str) for item in listed):
        return set()
    from pitchkit.facts.directors import objectives_from_items  # it imports this module

    return {
        str(item["id"])
        for given, item in zip(listed, objectives_from_items(listed, english=english), strict=True)
        if isinstance(given, str) and isinstance(item, dict)
    }


class Team(NamedTuple):
    """A team file given with ``--directors``: its name and each director's objective ids."""

    name: str
    objectives: dict[str, set[str]]
    #: The file's misspelt objective columns, as written (``Objectve 1``): ignored.
    ignored: tuple[str, ...] = ()
    #: The ids of directors whose row the file left out, each warned of.
    left_out: tuple[str, ...] = ()


def link_problems(
    data: Any,
    objectives: dict[str, set[str]],
    roles: Sequence[tuple[str, str]] = (),
    ignored: Sequence[str] = (),
    left_out: Sequence[str] = (),
    team: str = "",
) -> list[Problem]:
    """``supports`` and ``excludes`` links in raw facts data naming no director or objective.

    ``objectives`` gives each director's id with the ids of their
    objectives: those of the facts' own ``directors:``, of a team file, or both.
    ``roles`` (each director's id and role) let ``cfo.cip`` suggest the finance
    director's id rather than the id a letter away. ``ignored`` are a team
    file's misspelt objective columns: a link naming no objective is said to
    be perhaps in one of them, with no other objective suggested. ``left_out``
    are the ids of directors whose row the team file ``team`` left out (each
    warned of): a link to one says so, rather than guess another director.
    """
    impacts = _items(data, "impacts")
    return [
        problem
        for key in ("supports", "excludes")
        for problem in _supports_problems(
            impacts,
            objectives,
            key=key,
            roles=roles,
            ignored=ignored,
            left_out=left_out,
            team=team,
        )
    ]


def _references(impact: dict[str, Any], key: str) -> list[Any]:
    """The ``supports`` or ``excludes`` entries of one impact, a single one as a list."""
    value = impact.get(key)
    return value if isinstance(value, list) else [value] if value else []


def _both_problems(impacts: list[tuple[int, dict[str, Any]]]) -> list[Problem]:
    """An objective an impact both ``supports`` and ``excludes``."""
    problems: list[Problem] = []
    for index, impact in impacts:
        supported = {id_key(str(ref)) for ref in _references(impact, "supports")}
        for number, ref in enumerate(_references(impact, "excludes")):
            if isinstance(ref, str) and id_key(ref) in supported:
                message = Message(
                    "'{link}' is also under 'supports': keep it in one of the two",
                    link=ref.strip(),
                )
                problems.append(Problem(("impacts", index, "excludes", number), message))
    return problems


def _supports_problems(
    impacts: list[tuple[int, dict[str, Any]]],
    objectives: dict[str, set[str]],
    *,
    key: str = "supports",
    roles: Sequence[tuple[str, str]] = (),
    ignored: Sequence[str] = (),
    left_out: Sequence[str] = (),
    team: str = "",
) -> list[Problem]:
    """``supports`` (or ``excludes``) links that name no director, or no objective of theirs."""
    problems: list[Problem] = []
    every = [f"{d}.{o}" for d, listed in objectives.items() for o in sorted(listed)]
    # Ids compared case aside (newuser34 #3): a team sheet's DOF is the facts' dof.
    named: dict[str, str] = {}
    keyed: dict[str, set[str]] = {}
    for director_id, objective_ids in objectives.items():
        named.setdefault(id_key(director_id), director_id)
        keyed.setdefault(id_key(director_id), set()).update(id_key(o) for o in objective_ids)
    for index, impact in impacts:
        for number, link in enumerate(_references(impact, key)):
            loc: Loc = ("impacts", index, key, number)
            if not isinstance(link, str):
                continue
            director_id, _, objective_id = link.partition(".")
            if not objective_id:
                message = Message("write the link as director_id.objective_id, e.g. dof.cip")
                problems.append(Problem(loc, message))
            elif id_key(director_id) not in keyed and id_key(director_id) in {
                id_key(gone) for gone in left_out
            }:
                # The cause is the team file's row, warned of above (newuser39 #3).
                message = Message(
                    "no director has the id '{wanted}': their row in {team} was left out, "
                    "as warned above; fix that row and this link works",
                    wanted=director_id,
                    team=team or "the team file",
                )
                problems.append(Problem(loc, message))
            elif id_key(director_id) not in keyed:
                message = Message(
                    "no director has the id '{wanted}'{hint}",
                    wanted=director_id,
                    hint=_director_hint(director_id, objectives, roles),
                )
                problems.append(Problem(loc, message))
            elif (
                keyed[id_key(director_id)]
                and id_key(objective_id) not in keyed[id_key(director_id)]
            ):
                theirs = {
                    o for d, ids in objectives.items() if same_id(d, director_id) for o in ids
                }
                listed = ", ".join(f"{named[id_key(director_id)]}.{o}" for o in sorted(theirs))
                hint: Renderable | str = did_you_mean(link, every) or Message(
                    ": use one of {ids}", ids=listed
                )
                if ignored:
                    # The objective may be in the column the team file ignored: suggesting
                    # another objective offered the link the lead excluded (newuser38 #6).
                    hint = Plural(
                        ": the team file's column {columns} was ignored, which may hold it",
                        ": the team file's columns {columns} were ignored, which may hold it",
                        len(ignored),
                        columns=", ".join(f"'{column}'" for column in ignored),
                    )
                message = Message(
                    "'{link}' names no objective of that director{hint}", link=link, hint=hint
                )
                problems.append(Problem(loc, message))
    return problems


def _director_hint(
    wanted: str, ids: Iterable[str], roles: Sequence[tuple[str, str]]
) -> Message | str:
    """A suggestion for an unknown director id: by the role it names, else by its spelling."""
    matches = role_matches(wanted, roles) if roles else None
    if matches is None:
        return did_you_mean(wanted, ids)
    return Message(": did you mean '{choice}'?", choice=matches[0]) if len(matches) == 1 else ""


def meeting_problems(data: Any, directors: Iterable[str]) -> list[Problem]:
    """A meeting with a director none of ``directors`` (their ids) is.

    ``directors`` are the facts file's own, with a team file's given with
    ``--directors``: a meeting with a director the notes are not written for
    would lose its line from every note without a word.
    """
    meeting = data.get("meeting") if isinstance(data, dict) else None
    if not isinstance(meeting, dict) or not isinstance(meeting.get("director"), str):
        return []
    wanted = meeting["director"]
    ids = list(dict.fromkeys(directors))
    if id_key(wanted) in {id_key(d) for d in ids}:
        return []
    hint = did_you_mean(wanted, ids) or Message(": use one of {ids}", ids=", ".join(ids))
    message = Message("no director has the id '{wanted}'{hint}", wanted=wanted, hint=hint)
    return [Problem(("meeting", "director"), message)]


def _months(period: object) -> tuple[int, int] | None:
    """The first and last month a period covers, counted from year 0; ``None`` if unreadable."""
    match = (
        PERIOD_PATTERN.match(str(period).strip().upper()) if isinstance(period, str | int) else None
    )
    if match is None or isinstance(period, bool):
        return None
    year, month, quarter = match.groups()
    first = int(year) * 12
    if month is not None:
        return first + int(month) - 1, first + int(month) - 1
    if quarter is not None:
        return first + 3 * int(quarter) - 3, first + 3 * int(quarter) - 1
    return first, first + 11


def _period_problem(
    period: object, index: int, logged: dict[int, tuple[str, int, int]]
) -> Problem | None:
    """A period logged twice, or overlapping one logged earlier (a month inside a quarter)."""
    span = _months(period)
    if span is None:
        return None
    text = str(period).strip().upper()
    for earlier, (other, first, last) in logged.items():
        if span[0] > last or first > span[1]:
            continue
        where = dotted(("updates", earlier))
        if other == text:
            message = Message(
                "{period} is already logged at {earlier}: merge the two entries",
                period=text,
                earlier=where,
            )
        else:
            message = Message(
                "{period} overlaps {other}, already logged at {earlier}: log each month "
                "only once, so merge the two entries or remove one",
                period=text,
                other=other,
                earlier=where,
            )
        return Problem(("updates", index, "period"), message)
    logged[index] = (text, *span)
    return None


def _update_problems(
    data: Any, impact_ids: set[str], *, said: tuple[str, ...] = ()
) -> list[Problem]:
    """Periods logged twice or overlapping, and measures that name no impact.

    ``said`` are unknown ids already named in another message (a duplicate id's).
    """
    problems: list[Problem] = []
    logged: dict[int, tuple[str, int, int]] = {}
    for index, update in _items(data, "updates"):
        problem = _period_problem(update.get("period"), index, logged)
        if problem is not None:
            problems.append(problem)
        measures = update.get("measures")
        if isinstance(measures, dict):
            for name in measures:
                if name not in impact_ids and name not in said:
                    hint = did_you_mean(name, impact_ids) or Message(
                        ": use an impact id ({ids})", ids=", ".join(sorted(impact_ids))
                    )
                    message = Message("'{name}' is not an impact id{hint}", name=name, hint=hint)
                    problems.append(Problem(("updates", index, "measures", name), message))
    return problems
