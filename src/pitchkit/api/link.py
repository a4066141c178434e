"""Confirming links: the ``link`` use case (``pitchkit link``).

pitchkit proposes every link the lead has not yet decided on; the lead
accepts a link (it goes into the impact's ``supports``) or rules it out
(``excludes``). The answers come from the request (``--accept``,
``--reject``, ``--all-confident``) or, one by one, from an ``ask``
function the caller supplies; the facts file is rewritten once, at the
end, with its comments kept, and only when there is something to write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pitchkit.api.base import Heard, Listener, Result, open_facts, with_team
from pitchkit.api.requests import Checked
from pitchkit.i18n.messages import Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
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
    own = {d.id: {o.id for o in d.objectives} for d in project.facts.directors}
    own_list = str(project.loaded.source.where(("directors",)))
    [project] = with_team([project], request.directors, heard)
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
    if request.directors is not None and own:
        refuse_outside_own_team(decisions, own, own_list, request.directors)
    if decisions:
        text = decided_text(loaded.path, decisions)
        write_atomic(loaded.path, text.encode("utf-8"), force=True)
    return LinkResult(
        lang,
        loaded.path,
        len(proposed),
        tuple(decisions),
        bool(decisions),
        tuple(heard.warnings),
        already=tuple(already),
        moved=tuple(moved),
    )


def refuse_outside_own_team(
    decisions: list[Decision], own: dict[str, set[str]], where: str, team: Path
) -> None:
    """Refuse a link to a team file's objective that the facts file's own team does not have.

    A facts file that lists its own ``directors:`` (at ``where``) is checked
    against them whenever it is read, so such a link would leave a file no
    command could read without the team file: say so, and the two ways out,
    before anything is written.
    """
    from pitchkit.errors import InputError
    from pitchkit.i18n.messages import Located, Message

    for made in decisions:
        director_id, _, objective_id = made.ref.partition(".")
        listed = own.get(director_id)
        if listed is None or (listed and objective_id not in listed):
            message = Message(
                "'{ref}' is an objective in {team}, but the facts file lists its own "
                "directors here, and theirs do not include it: take this 'directors:' list out "
                "so the team comes from {team} alone, or add the objective to it",
                ref=made.ref,
                team=str(team),
            )
            raise InputError(Located(where, message))
