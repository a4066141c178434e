"""Advice about the director: their objectives, their concerns and the strategy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pitchkit.advice.reasons import link_reason
from pitchkit.advice.review import Finding, Review, Severity, who
from pitchkit.facts.ids import id_key, link_director
from pitchkit.facts.schema import Director, Facts, Impact
from pitchkit.i18n import fmt
from pitchkit.notes.context import concerns_reached
from pitchkit.notes.shown import shown_statements
from pitchkit.recast.align import Link, shared_words, wording
from pitchkit.recast.english import english_director
from pitchkit.recast.lenses import GENERAL, all_lenses, lens_for
from pitchkit.recast.money import adds_spend

if TYPE_CHECKING:
    from pitchkit.advice.ranking import Place

#: A concern counts as spoken to when the project shares this much wording with it.
CONCERN_MATCH = 0.5
#: A director this many points above the chosen one fits clearly better.
BETTER_FIT_GAP = 20


def no_directors(review: Review) -> Iterator[Finding]:
    """No directors to pitch to."""
    if review.facts.directors:
        return
    yield Finding(
        "no-directors",
        "error",
        review._("No directors are listed, so nothing can be checked against their objectives."),
        review._("'directors' is empty."),
        review._(
            "List the executive directors under 'directors:' with their objectives, or pass "
            "--directors FILE."
        ),
        None,
    )


def role_unmatched(review: Review) -> Iterator[Finding]:
    """A director's role matches no lens, so pitchkit reads them through the general one."""
    for index, director in enumerate(review.facts.directors):
        if lens_for(english_director(director, review.facts.english)).how != "fallback":
            continue
        if director.objectives:
            severity: Severity = "info"
            evidence = review._(
                "No lens recognises the role '{role}': {name}'s own objectives are used, "
                "with general wording."
            )
        else:
            severity = "warning"
            evidence = review._(
                "No lens recognises the role '{role}': {name}'s note uses general executive "
                "objectives, which may not be theirs."
            )
        lenses = ", ".join(name for name in all_lenses() if name != GENERAL)
        yield Finding(
            "role-unmatched",
            severity,
            review._(
                "pitchkit does not recognise {name}'s role, so it uses the general lens."
            ).format(name=director.name),
            evidence.format(role=director.role, name=director.name),
            review._(
                "Add 'lens:' to {name} naming the nearest of {lenses}, so the note speaks to "
                "their job."
            ).format(name=director.name, lenses=lenses),
            review.where("directors", index, "role"),
        )


def _impact_index(review: Review, impact: Impact) -> int:
    return next(n for n, i in enumerate(review.facts.impacts) if i.id == impact.id)


def _ruled_out(impact: Impact, director_id: str) -> bool:
    """Whether the lead excluded a link of ``impact`` to one of the director's objectives."""
    return any(link_director(entry) == id_key(director_id) for entry in impact.excludes)


def impact_unlinked(review: Review) -> Iterator[Finding]:
    """An impact serves none of the chosen director's objectives."""
    pitch, director = review.pitch, review.director
    if pitch is None or director is None:
        return
    for impact in pitch.unlinked_impacts:
        index = _impact_index(review, impact)
        if not pitch.statements:
            continue  # director-unaligned says it for the whole project, possible links too
        possible = [found for found in pitch.possible if found.impact == impact.id]
        if possible:
            yield _possible_finding(review, impact, possible, index)
            continue
        if adds_spend(impact):
            # New spend the change adds: it works against a budget, so it is never linked to
            # an objective (newuser16 #7); the notes net it off the benefits instead.
            yield Finding(
                "impact-unlinked",
                "info",
                review._(
                    "The impact '{measure}' is extra spend ('releases: cost'), so it serves "
                    "none of {name}'s objectives."
                ).format(measure=impact.measure, name=director.name),
                _unlinked_evidence(review, impact),
                review._(
                    "Leave it unlinked: a cost works against budgets rather than towards an "
                    "objective, and the notes net it off the benefits (delivered money, "
                    "payback and £ per £1)."
                ),
                review.where("impacts", index, "measure"),
            )
            continue
        # An impact the lead ruled out for this director ('excludes', or 'link --reject')
        # leaves nothing to decide: check still says so, as information, but no note
        # warns of it each time it is made (newuser20 #10).
        ruled_out = _ruled_out(impact, director.id)
        fix = review._(
            "If it does serve one, say so with 'supports: [{id}.OBJECTIVE]' (or run "
            "'pitchkit link'); if not, keep it for another director and lead with the "
            "impacts that matter to {name}."
        ).format(id=director.id, name=director.name)
        offered = "" if ruled_out else _offered_elsewhere(review, impact)
        yield Finding(
            "impact-unlinked",
            "info" if ruled_out else "warning",
            review._("The impact '{measure}' serves none of {name}'s objectives.").format(
                measure=impact.measure, name=director.name
            ),
            _unlinked_evidence(review, impact),
            f"{fix} {offered}" if offered else fix,
            review.where("impacts", index, "measure"),
        )


