"""Make a document for one director: load, recast, word, render.

These are the core functions the CLI commands call. Each takes plain
keyword arguments and returns values or raises a ``PitchkitError``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pitchkit.errors import TemplateError
from pitchkit.facts.project import Project
from pitchkit.facts.schema import Director, Facts
from pitchkit.i18n.messages import Message
from pitchkit.i18n.translation import Language
from pitchkit.notes.context import Context, brief_context
from pitchkit.notes.fit import Cut, fit_brief
from pitchkit.output.files import safe_stem
from pitchkit.recast.localise import localise_pitch
from pitchkit.recast.pitch import Pitch, recast
from pitchkit.word.render import Properties, render

KINDS = ("brief", "update")


def builtin_template(kind: str) -> bytes:
    """The bytes of a built-in template (``brief`` or ``update``)."""
    if kind not in KINDS:
        raise TemplateError(
            Message(
                "unknown template kind '{kind}': use one of {kinds}",
                kind=kind,
                kinds=", ".join(KINDS),
            )
        )
    return (resources.files("pitchkit.word") / "templates" / f"{kind}.docx").read_bytes()


def default_file_name(facts: Facts, director: Director, kind: str, lang: Language) -> str:
    """A readable, safe file name such as ``Frailty virtual ward - brief - Alex Jones.docx``."""
    label = lang.gettext("brief") if kind == "brief" else lang.gettext("update")
    stem = safe_stem(
        f"{facts.project.title} - {label} - {director.name}", fallback=f"{kind}-{director.id}"
    )
    return f"{stem}.docx"


def properties(pitch: Pitch, lang: Language, kind: str, today: dt.date) -> Properties:
    """Document properties: title, author and subject, in the document's language."""
    facts = pitch.facts
    subject = (
        lang.gettext("Sponsor briefing note")
        if kind == "brief"
        else lang.gettext("Progress update")
    )
    lead = facts.project.lead
    return Properties(
        title=f"{facts.project.title} - {subject} - {pitch.director.name}",
        author=lead.name if lead else facts.project.organisation,
        subject=subject,
        language=lang.code.replace("_", "-"),
        created=today,
    )


@dataclass(frozen=True)
class BriefParts:
    """What a briefing note is filled from, before any template is opened."""

    pitch: Pitch
    context: Context
    cuts: tuple[Cut, ...]
    properties: Properties


def brief_parts(
    project: Project,
    director: Director,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
) -> BriefParts:
    """Recast the facts for ``director`` and work out everything the note shows.

    The pitch's lens wording is in the project's language. With the
    built-in template (``template`` is ``None``) long content is trimmed to
    fit one page (see :mod:`pitchkit.notes.fit`); a user's own template gets
    everything. ``pitchkit brief`` and ``pitchkit batch`` both start here.
    """
    today = today or dt.date.today()
    pitch = localise_pitch(recast(project.facts, director), project.lang)
    context = brief_context(pitch, project.lang, today=today)
    cuts: list[Cut] = []
    if template is None:
        context, cuts = fit_brief(context, project.lang)
    return BriefParts(pitch, context, tuple(cuts), properties(pitch, project.lang, "brief", today))


@dataclass(frozen=True)
class BriefNote:
    """A rendered briefing note, the pitch behind it and what was cut to fit a page."""

    data: bytes
    pitch: Pitch
    cuts: tuple[Cut, ...]


def make_brief_note(
    project: Project,
    director: Director,
    *,
    template: Path | None = None,
    today: dt.date | None = None,
) -> BriefNote:
    """Render the one-page sponsor briefing note for ``director``.

    With the built-in template, long content is trimmed to fit one page
    (see :mod:`pitchkit.notes.fit`); a user's own template gets everything.
    """
    parts = brief_parts(project, director, template=template, today=today)
    source: Path | bytes = template if template is not None else builtin_template("brief")
    data = render(source, parts.context, lang=project.lang, properties=parts.properties)
    return BriefNote(data, parts.pitch, parts.cuts)
