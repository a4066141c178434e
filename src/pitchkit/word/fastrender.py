"""Fill one Word template many times, preparing it only once.

:func:`pitchkit.word.render.render` opens the template, cleans its XML for
Jinja, compiles it and re-saves every part of the package for each
document. For a batch that work is the same every time, so
:class:`CompiledTemplate` does it once:

- the package is read once; the parts Jinja fills (the body, headers,
  footers and footnotes) are cleaned by docxtpl's own XML patching and
  compiled with the same sandboxed environment as
  :func:`pitchkit.word.renderenv.make_environment`;
- each document renders those compiled parts, applies docxtpl's
  post-processing (newlines and tabs in values, table columns, drawing
  ids), writes pitchkit's document properties, and copies every other part
  of the template byte for byte, already compressed.

A context holding :class:`~pitchkit.word.renderenv.Picture` values (the charts
of a progress update) gets its image parts, relationships and content
types made here as python-docx makes them (:class:`_Pictures`), when the
pictures are placed in the body; a template placing one in a header,
footer or note is filled by :func:`pitchkit.word.render.render` instead, so
the output is the same either way.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jinja2
from lxml import etree  # type: ignore[import-untyped]

from pitchkit.errors import TemplateError

if TYPE_CHECKING:
    from docx.image.image import Image
from pitchkit.i18n.translation import Language
from pitchkit.word.finish import (
    FinishedPart,
    finish_part,
    finishes,
    relationships_name,
    with_hyperlink_style,
)
from pitchkit.word.limits import Limits, run_limited
from pitchkit.word.properties import (
    PROPERTY_FIELDS,
    PROPERTY_LIMIT,
    CoreXml,
    Properties,
    stamp_properties,
)
from pitchkit.word.renderenv import (
    PictureShelf,
    known_names,
    make_environment,
    scoped,
)
from pitchkit.word.templatefile import (
    broken_xml,
    check_template_file,
    compile_tag_source,
    describe_failure,
    mark_paragraphs,
    normalise_tags,
    part_label,
    unreadable,
)

CORE_PART = "docProps/core.xml"
_CONTENT_TYPES = "[Content_Types].xml"
_STYLES = "word/styles.xml"
_NS = {
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_W_TEXT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"
_W_CELL_PROPERTIES = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tcPr"
_FILLED_PROPERTY_LIMIT = 255
_FIRST_DRAWING_ID = 1000
_EPOCH = (1980, 1, 1, 0, 0, 0)
_COMPRESSION = 6
_UTF8_NAMES = 0x0800
#: A paragraph :func:`pitchkit.word.templatefile.mark_paragraphs` put on its own line.
_MARKED_PARAGRAPH = re.compile(r"\n<w:p([ >])")

#: The characters docxtpl's ``resolve_listing`` turns into breaks, tabs and paragraphs:
#: a part without any is left as it is by it, so it is not run there.
_LISTING_MARKS = ("\n", "\t", "\a", "\f")

DateTime = tuple[int, int, int, int, int, int]


@dataclasses.dataclass(frozen=True)
class _Entry:
    """One part of the package, compressed once, ready to copy into each document."""

    name: str
    data: bytes  # the raw deflate stream
    size: int
    crc: int
    date_time: DateTime

    def raw(self) -> bytes:
        """The part's bytes, uncompressed."""
        return zlib.decompress(self.data, -15)

    @functools.cached_property
    def local(self) -> bytes:
        """The entry as it stands in the zip: its local header, name and data."""
        return b"".join((_LOCAL.pack(0x04034B50, *self._fields), self.name_bytes, self.data))

    @functools.cached_property
    def central(self) -> bytes:
        """Its record in the zip's directory, but for the offset, which the name follows."""
        return _CENTRAL.pack(0x02014B50, 20, *self._fields, 0, 0, 0, 0)

    @functools.cached_property
    def name_bytes(self) -> bytes:
        """The entry's name as the zip holds it."""
        return self.name.encode("utf-8")

    @property
    def _fields(self) -> tuple[int, ...]:
        """The fields the local header and the directory record share."""
        time, date = _dos_time(self.date_time)
        flags = _UTF8_NAMES if not self.name.isascii() else 0
        sizes = (self.crc, len(self.data), self.size, len(self.name_bytes), 0)
        return (20, flags, zipfile.ZIP_DEFLATED, time, date, *sizes)


class _FilledPart(NamedTuple):
    """A part Jinja fills: its name in the package, its marked source and compiled template."""

    name: str
    kind: str  # "body", "header" (headers and footers) or "notes" (footnotes, endnotes)
    marked: str
    template: jinja2.Template


