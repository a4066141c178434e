r"""Tabs, new lines, paragraph and page marks in filled text, as Word breaks: without docxtpl.

A value holding ``\t``, ``\n``, ``\a`` or ``\f`` is filled into a ``<w:t>``
as that character. docxtpl's ``DocxTemplate.resolve_listing`` then turns
each into Word's own mark: a tab run, a line break, a new paragraph with
the same paragraph properties, or a page break, each following run carrying
the run's own properties. :func:`resolve_listing` does exactly that, character
for character, so that :mod:`pitchkit.word.fastrender` need not import
docxtpl (and python-docx under it: about 30 ms of a process) for the notes
of a batch whose text holds one of those characters.
``tests/test_listing.py`` compares the two.
"""

from __future__ import annotations

import re

#: A paragraph, a run and a text element, each to its first closing tag.
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_RUN = re.compile(r"<w:r(?: [^>]*)?>.*?</w:r>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>.*?</w:t>", re.DOTALL)
#: A paragraph's and a run's properties, on one line (as docxtpl finds them).
_PARAGRAPH_PROPERTIES = re.compile(r"<w:pPr>.*?</w:pPr>")
_RUN_PROPERTIES = re.compile(r"<w:rPr>.*?</w:rPr>")
#: What runs on after a mark: the text element reopened, keeping its spaces.
_OPEN_TEXT = '<w:t xml:space="preserve">'


def resolve_listing(xml: str) -> str:
    """``xml`` with the marks in its text elements made Word's tabs, breaks and paragraphs."""
    return _PARAGRAPH.sub(_in_paragraph, xml)


def _in_paragraph(paragraph: re.Match[str]) -> str:
    found = _PARAGRAPH_PROPERTIES.search(paragraph.group(0))
    properties = found.group(0) if found else ""
    return _RUN.sub(lambda run: _in_run(run, properties), paragraph.group(0))


def _in_run(run: re.Match[str], paragraph_properties: str) -> str:
    found = _RUN_PROPERTIES.search(run.group(0))
    properties = found.group(0) if found else ""
    return _TEXT.sub(
        lambda text: _marks_replaced(text.group(0), properties, paragraph_properties),
        run.group(0),
    )


def _marks_replaced(text: str, run_properties: str, paragraph_properties: str) -> str:
    """One text element with its marks replaced, tabs first, then paragraphs, lines, pages."""
    closed = "</w:t></w:r>"
    new_paragraph = f"</w:p><w:p>{paragraph_properties}<w:r>{run_properties}{_OPEN_TEXT}"
    text = text.replace(
        "\t", f"{closed}<w:r>{run_properties}<w:tab/></w:r><w:r>{run_properties}{_OPEN_TEXT}"
    )
    text = text.replace("\a", f"{closed}{new_paragraph}")
    text = text.replace("\n", f"</w:t><w:br/>{_OPEN_TEXT}")
    page = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    return text.replace(
        "\f", f"{closed}</w:p>{page}<w:p>{paragraph_properties}<w:r>{run_properties}{_OPEN_TEXT}"
    )
