"""Check a user's Word template before it is used, and export the built-in ones.

:func:`check_template` reads every part Jinja fills (body, headers,
footers, footnotes, endnotes and document properties), cleans it as
rendering does, and:

- lists every variable the template uses as a dotted path, with loop
  variables resolved (``for s in pitch.statements`` → ``pitch.statements[].text``);
- flags names the documented context does not have, with the closest known
  one (the known names come from a real context built from the bundled
  demo facts, so they cannot drift from the code);
- reports tag syntax errors with the paragraph they are in;
- warns about docxtpl's pitfalls (a ``{%p %}`` tag sharing its paragraph,
  ``{%tr %}`` outside a table, ``{{r }}`` on plain text, tags split across
  paragraphs);
- fills the template with the demo context, under the usual limits, to
  prove it works.

:func:`known_variables` and :func:`variables_markdown` describe the
documented context; ``scripts/gen_template_docs.py`` writes the latter to
``docs/template-variables.md``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError

from pitchkit.errors import OutputError, TemplateError
from pitchkit.i18n import Language, language
from pitchkit.limits import Limits
from pitchkit.notes import KINDS, builtin_template, open_project, properties
from pitchkit.output import write_atomic
from pitchkit.recast import recast
from pitchkit.render import (
    PROPERTY_FIELDS,
    Picture,
    PitchkitTemplate,
    check_template_file,
    describe_failure,
    make_environment,
    mark_paragraphs,
    render,
)

#: The fixed day example contexts are built for, so generated docs are stable.
EXAMPLE_DAY = dt.date(2026, 11, 27)
#: A period the demo log has no entry for: its update is the fill-in template.
_FILL_IN = "2026-12"
HEADER_URI = PitchkitTemplate.HEADER_URI
FOOTER_URI = PitchkitTemplate.FOOTER_URI
#: Filters that keep a list a list, so ``for x in items|sort`` still binds items[].
_LIST_FILTERS = frozenset({"sort", "reverse", "unique", "selectattr", "rejectattr", "list"})
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*p\s.*?%\}", re.DOTALL)
_RICH_TAG = re.compile(r"\{\{r\s(?P<body>.*?)\}\}", re.DOTALL)
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
    ('{{ _("Funding") }}', "A label in the document's language"),
)

Level = Literal["error", "warning"]


# ---------------------------------------------------------------- the documented context


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
    project = open_project(_demo_facts(), locale="en_GB")
    if kind == "brief":
        from pitchkit.context import brief_context

        return tuple(
            brief_context(recast(project.facts, d), project.lang, today=EXAMPLE_DAY)
            for d in project.facts.directors
        )
    from pitchkit.update import situate, update_document_context

    director = project.facts.directors[0]
    latest = situate(project.facts, director, project.lang, period=None, today=EXAMPLE_DAY)
    fill_in = situate(project.facts, director, project.lang, period=_FILL_IN, today=EXAMPLE_DAY)
    return tuple(update_document_context(s, today=EXAMPLE_DAY) for s in (latest, fill_in))


def _demo_facts() -> Path:
    return Path(str(resources.files("pitchkit") / "demo" / "facts.yaml"))


@cache
def known_variables(kind: str) -> dict[str, Variable]:
    """Every variable a template of ``kind`` can use, by dotted path (``a.b[].c``)."""
    found: dict[str, Variable] = {}
    for context in example_contexts(kind):
        _collect(context, "", found)
    return found


def _children(known: Mapping[str, Variable], parent: str) -> list[str]:
    """The names directly under ``parent`` (``""`` for the top level)."""
    names: list[str] = []
    for path in known:
        head, name = _split_last(path)
        if head == parent and name not in names:
            names.append(name)
    return names


def _split_last(path: str) -> tuple[str, str]:
    if path.endswith("[]"):
        return path[:-2], "[]"
    head, _, name = path.rpartition(".")
    return head, name


# ---------------------------------------------------------------- finding variables in tags


@dataclass(frozen=True)
class Finding:
    """A problem the check found: an error stops the template working, a warning may."""

    level: Level
    message: str


class _Collector:
    """Walk a Jinja syntax tree and collect the dotted variable paths it reads."""

    def __init__(self, globals_: set[str]) -> None:
        self.globals = globals_
        self.paths: list[str] = []
        self.unsafe: list[str] = []
        self.includes: list[str] = []

    def visit(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        """Collect from ``node``; ``scope`` maps local names to the path they stand for."""
        if isinstance(node, nodes.For):
            self._visit_for(node, scope)
        elif isinstance(node, nodes.Assign):
            self.visit(node.node, scope)
            self._bind(node.target, self._chain(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock | nodes.With | nodes.Macro | nodes.CallBlock):
            self._visit_block(node, scope)
        elif isinstance(node, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
            self.includes.append(str(getattr(node.template, "value", "?")))
        elif isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            self._visit_chain(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def _visit_for(self, node: nodes.For, scope: dict[str, str | None]) -> None:
        self.visit(node.iter, scope)
        inner = dict(scope, loop=None)
        base = self._chain(node.iter, scope)
        self._bind(node.target, f"{base}[]" if base else None, inner)
        for child in [*node.body, *([node.test] if node.test else [])]:
            self.visit(child, inner)
        for child in node.else_:
            self.visit(child, scope)

    def _visit_block(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        inner = dict(scope, caller=None, varargs=None, kwargs=None)
        for target in getattr(node, "targets", []):
            self._bind(target, None, inner)
        for argument in getattr(node, "args", []):
            self._bind(argument, None, inner)
        if isinstance(node, nodes.AssignBlock):
            self._bind(node.target, None, scope)
        for child in node.iter_child_nodes():
            if child not in getattr(node, "targets", []) and child not in getattr(node, "args", []):
                self.visit(child, inner)

    def _visit_chain(self, node: nodes.Expr, scope: dict[str, str | None]) -> None:
        if isinstance(node, nodes.Name) and node.ctx != "load":
            return
        if isinstance(node, nodes.Getattr) and str(node.attr).startswith("_"):
            self.unsafe.append(str(node.attr))
        subscript = getattr(node, "arg", None)
        if isinstance(subscript, nodes.Const) and str(subscript.value).startswith("_"):
            self.unsafe.append(str(subscript.value))
        path = self._chain(node, scope)
        if path is not None:
            self.paths.append(path)
        inner = getattr(node, "node", None)
        if path is None and inner is not None:
            self.visit(inner, scope)
        if subscript is not None and not isinstance(subscript, nodes.Const):
            self.visit(subscript, scope)

    def _chain(self, node: nodes.Node, scope: Mapping[str, str | None]) -> str | None:
        """``project.title`` for ``project.title``; None when it is not a context variable."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            return None if node.name in self.globals else str(node.name)
        if isinstance(node, nodes.Getattr):
            base = self._chain(node.node, scope)
            return f"{base}.{node.attr}" if base is not None else None
        if isinstance(node, nodes.Getitem):
            base = self._chain(node.node, scope)
            if base is None or isinstance(node.arg, nodes.Slice):
                return base
            key = node.arg.value if isinstance(node.arg, nodes.Const) else None
            return f"{base}.{key}" if isinstance(key, str) else f"{base}[]"
        if isinstance(node, nodes.Filter) and node.name in _LIST_FILTERS and node.node:
            return self._chain(node.node, scope)
        return None

    def _bind(self, target: nodes.Node, path: str | None, scope: dict[str, str | None]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = path
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self._bind(item, None, scope)


# ---------------------------------------------------------------- reading the template


@dataclass(frozen=True)
class TemplatePart:
    """One fillable part: its label, Word's XML, and the XML cleaned for Jinja."""

    label: str
    raw: str
    patched: str


def template_parts(document: PitchkitTemplate) -> Iterator[TemplatePart]:
    """Yield the body, headers, footers, footnotes and endnotes of an opened template."""
    raw = document.get_xml()
    yield TemplatePart("body", raw, document.patch_xml(raw))
    for uri, label in ((HEADER_URI, "header"), (FOOTER_URI, "footer")):
        for _key, part in document.get_headers_footers(uri):
            raw = document.get_part_xml(part)
            yield TemplatePart(label, raw, document.patch_xml(raw))
    for label, part in document.note_parts():
        raw = part.blob.decode("utf-8")
        yield TemplatePart(label, raw, document.patch_xml(raw))


def property_sources(document: PitchkitTemplate) -> list[str]:
    """The document properties that contain tags, as Jinja sources."""
    core = document.docx.core_properties
    values = [getattr(core, name) or "" for name in PROPERTY_FIELDS]
    return [value for value in values if "{{" in value or "{%" in value]


def _paragraph_texts(xml: str) -> Iterator[tuple[str, bool]]:
    """Yield each paragraph's text and whether it sits in a table cell."""
    root = parse_xml(xml.encode("utf-8"))
    for paragraph in root.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        in_cell = any(True for _ in paragraph.iterancestors(qn("w:tc")))
        yield text, in_cell


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


_SPLIT_PARAGRAPH = (
    "a {opening} {closing} tag starts in one paragraph and ends in another, which cannot "
    "be filled: keep each tag within one paragraph"
)
_SHARED_P = (
    "a {%p %} tag removes its whole paragraph, so the other text there is lost: "
    "put the tag in a paragraph of its own"
)
_OUTSIDE_TABLE = "a {{%{marker} %}} tag outside a table does nothing useful: put it in a table row"
_RICH_TEXT = (
    "{what}; pitchkit's variables are plain text, so the words would be lost: "
    "write {{{{ }}}} instead"
)


def paragraph_pitfalls(text: str, in_cell: bool) -> list[str]:
    """What docxtpl would do unexpectedly with one paragraph's tags."""
    found: list[str] = []
    if _PARAGRAPH_TAG.search(text) and _PARAGRAPH_TAG.sub("", text).strip():
        found.append(_SHARED_P)
    for marker in ("tr", "tc"):
        if not in_cell and re.search(r"\{%-?\s*" + marker + r"\s", text):
            found.append(_OUTSIDE_TABLE.format(marker=marker))
    for match in _RICH_TAG.finditer(text):
        what = "a filter on a rich-text tag {{r }}" if "|" in match["body"] else "a {{r }} tag"
        found.append(_RICH_TEXT.format(what=what))
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        if text.count(opening) != text.count(closing):
            found.append(_SPLIT_PARAGRAPH.format(opening=opening, closing=closing))
    return found


def pitfalls(part: TemplatePart) -> list[Finding]:
    """Warnings about tags docxtpl will handle differently from what the author meant."""
    return [
        Finding("warning", f'{part.label}, paragraph "{_shown(text)}": {problem}')
        for text, in_cell in _paragraph_texts(part.raw)
        for problem in paragraph_pitfalls(text, in_cell)
    ]


# ---------------------------------------------------------------- the check


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
    return [part for part in re.split(r"\.|(\[\])", path) if part]


def _is_member(variable: Variable, segment: str) -> bool:
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
    siblings = [name for name in _children(known, parent) if name != "[]"]
    close = difflib.get_close_matches(segment, siblings, n=1, cutoff=0.6)
    if close:
        fixed = f"{parent}.{close[0]}" if parent else close[0]
        rest = path[len(f"{parent}.{segment}" if parent else segment) :]
        return fixed + rest if fixed + rest in known else fixed
    whole = difflib.get_close_matches(path, list(known), n=1, cutoff=0.75)
    return whole[0] if whole else None


def _unknown_message(path: str, places: tuple[str, ...], suggestion: str | None, kind: str) -> str:
    where = " and ".join(places)
    if kind == "brief" and resolve(path, known_variables("update"))[1] is None:
        return (
            f"`{path}` (in the {where}) is only filled in progress updates: "
            "check the template with --kind update"
        )
    hint = f" — did you mean `{suggestion}`?" if suggestion else ""
    return f"unknown variable `{path}` in the {where}{hint}"


def open_template(path: Path) -> PitchkitTemplate:
    """Open the user's template at ``path``, or raise :class:`TemplateError` saying why not."""
    check_template_file(path)
    document = PitchkitTemplate(io.BytesIO(path.read_bytes()), str(path))
    try:
        document.init_docx()
    except (KeyError, ValueError, SyntaxError) as error:
        raise TemplateError(
            f"{path}: cannot be read as a Word template ({error}): "
            "save it from Word as Word Document (.docx)"
        ) from None
    return document


@dataclass
class _Scan:
    """The variables and problems found in a template's tags."""

    used: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)


