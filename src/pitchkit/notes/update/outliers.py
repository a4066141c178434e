"""Figures far outside their measure's others: a typo, most likely (1,740 typed for 174).

A progress log's figure more than three times the largest of its measure's
others (with its baseline and target), or under a third of the smallest, is
named where it is written: a spreadsheet's cell, or the facts file's
``updates[].measures`` at its ``file:line:col``. It is still used as it
stands; ``update`` says so again beside "Wrote ...". Kept apart from the
spreadsheet reader so a brief whose facts file holds the log loads only this.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from pitchkit.errors import PitchkitError
from pitchkit.facts.schema import Facts, logged_factor
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import N_
from pitchkit.period import Period, parse_period

if TYPE_CHECKING:
    from pitchkit.facts.project import Project
    from pitchkit.notes.update.measuresheet import MeasureSheet

#: A figure more than this many times the largest of its measure's other figures (with
#: its baseline and target), or under the smallest divided by it, is named as a likely typo.
FAR_OUTSIDE = 3


_ABOVE = N_(
    "{figure} for {measure} in {period} is more than 3 times the largest of its "
    "other figures, baseline and target ({other}): a typo? It is used as it stands"
)
_BELOW = N_(
    "{figure} for {measure} in {period} is under a third of the smallest of its "
    "other figures, baseline and target ({other}): a typo? It is used as it stands"
)


_USED_IN_SHEET = N_(
    "the update uses {figure} for {measure} in {period} as it stands. If it is a typo, "
    "correct the cell and run update again with --force to replace the update."
)
_USED_IN_FACTS = N_(
    "the update uses {figure} for {measure} in {period} as it stands. If it is a typo, "
    "correct it in the facts file and run update again with --force to replace the update."
)


def used_far_outside(warnings: Iterable[object], when: Period) -> list[Located]:
    """For an update of ``when``: each of :func:`far_outside`'s figures that it prints.

    The warning comes when the spreadsheet is read, before anything else is
    said; said again last, beside "Wrote ...", with what to do, the lead
    sees that 1,740 admissions typed for 174 went to the sponsor (newuser29 #2).
    """
    found: list[Located] = []
    for warning in warnings:
        if not isinstance(warning, Located) or not isinstance(warning.message, Message):
            continue
        if warning.message.text not in (_ABOVE, _BELOW):
            continue
        period = warning.message.args["period"]
        try:
            start = parse_period(str(getattr(period, "value", period))).start
        except PitchkitError:
            continue
        if when.start <= start <= when.end:
            args = warning.message.args
            # A cell is named as a Message ("row 3: column ..."); the facts file as file:line:col.
            text = _USED_IN_FACTS if isinstance(warning.where, str) else _USED_IN_SHEET
            found.append(
                Located(
                    warning.where,
                    Message(text, figure=args["figure"], measure=args["measure"], period=period),
                )
            )
    return found


#: Where ``updates[entry].measures[impact]`` is written in the facts file (``file:line:col``).
FactsPlace = Callable[[int, str], str]


def far_outside(
    facts: Facts, sheet: MeasureSheet | None, place: FactsPlace | None = None
) -> list[Located]:
    """A warning for each figure far outside the rest of its measure's: a typo, most likely.

    2310 typed for 231 in a log whose other figures run from 262 to 441
    (baseline 420, target 150) passed without a word (newuser27 #6). A figure
    more than :data:`FAR_OUTSIDE` times the largest of the measure's other
    figures, its baseline and its target, or under a third of the smallest of
    them, is named at its row and column; it is still used as it stands. Only
    figures for periods of the same length are compared (a quarter's total is
    not a month's), the baseline and target only when the period is the one
    they are given for; a measure with a figure, baseline or target of zero or
    below is not checked on the low side, nor one of fewer than three figures
    besides its baseline and target.

    The spreadsheet's figures are checked, and with ``place`` the facts file's
    ``updates[].measures`` too, named at their ``file:line:col``: 1,740 typed
    there is as likely a slip as in a cell. Where both give a figure for the
    same period and measure, the facts file's is the one compared, as it is
    the one used.
    """
    from pitchkit.i18n.messages import Worded
    from pitchkit.period import PER_MONTHS

    impacts = {impact.id: impact for impact in facts.impacts}
    series: dict[tuple[str, float], dict[str, float]] = {}

    def months(period: str) -> float | None:
        try:
            return parse_period(period).months
        except PitchkitError:
            return None

    def add(impact_id: str, period: str, value: float | None) -> None:
        length = months(period)
        if value is None or length is None or impact_id not in impacts:
            return
        scaled = value * logged_factor(impacts[impact_id], period)
        series.setdefault((impact_id, length), {}).setdefault(period, scaled)

    # Each figure to check: its measure, period, figure as written and where it is written.
    checked: list[tuple[str, str, float, Renderable | str]] = []
    for entry, update in enumerate(facts.updates):
        for impact_id, value in update.measures.items():
            add(impact_id, update.period, value)
            if place is not None and value is not None:
                checked.append((impact_id, update.period, value, place(entry, impact_id)))
    for figure in sheet.figures if sheet is not None else ():
        add(figure.impact, figure.period, figure.value)
        if figure.value is not None and sheet is not None:
            from pitchkit.facts.tabular import cell_place  # only with a spreadsheet

            cell = cell_place(sheet.path, figure.row, figure.column)
            checked.append((figure.impact, figure.period, figure.value, cell))
    found: list[Located] = []
    for impact_id, written, figure_value, where in checked:
        impact = impacts.get(impact_id)
        length = months(written)
        if impact is None or length is None:
            continue
        values = series.get((impact.id, length), {})
        others = [value for period, value in values.items() if period != written]
        if len(others) < 3:
            continue
        if impact.per is None or PER_MONTHS[impact.per] == length:
            others += [float(impact.baseline), float(impact.target)]
        factor = logged_factor(impact, written)
        value = figure_value * factor
        largest, smallest = max(others), min(others)
        shown = {
            "figure": Worded(fmt.number, figure_value),
            "measure": impact.id,
            "period": Worded(fmt.period_label, written),
        }
        if largest > 0 and value > FAR_OUTSIDE * largest:
            message = Message(_ABOVE, other=Worded(fmt.number, largest / factor), **shown)
        elif smallest > 0 and 0 <= value < smallest / FAR_OUTSIDE:
            message = Message(_BELOW, other=Worded(fmt.number, smallest / factor), **shown)
        else:
            continue
        found.append(Located(where, message))
    return found


def facts_place(project: Project) -> FactsPlace:
    """Where ``project``'s facts file writes ``updates[entry].measures[impact]``."""
    source = project.loaded.source
    return lambda entry, impact: source.where(("updates", entry, "measures", impact))
