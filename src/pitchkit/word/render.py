"""Fill a Word template with a context, behind safe defaults.

docxtpl does the Word-specific work (tags split across runs, loops over
paragraphs and table rows); pitchkit supplies the Jinja environment
(:mod:`pitchkit.word.renderenv`: sandboxed, autoescaped, strict, with its
formatting filters and translations bound to one language) and checks the
template file and describes failures (:mod:`pitchkit.word.templatefile`).

A user's template (given as a path) is filled under a time and memory
limit (see :mod:`pitchkit.word.limits`); the built-in templates, given as
bytes, are filled in-process unless limits are passed.

Besides the body, headers and footers docxtpl fills, pitchkit fills
footnotes and endnotes once each, and document properties that contain
tags. Properties without tags are set by pitchkit after rendering (docxtpl
would escape them twice).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate

from pitchkit.errors import TemplateError
from pitchkit.i18n.translation import Language
from pitchkit.word.finish import link_addresses
from pitchkit.word.limits import Limits, run_limited
from pitchkit.word.prepared import cleaned
from pitchkit.word.properties import PROPERTY_FIELDS, PROPERTY_LIMIT, Properties, stamp_properties

# Picture is imported here only so ``from pitchkit.word.render import Picture`` keeps
# working: pitchkit.notes.update.charting imports it from here.
from pitchkit.word.renderenv import Picture, PictureShelf, known_names, make_environment, scoped
from pitchkit.word.templatefile import (
    broken_xml,
    check_tags_close,
    check_template_file,
    compile_tag_source,
    describe_failure,
    mark_paragraphs,
    normalise_tags,
    part_label,
    unreadable,
)
from pitchkit.word.templateguard import guard_template

__all__ = [
    "NOTE_PARTS",
    "PROPERTY_FIELDS",
    "PROPERTY_LIMIT",
    "Picture",
    "PitchkitTemplate",
    "Properties",
    "fill",
    "render",
    "stamp_properties",
]

_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_ENDNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"
NOTE_PARTS = {_FOOTNOTES: "footnotes", _ENDNOTES: "endnotes"}
_MARKED_PARAGRAPH = re.compile(r"\n<w:p([ >])")


class PitchkitTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl with its unsafe or lossy behaviours replaced.

    - Values containing ``{_{`` or ``%_}`` are left as written (docxtpl would
      rewrite them into template syntax after rendering).
    - Curly quotes inside tags are straightened.
    - Footnotes and endnotes are filled once each (docxtpl fills footnotes
      once per section, so a value holding ``{{`` would be run).
    - Core properties are filled only where they hold tags, without
      escaping them twice; :func:`render` sets the others.
    - Failures become :class:`TemplateError` naming the part and paragraph.
    - Pictures reach the template as inert tokens (see
      :class:`~pitchkit.word.renderenv.ImageSlot`) and are placed from
      :attr:`shelf` once each part is filled.
    """

    def __init__(self, source: Any, name: str = "template") -> None:
        super().__init__(source)
        self.template_name = name
        self.filled_properties: set[str] = set()
        self.shelf = PictureShelf()
        #: What :func:`~pitchkit.word.templateguard.guard_template` took out of the file.
        self.removed: tuple[Any, ...] = ()
        #: Parts already compiled with this template's environment, by their source.
        self.compiled: dict[str, Any] | None = None

    def patch_xml(self, src_xml: str) -> str:
        """Clean Word's XML for Jinja (:meth:`clean_xml`), or give a built-in part's shipped one.

        The built-in templates' parts are cleaned ahead of time (see
        :mod:`pitchkit.word.prepared`): the same text, without the work.
        """
        shipped = cleaned(src_xml)
        return shipped if shipped is not None else self.clean_xml(src_xml)

    def clean_xml(self, src_xml: str) -> str:
        """Clean Word's XML as docxtpl does, then straighten quotes inside tags.

        A part with many tags left open is refused first: docxtpl's clean-up
        would take time growing with the square of its length.
        """
        check_tags_close(src_xml, self.template_name)
        return normalise_tags(str(super().patch_xml(src_xml)))

    def note_parts(self) -> Iterator[tuple[str, Any]]:
        """Yield ``(label, part)`` for the footnotes and endnotes parts."""
        for part in self.docx.part.package.parts:
            label = NOTE_PARTS.get(part.content_type)
            if label is not None:
                yield label, part

    def render_xml_part(self, src_xml: str, part: Any, context: Any, jinja_env: Any = None) -> str:
        """Fill one part; a failure names the part and the paragraph it happened in."""
        marked = mark_paragraphs(src_xml)
        self.current_rendering_part = part
        where = part_label(str(part.partname))
        template = self.compiled.get(marked) if self.compiled is not None else None
        if template is None:
            template = compile_tag_source(jinja_env, marked, self.template_name, where)
            if self.compiled is not None:
                self.compiled[marked] = template
        with known_names(context):
            try:
                rendered: str = template.render(context)
            except Exception as error:
                message = describe_failure(error, self.template_name, where, marked)
                if message is None:
                    raise
                raise TemplateError(message) from None
        placed = self.shelf.place(_MARKED_PARAGRAPH.sub(r"<w:p\1", rendered), part)
        return str(self.resolve_listing(placed))

    def render_footnotes(self, context: Any, jinja_env: Any = None) -> None:
        """Fill footnotes and endnotes, once each."""
        for _label, part in self.note_parts():
            xml = self.patch_xml(part.blob.decode("utf-8"))
            part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")

    def render_properties(self, context: Any, jinja_env: Any = None) -> None:
        """Fill the core properties that contain tags, escaped once (by python-docx)."""
        plain = jinja_env.overlay(autoescape=False)
        core = self.docx.core_properties
        for field in PROPERTY_FIELDS:
            value = getattr(core, field) or ""
            if "{{" not in value and "{%" not in value:
                continue
            source = normalise_tags(value)
            template = compile_tag_source(plain, source, self.template_name, "document properties")
            try:
                text = template.render(context)
            except Exception as error:
                message = describe_failure(error, self.template_name, "document properties", "")
                if message is None:
                    raise
                raise TemplateError(message) from None
            setattr(core, field, self.shelf.strip(text)[:255])
            self.filled_properties.add(field)


