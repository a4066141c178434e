"""Reading spreadsheets: CSV text and Excel workbooks, as rows of cells.

Shared by the directors file (:mod:`pitchkit.facts.directors`) and the measures
spreadsheet (:mod:`pitchkit.notes.update.measuresheet`). Each reads a header and
numbered rows, numbered as a spreadsheet numbers them, so problems can be
placed by row and column. Every failure raises the error class the caller
passes, as one located line.

CSV is read as UTF-8 (with or without a byte-order mark) or as the
Windows-1252 older Excel writes; a file mixing the two is refused with the
first row that is not UTF-8, and UTF-16 or UTF-32 text is refused. Reading
stops at :data:`MAX_CSV_BYTES` (a pipe or /dev/zero never ends), and at a
caller's row limit. A damaged workbook gives one line, whatever in it is
wrong. Workbooks are read with openpyxl in read-only mode,
and refused before reading when larger than :data:`MAX_XLSX_BYTES` (or
their unpacked parts larger than :data:`MAX_UNPACKED_BYTES`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pitchkit.errors import PitchkitError
from pitchkit.i18n.messages import Located, Message, Renderable

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

    A file mixing the two (rows pasted from an old export into a UTF-8 one)
    is refused, naming the first row that is not UTF-8: read either way,
    some of its text would come out wrong ("José" as "JosÃ©").
    """
    not_utf8 = Message("the text encoding is not UTF-8: in Excel, save it as 'CSV UTF-8'")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise error(Located(str(path), not_utf8))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    loose = raw.decode("utf-8-sig", errors="surrogateescape")
    if any(char > "\x7f" and not "\udc80" <= char <= "\udcff" for char in loose):
        raise error(
            Located(
                row_place(path, _first_undecoded_row(loose)),
                Message(
                    "this row is not UTF-8 but others are (the file mixes two text "
                    "encodings, so some names would come out wrong): "
                    "in Excel, save the file as 'CSV UTF-8' and check this row's accents"
                ),
            )
        )
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        raise error(Located(str(path), not_utf8)) from None


def _first_undecoded_row(text: str) -> int:
    """The spreadsheet row number of the first record holding bytes UTF-8 could not decode."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        for number, record in enumerate(reader, start=1):
            if any("\udc80" <= char <= "\udcff" for cell in record for char in cell):
                return number
    except csv.Error:
        pass
    before = text[: next(i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff")]
    return before.count("\n") + 1


def delimiter(text: str) -> str:
    """Guess the separator from the header line (Excel uses ';' in some countries)."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def csv_records(
    path: Path,
    error: type[PitchkitError],
    save_as: Renderable,
    *,
    max_rows: int | None = None,
    too_big: Renderable | None = None,
) -> Records:
    """Every row of a CSV file, numbered from 1 as a spreadsheet numbers them.

    At most :data:`MAX_CSV_BYTES` are read, and ``max_rows`` rows; past
    either, the file is refused with ``too_big`` (else a size message).
    """
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_CSV_BYTES + 1)
    except OSError as problem:
        raise error(
            Located(
                str(path), Message("cannot be read ({reason}): check it", reason=problem.strerror)
            )
        ) from None
    if len(raw) > MAX_CSV_BYTES:
        size = max(len(raw), path.stat().st_size if path.is_file() else 0)
        raise error(Located(str(path), too_big or too_large(size, MAX_CSV_BYTES)))
    if b"\x00" in raw[:4096] or raw.startswith(b"PK\x03\x04"):
        raise error(
            Located(str(path), Message("this is not a CSV text file: {save_as}", save_as=save_as))
        )
    text = decode(path, raw, error)
    rows: list[list[str]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text)):
            if max_rows is not None and len(rows) >= max_rows:
                raise error(Located(str(path), too_big or _too_many_rows(max_rows)))
            rows.append(record)
    except csv.Error as problem:
        message = Message(
            "cannot be read as CSV ({reason}): {save_as}", reason=problem, save_as=save_as
        )
        raise error(Located(str(path), message)) from None
    return list(enumerate(rows, start=1))


def _too_many_rows(most: int) -> Message:
    """Say a file has more rows than pitchkit reads."""
    return Message("more than {most} rows: keep only this project's figures", most=most)


def too_large(size: int, most: int) -> Message:
    """Say a file is too large, in megabytes."""
    return Message(
        "the file is too large ({size} MB; at most {most} MB): keep only the rows pitchkit needs",
        size=str(round(size / 1_000_000)),
        most=str(round(most / 1_000_000)),
    )


#: What reading a damaged workbook can raise, from the zip, the XML or openpyxl.
_WORKBOOK_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    IndexError,
    OSError,
    ValueError,
    TypeError,
    AttributeError,
    SyntaxError,  # the XML parser's ParseError
    RecursionError,
    NotImplementedError,
)


