"""Edge trust: a chain held back for its shape is claimed when its edges have been right before.

docs/linking-evaluation.md, "Edge trust learned from the labelled sets (branch
linkedge21)". ``edgetrust.json`` counts, for each edge of the measure map, the
links listed through it on the read sets and how many were right, in how many
distinct domains; a chain held back only for its shape is claimed from a chance
of :data:`EDGE_CHANCE` (not :data:`CLAIM_CHANCE`) when every edge of it is trusted.
The note gives the chain in the map's words, as for any map claim.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pitchkit.recast import scorer
from pitchkit.recast.align import Link
from pitchkit.recast.evidence import NAMES, Evidence
from pitchkit.recast.measures import Chain, Step
from pitchkit.recast.scorer import (
    CLAIM_CHANCE,
    EDGE_CHANCE,
    EDGE_DOMAINS,
    EDGE_PRECISION,
    EdgeRecord,
    decide,
    trusted_chain,
    trusted_edge,
)
from test_link_scorer import fit

DATA = Path(__file__).parent / "data"

CAUSE = Step("length-of-stay", "bed-occupancy", "shorter stays free beds", None, part=False)
HELD = Link(
    impact="los",
    objective="occupancy",
    score=0.5,
    reason="map",
    themes=("flow",),
    words=(),
    confidence="possible",
    chain=Chain("length-of-stay", (CAUSE,)),
    mismatch="cause",
)
SOME_EVIDENCE = Evidence({**dict.fromkeys(NAMES, 0.0), "one_cause": 1.0, "cause_doubt": 1.0})


def test_an_edge_is_trusted_when_right_often_enough_in_enough_domains() -> None:
    assert (EDGE_PRECISION, EDGE_DOMAINS) == (0.8, 1)
    assert trusted_edge(EdgeRecord(listed=5, right=4, domains=4, right_domains=3))
    assert not trusted_edge(EdgeRecord(listed=4, right=3, domains=4, right_domains=3))
    assert not trusted_edge(EdgeRecord(listed=2, right=0, domains=2, right_domains=0))
    assert not trusted_edge(None)
    # A chain of no steps has no edge to trust.
    assert not trusted_chain(Chain("length-of-stay", ()))


@pytest.mark.parametrize(("record", "claimed"), [(EdgeRecord(6, 5, 5, 4), True), (None, False)])
def test_a_held_back_chain_is_claimed_between_the_thresholds_only_through_trusted_edges(
    monkeypatch: pytest.MonkeyPatch, record: EdgeRecord | None, claimed: bool
) -> None:
    known = {} if record is None else {("length-of-stay", "bed-occupancy", False): record}
    monkeypatch.setattr(scorer, "edge_trust", lambda: known)
    monkeypatch.setattr(scorer, "chance", lambda evidence: (EDGE_CHANCE + CLAIM_CHANCE) / 2)
    found = decide(HELD, SOME_EVIDENCE, year_missed=False)
    assert found.claimed is claimed
    assert found.chain == HELD.chain
    if claimed:
        assert (found.reason, found.mismatch) == ("map", None)
    # Below the edge threshold nothing is claimed, trusted or not.
    monkeypatch.setattr(scorer, "chance", lambda evidence: EDGE_CHANCE - 0.01)
    assert not decide(HELD, SOME_EVIDENCE, year_missed=False).claimed


def test_the_shipped_edge_trust_is_what_the_generator_counts() -> None:
    shipped = json.loads(fit.EDGE_TRUST.read_text(encoding="utf-8"))
    rows = fit.load_rows()
    assert shipped == fit.edge_data(rows)
    assert shipped["sets"] == list(fit.READ_SETS)
    # Counted on the read sets only: no domain of blind12-14 or blind25 on is in it.
    assert all(row.labelled_set in fit.READ_SETS for row in rows)
    assert fit.edge_text(shipped).startswith("{\n")
    assert json.loads(fit.edge_text(shipped)) == shipped


def test_a_length_of_stay_cause_edge_right_across_domains_is_claimed_with_its_chain(
    links_by_pair: Callable[..., dict[Any, Any]],
) -> None:
    # blind13 (not in the read sets the statistics come from): "Median length of stay,
    # emergency admissions for cellulitis" against "G&A bed occupancy 92% (BAF risk 1:
    # capacity)", labelled right. A cause chain, held back for its shape at a chance
    # below 0.9; the edge length of stay -> bed occupancy was right on the read sets.
    links = links_by_pair(DATA / "linkeval-blind13" / "opat-home-iv" / "facts.yaml")
    claim = links[("los-cellulitis", "ceo.occupancy")]
    assert (claim["confidence"], claim["reason"]) == ("confident", "map")
    assert claim["chain"] == ["length of stay", "bed occupancy"]
    assert claim["explanation"] == (
        "measure map: length of stay \u2192 bed occupancy (shorter stays free beds, lowering "
        "occupancy)"
    )


def test_an_edge_the_read_sets_never_listed_earns_no_trust(
    links_by_pair: Callable[..., dict[Any, Any]],
) -> None:
    # blind12: penicillin allergy de-labelled against an ICB objective on broad-spectrum
    # antibiotics (labelled wrong). Its chance is in the same range, but no listed link
    # on the read sets went through its edge: it stays possible.
    links = links_by_pair(DATA / "linkeval-blind12" / "penicillin-allergy" / "facts.yaml")
    found = links[("delabelled", "icb.broad-spectrum")]
    assert found["confidence"] == "possible"
    assert found["chain"] == ["penicillin allergy de-labelling", "antimicrobial stewardship"]
