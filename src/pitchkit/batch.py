"""A note for each of many directors: in parallel, safely, with an account of each.

:func:`run_batch` gives every director a file name of their own inside the
output folder, refuses (without ``--force``) to replace any file that
exists (a folder already holding a batch's ``manifest.csv`` is refused
before anything is written, so an earlier run's record is never lost),
fills the template in worker processes that each compile it once
(:class:`~pitchkit.fastrender.CompiledTemplate`), writes each note
atomically as it arrives, and records what became of every director in
``manifest.csv``. One director's failure never stops the others.

An interrupt (Ctrl-C, or SIGTERM) stops handing out work: notes already
made are written whole, the workers are shut down, and the manifest says
which directors were done and which were skipped. No temporary file is
left behind.
"""

from __future__ import annotations

import concurrent.futures as futures
import contextlib
import datetime as dt
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import Any

from pitchkit.errors import (
    ConversionError,
    DirectorsError,
    FactsError,
    InputError,
    OutputError,
    PitchkitError,
)
from pitchkit.facts import Director
from pitchkit.fastrender import CompiledTemplate
from pitchkit.manifest import MANIFEST_NAME, BatchItem, Status, write_manifest
from pitchkit.messages import Message, Renderable, Translator, render
from pitchkit.notes import (
    KINDS,
    Project,
    brief_parts,
    builtin_template,
    default_file_name,
    properties,
)
from pitchkit.output import check_writable, inside, unique_names, write_atomic
from pitchkit.pack import build_pack, check_pack_path
from pitchkit.pdf import ConversionResult, convert_to_pdf, find_soffice

#: LibreOffice's time for a batch: a start-up allowance plus this much per document.
PDF_SECONDS_START = 60.0
PDF_SECONDS_EACH = 5.0
#: Below this many notes per worker, starting workers costs more than it saves.
NOTES_PER_WORKER = 6
#: Notes handed to each worker ahead of time: enough to keep it busy, few enough
#: that waiting stays cheap and memory does not grow with the batch.
IN_FLIGHT_PER_WORKER = 4
#: How often the main process looks up from waiting, to notice an interrupt.
_POLL_SECONDS = 0.2

Progress = Callable[[BatchItem, int, int], None]
#: A made note: its position in the batch, its bytes, or why it could not be made.
Outcome = tuple[int, bytes | None, Renderable | str]


@dataclass(frozen=True)
class BatchResult:
    """Every director's outcome, and where the manifest and pack went."""

    items: tuple[BatchItem, ...]
    manifest: Path
    pack: Path | None = None
    pack_error: Renderable | str = ""
    interrupted: bool = False
    #: How many of ``items`` (at the end) are directors-file rows that could not be read.
    rows_skipped: int = 0
    #: Whether a PDF was asked for beside each note.
    pdf: bool = False

    @property
    def failed(self) -> tuple[BatchItem, ...]:
        """The items that were not written: failed or refused."""
        return tuple(item for item in self.items if item.status in ("failed", "refused"))

    @property
    def pdf_missing(self) -> tuple[BatchItem, ...]:
        """The notes written without the PDF that was asked for (``error`` says why)."""
        if not self.pdf:
            return ()
        return tuple(item for item in self.items if item.status == "ok" and item.pdf is None)

    @property
    def ok(self) -> bool:
        """Whether every note, every PDF and the pack that were asked for were written."""
        return (
            all(item.status == "ok" for item in self.items)
            and not self.pdf_missing
            and not self.pack_error
            and not self.interrupted
        )


@dataclass(frozen=True)
class Job:
    """What every worker needs to make any director's note."""

    project: Project
    kind: str
    template: Path | None
    today: dt.date
    period: str | None = None


@dataclass
class _Run:
    """The batch as it goes: items by position, and whether to stop."""

    items: list[BatchItem]
    done: int = 0
    stop: bool = False
    on_progress: Progress | None = None
    paths: dict[int, Path] = field(default_factory=dict)

    def record(self, index: int, item: BatchItem) -> None:
        """Store the outcome of item ``index`` and report progress."""
        self.items[index] = item
        self.done += 1
        if self.on_progress is not None:
            self.on_progress(item, self.done, len(self.items))