class CompiledTemplate:
    """A Word template prepared once, then filled with many contexts.

    ``render(context, properties=...)`` gives the same document, in text and
    validity, as :func:`pitchkit.word.render.render` with the same arguments;
    like it, a user's template (a path) is filled under time and memory
    limits and the built-in ones (bytes) are not.
    """

    def __init__(
        self,
        template: Path | bytes,
        *,
        lang: Language,
        limits: Limits | None = None,
        name: str | None = None,
        proven: bool = False,
        packed: bool = True,
    ) -> None:
        """Read, patch and compile ``template``; raise :class:`TemplateError` if it is broken.

        A user's template (a path) is first prepared in a child process under
        ``limits``, as filling is: a template whose loading, clean-up or
        compiling (Jinja folds constant expressions such as
        ``'x'|center(200000000)`` while compiling) runs out of time or memory
        is refused there, and only a template that fits is prepared again
        here, for keeps. ``proven=True`` skips the child where that was done
        already (a batch's worker processes, after the main process).
        """
        self.source = template
        self.lang = lang
        self.name = name or (str(template) if isinstance(template, Path) else "template")
        if isinstance(template, Path):
            from pitchkit.word.templateguard import guard_template  # a user's template only

            check_template_file(template)
            data = guard_template(template.read_bytes(), self.name).data
            self.limits: Limits | None = limits or Limits.from_environment()
            if not proven:
                probe = functools.partial(_prepares, data, lang, self.name)
                run_limited(probe, limits=self.limits, name=self.name)
        else:
            data = template
            self.limits = limits
        try:
            state = _shipped_state(data) if packed and isinstance(template, bytes) else None
            if state is not None:
                self._restore(state)
            else:
                self._prepare(data)
        except TemplateError:
            raise
        except SyntaxError as error:  # lxml's XMLSyntaxError
            raise unreadable(self.name, error) from None
        except (zipfile.BadZipFile, KeyError, ValueError) as error:
            raise unreadable(self.name, error) from None
        except Exception as error:
            from docx.opc.exceptions import PackageNotFoundError

            if isinstance(error, PackageNotFoundError):
                raise unreadable(self.name, error) from None
            raise

    def _prepare(self, data: bytes) -> None:
        """Load the package, compile the parts Jinja fills, and compress the others."""
        self._env = make_environment(self.lang)
        self._plain_env = self._env.overlay(autoescape=False)
        from pitchkit.word.render import load_template

        self._docxtpl: Any = load_template(data, self.name)
        document = self._docxtpl.docx
        self._filled = self._compile_parts(document)
        self._core = copy.deepcopy(document.core_properties._element)
        self._property_templates = self._compile_properties(CoreXml(self._core))
        #: The core properties stamped for each set of values but the title (see _core_xml).
        self._stamps: dict[tuple[tuple[tuple[str, str], ...], Properties], Any] = {}
        root = copy.deepcopy(document.element)
        body = root.body
        self._body_index = root.index(body)
        root.remove(body)
        self._shell = root
        #: Whether the document holds no text or cells outside its body, so finishing
        #: the document in place changes only the body, which each note puts in anew.
        self._shell_plain = not any(root.iter(_W_TEXT, _W_CELL_PROPERTIES))
        kept = _package_names(document.part.package)
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self._entries = _static_entries(package, {part.name for part in self._filled}, kept)
        self._body_images = _BodyImages.of(document)
        names = [item if isinstance(item, str) else item.name for item in self._entries]
        self._media_at = 1 + max(
            (n for n, name in enumerate(names) if name.startswith("word/")), default=0
        )
        types = next(e for e in self._entries if isinstance(e, _Entry) and e.name == _CONTENT_TYPES)
        self._content_types = types.raw()
        self._finish_static()

    def state(self) -> dict[str, Any]:
        """What :meth:`_prepare` worked out, as plain data: what ``make prepared`` ships.

        :meth:`_restore` makes the same template from it (see :mod:`pitchkit.word.packed`).
        """
        entry_names = [item if isinstance(item, str) else item.name for item in self._entries]
        linked = self._linked_styles()
        return {
            "filled": [[part.name, part.kind, part.marked] for part in self._filled],
            "core": _serialised_part(self._core),
            "shell": _serialised_part(self._shell),
            "body_index": self._body_index,
            "shell_plain": self._shell_plain,
            "entries": [
                item if isinstance(item, str) else _entry_state(item) for item in self._entries
            ],
            "body_images": self._body_images._asdict(),
            "media_at": self._media_at,
            "content_types": self._content_types,
            "filled_rels": self._filled_rels,
            "added": [_entry_state(entry) for entry in self._added],
            "static_links": self._static_links,
            "styles": None if self._styles is None else entry_names.index(self._styles.name),
            "linked": None if linked is None else _entry_state(linked),
        }

    def _restore(self, state: Mapping[str, Any]) -> None:
        """Take up a shipped :meth:`state`: only the parts Jinja fills are compiled here."""
        self._env = make_environment(self.lang)
        self._plain_env = self._env.overlay(autoescape=False)
        self._docxtpl = None
        self._filled = [
            _FilledPart(
                name,
                kind,
                marked,
                compile_tag_source(self._env, marked, self.name, part_label(name)),
            )
            for name, kind, marked in state["filled"]
        ]
        self._core = _parsed_part(state["core"])
        self._property_templates = self._compile_properties(CoreXml(self._core))
        self._stamps = {}
        self._shell = _parsed_part(state["shell"])
        self._body_index = state["body_index"]
        self._shell_plain = state["shell_plain"]
        self._entries = [
            item if isinstance(item, str) else _entry_of(item) for item in state["entries"]
        ]
        images = dict(state["body_images"])
        images["rels"] = tuple(tuple(rel) for rel in images["rels"])
        self._body_images = _BodyImages(**images)
        self._media_at = state["media_at"]
        self._content_types = state["content_types"]
        self._filled_rels: dict[str, bytes | None] = dict(state["filled_rels"])
        self._added: list[_Entry] = [_entry_of(entry) for entry in state["added"]]
        self._static_links = state["static_links"]
        at = state["styles"]
        styles = self._entries[at] if at is not None else None
        self._styles = styles if isinstance(styles, _Entry) else None
        linked = state["linked"]
        #: Shipped too: adding the Hyperlink style to the built-in styles takes 7-10 ms.
        self._linked: tuple[_Entry | None] | None = (None if linked is None else _entry_of(linked),)

    def _listing(self) -> Any:
        """What runs docxtpl's ``fix_tables``: the opened template.

        A template restored from its shipped preparation has none, and it
        works on the XML it is given alone, so a docxtpl template holding
        no document (:func:`_tools`) does; only a note that needs it loads docxtpl.
        (docxtpl's ``resolve_listing`` is :func:`pitchkit.word.listing.resolve_listing`.)
        """
        return self._docxtpl if self._docxtpl is not None else _tools()

    def _finish_static(self) -> None:
        """Finish the parts no tag fills once (see :mod:`pitchkit.word.finish`), for every note.

        Their links and cell order are the same in every document, so only
        the parts Jinja fills are finished per note. The styles with the
        Hyperlink style added are worked out once too, for the notes that
        make links.
        """
        by_name = {entry.name: entry for entry in self._entries if isinstance(entry, _Entry)}
        filled = {part.name for part in self._filled}
        #: The template's relationships of each part finished per note (``None``: it has none).
        self._filled_rels = {}
        #: Relationships files that finishing adds, in part order, after every other entry.
        self._added = []
        self._static_links = False
        for name in [entry if isinstance(entry, str) else entry.name for entry in self._entries]:
            if not finishes(name):
                continue
            rels_name = relationships_name(name)
            rels = by_name.get(rels_name)
            if name in filled:
                self._filled_rels[name] = rels.raw() if rels is not None else None
                continue
            done = finish_part(by_name[name].raw(), rels.raw() if rels is not None else None)
            if done.xml is not None:
                self._replace(_compressed(name, done.xml, by_name[name].date_time))
            if done.rels is not None:
                self._static_links = True
                if rels is not None:
                    self._replace(_compressed(rels_name, done.rels, rels.date_time))
                else:
                    self._added.append(_compressed(rels_name, done.rels))
        self._styles = by_name.get(_STYLES)
        #: The styles with the Hyperlink style added, once a note has needed them.
        self._linked = None
        if isinstance(self.source, Path):  # a user's styles are read now, as the rest is
            self._linked_styles()

    def _linked_styles(self) -> _Entry | None:
        """The styles part with the Hyperlink style added (``None``: the template has it).

        Worked out when the first note that makes a link needs it: the
        built-in template's styles are about 350 kB of XML, read and written
        again in 7-10 ms, and most notes make no link. A user's template is
        read when it is prepared, so a broken styles part is reported then.
        """
        if self._linked is None:
            styles = self._styles
            linked = with_hyperlink_style(styles.raw()) if styles is not None else None
            self._linked = (
                _compressed(_STYLES, linked, styles.date_time)
                if styles is not None and linked is not None
                else None,
            )
        return self._linked[0]

    def _replace(self, entry: _Entry) -> None:
        """Copy ``entry`` into every note in place of the template's part of that name."""
        self._entries = [
            entry if isinstance(item, _Entry) and item.name == entry.name else item
            for item in self._entries
        ]

    def _compile_parts(self, document: Any) -> list[_FilledPart]:
        """Patch and compile the body, headers, footers, footnotes and endnotes."""
        tpl = self._docxtpl
        filled = [self._compile(_zip_name(document.part), "body", tpl.get_xml())]
        for relationship in document.part.rels.values():
            if relationship.is_external or relationship.reltype not in (
                tpl.HEADER_URI,
                tpl.FOOTER_URI,
            ):
                continue
            part = relationship.target_part
            if part.blob:
                filled.append(self._compile(_zip_name(part), "header", tpl.get_part_xml(part)))
        for _label, part in tpl.note_parts():
            filled.append(self._compile(_zip_name(part), "notes", part.blob.decode("utf-8")))
        return filled

    def _compile(self, name: str, kind: str, xml: str) -> _FilledPart:
        """Clean ``xml`` for Jinja the way docxtpl does, and compile it."""
        marked = mark_paragraphs(self._docxtpl.patch_xml(xml))
        template = compile_tag_source(self._env, marked, self.name, part_label(name))
        return _FilledPart(name, kind, marked, template)

    def _compile_properties(self, core: CoreXml) -> dict[str, jinja2.Template]:
        """Compile the document properties that hold tags, as the slow path fills them."""
        compiled: dict[str, jinja2.Template] = {}
        for field in PROPERTY_FIELDS:
            value = getattr(core, field) or ""
            if "{{" in value or "{%" in value:
                compiled[field] = compile_tag_source(
                    self._plain_env, normalise_tags(value), self.name, "document properties"
                )
        return compiled

    def render(self, context: Mapping[str, Any], *, properties: Properties) -> bytes:
        """Fill the template with ``context`` and return the .docx bytes."""
        work = functools.partial(self._filled_or_none, context, properties=properties)
        data = (
            work() if self.limits is None else run_limited(work, limits=self.limits, name=self.name)
        )
        if data is None:  # a picture outside the body
            from pitchkit.word.render import render

            return render(
                self.source, context, lang=self.lang, properties=properties, limits=self.limits
            )
        return data

    def fill(self, context: Mapping[str, Any], *, properties: Properties) -> bytes:
        """Fill and finish the template in this process, with no limits."""
        data = self._filled_or_none(context, properties=properties)
        if data is None:
            from pitchkit.word.render import render

            return render(self.source, context, lang=self.lang, properties=properties)
        return data

    def _filled_or_none(
        self, context: Mapping[str, Any], *, properties: Properties
    ) -> bytes | None:
        """The filled note, or ``None`` when it places a picture outside the body."""
        try:
            return self._fill_note(context, properties=properties)
        except _PictureOutsideBody:
            return None

    def _fill_note(self, context: Mapping[str, Any], *, properties: Properties) -> bytes:
        """Fill and finish the template (see :meth:`render`), pictures in the body included."""
        shelf = PictureShelf()
        values = scoped(dict(context), shelf=shelf)
        pictures = _Pictures(self._body_images, shelf) if shelf.pictures else None
        finished: dict[str, FinishedPart] = {}
        with known_names(values):
            parts = {
                part.name: self._fill(part, values, pictures, finished) for part in self._filled
            }
            parts[CORE_PART] = self._core_xml(values, properties, shelf)
        if pictures is None or not pictures.added:
            return self._finished_zip(parts, finished=finished)
        return self._finished_zip(parts, pictures, finished=finished)

    def _finished_zip(
        self,
        parts: dict[str, bytes],
        pictures: _Pictures | None = None,
        *,
        finished: Mapping[str, FinishedPart],
    ) -> bytes:
        """The note's package: the filled ``parts`` finished, as :func:`link_addresses` would.

        (:func:`pitchkit.word.finish.link_addresses` on the whole document
        gives the same parts; here only the parts filled for this note are
        finished, the others were once for all; the body is finished as it
        is filled, while still parsed, in ``finished``.)
        """
        linked = self._static_links
        added: list[_Entry | str] = []
        media: list[_Entry | str] = []
        body_rels = self._body_images.rels_name
        if pictures is not None:
            parts[body_rels] = pictures.relationships()
            parts[_CONTENT_TYPES] = pictures.content_types(self._content_types)
            for name, data in pictures.added:
                parts[name] = data
                media.append(name)
        for name, rels in self._filled_rels.items():
            if pictures is not None and relationships_name(name) == body_rels:
                rels = parts[body_rels]
            done = finished.get(name) or _finished_part(parts[name], rels)
            if done.xml is not None:
                parts[name] = done.xml
            if done.rels is not None:
                linked = True
                rels_name = relationships_name(name)
                parts[rels_name] = done.rels
                if rels is None:
                    added.append(rels_name)
        entries = self._entries
        styles = self._linked_styles() if linked else None
        if styles is not None:
            entries = [
                styles if isinstance(item, _Entry) and item.name == _STYLES else item
                for item in entries
            ]
        if media:  # where python-docx puts them: after the parts the body reaches
            at = self._media_at
            entries = [*entries[:at], *media, *entries[at:]]
        return _write_zip([*entries, *self._added, *added], parts)

    def _fill(
        self,
        part: _FilledPart,
        values: Mapping[str, Any],
        pictures: _Pictures | None,
        finished: dict[str, FinishedPart],
    ) -> bytes:
        """Render one compiled part and turn it back into the part's bytes.

        The body is finished here too (see :func:`pitchkit.word.finish.finish_part`),
        into ``finished``, while its tree is at hand.
        """
        try:
            rendered = part.template.render(values)
        except Exception as error:
            message = describe_failure(error, self.name, part_label(part.name), part.marked)
            if message is None:
                raise
            raise TemplateError(message) from None
        xml = _MARKED_PARAGRAPH.sub(r"<w:p\1", rendered)
        if pictures is not None and pictures.shelf.nonce in xml:
            if part.kind != "body":
                raise _PictureOutsideBody
            xml = pictures.place(xml)
        if any(mark in xml for mark in _LISTING_MARKS):
            from pitchkit.word.listing import resolve_listing  # only for a note that needs it

            xml = resolve_listing(xml)
        if part.kind == "notes":
            return xml.encode("utf-8")
        if part.kind == "header":
            try:
                return _header_bytes(xml)
            except etree.XMLSyntaxError as error:
                raise broken_xml(self.name, error) from None
        if part.name not in self._filled_rels or not self._shell_plain:
            return self._document_xml(xml)
        rels = self._filled_rels[part.name]
        if (
            pictures is not None
            and pictures.added
            and self._body_images.rels_name == (relationships_name(part.name))
        ):
            rels = pictures.relationships()  # as the note will have them (see _finished_zip)
        return self._document_xml(xml, finish=(part.name, rels, finished))

    def _document_xml(
        self,
        body_xml: str,
        finish: tuple[str, bytes | None, dict[str, FinishedPart]] | None = None,
    ) -> bytes:
        """Put the rendered body into the document element, fixing tables and drawing ids.

        With ``finish`` (the part's name, its relationships and where to put
        the result), the document is finished too, on the tree as it is.
        """
        body = (
            self._listing().fix_tables(body_xml)
            if "tbl" in body_xml
            else etree.fromstring(body_xml, parser=_RECOVERING)  # what fix_tables does then
        )
        for number, drawing in enumerate(body.iter(_DOC_PR), start=_FIRST_DRAWING_ID + 1):
            drawing.set("id", str(number))
        self._shell.insert(self._body_index, body)
        try:
            xml = _serialised_part(self._shell)
            if finish is not None:
                name, rels, finished = finish
                finished[name] = finish_part(xml, rels, tree=self._shell)
            return xml
        finally:
            self._shell.remove(body)

    def _core_xml(
        self, values: Mapping[str, Any], properties: Properties, shelf: PictureShelf
    ) -> bytes:
        """The document properties: tags filled, then pitchkit's own (lxml escapes them).

        Only the title changes from note to note in a batch (it names the
        director), so the properties are stamped once for each set of the
        other values (:meth:`_stamped`) and each note copies them and sets
        its title: the same element, in the same order, as stamping afresh.
        """
        filled: dict[str, str] = {}
        for field, template in self._property_templates.items():
            try:
                text = template.render(values)
            except Exception as error:
                message = describe_failure(error, self.name, "document properties", "")
                if message is None:
                    raise
                raise TemplateError(message) from None
            filled[field] = shelf.strip(text)[:_FILLED_PROPERTY_LIMIT]
        own_title = "title" not in filled
        shared = properties._replace(title="") if own_title else properties
        element = copy.deepcopy(self._stamped(tuple(filled.items()), shared))
        if own_title:
            CoreXml(element).title = properties.title[:PROPERTY_LIMIT]
        return _serialised_part(element)

    def _stamped(self, filled: tuple[tuple[str, str], ...], properties: Properties) -> Any:
        """The core properties element with ``filled`` and ``properties`` set, made once each."""
        key = (filled, properties)
        element = self._stamps.get(key)
        if element is None:
            element = copy.deepcopy(self._core)
            core = CoreXml(element)
            for field, text in filled:
                setattr(core, field, text)
            stamp_properties(core, properties, {field for field, _ in filled})
            if len(self._stamps) >= _REMEMBERED_PARTS:
                self._stamps.clear()
            self._stamps[key] = element
        return element


