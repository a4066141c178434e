"""The learned link scorer: how likely a candidate link is to be right, from its evidence.

A logistic regression over the features of :mod:`pitchkit.recast.evidence`,
with weights fitted on the labelled sets whose errors have been read
(``scripts/fit_linker.py`` writes ``linkweights.json``; a test checks that a
refit gives the same file). Fitted and scored a domain at a time, left out in
turn, it ordered the possible links better than the hand rules' kinds, and
claims above :data:`CLAIM_CHANCE` that the hand rules held back for their shape
were right 10 times in 10 (docs/linking-evaluation.md, "The precision pass").

The scorer never speaks for itself: a link it claims is one with a chain
through the measure map, and the note gives that chain in words, as for any
other claim. The chance only decides and orders; no one is shown it.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from pitchkit.recast.align import CHAIN_SCORE, SHAPE_DOUBTS, Link
from pitchkit.recast.evidence import NAMES, Evidence

#: The file the weights ship in, beside this module.
WEIGHTS_FILE = "linkweights.json"
#: A map chain held back for its shape is claimed from this chance up: the lowest threshold at
#: which such claims were right 9 times in 10, each domain of the read sets scored by weights
#: fitted without it (docs/linking-evaluation.md, "The precision pass").
CLAIM_CHANCE = 0.9


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


def chance(evidence: Evidence) -> float:
    """The fitted chance that a link with this evidence is right (0 to 1)."""
    if not evidence.any:
        return 0.0
    fitted = weights()
    total = fitted.intercept + sum(
        w * x for w, x in zip(fitted.weights, evidence.vector(), strict=True)
    )
    return 1 / (1 + math.exp(-total))


def decide(found: Link, evidence: Evidence, *, year_missed: bool) -> Link:
    """``found`` (the hand rules' link) with the scorer's chance, claimed when it is high enough.

    A possible link is claimed when it has a chain through the measure map held
    back only for its shape (a cause step or a broad aim: :data:`SHAPE_DOUBTS`),
    the project delivers something in the objective's year, and its chance
    reaches :data:`CLAIM_CHANCE`; the chain is then its reason, as for any map
    claim. A chain held back because the two sides measure different things
    (another quantity, a topic or an instrument name) stays possible: the scorer
    weighs evidence, it does not overrule a reading of what the two sides measure
    (left out a domain at a time on the read sets, none of those reached the
    threshold).
    Explicit and already claimed links stay as they are, with their chance.
    """
    likely = round(chance(evidence), 4)
    if (
        found.claimed
        or found.chain is None
        or found.mismatch not in SHAPE_DOUBTS
        or year_missed
        or found.mismatch == "year"
        or likely < CLAIM_CHANCE
    ):
        return replace(found, chance=likely)
    return replace(
        found,
        confidence="confident",
        reason="map",
        mismatch=None,
        score=CHAIN_SCORE[len(found.chain.steps)],
        chance=likely,
    )
