"""Commands that write one note: ``brief``, ``update`` and ``demo``."""

from __future__ import annotations

import datetime as dt
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pitchkit.cli.common import (
    STDOUT,
    BilingualOpt,
    DirectorOpt,
    FactsArg,
    ForceOpt,
    LocaleOpt,
    MeasuresOpt,
    NoCutsOpt,
    OutOpt,
    PdfOpt,
    PeriodOpt,
    QuietOpt,
    TemplateOpt,
    VerboseOpt,
    app,
    load_project,
    output_path,
    report_cuts,
    report_written,
    save_document,
    say,
    user_errors,
    warn,
    warn_about_template,
)
from pitchkit.cli.plan import (
    brief_findings,
    report_advice,
)
from pitchkit.cli.templates import MemoryLimitOpt, TimeLimitOpt
from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message

if TYPE_CHECKING:
    from pitchkit.facts.project import Project
    from pitchkit.facts.schema import Facts
    from pitchkit.i18n.translation import Language
    from pitchkit.notes.bilingual import Pair
    from pitchkit.notes.brief import BriefNote
    from pitchkit.notes.fit import Cut
    from pitchkit.notes.update.progress import Period


def check_can_write(path: Path, *, force: bool, pdf: bool = False) -> None:
    """Refuse, before anything is written, a note (or its PDF) that cannot be written.

    With ``pdf`` LibreOffice must be found and the PDF beside the note must
    be free too, so a missing LibreOffice never leaves a lone .docx behind.
    """
    from pitchkit.output.files import check_writable
    from pitchkit.output.pdf import find_soffice

    if path == STDOUT:
        return
    check_writable(path, force=force)
    if pdf:
        find_soffice()
        check_writable(path.with_suffix(".pdf"), force=force)


def open_bilingual(facts: Path, locale: str | None) -> Pair:
    """Load the facts in Welsh and English for --bilingual, showing what loading noticed."""
    from pitchkit.notes.bilingual import open_pair

    if locale is not None:
        raise InputError(
            Message(
                "--locale {locale} with --bilingual: a bilingual document is always Welsh then "
                "English, so leave out --locale",
                locale=locale,
            )
        )
    pair = open_pair(facts)
    for line in dict.fromkeys([*pair.cy.loaded.warnings, *pair.en.loaded.warnings]):
        warn(line)
    return pair


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
    no_cuts: NoCutsOpt = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="In Welsh: refuse, naming each field, when the note would show English text.",
        ),
    ] = False,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Write the one-page sponsor briefing note for one director.

    Example: pitchkit brief facts.yaml --director dof --out notes/
    """
    from pitchkit.word.limits import limits_in_force

    with limits_in_force(time_limit, memory_limit):
        write_brief(
            facts,
            director,
            out,
            template,
            locale,
            force=force,
            pdf=pdf,
            bilingual=bilingual,
            no_cuts=no_cuts,
            strict=strict,
        )


def write_brief(
    facts: Path,
    director: str | None,
    out: Path | None,
    template: Path | None,
    locale: str | None,
    *,
    force: bool,
    pdf: bool,
    bilingual: bool,
    no_cuts: bool = False,
    strict: bool = False,
) -> None:
    """The ``brief`` command's work, once its options are read."""
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.brief import default_file_name, make_brief_note
    from pitchkit.output.pagecount import measuring

    warn_about_template(template)
    if bilingual:
        from pitchkit.notes.bilingual import file_name as bilingual_file_name
        from pitchkit.notes.bilingual import make_bilingual_brief

        pair = open_bilingual(facts, locale)
        chosen = pick_director(pair.cy.facts, director, source=str(facts))
        path = output_path(out, bilingual_file_name(pair, chosen, "brief"))
        check_can_write(path, force=force, pdf=pdf)
        both = make_bilingual_brief(pair, chosen.id, template=template)
        refuse_cuts(both.cuts, no_cuts=no_cuts)
        report_cuts(both.cuts, pair.cy.lang)
        report_written(save_document(path, both.data, force=force, pdf=pdf), pair.cy.lang)
        report_advice(brief_findings(pair.cy.loaded, chosen.id, pair.cy.lang), pair.cy.lang)
        return
    project = load_project(facts, locale)
    chosen = pick_director(project.facts, director, source=str(facts))
    refuse_english(project, strict=strict)
    path = output_path(out, default_file_name(project.facts, chosen, "brief", project.lang))
    check_can_write(path, force=force, pdf=pdf)
    note = make_brief_note(project, chosen, template=template, measure=measuring())
    refuse_cuts(note.cuts, no_cuts=no_cuts)
    report_cuts(note.cuts, project.lang)
    report_fit(note, template)
    report_written(save_document(path, note.data, force=force, pdf=pdf), project.lang)
    report_advice(brief_findings(project.loaded, chosen.id, project.lang), project.lang)


