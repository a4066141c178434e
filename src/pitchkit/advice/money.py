"""Advice on the money: price years, cash or capacity, counting once, and periods.

The rules cover unit costs' price years, cash or capacity, money two
impacts would count twice, the objective's year, and figures logged for
the wrong period.

Each rule is a plain function of a :class:`~pitchkit.advice.review.Review`,
as in :mod:`pitchkit.advice`, and works on the project's
:class:`~pitchkit.recast.money.Ledger` at the prices of the review's day.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pitchkit.advice.review import Finding, Review
from pitchkit.facts.ids import id_key
from pitchkit.facts.schema import Facts, Impact
from pitchkit.i18n import fmt
from pitchkit.i18n.translation import N_
from pitchkit.notes.rates import scale
from pitchkit.period import PER_MONTHS, parse_period
from pitchkit.recast.align import financial
from pitchkit.recast.money import Ledger, Line, fy_label, shipped_index, target_year
from pitchkit.recast.pitch import project_ledger

#: Other periods a logged figure may have been counted over, each with the ``logged:``
#: length that says a log holds that period's figures.
_OTHER_LENGTHS: tuple[tuple[str, str], ...] = (
    (N_("a week's"), "week"),
    (N_("a month's"), "month"),
    (N_("a quarter's"), "quarter"),
    (N_("a year's"), "year"),
)
#: Those periods with their length in months.
OTHER_PERIODS: tuple[tuple[str, float], ...] = tuple(
    (looks, float(PER_MONTHS[per])) for looks, per in _OTHER_LENGTHS
)
#: The ``logged:`` length for each of those periods' words.
LOOKS_PER: dict[str, str] = dict(_OTHER_LENGTHS)
#: How close a figure must come to another period's scale to be taken for it.
RATIO_TOLERANCE = 0.2


def _ledger(review: Review) -> Ledger:
    """The project's money, as the pitch worked it out (once for the facts and the date)."""
    return project_ledger(review.facts, review.today)


def _index(review: Review, impact: Impact) -> int:
    return next(i for i, item in enumerate(review.facts.impacts) if item.id == impact.id)


def unit_cost_price_year(review: Review) -> Iterator[Finding]:
    """A unit cost with no price year, or one older than the inflation index."""
    index = shipped_index()
    for line in _ledger(review).lines:
        if line.unit_cost is None:
            continue
        where = review.where("impacts", _index(review, line.impact), "value")
        if line.price_year is None:
            yield Finding(
                "unit-cost-price-year",
                "warning",
                review._(
                    "The unit cost of '{measure}' does not say which year's prices it is in."
                ).format(measure=line.impact.measure),
                review._("Neither 'value.price_year' nor its source names a financial year."),
                review._(
                    "Add 'price_year: 2024/25' (the year of the costs it comes from) under "
                    "'value:', so the note can restate it at today's prices."
                ),
                where,
            )
        elif line.uplift is not None and line.uplift.before_index:
            yield Finding(
                "unit-cost-price-year",
                "warning",
                review._("The unit cost of '{measure}' is older than the inflation index.").format(
                    measure=line.impact.measure
                ),
                review._("Its prices are from {year}; the index starts in {first}.").format(
                    year=fy_label(line.price_year), first=fy_label(index.base_year)
                ),
                review._(
                    "Use a more recent unit cost, or give the yearly changes under "
                    "'settings.prices.rates'."
                ),
                where,
            )


def releases_assumed(review: Review) -> Iterator[Finding]:
    """An impact's money was taken as cash or capacity from its unit, not stated."""
    for line in _ledger(review).lines:
        if not line.releases_default:
            continue
        kind = review._("cash") if line.releases == "cash" else review._("capacity")
        yield Finding(
            "releases-assumed",
            "info",
            review._("The money of '{measure}' is counted as {kind}.").format(
                measure=line.impact.measure, kind=kind
            ),
            review._("It has no 'releases:', so pitchkit judged from its unit ({unit}).").format(
                unit=line.impact.unit
            ),
            review._(
                "Add 'releases: cash' if the money can come out of the budget, or "
                "'releases: capacity' if it frees beds, time or sessions for other work."
            ),
            review.where("impacts", _index(review, line.impact)),
        )


