"""Take out of a user's Word template everything that would fetch or run something.

A template can come from anywhere, and whatever it carries is copied into
every note made from it. Before a user's template is filled (and before
``template check`` reads it), :func:`guard_template` removes:

- links to content outside the file: images linked rather than inserted,
  an attached template (``attachedTemplate``), linked objects, frames and
  subdocuments, mail-merge data sources, and links to files
  (``file:``, network shares and other non-web addresses; a link's text
  stays);
- fields that fetch or run something when the document is opened or
  updated: ``INCLUDETEXT``, ``INCLUDEPICTURE``, ``INCLUDE``, ``IMPORT``,
  ``LINK``, ``DDE``, ``DDEAUTO``, ``DATABASE``, ``RD``, ``MACROBUTTON``,
  ``PRINT``, and a field whose name is itself made by another field, in
  both the simple form (``w:fldSimple``) and the complex one
  (``w:fldChar`` and ``w:instrText``); a ``HYPERLINK`` field to a file
  loses its link and keeps its text;
- embedded documents Word imports when it opens the file (``altChunk``);
- macros and ActiveX controls (``vbaProject.bin``, ``vbaData.xml``, key
  bindings, toolbars, ribbon customisations), and the macro-enabled
  document type becomes the ordinary one.

Links to web and e-mail addresses (``http``, ``https``, ``mailto``) stay:
they are followed only when a reader clicks them, never fetched to show
the note. Each removal is described by a message for ``template check``
and for the warning every command gives about a template.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree  # type: ignore[import-untyped]

from pitchkit.i18n.messages import Located, Message, Renderable
from pitchkit.word.templatefile import part_label, unreadable

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_O = "urn:schemas-microsoft-com:office:office"
_V = "urn:schemas-microsoft-com:vml"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MS_REL = "http://schemas.microsoft.com/office/2006/relationships/"

#: Fields that fetch a file or run something when the document is opened or updated.
ACTIVE_FIELDS = frozenset(
    {
        "INCLUDETEXT",
        "INCLUDEPICTURE",
        "INCLUDE",
        "IMPORT",
        "LINK",
        "DDE",
        "DDEAUTO",
        "DATABASE",
        "RD",
        "MACROBUTTON",
        "PRINT",
    }
)
#: Addresses a link may keep: opened only when a reader clicks, never fetched.
WEB_SCHEMES = frozenset({"http", "https", "mailto"})
#: Parts holding macros or ActiveX controls, by content type.
MACRO_TYPES = frozenset(
    {
        "application/vnd.ms-office.vbaProject",
        "application/vnd.ms-word.vbaData+xml",
        "application/vnd.ms-word.keyMapCustomizations+xml",
        "application/vnd.ms-word.attachedToolbars",
        "application/vnd.ms-office.activeX+xml",
        "application/vnd.ms-office.activeX",
    }
)
#: Relationships to macros, ActiveX controls and ribbon customisations.
MACRO_RELATIONSHIPS = frozenset(
    {
        _MS_REL + "vbaProject",
        _MS_REL + "wordVbaData",
        _MS_REL + "keyMapCustomizations",
        _MS_REL + "attachedToolbars",
        _MS_REL + "activeXControlBinary",
        _MS_REL + "ui/extensibility",
        "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
        _REL + "control",
    }
)
#: The macro-enabled main document types, and the ordinary one they become.
MACRO_MAIN_TYPES = frozenset(
    {
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    }
)
DOCUMENT_MAIN_TYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
)
_HYPERLINK = _REL + "hyperlink"
_IMAGE = _REL + "image"
_ATTACHED_TEMPLATE = _REL + "attachedTemplate"
_ALT_CHUNK = _REL + "aFChunk"
#: Elements that hold a picture or object as a whole: removed together with what they link to.
_CONTAINERS = (f"{{{_W}}}drawing", f"{{{_W}}}pict", f"{{{_W}}}object")
_SHOWN_CHARS = 80
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
#: Bytes that show a part may hold something :func:`_clean_part` removes.
_WORTH_PARSING = (b"fldSimple", b"instrText", b"altChunk", b"mailMerge", b"imagedata", b"href")


@dataclass(frozen=True)
class Guarded:
    """A template with its external and active content removed, and what was removed."""

    data: bytes
    removed: tuple[Renderable, ...] = ()


@dataclass
class _Package:
    """The parts of a .docx being cleaned, by name, with their content types."""

    infos: dict[str, zipfile.ZipInfo]
    parts: dict[str, bytes]
    types: dict[str, str] = field(default_factory=dict)
    removed: list[Renderable] = field(default_factory=list)
    dropped_ids: dict[str, set[str]] = field(default_factory=dict)
    macros: list[str] = field(default_factory=list)
    macro_enabled: bool = False
    changed: set[str] = field(default_factory=set)

    def note(self, part: str, message: Message) -> None:
        """Record a removal from ``part``, once."""
        located = Located(_label(part), message)
        if all(str(found) != str(located) for found in self.removed):
            self.removed.append(located)


def guard_template(data: bytes, name: str = "template") -> Guarded:
    """``data`` without links to outside content, active fields, altChunks or macros.

    Returns the bytes unchanged (the same object) when there is nothing to
    remove. Raises :class:`~pitchkit.errors.TemplateError` when a part
    that must be cleaned is not XML.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            package = _Package(infos, {name_: archive.read(name_) for name_ in infos})
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, ValueError):
        return Guarded(data)  # reading it as a template says what is wrong
    try:
        _read_types(package)
        _clean_relationships(package)
        for part in list(package.parts):
            if _is_story(part):
                _clean_part(package, part)
    except etree.XMLSyntaxError as error:
        raise unreadable(name, error) from None
    if package.macros or package.macro_enabled:
        names = dict.fromkeys(posixpath.basename(p) for p in package.macros)
        package.note(
            "[Content_Types].xml" if not package.macros else package.macros[0],
            Message(
                "removed the template's macros ({parts}): notes never carry macros, "
                "so save the template as Word Document (.docx)",
                parts=", ".join(names) or "docm",
            ),
        )
    if not package.changed:
        return Guarded(data)
    _drop_unreachable(package)
    _write_types(package)
    return Guarded(_write(package), tuple(package.removed))


