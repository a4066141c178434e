"""What ``pitchkit batch`` does once its options are parsed, and how it reports.

Both ways in call :func:`run_batch`: typer's ``batch`` command
(:mod:`pitchkit.cli.batch`) and the quick path for a plain ``batch``
(:mod:`pitchkit.cli.quick`). rich is loaded only for what needs it: the
progress bar on a terminal and the summary table (left out with ``-q``).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from pitchkit.cli.console import (
    Verbosity,
    escape,
    fail,
    rich_consoles,
    say,
    stopped,
    words,
)
from pitchkit.cli.flags import given_day
from pitchkit.cli.running import CommandExit, Terminal, UserDefaults, report_period
from pitchkit.errors import OutputError
from pitchkit.i18n.messages import Located, Message, Renderable, render
from pitchkit.i18n.translation import N_, Language


def batch_progress(total: int, lang: Language) -> Any:
    """A progress bar on a terminal, or nothing when output goes elsewhere or -q."""
    out_console = rich_consoles()[0] if Verbosity.level >= 1 and total >= 1 else None
    if out_console is None or not out_console.is_terminal:
        return None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

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
    rich_consoles()[0].print(table)


def run_batch(
    facts: Path,
    *,
    out: Path | None,
    directors: Path | None,
    kind: str,
    only: str | None,
    period: str | None,
    measures: Path | None,
    template: Path | None,
    locale: str | None,
    force: bool,
    pdf: bool,
    pack: Path | None,
    jobs: int | None,
    no_cuts: bool,
    time_limit: str | None,
    memory_limit: str | None,
    as_json: bool,
    resume: bool = False,
    today: str | None = None,
    strict: bool = False,
) -> None:
    """Write the notes, then say what became of each (:class:`CommandExit` unless all went well)."""
    from pitchkit.api import BatchRequest, Heard, open_batch, write_batch
    from pitchkit.word.limits import limits_in_force

    if out is None:
        raise OutputError(
            Message(
                "say where to write the notes: --out FOLDER, or keep a default with "
                "pitchkit config set out FOLDER"
            )
        )
    request = BatchRequest(
        facts,
        out,
        directors=directors,
        kind=kind,
        only=tuple(part for part in (only or "").split(",") if part.strip()),
        period=period,
        measures=measures,
        template=template,
        locale=locale,
        default_locale=UserDefaults.locale,
        force=force,
        resume=resume,
        pdf=pdf,
        pack=pack,
        jobs=jobs,
        no_cuts=no_cuts,
        strict=strict,
        today=given_day(today),
    )
    # One listener hears the opening and the writing, so the outcome (and --json) keeps
    # every warning printed, the directors file's among them, in the order printed.
    heard = Heard(Terminal())
    with limits_in_force(time_limit, memory_limit):
        project, problems = open_batch(request, heard)
        skipped = escape(words(Message("skipped:")))
        for line in problems:
            rich_consoles()[1].print(f"[red]{skipped}[/] {escape(words(line))}")
        progress = batch_progress(len(project.facts.directors), project.lang)

        def advance(item: Any, done: int, total: int) -> None:
            if progress is not None:
                progress.update(task, completed=done, total=total, description=escape(item.name))

        with progress if progress is not None else contextlib.nullcontext():
            task = progress.add_task("", total=None) if progress is not None else None
            outcome = write_batch(request, heard, opened=(project, problems), on_progress=advance)
    if outcome.period is not None:
        report_period(outcome.period, outcome.lang, notes=outcome.written)
    if as_json:
        from pitchkit.cli.common import emit_json

        emit_json(outcome.to_json())
    report_batch(outcome.batch, list(problems), outcome.lang)


def report_batch(result: Any, problems: list[Renderable | str], lang: Language) -> None:
    """Print the summary, a line per failure, and exit 1 (128 + the signal when stopped)."""
    if result.folder_made is not None:
        say(lang.gettext("Made the folder {folder}").format(folder=result.folder_made))
    if Verbosity.level >= 1:
        batch_summary(result, lang)
    written = sum(1 for item in result.items if item.status == "ok") - result.kept
    summary = lang.gettext("Wrote {written} of {total} notes in {folder}").format(
        written=written, total=len(result.items), folder=result.manifest.parent
    )
    if result.kept:
        kept = lang.ngettext(
            "{n} note written before was kept",
            "{n} notes written before were kept",
            result.kept,
        ).format(n=result.kept)
        summary = f"{summary}; {kept}"
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
    # The PDFs the stop left unmade are counted above and listed in the manifest, not given
    # a line each; a PDF that failed for another reason still is.
    from pitchkit.output.pdf import STOPPED

    stop = render(Message("no PDF: {why}", why=STOPPED))
    listed = tuple(item for item in result.pdf_missing if render(item.error) != stop)
    for item in result.failed + listed:
        fail(Located(item.director_id, item.error))
    if result.pack_error:
        fail(Message("pack not written: {reason}", reason=result.pack_error))
    if result.interrupted:
        stopped(interrupted_message(result, lang))
        raise CommandExit(128 + result.stopped_by)  # as shells do: 130 for Ctrl-C, 143 for SIGTERM
    if problems or not result.ok:
        raise CommandExit(1)


def interrupted_message(result: Any, lang: Language) -> str:
    """What an interrupt left undone, agreeing with the summary line above it."""
    missing = len(result.pdf_missing)
    if result.unmade:
        text = lang.ngettext(
            "interrupted before {n} note was made; the notes written are whole",
            "interrupted before {n} notes were made; the notes written are whole",
            result.unmade,
        ).format(n=result.unmade)
    else:
        text = lang.gettext("interrupted after every note was written")
    if missing:
        pdfs = lang.ngettext(
            "{n} of them has no PDF",
            "{n} of them have no PDF",
            missing,
        ).format(n=missing)
        text = f"{text}; {pdfs}"
    if result.pack_asked and result.pack is None and not result.pack_error:
        text = lang.gettext("{what}; the pack was not made").format(what=text)
    if not result.unmade and not missing:
        # Nothing was left unmade for the manifest to list (newuser18 #13).
        if result.pack_asked and result.pack is None and not result.pack_error:
            return lang.gettext("{what}: run the same command with --resume to make it").format(
                what=text
            )
        return text
    return lang.gettext(
        "{what}; the manifest lists what was not made: run the same command with --resume "
        "to finish, keeping the notes written"
    ).format(what=text)
