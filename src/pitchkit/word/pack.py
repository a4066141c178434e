"""The meeting pack: every note of a batch in one document, each in its own section.

:func:`build_pack` joins .docx files made from one template. Each note
starts on a new page, keeps its own headers and footers and numbers its
lists from 1; the parts a
later note refers to (pictures, headers, footers) are copied in under new
names, and bookmark and drawing ids are renumbered so that none clash.
Bilingual documents use the same joiner for their two languages.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Sequence
from copy import deepcopy
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from pitchkit.errors import OutputError
from pitchkit.i18n.messages import Message
from pitchkit.output.files import check_writable

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_DOCUMENT = "word/document.xml"
_DOCUMENT_RELS = "word/_rels/document.xml.rels"
_CONTENT_TYPES = "[Content_Types].xml"
_CORE = "docProps/core.xml"
_HEADER_FOOTER = ("/header", "/footer")
#: Elements of a section's properties that come before ``w:type``.
_BEFORE_TYPE = frozenset(
    f"{{{_W}}}{n}" for n in ("headerReference", "footerReference", "footnotePr", "endnotePr")
)
#: References to parts a pack cannot merge.
_UNMERGEABLE = frozenset(
    f"{{{_W}}}{n}" for n in ("footnoteReference", "endnoteReference", "commentReference")
)
_BOOKMARK_NAME_MAX = 40
_FIRST_HEADER_DRAWING_ID = 100_000


def _w(name: str) -> str:
    """The qualified name of WordprocessingML element ``name``."""
    return f"{{{_W}}}{name}"


def _xml_bytes(root: Any) -> bytes:
    """An XML part as Word writes it."""
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


class _Package:
    """A .docx read into named parts."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.relationships = {
            rel.get("Id"): rel for rel in etree.fromstring(self.parts[_DOCUMENT_RELS])
        }
        self.types = etree.fromstring(self.parts[_CONTENT_TYPES])

    def body(self) -> Any:
        """The document's ``w:body`` element, freshly parsed."""
        return etree.fromstring(self.parts[_DOCUMENT]).find(_w("body"))

    def content_type(self, partname: str) -> tuple[str, str] | None:
        """``("Override", type)`` or ``("Default", type)`` for a part, if declared."""
        for element in self.types:
            if element.get("PartName") == f"/{partname}":
                return "Override", str(element.get("ContentType"))
        extension = partname.rsplit(".", 1)[-1].lower()
        for element in self.types:
            if str(element.get("Extension", "")).lower() == extension:
                return "Default", str(element.get("ContentType"))
        return None


def build_pack(notes: Sequence[Path], *, title: str) -> bytes:
    """Put the notes (all from one template) into one document, each in its own section.

    Each note starts on a new page and keeps its own headers and footers.
    Raises :class:`OutputError` for notes with footnotes or comments, which
    a pack cannot merge.
    """
    base = _Package(notes[0].read_bytes())
    builder = _PackBuilder(base)
    for number, path in enumerate(notes, start=1):
        note = base if number == 1 else _Package(path.read_bytes())
        builder.add(note, number, last=number == len(notes), name=path.name)
    return builder.finish(title)


def check_pack_path(pack: Path, *, force: bool) -> None:
    """Refuse a pack name that is not a .docx or would replace a file without --force."""
    if pack.suffix.lower() != ".docx":
        raise OutputError(Message("--pack {pack}: give a file name ending in .docx", pack=pack))
    check_writable(pack, force=force, option="--pack")


