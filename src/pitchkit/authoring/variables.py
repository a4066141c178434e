"""The variables a Word template can use, and their generated reference.

The known names come from real contexts built from the bundled demo facts
(:func:`example_contexts`), so they cannot drift from the code.
:func:`known_variables` lists them by dotted path (``pitch.statements[].text``);
:func:`variables_markdown` is the text ``scripts/gen_template_docs.py``
writes to ``docs/template-variables.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pitchkit.facts.project import open_project
from pitchkit.i18n.translation import Language, language
from pitchkit.notes.brief import KINDS
from pitchkit.recast.pitch import recast
from pitchkit.word.renderenv import Picture, make_environment

#: The fixed day example contexts are built for, so generated docs are stable.
EXAMPLE_DAY = dt.date(2026, 11, 27)
#: A period the demo log has no entry for: its update is the fill-in template.
_FILL_IN = "2026-12"
_EXAMPLE_CHARS = 70
_FILTER_EXAMPLES = (
    ("{{ 318000|money }}", "Money, rounded as a briefing note would"),
    ("{{ 1590.5|money(precision='exact') }}", "Money to the penny"),
    ("{{ 1250000|money }}", "Large sums, compact"),
    ("{{ 1200|number }}", "A number with grouping"),
    ("{{ 0.175|percent }}", "A fraction as a percentage"),
    ("{{ 0.035|percent(decimals=1, signed=True) }}", "With a decimal place and a sign"),
    ("{{ -200|change(unit='admissions') }}", "A change with its sign and unit"),
    ("{{ 12|quantity('days') }}", "A number with its unit"),
    ("{{ meeting.date|date }}", "A date"),
    ("{{ meeting.date|date(format='short') }}", "A short date"),
    ("{{ meeting.date|date(format='month') }}", "A month"),
    ("{{ '2027-Q1'|period }}", "A reporting period"),
    ("{{ ['Finance', 'Operations', 'Nursing']|list }}", "A list in words"),
    ("{{ ['A pilot', 'an audit']|list|sentence }}", "Text ending in one full stop"),
    ("{{ ['A pilot', 'An audit.']|sentences }}", "Each item a sentence of its own"),
    ('{{ _("Funding") }}', "A label in the document's language"),
)


@dataclass
class Variable:
    """One documented variable: its dotted path, types seen and an example value."""

    path: str
    types: set[str] = field(default_factory=set)
    example: Any = None

    @property
    def type_text(self) -> str:
        """``text``, ``number or empty``: the types for people."""
        return " or ".join(sorted(self.types, key=lambda t: (t == "empty", t))) or "empty"


def type_name(value: Any) -> str:
    """The type of ``value`` as the template docs name it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, Picture):
        return "image"
    if isinstance(value, Mapping):
        return "group"
    if isinstance(value, list | tuple):
        return "list"
    return "text"


def _collect(value: Any, path: str, found: dict[str, Variable]) -> None:
    """Record ``value`` at ``path`` and everything inside it."""
    if path:
        entry = found.setdefault(path, Variable(path))
        entry.types.add(type_name(value))
        if entry.example in (None, "", [], {}) and not isinstance(value, Mapping | list | tuple):
            entry.example = value
    if isinstance(value, Mapping):
        for key, item in value.items():
            _collect(item, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, list | tuple):
        for item in value:
            _collect(item, f"{path}[]", found)


@cache
def example_contexts(kind: str) -> tuple[dict[str, Any], ...]:
    """Real contexts of ``kind`` built from the bundled demo facts (do not change them)."""
    project = open_project(demo_facts(), locale="en_GB")
    if kind == "brief":
        from pitchkit.notes.context import brief_context

        return tuple(
            brief_context(
                recast(project.facts, d, today=EXAMPLE_DAY), project.lang, today=EXAMPLE_DAY
            )
            for d in project.facts.directors
        )
    from pitchkit.notes.update import situate, update_document_context
    from pitchkit.notes.update.delivery import delivered_rows

    director = project.facts.directors[0]
    latest = situate(project.facts, director, project.lang, period=None, today=EXAMPLE_DAY)
    fill_in = situate(project.facts, director, project.lang, period=_FILL_IN, today=EXAMPLE_DAY)
    # Another director's update too, the first credited with a delivery: what one director's
    # objectives are credited (and which of its figures are empty) is not another's, so the
    # types read from both say which variables can be empty.
    others = (
        situate(project.facts, d, project.lang, period=None, today=EXAMPLE_DAY)
        for d in project.facts.directors[1:]
    )
    shown = [latest, next((s for s in others if delivered_rows(s)), latest)]
    return tuple(update_document_context(s, today=EXAMPLE_DAY) for s in (*shown, fill_in))


def demo_facts() -> Path:
    """The bundled demo facts file the example contexts are built from."""
    return Path(str(resources.files("pitchkit") / "demo" / "facts.yaml"))