def scan_tags(document: PitchkitTemplate) -> _Scan:
    """Parse every fillable part's tags: the variables used, syntax errors and pitfalls."""
    scan = _Scan()
    env = make_environment(language("en_GB"))
    collector = _Collector(set(env.globals))
    parts = list(template_parts(document))
    sources = [(p.label, mark_paragraphs(p.patched)) for p in parts]
    sources += [("document properties", source) for source in property_sources(document)]
    for label, source in sources:
        start = len(collector.paths)
        try:
            collector.visit(env.parse(source), {})
        except TemplateSyntaxError as error:
            message = describe_failure(error, document.template_name, label, source)
            scan.findings.append(Finding("error", message or str(error)))
        for found in collector.paths[start:]:
            places = scan.used.setdefault(found, [])
            if label not in places:
                places.append(label)
    for part in parts:
        scan.findings.extend(pitfalls(part))
    for attribute in dict.fromkeys(collector.unsafe):
        scan.findings.append(Finding("error", _UNSAFE.format(attribute=attribute)))
    for included in dict.fromkeys(collector.includes):
        scan.findings.append(Finding("error", _INCLUDE.format(name=included)))
    return scan


_UNSAFE = (
    "`{attribute}` reaches Python's internals and is refused: "
    "templates may only use the documented variables"
)
_INCLUDE = (
    "the template imports or includes '{name}': templates cannot use other files, "
    "so remove that tag"
)