# ---------------------------------------------------------------- reading the package


def _label(part: str) -> str:
    """``body``, ``header``... for the parts Jinja fills; the part's name for others."""
    label = part_label(part)
    return part if label == "body" and part != "word/document.xml" else label


def _is_story(part: str) -> bool:
    """Whether ``part`` is WordprocessingML XML that may hold fields, links or pictures."""
    return part.startswith("word/") and part.endswith(".xml") and "/_rels/" not in part


def _read_types(package: _Package) -> None:
    """Each part's content type, from ``[Content_Types].xml``."""
    source = package.parts.get("[Content_Types].xml")
    if source is None:
        return
    root = etree.fromstring(source, _PARSER)
    defaults = {
        str(item.get("Extension", "")).lower(): str(item.get("ContentType", ""))
        for item in root.iter(f"{{{_CT}}}Default")
    }
    overrides = {
        str(item.get("PartName", "")).lstrip("/"): str(item.get("ContentType", ""))
        for item in root.iter(f"{{{_CT}}}Override")
    }
    for part in package.parts:
        extension = part.rsplit(".", 1)[-1].lower()
        package.types[part] = overrides.get(part, defaults.get(extension, ""))
    for part, content_type in package.types.items():
        if content_type in MACRO_TYPES:
            _drop_macro(package, part)
    if any(content_type in MACRO_MAIN_TYPES for content_type in overrides.values()):
        package.macro_enabled = True
        package.changed.add("[Content_Types].xml")


def _drop_macro(package: _Package, part: str) -> None:
    """Remove a macro or ActiveX part."""
    package.parts.pop(part, None)
    if part not in package.macros:
        package.macros.append(part)
    package.changed.add(part)


def _relationships_source(rels: str) -> str:
    """``word/document.xml`` for ``word/_rels/document.xml.rels``; ``""`` for the package's."""
    folder, _, file_name = rels.rpartition("_rels/")
    return posixpath.join(folder, file_name.removesuffix(".rels")) if folder else ""