def rise_priced(review: Review) -> Iterator[Finding]:
    """A rise priced as cash or capacity: each extra one may be a cost, not a saving.

    pitchkit cannot tell whether a unit value on a rising count is what each
    extra one costs (drug items, tests, staff hours) or what each one saves
    elsewhere (a virtual-ward patient worth an avoided admission). Counted as a
    saving, new spend would read as cash for the financial plan (newuser15 #1),
    so the lead is asked to say which. A warning when the rise is counted as
    cash, the reading a finance director would take as money for the plan; a
    note when it is capacity, the usual reading of a saving elsewhere (more
    patients on a virtual ward, each freeing a bed).
    """
    for line in _ledger(review).lines:
        impact = line.impact
        if impact.direction != "higher" or line.releases == "cost" or line.counts == "money":
            continue
        if impact.value is None:
            continue
        kind = review._("cash") if line.releases == "cash" else review._("capacity")
        yield Finding(
            "rise-priced",
            "warning" if line.releases == "cash" else "info",
            review._(
                "'{measure}' rises and each one is priced at {cost}, counted as {kind}: a saving."
            ).format(
                measure=impact.measure,
                cost=fmt.money(impact.value.amount, review.lang, precision="unit"),
                kind=kind,
            ),
            review._(
                "The value of a rise can be what each extra one costs (more drug items, tests "
                "or staff hours: new spend) or what each one saves elsewhere (a virtual ward "
                "patient worth an avoided admission). Counted as a saving, new spend would "
                "read as money for the financial plan."
            ),
            review._(
                "Add 'releases: cost' if the value is what each extra one costs: the notes "
                "then show it as extra spend, netted against the benefits. If each one saves "
                "money elsewhere, keep 'releases: {kind}'."
            ).format(kind=line.releases),
            review.where("impacts", _index(review, impact)),
        )


def cost_supports_finance(review: Review) -> Iterator[Finding]:
    """A cost linked by hand (``supports:``) to a financial objective it works against.

    Extra spend (``releases: cost``) is never linked to a financial objective
    by pitchkit, but a lead may write the link: the note would then list the
    spend under "will help you deliver" a budget it adds to.
    """
    objectives = {
        id_key(f"{director.id}.{objective.id}"): objective
        for director in review.facts.directors
        for objective in director.objectives
    }
    for index, impact in enumerate(review.facts.impacts):
        if impact.releases != "cost":
            continue
        for ref in impact.supports:
            objective = objectives.get(id_key(ref))
            if objective is None:
                continue
            if not financial(objective):
                continue
            yield Finding(
                "cost-supports-finance",
                "warning",
                review._(
                    "'{measure}' is extra spend, but 'supports:' links it to '{objective}'."
                ).format(measure=impact.measure, objective=objective.text),
                review._(
                    "Spend the change adds works against a financial objective: the note "
                    "would list it under what the project helps deliver. The notes already "
                    "net it off the benefits."
                ),
                review._(
                    "Take '{ref}' out of its 'supports:' (or put it under 'excludes:')."
                ).format(ref=ref),
                review.where("impacts", index, "supports"),
            )


