"""How fast pitchkit's batch writes briefing notes, against a plain docxtpl loop.

For each size N, N directors (the frailty example's, repeated under new ids
and names) get the built-in briefing note twice, each way in a fresh
Python process so peak memory (``ru_maxrss``) is that size's alone:

- ``pitchkit``: :func:`pitchkit.batch.run_batch`, which compiles the
  template once per worker process and uses every core;
- ``docxtpl``: the usual loop, one process: for each director, work out
  the same context (:func:`pitchkit.notes.brief.brief_parts`, as the batch
  does), then a new ``DocxTemplate``, ``render(context, autoescape=True)``
  and ``save``.

Both write every note to a file. The two ways alternate within each size.
Run from the project root::

    .venv/bin/python benchmarks/batch.py --sizes 50,500,2000
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
DIRECTORS = ROOT / "examples" / "frailty-virtual-ward" / "directors.csv"
TODAY = dt.date(2026, 12, 1)
WAYS = ("pitchkit", "docxtpl")


def many_directors(count: int) -> list[Any]:
    """``count`` directors: the example team repeated under new ids and names."""
    from pitchkit.facts.directors import load_directors

    team = load_directors(DIRECTORS).directors
    return [
        team[i % len(team)].model_copy(
            update={
                "id": f"{team[i % len(team)].id}-{i}",
                "name": f"{team[i % len(team)].name} {i}",
            }
        )
        for i in range(count)
    ]


def with_pitchkit(count: int, out: Path, jobs: int | None) -> None:
    """Write ``count`` notes with pitchkit's batch."""
    from pitchkit.batch import run_batch
    from pitchkit.facts.project import open_project

    project = open_project(FACTS)
    result = run_batch(
        project=project,
        directors=many_directors(count),
        kind="brief",
        out_dir=out,
        today=TODAY,
        jobs=jobs,
    )
    assert all(item.status == "ok" for item in result.items), result.failed[:1]


def with_docxtpl(count: int, out: Path) -> None:
    """Write ``count`` notes the plain way: a new DocxTemplate for each."""
    from docxtpl import DocxTemplate

    from pitchkit.facts.project import open_project
    from pitchkit.notes.brief import brief_parts, builtin_template
    from pitchkit.word.renderenv import make_environment

    project = open_project(FACTS)
    template = builtin_template("brief")
    env = make_environment(project.lang)
    for number, director in enumerate(many_directors(count)):
        context = brief_parts(project, director, today=TODAY).context
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, env, autoescape=True)
        document.save(out / f"note-{number}.docx")


def contexts(count: int) -> tuple[Any, list[tuple[Any, Any]]]:
    """The project, and ``count`` (context, properties) pairs of the built-in brief."""
    from pitchkit.facts.project import open_project
    from pitchkit.notes.brief import brief_parts

    project = open_project(FACTS)
    pairs = []
    for director in many_directors(count):
        parts = brief_parts(project, director, today=TODAY)
        pairs.append((parts.context, parts.properties))
    return project, pairs


def render_only(count: int) -> tuple[float, float]:
    """Notes per second on one core, filling the same contexts in memory, both ways."""
    from docxtpl import DocxTemplate

    from pitchkit.notes.brief import builtin_template
    from pitchkit.word.fastrender import CompiledTemplate
    from pitchkit.word.renderenv import make_environment

    project, pairs = contexts(count)
    template = builtin_template("brief")
    started = time.perf_counter()
    compiled = CompiledTemplate(template, lang=project.lang)
    for context, props in pairs:
        compiled.render(context, properties=props)
    fast = time.perf_counter() - started
    env = make_environment(project.lang)
    started = time.perf_counter()
    for context, _props in pairs:
        document = DocxTemplate(io.BytesIO(template))
        document.render(context, env, autoescape=True)
        document.save(io.BytesIO())
    plain = time.perf_counter() - started
    return count / fast, count / plain


def measure_one(way: str, count: int, jobs: int | None) -> dict[str, float]:
    """In this process: write ``count`` notes one ``way``; time and peak memory."""
    with tempfile.TemporaryDirectory(prefix="pitchkit-bench-") as folder:
        started = time.perf_counter()
        if way == "pitchkit":
            with_pitchkit(count, Path(folder), jobs)
        else:
            with_docxtpl(count, Path(folder))
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def measure(way: str, count: int, jobs: int | None) -> dict[str, float]:
    """Run :func:`measure_one` in a fresh Python process and return its figures."""
    command = [sys.executable, __file__, "--one", way, "--sizes", str(count)]
    if jobs:
        command += ["--jobs", str(jobs)]
    run = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    figures: dict[str, float] = json.loads(run.stdout.strip().splitlines()[-1])
    return figures


def main() -> None:
    """Measure each size both ways and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,500,2000", help="numbers of notes, e.g. 50,500")
    parser.add_argument("--jobs", type=int, default=None, help="pitchkit's worker processes")
    parser.add_argument("--one", choices=WAYS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.one:
        print(json.dumps(measure_one(args.one, sizes[0], args.jobs)))
        return
    print(
        f"{'notes':>6} {'pitchkit/s':>11} {'docxtpl/s':>10} {'ratio':>6} "
        f"{'pitchkit RSS MiB (main/worker)':>31} {'docxtpl RSS MiB':>16}"
    )
    for order, count in enumerate(sizes):
        ways = WAYS if order % 2 == 0 else WAYS[::-1]
        figures = {way: measure(way, count, args.jobs) for way in ways}
        fast, plain = figures["pitchkit"], figures["docxtpl"]
        print(
            f"{count:>6} {count / fast['seconds']:>11.1f} {count / plain['seconds']:>10.1f} "
            f"{plain['seconds'] / fast['seconds']:>5.1f}x "
            f"{fast['rss_mib']:>20.0f} / {fast['worker_rss_mib']:<8.0f} {plain['rss_mib']:>16.0f}",
            flush=True,
        )
    fast_rate, plain_rate = render_only(min(sizes[0], 200))
    print(
        f"filling only, one core, {min(sizes[0], 200)} notes in memory: pitchkit "
        f"{fast_rate:.1f}/s, docxtpl {plain_rate:.1f}/s, {fast_rate / plain_rate:.1f}x"
    )


if __name__ == "__main__":
    main()