def refuse_english(project: Project, *, strict: bool) -> None:
    """With --strict, stop (exit 1, nothing written) when a Welsh note would show English."""
    from pitchkit.notes.foreign import english_in_welsh

    if strict and project.lang.lang == "cy":
        problem = english_in_welsh(project.loaded)
        if problem is not None:
            raise InputError(problem)


def refuse_cuts(cuts: tuple[Cut, ...], *, no_cuts: bool) -> None:
    """With --no-cuts, stop (exit 1, nothing written) when the note needs a cut to fit."""
    from pitchkit.notes.fit import cuts_refused

    if no_cuts and cuts:
        raise InputError(cuts_refused(cuts))


def report_fit(note: BriefNote, template: Path | None) -> None:
    """Warn when the note still runs over one page, naming a user's template."""
    from pitchkit.notes.fit import still_over, template_over

    if note.pages is not None and note.pages > 1:
        name = str(template) if template is not None else "pitchkit's brief template"
        warn(template_over(name, note.pages))
    elif note.pages is None and note.over_words:
        warn(still_over(note.over_words))


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
    measures: MeasuresOpt = None,
    time_limit: TimeLimitOpt = None,
    memory_limit: MemoryLimitOpt = None,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Write the progress update for one director, or a fill-in template for a new period.

    Example: pitchkit update facts.yaml --director dof --period 2027-Q2
    """
    from pitchkit.word.limits import limits_in_force

    with limits_in_force(time_limit, memory_limit):
        write_update(
            facts,
            director,
            period,
            out,
            template,
            locale,
            force=force,
            pdf=pdf,
            bilingual=bilingual,
            measures=measures,
        )


def write_update(
    facts: Path,
    director: str | None,
    period: str | None,
    out: Path | None,
    template: Path | None,
    locale: str | None,
    *,
    force: bool,
    pdf: bool,
    bilingual: bool,
    measures: Path | None = None,
) -> None:
    """The ``update`` command's work, once its options are read."""
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.bilingual import Pair, make_bilingual_update
    from pitchkit.notes.bilingual import file_name as bilingual_file_name
    from pitchkit.notes.update import chosen_period, make_update, update_file_name
    from pitchkit.notes.update.measuresheet import with_measures

    warn_about_template(template)
    pair = open_bilingual(facts, locale) if bilingual else None
    projects, conflicts = with_measures(
        pair.projects if pair else [load_project(facts, locale)], measures
    )
    for line in conflicts:
        warn(line)
    pair = Pair(*projects) if pair else None
    project = projects[0]
    chosen = pick_director(project.facts, director, source=str(facts))
    when = chosen_period(project.facts, period, dt.date.today())
    if pair:
        name = bilingual_file_name(pair, chosen, "update", period=when.text)
    else:
        name = update_file_name(project.facts, chosen, when.text, project.lang)
    path = output_path(out, name)
    check_can_write(path, force=force, pdf=pdf)
    if pair:
        data, _ = make_bilingual_update(pair, chosen.id, period=when.text, template=template)
    else:
        data, _ = make_update(project, chosen, period=when.text, template=template)
    report_written(save_document(path, data, force=force, pdf=pdf), project.lang)
    report_period(project.facts, when, project.lang, asked=period is not None)


def report_period(
    facts: Facts, when: Period, lang: Language, *, asked: bool, notes: int = 1
) -> None:
    """Say when the update is a fill-in template, and when its period is after the project."""
    from pitchkit.i18n.fmt import date, period_label
    from pitchkit.notes.update.situation import logged_entry

    if facts.project.end is not None and when.start > facts.project.end:
        warn(
            Message(
                "{period} starts after the project ends ({end}): check --period",
                period=period_label(when.text, lang),
                end=date(facts.project.end, lang),
            )
        )
    if logged_entry(facts, when) is not None:
        return
    message = lang.ngettext(
        "the progress log has no entry for {period}, so this is a fill-in template: "
        "replace each part in [square brackets]",
        "the progress log has no entry for {period}, so these are fill-in templates: "
        "replace each part in [square brackets]",
        notes,
    ).format(period=period_label(when.text, lang))
    if asked:
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
    locale: LocaleOpt = None,
    force: ForceOpt = False,
    pdf: PdfOpt = False,
    quiet: QuietOpt = False,
    verbose: VerboseOpt = False,
) -> None:
    """Run the bundled example end to end: a briefing note for each of its directors.

    Example: pitchkit demo --out pitchkit-demo
    Example: pitchkit demo --out demo-cy --locale cy_GB
    """
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
    for director, path in zip(directors, paths, strict=True):
        note = make_brief_note(project, director, today=today, measure=measure)
        for written in save_document(path, note.data, force=force, pdf=pdf):
            say(
                project.lang.gettext("Wrote {path}  ({role}, alignment {score}/100)").format(
                    path=written, role=director.role, score=note.pitch.score
                )
            )
