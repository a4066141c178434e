"""The guide's advice on winning an executive sponsor, as checks on a facts file.

``check(loaded, director_id=..., today=..., lang=...)`` runs every rule in
:data:`RULES` and returns :class:`Finding` s, most serious first. Each rule
is a plain function of a :class:`Review` that returns findings; each
finding says what was found, the evidence, what to do, and where in the
facts file when it is about a field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from pitchkit import fmt
from pitchkit.align import shared_words, wording
from pitchkit.errors import DirectorsError
from pitchkit.facts import Director, Facts, Impact, LoadedFacts
from pitchkit.i18n import N_, Language
from pitchkit.lenses import GENERAL, Lens, all_lenses, lens_for
from pitchkit.notes import pick_director
from pitchkit.ranking import Place, Ranking, rank_directors, whole_team_needed
from pitchkit.recast import MONEY_UNITS, Pitch
from pitchkit.yamlsource import Loc, dotted

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: A concern counts as spoken to when the project shares this much wording with it.
CONCERN_MATCH = 0.5
#: An ask needs at least this many words beyond "support", "help", "us", "project"...
ASK_CONTENT_WORDS = 2
#: A director this many points above the chosen one fits clearly better.
BETTER_FIT_GAP = 20

_WORD = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"\b(19|20)\d{2}\b")

#: Words that say nothing about what the director is asked to do.
VAGUE_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "to",
        "be",
        "of",
        "for",
        "in",
        "on",
        "with",
        "by",
        "as",
        "at",
        "it",
        "this",
        "that",
        "our",
        "us",
        "we",
        "your",
        "you",
        "me",
        "my",
        "their",
        "them",
        "please",
        "support",
        "supporting",
        "help",
        "helping",
        "back",
        "backing",
        "sponsor",
        "sponsoring",
        "sponsorship",
        "champion",
        "endorse",
        "endorsement",
        "project",
        "projects",
        "work",
        "scheme",
        "initiative",
        "idea",
        "ideas",
        "team",
        "consider",
        "think",
        "about",
        "buy",
        "general",
        "generally",
        "some",
        "any",
        "more",
        "all",
        "get",
        "give",
        "interest",
        "interested",
        "engage",
        "engaged",
        "engagement",
        "involved",
        "involvement",
        "continue",
        "continued",
        "ongoing",
        "approve",
        "approval",
        "agree",
        "agreement",
    ]
)
#: First words that show an ask is a thing wanted, not something to do.
NOT_VERBS = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "more",
        "our",
        "any",
        "your",
        "funding",
        "money",
        "resources",
        "approval",
        "sponsorship",
        "backing",
        "buy-in",
        "investment",
    ]
)
#: Improvement methodology words few directors use; each with a plainer way to say it.
JARGON: dict[str, str] = {
    "PDSA": N_("small, quick tests on the ward"),
    "plan-do-study-act": N_("small, quick tests on the ward"),
    "driver diagram": N_("the plan for what will make the difference"),
    "QI methodology": N_("a tested way of improving care"),
    "QI methods": N_("a tested way of improving care"),
    "model for improvement": N_("a tested way of improving care"),
    "improvement science": N_("a tested way of improving care"),
    "tests of change": N_("small trials of the new way of working"),
    "test of change": N_("a small trial of the new way of working"),
    "change ideas": N_("the changes we will try"),
    "change package": N_("the set of changes"),
    "process mapping": N_("working out where time is lost"),
    "fishbone": N_("the causes we found"),
    "kaizen": N_("continuous improvement"),
    "six sigma": N_("reducing errors and variation"),
    "value stream": N_("the patient's journey"),
    "breakthrough series": N_("a programme of teams learning together"),
}
LANGUAGE_NAMES = {"en": N_("English"), "cy": N_("Welsh")}


@dataclass(frozen=True)
class Finding:
    """One piece of the guide's advice that applies to this facts file."""

    rule: str
    severity: Severity
    message: str
    evidence: str
    fix: str
    where: str | None = None


