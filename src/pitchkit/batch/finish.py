"""After the notes are written: a PDF beside each, and the pack of them all.

Both stages work only on the notes the batch wrote
(:attr:`~pitchkit.batch.state.Run.paths`), in the batch's order. A PDF
that cannot be made leaves its note in place and says why; a pack that
cannot be written is reported without touching the notes.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pitchkit.batch.making import OneLine
from pitchkit.batch.state import Run
from pitchkit.errors import ConversionError, PitchkitError
from pitchkit.facts.project import Project
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.output.files import write_atomic
from pitchkit.output.pdf import ConversionResult, convert_to_pdf
from pitchkit.word.pack import build_pack

#: LibreOffice's time for a batch: a start-up allowance plus this much per document.
PDF_SECONDS_START = 60.0
PDF_SECONDS_EACH = 5.0


def add_pdfs(run: Run, *, force: bool) -> None:
    """Convert every written note in one LibreOffice run; note any that failed.

    When LibreOffice fails as a whole (it will not start, or runs too long)
    every note keeps its .docx and records why it has no PDF. An interrupt
    stops LibreOffice at once: the PDFs it finished are kept, and each other
    note records that its PDF was not made.
    """
    # A note kept from an earlier run being resumed may have its PDF already.
    indices = sorted(i for i in run.paths if run.items[i].pdf is None)
    if not indices:
        return
    docs = [run.paths[i] for i in indices]
    timeout = PDF_SECONDS_START + PDF_SECONDS_EACH * len(docs)
    try:
        results = convert_to_pdf(docs, force=force, timeout=timeout, should_stop=lambda: run.stop)
    except ConversionError as error:
        why = error.text
        results = [ConversionResult(doc, None, OneLine([why])) for doc in docs]
    for index, result in zip(indices, results, strict=True):
        item = run.items[index]
        if result.pdf is not None:
            run.items[index] = replace(item, pdf=result.pdf)
        else:
            run.items[index] = replace(item, error=Message("no PDF: {why}", why=result.error))


def write_pack(
    run: Run, project: Project, pack: Path, *, force: bool
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
