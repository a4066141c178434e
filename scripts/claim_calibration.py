"""Which claims to offer instead: candidate rules measured by blocks of labelled sets.

    python scripts/claim_calibration.py dump OUT.jsonl linkeval linkeval-blind3 ...
    python scripts/claim_calibration.py oof OUT.jsonl OOF.jsonl [--by set] [--penalty 1.0]
    python scripts/claim_calibration.py report OUT.jsonl [--blocks 40,55,64,70,73] [--chance oof]

``dump`` writes one JSON line per claimed link of the labelled sets named (folders
under tests/data), with what the rules below need: the learned scorer's chance, the
claim's kind, its chain's ends, the impact's measure and unit and the objective's
words, and whether the labellers accepted it. Run it from the tree whose linker is
to be measured, with ``PYTHONPATH=src``. Name only sets that may be read
(HELPERS.md): the script scores whatever it is given.

``oof`` gives each claim of a dump its *out-of-fold* chance (``oof``): the learned
scorer's chance with weights fitted on every pair of the dump's sets but those of the
claim's own domain (``--by set``: its whole set), as ``scripts/fit_linker.py`` fits
them, with its ``PENALTY`` or ``--penalty``; it prints the log-loss of those chances over
every candidate pair and over the claims. ``report --chance oof`` then reads that field
instead of the shipped scorer's chance (branch floor25, docs/linking-evaluation.md, "The
claim floor").

``report`` splits the claims into blocks by set number (``--blocks 40,55,64,70``
means up to blind40, blind41-55, blind56-64, blind65-70; sets with no number go in
the first) and prints, per block:

- the claims by the scorer's chance, right / claimed in each tenth;
- what a claim floor would cost: claims below it offered instead;
- the candidate rules of docs/linking-evaluation.md, "Calibration, round 2", as
  right claims lost / wrong claims removed and precision before and after.

The *aspect* of a side is what it measures, read from the unit and the measure's
words only (no set's names): ``money``, ``wait`` (a wait or a time taken),
``experience`` (what people say of it), ``outcome`` (harm, death, infection, a
result), ``process`` (a share of patients given, seen, screened or recorded:
compliance), ``volume`` (a count of activity), and, for an objective only, ``risk``
(a board risk, about every aspect at once) and ``milestone`` (no figure but a date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

Row = dict[str, Any]


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(patterns) + r")\b", re.IGNORECASE)


MONEY = _words(
    r"£[\d.,]*\w*", "spend", "spending", "cost", "costs", "income", "cip", "budget",
    "savings?", "efficiency", "qipp", "deficit", "surplus", "allocation", "price",
)  # fmt: skip
WAIT = _words(
    "waiting", "waits?", "waited", "length of stay", "los", "days from", "time to",
    "time from", "median time", "door-to-needle", "turnaround", "delays?", "delayed", "rtt",
    "backlog", "waiting list", r"\d+-week", r"over \d+ (weeks|hours|days)",
    r"more than \d+ (weeks|hours|days)", "12 hours", "four hours", "4 hours", "breach(es)?",
)  # fmt: skip
EXPERIENCE = _words(
    "rating", "rated", "rate their", "recommend", "saying", "say", r"satisf\w*", "survey",
    "fft", "friends and family", "feedback", "complaints?", "experience", "burnout",
)  # fmt: skip
#: Results: what happened to a patient or to the service (a death, an infection, a fall).
OUTCOME = _words(
    "deaths?", "died", "dying", "mortality", "shmi", "hsmr", "infections?", "bsi",
    "bacteraemias?", "falls?", "fractures?", r"injur(y|ies)", "incidents?", r"harm\w*",
    "ulcers?", "readmissions?", "stillbirths?", "cases", "outbreaks?", "exacerbations?",
    "errors?", "never events?", "abuse", "assaults?", "quit", "hba1c", "cured",
    r"recover\w*", "remission", "mrsa", r"c\. difficile", "c difficile", "sepsis", "aki",
    "vte", "deterioration", "cardiac arrests?", "suicides?", "self-harm", "stage 1 or 2",
    "diagnosed at",
)  # fmt: skip
#: Results an impact's measure names even when it counts them within a time ("emergency
#: readmissions within 30 days"): outcome unless the measure is of something done to them.
HARD_OUTCOME = _words(
    "deaths?", "died", "mortality", "shmi", "hsmr", "infections?", "bsi", "bacteraemias?",
    "falls", "fall again", "fractures?", r"injur(y|ies)", "incidents?", "ulcers?",
    "readmissions?", "readmitted", "stillbirths?", "outbreaks?", "exacerbations?", "errors?",
    "never events?", "assaults?", "quit", "hba1c", "positive for", "suicides?",
    "cardiac arrests?", "harm",
)  # fmt: skip
DONE_TO = _words(
    "given", "offered", "screened", "assessed", "reviewed", "reported", "recorded", "tested",
    "seen", "with a", "photograph", "processed",
)  # fmt: skip
PROCESS = _words(
    "given", "offered", "seen", "screened", "screening", "assessed", "assessment", "recorded",
    "documented", "reviewed", "review", "completed", "checked", "with a", "referred",
    "received", "treated", "prescribed", "started", "tested", "vaccinated", "uptake",
    "compliance", "audit", "care processes", "on time", "within", "registered", "triaged",
    "coded", "consent", "plan agreed", "signed", "appraisal", "processed",
)  # fmt: skip
RISK = _words("baf", "risk")
WITHIN = _words("within")
TIME_UNITS = {"days", "hours", "minutes", "weeks"}
TIME_WORDS = _words("median", "average", "mean", "time")
OUTCOME_UNITS = {
    "deaths", "infections", "falls", "injuries", "incidents", "cases", "fractures", "ulcers",
    "readmissions", "stillbirths", "outbreaks", "errors", "assaults",
}  # fmt: skip
#: Years and quarters, left out before asking whether an objective states a figure.
WHEN = re.compile(r"\b(19|20)\d\d(/\d\d)?\b|\bQ[1-4]\b")
#: The aspects the aspect rule weighs: a claim between two different ones is one concept
#: measured two ways (a process against an outcome, a wait against a process).
WEIGHED = frozenset({"process", "outcome", "wait", "money"})


def impact_aspect(measure: str, unit: str | None) -> str:
    """What an impact's measure counts (see the module's doc)."""
    unit = (unit or "").lower()
    if unit in {"£", "gbp"} or MONEY.search(measure):
        return "money"
    if HARD_OUTCOME.search(measure) and not DONE_TO.search(measure):
        return "outcome"
    if unit in TIME_UNITS and (WAIT.search(measure) or TIME_WORDS.search(measure)):
        return "wait"
    if WAIT.search(measure) and not WITHIN.search(measure):
        return "wait"
    if EXPERIENCE.search(measure):
        return "experience"
    if unit in OUTCOME_UNITS:
        return "outcome"
    if unit == "%":
        return "outcome" if OUTCOME.search(measure) and not PROCESS.search(measure) else "process"
    return "volume"


def objective_aspect(text: str) -> str:
    """What an objective aims to move (see the module's doc)."""
    if RISK.search(text):
        return "risk"
    if MONEY.search(text):
        return "money"
    if EXPERIENCE.search(text):
        return "experience"
    if WAIT.search(text) and not re.search(r"\bwithin \d+ (hours|days|minutes)\b", text, re.I):
        return "wait"
    figure = re.search(r"\d", WHEN.sub("", text))
    if OUTCOME.search(text) and not PROCESS.search(text):
        return "outcome"
    if PROCESS.search(text) and figure:
        return "process"
    if OUTCOME.search(text):
        return "outcome"
    return "volume" if figure else "milestone"


# -- dump ----------------------------------------------------------------------------


def domain_rows(folder: str) -> list[Row]:
    """Each claimed link of one labelled domain, with what the rules need."""
    import eval_links as ev

    from pitchkit.facts.schema import load_facts
    from pitchkit.recast import align
    from pitchkit.recast.english import in_english
    from pitchkit.recast.pitch import recast

    domain = ev.load_domain(Path(folder))
    facts = load_facts(domain.facts).facts
    english = in_english(facts)
    measures = {each.id: (each.measure, each.unit) for each in english.impacts}
    texts = {
        f"{director.id}.{objective.id}": objective.text
        for director in english.directors
        for objective in director.objectives
    }
    rows: list[Row] = []
    for director in facts.directors:
        for link in recast(facts, director, today=dt.date(2026, 12, 6)).links:
            if not link.claimed:
                continue
            key = f"{director.id}.{link.objective}"
            measure, unit = measures.get(link.impact, ("", None))
            rows.append(
                {
                    "set": Path(folder).parent.name,
                    "domain": domain.name,
                    "impact": link.impact,
                    "objective": key,
                    "label": (link.impact, key) in domain.positives,
                    "reason": link.reason,
                    "kind": align.claim_kind(link),
                    "chance": link.chance,
                    "start": link.chain.start if link.chain else None,
                    "measure": measure,
                    "unit": unit,
                    "text": texts.get(key, ""),
                }
            )
    return rows


def dump(out: Path, sets: Sequence[str]) -> None:
    """Write the claims of every domain of ``sets`` to ``out``, two domains at a time."""
    folders = [
        str(path.parent)
        for name in sets
        for path in sorted((ROOT / "tests" / "data" / name).glob("*/labels.yaml"))
    ]
    with ProcessPoolExecutor(2) as pool, out.open("w", encoding="utf-8") as file:
        for rows in pool.map(domain_rows, folders, chunksize=4):
            file.writelines(json.dumps(row) + "\n" for row in rows)


# -- rules ---------------------------------------------------------------------------


def out_of_fold(claims: Sequence[Row], by: str = "domain", penalty: float | None = None) -> str:
    """Set each claim's ``oof`` chance (see the module's doc); return the log-loss figures."""
    import math

    import fit_linker

    sets = sorted({row["set"] for row in claims})
    pairs = fit_linker.load_rows(sets)
    x, y = fit_linker.arrays(pairs)
    kept = [pair for pair in pairs if pair.candidate]
    group = [pair.labelled_set if by == "set" else pair.domain for pair in kept]
    scores: dict[tuple[str, str, str], float] = {}
    losses = []
    strength = fit_linker.PENALTY if penalty is None else penalty
    for held in sorted(set(group)):
        train = [index for index, name in enumerate(group) if name != held]
        test = [index for index, name in enumerate(group) if name == held]
        weights = fit_linker.fit(x[train], y[train], strength)
        for index, value in zip(test, fit_linker.chances(weights, x[test]), strict=True):
            pair = kept[index]
            scores[(pair.domain, *pair.pair)] = float(value)
            losses.append(-math.log(value if pair.label else 1 - value))
    claimed = []
    for row in claims:
        row["oof"] = scores.get((row["domain"], row["impact"], row["objective"]), 0.0)
        value = min(max(row["oof"], 1e-9), 1 - 1e-9)
        claimed.append(-math.log(value if row["label"] else 1 - value))
    return (
        f"log-loss, out of fold by {by}: {sum(losses) / len(losses):.4f} over {len(losses)} "
        f"candidate pairs, {sum(claimed) / len(claimed):.4f} over {len(claimed)} claims"
    )


def chance(row: Row) -> float:
    return float(row["chance"]) if row["chance"] is not None else 1.0


def below(floor: float) -> Callable[[Row], bool]:
    """A claim floor: every claim whose learned chance is below ``floor``."""
    return lambda row: chance(row) < floor


def money_kept(held: Callable[[Row], bool]) -> Callable[[Row], bool]:
    """``held`` for every claim but a money link (the impact's cash against a financial aim)."""
    return lambda row: row["kind"] != "money" and held(row)


def under_the_best_of_its_start(rows: Sequence[Row], margin: float = 0.1) -> Callable[[Row], bool]:
    """calib24's second rule: one of several impacts claimed for an objective through
    the same start concept, ``margin`` or more below the best of them."""
    groups: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for row in rows:
        if row["start"]:
            groups[(row["domain"], row["objective"], row["start"])].append(chance(row))

    def held(row: Row) -> bool:
        if not row["start"]:
            return False
        best = max(groups[(row["domain"], row["objective"], row["start"])])
        return best > chance(row) + margin

    return held


def measured_two_ways(below: float = 0.7) -> Callable[[Row], bool]:
    """The aspect rule: a same-concept claim whose two sides measure different aspects
    among process, outcome, wait and money, with a learned chance below ``below``."""

    def held(row: Row) -> bool:
        ends = (impact_aspect(row["measure"], row["unit"]), objective_aspect(row["text"]))
        return (
            row["kind"] == "same concept"
            and ends[0] != ends[1]
            and set(ends) <= WEIGHED
            and chance(row) < below
        )

    return held


# -- report --------------------------------------------------------------------------


def block_of(name: str, bounds: Sequence[int]) -> int:
    """The index of the block set ``name`` falls in (sets with no number: the first)."""
    found = re.search(r"blind(\d+)$", name)
    number = int(found.group(1)) if found else 0
    for index, bound in enumerate(bounds):
        if number <= bound:
            return index
    raise SystemExit(f"{name} is past the last block ({bounds[-1]})")


def block_names(bounds: Sequence[int]) -> list[str]:
    names = [f"to blind{bounds[0]}"]
    names += [f"blind{low + 1}-{high}" for low, high in itertools.pairwise(bounds)]
    return names


def precision(right: int, claimed: int) -> str:
    return f"{right}/{claimed} ({right / claimed:.3f})" if claimed else "0/0"


def trade(blocks: Sequence[Sequence[Row]], held: Callable[[Row], bool]) -> list[str]:
    """Per block and in all: right lost / wrong removed, precision before -> after."""
    cells = []
    for rows in [*blocks, [row for block in blocks for row in block]]:
        right = sum(row["label"] for row in rows)
        out = [row for row in rows if held(row)]
        lost = sum(row["label"] for row in out)
        after = precision(right - lost, len(rows) - len(out))
        cells.append(f"-{lost}r/-{len(out) - lost}w {precision(right, len(rows))} -> {after}")
    return cells


def report(rows: Iterable[Row], bounds: Sequence[int]) -> str:
    """The tables of the module's doc, as text."""
    claims = list(rows)
    names = block_names(bounds)
    blocks: list[list[Row]] = [[] for _ in bounds]
    for row in claims:
        blocks[block_of(row["set"], bounds)].append(row)
    lines = ["claims by the scorer's chance, right/claimed: " + " | ".join(names) + " | all"]
    for low in (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        high = 1.01 if low == 0.9 else (0.4 if low == 0.0 else low + 0.1)
        cells = [
            precision(
                sum(row["label"] for row in rows if low <= chance(row) < high),
                sum(1 for row in rows if low <= chance(row) < high),
            )
            for rows in [*blocks, claims]
        ]
        lines.append(f"  {low:.1f}-{min(high, 1.0):.1f}: " + " | ".join(cells))
    rules = [(f"floor {floor}", below(floor)) for floor in (0.5, 0.6, 0.7, 0.8, 0.9)]
    rules += [
        (f"floor {floor}, money links kept", money_kept(below(floor)))
        for floor in (0.5, 0.55, 0.6, 0.65, 0.7, 0.8)
    ]
    rules += [
        ("calib24's second rule", under_the_best_of_its_start(claims)),
        ("measured two ways, chance below 0.7", measured_two_ways(0.7)),
    ]
    lines.append("rules, right lost / wrong removed, precision before -> after:")
    for name, held in rules:
        lines.append(f"  {name}: " + " | ".join(trade(blocks, held)))
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """``dump OUT SET...``, ``oof DUMP OUT`` or ``report DUMP [--blocks N,...] [--chance oof]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["dump", "oof", "report"])
    parser.add_argument("file", type=Path)
    parser.add_argument("sets", nargs="*")
    parser.add_argument("--blocks", default="40,55,64,70,73")
    parser.add_argument("--chance", choices=["shipped", "oof"], default="shipped")
    parser.add_argument("--by", choices=["domain", "set"], default="domain")
    parser.add_argument("--penalty", type=float)
    args = parser.parse_args(argv)
    if args.command == "dump":
        dump(args.file, args.sets)
        return 0
    rows = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines()]
    if args.command == "oof":
        print(out_of_fold(rows, args.by, args.penalty))
        Path(args.sets[0]).write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
        return 0
    if args.chance == "oof":
        for row in rows:
            row["chance"] = row["oof"]
    print(report(rows, [int(bound) for bound in args.blocks.split(",")]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
