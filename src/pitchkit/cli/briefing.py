"""What ``pitchkit brief`` does once its options are parsed, and how it reports.

Both ways in call :func:`run_brief`: typer's ``brief`` command
(:mod:`pitchkit.cli.notes`) and the quick path for a plain ``brief``
(:mod:`pitchkit.cli.quick`), which does not load typer. Like
:mod:`pitchkit.cli.console` and :mod:`pitchkit.cli.running`, it imports
neither typer nor rich.
"""

from __future__ import annotations

from pathlib import Path

from pitchkit.cli.console import JsonMode, Verbosity, say
from pitchkit.cli.flags import given_day
from pitchkit.cli.running import (
    Terminal,
    UserDefaults,
    report_advice,
    report_folder,
    report_written,
)
from pitchkit.i18n.messages import Message


def run_brief(
    facts: Path,
    *,
    director: str | None,
    directors: Path | None,
    out: Path | None,
    template: Path | None,
    locale: str | None,
    force: bool,
    pdf: bool,
    bilingual: bool,
    no_cuts: bool,
    strict: bool,
    time_limit: str | None,
    measures: Path | None = None,
    memory_limit: str | None,
    as_json: bool,
    today: str | None = None,
) -> None:
    """Write the briefing note, then say what was cut, written and advised."""
    from pitchkit.api import BriefRequest, write_brief
    from pitchkit.word.limits import limits_in_force

    request = BriefRequest(
        facts,
        director,
        out,
        template,
        locale,
        default_locale=UserDefaults.locale,
        force=force,
        pdf=pdf,
        bilingual=bilingual,
        no_cuts=no_cuts,
        strict=strict,
        directors=directors,
        measures=measures,
        today=given_day(today),
        # The notes among the guide's findings are printed only at the usual verbosity, and
        # are in --json's object; otherwise they are not worked out (see report_advice).
        advice_notes=JsonMode.command is not None or Verbosity.level >= 1,
    )
    with limits_in_force(time_limit, memory_limit):
        result = write_brief(request, Terminal())  # its warnings are printed as they come
    report_pages(result.pages, measured=result.pages_measured)
    report_folder(result.folder_made, result.lang)
    report_written(result.written, result.lang)
    report_advice(result.findings, result.lang)
    if as_json:
        from pitchkit.cli.common import emit_json

        emit_json(result.to_json())


def report_pages(pages: int | None, *, measured: bool) -> None:
    """With --verbose, say how many pages the note takes and how that is known."""
    if pages is None:
        return
    if measured:
        say(Message("Pages: {n}, as LibreOffice lays the note out.", n=pages), level=2)
    else:
        say(
            Message(
                "Pages: 1, by pitchkit's estimate: the note fits with room to spare, so "
                "LibreOffice was not needed to measure it."
            ),
            level=2,
        )
