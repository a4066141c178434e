"""``manifest.csv``: what became of each director's note in a batch.

One row per director, in the order they were asked for, with the file
written (if any), its status, the reason when it was not written and the
PDF beside it and what the note leaves out to fit one page (empty when
nothing: ``brief`` warns of the same cuts); then one row for each row of a directors file that could
not be read, with status ``skipped``, the id and name the row gives (empty
when it gives none), and the file, row, column and problem as its reason.
The column names and statuses are English, for scripts to read; the
reason is written in the batch's language, for people. The file is UTF-8
with a byte-order mark so that Excel reads names correctly, and no cell can
run as a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pitchkit.i18n.messages import Renderable, Translator, render
from pitchkit.output.files import write_atomic

Status = Literal["ok", "failed", "refused", "skipped"]
MANIFEST_NAME = "manifest.csv"
MANIFEST_COLUMNS = ("director_id", "name", "file", "status", "error", "pdf", "cuts")
#: A spreadsheet reads a cell starting with these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class BatchItem:
    """What became of one director's note."""

    director_id: str
    name: str
    file: Path | None
    status: Status
    error: Renderable | str = ""
    pdf: Path | None = None
    #: What the note shows less of than the facts, to fit one page: (field, how), in order.
    cuts: tuple[tuple[str, Renderable | str], ...] = ()


def _manifest_cell(value: str) -> str:
    """A cell that a spreadsheet shows as text, never runs as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def cell_value(cell: str) -> str:
    """What :func:`_manifest_cell` wrote ``cell`` from: the value before it was kept as text."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _row(item: BatchItem, lang: Translator | None) -> list[str]:
    """One director's row, its reason in ``lang``."""
    values = [
        item.director_id,
        item.name,
        item.file.name if item.file else "",
        item.status,
        render(item.error, lang),
        item.pdf.name if item.pdf else "",
        _cuts_cell(item, lang),
    ]
    return [_manifest_cell(value) for value in values]


def _cuts_cell(item: BatchItem, lang: Translator | None) -> str:
    """What the note was cut to fit one page, as ``brief`` words it: ``field (how); ...``."""
    return "; ".join(f"{field} ({render(detail, lang)})" for field, detail in item.cuts)


def _csv(rows: Sequence[Sequence[str]]) -> str:
    """``rows`` as the manifest writes them: CSV with CRLF line ends."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


class ManifestWriter:
    """Writes one batch's ``manifest.csv`` again and again as its items change.

    A batch rewrites its manifest after every note; each item's row is
    worded (and quoted for CSV) once, when the item is first seen at its
    position, so a rewrite costs little more than the write itself. The
    file is the same as :func:`write_manifest` writes. :meth:`contents`
    gives the bytes without writing them, for a batch that flushes each
    version of its manifest ahead of the note it lists.
    """

    def __init__(self, path: Path, lang: Translator | None = None) -> None:
        self.path = path
        self.lang = lang
        self._lines: dict[int, tuple[BatchItem, str]] = {}
        #: Each block of rows as last joined, by its first position: the items and the text.
        self._blocks: dict[int, tuple[list[BatchItem], bytes]] = {}

    def contents(self, items: Sequence[BatchItem]) -> bytes:
        """The manifest of ``items``, as :meth:`write` writes it.

        The rows are joined in blocks, and a block whose items are all the
        same objects as last time is not joined again: a batch of n notes
        asks for n versions of its manifest, each differing from the last
        in a row or a few. Each block is kept as bytes, encoded once.
        """
        items = list(items)
        lines = [_HEADER_BYTES]
        for start in range(0, len(items), _BLOCK_ROWS):
            block = items[start : start + _BLOCK_ROWS]
            known = self._blocks.get(start)
            if (
                known is None
                or len(known[0]) != len(block)
                or not all(map(operator.is_, known[0], block))
            ):
                text = "".join(self._line(start + at, item) for at, item in enumerate(block))
                known = (block, text.encode("utf-8"))
                self._blocks[start] = known
            lines.append(known[1])
        return b"".join(lines)

    def _line(self, position: int, item: BatchItem) -> str:
        """The CSV line of ``item`` at ``position``, worded once for each item there."""
        known = self._lines.get(position)
        if known is None or known[0] is not item:
            known = (item, _csv([_row(item, self.lang)]))
            self._lines[position] = known
        return known[1]

    def write(self, items: Sequence[BatchItem]) -> Path:
        """Write the manifest of ``items`` atomically (see :func:`write_manifest`)."""
        return write_atomic(self.path, self.contents(items), force=True)


_HEADER = _csv([MANIFEST_COLUMNS])
#: The header as the file starts: UTF-8 with a byte-order mark, so that Excel reads names right.
_HEADER_BYTES = _HEADER.encode("utf-8-sig")
#: Rows joined together, and joined again only when one of them changes.
_BLOCK_ROWS = 32


def write_manifest(path: Path, items: Sequence[BatchItem], lang: Translator | None = None) -> Path:
    """Write ``manifest.csv`` (UTF-8 with a BOM, so Excel reads it) atomically.

    The reasons a note was not written are in ``lang`` (English when ``None``).
    """
    return ManifestWriter(path, lang).write(items)
