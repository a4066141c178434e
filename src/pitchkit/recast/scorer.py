"""The learned link scorer: how likely a candidate link is to be right, from its evidence.

A logistic regression over the features of :mod:`pitchkit.recast.evidence`,
with weights fitted on the labelled sets whose errors have been read, every
set up to blind70 (``scripts/fit_linker.py`` writes ``linkweights.json``; a
test checks that a refit gives the same file). Fitted and scored a domain at a time, left out in
turn, it ordered the possible links better than the hand rules' kinds, and
claims above :data:`CLAIM_CHANCE` that the hand rules held back for their shape
were right 10 times in 10 (docs/linking-evaluation.md, "The precision pass").

The scorer never speaks for itself: a link it claims is one with a chain
through the measure map, and the note gives that chain in words, as for any
other claim; or the impact's cash against a financial objective, or rare
shared words on an objective the board worries about, each said in words
(docs/linking-evaluation.md, "The claim-recall pass"). The chance only
decides and orders; no one is shown it.

A chain held back for its shape is also claimed from the lower
:data:`EDGE_CHANCE` when every edge of it has been right often enough on the
labelled sets (``edgetrust.json``, written beside the weights by the same
script: how often a listed link through each edge was right, and in how many
distinct domains). The statistics are data, so the linker reads no labelled
set when it runs (docs/linking-evaluation.md, "Edge trust learned from the
labelled sets (branch linkedge21)").
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pitchkit.recast.align import CHAIN_SCORE, SHAPE_DOUBTS, WHO_WHERE, Link
from pitchkit.recast.evidence import NAMES, Evidence
from pitchkit.recast.measures import Chain

#: The file the weights ship in, beside this module.
WEIGHTS_FILE = "linkweights.json"
#: The file the edge statistics ship in, beside this module (:func:`edge_trust`).
EDGE_TRUST_FILE = "edgetrust.json"
#: A map chain held back for its shape is claimed from this chance up: the lowest threshold at
#: which such claims were right 9 times in 10, each domain of the read sets scored by weights
#: fitted without it (docs/linking-evaluation.md, "The precision pass"). Fitted on every read
#: set up to blind58 with session 21's rules (prescription items, the trained and event
#: doubts) and left out a domain at a time, the claims 0.9 adds are right 5 times in 7, and
#: those 0.925 adds 4 in 4, for one right claim fewer in all (docs/linking-evaluation.md,
#: "Session 21: the claim threshold").
CLAIM_CHANCE = 0.925
#: A link that counts an impact's cash value against a financial objective (the ``money``
#: evidence) is claimed from this chance up: on the first looks at blind12-20, each set
#: scored by weights fitted without it, such links were right 5 times in 5 from 0.7 (the
#: tuning sets 12 in 12), and at 0.6 to 0.65 one in four added was wrong
#: (docs/linking-evaluation.md, "The claim-recall pass").
MONEY_CHANCE = 0.7
#: The same, when the objective is a whole-budget aim any cash saved counts towards (the cost
#: improvement programme, financial balance: :func:`pitchkit.recast.align.whole_budget`): on
#: the first looks at blind12-24, each set scored by weights fitted without it, such links
#: between 0.5 and 0.7 were right 16 times in 17 (the tuning sets 7 in 9), while money links
#: to other financial aims (a capital envelope, backlog maintenance, an agency cap) there were
#: right about half the time (docs/linking-evaluation.md, "The second claim-recall pass").
BUDGET_CHANCE = 0.5
#: Score of a claimed money link with no chain: as a chain of two steps.
MONEY_SCORE = CHAIN_SCORE[2]
#: Shared telling words are rare enough to claim a link to a board worry above this
#: ``rare_words`` evidence: two or more words few of the team's objectives use.
WORRY_RARE = 0.5
#: Score of a claimed link by rare words to a board worry: as a chain of two steps.
WORRY_SCORE = CHAIN_SCORE[2]
#: A chain held back for its shape whose every edge is trusted (:func:`trusted_chain`) is
#: claimed from this chance up. Left out a domain at a time on the read sets (each domain's
#: own pairs out of the edge statistics and of the fit), such claims were right 7 times in 8;
#: on blind12-14 and blind25-28, which neither the weights nor the statistics were then made
#: from, 6 in 6 (docs/linking-evaluation.md, "Edge trust learned from the labelled sets").
#: With the weights and statistics from every read set up to blind58, LODO, 24 in 25
#: (refitted on every read set up to blind70 in session 24).
EDGE_CHANCE = 0.7
#: An edge is trusted when the links listed through it on the read sets were right this
#: often or more ...
EDGE_PRECISION = 0.8
#: ... and right in at least this many distinct domains.
EDGE_DOMAINS = 1


class Weights(NamedTuple):
    """The fitted intercept and one weight per feature, in :data:`NAMES` order."""

    intercept: float
    weights: tuple[float, ...]


@cache
def weights() -> Weights:
    """The shipped weights, read once."""
    text = Path(__file__).with_name(WEIGHTS_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    by_name = data["weights"]
    return Weights(float(data["intercept"]), tuple(float(by_name[name]) for name in NAMES))


class EdgeRecord(NamedTuple):
    """How one edge fared on the read sets: links listed through it, and how many were right."""

    listed: int
    right: int
    domains: int  # distinct domains it was listed in
    right_domains: int  # distinct domains it was right in


#: An edge of the measure map: source concept, target concept, and whether it is a part.
EdgeKey = tuple[str, str, bool]


@cache
def edge_trust() -> dict[EdgeKey, EdgeRecord]:
    """The shipped edge statistics, read once."""
    text = Path(__file__).with_name(EDGE_TRUST_FILE).read_text(encoding="utf-8")
    return {
        (e["source"], e["target"], bool(e["part"])): EdgeRecord(
            int(e["listed"]), int(e["right"]), int(e["domains"]), int(e["right_domains"])
        )
        for e in json.loads(text)["edges"]
    }


def trusted_edge(record: EdgeRecord | None) -> bool:
    """Whether an edge's record earns trust: right often enough, in enough domains."""
    return (
        record is not None
        and record.listed > 0
        and record.right_domains >= EDGE_DOMAINS
        and record.right / record.listed >= EDGE_PRECISION
    )


