"""Writing one note: the ``brief`` use case, and what ``update`` shares with it.

The ``update`` use case itself is in :mod:`pitchkit.api.update`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import (
    Heard,
    Listener,
    Result,
    check_can_write,
    folder_to_make,
    open_facts,
    output_path,
    save_document,
    team_ids,
    template_warnings,
    with_log,
    with_team,
)
from pitchkit.api.requests import Checked
from pitchkit.errors import InputError, PitchkitError
from pitchkit.i18n.messages import Joined, Message, Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from collections.abc import Sequence

    from pitchkit.advice import Finding
    from pitchkit.facts.project import Project
    from pitchkit.facts.schema import LoadedFacts
    from pitchkit.notes.bilingual import Pair
    from pitchkit.notes.fit import Cut
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
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log
    #: (default: the facts file's ``measures:``): a brief's money reads it as an update does.
    measures: Path | None = None


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
    #: The folder made for the note (see :func:`~pitchkit.api.base.folder_to_make`), if any.
    folder_made: Path | None = None
    #: The note's pages: LibreOffice's count when ``pages_measured``, else 1 when
    #: pitchkit's layout showed the note surely fits one page; ``None`` when not known.
    pages: int | None = None
    #: Whether LibreOffice laid the note out to count its pages.
    pages_measured: bool = False
    #: About how many words the note still runs over one page, by the layout or estimate.
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


def open_pair(
    facts: Path, locale: str | None, listener: Listener, *, team: Path | None = None
) -> Pair:
    """Load the facts in Welsh and English for --bilingual, telling what loading noticed.

    ``team`` is the ``--directors`` file, as for :func:`open_facts`.
    """
    from pitchkit.errors import FactsError
    from pitchkit.notes.bilingual import open_pair as open_both

    if locale is not None:
        raise InputError(
            Message(
                "--locale {locale} with --bilingual: a bilingual document is always Welsh then "
                "English, so leave out --locale",
                locale=locale,
            )
        )
    try:
        pair = open_both(facts)
    except FactsError:
        ids = team_ids(team, raising=True)
        if ids is None:
            raise
        pair = open_both(facts, ids)
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

        pair = open_pair(request.facts, request.locale, heard, team=request.directors)
        warn_template(request.template, "brief", heard)
        pair = Pair(*with_team(list(pair.projects), request.directors, heard))
        pair = Pair(*with_log(list(pair.projects), request.measures, heard, today))
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
            request.facts,
            request.locale,
            heard,
            default_locale=request.default_locale,
            team=request.directors,
        )
        warn_template(request.template, "brief", heard)
        [project] = with_team([project], request.directors, heard)
        [project] = with_log([project], request.measures, heard, today)
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
    folder_made = folder_to_make(path)
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
        folder_made=folder_made,
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
    # A template's errors are refused here, before the output path is looked at: the
    # template is the thing to fix first, not a note already there (newuser18 #8).
    for line in template_warnings(template, kind=kind, refuse_errors=True):
        heard.warning(line)


def cuts_warning(cuts: Sequence[tuple[str, Renderable | str]]) -> Message:
    """The warning that a note shows less than the facts to fit one page (brief and batch)."""
    shown = Joined(Joined([field, " (", detail, ")"], "") for field, detail in cuts)
    return Message(
        "to fit one page the note shortens {shown}; your facts file is unchanged: "
        "shorten those texts there for a note that reads exactly as you wrote it",
        shown=shown,
    )


def fit_warnings(
    cuts: Sequence[Cut], pages: int | None, over_words: int, template: Path | None
) -> list[Renderable]:
    """What fitting the note to one page left the reader to know: its cuts, and any overrun."""
    from pitchkit.notes.fit import still_over, template_over

    found: list[Renderable] = []
    if cuts:
        found.append(cuts_warning([(cut.field, cut.detail) for cut in cuts]))
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
