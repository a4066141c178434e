"""How long pitchkit's commands take, start-up included, against plain docxtpl.

Every case runs in a fresh Python process (``python -m pitchkit ...`` or a
plain script), so each figure includes importing what the command needs.
The cases alternate run by run, so all of them see the same machine load,
and the median of ``--runs`` runs is reported:

- ``docxtpl script``: a bare script that fills the built-in brief template
  with a ready-made context (the one ``pitchkit brief`` works out, saved
  as JSON beforehand) and saves it: the floor for one note;
- ``pitchkit brief``: the frailty example's note for its director of
  finance, with the guide's advice after it;
- ``pitchkit update``: the same director's progress update for the last
  logged month, with its run and XmR charts (the script checks that the
  update holds pictures, so it cannot time an update without charts);
- ``pitchkit batch`` of ``--batch`` briefs (the example's team repeated
  under new ids and names, from a CSV) against ``docxtpl loop``: one
  process that works out each context with pitchkit and fills the
  template with a new ``DocxTemplate`` per note. Both once per run.
  With ``--team distinct`` the team is instead ``--batch`` directors who
  all differ: the roles and objectives of the held-out link evaluation
  teams (``tests/data/linkeval/*/facts.yaml``), each given one more
  objective and a concern drawn from the others, so no two directors are
  recast from the same inputs. ``--cases batch,loop`` times only the batch
  and the loop.

Every module the cases import is compiled to bytecode beside its source
first, as installing a wheel does, and each case runs once untimed before
the timed runs. ``PYTHONDONTWRITEBYTECODE`` is dropped from the cases'
environment: on a machine that sets it, every run would otherwise compile
the standard library and docxtpl from source, which slows the bare script
as much as pitchkit and flatters the ratios (an earlier version of this
script did that through ``PYTHONPYCACHEPREFIX``). The brief is also timed
with LibreOffice's page measuring turned off (``PITCHKIT_MEASURE=0``), the
part of ``pitchkit brief`` that the bare script has nothing like.

The figures are printed as seconds (with each case's processor time, user
plus system of the process and its children, a batch's workers included)
and as the ratios the issue asks about.
Run from the project root::

    .venv/bin/python benchmarks/commands.py --runs 5 --batch 300

``--compare DIR`` times another source tree too (say, an export of an
earlier commit's ``src``): each pitchkit case runs once with each tree in
every round, so before and after see the same machine load, and both get
their ratios to the same bare script. ``--cases brief,docxtpl script``
times only the cases whose names hold one of those words::

    rm -rf /tmp/before && mkdir /tmp/before && git archive main src | tar -x -C /tmp/before
    .venv/bin/python benchmarks/commands.py --runs 5 --compare /tmp/before/src --cases brief,script
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "examples" / "frailty-virtual-ward" / "facts.yaml"
DIRECTORS = ROOT / "examples" / "frailty-virtual-ward" / "directors.csv"
LINKEVAL = ROOT / "tests" / "data" / "linkeval"
DIRECTOR = "dof"
#: The example's last logged month: by then its measures have enough points for run and XmR charts
#: (at 2027-03 they have three, so an update then draws no chart at all).
PERIOD = "2028-03"

#: The bare docxtpl script: argv is the template, the context (JSON) and the output. The
#: built-in template uses gettext and pitchkit's formatting filters; here gettext is Jinja's
#: own (no translation) and each filter gives its value back, so nothing of pitchkit loads.
DOCXTPL_SCRIPT = """
import json, sys
import jinja2
from docxtpl import DocxTemplate
with open(sys.argv[2], encoding="utf-8") as handle:
    given = json.load(handle)
env = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
env.install_null_translations(newstyle=True)
env.filters.update({name: (lambda value, *args, **kwargs: value) for name in given["filters"]})
document = DocxTemplate(sys.argv[1])
document.render(given["context"], env, autoescape=True)
document.save(sys.argv[3])
"""

#: The plain loop: argv is the directors CSV and the output folder.
DOCXTPL_LOOP = """
import io, sys
from pathlib import Path
from docxtpl import DocxTemplate
from pitchkit.facts.directors import load_directors
from pitchkit.facts.project import open_project
from pitchkit.notes.brief import brief_parts, builtin_template
from pitchkit.word.renderenv import make_environment

project = open_project(sys.argv[1])
template = builtin_template("brief")
env = make_environment(project.lang)
for number, director in enumerate(load_directors(Path(sys.argv[2])).directors):
    context = brief_parts(project, director).context
    document = DocxTemplate(io.BytesIO(template))
    document.render(context, env, autoescape=True)
    document.save(Path(sys.argv[3]) / f"note-{number}.docx")