class _PackBuilder:
    """Collects the notes' bodies, parts and relationships into one package."""

    def __init__(self, base: _Package) -> None:
        self.parts = dict(base.parts)
        self.root = etree.fromstring(base.parts[_DOCUMENT])
        self.body = self.root.find(_w("body"))
        for child in list(self.body):
            self.body.remove(child)
        self.rels = etree.fromstring(base.parts[_DOCUMENT_RELS])
        self.types = base.types
        self.bookmark_offset = 0
        self.header_drawing_id = _FIRST_HEADER_DRAWING_ID
        self.numbering_name = _numbering_part(base)
        self.numbering = (
            etree.fromstring(base.parts[self.numbering_name]) if self.numbering_name else None
        )
        self.styled_lists = _styled_lists(base)

    def add(self, note: _Package, number: int, *, last: bool, name: str) -> None:
        """Append one note as its own section(s)."""
        body = note.body()
        if number > 1:
            self._relink(note, body, number, name)
            self._restart_numbering(body)
        self._renumber_bookmarks(body, number)
        children = list(body)
        final = children.pop() if children and children[-1].tag == _w("sectPr") else None
        if final is None:
            final = etree.Element(_w("sectPr"))
        sections = [*body.iter(_w("sectPr"))]
        _start_on_new_page(sections[0] if sections else final)
        self.body.extend(children)
        if last:
            self.body.append(final)
        else:
            _end_section(self.body, final)

    def _relink(self, note: _Package, body: Any, number: int, name: str) -> None:
        """Point the note's relationships at parts in the pack, copying what it needs."""
        if any(element.tag in _UNMERGEABLE for element in body.iter()):
            raise OutputError(
                Message(
                    "{name} has footnotes, endnotes or comments, which a pack cannot merge: "
                    "remove them from the template, or print the notes one by one",
                    name=name,
                )
            )
        linked: dict[str, str] = {}
        for element in body.iter():
            for attribute, value in element.attrib.items():
                if attribute.startswith(f"{{{_R}}}"):
                    if value not in linked:
                        linked[value] = self._relate(note, value, number)
                    element.set(attribute, linked[value])

    def _relate(self, note: _Package, rid: str, number: int) -> str:
        """Add to the pack the relationship ``rid`` of ``note``; return its new id."""
        rel = note.relationships.get(rid)
        if rel is None:
            return rid
        target = str(rel.get("Target"))
        if rel.get("TargetMode") != "External":
            target = self._copy_part(note, _part_name(target), number)
        return self._add_relationship(str(rel.get("Type")), target, rel.get("TargetMode"))

    def _copy_part(self, note: _Package, partname: str, number: int) -> str:
        """Copy a part the note refers to (with its own relationships); return its target."""
        data = note.parts.get(partname)
        if data is None:
            return _target(partname)
        kinds = note.content_type(partname)
        own_sections = kinds is not None and kinds[1].endswith(
            tuple(f"{k[1:]}+xml" for k in _HEADER_FOOTER)
        )
        if self.parts.get(partname) == data and not own_sections:
            return _target(partname)
        folder, _, file_name = partname.rpartition("/")
        stem, dot, extension = file_name.rpartition(".")
        copy_name = f"{folder}/{stem}-{number}{dot}{extension}"
        while copy_name in self.parts:
            copy_name = f"{folder}/{stem}-{number}-{len(self.parts)}{dot}{extension}"
        if own_sections and b"docPr" in data:
            data = self._renumber_header_drawings(data)
        self.parts[copy_name] = data
        rels = f"{folder}/_rels/{file_name}.rels"
        if rels in note.parts:
            self.parts[f"{folder}/_rels/{copy_name.rpartition('/')[2]}.rels"] = note.parts[rels]
        if kinds is not None:
            self._declare(copy_name, *kinds)
        return _target(copy_name)

    def _renumber_header_drawings(self, data: bytes) -> bytes:
        """Give a copied header's drawings ids no other drawing has."""
        root = etree.fromstring(data)
        for drawing in root.iter(_DOC_PR):
            self.header_drawing_id += 1
            drawing.set("id", str(self.header_drawing_id))
        return _xml_bytes(root)

    def _declare(self, partname: str, how: str, content_type: str) -> None:
        """Declare a copied part's content type, unless its extension already does."""
        if how == "Override":
            etree.SubElement(
                self.types, f"{{{_CT}}}Override", PartName=f"/{partname}", ContentType=content_type
            )
            return
        extension = partname.rsplit(".", 1)[-1]
        known = {str(e.get("Extension", "")).lower() for e in self.types}
        if extension.lower() not in known:
            self.types.insert(
                0, etree.Element(f"{{{_CT}}}Default", Extension=extension, ContentType=content_type)
            )

    def _add_relationship(self, kind: str, target: str, mode: str | None) -> str:
        """Add a relationship from the document; return its new id."""
        taken = {str(rel.get("Id")) for rel in self.rels}
        number = len(taken) + 1
        while f"rId{number}" in taken:
            number += 1
        attributes = {"Id": f"rId{number}", "Type": kind, "Target": target}
        if mode:
            attributes["TargetMode"] = mode
        etree.SubElement(self.rels, f"{{{_PR}}}Relationship", **attributes)
        return f"rId{number}"

    def _restart_numbering(self, body: Any) -> None:
        """Start each numbered list of a later note at 1 again, as in the note itself.

        All notes share the first note's numbering part, so a list would go on
        counting from the note before (1-3, then 4-6). Each list the note uses
        gets a new numbering instance of the same list style whose levels
        restart at their first number.
        """
        if self.numbering is None:
            return
        for paragraph in body.iter(_w("p")):
            self._number_explicitly(paragraph)
        used: dict[str, str] = {}
        for num_id in body.iter(_w("numId")):
            old = num_id.get(_w("val"))
            if old is None or old == "0":  # 0 means "no numbering"
                continue
            if old not in used:
                used[old] = self._new_instance(old)
            num_id.set(_w("val"), used[old])

    def _number_explicitly(self, paragraph: Any) -> None:
        """Give a paragraph numbered only through its style its own ``w:numPr``.

        A list numbered by its style (Word's List Number) has no id in the
        paragraph to replace; writing the style's numbering into the paragraph
        lets :meth:`_restart_numbering` restart it like any other list.
        """
        properties = paragraph.find(_w("pPr"))
        if properties is None or properties.find(_w("numPr")) is not None:
            return
        style = properties.find(_w("pStyle"))
        listed = None if style is None else self.styled_lists.get(str(style.get(_w("val"))))
        if listed is None:
            return
        num_id, level = listed
        numbering = etree.Element(_w("numPr"))
        etree.SubElement(numbering, _w("ilvl")).set(_w("val"), level)
        etree.SubElement(numbering, _w("numId")).set(_w("val"), num_id)
        style.addnext(numbering)  # numPr follows pStyle (and keepNext...) in pPr's order
        _reorder_numbering(properties, numbering)

    def _new_instance(self, old: str) -> str:
        """A copy of numbering instance ``old`` that restarts every level; its new id."""
        assert self.numbering is not None
        instances = self.numbering.findall(_w("num"))
        source = next((n for n in instances if n.get(_w("numId")) == old), None)
        if source is None:
            return old
        taken = [
            int(n.get(_w("numId"), "0")) for n in instances if n.get(_w("numId"), "").isdigit()
        ]
        new_id = str(max(taken, default=0) + 1)
        copy = etree.Element(_w("num"))
        copy.set(_w("numId"), new_id)
        copy.append(deepcopy(source.find(_w("abstractNumId"))))
        for level in range(9):
            override = etree.SubElement(copy, _w("lvlOverride"))
            override.set(_w("ilvl"), str(level))
            start = etree.SubElement(override, _w("startOverride"))
            start.set(_w("val"), str(self._start_of(source, level)))
        instances[-1].addnext(copy)
        return new_id

    def _start_of(self, instance: Any, level: int) -> int:
        """The number level ``level`` of a list style starts at (1 unless it says)."""
        assert self.numbering is not None
        abstract = instance.find(_w("abstractNumId"))
        wanted = None if abstract is None else abstract.get(_w("val"))
        for style in self.numbering.iter(_w("abstractNum")):
            if style.get(_w("abstractNumId")) != wanted:
                continue
            for lvl in style.iter(_w("lvl")):
                start = lvl.find(_w("start"))
                if lvl.get(_w("ilvl")) == str(level) and start is not None:
                    value = str(start.get(_w("val"), "1"))
                    return int(value) if value.isdigit() else 1
        return 1

    def _renumber_bookmarks(self, body: Any, number: int) -> None:
        """Keep bookmark ids and names distinct across the notes."""
        highest = self.bookmark_offset
        for element in body.iter(_w("bookmarkStart"), _w("bookmarkEnd")):
            value = element.get(_w("id"))
            if value is not None and value.lstrip("-").isdigit():
                new = int(value) + self.bookmark_offset
                element.set(_w("id"), str(new))
                highest = max(highest, new + 1)
            name = element.get(_w("name"))
            if name and number > 1:
                suffix = f"_{number}"
                element.set(_w("name"), name[: _BOOKMARK_NAME_MAX - len(suffix)] + suffix)
        self.bookmark_offset = highest

    def finish(self, title: str) -> bytes:
        """The pack's bytes: drawings renumbered, properties titled."""
        for number, drawing in enumerate(self.body.iter(_DOC_PR), start=1):
            drawing.set("id", str(number))
        self.parts[_DOCUMENT] = _xml_bytes(self.root)
        self.parts[_DOCUMENT_RELS] = _xml_bytes(self.rels)
        self.parts[_CONTENT_TYPES] = _xml_bytes(self.types)
        if self.numbering_name and self.numbering is not None:
            self.parts[self.numbering_name] = _xml_bytes(self.numbering)
        if _CORE in self.parts:
            # Here, not at the top: a batch checks its --pack name (check_pack_path) on every
            # run, and python-docx is about 30 ms to load.
            from docx.opc.coreprops import CoreProperties
            from docx.oxml.parser import parse_xml

            core_root = parse_xml(self.parts[_CORE])
            core = CoreProperties(core_root)
            core.title = title[:250]
            self.parts[_CORE] = _xml_bytes(core_root)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr(_CONTENT_TYPES, self.parts.pop(_CONTENT_TYPES))
            for name, data in self.parts.items():
                package.writestr(name, data)
        return buffer.getvalue()


