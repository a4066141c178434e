"""Making the notes: in this process or in workers, each written as it arrives.

The main process builds one :class:`NoteMaker`, which compiles the
template once (:class:`~pitchkit.word.fastrender.CompiledTemplate`), makes
the first note, then forks worker processes that share it
(:class:`~pitchkit.batch.workers.Team`): each takes the next director when
free and sends back the note it makes. The main process writes each note
atomically and records it, in the order they come.
A director whose note cannot be made gets the reason, as a
:class:`OneLine`, instead of stopping the others. When the batch is asked
to stop (:attr:`~pitchkit.batch.state.Run.stop`), no more notes are
started and only the notes already made are written.
"""

from __future__ import annotations

import collections
import concurrent.futures as futures
import contextlib
import datetime as dt
import functools
import itertools
import multiprocessing
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pitchkit.batch.state import Run
from pitchkit.batch.workers import Cuts, MadeNote, Team
from pitchkit.collector import collect_again
from pitchkit.errors import FactsError, InputError, OutputError, PitchkitError
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director
from pitchkit.i18n.messages import Renderable, Translator, render
from pitchkit.notes.brief import brief_parts, builtin_template, properties
from pitchkit.notes.context import asking_to_sponsor
from pitchkit.output.files import StagedWrite, flush_folder, stage_atomic
from pitchkit.output.manifest import BatchItem, Status
from pitchkit.word.fastrender import CompiledTemplate

#: Below this many notes per worker, starting workers costs more than it saves.
NOTES_PER_WORKER = 6
#: Threads flushing made notes to disk, and how many notes may wait flushed or flushing.
_FLUSHING = 4
_FLUSHED_AHEAD = 8
#: How often the main process looks up from waiting, to notice an interrupt.
_POLL_SECONDS = 0.2

#: A made note: its position in the batch, its bytes (or why it could not be made), its cuts.
Outcome = MadeNote


@dataclass(frozen=True)
class Job:
    """What every worker needs to make any director's note."""

    project: Project
    kind: str
    template: Path | None
    today: dt.date
    period: str | None = None
    #: Refuse (fail) a briefing note that needs a cut to fit one page.
    no_cuts: bool = False
    #: The ids of the directors the briefs ask to sponsor (:func:`sponsors`); the others the
    #: project serves are asked for their advice. ``None``: every one it serves is asked.
    sponsors: frozenset[str] | None = None


def sponsors(project: Project, directors: Sequence[Director], today: dt.date) -> frozenset[str]:
    """The directors a batch of briefs asks to sponsor: the ranking's first and the meeting's.

    A batch asked every director the project serves to sponsor it and chair its
    board (newuser38, fixnu36 #4); the guide asks one, and the others for their
    advice. The ranking (:mod:`pitchkit.advice.ranking`) of the batch's whole
    team ``directors`` (whichever ``--only`` picks) puts first the director
    ``pitchkit directors`` recommends approaching first; the director the facts
    book the meeting with is asked too, as their note is for that conversation.
    """
    from pitchkit.advice.ranking import rank_directors

    facts = project.facts
    if not directors:
        return frozenset()
    if list(directors) != list(facts.directors):
        facts = facts.model_copy(update={"directors": list(directors)})
    chosen = {rank_directors(facts, today=today).recommendation.first.director.id}
    if facts.meeting is not None and facts.meeting.director:
        chosen.add(facts.meeting.director)
    return frozenset(chosen)


class NoteMaker:
    """Makes one director's note; each worker process builds one and keeps it."""

    def __init__(self, job: Job) -> None:
        """Compile the template for ``job``; workers forked later share it.

        A user's template is first proved to compile within the limits in a
        child process (see :class:`~pitchkit.word.fastrender.CompiledTemplate`).
        """
        self.job = job
        source = job.template if job.template is not None else builtin_template(job.kind)
        self.compiled = CompiledTemplate(source, lang=job.project.lang)

    def make(self, director: Director) -> bytes:
        """The .docx bytes of ``director``'s note."""
        return self.make_note(director)[0]

    def make_note(self, director: Director) -> tuple[bytes, Cuts]:
        """The .docx bytes of ``director``'s note and what was cut to fit it on one page."""
        context, props, cuts, data = self._context(director)
        if data is not None:  # the built-in brief, filled already while fitting it
            return data, cuts
        return self.compiled.render(context, properties=props), cuts

    def _context(self, director: Director) -> tuple[Mapping[str, Any], Any, Cuts, bytes | None]:
        """The template context, document properties, cuts and (if made) the note itself."""
        job = self.job
        if job.kind == "update":
            return self._update(director)
        with asking_to_sponsor(job.sponsors):
            brief = brief_parts(job.project, director, template=job.template, today=job.today)
        if job.no_cuts and brief.cuts:
            from pitchkit.notes.fit import cuts_refused

            raise InputError(cuts_refused(brief.cuts))
        cuts = tuple((c.field, c.detail) for c in brief.cuts)
        return brief.context, brief.properties, cuts, brief.data

    def _update(self, director: Director) -> tuple[Mapping[str, Any], Any, Cuts, bytes]:
        """``director``'s update, fitted to its pages as ``pitchkit update`` fits it."""
        from pitchkit.notes.update import situate, update_document_context
        from pitchkit.notes.update.making import fit_update
        from pitchkit.notes.update.situation import Situation

        job, lang = self.job, self.job.project.lang
        situation = situate(job.project.facts, director, lang, period=job.period, today=job.today)
        props = properties(situation.pitch, lang, "update", job.today)

        def rendered(fitted: Situation) -> tuple[dict[str, Any], bytes]:
            context = update_document_context(fitted, today=job.today)
            return context, self.compiled.render(context, properties=props)

        fitted = fit_update(situation, rendered, job.template)
        return fitted.context, props, fitted.cuts, fitted.data


