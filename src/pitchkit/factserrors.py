"""Problems in a facts file, worded for the person who wrote it.

Two sources: pydantic's validation errors (types, missing and unknown
fields), and the cross-references pydantic cannot see (duplicate ids,
``supports`` links, measures naming no impact). Each problem is a location
and a message that says how to fix it.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from pitchkit.messages import Message
from pitchkit.yamlsource import Loc, dotted

Problem = tuple[Loc, str]


def did_you_mean(word: str, choices: Iterable[str]) -> Message | str:
    """Return ``: did you mean 'x'?`` when ``word`` is close to a choice, else ``""``."""
    matches = difflib.get_close_matches(str(word), list(choices), n=3, cutoff=0.6)
    if not matches:
        return ""
    # Two letters swapped (dfo for dof) is the likeliest slip: prefer it.
    swapped = [m for m in matches if sorted(m.casefold()) == sorted(str(word).casefold())]
    return Message(": did you mean '{choice}'?", choice=(swapped or matches)[0])


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
    for candidate in _unwrap(current):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return list(candidate.model_fields)
    return None


def _literal_choices(ctx: dict[str, Any]) -> list[str]:
    expected = str(ctx.get("expected", ""))
    return [part.strip(" '\"") for part in expected.replace(" or ", ",").split(",") if part]


def describe_error(error: ErrorDetails, model: type[BaseModel]) -> Problem:
    """Word one pydantic error as a located, actionable problem."""
    loc: Loc = tuple(part for part in error["loc"] if isinstance(part, str | int))
    kind = error["type"]
    value = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    path = dotted(loc)
    field = str(loc[-1]) if loc else ""

    if kind == "missing":
        return loc, f"{path}: required, but missing: add '{field}:' here"
    if kind == "extra_forbidden":
        known = fields_at(model, loc[:-1]) or []
        hint = did_you_mean(field, known)
        if not hint and known:
            hint = f": the fields allowed here are {', '.join(known)}"
        return loc, f"{path}: unknown field '{field}'{hint}"
    if kind == "string_type":
        if isinstance(value, dict) and len(value) == 1:
            return loc, f"{path}: expected text, found 'a: b': put text containing ': ' in quotes"
        if isinstance(value, list):
            return loc, f"{path}: expected one piece of text, not a list"
        return loc, f"{path}: expected text here"
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        shown = f" (found '{value}')" if isinstance(value, str) else ""
        whole = "whole " if kind.startswith("int") else ""
        return loc, f"{path}: must be a {whole}number such as 1200, without units or words{shown}"
    if kind.startswith("date") or kind.startswith("datetime"):
        shown = f"'{value}' " if isinstance(value, str) else ""
        return loc, f"{path}: {shown}is not a real date: write it as YYYY-MM-DD, e.g. 2027-01-04"
    if kind == "literal_error":
        choices = _literal_choices(ctx)
        hint = did_you_mean(str(value), choices) if isinstance(value, str) else ""
        return loc, f"{path}: '{value}' is not allowed: use one of {', '.join(choices)}{hint}"
    if kind == "list_type":
        return loc, f"{path}: expected a list: put each item on its own line starting with '- '"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return loc, f"{path}: expected a block of fields under '{field}:', indented below it"
    if kind == "string_pattern_mismatch":
        return loc, (
            f"{path}: '{value}' is not a usable id: use letters, digits, '-' or '_' "
            "(no spaces or dots), e.g. 'bed-days'"
        )
    if kind == "string_too_short":
        return loc, f"{path}: must not be empty"
    if kind == "string_too_long":
        return loc, f"{path}: too long: keep it under {ctx.get('max_length')} characters"
    if kind == "too_short":
        return loc, f"{path}: needs at least {ctx.get('min_length', 1)} item: add one"
    if kind == "value_error":
        reason = str(ctx.get("error", error["msg"]))
        return loc, f"{path}: {reason}"
    if kind == "finite_number":
        text = str(value) if len(str(value)) <= 30 else f"{str(value)[:30]}…"
        return loc, (
            f"{path}: must be an ordinary number such as 1200, not 'nan' or one too large "
            f"to hold (found '{text}')"
        )
    if kind == "bool_parsing":
        return loc, f"{path}: write true or false"
    return loc, f"{path}: {error['msg'][:1].lower()}{error['msg'][1:]}"


def describe_errors(error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """Word every error pydantic found."""
    return [describe_error(detail, model) for detail in error.errors()]


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of a list field, with their indices; tolerant of bad shapes."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _duplicates(items: list[tuple[int, dict[str, Any]]], key: str, where: Loc) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, int] = {}
    for index, item in items:
        value = item.get(key)
        if not isinstance(value, str):
            continue
        folded = value.casefold()
        if folded in first:
            earlier = dotted((*where, first[folded]))
            problems.append(
                (
                    (*where, index, key),
                    f"{dotted((*where, index, key))}: '{value}' is already used by {earlier}: "
                    "give each one its own id",
                )
            )
        else:
            first[folded] = index
    return problems


def semantic_problems(data: Any) -> list[Problem]:
    """Find broken cross-references in raw facts data (duplicates, dangling links)."""
    problems: list[Problem] = []
    impacts = _items(data, "impacts")
    directors = _items(data, "directors")
    problems += _duplicates(impacts, "id", ("impacts",))
    problems += _duplicates(directors, "id", ("directors",))
    objectives: dict[str, set[str]] = {}
    for index, director in directors:
        director_id = str(director.get("id", ""))
        listed = _items(director, "objectives")
        problems += _duplicates(listed, "id", ("directors", index, "objectives"))
        objectives[director_id] = {str(o.get("id")) for _, o in listed if o.get("id")}
    if directors:
        problems += _supports_problems(impacts, objectives)
        problems += _meeting_problems(data, objectives)
    problems += _update_problems(data, {str(i.get("id")) for _, i in impacts})
    return problems


def _supports_problems(
    impacts: list[tuple[int, dict[str, Any]]], objectives: dict[str, set[str]]
) -> list[Problem]:
    problems: list[Problem] = []
    every = [f"{d}.{o}" for d, listed in objectives.items() for o in sorted(listed)]
    for index, impact in impacts:
        supports = impact.get("supports")
        links = supports if isinstance(supports, list) else [supports] if supports else []
        for number, link in enumerate(links):
            loc: Loc = ("impacts", index, "supports", number)
            if not isinstance(link, str):
                continue
            director_id, _, objective_id = link.partition(".")
            if not objective_id:
                message = "write the link as director_id.objective_id, e.g. dof.cip"
                problems.append((loc, f"{dotted(loc)}: {message}"))
            elif director_id not in objectives:
                hint = did_you_mean(director_id, objectives)
                message = f"no director has the id '{director_id}'{hint}"
                problems.append((loc, f"{dotted(loc)}: {message}"))
            elif objectives[director_id] and objective_id not in objectives[director_id]:
                hint = did_you_mean(link, every)
                problems.append(
                    (loc, f"{dotted(loc)}: '{link}' names no objective of that director{hint}")
                )
    return problems


def _meeting_problems(data: dict[str, Any], objectives: dict[str, set[str]]) -> list[Problem]:
    meeting = data.get("meeting")
    if not isinstance(meeting, dict) or not isinstance(meeting.get("director"), str):
        return []
    wanted = meeting["director"]
    if wanted.casefold() in {d.casefold() for d in objectives}:
        return []
    loc: Loc = ("meeting", "director")
    hint = did_you_mean(wanted, objectives) or f": use one of {', '.join(objectives)}"
    return [(loc, f"{dotted(loc)}: no director has the id '{wanted}'{hint}")]


def _update_problems(data: Any, impact_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, update in _items(data, "updates"):
        period = update.get("period")
        if isinstance(period, str):
            key = period.strip().upper()
            if key in seen:
                loc: Loc = ("updates", index, "period")
                problems.append(
                    (
                        loc,
                        f"{dotted(loc)}: {period} is already logged at updates[{seen[key]}]: "
                        "merge the two entries",
                    )
                )
            else:
                seen[key] = index
        measures = update.get("measures")
        if isinstance(measures, dict):
            for name in measures:
                if name not in impact_ids:
                    loc = ("updates", index, "measures", name)
                    hint = did_you_mean(name, impact_ids) or (
                        f": use an impact id ({', '.join(sorted(impact_ids))})"
                    )
                    problems.append((loc, f"{dotted(loc)}: '{name}' is not an impact id{hint}"))
    return problems
