"""The pitchkit command line: thin commands that call the core and report.

Every command turns its options into calls of core functions; this module
alone prints, and turns a :class:`~pitchkit.errors.PitchkitError` into a
one-line message on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import json
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from pitchkit import __version__
from pitchkit.advice import SEVERITIES, Finding, check
from pitchkit.bilingual import Pair, make_bilingual_brief, make_bilingual_update, open_pair
from pitchkit.bilingual import file_name as bilingual_file_name
from pitchkit.errors import InputError, OutputError, PitchkitError
from pitchkit.facts import LoadedFacts
from pitchkit.fit import Cut
from pitchkit.i18n import N_, Language
from pitchkit.notes import Project, default_file_name, make_brief_note, open_project, pick_director
from pitchkit.output import check_writable, write_atomic
from pitchkit.pdf import convert_to_pdf
from pitchkit.ranking import (
    Place,
    Ranking,
    lens_title,
    link_reason,
    objective_label,
    rank_directors,
    ranking_json,
    recommendation_lines,
    statement_text,
    team_for,
)
from pitchkit.update import chosen_period, make_update, update_file_name

app = typer.Typer(
    name="pitchkit",
    help=(
        "Turn your improvement project's facts into a one-page sponsor briefing note, "
        "progress updates and meeting packs that speak to each director's objectives."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

out_console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])


class Verbosity:
    """How much the commands say: -q only errors, -v more detail."""

    level = 1


def say(message: str, *, level: int = 1) -> None:
    """Print a progress or result line unless --quiet."""
    if Verbosity.level >= level:
        out_console.print(message, markup=False)


def warn(message: str) -> None:
    """Print a warning on stderr (shown even with --quiet)."""
    err_console.print(f"[yellow]warning:[/] {escape(message)}")


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    return text.replace("[", "\\[")


def user_errors(command: F) -> F:
    """Turn PitchkitErrors into a one-line red message and exit code 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except PitchkitError as error:
            for line in str(error).splitlines() or ["unknown problem"]:
                err_console.print(f"[red]error:[/] {escape(line)}")
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err_console.print("[red]stopped:[/] interrupted; nothing partial was left behind")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        out_console.print(f"pitchkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only show errors and warnings.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say more about each step.")
    ] = False,
) -> None:
    """Sponsor briefing notes and progress updates for NHS improvement projects."""
    Verbosity.level = 0 if quiet else 2 if verbose else 1


FactsArg = Annotated[
    Path, typer.Argument(help="The project's facts file (YAML).", show_default=False)
]
DirectorOpt = Annotated[
    str | None,
    typer.Option(
        "--director",
        "-d",
        help="Id of the director the note is for (default: the meeting's director).",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="File to write, or a folder to write it in."),
]
TemplateOpt = Annotated[
    Path | None, typer.Option("--template", "-t", help="Your own Word template (.docx).")
]
LocaleOpt = Annotated[
    str | None, typer.Option("--locale", "-l", help="Language of the document: en_GB or cy_GB.")
]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace files that already exist.")]
BilingualOpt = Annotated[
    bool,
    typer.Option(
        "--bilingual", help="Welsh and English in one document, Welsh first (instead of --locale)."
    ),
]
PdfOpt = Annotated[
    bool, typer.Option("--pdf", help="Also save a PDF beside the .docx (needs LibreOffice).")
]


def output_path(out: Path | None, default_name: str) -> Path:
    """Where to write: ``--out`` as a file, as a folder, or the current folder."""
    if out is None:
        return Path.cwd() / default_name
    if out.is_dir() or str(out).endswith(("/", "\\")):
        return out / default_name
    if out.suffix.lower() != ".docx":
        raise OutputError(f"--out {out}: give a file name ending in .docx, or a folder")
    return out


def show_loading_warnings(project: Project) -> None:
    """Print what loading noticed (removed characters and so on)."""
    for line in project.loaded.warnings:
        warn(line)


