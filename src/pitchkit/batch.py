"""A note for each of many directors: in parallel, safely, with an account of each.

:func:`run_batch` gives every director a file name of their own inside the
output folder, refuses (without ``--force``) to replace any file that
exists, fills the template in worker processes that each compile it once
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
import csv
import datetime as dt
import io
import multiprocessing
import os
import posixpath
import signal
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import FrameType
from typing import Any, Literal

from docx.opc.coreprops import CoreProperties
from docx.oxml.parser import parse_xml
from lxml import etree  # type: ignore[import-untyped]

from pitchkit.errors import DirectorsError, InputError, OutputError, PitchkitError
from pitchkit.facts import Director
from pitchkit.fastrender import CompiledTemplate
from pitchkit.notes import KINDS, Project, builtin_template, default_file_name, properties
from pitchkit.output import check_writable, inside, unique_names, write_atomic
from pitchkit.pdf import convert_to_pdf, find_soffice

Status = Literal["ok", "failed", "refused", "skipped"]
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("director_id", "name", "file", "status", "error", "pdf")
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
#: A spreadsheet reads a cell starting with these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Progress = Callable[["BatchItem", int, int], None]


@dataclass(frozen=True)
class BatchItem:
    """What became of one director's note."""

    director_id: str
    name: str
    file: Path | None
    status: Status
    error: str = ""
    pdf: Path | None = None


@dataclass(frozen=True)
class BatchResult:
    """Every director's outcome, and where the manifest and pack went."""

    items: tuple[BatchItem, ...]
    manifest: Path
    pack: Path | None = None
    pack_error: str = ""
    interrupted: bool = False

    @property
    def failed(self) -> tuple[BatchItem, ...]:
        """The items that were not written: failed or refused."""
        return tuple(item for item in self.items if item.status in ("failed", "refused"))

    @property
    def ok(self) -> bool:
        """Whether every note (and the pack, if asked for) was written."""
        return not self.failed and not self.pack_error and not self.interrupted


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
) -> BatchResult:
    """Write a ``kind`` note (``brief`` or ``update``) for each director into ``out_dir``.

    ``only`` picks directors by id. Existing files are refused unless
    ``force``. ``jobs`` worker processes (default: every core) fill the
    template. ``pdf`` adds a PDF beside each note (one LibreOffice run);
    ``pack`` writes every note into one document as well. Per-director
    problems are reported in the result and ``manifest.csv``; problems
    with the batch as a whole raise :class:`PitchkitError` before anything
    is written.
    """
    if kind not in KINDS:
        raise InputError(f"--kind {kind}: use one of {', '.join(KINDS)}")
    chosen = choose(directors, only)
    if pdf:
        find_soffice()
    if pack is not None:
        _check_pack_path(pack, force=force)
    _make_folder(out_dir)
    today = today or dt.date.today()
    if kind == "update":
        from pitchkit.update import chosen_period

        period = chosen_period(project.facts, period, today).text
    job = Job(project, kind, template, today, period)
    maker = NoteMaker(job)  # a broken template fails the whole batch here, before any writing
    paths = note_paths(project, chosen, kind, out_dir, period=period)
    run = _Run([_pending(d) for d in chosen], on_progress=on_progress)
    manifest = out_dir / MANIFEST_NAME
    try:
        with _interrupts(run):
            todo = _refuse_existing(run, chosen, paths, force=force)
            _make_notes(run, maker, chosen, paths, todo, force=force, jobs=jobs)
            if pdf and not run.stop:
                _add_pdfs(run, force=force)
            pack_path, pack_error = (None, "")
            if pack is not None and not run.stop:
                pack_path, pack_error = _write_pack(run, project, pack, force=force)
    finally:
        write_manifest(manifest, run.items)
    return BatchResult(tuple(run.items), manifest, pack_path, pack_error, run.stop)