class _PictureOutsideBody(Exception):
    """A picture placed outside the body: the note is filled by the one-document path."""


class _BodyImages(NamedTuple):
    """What placing a picture in the body needs to know of the template, read once."""

    #: The body's relationships: (id, type, target, external), in order.
    rels: tuple[tuple[str, str, str, bool], ...]
    rels_name: str
    #: The image parts the template has: the SHA-1 of each image and its part name.
    images: dict[str, str]
    #: The drawing id python-docx gives a picture placed in the body.
    shape_id: int
    base: str

    @classmethod
    def of(cls, document: Any) -> _BodyImages:
        """The body's relationships and the package's images, as python-docx loaded them."""
        part = document.part
        rels = tuple(
            (rel.rId, rel.reltype, rel.target_ref, rel.is_external) for rel in part.rels.values()
        )
        images = {image.sha1: str(image.partname) for image in part.package.image_parts}
        return cls(
            rels,
            str(part.partname.rels_uri).lstrip("/"),
            images,
            part.next_id,
            part.partname.baseURI,
        )


class _Pictures:
    """The pictures of one note placed in its body, with the parts they add.

    Each picture is placed as :meth:`~pitchkit.word.renderenv.PictureShelf.place`
    places it through python-docx (``new_pic_inline``): one image part per
    distinct image (by SHA-1, the template's own included), named
    ``/word/media/imageN.ext`` with the first unused N, one relationship
    per image with the first unused ``rIdN``, the drawing id python-docx
    gives, and the content types python-docx would write.
    """

    def __init__(self, body: _BodyImages, shelf: PictureShelf) -> None:
        self.body = body
        self.shelf = shelf
        self._images = dict(body.images)  # SHA-1 -> part name
        from docx.opc.packuri import PackURI

        self._numbers = {PackURI(name).idx for name in body.images.values()}
        self._rels = list(body.rels)
        #: The image parts this note adds, in the order they were made: (zip name, bytes).
        self.added: list[tuple[str, bytes]] = []
        self._types: dict[str, str] = {}

    def place(self, xml: str) -> str:
        """The body ``xml`` with each picture marker replaced by its drawing."""
        from docx.image.image import Image
        from docx.oxml.shape import CT_Inline
        from docx.shared import Cm

        def drawing(match: re.Match[str]) -> str:
            picture = self.shelf.pictures[int(match[1])]
            image = Image.from_blob(picture.data)
            rid = self._relate(self._part_for(image))
            cx, cy = image.scaled_dimensions(Cm(picture.width_cm), None)
            element = CT_Inline.new_pic_inline(self.body.shape_id, rid, image.filename, cx, cy)
            if picture.description:
                element.docPr.set("descr", picture.description)
            return (
                f"</w:t></w:r><w:r><w:drawing>{element.xml}</w:drawing></w:r><w:r>"
                '<w:t xml:space="preserve">'
            )

        return re.sub(rf"\[\[pitchkit-image {self.shelf.nonce} (\d+)\]\]", drawing, xml)

    def _part_for(self, image: Image) -> str:
        """The image part holding ``image``: the template's or this note's, else a new one."""
        known = self._images.get(image.sha1)
        if known is not None:
            return known
        count = len(self._images)
        number = next((n for n in range(1, count + 1) if n not in self._numbers), count + 1)
        name = f"/word/media/image{number}.{image.ext}"
        self._images[image.sha1] = name
        self._numbers.add(number)
        self.added.append((name.lstrip("/"), image.blob))
        self._types[name] = image.content_type
        return name

    def _relate(self, partname: str) -> str:
        """The body's relationship to image part ``partname``: the one it has, or a new one."""
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI

        target = PackURI(partname).relative_ref(self.body.base)
        for rid, reltype, ref, external in self._rels:
            if reltype == RELATIONSHIP_TYPE.IMAGE and ref == target and not external:
                return rid
        taken = {rel[0] for rel in self._rels}
        rid = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
        self._rels.append((rid, RELATIONSHIP_TYPE.IMAGE, target, False))
        return rid

    def relationships(self) -> bytes:
        """The body's relationships with the images', as python-docx writes them."""
        from docx.opc.oxml import CT_Relationships

        element = CT_Relationships.new()
        for rid, reltype, ref, external in self._rels:
            element.add_rel(rid, reltype, ref, external)
        return bytes(element.xml)

    def content_types(self, template: bytes) -> bytes:
        """``[Content_Types].xml`` with the new images' types, sorted as python-docx sorts."""
        from docx.opc.oxml import CT_Types
        from docx.opc.packuri import PackURI
        from docx.opc.spec import default_content_types

        root = etree.fromstring(template)
        defaults = {
            e.get("Extension"): e.get("ContentType") for e in root if e.tag.endswith("Default")
        }
        overrides = {
            e.get("PartName"): e.get("ContentType") for e in root if e.tag.endswith("Override")
        }
        known = {ext.lower() for ext in defaults}
        for partname, content_type in self._types.items():
            ext = PackURI(partname).ext
            if (ext.lower(), content_type) in default_content_types:
                if ext.lower() not in known:
                    defaults[ext] = content_type
                    known.add(ext.lower())
            else:
                overrides[partname] = content_type
        types = CT_Types.new()  # type: ignore[no-untyped-call]
        for ext in sorted(defaults):
            types.add_default(ext, defaults[ext])
        for partname in sorted(overrides):
            types.add_override(partname, overrides[partname])
        return _serialised_part(types)