def guess_kind(used: Mapping[str, object]) -> str:
    """``update`` when the template uses ``update``, else ``brief``."""
    return "update" if any(p == "update" or p.startswith("update.") for p in used) else "brief"


def check_template(
    path: Path, *, kind: str | None = None, limits: Limits | None = None
) -> CheckReport:
    """Check the user's template at ``path`` for a ``brief`` or ``update`` (default: guessed).

    Raises :class:`TemplateError` when the file is missing or not a Word
    document; everything else is reported in the :class:`CheckReport`.
    """
    if kind is not None and kind not in KINDS:
        raise TemplateError(f"unknown template kind '{kind}': use one of {', '.join(KINDS)}")
    scan = scan_tags(open_template(path))
    chosen = kind or guess_kind(scan.used)
    usages, unknown = _resolve_all(scan.used, chosen)
    findings = unknown + scan.findings
    filled = False
    if not any(f.level == "error" for f in findings):
        filled = _try_fill(path, chosen, limits, findings)
    return CheckReport(path, chosen, usages, tuple(findings), filled)


def _resolve_all(
    used: Mapping[str, list[str]], kind: str
) -> tuple[tuple[Usage, ...], list[Finding]]:
    known = known_variables(kind)
    shown: dict[str, list[str]] = {}
    findings: list[Finding] = []
    for path, places in used.items():
        display, suggestion = resolve(path, known)
        if display not in known:
            findings.append(
                Finding("warning", _unknown_message(path, tuple(places), suggestion, kind))
            )
        merged = shown.setdefault(display, [])
        merged.extend(p for p in places if p not in merged)
    usages = tuple(Usage(p, tuple(places)) for p, places in sorted(shown.items()))
    return usages, findings


