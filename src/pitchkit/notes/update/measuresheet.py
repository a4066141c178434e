"""Measures from a spreadsheet: the figures of the progress log kept in CSV or Excel.

Many teams keep their monthly figures in a spreadsheet rather than in the
facts file. ``pitchkit update --measures FILE`` (or ``measures: FILE`` at
the top of the facts file) reads them in one of two layouts:

* **long**: columns ``period``, ``measure`` and ``value``, one figure a row;
* **wide**: a ``period`` column (or the first column) and one column per
  measure, one period a row.

A measure is named by its impact id or its measure name, in any case.
Periods may be written ``2027-03``, ``2027-Q1``, ``2027``, as a real Excel
date on the first of a month, as ``03/2027`` (the UK's month and year), or as
``Apr-27``, ``April 2027`` (English or Welsh month names); ``03/27`` is
refused, as it could be a day and a month. An empty cell is no figure, never
zero. Title rows above the header are skipped (the header is the first row
naming a measure or the long form's columns), and words in a column with no
header are a note, left out with a warning; a number there stops the run.

Any mistake stops the run with a line naming the file, row and column
(:class:`~pitchkit.errors.MeasuresError`), one for each figure that is
wrong (up to :data:`MAX_PROBLEMS`), as the facts file's are; nothing is
written. A figure below zero, or a share over 100%, that the measure cannot
be (by the same rule as a baseline) is one of them.

**Merging with the facts file.** The spreadsheet's figures fill in the
progress log. Where ``updates[].measures`` in the facts file also gives a
figure for the same period and measure, the facts file wins and a warning
names each such period and measure whose figures differ: the facts file is
the record the lead edits by hand, while a spreadsheet export is refreshed
in bulk, so a correction written in the facts file must not be undone by
the next export. A period the spreadsheet has and the log has no entry for
gets figures but no narrative: its update is a fill-in template with those
figures filled in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.datewords import MONTHS, is_day_first, uk_date
from pitchkit.errors import MeasuresError, PitchkitError
from pitchkit.facts import tabular
from pitchkit.facts.schema import Facts, logged_factor
from pitchkit.facts.validation import (
    closest,
    did_you_mean,
    is_share,
    may_be_negative,
    may_pass_100,
)
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Joined, Located, Message, Renderable
from pitchkit.i18n.translation import N_
from pitchkit.notes.outliers import FactsPlace, facts_place, far_outside
from pitchkit.period import Period, parse_period
from pitchkit.pounds import is_pounds

if TYPE_CHECKING:
    from pitchkit.facts.project import Project

#: Header names (compared without case, spaces or punctuation) of each long-form column.
PERIOD_HEADERS = ("period", "date", "month", "quarter", "year", "cyfnod", "dyddiad", "mis")
MEASURE_HEADERS = ("measure", "measure name", "measure id", "impact", "mesur")
VALUE_HEADERS = ("value", "figure", "result", "gwerth", "ffigur")
#: Sheets read from a workbook, first match wins; else the first sheet.
SHEET_NAMES = ("measures", "data", "mesurau", "data entry")
#: At most this many rows are read (about 80 years of monthly figures for 10 measures).
MAX_ROWS = 10_000
#: Larger figures are refused: no project counts that much, and they are usually typing slips.
MAX_FIGURE = 1e12
_SAVE_AS = Message("save it from Excel as 'Excel Workbook (.xlsx)' or 'CSV UTF-8'")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?[\s\-/']*(\d{2}|\d{4})$")
_QUARTER_FIRST = re.compile(r"^q([1-4])[\s\-/]*(\d{4})$")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ t]00:00(?::00)?)?$")
#: A UK month and year, 10/2025 (or 10-2025, 10.2025), and the year first, 2025/10.
_MONTH_SLASH_YEAR = re.compile(r"^(\d{1,2})[/\-.](\d{4})$")
_YEAR_SLASH_MONTH = re.compile(r"^(\d{4})/(\d{1,2})$")
#: 01/06/27: a UK date with a two-digit year, read as this century's.
_DAY_FIRST_SHORT_YEAR = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$")
#: 10/25: October 2025, or the 10th of a month with no year? Refused, saying what to write.
_TWO_NUMBERS = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_NUMBER = re.compile(r"^[-+]?£?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$")

Figures = dict[str, dict[str, float | None]]


@dataclass(frozen=True)
class Figure:
    """One figure read from the spreadsheet, and where it was."""

    period: str
    impact: str
    value: float
    row: int
    column: str


@dataclass(frozen=True)
class MeasureSheet:
    """The figures read from one spreadsheet: period text → impact id → value."""

    path: Path
    layout: str  # "long" or "wide"
    figures: tuple[Figure, ...]
    #: What was read past without being a figure (a note in a column with no header).
    warnings: tuple[Located, ...] = ()

    def by_period(self) -> Figures:
        """The figures as period → impact id → value."""
        found: Figures = {}
        for figure in self.figures:
            found.setdefault(figure.period, {})[figure.impact] = figure.value
        return found


def load_measures(path: Path, facts: Facts, *others: Facts) -> MeasureSheet:
    """Read the figures in ``path`` (.csv or .xlsx) for the impacts of ``facts``.

    Measures may be named as in ``facts`` or as in ``others`` (the same
    facts read in another language).

    Raises :class:`MeasuresError` with a located line for each problem found
    (a header's problem alone, as the rows cannot be read without it).
    """
    path = Path(path)
    if not path.exists():
        raise MeasuresError(Located(str(path), Message("measures file not found: check the path")))
    if path.is_dir():
        raise MeasuresError(
            Located(str(path), Message("this is a folder: give the path of a measures file"))
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        records = tabular.csv_records(path, MeasuresError, _SAVE_AS)
    elif suffix in (".xlsx", ".xlsm"):
        records = tabular.xlsx_records(path, MeasuresError, SHEET_NAMES)
    else:
        raise MeasuresError(
            Located(
                str(path),
                Message("pitchkit reads measures from .csv or .xlsx: {save_as}", save_as=_SAVE_AS),
            )
        )
    rows = tabular.non_empty(records)
    if not rows:
        raise MeasuresError(
            Located(
                str(path),
                Message(
                    "the file is empty: add a header row (period, measure, value) and one row "
                    "per figure"
                ),
            )
        )
    if len(rows) > MAX_ROWS:
        raise MeasuresError(
            Located(
                tabular.row_place(path, rows[MAX_ROWS][0]),
                Message("more than {most} rows: keep only this project's figures", most=MAX_ROWS),
            )
        )
    matcher = _Matcher((facts, *others))
    at = _header_at(rows, matcher)
    (header_row, header), body = rows[at], rows[at + 1 :]
    names = [_header_text(cell) for cell in header]
    long_columns = _long_columns(names)
    notes: list[Located] = []
    if long_columns is not None:
        figures = _read_long(path, body, names, long_columns, matcher)
        layout = "long"
    else:
        figures = _read_wide(path, header_row, body, names, matcher, notes)
        layout = "wide"
    # A figure for an impact the facts file writes in £k or £m is in the same thousands or
    # millions: it is made pounds, as that impact's own figures were (facts.schema.in_pounds).
    figures = [
        replace(figure, value=figure.value * facts.scales[figure.impact][1])
        if figure.impact in facts.scales
        else figure
        for figure in figures
    ]
    return MeasureSheet(path, layout, tuple(figures), (*_open_elsewhere(path), *notes))


def _open_elsewhere(path: Path) -> list[Located]:
    """A note when a workbook is open in Excel or LibreOffice: what is unsaved is not read.

    A lead who has typed June but not saved gets an update without June, with
    no word (newuser38 #12): the lock file the program keeps beside the file
    says it is open, as it does for a note left open in Word.
    """
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    if path.with_name("~$" + path.name).is_file():
        program = "Excel"
    elif path.with_name(f".~lock.{path.name}#").is_file():
        program = "LibreOffice"
    else:
        return []
    return [
        Located(
            str(path),
            Message(
                "the file is open in {program}: changes not yet saved there are not read",
                program=program,
            ),
        )
    ]


#: How many filled rows above the header may be titles ("Pleural service monthly log",
#: often merged across the sheet), skipped as the team sheet skips them.
TITLE_ROWS = 5


def _header_text(cell: Any) -> str:
    return tabular.cell_text(cell).replace("\ufeff", "").strip()


def _header_at(rows: tabular.Records, matcher: _Matcher) -> int:
    """Which of the first filled rows is the header: the first naming a column pitchkit reads.

    A row naming the long form's period, measure and value, or a measure (by
    impact id or measure name), is the header; the rows above it are titles.
    Failing that, the first row with a period column ("Month") is, so that
    its misspelt measures are named; failing both, the first filled row.
    """
    first = [[_header_text(cell) for cell in row] for _, row in rows[: TITLE_ROWS + 1]]
    for index, names in enumerate(first):
        if _long_columns(names) is not None:
            return index
        if any(name and matcher.find(name) is not None for name in names):
            return index
    for index, names in enumerate(first):
        if any(_key(name) in PERIOD_HEADERS for name in names):
            return index
    return 0


# --- columns and measures --------------------------------------------------------------


def _key(text: str) -> str:
    """Compare names without case, accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9%]+", " ", plain.casefold()).split())


