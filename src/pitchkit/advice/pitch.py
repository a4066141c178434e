"""Advice about what the pitch says: impact over change, sourced figures, clear asks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pitchkit.advice.review import Finding, Review, word_count, word_list
from pitchkit.facts.schema import Impact
from pitchkit.i18n import fmt
from pitchkit.pounds import is_pounds

#: An ask needs at least this many words beyond "support", "help", "us", "project"...
ASK_CONTENT_WORDS = 2

_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")

#: Words that say nothing about what the director is asked to do.
VAGUE_WORDS = frozenset(
    word_list(
        """a an the and or to be of for in on with by as at it this that our us we your you me
        my their them please support supporting help helping back backing sponsor sponsoring
        sponsorship champion endorse endorsement project projects work scheme initiative idea
        ideas team consider think about buy general generally some any more all get give
        interest interested engage engaged engagement involved involvement continue continued
        ongoing approve approval agree agreement"""
    )
)
#: First words that show an ask is a thing wanted, not something to do.
NOT_VERBS = frozenset(
    word_list(
        "a an the some more our any your funding money resources approval sponsorship "
        "backing buy-in investment"
    )
)


def change_over_impact(review: Review) -> Iterator[Finding]:
    """The change takes more words than the problem and the impacts together."""
    project = review.facts.project
    change = word_count(project.change)
    impact = word_count(project.problem) + sum(word_count(i.measure) for i in review.facts.impacts)
    if change > impact:
        yield Finding(
            "change-over-impact",
            "warning",
            review._("The pitch spends more words on the change than on its impact."),
            review._(
                "The change takes {change} words; the problem and the impacts take {impact}."
            ).format(change=change, impact=impact),
            review._(
                "Cut 'change' to one or two sentences and put the words into the problem as "
                "senior managers see it and into measurable impacts: directors back results, "
                "not methods."
            ),
            review.where("project", "change"),
        )


def impact_no_change(review: Review) -> Iterator[Finding]:
    """An impact's target is its baseline: it plans no change, so it is linked to nothing."""
    from pitchkit.recast.align import plans_no_change

    for index, impact in enumerate(review.facts.impacts):
        # A balancing measure held at its baseline is a limit kept, not a change planned.
        if plans_no_change(impact) and not impact.balancing:
            yield Finding(
                "impact-no-change",
                "warning",
                review._("The impact '{measure}' plans no change.").format(measure=impact.measure),
                review._(
                    "impacts[{index}] ({id}) has the same target as its baseline, so no note "
                    "says it helps any objective, even one named in 'supports'."
                ).format(index=index, id=impact.id),
                review._(
                    "Set 'target:' to the figure the project aims for, or remove the impact "
                    "if nothing about it is meant to change."
                ),
                review.where("impacts", index, "target"),
            )


def impact_without_source(review: Review) -> Iterator[Finding]:
    """An impact's baseline does not say where it comes from."""
    for index, impact in enumerate(review.facts.impacts):
        if not impact.source:
            yield Finding(
                "impact-without-source",
                "warning",
                review._("The impact '{measure}' does not say where its figures come from.").format(
                    measure=impact.measure
                ),
                review._("impacts[{index}] ({id}) has no 'source'.").format(
                    index=index, id=impact.id
                ),
                review._(
                    "Add 'source:' with the data and its date, such as 'SUS data, 2025/26': "
                    "a director will ask, and a traceable baseline is trusted."
                ),
                review.where("impacts", index),
            )


def _countable(impact: Impact) -> bool:
    unit = impact.unit.strip()
    return impact.per is not None and unit != "%" and not is_pounds(unit)


def impact_without_value(review: Review) -> Iterator[Finding]:
    """A countable impact (admissions a year) has no money value."""
    for index, impact in enumerate(review.facts.impacts):
        if _countable(impact) and impact.value is None:
            yield Finding(
                "impact-without-value",
                "info",
                review._("The impact '{measure}' has no money value.").format(
                    measure=impact.measure
                ),
                review._("impacts[{index}] ({id}) counts {unit} but has no 'value'.").format(
                    # "yn cyfrif apwyntiadau", not the English "appointments" (newuser31).
                    index=index,
                    id=impact.id,
                    unit=fmt.unit_plural(impact.unit, review.lang),
                ),
                review._(
                    "If each of these has a cost, add 'value: {amount: ..., source: ...}' "
                    "with a dated unit cost: the note will say what the change is worth, which "
                    "every director, not only Finance, weighs."
                ),
                review.where("impacts", index),
            )


def value_not_counted(review: Review) -> Iterator[Finding]:
    """A money value on a level (no ``per:``): no total counts it.

    Without a number per period there is nothing to multiply the unit cost
    by, so the money block leaves the value out of every total; a statement
    may still give what the change is worth, at the note's prices.
    """
    for index, impact in enumerate(review.facts.impacts):
        if impact.value is None or impact.per is not None:
            continue
        yield Finding(
            "value-not-counted",
            "warning",
            review._(
                "The money value of '{measure}' is in no total of the note: not in the "
                "money block, the payback or the benefit per £1."
            ).format(measure=impact.measure),
            review._(
                "impacts[{index}] ({id}) has a 'value' but no 'per': a level, not a number "
                "per period, has no count to price."
            ).format(index=index, id=impact.id),
            review._(
                "If the change happens once (a backlog cleared, a purchase made once), leave "
                "'per' out: a statement gives its worth once, in no total. If the baseline "
                "and target count something every year, quarter, month or week, add 'per:' "
                "(year, quarter, month or week); if it is a level such as a percentage, take "
                "out 'value:'."
            ),
            review.where("impacts", index, "value"),
        )