def _make_one(maker: NoteMaker, index: int, director: Director) -> MadeNote:
    """Make one note, turning a user-fixable problem into its message."""
    try:
        data, cuts = maker.make_note(director)
    except PitchkitError as error:
        parts = error.parts if isinstance(error, FactsError) else (error.text,)
        return index, None, OneLine(parts), ()
    return index, data, "", cuts


class OneLine(Renderable):
    """An error's parts on one line, for a table row or a manifest cell.

    Made in a worker process and sent to the main one, so it holds only the
    messages (which pickle), never the exception.
    """

    __slots__ = ("parts",)

    def __init__(self, parts: Sequence[Renderable | str]) -> None:
        self.parts = tuple(parts)

    def render(self, lang: Translator | None = None) -> str:
        """Every part in ``lang``, each line after the first joined on with a space."""
        return " ".join(line for part in self.parts for line in render(part, lang).split("\n"))

    def __repr__(self) -> str:
        return f"OneLine({self.parts!r})"


def make_notes(
    run: Run,
    maker: NoteMaker,
    directors: Sequence[Director],
    paths: Sequence[Path],
    todo: Sequence[int],
    *,
    force: bool,
    jobs: int | None,
) -> None:
    """Make and write the notes in ``todo``, in worker processes when worth it.

    Workers are forked from this process once it has made the first note,
    so each starts with the template compiled and everything the notes
    share (lenses, formatted figures, the ledger) already worked out; they
    take the notes themselves (see :class:`Team`), so this process, while
    moving notes into place, never keeps them waiting. Where processes
    cannot be forked, every note is made here.
    """
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) // NOTES_PER_WORKER))
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1
    first, rest = todo[:1], todo[1:]
    others = (
        _made_in_workers(run, workers, maker, directors, rest)
        if workers > 1
        else _made_here(run, maker, directors, rest)
    )
    made = itertools.chain(_made_here(run, maker, directors, first), _collecting_again(), others)
    _write_in_order(run, made, directors, paths, force=force)


def _collecting_again() -> Iterator[Outcome]:
    """Turn the garbage collector back on, once the first note is made; no notes.

    The command's start-up turned it off (see :mod:`pitchkit.collector`);
    what the first note worked out once for all is then frozen with the
    rest of start-up, before any worker is forked.
    """
    collect_again()
    yield from ()


def _write_in_order(
    run: Run,
    made: Iterator[Outcome],
    directors: Sequence[Director],
    paths: Sequence[Path],
    *,
    force: bool,
) -> None:
    """Write each made note and record it, in the order they were made.

    Flushing bytes to disk is most of writing them, and waits on the disk,
    not the processor. So as soon as a note is made, background threads
    flush it to a temporary file (:func:`~pitchkit.output.files.stage_atomic`)
    and, beside it, the manifest as it will be once the note is recorded
    (:attr:`~pitchkit.batch.state.Run.listing`). Here each note is moved
    into place, then at once its manifest: every note whose flushes are
    over, one after the other, and then the folder is flushed once for all
    their names. So a note is moved into place only when whole on disk and
    listed only once in place (a batch killed outright leaves at most the
    note being moved unlisted); each manifest moved into place is whole on
    disk; and no more notes are recorded until the folder holding the
    names of those recorded is flushed (progress is reported for each note
    once its manifest is in place, so a few milliseconds before that
    flush). Like the one flush that used to cover a note's name and its
    manifest's, this relies on the file system keeping changes to one
    folder in order (journalling ones do) for the manifest to stay true
    after a power cut. (A flush of the folder after
    each note cost a wait on the disk per note, in line: about 4 ms here,
    longer than two workers take to make a note.)
    A note that cannot be moved into place is recorded as it turned out,
    and the manifests flushed ahead of it (which list it as written) are
    discarded: the notes after it write the manifest anew.
    """
    queue: collections.deque[_Queued] = collections.deque()
    #: The items as they will be once every queued note is recorded as expected.
    planned = list(run.items)
    with futures.ThreadPoolExecutor(_FLUSHING, thread_name_prefix="pitchkit-flush") as flushing:

        def flush(path: Path, data: bytes, *, replace: bool) -> futures.Future[StagedWrite]:
            return flushing.submit(stage_atomic, path, data, force=replace)

        def save_ready() -> None:
            # The first note (waiting for its flushes if need be), then every one ready.
            folders: set[Path] = set()
            while queue and (not folders or queue[0].ready()):
                entry = queue.popleft()
                index = entry.outcome[0]
                folders.update(entry.folders)
                if not _save(run, entry, directors, paths, force=force):
                    planned[index] = run.items[index]
                    for later in queue:  # they list the note as written: write the manifest anew
                        _discard(later.listed)
                        later.listed = None
            for folder in sorted(folders):
                flush_folder(folder)

        try:
            for outcome in made:
                index, data = outcome[0], outcome[1]
                expected = _expected(outcome, directors, paths)
                planned[index] = expected
                staged = flush(paths[index], data, replace=force) if data is not None else None
                listed, folders = None, {paths[index].parent}
                if run.listing is not None:
                    manifest, listing = run.listing(planned)
                    listed = flush(manifest, listing, replace=True)
                    folders.add(manifest.parent)
                queue.append(_Queued(outcome, expected, staged, listed, frozenset(folders)))
                if queue and (len(queue) > _FLUSHED_AHEAD or queue[0].ready()):
                    save_ready()
            while queue:
                save_ready()
        finally:  # only when recording failed: no temporary file is left behind
            for entry in queue:
                _discard(entry.staged)
                _discard(entry.listed)


