"""The ``batch`` command: notes for several directors at once."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pitchkit.cli.common import (
    DirectorsOpt,
    FactsArg,
    ForceOpt,
    LocaleOpt,
    MeasuresOpt,
    NoCutsOpt,
    PdfOpt,
    PeriodOpt,
    QuietOpt,
    TemplateOpt,
    VerboseOpt,
    Verbosity,
    app,
    err_console,
    escape,
    fail,
    load_project,
    out_console,
    say,
    stopped,
    user_errors,
    warn,
    warn_about_template,
    words,
)
from pitchkit.cli.templates import MemoryLimitOpt, TimeLimitOpt
from pitchkit.errors import InputError, OutputError
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import N_, Language

if TYPE_CHECKING:
    from pitchkit.facts.project import Project


def with_directors_file(project: Project, path: Path) -> tuple[Project, list[Renderable | str]]:
    """Replace the facts' directors with those in ``path``; return the rows skipped."""
    from dataclasses import replace

    from pitchkit.facts.directors import load_directors, with_directors
    from pitchkit.facts.project import Project

    found = load_directors(path)
    for line in found.warnings:
        warn(line)
    facts = with_directors(project.facts, found.directors)
    return Project(replace(project.loaded, facts=facts), project.lang), list(found.problems)


def with_measures_file(project: Project, path: Path | None) -> Project:
    """The project with its measures spreadsheet's figures, warning of each overridden one."""
    from pitchkit.notes.update.measuresheet import with_measures

    projects, conflicts = with_measures([project], path)
    for line in conflicts:
        warn(line)
    return projects[0]


def batch_progress(total: int, lang: Language) -> Any:
    """A progress bar on a terminal, or nothing when output goes elsewhere or -q."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not out_console.is_terminal or Verbosity.level < 1 or total < 1:
        return None
    return Progress(
        TextColumn(lang.gettext("Writing notes")),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=out_console,
        transient=True,
    )


#: The statuses as the summary table words them (the manifest keeps the English ones).
STATUS_WORDS = {
    "ok": N_("ok"),
    "failed": N_("failed"),
    "refused": N_("refused"),
    "skipped": N_("skipped"),
}


def batch_summary(result: Any, lang: Language) -> None:
    """A table of what became of each director's note."""
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=None)
    for column in (
        lang.gettext("Director"),
        lang.gettext("File"),
        lang.gettext("Status"),
        lang.gettext("Note"),
    ):
        table.add_column(column, overflow="fold")
    colours = {"ok": "green", "failed": "red", "refused": "yellow", "skipped": "yellow"}
    for item in result.items:
        table.add_row(
            escape(f"{item.name} ({item.director_id})" if item.director_id else item.name),
            escape(item.file.name if item.file else ""),
            f"[{colours[item.status]}]{escape(lang.gettext(STATUS_WORDS[item.status]))}[/]",
            escape(words(item.error)),
        )
    out_console.print(table)


@app.command(rich_help_panel="Write notes")
@user_errors
def batch(
    facts: FactsArg,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Folder to write the notes in (default: out in pitchkit config)."
        ),
    ] = None,
    directors: DirectorsOpt = None,
    kind: Annotated[
        str, typer.Option("--kind", "-k", help="What to write: brief or update.")
    ] = "brief",
    only: Annotated[
        str | None,
        typer.Option("--only", help="Only these directors: ids separated by commas."),
    ] = None,
    period: PeriodOpt = None,
    measures: MeasuresOpt = None,
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
    no_cuts: NoCutsOpt = False,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Write a note for each director at once, with a manifest of what was done.

    Example: pitchkit batch facts.yaml --directors team.xlsx --out notes/ --pack pack.docx
    """
    from pitchkit.batch import run_batch
    from pitchkit.word.limits import limits_in_force

    if out is None:
        raise OutputError(
            Message(
                "say where to write the notes: --out FOLDER, or keep a default with "
                "pitchkit config set out FOLDER"
            )
        )
    with limits_in_force(time_limit, memory_limit):
        project = load_project(facts, locale)
        if measures is not None and kind != "update":
            raise InputError(
                Message("--measures gives figures for updates: use it with --kind update")
            )
        if kind == "update":
            project = with_measures_file(project, measures)
        warn_about_template(template, refuse_errors=True)
        problems: list[Renderable | str] = []
        if directors is not None:
            project, problems = with_directors_file(project, directors)
        skipped = escape(words(Message("skipped:")))
        for line in problems:
            err_console.print(f"[red]{skipped}[/] {escape(words(line))}")
        chosen = [part for part in (only or "").split(",") if part.strip()]
        progress = batch_progress(len(project.facts.directors), project.lang)

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
                skipped_rows=problems,
                no_cuts=no_cuts,
            )
    if template is not None:
        report_template_pages(template, result)
    if kind == "update" and any(item.status == "ok" for item in result.items):
        from pitchkit.cli.notes import report_period
        from pitchkit.notes.update import chosen_period

        when = chosen_period(project.facts, period, dt.date.today())
        made = sum(1 for item in result.items if item.status == "ok")
        report_period(project.facts, when, project.lang, asked=period is not None, notes=made)
    report_batch(result, problems, project.lang)


def report_template_pages(template: Path, result: Any) -> None:
    """With LibreOffice: warn, naming the template, for each note that runs over one page."""
    from pitchkit.notes.fit import template_over
    from pitchkit.output.pagecount import count_pages, measuring

    written = [item for item in result.items if item.status == "ok" and item.file is not None]
    if not written or not measuring():
        return
    pages = count_pages([item.file.read_bytes() for item in written])
    for item, count in zip(written, pages, strict=True):
        if count is not None and count > 1:
            warn(Located(item.director_id, template_over(str(template), count)))


def report_batch(result: Any, problems: list[Renderable | str], lang: Language) -> None:
    """Print the summary, a line per failure, and exit 1 (128 + the signal when stopped)."""
    if Verbosity.level >= 1:
        batch_summary(result, lang)
    written = sum(1 for item in result.items if item.status == "ok")
    summary = lang.gettext("Wrote {written} of {total} notes in {folder}").format(
        written=written, total=len(result.items), folder=result.manifest.parent
    )
    if result.rows_skipped:
        rows = lang.ngettext(
            "{n} row of the directors file was skipped (the manifest says why)",
            "{n} rows of the directors file were skipped (the manifest says why)",
            result.rows_skipped,
        ).format(n=result.rows_skipped)
        summary = f"{summary}; {rows}"
    if result.pdf_missing:
        missing = lang.ngettext(
            "{n} note has no PDF (the manifest says why)",
            "{n} notes have no PDF (the manifest says why)",
            len(result.pdf_missing),
        ).format(n=len(result.pdf_missing))
        summary = f"{summary}; {missing}"
    say(summary)
    say(lang.gettext("Manifest: {path}").format(path=result.manifest))
    if result.pack is not None:
        say(lang.gettext("Pack: {path}").format(path=result.pack))
    for item in result.failed + result.pdf_missing:
        fail(Located(item.director_id, item.error))
    if result.pack_error:
        fail(Message("pack not written: {reason}", reason=result.pack_error))
    if result.interrupted:
        stopped(
            Message(
                "interrupted; the notes written are complete, and the manifest lists the "
                "directors skipped"
            )
        )
        raise typer.Exit(128 + result.stopped_by)  # as shells do: 130 for Ctrl-C, 143 for SIGTERM
    if problems or not result.ok:
        raise typer.Exit(1)
