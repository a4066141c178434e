"""Writing one progress update: the ``update`` use case.

Its request shares :class:`~pitchkit.api.notes.NoteRequest` and the checks
on English text with the ``brief`` (:mod:`pitchkit.api.notes`); it is a
module of its own so that a brief does not build the update's classes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import (
    Heard,
    Listener,
    Result,
    check_can_write,
    folder_to_make,
    open_facts,
    output_path,
    save_document,
    with_log,
    with_team,
)
from pitchkit.api.notes import NoteRequest, open_pair, refuse_english, warn_english, warn_template
from pitchkit.i18n.messages import Message, Plural, Renderable, Worded
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.facts.project import Project
    from pitchkit.facts.schema import Facts
    from pitchkit.period import Period


@dataclass(frozen=True)
class UpdateRequest(NoteRequest):
    """A progress update for one director; ``period`` as YYYY-MM, YYYY-Qn or YYYY."""

    period: str | None = None
    #: In Welsh, refuse when the update would show English text.
    strict: bool = False


@dataclass(frozen=True)
class PeriodStatus:
    """What to tell the reader about the period an update reports on."""

    #: The period as written, such as ``2027-Q2``.
    period: str
    #: Whether the period was asked for (rather than the latest logged).
    asked: bool
    #: The project's end, when the period starts after it.
    after_end: dt.date | None
    #: Whether the progress log has no entry for the period (so the note is to fill in).
    fill_in: bool
    #: For a quarter or year built from the months logged in it: those months
    #: (``2027-02``), and the months of the period with no entry.
    built_from: tuple[str, ...] = ()
    unlogged: tuple[str, ...] = ()
    #: The project's start, when the period ends before it.
    before_start: dt.date | None = None
    #: For a fill-in quarter or year some of whose months are logged (its last month is
    #: not): the months with no entry (``2026-03``), which the warning names.
    missing: tuple[str, ...] = ()
    #: The period's last day, when the period is not over on the day the update is written.
    under_way: dt.date | None = None
    #: The day the period's log entry says it was reported, when that is after today.
    dated_ahead: dt.date | None = None
    #: The project's start, when it is after the day the update is written and the log has
    #: no entry for the period: the update can only be a template to fill in.
    not_started: dt.date | None = None
    #: The day the update is written, when the progress log has entries but none of its
    #: periods has ended by then (the bundled examples, a rehearsal, or a log typed ahead):
    #: the log is read as written, and a warning says so every time.
    rehearsal: dt.date | None = None
    #: The latest period of the same length that has ended by today, when the update is
    #: for an earlier one because the log has nothing for it yet (newuser23 #8).
    newer_unlogged: str | None = None
    #: For a fill-in: whether a measures spreadsheet has figures for the period (or for a
    #: month of it), so only the log's words (what was done, barriers, asks) are missing.
    figured: bool = False
    #: For a fill-in quarter or year a measures spreadsheet has some months of but not its
    #: last: those months (``2026-10``), which the warning names instead of the period.
    figured_part: tuple[str, ...] = ()
    #: For a quarter or year with a log entry of its own: the months of the measures
    #: spreadsheet its figures are built from (newuser28 #1).
    figures_from: tuple[str, ...] = ()


def period_status(
    facts: Facts,
    when: Period,
    *,
    asked: bool,
    today: dt.date | None = None,
) -> PeriodStatus:
    """Whether ``when`` is outside the project and whether the log has an entry for it.

    A quarter or year with no entry of its own, logged month by month up to
    its last month, is built from those months: not a fill-in. With
    ``today``: whether the period is still under way while earlier ones are
    over (so its figures are left out), and whether its entry is dated after
    today (not said of a log wholly ahead of today: that is ``rehearsal``).
    """
    from pitchkit.notes.update.situation import built_entry, logged_entry, months_logged

    start, end = facts.project.start, facts.project.end
    # A log none of whose periods is over (an example, a rehearsal) is read as it stands,
    # with one warning that says so (``rehearsal``).
    ended = today is not None and bool(facts.ended_periods(today))
    ahead = today is not None and not ended and bool(facts.updates or facts.figures)
    logged: tuple[Period, ...] = ()
    unlogged: tuple[Period, ...] = ()
    entry = logged_entry(facts, when)
    missing: tuple[Period, ...] = ()
    if entry is None and built_entry(facts, when)[0] is not None:
        logged, unlogged = months_logged(facts, when)
    elif entry is None and when.kind != "month":
        some, none = months_logged(facts, when)
        missing = none if some else ()
    figured_in = [
        period
        for period, values in facts.figures.items()
        if (period == when.text or (when.kind != "month" and _within(period, when)))
        and any(value is not None for value in values.values())
    ]
    figured = bool(figured_in)
    partly: tuple[str, ...] = ()
    if when.kind != "month" and when.text not in figured_in and figured_in:
        # A quarter the spreadsheet has only some months of (one not over yet, say): the
        # warning names those months, not the whole quarter (newuser12 #4).
        last = f"{when.end.year}-{when.end.month:02d}"
        if last not in figured_in:
            partly = tuple(sorted(figured_in))
    fill_in = entry is None and not logged
    figures_from: tuple[str, ...] = ()
    own = set(entry.measures) if entry is not None else set()
    if entry is not None and when.kind != "month" and any(i.id not in own for i in facts.impacts):
        # An entry that gives every figure itself takes none from the spreadsheet.
        from pitchkit.notes.update.rollup import figures_rolled_up, months_of

        if figures_rolled_up(facts, when) is not None:
            figures_from = tuple(m.text for m in months_of(when) if m.text in facts.figures)
    not_started = (
        start if fill_in and today is not None and start is not None and start > today else None
    )
    return PeriodStatus(
        figured=figured,
        figured_part=partly,
        figures_from=figures_from,
        period=when.text,
        asked=asked,
        after_end=end if end is not None and when.start > end else None,
        fill_in=fill_in,
        built_from=tuple(month.text for month in logged),
        unlogged=tuple(month.text for month in unlogged),
        before_start=start if start is not None and when.end < start else None,
        missing=tuple(month.text for month in missing),
        under_way=(
            when.end if today is not None and when.end >= today and (ended or not_started) else None
        ),
        not_started=not_started,
        rehearsal=today if ahead else None,
        newer_unlogged=_newer_unlogged(facts, when, today) if ended and not asked else None,
        dated_ahead=(
            entry.date
            if ended and entry is not None and entry.date and today and entry.date > today
            else None
        ),
    )


def _newer_unlogged(facts: Facts, when: Period, today: dt.date | None) -> str | None:
    """The latest period like ``when`` over by ``today``, if it is after ``when``.

    ``when`` is the default period, the last one the log has figures for, so a
    later one has none: when it has ended, within the project, it is named so
    the lead knows which update this is.
    """
    from pitchkit.period import period_at

    if today is None:
        return None
    current = period_at(today, when.kind)
    latest = period_at(current.start - dt.timedelta(days=1), when.kind)
    end = facts.project.end
    if latest.start <= when.start or (end is not None and latest.start > end):
        return None
    return latest.text


def _within(text: str, when: Period) -> bool:
    """Whether the month ``text`` (``2026-11``) falls in the quarter or year ``when``."""
    from pitchkit.errors import InputError
    from pitchkit.period import parse_period

    try:
        month = parse_period(text)
    except InputError:
        return False
    return month.kind == "month" and when.start <= month.start and month.end <= when.end


@dataclass(frozen=True)
class UpdateResult(Result):
    """The update written and what to say about its period."""

    lang: Language
    director: str
    written: tuple[Path, ...]
    period: PeriodStatus
    warnings: tuple[Renderable | str, ...] = field(default=())
    #: The folder made for the note (see :func:`~pitchkit.api.base.folder_to_make`), if any.
    folder_made: Path | None = None
    #: The director's name and role, as the facts give them.
    director_name: str = ""
    director_role: str = ""
    #: Whether the document is Welsh then English (``bilingual`` in the request).
    bilingual: bool = False
    #: The update's pages: LibreOffice's count when ``pages_measured``, else pitchkit's
    #: estimate; ``None`` when not known (a bilingual update, or unreadable).
    pages: int | None = None
    #: Whether LibreOffice laid the update out to count its pages.
    pages_measured: bool = False

    def to_json(self) -> dict[str, Any]:
        """The result as ``pitchkit update --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import update_json

        return update_json(self)