def report_cuts(cuts: tuple[Cut, ...]) -> None:
    """Tell the user what the one-page note shows less of than their facts."""
    if not cuts:
        return
    shown = "; ".join(f"{cut.field} ({cut.detail})" for cut in cuts)
    warn(
        f"to fit one page the note shortens {shown}; your facts file is unchanged: "
        "shorten those texts there for a note that reads exactly as you wrote it"
    )


def open_bilingual(facts: Path, locale: str | None) -> Pair:
    """Load the facts in Welsh and English for --bilingual, showing what loading noticed."""
    if locale is not None:
        raise InputError(
            f"--locale {locale} with --bilingual: a bilingual document is always Welsh then "
            "English, so leave out --locale"
        )
    pair = open_pair(facts)
    for line in dict.fromkeys([*pair.cy.loaded.warnings, *pair.en.loaded.warnings]):
        warn(line)
    return pair


def save_document(path: Path, data: bytes, *, force: bool, pdf: bool) -> list[Path]:
    """Write the .docx (and its PDF) and return the paths written."""
    write_atomic(path, data, force=force)
    written = [path]
    if pdf:
        for result in convert_to_pdf([path], force=force):
            if result.pdf is None:
                raise OutputError(f"{path}: no PDF was made: {result.error}")
            written.append(result.pdf)
    return written


@app.command(rich_help_panel="Write notes")
@user_errors
def brief(
    facts: FactsArg,
    director: DirectorOpt = None,
    out: OutOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    bilingual: BilingualOpt = False,
) -> None:
    """Write the one-page sponsor briefing note for one director.

    Example: pitchkit brief facts.yaml --director dof --out notes/
    """
    if bilingual:
        pair = open_bilingual(facts, locale)
        chosen = pick_director(pair.cy.facts, director, source=str(facts))
        path = output_path(out, bilingual_file_name(pair, chosen, "brief"))
        check_writable(path, force=force)
        both = make_bilingual_brief(pair, chosen.id, template=template)
        report_cuts(both.cuts)
        for written in save_document(path, both.data, force=force, pdf=pdf):
            say(f"Wrote {written}")
        report_advice(brief_findings(pair.cy.loaded, chosen.id, pair.cy.lang), pair.cy.lang)
        return
    project = open_project(facts, locale=locale)
    show_loading_warnings(project)
    chosen = pick_director(project.facts, director, source=str(facts))
    path = output_path(out, default_file_name(project.facts, chosen, "brief", project.lang))
    check_writable(path, force=force)
    note = make_brief_note(project, chosen, template=template)
    report_cuts(note.cuts)
    for written in save_document(path, note.data, force=force, pdf=pdf):
        say(f"Wrote {written}")
    report_advice(brief_findings(project.loaded, chosen.id, project.lang), project.lang)


PeriodOpt = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Period to report on: YYYY-MM, YYYY-Qn or YYYY (default: the latest logged).",
    ),
]


@app.command(rich_help_panel="Write notes")
@user_errors
def update(
    facts: FactsArg,
    director: DirectorOpt = None,
    period: PeriodOpt = None,
    out: OutOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    bilingual: BilingualOpt = False,
) -> None:
    """Write the progress update for one director, or a fill-in template for a new period.

    Example: pitchkit update facts.yaml --director dof --period 2027-Q2
    """
    pair = open_bilingual(facts, locale) if bilingual else None
    project = pair.cy if pair else open_project(facts, locale=locale)
    if pair is None:
        show_loading_warnings(project)
    chosen = pick_director(project.facts, director, source=str(facts))
    when = chosen_period(project.facts, period, dt.date.today())
    if pair:
        name = bilingual_file_name(pair, chosen, "update", period=when.text)
    else:
        name = update_file_name(project.facts, chosen, when.text, project.lang)
    path = output_path(out, name)
    check_writable(path, force=force)
    if pair:
        data, info = make_bilingual_update(pair, chosen.id, period=when.text, template=template)
    else:
        data, info = make_update(project, chosen, period=when.text, template=template)
    for written in save_document(path, data, force=force, pdf=pdf):
        say(f"Wrote {written}")
    if info.fill_in:
        message = (
            f"the progress log has no entry for {info.period}, so this is a fill-in template: "
            "replace each part in [square brackets]"
        )
        if period:
            warn(message)
        else:
            say(message[:1].upper() + message[1:])


