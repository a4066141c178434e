"""How tall the filled built-in brief is, read from the document itself.

:mod:`pitchkit.notes.fit` estimates a note's height from its context, with
rough letter widths, so that cutting is quick and cautious. This module
lays out the filled document instead, as LibreOffice does for the built-in
brief template: each paragraph's text with its runs' weights, Arial's
advance widths (``arialwidths.json``, from its metric twin Liberation Sans:
``scripts/font_widths.py``), breaks at spaces and after a hyphen, slash or
dash before a letter, the template's paragraph styles (size, line spacing,
space before and after, the bullets' indent), the larger of two adjoining
spaces between paragraphs, and none between two bullets.

Over every bundled example and test file (``scripts/fit_error.py``) the
height it gives is within about a point of LibreOffice's, so
:func:`pitchkit.notes.brief.make_brief_note` uses it to skip LibreOffice
when a note is surely on one page (see docs/fitting.md). It knows only the
built-in brief: :func:`body_height` gives ``None`` for a paragraph style
it does not know, a table, a picture, a tab or a character without a
known width, or a title so close to breaking onto another line that
kerning could decide it, and then the note is measured as before.
"""

from __future__ import annotations

import io
import json
import zipfile
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree  # type: ignore[import-untyped]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Style(NamedTuple):
    """What the layout needs of one paragraph style of the built-in brief."""

    size: float  # points
    bold: bool
    before: float  # space before, points
    after: float  # space after, points
    line: float  # line spacing, as a multiple of the font's line height
    indent: float = 0.0  # left indent, points
    tracking: float = 0.0  # extra space after each character, points
    #: How much more of a line LibreOffice may fit than the layout, as a share of its
    #: width: for the title, its pair kerning (from 14 pt, ``w:kern``: it narrows the
    #: titles of the test files by up to 1.8 %) and the spacing after a line's last
    #: letter, which LibreOffice leaves out. A paragraph that would take fewer lines
    #: with that much more room is one the layout cannot tell (:class:`Unknown`).
    give: float = 0.0


#: The built-in brief's paragraph styles (``word/styles.xml``; tests compare the two).
STYLES: dict[str | None, Style] = {
    None: Style(10, False, 0, 3, 252 / 240),  # Normal
    "Title": Style(17, True, 0, 2, 1.0, tracking=0.25, give=0.025),
    "Heading1": Style(12.5, True, 7, 2, 1.0),
    "Lead": Style(10.5, True, 0, 3, 1.0),
    "ListBullet": Style(10, False, 0, 2, 252 / 240, indent=18),
    "SmallPrint": Style(8, False, 4, 0, 1.0),
}
#: Styles whose paragraphs leave out the space between two of their own (contextual spacing).
CONTEXTUAL = frozenset({"Title", "ListBullet"})
#: Width of the text between the page's side margins, in points (A4 less 2 x 1077 twips).
TEXT_WIDTH = (11906 - 2 * 1077) / 20
#: Characters after which a line may break when a letter follows.
_BREAK_AFTER = frozenset("-/\u2010\u2013\u2014")
#: Characters the layout cannot place: a line break opportunity it does not model.
_UNKNOWN = frozenset("\u00ad\u200b\t")


class Unknown(Exception):
    """The document holds something this layout does not model."""


class _Font(NamedTuple):
    """Advance widths in ems for each known character, regular and bold, and the line height."""

    regular: dict[str, float]
    bold: dict[str, float]
    line_height: float  # ems


@cache
def _font() -> _Font:
    raw = json.loads((Path(__file__).with_name("arialwidths.json")).read_text("utf-8"))
    units = float(raw["units_per_em"])

    def widths(style: str) -> dict[str, float]:
        return {
            chr(int(start) + offset): width / units
            for start, block in raw[style].items()
            for offset, width in enumerate(block)
            if width
        }

    return _Font(widths("regular"), widths("bold"), raw["line_height"] / units)