def _offered_elsewhere(review: Review, impact: Impact) -> str:
    """One line: the possible links of ``impact`` to other directors, waiting for ``link``.

    ``check`` told the meeting's director only that the Datix incidents impact
    serves none of their objectives, while ``directors`` and ``link`` offered
    it to the chief nurse's "medication incidents causing harm", unclaimed
    until the lead confirms it (newuser38 #5, fixlink38). Only with the
    guide's notes (``check``, ``preview``): it ranks every director.
    """
    if not review.notes or review.ranking is None or review.director is None:
        return ""
    wanted = review.director.id.casefold()
    named: list[str] = []
    for place in review.ranking.places:
        if place.director.id.casefold() == wanted:
            continue
        objectives = {o.id: o for o in place.pitch.objectives}
        for found in place.pitch.possible:
            if found.impact == impact.id and found.objective in objectives:
                named.append(
                    review._("{name}'s '{objective}'").format(
                        name=place.director.name, objective=objectives[found.objective].text
                    )
                )
    if not named:
        return ""
    offered = fmt.join_list(dict.fromkeys(named), review.lang)
    return review._(
        "pitchkit offers it to {offered} as a possible link, which no note claims until you "
        "confirm it: run {command}"
    ).format(offered=offered, command=_link_command(review))


def _link_command(review: Review) -> str:
    """``pitchkit link facts.yaml --directors team.csv``, as the lead would paste it."""
    import shlex

    words = ["pitchkit", "link", str(review.loaded.path)]
    sheets = {sheet for sheet, _row in review.facts.team_rows.values()}
    if len(sheets) == 1:
        words += ["--directors", next(iter(sheets))]
    return shlex.join(words)


def links_unconfirmed(review: Review) -> Iterator[Finding]:
    """The note claims links that pitchkit made and the lead has not confirmed.

    pitchkit makes them through its measure map, or where an objective names
    the impact's own measure in its words.

    On projects from domains the map was not tuned on, fewer than half of
    those links were ones a director would accept (docs/linking-evaluation.md),
    so the lead is asked to read each as the director would before sending.
    """
    pitch, director = review.pitch, review.director
    if pitch is None or director is None:
        return
    inferred = [s for s in shown_statements(pitch) if s.link.confidence == "confident"]
    if not inferred:
        return
    objectives = {o.id: o for o in pitch.objectives}
    evidence = "; ".join(
        review._("'{measure}' → '{objective}' ({reason})").format(
            measure=s.impact.measure,
            objective=objectives[s.link.objective].text if s.link.objective in objectives else "",
            reason=link_reason(s.link, review.lang),
        )
        for s in inferred
    )
    first = inferred[0].impact
    yield Finding(
        "link-unconfirmed",
        "warning",
        review.lang.ngettext(
            "The note to {name} claims {count} link that pitchkit made (through its measure "
            "map or the objective's own words) and you have not confirmed.",
            "The note to {name} claims {count} links that pitchkit made (through its measure "
            "map or the objective's own words) and you have not confirmed.",
            len(inferred),
        ).format(name=director.name, count=len(inferred)),
        evidence,
        review._(
            "Read each as {name} would: run 'pitchkit link' to confirm it (written as "
            "'supports:') or rule it out (written as 'excludes:', and the note leaves it out)."
        ).format(name=director.name),
        review.where("impacts", _impact_index(review, first), "measure"),
    )


