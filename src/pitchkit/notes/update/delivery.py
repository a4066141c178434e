"""What the project has delivered toward the director's objectives, impact by impact.

For each impact linked to one of the director's objectives (strongest link
first): the difference from baseline so far (cumulative for a rate, current
for a level), its money value, and its share of the objective's target.
The sentence for the board is made from the same figures in
:mod:`pitchkit.notes.update.board`.

Only what the chart shows is claimed (:mod:`pitchkit.notes.update.claims`): a measure
delivers only once its chart shows special-cause improvement after the
change, counted from the change against the baseline mean; otherwise the
row says that no change can be told apart from normal variation yet, and
how many more figures would show one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_, Language
from pitchkit.notes import wording
from pitchkit.notes.context import Context, worse_cash_text
from pitchkit.notes.moneytext import freed_words, org_for, org_own
from pitchkit.notes.shown import money_shown, shown_statements
from pitchkit.notes.update import aim, fillin, spans
from pitchkit.notes.update.actuals import (
    forecast_as_reported,
    forecast_in_year,
    shown_count,
    too_early_count,
    whole,
    young_worse,
)
from pitchkit.notes.update.claims import Claim, better_text, isolated_periods, worsening
from pitchkit.notes.update.measures import (
    amount_text,
    averaged_over,
    beside_text,
    level_mean,
    mean_text,
    shown_unit,
)
from pitchkit.notes.update.progress import MeasureProgress, is_money
from pitchkit.notes.update.situation import Situation
from pitchkit.pounds import is_pounds
from pitchkit.recast.money import (
    Ledger,
    adds_spend,
    default_releases,
    fy_bounds,
    fy_label,
    quantum_for,
    round_money,
    shown_cost,
    target_year,
)
from pitchkit.recast.pitch import (
    Pitch,
    Quantity,
    Statement,
    capacity_against_cash,
    figures_held,
    money_target,
    share_of_target,
)

#: At most this many rows of delivery toward the director's objectives.
MAX_DELIVERED = 4
#: At most this many rows in a fill-in template, which also lists objectives to report on.
MAX_FILL_IN = 6


def progress_for(situation: Situation, impact_id: str) -> MeasureProgress:
    """The progress of the impact with ``impact_id``, its delivery as its chart allows.

    A count's delivery is what :func:`claimed` makes of it: nothing unless
    the chart shows improvement, and then only from the change on.
    """
    progress = next(p for p in situation.progress if p.impact.id == impact_id)
    return claimed(progress, situation.claims[impact_id])


def claimed(progress: MeasureProgress, claim: Claim) -> MeasureProgress:
    """``progress`` with its delivery replaced by the claim's (``None`` when not shown)."""
    if progress.impact.per is None:
        return progress
    money = claim.money
    value = progress.impact.value
    if (
        money is not None
        and claim.delivered is not None
        and progress.restated_value is not None
        and value is not None
    ):
        # Priced at the briefing note's prices, on the count the update shows (18 events, not
        # the 17.7 they were worked out as) and the unit cost the note's small print shows
        # (£221, not the £221.14 it was restated as), so that a finance director's
        # 358 x £221 is the money the update gives.
        cost = shown_cost(progress.restated_value, value.amount)
        money = shown_count(claim.delivered) * cost
    return replace(progress, delivered=claim.delivered, delivered_money=money)


def average_before(claim: Claim, lang: Language) -> str | None:
    """``below 119 shifts``: the log's average before the change that a countdown counts against.

    A countdown ("3 more months in a row better than the baseline could show
    one") is tried out against the log's mean before the change when it has
    one (:func:`.claims._needed`), while the table beside it shows the facts'
    baseline: 119 against 118 agency shifts, two baselines for one measure
    (fixread31a #1). The words then name the mean they count against; ``None``
    when the count is against the facts' baseline, which the table shows.
    """
    direction = claim.impact.direction
    if claim.reference is None or direction not in ("lower", "higher"):
        return None
    mean = mean_text(claim.reference, claim.impact, lang)
    if direction == "lower":
        return lang.gettext("below {average}").format(average=mean)
    return lang.gettext("above {average}").format(average=mean)