def _long_columns(names: Sequence[str]) -> tuple[int, int, int] | None:
    """Where the period, measure and value columns are, when the sheet is in long form."""
    keys = [_key(name) for name in names]

    def find(choices: Sequence[str]) -> int | None:
        return next((i for i, key in enumerate(keys) if key in choices), None)

    period, measure, value = find(PERIOD_HEADERS), find(MEASURE_HEADERS), find(VALUE_HEADERS)
    if period is None or measure is None or value is None:
        return None
    return period, measure, value


class _Matcher:
    """Finds the impact a header or a measure cell names: by id or measure name, any case."""

    def __init__(self, all_facts: Sequence[Facts]) -> None:
        self.names: dict[str, str] = {}
        #: Each measure name, compared as :func:`_key` does, → (impact id, the name as written).
        self.measures: dict[str, tuple[str, str]] = {}
        for facts in all_facts:
            for impact in facts.impacts:
                self.names.setdefault(_key(impact.measure), impact.id)
                self.measures.setdefault(_key(impact.measure), (impact.id, impact.measure))
        for impact in all_facts[0].impacts:
            self.names[_key(impact.id)] = impact.id
        self.choices = [i.id for i in all_facts[0].impacts]
        #: Each impact's unit and measure, as the facts file writes them.
        self.units = {i.id: i.unit for i in all_facts[0].impacts}
        #: The unit of an impact the facts file writes in £k or £m, as written there.
        self.scaled = {key: unit for key, (unit, _factor) in all_facts[0].scales.items()}
        self.measure_of = {i.id: i.measure for i in all_facts[0].impacts}

    def find(self, text: str) -> str | None:
        return self.names.get(_key(text))

    def hint(self, text: str) -> Renderable | str:
        """``: did you mean ...?`` with the closest impact id or measure name, else the ids.

        A name of several words is compared with the measure names first, so
        a misspelt or shortened measure name is offered the measure it means.
        """
        key = _key(text)
        near = closest(key, self.measures)
        by_measure: Renderable | str = ""
        if near is not None:
            impact, measure = self.measures[near]
            by_measure = Message(
                ": did you mean '{measure}' (the impact {impact})?", measure=measure, impact=impact
            )
        if by_measure and " " in key:
            return by_measure
        by_id = did_you_mean(text.strip().lower(), self.choices)
        if by_id:
            return by_id
        if by_measure:
            return by_measure
        return Message(": the impacts are {ids}", ids=", ".join(self.choices))


