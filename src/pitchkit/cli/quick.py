"""A plain ``pitchkit brief``, parsed and run without loading typer, rich or pydantic's adapters.

typer with its pydantic-based option coercion, click and rich take about
60-70 ms to load and parse, more than the rest of a ``brief``'s start-up
beyond what a bare docxtpl script loads (see docs/performance.md). Most
briefs are given in the plainest way: ``brief FACTS`` and options each
written out in full with its value in the next word. :func:`parse` reads
exactly that, from the options as declared in :mod:`pitchkit.cli.flags`,
and declines everything else: ``--help``, an unknown or repeated option,
``--opt=value``, short options run together, a value that starts with
``-`` or is empty, ``--``, a second argument, no facts file, ``--json``,
shell completion. A declined command line is run by typer as before, so
every usage error and the help read exactly as they did.

What the quick path runs is what typer's ``brief`` runs:
:func:`pitchkit.cli.running.run_guarded` around
:func:`pitchkit.cli.briefing.run_brief`, so messages, warnings and exit
codes are the same (``tests/test_cli_quick.py`` compares the two).
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

from pitchkit.cli.flags import BRIEF, Flag, Positional

#: Set by the shell while it asks for completions: typer answers those.
COMPLETION_VARIABLE = "_PITCHKIT_COMPLETE"
#: Options the quick path leaves to typer (their output is JSON, printed by click).
LEFT_TO_TYPER = frozenset({"as_json"})


def parse(argv: list[str], table: dict[str, Flag | Positional] = BRIEF) -> dict[str, Any] | None:
    """``brief``'s parameters from ``argv`` as typer would give them, or ``None`` to let typer.

    ``argv`` is the command line after the program's name.
    """
    if not argv or argv[0] != "brief" or COMPLETION_VARIABLE in os.environ:
        return None
    by_name = {
        name: (parameter, flag)
        for parameter, flag in table.items()
        if isinstance(flag, Flag) and parameter not in LEFT_TO_TYPER
        for name in flag.names
    }
    places = [parameter for parameter, flag in table.items() if isinstance(flag, Positional)]
    given: dict[str, Any] = {}
    words = iter(argv[1:])
    for word in words:
        if not _plain_word(word):
            return None
        if word.startswith("-"):
            found = by_name.get(word)
            if found is None or found[0] in given:
                return None
            parameter, flag = found
            if flag.value is None:
                given[parameter] = True
                continue
            value = next(words, None)
            if value is None or not _plain_word(value) or value.startswith("-"):
                return None
            given[parameter] = flag.value(value)
        else:
            if not places:
                return None
            parameter = places.pop(0)
            spec = table[parameter]
            assert isinstance(spec, Positional)
            given[parameter] = spec.value(word)
    if places:
        return None
    return {
        parameter: given.get(parameter, False if flag.value is None else None)
        for parameter, flag in table.items()
    }


def _plain_word(word: str) -> bool:
    """Whether ``word`` is non-empty text that encodes as UTF-8 (not raw bytes of a file name)."""
    if not word:
        return False
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def run(argv: list[str]) -> int | None:
    """Run a plain ``brief`` given on ``argv``, giving its exit code, or ``None`` if declined."""
    options = parse(argv)
    if options is None:
        return None
    from pitchkit.cli.briefing import run_brief
    from pitchkit.cli.running import run_guarded

    try:
        return run_guarded("brief", run_brief, (), options)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        # As click does: the reader went away, so say nothing more and exit 1.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
