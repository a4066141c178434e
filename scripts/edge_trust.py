"""How often each measure-map edge was right, by distinct domain, scored leave-one-domain-out.

    python scripts/edge_trust.py             Markdown tables
    python scripts/edge_trust.py --json      the same figures as JSON

For every link the hand rules list with a chain through the measure map, on
the read sets (``fit_linker.READ_SETS``), each edge of its chain (source,
target, part or cause), its pair of end concepts and its shape (each step a part
or a cause) is credited with one listing, and with one right listing when the
pair is labelled a link; each is also counted by the distinct domains it was
listed in and right in (``fit_linker.Tally``). A domain's own pairs never count
towards the figures its pairs are judged by: for a pair of a held-out domain
``d`` its statistics leave ``d`` out, and for a training row of the fit that
leaves ``d`` out they leave out both ``d`` and the row's own domain.

Three uses are measured against the decision shipped before the pass
(``fit_linker.report`` without trusted edges: hand claims, chains held back for
their shape from a chance of 0.9, money links and rare words on a board worry,
each domain scored by weights fitted without it):

* **the rule alone**: a chain held back only for its shape
  (``fit_linker.promotable``) is claimed when every edge of it (its end concepts,
  for ``--ends``) was right in at least ``k`` other domains at a precision of at
  least ``p``, whatever its chance;
* **the rule with a chance**: the same, from a chance ``t`` (what ships:
  ``scorer.EDGE_CHANCE``, ``EDGE_PRECISION``, ``EDGE_DOMAINS``), with a nested
  check that chooses ``(t, k, p)`` leaving out a whole set and applies it to
  that set;
* **features**: the scorer refitted with the weakest edge's smoothed precision
  and right domains, and the same for the chain's ends, as four more features.

The sets the statistics and the weights were not made from are then scored
with statistics and weights from every read domain: blind12-14 and blind25-28
(read by earlier passes, not fitted on) and blind29-30 (unread: totals only).
The figures are in docs/linking-evaluation.md, "Edge trust learned from the
labelled sets (branch linkedge21)".
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_linker import (  # noqa: E402
    READ_SETS,
    Row,
    Tally,
    chain_edges,
    chances,
    fit,
    listed_chain,
    load_rows,
    money_chance,
    money_claimable,
    promotable,
    worry_claimable,
)

from pitchkit.recast.evidence import NAMES  # noqa: E402
from pitchkit.recast.scorer import (  # noqa: E402
    CLAIM_CHANCE,
    EDGE_CHANCE,
    EDGE_DOMAINS,
    EDGE_PRECISION,
)

#: Read sets not fitted on, and the two sets nobody has read (totals only).
OTHER_BLOCKS = {
    "blind12-14": tuple(f"linkeval-blind{n}" for n in (12, 13, 14)),
    "blind25-28": tuple(f"linkeval-blind{n}" for n in (25, 26, 27, 28)),
    "blind29-30 (unread)": ("linkeval-blind29", "linkeval-blind30"),
}
DOMAIN_COUNTS = (1, 2, 3, 4, 5)
PRECISIONS = (0.5, 0.6, 0.7, 0.8, 0.9)
CHANCES = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85)
#: Pseudo-listings at the pooled precision, smoothing an edge's precision (features).
PRIOR_WEIGHT = 3.0
#: The settings scored on the other blocks: (chance, domains, precision); the first ships.
SHOWN = ((EDGE_CHANCE, EDGE_DOMAINS, EDGE_PRECISION), (0.7, 2, 0.8), (0.0, 5, 0.8))

Key = tuple[str, tuple[str, str]]


def ends(row: Row) -> list[Hashable]:
    """A listed chain's two end concepts, as one key."""
    return [("ends", row.chain[0], row.chain[-1])] if row.chain else []


def shape(row: Row) -> list[Hashable]:
    """A listed chain's shape: each step a part (True) or a cause (False)."""
    return [("shape", row.parts)] if row.chain else []


def trusted(
    tally: Tally, keys: Sequence[Hashable], left_out: Iterable[str], least: int, precision: float
) -> bool:
    """Whether every key was right in ``least`` or more domains at ``precision`` or more."""
    if not keys:
        return False
    for key in keys:
        record = tally.without(key, left_out)
        if record.right_domains < least or not record.listed:
            return False
        if record.right / record.listed < precision:
            return False
    return True


