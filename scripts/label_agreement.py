"""How far two labellers agree on which impact-to-objective links are real.

    python scripts/label_agreement.py DIR [DIR ...]        table per domain, then pooled
    python scripts/label_agreement.py DIR --disagreements  also every pair they differ on

Each DIR is a link-evaluation set laid out as ``scripts/eval_links.py`` expects:
one folder per domain with ``facts.yaml``, ``labels.yaml`` (labeller 1) and
``labels-second.yaml`` (labeller 2, written blind to the first). Every
impact x objective pair of a domain is judged by both: a listed link is a
positive, every other pair a negative. For each domain and pooled over all of
them the script prints the number of pairs, each labeller's positives, the
positives they share, raw agreement, Cohen's kappa, and the precision and recall
of labeller 2 taken against labeller 1 as if labeller 1 were the truth.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

FIRST = "labels.yaml"
SECOND = "labels-second.yaml"

Pair = tuple[str, str]


@dataclass(frozen=True)
class Labelled:
    """One domain: every pair that can be judged, and the positives and reasons of each side."""

    name: str
    pairs: frozenset[Pair]
    first: dict[Pair, str]
    second: dict[Pair, str]


@dataclass(frozen=True)
class Agreement:
    """The two-by-two table of two labellers over the same pairs."""

    pairs: int
    first: int
    second: int
    both: int

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(
            self.pairs + other.pairs,
            self.first + other.first,
            self.second + other.second,
            self.both + other.both,
        )

    @property
    def agreed(self) -> int:
        """Pairs both call positive or both call negative."""
        return self.pairs - (self.first - self.both) - (self.second - self.both)

    @property
    def agreement(self) -> float:
        return self.agreed / self.pairs if self.pairs else 1.0

    @property
    def kappa(self) -> float:
        """Cohen's kappa: agreement beyond what two labellers at these rates reach by chance."""
        if not self.pairs:
            return 1.0
        p1, p2 = self.first / self.pairs, self.second / self.pairs
        chance = p1 * p2 + (1 - p1) * (1 - p2)
        if chance == 1.0:
            return 1.0
        return (self.agreement - chance) / (1 - chance)

    @property
    def precision(self) -> float:
        """Share of labeller 2's positives that labeller 1 also lists."""
        return self.both / self.second if self.second else 1.0

    @property
    def recall(self) -> float:
        """Share of labeller 1's positives that labeller 2 also lists."""
        return self.both / self.first if self.first else 1.0


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _positives(path: Path, impacts: list[str], objectives: set[str]) -> dict[Pair, str]:
    raw = _load(path)
    if not isinstance(raw, dict) or set(raw) != set(impacts):
        raise ValueError(f"{path}: must label exactly the impacts {sorted(impacts)}")
    positives: dict[Pair, str] = {}
    for impact, entries in raw.items():
        for entry in entries or []:
            link = str(entry["link"])
            if link not in objectives:
                raise ValueError(f"{path}: {impact}: unknown objective {link!r}")
            positives[(str(impact), link)] = str(entry.get("why", ""))
    return positives


def load(folder: Path) -> Labelled:
    """Read one domain folder's facts and both sets of labels."""
    facts = _load(folder / "facts.yaml")
    impacts = [str(i["id"]) for i in facts["impacts"]]
    objectives = {
        f"{d['id']}.{o['id']}" for d in facts["directors"] for o in d.get("objectives") or []
    }
    pairs = frozenset((i, o) for i in impacts for o in objectives)
    return Labelled(
        folder.name,
        pairs,
        _positives(folder / FIRST, impacts, objectives),
        _positives(folder / SECOND, impacts, objectives),
    )


def compare(domain: Labelled) -> Agreement:
    """The two-by-two table for one domain."""
    first, second = set(domain.first), set(domain.second)
    return Agreement(len(domain.pairs), len(first), len(second), len(first & second))


def row(name: str, a: Agreement) -> str:
    return (
        f"| {name} | {a.pairs} | {a.first} | {a.second} | {a.both} | {a.agreement:.3f}"
        f" | {a.kappa:.3f} | {a.precision:.3f} | {a.recall:.3f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+", type=Path, help="link-evaluation set folders")
    parser.add_argument(
        "--disagreements", action="store_true", help="list every pair the labellers differ on"
    )
    args = parser.parse_args(argv)
    folders = [p.parent for d in args.data for p in sorted(d.glob(f"*/{SECOND}"))]
    if not folders:
        print(f"no */{SECOND} under {', '.join(map(str, args.data))}", file=sys.stderr)
        return 1
    print(
        "| domain | pairs | positives (1) | positives (2) | both | agreement | kappa"
        " | precision of 2 against 1 | recall of 2 against 1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    pooled = Agreement(0, 0, 0, 0)
    domains = [load(f) for f in folders]
    for domain in domains:
        a = compare(domain)
        pooled = pooled + a
        print(row(domain.name, a))
    print(row("**pooled**", pooled))
    if args.disagreements:
        for domain in domains:
            for pair in sorted(set(domain.first) ^ set(domain.second)):
                side = "1 only" if pair in domain.first else "2 only"
                why = domain.first.get(pair) or domain.second.get(pair)
                print(f"{domain.name}\t{side}\t{pair[0]} -> {pair[1]}\t{why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
