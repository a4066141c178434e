"""What the use cases share: how they tell the caller what they notice, and their results as JSON.

A use case takes a frozen request and returns a frozen result; along the
way it tells a :class:`Listener` which language it now speaks (once the
facts file is read) and each warning as soon as it is noticed, so a
command line can print them in order even when a later step fails. The
results keep the warnings too, for callers that only look at the end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pitchkit.errors import OutputError, PitchkitError, RenderLimitError, TemplateError
from pitchkit.i18n.messages import (
    Joined,
    Located,
    Message,
    Renderable,
    render,
)
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.authoring.scan import TagScan
    from pitchkit.facts.project import Project
    from pitchkit.facts.validation import Team


class Listener(Protocol):
    """Told what a use case notices while it runs."""

    def speaking(self, lang: Language) -> None:
        """From now on the use case works in ``lang`` (its errors are best shown in it)."""

    def warning(self, message: Renderable | str) -> None:
        """Something worth saying that does not stop the work."""


class Heard:
    """A :class:`Listener` that keeps what it is told."""

    def __init__(self, also: Listener | None = None) -> None:
        """Keep every warning, passing everything on to ``also`` when given."""
        self.warnings: list[Renderable | str] = []
        self.also = also

    def speaking(self, lang: Language) -> None:
        """Pass the language on."""
        if self.also is not None:
            self.also.speaking(lang)

    def warning(self, message: Renderable | str) -> None:
        """Keep the warning and pass it on."""
        self.warnings.append(message)
        if self.also is not None:
            self.also.warning(message)


def jsonable(value: Any, lang: Language) -> Any:
    """``value`` as plain JSON data: messages in ``lang``, paths and dates as text."""
    if isinstance(value, Language):
        return value.code
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Renderable):
        return render(value, lang)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: jsonable(getattr(value, field.name), lang)
            for field in dataclasses.fields(value)
            if field.name != "lang"
        }
    if isinstance(value, Mapping):
        return {str(key): jsonable(item, lang) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(item, lang) for item in value]
    return str(value)


class Result:
    """A use case's result; subclasses are frozen dataclasses with a ``lang`` field."""

    lang: Language

    def to_json(self) -> dict[str, Any]:
        """The result as plain JSON data, its messages in the result's language."""
        data = jsonable(self, self.lang)
        assert isinstance(data, dict)
        data["locale"] = self.lang.code
        return data


#: ``--out -``: the document goes to standard output, for scripts.
STDOUT = Path("-")


def open_facts(
    facts: Path,
    locale: str | None,
    listener: Listener,
    *,
    default_locale: str | None = None,
    team: Path | None = None,
) -> Project:
    """Open the facts, say their language and what loading noticed.

    ``default_locale`` (the user's own setting) is used when the facts file
    names no language of its own. ``team`` is the ``--directors`` file, if
    any: it wins over the file's own ``directors:``, so a link to one of its
    objectives is read as the file's own would be (:func:`team_ids`).
    """
    from pitchkit.errors import FactsError
    from pitchkit.facts.project import open_project

    try:
        project = open_project(facts, locale=locale, default_locale=default_locale)
    except FactsError:
        ids = team_ids(team, raising=True)
        if ids is None:
            raise
        try:
            project = open_project(facts, locale=locale, default_locale=default_locale, team=ids)
        except FactsError:
            # The team file's own warnings first (a misspelt column, a row left out): they
            # are often why a link names no one, and would otherwise never be printed
            # (newuser39 #3).
            _team_warnings(team, listener)
            raise
    listener.speaking(project.lang)
    for line in project.loaded.warnings:
        listener.warning(line)
    if team is None:  # the file's own directors: one with no objectives is warned of
        _warn_no_objectives(project, listener)
    return project


def _team_warnings(team: Path | None, listener: Listener) -> None:
    """Say what reading the team file ``team`` noticed: its warnings, then the rows it left out."""
    if team is None:
        return
    from pitchkit.errors import PitchkitError
    from pitchkit.facts.directors import load_directors

    try:
        found = load_directors(team)
    except PitchkitError:
        return
    for line in (*found.warnings, *found.problems):
        listener.warning(line)


def _warn_no_objectives(project: Project, listener: Listener) -> None:
    """Warn of each of the facts file's directors who lists no objectives, at their line.

    Their note goes by what their role usually holds (newuser22 #2).
    """
    from pitchkit.facts.schema import no_objectives_listed, no_objectives_warnings

    source = project.loaded.source
    found = [
        (source.where(("directors", index)), director)
        for index, director in enumerate(project.facts.directors)
        if not director.objectives
    ]
    for line in no_objectives_warnings(found, no_objectives_listed):
        listener.warning(line)


