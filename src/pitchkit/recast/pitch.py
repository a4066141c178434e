"""Recast a project's impacts as impact on one director's objectives.

``recast(facts, director)`` links every impact to every objective the
director holds (or their lens's defaults), works out the numbers behind
each link, and ranks the resulting statements. It is deterministic and
language-free: wording happens later, in :mod:`pitchkit.notes.wording`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from pitchkit.facts.schema import Director, Facts, Impact, Objective
from pitchkit.pounds import is_pounds
from pitchkit.recast.align import (
    POSSIBLE_CEILING,
    Link,
    _impact_concepts,
    _objective_concepts,
    crowd_held,
    crowded_concepts,
    floor_held,
    harm_held,
    held_apart,
    kind_held,
    link,
    name_words,
    odds_held,
    only_the_subject,
    payer_held,
    price_apart,
    qualifier_held,
    saves_for_budget,
    spent_held,
    subject_words,
    subset_held,
    team_words,
    without_common_words,
)
from pitchkit.recast.english import english_director, in_english
from pitchkit.recast.evidence import NO_EVIDENCE, Evidence, compare, gather, rarity_of_team
from pitchkit.recast.lenses import LensMatch, lens_for, objectives_for
from pitchkit.recast.measures import RULES, concepts_in, measure_map, setting_of
from pitchkit.recast.money import (
    Ledger,
    Line,
    appraise,
    deadline_year,
    fy_label,
    is_cost,
    quantum_for,
    round_money,
    target_year,
)
from pitchkit.recast.plans import Plan, named_plan, reach
from pitchkit.recast.quantity import figure_unit, is_duration
from pitchkit.recast.scorer import decide
from pitchkit.recast.whose import home_of, same_payer

#: How many periods of each kind make a year, to annualise money.
PERIODS_PER_YEAR = {"year": 1.0, "quarter": 4.0, "month": 12.0, "week": 52.0, "day": 365.0}
#: How many statements a one-page note shows.
NOTE_STATEMENTS = 3
#: How much a link counts by its objective: a board worry, organisational, personal.
WORRY_WEIGHT = 1.3
ORGANISATIONAL_WEIGHT = 1.0
PERSONAL_WEIGHT = 0.8
#: A statement about one of the board's worries ranks this much higher in a note.
WORRY_BONUS = 0.2


@dataclass
class Quantity:
    """The numbers behind one impact: how much better, and what it is worth."""

    baseline: float
    target: float
    unit: str
    per: str | None
    gain: float  # size of the improvement, positive when the target is better
    relative: float | None  # gain as a fraction of the baseline
    money: float | None  # value of the gain per period, where the impact has a value
    money_per_year: float | None
    money_source: str | None
    unit_cost: float | None
    #: The impact whose money already includes this one's (its own is then not shown).
    counted_in: str | None = None
    #: Whether its money is cash or capacity, when the ledger knows.
    releases: str | None = None
    #: Whether the measure is a wait or a length of time in its unit ("weeks"),
    #: so that a change reads "12 weeks shorter", not "12 fewer weeks".
    duration: bool = False
    #: The other body whose cash the money is, when it is cash and not the project's own
    #: organisation's (``ICB``, ``NHS England``: :attr:`pitchkit.recast.money.Line.body`).
    body: str | None = None

    @property
    def is_money(self) -> bool:
        """Whether the measure is itself an amount of money."""
        return is_pounds(self.unit)

    @property
    def is_percentage(self) -> bool:
        """Whether the measure is a percentage (changes are in points)."""
        return self.unit.strip() == "%"


@dataclass
class Statement:
    """One impact tied to one of the director's objectives, with its numbers."""

    impact: Impact
    objective: Objective
    link: Link
    quantity: Quantity
    share_of_target: float | None  # fraction of the objective's own target met
    rank: float
    #: The financial year the objective names, when only part of a year's benefit falls in it.
    target_year: str | None = None
    #: Whether ``share_of_target`` is what the progress log shows was delivered in
    #: ``target_year``, a year that has closed, rather than the forecast part of a year.
    target_delivered: bool = False
    #: Whether ``share_of_target`` is the log's forecast for ``target_year``, the year
    #: under way (what it delivered so far and the rest at that rate), as the finance
    #: block gives that year.
    target_forecast: bool = False
    #: With ``target_forecast``: the plan's share of the target in ``target_year``, so that
    #: a sentence giving the log's forecast names the plan's own figure beside it.
    plan_share_of_target: float | None = None
    #: With ``target_forecast``: the impact's figures cannot yet show the change (too few,
    #: or too young), so the forecast counts nothing for the months they cover and the
    #: plan's rate for the rest of the year: not "the forecast from the log" (newuser32 #2).
    target_unshown: bool = False
    #: The financial year of the objective's money target, when it is not the year the
    #: note's money is priced in (:func:`target_prices`), and the factor restating that
    #: money at its prices: "3.6% of your £24m target for 2027/28" is a share of £864,000
    #: at 2027/28 prices, not of the £842,000 at the note's 2026/27 prices (newuser37 #7).
    #: ``share_of_target`` stays at the note's prices, as its part of a year is shown.
    target_prices: str | None = None
    target_factor: float = 1.0