"""


def brief_context(folder: Path) -> tuple[Path, Path]:
    """The built-in brief template and the context ``pitchkit brief`` fills it with, as files."""
    from pitchkit.facts.project import open_project, pick_director
    from pitchkit.i18n import fmt
    from pitchkit.notes.brief import brief_parts, builtin_template

    project = open_project(FACTS)
    parts = brief_parts(project, pick_director(project.facts, DIRECTOR))
    template = folder / "brief.docx"
    template.write_bytes(builtin_template("brief"))
    context = folder / "context.json"
    given = {"context": parts.context, "filters": sorted(fmt.filters(project.lang))}
    context.write_text(json.dumps(given, default=str), encoding="utf-8")
    return template, context


def team_csv(path: Path, count: int) -> None:
    """A directors CSV of ``count`` rows: the example's team repeated under new ids and names."""
    with DIRECTORS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for number in range(count):
            row = dict(rows[number % len(rows)])
            row["id"] = f"{row['id']}-{number}"
            row["name"] = f"{row['name']} {number}"
            writer.writerow(row)


def distinct_team_csv(path: Path, count: int) -> None:
    """A directors CSV of ``count`` directors who all differ in role, objectives or concerns.

    Director ``n`` is the ``n``-th of the link evaluation teams (cycling), with
    one objective more, drawn from all of those teams' objectives, and one
    concern, drawn from the example's team: no two rows share both.
    """
    from ruamel.yaml import YAML

    reader = YAML(typ="safe")
    pool: list[dict[str, object]] = []
    for facts in sorted(LINKEVAL.glob("*/facts.yaml")):
        pool.extend(reader.load(facts.read_text(encoding="utf-8")).get("directors", []))

    def objective(item: dict[str, str]) -> str:
        personal = "personal: " if item.get("kind") == "personal" else ""
        return f"{personal}{item['text']}"

    objectives = [objective(item) for director in pool for item in director["objectives"]]  # type: ignore[attr-defined]
    with DIRECTORS.open(encoding="utf-8-sig", newline="") as handle:
        concerns = [
            line.strip() for row in csv.DictReader(handle) for line in row["concerns"].splitlines()
        ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "name", "role", "concerns", "objectives"])
        for number in range(count):
            director = pool[number % len(pool)]
            own = [objective(item) for item in director["objectives"]]  # type: ignore[attr-defined]
            extra = objectives[(number * 7) % len(objectives)]
            chosen = own + ([extra] if extra not in own else [])
            writer.writerow(
                [
                    f"{director['id']}-{number}",
                    f"{director['name']} {number}",
                    director["role"],
                    concerns[number % len(concerns)],
                    "\n".join(chosen),
                ]
            )


def cases(folder: Path, batch: int, *, distinct: bool = False) -> dict[str, list[str]]:
    """The commands timed, by name: arguments after ``python``."""
    template, context = brief_context(folder)
    team = folder / "team.csv"
    (distinct_team_csv if distinct else team_csv)(team, batch)
    (folder / "loop").mkdir()
    pitchkit = ["-m", "pitchkit"]
    timed = {
        "docxtpl script": [
            "-c",
            DOCXTPL_SCRIPT,
            str(template),
            str(context),
            str(folder / "plain.docx"),
        ],
        "pitchkit brief": [
            *pitchkit,
            "brief",
            str(FACTS),
            "-d",
            DIRECTOR,
            "-o",
            str(folder / "brief.docx"),
            "-f",
            "-q",
        ],
        "pitchkit brief, Welsh": [
            *pitchkit,
            "brief",
            str(FACTS),
            "-d",
            DIRECTOR,
            "--locale",
            "cy_GB",
            "-o",
            str(folder / "brief-cy.docx"),
            "-f",
            "-q",
        ],
        "pitchkit update": [
            *pitchkit,
            "update",
            str(FACTS),
            "-d",
            DIRECTOR,
            "-p",
            PERIOD,
            "-o",
            str(folder / "update.docx"),
            "-f",
            "-q",
        ],
        "pitchkit brief, measure=0": [
            "-c",
            "import os, runpy; os.environ['PITCHKIT_MEASURE'] = '0'; "
            "runpy.run_module('pitchkit', run_name='__main__')",
            "brief",
            str(FACTS),
            "-d",
            DIRECTOR,
            "-o",
            str(folder / "brief-unmeasured.docx"),
            "-f",
            "-q",
        ],
        f"pitchkit batch ({batch})": [
            *pitchkit,
            "batch",
            str(FACTS),
            "--directors",
            str(team),
            "-o",
            str(folder / "batch"),
            "-f",
            "-q",
        ],
        f"docxtpl loop ({batch})": [
            "-c",
            DOCXTPL_LOOP,
            str(FACTS),
            str(team),
            str(folder / "loop"),
        ],
    }
    return timed


def has_charts(update: Path) -> bool:
    """Whether the update written holds pictures (its charts)."""
    with zipfile.ZipFile(update) as document:
        return any(name.startswith("word/media/") for name in document.namelist())


