"""Read a user's Word template and find what its tags use and get wrong.

:func:`scan_tags` reads every part Jinja fills (body, headers, footers,
footnotes, endnotes and document properties), cleans it as rendering does,
and collects:

- every variable the tags read, as a dotted path with loop variables
  resolved (``for s in pitch.statements`` → ``pitch.statements[].text``);
- tag syntax errors, with the paragraph they are in;
- docxtpl's pitfalls (a ``{%p %}`` tag sharing its paragraph, ``{%tr %}``
  outside a table, ``{{r }}`` on plain text, tags split across paragraphs);
- attributes the sandbox refuses, method calls (``title.upper()``), and
  tags that reach for other files;
- what :func:`~pitchkit.word.templateguard.guard_template` took out of the file
  (linked images, active fields, altChunks, macros), as warnings.

:mod:`pitchkit.authoring.check` judges the variables against the documented
context and reports.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import jinja2
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError

from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.i18n.translation import language
from pitchkit.word.limits import Limits, portable, run_limited
from pitchkit.word.render import PROPERTY_FIELDS, PitchkitTemplate, load_template
from pitchkit.word.renderenv import make_environment
from pitchkit.word.templatefile import (
    check_template_file,
    describe_failure,
    mark_paragraphs,
    paragraph_text,
    too_deep,
    unknown_filter,
    unknown_test,
    unreadable,
    unsafe_message,
    without_open_tag,
)
from pitchkit.word.templateguard import guard_template

HEADER_URI = PitchkitTemplate.HEADER_URI
FOOTER_URI = PitchkitTemplate.FOOTER_URI
#: Filters that keep a list a list, so ``for x in items|sort`` still binds items[].
_LIST_FILTERS = frozenset({"sort", "reverse", "unique", "selectattr", "rejectattr", "list"})
#: Tests and filters that take a name nobody filled without stopping the note.
_GUARD_TESTS = frozenset({"defined", "undefined"})
_GUARD_FILTERS = frozenset({"default", "d"})
_PARAGRAPH_TAG = re.compile(r"\{%-?\s*p\s.*?%\}", re.DOTALL)
_RICH_TAG = re.compile(r"\{\{r\s(?P<body>.*?)\}\}", re.DOTALL)
#: Methods of Jinja's loop and cycler helpers, which templates may call.
_HELPER_CALLS = frozenset({"cycle", "changed", "next", "reset"})

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """A problem the check found: an error stops the template working, a warning may.

    ``message`` is shown in the user's language (``str()`` gives the English).
    """

    level: Level
    message: Renderable | str


# ---------------------------------------------------------------- finding variables in tags


class _Collector:
    """Walk a Jinja syntax tree and collect the dotted variable paths it reads."""

    def __init__(self, globals_: set[str]) -> None:
        self.globals = globals_
        self.paths: list[str] = []
        #: Each attribute reaching Python's internals, with the line (paragraph) it is on.
        self.unsafe: list[tuple[str, int]] = []
        self.includes: list[str] = []
        #: Each method called, with the line (paragraph) it is on.
        self.methods: list[tuple[str, int]] = []
        self.filters: list[str] = []
        self.tests: list[str] = []
        #: Paths read only by ``is defined`` or ``|default``, once for each such use.
        self.guarded: list[str] = []

    def visit(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        """Collect from ``node``; ``scope`` maps local names to the path they stand for."""
        if isinstance(node, nodes.Filter):
            self.filters.append(str(node.name))
        elif isinstance(node, nodes.Test):
            self.tests.append(str(node.name))
        if isinstance(node, nodes.Test | nodes.Filter) and node.node is not None:
            guards = _GUARD_TESTS if isinstance(node, nodes.Test) else _GUARD_FILTERS
            guarded = self._chain(node.node, scope) if node.name in guards else None
            if guarded is not None:
                self.guarded.append(guarded)
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
        elif isinstance(node, nodes.Call):
            if isinstance(node.node, nodes.Getattr) and node.node.attr not in _HELPER_CALLS:
                self.methods.append((str(node.node.attr), node.lineno))
            for child in node.iter_child_nodes():
                self.visit(child, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def _visit_for(self, node: nodes.For, scope: dict[str, str | None]) -> None:
        """A loop: its variable stands for each item of what it loops over (``a[]``)."""
        self.visit(node.iter, scope)
        inner = dict(scope, loop=None)
        base = self._chain(node.iter, scope)
        self._bind(node.target, f"{base}[]" if base else None, inner)
        for child in [*node.body, *([node.test] if node.test else [])]:
            self.visit(child, inner)
        for child in node.else_:
            self.visit(child, scope)

    def _visit_block(self, node: nodes.Node, scope: dict[str, str | None]) -> None:
        """A macro, call, ``with`` or ``set`` block: its own names are not the context's."""
        inner = dict(scope, caller=None, varargs=None, kwargs=None)
        for target in getattr(node, "targets", []):
            self._bind(target, None, inner)
        for argument in getattr(node, "args", []):
            self._bind(argument, None, inner)
        if isinstance(node, nodes.AssignBlock):
            self._bind(node.target, None, scope)
        if isinstance(node, nodes.Macro):  # the macro's name, for calls after it and within it
            scope[node.name] = inner[node.name] = None
        for child in node.iter_child_nodes():
            if child not in getattr(node, "targets", []) and child not in getattr(node, "args", []):
                self.visit(child, inner)

    def _visit_chain(self, node: nodes.Expr, scope: dict[str, str | None]) -> None:
        """A name, attribute or item: record its path and any unsafe attribute."""
        if isinstance(node, nodes.Name) and node.ctx != "load":
            return
        subscript = getattr(node, "arg", None)
        path = self._chain(node, scope)
        if path is not None:
            self.paths.append(path)
        inner = getattr(node, "node", None)
        if path is None and inner is not None:
            self.visit(inner, scope)
        elif inner is not None:
            self._unsafe_within(inner)  # a context path's own links: `project.__class__.x`
        self._unsafe_at(node)  # after the links within it: named in the order written
        if subscript is not None and not isinstance(subscript, nodes.Const):
            self.visit(subscript, scope)

    def _unsafe_at(self, node: nodes.Node) -> None:
        """Record ``node``'s own attribute (or constant key) when it starts with ``_``."""
        if isinstance(node, nodes.Getattr) and str(node.attr).startswith("_"):
            self.unsafe.append((str(node.attr), node.lineno))
        subscript = getattr(node, "arg", None)
        if isinstance(subscript, nodes.Const) and str(subscript.value).startswith("_"):
            self.unsafe.append((str(subscript.value), node.lineno))

    def _unsafe_within(self, node: nodes.Node | None) -> None:
        """The unsafe links of a chain of attributes and items, innermost first."""
        chain: list[nodes.Node] = []
        while isinstance(node, nodes.Getattr | nodes.Getitem):
            chain.append(node)
            node = node.node
        for link in reversed(chain):
            self._unsafe_at(link)

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
        """Let the name(s) in ``target`` stand for ``path`` within ``scope``."""
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


