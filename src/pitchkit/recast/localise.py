"""Lens wording in the reader's language: titles, default objectives and gains.

``lenses.yaml`` is written in English and its readable fields (``title``,
``text``, ``gains``) are extracted into the message catalogs by
``scripts/i18n.py``. Recasting matches words in English, so translation
happens afterwards: :func:`localise_pitch` returns the same pitch with the
lens and any default objectives worded in ``lang``. A director's own
objectives come from the facts file and are left as given.
"""

from __future__ import annotations

from dataclasses import replace

from pitchkit.facts.schema import Objective
from pitchkit.i18n.translation import Language
from pitchkit.recast.lenses import Lens, LensMatch
from pitchkit.recast.pitch import Pitch


def lens_text(text: str, lang: Language) -> str:
    """One piece of lens wording (a title, objective or gain) in ``lang``."""
    return lang.gettext(text)


def localise_lens(lens: Lens, lang: Language) -> Lens:
    """The lens with its title, default objectives, gains and questions in ``lang``."""
    return replace(
        lens,
        title=lens_text(lens.title, lang),
        objectives=tuple(_localise_objective(o, lang) for o in lens.objectives),
        gains=tuple(lens_text(g, lang) for g in lens.gains),
        advice=tuple(lens_text(q, lang) for q in lens.advice),
    )


def localise_pitch(pitch: Pitch, lang: Language) -> Pitch:
    """The pitch with lens wording in ``lang``; numbers and ranking are unchanged.

    Objectives are translated only when they are the lens's defaults (the
    director listed none of their own).
    """
    match: LensMatch = replace(pitch.lens, lens=localise_lens(pitch.lens.lens, lang))
    if pitch.director.objectives:
        return replace(pitch, lens=match)
    worded = {o.id: _localise_objective(o, lang) for o in pitch.objectives}
    statements = tuple(
        replace(s, objective=worded.get(s.objective.id, s.objective)) for s in pitch.statements
    )
    return replace(
        pitch,
        lens=match,
        objectives=tuple(worded[o.id] for o in pitch.objectives),
        statements=statements,
    )


def _localise_objective(objective: Objective, lang: Language) -> Objective:
    """A default objective with its text in ``lang``."""
    return objective.model_copy(update={"text": lens_text(objective.text, lang)})