@cache
def known_variables(kind: str) -> dict[str, Variable]:
    """Every variable a template of ``kind`` can use, by dotted path (``a.b[].c``)."""
    found: dict[str, Variable] = {}
    for context in example_contexts(kind):
        _collect(context, "", found)
    return {path: found[path] for path in _tree_order(found, "")}


def _tree_order(found: Mapping[str, Variable], parent: str) -> list[str]:
    """The paths under ``parent``, each followed by its own, first seen first.

    A list's items may first be seen in a later context (a list empty in the
    first): they still come straight after the list.
    """
    order: list[str] = []
    for name in children(found, parent):
        path = f"{parent}{name}" if name == "[]" else (f"{parent}.{name}" if parent else name)
        order.append(path)
        order += _tree_order(found, path)
    return order


def children(known: Mapping[str, Variable], parent: str) -> list[str]:
    """The names directly under ``parent`` (``""`` for the top level)."""
    names: list[str] = []
    for path in known:
        head, name = _split_last(path)
        if head == parent and name not in names:
            names.append(name)
    return names


def _split_last(path: str) -> tuple[str, str]:
    """``("a.b", "c")`` for ``a.b.c``; ``("a", "[]")`` for ``a[]``."""
    if path.endswith("[]"):
        return path[:-2], "[]"
    head, _, name = path.rpartition(".")
    return head, name


# ---------------------------------------------------------------- the generated docs


def _example_text(value: Any) -> str:
    """An example value as a short Markdown table cell."""
    if isinstance(value, Picture):
        return "(a chart image)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        value = int(value) if value.is_integer() else float(f"{value:.4g}")
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = " ".join(str(value).split()) if value is not None else ""
    if len(text) > _EXAMPLE_CHARS:
        text = text[: _EXAMPLE_CHARS - 1] + "…"
    return _cell(text)


def _cell(text: str) -> str:
    """``text`` safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def variable_rows(kind: str) -> list[tuple[str, str, str]]:
    """``(path, type, example)`` for every documented variable, lists of text folded."""
    known = known_variables(kind)
    rows: list[tuple[str, str, str]] = []
    for path, variable in known.items():
        if path.endswith("[]") and not children(known, path):
            continue
        type_text = variable.type_text
        item = known.get(f"{path}[]")
        example = variable.example
        if item is not None and not children(known, f"{path}[]"):
            type_text = type_text.replace("list", f"list of {item.type_text}")
            example = item.example
        elif item is not None:
            type_text = type_text.replace("list", "list of groups")
        rows.append((path, type_text, _example_text(example)))
    return rows


def filter_rows() -> list[tuple[str, str, str, str]]:
    """``(example, what it does, en_GB, cy_GB)`` for each formatting filter."""
    contexts = {code: {"meeting": {"date": dt.date(2026, 12, 3)}} for code in ("en_GB", "cy_GB")}
    rows = []
    for source, purpose in _FILTER_EXAMPLES:
        results = [
            _render_example(source, language(code), contexts[code]) for code in ("en_GB", "cy_GB")
        ]
        rows.append((source, purpose, results[0], results[1]))
    return rows


def _render_example(source: str, lang: Language, context: dict[str, Any]) -> str:
    """What one filter example gives in ``lang``."""
    env = make_environment(lang)
    return str(env.overlay(autoescape=False).from_string(source).render(context))


def variables_markdown() -> str:
    """The text of ``docs/template-variables.md``."""
    lines = [
        "# Template variables",
        "",
        "<!-- Generated by scripts/gen_template_docs.py from the code: do not edit by hand. -->",
        "",
        "Every variable a Word template can use, with its type and an example value",
        "from the bundled demo project (`pitchkit demo`). A path such as",
        "`pitch.statements[].text` means: loop over `pitch.statements`",
        "(`{%p for s in pitch.statements %}`) and use `{{ s.text }}` inside the loop.",
        "Run `pitchkit template check YOUR.docx` to see which of them your template uses.",
        "See [templates.md](templates.md) for how to tag a template in Word.",
        "",
    ]
    titles = {
        "brief": "Briefing note (`--kind brief`)",
        "update": "Progress update (`--kind update`)",
    }
    for kind in KINDS:
        lines += [f"## {titles[kind]}", "", "| Variable | Type | Example |", "| --- | --- | --- |"]
        lines += [
            f"| `{path}` | {type_text} | {example} |"
            for path, type_text, example in variable_rows(kind)
        ]
        lines.append("")
    lines += [
        "## Formatting filters",
        "",
        "Filters word numbers, money and dates in the document's language.",
        "An empty value gives empty text, and text is left as it is.",
        "",
        "| Example | What it does | en_GB | cy_GB |",
        "| --- | --- | --- | --- |",
    ]
    for source, purpose, english, welsh in filter_rows():
        lines.append(f"| `{_cell(source)}` | {purpose} | {_cell(english)} | {_cell(welsh)} |")
    lines.append("")
    return "\n".join(lines)
