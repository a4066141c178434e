"""Check a user's Word template before it is used, and export the built-in ones.

:func:`check_template` reads the template's tags (:mod:`pitchkit.authoring.scan`)
and judges them against the documented context
(:mod:`pitchkit.authoring.variables`):

- lists every variable the template uses as a dotted path;
- flags names the documented context does not have, with the closest known
  one;
- passes on tag syntax errors, docxtpl's pitfalls and refused tags;
- fills the template with the demo context, under the usual limits, to
  prove it works.

Every finding's message is shown in the user's language by the command
line. The names tests and scripts use (:func:`known_variables`,
:func:`variables_markdown` and the scanning helpers) are importable from
here too.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pitchkit.authoring.scan import (
    Finding,
    Level,
    TagScan,
    TemplatePart,
    open_template,
    paragraph_pitfalls,
    pitfalls,
    property_sources,
    scan_tags,
    scan_template,
    template_parts,
)
from pitchkit.authoring.variables import (
    EXAMPLE_DAY,
    Variable,
    children,
    demo_facts,
    example_contexts,
    filter_rows,
    known_variables,
    type_name,
    variable_rows,
    variables_markdown,
)
from pitchkit.errors import OutputError, TemplateError
from pitchkit.facts.project import open_project
from pitchkit.i18n.messages import Joined, Located, Message, Renderable
from pitchkit.i18n.translation import N_, language
from pitchkit.notes.brief import KINDS, builtin_template, properties
from pitchkit.output.files import write_atomic
from pitchkit.recast.pitch import recast
from pitchkit.word.limits import Limits
from pitchkit.word.render import render

__all__ = [
    "EXAMPLE_DAY",
    "CheckReport",
    "Finding",
    "Level",
    "TagScan",
    "TemplatePart",
    "Usage",
    "Variable",
    "check_template",
    "example_contexts",
    "export_template",
    "filter_rows",
    "guess_kind",
    "known_variables",
    "open_template",
    "paragraph_pitfalls",
    "pitfalls",
    "property_sources",
    "resolve",
    "scan_tags",
    "template_parts",
    "type_name",
    "variable_rows",
    "variables_markdown",
]


@dataclass(frozen=True)
class Usage:
    """A variable the template uses, and the parts it is used in."""

    path: str
    places: tuple[str, ...]


@dataclass(frozen=True)
class CheckReport:
    """What :func:`check_template` found."""

    template: Path
    kind: str
    variables: tuple[Usage, ...]
    findings: tuple[Finding, ...]
    filled: bool

    @property
    def ok(self) -> bool:
        """True when the template can be filled (warnings allowed)."""
        return not any(f.level == "error" for f in self.findings)


# ---------------------------------------------------------------- judging the names used


def resolve(path: str, known: Mapping[str, Variable]) -> tuple[str, str | None]:
    """Match a used path against ``known``: the path to show, and the closest known if unknown.

    Methods and characters of a known value (``project.title.upper``,
    ``today.year``, ``project.title[0]``) count as that value.
    """
    current = ""
    for segment in _segments(path):
        candidate = (
            f"{current}[]" if segment == "[]" else (f"{current}.{segment}" if current else segment)
        )
        if candidate in known:
            current = candidate
            continue
        if current and _is_member(known[current], segment):
            return current, None
        return path, _suggest(path, current, segment, known)
    return current, None


def _segments(path: str) -> list[str]:
    """``["a", "[]", "b"]`` for ``a[].b``."""
    return [part for part in re.split(r"\.|(\[\])", path) if part]


def _is_member(variable: Variable, segment: str) -> bool:
    """Whether ``segment`` is a method or item of a value of ``variable``'s types."""
    samples = {"text": "", "number": 0.0, "date": EXAMPLE_DAY, "list": [], "group": {}}
    for name in variable.types:
        sample = samples.get(name)
        if sample is None:
            continue
        if segment == "[]" and name in ("text", "list"):
            return True
        if segment != "[]" and hasattr(sample, segment):
            return True
    return False