def write_update(request: UpdateRequest, listener: Listener | None = None) -> UpdateResult:
    """Write the progress update for one director, or a fill-in template for a new period."""
    heard = Heard(listener)
    team = request.directors
    pair = open_pair(request.facts, request.locale, heard, team=team) if request.bilingual else None
    opened = (
        list(pair.projects)
        if pair
        else [
            open_facts(
                request.facts,
                request.locale,
                heard,
                default_locale=request.default_locale,
                team=team,
            )
        ]
    )
    warn_template(request.template, "update", heard)
    opened = with_team(opened, request.directors, heard)
    # A spreadsheet's figures may make a chart: read it before telling.
    opened = with_log(opened, request.measures, heard, request.today)
    return _write_update(request, heard, opened, bilingual=pair is not None)


def _write_update(
    request: UpdateRequest, heard: Heard, projects: list[Project], *, bilingual: bool
) -> UpdateResult:
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.bilingual import Pair, make_bilingual_update
    from pitchkit.notes.bilingual import file_name as bilingual_file_name
    from pitchkit.notes.foreign import update_fields
    from pitchkit.notes.update import chosen_period, make_update, update_file_name
    from pitchkit.notes.update.headline import headline_text, unsupported
    from pitchkit.period import calendar_quarter_note, file_period

    today = request.today or written_on()
    pair = Pair(*projects) if bilingual else None
    project = projects[0]
    chosen = pick_director(project.facts, request.director, source=str(request.facts))
    when = chosen_period(project.facts, request.period, today)
    refuse_other_periods(project, when)
    shown = update_fields(project.loaded.source.data, when)
    if not pair:
        refuse_english(project, strict=request.strict, director_id=chosen.id, fields=shown)
    named = file_period(request.period, when)
    if pair:
        name = bilingual_file_name(pair, chosen, "update", period=named)
    else:
        name = update_file_name(project.facts, chosen, named, project.lang)
    path = output_path(request.out, name)
    check_can_write(path, force=request.force, pdf=request.pdf)
    pages: int | None = None
    measured = False
    if pair:
        data, _ = make_bilingual_update(
            pair, chosen.id, period=when.text, template=request.template, today=today
        )
    else:
        data, info = make_update(
            project, chosen, period=when.text, template=request.template, today=today
        )
        pages, measured = info.pages, info.pages_measured
    folder_made = folder_to_make(path)
    written = save_document(path, data, force=request.force, pdf=request.pdf)
    if not pair and not request.strict:
        warn_english(project, chosen.id, heard, shown)
    status = period_status(project.facts, when, asked=request.period is not None, today=today)
    money = _in_financial_years(project.facts)
    if (note := calendar_quarter_note(request.period, when, financial_years=money)) is not None:
        heard.warning(note)
    for line in period_warnings(status):
        heard.warning(line)
    for found in unsupported(project.facts, only=when):
        # The lead's headline is printed as written; a claim its figures do not show is
        # theirs to reword, so it is said here, where they read it (newuser26 #4).
        message, _, fix = headline_text(found, project.lang)
        place = project.loaded.source.where(("updates", found.entry, "summary"))
        heard.warning(f"{place}: {message} {fix}")
    # Last, beside "Wrote ...": a likely typo the update prints as it stands (newuser29 #2).
    from pitchkit.notes.outliers import used_far_outside

    for line in {line.render(): line for line in used_far_outside(heard.warnings, when)}.values():
        heard.warning(line)
    return UpdateResult(
        lang=project.lang,
        director=chosen.id,
        written=written,
        folder_made=folder_made,
        period=status,
        warnings=tuple(heard.warnings),
        director_name=chosen.name,
        director_role=chosen.role,
        bilingual=bilingual,
        pages=pages,
        pages_measured=measured,
    )


