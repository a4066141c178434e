"""What every pitchkit command shares: the app, printing, options and errors.

This module alone prints; commands turn a
:class:`~pitchkit.errors.PitchkitError` into a one-line message on stderr
and exit code 1 through :func:`user_errors`. Everything printed is in the
command's language (:class:`Interface`): ``--locale``, else the facts
file's ``settings.locale`` once it is read, else English.

The command line imports only typer, rich and pitchkit's light modules
(errors, messages, i18n) when it starts, so ``--version``, ``--help`` and
shell completion answer at once; each command imports the core it needs
when it runs (see docs/performance.md).
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from pitchkit.cli.options import QUIET_HELP, QuietOpt, VerboseOpt
from pitchkit.collector import collect_again
from pitchkit.errors import FactsError, OutputError, PitchkitError
from pitchkit.i18n.messages import Message, Renderable, render
from pitchkit.i18n.translation import Language, language

if TYPE_CHECKING:
    from pitchkit.facts.project import Project

app = typer.Typer(
    name="pitchkit",
    help=(
        "Turn your improvement project's facts into a one-page sponsor briefing note, "
        "progress updates and meeting packs that speak to each director's objectives."
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

out_console = Console(highlight=False, soft_wrap=True, emoji=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

F = TypeVar("F", bound=Callable[..., Any])


class Verbosity:
    """How much the commands say: -q only errors, -v more detail."""

    level = 1


class Interface:
    """The language the current command speaks to the terminal in."""

    lang: Language = language(None)


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


class JsonMode:
    """While a command runs with ``--json``: its name and the warnings printed so far.

    Standard output then carries one JSON object and nothing else: the
    progress and result lines are left out, warnings and errors still go to
    standard error (and into the object), and an error prints an object
    with ``"ok": false`` (see docs/json.md).
    """

    command: str | None = None
    warnings: list[str] | None = None

    @classmethod
    def start(cls, command: str) -> None:
        """Collect warnings for ``command``'s JSON from now on."""
        cls.command, cls.warnings = command, []
        Verbosity.level = 0
        out_console.file = sys.stderr

    @classmethod
    def stop(cls) -> None:
        """Back to printing for people."""
        cls.command, cls.warnings = None, None


def emit_json(document: dict[str, Any]) -> None:
    """Print the command's one JSON object on standard output."""
    from pitchkit.api.json_output import dumps

    typer.echo(dumps(document))


def emit_error_json(error: BaseException, lines: Sequence[str]) -> None:
    """With --json, print the object that says the command stopped with ``error``."""
    from pitchkit.api.json_output import error_json

    if JsonMode.command is None:
        return
    emit_json(error_json(JsonMode.command, error, lines, Interface.lang, JsonMode.warnings or []))


def speak(lang: Language) -> None:
    """Say everything from here on in ``lang``."""
    Interface.lang = lang


def words(message: Renderable | str) -> str:
    """``message`` in the command's language."""
    return render(message, Interface.lang)


def say(message: Renderable | str, *, level: int = 1) -> None:
    """Print a progress or result line unless --quiet."""
    if Verbosity.level >= level:
        out_console.print(words(message), markup=False)


def warn(message: Renderable | str) -> None:
    """Print a warning on stderr (even with --quiet); with --json, keep it for the JSON too."""
    label = Interface.lang.gettext("warning:")
    text = words(message)
    if JsonMode.warnings is not None:
        JsonMode.warnings.append(text)
    err_console.print(f"[yellow]{label}[/] {escape(text)}")


def fail(message: Renderable | str) -> None:
    """Print an error line on stderr (the command then exits 1)."""
    label = Interface.lang.gettext("error:")
    err_console.print(f"[red]{label}[/] {escape(words(message))}")


def stopped(message: Renderable | str) -> None:
    """Print the line that says the command was interrupted."""
    label = Interface.lang.gettext("stopped:")
    err_console.print(f"[red]{label}[/] {escape(words(message))}")


def escape(text: str) -> str:
    """Escape rich markup in user text."""
    return text.replace("[", "\\[")


