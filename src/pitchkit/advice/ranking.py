"""Who to approach: every director ranked by how well the project serves them.

``rank_directors(facts)`` recasts the project for each director and orders
them by alignment score. The guide suggests a medical, nursing or finance
director in the first instance, so when scores are close (within
:data:`CLOSE_SCORES` points) one of those goes first. The recommendation
names whom to approach first and, for large grants, the rest of the
executive team in order.

Ranking is language-free; the ``*_text`` functions and :func:`ranking_json`
word it in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

# Re-exported: the wording of a link and whether the whole team is needed were first made here.
from pitchkit.advice.reasons import chain_text as chain_text
from pitchkit.advice.reasons import link_reason as link_reason
from pitchkit.advice.reasons import offer_reason as offer_reason
from pitchkit.advice.reasons import whole_team_needed as whole_team_needed
from pitchkit.errors import DirectorsError
from pitchkit.facts.schema import Director, Facts, LoadedFacts, Objective
from pitchkit.i18n import fmt
from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import Language
from pitchkit.notes import wording
from pitchkit.notes.context import WHOLE_TEAM_THRESHOLD
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import Pitch, Statement, recast

#: The lenses the guide suggests approaching first.
PREFERRED_LENSES = ("medical", "nursing", "finance")
#: Scores this close count as level, so the guide's preferred roles go first.
CLOSE_SCORES = 5


@dataclass(frozen=True)
class Place:
    """One director's place in the ranking, with the pitch behind it."""

    rank: int
    pitch: Pitch
    preferred: bool
    meeting: bool = False  # the facts book a meeting with this director

    @property
    def director(self) -> Director:
        """The director in this place."""
        return self.pitch.director

    @property
    def aligned(self) -> bool:
        """Whether the project serves at least one of the director's objectives."""
        return bool(self.pitch.statements)

    @property
    def strongest(self) -> Statement | None:
        """The strongest statement with a real improvement behind it, if any.

        One whose impact the progress log bears out (or is too young to judge) comes
        before one whose log shows no change: "the strongest point" is never an impact
        that is not happening while another is (newuser39 #2).
        """
        statements = self.pitch.statements
        real = [s for s in statements if s.quantity.gain > 0]
        return (
            next((s for s in real if not log_shows_no_change(self.pitch, s.impact.id)), None)
            or next(iter(real), None)
            or (statements[0] if statements else None)
        )

    @property
    def stalled(self) -> bool:
        """Whether every impact that serves this director is one the log shows no change in."""
        return self.aligned and all(
            log_shows_no_change(self.pitch, s.impact.id) for s in self.pitch.statements
        )


def log_shows_no_change(pitch: Pitch, impact_id: str) -> bool:
    """Whether the progress log, by the pitch's date, contradicts the plan for ``impact_id``.

    Its chart shows no change, or it is worse than before (:func:`standing`); not a log
    too young to tell, nor none.
    """
    # Imported here: the update package builds on the notes this module imports.
    from pitchkit.notes.update.actuals import standing

    return standing(pitch.ledger, pitch.facts, impact_id) is not None


@dataclass(frozen=True)
class Recommendation:
    """Whom to approach first, and who else."""

    first: Place
    whole_team: bool
    also: tuple[Place, ...]  # the rest of the team in rank order, for large grants
    unaligned: tuple[Place, ...]  # directors none of whose objectives the project serves
    passed_over: Place | None  # scored higher than ``first``, which went first on a near-tie
    #: What put ``first`` first: the score alone, or, on a near or exact tie, the meeting
    #: booked with them, the guide's preferred roles, or (level and alike) the file's order;
    #: or the log, which shows no change in any impact of those scored above them.
    decided_by: Literal["score", "meeting", "preference", "listed", "log"] = "score"
    worries: tuple[Objective, ...] = ()  # objectives of ``first`` the board already worries about
    #: For each of ``worries``, what shows the board worries about it: ``("strategy", line)``
    #: or ``("concern", line)``, quoted from the facts; ``None`` when no one line shows it.
    worried_by: tuple[tuple[str, str] | None, ...] = ()
    level_with: Place | None = None  # scored the same as ``first``, which went first
    #: Ranked above ``first``, but every impact that serves them is one the log shows no
    #: change in (:attr:`Place.stalled`), while one serving ``first`` is not.
    held_back: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Ranking:
    """Every director in order, and the recommendation."""

    facts: Facts
    places: tuple[Place, ...]
    recommendation: Recommendation

    def place(self, director_id: str) -> Place | None:
        """The place of the director with ``director_id`` (case-insensitive)."""
        wanted = director_id.casefold()
        return next((p for p in self.places if p.director.id.casefold() == wanted), None)


