"""An impact in a director's own units, beside the project's.

Bed days become beds, deaths a share of the expected deaths a mortality
ratio (SHMI, HSMR) counts against, shifts whole-time equivalents,
appointments clinic sessions and journeys kilograms of CO2e. Each
conversion keeps the assumption it rests on, and whether that assumption
is pitchkit's default, so a note can say so in its small print
(``docs/conversions.md`` explains each default).

A conversion is offered where the director reads in that unit: their lens
(an operations director thinks in beds) or the words of the objective the
impact is linked to (an objective about SHMI is about expected deaths).
Level measures (no ``per``) are not converted: a rate of change is needed.
"""

from __future__ import annotations

import functools
import re
from typing import Literal, NamedTuple

from pitchkit.facts.schema import Facts, Impact, Objective
from pitchkit.recast.english import english_impact, english_objective
from pitchkit.recast.money import PER_YEAR, occupancy_of

Kind = Literal["beds", "expected-deaths", "wte", "sessions", "co2e"]

#: Hours in the shift an impact counts, when ``settings.conversions.shift_hours`` is not
#: given and the impact's own words state no shift length.
DEFAULT_SHIFT_HOURS = 7.5
#: Paid hours a year of one whole-time equivalent (37.5 hours × 52 weeks).
DEFAULT_WTE_HOURS = 1950.0
#: Appointments in one clinic session (a half-day of 20-minute slots).
DEFAULT_SESSION_SLOTS = 12.0


#: A shift length written in the facts: "12-hour shift", "12.5 hr shifts", "12h shift".
@functools.cache
def _shift_length() -> re.Pattern[str]:
    return re.compile(
        r"\b(\d{1,2}(?:\.\d+)?)\s*-?\s*(?:hours?|hrs?|h)\b\s*-?\s*(?:long\s+)?shifts?\b",
        re.IGNORECASE,
    )


#: The impact units each conversion starts from.
_UNITS: dict[Kind, re.Pattern[str]] = {
    "beds": re.compile(r"^(?:occupied\s+)?bed[\s-]?days?$", re.IGNORECASE),
    "expected-deaths": re.compile(r"^deaths?$", re.IGNORECASE),
    "wte": re.compile(r"^(?:\w+\s+)?shifts?$", re.IGNORECASE),
    "sessions": re.compile(
        r"^(?:outpatient\s+|clinic\s+|follow-up\s+|new\s+)?(?:appointments?|slots?)$",
        re.IGNORECASE,
    ),
    "co2e": re.compile(r"^(?:\w+\s+)?(?:journeys?|trips?)$", re.IGNORECASE),
}
#: Lenses that read each unit, whatever the objective says.
_LENSES: dict[Kind, frozenset[str]] = {
    "beds": frozenset({"operations", "chief-executive", "nursing", "primary-community", "general"}),
    "expected-deaths": frozenset(),
    "wte": frozenset({"workforce", "nursing", "operations", "therapies", "finance", "general"}),
    "sessions": frozenset({"operations", "primary-community", "therapies", "medical", "general"}),
    "co2e": frozenset({"strategy", "chief-executive", "public-health", "primary-community"}),
}
#: Words of an objective that call for each unit (case aside), compiled by :func:`_words`.
_WORDS: dict[Kind, str] = {
    "beds": r"\bbeds?\b|occupancy|length of stay|escalation",
    "expected-deaths": r"\bSHMI\b|\bHSMR\b|mortality (?:ratio|index)",
    "wte": r"\bWTE\b|workforce|vacanc|agency|staffing|rota",
    "sessions": r"clinic|outpatient|appointment|\bRTT\b|elective",
    "co2e": r"carbon|net zero|emission|CO2|greener|green plan",
}


@functools.cache
def _words(kind: Kind) -> re.Pattern[str]:
    """:data:`_WORDS` for ``kind``, compiled on first use.

    A note asks only for its impacts' units, and only when the director's role does not
    already call for them (:data:`_LENSES`).
    """
    return re.compile(_WORDS[kind], re.IGNORECASE)


