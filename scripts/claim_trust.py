"""Demote claims through concepts that were often wrong elsewhere, or that the scorer doubts.

    python scripts/claim_trust.py             Markdown tables
    python scripts/claim_trust.py --json      the same figures as JSON

Measured on the read sets (``fit_linker.READ_SETS``), against the decision as it
ships (:func:`claims`: hand claims, chains held back for their shape from a chance
of 0.9, or 0.7 through trusted edges, money links, rare words on a board worry).
Three demotions to "possible" are tried:

* **concept trust** (a): each measure-map concept a claim goes through (every concept
  of its chain; ``--keys pair`` its two ends as a pair, ``both`` either) has a record
  of the claims made through it, right / claimed, by distinct domain
  (``fit_linker.Tally``). A claim is demoted when one of its keys was claimed in at
  least ``k`` other domains and right less than ``p`` of the time there.
* **scorer veto** (b): a hand-rule claim whose learned chance is below ``q``.
* **both** (c).

Each is scored two ways. **Left out a domain at a time**: a domain's claims are
judged by weights fitted without it and by records that leave it out; every
setting of the grid is shown, so the best row is flattered by the choice.
**Leaving whole sets out, nested**: for each read set, the setting is chosen on the
other sets alone (each of them scored by weights fitted without it and without the
held set, and records leaving both out), by F-beta with beta 0.5 (precision weighed
twice recall), and then applied to the held set, scored by weights and records that
leave the whole set out. A change is kept only when precision rises under the nested
check and F0.5 rises too (docs/linking-evaluation.md, "Trust against claims (branch
linktrust23)").
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_linker import (  # noqa: E402
    Row,
    Tally,
    arrays,
    chances,
    fit,
    load_rows,
    money_chance,
    money_claimable,
    promotable,
    worry_claimable,
)

from pitchkit.recast.scorer import CLAIM_CHANCE, EDGE_CHANCE, trusted_edge  # noqa: E402

Key = tuple[str, tuple[str, str]]
#: The grid: least other domains a key was claimed in, and the precision below which it demotes.
DOMAINS = (1, 2, 3, 4, 5, 6)
PRECISIONS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
#: Chances below which the scorer vetoes a hand-rule claim.
VETOES = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
KEY_KINDS = ("concept", "pair", "both")
BETA = 0.5


def key_of(row: Row) -> Key:
    return (row.domain, row.pair)


def concept_keys(kind: str) -> Callable[[Row], Iterable[Hashable]]:
    """The keys a claim through the map is recorded under: its concepts, its ends, or both."""

    def keys(row: Row) -> list[Hashable]:
        if not row.chain:
            return []
        found: list[Hashable] = []
        if kind in ("concept", "both"):
            found += list(row.chain)
        if kind in ("pair", "both"):
            found.append(("pair", row.chain[0], row.chain[-1]))
        return found

    return keys


def claims(
    rows: Sequence[Row],
    score: Callable[[Row], float],
    edges: Tally,
    left_out: Callable[[Row], Iterable[str]],
) -> set[Key]:
    """The decision as shipped, each row's chance and edge records leaving ``left_out`` out."""
    chosen: set[Key] = set()
    for r in rows:
        s = score(r)
        if (
            r.hand_claimed
            or (promotable(r) and s >= CLAIM_CHANCE)
            or (money_claimable(r) and s >= money_chance(r))
            or worry_claimable(r)
        ):
            chosen.add(key_of(r))
        elif promotable(r) and s >= EDGE_CHANCE:
            out = set(left_out(r))
            steps = list(zip(r.chain[:-1], r.chain[1:], r.parts, strict=True))
            if steps and all(trusted_edge(edges.without(e, out)) for e in steps):
                chosen.add(key_of(r))
    return chosen