def _order_key(
    pitch: Pitch, preferred: bool, meeting: bool, index: int
) -> tuple[float, int, int, int]:
    """Higher scores first; near-ties go to the meeting's director, then a preferred role.

    An aligned director the meeting is booked with counts ``CLOSE_SCORES``
    and a half more; an aligned role the guide prefers, ``CLOSE_SCORES``
    more. Neither lifts a director the project does not serve.
    """
    bonus = 0.0
    if pitch.statements:
        if meeting:
            bonus = CLOSE_SCORES + 0.5
        elif preferred:
            bonus = float(CLOSE_SCORES)
    return (-(pitch.score + bonus), 0 if meeting else 1, 0 if preferred else 1, index)


def rank_directors(
    facts: Facts,
    lang: Language | None = None,
    *,
    known: Mapping[str, Pitch] | None = None,
    today: dt.date | None = None,
) -> Ranking:
    """Recast the project for every director and rank them, best fit first.

    Money is at the prices of the financial year of ``today`` (default: the
    day it runs).

    With ``lang``, lens wording (a role's default objectives) is in that
    language; the scores and the order are the same either way. ``known``
    holds pitches already recast from these facts (not localised), by
    director id, so they are not worked out again. Raises
    :class:`DirectorsError` when the facts list no directors.
    """
    if not facts.directors:
        raise DirectorsError(
            Message(
                "no directors to rank: add a 'directors:' list to the facts file, or pass "
                "--directors FILE"
            )
        )
    known = known or {}
    pitches = [
        known[d.id] if d.id in known else recast(facts, d, today=today) for d in facts.directors
    ]
    if lang is not None:
        pitches = [localise_pitch(pitch, lang) for pitch in pitches]
    preferred = [p.lens.lens.id in PREFERRED_LENSES for p in pitches]
    booked = facts.meeting.director.casefold() if facts.meeting and facts.meeting.director else ""
    meeting = [p.director.id.casefold() == booked for p in pitches]
    order = sorted(
        range(len(pitches)), key=lambda i: _order_key(pitches[i], preferred[i], meeting[i], i)
    )
    scored = tuple(
        Place(rank=rank, pitch=pitches[i], preferred=preferred[i], meeting=meeting[i])
        for rank, i in enumerate(order, start=1)
    )
    going = next((p for p in scored if p.aligned and not p.stalled), None)
    if going is None:
        return Ranking(facts, scored, recommend(facts, scored))
    # Listed in the order the recommendation gives: a director the log shows nothing for
    # yet was listed first while the recommendation said to approach another first
    # (fixread31 #5). Their entry says why (:func:`order_note`).
    held = scored[: scored.index(going)]
    ordered = _approach_order(scored)
    places = tuple(replace(place, rank=rank) for rank, place in enumerate(ordered, start=1))
    held_back = tuple(new for new, old in zip(places, ordered, strict=True) if old in held)
    return Ranking(facts, places, recommend(facts, places, held_back=held_back))


def _approach_order(places: Sequence[Place]) -> tuple[Place, ...]:
    """``places`` in the order to approach them: those the log shows nothing for yet after the rest.

    The directors the project serves come first, those whose every impact the log
    shows no change in next (:attr:`Place.stalled`), then those it does not serve yet,
    each part in the order of their scores.
    """
    return (
        *(p for p in places if p.aligned and not p.stalled),
        *(p for p in places if p.stalled),
        *(p for p in places if not p.aligned),
    )


