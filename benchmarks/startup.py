"""How long the ``pitchkit`` command takes to start, against a bare Python.

Each case runs ``python -m pitchkit ...`` in a fresh process, N times, and
the median wall time is reported, with its ratio to ``python -c pass`` (the
floor no command can go under):

- ``import typer, rich.console``: what any typer command line costs;
- ``--version`` and ``--help``, and ``brief --help``: start-up alone;
- ``brief`` of the bundled demo facts: a real note, start-up included.

``--compare DIR`` times a second source tree too (say, an export of the
previous commit's ``src``), case by case and run by run alternating with
this one, so both see the same machine load. Run from the project root::

    rm -rf /tmp/before && mkdir /tmp/before && git archive HEAD~1 src | tar -x -C /tmp/before
    .venv/bin/python benchmarks/startup.py --runs 15 --compare /tmp/before/src
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "src" / "pitchkit" / "demo" / "facts.yaml"


def cases(out: Path) -> dict[str, list[str]]:
    """The commands timed, by name: arguments after ``python``."""
    pitchkit = ["-m", "pitchkit"]
    return {
        "python -c pass": ["-c", "pass"],
        "import typer, rich.console": ["-c", "import typer, rich.console"],
        "pitchkit --version": [*pitchkit, "--version"],
        "pitchkit --help": [*pitchkit, "--help"],
        "pitchkit brief --help": [*pitchkit, "brief", "--help"],
        "pitchkit brief (demo)": [
            *pitchkit,
            "brief",
            str(DEMO),
            "--out",
            str(out / "note.docx"),
            "--force",
            "-q",
        ],
    }


def time_once(args: list[str], src: Path) -> float:
    """Seconds one run of ``python ARGS`` takes with pitchkit from ``src``."""
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "100"}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    """Time each case in each source tree and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each case (median kept)")
    parser.add_argument("--compare", type=Path, help="another source tree to time, as 'before'")
    options = parser.parse_args()
    trees = {"now": ROOT / "src"}
    if options.compare is not None:
        trees = {"before": options.compare.resolve(), **trees}
    with tempfile.TemporaryDirectory() as folder:
        timed = cases(Path(folder))
        medians: dict[tuple[str, str], float] = {}
        for name, args in timed.items():
            runs: dict[str, list[float]] = {tree: [] for tree in trees}
            for src in trees.values():
                time_once(args, src)  # warm the file cache and .pyc files
            for _ in range(options.runs):
                for tree, src in trees.items():
                    runs[tree].append(time_once(args, src))
            for tree in trees:
                medians[name, tree] = statistics.median(runs[tree])
    print_table(timed, trees, medians, options.runs)


def print_table(
    timed: dict[str, list[str]],
    trees: dict[str, Path],
    medians: dict[tuple[str, str], float],
    runs: int,
) -> None:
    """The medians in milliseconds, each with its ratio to ``python -c pass``."""
    print(f"Median of {runs} runs; ratio to `python -c pass` in brackets.\n")
    header = " | ".join(f"{tree} ms" for tree in trees)
    print(f"| command | {header} |" + (" before / now |" if len(trees) > 1 else ""))
    print("|---" * (len(trees) + 1 + (len(trees) > 1)) + "|")
    for name in timed:
        cells = []
        for tree in trees:
            base = medians["python -c pass", tree]
            value = medians[name, tree]
            cells.append(f"{value * 1000:.0f} ({value / base:.1f}×)")
        row = f"| {name} | " + " | ".join(cells) + " |"
        if len(trees) > 1:
            row += f" {medians[name, 'before'] / medians[name, 'now']:.1f}× |"
        print(row)


if __name__ == "__main__":
    main()