def _suggest(path: str, parent: str, segment: str, known: Mapping[str, Variable]) -> str | None:
    """The known path closest to the unknown ``path`` (whose ``segment`` is not found)."""
    siblings = [name for name in children(known, parent) if name != "[]"]
    close = difflib.get_close_matches(segment, siblings, n=1, cutoff=0.6)
    if close:
        fixed = f"{parent}.{close[0]}" if parent else close[0]
        rest = path[len(f"{parent}.{segment}" if parent else segment) :]
        return fixed + rest if fixed + rest in known else fixed
    whole = difflib.get_close_matches(path, list(known), n=1, cutoff=0.75)
    if whole:
        return whole[0]
    return _known_tail(path, known)


def _known_tail(path: str, known: Mapping[str, Variable]) -> str | None:
    """The longest known name ``path`` ends with (``lead.name`` for ``project.lead.name``).

    A name put under the wrong group reads as nothing like the right one letter
    by letter, but its last parts are the known name.
    """
    parts = path.split(".")
    for start in range(1, len(parts)):
        tail = ".".join(parts[start:])
        # A last part alone (``title``) is offered only for a name of two parts.
        alone = start == len(parts) - 1
        if tail in known and (not alone or len(parts) == 2):
            return tail
    return None


#: The parts of a template, as a message names them (a Welsh one in Welsh).
PART_NAMES = {
    "body": N_("body"),
    "header": N_("header"),
    "footer": N_("footer"),
    "footnotes": N_("footnotes"),
    "endnotes": N_("endnotes"),
}


def part_name(label: str) -> Renderable | str:
    """The part of a template ``label`` names (``body``, ``header`` ...), translatable."""
    return Message(PART_NAMES[label]) if label in PART_NAMES else label


def _places(places: Sequence[str]) -> Renderable | str:
    """``body, header and footer``: the parts of the template a name is used in."""
    names = [part_name(place) for place in places]
    if len(names) <= 1:
        return names[0] if names else ""
    return Message("{parts} and {part}", parts=Joined(names[:-1], ", "), part=names[-1])


def _unknown_message(
    path: str, places: tuple[str, ...], suggestion: str | None, kind: str, *, guarded: bool = False
) -> Renderable:
    """The finding for a name the documented context of ``kind`` does not have.

    Filling stops at such a name, as ``brief`` says, unless the template only
    asks whether it is defined or gives it a default (``guarded``): then it
    never is, and the message says so.
    """
    where = _places(places)
    other = "update" if kind == "brief" else "brief"
    if belongs_to(path, other):
        return Message(
            "`{path}` (in the {where}) is only filled in {notes}: check the template with "
            "--kind {other}",
            path=path,
            where=where,
            notes=Message("progress updates") if other == "update" else Message("briefing notes"),
            other=other,
        )
    hint: Renderable | str = ""
    if suggestion:
        hint = Message(" — did you mean `{suggestion}`?", suggestion=suggestion)
    if guarded:
        return Message(
            "unknown variable `{path}` in the {where}: it is never defined, so each "
            "'is defined' test on it is false and each |default is used{hint}",
            path=path,
            where=where,
            hint=hint,
        )
    return Message(
        "unknown variable `{path}` in the {where}: no note can be written while the template "
        "uses it{hint}",
        path=path,
        where=where,
        hint=hint,
    )


def _only_last_unknown(path: str, known: Mapping[str, Variable]) -> bool:
    """Whether everything in ``path`` but its last part is known (``project.titel``, ``projet``).

    Asking whether such a name is defined is safe; ``projet.title is defined``
    stops at ``projet``, as reading it would.
    """
    segments = _segments(path)
    if len(segments) <= 1:
        return True
    parent = "".join(
        part if part == "[]" or index == 0 else f".{part}"
        for index, part in enumerate(segments[:-1])
    )
    return resolve(parent, known)[0] in known


