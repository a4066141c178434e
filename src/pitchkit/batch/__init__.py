"""A note for each of many directors: in parallel, safely, with an account of each.

:func:`run_batch` gives every director a file name of their own inside the
output folder, refuses (without ``--force``) to replace any file that
exists (a folder already holding a batch's ``manifest.csv`` is refused
before anything is written, so an earlier run's record is never lost, and
so is a ``--pack`` batch with any note's file already there, so that the
pack never silently lacks a director),
fills the template in worker processes that each compile it once
(:class:`~pitchkit.word.fastrender.CompiledTemplate`), writes each note
atomically as it arrives, and records what became of every director in
``manifest.csv``. One director's failure never stops the others.

An interrupt (Ctrl-C, or SIGTERM) stops handing out work: notes already
made are written whole, the workers are shut down, and the manifest says
which directors were done and which were skipped. No temporary file is
left behind.

The parts live by stage: :mod:`~pitchkit.batch.state` (the batch as it
goes, and stopping it), :mod:`~pitchkit.batch.making` (making and writing
the notes), :mod:`~pitchkit.batch.workers` (the worker processes that make
and flush them, when worth it) and
:mod:`~pitchkit.batch.finish` (the PDFs and the pack, after the notes are
written). This module plans the batch (who, and into which files), checks
it before anything is written, and puts the stages together.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pitchkit.batch.finish import add_pdfs, write_pack
from pitchkit.batch.making import Job, NoteMaker, OneLine, make_notes, sponsors
from pitchkit.batch.state import Progress, Run, interrupts
from pitchkit.errors import DirectorsError, InputError, OutputError
from pitchkit.facts.ids import id_key
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.notes.brief import KINDS, default_file_name
from pitchkit.output.files import (
    check_writable,
    inside_all,
    remove_stale_temporaries,
    unique_names,
    write_atomic,
)
from pitchkit.output.manifest import (
    MANIFEST_COLUMNS,
    MANIFEST_NAME,
    BatchItem,
    ManifestWriter,
    cell_value,
)
from pitchkit.output.pdf import STOPPED, find_soffice
from pitchkit.word.pack import check_pack_path

__all__ = [
    "BatchResult",
    "Job",
    "NoteMaker",
    "OneLine",
    "Progress",
    "choose",
    "note_paths",
    "run_batch",
]


@dataclass(frozen=True)
class BatchResult:
    """Every director's outcome, and where the manifest and pack went."""

    items: tuple[BatchItem, ...]
    manifest: Path
    pack: Path | None = None
    pack_error: Renderable | str = ""
    interrupted: bool = False
    #: The signal that stopped the batch (SIGINT or SIGTERM), or 0.
    stopped_by: int = 0
    #: How many of ``items`` (at the end) are directors-file rows that could not be read.
    rows_skipped: int = 0
    #: Whether a PDF was asked for beside each note.
    pdf: bool = False
    #: How many notes the interrupt left unmade (each is in ``items`` as skipped).
    unmade: int = 0
    #: ``out_dir`` when the batch made it (with any folders above it), else ``None``.
    folder_made: Path | None = None
    #: Whether a pack was asked for.
    pack_asked: bool = False
    #: How many of ``items`` are notes an earlier run finished, kept by ``resume``.
    kept: int = 0

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
    no_cuts: bool = False,
    resume: bool = False,
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
    With ``no_cuts`` a briefing note that would need a cut to fit one page
    fails (and is not written) instead of being shortened.
    With ``resume`` the folder's manifest says which notes an earlier run of the
    batch finished (:func:`finished_notes`): those are kept as they are, and
    only the others are made (with their PDFs, and any finished note's PDF the
    earlier run did not make); the manifest is then whole again, one row per
    director, and the pack holds every note.
    """
    if kind not in KINDS:
        raise InputError(
            Message("--kind {kind}: use one of {kinds}", kind=kind, kinds=", ".join(KINDS))
        )
    chosen = choose(directors, only)
    if out_dir.is_dir():  # an earlier batch killed outright may have left its temporary files
        remove_stale_temporaries(out_dir)
    if pdf:
        find_soffice()
    if pack is not None:
        _check_pack_free(pack, force=force, resume=resume)
    manifest = out_dir / MANIFEST_NAME
    if resume and force:
        raise InputError(
            Message(
                "--resume keeps the notes an earlier run finished, --force writes them again: "
                "choose one"
            )
        )
    if not resume:
        _check_manifest_free(manifest, force=force)
    _check_folder(out_dir)
    earlier = finished_notes(manifest) if resume else {}
    today = today or dt.date.today()
    named = period
    if kind == "update":
        from pitchkit.notes.update import chosen_period
        from pitchkit.period import file_period

        when = chosen_period(project.facts, period, today)
        period, named = when.text, file_period(period, when)
    # One director is asked to sponsor, the others for their advice (newuser38, fixnu36 #4).
    chosen_sponsors = sponsors(project, directors, today) if kind == "brief" else None
    job = Job(project, kind, template, today, period, no_cuts=no_cuts, sponsors=chosen_sponsors)
    # A broken template fails the whole batch here, before any folder is made.
    maker = NoteMaker(job)
    paths = note_paths(project, chosen, kind, out_dir, period=named)
    kept = _kept(chosen, paths, earlier, pdf=pdf)
    if pack is not None:
        _check_pack_apart(pack, [*paths, manifest], pdf=pdf)
        _check_pack_whole(
            [d for i, d in enumerate(chosen) if i not in kept],
            [p for i, p in enumerate(paths) if i not in kept],
            force=force or resume,
        )
    made = _make_folder(out_dir)
    pending = [_pending(d) for d in chosen]
    run = Run([kept.get(i, item) for i, item in enumerate(pending)], on_progress=on_progress)
    run.done = len(kept)
    run.paths.update({i: paths[i] for i in kept})
    skipped = [
        BatchItem(getattr(row, "director_id", ""), getattr(row, "name", ""), None, "skipped", row)
        for row in skipped_rows
    ]

    record = ManifestWriter(manifest, project.lang)

    def save_manifest() -> None:
        # Written after every note, so a batch killed outright (kill -9, power loss)
        # still leaves a manifest listing each note finished; the final write reports.
        run.opened()
        with contextlib.suppress(OutputError):
            record.write([*run.items, *skipped])

    # The first manifest, listing every director, is flushed while the first note is made.
    run.opening = _write_in_background(manifest, record.contents([*run.items, *skipped]))
    run.on_record = save_manifest
    run.listing = lambda items: (manifest, record.contents([*items, *skipped]))
    try:
        with interrupts(run):
            # Resuming, a note the manifest lists as not made is this batch's own to make, even
            # when a run killed outright left it on disk (whole) before it could be listed.
            remake = force or resume
            todo = _refuse_existing(run, chosen, paths, force=remake, kept=frozenset(kept))
            make_notes(run, maker, chosen, paths, todo, force=remake, jobs=jobs)
            if pdf and not run.stop:
                add_pdfs(run, force=remake)
            if pdf and run.stop:
                _pdfs_stopped(run)
            pack_path: Path | None = None
            pack_error: Renderable | str = ""
            if pack is not None and not run.stop:
                pack_path, pack_error = write_pack(run, project, pack, force=force)
    finally:
        run.on_record = run.listing = None
        run.opened()
        run.items.extend(skipped)
        record.write(run.items)
    return BatchResult(
        tuple(run.items),
        manifest,
        pack=pack_path,
        pack_error=pack_error,
        interrupted=run.stop,
        stopped_by=run.stopped_by,
        rows_skipped=len(skipped_rows),
        pdf=pdf,
        folder_made=out_dir if made else None,
        pack_asked=pack is not None,
        kept=len(kept),
        unmade=sum(1 for item, waiting in zip(run.items, pending, strict=False) if item is waiting),
    )


def _check_pack_free(pack: Path, *, force: bool, resume: bool) -> None:
    """Refuse a pack path that would replace a file, in words that fit ``--resume``.

    ``--force`` cannot go with ``--resume``, so a pack already there when
    resuming (an earlier run's, or anyone's) is left alone and the lead is told
    to move it aside: pitchkit never decides for them that it may go.
    """
    if resume and pack.suffix.lower() == ".docx" and (pack.exists() or pack.is_symlink()):
        raise OutputError(
            Message(
                "--pack {pack} already exists, and --resume never replaces a file: move or "
                "delete it, or give --pack another name, and the pack will be made with every note",
                pack=pack,
            )
        )
    check_pack_path(pack, force=force)


def _pdfs_stopped(run: Run) -> None:
    """Record, for each note written without its PDF when the batch stopped, why it has none."""
    for index, item in enumerate(run.items):
        if item.status == "ok" and item.pdf is None and not item.error:
            run.items[index] = replace(item, error=Message("no PDF: {why}", why=STOPPED))


def _write_in_background(path: Path, data: bytes) -> threading.Thread:
    """Write ``data`` to ``path`` atomically in a thread of its own (a failure is left unsaid)."""

    def write() -> None:
        with contextlib.suppress(OutputError):
            write_atomic(path, data, force=True)

    thread = threading.Thread(target=write, name="pitchkit-manifest")
    thread.start()
    return thread


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
    by_id = {id_key(d.id): d for d in directors}
    wanted = [i.strip() for i in only if i.strip()]
    unknown = [i for i in wanted if id_key(i) not in by_id]
    if unknown:
        raise DirectorsError(
            Message(
                "--only: no director has the id {unknown}: choose from {ids}",
                unknown=", ".join(repr(i) for i in unknown),
                ids=", ".join(d.id for d in directors),
            )
        )
    picked = {id_key(i) for i in wanted}
    return [d for d in directors if id_key(d.id) in picked]


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
        from pitchkit.notes.update import update_file_name

        names = [update_file_name(facts, d, period, lang) for d in directors]
    else:
        names = [default_file_name(facts, d, kind, lang) for d in directors]
    stems = [name.removesuffix(".docx") for name in names]
    return inside_all(out_dir, [f"{stem}.docx" for stem in unique_names(stems)])


def _pending(director: Director) -> BatchItem:
    """An item not (yet) made."""
    return BatchItem(
        director.id, director.name, None, "skipped", Message("not made: the batch stopped")
    )


def _check_manifest_free(manifest: Path, *, force: bool) -> None:
    """Refuse, before anything is written, a folder holding an earlier batch's manifest.

    The manifest is that batch's record of what became of each note; like
    any file pitchkit did not just write, it is replaced only with ``force``.
    The refusal says how to finish a batch that stopped part-way (newuser18 #9).
    """
    if not force and os.path.lexists(manifest):
        raise OutputError(
            Message(
                "{folder} already holds a batch, recorded in {name}: pass --resume to make "
                "only the notes it lists as not made, keeping those finished; --force to write "
                "the whole batch again; or choose another --out",
                folder=manifest.parent,
                name=manifest.name,
            )
        )


#: What an earlier run's manifest says of a finished note: its file, PDF and reason cells.
Finished = tuple[str, str, str]


def finished_notes(manifest: Path) -> dict[str, Finished]:
    """The notes ``manifest`` lists as written (status ``ok``), by director id (case folded).

    Refuses a folder with no manifest (there is no batch to resume) or one that
    cannot be read as a manifest, before anything is written.
    """
    if not manifest.is_file():
        raise OutputError(
            Message(
                "--resume: {folder} holds no batch to finish (there is no {name}): "
                "leave out --resume to write the batch",
                folder=manifest.parent,
                name=manifest.name,
            )
        )
    try:
        text = manifest.read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise OutputError(
            Message("--resume: cannot read {file}: {reason}", file=manifest, reason=str(error))
        ) from None
    if rows and not set(MANIFEST_COLUMNS) <= set(rows[0]):
        raise OutputError(
            Message(
                "--resume: {file} is not a batch's manifest (its columns are not {columns})",
                file=manifest,
                columns=", ".join(MANIFEST_COLUMNS),
            )
        )
    found: dict[str, Finished] = {}
    for row in rows:
        if row.get("status") == "ok" and row.get("director_id") and row.get("file"):
            cells = (
                cell_value(row["file"]),
                cell_value(row.get("pdf") or ""),
                cell_value(row.get("error") or ""),
            )
            found.setdefault(cell_value(row["director_id"]).casefold(), cells)
    return found


def _kept(
    directors: Sequence[Director],
    paths: Sequence[Path],
    earlier: dict[str, Finished],
    *,
    pdf: bool,
) -> dict[int, BatchItem]:
    """The notes an earlier run finished and left in place, by position, as it recorded them.

    A note is kept when the manifest lists it as written, under the file name this
    run would give it, and the file is there. With ``pdf``, a kept note whose PDF
    was not made is left without one (and without the reason why not), so that
    this run makes it.
    """
    kept: dict[int, BatchItem] = {}
    for index, (director, path) in enumerate(zip(directors, paths, strict=True)):
        cells = earlier.get(director.id.casefold())
        if cells is None or cells[0] != path.name or not path.is_file():
            continue
        made = path.with_suffix(".pdf")
        # A PDF beside the note is its own when listed, or (with ``pdf``) when a run killed
        # outright made it without listing it: conversion writes whole files only.
        has_pdf = made.is_file() and (cells[1] == made.name or (pdf and not cells[1]))
        error = cells[2]
        if pdf and not has_pdf:
            error = ""
        item = BatchItem(director.id, director.name, path, "ok", error, made if has_pdf else None)
        kept[index] = item
    return kept


def _same_file_key(path: Path) -> str:
    """A path as the file system may see it: absolute, links resolved, case folded."""
    return os.path.normcase(str(path.resolve())).casefold()


def _check_pack_apart(pack: Path, written: Sequence[Path], *, pdf: bool) -> None:
    """Refuse a ``--pack`` that is the file of a note (or its PDF, or the manifest) of this batch.

    Writing the pack there would replace a note the manifest lists as written.
    """
    taken = {_same_file_key(path): path for path in written}
    if pdf:
        taken |= {_same_file_key(path.with_suffix(".pdf")): path for path in written}
    clash = taken.get(_same_file_key(pack))
    if clash is not None:
        raise OutputError(
            Message(
                "--pack {pack} is the file this batch writes as {name}: "
                "give the pack a name of its own",
                pack=pack,
                name=clash.name,
            )
        )


def _check_pack_whole(directors: Sequence[Director], paths: Sequence[Path], *, force: bool) -> None:
    """Refuse, before anything is written, a pack that would leave out a director.

    A note whose file already exists is refused without ``force``; a pack
    made without it lacks that director, which is easy to miss at the end of
    the output (newuser16 #8). So a ``--pack`` batch with such a note writes
    nothing: the message names the director and ``--force``.
    """
    if force:
        return
    found = [(d, p) for d, p in zip(directors, paths, strict=True) if os.path.lexists(p)]
    if not found:
        return
    director, path = found[0]
    raise OutputError(
        Message(
            "{name} ({id}): {file} already exists, so the pack would leave them out: pass "
            "--force to replace it, or choose another --out; nothing was written",
            name=director.name,
            id=director.id,
            file=path,
        )
        if len(found) == 1
        else Message(
            "{name} ({id}) and {count} more: {file} already exists, so the pack would leave "
            "them out: pass --force to replace it, or choose another --out; nothing was written",
            name=director.name,
            id=director.id,
            count=len(found) - 1,
            file=path,
        )
    )


def _check_folder(out_dir: Path) -> None:
    """Refuse an ``--out`` that is a file, before any work."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(
            Message("--out {out} is a file: give a folder for the notes", out=out_dir)
        )


def _make_folder(out_dir: Path) -> bool:
    """Create ``--out`` (and its parents), or say why it cannot be: whether it was made."""
    _check_folder(out_dir)
    if out_dir.is_dir():
        return False
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(
            Message(
                "cannot make the folder {folder}: {reason}", folder=out_dir, reason=error.strerror
            )
        ) from None
    return True


def _refuse_existing(
    run: Run,
    directors: Sequence[Director],
    paths: Sequence[Path],
    *,
    force: bool,
    kept: frozenset[int] = frozenset(),
) -> list[int]:
    """Mark notes whose file exists (without ``force``) as refused; return the rest.

    The ``kept`` notes, finished by an earlier run being resumed, are neither.
    """
    todo: list[int] = []
    for index, (director, path) in enumerate(zip(directors, paths, strict=True)):
        if index in kept:
            continue
        try:
            check_writable(path, force=force)
        except OutputError as error:
            run.record(index, BatchItem(director.id, director.name, path, "refused", error.text))
            continue
        todo.append(index)
    return todo