@dataclass(frozen=True)
class Review:
    """What the rules look at: the facts, the chosen director and the ranking."""

    loaded: LoadedFacts
    director: Director | None
    ranking: Ranking | None
    today: dt.date
    lang: Language
    unusable: tuple[tuple[int, str], ...] = ()  # directors left out of the ranking, and why

    @property
    def facts(self) -> Facts:
        """The validated facts."""
        return self.loaded.facts

    @property
    def place(self) -> Place | None:
        """The chosen director's place in the ranking."""
        if self.director is None or self.ranking is None:
            return None
        return self.ranking.place(self.director.id)

    @property
    def pitch(self) -> Pitch | None:
        """The project recast for the chosen director."""
        place = self.place
        return place.pitch if place else None

    def where(self, *loc: str | int) -> str:
        """``file:line:col`` of a field of the facts file."""
        return self.loaded.source.where(loc)

    def _(self, message: str) -> str:
        return self.lang.gettext(message)


Rule = Callable[[Review], Iterator[Finding]]


def check(
    loaded: LoadedFacts, *, director_id: str | None = None, today: dt.date, lang: Language
) -> list[Finding]:
    """Check the facts against the guide's advice, most serious findings first.

    ``director_id`` chooses the director the pitch is for (default: the
    meeting's director, or the only director). Raises
    :class:`~pitchkit.errors.DirectorsError` for an unknown id.
    """
    facts = loaded.facts
    ranking, unusable = usable_ranking(facts)
    review = Review(
        loaded=loaded,
        director=chosen_director(facts, director_id, source=str(loaded.path)),
        ranking=ranking,
        today=today,
        lang=lang,
        unusable=unusable,
    )
    findings = [finding for rule in RULES for finding in rule(review)]
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity))


def usable_ranking(facts: Facts) -> tuple[Ranking | None, tuple[tuple[int, str], ...]]:
    """Rank the directors whose lens is known; list the others by index with the problem."""
    usable: list[Director] = []
    unusable: list[tuple[int, str]] = []
    for index, director in enumerate(facts.directors):
        try:
            lens_for(director)
        except DirectorsError as error:
            unusable.append((index, str(error)))
        else:
            usable.append(director)
    if not usable:
        return None, tuple(unusable)
    return rank_directors(facts.model_copy(update={"directors": usable})), tuple(unusable)


def chosen_director(facts: Facts, director_id: str | None, *, source: str) -> Director | None:
    """The director asked for, the meeting's, the only one, or none."""
    if director_id is not None:
        return pick_director(facts, director_id, source=source)
    meeting = facts.meeting.director if facts.meeting else None
    if meeting and facts.director(meeting):
        return facts.director(meeting)
    return facts.directors[0] if len(facts.directors) == 1 else None


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(_WORD.findall(text))


def _who(director: Director) -> str:
    return f"{director.name} ({director.role})"


# --------------------------------------------------------------------------
# Impact, not change


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
    unit = impact.unit.strip().lower()
    return impact.per is not None and unit != "%" and unit not in MONEY_UNITS


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
                    index=index, id=impact.id, unit=impact.unit
                ),
                review._(
                    "If each of these has a cost, add 'value: {amount: ..., source: ...}' "
                    "with a dated unit cost: the note will say what the change is worth, which "
                    "every director, not only Finance, weighs."
                ),
                review.where("impacts", index),
            )


# --------------------------------------------------------------------------
# Their objectives


def _impact_index(review: Review, impact: Impact) -> int:
    return next(n for n, i in enumerate(review.facts.impacts) if i.id == impact.id)


