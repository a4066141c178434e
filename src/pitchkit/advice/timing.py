"""Advice about timing and follow-through: approach early, the whole team, keep them informed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pitchkit.advice.reasons import whole_team_needed
from pitchkit.advice.review import Finding, Review
from pitchkit.datewords import deadlines
from pitchkit.i18n import fmt
from pitchkit.i18n.funding import status_key
from pitchkit.period import parse_period
from pitchkit.recast.audience import items, items_for


def approach_late(review: Review) -> Iterator[Finding]:
    """The sponsor is approached after the project has started."""
    project, meeting = review.facts.project, review.facts.meeting
    if project.start is None:
        return
    when = meeting.date if meeting and meeting.date else None
    if when is not None and project.end is not None and when > project.end:
        yield Finding(
            "approach-late",
            "warning",
            review._("The sponsor is approached after the project has ended."),
            review._("The meeting ({meeting}) is after the project ends ({end}).").format(
                meeting=fmt.date(when, review.lang), end=fmt.date(project.end, review.lang)
            ),
            review._(
                "Check the dates. If the work is done, ask them to champion what it delivered "
                "and how to spread it, rather than to sponsor it."
            ),
            review.where("meeting", "date"),
        )
        return
    if when is not None and when > project.start:
        evidence = review._("The meeting ({meeting}) is after the project starts ({start}).")
        where: str | None = review.where("meeting", "date")
    elif when is None and review.today > project.start:
        evidence = review._("The project started on {start} and no meeting date is set.")
        where = None
    else:
        return
    yield Finding(
        "approach-late",
        "warning",
        review._("The sponsor is approached after the project has started."),
        evidence.format(
            meeting=fmt.date(when, review.lang) if when else "",
            start=fmt.date(project.start, review.lang),
        ),
        review._(
            "Meet as early as you can, as soon as you can explain the benefits and the fit "
            "with their agenda: a sponsor who joins early can shape the work."
        ),
        where,
    )


def ask_before_meeting(review: Review) -> Iterator[Finding]:
    """An ask is due before the meeting at which it will be made.

    Dates in an ask are read as progress updates read them to tell whether
    a standing ask is still current (:func:`~pitchkit.datewords.deadlines`):
    ``by 31 January 2027`` is due that day, ``in January 2027`` by its last
    day, and ``from January 2027`` opens a stretch rather than setting a date.
    """
    meeting = review.facts.meeting
    if meeting is None or meeting.date is None:
        return
    director = review.director
    asked = items_for(review.facts, director, "asks") if director else items(review.facts, "asks")
    for item in asked:
        early = [day for day in deadlines(item.text) if day < meeting.date]
        if not early:
            continue
        due, when = fmt.date(min(early), review.lang), fmt.date(meeting.date, review.lang)
        yield Finding(
            "ask-before-meeting",
            "warning",
            review._("The ask '{ask}' is due on {due}, before you meet on {meeting}.").format(
                ask=item.text, due=due, meeting=when
            ),
            review._("asks[{index}] names {due}; meeting.date is {meeting}.").format(
                index=item.index, due=due, meeting=when
            ),
            review._(
                "Give a date after the meeting that leaves the director time to act, or meet "
                "before {due}: they cannot do it by a date that has passed when you ask."
            ).format(due=due),
            review.where("asks", item.index),
        )


def meeting_passed(review: Review) -> Iterator[Finding]:
    """The meeting date is in the past."""
    meeting = review.facts.meeting
    if meeting is None or meeting.date is None or meeting.date >= review.today:
        return
    yield Finding(
        "meeting-passed",
        "info",
        review._("The meeting date has passed."),
        review._("meeting.date is {date}.").format(date=fmt.date(meeting.date, review.lang)),
        review._(
            "If you are preparing for another meeting, update 'meeting:'; if the sponsor has "
            "agreed, keep them informed with 'pitchkit update'."
        ),
        review.where("meeting", "date"),
    )


def log_dated_ahead(review: Review) -> Iterator[Finding]:
    """A progress log entry dated after today: its figures cannot have been reported yet.

    An update reads only the figures of periods that have ended (as a brief
    does), so an entry for a period still under way, or a date typed a year
    out, is worth a second look before the update is shared. A log none of
    whose periods has ended (an example file as shipped, years ahead) is not
    questioned: it is read as it stands.
    """
    if not any(parse_period(u.period).end < review.today for u in review.facts.updates):
        return
    for index, update in enumerate(review.facts.updates):
        if update.date is None or update.date <= review.today:
            continue
        period = fmt.period_label(update.period, review.lang)
        yield Finding(
            "log-dated-ahead",
            "warning",
            review._("The progress log's entry for {period} is dated in the future.").format(
                period=period
            ),
            review._("updates[{index}].date is {date}; today is {today}.").format(
                index=index,
                date=fmt.date(update.date, review.lang),
                today=fmt.date(review.today, review.lang),
            ),
            review._(
                "Check the date it was reported on. If {period} is not over yet, log its "
                "figures once it is: until then an update leaves them out."
            ).format(period=period),
            review.where("updates", index, "date"),
        )


def project_over(review: Review) -> Iterator[Finding]:
    """The project has already ended."""
    end = review.facts.project.end
    if end is None or review.today <= end:
        return
    yield Finding(
        "project-over",
        "warning",
        review._("The project is over."),
        review._("It ended on {end}.").format(end=fmt.date(end, review.lang)),
        review._(
            "A pitch now comes too late: report the results with 'pitchkit update', and ask "
            "the sponsor to help spread or sustain the change instead."
        ),
        review.where("project", "end"),
    )


#: Funding statuses that say the money is not decided yet.
UNDECIDED = frozenset({"requested", "applied", "applied for", "pending", "planned", "submitted"})


def funding_undecided(review: Review) -> Iterator[Finding]:
    """The project has ended and its funding is still marked as asked for (newuser40 #6).

    A finished project's money was either had or not: "£320,000 (requested)"
    beside its results, and a finance director's benefit against that
    funding, read as a bid still open.
    """
    project = review.facts.project
    funding, end = project.funding, project.end
    if funding is None or end is None or review.today <= end:
        return
    status = (funding.status or "").strip()
    # A status typed in Welsh ("gofynnwyd amdano") is the same status as its English.
    if (status_key(status) or status.casefold()) not in UNDECIDED:
        return
    yield Finding(
        "funding-undecided",
        "warning",
        review._("The funding is still marked '{status}', though the project has ended.").format(
            status=status
        ),
        review._("project.funding.status is '{status}'; the project ended on {end}.").format(
            status=status, end=fmt.date(end, review.lang)
        ),
        review._(
            "Record what came of it ('status: awarded', or 'declined'), so the results are "
            "set against the money the project really had."
        ),
        review.where("project", "funding", "status"),
    )


def whole_team(review: Review) -> Iterator[Finding]:
    """A large grant with only one director engaged."""
    facts = review.facts
    if not whole_team_needed(facts) or facts.project.funding is None:
        return
    money = fmt.money(facts.project.funding.amount, review.lang)
    count = len(facts.directors)
    if count <= 1:
        yield Finding(
            "whole-team",
            "warning",
            review._("A grant of {money} needs the whole executive team behind it.").format(
                money=money
            ),
            review.lang.ngettext(
                "Only {count} director is listed.", "Only {count} directors are listed.", count
            ).format(count=count),
            review._(
                "Add the other executive directors under 'directors:' (or --directors FILE) "
                "and plan how each will hear about the project: 'pitchkit directors' suggests "
                "an order."
            ),
            review.where("project", "funding", "amount"),
        )
        return
    if not review.notes:  # the rest is a note, in the ranking's order
        return
    order = [p.director.name for p in review.ranking.places] if review.ranking else []
    yield Finding(
        "whole-team",
        "info",
        review._("With {money} at stake, plan to engage the whole executive team.").format(
            money=money
        ),
        review.lang.ngettext(
            "{count} director is listed.", "{count} directors are listed.", count
        ).format(count=count),
        review._("Brief each of them, in this order: {order}.").format(
            order=fmt.join_list(order, review.lang)
        ),
        review.where("project", "funding", "amount"),
    )


def no_keep_informed(review: Review) -> Iterator[Finding]:
    """No plan to keep the sponsor informed.

    A measures spreadsheet (``measures:``, or its figures merged from
    ``--measures``) is a log kept for the sponsor too: 'pitchkit update'
    reports from it, so it counts as a plan (newuser12 #10).
    """
    facts = review.facts
    if facts.updates or facts.settings.cadence or facts.measures or facts.figures:
        return
    yield Finding(
        "no-keep-informed",
        "warning",
        review._("There is no plan to keep the sponsor informed."),
        review._("There is no 'updates' log and no 'settings: cadence'."),
        review._(
            "Add 'settings: {cadence: month}' (or quarter) and log each period under "
            "'updates:'; 'pitchkit update' turns it into a one-page report the sponsor can "
            "take to the board."
        ),
        None,
    )


def target_was_dates(review: Review) -> Iterator[Finding]:
    """An earlier target (``target_was``) dated where the log cannot use it, or out of order.

    Each ``until`` is the last period its target applied to. One before the
    first logged period, or after the last, reads no logged figure against
    the target it ends; a list whose ``until`` s are out of order, or give
    the same month twice, is most likely a slip. Each warning points at the
    ``until`` itself.
    """
    facts = review.facts
    logged = [parse_period(p) for p in {u.period for u in facts.updates} | set(facts.figures)]
    first = min(logged, key=lambda p: p.start) if logged else None
    last = max(logged, key=lambda p: p.end) if logged else None
    raw_impacts = review.loaded.source.data.get("impacts") if review.loaded.source.data else None
    for index, impact in enumerate(review.facts.impacts):
        if not impact.target_was:
            continue
        raw = raw_impacts[index] if isinstance(raw_impacts, list) else None
        listed = isinstance(raw, dict) and isinstance(raw.get("target_was"), list)

        def where(item: int, index: int = index, listed: bool = listed) -> str:
            if listed:
                return review.where("impacts", index, "target_was", item, "until")
            return review.where("impacts", index, "target_was", "until")

        seen: dict[dt.date, int] = {}
        for item, was in enumerate(impact.target_was):
            field = f"impacts[{index}].target_was" + (f"[{item}]" if listed else "")
            until = parse_period(was.until)
            label = fmt.period_label(until.text, review.lang)
            value = fmt.number(was.value, review.lang)
            if until.end in seen:
                yield Finding(
                    "target-was-twice",
                    "warning",
                    review._("Two earlier targets of {measure} end in the same period.").format(
                        measure=impact.measure
                    ),
                    review._(
                        "{field}.until is {period}, as is 'until' of the one at {other}."
                    ).format(
                        field=field,
                        period=label,
                        other=f"impacts[{index}].target_was[{seen[until.end]}]",
                    ),
                    review._(
                        "Each earlier target needs its own last period: correct one 'until', "
                        "or remove the target that never applied."
                    ),
                    where(item),
                )
                continue
            if seen and until.end < max(seen):
                yield Finding(
                    "target-was-order",
                    "warning",
                    review._("The earlier targets of {measure} are not in order.").format(
                        measure=impact.measure
                    ),
                    review._(
                        "{field}: {value}, up to {period}, is listed after a target that "
                        "lasted to a later period."
                    ).format(field=field, value=value, period=label),
                    review._(
                        "List the earlier targets oldest first, each 'until' after the one "
                        "before, and check that each value goes with its 'until'."
                    ),
                    where(item),
                )
            seen[until.end] = item
            if first is not None and until.end < first.start:
                yield Finding(
                    "target-was-before-log",
                    "warning",
                    review._(
                        "An earlier target of {measure} ended before the first logged period."
                    ).format(measure=impact.measure),
                    review._(
                        "{field}: {value} up to {period}; the progress log begins {first}, so "
                        "no figure is read against it."
                    ).format(
                        field=field,
                        value=value,
                        period=label,
                        first=fmt.in_period(first.text, review.lang),
                    ),
                    review._(
                        "Check the date: if {period} is right, remove this earlier target, "
                        "which no update uses; if not, correct 'until'."
                    ).format(period=label),
                    where(item),
                )
            elif last is not None and until.start > last.end:
                yield Finding(
                    "target-was-after-log",
                    "warning",
                    review._(
                        "An earlier target of {measure} lasts beyond the last logged period."
                    ).format(measure=impact.measure),
                    review._(
                        "{field}: {value} up to {period}; the progress log ends {last}, so "
                        "no logged figure is read against the target that follows it."
                    ).format(
                        field=field,
                        value=value,
                        period=label,
                        last=fmt.in_period(last.text, review.lang),
                    ),
                    review._(
                        "Check the date: 'until' is the last period the earlier target applied "
                        "to, not when the new one ends. Correct it if the target changed sooner."
                    ),
                    where(item),
                )