def recommend(
    facts: Facts, places: tuple[Place, ...], *, held_back: tuple[Place, ...] | None = None
) -> Recommendation:
    """Choose whom to approach first from ranked ``places``.

    A director for whom every impact is one the log shows no change in goes after every
    director with an impact it bears out, or is too young to judge: the first approach
    leads with what is happening (newuser39 #2). ``held_back`` names those that
    scored above the first and went after them, when ``places`` are in that order
    already (:func:`rank_directors`); otherwise they are found from the scores' order.
    """
    going = next((p for p in places if p.aligned and not p.stalled), None)
    if held_back is None:
        held_back = places[: places.index(going)] if going is not None else ()
    if going is not None:
        places = _approach_order(places)
    first = places[0]
    top_score = max(place.pitch.score for place in places)
    passed_over = level_with = None
    decided_by: Literal["score", "meeting", "preference", "listed", "log"] = "score"
    if held_back:
        decided_by = "log"
    elif first.pitch.score < top_score:
        passed_over = next(p for p in places if p.pitch.score == top_score)
        decided_by = "meeting" if first.meeting else "preference"
    elif first.aligned:
        level_with = next(
            (p for p in places[1:] if p.aligned and p.pitch.score == first.pitch.score), None
        )
        if level_with is not None:
            if first.meeting:
                decided_by = "meeting"
            elif first.preferred and not level_with.preferred:
                decided_by = "preference"
            else:
                decided_by = "listed"
    whole_team = whole_team_needed(facts)
    worries = [o for o in first.pitch.served if o.id in first.pitch.worries]
    lines = [worry_shown_by(facts, first.director, o) for o in worries]
    shown = [(o, line) for o, line in zip(worries, lines, strict=True) if line is not None]
    return Recommendation(
        first=first,
        whole_team=whole_team,
        also=places[1:] if whole_team else (),
        unaligned=tuple(p for p in places if not p.aligned),
        passed_over=passed_over,
        decided_by=decided_by,
        # Only what a line of the facts shows: a reason quotes only text that supports it.
        worries=tuple(o for o, _ in shown),
        worried_by=tuple(line for _, line in shown),
        level_with=level_with,
        held_back=held_back,
    )


def worry_shown_by(
    facts: Facts, director: Director, objective: Objective
) -> tuple[str, str] | None:
    """The line of the facts that shows the board worries about ``objective``.

    Read as :func:`pitchkit.recast.pitch.worry_line` reads it, on the English
    where the file gives it; the line is quoted as the facts show it. ``None``
    when no single line does: the recommendation then does not call it a worry.
    """
    from pitchkit.recast.english import english_director, in_english
    from pitchkit.recast.pitch import worry_line

    english = in_english(facts)
    read = english_director(director, facts.english)
    read_objective = next((o for o in read.objectives if o.id == objective.id), objective)
    found = worry_line(english, read, read_objective)
    if found is None:
        return None
    kind, index = found
    shown = facts.project.strategy if kind == "strategy" else director.concerns
    return kind, shown[index]


# --------------------------------------------------------------------------
# Directors from the facts or from a file


@dataclass(frozen=True)
class Team:
    """Facts with the directors to consider, and what reading them noticed."""

    loaded: LoadedFacts
    warnings: tuple[Renderable | str, ...]


def team_for(
    loaded: LoadedFacts,
    directors_file: Path | None = None,
    warn: Callable[[Renderable | str], object] | None = None,
    lang: str = "en",
) -> Team:
    """The facts with directors from ``directors_file`` when given, else their own.

    ``lang`` (``en`` or ``cy``) picks the language of objectives a team sheet
    gives in both.

    Rows a directors file could not use are skipped and listed in
    ``warnings``, or given to ``warn`` at once when it is given. Raises
    :class:`DirectorsError`, located, when no director is left: the rows
    it "lists above" reach the user only through ``warn``.
    """
    warnings: tuple[Renderable | str, ...] = ()
    if directors_file is not None:
        # Only for a directors file: a brief from the facts' own team need not load the
        # CSV and spreadsheet readers (about 2.5 ms).
        from pitchkit.facts.directors import load_directors, with_team

        read = load_directors(directors_file)
        warnings = read.warnings + read.problems
        if warn is not None:
            for line in warnings:
                warn(line)
            warnings = ()
        read.raise_if_none()
        return Team(
            with_team(loaded, read.directors, read.former_ids, team=read, lang=lang), warnings
        )
    if not loaded.facts.directors:
        where = loaded.source.where(("directors",))
        message = Message(
            "no directors: list the executive directors under 'directors:', "
            "or pass --directors FILE"
        )
        raise DirectorsError(Located(where, message))
    return Team(loaded, warnings)


# --------------------------------------------------------------------------
# Wording


def objective_label(objective: Objective, lang: Language) -> str:
    """An objective's text, marked when it is the director's personal one."""
    text = objective.text.rstrip(".")
    if objective.kind == "personal":
        return lang.gettext("{objective} (personal)").format(objective=text)
    return text