def _target(source: str, target: str) -> str:
    """The part name a relationship of ``source`` points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def shown(target: str) -> str:
    """An address as a message shows it: one line, no control characters, not too long."""
    text = " ".join(_CONTROL.sub("", target).split())
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


# ---------------------------------------------------------------- relationships


def _clean_relationships(package: _Package) -> None:
    """Remove relationships to outside content, altChunks and macros, noting each."""
    for rels in [name for name in package.parts if name.endswith(".rels")]:
        source = _relationships_source(rels)
        root = etree.fromstring(package.parts[rels], _PARSER)
        dropped = package.dropped_ids.setdefault(source, set())
        for relationship in list(root.iter(f"{{{_PKG}}}Relationship")):
            if _drop_relationship(package, source, relationship):
                dropped.add(str(relationship.get("Id", "")))
                root.remove(relationship)
        if dropped:
            package.parts[rels] = _serialise(root)
            package.changed.add(rels)


def _drop_relationship(package: _Package, source: str, relationship: etree._Element) -> bool:
    """Whether to remove ``relationship`` of ``source``; note why when it is removed."""
    kind = str(relationship.get("Type", ""))
    target = str(relationship.get("Target", ""))
    external = str(relationship.get("TargetMode", "")).lower() == "external"
    if not external:
        part = _target(source, target)
        if kind in MACRO_RELATIONSHIPS or package.types.get(part) in MACRO_TYPES:
            _drop_macro(package, part)
            return True
        if kind == _ALT_CHUNK:
            package.note(source, _ALT_CHUNK_MESSAGE)
            return True
        return part in package.macros
    if kind == _HYPERLINK:
        if urlsplit(target.strip()).scheme.lower() in WEB_SCHEMES:
            return False
        package.note(
            source,
            Message(
                "removed the link to {target}, a file on a computer or network, and kept "
                "its text: link to a web address instead",
                target=shown(target),
            ),
        )
    elif kind == _IMAGE:
        package.note(source, _linked_image(target))
    elif kind == _ATTACHED_TEMPLATE:
        package.note(
            source,
            Message(
                "removed the link to the attached template {target}, which Word would look "
                "for when the note is opened; the template's own styles are kept",
                target=shown(target),
            ),
        )
    elif kind == _ALT_CHUNK:
        package.note(source, _ALT_CHUNK_MESSAGE)
    elif kind in MACRO_RELATIONSHIPS:
        package.macros.append(shown(target))
    else:
        package.note(
            source,
            Message(
                "removed a link to {target} ({kind}), which would be fetched when the note "
                "is opened: put the content itself in the template",
                target=shown(target),
                kind=kind.rsplit("/", 1)[-1],
            ),
        )
    return True


_ALT_CHUNK_MESSAGE = Message(
    "removed an embedded document (altChunk), which Word would import when the note is "
    "opened and pitchkit cannot fill: paste its content into the template instead"
)


def _linked_image(target: str) -> Message:
    return Message(
        "removed an image linked to {target}, which Word or LibreOffice would fetch when the "
        "note is opened: insert the picture itself (Insert > Pictures > This Device)",
        target=shown(target),
    )


# ---------------------------------------------------------------- the XML of a part


def _clean_part(package: _Package, part: str) -> None:
    """Remove from one part what the removed relationships pointed at, and active fields."""
    data = package.parts[part]
    dropped = package.dropped_ids.get(part, set())
    if not dropped and not any(marker in data for marker in _WORTH_PARSING):
        return
    root = etree.fromstring(data, _PARSER)
    changes = _references(package, part, root, dropped)
    changes += _simple_fields(package, part, root)
    changes += _complex_fields(package, part, root)
    changes += _alt_chunks(package, part, root)
    changes += _vml_links(package, part, root)
    changes += _mail_merge(package, part, root)
    if changes:
        package.parts[part] = _serialise(root)
        package.changed.add(part)


def _references(package: _Package, part: str, root: etree._Element, dropped: set[str]) -> int:
    """Remove or unwrap the elements that use a removed relationship."""
    if not dropped:
        return 0
    found = 0
    for element in list(root.iter()):
        names = [
            name
            for name, value in element.attrib.items()
            if value in dropped and (name.startswith(f"{{{_R}}}") or name == f"{{{_O}}}relid")
        ]
        if not names:
            continue
        found += 1
        if element.tag == f"{{{_W}}}hyperlink":
            _unwrap(element)
        elif (
            element.tag == f"{{{_A}}}blip"
            and names == [f"{{{_R}}}link"]
            and (element.get(f"{{{_R}}}embed") not in (None, *dropped))
        ):
            del element.attrib[f"{{{_R}}}link"]  # linked and embedded: keep the embedded copy
        elif element.tag in (f"{{{_A}}}hlinkClick", f"{{{_A}}}hlinkHover"):
            _remove(element)
        else:
            _remove(_container(element))
    return found


def _container(element: etree._Element) -> etree._Element:
    """The drawing, picture or object ``element`` belongs to, or ``element`` itself."""
    for ancestor in element.iterancestors(*_CONTAINERS):
        return ancestor
    return element


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Replace ``element`` by its children (a link by its text)."""
    parent = element.getparent()
    if parent is None:
        return
    index = parent.index(element)
    for offset, child in enumerate(list(element)):
        parent.insert(index + offset, child)
    parent.remove(element)


