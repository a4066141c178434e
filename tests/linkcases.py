"""One impact linked to one objective, for the linker's rule-by-rule tests."""

from __future__ import annotations

from pitchkit.facts.schema import Impact, Objective
from pitchkit.recast.align import Link, link
from pitchkit.recast.lenses import all_lenses


def linked(
    measure: str,
    text: str,
    *,
    unit: str = "count",
    baseline: float = 10,
    target: float = 5,
) -> Link | None:
    """The link pitchkit finds from an impact measuring ``measure`` to the objective ``text``.

    The impact falls from ``baseline`` to ``target`` unless told otherwise (the direction
    matters where an objective says which way it wants its measure to move); the director
    reads through the general lens.
    """
    impact = Impact(id="i", measure=measure, unit=unit, baseline=baseline, target=target)
    return link(impact, Objective(id="o", text=text), director_id="d", lens=all_lenses()["general"])
