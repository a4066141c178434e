"""An objective to deliver a plan the project's strategy names: the impacts on its topic serve it.

The guide's first advice is to align a project with the organisation's strategy.
When a director's objective is to deliver a named plan, programme or priority
("Deliver the Joint Forward Plan urgent care priority") and the project's own
``strategy`` (or the director's ``concerns``) names the same plan ("Northvale ICB
Joint Forward Plan 2025-30, urgent care priority 2"), that is evidence that the
project's impacts on the objective's topic serve it, even when the measure map's
chain from an impact to that topic is too long to claim (three steps, or two likely
causes in a row: "A&E attendances → four-hour standard → urgent and emergency
care").

The same plan is the same *name*: the capitalised words written just before a plan
word ("Joint Forward" before "Plan", "Rough Sleeping" before "Strategy"), less the
plan words themselves, the words that say only whose or what kind of plan it is
("NHS", "ICB", "ICS", "UEC", "system"), and the organisation's own name. "Strategy"
or "Plan" alone names nothing. In the objective, a plan named as a label ("Green Plan:
80% cut in ...", "(ICS UEC plan)") says where the objective is written, not that it is
to deliver the plan, and does not count. A Board Assurance Framework risk is the same when both
give it the same number ("BAF risk 4", "BAF 4").

Such a link is offered, never claimed (doubt "plan"): no labelled set shows how
often it is right (docs/linking.md, "An objective to deliver a plan the strategy
names").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from pitchkit.recast.measures import RULES, Chain, Step, linkable, measure_map, populations

#: Words that make a run of capitalised words before them a plan's name.
PLAN_WORDS = frozenset(
    {"plan", "plans", "programme", "programmes", "program", "strategy", "strategies",
     "priority", "priorities", "framework", "ambition", "ambitions", "fund", "promise"}
)  # fmt: skip
#: Words of a plan's name that say only whose it is or what kind, never which plan.
GENERIC_WORDS = frozenset(
    {"nhs", "icb", "icbs", "ics", "uec", "lmns", "trust", "trusts", "system", "systems",
     "national", "local", "our", "the", "board", "integrated", "care", "health",
     "operating", "annual", "improvement", "recovery", "delivery", "action", "clinical"}
)  # fmt: skip
#: Longest chain through the map a plan's topic is reached by.
PLAN_STEPS = 3

_WORD = re.compile(r"[A-Za-z][A-Za-z'’&]*")
_BAF = re.compile(r"\bBAF\b(?:\s+risks?)?\s*:?\s*([A-Z]{0,3}\d+)")


class Plan(NamedTuple):
    """A plan an objective is to deliver and a line of the facts names: as the objective says it."""

    name: str
    #: Where the facts name it: a line of the project's ``strategy`` or of the director's concerns.
    where: Literal["strategy", "concern"]
    #: The concepts of the plan's topic, when the objective names none of its own.
    line: str


def _bracketed(text: str, at: int) -> bool:
    """Whether position ``at`` of ``text`` is inside round brackets."""
    before = text[:at]
    return before.rfind("(") > before.rfind(")")


def _names(text: str, own: frozenset[str]) -> dict[frozenset[str], str]:
    """The plans ``text`` names: each one's telling words, with its name as written."""
    words = list(_WORD.finditer(text))
    found: dict[frozenset[str], str] = {}
    for index, match in enumerate(words):
        if match.group().casefold() not in PLAN_WORDS:
            continue
        first = index
        while (
            first > 0
            and words[first - 1].group()[:1].isupper()
            and text[words[first - 1].end() : words[first].start()].strip() == ""
        ):
            first -= 1
        run = [
            w.group().casefold().removesuffix("'s").removesuffix("’s") for w in words[first:index]
        ]
        telling = frozenset(run) - GENERIC_WORDS - PLAN_WORDS - own
        after = text[match.end() :].lstrip()
        if after.startswith(":") or _bracketed(text, match.start()):
            # "Green Plan: 80% cut in ...", "(ICS UEC plan)": the plan says where the
            # objective is written, not what it is to deliver; the map decides.
            continue
        if telling:
            start = words[first].start()
            if first > 0 and words[first - 1].group().casefold() == "the":
                start = words[first - 1].start()  # "the Joint Forward Plan", as the text says it
            found[telling] = text[start : match.end()]
    for risk in _BAF.finditer(text):
        found[frozenset({"baf", risk.group(1).casefold()})] = risk.group().strip()
    return found


def named_plan(
    objective: str,
    lines: Sequence[tuple[Literal["strategy", "concern"], str]],
    organisation: str,
) -> Plan | None:
    """The plan ``objective`` is to deliver that one of ``lines`` names too, if any.

    ``lines`` are the project's ``strategy`` lines and the director's concerns,
    each with its kind. Two names are the same plan when the telling words of one
    are all among the other's ("Joint Forward" in "Northvale ICB Joint Forward Plan
    2025-30"), or both give one BAF risk's number.
    """
    if not RULES["named plans"]:
        return None
    own = frozenset(w.group().casefold() for w in _WORD.finditer(organisation))
    theirs = _names(objective, own)
    if not theirs:
        return None
    for kind, line in lines:
        for words in _names(line, own):
            for mine, name in theirs.items():
                if mine <= words or words <= mine:
                    return Plan(name, kind, line)
    return None


def reach(impact: tuple[str, ...], topic: tuple[str, ...], measure: str) -> Chain | None:
    """The shortest chain from an impact's concepts to a plan's topic, in :data:`PLAN_STEPS`.

    Looser than the map's own (:func:`pitchkit.recast.measures.chain`): any mix of
    causes and parts, and through a concept the map holds only where it is open,
    since the plan, not the chain, is the evidence. An edge for one group of
    patients is still taken only by a measure that names the group.
    """
    starts = linkable(impact)
    wanted = set(linkable(topic))
    if not starts or not wanted:
        return None
    for start in starts:
        if start in wanted:
            return Chain(start, ())
    concepts = measure_map().concepts
    named = populations(measure)
    seen = set(starts)
    frontier: list[tuple[str, tuple[Step, ...]]] = [(start, ()) for start in starts]
    for _ in range(PLAN_STEPS):
        reached: list[tuple[str, tuple[Step, ...]]] = []
        for concept_id, steps in frontier:
            for edge in concepts[concept_id].edges:
                if edge.population and edge.population not in named:
                    continue
                path = (*steps, Step(concept_id, edge.target, edge.why, edge.source, edge.part))
                if edge.target in wanted:
                    return Chain(path[0].source, path)
                if edge.target not in seen and not concepts[edge.target].broad:
                    seen.add(edge.target)
                    reached.append((edge.target, path))
        frontier = reached
    return None