@dataclass
class Pitch:
    """Everything a document needs to speak to one director."""

    facts: Facts
    director: Director
    lens: LensMatch
    objectives: tuple[Objective, ...]
    #: Every link found, possible ones included; a link to an objective of a year the
    #: project delivers nothing in is possible (``mismatch`` "year"), unless explicit.
    links: tuple[Link, ...]
    statements: tuple[Statement, ...]  # every claimed (explicit or confident) link, strongest first
    score: int  # 0-100: how well the project serves this director, on claimed links
    worries: frozenset[str] = frozenset()  # objectives tied to the board's worries
    ledger: Ledger | None = None  # the project's money, counted once at one price base
    #: Claimed links to objectives of a financial year the project delivers nothing in:
    #: not claimed after all.
    out_of_year: tuple[Statement, ...] = ()

    @property
    def possible(self) -> tuple[Link, ...]:
        """Links the note would claim once the lead confirms them: not claimed yet.

        Not a link to an objective of a year the project delivers nothing in: confirming
        it would not let the note claim it (``check`` says so as ``objective-year``), so
        only ``pitchkit link`` and ``directors`` show it.
        """
        return tuple(
            found for found in self.links if not found.claimed and found.mismatch != "year"
        )

    @property
    def chosen(self) -> tuple[Statement, ...]:
        """The few statements a one-page note shows, in the order they were ranked.

        The note orders them by the money each has delivered, as the progress
        log shows it, and plans: :func:`pitchkit.notes.shown.shown_statements`.
        """
        return choose_shown(self.statements, NOTE_STATEMENTS, english=self.facts.english)

    @property
    def served(self) -> tuple[Objective, ...]:
        """Objectives at least one impact serves, in the director's order."""
        ids = {s.objective.id for s in self.statements}
        return tuple(o for o in self.objectives if o.id in ids)

    @property
    def unlinked_impacts(self) -> tuple[Impact, ...]:
        """Impacts that serve none of this director's objectives (balancing measures serve none)."""
        ids = {s.impact.id for s in self.statements}
        return tuple(i for i in self.facts.impacts if i.id not in ids and not i.balancing)


def quantify(impact: Impact, line: Line | None = None, *, read: Impact | None = None) -> Quantity:
    """Work out the improvement an impact promises and its money value.

    With its ``line`` of the project's ledger, the money is at the ledger's
    prices, and none is shown when another impact already counts it. ``read``
    is the impact as matching reads it (in English, :mod:`pitchkit.recast.english`).
    """
    read = read or impact
    if impact.direction == "lower":
        gain = impact.baseline - impact.target
    else:
        gain = impact.target - impact.baseline
    relative = None
    # A rate's figures are written in the rate's words, never as a count of its unit
    # ("8.1 per 1,000 occupied bed days", not "8.1 falls").
    shown = figure_unit(impact.measure, impact.unit)
    if impact.baseline and shown.strip() != "%":
        relative = gain / abs(impact.baseline)
    money = money_per_year = unit_cost = None
    source = None
    if impact.value is not None:
        unit_cost = impact.value.amount
        money = gain * unit_cost
        source = impact.value.source
        if impact.per is not None:
            money_per_year = money * PERIODS_PER_YEAR[impact.per]
    elif is_pounds(impact.unit):
        money = gain
        if impact.per is not None:
            money_per_year = gain * PERIODS_PER_YEAR[impact.per]
    if line is not None and line.restated_cost is not None:
        unit_cost = line.restated_cost
        money = gain * unit_cost
        money_per_year = money * PERIODS_PER_YEAR[impact.per] if impact.per else None
    counted_in = line.within if line is not None else None
    if counted_in is not None:
        money = money_per_year = None
    return Quantity(
        baseline=impact.baseline,
        target=impact.target,
        unit=shown,
        per=impact.per,
        gain=gain,
        relative=relative,
        money=money,
        money_per_year=money_per_year,
        money_source=source,
        unit_cost=unit_cost,
        counted_in=counted_in,
        releases=line.releases if line is not None else None,
        duration=is_duration(read.measure, read.unit),
        body=line.body if line is not None and line.releases == "cash" and not line.own else None,
    )


def _same_unit(a: str, b: str) -> bool:
    def norm(unit: str) -> str:
        unit = unit.strip().lower()
        return "£" if is_pounds(unit) else unit.rstrip("s")

    return norm(a) == norm(b)


def share_of_target(
    quantity: Quantity,
    objective: Objective,
    ledger: Ledger | None = None,
    impact: Impact | None = None,
) -> float | None:
    """The fraction of the objective's own target this impact delivers, where units agree.

    A money target tied to a financial year (``for 2026/27``, ``by March
    2028``) counts only the part of ``impact``'s yearly benefit that falls in
    that year (from the day its change reached the measure), when the ledger
    knows the project's dates.
    """
    target = objective.target
    if target is None or target.value == 0 or quantity.gain <= 0:
        return None
    if _same_unit(target.unit, "£"):
        if ledger is not None and any(is_cost(line) for line in ledger.lines):
            # A project that adds spend (releases: cost) counts against a cash target net of
            # it, which no one measure's saving is (reader26 #1: "£727,000 … 7.7% of your
            # £9.5m target" beside £399,000 net): the note gives the net cash, not a share.
            return None
        money = quantity.money_per_year if quantity.money_per_year is not None else quantity.money
        part = year_part(objective, ledger, impact)
        if money is None or part == 0:
            return None
        # The share of the money as the note shows it (to the nearest £1,000 from £10,000):
        # "£727,000 … (7.7% of your £9.5m target)" is what a finance director works out by
        # hand, where the £726,586 behind it would give 7.6%.
        counted = money * (1.0 if part is None else part)
        return round_money(counted, quantum_for(counted)) / abs(target.value)
    if quantity.is_percentage or _same_unit(target.unit, "%"):
        # A rise of 12 percentage points is no share of an 80% level to reach, nor of a
        # 25% cut: a percentage target is met or not (:func:`reaches_target`), never "15% of".
        return None
    if _same_unit(target.unit, quantity.unit):
        return quantity.gain / abs(target.value)
    return None


