"""Why a director's link holds, in words, and whether the whole team is needed.

What the rules of a note (:mod:`~pitchkit.advice.director`,
:mod:`~pitchkit.advice.timing`) and the ranking (:mod:`~pitchkit.advice.ranking`)
both say. Apart from the ranking, so a note whose advice ranks no one does not
load it (the ranking recasts every director; issue 13).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from pitchkit.notes.context import WHOLE_TEAM_THRESHOLD
from pitchkit.recast.measures_cy import chain_words, group_name

if TYPE_CHECKING:
    from pitchkit.facts.schema import Facts
    from pitchkit.i18n.translation import Language
    from pitchkit.recast.align import Link
    from pitchkit.recast.measures import Chain
    from pitchkit.recast.whowhere import Member


#: Doubts that the two sides count different people or places (as
#: :data:`pitchkit.recast.align.WHO_WHERE`, not imported: this module stays light).
WHO_WHERE = frozenset({"who", "where"})


def whole_team_needed(facts: Facts) -> bool:
    """Whether the funding sought is large enough to engage the whole executive team."""
    funding = facts.project.funding
    return (
        funding is not None
        and funding.currency.strip().upper() == "GBP"
        and funding.amount >= WHOLE_TEAM_THRESHOLD
    )


def chain_text(chain: Chain, lang: Language) -> str:
    """A measure-map chain in words: "A → B → C (why A moves B; why B moves C)".

    In the language's own words where the map has them (English, and Welsh
    from ``measures_cy.yaml``). A chain with a name or a reason the Welsh
    does not have yet is quoted in the map's English and said to be so, so
    that a Welsh reader sees why the English is there rather than a stray
    splice.
    """
    words = chain_words(chain, lang)
    foreign = words is None
    labels, reasons = words or (chain.labels(), tuple(step.why for step in chain.steps))
    if not chain.steps:
        concept = f"“{labels[0]}”" if foreign else labels[0]
        text = lang.gettext("both measure {concept}").format(concept=concept)
    else:
        text = f"{' → '.join(labels)} ({'; '.join(reasons)})"
        if foreign:
            text = f"“{text}”"
    if foreign:
        return lang.gettext("{chain} (the measure map's words, in English)").format(chain=text)
    return text


def same_text(found: Link, lang: Language) -> str:
    """``both measure strokes``: a link of one concept, named as the two sides name it.

    The map's label can name more than either side does ("strokes and heart
    attacks" for two texts that say only "strokes"). When the two name it in
    different words (neither holding the other), the map's words are given
    (:func:`chain_text`), as they are without the names.
    """
    assert found.chain is not None
    own = _own_name(found, lang)
    if own is None:
        return chain_text(found.chain, lang)
    return lang.gettext("both measure {concept}").format(concept=own)


def _own_name(found: Link, lang: Language) -> str | None:
    """The concept of a one-concept link as both its sides name it, if they name it alike.

    In Welsh the words are quoted as written, since they are the texts' own,
    unless they are the map's label, whose Welsh name is given instead
    (``None``, as when the sides name it in different words).
    """
    assert found.chain is not None
    if found.names is None:
        return None
    one = _one_name(*found.names)
    if one is None or (lang.lang != "en" and _plain(one) == _plain(found.chain.labels()[0])):
        return None
    return one if lang.lang == "en" else f"“{one}”"


def _one_name(mine: str, theirs: str) -> str | None:
    """The name both sides use: the shorter, when the longer holds it.

    "out-of-area placements" in "out-of-area placement bed days"; ``None``
    when the two name the concept in different words.
    """
    short, long = sorted((mine, theirs), key=len)
    if _plain(short) in _plain(long):
        return short
    return None


def _plain(name: str) -> str:
    """A name compared as words, each without a plural's 's'."""
    return " ".join(word.removesuffix("s") for word in name.casefold().split())