def open_template(path: Path) -> PitchkitTemplate:
    """Open the user's template at ``path``, in this process, or raise :class:`TemplateError`.

    With no limits: :func:`scan_template` scans a user's template under them.
    """
    check_template_file(path)
    guarded = guard_template(path.read_bytes(), str(path))
    document = load_template(guarded.data, str(path))
    document.removed = guarded.removed
    return document


def scan_template(path: Path, limits: Limits | None = None) -> TagScan:
    """Open and scan the user's template at ``path`` in a child process, under ``limits``.

    Checking the file (its zip directory) happens here first; reading the
    parts, cleaning them and parsing the tags happen in the child, under
    the same time and memory limits as filling (default
    :meth:`Limits.from_environment`).
    """
    check_template_file(path)
    data = path.read_bytes()
    chosen = limits or Limits.from_environment()
    work = functools.partial(_scan_bytes, data, str(path))
    return run_limited(work, limits=chosen, name=str(path))


def _scan_bytes(data: bytes, name: str) -> TagScan:
    """Scan template bytes; what is found is made ready to send to the parent process.

    Outside content is taken out first, as for filling, and each removal is
    a finding.
    """
    try:
        guarded = guard_template(data, name)
        document = load_template(guarded.data, name)
        document.removed = guarded.removed
        scan = scan_tags(document)
    except SyntaxError as error:  # lxml's XMLSyntaxError, in a part python-docx kept
        raise unreadable(name, error) from None
    findings = [Finding(found.level, portable(found.message)) for found in scan.findings]
    return TagScan(dict(scan.used), findings, scan.guarded, scan.tested)


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
    """A paragraph's text on one line, shortened for a message."""
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


