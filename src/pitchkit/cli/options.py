"""The options the commands share, as typer declares them.

Most are made from their declarations in :mod:`pitchkit.cli.flags` (which
the quick ``brief`` reads too). ``--quiet`` and ``--verbose`` are added to
every command by :func:`pitchkit.cli.common.user_errors`, which also takes
them away before the command runs; the rest are used in each command's
signature.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any

import typer

from pitchkit.cli import flags
from pitchkit.cli.flags import QUIET_HELP, Flag

__all__ = ["QUIET_HELP"]


def option(flag: Flag) -> Any:
    """The typer option for ``flag``."""
    if flag.least is not None:
        return typer.Option(
            *flag.names,
            help=flag.help,
            show_default=flag.show_default,
            callback=_at_least(flag.least),
        )
    if flag.iso_date:
        return typer.Option(
            *flag.names, help=flag.help, show_default=flag.show_default, callback=_a_day
        )
    if flag.choices:
        return typer.Option(
            *flag.names,
            help=flag.help,
            show_default=flag.show_default,
            callback=_one_of(flag.choices),
        )
    return typer.Option(*flag.names, help=flag.help, show_default=flag.show_default)


def _at_least(least: int) -> Any:
    """A check that a number given is ``least`` or more, worded for people (a usage error)."""

    def check(value: int | None) -> int | None:
        if value is not None and value < least:
            raise typer.BadParameter(f"{value} is too few: give {least} or more")
        return value

    return check


def _a_day(value: str | None) -> str | None:
    """A check that a day given is written YYYY-MM-DD and is on the calendar (a usage error)."""
    if value is None or flags.iso_day(value) is not None:
        return value
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise typer.BadParameter(f"{value} is not a day on the calendar")
    raise typer.BadParameter(f"give the day as YYYY-MM-DD, such as 2028-04-06, not '{value}'")


def _one_of(choices: tuple[str, ...]) -> Any:
    """A check that a word given is one of ``choices``, naming them all (a usage error)."""

    def check(value: str | None) -> str | None:
        if value is not None and value not in choices:
            listed = (
                ", ".join(choices[:-1]) + " or " + choices[-1] if len(choices) > 1 else choices[0]
            )
            raise typer.BadParameter(f"give {listed}, not '{value}'")
        return value

    return check


QuietOpt = Annotated[bool, option(flags.QUIET)]
VerboseOpt = Annotated[bool, option(flags.VERBOSE)]
FactsArg = Annotated[Path, typer.Argument(help=flags.FACTS.help, show_default=False)]
DirectorOpt = Annotated[str | None, option(flags.DIRECTOR)]
OutOpt = Annotated[Path | None, option(flags.OUT)]
TemplateOpt = Annotated[Path | None, option(flags.TEMPLATE)]
LocaleOpt = Annotated[str | None, option(flags.LOCALE)]
ForceOpt = Annotated[bool, option(flags.FORCE)]
BilingualOpt = Annotated[bool, option(flags.BILINGUAL)]
PdfOpt = Annotated[bool, option(flags.PDF)]
ResumeOpt = Annotated[bool, option(flags.RESUME)]
NoCutsOpt = Annotated[bool, option(flags.NO_CUTS)]
#: ``--strict`` for a note in Welsh.
StrictOpt = Annotated[bool, option(flags.STRICT)]
DirectorsOpt = Annotated[Path | None, option(flags.DIRECTORS)]
#: Limits on filling a user's own template: here, and on every command with --template.
TimeLimitOpt = Annotated[str | None, option(flags.TIME_LIMIT)]
MemoryLimitOpt = Annotated[str | None, option(flags.MEMORY_LIMIT)]
JsonOpt = Annotated[bool, option(flags.JSON)]

PeriodOpt = Annotated[str | None, option(flags.PERIOD)]
#: The day a note is written as on (``--today``), for a rehearsal.
TodayOpt = Annotated[str | None, option(flags.TODAY)]
MeasuresOpt = Annotated[Path | None, option(flags.MEASURES)]
#: ``batch``'s own options.
BatchOutOpt = Annotated[Path | None, option(flags.BATCH_OUT)]
KindOpt = Annotated[str, option(flags.KIND)]
OnlyOpt = Annotated[str | None, option(flags.ONLY)]
PackOpt = Annotated[Path | None, option(flags.PACK)]
JobsOpt = Annotated[int | None, option(flags.JOBS)]

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