def same_concept(found: Link, lang: Language) -> str:
    """The concept of a link of one concept, as its two sides name it (else the map's name)."""
    assert found.chain is not None
    own = _own_name(found, lang)
    return concept_name(found.chain, lang) if own is None else own


def concept_name(chain: Chain, lang: Language) -> str:
    """The name of the concept a chain starts at, in ``lang`` where the map has it, else quoted."""
    words = chain_words(chain._replace(steps=()), lang)
    return words[0][0] if words is not None else f"“{chain.labels()[0]}”"


def _mismatch_text(found: Link, lang: Language) -> str:
    """Why a map chain is only possible: what the objective measures that the impact cannot move."""
    if found.mismatch == "gap":
        return lang.gettext(
            "the objective is a gap between groups, and the impact is not measured for either group"
        )
    if found.mismatch == "level":
        return lang.gettext(
            "the impact is a gap between groups, and the objective counts the level for "
            "everyone, which a gap can narrow without moving"
        )
    if found.mismatch == "money":
        return lang.gettext("the objective is a sum of money, and the impact is a wait")
    if found.mismatch == "spend":
        return lang.gettext(
            "the impact is a sum of money, and the objective counts something else about it"
        )
    if found.mismatch == "handled":
        return lang.gettext(
            "the objective is how soon each one is answered or dealt with, and the impact "
            "counts how many there are"
        )
    if found.mismatch == "kind":
        return lang.gettext(
            "pitchkit claims links of this kind only when you confirm them: on projects it "
            "had not seen, they were right less than three times in four"
        )
    if found.mismatch == "crowd":
        return lang.gettext(
            "several of the project's impacts and objectives name this same concept, and one "
            "side names it only to qualify what it counts, so sharing it does not show that "
            "this impact moves this objective"
        )
    if found.mismatch == "odds":
        return lang.gettext(
            "this impact or this objective has another link here, and on the labelled "
            "projects pitchkit learned from, links like this one were right less often than "
            "not, so pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "floor":
        return lang.gettext(
            "pitchkit's learned scorer rates this link below 6 in 10, and on labelled projects "
            "it had not learned from, links it rated that low were right less than two times "
            "in three, so pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "qualifier":
        return lang.gettext(
            "one side names this concept only to describe another measure it counts, which "
            "the other side does not name, so sharing it does not show that this impact moves "
            "this objective"
        )
    if found.mismatch == "subset" and found.part is not None:
        return lang.gettext(
            "the objective counts only the ones it calls '{part}', while the impact counts "
            "them all, so pitchkit does not claim it unless you confirm it"
        ).format(part=found.part)
    if found.mismatch == "harm" and found.part is not None:
        return lang.gettext(
            "the objective counts only the ones '{part}', while the impact counts them all, "
            "with harm or without, so fewer of them need not mean less harm: pitchkit does "
            "not claim it unless you confirm it"
        ).format(part=found.part)
    if found.mismatch == "plan" and found.plan is not None:
        name, where = found.plan
        if where == "concern":
            return lang.gettext(
                "the objective is to deliver {plan}, which the director's concerns name too, "
                "and this impact reaches its topic by a chain longer than pitchkit claims by "
                "itself, so confirm it if the impact serves that plan"
            ).format(plan=name)
        return lang.gettext(
            "the objective is to deliver {plan}, which the project's strategy names too, "
            "and this impact reaches its topic by a chain longer than pitchkit claims by "
            "itself, so confirm it if the impact serves that plan"
        ).format(plan=name)
    if found.mismatch == "goods" and found.chain is not None:
        return lang.gettext(
            "the impact counts goods bought for {concept}, not {concept} as such, so pitchkit "
            "does not claim it unless you confirm it"
        ).format(concept=concept_name(found.chain, lang))
    if found.mismatch == "spent":
        return lang.gettext(
            "one is spent on pay (staff shifts) and the other on goods, so saving one does "
            "not lower the other, and pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "used":
        return lang.gettext(
            "the objective is the share of planned slots, lists or time used, and the impact "
            "counts something else, not capacity used or lost"
        )
    if found.mismatch == "trained":
        return lang.gettext(
            "one side counts staff trained or training done and the other counts something "
            "else, so the training does not show that this impact moves this objective"
        )
    if found.mismatch == "reported":
        return lang.gettext(
            "the objective is a report to make, which is made whatever its figures say, and "
            "the impact counts something else than the records it is made from, so pitchkit "
            "does not claim it unless you confirm it"
        )
    if found.mismatch == "paid" and found.chain is not None:
        return lang.gettext(
            "the objective is spend on staff pay, and the money the impact saves on "
            "{concept} is not paid to staff, so saving it does not lower that spend, and "
            "pitchkit does not claim it unless you confirm it"
        ).format(concept=concept_name(found.chain, lang))
    if found.mismatch == "step":
        return lang.gettext(
            "the impact counts a step of care done to each of them, and the objective counts "
            "how many there are or what they add up to"
        )
    if found.mismatch == "work":
        return lang.gettext(
            "the impact is staff time spent on it, and the objective counts something else about it"
        )
    if found.mismatch == "cause":
        return lang.gettext(
            "one step is a likely cause rather than part of what the next measure counts, "
            "so pitchkit claims it only if you confirm it"
        )
    if found.mismatch == "broad":
        return lang.gettext(
            "the objective is about a whole area, not one measure, "
            "and pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "topic":
        return lang.gettext(
            "one side names it only as the area of care or work it belongs to, not as "
            "something it counts, and pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "instrument":
        return lang.gettext(
            "one side names it only as what a survey, a rating or an inspection is about, "
            "not as what it measures, and pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "aside":
        return lang.gettext(
            "the impact's measure names it only in brackets, and the two share nothing "
            "else, so pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "reason":
        return lang.gettext(
            "the impact names it only as what the things it counts are done for (an "
            "operation, an admission, a treatment), not as what it counts, so pitchkit does "
            "not claim it unless you confirm it"
        )
    if found.mismatch == "mix":
        return lang.gettext(
            "one side is how a whole amount is divided (a share of spend or of use) and the "
            "other is how much there is, and changing one does not move the other"
        )
    if found.mismatch == "event":
        return lang.gettext(
            "the impact names it only as the event its count is taken before or after, not "
            "as what it counts, so pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch == "payer":
        return lang.gettext(
            "the impact's money is paid from another budget than the one the objective is "
            "about, so pitchkit does not claim it unless you confirm it"
        )
    if found.mismatch in WHO_WHERE and found.apart is not None:
        mine = _groups(found.apart.impact, lang)
        theirs = _groups(found.apart.objective, lang)
        return lang.gettext(
            "the impact counts {mine}, while the objective counts {theirs}, so pitchkit "
            "does not claim it unless you confirm it"
        ).format(mine=mine, theirs=theirs)
    if found.mismatch == "time":
        return lang.gettext(
            "the objective is a time or a wait, and the impact is a share or rate of something else"
        )
    return lang.gettext(
        "the objective is a step of care to provide, and the impact measures what follows it"
    )


def _groups(members: tuple[Member, ...], lang: Language) -> str:
    """The groups one side of a link counts, in ``lang``: "staff", "children or adults"."""
    labels = [group_name(member.label, lang) for member in members]
    if len(labels) == 1:
        return labels[0]
    return lang.gettext("{some} or {last}").format(some=", ".join(labels[:-1]), last=labels[-1])


def _evidence(found: Link, lang: Language) -> str:
    """The themes or words behind a possible link, or its chain and why it is not claimed."""
    if found.mismatch == "year":
        # Found as for any other link, but the objective is for a year the project misses.
        if found.chain is not None:
            found_as = lang.gettext("measure map: {chain}").format(
                chain=same_text(found, lang)
                if not found.chain.steps
                else chain_text(found.chain, lang)
            )
        else:
            found_as = _evidence(replace(found, mismatch=None), lang)
        return lang.gettext(
            "{evidence}, but none of this impact's benefit falls in the financial year "
            "the objective is for, so the note does not claim it"
        ).format(evidence=found_as)
    if found.chain is not None and found.mismatch is not None:
        if not found.chain.steps:
            text = lang.gettext("both are about {concept}, but {why}").format(
                concept=same_concept(found, lang), why=_mismatch_text(found, lang)
            )
        else:
            text = lang.gettext("measure map: {chain}, but {why}").format(
                chain=chain_text(found.chain, lang), why=_mismatch_text(found, lang)
            )
        if found.words:
            pairs = ", ".join(f"'{a}' ~ '{b}'" for a, b in found.words)
            text += "; " + lang.gettext("matching words: {pairs}").format(pairs=pairs)
        return text
    if found.mismatch in WHO_WHERE and found.words:
        # The objective names the impact's measure, for other people.
        pairs = ", ".join(f"'{a}' ~ '{b}'" for a, b in found.words)
        return lang.gettext("matching words: {pairs}, but {why}").format(
            pairs=pairs, why=_mismatch_text(found, lang)
        )
    if found.reason == "value":
        return lang.gettext("the impact has a money value and the objective is financial")
    if found.reason == "words":
        pairs = ", ".join(f"'{a}' ~ '{b}'" for a, b in found.words)
        return lang.gettext("matching words: {pairs}").format(pairs=pairs)
    return lang.gettext("shared themes: {themes}").format(themes=", ".join(found.themes))


def link_reason(found: Link, lang: Language, *, director_id: str = "") -> str:
    """Why a link was made, in words: explicit, a measure-map chain, or possible."""
    ref = f"{director_id}.{found.objective}" if director_id else ""
    if found.confidence == "explicit":
        return lang.gettext("explicit link in supports{ref}").format(ref=f" ({ref})" if ref else "")
    if found.confidence == "confident" and found.reason == "words" and found.words:
        # The objective names the impact's own measure (pitchkit.recast.naming).
        return lang.gettext(
            "both measure '{measure}': the objective names the impact's own measure"
        ).format(measure=found.words[0][1])
    if found.confidence == "confident" and found.reason == "worry":
        # Claimed by the scorer: rare shared words on an objective the board worries about.
        pairs = ", ".join(f"'{a}' ~ '{b}'" for a, b in found.words)
        return lang.gettext(
            "matching words few of the team's objectives use: {pairs}, on an objective "
            "about something the board already worries about"
        ).format(pairs=pairs)
    if found.confidence == "confident" and found.reason == "value" and found.chain is None:
        # Claimed by the scorer: the impact's cash against a financial objective.
        return _evidence(found, lang)
    if found.confidence == "confident" and found.chain is not None:
        said = same_text(found, lang) if not found.chain.steps else chain_text(found.chain, lang)
        text = lang.gettext("measure map: {chain}").format(chain=said)
        if found.words:
            pairs = ", ".join(f"'{a}' ~ '{b}'" for a, b in found.words)
            text += "; " + lang.gettext("matching words: {pairs}").format(pairs=pairs)
        return text
    return lang.gettext("possible -- confirm with supports: [{ref}]: {evidence}").format(
        ref=ref or found.objective, evidence=_evidence(found, lang)
    )


def offer_reason(found: Link, lang: Language) -> str:
    """Why a link was found, for ``pitchkit link``, which asks the lead about it at once.

    As :func:`link_reason`, but a possible link is not told to be confirmed with
    ``supports:`` and its reference: the question that follows asks exactly that.
    """
    if found.confidence != "possible":
        return link_reason(found, lang)
    return lang.gettext("possible: {evidence}").format(evidence=_evidence(found, lang))
