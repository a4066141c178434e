"""What every typer command shares: the app, the shared options and errors.

Printing is :mod:`pitchkit.cli.console`'s; commands turn a
:class:`~pitchkit.errors.PitchkitError` into a one-line message on stderr
and exit code 1 through :func:`user_errors`, which runs each command as
:func:`pitchkit.cli.running.run_guarded` does (the quick ``brief`` runs it
too). Everything printed is in the command's language (:class:`Interface`):
``--locale``, else the facts file's ``settings.locale`` once it is read,
else English. The names of those modules are given here too, for the
command modules.

The command line imports only typer, rich and pitchkit's light modules
(errors, messages, i18n) when it starts, so ``--version``, ``--help`` and
shell completion answer at once; each command imports the core it needs
when it runs (see docs/performance.md).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from pitchkit.cli.console import (
    Interface,
    JsonMode,
    Verbosity,
    escape,
    fail,
    rich_consoles,
    say,
    speak,
    stopped,
    warn,
    words,
)
from pitchkit.cli.options import QUIET_HELP, QuietOpt, VerboseOpt
from pitchkit.cli.running import (
    COLLECTS_LATER,
    JSON_COMMANDS,
    Terminal,
    UserDefaults,
    apply_user_defaults,
    asked_language,
    check_stdout,
    emit_error_json,
    load_project,
    report_folder,
    report_written,
    run_guarded,
)

__all__ = [
    "COLLECTS_LATER",
    "JSON_COMMANDS",
    "Interface",
    "JsonMode",
    "Terminal",
    "UserDefaults",
    "Verbosity",
    "app",
    "apply_user_defaults",
    "asked_language",
    "check_stdout",
    "emit_error_json",
    "emit_json",
    "err_console",
    "escape",
    "fail",
    "load_project",
    "out_console",
    "report_folder",
    "report_written",
    "say",
    "speak",
    "stopped",
    "user_errors",
    "warn",
    "warn_about_template",
    "words",
]


def _no_type_for_flags() -> None:
    """Show no type beside an on/off flag in ``--help`` (typer 0.29 writes ``<bool>``).

    A flag takes no value, so ``--pdf <bool>`` would read as if one were needed.
    """
    from typer.core import TyperOption

    shown = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag and self.metavar is None else shown(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_no_type_for_flags()

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

out_console, err_console = rich_consoles()

F = TypeVar("F", bound=Callable[..., Any])


def emit_json(document: dict[str, Any]) -> None:
    """Print the command's one JSON object on standard output."""
    from pitchkit.api.json_output import dumps

    typer.echo(dumps(document))


def user_errors(command: F) -> F:
    """Turn PitchkitErrors into one-line red messages and exit code 1.

    The command starts out speaking the language of its ``--locale`` (Welsh
    for ``--bilingual``), or English, until it reads the facts file's. Its
    ``--quiet`` and ``--verbose`` (declared once, in
    :mod:`pitchkit.cli.options`) are added to its options and taken here.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        code = run_guarded(command.__name__, command, args, kwargs)
        if code:
            raise typer.Exit(code)

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