def trusted_chain(found: Chain) -> bool:
    """Whether every edge of ``found`` is trusted (a chain of no steps has none, so is not)."""
    known = edge_trust()
    return bool(found.steps) and all(
        trusted_edge(known.get((step.source, step.target, step.part))) for step in found.steps
    )


def chance(evidence: Evidence) -> float:
    """The fitted chance that a link with this evidence is right (0 to 1)."""
    if not evidence.any:
        return 0.0
    fitted = weights()
    total = fitted.intercept + sum(
        w * x for w, x in zip(fitted.weights, evidence.vector(), strict=True)
    )
    return 1 / (1 + math.exp(-total))


def worry_words(found: Link, evidence: Evidence) -> bool:
    """Whether ``found`` is claimed by rare shared words on an objective the board worries about.

    A possible link with no chain through the map and telling words both texts
    share (``found.words``), when all of these hold: the objective is about
    something the board already worries about (its strategy, BAF or the
    director's ``concerns`` name its concept: the ``worry`` evidence); the shared
    words are rare among the team's objectives (``rare_words`` above
    :data:`WORRY_RARE`, in practice two or more words few objectives use); and
    the pair is both the impact's strongest link to this director and the
    objective's strongest link from the project (``best_here``, ``best_there``).
    Read from the team's own words and worries, so it needs no vocabulary. On
    the first looks at blind12-20 such links were right 7 times in 7, and 4 in 5
    on the sets read before (docs/linking-evaluation.md, "The claim-recall pass").
    """
    values = evidence.values
    return (
        found.chain is None
        and bool(found.words)
        and values["worry"] > 0
        and values["rare_words"] > WORRY_RARE
        and values["best_here"] > 0
        and values["best_there"] > 0
    )


def decide(
    found: Link,
    evidence: Evidence,
    *,
    year_missed: bool,
    budget: bool = False,
    payer: bool = True,
) -> Link:
    """``found`` (the hand rules' link) with the scorer's chance, claimed when it is high enough.

    A possible link is claimed when it has a chain through the measure map held
    back only for its shape (a cause step or a broad aim: :data:`SHAPE_DOUBTS`),
    the project delivers something in the objective's year, and its chance
    reaches :data:`CLAIM_CHANCE`, or :data:`EDGE_CHANCE` when every edge of the
    chain is trusted (:func:`trusted_chain`); the chain is then its reason, as for
    any map claim. A chain held back because the two sides measure different things
    (another quantity, a topic or an instrument name) stays possible: the scorer
    weighs evidence, it does not overrule a reading of what the two sides measure
    (left out a domain at a time on the read sets, none of those reached the
    threshold).

    A link whose evidence includes the impact's cash value against a financial
    objective (:func:`pitchkit.recast.align.money_for_finance`) is claimed from
    the lower :data:`MONEY_CHANCE` (:data:`BUDGET_CHANCE` when the objective is a
    whole-budget aim, ``budget``: a cost improvement programme or financial
    balance, which any cash saved counts towards): through its chain when the map
    holds it back only for its shape, or, with no chain, as a money link (``reason``
    "value"), explained as the impact's money value counting towards a financial
    objective. Never when the impact's money falls in another budget than the one the
    objective is about (``payer`` false, :func:`pitchkit.recast.whose.same_payer`, read
    as the finance director's note reads it): independent-sector CT hire paid from a
    Cancer Alliance's allocation does not deliver the trust's CIP, nor do the trust's
    insourced clinics an ICB's break-even.
    A link with no chain whose telling words are rare among the team's objectives,
    to an objective the board worries about, that is both the impact's strongest
    link to the director and the objective's strongest from the project, is
    claimed too (:func:`worry_words`; ``reason`` "worry").
    Explicit and already claimed links stay as they are, with their chance, and so
    do links between two texts that count different people or places (mismatch
    "who" or "where", :mod:`pitchkit.recast.whowhere`).
    """
    likely = round(chance(evidence), 4)
    if found.claimed or year_missed or found.mismatch == "year" or found.mismatch in WHO_WHERE:
        # Nor does it claim a link between two texts that count different people.
        return replace(found, chance=likely)
    money = (
        payer
        and evidence.values["money"] > 0
        and likely >= (BUDGET_CHANCE if budget else MONEY_CHANCE)
    )
    if found.chain is None:
        if not money:
            if worry_words(found, evidence):
                return replace(
                    found, confidence="confident", reason="worry", score=WORRY_SCORE, chance=likely
                )
            return replace(found, chance=likely)
        return replace(
            found,
            confidence="confident",
            reason="value",
            score=MONEY_SCORE,
            chance=likely,
        )
    trusted = likely >= EDGE_CHANCE and trusted_chain(found.chain)
    if found.mismatch not in SHAPE_DOUBTS or not (likely >= CLAIM_CHANCE or money or trusted):
        return replace(found, chance=likely)
    return replace(
        found,
        confidence="confident",
        reason="map",
        mismatch=None,
        score=CHAIN_SCORE[len(found.chain.steps)],
        chance=likely,
    )