def not_shown_text(claim: Claim, situation: Situation) -> str:
    """No change told apart from normal variation yet, and how many more figures would show one.

    A measure whose chart shows it getting worse says so instead, and promises nothing.
    """
    lang = situation.lang
    if claim.since is None:
        return lang.gettext("the change has not taken effect yet, so there is nothing to count")
    if worsening(claim):
        return lang.gettext(
            "worse than at the baseline: its chart shows a change the wrong way (concern), so "
            "there is no improvement to count"
        )
    kind = claim.points[-1].period.kind if claim.points else situation.run.kind
    if sparse(claim):
        # A survey every third month of a monthly log: each more figure is a survey, not a
        # month, so "4 more months" would promise the answer a year too soon.
        more = lang.ngettext("{n} more figure", "{n} more figures", claim.needed)
    elif kind == "quarter":
        more = lang.ngettext("{n} more quarter", "{n} more quarters", claim.needed)
    elif kind == "year":
        more = lang.ngettext("{n} more year", "{n} more years", claim.needed)
    else:
        more = lang.ngettext("{n} more month", "{n} more months", claim.needed)
    # Counted against the log's average before the change, the words say so and give it.
    beyond = average_before(claim, lang)
    if (better := isolated_periods(claim)) and beyond is not None:
        return lang.gettext(
            "{better}, not yet a sustained change; {more} in a row {beyond}, the average "
            "before the change, could show one (a shift)"
        ).format(
            better=better_text(better, lang, figures=sparse(claim)),
            more=more.format(n=claim.needed),
            beyond=beyond,
        )
    if better:
        # A point or two past the limits the better way, among figures at the old level: a
        # signal about those points, not a new level, so nothing delivered (newuser13 #1).
        return lang.gettext(
            "{better}, not yet a sustained change; {more} in a row better than the baseline "
            "could show one (a shift)"
        ).format(
            better=better_text(better, lang, figures=sparse(claim)),
            more=more.format(n=claim.needed),
        )
    if claim.analysis.kind == "none" and _priced(claim, situation) and young_worse(claim):
        # Too few figures for a chart, but every one no better than the baseline: the
        # finance director's forecast counts nothing for it, and the row says so in the
        # same words, not the plan's full rate (newuser10 #3).
        return lang.ngettext(
            "too few figures yet to tell a change from normal variation ({n} so far; a chart "
            "needs {needs}), but it is no better than the baseline, so no money is forecast "
            "for it until a figure is",
            "too few figures yet to tell a change from normal variation ({n} so far; a chart "
            "needs {needs}), but none is better than the baseline, so no money is forecast "
            "for it until they are",
            claim.analysis.count,
        ).format(n=claim.analysis.count, needs=claim.analysis.rules.min_run_points)
    ledger = situation.pitch.ledger
    line = ledger.line(claim.impact.id) if ledger is not None else None
    if (
        line is not None
        and line.counted
        and (worse := worse_cash_text(situation.pitch, line, lang))
    ):
        # Income below the baseline (or spend above it): the brief's finance block says none of
        # its money is forecast, and the row says so in the same words (newuser33 N3), not
        # "no change can be told apart" as if the figures were only waiting.
        return worse
    if claim.analysis.kind == "none" and _priced(claim, situation):
        # The finance director's forecast counts nothing for the months its figures cover
        # and the plan's full rate for the rest of the year, until a chart can tell: said
        # here in the same words, with how many figures there are (newuser32 #3), and the
        # figure (newuser32 #7: "forecast" with no £ anywhere on the page).
        # The forecast itself is not said here: a forecast is what is expected, never what
        # is delivered, so it is said after the table (:func:`expected_line`; fixupd25a #1).
        if beyond is not None:
            return lang.gettext(
                "too few figures yet to tell a change from normal variation ({n} so far; a "
                "chart needs {needs}), so no money is counted yet; {more} {beyond}, the "
                "average before the change, could show one"
            ).format(
                n=claim.analysis.count,
                needs=claim.analysis.rules.min_run_points,
                more=more.format(n=claim.needed),
                beyond=beyond,
            )
        return lang.gettext(
            "too few figures yet to tell a change from normal variation ({n} so far; a chart "
            "needs {needs}), so no money is counted yet; {more} better than the baseline could "
            "show one"
        ).format(
            n=claim.analysis.count,
            needs=claim.analysis.rules.min_run_points,
            more=more.format(n=claim.needed),
        )
    if claim.analysis.kind == "none":
        # Too few figures for any chart: nothing has been told apart from anything yet, and
        # the row must not read as if the figures looked like normal variation.
        if beyond is not None:
            return lang.gettext(
                "too few figures yet to tell a change from normal variation; {more} {beyond}, "
                "the average before the change, could show one"
            ).format(more=more.format(n=claim.needed), beyond=beyond)
        return lang.gettext(
            "too few figures yet to tell a change from normal variation; {more} better than "
            "the baseline could show one"
        ).format(more=more.format(n=claim.needed))
    early_count = too_early_count(situation.pitch.ledger, situation.facts, claim.impact.id)
    if early_count is not None:
        # The brief's reason, from the same reader (actuals.too_early_count, which the
        # brief's early_text reads): too few figures since the change for a shift, said so
        # here too, not "since before the change" or "no change" (newuser33 N2).
        _, needs, _ = early_count
        # Counted up to the period reported, not to the last figure logged: September's
        # update said "5 figures since the change" as November's did (pins4).
        count = sum(
            1
            for p in claim.points
            if p.value is not None and claim.since is not None and p.period >= claim.since
        )
        # The countdown says what it counts: the months from the latest figure on, to the one
        # that could show the change, and the chart by its kind, as its method line names it
        # (newuser38 #2: "2 figures since the change, where a chart needs 6 in a row ...; 6 more
        # months ..." read as a sum, 6 - 2, that does not add up).
        latest = next((p for p in reversed(claim.points) if p.value is not None), None)
        if latest is None or claim.needed <= 0:
            until = None
        else:
            until = latest.period
            for _ in range(claim.needed):
                until = until.following()
        values = {"n": count, "needs": needs, "more": more.format(n=claim.needed)}
        # Its forecast, if any, is said after the table (:func:`expected_line`).
        if beyond is not None:
            values["beyond"] = beyond
        if until is not None and latest is not None:
            values |= {
                "latest": fmt.period_label(latest.period.text, lang),
                "until": fmt.period_label(until.text, lang),
            }
        if until is not None and latest is not None and beyond is not None:
            if claim.analysis.kind == "xmr":
                return lang.ngettext(
                    "too early to count so far: {n} figure since the change, where an XmR chart "
                    "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                    "(to {until}) {beyond}, the average before the change, could show one",
                    "too early to count so far: {n} figures since the change, where an XmR chart "
                    "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                    "(to {until}) {beyond}, the average before the change, could show one",
                    count,
                ).format(**values)
            return lang.ngettext(
                "too early to count so far: {n} figure since the change, where a run chart "
                "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                "(to {until}) {beyond}, the average before the change, could show one",
                "too early to count so far: {n} figures since the change, where a run chart "
                "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                "(to {until}) {beyond}, the average before the change, could show one",
                count,
            ).format(**values)
        if beyond is not None:
            return lang.ngettext(
                "too early to count so far: {n} figure since the change, where a chart needs "
                "{needs} in a row to show a shift; {more} {beyond}, the average before the "
                "change, could show one",
                "too early to count so far: {n} figures since the change, where a chart needs "
                "{needs} in a row to show a shift; {more} {beyond}, the average before the "
                "change, could show one",
                count,
            ).format(**values)
        if until is not None and latest is not None:
            if claim.analysis.kind == "xmr":
                return lang.ngettext(
                    "too early to count so far: {n} figure since the change, where an XmR chart "
                    "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                    "better than the baseline (to {until}) could show one",
                    "too early to count so far: {n} figures since the change, where an XmR chart "
                    "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                    "better than the baseline (to {until}) could show one",
                    count,
                ).format(**values)
            return lang.ngettext(
                "too early to count so far: {n} figure since the change, where a run chart "
                "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                "better than the baseline (to {until}) could show one",
                "too early to count so far: {n} figures since the change, where a run chart "
                "needs {needs} in a row to show a shift; counting on from {latest}, {more} "
                "better than the baseline (to {until}) could show one",
                count,
            ).format(**values)
        return lang.ngettext(
            "too early to count so far: {n} figure since the change, where a chart needs "
            "{needs} in a row to show a shift; {more} better than the baseline could show one",
            "too early to count so far: {n} figures since the change, where a chart needs "
            "{needs} in a row to show a shift; {more} better than the baseline could show one",
            count,
        ).format(**values)
    last = max((i for i, v in enumerate(claim.analysis.values) if v is not None), default=None)
    early = [
        s
        for s in claim.analysis.signals
        if last in s.points and claim.analysis.began_before_change(s)
    ]
    if early:
        # The chart beside this row shows a trend (an improvement) that began before the
        # change: the row says why it is not counted, in the chart's words (newuser32 #5).
        if beyond is not None:
            return (
                lang.gettext(
                    "falling since before the change began, so not counted as the project's; "
                    "{more} {beyond}, the average before the change, could show a change of its "
                    "own"
                )
                if early[0].direction == "down"
                else lang.gettext(
                    "rising since before the change began, so not counted as the project's; "
                    "{more} {beyond}, the average before the change, could show a change of its "
                    "own"
                )
            ).format(more=more.format(n=claim.needed), beyond=beyond)
        return (
            lang.gettext(
                "falling since before the change began, so not counted as the project's; {more} "
                "better than the baseline could show a change of its own"
            )
            if early[0].direction == "down"
            else lang.gettext(
                "rising since before the change began, so not counted as the project's; {more} "
                "better than the baseline could show a change of its own"
            )
        ).format(more=more.format(n=claim.needed))
    # The countdown names its rule: a shift, of months each better than the baseline
    # (:func:`.claims._needed`), not "4 more months" that only months at the target would
    # make true (newuser39 #8). Counted against the log's average before the change, it
    # names that average, not "the baseline" beside a table that shows another (fixread31a #1).
    if beyond is not None:
        return lang.gettext(
            "no change can be told apart from normal variation yet; {more} in a row {beyond}, "
            "the average before the change, could show one (a shift)"
        ).format(more=more.format(n=claim.needed), beyond=beyond)
    return lang.gettext(
        "no change can be told apart from normal variation yet; {more} in a row better than "
        "the baseline could show one (a shift)"
    ).format(more=more.format(n=claim.needed))


