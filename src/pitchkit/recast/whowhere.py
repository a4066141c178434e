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
    """One group of a family: its label in the reason (Welsh in measures_cy.yaml), its words.

    A member marked ``only`` is a part an objective counts by its own coding ("emergency
    admissions due to falls"): an impact that names no member of its family is read as
    not counting it, rather than as counting everyone. ``also`` holds more words an
    impact may name it by, too loose to mark an objective ("falls", which may be a verb).
    """

    label: str
    words: tuple[tuple[str, ...], ...]
    only: bool = False
    also: tuple[tuple[str, ...], ...] = ()


class Apart(NamedTuple):
    """Two texts name different members of one family: which, and what each names."""

    family: str
    kind: Kind
    impact: tuple[Member, ...]
    objective: tuple[Member, ...]
    #: The impact names no member: it is set apart from an objective's ``only`` member,
    #: and its ``impact`` is the family's ``rest`` (what the impact is read to count).
    unnamed: bool = False


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
                _keys(item["words"]),
                bool(item.get("only")),
                _keys(item.get("also") or ()),
            )
            for item in spec.get("members") or ()
        )
        found[str(family)] = (kind, members)
    return found


def _keys(words: object) -> tuple[tuple[str, ...], ...]:
    """Each of ``words`` (a list in measures.yaml) as the plain words a text is matched by."""
    assert isinstance(words, (list, tuple))
    return tuple(key for key in (plain_words(str(w)) for w in words) if key)


@cache
def rests() -> dict[str, Member]:
    """Each family with an ``only`` member: what an impact naming no member is read to count.

    Its label is the family's ``rest`` in measures.yaml ("people not said to have
    fallen"), which the reason names; it has no words of its own.
    """
    from pitchkit.recast.measures import read_measure_file

    raw = read_measure_file().get("who_and_where") or {}
    return {
        str(family): Member(str(spec["rest"]), ())
        for family, spec in raw.items()
        if spec.get("rest")
    }


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
    emergency admissions and bed occupancy is only possible. Or, when the objective
    names a member marked ``only`` ("emergency admissions due to falls in people aged
    65+") and the impact names no member of its family, not even loosely ("Emergency
    admissions for transient loss of consciousness"), the impact is read as counting
    the family's ``rest`` (``unnamed``).
    """
    from pitchkit.recast.measures import RULES, unpurposed

    if not RULES["who and where"]:
        return None
    theirs = dict(named(unpurposed(objective_text)))
    ours = dict(named(unpurposed(impact_text)))
    for family, mine in ours.items():
        other = theirs.get(family)
        if other and not set(mine) & set(other):
            return Apart(family, families()[family][0], mine, other)
    for family, rest in rests().items():
        other = theirs.get(family)
        if (
            other
            and family not in ours
            and any(m.only for m in other)
            and not _names_loosely(impact_text, other)
        ):
            return Apart(family, families()[family][0], (rest,), other, unnamed=True)
    return None


def _names_loosely(text: str, members: tuple[Member, ...]) -> bool:
    """Whether ``text`` names one of ``members`` by its looser words (``also``)."""
    words = plain_words(text)
    return any(has_run(words, key) for member in members for key in member.also)