def choose(directors: Sequence[Director], only: Sequence[str] | None) -> list[Director]:
    """The directors named in ``only`` (by id, any case), or all of them."""
    if not directors:
        raise DirectorsError(
            "no directors: add a 'directors:' list to the facts file, or pass --directors FILE"
        )
    if not only:
        return list(directors)
    by_id = {d.id.casefold(): d for d in directors}
    wanted = [i.strip() for i in only if i.strip()]
    unknown = [i for i in wanted if i.casefold() not in by_id]
    if unknown:
        raise DirectorsError(
            f"--only: no director has the id {', '.join(repr(i) for i in unknown)}: "
            f"choose from {', '.join(d.id for d in directors)}"
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
    return BatchItem(director.id, director.name, None, "skipped", "not made: the batch stopped")


def _make_folder(out_dir: Path) -> None:
    """Create ``--out`` (and its parents), or say why it cannot be."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"--out {out_dir} is a file: give a folder for the notes")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot make the folder {out_dir}: {error.strerror}") from None


def _check_pack_path(pack: Path, *, force: bool) -> None:
    """Refuse a pack name that is not a .docx or would replace a file without --force."""
    if pack.suffix.lower() != ".docx":
        raise OutputError(f"--pack {pack}: give a file name ending in .docx")
    check_writable(pack, force=force)


def _refuse_existing(
    run: _Run, directors: Sequence[Director], paths: Sequence[Path], *, force: bool
) -> list[int]:
    """Mark notes whose file exists (without ``force``) as refused; return the rest."""
    todo: list[int] = []
    for index, (director, path) in enumerate(zip(directors, paths, strict=True)):
        try:
            check_writable(path, force=force)
        except OutputError as error:
            run.record(index, BatchItem(director.id, director.name, path, "refused", str(error)))
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
        from pitchkit.context import brief_context
        from pitchkit.fit import fit_brief
        from pitchkit.recast import recast

        pitch = recast(facts, director)
        context = brief_context(pitch, lang, today=job.today)
        if job.template is None:
            context, _cuts = fit_brief(context)
        return context, properties(pitch, lang, "brief", job.today)


_WORKER: NoteMaker | None = None


def _start_worker(job: Job) -> None:
    """In a worker process: leave interrupts to the main process, and compile once."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = NoteMaker(job)


def _make_in_worker(index: int, director: Director) -> tuple[int, bytes | None, str]:
    """Make one note in a worker: its bytes, or the reason it failed."""
    assert _WORKER is not None
    return _make_one(_WORKER, index, director)


def _make_one(maker: NoteMaker, index: int, director: Director) -> tuple[int, bytes | None, str]:
    """Make one note, turning a user-fixable problem into its message."""
    try:
        return index, maker.make(director), ""
    except PitchkitError as error:
        return index, None, " ".join(str(error).split("\n"))


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
        for index in todo:
            if run.stop:
                break
            _save(
                run,
                index,
                directors[index],
                paths[index],
                _make_one(maker, index, directors[index]),
                force=force,
            )
        return
    with _pool(workers, maker.job) as pool:
        waiting = iter(todo)
        pending: dict[futures.Future[tuple[int, bytes | None, str]], int] = {}
        while True:
            while not run.stop and len(pending) < workers * IN_FLIGHT_PER_WORKER:
                following = next(waiting, None)
                if following is None:
                    break
                pending[pool.submit(_make_in_worker, following, directors[following])] = following
            if not pending:
                break
            finished, _ = futures.wait(
                pending, timeout=_POLL_SECONDS, return_when=futures.FIRST_COMPLETED
            )
            if run.stop:
                pool.shutdown(wait=True, cancel_futures=True)
                finished = {f for f in pending if f.done() and not f.cancelled()}
            for future in finished:
                index = pending.pop(future)
                outcome = _outcome(future, index)
                _save(run, index, directors[index], paths[index], outcome, force=force)
            if run.stop:
                break


def _outcome(
    future: futures.Future[tuple[int, bytes | None, str]], index: int
) -> tuple[int, bytes | None, str]:
    """A finished future's note, or why it failed (a crashed worker included)."""
    try:
        return future.result()
    except futures.process.BrokenProcessPool:
        return index, None, "the worker process making this note stopped unexpectedly"


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
    outcome: tuple[int, bytes | None, str],
    *,
    force: bool,
) -> None:
    """Write one made note atomically and record what happened."""
    _, data, error = outcome
    if data is None:
        run.record(index, BatchItem(director.id, director.name, None, "failed", error))
        return
    try:
        write_atomic(path, data, force=force)
    except OutputError as problem:
        status: Status = "refused" if path.exists() and not force else "failed"
        run.record(index, BatchItem(director.id, director.name, path, status, str(problem)))
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