def demo_facts() -> Path:
    """The bundled example's facts file, inside the installed package."""
    return Path(str(resources.files("pitchkit") / "demo" / "facts.yaml"))


@app.command(rich_help_panel="Write notes")
@user_errors
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write the example notes in.")
    ] = Path("pitchkit-demo"),
    force: ForceOpt = False,
    pdf: PdfOpt = False,
) -> None:
    """Run the bundled example end to end: a briefing note for each of its directors.

    Example: pitchkit demo --out pitchkit-demo
    """
    facts_path = demo_facts()
    project = open_project(facts_path)
    out.mkdir(parents=True, exist_ok=True)
    copy = out / "facts.yaml"
    if force or not copy.exists():
        shutil.copyfile(facts_path, copy)
    say(f"Example facts: {copy}")
    today = dt.date.today()
    for director in project.facts.directors:
        path = out / default_file_name(project.facts, director, "brief", project.lang)
        check_writable(path, force=force)
        note = make_brief_note(project, director, today=today)
        for written in save_document(path, note.data, force=force, pdf=pdf):
            say(f"Wrote {written}  ({director.role}, alignment {note.pitch.score}/100)")


# ---------------------------------------------------------------- template


template_app = typer.Typer(
    help="Use your own Word template: export a built-in one to restyle, or check yours.",
    no_args_is_help=True,
)
app.add_typer(template_app, name="template", rich_help_panel="Your own templates")

KindArg = Annotated[
    str, typer.Argument(help="Which template: brief or update.", show_default=False)
]
TimeLimitOpt = Annotated[
    str | None,
    typer.Option(
        "--time-limit",
        help="Seconds filling a template may take (default 30, or PITCHKIT_TIME_LIMIT).",
    ),
]
MemoryLimitOpt = Annotated[
    str | None,
    typer.Option(
        "--memory-limit",
        help="Memory filling a template may use, such as 512M or 2G "
        "(default 1G, or PITCHKIT_MEMORY_LIMIT).",
    ),
]


@template_app.command("export")
@user_errors
def template_export(
    kind: KindArg,
    path: Annotated[
        Path, typer.Argument(help="The .docx file (or folder) to write.", show_default=False)
    ],
    force: ForceOpt = False,
) -> None:
    """Save a built-in template as a .docx you can restyle in Word.

    Example: pitchkit template export brief our-brief.docx
    """
    from pitchkit.templatecheck import export_template

    written = export_template(kind, path, force=force)
    say(f"Wrote {written}")
    say(f"Restyle it in Word, then use it with: pitchkit {kind} FACTS --template {written}")


@template_app.command("check")
@user_errors
def template_check(
    path: Annotated[Path, typer.Argument(help="Your Word template (.docx).", show_default=False)],
    kind: Annotated[
        str | None,
        typer.Option("--kind", "-k", help="brief or update (default: update if it uses 'update')."),
    ] = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
) -> None:
    """List the variables a template uses and check it can be filled.

    Exits 1 when the template cannot be filled; warnings alone exit 0.
    Example: pitchkit template check our-brief.docx
    """
    from pitchkit.limits import Limits, parse_seconds, parse_size
    from pitchkit.templatecheck import check_template

    limits = Limits.from_environment()
    limits = Limits(
        seconds=parse_seconds(time_limit) if time_limit else limits.seconds,
        memory_bytes=parse_size(memory_limit) if memory_limit else limits.memory_bytes,
    )
    report = check_template(path, kind=kind, limits=limits)
    label = "briefing note" if report.kind == "brief" else "progress update"
    say(f"{path}: checked as a {label} template")
    say(f"Variables used ({len(report.variables)}):")
    width = max((len(u.path) for u in report.variables), default=0)
    for usage in report.variables:
        say(f"  {usage.path.ljust(width)}  {', '.join(usage.places)}")
    for finding in report.findings:
        if finding.level == "warning":
            warn(finding.message)
    errors = [f.message for f in report.findings if f.level == "error"]
    for message in errors:
        err_console.print(f"[red]error:[/] {escape(message)}")
    if errors:
        raise typer.Exit(1)
    say("It fills correctly with the example project's facts.")


