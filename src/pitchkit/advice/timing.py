"""Advice about timing and follow-through: approach early, the whole team, keep them informed."""

from __future__ import annotations

from collections.abc import Iterator

from pitchkit.advice.reasons import whole_team_needed
from pitchkit.advice.review import Finding, Review
from pitchkit.datewords import deadlines
from pitchkit.i18n import fmt
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
