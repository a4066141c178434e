"""Fit the link scorer's weights on the read labelled sets, and score it leave-one-domain-out.

    python scripts/fit_linker.py              LODO table, learned scorer against the hand rules
    python scripts/fit_linker.py --json       the same figures as JSON
    python scripts/fit_linker.py --write      also write src/pitchkit/recast/linkweights.json
                                              and edgetrust.json
    python scripts/fit_linker.py --check      exit 1 when either shipped file differs from a refit

Every impact x objective pair of every domain of the read sets (:data:`READ_SETS`:
every set whose errors a pass has read) gets the features of
:mod:`pitchkit.recast.evidence`, and its label. A logistic regression (L2,
fitted by Newton's method, numpy) is fitted on all domains but one and scores
the held-out one, for every domain in turn: no domain is scored by weights fitted
on it. The same table gives the hand rules (the linker as it was before the
scorer) on the same pairs; on these sets that is a tuning figure, since the hand
rules were tuned on them.

Sets written blind after this pass (blind12 on) were not read here at first;
each joined as a pass read it (linking-evaluation.md, "The first-look pass" and
the passes after it). Since the branch scorerwide every set up to blind58 is
fitted on, blind12-14 and blind25-28 included: all have been read, and the
widened fit was no worse left out a domain at a time than the fit on the sets
up to blind34 (linking-evaluation.md, "The scorer fitted on every read set
(branch scorerwide)"). blind59 on are not: they are scored as sets the scorer
was never fitted on, totals only. Since session 24 every set up to blind70 is
fitted on (all read by a pass by then): on the sets up to blind70 the shipped
claims went from 1,262 / 1,475 to 1,252 / 1,456, and on blind71-79, which nobody
had read, from 110 / 171 to 110 / 167 (linking-evaluation.md, "The scorer
refitted on every read set up to blind70"). blind71 on are not fitted on.

The same read sets give the edge statistics (``edgetrust.json``): for each edge
of the measure map, how many listed links went through it, how many of those
were right, and in how many distinct domains each. In the LODO table a domain's
own pairs are taken out of the statistics its pairs are judged by, as they are
out of the fit (docs/linking-evaluation.md, "Edge trust learned from the
labelled sets (branch linkedge21)").
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_links import Domain, domains  # noqa: E402

from pitchkit.facts.schema import load_facts  # noqa: E402
from pitchkit.recast.align import WHO_WHERE, Link, offer_rank, saves_for_budget  # noqa: E402
from pitchkit.recast.english import english_director  # noqa: E402
from pitchkit.recast.evidence import NAMES  # noqa: E402
from pitchkit.recast.pitch import weigh  # noqa: E402
from pitchkit.recast.scorer import (  # noqa: E402
    BUDGET_CHANCE,
    EDGE_CHANCE,
    MONEY_CHANCE,
    WORRY_RARE,
    EdgeRecord,
    trusted_edge,
)
from pitchkit.recast.whose import home_of, same_payer  # noqa: E402

#: The labelled sets a pass may fit on: every set whose errors have been read.
READ_SETS = (
    "linkeval",
    "linkeval-heldout",
    "linkeval-fresh",
    *(f"linkeval-blind{n}" for n in range(3, 71)),
)
WEIGHTS = ROOT / "src" / "pitchkit" / "recast" / "linkweights.json"
EDGE_TRUST = ROOT / "src" / "pitchkit" / "recast" / "edgetrust.json"
#: L2 penalty on every weight but the intercept.
PENALTY = 1.0
#: A fixed day, so the year feature does not change with the day the script runs.
TODAY = dt.date(2026, 6, 1)


@dataclass(frozen=True)
class Row:
    """One impact x objective pair: its domain, label, features and the hand rules' verdict."""

    domain: str
    pair: tuple[str, str]
    label: bool
    features: tuple[float, ...]
    candidate: bool  # any evidence at all
    hand_claimed: bool
    hand_offered: bool
    hand_rank: int  # offer_rank, 9 when not offered
    labelled_set: str = ""  # the labelled set the domain is in
    budget: bool = False  # a saving towards a whole-budget aim (align.saves_for_budget)
    payer: bool = True  # the impact's money falls in the objective's budget (whose.same_payer)
    #: The listed link's chain through the measure map: its concepts, first to last (empty
    #: when the link has no chain or is not listed), whether each step counts the source
    #: inside the target (a part) rather than being a cause, and why the rules held it back.
    chain: tuple[str, ...] = ()
    parts: tuple[bool, ...] = ()
    doubt: str | None = None


