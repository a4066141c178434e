"""Running one command: its language, the user's defaults, and errors as one-line messages.

:func:`run_guarded` is what :func:`pitchkit.cli.common.user_errors` does
around every command, without typer: the quick path for ``brief``
(:mod:`pitchkit.cli.quick`) runs the same steps, so both report the same
errors in the same words and exit with the same codes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.cli.console import (
    Interface,
    JsonMode,
    Verbosity,
    fail,
    labelled,
    output_to_stderr,
    say,
    speak,
    stopped,
    warn,
    words,
)
from pitchkit.collector import collect_again
from pitchkit.errors import FactsError, OutputError, PitchkitError
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.i18n.translation import N_, Language, language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.api import PeriodStatus
    from pitchkit.facts.project import Project

#: Commands that do not turn the garbage collector back on as they start (see
#: :mod:`pitchkit.collector`): ``brief`` and ``update`` make one note (two for
#: ``--bilingual``) and end, so it stays off; ``batch`` turns it back on itself once
#: its first note is made, before it forks its workers. Every other command may work
#: through many notes or directors, so it is turned back on before the command starts.
COLLECTS_LATER = frozenset({"brief", "update", "batch"})


#: The commands whose ``--json`` is handled here, each with its name in the JSON.
JSON_COMMANDS = {
    "brief": "brief",
    "update": "update",
    "batch": "batch",
    "preview": "preview",
    "template_check": "template check",
}


class CommandExit(Exception):
    """The command ends with this exit code, its messages printed (as typer's ``Exit``)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def emit_error_json(error: BaseException, lines: Sequence[str]) -> None:
    """With --json, print the object that says the command stopped with ``error``."""
    if JsonMode.command is None:
        return
    from pitchkit.api.json_output import error_json
    from pitchkit.cli.common import emit_json

    emit_json(error_json(JsonMode.command, error, lines, Interface.lang, JsonMode.warnings or []))


def run_guarded(name: str, command: Callable[..., Any], args: Any, kwargs: dict[str, Any]) -> int:
    """Run ``command`` as the command ``name``; the exit code it asks for (0 when it ends well).

    PitchkitErrors become one-line red messages and exit code 1. The command
    starts out speaking the language of its ``--locale`` (Welsh for
    ``--bilingual``), or English, until it reads the facts file's. Its
    ``--quiet`` and ``--verbose`` are taken out of ``kwargs`` here.
    """
    if name not in COLLECTS_LATER:
        collect_again()
    # -q and -v may come after the command too; the command itself never sees them.
    quiet, verbose = kwargs.pop("quiet", False), kwargs.pop("verbose", False)
    if quiet or verbose:
        Verbosity.level = 0 if quiet else 2
    given = asked_language(kwargs.get("locale"), bilingual=bool(kwargs.get("bilingual")))
    speak(given or language(None))
    as_json = bool(kwargs.get("as_json")) and name in JSON_COMMANDS
    if as_json:
        JsonMode.start(JSON_COMMANDS[name])
    try:
        preferred = apply_user_defaults(name, kwargs)
        if given is None and preferred is not None:
            speak(preferred)
        check_stdout(
            kwargs.get("out"),
            pdf=bool(kwargs.get("pdf")),
            several=name in {"batch", "demo"},
            as_json=as_json,
        )
        command(*args, **kwargs)
        return 0
    except CommandExit as done:
        return done.code
    except PitchkitError as error:
        if given is None and isinstance(error, FactsError) and error.locale:
            speak(asked_language(error.locale) or Interface.lang)
        lines = error.render(Interface.lang).splitlines() or [error.render()]
        for line in lines:
            fail(line)
        emit_error_json(error, lines)
        return 1
    except KeyboardInterrupt as error:
        message = Message("interrupted; nothing partial was left behind")
        stopped(message)
        emit_error_json(error, [words(message)])
        return 130
    except MemoryError as error:
        # A last resort: the inputs' own bounds (file sizes, values, template
        # limits) should stop first. Writes are atomic, so nothing partial is left.
        message = Message(
            "ran out of memory, and nothing was written: check that the files given "
            "are the ones you meant"
        )
        fail(message)
        emit_error_json(error, [words(message)])
        return 1
    finally:
        JsonMode.stop()
        output_to_stderr(False)


_SETTINGS_COMMANDS = frozenset({"show_config", "set_config", "unset_config"})


class UserDefaults:
    """The locale from the user's settings file, for facts files that name none."""

    locale: str | None = None


def apply_user_defaults(command: str, options: dict[str, Any]) -> Language | None:
    """Fill options left out with the user's own defaults (``pitchkit config``).

    An option given always wins. ``template`` is for briefing notes and
    ``update_template`` for updates; ``libreoffice`` is used unless
    ``$PITCHKIT_SOFFICE`` names another. Returns the language the settings
    ask for, to speak until the facts file names its own.
    """
    import os

    from pitchkit.cli.userconfig import load_config
    from pitchkit.output.soffice import SOFFICE_ENV

    if command in _SETTINGS_COMMANDS:
        return None  # a broken settings file must not stop you mending it
    config = load_config()
    UserDefaults.locale = config.get("locale")
    if not config.values:
        return None
    kind = "update" if command == "update" else str(options.get("kind") or "brief")
    if "template" in options and options["template"] is None and command != "demo":
        setting = "update_template" if kind == "update" else "template"
        options["template"] = config.path_for(setting)
        if options["template"] is not None:
            from pitchkit.cli.userconfig import check_setting

            check_setting(config, setting)
    if "out" in options and options["out"] is None:
        options["out"] = config.path_for("out")
    soffice = config.path_for("libreoffice")
    if soffice is not None and not os.environ.get(SOFFICE_ENV, "").strip():
        from pitchkit.output.soffice import FROM_SETTINGS

        os.environ[SOFFICE_ENV] = str(soffice)
        FROM_SETTINGS.update(value=str(soffice), file=str(config.path))
    return None if UserDefaults.locale is None else language(UserDefaults.locale)


def asked_language(locale: object, *, bilingual: bool = False) -> Language | None:
    """The language a command was asked for, if it names one pitchkit has.

    ``--locale`` wins (even beside ``--bilingual``, which refuses it in the
    language asked for); ``--bilingual`` alone speaks Welsh, the language it
    puts first. An unknown ``--locale`` gives ``None`` here: the command
    itself reports it.
    """
    if isinstance(locale, str):
        try:
            return language(locale)
        except PitchkitError:
            return None
    return language("cy_GB") if bilingual else None


class Terminal:
    """The command line as a use case's listener: it speaks the language and prints warnings."""

    def speaking(self, lang: Language) -> None:
        """Say everything from here on in ``lang``."""
        speak(lang)

    def warning(self, message: Renderable | str) -> None:
        """Print the warning now."""
        warn(message)


def load_project(facts: Path, locale: str | None) -> Project:
    """Open the facts, speak their language from now on and show what loading noticed."""
    from pitchkit.api.base import open_facts

    return open_facts(facts, locale, Terminal(), default_locale=UserDefaults.locale)


def check_stdout(
    out: Path | None, *, pdf: bool = False, several: bool = False, as_json: bool = False
) -> None:
    """Refuse ``--out -`` where it cannot work, before anything is made.

    One document may go to standard output when it is piped or redirected;
    messages then go to stderr so the document's bytes stay whole. With
    ``--json`` standard output carries the JSON, so there is no room for a
    document.
    """
    from pitchkit.api.base import STDOUT

    if out != STDOUT:
        return
    if as_json:
        raise OutputError(
            Message(
                "--out - with --json: standard output carries the JSON, so give a file or "
                "folder for the document with --out"
            )
        )
    if several:
        raise OutputError(
            Message("--out -: this command writes several files; give a folder instead")
        )
    if pdf:
        raise OutputError(
            Message("--out -: only the Word document can go to standard output; leave out --pdf")
        )
    if sys.stdout.isatty():
        raise OutputError(
            Message(
                "--out - sends the Word document to standard output, which is this terminal: "
                "redirect it to a file, as in: --out - > note.docx"
            )
        )
    output_to_stderr(True)


def report_folder(folder: Path | None, lang: Language) -> None:
    """Say that a missing ``--out`` folder was made, so that a misspelt one is seen."""
    if folder is not None:
        say(lang.gettext("Made the folder {folder}").format(folder=folder))


def report_written(paths: Sequence[Path], lang: Language) -> None:
    """Say which files were written."""
    for path in paths:
        say(lang.gettext("Wrote {path}").format(path=path))


#: The word before each finding in the advice after a note is written. The note was
#: written and the command succeeded, so the guide's most serious advice reads as a
#: warning (in red), never as "error:", which on the command line means a failure;
#: ``pitchkit check`` still groups it under its own heading.
SEVERITY_WORDS = {"error": N_("warning"), "warning": N_("warning"), "info": N_("note")}


#: The colour of each kind of finding's word.
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def report_advice(findings: Sequence[Finding], lang: Language) -> None:
    """The findings in brief, one line each, after a note is written.

    --quiet leaves out the guide's notes but never its warnings and errors:
    those go to standard error, one line each, with the other warnings.
    With --json they are in the object's ``findings`` instead.
    """
    if JsonMode.command is not None:
        return
    if Verbosity.level < 1:
        for finding in findings:
            if finding.severity != "info":
                word = lang.gettext(SEVERITY_WORDS[finding.severity])
                labelled(SEVERITY_COLOURS[finding.severity], f"{word}:", finding.message)
        return
    if not findings:
        return
    say(lang.gettext("Advice from the guide (run 'pitchkit check' for the evidence and fixes):"))
    for finding in findings:
        say(f"  {lang.gettext(SEVERITY_WORDS[finding.severity])}: {finding.message}")


def report_period(status: PeriodStatus, lang: Language, *, notes: int = 1) -> None:
    """Say when the update is built from its months, or is the latest period to fill in.

    The warnings about the period (outside the project, months with no entry, a
    period asked for that is to fill in) come from the use case, as it ends.
    """
    from pitchkit.i18n.fmt import period_label

    period = period_label(status.period, lang)
    if status.built_from and not status.unlogged:
        message = lang.ngettext(
            "The update for {period} is built from the progress log's entries for its {months} "
            "months.",
            "The updates for {period} are built from the progress log's entries for its {months} "
            "months.",
            notes,
        )
        say(message.format(period=period, months=len(status.built_from)))
    if status.figures_from:
        message = lang.ngettext(
            "The update for {period} takes its figures from the measures spreadsheet's "
            "{months} months and its words from the progress log's entry.",
            "The updates for {period} take their figures from the measures spreadsheet's "
            "{months} months and their words from the progress log's entry.",
            notes,
        )
        say(message.format(period=period, months=len(status.figures_from)))
    # A warning, as the same words are when --period names the period (newuser36 #10: the
    # one message had "warning:" before it with --period and nothing without).
    if status.fill_in and not status.asked and status.figured:
        from pitchkit.api.update import figured_fill_in

        warn(figured_fill_in(status.period, status.missing, notes).render(lang))
    elif status.fill_in and not status.asked:
        message = lang.ngettext(
            "the progress log has no entry for {period}, so this is a fill-in template: "
            "replace each part in [square brackets]",
            "the progress log has no entry for {period}, so these are fill-in templates: "
            "replace each part in [square brackets]",
            notes,
        ).format(period=period)
        warn(message)
