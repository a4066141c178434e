"""Finish a filled document: addresses become links, table cells valid for Word.

A director reading the note in Word or Outlook expects to click the lead's
e-mail address. Templates put addresses in as plain text (a tag cannot
make a hyperlink), so after filling, each address in the body, headers and
footers becomes a ``w:hyperlink`` to ``mailto:`` or the web address, in
Word's Hyperlink character style (added to the document when its template
lacks it). Text already inside a link is left alone.

docxtpl's cell tags put their properties in an order Word's schema does
not allow; they are put back in order here too.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any, NamedTuple

from lxml import etree  # type: ignore[import-untyped]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PR = "http://schemas.openxmlformats.org/package/2006/relationships"
_HYPERLINK = _R + "/hyperlink"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
#: An e-mail address, or a web address starting http(s):// or www.
ADDRESS = re.compile(
    r"(?P<email>(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
    r"|(?P<web>\b(?:https?://|www\.)[^\s<>\"]+)"
)
#: Punctuation that ends a sentence rather than an address.
_TRAILING = ".,;:!?)]}'\u2019\u201d"
_PARTS = re.compile(r"^word/(document|header\d*|footer\d*)\.xml$")


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def addresses(text: str) -> list[tuple[int, int, str]]:
    """Each address in ``text`` as ``(start, end, target)``."""
    found = []
    for match in ADDRESS.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        shown = text[start:end]
        if match.group("email"):
            target = "mailto:" + shown
        else:
            target = shown if shown.lower().startswith("http") else "https://" + shown
        found.append((start, end, target))
    return found


def link_addresses(data: bytes) -> bytes:
    """The .docx ``data`` with every e-mail and web address made a link.

    Table cells' properties are put in the schema's order on the way.
    Returns ``data`` itself when there is nothing to change.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        infos = package.infolist()
        parts = {info.filename: package.read(info) for info in infos}
    changed: set[str] = set()
    needs_style = False
    for name in [n for n in parts if finishes(n)]:
        rels_name = relationships_name(name)
        done = finish_part(parts[name], parts.get(rels_name))
        if done.xml is not None:
            parts[name] = done.xml
            changed.add(name)
        if done.rels is not None:
            parts[rels_name] = done.rels
            changed.add(rels_name)
            needs_style = True
    if not changed:
        return data
    if needs_style and "word/styles.xml" in parts:
        styles = with_hyperlink_style(parts["word/styles.xml"])
        if styles is not None:
            parts["word/styles.xml"] = styles
    names = [info.filename for info in infos]
    names += [name for name in changed if name not in names]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name in names:
            package.writestr(name, parts[name])
    return buffer.getvalue()


def finishes(name: str) -> bool:
    """Whether the part ``name`` (a zip name) is one whose addresses become links."""
    return _PARTS.match(name) is not None


def relationships_name(name: str) -> str:
    """The zip name of part ``name``'s relationships: ``word/_rels/document.xml.rels``."""
    return posixpath.join(posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels")


class FinishedPart(NamedTuple):
    """What finishing one part changed: each is ``None`` when left as it was."""

    #: The part, when links were made or cells reordered.
    xml: bytes | None = None
    #: Its relationships, when links were made (a new file when it had none).
    rels: bytes | None = None


def finish_part(xml: bytes, rels: bytes | None, *, tree: Any = None) -> FinishedPart:
    """Finish one body, header or footer part: its cells in order, its addresses linked.

    ``rels`` is the part's relationships (``None`` when it has none). A
    document whose parts made links needs the Hyperlink style too (see
    :func:`with_hyperlink_style`). :func:`link_addresses` does this for
    each part of a whole document; a batch does it part by part. ``tree``,
    when given, is ``xml`` still parsed (it serialises to ``xml``): it is
    finished in place rather than parsed again, with the same result.
    """
    reordered = _cell_properties_in_order(xml, tree)
    if reordered is not None:
        xml = reordered
    if b"@" not in xml and b"http" not in xml and b"www." not in xml:
        return FinishedPart(reordered)
    root = tree if tree is not None else etree.fromstring(xml)
    relationships = (
        etree.fromstring(rels)
        if rels is not None
        else etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})
    )
    if _link_runs(root, relationships):
        return FinishedPart(_bytes(root), _bytes(relationships))
    return FinishedPart(reordered)


#: The order Word's schema gives the properties of a table cell (``w:tcPr``).
_CELL_ORDER = {
    f"{{{_W}}}{name}": rank
    for rank, name in enumerate(
        (
            "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
            "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
            "cellDel", "cellMerge", "tcPrChange",
        )
    )
}  # fmt: skip