# --- PDFs, pack and manifest -----------------------------------------------------------


def _add_pdfs(run: _Run, *, force: bool) -> None:
    """Convert every written note in one LibreOffice run; note any that failed."""
    indices = sorted(run.paths)
    if not indices:
        return
    docs = [run.paths[i] for i in indices]
    timeout = PDF_SECONDS_START + PDF_SECONDS_EACH * len(docs)
    results = convert_to_pdf(docs, force=force, timeout=timeout)
    for index, result in zip(indices, results, strict=True):
        item = run.items[index]
        if result.pdf is not None:
            run.items[index] = replace(item, pdf=result.pdf)
        else:
            run.items[index] = replace(item, error=f"no PDF: {result.error}")


def _write_pack(run: _Run, project: Project, pack: Path, *, force: bool) -> tuple[Path | None, str]:
    """Write every written note, in order, into one document."""
    notes = [run.paths[i] for i in sorted(run.paths)]
    if not notes:
        return None, "no notes were written, so there is nothing to pack"
    title = f"{project.facts.project.title} - {project.lang.gettext('meeting pack')}"
    try:
        write_atomic(pack, build_pack(notes, title=title), force=force)
    except PitchkitError as error:
        return None, str(error)
    return pack, ""


def _manifest_cell(value: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def manifest_rows(items: Sequence[BatchItem]) -> list[list[str]]:
    """The manifest's rows: header first, then one row per director."""
    rows = [list(MANIFEST_COLUMNS)]
    for item in items:
        values = [
            item.director_id,
            item.name,
            item.file.name if item.file else "",
            item.status,
            item.error,
            item.pdf.name if item.pdf else "",
        ]
        rows.append([_manifest_cell(value) for value in values])
    return rows


def write_manifest(path: Path, items: Sequence[BatchItem]) -> Path:
    """Write ``manifest.csv`` (UTF-8 with a BOM, so Excel reads it) atomically."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(manifest_rows(items))
    return write_atomic(path, buffer.getvalue().encode("utf-8-sig"), force=True)


# --- the meeting pack ------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DOCUMENT = "word/document.xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_CONTENT_TYPES = "[Content_Types].xml"
_CORE = "docProps/core.xml"
_HEADER_FOOTER = ("/header", "/footer")
#: Elements of a section's properties that come before ``w:type``.
_BEFORE_TYPE = frozenset(
    f"{{{_W}}}{n}" for n in ("headerReference", "footerReference", "footnotePr", "endnotePr")
)
#: References to parts a pack cannot merge.
_UNMERGEABLE = frozenset(
    f"{{{_W}}}{n}" for n in ("footnoteReference", "endnoteReference", "commentReference")
)
_BOOKMARK_NAME_MAX = 40
_FIRST_HEADER_DRAWING_ID = 100_000


def _w(name: str) -> str:
    """The qualified name of WordprocessingML element ``name``."""
    return f"{{{_W}}}{name}"


def _xml_bytes(root: Any) -> bytes:
    """An XML part as Word writes it."""
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


class _Package:
    """A .docx read into named parts."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.relationships = {
            rel.get("Id"): rel for rel in etree.fromstring(self.parts[_DOCUMENT_RELS])
        }
        self.types = etree.fromstring(self.parts[_CONTENT_TYPES])

    def body(self) -> Any:
        """The document's ``w:body`` element, freshly parsed."""
        return etree.fromstring(self.parts[_DOCUMENT]).find(_w("body"))

    def content_type(self, partname: str) -> tuple[str, str] | None:
        """``("Override", type)`` or ``("Default", type)`` for a part, if declared."""
        for element in self.types:
            if element.get("PartName") == f"/{partname}":
                return "Override", str(element.get("ContentType"))
        extension = partname.rsplit(".", 1)[-1].lower()
        for element in self.types:
            if str(element.get("Extension", "")).lower() == extension:
                return "Default", str(element.get("ContentType"))
        return None