def run_batch(
    *,
    project: Project,
    directors: Sequence[Director],
    kind: str,
    out_dir: Path,
    template: Path | None = None,
    force: bool = False,
    jobs: int | None = None,
    only: Sequence[str] | None = None,
    pdf: bool = False,
    pack: Path | None = None,
    today: dt.date | None = None,
    period: str | None = None,
    on_progress: Progress | None = None,
    skipped_rows: Sequence[Renderable | str] = (),
) -> BatchResult:
    """Write a ``kind`` note (``brief`` or ``update``) for each director into ``out_dir``.

    ``only`` picks directors by id. Existing files are refused unless
    ``force``. ``jobs`` worker processes (default: every core) fill the
    template. ``pdf`` adds a PDF beside each note (one LibreOffice run);
    ``pack`` writes every note into one document as well. Per-director
    problems are reported in the result and ``manifest.csv``; problems
    with the batch as a whole raise :class:`PitchkitError` before anything
    is written. ``skipped_rows`` are the problems of directors-file rows
    that could not be read: each is listed in the manifest as skipped.
    """
    if kind not in KINDS:
        raise InputError(
            Message("--kind {kind}: use one of {kinds}", kind=kind, kinds=", ".join(KINDS))
        )
    chosen = choose(directors, only)
    if pdf:
        find_soffice()
    if pack is not None:
        check_pack_path(pack, force=force)
    manifest = out_dir / MANIFEST_NAME
    _check_manifest_free(manifest, force=force)
    _make_folder(out_dir)
    today = today or dt.date.today()
    if kind == "update":
        from pitchkit.update import chosen_period

        period = chosen_period(project.facts, period, today).text
    job = Job(project, kind, template, today, period)
    maker = NoteMaker(job)  # a broken template fails the whole batch here, before any writing
    paths = note_paths(project, chosen, kind, out_dir, period=period)
    run = _Run([_pending(d) for d in chosen], on_progress=on_progress)
    try:
        with _interrupts(run):
            todo = _refuse_existing(run, chosen, paths, force=force)
            _make_notes(run, maker, chosen, paths, todo, force=force, jobs=jobs)
            if pdf and not run.stop:
                _add_pdfs(run, force=force)
            pack_path: Path | None = None
            pack_error: Renderable | str = ""
            if pack is not None and not run.stop:
                pack_path, pack_error = _write_pack(run, project, pack, force=force)
    finally:
        run.items.extend(BatchItem("", "", None, "skipped", row) for row in skipped_rows)
        write_manifest(manifest, run.items, project.lang)
    return BatchResult(
        tuple(run.items), manifest, pack_path, pack_error, run.stop, len(skipped_rows), pdf
    )


def choose(directors: Sequence[Director], only: Sequence[str] | None) -> list[Director]:
    """The directors named in ``only`` (by id, any case), or all of them."""
    if not directors:
        raise DirectorsError(
            Message(
                "no directors: add a 'directors:' list to the facts file, or pass --directors FILE"
            )
        )
    if not only:
        return list(directors)
    by_id = {d.id.casefold(): d for d in directors}
    wanted = [i.strip() for i in only if i.strip()]
    unknown = [i for i in wanted if i.casefold() not in by_id]
    if unknown:
        raise DirectorsError(
            Message(
                "--only: no director has the id {unknown}: choose from {ids}",
                unknown=", ".join(repr(i) for i in unknown),
                ids=", ".join(d.id for d in directors),
            )
        )
    picked = {i.casefold() for i in wanted}
    return [d for d in directors if d.id.casefold() in picked]


def note_paths(
    project: Project,
    directors: Sequence[Director],
    kind: str,
    out_dir: Path,
    *,
    period: str | None = None,
) -> list[Path]:
    """A distinct, safe path inside ``out_dir`` for each director's note."""
    facts, lang = project.facts, project.lang
    if kind == "update" and period is not None:
        from pitchkit.update import update_file_name

        names = [update_file_name(facts, d, period, lang) for d in directors]
    else:
        names = [default_file_name(facts, d, kind, lang) for d in directors]
    stems = [name.removesuffix(".docx") for name in names]
    return [inside(out_dir, f"{stem}.docx") for stem in unique_names(stems)]


def _pending(director: Director) -> BatchItem:
    """An item not (yet) made."""
    return BatchItem(
        director.id, director.name, None, "skipped", Message("not made: the batch stopped")
    )


def _check_manifest_free(manifest: Path, *, force: bool) -> None:
    """Refuse, before anything is written, a folder holding an earlier batch's manifest.

    The manifest is that batch's record of what became of each note; like
    any file pitchkit did not just write, it is replaced only with ``force``.
    """
    if not force and os.path.lexists(manifest):
        raise OutputError(
            Message(
                "{folder} already holds a batch, recorded in {name}: pass --force to write "
                "the batch again, or choose another --out",
                folder=manifest.parent,
                name=manifest.name,
            )
        )