def _read_long(
    path: Path,
    body: tabular.Records,
    names: Sequence[str],
    columns: tuple[int, int, int],
    matcher: _Matcher,
) -> list[Figure]:
    figures: list[Figure] = []
    seen: dict[tuple[str, str], int] = {}
    problems = _Problems()
    for number, row in body:
        with problems:
            figure = _long_figure(path, number, row, names, columns, matcher, seen)
            if figure is not None:
                figures.append(figure)
    problems.raise_any()
    return figures


def _long_figure(
    path: Path,
    number: int,
    row: Sequence[Any],
    names: Sequence[str],
    columns: tuple[int, int, int],
    matcher: _Matcher,
    seen: dict[tuple[str, str], int],
) -> Figure | None:
    """The figure in one row of a long-form sheet (``None`` for an empty value)."""
    period_at, measure_at, value_at = columns
    cells = list(row) + [None] * (max(columns) + 1 - len(row))
    measure_text = tabular.cell_text(cells[measure_at]).strip()
    value = cells[value_at]
    if not measure_text:
        raise _cell_error(path, number, names, measure_at, Message("no measure named"))
    impact = matcher.find(measure_text)
    if impact is None:
        raise _cell_error(
            path,
            number,
            names,
            measure_at,
            Message(
                "'{measure}' is not one of the project's measures{hint}",
                measure=measure_text,
                hint=matcher.hint(measure_text),
            ),
        )
    period = _period_or_error(path, number, names, period_at, cells[period_at])
    number_value = _value_or_error(path, number, names, value_at, value)
    if number_value is None:
        return None
    _refuse_money_sign(path, number, names, value_at, value, impact, matcher)
    _refuse_out_of_range(path, number, names, value_at, number_value, impact, matcher)
    _check_repeat(path, number, names, value_at, seen, period, impact)
    return Figure(period.text, impact, number_value, number, names[value_at])


