"""Planning the approach: the ``rank`` and ``check`` use cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import Heard, Listener, Result, open_facts, with_log
from pitchkit.api.requests import Checked
from pitchkit.i18n.messages import Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.advice.ranking import Ranking


@dataclass(frozen=True)
class RankRequest(Checked):
    """Rank the directors of ``facts`` (or of a directors file) by how well they are served."""

    facts: Path
    directors: Path | None = None
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log
    #: (default: the facts file's ``measures:``): the ranking weighs what it shows.
    measures: Path | None = None
    #: The day of the ranking (default: today).
    today: dt.date | None = None


@dataclass(frozen=True)
class RankResult(Result):
    """The directors, best fit first, and whom to approach first."""

    lang: Language
    ranking: Ranking
    warnings: tuple[Renderable | str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The ranking as ``pitchkit directors --json`` prints it."""
        from pitchkit.advice.ranking import ranking_json

        return ranking_json(self.ranking, self.lang)


def rank(request: RankRequest, listener: Listener | None = None) -> RankResult:
    """Recast the project for every director and rank them."""
    from pitchkit.advice.ranking import rank_directors, team_for

    heard = Heard(listener)
    project = open_facts(
        request.facts,
        request.locale,
        heard,
        default_locale=request.default_locale,
        team=request.directors,
    )
    # The log is read as every note reads it, so the recommendation does not lead with an
    # impact the figures show is not happening (newuser39 #2).
    [project] = with_log([project], request.measures, heard, request.today)
    team = team_for(project.loaded, request.directors, heard.warning, project.lang.lang)
    ranking = rank_directors(team.loaded.facts, project.lang, today=request.today)
    return RankResult(project.lang, ranking, tuple(heard.warnings))


@dataclass(frozen=True)
class CheckRequest(Checked):
    """Check the pitch to ``director`` (default: the meeting's) against the guide's advice."""

    facts: Path
    director: str | None = None
    directors: Path | None = None
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    #: The day of the check (default: today).
    today: dt.date | None = None
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log
    #: (default: the facts file's ``measures:``).
    measures: Path | None = None


@dataclass(frozen=True)
class CheckResult(Result):
    """The guide's findings, most serious first."""

    lang: Language
    findings: tuple[Finding, ...]
    warnings: tuple[Renderable | str, ...] = field(default=())

    @property
    def has_warnings(self) -> bool:
        """Whether any finding is a warning or an error."""
        return any(f.severity in ("warning", "error") for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        """The findings as ``pitchkit check --json`` prints them."""
        return {"findings": [dataclasses.asdict(f) for f in self.findings]}


def check(request: CheckRequest, listener: Listener | None = None) -> CheckResult:
    """Check the facts against the guide's advice on winning an executive sponsor."""
    from pitchkit.advice import check as check_facts
    from pitchkit.advice.ranking import team_for

    heard = Heard(listener)
    project = open_facts(
        request.facts,
        request.locale,
        heard,
        default_locale=request.default_locale,
        team=request.directors,
    )
    [project] = with_log([project], request.measures, heard, request.today)
    team = (
        team_for(project.loaded, request.directors, heard.warning, project.lang.lang)
        if request.directors
        else None
    )
    loaded = team.loaded if team else project.loaded
    findings = check_facts(
        loaded,
        director_id=request.director,
        today=request.today or dt.date.today(),
        lang=project.lang,
    )
    return CheckResult(project.lang, tuple(findings), tuple(heard.warnings))