#: An objective's target that is a change, not a level: "cut follow-ups by 25%" (Welsh "o 25%").
_CHANGE_BY = re.compile(r"\b(?:by|o|gan)\s+\d+(?:\.\d+)?\s*%", re.IGNORECASE)


def reaches_target(quantity: Quantity, objective: Objective) -> bool:
    """Whether the impact's own target reaches the level the objective's target sets.

    Only for a percentage measured against a percentage the objective names as
    a level ("Meet the 28-day standard of 80%"), not as a change ("cut by 25%"):
    68% to 80% reaches an 80% target, 68% to 78% does not.
    """
    target = objective.target
    if target is None or quantity.gain <= 0 or not quantity.is_percentage:
        return False
    if not _same_unit(target.unit, "%") or _CHANGE_BY.search(objective.text):
        return False
    if quantity.target > quantity.baseline:
        return quantity.baseline < target.value <= quantity.target
    return quantity.target <= target.value < quantity.baseline


def money_target(objective: Objective) -> bool:
    """Whether the objective's own target is an amount of money (a CIP, a savings plan)."""
    target = objective.target
    return target is not None and target.value != 0 and _same_unit(target.unit, "£")


def capacity_against_cash(quantity: Quantity, objective: Objective) -> bool:
    """Whether a share of the objective's money target would count capacity as if it were cash.

    Bed days or staff time freed are worth money only when what they free is
    stopped or used for paid work; a cash target (a CIP, a savings plan)
    counts them only then, so a note that gives such a share says so.
    """
    target = objective.target
    return target is not None and _same_unit(target.unit, "£") and quantity.releases == "capacity"


def target_prices(objective: Objective, ledger: Ledger | None) -> int | None:
    """The financial year of an objective's money target, when the ledger prices in another.

    A share of that target is taken of the money restated at that year's
    prices (:meth:`Ledger.restated`), and the note says so; ``None`` when the
    target is not money, names no year, or is in the ledger's own year.
    """
    if ledger is None or not money_target(objective):
        return None
    year = target_year(objective.text)
    if year is None and RULES["deadlines"]:
        year = deadline_year(objective.text)
    return None if year is None or year == ledger.price_year else year


def year_part(objective: Objective, ledger: Ledger | None, impact: Impact | None) -> float | None:
    """The fraction of ``impact``'s yearly benefit inside the financial year the objective names.

    The benefit counts from the day the change reached the impact's measure
    (:meth:`Ledger.share_in_year`). ``None`` when the objective names no
    year, or the project's dates are unknown.
    """
    year = target_year(objective.text)
    if year is None and RULES["deadlines"]:
        year = deadline_year(objective.text)
    if year is None or ledger is None or impact is None:
        return None
    return ledger.share_in_year(year, impact)


def _rank(link_: Link, impact: Impact, quantity: Quantity, lens: LensMatch) -> float:
    """Order statements: link strength, then what this role leads with, then numbers."""
    leads = lens.lens.leads_with
    themes = set(link_.themes) | set(impact.themes)
    lead_bonus = 0.0
    for position, theme in enumerate(leads):
        if theme in themes:
            lead_bonus = max(lead_bonus, 0.3 * (len(leads) - position) / len(leads))
    money_bonus = 0.0
    if quantity.money is not None and quantity.gain > 0:
        money_bonus = 0.3 if leads[:1] == ("finance",) else 0.1
    return round(link_.score + lead_bonus + money_bonus, 6)


class Candidate(NamedTuple):
    """One impact x objective pair of a director: the hand rules' link and the evidence."""

    impact: Impact
    read_impact: Impact  # in English, as matching reads it
    objective: Objective
    read_objective: Objective
    rules: Link | None  # what the hand rules make of it (:func:`pitchkit.recast.align.link`)
    evidence: Evidence
    year_missed: bool  # the project delivers nothing in the objective's financial year


class Weighed(NamedTuple):
    """Every pair of a director with its evidence, and what recasting needs besides."""

    match: LensMatch
    objectives: tuple[Objective, ...]
    worries: frozenset[str]
    ledger: Ledger
    candidates: tuple[Candidate, ...]
    #: The concepts the project is crowded with (:func:`pitchkit.recast.align.crowded_concepts`).
    crowded: frozenset[str] = frozenset()


