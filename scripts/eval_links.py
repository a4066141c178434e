"""Score pitchkit's impact-to-objective links against the held-out labelled set.

    python scripts/eval_links.py                 Markdown table (make eval)
    python scripts/eval_links.py --json          the same figures as JSON
    python scripts/eval_links.py --data DIR      another set laid out the same way
    python scripts/eval_links.py --errors        every wrong claim and every miss, by domain
    python scripts/eval_links.py --data A --data B   each set, then all pooled (make eval)
    python scripts/eval_links.py --lodo          also the learned scorer, left out a domain
                                                 at a time on the read sets (make eval)

Each domain is a folder with ``facts.yaml`` (a project, its impacts and a team
of directors with objectives, no ``supports:``) and ``labels.yaml`` (for every
impact id, the ``director.objective`` links it truly supports, each with a
``why``). Every impact x objective pair of a domain is scored: a labelled link
is a positive, every other pair a negative.

The linker is run through the CLI exactly as a user would run it
(``pitchkit directors FACTS --json``). A listed link counts as *claimed* when
its ``confidence`` is ``explicit`` or ``confident``, or, for a linker that does
not report confidence, whenever it is listed.

Three sets of figures:

* **as shipped** -- the claims the linker makes with its own settings;
* **offered** -- every pair the linker lists at all, claimed or possible:
  what ``pitchkit link`` puts before the lead to accept or reject. Each
  listed link that is not claimed is also counted by its *shape*, the rule
  that made it possible (a cause in its chain, another quantity of the same
  topic, a topic or instrument name, an objective of a year the project
  delivers nothing in, shared words or themes only, money);
* **leave-one-domain-out (LODO)** -- the link score is treated as the one
  tunable threshold: for each domain, the threshold that maximises micro F1 on
  all the *other* domains is applied to the held-out one (a listed link of any
  confidence is claimed when its score reaches the threshold). The LODO totals
  add up the held-out results, so no domain is scored with a threshold tuned
  on it.

``--lodo`` adds the learned link scorer's own leave-one-domain-out table
(``scripts/fit_linker.py``): on every domain of the read sets
(``fit_linker.READ_SETS``, every set up to blind70; never blind71 on, whatever
``--data`` says), its weights fitted on all the other domains, against the hand
rules on the same pairs.
"""

from __future__ import annotations

import argparse
import json
import math
import shlex
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args

from ruamel.yaml import YAML

from pitchkit.recast.quantity import Mismatch

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "linkeval"
CLAIMED_CONFIDENCE = frozenset({"explicit", "confident"})

#: impact id, "director.objective"
Pair = tuple[str, str]


@dataclass(frozen=True)
class Link:
    """One link as the linker listed it."""

    impact: str
    objective: str  # director.objective
    score: float
    confidence: str | None  # None when the linker does not report it
    chain: tuple[str, ...] = ()  # the measure map's concepts, first to last
    reason: str | None = None  # map, words, themes, value, explicit
    doubt: str | None = None  # why a map chain is only possible (cause, topic, time ...)
    explanation: str = ""

    @property
    def claimed(self) -> bool:
        """Whether the linker claims it with its own settings."""
        return self.confidence is None or self.confidence in CLAIMED_CONFIDENCE

    @property
    def shape(self) -> str:
        """``claimed``, or the rule that made the link only possible (see :data:`SHAPES`)."""
        if self.claimed:
            return "claimed"
        doubt = self.doubt or _doubt_from_text(self.explanation)
        if doubt == "year":
            return "year"
        if self.chain and doubt:
            return f"quantity ({doubt})" if doubt in QUANTITY_DOUBTS else doubt
        if self.chain:
            return "map, other"
        if self.reason in {"words", "themes", "value"}:
            return str(self.reason)
        return "other"


