"""The follow-up progress update for one director, or its fill-in template.

``make_update(project, director)`` takes the latest entry of the progress
log (or the period asked for), works out where each measure stands
(:mod:`pitchkit.notes.update.progress`), what the project has delivered toward this
director's objectives (:mod:`pitchkit.recast.pitch`), draws a chart for each
measure with enough points (:mod:`pitchkit.notes.update.charts`), and fills the update
template. With no entry for the period it makes a fill-in template instead:
everything known filled in, and a short prompt in square brackets wherever
the team still has to write something.

The parts live by stage: :mod:`~pitchkit.notes.update.situation` (the period, its
log entry and the figures), :mod:`~pitchkit.notes.update.entry` (status, headline,
what was done, score), :mod:`~pitchkit.notes.update.measures` (the table of
measures), :mod:`~pitchkit.notes.update.delivery` (delivery toward the director's
objectives), :mod:`~pitchkit.notes.update.board` (the sentence for the board),
:mod:`~pitchkit.notes.update.spans` (stretches of time in words),
:mod:`~pitchkit.notes.update.charting` (charts and their signals in words) and
:mod:`~pitchkit.notes.update.fillin` (the prompts of the fill-in template). This
module puts them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pitchkit.notes.update.making import (
        UpdateInfo,
        make_update,
        update_context,
        update_document_context,
        update_file_name,
    )
    from pitchkit.notes.update.situation import (
        Situation,
        chosen_period,
        default_period,
        situate,
    )

__all__ = [
    "Situation",
    "UpdateInfo",
    "chosen_period",
    "default_period",
    "make_update",
    "situate",
    "update_context",
    "update_document_context",
    "update_file_name",
]

#: Where each of the package's names lives: loaded on first use, so that importing one
#: module of the package (the brief reads the log through ``actuals``) does not load the
#: update's charts and Word rendering (issue 13, tests/test_startup.py).
_HOMES = {
    "Situation": "situation",
    "chosen_period": "situation",
    "default_period": "situation",
    "situate": "situation",
    "UpdateInfo": "making",
    "make_update": "making",
    "update_context": "making",
    "update_document_context": "making",
    "update_file_name": "making",
}


def __getattr__(name: str) -> Any:
    """The package's name ``name``, from the module it lives in (PEP 562)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{home}"), name)