def _filled_only_in_other(path: str, kind: str) -> bool:
    """Whether ``path`` is always empty in a ``kind`` template but filled in the other kind.

    Such a name (``update`` in a briefing note) is no fix for a misspelt one.
    """
    own = known_variables(kind).get(path)
    other = known_variables("update" if kind == "brief" else "brief").get(path)
    return (
        own is not None
        and own.types <= {"empty"}
        and other is not None
        and bool(other.types - {"empty"})
    )


def belongs_to(path: str, kind: str) -> bool:
    """Whether ``path`` is one of the documented variables of ``kind``."""
    known = known_variables(kind)
    return resolve(path, known)[0] in known


def _unknown_kind(kind: str) -> TemplateError:
    """The error for a template kind pitchkit does not have."""
    return TemplateError(
        Message(
            "unknown template kind '{kind}': use one of {kinds}", kind=kind, kinds=", ".join(KINDS)
        )
    )


# ---------------------------------------------------------------- the check


def guess_kind(used: Mapping[str, object], tested: Set[str] = frozenset()) -> str:
    """``update`` when the template uses ``update``, else ``brief``.

    A template that asks whether ``update`` is defined (``tested``: ``{% if
    update is defined %}``) is written to do without it, so ``update`` alone
    does not make it an update template: a briefing note template with an
    optional progress paragraph is still a briefing note template.
    """
    if "update" in tested:
        return "brief"
    return "update" if any(p == "update" or p.startswith("update.") for p in used) else "brief"


def unfillable(scan: TagScan, kind: str) -> list[Renderable]:
    """Why no ``kind`` note can be filled from the scanned template, one message a name.

    Each unknown name is worded as ``template check`` words it, in the order
    the template first uses them.

    Names only the other kind fills, and names the template only asks about
    (``is defined``, ``|default``), are left out: they do not stop filling.
    """
    return _unknowns(scan, kind, guarded=False)


def defaulted_unknowns(scan: TagScan, kind: str) -> list[Renderable]:
    """The unknown names the template only gives a ``|default`` or an ``is defined`` test.

    Filling does not stop at them, so :func:`unfillable` leaves them out; but the
    default is then used every time (a misspelt ``director.nmae|default('Sir')``
    always says "Sir"), which ``template check`` fails and a note written with
    the template warns of, in the same words.
    """
    return _unknowns(scan, kind, guarded=True)


def _unknowns(scan: TagScan, kind: str, *, guarded: bool) -> list[Renderable]:
    """The unknown names of ``kind`` the template uses, each named once.

    With ``guarded``, those it only asks about (``is defined``, ``|default``);
    without, the others. Names only the other kind fills are left out, and so is a name within one
    already named.
    """
    known = known_variables(kind)
    other = "update" if kind == "brief" else "brief"
    found: list[Renderable] = []
    named: list[str] = []
    for path, places in scan.used.items():
        display, suggestion = resolve(path, known)
        if display in known or belongs_to(path, other):
            continue
        if (path in scan.guarded and _only_last_unknown(path, known)) != guarded:
            continue
        if _part_of_named(path, named):
            continue
        named.append(path)
        if suggestion is not None and _filled_only_in_other(suggestion, kind):
            suggestion = None
        found.append(_unknown_message(path, tuple(places), suggestion, kind, guarded=guarded))
    return found


def check_template(
    path: Path, *, kind: str | None = None, limits: Limits | None = None
) -> CheckReport:
    """Check the user's template at ``path`` for a ``brief`` or ``update`` (default: guessed).

    Raises :class:`TemplateError` when the file is missing or not a Word
    document; everything else is reported in the :class:`CheckReport`.
    """
    if kind is not None and kind not in KINDS:
        raise _unknown_kind(kind)
    scan = scan_template(path, limits)
    chosen = kind or guess_kind(scan.used, scan.tested)
    usages, unknown = _resolve_all(scan.used, chosen, scan.guarded)
    findings = unknown + scan.findings
    filled = False
    if not any(f.level == "error" for f in findings):
        filled = _try_fill(path, chosen, limits, findings)
    return CheckReport(path, chosen, usages, tuple(findings), filled)


