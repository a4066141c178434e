"""Start pitchkit: ``python -m pitchkit`` and the ``pitchkit`` command.

The command line is imported inside :func:`main`, so that even Ctrl-C in
the first moments, while Python is still loading pitchkit, ends with a
one-line message and exit code 130 rather than a traceback. The same goes
for the moments after loading while typer builds the commands from their
options: from then on click, and then each command, report Ctrl-C
themselves, so a Ctrl-C that reaches :func:`main` came while starting.

pitchkit uses no pydantic plugins, so pydantic is told not to look for any
(``PYDANTIC_DISABLE_PLUGINS``, unless the environment sets it): looking
reads the metadata of every installed package, on every command.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Load the command line and run it."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from pitchkit.cli import app

        app(prog_name="pitchkit")
    except KeyboardInterrupt:
        sys.stderr.write("stopped: interrupted while starting; nothing was written\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