def shipped_claims(rows: Sequence[Row], scores: dict[Key, float]) -> set[Key]:
    """The decision before this pass: hand claims, chains from 0.9, money, words on a worry."""

    def score(row: Row) -> float:
        return scores.get((row.domain, row.pair), 0.0)

    return {
        (r.domain, r.pair)
        for r in rows
        if r.hand_claimed
        or (promotable(r) and score(r) >= CLAIM_CHANCE)
        or (money_claimable(r) and score(r) >= money_chance(r))
        or worry_claimable(r)
    }


def tally_counts(rows: Sequence[Row], chosen: set[Key]) -> dict[str, Any]:
    """Right, claimed, positives, precision and recall of ``chosen`` among ``rows``."""
    positives = sum(r.label for r in rows)
    said = [r for r in rows if (r.domain, r.pair) in chosen]
    right = sum(r.label for r in said)
    return {
        "right": right,
        "claimed": len(said),
        "positives": positives,
        "precision": round(right / len(said), 4) if said else 0.0,
        "recall": round(right / positives, 4) if positives else 0.0,
    }


#: Trust features added to the scorer's in the feature trial, each between 0 and 1.
TRUST_NAMES = ("edge_precision", "edge_domains", "ends_precision", "ends_domains")


def trust_features(tally: Tally, row: Row, left_out: Sequence[str], prior: float) -> list[float]:
    """The weakest edge's smoothed precision and right domains (of five), then the ends'."""
    if not row.chain:
        return [0.0] * len(TRUST_NAMES)
    values: list[float] = []
    for keys in (chain_edges(row) or ends(row), ends(row)):
        worst_precision, worst_domains = 1.0, 1.0
        for key in keys:
            record = tally.without(key, left_out)
            smoothed = (record.right + PRIOR_WEIGHT * prior) / (record.listed + PRIOR_WEIGHT)
            worst_precision = min(worst_precision, smoothed)
            worst_domains = min(worst_domains, min(record.right_domains, 5) / 5)
        values += [worst_precision, worst_domains]
    return values


def with_trust(rows: Sequence[Row], tally: Tally, also: Sequence[str] = ()) -> np.ndarray:
    """The scorer's features of ``rows`` and the trust features, each row's domain left out."""
    prior: dict[tuple[str, ...], float] = {}
    result = []
    for row in rows:
        left_out = tuple(sorted({row.domain, *also}))
        if left_out not in prior:
            shapes = [k for k in tally.total if isinstance(k, tuple) and k[0] == "shape"]
            records = [tally.without(k, left_out) for k in shapes]
            listed = sum(r.listed for r in records)
            prior[left_out] = sum(r.right for r in records) / listed if listed else 0.0
        result.append([*row.features, *trust_features(tally, row, left_out, prior[left_out])])
    return np.array(result, dtype=float).reshape(len(rows), len(NAMES) + len(TRUST_NAMES))


def lodo_chances(rows: Sequence[Row], tally: Tally | None) -> dict[Key, float]:
    """Each candidate pair's chance, its domain out of the fit (and of the trust features)."""
    result: dict[Key, float] = {}
    candidates = [r for r in rows if r.candidate]
    for held in sorted({r.domain for r in candidates}):
        train = [r for r in candidates if r.domain != held]
        test = [r for r in candidates if r.domain == held]
        if tally is None:
            x = np.array([r.features for r in train], dtype=float)
            t = np.array([r.features for r in test], dtype=float)
        else:
            x, t = with_trust(train, tally, (held,)), with_trust(test, tally)
        weights = fit(x, np.array([r.label for r in train], dtype=float))
        for row, chance in zip(test, chances(weights, t), strict=True):
            result[(row.domain, row.pair)] = float(chance)
    return result


def outside_chances(
    train: Sequence[Row], test: Sequence[Row], tally: Tally | None
) -> dict[Key, float]:
    """Chances of ``test``'s pairs from weights (and trust figures) of every ``train`` domain."""
    train = [r for r in train if r.candidate]
    test = [r for r in test if r.candidate]
    if tally is None:
        x = np.array([r.features for r in train], dtype=float)
        t = np.array([r.features for r in test], dtype=float)
    else:
        # A row outside the read sets has no domain in the tally: nothing is left out.
        x, t = with_trust(train, tally), with_trust(test, tally)
    weights = fit(x, np.array([r.label for r in train], dtype=float))
    return {
        (row.domain, row.pair): float(chance)
        for row, chance in zip(test, chances(weights, t), strict=True)
    }


