"""The evidence for one impact-objective pair, as plain features a scorer can weigh.

Every feature is something the linker (:mod:`pitchkit.recast.align`) already
works out, said as a number between 0 and 1: whether the measure map links
the two and by what kind of chain, each doubt about that chain, whether the
objective names the impact's own measure, the telling words both share and
how rare those words are among the team's objectives, the themes both
share or declare, a money value against a financial objective, whether the
objective is one of the board's worries, and whether the two aim the same
way. :mod:`pitchkit.recast.scorer` weighs them with weights fitted on the
labelled sets (``scripts/fit_linker.py``); each name below is explained in
words in :data:`MEANING`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from pitchkit.facts.schema import Facts, Impact, Objective
from pitchkit.recast.lenses import Lens
from pitchkit.recast.measures import families_disagree, named_as_mode
from pitchkit.recast.naming import aim
from pitchkit.recast.words import tokens

if TYPE_CHECKING:
    from pitchkit.recast.align import Link

#: Each feature, in the order the weights file gives them, with what it means.
MEANING: Mapping[str, str] = {
    "same_concept": "the impact and the objective name the same concept of the measure map",
    "counted_inside": "one map step, the impact's measure counted inside the objective's",
    "one_cause": "one map step that is a likely cause, not a part",
    "two_steps": "a map chain of two steps",
    "quantity": "the objective measures another quantity of the same topic (a wait, a gap ...)",
    "cause_doubt": "the chain holds a plain cause step, so the rules hold it back",
    "broad": "the objective's concept is a whole area (harm, financial balance)",
    "topic": "one side names the chain's end only as an area of care or work",
    "instrument": "one side names the chain's end only as what a survey or rating counts",
    "year": "the project delivers nothing in the financial year the objective is for",
    "named": "the objective names the impact's own measure in a telling phrase",
    "words": "telling words both share (0, 1, 2, 3 or more, as a third each)",
    "rare_words": "how rare the shared telling words are among the team's objectives",
    "themes": "how much the themes of the two (declared, or read from the words) overlap",
    "declared": "both sides declare a theme they share",
    "declared_apart": "both sides declare themes and share none",
    "families": "the two name different members of one family (staff group, age group)",
    "other_topic": "the objective names a specific topic the impact does not",
    "money": "the impact has a cash value and the objective is about finance",
    "lens": "how much the director's role cares for the themes both share",
    "worry": "the objective is about something the board already worries about",
    "same_way": "the objective's words aim the way the impact's target moves",
    "other_way": "the objective's words aim the other way from the impact's target",
    "personal": "the objective is the director's personal one",
    "rules_claim": "the hand rules claim it (a chain with no doubt, or a named measure)",
    "rules_likely": "the hand rules offer it first (a chain held back for its shape)",
    "rules_maybe": "the hand rules offer it second (a topic name, money, words and a theme)",
    "rules_weak": "the hand rules offer it last (words or themes alone)",
    "best_here": "no other objective of this director has stronger evidence for this impact",
    "best_there": "no other impact has stronger evidence for this objective",
}
#: Features of a pair read against the director's other pairs (see :func:`compare`).
RELATIVE = ("best_here", "best_there")
NAMES: tuple[str, ...] = tuple(MEANING)


class Evidence(NamedTuple):
    """The features of one pair, by name, each between 0 and 1."""

    values: Mapping[str, float]

    @property
    def any(self) -> bool:
        """Whether there is anything at all to say for the pair, in words or through the map."""
        return any(
            self.values[name] > 0
            for name in ("same_concept", "counted_inside", "one_cause", "two_steps", "named")
        ) or any(self.values[name] > 0 for name in ("words", "themes", "declared", "money"))

    def vector(self) -> tuple[float, ...]:
        """The features in :data:`NAMES` order."""
        return tuple(self.values[name] for name in NAMES)


#: The evidence of a pair nothing is known for.
NO_EVIDENCE = Evidence(dict.fromkeys(NAMES, 0.0))


def team_rarity(objective_texts: Iterable[str]) -> dict[str, float]:
    """How rare each word stem is among a team's objectives: ``log((n + 1) / (df + 1))``.

    A word every director's objectives use ("reduce", "patients") tells
    little; one only a single objective uses tells a lot.
    """
    texts = list(objective_texts)
    counts: dict[str, int] = {}
    for text in texts:
        for stem in {token.stem for token in tokens(text)}:
            counts[stem] = counts.get(stem, 0) + 1
    size = len(texts)
    return {stem: math.log((size + 1) / (df + 1)) for stem, df in counts.items()}


#: The team rarities worked out last, by the (English) facts they were made from.
_RARITIES: dict[int, tuple[Facts, dict[str, float]]] = {}
_RARITIES_KEPT = 8


def rarity_of_team(facts: Facts) -> Mapping[str, float]:
    """:func:`team_rarity` of every objective of ``facts``'s directors, worked out once per facts.

    Each director's recast reads the same team: a batch of 300 directors would
    otherwise go through all 300 directors' objectives 300 times.
    """
    known = _RARITIES.get(id(facts))
    if known is not None and known[0] is facts:
        return known[1]
    rarity = team_rarity(o.text for d in facts.directors for o in d.objectives)
    if len(_RARITIES) >= _RARITIES_KEPT:
        _RARITIES.clear()
    _RARITIES[id(facts)] = (facts, rarity)
    return rarity


def gather(
    impact: Impact,
    objective: Objective,
    *,
    rules: Link | None,
    lens: Lens,
    rarity: Mapping[str, float],
    worry: bool,
    year_missed: bool,
    worried: frozenset[str] = frozenset(),
    setting: str | None = None,
) -> Evidence:
    """The evidence for ``impact`` serving ``objective``, read in English (see ``recast``).

    ``rules`` is the hand rules' verdict on the pair (:func:`pitchkit.recast.align.rules_link`).
    The features that compare the pair with the director's other pairs are left at 0:
    :func:`compare` fills them. ``worried`` are the concepts the board already worries
    about, as the hand rules read them (:func:`pitchkit.recast.align.map_chain`), and
    ``setting`` the project's (:func:`pitchkit.recast.measures.setting_of`).
    """
    from pitchkit.recast import align

    values = dict.fromkeys(NAMES, 0.0)
    found = align.map_chain(impact, objective, worried, setting)
    if found is not None:
        steps = found.steps
        if not steps:
            values["same_concept"] = 1.0
        elif len(steps) == 1:
            values["counted_inside" if steps[0].part else "one_cause"] = 1.0
        else:
            values["two_steps"] = 1.0
        quantity = align.quantity_mismatch(impact, objective, found)
        values["quantity"] = float(quantity is not None)
        # A side naming its end only in an aside is weighed as one naming only its area.
        values["topic"] = float(
            align.topic_doubt(impact, objective, found) is not None
            or (rules is not None and rules.mismatch == "aside")
        )
        values["instrument"] = float(align.instrument_doubt(impact, objective, found) is not None)
        declared = bool(align.declared_themes(impact, objective))
        shape = align.shape_doubt(
            found, declared=declared, mode=named_as_mode(impact.measure, found.start)
        )
        values["cause_doubt"] = float(shape == "cause")
        values["broad"] = float(shape == "broad")
    values["year"] = float(year_missed)
    values["named"] = float(align.named_link(impact, objective) is not None)
    themes, theme_score = align.shared_themes(impact, objective)
    mine = align.wording(align.impact_text(impact), lens)
    theirs = align.wording(align.objective_text(objective), lens)
    pairs, _ = align.shared_words(mine, theirs)
    telling = align.telling(pairs)
    values["words"] = min(len(telling), 3) / 3
    top = max(rarity.values(), default=0.0) or 1.0
    rare = sum(max((rarity.get(t.stem, top) for t in tokens(b)), default=0.0) for _, b in telling)
    values["rare_words"] = min(rare / top, 3.0) / 3
    values["themes"] = min(theme_score / 0.6, 1.0)
    values["declared"] = float(bool(align.declared_themes(impact, objective)))
    values["declared_apart"] = float(
        bool(impact.themes)
        and bool(objective.themes)
        and not set(impact.themes) & set(objective.themes)
    )
    values["families"] = float(families_disagree(impact.measure, objective.text) is not None)
    values["other_topic"] = float(align.other_topic(mine, theirs, lens))
    values["money"] = float(align.money_for_finance(impact, objective))
    values["lens"] = max((lens.themes.get(t, 0.0) for t in themes), default=0.0)
    values["worry"] = float(worry)
    wanted = aim(objective.text)
    values["same_way"] = float(wanted is not None and wanted == impact.direction)
    values["other_way"] = float(wanted is not None and wanted != impact.direction)
    values["personal"] = float(objective.kind == "personal")
    if rules is not None:
        rank = align.offer_rank(rules)
        values["rules_claim"] = float(rules.claimed)
        values["rules_likely"] = float(rank == 1)
        values["rules_maybe"] = float(rank == 2)
        values["rules_weak"] = float(rank == 3)
    return Evidence(values)


def strength(evidence: Evidence) -> int:
    """How strong the hand rules judge a pair: 0 claimed, 1 to 3 offered, 4 not offered."""
    for level, name in enumerate(("rules_claim", "rules_likely", "rules_maybe", "rules_weak")):
        if evidence.values[name]:
            return level
    return 4


def compare(found: Mapping[tuple[str, str], Evidence]) -> dict[tuple[str, str], Evidence]:
    """Each (impact, objective) pair of one director with its relative features filled in.

    ``best_here``: no other objective of the director has stronger hand-rule
    evidence for the impact; ``best_there``: no other impact has stronger
    evidence for the objective. Neither holds for a pair with no evidence.
    """
    best_impact: dict[str, int] = {}
    best_objective: dict[str, int] = {}
    for (impact, objective), evidence in found.items():
        level = strength(evidence)
        best_impact[impact] = min(level, best_impact.get(impact, 4))
        best_objective[objective] = min(level, best_objective.get(objective, 4))
    result: dict[tuple[str, str], Evidence] = {}
    for (impact, objective), evidence in found.items():
        level = strength(evidence)
        values = dict(evidence.values)
        values["best_here"] = float(level < 4 and level == best_impact[impact])
        values["best_there"] = float(level < 4 and level == best_objective[objective])
        result[(impact, objective)] = Evidence(values)
    return result