def _unlinked_evidence(review: Review, impact: Impact) -> str:
    """Why an impact has no link to the director: never "no theme in common" when one is."""
    pitch, director = review.pitch, review.director
    assert pitch is not None
    assert director is not None
    sharing = [o for o in pitch.objectives if set(o.themes) & set(impact.themes)]
    excluded = {id_key(ref) for ref in impact.excludes}
    if not sharing and (
        mine := [
            f"{director.id}.{o.id}"
            for o in pitch.objectives
            if id_key(f"{director.id}.{o.id}") in excluded
        ]
    ):
        # Not "the map links it to none": the lead ruled a link out, and the note obeys.
        return review._(
            "You ruled out {refs} with 'excludes:', and pitchkit's measure map links it to "
            "none of the other objectives of {who}."
        ).format(refs=", ".join(mine), who=who(director))
    if not sharing:
        return review._(
            "pitchkit's measure map links it to none of the objectives of {who}, and "
            "they declare no theme in common."
        ).format(who=who(director))
    themes = ", ".join(t for t in impact.themes if any(t in o.themes for o in sharing))
    ruled_out = [
        f"{director.id}.{o.id}" for o in sharing if id_key(f"{director.id}.{o.id}") in excluded
    ]
    if ruled_out:
        return review._(
            "It shares the theme {themes} with {refs}, which you ruled out with 'excludes:'; "
            "pitchkit's measure map links it to none of the other objectives of {who}."
        ).format(themes=themes, refs=", ".join(ruled_out), who=who(director))
    return review._(
        "pitchkit's measure map links it to none of the objectives of {who}; the theme "
        "they share ({themes}) is not enough for the note to claim a link."
    ).format(who=who(director), themes=themes)


def _possible_finding(review: Review, impact: Impact, possible: list[Link], index: int) -> Finding:
    """An impact only possibly linked: show the evidence and how to confirm or rule it out."""
    director = review.director
    assert director is not None
    reasons = "; ".join(
        f"{found.objective}: {link_reason(found, review.lang, director_id=director.id)}"
        for found in possible
    )
    refs = ", ".join(f"{director.id}.{found.objective}" for found in possible)
    return Finding(
        "impact-possible",
        "warning",
        review._(
            "The impact '{measure}' may serve {name}'s objectives, but the note will not "
            "claim it until you confirm."
        ).format(measure=impact.measure, name=director.name),
        reasons,
        review._(
            "If it does, add 'supports: [{refs}]' (or run 'pitchkit link'); if not, add "
            "'excludes: [{refs}]'."
        ).format(refs=refs),
        review.where("impacts", index, "measure"),
    )


def _better_fit(review: Review) -> Place | None:
    """The best-ranked aligned director other than the chosen one."""
    if review.ranking is None or review.director is None:
        return None
    return next(
        (p for p in review.ranking.places if p.aligned and p.director.id != review.director.id),
        None,
    )


def _unconfirmed_only(review: Review) -> Finding:
    """No confirmed link to the director, only possible ones: one finding that names them all.

    Not an error that the project serves none of their objectives beside a
    warning that it may serve one: the possible links are what there is,
    waiting for the lead to confirm or rule them out.
    """
    pitch, director = review.pitch, review.director
    assert pitch is not None
    assert director is not None
    impacts = {impact.id: impact for impact in review.facts.impacts}
    objectives = {objective.id: objective for objective in pitch.objectives}
    possible = [found for found in pitch.possible if found.impact in impacts]
    evidence = "; ".join(
        review._("'{measure}' → '{objective}' ({reason})").format(
            measure=impacts[found.impact].measure,
            objective=objectives[found.objective].text
            if found.objective in objectives
            else found.objective,
            reason=link_reason(found, review.lang, director_id=director.id),
        )
        for found in possible
    )
    first = impacts[possible[0].impact]
    return Finding(
        "director-unaligned",
        "warning",
        review.lang.ngettext(
            "No link to {name}'s objectives is confirmed yet: {count} possible link waits for "
            "you to confirm it, and until then the note claims no link to their objectives.",
            "No link to {name}'s objectives is confirmed yet: {count} possible links wait for "
            "you to confirm them, and until then the note claims no link to their objectives.",
            len(possible),
        ).format(name=director.name, count=len(possible)),
        evidence,
        "\n".join(
            [
                review._(
                    "For each link that holds, give its impact the 'supports:' line below, "
                    "in place of any it has (or run 'pitchkit link'); rule out the rest with "
                    "'excludes:'."
                ),
                *_supports_lines(review, director, possible, impacts),
            ]
        ),
        review.where("impacts", _impact_index(review, first), "measure"),
    )


