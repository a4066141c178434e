"""Showing a note before writing it: the ``preview`` use case (``pitchkit preview``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pitchkit.api.base import (
    Heard,
    Listener,
    Result,
    open_facts,
    template_warnings,
    with_log,
    with_team,
)
from pitchkit.api.requests import Checked
from pitchkit.errors import InputError
from pitchkit.i18n.messages import Message, Renderable
from pitchkit.i18n.translation import Language

if TYPE_CHECKING:
    from pitchkit.advice import Finding
    from pitchkit.notes.fit import Cut
    from pitchkit.notes.preview import Block, Preview


@dataclass(frozen=True)
class PreviewRequest(Checked):
    """The note for ``director`` (default: the meeting's), filled in memory and read back."""

    facts: Path
    director: str | None = None
    directors: Path | None = None
    #: ``brief`` or ``update``.
    kind: str = "brief"
    #: For an update: ``2027-03``, ``2027-Q1`` or ``2027`` (default: the latest logged).
    period: str | None = None
    template: Path | None = None
    locale: str | None = None
    #: The user's own language setting, for a facts file that names none.
    default_locale: str | None = None
    #: The day of the preview (default: today).
    today: dt.date | None = None
    #: A spreadsheet (.csv or .xlsx) of figures merged with the progress log
    #: (default: the facts file's ``measures:``).
    measures: Path | None = None


@dataclass(frozen=True)
class PreviewResult(Result):
    """The note's text as it will read, what was cut to fit, and the guide's findings."""

    lang: Language
    kind: str
    director: str
    director_name: str
    director_role: str
    #: The note's paragraphs and tables in reading order, header and footer included.
    blocks: tuple[Block, ...]
    cuts: tuple[Cut, ...]
    findings: tuple[Finding, ...]
    #: What to know about the note itself (an update to fill in, for one).
    notes: tuple[str, ...] = ()
    warnings: tuple[Renderable | str, ...] = field(default=())

    @property
    def preview(self) -> Preview:
        """The note as :mod:`pitchkit.notes.preview` shows it (``detail`` off)."""
        from pitchkit.notes.preview import Preview

        return Preview(self.kind, self.blocks, self.cuts, self.findings, self.notes)

    def to_json(self) -> dict[str, Any]:
        """The result as ``pitchkit preview --json`` prints it (docs/json.md)."""
        from pitchkit.api.json_output import preview_json

        return preview_json(self)


def preview(request: PreviewRequest, listener: Listener | None = None) -> PreviewResult:
    """Fill the note in memory and read it back, with the guide's checks; write nothing."""
    from pitchkit.facts.project import pick_director
    from pitchkit.notes.brief import KINDS
    from pitchkit.notes.preview import make_preview

    if request.kind not in KINDS:
        raise InputError(Message("--kind {kind}: choose brief or update", kind=request.kind))
    heard = Heard(listener)
    project = open_facts(
        request.facts,
        request.locale,
        heard,
        default_locale=request.default_locale,
        team=request.directors,
    )
    [project] = with_team([project], request.directors, heard)
    [project] = with_log([project], request.measures, heard, request.today)
    chosen = pick_director(project.facts, request.director, source=str(request.facts))
    for line in template_warnings(request.template, kind=request.kind):
        heard.warning(line)
    shown = make_preview(
        project,
        chosen,
        kind=request.kind,
        period=request.period,
        template=request.template,
        today=request.today,
    )
    return PreviewResult(
        project.lang,
        shown.kind,
        chosen.id,
        chosen.name,
        chosen.role,
        shown.blocks,
        shown.cuts,
        shown.findings,
        shown.notes,
        tuple(heard.warnings),
    )