def _template_name(template: Path | bytes) -> str:
    return str(template) if isinstance(template, Path) else "template"


def render(
    template: Path | bytes,
    context: Mapping[str, Any],
    *,
    lang: Language,
    properties: Properties,
    limits: Limits | None = None,
) -> bytes:
    """Fill ``template`` with ``context`` and return the .docx bytes.

    A template given as a path is a user's: it is filled in a child process
    under ``limits`` (default :meth:`Limits.from_environment`: 30 s, 1 GiB).
    Bytes (the built-in templates) are filled in-process unless ``limits``
    is given. Raises :class:`TemplateError` (or its subclass
    :class:`~pitchkit.errors.RenderLimitError`) with a one-line message
    naming the template and what to fix.
    """
    name = _template_name(template)
    if isinstance(template, Path):
        check_template_file(template)
        data = template.read_bytes()
        limits = limits or Limits.from_environment()
    else:
        data = template
    work = functools.partial(
        fill,
        data,
        context,
        lang=lang,
        properties=properties,
        name=name,
        guard=isinstance(template, Path),
    )
    filled = work() if limits is None else run_limited(work, limits=limits, name=name)
    return link_addresses(filled)


def fill(
    data: bytes,
    context: Mapping[str, Any],
    *,
    lang: Language,
    properties: Properties,
    name: str = "template",
    guard: bool = False,
) -> bytes:
    """Fill the template ``data`` in this process, with no limits: see :func:`render`.

    With ``guard`` (a user's template), links to outside content, active
    fields, altChunks and macros are taken out first
    (:func:`~pitchkit.word.templateguard.guard_template`).
    """
    if guard:
        env = make_environment(lang)
        data = guard_template(data, name).data
        document = load_template(data, name)
    else:
        env, compiled = _builtin_environment(lang)
        document = load_template(data, name)
        document.compiled = compiled
    try:
        values = scoped(dict(context), shelf=document.shelf)
        document.render(values, env, autoescape=True)
    except TemplateError:
        raise
    except SyntaxError as error:  # lxml's XMLSyntaxError
        raise broken_xml(name, error) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise unreadable(name, error) from None
    _set_properties(document, properties)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


#: For each language, the environment built-in templates are filled with and
#: their parts compiled in it (by source): filling a note again, as ``brief``
#: does to lay out a few fits of one note, compiles nothing twice. Users'
#: templates get a fresh environment each time.
_BUILTIN_ENVIRONMENTS: dict[str, tuple[Any, dict[str, Any]]] = {}


def _builtin_environment(lang: Language) -> tuple[Any, dict[str, Any]]:
    if lang.code not in _BUILTIN_ENVIRONMENTS:
        _BUILTIN_ENVIRONMENTS[lang.code] = (make_environment(lang), {})
    return _BUILTIN_ENVIRONMENTS[lang.code]


def load_template(data: bytes, name: str = "template") -> PitchkitTemplate:
    """Open template bytes with python-docx, or raise :class:`TemplateError` saying why not.

    Users' templates are opened in the child process that fills or scans
    them, so loading runs under the same limits as filling.
    """
    try:
        document = PitchkitTemplate(io.BytesIO(data), name)
        document.init_docx()
    except RecursionError:
        raise unreadable(name, ValueError("XML nested too deeply")) from None
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise unreadable(name, error) from None
    return document


def _set_properties(document: PitchkitTemplate, properties: Properties) -> None:
    stamp_properties(document.docx.core_properties, properties, document.filled_properties)


#: The name this class had before it became public (kept for existing callers).
_PitchkitDocxTemplate = PitchkitTemplate
