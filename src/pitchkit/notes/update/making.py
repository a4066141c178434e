"""The progress update put together: the parts of :mod:`pitchkit.notes.update`, filled in.

See the package's docstring for the stages. Kept apart from the package's
``__init__`` so that a module of the package (the brief reads the log through
:mod:`~pitchkit.notes.update.actuals`) loads without the update's charts and
Word rendering.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director, Facts
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import Language
from pitchkit.notes import moneytext
from pitchkit.notes.brief import builtin_template, properties
from pitchkit.notes.context import Context, brief_context, money_context, shown_ledger
from pitchkit.notes.update import fillin
from pitchkit.notes.update.actuals import earning_lines, note_period
from pitchkit.notes.update.board import board_note, board_sentence_text, deliveries
from pitchkit.notes.update.charting import chart_context, charted, claimed_impacts
from pitchkit.notes.update.delivery import (
    delivered_impacts,
    delivered_rows,
    expected_impacts,
    expected_line,
)
from pitchkit.notes.update.entry import (
    headline,
    headline_note,
    log_parts,
    next_update_text,
    score_context,
    status_context,
)
from pitchkit.notes.update.measures import has_figure, measure_row, missing_notes
from pitchkit.notes.update.since import since_parts
from pitchkit.notes.update.situation import Situation, chosen_period, default_period, situate
from pitchkit.output.files import safe_stem
from pitchkit.period import Period
from pitchkit.recast.money import Ledger, fy_label
from pitchkit.recast.pitch import Pitch
from pitchkit.word.render import render

if TYPE_CHECKING:
    from pitchkit.notes.update.pages import Estimate

__all__ = [
    "Situation",
    "UpdateInfo",
    "chosen_period",
    "default_period",
    "fit_update",
    "make_update",
    "situate",
    "update_context",
    "update_document_context",
    "update_file_name",
]


@dataclass(frozen=True)
class UpdateInfo:
    """What :func:`make_update` made: for which period, and whether it is to be filled in."""

    period: str
    period_label: str
    fill_in: bool
    charts: int
    pitch: Pitch
    #: Its pages: LibreOffice's count when ``pages_measured``, else pitchkit's estimate
    #: (``None`` when neither could say).
    pages: int | None = None
    pages_measured: bool = False


def make_update(
    project: Project,
    director: Director,
    *,
    period: str | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
) -> tuple[bytes, UpdateInfo]:
    """Render the progress update for ``director``: for ``period``, or the latest logged.

    A period with no entry in the log (or an empty log) gives the fill-in
    template. Raises :class:`~pitchkit.errors.InputError` for a period that
    is not written as YYYY-MM, YYYY-Qn or YYYY.
    """
    today = today or dt.date.today()
    situation = situate(project.facts, director, project.lang, period=period, today=today)

    def rendered(fitted: Situation) -> tuple[Context, bytes]:
        return _rendered(fitted, project, template, today)

    fitted = fit_update(situation, rendered, template)
    situation, context, data = fitted.situation, fitted.context, fitted.data
    pages, measured = fitted.pages, fitted.measured
    info = UpdateInfo(
        period=situation.period.text,
        period_label=context["update"]["period_label"],
        fill_in=situation.fill_in,
        charts=len(context["update"]["charts"]),
        pitch=situation.pitch,
        pages=pages or None,
        pages_measured=measured,
    )
    return data, info


def fit_update(
    situation: Situation,
    rendered: Callable[[Situation], tuple[Context, bytes]],
    template: Path | None,
) -> FittedUpdate:
    """Fit the update for ``situation`` to :data:`UPDATE_PAGES`, as ``rendered`` fills it.

    ``rendered`` gives the context and document for a situation; ``pitchkit
    update`` and ``pitchkit batch --kind update`` both fit here, so a director
    gets the same update from either. The steps tried, in order, are
    :func:`_ladder`'s; where LibreOffice has to count, the steps still to come
    are counted with it in the same run (:class:`_PageCounter`), so an update
    that needs three cuts starts LibreOffice twice, not four times.
    """
    counter = _PageCounter(template)
    context, data = rendered(situation)
    pages, measured = counter.pages(data)
    charts = len(context["update"]["charts"])
    if pages > UPDATE_PAGES:
        steps = _ladder(situation, charts)
        made: dict[int, tuple[Context, bytes]] = {}

        def made_at(index: int) -> tuple[Context, bytes]:
            if index not in made:
                made[index] = rendered(steps[index].situation)
            return made[index]

        for index, step in enumerate(steps):
            step_context, step_data = made_at(index)
            if counter.unsure(step_data):
                # LibreOffice must count this step: it counts every later step too, in one run.
                later = [made_at(later)[1] for later in range(index + 1, len(steps))]
                counter.count_together([step_data, *later])
            step_pages, step_measured = counter.pages(step_data)
            if step.trial:
                # A shorter small print is taken only when it is enough.
                if step_pages and step_pages <= UPDATE_PAGES:
                    situation, context, data = step.situation, step_context, step_data
                    pages, measured = step_pages, step_measured
                    break
                continue
            situation, context, data = step.situation, step_context, step_data
            pages, measured = step_pages, step_measured
            if pages <= UPDATE_PAGES:
                break
    if pages > 1 and not situation.short_small_print and _stranded(data, counter, measured):
        # A last page that would hold only a tail of small print ("No chart yet" and the
        # contact line, newuser35's May update) is brought back with the small print short.
        shorter = replace(situation, short_small_print=True)
        short_context, short_data = rendered(shorter)
        short_pages, short_measured = counter.pages(short_data)
        if short_pages and (
            short_pages < pages
            or (not measured and _at_worst(short_data, counter) < _at_worst(data, counter))
        ):
            situation, context, data = shorter, short_context, short_data
            pages, measured = short_pages, short_measured
    return FittedUpdate(situation, context, data, pages, measured, charts)


@dataclass(frozen=True)
class _Step:
    """One way :func:`fit_update` tries to make an update fit."""

    situation: Situation
    #: Taken only if it fits (a shorter small print); otherwise the update stays as it was.
    trial: bool = False


def _ladder(situation: Situation, charts: int) -> list[_Step]:
    """The steps that fit an update of ``charts`` charts running over, in the order tried.

    First the charts' captions name their weightiest signals and count the
    rest. Then one chart fewer at a time, the chart note saying how many are
    shown; but before a chart a claim rests on (or the last chart) is left
    out, the small print kept short is tried, where that is enough
    (newuser12: the assurance key cost the lounge's only chart; reader25 #20).
    In an update for a director other than finance, the unit costs go before
    any chart does (reader28 #9).
    Each step keeps the ones before it, except a short small print not taken.
    """
    current = replace(situation, signals_at_most=SIGNALS_NAMED)
    steps = [_Step(current)]
    for shown in range(charts, 0, -1):
        if _loses_a_claim(current, shown):
            steps.append(_Step(replace(current, short_small_print=True), trial=True))
        if current.other_unit_costs and situation.pitch.lens.lens.id != "finance":
            # Another director's unit costs go before any chart does (reader28 #9).
            steps.append(
                _Step(replace(current, short_small_print=True, other_unit_costs=False), trial=True)
            )
            current = replace(current, other_unit_costs=False)
            steps.append(_Step(current))
        current = replace(current, charts_at_most=shown - 1)
        steps.append(_Step(current))
    return steps


def _loses_a_claim(situation: Situation, shown: int) -> bool:
    """Whether one chart fewer than ``shown`` leaves out the last chart or one a claim rests on.

    The claims are the sentence for the board's and the delivered table's
    (:func:`~.charting.claimed_impacts`) and the lines under "Since the last
    update" that speak of a chart.
    """
    if shown <= 1:
        return True
    _, named, mentioned = since_parts(situation)
    now = charted(replace(situation, charts_at_most=shown), named, mentioned)
    fewer = charted(replace(situation, charts_at_most=shown - 1), named, mentioned)
    return bool((now - fewer) & (set(claimed_impacts(situation)) | named | mentioned))


#: A last page holding less than this share of a page is a stranded tail.
STRANDED_SHARE = 0.2


def _stranded(data: bytes, counter: _PageCounter, measured: bool = True) -> bool:
    """Whether the update's last page, by the estimate, holds only a short tail.

    Only for the built-in template, whose page the estimate knows. An update
    LibreOffice did not count (not found, or measuring off) whose estimate is
    near the edge and whose last page, on full pages, has less than a line of
    text to spare strands its contact line on a page of its own in
    LibreOffice (newuser26's October update, once fixread31a's countdown named
    its average: 9 points spare by the estimate, a third page in LibreOffice).
    """
    from pitchkit.notes.update.pages import PAGE_HEIGHT, text_line

    guess = counter.guess(data)
    if counter.template is not None or guess is None:
        return False
    if not measured and guess.cautious > guess.pages and PAGE_HEIGHT - guess.tail < text_line():
        return True
    return guess.tail < STRANDED_SHARE * PAGE_HEIGHT


def _at_worst(data: bytes, counter: _PageCounter) -> int:
    """The pages the estimate gives the update on its shorter pages (0: not known)."""
    guess = counter.guess(data)
    return guess.cautious if guess is not None else 0


@dataclass(frozen=True)
class FittedUpdate:
    """An update fitted to its pages (:func:`fit_update`)."""

    situation: Situation
    context: Context
    data: bytes
    #: LibreOffice's count when ``measured``, else pitchkit's estimate (0: not known).
    pages: int
    measured: bool
    #: The charts it had before any was left out to fit.
    charts_before: int

    @property
    def cuts(self) -> tuple[tuple[str, Message], ...]:
        """What was left out or shortened to fit, as a batch's manifest lists it."""
        cuts: list[tuple[str, Message]] = []
        shown = len(self.context["update"]["charts"])
        if shown < self.charts_before:
            cuts.append(
                (
                    "update.charts",
                    Message(
                        "{shown} of {total} charts kept", shown=shown, total=self.charts_before
                    ),
                )
            )
        if self.situation.short_small_print:
            cuts.append(
                (
                    "update.small_print",
                    Message("the small print under the charts kept short"),
                )
            )
        if self.situation.signals_at_most is not None:
            cuts.append(
                (
                    "update.charts.signals",
                    Message(
                        "each chart's caption names at most {n} signals",
                        n=self.situation.signals_at_most,
                    ),
                )
            )
        return tuple(cuts)


#: The pages a progress update is kept to.
UPDATE_PAGES = 2
#: The signals a chart's caption names when the update would otherwise run over.
SIGNALS_NAMED = 3


def _rendered(
    situation: Situation, project: Project, template: Path | None, today: dt.date
) -> tuple[Context, bytes]:
    """The update's context for ``situation`` and the document filled from it."""
    context = update_document_context(situation, today=today)
    source: Path | bytes = template if template is not None else builtin_template("update")
    data = render(
        source,
        context,
        lang=project.lang,
        properties=properties(situation.pitch, project.lang, "update", today),
    )
    return context, data


class _PageCounter:
    """The pages of an update and its fitted versions, each counted once.

    pitchkit's estimate (:mod:`~pitchkit.notes.update.pages`) first: an update
    from the built-in template that it shows within two pages with a margin,
    or over them on full pages, is not measured (on the bundled examples and
    test projects its count was LibreOffice's every time). Near the edge
    LibreOffice counts, where it is found and measuring is not turned off
    (``PITCHKIT_MEASURE=0``); a user's template (its fonts and page are its
    own) is always measured where it can be. Without LibreOffice the estimate
    stands (0 when the document could not be read). Each LibreOffice run
    starts afresh and most of its time is the start, so documents counted
    together (:meth:`count_together`) cost little more than one.
    """

    def __init__(self, template: Path | None) -> None:
        self.template = template
        self._guesses: dict[bytes, Estimate | None] = {}
        self._counted: dict[bytes, int | None] = {}
        self._measuring: bool | None = None

    def guess(self, data: bytes) -> Estimate | None:
        """The estimate of the document's pages (``None``: it could not be read)."""
        from pitchkit.notes.update.pages import estimate

        if data not in self._guesses:
            self._guesses[data] = estimate(data)
        return self._guesses[data]

    def _sure(self, data: bytes) -> bool:
        """Whether the estimate settles the count, with no need for LibreOffice."""
        guess = self.guess(data)
        return (
            guess is not None
            and self.template is None
            and (guess.surely_within(UPDATE_PAGES) or guess.surely_over(UPDATE_PAGES))
        )

    def _can_measure(self) -> bool:
        from pitchkit.output.pagecount import measuring

        if self._measuring is None:
            self._measuring = measuring()
        return self._measuring

    def unsure(self, data: bytes) -> bool:
        """Whether counting the document would start LibreOffice."""
        return not self._sure(data) and data not in self._counted and self._can_measure()

    def count_together(self, documents: list[bytes]) -> None:
        """Have LibreOffice count, in one run, those of ``documents`` the estimate leaves open."""
        from pitchkit.output.pagecount import count_pages

        wanted = list(dict.fromkeys(data for data in documents if self.unsure(data)))
        for data, counted in zip(wanted, count_pages(wanted), strict=True):
            self._counted[data] = counted

    def pages(self, data: bytes) -> tuple[int, bool]:
        """The document's pages, and whether LibreOffice laid it out to count them."""
        guess = self.guess(data)
        if self._sure(data) and guess is not None:
            return guess.pages, False
        if self.unsure(data):
            self.count_together([data])
        counted = self._counted.get(data)
        if counted:
            return counted, True
        return (guess.pages if guess is not None else 0), False


def update_file_name(facts: Facts, director: Director, period: str, lang: Language) -> str:
    """A safe file name such as ``Frailty virtual ward - update 2028-03 - Helen Marsh.docx``."""
    label = lang.gettext("update")
    stem = safe_stem(
        f"{facts.project.title} - {label} {period} - {director.name}",
        fallback=f"update-{period}-{director.id}",
    )
    return f"{stem}.docx"


def update_document_context(situation: Situation, *, today: dt.date) -> Context:
    """Every variable the update template sees: the brief's, with ``update`` filled."""
    context = brief_context(situation.pitch, situation.lang, today=today)
    context["update"] = update_context(situation)
    reported = context["update"].get("date")
    context["update"]["written"] = written_text(
        situation.period,
        today,
        situation.lang,
        reported=reported if isinstance(reported, dt.date) else None,
    )
    return context


def written_text(
    period: Period, today: dt.date, lang: Language, *, reported: dt.date | None = None
) -> str:
    """The footer's words on the period and the day: ``Update for March 2028, written on ...``.

    A draft written before its period is over says so, so that "April 2028"
    above "written on 6 December 2026" is not read as a slip in either date
    (fixleft24a #2); an update for a period over by the day it is written
    needs no more than both. When the log gives the day the update was
    reported (``reported``, the header's date), the footer gives that day,
    not a second story: neither one still to come (reader24 #15) nor one
    already past (a header "reported on 4 December 2026" over a footer
    "written on 6 December 2026", reader25 #14).
    """
    values = {"period": fmt.period_label(period.text, lang), "date": fmt.date(today, lang)}
    if reported is not None:
        # The log's day for the update is the header's: a footer "drafted on 6 December
        # 2026, before the period began" under "reported on 8 January 2028", or "written
        # on 6 December" under "reported on 4 December", tells two date stories.
        values["date"] = fmt.date(reported, lang)
        return lang.gettext("Update for {period}, reported on {date}").format(**values)
    if today < period.start:
        return lang.gettext(
            "Update for {period}, drafted on {date}, before the period began"
        ).format(**values)
    if today <= period.end:
        return lang.gettext(
            "Update for {period}, drafted on {date}, before the period ended"
        ).format(**values)
    return lang.gettext("Update for {period}, written on {date}").format(**values)


def board_sentence(situation: Situation) -> str:
    """The sentence for the board; in brackets when a fill-in words it from earlier figures."""
    text = board_sentence_text(situation)
    if not situation.fill_in or text.startswith("["):
        return text
    if any(has_figure(p, situation.period) for p in situation.progress):
        return text
    latest = [p.latest.period for p in situation.progress if p.latest is not None]
    if not latest:
        return text
    return fillin.stale_prompt(text, max(latest).text, situation.lang)


def funding_line(situation: Situation) -> str:
    """The brief's benefit against the funding, for the finance director's update.

    The briefing note gives a finance director the benefit set against the
    funding, the payback and the return per £1; an update that left it out
    gave the money delivered with nothing to weigh it against (newuser34 #5).
    It is the brief's own line, for the same day, so it is given only in an
    update for the latest period that day's log can know (a June draft
    written in December would set November's money beside June's figures),
    and never in a fill-in.
    """
    pitch = situation.pitch
    if pitch.lens.lens.id != "finance" or situation.fill_in:
        return ""
    ledger = shown_ledger(pitch)
    if ledger is None or ledger.today is None or not ledger.investment:
        return ""
    known = note_period(situation.facts, ledger.today)
    if known is None or known.text != situation.period.text:
        return ""
    shown = moneytext.figures(ledger)
    # The brief's line leaves the netting of extra spend to its line before, which the
    # update does not give: the update's line says it itself (fixbrief28).
    invested = moneytext.investment_line(ledger, shown, situation.lang, net_said=True)
    whole = moneytext.investment_line(ledger, shown, situation.lang)
    lines = money_context(pitch, situation.lang)["lines"]
    line = next((line for line in lines if invested and line.startswith(invested)), "")
    if not line:
        return ""
    return whole + line[len(invested) :] + _prices_said(ledger, shown, situation.lang)


def _prices_said(ledger: Ledger, shown: moneytext.Figures, lang: Language) -> str:
    """`` All the money here is at 2027/28 prices, 2026/27's included.``, when it needs saying.

    An update prices every year's money in the year of its period (reader27 #1): a June
    2027 update gives 2026/27's delivery at 2027/28 prices, and a finance director checking
    it by hand at 2026/27's unit cost came out £1,500 short (newuser38 #8). Said only when
    a year before the price base is shown with money in it; empty otherwise.
    """
    earlier = [year for year, benefit, _ in shown.years if year < ledger.price_year and benefit]
    if not earlier:
        return ""
    years = fmt.join_list([fy_label(year) for year in earlier], lang)
    return " " + lang.gettext("All the money here is at {base} prices, {years}'s included.").format(
        base=fy_label(ledger.price_year), years=years
    )


def unit_costs(
    situation: Situation, *, whole_plan: bool = False, named: Collection[str] = ()
) -> list[str]:
    """The unit costs behind the money anywhere in the update, with their sources.

    "worth £22,000 in capacity at 2026/27 prices" cannot be checked without
    the cost of a fall (reader25 #16): the brief's "Unit costs used" line,
    for the impacts whose money the update gives: a row of the delivered
    table (:func:`delivered_impacts`), the board text, and, with
    ``whole_plan`` (a money paragraph that sums or forecasts the plan's
    benefit), every impact the plan's benefit counts; ``named``, the impacts a
    line gives the money of besides (the "Expected, not yet delivered" line:
    :func:`~.delivery.expected_impacts`). Money in the board text or the
    money paragraph alone named no unit cost (reader26 #7: "£80,000 of time
    freed" with no cost of an A&E attendance). An update with no money has
    no line. Another director's update gives it too, when it gives money
    (reader28 #9: "£51,000 in capacity at 2027/28 prices" with no cost of a
    fall), unless it would cost a chart (``other_unit_costs``); a fill-in
    has none.
    """
    ledger = situation.pitch.ledger
    finance = situation.pitch.lens.lens.id == "finance"
    if ledger is None or situation.fill_in or not (finance or situation.other_unit_costs):
        return []
    priced = (
        delivered_impacts(situation)
        | {found.impact_id for found in deliveries(situation) if "£" in found.phrase}
        | set(named)
    )
    if whole_plan:
        # Only the lines the plan's benefit counts: bed days that overlap the admissions they
        # come from add nothing to it, so their cost is not one the sums rest on; nor do lines
        # the log counts as nothing in every year the line gives (fixread31a #2: £296 a shift
        # beside "nothing counted for agency nursing shifts"), unless the line names the plan's
        # whole benefit a year, which every line's cost prices (reader26 #7: "All of the plan's
        # benefit, £1,037,000 a year", the admissions' £1,590 in it).
        shown = shown_ledger(situation.pitch)
        whole = shown is not None and moneytext.apart_payback(
            shown, moneytext.figures(shown), situation.lang
        )
        earning = earning_lines(ledger, situation.facts)
        priced |= {line.impact.id for line in ledger.counted if whole or line.impact.id in earning}
    if not priced:
        return []
    return moneytext.source_lines(ledger, situation.lang, priced, short=True)


def update_context(situation: Situation) -> Context:
    """The ``update`` variable: period, status, measures, delivery, charts and next steps."""
    lang, entry, period = situation.lang, situation.entry, situation.period
    label = fmt.period_label(period.text, lang)
    since, named, mentioned = since_parts(situation)
    context: Context = {
        "period": period.text,
        "period_label": label,
        "fill_in": situation.fill_in,
        "date": entry.date if entry else None,
        "status": status_context(entry, lang),
        "headline": headline(situation),
        "headline_note": headline_note(situation),
        "since": since,
        "measures": [measure_row(p, situation) for p in situation.progress],
        "missing": missing_notes(situation),
        "delivered": delivered_rows(situation),
        "board_sentence": board_sentence(situation),
        "score": score_context(situation),
        "next_update": next_update_text(situation),
    }
    context["board_note"] = board_note(situation, table_shown=bool(context["delivered"]))
    # The benefit against the funding carries the forecast; without it, what the forecast
    # expects of measures not yet delivering is said on its own, never as delivered.
    funding = funding_line(situation)
    expected = "" if funding else (expected_line(situation) if context["delivered"] else "")
    context["funding_line"] = funding or expected
    # The plan's unit costs only beside a line that sums the plan; the "Expected, not yet
    # delivered" line alone gives the money of the measures it names, so only theirs
    # (pinsA: the director of people's May update listed four costs for its one figure).
    context["unit_costs"] = unit_costs(
        situation,
        whole_plan=bool(funding),
        named=expected_impacts(situation) if expected else frozenset(),
    )
    context.update(log_parts(situation))
    context.update(chart_context(situation, named, mentioned))
    return context