def _supports_lines(
    review: Review, director: Director, possible: list[Link], impacts: dict[str, Impact]
) -> list[str]:
    """One ``supports:`` line per impact for its possible links, ready to paste (newuser13 #8).

    Each impact's own objectives only, each once, after the links it
    already has (to other directors): the line pasted in place of the
    impact's own ``supports:`` keeps them.
    """
    wanted: dict[str, list[str]] = {}
    for found in possible:
        refs = wanted.setdefault(found.impact, [])
        ref = f"{director.id}.{found.objective}"
        if ref.casefold() not in {r.casefold() for r in refs}:
            refs.append(ref)
    lines = []
    for impact_id, refs in wanted.items():
        new = {r.casefold() for r in refs}
        kept = [r for r in impacts[impact_id].supports if r.strip().casefold() not in new]
        lines.append(
            review._("impact '{impact}': supports: [{refs}]").format(
                impact=impact_id, refs=", ".join([*kept, *refs])
            )
        )
    return lines


def director_unaligned(review: Review) -> Iterator[Finding]:
    """The project serves none of the chosen director's objectives.

    With possible links only, one warning names them (:func:`_unconfirmed_only`).
    """
    pitch, director = review.pitch, review.director
    if pitch is None or director is None or pitch.statements:
        return
    if any(found.impact in {i.id for i in review.facts.impacts} for found in pitch.possible):
        yield _unconfirmed_only(review)
        return
    better = _better_fit(review)
    if better is not None:
        fix = review._(
            "{who} fits better (alignment {score}/100): consider approaching them first. "
            "If the project does serve {name}, link an impact with 'supports: [{id}.OBJECTIVE]'."
        ).format(
            who=who(better.director), score=better.pitch.score, name=director.name, id=director.id
        )
    else:
        fix = review._(
            "Check {name}'s objectives are listed as they wrote them, link impacts with "
            "'supports:', or ask them for advice on where the project fits."
        ).format(name=director.name)
    if director.objectives:
        evidence = review.lang.ngettext(
            "{name}'s one objective does not link to any impact.",
            "None of {name}'s {count} objectives links to an impact.",
            len(pitch.objectives),
        )
    else:
        evidence = review._(
            "None of the {count} objectives pitchkit assumes for a {lens} links to an impact: "
            "{name} has no objectives listed."
        )
    yield Finding(
        "director-unaligned",
        "error",
        review._("The project serves none of {name}'s objectives.").format(name=director.name),
        evidence.format(
            name=director.name, count=len(pitch.objectives), lens=review._(pitch.lens.lens.title)
        ),
        fix,
        None,
    )


def better_fit(review: Review) -> Iterator[Finding]:
    """Another director fits the project clearly better than the chosen one."""
    if not review.notes:  # only ever a note: no need to rank the others
        return
    place, ranking = review.place, review.ranking
    if place is None or ranking is None or not place.aligned:
        return
    first = ranking.places[0]
    if first is place or first.pitch.score - place.pitch.score < BETTER_FIT_GAP:
        return
    message = review._("{name} fits the project better than {chosen}.").format(
        name=first.director.name, chosen=place.director.name
    )
    if review.lang.lang == "cy":  # "yn well nag Eleri Owen"
        message = fmt.welsh_before_vowel(message)
    yield Finding(
        "better-fit",
        "info",
        message,
        review._("Alignment {theirs}/100 for {who} against {ours}/100.").format(
            theirs=first.pitch.score, who=who(first.director), ours=place.pitch.score
        ),
        review._(
            "Run 'pitchkit directors' to see why, and consider approaching {name} first or as well."
        ).format(name=first.director.name),
        None,
    )


