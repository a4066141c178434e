"""The pitchkit command line: thin commands that call the core and report.

Each module holds the commands for one job; importing them registers the
commands on :data:`app`. They are imported when ``app`` is first asked for,
not with this package: the quick path for a plain ``brief``
(:mod:`pitchkit.cli.quick`) lives here too and runs without typer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pitchkit.cli.common import app
    from pitchkit.cli.notes import demo_facts

#: The modules that register commands on :data:`app`.
COMMAND_MODULES = ("batch", "config", "notes", "plan", "start", "templates")

__all__ = ["COMMAND_MODULES", "app", "demo_facts", "main"]


def __getattr__(name: str) -> Any:
    """``app`` with every command registered, and ``demo_facts``, loaded when first asked for."""
    if name in {"app", "demo_facts"}:
        for module in COMMAND_MODULES:
            importlib.import_module(f"pitchkit.cli.{module}")
        from pitchkit.cli import common, notes

        return common.app if name == "app" else notes.demo_facts
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point for the ``pitchkit`` console script."""
    __getattr__("app")(prog_name="pitchkit")
