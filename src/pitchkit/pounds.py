"""What a unit says about money: pounds, thousands or millions of pounds, or another currency.

This is the one place that decides whether a unit is pounds sterling. A
finance lead writes spend as "£k" or "£m" (400 meaning £400,000); a
facts file is read so that every later stage sees pounds: an impact or an
objective's target in thousands or millions of pounds has its unit made
``£`` and its figures multiplied out (:func:`pitchkit.facts.schema.in_pounds`,
and the measures spreadsheet's figures by the same factor). A rate such as
"£ per bed day" is not a sum of money in this sense and is left as written.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

#: How pounds are written, on their own.
_POUND = r"(?:£|gbp|pounds?(?:\s+sterling)?|sterling|stg)"
_THOUSAND = r"(?:k|000s?|thousands?)"
_MILLION = r"(?:m|mn|mns|mil|mill|million|millions)"
#: Other currencies, with or without thousands or millions after or before them.
_FOREIGN = r"(?:€|\$|us\$|eur|euros?|usd|dollars?|us\s+dollars?)"


@cache
def _pounds() -> re.Pattern[str]:
    return re.compile(
        rf"{_POUND}\s*(?:(?P<k>{_THOUSAND})|(?P<m>{_MILLION}))?"
        rf"|(?:(?P<k2>thousands?)|(?P<m2>millions?))\s+(?:of\s+)?{_POUND}"
    )


@cache
def _foreign() -> re.Pattern[str]:
    return re.compile(
        rf"{_FOREIGN}\s*(?:{_THOUSAND}|{_MILLION})?"
        rf"|(?:thousands?|millions?)\s+(?:of\s+)?{_FOREIGN}"
    )


def _plain(unit: str) -> str:
    """``unit`` compared as written by anyone: any case, no brackets or apostrophes."""
    text = re.sub(r"[()'’‘`,]", "", unit.casefold())
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1024)
def pounds_scale(unit: str | None) -> float | None:
    """How many pounds one of ``unit`` is: 1 for ``£``, 1,000 for ``£k``, 1,000,000 for ``£m``.

    ``None`` for a unit that is not a sum of pounds, including a rate such as
    "£ per patient". Any case, spaces and ``£'000`` or ``(£000s)`` are read.
    Remembered: a project's few units are asked about thousands of times in a batch.
    """
    if not unit:
        return None
    found = _pounds().fullmatch(_plain(unit))
    if found is None:
        return None
    if found.group("k") or found.group("k2"):
        return 1_000.0
    if found.group("m") or found.group("m2"):
        return 1_000_000.0
    return 1.0


def is_pounds(unit: str | None) -> bool:
    """Whether ``unit`` is a sum of pounds sterling (``£``, ``GBP``, ``pounds``, ``£k``, ``£m``).

    After loading, an impact in pounds always has the unit ``£`` and figures in
    pounds (thousands and millions are multiplied out), so a unit this accepts
    is counted as money at face value.
    """
    return pounds_scale(unit) is not None


def is_foreign_money(unit: str | None) -> bool:
    """Whether ``unit`` is a sum in another currency (``€``, ``$m``, ``EUR``, ``dollars``)."""
    return bool(unit) and _foreign().fullmatch(_plain(unit or "")) is not None
