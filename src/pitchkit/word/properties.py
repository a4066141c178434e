"""A document's core properties: the ones pitchkit sets, and setting them without python-docx.

:func:`stamp_properties` sets pitchkit's own properties on a core
properties object: python-docx's ``CoreProperties`` (the one-document path,
:func:`pitchkit.word.render.render`) or :class:`CoreXml`, which reads and
sets the same fields on the ``cp:coreProperties`` element directly, as
python-docx does: each field's element is found as its first child of that
name, added at the end when missing, its text set; a date is written as
``YYYY-MM-DDTHH:MM:SSZ`` with ``xsi:type="dcterms:W3CDTF"`` on the created
and modified dates. The compiled renderer (:mod:`pitchkit.word.fastrender`)
uses it so that filling a built-in template needs no python-docx at all
(``tests/test_properties.py`` holds the two to the same XML).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, NamedTuple

from lxml import etree  # type: ignore[import-untyped]

#: The core properties a template may fill with tags.
PROPERTY_FIELDS = ("title", "subject", "author", "keywords", "category", "comments")
#: The most characters pitchkit writes into one document property.
PROPERTY_LIMIT = 250

_NAMESPACES = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
#: Each field's element, as python-docx names them.
_TAGS = {
    "author": ("dc", "creator"),
    "category": ("cp", "category"),
    "comments": ("dc", "description"),
    "keywords": ("cp", "keywords"),
    "language": ("dc", "language"),
    "last_modified_by": ("cp", "lastModifiedBy"),
    "subject": ("dc", "subject"),
    "title": ("dc", "title"),
    "created": ("dcterms", "created"),
    "modified": ("dcterms", "modified"),
    "revision": ("cp", "revision"),
}
_DATES = ("created", "modified")
_TEXT_LIMIT = 255


class Properties(NamedTuple):
    """Document properties pitchkit sets on every document it writes."""

    title: str
    author: str
    subject: str
    language: str
    created: dt.date


def stamp_properties(core: Any, properties: Properties, filled: Collection[str]) -> None:
    """Set pitchkit's own document properties, leaving those the template filled."""
    values = {
        "title": properties.title,
        "author": properties.author,
        "subject": properties.subject,
        "comments": "Made with pitchkit",
    }
    for field, value in values.items():
        if field not in filled:
            setattr(core, field, value[:PROPERTY_LIMIT])
    core.last_modified_by = properties.author[:PROPERTY_LIMIT]
    core.language = properties.language
    moment = dt.datetime.combine(properties.created, dt.time(9, 0))
    core.created = moment
    core.modified = moment
    core.revision = 1


def _clark(field: str) -> str:
    prefix, name = _TAGS[field]
    return f"{{{_NAMESPACES[prefix]}}}{name}"


class CoreXml:
    """The fields of a ``cp:coreProperties`` element, read and set as python-docx does."""

    __slots__ = ("element",)
    element: Any

    def __init__(self, element: Any) -> None:
        object.__setattr__(self, "element", element)

    def __getattr__(self, field: str) -> str:
        """A text field's value: ``""`` when its element is missing or empty."""
        if field not in _TAGS or field in _DATES or field == "revision":
            raise AttributeError(field)
        found = self.element.find(_clark(field))
        return "" if found is None or found.text is None else str(found.text)

    def __setattr__(self, field: str, value: Any) -> None:
        """Set a field: text (at most 255 characters), a date and time, or the revision."""
        if field not in _TAGS:
            raise AttributeError(field)
        if field in _DATES:
            if not isinstance(value, dt.datetime):
                raise ValueError(f"property requires a datetime, got {type(value)}")
            child = self._child(field)
            child.text = value.strftime("%Y-%m-%dT%H:%M:%SZ")
            xsi = _NAMESPACES["xsi"]
            self.element.set(f"{{{xsi}}}foo", "bar")  # declares xsi on the root, as python-docx
            child.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
            del self.element.attrib[f"{{{xsi}}}foo"]
        elif field == "revision":
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"revision property requires positive int, got '{value}'")
            self._child(field).text = str(value)
        else:
            text = value if isinstance(value, str) else str(value)
            if len(text) > _TEXT_LIMIT:
                raise ValueError(f"exceeded {_TEXT_LIMIT} char limit for property")
            self._child(field).text = text

    def _child(self, field: str) -> Any:
        """The field's element, added at the end when missing."""
        found = self.element.find(_clark(field))
        if found is None:
            prefix, _name = _TAGS[field]
            found = etree.Element(_clark(field), nsmap={prefix: _NAMESPACES[prefix]})
            self.element.append(found)
        return found