def harvest(domain: Domain) -> list[Row]:
    """Every pair of ``domain`` with its features and the hand rules' verdict."""
    facts = load_facts(domain.facts).facts
    rows: list[Row] = []
    for director in facts.directors:
        role = english_director(director, facts.english).role
        home = home_of(facts.project.organisation)
        for pair in weigh(facts, director, today=TODAY, every_pair=True).candidates:
            found = pair.rules
            missed = pair.year_missed
            claimed = found is not None and found.claimed and not missed
            rank = 9 if found is None else (2 if missed and not claimed else offer_rank(found))
            key = (pair.impact.id, f"{director.id}.{pair.objective.id}")
            rows.append(
                Row(
                    domain=domain.name,
                    pair=key,
                    label=key in domain.positives,
                    features=pair.evidence.vector(),
                    candidate=pair.evidence.any,
                    hand_claimed=claimed,
                    hand_offered=found is not None,
                    hand_rank=rank,
                    budget=saves_for_budget(pair.read_impact, pair.read_objective, role, home),
                    payer=same_payer(pair.read_impact, pair.read_objective, role, home),
                    chain=_concepts(found),
                    parts=()
                    if found is None or found.chain is None
                    else tuple(step.part for step in found.chain.steps),
                    doubt=None if found is None else found.mismatch,
                )
            )
    return rows


