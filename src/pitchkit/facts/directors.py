"""Directors from a file: YAML, CSV or an Excel workbook.

Many NHS offices keep their executive team in a spreadsheet, so pitchkit
reads the shape such a sheet naturally has: a header row naming the
columns ``id, name, role`` (required) and ``salutation, concerns,
objectives, lens, email`` (optional), then one row per director. A
``concerns`` or ``objectives`` cell holds one item per line; an objective
starting with ``personal:`` is personal.

A bad row is reported with its row number and column and skipped, so one
typo does not hold up the whole executive team: :func:`load_directors`
returns the directors it could read and the problems it found. A file
that cannot be read at all raises :class:`DirectorsError`. Problems and
warnings are :class:`~pitchkit.i18n.messages.Located` messages: the file, row
and column stay as they are, the explanation is shown in the user's
language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pitchkit.errors import DirectorsError, FactsError
from pitchkit.facts.schema import Director, Facts
from pitchkit.facts.validation import describe_errors, did_you_mean
from pitchkit.facts.yamlsource import Loc, Source, clean_text, dotted, load_yaml, removed_warning
from pitchkit.i18n.messages import Joined, Located, Message, Plural, Renderable

REQUIRED_COLUMNS = ("id", "name", "role")
OPTIONAL_COLUMNS = ("salutation", "concerns", "objectives", "lens", "email")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
#: Cells holding one item per line.
LIST_COLUMNS = frozenset({"concerns", "objectives"})
SHEET_NAME = "directors"
PERSONAL_PREFIX = "personal:"
_ORGANISATIONAL_PREFIXES = ("organisational:", "organizational:")
_BULLET = re.compile(r"^[-*•·–]\s+")
_APOSTROPHES = re.compile("['\u2019]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_ID_MAX = 64
_OBJECTIVE_ID_MAX = 40
_DELIMITERS = ",;\t"
#: The largest directors file read, as for facts files (a pipe or /dev/zero never ends).
MAX_BYTES = 20_000_000
#: The most rows read from a sheet or CSV: far more than any executive team.
MAX_ROWS = 10_000
#: Cells past this column are not read (a workbook may claim 16,384 columns).
_MAX_COLUMNS = 64
_SAVE_AS = Message(
    "save it from Excel as 'Excel Workbook (.xlsx)' or 'CSV UTF-8', or write a .yaml list"
)
#: What a required cell needs when it is empty.
_ADVICE = {
    "id": Message("give each director a short id such as 'dof'"),
    "name": Message("add the director's name"),
    "role": Message("add the director's job title, e.g. 'Director of Finance'"),
}

Row = tuple[int, dict[str, str]]


@dataclass(frozen=True)
class DirectorsFile:
    """The directors read from a file, and the rows that had to be skipped."""

    path: Path
    directors: tuple[Director, ...]
    problems: tuple[Renderable | str, ...]
    warnings: tuple[Renderable | str, ...] = ()


def load_directors(path: Path) -> DirectorsFile:
    """Read directors from a .yaml/.yml, .csv or .xlsx file.

    Rows (or YAML entries) with a problem are skipped and described in
    ``problems`` as ``FILE:row N: column X: what is wrong and how to fix
    it``. Raises :class:`DirectorsError` when the file cannot be read at
    all: missing, the wrong kind, empty, or without a required column.
    """
    path = Path(path)
    if not path.exists():
        raise DirectorsError(
            Located(str(path), Message("directors file not found: check the path"))
        )
    if path.is_dir():
        raise DirectorsError(
            Located(str(path), Message("this is a folder: give the path of a directors file"))
        )
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _load_yaml(path)
    if suffix == ".csv":
        return _from_rows(path, *_csv_rows(path))
    if suffix in (".xlsx", ".xlsm"):
        return _from_rows(path, *_xlsx_rows(path))
    if suffix == ".xls":
        raise DirectorsError(
            Located(str(path), Message("an old-style Excel file: {save_as}", save_as=_SAVE_AS))
        )
    raise DirectorsError(
        Located(
            str(path),
            Message(
                "pitchkit reads directors from .yaml, .csv or .xlsx: {save_as}", save_as=_SAVE_AS
            ),
        )
    )


def with_directors(facts: Facts, directors: Sequence[Director]) -> Facts:
    """Return ``facts`` with its directors replaced by ``directors``.

    ``supports`` links in the facts that name a director or objective not
    in ``directors`` stay in the facts but link nothing: recasting uses
    only links that match.
    """
    return facts.model_copy(update={"directors": list(directors)})


# --- objectives and lists -------------------------------------------------------------


def cell_items(text: str) -> list[str]:
    """Split a cell into its items: one per line, bullets and blank lines dropped."""
    items = []
    for line in text.split("\n"):
        item = _BULLET.sub("", line.strip()).strip()
        if item:
            items.append(item)
    return items


def objective_id(text: str, taken: Iterable[str] = ()) -> str:
    """Make a stable id such as ``deliver-the-14m-cost`` from an objective's text.

    The same text always gives the same id; ``-2``, ``-3`` are added to
    avoid the ids in ``taken``.
    """
    plain = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", plain.lower()).strip("-")
    if len(slug) > _OBJECTIVE_ID_MAX:
        cut = slug[:_OBJECTIVE_ID_MAX]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    slug = slug or "objective"
    used = {t.casefold() for t in taken}
    candidate, number = slug, 1
    while candidate.casefold() in used:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def objective_from_text(text: str, taken: Iterable[str] = ()) -> dict[str, str]:
    """Turn ``personal: Grow nurse-led care`` into an objective's fields."""
    kind = "organisational"
    body = text.strip()
    lowered = body.lower()
    if lowered.startswith(PERSONAL_PREFIX):
        kind, body = "personal", body[len(PERSONAL_PREFIX) :].strip()
    else:
        for prefix in _ORGANISATIONAL_PREFIXES:
            if lowered.startswith(prefix):
                body = body[len(prefix) :].strip()
    return {"id": objective_id(body, taken), "text": body, "kind": kind}