def counted_once(review: Review) -> Iterator[Finding]:
    """Two impacts would count the same money; one is kept in every total."""
    ledger = _ledger(review)
    for line in ledger.lines:
        kept = ledger.line(line.within) if line.within else None
        if kept is None:
            continue
        if line.overlap == "episode":
            why = review._("the price of an episode already includes the bed days of the stay")
        elif line.overlap == "agency":
            why = review._("agency spend is what the agency shifts cost")
        elif line.overlap == "cash":
            yield _cash_kept(review, line, kept)
            continue
        else:
            why = review._("its 'overlaps:' says so")
        stated = line.overlap_stated
        yield Finding(
            "counted-once",
            "info" if stated else "warning",
            review._("'{dropped}' and '{kept}' count the same money.").format(
                dropped=line.impact.measure, kept=kept.impact.measure
            ),
            review._(
                "Kept '{kept}' in every total and left out '{dropped}': {why}; the smaller "
                "figure is kept so the saving is not overstated."
            ).format(kept=kept.impact.id, dropped=line.impact.id, why=why)
            if line.overlap == "episode" and not stated
            else review._("Kept '{kept}' in every total and left out '{dropped}': {why}.").format(
                kept=kept.impact.id, dropped=line.impact.id, why=why
            ),
            review._("Nothing to do: 'overlaps:' in the facts file already says so.")
            if stated
            else review._(
                "Say so in the facts with 'overlaps: [{kept}]' on '{dropped}', or correct the "
                "figures if they count different patients."
            ).format(kept=kept.impact.id, dropped=line.impact.id),
            review.where("impacts", _index(review, line.impact)),
        )


def _cash_kept(review: Review, line: Line, kept: Line) -> Finding:
    """A stated overlap that would have left the cash out: the cash is kept, and check says so.

    ``overlaps: [capacity]`` on a cash impact reads "this cash is within that
    capacity", which would turn the finance director's cash into "no cash"
    (newuser13 #5); pitchkit counts the cash, with the capacity within it,
    and asks the lead to say it that way round.
    """
    return Finding(
        "counted-once",
        "warning",
        review._("'{dropped}' and '{kept}' count the same money.").format(
            dropped=line.impact.measure, kept=kept.impact.measure
        ),
        review._(
            "'overlaps: [{dropped}]' on '{kept}' would leave out its cash and count only "
            "capacity; pitchkit counts the cash '{kept}' in every total and leaves out the "
            "capacity '{dropped}' instead: the cash is what the finance director signs, and "
            "the capacity is within it."
        ).format(kept=kept.impact.id, dropped=line.impact.id),
        review._(
            "Say it that way round: take 'overlaps: [{dropped}]' off '{kept}' and put "
            "'overlaps: [{kept}]' on '{dropped}'. If the two count different patients, take "
            "the 'overlaps:' out and both are counted."
        ).format(kept=kept.impact.id, dropped=line.impact.id),
        review.where("impacts", _index(review, kept.impact), "overlaps"),
    )


#: Staff groups, each by the words that name it in a measure, its unit or its unit cost's
#: source. Two impacts whose words name the same group count that group's time.
STAFF_GROUPS: dict[str, tuple[str, ...]] = {
    N_("ambulance crews"): (
        "crew",
        "paramedic",
        "ambulance technician",
        "emergency medical technician",
    ),
    N_("nurses"): ("nurse", "nursing", "ward sister", "charge nurse"),
    N_("midwives"): ("midwife", "midwives", "midwifery"),
    N_("doctors"): (
        "doctor",
        "consultant",
        "registrar",
        "physician",
        "surgeon",
        "anaesthetist",
        "medical staff",
        "junior doctor",
        "resident doctor",
        " gp ",
        "gps",
    ),
    N_("healthcare support workers"): (
        "healthcare assistant",
        "health care assistant",
        "hca",
        "support worker",
    ),
    N_("pharmacy staff"): ("pharmacist", "pharmacy technician"),
    N_("therapists"): ("therapist", "physiotherap", "occupational therap", "speech and language"),
    N_("radiographers"): ("radiographer",),
    N_("porters"): ("porter",),
    N_("call handlers"): ("call handler", "dispatcher", "health advisor", "health adviser"),
    N_("administrative staff"): (
        "administrator",
        "admin staff",
        "clerk",
        "receptionist",
        "secretar",
    ),
}


def staff_groups(impact: Impact) -> frozenset[str]:
    """The staff groups an impact's words name (measure, unit, and its unit cost's source)."""
    words = [impact.measure, impact.unit]
    if impact.value is not None and impact.value.source:
        words.append(impact.value.source)
    text = f" {' '.join(words).lower()} "
    text = "".join(c if c.isalnum() else " " for c in text)
    found = set()
    for group, names in STAFF_GROUPS.items():
        for name in names:
            if name.startswith(" "):
                hit = name in text
            else:
                hit = re.search(rf"\b{re.escape(name)}", text) is not None
            if hit:
                found.add(group)
                break
    return frozenset(found)


