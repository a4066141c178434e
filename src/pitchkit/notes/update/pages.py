"""How many pages a filled progress update takes, estimated without LibreOffice.

The update is kept to two pages (:data:`pitchkit.notes.update.making.UPDATE_PAGES`).
What makes one run over is mostly its charts: each is a picture that cannot
break across a page, with a caption that grows with its signals. This module
lays the filled document out roughly, page by page, with the built-in
template's page, paragraph styles and Arial's widths
(:mod:`pitchkit.notes.layout`): a paragraph's lines at its width (a table
cell's at the cell's), a picture at its drawn height, a table row kept
whole, a heading kept with what follows it. It is cautious: a character it
does not know takes a wide letter's room, and a row or picture that does not
fit where it falls starts a new page.

:func:`estimate` gives the page count and how sure it is; the update asks
LibreOffice only when the estimate is near the edge (see
:func:`pitchkit.notes.update.making.make_update`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]

from pitchkit.notes.layout import CONTEXTUAL, STYLES, Style, _font

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_EMU_PER_POINT = 12700.0

#: The built-in update's A4 page: 16838 twips less 850 at the top and 794 at the bottom.
PAGE_HEIGHT = (16838 - 850 - 794) / 20
TEXT_WIDTH = (11906 - 2 * 1020) / 20
#: The update's paragraph styles differ from the brief's in their sizes (``word/styles.xml``).
UPDATE_STYLES: dict[str | None, Style] = {
    **STYLES,
    None: Style(9.5, False, 0, 3, 252 / 240),
    "ListBullet": Style(9.5, False, 0, 2, 252 / 240, indent=18),
    "Lead": Style(10, True, 0, 3, 1.0),
}
#: A cell's top and bottom margins and its border, in points. A cell's paragraphs
#: have their own style's spacing (Normal's 3 pt after and 1.05 lines): LibreOffice
#: gives the paragraph style precedence over the table's.
_CELL_PAD = 2 * 30 / 20 + 0.5
_CELL_SIDES = 2 * 80 / 20
#: A table cell's line at its 9 pt text and Normal's line spacing.
_CELL_LINE = 9 * 2355 / 2048 * 252 / 240
#: How much of a page the estimate leaves unused before it calls an update surely within
#: its pages: it is rough, so near the edge LibreOffice decides (where it is found).
MARGIN = 0.05
#: Liberation Sans's descent, in ems: a line holding a picture is this much taller than it.
_DESCENT = 434 / 2048
#: A character without a known width takes this much of an em (a wide letter's).
_WIDE_EM = 0.75


@dataclass(frozen=True)
class Estimate:
    """The pages an update takes, and on pages :data:`MARGIN` shorter and taller.

    ``cautious`` is the count on the shorter pages, ``generous`` on the taller.
    """

    pages: int
    cautious: int
    generous: int
    #: The points its last page holds, on full pages (a short tail strands on a page).
    tail: float = 0.0

    def surely_within(self, pages: int) -> bool:
        """Whether the update fits ``pages`` even with the estimate's margin."""
        return self.cautious <= pages

    def surely_over(self, pages: int) -> bool:
        """Whether the update runs past ``pages`` even on pages the margin taller.

        The estimate is rough both ways: the frailty example's March 2028 update
        for its finance director, three charts, was estimated over two pages on
        full pages, and LibreOffice laid it out on two with room to spare. Near
        the edge on either side, LibreOffice decides where it is found.
        """
        return self.generous > pages


@dataclass(frozen=True)
class _Block:
    height: float
    whole: bool  # a picture or a table row: moves to the next page rather than split
    keep_next: bool = False
    line: float = 0.0  # a split paragraph's line height


def text_line() -> float:
    """The height of a line of the update's body text (Normal), in points."""
    style = UPDATE_STYLES[None]
    return style.size * _font().line_height * style.line


def estimate(document: bytes) -> Estimate | None:
    """The filled update's pages, laid out roughly (``None`` when it cannot be read)."""
    try:
        xml = zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml")
        body = etree.fromstring(xml).find(f"{_W}body")
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return None
    if body is None:
        return None
    blocks = _blocks(body)
    pages, tail = _laid_out(blocks, PAGE_HEIGHT)
    return Estimate(
        pages,
        _flow(blocks, PAGE_HEIGHT * (1 - MARGIN)),
        _flow(blocks, PAGE_HEIGHT * (1 + MARGIN)),
        tail,
    )