def objectives_from_items(items: Sequence[Any]) -> list[Any]:
    """Give text objectives ids and kinds; leave objectives written in full alone."""
    taken = [str(item["id"]) for item in items if isinstance(item, dict) and "id" in item]
    result: list[Any] = []
    for item in items:
        if isinstance(item, str):
            made = objective_from_text(item, taken)
            taken.append(made["id"])
            result.append(made)
        else:
            result.append(item)
    return result


# --- tabular files: CSV and XLSX ------------------------------------------------------


def _decode(path: Path, raw: bytes) -> str:
    """Decode a CSV as UTF-8 (with or without BOM), else as older Excel's Windows-1252.

    A file mixing the two (rows pasted from an old export into a UTF-8 one)
    is refused, naming the first row that is not UTF-8: read either way,
    some of its names would come out wrong ("José" as "JosÃ©").
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise DirectorsError(
            Located(
                str(path),
                Message("the text encoding is not UTF-8: in Excel, save it as 'CSV UTF-8'"),
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    loose = raw.decode("utf-8-sig", errors="surrogateescape")
    if any(char > "\x7f" and not "\udc80" <= char <= "\udcff" for char in loose):
        raise DirectorsError(
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
        raise DirectorsError(
            Located(
                str(path),
                Message("the text encoding is not UTF-8: in Excel, save it as 'CSV UTF-8'"),
            )
        ) from None


def _first_undecoded_row(text: str) -> int:
    """The spreadsheet row number of the first record holding bytes UTF-8 could not decode."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        for number, record in enumerate(reader, start=1):
            if any("\udc80" <= char <= "\udcff" for cell in record for char in cell):
                return number
    except csv.Error:
        pass
    before = text[: next(i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff")]
    return before.count("\n") + 1


def _delimiter(text: str) -> str:
    """Guess the separator from the header line (Excel uses ';' in some countries)."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=header.count)


def _csv_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read a CSV into its header and numbered rows, as a spreadsheet numbers them."""
    raw = _read_capped(path)
    if b"\x00" in raw[:4096] or raw.startswith(b"PK\x03\x04"):
        raise DirectorsError(
            Located(str(path), Message("this is not a CSV text file: {save_as}", save_as=_SAVE_AS))
        )
    text = _decode(path, raw)
    try:
        records: list[list[str]] = []
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)):
            if len(records) >= MAX_ROWS:
                raise DirectorsError(_too_large(path))
            records.append(record)
    except csv.Error as error:
        message = Message(
            "cannot be read as CSV ({reason}): {save_as}", reason=error, save_as=_SAVE_AS
        )
        raise DirectorsError(Located(str(path), message)) from None
    return _split_header(path, records)


