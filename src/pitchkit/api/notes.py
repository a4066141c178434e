"""Writing one note: the ``brief`` and ``update`` use cases."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import (
    Heard,
    Listener,
    Result,
    Worded,
    check_can_write,
    open_facts,
    output_path,
    save_document,
    template_warnings,
    with_team,
)
from pitchkit.api.requests import Checked
from pitchkit.errors import InputError, PitchkitError
from pitchkit.i18n.messages import Joined, Message, Plural, Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pitchkit.advice import Finding
    from pitchkit.facts.project import Project
    from pitchkit.facts.schema import Facts, LoadedFacts
    from pitchkit.notes.bilingual import Pair
    from pitchkit.notes.fit import Cut
    from pitchkit.period import Period
    from pitchkit.recast.pitch import Pitch


@dataclass(frozen=True)
class NoteRequest(Checked):
    """What every one-note use case is asked: whose note, from which facts, written where."""

    facts: Path
    director: str | None = None
    out: Path | None = None
    template: Path | None = None
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    force: bool = False
    pdf: bool = False
    bilingual: bool = False
    #: A team file (.yaml, .csv or .xlsx) whose directors replace the facts file's.
    directors: Path | None = None
    #: The day the note is written (default: today).
    today: dt.date | None = None


@dataclass(frozen=True)
class BriefRequest(NoteRequest):
    """A sponsor briefing note for one director."""

    #: Refuse (writing nothing) when the note would need a cut to fit one page.
    no_cuts: bool = False
    #: In Welsh, refuse when the note would show English text.
    strict: bool = False
    #: Check the note against the guide once it is written (the result's ``findings``).
    #: Without, ``findings`` is empty (the command line always asks: ``brief -q`` shows
    #: the warnings among them).
    advice: bool = True
    #: With ``advice``, find the guide's notes too (findings of severity ``info``); without,
    #: only its warnings and errors, which may spare recasting the other directors to rank
    #: them (``brief -q`` prints no notes).
    advice_notes: bool = True


@dataclass(frozen=True)
class BriefResult(Result):
    """The note written, what was cut to fit a page, and the guide's advice."""

    lang: Language
    director: str
    written: tuple[Path, ...]
    cuts: tuple[Cut, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[Renderable | str, ...] = field(default=())
    #: The note's pages: LibreOffice's count when ``pages_measured``, else 1 when the
    #: estimate alone showed the note surely fits one page; ``None`` when not known.
    pages: int | None = None
    #: Whether LibreOffice laid the note out to count its pages.
    pages_measured: bool = False
    #: About how many words the note still runs over one page, by the estimate.
    over_words: int = 0
    #: The director's name and role, as the facts give them.
    director_name: str = ""
    director_role: str = ""
    #: Whether the document is Welsh then English (``bilingual`` in the request).
    bilingual: bool = False

    def to_json(self) -> dict[str, Any]:
        """The result as ``pitchkit brief --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import brief_json

        return brief_json(self)


def open_pair(facts: Path, locale: str | None, listener: Listener) -> Pair:
    """Load the facts in Welsh and English for --bilingual, telling what loading noticed."""
    from pitchkit.notes.bilingual import open_pair as open_both

    if locale is not None:
        raise InputError(
            Message(
                "--locale {locale} with --bilingual: a bilingual document is always Welsh then "
                "English, so leave out --locale",
                locale=locale,
            )
        )
    pair = open_both(facts)
    for line in dict.fromkeys([*pair.cy.loaded.warnings, *pair.en.loaded.warnings]):
        listener.warning(line)
    return pair


def brief_findings(
    loaded: LoadedFacts,
    director_id: str,
    lang: Language,
    listener: Listener,
    *,
    today: dt.date,
    pitch: Pitch | None = None,
    notes: bool = True,
) -> tuple[Finding, ...]:
    """The guide's findings for a note just written; a problem is a warning, never a failure.

    The length rules are not run: the note was just fitted to its page, and says its cuts.

    ``pitch`` is the note's own pitch (before localising), so it is not recast again.
    Without ``notes``, the findings of severity ``info`` are left out (and not worked out).
    """
    from pitchkit.advice import NOTE_RULES, check

    known = {director_id: pitch} if pitch is not None else None
    try:
        findings = check(
            loaded,
            director_id=director_id,
            today=today,
            lang=lang,
            pitches=known,
            rules=NOTE_RULES,
            notes=notes,
        )
        return tuple(findings)
    except PitchkitError as error:
        listener.warning(
            Message("the pitch could not be checked against the guide: {why}", why=error.text)
        )
        return ()


def write_brief(request: BriefRequest, listener: Listener | None = None) -> BriefResult:
    """Write the one-page sponsor briefing note for one director, then check it against the guide.

    The director's pitch is recast once, for the note and for the advice.
    """
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.brief import default_file_name, make_brief_note
    from pitchkit.output.pagecount import measuring
    from pitchkit.recast.pitch import recast

    heard = Heard(listener)
    today = request.today or dt.date.today()
    project: Project
    if request.bilingual:
        from pitchkit.notes.bilingual import Pair, make_bilingual_brief
        from pitchkit.notes.bilingual import file_name as bilingual_file_name

        pair = open_pair(request.facts, request.locale, heard)
        warn_template(request.template, "brief", heard)
        pair = Pair(*with_team(list(pair.projects), request.directors, heard))
        project = pair.cy
        chosen = pick_director(project.facts, request.director, source=str(request.facts))
        path = output_path(request.out, bilingual_file_name(pair, chosen, "brief"))
        check_can_write(path, force=request.force, pdf=request.pdf)
        pitch = recast(project.facts, chosen, today=today)
        both = make_bilingual_brief(
            pair, chosen.id, template=request.template, today=today, welsh_pitch=pitch
        )
        data, cuts = both.data, both.cuts
        pages, pages_measured, over_words = None, False, 0
    else:
        project = open_facts(
            request.facts, request.locale, heard, default_locale=request.default_locale
        )
        warn_template(request.template, "brief", heard)
        [project] = with_team([project], request.directors, heard)
        chosen = pick_director(project.facts, request.director, source=str(request.facts))
        refuse_english(project, strict=request.strict, director_id=chosen.id)
        name = default_file_name(project.facts, chosen, "brief", project.lang)
        path = output_path(request.out, name)
        check_can_write(path, force=request.force, pdf=request.pdf)
        pitch = recast(project.facts, chosen, today=today)
        note = make_brief_note(
            project,
            chosen,
            template=request.template,
            today=today,
            pitch=pitch,
            measure=measuring(),
        )
        data, cuts = note.data, note.cuts
        pages, pages_measured, over_words = note.pages, note.pages_measured, note.over_words
    refuse_cuts(cuts, no_cuts=request.no_cuts)
    written = save_document(path, data, force=request.force, pdf=request.pdf)
    if not request.bilingual and not request.strict:
        warn_english(project, chosen.id, heard)
    findings = (
        brief_findings(
            project.loaded,
            chosen.id,
            project.lang,
            heard,
            today=today,
            pitch=pitch,
            notes=request.advice_notes,
        )
        if request.advice
        else ()
    )
    for line in fit_warnings(cuts, pages, over_words, request.template):
        heard.warning(line)
    return BriefResult(
        lang=project.lang,
        director=chosen.id,
        written=written,
        cuts=cuts,
        findings=findings,
        warnings=tuple(heard.warnings),
        pages=pages,
        pages_measured=pages_measured,
        over_words=over_words,
        director_name=chosen.name,
        director_role=chosen.role,
        bilingual=request.bilingual,
    )


def warn_template(template: Path | None, kind: str, heard: Heard) -> None:
    """Warn of the pitfalls ``template check`` finds in the user's template.

    Called once the facts are open, so the warnings are in the note's language.
    """
    for line in template_warnings(template, kind=kind):
        heard.warning(line)


def fit_warnings(
    cuts: Sequence[Cut], pages: int | None, over_words: int, template: Path | None
) -> list[Renderable]:
    """What fitting the note to one page left the reader to know: its cuts, and any overrun."""
    from pitchkit.notes.fit import still_over, template_over

    found: list[Renderable] = []
    if cuts:
        shown = Joined(Joined([cut.field, " (", cut.detail, ")"], "") for cut in cuts)
        found.append(
            Message(
                "to fit one page the note shortens {shown}; your facts file is unchanged: "
                "shorten those texts there for a note that reads exactly as you wrote it",
                shown=shown,
            )
        )
    if pages is not None and pages > 1:
        name = str(template) if template is not None else "pitchkit's brief template"
        found.append(template_over(name, pages))
    elif pages is None and over_words:
        found.append(still_over(over_words))
    return found


def refuse_english(
    project: Project,
    *,
    strict: bool,
    director_id: str | None = None,
    fields: Sequence[tuple[str | int, ...]] | None = None,
) -> None:
    """With ``strict``, stop (nothing written) when a Welsh note would show English.

    ``fields`` are those the note shows (default: a briefing note's).
    """
    from pitchkit.notes.foreign import NOTE_FIELDS, english_in_welsh

    if strict and project.lang.lang == "cy":
        problem = english_in_welsh(project.loaded, director_id, fields or NOTE_FIELDS)
        if problem is not None:
            raise InputError(problem)


def warn_english(
    project: Project,
    director_id: str,
    heard: Heard,
    fields: Sequence[tuple[str | int, ...]] | None = None,
) -> None:
    """Once a Welsh note is written: say in one line how much of it shows English."""
    from pitchkit.notes.foreign import NOTE_FIELDS, english_warning

    if project.lang.lang == "cy":
        warning = english_warning(project.loaded, director_id, fields or NOTE_FIELDS)
        if warning is not None:
            heard.warning(warning)


def refuse_cuts(cuts: tuple[Cut, ...], *, no_cuts: bool) -> None:
    """With ``no_cuts``, stop (nothing written) when the note needs a cut to fit."""
    from pitchkit.notes.fit import cuts_refused

    if no_cuts and cuts:
        raise InputError(cuts_refused(cuts))


@dataclass(frozen=True)
class UpdateRequest(NoteRequest):
    """A progress update for one director; ``period`` as YYYY-MM, YYYY-Qn or YYYY."""

    period: str | None = None
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log
    #: (default: the facts file's ``measures:``).
    measures: Path | None = None
    #: In Welsh, refuse when the update would show English text.
    strict: bool = False


@dataclass(frozen=True)
class PeriodStatus:
    """What to tell the reader about the period an update reports on."""

    #: The period as written, such as ``2027-Q2``.
    period: str
    #: Whether the period was asked for (rather than the latest logged).
    asked: bool
    #: The project's end, when the period starts after it.
    after_end: dt.date | None
    #: Whether the progress log has no entry for the period (so the note is to fill in).
    fill_in: bool
    #: For a quarter or year built from the months logged in it: those months
    #: (``2027-02``), and the months of the period with no entry.
    built_from: tuple[str, ...] = ()
    unlogged: tuple[str, ...] = ()
    #: The project's start, when the period ends before it.
    before_start: dt.date | None = None


def period_status(facts: Facts, when: Period, *, asked: bool) -> PeriodStatus:
    """Whether ``when`` is outside the project and whether the log has an entry for it.

    A quarter or year with no entry of its own, logged month by month up to
    its last month, is built from those months: not a fill-in.
    """
    from pitchkit.notes.update.situation import built_entry, logged_entry, months_logged

    start, end = facts.project.start, facts.project.end
    logged: tuple[Period, ...] = ()
    unlogged: tuple[Period, ...] = ()
    entry = logged_entry(facts, when)
    if entry is None and built_entry(facts, when)[0] is not None:
        logged, unlogged = months_logged(facts, when)
    return PeriodStatus(
        period=when.text,
        asked=asked,
        after_end=end if end is not None and when.start > end else None,
        fill_in=entry is None and not logged,
        built_from=tuple(month.text for month in logged),
        unlogged=tuple(month.text for month in unlogged),
        before_start=start if start is not None and when.end < start else None,
    )


@dataclass(frozen=True)
class UpdateResult(Result):
    """The update written and what to say about its period."""

    lang: Language
    director: str
    written: tuple[Path, ...]
    period: PeriodStatus
    warnings: tuple[Renderable | str, ...] = field(default=())
    #: The director's name and role, as the facts give them.
    director_name: str = ""
    director_role: str = ""
    #: Whether the document is Welsh then English (``bilingual`` in the request).
    bilingual: bool = False

    def to_json(self) -> dict[str, Any]:
        """The result as ``pitchkit update --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import update_json

        return update_json(self)


def write_update(request: UpdateRequest, listener: Listener | None = None) -> UpdateResult:
    """Write the progress update for one director, or a fill-in template for a new period."""
    heard = Heard(listener)
    pair = open_pair(request.facts, request.locale, heard) if request.bilingual else None
    opened = (
        list(pair.projects)
        if pair
        else [
            open_facts(request.facts, request.locale, heard, default_locale=request.default_locale)
        ]
    )
    warn_template(request.template, "update", heard)
    opened = with_team(opened, request.directors, heard)
    if request.measures is not None or opened[0].facts.measures:
        # A spreadsheet's figures may make a chart: read it before telling.
        from pitchkit.notes.update.measuresheet import with_measures

        opened, conflicts = with_measures(opened, request.measures)
        for line in conflicts:
            heard.warning(line)
    return _write_update(request, heard, opened, bilingual=pair is not None)


def _write_update(
    request: UpdateRequest, heard: Heard, projects: list[Project], *, bilingual: bool
) -> UpdateResult:
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.bilingual import Pair, make_bilingual_update
    from pitchkit.notes.bilingual import file_name as bilingual_file_name
    from pitchkit.notes.foreign import update_fields
    from pitchkit.notes.update import chosen_period, make_update, update_file_name

    today = request.today or dt.date.today()
    pair = Pair(*projects) if bilingual else None
    project = projects[0]
    chosen = pick_director(project.facts, request.director, source=str(request.facts))
    when = chosen_period(project.facts, request.period, today)
    shown = update_fields(project.loaded.source.data, when)
    if not pair:
        refuse_english(project, strict=request.strict, director_id=chosen.id, fields=shown)
    if pair:
        name = bilingual_file_name(pair, chosen, "update", period=when.text)
    else:
        name = update_file_name(project.facts, chosen, when.text, project.lang)
    path = output_path(request.out, name)
    check_can_write(path, force=request.force, pdf=request.pdf)
    if pair:
        data, _ = make_bilingual_update(
            pair, chosen.id, period=when.text, template=request.template, today=today
        )
    else:
        data, _ = make_update(
            project, chosen, period=when.text, template=request.template, today=today
        )
    written = save_document(path, data, force=request.force, pdf=request.pdf)
    if not pair and not request.strict:
        warn_english(project, chosen.id, heard, shown)
    status = period_status(project.facts, when, asked=request.period is not None)
    for line in period_warnings(status):
        heard.warning(line)
    return UpdateResult(
        lang=project.lang,
        director=chosen.id,
        written=written,
        period=status,
        warnings=tuple(heard.warnings),
        director_name=chosen.name,
        director_role=chosen.role,
        bilingual=bilingual,
    )


def period_warnings(status: PeriodStatus, *, notes: int = 1) -> list[Renderable]:
    """What to warn of about an update's period: outside the project, months unlogged, to fill in.

    ``notes`` is how many updates were written for the period (a batch's), for the wording.
    A period the log has no entry for is a warning only when it was asked for: the
    latest period, to fill in, is simply said (the command line says it).
    """
    from pitchkit.i18n import fmt

    found: list[Renderable] = []
    period = Worded(fmt.period_label, status.period)
    if status.before_start is not None:
        found.append(
            Message(
                "{period} ends before the project starts ({start}): check --period",
                period=period,
                start=Worded(fmt.date, status.before_start),
            )
        )
    if status.after_end is not None:
        found.append(
            Message(
                "{period} starts after the project ends ({end}): check --period",
                period=period,
                end=Worded(fmt.date, status.after_end),
            )
        )
    if status.built_from and status.unlogged:
        found.append(
            Plural(
                "the update for {period} is built from the progress log's entries for {logged} "
                "of its {months} months; with none for {unlogged}, its totals are left blank",
                "the updates for {period} are built from the progress log's entries for "
                "{logged} of its {months} months; with none for {unlogged}, their totals are "
                "left blank",
                notes,
                period=period,
                logged=len(status.built_from),
                months=len(status.built_from) + len(status.unlogged),
                unlogged=Worded(_months, status.unlogged),
            )
        )
    if status.fill_in and status.asked:
        found.append(
            Plural(
                "the progress log has no entry for {period}, so this is a fill-in template: "
                "replace each part in [square brackets]",
                "the progress log has no entry for {period}, so these are fill-in templates: "
                "replace each part in [square brackets]",
                notes,
                period=period,
            )
        )
    return found


def _months(months: tuple[str, ...], lang: Language) -> str:
    """Periods such as ``2027-02`` as a list in words: "February and March 2027"."""
    from pitchkit.i18n import fmt

    return fmt.join_list([fmt.period_label(month, lang) for month in months], lang)