DirectorsOpt = Annotated[
    Path | None,
    typer.Option(
        "--directors",
        help="Directors from a file (.yaml, .csv or .xlsx) instead of the facts file.",
    ),
]


def with_directors_file(project: Project, path: Path) -> tuple[Project, list[str]]:
    """Replace the facts' directors with those in ``path``; return the rows skipped."""
    from dataclasses import replace

    from pitchkit.directors import load_directors, with_directors

    found = load_directors(path)
    for line in found.warnings:
        warn(line)
    facts = with_directors(project.facts, found.directors)
    return Project(replace(project.loaded, facts=facts), project.lang), list(found.problems)


def batch_progress(total: int) -> Any:
    """A progress bar on a terminal, or nothing when output goes elsewhere or -q."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not out_console.is_terminal or Verbosity.level < 1 or total < 1:
        return None
    return Progress(
        TextColumn("Writing notes"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=out_console,
        transient=True,
    )


def batch_summary(result: Any) -> None:
    """A table of what became of each director's note."""
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for column in ("Director", "File", "Status", "Note"):
        table.add_column(column, overflow="fold")
    colours = {"ok": "green", "failed": "red", "refused": "yellow", "skipped": "yellow"}
    for item in result.items:
        table.add_row(
            escape(f"{item.name} ({item.director_id})"),
            escape(item.file.name if item.file else ""),
            f"[{colours[item.status]}]{item.status}[/]",
            escape(item.error),
        )
    out_console.print(table)


@app.command(rich_help_panel="Write notes")
@user_errors
def batch(
    facts: FactsArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the notes in.")],
    directors: DirectorsOpt = None,
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="What to write: brief or update.")
    ] = "brief",
    only: Annotated[
        str | None,
        typer.Option("--only", help="Only these directors: ids separated by commas."),
    ] = None,
    period: PeriodOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    pack: Annotated[
        Path | None,
        typer.Option("--pack", help="Also put every note in one .docx, for printing."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Notes made at once (default: every core)."),
    ] = None,
) -> None:
    """Write a note for each director at once, with a manifest of what was done.

    Example: pitchkit batch facts.yaml --directors team.xlsx --out notes/ --pack pack.docx
    """
    from pitchkit.batch import run_batch

    project = open_project(facts, locale=locale)
    show_loading_warnings(project)
    problems: list[str] = []
    if directors is not None:
        project, problems = with_directors_file(project, directors)
    for line in problems:
        err_console.print(f"[red]skipped:[/] {escape(line)}")
    chosen = [part for part in (only or "").split(",") if part.strip()]
    progress = batch_progress(len(project.facts.directors))

    def advance(item: Any, done: int, total: int) -> None:
        if progress is not None:
            progress.update(task, completed=done, total=total, description=escape(item.name))

    with progress if progress is not None else contextlib.nullcontext():
        task = progress.add_task("", total=None) if progress is not None else None
        result = run_batch(
            project=project,
            directors=project.facts.directors,
            kind=kind,
            out_dir=out,
            template=template,
            force=force,
            jobs=jobs,
            only=chosen,
            pdf=pdf,
            pack=pack,
            period=period,
            on_progress=advance,
        )
    report_batch(result, problems)