class Context:
    """One way of scoring a group of rows: their claims, chances and the records they see."""

    def __init__(
        self,
        rows: Sequence[Row],
        every: Sequence[Row],
        score: Callable[[Row], float],
        left_out: Callable[[Row], Iterable[str]],
    ) -> None:
        edges = Tally.of(every)
        claimed_everywhere = claims(every, score, edges, left_out)
        self.rows = rows
        self.claimed = [r for r in rows if key_of(r) in claimed_everywhere]
        self.every_claimed = claimed_everywhere
        self.positives = sum(r.label for r in rows)
        self.label = np.array([r.label for r in self.claimed], dtype=bool)
        self.chance = np.array([score(r) for r in self.claimed])
        self.hand = np.array([r.hand_claimed for r in self.claimed], dtype=bool)
        # For each key kind and each k, the lowest precision among a claim's keys claimed
        # in at least k other domains (2.0 when none is).
        self.low: dict[str, np.ndarray] = {}
        for kind in KEY_KINDS:
            keys = concept_keys(kind)
            tally = Tally.of(
                every, keys=keys, use=lambda r: key_of(r) in claimed_everywhere and bool(r.chain)
            )
            low = np.full((len(self.claimed), len(DOMAINS)), 2.0)
            for i, r in enumerate(self.claimed):
                out = set(left_out(r))
                for key in set(keys(r)):
                    record = tally.without(key, out)
                    if not record.listed:
                        continue
                    precision = record.right / record.listed
                    for j, least in enumerate(DOMAINS):
                        if record.domains >= least:
                            low[i, j] = min(low[i, j], precision)
            self.low[kind] = low

    def demoted(self, setting: Setting) -> np.ndarray:
        out = np.zeros(len(self.claimed), dtype=bool)
        if setting.kind is not None:
            out |= self.low[setting.kind][:, DOMAINS.index(setting.k)] < setting.p
        if setting.q is not None:
            out |= self.hand & (self.chance < setting.q)
        return out

    def tally(self, setting: Setting) -> tuple[int, int, int, int, int]:
        """Right, claimed and positives after ``setting``; and right, wrong demoted."""
        down = self.demoted(setting)
        kept = ~down
        return (
            int(self.label[kept].sum()),
            int(kept.sum()),
            self.positives,
            int(self.label[down].sum()),
            int((~self.label[down]).sum()),
        )


class Setting:
    """One setting of the grid: concept trust (kind, k, p), a veto below q, or both."""

    def __init__(
        self,
        kind: str | None = None,
        k: int = 0,
        p: float = 0.0,
        q: float | None = None,
    ) -> None:
        self.kind, self.k, self.p, self.q = kind, k, p, q

    @property
    def family(self) -> str:
        if self.kind is None:
            return "none" if self.q is None else "veto"
        return "concept" if self.q is None else "both"

    def __str__(self) -> str:
        parts = []
        if self.kind is not None:
            parts.append(f"{self.kind} k={self.k} p={self.p}")
        if self.q is not None:
            parts.append(f"veto q={self.q}")
        return ", ".join(parts) or "none"


def grid() -> list[Setting]:
    concept = [
        Setting(kind, k, p) for kind, k, p in itertools.product(KEY_KINDS, DOMAINS, PRECISIONS)
    ]
    veto = [Setting(q=q) for q in VETOES]
    both = [Setting(c.kind, c.k, c.p, v.q) for c in concept for v in veto]
    return [Setting(), *concept, *veto, *both]


def f_beta(right: int, claimed: int, positives: int) -> float:
    p = right / claimed if claimed else 0.0
    r = right / positives if positives else 0.0
    b2 = BETA * BETA
    return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def figures(right: int, claimed: int, positives: int) -> dict[str, Any]:
    return {
        "right": right,
        "claimed": claimed,
        "positives": positives,
        "precision": round(right / claimed, 4) if claimed else 0.0,
        "recall": round(right / positives, 4) if positives else 0.0,
        "f05": round(f_beta(right, claimed, positives), 4),
    }


def scores_leaving(
    rows: Sequence[Row], group: Callable[[Row], str], extra: Callable[[Row], bool] | None = None
) -> dict[Key, float]:
    """Each candidate row's chance from weights fitted without its group (and ``extra`` rows)."""
    result: dict[Key, float] = {}
    for held in sorted({group(r) for r in rows}):
        train = [r for r in rows if group(r) != held and not (extra and extra(r))]
        test = [r for r in rows if group(r) == held and r.candidate]
        if not test:
            continue
        weights = fit(*arrays(train))
        got = chances(weights, np.array([r.features for r in test], dtype=float))
        result.update({key_of(r): float(s) for r, s in zip(test, got, strict=True)})
    return result