def lens_title(place: Place, lang: Language) -> str:
    """The title of the lens the director is read through."""
    return lang.gettext(place.pitch.lens.lens.title)


def statement_text(place: Place, lang: Language) -> str:
    """The strongest statement for this director, worded; empty when there is none.

    A plan the log shows no change in says so: it is not happening yet (newuser39 #2).
    """
    strongest = place.strongest
    if strongest is None:
        return ""
    text = wording.statement_text(strongest, lang, place.director)
    if log_shows_no_change(place.pitch, strongest.impact.id):
        text = lang.gettext("{statement} (the progress log shows no change in it yet).").format(
            statement=text.rstrip(".")
        )
    return text


def order_note(ranking: Ranking, place: Place, lang: Language) -> str:
    """Why ``place`` is listed above a director who scores higher, or ``""`` (newuser39 #11).

    Close scores go to the director the meeting is booked with, then to a role the
    guide prefers (:func:`_order_key`): the list says so, rather than read as a slip.
    A director listed after lower scores because the log shows no change yet in what
    serves them says that instead, as the recommendation does (fixread31 #5).
    """
    index = ranking.places.index(place)
    if place in ranking.recommendation.held_back:
        below = [p for p in ranking.places[:index] if p.pitch.score < place.pitch.score]
        if below:
            names = fmt.join_list([f"{p.director.name} ({p.pitch.score})" for p in below], lang)
            return lang.gettext(
                "listed after {names}: the progress log shows no change yet in what would "
                "serve them, and the recommendation leads with what is already happening"
            ).format(names=names)
    later = ranking.places[index + 1 :]
    above = [
        p
        for p in later
        if p.pitch.score > place.pitch.score and p not in ranking.recommendation.held_back
    ]
    if not above:
        return ""
    names = fmt.join_list([f"{p.director.name} ({p.pitch.score})" for p in above], lang)
    if place.meeting:
        text = lang.gettext(
            "listed ahead of {names}: when scores are this close, the meeting already booked "
            "with them decides it"
        )
    else:
        text = lang.gettext(
            "listed ahead of {names}: when scores are this close, the guide suggests a "
            "medical, nursing or finance director first"
        )
    return text.format(names=names)


def _who(place: Place) -> str:
    return f"{place.director.name} ({place.director.role})"


def why_text(ranking: Ranking, lang: Language) -> str:
    """Why the first director is the one to approach first."""
    first = ranking.recommendation.first
    waiting = sum(len(place.pitch.possible) for place in ranking.places)
    if not first.aligned and waiting:
        # Links the measure map proposes are what there is: the lead confirms them before
        # approaching anyone, rather than adds objectives the team already has (newuser40 #2).
        return lang.ngettext(
            "No link to a director's objectives is confirmed yet: {count} possible link, "
            "under 'Why linked' above, waits for you to confirm or rule it out with "
            "'pitchkit link'. Until then no note claims it: confirm the links that hold "
            "before approaching anyone.",
            "No link to a director's objectives is confirmed yet: {count} possible links, "
            "under 'Why linked' above, wait for you to confirm or rule them out with "
            "'pitchkit link'. Until then no note claims them: confirm the links that hold "
            "before approaching anyone.",
            waiting,
        ).format(count=waiting)
    if not first.aligned:
        return lang.gettext(
            "The project does not yet serve any director's objectives: before approaching "
            "anyone, add the objectives you know of, or link impacts with 'supports', and ask "
            "a director for advice on where it fits."
        )
    served = [objective_label(o, lang) for o in first.pitch.served]
    text = lang.ngettext(
        "Approach {who} first: the project serves one of their objectives ({objectives}), "
        "and the strongest point for them is: {statement}",
        "Approach {who} first: the project serves {count} of their objectives ({objectives}), "
        "and the strongest point for them is: {statement}",
        len(served),
    ).format(
        who=_who(first),
        count=len(served),
        objectives="; ".join(served),
        statement=statement_text(first, lang),
    )
    recommendation = ranking.recommendation
    if recommendation.worries:
        text += " " + lang.gettext(
            "It serves a problem the board already worries about, which weighs most: {worries}."
        ).format(worries="; ".join(_worry_text(ranking, lang)))
    text += _tie_text(recommendation, lang)
    text += _held_back_text(recommendation, lang)
    passed = recommendation.passed_over
    if passed is not None and recommendation.decided_by == "meeting":
        text += " " + lang.gettext(
            "{name} scores a little higher ({theirs} against {ours}), but when the fit is "
            "this close the meeting already booked with {first} decides it."
        ).format(
            name=passed.director.name,
            theirs=passed.pitch.score,
            ours=first.pitch.score,
            first=first.director.name,
        )
    elif passed is not None:
        text += " " + lang.gettext(
            "{name} scores a little higher ({theirs} against {ours}), but when the fit is "
            "this close the guide suggests a medical, nursing or finance director first."
        ).format(name=passed.director.name, theirs=passed.pitch.score, ours=first.pitch.score)
    return text