def forecast_pending(claim: Claim, situation: Situation) -> bool:
    """Whether the finance director's forecast has the claim's measure at the plan's full rate.

    The cases :func:`not_shown_text` says "no money is counted yet" of: too few
    figures for a chart, or too few since the change for a shift, for a measure
    that adds money and is not yet no better than (or worse than) the baseline.
    """
    if claim.shown or claim.since is None or worsening(claim) or isolated_periods(claim):
        return False
    if not _priced(claim, situation):
        return False
    if claim.analysis.kind == "none":
        if young_worse(claim):
            return False
        ledger = situation.pitch.ledger
        line = ledger.line(claim.impact.id) if ledger is not None else None
        return not (line is not None and worse_cash_text(situation.pitch, line, situation.lang))
    return too_early_count(situation.pitch.ledger, situation.facts, claim.impact.id) is not None


def expected_line(situation: Situation) -> str:
    """What the forecast expects of measures that have delivered nothing yet, said as expected.

    A row of "Delivered so far" says only what is delivered; a measure whose
    money the forecast takes at the plan's full rate, until its chart can
    tell, is named here, after the table, with the forecast's figure
    (fixupd25a #1: a June draft had "£553,000" under "Delivered so far").
    """
    lang = situation.lang
    items: list[str] = []
    for impact, forecast in _expected(situation):
        measure = wording.in_sentence(wording.apply_terms(impact.measure, situation.terms), lang)
        items.append(
            lang.gettext(
                "{measure}, the rest of the year at the plan's full rate ({forecast})"
            ).format(measure=measure, forecast=forecast)
            if forecast
            else lang.gettext("{measure}, at the plan's full rate").format(measure=measure)
        )
    if not items:
        return ""
    return lang.ngettext(
        "Expected, not yet delivered: {items}. It counts as delivered only once its chart "
        "shows the change.",
        "Expected, not yet delivered: {items}. They count as delivered only once their charts "
        "show the change.",
        len(items),
    ).format(items=fmt.join_list(items, lang))


def _expected(situation: Situation) -> list[tuple[Impact, str]]:
    """The measures :func:`expected_line` names, each with its forecast's figure (or "")."""
    found: list[tuple[Impact, str]] = []
    for impact, _ in chosen_statements(situation):
        progress = progress_for(situation, impact.id)
        claim = situation.claims[impact.id]
        if progress.latest is None:
            if not _priced_id(impact.id, situation):
                continue
            found.append((impact, plan_forecast_text(impact.id, situation)))
        elif forecast_pending(claim, situation):
            found.append((impact, plan_forecast_text(impact.id, situation, worked=True)))
    return found


def expected_impacts(situation: Situation) -> set[str]:
    """The ids of the measures whose money :func:`expected_line` gives."""
    return {impact.id for impact, forecast in _expected(situation) if forecast}


def plan_forecast_text(impact_id: str, situation: Situation, *, worked: bool = False) -> str:
    """``£30,000 for 2026/27``: an impact's part of the finance director's forecast.

    The year under way on the day the update is written, read from the one
    reader the finance block reads (:func:`~.actuals.forecast_in_year`), so
    that an update saying its money "is forecast" gives the brief's figure
    (review23 #3). Empty when no year is under way or the impact adds no money.
    """
    ledger = situation.pitch.ledger
    if ledger is None or ledger.under_way is None or not _priced_id(impact_id, situation):
        return ""
    year = ledger.under_way
    claim = situation.claims.get(impact_id)
    part = (
        forecast_in_year(ledger, situation.facts, impact_id, year, unfigured=True)
        if claim is None
        else forecast_as_reported(ledger, situation.facts, impact_id, year, claim)
    )
    if part is None:
        return ""
    text = situation.lang.gettext("{money} for {year}").format(
        money=wording.worth(part, situation.lang), year=fy_label(year)
    )
    return text + (_plan_working(impact_id, situation, part, year) if worked else "")


def _plan_working(impact_id: str, situation: Situation, part: float, year: int) -> str:
    """``: 274 of the year's 365 days at £736,243 a year``: how the plan's rate gives ``part``.

    The plan's full rate for the rest of a year is counted by days, as the
    brief's years are: a finance director working it by months (29 a month x
    £2,115.64 x 9 = £552,182) would find £553,000 and wonder (reader24 #4), so
    the row says how it is worked. Empty unless the days after the last figure
    logged, at the plan's yearly rate, give ``part`` to the pound.
    """
    ledger, claim = situation.pitch.ledger, situation.claims.get(impact_id)
    line = ledger.line(impact_id) if ledger is not None else None
    if ledger is None or line is None or claim is None or not claim.points:
        return ""
    first, end = fy_bounds(year)
    last = ledger.year_end(year)
    logged = claim.points[-1].period.end
    days = (last - max(logged, first - dt.timedelta(days=1))).days
    length = (end - first).days + 1
    if days <= 0 or days >= length or abs(line.annual * days / length - part) > 0.5:
        return ""
    return situation.lang.gettext(": {days} of the year's {length} days at {annual} a year").format(
        days=days,
        length=length,
        annual=fmt.money(round(line.annual), situation.lang, precision="exact"),
    )


def _priced(claim: Claim, situation: Situation) -> bool:
    """Whether the claim's impact adds money to the project's ledger (counted, worth something)."""
    return _priced_id(claim.impact.id, situation)


def _priced_id(impact_id: str, situation: Situation) -> bool:
    """Whether the impact ``impact_id`` adds money to the project's ledger."""
    ledger = situation.pitch.ledger
    line = ledger.line(impact_id) if ledger is not None else None
    return line is not None and line.counted and line.annual > 0


def sparse(claim: Claim) -> bool:
    """Whether the measure's figures come less often than the log's periods (every third month).

    Read from the gaps between the periods with a figure: sparse when every
    gap is more than one period, so one missing month in a monthly series
    does not make it so.
    """
    filled = [i for i, point in enumerate(claim.points) if point.value is not None]
    gaps = [b - a for a, b in pairwise(filled)]
    return bool(gaps) and min(gaps) > 1