def report(rows: Sequence[Row]) -> dict[str, Any]:
    settings = grid()
    sets = sorted({r.labelled_set for r in rows})
    members = {s: {r.domain for r in rows if r.labelled_set == s} for s in sets}

    # Left out a domain at a time: every setting.
    by_domain = scores_leaving(rows, lambda r: r.domain)
    lodo = Context(rows, rows, lambda r: by_domain.get(key_of(r), 0.0), lambda r: (r.domain,))
    lodo_table = {str(s): lodo.tally(s) for s in settings}

    # Whole sets out: every setting (flattered), and nested.
    by_set = scores_leaving(rows, lambda r: r.labelled_set)
    whole = Context(
        rows,
        rows,
        lambda r: by_set.get(key_of(r), 0.0),
        lambda r: members[r.labelled_set],
    )
    whole_table = {str(s): whole.tally(s) for s in settings}

    nested: dict[str, list[int]] = {}
    chosen_by_set: dict[str, dict[str, str]] = {}
    families = ("concept", "veto", "both")
    for family in families:
        nested[family] = [0, 0, 0, 0, 0]
    nested["none"] = [0, 0, 0, 0, 0]
    for held in sets:
        others = [r for r in rows if r.labelled_set != held]
        inner = scores_leaving(others, lambda r: r.labelled_set)
        choose = Context(
            others,
            others,
            lambda r, inner=inner: inner.get(key_of(r), 0.0),  # type: ignore[misc]
            lambda r, held=held: members[held] | members[r.labelled_set],  # type: ignore[misc]
        )
        mine = [r for r in rows if r.labelled_set == held]
        apply = Context(
            mine,
            rows,
            lambda r: by_set.get(key_of(r), 0.0),
            lambda r, held=held: members[held],  # type: ignore[misc]
        )
        picks: dict[str, str] = {}
        for family in families:
            candidates = [s for s in settings if s.family in (family, "none")]
            best = max(candidates, key=lambda s: (f_beta(*choose.tally(s)[:3]), s.family == "none"))
            picks[family] = str(best)
            got = apply.tally(best)
            nested[family] = [a + b for a, b in zip(nested[family], got, strict=True)]
        got = apply.tally(Setting())
        nested["none"] = [a + b for a, b in zip(nested["none"], got, strict=True)]
        chosen_by_set[held] = picks

    nested_domains = nested_by_domain(rows, lodo, settings)

    def table(found: dict[str, tuple[int, ...]]) -> list[dict[str, Any]]:
        return [
            {"setting": name, **figures(*t[:3]), "demoted_right": t[3], "demoted_wrong": t[4]}
            for name, t in found.items()
        ]

    return {
        "sets": len(sets),
        "domains": len({r.domain for r in rows}),
        "lodo": table(lodo_table),
        "whole_sets": table(whole_table),
        "nested": {
            family: {**figures(*t[:3]), "demoted_right": t[3], "demoted_wrong": t[4]}
            for family, t in nested.items()
        },
        "nested_choices": chosen_by_set,
        "nested_domains": {
            family: {**figures(*t[:3]), "demoted_right": t[3], "demoted_wrong": t[4]}
            for family, t in nested_domains.items()
        },
        "concept_records": concept_records(rows, by_domain),
    }


def nested_by_domain(
    rows: Sequence[Row], lodo: Context, settings: Sequence[Setting]
) -> dict[str, list[int]]:
    """The nested check a domain at a time: the setting chosen without the held domain.

    The claims and chances are those left out a domain at a time (``lodo``); the
    records a claim of another domain is judged by, when choosing, leave out both its
    own domain and the held one, and the held domain's claims are judged by records
    leaving it out. (The chances of the other domains' claims come from fits that saw
    the held domain: a small leak, towards the change.)
    """
    claimed = lodo.every_claimed
    tallies = {
        kind: Tally.of(
            rows, keys=concept_keys(kind), use=lambda r: key_of(r) in claimed and bool(r.chain)
        )
        for kind in KEY_KINDS
    }
    families = ("concept", "veto", "both")
    total = {family: [0, 0, 0, 0, 0] for family in (*families, "none")}
    by_domain: dict[str, list[Row]] = {}
    for r in rows:
        by_domain.setdefault(r.domain, []).append(r)
    for held in sorted(by_domain):
        # The other domains' lowest precisions with the held domain also left out.
        low = {kind: lodo.low[kind].copy() for kind in KEY_KINDS}
        touched = {key for kind in KEY_KINDS for key in tallies[kind].by_domain.get(held, {})}
        for i, r in enumerate(lodo.claimed):
            if r.domain == held or not r.chain:
                continue
            for kind in KEY_KINDS:
                keys = set(concept_keys(kind)(r))
                if not keys & touched:
                    continue
                row_low = np.full(len(DOMAINS), 2.0)
                for key in keys:
                    record = tallies[kind].without(key, {r.domain, held})
                    if not record.listed:
                        continue
                    precision = record.right / record.listed
                    for j, least in enumerate(DOMAINS):
                        if record.domains >= least:
                            row_low[j] = min(row_low[j], precision)
                low[kind][i] = row_low
        mask = np.array([r.domain != held for r in lodo.claimed], dtype=bool)
        mine = np.array([r.domain == held for r in lodo.claimed], dtype=bool)
        positives_out = lodo.positives - sum(r.label for r in by_domain[held])
        positives_in = sum(r.label for r in by_domain[held])

        def result(
            setting: Setting,
            where: np.ndarray,
            positives: int,
            low: dict[str, np.ndarray] = low,
        ) -> tuple[int, ...]:
            down = np.zeros(len(lodo.claimed), dtype=bool)
            if setting.kind is not None:
                down |= low[setting.kind][:, DOMAINS.index(setting.k)] < setting.p
            if setting.q is not None:
                down |= lodo.hand & (lodo.chance < setting.q)
            kept = where & ~down
            gone = where & down
            return (
                int(lodo.label[kept].sum()),
                int(kept.sum()),
                positives,
                int(lodo.label[gone].sum()),
                int((~lodo.label[gone]).sum()),
            )

        for family in families:
            candidates = [s for s in settings if s.family in (family, "none")]
            best = max(
                candidates,
                key=lambda s: (f_beta(*result(s, mask, positives_out)[:3]), s.family == "none"),
            )
            got = result(best, mine, positives_in)
            total[family] = [a + b for a, b in zip(total[family], got, strict=True)]
        got = result(Setting(), mine, positives_in)
        total["none"] = [a + b for a, b in zip(total["none"], got, strict=True)]
    return total