class Conversion(NamedTuple):
    """One impact's yearly gain in another unit, and the assumption behind it."""

    kind: Kind
    impact: str  # the impact's id
    value: float  # in the director's unit, a year (a fraction for expected deaths)
    gain_per_year: float  # in the impact's own unit
    factor: float  # occupancy %, hours, slots, kg per journey or expected deaths a year
    default: bool  # whether the factor is pitchkit's default
    second_factor: float | None = None  # WTE hours a year, for shifts
    second_default: bool = False
    #: For beds: the role of the director whose objective names the occupancy, if one does.
    named_by: str | None = None


def _per_year(impact: Impact, gain: float) -> float | None:
    return gain * PER_YEAR[impact.per] if impact.per else None


def stated_shift_hours(impact: Impact) -> float | None:
    """The shift length the impact's own words give (its measure, unit or unit cost), if one.

    A cost "per 12-hour shift" prices a twelve-hour shift, so turning those
    shifts into whole-time equivalents at a default 7.5 hours would undercount
    them by a third. Only a length stated once, or the same wherever stated,
    is taken; two different lengths leave the choice to the settings.
    """
    texts = [impact.measure, impact.unit]
    if impact.value is not None and impact.value.source:
        texts.append(impact.value.source)
    found = {float(m.group(1)) for text in texts for m in _shift_length().finditer(text)}
    if len(found) != 1:
        return None
    (hours,) = found
    return hours if 0 < hours <= 24 else None


def unit_kind(impact: Impact) -> Kind | None:
    """Which conversion an impact's unit allows, if any."""
    unit = impact.unit.strip()
    return next((kind for kind, pattern in _UNITS.items() if pattern.match(unit)), None)


def wanted(kind: Kind, lens: str, objective: Objective) -> bool:
    """Whether a director of ``lens`` reading ``objective`` reads in the unit ``kind`` gives."""
    return lens in _LENSES[kind] or bool(_words(kind).search(objective.text))


def convert(
    facts: Facts, impact: Impact, gain: float, *, lens: str, objective: Objective
) -> Conversion | None:
    """The impact's yearly gain in the director's unit, or ``None`` where none applies.

    The impact's and the objective's words are read in English where the facts give it.
    """
    impact = english_impact(impact, facts.english)
    objective = english_objective(objective, facts.english)
    kind = unit_kind(impact)
    yearly = _per_year(impact, gain)
    if kind is None or yearly is None or yearly <= 0 or not wanted(kind, lens, objective):
        return None
    if kind == "beds" and lens == "finance":
        return None  # the finance director's money block turns bed days into beds
    settings = facts.settings
    units = settings.conversions
    if kind == "beds":
        occupancy = occupancy_of(facts)
        factor = occupancy.percent
        value = yearly / (365 * factor / 100)
        return Conversion(
            kind, impact.id, value, yearly, factor, occupancy.default, named_by=occupancy.named_by
        )
    if kind == "expected-deaths":
        if units.expected_deaths is None or not _words(kind).search(objective.text):
            return None
        value = yearly / units.expected_deaths
        return Conversion(kind, impact.id, value, yearly, units.expected_deaths, False)
    if kind == "wte":
        stated = stated_shift_hours(impact)
        if units.shift_hours is not None:
            hours = float(units.shift_hours)
        else:
            hours = stated if stated is not None else DEFAULT_SHIFT_HOURS
        year = units.wte_hours if units.wte_hours is not None else DEFAULT_WTE_HOURS
        value = yearly * hours / year
        return Conversion(
            kind,
            impact.id,
            value,
            yearly,
            hours,
            units.shift_hours is None and stated is None,
            year,
            units.wte_hours is None,
        )
    if kind == "sessions":
        slots = units.session_slots if units.session_slots is not None else DEFAULT_SESSION_SLOTS
        return Conversion(
            kind, impact.id, yearly / slots, yearly, slots, units.session_slots is None
        )
    if units.kg_co2e_per_journey is None:
        return None
    factor = units.kg_co2e_per_journey
    return Conversion(kind, impact.id, yearly * factor, yearly, factor, False)