def _read_capped(path: Path) -> bytes:
    """Read at most :data:`MAX_BYTES` of a directors file (it may be a pipe, or endless)."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise DirectorsError(
            Located(
                str(path), Message("cannot be read ({reason}): check it", reason=error.strerror)
            )
        ) from None
    if len(raw) > MAX_BYTES:
        raise DirectorsError(_too_large(path))
    return raw


def _too_large(path: Path) -> Located:
    """The message for a directors file past :data:`MAX_BYTES`, or with too many rows."""
    return Located(
        str(path),
        Message(
            "larger than {size} MB or {rows} rows, far more than any executive team: "
            "check that this is the file you meant",
            size=MAX_BYTES // 1_000_000,
            rows=format(MAX_ROWS, ","),
        ),
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


def _xlsx_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Read the 'directors' sheet (or the first one) of a workbook.

    A damaged workbook (broken XML, an impossible cell reference, text in
    a number cell, an undefined entity) gives one line, whatever in it is
    wrong; a sheet past :data:`MAX_ROWS` rows is refused.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    message = Message(
        "not an Excel .xlsx workbook (or it is damaged or password-protected): "
        "open it in Excel and save it again as 'Excel Workbook (.xlsx)'"
    )
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            raise DirectorsError(
                _too_large(path) if path.is_file() else Located(str(path), message)
            )
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, *_WORKBOOK_ERRORS):
        raise DirectorsError(Located(str(path), message)) from None
    try:
        named = [name for name in workbook.sheetnames if name.strip().casefold() == SHEET_NAME]
        sheet = workbook[named[0]] if named else workbook.worksheets[0]
        records: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            if len(records) >= MAX_ROWS:
                raise DirectorsError(_too_large(path))
            records.append([_cell_text(value) for value in row[:_MAX_COLUMNS]])
    except (InvalidFileException, *_WORKBOOK_ERRORS):
        raise DirectorsError(Located(str(path), message)) from None
    finally:
        workbook.close()
    return _split_header(path, records)


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as text: ``12`` not ``12.0``, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value).replace("_x000D_", "")


def _split_header(
    path: Path, records: list[list[str]]
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Find the header (the first non-empty row) and number the rows below it."""
    numbered = [
        (number, row)
        for number, row in enumerate(records, start=1)
        if any(cell.strip() for cell in row)
    ]
    if not numbered:
        message = Message(
            "the file is empty: add a header row ({columns}) and one row per director",
            columns=", ".join(COLUMNS),
        )
        raise DirectorsError(Located(str(path), message))
    (_, header), rows = numbered[0], numbered[1:]
    return header, rows


def _column_key(name: str) -> str:
    """``' Name '`` and ``'NAME'`` both mean ``name``."""
    return "_".join(name.replace("\ufeff", "").strip().lower().split())


def _columns(path: Path, header: list[str]) -> tuple[dict[int, str], list[Renderable | str]]:
    """Map cell positions to known columns; refuse a header without the required ones."""
    keys = [_column_key(cell) for cell in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in keys]
    if missing:
        found = ", ".join(cell.strip() for cell in header if cell.strip())
        message = Plural(
            "the header row needs the column {missing} (found: {found}): "
            "name the columns {columns}",
            "the header row needs the columns {missing} (found: {found}): "
            "name the columns {columns}",
            len(missing),
            missing=", ".join(missing),
            found=found or Message("nothing"),
            columns=", ".join(COLUMNS),
        )
        raise DirectorsError(Located(row_place(path, 1), message))
    positions: dict[int, str] = {}
    warnings: list[Renderable | str] = []
    for index, key in enumerate(keys):
        if key in COLUMNS and key not in positions.values():
            positions[index] = key
        elif key and key not in COLUMNS:
            ignored = Message(
                "column '{column}' was ignored{hint}",
                column=header[index].strip(),
                hint=did_you_mean(key, COLUMNS),
            )
            warnings.append(Located(str(path), ignored))
    return positions, warnings


def _from_rows(path: Path, header: list[str], rows: list[tuple[int, list[str]]]) -> DirectorsFile:
    """Turn numbered rows into directors, skipping and reporting bad rows."""
    positions, warnings = _columns(path, header)
    if not rows:
        raise DirectorsError(
            Located(str(path), Message("no directors below the header row: add one row each"))
        )
    directors: list[Director] = []
    problems: list[Renderable | str] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        cells, removed = _row_cells(row, positions)
        warnings += [removed_warning(cell_place(path, number, col), what) for col, what in removed]
        found = _row_problem(cells, seen)
        director = _director_or_problem(cells) if found is None else found
        if isinstance(director, Director):
            seen[director.id.casefold()] = number
            directors.append(director)
        else:
            column, what = director
            problems.append(Located(cell_place(path, number, column), what))
    return DirectorsFile(path, tuple(directors), tuple(problems), tuple(warnings))


def _row_cells(
    row: list[str], positions: Mapping[int, str]
) -> tuple[dict[str, str], list[tuple[str, list[Message | str]]]]:
    """The known columns of one row as cleaned text, and what cleaning removed from each."""
    cells: dict[str, str] = {}
    removed: list[tuple[str, list[Message | str]]] = []
    for index, column in positions.items():
        value, dropped = clean_text(
            unicodedata.normalize("NFC", row[index] if index < len(row) else "")
        )
        if dropped:
            removed.append((column, dropped))
        cells[column] = value.strip()
    return cells, removed