#: At most this many of a sheet's problems are listed; the rest are counted.
MAX_PROBLEMS = 20


class _Problems:
    """A sheet's problems, row by row, so that one run names them all (as the facts do)."""

    def __init__(self) -> None:
        self.found: list[Renderable | str] = []

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, error: BaseException | None, _trace: object) -> bool:
        if isinstance(error, MeasuresError):
            self.found.append(error.text)
            return True
        return False

    def raise_any(self) -> None:
        if not self.found:
            return
        shown: list[Renderable | str] = list(self.found[:MAX_PROBLEMS])
        if len(self.found) > MAX_PROBLEMS:
            shown.append(
                Message(
                    "... and {more} more: fix these and run again",
                    more=len(self.found) - MAX_PROBLEMS,
                )
            )
        raise MeasuresError(Joined(shown, "\n"))


def _refuse_out_of_range(
    path: Path,
    row: int,
    names: Sequence[str],
    index: int,
    value: float,
    impact: str,
    matcher: _Matcher,
) -> None:
    """Refuse a figure below zero, or a share over 100%, that the measure cannot be."""
    measure, unit = matcher.measure_of[impact], matcher.units[impact]
    shown = f"{value:g}"
    if value < 0 and not may_be_negative(measure, unit):
        raise _cell_error(
            path,
            row,
            names,
            index,
            Message(
                "{value} is below zero, which '{measure}' cannot be: write the figure itself, "
                "without a minus sign, or, if it really can go below zero, call it a change, "
                "a difference or a net balance in its 'measure' in the facts file",
                value=shown,
                measure=measure,
            ),
        )
    if value > 100 and is_share(unit) and not may_pass_100(measure, unit):
        raise _cell_error(
            path,
            row,
            names,
            index,
            Message(
                "{value}% is more than 100%, which '{measure}' cannot be: write the share "
                "itself (100 or less), or, if it really can pass 100%, say so in its "
                "'measure' in the facts file",
                value=shown,
                measure=measure,
            ),
        )


def _read_wide(
    path: Path,
    header_row: int,
    body: tabular.Records,
    names: Sequence[str],
    matcher: _Matcher,
    notes: list[Located],
) -> list[Figure]:
    keys = [_key(name) for name in names]
    period_at = next((i for i, key in enumerate(keys) if key in PERIOD_HEADERS), 0)
    measures: dict[int, str] = {}
    # A header's problems are collected with the rows' (a misspelt column and a bad date
    # are both named in one run); the rows are read without the columns that have one.
    problems = _Problems()
    for index in range(len(names)):
        if index == period_at:
            continue
        with problems:
            impact = _column_impact(path, header_row, body, names, index, matcher, measures, notes)
            if impact is not None:
                measures[index] = impact
    if not measures:
        problems.raise_any()
        raise MeasuresError(
            Located(
                tabular.row_place(path, header_row),
                Message(
                    "no measure columns: name the columns period, then one per impact id, or "
                    "period, measure, value"
                ),
            )
        )
    figures: list[Figure] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in body:
        cells = list(row) + [None] * (len(names) - len(row))
        before = len(problems.found)
        with problems:
            period = _period_or_error(path, number, names, period_at, cells[period_at])
        if len(problems.found) > before:
            continue  # the row's figures have no period to go to
        for index, impact in measures.items():
            with problems:
                value = _value_or_error(path, number, names, index, cells[index])
                if value is None:
                    continue
                _refuse_money_sign(path, number, names, index, cells[index], impact, matcher)
                _refuse_out_of_range(path, number, names, index, value, impact, matcher)
                _check_repeat(path, number, names, period_at, seen, period, impact)
                figures.append(Figure(period.text, impact, value, number, names[index]))
    problems.raise_any()
    return figures


