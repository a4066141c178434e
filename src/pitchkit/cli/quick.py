"""A plain ``pitchkit brief`` or ``batch``, parsed and run without typer, rich or pydantic.

typer with its pydantic-based option coercion, click and rich take about
60-70 ms to load and parse (pydantic itself about as much again, now that
the facts do without it), more than the rest of a ``brief``'s start-up
beyond what a bare docxtpl script loads (see docs/performance.md). Most
briefs and batches are given in the plainest way: the command, its facts
file and options each written out in full with its value in the next
word. :func:`parse` reads exactly that, from the options as declared in
:mod:`pitchkit.cli.flags`, and declines everything else: ``--help``, an
unknown or repeated option, ``--opt=value``, short options run together,
a value that starts with ``-`` or is empty, a number written any other
way than plainly, ``--``, a second argument, no facts file, ``--json``,
shell completion. A declined command line is run by typer as before, so
every usage error and the help read exactly as they did.

What the quick path runs is what typer's command runs:
:func:`pitchkit.cli.running.run_guarded` around
:func:`pitchkit.cli.briefing.run_brief` or
:func:`pitchkit.cli.batching.run_batch`, so messages, warnings and exit
codes are the same (``tests/test_cli_quick.py`` compares the two).
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from typing import Any

from pitchkit.cli.flags import BATCH, BRIEF, Flag, Positional, iso_day

#: Set by the shell while it asks for completions: typer answers those.
COMPLETION_VARIABLE = "_PITCHKIT_COMPLETE"
#: Options the quick path leaves to typer (their output is JSON, printed by click).
LEFT_TO_TYPER = frozenset({"as_json"})
#: The commands run quickly, with their parameters.
COMMANDS = {"brief": BRIEF, "batch": BATCH}
#: A number as the quick path takes it: digits, not starting with 0.
_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def parse(argv: list[str]) -> dict[str, Any] | None:
    """The command's parameters from ``argv`` as typer would give them, or ``None`` to let typer.

    ``argv`` is the command line after the program's name.
    """
    if not argv or argv[0] not in COMMANDS or COMPLETION_VARIABLE in os.environ:
        return None
    table = COMMANDS[argv[0]]
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
            if flag.value is int and (
                _NUMBER.fullmatch(value) is None or int(value) < (flag.least or 0)
            ):
                return None
            if flag.choices and value not in flag.choices:
                return None  # typer says which words it takes (a usage error)
            if flag.iso_date and iso_day(value) is None:
                return None  # typer says how to write a day (a usage error)
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
    values: dict[str, Any] = {}
    for parameter, spec in table.items():
        if parameter in given:
            values[parameter] = given[parameter]
        elif isinstance(spec, Flag):
            values[parameter] = False if spec.value is None else spec.default
    return values


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
    """Run a plain ``brief`` or ``batch`` on ``argv``: its exit code, or ``None`` if declined."""
    options = parse(argv)
    if options is None:
        return None
    from pitchkit.cli.running import run_guarded

    command: Callable[..., None]
    if argv[0] == "brief":
        from pitchkit.cli.briefing import run_brief as command
    else:
        from pitchkit.cli.batching import run_batch as command
    try:
        return run_guarded(argv[0], command, (), options)
    except OSError as error:
        if error.errno != errno.EPIPE:
            raise
        # As click does: the reader went away, so say nothing more and exit 1.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