def _entry_state(entry: _Entry) -> list[Any]:
    """An entry as plain data, in :class:`_Entry`'s field order."""
    return [entry.name, entry.data, entry.size, entry.crc, list(entry.date_time)]


def _entry_of(state: list[Any]) -> _Entry:
    """The entry :func:`_entry_state` gave as plain data."""
    name, data, size, crc, date_time = state
    return _Entry(name, data, size, crc, tuple(date_time))


def _shipped_state(data: bytes) -> dict[str, Any] | None:
    """The shipped preparation of the built-in template ``data``, or ``None``."""
    from pitchkit.word.packed import state_for

    return state_for(data)


@functools.cache
def _tools() -> Any:
    """A docxtpl template holding no document, for its ``fix_tables``.

    It works on the XML it is given alone, so a template restored from
    its shipped preparation calls it on this rather than on an opened package.
    """
    from pitchkit.word.render import PitchkitTemplate

    return PitchkitTemplate.__new__(PitchkitTemplate)


#: What python-docx parses parts with (``docx.oxml.parser``), without its element classes:
#: a part parsed here is only filled and serialised again, which they do not change.
_PARTS = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
#: What docxtpl's ``fix_tables`` parses a filled body with.
_RECOVERING = etree.XMLParser(recover=True)


def _parsed_part(xml: bytes) -> Any:
    """A part's XML parsed as python-docx parses it."""
    return etree.fromstring(xml, _PARTS)


