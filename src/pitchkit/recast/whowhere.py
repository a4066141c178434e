"""Who a measure counts: two texts about different people are not claimed as linked.

The measure map's qualifier families (:func:`pitchkit.recast.measures.families_disagree`)
rule a link out when the two sides name different staff groups, bed types or
budgets. The families of ``who_and_where`` in ``measures.yaml`` are read the same way
but weigh less: when an impact's measure and an objective each name a member of one
of them and none in common (mothers and babies against adults, staff against
patients, people with asthma against people with COPD), a chain through the map or
an objective naming the impact's measure is offered to the lead, never claimed, and
the reason names the two groups; shared words or themes alone offer nothing. A text
that names no member counts everyone, so it contains the other side's group and
nothing changes.

Words are matched as they are written, plurals aside, not by their stems:
"staffing" names a level of staff, not the people, and "communities" (read as
people before any of this, :mod:`pitchkit.recast.measures`) is not a setting.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Literal, NamedTuple

from pitchkit.recast.words import has_run, plain_words

#: What a family says: who is counted, or where (no family of settings holds yet).
Kind = Literal["who", "where"]


class Member(NamedTuple):
    """One group of a family: its label in the reason (Welsh in measures_cy.yaml), its words."""

    label: str
    words: tuple[tuple[str, ...], ...]


class Apart(NamedTuple):
    """Two texts name different members of one family: which, and what each names."""

    family: str
    kind: Kind
    impact: tuple[Member, ...]
    objective: tuple[Member, ...]


@cache
def families() -> dict[str, tuple[Kind, tuple[Member, ...]]]:
    """The ``who_and_where`` families of ``measures.yaml``: kind and members, in order."""
    from pitchkit.recast.measures import read_measure_file

    raw = read_measure_file().get("who_and_where") or {}
    found: dict[str, tuple[Kind, tuple[Member, ...]]] = {}
    for family, spec in raw.items():
        kind: Kind = "where" if spec.get("kind") == "where" else "who"
        members = tuple(
            Member(
                str(item["label"]),
                tuple(key for key in (plain_words(str(w)) for w in item["words"]) if key),
            )
            for item in spec.get("members") or ()
        )
        found[str(family)] = (kind, members)
    return found


@cache
def unread() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each family's ``not`` words: a text naming one is not read by that family.

    "Virtual ward" holds the word "ward" but names no hospital ward: the setting
    family leaves such a text unread, so it counts every setting.
    """
    from pitchkit.recast.measures import read_measure_file

    raw = read_measure_file().get("who_and_where") or {}
    return {
        str(family): tuple(key for key in (plain_words(str(w)) for w in spec["not"]) if key)
        for family, spec in raw.items()
        if spec.get("not")
    }


@lru_cache(maxsize=8192)
def named(text: str) -> tuple[tuple[str, tuple[Member, ...]], ...]:
    """For each family, the members ``text`` names (families it names none of left out)."""
    words = plain_words(text)
    found: list[tuple[str, tuple[Member, ...]]] = []
    for family, (_, members) in families().items():
        if any(has_run(words, key) for key in unread().get(family, ())):
            continue
        said = tuple(m for m in members if any(has_run(words, key) for key in m.words))
        if said:
            found.append((family, said))
    return tuple(found)


def apart(impact_text: str, objective_text: str) -> Apart | None:
    """The first family both texts name with no member in common, if any.

    "Maternal readmissions within 42 days of birth" and "Children's ward occupancy at
    or below 85%" name mothers and babies and children: the map's chain through
    emergency admissions and bed occupancy is only possible.
    """
    from pitchkit.recast.measures import RULES, unpurposed

    if not RULES["who and where"]:
        return None
    theirs = dict(named(unpurposed(objective_text)))
    for family, mine in named(unpurposed(impact_text)):
        other = theirs.get(family)
        if other and not set(mine) & set(other):
            return Apart(family, families()[family][0], mine, other)
    return None