def _column_impact(
    path: Path,
    header_row: int,
    body: tabular.Records,
    names: Sequence[str],
    index: int,
    matcher: _Matcher,
    measures: dict[int, str],
    notes: list[Located],
) -> str | None:
    """The impact a wide sheet's column ``index`` holds; ``None`` for a column with no header.

    Raises :class:`MeasuresError` for a header that names no impact, or one
    that another column names already.
    """
    name = names[index]
    if not name:
        _refuse_unnamed(path, body, names, index, notes)
        return None
    impact = matcher.find(name)
    if impact is None:
        hint = matcher.hint(name)
        # "did you mean 'median-time'?: name each column ..." read badly (newuser38 #12).
        text = (
            N_(
                "'{measure}' is not one of the project's measures{hint} If not, name each "
                "column after an impact id or its measure, or write the sheet as period, "
                "measure, value"
            )
            if isinstance(hint, Message) and hint.text.endswith("?")
            else N_(
                "'{measure}' is not one of the project's measures{hint}: name each column "
                "after an impact id or its measure, or write the sheet as period, measure, "
                "value"
            )
        )
        raise _cell_error(path, header_row, names, index, Message(text, measure=name, hint=hint))
    if impact in measures.values():
        raise _cell_error(
            path,
            header_row,
            names,
            index,
            Message("a second column for '{impact}': keep one", impact=impact),
        )
    return impact


def _refuse_unnamed(
    path: Path, body: tabular.Records, names: Sequence[str], index: int, notes: list[Located]
) -> None:
    """Refuse a figure under a column with no header, rather than leave it out unseen.

    Words there ("provisional", "data from the ward dashboard") are a note
    beside the figures: each is left out with a warning naming its cell. A
    number there could be a measure's figure whose header is missing, so it
    stops the run, naming the cell.
    """
    for number, row in body:
        if index >= len(row) or not tabular.cell_text(row[index]).strip():
            continue
        try:
            figure = read_value(row[index])
        except ValueError:
            figure = None
        if figure is None:
            notes.append(
                Located(
                    tabular.cell_place(path, number, _column_name(names, index)),
                    Message(
                        "'{note}' is in a column with no header, so it is read as a note and "
                        "left out of the figures",
                        note=_shortened(tabular.cell_text(row[index]).strip()),
                    ),
                )
            )
            continue
        raise _cell_error(
            path,
            number,
            names,
            index,
            Message(
                "the number {value} is under a column with no header: write the impact id "
                "it is a figure for at the top of the column, or delete it",
                value=format(figure, "g"),
            ),
        )