def _serialised_part(element: Any) -> bytes:
    """A part's XML as python-docx writes it (``serialize_part_xml``)."""
    return bytes(etree.tostring(element, encoding="UTF-8", standalone=True))


def _prepares(data: bytes, lang: Language, name: str) -> bool:
    """Prepare the template ``data`` and drop it: run in a child to prove it fits the limits."""
    CompiledTemplate(data, lang=lang, name=name)
    return True


def _package_names(package: Any) -> set[str]:
    """The zip names of the parts python-docx reached through relationships, and their rels."""
    names = {"[Content_Types].xml", "_rels/.rels"}
    for part in package.iter_parts():
        names.add(_zip_name(part))
        names.add(str(part.partname.rels_uri).lstrip("/"))
    return names


def _zip_name(part: Any) -> str:
    """``word/document.xml`` for the part named ``/word/document.xml``."""
    return str(part.partname).lstrip("/")


def _with_core_registered(package: zipfile.ZipFile, name: str) -> bytes:
    """``[Content_Types].xml`` or ``_rels/.rels`` naming the core properties part."""
    from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE

    root = etree.fromstring(package.read(name))
    if name == "[Content_Types].xml":
        etree.SubElement(
            root,
            f"{{{_NS['ct']}}}Override",
            PartName=f"/{CORE_PART}",
            ContentType=CONTENT_TYPE.OPC_CORE_PROPERTIES,
        )
    else:
        taken = {element.get("Id") for element in root}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        etree.SubElement(
            root,
            f"{{{_NS['rel']}}}Relationship",
            Id=f"rId{number}",
            Type=RELATIONSHIP_TYPE.CORE_PROPERTIES,
            Target=CORE_PART,
        )
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