def _concepts(found: Link | None) -> tuple[str, ...]:
    """The concepts of a listed link's chain, first to last (empty without one)."""
    if found is None or found.chain is None:
        return ()
    return (found.chain.start, *(step.target for step in found.chain.steps))


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY) -> np.ndarray:
    """Logistic regression weights (intercept first) by Newton's method with an L2 penalty."""
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    weights = np.zeros(design.shape[1])
    ridge = np.full(design.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(50):
        chance = 1 / (1 + np.exp(-(design @ weights)))
        gradient = design.T @ (chance - y) + ridge * weights
        hessian = design.T @ (design * (chance * (1 - chance))[:, None]) + np.diag(ridge + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return weights


def chances(weights: np.ndarray, x: np.ndarray) -> np.ndarray:
    """The fitted chance that each row is a link."""
    return 1 / (1 + np.exp(-(weights[0] + x @ weights[1:])))


def arrays(rows: Sequence[Row]) -> tuple[np.ndarray, np.ndarray]:
    """Features and labels of the candidate rows (pairs with no evidence are never links)."""
    kept = [r for r in rows if r.candidate]
    x = np.array([r.features for r in kept], dtype=float).reshape(len(kept), len(NAMES))
    y = np.array([r.label for r in kept], dtype=float)
    return x, y


def lodo_scores(
    rows: Sequence[Row], *, by_set: bool = False
) -> dict[tuple[str, tuple[str, str]], float]:
    """Each candidate pair's chance from weights fitted without its domain (or its whole set)."""

    def group(row: Row) -> str:
        return row.labelled_set if by_set else row.domain

    names = sorted({group(r) for r in rows})
    result: dict[tuple[str, tuple[str, str]], float] = {}
    for held in names:
        train = [r for r in rows if group(r) != held]
        result.update(held_out_scores(train, [r for r in rows if group(r) == held]))
    return result


def held_out_scores(
    train: Sequence[Row], test: Sequence[Row]
) -> dict[tuple[str, tuple[str, str]], float]:
    """Each candidate pair of ``test``'s chance from weights fitted on ``train`` alone."""
    scored = [r for r in test if r.candidate]
    if not scored:
        return {}
    weights = fit(*arrays(train))
    scores = chances(weights, np.array([r.features for r in scored], dtype=float))
    return {(row.domain, row.pair): float(score) for row, score in zip(scored, scores, strict=True)}


def counts(rows: Sequence[Row], chosen: set[tuple[str, tuple[str, str]]]) -> dict[str, Any]:
    """Precision and recall of ``chosen`` pairs against the labels of ``rows``."""
    positives = sum(r.label for r in rows)
    said = [r for r in rows if (r.domain, r.pair) in chosen]
    right = sum(r.label for r in said)
    return {
        "listed": len(said),
        "right": right,
        "positives": positives,
        "precision": round(right / len(said), 4) if said else 0.0,
        "recall": round(right / positives, 4) if positives else 0.0,
    }


def worst(rows: Sequence[Row], chosen: set[tuple[str, tuple[str, str]]]) -> dict[str, Any]:
    """The domain with the lowest F1 for ``chosen`` (only domains with positives)."""
    by_domain: dict[str, list[Row]] = {}
    for row in rows:
        by_domain.setdefault(row.domain, []).append(row)

    def f1(name: str) -> float:
        c = counts(by_domain[name], chosen)
        p, r = c["precision"], c["recall"]
        return 2 * p * r / (p + r) if p + r else 0.0

    labelled = [n for n in by_domain if any(r.label for r in by_domain[n])]
    name = min(labelled, key=lambda n: (f1(n), n))
    return {"domain": name, **counts(by_domain[name], chosen)}


CLAIM_THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.875, 0.9, 0.925)
OFFER_THRESHOLDS = (0.1, 0.15, 0.2, 0.3, 0.4)
#: How many possible links of a domain the lead is counted as reading first.
FIRST = 5
#: Features that say the measure map has a chain for the pair.
CHAINS = ("same_concept", "counted_inside", "one_cause", "two_steps")


def promotable(row: Row) -> bool:
    """Whether the scorer may claim ``row`` (:func:`pitchkit.recast.scorer.decide`).

    A link the hand rules list with a chain through the map held back only for its
    shape (a cause step or a broad aim), to an objective of a year the project
    delivers something in.
    """
    values = dict(zip(NAMES, row.features, strict=True))
    shape_only = (values["cause_doubt"] or values["broad"]) and not any(
        values[name] for name in ("quantity", "topic", "instrument")
    )
    return (
        row.hand_offered
        and any(values[name] for name in CHAINS)
        and bool(shape_only)
        and not values["year"]
        and not apart(row)
    )


def apart(row: Row) -> bool:
    """Whether the hand rules held ``row`` back because the two sides count different people.

    The scorer never claims such a link (:func:`pitchkit.recast.scorer.decide`).
    """
    return row.doubt in WHO_WHERE


def money_claimable(row: Row) -> bool:
    """Whether the scorer may claim ``row`` from :data:`MONEY_CHANCE` (the ``money`` evidence).

    A possible link, to an objective of a year the project delivers something in,
    whose impact has a cash value against a financial objective, with no chain or
    a chain held back only for its shape (:func:`pitchkit.recast.scorer.decide`).
    """
    values = dict(zip(NAMES, row.features, strict=True))
    if not row.hand_offered or row.hand_claimed or values["year"] or not values["money"]:
        return False
    if apart(row):
        return False
    if not row.payer:  # another body's budget than the objective's (whose.same_payer)
        return False
    return not any(values[name] for name in CHAINS) or promotable(row)


def money_chance(row: Row, money_at: float = MONEY_CHANCE) -> float:
    """The chance from which :func:`money_claimable` ``row`` is claimed: lower for a whole budget.

    :data:`BUDGET_CHANCE` when the objective is a whole-budget aim (a CIP, financial
    balance), else ``money_at`` (:data:`MONEY_CHANCE` as shipped).
    """
    return min(BUDGET_CHANCE, money_at) if row.budget else money_at


def worry_claimable(row: Row) -> bool:
    """Whether the scorer claims ``row`` by rare shared words on a board worry, at any chance.

    A possible link with no chain, to an objective of a year the project delivers
    something in, the objective a board worry, the shared telling words rare among
    the team's objectives, and the pair the strongest both ways
    (:func:`pitchkit.recast.scorer.worry_words`).
    """
    values = dict(zip(NAMES, row.features, strict=True))
    return (
        row.hand_offered
        and not row.hand_claimed
        and not values["year"]
        and not apart(row)
        and not any(values[name] for name in CHAINS)
        and values["words"] > 0
        and values["worry"] > 0
        and values["rare_words"] > WORRY_RARE
        and values["best_here"] > 0
        and values["best_there"] > 0
    )


def chain_edges(row: Row) -> list[tuple[str, str, bool]]:
    """The edges of ``row``'s listed chain: (source, target, part) for each step."""
    return list(zip(row.chain[:-1], row.chain[1:], row.parts, strict=True))


def listed_chain(row: Row) -> bool:
    """Whether ``row`` is a listed link with a chain through the map, claimed or not."""
    return row.hand_offered and bool(row.chain)


@dataclass
class Tally:
    """For each key (an edge, by default), links listed and right, by domain and in all.

    ``total`` holds listed, right, distinct domains listed in and distinct domains
    right in; :meth:`without` takes domains out, so a domain's own pairs need not
    count towards the figures it is judged by.
    """

    by_domain: dict[str, dict[Hashable, list[int]]] = field(default_factory=dict)
    total: dict[Hashable, list[int]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        rows: Iterable[Row],
        keys: Callable[[Row], Iterable[Hashable]] = chain_edges,
        use: Callable[[Row], bool] = listed_chain,
    ) -> Tally:
        tally = cls()
        for row in rows:
            if not use(row):
                continue
            mine = tally.by_domain.setdefault(row.domain, {})
            for key in set(keys(row)):
                counted = mine.setdefault(key, [0, 0])
                counted[0] += 1
                counted[1] += int(row.label)
        for mine in tally.by_domain.values():
            for key, (listed, right) in mine.items():
                total = tally.total.setdefault(key, [0, 0, 0, 0])
                total[0] += listed
                total[1] += right
                total[2] += 1
                total[3] += int(right > 0)
        return tally

    def without(self, key: Hashable, left_out: Iterable[str] = ()) -> EdgeRecord:
        """The figures for ``key`` with the domains ``left_out`` taken out."""
        listed, right, domains, right_domains = self.total.get(key, (0, 0, 0, 0))
        for name in set(left_out):
            mine = self.by_domain.get(name, {}).get(key)
            if mine is not None:
                listed -= mine[0]
                right -= mine[1]
                domains -= 1
                right_domains -= int(mine[1] > 0)
        return EdgeRecord(listed, right, domains, right_domains)


def edges_trusted(tally: Tally, row: Row, left_out: Iterable[str] = ()) -> bool:
    """Whether every edge of ``row``'s chain is trusted, ``left_out`` domains not counted.

    As :func:`pitchkit.recast.scorer.trusted_chain` judges it at run time from the
    shipped statistics; a chain of no steps has no edge, so is not trusted.
    """
    edges = chain_edges(row)
    return bool(edges) and all(trusted_edge(tally.without(e, left_out)) for e in edges)


def edge_claimable(row: Row, score: float, tally: Tally) -> bool:
    """Whether the scorer claims ``row`` by trusted edges, its own domain out of ``tally``.

    A chain held back only for its shape (:func:`promotable`) with a chance of
    :data:`EDGE_CHANCE` or more, every edge of which is trusted on the other domains.
    """
    return (
        not row.hand_claimed
        and promotable(row)
        and score >= EDGE_CHANCE
        and edges_trusted(tally, row, (row.domain,))
    )


def edge_data(rows: Sequence[Row]) -> dict[str, Any]:
    """The edge statistics of every read domain, as the shipped file holds them."""
    tally = Tally.of(rows)
    edges = []
    for key in sorted(tally.total, key=str):
        source, target, part = key  # type: ignore[misc]
        record = tally.without(key)
        edges.append(
            {
                "source": source,
                "target": target,
                "part": part,
                "listed": record.listed,
                "right": record.right,
                "domains": record.domains,
                "right_domains": record.right_domains,
            }
        )
    return {
        "about": "Measure-map edge statistics: made by scripts/fit_linker.py --write; do not "
        "edit. For each edge, the links listed through it on the read sets, how many were "
        "labelled right, and the distinct domains it was listed in and right in.",
        "sets": list(READ_SETS),
        "edges": edges,
    }


def average_precision(ordered: Sequence[Row]) -> float:
    """Average precision of a list asked in order: high when the right links come first."""
    right = 0
    total = 0.0
    for place, row in enumerate(ordered, start=1):
        if row.label:
            right += 1
            total += right / place
    return total / right if right else 0.0


def report(rows: Sequence[Row]) -> dict[str, Any]:
    """The LODO table: the hand rules, the learned scorer alone, and as shipped."""
    scores = lodo_scores(rows)

    def score(row: Row) -> float:
        return scores.get((row.domain, row.pair), 0.0)

    hand_claims = {(r.domain, r.pair) for r in rows if r.hand_claimed}
    hand_offers = {(r.domain, r.pair) for r in rows if r.hand_offered}
    alone: dict[str, Any] = {}
    for threshold in (*OFFER_THRESHOLDS, *CLAIM_THRESHOLDS):
        chosen = {(r.domain, r.pair) for r in rows if score(r) >= threshold}
        alone[f"{threshold:.3f}"] = {**counts(rows, chosen), "worst": worst(rows, chosen)}
    by_set = lodo_scores(rows, by_set=True) if len({r.labelled_set for r in rows}) > 1 else {}
    money_added = {
        (r.domain, r.pair) for r in rows if money_claimable(r) and score(r) >= money_chance(r)
    }
    worry_added = {(r.domain, r.pair) for r in rows if worry_claimable(r)} - money_added
    tally = Tally.of(rows)
    edge_added = {(r.domain, r.pair) for r in rows if edge_claimable(r, score(r), tally)}
    shipped: dict[str, Any] = {}
    for threshold in CLAIM_THRESHOLDS:
        added = {
            (r.domain, r.pair)
            for r in rows
            if not r.hand_claimed and promotable(r) and score(r) >= threshold
        }
        chosen = hand_claims | added | money_added | worry_added | edge_added
        added_by_set = {
            (r.domain, r.pair)
            for r in rows
            if not r.hand_claimed
            and promotable(r)
            and by_set.get((r.domain, r.pair), 0.0) >= threshold
        }
        shipped[f"{threshold:.3f}"] = {
            **counts(rows, chosen),
            "worst": worst(rows, chosen),
            "added": counts(rows, added),
            "added_leaving_out_a_set": counts(rows, added_by_set),
            "money_added": counts(rows, money_added - added),
            "worry_added": counts(rows, worry_added),
            "edge_added": counts(rows, edge_added - added - money_added),
        }
    # The possible links the lead is asked about, within each domain, in each order.
    by_domain: dict[str, list[Row]] = {}
    for row in rows:
        if row.hand_offered and not row.hand_claimed:
            by_domain.setdefault(row.domain, []).append(row)
    order: dict[str, float] = {}
    for name, key in (
        ("hand", lambda r: (r.hand_rank,)),
        ("learned", lambda r: (-score(r),)),
    ):
        asked = [sorted(found, key=key) for found in by_domain.values()]
        per_domain = [average_precision(found) for found in asked if any(r.label for r in found)]
        order[name] = round(sum(per_domain) / len(per_domain), 4)
        order[f"{name}_first"] = sum(r.label for found in asked for r in found[:FIRST])
    order["first_asked"] = sum(len(found[:FIRST]) for found in by_domain.values())
    return {
        "pairs": len(rows),
        "domains": len({r.domain for r in rows}),
        "candidates": sum(r.candidate for r in rows),
        "positives": sum(r.label for r in rows),
        "positives_without_evidence": sum(r.label and not r.candidate for r in rows),
        "hand": {
            "claimed": {**counts(rows, hand_claims), "worst": worst(rows, hand_claims)},
            "offered": {**counts(rows, hand_offers), "worst": worst(rows, hand_offers)},
        },
        "learned": alone,
        "shipped": shipped,
        "offer_order": order,
    }


def load_rows(sets: Sequence[str] = READ_SETS) -> list[Row]:
    """Every pair of every domain of ``sets``, harvested."""
    rows: list[Row] = []
    for name in sets:
        for domain in domains(ROOT / "tests" / "data" / name):
            rows += [replace(row, labelled_set=name) for row in harvest(domain)]
    return rows


def weights_data(rows: Sequence[Row]) -> dict[str, Any]:
    """The weights fitted on every read domain, as the shipped file holds them."""
    x, y = arrays(rows)
    weights = fit(x, y)
    return {
        "about": "Link scorer weights: made by scripts/fit_linker.py --write; do not edit.",
        "sets": list(READ_SETS),
        "penalty": PENALTY,
        "intercept": round(float(weights[0]), 4),
        "weights": {name: round(float(w), 4) for name, w in zip(NAMES, weights[1:], strict=True)},
    }


def edge_text(data: dict[str, Any]) -> str:
    """The edge statistics as the shipped file holds them: one edge a line."""
    head = {k: v for k, v in data.items() if k != "edges"}
    lines = [json.dumps(head, indent=2)[:-2] + ",", '  "edges": [']
    lines.append(",\n".join(f"    {json.dumps(edge)}" for edge in data["edges"]))
    return "\n".join([*lines, "  ]", "}"]) + "\n"


def same_weights(shipped: dict[str, Any], refit: dict[str, Any]) -> bool:
    """Whether two weights files agree: the same sets and features, each weight to rounding."""
    if {k: v for k, v in shipped.items() if k not in ("intercept", "weights")} != {
        k: v for k, v in refit.items() if k not in ("intercept", "weights")
    }:
        return False
    if list(shipped["weights"]) != list(refit["weights"]):
        return False
    pairs = [(shipped["intercept"], refit["intercept"])]
    pairs += [(shipped["weights"][name], refit["weights"][name]) for name in refit["weights"]]
    return all(abs(a - b) <= 2e-4 for a, b in pairs)


def markdown(data: dict[str, Any]) -> str:
    """The LODO table as Markdown."""
    lines = [
        f"{data['domains']} domains, {data['pairs']:,} pairs, {data['candidates']:,} with any "
        f"evidence, {data['positives']} positives ({data['positives_without_evidence']} with "
        "none).",
        "",
        "| decision | right / listed | precision | recall | worst domain (P, R) |",
        "|---|---:|---:|---:|---|",
    ]

    def line(label: str, c: dict[str, Any]) -> str:
        w = c["worst"]
        return (
            f"| {label} | {c['right']} / {c['listed']} | {100 * c['precision']:.0f}% "
            f"| {100 * c['recall']:.0f}% | {w['domain']} ({100 * w['precision']:.0f}%, "
            f"{100 * w['recall']:.0f}%) |"
        )

    lines.append(line("hand rules: claimed (tuning figure)", data["hand"]["claimed"]))
    lines.append(line("hand rules: offered (tuning figure)", data["hand"]["offered"]))
    for threshold, c in data["learned"].items():
        lines.append(line(f"learned alone, LODO, chance >= {threshold}", c))
    for threshold, c in data["shipped"].items():
        added = c["added"]
        whole = c["added_leaving_out_a_set"]
        money = c["money_added"]
        worry = c["worry_added"]
        edge = c["edge_added"]
        lines.append(
            line(
                f"hand claims + learned chain claims >= {threshold} (LODO; added "
                f"{added['right']} right of {added['listed']}; leaving out a whole set, "
                f"{whole['right']} of {whole['listed']}; money links >= {MONEY_CHANCE} "
                f"({BUDGET_CHANCE} to a whole budget) "
                f"{money['right']} of {money['listed']}; rare words on a board worry "
                f"{worry['right']} of {worry['listed']}; trusted edges >= {EDGE_CHANCE} "
                f"{edge['right']} of {edge['listed']})",
                c,
            )
        )
    order = data["offer_order"]
    lines += [
        "",
        "Order of the possible links the lead is asked about (mean average precision over "
        f"the domains, LODO): hand kinds {order['hand']:.2f}, learned chance "
        f"{order['learned']:.2f}; right among the first {FIRST} asked in each domain: hand "
        f"kinds {order['hand_first']}, learned {order['learned_first']} "
        f"(of {order['first_asked']}).",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    rows = load_rows()
    if args.check or args.write:
        data = weights_data(rows)
        edges = edge_data(rows)
        if args.check:
            shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
            if not same_weights(shipped, data):
                print(f"{WEIGHTS} differs from a refit: run scripts/fit_linker.py --write")
                return 1
            if json.loads(EDGE_TRUST.read_text(encoding="utf-8")) != edges:
                print(f"{EDGE_TRUST} differs from a recount: run scripts/fit_linker.py --write")
                return 1
            return 0
        WEIGHTS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        EDGE_TRUST.write_text(edge_text(edges), encoding="utf-8")
    table = report(rows)
    print(json.dumps(table, indent=2) if args.json else markdown(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