# ---------------------------------------------------------------- docxtpl's pitfalls


def paragraph_pitfalls(text: str, in_cell: bool) -> list[Renderable]:
    """What docxtpl would do unexpectedly with one paragraph's tags."""
    found: list[Renderable] = []
    if _PARAGRAPH_TAG.search(text) and _PARAGRAPH_TAG.sub("", text).strip():
        found.append(
            Message(
                "a {{%p %}} tag removes its whole paragraph, so the other text there is lost: "
                "put the tag in a paragraph of its own"
            )
        )
    for marker in ("tr", "tc"):
        if not in_cell and re.search(r"\{%-?\s*" + marker + r"\s", text):
            found.append(
                Message(
                    "a {{%{marker} %}} tag outside a table does nothing useful: "
                    "put it in a table row",
                    marker=marker,
                )
            )
    for match in _RICH_TAG.finditer(text):
        if "|" in match["body"]:
            what = Message("a filter on a rich-text tag {{{{r }}}}")
        else:
            what = Message("a {{{{r }}}} tag")
        found.append(
            Message(
                "{what}; pitchkit's variables are plain text, so the words would be lost: "
                "write {{{{ }}}} instead",
                what=what,
            )
        )
    return found


def split_tags(texts: list[str]) -> dict[int, list[Renderable]]:
    """The paragraphs (by index in ``texts``) where a tag opens that a later paragraph closes.

    A tag left open with nothing closing it later is not split: Jinja
    reports it as not closed, in its own paragraph.
    """
    found: dict[int, list[Renderable]] = {}
    for opening, closing in (("{{", "}}"), ("{%", "%}")):
        open_at: int | None = None
        for index, text in enumerate(texts):
            balance = text.count(opening) - text.count(closing)
            if balance > 0:
                open_at = index
            elif balance < 0 and open_at is not None:
                found.setdefault(open_at, []).append(
                    Message(
                        "a {opening} {closing} tag starts in this paragraph and ends in a later "
                        "one, which cannot be filled: keep each tag within one paragraph",
                        opening=opening,
                        closing=closing,
                    )
                )
                open_at = None
    return found


def pitfalls(part: TemplatePart) -> list[Finding]:
    """Warnings about tags docxtpl will handle differently from what the author meant."""
    paragraphs = list(_paragraph_texts(part.raw))
    split = split_tags([text for text, _ in paragraphs])
    return [
        Finding("warning", Located(f'{part.label}, paragraph "{_shown(text)}"', problem))
        for index, (text, in_cell) in enumerate(paragraphs)
        for problem in [*paragraph_pitfalls(text, in_cell), *split.get(index, [])]
    ]


# ---------------------------------------------------------------- the scan


@dataclass
class TagScan:
    """The variables (with the parts they are used in) and problems found in a template's tags."""

    used: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: The paths read only through ``is defined`` or ``|default``, never shown or tested as such.
    guarded: frozenset[str] = frozenset()
    #: Every path the template asks about with ``is defined`` or ``|default`` (it is written
    #: to do without it), whether or not it also reads it.
    tested: frozenset[str] = frozenset()


