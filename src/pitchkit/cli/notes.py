"""Commands that write one note: ``brief``, ``update`` and ``demo``."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from pitchkit.cli.common import (
    Terminal,
    UserDefaults,
    app,
    emit_json,
    load_project,
    report_folder,
    report_written,
    say,
    user_errors,
)
from pitchkit.cli.flags import given_day
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
    StrictOpt,
    TemplateOpt,
    TimeLimitOpt,
    TodayOpt,
)
from pitchkit.cli.running import report_period


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
    measures: MeasuresOpt = None,
    today: TodayOpt = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the one-page sponsor briefing note for one director.

    Example: pitchkit brief facts.yaml --director dof --out notes/
    Example: pitchkit brief facts.yaml -d dof --out notes/ --json
    Example: pitchkit brief facts.yaml -d dof --directors team.xlsx
    """
    from pitchkit.cli.briefing import run_brief

    run_brief(
        facts,
        director=director,
        directors=directors,
        out=out,
        template=template,
        locale=locale,
        force=force,
        pdf=pdf,
        bilingual=bilingual,
        no_cuts=no_cuts,
        strict=strict,
        measures=measures,
        today=today,
        time_limit=time_limit,
        memory_limit=memory_limit,
        as_json=as_json,
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
    today: TodayOpt = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the progress update for one director, or a fill-in template for a new period.

    Example: pitchkit update facts.yaml --director dof --period 2027-Q2
    Example: pitchkit update facts.yaml -d dof --period 2027-Q2 --out notes/ --json
    Example: pitchkit update facts.yaml -d dof --period 2028-03 --today 2028-04-06
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
        today=given_day(today),
    )
    with limits_in_force(time_limit, memory_limit):
        result = write_update(request, Terminal())
    report_folder(result.folder_made, result.lang)
    report_written(result.written, result.lang)
    report_period(result.period, result.lang)
    if as_json:
        emit_json(result.to_json())


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
    from pitchkit.output.soffice import find_soffice

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