def _try_fill(path: Path, kind: str, limits: Limits | None, findings: list[Finding]) -> bool:
    """Fill the template with the demo context; record why not if it fails."""
    context = example_contexts(kind)[0]
    lang = language("en_GB")
    project = open_project(_demo_facts(), locale="en_GB")
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
        findings.append(Finding("error", str(error)))
        return False
    return True


# ---------------------------------------------------------------- export


def export_template(kind: str, path: Path, *, force: bool = False) -> Path:
    """Write the built-in ``kind`` template to ``path`` (a .docx file or a folder)."""
    if kind not in KINDS:
        raise TemplateError(f"unknown template kind '{kind}': use one of {', '.join(KINDS)}")
    if path.is_dir() or str(path).endswith(("/", "\\")):
        path = path / f"pitchkit-{kind}.docx"
    if path.suffix.lower() != ".docx":
        raise OutputError(f"{path}: give a file name ending in .docx, or a folder")
    try:
        data = builtin_template(kind)
    except FileNotFoundError:
        raise TemplateError(
            f"this installation has no built-in {kind} template: reinstall pitchkit"
        ) from None
    return write_atomic(path, data, force=force)


# ---------------------------------------------------------------- the generated docs


def _example_text(value: Any) -> str:
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
    return text.replace("|", "\\|")


def variable_rows(kind: str) -> list[tuple[str, str, str]]:
    """``(path, type, example)`` for every documented variable, lists of text folded."""
    known = known_variables(kind)
    rows: list[tuple[str, str, str]] = []
    for path, variable in known.items():
        if path.endswith("[]") and not _children(known, path):
            continue
        type_text = variable.type_text
        item = known.get(f"{path}[]")
        example = variable.example
        if item is not None and not _children(known, f"{path}[]"):
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