def concept_records(rows: Sequence[Row], scores: dict[Key, float]) -> list[dict[str, Any]]:
    """Every concept's claims on the read sets (chances left out a domain at a time)."""
    claimed = claims(
        rows, lambda r: scores.get(key_of(r), 0.0), Tally.of(rows), lambda r: (r.domain,)
    )
    tally = Tally.of(rows, keys=concept_keys("concept"), use=lambda r: key_of(r) in claimed)
    found = []
    for key, (listed, right, domains, right_domains) in tally.total.items():
        found.append(
            {
                "concept": key,
                "claimed": listed,
                "right": right,
                "domains": domains,
                "right_domains": right_domains,
            }
        )
    return sorted(found, key=lambda e: (e["right"] / e["claimed"], -e["claimed"]))


def best_rows(found: list[dict[str, Any]], family: str, n: int = 6) -> list[dict[str, Any]]:
    picked = [e for e in found if grid_family(e["setting"]) == family]
    return sorted(picked, key=lambda e: -e["f05"])[:n]


def grid_family(name: str) -> str:
    if name == "none":
        return "none"
    has_concept = any(name.startswith(kind) for kind in KEY_KINDS)
    has_veto = "veto" in name
    return "both" if has_concept and has_veto else ("concept" if has_concept else "veto")


def pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def markdown(data: dict[str, Any]) -> str:
    lines = [f"{data['sets']} read sets, {data['domains']} domains.", ""]

    def line(label: str, e: dict[str, Any]) -> str:
        extra = ""
        if "demoted_right" in e:
            extra = f" | {e['demoted_right']} / {e['demoted_wrong']}"
        return (
            f"| {label} | {e['right']} / {e['claimed']} | {pct(e['precision'])} | "
            f"{pct(e['recall'])} | {e['f05']:.4f}{extra} |"
        )

    for title, name in (
        ("Left out a domain at a time (best settings of each kind; flattered)", "lodo"),
        ("Leaving whole sets out (best settings of each kind; flattered)", "whole_sets"),
    ):
        found = data[name]
        lines += [
            f"### {title}",
            "",
            "| setting | right / claimed | precision | recall | F0.5 | demoted right / wrong |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        lines.append(line("none (as shipped)", next(e for e in found if e["setting"] == "none")))
        for family in ("concept", "veto", "both"):
            for e in best_rows(found, family, 4):
                lines.append(line(e["setting"], e))
        lines.append("")
    lines += [
        "### Nested: setting chosen on the other sets by F0.5, applied to the held set",
        "",
        "| change | right / claimed | precision | recall | F0.5 | demoted right / wrong |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for family in ("none", "concept", "veto", "both"):
        lines.append(line(family, data["nested"][family]))
    lines += [
        "",
        "### Nested a domain at a time: setting chosen without the held domain",
        "",
        "| change | right / claimed | precision | recall | F0.5 | demoted right / wrong |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for family in ("none", "concept", "veto", "both"):
        lines.append(line(family, data["nested_domains"][family]))
    lines += ["", "Settings chosen, by held set:", ""]
    for held, picks in data["nested_choices"].items():
        lines.append(f"- {held}: " + "; ".join(f"{f}: {s}" for f, s in picks.items()))
    lines += [
        "",
        "### Concepts claimed through most often wrong (claimed in 3+ domains)",
        "",
        "| concept | right / claimed | domains (right in) |",
        "|---|---:|---:|",
    ]
    for e in data["concept_records"]:
        if e["domains"] >= 3 and e["right"] / e["claimed"] < 0.7:
            lines.append(
                f"| {e['concept']} | {e['right']} / {e['claimed']} | "
                f"{e['domains']} ({e['right_domains']}) |"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    data = report(load_rows())
    print(json.dumps(data, indent=2) if args.json else markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
