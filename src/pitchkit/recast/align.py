"""Scoring one impact against one director objective, with the reasons why.

A link is explicit when the impact names the objective in ``supports``, and
ruled out when it names it in ``excludes``. Otherwise the measure map
(:mod:`pitchkit.recast.measures`) decides: when the impact's measure and the
objective's aim are the same concept, or one reaches the other in at most
two "contributes to" steps, the link is confident and carries the chain.
Without a chain, themes both sides declare, or telling words they share
(never stop words, weak words or specialty names alone), make a possible
link: shown to the lead to confirm, never claimed in a document. So does a
chain of one step or none when the objective measures something the
impact's measure cannot move (:mod:`pitchkit.recast.quantity`). One kind
of word evidence is confident: an objective that names the impact's own
measure in a telling phrase of its own (:mod:`pitchkit.recast.naming`). The
lens's theme weights only order links that already stand on their own
evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from pitchkit.facts.ids import id_key
from pitchkit.facts.schema import THEMES, Impact, Objective
from pitchkit.pounds import is_pounds
from pitchkit.recast.lenses import Lens, lens_data
from pitchkit.recast.measures import (
    RULES,
    Chain,
    about,
    aimed,
    chain,
    content_tokens,
    counts_other_thing,
    counts_reported,
    counts_shortfall,
    counts_subset,
    falling,
    families_disagree,
    harm_named,
    in_setting,
    instrument_head,
    linkable,
    measure_map,
    measured,
    mentions,
    named_as_event,
    named_as_mode,
    named_as_reason,
    named_aside,
    names_goods,
    names_harm,
    names_payee,
    names_step,
    own_names,
    populations,
    qualifiers,
    qualifies_concept,
    qualifies_only,
    step_done_for,
    subset_named,
    topic_only,
    without_asides,
)
from pitchkit.recast.money import adds_spend
from pitchkit.recast.naming import Named, aim, dull_words, named_measure
from pitchkit.recast.quantity import (
    Mismatch,
    between_groups,
    handled,
    mismatch,
    mixed,
    read,
    report_apart,
    spent,
    step_untold,
    training_apart,
    used,
    worked,
)
from pitchkit.recast.whose import TRUST, budgets_of, same_payer, whose_cash
from pitchkit.recast.whowhere import Apart, apart
from pitchkit.recast.words import PhraseMatcher, Token, phrase, phrase_table, same_word, tokens

#: A link needs at least this score; tuned on tests/data/alignment_pairs.yaml.
THRESHOLD = 0.35
#: How much one piece of evidence is worth, combined as independent chances.
PHRASE_WEIGHT = 0.7
WORD_WEIGHT = 0.55
WEAK_WORD_WEIGHT = 0.2
#: The most that shared themes alone can add, by how many sides wrote them.
THEME_WEIGHT = {2: 0.6, 1: 0.55, 0: 0.5}
#: Shared themes count this much less when the objective names a topic the impact lacks.
SPECIFIC_DISCOUNT = 0.5
#: The lens's weight for the shared themes nudges the score by at most this.
LENS_NUDGE = 0.04
#: Score of the link between an impact with a money value and a financial objective.
VALUE_LINK = 0.45


Confidence = Literal["explicit", "confident", "possible"]
#: Why a map chain is offered as possible: a quantity the impact cannot move
#: (:mod:`pitchkit.recast.quantity`), a plain cause step ("cause"), an objective whose
#: aim is a whole area ("broad"), or a side that names its end of the chain only as an
#: area of care or work ("topic"), or only as what a survey, rating or inspection is about
#: ("instrument"), or only in an aside, with nothing else shared ("aside"); or, set by
#: :func:`pitchkit.recast.pitch.recast`, an objective of a financial year the project
#: delivers nothing in ("year"); or the two sides count different people ("who") or
#: places ("where": :mod:`pitchkit.recast.whowhere`); or a kind of claim the lead has
#: turned off ("kind"), or one concept several impacts and objectives name, which one side
#: names only to qualify what it counts ("crowd": :func:`crowd_held`), or one concept a side
#: names only to qualify another measure it counts ("qualifier": :func:`qualifier_held`), or
#: an impact that counts goods named after the concept its chain starts from ("goods"), or
#: two sums of money spent on different kinds of thing, pay and goods ("spent": :func:`spent_held`),
#: or a chain to an objective's open spend on pay that passes through no pay ("paid"), or a
#: map claim the learned scorer gives less than even odds whose impact or objective has
#: another claim ("odds": :func:`odds_held`), or a claim the learned scorer rates below the claim
#: floor ("floor": :func:`floor_held`), or an objective that names only a part of the one
#: concept both sides name ("subset": :func:`subset_held`), or an objective to deliver a plan
#: the project's strategy names, reached by a chain too long to claim ("plan":
#: :mod:`pitchkit.recast.plans`), or an objective that counts only the events of the
#: concept that caused harm, against an impact that counts them all ("harm": :func:`harm_held`),
#: or an objective that is a report to make, against an impact that counts something else
#: than the records it is made from ("reported": :func:`report_doubt`).
Doubt = (
    Mismatch
    | Literal["cause", "broad", "topic", "instrument", "aside", "year", "payer", "event"]
    | Literal["who", "where"]
    | Literal["kind", "crowd", "qualifier", "goods", "spent", "paid", "odds", "subset", "plan"]
    | Literal["floor", "reason", "harm", "reported"]
)
#: Doubts that the two sides count different people or places (:mod:`pitchkit.recast.whowhere`).
WHO_WHERE: frozenset[str] = frozenset({"who", "where"})
#: Doubts about a chain's shape alone, not about what either side measures.
SHAPE_DOUBTS: frozenset[str] = frozenset({"cause", "broad"})
#: Doubts an objective that names the impact's own measure answers (:mod:`naming`).
NAMING_ANSWERS: frozenset[str] = SHAPE_DOUBTS | {"topic", "instrument", "aside"}
#: Confidence levels a document may claim; "possible" links are only shown to the lead.
CLAIMED: frozenset[str] = frozenset({"explicit", "confident"})
#: Score of a link through the measure map, by the number of steps in its chain.
CHAIN_SCORE = {0: 0.9, 1: 0.8, 2: 0.7}
#: Shared words that are not generic add this much to a map link.
WORD_SUPPORT = 0.05
#: A possible link never scores more than this, below every confident one.
POSSIBLE_CEILING = 0.5
#: Score of a link whose objective names the impact's own measure in words.
NAMED_SCORE = 0.8
#: A concept at least this many of a project's impacts, and at least
#: :data:`CROWD_OBJECTIVES` of its objectives (every director's), name is a topic the
#: project is about, not one measure (:func:`crowded_concepts`).
CROWD_IMPACTS = 3
CROWD_OBJECTIVES = 2
#: A map claim whose learned chance (:mod:`pitchkit.recast.scorer`) is below this, and whose
#: impact or objective has another claim to the same director, is offered, not claimed
#: (:func:`odds_held`): even odds, not a threshold tuned on the labelled sets.
DOUBTED_CHANCE = 0.5
#: A claim whose learned chance is below this is offered, not claimed (:func:`floor_held`),
#: unless the lead made it in ``supports:`` or it counts cash against a financial objective.
#: Chosen on chances each domain got from weights fitted without it (branch floor25,
#: docs/linking-evaluation.md, "The claim floor"): claims below it were right 103 times in
#: 167, and it took back 64 wrong claims for 103 right ones, the best trade of the floors
#: measured when a wrong claim in a document counts as much as two right ones left to confirm.
CLAIM_FLOOR = 0.6
#: Kinds of claim (:func:`claim_kind`) that are shown as possible, never claimed. Empty:
#: every kind is claimed. The tenth first-look pass (docs/linking-evaluation.md) measured
#: demoting each kind whose claims were right less than three times in four on the first
#: looks of two or more blocks ("same concept", "named", "worry"); the lead chooses.
DEMOTED_KINDS: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Link:
    """Why an impact serves an objective, how strongly (0 to 1) and how sure pitchkit is.

    ``confidence`` is "explicit" (the lead said so in ``supports``),
    "confident" (the measure map links them, ``chain`` shows how) or
    "possible" (only shared themes or words: shown to the lead to confirm,
    never claimed in a document).
    """

    impact: str
    objective: str
    score: float
    reason: Literal["explicit", "map", "themes", "words", "value", "worry"]
    themes: tuple[str, ...]
    words: tuple[tuple[str, str], ...]
    confidence: Confidence = "possible"
    chain: Chain | None = None
    #: Why a map chain was only possible: the objective measures something the impact cannot
    #: move, the chain holds a plain cause, or the objective's aim is a whole area.
    mismatch: Doubt | None = None
    #: The learned scorer's chance that the link is right (:mod:`pitchkit.recast.scorer`),
    #: set by :func:`pitchkit.recast.pitch.recast`; orders what the lead is asked, never shown.
    chance: float | None = None
    #: With ``mismatch`` "who" or "where": the groups each side names, which differ.
    apart: Apart | None = None
    #: With a chain of no steps: the words the impact and the objective name the concept
    #: by ("strokes", "strokes"), for the reason to say as they do, not the map's label.
    names: tuple[str, str] | None = None
    #: With ``mismatch`` "subset": the objective's words for the part it aims at ("avoidable");
    #: with "harm", its words for the harm ("causing harm").
    part: str | None = None
    #: With ``mismatch`` "plan": the plan's name as the objective writes it, and whether the
    #: project's strategy ("strategy") or the director's concerns ("concern") name it too.
    plan: tuple[str, Literal["strategy", "concern"]] | None = None

    @property
    def claimed(self) -> bool:
        """Whether a document may claim this link (explicit or confident)."""
        return self.confidence in CLAIMED

    def offered(self, doubt: Doubt) -> Link:
        """The same link offered to the lead as possible, not claimed, for ``doubt``.

        Its score is kept no higher than :data:`POSSIBLE_CEILING`, as every possible
        link's is.
        """
        return replace(
            self, confidence="possible", mismatch=doubt, score=min(self.score, POSSIBLE_CEILING)
        )

    @property
    def mapped(self) -> bool:
        """Whether the measure map links the two: claimed, or held back only by its chain's shape.

        For checking the map's coverage apart from what a note may claim (a link
        claimed because the objective names the measure in words is not the map's, nor
        one the learned scorer claims by money or by rare words on a board worry).
        """
        if self.chain is None:
            return self.claimed and self.reason not in ("words", "value", "worry")
        return self.claimed or self.mismatch in SHAPE_DOUBTS


def offer_rank(found: Link) -> int:
    """Where a link stands in the order the lead is asked about it: lower is asked first.

    Claimed links come first (0). Possible links follow by how often their kind
    was right on the eleven labelled sets (docs/linking-evaluation.md, "The offer
    pass"): a map chain held back only for its shape, a cause step or a broad aim
    (1: 119 of 196 right); a topic or instrument name, cash against a financial
    objective, an objective of a year the project delivers nothing in, or shared
    words backed by a shared theme (2: about one in three);
    shared words or themes alone, or another quantity of the same topic (3: about
    one in six). A lead who stops early has seen the likeliest first.
    """
    if found.claimed:
        return 0
    if found.chain is not None and found.mismatch in SHAPE_DOUBTS:
        return 1
    if found.mismatch == "year" or (
        found.chain is not None and found.mismatch in ("topic", "instrument", "aside")
    ):
        return 2
    if found.reason == "value" or (found.reason == "words" and found.themes):
        return 2
    return 3


def offer_order(found: Link) -> float:
    """Where a link stands in the order the lead is asked about it: lower is asked first.

    Claimed links come first (0). Possible links follow by the learned scorer's chance
    that they are right, likeliest first (docs/linking-evaluation.md, "The scorer
    pass"): on the read sets, left out a domain at a time, that order put the right
    links higher than the kinds of :func:`offer_rank`. A link with no chance worked
    out follows its kind.
    """
    if found.claimed:
        return 0.0
    if found.chance is not None:
        return 2.0 - found.chance
    return 2.0 + offer_rank(found)


class Wording(NamedTuple):
    """What matching needs to know about one text."""

    text: str
    found: tuple[Token, ...]
    groups: Mapping[str, tuple[str, frozenset[int]]]
    content: Mapping[str, int]
    phrased: frozenset[int]


@cache
def _theme_matcher() -> PhraseMatcher:
    return PhraseMatcher(phrase_table(lens_data().theme_words.items()))


def _groups(lens: Lens) -> tuple[frozenset[str], ...]:
    return lens_data().synonyms + lens.synonyms


@cache
def _synonym_matcher(lens: Lens) -> PhraseMatcher:
    groups = _groups(lens)
    return PhraseMatcher(phrase_table((str(index), group) for index, group in enumerate(groups)))


@cache
def _broad_groups(lens: Lens) -> frozenset[str]:
    """Labels of the synonym groups that name a whole area, such as savings."""
    broad = lens_data().broad_terms
    return frozenset(
        str(index)
        for index, group in enumerate(_groups(lens))
        if any(phrase(member) in broad for member in group)
    )


@lru_cache(maxsize=8192)
def infer_themes(text: str) -> frozenset[str]:
    """The themes ``text`` implies through its words: "agency spend" → finance, workforce."""
    return frozenset().union(*(hit.labels for hit in _theme_matcher().find(tokens(text))))


@lru_cache(maxsize=8192)
def wording(text: str, lens: Lens) -> Wording:
    """Find the synonym phrases and content words in ``text`` for ``lens``."""
    found = tokens(text)
    groups: dict[str, tuple[str, frozenset[int]]] = {}
    phrased: set[int] = set()
    for hit in _synonym_matcher(lens).find(found):
        surface = text[found[hit.first].start : found[hit.last].end]
        span = frozenset(range(hit.first, hit.last + 1))
        if hit.size > 1:
            phrased |= span
        for label in hit.labels:
            earlier = groups.get(label)
            if earlier is None or len(span) > len(earlier[1]):
                groups[label] = (surface, span | (earlier[1] if earlier else frozenset()))
    content: dict[str, int] = {}
    stop_words = lens_data().stop_words
    for index, token in enumerate(found):
        word = token.stem
        if len(word) > 1 and word not in stop_words | {"gbp"} and not _has_digit(word):
            content.setdefault(word, index)
    return Wording(text, found, groups, content, frozenset(phrased))


def _has_digit(word: str) -> bool:
    return any(char.isdigit() for char in word)


def _surface(wording: Wording, index: int) -> str:
    token = wording.found[index]
    return wording.text[token.start : token.end]


def shared_words(impact: Wording, objective: Wording) -> tuple[list[tuple[str, str]], float]:
    """The (impact, objective) word pairs both texts share, and their combined weight."""
    pairs: list[tuple[str, str]] = []
    missing = 1.0
    covered_impact: set[int] = set()
    covered_objective: set[int] = set()
    order = sorted(impact.groups, key=lambda label: min(impact.groups[label][1]))
    for label in order:
        if label in objective.groups:
            surface, span = impact.groups[label]
            pairs.append((surface, objective.groups[label][0]))
            covered_impact |= span
            covered_objective |= objective.groups[label][1]
            missing *= 1 - PHRASE_WEIGHT
    weak = lens_data().weak_words
    for word, index in sorted(impact.content.items(), key=lambda item: item[1]):
        if word not in objective.content or index in covered_impact | impact.phrased:
            continue
        other = _same_word_at(impact, index, objective, word)
        if other is None or other in covered_objective | objective.phrased:
            continue
        if not same_compound(impact, index, objective, other):
            continue
        pairs.append((_surface(impact, index), _surface(objective, other)))
        missing *= 1 - (WEAK_WORD_WEIGHT if word in weak else WORD_WEIGHT)
    return pairs, 1 - missing


def _same_word_at(impact: Wording, index: int, objective: Wording, word: str) -> int | None:
    """Where ``objective`` writes the same word as token ``index`` of ``impact``, if it does.

    Light stemming lets "placement" and "place", "personal" and "person" or
    "station" and "state" stem alike, though each pair is two words: one is
    the other with a suffix that makes another word (*-ment*, *-al*, *-ion*,
    *-ly*). :func:`pitchkit.recast.words.same_word` says which pairs meet.
    """
    mine = _surface(impact, index)
    for at, token in enumerate(objective.found):
        if token.stem == word and same_word(mine, _surface(objective, at)):
            return at
    return None


def _compound(wording: Wording, index: int) -> tuple[int, int]:
    """The first and last token of the hyphenated word that token ``index`` is part of."""
    found, text = wording.found, wording.text
    first = last = index
    while first > 0 and text[found[first - 1].end : found[first].start] == "-":
        first -= 1
    while last + 1 < len(found) and text[found[last].end : found[last + 1].start] == "-":
        last += 1
    return first, last


def _written_at(wording: Wording, index: int, stems: tuple[str, ...], offset: int) -> bool:
    """Whether ``stems`` stand in ``wording`` with the word at ``offset`` at token ``index``."""
    start = index - offset
    words = wording.found[start : start + len(stems)] if start >= 0 else ()
    return tuple(token.stem for token in words) == stems


def same_compound(impact: Wording, index: int, objective: Wording, other: int) -> bool:
    """Whether a word both texts share is the same word, not part of another hyphenated one.

    "CPAP set-ups" and "as the strategy sets out" share "set" only as a part of
    "set-up"; "non-elective admissions" and "elective activity" share "elective"
    only so. A part of a hyphenated word matches only that word again, hyphenated
    or not ("follow-up" and "follow up").
    """
    for mine, at, theirs, there in (
        (impact, index, objective, other),
        (objective, other, impact, index),
    ):
        first, last = _compound(mine, at)
        if first == last:
            continue
        stems = tuple(token.stem for token in mine.found[first : last + 1])
        if not _written_at(theirs, there, stems, at - first):
            return False
    return True


def impact_text(impact: Impact) -> str:
    """The impact as the linker reads it: its measure, with its unit."""
    return f"{impact.measure} ({impact.unit})"


def objective_text(objective: Objective) -> str:
    """The objective as the linker reads it: its text, with its target's unit if any."""
    unit = f" ({objective.target.unit})" if objective.target else ""
    return objective.text + unit


def shared_themes(impact: Impact, objective: Objective) -> tuple[tuple[str, ...], float]:
    """The themes both share, in the standard order, and how strongly (0 to 0.5)."""
    mine = frozenset(impact.themes) or infer_themes(impact_text(impact))
    theirs = frozenset(objective.themes) or infer_themes(objective_text(objective))
    common = mine & theirs
    if not common:
        return (), 0.0
    overlap = (len(common) / len(mine) + len(common) / len(theirs)) / 2
    written = bool(impact.themes) + bool(objective.themes)
    return tuple(t for t in THEMES if t in common), THEME_WEIGHT[written] * overlap


def other_topic(impact: Wording, objective: Wording, lens: Lens) -> bool:
    """Whether the objective names specific topics, none of which the impact shares."""
    specific = set(objective.groups) - _broad_groups(lens)
    return bool(specific) and not specific & set(impact.groups)


#: The concept of money spent: the map counts it inside the whole-budget aims.
SPEND = "spend"


@cache
def budget_aims() -> frozenset[str]:
    """The aims any cash an impact saves is counted inside: those the map counts spending in.

    The map's ``spend`` concept is counted inside (``part`` edges) the cost
    improvement programme and financial balance ("spending less for the same work is
    a cash-releasing saving"): a saving of cash counts towards them whatever it was
    spent on, unlike a capital envelope, backlog maintenance or an agency cap.
    """
    concept = measure_map().concepts.get(SPEND)
    if concept is None:
        return frozenset()
    return frozenset(edge.target for edge in concept.edges if edge.part)


def whole_budget(objective: Objective) -> bool:
    """Whether ``objective`` aims at a whole budget any cash saved counts towards (a CIP)."""
    return bool(budget_aims() & set(_objective_concepts(objective)))


def saves_for_budget(
    impact: Impact, objective: Objective, role: str | None = None, home: str = TRUST
) -> bool:
    """Whether ``impact`` can save cash towards ``objective``'s whole budget (a CIP).

    Read as the finance director's note reads cash (:func:`pitchkit.recast.whose.whose_cash`):
    the impact's money is cash (``releases:``, or the default from what it
    counts), it does less of what it counts or the lead marks it ``releases:
    cash`` (income earned), and it falls in the budget the objective is about
    (:func:`~pitchkit.recast.whose.budgets_of`; ``role`` is its director's, ``home``
    whose money the project's own organisation's is).
    "40 more pressure-relieving cushions bought a year, worth £60,000" is money
    spent, not saved, though it has a value; independent-sector CT hire paid from
    the Cancer Alliance's allocation is not the trust's CIP, nor are the trust's
    insourced clinics the ICB's break-even. Other money links to such an aim need
    the scorer's usual :data:`~pitchkit.recast.scorer.MONEY_CHANCE`
    (docs/linking-evaluation.md, "Session 14 at its end" and "Whose cash").
    """
    if not whole_budget(objective):
        return False
    return whose_cash(impact, home=home) in budgets_of(objective, role, home)


def payer_held(
    found: Link, impact: Impact, objective: Objective, role: str | None = None, home: str = TRUST
) -> Link:
    """``found``, held back to possible when it claims a budget the impact's money is not in.

    A chain the map claims to a whole-budget aim (a cost improvement programme,
    financial balance) counts the impact's money in that budget. When the money
    falls in another body's budget than the one the objective is about, as the
    finance director's note reads it (:func:`pitchkit.recast.whose.same_payer`:
    the measure, then the unit cost's source), the claim is not made: independent-sector
    CT hire paid from the Cancer Alliance's allocation is not the trust's CIP, nor
    the trust's insourced clinics the ICB's break-even (the eighth first-look pass,
    docs/linking-evaluation.md). It stays an offer, with the reason. Applied after
    the scorer, so the evidence it weighs is the hand rules' as fitted.
    """
    if (
        found.confidence != "confident"
        or found.chain is None
        or not whole_budget(objective)
        or same_payer(impact, objective, role, home)
    ):
        return found
    return found.offered("payer")


def money_for_finance(impact: Impact, objective: Objective) -> bool:
    """Whether the impact has a money value that can be cash and the objective is about finance.

    Not when the lead marks the value ``releases: capacity`` (time and space freed for
    other work, not money taken out): on the eleven labelled sets such an impact was
    offered to a financial objective 88 times and labelled right once
    (docs/linking-evaluation.md, "The offer pass").
    """
    if impact.value is None or impact.value.amount <= 0:
        return False
    if impact.releases in ("capacity", "cost"):
        # New spend (``releases: cost``) works against a financial aim, never for it
        # (newuser15 #2: more prescription items were offered to the prescribing budget).
        return False
    return financial(objective) and _spent_on(impact, objective)


def _spent_on(impact: Impact, objective: Objective) -> bool:
    """Whether ``impact``'s money can be the spend ``objective`` names, when it names one.

    A general financial aim (a cost improvement programme, financial balance, a
    savings plan, spend in general: the map's ``spend`` and the whole-budget aims
    it is counted inside) takes any cash saved. One that names what its spend is
    on, by a concept of the measure map beside its spend ("Reduce spend on
    continuing healthcare packages", "Agency spend within the ceiling"; not a
    concept that is money alone, such as non-pay or drug spend), takes
    only money the impact's measure can be: the concept itself, a chain through
    the map, or a telling word the two share ("Agency psychologist sessions",
    "District nursing visits" against "bank and agency spend in community
    nursing"). Wasted feed boxes are not continuing healthcare packages
    (newuser17 #4).
    """
    named = _named_spend(objective)
    if not named and _impact_concepts(impact) and _aims_at_other_than_money(objective):
        named = _objective_concepts(objective)
    if not named:
        return not _other_spending(impact, objective)
    if set(named) & set(_impact_concepts(impact)):
        return True
    words = {t.stem for t in content_tokens(impact_text(impact)) if not t.stem.isdigit()}
    spend_words = {t.stem for t in content_tokens(f"{SPEND} cost")}
    if {t.stem for t in content_tokens(objective.text)} - spend_words & words:
        return True  # "Agency psychologist sessions" against "Agency spend ..."
    return map_chain(impact, objective) is not None


#: Money-only concepts for what is bought (non-pay spend, drug spend) that no pay can be.
_BOUGHT = frozenset({"procurement", "drug-spend"})
#: Concepts whose money is pay: shifts worked by bank and agency staff, the pay bill, and
#: staff's own hours paid at a premium rate (overtime, waiting list initiatives).
_PAY = frozenset({"temporary-staffing", "temporary-staffing-spend", "pay-costs", "premium-pay"})
#: Work bought from another provider: non-pay, but not drugs, supplies or consumables.
_OUTSOURCED = "outsourcing"


def _other_spending(impact: Impact, objective: Objective) -> bool:
    """Whether the map knows ``impact``'s money as another kind than the goods ``objective`` names.

    An objective for a money-only kind of purchase ("Keep non-pay spend within
    budget", "Keep drugs and consumables spend within budget") takes any cash saved
    (see :func:`_named_spend`), but not money the impact's measure shows is pay (bank
    and agency shifts: newuser20 #6), nor work sent to another provider against
    goods named by their area ("drugs and consumables", not "non-pay": newuser19 #4).
    """
    goods = _BOUGHT & set(_objective_concepts(objective))
    if not goods:
        return False
    mine = set(_impact_concepts(impact))
    if mine & _PAY:
        return True
    named_goods = goods - {"drug-spend"}
    return _OUTSOURCED in mine and all(topic_only(objective.text, c) for c in named_goods)


def _aims_at_other_than_money(objective: Objective) -> bool:
    """Whether a financial objective aims only at things the map knows as more than money.

    "Reduce reliance on agency staff" reads as financial by its word "agency" but
    aims at temporary staffing, not at a sum of money: out-of-area placement
    money is no part of it (newuser35 #12), though money the map does not
    know the measure of may be, as may money with a telling word the two share
    (see :func:`_spent_on`). "Break even", "Deliver the cost
    improvement programme" and "Keep non-pay spend within budget" aim at money
    itself (the map's ``spend``, the aims it is counted inside, or a concept whose
    only theme is finance), and take any cash saved.
    """
    aims = _objective_concepts(objective)
    general = {SPEND} | budget_aims()
    concepts = measure_map().concepts
    return bool(aims) and not any(
        aim in general or (aim in concepts and set(concepts[aim].themes) == {"finance"})
        for aim in aims
    )


def _named_spend(objective: Objective) -> tuple[str, ...]:
    """The concepts a financial objective names its spend on: none for a general aim.

    Only an objective that speaks of spend (the map's ``spend``, or a concept
    named with the word, "Agency spend") names what it is on: the concepts it
    aims at beside the spend. "Deliver the ICB's efficiency plan", "Cut
    prescribing spend by 3%" and "Shift 1% of spend from hospital to
    prevention" (no concept aimed at beside the spend) name nothing, and take
    any cash saved; nor does a concept that is money alone ("non-pay spend",
    "drug spend"), a kind of spending any purchase may be.
    """
    found = mentions(objective.text)
    spend_words = {t.stem for t in content_tokens(SPEND)}
    spoken = any(
        m.concept == SPEND or spend_words & {t.stem for t in content_tokens(m.words)} for m in found
    )
    if not spoken:
        return ()
    general = {SPEND} | budget_aims()
    concepts = measure_map().concepts
    return tuple(
        concept
        for concept in _objective_concepts(objective)
        if concept not in general
        and not (concept in concepts and set(concepts[concept].themes) == {"finance"})
    )


def financial(objective: Objective) -> bool:
    """Whether ``objective`` is about money: its declared themes, else those its words show."""
    themes = frozenset(objective.themes) or infer_themes(objective_text(objective))
    return "finance" in themes


def aims_at_money(objective: Objective) -> bool:
    """Whether ``objective`` aims at money itself: a CIP, break-even, a savings plan.

    Such an aim counts a project's cash net of the extra spend it adds; "Bring
    out-of-area placement spend within the £2m budget" aims at one kind of
    spend, which a crisis house's nights are no part of.
    """
    return (
        financial(objective)
        and not _aims_at_other_than_money(objective)
        and not _named_spend(objective)
    )


def _reference(director_id: str, objective: Objective) -> str:
    return id_key(f"{director_id}.{objective.id}")


def _explicit(impact: Impact, objective: Objective, director_id: str) -> bool:
    wanted = _reference(director_id, objective)
    return any(id_key(ref) == wanted for ref in impact.supports)


def plans_no_change(impact: Impact) -> bool:
    """Whether ``impact``'s target is its baseline: it helps no objective, even one it ``supports``.

    ``pitchkit check`` warns of it (:func:`pitchkit.advice.pitch.impact_no_change`); a note
    never leads with a claim resting on a planned change of nothing (newuser18 #2).
    """
    return impact.target == impact.baseline


def excluded(impact: Impact, objective: Objective, director_id: str) -> bool:
    """Whether the lead said in ``excludes`` that ``impact`` does not serve ``objective``."""
    wanted = _reference(director_id, objective)
    return any(id_key(ref) == wanted for ref in impact.excludes)


def _impact_concepts(impact: Impact) -> tuple[str, ...]:
    """The map concepts an impact measures: from its measure, or with its unit if none."""
    return measured(impact.measure) or measured(impact_text(impact))


def _objective_concepts(objective: Objective, setting: str | None = None) -> tuple[str, ...]:
    """The map concepts an objective aims at: from its text, or with its target unit.

    In the project's ``setting`` (:func:`pitchkit.recast.measures.setting_of`), what they
    are there too: a mental health trust's bed occupancy is its mental health beds'.
    """
    aims = aimed(objective.text) or aimed(objective_text(objective))
    return in_setting(aims, objective.text, setting)


def map_chain(
    impact: Impact,
    objective: Objective,
    worried: frozenset[str] = frozenset(),
    setting: str | None = None,
) -> Chain | None:
    """How the measure map takes ``impact`` to ``objective`` in at most two steps, if it does.

    Not when both name a qualifier of the same family (staff group, age
    group) and the qualifiers differ: medical locums do not serve a nursing
    agency target. A population or setting ("learning disability", "the
    estate") never starts or ends a chain: it says whose or where, not what.
    ``worried``, the concepts the project's strategy and the director's concerns
    name, lets a chain pass through a concept that holds only where the board
    says it is (escalation beds: :func:`pitchkit.recast.measures.chain`). ``setting`` is
    the project's (:func:`pitchkit.recast.measures.setting_of`): an objective's beds with no
    type are its beds.
    """
    if families_disagree(impact.measure, objective.text):
        return None
    named = populations(impact.measure) if RULES["edge populations"] else None
    starts = linkable(_impact_concepts(impact))
    return chain(
        starts,
        linkable(_objective_concepts(objective, setting)),
        named,
        worried,
        falling(
            starts,
            impact.measure,
            impact.direction,
            money=is_pounds(impact.unit),
        ),
    )


def quantity_mismatch(impact: Impact, objective: Objective, found: Chain) -> Mismatch | None:
    """Why ``impact`` cannot move what ``objective`` measures, though the map links them.

    Only chains of one step or none are read: there both texts are about one
    topic and may measure different things about it (a vacancy rate and a
    time to hire). See :func:`pitchkit.recast.quantity.mismatch`.
    """
    if len(found.steps) > 1 or not RULES["quantity"]:
        return None
    unit = objective.target.unit if objective.target else ""
    mine = qualifiers(impact.measure).get("inequality group", frozenset())
    theirs = qualifiers(objective.text).get("inequality group", frozenset())
    # The objective is read without the names of its other concepts, so one on
    # "length of stay and readmissions" is not a time as far as readmissions go.
    # (A measure is read whole: its words about one concept qualify the others.)
    theirs_read = read(about(objective.text, found.end), unit)
    whole = read(objective.text, unit)
    if theirs_read.kind == "time" and whole.kind != "time":
        # Blanking another concept's name may take a time away, never give one:
        # "for 30-day mortality" read without "mortality" is not a wait.
        theirs_read = whole
    return mismatch(
        read(impact.measure, impact.unit),
        theirs_read,
        steps=len(found.steps),
        # The impact is measured for a group the objective compares (or, when the
        # objective names none, for any group an inequality is about).
        same_group=bool(mine & theirs) if theirs else bool(mine),
        # Money spent on the concept, unless the objective counts that same money: "Reduce
        # agency nurse spend by 40%" read with its own word "spend" kept is a sum of money.
        spent=spent(impact.measure) and not spends_on(objective.text, found.end, unit),
        # Working time spent on a concept that is itself staff time (nursing time released,
        # sickness absence) is that concept.
        worked=worked(impact.measure, impact.unit)
        and "workforce" not in measure_map().concepts[found.end].themes,
        # An objective that times how soon each thing is answered, responded to or triaged.
        handled=RULES["handled in time"] and handled(about(objective.text, found.end)),
        # A step of care done to each of the impact's things, which the objective does not name.
        stepped=stepped(impact.measure, objective.text, found.start),
        # A gap between groups, against an objective on the level of the same concept.
        divided=RULES["gap apart"] and between_groups(impact.measure),
        # An objective on the share of capacity used, and an impact that counts no capacity.
        used=RULES["capacity used"]
        and used(
            about(objective.text, found.end),
            impact.measure,
            impact.unit,
            supplied=RULES["capacity supplied"],
            failing=counts_shortfall(impact.measure),
        ),
        # One side a share of a whole amount (spend with local suppliers, Access antibiotics
        # as a share of all use), the other not.
        # An impact given in per cent is a share already: "Care home repeat items issued as
        # eRD" (%) is the same share as "eRD at 80% of repeat items".
        mix=RULES["mixes"]
        and (mixed(impact.measure) or (impact.unit.strip() == "%" and mixed(objective.text)))
        != mixed(objective.text),
    )


def training_doubt(impact: Impact, objective: Objective) -> Literal["trained"] | None:
    """``"trained"`` when one side counts staff trained and the other not training at all.

    Read for chains of any length: "HOHA and COHA C. difficile cases" reach "IPC
    level 2 mandatory training at 90%" through healthcare-associated infections,
    yet fewer cases do not raise training compliance. See
    :func:`pitchkit.recast.quantity.training_apart`.
    """
    if not RULES["training apart"]:
        return None
    return "trained" if training_apart(impact.measure, objective.text) else None


def report_doubt(impact: Impact, objective: Objective) -> Literal["reported"] | None:
    """``"reported"`` when the objective is a report to make and the impact counts something else.

    "Publish the duty of candour annual report by 30 September" is not moved by more
    people told of an incident in time, nor "Elective waiting list reported to the board
    each quarter by IMD quintile" by a shorter wait: the report is made whatever its
    figures say. Read for chains of any length; see
    :func:`pitchkit.recast.quantity.report_apart`. Switch: ``RULES["reports"]``.
    """
    if not RULES["reports"]:
        return None
    return "reported" if report_apart(impact.measure, objective.text) else None


def event_doubt(impact: Impact, found: Chain) -> Literal["event"] | None:
    """``"event"`` when the impact names its chain's start only as the event it counts after.

    "Face-to-face respiratory clinic appointments held before the first diagnostic
    test" reaches DM01 and the 62-day standard only through the test, which says
    when the appointments are held, not what is counted. Read for chains of any
    length; see :func:`pitchkit.recast.measures.named_as_event`. On every set up to
    blind61 such claims were right 0 times in 4, in three domains of three sets
    (linking-evaluation.md, "The fifteenth pass").
    """
    return "event" if named_as_event(impact.measure, found.start) else None


#: The map's concept of money that says how much, not on what ("spend", "expenditure").
SPEND_CONCEPT = frozenset({"spend"})


def spends_on(objective: str, concept_id: str, unit: str) -> bool:
    """Whether ``objective`` counts money spent on ``concept_id``: "Reduce agency nurse spend".

    Read for the concept, the objective keeps its own words of spending, which
    :func:`pitchkit.recast.measures.about` would blank as another concept's name:
    "Reduce agency nurse spend by 40%" is then a sum of money, the same money an
    impact "Agency nurse spend" counts, not a share of agency nurses.
    """
    return read(about(objective, concept_id, keep=SPEND_CONCEPT), unit).kind == "money"


def stepped(measure: str, objective: str, concept_id: str) -> bool:
    """Whether ``measure`` counts a step done to ``concept_id``'s things that ``objective`` lacks.

    See :func:`pitchkit.recast.measures.step_done_for`: "Weekend discharges
    referred to community pharmacy" counts referrals of discharges, not
    discharges; an objective naming the same step ("referrals") may count it.
    """
    stem = step_done_for(measure, concept_id)
    return stem is not None and not names_step(objective, stem)


def shape_doubt(found: Chain, *, declared: bool, mode: bool = False) -> Doubt | None:
    """Why a chain's shape is too weak to claim without the lead's word, or ``None``.

    On the first look at five labelled sets pitchkit had never seen
    (docs/linking-evaluation.md, "The shape pass"), chains holding a plain
    cause step were right 28 times in 85, and chains ending at a broad
    concept (a whole area: harm, mortality, financial balance) 7 in 24,
    while shared concepts and steps that count one measure inside another
    held far more often. Such a chain is only possible: "cause" or "broad".

    Themes the impact and the objective both declare (``declared``) vouch
    for a two-step chain, which ends by counting the effect inside the
    objective (antibiotics within the hour -> sepsis deaths -> SHMI: right
    3 times in 3), and for a broad aim; not for a lone cause step, which
    was right 2 times in 9 even with shared declared themes.

    A first step counted inside the next measure is a cause when the impact
    names its concept only as the way things are done (``mode``: "repairs done
    as day cases" are not more elective activity; see
    :func:`pitchkit.recast.measures.named_as_mode`).
    """
    causes = sum(not step.part or (mode and n == 0) for n, step in enumerate(found.steps))
    if RULES["cause"] and causes and (not declared or len(found.steps) == 1):
        return "cause"
    if RULES["broad"] and not declared and measure_map().concepts[found.end].broad:
        return "broad"
    return None


def reason_doubt(impact: Impact, objective: Objective, found: Chain) -> Literal["reason"] | None:
    """``"reason"`` when the impact names the one concept only as what its things are done for.

    "Peripartum hysterectomies for postpartum haemorrhage" against "obstetric haemorrhage
    of 1.5 litres or more below 2.5 per 100 births": both name the haemorrhage, but the
    impact counts operations done because of it, and fewer operations (embolisation
    instead) do not mean fewer haemorrhages. Likewise admissions for suspected sepsis
    against timely recognition of sepsis, and patients with a bloodstream infection on
    the right antibiotic against fewer bloodstream infections (treatment is not
    prevention). Only for a link of one concept (no step), and not when the objective
    names the concept the same way ("admissions for self-harm" against "ED attendances
    for self-harm": both count things done for it). See
    :func:`pitchkit.recast.measures.named_as_reason`. On every set up to blind79 such
    claims were right 0 times in 6, in four domains of four sets (linking-evaluation.md,
    "Pass 40").
    """
    if found.steps or not named_as_reason(impact.measure, found.start):
        return None
    if named_as_reason(objective.text, found.end):
        return None
    return "reason"


def topic_doubt(impact: Impact, objective: Objective, found: Chain) -> Literal["topic"] | None:
    """``"topic"`` when one side names its end of the chain only as an area of care or work.

    "Non-pay invoices raised against an approved purchase order" and "Green
    Plan - supply chain (scope 3) emissions down 20%" both name procurement,
    each only by a name of the area ("purchase", "supply"): one counts
    invoices, the other emissions, and the map cannot say one moves the
    other. Such a link is possible, never claimed. See
    :func:`pitchkit.recast.measures.topic_only`.
    """
    if not RULES["topics"]:
        return None
    if topic_only(impact.measure, found.start) or topic_only(objective.text, found.end):
        return "topic"
    return None


def instrument_doubt(
    impact: Impact, objective: Objective, found: Chain
) -> Literal["instrument"] | None:
    """``"instrument"`` when one side names its end of the chain only as what an instrument counts.

    "Ward meals produced but never served" and "Top 20% of trusts for the
    food questions in the Adult Inpatient Survey" both name hospital food,
    but the objective only as the subject of survey questions: what it
    counts is the survey's answers, which fewer unserved meals may or may
    not move. Such a link is possible, never claimed. Read from the words
    around the name, not from a list of concepts (see
    :func:`pitchkit.recast.measures.instrument_head`), and only for chains
    of one step or none, where both sides are about one topic.
    """
    if not RULES["instruments"] or len(found.steps) > 1:
        return None
    if instrument_head(impact.measure, found.start) or instrument_head(objective.text, found.end):
        return "instrument"
    return None


def aside_doubt(
    impact: Impact, objective: Objective, found: Chain, words: Sequence[tuple[str, str]]
) -> Literal["aside"] | None:
    """``"aside"`` when the impact names its end of the chain only in an aside, and nothing else.

    An aside is what an impact's measure says in brackets, how, where or by what it
    is counted ("(SSNAP six-month assessment)", "(alcohol or drugs, incl. after
    leave)"): the measure counts something else, so the concept named there is the
    link's only evidence. "Incidents of patients intoxicated on the ward (alcohol or
    drugs)" and "fewer incidents of drug and alcohol use on our wards" also share
    "incidents" outside the brackets, and stay claimed; against "20% more adults in
    structured drug and alcohol treatment" they share only the brackets' words, and
    the link is possible. On the tuning sets and the first looks at blind12-24 such
    claims were right 1 time in 5 (docs/linking-evaluation.md, "The fifth first-look
    pass"). ``words`` are the telling words both texts share.
    """
    if not named_aside(impact.measure, found.start):
        return None
    mine = without_asides(impact.measure)
    for word_here, _ in words:
        if _says(mine, word_here):
            return None
    return "aside"


def _says(text: str, words: str) -> bool:
    """Whether ``text`` holds ``words`` as whole words, whatever the case."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) is not None


def claimable_chain(
    impact: Impact, objective: Objective, setting: str | None = None
) -> Chain | None:
    """The map's chain from ``impact`` to ``objective``, if the impact can move what it measures."""
    found = map_chain(impact, objective, setting=setting)
    if found is None or chain_doubt(impact, objective, found) is not None:
        return None
    return found


def chain_doubt(impact: Impact, objective: Objective, found: Chain) -> Doubt | None:
    """Why the map's chain from ``impact`` to ``objective`` is only possible, or ``None``.

    In order: what each side measures, a side naming its end only as an area
    or only as what an instrument counts, and the chain's shape.
    """
    return (
        quantity_mismatch(impact, objective, found)
        or training_doubt(impact, objective)
        or report_doubt(impact, objective)
        or event_doubt(impact, found)
        or reason_doubt(impact, objective, found)
        or topic_doubt(impact, objective, found)
        or instrument_doubt(impact, objective, found)
        or shape_doubt(
            found,
            declared=bool(declared_themes(impact, objective)),
            mode=named_as_mode(impact.measure, found.start),
        )
    )


def telling(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Shared-word pairs that mean something on their own, each once.

    Stop words, weak words ("patients", "care") and generic words ("how",
    "can", specialty names) are dropped: they support a link, never make one.
    """
    dull = dull_words()
    kept: list[tuple[str, str]] = []
    for mine, theirs in pairs:
        stems = phrase(mine)
        if all(word in dull or _has_digit(word) for word in stems):
            continue
        if (mine, theirs) not in kept:
            kept.append((mine, theirs))
    return kept


def declared_themes(impact: Impact, objective: Objective) -> tuple[str, ...]:
    """Themes both the impact and the objective declare, in the standard order."""
    common = set(impact.themes) & set(objective.themes)
    return tuple(t for t in THEMES if t in common)


def _map_apart(pair: tuple[str, str]) -> bool:
    """Whether a shared-words pair names two different concepts of the map on its two sides.

    A lens's synonym group ("length of stay" ~ "no criteria to reside") joins what the
    map keeps apart: when no chain links the two sides, such a pair tells nothing.
    """
    mine = {m.concept for m in mentions(pair[0])}
    theirs = {m.concept for m in mentions(pair[1])}
    return bool(mine) and bool(theirs) and not mine & theirs


def _inside_concept(text: str, words: str) -> frozenset[str]:
    """The map concepts whose names hold ``words`` wherever ``text`` says them, or none.

    Empty when ``text`` also says ``words`` outside every concept's name it holds.
    """
    found = mentions(text)
    holding = frozenset(m.concept for m in found if _says(m.words, words))
    if not holding:
        return frozenset()
    rest = text
    for m in found:
        rest = rest.replace(m.words, " ")
    return frozenset() if _says(rest, words) else holding


def _names_apart(pair: tuple[str, str], impact: Impact, objective: Objective) -> bool:
    """Whether a shared-words pair is said on each side only inside a different concept's name.

    "Discharges delayed waiting for medicines to take home" and "Halve omitted and
    delayed critical medicine doses" share "delayed", but one says it in a wait for
    discharge medicines and the other in missed doses; with no chain between the two
    concepts, the word tells nothing (newuser23). A word that by itself names a
    concept ("asthma" in an asthma action plan and in asthma attacks) still tells the
    shared area, and stays. :func:`_map_apart` reads the pair's own words; this reads
    where each side says them.
    """
    if mentions(pair[0]) or mentions(pair[1]):
        return False
    mine = _inside_concept(impact.measure, pair[0])
    theirs = _inside_concept(objective.text, pair[1])
    return bool(mine) and bool(theirs) and not mine & theirs


def named_link(impact: Impact, objective: Objective, setting: str | None = None) -> Named | None:
    """The phrase by which ``objective`` names ``impact``'s own measure, when that is a claim.

    A telling phrase that is the impact's measure (:func:`named_measure`),
    with no qualifier family stated differently on the two sides, no
    difference in what they quantify (a wait against a share, a gap against
    a level ...), no step of care the objective times that the impact does not
    say (:func:`pitchkit.recast.quantity.step_untold`), and no sign that the
    objective wants the measure to move the other way from the impact's target.
    """
    if not RULES["naming"]:
        return None
    named = named_measure(impact.measure, objective.text)
    if named is None or families_disagree(impact.measure, objective.text):
        return None
    unit = objective.target.unit if objective.target else ""
    if mismatch(read(impact.measure, impact.unit), read(objective.text, unit), steps=0):
        return None
    if RULES["named step in time"] and step_untold(impact.measure, objective.text):
        # "80% of hip fractures operated on within 36 hours" names the fractures, but counts
        # how soon each is operated on: an impact that does not say the step cannot move it.
        return None
    wanted = aim(objective.text)
    if wanted is not None and wanted != impact.direction:
        return None
    return named


def subject_words(measures: Sequence[str]) -> frozenset[str]:
    """The stems most of a project's impact measures share: what the project is about.

    A stem in at least half of the measures, and in two or more ("clozapine",
    "wheelchair", "neonatal", "TIA"), names the project's subject. Shared with
    an objective, it says the objective is about the same subject, not that the
    impact moves it: on its own it makes no possible link (it still supports a
    map chain). Read from the lead's own measures, so it needs no vocabulary.
    On blind12-16 such offers were right 8 times in 120 (linking-evaluation.md,
    "The first-look pass").
    """
    counts: dict[str, int] = {}
    for measure in measures:
        for stem in {token.stem for token in tokens(measure)}:
            counts[stem] = counts.get(stem, 0) + 1
    least = max(2, -(-len(measures) // 2))
    return frozenset(stem for stem, n in counts.items() if n >= least)


def about_subject(pair: tuple[str, str], subject: frozenset[str]) -> bool:
    """Whether the impact's side of a shared-word pair is only the project's subject words."""
    stems = phrase(pair[0])
    return bool(stems) and all(stem in subject for stem in stems)


def team_words(objective_texts: Sequence[str]) -> frozenset[str]:
    """The stems more than a third of the team's objectives share: whose objectives they are.

    In an ambulance trust "ambulance" is in nearly every objective; in a mental
    health trust "physical" may be in many. Such a word says which organisation
    the team runs, not which of its objectives an impact serves: shared with an
    impact, it makes no possible link by itself and adds nothing to one (it
    still supports a map chain). A stem counts when more than a third of the
    objectives, and two or more, hold it. Read from the team's own objectives,
    so it needs no vocabulary (linking-evaluation.md, "Words every objective
    shares").
    """
    counts: dict[str, int] = {}
    for text in objective_texts:
        for stem in {token.stem for token in tokens(text)}:
            counts[stem] = counts.get(stem, 0) + 1
    size = len(objective_texts)
    return frozenset(stem for stem, n in counts.items() if n >= 2 and 3 * n > size)


def name_words(organisation: str) -> frozenset[str]:
    """The stems of the organisation's own name: "ambulance" in an ambulance service's.

    Shared with an impact, such a word says whose the objective is, as a word
    most of the team's objectives hold does (:func:`team_words`): "Ambulance" ~
    "ambulance" in "North Example Ambulance Service NHS Trust" is no reason to
    link an impact to one of its objectives rather than another.
    """
    return frozenset(token.stem for token in tokens(organisation))


#: Units of time and words that say only how a figure is counted: shared alone, they
#: say two figures are counted alike, not that one moves the other ("within 15 minutes"
#: and "handovers over 45 minutes").
UNIT_WORDS = (
    "minute",
    "minutes",
    "second",
    "seconds",
    "hour",
    "hours",
    "month",
    "months",
    "year",
    "years",
    "rate",
    "rates",
    "number",
    "numbers",
)


@cache
def unit_stems() -> frozenset[str]:
    """The stems of :data:`UNIT_WORDS`."""
    return frozenset(stem for word in UNIT_WORDS for stem in phrase(word))


def _team_pair(pair: tuple[str, str], team: frozenset[str]) -> bool:
    """Whether the objective's side of a shared-word pair is only the team's common words."""
    stems = phrase(pair[1])
    return bool(stems) and all(stem in team for stem in stems)


def _unit_pair(pair: tuple[str, str]) -> bool:
    """Whether both sides of a shared-word pair are only units of time or counting words."""
    stems = phrase(pair[0]) + phrase(pair[1])
    return bool(stems) and all(stem in unit_stems() for stem in stems)


def common_pair(
    pair: tuple[str, str], subject: frozenset[str], team: frozenset[str] = frozenset()
) -> bool:
    """Whether a shared-word pair says only what the project or the team is, or a unit.

    The impact's side only the project's subject words (:func:`subject_words`), the
    objective's side only the team's common words (:func:`team_words`), or both sides
    only units of time or counting words (:data:`UNIT_WORDS`), each under its switch.
    """
    return (
        (RULES["subject"] and about_subject(pair, subject))
        or (RULES["team words"] and _team_pair(pair, team))
        or (RULES["unit words"] and _unit_pair(pair))
    )


def only_the_subject(
    found: Link,
    impact: Impact,
    objective: Objective,
    subject: frozenset[str],
    team: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``found`` is a possible link made only by the project's or the team's common words.

    Such a link is not offered: the words say the objective is about the same
    subject, or belongs to the same organisation, not that the impact moves it
    (:func:`common_pair`). A link the map, the lead's declared themes on both
    sides or other telling words make stays.
    """
    if found.reason != "words" or found.confidence != "possible":
        return False
    if found.chain is not None or declared_themes(impact, objective):
        return False
    return all(common_pair(pair, subject, team) for pair in found.words)


def without_common_words(
    found: Link | None, subject: frozenset[str], team: frozenset[str]
) -> Link | None:
    """``found`` with the shared-word pairs :func:`common_pair` reads as common left out.

    They add nothing to a link: the explanation names only the words that tell.
    A link whose every pair is common keeps them (it is a map, theme or
    declared link, and the words are all it has to show).
    """
    if found is None or not found.words or found.confidence == "explicit":
        return found
    kept = tuple(pair for pair in found.words if not common_pair(pair, subject, team))
    if not kept or len(kept) == len(found.words):
        return found
    return replace(found, words=kept)


def held_apart(found: Link | None, impact: Impact, objective: Objective) -> Link | None:
    """``found`` as the lead is offered it when the two sides count different people.

    When the impact's measure and the objective name different groups of one
    ``who_and_where`` family (:func:`pitchkit.recast.whowhere.apart`: mothers and babies
    against adults, staff against patients), a chain through the map or an objective
    naming the impact's measure is only possible, its reason naming the two groups
    (``mismatch`` "who" or "where"); shared words or themes alone, or money alone,
    offer nothing. Explicit links, and pairs whose sides name no such groups, are as
    found. Applied after the scorer's evidence is gathered (as :func:`only_the_subject`
    is), so what it learned is weighed on the same evidence as before.
    """
    if found is None or found.confidence == "explicit":
        return found
    who = apart(impact.measure, objective.text)
    if who is None:
        return found
    named = found.confidence == "confident" and found.reason == "words"
    if found.chain is None and not named:
        # An impact read as the rest of an ``only`` member's family says nothing of it,
        # so shared words or themes are left as they were found.
        return found if who.unnamed else None
    return replace(found.offered(who.kind), apart=who)


def price_apart(found: Link | None, impact: Impact, objective: Objective) -> Link | None:
    """``found``, or nothing when it offers the change's priced rise for a benefit.

    An impact that adds spend (``releases: cost`` on a count that rises: more
    outpatient scans bought, more drug items) is what the change costs, not
    something it delivers. Such a rise is offered only to a financial objective
    (the spend's own, as the money rules allow); a chain through the map or
    shared words to a flow or quality objective offer nothing: "Outpatient
    abdominal ultrasound scans" in a same-day emergency care project do not move
    the four-hour standard (newuser19 #2). A link the lead declares
    (``supports:``) stands. Applied after the scorer's evidence is gathered, as
    :func:`held_apart` is, so what the scorer learned is weighed the same way.
    """
    if found is None or found.confidence == "explicit" or not adds_spend(impact):
        return found
    return found if financial(objective) else None


def same_names(impact: Impact, objective: Objective, chain: Chain | None) -> tuple[str, str] | None:
    """The words each side names a chain's one concept by: ``("strokes", "strokes")``.

    ``None`` unless the chain has no steps and both texts name its concept
    in words the map knows. A reason then says the concept as the two sides
    say it: the map's label ("strokes and heart attacks") can name more than
    either does.
    """
    if chain is None or chain.steps:
        return None
    mine = _named_by(impact_text(impact), chain.start)
    theirs = _named_by(objective_text(objective), chain.start)
    if mine is None or theirs is None:
        return None
    return mine, theirs


def _named_by(text: str, concept_id: str) -> str | None:
    """The words ``text`` names ``concept_id`` by, lower-cased unless an acronym."""
    names = own_names(text, concept_id)
    if not names:
        return None
    words = names[0].strip()
    return words if words[:2].isupper() else words[:1].lower() + words[1:]


def link(
    impact: Impact,
    objective: Objective,
    *,
    director_id: str,
    lens: Lens,
    worried: frozenset[str] = frozenset(),
    setting: str | None = None,
) -> Link | None:
    """How well ``impact`` serves ``objective`` for a director seen through ``lens``.

    In order: ``excludes`` (or a target equal to the baseline) rules the pair
    out; ``supports`` makes it explicit; a chain through the measure map makes it confident, unless
    the objective measures something the impact cannot move (a wait, a gap
    between groups, a step of care: then it is possible); shared
    declared themes, or telling shared words, make it possible. Returns
    ``None`` when there is no such evidence. ``worried`` are the concepts the board
    already worries about (see :func:`map_chain`); ``setting`` is the project's
    (:func:`pitchkit.recast.measures.setting_of`).
    """
    if excluded(impact, objective, director_id) or plans_no_change(impact):
        return None
    themes, theme_score = shared_themes(impact, objective)
    mine = wording(impact_text(impact), lens)
    theirs = wording(objective_text(objective), lens)
    pairs, word_score = shared_words(mine, theirs)
    told = telling(pairs)
    if _explicit(impact, objective, director_id):
        return Link(
            impact.id, objective.id, 1.0, "explicit", themes, tuple(told), "explicit",
            map_chain(impact, objective, worried, setting),
        )  # fmt: skip
    nudge = LENS_NUDGE * max((lens.themes.get(t, 0.0) for t in themes), default=0.0)
    found = map_chain(impact, objective, worried, setting)
    differs = chain_doubt(impact, objective, found) if found is not None else None
    if found is not None and differs is None:
        differs = aside_doubt(impact, objective, found, told)
    named = named_link(impact, objective) if found is None or differs in NAMING_ANSWERS else None
    names = same_names(impact, objective, found)
    if named is not None:
        # The objective sets its aim for the impact's own measure, in the same words. A chain
        # the map holds back for its shape is kept for the record, not given as the reason.
        score = NAMED_SCORE + nudge
        return Link(
            impact.id, objective.id, round(min(0.99, score), 4), "words", themes,
            ((named.impact, named.objective),), "confident", found,
        )  # fmt: skip
    if found is not None and differs is not None:
        # One topic, another measure of it: shown with the chain and the reason, never claimed.
        return Link(
            impact.id, objective.id, POSSIBLE_CEILING, "map", themes, tuple(told), "possible",
            found, differs, names=names,
        )  # fmt: skip
    if found is not None:
        score = CHAIN_SCORE[len(found.steps)] + (WORD_SUPPORT if told else 0.0) + nudge
        return Link(
            impact.id, objective.id, round(min(0.99, score), 4), "map", themes, tuple(told),
            "confident", found, names=names,
        )  # fmt: skip
    if families_disagree(impact.measure, objective.text):
        # The two name different members of one family (staff group, age group, waiting
        # list ...): the map rules the link out, and shared words or themes, which were
        # right 0 times in 31 such offers on the eleven labelled sets, do not bring it back.
        return None
    told = [
        pair
        for pair in told
        if not _map_apart(pair)
        and not (RULES["names apart"] and _names_apart(pair, impact, objective))
    ]
    declared = declared_themes(impact, objective)
    if other_topic(mine, theirs, lens):
        theme_score *= SPECIFIC_DISCOUNT
    score = 1 - (1 - (word_score if told else 0.0)) * (1 - theme_score)
    reason: Literal["themes", "words", "value"] = "words" if told else "themes"
    if declared:
        score = max(score, THRESHOLD)
        themes = tuple(dict.fromkeys((*declared, *themes)))
    elif not told:
        if money_for_finance(impact, objective):
            # Money an impact saves may count towards a financial objective: the lead confirms.
            return Link(impact.id, objective.id, VALUE_LINK, "value", ("finance",), (), "possible")
        return None
    if score < THRESHOLD:
        return None
    return Link(
        impact=impact.id,
        objective=objective.id,
        score=round(min(POSSIBLE_CEILING, score + nudge), 4),
        reason=reason,
        themes=themes,
        words=tuple(told),
        confidence="possible",
    )


def claim_kind(found: Link) -> str | None:
    """What kind of claim ``found`` is, or ``None`` when it is not a claim pitchkit made itself.

    "same concept" (a chain of no step), "one step", "two steps", "money" (the
    impact's cash against a financial objective, no chain), "worry" (rare words on
    an objective the board worries about), "named" (the objective names the
    impact's own measure). Explicit links (``supports:``) and possible ones have no kind.
    """
    if found.confidence != "confident":
        return None
    if found.reason == "value":
        return "money"
    if found.reason == "worry":
        return "worry"
    if found.reason == "words":
        return "named"
    if found.chain is None:
        return None
    return ("same concept", "one step", "two steps")[min(len(found.chain.steps), 2)]


def kind_held(found: Link) -> Link:
    """``found`` as a possible link when its kind of claim is one pitchkit does not make.

    See :data:`DEMOTED_KINDS`; the doubt is "kind", and the lead confirms it with supports:.
    """
    if claim_kind(found) not in DEMOTED_KINDS:
        return found
    return found.offered("kind")


def crowded_concepts(
    impacts: Sequence[Impact], objectives: Sequence[Objective], setting: str | None = None
) -> frozenset[str]:
    """The concepts so many of a project's impacts and objectives name that they are its topic.

    At least :data:`CROWD_IMPACTS` impacts measure it and :data:`CROWD_OBJECTIVES`
    objectives (of every director) aim at it: a safeguarding project whose six impacts
    all name safeguarding, before a board with DoLS, Making Safeguarding Personal and
    referral objectives. Naming such a concept cannot tell which impact serves which
    objective (see :func:`crowd_held`).
    """
    if not RULES["crowded concepts"]:
        return frozenset()
    counted: dict[str, list[int]] = {}
    for impact in impacts:
        for concept_id in set(linkable(_impact_concepts(impact))):
            counted.setdefault(concept_id, [0, 0])[0] += 1
    for objective in objectives:
        for concept_id in set(linkable(_objective_concepts(objective, setting))):
            counted.setdefault(concept_id, [0, 0])[1] += 1
    return frozenset(
        concept_id
        for concept_id, (mine, theirs) in counted.items()
        if mine >= CROWD_IMPACTS and theirs >= CROWD_OBJECTIVES
    )


def crowd_held(found: Link, impact: Impact, objective: Objective, crowded: frozenset[str]) -> Link:
    """``found`` as a possible link when it stands only on a concept the project is crowded with.

    A same-concept claim (no step) on one of ``crowded``
    (:func:`crowded_concepts`) is held back when one side names the concept only
    to qualify what it counts ("safeguarding *training*", "a *DoLS application*",
    "*frailty virtual ward*": :func:`pitchkit.recast.measures.qualifies_only`) and
    the two share no telling word besides the concept's own names. On the labelled
    sets up to blind42 this took back 21 wrong claims for 4 right ones
    (docs/linking-evaluation.md, "The eleventh pass"). The doubt is "crowd".
    """
    chain_found = found.chain
    if (
        claim_kind(found) != "same concept"
        or chain_found is None
        or chain_found.start not in crowded
    ):
        return found
    concept_id = chain_found.start
    if not (
        qualifies_only(impact.measure, concept_id) or qualifies_only(objective.text, concept_id)
    ):
        return found
    names = " ".join(
        own_names(impact.measure, concept_id) + own_names(objective.text, concept_id)
    ).casefold()
    if any(
        mine.casefold() not in names and theirs.casefold() not in names
        for mine, theirs in found.words
    ):
        return found
    return found.offered("crowd")


def qualifier_held(found: Link, impact: Impact, objective: Objective) -> Link:
    """``found`` as a possible link when one side names its one concept only to qualify another.

    A same-concept claim (no step) where the impact or the objective names the shared
    concept only straight before another measure of the map, of other themes, that the
    other side does not name ("Community nursing turnover below 12%" against wound
    dressings prescribed for community nursing patients: the objective counts staff
    turnover; "Outpatient letters printed and posted" against letters sent within 7
    days: the impact counts printing and postage). See
    :func:`pitchkit.recast.measures.qualifies_concept`. On the labelled sets up to
    blind47 this took back 6 wrong claims for 1 right one (docs/linking-evaluation.md,
    "The twelfth pass"). The doubt is "qualifier".

    Any link through the map, not only a same-concept claim, whose chain starts from a
    concept the impact names only before the goods its unit counts (falls sensor pads
    counted in pads: :func:`pitchkit.recast.measures.counts_other_thing`) is possible
    too, with the doubt "goods", whatever other doubt it had.
    """
    chain_found = found.chain
    if (
        chain_found is not None
        and found.confidence != "explicit"
        and counts_other_thing(impact.measure, chain_found.start, impact.unit or "")
    ):
        # Goods named after the concept the chain starts from (falls sensor pads): the
        # impact counts the goods, so no chain from that concept is the impact's, claimed
        # or offered for another doubt (newuser21, pads offered to avoidable harm).
        return found.offered("goods")
    if claim_kind(found) != "same concept" or chain_found is None:
        return found
    concept_id = chain_found.start
    if (
        qualifies_concept(impact.measure, concept_id, objective.text) is None
        and qualifies_concept(objective.text, concept_id, impact.measure) is None
    ):
        return found
    return found.offered("qualifier")


def subset_held(found: Link, impact: Impact, objective: Objective) -> Link:
    """``found`` as a possible link when the objective aims at only a part of what both name.

    A same-concept claim (no step) whose objective names the concept with one of the
    map's ``subset_words``, inside or straight before the concept's name ("Reduce
    *avoidable* emergency admissions for *ambulatory care sensitive* conditions", not
    "Reduce avoidable harm from falls"), while the impact's measure counts the whole concept
    ("Emergency admissions of the people supported") and names no such part, nor counts
    only what was avoided or prevented (:func:`pitchkit.recast.measures.counts_subset`).
    The impact's fall may come from admissions that were not avoidable, so the link is
    for the lead to confirm (newuser34 #6). A chain of one step or more is left as it
    is: an impact that moves the concept from outside moves the avoidable part. The
    doubt is "subset"; ``part`` keeps the objective's words.
    """
    chain_found = found.chain
    if not RULES["subset"] or claim_kind(found) != "same concept" or chain_found is None:
        return found
    words = subset_named(objective.text, chain_found.start)
    if words is None or counts_subset(impact_text(impact)):
        return found
    return replace(found.offered("subset"), part=words)


def harm_held(found: Link, impact: Impact, objective: Objective) -> Link:
    """``found`` as a possible link when the objective counts only the harmful events.

    A same-concept claim (no step) whose objective qualifies the concept by the harm
    done, with one of the map's ``harm_words`` ("Reduce medication incidents *causing
    harm*"), while the impact's measure counts the reported events, harm or not, with
    one of its ``reporting_words``, and says nothing of harm ("Medication incidents at
    discharge reported on Datix"). One concept, another quantity: most reported
    incidents cause no harm, and fewer reported need not mean less harm (newuser38 #5),
    so the lead confirms it. An impact that counts the events themselves ("Inpatient
    falls") keeps its claim: labellers accepted falls for falls with harm 6 times in 6.
    The doubt is "harm"; ``part`` keeps the objective's words.
    """
    chain_found = found.chain
    if not RULES["harm"] or claim_kind(found) != "same concept" or chain_found is None:
        return found
    words = harm_named(objective_text(objective), chain_found.start)
    read = impact_text(impact)
    if words is None or names_harm(read) or not counts_reported(read):
        return found
    return replace(found.offered("harm"), part=words)


#: Money-only concepts for what is bought, not paid to staff: goods, estates, other providers.
_NOT_PAY = _BOUGHT | frozenset({"estates-costs", _OUTSOURCED})


def _spent_kind(text: str) -> str | None:
    """Whether ``text`` is spend on pay or on goods, by every map concept it names.

    Pay: bank and agency shifts, the pay bill, premium-rate hours (:data:`_PAY`).
    Goods: a kind of purchase the map knows (:data:`_NOT_PAY`), a word of its
    ``goods_words`` ("dressings", "consumables"), or a body paid that is not the
    organisation's own staff, a word of its ``payee_words`` ("Spend on private
    ambulance *providers*"). ``None`` when it says neither, or both.
    """
    concepts = {m.concept for m in mentions(text)}
    pay = bool(_PAY & concepts)
    goods = bool(_NOT_PAY & concepts) or names_goods(text) or names_payee(text)
    if pay == goods:
        return None
    return "pay" if pay else "goods"


def spent_held(found: Link, impact: Impact, objective: Objective) -> Link:
    """``found`` as a possible link when both sides are spend, but on different kinds of thing.

    A same-concept claim on an open sum of money (the map's ``spend``: it says how
    much, not on what) where one side names pay (agency nursing, the pay bill) and the
    other goods ("Spend on wound care dressings" against "Reduce agency nursing spend
    by £4m": newuser21 #1). Both measure spend, but a dressings saving does not lower
    agency spend. The doubt is "spent".
    """
    chain_found = found.chain
    if chain_found is not None and chain_found.steps and found.confidence == "confident":
        return _bought_held(_paid_held(found, chain_found, objective), chain_found, objective)
    if claim_kind(found) != "same concept" or chain_found is None:
        return found
    concept = measure_map().concepts.get(chain_found.start)
    if concept is None or not concept.open:
        return found
    mine = _spent_kind(impact.measure)
    theirs = _spent_kind(objective.text)
    if mine is None or theirs is None or mine == theirs:
        return found
    return found.offered("spent")


def _paid_held(found: Link, chain_found: Chain, objective: Objective) -> Link:
    """``found`` as possible when its chain reaches an open spend on pay through no pay.

    "Reduce bank and agency staffing spend by £6m" is spend on pay; out of area
    placement bed days reach the map's ``spend`` through private beds bought, never
    through a staff shift (newuser22 #3). A claimed chain that ends at an open sum of
    money and passes through no pay concept (:data:`_PAY`) saves some other spend than
    the pay the objective is about. The doubt is "paid".
    """
    concepts = measure_map().concepts
    end = concepts.get(chain_found.end)
    if end is None or not end.open:
        return found
    if _spent_kind(objective.text) != "pay":
        return found
    along = {chain_found.start, *(step.target for step in chain_found.steps)}
    if along & _PAY:
        return found
    return found.offered("paid")


def _bought_held(found: Link, chain_found: Chain, objective: Objective) -> Link:
    """``found`` as possible when a chain from pay reaches an open spend on something bought.

    The mirror of :func:`_paid_held`. "Overtime hours paid for end-of-shift overruns"
    reaches the map's ``spend`` through premium-rate pay; "Spend on private ambulance
    providers below £4m" is money paid to another body, and "Clinical supplies and
    services spend" money paid for goods. Fewer overtime hours lower the pay bill, not
    what is paid to a provider or a supplier, whatever the work is. On every labelled
    set up to blind91 such claims were right 0 times in 4, in four domains of four sets
    (docs/linking-evaluation.md, "Pass 43"). Only when the objective's spend says it is
    not pay (:func:`_spent_kind`); a spend that names pay and goods together ("premium-rate
    spend: agency, bank, outsourcing and WLIs"), or neither, is left claimed. The doubt
    is "spent".
    """
    if not RULES["bought"] or found.confidence != "confident":
        return found
    end = measure_map().concepts.get(chain_found.end)
    if end is None or not end.open:
        return found
    along = {chain_found.start, *(step.target for step in chain_found.steps)}
    if not along & _PAY or _spent_kind(objective.text) != "goods":
        return found
    return found.offered("spent")


def floor_held(found: Link) -> Link:
    """``found`` offered as possible, doubt "floor", when it is a claim rated below the floor.

    A claim (not one the lead made in ``supports:``, nor a money link: the impact's cash
    against a financial objective) whose learned chance (:mod:`pitchkit.recast.scorer`) is
    below :data:`CLAIM_FLOOR`. Each labelled domain scored by weights fitted without it,
    claims below 0.6 were right 103 times in 167, on blind71-73 (read last) 2 times in 7,
    while money links below it were right 40 times in 41. A right claim held back is still
    offered, and the lead confirms it in one step; a wrong one claimed is put before a
    director who would reject it (docs/linking-evaluation.md, "The claim floor").
    """
    if (
        not RULES["claim floor"]
        or found.confidence != "confident"
        or found.reason == "value"
        or found.chance is None
        or found.chance >= CLAIM_FLOOR
    ):
        return found
    return found.offered("floor")


def odds_held(found: Sequence[Link]) -> list[Link]:
    """``found`` (one director's links) with the doubtful map claims among several offered instead.

    A claim through the measure map (not one the lead made in ``supports:``, nor one
    the objective's own words make) whose learned chance (:mod:`pitchkit.recast.scorer`)
    is below :data:`DOUBTED_CHANCE` is offered as possible, doubt "odds", when its
    impact is claimed for another of the director's objectives, or its objective is
    claimed for another of the project's impacts. The hand rules claim every pair that
    names one concept, or chains to it, however many pairs that is; when the scorer,
    which weighs all the evidence, puts one of several such claims below even odds, it is
    usually the one the labellers did not accept. On every labelled set up to blind70,
    in blocks (up to blind40, blind41-55, blind56-64, blind65-70) this took back 16, 12,
    10 and 1 wrong claims for 9, 0, 1 and 3 right ones (docs/linking-evaluation.md, "The
    odds pass"; measured with the scorer then fitted up to blind58: since it is fitted up to
    blind70, "The scorer refitted on every read set up to blind70"). Every claim is weighed
    against the claims as they stood before this rule, so the order of ``found`` does not
    matter.
    """
    if not RULES["doubted odds"]:
        return list(found)
    impacts: dict[str, int] = {}
    objectives: dict[str, int] = {}
    for each in found:
        if each.claimed:
            impacts[each.impact] = impacts.get(each.impact, 0) + 1
            objectives[each.objective] = objectives.get(each.objective, 0) + 1
    return [
        each.offered("odds")
        if each.confidence == "confident"
        and each.reason == "map"
        and each.chain is not None
        and each.chance is not None
        and each.chance < DOUBTED_CHANCE
        and (impacts[each.impact] > 1 or objectives[each.objective] > 1)
        else each
        for each in found
    ]