def weigh(
    facts: Facts,
    director: Director,
    *,
    today: dt.date,
    every_pair: bool = False,
    prices_on: dt.date | None = None,
) -> Weighed:
    """Every impact x objective pair of ``director``, with the evidence for each.

    Read in English where the file gives it: the map and the lenses are English.
    Shared words are weighed by how rare they are among the whole team's objectives.
    The scorer weighs only what the hand rules link, so the evidence of a pair
    they do not link is gathered only with ``every_pair`` (for fitting the scorer,
    ``scripts/fit_linker.py``); otherwise it is left empty.
    """
    english = in_english(facts)
    read = english_director(director, facts.english)
    match = lens_for(read)
    objectives = objectives_for(director, match)
    read_objectives = objectives_for(read, match)
    worries = worried_objectives(english, read, read_objectives)
    worried = worried_concepts(english, read)
    ledger = project_ledger(facts, today, prices_on=prices_on)
    rarity = rarity_of_team(english)
    subject = subject_words([i.measure for i in english.impacts])
    team = team_words([o.text for d in english.directors for o in d.objectives]) | name_words(
        english.project.organisation
    )
    setting = setting_of(english.project.organisation)
    found: dict[tuple[str, str], tuple[Impact, Impact, Objective, Objective, Link | None, bool]]
    found = {}
    evidence: dict[tuple[str, str], Evidence] = {}
    for impact, read_impact in zip(facts.impacts, english.impacts, strict=True):
        if impact.balancing:
            continue  # watched within a limit, never a gain for an objective (docs/measures.md)
        for objective, read_objective in zip(objectives, read_objectives, strict=True):
            rules = link(
                read_impact,
                read_objective,
                director_id=director.id,
                lens=match.lens,
                worried=worried,
                setting=setting,
            )
            missed = year_part(objective, ledger, impact) == 0
            key = (impact.id, objective.id)
            found[key] = (impact, read_impact, objective, read_objective, rules, missed)
            if rules is None and not every_pair:
                evidence[key] = NO_EVIDENCE
                continue
            evidence[key] = gather(
                read_impact,
                read_objective,
                rules=rules,
                lens=match.lens,
                rarity=rarity,
                worry=objective.id in worries,
                year_missed=missed,
                worried=worried,
                setting=setting,
            )
    compared = compare(evidence)
    lines = plan_lines(english, read)
    plans = {
        objective.id: named_plan(read_objective.text, lines, english.project.organisation)
        for objective, read_objective in zip(objectives, read_objectives, strict=True)
    }
    candidates = tuple(
        Candidate(
            *found[key][:4],
            rules=plan_offered(
                _offered(found[key][4], found[key][1], found[key][3], subject, team),
                found[key][1],
                found[key][3],
                plans[key[1]],
                setting,
                not_a_worry(english),
            ),
            evidence=compared[key],
            year_missed=found[key][5],
        )
        for key in found
    )
    crowded = crowded_concepts(
        english.impacts,
        [objective for member in english.directors for objective in member.objectives],
        setting,
    )
    return Weighed(match, objectives, worries, ledger, candidates, crowded)


def _offered(
    rules: Link | None,
    impact: Impact,
    objective: Objective,
    subject: frozenset[str],
    team: frozenset[str] = frozenset(),
) -> Link | None:
    """The hand rules' link, unless only the project's subject words make it (not offered).

    Nor when only words more than a third of the team's objectives share, or units of
    time, make it (:func:`pitchkit.recast.align.common_pair`); such words are left out
    of the words a link shows.

    And only possible, or not offered, when the two sides count different people
    (:func:`pitchkit.recast.align.held_apart`); a rise the change pays for only to a
    financial objective (:func:`pitchkit.recast.align.price_apart`). Decided after the
    evidence is gathered, so the scorer weighs the same evidence as before: what the lead is offered
    changes, not what it learned.
    """
    if rules is not None and only_the_subject(rules, impact, objective, subject, team):
        return None
    rules = without_common_words(rules, subject, team)
    return price_apart(held_apart(rules, impact, objective), impact, objective)


def plan_lines(
    facts: Facts, director: Director
) -> list[tuple[Literal["strategy", "concern"], str]]:
    """The project's ``strategy`` lines and the director's concerns, each with its kind."""
    lines: list[tuple[Literal["strategy", "concern"], str]] = [
        ("strategy", line) for line in facts.project.strategy
    ]
    lines.extend(("concern", line) for line in director.concerns)
    return lines


def plan_offered(
    rules: Link | None,
    impact: Impact,
    objective: Objective,
    plan: Plan | None,
    setting: str | None,
    ignored: frozenset[str],
) -> Link | None:
    """``rules``, or a possible link when the objective is to deliver a plan the facts name.

    When the objective names a plan that the project's strategy or the director's
    concerns name too (:func:`pitchkit.recast.plans.named_plan`), and sets no measure of
    its own (it names only broad areas, such as urgent and emergency care, or nothing the
    map knows), an impact the hand rules do not link through the map, whose concepts
    reach the objective's topic (or, when the objective names none, the topic of the line
    naming the plan) in at most three steps (:func:`pitchkit.recast.plans.reach`), is
    offered as possible: doubt "plan", with the chain and the plan's name. A link
    through the map, or one the lead declared, is left as it is. Decided after the
    evidence is gathered, as :func:`_offered` is, so the scorer weighs the same evidence.
    """
    if plan is None or (rules is not None and (rules.chain is not None or rules.claimed)):
        return rules
    topic = _objective_concepts(objective, setting)
    concepts = measure_map().concepts
    if any(not concepts[concept_id].broad for concept_id in topic):
        # The objective sets a measure of its own ("Green Plan: 80% cut in the emissions we
        # control"): the map decides, as for any objective; the plan only says it matters.
        return rules
    topic = topic or tuple(c for c in concepts_in(plan.line, broad=True) if c not in ignored)
    found = reach(_impact_concepts(impact), topic, impact.measure)
    if found is None:
        return rules
    themes = rules.themes if rules is not None else ()
    words = rules.words if rules is not None else ()
    return Link(
        impact.id, objective.id, POSSIBLE_CEILING, "map", themes, words, "possible", found,
        "plan", plan=(plan.name, plan.where),
    )  # fmt: skip


