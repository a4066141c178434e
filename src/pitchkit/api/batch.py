"""Notes for many directors at once: the ``write_batch`` use case."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import Heard, Listener, Result, open_facts, template_warnings, with_log
from pitchkit.api.requests import Checked
from pitchkit.errors import InputError
from pitchkit.i18n.messages import Located, Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.api.update import PeriodStatus
    from pitchkit.batch import BatchResult
    from pitchkit.batch.state import Progress
    from pitchkit.facts.project import Project


@dataclass(frozen=True)
class BatchRequest(Checked):
    """A ``kind`` note (brief or update) for each director, written into ``out``."""

    facts: Path
    out: Path
    directors: Path | None = None
    kind: str = "brief"
    #: Only these directors, by id (every director when empty).
    only: tuple[str, ...] = ()
    period: str | None = None
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log (default: the
    #: facts file's ``measures:``); briefs read it for their money as updates do.
    measures: Path | None = None
    template: Path | None = None
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    force: bool = False
    #: Finish a batch that stopped part-way: keep the notes its manifest lists as written.
    resume: bool = False
    pdf: bool = False
    pack: Path | None = None
    jobs: int | None = None
    #: Refuse a note (writing nothing for it) that would need a cut to fit one page.
    no_cuts: bool = False
    today: dt.date | None = None
    #: In Welsh: refuse the batch (writing nothing), naming each field, when the notes
    #: would show English text, as ``brief --strict`` does for one note (newuser37 #13).
    strict: bool = False


@dataclass(frozen=True)
class BatchOutcome(Result):
    """What became of each director's note, the rows skipped, and the updates' period."""

    lang: Language
    batch: BatchResult
    #: The directors-file rows that could not be read.
    problems: tuple[Renderable | str, ...]
    #: For updates, when any was written: what to say about their period.
    period: PeriodStatus | None = None
    warnings: tuple[Renderable | str, ...] = field(default=())
    #: What was written: ``brief`` or ``update``.
    kind: str = "brief"

    @property
    def written(self) -> int:
        """How many notes were written."""
        return sum(1 for item in self.batch.items if item.status == "ok")

    @property
    def ok(self) -> bool:
        """Whether every note (and PDF, and the pack) was written and no row was skipped."""
        return self.batch.ok and not self.problems

    def to_json(self) -> dict[str, Any]:
        """The outcome as ``pitchkit batch --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import batch_json

        return batch_json(self)


def with_directors_file(
    project: Project, path: Path, listener: Listener
) -> tuple[Project, list[Renderable | str]]:
    """Replace the facts' directors with those in ``path``; return the rows skipped."""
    from pitchkit.facts.directors import load_directors, with_team
    from pitchkit.facts.project import Project

    found = load_directors(path)
    for line in found.warnings:
        listener.warning(line)
    loaded = with_team(
        project.loaded, found.directors, found.former_ids, team=found, lang=project.lang.lang
    )
    return Project(loaded, project.lang), list(found.problems)


def open_batch(
    request: BatchRequest, listener: Listener
) -> tuple[Project, tuple[Renderable | str, ...]]:
    """Open the facts (and the directors file) a batch is made from; the rows skipped."""
    project = open_facts(
        request.facts,
        request.locale,
        listener,
        default_locale=request.default_locale,
        team=request.directors,
    )
    for line in template_warnings(request.template, refuse_errors=True, kind=request.kind):
        listener.warning(line)
    problems: list[Renderable | str] = []
    if request.directors is not None:
        project, problems = with_directors_file(project, request.directors, listener)
    [project] = with_log([project], request.measures, listener, request.today)
    return project, tuple(problems)


