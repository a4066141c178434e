"""What every advice rule works with: the facts under review and the findings it makes."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from pitchkit.facts.schema import Director, Facts, LoadedFacts
from pitchkit.i18n.translation import Language
from pitchkit.recast.english import english_director
from pitchkit.recast.lenses import GENERAL, Lens, all_lenses, lens_for
from pitchkit.recast.pitch import Pitch

if TYPE_CHECKING:
    # Only the rules that rank the team load the ranking (it recasts every director).
    from pitchkit.advice.ranking import Place, Ranking

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Finding:
    """One piece of the guide's advice that applies to this facts file."""

    rule: str
    severity: Severity
    message: str
    evidence: str
    fix: str
    where: str | None = None


@dataclass
class Review:
    """What the rules look at: the facts, the chosen director and the ranking.

    The ranking recasts the project for every director, so it is worked out
    only when a rule first asks for it (:attr:`ranking`). The chosen
    director's pitch, when ``known`` holds it (a note just written passes
    its own), and every director's lens need no ranking.
    """

    loaded: LoadedFacts
    director: Director | None
    rank: Callable[[], Ranking | None] = field(repr=False, compare=False)
    today: dt.date
    lang: Language
    #: Pitches already recast from these facts, by director id.
    known: Mapping[str, Pitch] = field(default_factory=dict, repr=False, compare=False)
    #: Whether the guide's notes (findings of severity ``info``) are wanted: without,
    #: rules whose only use of the ranking is a note leave it alone.
    notes: bool = True

    @functools.cached_property
    def ranking(self) -> Ranking | None:
        """Every director ranked (``None`` when the facts list none), worked out once."""
        return self.rank()

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
        if self.director is not None and self.facts.directors:
            known = self.known.get(self.director.id)
            if known is not None:  # the pitch the ranking would place (ids differ by case)
                return known
        place = self.place
        return place.pitch if place else None

    def where(self, *loc: str | int) -> str:
        """``file:line:col`` of a field of the facts file, or of a director's team-sheet row.

        A director read from a team sheet (``--directors team.xlsx``) is named by
        its file, row and column (``team.xlsx:row 10: column role``), never by
        the facts file they are not in (newuser28 #11).
        """
        if loc[:1] == ("directors",) and len(loc) >= 2 and self.facts.team_rows:
            # Only then: the team-sheet reader is no part of a plain brief.
            from pitchkit.facts.directors import sheet_place
            from pitchkit.i18n.messages import render

            place = sheet_place(self.facts, loc)
            if place is not None:
                return render(place, self.lang)
        return self.loaded.source.where(loc)

    def _(self, message: str) -> str:
        return self.lang.gettext(message)

    def pitch_of(self, director: Director) -> Pitch | None:
        """The project recast for ``director``: the chosen one's without ranking, else ranked."""
        if director is self.director:
            return self.pitch
        place = self.ranking.place(director.id) if self.ranking else None
        return place.pitch if place is not None else None

    def lens_of(self, director: Director) -> Lens:
        """The lens a director is ranked through (general when there is no ranking).

        The lens the director's pitch is recast through (chosen as
        :func:`pitchkit.recast.pitch.weigh` chooses it), worked out without
        recasting: ranking would recast every director.
        """
        facts = self.facts
        if facts.directors:
            if director is self.director and self.pitch is not None:
                return self.pitch.lens.lens
            wanted = director.id.casefold()
            listed = next((d for d in facts.directors if d.id.casefold() == wanted), None)
            if listed is not None:
                return lens_for(english_director(listed, facts.english)).lens
        return all_lenses()[GENERAL]


Rule = Callable[[Review], Iterator[Finding]]


def word_list(text: str) -> list[str]:
    """The words of ``text``, split on white space."""
    return text.split()


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(_WORD.findall(text))


def who(director: Director) -> str:
    """``Name (Role)``, as findings name a director."""
    return f"{director.name} ({director.role})"
