"""The command line's shared options as plain data: their names, help and kind of value.

Each option is declared here once. :mod:`pitchkit.cli.options` turns these
into typer's options for the commands' signatures, and
:mod:`pitchkit.cli.quick` reads them to parse a plain ``brief`` or ``batch`` without
loading typer; ``tests/test_cli_quick.py`` checks that the two parse alike.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, NamedTuple


class Flag(NamedTuple):
    """One option: its names (``--out``, ``-o``), its help, and what its value is.

    ``value`` is ``Path``, ``str`` or ``int`` for an option that takes a
    value, and ``None`` for a switch, which is on when given. ``default`` is
    the value when the option is not given; ``least`` the smallest number
    an ``int`` option takes; ``choices`` the only words a ``str`` option
    takes (any, when empty); ``iso_date`` that a ``str`` option takes a day
    written YYYY-MM-DD. A value outside them is a usage error.
    """

    names: tuple[str, ...]
    help: str
    value: type[Path] | type[str] | type[int] | None = None
    show_default: bool = True
    default: Any = None
    least: int | None = None
    choices: tuple[str, ...] = ()
    iso_date: bool = False


class Positional(NamedTuple):
    """An argument given by its place: its help and what its value is."""

    help: str
    value: type[Path] | type[str] = Path


#: What --quiet leaves out, and what it never does.
QUIET_HELP = (
    "Show only errors and warnings, the guide's included: leave out progress lines and the "
    "guide's notes."
)
QUIET = Flag(("--quiet", "-q"), QUIET_HELP, show_default=False)
VERBOSE = Flag(("--verbose", "-v"), "Say more about each step.", show_default=False)
FACTS = Positional("The project's facts file (YAML).")
DIRECTOR = Flag(
    ("--director", "-d"),
    "Id of the director the note is for (default: the meeting's director).",
    str,
)
OUT = Flag(("--out", "-o"), "File to write, or a folder to write it in.", Path)
TEMPLATE = Flag(("--template", "-t"), "Your own Word template (.docx).", Path)
LOCALE = Flag(("--locale", "-l"), "Language of the document: en_GB or cy_GB.", str)
FORCE = Flag(("--force", "-f"), "Replace files that already exist.")
BILINGUAL = Flag(
    ("--bilingual",), "Welsh and English in one document, Welsh first (instead of --locale)."
)
RESUME = Flag(
    ("--resume",),
    "Finish a batch that stopped part-way: make only the notes its manifest lists as not "
    "made, keeping those finished.",
)
PDF = Flag(("--pdf",), "Also save a PDF beside the .docx (needs LibreOffice).")
NO_CUTS = Flag(
    ("--no-cuts",),
    "Fail, writing nothing, when a briefing note would need a cut to fit one page.",
)
STRICT = Flag(
    ("--strict",),
    "In Welsh: refuse, naming each field, when the note would show English text.",
)
DIRECTORS = Flag(
    ("--directors",),
    "Directors from a file (.yaml, .csv or .xlsx) instead of the facts file.",
    Path,
)
TIME_LIMIT = Flag(
    ("--time-limit",),
    "Seconds filling your own template may take (default 30, or PITCHKIT_TIME_LIMIT).",
    str,
)
MEMORY_LIMIT = Flag(
    ("--memory-limit",),
    "Memory filling your own template may use, such as 512M or 2G "
    "(default 1G, or PITCHKIT_MEMORY_LIMIT).",
    str,
)
JSON = Flag(
    ("--json",),
    "Print one JSON object on standard output instead of the report (see docs/json.md); "
    "warnings and errors still go to standard error.",
)

PERIOD = Flag(
    ("--period", "-p"),
    "Period to report on: YYYY-MM, YYYY-Qn (a calendar quarter: 2027-Q1 is January to "
    "March) or YYYY; or an NHS financial quarter, Q1 2027/28 (April to June 2027, its file "
    "named 2027-28 Q1) (default: the latest logged; with cadence: quarter, the latest "
    "quarter).",
    str,
)
MEASURES = Flag(
    ("--measures",),
    "Figures from a spreadsheet (.csv or .xlsx), merged with the progress log "
    "(default: the facts file's 'measures:').",
    Path,
)
BATCH_OUT = Flag(
    ("--out", "-o"), "Folder to write the notes in (default: out in pitchkit config).", Path
)
KIND = Flag(
    ("--kind", "-k"),
    "What to write: brief or update.",
    str,
    default="brief",
    choices=("brief", "update"),
)
ONLY = Flag(("--only",), "Only these directors: ids separated by commas.", str)
PACK = Flag(("--pack",), "Also put every note in one .docx, for printing.", Path)
TODAY = Flag(
    ("--today",),
    "Take this day, YYYY-MM-DD, as today, to rehearse a note before then (default: today).",
    str,
    iso_date=True,
)
JOBS = Flag(("--jobs", "-j"), "Notes made at once (default: every core).", int, least=1)

#: ``pitchkit brief``'s parameters, by name, in the order of its signature
#: (:func:`pitchkit.cli.notes.brief`), with ``--quiet`` and ``--verbose`` last.
BRIEF: dict[str, Flag | Positional] = {
    "facts": FACTS,
    "director": DIRECTOR,
    "directors": DIRECTORS,
    "out": OUT,
    "template": TEMPLATE,
    "locale": LOCALE,
    "force": FORCE,
    "pdf": PDF,
    "bilingual": BILINGUAL,
    "no_cuts": NO_CUTS,
    "strict": STRICT,
    "measures": MEASURES,
    "today": TODAY,
    "time_limit": TIME_LIMIT,
    "memory_limit": MEMORY_LIMIT,
    "as_json": JSON,
    "quiet": QUIET,
    "verbose": VERBOSE,
}

#: ``pitchkit batch``'s parameters, by name, in the order of its signature
#: (:func:`pitchkit.cli.batch.batch`), with ``--quiet`` and ``--verbose`` last.
BATCH: dict[str, Flag | Positional] = {
    "facts": FACTS,
    "out": BATCH_OUT,
    "directors": DIRECTORS,
    "kind": KIND,
    "only": ONLY,
    "period": PERIOD,
    "measures": MEASURES,
    "template": TEMPLATE,
    "locale": LOCALE,
    "force": FORCE,
    "resume": RESUME,
    "pdf": PDF,
    "pack": PACK,
    "jobs": JOBS,
    "no_cuts": NO_CUTS,
    "strict": STRICT,
    "today": TODAY,
    "time_limit": TIME_LIMIT,
    "memory_limit": MEMORY_LIMIT,
    "as_json": JSON,
    "quiet": QUIET,
    "verbose": VERBOSE,
}


def iso_day(value: str) -> dt.date | None:
    """The day ``value`` names when written YYYY-MM-DD (``2028-04-06``), else ``None``."""
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def given_day(value: str | None) -> dt.date | None:
    """The day ``--today`` gave (already checked as YYYY-MM-DD), or ``None`` for today."""
    return None if value is None else iso_day(value)