def no_personal_objective(review: Review) -> Iterator[Finding]:
    """Nothing speaks to the director's own objectives for the year."""
    pitch, director = review.pitch, review.director
    if pitch is None or director is None or not pitch.statements:
        return
    personal = [o for o in pitch.objectives if o.kind == "personal"]
    if any(o.kind == "personal" for o in pitch.served):
        return
    if personal:
        evidence = review._("No impact links to {name}'s personal objective: {objective}.").format(
            name=director.name, objective=personal[0].text
        )
    else:
        evidence = review._("No personal objective is listed for {name}.").format(
            name=director.name
        )
    yield Finding(
        "no-personal-objective",
        "info",
        review._("The pitch does not say how it helps {name}'s personal objectives.").format(
            name=director.name
        ),
        evidence,
        review._(
            "Find out what {name} wants to achieve this year (kind: personal) and say how "
            "championing the project helps: support lasts when it serves their own goals too."
        ).format(name=director.name),
        None,
    )


def _project_text(facts: Facts) -> str:
    parts = [facts.project.problem, facts.project.change, *(i.measure for i in facts.impacts)]
    return " ".join(parts)


def concerns_spoken_to(review: Review, director: Director) -> list[tuple[str, list[str]]]:
    """The director's concerns the project's wording speaks to, with the words shared."""
    lens = review.lens_of(director)
    ours = wording(_project_text(review.facts), lens)
    spoken = []
    for concern in director.concerns:
        pairs, weight = shared_words(ours, wording(concern, lens))
        if weight >= CONCERN_MATCH:
            spoken.append((concern, [a for a, _ in pairs]))
    return spoken


def _considered(review: Review) -> list[Director]:
    return [review.director] if review.director else list(review.facts.directors)


def no_strategy_link(review: Review) -> Iterator[Finding]:
    """No strategy named, and no director's concern the project speaks to."""
    if review.facts.project.strategy:
        return
    spoken = [
        (director, concern)
        for director in _considered(review)
        for concern, _ in concerns_spoken_to(review, director)
    ]
    if spoken:
        director, concern = spoken[0]
        yield Finding(
            "no-strategy-link",
            "info",
            review._("The project names no strategic objective or risk."),
            review._("It does speak to a concern of {name}: {concern}.").format(
                name=director.name, concern=concern
            ),
            review._(
                "Add 'strategy:' naming the strategic objective or Board Assurance Framework "
                "risk it serves, so the sponsor can show the board how it fits."
            ),
            review.where("project"),
        )
        return
    yield Finding(
        "no-strategy-link",
        "warning",
        review._(
            "The project is not tied to the organisation's strategy or to a problem senior "
            "managers already worry about."
        ),
        review._("'strategy' is empty and the project's wording meets no director's concerns."),
        review._(
            "Add 'strategy:' with the strategic objective or BAF risk the project serves, and "
            "describe the problem in the terms the board already uses."
        ),
        review.where("project"),
    )


def concerns_unaddressed(review: Review) -> Iterator[Finding]:
    """The chosen director lists concerns, and the project speaks to none of them."""
    director = review.director
    if director is None or not director.concerns or concerns_spoken_to(review, director):
        return
    if concerns_reached(review.facts, director):
        return  # the note names them under "Your concerns it addresses": check agrees
    yield Finding(
        "concerns-unaddressed",
        "info",
        review._("The project does not mention anything {name} is worried about.").format(
            name=director.name
        ),
        review._("{name}'s concerns: {concerns}.").format(
            name=director.name, concerns="; ".join(director.concerns)
        ),
        review._(
            "If the project helps with one of them, say so in the problem, in {name}'s words."
        ).format(name=director.name),
        review.where("project", "problem"),
    )