def _shortened(text: str, most: int = 40) -> str:
    """A cell's text on one line, cut to ``most`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= most else line[: most - 1].rstrip() + "…"


def _column_name(names: Sequence[str], index: int) -> str:
    """A column as the user sees it: its header, else its letter."""
    name = names[index] if index < len(names) else ""
    return name or tabular.column_letter(index)


def _cell_error(
    path: Path, row: int, names: Sequence[str], index: int, message: Renderable
) -> MeasuresError:
    return MeasuresError(
        Located(tabular.cell_place(path, row, _column_name(names, index)), message)
    )


def _check_repeat(
    path: Path,
    row: int,
    names: Sequence[str],
    index: int,
    seen: dict[tuple[str, str], int],
    period: Period,
    impact: str,
) -> None:
    earlier = seen.get((period.text, impact))
    if earlier is not None:
        raise _cell_error(
            path,
            row,
            names,
            index,
            Message(
                "a second figure for {impact} in {period} (the first is on row {row}): keep one",
                impact=impact,
                period=period.text,
                row=earlier,
            ),
        )
    seen[(period.text, impact)] = row


# --- periods and values ----------------------------------------------------------------


def _period_or_error(path: Path, row: int, names: Sequence[str], index: int, value: Any) -> Period:
    try:
        return read_period(value)
    except ValueError as problem:
        raise _cell_error(path, row, names, index, problem.args[0]) from None


def read_period(value: Any) -> Period:
    """A period from a cell: 2027-03, 2027-Q1, 2027, a first-of-month date, Apr-27, April 2027.

    Raises :class:`ValueError` holding a :class:`Message` saying what to write.
    """
    if isinstance(value, dt.datetime | dt.date):
        return _first_of_month(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2999:
        return parse_period(str(value))
    text = tabular.cell_text(value).strip()
    if not text:
        raise ValueError(Message("no period given: write it as 2027-03, 2027-Q1 or 2027"))
    lowered = " ".join(text.lower().split())
    try:
        return parse_period(text)
    except PitchkitError:
        pass
    found = _ISO_DAY.match(lowered)
    if found:
        return _first_of_month(int(found[1]), int(found[2]), int(found[3]))
    found = _DAY_FIRST_SHORT_YEAR.match(lowered)
    if found:
        # 01/06/27: a UK sheet's two-digit year is this century's (newuser38 #11).
        lowered = f"{found[1]}{found[2]}{found[3]}{found[2]}20{found[4]}"
    if is_day_first(lowered):  # 01/04/2026, day first as in the UK, as the facts file reads it
        day = uk_date(lowered)
        if day.day != 1 and day.month == 1 and day.day <= 12:
            # 04/01/2026 for April in a monthly sheet: the first of a month only month first.
            raise ValueError(
                Message(
                    "'{value}' looks like month/day/year, as American spreadsheets write it: "
                    "pitchkit reads dates day first, as in the UK, so write {uk} or {iso}",
                    value=text,
                    uk="01/{:02d}/{}".format(day.day, day.year),  # noqa: UP032
                    iso="{}-{:02d}".format(day.year, day.day),  # noqa: UP032
                )
            )
        return _first_of_month(day.year, day.month, day.day)
    found = _QUARTER_FIRST.match(lowered)
    if found:
        return parse_period(f"{found[2]}-Q{found[1]}")
    found = _MONTH_SLASH_YEAR.match(lowered)
    if found:
        return _month_of(int(found[2]), int(found[1]), text)
    found = _YEAR_SLASH_MONTH.match(lowered)
    if found:
        return _month_of(int(found[1]), int(found[2]), text)
    found = _TWO_NUMBERS.match(lowered)
    if found:
        raise ValueError(_two_numbers(text, found[1], found[2]))
    found = _MONTH_YEAR.match(lowered)
    if found and found[1] in MONTHS:
        year = int(found[2]) + (2000 if len(found[2]) == 2 else 0)
        return parse_period(f"{year}-{MONTHS[found[1]]:02d}")
    raise ValueError(
        Message(
            "'{period}' is not a period pitchkit knows: write 2027-03, 2027-Q1, 2027, "
            "Apr-27, April 2027 or 01/04/2027",
            period=text,
        )
    )


def _two_numbers(text: str, first: str, second: str) -> Message:
    """Why ``11/26`` is not read, with the user's own month written in full (newuser34 #4)."""
    if 1 <= int(first) <= 12:  # 11/26: November 2026, or 11 February
        year = 2000 + int(second)
        return Message(
            "'{period}' could be a month and a year or a day and a month: write the year "
            "in full, as {month}/{year} or {year}-{mm}",
            period=text.strip(),
            month=first,
            year=str(year),
            mm="{:02d}".format(int(first)),  # noqa: UP032
        )
    if 1 <= int(second) <= 12:  # 25/11: a day and a month, with no year
        return Message(
            "'{period}' reads as a day and a month, with no year: write the month and its "
            "year in full, as {month}/YYYY or YYYY-{mm}",
            period=text.strip(),
            month=second,
            mm="{:02d}".format(int(second)),  # noqa: UP032
        )
    return Message(
        "'{period}' is not a period pitchkit knows: write 2027-03, 2027-Q1, 2027, "
        "Apr-27, April 2027 or 01/04/2027",
        period=text.strip(),
    )