def report_batch(result: Any, problems: list[str]) -> None:
    """Print the summary, a line per failure, and exit 1 (130 when interrupted) if needed."""
    if Verbosity.level >= 1:
        batch_summary(result)
    written = sum(1 for item in result.items if item.status == "ok")
    say(f"Wrote {written} of {len(result.items)} notes in {result.manifest.parent}")
    say(f"Manifest: {result.manifest}")
    if result.pack is not None:
        say(f"Pack: {result.pack}")
    for item in result.items:
        if item.status == "ok" and item.error:
            warn(f"{item.director_id}: {item.error}")
    for item in result.failed:
        err_console.print(f"[red]error:[/] {escape(f'{item.director_id}: {item.error}')}")
    if result.pack_error:
        err_console.print(f"[red]error:[/] {escape(f'pack not written: {result.pack_error}')}")
    if result.interrupted:
        err_console.print(
            "[red]stopped:[/] interrupted; the notes written are complete, and the manifest "
            "lists the directors skipped"
        )
        raise typer.Exit(130)
    if problems or not result.ok:
        raise typer.Exit(1)


def role_and_lens(place: Place, lang: Language) -> str:
    """``Chief Nurse / Director of Nursing``; the role alone when the lens says the same."""
    lens = lens_title(place, lang)
    role = place.director.role
    return role if role.casefold() == lens.casefold() else f"{role} / {lens}"


def ranking_table(ranking: Ranking, lang: Language) -> Any:
    """The ranked directors as a rich table."""
    from rich.table import Table

    table = Table(show_lines=True, expand=False)
    for column in ("#", "Director", "Role / lens", "Score", "Objectives served"):
        table.add_column(lang.gettext(column), overflow="fold")
    table.add_column(lang.gettext("Strongest statement"), overflow="fold", ratio=2)
    table.add_column(lang.gettext("Why linked"), overflow="fold", ratio=2)
    for place in ranking.places:
        pitch = place.pitch
        reasons = [
            f"{found.impact} → {found.objective}: "
            f"{link_reason(found, lang, director_id=place.director.id)}"
            for found in pitch.links
        ]
        table.add_row(
            str(place.rank),
            escape(f"{place.director.name} ({place.director.id})"),
            escape(role_and_lens(place, lang)),
            str(pitch.score),
            escape("\n".join(objective_label(o, lang) for o in pitch.served) or "-"),
            escape(statement_text(place, lang) or "-"),
            escape("\n".join(reasons) or lang.gettext("no objective served")),
        )
    return table


@app.command(rich_help_panel="Plan and check")
@user_errors
def directors(
    facts: FactsArg,
    directors: DirectorsOpt = None,
    locale: LocaleOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the ranking as JSON.")] = False,
) -> None:
    """Rank the directors by how well the project serves them, and say whom to approach first.

    Example: pitchkit directors facts.yaml --directors team.xlsx
    """
    project = open_project(facts, locale=locale)
    show_loading_warnings(project)
    team = team_for(project.loaded, directors)
    for line in team.warnings:
        warn(line)
    ranking = rank_directors(team.loaded.facts)
    if as_json:
        typer.echo(json.dumps(ranking_json(ranking, project.lang), ensure_ascii=False, indent=2))
        return
    out_console.print(ranking_table(ranking, project.lang))
    out_console.print()
    out_console.print(f"[bold]{escape(project.lang.gettext('Recommendation'))}[/]")
    for line in recommendation_lines(ranking, project.lang):
        out_console.print(escape(line))


SEVERITY_HEADINGS = {"error": N_("Errors"), "warning": N_("Warnings"), "info": N_("Notes")}
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def print_findings(findings: list[Finding], lang: Language) -> None:
    """Findings grouped by severity, each with where, evidence and fix."""
    if not findings:
        out_console.print(lang.gettext("No findings: the pitch follows the guide's advice."))
        return
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        colour = SEVERITY_COLOURS[severity]
        heading = lang.gettext(SEVERITY_HEADINGS[severity])
        out_console.print(f"[bold {colour}]{escape(heading)} ({len(group)})[/]")
        for finding in group:
            out_console.print(f"  [{colour}]{finding.rule}[/]: {escape(finding.message)}")
            if finding.where:
                out_console.print(f"    {lang.gettext('where')}: {escape(finding.where)}")
            out_console.print(f"    {lang.gettext('evidence')}: {escape(finding.evidence)}")
            out_console.print(f"    {lang.gettext('fix')}: {escape(finding.fix)}")
        out_console.print()