def write_batch(
    request: BatchRequest,
    listener: Listener | None = None,
    *,
    opened: tuple[Project, tuple[Renderable | str, ...]] | None = None,
    on_progress: Progress | None = None,
) -> BatchOutcome:
    """Write a note for each director, with a manifest of what was done.

    ``opened`` is what :func:`open_batch` gave, when the caller opened the
    facts first (to size a progress bar); ``on_progress`` hears of each note.
    A :class:`Heard` listener is kept as it is, so when the same one heard
    :func:`open_batch` the outcome's warnings begin with what the opening
    warned of, as when ``write_batch`` opens the facts itself.
    """
    from pitchkit.batch import run_batch

    heard = listener if isinstance(listener, Heard) else Heard(listener)
    project, problems = opened or open_batch(request, heard)
    today = request.today or dt.date.today()
    if request.kind == "update":
        from pitchkit.api.update import refuse_other_periods
        from pitchkit.notes.update import chosen_period

        # A week's figures read as a month's: refused before any note is written.
        refuse_other_periods(project, chosen_period(project.facts, request.period, today))
    if request.strict and project.lang.lang == "cy":
        refuse_english_notes(project, request, today)
    result = run_batch(
        project=project,
        directors=project.facts.directors,
        kind=request.kind,
        out_dir=request.out,
        template=request.template,
        force=request.force,
        jobs=request.jobs,
        only=list(request.only),
        pdf=request.pdf,
        pack=request.pack,
        period=request.period,
        today=today,
        on_progress=on_progress,
        skipped_rows=list(problems),
        no_cuts=request.no_cuts,
        resume=request.resume,
    )
    from pitchkit.api.notes import cuts_warning

    for item in result.items:  # a cut is never silent: brief warns of the same (newuser20 #5)
        # An update's cuts are its charts, which its chart note names, as `update` leaves them.
        if item.status == "ok" and item.cuts and request.kind != "update":
            heard.warning(Located(item.director_id, cuts_warning(item.cuts)))
    if request.template is not None:
        for line in template_pages(request.template, result):
            heard.warning(line)
    status = None
    written = sum(1 for item in result.items if item.status == "ok")
    if request.kind == "update" and written:
        from pitchkit.api.update import period_status, period_warnings
        from pitchkit.notes.update import chosen_period

        when = chosen_period(project.facts, request.period, today)
        status = period_status(project.facts, when, asked=request.period is not None, today=today)
        for line in period_warnings(status, notes=written):
            heard.warning(line)
    if written and project.lang.lang == "cy":
        warn_english_notes(project, request, result, today, heard)
    return BatchOutcome(
        project.lang, result, problems, status, tuple(heard.warnings), kind=request.kind
    )


def _fields_and_ids(
    project: Project, request: BatchRequest, today: dt.date
) -> tuple[Sequence[tuple[str | int, ...]], list[str]]:
    """The fields the batch's notes show, and the ids of the directors it makes notes for."""
    from pitchkit.notes.foreign import NOTE_FIELDS, update_fields

    fields: Sequence[tuple[str | int, ...]] = NOTE_FIELDS
    if request.kind == "update":
        from pitchkit.notes.update import chosen_period

        when = chosen_period(project.facts, request.period, today)
        fields = update_fields(project.loaded.source.data, when)
    from pitchkit.batch import choose

    ids = [d.id for d in choose(project.facts.directors, list(request.only))]
    return fields, ids


def refuse_english_notes(project: Project, request: BatchRequest, today: dt.date) -> None:
    """With ``--strict``, stop before writing any note when the Welsh notes would show English."""
    from pitchkit.notes.foreign import notes_english_in_welsh

    fields, ids = _fields_and_ids(project, request, today)
    problem = notes_english_in_welsh(project.loaded, ids, fields)
    if problem is not None:
        raise InputError(problem)


def warn_english_notes(
    project: Project, request: BatchRequest, result: BatchResult, today: dt.date, heard: Heard
) -> None:
    """Say in one line how much of the Welsh notes written show English, as ``update`` does."""
    from pitchkit.notes.foreign import NOTE_FIELDS, notes_english_warning, update_fields

    fields = NOTE_FIELDS
    if request.kind == "update":
        from pitchkit.notes.update import chosen_period

        when = chosen_period(project.facts, request.period, today)
        fields = update_fields(project.loaded.source.data, when)
    ids = [item.director_id for item in result.items if item.status == "ok"]
    warning = notes_english_warning(project.loaded, ids, fields)
    if warning is not None:
        heard.warning(warning)


def template_pages(template: Path, result: BatchResult) -> list[Renderable]:
    """With LibreOffice: a warning, naming the template, for each note over one page."""
    from pitchkit.notes.fit import template_over
    from pitchkit.output.pagecount import count_pages, measuring

    written = [item for item in result.items if item.status == "ok" and item.file is not None]
    if not written or not measuring():
        return []
    pages = count_pages([item.file.read_bytes() for item in written if item.file is not None])
    return [
        Located(item.director_id, template_over(str(template), count))
        for item, count in zip(written, pages, strict=True)
        if count is not None and count > 1
    ]
