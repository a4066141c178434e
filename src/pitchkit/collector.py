"""The garbage collector while pitchkit starts, and turning it back on.

Starting allocates tens of thousands of objects that live as long as the
process (modules, classes, typer's commands, pydantic's models and
schemas) and almost no garbage in cycles, yet the garbage collector walks
them again and again while they load. So :func:`pitchkit.__main__.main`
turns it off while pitchkit starts (:func:`pause_for_start`), and each
command turns it back on (:func:`collect_again`) once its own start-up is
over: most commands before they begin, a batch once its first note is
made, just before it forks its workers; ``brief`` and ``update``, which
make one note and end, never (a brief leaves about 1,400 objects in
cycles uncollected, under 1 MB, freed when the process ends).
"""

from __future__ import annotations

import gc


class _Start:
    """Whether the collector is off because pitchkit's start turned it off."""

    paused = False


def pause_for_start() -> None:
    """Turn the collector off while pitchkit starts."""
    if gc.isenabled():
        gc.disable()
        _Start.paused = True


def collect_again() -> None:
    """Turn the collector back on if pitchkit's start turned it off.

    What is alive by now (modules, classes, the command line, and for a
    batch the compiled template and the work its notes share) lives as
    long as the process, so it is frozen out of the collector's sight
    first (:func:`gc.freeze`): collections walk only what is made after,
    and worker processes forked after it never touch those objects' pages
    for the collector. Where pitchkit did not turn the collector off (run
    inside another program, or under test), nothing changes.
    """
    if _Start.paused:
        _Start.paused = False
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