# --- the package ------------------------------------------------------------------------


def _static_entries(
    package: zipfile.ZipFile, filled: set[str], kept: set[str]
) -> list[_Entry | str]:
    """Every part in order: compressed entries to copy, or the name of a part made per note.

    Only the entries in ``kept`` (the parts the document's relationships
    reach, and their relationships) are copied: anything else in the
    template's zip never reaches a note.
    """
    names = [name for name in package.namelist() if name in kept]
    order = sorted(names, key=lambda name: name != "[Content_Types].xml")
    has_core = CORE_PART in names
    entries: list[_Entry | str] = []
    for name in order:
        info = package.getinfo(name)
        if name in filled or name == CORE_PART:
            entries.append(name)
            continue
        data = package.read(name)
        if not has_core and name in ("[Content_Types].xml", "_rels/.rels"):
            data = _with_core_registered(package, name)
        if name == "[Content_Types].xml":
            data = _only_kept_overrides(data, kept)
        entries.append(_compressed(name, data, info.date_time))
    if not has_core:
        entries.append(CORE_PART)
    return entries


def _only_kept_overrides(data: bytes, kept: set[str]) -> bytes:
    """``[Content_Types].xml`` without the overrides naming parts that are not copied."""
    root = etree.fromstring(data)
    wanted = {f"/{name}".casefold() for name in kept}
    dropped = [
        element
        for element in root
        if element.tag == f"{{{_NS['ct']}}}Override"
        and str(element.get("PartName", "")).casefold() not in wanted
    ]
    if not dropped:
        return data
    for element in dropped:
        root.remove(element)
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