def brief_findings(loaded: LoadedFacts, director_id: str, lang: Language) -> list[Finding]:
    """The guide's findings for a note just written; a problem is a warning, never a failure."""
    try:
        return check(loaded, director_id=director_id, today=dt.date.today(), lang=lang)
    except PitchkitError as error:
        warn(f"the pitch could not be checked against the guide: {error}")
        return []


def report_advice(findings: list[Finding], lang: Language) -> None:
    """The findings in brief, one line each, after a note is written."""
    if not findings:
        return
    say(lang.gettext("Advice from the guide (run 'pitchkit check' for the evidence and fixes):"))
    for finding in findings:
        say(f"  {lang.gettext(finding.severity)}: {finding.message}")


def has_warnings(findings: list[Finding]) -> bool:
    """Whether any finding is a warning or an error."""
    return any(f.severity in ("warning", "error") for f in findings)


@app.command(name="check", rich_help_panel="Plan and check")
@user_errors
def check_command(
    facts: FactsArg,
    director: Annotated[
        str | None,
        typer.Option(
            "--director",
            "-d",
            help="Id of the director the pitch is for (default: the meeting's director).",
        ),
    ] = None,
    directors: DirectorsOpt = None,
    locale: LocaleOpt = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any warning or error is found.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Check the pitch against the guide's advice on winning an executive sponsor.

    Findings never change the exit code unless --strict is given.

    Example: pitchkit check facts.yaml --director dof --strict
    """
    project = open_project(facts, locale=locale)
    show_loading_warnings(project)
    team = team_for(project.loaded, directors) if directors else None
    for line in team.warnings if team else ():
        warn(line)
    loaded = team.loaded if team else project.loaded
    findings = check(loaded, director_id=director, today=dt.date.today(), lang=project.lang)
    if as_json:
        data = {"findings": [dataclasses.asdict(f) for f in findings]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_findings(findings, project.lang)
    if strict and has_warnings(findings):
        raise typer.Exit(1)


# ---------------------------------------------------------------- init and preview


def ask_in_terminal(question: Any) -> str:
    """Show one question of ``pitchkit init`` (its hint, choices or problem) and read the answer.

    Hints are hidden with --quiet; --verbose also names the field the answer fills.
    """
    if question.problem:
        err_console.print(f"  [yellow]{escape(question.problem)}[/]")
    elif question.hint and Verbosity.level >= 1:
        out_console.print(f"[dim]{escape(question.hint)}[/]")
    if question.choices and not question.problem:
        for number, choice in enumerate(question.choices, start=1):
            out_console.print(f"  [cyan]{number:>2}[/]  {escape(choice)}")
    text = question.text
    if Verbosity.level >= 2:
        text = f"{text} ({question.key})"
    suffix = " " if text.endswith(("?", ".", ":", ")")) else ": "
    answer = typer.prompt(
        text, default=question.default, show_default=bool(question.default), prompt_suffix=suffix
    )
    return str(answer)


def confirm_in_terminal(question: str, *, default: bool) -> bool:
    """Ask a yes/no question in the terminal (Enter takes ``default``)."""
    return bool(typer.confirm(question, default=default))


def stopped(lang: Language) -> typer.Exit:
    """Say that ``init`` stopped before the end and left no file; return the exit to raise."""
    message = lang.gettext("the questions ended early, so no file was written")
    err_console.print(f"[red]stopped:[/] {escape(message)}")
    return typer.Exit(1)


def may_replace(path: Path, *, force: bool, lang: Language) -> bool:
    """Whether ``path`` may be replaced: --force, or the user says so; refuse otherwise."""
    if force or not path.exists():
        return force
    if path.is_dir():
        raise OutputError(f"{path} is a folder: give the name of a file to write instead")
    question = lang.gettext("{path} already exists. Replace it when the questions are done?")
    if confirm_in_terminal(question.format(path=path), default=False):
        return True
    raise OutputError(
        lang.gettext(
            "{path} already exists and was left as it is: give another PATH, "
            "or add --force to replace it"
        ).format(path=path)
    )


def next_steps(path: Path, director_ids: tuple[str, ...], lang: Language) -> None:
    """Tell the user what to run next."""
    director = director_ids[0] if director_ids else "ID"
    say(lang.gettext("Wrote {path}").format(path=path))
    say(
        lang.gettext("Next, see the note:   pitchkit preview {path} --director {id}").format(
            path=path, id=director
        )
    )
    say(
        lang.gettext("Then write it:        pitchkit brief {path} --director {id}").format(
            path=path, id=director
        )
    )
    say(
        lang.gettext("Check it against the guide: pitchkit check {path}").format(path=path), level=2
    )


FromOpt = Annotated[
    Path | None,
    typer.Option(
        "--from",
        help="An existing facts file to add an impact or a director to.",
        show_default=False,
    ),
]


@app.command(rich_help_panel="Start here")
@user_errors
def init(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="The facts file to write (default: facts.yaml, or the --from file).",
            show_default=False,
        ),
    ] = None,
    from_file: FromOpt = None,
    locale: LocaleOpt = None,
    force: Annotated[
        bool, typer.Option("--force", "-f", help="Replace an existing file without asking.")
    ] = False,
) -> None:
    """Answer plain-language questions and get a commented facts file, ready for a note.

    Nothing is written until the last answer; Ctrl-C leaves no file behind.
    Example: pitchkit init facts.yaml
    Example: pitchkit init --from facts.yaml   (add another director or impact)
    """
    from pitchkit.i18n import language
    from pitchkit.init import extended_facts_text, new_facts_text

    lang = language(locale)
    target = path or from_file or Path("facts.yaml")
    in_place = from_file is not None and path is None
    try:
        replace = True if in_place else may_replace(target, force=force, lang=lang)
        if from_file is not None:
            written = extended_facts_text(from_file, ask_in_terminal, lang)
            question = lang.gettext("Save the additions to {path}?").format(path=target)
            if in_place and not force and not confirm_in_terminal(question, default=True):
                say(lang.gettext("Nothing was written."))
                return
        else:
            written = new_facts_text(
                ask_in_terminal, lang, file_name=target.name, today=dt.date.today(), locale=locale
            )
    except (typer.Abort, EOFError, KeyboardInterrupt):
        raise stopped(lang) from None
    write_atomic(target, written.text.encode("utf-8"), force=replace)
    next_steps(target, written.director_ids, lang)


KindOpt = Annotated[str, typer.Option("--kind", "-k", help="Which note: brief or update.")]


@app.command(rich_help_panel="Start here")
@user_errors
def preview(
    facts: FactsArg,
    director: DirectorOpt = None,
    kind: KindOpt = "brief",
    period: PeriodOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
) -> None:
    """Show the note in the terminal exactly as it will read, then the guide's checks.

    Writes no file. Plain text when the output is not a terminal; --quiet
    shows the note alone, --verbose adds where and why for each finding.
    Example: pitchkit preview facts.yaml --director dof
    Example: pitchkit preview facts.yaml -d dof --kind update --period 2027-Q2
    """
    from pitchkit.errors import InputError
    from pitchkit.notes import KINDS
    from pitchkit.preview import make_preview, plain_preview, rich_preview

    if kind not in KINDS:
        raise InputError(f"--kind {kind}: choose brief or update")
    project = open_project(facts, locale=locale)
    show_loading_warnings(project)
    chosen = pick_director(project.facts, director, source=str(facts))
    shown = make_preview(
        project,
        chosen,
        kind=kind,
        period=period,
        template=template,
        checks=Verbosity.level >= 1,
        detail=Verbosity.level >= 2,
    )
    if out_console.is_terminal:
        out_console.print(rich_preview(shown, project.lang))
    else:
        typer.echo(plain_preview(shown, project.lang), nl=False)


def main() -> None:
    """Entry point for the ``pitchkit`` console script."""
    app()