def money_scaled(review: Review) -> Iterator[Finding]:
    """An impact in thousands or millions of pounds (``£k``, ``£m``): said once, as read.

    Its figures were multiplied out into pounds when the file was read
    (:func:`pitchkit.facts.schema.in_pounds`): the lead sees that 400 £k is
    £400,000 in the notes, so a figure already in pounds would show.
    """
    for index, impact in enumerate(review.facts.impacts):
        scale = review.facts.scales.get(impact.id)
        if scale is None:
            continue
        unit, factor = scale
        yield Finding(
            "money-scaled",
            "info",
            review._(
                "The figures of '{measure}' are read as {unit}: {baseline} is {pounds}."
            ).format(
                measure=impact.measure,
                unit=unit,
                baseline=fmt.number(impact.baseline / factor, review.lang),
                # As written (412.5 £k is £412,500), not rounded to its band's £413,000.
                pounds=fmt.money_together([impact.baseline], review.lang)[0],
            ),
            review._(
                "impacts[{index}] ({id}) has 'unit: {unit}', so its baseline, target and "
                "logged figures are multiplied by {factor} into pounds."
            ).format(index=index, id=impact.id, unit=unit, factor=fmt.number(factor, review.lang)),
            review._(
                "Nothing to do if that is right. If the figures are already in pounds, write "
                "'unit: £'."
            ),
            review.where("impacts", index, "unit"),
        )


def unit_cost_without_source(review: Review) -> Iterator[Finding]:
    """A money value with no source, or a source with no year."""
    for index, impact in enumerate(review.facts.impacts):
        value = impact.value
        if value is None:
            continue
        if not value.source:
            evidence = review._("impacts[{index}].value has no 'source'.")
        elif not _YEAR.search(value.source) and not value.price_year:
            evidence = review._("impacts[{index}].value.source gives no year: '{source}'.")
        else:
            continue
        yield Finding(
            "unit-cost-without-source",
            "warning",
            review._("The unit cost for '{measure}' is not dated and sourced.").format(
                measure=impact.measure
            ),
            evidence.format(index=index, source=value.source or ""),
            review._(
                "Give the source and its year, such as 'Non-elective episode, NHS reference "
                "costs 2016/17': a finance director will check it, and the note prints it."
            ),
            review.where("impacts", index, "value"),
        )


def no_advice_sought(review: Review) -> Iterator[Finding]:
    """The pitch does not ask for the director's advice."""
    if review.facts.advice:
        return
    yield Finding(
        "no-advice-sought",
        "warning",
        review._("The pitch does not ask for the director's advice."),
        review._("'advice' is empty."),
        review._(
            "Add one to three questions under 'advice:', such as which committee should hear "
            "your progress: directors back work they have helped shape, so be ready to adapt."
        ),
        None,
    )


def vague_ask(ask: str) -> bool:
    """Whether an ask leaves the director unsure what to do (``Support us``)."""
    words = [w.casefold() for w in _WORD.findall(ask)]
    content = [w for w in words if w not in VAGUE_WORDS and len(w) > 1]
    return len(content) < ASK_CONTENT_WORDS


def ask_without_verb(ask: str) -> bool:
    """Whether an ask names a thing wanted rather than something to do (``Funding``)."""
    first = ask.strip().split(maxsplit=1)
    return bool(first) and first[0].casefold().rstrip(":,") in NOT_VERBS


def no_concrete_ask(review: Review) -> Iterator[Finding]:
    """No asks, or asks too vague for the director to act on."""
    asks = review.facts.asks
    if not asks:
        yield Finding(
            "no-concrete-ask",
            "warning",
            review._("The pitch makes no request of the director."),
            review._("'asks' is empty."),
            review._(
                "Add what you want the sponsor to do, with dates and time: 'Chair our project "
                "board once a quarter', 'Sign the application by 15 January'."
            ),
            None,
        )
        return
    for index, ask in enumerate(asks):
        if vague_ask(ask) or ask_without_verb(ask):
            yield Finding(
                "no-concrete-ask",
                "warning",
                review._("The ask '{ask}' is too vague to act on.").format(ask=ask),
                review._("asks[{index}] does not say what to do, by when.").format(index=index)
                if vague_ask(ask)
                else review._("asks[{index}] names a thing, not something to do.").format(
                    index=index
                ),
                review._(
                    "Start with what the director should do and say how much and by when: "
                    "'Chair the project board once a quarter from April', not 'Support us'."
                ),
                review.where("asks", index),
            )


def no_sponsor_gain(review: Review) -> Iterator[Finding]:
    """Nothing says what the sponsor gains."""
    if review.facts.offer:
        return
    ideas = ""
    if review.director is not None:
        from pitchkit.notes.context import supported, worded

        gains = review.lens_of(review.director).gains
        pitch = review.pitch_of(review.director)
        # Not "closeness to the wards" for a project that is not on the wards, nor "an
        # investment case that pays back" for one that does not: as the note judges them;
        # and worded as the note words them (not "ahead of winter" in January, PCNs in
        # England).
        suited = [gain for gain in gains if pitch is None or supported(gain, pitch)]
        ideas = "; ".join(
            review._(worded(gain, review.today, review.facts, pitch)) for gain in suited
        )
    fix = review._(
        "Add 'offer:' saying what is in it for them: doors they can open, closeness to the "
        "front line, results to show the board."
    )
    if ideas:
        fix += " " + review._("For this director, perhaps: {ideas}.").format(ideas=ideas)
    yield Finding(
        "no-sponsor-gain",
        "warning",
        review._("The pitch does not say what the sponsor gains."),
        review._("'offer' is empty."),
        fix,
        None,
    )