def _held_back_text(recommendation: Recommendation, lang: Language) -> str:
    """Why ``first`` goes ahead of directors who score higher on the plan, or nothing."""
    held = recommendation.held_back
    if not held:
        return ""
    measures = dict.fromkeys(s.impact.measure for place in held for s in place.pitch.statements)
    return " " + lang.ngettext(
        "{names} scores higher on the plan, but the progress log shows no change yet in what "
        "would serve them ({measures}), so lead with what is already happening.",
        "{names} score higher on the plan, but the progress log shows no change yet in what "
        "would serve them ({measures}), so lead with what is already happening.",
        len(held),
    ).format(
        names=fmt.join_list([p.director.name for p in held], lang),
        measures="; ".join(wording.in_sentence(m, lang) for m in measures),
    )


def _worry_text(ranking: Ranking, lang: Language) -> list[str]:
    """Each objective the board worries about, with the line of the facts that shows it."""
    recommendation = ranking.recommendation
    shown_by = recommendation.worried_by or (None,) * len(recommendation.worries)
    texts = []
    for objective, source in zip(recommendation.worries, shown_by, strict=True):
        label = objective_label(objective, lang)
        if source is None:
            texts.append(label)
        elif source[0] == "strategy":
            texts.append(
                lang.gettext('{objective} (the project\'s strategy names it: "{line}")').format(
                    objective=label, line=source[1].rstrip(".")
                )
            )
        else:
            texts.append(
                lang.gettext('{objective} ({name}\'s concerns name it: "{line}")').format(
                    objective=label,
                    name=recommendation.first.director.name,
                    line=source[1].rstrip("."),
                )
            )
    return texts


def _tie_text(recommendation: Recommendation, lang: Language) -> str:
    """Why ``first`` goes ahead of a director with the same score, or nothing."""
    level = recommendation.level_with
    if level is None:
        return ""
    values = {
        "name": level.director.name,
        "score": level.pitch.score,
        "first": recommendation.first.director.name,
    }
    if recommendation.decided_by == "meeting":
        text = lang.gettext(
            "{name} scores the same ({score}); {first} goes first because your meeting is "
            "already booked with them."
        )
    elif recommendation.decided_by == "preference":
        text = lang.gettext(
            "{name} scores the same ({score}); {first} goes first because the guide suggests "
            "a medical, nursing or finance director first."
        )
    else:
        text = lang.gettext(
            "{name} scores the same ({score}); either would do, and {first} goes first only "
            "because the facts list them first."
        )
    return " " + text.format(**values)


def whole_team_text(ranking: Ranking, lang: Language) -> str:
    """For large grants: plan to engage the whole team, and whom to approach next.

    Only the directors the project serves are put in order: those it does
    not yet serve are left to :func:`unaligned_text`, which says when and
    how to approach them.
    """
    recommendation = ranking.recommendation
    funding = ranking.facts.project.funding
    if not recommendation.whole_team or funding is None:
        return ""
    from pitchkit.notes.context import funding_status

    # The funding's own status (agreed, requested, ...), never "sought" when it is agreed
    # (newuser22 #5).
    status = funding_status(funding.status, lang)
    money = fmt.money(funding.amount, lang, currency=funding.currency)
    if status:
        text = lang.gettext(
            "The funding ({money}, {status}) is {threshold} or more: plan to engage the whole "
            "executive team."
        ).format(money=money, status=status, threshold=fmt.money(WHOLE_TEAM_THRESHOLD, lang))
    else:
        text = lang.gettext(
            "The funding ({money}) is {threshold} or more: plan to engage the whole executive team."
        ).format(money=money, threshold=fmt.money(WHOLE_TEAM_THRESHOLD, lang))
    served = [p for p in recommendation.also if p.aligned]
    if served:
        names = fmt.join_list([p.director.name for p in served], lang)
        text += " " + lang.gettext("After {first}, approach {others}, in that order.").format(
            first=recommendation.first.director.name, others=names
        )
    return text