def same_staff_time(review: Review) -> Iterator[Finding]:
    """Two valued impacts count the time (hours, WTE, shifts) of the same staff.

    Time freed as capacity is often what lets overtime, bank or agency hours
    fall: a finance director adds the two only once (newuser24 #2). The
    staff group is read from the words of each impact (its measure, unit and
    the source of its unit cost); where no group is named, or the groups
    differ, nothing is said. Pairs already counted once are left to
    ``counted-once``.
    """
    ledger = _ledger(review)
    lines = [
        line
        for line in ledger.lines
        if line.counted
        and line.counts == "hours"
        and line.releases in ("cash", "capacity")
        and not any(other.within == line.impact.id for other in ledger.lines)
    ]
    for number, first in enumerate(lines):
        for second in lines[number + 1 :]:
            common = staff_groups(first.impact) & staff_groups(second.impact)
            if not common:
                continue
            mixed = first.releases != second.releases
            if mixed:  # the capacity is within the cash: the cash is what the DoF signs
                inner, outer = (first, second) if first.releases == "capacity" else (second, first)
            else:  # the smaller within the larger
                inner, outer = sorted((first, second), key=lambda line: line.annual)
            group = review._(sorted(common)[0])
            kinds = {
                "cash": review._("cash"),
                "capacity": review._("capacity"),
            }
            yield Finding(
                "same-staff-time",
                "warning" if mixed else "info",
                review._(
                    "'{first}' and '{second}' both count the time of {group}, and both are "
                    "added to the benefit."
                ).format(first=first.impact.measure, second=second.impact.measure, group=group),
                review._(
                    "'{first}' is counted as {first_kind} and '{second}' as {second_kind}; "
                    "where the time freed is what lets the other hours fall, the same hours "
                    "are counted twice and the benefit is overstated."
                ).format(
                    first=first.impact.id,
                    first_kind=kinds[first.releases],
                    second=second.impact.id,
                    second_kind=kinds[second.releases],
                ),
                review._(
                    "If they are the same hours, put 'overlaps: [{outer}]' on '{inner}': "
                    "'{outer}' is then counted and '{inner}' is left out of every total. If "
                    "they are different hours, leave both and say so when you present the "
                    "benefit."
                ).format(outer=outer.impact.id, inner=inner.impact.id),
                review.where("impacts", _index(review, inner.impact)),
            )


_RECURRENT = ("recurrent saving", "cash-releasing", "cash releasing", "cash saving")


def savings_over_capacity(review: Review) -> Iterator[Finding]:
    """Recurrent savings offered when every counted benefit is capacity."""
    ledger = _ledger(review)
    if not ledger.counted or ledger.annual("cash") > 0:
        return
    for field in ("offer", "asks"):
        for index, text in enumerate(getattr(review.facts, field)):
            if any(word in text.lower() for word in _RECURRENT):
                yield Finding(
                    "savings-over-capacity",
                    "warning",
                    review._("The pitch offers recurrent savings, but its money is capacity."),
                    review._("'{text}', while every valued impact releases capacity.").format(
                        text=text
                    ),
                    review._(
                        "Offer the capacity and say what would be taken out to make it money "
                        "(beds closed, sessions, agency shifts), or show which impact releases "
                        "cash with 'releases: cash'."
                    ),
                    review.where(field, index),
                )