def _month_of(year: int, month: int, text: str) -> Period:
    """The month ``month`` of ``year``, read from ``text`` (10/2025), or a message saying so."""
    if not 1 <= month <= 12:
        raise ValueError(
            Message(
                "'{period}' has no month {month}: write the month as 2025-10 or 10/2025",
                period=text,
                month=month,
            )
        )
    return parse_period("{:04d}-{:02d}".format(year, month))  # noqa: UP032


def _first_of_month(year: int, month: int, day: int) -> Period:
    if not 1 <= month <= 12:
        raise ValueError(Message("not a date: write the month as 2027-03"))
    month_text = "{:04d}-{:02d}".format(year, month)  # noqa: UP032
    # A month's last day dates it too: an NHS extract gives the period ending 2027-06-30
    # for June (newuser38 #11).
    if day not in (1, calendar.monthrange(year, month)[1]):
        raise ValueError(
            Message(
                "the date {date} is not the first or the last day of a month: give each "
                "month's figure on its first day (or its last), or write the month as {month}",
                date="{}-{:02d}".format(month_text, day),  # noqa: UP032
                month=month_text,
            )
        )
    return parse_period(month_text)


def _value_or_error(
    path: Path, row: int, names: Sequence[str], index: int, value: Any
) -> float | None:
    try:
        return read_value(value)
    except ValueError as problem:
        raise _cell_error(path, row, names, index, problem.args[0]) from None


def _refuse_money_sign(
    path: Path,
    row: int,
    names: Sequence[str],
    index: int,
    value: Any,
    impact: str,
    matcher: _Matcher,
) -> None:
    """Refuse ``£2`` for a measure that is not counted in pounds, as the facts file does.

    The sign says the figure is money, the measure says it is a count (or a
    share, or days): one of the two is wrong, and guessing would put a sum of
    money on a chart of events.
    """
    text = value if isinstance(value, str) else ""
    unit = matcher.units.get(impact, "")
    if "£" in text and impact in matcher.scaled:
        # The facts file counts this impact in thousands or millions: a cell written in
        # pounds ("£380,000") would be multiplied again, so which it means is asked.
        raise _cell_error(
            path,
            row,
            names,
            index,
            Message(
                "'{value}' is written in pounds, but the facts file counts {impact} in "
                "{unit}: write the figure in {unit}, without '£'",
                value=text.strip(),
                impact=impact,
                unit=matcher.scaled[impact],
            ),
        )
    if "£" not in text or is_pounds(unit):
        return
    plain = text.strip().replace("£", "").strip()
    raise _cell_error(
        path,
        row,
        names,
        index,
        Message(
            "'{value}' is written as money, but {impact} is in {unit}: write the figure "
            "without '£', such as {plain}",
            value=text.strip(),
            impact=impact,
            unit=unit,
            plain=plain,
        ),
    )