def _field_name(instruction: str) -> str:
    """``INCLUDETEXT`` for ``includetext "x"`` and its switches."""
    words = instruction.replace('"', " ").split()
    return words[0].upper() if words else ""


_TOKEN = re.compile(r'"[^"]*"|\S+')
#: HYPERLINK switches followed by a value: a place, a tooltip, a target frame.
_SWITCHES_WITH_VALUES = frozenset({"\\l", "\\o", "\\t"})


def _file_hyperlink(instruction: str) -> str | None:
    """The address of a ``HYPERLINK`` field that does not point to the web, else None."""
    tokens = _TOKEN.findall(instruction)
    if not tokens or tokens[0].upper() != "HYPERLINK":
        return None
    rest = iter(tokens[1:])
    for token in rest:
        if token.startswith("\\") and len(token) == 2:
            if token.lower() in _SWITCHES_WITH_VALUES:
                next(rest, None)
            continue
        address = token.strip('"').strip()
        return None if urlsplit(address).scheme.lower() in WEB_SCHEMES else address
    return None  # a link to a place in this document


def _field_removed(instruction: str, made_by_a_field: bool = False) -> Message:
    name = f"{{…}}{instruction.strip()}" if made_by_a_field else _field_name(instruction)
    return Message(
        "removed the field {field}, which fetches a file or runs a program when the document "
        "is opened or updated: put the text or picture itself in the template",
        field=shown(name or "?"),
    )


def _simple_fields(package: _Package, part: str, root: etree._Element) -> int:
    """Remove active ``w:fldSimple`` fields; unwrap a simple hyperlink field to a file."""
    found = 0
    for simple in list(root.iter(f"{{{_W}}}fldSimple")):
        instruction = str(simple.get(f"{{{_W}}}instr", ""))
        address = _file_hyperlink(instruction)
        if address is not None:
            package.note(part, _file_link(address))
            _unwrap(simple)
            found += 1
        elif _field_name(instruction) in ACTIVE_FIELDS:
            package.note(part, _field_removed(instruction))
            _remove(simple)
            found += 1
    return found


def _file_link(address: str) -> Message:
    return Message(
        "removed the link to {target}, a file on a computer or network, and kept "
        "its text: link to a web address instead",
        target=shown(address),
    )


@dataclass
class _Field:
    """A complex field being read: its begin, separate and end runs, and its instruction."""

    begin: etree._Element
    instruction: list[str] = field(default_factory=list)
    made_by_a_field: bool = False
    separate: etree._Element | None = None


def _run_of(element: etree._Element) -> etree._Element:
    parent = element.getparent()
    return parent if parent is not None and parent.tag == f"{{{_W}}}r" else element


def _complex_fields(package: _Package, part: str, root: etree._Element) -> int:
    """Remove active complex fields (``w:fldChar`` ... ``w:instrText``), results and all."""
    runs = list(root.iter(f"{{{_W}}}r", f"{{{_W}}}fldChar", f"{{{_W}}}instrText"))
    position = {id(element): index for index, element in enumerate(runs)}
    open_fields: list[_Field] = []
    doomed: list[tuple[int, int]] = []
    for element in runs:
        if element.tag == f"{{{_W}}}fldChar":
            kind = element.get(f"{{{_W}}}fldCharType")
            if kind == "begin":
                if open_fields and open_fields[-1].separate is None:
                    outer = open_fields[-1]
                    outer.made_by_a_field |= not "".join(outer.instruction).strip()
                open_fields.append(_Field(_run_of(element)))
            elif kind == "separate" and open_fields:
                open_fields[-1].separate = _run_of(element)
            elif kind == "end" and open_fields:
                closed = open_fields.pop()
                doomed += _judge(package, part, closed, _run_of(element), position)
        elif (
            element.tag == f"{{{_W}}}instrText" and open_fields and open_fields[-1].separate is None
        ):
            open_fields[-1].instruction.append(element.text or "")
    for unclosed in open_fields:  # no end: Word may still run it, so judge it to the last run
        doomed += _judge(package, part, unclosed, runs[-1], position)
    for start, stop in doomed:
        for element in runs[start : stop + 1]:
            if element.tag == f"{{{_W}}}r":
                _remove(element)
    return len(doomed)


