"""``pitchkit config``: show and change your own defaults.

The settings file itself is read by :mod:`pitchkit.cli.userconfig`; the
defaults it holds are applied to every command in
:func:`pitchkit.cli.common.user_errors`, after the options.
"""

from __future__ import annotations

import shlex
from typing import Annotated

import typer

from pitchkit.cli.common import app, say, user_errors, words
from pitchkit.cli.console import warn
from pitchkit.errors import InputError
from pitchkit.i18n.messages import Located, Message

config_app = typer.Typer(
    help="Your own defaults: template, output folder, language and LibreOffice.",
    invoke_without_command=True,
)
app.add_typer(config_app, name="config", rich_help_panel="Start here")

NameArg = Annotated[
    str,
    typer.Argument(
        help="template, update_template, out, locale or libreoffice.", show_default=False
    ),
]


@config_app.callback()
@user_errors
def show_config(ctx: typer.Context) -> None:
    """Show where your settings file is and what it sets.

    Example: pitchkit config
    """
    if ctx.invoked_subcommand is not None:
        return
    from pitchkit.cli.userconfig import SETTINGS, load_config

    try:
        config = load_config()
    except InputError as error:
        # A broken file must not hide where it is, nor how to mend it.
        from pitchkit.cli.userconfig import UserConfig, config_path

        warn(
            Message(
                "{problem} (edit the file, or remove the setting with pitchkit config unset NAME)",
                problem=error.text,
            )
        )
        config = UserConfig(config_path(), found=True)
    if config.exists:
        say(Message("Your settings file: {path}", path=config.path))
    else:
        say(Message("You have no settings file yet; it would be {path}", path=config.path))
    for name, meaning in SETTINGS.items():
        value = config.get(name)
        shown = value if value is not None else Message("(not set)")
        say(f"  {name} = {words(shown)}: {words(meaning)}")
    say(Message("Options on the command line always win over these."))
    say(
        Message(
            "Change one with: pitchkit config set NAME VALUE (or unset NAME to remove it)",
        )
    )


@config_app.command("set")
@user_errors
def set_config(
    name: NameArg,
    value: Annotated[str, typer.Argument(help="The value to keep.", show_default=False)],
) -> None:
    """Keep a default in your settings file.

    Example: pitchkit config set template ~/Documents/house-brief.docx
    """
    _change(name, value)


@config_app.command("unset")
@user_errors
def unset_config(name: NameArg) -> None:
    """Remove a default from your settings file.

    Example: pitchkit config unset template
    """
    _change(name, None)


def _change(name: str, value: str | None) -> None:
    """Write the settings file with ``name`` changed, checking the result first."""
    import tempfile
    from pathlib import Path

    from pitchkit.cli.userconfig import (
        EXAMPLES,
        PATH_SETTINGS,
        config_path,
        load_config,
        path_problem,
        set_value,
    )
    from pitchkit.output.files import write_atomic

    path = config_path()
    text = set_value(path, name, value)
    if value is not None and not value.strip():
        raise InputError(
            Located(
                name,
                Message(
                    "give a value, such as: pitchkit config set {name} {example} "
                    "(or pitchkit config unset {name} to remove it)",
                    name=name,
                    example=shlex.quote(EXAMPLES[name]),
                ),
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        # The value alone first: a value pitchkit would refuse is refused now, not on next use.
        trial = Path(folder) / "config.toml"
        trial.write_text(set_value(trial, name, value) if value is not None else "", "utf-8")
        try:
            alone = load_config(trial)
        except InputError as error:
            # The trial file is pitchkit's own: name the setting the user gave, not that file.
            why = error.text.message if isinstance(error.text, Located) else error.text
            raise InputError(Located(name, why)) from None
        if value is not None and name in PATH_SETTINGS:
            alone.path = path  # a relative path is read from the real file's folder
            problem = path_problem(name, alone.path_for(name) or Path(value))
            if problem is not None:
                raise InputError(
                    Located(name, Message("{value}: {problem}", value=value, problem=problem))
                )
        # The whole file next: a line broken before this change is reported, not a block
        # to mending it (``config unset`` must work on a file with a bad line elsewhere).
        trial.write_text(text, encoding="utf-8")
        try:
            load_config(trial)
        except InputError as error:
            why = error.text.message if isinstance(error.text, Located) else error.text
            line = str(error.text.where) if isinstance(error.text, Located) else ""
            place = line.replace(str(trial), str(path)) if line else str(path)
            remaining: Located | None = Located(place, why)
        else:
            remaining = None
    write_atomic(path, text.encode("utf-8"), force=True)
    if remaining is not None:
        warn(
            Message(
                "{problem} (the settings file still has this to fix)",
                problem=remaining,
            )
        )
    if value is None:
        say(Message("Removed {name} from {path}", name=name, path=path))
    else:
        say(
            Message(
                "Set {name} = {value} in {path}",
                name=name,
                value=shlex.quote(value) if " " in value else value,
                path=path,
            )
        )