def body_height(document: bytes, *, cautious: bool = False) -> float | None:
    """The height in points the body of a filled built-in brief takes, on one long page.

    ``None`` when the document holds something the layout does not model.
    With ``cautious``, a paragraph so close to taking another line that
    kerning could decide it is counted with that line (the most it may take)
    instead of making the height unknown: right for deciding what to cut,
    where erring long costs at most one cut more.
    """
    try:
        xml = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml")
        body = etree.fromstring(xml).find(f"{_W}body")
        return _height(body, cautious=cautious) if body is not None else None
    except (Unknown, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None


def _height(body: etree._Element, *, cautious: bool = False) -> float:
    font = _font()
    total = 0.0
    previous: tuple[str | None, Style] | None = None
    for element in body:
        if element.tag == f"{_W}sectPr":
            continue
        if element.tag != f"{_W}p":
            raise Unknown(element.tag)
        name = _style_name(element)
        if name not in STYLES:
            raise Unknown(name)
        style = STYLES[name]
        if previous is not None:
            before_name, before_style = previous
            if not (name == before_name and name in CONTEXTUAL):
                total += max(before_style.after, style.before)
        lines = _paragraph_lines(name, _pieces(element, style), cautious)
        total += lines * style.size * font.line_height * style.line
        previous = (name, style)
    return total


@lru_cache(maxsize=4096)
def _paragraph_lines(name: str | None, pieces: tuple[tuple[str, bool], ...], cautious: bool) -> int:
    """Lines a paragraph of style ``name`` takes: see :func:`body_height` for ``cautious``.

    Remembered: fitting a note lays it out again after each cut, and every
    paragraph but the one cut comes back the same (as do the paragraphs every
    director's note shares in a batch). An :class:`Unknown` is not remembered,
    so it is raised again each time.
    """
    style = STYLES[name]
    width = TEXT_WIDTH - style.indent
    characters = [(char, bold) for text, bold in pieces for char in text]
    lines = _lines(characters, style, width)
    if not cautious and style.give and _lines(characters, style, width * (1 + style.give)) != lines:
        raise Unknown(f"{name} within {style.give:.1%} of taking another line")
    return lines


def _style_name(paragraph: etree._Element) -> str | None:
    found = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return None if found is None else found.get(f"{_W}val")


def _characters(paragraph: etree._Element, style: Style) -> list[tuple[str, bool]]:
    """The paragraph's characters, each with whether it is bold; a newline for a line break."""
    return [(char, bold) for text, bold in _pieces(paragraph, style) for char in text]


def _pieces(paragraph: etree._Element, style: Style) -> tuple[tuple[str, bool], ...]:
    """The paragraph's texts, each with whether it is bold; a newline for a line break."""
    found: list[tuple[str, bool]] = []
    for run in paragraph.iter(f"{_W}r"):
        bold = style.bold
        weight = run.find(f"{_W}rPr/{_W}b")
        if weight is not None:
            bold = weight.get(f"{_W}val", "true") not in ("0", "false")
        for part in run:
            if part.tag == f"{_W}t":
                found.append((part.text or "", bold))
            elif part.tag in (f"{_W}br", f"{_W}cr"):
                found.append(("\n", bold))
            elif part.tag != f"{_W}rPr":
                raise Unknown(part.tag)  # a tab, a picture, a field ...
    return tuple(found)


def _lines(characters: list[tuple[str, bool]], style: Style, width: float) -> int:
    """Lines the characters wrap to at ``width`` points, counting their line breaks."""
    space = _font().regular[" "] * style.size + style.tracking
    count = 0
    for part in _split(characters, "\n"):
        count += 1
        used = 0.0
        pending = 0.0
        for word, spaced in _words(part):
            advance = sum(_advance(char, bold, style) for char, bold in word)
            if used and used + pending + advance > width:
                count += 1 + int(advance // width)
                used = advance % width
            else:
                used += pending + advance
            pending = space if spaced else 0.0
    return count


def _advance(char: str, bold: bool, style: Style) -> float:
    """How far ``char`` moves the pen, in points."""
    font = _font()
    em = (font.bold if bold else font.regular).get(char)
    if em is None or char in _UNKNOWN:
        raise Unknown(char)
    return em * style.size + style.tracking


def _split(characters: list[tuple[str, bool]], separator: str) -> list[list[tuple[str, bool]]]:
    parts: list[list[tuple[str, bool]]] = [[]]
    for item in characters:
        if item[0] == separator:
            parts.append([])
        else:
            parts[-1].append(item)
    return parts


def _words(
    characters: list[tuple[str, bool]],
) -> list[tuple[list[tuple[str, bool]], bool]]:
    """The pieces a line may break between, each with whether a space follows it."""
    pieces: list[tuple[list[tuple[str, bool]], bool]] = []
    current: list[tuple[str, bool]] = []
    for index, (char, bold) in enumerate(characters):
        if char == " ":
            pieces.append((current, True))
            current = []
            continue
        current.append((char, bold))
        following = characters[index + 1][0] if index + 1 < len(characters) else " "
        if char in _BREAK_AFTER and following.isalpha() and len(current) > 1:
            pieces.append((current, False))
            current = []
    if current:
        pieces.append((current, False))
    return pieces