def recast(
    facts: Facts,
    director: Director,
    *,
    today: dt.date | None = None,
    prices_on: dt.date | None = None,
) -> Pitch:
    """Link the project's impacts to ``director``'s objectives and rank the statements.

    Money is restated at the prices of the financial year of ``today`` (the
    note's date; by default the day it runs), or of ``prices_on`` when given
    (a progress update's period: :func:`pitchkit.recast.money.appraise`), or
    of ``settings.prices.year``.
    The hand rules' links (:func:`pitchkit.recast.align.link`) are weighed by the
    learned scorer (:func:`pitchkit.recast.scorer.decide`), which may claim a
    possible map link and orders what the lead is offered.
    """
    weighed = weigh(facts, director, today=today or dt.date.today(), prices_on=prices_on)
    match, objectives, worries, ledger = (
        weighed.match,
        weighed.objectives,
        weighed.worries,
        weighed.ledger,
    )
    links: list[Link] = []
    statements: list[Statement] = []
    out_of_year: list[Statement] = []
    quantities: dict[str, Quantity] = {}
    role = english_director(director, facts.english).role
    home = home_of(facts.project.organisation)
    pairs: list[Candidate] = []
    decided: list[Link] = []
    for pair in weighed.candidates:
        if pair.rules is None:
            continue
        found = decide(
            pair.rules,
            pair.evidence,
            year_missed=pair.year_missed,
            budget=saves_for_budget(pair.read_impact, pair.read_objective, role, home),
            payer=same_payer(pair.read_impact, pair.read_objective, role, home),
        )
        found = kind_held(payer_held(found, pair.read_impact, pair.read_objective, role, home))
        found = crowd_held(found, pair.read_impact, pair.read_objective, weighed.crowded)
        found = qualifier_held(found, pair.read_impact, pair.read_objective)
        found = spent_held(found, pair.read_impact, pair.read_objective)
        found = subset_held(found, pair.read_impact, pair.read_objective)
        found = harm_held(found, pair.read_impact, pair.read_objective)
        pairs.append(pair)
        decided.append(found)
    for pair, found in zip(pairs, map(floor_held, odds_held(decided)), strict=True):
        impact, objective = pair.impact, pair.objective
        if impact.id not in quantities:
            quantities[impact.id] = quantify(
                impact, ledger.priced(impact.id), read=pair.read_impact
            )
        quantity = quantities[impact.id]
        nothing_that_year = pair.year_missed
        if (
            found.reason == "value"
            and found.confidence == "possible"
            and not same_payer(pair.read_impact, pair.read_objective, role, home)
        ):
            # Money in another body's budget is not offered to this budget's aim: the ICB's
            # tariff for admissions a community trust avoids, offered to the trust's cost
            # improvement programme, would count the ICB's money as the trust's (newuser36 #3).
            continue
        if not nothing_that_year:
            links.append(found)
        elif found.confidence != "explicit":
            # Offered to the lead, never claimed: the note cannot count a benefit in a
            # year the project delivers nothing in, but the lead may know better (a
            # deadline, not a year's budget). See linking-evaluation.md, "The offer pass".
            links.append(found.offered("year"))
        if not found.claimed:
            continue
        (out_of_year if nothing_that_year else statements).append(
            Statement(
                impact=impact,
                objective=objective,
                link=found,
                quantity=quantity,
                share_of_target=share_of_target(quantity, objective, ledger, impact),
                rank=_rank(found, impact, quantity, match)
                + (WORRY_BONUS if objective.id in worries else 0.0),
                target_year=_year_of(quantity, objective, ledger, impact),
                **_prices_of(objective, ledger),
            )
        )
    order = {o.id: n for n, o in enumerate(objectives)}
    impact_order = {i.id: n for n, i in enumerate(facts.impacts)}
    statements.sort(key=lambda s: (-s.rank, order[s.objective.id], impact_order[s.impact.id]))
    return Pitch(
        facts=facts,
        director=director,
        lens=match,
        objectives=objectives,
        links=tuple(links),
        statements=tuple(statements),
        score=alignment_score(
            facts.impacts, objectives, [s.link for s in statements], worries=worries
        ),
        worries=worries,
        ledger=ledger,
        out_of_year=tuple(out_of_year),
    )


#: The ledgers worked out last, by the facts (which are frozen), the note's date and the day
#: its prices are of.
_LEDGERS: dict[tuple[int, dt.date, dt.date | None], tuple[Facts, Ledger]] = {}
_LEDGERS_KEPT = 8


def project_ledger(facts: Facts, today: dt.date, *, prices_on: dt.date | None = None) -> Ledger:
    """The project's money for a note dated ``today`` (:func:`appraise`), worked out once.

    The ledger depends only on the facts and the date, so every director's
    note of a batch shares one. The facts are frozen; they are held with
    their ledger, so the same object is never mistaken for another.
    """
    key = (id(facts), today, prices_on)
    known = _LEDGERS.get(key)
    if known is not None and known[0] is facts:
        return known[1]
    ledger = appraise(facts, today, prices_on=prices_on)
    if len(_LEDGERS) >= _LEDGERS_KEPT:
        _LEDGERS.clear()
    _LEDGERS[key] = (facts, ledger)
    return ledger


#: Concepts that say where a worry is written down (a BAF risk, a strategy), not what it is
#: about: "BAF risk 3: ..." does not show the board worries about "BAF risk 7: ...", unless
#: both give the same number (newuser13 #6).
WHERE_WRITTEN = frozenset({"baf", "clinical-strategy"})
#: Concepts that can say who the organisation is: an ICB's own objectives and strategy both
#: say "ICB" without sharing a worry.
WHO_IT_IS = frozenset({"system-partnership"})