def build_pack(notes: Sequence[Path], *, title: str) -> bytes:
    """Put the notes (all from one template) into one document, each in its own section.

    Each note starts on a new page and keeps its own headers and footers.
    Raises :class:`OutputError` for notes with footnotes or comments, which
    a pack cannot merge.
    """
    base = _Package(notes[0].read_bytes())
    builder = _PackBuilder(base)
    for number, path in enumerate(notes, start=1):
        note = base if number == 1 else _Package(path.read_bytes())
        builder.add(note, number, last=number == len(notes), name=path.name)
    return builder.finish(title)


class _PackBuilder:
    """Collects the notes' bodies, parts and relationships into one package."""

    def __init__(self, base: _Package) -> None:
        self.parts = dict(base.parts)
        self.root = etree.fromstring(base.parts[_DOCUMENT])
        self.body = self.root.find(_w("body"))
        for child in list(self.body):
            self.body.remove(child)
        self.rels = etree.fromstring(base.parts[_DOCUMENT_RELS])
        self.types = base.types
        self.bookmark_offset = 0
        self.header_drawing_id = _FIRST_HEADER_DRAWING_ID

    def add(self, note: _Package, number: int, *, last: bool, name: str) -> None:
        """Append one note as its own section(s)."""
        body = note.body()
        if number > 1:
            self._relink(note, body, number, name)
        self._renumber_bookmarks(body, number)
        children = list(body)
        final = children.pop() if children and children[-1].tag == _w("sectPr") else None
        if final is None:
            final = etree.Element(_w("sectPr"))
        sections = [*body.iter(_w("sectPr"))]
        _start_on_new_page(sections[0] if sections else final)
        self.body.extend(children)
        if last:
            self.body.append(final)
        else:
            _end_section(self.body, final)

    def _relink(self, note: _Package, body: Any, number: int, name: str) -> None:
        """Point the note's relationships at parts in the pack, copying what it needs."""
        if any(element.tag in _UNMERGEABLE for element in body.iter()):
            raise OutputError(
                f"{name} has footnotes, endnotes or comments, which a pack cannot merge: "
                "remove them from the template, or print the notes one by one"
            )
        linked: dict[str, str] = {}
        for element in body.iter():
            for attribute, value in element.attrib.items():
                if attribute.startswith(f"{{{_R}}}"):
                    if value not in linked:
                        linked[value] = self._relate(note, value, number)
                    element.set(attribute, linked[value])

    def _relate(self, note: _Package, rid: str, number: int) -> str:
        """Add to the pack the relationship ``rid`` of ``note``; return its new id."""
        rel = note.relationships.get(rid)
        if rel is None:
            return rid
        target = str(rel.get("Target"))
        if rel.get("TargetMode") != "External":
            target = self._copy_part(note, _part_name(target), number)
        return self._add_relationship(str(rel.get("Type")), target, rel.get("TargetMode"))

    def _copy_part(self, note: _Package, partname: str, number: int) -> str:
        """Copy a part the note refers to (with its own relationships); return its target."""
        data = note.parts.get(partname)
        if data is None:
            return _target(partname)
        kinds = note.content_type(partname)
        own_sections = kinds is not None and kinds[1].endswith(
            tuple(f"{k[1:]}+xml" for k in _HEADER_FOOTER)
        )
        if self.parts.get(partname) == data and not own_sections:
            return _target(partname)
        folder, _, file_name = partname.rpartition("/")
        stem, dot, extension = file_name.rpartition(".")
        copy_name = f"{folder}/{stem}-{number}{dot}{extension}"
        while copy_name in self.parts:
            copy_name = f"{folder}/{stem}-{number}-{len(self.parts)}{dot}{extension}"
        if own_sections and b"docPr" in data:
            data = self._renumber_header_drawings(data)
        self.parts[copy_name] = data
        rels = f"{folder}/_rels/{file_name}.rels"
        if rels in note.parts:
            self.parts[f"{folder}/_rels/{copy_name.rpartition('/')[2]}.rels"] = note.parts[rels]
        if kinds is not None:
            self._declare(copy_name, *kinds)
        return _target(copy_name)

    def _renumber_header_drawings(self, data: bytes) -> bytes:
        """Give a copied header's drawings ids no other drawing has."""
        root = etree.fromstring(data)
        for drawing in root.iter(_DOC_PR):
            self.header_drawing_id += 1
            drawing.set("id", str(self.header_drawing_id))
        return _xml_bytes(root)

    def _declare(self, partname: str, how: str, content_type: str) -> None:
        """Declare a copied part's content type, unless its extension already does."""
        if how == "Override":
            etree.SubElement(
                self.types, f"{{{_CT}}}Override", PartName=f"/{partname}", ContentType=content_type
            )
            return
        extension = partname.rsplit(".", 1)[-1]
        known = {str(e.get("Extension", "")).lower() for e in self.types}
        if extension.lower() not in known:
            self.types.insert(
                0, etree.Element(f"{{{_CT}}}Default", Extension=extension, ContentType=content_type)
            )

    def _add_relationship(self, kind: str, target: str, mode: str | None) -> str:
        """Add a relationship from the document; return its new id."""
        taken = {str(rel.get("Id")) for rel in self.rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        attributes = {"Id": f"rId{number}", "Type": kind, "Target": target}
        if mode:
            attributes["TargetMode"] = mode
        etree.SubElement(self.rels, f"{{{_PR}}}Relationship", **attributes)
        return f"rId{number}"

    def _renumber_bookmarks(self, body: Any, number: int) -> None:
        """Keep bookmark ids and names distinct across the notes."""
        highest = self.bookmark_offset
        for element in body.iter(_w("bookmarkStart"), _w("bookmarkEnd")):
            value = element.get(_w("id"))
            if value is not None and value.lstrip("-").isdigit():
                new = int(value) + self.bookmark_offset
                element.set(_w("id"), str(new))
                highest = max(highest, new + 1)
            name = element.get(_w("name"))
            if name and number > 1:
                suffix = f"_{number}"
                element.set(_w("name"), name[: _BOOKMARK_NAME_MAX - len(suffix)] + suffix)
        self.bookmark_offset = highest

    def finish(self, title: str) -> bytes:
        """The pack's bytes: drawings renumbered, properties titled."""
        for number, drawing in enumerate(self.body.iter(_DOC_PR), start=1):
            drawing.set("id", str(number))
        self.parts[_DOCUMENT] = _xml_bytes(self.root)
        self.parts[_DOCUMENT_RELS] = _xml_bytes(self.rels)
        self.parts[_CONTENT_TYPES] = _xml_bytes(self.types)
        if _CORE in self.parts:
            core_root = parse_xml(self.parts[_CORE])
            core = CoreProperties(core_root)
            core.title = title[:250]
            self.parts[_CORE] = _xml_bytes(core_root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr(_CONTENT_TYPES, self.parts.pop(_CONTENT_TYPES))
            for name, data in self.parts.items():
                package.writestr(name, data)
        return buffer.getvalue()


def _part_name(target: str) -> str:
    """The package name of a target written relative to ``word/`` (or absolute)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("word", target))


def _target(partname: str) -> str:
    """A target relative to ``word/`` for a part name."""
    return posixpath.relpath(partname, "word")


def _start_on_new_page(section: Any) -> None:
    """Make a section start on a new page (``w:type nextPage``)."""
    kind = section.find(_w("type"))
    if kind is None:
        kind = etree.Element(_w("type"))
        position = sum(1 for child in section if child.tag in _BEFORE_TYPE)
        section.insert(position, kind)
    kind.set(_w("val"), "nextPage")


def _end_section(body: Any, section: Any) -> None:
    """End the section at the body's last paragraph, adding an empty one after a table."""
    last = body[-1] if len(body) else None
    if last is None or last.tag != _w("p") or last.find(f"{_w('pPr')}/{_w('sectPr')}") is not None:
        last = etree.SubElement(body, _w("p"))
    properties = last.find(_w("pPr"))
    if properties is None:
        properties = etree.Element(_w("pPr"))
        last.insert(0, properties)
    change = properties.find(_w("pPrChange"))
    if change is not None:
        change.addprevious(section)
    else:
        properties.append(section)