@dataclass
class _Queued:
    """A made note waiting to be recorded, with its flushes under way."""

    outcome: Outcome
    #: Its manifest row as it will be once the note is in place.
    expected: BatchItem
    #: The note's bytes being flushed (``None``: it failed to be made).
    staged: futures.Future[StagedWrite] | None
    #: The manifest listing it being flushed (``None``: written when recorded).
    listed: futures.Future[StagedWrite] | None
    #: The folders its names go in, to flush once it is recorded.
    folders: frozenset[Path]

    def ready(self) -> bool:
        """Whether its flushes are over."""
        return all(f is None or f.done() for f in (self.staged, self.listed))


def _expected(outcome: Outcome, directors: Sequence[Director], paths: Sequence[Path]) -> BatchItem:
    """The item a made note is recorded as when it is moved into place (or failed)."""
    index, data, error, cuts = outcome
    director = directors[index]
    if data is None:
        return BatchItem(director.id, director.name, None, "failed", error)
    return BatchItem(director.id, director.name, paths[index], "ok", cuts=cuts)


def _discard(flushed: futures.Future[StagedWrite] | None) -> None:
    """Remove a flushed temporary file (a failed flush left none)."""
    if flushed is not None:
        with contextlib.suppress(OutputError):
            flushed.result().discard()


def _staged(flushed: futures.Future[StagedWrite] | None) -> StagedWrite | None:
    """The flushed manifest, or ``None`` when there is none or its flush failed."""
    if flushed is None:
        return None
    try:
        return flushed.result()
    except OutputError:
        return None


def _made_here(
    run: Run, maker: NoteMaker, directors: Sequence[Director], todo: Sequence[int]
) -> Iterator[MadeNote]:
    """The notes in ``todo``, made one by one in this process until the batch stops."""
    for index in todo:
        if run.stop:
            return
        yield _make_one(maker, index, directors[index])


def _made_in_workers(
    run: Run, workers: int, maker: NoteMaker, directors: Sequence[Director], todo: Sequence[int]
) -> Iterator[MadeNote]:
    """The notes in ``todo`` as forked workers make them (see :class:`Team`).

    When the batch stops, the workers start no more notes; the notes they
    are making are still given. Notes a worker took and never sent (it
    ended unexpectedly) are given last, as not made.
    """
    if run.stop or not todo:
        return
    make = functools.partial(_make_at, maker, directors)
    with Team(workers, make, todo) as team:
        while team.working:
            if run.stop:
                team.stop()
            yield from team.made(_POLL_SECONDS)
        yield from team.lost()


def _make_at(maker: NoteMaker, directors: Sequence[Director], index: int) -> MadeNote:
    """Make note ``index`` (in a worker), turning a user-fixable problem into its message."""
    return _make_one(maker, index, directors[index])


def _save(
    run: Run,
    entry: _Queued,
    directors: Sequence[Director],
    paths: Sequence[Path],
    *,
    force: bool,
) -> bool:
    """Move one made note into place and record it; whether it went as expected."""
    index = entry.outcome[0]
    director, path = directors[index], paths[index]
    run.opened()  # a note is never in place before the manifest that lists every director
    listed = _staged(entry.listed)
    if entry.staged is None:
        run.record(index, entry.expected, listed, sync_folder=False)
        return True
    try:
        # The folder is flushed for both names once the note is recorded (see save_ready).
        entry.staged.result().place(sync_folder=False)
    except OutputError as problem:
        if listed is not None:
            listed.discard()
        status: Status = "refused" if path.exists() and not force else "failed"
        run.record(index, BatchItem(director.id, director.name, path, status, problem.text))
        return False
    run.paths[index] = path
    run.record(index, entry.expected, listed, sync_folder=False)
    return True