def scan_tags(document: PitchkitTemplate) -> TagScan:
    """Parse every fillable part's tags: the variables used, syntax errors and pitfalls."""
    scan = TagScan()
    env = make_environment(language("en_GB"))
    collector = _Collector(set(env.globals))
    parts = list(template_parts(document))
    sources = [(p.label, mark_paragraphs(p.patched)) for p in parts]
    sources += [("document properties", source) for source in property_sources(document)]
    unsafe: dict[tuple[str, str], None] = {}
    methods: dict[tuple[str, str], None] = {}
    for label, source in sources:
        start = len(collector.paths)
        _parse_part(scan, collector, env, document.template_name, label, source)
        for attribute, line in collector.unsafe:
            unsafe[attribute, _place(document.template_name, label, source, line)] = None
        collector.unsafe.clear()
        for method, line in collector.methods:
            methods[method, _place(document.template_name, label, source, line)] = None
        collector.methods.clear()
        for found in collector.paths[start:]:
            places = scan.used.setdefault(found, [])
            if label not in places:
                places.append(label)
    for part in parts:
        scan.findings.extend(pitfalls(part))
    scan.findings.extend(Finding("warning", removed) for removed in document.removed)
    for attribute, place in unsafe:
        scan.findings.append(Finding("error", Located(place, unsafe_message(attribute))))
    for method, place in methods:
        if method.startswith("_"):
            continue  # already refused as reaching Python's internals
        scan.findings.append(
            Finding(
                "error",
                Located(
                    place,
                    Message(
                        "`{name}()` calls a method of a value, and templates may only read "
                        "values: use a filter instead, such as |upper, |join or |dictsort",
                        name=method,
                    ),
                ),
            )
        )
    scan.findings.extend(_unknown_names(collector, env.filters, env.tests))
    read = Counter(collector.paths)
    scan.guarded = frozenset(
        path for path, uses in Counter(collector.guarded).items() if uses >= read[path]
    )
    scan.tested = frozenset(collector.guarded)
    for included in dict.fromkeys(collector.includes):
        scan.findings.append(
            Finding(
                "error",
                Message(
                    "the template imports or includes '{name}': "
                    "templates cannot use other files, so remove that tag",
                    name=included,
                ),
            )
        )
    return scan


#: The most tag errors reported for one part: each tag left open is taken out
#: and the part read again, to find the problems after it.
_MOST_ERRORS_PER_PART = 10


def _place(name: str, label: str, source: str, line: int) -> str:
    """``trust.docx (body, paragraph "…")``: where in a template a tag is, as filling says it."""
    text = paragraph_text(source, line)
    return f'{name} ({label}, paragraph "{text}")' if text else f"{name} ({label})"


def _parse_part(
    scan: TagScan,
    collector: _Collector,
    env: jinja2.Environment,
    name: str,
    label: str,
    source: str,
) -> None:
    """Parse one part's tags into ``collector``, adding its syntax errors to ``scan``.

    A tag left open hides everything after it from Jinja, so it is taken
    out and the part read again: the variables the rest uses are still
    listed, and a second mistake (a loop never closed) is reported too.
    """
    for _ in range(_MOST_ERRORS_PER_PART):
        try:
            collector.visit(env.parse(source), {})
        except TemplateSyntaxError as error:
            message = describe_failure(error, name, label, source)
            scan.findings.append(Finding("error", message or str(error)))
            following = without_open_tag(source, error.lineno)
            if following is None:
                following = _closed_at_end(source, error.message or "")
            if following is None:
                return
            source = following
        except RecursionError:
            scan.findings.append(Finding("error", too_deep(name, label).text))
            return
        else:
            return


_NEVER_CLOSED = re.compile(
    r"Unexpected end of template.*innermost block that needs to be closed is '(\w+)'", re.DOTALL
)


def _closed_at_end(source: str, problem: str) -> str | None:
    """``source`` with the block Jinja found never closed closed at its end, else ``None``.

    Only so that the variables used inside the block are still listed: the
    block left open has been reported already.
    """
    found = _NEVER_CLOSED.search(problem)
    return None if found is None else source + "{% end" + found.group(1) + " %}"


def _unknown_names(
    collector: _Collector, filters: Mapping[str, object], tests: Mapping[str, object]
) -> Iterator[Finding]:
    """Errors for the filters and tests the tags use that the environment does not have.

    Jinja only finds these when it compiles the template, so without this
    check they would show one at a time, after every other fix.
    """
    for name in dict.fromkeys(collector.filters):
        if name not in filters:
            close = difflib.get_close_matches(name, list(filters), n=1, cutoff=0.75)
            yield Finding("error", unknown_filter(name, close[0] if close else None))
    for name in dict.fromkeys(collector.tests):
        if name not in tests:
            close = difflib.get_close_matches(name, list(tests), n=1, cutoff=0.75)
            yield Finding("error", unknown_test(name, close[0] if close else None))