def read_value(value: Any) -> float | None:
    """A figure from a cell: a number, ``1,234``, ``45%`` or ``£1,200``; empty is ``None``.

    Raises :class:`ValueError` holding a :class:`Message` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, bool | dt.datetime | dt.date | dt.time):
        raise ValueError(Message("a date or yes/no, not a figure: write a number such as 81"))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        if not text or text in {"-", "–", "n/a", "N/A", "NA"}:
            return None
        if not _NUMBER.match(text) or not re.search(r"\d", text):
            raise ValueError(
                Message(
                    "'{value}' is not a number: write a figure such as 81, 1,234 or 45%, or "
                    "leave the cell empty for no figure",
                    value=str(value).strip(),
                )
            )
        number = float(text.replace(",", "").replace("£", "").replace("%", ""))
    if not math.isfinite(number):
        raise ValueError(Message("not a finite number: write a figure such as 81"))
    if abs(number) > MAX_FIGURE:
        raise ValueError(
            Message(
                "{value} is too large to be a figure (at most {most}): check the cell",
                value="{:,.0f}".format(number),  # noqa: UP032
                most="1,000,000,000,000",
            )
        )
    return number


# --- merging with the facts file -------------------------------------------------------


def merge(
    facts: Facts,
    sheet: MeasureSheet,
    today: dt.date | None = None,
    place: FactsPlace | None = None,
) -> tuple[Facts, list[Located]]:
    """``facts`` with the spreadsheet's figures, and a warning for each figure the log overrides.

    The facts file wins: a figure in ``updates[].measures`` (even ``null``,
    no figure) stands, and where the spreadsheet has a different one for
    the same period and measure a warning names the period, the measure and
    the spreadsheet's row. With ``today``, a row for a period that has not
    begun is named too (:func:`dated_ahead`), and each figure far outside its
    measure's others (:func:`far_outside`; the facts file's too with ``place``).
    """
    logged = {u.period: u.measures for u in facts.updates}
    warnings: list[Located] = list(sheet.warnings)
    if today is not None:
        warnings += dated_ahead(sheet, today)
    warnings += far_outside(facts, sheet, place)
    impacts = {impact.id: impact for impact in facts.impacts}
    figures: Figures = {}
    for figure in sheet.figures:
        impact = impacts.get(figure.impact)
        value = figure.value
        if value is not None and impact is not None:
            # ``logged: week``: the sheet's figure is scaled as the facts file's are.
            value *= logged_factor(impact, figure.period)
        figures.setdefault(figure.period, {})[figure.impact] = value
        measures = logged.get(figure.period, {})
        if figure.impact in measures and measures[figure.impact] != value:
            warnings.append(
                Located(
                    tabular.cell_place(sheet.path, figure.row, figure.column),
                    Message(
                        "{impact} in {period} is {logged} in the facts file and {sheet} here: "
                        "the facts file's figure is used",
                        impact=figure.impact,
                        period=figure.period,
                        logged=_shown(measures[figure.impact]),
                        sheet=_shown(figure.value),
                    ),
                )
            )
    return facts.with_figures(figures), warnings


def dated_ahead(sheet: MeasureSheet, today: dt.date) -> list[Located]:
    """A warning for each row whose period begins after ``today``: a typo, most likely.

    An update or a brief reads only the periods that have ended, so such a
    row is left out of every figure; said once a row, at its row, so that a
    January 2027 typed for January 2026 is not dropped without a word
    (newuser12 #8). A sheet none of whose periods has ended (an example as
    shipped, years ahead) is read as it stands, as the progress log is.
    """
    from pitchkit.i18n.messages import Worded

    periods = {figure.period: parse_period(figure.period) for figure in sheet.figures}
    if not any(period.end < today for period in periods.values()):
        return []
    found: list[Located] = []
    said: set[int] = set()
    for figure in sheet.figures:
        period = periods[figure.period]
        if period.start <= today or figure.row in said:
            continue
        said.add(figure.row)
        found.append(
            Located(
                tabular.row_place(sheet.path, figure.row),
                Message(
                    "{period} is dated after today ({today}): a typo? Its figures are left out "
                    "until the period has ended",
                    period=Worded(fmt.period_label, figure.period),
                    today=Worded(fmt.date, today),
                ),
            )
        )
    return found


def _shown(value: float | None) -> str | Message:
    if value is None:
        return Message("no figure")
    return f"{value:g}"


def measures_path(project: Project, asked: Path | None) -> Path | None:
    """The spreadsheet to read: ``--measures``, else the facts file's ``measures:``.

    ``measures:`` is relative to the facts file's folder.
    """
    if asked is not None:
        return asked
    written = project.facts.measures
    if not written:
        return None
    path = Path(written).expanduser()
    return path if path.is_absolute() else project.loaded.path.parent / path


def with_measures(
    projects: Sequence[Project], asked: Path | None, today: dt.date | None = None
) -> tuple[list[Project], list[Located]]:
    """``projects`` (the same facts in one or two languages) with their spreadsheet's figures.

    Without ``--measures`` (``asked``) or a ``measures:`` line, they are
    returned as they are (the facts file's own figures are checked by
    :func:`pitchkit.api.base.with_log`, which does not load this module then).
    """
    path = measures_path(projects[0], asked)
    if path is None:
        return list(projects), []
    sheet = load_measures(path, *(p.facts for p in projects))
    merged = [merge(p.facts, sheet, today) for p in projects[1:]]
    merged.insert(0, merge(projects[0].facts, sheet, today, facts_place(projects[0])))
    return [_replace_facts(p, m[0]) for p, m in zip(projects, merged, strict=True)], merged[0][1]


def _replace_facts(project: Project, facts: Facts) -> Project:
    from pitchkit.facts.project import Project

    return Project(replace(project.loaded, facts=facts), project.lang)