def team_ids(team: Path | None, *, raising: bool = False) -> Team | None:
    """The ``--directors`` file's directors and their objective ids, to read the facts with.

    Only read when the facts alone could not be (a link or meeting naming
    one of the team file's own), so a facts file that reads by itself does
    not read the team twice. None when ``team`` is None or cannot be read:
    its own error comes later. With ``raising``, a team file that cannot be
    read raises its own error instead: the facts file's links to its
    directors would otherwise be blamed for a misnamed column in the sheet
    (newuser36 #2).
    """
    if team is None:
        return None
    from pitchkit.errors import PitchkitError
    from pitchkit.facts.directors import load_directors, misspelt_objective_columns
    from pitchkit.facts.validation import Team

    try:
        found = load_directors(team)
    except PitchkitError:
        if raising:
            raise
        return None
    objectives: dict[str, set[str]] = {}
    for director in found.directors:
        objectives.setdefault(director.id, set()).update(o.id for o in director.objectives)
        # An id an earlier pitchkit made keeps working (DirectorsFile.former_ids).
        for olds in found.former_ids.get(director.id, {}).values():
            objectives[director.id].update(olds)
    return Team(
        str(team),
        objectives,
        tuple(misspelt_objective_columns(found)),
        tuple(found.left_out),
    )


def with_team(projects: list[Project], path: Path | None, listener: Listener) -> list[Project]:
    """``projects`` with their directors replaced by those in the team file ``path``.

    The file is read once for every language. Each row that could not be
    used is a warning naming the file and row; a file with no usable row
    stops the command. Without ``path`` the projects are returned as they are.
    """
    if path is None:
        return projects
    from pitchkit.facts import directors
    from pitchkit.facts.project import Project

    found = directors.load_directors(path)
    for line in (*found.warnings, *found.problems):
        listener.warning(line)
    found.raise_if_none()
    return [
        Project(
            directors.with_team(
                project.loaded,
                found.directors,
                found.former_ids,
                team=found,
                lang=project.lang.lang,
            ),
            project.lang,
        )
        for project in projects
    ]


def with_log(
    projects: list[Project],
    asked: Path | None,
    listener: Listener,
    today: dt.date | None = None,
) -> list[Project]:
    """``projects`` with the progress log's spreadsheet merged in, as every note reads it.

    The spreadsheet is ``asked`` (``--measures``), else the facts file's
    top-level ``measures:`` (docs/measures.md); each figure the facts file
    overrides is a warning. ``update``, ``brief``, ``preview``, ``batch`` and
    ``check`` all read the log here, so that a brief's money and a progress
    update's come from the same figures. Without either, the projects are
    returned as they are. A row for a period that begins after ``today``
    (default: today) is a warning too, as is a figure far outside its measure's
    others, in the spreadsheet or the facts file (a typo, most likely).
    """
    if asked is None and not projects[0].facts.measures:
        # The facts file's own log only: its figures are checked, and nothing else of the
        # update code is loaded (a brief starts faster).
        if not any(update.measures for update in projects[0].facts.updates):
            _far_from_log(projects[0], listener)  # the figures the evidence quotes
            return projects
        from pitchkit.notes.outliers import facts_place, far_outside

        for line in far_outside(projects[0].facts, None, facts_place(projects[0])):
            listener.warning(line)
        _far_from_log(projects[0], listener)
        return projects
    from pitchkit.notes.update.measuresheet import with_measures

    merged, conflicts = with_measures(projects, asked, today or dt.date.today())
    for line in conflicts:
        listener.warning(line)
    _far_from_log(merged[0], listener)
    return merged


def _far_from_log(project: Project, listener: Listener) -> None:
    """Warn of a baseline a typo's factor from the log's figures before the change.

    Or, for an impact the log has no figures for before the change, from a figure
    the problem or the evidence quotes in its unit (newuser38 #1): once either way.
    """
    from pitchkit.notes.outliers import (
        far_from_log,
        far_from_quoted,
        fields_place,
        text_place,
    )

    place = fields_place(project)
    for line in far_from_log(project.facts, place):
        listener.warning(line)
    for line in far_from_quoted(project.facts, place, text_place(project)):
        listener.warning(line)


def template_warnings(
    template: Path | None, *, refuse_errors: bool = False, kind: str | None = None
) -> list[Located]:
    """The pitfalls ``template check`` finds in the user's own template, to warn about.

    A tag such as ``{{r project.title|upper }}`` fills without error but
    loses its words, so it is worth a warning every time the template is
    used; so is what was taken out of the file (a linked picture, a field
    that fetches a file, macros). A template that cannot be read, or has
    errors, is left for filling to report; with ``refuse_errors`` (a batch,
    which would otherwise make a folder and a manifest of failures) the
    first error is raised before anything is written. With ``kind``, names
    that kind of note does not have are refused, all of them at once.
    """
    if template is None:
        return []
    from pitchkit.authoring.scan import scan_template

    try:
        scan = scan_template(template)
    except RenderLimitError:
        raise  # filling would only run out of time or memory again
    except PitchkitError:
        return []
    if kind is not None:
        refuse_other_kind(template, scan.used, kind)
    errors = [finding for finding in scan.findings if finding.level == "error"]
    if errors and refuse_errors:
        first = errors[0].message
        raise TemplateError(first if isinstance(first, Located) else Located(str(template), first))
    if errors:
        return []  # filling fails and says why; a warning beside it would only distract
    warnings: list[Located] = []
    if kind is not None:
        from pitchkit.authoring.check import defaulted_unknowns

        refuse_unknown_names(template, scan, kind)
        # A misspelt name given a |default fills without error, with the default every
        # time: template check fails it, and a note written with it says so (newuser18 #5).
        warnings += [Located(str(template), found) for found in defaulted_unknowns(scan, kind)]
    return warnings + [
        Located(str(template), finding.message)
        for finding in scan.findings
        if finding.level == "warning"
    ]