#: Elements of ``w:pPr`` that come before ``w:numPr``.
_BEFORE_NUMBERING = frozenset(
    _w(n) for n in ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl")
)


def _reorder_numbering(properties: Any, numbering: Any) -> None:
    """Put ``w:numPr`` straight after the elements the schema puts before it."""
    properties.remove(numbering)
    position = sum(1 for child in properties if child.tag in _BEFORE_NUMBERING)
    properties.insert(position, numbering)


def _styled_lists(package: _Package) -> dict[str, tuple[str, str]]:
    """Paragraph styles that number their paragraphs: style id to ``(numId, ilvl)``.

    A style may inherit its numbering through ``w:basedOn``.
    """
    data = package.parts.get("word/styles.xml")
    if data is None:
        return {}
    own: dict[str, tuple[str, str] | None] = {}
    based_on: dict[str, str] = {}
    for style in etree.fromstring(data).iter(_w("style")):
        style_id = str(style.get(_w("styleId")))
        parent = style.find(_w("basedOn"))
        if parent is not None:
            based_on[style_id] = str(parent.get(_w("val")))
        num_id = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('numId')}")
        level = style.find(f"{_w('pPr')}/{_w('numPr')}/{_w('ilvl')}")
        own[style_id] = (
            None
            if num_id is None
            else (str(num_id.get(_w("val"))), "0" if level is None else str(level.get(_w("val"))))
        )
    found: dict[str, tuple[str, str]] = {}
    for style_id in own:
        current: str | None = style_id
        for _ in range(20):  # a basedOn chain is short; a loop in it must not hang
            if current is None:
                break
            listed = own.get(current)
            if listed is not None:
                if listed[0] != "0":
                    found[style_id] = listed
                break
            current = based_on.get(current)
    return found


