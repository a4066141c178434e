"""The pitchkit command line: thin commands that call the core and report.

Each module holds the commands for one job; importing them registers the
commands on :data:`app`.
"""

from pitchkit.cli import batch, config, notes, plan, start, templates
from pitchkit.cli.common import app
from pitchkit.cli.notes import demo_facts

__all__ = ["app", "batch", "config", "demo_facts", "main", "notes", "plan", "start", "templates"]


def main() -> None:
    """Entry point for the ``pitchkit`` console script."""
    app(prog_name="pitchkit")