def user_errors(command: F) -> F:
    """Turn PitchkitErrors into one-line red messages and exit code 1.

    The command starts out speaking the language of its ``--locale`` (Welsh
    for ``--bilingual``), or English, until it reads the facts file's. Its
    ``--quiet`` and ``--verbose`` (declared once, in
    :mod:`pitchkit.cli.options`) are added to its options and taken here.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if command.__name__ not in COLLECTS_LATER:
            collect_again()
        # -q and -v may come after the command too; the command itself never sees them.
        quiet, verbose = kwargs.pop("quiet", False), kwargs.pop("verbose", False)
        if quiet or verbose:
            Verbosity.level = 0 if quiet else 2
        given = asked_language(kwargs.get("locale"), bilingual=bool(kwargs.get("bilingual")))
        speak(given or language(None))
        as_json = bool(kwargs.get("as_json")) and command.__name__ in JSON_COMMANDS
        if as_json:
            JsonMode.start(JSON_COMMANDS[command.__name__])
        try:
            preferred = apply_user_defaults(command.__name__, kwargs)
            if given is None and preferred is not None:
                speak(preferred)
            check_stdout(
                kwargs.get("out"),
                pdf=bool(kwargs.get("pdf")),
                several=command.__name__ in {"batch", "demo"},
                as_json=as_json,
            )
            return command(*args, **kwargs)
        except PitchkitError as error:
            if given is None and isinstance(error, FactsError) and error.locale:
                speak(asked_language(error.locale) or Interface.lang)
            lines = error.render(Interface.lang).splitlines() or [error.render()]
            for line in lines:
                fail(line)
            emit_error_json(error, lines)
            raise typer.Exit(1) from None
        except KeyboardInterrupt as error:
            message = Message("interrupted; nothing partial was left behind")
            stopped(message)
            emit_error_json(error, [words(message)])
            raise typer.Exit(130) from None
        except MemoryError as error:
            # A last resort: the inputs' own bounds (file sizes, values, template
            # limits) should stop first. Writes are atomic, so nothing partial is left.
            message = Message(
                "ran out of memory, and nothing was written: check that the files given "
                "are the ones you meant"
            )
            fail(message)
            emit_error_json(error, [words(message)])
            raise typer.Exit(1) from None
        finally:
            JsonMode.stop()
            out_console.file = None  # type: ignore[assignment]  # back to standard output

    with_options(wrapper, command)
    return wrapper  # type: ignore[return-value]


def with_options(wrapper: Callable[..., Any], command: Callable[..., Any]) -> None:
    """Give ``wrapper`` the command's options followed by ``--quiet`` and ``--verbose``."""
    signature = inspect.signature(command, eval_str=True)
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False, annotation=kind)
        for name, kind in (("quiet", QuietOpt), ("verbose", VerboseOpt))
    ]
    wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *shared]
    )
    wrapper.__annotations__ = {
        **{name: p.annotation for name, p in signature.parameters.items()},
        "quiet": QuietOpt,
        "verbose": VerboseOpt,
        "return": signature.return_annotation,
    }


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
    from pitchkit.output.pdf import SOFFICE_ENV

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
    if "out" in options and options["out"] is None:
        options["out"] = config.path_for("out")
    soffice = config.path_for("libreoffice")
    if soffice is not None and not os.environ.get(SOFFICE_ENV, "").strip():
        os.environ[SOFFICE_ENV] = str(soffice)
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


def version_callback(value: bool) -> None:
    """Print the version and stop."""
    if value:
        from pitchkit import __version__

        out_console.print(f"pitchkit {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Say more about each step.")
    ] = False,
) -> None:
    """Sponsor briefing notes and progress updates for NHS improvement projects."""
    Verbosity.level = 0 if quiet else 2 if verbose else 1


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
    out_console.file = sys.stderr


def warn_about_template(
    template: Path | None, *, refuse_errors: bool = False, kind: str | None = None
) -> None:
    """Warn about the pitfalls ``template check`` finds in the user's own template.

    With ``refuse_errors`` the template's first error is raised instead; with
    ``kind``, a template of the other kind is refused.
    """
    from pitchkit.api.base import template_warnings

    for line in template_warnings(template, refuse_errors=refuse_errors, kind=kind):
        warn(line)


def report_written(paths: Sequence[Path], lang: Language) -> None:
    """Say which files were written."""
    for path in paths:
        say(lang.gettext("Wrote {path}").format(path=path))