def not_a_worry(facts: Facts) -> frozenset[str]:
    """Concepts a strategy line or concern can share with an objective without showing a worry.

    The kind of document it is (:data:`WHERE_WRITTEN`), and a concept the
    organisation's own name names (an ICB's "ICB", :data:`WHO_IT_IS`): read as
    a worry, "ICB Joint Forward Plan: prevent cardiovascular disease" was
    quoted as naming "Deliver the ICB's £28m efficiency programme".
    """
    own = WHO_IT_IS & set(concepts_in(facts.project.organisation, broad=True))
    return WHERE_WRITTEN | own


#: A Welsh body's plan named as where a priority is written ("Hywel Dda IMTP 2025-28,
#: stroke recovery priority"): the map reads an IMTP as financial balance, but the line
#: names no deficit, so it shows no worry about one (newuser39 #2) unless the objective
#: is about the plan itself ("Deliver the IMTP 2025-28").
_PLAN_DOCUMENT = re.compile(
    r"\b(?:(?:approved|approvable)\s+)?(?:IMTPs?|Integrated Medium Term Plans?)\b", re.IGNORECASE
)


def _numbers(text: str) -> set[str]:
    """The whole numbers in ``text`` ("BAF risk 11" gives 11)."""
    return set(re.findall(r"\d+", text))


def worry_line(
    facts: Facts, director: Director, objective: Objective
) -> tuple[Literal["strategy", "concern"], int] | None:
    """Which line of the facts shows the board worries about ``objective``, if one does.

    A line of the project's ``strategy`` (strategic objectives, BAF risks),
    else of the director's ``concerns``, that names a measure-map concept the
    objective names: not one that only says where the worry is written or who
    the organisation is (:func:`not_a_worry`), unless both give the same number
    ("BAF risk 7"). Give the facts, director and objective in English
    (:func:`pitchkit.recast.english.in_english`): the map is English. Returns
    the kind of line and its index, so a caller can quote the line as the
    user wrote it; ``None`` when no single line shows it.

    This is the one reading of a board worry: the score weighs an objective as
    a worry (:func:`worried_objectives`) exactly when the recommendation can
    quote the line that shows it (:func:`pitchkit.advice.ranking.worry_shown_by`).
    """
    named = set(concepts_in(objective.text, broad=True))
    if not named:
        return None
    ignored = not_a_worry(facts)
    sources: tuple[tuple[Literal["strategy", "concern"], tuple[str, ...]], ...] = (
        ("strategy", tuple(facts.project.strategy)),
        ("concern", tuple(director.concerns)),
    )
    plan_named = _PLAN_DOCUMENT.search(objective.text) is not None
    for kind, lines in sources:
        for index, line in enumerate(lines):
            if not plan_named:
                line = _PLAN_DOCUMENT.sub(" ", line)
            shared = named & set(concepts_in(line, broad=True))
            if shared - ignored or (
                shared & WHERE_WRITTEN and _numbers(line) & _numbers(objective.text)
            ):
                return kind, index
    return None


def worried_objectives(
    facts: Facts, director: Director, objectives: tuple[Objective, ...]
) -> frozenset[str]:
    """Ids of objectives about a problem the board already worries about (:func:`worry_line`)."""
    return frozenset(o.id for o in objectives if worry_line(facts, director, o) is not None)


def worried_concepts(facts: Facts, director: Director) -> frozenset[str]:
    """The measure-map concepts the project's ``strategy`` or the director's ``concerns`` name.

    What the board already worries about; a chain may pass through such a concept
    even when the map holds it only where it exists ("Escalation beds open all
    year": :func:`pitchkit.recast.measures.chain`). Not the concepts that only
    say where a worry is written or who the organisation is (:func:`not_a_worry`).
    """
    worries = " ; ".join([*facts.project.strategy, *director.concerns])
    if not worries.strip():
        return frozenset()
    return frozenset(concepts_in(worries, broad=True)) - not_a_worry(facts)


def objective_weight(objective: Objective, worries: frozenset[str]) -> float:
    """How much serving ``objective`` counts: the board's worries most, personal ones least."""
    if objective.id in worries:
        return WORRY_WEIGHT
    return ORGANISATIONAL_WEIGHT if objective.kind == "organisational" else PERSONAL_WEIGHT


def _year_of(
    quantity: Quantity, objective: Objective, ledger: Ledger, impact: Impact
) -> str | None:
    """The objective's financial year, when only part of the impact's yearly money falls in it."""
    part = year_part(objective, ledger, impact)
    if part is None or part >= 1 or quantity.money_per_year is None:
        return None
    year = target_year(objective.text)
    return fy_label(year) if year is not None else None


def _prices_of(objective: Objective, ledger: Ledger) -> dict[str, Any]:
    """A statement's ``target_prices`` and ``target_factor`` for ``objective``'s money target."""
    year = target_prices(objective, ledger)
    if year is None:
        return {}
    return {"target_prices": fy_label(year), "target_factor": ledger.restated(1.0, year)}


def alignment_score(
    impacts: list[Impact],
    objectives: tuple[Objective, ...],
    links: list[Link],
    *,
    worries: frozenset[str] = frozenset(),
) -> int:
    """Score 0-100: how strongly the impacts serve, and how many objectives they reach.

    Only claimed links count. Each link's strength is weighed by its
    objective (:func:`objective_weight`).
    """
    if not impacts or not objectives:
        return 0
    kinds = {o.id: o for o in objectives}
    best: dict[str, float] = {}
    for found in links:
        if not found.claimed:
            continue
        weight = objective_weight(kinds[found.objective], worries)
        best[found.impact] = max(best.get(found.impact, 0.0), min(1.0, found.score * weight))
    coverage = sum(best.values()) / len(impacts)
    # Breadth counts organisational objectives: a personal one not yet served costs nothing.
    counted = [o for o in objectives if o.kind == "organisational"] or list(objectives)
    served = {found.objective for found in links if found.claimed}
    breadth = sum(o.id in served for o in counted) / len(counted)
    return round(100 * (0.7 * coverage + 0.3 * breadth))