def run_once(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds one command takes, start to finish, in a fresh process, and its processor time.

    The processor time is user plus system time of the process and every
    child it waited for (a batch's workers included).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *arguments], check=True, cwd=ROOT, capture_output=True, env=env)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def compiled(source: Path) -> dict[str, str]:
    """The environment to run cases in, with pitchkit from ``source`` compiled beside it."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"}
    }
    env["PYTHONPATH"] = str(source)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(source / "pitchkit")], check=True, env=env
    )
    return env


BEFORE = " (before)"


def ratios(median: dict[str, float], batch: int, suffix: str = "") -> None:
    """Print the ratios the issue asks about, for the cases timed (with ``suffix``)."""
    script = median.get("docxtpl script")
    brief, bare = (
        median.get(f"pitchkit brief{suffix}"),
        median.get(f"pitchkit brief, measure=0{suffix}"),
    )
    if script and brief:
        print(f"brief / docxtpl script: {brief / script:.2f}x (target 1.5x or less)")
    if script and bare:
        print(f"brief, measure=0 / docxtpl script: {bare / script:.2f}x")
    if f"pitchkit update{suffix}" in median:
        update = median[f"pitchkit update{suffix}"]
        print(f"update with charts: {update:.2f} s (target 2 s or less)")
    loop, made = (
        median.get(f"docxtpl loop ({batch}){suffix}"),
        median.get(f"pitchkit batch ({batch}){suffix}"),
    )
    if loop and made:
        print(f"docxtpl loop / batch: {loop / made:.1f}x (target 10x or more)")


def main() -> None:
    """Time every case, alternating, and print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each case")
    parser.add_argument("--batch", type=int, default=300, help="notes in the batch")
    parser.add_argument(
        "--team",
        choices=("repeated", "distinct"),
        default="repeated",
        help="the example's team repeated, or directors who all differ",
    )
    parser.add_argument("--compare", type=Path, help="another src tree to time, as 'before'")
    parser.add_argument("--cases", help="only the cases whose names hold one of these words")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pitchkit-commands-") as name:
        every = cases(Path(name), args.batch, distinct=args.team == "distinct")
        if args.cases:
            words = [word.strip() for word in args.cases.split(",") if word.strip()]
            every = {case: argv for case, argv in every.items() if any(w in case for w in words)}
        env = compiled(ROOT / "src")
        timed = {case: (argv, env) for case, argv in every.items()}
        if args.compare is not None:
            before = compiled(args.compare.resolve())
            for case, argv in every.items():
                if "pitchkit" in case or "loop" in case:
                    timed[case + BEFORE] = (argv, before)
        for argv, case_env in timed.values():  # once untimed: bytecode written, files cached
            run_once(argv, case_env)
        update = Path(name) / "update.docx"
        if "pitchkit update" in every and not has_charts(update):
            raise SystemExit(f"the update for {PERIOD} has no charts: pick a later period")
        seconds: dict[str, list[float]] = {case: [] for case in timed}
        processor: dict[str, list[float]] = {case: [] for case in timed}
        for run in range(args.runs):
            order = list(timed) if run % 2 == 0 else list(timed)[::-1]
            for case in order:
                wall, cpu = run_once(*timed[case])
                seconds[case].append(wall)
                processor[case].append(cpu)
    median = {case: statistics.median(values) for case, values in seconds.items()}
    for case, value in median.items():
        spread = f"{min(seconds[case]):.2f}-{max(seconds[case]):.2f}"
        cpu = processor[case]
        print(
            f"{case:<36} {value:6.2f} s  (runs {spread}; "
            f"CPU {statistics.median(cpu):.2f} s, {min(cpu):.2f}-{max(cpu):.2f})"
        )
    print(
        "runs, in order: "
        + "; ".join(
            f"{case}: " + ", ".join(f"{value:.2f}" for value in values)
            for case, values in seconds.items()
        )
    )
    for suffix in (BEFORE, "") if args.compare is not None else ("",):
        loops = seconds.get(f"docxtpl loop ({args.batch}){suffix}")
        batches = seconds.get(f"pitchkit batch ({args.batch}){suffix}")
        if loops and batches:
            each = ", ".join(
                f"{loop / made:.1f}x" for loop, made in zip(loops, batches, strict=True)
            )
            print(f"docxtpl loop / batch, round by round{suffix}: {each}")
    print(f"team: {args.team}")
    if args.compare is not None:
        print(f"before ({args.compare}):")
        ratios(median, args.batch, BEFORE)
        print("now:")
    ratios(median, args.batch)
    print(f"measured {dt.datetime.now():%Y-%m-%d %H:%M}, {args.runs} runs")


if __name__ == "__main__":
    main()
