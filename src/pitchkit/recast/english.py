"""The texts pitchkit matches on, in English: the language of the measure map and the lenses.

A facts file may give a text as ``{en: ..., cy: ...}``. Read for a Welsh
note, the Welsh is what the note shows, but linking, role matching and the
money's judgements (cash or capacity, what a unit counts) read the English:
the measure map and the lenses know English words only. So a Welsh note, the
Welsh page of a bilingual note and an English note make the same links and
the same claims from one facts file.

A text given in Welsh only has no English to read: it is matched as written,
which finds shared words at most, never the measure map. ``check`` says so
(:func:`welsh_only`), so the lead can add its ``en:``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pitchkit.facts.schema import Director, Facts, Impact, Objective
from pitchkit.i18n.welsh import reads_as_welsh, says_in_welsh

#: The English views worked out last, by the facts they were made from.
_VIEWS: dict[int, tuple[Facts, Facts]] = {}
_VIEWS_KEPT = 8


def english_of(text: str, english: Mapping[str, str]) -> str:
    """``text``'s English from ``english`` (:attr:`Facts.english`), else ``text`` itself."""
    return english.get(text.strip(), text)


def english_impact(impact: Impact, english: Mapping[str, str]) -> Impact:
    """``impact`` with its measure and unit in English, where the facts file gives them."""
    measure, unit = english_of(impact.measure, english), english_of(impact.unit, english)
    if (measure, unit) == (impact.measure, impact.unit):
        return impact
    return impact.model_copy(update={"measure": measure, "unit": unit})


def english_objective(objective: Objective, english: Mapping[str, str]) -> Objective:
    """``objective`` with its text in English, where the facts file gives it."""
    text = english_of(objective.text, english)
    if text == objective.text:
        return objective
    return objective.model_copy(update={"text": text})


def english_director(director: Director, english: Mapping[str, str]) -> Director:
    """``director`` with role, objectives and concerns in English, where the file gives them."""
    if not english:
        return director
    return director.model_copy(
        update={
            "role": english_of(director.role, english),
            "objectives": [english_objective(o, english) for o in director.objectives],
            "concerns": [english_of(c, english) for c in director.concerns],
        }
    )


def in_english(facts: Facts) -> Facts:
    """``facts`` as matching reads them: every text the file gives in English, in English.

    The same object when there is nothing to change (an English note, or a file
    with no ``{en: ..., cy: ...}`` text). Remembered for the last few facts read:
    a batch asks once for every director.
    """
    english = facts.english
    if not english:
        return facts
    known = _VIEWS.get(id(facts))
    if known is not None and known[0] is facts:
        return known[1]
    project = facts.project.model_copy(
        update={"strategy": [english_of(s, english) for s in facts.project.strategy]}
    )
    view = facts.model_copy(
        update={
            "project": project,
            "impacts": [english_impact(i, english) for i in facts.impacts],
            "directors": [english_director(d, english) for d in facts.directors],
        }
    )
    if len(_VIEWS) >= _VIEWS_KEPT:
        _VIEWS.clear()
    _VIEWS[id(facts)] = (facts, view)
    return view


def reads_welsh(text: str) -> bool:
    """Whether ``text`` reads as Welsh, by small words and spelling (:mod:`pitchkit.i18n.welsh`)."""
    return reads_as_welsh(text)


def welsh_project(facts: Facts) -> bool:
    """Whether ``facts`` is a Welsh project: a Welsh locale, Welsh beside English, or Welsh prose.

    The project's own sentences (title, problem, change, asks) are the evidence:
    an English project with one Welsh-looking measure is still English.
    """
    if (facts.settings.locale or "").casefold().startswith("cy") or facts.english:
        return True
    project = facts.project
    prose = [project.title, project.problem, project.change, *facts.asks]
    return any(reads_welsh(text) for text in prose)


def welsh_only(
    facts: Facts, director: Director | None = None
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Texts matching reads in Welsh, for want of an ``en:``: each field's place and text.

    The impacts' measures, and the objectives of ``director`` (or of every
    director), that read as Welsh (:func:`reads_welsh`) with no English beside
    them. In a project with no Welsh elsewhere (:func:`welsh_project`) spelling
    alone is not enough: only a text with Welsh's small words counts.
    """
    english = facts.english
    welsh = reads_welsh if welsh_project(facts) else says_in_welsh
    for index, impact in enumerate(facts.impacts):
        if impact.measure.strip() not in english and welsh(impact.measure):
            yield ("impacts", index, "measure"), impact.measure
    for number, someone in enumerate(facts.directors):
        if director is not None and someone.id != director.id:
            continue
        for index, objective in enumerate(someone.objectives):
            if objective.text.strip() not in english and welsh(objective.text):
                yield ("directors", number, "objectives", index, "text"), objective.text
