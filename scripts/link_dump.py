"""Every link the linker lists on labelled sets, with its label, as JSON lines; and their totals.

    python scripts/link_dump.py dump OUT.jsonl linkeval-blind70 linkeval-blind71 ...
    python scripts/link_dump.py score OUT.jsonl [SET ...]

``dump`` runs the linker in this process (``pitchkit.api.rank``, what
``pitchkit directors --json`` prints), two domains at a time, so every labelled
set is dumped in seconds rather than the minutes ``eval_links.py`` takes
through the command line. Each line is one listed link (its confidence, score,
chain, reason and doubt, and whether it is labelled right), or one labelled link
the linker did not list (``unlisted``), or one line per domain with its pair
count (``meta``). Run it from the tree whose code is to be scored, with
``PYTHONPATH=src``, so a copy of an earlier commit scores its own linker.

``score`` prints, per set and in all, claimed right / claimed, recall, and the
share of true links listed at all (claimed or offered), the figures
docs/linking-evaluation.md reports. Compare two dumps to see which claims a
change moved, by count, without reading the pairs of a held-out set.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def domain_rows(folder: str) -> list[dict[str, Any]]:
    """The rows of one domain: each listed link, each unlisted right link, and its size."""
    import eval_links as ev

    from pitchkit.api import RankRequest, rank

    domain = ev.load_domain(Path(folder))
    ranking = rank(RankRequest(domain.facts, None, None)).to_json()
    where = {"set": Path(folder).parent.name, "domain": domain.name}
    rows: list[dict[str, Any]] = []
    listed = set()
    for link in ev.parse_links(ranking):
        pair = (link.impact, link.objective)
        listed.add(pair)
        rows.append(
            {
                **where,
                "impact": link.impact,
                "objective": link.objective,
                "label": pair in domain.positives,
                "claimed": link.confidence in ev.CLAIMED_CONFIDENCE,
                "confidence": link.confidence,
                "score": link.score,
                "chain": list(link.chain),
                "reason": link.reason,
                "doubt": link.doubt,
            }
        )
    for impact, objective in domain.positives:
        if (impact, objective) not in listed:
            rows.append(
                {**where, "impact": impact, "objective": objective, "label": True}
                | {"claimed": False, "unlisted": True}
            )
    rows.append({**where, "meta": True, "pairs": len(domain.impacts) * len(domain.objectives)})
    return rows


def dump(out: Path, sets: Sequence[str]) -> None:
    """Write every row of every domain of ``sets`` (folders under tests/data) to ``out``."""
    folders = [
        str(path.parent)
        for name in sets
        for path in sorted((Path("tests/data") / name).glob("*/labels.yaml"))
    ]
    with ProcessPoolExecutor(2) as pool, out.open("w", encoding="utf-8") as file:
        for rows in pool.map(domain_rows, folders, chunksize=4):
            file.writelines(json.dumps(row) + "\n" for row in rows)


def totals(rows: Iterable[dict[str, Any]]) -> str:
    """Claimed right / claimed, recall and share listed, of ``rows``."""
    links = [row for row in rows if not row.get("meta")]
    positives = sum(1 for row in links if row["label"])
    claimed = [row for row in links if row["claimed"]]
    right = sum(1 for row in claimed if row["label"])
    listed = sum(1 for row in links if row["label"] and not row.get("unlisted"))
    return (
        f"{right}/{len(claimed)} ({100 * right / max(1, len(claimed)):.1f}%) "
        f"recall {100 * right / max(1, positives):.1f}% "
        f"listed {100 * listed / max(1, positives):.1f}% of {positives} positives"
    )


def score(dumped: Path, sets: Sequence[str]) -> None:
    """Print the totals of ``dumped`` per set and in all (only ``sets``, when given)."""
    by_set: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in dumped.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not sets or row["set"] in sets:
            by_set[row["set"]].append(row)
    for name in sorted(by_set, key=lambda name: (len(name), name)):
        print(name, totals(by_set[name]))
    print("all", totals(row for rows in by_set.values() for row in rows))


def main(argv: Sequence[str]) -> int:
    """``dump OUT SET...`` or ``score DUMP [SET...]``."""
    if len(argv) < 2 or argv[0] not in {"dump", "score"}:
        print(__doc__)
        return 2
    if argv[0] == "dump":
        dump(Path(argv[1]), argv[2:])
    else:
        score(Path(argv[1]), argv[2:])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
