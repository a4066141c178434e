"""What every advice rule works with: the facts under review and the findings it makes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from pitchkit.advice.ranking import Place, Ranking
from pitchkit.facts.schema import Director, Facts, LoadedFacts
from pitchkit.i18n.translation import Language
from pitchkit.recast.lenses import GENERAL, Lens, all_lenses
from pitchkit.recast.pitch import Pitch

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


@dataclass(frozen=True)
class Review:
    """What the rules look at: the facts, the chosen director and the ranking."""

    loaded: LoadedFacts
    director: Director | None
    ranking: Ranking | None
    today: dt.date
    lang: Language

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

    def lens_of(self, director: Director) -> Lens:
        """The lens a director is ranked through (general when there is no ranking)."""
        place = self.ranking.place(director.id) if self.ranking else None
        if place is not None:
            return place.pitch.lens.lens
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
