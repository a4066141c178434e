"""The statements a one-page note shows, in the order it shows them.

Recast chooses them (:attr:`pitchkit.recast.pitch.Pitch.chosen`); the note
orders them by the money each has delivered, which only the progress log
can tell, so the order is worked out here, above the update's reading of
the log, not in recast (which the update builds on).
"""

from __future__ import annotations

from typing import NamedTuple

from pitchkit.recast.pitch import Pitch, Statement


def shown_statements(pitch: Pitch) -> tuple[Statement, ...]:
    """The few statements a one-page note shows, the one to keep longest first.

    Ordered by :func:`by_money`: the note leads with them in this order and
    a page too full cuts them from the last.
    """
    return by_money(pitch.chosen, pitch)


class MoneyShown(NamedTuple):
    """What a statement's impact is worth, for ranking the note's statements."""

    #: Delivered so far, by the log: the count since the change, when its chart shows it,
    #: at the impact's restated unit cost.
    delivered: float
    #: A year's money in the plan, when the log does not contradict it (no log, a log too
    #: young to tell, or one that bears the plan out).
    planned: float
    #: A year's money in the plan, contradicted by the log or not.
    planned_any: float


def money_shown(statement: Statement, pitch: Pitch) -> MoneyShown:
    """What ``statement``'s impact is worth, delivered and planned (:class:`MoneyShown`).

    Nothing for an impact that adds spend, nor for one whose money another
    impact's already holds.
    """
    ledger = pitch.ledger
    line = ledger.line(statement.impact.id) if ledger is not None else None
    if ledger is None or line is None or not line.counted or line.annual <= 0:
        return MoneyShown(0.0, 0.0, 0.0)
    facts = pitch.facts
    if ledger.today is None or not facts.ended_periods(ledger.today):
        return MoneyShown(0.0, line.annual, line.annual)
    # Imported here: the update package builds on the notes that import this module.
    from pitchkit.notes.update.actuals import shown_so_far, standing

    found = shown_so_far(ledger, facts, statement.impact.id)
    delivered = 0.0
    if found is not None and found.delivered and line.restated_cost:
        delivered = max(0.0, found.delivered * line.restated_cost)
    contradicted = standing(ledger, facts, statement.impact.id) is not None
    return MoneyShown(delivered, 0.0 if contradicted else line.annual, line.annual)


def by_money(shown: tuple[Statement, ...], pitch: Pitch) -> tuple[Statement, ...]:
    """``shown`` by objective, the bullet to keep longest first (newuser35 #1).

    A bullet on one of the director's own objectives comes before one on a
    lens's default objective; then the money its impacts delivered so far, by
    the log, largest first; then the money in the plan, largest first, of
    impacts the log does not contradict (before any figures, all of them);
    then the rest of the plan's money; then the order the statements were
    ranked in. Statements under one objective stay together, in their own
    order. The note leads with the first bullet and a page too full cuts from
    the last, so a finance director is not shown a saving the figures do not
    bear out while the one they do is cut.
    """
    own = {o.id for o in pitch.director.objectives}
    groups: dict[str, list[Statement]] = {}
    for statement in shown:
        groups.setdefault(statement.objective.id, []).append(statement)

    def key(item: tuple[int, list[Statement]]) -> tuple[bool, float, float, float, int]:
        place, members = item
        worth = [
            money_shown(next(s for s in members if s.impact.id == impact_id), pitch)
            for impact_id in dict.fromkeys(s.impact.id for s in members)
        ]
        return (
            members[0].objective.id not in own,
            -round(sum(w.delivered for w in worth)),
            -round(sum(w.planned for w in worth)),
            -round(sum(w.planned_any for w in worth)),
            place,
        )

    ordered = sorted(enumerate(groups.values()), key=key)
    return tuple(s for _place, members in ordered for s in members)