def chosen_statements(situation: Situation) -> list[tuple[Impact, list[Statement]]]:
    """Each linked impact once, strongest first, with the objectives it serves.

    An objective of one financial year is credited only when some of what
    the impact has delivered falls in that year (:func:`year_fraction`):
    the brief's rule (docs/money.md, "The objective's year") applied to
    what was delivered rather than to the project's dates.
    """
    grouped: dict[str, list[Statement]] = {}
    # The links the director's brief shows, no others (reader21 #4): an update never puts a
    # measure under an objective the brief did not set it against.
    shown = shown_statements(situation.pitch)
    for statement in shown:
        if year_fraction(statement, situation) == 0:
            continue
        grouped.setdefault(statement.impact.id, []).append(statement)
    # An impact's row names first the objective whose own thing it measures, as the brief
    # gives its figures there (newuser38 #3).
    held = figures_held(shown)
    for impact_id, members in grouped.items():
        members.sort(key=lambda s: s.objective.id != held.get(impact_id, s.objective.id))
    # A link the lead confirmed (``supports:``) that the brief left out for space is still
    # the measure's: out-of-area bed days confirmed for the cost improvement programme are
    # named beside it, so that objective's row does not read as getting nothing (newuser35 #10).
    # The nearest first (fewest steps from the measure to the objective), as a row names two:
    # agency shifts confirmed for "Reduce agency spend to 3.3% of the pay bill" (one step)
    # came after "Deliver the £32m savings plan" (two) in the links' rank and were cut
    # (newuser39 #11).
    for statement in sorted(situation.pitch.statements, key=_steps):
        group = grouped.get(statement.impact.id)
        if (
            group is not None
            and statement.link.confidence == "explicit"
            and all(s.objective is not statement.objective for s in group)
            and year_fraction(statement, situation) != 0
        ):
            group.append(statement)
    # Then each row leads with the objective nearest its measure, whichever the brief showed:
    # agency shifts name "Reduce agency spend to 3.3% of the pay bill" (one step), the
    # director's own measure of them, before "Deliver the £32m savings plan" (two), which
    # the brief shows first (fixread31a #2).
    for impact_id, members in grouped.items():
        members.sort(
            key=lambda s: (s.objective.id != held.get(impact_id, s.objective.id), _steps(s))
        )
    unmoved = _unmoved_objectives(situation)
    for impact_id, group in grouped.items():
        if not situation.claims[impact_id].shown:
            continue
        # A measure that moved is not credited to an objective whose other measure has not
        # moved yet: "contributing to … the 62-day cancer target" beside a 62-day figure with
        # no change is what a director is challenged on at board (newuser37 #1). A measure
        # linked to nothing else keeps its links, so that what it delivered is still said.
        # A target of money (a CIP) is not one measure's level but a sum of cash: the trust's
        # own cash a measure delivered counts towards it whatever its other measures show,
        # so out-of-area bed days confirmed for the £9.5m CIP keep that row while agency
        # shifts show no change yet (reader28 #1).
        kept = [
            s
            for s in group
            if not unmoved.get(s.objective.text, set()) - {impact_id}
            or (money_target(s.objective) and _own_cash(impact_id, situation))
        ]
        if kept:
            group[:] = kept
    # Ranked as the brief ranks its statements (:func:`~pitchkit.recast.pitch.by_money`): a
    # row on the director's own objective first, then the money delivered so far, then the
    # plan's, then the link's rank. A row that delivered nothing no longer leads one that
    # delivered £727,000 on the same objective (reader25 #4).
    pitch = situation.pitch
    own = {o.id for o in pitch.director.objectives}

    def key(group: list[Statement]) -> tuple[bool, float, float, float, float]:
        worth = money_shown(group[0], pitch)
        return (
            all(s.objective.id not in own for s in group),
            -round(worth.delivered),
            -round(worth.planned),
            -round(worth.planned_any),
            -group[0].rank,
        )

    ordered = sorted(grouped.values(), key=key)
    return [(group[0].impact, group) for group in ordered][:MAX_DELIVERED]


def _steps(statement: Statement) -> int:
    """How many steps the link's chain takes from the measure to the objective (99 if none)."""
    chain = statement.link.chain
    return 99 if chain is None else len(chain.steps)


def _own_cash(impact_id: str, situation: Situation) -> bool:
    """Whether the impact ``impact_id`` adds the trust's own cash to the project's ledger."""
    ledger = situation.pitch.ledger
    line = ledger.line(impact_id) if ledger is not None else None
    return line is not None and line.counted and line.own and line.annual > 0


def _unmoved_objectives(situation: Situation) -> dict[str, set[str]]:
    """The director's objectives with a linked measure whose chart shows no change yet.

    Each objective's text, with the ids of those measures: ones with figures
    from the change on whose chart does not (yet) show an improvement.
    """
    found: dict[str, set[str]] = {}
    for statement in situation.pitch.statements:
        claim = situation.claims.get(statement.impact.id)
        if claim is None or claim.shown or not claim.counted:
            continue
        found.setdefault(statement.objective.text, set()).add(statement.impact.id)
    return found


def out_of_year_impacts(situation: Situation) -> tuple[Impact, ...]:
    """Impacts linked only to objectives of a financial year their delivery falls outside."""
    kept = {s.impact.id for s in situation.pitch.statements if year_fraction(s, situation) != 0}
    linked = {s.impact.id for s in situation.pitch.statements}
    return tuple(i for i in situation.facts.impacts if i.id in linked - kept)


def year_fraction(statement: Statement, situation: Situation) -> float | None:
    """The fraction of what the impact has delivered that falls in its objective's year.

    The year is read as the brief reads it (:func:`pitchkit.recast.money.target_year`:
    ``for 2026/27``, ``by March 2028``). A count's delivery is placed
    period by period from the change on; a level's is where it stands in
    its latest period. ``None`` when the objective names no year or
    nothing has been delivered yet.
    """
    return fraction_in_year(statement.objective, statement.impact.id, situation)


def fraction_in_year(objective: Objective, impact_id: str, situation: Situation) -> float | None:
    """:func:`year_fraction` for one objective and one impact's delivery."""
    year = target_year(objective.text)
    if year is None:
        return None
    first, last = fy_bounds(year)
    progress = progress_for(situation, impact_id)
    claim = situation.claims[impact_id]
    if not claim.shown:
        return None
    if progress.delivered is not None:
        inside = claim.delivered_between(first, last)
        if progress.delivered <= 0 or inside is None:
            return None
        return max(0.0, min(1.0, inside / progress.delivered))
    latest = progress.latest
    if progress.is_rate or latest is None:
        return None
    return 1.0 if latest.period.start <= last and latest.period.end >= first else 0.0


