"""The options the commands share, each declared once.

``--quiet`` and ``--verbose`` are added to every command by
:func:`pitchkit.cli.common.user_errors`, which also takes them away before
the command runs; the rest are used in each command's signature.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

#: What --quiet leaves out, and what it never does.
QUIET_HELP = (
    "Show only errors and warnings, the guide's included: leave out progress lines and the "
    "guide's notes."
)
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP, show_default=False)]
VerboseOpt = Annotated[
    bool, typer.Option("--verbose", "-v", help="Say more about each step.", show_default=False)
]
FactsArg = Annotated[
    Path, typer.Argument(help="The project's facts file (YAML).", show_default=False)
]
DirectorOpt = Annotated[
    str | None,
    typer.Option(
        "--director",
        "-d",
        help="Id of the director the note is for (default: the meeting's director).",
    ),
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="File to write, or a folder to write it in."),
]
TemplateOpt = Annotated[
    Path | None, typer.Option("--template", "-t", help="Your own Word template (.docx).")
]
LocaleOpt = Annotated[
    str | None, typer.Option("--locale", "-l", help="Language of the document: en_GB or cy_GB.")
]
ForceOpt = Annotated[bool, typer.Option("--force", "-f", help="Replace files that already exist.")]
BilingualOpt = Annotated[
    bool,
    typer.Option(
        "--bilingual", help="Welsh and English in one document, Welsh first (instead of --locale)."
    ),
]
PdfOpt = Annotated[
    bool, typer.Option("--pdf", help="Also save a PDF beside the .docx (needs LibreOffice).")
]
NoCutsOpt = Annotated[
    bool,
    typer.Option(
        "--no-cuts",
        help="Fail, writing nothing, when a briefing note would need a cut to fit one page.",
    ),
]

PeriodOpt = Annotated[
    str | None,
    typer.Option(
        "--period",
        "-p",
        help="Period to report on: YYYY-MM, YYYY-Qn or YYYY (default: the latest logged).",
    ),
]
MeasuresOpt = Annotated[
    Path | None,
    typer.Option(
        "--measures",
        help="Figures from a spreadsheet (.csv or .xlsx), merged with the progress log "
        "(default: the facts file's 'measures:').",
    ),
]
DirectorsOpt = Annotated[
    Path | None,
    typer.Option(
        "--directors",
        help="Directors from a file (.yaml, .csv or .xlsx) instead of the facts file.",
    ),
]

#: Limits on filling a user's own template: here, and on every command with --template.
TimeLimitOpt = Annotated[
    str | None,
    typer.Option(
        "--time-limit",
        help="Seconds filling your own template may take (default 30, or PITCHKIT_TIME_LIMIT).",
    ),
]
MemoryLimitOpt = Annotated[
    str | None,
    typer.Option(
        "--memory-limit",
        help="Memory filling your own template may use, such as 512M or 2G "
        "(default 1G, or PITCHKIT_MEMORY_LIMIT).",
    ),
]
MessagesLocaleOpt = Annotated[
    str | None,
    typer.Option("--locale", "-l", help="Language to report in: en_GB or cy_GB."),
]
#: ``--locale`` for the commands that write no document (directors, check, link).
ReportLocaleOpt = Annotated[
    str | None,
    typer.Option(
        "--locale",
        "-l",
        help="Language of the report, and of the facts' texts shown in it: en_GB or cy_GB "
        "(default: the facts file's settings.locale).",
    ),
]
JsonOpt = Annotated[
    bool,
    typer.Option(
        "--json",
        help="Print one JSON object on standard output instead of the report (see docs/json.md); "
        "warnings and errors still go to standard error.",
    ),
]
