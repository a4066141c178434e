"""Core properties set without python-docx (pitchkit.word.properties) come out as it writes them."""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
import zipfile

import docx
import pytest
from docx.opc.coreprops import CoreProperties
from docx.oxml.parser import parse_xml
from lxml import etree

from pitchkit.notes.brief import builtin_template
from pitchkit.word.properties import PROPERTY_FIELDS, CoreXml, Properties, stamp_properties

WORDS = ["R&D", "<plan>", '"one"', "'two'", "Zoë", "Ysbyty", "£250,000", "a\tb", " ", "]]>", "é"]


def built_in_core() -> bytes:
    with zipfile.ZipFile(io.BytesIO(builtin_template("brief"))) as package:
        return package.read("docProps/core.xml")


def blank_core() -> bytes:
    """python-docx's own default core properties (a template without them gets these)."""
    document = docx.Document()
    return etree.tostring(document.core_properties._element)


def bare_core() -> bytes:
    """A core properties element with no fields and no xsi namespace declared."""
    return (
        b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
    )


def random_properties(rng: random.Random) -> Properties:
    def text(most: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, most)))

    return Properties(
        title=text(120),
        author=text(5),
        subject=text(3),
        language=rng.choice(["en-GB", "cy-GB", "en"]),
        created=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 3000)),
    )


@pytest.mark.parametrize("source", [built_in_core, blank_core, bare_core])
def test_stamping_gives_python_docxs_xml(source: object) -> None:
    rng = random.Random(13)
    xml = source()  # type: ignore[operator]
    for _ in range(150):
        props = random_properties(rng)
        filled = set(rng.sample(["title", "author", "subject", "comments"], rng.randint(0, 2)))
        theirs = parse_xml(xml)
        ours = etree.fromstring(xml)
        stamp_properties(CoreProperties(theirs), props, filled)
        stamp_properties(CoreXml(ours), props, filled)
        assert etree.tostring(ours) == etree.tostring(theirs)
        again = copy.deepcopy(ours)
        CoreXml(again).title = props.author
        CoreProperties(theirs).title = props.author
        assert etree.tostring(again) == etree.tostring(theirs)


def test_each_field_reads_as_python_docx_reads_it() -> None:
    xml = built_in_core()
    core = CoreProperties(parse_xml(xml))
    ours = CoreXml(etree.fromstring(xml))
    for field in PROPERTY_FIELDS:
        assert getattr(ours, field) == (getattr(core, field) or ""), field
    assert ours.comments == "pitchkit brief template"


def test_a_field_too_long_or_a_bad_value_is_refused_as_python_docx_refuses_it() -> None:
    ours = CoreXml(etree.fromstring(built_in_core()))
    with pytest.raises(ValueError, match="255 char limit"):
        ours.title = "x" * 256
    with pytest.raises(ValueError, match="positive int"):
        ours.revision = 0
    with pytest.raises(ValueError, match="requires a datetime"):
        ours.created = dt.date(2027, 1, 1)
    with pytest.raises(AttributeError):
        ours.colour = "red"