def delivered_rows(situation: Situation) -> list[Context]:
    """What the project has delivered toward this director's objectives, impact by impact.

    A fill-in template also lists the linked impacts with no figures yet,
    with a prompt for the team; before any figures, it lists the director's
    objectives no impact names too, so every objective is there to report
    against.
    """
    rows: list[Context] = []
    figures = False
    netted_beside = False  # whether a row gives the net of the extra spend beside its money
    for impact, statements in chosen_statements(situation):
        progress = progress_for(situation, impact.id)
        unlogged = progress.latest is None and _priced_id(impact.id, situation)
        if progress.latest is None and not situation.fill_in and not unlogged:
            continue
        row: Context = {
            "measure": wording.apply_terms(impact.measure, situation.terms),
            "objectives": [s.objective.text for s in statements[:2]],
            # Joined after a semicolon, a second objective begins in lower case, its
            # acronyms kept (reader25 #4: "…for 2026/27; Cut agency spend…").
            "objectives_text": "; ".join(
                text if i == 0 else wording.lower_first(text)
                for i, text in enumerate(s.objective.text for s in statements[:2])
            ),
            "text": fillin.delivered_prompt(situation.lang),
            "money": None,
            "money_text": "",
            "share_text": "",
        }
        if unlogged and not situation.fill_in:
            # No figure in the log yet, and money in the finance director's forecast at the
            # plan's full rate: said so, in the money block's words (review14 #6), not left
            # out as if it counted nothing.
            # Its forecast is what is expected, not delivered: said after the table
            # (:func:`expected_line`).
            row["text"] = situation.lang.gettext(
                "no figure in the log yet, so nothing is counted as delivered yet"
            )
        if progress.latest is not None:
            figures = True
            row["text"] = delivered_text(progress, situation)
            if situation.fill_in and progress.latest.period != situation.period:
                # A draft has no figure for its period yet: what the row says is as at the
                # last month logged, and says so, as the table's "Last known" does
                # (newuser32 #8), rather than read as this period's verdict.
                row["text"] = situation.lang.gettext("as at {period}, {text}").format(
                    period=fmt.period_label(progress.latest.period.text, situation.lang),
                    text=row["text"],
                )
            row["money"] = progress.delivered_money
            row["money_text"] = delivered_money_text(
                progress, situation.lang, situation.pitch.ledger
            )
            row["share_text"] = share_text(progress, statements, situation)
            netted = net_share(progress, statements, situation)
            if netted is not None and row["money_text"] and not row["share_text"]:
                # A project that adds spend counts against a cash target net of it: the
                # share is of the net cash (reader27 #2), said beside the money it nets.
                row["money_text"] = f"{row['money_text']}; {netted[0]}"
                row["share_text"] = netted[1]
                netted_beside = True
            text, part = row["text"], row["share_text"]
            if part and not row["money_text"] and text.endswith(")"):
                # "(no figure for May 2026) (of which …)" reads as one bracket: "(…; of which …)".
                row["text"], row["share_text"] = f"{text[:-1]}; {part})", ""
        rows.append(row)
    # A measure linked to one objective is listed before one linked to two, so that the
    # second names only what is new and points to the one above (:func:`said_once`).
    rows.sort(key=lambda row: len(row["objectives"]) > 1)
    if not situation.fill_in:
        rows = _with_aims(rows, situation)
    spending = spend_so_far(situation)
    if spending and any((row["money"] or 0) > 0 for row in rows):
        # Beside money delivered, the spend the change added so far is a row of its own and
        # netted (newuser16 #1): the brief to the same director nets it, so the update does.
        # The net is said once: beside the money it nets, when a row gives it there with its
        # share of the target, and the spend's row then gives the spend alone (fixread31a #3:
        # "£399,000" in a row, again in the spend's row, and again in the board text).
        net = capacity_text(situation) if netted_beside else net_text(situation, spending)
        for progress in spending:
            # The net follows the spend in the board sentence's plain words, outside any
            # bracket (reader27 #12: "(… less £328,000 of extra spend: £399,000 of cash net so
            # far; besides, …)" held a colon and a semicolon).
            rows.append(
                {
                    "measure": wording.apply_terms(progress.impact.measure, situation.terms),
                    "objectives": [],
                    "objectives_text": spend_row_label(situation),
                    "text": delivered_text(progress, situation),
                    "money": -(progress.delivered_money or 0.0),
                    "money_text": _spend_money(progress, net, situation, netted=netted_beside),
                    "share_text": "",
                }
            )
    if situation.fill_in and not figures:
        named = {text for row in rows for text in row["objectives"]}
        rows += objective_prompts(situation.pitch, named, situation.lang, MAX_FILL_IN - len(rows))
    return said_once(rows, situation.lang)


def _with_aims(rows: list[Context], situation: Situation) -> list[Context]:
    """The rows, with a row after an objective's own that judges its stated aim (reader24 #17).

    "Reduce … by a quarter by March 2028" is judged against the counts set
    against it, once its date has come or in the project's last period
    (:mod:`pitchkit.notes.update.aim`).
    """
    impacts: dict[str, tuple[Objective, list[Impact]]] = {}
    for impact, statements in chosen_statements(situation):
        for statement in statements[:2]:
            impacts.setdefault(statement.objective.text, (statement.objective, []))[1].append(
                impact
            )
    progress = {p.impact.id: p for p in situation.progress}
    for text, (objective, linked) in impacts.items():
        if not aim.due(objective, situation.period, situation.facts.project.end):
            continue
        said = aim.aim_text(objective, linked, progress, situation.period, situation.lang)
        last = max((i for i, row in enumerate(rows) if text in row["objectives"]), default=None)
        if not said or last is None:
            continue
        row: Context = {
            "measure": situation.lang.gettext("Against the objective"),
            "objectives": [text],
            "objectives_text": text,
            "aim": True,
            "text": said,
            "money": None,
            "money_text": "",
            "share_text": "",
        }
        rows = [*rows[: last + 1], row, *rows[last + 1 :]]
    return rows


def delivered_impacts(situation: Situation) -> set[str]:
    """The impacts whose row in the delivered table gives money (:func:`delivered_rows`).

    A measure with a figure whose row says what it is worth, or gives its
    plan's money ("none of the £842,000 a year in the plan is forecast"), and
    the spend the change added when it is netted beside them.
    """
    ledger = situation.pitch.ledger
    found = set()
    for impact, _ in chosen_statements(situation):
        progress = progress_for(situation, impact.id)
        if progress.latest is None:
            continue
        if delivered_money_text(progress, situation.lang, ledger) or "£" in delivered_text(
            progress, situation
        ):
            found.add(impact.id)
    if found:
        found |= {progress.impact.id for progress in spend_so_far(situation)}
    return found


def spend_so_far(situation: Situation) -> list[MeasureProgress]:
    """The impacts that add spend, whose charts show the rise, with what it has cost so far.

    The log's rise so far at the briefing note's unit cost, as the finance
    block's "delivered" counts it (:func:`pitchkit.notes.update.actuals._money`).
    """
    found = []
    for impact in situation.facts.impacts:
        claim = situation.claims.get(impact.id)
        if not adds_spend(impact) or impact.per is None or claim is None or not claim.shown:
            continue
        progress = progress_for(situation, impact.id)
        if (progress.delivered or 0.0) > 0 and (progress.delivered_money or 0.0) > 0:
            found.append(progress)
    return found


def money_so_far(situation: Situation) -> float:
    """The money the project's benefits have delivered so far, as the update counts each one.

    Every counted impact of the ledger that is not new spend and whose chart
    shows the change, cash and capacity alike, as the finance block's
    "delivered" adds them.
    """
    cash, capacity = money_so_far_split(situation)
    return cash + capacity