def objective_year(review: Review) -> Iterator[Finding]:
    """An objective tied to a financial year the project delivers nothing in."""
    pitch = review.pitch
    ledger = pitch.ledger if pitch is not None else None
    if pitch is None or ledger is None or not ledger.years:
        return
    d_index = next(i for i, d in enumerate(review.facts.directors) if d.id == pitch.director.id)
    ids = [o.id for o in pitch.director.objectives]
    seen: set[str] = set()
    for statement in pitch.out_of_year:
        objective = statement.objective
        year = target_year(objective.text)
        if year is None or objective.id in seen:
            continue
        seen.add(objective.id)
        # From the year this impact's change reaches its measure (changed:), not the project's.
        first = ledger.first_year(statement.impact) or ledger.years[0].year
        where = (
            review.where("directors", d_index, "objectives", ids.index(objective.id))
            if objective.id in ids
            else review.where("directors", d_index)
        )
        yield Finding(
            "objective-year",
            "warning",
            review._(
                "None of the benefit of '{measure}' falls in {year}, the year of '{objective}'."
            ).format(
                measure=statement.impact.measure, year=fy_label(year), objective=objective.text
            ),
            review._(
                "Its benefit falls from {start} to {end}, so the note does not claim it."
            ).format(start=fy_label(first), end=fy_label(ledger.years[-1].year)),
            review._(
                "Tie the pitch to an objective for the year the benefit falls in ({year}), "
                "or start the project earlier if that objective matters most."
            ).format(year=fy_label(first)),
            where,
        )


def logged_period(review: Review) -> Iterator[Finding]:
    """A logged figure that looks like another period's figure (a week's in a monthly log).

    A logged figure is the figure for the period the entry covers (a month
    or a quarter). Two readings question it, and each is warned about,
    never converted:

    - Off the path. Its expected range is the path from the baseline to the
      target, scaled to that period: a figure on it, or near either end, is
      never questioned by this reading. One well off that range (by more
      than half the step, on a ratio scale, to the other period) whose
      counterpart for a week, a month, a quarter or a year would lie on it
      is questioned. A figure that is off the range but no nearer another
      period's (say, a bad month well above the baseline) is left to the
      update.
    - Off the log's own level. A path to a deep cut (to half, or to none)
      takes in a week's figure for a month, so the log itself is read too:
      a figure whose counterpart for another period lands near the level
      of the figures logged just before it (the median of the last three),
      while the figure itself lies more than half the step from every
      figure logged before it and from the baseline, is questioned unless
      it is near the target. A first figure, with nothing logged before it,
      is read only against the path.

    A measure whose figures look like the same other period's in several
    entries is one warning, at the first, naming the others.
    """
    found = period_slips(review.facts)
    for (impact_id, looks), entries in found.items():
        impact = review.facts.impact(impact_id)
        assert impact is not None  # found above
        yield _period_finding(review, entries, impact, looks)


#: Each impact's figures that look like another period's: (impact id, that period's
#: words) → (entry index, figure, path low, path high, level read against or ``None``).
Slips = dict[tuple[str, str], list[tuple[int, float, float, float, float | None]]]


def period_slips(facts: Facts) -> Slips:
    """The logged figures that look like another period's, by impact and period.

    The readings are :func:`logged_period`'s. An impact with ``logged:`` has
    had its figures scaled to their periods already, so it is read as any other.
    """
    found: Slips = {}
    earlier: dict[str, list[float]] = {}  # each impact's figures so far, a month's worth
    for u_index, update in enumerate(facts.updates):
        period = parse_period(update.period)
        for impact_id, value in update.measures.items():
            impact = facts.impact(impact_id)
            if impact is None or impact.per is None or value is None or value <= 0:
                continue
            ends = (scale(impact.baseline, impact, period), scale(impact.target, impact, period))
            before = [rate * period.months for rate in earlier.get(impact.id, [])]
            earlier.setdefault(impact.id, []).append(value / period.months)
            level = None
            looks = _looks_off_path(value, period.months, ends)
            if looks is None and (looks := _looks_off_level(value, period.months, ends, before)):
                level = _median(before[-3:])
            if looks is not None:
                found.setdefault((impact.id, looks), []).append(
                    (u_index, value, min(ends), max(ends), level)
                )
    return found