#: Why a map chain is only possible because the objective measures another quantity: every
#: rule :func:`pitchkit.recast.quantity.mismatch` can name (a copy of the list here had missed
#: pass 38's "level", so those links were counted as "other"), time first as the report had it.
QUANTITY_DOUBTS = ("time", *(doubt for doubt in get_args(Mismatch) if doubt != "time"))
#: Every shape a listed link can have, in the order the report gives them.
SHAPES = (
    "claimed",
    "cause",
    "broad",
    *(f"quantity ({doubt})" for doubt in QUANTITY_DOUBTS),
    "topic",
    "instrument",
    "aside",
    "event",
    "reason",
    "payer",
    "who",
    "where",
    "kind",
    "crowd",
    "qualifier",
    "goods",
    "spent",
    "paid",
    "odds",
    "floor",
    "subset",
    "harm",
    "reported",
    "plan",
    "year",
    "map, other",
    "words",
    "themes",
    "value",
    "other",
)
#: For a linker whose JSON gives no ``doubt``: the English reason it prints for each.
_DOUBT_WORDS = (
    ("year", "delivers nothing in the financial year"),
    ("cause", "a likely cause"),
    ("broad", "about a whole area"),
    ("topic", "only as an area of care or work"),
    ("instrument", "only as what a survey"),
    ("aside", "names it only in brackets"),
    ("event", "only as the event its count is taken"),
    ("reason", "only as what the things it counts are done for"),
    ("mix", "one side is how a whole amount is divided"),
    ("time", "the objective is a time or a wait"),
    ("gap", "the objective is a gap between groups"),
    ("money", "the objective is a sum of money"),
    ("process", "the objective is a step of care"),
    ("spend", "the impact is a sum of money, and the objective counts"),
    ("work", "the impact is staff time spent on it"),
    ("handled", "how soon each one is answered or dealt with"),
    ("step", "the impact counts a step of care done to each of them"),
    ("used", "the share of planned slots, lists or time used"),
    ("trained", "one side counts staff trained or training done"),
    ("reported", "the objective is a report to make"),
    ("kind", "pitchkit claims links of this kind only when you confirm them"),
    ("crowd", "several of the project's impacts and objectives name this same concept"),
    ("odds", "links like this one were right less often than not"),
    ("floor", "links it rated that low were right less than two times"),
    ("qualifier", "names this concept only to describe another measure it counts"),
    ("payer", "paid from another budget than the one the objective is about"),
    ("who", "while the objective counts"),
)


def _doubt_from_text(explanation: str) -> str | None:
    for doubt, words in _DOUBT_WORDS:
        if words in explanation:
            return doubt
    return None


@dataclass
class Domain:
    """One labelled project: every pair, the positives among them, and the linker's links."""

    name: str
    facts: Path
    impacts: list[str]
    objectives: list[str]
    positives: dict[Pair, str]  # pair -> why
    links: list[Link] = field(default_factory=list)

    @property
    def pairs(self) -> int:
        return len(self.impacts) * len(self.objectives)


@dataclass(frozen=True)
class Counts:
    """Confusion counts over a set of pairs."""

    pairs: int
    positives: int
    claimed: int
    tp: int

    @property
    def fp(self) -> int:
        return self.claimed - self.tp

    @property
    def fn(self) -> int:
        return self.positives - self.tp

    @property
    def precision(self) -> float:
        return self.tp / self.claimed if self.claimed else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.positives if self.positives else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.pairs + other.pairs,
            self.positives + other.positives,
            self.claimed + other.claimed,
            self.tp + other.tp,
        )


ZERO = Counts(0, 0, 0, 0)


def count(pairs: int, positives: Iterable[Pair], claimed: Iterable[Pair]) -> Counts:
    """Counts for one domain: ``claimed`` pairs against the labelled ``positives``."""
    truth = set(positives)
    said = set(claimed)
    return Counts(pairs=pairs, positives=len(truth), claimed=len(said), tp=len(truth & said))


def total(counts: Iterable[Counts]) -> Counts:
    """Micro total: the counts added up."""
    result = ZERO
    for item in counts:
        result = result + item
    return result


# -- loading -------------------------------------------------------------------------


class LabelError(ValueError):
    """A labels.yaml that does not match its facts.yaml."""