#: An objective that asks for a change by a share: "Reduce agency nurse spend by 40%".
BY_PERCENT = re.compile(
    r"\b(?:reduce|cut|lower|decrease|halve|increase|raise|improve|grow)\b[^.;:]*?"
    r"\bby\s+(\d+(?:\.\d+)?)\s?%",
    re.IGNORECASE,
)


def choose_shown(
    statements: tuple[Statement, ...], limit: int, *, english: Mapping[str, str] | None = None
) -> tuple[Statement, ...]:
    """Pick the strongest few, each impact once where possible, with a personal one if any.

    ``limit`` counts objectives (the note's bullets): an explicit link to an objective
    already picked joins that objective's bullet beyond it.

    A link the lead did not confirm does not head an objective that asks for a
    change by a share ("Cut inpatient falls with harm by 35% by March 2028")
    when the lead linked another impact to it that the note shows under
    another objective and whose plan has a share to set against it: the
    director reads that impact against the objective ("Against your objective
    …: the plan's 40% meets the 35% it asks for", :func:`ceded`), not a
    measure pitchkit linked on its own beside a figure it was never asked to
    meet (reader21 #7). Only when the note chosen without that link still
    shows the impact; an objective that names a level rather than a share
    ("Keep bed occupancy below 92%") keeps its heading.
    """
    given = english or {}
    chosen = _choose_shown(statements, limit, given)
    gone = [s for s in chosen if ceded(s, statements, chosen, given)]
    if not gone:
        return chosen
    again = _choose_shown(tuple(s for s in statements if s not in gone), limit, given)
    if all(ceded(s, statements, again, given) for s in gone):
        return again
    return chosen


def ceded(
    statement: Statement,
    statements: tuple[Statement, ...],
    shown: tuple[Statement, ...],
    english: Mapping[str, str],
) -> bool:
    """Whether ``statement``'s objective is better read against another impact ``shown`` holds.

    Its link is not one the lead confirmed; its objective asks for a change
    by a share (:data:`BY_PERCENT`, in English); and another impact the lead
    linked to that objective is shown under a different objective, with a
    plan that is a share (a reduction or rise from its baseline) to set
    against the one asked for.
    """
    if statement.link.confidence == "explicit":
        return False
    if (
        BY_PERCENT.search(english.get(statement.objective.text.strip(), statement.objective.text))
        is None
    ):
        return False
    elsewhere = {s.impact.id for s in shown if s.objective.id != statement.objective.id}
    return any(
        other.objective.id == statement.objective.id
        and other.impact.id != statement.impact.id
        and other.link.confidence == "explicit"
        and other.impact.id in elsewhere
        and other.quantity.relative is not None
        and other.quantity.relative > 0
        for other in statements
    )


def _choose_shown(
    statements: tuple[Statement, ...], limit: int, english: Mapping[str, str]
) -> tuple[Statement, ...]:
    """:func:`choose_shown`'s pick, before any objective is ceded to another impact."""
    statements = _direct_first(statements)
    chosen: list[Statement] = []
    used_impacts: set[str] = set()
    used_objectives: set[str] = set()
    for statement in statements:
        if len(chosen) == limit:
            break
        if statement.impact.id in used_impacts or statement.objective.id in used_objectives:
            continue
        chosen.append(statement)
        used_impacts.add(statement.impact.id)
        used_objectives.add(statement.objective.id)
    for statement in statements:  # fill up when impacts or objectives are few
        if len(chosen) == limit:
            break
        if statement not in chosen and statement.impact.id not in used_impacts:
            chosen.append(statement)
            used_impacts.add(statement.impact.id)
    has_personal = any(s.objective.kind == "personal" for s in chosen)
    personal = next((s for s in statements if s.objective.kind == "personal"), None)
    if personal is not None and not has_personal:
        if len(chosen) == limit:
            chosen[-1] = personal
        else:
            chosen.append(personal)
    # A link the lead confirmed to an objective the note shows already shares that
    # objective's bullet (two impacts under one objective) rather than vanish: it adds
    # no bullet, and if the page cannot hold it the fit cuts it and says so.
    objectives = {s.objective.id for s in chosen}
    used_impacts = {s.impact.id for s in chosen}
    for statement in statements:
        if (
            statement not in chosen
            and statement.link.confidence == "explicit"
            and statement.objective.id in objectives
            and statement.impact.id not in used_impacts
        ):
            chosen.append(statement)
            used_impacts.add(statement.impact.id)
    # A link the lead confirmed to an objective not yet shown takes a bullet to spare,
    # though its impact is shown already: an impact the lead tied to two objectives of one
    # director names both, not only the one ranked first (newuser39 #1). Not an objective
    # with a target of its own, which the impact's bullet reads its plan against
    # (:func:`pitchkit.notes.context.with_own_target`).
    for statement in statements:
        if len(objectives) >= limit:
            break
        if (
            statement not in chosen
            and statement.link.confidence == "explicit"
            and statement.objective.id not in objectives
            and not _own_target(statement, english)
        ):
            chosen.append(statement)
            objectives.add(statement.objective.id)
    return _own_measures_held(statements, chosen, limit, english)