def rule(
    rows: Sequence[Row],
    tally: Tally,
    scores: dict[Key, float],
    base: set[Key],
    setting: tuple[float, int, float],
    *,
    keys: Any = chain_edges,
    outside: bool = False,
) -> set[Key]:
    """Chains held back for their shape the trust rule claims beyond ``base``."""
    at, least, precision = setting
    return {
        (r.domain, r.pair)
        for r in rows
        if promotable(r)
        and (r.domain, r.pair) not in base
        and scores.get((r.domain, r.pair), 0.0) >= at
        and trusted(tally, keys(r), () if outside else (r.domain,), least, precision)
    }


def nested(
    rows: Sequence[Row], tally: Tally, scores: dict[Key, float], base: set[Key]
) -> dict[str, Any]:
    """The rule's setting chosen leaving out a whole set, then applied to that set.

    For each read set, the setting that adds most right claims on the other sets
    without lowering their claimed precision is applied to the set left out.
    """
    grid = list(itertools.product(CHANCES, DOMAIN_COUNTS, PRECISIONS))
    label = {(r.domain, r.pair): r.label for r in rows}
    in_set = {(r.domain, r.pair): r.labelled_set for r in rows}
    added = {g: rule(rows, tally, scores, base, g) for g in grid}
    chosen: dict[str, Any] = {}
    right = claimed = 0
    for held in READ_SETS:
        others = [k for k in base if in_set[k] != held]
        base_right = sum(label[k] for k in others)
        best: tuple[int, int, tuple[float, int, float]] | None = None
        for g in grid:
            more = [k for k in added[g] if in_set[k] != held]
            more_right = sum(label[k] for k in more)
            if (base_right + more_right) * len(others) < base_right * (len(others) + len(more)):
                continue
            if best is None or (more_right, -len(more)) > (best[0], -best[1]):
                best = (more_right, len(more), g)
        assert best is not None
        mine = [k for k in added[best[2]] if in_set[k] == held]
        right += sum(label[k] for k in mine)
        claimed += len(mine)
        chosen[held] = {
            "setting": best[2],
            "right": sum(label[k] for k in mine),
            "added": len(mine),
        }
    return {"by_set": chosen, "right": right, "added": claimed}


def measure(rows: Sequence[Row]) -> dict[str, Any]:
    """Every figure of the experiment."""
    read = [r for r in rows if r.labelled_set in READ_SETS]
    tally = Tally.of(read, lambda r: [*chain_edges(r), *ends(r), *shape(r)], listed_chain)
    plain = lodo_chances(read, None)
    base = shipped_claims(read, plain)
    held = [r for r in read if promotable(r) and (r.domain, r.pair) not in base]
    result: dict[str, Any] = {
        "read": {
            "domains": len({r.domain for r in read}),
            "pairs": len(read),
            "positives": sum(r.label for r in read),
            "listed_chains": sum(listed_chain(r) for r in read),
            "held_for_shape": tally_counts(
                read, {(r.domain, r.pair) for r in read if promotable(r)}
            ),
            "held_not_claimed": tally_counts(read, {(r.domain, r.pair) for r in held}),
        },
        "base": tally_counts(read, base),
    }
    weakest = []
    for least in (0, 1, 2, 3, 5):
        chosen = {
            (r.domain, r.pair)
            for r in held
            if chain_edges(r)
            and all(tally.without(e, (r.domain,)).right_domains >= least for e in chain_edges(r))
        }
        weakest.append({"least_domains": least, **tally_counts(read, chosen)})
    result["weakest_edge"] = weakest
    grids: dict[str, Any] = {}
    for name, keys in (("edges", chain_edges), ("ends", ends)):
        grid = {}
        for g in itertools.product(CHANCES, DOMAIN_COUNTS, PRECISIONS):
            added = rule(read, tally, plain, base, g, keys=keys)
            if added:
                grid[f"t={g[0]} k={g[1]} p={g[2]}"] = {
                    "added": tally_counts(read, added),
                    "claims": tally_counts(read, base | added),
                }
        grids[name] = grid
    result["rule"] = grids
    result["nested"] = nested(read, tally, plain, base)
    trust = lodo_chances(read, tally)
    features: dict[str, Any] = {}
    for at in (0.7, 0.75, 0.8, 0.85, 0.9):
        chosen = shipped_claims_at(read, trust, at)
        features[f"{at}"] = {
            "claims": tally_counts(read, chosen),
            "added": tally_counts(read, chosen - base),
            "dropped": tally_counts(read, base - chosen),
        }
    result["features"] = features
    others: dict[str, Any] = {}
    for name, sets in OTHER_BLOCKS.items():
        block = [r for r in rows if r.labelled_set in sets]
        scores = outside_chances(read, block, None)
        block_base = shipped_claims(block, scores)
        entry: dict[str, Any] = {"base": tally_counts(block, block_base)}
        for g in SHOWN:
            added = rule(block, tally, scores, block_base, g, outside=True)
            entry[f"t={g[0]} k={g[1]} p={g[2]}"] = {
                "claims": tally_counts(block, block_base | added),
                "added": tally_counts(block, added),
            }
        refitted = outside_chances(read, block, tally)
        chosen = shipped_claims_at(block, refitted, 0.8)
        entry["features, chains from 0.8"] = {
            "claims": tally_counts(block, chosen),
            "added": tally_counts(block, chosen - block_base),
            "dropped": tally_counts(block, block_base - chosen),
        }
        others[name] = entry
    result["other_blocks"] = others
    return result