def load_domain(folder: Path) -> Domain:
    """Read one domain, checking that every label names a real impact and objective."""
    from pitchkit.facts.schema import load_facts

    facts_path = folder / "facts.yaml"
    labels_path = folder / "labels.yaml"
    facts = load_facts(facts_path).facts
    impacts = [impact.id for impact in facts.impacts]
    objectives = [f"{d.id}.{o.id}" for d in facts.directors for o in d.objectives]
    for impact in facts.impacts:
        if impact.supports:
            raise LabelError(f"{facts_path}: impact {impact.id!r} has supports:, remove it")
    raw = YAML(typ="safe").load(labels_path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise LabelError(f"{labels_path}: expected a mapping of impact id to links")
    missing = [i for i in impacts if i not in raw]
    unknown = [str(i) for i in raw if i not in impacts]
    if missing or unknown:
        raise LabelError(
            f"{labels_path}: impacts not labelled {missing}, unknown impacts {unknown}"
        )
    positives: dict[Pair, str] = {}
    for impact, entries in raw.items():
        for entry in entries or []:
            link, why = entry.get("link"), entry.get("why")
            if link not in objectives:
                raise LabelError(f"{labels_path}: {impact}: unknown objective {link!r}")
            if not why:
                raise LabelError(f"{labels_path}: {impact} -> {link}: give a 'why'")
            if (impact, link) in positives:
                raise LabelError(f"{labels_path}: {impact} -> {link} is listed twice")
            positives[(impact, link)] = str(why)
    return Domain(folder.name, facts_path, impacts, objectives, positives)


def domains(data: Path) -> list[Domain]:
    """Every domain folder under ``data``, by name."""
    return [load_domain(p.parent) for p in sorted(data.glob("*/labels.yaml"))]


def parse_links(ranking: Mapping[str, Any]) -> list[Link]:
    """The links of ``pitchkit directors --json`` output."""
    links: list[Link] = []
    for place in ranking.get("directors", []):
        director = place["id"]
        for item in place.get("links", []):
            objective = str(item["objective"])
            if not objective.startswith(f"{director}."):
                objective = f"{director}.{objective}"
            links.append(
                Link(
                    impact=str(item["impact"]),
                    objective=objective,
                    score=float(item.get("score") or 0.0),
                    confidence=item.get("confidence"),
                    chain=tuple(str(label) for label in item.get("chain") or ()),
                    reason=item.get("reason"),
                    doubt=item.get("doubt"),
                    explanation=str(item.get("explanation") or ""),
                )
            )
    return links


def run_linker(facts: Path, command: Sequence[str]) -> list[Link]:
    """Run ``pitchkit directors FACTS --json`` and read its links."""
    done = subprocess.run(
        [*command, "directors", str(facts), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pitchkit directors {facts} failed: {done.stderr.strip()}")
    return parse_links(json.loads(done.stdout))


# -- scoring -------------------------------------------------------------------------


def shipped(domain: Domain) -> Counts:
    """The domain scored on what the linker claims with its own settings."""
    claimed = {(link.impact, link.objective) for link in domain.links if link.claimed}
    return count(domain.pairs, domain.positives, claimed)


def offered(domain: Domain) -> Counts:
    """The domain scored on every pair the linker lists, claimed or possible."""
    listed = {(link.impact, link.objective) for link in domain.links}
    return count(domain.pairs, domain.positives, listed)


@dataclass(frozen=True)
class Shape:
    """How many listed links had one shape, and how many of them were labelled true."""

    listed: int = 0
    tp: int = 0

    def __add__(self, other: Shape) -> Shape:
        return Shape(self.listed + other.listed, self.tp + other.tp)


def shapes(domain: Domain) -> dict[str, Shape]:
    """The domain's listed links counted by shape (claimed, or why only possible)."""
    result = {name: Shape() for name in SHAPES}
    seen: set[Pair] = set()
    for link in domain.links:
        pair = (link.impact, link.objective)
        if pair in seen:
            continue
        seen.add(pair)
        shape = link.shape if link.shape in result else "other"
        result[shape] = result[shape] + Shape(1, int(pair in domain.positives))
    return result


def unlisted(domain: Domain) -> int:
    """How many labelled links the linker did not list at all."""
    listed = {(link.impact, link.objective) for link in domain.links}
    return len(set(domain.positives) - listed)


def at_threshold(domain: Domain, threshold: float) -> Counts:
    """The domain scored claiming every listed link whose score reaches ``threshold``."""
    claimed = {(ln.impact, ln.objective) for ln in domain.links if ln.score >= threshold}
    return count(domain.pairs, domain.positives, claimed)


def best_threshold(train: Sequence[Domain]) -> float:
    """The score threshold with the highest micro F1 on ``train`` (ties: the higher one)."""
    candidates = sorted({link.score for d in train for link in d.links} | {math.inf})
    best, best_f1 = math.inf, -1.0
    for threshold in candidates:
        f1 = total(at_threshold(d, threshold) for d in train).f1
        if f1 >= best_f1:
            best, best_f1 = threshold, f1
    return best


@dataclass(frozen=True)
class Held:
    """One domain's leave-one-domain-out result."""

    threshold: float
    counts: Counts


def lodo(all_domains: Sequence[Domain]) -> dict[str, Held]:
    """Each domain scored at the threshold tuned on all the others."""
    result: dict[str, Held] = {}
    for held in all_domains:
        train = [d for d in all_domains if d.name != held.name]
        threshold = best_threshold(train)
        result[held.name] = Held(threshold, at_threshold(held, threshold))
    return result


# -- report --------------------------------------------------------------------------


def figures(all_domains: Sequence[Domain]) -> dict[str, Any]:
    """Every figure of the report as plain data."""
    as_shipped = {d.name: shipped(d) for d in all_domains}
    as_offered = {d.name: offered(d) for d in all_domains}
    by_shape = {d.name: shapes(d) for d in all_domains}
    held = lodo(all_domains)

    def row(c: Counts) -> dict[str, Any]:
        return {
            "pairs": c.pairs,
            "positives": c.positives,
            "claimed": c.claimed,
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
            "precision": round(c.precision, 4),
            "recall": round(c.recall, 4),
            "f1": round(c.f1, 4),
        }

    def offer_row(c: Counts) -> dict[str, Any]:
        return {
            "listed": c.claimed,
            "tp": c.tp,
            "precision": round(c.precision, 4),
            "recall": round(c.recall, 4),
        }

    def shape_rows(counted: Mapping[str, Shape]) -> dict[str, Any]:
        return {
            name: {
                "listed": shape.listed,
                "tp": shape.tp,
                "precision": round(shape.tp / shape.listed, 4) if shape.listed else None,
            }
            for name, shape in counted.items()
            if shape.listed
        }

    def worst(by_name: Mapping[str, Counts]) -> dict[str, Any]:
        name = min(by_name, key=lambda n: (by_name[n].f1, n))
        return {"domain": name, **row(by_name[name])}

    lodo_counts = {name: h.counts for name, h in held.items()}
    all_shapes = {name: Shape() for name in SHAPES}
    for counted in by_shape.values():
        for name, shape in counted.items():
            all_shapes[name] = all_shapes[name] + shape
    return {
        "domains": [
            {
                "domain": d.name,
                "impacts": len(d.impacts),
                "objectives": len(d.objectives),
                "shipped": row(as_shipped[d.name]),
                "offered": {**offer_row(as_offered[d.name]), "unlisted": unlisted(d)},
                "shapes": shape_rows(by_shape[d.name]),
                "lodo": {
                    "threshold": None
                    if math.isinf(held[d.name].threshold)
                    else held[d.name].threshold,
                    **row(held[d.name].counts),
                },
            }
            for d in all_domains
        ],
        "overall": {
            "shipped": row(total(as_shipped.values())),
            "offered": {
                **offer_row(total(as_offered.values())),
                "unlisted": sum(unlisted(d) for d in all_domains),
            },
            "shapes": shape_rows(all_shapes),
            "lodo": row(total(lodo_counts.values())),
        },
        "worst": {"shipped": worst(as_shipped), "lodo": worst(lodo_counts)},
    }


def pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def markdown(data: Mapping[str, Any]) -> str:
    """The figures as Markdown: claims and offer by domain, two summary lines, shapes."""
    lines = [
        "| domain | pairs | positives | claimed | TP | precision | recall | F1 "
        "| LODO threshold | LODO P | LODO R | LODO F1 "
        "| offered | offered TP | offered P | offered R |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]

    def cells(
        name: str,
        s: Mapping[str, Any],
        h: Mapping[str, Any],
        o: Mapping[str, Any],
        threshold: str,
    ) -> str:
        return (
            f"| {name} | {s['pairs']} | {s['positives']} | {s['claimed']} | {s['tp']} "
            f"| {pct(s['precision'])} | {pct(s['recall'])} | {pct(s['f1'])} "
            f"| {threshold} | {pct(h['precision'])} | {pct(h['recall'])} | {pct(h['f1'])} "
            f"| {o['listed']} | {o['tp']} | {pct(o['precision'])} | {pct(o['recall'])} |"
        )

    for d in data["domains"]:
        t = d["lodo"]["threshold"]
        lines.append(
            cells(
                d["domain"],
                d["shipped"],
                d["lodo"],
                d["offered"],
                "none" if t is None else f"{t:.3f}",
            )
        )
    overall = data["overall"]
    lines.append(
        cells("**overall (micro)**", overall["shipped"], overall["lodo"], overall["offered"], "")
    )
    lines.append("")
    for key, label in (("shipped", "as shipped"), ("lodo", "leave-one-domain-out")):
        w = data["worst"][key]
        lines.append(
            f"Worst domain {label}: {w['domain']} (precision {pct(w['precision'])}, "
            f"recall {pct(w['recall'])}, F1 {pct(w['f1'])})."
        )
    offer = overall["offered"]
    lines.append(
        f"Offered (claimed or possible): {offer['tp']} of {offer['listed']} listed links right "
        f"({pct(offer['precision'])}), recall {pct(offer['recall'])}; "
        f"{offer['unlisted']} positives not listed at all."
    )
    lines += ["", "| shape of listed link | listed | right | precision |", "|---|---:|---:|---:|"]
    for name, shape in overall["shapes"].items():
        lines.append(f"| {name} | {shape['listed']} | {shape['tp']} | {pct(shape['precision'])} |")
    return "\n".join(lines)


def texts(domain: Domain) -> tuple[dict[str, str], dict[str, str]]:
    """Each impact's measure and each ``director.objective``'s text, for reading errors."""
    from pitchkit.facts.schema import load_facts

    facts = load_facts(domain.facts).facts
    measures = {impact.id: impact.measure for impact in facts.impacts}
    objectives = {f"{d.id}.{o.id}": o.text for d in facts.directors for o in d.objectives}
    return measures, objectives


def errors(all_domains: Sequence[Domain]) -> str:
    """Every wrong claim (FP) and every missed positive (FN), with the link as listed.

    A miss shows how the linker listed the pair: its confidence and chain, or
    ``-`` when it did not list it at all.
    """
    lines: list[str] = []
    for domain in all_domains:
        measures, objectives = texts(domain)
        listed = {(link.impact, link.objective): link for link in domain.links}
        claimed = {pair for pair, link in listed.items() if link.claimed}
        lines.append(f"== {domain.name}")
        for kind, pairs in (
            ("FP", sorted(claimed - set(domain.positives))),
            ("FN", sorted(set(domain.positives) - claimed)),
        ):
            for impact, objective in pairs:
                link = listed.get((impact, objective))
                how = "-"
                if link is not None:
                    how = str(link.confidence or "listed")
                    if link.shape in {"words", "themes", "value"}:
                        how += f" ({link.shape} only)"
                    elif link.shape not in {"claimed", "map, other", "other"}:
                        how += f" ({link.shape})"
                    if link.chain:
                        how += ": " + " > ".join(link.chain)
                lines.append(f"  {kind} {measures[impact]!r} -> {objectives[objective]!r} [{how}]")
    return "\n".join(lines)


def pooled(by_set: Mapping[str, Sequence[Domain]]) -> dict[str, Any]:
    """Claimed and offered figures for each labelled set and for all of them together.

    The totals are micro: every pair of every domain of every set counts once,
    so a large set weighs more than a small one.
    """

    def line(found: Sequence[Domain]) -> dict[str, Any]:
        claimed = total(shipped(d) for d in found)
        listed = total(offered(d) for d in found)
        return {
            "domains": len(found),
            "pairs": claimed.pairs,
            "positives": claimed.positives,
            "claimed": claimed.claimed,
            "tp": claimed.tp,
            "precision": round(claimed.precision, 4),
            "recall": round(claimed.recall, 4),
            "offered": listed.claimed,
            "offered_tp": listed.tp,
            "offered_precision": round(listed.precision, 4),
            "offered_recall": round(listed.recall, 4),
        }

    every = [d for found in by_set.values() for d in found]
    return {"sets": {name: line(found) for name, found in by_set.items()}, "all": line(every)}


def pooled_markdown(data: Mapping[str, Any]) -> str:
    """The pooled figures as one Markdown table, a row a set and a last row for all."""
    lines = [
        "| set | domains | pairs | positives | claimed right / claimed | precision | recall "
        "| offered right / listed | offered P | offered R |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [*data["sets"].items(), ("**all sets**", data["all"])]
    for name, f in rows:
        lines.append(
            f"| {name} | {f['domains']} | {f['pairs']:,} | {f['positives']} "
            f"| {f['tp']} / {f['claimed']} | {pct(f['precision'])} | {pct(f['recall'])} "
            f"| {f['offered_tp']} / {f['offered']:,} | {pct(f['offered_precision'])} "
            f"| {pct(f['offered_recall'])} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        action="append",
        help="a labelled set (default: tests/data/linkeval); give it again for more sets, "
        "and the sets are also scored together",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    parser.add_argument(
        "--errors", action="store_true", help="list every wrong claim and every miss instead"
    )
    parser.add_argument(
        "--lodo",
        action="store_true",
        help="also score the learned link scorer leave-one-domain-out on the read sets",
    )
    parser.add_argument(
        "--pitchkit",
        default=f"{shlex.quote(sys.executable)} -m pitchkit",
        help="the command that runs pitchkit (default: this Python's pitchkit)",
    )
    args = parser.parse_args(argv)
    command = shlex.split(args.pitchkit)
    by_set: dict[str, list[Domain]] = {}
    for data_dir in args.data or [DATA]:
        found = domains(data_dir)
        if not found:
            print(f"no */labels.yaml under {data_dir}", file=sys.stderr)
            return 1
        for domain in found:
            domain.links = run_linker(domain.facts, command)
        by_set[data_dir.name] = found
    if args.errors:
        print("\n\n".join(errors(found) for found in by_set.values()))
        return 0
    scorer = learned_lodo() if args.lodo else None
    if len(by_set) == 1:
        data = figures(next(iter(by_set.values())))
        if args.json:
            print(json.dumps({**data, "scorer": scorer} if scorer else data, indent=2))
        else:
            print(markdown(data))
            if scorer is not None:
                print(f"\n{scorer_markdown(scorer)}")
        return 0
    every = {name: figures(found) for name, found in by_set.items()}
    together = pooled(by_set)
    if args.json:
        found_all: dict[str, Any] = {"sets": every, "pooled": together}
        if scorer is not None:
            found_all["scorer"] = scorer
        print(json.dumps(found_all, indent=2))
        return 0
    for name, data in every.items():
        print(f"## {name}\n\n{markdown(data)}\n")
    print(f"## All sets\n\n{pooled_markdown(together)}")
    if scorer is not None:
        print(f"\n{scorer_markdown(scorer)}")
    return 0


def learned_lodo() -> dict[str, Any]:
    """The learned scorer's leave-one-domain-out figures on the read sets (fit_linker.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import fit_linker

    result: dict[str, Any] = fit_linker.report(fit_linker.load_rows())
    return result


def scorer_markdown(data: Mapping[str, Any]) -> str:
    """The learned scorer's LODO table, with its heading."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import fit_linker

    return "## The learned scorer, leave-one-domain-out on the read sets\n\n" + fit_linker.markdown(
        dict(data)
    )


if __name__ == "__main__":
    sys.exit(main())