def _blocks(body: etree._Element) -> list[_Block]:
    """The body's paragraphs and table rows, each with the space above it.

    The space between two paragraphs is the larger of the one's space after
    and the other's before, counted once (none between two paragraphs of a
    style with contextual spacing, such as two bullets).
    """
    found: list[_Block] = []
    previous: tuple[str | None, Style] | None = None
    for element in body:
        if element.tag == f"{_W}p":
            name, style = _named_style(element)
            space = _space(previous, name, style)
            height, line, picture = _paragraph(element, style, TEXT_WIDTH - style.indent)
            keep = name == "Heading1" or element.find(f"{_W}pPr/{_W}keepNext") is not None
            found.append(_Block(space + height, picture, keep, line))
            previous = name, style
        elif element.tag == f"{_W}tbl":
            widths = [float(col.get(f"{_W}w", "0")) / 20 for col in element.iter(f"{_W}gridCol")]
            rows = element.findall(f"{_W}tr")
            for index, row in enumerate(rows):
                # The paragraph before the table keeps its space after above the first row.
                above = previous[1].after if index == 0 and previous is not None else 0.0
                # A row may break across the page between its lines unless it says it
                # cannot (the board box): LibreOffice splits the measures' rows.
                whole = row.find(f"{_W}trPr/{_W}cantSplit") is not None
                found.append(_Block(above + _row(row, widths), whole, line=_CELL_LINE))
            previous = None
    return found


def _space(previous: tuple[str | None, Style] | None, name: str | None, style: Style) -> float:
    """The space between the paragraph before (its style's name and style) and this one."""
    if previous is None:
        return style.before
    if previous[0] == name and name in CONTEXTUAL:
        return 0.0
    return max(previous[1].after, style.before)


def _named_style(paragraph: etree._Element) -> tuple[str | None, Style]:
    """The paragraph's style name (``None`` for Normal), and its style with its own spacing.

    A chart's title and caption set their space after themselves (``w:spacing``).
    """
    found = paragraph.find(f"{_W}pPr/{_W}pStyle")
    name = None if found is None else found.get(f"{_W}val")
    if name not in UPDATE_STYLES:
        name = None
    style = UPDATE_STYLES[name]
    spacing = paragraph.find(f"{_W}pPr/{_W}spacing")
    if spacing is not None:
        before, after, line = spacing.get(f"{_W}before"), spacing.get(f"{_W}after"), None
        if spacing.get(f"{_W}lineRule", "auto") == "auto":
            line = spacing.get(f"{_W}line")
        style = style._replace(
            before=style.before if before is None else float(before) / 20,
            after=style.after if after is None else float(after) / 20,
            line=style.line if line is None else float(line) / 240,
        )
    return name, style


def _style(paragraph: etree._Element) -> Style:
    return _named_style(paragraph)[1]


def _paragraph(paragraph: etree._Element, style: Style, width: float) -> tuple[float, float, bool]:
    """The paragraph's lines' height, its line height, and whether it holds a chart.

    The space before and after it is left to the caller (it depends on its
    neighbours). A line holding a picture (a chart, or a title's icon) is as
    tall as the picture above the baseline and the font's descent below it.
    """
    sizes = [
        float(size.get(f"{_W}val", "0")) / 2
        for size in paragraph.iter(f"{_W}sz")
        if size.getparent() is not None and size.getparent().tag == f"{_W}rPr"
    ]
    size = max(sizes) if sizes else style.size
    line = size * _font().line_height * style.line
    lines = _lines(_runs(paragraph, style), size, width)
    tallest = _pictures(paragraph)
    if not any(tallest):
        return lines * line, line, False
    below = size * _DESCENT
    pictured = [height + below for height in tallest if height + below > line]
    height = (lines - len(pictured)) * line + sum(pictured)
    # A chart: a picture taller than a few lines cannot break across a page.
    return height, line, max(tallest) > 3 * line