def impact_unlinked(review: Review) -> Iterator[Finding]:
    """An impact serves none of the chosen director's objectives."""
    pitch, director = review.pitch, review.director
    if pitch is None or director is None or not pitch.statements:
        return
    for impact in pitch.unlinked_impacts:
        index = _impact_index(review, impact)
        yield Finding(
            "impact-unlinked",
            "warning",
            review._("The impact '{measure}' serves none of {name}'s objectives.").format(
                measure=impact.measure, name=director.name
            ),
            review._("No objective of {who} shares its words or themes.").format(
                who=_who(director)
            ),
            review._(
                "If it does serve one, say so with 'supports: [{id}.OBJECTIVE]' or add "
                "'themes:'; if not, keep it for another director and lead with the impacts "
                "that matter to {name}."
            ).format(id=director.id, name=director.name),
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


def director_unaligned(review: Review) -> Iterator[Finding]:
    """The project serves none of the chosen director's objectives."""
    pitch, director = review.pitch, review.director
    if pitch is None or director is None or pitch.statements:
        return
    better = _better_fit(review)
    if better is not None:
        fix = review._(
            "{who} fits better (alignment {score}/100): consider approaching them first. "
            "If the project does serve {name}, link an impact with 'supports: [{id}.OBJECTIVE]'."
        ).format(
            who=_who(better.director), score=better.pitch.score, name=director.name, id=director.id
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
    place, ranking = review.place, review.ranking
    if place is None or ranking is None or not place.aligned:
        return
    first = ranking.places[0]
    if first is place or first.pitch.score - place.pitch.score < BETTER_FIT_GAP:
        return
    yield Finding(
        "better-fit",
        "info",
        review._("{name} fits the project better than {chosen}.").format(
            name=first.director.name, chosen=place.director.name
        ),
        review._("Alignment {theirs}/100 for {who} against {ours}/100.").format(
            theirs=first.pitch.score, who=_who(first.director), ours=place.pitch.score
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
        review._("The pitch does not say how it helps {name}'s own objectives.").format(
            name=director.name
        ),
        evidence,
        review._(
            "Find out what {name} wants to achieve this year (kind: personal) and say how "
            "championing the project helps: support lasts when it serves their own goals too."
        ).format(name=director.name),
        None,
    )


# --------------------------------------------------------------------------
# Strategy and concerns


def _project_text(facts: Facts) -> str:
    parts = [facts.project.problem, facts.project.change, *(i.measure for i in facts.impacts)]
    return " ".join(parts)


def _lens(review: Review, director: Director) -> Lens:
    place = review.ranking.place(director.id) if review.ranking else None
    if place is not None:
        return place.pitch.lens.lens
    return all_lenses()[GENERAL]  # the director's own lens is unknown: see unknown_lens


def concerns_spoken_to(review: Review, director: Director) -> list[tuple[str, list[str]]]:
    """The director's concerns the project's wording speaks to, with the words shared."""
    lens = _lens(review, director)
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


# --------------------------------------------------------------------------
# Asking


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
        gains = _lens(review, review.director).gains
        ideas = "; ".join(review._(gain) for gain in gains)
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


# --------------------------------------------------------------------------
# Their language


def _texts(facts: Facts) -> Iterator[tuple[Loc, str]]:
    """The project's own words that reach a director, with where each is."""
    yield ("project", "problem"), facts.project.problem
    yield ("project", "change"), facts.project.change
    for field in ("asks", "advice", "offer"):
        for index, text in enumerate(getattr(facts, field)):
            yield (field, index), text
    for index, impact in enumerate(facts.impacts):
        yield ("impacts", index, "measure"), impact.measure


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(phrase.strip())}(?![\w-])", re.IGNORECASE)


def _uses(text: str, phrase: str, theirs: str = "") -> bool:
    """Whether ``text`` uses ``phrase`` other than inside the director's own ``theirs``."""
    if theirs:
        text = _phrase_pattern(theirs).sub(" ", text)
    return bool(_phrase_pattern(phrase).search(text))


def director_terms(review: Review) -> Iterator[Finding]:
    """The project uses words the director's ``terms`` replace with their own."""
    director = review.director
    if director is None:
        return
    for ours, theirs in director.terms.items():
        if not ours.strip():
            continue
        found = [loc for loc, text in _texts(review.facts) if _uses(text, ours, theirs)]
        if found:
            yield Finding(
                "director-terms",
                "warning",
                review._("{name} says '{theirs}' where the project says '{ours}'.").format(
                    name=director.name, theirs=theirs, ours=ours
                ),
                review._("'{ours}' appears in {fields}.").format(
                    ours=ours, fields=", ".join(dotted(loc) for loc in found)
                ),
                review._(
                    "Write '{theirs}' in those places, or leave it: the note uses {name}'s "
                    "word in the measures, but your other text is shown as you wrote it."
                ).format(theirs=theirs, name=director.name),
                review.where(*found[0]),
            )


def jargon(review: Review) -> Iterator[Finding]:
    """Improvement-method words in text aimed at a director."""
    for term, plainer in JARGON.items():
        found = [loc for loc, text in _texts(review.facts) if _uses(text, term)]
        if found:
            yield Finding(
                "jargon",
                "warning",
                review._("'{term}' is improvement jargon most directors do not use.").format(
                    term=term
                ),
                review._("'{term}' appears in {fields}.").format(
                    term=term, fields=", ".join(dotted(loc) for loc in found)
                ),
                review._(
                    "Say what it means for them instead, such as '{plainer}', and keep the "
                    "method for the project team."
                ).format(plainer=review._(plainer)),
                review.where(*found[0]),
            )


# --------------------------------------------------------------------------
# Timing


def approach_late(review: Review) -> Iterator[Finding]:
    """The sponsor is approached after the project has started."""
    project, meeting = review.facts.project, review.facts.meeting
    if project.start is None:
        return
    when = meeting.date if meeting and meeting.date else None
    if when is not None and when > project.start:
        evidence = review._("The meeting ({meeting}) is after the project starts ({start}).")
        where: str | None = review.where("meeting", "date")
    elif when is None and review.today > project.start:
        evidence = review._("The project started on {start} and no meeting date is set.")
        where = None
    else:
        return
    yield Finding(
        "approach-late",
        "warning",
        review._("The sponsor is approached after the project has started."),
        evidence.format(
            meeting=fmt.date(when, review.lang) if when else "",
            start=fmt.date(project.start, review.lang),
        ),
        review._(
            "Meet as early as you can, as soon as you can explain the benefits and the fit "
            "with their agenda: a sponsor who joins early can shape the work."
        ),
        where,
    )


def meeting_passed(review: Review) -> Iterator[Finding]:
    """The meeting date is in the past."""
    meeting = review.facts.meeting
    if meeting is None or meeting.date is None or meeting.date >= review.today:
        return
    yield Finding(
        "meeting-passed",
        "info",
        review._("The meeting date has passed."),
        review._("meeting.date is {date}.").format(date=fmt.date(meeting.date, review.lang)),
        review._(
            "If you are preparing for another meeting, update 'meeting:'; if the sponsor has "
            "agreed, keep them informed with 'pitchkit update'."
        ),
        review.where("meeting", "date"),
    )


def project_over(review: Review) -> Iterator[Finding]:
    """The project has already ended."""
    end = review.facts.project.end
    if end is None or review.today <= end:
        return
    yield Finding(
        "project-over",
        "warning",
        review._("The project is over."),
        review._("It ended on {end}.").format(end=fmt.date(end, review.lang)),
        review._(
            "A pitch now comes too late: report the results with 'pitchkit update', and ask "
            "the sponsor to help spread or sustain the change instead."
        ),
        review.where("project", "end"),
    )


# --------------------------------------------------------------------------
# The whole team and keeping them informed


def whole_team(review: Review) -> Iterator[Finding]:
    """A large grant with only one director engaged."""
    facts = review.facts
    if not whole_team_needed(facts) or facts.project.funding is None:
        return
    money = fmt.money(facts.project.funding.amount, review.lang)
    count = len(facts.directors)
    if count <= 1:
        yield Finding(
            "whole-team",
            "warning",
            review._("A grant of {money} needs the whole executive team behind it.").format(
                money=money
            ),
            review.lang.ngettext(
                "Only {count} director is listed.", "Only {count} directors are listed.", count
            ).format(count=count),
            review._(
                "Add the other executive directors under 'directors:' (or --directors FILE) "
                "and plan how each will hear about the project: 'pitchkit directors' suggests "
                "an order."
            ),
            review.where("project", "funding", "amount"),
        )
        return
    order = [p.director.name for p in review.ranking.places] if review.ranking else []
    yield Finding(
        "whole-team",
        "info",
        review._("With {money} at stake, plan to engage the whole executive team.").format(
            money=money
        ),
        review.lang.ngettext(
            "{count} director is listed.", "{count} directors are listed.", count
        ).format(count=count),
        review._("Brief each of them, in this order: {order}.").format(
            order=fmt.join_list(order, review.lang)
        ),
        review.where("project", "funding", "amount"),
    )


def no_keep_informed(review: Review) -> Iterator[Finding]:
    """No plan to keep the sponsor informed."""
    facts = review.facts
    if facts.updates or facts.settings.cadence:
        return
    yield Finding(
        "no-keep-informed",
        "warning",
        review._("There is no plan to keep the sponsor informed."),
        review._("There is no 'updates' log and no 'settings: cadence'."),
        review._(
            "Add 'settings: {cadence: month}' (or quarter) and log each period under "
            "'updates:'; 'pitchkit update' turns it into a one-page report the sponsor can "
            "take to the board."
        ),
        None,
    )


# --------------------------------------------------------------------------
# Figures and languages


def unit_cost_without_source(review: Review) -> Iterator[Finding]:
    """A money value with no source, or a source with no year."""
    for index, impact in enumerate(review.facts.impacts):
        value = impact.value
        if value is None:
            continue
        if not value.source:
            evidence = review._("impacts[{index}].value has no 'source'.")
        elif not _YEAR.search(value.source):
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


def untranslated(review: Review) -> Iterator[Finding]:
    """Bilingual text with no version in the document's language."""
    language = review._(LANGUAGE_NAMES.get(review.lang.lang, review.lang.lang))
    for loc in review.loaded.untranslated:
        yield Finding(
            "untranslated",
            "warning",
            review._("Some text has no {language} version.").format(language=language),
            review._("{field} is written in another language only.").format(field=dotted(loc)),
            review._(
                "Add '{code}:' beside the other language's text; until then the document "
                "shows the other language there."
            ).format(code=review.lang.lang),
            review.where(*loc),
        )


def unknown_lens(review: Review) -> Iterator[Finding]:
    """A director names a lens pitchkit does not know, so they cannot be ranked."""
    for index, problem in review.unusable:
        yield Finding(
            "unknown-lens",
            "error",
            review._("A director cannot be ranked: their lens is unknown."),
            problem,
            review._("Correct 'lens:' as suggested, or leave it out to match the role."),
            review.where("directors", index, "lens"),
        )


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


RULES: tuple[Rule, ...] = (
    no_directors,
    unknown_lens,
    director_unaligned,
    better_fit,
    impact_unlinked,
    no_personal_objective,
    change_over_impact,
    impact_without_source,
    impact_without_value,
    unit_cost_without_source,
    no_strategy_link,
    concerns_unaddressed,
    no_concrete_ask,
    no_advice_sought,
    no_sponsor_gain,
    director_terms,
    jargon,
    approach_late,
    meeting_passed,
    project_over,
    whole_team,
    no_keep_informed,
    untranslated,
)