def refuse_other_periods(project: Project, when: Period) -> None:
    """Refuse an update whose log holds another period's figures for a measure (a week's).

    170 hours a week read as a month's total makes a target "met" and a saving
    seven times too large (newuser23 #1): an update with those is worse than
    none, and the fix is one line in the facts file. So when most of a rate
    impact's figures up to ``when`` look like a shorter period's (the readings of
    ``check``'s logged-period warning), nothing is written. A stray figure
    alone, or figures that look like a longer period's, are left to that
    warning and the chart.
    """
    from pitchkit.advice.money import LOOKS_PER, period_slips
    from pitchkit.errors import InputError
    from pitchkit.i18n import fmt
    from pitchkit.period import PER_MONTHS, parse_period

    facts = project.facts
    # The log's entries up to the update's period: the ones it reads.
    read = [parse_period(update.period).end <= when.end for update in facts.updates]
    for (impact_id, looks), entries in period_slips(facts).items():
        impact = facts.impact(impact_id)
        assert impact is not None  # found by period_slips
        figures = sum(
            1
            for update, counted in zip(facts.updates, read, strict=True)
            if counted and (update.measures.get(impact_id) or 0) > 0
        )
        slipped = [entry for entry in entries if read[entry[0]]]
        if not slipped or len(slipped) * 2 <= figures:
            continue
        if PER_MONTHS[LOOKS_PER[looks]] > parse_period(facts.updates[slipped[0][0]].period).months:
            # Figures many times above the path (a year's in a month) may be a real rise or
            # another count: check warns of them; only a shorter period's is refused.
            continue
        index, value, low, high, _level = slipped[0]
        where = project.loaded.source.where(("updates", index, "measures", impact_id))
        raise InputError(
            Message(
                "{where}: the figures logged for '{measure}' look like {looks} figures "
                "({value} for {period}, where the baseline and target give about {low} to "
                "{high}): if they are, add 'logged: {per}' to the impact; if not, log each "
                "period's whole figure. Nothing was written",
                where=where,
                measure=impact.measure,
                looks=Message(looks),
                value=f"{value:,g}",
                period=Worded(fmt.period_label, facts.updates[index].period),
                low=f"{fmt.whole(low):,}",
                high=f"{fmt.whole(high):,}",
                per=LOOKS_PER[looks],
            )
        )


