"""Confirming links: the ``link`` use case (``pitchkit link``).

pitchkit proposes every link the lead has not yet decided on; the lead
accepts a link (it goes into the impact's ``supports``) or rules it out
(``excludes``). The answers come from the request (``--accept``,
``--reject``, ``--all-confident``) or, one by one, from an ``ask``
function the caller supplies; the facts file is rewritten once, at the
end, with its comments kept, and only when there is something to write.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pitchkit.api.base import Heard, Listener, Result, open_facts, team_ids
from pitchkit.api.requests import Checked
from pitchkit.i18n.messages import Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.facts.project import Project
    from pitchkit.init.linkedit import Candidate, Decision

#: An answer about one proposed link: yes (supports), no (excludes), skip, or stop asking.
Answer = Literal["y", "n", "s", "q"]
#: Asks the lead about one proposed link, in the facts' language.
Ask = Callable[["Candidate", Language], Answer]


@dataclass(frozen=True)
class LinkRequest(Checked):
    """Decide on the links pitchkit proposes for ``facts`` and write the answers back.

    ``accept`` and ``reject`` name links as ``IMPACT:DIRECTOR.OBJECTIVE``;
    ``all_confident`` accepts every confident link not otherwise decided.
    With none of these, each proposed link is put to the ``ask`` function.
    """

    facts: Path
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    all_confident: bool = False
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    #: The executive team from a file (.yaml, .csv or .xlsx) instead of the facts file's.
    directors: Path | None = None

    def __post_init__(self) -> None:
        """Check the fields, then read each item of ``accept`` and ``reject`` as a comma list.

        ``--accept x:a,y:b`` names two links, as ``--only dof,coo`` names two
        directors (newuser26 #6); each is then checked on its own, so a wrong
        one is named alone.
        """
        super().__post_init__()
        for name in ("accept", "reject"):
            given: tuple[str, ...] = getattr(self, name)
            items = tuple(
                part.strip() for item in given for part in item.split(",") if part.strip()
            )
            if items != given:
                object.__setattr__(self, name, items)

    @property
    def answered(self) -> bool:
        """Whether the request itself carries the answers (no questions are asked)."""
        return bool(self.accept or self.reject or self.all_confident)


@dataclass(frozen=True)
class LinkResult(Result):
    """How many links were proposed, the lead's decisions, and whether the file was written."""

    lang: Language
    path: Path
    proposed: int
    decisions: tuple[Decision, ...]
    written: bool
    warnings: tuple[Renderable | str, ...] = field(default=())
    #: Answers that change nothing: the link is already in that list.
    already: tuple[Decision, ...] = field(default=())
    #: Answers among ``decisions`` that move a link from one list to the other.
    moved: tuple[Decision, ...] = field(default=())
    #: Links naming no objective of the ``--directors`` team, taken out of the file
    #: (``IMPACT:DIRECTOR.OBJECTIVE``).
    dropped: tuple[str, ...] = field(default=())
    #: Links that name one objective of the team in another case or with other
    #: separators, corrected in the file: (``IMPACT:AS.WRITTEN``, ``DIRECTOR.OBJECTIVE``).
    corrected: tuple[tuple[str, str], ...] = field(default=())

    @property
    def accepted(self) -> int:
        """How many links went into ``supports``."""
        return sum(d.accept for d in self.decisions)

    @property
    def rejected(self) -> int:
        """How many links went into ``excludes``."""
        return len(self.decisions) - self.accepted


def decide_links(
    request: LinkRequest, listener: Listener | None = None, *, ask: Ask | None = None
) -> LinkResult:
    """Propose the undecided links, take the lead's answers and write them into the facts.

    Every ``--accept``/``--reject`` is read before anything is written, so a
    mistyped one (an :class:`~pitchkit.errors.InputError` naming the nearest
    impact or objective) leaves the file as it was; so does an ``ask`` that
    raises (the lead stopped the questions).
    """
    from pitchkit.facts.textlayout import read_for_rewrite
    from pitchkit.init.linkedit import Decision, candidates, decided_text, decision
    from pitchkit.output.files import write_atomic

    heard = Heard(listener)
    project = open_facts(
        request.facts,
        request.locale,
        heard,
        default_locale=request.default_locale,
        team=request.directors,
    )
    stale: tuple[Stale, ...] = ()
    fixed: tuple[Fixed, ...] = ()
    if request.directors is not None:
        project, stale, fixed = team_for_link(project, request.directors, heard)
    lang, loaded = project.lang, project.loaded
    proposed = candidates(loaded.facts)
    decisions: list[Decision] = []
    if request.answered:
        decisions += [decision(text, loaded.facts, accept=True) for text in request.accept]
        decisions += [decision(text, loaded.facts, accept=False) for text in request.reject]
        if request.all_confident:
            decided = {(d.impact, d.ref.casefold()) for d in decisions}
            decisions += [
                Decision(c.impact.id, c.ref, True)
                for c in proposed
                if c.link.confidence == "confident"
                and (c.impact.id, c.ref.casefold()) not in decided
            ]
    elif ask is not None:
        for candidate in proposed:
            answer = ask(candidate, lang)
            if answer == "q":
                break
            if answer in ("y", "n"):
                decisions.append(Decision(candidate.impact.id, candidate.ref, answer == "y"))
    already, moved = [], []
    impacts = {impact.id.casefold(): impact for impact in loaded.facts.impacts}
    for made in decisions:
        impact = impacts.get(made.impact.casefold())
        if impact is None:
            continue
        supports = {ref.casefold() for ref in impact.supports}
        excludes = {ref.casefold() for ref in impact.excludes}
        same, other = (supports, excludes) if made.accept else (excludes, supports)
        if made.ref.casefold() in same:
            already.append(made)
        elif made.ref.casefold() in other:
            moved.append(made)
    decisions = [made for made in decisions if made not in already]
    if decisions or stale or fixed:
        team = team_ids(request.directors)
        text = decided_text(loaded.path, decisions, drop=stale, fix=fixed, team=team)
        # Written back as the file was saved (CRLF, a byte-order mark): only changed lines differ.
        layout = read_for_rewrite(loaded.path)[1]
        write_atomic(loaded.path, layout.encode(text), force=True)
    return LinkResult(
        lang,
        loaded.path,
        len(proposed),
        tuple(decisions),
        bool(decisions or stale or fixed),
        tuple(heard.warnings),
        already=tuple(already),
        moved=tuple(moved),
        dropped=tuple(f"{impact}:{ref}" for impact, _key, ref in stale),
        corrected=tuple((f"{impact}:{ref}", to) for impact, _key, ref, to in fixed),
    )


#: A link naming no objective of the team file: its impact's id, ``supports`` or
#: ``excludes``, and the link as written.
Stale = tuple[str, str, str]
#: Such a link that names exactly one objective but for its case or separators: a
#: :data:`Stale` and the objective's id as the team writes it.
Fixed = tuple[str, str, str, str]


def same_spelling(link: str) -> str:
    """``link`` with its case and separators set aside.

    ``dof.Cost_Improvement`` reads ``dof.cost-improvement``: two ids that read
    the same this way are the same words typed differently.
    """
    return re.sub(r"[\s_-]+", "-", link.strip().casefold())


def only_match(link: str, known: Collection[str]) -> str | None:
    """The one objective id in ``known`` that ``link`` names but for case and separators."""
    found = {full for full in known if same_spelling(full) == same_spelling(link)}
    return found.pop() if len(found) == 1 else None


def team_for_link(
    project: Project, team: Path, listener: Listener
) -> tuple[Project, tuple[Stale, ...], tuple[Fixed, ...]]:
    """``project`` with the team file's directors, and the links that name none of theirs.

    Every other command stops at such a link (the team file renamed or
    dropped the objective), and so would ``link`` if it were not the tool to
    fix it with: each is a warning at its line, left out of the links
    proposed, and taken out of the file when ``link`` writes it, so the lead
    can accept the objective meant in its place. A link that names exactly
    one objective but for its case or separators (``dof.Cost-Improvement``
    for ``dof.cost-improvement``) is the lead's confirmed link typed another
    way: it is corrected in place instead, and the warning says so.
    """
    from pitchkit.facts import directors
    from pitchkit.facts.project import Project
    from pitchkit.facts.schema import audience_problems, facts_error
    from pitchkit.facts.validation import meeting_problems
    from pitchkit.facts.yamlsource import dotted
    from pitchkit.i18n.messages import Located, Message

    found = directors.load_directors(team)
    for line in (*found.warnings, *found.problems):
        listener.warning(line)
    found.raise_if_none()
    loaded = project.loaded
    team_directors = directors.as_linked(loaded, found.team(project.lang.lang), found.former_ids)
    data = loaded.source.data
    if isinstance(data, dict):
        others = audience_problems(data, [d.id for d in team_directors])
        own = [*(d.id for d in loaded.facts.directors), *found.left_out]
        others += meeting_problems(data, [*(d.id for d in team_directors), *own])
        if others:
            raise facts_error(loaded.source, others)
    known = {
        f"{director.id}.{objective.id}"
        for director in (*loaded.facts.directors, *team_directors)
        for objective in director.objectives
    }
    stale: list[Stale] = []
    fixed: list[Fixed] = []
    for problem in directors.team_link_problems(loaded, team_directors):
        index, key, number = int(problem.loc[1]), str(problem.loc[2]), int(problem.loc[3])
        written = data["impacts"][index][key]
        ref = str(written[number] if isinstance(written, list) else written).strip()
        impact_id = loaded.facts.impacts[index].id
        meant = only_match(ref, known)
        if meant is not None:
            fixed.append((impact_id, key, ref, meant))
            told = Message(
                "{problem} ('pitchkit link' corrects it to '{link}' when it writes)",
                problem=problem.message,
                link=meant,
            )
        else:
            stale.append((impact_id, key, ref))
            told = Message(
                "{problem} ('pitchkit link' leaves it out, and takes it out of the file "
                "when it writes)",
                problem=problem.message,
            )
        listener.warning(
            Located(f"{loaded.source.position(problem.loc)}: {dotted(problem.loc)}", told)
        )
    gone = {(impact, key, ref) for impact, key, ref in stale}
    mended = {(impact, key, ref): to for impact, key, ref, to in fixed}

    def kept(impact_id: str, key: str, refs: list[str]) -> list[str]:
        found: list[str] = []
        for ref in refs:
            if (impact_id, key, ref.strip()) in gone:
                continue
            ref = mended.get((impact_id, key, ref.strip()), ref)
            if ref.strip().casefold() not in {r.strip().casefold() for r in found}:
                found.append(ref)
        return found

    impacts = [
        impact.model_copy(
            update={
                "supports": kept(impact.id, "supports", impact.supports),
                "excludes": kept(impact.id, "excludes", impact.excludes),
            }
        )
        for impact in loaded.facts.impacts
    ]
    facts = directors.with_directors(
        loaded.facts.model_copy(update={"impacts": impacts}), team_directors
    )
    facts = directors.with_team_texts(facts, found, project.lang.lang)
    return Project(replace(loaded, facts=facts), project.lang), tuple(stale), tuple(fixed)
