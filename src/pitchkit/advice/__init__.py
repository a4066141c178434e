"""The guide's advice on winning an executive sponsor, as checks on a facts file.

``check(loaded, director_id=..., today=..., lang=...)`` runs every rule in
:data:`RULES` and returns :class:`Finding` s, most serious first. Each rule
is a plain function of a :class:`Review` that returns findings; each
finding says what was found, the evidence, what to do, and where in the
facts file when it is about a field.

The rules live by subject: :mod:`~pitchkit.advice.director` (their
objectives, concerns and the strategy), :mod:`~pitchkit.advice.pitch` (impact
over change, sourced figures, clear asks), :mod:`~pitchkit.advice.words`
(their words, jargon, translations) and :mod:`~pitchkit.advice.timing`
(approach early, the whole team, keep them informed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from pitchkit.advice.audience import lens_own_used, meant_for_another
from pitchkit.advice.director import (
    better_fit,
    concerns_unaddressed,
    director_unaligned,
    impact_unlinked,
    links_unconfirmed,
    no_directors,
    no_personal_objective,
    no_strategy_link,
    role_unmatched,
)
from pitchkit.advice.headline import headline_unsupported
from pitchkit.advice.length import page_fit
from pitchkit.advice.money import (
    cost_supports_finance,
    counted_once,
    logged_period,
    objective_year,
    releases_assumed,
    rise_priced,
    same_staff_time,
    savings_over_capacity,
    unit_cost_price_year,
)
from pitchkit.advice.pitch import (
    ask_without_verb,
    change_over_impact,
    impact_no_change,
    impact_without_source,
    impact_without_value,
    money_scaled,
    no_advice_sought,
    no_concrete_ask,
    no_sponsor_gain,
    unit_cost_without_source,
    vague_ask,
    value_not_counted,
)
from pitchkit.advice.review import SEVERITIES, Finding, Review, Rule, Severity
from pitchkit.advice.timing import (
    approach_late,
    ask_before_meeting,
    funding_undecided,
    log_dated_ahead,
    meeting_passed,
    no_keep_informed,
    project_over,
    target_was_dates,
    whole_team,
)
from pitchkit.advice.words import director_terms, jargon, untranslated, welsh_only
from pitchkit.facts.project import pick_director
from pitchkit.facts.schema import Director, Facts, LoadedFacts
from pitchkit.i18n.translation import Language
from pitchkit.recast.pitch import Pitch

if TYPE_CHECKING:
    from pitchkit.advice.ranking import Ranking

__all__ = [
    "BEFORE_MEETING_RULES",
    "NOTE_RULES",
    "RULES",
    "SEVERITIES",
    "UPDATE_RULES",
    "Finding",
    "Review",
    "Severity",
    "ask_without_verb",
    "check",
    "chosen_director",
    "vague_ask",
]

RULES: tuple[Rule, ...] = (
    no_directors,
    role_unmatched,
    director_unaligned,
    better_fit,
    impact_unlinked,
    links_unconfirmed,
    no_personal_objective,
    change_over_impact,
    impact_no_change,
    impact_without_source,
    impact_without_value,
    money_scaled,
    value_not_counted,
    unit_cost_without_source,
    unit_cost_price_year,
    releases_assumed,
    rise_priced,
    cost_supports_finance,
    counted_once,
    same_staff_time,
    savings_over_capacity,
    objective_year,
    logged_period,
    no_strategy_link,
    concerns_unaddressed,
    no_concrete_ask,
    no_advice_sought,
    no_sponsor_gain,
    meant_for_another,
    lens_own_used,
    director_terms,
    jargon,
    approach_late,
    ask_before_meeting,
    meeting_passed,
    log_dated_ahead,
    target_was_dates,
    headline_unsupported,
    project_over,
    funding_undecided,
    whole_team,
    no_keep_informed,
    untranslated,
    welsh_only,
    page_fit,
)
#: The rules whose advice is for winning a sponsor before a first meeting: who else to
#: brief, what to find out about them, when to meet. Once the project has ended they come
#: too late (``project-over`` says so) and ``check`` leaves them out (newuser40 #6).
BEFORE_MEETING_RULES: frozenset[Rule] = frozenset(
    {
        better_fit,
        no_personal_objective,
        no_advice_sought,
        no_sponsor_gain,
        approach_late,
        ask_before_meeting,
        meeting_passed,
        whole_team,
    }
)
#: The rules ``pitchkit brief`` runs after writing a note: all but the length rules
#: (:data:`~pitchkit.advice.length.LENGTH_RULES`), since the note was just fitted to its page,
#: and the check of the log's headlines, which a briefing note does not show (``check`` and
#: ``update`` read them; a brief loads no update code for them).
NOTE_RULES: tuple[Rule, ...] = tuple(
    rule for rule in RULES if rule is not page_fit and rule is not headline_unsupported
)
#: The rules that apply to a progress update (``preview --kind update``): those about the
#: figures it reports (the impacts, their money and links, the log) and its language. Those
#: about winning the sponsor (the pitch, the asks, the offer, when to approach them) and the
#: one-page note's room (:data:`~pitchkit.advice.length.LENGTH_RULES`) are the briefing
#: note's, and an update has neither (newuser20 #8).
UPDATE_RULES: tuple[Rule, ...] = (
    no_directors,
    impact_unlinked,
    links_unconfirmed,
    impact_without_source,
    impact_without_value,
    value_not_counted,
    unit_cost_without_source,
    unit_cost_price_year,
    releases_assumed,
    rise_priced,
    cost_supports_finance,
    counted_once,
    same_staff_time,
    savings_over_capacity,
    objective_year,
    logged_period,
    log_dated_ahead,
    target_was_dates,
    headline_unsupported,
    funding_undecided,
    untranslated,
    welsh_only,
)


def check(
    loaded: LoadedFacts,
    *,
    director_id: str | None = None,
    today: dt.date,
    lang: Language,
    pitches: Mapping[str, Pitch] | None = None,
    rules: Sequence[Rule] = RULES,
    notes: bool = True,
) -> list[Finding]:
    """Check the facts against the guide's advice, most serious findings first.

    ``director_id`` chooses the director the pitch is for (default: the
    meeting's director, or the only director). ``pitches`` are pitches
    already recast from these facts, by director id (a note just written
    passes its own), so they are not worked out again. ``rules`` are the
    rules run (default: every rule). Without ``notes`` only warnings and
    errors are found (``brief -q`` prints no more), so the other directors
    are recast only when one of those needs the ranking. Raises
    :class:`~pitchkit.errors.DirectorsError` for an unknown id.
    """
    facts = loaded.facts
    known = dict(pitches or {})

    def rank() -> Ranking | None:
        from pitchkit.advice.ranking import rank_directors  # only a rule that ranks loads it

        return rank_directors(facts, known=known, today=today) if facts.directors else None

    review = Review(
        loaded=loaded,
        director=chosen_director(facts, director_id, source=str(loaded.path)),
        rank=rank,
        today=today,
        lang=lang,
        known=known,
        notes=notes,
    )
    end = facts.project.end
    if end is not None and today > end:
        # A finished project: advice for the run-up to a first meeting comes too late.
        rules = [rule for rule in rules if rule not in BEFORE_MEETING_RULES]
    findings = [
        finding for rule in rules for finding in rule(review) if notes or finding.severity != "info"
    ]
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def chosen_director(facts: Facts, director_id: str | None, *, source: str) -> Director | None:
    """The director asked for, the meeting's, the only one, or none."""
    if director_id is not None:
        return pick_director(facts, director_id, source=source)
    meeting = facts.meeting.director if facts.meeting else None
    if meeting and facts.director(meeting):
        return facts.director(meeting)
    return facts.directors[0] if len(facts.directors) == 1 else None