def _row_problem(
    cells: Mapping[str, str], seen: Mapping[str, int]
) -> tuple[str, Renderable | str] | None:
    """The first thing wrong with a row's id, name or role, as (column, message)."""
    for column in REQUIRED_COLUMNS:
        if not cells.get(column):
            return column, Message("empty, but required: {advice}", advice=_ADVICE[column])
    director_id = cells["id"]
    if not _ID_PATTERN.match(director_id) or len(director_id) > _ID_MAX:
        return "id", Message(
            "'{id}' is not a usable id: use up to {most} letters, digits, '-' or '_' with no "
            "spaces, e.g. 'dof'",
            id=director_id,
            most=_ID_MAX,
        )
    if director_id.casefold() in seen:
        return "id", Message(
            "'{id}' is already used on row {row}: give each director their own id",
            id=director_id,
            row=seen[director_id.casefold()],
        )
    return None


def _director_or_problem(cells: Mapping[str, str]) -> Director | tuple[str, Renderable | str]:
    """Validate one row as a director, or say which column is wrong."""
    data: dict[str, Any] = {}
    for column, value in cells.items():
        if column in LIST_COLUMNS:
            data[column] = cell_items(value)
        elif value:
            data[column] = value
    data["objectives"] = objectives_from_items(data.get("objectives", []))
    try:
        return Director.model_validate(data)
    except ValidationError as error:
        problem = describe_errors(error, Director)[0]
        column = str(problem.loc[0]) if problem.loc else "id"
        return column, problem.message


# --- YAML ------------------------------------------------------------------------------


def _load_yaml(path: Path) -> DirectorsFile:
    """Read a YAML list of directors, or a mapping with a ``directors:`` list."""
    try:
        source = load_yaml(path)
    except FactsError as error:
        raise DirectorsError(Joined(error.parts, "\n")) from None
    items, where = _yaml_items(source)
    directors: list[Director] = []
    problems: list[Renderable | str] = []
    seen: dict[str, str] = {}
    for index, item in enumerate(items):
        loc: Loc = (*where, index)
        problem = _yaml_problem(source, loc, item, seen)
        if problem is not None:
            problems.append(problem)
            continue
        director = Director.model_validate(_yaml_director(item))
        seen[director.id.casefold()] = dotted(loc)
        directors.append(director)
    return DirectorsFile(path, tuple(directors), tuple(problems), tuple(source.warnings))


def _yaml_items(source: Source) -> tuple[list[Any], Loc]:
    """The list of directors in a YAML file, and where it sits."""
    data = source.data
    where: Loc = ()
    if isinstance(data, dict) and "directors" in data:
        data, where = data["directors"], ("directors",)
    if not isinstance(data, list) or not data:
        message = Message(
            "expected a list of directors (each starting with '- id: ...'), or a 'directors:' list"
        )
        raise DirectorsError(Located(source.where(where), message))
    return data, where


def _yaml_director(item: dict[str, Any]) -> dict[str, Any]:
    """A YAML director with text objectives given ids and kinds."""
    data = dict(item)
    objectives = data.get("objectives")
    if isinstance(objectives, list):
        data["objectives"] = objectives_from_items(objectives)
    return data


def _yaml_problem(source: Source, loc: Loc, item: Any, seen: Mapping[str, str]) -> Located | None:
    """What is wrong with one YAML director, located, or ``None``."""
    if not isinstance(item, dict):
        return Located(
            f"{source.where(loc)}: {dotted(loc)}",
            Message("expected a director's fields (id, name, role)"),
        )
    try:
        director = Director.model_validate(_yaml_director(item))
    except ValidationError as error:
        problem = describe_errors(error, Director)[0]
        full = (*loc, *problem.loc)
        return Located(f"{source.where(full)}: {dotted(full)}", problem.message)
    if director.id.casefold() in seen:
        full = (*loc, "id")
        message = Message(
            "'{id}' is already used by {earlier}: give each director their own id",
            id=director.id,
            earlier=seen[director.id.casefold()],
        )
        return Located(f"{source.where(full)}: {dotted(full)}", message)
    return None


def row_place(path: Path | str, row: int) -> Message:
    """``team.csv:row 3``, with the word "row" in the reader's language."""
    return Message("{file}:row {row}", file=str(path), row=row)


def cell_place(path: Path | str, row: int, column: str) -> Message:
    """``team.csv:row 3: column name``, with "row" and "column" in the reader's language."""
    return Message("{file}:row {row}: column {column}", file=str(path), row=row, column=column)