def _cell_properties_in_order(xml: bytes, tree: Any = None) -> bytes | None:
    """The part with each cell's properties in schema order, or ``None`` if already so.

    docxtpl's ``{% cellbg %}``, ``{% colspan %}`` and ``{% hm %}`` insert their
    element first, before ``w:tcW``, which Word's schema (and so Word's
    repair prompt) refuses.
    """
    if b"tcPr" not in xml or not any(tag in xml for tag in (b"shd", b"gridSpan", b"hMerge")):
        return None
    root = tree if tree is not None else etree.fromstring(xml)
    moved = False
    for properties in root.iter(f"{{{_W}}}tcPr"):
        children = list(properties)
        ordered = sorted(children, key=lambda child: _CELL_ORDER.get(child.tag, len(_CELL_ORDER)))
        if ordered != children:
            for child in children:
                properties.remove(child)
            properties.extend(ordered)
            moved = True
    return _bytes(root) if moved else None


def _link_runs(root: Any, rels: Any) -> int:
    """Wrap each address in the part's runs in a hyperlink; return how many."""
    made = 0
    for run in _runs_with_addresses(root):
        parent = run.getparent()
        if parent is None or parent.tag == _w("hyperlink"):
            continue
        texts = run.findall(_w("t"))
        if len(texts) != 1 or any(child.tag not in (_w("rPr"), _w("t")) for child in run):
            continue
        text = texts[0].text or ""
        found = addresses(text)
        if not found:
            continue
        position = parent.index(run)
        pieces: list[Any] = []
        done = 0
        for start, end, target in found:
            if start > done:
                pieces.append(_run_like(run, text[done:start]))
            link = etree.Element(_w("hyperlink"))
            link.set(f"{{{_R}}}id", _relate(rels, target))
            link.set(_w("history"), "1")
            linked = _run_like(run, text[start:end])
            _style_as_link(linked)
            link.append(linked)
            pieces.append(link)
            done = end
        if done < len(text):
            pieces.append(_run_like(run, text[done:]))
        parent.remove(run)
        for offset, piece in enumerate(pieces):
            parent.insert(position + offset, piece)
        made += len(found)
    return made


def _runs_with_addresses(root: Any) -> list[Any]:
    """The runs whose text may hold an address, in document order, each once.

    Every address has an ``@``, ``http`` or ``www.`` in it (see
    :data:`ADDRESS`), so other runs need not be read with the pattern.
    """
    runs: dict[Any, None] = {}
    for text in root.iter(_w("t")):
        value = text.text
        if value and ("@" in value or "http" in value or "www." in value):
            run = text.getparent()
            if run is not None and run.tag == _w("r"):
                runs[run] = None
    return list(runs)


def _run_like(run: Any, text: str) -> Any:
    """A copy of ``run``'s formatting holding ``text``."""
    copy = etree.Element(_w("r"))
    properties = run.find(_w("rPr"))
    if properties is not None:
        copy.append(etree.fromstring(etree.tostring(properties)))
    element = etree.SubElement(copy, _w("t"))
    element.text = text
    element.set(_XML_SPACE, "preserve")
    return copy


def _style_as_link(run: Any) -> None:
    """Give a run the Hyperlink character style (first in its properties)."""
    properties = run.find(_w("rPr"))
    if properties is None:
        properties = etree.Element(_w("rPr"))
        run.insert(0, properties)
    for old in properties.findall(_w("rStyle")):
        properties.remove(old)
    style = etree.Element(_w("rStyle"))
    style.set(_w("val"), "Hyperlink")
    properties.insert(0, style)


def _relate(rels: Any, target: str) -> str:
    """The id of an external hyperlink relationship to ``target`` (added if new)."""
    for rel in rels:
        if rel.get("Type") == _HYPERLINK and rel.get("Target") == target:
            return str(rel.get("Id"))
    taken = {str(rel.get("Id")) for rel in rels}
    number = len(taken) + 1
    while f"rId{number}" in taken:
        number += 1
    etree.SubElement(
        rels,
        f"{{{_PR}}}Relationship",
        Id=f"rId{number}",
        Type=_HYPERLINK,
        Target=target,
        TargetMode="External",
    )
    return f"rId{number}"


def with_hyperlink_style(data: bytes) -> bytes | None:
    """``styles.xml`` with a Hyperlink character style, or ``None`` if it has one."""
    root = etree.fromstring(data)
    if any(s.get(_w("styleId")) == "Hyperlink" for s in root.iter(_w("style"))):
        return None
    style = etree.SubElement(root, _w("style"))
    style.set(_w("type"), "character")
    style.set(_w("styleId"), "Hyperlink")
    etree.SubElement(style, _w("name")).set(_w("val"), "Hyperlink")
    etree.SubElement(style, _w("uiPriority")).set(_w("val"), "99")
    etree.SubElement(style, _w("unhideWhenUsed"))
    properties = etree.SubElement(style, _w("rPr"))
    etree.SubElement(properties, _w("color")).set(_w("val"), "0563C1")
    etree.SubElement(properties, _w("u")).set(_w("val"), "single")
    return _bytes(root)


def _bytes(root: Any) -> bytes:
    return bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True))
