"""Checking a request as it is made, so a wrong value is refused where it was given.

Each use case's request is a frozen dataclass; :func:`settle` runs from its
``__post_init__``. It reads the field's declared type and, for each value,
either keeps it, converts it the way the command line would read it (a
``str`` path becomes a :class:`~pathlib.Path`, an ISO date ``"2027-01-31"``
a :class:`datetime.date`, ``"dof,coo"`` for ``only`` the ids ``("dof",
"coo")``), or raises an :class:`~pitchkit.errors.InputError` whose one line
names the request's field, the value given and what to give instead. A
wrong value therefore never travels deep into pitchkit to fail there as an
``AttributeError``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import typing
from pathlib import Path
from typing import Any

from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message

#: The fields counted in notes made at once, refused below 1 as ``--jobs`` is.
AT_LEAST_ONE = frozenset({"jobs"})


def settle(request: object) -> None:
    """Check every field of the dataclass ``request``, converting what the CLI would accept.

    Raises :class:`InputError` naming ``ClassName.field`` for the first value
    that cannot be used.
    """
    cls = type(request)
    for field, hint in _fields(cls):
        value = getattr(request, field)
        settled = _settle_value(f"{cls.__name__}.{field}", field, value, hint)
        if settled is not value:
            object.__setattr__(request, field, settled)


#: Each request class's fields with their declared types, read once.
_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of the dataclass ``cls`` with its declared type."""
    if cls not in _FIELDS:
        hints = typing.get_type_hints(cls)
        _FIELDS[cls] = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
    return _FIELDS[cls]


def _settle_value(name: str, field: str, value: Any, hint: Any) -> Any:
    """``value`` as the type ``hint`` wants it, or an :class:`InputError` naming ``name``."""
    args = typing.get_args(hint)
    optional = type(None) in args
    wanted = next((arg for arg in args if arg is not type(None)), hint) if optional else hint
    if value is None and optional:
        return None
    if wanted is Path:
        return _path(name, value)
    if wanted is dt.date:
        return _date(name, value)
    if wanted is bool:
        return _flag(name, value)
    if wanted is int:
        return _count(name, field, value)
    if wanted is str:
        return _text(name, value)
    if typing.get_origin(wanted) is tuple:
        return _texts(name, value)
    return value


def _shown(value: Any) -> str:
    """The value as a developer would write it, kept short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _path(name: str, value: Any) -> Path:
    if isinstance(value, Path):
        return value
    if isinstance(value, str | os.PathLike) and str(os.fspath(value)).strip():
        return Path(os.fspath(value))
    raise InputError(
        Message(
            "{field}: {value} is not a path: give a pathlib.Path or a str, such as 'facts.yaml'",
            field=name,
            value=_shown(value),
        )
    )


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(
        Message(
            "{field}: {value} is not a date: give a datetime.date, or a str written year "
            "first as YYYY-MM-DD, such as '2027-01-31'",
            field=name,
            value=_shown(value),
        )
    )


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise InputError(
        Message(
            "{field}: {value} is not True or False: give a bool",
            field=name,
            value=_shown(value),
        )
    )


def _count(name: str, field: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError(
            Message(
                "{field}: {value} is not a whole number: give an int, or None for the default",
                field=name,
                value=_shown(value),
            )
        )
    if field in AT_LEAST_ONE and value < 1:
        raise InputError(
            Message(
                "{field}: {value} notes at once is too few: give 1 or more, or None for one "
                "a processor core (as --jobs)",
                field=name,
                value=value,
            )
        )
    return value


def _text(name: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    raise InputError(
        Message("{field}: {value} is not text: give a str", field=name, value=_shown(value))
    )


def _texts(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        # As the command line reads --only: ids separated by commas.
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise InputError(
        Message(
            "{field}: {value} is not a list of texts: give a tuple of str, such as ('dof', 'coo')",
            field=name,
            value=_shown(value),
        )
    )


class Checked:
    """A request dataclass whose fields are checked (and converted) as it is made."""

    def __post_init__(self) -> None:
        """Refuse, naming the field, a value the use case could not use."""
        settle(self)