def money_so_far_split(situation: Situation) -> tuple[float, float]:
    """:func:`money_so_far` as its cash and its capacity, which a board must hear apart.

    Capacity (beds, clinic time freed) is money only when it is taken out, so a
    net "money delivered" that adds it to the cash would hand a finance director
    capacity as if it were cash (newuser19 #1). A cost that falls is cash.
    """
    ledger = situation.pitch.ledger
    cash = capacity = 0.0
    for line in ledger.counted if ledger is not None else ():
        claim = situation.claims.get(line.impact.id)
        if adds_spend(line.impact) or claim is None or not claim.shown:
            continue
        progress = progress_for(situation, line.impact.id)
        if (progress.delivered or 0.0) > 0 and (progress.delivered_money or 0.0) > 0:
            if line.releases == "capacity":
                capacity += progress.delivered_money or 0.0
            else:
                cash += progress.delivered_money or 0.0
    return cash, capacity


def spend_row_label(situation: Situation) -> str:
    """What the extra-spend row of the table is: netted off the money, or the cash, above."""
    cash, capacity = money_so_far_split(situation)
    if capacity <= 0:
        return situation.lang.gettext("Extra spend the change adds, netted off the money above")
    if cash <= 0:
        return situation.lang.gettext(
            "Extra spend the change adds, in cash: the capacity above is not cash to net it off"
        )
    return situation.lang.gettext("Extra spend the change adds, netted off the cash above")


def net_text(situation: Situation, spending: list[MeasureProgress]) -> str:
    """``so the net cash delivered so far … is £399,000 (£727,000 less £328,000)``.

    Said after the spend, as the board sentence says it (reader27 #12). With
    capacity among the benefits, the spend is netted off the cash alone and
    the capacity is said apart, as the brief keeps them (newuser19 #1).
    """
    lang = situation.lang
    cash, capacity = money_so_far_split(situation)
    spend = sum(p.delivered_money or 0.0 for p in spending)
    net = cash - spend
    if capacity <= 0:
        pattern = (
            lang.gettext(
                "so the money delivered so far is a net cost of {net} ({cash} less {spend})"
            )
            if net < 0
            else lang.gettext("so the net money delivered so far is {net} ({cash} less {spend})")
        )
    elif cash <= 0:
        pattern = lang.gettext(
            "which no cash delivered so far offsets. The {capacity} of capacity the project has "
            "freed becomes money only when it is taken out"
        )
    elif net < 0:
        pattern = lang.gettext(
            "so the cash delivered so far is a net cost of {net} ({cash} less {spend}). The "
            "{capacity} of capacity the project has freed becomes money only when it is taken out"
        )
    else:
        pattern = lang.gettext(
            "so the net cash delivered so far is {net} ({cash} less {spend}). The {capacity} of "
            "capacity the project has freed becomes money only when it is taken out"
        )
    return pattern.format(
        cash=wording.worth(cash, lang),
        spend=wording.worth(spend, lang),
        net=wording.worth(abs(net), lang),
        capacity=wording.worth(capacity, lang),
    )


def _spend_money(progress: MeasureProgress, net: str, situation: Situation, *, netted: bool) -> str:
    """The spend row's money: the spend, then the net (or, ``netted`` above, the capacity)."""
    spend = delivered_money_text(progress, situation.lang)
    if not net:
        return spend
    # The net follows the spend as one sentence; the capacity alone is a sentence of its own.
    return f"{spend}. {net}" if netted else f"{spend}, {net}"


def capacity_text(situation: Situation) -> str:
    """``The £164,000 of capacity the project has freed becomes money only when …``, or ``""``.

    What :func:`net_text` says of the capacity, for a spend row whose net is said
    beside the money it nets (:func:`net_share`).
    """
    _, capacity = money_so_far_split(situation)
    if capacity <= 0:
        return ""
    return situation.lang.gettext(
        "The {capacity} of capacity the project has freed becomes money only when it is taken out"
    ).format(capacity=wording.worth(capacity, situation.lang))


def net_share(
    progress: MeasureProgress, statements: list[Statement], situation: Situation
) -> tuple[str, str] | None:
    """``("£399,000 net of the extra spend so far", "4.2% of your £9.5m target")``.

    A project that adds spend counts against a cash target (a CIP) net of it,
    so no one measure's saving is a share of it (reader26 #1); but when this
    measure's cash is all the cash delivered so far, its net of the spend is
    the project's, and that is the share a finance director asked for
    (reader27 #2). ``None`` otherwise: for capacity, for one of several cash
    measures, for a net cost, or when some of the money falls outside the
    objective's year.
    """
    ledger = situation.pitch.ledger
    line = ledger.line(progress.impact.id) if ledger is not None else None
    money = progress.delivered_money or 0.0
    spending = spend_so_far(situation)
    if line is None or line.releases != "cash" or not line.own or money <= 0 or not spending:
        return None
    cash, _ = money_so_far_split(situation)
    if abs(cash - money) > 0.5:
        return None
    spend = sum(p.delivered_money or 0.0 for p in spending)
    net = round_money(cash - spend, quantum_for(cash - spend))
    if net <= 0:
        return None
    lang = situation.lang
    for statement in statements:
        target = statement.objective.target
        if target is None or not is_pounds(target.unit) or target.value <= 0:
            continue
        parts = [fraction_in_year(statement.objective, progress.impact.id, situation)] + [
            fraction_in_year(statement.objective, p.impact.id, situation) for p in spending
        ]
        if any(part is not None and part < 0.999 for part in parts):
            return None
        # The share of the net as shown, so that it checks by hand.
        share = wording.share_of_target_text(
            net / target.value, fmt.quantity(target.value, target.unit, lang), lang
        )
        said = lang.gettext("{net} net of the extra spend so far").format(
            net=wording.worth(net, lang)
        )
        return said, share
    return None


#: An objective named in a row above, by its place down the column (:func:`said_once`).
ORDINAL_ABOVE = (
    (N_("and the first objective above"), N_("The first objective above")),
    (N_("and the second objective above"), N_("The second objective above")),
    (N_("and the third objective above"), N_("The third objective above")),
    (N_("and the fourth objective above"), N_("The fourth objective above")),
)


