"""Commands that write one note: ``brief``, ``update`` and ``demo``."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pitchkit.cli.common import (
    Terminal,
    UserDefaults,
    app,
    emit_json,
    load_project,
    report_written,
    say,
    user_errors,
)
from pitchkit.cli.options import (
    BilingualOpt,
    DirectorOpt,
    DirectorsOpt,
    FactsArg,
    ForceOpt,
    JsonOpt,
    LocaleOpt,
    MeasuresOpt,
    MemoryLimitOpt,
    NoCutsOpt,
    OutOpt,
    PdfOpt,
    PeriodOpt,
    TemplateOpt,
    TimeLimitOpt,
)
from pitchkit.cli.plan import report_advice
from pitchkit.i18n.messages import Message

if TYPE_CHECKING:
    from pitchkit.api import PeriodStatus
    from pitchkit.i18n.translation import Language


#: ``--strict`` for a note in Welsh.
StrictOpt = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="In Welsh: refuse, naming each field, when the note would show English text.",
    ),
]


@app.command(rich_help_panel="Write notes")
@user_errors
def brief(
    facts: FactsArg,
    director: DirectorOpt = None,
    directors: DirectorsOpt = None,
    out: OutOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    bilingual: BilingualOpt = False,
    no_cuts: NoCutsOpt = False,
    strict: StrictOpt = False,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the one-page sponsor briefing note for one director.

    Example: pitchkit brief facts.yaml --director dof --out notes/
    Example: pitchkit brief facts.yaml -d dof --out notes/ --json
    Example: pitchkit brief facts.yaml -d dof --directors team.xlsx
    """
    from pitchkit.api import BriefRequest, write_brief
    from pitchkit.word.limits import limits_in_force

    request = BriefRequest(
        facts,
        director,
        out,
        template,
        locale,
        default_locale=UserDefaults.locale,
        force=force,
        pdf=pdf,
        bilingual=bilingual,
        no_cuts=no_cuts,
        strict=strict,
        directors=directors,
    )
    with limits_in_force(time_limit, memory_limit):
        result = write_brief(request, Terminal())  # its warnings are printed as they come
    report_pages(result.pages, measured=result.pages_measured)
    report_written(result.written, result.lang)
    report_advice(result.findings, result.lang)
    if as_json:
        emit_json(result.to_json())


def report_pages(pages: int | None, *, measured: bool) -> None:
    """With --verbose, say how many pages the note takes and how that is known."""
    if pages is None:
        return
    if measured:
        say(Message("Pages: {n}, as LibreOffice lays the note out.", n=pages), level=2)
    else:
        say(
            Message(
                "Pages: 1, by pitchkit's estimate: the note fits with room to spare, so "
                "LibreOffice was not needed to measure it."
            ),
            level=2,
        )


@app.command(rich_help_panel="Write notes")
@user_errors
def update(
    facts: FactsArg,
    director: DirectorOpt = None,
    directors: DirectorsOpt = None,
    period: PeriodOpt = None,
    out: OutOpt = None,
    template: TemplateOpt = None,
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    bilingual: BilingualOpt = False,
    measures: MeasuresOpt = None,
    strict: StrictOpt = False,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the progress update for one director, or a fill-in template for a new period.

    Example: pitchkit update facts.yaml --director dof --period 2027-Q2
    Example: pitchkit update facts.yaml -d dof --period 2027-Q2 --out notes/ --json
    """
    from pitchkit.api import UpdateRequest, write_update
    from pitchkit.word.limits import limits_in_force

    request = UpdateRequest(
        facts,
        director,
        out,
        template,
        locale,
        default_locale=UserDefaults.locale,
        force=force,
        pdf=pdf,
        bilingual=bilingual,
        period=period,
        measures=measures,
        strict=strict,
        directors=directors,
    )
    with limits_in_force(time_limit, memory_limit):
        result = write_update(request, Terminal())
    report_written(result.written, result.lang)
    report_period(result.period, result.lang)
    if as_json:
        emit_json(result.to_json())


def report_period(status: PeriodStatus, lang: Language, *, notes: int = 1) -> None:
    """Say when the update is built from its months, or is the latest period to fill in.

    The warnings about the period (outside the project, months with no entry, a
    period asked for that is to fill in) come from the use case, as it ends.
    """
    from pitchkit.i18n.fmt import period_label

    period = period_label(status.period, lang)
    if status.built_from and not status.unlogged:
        message = lang.ngettext(
            "The update for {period} is built from the progress log's entries for its {months} "
            "months.",
            "The updates for {period} are built from the progress log's entries for its {months} "
            "months.",
            notes,
        )
        say(message.format(period=period, months=len(status.built_from)))
    if status.fill_in and not status.asked:
        message = lang.ngettext(
            "the progress log has no entry for {period}, so this is a fill-in template: "
            "replace each part in [square brackets]",
            "the progress log has no entry for {period}, so these are fill-in templates: "
            "replace each part in [square brackets]",
            notes,
        ).format(period=period)
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
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
) -> None:
    """Run the bundled example end to end: a briefing note for each of its directors.

    Example: pitchkit demo --out pitchkit-demo
    Example: pitchkit demo --out demo-cy --locale cy_GB
    """
    from pitchkit.api.base import check_can_write, save_document
    from pitchkit.notes.brief import default_file_name, make_brief_note
    from pitchkit.output.files import write_atomic
    from pitchkit.output.pagecount import measuring
    from pitchkit.output.pdf import find_soffice

    facts_path = demo_facts()
    measure = measuring()
    project = load_project(facts_path, locale)
    if pdf:
        find_soffice()
    directors = project.facts.directors
    paths = [
        out / default_file_name(project.facts, director, "brief", project.lang)
        for director in directors
    ]
    for path in paths:  # every refusal before anything is written
        check_can_write(path, force=force, pdf=pdf)
    copy = out / "facts.yaml"
    # lexists, not exists: a link at this name, even a broken one, is never written through;
    # with --force the link itself is replaced.
    if force or not os.path.lexists(copy):
        write_atomic(copy, facts_path.read_bytes(), force=force)
    say(project.lang.gettext("Example facts: {path}").format(path=copy))
    today = dt.date.today()
    possible = 0
    for director, path in zip(directors, paths, strict=True):
        note = make_brief_note(project, director, today=today, measure=measure)
        possible += sum(1 for link in note.pitch.links if link.confidence == "possible")
        for written in save_document(path, note.data, force=force, pdf=pdf):
            say(
                project.lang.gettext("Wrote {path}  ({role}, alignment {score}/100)").format(
                    path=written, role=director.role, score=note.pitch.score
                )
            )
    if possible:
        # The map's weaker links are left out of the notes until the lead confirms them.
        say(
            project.lang.gettext(
                "Possible links the notes do not claim: {count}. "
                "Confirm or rule them out with: pitchkit link {path}"
            ).format(count=possible, path=copy)
        )
