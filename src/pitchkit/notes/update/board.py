"""The sentence the director can say at the board: what the project has delivered, and for what.

Up to two deliveries, from the impacts linked to the director's objectives
(strongest first). Each is credited to the objectives *it* is linked to, as
the brief links them (:mod:`pitchkit.recast.pitch`): a change in bed days is never
credited to a four-hour objective served by another measure. Deliveries
crediting different objectives get a sentence each. When none of the linked
impacts has delivered anything yet but others have, the sentence reports
what the project has delivered without claiming it serves the director's
objectives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pitchkit.facts.schema import Impact, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.englishtitle import english_subject, finished
from pitchkit.i18n.translation import Language
from pitchkit.i18n.welshtitle import welsh_subject
from pitchkit.notes import objectives as shapes
from pitchkit.notes import wording
from pitchkit.notes.foreign import foreign
from pitchkit.notes.update import aim, fillin, spans
from pitchkit.notes.update.actuals import whole
from pitchkit.notes.update.claims import Claim, worsening
from pitchkit.notes.update.delivery import (
    chosen_statements,
    delivered_money_text,
    money_so_far_split,
    out_of_year_impacts,
    progress_for,
    spend_so_far,
    year_part_text,
)
from pitchkit.notes.update.measures import (
    amount_text,
    averaged_over,
    beside_text,
    figure_period,
    has_figure,
    level_mean,
    mean_text,
    named_by_measure,
    shown_unit,
    within_limit,
)
from pitchkit.notes.update.progress import MeasureProgress, is_money
from pitchkit.notes.update.situation import Situation
from pitchkit.period import Period
from pitchkit.recast.english import english_impact
from pitchkit.recast.pitch import capacity_against_cash
from pitchkit.recast.quantity import time_unit

#: At most this many deliveries in the board sentence.
MAX_IN_SENTENCE = 2
#: At most this many objectives credited to one delivery.
MAX_CREDITED = 2


@dataclass(frozen=True)
class Delivery:
    """One change the project has delivered, when, and which objectives it serves."""

    phrase: str  # a reduction of 275 in occupied bed days
    span: str  # between January and September 2027; empty for a level
    objectives: tuple[Objective, ...]  # the director's objectives it is linked to
    impact_id: str = ""  # the impact that delivered it
    #: Whether a credited objective is a cash target that this capacity meets only once it
    #: is turned into cash (the table's "if the capacity is turned into cash", said here too).
    if_cash: bool = False


def board_sentence_text(situation: Situation) -> str:
    """What the director can say at the board, or a prompt (or a plain note) with no figures."""
    lang = situation.lang
    found = deliveries(situation)
    title = situation.facts.project.title
    if lang.lang == "cy":
        # "Mae'r gwasanaeth gofal clust ...", not "Mae Gwasanaeth gofal clust ..." (newuser31).
        title = welsh_subject(title, english=foreign(title, lang))
    else:
        # "As executive sponsor of the theatre scheduling hub", not "of Theatre scheduling
        # hub" (newuser40 #1); a name ("Project Phoenix") as it is.
        title = english_subject(title, names=[situation.facts.project.organisation])
    if not found:
        if situation.fill_in:
            return fillin.board_sentence_prompt(lang, sponsor=is_sponsor(situation))
        start = situation.facts.project.start
        if start is not None and situation.period.end < start:
            # A period before the project began: it was not under way then.
            return finished(
                lang.gettext(
                    "{title} starts on {start}, after {period}, so there is nothing to report "
                    "for that period."
                ).format(
                    title=title,
                    start=fmt.date(start, lang),
                    period=fmt.period_label(situation.period.text, lang),
                ),
                lang.lang,
            )
        worse = worse_measures(situation)
        if worse:
            return finished(
                lang.gettext(
                    "{title} is under way; its figures show no improvement we can report yet, "
                    "and those for {measures} have got worse."
                ).format(title=title, measures=fmt.join_list(worse, lang)),
                lang.lang,
            )
        return finished(
            lang.gettext(
                "{title} is under way; its figures do not yet show a change we can report."
            ).format(title=title),
            lang.lang,
        )
    by_credit: dict[tuple[str, ...], list[Delivery]] = {}
    for delivery in found:
        key = (*(o.id for o in delivery.objectives), str(delivery.if_cash))
        by_credit.setdefault(key, []).append(delivery)
    sponsor = is_sponsor(situation)
    sentences = []
    named: set[str] = set()
    for number, group in enumerate(by_credit.values()):
        delivered = summary(group, lang)
        # Each objective is named once: a later delivery toward one the paragraph has named
        # already is said without it (fixread31a #3: "contributing to our objective to bring
        # out-of-area placement spend within the £2m budget" twice in one paragraph).
        objectives = tuple(o for o in group[0].objectives if o.id not in named)
        named |= {o.id for o in objectives}
        credit = credit_text(objectives, lang)
        if credit and group[0].if_cash:
            # Capacity never reads as cash in a sentence for the board (reader21 #1): the
            # condition the table puts on its share of a cash target goes with the credit.
            credit = lang.gettext("{credit}, if the capacity is turned into cash").format(
                credit=credit
            )
        missed = missed_text(objectives, situation) if credit else ""
        if missed:
            # An objective the note judges missed is worked toward, never contributed to as if
            # reached, and the sentence says how far it got (reader25 #2).
            if number == 0 and sponsor:
                text = lang.gettext(
                    "As executive sponsor of {title}, I can report that it has delivered "
                    "{delivered}, toward {credit}."
                )
            elif number == 0:
                text = lang.gettext(
                    "The team running {title} reports that the project has delivered "
                    "{delivered}, toward {credit}."
                )
            else:
                text = lang.gettext("It has also delivered {delivered}, toward {credit}.")
            sentences.append(
                finished(text.format(title=title, delivered=delivered, credit=credit), lang.lang)
            )
            sentences.append(missed)
            continue
        if number == 0 and sponsor and credit:
            text = lang.gettext(
                "As executive sponsor of {title}, I can report that it has delivered "
                "{delivered}, contributing to {credit}."
            )
        elif number == 0 and sponsor:
            text = lang.gettext(
                "As executive sponsor of {title}, I can report that it has delivered {delivered}."
            )
        elif number == 0 and credit:
            # Another director than the one the project asks to sponsor it (reader20 #1):
            # what they can truly say is what the project's team reports.
            text = lang.gettext(
                "The team running {title} reports that the project has delivered {delivered}, "
                "contributing to {credit}."
            )
        elif number == 0:
            text = lang.gettext(
                "The team running {title} reports that the project has delivered {delivered}."
            )
        elif credit:
            text = lang.gettext("It has also delivered {delivered}, contributing to {credit}.")
        else:
            text = lang.gettext("It has also delivered {delivered}.")
        sentences.append(
            finished(text.format(title=title, delivered=delivered, credit=credit), lang.lang)
        )
    clause = worse_clause(situation)
    if clause:
        # Good news alone is a one-sided sentence to carry to a board (newuser16 #5): a
        # measure the update shows getting worse is said in the same sentence.
        sentences[-1] = f"{sentences[-1].removesuffix('.')}; {clause}."
    spent = spend_sentence(situation, found)
    if spent:
        sentences.append(spent)
    return " ".join(sentences)


def missed_text(objectives: tuple[Objective, ...], situation: Situation) -> str:
    """How far the first credited objective the note judges missed got; or empty.

    ``Over the 12 months to March 2028, falls with harm and pressure ulcers together were
    19% fewer than at the baseline rate, short of the aim of a quarter.`` The judgement is
    the one the delivered table gives (:mod:`pitchkit.notes.update.aim`): once the
    objective's date has come, or in the project's last period.
    """
    lang = situation.lang
    linked: dict[str, list[Impact]] = {}
    for impact, statements in chosen_statements(situation):
        for statement in statements[:2]:
            linked.setdefault(statement.objective.text, []).append(impact)
    progress = {p.impact.id: p for p in situation.progress}
    for objective in objectives:
        if not aim.due(objective, situation.period, situation.facts.project.end):
            continue
        found = aim.judged(objective, linked.get(objective.text, []), progress, situation.period)
        if found is None or found.met:
            continue
        measures = fmt.join_list([_named(i.measure, situation) for i, _, _ in found.counted], lang)
        fewer = found.aim.direction == "lower"
        text = (
            lang.gettext(
                "Over the 12 months to {period}, {measures} together were {change} than at the "
                "baseline rate, short of the aim of {aim}."
            )
            if len(found.counted) > 1
            else lang.gettext(
                "Over the 12 months to {period}, {measures} were {change} than at the baseline "
                "rate, short of the aim of {aim}."
            )
        )
        return text.format(
            period=fmt.period_label(situation.period.text, lang),
            measures=measures,
            change=aim.change_text(found.share, fewer, lang),
            aim=found.aim.words,
        )
    return ""


def is_sponsor(situation: Situation) -> bool:
    """Whether the update's director is the one the project asks to sponsor it.

    The facts name the sponsor as the meeting's director (``meeting.director``:
    the director the briefing note prepares the ask for). An update for any
    other director must not have them say "As executive sponsor" (reader20
    #1: the finance director's update in the falls and Welsh examples). With
    no meeting director named, the update is taken to be for the sponsor, as
    ``pitchkit update`` with no ``--director`` is.

    The facts have no mark that the director has agreed, so the meeting having
    taken place stands for it (newuser25 #1: the finance director's November
    update spoke as sponsor nine days before the meeting that asks him). The
    meeting must fall on or before the end of the update's period, and on or
    before the day the update is written, unless the log is wholly ahead of that
    day (an example as shipped, read as it stands). Until then the director gets
    the team's voice, as any other director does. A meeting with no date is
    taken to have happened.
    """
    meeting = situation.facts.meeting
    named = meeting.director.strip() if meeting and meeting.director else ""
    if named and named.casefold() != situation.pitch.director.id.casefold():
        return False
    return meeting_held(situation)


def meeting_held(situation: Situation) -> bool:
    """Whether the meeting (the ask to sponsor) has taken place by the update's period."""
    meeting = situation.facts.meeting
    if meeting is None or meeting.date is None:
        return True
    by = situation.period.end
    today = situation.today
    if today is not None and today < by and situation.facts.ended_periods(today):
        by = today
    return meeting.date <= by


def _named(measure: str, situation: Situation) -> str:
    """A measure as a sentence names it: lower-cased, or quoted when in another language."""
    return wording.in_sentence(wording.apply_terms(measure, situation.terms), situation.lang)


def spend_sentence(situation: Situation, found: list[Delivery]) -> str:
    """The spend the change has added so far, netted off the money the sentence gives.

    Beside money delivered, a board must not hear a saving the brief to the
    same director nets a cost off (newuser16 #1): more sponge tests are the
    change working, and what they cost is said with them. Empty when the
    sentence gives no money, or the change adds no spend so far.
    """
    lang = situation.lang
    spending = spend_so_far(situation)
    ids = {p.impact.id for p in spending}
    if not spending or any(d.impact_id in ids for d in found):
        return ""
    if not any((progress_for(situation, d.impact_id).delivered_money or 0.0) > 0 for d in found):
        return ""
    # One plain sentence a director can paste (reader25 #1): what the change added and what
    # it cost, then the net; the cost is said once before the sum that shows it.
    added = fmt.join_list(
        [
            lang.gettext("{amount} more {measure}").format(
                amount=fmt.number(whole(p.delivered or 0.0), lang),
                measure=_named(p.impact.measure, situation),
            )
            for p in spending
        ],
        lang,
    )
    cash, capacity = money_so_far_split(situation)
    spend = sum(p.delivered_money or 0.0 for p in spending)
    if capacity <= 0:
        if cash < spend:
            text = lang.gettext(
                "It has also meant {added}, at a cost of {spend}, so the money delivered so far "
                "is a net cost of {net} ({cash} less {spend})."
            )
        else:
            text = lang.gettext(
                "It has also meant {added}, at a cost of {spend}, so the net money delivered so "
                "far is {net} ({cash} less {spend})."
            )
    # Capacity is not cash (newuser19 #1): the spend is netted off the cash alone, and the
    # capacity is named apart, as the brief keeps them apart.
    elif cash <= 0:
        text = lang.gettext(
            "It has also meant {added}, at a cost of {spend}, which no cash delivered so far "
            "offsets. The {capacity} of capacity it has freed becomes money only when it is "
            "taken out."
        )
    elif cash < spend:
        text = lang.gettext(
            "It has also meant {added}, at a cost of {spend}, so the cash delivered so far is a "
            "net cost of {net} ({cash} less {spend}). The {capacity} of capacity it has freed "
            "becomes money only when it is taken out."
        )
    else:
        text = lang.gettext(
            "It has also meant {added}, at a cost of {spend}, so the net cash delivered so far "
            "is {net} ({cash} less {spend}). The {capacity} of capacity it has freed becomes "
            "money only when it is taken out."
        )
    return text.format(
        added=added,
        net=wording.worth(abs(cash - spend), lang),
        cash=wording.worth(cash, lang),
        spend=wording.worth(spend, lang),
        capacity=wording.worth(capacity, lang),
    )


def _worse_progress(situation: Situation) -> list[tuple[MeasureProgress, Claim]]:
    """Every measure of the project whose chart shows it worse than before the change."""
    found = []
    for progress in situation.progress:
        claim = situation.claims.get(progress.impact.id)
        if claim is not None and not claim.shown and worsening(claim):
            found.append((progress, claim))
    return found


def worse_clause(situation: Situation) -> str:
    """Up to two measures getting worse, each from before the change to its latest; or empty.

    ``the median wait … has risen from an average of 10.1 weeks before the
    change to 18 weeks in November 2026``.
    """
    lang = situation.lang
    parts = [_worse_phrase(p, c, situation) for p, c in _worse_progress(situation)]
    return fmt.join_list(parts[:MAX_IN_SENTENCE], lang)


def _worse_phrase(progress: MeasureProgress, claim: Claim, situation: Situation) -> str:
    """One measure getting worse, from its level before the change to its latest figure."""
    lang, impact = situation.lang, progress.impact
    measure = _named(impact.measure, situation)
    latest = progress.latest
    if claim.reference is not None:
        before: float | None = level_mean(claim.reference, impact)
    else:
        before = impact.baseline if impact.per is None else None
    if latest is None or latest.value is None or before is None or latest.value == before:
        text = lang.gettext("the {measure} has got worse: its chart shows a change the wrong way")
        return text.format(measure=measure)
    risen = latest.value > before
    if claim.reference is not None:
        pattern = (
            lang.gettext(
                "the {measure} has risen from an average of {baseline} before the change to "
                "{latest} in {period}"
            )
            if risen
            else lang.gettext(
                "the {measure} has fallen from an average of {baseline} before the change to "
                "{latest} in {period}"
            )
        )
    else:
        pattern = (
            lang.gettext("the {measure} has risen from {baseline} to {latest} in {period}")
            if risen
            else lang.gettext("the {measure} has fallen from {baseline} to {latest} in {period}")
        )
    shown = (
        fmt.number(latest.value, lang)
        if named_by_measure(impact)
        else amount_text(latest.value, impact, lang)
    )
    averaged = averaged_over(latest, impact, lang)
    if averaged:
        # A quarter's level made from its months is their average, as the table says.
        shown = lang.gettext("an average of {amount}").format(amount=shown)
    said = pattern.format(
        measure=measure,
        baseline=beside_text(before, impact, lang),
        latest=shown,
        period=averaged or figure_period(latest, lang),
    )
    if impact.balancing:
        # A balancing measure was expected to give a little: the board hears it against the
        # limit the team set, "within the limit of 4.0 hours the team accepts", or past it.
        limit = amount_text(latest.target, impact, lang)
        inside = within_limit(latest.value, latest, impact)
        suffix = (
            lang.gettext("{said}, within the limit of {limit} the team accepts")
            if inside
            else lang.gettext("{said}, past the limit of {limit} the team accepts")
        )
        said = suffix.format(said=said, limit=limit)
    return said


def worse_measures(situation: Situation) -> list[str]:
    """The project's measures whose charts show them getting worse, named for a sentence.

    Every measure, not only those linked to the director: a board sentence that
    leaves out a measure going the wrong way is one-sided (newuser16 #5).
    """
    return [
        _named(progress.impact.measure, situation) for progress, _ in _worse_progress(situation)
    ]


def board_note(situation: Situation, *, table_shown: bool) -> str:
    """The line under the board sentence: where its figures come from.

    Its totals are in the "Delivered so far" table when that is shown; else
    they are nowhere above (they are counted from the log since the change,
    against the average before it, not from the table's baseline), and the
    line says how they are counted rather than that every figure is above.
    A fill-in's sentence is a prompt, or worded from earlier figures: the
    line asks for it to be written, or brought up to date, instead.
    """
    lang = situation.lang
    if situation.fill_in and not any(has_figure(p, situation.period) for p in situation.progress):
        # The sentence is a prompt, or worded from earlier figures: no figure of it is above yet.
        if not deliveries(situation):
            return lang.gettext(
                "Write it from this period's figures once they are filled in above, then use "
                "it in your own report."
            )
        return lang.gettext(
            "Bring it up to date with this period's figures, then use it in your own report."
        )
    if not situation.fill_in and not deliveries(situation):
        # The sentence gives no figure ("its figures do not yet show a change"): there is
        # none to say is above.
        return lang.gettext("Use or adapt it in your own report.")
    # A total is above only when the "Delivered so far" table has a row for its measure: a
    # finance director's table lists the measures his objectives are linked to, not the
    # admissions counted in the sentence (newuser36 #7).
    tabled = (
        {
            impact.id
            for impact, _ in chosen_statements(situation)
            if progress_for(situation, impact.id).latest is not None
        }
        if table_shown
        else set()
    )
    found = [d for d in deliveries(situation) if d.impact_id not in tabled]
    counted = [d for d in found if situation.claims[d.impact_id].delivered is not None]
    if not counted:
        return lang.gettext("Use or adapt it in your own report; every figure is above.")
    if len(counted) == 1 and situation.claims[counted[0].impact_id].reference is not None:
        # The average it is counted against, with its months, so that the count reconciles
        # by hand: 9.2 a month, not the table's baseline of 9 (newuser36 #7).
        claim = situation.claims[counted[0].impact_id]
        assert claim.reference is not None
        periods = claim.reference_periods
        return lang.gettext(
            "Use or adapt it in your own report; its total adds up every figure logged since "
            "the change, against the average before it of {rate} {per} ({span})."
        ).format(
            rate=mean_text(claim.reference, claim.impact, lang),
            per=wording.per_phrase(periods[-1].kind, lang),
            span=spans.span_text(periods, lang),
        )
    if all(situation.claims[d.impact_id].reference is not None for d in counted):
        return lang.gettext(
            "Use or adapt it in your own report; its totals add up every figure logged "
            "since the change, against the average before it."
        )
    return lang.gettext(
        "Use or adapt it in your own report; its totals add up every figure logged "
        "since the change, against the baseline above."
    )


def deliveries(situation: Situation) -> list[Delivery]:
    """Up to two deliveries toward the director's objectives; else the project's own."""
    linked = []
    as_cash: set[str] = set()
    for impact, statements in chosen_statements(situation):
        objectives = credited([s.objective for s in statements])
        linked.append((impact, objectives))
        if any(
            capacity_against_cash(s.quantity, s.objective)
            for s in statements
            if s.objective in objectives
        ):
            as_cash.add(impact.id)
    found = [replace(d, if_cash=d.impact_id in as_cash) for d in _delivered(linked, situation)]
    if not found:
        none: tuple[Objective, ...] = ()
        unlinked = {i.id for i in situation.pitch.unlinked_impacts}
        unlinked |= {i.id for i in out_of_year_impacts(situation)}
        others = [(i, none) for i in situation.facts.impacts if i.id in unlinked]
        found = _delivered(others, situation)
    return found[:MAX_IN_SENTENCE]


def credited(objectives: list[Objective]) -> tuple[Objective, ...]:
    """The objectives a delivery is credited to: organisational ones, else personal ones."""
    organisational = [o for o in objectives if o.kind == "organisational"]
    return tuple((organisational or objectives)[:MAX_CREDITED])


def _delivered(
    candidates: list[tuple[Impact, tuple[Objective, ...]]], situation: Situation
) -> list[Delivery]:
    """The candidates that have delivered something, worded, in order."""
    found: list[Delivery] = []
    for impact, objectives in candidates:
        progress = progress_for(situation, impact.id)
        phrase = delivered_phrase(progress, situation)
        if not phrase:
            continue
        # An objective of one financial year is credited only with what fell in that year.
        part = year_part_text(progress, objectives, situation)
        if part and phrase.endswith(")"):
            phrase = f"{phrase[:-1]}, {part})"
        elif part:
            phrase = f"{phrase} ({part})"
        span = ""
        if progress.delivered is not None:
            counted = situation.claims[impact.id].counted
            span = spans.between_text(counted, situation.lang, with_gaps=False)
            # A month with no figure goes with its own measure, so that deliveries over the
            # same stretch still share one "between … and …".
            gap = spans.gaps_text(counted, situation.lang)
            if gap and phrase.endswith(")"):
                phrase = f"{phrase[:-1]}; {gap})"
            elif gap:
                phrase = f"{phrase} ({gap})"
        found.append(Delivery(phrase, span, objectives, impact.id))
    return found


def summary(group: list[Delivery], lang: Language) -> str:
    """Deliveries in one phrase; those over the same periods share one ``between … and …``."""
    by_span: dict[str, list[str]] = {}
    for delivery in group:
        by_span.setdefault(delivery.span, []).append(delivery.phrase)
    parts = [f"{fmt.join_list(phrases, lang)} {span}".strip() for span, phrases in by_span.items()]
    return fmt.join_list(parts, lang)


def credit_text(objectives: tuple[Objective, ...], lang: Language) -> str:
    """``our objective to reduce length of stay`` (``my …`` for personal ones); or empty.

    Objectives not written as something to do are named whole, in quotes:
    ``our objective “No patient comes to harm while waiting”``.
    """
    if not objectives:
        return ""
    count = len(objectives)
    personal = objectives[0].kind != "organisational"
    # An objective in another language than the update's is named whole, in quotes,
    # never spliced into the sentence ("ein hamcan, sef deliver the …").
    spliced = not any(foreign(o.text, lang) for o in objectives)
    if spliced and all(shapes.grammar(o.text) == "verb" for o in objectives):
        named = fmt.join_list([shapes.verb_phrase(o.text) for o in objectives], lang)
        if not personal:
            text = lang.ngettext(
                "our objective to {objectives}", "our objectives to {objectives}", count
            )
        else:
            text = lang.ngettext(
                "my objective to {objectives}", "my objectives to {objectives}", count
            )
        return text.format(objectives=named)
    named = fmt.join_list([shapes.as_quoted(o.text) for o in objectives], lang)
    if not personal:
        text = lang.ngettext("our objective {objectives}", "our objectives {objectives}", count)
    else:
        text = lang.ngettext("my objective {objectives}", "my objectives {objectives}", count)
    return text.format(objectives=named)


def counted_as(impact: Impact, situation: Situation) -> str:
    """How a count delivered goes in the sentence: ``heads``, ``time``, or ``other``.

    ``heads``: the figure goes straight before the measure, which names what
    it counts (it opens with its unit, "Emergency admissions for falls", or
    is a plural noun phrase, "People aged 75 and over waiting …", "Agency
    nurse shifts"). ``time``: a measure in a unit of time that does not open
    with it ("Crew time spent …" in hours), whose figure keeps the unit.
    Decided on the English measure, so a Welsh update says the same.
    """
    english = english_impact(impact, situation.facts.english)
    if is_money(impact):
        return "other"
    if wording.names_its_unit(english.measure, english.unit):
        return "heads"
    if time_unit(english.unit):
        return "time"
    words = english.measure.split()
    if wording.is_plural(english.measure) or (words and words[0].casefold() in _PEOPLE_FIRST):
        return "heads"
    return "other"


#: First words that make a measure a count of people, whatever its head noun reads as
#: ("Children discharged with a written action plan": 58 more children discharged).
_PEOPLE_FIRST = frozenset({"people", "children", "men", "women", "patients", "adults"})


def delivered_phrase(progress: MeasureProgress, situation: Situation) -> str:
    """``a reduction of 173 in emergency admissions … (worth £275,000)``; empty if none.

    Empty too unless the measure's chart shows improvement after the change.
    """
    lang, impact = situation.lang, progress.impact
    claim = situation.claims[impact.id]
    if not claim.shown:
        return ""
    # A measure in another language than the update's is quoted as written, as the
    # briefing note quotes it, rather than run into the sentence.
    measure = _named(impact.measure, situation)
    if progress.delivered is not None:
        if progress.delivered <= 0:
            return ""
        size = fmt.number(whole(progress.delivered), lang)  # as the money was counted
        if is_money(impact):
            size = fmt.money(progress.delivered, lang)
        counted = counted_as(impact, situation)
        if counted == "time":
            # A count of time keeps its unit: "a reduction of 24,710 hours in crew time
            # spent preparing vehicles", not "of 24,710 in crew time" (newuser25 #7).
            size = fmt.quantity(whole(progress.delivered), shown_unit(impact), lang)
        if counted == "heads":
            # "3,290 fewer hours adult patients wait in ED", not "a reduction of 3,290 in
            # hours adult patients wait": a measure that opens with its unit counts it; so
            # does one that names people or things ("1,007 fewer people aged 75 and over
            # waiting over 12 hours", not "a reduction of 1,007 in people …": newuser25 #7).
            pattern = (
                lang.gettext("{amount} fewer {measure}")
                if impact.direction == "lower"
                else lang.gettext("{amount} more {measure}")
            )
        else:
            pattern = (
                lang.gettext("a reduction of {amount} in {measure}")
                if impact.direction == "lower"
                else lang.gettext("an increase of {amount} in {measure}")
            )
        phrase = pattern.format(amount=size, measure=measure)
        worth = delivered_money_text(progress, lang, situation.pitch.ledger)
        if worth and phrase.endswith(")"):
            # A measure that ends in its own brackets ("units wasted (expired or out of
            # date)") takes the worth inside them, not in a second pair straight after.
            return f"{phrase[:-1]}; {worth})"
        return f"{phrase} ({worth})" if worth else phrase
    latest = progress.latest
    gap = progress.latest_gap
    if latest is None or latest.value is None or gap is None or gap <= 0:
        return ""
    level = new_level(claim)
    if level is not None:
        # The chart's limits are recalculated at a new level: the sentence sets that
        # level beside the one before, not one month's figure (newuser24 #3: "to 36.1
        # minutes in November 2026" beside a chart whose level since the change is 38.4).
        return _level_to_level(measure, claim, level, situation)
    # A quarter or year built from its months may give a level's average, not its latest.
    averaged = averaged_over(latest, impact, lang)
    # One month's figure set against the mean before the change names its month, so that
    # it does not read as the mean since (newuser15 #6: 11.4 days on average, then 10 days).
    month = "" if averaged or latest.period.kind != "month" else figure_period(latest, lang)
    if claim.reference is not None:
        # The mean logged before the change, which is not the facts' baseline: say so.
        if averaged:
            pattern = lang.gettext(
                "an improvement in {measure} from an average of {baseline} before the change to "
                "an average of {latest} over {period}"
            )
        elif month:
            pattern = lang.gettext(
                "an improvement in {measure} from an average of {baseline} before the change to "
                "{latest} in {period}"
            )
        else:
            pattern = lang.gettext(
                "an improvement in {measure} from an average of {baseline} before the change to "
                "{latest}"
            )
        baseline = level_mean(claim.reference, impact)
    else:
        if averaged:
            pattern = lang.gettext(
                "an improvement in {measure} from {baseline} to an average of {latest} over "
                "{period}"
            )
        else:
            pattern = lang.gettext("an improvement in {measure} from {baseline} to {latest}")
        baseline = impact.baseline
    said = pattern.format(
        measure=measure,
        baseline=beside_text(baseline, impact, lang),
        # A measure named first may say a rate's words already: not again after them.
        latest=(
            fmt.number(latest.value, lang)
            if named_by_measure(impact)
            else amount_text(latest.value, impact, lang)
        ),
        period=averaged or month,
    )
    return fmt.after_dros(said, lang)


@dataclass(frozen=True)
class NewLevel:
    """The mean of a chart's figures from where its limits were recalculated, and where."""

    mean: float
    start: Period
    #: Whether the limits were recalculated at the change itself (else where it settled).
    at_change: bool


def new_level(claim: Claim) -> NewLevel | None:
    """The level a chart's recalculated limits describe, from the change on; or ``None``.

    Only for an XmR chart whose latest stretch starts at the change or after it
    (where the figures settled). The mean is that of every figure in the stretch,
    which is the chart's own mean where its limits were made from them all.
    """
    analysis = claim.analysis
    if analysis.kind != "xmr" or analysis.change_at is None or len(analysis.segments) < 2:
        return None
    last = analysis.segments[-1]
    if last.start < analysis.change_at or len(claim.points) != len(analysis.values):
        return None
    values = [v for v in analysis.values[last.start : last.end + 1] if v is not None]
    if not values:
        return None
    return NewLevel(
        sum(values) / len(values), claim.points[last.start].period, last.start == analysis.change_at
    )


def _level_to_level(measure: str, claim: Claim, level: NewLevel, situation: Situation) -> str:
    """The level before the change against the recalculated one, in the board's words.

    "An improvement in … from an average of 42.3 minutes before the change to
    an average of 38.4 minutes since the change".
    """
    lang, impact = situation.lang, claim.impact
    since = None if level.at_change else fmt.period_label(level.start.text, lang)
    if claim.reference is not None:
        baseline = level_mean(claim.reference, impact)
        pattern = (
            lang.gettext(
                "an improvement in {measure} from an average of {baseline} before the change to "
                "an average of {level} since the change"
            )
            if since is None
            else lang.gettext(
                "an improvement in {measure} from an average of {baseline} before the change to "
                "an average of {level} since {period}"
            )
        )
    else:
        baseline = impact.baseline
        pattern = (
            lang.gettext(
                "an improvement in {measure} from {baseline} to an average of {level} since the "
                "change"
            )
            if since is None
            else lang.gettext(
                "an improvement in {measure} from {baseline} to an average of {level} since "
                "{period}"
            )
        )
    mean = level_mean(level.mean, impact)
    return pattern.format(
        measure=measure,
        baseline=beside_text(baseline, impact, lang),
        level=(
            fmt.number(mean, lang) if named_by_measure(impact) else amount_text(mean, impact, lang)
        ),
        period=since,
    )
