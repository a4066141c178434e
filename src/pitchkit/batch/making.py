"""Making the notes: in this process or in workers, each written as it arrives.

Each worker process builds one :class:`NoteMaker`, which compiles the
template once (:class:`~pitchkit.word.fastrender.CompiledTemplate`); the main
process hands out a few directors per worker at a time and writes each
note atomically as it comes back. A director whose note cannot be made
gets the reason, as a :class:`OneLine`, instead of stopping the others.
When the batch is asked to stop (:attr:`~pitchkit.batch.state.Run.stop`),
waiting work is cancelled and only the notes already finished are written.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import datetime as dt
import multiprocessing
import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pitchkit.batch.state import Run
from pitchkit.errors import FactsError, InputError, OutputError, PitchkitError
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director
from pitchkit.i18n.messages import Message, Renderable, Translator, render
from pitchkit.notes.brief import brief_parts, builtin_template, properties
from pitchkit.output.files import write_atomic
from pitchkit.output.manifest import BatchItem, Status
from pitchkit.word.fastrender import CompiledTemplate

#: Below this many notes per worker, starting workers costs more than it saves.
NOTES_PER_WORKER = 6
#: Notes handed to each worker ahead of time: enough to keep it busy, few enough
#: that waiting stays cheap and memory does not grow with the batch.
IN_FLIGHT_PER_WORKER = 4
#: How often the main process looks up from waiting, to notice an interrupt.
_POLL_SECONDS = 0.2

#: What a note was cut to fit one page: (field, how), in order.
Cuts = tuple[tuple[str, Renderable | str], ...]
#: A made note: its position in the batch, its bytes (or why it could not be made), its cuts.
Outcome = tuple[int, bytes | None, Renderable | str, Cuts]


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


class NoteMaker:
    """Makes one director's note; each worker process builds one and keeps it."""

    def __init__(self, job: Job, *, proven: bool = False) -> None:
        """Compile the template for ``job`` (the update template compiles on first use).

        A user's template is first proved to compile within the limits in a
        child process; ``proven=True`` (in worker processes, after the main
        process did so) skips that.
        """
        self.job = job
        source = job.template if job.template is not None else builtin_template(job.kind)
        self.compiled = CompiledTemplate(source, lang=job.project.lang, proven=proven)

    def make(self, director: Director) -> bytes:
        """The .docx bytes of ``director``'s note."""
        return self.make_note(director)[0]

    def make_note(self, director: Director) -> tuple[bytes, Cuts]:
        """The .docx bytes of ``director``'s note and what was cut to fit it on one page."""
        context, props, cuts = self._context(director)
        return self.compiled.render(context, properties=props), cuts

    def _context(self, director: Director) -> tuple[Mapping[str, Any], Any, Cuts]:
        """The template context, document properties and cuts for ``director``."""
        job, lang = self.job, self.job.project.lang
        facts = job.project.facts
        if job.kind == "update":
            from pitchkit.notes.update import situate, update_document_context

            situation = situate(facts, director, lang, period=job.period, today=job.today)
            context = update_document_context(situation, today=job.today)
            return context, properties(situation.pitch, lang, "update", job.today), ()
        brief = brief_parts(job.project, director, template=job.template, today=job.today)
        if job.no_cuts and brief.cuts:
            from pitchkit.notes.fit import cuts_refused

            raise InputError(cuts_refused(brief.cuts))
        return brief.context, brief.properties, tuple((c.field, c.detail) for c in brief.cuts)


_WORKER: NoteMaker | None = None


def _start_worker(job: Job) -> None:
    """In a worker process: leave interrupts to the main process, and compile once."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = NoteMaker(job, proven=True)


def _make_in_worker(index: int, director: Director) -> Outcome:
    """Make one note in a worker: its bytes, or the reason it failed."""
    assert _WORKER is not None
    return _make_one(_WORKER, index, director)


def _make_one(maker: NoteMaker, index: int, director: Director) -> Outcome:
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
    """Make and write the notes in ``todo``, in worker processes when worth it."""
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) // NOTES_PER_WORKER))
    if workers == 1:
        made: Iterator[Outcome] = _made_here(run, maker, directors, todo)
    else:
        made = _made_in_workers(run, workers, maker.job, directors, todo)
    for index, data, error, cuts in made:
        _save(run, index, directors[index], paths[index], data, error, force=force, cuts=cuts)


def _made_here(
    run: Run, maker: NoteMaker, directors: Sequence[Director], todo: Sequence[int]
) -> Iterator[Outcome]:
    """The notes in ``todo``, made one by one in this process until the batch stops."""
    for index in todo:
        if run.stop:
            return
        yield _make_one(maker, index, directors[index])


def _made_in_workers(
    run: Run, workers: int, job: Job, directors: Sequence[Director], todo: Sequence[int]
) -> Iterator[Outcome]:
    """The notes in ``todo`` as workers finish them, a few in flight at a time.

    When the batch stops, waiting work is cancelled and only the notes
    already finished are given.
    """
    with _pool(workers, job) as pool:
        waiting = iter(todo)
        pending: dict[futures.Future[Outcome], int] = {}
        while True:
            while not run.stop and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                following = next(waiting, None)
                if following is None:
                    break
                pending[pool.submit(_make_in_worker, following, directors[following])] = following
            if not pending:
                return
            finished, _ = futures.wait(
                pending, timeout=_POLL_SECONDS, return_when=futures.FIRST_COMPLETED
            )
            if run.stop:
                pool.shutdown(wait=True, cancel_futures=True)
                finished = {f for f in pending if f.done() and not f.cancelled()}
            for future in finished:
                yield _outcome(future, pending.pop(future))
            if run.stop:
                return


def _outcome(future: futures.Future[Outcome], index: int) -> Outcome:
    """A finished future's note, or why it failed (a crashed worker included)."""
    try:
        return future.result()
    except futures.process.BrokenProcessPool:
        return index, None, Message("the worker process making this note stopped unexpectedly"), ()


@contextlib.contextmanager
def _pool(workers: int, job: Job) -> Iterator[futures.ProcessPoolExecutor]:
    """A process pool whose workers each compile the template once."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(job,)
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _save(
    run: Run,
    index: int,
    director: Director,
    path: Path,
    data: bytes | None,
    error: Renderable | str,
    *,
    force: bool,
    cuts: Cuts = (),
) -> None:
    """Write one made note atomically (or record why it was not made)."""
    if data is None:
        run.record(index, BatchItem(director.id, director.name, None, "failed", error))
        return
    try:
        # The manifest, rewritten in the same folder once the note is recorded, flushes
        # the folder for both names (see Run.on_record); without it, the note does.
        write_atomic(path, data, force=force, sync_folder=run.on_record is None)
    except OutputError as problem:
        status: Status = "refused" if path.exists() and not force else "failed"
        run.record(index, BatchItem(director.id, director.name, path, status, problem.text))
        return
    run.paths[index] = path
    run.record(index, BatchItem(director.id, director.name, path, "ok", cuts=cuts))
