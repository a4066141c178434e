"""Count the pages a document really takes, laid out by LibreOffice.

pitchkit fits a note by its own layout or estimate; where LibreOffice is
installed and that cannot tell, the note is checked against the real layout: the notes are
converted to PDF by :func:`~pitchkit.output.pdf.convert_to_pdf` (one LibreOffice run for up
to 200, in a private folder that is then removed) and their pages counted. Nothing is
written where the user looks.

Set ``PITCHKIT_MEASURE=0`` to skip measuring (pitchkit's own layout or estimate alone is used).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pitchkit.errors import ConversionError

#: Environment variable that turns measuring off when set to 0.
MEASURE_ENV = "PITCHKIT_MEASURE"
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def measuring() -> bool:
    """Whether notes should be measured: LibreOffice is found and measuring is not turned off."""
    if os.environ.get(MEASURE_ENV, "").strip() == "0":
        return False
    from pitchkit.output.soffice import find_soffice

    try:
        find_soffice()
    except ConversionError:
        return False
    return True


def pdf_page_count(data: bytes) -> int:
    """The number of pages in a PDF LibreOffice wrote (its page objects, uncompressed)."""
    return len(_PAGE.findall(data))


#: LibreOffice's time to count pages: this allowance for starting it, plus :data:`SECONDS_EACH`
#: a document (measured: about one second each for whole notes, on two busy cores).
SECONDS_START = 120.0
SECONDS_EACH = 2.0


def count_pages(documents: Sequence[bytes], *, timeout: float | None = None) -> list[int | None]:
    """Each .docx's page count as LibreOffice lays it out (``None`` where it could not).

    ``timeout`` is in seconds for all of them; by default :data:`SECONDS_START`
    plus :data:`SECONDS_EACH` a document, so that a long list is not cut short.
    Counting only checks what pitchkit's own layout made: when LibreOffice fails
    outright (it will not start, crashes on every document, or overruns), every
    count is ``None`` and the caller keeps its estimate, rather than the note the
    user asked for being lost to a failed check.
    """
    from pitchkit.output.pdf import convert_to_pdf

    if not documents:
        return []
    if timeout is None:
        timeout = SECONDS_START + SECONDS_EACH * len(documents)
    with tempfile.TemporaryDirectory(
        prefix="pitchkit-measure-", ignore_cleanup_errors=True
    ) as work:
        folder = Path(work)
        paths = []
        for index, data in enumerate(documents):
            path = folder / f"note-{index}.docx"
            path.write_bytes(data)
            paths.append(path)
        try:
            results = convert_to_pdf(paths, out_dir=folder, timeout=timeout)
        except ConversionError:
            return [None] * len(documents)
        return [
            pdf_page_count(result.pdf.read_bytes()) if result.pdf is not None else None
            for result in results
        ]