def _compressed(
    name: str, data: bytes, date_time: tuple[int, int, int, int, int, int] = _EPOCH
) -> _Entry:
    """Deflate ``data`` once, as a zip entry."""
    compressor = zlib.compressobj(_COMPRESSION, zlib.DEFLATED, -15)
    packed = compressor.compress(data) + compressor.flush()
    return _Entry(name, packed, len(data), zlib.crc32(data), date_time)


#: Filled parts remembered, finished or compressed, with the bytes they came from: a
#: note's headers, footers and relationships are mostly the same from note to note.
#: Only parts up to _REMEMBERED_SIZE characters are kept, so memory stays small.
_REMEMBERED_PARTS = 64
_REMEMBERED_SIZE = 64 * 1024


def _compressed_once(name: str, data: bytes, date_time: DateTime = _EPOCH) -> _Entry:
    """:func:`_compressed`, remembered for parts that recur from note to note."""
    if len(data) > _REMEMBERED_SIZE:
        return _compressed(name, data, date_time)
    return _remembered_compressed(name, data, date_time)


_remembered_compressed = functools.lru_cache(maxsize=_REMEMBERED_PARTS)(_compressed)


def _finished_part(xml: bytes, rels: bytes | None) -> FinishedPart:
    """:func:`~pitchkit.word.finish.finish_part`, remembered (it depends on nothing else)."""
    if len(xml) > _REMEMBERED_SIZE:
        return finish_part(xml, rels)
    return _remembered_finish(xml, rels)