def said_once(rows: list[Context], lang: Language) -> list[Context]:
    """The rows with each objective named once down the column (newuser40 #2).

    Three measures toward one CIP would otherwise print "Deliver the £31m CIP"
    three times down the column: a row under the same objectives leaves it
    blank. A measure linked to two objectives, one of which a row above has
    named already, names only the other and points to the one above: "Eliminate
    waits …, and the objective above", not "Eliminate waits …; deliver 107% …"
    over a row of its own for "Deliver 107% …". Where "above" could mean more
    than one objective, one is named by its place ("and the second objective
    above"); two or more such, or one past the fourth, are named again. ``objectives`` still lists
    every objective on every row. A row judging an objective's aim ("Against the
    objective") names the objective it judges.
    """
    named: list[str] = []
    previous: list[str] | None = None
    for row in rows:
        objectives = list(row["objectives"])
        if previous is not None and objectives and set(objectives) == set(previous):
            row["objectives_text"] = ""
            continue
        previous = objectives
        if not objectives or row.get("aim"):
            named += [o for o in objectives if o not in named]
            continue
        old = [o for o in objectives if o in named]
        new = [o for o in objectives if o not in named]
        named += new
        if not old:
            continue
        if set(old) != set(named) - set(new):
            # "above" would not say which: the one above by its place in the column, "the
            # second objective above"; more than one, or one further down, named as written.
            place = named.index(old[0]) if len(old) == 1 else len(ORDINAL_ABOVE)
            if place >= len(ORDINAL_ABOVE):
                continue
            above, alone = (lang.gettext(text) for text in ORDINAL_ABOVE[place])
        elif len(old) == 1:
            above = lang.gettext("and the objective above")
            alone = lang.gettext("The objective above")
        elif len(old) == 2:
            above = lang.gettext("and both objectives above")
            alone = lang.gettext("Both objectives above")
        else:
            above = lang.gettext("and the objectives above")
            alone = lang.gettext("The objectives above")
        joined = [text if i == 0 else wording.lower_first(text) for i, text in enumerate(new)]
        row["objectives_text"] = f"{'; '.join(joined)}, {above}" if new else alone
    return rows


def objective_prompts(pitch: Pitch, named: set[str], lang: Language, room: int) -> list[Context]:
    """A row to fill in for each objective not yet named, personal ones kept within ``room``."""
    unnamed = [o for o in pitch.objectives if o.text not in named]
    kept = unnamed[: max(room, 0)]
    personal = next((o for o in unnamed if o.kind == "personal"), None)
    has_personal = any(o.kind == "personal" for o in pitch.objectives if o.text in named)
    if kept and personal is not None and personal not in kept and not has_personal:
        kept[-1] = personal
    return [
        {
            "measure": fillin.measure_prompt(lang),
            "objectives": [objective.text],
            "objectives_text": objective.text,
            "text": fillin.delivered_prompt(lang),
            "money": None,
            "money_text": "",
            "share_text": "",
        }
        for objective in kept
    ]


def counted_amount(value: float, impact: Impact, lang: Language) -> str:
    """``282 admissions``, ``£4,000`` or ``1 fall``: an amount in the impact's unit."""
    return fmt.quantity(whole(value), shown_unit(impact), lang)


def delivered_text(progress: MeasureProgress, situation: Situation) -> str:
    """The cumulative (rate) or current (level) difference from baseline, in words.

    Only when the chart shows improvement after the change; otherwise that
    no change can be told apart yet (:func:`not_shown_text`).
    """
    lang, impact = situation.lang, progress.impact
    claim = situation.claims[impact.id]
    if not claim.shown:
        return not_shown_text(claim, situation)
    if progress.delivered is not None:
        size = counted_amount(progress.delivered, impact, lang)
        span = spans.span_text(claim.counted, lang)
        if claim.reference is not None and claim.reference_periods:
            # Counted against the mean logged before the change, not the facts' baseline
            # in the table beside it: named, with its months, so that the sum reconciles.
            pattern = against_mean_pattern(progress.delivered, impact, lang)
            against = reference_text(claim, impact, lang)
            between = spans.between_text(claim.counted, lang)
            return pattern.format(amount=size, between=between, baseline=against)
        worse = progress.delivered < 0
        fewer = (impact.direction == "lower") != worse
        if progress.delivered == 0:
            better = lang.gettext("the same as the baseline rate so far, {span}")
        elif not fewer:
            better = (
                lang.gettext("{amount} more than at the baseline rate so far, {span}")
                if worse
                else lang.gettext("{amount} more than at the baseline rate, {span}")
            )
        elif is_money(impact):  # money is less, not fewer
            better = (
                lang.gettext("{amount} less than at the baseline rate so far, {span}")
                if worse
                else lang.gettext("{amount} less than at the baseline rate, {span}")
            )
        else:
            better = (
                lang.gettext("{amount} fewer than at the baseline rate so far, {span}")
                if worse
                else lang.gettext("{amount} fewer than at the baseline rate, {span}")
            )
        return better.format(amount=size, span=span)
    latest = progress.latest
    assert latest is not None
    assert latest.value is not None
    # A quarter or year built from its months may give a level's average, not its latest.
    averaged = averaged_over(latest, impact, lang)
    if claim.reference is not None and impact.per is None:
        # The chart's baseline is the mean logged before the change, as the sentence for the
        # board gives it; the facts' baseline would put a second figure beside it.
        pattern = (
            lang.gettext(
                "an average of {latest} over {period}, against an average of {baseline} before "
                "the change and a target of {target}"
            )
            if averaged
            else lang.gettext(
                "now {latest}, against an average of {baseline} before the change and a target "
                "of {target}"
            )
        )
        baseline = level_mean(claim.reference, impact)
    else:
        pattern = (
            lang.gettext(
                "an average of {latest} over {period}, against a baseline of {baseline} and a "
                "target of {target}"
            )
            if averaged
            else lang.gettext(
                "now {latest}, against a baseline of {baseline} and a target of {target}"
            )
        )
        baseline = impact.baseline
    said = pattern.format(
        latest=amount_text(latest.value, impact, lang),
        period=averaged,
        baseline=beside_text(baseline, impact, lang),
        target=beside_text(impact.target, impact, lang),
    )
    return fmt.after_dros(said, lang)


def reference_text(claim: Claim, impact: Impact, lang: Language) -> str:
    """``the log's average of 612.6 bed days a month, April to December 2024``: a reference.

    To one decimal place, so that the count reconciles by hand: 24 months at
    612.6 less the 7,963 logged is 6,739, where 613 would give 6,749. Money
    is given to the pound, not to three figures as money elsewhere is: 8
    months at £12,580 less what was logged is the £23,440 counted, where
    £12,600 would give £23,600.
    """
    periods = claim.reference_periods
    assert claim.reference is not None
    rate = mean_text(claim.reference, impact, lang)
    # "the log's": the mean logged before the change, not the plan's baseline the table
    # beside it gives (newuser15 #5: 52.8 admissions a month here, 51.7 in the table).
    # Not "the log's average": jargon to a director (reader24 #9).
    return lang.gettext("an average of {rate} {per}, {span}").format(
        rate=rate,
        per=wording.per_phrase(periods[-1].kind, lang),
        span=spans.span_text(periods, lang),
    )