def _make_folder(out_dir: Path) -> None:
    """Create ``--out`` (and its parents), or say why it cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(
            Message("--out {out} is a file: give a folder for the notes", out=out_dir)
        )
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            Message(
                "cannot make the folder {folder}: {reason}", folder=out_dir, reason=error.strerror
            )
        ) from None


def _refuse_existing(
    run: _Run, directors: Sequence[Director], paths: Sequence[Path], *, force: bool
) -> list[int]:
    """Mark notes whose file exists (without ``force``) as refused; return the rest."""
    todo: list[int] = []
    for index, (director, path) in enumerate(zip(directors, paths, strict=True)):
        try:
            check_writable(path, force=force)
        except OutputError as error:
            run.record(index, BatchItem(director.id, director.name, path, "refused", error.text))
            continue
        todo.append(index)
    return todo


# --- making the notes ------------------------------------------------------------------


class NoteMaker:
    """Makes one director's note; each worker process builds one and keeps it."""

    def __init__(self, job: Job) -> None:
        """Compile the template for ``job`` (the update template compiles on first use)."""
        self.job = job
        source = job.template if job.template is not None else builtin_template(job.kind)
        self.compiled = CompiledTemplate(source, lang=job.project.lang)

    def make(self, director: Director) -> bytes:
        """The .docx bytes of ``director``'s note."""
        context, props = self._context(director)
        return self.compiled.render(context, properties=props)

    def _context(self, director: Director) -> tuple[Mapping[str, Any], Any]:
        """The template context and document properties for ``director``."""
        job, lang = self.job, self.job.project.lang
        facts = job.project.facts
        if job.kind == "update":
            from pitchkit.update import situate, update_document_context

            situation = situate(facts, director, lang, period=job.period, today=job.today)
            context = update_document_context(situation, today=job.today)
            return context, properties(situation.pitch, lang, "update", job.today)
        brief = brief_parts(job.project, director, template=job.template, today=job.today)
        return brief.context, brief.properties


_WORKER: NoteMaker | None = None


def _start_worker(job: Job) -> None:
    """In a worker process: leave interrupts to the main process, and compile once."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = NoteMaker(job)


def _make_in_worker(index: int, director: Director) -> Outcome:
    """Make one note in a worker: its bytes, or the reason it failed."""
    assert _WORKER is not None
    return _make_one(_WORKER, index, director)


def _make_one(maker: NoteMaker, index: int, director: Director) -> Outcome:
    """Make one note, turning a user-fixable problem into its message."""
    try:
        return index, maker.make(director), ""
    except PitchkitError as error:
        parts = error.parts if isinstance(error, FactsError) else (error.text,)
        return index, None, OneLine(parts)


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


def _make_notes(
    run: _Run,
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
    for index, data, error in made:
        _save(run, index, directors[index], paths[index], data, error, force=force)


def _made_here(
    run: _Run, maker: NoteMaker, directors: Sequence[Director], todo: Sequence[int]
) -> Iterator[Outcome]:
    """The notes in ``todo``, made one by one in this process until the batch stops."""
    for index in todo:
        if run.stop:
            return
        yield _make_one(maker, index, directors[index])


def _made_in_workers(
    run: _Run, workers: int, job: Job, directors: Sequence[Director], todo: Sequence[int]
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
        return index, None, Message("the worker process making this note stopped unexpectedly")


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
    run: _Run,
    index: int,
    director: Director,
    path: Path,
    data: bytes | None,
    error: Renderable | str,
    *,
    force: bool,
) -> None:
    """Write one made note atomically (or record why it was not made)."""
    if data is None:
        run.record(index, BatchItem(director.id, director.name, None, "failed", error))
        return
    try:
        write_atomic(path, data, force=force)
    except OutputError as problem:
        status: Status = "refused" if path.exists() and not force else "failed"
        run.record(index, BatchItem(director.id, director.name, path, status, problem.text))
        return
    run.paths[index] = path
    run.record(index, BatchItem(director.id, director.name, path, "ok"))


# --- interrupts ------------------------------------------------------------------------


@contextlib.contextmanager
def _interrupts(run: _Run) -> Iterator[None]:
    """While the batch runs, turn SIGINT and SIGTERM into a request to stop cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        run.stop = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# --- PDFs and the pack ---------------------------------------------------------------


def _add_pdfs(run: _Run, *, force: bool) -> None:
    """Convert every written note in one LibreOffice run; note any that failed.

    When LibreOffice fails as a whole (it will not start, or runs too long)
    every note keeps its .docx and records why it has no PDF.
    """
    indices = sorted(run.paths)
    if not indices:
        return
    docs = [run.paths[i] for i in indices]
    timeout = PDF_SECONDS_START + PDF_SECONDS_EACH * len(docs)
    try:
        results = convert_to_pdf(docs, force=force, timeout=timeout)
    except ConversionError as error:
        why = error.text
        results = [ConversionResult(doc, None, OneLine([why])) for doc in docs]
    for index, result in zip(indices, results, strict=True):
        item = run.items[index]
        if result.pdf is not None:
            run.items[index] = replace(item, pdf=result.pdf)
        else:
            run.items[index] = replace(item, error=Message("no PDF: {why}", why=result.error))


def _write_pack(
    run: _Run, project: Project, pack: Path, *, force: bool
) -> tuple[Path | None, Renderable | str]:
    """Write every written note, in order, into one document."""
    notes = [run.paths[i] for i in sorted(run.paths)]
    if not notes:
        return None, Message("no notes were written, so there is nothing to pack")
    title = f"{project.facts.project.title} - {project.lang.gettext('meeting pack')}"
    try:
        write_atomic(pack, build_pack(notes, title=title), force=force)
    except PitchkitError as error:
        return None, error.text
    return pack, ""
