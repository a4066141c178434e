"""Start pitchkit: ``python -m pitchkit`` and the ``pitchkit`` command.

The command line is imported inside :func:`main`, so that even Ctrl-C in
the first moments, while Python is still loading pitchkit, ends with a
one-line message and exit code 130 rather than a traceback. The same goes
for the moments after loading while typer builds the commands from their
options: from then on click, and then each command, report Ctrl-C
themselves, so a Ctrl-C that reaches :func:`main` came while starting.

pitchkit uses no pydantic plugins, so pydantic is told not to look for any
(``PYDANTIC_DISABLE_PLUGINS``, unless the environment sets it): looking
reads the entry points of every installed package, on every command.
pydantic's own loader is still imported (with ``importlib.metadata``, about
10 ms); standing in for that private module was measured and not kept, as
a newer pydantic could take something else from it.

A plain ``brief`` (its facts file and options written out in full) is run
without typer (:mod:`pitchkit.cli.quick`); any other command line goes to
typer's app.

The garbage collector is off while pitchkit starts: start-up allocates
tens of thousands of objects that live as long as the process and almost
no garbage in cycles, yet the collector would walk them again and again
while they load (about 45 ms of a ``brief``). Each command turns it back
on when its own start-up is over (see :mod:`pitchkit.collector`).

Standard output and error never stop a command over a character they
cannot encode (a ``£`` or ``ŵ`` where the locale's encoding is ASCII or
Latin-1, as with ``PYTHONIOENCODING=ascii`` or ``LC_ALL=C`` with
``PYTHONUTF8=0``): it is printed as a backslash escape, as Python already
does on standard error, instead of ending the command with a traceback
after the note was written.

When the command is over (click ends it with :class:`SystemExit`), every
object still alive is moved out of the garbage collector's sight
(:func:`gc.freeze`) before Python exits. Otherwise the collector walks
them all once more on the way out, just to find them still alive: about
0.15-0.2 s after a batch, whose caches hold many small objects. Nothing
is left to flush by then: each command writes, flushes and closes its
files before it returns, Python still runs every exit handler and flushes
the standard streams, and objects are still freed as usual; only a
reference cycle left unreachable at exit is no longer collected, which
the exit itself then ends.
"""

from __future__ import annotations

import gc
import os
import sys


def no_pydantic_plugins() -> None:
    """Tell pydantic that there are no plugins, unless the environment says otherwise."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")


def forgiving_streams() -> None:
    """Print what the streams' encoding cannot show as escapes rather than fail on it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="backslashreplace")


def main() -> None:
    """Load the command line and run it."""
    no_pydantic_plugins()
    forgiving_streams()
    try:
        from pitchkit.collector import pause_for_start

        pause_for_start()
        from pitchkit.cli.quick import run

        code = run(sys.argv[1:])
        if code is not None:
            raise SystemExit(code)
        from pitchkit.cli import app

        app(prog_name="pitchkit")
    except SystemExit:
        gc.freeze()
        raise
    except KeyboardInterrupt:
        sys.stderr.write("stopped: interrupted while starting; nothing was written\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