def refuse_unknown_names(template: Path, scan: TagScan, kind: str) -> None:
    """Refuse a template that uses names a ``kind`` note does not have, naming every one.

    Filling would stop at the first; this names them all, in the words of
    ``template check``, so they can be put right in one go.
    """
    from pitchkit.authoring.check import unfillable

    unknown = unfillable(scan, kind)
    if unknown:
        raise TemplateError(Located(str(template), Joined(unknown)))


#: Variables only a briefing note fills: a template using them, and never ``update``,
#: is a briefing note template.
BRIEF_ONLY = ("asks", "advice", "pitch.ask", "pitch.statements", "pitch.gains", "meeting")


def refuse_other_kind(template: Path, used: Mapping[str, object], kind: str) -> None:
    """Refuse a progress update template for a briefing note, and the reverse.

    A template that uses ``update`` and nothing only a briefing note has
    (the ask, the pitch's statements, the meeting) is an update template; one
    that uses those and never ``update`` is a briefing note template. A
    template using both (one for either kind) or neither (a cover page) is
    left to fill. Filling the wrong kind would fail on the first update
    variable, or write a briefing note under an update's name.
    """
    from pitchkit.authoring.check import guess_kind

    for_update = guess_kind(used) == "update"
    for_brief = any(
        path == name or path.startswith((f"{name}.", f"{name}["))
        for path in used
        for name in BRIEF_ONLY
    )
    if for_update == for_brief or (kind == "update") == for_update:
        return
    if kind == "brief":
        message = Message(
            "this is a progress update template (it uses 'update'): use it with pitchkit "
            "update, or --kind update"
        )
    else:
        message = Message(
            "this is a briefing note template (it never uses 'update', so it cannot show "
            "the update's status or period): use it with pitchkit brief, or choose an update "
            "template (pitchkit template export update gives one to restyle)"
        )
    raise TemplateError(Located(str(template), message))


def output_path(out: Path | None, default_name: str) -> Path:
    """Where to write: ``--out`` as a file, as a folder, or the current folder.

    A name ending in ``.docx`` is the file; an existing folder, or a new name
    with no extension (``notes/``), is a folder the note goes in.
    """
    if out is None:
        return Path.cwd() / default_name
    if out == STDOUT:
        return STDOUT
    if out.is_dir() or not out.suffix:
        return out / default_name
    if out.suffix.lower() != ".docx":
        raise OutputError(
            Message("--out {out}: give a file name ending in .docx, or a folder", out=out)
        )
    return out


def check_can_write(path: Path, *, force: bool, pdf: bool = False) -> None:
    """Refuse, before anything is written, a note (or its PDF) that cannot be written.

    With ``pdf`` LibreOffice must be found and the PDF beside the note must
    be free too, so a missing LibreOffice never leaves a lone .docx behind.
    """
    from pitchkit.output.files import check_writable
    from pitchkit.output.soffice import find_soffice

    if path == STDOUT:
        return
    check_writable(path, force=force)
    if pdf:
        find_soffice()
        check_writable(path.with_suffix(".pdf"), force=force)


def folder_to_make(path: Path) -> Path | None:
    """The folder a note written at ``path`` will have to make, or ``None`` when it is there.

    Missing folders are made (scripts rely on it), and the command says so, so that a
    misspelt ``--out`` is seen (newuser18 #11). Asked before the note is written.
    """
    import os

    if path == STDOUT or os.path.lexists(path.parent):
        return None
    return path.parent


def save_document(path: Path, data: bytes, *, force: bool, pdf: bool) -> tuple[Path, ...]:
    """Write the .docx (and its PDF) and return the paths written.

    ``--out -`` (:data:`STDOUT`) sends the document to standard output.
    """
    import sys

    from pitchkit.output.files import write_atomic

    if path == STDOUT:
        stream = sys.stdout.buffer
        stream.write(data)
        stream.flush()
        return ()
    write_atomic(path, data, force=force)
    written = [path]
    if pdf:
        from pitchkit.output.pdf import convert_to_pdf

        for result in convert_to_pdf([path], force=force):
            if result.pdf is None:
                raise OutputError(
                    Located(str(path), Message("no PDF was made: {why}", why=result.error))
                )
            written.append(result.pdf)
    return tuple(written)