def shipped_claims_at(rows: Sequence[Row], scores: dict[Key, float], at: float) -> set[Key]:
    """The decision before this pass with chains claimed from ``at`` instead of 0.9."""
    chains = {
        (r.domain, r.pair)
        for r in rows
        if promotable(r) and scores.get((r.domain, r.pair), 0.0) >= at
    }
    return shipped_claims(rows, scores) | chains


def cell(c: dict[str, Any]) -> str:
    """Right / claimed (precision, recall)."""
    return (
        f"{c['right']} / {c['claimed']} ({100 * c['precision']:.1f}%, R {100 * c['recall']:.1f}%)"
    )


def markdown(data: dict[str, Any]) -> str:
    """The figures as Markdown."""
    read = data["read"]
    lines = [
        f"Read sets: {read['domains']} domains, {read['pairs']:,} pairs, {read['positives']} "
        f"positives; {read['listed_chains']} listed links with a chain; held back for their "
        f"shape {read['held_for_shape']['right']} right of {read['held_for_shape']['claimed']}, "
        f"of which not claimed before this pass {read['held_not_claimed']['right']} of "
        f"{read['held_not_claimed']['claimed']}.",
        "",
        f"Before (LODO): {cell(data['base'])}.",
        "",
        "| every edge right in at least ... other domains | held back, not claimed: right / "
        "listed |",
        "|---|---:|",
    ]
    for w in data["weakest_edge"]:
        lines.append(f"| {w['least_domains']} | {w['right']} / {w['claimed']} |")
    for name, grid in data["rule"].items():
        lines += ["", f"Rule by {name} (LODO; chance t, k domains, precision p):", ""]
        lines += ["| setting | added | claims |", "|---|---:|---:|"]
        for setting, c in grid.items():
            lines.append(f"| {setting} | {c['added']['right']} / {c['added']['claimed']} | "
                         f"{cell(c['claims'])} |")  # fmt: skip
    n = data["nested"]
    lines += ["", f"Nested (setting chosen leaving a set out): added {n['right']} / {n['added']}."]
    lines += ["", "| features, chains from | claims | added | dropped |", "|---|---:|---:|---:|"]
    for at, c in data["features"].items():
        lines.append(f"| {at} | {cell(c['claims'])} | {c['added']['right']} / "
                     f"{c['added']['claimed']} | {c['dropped']['right']} / "
                     f"{c['dropped']['claimed']} |")  # fmt: skip
    for name, entry in data["other_blocks"].items():
        lines += ["", f"{name}: before {cell(entry['base'])}", ""]
        for setting, c in entry.items():
            if setting != "base":
                lines.append(f"- {setting}: {cell(c['claims'])}, added {c['added']['right']} / "
                             f"{c['added']['claimed']}")  # fmt: skip
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = READ_SETS + tuple(s for block in OTHER_BLOCKS.values() for s in block)
    data = measure(load_rows(sets))
    print(json.dumps(data, indent=2) if args.json else markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
