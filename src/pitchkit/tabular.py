"""Reading spreadsheets: CSV text and Excel workbooks, as rows of cells.

Shared by the directors file (:mod:`pitchkit.directors`) and the measures
spreadsheet (:mod:`pitchkit.measuresheet`). Each reads a header and
numbered rows, numbered as a spreadsheet numbers them, so problems can be
placed by row and column. Every failure raises the error class the caller
passes, as one located line.

CSV is read as UTF-8 (with or without a byte-order mark) or as the
Windows-1252 older Excel writes; a file mixing the two is refused with the
row where they part. Workbooks are read with openpyxl in read-only mode,
and refused before reading when larger than :data:`MAX_XLSX_BYTES` (or
their unpacked parts larger than :data:`MAX_UNPACKED_BYTES`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pitchkit.errors import PitchkitError
from pitchkit.messages import Located, Message, Renderable

#: A workbook larger than this on disk is refused before opening.
MAX_XLSX_BYTES = 20_000_000
#: A workbook whose parts unpack to more than this is refused (a "zip bomb").
MAX_UNPACKED_BYTES = 200_000_000
#: A CSV file larger than this is refused.
MAX_CSV_BYTES = 20_000_000
_DELIMITERS = ",;\t"

Records = list[tuple[int, list[Any]]]


def decode(path: Path, raw: bytes, error: type[PitchkitError]) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM), else as Windows-1252.

    A file with UTF-8 rows and Windows-1252 rows (two exports pasted
    together) is refused, naming the first row whose encoding differs
    from the rows before it.
    """
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_row(raw)
    if mixed is not None:
        raise error(
            Located(
                row_place(path, mixed),
                Message(
                    "this row is in a different text encoding from the rows above it (the file "
                    "mixes UTF-8 and Windows-1252): open the file in Excel and save it again "
                    "as 'CSV UTF-8'"
                ),
            )
        )
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise error(
            Located(
                str(path),
                Message("the text encoding is not UTF-8: in Excel, save it as 'CSV UTF-8'"),
            )
        ) from None


def _mixed_row(raw: bytes) -> int | None:
    """The row where a file's encoding changes between UTF-8 and Windows-1252, if it does."""
    first: str | None = None
    changed_line: int | None = None
    for number, line in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            kind = "utf-8"
        except UnicodeDecodeError:
            kind = "cp1252"
        if first is None:
            first = kind
        elif kind != first:
            changed_line = number
            break
    if changed_line is None:
        return None
    return _row_of_line(raw.decode("latin-1"), changed_line)


def _row_of_line(text: str, line: int) -> int:
    """The spreadsheet row (CSV record) holding physical ``line`` of ``text``."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    row = 0
    try:
        for row, _ in enumerate(reader, start=1):
            if reader.line_num >= line:
                return row
    except csv.Error:
        pass
    return max(row, 1)


def delimiter(text: str) -> str:
    """Guess the separator from the header line (Excel uses ';' in some countries)."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def csv_records(path: Path, error: type[PitchkitError], save_as: Renderable) -> Records:
    """Every row of a CSV file, numbered from 1 as a spreadsheet numbers them."""
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_CSV_BYTES else b""
    except OSError as problem:
        raise error(
            Located(
                str(path), Message("cannot be read ({reason}): check it", reason=problem.strerror)
            )
        ) from None
    if size > MAX_CSV_BYTES:
        raise error(Located(str(path), too_large(size, MAX_CSV_BYTES)))
    if b"\x00" in raw[:4096] or raw.startswith(b"PK\x03\x04"):
        raise error(
            Located(str(path), Message("this is not a CSV text file: {save_as}", save_as=save_as))
        )
    text = decode(path, raw, error)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text)))
    except csv.Error as problem:
        message = Message(
            "cannot be read as CSV ({reason}): {save_as}", reason=problem, save_as=save_as
        )
        raise error(Located(str(path), message)) from None
    return list(enumerate(rows, start=1))


def too_large(size: int, most: int) -> Message:
    """Say a file is too large, in megabytes."""
    return Message(
        "the file is too large ({size} MB; at most {most} MB): keep only the rows pitchkit needs",
        size=str(round(size / 1_000_000)),
        most=str(round(most / 1_000_000)),
    )


def xlsx_records(
    path: Path, error: type[PitchkitError], sheet_names: Sequence[str] = ()
) -> Records:
    """The rows of the first sheet named in ``sheet_names`` (any case), else the first sheet.

    Cells keep their types (numbers, dates, text); a number formatted as a
    percentage in Excel is given as the percentage (0.45 shown as 45% is 45).
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    not_workbook = Message(
        "not an Excel .xlsx workbook (or it is damaged or password-protected): "
        "open it in Excel and save it again as 'Excel Workbook (.xlsx)'"
    )
    try:
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise error(Located(str(path), too_large(size, MAX_XLSX_BYTES)))
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise error(Located(str(path), too_large(unpacked, MAX_UNPACKED_BYTES)))
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise error(Located(str(path), not_workbook)) from None
    try:
        wanted = {name.casefold() for name in sheet_names}
        named = [name for name in workbook.sheetnames if name.strip().casefold() in wanted]
        sheet = workbook[named[0]] if named else workbook.worksheets[0]
        records: Records = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            records.append((number, [_cell_value(cell) for cell in row]))
    finally:
        workbook.close()
    return records


def _cell_value(cell: Any) -> Any:
    """A cell's value, a percentage-formatted number given as its percentage."""
    value = getattr(cell, "value", None)
    number_format = str(getattr(cell, "number_format", "") or "")
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return round(value * 100, 10)
    return value


def cell_text(value: Any) -> str:
    """A spreadsheet cell as text: ``12`` not ``12.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value).replace("_x000D_", "")


def non_empty(records: Records) -> Records:
    """The rows with at least one cell filled in."""
    return [(number, row) for number, row in records if any(cell_text(c).strip() for c in row)]


def column_letter(index: int) -> str:
    """Excel's letter for the column at ``index`` (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def row_place(path: Path | str, row: int) -> Message:
    """``team.csv:row 3``, with the word "row" in the reader's language."""
    return Message("{file}:row {row}", file=str(path), row=row)


def cell_place(path: Path | str, row: int, column: str) -> Message:
    """``team.csv:row 3: column name``, with "row" and "column" in the reader's language."""
    return Message("{file}:row {row}: column {column}", file=str(path), row=row, column=column)