_remembered_finish = functools.lru_cache(maxsize=_REMEMBERED_PARTS)(finish_part)


def _header_bytes(xml: str) -> bytes:
    """A filled header or footer as python-docx writes it back (parsed and serialised)."""
    if len(xml) > _REMEMBERED_SIZE:
        return _serialised(xml)
    return _remembered_serialised(xml)


def _serialised(xml: str) -> bytes:
    return _serialised_part(_parsed_part(xml.encode("utf-8")))


_remembered_serialised = functools.lru_cache(maxsize=_REMEMBERED_PARTS)(_serialised)


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    """A zip entry's time and date fields."""
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


#: A zip entry's local header, and its directory record up to the offset.
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHI")
_OFFSET = struct.Struct("<I")
_END = struct.Struct("<IHHHHIIH")


def _write_zip(entries: list[_Entry | str], made: Mapping[str, bytes]) -> bytes:
    """Write a zip of ``entries``, taking the parts named as strings from ``made``.

    An entry of the template whose name is in ``made`` is replaced by it.

    Plain deflated entries with no extras: what Word, LibreOffice and
    Python's zipfile all read. Each entry's header and directory record
    are packed once (:class:`_Entry`), so a note only joins them, with the
    offsets where its entries fall.
    """
    pieces: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for item in entries:
        if isinstance(item, str):
            entry = _compressed_once(item, made[item])
        elif item.name in made:  # a part of the template changed for this note
            entry = _compressed_once(item.name, made[item.name], item.date_time)
        else:
            entry = item
        local = entry.local
        pieces.append(local)
        directory += (entry.central, _OFFSET.pack(offset), entry.name_bytes)
        offset += len(local)
    listing = b"".join(directory)
    count = len(pieces)
    pieces += (listing, _END.pack(0x06054B50, 0, 0, count, count, len(listing), offset, 0))
    return b"".join(pieces)
