"""The scorer's claim thresholds judged on the first looks, each set left out of the fit in turn.

    python scripts/claim_curve.py            Markdown tables
    python scripts/claim_curve.py --json     the same figures as JSON

The first looks are the sets written blind after the scorer was built
(:data:`FIRST_LOOKS`, blind12 to blind24). Each is scored by weights fitted on
the read sets (``fit_linker.READ_SETS``) without it, so none is scored by a fit
that saw it, and the claims are the shipped decision
(:func:`pitchkit.recast.scorer.decide`) at each threshold: the hand rules'
claims, map chains held back for their shape from the chain threshold,
links with the impact's cash against a financial objective from the money
threshold (against a whole-budget aim, a CIP or financial balance, from the
budget threshold), and rare shared words on a board worry (no threshold). A
threshold is worth moving only if the pooled precision on the first looks
does not fall (docs/linking-evaluation.md, "The claim-recall pass" and "The
second claim-recall pass (session 14)").
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from fit_linker import (  # noqa: E402
    CLAIM_THRESHOLDS,
    READ_SETS,
    Row,
    held_out_scores,
    load_rows,
    money_claimable,
    promotable,
    worry_claimable,
)

from pitchkit.recast.scorer import BUDGET_CHANCE, CLAIM_CHANCE, MONEY_CHANCE  # noqa: E402

#: The sets scored blind after the scorer was built, in the order they were written.
FIRST_LOOKS = tuple(f"linkeval-blind{n}" for n in range(12, 25))
#: The blocks the first looks are reported in: all of them, the sets read by the passes so
#: far (blind12-22), and the two only scored (blind23-24).
BLOCKS = {
    "blind12-24": FIRST_LOOKS,
    "blind12-22": FIRST_LOOKS[:11],
    "blind23-24": FIRST_LOOKS[11:],
}
MONEY_THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9, 1.01)
BUDGET_THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)

Key = tuple[str, tuple[str, str]]


def left_out_scores(rows: Sequence[Row]) -> dict[Key, float]:
    """Each first-look pair's chance from weights fitted on the read sets without its set."""
    result: dict[Key, float] = {}
    for held in FIRST_LOOKS:
        train = [r for r in rows if r.labelled_set in READ_SETS and r.labelled_set != held]
        result.update(held_out_scores(train, [r for r in rows if r.labelled_set == held]))
    return result


def claimed(
    rows: Sequence[Row],
    scores: dict[Key, float],
    chain_at: float,
    money_at: float,
    budget_at: float = BUDGET_CHANCE,
) -> dict[str, int]:
    """Right, claimed and positives of ``rows`` under the shipped decision at three thresholds.

    Money links to a whole-budget aim are claimed from ``budget_at`` (or ``money_at``
    when that is lower), other money links from ``money_at``.
    """

    def money_from(row: Row) -> float:
        return min(budget_at, money_at) if row.budget else money_at

    def score(row: Row) -> float:
        return scores.get((row.domain, row.pair), 0.0)

    said = [
        r
        for r in rows
        if r.hand_claimed
        or (not r.hand_claimed and promotable(r) and score(r) >= chain_at)
        or (money_claimable(r) and score(r) >= money_from(r))
        or worry_claimable(r)
    ]
    return {
        "right": sum(r.label for r in said),
        "claimed": len(said),
        "positives": sum(r.label for r in rows),
    }


def curve(rows: Sequence[Row]) -> dict[str, Any]:
    """The claimed figures of each block by chain threshold and by money threshold."""
    scores = left_out_scores(rows)
    result: dict[str, Any] = {"chain": {}, "money": {}, "budget": {}}
    for name, sets in BLOCKS.items():
        block = [r for r in rows if r.labelled_set in sets]
        result["chain"][name] = {
            f"{t:.3f}": claimed(block, scores, t, MONEY_CHANCE) for t in CLAIM_THRESHOLDS
        }
        result["money"][name] = {
            f"{m:.3f}": claimed(block, scores, CLAIM_CHANCE, m, 1.01) for m in MONEY_THRESHOLDS
        }
        result["budget"][name] = {
            f"{b:.3f}": claimed(block, scores, CLAIM_CHANCE, MONEY_CHANCE, b)
            for b in BUDGET_THRESHOLDS
        }
    return result


def markdown(data: dict[str, Any]) -> str:
    """The two curves as Markdown tables, one column per block."""
    lines: list[str] = []
    for kind, fixed in (
        ("chain", f"money links from {MONEY_CHANCE}, to a whole budget from {BUDGET_CHANCE}"),
        ("money", f"chains from {CLAIM_CHANCE}, the same threshold for a whole budget"),
        ("budget", f"chains from {CLAIM_CHANCE}, other money links from {MONEY_CHANCE}"),
    ):
        names = list(data[kind])
        lines += [
            f"Claimed by {kind} threshold ({fixed}); right / claimed (precision, recall):",
            "",
            "| threshold | " + " | ".join(names) + " |",
            "|---|" + "---:|" * len(names),
        ]
        for threshold in data[kind][names[0]]:
            cells = []
            for name in names:
                c = data[kind][name][threshold]
                p = c["right"] / c["claimed"] if c["claimed"] else 0.0
                r = c["right"] / c["positives"] if c["positives"] else 0.0
                cells.append(f"{c['right']} / {c['claimed']} ({100 * p:.1f}%, R {100 * r:.1f}%)")
            shown = "never" if float(threshold) > 1 else threshold
            lines.append(f"| {shown} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    sets = tuple(dict.fromkeys((*READ_SETS, *FIRST_LOOKS)))
    data = curve(load_rows(sets))
    print(json.dumps(data, indent=2) if args.json else markdown(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