def _pictures(paragraph: etree._Element) -> list[float]:
    """The tallest picture on each of the paragraph's hard lines (0 for a line without one)."""
    found = [0.0]
    for node in paragraph.iter(f"{_W}br", f"{_W}cr", f"{_WP}extent"):
        if node.tag == f"{_WP}extent":
            found[-1] = max(found[-1], float(node.get("cy", "0")) / _EMU_PER_POINT)
        else:
            found.append(0.0)
    return found


def _row(row: etree._Element, widths: list[float]) -> float:
    tallest = 0.0
    column = 0
    for cell in row.findall(f"{_W}tc"):
        span_at = cell.find(f"{_W}tcPr/{_W}gridSpan")
        span = int(span_at.get(f"{_W}val", "1")) if span_at is not None else 1
        width = sum(widths[column : column + span]) or TEXT_WIDTH
        column += span
        height = 0.0
        previous: tuple[str | None, Style] | None = None
        for paragraph in cell.findall(f"{_W}p"):
            name, style = _named_style(paragraph)
            height += _space(previous, name, style)
            height += _paragraph(paragraph, style, max(width - _CELL_SIDES - style.indent, 20.0))[0]
            previous = name, style
        if previous is not None:
            height += previous[1].after
        tallest = max(tallest, height)
    return tallest + _CELL_PAD


#: Stands for an inline picture among a paragraph's characters.
_PICTURE = "\ufffc"


def _runs(paragraph: etree._Element, style: Style) -> list[tuple[str, bool, float]]:
    """The paragraph's characters, each with whether it is bold (a line break as a newline).

    A bold run is measured at bold widths: a table cell that opens with its
    measure in bold wraps sooner than regular widths say (newuser25 #9). An
    inline picture (a measure's icon) is a character as wide as it is drawn,
    the third item (points; 0 for a letter).
    """
    found: list[tuple[str, bool, float]] = []
    for run in paragraph.iter(f"{_W}r"):
        bold = style.bold
        weight = run.find(f"{_W}rPr/{_W}b")
        if weight is not None:
            bold = weight.get(f"{_W}val", "true") not in ("0", "false")
        for part in run.iter(f"{_W}t", f"{_W}br", f"{_W}cr", f"{_WP}extent"):
            if part.tag == f"{_WP}extent":
                found.append((_PICTURE, bold, float(part.get("cx", "0")) / _EMU_PER_POINT))
                continue
            text = "\n" if part.tag != f"{_W}t" else (part.text or "")
            found += [(char, bold, 0.0) for char in text]
    return found


def _lines(characters: list[tuple[str, bool, float]], size: float, width: float) -> int:
    """Lines the characters wrap to at ``width`` points (line breaks counted), at spaces."""
    font = _font()
    space = font.regular[" "] * size
    count = 0
    text = "".join(char for char, _, _ in characters)
    at = 0
    for part in text.split("\n"):
        count += 1
        used = 0.0
        for word in part.split(" "):
            letters = characters[at : at + len(word)]
            at += len(word) + 1
            advance = sum(
                points
                if char == _PICTURE
                else (font.bold if bold else font.regular).get(char, _WIDE_EM) * size
                for char, bold, points in letters
            )
            if used and used + space + advance > width:
                count += 1 + int(advance // width)
                used = advance % width
            else:
                used += (space if used else 0.0) + advance
    return count


def _flow(blocks: list[_Block], page: float) -> int:
    """The pages ``blocks`` fill, one after another, on pages ``page`` points tall."""
    return _laid_out(blocks, page)[0]


def _laid_out(blocks: list[_Block], page: float) -> tuple[int, float]:
    """The pages ``blocks`` fill on pages ``page`` points tall, and the points the last holds."""
    pages, used = 1, 0.0
    for index, block in enumerate(blocks):
        need = block.height
        if block.keep_next and index + 1 < len(blocks):
            following = blocks[index + 1]
            need += following.height if following.whole else 2 * following.line
        if block.whole or block.keep_next:
            if used and used + need > page:
                pages, used = pages + 1, 0.0
            used += block.height
            while used > page:  # taller than a page on its own
                pages, used = pages + 1, used - page
            continue
        used += block.height
        while used > page:
            pages, used = pages + 1, used - page
    return pages, used