def _judge(
    package: _Package,
    part: str,
    closed: _Field,
    end: etree._Element,
    position: dict[int, int],
) -> list[tuple[int, int]]:
    """The ranges of runs to remove for one complex field: none, its machinery, or all of it."""
    instruction = "".join(closed.instruction)
    begin, stop = position[id(closed.begin)], position[id(end)]
    address = _file_hyperlink(instruction)
    if address is not None and not closed.made_by_a_field:
        package.note(part, _file_link(address))
        upto = position[id(closed.separate)] if closed.separate is not None else stop
        return [(begin, upto), (stop, stop)]
    if closed.made_by_a_field or _field_name(instruction) in ACTIVE_FIELDS:
        package.note(part, _field_removed(instruction, closed.made_by_a_field))
        return [(begin, stop)]
    return []


def _alt_chunks(package: _Package, part: str, root: etree._Element) -> int:
    """Remove every ``w:altChunk`` (their relationships are already gone)."""
    chunks = list(root.iter(f"{{{_W}}}altChunk"))
    for chunk in chunks:
        package.note(part, _ALT_CHUNK_MESSAGE)
        _remove(chunk)
    return len(chunks)


def _vml_links(package: _Package, part: str, root: etree._Element) -> int:
    """Remove the address of a linked VML picture (``o:href``, ``src``)."""
    found = 0
    for element in root.iter(f"{{{_V}}}*"):
        for name in (f"{{{_O}}}href", "src"):
            address = element.get(name)
            if address:
                package.note(part, _linked_image(address))
                del element.attrib[name]
                found += 1
    return found


def _mail_merge(package: _Package, part: str, root: etree._Element) -> int:
    """Remove mail-merge settings, which name a data source to read when the file opens."""
    merges = list(root.iter(f"{{{_W}}}mailMerge"))
    for merge in merges:
        package.note(
            part,
            Message(
                "removed the mail merge settings, which read from a data source when the "
                "note is opened: notes need no mail merge"
            ),
        )
        _remove(merge)
    return len(merges)


# ---------------------------------------------------------------- writing it back


def _reachable(package: _Package) -> set[str]:
    """Every part reachable from the package's relationships, with their own .rels."""
    seen: set[str] = {"[Content_Types].xml"}
    todo = [""]
    while todo:
        source = todo.pop()
        folder, _, file_name = source.rpartition("/")
        rels = posixpath.join(folder, "_rels", f"{file_name}.rels") if source else "_rels/.rels"
        if rels not in package.parts:
            continue
        seen.add(rels)
        for relationship in etree.fromstring(package.parts[rels], _PARSER):
            if str(relationship.get("TargetMode", "")).lower() == "external":
                continue
            part = _target(source, str(relationship.get("Target", "")))
            if part not in seen:
                seen.add(part)
                todo.append(part)
    return seen


def _drop_unreachable(package: _Package) -> None:
    """Remove the parts nothing refers to any more (altChunk contents, macro data)."""
    keep = _reachable(package)
    for part in list(package.parts):
        if part not in keep:
            del package.parts[part]


def _write_types(package: _Package) -> None:
    """``[Content_Types].xml`` without removed parts and macro types."""
    source = package.parts.get("[Content_Types].xml")
    if source is None:
        return
    root = etree.fromstring(source, _PARSER)
    for item in list(root):
        content_type = str(item.get("ContentType", ""))
        name = str(item.get("PartName", "")).lstrip("/")
        removed_part = item.tag == f"{{{_CT}}}Override" and name not in package.parts
        if removed_part or content_type in MACRO_TYPES:
            root.remove(item)
        elif content_type in MACRO_MAIN_TYPES:
            item.set("ContentType", DOCUMENT_MAIN_TYPE)
    package.parts["[Content_Types].xml"] = _serialise(root)


def _serialise(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))


def _write(package: _Package) -> bytes:
    """The cleaned package as a zip, in the original order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, info in package.infos.items():
            if name in package.parts:
                archive.writestr(info, package.parts[name], zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