def written_on() -> dt.date:
    """The day an update is written when the request names none: today."""
    return dt.date.today()


def period_warnings(status: PeriodStatus, *, notes: int = 1) -> list[Renderable]:
    """What to warn of about an update's period: outside the project, months unlogged, to fill in.

    ``notes`` is how many updates were written for the period (a batch's), for the wording.
    A period the log has no entry for is a warning only when it was asked for: the
    latest period, to fill in, is simply said (the command line says it).
    """
    from pitchkit.i18n import fmt

    found: list[Renderable] = []
    period = Worded(fmt.period_label, status.period)
    if status.newer_unlogged is not None:
        found.append(
            Message(
                "{newer} has no figures in the progress log yet: this update is for {period}; "
                "add the figures for {newer} to the log, or pass --period {text} to keep "
                "{period}",
                newer=Worded(fmt.period_label, status.newer_unlogged),
                period=period,
                text=status.period,
            )
        )
    if status.rehearsal is not None:
        found.append(
            Message(
                "every period in the progress log ends after today ({today}), so the update "
                "reads it as written, as for a rehearsal: if these are real figures, check "
                "their dates",
                today=Worded(fmt.date, status.rehearsal),
            )
        )
    if status.before_start is not None:
        found.append(
            Message(
                "{period} ends before the project starts ({start}): check --period",
                period=period,
                start=Worded(fmt.date, status.before_start),
            )
        )
    if status.after_end is not None:
        found.append(
            Message(
                "{period} starts after the project ends ({end}): check --period",
                period=period,
                end=Worded(fmt.date, status.after_end),
            )
        )
    if status.under_way is not None and not status.fill_in:
        found.append(
            Message(
                "{period} is not over yet (it ends on {end}): its figures are left out until "
                "it is, so the totals run to the last period that has ended",
                period=period,
                end=Worded(fmt.date, status.under_way),
            )
        )
    elif status.under_way is not None and status.not_started is not None:
        found.append(
            Message(
                "the project starts on {start}, after today, so {period} has not happened yet: "
                "this is a template to fill in once it is over (it ends on {end})",
                start=Worded(fmt.date, status.not_started),
                period=period,
                end=Worded(fmt.date, status.under_way),
            )
        )
    elif status.under_way is not None:
        found.append(
            Message(
                "{period} is not over yet (it ends on {end}): fill in its figures once it is",
                period=period,
                end=Worded(fmt.date, status.under_way),
            )
        )
    if status.dated_ahead is not None and status.under_way is None:
        found.append(
            Message(
                "the progress log's entry for {period} is dated {date}, after today: "
                "check its date",
                period=period,
                date=Worded(fmt.date, status.dated_ahead),
            )
        )
    if status.built_from and status.unlogged:
        found.append(
            Plural(
                "the update for {period} is built from the progress log's entries for {logged} "
                "of its {months} months; with none for {unlogged}, its totals are left blank",
                "the updates for {period} are built from the progress log's entries for "
                "{logged} of its {months} months; with none for {unlogged}, their totals are "
                "left blank",
                notes,
                period=period,
                logged=len(status.built_from),
                months=len(status.built_from) + len(status.unlogged),
                unlogged=Worded(_months, status.unlogged),
            )
        )
    if status.fill_in and status.asked and status.figured_part and not status.missing:
        found.append(
            Plural(
                "the measures spreadsheet has figures for {months} only, so the update for "
                "{period} is a fill-in template: replace each part in [square brackets]",
                "the measures spreadsheet has figures for {months} only, so the updates for "
                "{period} are fill-in templates: replace each part in [square brackets]",
                notes,
                months=Worded(_months, status.figured_part),
                period=period,
            )
        )
    elif status.fill_in and status.asked and status.figured_part:
        # The spreadsheet lacks the period's last month and the log some of its months: both
        # named, and only the months the spreadsheet has (newuser13 #4: it had said "figures
        # for October to December 2026" with no December in the file).
        found.append(
            Plural(
                "the measures spreadsheet has figures for {months} only, and the progress log "
                "has no entry for {missing}, so the update for {period} is a fill-in template: "
                "replace each part in [square brackets]",
                "the measures spreadsheet has figures for {months} only, and the progress log "
                "has no entry for {missing}, so the updates for {period} are fill-in templates: "
                "replace each part in [square brackets]",
                notes,
                months=Worded(_months, status.figured_part),
                missing=Worded(_months, status.missing),
                period=period,
            )
        )
    elif status.fill_in and status.asked and status.figured:
        found.append(figured_fill_in(status.period, status.missing, notes))
    elif status.fill_in and status.asked and status.missing:
        # A quarter with January and February logged lacks March, not the whole quarter.
        found.append(
            Plural(
                "the progress log has no entry for {missing}, so the update for {period} is a "
                "fill-in template: replace each part in [square brackets]",
                "the progress log has no entry for {missing}, so the updates for {period} are "
                "fill-in templates: replace each part in [square brackets]",
                notes,
                missing=Worded(_months, status.missing),
                period=period,
            )
        )
    elif status.fill_in and status.asked:
        found.append(
            Plural(
                "the progress log has no entry for {period}, so this is a fill-in template: "
                "replace each part in [square brackets]",
                "the progress log has no entry for {period}, so these are fill-in templates: "
                "replace each part in [square brackets]",
                notes,
                period=period,
            )
        )
    return found