def xlsx_records(
    path: Path,
    error: type[PitchkitError],
    sheet_names: Sequence[str] = (),
    *,
    max_rows: int | None = None,
    max_columns: int | None = None,
    too_big: Renderable | None = None,
) -> Records:
    """The rows of the first sheet named in ``sheet_names`` (any case), else the first sheet.

    Cells keep their types (numbers, dates, text); a number formatted as a
    percentage in Excel is given as the percentage (0.45 shown as 45% is 45).
    A damaged workbook (broken XML, an impossible cell reference, text in a
    number cell, an undefined entity) gives one line; a workbook too large,
    or a sheet past ``max_rows`` rows, is refused with ``too_big`` (else a
    size message). Cells past ``max_columns`` are not read.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    not_workbook = Message(
        "not an Excel .xlsx workbook (or it is damaged or password-protected): "
        "open it in Excel and save it again as 'Excel Workbook (.xlsx)'"
    )
    try:
        if not path.is_file():
            raise error(Located(str(path), not_workbook))
        size = path.stat().st_size
        if size > MAX_XLSX_BYTES:
            raise error(Located(str(path), too_big or too_large(size, MAX_XLSX_BYTES)))
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED_BYTES:
            raise error(Located(str(path), too_big or too_large(unpacked, MAX_UNPACKED_BYTES)))
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_WORKBOOK_ERRORS):
        raise error(Located(str(path), not_workbook)) from None
    try:
        sheet = _chosen_sheet(workbook, sheet_names)
        records: Records = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if max_rows is not None and len(records) >= max_rows:
                raise error(Located(str(path), too_big or _too_many_rows(max_rows)))
            cells = row[:max_columns] if max_columns is not None else row
            records.append((number, [_cell_value(cell) for cell in cells]))
    except (InvalidFileException, *_WORKBOOK_ERRORS):
        raise error(Located(str(path), not_workbook)) from None
    finally:
        workbook.close()
    return records


def xlsx_merged_into(path: Path, sheet_names: Sequence[str], row: int) -> list[tuple[str, str]]:
    """Each cell of ``row`` that is merged into another, with the cell it is merged into.

    ``[("C3", "B3")]`` for B3:C3 merged. Read only to explain a problem (a
    read-only workbook does not keep its merges), so a workbook that cannot
    be read again gives none.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    found: list[tuple[str, str]] = []
    try:
        workbook = load_workbook(path, data_only=True)
        sheet = _chosen_sheet(workbook, sheet_names)
        for merged in sheet.merged_cells.ranges:
            if not merged.min_row <= row <= merged.max_row:
                continue
            into = f"{column_letter(merged.min_col - 1)}{merged.min_row}"
            for column in range(merged.min_col, merged.max_col + 1):
                cell = f"{column_letter(column - 1)}{row}"
                if cell != into:
                    found.append((cell, into))
    except (InvalidFileException, *_WORKBOOK_ERRORS):
        return []
    return sorted(found, key=lambda pair: column_index(pair[0]))


def column_index(cell: str) -> int:
    """The column index (A is 0) of a cell reference such as ``C3`` or ``AA10``."""
    index = 0
    for letter in cell.rstrip("0123456789"):
        index = index * 26 + ord(letter.upper()) - ord("A") + 1
    return index - 1


def _chosen_sheet(workbook: Any, sheet_names: Sequence[str]) -> Any:
    """The first sheet named in ``sheet_names`` (any case), else the first sheet."""
    wanted = {name.casefold() for name in sheet_names}
    named = [name for name in workbook.sheetnames if name.strip().casefold() in wanted]
    return workbook[named[0]] if named else workbook.worksheets[0]


def xlsx_formula_cells(
    path: Path,
    sheet_names: Sequence[str] = (),
    *,
    max_rows: int | None = None,
    max_columns: int | None = None,
) -> set[tuple[int, int]]:
    """The cells of the sheet :func:`xlsx_records` reads that hold a formula.

    Excel saves each formula's result beside it, and that is what
    :func:`xlsx_records` reads; a workbook written by a program other than a
    spreadsheet often has no saved result, and such a cell reads as empty.
    Given as (row number, column index from 0), numbered as
    :func:`xlsx_records` numbers them; empty when the workbook cannot be read
    again (it was read once already, so that is not expected).
    """
    from openpyxl import load_workbook

    found: set[tuple[int, int]] = set()
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception:
        return found
    try:
        sheet = _chosen_sheet(workbook, sheet_names)
        for number, row in enumerate(sheet.iter_rows(), start=1):
            if max_rows is not None and number > max_rows:
                break
            for index, cell in enumerate(row[:max_columns] if max_columns else row):
                text = getattr(cell, "value", None)
                if isinstance(text, str) and text.startswith("="):
                    found.add((number, index))
    except _WORKBOOK_ERRORS:
        return set()
    finally:
        workbook.close()
    return found


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