def against_mean_pattern(delivered: float, impact: Impact, lang: Language) -> str:
    """The words for a count set against the mean before the change.

    ``{amount} fewer {between} than before the change ({baseline})``: the
    period the count is for first, then the mean it is set against, with the
    earlier periods it was logged in, in brackets after, so that the dates
    read in time order (fixupd25a #2: "… (…, January to May 2027), June 2027
    to March 2028"). The mean, not the facts' baseline in the table beside
    it, is named with its periods so that a finance director can reconcile
    the sum.
    """
    worse = delivered < 0
    fewer = (impact.direction == "lower") != worse
    if delivered == 0:
        return lang.gettext("the same so far {between} as before the change ({baseline})")
    if not fewer:
        return (
            lang.gettext("{amount} more so far {between} than before the change ({baseline})")
            if worse
            else lang.gettext("{amount} more {between} than before the change ({baseline})")
        )
    if is_money(impact):  # money is less, not fewer
        return (
            lang.gettext("{amount} less so far {between} than before the change ({baseline})")
            if worse
            else lang.gettext("{amount} less {between} than before the change ({baseline})")
        )
    return (
        lang.gettext("{amount} fewer so far {between} than before the change ({baseline})")
        if worse
        else lang.gettext("{amount} fewer {between} than before the change ({baseline})")
    )


def delivered_money_text(
    progress: MeasureProgress, lang: Language, ledger: Ledger | None = None
) -> str:
    """``worth £448,000``, where the delivery has a positive money value.

    Empty for a measure that is itself money: its amount already says what it is worth.
    With the project's ``ledger``, money that is not the organisation's own says whose it
    is, as the briefing note does: capacity freed in another body ("worth £80,000 of time
    freed in the emergency department at 2026/27 prices, not money for the ICB") and cash
    another body keeps ("…, not the ICB's cash"). The sentence for the board is copied into
    another report, away from the brief that said so (newuser34 #5).
    """
    money = progress.delivered_money
    if money is None or money <= 0 or is_money(progress.impact):
        return ""
    impact = progress.impact
    releases = impact.releases or default_releases(impact)
    if adds_spend(impact):
        # New spend the rise adds (newuser15 #1): said as spend, never "worth".
        if progress.price_base is not None:
            return lang.gettext("adding {money} to spend at {base} prices").format(
                money=wording.worth(money, lang), base=fy_label(progress.price_base)
            )
        return lang.gettext("adding {money} to spend").format(money=wording.worth(money, lang))
    capacity = releases == "capacity"
    line = ledger.line(impact.id) if ledger is not None else None
    if line is not None and ledger is not None and progress.price_base is not None:
        base = fy_label(progress.price_base)
        freed = freed_words(line.elsewhere, lang) if capacity and line.elsewhere else ""
        if freed:
            return lang.gettext(
                "worth {money} of {freed} at {base} prices, not money {org}"
            ).format(
                money=wording.worth(money, lang), freed=freed, base=base, org=org_for(ledger, lang)
            )
        if line.releases == "cash" and not line.own:
            return lang.gettext("worth {money} at {base} prices, not {org} cash").format(
                money=wording.worth(money, lang), base=base, org=org_own(ledger, lang)
            )
    # Capacity is money only when what it frees is stopped: a board reading "worth £5.6m"
    # would count it as cash, so the kind of money is named as the briefing note names it.
    if progress.price_base is not None:
        pattern = (
            lang.gettext("worth {money} in capacity at {base} prices")
            if capacity
            else lang.gettext("worth {money} at {base} prices")
        )
        return pattern.format(money=wording.worth(money, lang), base=fy_label(progress.price_base))
    if capacity:
        return lang.gettext("worth {money} in capacity").format(money=wording.worth(money, lang))
    return lang.gettext("worth {money}").format(money=wording.worth(money, lang))


def share_text(progress: MeasureProgress, statements: list[Statement], situation: Situation) -> str:
    """``about 3% of your £14m target``, where an objective's target is in the same terms.

    An objective of one financial year counts only the part delivered in
    that year, and names it (``2.5% of your £14m target, counting the
    £347,000 of it in 2027/28``), as the brief names the part falling in it.
    """
    if progress.delivered is None or progress.delivered <= 0:
        return ""
    for statement in statements:
        if statement.objective.target is None:
            continue
        part = year_fraction(statement, situation)
        delivered = _delivered_quantity(statement, progress, 1.0 if part is None else part)
        share = share_of_target(delivered, statement.objective, situation.pitch.ledger)
        if share is None:
            continue
        lang, target = situation.lang, statement.objective.target
        if statement.target_prices:
            text = wording.repriced_share(share * target.value, statement, lang)
        else:
            text = wording.share_of_target_text(
                share, fmt.quantity(target.value, target.unit, lang), lang
            )
        year = target_year(statement.objective.text)
        if part is not None and part < 1 and year is not None:
            money = is_pounds(target.unit)
            text = (
                # The year's part at the update's prices first, then that part restated at
                # the target's year's and its share: "counting the £365,000 of it in
                # 2027/28: £356,000 at 2027/28 prices, 2.5% of your £14m target".
                lang.gettext("counting the {part} of it in {year}: {share}")
                if statement.target_prices
                else lang.gettext("{share}, counting the {part} of it in {year}")
            ).format(
                share=text,
                # Money reads as the "of which ... fell in" beside it and the brief write it.
                part=wording.worth(share * target.value, lang)
                if money
                else fmt.quantity(share * target.value, target.unit, lang),
                year=fy_label(year),
            )
        if capacity_against_cash(statement.quantity, statement.objective):
            text = wording.if_taken_as_cash(text, lang)
        return text
    return year_part_text(progress, [s.objective for s in statements], situation)


def year_part_text(
    progress: MeasureProgress, objectives: Sequence[Objective], situation: Situation
) -> str:
    """``of which £28,000 fell in 2026/27``: the part delivered in its objective's year.

    For an objective of one financial year with no target to take a share of
    (an objective from a team sheet never has one): it is credited only with
    that part (docs/money.md, "The objective's year"), so the update says
    how much it is. Empty when all of it falls in that year, or when no
    objective names a year.
    """
    if progress.delivered is None or progress.delivered <= 0:
        return ""
    lang = situation.lang
    for objective in objectives:
        year = target_year(objective.text)
        part = fraction_in_year(objective, progress.impact.id, situation)
        if year is None or part is None or part >= 1:
            continue
        money = progress.delivered_money
        if is_money(progress.impact):
            # Rounded as the money beside it is (£1,000 from £10,000), not to three
            # figures: "£117,000 (of which £78,800 ...)" mixed two roundings (newuser24 #6).
            amount = wording.worth(progress.delivered * part, lang)
        elif money is not None and money > 0:
            amount = wording.worth(money * part, lang)
        else:
            amount = counted_amount(progress.delivered * part, progress.impact, lang)
        return lang.gettext("of which {part} fell in {year}").format(
            part=amount, year=fy_label(year)
        )
    return ""


def _delivered_quantity(
    statement: Statement, progress: MeasureProgress, part: float = 1.0
) -> Quantity:
    """The statement's quantity with the gain replaced by ``part`` of what has been delivered."""
    delivered = (progress.delivered or 0.0) * part
    money = progress.delivered_money
    return replace(
        statement.quantity,
        per=None,
        gain=delivered,
        money=None if money is None else money * part,
        money_per_year=None,
    )