def figured_fill_in(period: str, missing: tuple[str, ...], notes: int = 1) -> Plural:
    """A fill-in whose figures a spreadsheet gives: only the log's words are to write."""
    from pitchkit.i18n import fmt

    worded = Worded(fmt.period_label, period)
    if missing:
        return Plural(
            "the measures spreadsheet has figures for {period}, but the progress log has no "
            "entry for {missing} (what was done, barriers, asks), so this update's words are "
            "to fill in: replace each part in [square brackets]",
            "the measures spreadsheet has figures for {period}, but the progress log has no "
            "entry for {missing} (what was done, barriers, asks), so these updates' words are "
            "to fill in: replace each part in [square brackets]",
            notes,
            period=worded,
            missing=Worded(_months, missing),
        )
    return Plural(
        "the measures spreadsheet has the figures for {period}, but the progress log has no "
        "entry for it (what was done, barriers, asks), so this update's words are to fill "
        "in: replace each part in [square brackets]",
        "the measures spreadsheet has the figures for {period}, but the progress log has no "
        "entry for it (what was done, barriers, asks), so these updates' words are to fill "
        "in: replace each part in [square brackets]",
        notes,
        period=worded,
    )


def _months(months: tuple[str, ...], lang: Language) -> str:
    """Periods such as ``2027-02`` as a list in words: "February and March 2027"."""
    from pitchkit.i18n import fmt

    return fmt.join_list([fmt.period_label(month, lang) for month in months], lang)


def _in_financial_years(facts: Facts) -> bool:
    """Whether the project has money, which pitchkit counts by NHS financial year.

    Its funding or a unit cost: pounds, the only currency the facts take.
    """
    return facts.project.funding is not None or any(i.value is not None for i in facts.impacts)