def _own_target(statement: Statement, english: Mapping[str, str]) -> bool:
    """Whether ``statement``'s objective sets a target its impact's plan is read against."""
    from pitchkit.recast.english import english_of

    if statement.objective.target is not None:
        return True
    asked = BY_PERCENT.search(english_of(statement.objective.text, english))
    relative = statement.quantity.relative
    return asked is not None and relative is not None and relative > 0


def through_a_cause(statement: Statement) -> bool:
    """Whether ``statement``'s chain has a step that is a likely cause, not a part of the next."""
    chain = statement.link.chain
    return chain is not None and any(not step.part for step in chain.steps)


def _direct_first(statements: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """``statements``, each impact's confirmed link through a cause after its direct ones.

    The lead confirmed "acute bed days → Reduce pathway of care delays" and "→ Meet the
    4-hour and 12-hour waiting targets", the second only through occupancy, a likely
    cause: the note leads with the objective the impact counts towards, and names the
    other second (newuser39 #1). Otherwise in the order ranked.
    """
    ordered: list[Statement] = []
    for statement in statements:
        if statement in ordered:
            continue
        if statement.link.confidence == "explicit" and through_a_cause(statement):
            ordered.extend(
                other
                for other in statements
                if other not in ordered
                and other.impact.id == statement.impact.id
                and other.link.confidence == "explicit"
                and not through_a_cause(other)
            )
        ordered.append(statement)
    return tuple(ordered)


def own_measure(statement: Statement) -> bool:
    """Whether ``statement``'s impact measures its objective's own thing: one concept, no step.

    "Adult inpatient discharges before noon" for "Increase discharges before noon to
    33%", claimed or confirmed; not a measure that moves the objective from outside.
    """
    chain = statement.link.chain
    return statement.link.claimed and chain is not None and not chain.steps


def figures_held(shown: Sequence[Statement]) -> dict[str, str]:
    """For each impact ``shown`` under several objectives, the one whose own thing it measures.

    An impact's statement of one concept, no step (:func:`own_measure`), holds its
    figures, when no other impact shown measures that objective's own thing too:
    "Adult inpatient discharges before noon" under "Increase discharges before noon to
    33%", not under "Achieve 78% 4-hour performance", which it moves from outside
    (newuser38 #3). Impact ids to objective ids; an impact shown once is not named.
    """
    where: dict[str, set[str]] = {}
    for statement in shown:
        where.setdefault(statement.impact.id, set()).add(statement.objective.id)
    held: dict[str, str] = {}
    for statement in shown:
        impact, objective = statement.impact.id, statement.objective.id
        if len(where[impact]) < 2 or impact in held or not own_measure(statement):
            continue
        if any(
            own_measure(other) and other.objective.id == objective and other.impact.id != impact
            for other in shown
        ):
            continue
        held[impact] = objective
    return held


def _a_part_of(statement: Statement, english: Mapping[str, str]) -> bool:
    """Whether ``statement``'s impact counts a part of what its "Reduce X by N%" objective counts.

    "Agency nurse spend on the older people's wards" for "Reduce agency nurse spend by
    40%": not the objective's very measure, so its figures stay where the note put them,
    with the money and the caveat that its share is not the objective's (newuser27 #3).
    """
    from pitchkit.recast.english import english_of
    from pitchkit.recast.words import same_scope

    asked = BY_PERCENT.search(english_of(statement.objective.text, english))
    measure = english_of(statement.impact.measure, english)
    return asked is not None and not same_scope(measure, asked.group(0))


def _own_measures_held(
    statements: tuple[Statement, ...],
    chosen: list[Statement],
    limit: int,
    english: Mapping[str, str],
) -> tuple[Statement, ...]:
    """``chosen``, each impact's figures under the objective it is the very measure of.

    An impact picked for an objective it moves from outside ("Achieve 78% 4-hour
    performance") whose own objective ("Increase discharges before noon to 33%") the
    note shows with no measure of its own thing, or has a bullet to spare for, is shown
    there as well, and first: its figures stand under the objective they measure, the
    other impacts on it follow as "Also, …", and the first objective names the same
    change without its figures again (newuser38 #3; :func:`figures_held`). An objective
    the note already shows with its own measure keeps it. Ordered as ranked otherwise.
    """
    objectives = {s.objective.id for s in chosen}
    owned = {s.objective.id for s in chosen if own_measure(s)}
    holder: dict[str, Statement] = {}
    for statement in list(chosen):
        if own_measure(statement) or statement.impact.id in holder:
            continue
        own = next(
            (
                s
                for s in statements
                if s.impact.id == statement.impact.id
                and s.objective.id != statement.objective.id
                and own_measure(s)
                and not _a_part_of(s, english)
                and s.objective.id not in owned
                and (s.objective.id in objectives or len(objectives) < limit)
            ),
            None,
        )
        if own is None:
            continue
        holder[statement.impact.id] = own
        chosen.append(own)
        objectives.add(own.objective.id)
        owned.add(own.objective.id)
    if not holder:
        return tuple(sorted(chosen, key=statements.index))

    def place(statement: Statement) -> float:
        held = holder.get(statement.impact.id)
        if held is None or held is statement:
            return statements.index(statement)
        return statements.index(held) + 0.5

    first: dict[str, float] = {}
    for statement in chosen:
        key = statement.objective.id
        first[key] = min(first.get(key, place(statement)), place(statement))
    return tuple(
        sorted(
            chosen,
            key=lambda s: (first[s.objective.id], holder.get(s.impact.id) is not s, place(s)),
        )
    )