def _numbering_part(package: _Package) -> str | None:
    """The name of the document's numbering part, if it has one."""
    for rel in package.relationships.values():
        if str(rel.get("Type", "")).endswith("/numbering") and rel.get("TargetMode") != "External":
            name = _part_name(str(rel.get("Target")))
            return name if name in package.parts else None
    return None


def _part_name(target: str) -> str:
    """The package name of a target written relative to ``word/`` (or absolute)."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join("word", target))


def _target(partname: str) -> str:
    """A target relative to ``word/`` for a part name."""
    return posixpath.relpath(partname, "word")


def _start_on_new_page(section: Any) -> None:
    """Make a section start on a new page (``w:type nextPage``)."""
    kind = section.find(_w("type"))
    if kind is None:
        kind = etree.Element(_w("type"))
        position = sum(1 for child in section if child.tag in _BEFORE_TYPE)
        section.insert(position, kind)
    kind.set(_w("val"), "nextPage")


def _end_section(body: Any, section: Any) -> None:
    """End the section at the body's last paragraph, adding an empty one after a table."""
    last = body[-1] if len(body) else None
    if last is None or last.tag != _w("p") or last.find(f"{_w('pPr')}/{_w('sectPr')}") is not None:
        last = etree.SubElement(body, _w("p"))
    properties = last.find(_w("pPr"))
    if properties is None:
        properties = etree.Element(_w("pPr"))
        last.insert(0, properties)
    change = properties.find(_w("pPrChange"))
    if change is not None:
        change.addprevious(section)
    else:
        properties.append(section)