def _resolve_all(
    used: Mapping[str, list[str]], kind: str, guarded: Set[str] = frozenset()
) -> tuple[tuple[Usage, ...], list[Finding]]:
    """The names used, as the documented paths they stand for, and findings for unknown ones.

    Each is an error. Filling stops at an unknown name, unless ``guarded``
    says the template only asks whether it is defined (or gives it a
    default) and only its last part is unknown: then the note is written,
    but never with what depends on it, which is as much a mistake.
    """
    known = known_variables(kind)
    shown: dict[str, list[str]] = {}
    findings: list[Finding] = []
    named: list[str] = []
    for path, places in used.items():
        display, suggestion = resolve(path, known)
        if suggestion is not None and _filled_only_in_other(suggestion, kind):
            suggestion = None
        if display not in known and not _part_of_named(path, named):
            named.append(path)
            other = "update" if kind == "brief" else "brief"
            level: Literal["error", "warning"] = "warning" if belongs_to(path, other) else "error"
            safe = path in guarded and _only_last_unknown(path, known)
            message = _unknown_message(path, tuple(places), suggestion, kind, guarded=safe)
            findings.append(Finding(level, message))
        merged = shown.setdefault(display, [])
        merged.extend(p for p in places if p not in merged)
    usages = tuple(Usage(p, tuple(places)) for p, places in sorted(shown.items()))
    return usages, findings


def _part_of_named(path: str, named: list[str]) -> bool:
    """Whether ``path`` is inside a name already reported unknown (its items, its parts).

    ``{% for s in pitch.statments %}{{ s.text }}`` uses ``pitch.statments``,
    ``pitch.statments[]`` and ``pitch.statments[].text``; putting right the
    first puts right the rest, so only the first is named.
    """
    return any(path.startswith((unknown + "[", unknown + ".")) for unknown in named)


def _try_fill(path: Path, kind: str, limits: Limits | None, findings: list[Finding]) -> bool:
    """Fill the template with the demo context; record why not if it fails."""
    context = example_contexts(kind)[0]
    lang = language("en_GB")
    project = open_project(demo_facts(), locale="en_GB")
    pitch = recast(project.facts, project.facts.directors[0])
    try:
        render(
            path,
            context,
            lang=lang,
            properties=properties(pitch, lang, kind, EXAMPLE_DAY),
            limits=limits,
        )
    except TemplateError as error:
        findings.append(Finding("error", error.text))
        return False
    return True


# ---------------------------------------------------------------- export


def export_template(kind: str, path: Path, *, force: bool = False) -> Path:
    """Write the built-in ``kind`` template to ``path`` (a .docx file or a folder)."""
    if kind not in KINDS:
        raise _unknown_kind(kind)
    if path.is_dir() or str(path).endswith(("/", "\\")):
        path = path / f"pitchkit-{kind}.docx"
    if path.suffix.lower() != ".docx":
        raise OutputError(
            Located(str(path), Message("give a file name ending in .docx, or a folder"))
        )
    if not force and os.path.lexists(path):
        # write_atomic would refuse too, but name --out, which this command does not have.
        raise OutputError(
            Message(
                "{path} already exists: pass --force to replace it, or give another file name",
                path=path,
            )
        )
    try:
        data = builtin_template(kind)
    except FileNotFoundError:
        raise TemplateError(
            Message(
                "this installation has no built-in {kind} template: reinstall pitchkit", kind=kind
            )
        ) from None
    return write_atomic(path, data, force=force)