def _median(values: list[float]) -> float:
    """The middle of ``values`` (at least one), as :func:`statistics.median` works it out.

    Written out here because importing :mod:`statistics` (and :mod:`fractions`,
    which it loads) is about 1.3 ms of every ``pitchkit brief``.
    """
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _looks_off_path(value: float, months: float, ends: tuple[float, float]) -> str | None:
    """The other period whose figure ``value`` looks like, read against the path ``ends``."""
    low, high = min(ends), max(ends)
    off = _off_path(value, low, high)
    if high <= 0 or off == 0:
        return None
    for looks, other in OTHER_PERIODS:
        ratio = other / months
        if other == months or off <= abs(math.log(ratio)) / 2:
            continue
        if _off_path(value / ratio, low, high) == 0:
            return looks
    return None


def _looks_off_level(
    value: float, months: float, ends: tuple[float, float], before: list[float]
) -> str | None:
    """The other period whose figure ``value`` looks like, read against the figures ``before``.

    ``ends`` are the baseline and the target for the period, ``before`` the
    figures logged before this one, scaled to it.
    """
    baseline, target = ends
    if not before or baseline <= 0 or (target > 0 and _off_path(value, target, target) == 0):
        return None
    level = _median(before[-3:])
    if level <= 0:
        return None
    known = [v for v in (*before, baseline) if v > 0]
    for looks, other in OTHER_PERIODS:
        ratio = other / months
        if other == months or _off_path(value / ratio, level, level) != 0:
            continue
        if min(abs(math.log(value / v)) for v in known) > abs(math.log(ratio)) / 2:
            return looks
    return None


def _off_path(value: float, low: float, high: float) -> float:
    """How far ``value`` lies outside ``low``..``high`` (with the tolerance), as a log ratio.

    Zero on the path; a path that reaches zero (a target of none) has no
    lower end.
    """
    top = high * (1 + RATIO_TOLERANCE)
    bottom = low * (1 - RATIO_TOLERANCE)
    if value > top:
        return math.log(value / top)
    if bottom > 0 and value < bottom:
        return math.log(bottom / value)
    return 0.0


def _period_finding(
    review: Review,
    entries: list[tuple[int, float, float, float, float | None]],
    impact: Impact,
    looks: str,
) -> Finding:
    """One warning for the entries of ``impact`` that look like ``looks``.

    Each entry is its index, its figure, the path (low, high) and the level
    of the figures logged before it when that is what the figure was read
    against (else ``None``).
    """
    lang = review.lang
    (u_index, value, low, high, level), *others = entries
    shown = {
        "value": fmt.number(value, lang),
        "period": fmt.period_label(review.facts.updates[u_index].period, lang),
    }
    if level is not None:
        evidence = review._(
            "{value} is logged for {period}; the figures logged just before it are about "
            "{level} for that period."
        ).format(level=fmt.number(fmt.whole(level), lang), **shown)
    elif fmt.whole(low) == fmt.whole(high):
        evidence = review._(
            "{value} is logged for {period}; at the baseline's rate that period's figure is "
            "about {expected}."
        ).format(expected=fmt.number(fmt.whole(high), lang), **shown)
    else:
        evidence = review._(
            "{value} is logged for {period}; from the baseline to the target, that period's "
            "figure would be about {low} to {high}."
        ).format(
            low=fmt.number(fmt.whole(low), lang), high=fmt.number(fmt.whole(high), lang), **shown
        )
    if others:
        also = [
            review._("{value} for {period}").format(
                value=fmt.number(figure, lang),
                period=fmt.period_label(review.facts.updates[index].period, lang),
            )
            for index, figure, *_ in others
        ]
        evidence += " " + review._("Figures like it are logged too: {figures}.").format(
            figures=fmt.join_list(also, lang)
        )
    return Finding(
        "logged-period",
        "warning",
        review._("The figure logged for '{measure}' looks like {looks} figure.").format(
            measure=impact.measure, looks=review._(looks)
        ),
        evidence,
        review._(
            "If the log holds {looks} figures, say so on the impact ('logged: {per}') and "
            "pitchkit scales them to the period; otherwise log the figure for the whole period "
            "the entry covers (the month or quarter)."
        ).format(looks=review._(looks), per=LOOKS_PER[looks]),
        review.where("updates", u_index, "measures", impact.id),
    )