def unaligned_text(ranking: Ranking, lang: Language) -> str:
    """Say which directors the project serves none of the objectives of, and what to do.

    With a grant large enough for the whole team they are still approached,
    once the project serves them or with a different ask; otherwise they are
    left out of the first round. Empty when the project serves everyone.
    """
    recommendation = ranking.recommendation
    if not recommendation.unaligned:
        return ""
    who = fmt.join_list([_who(p) for p in recommendation.unaligned], lang)
    if recommendation.whole_team:
        text = lang.gettext(
            "The project does not yet serve any objective of {who}: approach them once it "
            "does, or before then with a different ask, such as where they think it could fit."
        ).format(who=who)
    else:
        text = lang.gettext(
            "The project does not yet serve any objective of {who}: leave them out of the "
            "first round, or ask them where it could fit."
        ).format(who=who)
    return " ".join((text, *_named_plans(recommendation.unaligned, lang)))


def _named_plans(places: Sequence[Place], lang: Language) -> list[str]:
    """For each director whose objective names a plan the strategy lines link to, say so.

    "Deliver the ICB joint forward plan's discharge ambitions" beside the line
    "North Midlands ICB joint forward plan 2025-30: ..." is no director the
    project has nothing for (newuser38 #4): their note says it links to that
    plan, and so does this.
    """
    from pitchkit.notes.wording import named_plan

    found: list[str] = []
    for place in places:
        named = named_plan(place.pitch)
        if named is not None:
            found.append(
                lang.gettext(
                    "{name}'s objective names a plan the project links to ({plan}): ask them "
                    "how its figures can count towards it."
                ).format(plan=named[0], name=place.director.name)
            )
    return found


def recommendation_lines(ranking: Ranking, lang: Language) -> list[str]:
    """The recommendation as paragraphs: why, the whole team, directors not yet served."""
    lines = [why_text(ranking, lang)]
    team = whole_team_text(ranking, lang)
    if team:
        lines.append(team)
    if ranking.recommendation.first.aligned and (unaligned := unaligned_text(ranking, lang)):
        lines.append(unaligned)
    return lines


def ranking_json(ranking: Ranking, lang: Language) -> dict[str, Any]:
    """The ranking as plain data for scripts (see ``pitchkit directors --json``)."""
    recommendation = ranking.recommendation
    return {
        "directors": [_place_json(place, lang) for place in ranking.places],
        "recommendation": {
            "first": recommendation.first.director.id,
            "why": why_text(ranking, lang),
            "decided_by": recommendation.decided_by,
            "whole_team": recommendation.whole_team,
            "also": [p.director.id for p in recommendation.also],
            "unaligned": [p.director.id for p in recommendation.unaligned],
            "text": recommendation_lines(ranking, lang),
        },
    }


def _place_json(place: Place, lang: Language) -> dict[str, Any]:
    pitch = place.pitch
    served = {o.id for o in pitch.served}
    return {
        "id": place.director.id,
        "name": place.director.name,
        "role": place.director.role,
        "lens": pitch.lens.lens.id,
        "rank": place.rank,
        "score": pitch.score,
        "objectives": [{"id": o.id, "text": o.text, "kind": o.kind} for o in pitch.served],
        "every_objective": [
            {
                "ref": f"{place.director.id}.{o.id}",
                "id": o.id,
                "text": o.text,
                "kind": o.kind,
                "served": o.id in served,
            }
            for o in pitch.objectives
        ],
        "statement": statement_text(place, lang) or None,
        "links": [
            {
                "impact": found.impact,
                "objective": found.objective,
                "score": found.score,
                "reason": found.reason,
                "confidence": found.confidence,
                "chain": list(found.chain.labels()) if found.chain else [],
                "doubt": found.mismatch,
                "explanation": link_reason(found, lang, director_id=place.director.id),
                "themes": list(found.themes),
                "words": [list(pair) for pair in found.words],
            }
            for found in pitch.links
        ],
    }
